//! The PostgreSQL backend's connections, migrations and transactions. The statements are
//! the store's own (see [`crate::sql`]); what is PostgreSQL's is here:
//!
//! - **Migrations** of its own (`pg/NNNN_*.sql`), applied on connect inside one
//!   transaction under an advisory lock, so two instances starting together migrate once.
//!   The version is kept in `paragraf_schema`.
//! - **Writes** are serialised across every process on the database: each write
//!   transaction first takes one transaction-scoped advisory lock. That gives PostgreSQL
//!   exactly SQLite's guarantee (one writer at a time, each seeing the last commit), so the
//!   counters of diarienummer, handlingar and § numbers have no gaps and no duplicates
//!   under concurrency, and every read-then-write in the store stays correct, while reads
//!   never wait. Each write also bumps `paragraf_meta.generation`, which every instance's
//!   page cache keys on.
//! - **Reads** run in a REPEATABLE READ, READ ONLY transaction: one snapshot.
//! - Connections are kept in a pool of idle ones (at most [`IDLE`]); a connection that
//!   failed mid-transaction is dropped rather than reused.

use std::sync::Mutex;

use crate::sql::PgSession;
use crate::{Result, StoreError};

/// Versioned migrations: entry N brings the schema to version N+1.
const MIGRATIONS: &[&str] = &[include_str!("pg/0001_schema.sql")];

/// The advisory lock key of the store's writes ("paragraf" in ASCII, as a number).
const WRITE_LOCK: i64 = 0x7061_7261_6772_6166;
/// The advisory lock key of migrations.
const MIGRATE_LOCK: i64 = WRITE_LOCK + 1;

/// Idle connections kept for reuse.
const IDLE: usize = 32;

/// Connections to one PostgreSQL database.
pub(crate) struct PgPool {
    config: postgres::Config,
    idle: Mutex<Vec<PgSession>>,
}

impl PgPool {
    /// Connects to `url`, checks that it answers and applies pending migrations.
    pub(crate) fn connect(url: &str) -> Result<PgPool> {
        let mut config: postgres::Config = url.parse().map_err(|e: postgres::Error| {
            StoreError::Rule(format!("ogiltig databasadress ({url}): {e}"))
        })?;
        if config.get_application_name().is_none() {
            config.application_name("paragraf");
        }
        config.connect_timeout(std::time::Duration::from_secs(10));
        let pool = PgPool {
            config,
            idle: Mutex::new(Vec::new()),
        };
        pool.migrate()?;
        Ok(pool)
    }

    fn session(&self) -> Result<PgSession> {
        if let Some(s) = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop() {
            if !s.client.borrow().is_closed() {
                return Ok(s);
            }
        }
        let client = self
            .config
            .connect(postgres::NoTls)
            .map_err(|e| StoreError::Rule(format!("kunde inte ansluta till PostgreSQL: {e}")))?;
        Ok(PgSession::new(client))
    }

    fn give_back(&self, s: PgSession) {
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < IDLE {
            idle.push(s);
        }
    }

    /// Runs `f` in a transaction begun with `begin`, committed when `f` succeeds and rolled
    /// back when it fails. The connection goes back to the pool only when it is known to be
    /// outside any transaction.
    fn transaction<T>(&self, begin: &str, f: impl FnOnce(&PgSession) -> Result<T>) -> Result<T> {
        let s = self.session()?;
        s.client.borrow_mut().batch_execute(begin)?;
        let out = f(&s);
        let end = match &out {
            Ok(_) => "COMMIT",
            Err(_) => "ROLLBACK",
        };
        let ended = s.client.borrow_mut().batch_execute(end);
        match ended {
            Ok(()) => self.give_back(s),
            Err(e) if out.is_ok() => return Err(e.into()),
            Err(_) => {}
        }
        out
    }

    /// One write transaction, after every other writer's (see the module's comment).
    pub(crate) fn write<T>(&self, f: impl FnOnce(&PgSession) -> Result<T>) -> Result<T> {
        self.transaction("BEGIN ISOLATION LEVEL READ COMMITTED", |s| {
            s.client
                .borrow_mut()
                .execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
            s.client.borrow_mut().execute(
                "UPDATE paragraf_meta SET generation = generation + 1 WHERE id = 1",
                &[],
            )?;
            f(s)
        })
    }

    /// One read transaction on one snapshot.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&PgSession) -> Result<T>) -> Result<T> {
        self.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", f)
    }

    /// The number of write transactions committed so far, by any instance.
    pub(crate) fn generation(&self) -> Result<i64> {
        let s = self.session()?;
        let row = s
            .client
            .borrow_mut()
            .query_one("SELECT generation FROM paragraf_meta WHERE id = 1", &[])?;
        let g: i64 = row.try_get(0)?;
        self.give_back(s);
        Ok(g)
    }

    /// The schema version of the database.
    pub(crate) fn schema_version(&self) -> Result<i64> {
        self.read(|s| {
            let row = s
                .client
                .borrow_mut()
                .query_one("SELECT version FROM paragraf_schema", &[])?;
            Ok(row.try_get(0)?)
        })
    }

    /// PostgreSQL checks its pages itself (and `pg_amcheck` goes deeper); here: every table
    /// of the schema is there and readable. "ok" when so.
    pub(crate) fn integrity_check(&self) -> Result<String> {
        self.read(|s| {
            let row = s.client.borrow_mut().query_one(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
                &[],
            )?;
            let tables: i64 = row.try_get(0)?;
            Ok(if tables > 0 {
                "ok".to_string()
            } else {
                "databasen har inga tabeller".to_string()
            })
        })
    }

    fn migrate(&self) -> Result<()> {
        self.transaction("BEGIN", |s| {
            let mut c = s.client.borrow_mut();
            c.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATE_LOCK])?;
            c.batch_execute(
                "CREATE TABLE IF NOT EXISTS paragraf_schema (
                     id BIGINT PRIMARY KEY CHECK (id = 1),
                     version BIGINT NOT NULL
                 );
                 INSERT INTO paragraf_schema VALUES (1, 0) ON CONFLICT (id) DO NOTHING",
            )?;
            let version: i64 = c
                .query_one("SELECT version FROM paragraf_schema", &[])?
                .try_get(0)?;
            let known = MIGRATIONS.len() as i64;
            if version > known {
                return Err(StoreError::TooNew {
                    found: version,
                    known,
                });
            }
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
                tracing::info!(version = i + 1, "applying PostgreSQL migration");
                c.batch_execute(sql)?;
                c.execute(
                    "UPDATE paragraf_schema SET version = $1",
                    &[&(i as i64 + 1)],
                )?;
            }
            Ok(())
        })
    }
}
