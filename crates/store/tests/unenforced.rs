//! The register of ej verkställda beslut: all-or-nothing upserts, updates by id, and the
//! audit log of every change and every read.

mod support;

use chrono::NaiveDate;
use paragraf_core::unenforced::{DecisionId, Gender, GrantedDecision, Reason};
use paragraf_store::{SqlStore, StoreError, UnenforcedStore};

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

fn open() -> (tempfile::TempDir, SqlStore) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = SqlStore::open(&dir.path().join("p.db")).expect("open");
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
    let s = SqlStore::open(&dir.path().join("p.db")).expect("reopen");
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
    let s = SqlStore::open(&path).expect("open");
    s.add_decision("Eva", &decision("A1", "2023-01-10"))
        .expect("add");
    drop(s);
    let raw = rusqlite::Connection::open(&path).expect("raw");
    assert!(raw.execute("DELETE FROM audit_log", []).is_err());
    assert!(raw.execute("UPDATE audit_log SET actor = 'x'", []).is_err());
    // A decision stored with an id that is a personnummer is refused when read back.
    raw.execute(
        "UPDATE unenforced_decisions SET id = '811218-9876' WHERE id = 'A1'",
        [],
    )
    .expect("tamper");
    drop(raw);
    let s = SqlStore::open(&path).expect("reopen");
    assert!(matches!(
        s.unenforced_decisions("Eva"),
        Err(StoreError::Corrupt { .. })
    ));
}

/// A register stored before decisions were kept as columns (schema 13: a JSON copy of each)
/// is moved whole: every field, offers and avbrott included, reads back as it was.
#[test]
fn a_register_stored_as_json_is_moved_to_columns() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.db");
    let c = support::database_at_version(&path, 13);
    let mut full = decision("F1", "2023-01-10");
    full.unit = Some("Bistånd LSS".into());
    full.reason_text = Some("Ingen plats".into());
    full.enforced = Some(d("2023-05-01"));
    full.offers = vec![paragraf_core::unenforced::decision::Offer {
        offered: d("2023-02-01"),
        declined: Some(d("2023-02-03")),
    }];
    full.set_latest_interruption(Some(d("2023-06-01")), Some(d("2023-07-01")))
        .unwrap();
    let mut closed = decision("C1", "2022-12-01");
    closed.reason = None;
    closed.closed = Some(paragraf_core::unenforced::decision::Closure {
        date: d("2023-01-15"),
        why: Some("Flyttat".into()),
    });
    let plain = decision("P1", "2023-03-03");
    for x in [&full, &closed, &plain] {
        c.execute(
            "INSERT INTO unenforced_decisions
               (id, service, decision_date, gender, reason, enforced, closed, data_json, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '2024-01-01T00:00:00Z')",
            rusqlite::params![
                x.id.as_str(),
                x.service,
                x.decision_date.to_string(),
                x.gender.letter(),
                x.reason.map(|r| r.code()),
                x.enforced.map(|e| e.to_string()),
                x.closed.as_ref().map(|e| e.date.to_string()),
                serde_json::to_string(x).unwrap(),
            ],
        )
        .unwrap();
    }
    drop(c);
    let s = SqlStore::open(&path).expect("migrated");
    assert_eq!(
        s.unenforced_decisions("revisor").unwrap(),
        vec![closed, full, plain]
    );
}

/// Into an empty register an import writes without reading first; an id it has written
/// already is refused (never overwritten unlogged), and nothing of the file is kept.
#[test]
fn an_id_twice_in_a_file_into_an_empty_register_is_refused() {
    let (_dir, s) = open();
    let source = paragraf_store::ImportSource {
        file: "dubbel.csv".into(),
        sha256: "0".repeat(64),
    };
    let x = decision("X1", "2023-01-10");
    let mut y = x.clone();
    y.gender = Gender::M;
    let err = s
        .import_decisions("Import", &source, &mut |session| {
            session.put(&decision("X0", "2023-01-09"))?;
            session.put(&x)?;
            session.put(&y)
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    assert!(err.to_string().contains("X1"), "{err}");
    assert!(s.unenforced_decisions("revisor").unwrap().is_empty());
    assert!(s
        .unenforced_audit(None)
        .unwrap()
        .iter()
        .all(|e| e.action == "läsa"));
}
