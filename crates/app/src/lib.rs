//! # paragraf-app
//!
//! The operations that people perform — register a case, send a notice, record a vote,
//! approve the minutes, post the anslag, verify a seal — as functions over the core's rules
//! and the store. The command line and the web server both call these, so neither holds
//! any logic of its own. Each operation that changes several things does so in one
//! transaction.

pub mod cycle;
pub mod datadir;
pub mod keys;

pub use datadir::{
    Config, DataDir, MunicipalityConfig, RegistryConfig, CONFIG_FILE, DATABASE_FILE,
};
