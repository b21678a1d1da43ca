//! The register of ej verkställda beslut: all-or-nothing upserts, updates by id, and the
//! audit log of every change and every read.

use chrono::NaiveDate;
use paragraf_core::unenforced::{Decision, DecisionId, Gender, Reason};
use paragraf_store::{SqliteStore, StoreError, UnenforcedStore};

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn decision(id: &str, date: &str) -> Decision {
    let mut x = Decision::new(
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
fn one_bad_decision_stores_nothing() {
    let (_dir, s) = open();
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

#[test]
fn every_change_and_every_read_is_logged() {
    let (_dir, s) = open();
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
