//! Anmälan av delegationsbeslut before the nämnd: seed 002's order and statistics as
//! decisions, the report placed on a planned meeting as an anmälningsärende; the § is written
//! from it with counts only, the lists are a secret handling, and both PDFs read as the seed.

use std::process::Command;

use chrono::NaiveDate;
use paragraf_app::delegation::{import_decisions, read_order, report, store_order};
use paragraf_app::delegation_docs::{lists_doc, place_on_agenda, statistics_doc};
use paragraf_app::unenforced_docs::pdf;
use paragraf_app::{cycle, Config, DataDir, MunicipalityConfig, RegistryConfig};
use paragraf_core::meeting::Meeting;
use paragraf_core::minutes::{CellValue, Decision};
use paragraf_core::org::{Body, BodyKind, Person};
use paragraf_core::registry::Secrecy;
use paragraf_store::Store;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
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
fn the_report_goes_before_the_namnd_as_an_anmalningsarende() {
    let tmp = tempfile::tempdir().unwrap();
    let config = Config {
        municipality: MunicipalityConfig {
            name: "Härnösands kommun".into(),
            org_nr: None,
        },
        registry: RegistryConfig {
            dnr_pattern: "{series} {year}-{seq:6}".into(),
            default_series: Some("SOC".into()),
        },
    };
    let dir = DataDir::init(&tmp.path().join("data"), &config).unwrap();
    let s = &dir.store;
    let order = read_order(&fixture("002_e41df9be8d1d79a6.txt"), d("2024-06-01")).unwrap();
    store_order(s, order, Some("002")).unwrap();
    let csv = std::fs::read(fixture("delegation/decisions_002.csv")).unwrap();
    import_decisions(s, "decisions_002.csv", &csv).unwrap();
    let r = report(s, d("2024-05-01"), d("2024-05-31")).unwrap();
    assert_eq!(r.total, 1775);

    // The statistics (public) and the lists (secret) as PDFs.
    let stats = pdf(&statistics_doc(
        &r,
        "Härnösands kommun",
        "Socialnämnden",
        d("2024-06-03"),
    ))
    .unwrap();
    let lists = pdf(&lists_doc(
        &r,
        "Härnösands kommun",
        "Socialnämnden",
        d("2024-06-03"),
    ))
    .unwrap();
    if let (Some(st), Some(li)) = (text_of(&stats), text_of(&lists)) {
        assert!(st.contains("SoL Biståndsenheten"), "{st}");
        assert!(
            st.contains("Bifall hemtjänst enligt 4 kap 1 § SoL 740"),
            "{st}"
        );
        assert!(st.contains("Summa 1 043"), "{st}");
        assert!(li.contains("ANMÄLAN AV DELEGATIONSBESLUT"), "{li}");
    } else {
        eprintln!("pdftotext saknas (poppler-utils): texten kontrolleras inte");
    }

    // On the agenda of a planned meeting; the § is written from the draft.
    let body = s
        .add_body(&Body::new("Socialnämnden", None, BodyKind::Committee, None).unwrap())
        .unwrap();
    let chair = s
        .add_person(&Person::new("Anna Ordförande", None).unwrap())
        .unwrap();
    let mut m = Meeting::planned(body.id, d("2024-06-19"));
    m.start = Some("13:00".parse().unwrap());
    m.place = Some("Sessionssalen".into());
    let m = cycle::create_meeting(s, &m).unwrap();
    let (case, _) =
        place_on_agenda(&dir, m.id, &r, "Socialnämnden", d("2024-06-03"), "test").unwrap();
    let docs = s.documents(case.id).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].value.secrecy,
        Secrecy::Public,
        "the statistics are public"
    );
    assert_eq!(
        docs[1].value.secrecy,
        Secrecy::IndividualCase,
        "the lists are secret"
    );
    cycle::send_notice(s, m.id).unwrap();
    cycle::mark_held(s, m.id).unwrap();
    let minutes = cycle::draft_minutes(s, m.id, None, Some(chair.id), vec![], None).unwrap();
    let p = &minutes.paragraphs()[0];
    assert!(
        p.title.starts_with("Anmälan av delegationsbeslut"),
        "{}",
        p.title
    );
    assert!(
        matches!(&p.proposal, Some(Decision::Text { text }) if text.ends_with("läggs till handlingarna.")),
        "{:?}",
        p.proposal
    );
    let sol = p
        .tables
        .iter()
        .find(|t| t.title.as_deref() == Some("SoL Biståndsenheten"))
        .expect("a table per unit");
    let sum = sol.rows.last().unwrap();
    assert_eq!(sum.label.as_deref(), Some("Summa"));
    assert_eq!(sum.values, [CellValue::Number(1043.0)]);
    // Counts only: no decision maker's name and no decision text reach the §.
    let all = serde_json::to_string(&p.tables).unwrap();
    for row in &r.notices[0].rows {
        assert!(
            !all.contains(&row.decided_by),
            "{} in the §",
            row.decided_by
        );
    }
}
