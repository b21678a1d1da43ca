//! The PostgreSQL backend's connections, migrations and transactions. The statements are
//! the store's own (see [`crate::sql`]); what is PostgreSQL's is here:
//!
//! - **Migrations** of its own (`pg/NNNN_*.sql`), applied on connect inside one
//!   transaction under an advisory lock, so two instances starting together migrate once.
//!   The version is kept in `paragraf_schema`.
//! - **Writes** are serialised across every process on the database: each write
//!   transaction first takes one transaction-scoped advisory lock (one per schema). That
//!   gives PostgreSQL exactly SQLite's guarantee (one writer at a time, each seeing the last
//!   commit), so the counters of diarienummer, handlingar and § numbers have no gaps and no
//!   duplicates under concurrency, and every read-then-write in the store stays correct,
//!   while reads never wait. A writer waits at most 30 s for the lock, and a transaction
//!   left idle for a minute is ended by the server. A statement the server refused inside
//!   a transaction fails the transaction, even if the code passed over it.
//! - **The generation** every instance's page cache keys on is `paragraf_meta.generation`,
//!   moved by a trigger on every table, once in every transaction that changes a row,
//!   whoever runs it (as SQLite's `data_version` moves with every commit).
//! - **Reads** run in a REPEATABLE READ, READ ONLY transaction: one snapshot.
//! - **Connections:** at most [`MAX_CONNECTIONS`] open, [`IDLE`] of them kept idle; an
//!   operation finding all in use waits for one; a connection that failed mid-transaction,
//!   or that the server ended, is closed rather than reused.

use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::sql::{DbError, PgSession, Value};
use crate::{Result, StoreError};

/// Versioned migrations: entry N brings the schema to version `BASE` + N + 1, the same
/// number as the SQLite schema it equals (PostgreSQL began at SQLite's schema 16). A new
/// migration is added to both lists, in step.
const MIGRATIONS: &[&str] = &[
    include_str!("pg/0001_schema.sql"),
    include_str!("pg/0002_login_failures.sql"),
    include_str!("pg/0003_delegation_rows.sql"),
];

/// The SQLite schema version before PostgreSQL's first migration.
const BASE: i64 = 15;

/// The advisory lock of the store's writes ("para" in ASCII), taken with the schema's
/// oid as its second key: installations in other schemas of the database do not wait.
const WRITE_LOCK: i32 = 0x7061_7261;
/// The advisory lock key of migrations (one for the database: rare, and it may create the
/// schema).
const MIGRATE_LOCK: i64 = 0x7061_7261_6772_6166;

/// Idle connections kept for reuse.
const IDLE: usize = 32;
/// Connections one instance has open at most (idle or in use); one more waits for one to
/// be given back, at most [`WAIT`].
pub const MAX_CONNECTIONS: usize = 64;
/// How long an operation waits for a connection when all are in use.
const WAIT: Duration = Duration::from_secs(30);

/// Connections to one PostgreSQL database.
pub(crate) struct PgPool {
    config: postgres::Config,
    tls: Tls,
    idle: Mutex<Vec<PgSession>>,
    /// Sessions open now, idle or in use.
    open: Mutex<usize>,
    /// Signalled when a session is given back or closed.
    freed: Condvar,
}

/// A session taken from the pool: given back by [`PgPool::give_back`], or closed (and its
/// place freed) when dropped — on an error, or a panic, mid-transaction.
struct Lease<'p> {
    pool: &'p PgPool,
    session: Option<PgSession>,
}

impl std::ops::Deref for Lease<'_> {
    type Target = PgSession;
    fn deref(&self) -> &PgSession {
        self.session
            .as_ref()
            .expect("a lease holds its session until it ends")
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        if let Some(s) = self.session.take() {
            drop(s);
            self.pool.release();
        }
    }
}

impl PgPool {
    /// Connects to `url`, in `schema` when given (created if missing: several
    /// installations can share one database, each in a schema of its own), checks that it
    /// answers and applies pending migrations.
    pub(crate) fn connect(url: &str, schema: Option<&str>) -> Result<PgPool> {
        let pool = PgPool::new(url, schema, "")?;
        pool.migrate(schema)?;
        Ok(pool)
    }

    /// Sessions to a read replica (a hot standby of the database at `url`), which only
    /// read. Nothing is connected yet, and nothing is ever migrated there (it follows the
    /// primary): [`crate::replica::Replica::check`] finds out whether it may be read.
    pub(crate) fn replica(url: &str, schema: Option<&str>) -> Result<PgPool> {
        PgPool::new(url, schema, " -c default_transaction_read_only=on")
    }

    /// A pool of sessions to `url`, in `schema`, with the server settings every session
    /// gets (and `extra` ones); nothing is connected yet.
    fn new(url: &str, schema: Option<&str>, extra: &str) -> Result<PgPool> {
        let (url, tls) = tls_of(url)?;
        let mut config: postgres::Config = url.parse().map_err(|e: postgres::Error| {
            StoreError::Rule(format!("ogiltig databasadress: {e}"))
        })?;
        // The server's settings of every session, after what the address itself asks for:
        // a writer waits at most 30 s for the write lock (as SQLite's busy timeout), and a
        // transaction left idle (a process stopped mid-write, a network cut) is ended after a
        // minute, its lock with it, so that one stuck writer cannot stop every instance.
        let mut options = config.get_options().unwrap_or_default().to_string();
        options.push_str(" -c lock_timeout=30s -c idle_in_transaction_session_timeout=60s");
        options.push_str(extra);
        if let Some(schema) = schema {
            if !valid_schema(schema) {
                return Err(StoreError::Rule(format!(
                    "ogiltigt schemanamn ”{schema}”: små bokstäver a–z, siffror och _, först en bokstav"
                )));
            }
            options.push_str(&format!(" -c search_path={schema}"));
        }
        config.options(options.trim());
        config.keepalives(true);
        if config.get_application_name().is_none() {
            config.application_name("paragraf");
        }
        config.connect_timeout(std::time::Duration::from_secs(10));
        Ok(PgPool {
            config,
            tls,
            idle: Mutex::new(Vec::new()),
            open: Mutex::new(0),
            freed: Condvar::new(),
        })
    }

    /// An idle session, or a new one while fewer than [`MAX_CONNECTIONS`] are open, or —
    /// all in use — the first given back within [`WAIT`]. An idle one is not asked whether
    /// it still lives (that would cost a round trip per transaction): [`PgPool::on_session`]
    /// finds out.
    fn acquire(&self) -> Result<Lease<'_>> {
        let deadline = Instant::now() + WAIT;
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if let Some(s) = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop() {
                return Ok(Lease {
                    pool: self,
                    session: Some(s),
                });
            }
            if *open < MAX_CONNECTIONS {
                *open += 1;
                drop(open);
                return match PgSession::connect(&self.config, &self.tls) {
                    Ok(s) => Ok(Lease {
                        pool: self,
                        session: Some(s),
                    }),
                    Err(e) => {
                        self.release();
                        Err(e)
                    }
                };
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(StoreError::Database(DbError::Unavailable(format!(
                    "alla {MAX_CONNECTIONS} anslutningar till PostgreSQL var upptagna i {} s",
                    WAIT.as_secs()
                ))));
            }
            open = self
                .freed
                .wait_timeout(open, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// A session was closed: its place is free.
    fn release(&self) {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        *open = open.saturating_sub(1);
        self.freed.notify_one();
    }

    /// Runs `op` on a session or, when that one's connection has gone (the server ended it
    /// or restarted), once more on another. A session on which `op` failed is not kept.
    /// (Only the first statement of a transaction is tried again: nothing of the
    /// transaction can have run on a connection that was already gone.)
    fn on_session<T>(&self, op: impl Fn(&PgSession) -> Result<T>) -> Result<(Lease<'_>, T)> {
        let first = self.acquire()?;
        match op(&first) {
            Ok(v) => return Ok((first, v)),
            Err(e) if !e.is_connection_lost() => return Err(e),
            Err(_) => {
                drop(first);
                // The sessions idle beside it were most likely ended with it (a restart
                // ends them all): none of them is tried.
                let stale =
                    std::mem::take(&mut *self.idle.lock().unwrap_or_else(|e| e.into_inner()));
                for s in stale {
                    drop(s);
                    self.release();
                }
            }
        }
        let s = self.acquire()?;
        let v = op(&s)?;
        Ok((s, v))
    }

    fn give_back(&self, mut lease: Lease<'_>) {
        let Some(s) = lease.session.take() else {
            return;
        };
        let kept = {
            let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
            if idle.len() < IDLE {
                idle.push(s);
                true
            } else {
                drop(s);
                false
            }
        };
        if kept {
            let _open = self.open.lock().unwrap_or_else(|e| e.into_inner());
            self.freed.notify_one();
        } else {
            self.release();
        }
    }

    /// Runs `f` in a transaction begun with `begin`, committed when `f` succeeds and rolled
    /// back when it fails. The connection goes back to the pool only when it is known to be
    /// outside any transaction.
    fn transaction<T>(&self, begin: &str, f: impl FnOnce(&PgSession) -> Result<T>) -> Result<T> {
        let (s, ()) = self.on_session(|s| s.batch(begin))?;
        s.set_failed(false);
        let mut out = f(&s);
        if out.is_ok() && s.failed() {
            // A refusal was passed over: PostgreSQL would answer COMMIT with a rollback.
            out = Err(StoreError::Rule(
                "databasen avbröt transaktionen; inget sparades".into(),
            ));
        }
        let end = match &out {
            Ok(_) => "COMMIT",
            Err(_) => "ROLLBACK",
        };
        let ended = s.batch(end);
        match ended {
            Ok(()) => self.give_back(s),
            Err(e) if out.is_ok() => return Err(e),
            Err(_) => {}
        }
        out
    }

    /// One transaction that does not take the write lock, for what is kept outside the
    /// stored data (the failed logins: see [`crate::throttle`]).
    pub(crate) fn unlocked<T>(&self, f: impl FnOnce(&PgSession) -> Result<T>) -> Result<T> {
        self.transaction("BEGIN", f)
    }

    /// One write transaction, after every other writer's (see the module's comment).
    pub(crate) fn write<T>(&self, f: impl FnOnce(&PgSession) -> Result<T>) -> Result<T> {
        // One round trip: the transaction and its lock.
        self.transaction(
            &format!(
                "BEGIN ISOLATION LEVEL READ COMMITTED;
                 SELECT pg_advisory_xact_lock({WRITE_LOCK}, current_schema()::regnamespace::oid::int)"
            ),
            f,
        )
    }

    /// One read transaction on one snapshot.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&PgSession) -> Result<T>) -> Result<T> {
        self.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", f)
    }

    /// The number of write transactions committed so far, by any instance.
    pub(crate) fn generation(&self) -> Result<i64> {
        let (s, g) = self
            .on_session(|s| s.one_int("SELECT generation FROM paragraf_meta WHERE id = 1", &[]))?;
        self.give_back(s);
        Ok(g)
    }

    /// The schema version of the database.
    pub(crate) fn schema_version(&self) -> Result<i64> {
        self.read(|s| Ok(BASE + s.one_int("SELECT version FROM paragraf_schema", &[])?))
    }

    /// PostgreSQL checks its pages itself (and `pg_amcheck` goes deeper); here: every table
    /// of the schema is there and readable. "ok" when so.
    pub(crate) fn integrity_check(&self) -> Result<String> {
        self.read(|s| {
            let tables = s.one_int(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
                &[],
            )?;
            Ok(if tables > 0 {
                "ok".to_string()
            } else {
                "databasen har inga tabeller".to_string()
            })
        })
    }

    /// Brings the schema up to date. Nothing is created when it is (so an application
    /// user with no right to create or drop anything connects; see docs/postgresql.md).
    fn migrate(&self, schema: Option<&str>) -> Result<()> {
        self.transaction("BEGIN", |s| {
            s.batch(&format!("SELECT pg_advisory_xact_lock({MIGRATE_LOCK})"))?;
            if let Some(schema) = schema {
                let exists = s.one_int(
                    "SELECT count(*) FROM pg_namespace WHERE nspname = ?1",
                    &[Value::Text(schema.to_string())],
                )?;
                if exists == 0 {
                    s.batch(&format!("CREATE SCHEMA {schema}"))?;
                }
            }
            let known = MIGRATIONS.len() as i64;
            let kept = s.one_int(
                "SELECT count(*) FROM pg_tables
                 WHERE schemaname = current_schema() AND tablename = 'paragraf_schema'",
                &[],
            )?;
            let version = if kept > 0 {
                s.one_int("SELECT version FROM paragraf_schema", &[])?
            } else {
                0
            };
            if version > known {
                return Err(StoreError::TooNew {
                    found: BASE + version,
                    known: BASE + known,
                });
            }
            if version == known {
                return Ok(());
            }
            if kept == 0 {
                s.batch(
                    "CREATE TABLE paragraf_schema (
                         id BIGINT PRIMARY KEY CHECK (id = 1),
                         version BIGINT NOT NULL
                     );
                     INSERT INTO paragraf_schema VALUES (1, 0)",
                )?;
            }
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
                tracing::info!(version = i + 1, "applying PostgreSQL migration");
                s.batch(sql)?;
                s.batch(&format!("UPDATE paragraf_schema SET version = {}", i + 1))?;
            }
            Ok(())
        })
    }
}

/// How the sessions reach the server: in the clear, or over TLS with the server's
/// certificate verified.
#[derive(Clone)]
pub(crate) enum Tls {
    /// No TLS (`sslmode` absent, `disable`, `allow` or `prefer`).
    Off,
    /// TLS, the server's certificate and name verified by rustls (`sslmode=require`,
    /// `verify-ca` or `verify-full`).
    Verified(tokio_postgres_rustls::MakeRustlsConnect),
}

/// The address as the driver reads it, and the TLS it asks for. The driver knows `sslmode`
/// `disable`, `prefer` and `require` only, and no `sslrootcert`; libpq's `verify-ca` and
/// `verify-full` are read here. With TLS the server's certificate is always verified, name
/// included (so `require` and `verify-ca` are as strict as `verify-full`): against the CA
/// certificates of the file `sslrootcert` names, else the Mozilla roots
/// (`sslrootcert=system` too). A connection that asked for TLS never falls back to the
/// clear. `prefer` and `allow` connect in the clear.
fn tls_of(address: &str) -> Result<(String, Tls)> {
    let bad = |why: String| StoreError::Rule(format!("ogiltig databasadress: {why}"));
    let Ok(mut parsed) = url::Url::parse(address) else {
        // The key=value form: the driver reads it (and refuses what it does not know), in
        // the clear only.
        if address.contains("sslmode") || address.contains("sslrootcert") {
            return Err(bad(
                "TLS (sslmode, sslrootcert) ges i adressens URL-form: postgres://…?sslmode=verify-full"
                    .into(),
            ));
        }
        return Ok((address.to_string(), Tls::Off));
    };
    let pairs: Vec<(String, String)> = parsed.query_pairs().into_owned().collect();
    let setting = |name: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let mode = setting("sslmode");
    let root = setting("sslrootcert");
    let verified = match mode.as_deref() {
        None | Some("disable" | "allow" | "prefer") => false,
        Some("require" | "verify-ca" | "verify-full") => true,
        Some(other) => return Err(bad(format!("okänt sslmode ”{other}”"))),
    };
    if root.is_some() && !verified {
        return Err(bad(
            "sslrootcert utan sslmode=verify-full: ange sslmode=verify-full för att använda TLS"
                .into(),
        ));
    }
    if pairs
        .iter()
        .any(|(k, _)| k == "sslrootcert" || k == "sslmode")
    {
        let kept: Vec<(String, String)> = pairs
            .iter()
            .filter(|(k, _)| k != "sslrootcert" && k != "sslmode")
            .cloned()
            .chain(verified.then(|| ("sslmode".to_string(), "require".to_string())))
            .collect();
        if kept.is_empty() {
            parsed.set_query(None);
        } else {
            parsed.query_pairs_mut().clear().extend_pairs(kept);
            // The form encoding writes a space as `+`, which the driver would read as a
            // plus (a literal plus is `%2B` here, so every `+` is a space).
            let query = parsed.query().unwrap_or_default().replace('+', "%20");
            parsed.set_query(Some(&query));
        }
    }
    if !verified {
        return Ok((parsed.into(), Tls::Off));
    }
    let mut roots = rustls::RootCertStore::empty();
    match root.as_deref() {
        None | Some("system") => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
        Some(path) => {
            use rustls::pki_types::{pem::PemObject, CertificateDer};
            let certs = CertificateDer::pem_file_iter(path)
                .and_then(|certs| certs.collect::<std::result::Result<Vec<_>, _>>())
                .map_err(|e| bad(format!("sslrootcert {path} kunde inte läsas: {e}")))?;
            let (added, _) = roots.add_parsable_certificates(certs);
            if added == 0 {
                return Err(bad(format!("sslrootcert {path} har inget CA-certifikat")));
            }
        }
    }
    let config = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| bad(e.to_string()))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok((
        parsed.into(),
        Tls::Verified(tokio_postgres_rustls::MakeRustlsConnect::new(config)),
    ))
}

/// A schema name that needs no quoting: lower-case letters, digits and `_`, a letter first.
fn valid_schema(name: &str) -> bool {
    name.len() <= 63
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_backends_number_the_same_schema_alike() {
        assert_eq!(
            super::BASE + super::MIGRATIONS.len() as i64,
            crate::SCHEMA_VERSION
        );
    }

    #[test]
    fn schema_names_are_plain() {
        assert!(super::valid_schema("kommun_a1"));
        for bad in ["", "1a", "A", "a-b", "a;drop", "a b"] {
            assert!(!super::valid_schema(bad), "{bad}");
        }
    }
}
