//! PDF documents of a Swedish municipal committee, typeset with typst embedded as a library.
//!
//! * [`notice_pdf`]: *kallelse* with *hålltider* and *föredragningslista*,
//! * [`protocol_pdf`]: *protokoll*, full or *offentlig version*,
//! * [`extract_pdf`]: *protokollsutdrag* of one § with *utdragsbestyrkande*,
//! * [`posting_pdf`]: *anslag* on the *anslagstavla* with appeal information,
//! * [`report_pdf`]: a report of sections, tables and SVG charts (*tjänsteskrivelse*,
//!   the quarterly report to IVO).
//!
//! Templates live in `templates/*.typ` and are compiled into the binary. They never see
//! user text as markup: every document is turned into a JSON payload (with all dates and
//! numbers already formatted by [`format`]) that the template reads with
//! `json("data.json")`. Fonts are the ones shipped in the `typst-assets` crate; nothing is
//! read from the file system or the network at run time. Rendering the same input twice
//! gives byte-identical PDFs (no timestamp is written). Every PDF is PDF/A-2b.

pub mod bundle;
pub mod chart;
pub mod doc;
pub mod format;
mod payload;
pub mod report;
mod world;

use typst::diag::Warned;
use typst_layout::PagedDocument;

use crate::world::RenderWorld;

/// Errors from rendering. Messages are in Swedish (they may be shown to users).
#[derive(thiserror::Error, Debug)]
pub enum RenderError {
    /// The view model could not be turned into the template's JSON payload.
    #[error("kunde inte förbereda dokumentets data: {0}")]
    Data(#[from] serde_json::Error),
    /// The view model is inconsistent (e.g. a table row with more values than columns).
    #[error("ogiltiga uppgifter i dokumentet: {0}")]
    Invalid(String),
    /// Typesetting failed (a template error or data the template cannot handle).
    #[error("typsättningen misslyckades: {0}")]
    Typeset(String),
    /// The typeset document could not be written as PDF.
    #[error("PDF-exporten misslyckades: {0}")]
    Pdf(String),
    /// A fault in this crate's setup (should not happen).
    #[error("internt fel i dokumentrenderingen: {0}")]
    Internal(String),
}

const NOTICE_TYP: &str = include_str!("../templates/notice.typ");
const PROTOCOL_TYP: &str = include_str!("../templates/protocol.typ");
const EXTRACT_TYP: &str = include_str!("../templates/extract.typ");
const POSTING_TYP: &str = include_str!("../templates/posting.typ");
const REPORT_TYP: &str = include_str!("../templates/report.typ");
const MEMO_TYP: &str = include_str!("../templates/memo.typ");

/// *Kallelse*: the notice of a meeting.
pub fn notice_pdf(d: &doc::NoticeDoc) -> Result<Vec<u8>, RenderError> {
    render(NOTICE_TYP, &payload::notice(d)?)
}

/// *Protokoll*, full or public version (`d.public`).
/// Loads what every document shares — the fonts, the font book, the standard library —
/// once per process, so that the first document does not wait for them (`paragraf serve`
/// does this while it starts).
pub fn warm_up() -> Result<(), RenderError> {
    world::warm_up();
    // One small protocol through the same template fills the typesetter's caches (the
    // template, the standard library, shaping): the first real document then renders as
    // fast as any other.
    warm_up_doc().and_then(|d| protocol_pdf(&d)).map(|_| ())
}

/// The protocol [`warm_up`] renders: a § of each kind the minutes hold (a decision in
/// att-satser and in text, a table, yrkanden, a vote by roll call, a reservation).
fn warm_up_doc() -> Result<doc::ProtocolDoc, RenderError> {
    let member = |name: &str, party: &str| serde_json::json!({ "name": name, "party": party });
    serde_json::from_value(serde_json::json!({
        "municipality": "Kommun", "body": "Nämnden", "date": "2026-01-01", "start": "13:00:00",
        "end": "15:30:00", "place": "Sessionssalen", "secretary": "Sekreterare",
        "chair": "Ordförande", "adjusters": ["Justerare"],
        "members": [member("Anna Andersson", "S"), member("Bo Berg", "M")],
        "substitutes": [member("Cia Carlsson", "V")],
        "posting": { "body": "Nämnden", "meeting_date": "2026-01-01" },
        "paragraphs": [{
            "number": 1, "title": "Budget och uppföljning", "case_number": "KS/2026:1",
            "text": "Förvaltningen har berett ärendet och föreslår att nämnden godkänner uppföljningen.",
            "decision": { "clauses": { "intro": "Nämnden beslutar", "clauses": ["godkänna förslaget"] } },
            "tables": [{ "title": "Utfall (tkr)", "header": ["", "Budget", "Utfall", "Avvikelse"],
                "rows": [{ "label": "Äldreomsorg", "values": [1500.5, -2000.0, 12.0],
                    "children": [{ "label": "varav hemtjänst", "values": [1.0, 2.0, 3.0] }] }] }],
            "documents": ["Tjänsteskrivelse"], "dispatch": ["Förvaltningen"],
            "immediately_adjusted": false
        }, {
            "number": 2, "title": "Motion om ändrade öppettider",
            "motions": [{ "by": "Anna Andersson (S)", "text": "bifall till förslaget" },
                        { "by": "Bo Berg (M)", "text": "avslag" }],
            "votes": [{ "yes_means": "bifall", "no_means": "avslag",
                "ballots": [{ "name": "Anna Andersson", "party": "S", "choice": "ja" },
                            { "name": "Bo Berg", "party": "M", "choice": "nej" }],
                "yes": 1, "no": 1, "abstain": 0, "result": "Ordförandens röst avgör." }],
            "decision": { "text": "Nämnden bifaller förslaget." },
            "reservations": [{ "by": "Bo Berg (M)", "reasons": "Till förmån för eget yrkande." }],
            "immediately_adjusted": true
        }]
    }))
    .map_err(|e| RenderError::Internal(format!("uppvärmningens protokoll: {e}")))
}

pub fn protocol_pdf(d: &doc::ProtocolDoc) -> Result<Vec<u8>, RenderError> {
    render(PROTOCOL_TYP, &payload::protocol(d)?)
}

/// *Protokollsutdrag*: a certified extract of one §.
pub fn extract_pdf(d: &doc::ExtractDoc) -> Result<Vec<u8>, RenderError> {
    render(EXTRACT_TYP, &payload::extract(d)?)
}

/// *Anslag*: the notice on the *anslagstavla* that the protocol has been adjusted.
pub fn posting_pdf(d: &doc::PostingDoc) -> Result<Vec<u8>, RenderError> {
    render(POSTING_TYP, &payload::posting(d)?)
}

/// *Tjänsteskrivelse*: the administration's preparation of a matter.
pub fn memo_pdf(d: &doc::MemoDoc) -> Result<Vec<u8>, RenderError> {
    render(MEMO_TYP, &payload::memo(d)?)
}

/// A report: sections with text, tables and SVG charts.
pub fn report_pdf(d: &report::ReportDoc) -> Result<Vec<u8>, RenderError> {
    render(REPORT_TYP, &report::payload(d)?)
}

/// The appeal information (*laglighetsprövning*, KL 13 kap.) printed on the posting,
/// one paragraph per entry.
pub fn appeal_text(d: &doc::PostingDoc) -> Vec<String> {
    payload::appeal_paragraphs(d)
}

/// PDF/A-2b (ISO 19005-2, level b): every document is fit for the e-archive — fonts
/// embedded, XMP metadata with the `pdfaid` schema, title and language; typst refuses to
/// write what the standard forbids.
fn archival() -> Result<typst_pdf::PdfStandards, RenderError> {
    typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::A_2b])
        .map_err(|e| RenderError::Internal(format!("PDF/A-2b: {e:?}")))
}

fn render<T: serde::Serialize>(template: &'static str, data: &T) -> Result<Vec<u8>, RenderError> {
    let json = serde_json::to_vec(data)?;
    let world = RenderWorld::new(template, json)?;
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    let document = output.map_err(|e| RenderError::Typeset(world.describe(&e)))?;
    let options = typst_pdf::PdfOptions {
        standards: archival()?,
        ..Default::default()
    };
    let pdf = typst_pdf::pdf(&document, &options)
        .map(without_false_suspects)
        .map_err(|e| RenderError::Pdf(world.describe(&e)));
    // Keep typst's memoization cache bounded in long-running processes.
    comemo::evict(10);
    pdf
}

/// `/MarkInfo <</Marked true /Suspects false>>` is valid PDF, but poppler before 23.x
/// reports "Syntax Error: Suspects object is wrong type (boolean)" for it on every command
/// (`pdfinfo`, `pdftotext` …), which alarms those who check our files. `false` is the
/// default, so the entry is blanked with spaces of the same length: no offset moves, the
/// cross-reference table stays true. Only the exact dictionary typst writes is touched.
fn without_false_suspects(mut pdf: Vec<u8>) -> Vec<u8> {
    const WRITTEN: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";
    const QUIET: &[u8] = b"/MarkInfo<</Marked true               >>";
    const _SAME_LENGTH: () = assert!(WRITTEN.len() == QUIET.len());
    if let Some(at) = pdf.windows(WRITTEN.len()).position(|w| w == WRITTEN) {
        pdf[at..at + WRITTEN.len()].copy_from_slice(QUIET);
    }
    pdf
}

#[cfg(test)]
mod warm_up_tests {
    #[test]
    fn the_warm_up_renders_a_protocol() {
        let d = super::warm_up_doc().expect("the warm-up protocol is a protocol");
        let pdf = super::protocol_pdf(&d).expect("rendered");
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
