//! Ej verkställda beslut end to end over a real store: the register built from seed 004's
//! rows reproduces its November and December reports (with the two source errors
//! corrected), `check` names both errors and nothing else, bad files store nothing, and the
//! IVO report follows decisions carried out, closed and interrupted within the quarter.

use std::path::PathBuf;

use chrono::NaiveDate;
use paragraf_app::unenforced::{
    self as u, add_decision, chart_svg, draft, edit_decision, import_csv,
};
use paragraf_core::unenforced::catalogue::Catalogue;
use paragraf_core::unenforced::check::{check, parse_reports, StatedReport};
use paragraf_core::unenforced::rules::Kind;
use paragraf_core::unenforced::{
    DecisionId, Gender, GrantedDecision, Interruption, IvoReport, MonthlyReport, Reason,
};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(name)).expect("fixture")
}

fn seed() -> String {
    String::from_utf8(read("004_781e15fbb2993ffb.txt")).expect("utf-8")
}

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn imported() -> (paragraf_app::DataDir, Catalogue) {
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    let c = Catalogue::default_catalogue();
    let s = import_csv(
        &store,
        "test",
        "register_004.csv",
        read("unenforced/register_004.csv"),
        &c,
        None,
    )
    .expect("import");
    assert_eq!((s.rows, s.inserted), (29, 29));
    (store, c)
}

/// (type, decision date, days, gender, reason) of each stated row, the type normalised.
fn stated_rows(
    r: &StatedReport,
    c: &Catalogue,
) -> Vec<(String, NaiveDate, i64, Gender, Option<u8>)> {
    r.rows
        .iter()
        .map(|x| {
            let t = c
                .resolve(&x.written)
                .map(|e| e.name.clone())
                .expect("known type");
            (t, x.decision_date, x.days, x.gender, x.reason)
        })
        .collect()
}

fn computed_rows(r: &MonthlyReport) -> Vec<(String, NaiveDate, i64, Gender, Option<u8>)> {
    r.rows
        .iter()
        .map(|x| {
            (
                x.service.clone(),
                x.decision_date,
                x.days,
                x.gender,
                x.reason.map(|r| r.code()),
            )
        })
        .collect()
}

fn stated_types(r: &StatedReport, c: &Catalogue) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = r
        .by_type
        .iter()
        .map(|t| {
            (
                c.resolve(&t.written).map(|e| e.name.clone()).expect("type"),
                t.count as u64,
            )
        })
        .collect();
    v.sort();
    v
}

fn computed_types(r: &MonthlyReport) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = r
        .by_type
        .iter()
        .map(|t| (t.service.clone(), t.count))
        .collect();
    v.sort();
    v
}

#[test]
fn the_register_reproduces_seed_004_november_and_december() {
    let (store, c) = imported();
    let seed = seed();
    let stated = parse_reports(&seed);
    assert_eq!(stated.len(), 2);

    // November: every row, every type and the count; declined is 5 (the seed's summary says 3).
    let nov = u::monthly_report(&store, "test", &c, d("2023-11-30")).expect("report");
    assert_eq!(computed_rows(&nov), stated_rows(&stated[0], &c));
    assert_eq!(computed_types(&nov), stated_types(&stated[0], &c));
    let s = stated[0].summary.expect("summary");
    assert_eq!(
        (nov.total, nov.women, nov.men),
        (s.total as u64, s.women as u64, s.men as u64)
    );
    assert_eq!((s.declined, nov.declined), (3, 5));
    assert_eq!(nov.rows[0].days, 437);

    // December: the summary as stated (11 women, 12 men, 7 declined) and every row but one:
    // 2023-07-16 is M as in November (the seed's December row says K).
    let dec = u::monthly_report(&store, "test", &c, d("2023-12-31")).expect("report");
    let s = stated[1].summary.expect("summary");
    assert_eq!(
        (dec.total, dec.women, dec.men, dec.declined),
        (
            s.total as u64,
            s.women as u64,
            s.men as u64,
            s.declined as u64
        )
    );
    assert_eq!(computed_types(&dec), stated_types(&stated[1], &c));
    let mine = computed_rows(&dec);
    let theirs = stated_rows(&stated[1], &c);
    assert_eq!(mine.len(), theirs.len());
    let differ: Vec<_> = mine.iter().zip(&theirs).filter(|(a, b)| a != b).collect();
    assert_eq!(differ.len(), 1);
    assert_eq!(differ[0].0 .1, d("2023-07-16"));
    assert_eq!((differ[0].0 .3, differ[0].1 .3), (Gender::M, Gender::K));

    // The report's text is seed 004's three tables and checks clean.
    let text = format!("{}\n{}", nov.to_text(), dec.to_text());
    let again = check(&text, &c);
    assert!(again.findings.is_empty(), "{:#?}", again.findings);
    assert!(again.notes.is_empty());
    // JSON shape of the issue.
    let json = serde_json::to_value(&nov).expect("json");
    for key in [
        "date", "total", "women", "men", "declined", "by_type", "rows",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    for key in ["id", "type", "decision_date", "days", "gender", "reason"] {
        assert!(json["rows"][0].get(key).is_some(), "{key}");
    }
}

#[test]
fn check_on_seed_004_names_both_errors_and_nothing_else() {
    let c = Catalogue::default_catalogue();
    let r = u::check_file(&fixtures().join("004_781e15fbb2993ffb.txt"), &c).expect("check");
    let summary: Vec<(String, String, Option<i64>, Option<i64>)> = r
        .findings
        .iter()
        .map(|f| (f.report.clone(), f.field.clone(), f.stated, f.computed))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("2023-11-30".into(), "declined".into(), Some(3), Some(5)),
            ("2023-12-31".into(), "women".into(), Some(11), Some(12)),
            ("2023-12-31".into(), "men".into(), Some(12), Some(11)),
            ("2023-12-31".into(), "gender".into(), None, None),
        ]
    );
    assert_eq!(r.findings[3].decision_date, Some(d("2023-07-16")));
}

#[test]
fn a_file_with_bad_rows_stores_nothing_and_names_every_row() {
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    let c = Catalogue::default_catalogue();
    let err = import_csv(
        &store,
        "test",
        "bad_rows.csv",
        read("unenforced/bad_rows.csv"),
        &c,
        None,
    )
    .expect_err("bad");
    let e = err
        .downcast_ref::<paragraf_app::BadRows>()
        .expect("import error");
    let got: Vec<(u64, &str)> = e
        .problems
        .iter()
        .map(|p| (p.line, p.field.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (3, "insats"),
            (4, "beslutsdatum"),
            (5, "verkställt"),
            (6, "kön"),
            (7, "orsak"),
            (8, "id"),
            (9, "avbrott_från"),
            (10, "id"),
        ]
    );
    let text = err.to_string();
    assert!(text.contains("inget har sparats"), "{text}");
    assert!(text.contains("rad 3, insats"), "{text}");
    assert!(
        text.contains("rad 10, id: id B1 förekommer redan på rad 2"),
        "{text}"
    );
    assert!(
        !text.contains("811218-9876"),
        "the personnummer is not echoed: {text}"
    );
    assert!(paragraf_app::unenforced::decisions(&store, "test")
        .expect("list")
        .is_empty());
}

#[test]
fn header_encoding_and_delimiter_problems() {
    let c = Catalogue::default_catalogue();
    // Comma, Windows-1252 (ä = 0xE4, ö = 0xF6), a missing optional column set.
    let mut bytes = b"id,insats,beslutsdatum,k\xF6n,orsak\n".to_vec();
    bytes.extend_from_slice(b"W1,\xC4ldreboende - demens,2023-01-02,K,2\n");
    let rows = u::parse_csv(&bytes, &c).expect("parsed");
    assert_eq!(rows[0].service, "Äldreboende – demens");
    assert_eq!(rows[0].reason, Some(Reason::ResourceShortage));
    // A missing required column and an unknown one.
    let e = u::parse_csv(b"id;insats;datum_x\nA;B;C\n", &c).expect_err("bad header");
    let fields: Vec<&str> = e.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, vec!["datum_x", "beslutsdatum", "kön"]);
    assert!(u::parse_csv(b"", &c).is_err());
    // Header only: nothing to do.
    assert_eq!(
        u::parse_csv("id;insats;beslutsdatum;kön\n".as_bytes(), &c).map(|v| v.len()),
        Ok(0)
    );
    // Too many fields.
    let e = u::parse_csv(
        "id;insats;beslutsdatum;kön\nA;SoL – kontaktperson;2023-01-01;K;x\n".as_bytes(),
        &c,
    )
    .expect_err("wide");
    assert_eq!(e.problems[0].line, 2);
}

#[test]
fn reimporting_an_id_updates_it_and_keeps_what_the_file_cannot_say() {
    let (store, c) = imported();
    edit_decision(
        &store,
        "Eva Handläggare",
        &c,
        &DecisionId::new("N03").expect("id"),
        |x| {
            x.unit = Some("Bistånd LSS".into());
            Ok(())
        },
    )
    .expect("edit");
    let csv = "id;insats;beslutsdatum;kön;orsak;verkställt;avslutat;avbrott_från;avbrott_till\n\
               N03;LSS – kontaktperson;2022-11-25;M;2;2023-12-20;;;\n";
    let s = import_csv(
        &store,
        "Import",
        "n03.csv",
        csv.as_bytes().to_vec(),
        &c,
        None,
    )
    .expect("again");
    assert_eq!((s.inserted, s.updated, s.unchanged), (0, 1, 0));
    let x =
        paragraf_app::unenforced::decision(&store, "test", &DecisionId::new("N03").expect("id"))
            .expect("get")
            .expect("found");
    assert_eq!(x.enforced, Some(d("2023-12-20")));
    assert_eq!(x.unit.as_deref(), Some("Bistånd LSS"));
    let log = paragraf_app::unenforced::log(&store, Some(&x.id)).expect("log");
    let who: Vec<(&str, &str)> = log
        .iter()
        .map(|e| (e.actor.as_str(), e.action.as_str()))
        .collect();
    assert_eq!(
        who,
        vec![
            ("test", "skapa"),
            ("Eva Handläggare", "läsa"),
            ("Eva Handläggare", "ändra"),
            ("Import", "ändra"),
            ("test", "läsa"),
        ]
    );
}

#[test]
fn ivo_follows_decisions_carried_out_closed_and_interrupted_in_the_quarter() {
    let (store, c) = imported();
    // An interruption reportable in Q4: verkställt 2023-01-15, interrupted 2023-06-20.
    let mut i = GrantedDecision::new(
        DecisionId::new("I01").expect("id"),
        "LSS – daglig verksamhet",
        d("2022-12-01"),
        Gender::K,
    );
    i.enforced = Some(d("2023-01-15"));
    i.reason = Some(Reason::ResourceShortage);
    i.interruptions.push(Interruption {
        from: d("2023-06-20"),
        to: Some(d("2023-11-06")),
    });
    add_decision(&store, "Eva", &c, i).expect("add");
    // Another, still interrupted at the quarter's end.
    let mut j = GrantedDecision::new(
        DecisionId::new("I02").expect("id"),
        "lss kontaktperson",
        d("2022-01-10"),
        Gender::M,
    );
    j.enforced = Some(d("2022-02-01"));
    j.interruptions.push(Interruption {
        from: d("2023-08-01"),
        to: None,
    });
    let j = add_decision(&store, "Eva", &c, j).expect("add");
    assert_eq!(j.service, "LSS – kontaktperson");

    let q = u::ivo_report(&store, "test", &c, "2023Q4".parse().expect("q")).expect("ivo");
    let row = |id: &str| {
        q.rows
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(row("N06").enforced, Some(d("2023-12-11")));
    assert_eq!(row("N06").state, "verkställt");
    assert_eq!(row("N07").closed, Some(d("2023-12-05")));
    assert_eq!(row("N07").state, "avslutat");
    assert_eq!(row("N21").state, "verkställt");
    assert_eq!(row("N01").state, "väntar");
    assert_eq!(
        (row("I01").kind, row("I01").interrupted_from),
        (Kind::Interrupted, Some(d("2023-06-20")))
    );
    assert_eq!(
        (row("I01").enforced, row("I01").state.as_str()),
        (Some(d("2023-11-06")), "verkställt")
    );
    assert_eq!(
        (row("I02").kind, row("I02").enforced),
        (Kind::Interrupted, None)
    );
    // Never reportable in Q4: enforced in time, resumed before three months, too young.
    for id in ["E01", "E02", "E03"] {
        assert!(q.rows.iter().all(|r| r.id != id), "{id}");
    }
    // Every decision of December's report, plus those settled in December, plus I01/I02.
    assert_eq!(q.rows.len(), 23 + 3 + 2);
    let csv = q.to_csv();
    assert!(csv
        .contains("N07;LSS – kontaktperson;LSS;9 § LSS;2023-03-21;K;ej_verkställt;;;2023-12-05;"));
    let json = serde_json::to_value(&q).expect("json");
    for key in [
        "id",
        "type",
        "decision_date",
        "gender",
        "kind",
        "interrupted_from",
        "enforced",
        "closed",
        "reason",
    ] {
        assert!(json["rows"][0].get(key).is_some(), "{key}");
    }
    // The statistics for KF count the same decisions.
    let s = u::quarter_stats(&store, "test", &c, "2023Q4".parse().expect("q")).expect("stats");
    assert_eq!(s.total, q.rows.len() as u64);
    assert_eq!(s.interrupted, 2);
    assert_eq!(s.by_law.iter().map(|l| l.total).sum::<u64>(), s.total);
    let direct = IvoReport::compute(
        &paragraf_app::unenforced::decisions(&store, "t").expect("all"),
        &c,
        "2023Q4".parse().expect("q"),
    );
    assert_eq!(direct, q);
}

#[test]
fn chart_and_draft() {
    let (store, c) = imported();
    let all = paragraf_app::unenforced::decisions(&store, "test").expect("all");
    let svg = chart_svg(&all, &c, d("2023-12-31")).expect("svg");
    assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
    assert!(svg.contains("LSS – kontaktperson"));
    assert!(svg.contains("2023-12"));
    assert!(svg.contains("<rect"));
    let report = MonthlyReport::compute(&all, &c, d("2023-11-30"));
    let dr = draft(&report, "Vård- och omsorgsnämnden", d("2023-12-01"));
    assert_eq!(
        dr.decision,
        "Vård- och omsorgsnämnden tar del av och godkänner förvaltningens rapport och översänder rapporten till kommunfullmäktige för kännedom."
    );
    assert_eq!(
        dr.title,
        "Vård- och omsorgsnämndens rapport angående antal beslut om bistånd som inte verkställts till och med 30 november 2023"
    );
    assert_eq!(dr.send_to, vec!["Kommunfullmäktige", "Akt"]);
    let json = serde_json::to_string(&dr).expect("json");
    assert!(!json.contains("\"id\""), "the attachment has no ids");
}

#[test]
fn parsers_never_panic_on_any_input() {
    let c = Catalogue::default_catalogue();
    assert!(u::parse_csv(b"", &c).is_err());
    assert!(check("", &c).findings.is_empty());
    let header = "id;insats;beslutsdatum;k\u{f6}n;orsak;verkst\u{e4}llt;avslutat;avbrott_fr\u{e5}n;avbrott_till\n";
    let mut s: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    for round in 0..1500 {
        let len = (next() % 300) as usize;
        let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        if round % 2 == 0 {
            // Keep the header so the rows are read too; sprinkle separators and dates.
            let mut v = header.as_bytes().to_vec();
            for b in bytes.iter_mut() {
                *b = match *b % 7 {
                    0 => b';',
                    1 => b'\n',
                    2 => b'-',
                    3 => b'0' + *b % 10,
                    _ => *b,
                };
            }
            v.extend(bytes);
            bytes = v;
        }
        let _ = u::parse_csv(&bytes, &c);
        let text = String::from_utf8_lossy(&bytes);
        let _ = check(&text, &c);
        let _ = text.parse::<paragraf_core::unenforced::Quarter>();
    }
}
