//! What an operation can answer instead of its result: a rule refused it, something does
//! not exist, it conflicts with what is stored, the input is invalid (naming the field), the
//! person may not do it, or something failed inside. The web answers 409, 404, 409, 422,
//! 403 and 500; the command line exits 3, 4, 5, 2, 6 and 1.

use paragraf_store::StoreError;

/// The error of an application operation. Messages are Swedish, name people by name, and
/// never tell a user of the web to run a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A rule of the domain refused it (the rule's own message).
    #[error("{0}")]
    Rule(String),
    /// Something asked for does not exist.
    #[error("{0} finns inte")]
    NotFound(String),
    /// It conflicts with what is stored (a number or name taken, a file already read).
    #[error("{0}")]
    Conflict(String),
    /// The input is invalid; `field` names the field when one is to blame.
    #[error("{message}")]
    Invalid {
        /// The field.
        field: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// The person may not do it.
    #[error("{0}")]
    Forbidden(String),
    /// Something failed inside (the database, a file, the typesetter).
    #[error("internt fel: {0}")]
    Internal(String),
}

/// The result of an application operation.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Invalid input in `field`.
    pub fn field(field: &str, message: impl Into<String>) -> Error {
        Error::Invalid {
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// The command line's exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Internal(_) => 1,
            Error::Invalid { .. } => 2,
            Error::Rule(_) => 3,
            Error::NotFound(_) => 4,
            Error::Conflict(_) => 5,
            Error::Forbidden(_) => 6,
        }
    }

    /// A rule's refusal, from any domain error.
    pub fn rule(e: impl std::fmt::Display) -> Error {
        Error::Rule(e.to_string())
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { what, id } => Error::NotFound(format!("{what} {id}")),
            StoreError::Conflict(m) => Error::Conflict(m),
            StoreError::Rule(m) => Error::Rule(m),
            other => Error::Internal(other.to_string()),
        }
    }
}

/// Errors of the domain's rules are refusals; everything else that reaches here unnamed
/// failed inside.
impl From<anyhow::Error> for Error {
    fn from(e: anyhow::Error) -> Self {
        if e.downcast_ref::<Error>().is_some() {
            return e.downcast::<Error>().expect("checked");
        }
        if let Some(s) = e.downcast_ref::<StoreError>() {
            return match s {
                StoreError::NotFound { what, id } => Error::NotFound(format!("{what} {id}")),
                StoreError::Conflict(_) => Error::Conflict(format!("{e:#}")),
                StoreError::Rule(_) => Error::Rule(format!("{e:#}")),
                _ => Error::Internal(format!("{e:#}")),
            };
        }
        let rule = e.chain().any(|c| {
            c.is::<paragraf_core::minutes::MinutesError>()
                || c.is::<paragraf_core::cycle::CycleError>()
                || c.is::<paragraf_core::meeting::AttendanceError>()
                || c.is::<paragraf_core::org::OrgError>()
                || c.is::<paragraf_core::dnr::DnrError>()
                || c.is::<paragraf_core::unenforced::DecisionError>()
                || c.is::<paragraf_core::unenforced::decision::DecisionErrors>()
                || c.is::<paragraf_core::calendar::CalendarError>()
                || c.is::<paragraf_core::delegation::order::OrderError>()
                || c.is::<paragraf_core::delegation::query::WhoError>()
                || c.is::<paragraf_core::followup::FollowUpError>()
                || c.is::<paragraf_core::unenforced::catalogue::CatalogueError>()
        });
        if rule {
            return Error::Rule(format!("{e:#}"));
        }
        if e.chain().any(|c| {
            c.is::<paragraf_import::ImportError>() || c.is::<paragraf_import::table::BadRows>()
        }) {
            return Error::Invalid {
                field: None,
                message: format!("{e:#}"),
            };
        }
        Error::Internal(format!("{e:#}"))
    }
}

/// Refuses with the rule's message (inside an `anyhow` function of the application).
#[macro_export]
macro_rules! refuse {
    ($($t:tt)*) => {
        return Err(::anyhow::Error::new($crate::Error::Rule(format!($($t)*))))
    };
}
