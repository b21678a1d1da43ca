//! The register of ej verkställda beslut in SQLite, and its audit log. Every change is logged
//! with the value before; every read of rows is logged too, since the rows are about
//! individuals (OSL 26 kap. 1 §). An import of a file is one entry of the log (the file's
//! checksum and the counts): the decisions it created name it, those it changed keep their
//! value before in `unenforced_history`, and [`UnenforcedStore::unenforced_audit`] of one
//! decision tells both as that decision's history.

use crate::sql::{params, OptionalExtension, Row, Stmt, Value};
use chrono::NaiveDate;
use paragraf_core::ids::MeetingId;
use paragraf_core::unenforced::decision::{Closure, Gender, Reason};
use paragraf_core::unenforced::{DecisionId, GrantedDecision};
use serde::Serialize;

use crate::sqlite::{Conn, Db};
use crate::{Result, StoreError};

/// The audit log's name for a decision in the register.
pub const ENTITY: &str = "ej_verkställt_beslut";

/// What an upsert did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct UpsertSummary {
    /// New decisions.
    pub inserted: usize,
    /// Decisions that changed.
    pub updated: usize,
    /// Decisions given again with the same facts.
    pub unchanged: usize,
}

/// One line of the audit log (granskningslogg).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRecord {
    /// Its number.
    pub id: i64,
    /// When (UTC, RFC 3339).
    pub at: String,
    /// Who.
    pub actor: String,
    /// skapa, ändra or läsa.
    pub action: String,
    /// On what kind of thing.
    pub entity: String,
    /// Its id; `None` for a read of the whole register.
    pub entity_id: Option<String>,
    /// Before, as JSON.
    pub before_json: Option<String>,
    /// After, as JSON (for a read: how many rows were read).
    pub after_json: Option<String>,
}

/// The register of favourable decisions not carried out, with its audit log.
pub trait UnenforcedStore {
    /// Inserts or updates `decisions` (by id) in ONE transaction: all are stored or, if any
    /// is refused, none. Each insert and each change is logged with `actor`.
    fn upsert_decisions(&self, actor: &str, decisions: &[GrantedDecision])
        -> Result<UpsertSummary>;
    /// Imports a file into the register in ONE transaction: `run` reads the file and hands
    /// each decision to the [`RegisterImport`]; when it returns an error nothing is stored
    /// (and the error is returned). Logged as one entry naming `source` and the counts.
    fn import_decisions(
        &self,
        actor: &str,
        source: &ImportSource,
        run: &mut dyn FnMut(&mut dyn RegisterImport) -> Result<()>,
    ) -> Result<UpsertSummary>;
    /// Adds one decision; an id already in the register is refused.
    fn add_decision(&self, actor: &str, decision: &GrantedDecision) -> Result<()>;
    /// Every decision, by decision date and id. The read is logged.
    fn unenforced_decisions(&self, actor: &str) -> Result<Vec<GrantedDecision>>;

    /// The decisions that can count in a report over `from..=to` (a report date: `from` =
    /// `to`), by decision date and id; the read is logged. Left out are only those that
    /// cannot ([`paragraf_core::unenforced::rules::may_count_in`]): decided after `to`,
    /// closed on or before `from`, or carried out on or before `from` without an
    /// interruption.
    fn unenforced_in_period(
        &self,
        actor: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<GrantedDecision>>;
    /// One decision. The read is logged.
    fn unenforced_decision(&self, actor: &str, id: &DecisionId) -> Result<Option<GrantedDecision>>;
    /// The audit log of the register, oldest first; of one decision when `id` is given.
    fn unenforced_audit(&self, id: Option<&DecisionId>) -> Result<Vec<AuditRecord>>;
    /// Records the statistics of `date` (aggregates only, as JSON) as placed before the
    /// nämnd at `meeting`; the same date and meeting again replaces them.
    fn record_presented(
        &self,
        date: NaiveDate,
        meeting: MeetingId,
        report_json: &str,
    ) -> Result<()>;
    /// Every statistics placed before a nämnd: date, meeting and aggregates (JSON), by date.
    fn presented(&self) -> Result<Vec<(NaiveDate, MeetingId, String)>>;
}

/// The file an import read: its name and SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSource {
    /// The file's name, as the user gave it.
    pub file: String,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
}

/// An import in progress (see [`UnenforcedStore::import_decisions`]).
pub trait RegisterImport {
    /// The decision stored under `id` before this import.
    fn stored(&mut self, id: &DecisionId) -> Result<Option<GrantedDecision>>;
    /// Stores `d` (checked again here). What it replaces is the store's own reading (the
    /// caller is not trusted with it): a change keeps the value before in the history; an
    /// id given twice in one file is refused.
    fn put(&mut self, d: &GrantedDecision) -> Result<()>;
}

/// The action of the log entry of an import.
pub const IMPORT_ACTION: &str = "läsa-in";

/// An import's statements, prepared once for all its rows.
struct Import<'c> {
    lookup: Stmt<'c>,
    insert: Stmt<'c>,
    write: Stmt<'c>,
    history: Stmt<'c>,
    /// What [`RegisterImport::stored`] read last, for the `put` that follows it.
    last: Option<(DecisionId, Option<GrantedDecision>)>,
    /// The id the import's log entry will have.
    entry: i64,
    /// The register was empty when the import began: nothing to look up.
    empty: bool,
    summary: UpsertSummary,
}

impl RegisterImport for Import<'_> {
    fn stored(&mut self, id: &DecisionId) -> Result<Option<GrantedDecision>> {
        let found = if self.empty {
            None
        } else {
            lookup(&mut self.lookup, id.as_str())?
        };
        self.last = Some((id.clone(), found.clone()));
        Ok(found)
    }

    fn put(&mut self, d: &GrantedDecision) -> Result<()> {
        checked(d)?;
        let before = match self.last.take() {
            Some((id, found)) if id == d.id => found,
            _ if self.empty => None,
            _ => lookup(&mut self.lookup, d.id.as_str())?,
        };
        match before.as_ref() {
            Some(b) if b == d => self.summary.unchanged += 1,
            Some(b) => {
                self.history
                    .execute(params![d.id.as_str(), self.entry, to_json(b)?])?;
                write_row(&mut self.write, d, None)?;
                self.summary.updated += 1;
            }
            None => {
                // A plain insert: a row this import has written already is refused, never
                // overwritten unlogged.
                write_row(&mut self.insert, d, Some(self.entry)).map_err(|e| match e {
                    e if e.is_constraint() => StoreError::Conflict(format!(
                        "beslut {} finns två gånger i filen; inget har sparats",
                        d.id
                    )),
                    e => e,
                })?;
                self.summary.inserted += 1;
            }
        }
        Ok(())
    }
}

fn log(
    c: &Conn<'_>,
    actor: &str,
    action: &str,
    entity_id: Option<&str>,
    before: Option<&str>,
    after: Option<&str>,
) -> Result<()> {
    crate::accounts::append_audit(
        c,
        &crate::AuditEntry {
            at: c.now_text(),
            actor: actor.trim().to_string(),
            action: action.to_string(),
            entity: ENTITY.to_string(),
            entity_id: entity_id.map(str::to_string),
            before: before.map(str::to_string),
            after: after.map(str::to_string),
        },
    )
}

fn to_json(d: &GrantedDecision) -> Result<String> {
    serde_json::to_string(d).map_err(|e| StoreError::Rule(e.to_string()))
}

fn checked(d: &GrantedDecision) -> Result<()> {
    let errors = d.validate();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Rule(format!(
            "beslut {}: {}",
            d.id,
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        )))
    }
}

/// The columns a decision is read from, in [`from_row`]'s order (one list for every query).
macro_rules! columns {
    () => {
        "id, service, decision_date, gender, reason, reason_text, unit, enforced, closed, \
         closed_why, interruptions, offers, body_id"
    };
}

/// Writes a new row (a row already there is refused).
macro_rules! insert {
    () => {
        concat!(
            "INSERT INTO unenforced_decisions (",
            columns!(),
            ", created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
        )
    };
}

fn date(id: &str, field: &str, text: Option<String>) -> Result<Option<NaiveDate>> {
    text.map(|t| {
        t.parse().map_err(|_| StoreError::Corrupt {
            what: "ej verkställt beslut",
            id: id.to_string(),
            reason: format!("{field}: ogiltigt datum {t:?}"),
        })
    })
    .transpose()
}

fn list<T: serde::de::DeserializeOwned>(id: &str, text: Option<String>) -> Result<Vec<T>> {
    text.map_or(Ok(Vec::new()), |t| {
        serde_json::from_str(&t).map_err(|e| StoreError::Corrupt {
            what: "ej verkställt beslut",
            id: id.to_string(),
            reason: e.to_string(),
        })
    })
}

/// A decision from a row of `columns!()`, checked as a decision must be.
fn from_row(r: &Row<'_>) -> Result<GrantedDecision> {
    let id: String = r.get(0)?;
    let corrupt = |reason: String| StoreError::Corrupt {
        what: "ej verkställt beslut",
        id: id.clone(),
        reason,
    };
    let decision_id = DecisionId::new(&id).map_err(|e| corrupt(e.to_string()))?;
    let gender: String = r.get(3)?;
    let decided = date(&id, "beslutsdatum", Some(r.get(2)?))?.unwrap_or_default();
    let mut d = GrantedDecision::new(
        decision_id,
        &r.get::<_, String>(1)?,
        decided,
        Gender::parse(&gender).map_err(|e| corrupt(e.to_string()))?,
    );
    d.reason = r
        .get::<_, Option<u8>>(4)?
        .map(|c| Reason::try_from(c).map_err(|e| corrupt(e.to_string())))
        .transpose()?;
    d.reason_text = r.get(5)?;
    d.unit = r.get(6)?;
    d.enforced = date(&id, "verkställt", r.get(7)?)?;
    d.closed = date(&id, "avslutat", r.get(8)?)?.map(|date| Closure {
        date,
        why: r.get(9).ok().flatten(),
    });
    d.interruptions = list(&id, r.get(10)?)?;
    d.offers = list(&id, r.get(11)?)?;
    d.body = r.get::<_, Option<i64>>(12)?.map(paragraf_core::ids::BodyId);
    let errors = d.validate();
    if let Some(e) = errors.first() {
        return Err(corrupt(e.to_string()));
    }
    Ok(d)
}

const LOOKUP: &str = concat!(
    "SELECT ",
    columns!(),
    " FROM unenforced_decisions WHERE id = ?1"
);

fn existing(c: &Conn<'_>, id: &str) -> Result<Option<GrantedDecision>> {
    let mut st = c.prepare_cached(LOOKUP)?;
    lookup(&mut st, id)
}

fn lookup(st: &mut Stmt<'_>, id: &str) -> Result<Option<GrantedDecision>> {
    st.query_row([id], from_row).optional()
}

fn json_list<T: Serialize>(items: &[T]) -> Result<Option<String>> {
    if items.is_empty() {
        return Ok(None);
    }
    serde_json::to_string(items)
        .map(Some)
        .map_err(|e| StoreError::Rule(e.to_string()))
}

/// Writes a row, new or changed (a changed row keeps its `created_by`).
const WRITE: &str = concat!(
    insert!(),
    " ON CONFLICT (id) DO UPDATE SET
             service = excluded.service, decision_date = excluded.decision_date,
             gender = excluded.gender, reason = excluded.reason,
             reason_text = excluded.reason_text, unit = excluded.unit,
             enforced = excluded.enforced, closed = excluded.closed,
             closed_why = excluded.closed_why, interruptions = excluded.interruptions,
             offers = excluded.offers, body_id = excluded.body_id"
);

/// Writes `d` (a new row names `created_by`, the import that made it; a changed row keeps
/// its own).
fn store_row(c: &Conn<'_>, d: &GrantedDecision, created_by: Option<i64>) -> Result<()> {
    let mut st = c.prepare_cached(WRITE)?;
    write_row(&mut st, d, created_by)
}

fn write_row(st: &mut Stmt<'_>, d: &GrantedDecision, created_by: Option<i64>) -> Result<()> {
    st.execute(params![
        d.id.as_str(),
        d.service,
        d.decision_date.to_string(),
        d.gender.letter(),
        d.reason.map(|r| r.code()),
        d.reason_text,
        d.unit,
        d.enforced.map(|x| x.to_string()),
        d.closed.as_ref().map(|x| x.date.to_string()),
        d.closed.as_ref().and_then(|x| x.why.clone()),
        json_list(&d.interruptions)?,
        json_list(&d.offers)?,
        d.body.map(|b| b.0),
        created_by,
    ])?;
    Ok(())
}

fn upsert(c: &Conn<'_>, actor: &str, decisions: &[GrantedDecision]) -> Result<UpsertSummary> {
    let mut summary = UpsertSummary::default();
    for d in decisions {
        checked(d)?;
        let json = to_json(d)?;
        let id = d.id.as_str();
        match existing(c, id)? {
            Some(before) if before == *d => summary.unchanged += 1,
            Some(before) => {
                store_row(c, d, None)?;
                log(
                    c,
                    actor,
                    "ändra",
                    Some(id),
                    Some(&to_json(&before)?),
                    Some(&json),
                )?;
                summary.updated += 1;
            }
            None => {
                store_row(c, d, None)?;
                log(c, actor, "skapa", Some(id), None, Some(&json))?;
                summary.inserted += 1;
            }
        }
    }
    Ok(summary)
}

/// The log of one decision: its own entries, and the imports that created or changed it
/// (what an import changed to is the value before the next change, or the value now).
fn decision_log(c: &Conn<'_>, id: &str) -> Result<Vec<AuditRecord>> {
    let mut st = c.prepare_cached(
        "SELECT id, at, actor, action, entity, entity_id, before_json, after_json
           FROM audit_log WHERE entity = ?1 AND entity_id = ?2
         UNION ALL
         SELECT a.id, a.at, a.actor, 'skapa', a.entity, ?2, NULL, NULL
           FROM unenforced_decisions d JOIN audit_log a ON a.id = d.created_by
          WHERE d.id = ?2
         UNION ALL
         SELECT a.id, a.at, a.actor, 'ändra', a.entity, ?2, h.before_json, NULL
           FROM unenforced_history h JOIN audit_log a ON a.id = h.audit_id
          WHERE h.decision_id = ?2
         ORDER BY 1",
    )?;
    let mut out = st
        .query_map(params![ENTITY, id], record)?
        .collect::<Result<Vec<_>>>()?;
    let now = existing(c, id)?.map(|d| to_json(&d)).transpose()?;
    for i in 0..out.len() {
        let imported = out[i].action != "läsa" && out[i].after_json.is_none();
        if imported {
            out[i].after_json = out[i + 1..]
                .iter()
                .find_map(|e| e.before_json.clone())
                .or_else(|| now.clone());
        }
    }
    Ok(out)
}

fn record(r: &Row<'_>) -> Result<AuditRecord> {
    Ok(AuditRecord {
        id: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: r.get(3)?,
        entity: r.get(4)?,
        entity_id: r.get(5)?,
        before_json: r.get(6)?,
        after_json: r.get(7)?,
    })
}

/// The decisions `sql` selects (with `columns!()`), by decision date and id, their reading
/// logged by `actor` with what `detail` says of the count.
fn read_logged(
    c: &Conn<'_>,
    actor: &str,
    sql: &str,
    args: &[Value],
    detail: impl Fn(usize) -> String,
) -> Result<Vec<GrantedDecision>> {
    let mut stmt = c.prepare_cached(sql)?;
    let mut out = stmt
        .query_map(args, from_row)?
        .collect::<Result<Vec<_>>>()?;
    out.sort_unstable_by(|a, b| {
        (a.decision_date, a.id.as_str()).cmp(&(b.decision_date, b.id.as_str()))
    });
    log(c, actor, "läsa", None, None, Some(&detail(out.len())))?;
    Ok(out)
}

impl<D: Db> UnenforcedStore for D {
    fn upsert_decisions(
        &self,
        actor: &str,
        decisions: &[GrantedDecision],
    ) -> Result<UpsertSummary> {
        self.write(|c| upsert(c, actor, decisions))
    }

    fn import_decisions(
        &self,
        actor: &str,
        source: &ImportSource,
        run: &mut dyn FnMut(&mut dyn RegisterImport) -> Result<()>,
    ) -> Result<UpsertSummary> {
        if actor.trim().is_empty() {
            return Err(StoreError::Rule(
                "revisionsloggen kräver att det framgår vem som gör ändringen".into(),
            ));
        }
        self.write(|c| {
            // The write lock is held: the next entry of the log is this import's (on
            // PostgreSQL, taken from the log's sequence so that later entries follow it).
            let entry: i64 = c.query_row(
                if c.is_postgres() {
                    "SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))"
                } else {
                    "SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0),
                                COALESCE((SELECT max(id) FROM audit_log), 0)) + 1"
                },
                params![],
                |r| r.get(0),
            )?;
            let empty: bool = c.query_row(
                "SELECT CASE WHEN EXISTS (SELECT 1 FROM unenforced_decisions) THEN 0 ELSE 1 END",
                params![],
                |r| r.get(0),
            )?;
            let mut import = Import {
                lookup: c.prepare(LOOKUP)?,
                insert: c.prepare(insert!())?,
                write: c.prepare(WRITE)?,
                last: None,
                history: c.prepare(
                    "INSERT INTO unenforced_history (decision_id, audit_id, before_json)
                     VALUES (?1, ?2, ?3)",
                )?,
                entry,
                empty,
                summary: UpsertSummary::default(),
            };
            crate::sqlite::with_cache(c, 16, || run(&mut import))?;
            let summary = import.summary;
            drop(import);
            let after = serde_json::json!({
                "fil": source.file,
                "sha256": source.sha256,
                "rader": summary.inserted + summary.updated + summary.unchanged,
                "nya": summary.inserted,
                "ändrade": summary.updated,
                "oförändrade": summary.unchanged,
            });
            c.execute(
                "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before_json, after_json)
                 VALUES (?1, ?2, ?3, ?4, ?5, NULL, NULL, ?6)",
                params![entry, c.now_text(), actor.trim(), IMPORT_ACTION, ENTITY, after.to_string()],
            )?;
            Ok(summary)
        })
    }

    fn add_decision(&self, actor: &str, decision: &GrantedDecision) -> Result<()> {
        self.write(|c| {
            if existing(c, decision.id.as_str())?.is_some() {
                return Err(StoreError::Conflict(format!(
                    "beslut {} finns redan i registret; ändra det i stället",
                    decision.id
                )));
            }
            upsert(c, actor, std::slice::from_ref(decision)).map(|_| ())
        })
    }

    fn unenforced_in_period(
        &self,
        actor: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<GrantedDecision>> {
        self.write(|c| {
            // ISO dates compare as text.
            let sql = concat!(
                "SELECT ",
                columns!(),
                " FROM unenforced_decisions
                 WHERE decision_date <= ?2
                   AND (closed IS NULL OR closed > ?1)
                   AND (enforced IS NULL OR enforced > ?1 OR interruptions IS NOT NULL)"
            );
            let (from, to) = (from.to_string(), to.to_string());
            read_logged(c, actor, sql, params![from, to], |n| {
                format!("{{\"rader\":{n},\"från\":\"{from}\",\"till\":\"{to}\"}}")
            })
        })
    }

    fn unenforced_decisions(&self, actor: &str) -> Result<Vec<GrantedDecision>> {
        self.write(|c| {
            let sql = concat!("SELECT ", columns!(), " FROM unenforced_decisions");
            read_logged(c, actor, sql, params![], |n| format!("{{\"rader\":{n}}}"))
        })
    }

    fn unenforced_decision(&self, actor: &str, id: &DecisionId) -> Result<Option<GrantedDecision>> {
        self.write(|c| {
            let found = existing(c, id.as_str())?;
            log(
                c,
                actor,
                "läsa",
                Some(id.as_str()),
                None,
                Some(&format!("{{\"rader\":{}}}", usize::from(found.is_some()))),
            )?;
            Ok(found)
        })
    }

    fn unenforced_audit(&self, id: Option<&DecisionId>) -> Result<Vec<AuditRecord>> {
        self.read(|c| {
            if let Some(id) = id {
                return decision_log(c, id.as_str());
            }
            let mut stmt = c.prepare_cached(
                "SELECT id, at, actor, action, entity, entity_id, before_json, after_json
                 FROM audit_log WHERE entity = ?1 ORDER BY id",
            )?;
            let rows = stmt.query_map(params![ENTITY], record)?;
            rows.collect::<Result<Vec<_>>>()
        })
    }

    fn record_presented(
        &self,
        date: NaiveDate,
        meeting: MeetingId,
        report_json: &str,
    ) -> Result<()> {
        self.write(|c| {
            c.execute(
                "INSERT INTO unenforced_presented (report_date, meeting_id, report) VALUES (?1, ?2, ?3)
                 ON CONFLICT (report_date, meeting_id) DO UPDATE SET report = excluded.report",
                params![date.to_string(), meeting.0, report_json],
            )?;
            Ok(())
        })
    }

    fn presented(&self) -> Result<Vec<(NaiveDate, MeetingId, String)>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT report_date, meeting_id, report FROM unenforced_presented ORDER BY report_date, meeting_id",
            )?;
            let rows = st
                .query_map(params![], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?))
                })?
                .collect::<Result<Vec<_>>>()?;
            rows.into_iter()
                .map(|(d, m, j)| {
                    let date = d.parse().map_err(|_| StoreError::Corrupt {
                        what: "redovisad statistik",
                        id: d.clone(),
                        reason: "ogiltigt datum".into(),
                    })?;
                    Ok((date, MeetingId(m), j))
                })
                .collect()
        })
    }
}
