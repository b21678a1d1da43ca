//! What the store's tests of old schemas share.

use std::path::Path;

/// A SQLite database at `path` brought to schema `version` by the first `version`
/// migrations, as an installation of that time left it.
pub fn database_at_version(path: &Path, version: usize) -> rusqlite::Connection {
    let migrations = concat!(env!("CARGO_MANIFEST_DIR"), "/src/migrations");
    let mut files: Vec<_> = std::fs::read_dir(migrations)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let c = rusqlite::Connection::open(path).unwrap();
    for f in files.iter().take(version) {
        c.execute_batch(&std::fs::read_to_string(f).unwrap())
            .unwrap();
    }
    c.pragma_update(None, "user_version", version as i64)
        .unwrap();
    c
}
