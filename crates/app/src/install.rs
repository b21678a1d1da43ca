//! Keeping an installation: a backup taken while the server runs, a restore into an empty
//! directory, and a check of the installation's state (what an IT department runs from
//! cron and after every restore).

use std::path::{Component, Path, PathBuf};

use paragraf_core::ids::MeetingId;
use paragraf_store::BackupFile;
use serde::Serialize;

use crate::datadir::{create_private_dir, write_private};
use crate::{DataDir, Error, Result, DATABASE_FILE};

/// What a backup holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupSummary {
    /// The file written.
    pub file: PathBuf,
    /// Files of the installation carried beside the database (settings, keys, PDFs).
    pub files: usize,
    /// The size of the backup in bytes.
    pub bytes: u64,
}

/// Whether `name` (relative to the data directory) is part of the installation to carry:
/// not the database itself (it is copied consistently), its journals or half-written files.
fn carried(name: &str) -> bool {
    !(name == DATABASE_FILE
        || name.starts_with(&format!("{DATABASE_FILE}-"))
        || name.ends_with(".tmp")
        || name.ends_with(".part"))
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<BackupFile>) -> Result<()> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::Internal(format!("kunde inte läsa {}: {e}", dir.display())))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let meta = std::fs::symlink_metadata(&path)
            .map_err(|e| Error::Internal(format!("kunde inte läsa {}: {e}", path.display())))?;
        if meta.is_dir() {
            collect(root, &path, out)?;
        } else if meta.is_file() {
            let name = path
                .strip_prefix(root)
                .map_err(|e| Error::Internal(e.to_string()))?
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            if carried(&name) {
                let bytes = std::fs::read(&path).map_err(|e| {
                    Error::Internal(format!("kunde inte läsa {}: {e}", path.display()))
                })?;
                out.push(BackupFile { name, bytes });
            }
        }
    }
    Ok(())
}

/// Säkerhetskopierar: one file `out` with a consistent copy of the database (taken while
/// others read and write) and every file of the installation. Refuses to overwrite.
pub fn backup(dir: &DataDir, out: &Path, actor: &str) -> Result<BackupSummary> {
    let mut files = Vec::new();
    collect(&dir.path, &dir.path, &mut files)?;
    dir.store.backup_to(out, &files)?;
    let bytes = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    crate::accounts::record(
        dir,
        actor,
        "säkerhetskopiera",
        "installation",
        0,
        None,
        Some(serde_json::json!({ "file": out.display().to_string(), "files": files.len() })),
    );
    Ok(BackupSummary {
        file: out.to_path_buf(),
        files: files.len(),
        bytes,
    })
}

/// A name from a backup as a path under the data directory: relative, without `..` (a
/// backup cannot write outside the directory it is restored into).
fn inside(data: &Path, name: &str) -> Result<PathBuf> {
    let rel = Path::new(name);
    if name.is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(Error::Invalid {
            field: Some("fil".into()),
            message: format!("säkerhetskopian innehåller en otillåten sökväg: {name:?}"),
        });
    }
    Ok(data.join(rel))
}

/// What a restore gave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RestoreSummary {
    /// The data directory.
    pub data: PathBuf,
    /// Files restored beside the database.
    pub files: usize,
    /// The state of the restored installation.
    pub check: CheckReport,
}

/// Återställer the backup `from` into `data`, which must be empty or absent; nothing is
/// left behind when it fails. The restored installation is checked (every seal verified).
pub fn restore(from: &Path, data: &Path) -> Result<RestoreSummary> {
    let existed = data.exists();
    if existed
        && std::fs::read_dir(data)
            .map_err(|e| Error::Internal(format!("kunde inte läsa {}: {e}", data.display())))?
            .next()
            .is_some()
    {
        return Err(Error::Conflict(format!(
            "{} är inte tom; en säkerhetskopia återställs bara i en tom katalog",
            data.display()
        )));
    }
    let result = (|| -> Result<RestoreSummary> {
        create_private_dir(data)?;
        let files = paragraf_store::backup::restore(from, &data.join(DATABASE_FILE))?;
        for f in &files {
            let path = inside(data, &f.name)?;
            if let Some(parent) = path.parent() {
                create_private_dir(parent)?;
            }
            write_private(&path, &f.bytes)?;
        }
        let check = check(data)?;
        Ok(RestoreSummary {
            data: data.to_path_buf(),
            files: files.len(),
            check,
        })
    })();
    if result.is_err() {
        // Leave the directory as it was: absent, or empty.
        if existed {
            if let Ok(entries) = std::fs::read_dir(data) {
                for e in entries.flatten() {
                    let p = e.path();
                    let _ = if p.is_dir() {
                        std::fs::remove_dir_all(&p)
                    } else {
                        std::fs::remove_file(&p)
                    };
                }
            }
        } else {
            let _ = std::fs::remove_dir_all(data);
        }
    }
    result
}

/// The state of an installation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// Nothing is wrong.
    pub ok: bool,
    /// The database's own consistency check passed.
    pub integrity: bool,
    /// The schema version of the database, and the one this program expects.
    pub schema_version: i64,
    /// The schema version this program writes.
    pub expected_schema_version: i64,
    /// Sealed minutes checked against their seals.
    pub seals_checked: usize,
    /// Meetings whose minutes do not match their seal.
    pub seals_failed: Vec<MeetingId>,
    /// The seal key is there.
    pub key_present: bool,
    /// Free space on the data directory's file system, in bytes.
    pub disk_free_bytes: Option<u64>,
    /// Every fault found, in Swedish.
    pub problems: Vec<String>,
    /// What needs doing but is no fault of the data (the private key not yet restored
    /// beside a restored data directory), in Swedish.
    pub warnings: Vec<String>,
}

/// Less free space than this is a fault (the database, its journal and backups need room).
const MIN_FREE: u64 = 256 * 1024 * 1024;

#[cfg(unix)]
fn others_may_read(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 != 0)
}

#[cfg(not(unix))]
fn others_may_read(_: &Path) -> bool {
    false
}

/// Checks the installation in `data`: the database's integrity, its schema version, every
/// seal, the key, who may read the files, and free disk space.
pub fn check(data: &Path) -> Result<CheckReport> {
    let dir = DataDir::open(data)?;
    let mut problems = Vec::new();
    let integrity = match dir.store.integrity_check() {
        Ok(()) => true,
        Err(e) => {
            problems.push(format!("databasen är skadad: {e}"));
            false
        }
    };
    let schema_version = dir.store.schema_version()?;
    let expected_schema_version = paragraf_store::SCHEMA_VERSION;
    if schema_version != expected_schema_version {
        problems.push(format!(
            "databasens schemaversion är {schema_version}, programmet väntar {expected_schema_version}"
        ));
    }
    // The private key of the key in force, in the key directory outside the data directory
    // (a restore brings the data, not the keys: the key directory is restored on its own).
    let key_dir = crate::keys::key_dir(&dir);
    let key_present = match &key_dir {
        Ok(_) => crate::keys::private_present(&dir)?,
        Err(e) => {
            problems.push(format!("{e:#}"));
            false
        }
    };
    let mut seals_checked = 0;
    let mut seals_failed = Vec::new();
    for m in dir.store.meetings()? {
        if dir.store.sealed_text(m.id)?.is_none() {
            continue;
        }
        seals_checked += 1;
        match crate::meeting::cycle::verify(&dir, m.id) {
            Ok(r) if r.ok() => {}
            Ok(_) | Err(_) => seals_failed.push(m.id),
        }
    }
    if !seals_failed.is_empty() {
        problems.push(format!(
            "protokollen för sammanträde {} stämmer inte med sina sigill",
            seals_failed
                .iter()
                .map(|m| m.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let mut warnings = Vec::new();
    if seals_checked > 0 && !key_present {
        warnings.push(format!(
            "sigillnyckeln saknas i nyckelkatalogen {}: nya protokoll kan inte förseglas förrän \
             nyckelkatalogen är återställd (eller en ny nyckel börjad med `paragraf key rotate`)",
            key_dir
                .as_ref()
                .map(|d| d.display().to_string())
                .unwrap_or_default()
        ));
    }
    for (path, what) in [
        (data.to_path_buf(), "datakatalogen"),
        (data.join(DATABASE_FILE), "databasen"),
        (data.join(crate::keys::LEGACY_PRIVATE_KEY), "sigillnyckeln"),
        (data.join(crate::CONFIG_FILE), "inställningsfilen"),
    ] {
        if path.exists() && others_may_read(&path) {
            problems.push(format!(
                "{what} {} kan läsas av andra än ägaren (ska vara 0700/0600)",
                path.display()
            ));
        }
    }
    let disk_free_bytes = rustix::fs::statvfs(data)
        .ok()
        .map(|s| s.f_bavail.saturating_mul(s.f_frsize));
    if let Some(free) = disk_free_bytes.filter(|f| *f < MIN_FREE) {
        problems.push(format!(
            "bara {} MB ledigt på filsystemet för {}",
            free / (1024 * 1024),
            data.display()
        ));
    }
    Ok(CheckReport {
        ok: problems.is_empty(),
        integrity,
        schema_version,
        expected_schema_version,
        seals_checked,
        seals_failed,
        key_present,
        disk_free_bytes,
        problems,
        warnings,
    })
}

/// Whether the installation can serve: the store answers and has the schema this program
/// writes (a cheap check, for a readiness probe).
pub fn ready(dir: &DataDir) -> Result<()> {
    dir.store.generation()?;
    let v = dir.store.schema_version()?;
    if v != paragraf_store::SCHEMA_VERSION {
        return Err(Error::Internal(format!(
            "databasens schemaversion är {v}, programmet väntar {}",
            paragraf_store::SCHEMA_VERSION
        )));
    }
    Ok(())
}

/// What `db copy` did.
#[derive(Debug, Clone, Serialize)]
pub struct CopySummary {
    /// Rows copied, per table.
    pub tables: Vec<(String, usize)>,
    /// Rows copied in all.
    pub rows: usize,
    /// The installation checked on its new database (every seal verified there).
    pub check: CheckReport,
}

/// Moves the installation in `data` from its SQLite file to the empty PostgreSQL database
/// at `url` (in `schema`, when given): every row in one transaction of the target, numbering
/// continued where it stood; then `paragraf.toml` names the new database and the
/// installation is checked on it, every seal verified, and the SQLite file is renamed
/// `paragraf.db.före-postgresql` (kept, never opened again by mistake). A target that is not
/// empty is refused; when a seal does not verify on the target, the settings go back to the
/// SQLite file (which the copy never changes) and the copy is refused.
pub fn copy_to_postgres(data: &Path, url: &str, schema: Option<&str>) -> Result<CopySummary> {
    let config = crate::datadir::read_config(data)?;
    if config.database.is_some() {
        return Err(Error::Conflict(
            "installationen använder redan PostgreSQL ([database] i paragraf.toml)".into(),
        ));
    }
    if crate::DatabaseConfig::resolve(None).is_some() {
        return Err(Error::Rule(
            "PARAGRAF_DATABASE_URL är satt: ta bort den medan installationen flyttas, så att \
             kopian läses från SQLite-filen"
                .into(),
        ));
    }
    let file = data.join(DATABASE_FILE);
    if !file.exists() {
        return Err(Error::Rule(format!("{} finns inte", file.display())));
    }
    let source = paragraf_store::SqlStore::open(&file)?;
    let target = paragraf_store::SqlStore::connect(url, schema)?;
    let tables = source.copy_into(&target)?;
    drop((source, target));
    let mut moved = config.clone();
    moved.database = Some(crate::DatabaseConfig {
        url: url.to_string(),
        schema: schema.map(str::to_string),
        read_url: None,
        read_max_lag: None,
    });
    crate::datadir::write_config(data, &moved)?;
    let check = match check(data) {
        Ok(c) if c.integrity && c.seals_failed.is_empty() => c,
        other => {
            crate::datadir::write_config(data, &config)?;
            let why = match other {
                Ok(c) => c.problems.join("; "),
                Err(e) => e.to_string(),
            };
            return Err(Error::Rule(format!(
                "kopian godtogs inte ({why}); installationen använder fortfarande SQLite-filen"
            )));
        }
    };
    // The SQLite file is kept, renamed, so that no later start without `[database]` opens
    // it as if it were the installation (its numbers would repeat PostgreSQL's).
    for suffix in ["", "-wal", "-shm"] {
        let from = data.join(format!("{DATABASE_FILE}{suffix}"));
        if from.exists() {
            std::fs::rename(
                &from,
                data.join(format!("{DATABASE_FILE}.före-postgresql{suffix}")),
            )
            .map_err(|e| {
                Error::Internal(format!("kunde inte byta namn på {}: {e}", from.display()))
            })?;
        }
    }
    Ok(CopySummary {
        rows: tables.iter().map(|(_, n)| n).sum(),
        tables,
        check,
    })
}
