//! A follow-up report before the nämnd and before the public: placed on a planned meeting's
//! agenda (the budget follow-up's draft § with the Verksamhetsrapport as its handling), and
//! public from the moment the notice of that meeting has gone out — until then it is a
//! draft of the administration's, for logged-in readers only.

use anyhow::Result;
use chrono::NaiveDate;
use paragraf_core::followup::Period;
use paragraf_core::ids::{CaseId, MeetingId, Record};
use paragraf_core::meeting::{AgendaItem, ItemDraft};
use paragraf_core::minutes::{AttClause, Decision};
use paragraf_core::registry::{Case, DocumentType, Secrecy};

use crate::followup::docs::{budget_draft, charts, gather, item_draft, report_doc, ReportData};
use crate::meeting::agenda::{place_matter, Attachment};
use crate::DataDir;

/// The title of the case that brings the report of `d` before the nämnd.
pub fn agenda_title(d: &ReportData) -> String {
    match budget_draft(d) {
        Ok(b) => b.title,
        Err(_) => format!("Verksamhetsrapport {}", d.period.words()),
    }
}

fn draft(d: &ReportData) -> ItemDraft {
    match budget_draft(d) {
        Ok(b) => item_draft(&b),
        Err(_) => ItemDraft {
            text: format!(
                "Förvaltningen redovisar verksamhetsrapporten för {} för perioden {}.",
                d.body,
                d.period.words()
            ),
            proposal: Some(Decision::Clauses {
                intro: Some(format!("{} beslutar", d.body)),
                clauses: vec![AttClause(format!(
                    "godkänna verksamhetsrapporten för {} och överlämna den till kommunstyrelsen",
                    d.period.words()
                ))],
            }),
            documents: vec![format!("Verksamhetsrapport {}", d.period.words())],
            dispatch: vec!["Kommunstyrelsen".into()],
            tables: vec![],
        },
    }
}

/// Registers the report of `body` for `period` as a case with the Verksamhetsrapport (PDF)
/// and places it on the agenda of the planned `meeting` with its draft §.
pub fn place_on_agenda(
    dir: &DataDir,
    meeting: MeetingId,
    body: &str,
    period: &Period,
    made: NaiveDate,
    handler: &str,
) -> Result<(Record<CaseId, Case>, AgendaItem)> {
    let d = gather(dir, body, period)?;
    let doc = report_doc(&d, &dir.config().municipality.name, made, &charts(&d)?);
    let pdf = paragraf_render::report_pdf(&doc)?;
    place_matter(
        dir,
        meeting,
        &agenda_title(&d),
        draft(&d),
        vec![Attachment {
            kind: DocumentType::Report,
            title: format!("Verksamhetsrapport {} {}", d.body, d.period.words()),
            pdf,
            secrecy: Secrecy::Public,
        }],
        made,
        handler,
    )
}

/// Whether the report of `body` for `period` has been on the agenda of a meeting of that
/// nämnd whose notice has gone out: then it is public.
pub fn is_public(dir: &crate::DataDir, body: &str, period: &Period) -> Result<bool> {
    let store = &*dir.store;
    let d = match gather(dir, body, period) {
        Ok(d) => d,
        Err(_) => return Ok(false),
    };
    let title = agenda_title(&d);
    for m in store.meetings()? {
        let m = m.value;
        if !m.notice_sent() || !m.agenda().iter().any(|i| i.title == title) {
            continue;
        }
        if store.body(m.body)?.value.name == body {
            return Ok(true);
        }
    }
    Ok(false)
}
