//! The shape a follow-up report is read into (serialised as the JSON of
//! `paragraf followup import --dry-run --json`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A follow-up report as read from text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpReport {
    /// "verksamhetsrapport" or "budgetuppföljning".
    pub document_type: String,
    /// The nämnd or utskott ("Social- och omsorgsnämnden"); empty when not found.
    pub body: String,
    /// The period as "start/end" ("2023-01-01/2023-08-31").
    pub period: Option<String>,
    /// The text of the Sammanfattning, if any.
    pub summary: Option<String>,
    /// Numeric tables, in order.
    pub tables: Vec<FollowUpTable>,
    /// The goal tree.
    pub goals: Vec<FollowUpGoal>,
    /// Uppdrag.
    pub assignments: Vec<FollowUpAssignment>,
    /// The checks of the figures (filled by the application).
    pub checks: Vec<String>,
    /// What could not be placed.
    pub warnings: Vec<String>,
}

/// A table: title, unit, the header as printed (label column first), rows and total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpTable {
    /// The heading the table stands under, or its caption.
    pub title: Option<String>,
    /// "tkr", "mnkr", "kr", "%" or `None`.
    pub unit: Option<String>,
    /// Column headings, the label column first.
    pub header: Vec<String>,
    /// Rows with their children.
    pub rows: Vec<FollowUpRow>,
    /// The total row, if printed.
    pub total: Option<FollowUpRow>,
    /// The most decimals any value shows.
    pub decimals: u8,
    /// The report section it stands in: "ekonomi", "kvantiteter" or "medarbetare".
    pub section: String,
    /// The line (1-based) of its header.
    pub line: usize,
}

/// A row: label, one value per value column (`null` for an empty cell or a dash), and the
/// rows under it. `kind` is "row", "part" (one of the parts its parent sums) or "varav"
/// (included in its parent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpRow {
    /// The label, without a leading "-" or "-varav".
    pub label: String,
    /// "row", "part" or "varav".
    pub kind: String,
    /// One value per value column.
    pub values: Vec<Option<f64>>,
    /// The rows under it.
    pub children: Vec<FollowUpRow>,
}

/// A goal with its assessment, analysis, subgoals and indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpGoal {
    /// "övergripande", "kf_verksamhetsmål" or "nämndmål".
    pub level: String,
    /// The goal's wording.
    pub title: String,
    /// The assessment as printed ("Delvis uppfyllt").
    pub assessment: Option<String>,
    /// The analysis, paragraphs separated by blank lines.
    pub analysis: Option<String>,
    /// Subgoals.
    pub children: Vec<FollowUpGoal>,
    /// Indicators.
    pub indicators: Vec<FollowUpIndicator>,
}

/// An indicator row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpIndicator {
    /// Its name as printed.
    pub name: String,
    /// "%" when the values are percentages.
    pub unit: Option<String>,
    /// "Alla", "Kvinnor", "Män" or `None`.
    pub gender: Option<String>,
    /// Values by year.
    pub values: BTreeMap<String, f64>,
    /// The target.
    pub target: Option<f64>,
    /// The status as printed.
    pub status: Option<String>,
    /// The trend as printed.
    pub trend: Option<String>,
}

/// An uppdrag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpAssignment {
    /// What is to be done.
    pub title: String,
    /// The group it is listed under ("Uppdrag från nämnd").
    pub group: Option<String>,
    /// Startdatum (ISO).
    pub start: Option<String>,
    /// Slutdatum (ISO).
    pub end: Option<String>,
    /// "Ej påbörjad", "Pågår", "Klar".
    pub status: Option<String>,
    /// The comment, paragraphs separated by blank lines.
    pub comment: Option<String>,
}
