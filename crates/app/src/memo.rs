//! Tjänsteskrivelser: written in Paragraf from a case by its handläggare, saved as drafts
//! with versions, rendered by the typesetter of the minutes, and — approved by the
//! förvaltningschef — registered as a handling of the case, whose förslag till beslut and
//! beslutsunderlag become the draft § of the case's agenda item.

use anyhow::Result;
use chrono::NaiveDate;
use paragraf_core::ids::{CaseId, DocumentId, Record};
use paragraf_core::memo::Memo;
use paragraf_core::registry::{Case, Direction, Document, DocumentType, NewDocument};
use paragraf_store::{StoredMemo, User};

use crate::{DataDir, Error};

fn case_for(dir: &DataDir, user: &User, case: CaseId) -> Result<Record<CaseId, Case>> {
    let c = dir.storage().case(case)?;
    if !crate::access::may_handle_case(user, &c.value) {
        return Err(Error::Forbidden("du får inte skriva i det här ärendet".into()).into());
    }
    // A secret case's tjänsteskrivelse is read as the case is: logged.
    if c.secrecy.is_secret() {
        crate::accounts::record(
            dir,
            &user.username,
            "läsa-sekretess",
            "tjänsteskrivelse",
            case.0,
            None,
            None,
        );
    }
    Ok(c)
}

/// Every version of `case`'s tjänsteskrivelse, for the registry's staff of the case.
pub fn versions(dir: &DataDir, user: &User, case: CaseId) -> Result<Vec<StoredMemo>> {
    case_for(dir, user, case)?;
    Ok(dir.storage().memos(case)?)
}

/// Saves `memo` as the next version of `case`'s tjänsteskrivelse (a draft).
pub fn save(dir: &DataDir, user: &User, case: CaseId, memo: Memo) -> Result<StoredMemo> {
    case_for(dir, user, case)?;
    let memo = memo.tidied();
    if memo.title.is_empty() {
        return Err(Error::field("title", "tjänsteskrivelsen saknar rubrik").into());
    }
    let saved = dir.storage().save_memo(case, &memo, &user.username)?;
    crate::accounts::record(
        dir,
        &user.username,
        "spara",
        "tjänsteskrivelse",
        format!("{}/{}", case.0, saved.version),
        None,
        Some(serde_json::to_value(&saved.memo)?),
    );
    Ok(saved)
}

fn body_of(dir: &DataDir, case: &Case) -> String {
    case.body
        .map(|b| dir.body_name(b))
        .unwrap_or_else(|| "Nämnden".into())
}

fn doc_of(
    dir: &DataDir,
    case: &Case,
    memo: &Memo,
    date: NaiveDate,
    director: Option<String>,
    draft: Option<String>,
) -> paragraf_render::doc::MemoDoc {
    paragraf_render::doc::MemoDoc {
        municipality: dir.config().municipality.name.clone(),
        body: body_of(dir, case),
        date,
        dnr: case.dnr.to_string(),
        title: memo.title.clone(),
        summary: memo.summary.clone(),
        background: memo.background.clone(),
        assessment: memo.assessment.clone(),
        finances: memo.finances.clone(),
        proposal: memo.proposal.clone(),
        documents: memo.documents.clone(),
        dispatch: memo.dispatch.clone(),
        officer: memo.officer.clone(),
        director,
        draft,
    }
}

/// Version `version` as PDF: a draft marked "Utkast", an approved one as registered.
pub fn pdf(dir: &DataDir, user: &User, case: CaseId, version: u32) -> Result<Vec<u8>> {
    let c = case_for(dir, user, case)?;
    let m = dir
        .storage()
        .memos(case)?
        .into_iter()
        .find(|m| m.version == version)
        .ok_or_else(|| Error::NotFound(format!("version {version}")))?;
    if let Some((_, _, number)) = &m.approved {
        return Ok(crate::registry::document_file(dir, case, *number)?.1);
    }
    let saved: NaiveDate = m
        .saved
        .get(..10)
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(crate::clock::today);
    Ok(paragraf_render::memo_pdf(&doc_of(
        dir,
        &c.value,
        &m.memo,
        saved,
        None,
        Some(format!("Utkast, version {version} – inte godkänd")),
    ))?)
}

/// The title under which an approved tjänsteskrivelse is registered, and its entry among
/// the beslutsunderlag.
fn entry(date: NaiveDate) -> String {
    format!("Tjänsteskrivelse, {date}")
}

/// Godkänner version `version` (the latest) of `case`'s tjänsteskrivelse: the
/// förvaltningschef's word. It is rendered with the förvaltningschef's name, registered as
/// a handling of the case and marked approved, and its förslag till beslut and
/// beslutsunderlag become the draft § of the case's items on agendas still open — all in
/// one transaction (the PDF is written first; a failure leaves at most an unreferenced file).
pub fn approve(
    dir: &DataDir,
    user: &User,
    case: CaseId,
    version: u32,
    today: NaiveDate,
) -> Result<(StoredMemo, Record<DocumentId, Document>)> {
    let c = case_for(dir, user, case)?;
    if !crate::access::APPROVERS.contains(&user.role) {
        return Err(
            Error::Forbidden("en tjänsteskrivelse godkänns av förvaltningschefen".into()).into(),
        );
    }
    let store = dir.storage();
    let m = store
        .memos(case)?
        .into_iter()
        .find(|m| m.version == version)
        .ok_or_else(|| Error::NotFound(format!("version {version}")))?;
    m.memo.ready().map_err(|e| Error::Rule(e.to_string()))?;
    let pdf = paragraf_render::memo_pdf(&doc_of(
        dir,
        &c.value,
        &m.memo,
        today,
        Some(user.name.clone()),
        None,
    ))?;
    let mut doc = NewDocument::new(
        DocumentType::Memo,
        &format!("Tjänsteskrivelse: {}", m.memo.title),
        today,
        Direction::Internal,
        None,
    )?;
    doc.file = Some(dir.store_pdf(&pdf)?);
    doc.secrecy = c.secrecy;
    let body = body_of(dir, &c.value);
    let out = crate::in_transaction(store, |tx| {
        let d = tx.add_document(case, &doc)?;
        let approved = tx.approve_memo(case, version, &user.username, d.number)?;
        let draft = m.memo.item_draft(&body, &entry(today));
        for meeting in tx.meetings()? {
            if meeting.agenda_open().is_err()
                || !meeting.agenda().iter().any(|i| i.case == Some(case))
            {
                continue;
            }
            let mut changed = meeting.value.clone();
            changed.set_item_draft(case, draft.clone())?;
            tx.update_meeting(meeting.id, &changed)?;
        }
        Ok((approved, d))
    })?;
    crate::accounts::record(
        dir,
        &user.username,
        "godkänna",
        "tjänsteskrivelse",
        format!("{}/{version}", case.0),
        None,
        Some(
            serde_json::json!({ "ärende": c.dnr.to_string(), "version": version, "handling": out.1.number }),
        ),
    );
    Ok(out)
}

/// The draft § of the latest approved tjänsteskrivelse of `case`, for an agenda item.
pub(crate) fn approved_draft(
    store: &dyn paragraf_store::Storage,
    case: &Record<CaseId, Case>,
    body: &str,
) -> Result<Option<paragraf_core::meeting::ItemDraft>> {
    // The entry is dated as the handling it was registered as (the day of approval).
    let documents = store.documents(case.id)?;
    Ok(store.memos(case.id)?.into_iter().rev().find_map(|m| {
        let (_, _, number) = m.approved.as_ref()?;
        let date = documents.iter().find(|d| d.number == *number)?.date;
        Some(m.memo.item_draft(body, &entry(date)))
    }))
}
