//! # paragraf-app
//!
//! The operations that people perform — register a case, send a notice, record a vote,
//! approve the minutes, post the anslag, verify a seal — as functions over the core's rules
//! and the store. The command line and the web server both call these, so neither holds
//! any logic of its own. Each operation that changes several things does so in one
//! transaction.

pub mod access;
pub mod accounts;
pub mod clock;
pub mod datadir;
pub mod delegation;
pub mod demo;
mod error;
pub mod followup;
pub mod imports;
pub mod install;
pub mod keys;
pub mod mail;
pub mod meeting;
pub mod memo;
pub mod open_data;
pub mod org;
mod pipeline;
mod queries;
pub mod registry;
pub mod search;
pub mod settings;
pub mod signing;
pub mod sso;
pub mod unenforced;

pub use error::{Error, Result};
pub use paragraf_import::table::{BadRows, RowProblem};
/// Swedish formatting of numbers, dates and months (the typesetter's, for pages too).
pub use paragraf_render::format;
/// Whether the public site reads the read replica (see `DataDir::check_replica`).
pub use paragraf_store::ReplicaState;

pub use datadir::{
    Config, DataDir, DatabaseConfig, MunicipalityConfig, RegistryConfig, SsoConfig, CONFIG_FILE,
    DATABASE_FILE,
};

use paragraf_store::{Store, StoreError};

/// Runs `f` in one transaction of `store`: everything it writes is kept if it returns `Ok`,
/// nothing if it fails (its error is returned as it was).
pub fn in_transaction<T>(
    store: &dyn Store,
    f: impl FnOnce(&dyn paragraf_store::Storage) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let mut f = Some(f);
    let mut out = None;
    let mut failure = None;
    let res = store.atomically(&mut |tx| match (f.take().expect("run once"))(tx) {
        Ok(v) => {
            out = Some(v);
            Ok(())
        }
        Err(e) => {
            failure = Some(e);
            Err(StoreError::Rule("avbruten".into()))
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    res?;
    out.ok_or_else(|| anyhow::anyhow!("transaktionen gav inget resultat"))
}

/// Readies the typesetter (fonts, library, one small protocol) so that the first document a
/// server makes does not wait for it; `paragraf serve` calls it while it starts.
pub fn warm_up() -> anyhow::Result<()> {
    Ok(paragraf_render::warm_up()?)
}
