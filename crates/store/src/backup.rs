//! Säkerhetskopia: a consistent copy of a SQLite store taken while it is in use (SQLite's
//! online backup API, all pages in one step inside one read transaction), with the files
//! of the installation (settings, keys, stored PDFs) carried in a table of the same file,
//! so that one file is the whole installation.

use std::path::Path;
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use crate::{BackupFile, Result, StoreError};

const FILES_TABLE: &str = "paragraf_backup_files";

fn not_a_backup(path: &Path) -> StoreError {
    StoreError::Rule(format!(
        "{} är ingen säkerhetskopia från Paragraf",
        path.display()
    ))
}

/// Copies every page of `src` into `dst` in one step (one snapshot).
fn copy(src: &Connection, dst: &mut Connection) -> Result<()> {
    let backup = Backup::new(src, dst)?;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            // Another connection holds a lock for a moment: wait and go on.
            _ => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

/// Writes the store read by `src` and `files` to the new file `out` (readable by its owner
/// only). Written beside `out` first and renamed into place: a failed backup leaves no
/// file that looks whole.
pub(crate) fn write(src: &Connection, out: &Path, files: &[BackupFile]) -> Result<()> {
    if out.exists() {
        return Err(StoreError::Conflict(format!(
            "{} finns redan; en säkerhetskopia skriver inte över en fil",
            out.display()
        )));
    }
    let part = out.with_file_name(format!(
        "{}.part",
        out.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "paragraf-backup".into())
    ));
    let _ = std::fs::remove_file(&part);
    let result = (|| -> Result<()> {
        let mut dst = Connection::open(&part)?;
        crate::sqlite::owner_only(&part)?;
        copy(src, &mut dst)?;
        dst.pragma_update(None, "journal_mode", "DELETE")?;
        let tx = dst.transaction()?;
        tx.execute_batch(&format!(
            "CREATE TABLE {FILES_TABLE} (name TEXT PRIMARY KEY, bytes BLOB NOT NULL)"
        ))?;
        for f in files {
            tx.execute(
                &format!("INSERT INTO {FILES_TABLE} (name, bytes) VALUES (?1, ?2)"),
                rusqlite::params![f.name, f.bytes],
            )?;
        }
        tx.commit()?;
        let ok: String = dst.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if ok != "ok" {
            return Err(StoreError::Corrupt {
                what: "säkerhetskopian",
                id: String::new(),
                reason: ok,
            });
        }
        Ok(())
    })();
    match result {
        Ok(()) => std::fs::rename(&part, out)
            .map_err(|e| StoreError::Rule(format!("kunde inte skriva {}: {e}", out.display()))),
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            Err(e)
        }
    }
}

/// Restores the backup `from` into the new database file `db` and returns the files it
/// carries. The backup is checked (SQLite's integrity check, its table of files) before
/// anything is written; `db` must not exist.
pub fn restore(from: &Path, db: &Path) -> Result<Vec<BackupFile>> {
    if db.exists() {
        return Err(StoreError::Conflict(format!(
            "{} finns redan; återställningen skriver inte över en databas",
            db.display()
        )));
    }
    let src = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| not_a_backup(from))?;
    let ok: String = src
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| not_a_backup(from))?;
    if ok != "ok" {
        return Err(StoreError::Corrupt {
            what: "säkerhetskopian",
            id: from.display().to_string(),
            reason: ok,
        });
    }
    let mut st = src
        .prepare(&format!(
            "SELECT name, bytes FROM {FILES_TABLE} ORDER BY name"
        ))
        .map_err(|_| not_a_backup(from))?;
    let files = st
        .query_map([], |r| {
            Ok(BackupFile {
                name: r.get(0)?,
                bytes: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(st);
    let result = (|| -> Result<()> {
        let mut dst = Connection::open(db)?;
        crate::sqlite::owner_only(db)?;
        copy(&src, &mut dst)?;
        dst.execute_batch(&format!("DROP TABLE {FILES_TABLE}"))?;
        dst.pragma_update(None, "journal_mode", "WAL")?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(db);
        return Err(e);
    }
    Ok(files)
}
