//! Handlingarnas flöde in SQLite: members' private annotations on handlingar, and the
//! utskick (e-mail of a kallelse, protokollsutdrag by e-mail or post) as an outbox that a
//! sender works through, each try recorded.

use crate::sql::{params, OptionalExtension, Row};
use chrono::{DateTime, Utc};
use paragraf_core::ids::{CaseId, MeetingId};

use crate::sqlite::Db;
use crate::{Result, StoreError};

/// Anteckning: one user's private note on a handling.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Annotation {
    /// Id.
    pub id: i64,
    /// The user it belongs to.
    pub user: i64,
    /// The case of the handling.
    pub case: CaseId,
    /// Handlingsnummer.
    pub document: u32,
    /// The page the note is on, when given.
    pub page: Option<u32>,
    /// Markering: the words highlighted, when given.
    pub quote: Option<String>,
    /// The note.
    pub note: String,
    /// When it was written (UTC, RFC 3339).
    pub created: String,
}

/// What a user writes as an annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAnnotation {
    /// The user.
    pub user: i64,
    /// The case of the handling.
    pub case: CaseId,
    /// Handlingsnummer.
    pub document: u32,
    /// Page.
    pub page: Option<u32>,
    /// Markering.
    pub quote: Option<String>,
    /// The note.
    pub note: String,
}

/// Which utskick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum DispatchKind {
    /// Meddelande om kallelse (or a change of it, or a tilläggsärende).
    Notice,
    /// Protokollsutdrag after justering (expediering).
    Extract,
}

/// How it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum DispatchMethod {
    /// E-post.
    Email,
    /// Post: a letter, recorded when marked sent.
    Post,
}

/// Where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum DispatchStatus {
    /// Köad: waiting to be sent (again, after a failure, from `next_attempt`).
    Queued,
    /// Skickad.
    Sent,
    /// Misslyckad: given up after the last try.
    Failed,
}

impl DispatchKind {
    fn word(self) -> &'static str {
        match self {
            DispatchKind::Notice => "kallelse",
            DispatchKind::Extract => "utdrag",
        }
    }
}
impl DispatchMethod {
    /// The Swedish word.
    pub fn word(self) -> &'static str {
        match self {
            DispatchMethod::Email => "e-post",
            DispatchMethod::Post => "post",
        }
    }
}
impl DispatchStatus {
    /// The Swedish word.
    pub fn word(self) -> &'static str {
        match self {
            DispatchStatus::Queued => "köad",
            DispatchStatus::Sent => "skickad",
            DispatchStatus::Failed => "misslyckad",
        }
    }
}

/// Utskick: a message to one recipient, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Dispatch {
    /// Id.
    pub id: i64,
    /// The meeting.
    pub meeting: MeetingId,
    /// The § (an extract).
    pub paragraph: Option<u32>,
    /// Which.
    pub kind: DispatchKind,
    /// To whom (a person, a unit, an authority).
    pub recipient: String,
    /// The e-mail address (none by post).
    pub address: Option<String>,
    /// How.
    pub method: DispatchMethod,
    /// Ämne.
    pub subject: String,
    /// The text.
    pub text: String,
    /// The same as HTML.
    pub html: Option<String>,
    /// A file sent with it (relative to the data directory), and its name in the message.
    pub attachment: Option<(String, String)>,
    /// Where it is.
    pub status: DispatchStatus,
    /// Tries so far.
    pub attempts: u32,
    /// The last error, when a try failed.
    pub last_error: Option<String>,
    /// When to try again (UTC, RFC 3339).
    pub next_attempt: Option<String>,
    /// The Message-ID of the message sent.
    pub message_id: Option<String>,
    /// Queued at (UTC, RFC 3339).
    pub created: String,
    /// Queued by (a username).
    pub created_by: String,
    /// Sent at.
    pub sent: Option<String>,
}

/// What is queued; the store gives it its id, status and time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDispatch {
    /// The meeting.
    pub meeting: MeetingId,
    /// The §.
    pub paragraph: Option<u32>,
    /// Which.
    pub kind: DispatchKind,
    /// To whom.
    pub recipient: String,
    /// The e-mail address.
    pub address: Option<String>,
    /// How.
    pub method: DispatchMethod,
    /// Ämne.
    pub subject: String,
    /// Text.
    pub text: String,
    /// HTML.
    pub html: Option<String>,
    /// A file with it and its name.
    pub attachment: Option<(String, String)>,
    /// By whom.
    pub created_by: String,
}

/// One saved version of a case's tjänsteskrivelse.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoredMemo {
    /// Id.
    pub id: i64,
    /// The case.
    pub case: CaseId,
    /// Version, from 1.
    pub version: u32,
    /// What was written.
    pub memo: paragraf_core::memo::Memo,
    /// Who saved it (a username).
    pub author: String,
    /// When (UTC, RFC 3339).
    pub saved: String,
    /// Godkänd: by whom, when, and the handlingsnummer it was registered as.
    pub approved: Option<(String, String, u32)>,
}

/// Annotations, the outbox and the tjänsteskrivelser.
pub trait PaperStore {
    /// Saves `memo` as the next version of `case`'s tjänsteskrivelse.
    fn save_memo(
        &self,
        case: CaseId,
        memo: &paragraf_core::memo::Memo,
        author: &str,
    ) -> Result<StoredMemo>;
    /// Every version of `case`'s tjänsteskrivelse, oldest first.
    fn memos(&self, case: CaseId) -> Result<Vec<StoredMemo>>;
    /// Records that version `version` of `case`'s tjänsteskrivelse — the latest, not yet
    /// approved — was approved by `by` and registered as handling `document`.
    fn approve_memo(
        &self,
        case: CaseId,
        version: u32,
        by: &str,
        document: u32,
    ) -> Result<StoredMemo>;

    /// Keeps an annotation; a note and a quote both empty are refused.
    fn add_annotation(&self, a: &NewAnnotation) -> Result<Annotation>;
    /// The annotations of `user`, by case, handling and time.
    fn annotations(&self, user: i64) -> Result<Vec<Annotation>>;
    /// Removes `user`'s annotation `id`; whether there was one (another user's is not).
    fn remove_annotation(&self, user: i64, id: i64) -> Result<bool>;
    /// Removes every annotation of `user` on the handlingar of cases that `keep` does not
    /// keep; how many.
    fn prune_annotations(&self, user: i64, keep: &dyn Fn(CaseId) -> bool) -> Result<usize>;

    /// Queues utskick (all or none); a letter by post is recorded as sent at once.
    fn queue_dispatches(&self, d: &[NewDispatch]) -> Result<Vec<Dispatch>>;
    /// The utskick of a meeting, in the order queued.
    fn dispatches(&self, meeting: MeetingId) -> Result<Vec<Dispatch>>;
    /// Claims, until `until`, queued e-mail whose time has come (`next_attempt` empty or
    /// not after `now`) and that no other sender holds, oldest first, at most `limit`: in
    /// one write, so that two senders never claim the same message. A try recorded ends
    /// the claim; a claim not ended runs out at `until`.
    fn claim_due_dispatches(
        &self,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<Dispatch>>;
    /// Records a try: sent with `message_id`, or failed with `error` and tried again at
    /// `retry` (`None`: given up).
    fn record_attempt(
        &self,
        id: i64,
        outcome: std::result::Result<&str, (&str, Option<DateTime<Utc>>)>,
    ) -> Result<Dispatch>;
    /// Puts a failed utskick back in the queue, to be tried at once, with its tries counted
    /// anew (the last error stays until the next try).
    fn retry_dispatch(&self, id: i64) -> Result<Dispatch>;
}

fn utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn annotation(r: &Row<'_>) -> Result<Annotation> {
    Ok(Annotation {
        id: r.get(0)?,
        user: r.get(1)?,
        case: CaseId(r.get(2)?),
        document: r.get(3)?,
        page: r.get(4)?,
        quote: r.get(5)?,
        note: r.get(6)?,
        created: r.get(7)?,
    })
}

const ANNOTATION: &str =
    "SELECT id, user_id, case_id, document, page, quote, note, created_at FROM annotations";
const DISPATCH: &str = "SELECT id, meeting_id, paragraph, kind, recipient, address, method, subject, \
     body_text, body_html, attachment, attachment_name, status, attempts, last_error, next_attempt, \
     message_id, created_at, created_by, sent_at FROM dispatches";

fn dispatch(r: &Row<'_>) -> Result<std::result::Result<Dispatch, String>> {
    let kind: String = r.get(3)?;
    let method: String = r.get(6)?;
    let status: String = r.get(12)?;
    let attachment: Option<String> = r.get(10)?;
    let name: Option<String> = r.get(11)?;
    let kind = match kind.as_str() {
        "kallelse" => DispatchKind::Notice,
        "utdrag" => DispatchKind::Extract,
        other => return Ok(Err(format!("okänt slag {other}"))),
    };
    let method = match method.as_str() {
        "e-post" => DispatchMethod::Email,
        "post" => DispatchMethod::Post,
        other => return Ok(Err(format!("okänt sätt {other}"))),
    };
    let status = match status.as_str() {
        "köad" => DispatchStatus::Queued,
        "skickad" => DispatchStatus::Sent,
        "misslyckad" => DispatchStatus::Failed,
        other => return Ok(Err(format!("okänd status {other}"))),
    };
    Ok(Ok(Dispatch {
        id: r.get(0)?,
        meeting: MeetingId(r.get(1)?),
        paragraph: r.get(2)?,
        kind,
        recipient: r.get(4)?,
        address: r.get(5)?,
        method,
        subject: r.get(7)?,
        text: r.get(8)?,
        html: r.get(9)?,
        attachment: attachment.map(|a| (a, name.unwrap_or_default())),
        status,
        attempts: r.get(13)?,
        last_error: r.get(14)?,
        next_attempt: r.get(15)?,
        message_id: r.get(16)?,
        created: r.get(17)?,
        created_by: r.get(18)?,
        sent: r.get(19)?,
    }))
}

fn checked(id: i64, d: Result<std::result::Result<Dispatch, String>>) -> Result<Dispatch> {
    d?.map_err(|reason| StoreError::Corrupt {
        what: "utskick",
        id: id.to_string(),
        reason,
    })
}

fn one(c: &crate::sqlite::Conn<'_>, id: i64) -> Result<Dispatch> {
    let d = c
        .prepare_cached(&format!("{DISPATCH} WHERE id = ?1"))?
        .query_row([id], dispatch)
        .optional()?
        .ok_or(StoreError::NotFound {
            what: "utskick",
            id: id.to_string(),
        })?;
    d.map_err(|reason| StoreError::Corrupt {
        what: "utskick",
        id: id.to_string(),
        reason,
    })
}

fn many(
    c: &crate::sqlite::Conn<'_>,
    sql: &str,
    args: impl crate::sql::Params,
) -> Result<Vec<Dispatch>> {
    let mut st = c.prepare_cached(sql)?;
    let rows = st.query_map(args, |r| Ok((r.get::<_, i64>(0)?, dispatch(r))))?;
    let mut out = Vec::new();
    for row in rows {
        let (id, d) = row?;
        out.push(checked(id, Ok(d?))?);
    }
    Ok(out)
}

const MEMO: &str = "SELECT id, case_id, version, data_json, author, saved_at, approved_by, approved_at, document FROM memos";

fn memo_row(r: &Row<'_>) -> Result<(i64, StoredMemo, String)> {
    let by: Option<String> = r.get(6)?;
    let at: Option<String> = r.get(7)?;
    let doc: Option<u32> = r.get(8)?;
    Ok((
        r.get(0)?,
        StoredMemo {
            id: r.get(0)?,
            case: CaseId(r.get(1)?),
            version: r.get(2)?,
            memo: Default::default(),
            author: r.get(4)?,
            saved: r.get(5)?,
            approved: match (by, at, doc) {
                (Some(b), Some(a), Some(d)) => Some((b, a, d)),
                _ => None,
            },
        },
        r.get(3)?,
    ))
}

fn memos_of(c: &crate::sqlite::Conn<'_>, case: CaseId) -> Result<Vec<StoredMemo>> {
    let mut st = c.prepare_cached(&format!("{MEMO} WHERE case_id = ?1 ORDER BY version"))?;
    let rows = st.query_map([case.0], memo_row)?;
    let mut out = Vec::new();
    for row in rows {
        let (id, mut m, json) = row?;
        m.memo = serde_json::from_str(&json).map_err(|e| StoreError::Corrupt {
            what: "tjänsteskrivelse",
            id: id.to_string(),
            reason: e.to_string(),
        })?;
        out.push(m);
    }
    Ok(out)
}

impl<D: Db> PaperStore for D {
    fn save_memo(
        &self,
        case: CaseId,
        memo: &paragraf_core::memo::Memo,
        author: &str,
    ) -> Result<StoredMemo> {
        let json = serde_json::to_string(memo).map_err(|e| StoreError::Rule(e.to_string()))?;
        self.write(|c| {
            let next: u32 = c
                .prepare_cached("SELECT coalesce(max(version), 0) + 1 FROM memos WHERE case_id = ?1")?
                .query_row([case.0], |r| r.get(0))?;
            c.prepare_cached(
                "INSERT INTO memos (case_id, version, data_json, author, saved_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![case.0, next, json, author, c.now_text()])?;
            memos_of(c, case)?
                .pop()
                .ok_or(StoreError::NotFound { what: "tjänsteskrivelse", id: case.0.to_string() })
        })
    }

    fn memos(&self, case: CaseId) -> Result<Vec<StoredMemo>> {
        self.read(|c| memos_of(c, case))
    }

    fn approve_memo(
        &self,
        case: CaseId,
        version: u32,
        by: &str,
        document: u32,
    ) -> Result<StoredMemo> {
        self.write(|c| {
            let all = memos_of(c, case)?;
            let latest = all.last().ok_or(StoreError::NotFound {
                what: "tjänsteskrivelse",
                id: case.0.to_string(),
            })?;
            if latest.version != version {
                return Err(StoreError::Conflict(format!(
                    "version {version} är inte den senaste ({}); godkänn den senaste",
                    latest.version
                )));
            }
            if latest.approved.is_some() {
                return Err(StoreError::Conflict(format!("version {version} är redan godkänd")));
            }
            c.prepare_cached(
                "UPDATE memos SET approved_by = ?3, approved_at = ?4, document = ?5 WHERE case_id = ?1 AND version = ?2",
            )?
            .execute(params![case.0, version, by, c.now_text(), document])?;
            memos_of(c, case)?
                .pop()
                .ok_or(StoreError::NotFound { what: "tjänsteskrivelse", id: case.0.to_string() })
        })
    }

    fn add_annotation(&self, a: &NewAnnotation) -> Result<Annotation> {
        let quote = a.quote.as_deref().map(str::trim).filter(|q| !q.is_empty());
        if a.note.trim().is_empty() && quote.is_none() {
            return Err(StoreError::Rule(
                "anteckningen är tom: skriv en anteckning eller markera en text".into(),
            ));
        }
        self.write(|c| {
            c.prepare_cached(
                "INSERT INTO annotations (user_id, case_id, document, page, quote, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                a.user,
                a.case.0,
                a.document,
                a.page,
                quote,
                a.note.trim(),
                c.now_text()
            ])?;
            let id = c.last_insert_rowid()?;
            c.prepare_cached(&format!("{ANNOTATION} WHERE id = ?1"))?
                .query_row([id], annotation)
        })
    }

    fn annotations(&self, user: i64) -> Result<Vec<Annotation>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "{ANNOTATION} WHERE user_id = ?1 ORDER BY case_id, document, created_at, id"
            ))?;
            let rows = st.query_map([user], annotation)?;
            rows.collect::<Result<Vec<_>>>()
        })
    }

    fn remove_annotation(&self, user: i64, id: i64) -> Result<bool> {
        self.write(|c| {
            Ok(
                c.prepare_cached("DELETE FROM annotations WHERE id = ?1 AND user_id = ?2")?
                    .execute(params![id, user])?
                    > 0,
            )
        })
    }

    fn prune_annotations(&self, user: i64, keep: &dyn Fn(CaseId) -> bool) -> Result<usize> {
        self.write(|c| {
            let cases: Vec<i64> = c
                .prepare_cached("SELECT DISTINCT case_id FROM annotations WHERE user_id = ?1")?
                .query_map([user], |r| r.get(0))?
                .collect::<Result<_>>()?;
            let mut removed = 0;
            for case in cases.into_iter().filter(|c| !keep(CaseId(*c))) {
                removed += c
                    .prepare_cached("DELETE FROM annotations WHERE user_id = ?1 AND case_id = ?2")?
                    .execute(params![user, case])?;
            }
            Ok(removed)
        })
    }

    fn queue_dispatches(&self, list: &[NewDispatch]) -> Result<Vec<Dispatch>> {
        for d in list {
            if d.method == DispatchMethod::Email
                && !d.address.as_deref().is_some_and(|a| a.contains('@'))
            {
                return Err(StoreError::Rule(format!(
                    "utskicket till {} saknar en e-postadress",
                    d.recipient
                )));
            }
        }
        self.write(|c| {
            let mut out = Vec::with_capacity(list.len());
            for d in list {
                let now = c.now_text();
                let post = d.method == DispatchMethod::Post;
                c.prepare_cached(
                    "INSERT INTO dispatches (meeting_id, paragraph, kind, recipient, address, method,
                         subject, body_text, body_html, attachment, attachment_name, status,
                         created_at, created_by, sent_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                )?
                .execute(params![
                    d.meeting.0,
                    d.paragraph,
                    d.kind.word(),
                    d.recipient.trim(),
                    d.address.as_deref().map(str::trim),
                    d.method.word(),
                    d.subject,
                    d.text,
                    d.html,
                    d.attachment.as_ref().map(|a| &a.0),
                    d.attachment.as_ref().map(|a| &a.1),
                    if post { "skickad" } else { "köad" },
                    now,
                    d.created_by,
                    post.then_some(&now),
                ])?;
                out.push(one(c, c.last_insert_rowid()?)?);
            }
            Ok(out)
        })
    }

    fn dispatches(&self, meeting: MeetingId) -> Result<Vec<Dispatch>> {
        self.read(|c| {
            many(
                c,
                &format!("{DISPATCH} WHERE meeting_id = ?1 ORDER BY id"),
                [meeting.0],
            )
        })
    }

    fn claim_due_dispatches(
        &self,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<Dispatch>> {
        let now = utc(now);
        self.write(|c| {
            let ids: Vec<i64> = c
                .prepare_cached(
                    "SELECT id FROM dispatches WHERE status = 'köad'
                         AND (next_attempt IS NULL OR next_attempt <= ?1)
                         AND (lease_until IS NULL OR lease_until <= ?1)
                     ORDER BY id LIMIT ?2",
                )?
                .query_map(params![now, limit as i64], |r| r.get(0))?
                .collect::<Result<_>>()?;
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                c.prepare_cached("UPDATE dispatches SET lease_until = ?2 WHERE id = ?1")?
                    .execute(params![id, utc(until)])?;
                out.push(one(c, id)?);
            }
            Ok(out)
        })
    }

    fn record_attempt(
        &self,
        id: i64,
        outcome: std::result::Result<&str, (&str, Option<DateTime<Utc>>)>,
    ) -> Result<Dispatch> {
        self.write(|c| {
            let before = one(c, id)?;
            if before.status != DispatchStatus::Queued {
                return Err(StoreError::Rule(format!(
                    "utskick {id} är {} och skickas inte igen",
                    before.status.word()
                )));
            }
            match outcome {
                Ok(message_id) => c
                    .prepare_cached(
                        "UPDATE dispatches SET status = 'skickad', attempts = attempts + 1,
                             message_id = ?2, sent_at = ?3, next_attempt = NULL, lease_until = NULL WHERE id = ?1",
                    )?
                    .execute(params![id, message_id, c.now_text()])?,
                Err((error, retry)) => c
                    .prepare_cached(
                        "UPDATE dispatches SET status = ?2, attempts = attempts + 1,
                             last_error = ?3, next_attempt = ?4, lease_until = NULL WHERE id = ?1",
                    )?
                    .execute(params![
                        id,
                        if retry.is_some() {
                            "köad"
                        } else {
                            "misslyckad"
                        },
                        error,
                        retry.map(utc)
                    ])?,
            };
            one(c, id)
        })
    }

    fn retry_dispatch(&self, id: i64) -> Result<Dispatch> {
        self.write(|c| {
            let before = one(c, id)?;
            if before.status != DispatchStatus::Failed {
                return Err(StoreError::Rule(format!(
                    "utskick {id} är {}; bara ett misslyckat skickas om",
                    before.status.word()
                )));
            }
            c.prepare_cached(
                "UPDATE dispatches SET status = 'köad', next_attempt = NULL, attempts = 0 WHERE id = ?1",
            )?
            .execute([id])?;
            one(c, id)
        })
    }
}
