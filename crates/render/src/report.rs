//! *Rapport*: a document of sections with running text, lists, tables and charts, for the
//! papers that are not minutes: the *tjänsteskrivelse* with its draft §, the quarterly
//! report to IVO, statistics reports. One template (`templates/report.typ`) sets them all.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::payload::{blocks, Block, Header};
use crate::{format, RenderError};

/// The document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDoc {
    /// *Kommun*, in the running header.
    pub municipality: String,
    /// The body or office the document comes from, in the running header.
    pub body: String,
    /// The kind in the running header, e.g. "Tjänsteskrivelse".
    pub kind: String,
    /// The document's date.
    pub date: NaiveDate,
    /// Title.
    pub title: String,
    /// A line under the title, if any.
    pub subtitle: Option<String>,
    /// Label–value pairs under the title (Dnr, handläggare, period …).
    pub facts: Vec<(String, String)>,
    /// The sections in order.
    pub sections: Vec<ReportSection>,
    /// Landscape pages, for wide tables.
    #[serde(default)]
    pub landscape: bool,
}

/// One section: a heading, text (blank lines between paragraphs, "- " for list items),
/// tables and charts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ReportSection {
    /// Heading; empty for none.
    pub heading: String,
    /// Running text.
    pub text: String,
    /// Tables.
    pub tables: Vec<ReportTable>,
    /// Charts as SVG documents, drawn full width.
    pub charts: Vec<String>,
    /// Start the section on a new page (an attachment, *bilaga*).
    pub new_page: bool,
}

/// A table of text cells; `numeric` columns are right-aligned with tabular figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ReportTable {
    /// Title above the table; empty for none.
    pub title: String,
    /// Column headings.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
    /// Per column: right-aligned figures.
    pub numeric: Vec<bool>,
    /// The last row is a total (bold).
    pub total_row: bool,
    /// A note under the table.
    pub note: String,
    /// The column that takes the width left over (the others are as wide as their text).
    pub flex_column: Option<usize>,
}

#[derive(Serialize)]
struct Payload {
    header: Header,
    title: String,
    subtitle: String,
    facts: Vec<(String, String)>,
    sections: Vec<SectionPayload>,
    landscape: bool,
}

#[derive(Serialize)]
struct SectionPayload {
    heading: String,
    text: Vec<Block>,
    tables: Vec<ReportTable>,
    charts: Vec<String>,
    new_page: bool,
}

pub(crate) fn payload(d: &ReportDoc) -> Result<impl Serialize, RenderError> {
    for s in &d.sections {
        for t in &s.tables {
            if let Some((i, r)) = t
                .rows
                .iter()
                .enumerate()
                .find(|(_, r)| r.len() != t.header.len())
            {
                return Err(RenderError::Invalid(format!(
                    "tabellen ”{}” rad {} har {} celler men {} kolumner",
                    t.title,
                    i + 1,
                    r.len(),
                    t.header.len()
                )));
            }
            if t.flex_column.is_some_and(|c| c >= t.header.len()) {
                return Err(RenderError::Invalid(format!(
                    "tabellen ”{}” har ingen kolumn {:?}",
                    t.title, t.flex_column
                )));
            }
            if !t.numeric.is_empty() && t.numeric.len() != t.header.len() {
                return Err(RenderError::Invalid(format!(
                    "tabellen ”{}”: justeringen anges för {} kolumner men tabellen har {}",
                    t.title,
                    t.numeric.len(),
                    t.header.len()
                )));
            }
        }
        if let Some(c) = s
            .charts
            .iter()
            .find(|c| !c.trim_start().starts_with("<svg") && !c.trim_start().starts_with("<?xml"))
        {
            return Err(RenderError::Invalid(format!(
                "diagrammet i avsnittet ”{}” är inte SVG (börjar med {:?})",
                s.heading,
                c.chars().take(20).collect::<String>()
            )));
        }
    }
    Ok(Payload {
        header: Header::new(
            &d.municipality,
            &d.body,
            &d.kind,
            format::date_iso(d.date),
            &d.title,
        ),
        title: d.title.clone(),
        subtitle: d.subtitle.clone().unwrap_or_default(),
        facts: d.facts.clone(),
        sections: d
            .sections
            .iter()
            .map(|s| SectionPayload {
                heading: s.heading.clone(),
                text: blocks(&s.text),
                tables: s
                    .tables
                    .iter()
                    .map(|t| ReportTable {
                        numeric: if t.numeric.is_empty() {
                            vec![false; t.header.len()]
                        } else {
                            t.numeric.clone()
                        },
                        ..t.clone()
                    })
                    .collect(),
                charts: s.charts.clone(),
                new_page: s.new_page,
            })
            .collect(),
        landscape: d.landscape,
    })
}
