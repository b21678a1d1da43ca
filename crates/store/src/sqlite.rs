//! The SQLite backend: one file, WAL journal, migrations applied on open.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use paragraf_core::dnr::{Dnr, DnrPattern};
use paragraf_core::ids::*;
use paragraf_core::meeting::Meeting;
use paragraf_core::minutes::{Minutes, ParagraphSeries};
use paragraf_core::org::{
    Body, Membership, Municipality, Official, OrgNr, Person, SubstituteOrder, TermOfOffice,
};
use paragraf_core::registry::{Case, CaseStatus, Document, NewDocument, Review};
use rusqlite::{Connection, TransactionBehavior};

pub(crate) use crate::sql::Conn;
use crate::sql::{params, Handle, OptionalExtension, Row, Stmt, Value};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::throttle::LoginFailures;
use crate::{
    CaseWithDocuments, Clock, NewCase, Result, SealRecord, Storage, Store, StoreError, SystemClock,
};
use paragraf_core::publication::Classification;
use paragraf_core::seal::Seal;

/// Versioned migrations: entry N brings the schema to version N+1. Never edit one that has
/// shipped; add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundation.sql"),
    include_str!("migrations/0002_seals.sql"),
    include_str!("migrations/0003_unenforced.sql"),
    include_str!("migrations/0004_accounts.sql"),
    include_str!("migrations/0005_delegation.sql"),
    include_str!("migrations/0006_followup.sql"),
    include_str!("migrations/0007_fail_closed.sql"),
    include_str!("migrations/0008_account_admin.sql"),
    include_str!("migrations/0009_password_change.sql"),
    include_str!("migrations/0010_person_numbers.sql"),
    include_str!("migrations/0011_sso_sessions.sql"),
    include_str!("migrations/0012_lawful_decisions.sql"),
    include_str!("migrations/0013_document_review.sql"),
    include_str!("migrations/0014_unenforced_columns.sql"),
    include_str!("migrations/0015_papers.sql"),
    include_str!("migrations/0016_dispatch_leases.sql"),
    include_str!("migrations/0017_login_failures.sql"),
    include_str!("migrations/0018_delegation_rows.sql"),
];

/// Idle read connections kept open for reuse: as many as requests are read at once under
/// load (64 connections), so that no request pays for opening one and reading the schema.
const IDLE_READERS: usize = 64;

/// The schema version this build migrates to.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Statements kept prepared per connection (each query's text is prepared once per
/// connection, not per call).
const STATEMENT_CACHE: usize = 128;

/// The store on a database: one SQLite file (the embedded default) or a PostgreSQL
/// database. Every operation is written once, against [`Conn`], and runs on either.
pub struct SqlStore {
    pub(crate) backend: Backend,
    /// A read replica of the PostgreSQL database that this store's reads (and its
    /// generation) come from; its writes still go to `backend`. See
    /// [`SqlStore::reading_from`].
    replica: Option<Arc<crate::replica::Replica>>,
    /// The clock that stamps what is written (the audit log, imports).
    clock: Arc<dyn Clock>,
}

pub(crate) enum Backend {
    Sqlite(Box<Lite>),
    Postgres(Arc<crate::pg::PgPool>),
}

/// SQLite: writes go through one connection, one IMMEDIATE transaction at a time; reads use
/// connections of their own (WAL lets them read the last committed state while a write, by
/// this process or another, is under way), so a long import never holds up a page.
pub(crate) struct Lite {
    conn: Mutex<Connection>,
    /// The file, for opening read connections; `None` in memory (reads use the writer).
    path: Option<PathBuf>,
    /// Idle read connections.
    readers: Mutex<Vec<Connection>>,
    /// A connection that never writes, whose `data_version` moves with every commit by any
    /// other connection: the store's generation.
    watch: Option<Mutex<Connection>>,
    /// Failed logins, kept by this process (see [`crate::throttle`]).
    failures: crate::throttle::InMemory,
}

impl SqlStore {
    /// Opens (or creates) the SQLite database at `path`, switches it to WAL and applies
    /// pending migrations. The file is created readable by its owner only.
    pub fn open(path: &Path) -> Result<SqlStore> {
        Self::open_with_clock(path, Arc::new(SystemClock))
    }

    /// Opens the SQLite database at `path` with `clock` for its time stamps.
    pub fn open_with_clock(path: &Path, clock: Arc<dyn Clock>) -> Result<SqlStore> {
        let fresh = !path.exists();
        let conn = Connection::open(path)?;
        if fresh {
            owner_only(path)?;
        }
        let mut lite = Self::setup(conn)?;
        lite.watch = Some(Mutex::new(Lite::reader(path)?));
        lite.path = Some(path.to_path_buf());
        Ok(SqlStore {
            backend: Backend::Sqlite(Box::new(lite)),
            replica: None,
            clock,
        })
    }

    /// A private in-memory SQLite database, for tests and dry runs.
    pub fn in_memory() -> Result<SqlStore> {
        Ok(SqlStore {
            backend: Backend::Sqlite(Box::new(Self::setup(Connection::open_in_memory()?)?)),
            replica: None,
            clock: Arc::new(SystemClock),
        })
    }

    /// Connects to the PostgreSQL database at `url` (`postgres://…`), in `schema` when
    /// given, and applies pending migrations (see [`crate::pg`]).
    pub fn connect(url: &str, schema: Option<&str>) -> Result<SqlStore> {
        Self::connect_with_clock(url, schema, Arc::new(SystemClock))
    }

    /// Connects to PostgreSQL with `clock` for its time stamps.
    pub fn connect_with_clock(
        url: &str,
        schema: Option<&str>,
        clock: Arc<dyn Clock>,
    ) -> Result<SqlStore> {
        Ok(SqlStore {
            backend: Backend::Postgres(Arc::new(crate::pg::PgPool::connect(url, schema)?)),
            replica: None,
            clock,
        })
    }

    /// This PostgreSQL store reading from the replica at `read_url` (a hot standby that
    /// follows it), in the same schema: reads and the generation come from the replica
    /// while [`SqlStore::check_replica`] last found it at most `max_lag` behind the
    /// primary, and from the primary otherwise (it is passed over until a check finds it
    /// in step); writes go to this store's database (the two share its connections). For
    /// the public site, whose readers can wait a moment for what was just decided.
    /// Refused on SQLite; nothing is connected until the first check.
    pub fn reading_from(
        &self,
        read_url: &str,
        schema: Option<&str>,
        max_lag: std::time::Duration,
    ) -> Result<SqlStore> {
        let Backend::Postgres(primary) = &self.backend else {
            return Err(StoreError::Rule(
                "en läsreplik ([database] read_url) finns bara för PostgreSQL".into(),
            ));
        };
        Ok(SqlStore {
            backend: Backend::Postgres(primary.clone()),
            replica: Some(Arc::new(crate::replica::Replica::new(
                crate::pg::PgPool::replica(read_url, schema)?,
                max_lag,
            ))),
            clock: self.clock.clone(),
        })
    }

    /// Compares the read replica with the primary and decides whether reads go there until
    /// the next check (see [`crate::replica`]); `None` without a replica. Run every second
    /// by the server.
    pub fn check_replica(&self) -> Result<Option<crate::replica::ReplicaState>> {
        let (Backend::Postgres(primary), Some(replica)) = (&self.backend, &self.replica) else {
            return Ok(None);
        };
        let generation = primary.generation()?;
        Ok(Some(replica.check(
            generation,
            std::time::Instant::now(),
            SCHEMA_VERSION,
        )))
    }

    /// Which database: "SQLite" or "PostgreSQL".
    pub fn backend_name(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite(_) => "SQLite",
            Backend::Postgres(_) => "PostgreSQL",
        }
    }

    fn setup(mut conn: Connection) -> Result<Lite> {
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate(&mut conn)?;
        Ok(Lite {
            conn: Mutex::new(conn),
            path: None,
            readers: Mutex::new(Vec::new()),
            watch: None,
            failures: Default::default(),
        })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        match &self.backend {
            Backend::Sqlite(l) => Ok(l
                .lock()
                .pragma_query_value(None, "user_version", |r| r.get(0))?),
            Backend::Postgres(p) => p.schema_version(),
        }
    }

    /// Runs the database's own consistency check; `Ok(())` when it is sound.
    pub fn integrity_check(&self) -> Result<()> {
        let answer: String = match &self.backend {
            Backend::Sqlite(l) => l
                .lock()
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))?,
            Backend::Postgres(p) => p.integrity_check()?,
        };
        if answer == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt {
                what: "databasen",
                id: String::new(),
                reason: answer,
            })
        }
    }

    /// Runs `f` in one transaction that writes: on SQLite an IMMEDIATE one (the write lock
    /// is taken at the start, so concurrent writers queue instead of failing); on
    /// PostgreSQL one that first takes the store's write lock (see [`crate::pg`]). `f`
    /// either commits whole or not at all.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Conn<'_>) -> Result<T>) -> Result<T> {
        match &self.backend {
            Backend::Sqlite(l) => {
                let mut conn = l.lock();
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let out = f(&Conn(Handle::Sqlite(&tx), &*self.clock))?;
                tx.commit()?;
                Ok(out)
            }
            Backend::Postgres(p) => p.write(|s| f(&Conn(Handle::Pg(s), &*self.clock))),
        }
    }

    /// Runs `f` on a read connection of its own, in one read transaction (one consistent
    /// snapshot). In memory, on the writer.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&Conn<'_>) -> Result<T>) -> Result<T> {
        let l = match (&self.backend, &self.replica) {
            (_, Some(r)) if r.fresh() => {
                return r.pool.read(|s| f(&Conn(Handle::Pg(s), &*self.clock)))
            }
            (Backend::Sqlite(l), _) => l,
            (Backend::Postgres(p), _) => {
                return p.read(|s| f(&Conn(Handle::Pg(s), &*self.clock)));
            }
        };
        let Some(path) = &l.path else {
            let conn = l.lock();
            return f(&Conn(Handle::Sqlite(&conn), &*self.clock));
        };
        let idle = l.readers.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut conn = match idle {
            Some(c) => c,
            None => Lite::reader(path)?,
        };
        let out = {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
            let out = f(&Conn(Handle::Sqlite(&tx), &*self.clock));
            // Ending a read transaction cannot lose anything; its error is not the caller's.
            let _ = tx.finish();
            out
        };
        let mut idle = l.readers.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < IDLE_READERS {
            idle.push(conn);
        }
        out
    }

    /// A value that changes whenever the database changes, whether through this store or
    /// another process: what a cache of pages built from the data keys on. On a SQLite
    /// file, the `data_version` of a connection that never writes; in memory, the writer's
    /// change count; on PostgreSQL, a number every write transaction bumps.
    pub fn generation(&self) -> Result<(i64, u64)> {
        let l = match (&self.backend, &self.replica) {
            (_, Some(r)) if r.fresh() => return Ok((r.pool.generation()?, 0)),
            (Backend::Sqlite(l), _) => l,
            (Backend::Postgres(p), _) => return Ok((p.generation()?, 0)),
        };
        match &l.watch {
            Some(w) => {
                let conn = w.lock().unwrap_or_else(|e| e.into_inner());
                let version: i64 = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
                Ok((version, 0))
            }
            None => {
                let conn = l.lock();
                let version: i64 = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
                Ok((version, conn.total_changes()))
            }
        }
    }
}

impl Lite {
    /// A read-only connection to the file.
    fn reader(path: &Path) -> Result<Connection> {
        let c = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX
                | rusqlite::OpenFlags::SQLITE_OPEN_URI,
        )?;
        c.busy_timeout(Duration::from_secs(30))?;
        c.pragma_update(None, "query_only", "ON")?;
        c.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(c)
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a transaction open (rusqlite rolls
        // back on drop), so the connection is still usable.
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Runs `f` with a page cache of `mib` MiB on `c` (SQLite's default 2 MB spills to the log
/// every few thousand rows of a large file), the connection's own again afterwards. On
/// PostgreSQL the server's buffers serve; `f` simply runs.
pub(crate) fn with_cache<T>(c: &Conn<'_>, mib: i64, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let Handle::Sqlite(conn) = c.0 else {
        return f();
    };
    let cache: i64 = conn.pragma_query_value(None, "cache_size", |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", -mib * 1024)?;
    let out = f();
    conn.pragma_update(None, "cache_size", cache)?;
    out
}

/// What the capability stores are written against: a write and a read, each inside one
/// transaction (its own, or the caller's when already inside `atomically`).
pub(crate) trait Db {
    fn write<T>(&self, f: impl FnOnce(&Conn<'_>) -> Result<T>) -> Result<T>;
    fn read<T>(&self, f: impl FnOnce(&Conn<'_>) -> Result<T>) -> Result<T>;
}

impl Db for Conn<'_> {
    fn write<T>(&self, f: impl FnOnce(&Conn<'_>) -> Result<T>) -> Result<T> {
        f(self)
    }
    fn read<T>(&self, f: impl FnOnce(&Conn<'_>) -> Result<T>) -> Result<T> {
        f(self)
    }
}

impl Db for SqlStore {
    fn write<T>(&self, f: impl FnOnce(&Conn<'_>) -> Result<T>) -> Result<T> {
        SqlStore::write(self, f)
    }
    fn read<T>(&self, f: impl FnOnce(&Conn<'_>) -> Result<T>) -> Result<T> {
        SqlStore::read(self, f)
    }
}

/// Makes a new database file (and later its journal files, which SQLite creates with the
/// same mode) readable and writable by its owner only.
pub(crate) fn owner_only(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(|e| {
            StoreError::Rule(format!(
                "kunde inte begränsa behörigheten på {}: {e}",
                path.display()
            ))
        })?;
    }
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::TooNew {
            found: version,
            known,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tracing::info!(version = i + 1, "applying migration");
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}

/// An enum's serde name ("committee", "individual_case").
fn name_of<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(e) => format!("<{e}>"),
    }
}

fn from_name<T: DeserializeOwned>(what: &'static str, s: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| {
        StoreError::Corrupt {
            what,
            id: s.to_string(),
            reason: e.to_string(),
        }
    })
}

fn to_json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Rule(e.to_string()))
}

/// The meetings a statement selecting `id, data` gives, in its order.
fn meeting_records(st: &mut Stmt<'_>, args: &[Value]) -> Result<Vec<Record<MeetingId, Meeting>>> {
    let rows = st
        .query_map(args, |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, data)| {
            Ok(Record {
                id: MeetingId(id),
                value: from_json("sammanträde", id, &data)?,
            })
        })
        .collect()
}

fn from_json<T: DeserializeOwned>(what: &'static str, id: i64, s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt {
        what,
        id: id.to_string(),
        reason: e.to_string(),
    })
}

fn date(what: &'static str, s: &str) -> Result<NaiveDate> {
    s.parse()
        .map_err(|e: chrono::ParseError| StoreError::Corrupt {
            what,
            id: s.to_string(),
            reason: e.to_string(),
        })
}

/// Turns a constraint violation into a [`StoreError::Conflict`] that says what clashed.
fn conflict(e: StoreError, what: impl FnOnce() -> String) -> StoreError {
    if e.is_constraint() {
        StoreError::Conflict(what())
    } else {
        e
    }
}

fn not_found(what: &'static str, id: impl ToString) -> StoreError {
    StoreError::NotFound {
        what,
        id: id.to_string(),
    }
}

/// Bumps the counter of (kind, series, year) and returns the new value.
fn next_number(tx: &Conn<'_>, kind: &str, series: &str, year: i32) -> Result<u32> {
    let n: i64 = tx.query_row(
        "INSERT INTO counters (kind, series, year, last) VALUES (?1, ?2, ?3, 1)
         ON CONFLICT (kind, series, year) DO UPDATE SET last = counters.last + 1
         RETURNING last",
        params![kind, series, year],
        |r| r.get(0),
    )?;
    u32::try_from(n)
        .map_err(|_| StoreError::Rule(format!("nummerserien {kind} {series} {year} är full")))
}

fn insert_document(
    tx: &Conn<'_>,
    case: CaseId,
    doc: &NewDocument,
) -> Result<Record<DocumentId, Document>> {
    let year = doc.date.year();
    let number = next_number(tx, "handling", "", year)?;
    tx.execute(
        "INSERT INTO documents (case_id, year, number, kind, title, date, direction, counterpart, file, secrecy)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            case.0,
            year,
            number,
            name_of(&doc.kind),
            doc.title,
            doc.date.to_string(),
            name_of(&doc.direction),
            doc.counterpart,
            doc.file,
            name_of(&doc.secrecy)
        ],
    )
    .map_err(|e| conflict(e, || format!("ärende {case} finns inte")))?;
    Ok(Record {
        id: DocumentId(tx.last_insert_rowid()?),
        value: doc.clone().numbered(case, number),
    })
}

fn insert_case(tx: &Conn<'_>, case: &Case) -> Result<Record<CaseId, Case>> {
    tx.execute(
        "INSERT INTO cases (dnr, dnr_json, series, year, sequence, class, title, body_id, secrecy, status, registered, handler)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            case.dnr.to_string(),
            to_json(&case.dnr)?,
            case.dnr.series().unwrap_or(""),
            case.dnr.year(),
            case.dnr.sequence(),
            case.class,
            case.title,
            case.body.map(|b| b.0),
            name_of(&case.secrecy),
            name_of(&case.status),
            case.registered.to_string(),
            case.handler,
        ],
    )
    .map_err(|e| conflict(e, || format!("diarienumret {} finns redan (eller organet saknas)", case.dnr)))?;
    Ok(Record {
        id: CaseId(tx.last_insert_rowid()?),
        value: case.clone(),
    })
}

fn case_from_row(r: &Row<'_>) -> Result<CaseRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
    ))
}

type CaseRow = (
    i64,
    String,
    Option<String>,
    String,
    Option<i64>,
    String,
    String,
    String,
    Option<String>,
);

fn case_from_parts(row: CaseRow) -> Result<Record<CaseId, Case>> {
    let (id, dnr_json, class, title, body, secrecy, status, registered, handler) = row;
    Ok(Record {
        id: CaseId(id),
        value: Case {
            dnr: from_json::<Dnr>("ärende", id, &dnr_json)?,
            title,
            class,
            body: body.map(BodyId),
            secrecy: from_name("sekretess", &secrecy)?,
            status: from_name("ärendestatus", &status)?,
            registered: date("registreringsdatum", &registered)?,
            handler,
        },
    })
}

const CASE_COLUMNS: &str =
    "id, dnr_json, class, title, body_id, secrecy, status, registered, handler";

type BodyRow = (i64, String, Option<String>, String, Option<i64>);

fn body_from_row(r: &Row<'_>) -> Result<BodyRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn body_from_parts((id, name, short_name, kind, parent): BodyRow) -> Result<Record<BodyId, Body>> {
    Ok(Record {
        id: BodyId(id),
        value: Body {
            name,
            short_name,
            kind: from_name("organtyp", &kind)?,
            parent: parent.map(BodyId),
        },
    })
}

impl Store for SqlStore {
    fn municipality(&self) -> Result<Option<Municipality>> {
        self.read(|c| c.municipality())
    }
    fn set_municipality(&self, m: &Municipality) -> Result<()> {
        self.write(|c| c.set_municipality(m))
    }
    fn add_body(&self, body: &Body) -> Result<Record<BodyId, Body>> {
        self.write(|c| c.add_body(body))
    }
    fn bodies(&self) -> Result<Vec<Record<BodyId, Body>>> {
        self.read(|c| c.bodies())
    }
    fn body(&self, id: BodyId) -> Result<Record<BodyId, Body>> {
        self.read(|c| c.body(id))
    }
    fn add_term(&self, term: &TermOfOffice) -> Result<Record<TermId, TermOfOffice>> {
        self.write(|c| c.add_term(term))
    }
    fn terms(&self) -> Result<Vec<Record<TermId, TermOfOffice>>> {
        self.read(|c| c.terms())
    }
    fn add_person(&self, person: &Person) -> Result<Record<PersonId, Person>> {
        self.write(|c| c.add_person(person))
    }
    fn persons(&self) -> Result<Vec<Record<PersonId, Person>>> {
        self.read(|c| c.persons())
    }
    fn person(&self, id: PersonId) -> Result<Record<PersonId, Person>> {
        self.read(|c| c.person(id))
    }
    fn person_by_number_key(&self, key: &str) -> Result<Option<Record<PersonId, Person>>> {
        self.read(|c| c.person_by_number_key(key))
    }
    fn set_person_number_key(&self, id: PersonId, key: &str) -> Result<()> {
        self.write(|c| c.set_person_number_key(id, key))
    }
    fn add_membership(&self, m: &Membership) -> Result<Record<MembershipId, Membership>> {
        self.write(|c| c.add_membership(m))
    }
    fn memberships(&self, body: Option<BodyId>) -> Result<Vec<Record<MembershipId, Membership>>> {
        self.read(|c| c.memberships(body))
    }
    fn add_official(&self, o: &Official) -> Result<Record<OfficialId, Official>> {
        self.write(|c| c.add_official(o))
    }
    fn report_decisions(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        meeting: MeetingId,
    ) -> Result<usize> {
        self.write(|c| c.report_decisions(from, to, meeting))
    }
    fn save_substitute_order(&self, order: &SubstituteOrder) -> Result<()> {
        self.write(|c| c.save_substitute_order(order))
    }
    fn substitute_orders(&self, body: BodyId) -> Result<Vec<SubstituteOrder>> {
        self.read(|c| c.substitute_orders(body))
    }
    fn officials(&self) -> Result<Vec<Record<OfficialId, Official>>> {
        self.read(|c| c.officials())
    }
    fn create_case(
        &self,
        pattern: &DnrPattern,
        case: &NewCase,
        documents: &[NewDocument],
    ) -> Result<CaseWithDocuments> {
        self.write(|c| c.create_case(pattern, case, documents))
    }
    fn register_case(&self, case: &Case) -> Result<Record<CaseId, Case>> {
        self.write(|c| c.register_case(case))
    }
    fn cases(&self) -> Result<Vec<Record<CaseId, Case>>> {
        self.read(|c| c.cases())
    }
    fn case(&self, id: CaseId) -> Result<Record<CaseId, Case>> {
        self.read(|c| c.case(id))
    }
    fn case_by_dnr(&self, dnr: &str) -> Result<Option<Record<CaseId, Case>>> {
        self.read(|c| c.case_by_dnr(dnr))
    }
    fn set_case_status(&self, id: CaseId, status: CaseStatus) -> Result<()> {
        self.write(|c| c.set_case_status(id, status))
    }
    fn review_document(&self, id: DocumentId, review: Option<Review>) -> Result<()> {
        self.write(|c| c.review_document(id, review))
    }
    fn update_case(
        &self,
        id: CaseId,
        title: &str,
        status: CaseStatus,
        handler: Option<&str>,
    ) -> Result<Record<CaseId, Case>> {
        self.write(|c| c.update_case(id, title, status, handler))
    }
    fn add_document(
        &self,
        case: CaseId,
        doc: &NewDocument,
    ) -> Result<Record<DocumentId, Document>> {
        self.write(|c| c.add_document(case, doc))
    }
    fn documents(&self, case: CaseId) -> Result<Vec<Record<DocumentId, Document>>> {
        self.read(|c| c.documents(case))
    }
    fn add_meeting(&self, meeting: &Meeting) -> Result<Record<MeetingId, Meeting>> {
        self.write(|c| c.add_meeting(meeting))
    }
    fn update_meeting(&self, id: MeetingId, meeting: &Meeting) -> Result<()> {
        self.write(|c| c.update_meeting(id, meeting))
    }
    fn meeting(&self, id: MeetingId) -> Result<Record<MeetingId, Meeting>> {
        self.read(|c| c.meeting(id))
    }
    fn meetings(&self) -> Result<Vec<Record<MeetingId, Meeting>>> {
        self.read(|c| c.meetings())
    }
    fn meeting_heads(&self) -> Result<Vec<crate::MeetingHead>> {
        self.read(|c| c.meeting_heads())
    }
    fn meetings_page(
        &self,
        bodies: Option<&[BodyId]>,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<Record<MeetingId, Meeting>>, usize)> {
        self.read(|c| c.meetings_page(bodies, offset, limit))
    }
    fn paragraph_series(
        &self,
        body: BodyId,
        year: i32,
        except: Option<MeetingId>,
    ) -> Result<ParagraphSeries> {
        self.read(|c| c.paragraph_series(body, year, except))
    }
    fn save_minutes(&self, meeting: MeetingId, minutes: &Minutes) -> Result<()> {
        self.write(|c| c.save_minutes(meeting, minutes))
    }
    fn minutes(&self, meeting: MeetingId) -> Result<Option<Minutes>> {
        self.read(|c| c.minutes(meeting))
    }
    fn sealed_text(&self, meeting: MeetingId) -> Result<Option<String>> {
        self.read(|c| c.sealed_text(meeting))
    }
    fn seal_record(&self, meeting: MeetingId) -> Result<Option<SealRecord>> {
        self.read(|c| c.seal_record(meeting))
    }
    fn classifications(&self, meeting: MeetingId) -> Result<Vec<Classification>> {
        self.read(|c| c.classifications(meeting))
    }
    fn classify(&self, meeting: MeetingId, cl: &Classification, at: DateTime<Utc>) -> Result<()> {
        self.write(|c| c.classify(meeting, cl, at))
    }
    fn atomically(&self, f: &mut dyn FnMut(&dyn Storage) -> Result<()>) -> Result<()> {
        self.write(|c| f(c))
    }
}

impl Storage for SqlStore {
    fn generation(&self) -> Result<(i64, u64)> {
        SqlStore::generation(self)
    }
    fn schema_version(&self) -> Result<i64> {
        SqlStore::schema_version(self)
    }
    fn integrity_check(&self) -> Result<()> {
        SqlStore::integrity_check(self)
    }
    fn backup_to(&self, out: &Path, files: &[crate::BackupFile]) -> Result<()> {
        let l = match &self.backend {
            Backend::Sqlite(l) => l,
            Backend::Postgres(_) => {
                return Err(StoreError::Rule(
                    "en databas i PostgreSQL säkerhetskopieras med PostgreSQL:s egna verktyg \
                     (pg_dump eller pg_basebackup); se docs/postgresql.md"
                        .into(),
                ))
            }
        };
        let Some(path) = &l.path else {
            return Err(StoreError::Rule(
                "en databas i minnet kan inte säkerhetskopieras".into(),
            ));
        };
        crate::backup::write(&Lite::reader(path)?, out, files)
    }
    fn login_failures(&self, keys: &[String]) -> Result<Vec<Option<LoginFailures>>> {
        match &self.backend {
            Backend::Sqlite(l) => Ok(l.failures.get(keys)),
            Backend::Postgres(p) => {
                p.unlocked(|s| crate::throttle::get(&Conn(Handle::Pg(s), &*self.clock), keys))
            }
        }
    }
    fn count_login_failure(&self, keys: &[String], at: DateTime<Utc>) -> Result<()> {
        match &self.backend {
            Backend::Sqlite(l) => {
                l.failures.count(keys, at);
                Ok(())
            }
            Backend::Postgres(p) => {
                p.unlocked(|s| crate::throttle::count(&Conn(Handle::Pg(s), &*self.clock), keys, at))
            }
        }
    }
    fn clear_login_failures(&self, key: &str) -> Result<()> {
        match &self.backend {
            Backend::Sqlite(l) => {
                l.failures.clear(key);
                Ok(())
            }
            Backend::Postgres(p) => {
                p.unlocked(|s| crate::throttle::clear(&Conn(Handle::Pg(s), &*self.clock), key))
            }
        }
    }
}

/// Inside a transaction: the same storage, on the transaction's connection.
impl Storage for Conn<'_> {
    fn generation(&self) -> Result<(i64, u64)> {
        match self.0 {
            Handle::Sqlite(c) => {
                let version: i64 = c.pragma_query_value(None, "data_version", |r| r.get(0))?;
                Ok((version, c.total_changes()))
            }
            Handle::Pg(_) => Ok((
                self.query_row(
                    "SELECT generation FROM paragraf_meta WHERE id = 1",
                    [0i64; 0],
                    |r| r.get(0),
                )?,
                0,
            )),
        }
    }
    fn schema_version(&self) -> Result<i64> {
        match self.0 {
            Handle::Sqlite(c) => Ok(c.pragma_query_value(None, "user_version", |r| r.get(0))?),
            Handle::Pg(_) => {
                self.query_row("SELECT version FROM paragraf_schema", [0i64; 0], |r| {
                    r.get(0)
                })
            }
        }
    }
    fn integrity_check(&self) -> Result<()> {
        Err(StoreError::Rule(
            "integritetskontrollen körs inte inuti en transaktion".into(),
        ))
    }
    fn backup_to(&self, _: &Path, _: &[crate::BackupFile]) -> Result<()> {
        Err(StoreError::Rule(
            "en säkerhetskopia tas inte inuti en transaktion".into(),
        ))
    }
    fn login_failures(&self, _: &[String]) -> Result<Vec<Option<LoginFailures>>> {
        Err(outside_the_data())
    }
    fn count_login_failure(&self, _: &[String], _: DateTime<Utc>) -> Result<()> {
        Err(outside_the_data())
    }
    fn clear_login_failures(&self, _: &str) -> Result<()> {
        Err(outside_the_data())
    }
}

/// Failed logins are kept outside the data's transactions (see [`crate::throttle`]).
fn outside_the_data() -> StoreError {
    StoreError::Rule("misslyckade inloggningar räknas inte inuti en transaktion".into())
}

/// Inside a transaction: a nested `atomically` is a savepoint.
impl Store for Conn<'_> {
    fn atomically(&self, f: &mut dyn FnMut(&dyn Storage) -> Result<()>) -> Result<()> {
        self.execute_batch("SAVEPOINT atomically")?;
        let refused_before = match self.0 {
            Handle::Pg(s) => s.failed(),
            Handle::Sqlite(_) => false,
        };
        match f(self) {
            Ok(()) => {
                self.execute_batch("RELEASE atomically")?;
                Ok(())
            }
            Err(e) => {
                self.execute_batch("ROLLBACK TO atomically; RELEASE atomically")?;
                if let Handle::Pg(s) = self.0 {
                    // What was refused inside went with the savepoint.
                    s.set_failed(refused_before);
                }
                Err(e)
            }
        }
    }

    fn municipality(&self) -> Result<Option<Municipality>> {
        self.read(|c| {
            let row: Option<(String, Option<String>)> = c
                .query_row(
                    "SELECT name, org_nr FROM municipality WHERE id = 1",
                    params![],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            row.map(|(name, org_nr)| {
                let org_nr = org_nr
                    .map(|o| {
                        OrgNr::parse(&o).map_err(|e| StoreError::Corrupt {
                            what: "kommun",
                            id: "1".into(),
                            reason: e.to_string(),
                        })
                    })
                    .transpose()?;
                Ok(Municipality { name, org_nr })
            })
            .transpose()
        })
    }

    fn set_municipality(&self, m: &Municipality) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO municipality (id, name, org_nr) VALUES (1, ?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, org_nr = excluded.org_nr",
                params![m.name, m.org_nr.as_ref().map(|o| o.as_str())],
            )?;
            Ok(())
        })
    }

    fn add_body(&self, body: &Body) -> Result<Record<BodyId, Body>> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO bodies (name, short_name, kind, parent_id) VALUES (?1, ?2, ?3, ?4)",
                params![
                    body.name,
                    body.short_name,
                    name_of(&body.kind),
                    body.parent.map(|p| p.0)
                ],
            )
            .map_err(|e| {
                conflict(e, || {
                    format!(
                        "organet ”{}” finns redan, eller den överordnade nämnden saknas",
                        body.name
                    )
                })
            })?;
            Ok(Record {
                id: BodyId(tx.last_insert_rowid()?),
                value: body.clone(),
            })
        })
    }

    fn bodies(&self) -> Result<Vec<Record<BodyId, Body>>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT id, name, short_name, kind, parent_id FROM bodies ORDER BY id",
            )?;
            let rows = st
                .query_map(params![], body_from_row)?
                .collect::<Result<Vec<_>>>()?;
            rows.into_iter().map(body_from_parts).collect()
        })
    }

    fn body(&self, id: BodyId) -> Result<Record<BodyId, Body>> {
        self.read(|c| {
            let row = c
                .query_row(
                    "SELECT id, name, short_name, kind, parent_id FROM bodies WHERE id = ?1",
                    [id.0],
                    body_from_row,
                )
                .optional()?
                .ok_or_else(|| not_found("organ", id))?;
            body_from_parts(row)
        })
    }

    fn report_decisions(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        meeting: MeetingId,
    ) -> Result<usize> {
        self.write(|tx| crate::delegation::report_decisions(tx, from, to, meeting))
    }

    fn save_substitute_order(&self, order: &SubstituteOrder) -> Result<()> {
        let data = serde_json::to_string(order)
            .map_err(|e| StoreError::Rule(format!("ersättarordningen: {e}")))?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO substitute_orders (body_id, from_date, data) VALUES (?1, ?2, ?3)
                 ON CONFLICT (body_id, from_date) DO UPDATE SET data = excluded.data",
                params![order.body.0, order.from.to_string(), data],
            )?;
            Ok(())
        })
    }

    fn substitute_orders(&self, body: BodyId) -> Result<Vec<SubstituteOrder>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT data FROM substitute_orders WHERE body_id = ?1 ORDER BY from_date",
            )?;
            let rows = st
                .query_map([body.0], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>>>()?;
            rows.into_iter()
                .map(|d| {
                    serde_json::from_str(&d).map_err(|e| StoreError::Corrupt {
                        what: "ersättarordning",
                        id: body.0.to_string(),
                        reason: e.to_string(),
                    })
                })
                .collect()
        })
    }

    fn add_term(&self, term: &TermOfOffice) -> Result<Record<TermId, TermOfOffice>> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO terms (from_date, to_date) VALUES (?1, ?2)",
                params![term.from.to_string(), term.to.to_string()],
            )
            .map_err(|e| conflict(e, || format!("mandatperioden {} finns redan", term.label())))?;
            Ok(Record {
                id: TermId(tx.last_insert_rowid()?),
                value: *term,
            })
        })
    }

    fn terms(&self) -> Result<Vec<Record<TermId, TermOfOffice>>> {
        self.read(|c| {
            let mut st =
                c.prepare_cached("SELECT id, from_date, to_date FROM terms ORDER BY from_date")?;
            let rows = st
                .query_map(params![], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })?
                .collect::<Result<Vec<_>>>()?;
            rows.into_iter()
                .map(|(id, f, t)| {
                    Ok(Record {
                        id: TermId(id),
                        value: TermOfOffice {
                            from: date("mandatperiod", &f)?,
                            to: date("mandatperiod", &t)?,
                        },
                    })
                })
                .collect()
        })
    }

    fn add_person(&self, person: &Person) -> Result<Record<PersonId, Person>> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO persons (name, email) VALUES (?1, ?2)",
                params![person.name, person.email],
            )?;
            Ok(Record {
                id: PersonId(tx.last_insert_rowid()?),
                value: person.clone(),
            })
        })
    }

    fn person_by_number_key(&self, key: &str) -> Result<Option<Record<PersonId, Person>>> {
        self.read(|c| {
            c.query_row(
                "SELECT id, name, email FROM persons WHERE pnr_key = ?1",
                [key],
                |r| {
                    Ok(Record {
                        id: PersonId(r.get(0)?),
                        value: Person {
                            name: r.get(1)?,
                            email: r.get(2)?,
                        },
                    })
                },
            )
            .optional()
        })
    }

    fn set_person_number_key(&self, id: PersonId, key: &str) -> Result<()> {
        self.write(|tx| {
            let n = tx
                .execute(
                    "UPDATE persons SET pnr_key = ?2 WHERE id = ?1",
                    params![id.0, key],
                )
                .map_err(|e| {
                    conflict(e, || "personnumret hör redan till en annan person".into())
                })?;
            if n == 0 {
                return Err(not_found("person", id));
            }
            Ok(())
        })
    }

    fn persons(&self) -> Result<Vec<Record<PersonId, Person>>> {
        self.read(|c| {
            let mut st =
                c.prepare_cached("SELECT id, name, email FROM persons ORDER BY name, id")?;
            let rows = st
                .query_map(params![], |r| {
                    Ok(Record {
                        id: PersonId(r.get(0)?),
                        value: Person {
                            name: r.get(1)?,
                            email: r.get(2)?,
                        },
                    })
                })?
                .collect::<Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn person(&self, id: PersonId) -> Result<Record<PersonId, Person>> {
        self.read(|c| {
            c.query_row(
                "SELECT name, email FROM persons WHERE id = ?1",
                [id.0],
                |r| {
                    Ok(Record {
                        id,
                        value: Person {
                            name: r.get(0)?,
                            email: r.get(1)?,
                        },
                    })
                },
            )
            .optional()?
            .ok_or_else(|| not_found("person", id))
        })
    }

    fn add_membership(&self, m: &Membership) -> Result<Record<MembershipId, Membership>> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO memberships (person_id, body_id, role, position, party, term_id, from_date, to_date)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    m.person.0,
                    m.body.0,
                    name_of(&m.role),
                    m.position.as_ref().map(name_of),
                    m.party,
                    m.term.map(|t| t.0),
                    m.from.to_string(),
                    m.to.map(|d| d.to_string())
                ],
            )
            .map_err(|e| conflict(e, || format!("person {}, organ {} eller mandatperiod finns inte", m.person, m.body)))?;
            Ok(Record {
                id: MembershipId(tx.last_insert_rowid()?),
                value: m.clone(),
            })
        })
    }

    fn memberships(&self, body: Option<BodyId>) -> Result<Vec<Record<MembershipId, Membership>>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT id, person_id, body_id, role, position, party, term_id, from_date, to_date
                 FROM memberships WHERE CAST(?1 AS BIGINT) IS NULL OR body_id = ?1 ORDER BY body_id, role, id",
            )?;
            type Raw = (
                i64,
                i64,
                i64,
                String,
                Option<String>,
                Option<String>,
                Option<i64>,
                String,
                Option<String>,
            );
            let rows: Vec<Raw> = st
                .query_map([body.map(|b| b.0)], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                    ))
                })?
                .collect::<Result<_>>()?;
            rows.into_iter()
                .map(
                    |(id, person, body, role, position, party, term, from, to)| {
                        Ok(Record {
                            id: MembershipId(id),
                            value: Membership {
                                person: PersonId(person),
                                body: BodyId(body),
                                role: from_name("uppdragsroll", &role)?,
                                position: position
                                    .map(|p| from_name("presidiepost", &p))
                                    .transpose()?,
                                party,
                                term: term.map(TermId),
                                from: date("uppdrag", &from)?,
                                to: to.map(|t| date("uppdrag", &t)).transpose()?,
                            },
                        })
                    },
                )
                .collect()
        })
    }

    fn add_official(&self, o: &Official) -> Result<Record<OfficialId, Official>> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO officials (person_id, title, unit) VALUES (?1, ?2, ?3)",
                params![o.person.0, o.title, o.unit],
            )
            .map_err(|e| conflict(e, || format!("person {} finns inte", o.person)))?;
            Ok(Record {
                id: OfficialId(tx.last_insert_rowid()?),
                value: o.clone(),
            })
        })
    }

    fn officials(&self) -> Result<Vec<Record<OfficialId, Official>>> {
        self.read(|c| {
            let mut st =
                c.prepare_cached("SELECT id, person_id, title, unit FROM officials ORDER BY id")?;
            let rows = st
                .query_map(params![], |r| {
                    Ok(Record {
                        id: OfficialId(r.get(0)?),
                        value: Official {
                            person: PersonId(r.get(1)?),
                            title: r.get(2)?,
                            unit: r.get(3)?,
                        },
                    })
                })?
                .collect::<Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn create_case(
        &self,
        pattern: &DnrPattern,
        new: &NewCase,
        documents: &[NewDocument],
    ) -> Result<CaseWithDocuments> {
        self.write(|tx| {
            let year = new.registered.year();
            let series = new.series.as_deref().unwrap_or("");
            let seq = next_number(tx, "dnr", series, year)?;
            let dnr = Dnr::new(
                pattern,
                new.series.as_deref(),
                year,
                seq,
                new.class.as_deref(),
            )
            .map_err(|e| StoreError::Rule(e.to_string()))?;
            let mut case = Case::new(dnr, &new.title, new.body, new.secrecy, new.registered)
                .map_err(|e| StoreError::Rule(e.to_string()))?;
            case.handler = new.handler.clone();
            let case = insert_case(tx, &case)?;
            let docs = documents
                .iter()
                .map(|d| insert_document(tx, case.id, d))
                .collect::<Result<Vec<_>>>()?;
            Ok((case, docs))
        })
    }

    fn register_case(&self, case: &Case) -> Result<Record<CaseId, Case>> {
        self.write(|tx| {
            let stored = insert_case(tx, case)?;
            tx.execute(
                "INSERT INTO counters (kind, series, year, last) VALUES ('dnr', ?1, ?2, ?3)
                 ON CONFLICT (kind, series, year) DO UPDATE SET last = CASE WHEN excluded.last > counters.last THEN excluded.last ELSE counters.last END",
                params![
                    case.dnr.series().unwrap_or(""),
                    case.dnr.year(),
                    case.dnr.sequence()
                ],
            )?;
            Ok(stored)
        })
    }

    fn cases(&self) -> Result<Vec<Record<CaseId, Case>>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT {CASE_COLUMNS} FROM cases ORDER BY year DESC, series, sequence DESC"
            ))?;
            let rows = st
                .query_map(params![], case_from_row)?
                .collect::<Result<Vec<_>>>()?;
            rows.into_iter().map(case_from_parts).collect()
        })
    }

    fn case(&self, id: CaseId) -> Result<Record<CaseId, Case>> {
        self.read(|c| {
            let row = c
                .query_row(
                    &format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = ?1"),
                    [id.0],
                    case_from_row,
                )
                .optional()?
                .ok_or_else(|| not_found("ärende", id))?;
            case_from_parts(row)
        })
    }

    fn case_by_dnr(&self, dnr: &str) -> Result<Option<Record<CaseId, Case>>> {
        self.read(|c| {
            c.query_row(
                &format!("SELECT {CASE_COLUMNS} FROM cases WHERE dnr = ?1"),
                [dnr.trim()],
                case_from_row,
            )
            .optional()?
            .map(case_from_parts)
            .transpose()
        })
    }

    fn set_case_status(&self, id: CaseId, status: CaseStatus) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE cases SET status = ?1 WHERE id = ?2",
                params![name_of(&status), id.0],
            )?;
            if n == 0 {
                return Err(not_found("ärende", id));
            }
            Ok(())
        })
    }
    fn review_document(&self, id: DocumentId, review: Option<Review>) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE documents SET review = ?1 WHERE id = ?2",
                params![review.map(Review::as_str), id.0],
            )?;
            if n == 0 {
                return Err(not_found("handling", id));
            }
            Ok(())
        })
    }

    fn update_case(
        &self,
        id: CaseId,
        title: &str,
        status: CaseStatus,
        handler: Option<&str>,
    ) -> Result<Record<CaseId, Case>> {
        let title = title.trim();
        if title.is_empty() {
            return Err(StoreError::Rule("ärendemeningen får inte vara tom".into()));
        }
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE cases SET title = ?1, status = ?2, handler = ?3 WHERE id = ?4",
                params![title, name_of(&status), handler, id.0],
            )?;
            if n == 0 {
                return Err(not_found("ärende", id));
            }
            Ok(())
        })?;
        self.case(id)
    }

    fn add_document(
        &self,
        case: CaseId,
        doc: &NewDocument,
    ) -> Result<Record<DocumentId, Document>> {
        self.write(|tx| insert_document(tx, case, doc))
    }

    fn documents(&self, case: CaseId) -> Result<Vec<Record<DocumentId, Document>>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT id, number, kind, title, date, direction, counterpart, file, secrecy, review
                 FROM documents WHERE case_id = ?1 ORDER BY year, number",
            )?;
            type Raw = (
                i64,
                u32,
                String,
                String,
                String,
                String,
                Option<String>,
                Option<String>,
                String,
                Option<String>,
            );
            let rows: Vec<Raw> = st
                .query_map([case.0], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                        r.get(9)?,
                    ))
                })?
                .collect::<Result<_>>()?;
            rows.into_iter()
                .map(
                    |(
                        id,
                        number,
                        kind,
                        title,
                        d,
                        direction,
                        counterpart,
                        file,
                        secrecy,
                        review,
                    )| {
                        Ok(Record {
                            id: DocumentId(id),
                            value: Document {
                                case,
                                number,
                                kind: from_name("handlingstyp", &kind)?,
                                title,
                                date: date("handling", &d)?,
                                direction: from_name("riktning", &direction)?,
                                counterpart,
                                file,
                                secrecy: from_name("sekretess", &secrecy)?,
                                review: review
                                    .as_deref()
                                    .map(|r| from_name("sekretessprövning", r))
                                    .transpose()?,
                            },
                        })
                    },
                )
                .collect()
        })
    }

    fn add_meeting(&self, meeting: &Meeting) -> Result<Record<MeetingId, Meeting>> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO meetings (body_id, date, state, data) VALUES (?1, ?2, ?3, ?4)",
                params![
                    meeting.body.0,
                    meeting.date.to_string(),
                    name_of(&meeting.state()),
                    to_json(meeting)?
                ],
            )
            .map_err(|e| conflict(e, || format!("organ {} finns inte", meeting.body)))?;
            Ok(Record {
                id: MeetingId(tx.last_insert_rowid()?),
                value: meeting.clone(),
            })
        })
    }

    fn update_meeting(&self, id: MeetingId, meeting: &Meeting) -> Result<()> {
        self.write(|tx| {
            let n = tx
                .execute(
                    "UPDATE meetings SET body_id = ?1, date = ?2, state = ?3, data = ?4 WHERE id = ?5",
                    params![meeting.body.0, meeting.date.to_string(), name_of(&meeting.state()), to_json(meeting)?, id.0],
                )
                .map_err(|e| conflict(e, || format!("organ {} finns inte", meeting.body)))?;
            if n == 0 {
                return Err(not_found("sammanträde", id));
            }
            Ok(())
        })
    }

    fn meeting(&self, id: MeetingId) -> Result<Record<MeetingId, Meeting>> {
        self.read(|c| {
            let data: String = c
                .query_row("SELECT data FROM meetings WHERE id = ?1", [id.0], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or_else(|| not_found("sammanträde", id))?;
            Ok(Record {
                id,
                value: from_json("sammanträde", id.0, &data)?,
            })
        })
    }

    fn meeting_heads(&self) -> Result<Vec<crate::MeetingHead>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT id, body_id, date, state FROM meetings ORDER BY date, id",
            )?;
            let rows = st
                .query_map(params![], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                })?
                .collect::<Result<Vec<_>>>()?;
            rows.into_iter()
                .map(|(id, body, day, state)| {
                    Ok(crate::MeetingHead {
                        id: MeetingId(id),
                        body: BodyId(body),
                        date: date("sammanträdesdatum", &day)?,
                        state: from_name("sammanträdets läge", &state)?,
                    })
                })
                .collect()
        })
    }
    fn meetings_page(
        &self,
        bodies: Option<&[BodyId]>,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<Record<MeetingId, Meeting>>, usize)> {
        self.read(|c| {
            // The bodies as parameters from ?{first} (none: every body).
            let ids: Vec<Value> = bodies
                .unwrap_or_default()
                .iter()
                .map(|b| Value::Int(b.0))
                .collect();
            let within = |first: usize| match bodies {
                None => String::new(),
                Some([]) => "WHERE 1 = 0".to_string(),
                Some(_) => format!(
                    "WHERE body_id IN ({})",
                    (first..first + ids.len())
                        .map(|i| format!("?{i}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let total: i64 = c
                .prepare_cached(&format!("SELECT count(*) FROM meetings {}", within(1)))?
                .query_row(&ids[..], |r| r.get(0))?;
            let mut args = vec![
                Value::Int(i64::try_from(limit).unwrap_or(i64::MAX)),
                Value::Int(i64::try_from(offset).unwrap_or(i64::MAX)),
            ];
            args.extend(ids.iter().cloned());
            let mut st = c.prepare_cached(&format!(
                "SELECT id, data FROM meetings {} ORDER BY date, id LIMIT ?1 OFFSET ?2",
                within(3)
            ))?;
            let page = meeting_records(&mut st, &args)?;
            Ok((page, usize::try_from(total).unwrap_or(0)))
        })
    }
    fn meetings(&self) -> Result<Vec<Record<MeetingId, Meeting>>> {
        self.read(|c| {
            let mut st = c.prepare_cached("SELECT id, data FROM meetings ORDER BY date, id")?;
            meeting_records(&mut st, params![])
        })
    }

    fn paragraph_series(
        &self,
        body: BodyId,
        year: i32,
        except: Option<MeetingId>,
    ) -> Result<ParagraphSeries> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT number FROM paragraph_numbers
                 WHERE body_id = ?1 AND year = ?2 AND (CAST(?3 AS BIGINT) IS NULL OR meeting_id <> ?3)",
            )?;
            let used = st
                .query_map(params![body.0, year, except.map(|m| m.0)], |r| {
                    r.get::<_, u32>(0)
                })?
                .collect::<Result<_>>()?;
            Ok(ParagraphSeries {
                body: Some(body),
                year,
                used,
            })
        })
    }

    fn save_minutes(&self, meeting: MeetingId, minutes: &Minutes) -> Result<()> {
        self.write(|tx| {
            let body: i64 = tx
                .query_row("SELECT body_id FROM meetings WHERE id = ?1", [meeting.0], |r| r.get(0))
                .optional()?
                .ok_or_else(|| not_found("sammanträde", meeting))?;
            if body != minutes.body().0 {
                return Err(StoreError::Rule(format!(
                    "protokollet hör till organ {}, men sammanträde {meeting} hålls av organ {body}",
                    minutes.body()
                )));
            }
            let sealed: Option<bool> = tx
                .query_row("SELECT sealed FROM minutes WHERE meeting_id = ?1", [meeting.0], |r| r.get(0))
                .optional()?;
            if sealed == Some(true) {
                return Err(StoreError::Rule(
                    "protokollet är justerat och förseglat och kan inte ändras".into(),
                ));
            }
            let year = minutes.date().year();
            tx.execute("DELETE FROM paragraph_numbers WHERE meeting_id = ?1", [meeting.0])?;
            for p in minutes.paragraphs() {
                tx.execute(
                    "INSERT INTO paragraph_numbers (body_id, year, number, meeting_id) VALUES (?1, ?2, ?3, ?4)",
                    params![body, year, p.number, meeting.0],
                )
                .map_err(|e| conflict(e, || format!("§ {} finns redan för organet år {year}", p.number)))?;
            }
            tx.execute(
                "INSERT INTO minutes (meeting_id, data, sealed) VALUES (?1, ?2, ?3)
                 ON CONFLICT (meeting_id) DO UPDATE SET data = excluded.data, sealed = excluded.sealed",
                params![meeting.0, to_json(minutes)?, minutes.is_sealed()],
            )?;
            if let Some(seal) = minutes.seal() {
                tx.execute(
                    "INSERT INTO seals (meeting_id, canonical, sha256, signature, public_key, sealed_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        meeting.0,
                        minutes.canonical(),
                        seal.sha256,
                        seal.signature,
                        seal.public_key,
                        seal.sealed_at.to_rfc3339()
                    ],
                )?;
            }
            Ok(())
        })
    }

    fn sealed_text(&self, meeting: MeetingId) -> Result<Option<String>> {
        self.read(|c| {
            c.query_row(
                "SELECT canonical FROM seals WHERE meeting_id = ?1",
                [meeting.0],
                |r| r.get(0),
            )
            .optional()
        })
    }

    fn seal_record(&self, meeting: MeetingId) -> Result<Option<SealRecord>> {
        self.read(|c| {
            let row: Option<(String, String, String, String, String)> = c
                .query_row(
                    "SELECT canonical, sha256, signature, public_key, sealed_at FROM seals WHERE meeting_id = ?1",
                    [meeting.0],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .optional()?;
            row.map(|(canonical, sha256, signature, public_key, at)| {
                let sealed_at = DateTime::parse_from_rfc3339(&at).map_err(|e| StoreError::Corrupt {
                    what: "sigill",
                    id: meeting.to_string(),
                    reason: e.to_string(),
                })?;
                Ok(SealRecord {
                    canonical,
                    seal: Seal {
                        sha256,
                        signature,
                        public_key,
                        sealed_at,
                    },
                })
            })
            .transpose()
        })
    }

    fn classifications(&self, meeting: MeetingId) -> Result<Vec<Classification>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT number, public, ground, decided_by FROM paragraph_classifications WHERE meeting_id = ?1 ORDER BY number",
            )?;
            let rows = st
                .query_map([meeting.0], |r| {
                    Ok((r.get::<_, u32>(0)?, r.get::<_, bool>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
                })?
                .collect::<Result<Vec<_>>>()?;
            rows.into_iter()
                .map(|(paragraph, public, ground, by)| {
                    Ok(Classification {
                        paragraph,
                        public,
                        ground,
                        by: from_json("klassificering", meeting.0, &by)?,
                    })
                })
                .collect()
        })
    }

    fn classify(&self, meeting: MeetingId, cl: &Classification, at: DateTime<Utc>) -> Result<()> {
        self.write(|c| {
            c.execute(
                "INSERT INTO paragraph_classifications (meeting_id, number, public, ground, decided_by, decided_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (meeting_id, number) DO UPDATE SET public = excluded.public,
                   ground = excluded.ground, decided_by = excluded.decided_by, decided_at = excluded.decided_at",
                params![meeting.0, cl.paragraph, cl.public, cl.ground, to_json(&cl.by)?, at.to_rfc3339()],
            )
            .map_err(|e| conflict(e, || format!("sammanträde {meeting} finns inte")))?;
            Ok(())
        })
    }

    fn minutes(&self, meeting: MeetingId) -> Result<Option<Minutes>> {
        self.read(|c| {
            c.query_row(
                "SELECT data FROM minutes WHERE meeting_id = ?1",
                [meeting.0],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .map(|data| from_json("protokoll", meeting.0, &data))
            .transpose()
        })
    }
}
