//! Delegation: the nämnd's delegationsordning as data, the delegationsbeslut checked against
//! the version in force on their date, and what the nämnd receives each month.
//!
//! A nämnd may let an utskott, its ordförande or officials decide on its behalf (KL 6 kap.
//! 37–40 §§, 7 kap. 5–8 §§); some matters may only go to an utskott (SoL 10 kap. 4 §; från 1 juli 2025 SoL (2025:400) 30 kap. 6–8 §§), and
//! every delegated decision is reported back (anmälan av delegationsbeslut).
//!
//! - [`order`]: the delegationsordning — its versions, sections, items, delegates in ranked
//!   order, graded levels, thresholds, conditional delegates — and the staleness rule.
//! - [`legal`]: a lagrum as written and parsed (chapter, §, stycke, punkt, law), and the
//!   thresholds (prisbasbelopp, kronor, months) read from an item's text.
//! - [`check`]: one decision row against the version in force on its date, with typed
//!   reasons in Swedish; roles held by persons; vidaredelegation.
//! - [`report`]: per unit and decision type, bifall/avslag per item, the ANMÄLAN lists.
//! - [`query`]: who may decide an item, search by matter or lagrum, the diff of two versions.

pub mod check;
pub mod legal;
pub mod order;
pub mod query;
pub mod report;

pub use check::{
    Authority, Checker, DecisionRow, FurtherDelegation, Outcome, RoleHolder, RowError,
};
pub use legal::{LegalRef, Threshold, ThresholdBound, ThresholdUnit};
pub use order::{
    in_force, is_elected, role_key, ConditionalDelegates, DelegationOrder, Item, Level,
    LevelNumber, OrderError, Section, Staleness,
};
pub use query::{diff, search, who, DelegateChange, OrderDiff, WhoAnswer, WhoError};
pub use report::{
    notice_lists, DecisionCount, DelegationReport, ItemOutcome, NoticeList, NoticeRow, TypeCount,
    UnitReport,
};
