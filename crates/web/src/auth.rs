//! Logging in: argon2id passwords, session cookies (HttpOnly, SameSite=Strict, Secure off
//! loopback), CSRF tokens per session, a lockout after repeated failures, and API tokens.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use chrono::{Duration, Utc};
use paragraf_core::ids::BodyId;
use paragraf_core::seal::{sha256_hex, to_hex};
use paragraf_store::{Role, User};

use crate::error::WebError;
use crate::AppState;

/// The session cookie's name.
pub const COOKIE: &str = "paragraf_session";
/// Failed logins in a row before the account locks.
pub const MAX_FAILURES: u32 = 5;
/// How long a locked account stays locked.
pub const LOCKOUT_MINUTES: i64 = 15;
/// How long a session lives.
pub const SESSION_HOURS: i64 = 8;

/// An argon2id hash of `password` with a random salt.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt).map_err(|e| anyhow::anyhow!("ingen slumpkälla: {e}"))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .to_string())
}

/// Whether `password` matches the stored hash.
pub fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A fresh random token, hex.
pub fn random_token() -> String {
    let mut b = [0u8; 32];
    // The OS random source does not fail on supported systems; an all-zero token would be
    // refused at login below.
    let _ = getrandom::getrandom(&mut b);
    to_hex(&b)
}

/// Who is asking: a logged-in user (by session cookie or API token) or the public.
#[derive(Debug, Clone)]
pub struct Viewer {
    /// The user, when logged in.
    pub user: Option<User>,
    /// The session's CSRF token (none for API tokens and the public).
    pub csrf: Option<String>,
    /// The session token's hash, for logging out.
    pub session_hash: Option<String>,
    /// Whether the user came with an API token (no CSRF needed).
    pub by_token: bool,
}

impl Viewer {
    /// The name in the audit log.
    pub fn actor(&self) -> String {
        self.user
            .as_ref()
            .map_or_else(|| "anonym".into(), |u| u.username.clone())
    }

    /// The user, if they hold one of `roles`; 401 for the public, 403 otherwise.
    pub fn require(&self, roles: &[Role]) -> Result<&User, WebError> {
        let user = self.user.as_ref().ok_or(WebError::Unauthorized)?;
        if roles.contains(&user.role) {
            Ok(user)
        } else {
            Err(WebError::Forbidden(format!(
                "rollen {} får inte göra detta",
                user.role.swedish()
            )))
        }
    }

    /// Any logged-in user.
    pub fn logged_in(&self) -> Result<&User, WebError> {
        self.user.as_ref().ok_or(WebError::Unauthorized)
    }

    /// Whether the user may read the non-public documents of `body`.
    pub fn can_read_body(&self, body: BodyId) -> bool {
        match &self.user {
            Some(u) => {
                matches!(u.role, Role::Admin | Role::Secretary | Role::CaseOfficer)
                    || u.bodies.contains(&body)
            }
            None => false,
        }
    }

    /// Checks a form's CSRF token against the session's.
    pub fn check_csrf(&self, token: &str) -> Result<(), WebError> {
        if self.by_token {
            return Ok(());
        }
        match &self.csrf {
            Some(c) if !token.is_empty() && c == token => Ok(()),
            _ => Err(WebError::Forbidden(
                "ogiltig eller saknad CSRF-token; ladda om sidan och försök igen".into(),
            )),
        }
    }
}

fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let store = &state.dir.store;
        if let Some(bearer) = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
        {
            let user = store.api_token_user(&sha256_hex(bearer.trim().as_bytes()))?;
            if user.is_none() {
                return Err(WebError::Unauthorized);
            }
            return Ok(Viewer {
                user,
                csrf: None,
                session_hash: None,
                by_token: true,
            });
        }
        if let Some(token) = cookie_value(&parts.headers, COOKIE) {
            let hash = sha256_hex(token.as_bytes());
            if let Some(s) = store.session(&hash, Utc::now())? {
                return Ok(Viewer {
                    user: Some(s.user),
                    csrf: Some(s.csrf),
                    session_hash: Some(hash),
                    by_token: false,
                });
            }
        }
        Ok(Viewer {
            user: None,
            csrf: None,
            session_hash: None,
            by_token: false,
        })
    }
}

/// The outcome of a login attempt.
pub enum Login {
    /// Logged in: the Set-Cookie header value.
    Ok(String),
    /// Wrong name or password.
    Wrong,
    /// Locked after too many failures.
    Locked,
}

fn is_loopback(host: Option<&str>) -> bool {
    let h = host.unwrap_or("");
    let name = h.rsplit_once(':').map_or(h, |(n, _)| n);
    matches!(name, "localhost" | "127.0.0.1" | "[::1]")
}

/// Checks the password, counts failures, locks after [`MAX_FAILURES`], and creates a session.
pub fn login(
    state: &AppState,
    username: &str,
    password: &str,
    host: Option<&str>,
) -> Result<Login, WebError> {
    let store = &state.dir.store;
    let Some(user) = store.user_by_name(username.trim())? else {
        // Spend the same time as a real check so names cannot be probed by timing.
        let _ = verify_password(&state.dummy_hash, password);
        return Ok(Login::Wrong);
    };
    if user.locked_until.is_some_and(|t| t > Utc::now()) {
        return Ok(Login::Locked);
    }
    if !verify_password(&user.password_hash, password) {
        let n = store.login_failed(
            user.id,
            MAX_FAILURES,
            Utc::now() + Duration::minutes(LOCKOUT_MINUTES),
        )?;
        return Ok(if n >= MAX_FAILURES {
            Login::Locked
        } else {
            Login::Wrong
        });
    }
    store.login_succeeded(user.id)?;
    let token = random_token();
    let csrf = random_token();
    store.create_session(
        &sha256_hex(token.as_bytes()),
        user.id,
        &csrf,
        Utc::now() + Duration::hours(SESSION_HOURS),
    )?;
    let secure = if is_loopback(host) { "" } else { "; Secure" };
    Ok(Login::Ok(format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
        SESSION_HOURS * 3600
    )))
}

/// The Set-Cookie value that ends a session.
pub fn logout_cookie() -> String {
    format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let h = hash_password("rätt lösenord").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(&h, "rätt lösenord"));
        assert!(!verify_password(&h, "fel"));
        assert!(!verify_password("inte en hash", "x"));
        assert_ne!(random_token(), random_token());
    }

    #[test]
    fn cookies_are_secure_off_loopback() {
        assert!(is_loopback(Some("127.0.0.1:8080")));
        assert!(is_loopback(Some("localhost")));
        assert!(!is_loopback(Some("paragraf.demoby.se")));
    }
}
