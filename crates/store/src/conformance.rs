//! The conformance suite: what every implementation of [`Storage`] must do, written against
//! the interface alone (as tantivy tests every `Directory`). A backend runs it with
//! [`conformance_suite!`](crate::conformance_suite), which runs every check, each on a fresh,
//! empty storage, and names the check that fails. What only one backend can show (SQLite's
//! file locking, a writer killed mid-transaction, migrations of its file) is tested beside
//! that backend.

#![allow(clippy::too_many_lines)]

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use paragraf_core::delegation::{DelegationOrder, FurtherDelegation, Item, RoleHolder};
use paragraf_core::dnr::DnrPattern;
use paragraf_core::followup::kolada::KpiValue;
use paragraf_core::followup::{
    AssessmentScale, BudgetLine, FollowUp, Gender as KpiGender, Goal, GoalLevel, Period, RowKind,
    Unit,
};
use paragraf_core::ids::*;
use paragraf_core::meeting::*;
use paragraf_core::org::*;
use paragraf_core::publication::{Classification, ClassifiedBy};
use paragraf_core::registry::*;
use paragraf_core::unenforced::{DecisionId, Gender, GrantedDecision, Reason};

use crate::*;

/// A check of the suite: its name and the function that runs it on an empty storage.
pub type Check = (&'static str, fn(&dyn Storage));

/// Every check of the suite.
pub fn checks() -> Vec<Check> {
    vec![
        ("accounts_are_administered", accounts_are_administered),
        (
            "a_failed_case_leaves_no_number_behind",
            a_failed_case_leaves_no_number_behind,
        ),
        (
            "a_report_off_the_scale_is_refused",
            a_report_off_the_scale_is_refused,
        ),
        (
            "accounts_sessions_tokens_and_the_audit_log",
            accounts_sessions_tokens_and_the_audit_log,
        ),
        (
            "atomically_keeps_all_or_nothing",
            atomically_keeps_all_or_nothing,
        ),
        (
            "budget_lines_are_all_or_nothing",
            budget_lines_are_all_or_nothing,
        ),
        (
            "classifications_are_kept_and_replaced",
            classifications_are_kept_and_replaced,
        ),
        (
            "every_change_and_every_read_is_logged",
            every_change_and_every_read_is_logged,
        ),
        ("kpi_values_are_upserted", kpi_values_are_upserted),
        (
            "a_reports_reading_leaves_out_only_what_cannot_count",
            a_reports_reading_leaves_out_only_what_cannot_count,
        ),
        (
            "meeting_lists_are_projected_and_paged",
            meeting_lists_are_projected_and_paged,
        ),
        (
            "one_bad_decision_stores_nothing",
            one_bad_decision_stores_nothing,
        ),
        (
            "an_import_is_one_entry_with_the_history_of_what_it_changed",
            an_import_is_one_entry_with_the_history_of_what_it_changed,
        ),
        ("order_versions_round_trip", order_versions_round_trip),
        (
            "delegation_decisions_are_reported_once",
            delegation_decisions_are_reported_once,
        ),
        (
            "substitute_orders_are_versioned_by_start",
            substitute_orders_are_versioned_by_start,
        ),
        ("organisation_round_trips", organisation_round_trips),
        (
            "annotations_are_each_users_own",
            annotations_are_each_users_own,
        ),
        (
            "memos_are_versioned_and_kept_once_approved",
            memos_are_versioned_and_kept_once_approved,
        ),
        (
            "dispatches_are_queued_tried_and_recorded",
            dispatches_are_queued_tried_and_recorded,
        ),
        (
            "presented_statistics_are_kept",
            presented_statistics_are_kept,
        ),
        (
            "registry_round_trips_and_numbers_without_gaps",
            registry_round_trips_and_numbers_without_gaps,
        ),
        (
            "reports_round_trip_and_are_replaced",
            reports_round_trip_and_are_replaced,
        ),
        (
            "roles_and_further_delegation_are_kept",
            roles_and_further_delegation_are_kept,
        ),
        (
            "the_generation_moves_with_writes_only",
            the_generation_moves_with_writes_only,
        ),
        (
            "failed_logins_are_counted_outside_the_data",
            failed_logins_are_counted_outside_the_data,
        ),
    ]
}

/// Runs every check of the suite, each on a storage made by `make` (which returns the
/// storage and whatever keeps it alive), and names the one that fails.
pub fn run<T>(make: impl Fn() -> (Box<dyn Storage>, T)) {
    for (name, check) in checks() {
        let (storage, _keep) = make();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&*storage)));
        if let Err(e) = result {
            let why = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("konformanstestet {name} misslyckades: {why}");
        }
    }
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
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

fn order(revised: &str, numbers: &[&str]) -> DelegationOrder {
    DelegationOrder {
        title: "Delegationsordning för Socialnämnden".into(),
        case_number: Some("SOC 2023-000189".into()),
        adopted: Some(d("2019-06-19")),
        revised: Some(d(revised)),
        valid_until: None,
        valid_from: None,
        adopted_by: None,
        body: None,
        rules: vec![],
        abbreviations: BTreeMap::new(),
        sections: vec![],
        items: numbers
            .iter()
            .map(|n| Item {
                number: n.to_string(),
                section: None,
                matter: format!("Ärende {n}"),
                legal_basis: vec![],
                legal_refs: vec![],
                delegates: vec![vec!["Enhetschef".into()]],
                conditional: vec![],
                levels: vec![],
                thresholds: vec![],
                remark: None,
                utskott_only: false,
                moved_to: None,
            })
            .collect(),
    }
}

fn decision(id: &str, date: &str) -> GrantedDecision {
    let mut x = GrantedDecision::new(
        DecisionId::new(id).expect("id"),
        "LSS – kontaktperson",
        d(date),
        Gender::K,
    );
    x.reason = Some(Reason::ResourceShortage);
    x
}

fn new_case(series: &str, title: &str, date: &str) -> NewCase {
    NewCase {
        series: Some(series.into()),
        class: None,
        title: title.into(),
        body: None,
        secrecy: Secrecy::Public,
        registered: d(date),
        handler: None,
    }
}

pub fn reports_round_trip_and_are_replaced(s: &dyn Storage) {
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

pub fn a_report_off_the_scale_is_refused(s: &dyn Storage) {
    let e = s
        .save_followup(&report("Socialnämnden", "2023-08", "Nästan"), "x")
        .unwrap_err();
    assert!(matches!(e, StoreError::Rule(_)), "{e}");
    assert!(e.to_string().contains("finns inte på skalan"), "{e}");
}

pub fn budget_lines_are_all_or_nothing(s: &dyn Storage) {
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

pub fn kpi_values_are_upserted(s: &dyn Storage) {
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
            v("2022", KpiGender::Alla, Some(8.2)),
            v("2022", KpiGender::Kvinnor, None),
        ],
    )
    .expect("save");
    s.save_kpi_values("k2.json", &[v("2022", KpiGender::Alla, Some(8.4))])
        .expect("save");
    let all = s.kpi_values(Some("2184")).expect("read");
    assert_eq!(all.len(), 2);
    assert_eq!(
        all.iter()
            .find(|x| x.gender == KpiGender::Alla)
            .and_then(|x| x.value),
        Some(8.4)
    );
    assert!(s.kpi_values(Some("0180")).expect("read").is_empty());
}

pub fn order_versions_round_trip(s: &dyn Storage) {
    assert!(s
        .latest_order("Delegationsordning för Socialnämnden")
        .expect("read")
        .is_none());
    let a = s
        .add_order(&order("2023-01-01", &["1.1"]), Some("a.txt"))
        .expect("a");
    let b = s
        .add_order(&order("2024-04-16", &["1.1", "1.2"]), None)
        .expect("b");
    assert!(b.id > a.id);
    let all = s.orders().expect("orders");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].order, order("2023-01-01", &["1.1"]));
    assert_eq!(all[0].source.as_deref(), Some("a.txt"));
    let latest = s
        .latest_order("Delegationsordning för Socialnämnden")
        .expect("latest")
        .expect("one");
    assert_eq!(latest.order.items.len(), 2);
    // An order the core refuses is not stored.
    let bad = order("2024-05-01", &["1.1", "1.1"]);
    assert!(matches!(s.add_order(&bad, None), Err(StoreError::Rule(_))));
    assert_eq!(s.orders().expect("orders").len(), 2);
}

/// Ersättarordningar: one per body and start; the same start replaces, a later one adds.
pub fn substitute_orders_are_versioned_by_start(s: &dyn Storage) {
    let body = s
        .add_body(&Body::new("Socialnämnden", None, BodyKind::Committee, None).expect("body"))
        .expect("body");
    let a = s
        .add_person(&Person::new("A", None).expect("p"))
        .expect("p");
    let b = s
        .add_person(&Person::new("B", None).expect("p"))
        .expect("p");
    let first = SubstituteOrder::new(body.id, d("2023-01-01"), None, true, vec![a.id, b.id])
        .expect("order");
    s.save_substitute_order(&first).expect("saved");
    let again = SubstituteOrder {
        order: vec![b.id, a.id],
        ..first.clone()
    };
    s.save_substitute_order(&again).expect("replaced");
    assert_eq!(
        s.substitute_orders(body.id).expect("read"),
        vec![again.clone()]
    );
    let later =
        SubstituteOrder::new(body.id, d("2027-01-01"), None, false, vec![a.id]).expect("order");
    s.save_substitute_order(&later).expect("added");
    assert_eq!(
        s.substitute_orders(body.id).expect("read"),
        vec![again, later]
    );
}

/// Anmälan (KL 6 kap. 40 §): each decision is reported at one meeting, and only once.
pub fn delegation_decisions_are_reported_once(s: &dyn Storage) {
    use paragraf_core::delegation::{DecisionRow, Outcome};
    let row = |item: &str, date: &str| DecisionRow {
        item: item.into(),
        level: None,
        date: d(date),
        decided_by: "Karin Ek".into(),
        role: "Ordförande".into(),
        unit: "Nämnden".into(),
        decision: "Brådskande beslut".into(),
        outcome: Outcome::Bifall,
    };
    s.add_decisions(
        "a.csv",
        "sha",
        &[(2, row("7.1", "2024-05-02")), (3, row("7.1", "2024-06-10"))],
    )
    .expect("stored");
    let body = s
        .add_body(&Body::new("Socialnämnden", None, BodyKind::Committee, None).expect("body"))
        .expect("body");
    let m = s
        .add_meeting(&Meeting::planned(body.id, d("2024-05-20")))
        .expect("meeting");
    let all = |s: &dyn Storage| {
        s.decisions_reported(d("2024-01-01"), d("2024-12-31"))
            .expect("read")
    };
    assert!(all(s).iter().all(|(_, at)| at.is_none()));
    assert_eq!(
        s.report_decisions(d("2024-05-01"), d("2024-05-31"), m.id)
            .expect("reported"),
        1
    );
    assert_eq!(
        s.report_decisions(d("2024-05-01"), d("2024-05-31"), m.id)
            .expect("again"),
        0,
        "reported once"
    );
    let got = all(s);
    assert_eq!(got[0].1, Some(m.id));
    assert_eq!(got[1].1, None);
    assert_eq!(
        s.decisions(d("2024-01-01"), d("2024-12-31"))
            .expect("rows")
            .len(),
        2
    );
    // The database's counts make the report the rows make, over any period.
    let mut more = row("7.2", "2024-06-11");
    more.outcome = Outcome::Avslag;
    more.decision = " brådskande beslut ".into();
    s.add_decisions("b.csv", "sha-b", &[(2, more.clone()), (3, more)])
        .expect("stored");
    for (from, to) in [
        ("2024-01-01", "2024-12-31"),
        ("2024-06-10", "2024-06-10"),
        ("2024-07-01", "2024-07-31"),
    ] {
        let (from, to) = (d(from), d(to));
        let counted = paragraf_core::delegation::DelegationReport::from_counts(
            s.decision_counts(from, to).expect("counts"),
            from,
            to,
        );
        let rows = s.decisions(from, to).expect("rows");
        assert_eq!(
            counted,
            paragraf_core::delegation::DelegationReport::compute(&rows, from, to)
        );
    }
}

pub fn roles_and_further_delegation_are_kept(s: &dyn Storage) {
    let h = RoleHolder {
        person: "Helene Brändström".into(),
        role: "Enhetschef".into(),
        from: d("2023-01-01"),
        to: None,
    };
    s.add_role_holders(std::slice::from_ref(&h))
        .expect("holders");
    assert_eq!(s.role_holders().expect("read"), vec![h]);
    let f = FurtherDelegation {
        item: "1.4.1".into(),
        role: "Biträdande förvaltningschef".into(),
        from: d("2024-01-01"),
        to: Some(d("2024-12-31")),
    };
    s.add_further_delegations(std::slice::from_ref(&f))
        .expect("further");
    assert_eq!(s.further_delegations().expect("read"), vec![f]);
    let bad = RoleHolder {
        person: "X".into(),
        role: "Y".into(),
        from: d("2024-02-01"),
        to: Some(d("2024-01-01")),
    };
    assert!(s.add_role_holders(&[bad]).is_err());
}

pub fn one_bad_decision_stores_nothing(s: &dyn Storage) {
    s.upsert_decisions("a", &[decision("OLD", "2023-01-01")])
        .expect("first");
    let log_before = s.unenforced_audit(None).expect("log").len();
    let mut bad = decision("BAD", "2023-05-01");
    bad.enforced = Some(d("2023-04-01")); // before the decision date
    let mut changed = decision("OLD", "2023-01-01");
    changed.gender = Gender::M;
    let err = s
        .upsert_decisions("a", &[decision("NEW", "2023-02-01"), changed, bad])
        .expect_err("refused");
    assert!(matches!(err, StoreError::Rule(_)), "{err}");
    let all = s.unenforced_decisions("a").expect("list");
    assert_eq!(all, vec![decision("OLD", "2023-01-01")]);
    // Nothing logged for the refused batch (one read since).
    assert_eq!(s.unenforced_audit(None).expect("log").len(), log_before + 1);
}

/// Imports `decisions` as file `file`; `fail` makes the import's reading fail at the end.
fn import(
    s: &dyn Storage,
    file: &str,
    decisions: &[GrantedDecision],
    fail: bool,
) -> Result<UpsertSummary> {
    let source = ImportSource {
        file: file.into(),
        sha256: format!("{:064x}", file.len()),
    };
    s.import_decisions("Import", &source, &mut |session| {
        for d in decisions {
            // A reading before each write, as the application does; the store's own.
            session.stored(&d.id)?;
            session.put(d)?;
        }
        if fail {
            return Err(StoreError::Rule("rad 3: fel".into()));
        }
        Ok(())
    })
}

pub fn an_import_is_one_entry_with_the_history_of_what_it_changed(s: &dyn Storage) {
    let (a, b) = (decision("A1", "2023-01-10"), decision("B1", "2023-02-10"));
    let first = import(s, "forsta.csv", &[a.clone(), b.clone()], false).expect("first");
    assert_eq!((first.inserted, first.updated, first.unchanged), (2, 0, 0));
    let mut a2 = a.clone();
    a2.enforced = Some(d("2023-03-01"));
    a2.unit = Some("Bistånd".into());
    let c = decision("C1", "2023-03-10");
    let second = import(s, "andra.csv", &[a2.clone(), b.clone(), c.clone()], false).expect("2");
    assert_eq!(
        (second.inserted, second.updated, second.unchanged),
        (1, 1, 1)
    );
    // A failing import stores nothing and logs nothing.
    let mut a3 = a2.clone();
    a3.gender = Gender::M;
    let before = s.unenforced_audit(None).expect("log").len();
    assert!(import(s, "trasig.csv", &[a3, decision("D1", "2023-04-01")], true).is_err());
    assert_eq!(s.unenforced_audit(None).expect("log").len(), before);
    let stored = s.unenforced_decisions("Revisor").expect("list");
    assert_eq!(stored, vec![a2.clone(), b.clone(), c]);
    // One entry per import: the file, its checksum and the counts.
    let log = s.unenforced_audit(None).expect("log");
    let imports: Vec<&AuditRecord> = log.iter().filter(|e| e.action == IMPORT_ACTION).collect();
    assert_eq!(imports.len(), 2, "{log:?}");
    let second_entry: serde_json::Value =
        serde_json::from_str(imports[1].after_json.as_deref().unwrap()).unwrap();
    assert_eq!(second_entry["fil"], "andra.csv");
    assert_eq!(second_entry["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(
        (
            &second_entry["nya"],
            &second_entry["ändrade"],
            &second_entry["oförändrade"]
        ),
        (
            &serde_json::json!(1),
            &serde_json::json!(1),
            &serde_json::json!(1)
        )
    );
    // One decision's history: created by the first import, changed by the second (its value
    // before and after), read since.
    let history = s.unenforced_audit(Some(&a.id)).expect("history");
    let told: Vec<(&str, &str)> = history
        .iter()
        .map(|e| (e.actor.as_str(), e.action.as_str()))
        .collect();
    assert_eq!(told, vec![("Import", "skapa"), ("Import", "ändra")]);
    let changed = &history[1];
    let was: GrantedDecision =
        serde_json::from_str(changed.before_json.as_deref().unwrap()).unwrap();
    let became: GrantedDecision =
        serde_json::from_str(changed.after_json.as_deref().unwrap()).unwrap();
    assert_eq!((was, became), (a, a2));
    // An unchanged decision has no entry of the second import.
    assert_eq!(s.unenforced_audit(Some(&b.id)).expect("b").len(), 1);
    // The store keeps the history whatever its caller says: a write without a reading
    // first is still a logged change, and so is an id given twice in one file.
    let mut b2 = b.clone();
    b2.unit = Some("Annan enhet".into());
    let n = before_len(s);
    s.import_decisions("Import", &source_of("utan-lasning.csv"), &mut |session| {
        session.put(&b2)
    })
    .expect("write without reading");
    assert_eq!(before_len(s), n + 1);
    let history = s.unenforced_audit(Some(&b.id)).expect("b history");
    assert_eq!(history.last().map(|e| e.action.as_str()), Some("ändra"));
    let twice = decision("E1", "2023-05-01");
    let mut again = twice.clone();
    again.gender = Gender::M;
    s.import_decisions("Import", &source_of("dubbel.csv"), &mut |session| {
        session.put(&twice)?;
        session.put(&again)
    })
    .expect("twice");
    let told: Vec<String> = s
        .unenforced_audit(Some(&twice.id))
        .expect("e history")
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(told, ["skapa", "ändra"]);
}

fn source_of(file: &str) -> ImportSource {
    ImportSource {
        file: file.into(),
        sha256: format!("{:064x}", file.len()),
    }
}

fn before_len(s: &dyn Storage) -> usize {
    s.unenforced_audit(None).expect("log").len()
}

pub fn every_change_and_every_read_is_logged(s: &dyn Storage) {
    let a = decision("A1", "2023-01-10");
    s.add_decision("Eva", &a).expect("add");
    assert!(matches!(
        s.add_decision("Eva", &a),
        Err(StoreError::Conflict(_))
    ));
    let mut a2 = a.clone();
    a2.reason = Some(Reason::Other);
    s.upsert_decisions("Olle", std::slice::from_ref(&a2))
        .expect("edit");
    s.unenforced_decisions("Revisor").expect("list");
    s.unenforced_decision("Revisor", &a.id).expect("get");
    let log = s.unenforced_audit(None).expect("log");
    let actions: Vec<(&str, &str, Option<&str>)> = log
        .iter()
        .map(|e| (e.actor.as_str(), e.action.as_str(), e.entity_id.as_deref()))
        .collect();
    assert_eq!(
        actions,
        vec![
            ("Eva", "skapa", Some("A1")),
            ("Olle", "ändra", Some("A1")),
            ("Revisor", "läsa", None),
            ("Revisor", "läsa", Some("A1")),
        ]
    );
    assert!(log[0].before_json.is_none());
    assert!(log[1]
        .before_json
        .as_deref()
        .is_some_and(|b| b.contains("\"reason\":2")));
    assert!(log[1]
        .after_json
        .as_deref()
        .is_some_and(|b| b.contains("\"reason\":3")));
    assert_eq!(log[2].after_json.as_deref(), Some("{\"rader\":1}"));
    assert_eq!(log[2].entity, "ej_verkställt_beslut");
    assert_eq!(s.unenforced_audit(Some(&a.id)).expect("one").len(), 3);
    // An anonymous change is refused.
    assert!(s
        .upsert_decisions(" ", &[decision("A9", "2023-01-01")])
        .is_err());
    assert!(s.unenforced_decision("", &a.id).is_err());
}

pub fn organisation_round_trips(s: &dyn Storage) {
    let m =
        Municipality::new("Hagfors kommun", Some(OrgNr::parse("212000-1884").unwrap())).unwrap();
    s.set_municipality(&m).unwrap();
    assert_eq!(s.municipality().unwrap(), Some(m));

    let ks = s
        .add_body(
            &Body::new(
                "Kommunstyrelsen",
                Some("KS"),
                BodyKind::ExecutiveBoard,
                None,
            )
            .unwrap(),
        )
        .unwrap();
    let iou = s
        .add_body(
            &Body::new(
                "Individ- och omsorgsutskottet",
                Some("IOU"),
                BodyKind::Subcommittee,
                Some(ks.id),
            )
            .unwrap(),
        )
        .unwrap();
    assert_eq!(s.body(iou.id).unwrap(), iou);
    assert_eq!(s.bodies().unwrap(), vec![ks.clone(), iou.clone()]);
    let dup =
        s.add_body(&Body::new("Kommunstyrelsen", None, BodyKind::ExecutiveBoard, None).unwrap());
    assert!(matches!(dup, Err(StoreError::Conflict(_))));
    let orphan =
        s.add_body(&Body::new("AU", None, BodyKind::WorkingCommittee, Some(BodyId(99))).unwrap());
    assert!(matches!(orphan, Err(StoreError::Conflict(_))), "{orphan:?}");

    let term = s
        .add_term(&TermOfOffice::new(d("2023-01-01"), d("2026-12-31")).unwrap())
        .unwrap();
    assert_eq!(s.terms().unwrap(), vec![term.clone()]);

    let thony = s
        .add_person(&Person::new("Thony Liljemark", Some("thony@example.se")).unwrap())
        .unwrap();
    assert_eq!(s.person(thony.id).unwrap(), thony);
    let ms = Membership::new(
        thony.id,
        iou.id,
        MembershipRole::Member,
        Some(PresidiumPosition::Chair),
        Some("OR"),
        Some(term.id),
        d("2023-01-01"),
        Some(d("2026-12-31")),
    )
    .unwrap();
    let ms = s.add_membership(&ms).unwrap();
    assert_eq!(s.memberships(Some(iou.id)).unwrap(), vec![ms.clone()]);
    assert_eq!(s.memberships(Some(ks.id)).unwrap(), vec![]);

    let maria = s
        .add_person(&Person::new("Maria Persson", None).unwrap())
        .unwrap();
    let off = s
        .add_official(&Official::new(maria.id, "socialchef", Some("Socialförvaltningen")).unwrap())
        .unwrap();
    assert_eq!(s.officials().unwrap(), vec![off]);
    assert_eq!(s.persons().unwrap().len(), 2);
    assert!(matches!(
        s.person(PersonId(42)),
        Err(StoreError::NotFound { .. })
    ));
}

pub fn registry_round_trips_and_numbers_without_gaps(s: &dyn Storage) {
    let pattern = DnrPattern::new("{series}/{year}:{seq}").unwrap();
    let doc = NewDocument::new(
        DocumentType::Ruling,
        "Dom LVU",
        d("2025-08-20"),
        Direction::Incoming,
        Some("Förvaltningsrätten"),
    )
    .unwrap();
    let (c1, docs) = s
        .create_case(
            &pattern,
            &new_case("KS", "Verksamhetsuppföljning", "2025-01-10"),
            std::slice::from_ref(&doc),
        )
        .unwrap();
    assert_eq!(c1.dnr.to_string(), "KS/2025:1");
    assert_eq!(docs[0].number, 1);
    let (c2, _) = s
        .create_case(
            &pattern,
            &new_case("KS", "Delegationsbeslut", "2025-02-01"),
            &[],
        )
        .unwrap();
    assert_eq!(c2.dnr.to_string(), "KS/2025:2");
    let (c3, _) = s
        .create_case(&pattern, &new_case("SN", "Egen serie", "2025-02-01"), &[])
        .unwrap();
    assert_eq!(c3.dnr.to_string(), "SN/2025:1");
    let (c4, _) = s
        .create_case(&pattern, &new_case("KS", "Nytt år", "2026-01-02"), &[])
        .unwrap();
    assert_eq!(c4.dnr.to_string(), "KS/2026:1");

    assert_eq!(s.case(c1.id).unwrap(), c1);
    assert_eq!(s.case_by_dnr("KS/2025:2").unwrap(), Some(c2.clone()));
    assert_eq!(s.documents(c1.id).unwrap(), docs);
    s.set_case_status(c1.id, CaseStatus::Closed).unwrap();
    assert_eq!(s.case(c1.id).unwrap().status, CaseStatus::Closed);
    let edited = s
        .update_case(c1.id, "Ny ärendemening", CaseStatus::Decided, Some("Eva"))
        .unwrap();
    assert_eq!(
        (
            edited.title.as_str(),
            edited.status,
            edited.handler.as_deref()
        ),
        ("Ny ärendemening", CaseStatus::Decided, Some("Eva"))
    );
    assert_eq!(edited.dnr, c1.dnr, "the number never changes");
    assert!(s.update_case(c1.id, " ", CaseStatus::Open, None).is_err());
    assert!(s
        .update_case(CaseId(999), "x", CaseStatus::Open, None)
        .is_err());

    // An imported number moves the counter past it.
    let imported = Case::new(
        paragraf_core::dnr::Dnr::parse("KS/2025:26").unwrap(),
        "Verksamhets- och budgetuppföljning januari - juli 2025",
        None,
        Secrecy::Public,
        d("2025-09-01"),
    )
    .unwrap();
    let imp = s.register_case(&imported).unwrap();
    assert_eq!(s.case(imp.id).unwrap(), imp);
    let (c5, _) = s
        .create_case(&pattern, &new_case("KS", "Efter import", "2025-09-02"), &[])
        .unwrap();
    assert_eq!(c5.dnr.to_string(), "KS/2025:27");
    assert!(matches!(
        s.register_case(&imported),
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(s.cases().unwrap().len(), 6);

    // A document for a missing case is refused.
    assert!(s.add_document(CaseId(999), &doc).is_err());

    // The sekretessprövning of a document: none until someone decides, then kept; a
    // missing document is refused.
    let reviewed = s.add_document(imp.id, &doc).unwrap();
    assert_eq!(reviewed.value.review, None);
    for review in [
        Some(paragraf_core::registry::Review::Public),
        Some(paragraf_core::registry::Review::Secret),
        None,
    ] {
        s.review_document(reviewed.id, review).unwrap();
        let now = s.documents(imp.id).unwrap();
        let found = now.iter().find(|d| d.id == reviewed.id).unwrap();
        assert_eq!(found.value.review, review);
    }
    assert!(s
        .review_document(paragraf_core::ids::DocumentId(9999), None)
        .is_err());
}

pub fn a_failed_case_leaves_no_number_behind(s: &dyn Storage) {
    // A six-digit pattern: the millionth number does not fit and the write is refused.
    let pattern = DnrPattern::new("{series} {year}-{seq:1}").unwrap();
    for i in 1..=9 {
        let (c, _) = s
            .create_case(&pattern, &new_case("SOC", "Ärende", "2024-03-01"), &[])
            .unwrap();
        assert_eq!(c.dnr.sequence(), i);
    }
    assert!(s
        .create_case(&pattern, &new_case("SOC", "Ärende", "2024-03-01"), &[])
        .is_err());
    // An empty title fails inside the transaction: the counter does not move.
    let pattern = DnrPattern::new("{series} {year}-{seq:6}").unwrap();
    assert!(s
        .create_case(&pattern, &new_case("SN", " ", "2024-03-01"), &[])
        .is_err());
    let (c, _) = s
        .create_case(&pattern, &new_case("SN", "Ärende", "2024-03-01"), &[])
        .unwrap();
    assert_eq!(c.dnr.to_string(), "SN 2024-000001");
}

pub fn atomically_keeps_all_or_nothing(s: &dyn Storage) {
    let err = s
        .atomically(&mut |tx| {
            tx.add_body(&Body::new("Socialnämnden", None, BodyKind::Committee, None).unwrap())?;
            tx.add_person(&Person::new("Anna Andersson", None).unwrap())?;
            // The same name again breaks uniqueness: everything above is undone.
            tx.add_body(&Body::new("Socialnämnden", None, BodyKind::Committee, None).unwrap())?;
            Ok(())
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)));
    assert!(s.bodies().unwrap().is_empty());
    assert!(s.persons().unwrap().is_empty());

    s.atomically(&mut |tx| {
        tx.add_body(&Body::new("Socialnämnden", None, BodyKind::Committee, None).unwrap())?;
        // A nested failure rolls back only its own part.
        let inner = tx.atomically(&mut |t| {
            t.add_person(&Person::new("Bo Berg", None).unwrap())?;
            Err(StoreError::Rule("avbruten".into()))
        });
        assert!(inner.is_err());
        Ok(())
    })
    .unwrap();
    assert_eq!(s.bodies().unwrap().len(), 1);
    assert!(s.persons().unwrap().is_empty());
}

/// Reads change nothing; every write moves the generation.
pub fn the_generation_moves_with_writes_only(s: &dyn Storage) {
    let g0 = s.generation().unwrap();
    let _ = s.bodies().unwrap();
    assert_eq!(s.generation().unwrap(), g0, "a read changes nothing");
    s.add_body(&Body::new("Socialnämnden", Some("SN"), BodyKind::Committee, None).unwrap())
        .unwrap();
    assert_ne!(s.generation().unwrap(), g0, "a write moves it");
}

/// Failed logins are counted per key, cleared per key, refused
/// inside a transaction, and never move the generation (a flood of them must not empty
/// the page caches).
pub fn failed_logins_are_counted_outside_the_data(s: &dyn Storage) {
    use chrono::TimeZone;
    let t0 = Utc.with_ymd_and_hms(2026, 12, 4, 10, 0, 0).unwrap();
    let keys = ["a".to_string(), "b".to_string()];
    let g0 = s.generation().unwrap();
    assert_eq!(s.login_failures(&keys).unwrap(), vec![None, None]);
    s.count_login_failure(&keys, t0).unwrap();
    let t1 = t0 + chrono::Duration::seconds(5);
    s.count_login_failure(&keys[..1], t1).unwrap();
    let got = s.login_failures(&keys).unwrap();
    assert_eq!(got[0].map(|f| (f.count, f.last)), Some((2, t1)));
    assert_eq!(got[1].map(|f| (f.count, f.last)), Some((1, t0)));
    assert_eq!(s.generation().unwrap(), g0, "failed logins are not data");
    s.clear_login_failures("b").unwrap();
    assert_eq!(s.login_failures(&keys).unwrap()[1], None);
    assert!(s
        .atomically(&mut |tx| tx.count_login_failure(&keys, t1))
        .is_err());
    assert_eq!(s.generation().unwrap(), g0, "failed logins are not data");
}

/// Users with roles and bodies, sessions, API tokens that expire and are revoked, and an
/// audit log that only grows.
pub fn accounts_sessions_tokens_and_the_audit_log(s: &dyn Storage) {
    let sn = s
        .add_body(&Body::new("Socialnämnden", Some("SN"), BodyKind::Committee, None).unwrap())
        .unwrap();
    let u = s
        .add_user(
            "sekr",
            "Cia Sekr",
            "$argon2id$x",
            Role::Secretary,
            None,
            &[sn.id],
        )
        .unwrap();
    assert_eq!(s.user(u.id).unwrap().unwrap().bodies, vec![sn.id]);
    assert_eq!(s.user_by_name("sekr").unwrap().unwrap().id, u.id);
    assert!(matches!(
        s.add_user("sekr", "Igen", "h", Role::Member, None, &[]),
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(s.users().unwrap().len(), 1);
    assert_eq!(s.login_failed(u.id).unwrap(), 1);
    assert_eq!(s.login_failed(u.id).unwrap(), 2);
    s.login_succeeded(u.id).unwrap();
    assert_eq!(s.user(u.id).unwrap().unwrap().failed_logins, 0);

    let now: DateTime<Utc> = "2026-11-23T12:00:00Z".parse().unwrap();
    s.create_session("h1", u.id, "csrf", now + chrono::Duration::hours(8), false)
        .unwrap();
    assert_eq!(s.session("h1", now).unwrap().unwrap().csrf, "csrf");
    assert!(!s.session("h1", now).unwrap().unwrap().single_sign_on);
    s.create_session("h2", u.id, "c2", now + chrono::Duration::hours(8), true)
        .unwrap();
    assert!(s.session("h2", now).unwrap().unwrap().single_sign_on);
    s.delete_session("h2").unwrap();
    assert!(s
        .session("h1", now + chrono::Duration::hours(9))
        .unwrap()
        .is_none());
    assert!(s.session("okänd", now).unwrap().is_none());
    s.delete_session("h1").unwrap();
    assert!(s.session("h1", now).unwrap().is_none());

    let id = s
        .create_api_token("t1", u.id, "skript", now, now + chrono::Duration::days(90))
        .unwrap();
    assert_eq!(s.api_token_user("t1", now).unwrap().unwrap().id, u.id);
    assert!(s
        .api_token_user("t1", now + chrono::Duration::days(91))
        .unwrap()
        .is_none());
    assert_eq!(s.api_tokens(u.id).unwrap()[0].id, id);
    assert!(s.revoke_api_token(u.id, id, now).unwrap());
    assert!(!s.revoke_api_token(u.id, id, now).unwrap(), "revoked once");
    assert!(s.api_token_user("t1", now).unwrap().is_none());

    let e = AuditEntry {
        at: now.to_rfc3339(),
        actor: "sekr".into(),
        action: "skapa".into(),
        entity: "ärende".into(),
        entity_id: Some("1".into()),
        before: None,
        after: Some("{}".into()),
    };
    s.audit(&e).unwrap();
    assert_eq!(s.audit_log(10).unwrap(), vec![e.clone()]);
    let nobody = AuditEntry {
        actor: " ".into(),
        ..e
    };
    assert!(s.audit(&nobody).is_err(), "every entry names who");
}

/// Classifications of §§ for publication are kept per meeting and replaced by a later one.
pub fn classifications_are_kept_and_replaced(s: &dyn Storage) {
    let sn = s
        .add_body(&Body::new("Socialnämnden", Some("SN"), BodyKind::Committee, None).unwrap())
        .unwrap();
    let m = s
        .add_meeting(&Meeting::planned(sn.id, d("2026-11-20")))
        .unwrap();
    let now: DateTime<Utc> = "2026-11-23T12:00:00Z".parse().unwrap();
    let rule = Classification {
        paragraph: 3,
        public: false,
        ground: "OSL 26 kap. 1 §: LVU".into(),
        by: ClassifiedBy::Rule,
    };
    s.classify(m.id, &rule, now).unwrap();
    assert_eq!(s.classifications(m.id).unwrap(), vec![rule.clone()]);
    let person = Classification {
        public: true,
        ground: "prövad".into(),
        by: ClassifiedBy::Person("sekr".into()),
        ..rule
    };
    s.classify(m.id, &person, now).unwrap();
    assert_eq!(s.classifications(m.id).unwrap(), vec![person]);
    assert!(s.seal_record(m.id).unwrap().is_none());
}

/// The statistics placed before the nämnd are kept per date and meeting.
pub fn presented_statistics_are_kept(s: &dyn Storage) {
    let sn = s
        .add_body(&Body::new("Socialnämnden", Some("SN"), BodyKind::Committee, None).unwrap())
        .unwrap();
    let m = s
        .add_meeting(&Meeting::planned(sn.id, d("2026-11-20")))
        .unwrap();
    s.record_presented(d("2026-10-31"), m.id, "{\"a\":1}")
        .unwrap();
    s.record_presented(d("2026-10-31"), m.id, "{\"a\":2}")
        .unwrap();
    assert_eq!(
        s.presented().unwrap(),
        vec![(d("2026-10-31"), m.id, "{\"a\":2}".to_string())]
    );
}

/// An administrator closes, opens, re-roles and re-keys accounts: closing and a new
/// password end the sessions; a good login is noted.
pub fn accounts_are_administered(s: &dyn Storage) {
    let sn = s
        .add_body(&Body::new("Socialnämnden", Some("SN"), BodyKind::Committee, None).unwrap())
        .unwrap();
    let ks = s
        .add_body(
            &Body::new(
                "Kommunstyrelsen",
                Some("KS"),
                BodyKind::ExecutiveBoard,
                None,
            )
            .unwrap(),
        )
        .unwrap();
    let u = s
        .add_user(
            "hand",
            "Hanna Hand",
            "$argon2id$a",
            Role::CaseOfficer,
            None,
            &[sn.id],
        )
        .unwrap();
    assert_eq!(u.last_login, None);
    s.login_succeeded(u.id).unwrap();
    assert!(s.user(u.id).unwrap().unwrap().last_login.is_some());
    let now: DateTime<Utc> = "2026-11-23T12:00:00Z".parse().unwrap();
    let later = now + chrono::Duration::hours(8);
    s.create_session("a1", u.id, "c", later, false).unwrap();
    s.set_user_disabled(u.id, true).unwrap();
    assert!(s.user(u.id).unwrap().unwrap().disabled);
    assert!(
        s.session("a1", now).unwrap().is_none(),
        "closing ends sessions"
    );
    s.set_user_disabled(u.id, false).unwrap();
    assert!(!s.user(u.id).unwrap().unwrap().disabled);
    s.create_session("a2", u.id, "c", later, false).unwrap();
    assert_eq!(
        s.user_sessions(u.id, now).unwrap(),
        vec![later.to_rfc3339()]
    );
    s.set_user_password(u.id, "$argon2id$b", true).unwrap();
    let v = s.user(u.id).unwrap().unwrap();
    assert_eq!(v.password_hash, "$argon2id$b");
    assert!(v.must_change_password);
    assert!(
        s.session("a2", now).unwrap().is_none(),
        "a new password ends sessions"
    );
    s.set_user_password(u.id, "$argon2id$c", false).unwrap();
    assert!(!s.user(u.id).unwrap().unwrap().must_change_password);
    s.create_session("a3", u.id, "c", later, false).unwrap();
    s.create_session("a4", u.id, "c", later, false).unwrap();
    assert_eq!(s.end_user_sessions(u.id).unwrap(), 2);
    assert!(s.user_sessions(u.id, now).unwrap().is_empty());
    s.set_user_role(u.id, Role::Secretary, &[sn.id, ks.id])
        .unwrap();
    let v = s.user(u.id).unwrap().unwrap();
    assert_eq!((v.role, v.bodies), (Role::Secretary, vec![sn.id, ks.id]));
    assert!(matches!(
        s.set_user_disabled(9999, true),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        s.set_user_role(9999, Role::Admin, &[]),
        Err(StoreError::NotFound { .. })
    ));
}

/// A list of meetings read as heads (id, body, date, state) gives what the whole meetings
/// give; a page of one body's meetings is that body's, by date, from its offset, with the
/// count of them all.
pub fn meeting_lists_are_projected_and_paged(s: &dyn Storage) {
    let body = |name: &str| {
        s.add_body(&Body::new(name, None, BodyKind::Committee, None).expect("body"))
            .expect("body")
            .id
    };
    let (sn, ks) = (body("Socialnämnden"), body("Kommunstyrelsen"));
    for (b, day) in [
        (sn, "2024-03-01"),
        (ks, "2024-01-10"),
        (sn, "2024-01-20"),
        (sn, "2024-02-05"),
        (ks, "2024-05-01"),
    ] {
        s.add_meeting(&Meeting::planned(b, d(day)))
            .expect("meeting");
    }
    let whole = s.meetings().expect("meetings");
    let heads = s.meeting_heads().expect("heads");
    assert_eq!(
        heads,
        whole
            .iter()
            .map(|m| MeetingHead {
                id: m.id,
                body: m.body,
                date: m.date,
                state: m.state(),
            })
            .collect::<Vec<_>>()
    );
    let (page, total) = s.meetings_page(Some(&[sn]), 1, 1).expect("page");
    assert_eq!(total, 3);
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].date, d("2024-02-05"));
    let (page, total) = s.meetings_page(None, 3, 10).expect("page");
    assert_eq!((page.len(), total), (2, 5));
    assert_eq!(page[0].date, d("2024-03-01"));
    let (page, total) = s.meetings_page(Some(&[]), 0, 10).expect("page");
    assert_eq!((page.len(), total), (0, 0));
}

/// A report's reading of the register (`unenforced_in_period`) gives exactly the decisions
/// the core's rule says can count, in the register's order, and is logged as a reading.
pub fn a_reports_reading_leaves_out_only_what_cannot_count(s: &dyn Storage) {
    use paragraf_core::unenforced::decision::{Closure, Interruption};
    let mut all = Vec::new();
    let mut n = 0;
    for decided in [
        "2023-01-10",
        "2023-03-31",
        "2023-04-01",
        "2023-06-30",
        "2023-07-01",
    ] {
        for enforced in [
            None,
            Some("2023-06-30"),
            Some("2023-07-01"),
            Some("2023-09-30"),
        ] {
            for closed in [
                None,
                Some("2023-06-30"),
                Some("2023-07-01"),
                Some("2023-12-31"),
            ] {
                for interrupted in [false, true] {
                    n += 1;
                    let mut x = decision(&format!("R{n:03}"), decided);
                    x.enforced = enforced.map(d).filter(|e| *e >= x.decision_date);
                    if interrupted {
                        if let Some(e) = x.enforced {
                            x.interruptions.push(Interruption { from: e, to: None });
                        }
                    }
                    if x.enforced.is_none() || !x.interruptions.is_empty() {
                        x.closed = closed
                            .map(d)
                            .filter(|c| *c >= x.decision_date)
                            .map(|date| Closure { date, why: None });
                    }
                    if x.validate().is_empty() {
                        all.push(x);
                    }
                }
            }
        }
    }
    s.upsert_decisions("a", &all).expect("stored");
    let register = s.unenforced_decisions("a").expect("read");
    for (from, to) in [
        ("2023-06-30", "2023-06-30"),
        ("2023-07-01", "2023-09-30"),
        ("2023-07-01", "2023-12-31"),
        ("2022-12-31", "2022-12-31"),
    ] {
        let (from, to) = (d(from), d(to));
        let log_before = s.unenforced_audit(None).expect("log").len();
        let read = s.unenforced_in_period("Revisor", from, to).expect("read");
        let want: Vec<_> = register
            .iter()
            .filter(|x| paragraf_core::unenforced::rules::may_count_in(x, from, to))
            .cloned()
            .collect();
        assert_eq!(read, want, "{from}..{to}");
        assert!(
            read.len() < register.len(),
            "{from}..{to}: something is left out"
        );
        let log = s.unenforced_audit(None).expect("log");
        assert_eq!(log.len(), log_before + 1);
        assert_eq!(log.last().expect("entry").actor, "Revisor");
    }
}

/// Annotations belong to their user: another's are neither listed nor removed, an empty one
/// is refused, and pruning keeps only the cases asked for.
pub fn annotations_are_each_users_own(s: &dyn Storage) {
    let pattern = DnrPattern::new("{series}/{year}:{seq}").unwrap();
    let (a, _) = s
        .create_case(&pattern, &new_case("SN", "Ett", "2026-01-10"), &[])
        .unwrap();
    let (b, _) = s
        .create_case(&pattern, &new_case("SN", "Två", "2026-01-11"), &[])
        .unwrap();
    let anna = s
        .add_user("anna", "Anna", "h", Role::Member, None, &[])
        .unwrap();
    let bo = s
        .add_user("bo", "Bo", "h", Role::Member, None, &[])
        .unwrap();
    let note = |user: i64, case: CaseId, note: &str, quote: Option<&str>| NewAnnotation {
        user,
        case,
        document: 1,
        page: Some(2),
        quote: quote.map(String::from),
        note: note.into(),
    };
    let first = s
        .add_annotation(&note(anna.id, a.id, " Fråga om kostnaden ", None))
        .unwrap();
    assert_eq!(
        (first.note.as_str(), first.page),
        ("Fråga om kostnaden", Some(2))
    );
    s.add_annotation(&note(anna.id, b.id, "", Some("37 ärenden")))
        .unwrap();
    s.add_annotation(&note(bo.id, a.id, "Bos egen", None))
        .unwrap();
    assert!(s
        .add_annotation(&note(anna.id, a.id, " ", Some("  ")))
        .is_err());
    let mine = s.annotations(anna.id).unwrap();
    assert_eq!(mine.len(), 2);
    assert!(mine.iter().all(|x| x.user == anna.id));
    assert!(
        !s.remove_annotation(bo.id, first.id).unwrap(),
        "another's note stays"
    );
    assert_eq!(s.annotations(anna.id).unwrap().len(), 2);
    assert_eq!(s.prune_annotations(anna.id, &|c| c == a.id).unwrap(), 1);
    assert_eq!(s.annotations(anna.id).unwrap(), vec![first.clone()]);
    assert!(s.remove_annotation(anna.id, first.id).unwrap());
    assert!(s.annotations(anna.id).unwrap().is_empty());
    assert_eq!(s.annotations(bo.id).unwrap().len(), 1);
}

/// The outbox: e-mail is queued and due, a failure is recorded and tried again later or
/// given up, a retry puts it back, a letter by post is sent when queued; one without an
/// address is refused and nothing of the batch is kept.
pub fn dispatches_are_queued_tried_and_recorded(s: &dyn Storage) {
    let body = s
        .add_body(&Body::new("Socialnämnden", None, BodyKind::Committee, None).expect("body"))
        .unwrap();
    let m = s
        .add_meeting(&Meeting::planned(body.id, d("2026-11-20")))
        .unwrap();
    let mail = |to: &str, address: Option<&str>, method| NewDispatch {
        meeting: m.id,
        paragraph: Some(3),
        kind: DispatchKind::Extract,
        recipient: to.into(),
        address: address.map(String::from),
        method,
        subject: "Protokollsutdrag".into(),
        text: "Se bifogat utdrag.".into(),
        html: None,
        attachment: Some(("files/ab.pdf".into(), "utdrag-3.pdf".into())),
        created_by: "sekr".into(),
    };
    assert!(s
        .queue_dispatches(&[
            mail("IFO", Some("ifo@example.se"), DispatchMethod::Email),
            mail("Utan adress", None, DispatchMethod::Email),
        ])
        .is_err());
    assert!(
        s.dispatches(m.id).unwrap().is_empty(),
        "nothing of a refused batch"
    );
    let queued = s
        .queue_dispatches(&[
            mail("IFO", Some("ifo@example.se"), DispatchMethod::Email),
            mail("Länsstyrelsen", None, DispatchMethod::Post),
        ])
        .unwrap();
    assert_eq!(queued[0].status, DispatchStatus::Queued);
    assert_eq!(queued[1].status, DispatchStatus::Sent);
    assert!(queued[1].sent.is_some());
    let now: DateTime<Utc> = "2026-11-21T10:00:00Z".parse().unwrap();
    let lease = now + chrono::Duration::minutes(2);
    let due = s.claim_due_dispatches(now, lease, 10).unwrap();
    assert_eq!(
        due.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![queued[0].id]
    );
    // Claimed: another sender gets nothing until the lease runs out.
    assert!(s.claim_due_dispatches(now, lease, 10).unwrap().is_empty());
    assert_eq!(s.claim_due_dispatches(lease, lease, 10).unwrap().len(), 1);
    let later = now + chrono::Duration::minutes(5);
    let failed = s
        .record_attempt(queued[0].id, Err(("anslutningen nekades", Some(later))))
        .unwrap();
    assert_eq!(
        (failed.status, failed.attempts),
        (DispatchStatus::Queued, 1)
    );
    assert!(
        s.claim_due_dispatches(now, now, 10).unwrap().is_empty(),
        "not before its time"
    );
    // A recorded try ends the claim: due again at its time.
    assert_eq!(s.claim_due_dispatches(later, later, 10).unwrap().len(), 1);
    let given_up = s
        .record_attempt(queued[0].id, Err(("anslutningen nekades", None)))
        .unwrap();
    assert_eq!(given_up.status, DispatchStatus::Failed);
    assert!(s.record_attempt(queued[0].id, Ok("<x@y>")).is_err());
    s.retry_dispatch(queued[0].id).unwrap();
    let sent = s.record_attempt(queued[0].id, Ok("<1@paragraf>")).unwrap();
    assert_eq!(
        (sent.status, sent.message_id.as_deref(), sent.attempts),
        (DispatchStatus::Sent, Some("<1@paragraf>"), 1),
        "a retry counts its tries anew"
    );
    assert!(s.retry_dispatch(queued[0].id).is_err());
    assert_eq!(s.dispatches(m.id).unwrap().len(), 2);
}

/// Each save is a new version; only the latest, once, is approved, and an approved version
/// never changes.
pub fn memos_are_versioned_and_kept_once_approved(s: &dyn Storage) {
    let pattern = DnrPattern::new("{series}/{year}:{seq}").unwrap();
    let (case, _) = s
        .create_case(&pattern, &new_case("SN", "Yttrande", "2026-10-01"), &[])
        .unwrap();
    let memo = |summary: &str| paragraf_core::memo::Memo {
        title: "Yttrande".into(),
        summary: summary.into(),
        proposal: vec!["avslå motionen".into()],
        officer: "Rebecka Hed".into(),
        ..Default::default()
    };
    let v1 = s
        .save_memo(case.id, &memo("Första"), "handlaggare")
        .unwrap();
    let v2 = s.save_memo(case.id, &memo("Andra"), "handlaggare").unwrap();
    assert_eq!((v1.version, v2.version), (1, 2));
    assert!(
        s.approve_memo(case.id, 1, "chef", 7).is_err(),
        "not the latest"
    );
    let ok = s.approve_memo(case.id, 2, "chef", 7).unwrap();
    assert_eq!(
        ok.approved.as_ref().map(|a| (a.0.as_str(), a.2)),
        Some(("chef", 7))
    );
    assert!(
        s.approve_memo(case.id, 2, "chef", 8).is_err(),
        "approved once"
    );
    let all = s.memos(case.id).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].memo.summary, "Första");
    assert_eq!(all[1].memo.summary, "Andra");
    // A new draft after approval is version 3, and the approved one stays as it was.
    s.save_memo(case.id, &memo("Tredje"), "handlaggare")
        .unwrap();
    assert_eq!(s.memos(case.id).unwrap()[1], ok);
}
