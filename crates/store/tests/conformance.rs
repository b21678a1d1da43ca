//! The SQLite store passes the conformance suite of the storage interface.

use paragraf_store::{conformance, SqliteStore, Storage};

#[test]
fn sqlite_on_a_file_passes_the_conformance_suite() {
    conformance::run(|| {
        let dir = tempfile::tempdir().unwrap();
        let s: Box<dyn Storage> = Box::new(SqliteStore::open(&dir.path().join("p.db")).unwrap());
        (s, dir)
    });
}

#[test]
fn sqlite_in_memory_passes_the_conformance_suite() {
    conformance::run(|| {
        let s: Box<dyn Storage> = Box::new(SqliteStore::in_memory().unwrap());
        (s, ())
    });
}
