//! Inloggning via kommunens identitetsleverantör: `/logga-in/sso` sends the browser to the
//! provider, `/logga-in/sso/klar` takes it back. The protocol is `paragraf_app::sso`'s;
//! here are only the redirect, the short-lived cookie that holds state, nonce and PKCE
//! verifier meanwhile, and the pages.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use maud::html;

use crate::auth::{cookie_value, secure_attribute, session_cookie, Viewer};
use crate::error::WebError;
use crate::html::page;
use crate::workspace::login_page;
use crate::AppState;

/// The cookie that holds a login in progress. SameSite=Lax: it must come along when the
/// provider sends the browser back (a top-level GET from another site).
const PENDING: &str = "paragraf_sso";

fn pending_cookie(state: &AppState, value: &str, max_age: u32) -> String {
    format!(
        "{PENDING}={value}; Path=/logga-in/sso; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        secure_attribute(state)
    )
}

/// A refusal on the login page, with the reason.
fn refused(state: &AppState, viewer: &Viewer, status: StatusCode, why: &str) -> Response {
    (
        status,
        [(header::SET_COOKIE, pending_cookie(state, "", 0))],
        login_page(
            state,
            viewer,
            Some(&format!(
                "Inloggningen via identitetsleverantören misslyckades: {why}."
            )),
        ),
    )
        .into_response()
}

/// The provider could not be reached or answered wrongly: logged, and said plainly.
fn unavailable(state: &AppState, viewer: &Viewer, e: paragraf_app::Error) -> Response {
    tracing::warn!("inloggning via identitetsleverantör: {e}");
    refused(
        state,
        viewer,
        StatusCode::BAD_GATEWAY,
        "identitetsleverantören svarar inte just nu",
    )
}

/// `GET /logga-in/sso`: to the provider.
pub async fn begin(State(state): State<AppState>, viewer: Viewer) -> Result<Response, WebError> {
    paragraf_app::sso::config(&state.dir)?;
    match paragraf_app::sso::begin(&state.dir).await {
        Ok(started) => Ok((
            [(
                header::SET_COOKIE,
                pending_cookie(&state, &started.pending, 600),
            )],
            Redirect::to(&started.url),
        )
            .into_response()),
        Err(e) => Ok(unavailable(&state, &viewer, e)),
    }
}

/// `GET /logga-in/sso/klar?code=…&state=…` (or `?error=…`): back from the provider.
pub async fn finish(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: axum::http::HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    paragraf_app::sso::config(&state.dir)?;
    if let Some(error) = q.get("error") {
        let said = q.get("error_description").unwrap_or(error);
        return Ok(refused(
            &state,
            &viewer,
            StatusCode::FORBIDDEN,
            &format!("identitetsleverantören svarade ”{said}”"),
        ));
    }
    let (Some(code), Some(st)) = (q.get("code"), q.get("state")) else {
        return Ok(refused(
            &state,
            &viewer,
            StatusCode::BAD_REQUEST,
            "svaret saknade kod eller state",
        ));
    };
    let pending = cookie_value(&headers, PENDING).unwrap_or_default();
    match paragraf_app::sso::finish(&state.dir, &pending, st, code, Utc::now()).await {
        Ok(done) => {
            tracing::info!(user = %done.user.username, "inloggad via identitetsleverantör");
            // A page rather than a redirect: the session cookie is SameSite=Strict, and a
            // redirect that continues the provider's cross-site navigation would not carry
            // it. The refresh is a new navigation from this site (and the link works
            // without it).
            let mut response = (
                StatusCode::OK,
                [(header::REFRESH, "0; url=/sammantraden")],
                page(
                    "Inloggad",
                    None,
                    html! {
                        h1 { "Du är inloggad" }
                        p { "Välkommen, " (done.user.name) ". " a href="/sammantraden" { "Fortsätt till arbetsytan" } }
                    },
                ),
            )
                .into_response();
            let h = response.headers_mut();
            h.append(
                header::SET_COOKIE,
                session_cookie(&state, &done.token)
                    .parse()
                    .map_err(|_| WebError::Internal("kakan".into()))?,
            );
            h.append(
                header::SET_COOKIE,
                pending_cookie(&state, "", 0)
                    .parse()
                    .map_err(|_| WebError::Internal("kakan".into()))?,
            );
            Ok(response)
        }
        Err(paragraf_app::Error::Forbidden(why)) => {
            Ok(refused(&state, &viewer, StatusCode::FORBIDDEN, &why))
        }
        Err(e) => Ok(unavailable(&state, &viewer, e)),
    }
}
