//! Verksamhetsuppföljning in the store: reports round-trip and are replaced per nämnd and
//! period; budget lines of a file are stored whole or not at all; Kolada values are
//! upserted; tampered data is refused when read.

use paragraf_core::followup::{AssessmentScale, FollowUp, Goal, GoalLevel, Period};
use paragraf_store::{FollowUpStore, SqlStore, StoreError};

fn period(s: &str) -> Period {
    s.parse().expect("period")
}

fn report(body: &str, p: &str, assessment: &str) -> FollowUp {
    let mut g = Goal::new(GoalLevel::KfActivity, "Minska sjukskrivningarna").expect("goal");
    g.assessment = Some(assessment.into());
    FollowUp {
        body: body.into(),
        period: period(p),
        kind: "verksamhetsrapport".into(),
        summary: Some("Sammanfattning.".into()),
        tables: Vec::new(),
        goals: vec![g],
        assignments: Vec::new(),
        scale: AssessmentScale::fulfilment(),
    }
}

#[test]
fn tampered_reports_are_refused_when_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.db");
    {
        let s = SqlStore::open(&path).expect("open");
        s.save_followup(&report("Socialnämnden", "2023-08", "Delvis uppfyllt"), "x")
            .expect("save");
    }
    let c = rusqlite::Connection::open(&path).expect("raw");
    c.execute(
        "UPDATE followup_reports SET data_json = replace(data_json,
             '\"assessment\":\"Delvis uppfyllt\"', '\"assessment\":\"Bra\"')",
        [],
    )
    .expect("tamper");
    drop(c);
    let s = SqlStore::open(&path).expect("open");
    let e = s.followup("Socialnämnden", &period("2023-08")).unwrap_err();
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e}");
}
