//! Delegation in the store: versions of an order round-trip, a decision file is one
//! transaction (a failing row leaves nothing behind) and is imported once, and the roles
//! register and vidaredelegation list are kept.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use paragraf_core::delegation::{
    DecisionRow, DelegationOrder, FurtherDelegation, Item, Outcome, RoleHolder,
};
use paragraf_store::{DelegationStore, SqliteStore, StoreError};

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
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

fn row(item: &str, date: &str) -> DecisionRow {
    DecisionRow {
        item: item.into(),
        level: None,
        date: d(date),
        decided_by: "A B".into(),
        role: "Enhetschef".into(),
        unit: "Enheten".into(),
        decision: "Bifall".into(),
        outcome: Outcome::Bifall,
    }
}

fn open() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = SqliteStore::open(&dir.path().join("p.db")).expect("open");
    (dir, s)
}

#[test]
fn order_versions_round_trip() {
    let (_dir, s) = open();
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

#[test]
fn a_decision_file_is_one_transaction_and_imported_once() {
    let (dir, s) = open();
    let rows = vec![(2, row("1.1", "2024-05-02")), (3, row("1.2", "2024-05-03"))];
    let imp = s.add_decisions("maj.csv", "abc", &rows).expect("import");
    assert_eq!(imp.rows, 2);
    let e = s.add_decisions("maj-kopia.csv", "abc", &rows).unwrap_err();
    assert!(e.to_string().contains("redan"), "{e}");
    assert_eq!(
        s.decisions(d("2024-01-01"), d("2024-12-31"))
            .expect("rows")
            .len(),
        2
    );
    assert_eq!(
        s.decisions(d("2024-05-03"), d("2024-05-31")).expect("rows"),
        vec![row("1.2", "2024-05-03")]
    );
    // A failure in the middle of a file leaves nothing of it.
    {
        let c = rusqlite::Connection::open(dir.path().join("p.db")).expect("raw");
        c.execute_batch(
            "CREATE TRIGGER fail BEFORE INSERT ON delegation_decisions WHEN NEW.item = '9.9'
             BEGIN SELECT RAISE(ABORT, 'test'); END;",
        )
        .expect("trigger");
    }
    let rows = vec![(2, row("1.1", "2024-06-02")), (3, row("9.9", "2024-06-03"))];
    assert!(s.add_decisions("juni.csv", "def", &rows).is_err());
    assert!(s
        .decisions(d("2024-06-01"), d("2024-06-30"))
        .expect("rows")
        .is_empty());
    // …and the file may be imported again once fixed.
    let rows = vec![(2, row("1.1", "2024-06-02"))];
    assert!(s.add_decisions("juni.csv", "def", &rows).is_ok());
}

#[test]
fn roles_and_further_delegation_are_kept() {
    let (_dir, s) = open();
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
