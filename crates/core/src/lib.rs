//! # paragraf-core
//!
//! The domain of a Swedish municipal committee (nämnd) and its legal rules, in pure Rust
//! with no I/O: nothing here knows about SQL, HTTP or PDF.
//!
//! - [`org`]: the municipality, bodies, terms of office, persons, memberships, officials.
//! - [`registry`]: cases (ärenden) and documents (handlingar); [`dnr`]: diarienummer.
//! - [`meeting`]: meetings, hålltider, the föredragningslista and attendance.
//! - [`minutes`]: the minutes with their §§, decisions, votes, jäv, justering and anslag.
//! - [`calendar`]: public holidays, lag (1930:173) and the legal dates of the cycle.
//! - [`followup`]: verksamhetsuppföljning — budget, goals, indicators and uppdrag.
//!
//! Every type names its Swedish term in its doc comment. Constructors check the rules and
//! return errors whose messages are Swedish, for the people who read them.

pub mod calendar;
pub mod canonical;
mod checksum;
pub mod cycle;
pub mod delegation;
pub mod dnr;
pub mod followup;
pub mod ids;
pub mod meeting;
pub mod memo;
pub mod minutes;
pub mod org;
pub mod publication;
pub mod registry;
pub mod seal;
pub mod secrecy;
pub mod unenforced;

pub use checksum::luhn_valid;
