//! The register of ej verkställda beslut in SQLite, and its audit log. Every change is logged
//! with the value before and after; every read of rows is logged too, since the rows are
//! about individuals (OSL 26 kap. 1 §).

use chrono::NaiveDate;
use paragraf_core::ids::MeetingId;
use paragraf_core::unenforced::{DecisionId, GrantedDecision};
use rusqlite::{params, OptionalExtension};
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
    /// Adds one decision; an id already in the register is refused.
    fn add_decision(&self, actor: &str, decision: &GrantedDecision) -> Result<()>;
    /// Every decision, by decision date and id. The read is logged.
    fn unenforced_decisions(&self, actor: &str) -> Result<Vec<GrantedDecision>>;
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

fn from_json(id: &str, s: &str) -> Result<GrantedDecision> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt {
        what: "ej verkställt beslut",
        id: id.to_string(),
        reason: e.to_string(),
    })
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

fn existing(c: &Conn<'_>, id: &str) -> Result<Option<String>> {
    Ok(c.query_row(
        "SELECT data_json FROM unenforced_decisions WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()?)
}

fn store_row(c: &Conn<'_>, d: &GrantedDecision, json: &str) -> Result<()> {
    c.execute(
        "INSERT INTO unenforced_decisions
             (id, service, decision_date, gender, reason, enforced, closed, data_json, updated_at, body_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (id) DO UPDATE SET
             service = excluded.service, decision_date = excluded.decision_date,
             gender = excluded.gender, reason = excluded.reason, enforced = excluded.enforced,
             closed = excluded.closed, data_json = excluded.data_json,
             updated_at = excluded.updated_at, body_id = excluded.body_id",
        params![
            d.id.as_str(),
            d.service,
            d.decision_date.to_string(),
            d.gender.letter(),
            d.reason.map(|r| r.code()),
            d.enforced.map(|x| x.to_string()),
            d.closed.as_ref().map(|x| x.date.to_string()),
            json,
            c.now_text(),
            d.body.map(|b| b.0),
        ],
    )?;
    Ok(())
}

fn upsert(c: &Conn<'_>, actor: &str, decisions: &[GrantedDecision]) -> Result<UpsertSummary> {
    let mut summary = UpsertSummary::default();
    for d in decisions {
        checked(d)?;
        let json = to_json(d)?;
        let id = d.id.as_str();
        match existing(c, id)? {
            Some(before) if before == json => summary.unchanged += 1,
            Some(before) => {
                store_row(c, d, &json)?;
                log(c, actor, "ändra", Some(id), Some(&before), Some(&json))?;
                summary.updated += 1;
            }
            None => {
                store_row(c, d, &json)?;
                log(c, actor, "skapa", Some(id), None, Some(&json))?;
                summary.inserted += 1;
            }
        }
    }
    Ok(summary)
}

impl<D: Db> UnenforcedStore for D {
    fn upsert_decisions(
        &self,
        actor: &str,
        decisions: &[GrantedDecision],
    ) -> Result<UpsertSummary> {
        self.write(|c| upsert(c, actor, decisions))
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

    fn unenforced_decisions(&self, actor: &str) -> Result<Vec<GrantedDecision>> {
        self.write(|c| {
            let mut stmt = c.prepare(
                "SELECT id, data_json FROM unenforced_decisions ORDER BY decision_date, id",
            )?;
            let rows =
                stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            let mut out = Vec::new();
            for row in rows {
                let (id, json) = row?;
                out.push(from_json(&id, &json)?);
            }
            log(
                c,
                actor,
                "läsa",
                None,
                None,
                Some(&format!("{{\"rader\":{}}}", out.len())),
            )?;
            Ok(out)
        })
    }

    fn unenforced_decision(&self, actor: &str, id: &DecisionId) -> Result<Option<GrantedDecision>> {
        self.write(|c| {
            let found = existing(c, id.as_str())?
                .map(|json| from_json(id.as_str(), &json))
                .transpose()?;
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
            let mut stmt = c.prepare(
                "SELECT id, at, actor, action, entity, entity_id, before_json, after_json
                 FROM audit_log
                 WHERE entity = ?1 AND (?2 IS NULL OR entity_id = ?2)
                 ORDER BY id",
            )?;
            let rows = stmt.query_map(params![ENTITY, id.map(|i| i.as_str())], |r| {
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
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
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
            let mut st = c.prepare(
                "SELECT report_date, meeting_id, report FROM unenforced_presented ORDER BY report_date, meeting_id",
            )?;
            let rows = st
                .query_map([], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
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
