//! Ej verkställda beslut: the register of favourable decisions (gynnande beslut) under SoL
//! and LSS that have not been carried out, and the reports the law asks for.
//!
//! A municipality that does not carry out its own favourable decision within three months
//! reports it to IVO every quarter (SoL 16 kap. 6 f §, LSS 28 f §) and reports statistics to
//! the nämnd, KF and the auditors (SoL 16 kap. 6 h §, LSS 28 h §).
//!
//! - [`catalogue`]: the types of service (insatser) tied to their law, with the spellings
//!   that map to each.
//! - [`decision`]: one entry of the register (beslut), checked on construction.
//! - [`rules`]: the three rules — three calendar months, days waited, interruptions.
//! - [`report`]: the monthly statistics report (statistikrapport) of seed 004 §§ 14–15.
//! - [`ivo`]: the quarterly report to IVO (JSON and CSV).
//! - [`stats`]: per-quarter counts per law and type for KF and the auditors, and the series
//!   the chart is drawn from.
//! - [`public`]: the statistics for the public: aggregates only, small cells hidden.
//! - [`check`]: the consistency check of reports typed elsewhere (kontroll).

pub mod catalogue;
pub mod check;
pub mod decision;
pub mod ivo;
pub mod public;
pub mod report;
pub mod rules;
pub mod stats;

pub use catalogue::{Catalogue, Law, ServiceType};
pub use decision::{
    Closure, DecisionError, DecisionId, Gender, GrantedDecision, Interruption, Offer, Reason,
};
pub use ivo::{IvoKind, IvoReport, IvoRow, Quarter};
pub use report::{MonthlyReport, ReportRow, TypeCount};
