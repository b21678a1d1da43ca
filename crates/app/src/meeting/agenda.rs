//! Putting a prepared matter before the nämnd: a case with its handlingar (the
//! tjänsteskrivelse, a report, lists) registered in one transaction, and an agenda item on a
//! planned meeting whose draft § (beslutsförslag) becomes the § when the minutes are
//! drafted. Used by the reports that the nämnd must receive: ej verkställda beslut, anmälan
//! av delegationsbeslut, budgetuppföljning.

use anyhow::Result;
use chrono::NaiveDate;
use paragraf_core::ids::{CaseId, MeetingId, Record};
use paragraf_core::meeting::{AgendaItem, ItemDraft};
use paragraf_core::registry::{Case, Direction, DocumentType, NewDocument, Secrecy};
use paragraf_store::NewCase;

use crate::DataDir;

/// A handling to register with the case, as a PDF.
#[derive(Debug, Clone)]
pub struct Attachment {
    /// Its type (tjänsteskrivelse, rapport …).
    pub kind: DocumentType,
    /// Its title in the diarium.
    pub title: String,
    /// The PDF.
    pub pdf: Vec<u8>,
    /// Secret when it holds details of individual cases (OSL 26 kap. 1 §).
    pub secrecy: Secrecy,
}

/// Registers a case titled `title` with `attachments` and places it on the agenda of
/// `meeting`, which must still be planned, with `draft` as beslutsförslag — in one
/// transaction (the PDFs are written to the data directory first; a failure leaves at most
/// an unreferenced file).
pub fn place_matter(
    dir: &DataDir,
    meeting: MeetingId,
    title: &str,
    draft: ItemDraft,
    attachments: Vec<Attachment>,
    date: NaiveDate,
    handler: &str,
) -> Result<(Record<CaseId, Case>, AgendaItem)> {
    let m = dir.store.meeting(meeting)?;
    m.agenda_open()?;
    let mut documents = Vec::with_capacity(attachments.len());
    for a in attachments {
        let mut doc = NewDocument::new(a.kind, &a.title, date, Direction::Internal, None)?;
        doc.file = Some(dir.store_pdf(&a.pdf)?);
        doc.secrecy = a.secrecy;
        documents.push(doc);
    }
    let new = NewCase {
        series: dir.default_series(),
        class: None,
        title: title.to_string(),
        body: Some(m.body),
        secrecy: Secrecy::Public,
        registered: date,
        handler: Some(handler.to_string()),
    };
    // The case, its handlingar and the agenda item are stored together or not at all.
    crate::in_transaction(dir.storage(), |tx| {
        let (case, _) =
            tx.create_case(&dir.pattern_for(new.series.as_deref()), &new, &documents)?;
        let item = crate::meeting::cycle::add_agenda_item(
            tx,
            meeting,
            &case.dnr.to_string(),
            None,
            Some(draft),
        )?;
        Ok((case, item))
    })
}

/// A report the nämnd must receive, chosen from the meeting page.
#[derive(Debug, Clone)]
pub enum AgendaReport {
    /// Anmälan av delegationsbeslut (KL 6 kap. 40 §) fattade from `from` to `to`.
    Delegation {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
    /// Ej verkställda beslut (SoL, LSS) as of `date`, with the statistics report.
    Unenforced {
        /// The day the register is read on (the end of a quarter, as a rule).
        date: NaiveDate,
    },
    /// The Verksamhetsrapport of the meeting's body for `period`.
    FollowUp {
        /// The period.
        period: paragraf_core::followup::Period,
    },
}

/// Makes the report's handlingar, registers the matter and places it on the agenda of
/// `meeting` (still planned) for its body — the one operation the web's form and the command
/// line's `--meeting` both use. `handler` is the one who does it (the ej verkställda report
/// reads the register as that person).
pub fn place_report(
    dir: &DataDir,
    meeting: MeetingId,
    report: &AgendaReport,
    today: NaiveDate,
    handler: &str,
) -> Result<(Record<CaseId, Case>, AgendaItem)> {
    let m = dir.store.meeting(meeting)?;
    m.agenda_open()?;
    let body = dir.store.body(m.body)?.name.clone();
    let municipality = dir.config().municipality.name.clone();
    match report {
        AgendaReport::Delegation { from, to } => {
            // The ANMÄLAN lists name individuals: only before the nämnd whose order it is.
            if let Some(owner) = crate::delegation::lists_body(dir)? {
                if owner != m.body {
                    return Err(crate::Error::Rule(format!(
                        "delegationsbesluten anmäls till {}, inte till {body}",
                        dir.store.body(owner)?.name
                    ))
                    .into());
                }
            }
            let r = crate::delegation::report(dir, *from, *to)?;
            let lists = crate::delegation::notices(dir, *from, *to)?;
            let doc = crate::delegation::docs::report_doc(&r, &lists, &municipality, &body, today);
            let pdf = crate::delegation::docs::pdf(&doc)?;
            crate::delegation::docs::place_on_agenda(dir, meeting, &r, &body, &pdf, today, handler)
        }
        AgendaReport::Unenforced { date } => {
            let cat = crate::unenforced::load_catalogue(&dir.path)?;
            let (d, pdf) = crate::unenforced::docs::memo(
                dir,
                handler,
                &cat,
                *date,
                &body,
                Some(m.body),
                today,
            )?;
            crate::unenforced::docs::place_on_agenda(dir, meeting, &d, &pdf, today, handler)
        }
        AgendaReport::FollowUp { period } => {
            crate::followup::publish::place_on_agenda(dir, meeting, &body, period, today, handler)
        }
    }
}
