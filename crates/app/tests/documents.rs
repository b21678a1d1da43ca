//! Seeds 000 and 004 re-created from imported data and rendered; and the round trip: a
//! protocol rendered by Paragraf and read back by the importer keeps its structure.

use std::process::Command;

use paragraf_app::meeting::{documents, import};
use paragraf_app::{keys, Config, DataDir, MunicipalityConfig, RegistryConfig};
use paragraf_core::ids::MeetingId;

const SEED_000: &str = include_str!("../../../tests/fixtures/000_cbbf2cbdf5794cd6.txt");
const SEED_004: &str = include_str!("../../../tests/fixtures/004_781e15fbb2993ffb.txt");

fn dir() -> (tempfile::TempDir, DataDir) {
    let tmp = tempfile::tempdir().unwrap();
    let config = Config {
        municipality: MunicipalityConfig {
            name: "Hagfors kommun".into(),
            org_nr: None,
            ..Default::default()
        },
        registry: RegistryConfig {
            dnr_pattern: "{series}/{year}:{seq}".into(),
            default_series: Some("KS".into()),
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
    (tmp, d)
}

fn pdftotext(path: &std::path::Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn import_seed(d: &DataDir, text: &str, name: &str) -> MeetingId {
    let key = keys::load_or_create(d).unwrap();
    let p = paragraf_import::parse_protocol(text).unwrap();
    import::store_protocol(d, &p, name, &key).unwrap().meeting
}

#[test]
fn seeds_000_and_004_are_recreated_and_rendered() {
    let (tmp, d) = dir();
    let m000 = import_seed(&d, SEED_000, "000");
    let m004 = import_seed(&d, SEED_004, "004");
    let today = "2026-11-23".parse().unwrap();
    let out = tmp.path().join("out000");
    let files = documents::render_all(&d, m000, &out, today).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for f in [
        "protokoll.pdf",
        "protokoll-offentlig.pdf",
        "anslag.pdf",
        "utdrag-114.pdf",
        "utdrag-120.pdf",
    ] {
        assert!(names.contains(&f.to_string()), "{f} in {names:?}");
    }
    for f in &files {
        assert_eq!(&std::fs::read(f).unwrap()[..5], b"%PDF-", "{}", f.display());
    }
    let out4 = tmp.path().join("out004");
    let files4 = documents::render_all(&d, m004, &out4, today).unwrap();
    assert!(files4.iter().any(|f| f.ends_with("utdrag-14.pdf")));

    let Some(text) = pdftotext(&out.join("protokoll.pdf")) else {
        eprintln!("pdftotext saknas (poppler-utils): texten i PDF:en kontrolleras inte");
        return;
    };
    let want = [
        "Individ- och omsorgsutskottet",
        "Thony Liljemark",
        "§ 115",
        "KS/2025:26",
        "Verksamhets- och budgetuppföljning",
        "ANSLAG/BEVIS",
        "2025-09-08",
        "Administrativa enheten",
    ];
    for w in want {
        assert!(text.contains(w), "{w:?} missing from the rendered protocol");
    }
    assert!(
        text.find("§ 114").unwrap() < text.find("§ 120").unwrap(),
        "§§ in order"
    );
    // The budget table with Swedish number formatting.
    assert!(
        text.contains("7 488") || text.contains("7\u{a0}488"),
        "the table's numbers"
    );
    let text4 = pdftotext(&out4.join("protokoll.pdf")).unwrap();
    for w in [
        "Vård- och omsorgsnämnden",
        "Sven-Erik Källman",
        "tjänstgörande ersättare för Rafal Abdelqader",
        "§ 14",
        "2023/2",
    ] {
        assert!(text4.contains(w), "{w:?} in 004");
    }
}

/// Render → pdftotext → import gives the same §§, titles, case numbers, body, date,
/// times and signers, for both seeds whose layout Paragraf re-creates.
#[test]
fn a_rendered_protocol_reads_back_with_the_same_structure() {
    let (tmp, d) = dir();
    for (seed, name) in [(SEED_000, "000"), (SEED_004, "004")] {
        let id = import_seed(&d, seed, name);
        let original = paragraf_import::parse_protocol(seed).unwrap();
        let out = tmp.path().join(format!("rt{name}"));
        documents::render_all(&d, id, &out, "2026-11-23".parse().unwrap()).unwrap();
        let Some(text) = pdftotext(&out.join("protokoll.pdf")) else {
            eprintln!("pdftotext saknas (poppler-utils): rundresan kontrolleras inte");
            return;
        };
        let back = paragraf_import::parse_protocol(&text)
            .unwrap_or_else(|e| panic!("{name}: {e}\n{text}"));
        assert_eq!(
            back.body.as_deref().map(|b| b.trim_end_matches("et")),
            original.body.as_deref().map(|b| b.trim_end_matches("et")),
            "{name} body"
        );
        assert_eq!(back.date, original.date, "{name} date");
        assert_eq!(back.start_time, original.start_time, "{name} start");
        assert_eq!(back.end_time, original.end_time, "{name} end");
        let nums = |p: &paragraf_import::Protocol| {
            p.paragraphs.iter().map(|x| x.number).collect::<Vec<_>>()
        };
        assert_eq!(nums(&back), nums(&original), "{name} § numbers");
        for (a, b) in back.paragraphs.iter().zip(&original.paragraphs) {
            assert_eq!(a.title, b.title, "{name} § {:?} title", a.number);
            assert_eq!(
                a.case_number, b.case_number,
                "{name} § {:?} case number",
                a.number
            );
        }
        assert_eq!(back.chair, original.chair, "{name} chair");
        assert_eq!(back.adjusters, original.adjusters, "{name} adjusters");
    }
}
