//! Diariet: registering cases and their handlingar, changing a case, reading a handling's
//! file. One operation each, for the command line, the forms and the API alike.

use chrono::NaiveDate;
use paragraf_core::ids::{BodyId, CaseId, DocumentId, Record};
use paragraf_core::registry::{
    Case, CaseStatus, Direction, Document, DocumentType, NewDocument, Secrecy,
};
use paragraf_store::NewCase;

use crate::{DataDir, Error, Result};

/// Registrera ärende: what is needed to open a case; the diarienummer is allocated.
#[derive(Debug, Clone)]
pub struct RegisterCase {
    /// Ärendemening.
    pub title: String,
    /// Diarieserie; when none is given, the configured default series (if the pattern has
    /// a series at all).
    pub series: Option<String>,
    /// Klassificeringskod.
    pub class: Option<String>,
    /// The owning body.
    pub body: Option<BodyId>,
    /// Enskilt ärende (sekretess enligt OSL 26 kap. 1 §).
    pub secret: bool,
    /// Registreringsdatum.
    pub date: NaiveDate,
    /// Handläggare.
    pub handler: Option<String>,
}

/// Registers a case, numbered in its series and year without gaps.
pub fn register_case(dir: &DataDir, cmd: RegisterCase) -> Result<Record<CaseId, Case>> {
    if cmd.title.trim().is_empty() {
        return Err(Error::field("title", "ärendemeningen får inte vara tom"));
    }
    let series = if dir.pattern().has_series() {
        match cmd
            .series
            .filter(|s| !s.trim().is_empty())
            .or_else(|| dir.config().registry.default_series.clone())
        {
            Some(s) => Some(s),
            None => {
                return Err(Error::field(
                    "series",
                    format!("ange diarieserie: mönstret {} har en serie", dir.pattern()),
                ))
            }
        }
    } else {
        None
    };
    if let Some(b) = cmd.body {
        dir.store
            .body(b)
            .map_err(|_| Error::field("body", format!("organ {b} finns inte")))?;
    }
    let new = NewCase {
        series,
        class: cmd.class,
        title: cmd.title,
        body: cmd.body,
        secrecy: if cmd.secret {
            Secrecy::IndividualCase
        } else {
            Secrecy::Public
        },
        registered: cmd.date,
        handler: cmd.handler,
    };
    let (c, _) = dir
        .store
        .create_case(&dir.pattern_for(new.series.as_deref()), &new, &[])?;
    Ok(c)
}

/// Registrera handling: a document of a case, with its PDF when there is one.
#[derive(Debug, Clone)]
pub struct AddDocument {
    /// Typ.
    pub kind: DocumentType,
    /// Rubrik.
    pub title: String,
    /// Datum.
    pub date: NaiveDate,
    /// Inkommande, utgående or upprättad.
    pub direction: Direction,
    /// Avsändare or mottagare.
    pub counterpart: Option<String>,
    /// The PDF, kept under the data directory by its checksum.
    pub pdf: Option<Vec<u8>>,
    /// A file already in the data directory (relative path), for the command line.
    pub file: Option<String>,
    /// The handling itself is secret (OSL 26 kap. 1 §) though its case may not be: it goes
    /// to those entitled to it and is never published.
    pub secret: bool,
}

/// Registers a handling in a case with the next handlingsnummer; it has the case's secrecy,
/// or is secret of its own.
pub fn add_document(
    dir: &DataDir,
    case: CaseId,
    cmd: AddDocument,
) -> Result<Record<DocumentId, Document>> {
    let c = dir.store.case(case)?;
    let mut doc = NewDocument::new(
        cmd.kind,
        &cmd.title,
        cmd.date,
        cmd.direction,
        cmd.counterpart.as_deref(),
    )
    .map_err(|e| Error::field("title", e.to_string()))?;
    doc.secrecy = if cmd.secret {
        paragraf_core::registry::Secrecy::IndividualCase
    } else {
        c.secrecy
    };
    doc.file = cmd.file;
    if let Some(bytes) = &cmd.pdf {
        if !bytes.starts_with(b"%PDF-") {
            return Err(Error::field("file", "filen är ingen PDF"));
        }
        doc.file = Some(dir.store_pdf(bytes)?);
    }
    Ok(dir.store.add_document(case, &doc)?)
}

/// Changes a case's title, status and handläggare (the diarienummer never changes); returns
/// the case before and after.
pub fn update_case(
    dir: &DataDir,
    id: CaseId,
    title: &str,
    status: CaseStatus,
    handler: Option<&str>,
) -> Result<(Record<CaseId, Case>, Record<CaseId, Case>)> {
    let before = dir.store.case(id)?;
    let after = dir.store.update_case(id, title, status, handler)?;
    Ok((before, after))
}

/// A handling's stored PDF.
pub fn document_file(
    dir: &DataDir,
    case: CaseId,
    number: u32,
) -> Result<(Record<DocumentId, Document>, Vec<u8>)> {
    let doc = dir
        .store
        .documents(case)?
        .into_iter()
        .find(|d| d.number == number)
        .ok_or_else(|| Error::NotFound(format!("handling {number}")))?;
    let rel = doc
        .file
        .clone()
        .ok_or_else(|| Error::NotFound(format!("fil till handling {number}")))?;
    let bytes =
        std::fs::read(dir.path.join(&rel)).map_err(|_| Error::NotFound(format!("filen {rel}")))?;
    Ok((doc, bytes))
}

/// Sekretessprövning: records whether handling `number` of `case` may be published (`None`:
/// the decision is taken back), by `user`, who must be able to handle the case. A handling of
/// a secret case cannot be found public. Logged, and the public search follows at once.
pub fn review_document(
    dir: &DataDir,
    user: &paragraf_store::User,
    case: CaseId,
    number: u32,
    review: Option<paragraf_core::registry::Review>,
) -> Result<Record<DocumentId, Document>> {
    let c = dir.store.case(case)?;
    if !crate::access::may_handle_case(user, &c.value) {
        return Err(Error::Forbidden(
            "du får inte pröva handlingar i det här ärendet".into(),
        ));
    }
    let mut doc = dir
        .store
        .documents(case)?
        .into_iter()
        .find(|d| d.number == number)
        .ok_or_else(|| Error::NotFound(format!("handling {number}")))?;
    if let Some(r) = review {
        doc.value
            .may_review(&c.value, r)
            .map_err(|e| Error::Rule(e.into()))?;
    }
    let before = doc.value.review;
    dir.store.review_document(doc.id, review)?;
    doc.value.review = review;
    crate::accounts::record(
        dir,
        &user.username,
        "sekretesspröva",
        "handling",
        doc.id.0,
        Some(
            serde_json::json!({ "ärende": c.dnr.to_string(), "handling": number, "prövning": before }),
        ),
        Some(
            serde_json::json!({ "ärende": c.dnr.to_string(), "handling": number, "prövning": review }),
        ),
    );
    crate::search::after_publication(dir);
    Ok(doc)
}
