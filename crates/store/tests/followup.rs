//! Verksamhetsuppföljning in the store: reports round-trip and are replaced per nämnd and
//! period; budget lines of a file are stored whole or not at all; Kolada values are
//! upserted; tampered data is refused when read.

use paragraf_core::followup::kolada::KpiValue;
use paragraf_core::followup::{
    AssessmentScale, BudgetLine, FollowUp, Gender, Goal, GoalLevel, Period, RowKind, Unit,
};
use paragraf_store::{BudgetBatch, FollowUpStore, SqliteStore, StoreError};

fn open() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = SqliteStore::open(&dir.path().join("p.db")).expect("open");
    (dir, store)
}

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

fn line(label: &str, parent: Option<&str>, kind: RowKind, outcome: f64) -> BudgetLine {
    BudgetLine {
        label: label.into(),
        parent: parent.map(str::to_string),
        kind,
        budget: Some(outcome + 10.0),
        outcome: Some(outcome),
        annual_budget: Some(outcome * 1.5),
        forecast: None,
    }
}

#[test]
fn reports_round_trip_and_are_replaced() {
    let (_d, s) = open();
    let body = "Social- och omsorgsnämnden";
    s.save_followup(&report(body, "2023-08", "Delvis uppfyllt"), "seed 003")
        .expect("save");
    s.save_followup(&report(body, "2023-04", "Ej uppfyllt"), "t1")
        .expect("save");
    let got = s
        .followup(body, &period("2023-08"))
        .expect("read")
        .expect("found");
    assert_eq!(got.goals[0].assessment.as_deref(), Some("Delvis uppfyllt"));
    s.save_followup(&report(body, "2023-08", "I hög grad uppfyllt"), "igen")
        .expect("replace");
    let got = s
        .followup(body, &period("2023-08"))
        .expect("read")
        .expect("found");
    assert_eq!(
        got.goals[0].assessment.as_deref(),
        Some("I hög grad uppfyllt")
    );
    let latest = s
        .latest_followup(body, "2023-06-30".parse().expect("date"))
        .expect("read")
        .expect("found");
    assert_eq!(latest.period, period("2023-04"));
    assert!(s
        .latest_followup(body, "2023-01-31".parse().expect("date"))
        .expect("read")
        .is_none());
    assert!(s
        .followup("Annan nämnd", &period("2023-08"))
        .expect("read")
        .is_none());
    assert_eq!(s.followup_periods().expect("periods").len(), 2);
}

#[test]
fn a_report_off_the_scale_is_refused() {
    let (_d, s) = open();
    let e = s
        .save_followup(&report("Socialnämnden", "2023-08", "Nästan"), "x")
        .unwrap_err();
    assert!(matches!(e, StoreError::Rule(_)), "{e}");
    assert!(e.to_string().contains("finns inte på skalan"), "{e}");
}

#[test]
fn budget_lines_are_all_or_nothing() {
    let (_d, s) = open();
    let good = BudgetBatch {
        body: "Socialnämnden".into(),
        period: period("2024-03"),
        unit: Unit::Tkr,
        lines: vec![
            line("Hemtjänst", None, RowKind::Row, -100.0),
            line("Nattpatrull", Some("Hemtjänst"), RowKind::Part, -20.0),
        ],
    };
    assert_eq!(
        s.save_budget_lines("a.csv", std::slice::from_ref(&good))
            .expect("save"),
        2
    );
    // A second file: one good batch and one with a duplicate label. Nothing is kept.
    let mut other = good.clone();
    other.period = period("2024-04");
    let mut bad = good.clone();
    bad.lines.push(line("Hemtjänst", None, RowKind::Row, -1.0));
    let e = s
        .save_budget_lines("b.csv", &[other.clone(), bad])
        .unwrap_err();
    assert!(matches!(e, StoreError::Conflict(_)), "{e}");
    assert!(s
        .budget_lines("Socialnämnden", &period("2024-04"))
        .expect("read")
        .is_none());
    let (unit, lines) = s
        .budget_lines("Socialnämnden", &period("2024-03"))
        .expect("read")
        .expect("lines");
    assert_eq!(unit, Unit::Tkr);
    assert_eq!(lines, good.lines);
    // A parent that is not among the lines is refused.
    let mut orphan = other;
    orphan.lines = vec![line("Nattpatrull", Some("Saknas"), RowKind::Part, -1.0)];
    assert!(s.save_budget_lines("c.csv", &[orphan]).is_err());
}

#[test]
fn kpi_values_are_upserted() {
    let (_d, s) = open();
    let v = |period: &str, gender, value| KpiValue {
        kpi: "N00945".into(),
        municipality: "2184".into(),
        period: period.into(),
        gender,
        value,
    };
    s.save_kpi_values(
        "k.json",
        &[
            v("2022", Gender::Alla, Some(8.2)),
            v("2022", Gender::Kvinnor, None),
        ],
    )
    .expect("save");
    s.save_kpi_values("k2.json", &[v("2022", Gender::Alla, Some(8.4))])
        .expect("save");
    let all = s.kpi_values(Some("2184")).expect("read");
    assert_eq!(all.len(), 2);
    assert_eq!(
        all.iter()
            .find(|x| x.gender == Gender::Alla)
            .and_then(|x| x.value),
        Some(8.4)
    );
    assert!(s.kpi_values(Some("0180")).expect("read").is_empty());
}

#[test]
fn tampered_reports_are_refused_when_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.db");
    {
        let s = SqliteStore::open(&path).expect("open");
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
    let s = SqliteStore::open(&path).expect("open");
    let e = s.followup("Socialnämnden", &period("2023-08")).unwrap_err();
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e}");
}
