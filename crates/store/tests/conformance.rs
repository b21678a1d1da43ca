//! The SQLite store passes the conformance suite of the storage interface.

use paragraf_store::{conformance, SqlStore, Storage};

#[test]
fn sqlite_on_a_file_passes_the_conformance_suite() {
    conformance::run(|| {
        let dir = tempfile::tempdir().unwrap();
        let s: Box<dyn Storage> = Box::new(SqlStore::open(&dir.path().join("p.db")).unwrap());
        (s, dir)
    });
}

#[test]
fn sqlite_in_memory_passes_the_conformance_suite() {
    conformance::run(|| {
        let s: Box<dyn Storage> = Box::new(SqlStore::in_memory().unwrap());
        (s, ())
    });
}

/// The PostgreSQL server the tests use: `scripts/test` starts one of its own and runs this
/// suite, and the app's and web's tests, again with `PARAGRAF_TEST_POSTGRES` naming it.
/// Without it, this test says so and does nothing (the SQLite runs above still run).
fn postgres() -> Option<String> {
    match std::env::var("PARAGRAF_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!("PARAGRAF_TEST_POSTGRES saknas: PostgreSQL-delen hoppas över");
            None
        }
    }
}

#[test]
fn postgres_passes_the_conformance_suite() {
    let Some(url) = postgres() else { return };
    let n = std::sync::atomic::AtomicUsize::new(0);
    conformance::run(|| {
        // Each check on an empty schema of its own in the one database.
        let schema = format!(
            "conformance_{}_{}",
            std::process::id(),
            n.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        let s: Box<dyn Storage> = Box::new(SqlStore::connect(&url, Some(&schema)).unwrap());
        (s, ())
    });
}
