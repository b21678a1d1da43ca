//! Delegation in SQLite: versions of the delegationsordning, the delegation decisions the
//! units report (one file one transaction, each file once), the roles register and the
//! vidaredelegation list.

use crate::sql::{params, Conn, OptionalExtension};
use chrono::{Datelike, NaiveDate};
use paragraf_core::delegation::{
    DecisionCount, DecisionRow, DelegationOrder, FurtherDelegation, LevelNumber, Outcome,
    RoleHolder,
};
use paragraf_core::ids::MeetingId;
use serde::Serialize;

use crate::sqlite::Db;
use crate::{Result, StoreError};

/// A stored version of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredOrder {
    /// Its number in the store (versions of all orders share one series).
    pub id: i64,
    /// When it was imported (UTC, RFC 3339).
    pub imported_at: String,
    /// The file it came from.
    pub source: Option<String>,
    /// The order.
    pub order: DelegationOrder,
}

/// A file of decisions as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionImport {
    /// Its number.
    pub id: i64,
    /// SHA-256 of the file's bytes.
    pub sha256: String,
    /// The file's name.
    pub file: String,
    /// Rows stored.
    pub rows: usize,
    /// When.
    pub imported_at: String,
}

/// Stores one row of a decision file, with its line.
pub type PutDecision<'a> = dyn FnMut(u64, &DecisionRow) -> Result<()> + 'a;
/// Reads a decision file, handing each row to the [`PutDecision`] it is given.
pub type ReadDecisions<'a> = dyn FnMut(&mut PutDecision<'_>) -> Result<()> + 'a;

/// Delegation data.
pub trait DelegationStore {
    /// Stores a new version of an order (checked by the core first).
    fn add_order(&self, order: &DelegationOrder, source: Option<&str>) -> Result<StoredOrder>;
    /// Every stored version, oldest first.
    fn orders(&self) -> Result<Vec<StoredOrder>>;
    /// The latest stored version with this title, if any.
    fn latest_order(&self, title: &str) -> Result<Option<StoredOrder>>;
    /// Stores the rows of one file in ONE transaction, `(line, row)` each. A file whose
    /// bytes (by SHA-256) were imported before is refused and nothing is written.
    fn add_decisions(
        &self,
        file: &str,
        sha256: &str,
        rows: &[(u64, DecisionRow)],
    ) -> Result<DecisionImport> {
        self.import_decision_rows(file, sha256, &mut |put| {
            rows.iter().try_for_each(|(line, row)| put(*line, row))
        })
    }
    /// [`add_decisions`](Self::add_decisions) for a file read a row at a time: `run` hands
    /// each row to the function it is given; when `run` fails nothing is stored.
    fn import_decision_rows(
        &self,
        file: &str,
        sha256: &str,
        run: &mut ReadDecisions<'_>,
    ) -> Result<DecisionImport>;
    /// The decisions dated from `from` to `to`, by date and id.
    fn decisions(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DecisionRow>> {
        Ok(self
            .decisions_reported(from, to)?
            .into_iter()
            .map(|(row, _)| row)
            .collect())
    }
    /// How many decisions dated from `from` to `to` each unit took of each type under each
    /// item with each outcome, counted by the database.
    fn decision_counts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DecisionCount>>;
    /// The decisions dated from `from` to `to` with the meeting each was anmält at, if any.
    fn decisions_reported(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(DecisionRow, Option<MeetingId>)>>;

    /// Adds holders of roles, in one transaction.
    fn add_role_holders(&self, holders: &[RoleHolder]) -> Result<()>;
    /// The roles register.
    fn role_holders(&self) -> Result<Vec<RoleHolder>>;
    /// Adds vidaredelegation rows, in one transaction.
    fn add_further_delegations(&self, rows: &[FurtherDelegation]) -> Result<()>;
    /// The vidaredelegation list.
    fn further_delegations(&self) -> Result<Vec<FurtherDelegation>>;
}

fn date(what: &'static str, s: &str) -> Result<NaiveDate> {
    s.parse()
        .map_err(|e: chrono::ParseError| StoreError::Corrupt {
            what,
            id: s.to_string(),
            reason: e.to_string(),
        })
}

fn opt_date(what: &'static str, s: Option<String>) -> Result<Option<NaiveDate>> {
    s.map(|s| date(what, &s)).transpose()
}

fn order_from(id: i64, at: String, source: Option<String>, json: &str) -> Result<StoredOrder> {
    let order: DelegationOrder = serde_json::from_str(json).map_err(|e| StoreError::Corrupt {
        what: "delegationsordning",
        id: id.to_string(),
        reason: e.to_string(),
    })?;
    Ok(StoredOrder {
        id,
        imported_at: at,
        source,
        order,
    })
}

fn read_orders(c: &Conn<'_>, title: Option<&str>) -> Result<Vec<StoredOrder>> {
    let mut stmt = c.prepare_cached(
        "SELECT id, imported_at, source, data_json FROM delegation_orders
         WHERE CAST(?1 AS TEXT) IS NULL OR title = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([title], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, at, source, json) = row?;
        out.push(order_from(id, at, source, &json)?);
    }
    Ok(out)
}

/// (person or item, role, from, to).
type PeriodRow = (String, String, NaiveDate, Option<NaiveDate>);

fn periods(c: &Conn<'_>, table: &str) -> Result<Vec<PeriodRow>> {
    let (a, b) = if table == "delegation_role_holders" {
        ("person", "role")
    } else {
        ("item", "role")
    };
    let mut stmt = c.prepare_cached(&format!(
        "SELECT {a}, {b}, from_date, to_date FROM {table} ORDER BY id"
    ))?;
    let rows = stmt.query_map(params![], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (x, y, f, t) = row?;
        out.push((x, y, date("period", &f)?, opt_date("period", t)?));
    }
    Ok(out)
}

impl<D: Db> DelegationStore for D {
    fn add_order(&self, order: &DelegationOrder, source: Option<&str>) -> Result<StoredOrder> {
        if let Some(e) = order.validate().into_iter().next() {
            return Err(StoreError::Rule(e.to_string()));
        }
        let json = serde_json::to_string(order).map_err(|e| StoreError::Rule(e.to_string()))?;
        self.write(|c| {
            let at = c.now_text();
            c.execute(
                "INSERT INTO delegation_orders
                     (title, case_number, effective_from, revised, valid_until, source, data_json, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    order.title,
                    order.case_number,
                    order.effective_from().map(|d| d.to_string()),
                    order.revised.map(|d| d.to_string()),
                    order.valid_until.map(|d| d.to_string()),
                    source,
                    json,
                    at
                ],
            )?;
            Ok(StoredOrder {
                id: c.last_insert_rowid()?,
                imported_at: at,
                source: source.map(str::to_string),
                order: order.clone(),
            })
        })
    }

    fn orders(&self) -> Result<Vec<StoredOrder>> {
        self.read(|c| read_orders(c, None))
    }

    fn latest_order(&self, title: &str) -> Result<Option<StoredOrder>> {
        self.read(|c| Ok(read_orders(c, Some(title))?.pop()))
    }

    fn import_decision_rows(
        &self,
        file: &str,
        sha256: &str,
        run: &mut ReadDecisions<'_>,
    ) -> Result<DecisionImport> {
        self.write(|c| {
            let before: Option<(String, String)> = c
                .query_row(
                    "SELECT file, imported_at FROM delegation_imports WHERE sha256 = ?1",
                    [sha256],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((f, at)) = before {
                return Err(StoreError::Conflict(format!(
                    "samma fil (med samma innehåll) lästes redan in {at} som {f}; inget har sparats"
                )));
            }
            let at = c.now_text();
            c.execute(
                "INSERT INTO delegation_imports (sha256, file, rows, imported_at) VALUES (?1, ?2, 0, ?3)",
                params![sha256, file, at],
            )?;
            let import_id = c.last_insert_rowid()?;
            let mut stmt = c.prepare_cached(
                "INSERT INTO delegation_decisions
                     (import_id, line, item, level, day, decided_by, role, unit, decision, outcome)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut rows = 0usize;
            let mut put = |line: u64, r: &DecisionRow| {
                use crate::sql::ValueRef as V;
                stmt.execute_borrowed(&[
                    V::Int(import_id),
                    V::Int(line as i64),
                    V::Text(&r.item),
                    r.level.as_ref().map_or(V::Null, |l| V::Text(&l.0)),
                    V::Int(day(r.date)),
                    V::Text(&r.decided_by),
                    V::Text(&r.role),
                    V::Text(&r.unit),
                    V::Text(&r.decision),
                    V::Text(r.outcome.swedish()),
                ])?;
                rows += 1;
                Ok(())
            };
            crate::sqlite::with_cache(c, 16, || run(&mut put))?;
            c.execute(
                "UPDATE delegation_imports SET rows = ?2 WHERE id = ?1",
                params![import_id, rows as i64],
            )?;
            Ok(DecisionImport {
                id: import_id,
                sha256: sha256.to_string(),
                file: file.to_string(),
                rows,
                imported_at: at,
            })
        })
    }

    fn decision_counts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DecisionCount>> {
        self.read(|c| {
            // PostgreSQL counts by hashing. SQLite would sort a million keys to group them, so
            // it hands over the rows — by a scan: the date index would fetch them at random —
            // and they are counted here, borrowed from the row, a string made only for a key
            // not seen before. Either way equal keys are summed below.
            let mut stmt = c.prepare_cached(if c.is_postgres() {
                "SELECT unit, decision, item, outcome, COUNT(*) FROM delegation_decisions
                 WHERE day >= ?1 AND day <= ?2 GROUP BY unit, decision, item, outcome"
            } else {
                "SELECT unit, decision, item, outcome, 1 FROM delegation_decisions
                 WHERE +day >= ?1 AND +day <= ?2"
            })?;
            let mut counts: std::collections::HashMap<String, u64> = Default::default();
            let mut key = String::new();
            for row in stmt.query_map(params![day(from), day(to)], |r| {
                key.clear();
                for i in 0..4 {
                    key.push_str(r.text(i)?);
                    key.push('\u{1f}');
                }
                let n = u64::try_from(r.get::<_, i64>(4)?).unwrap_or(0);
                match counts.get_mut(key.as_str()) {
                    Some(count) => *count += n,
                    None => {
                        counts.insert(key.clone(), n);
                    }
                }
                Ok(())
            })? {
                row?;
            }
            counts
                .into_iter()
                .map(|(key, count)| {
                    let mut parts = key.split('\u{1f}').map(str::to_string);
                    let mut next = || parts.next().unwrap_or_default();
                    let (unit, decision, item, outcome) = (next(), next(), next(), next());
                    let outcome = Outcome::parse(&outcome).map_err(|e| StoreError::Corrupt {
                        what: "delegationsbeslut",
                        id: item.clone(),
                        reason: e.to_string(),
                    })?;
                    Ok(DecisionCount {
                        unit,
                        decision,
                        item,
                        outcome,
                        count,
                    })
                })
                .collect()
        })
    }

    fn decisions_reported(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(DecisionRow, Option<MeetingId>)>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT item, level, day, decided_by, role, unit, decision, outcome, reported_at
                 FROM delegation_decisions WHERE day >= ?1 AND day <= ?2 ORDER BY day, id",
            )?;
            let rows = stmt.query_map(params![day(from), day(to)], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, Option<i64>>(8)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (item, level, d, decided_by, role, unit, decision, outcome, reported) = row?;
                let date = from_day(&item, d)?;
                let outcome = Outcome::parse(&outcome).map_err(|e| StoreError::Corrupt {
                    what: "delegationsbeslut",
                    id: item.clone(),
                    reason: e.to_string(),
                })?;
                out.push((
                    DecisionRow {
                        item,
                        level: level.map(|l| LevelNumber::new(&l)),
                        date,
                        decided_by,
                        role,
                        unit,
                        decision,
                        outcome,
                    },
                    reported.map(MeetingId),
                ));
            }
            Ok(out)
        })
    }

    fn add_role_holders(&self, holders: &[RoleHolder]) -> Result<()> {
        self.write(|c| {
            for h in holders {
                c.execute(
                    "INSERT INTO delegation_role_holders (person, role, from_date, to_date) VALUES (?1, ?2, ?3, ?4)",
                    params![h.person, h.role, h.from.to_string(), h.to.map(|d| d.to_string())],
                )?;
            }
            Ok(())
        })
    }

    fn role_holders(&self) -> Result<Vec<RoleHolder>> {
        self.read(|c| {
            Ok(periods(c, "delegation_role_holders")?
                .into_iter()
                .map(|(person, role, from, to)| RoleHolder {
                    person,
                    role,
                    from,
                    to,
                })
                .collect())
        })
    }

    fn add_further_delegations(&self, rows: &[FurtherDelegation]) -> Result<()> {
        self.write(|c| {
            for f in rows {
                c.execute(
                    "INSERT INTO delegation_further (item, role, from_date, to_date) VALUES (?1, ?2, ?3, ?4)",
                    params![f.item, f.role, f.from.to_string(), f.to.map(|d| d.to_string())],
                )?;
            }
            Ok(())
        })
    }

    fn further_delegations(&self) -> Result<Vec<FurtherDelegation>> {
        self.read(|c| {
            Ok(periods(c, "delegation_further")?
                .into_iter()
                .map(|(item, role, from, to)| FurtherDelegation {
                    item,
                    role,
                    from,
                    to,
                })
                .collect())
        })
    }
}

/// Anmäler at `meeting` the decisions dated from `from` to `to` not reported before.
pub(crate) fn report_decisions(
    c: &Conn<'_>,
    from: NaiveDate,
    to: NaiveDate,
    meeting: MeetingId,
) -> Result<usize> {
    c.execute(
        "UPDATE delegation_decisions SET reported_at = ?3
         WHERE day >= ?1 AND day <= ?2 AND reported_at IS NULL",
        params![day(from), day(to), meeting.0],
    )
}

/// A decision's date as the store keeps it: its day number (days from the Common Era,
/// 0001-01-01 = 1), compared as an integer by the index.
fn day(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// The date of a stored day number.
fn from_day(item: &str, n: i64) -> Result<NaiveDate> {
    i32::try_from(n)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| StoreError::Corrupt {
            what: "delegationsbeslut",
            id: item.to_string(),
            reason: format!("ogiltigt dagnummer {n}"),
        })
}
