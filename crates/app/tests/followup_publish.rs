//! A follow-up report goes before the nämnd: placed on a planned meeting it becomes a case
//! with the Verksamhetsrapport and an agenda item whose draft § is the budget follow-up; it is
//! public only once the notice of that meeting has gone out.

mod support;
use support::seat;

use chrono::NaiveDate;
use paragraf_app::followup::publish::{is_public, place_on_agenda};
use paragraf_app::meeting::cycle;
use paragraf_app::{Config, DataDir, MunicipalityConfig, RegistryConfig};
use paragraf_core::followup::Period;
use paragraf_core::meeting::Meeting;
use paragraf_core::minutes::Decision;
use paragraf_core::org::{Body, BodyKind, Person};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn a_report_is_public_once_the_notice_of_its_meeting_has_gone_out() {
    let tmp = tempfile::tempdir().unwrap();
    let config = Config {
        municipality: MunicipalityConfig {
            name: "Demoby kommun".into(),
            org_nr: None,
            ..Default::default()
        },
        registry: RegistryConfig {
            dnr_pattern: "{series}/{year}:{seq}".into(),
            default_series: Some("SN".into()),
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
    let s = &dir;
    let text = include_str!("../../../tests/fixtures/003_b47173c4bab9fc86.txt");
    let mut report = paragraf_import::parse_followup(text).unwrap();
    paragraf_app::followup::add_checks(&mut report);
    let (f, _) = paragraf_app::followup::to_followup(&report, Some("Socialnämnden"), None).unwrap();
    let period: Period = f.period;
    s.storage_for_tests().save_followup(&f, "seed 003").unwrap();
    assert!(
        !is_public(s, "Socialnämnden", &period).unwrap(),
        "a report nobody has seen"
    );

    let body = s
        .add_body(&Body::new("Socialnämnden", None, BodyKind::Committee, None).unwrap())
        .unwrap();
    let chair = s
        .add_person(&Person::new("Karin Ek", None).unwrap())
        .unwrap();
    seat(&dir, body.id, chair.id);
    let mut m = Meeting::planned(body.id, d("2023-09-25"));
    m.start = Some("13:00".parse().unwrap());
    m.place = Some("Kommunhuset".into());
    let m = cycle::create_meeting(s, &m).unwrap();
    let (case, _) = place_on_agenda(
        &dir,
        m.id,
        "Socialnämnden",
        &period,
        d("2023-09-11"),
        "test",
    )
    .unwrap();
    assert_eq!(
        s.documents(case.id).unwrap().len(),
        1,
        "the Verksamhetsrapport is a handling"
    );
    assert!(
        !is_public(s, "Socialnämnden", &period).unwrap(),
        "on the agenda, notice not sent"
    );
    cycle::send_notice(s, m.id, d("2023-09-15")).unwrap();
    assert!(
        is_public(s, "Socialnämnden", &period).unwrap(),
        "public with the notice"
    );
    // Another nämnd's report of the same period is not made public by this meeting.
    let mut other = f.clone();
    other.body = "Kommunstyrelsen".into();
    s.storage_for_tests().save_followup(&other, "test").unwrap();
    assert!(!is_public(s, "Kommunstyrelsen", &period).unwrap());

    cycle::mark_held(s, m.id, d("2023-09-25")).unwrap();
    let minutes = cycle::draft_minutes(s, m.id, None, Some(chair.id), vec![], None).unwrap();
    let p = &minutes.paragraphs()[0];
    assert_eq!(p.title, case.title);
    match &p.proposal {
        Some(Decision::Clauses { clauses, .. }) => assert!(
            clauses[0].0.contains("överlämna den till kommunstyrelsen"),
            "{clauses:?}"
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(p.dispatch, ["Kommunstyrelsen"]);
    assert!(!p.tables.is_empty(), "the budget table goes into the §");
}
