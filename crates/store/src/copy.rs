//! `db copy`: every row of a SQLite store into an empty PostgreSQL one, in one transaction
//! of the target, with the identity sequences moved past the copied ids (so that numbering
//! goes on where it stood: the counters of diarienummer, handlingar and § are rows, and
//! travel with the rest).

use std::collections::{BTreeMap, BTreeSet};

use crate::sql::{params, Conn, Value};
use crate::sqlite::{Backend, SqlStore};
use crate::{Result, StoreError};

/// Tables of the PostgreSQL schema that are its own (not copied): its bookkeeping, and the
/// failed logins (kept in memory on SQLite).
const OWN: &[&str] = &["paragraf_meta", "paragraf_schema", "login_failures"];

impl SqlStore {
    /// Copies every row of this SQLite store into `target`, a PostgreSQL store that must
    /// be empty, in one transaction of the target: all of it or nothing. Returns the rows
    /// copied per table.
    pub fn copy_into(&self, target: &SqlStore) -> Result<Vec<(String, usize)>> {
        if !matches!(self.backend, Backend::Sqlite(_)) {
            return Err(StoreError::Rule(
                "kopieringen läser från en SQLite-databas".into(),
            ));
        }
        if !matches!(target.backend, Backend::Postgres(_)) {
            return Err(StoreError::Rule(
                "kopieringen skriver till en PostgreSQL-databas".into(),
            ));
        }
        target.write(|t| {
            let target_tables = pg_tables(t)?;
            for table in &target_tables {
                let n: i64 =
                    t.query_row(&format!("SELECT count(*) FROM {table}"), params![], |r| {
                        r.get(0)
                    })?;
                if n > 0 {
                    return Err(StoreError::Conflict(format!(
                        "måldatabasen är inte tom: tabellen {table} har {n} rader; \
                         kopiera bara till en tom databas (eller ett tomt schema)"
                    )));
                }
            }
            self.read(|s| {
                let order = sqlite_tables_in_order(s)?;
                let source: BTreeSet<&String> = order.iter().collect();
                let wanted: BTreeSet<&String> = target_tables.iter().collect();
                if source != wanted {
                    return Err(StoreError::Rule(format!(
                        "tabellerna skiljer sig: bara i SQLite {:?}, bara i PostgreSQL {:?}",
                        source.difference(&wanted).collect::<Vec<_>>(),
                        wanted.difference(&source).collect::<Vec<_>>()
                    )));
                }
                let mut copied = Vec::new();
                for table in &order {
                    copied.push((table.clone(), copy_table(s, t, table)?));
                }
                move_sequences(t)?;
                Ok(copied)
            })
        })
    }
}

/// The tables of the PostgreSQL schema in use, but its own.
fn pg_tables(t: &Conn<'_>) -> Result<Vec<String>> {
    t.prepare_cached(
        "SELECT table_name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
         ORDER BY table_name",
    )?
    .query_map(params![], |r| r.get::<_, String>(0))?
    .filter(|name| !matches!(name, Ok(n) if OWN.contains(&n.as_str())))
    .collect()
}

/// The SQLite store's tables, each after the tables it refers to.
fn sqlite_tables_in_order(s: &Conn<'_>) -> Result<Vec<String>> {
    let tables: Vec<String> = s
        .prepare_cached(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )?
        .query_map(params![], |r| r.get(0))?
        .collect::<Result<_>>()?;
    let mut refers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for t in &tables {
        let to: BTreeSet<String> = s
            .prepare_cached("SELECT \"table\" FROM pragma_foreign_key_list(?1)")?
            .query_map([t.as_str()], |r| r.get(0))?
            .collect::<Result<_>>()?;
        refers.insert(t.clone(), to);
    }
    let mut order: Vec<String> = Vec::new();
    while order.len() < tables.len() {
        let before = order.len();
        for t in &tables {
            if !order.contains(t) && refers[t].iter().all(|r| r == t || order.contains(r)) {
                order.push(t.clone());
            }
        }
        if order.len() == before {
            return Err(StoreError::Rule(
                "tabellernas referenser går i ring; kopieringen kan inte ordna dem".into(),
            ));
        }
    }
    Ok(order)
}

/// Copies one table's rows, column by column as the target names them (SQLite's hidden
/// `rowid` where the target keeps it as a column). Returns how many.
fn copy_table(s: &Conn<'_>, t: &Conn<'_>, table: &str) -> Result<usize> {
    let target: Vec<String> = t
        .prepare_cached(
            "SELECT column_name FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = ?1
             ORDER BY ordinal_position",
        )?
        .query_map([table], |r| r.get(0))?
        .collect::<Result<_>>()?;
    let source: BTreeSet<String> = s
        .prepare_cached("SELECT name FROM pragma_table_info(?1)")?
        .query_map([table], |r| r.get(0))?
        .collect::<Result<_>>()?;
    for c in &target {
        if !source.contains(c) && c != "rowid" {
            return Err(StoreError::Rule(format!(
                "kolumnen {table}.{c} finns bara i PostgreSQL"
            )));
        }
    }
    if let Some(c) = source.iter().find(|c| !target.contains(c)) {
        return Err(StoreError::Rule(format!(
            "kolumnen {table}.{c} finns bara i SQLite"
        )));
    }
    let columns = target.join(", ");
    let marks = (1..=target.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut insert =
        t.prepare_cached(&format!("INSERT INTO {table} ({columns}) VALUES ({marks})"))?;
    // In the order written (a row referring to an earlier one of its table, such as a
    // nämnd's parent, comes after it), where the table has a rowid.
    let without_rowid: i64 = s.query_row("SELECT wr FROM pragma_table_list(?1)", [table], |r| {
        r.get(0)
    })?;
    let order = if without_rowid == 0 {
        " ORDER BY rowid"
    } else {
        ""
    };
    let mut read = s.prepare_cached(&format!("SELECT {columns} FROM {table}{order}"))?;
    let rows = read.query_map(params![], |r| {
        (0..target.len())
            .map(|i| r.value(i))
            .collect::<Result<Vec<Value>>>()
    })?;
    let mut n = 0;
    for row in rows {
        insert.execute(row?)?;
        n += 1;
    }
    Ok(n)
}

/// Moves every identity sequence past the largest id copied.
fn move_sequences(t: &Conn<'_>) -> Result<()> {
    let identities: Vec<(String, String)> = t
        .prepare_cached(
            "SELECT table_name, column_name FROM information_schema.columns
             WHERE table_schema = current_schema() AND is_identity = 'YES'",
        )?
        .query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_>>()?;
    for (table, column) in identities {
        t.execute_batch(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', '{column}'),
                           (SELECT COALESCE(max({column}), 0) + 1 FROM {table}), false)"
        ))?;
    }
    Ok(())
}
