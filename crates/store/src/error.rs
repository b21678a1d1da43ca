//! Errors of the store.

/// What went wrong when reading or writing the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database refused or failed.
    #[error("databasfel: {0}")]
    Database(crate::sql::DbError),
    /// Something asked for does not exist.
    #[error("{what} {id} finns inte")]
    NotFound {
        /// What kind of thing.
        what: &'static str,
        /// Its id or key.
        id: String,
    },
    /// A write that would break uniqueness or a reference.
    #[error("{0}")]
    Conflict(String),
    /// Stored data that no longer passes the domain's checks.
    #[error("lagrade data för {what} {id} är ogiltiga: {reason}")]
    Corrupt {
        /// What kind of thing.
        what: &'static str,
        /// Its id.
        id: String,
        /// Why.
        reason: String,
    },
    /// A domain rule refused the value.
    #[error("{0}")]
    Rule(String),
    /// The database was written by a newer Paragraf.
    #[error("databasen har schemaversion {found}, men den här versionen av Paragraf känner bara till {known}; uppgradera Paragraf")]
    TooNew {
        /// The version in the file.
        found: i64,
        /// The newest this build knows.
        known: i64,
    },
}
