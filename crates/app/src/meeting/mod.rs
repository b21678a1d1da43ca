//! The meeting from planning to the posted protocol: the cycle's operations, the documents,
//! storing an imported protocol, the public version, and placing a prepared matter on an
//! agenda.

pub mod agenda;
pub mod cycle;
pub mod documents;
pub mod import;
pub mod papers;
pub mod publication;
pub mod tables;
pub mod tasks;
