//! Delegation in the store: versions of an order round-trip, a decision file is one
//! transaction (a failing row leaves nothing behind) and is imported once, and the roles
//! register and vidaredelegation list are kept.

mod support;

use chrono::NaiveDate;
use paragraf_core::delegation::{DecisionRow, Outcome};
use paragraf_store::{DelegationStore, SqlStore};

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
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

fn open() -> (tempfile::TempDir, SqlStore) {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = SqlStore::open(&dir.path().join("p.db")).expect("open");
    (dir, s)
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

/// Decisions stored before their dates were day numbers (schema 17: the date as text,
/// AUTOINCREMENT) are moved whole: each reads back with its date, ids go on after the last,
/// and an outcome outside the three is still refused.
#[test]
fn decisions_stored_with_text_dates_are_moved_to_day_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.db");
    let c = support::database_at_version(&path, 17);
    c.execute_batch(
        "INSERT INTO delegation_imports (id, sha256, file, rows, imported_at)
             VALUES (1, 'abc', 'gammal.csv', 2, '2024-01-01T00:00:00Z');
         INSERT INTO delegation_decisions
             (id, import_id, line, item, level, date, decided_by, role, unit, decision, outcome)
         VALUES (7, 1, 2, '1.1', NULL, '2024-02-29', 'A B', 'Enhetschef', 'Enheten', 'Bifall', 'bifall'),
                (8, 1, 3, '1.2', NULL, '0001-01-01', 'A B', 'Enhetschef', 'Enheten', 'Bifall', 'bifall');",
    )
    .unwrap();
    drop(c);
    let s = SqlStore::open(&path).expect("migrated");
    assert_eq!(
        s.decisions(d("0001-01-01"), d("2024-12-31")).expect("rows"),
        vec![row("1.2", "0001-01-01"), row("1.1", "2024-02-29")]
    );
    assert!(s
        .decisions(d("2024-03-01"), d("2024-12-31"))
        .unwrap()
        .is_empty());
    s.add_decisions("ny.csv", "def", &[(2, row("1.3", "2024-03-01"))])
        .expect("import");
    let c = rusqlite::Connection::open(&path).unwrap();
    let last: i64 = c
        .query_row("SELECT max(id) FROM delegation_decisions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(last, 9);
    let refused = c.execute(
        "INSERT INTO delegation_decisions
             (import_id, line, item, day, decided_by, role, unit, decision, outcome)
         VALUES (1, 4, '1.1', 1, 'A', 'B', 'C', 'D', 'kanske')",
        [],
    );
    assert!(refused.is_err(), "{refused:?}");
}
