//! Verksamhetsuppföljning: the follow-up of a nämnd's money and goals — the monthly budget
//! follow-up, tertial and delår reports and the bokslut (seed 000 § 115, seed 002's
//! budgetuppföljning, seed 003's Verksamhetsrapport delår).
//!
//! - [`period`]: the span a follow-up covers (månad, tertial, delår, helår).
//! - [`finance`]: finance tables (resultaträkning, kostnadsställen) with rows in a
//!   hierarchy, units (kr, tkr, mnkr) and the sign convention of the source; the budget
//!   lines deviations are computed from.
//! - [`checks`]: the checks run on every table — deviation = outcome − budget, totals =
//!   sum of rows, "-varav" rows within their parent — with rounding differences as notes.
//! - [`goals`]: KF's övergripande mål → KF verksamhetsmål → the nämnd's mål, assessed on a
//!   configurable scale.
//! - [`indicators`]: indikatorer with values per year and gender, target, status and trend,
//!   suggested from the values and overridable with a reason.
//! - [`assignments`]: uppdrag from KF or the nämnd with status and comments per period.
//! - [`format`]: Swedish number formatting (`−34 879`, `39,0`).
//! - [`report`]: one follow-up of one nämnd — summary, tables by section, goals, uppdrag.
//! - [`kolada`]: key figures (nyckeltal) from Kolada per KPI, municipality, year and gender.

pub mod assignments;
pub mod checks;
pub mod finance;
pub mod format;
pub mod goals;
pub mod indicators;
pub mod kolada;
pub mod period;
pub mod report;

pub use assignments::{Assignment, AssignmentStatus};
pub use checks::{check_table, CheckKind, Finding, Severity};
pub use finance::{
    BudgetLine, Column, ColumnRole, FinanceRow, FinanceTable, RowKind, SignConvention, Unit,
};
pub use goals::{AssessmentScale, Goal, GoalLevel};
pub use indicators::{Direction, Gender, Indicator, IndicatorSource, Status, Trend};
pub use period::{Period, PeriodKind};
pub use report::{FollowUp, Section, SectionTable};

/// Errors of the follow-up model, in Swedish for the people who read them.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FollowUpError {
    /// A period that is not a month, a span or a year.
    #[error("”{0}” är ingen period (ÅÅÅÅ-MM, ÅÅÅÅ eller ÅÅÅÅ-MM-DD/ÅÅÅÅ-MM-DD)")]
    BadPeriod(String),
    /// A period that ends before it starts.
    #[error("perioden slutar {end} före sin början {start}")]
    PeriodOrder {
        /// Start.
        start: chrono::NaiveDate,
        /// End.
        end: chrono::NaiveDate,
    },
    /// A required text that is empty.
    #[error("{0} saknas")]
    Missing(&'static str),
    /// A row whose number of values differs from the table's columns.
    #[error("raden ”{label}” har {got} värden men tabellen har {want} kolumner")]
    RowWidth {
        /// The row.
        label: String,
        /// Its values.
        got: usize,
        /// The table's value columns.
        want: usize,
    },
    /// An assessment that is not on the scale.
    #[error("bedömningen ”{value}” av ”{goal}” finns inte på skalan ({scale})")]
    NotOnScale {
        /// The goal.
        goal: String,
        /// The assessment.
        value: String,
        /// The scale's levels.
        scale: String,
    },
    /// A goal below one of the same or a lower level.
    #[error("målet ”{child}” ({child_level}) kan inte ligga under ”{parent}” ({parent_level})")]
    GoalLevel {
        /// The parent.
        parent: String,
        /// Its level.
        parent_level: &'static str,
        /// The child.
        child: String,
        /// Its level.
        child_level: &'static str,
    },
    /// An override without a reason.
    #[error("ändrad {what} för ”{name}” kräver en motivering")]
    OverrideWithoutReason {
        /// Status or trend.
        what: &'static str,
        /// The indicator.
        name: String,
    },
    /// A text that names no known value.
    #[error("okänt värde för {what}: ”{value}”")]
    Unknown {
        /// What was parsed.
        what: &'static str,
        /// The text.
        value: String,
    },
    /// An uppdrag that ends before it starts.
    #[error("uppdraget ”{title}” slutar {end} före sitt startdatum {start}")]
    AssignmentOrder {
        /// The uppdrag.
        title: String,
        /// Start.
        start: chrono::NaiveDate,
        /// End.
        end: chrono::NaiveDate,
    },
}
