//! Errors as answers: an HTML page for people, a JSON body for the API. Both say what is
//! wrong in Swedish and, for bad input, which field.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use maud::html;

/// What went wrong while answering.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// Not logged in.
    #[error("du behöver logga in")]
    Unauthorized,
    /// Logged in with a password someone else set: choose one's own first.
    #[error("välj ett eget lösenord först")]
    PasswordChange,
    /// Logged in, but not allowed.
    #[error("{0}")]
    Forbidden(String),
    /// No such thing (or not visible to this viewer).
    #[error("{0} finns inte")]
    NotFound(String),
    /// Bad input, naming the field.
    #[error("{message}")]
    BadInput {
        /// The field, when one is to blame.
        field: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// An upload larger than the configured limit.
    #[error("{0}")]
    TooLarge(String),
    /// A rule of the domain refused the change.
    #[error("{0}")]
    Rule(String),
    /// Something failed inside.
    #[error("internt fel: {0}")]
    Internal(String),
}

impl WebError {
    /// Bad input in `field`.
    pub fn field(field: &str, message: impl Into<String>) -> WebError {
        WebError::BadInput {
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// Whether the form comes back with the reason and what was typed: a refusal of the
    /// rules or of the input — not a login, access or missing thing.
    pub(crate) fn refuses_form(&self) -> bool {
        let s = self.status();
        s.is_client_error()
            && s != StatusCode::FORBIDDEN
            && s != StatusCode::NOT_FOUND
            && s != StatusCode::UNAUTHORIZED
    }

    pub(crate) fn status(&self) -> StatusCode {
        match self {
            WebError::Unauthorized => StatusCode::UNAUTHORIZED,
            WebError::PasswordChange => StatusCode::FORBIDDEN,
            WebError::Forbidden(_) => StatusCode::FORBIDDEN,
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::BadInput { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Rule(_) => StatusCode::CONFLICT,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<paragraf_app::Error> for WebError {
    fn from(e: paragraf_app::Error) -> Self {
        use paragraf_app::Error as E;
        match e {
            E::NotFound(m) => WebError::NotFound(m),
            E::Rule(m) | E::Conflict(m) => WebError::Rule(m),
            E::Invalid { field, message } => WebError::BadInput { field, message },
            E::Forbidden(m) => WebError::Forbidden(m),
            E::Internal(m) => WebError::Internal(m),
        }
    }
}

/// What the application's operations return inside: classified by [`paragraf_app::Error`]
/// (a rule's refusal, not found, a conflict, invalid input) — anything else is internal.
impl From<anyhow::Error> for WebError {
    fn from(e: anyhow::Error) -> Self {
        paragraf_app::Error::from(e).into()
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if matches!(self, WebError::PasswordChange) {
            return axum::response::Redirect::to("/konto/losenord").into_response();
        }
        let status = self.status();
        if let WebError::Internal(m) = &self {
            tracing::error!("{m}");
        }
        let message = match &self {
            WebError::Internal(_) => {
                "Ett internt fel inträffade. Försök igen eller kontakta administratören."
                    .to_string()
            }
            other => other.to_string(),
        };
        let login = matches!(self, WebError::Unauthorized);
        let page = crate::html::page(
            "Fel",
            None,
            html! {
                h1 { "Det gick inte" }
                p role="alert" { (message) }
                @if login { p { a href="/logga-in" { "Logga in" } } }
                p { a href="/" { "Till startsidan" } }
            },
        );
        (status, page).into_response()
    }
}

/// The same errors, answered as JSON: `{"error": {"status", "message", "field"}}`.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let field = match &self.0 {
            WebError::BadInput { field, .. } => field.clone(),
            _ => None,
        };
        let message = match &self.0 {
            WebError::Internal(m) => {
                tracing::error!("{m}");
                "internt fel".to_string()
            }
            other => other.to_string(),
        };
        (status, Json(serde_json::json!({ "error": { "status": status.as_u16(), "message": message, "field": field } })))
            .into_response()
    }
}
