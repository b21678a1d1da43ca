//! The register of ej verkställda beslut: all-or-nothing upserts, updates by id, and the
//! audit log of every change and every read.

use chrono::NaiveDate;
use paragraf_core::unenforced::{DecisionId, Gender, GrantedDecision, Reason};
use paragraf_store::{SqliteStore, StoreError, UnenforcedStore};

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
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

fn open() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = SqliteStore::open(&dir.path().join("p.db")).expect("open");
    (dir, store)
}

#[test]
fn upsert_inserts_updates_and_keeps_what_is_unchanged() {
    let (dir, s) = open();
    let a = decision("A1", "2023-01-10");
    let b = decision("A2", "2023-02-10");
    let r = s
        .upsert_decisions("handläggare", &[a.clone(), b.clone()])
        .expect("upsert");
    assert_eq!((r.inserted, r.updated, r.unchanged), (2, 0, 0));
    let mut b2 = b.clone();
    b2.enforced = Some(d("2023-12-01"));
    let r = s
        .upsert_decisions("handläggare", &[a.clone(), b2.clone()])
        .expect("again");
    assert_eq!((r.inserted, r.updated, r.unchanged), (0, 1, 1));
    drop(s);
    let s = SqliteStore::open(&dir.path().join("p.db")).expect("reopen");
    assert_eq!(
        s.unenforced_decisions("revisor").expect("list"),
        vec![a, b2.clone()]
    );
    assert_eq!(
        s.unenforced_decision("revisor", &b2.id).expect("get"),
        Some(b2)
    );
}

#[test]
fn the_audit_log_cannot_be_rewritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.db");
    let s = SqliteStore::open(&path).expect("open");
    s.add_decision("Eva", &decision("A1", "2023-01-10"))
        .expect("add");
    drop(s);
    let raw = rusqlite::Connection::open(&path).expect("raw");
    assert!(raw.execute("DELETE FROM audit_log", []).is_err());
    assert!(raw.execute("UPDATE audit_log SET actor = 'x'", []).is_err());
    // A decision stored with an id that is a personnummer is refused when read back.
    raw.execute(
        "UPDATE unenforced_decisions SET data_json = replace(data_json, '\"A1\"', '\"811218-9876\"')",
        [],
    )
    .expect("tamper");
    drop(raw);
    let s = SqliteStore::open(&path).expect("reopen");
    assert!(matches!(
        s.unenforced_decisions("Eva"),
        Err(StoreError::Corrupt { .. })
    ));
}
