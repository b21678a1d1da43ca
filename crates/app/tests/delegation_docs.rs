//! The report on delegation decisions as papers: a PDF with the seed's tables and the
//! ANMÄLAN lists, and the anmälningsärende on a planned meeting's agenda whose § is written
//! "… läggs till handlingarna" with counts only, the lists kept as a secret handling.

mod support;
use support::seat;

use std::process::Command;

use chrono::NaiveDate;
use paragraf_app::delegation::docs::{pdf, place_on_agenda, report_doc};
use paragraf_app::delegation::{import_decisions, read_order, report, store_order};
use paragraf_app::meeting::cycle;
use paragraf_app::{Config, DataDir, MunicipalityConfig, RegistryConfig};
use paragraf_core::meeting::Meeting;
use paragraf_core::minutes::{CellValue, Decision};
use paragraf_core::org::{Body, BodyKind, Person};
use paragraf_core::registry::Secrecy;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
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

#[test]
fn the_report_is_typeset_and_goes_on_the_agenda() {
    let tmp = tempfile::tempdir().unwrap();
    let config = Config {
        municipality: MunicipalityConfig {
            name: "Härnösands kommun".into(),
            org_nr: None,
            ..Default::default()
        },
        registry: RegistryConfig {
            dnr_pattern: "{series} {year}-{seq:6}".into(),
            default_series: Some("SOC".into()),
            ..Default::default()
        },
        server: Default::default(),
        sso: None,
        underskrift: None,
        nycklar: None,
        mail: None,
        database: paragraf_app::DatabaseConfig::for_tests(),
    };
    let dir = DataDir::init(&tmp.path().join("data"), &config).unwrap();
    let order = read_order(&fixture("002_e41df9be8d1d79a6.txt"), None, d("2024-06-01")).unwrap();
    store_order(&dir, order, None).unwrap();
    let csv = std::fs::read(fixture("delegation/decisions_002.csv")).unwrap();
    import_decisions(&dir, "maj.csv", csv.as_slice()).unwrap();
    let r = report(&dir, d("2024-05-01"), d("2024-05-31")).unwrap();

    let lists = paragraf_app::delegation::notices(&dir, d("2024-05-01"), d("2024-05-31")).unwrap();
    let full = pdf(&report_doc(
        &r,
        &lists,
        "Härnösands kommun",
        "Socialnämnden",
        d("2024-06-03"),
    ))
    .unwrap();
    let public = pdf(&report_doc(
        &r,
        &[],
        "Härnösands kommun",
        "Socialnämnden",
        d("2024-06-03"),
    ))
    .unwrap();
    assert!(full.starts_with(b"%PDF-") && public.starts_with(b"%PDF-"));
    if let (Some(text), Some(open)) = (text_of(&full), text_of(&public)) {
        for want in [
            "Anmälan av delegationsbeslut 1 maj 2024 – 31 maj 2024",
            "SoL Biståndsenheten",
            "Bifall hemtjänst enligt 4 kap 1 § SoL 740",
            "Summa beslut 1 043",
            "ANMÄLAN AV DELEGATIONSBESLUT – Familjerätten – 2024-05",
        ] {
            assert!(
                text.contains(want),
                "{want:?} in\n{}",
                &text[..text.len().min(3000)]
            );
        }
        assert!(open.contains("Summa beslut 1 043"));
        assert!(
            !open.contains("ANMÄLAN AV DELEGATIONSBESLUT"),
            "the public version has no lists"
        );
    } else {
        eprintln!("pdftotext saknas (poppler-utils): texten kontrolleras inte");
    }

    let s = &dir;
    let body = s
        .add_body(&Body::new("Socialnämnden", None, BodyKind::Committee, None).unwrap())
        .unwrap();
    let chair = s
        .add_person(&Person::new("Krister Mc Carthy", None).unwrap())
        .unwrap();
    let adjuster = s
        .add_person(&Person::new("Agneta Jonsson", None).unwrap())
        .unwrap();
    seat(&dir, body.id, chair.id);
    seat(&dir, body.id, adjuster.id);
    let mut m = Meeting::planned(body.id, d("2024-06-20"));
    m.start = Some("09:00".parse().unwrap());
    m.place = Some("Sessionssalen".into());
    let m = cycle::create_meeting(s, &m).unwrap();
    let (case, item) = place_on_agenda(
        &dir,
        m.id,
        &r,
        "Socialnämnden",
        &full,
        d("2024-06-03"),
        "test",
    )
    .unwrap();
    assert_eq!(item.position, 1);
    // Every decision of the period is anmäld at this meeting (KL 6 kap. 40 §), once.
    let reported = dir
        .storage_for_tests()
        .decisions_reported(d("2024-05-01"), d("2024-05-31"))
        .unwrap();
    assert_eq!(reported.len() as u64, r.total);
    assert!(reported.iter().all(|(_, at)| *at == Some(m.id)));
    assert!(
        paragraf_app::delegation::unreported_urgent(&dir, d("2024-05-31"))
            .unwrap()
            .is_empty(),
        "nothing left to report for May"
    );
    assert!(
        !case.secrecy.is_secret(),
        "the anmälningsärende itself is public"
    );
    let docs = s.documents(case.id).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(
        docs[0].value.secrecy,
        Secrecy::IndividualCase,
        "the lists are secret"
    );
    cycle::send_notice(s, m.id, d("2024-06-10")).unwrap();
    assert!(place_on_agenda(
        &dir,
        m.id,
        &r,
        "Socialnämnden",
        &full,
        d("2024-06-03"),
        "test"
    )
    .is_err());
    cycle::mark_held(s, m.id, d("2024-06-20")).unwrap();
    let minutes =
        cycle::draft_minutes(s, m.id, None, Some(chair.id), vec![adjuster.id], None).unwrap();
    let p = &minutes.paragraphs()[0];
    assert!(
        matches!(&p.proposal, Some(Decision::Text { text }) if text.contains("läggs till handlingarna")),
        "{:?}",
        p.proposal
    );
    assert_eq!(p.tables.len(), 11);
    let sol = p
        .tables
        .iter()
        .find(|t| t.title.as_deref() == Some("SoL Biståndsenheten"))
        .unwrap();
    let sum = sol.rows.last().unwrap();
    assert_eq!(sum.label.as_deref(), Some("Summa beslut"));
    assert_eq!(sum.values, [CellValue::Number(1043.0)]);
}
