//! The register's papers as documents: the tjänsteskrivelse with its draft § and the report
//! as bilaga, placed on a meeting's agenda so that the § is written from it; the quarterly
//! report to IVO as PDF. Text checks with pdftotext (poppler-utils) where it is installed.

mod support;
use support::seat;

use std::process::Command;

use chrono::NaiveDate;
use paragraf_app::meeting::cycle;
use paragraf_app::unenforced::docs::{ivo_doc, memo_doc, pdf, place_on_agenda};
use paragraf_app::unenforced::{draft, import_csv, ivo_report, monthly_report};
use paragraf_app::{Config, DataDir, MunicipalityConfig, RegistryConfig};
use paragraf_core::meeting::{Meeting, MeetingState};
use paragraf_core::minutes::{CellValue, Decision};
use paragraf_core::org::{Body, BodyKind, Person};
use paragraf_core::unenforced::catalogue::Catalogue;
use paragraf_core::unenforced::ivo::Quarter;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn text_of(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn dir() -> (tempfile::TempDir, DataDir) {
    let tmp = tempfile::tempdir().unwrap();
    let config = Config {
        municipality: MunicipalityConfig {
            name: "Ludvika kommun".into(),
            org_nr: None,
            ..Default::default()
        },
        registry: RegistryConfig {
            dnr_pattern: "{series}/{year}:{seq}".into(),
            default_series: Some("VON".into()),
            ..Default::default()
        },
        server: Default::default(),
        sso: None,
        underskrift: None,
        nycklar: None,
        mail: None,
        database: paragraf_app::DatabaseConfig::for_tests(),
    };
    let d = DataDir::init(&tmp.path().join("data"), &config).unwrap();
    let csv = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/unenforced/register_004.csv"
    ))
    .unwrap();
    import_csv(
        &d,
        "test",
        "register.csv",
        csv,
        &Catalogue::default_catalogue(),
        None,
    )
    .unwrap();
    (tmp, d)
}

#[test]
fn the_memo_goes_on_the_agenda_and_becomes_the_paragraph() {
    let (_tmp, dir) = dir();
    let cat = Catalogue::default_catalogue();
    let report = monthly_report(&dir, "test", &cat, d("2023-11-30")).unwrap();
    let memo = draft(&report, "Vård- och omsorgsnämnden", d("2024-01-08"));
    let doc = memo_doc(
        &memo,
        "Ludvika kommun",
        "Vård- och omsorgsnämnden",
        d("2024-01-08"),
        None,
        None,
    );
    let bytes = pdf(&doc).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    if let Some(text) = text_of(&bytes) {
        for want in [
            "Tjänsteskrivelse",
            "Förslag till beslut",
            "tar del av och godkänner förvaltningens rapport",
            "Bilaga: Statistikrapport den 30 november 2023",
            "Antal beslut 21",
            "Varav kvinnor 9",
            "Antal som tackat nej till erbjudande 5",
            "LSS – kontaktperson 2022-09-19 437 K 1",
            "Kommunfullmäktige",
        ] {
            assert!(text.contains(want), "{want:?} in\n{text}");
        }
    } else {
        eprintln!("pdftotext saknas (poppler-utils): texten kontrolleras inte");
    }

    // On the agenda of a planned meeting; the § is written from the draft.
    let s = &dir;
    let body = s
        .add_body(&Body::new("Vård- och omsorgsnämnden", None, BodyKind::Committee, None).unwrap())
        .unwrap();
    let chair = s
        .add_person(&Person::new("Åsa Bergkvist", None).unwrap())
        .unwrap();
    let adjuster = s
        .add_person(&Person::new("Bert Broman", None).unwrap())
        .unwrap();
    seat(&dir, body.id, chair.id);
    seat(&dir, body.id, adjuster.id);
    let mut m = Meeting::planned(body.id, d("2024-01-29"));
    m.start = Some("14:00".parse().unwrap());
    m.place = Some("Samlingssalen, Marnäsliden".into());
    let m = cycle::create_meeting(s, &m).unwrap();
    let (case, item) = place_on_agenda(&dir, m.id, &memo, &bytes, d("2024-01-08"), "test").unwrap();
    assert_eq!(item.position, 1);
    assert_eq!(case.title, memo.title);
    let docs = s.documents(case.id).unwrap();
    assert_eq!(docs.len(), 1);
    let file = docs[0].value.file.as_deref().expect("the memo is kept");
    assert_eq!(std::fs::read(dir.path.join(file)).unwrap(), bytes);

    cycle::send_notice(s, m.id, d("2024-01-19")).unwrap();
    // A meeting whose notice has gone out takes no more items.
    assert!(place_on_agenda(&dir, m.id, &memo, &bytes, d("2024-01-08"), "test").is_err());
    cycle::mark_held(s, m.id, d("2024-01-29")).unwrap();
    let minutes =
        cycle::draft_minutes(s, m.id, None, Some(chair.id), vec![adjuster.id], None).unwrap();
    let p = &minutes.paragraphs()[0];
    assert_eq!(p.title, memo.title);
    assert_eq!(
        p.case_number.as_deref(),
        Some(case.dnr.to_string().as_str())
    );
    assert!(
        matches!(&p.proposal, Some(Decision::Text { text }) if text.contains("översänder rapporten till kommunfullmäktige"))
    );
    assert_eq!(p.dispatch, ["Kommunfullmäktige", "Akt"]);
    assert_eq!(p.tables.len(), 3);
    let first = &p.tables[0].rows[0];
    assert_eq!(first.label.as_deref(), Some("Antal beslut"));
    assert_eq!(first.values, [CellValue::Number(21.0)]);
    assert_eq!(p.tables[2].rows.len(), 21, "one row per decision, no ids");
    assert_eq!(
        s.meeting(m.id).unwrap().state(),
        MeetingState::MinutesDrafted
    );
}

#[test]
fn the_ivo_report_is_a_pdf_with_the_register_ids() {
    let (_tmp, dir) = dir();
    let cat = Catalogue::default_catalogue();
    let r = ivo_report(&dir, "test", &cat, Quarter::new(2023, 4).unwrap()).unwrap();
    let doc = ivo_doc(
        &r,
        "Ludvika kommun",
        "Vård- och omsorgsnämnden",
        d("2024-01-10"),
    );
    assert!(doc.landscape);
    let bytes = pdf(&doc).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let Some(text) = text_of(&bytes) else {
        eprintln!("pdftotext saknas (poppler-utils): texten kontrolleras inte");
        return;
    };
    assert!(
        text.contains("Ej verkställda gynnande beslut, kvartal 2023Q4"),
        "{text}"
    );
    assert!(
        text.contains(&format!("Antal beslut {}", r.rows.len())),
        "{text}"
    );
    for row in &r.rows {
        assert!(text.contains(&row.id), "{} in the PDF", row.id);
    }
    assert!(text.contains("verkställt") && text.contains("avslutat"));
}
