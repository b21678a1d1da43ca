//! One way to speak SQL to either database: the store's statements are written once, with
//! SQLite's numbered parameters (`?1`), and run on SQLite (rusqlite) or on PostgreSQL (the
//! `postgres` crate), where `?N` becomes `$N`. Values cross as [`Value`]s, which both
//! drivers bind and read back, so an integer is an integer and a text a text on both.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::mpsc;

use postgres::types::{IsNull, ToSql, Type};

use crate::{Clock, Result, StoreError};

/// What went wrong in a database driver.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// SQLite refused or failed.
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL refused or failed (with the server's own message when it gave one).
    #[error("{}", pg_message(.0))]
    Postgres(#[from] postgres::Error),
    /// A query that must give one row gave none.
    #[error("frågan gav ingen rad")]
    NoRows,
    /// The database cannot be reached, or the connection to it was lost.
    #[error("{0}")]
    Unavailable(String),
    /// A value of another type than the column's.
    #[error("{0}")]
    Type(String),
}

/// The server's message (and its detail) rather than the driver's "db error".
fn pg_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({detail})", db.message()),
            None => db.message().to_string(),
        },
        None => {
            // The driver's own message, with its causes (a TLS handshake says why).
            let mut text = e.to_string();
            let mut cause = std::error::Error::source(e);
            while let Some(c) = cause {
                text.push_str(&format!(": {c}"));
                cause = c.source();
            }
            text
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        match e {
            rusqlite::Error::QueryReturnedNoRows => StoreError::Database(DbError::NoRows),
            e => StoreError::Database(DbError::Sqlite(e)),
        }
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> StoreError {
        StoreError::Database(DbError::Postgres(e))
    }
}

impl StoreError {
    /// A uniqueness, reference or check constraint (or a guarding trigger) refused the write.
    pub fn is_constraint(&self) -> bool {
        match self {
            StoreError::Database(DbError::Sqlite(rusqlite::Error::SqliteFailure(f, _))) => {
                f.code == rusqlite::ErrorCode::ConstraintViolation
            }
            StoreError::Database(DbError::Postgres(e)) => e
                .code()
                .is_some_and(|c| c.code().starts_with("23") || c.code() == "P0001"),
            _ => false,
        }
    }

    /// The connection to PostgreSQL is gone (the server ended it, restarted, or cannot be
    /// reached): nothing ran, and the operation can be tried on a new connection.
    pub(crate) fn is_connection_lost(&self) -> bool {
        match self {
            StoreError::Database(DbError::Postgres(e)) => {
                // An ended connection shows as closed, or — when the server's reset came
                // first (over TLS, say) — as the socket's error.
                e.is_closed()
                    || std::error::Error::source(e).is_some_and(|s| s.is::<std::io::Error>())
                    || e.code()
                        .is_some_and(|c| c.code().starts_with("08") || c.code().starts_with("57P"))
            }
            StoreError::Database(DbError::Unavailable(_)) => true,
            _ => false,
        }
    }

    /// Two writers met (a serialization failure or a deadlock on PostgreSQL): the write can
    /// be tried again.
    pub fn is_retryable(&self) -> bool {
        match self {
            StoreError::Database(DbError::Postgres(e)) => e
                .code()
                .is_some_and(|c| c.code() == "40001" || c.code() == "40P01"),
            _ => false,
        }
    }
}

/// `Ok(None)` for a query that gave no row.
pub(crate) trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>>;
}

impl<T> OptionalExtension<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(StoreError::Database(DbError::NoRows)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// A value bound to a statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// What can be bound to a statement.
pub(crate) trait ToValue {
    fn to_value(&self) -> Value;
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}
impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}
impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}
macro_rules! int_value {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                // Every integer the store keeps fits in an i64 (ids, years, counts).
                Value::Int(*self as i64)
            }
        }
    )*};
}
int_value!(i64, i32, i16, u8, u16, u32, u64, usize);
impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}
impl ToValue for f64 {
    fn to_value(&self) -> Value {
        Value::Real(*self)
    }
}
impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_string())
    }
}
impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}
impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}
impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Blob(self.clone())
    }
}

/// The values of a statement's parameters, in order.
pub(crate) trait Params {
    fn values(&self) -> Cow<'_, [Value]>;
}
impl Params for &[Value] {
    fn values(&self) -> Cow<'_, [Value]> {
        Cow::Borrowed(self)
    }
}
impl<const N: usize> Params for &[Value; N] {
    fn values(&self) -> Cow<'_, [Value]> {
        Cow::Borrowed(&self[..])
    }
}
impl<T: ToValue, const N: usize> Params for [T; N] {
    fn values(&self) -> Cow<'_, [Value]> {
        Cow::Owned(self.iter().map(ToValue::to_value).collect())
    }
}
impl Params for Vec<Value> {
    fn values(&self) -> Cow<'_, [Value]> {
        Cow::Borrowed(self)
    }
}

/// The parameters of a statement, as [`Value`]s.
macro_rules! params {
    () => { &[] as &[$crate::sql::Value] };
    ($($x:expr),+ $(,)?) => { &[$($crate::sql::ToValue::to_value(&$x)),+] };
}
pub(crate) use params;

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef as V};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => V::Null,
            Value::Int(i) => V::Integer(*i),
            Value::Real(f) => V::Real(*f),
            Value::Text(s) => V::Text(s.as_bytes()),
            Value::Blob(b) => V::Blob(b),
        }))
    }
}

type BoxError = Box<dyn std::error::Error + Sync + Send>;

impl ToSql for Value {
    /// Writes the value as the type PostgreSQL inferred for the parameter, as SQLite would
    /// take it: an integer into an integer or boolean column, a text into a text column.
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, BoxError> {
        let text_like = matches!(
            *ty,
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN
        );
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                _ if text_like => i.to_string().as_str().to_sql(&Type::TEXT, out),
                _ => Err(format!("ett heltal kan inte bindas som {ty}").into()),
            },
            Value::Real(f) => match *ty {
                Type::FLOAT8 => f.to_sql(ty, out),
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                _ if text_like => f.to_string().as_str().to_sql(&Type::TEXT, out),
                _ => Err(format!("ett decimaltal kan inte bindas som {ty}").into()),
            },
            Value::Text(s) => match *ty {
                _ if text_like => s.as_str().to_sql(&Type::TEXT, out),
                Type::INT8 => s.parse::<i64>()?.to_sql(ty, out),
                _ => Err(format!("en text kan inte bindas som {ty}").into()),
            },
            Value::Blob(b) => match *ty {
                Type::BYTEA => b.as_slice().to_sql(ty, out),
                _ => Err(format!("binära data kan inte bindas som {ty}").into()),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// One column's value in a row.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ValueRef<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

/// What a column can be read as.
pub(crate) trait FromValue: Sized {
    fn from_value(v: ValueRef<'_>) -> std::result::Result<Self, String>;
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        match v {
            ValueRef::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}
macro_rules! int_from {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(v: ValueRef<'_>) -> std::result::Result<Self, String> {
                match v {
                    ValueRef::Int(i) => <$t>::try_from(i)
                        .map_err(|_| format!("{i} ryms inte i {}", stringify!($t))),
                    other => Err(format!("väntade ett heltal, fick {other:?}")),
                }
            }
        }
    )*};
}
int_from!(i64, i32, i16, u8, u16, u32, u64, usize);
impl FromValue for bool {
    fn from_value(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        i64::from_value(v).map(|i| i != 0)
    }
}
impl FromValue for f64 {
    fn from_value(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        match v {
            ValueRef::Real(f) => Ok(f),
            ValueRef::Int(i) => Ok(i as f64),
            other => Err(format!("väntade ett tal, fick {other:?}")),
        }
    }
}
impl FromValue for String {
    fn from_value(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        match v {
            ValueRef::Text(s) => Ok(s.to_string()),
            other => Err(format!("väntade en text, fick {other:?}")),
        }
    }
}
impl FromValue for Vec<u8> {
    fn from_value(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        match v {
            ValueRef::Blob(b) => Ok(b.to_vec()),
            ValueRef::Text(s) => Ok(s.as_bytes().to_vec()),
            other => Err(format!("väntade binära data, fick {other:?}")),
        }
    }
}

/// A row of a query's answer.
pub(crate) enum Row<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Pg(&'r postgres::Row),
}

/// A column's position (the store names columns by position only).
pub(crate) trait ColumnIndex {
    fn index(self) -> usize;
}
impl ColumnIndex for usize {
    fn index(self) -> usize {
        self
    }
}

impl Row<'_> {
    /// Column `i` as a `T`.
    pub(crate) fn get<I: ColumnIndex, T: FromValue>(&self, i: I) -> Result<T> {
        let i = i.index();
        T::from_value(self.value_ref(i)?).map_err(|e| type_error(i, e))
    }

    /// Column `i` as whatever it holds.
    pub(crate) fn value(&self, i: usize) -> Result<Value> {
        Ok(match self.value_ref(i)? {
            ValueRef::Null => Value::Null,
            ValueRef::Int(n) => Value::Int(n),
            ValueRef::Real(f) => Value::Real(f),
            ValueRef::Text(t) => Value::Text(t.to_string()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        })
    }

    /// Column `i` as text borrowed from the row (no copy).
    pub(crate) fn text(&self, i: usize) -> Result<&str> {
        match self.value_ref(i)? {
            ValueRef::Text(t) => Ok(t),
            other => Err(type_error(i, format!("väntade text, fick {other:?}"))),
        }
    }

    /// Column `i`, borrowed from the row, whichever database it came from.
    fn value_ref(&self, i: usize) -> Result<ValueRef<'_>> {
        match self {
            Row::Sqlite(r) => {
                use rusqlite::types::ValueRef as V;
                Ok(match r.get_ref(i)? {
                    V::Null => ValueRef::Null,
                    V::Integer(n) => ValueRef::Int(n),
                    V::Real(f) => ValueRef::Real(f),
                    V::Text(t) => ValueRef::Text(
                        std::str::from_utf8(t).map_err(|e| type_error(i, e.to_string()))?,
                    ),
                    V::Blob(b) => ValueRef::Blob(b),
                })
            }
            Row::Pg(r) => pg_value(r, i),
        }
    }
}

fn type_error(i: usize, e: String) -> StoreError {
    StoreError::Database(DbError::Type(format!("kolumn {i}: {e}")))
}

fn pg_value(r: &postgres::Row, i: usize) -> Result<ValueRef<'_>> {
    let Some(column) = r.columns().get(i) else {
        return Err(StoreError::Database(DbError::Type(format!(
            "kolumn {i} finns inte"
        ))));
    };
    let v = match *column.type_() {
        Type::INT8 => r.try_get::<_, Option<i64>>(i)?.map(ValueRef::Int),
        Type::INT4 => r
            .try_get::<_, Option<i32>>(i)?
            .map(|n| ValueRef::Int(n.into())),
        Type::INT2 => r
            .try_get::<_, Option<i16>>(i)?
            .map(|n| ValueRef::Int(n.into())),
        Type::BOOL => r
            .try_get::<_, Option<bool>>(i)?
            .map(|b| ValueRef::Int(b.into())),
        Type::FLOAT8 => r.try_get::<_, Option<f64>>(i)?.map(ValueRef::Real),
        Type::FLOAT4 => r
            .try_get::<_, Option<f32>>(i)?
            .map(|f| ValueRef::Real(f.into())),
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
            r.try_get::<_, Option<&str>>(i)?.map(ValueRef::Text)
        }
        Type::BYTEA => r.try_get::<_, Option<&[u8]>>(i)?.map(ValueRef::Blob),
        ref other => {
            return Err(StoreError::Database(DbError::Type(format!(
                "kolumn {} har typen {other}, som lagret inte läser",
                column.name()
            ))))
        }
    };
    Ok(v.unwrap_or(ValueRef::Null))
}

/// A PostgreSQL connection with the statements it has prepared (each text once). The
/// `postgres` client runs a small runtime of its own, which may not be started on a thread
/// that is inside another (the web server's): so the client lives on a thread of its own,
/// and the session hands it one job at a time.
pub(crate) struct PgSession {
    jobs: mpsc::Sender<Job>,
    answers: mpsc::Receiver<Answer>,
    statements: RefCell<HashMap<String, postgres::Statement>>,
    /// The server refused a statement in the current transaction.
    failed: std::cell::Cell<bool>,
}

enum Job {
    Prepare(String),
    Query(postgres::Statement, Vec<Value>),
    Execute(postgres::Statement, Vec<Value>),
    Batch(String),
}

enum Done {
    Statement(postgres::Statement),
    Rows(Vec<postgres::Row>),
    Count(u64),
    Nothing,
}

type Answer = std::result::Result<Done, postgres::Error>;

fn run(client: &mut postgres::Client, job: Job) -> Answer {
    Ok(match job {
        Job::Prepare(sql) => Done::Statement(client.prepare(&sql)?),
        Job::Query(st, values) => Done::Rows(client.query(&st, &args(&values))?),
        Job::Execute(st, values) => Done::Count(client.execute(&st, &args(&values))?),
        Job::Batch(sql) => {
            client.batch_execute(&sql)?;
            Done::Nothing
        }
    })
}

fn args(values: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

fn gone() -> StoreError {
    StoreError::Database(DbError::Unavailable(
        "anslutningen till PostgreSQL bröts".into(),
    ))
}

impl PgSession {
    /// Connects, on a thread of the session's own.
    pub(crate) fn connect(config: &postgres::Config, tls: &crate::pg::Tls) -> Result<PgSession> {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (answer_tx, answers) = mpsc::channel::<Answer>();
        let config = config.clone();
        let tls = tls.clone();
        std::thread::Builder::new()
            .name("paragraf-pg".into())
            .spawn(move || {
                let connected = match tls {
                    crate::pg::Tls::Off => config.connect(postgres::NoTls),
                    crate::pg::Tls::Verified(connector) => config.connect(connector),
                };
                let mut client = match connected {
                    Ok(c) => {
                        let _ = answer_tx.send(Ok(Done::Nothing));
                        c
                    }
                    Err(e) => {
                        let _ = answer_tx.send(Err(e));
                        return;
                    }
                };
                while let Ok(job) = job_rx.recv() {
                    if answer_tx.send(run(&mut client, job)).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| StoreError::Rule(format!("kunde inte starta en tråd: {e}")))?;
        match answers.recv() {
            Ok(Ok(_)) => Ok(PgSession {
                jobs,
                answers,
                statements: RefCell::new(HashMap::new()),
                failed: std::cell::Cell::new(false),
            }),
            Ok(Err(e)) => Err(StoreError::Database(DbError::Unavailable(format!(
                "kunde inte ansluta till PostgreSQL: {}",
                pg_message(&e)
            )))),
            Err(_) => Err(gone()),
        }
    }

    fn ask(&self, job: Job) -> Result<Done> {
        self.jobs.send(job).map_err(|_| gone())?;
        let answer = self.answers.recv().map_err(|_| gone())?;
        if answer.is_err() {
            // The server refused a statement: the transaction, if any, is aborted, and a
            // COMMIT would quietly roll it back (see `PgPool::transaction`).
            self.failed.set(true);
        }
        Ok(answer?)
    }

    /// Whether the server refused a statement since the last [`PgSession::reset`].
    pub(crate) fn failed(&self) -> bool {
        self.failed.get()
    }

    /// Sets what [`PgSession::failed`] says: `false` when a transaction begins, and back to
    /// what it was when a savepoint is rolled back (the refusal went with it).
    pub(crate) fn set_failed(&self, failed: bool) {
        self.failed.set(failed);
    }

    /// Runs statements separated by `;`, without parameters.
    pub(crate) fn batch(&self, sql: &str) -> Result<()> {
        self.ask(Job::Batch(sql.to_string())).map(|_| ())
    }

    /// The first column of the first row of `sql` (with `?N` parameters), as an integer.
    pub(crate) fn one_int(&self, sql: &str, values: &[Value]) -> Result<i64> {
        let st = self.prepare(sql)?;
        match self.rows(&st, values)?.first() {
            Some(r) => Row::Pg(r).get(0),
            None => Err(StoreError::Database(DbError::NoRows)),
        }
    }

    fn prepare(&self, sql: &str) -> Result<postgres::Statement> {
        if let Some(st) = self.statements.borrow().get(sql) {
            return Ok(st.clone());
        }
        let Done::Statement(st) = self.ask(Job::Prepare(dollar_params(sql)))? else {
            return Err(gone());
        };
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), st.clone());
        Ok(st)
    }

    fn rows(&self, st: &postgres::Statement, values: &[Value]) -> Result<Vec<postgres::Row>> {
        match self.ask(Job::Query(st.clone(), values.to_vec()))? {
            Done::Rows(rows) => Ok(rows),
            _ => Err(gone()),
        }
    }

    fn execute(&self, st: &postgres::Statement, values: &[Value]) -> Result<usize> {
        match self.ask(Job::Execute(st.clone(), values.to_vec()))? {
            Done::Count(n) => Ok(n as usize),
            _ => Err(gone()),
        }
    }
}

/// SQLite's `?N` parameters as PostgreSQL's `$N`, outside quoted text.
pub(crate) fn dollar_params(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    for ch in sql.chars() {
        match ch {
            '\'' => {
                quoted = !quoted;
                out.push(ch);
            }
            '?' if !quoted => out.push('$'),
            _ => out.push(ch),
        }
    }
    out
}

/// The database of a connection.
#[derive(Clone, Copy)]
pub(crate) enum Handle<'a> {
    Sqlite(&'a rusqlite::Connection),
    Pg(&'a PgSession),
}

/// A connection inside a transaction that the caller owns, with the store's clock: the
/// store's operations run on it.
pub(crate) struct Conn<'a>(pub(crate) Handle<'a>, pub(crate) &'a dyn Clock);

impl Conn<'_> {
    /// Now, by the store's clock, as stored (UTC, RFC 3339 with milliseconds).
    pub(crate) fn now_text(&self) -> String {
        self.1
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    }

    /// On PostgreSQL (for the few statements the two databases spell differently).
    pub(crate) fn is_postgres(&self) -> bool {
        matches!(self.0, Handle::Pg(_))
    }

    /// A statement, prepared once per connection.
    pub(crate) fn prepare_cached(&self, sql: &str) -> Result<Stmt<'_>> {
        Ok(match self.0 {
            Handle::Sqlite(c) => Stmt::Sqlite(c.prepare_cached(sql)?),
            Handle::Pg(s) => Stmt::Pg(s, s.prepare(sql)?),
        })
    }

    /// The same as [`Conn::prepare_cached`].
    pub(crate) fn prepare(&self, sql: &str) -> Result<Stmt<'_>> {
        self.prepare_cached(sql)
    }

    /// Runs one statement; how many rows it changed.
    pub(crate) fn execute(&self, sql: &str, p: impl Params) -> Result<usize> {
        self.prepare_cached(sql)?.execute(p)
    }

    /// The first row of a query, through `f`; [`OptionalExtension::optional`] for none.
    pub(crate) fn query_row<T>(
        &self,
        sql: &str,
        p: impl Params,
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.prepare_cached(sql)?.query_row(p, f)
    }

    /// Runs statements separated by `;`, without parameters.
    pub(crate) fn execute_batch(&self, sql: &str) -> Result<()> {
        match self.0 {
            Handle::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Handle::Pg(s) => s.batch(sql),
        }
    }

    /// The id the last insert on this connection gave its row.
    pub(crate) fn last_insert_rowid(&self) -> Result<i64> {
        match self.0 {
            Handle::Sqlite(c) => Ok(c.last_insert_rowid()),
            Handle::Pg(_) => self.query_row("SELECT lastval()", params![], |r| r.get(0)),
        }
    }
}

/// A prepared statement.
pub(crate) enum Stmt<'c> {
    Sqlite(rusqlite::CachedStatement<'c>),
    Pg(&'c PgSession, postgres::Statement),
}

impl rusqlite::ToSql for ValueRef<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef as V};
        Ok(ToSqlOutput::Borrowed(match *self {
            ValueRef::Null => V::Null,
            ValueRef::Int(i) => V::Integer(i),
            ValueRef::Real(f) => V::Real(f),
            ValueRef::Text(s) => V::Text(s.as_bytes()),
            ValueRef::Blob(b) => V::Blob(b),
        }))
    }
}

impl ValueRef<'_> {
    fn to_owned_value(self) -> Value {
        match self {
            ValueRef::Null => Value::Null,
            ValueRef::Int(i) => Value::Int(i),
            ValueRef::Real(f) => Value::Real(f),
            ValueRef::Text(s) => Value::Text(s.to_string()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        }
    }
}

impl<'c> Stmt<'c> {
    /// Runs it with borrowed values (a bulk write's rows, bound without a copy on SQLite);
    /// how many rows it changed.
    pub(crate) fn execute_borrowed(&mut self, values: &[ValueRef<'_>]) -> Result<usize> {
        match self {
            Stmt::Sqlite(st) => Ok(st.execute(rusqlite::params_from_iter(values.iter()))?),
            Stmt::Pg(s, st) => {
                let owned: Vec<Value> = values.iter().map(|v| v.to_owned_value()).collect();
                s.execute(st, &owned)
            }
        }
    }

    /// Runs it; how many rows it changed.
    pub(crate) fn execute(&mut self, p: impl Params) -> Result<usize> {
        let values = p.values();
        match self {
            Stmt::Sqlite(st) => Ok(st.execute(rusqlite::params_from_iter(values.iter()))?),
            Stmt::Pg(s, st) => s.execute(st, &values),
        }
    }

    /// The first row, through `f`.
    pub(crate) fn query_row<T>(
        &mut self,
        p: impl Params,
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        let values = p.values();
        match self {
            Stmt::Sqlite(st) => {
                let mut rows = st.query(rusqlite::params_from_iter(values.iter()))?;
                match rows.next()? {
                    Some(r) => f(&Row::Sqlite(r)),
                    None => Err(StoreError::Database(DbError::NoRows)),
                }
            }
            Stmt::Pg(s, st) => {
                let rows = s.rows(st, &values)?;
                match rows.first() {
                    Some(r) => f(&Row::Pg(r)),
                    None => Err(StoreError::Database(DbError::NoRows)),
                }
            }
        }
    }

    /// Every row, through `f`, as they are read.
    pub(crate) fn query_map<T, F>(&mut self, p: impl Params, f: F) -> Result<MappedRows<'_, F>>
    where
        F: FnMut(&Row<'_>) -> Result<T>,
    {
        let values = p.values();
        Ok(match self {
            Stmt::Sqlite(st) => {
                MappedRows::Sqlite(st.query(rusqlite::params_from_iter(values.iter()))?, f)
            }
            Stmt::Pg(s, st) => MappedRows::Pg(s.rows(st, &values)?.into_iter(), f),
        })
    }
}

/// The rows of a query, each through a function.
pub(crate) enum MappedRows<'s, F> {
    Sqlite(rusqlite::Rows<'s>, F),
    Pg(std::vec::IntoIter<postgres::Row>, F),
}

impl<T, F> Iterator for MappedRows<'_, F>
where
    F: FnMut(&Row<'_>) -> Result<T>,
{
    type Item = Result<T>;
    fn next(&mut self) -> Option<Result<T>> {
        match self {
            MappedRows::Sqlite(rows, f) => match rows.next() {
                Ok(Some(r)) => Some(f(&Row::Sqlite(r))),
                Ok(None) => None,
                Err(e) => Some(Err(e.into())),
            },
            MappedRows::Pg(rows, f) => rows.next().map(|r| f(&Row::Pg(&r))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::dollar_params;

    #[test]
    fn numbered_parameters_become_dollars_outside_quotes() {
        assert_eq!(
            dollar_params("SELECT a FROM t WHERE b = ?1 AND c = '?' AND d IN (?2, ?10)"),
            "SELECT a FROM t WHERE b = $1 AND c = '?' AND d IN ($2, $10)"
        );
    }
}
