//! Delegation end to end over a real store: seed 002's order imported and stored, a new
//! version's diff, decisions from seed 002's statistics checked and reported back in the
//! shape of 002:1253–1397, a file with bad rows refused whole with every bad row named, and
//! the ANMÄLAN lists of 002:1401–1472 per unit and month.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use paragraf_app::delegation::{
    import_decisions, notices, parse_further_csv, parse_roles_csv, read_order, report,
    search_items, store_order, who_may_decide,
};
use paragraf_app::BadRows;
use paragraf_core::delegation::{FurtherDelegation, LevelNumber};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn seed_path() -> PathBuf {
    fixtures().join("002_e41df9be8d1d79a6.txt")
}

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn stored() -> paragraf_app::DataDir {
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    let imported = read_order(&seed_path(), None, d("2024-05-01")).expect("seed 002");
    let imported = store_order(&store, imported, Some("002")).expect("store");
    assert_eq!(imported.version, Some(1));
    assert!(imported.diff.is_none());
    store
}

#[test]
fn seed_order_is_read_with_parsed_lagrum_and_thresholds() {
    let o = read_order(&seed_path(), None, d("2024-05-01")).expect("seed 002");
    assert_eq!(o.order.items.len(), 200);
    assert!(o.staleness.is_none());
    let i = o.order.item("1.2.1").expect("1.2.1");
    assert_eq!(
        i.legal_refs[1].law_name.as_deref(),
        Some("Offentlighets- och sekretesslag (2009:400)")
    );
    assert_eq!(i.legal_refs[1].sections, vec!["2-3"]);
    let i = o.order.item("5.4.1").expect("5.4.1");
    assert_eq!(i.levels[0].thresholds[0].amount, 20);
    // A year after the revision the order is flagged for review, and past giltig t o m.
    let late = read_order(&seed_path(), None, d("2025-04-17")).expect("seed 002");
    assert!(late.staleness.is_some());
    let json = serde_json::to_value(&o).expect("json");
    assert_eq!(json["title"], "Delegationsordning för Socialnämnden");
    assert_eq!(json["items"][0]["number"], "1.1.1");
    assert!(json["warnings"].as_array().is_some_and(|w| !w.is_empty()));
}

/// An order kept as a Word table (the corpus's 03 re-laid out, with the columns "Punkt,
/// Ärendetyp, Lagrum, Beslutsfattare, Anmärkning, Anmäls, Överklagan") is read by its
/// columns' meaning and stored, the columns beyond the five kept in the remark; an order in
/// a CSV whose headers say nothing is read with the columns named.
#[test]
fn an_order_in_word_or_with_named_columns_is_read_and_stored() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/delegation");
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    let o = read_order(&corpus.join("03.docx"), None, d("2024-05-01")).expect("03.docx");
    assert_eq!(o.order.items.len(), 12);
    let i = o.order.item("1.2.1").expect("1.2.1");
    assert_eq!(
        i.delegates,
        vec![vec!["Barn- och utbildningschef".to_string()]]
    );
    let remark = i.remark.as_deref().unwrap_or("");
    assert!(remark.contains("Anmäls: Ja"), "{remark}");
    assert!(
        remark.contains("Överklagan: Laglighetsprövning"),
        "{remark}"
    );
    let stored = store_order(&store, o, Some("03.docx")).expect("stored");
    assert_eq!(stored.version, Some(1));

    let dir = tempfile::tempdir().expect("tmp");
    let csv = dir.path().join("lista.csv");
    std::fs::write(
        &csv,
        "A;B;C\n1.1;Beslut om bistånd;Socialsekreterare eller Biståndshandläggare\n",
    )
    .expect("write");
    let e = read_order(&csv, None, d("2024-05-01")).unwrap_err();
    assert!(format!("{e:#}").contains("--columns"), "{e:#}");
    let o = read_order(&csv, Some("nr,ärende,delegat"), d("2024-05-01")).expect("named");
    assert_eq!(
        o.order.item("1.1").expect("1.1").delegates,
        vec![vec![
            "Socialsekreterare".to_string(),
            "Biståndshandläggare".to_string()
        ]]
    );
    assert!(read_order(&csv, Some("nr,lagrum"), d("2024-05-01")).is_err());
}

#[test]
fn a_new_version_shows_its_diff() {
    let store = stored();
    let mut next = read_order(&seed_path(), None, d("2024-05-01")).expect("again");
    next.order.revised = Some(d("2024-06-01"));
    next.order.items.retain(|i| i.number != "11.20");
    if let Some(i) = next.order.items.iter_mut().find(|i| i.number == "1.2.1") {
        i.delegates = vec![vec!["Förvaltningschef".into()]];
    }
    let stored = store_order(&store, next, None).expect("v2");
    let diff = stored.diff.expect("diff");
    assert_eq!(diff.removed, vec!["11.20"]);
    assert!(diff.added.is_empty());
    assert_eq!(diff.delegates_changed.len(), 1);
    assert_eq!(diff.delegates_changed[0].item, "1.2.1");
    assert_eq!(store.storage_for_tests().orders().expect("orders").len(), 2);
    // 11.20 was in force in May but not in June.
    assert!(who_may_decide(&store, "11.20", None, Some(d("2024-05-15"))).is_ok());
    assert!(who_may_decide(&store, "11.20", None, Some(d("2024-06-15"))).is_err());
}

#[test]
fn who_and_search() {
    let store = stored();
    let w = who_may_decide(&store, "3.3", Some("2"), None).expect("3.3");
    assert_eq!(
        w.delegates,
        vec![vec!["Samordnare".to_string(), "Enhetschef".to_string()]]
    );
    let w = who_may_decide(&store, "1.2.1", None, None).expect("1.2.1");
    assert_eq!(
        w.delegates,
        vec![
            vec!["Enhetschef".to_string()],
            vec!["Verksamhetschef".to_string()]
        ]
    );
    let hits = search_items(&store, "faderskap").expect("search");
    assert_eq!(
        hits.iter().map(|i| i.number.as_str()).collect::<Vec<_>>(),
        vec!["10.2.1", "10.2.2", "10.2.4"]
    );
    let hits = search_items(&store, "6 kap. 6 § SoL").expect("search");
    assert_eq!(
        hits.iter().map(|i| i.number.as_str()).collect::<Vec<_>>(),
        vec!["5.1.1", "5.1.4"]
    );
}

/// The seed's own tables: unit → [(type, count)], the split tables of one unit joined.
fn seed_statistics() -> BTreeMap<String, Vec<(String, u64)>> {
    let text = std::fs::read_to_string(seed_path()).expect("seed");
    let lines: Vec<&str> = text.lines().collect();
    let mut out: BTreeMap<String, Vec<(String, u64)>> = BTreeMap::new();
    let mut unit = String::new();
    for l in &lines[1252..1397] {
        let cells: Vec<&str> = l.split('\t').collect();
        match cells.as_slice() {
            ["Organisation", ..] => {}
            [u, "", ""] if !u.is_empty() => unit = u.to_string(),
            ["", t, n] if !t.is_empty() && !t.starts_with("Summa") => {
                out.entry(unit.clone())
                    .or_default()
                    .push((t.to_string(), n.trim().parse().expect("count")));
            }
            _ => {}
        }
    }
    out
}

#[test]
fn decisions_from_seed_statistics_reproduce_its_report() {
    let store = stored();
    let bytes = std::fs::read(fixtures().join("delegation/decisions_002.csv")).expect("csv");
    let s = import_decisions(&store, "decisions_002.csv", bytes.as_slice()).expect("import");
    assert_eq!(s.rows, 1775);
    let r = report(&store, d("2024-05-01"), d("2024-05-31")).expect("report");
    assert_eq!(r.total, 1775);
    let want = seed_statistics();
    assert_eq!(want.len(), 11);
    assert_eq!(r.units.len(), want.len());
    for u in &r.units {
        let mut expected = want
            .get(&u.unit)
            .cloned()
            .unwrap_or_else(|| panic!("unit {}", u.unit));
        let mut got: Vec<(String, u64)> = u
            .decisions
            .iter()
            .map(|t| (t.decision.clone(), t.count))
            .collect();
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "{}", u.unit);
        assert_eq!(
            u.total,
            expected.iter().map(|x| x.1).sum::<u64>(),
            "Summa beslut för {}",
            u.unit
        );
    }
    let sums: BTreeMap<&str, u64> = r.units.iter().map(|u| (u.unit.as_str(), u.total)).collect();
    assert_eq!(sums["SoL Biståndsenheten"], 1043);
    assert_eq!(sums["Ekonomi- och vuxenheten"], 561);
    // Bifall/avslag per item: 5.4.3 has 229 + 1 bifall and 187 + 1 avslag.
    let i = r.by_item.iter().find(|i| i.item == "5.4.3").expect("5.4.3");
    assert_eq!((i.bifall, i.avslag, i.annat), (230, 188, 0));
    // The same file twice is refused.
    assert!(import_decisions(&store, "again.csv", bytes.as_slice()).is_err());
    assert_eq!(
        report(&store, d("2024-05-01"), d("2024-05-31"))
            .expect("r")
            .total,
        1775
    );
}

#[test]
fn a_file_with_bad_rows_is_refused_whole() {
    let store = stored();
    let bytes = std::fs::read(fixtures().join("delegation/bad_rows.csv")).expect("csv");
    let err = import_decisions(&store, "bad_rows.csv", bytes.as_slice()).unwrap_err();
    let e = err.downcast_ref::<BadRows>().expect("import error");
    let lines: Vec<u64> = e.problems.iter().map(|p| p.line).collect();
    let mut unique = lines.clone();
    unique.dedup();
    assert_eq!(unique, vec![3, 4, 5, 6, 7, 8, 9, 10], "{e}");
    let at = |line: u64| {
        e.problems
            .iter()
            .filter(|p| p.line == line)
            .map(|p| p.message.clone())
            .collect::<Vec<_>>()
            .join(" / ")
    };
    assert!(at(3).contains("punkt 9.9.9 finns inte"), "{}", at(3));
    assert!(
        at(4).contains("rollen Ekonomiassistent får inte besluta enligt punkt 6.6"),
        "{}",
        at(4)
    );
    assert!(at(5).contains("bara delegeras till utskott"), "{}", at(5));
    assert!(at(6).contains("2024-13-01"), "{}", at(6));
    assert!(at(7).contains("kanske"), "{}", at(7));
    assert!(at(8).contains("beslutsfattare saknas"), "{}", at(8));
    assert!(
        at(9).contains("ingen delegationsordning gällde 2019-01-01"),
        "{}",
        at(9)
    );
    assert!(at(10).contains("flyttats till 7.2.10"), "{}", at(10));
    assert!(e.to_string().contains("inget har sparats"));
    // Nothing was stored, not even the good rows.
    assert_eq!(
        report(&store, d("2024-01-01"), d("2024-12-31"))
            .expect("r")
            .total,
        0
    );
}

#[test]
fn persons_and_further_delegation_are_checked() {
    let store = stored();
    let roles = parse_roles_csv(
        "person;roll;från;till\nHelene Brändström;Enhetschef;2024-01-01;2024-05-05\n".as_bytes(),
    )
    .expect("roles");
    store
        .storage_for_tests()
        .add_role_holders(&roles)
        .expect("holders");
    // A real CSV reader: a quoted field may hold the delimiter.
    let quoted = parse_roles_csv(
        "person;roll;från;till\n\"Berg; Anna\";Samordnare;2024-01-01;\n".as_bytes(),
    )
    .expect("quoted");
    assert_eq!(quoted.len(), 1);
    assert_eq!(quoted[0].role, "Samordnare");
    let csv = "punkt;datum;beslutsfattare;roll;enhet;beslut;utfall\n2.14;2024-05-06;Helene Brändström;Enhetschef;IFO;Utseende av ombud;annat\n";
    let err = import_decisions(&store, "x.csv", csv.as_bytes()).unwrap_err();
    assert!(
        err.to_string()
            .contains("Helene Brändström var inte Enhetschef den 2024-05-06"),
        "{err}"
    );
    // Item 1.4.1 is the förvaltningschef's; passed on to the biträdande förvaltningschef.
    let csv = "punkt;datum;beslutsfattare;roll;enhet;beslut;utfall\n1.4.1;2024-05-04;Pär Hägglund;Biträdande förvaltningschef;Ledning/stab;Ändringar i Attestantförteckning;annat\n";
    assert!(import_decisions(&store, "y.csv", csv.as_bytes()).is_err());
    let further = parse_further_csv(
        "punkt;roll;från;till\n1.4.1.;Biträdande förvaltningschef;2024-01-01;\n".as_bytes(),
    )
    .expect("further");
    assert_eq!(
        further,
        vec![FurtherDelegation {
            item: "1.4.1".into(),
            role: "Biträdande förvaltningschef".into(),
            from: d("2024-01-01"),
            to: None,
        }]
    );
    assert!(
        parse_further_csv("punkt;roll;från;till\n1.4.1;X;2024-02-01;2024-01-01\n".as_bytes())
            .is_err()
    );
    store
        .storage_for_tests()
        .add_further_delegations(&further)
        .expect("further");
    import_decisions(&store, "y.csv", csv.as_bytes()).expect("passed on");
}

#[test]
fn notice_lists_per_unit_and_month() {
    let store = stored();
    let csv = "punkt;datum;beslutsfattare;roll;enhet;beslut;utfall;nivå\n\
4.3;2024-05-15;Sofia Wallin;Verksamhetsutvecklare;Ledning/stab;Lex Sarah enligt 24 f § LSS till IVO;annat;\n\
2.14;2024-06-10;Helene Brändström;Enhetschef;Individ- och familjeomsorg;Utseende av ombud i mål nr 366-24;annat;\n\
3.3;2024-06-11;Anna Berg;Samordnare;Individ- och familjeomsorg;Förhöjt arvode;bifall;2\n";
    import_decisions(&store, "anm.csv", csv.as_bytes()).expect("import");
    let r = notices(&store, d("2024-05-01"), d("2024-06-30")).expect("lists");
    let lists: Vec<(String, String, usize)> = r
        .iter()
        .map(|n| (n.unit.clone(), n.month.clone(), n.rows.len()))
        .collect();
    assert_eq!(
        lists,
        vec![
            ("Individ- och familjeomsorg".into(), "2024-06".into(), 2),
            ("Ledning/stab".into(), "2024-05".into(), 1)
        ]
    );
    assert_eq!(r[1].rows[0].decided_by, "Sofia Wallin");
    // The statistics carry no list of decisions.
    let stats =
        serde_json::to_value(report(&store, d("2024-05-01"), d("2024-06-30")).unwrap()).unwrap();
    assert_eq!(stats["total"], 3);
    assert!(stats.get("notices").is_none(), "{stats}");
    // A level the item does not have is refused.
    let csv = "punkt;datum;beslutsfattare;roll;enhet;beslut;utfall;nivå\n3.3;2024-06-12;A;Utskott;IFO;X;bifall;9\n";
    let err = import_decisions(&store, "lvl.csv", csv.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("ingen nivå 9"), "{err}");
    let _ = LevelNumber::new("2");
}

#[test]
fn decision_lists_in_windows_1252_with_commas() {
    let store = stored();
    // "Biståndshandläggare" and "Bifall korttidsvistelse 9 § 6p LSS" in Windows-1252.
    let mut bytes =
        b"punkt,datum,beslutsfattare,roll,enhet,beslut,utfall\n6.6,2024-05-06,A B,Bist".to_vec();
    bytes.push(0xE5);
    bytes.extend_from_slice(b"ndshandl");
    bytes.push(0xE4);
    bytes.extend_from_slice(b"ggare,LSS Bist");
    bytes.push(0xE5);
    bytes.extend_from_slice(b"ndsenheten,Bifall korttidsvistelse 9 ");
    bytes.push(0xA7);
    bytes.extend_from_slice(b" 6p LSS,Bifall\n");
    let s = import_decisions(&store, "cp1252.csv", bytes.as_slice()).expect("import");
    assert_eq!(s.rows, 1);
    let r = report(&store, d("2024-05-01"), d("2024-05-31")).expect("report");
    assert_eq!(r.units[0].unit, "LSS Biståndsenheten");
    assert_eq!(
        r.units[0].decisions[0].decision,
        "Bifall korttidsvistelse 9 § 6p LSS"
    );
    // A missing column is named, and nothing is read.
    let err = import_decisions(
        &store,
        "x.csv",
        b"punkt;datum;roll\n6.6;2024-05-06;Samordnare\n",
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("beslutsfattare: kolumnen saknas"),
        "{err}"
    );
}

#[test]
fn random_bytes_never_panic_the_csv_reader() {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let header = b"punkt;datum;beslutsfattare;roll;enhet;beslut;utfall\n";
    for i in 0..2000 {
        let len = (next() % 400) as usize;
        let mut bytes: Vec<u8> = if i % 2 == 0 {
            header.to_vec()
        } else {
            Vec::new()
        };
        bytes.extend((0..len).map(|_| {
            let b = next() as u8;
            // Bias towards the characters that matter.
            match b % 8 {
                0 => b';',
                1 => b'\n',
                2 => b'"',
                _ => b,
            }
        }));
        let _ = paragraf_app::delegation::parse_decisions_csv(&bytes);
        let _ = parse_roles_csv(&bytes);
    }
}

/// An order whose PDF table came out cell by cell (the corpus's 05, a bygglov order as a web
/// copy held it: every cell on its own line, page footers among them) is read with the
/// warning to check every item, and stored; one whose table came out column by column (03)
/// is refused, not guessed at.
#[test]
fn an_order_extracted_cell_by_cell_is_read_with_a_warning_and_one_column_by_column_is_refused() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/delegation");
    let o = read_order(&corpus.join("05.txt"), None, d("2024-05-01")).expect("05.txt");
    assert!(
        o.warnings
            .iter()
            .any(|w| w.contains("cell för cell") && w.contains("kontrollera varje punkt")),
        "{:?}",
        o.warnings
    );
    let i = o.order.item("F.1.2").expect("F.1.2");
    assert_eq!(i.legal_basis, ["PBL 9 kap. 2 § första stycket 1 och 2"]);
    let roles: Vec<&String> = i.delegates.iter().flatten().collect();
    assert_eq!(
        roles,
        ["Bygglovschef", "Bygglovshandläggare", "Arbetsutskottet"]
    );
    assert!(i
        .remark
        .as_deref()
        .is_some_and(|r| r.starts_with("Gäller ej ärenden som avser hotell")));
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    assert_eq!(
        store_order(&store, o, Some("05.txt"))
            .expect("stored")
            .version,
        Some(1)
    );
    let e = read_order(&corpus.join("03.txt"), None, d("2024-05-01")).unwrap_err();
    assert!(
        format!("{e:#}").contains("ingen delegationsordning hittades"),
        "{e:#}"
    );
}

/// An order written as lists under a heading that names the delegate (the corpus's 06:
/// "Delegation till förvaltningschefen …" and numbered items under it) is read with the
/// warning to check every item, every item given the heading's delegate, and stored; so is
/// the same order in Word, numbered by Word.
#[test]
fn an_order_written_as_lists_under_a_delegate_heading_is_read_with_a_warning() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/delegation");
    let o = read_order(&corpus.join("06.txt"), None, d("2024-05-01")).expect("06.txt");
    assert!(
        o.warnings
            .iter()
            .any(|w| w.contains("rubriker som namnger delegaten")
                && w.contains("kontrollera varje punkt")),
        "{:?}",
        o.warnings
    );
    assert!(
        o.warnings.iter().any(|w| w.contains("”l.”")),
        "{:?}",
        o.warnings
    );
    let i = o.order.item("4").expect("item 4");
    assert_eq!(
        i.delegates,
        [["förvaltningschefen vid samhällsbyggnadsförvaltningen".to_string()]]
    );
    assert_eq!(
        i.remark.as_deref(),
        Some("Ärenden av principiell natur skall alltid avgöras av ledningsutskottet.")
    );
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    assert_eq!(
        store_order(&store, o, Some("06.txt"))
            .expect("stored")
            .version,
        Some(1)
    );
    // The same order as a Word document that numbers its list itself (no number in the text).
    let w = read_order(&corpus.join("06.docx"), None, d("2024-05-01")).expect("06.docx");
    assert_eq!(w.order.items.len(), 9);
    assert_eq!(
        w.order.item("1").expect("item 1").delegates,
        [["förvaltningschefen vid samhällsbyggnadsförvaltningen".to_string()]]
    );
}

/// A delegationsordning as a PDF (the corpus's 01 printed by LibreOffice: a landscape table,
/// the header repeated on the next page, a row broken over the page) is read through its
/// words' places, stored, and says it was read from a PDF. Needs poppler's pdftotext, which
/// the test command installs.
#[test]
fn an_order_in_a_pdf_is_read_by_its_table_and_stored() {
    let corpus =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/delegation");
    let o = match read_order(&corpus.join("01.pdf"), None, d("2024-05-01")) {
        Ok(o) => o,
        Err(e) if format!("{e:#}").contains("pdftotext") => {
            eprintln!("pdftotext saknas (poppler-utils): PDF-läsningen kontrolleras inte");
            return;
        }
        Err(e) => panic!("{e:#}"),
    };
    assert_eq!(o.order.items.len(), 17);
    assert_eq!(
        o.order.item("1.1.1").expect("1.1.1").delegates,
        [["Direktör".to_string()]]
    );
    assert!(o.warnings.iter().any(|w| w.starts_with("läst ur PDF")));
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    assert_eq!(
        store_order(&store, o, Some("01.pdf"))
            .expect("stored")
            .version,
        Some(1)
    );
}
