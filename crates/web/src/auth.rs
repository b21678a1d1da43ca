//! Logging in: argon2id passwords (hashed on the blocking pool, a few at a time), session
//! cookies (HttpOnly, SameSite=Strict, Secure when the configured public address is https),
//! CSRF tokens per session, growing delays after failed logins per client address and per
//! address and name (a stranger elsewhere cannot lock anyone out), and API tokens that
//! expire and can be revoked.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};

use chrono::Utc;
use paragraf_app::accounts::{self, Role, User};
use paragraf_core::ids::BodyId;

use crate::error::WebError;
use crate::AppState;

/// The session cookie's name.
pub const COOKIE: &str = "paragraf_session";
pub use paragraf_app::accounts::{hash_password, random_token, verify_password};
pub use paragraf_app::accounts::{SESSION_HOURS, TOKEN_DAYS};

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
    /// Logged in with a password someone else set: nothing but choosing one's own (and
    /// logging out) until it is done; the user is not shown to other pages.
    pub must_change: bool,
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
        if self.must_change {
            return Err(WebError::PasswordChange);
        }
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
        if self.must_change {
            return Err(WebError::PasswordChange);
        }
        self.user.as_ref().ok_or(WebError::Unauthorized)
    }

    /// Whether the user may read the non-public documents of `body` (every role is
    /// limited to its bodies: [`paragraf_app::access`]).
    pub fn can_read_body(&self, body: BodyId) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| paragraf_app::access::may_read(u, Some(body)))
    }

    /// The user, if they hold one of `roles` and may read `body`'s matters (`None`: a thing
    /// of no body, for administrators); 401 for the public, 403 otherwise.
    pub fn require_in(&self, roles: &[Role], body: Option<BodyId>) -> Result<&User, WebError> {
        let user = self.require(roles)?;
        if paragraf_app::access::may_read(user, body) {
            Ok(user)
        } else {
            Err(WebError::Forbidden(
                "du arbetar inte i det organ som detta hör till".into(),
            ))
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

pub(crate) fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
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
        let dir = &state.dir;
        if let Some(bearer) = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
        {
            let user = accounts::token_user(dir, bearer, Utc::now())?;
            if user.is_none() {
                return Err(WebError::Unauthorized);
            }
            return Ok(Viewer {
                user,
                csrf: None,
                session_hash: None,
                by_token: true,
                must_change: false,
            });
        }
        if let Some(token) = cookie_value(&parts.headers, COOKIE) {
            if let Some((s, hash)) = accounts::session(dir, &token, Utc::now())? {
                // Only the password page and logging out are open until the user has
                // chosen their own password.
                let open = matches!(parts.uri.path(), "/konto/losenord" | "/logga-ut");
                let must_change = !open && accounts::must_change_password(dir, &s);
                return Ok(Viewer {
                    user: (!must_change).then_some(s.user),
                    csrf: Some(s.csrf),
                    session_hash: Some(hash),
                    by_token: false,
                    must_change,
                });
            }
        }
        Ok(Viewer {
            user: None,
            csrf: None,
            session_hash: None,
            by_token: false,
            must_change: false,
        })
    }
}

/// The client's address: the connection's, or — from a configured reverse proxy — the one
/// it forwards (`[server] trusted_proxies`); "okänd" when there is none, as in tests that
/// call the router directly.
pub struct ClientAddress(pub String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(peer) = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip())
        else {
            return Ok(ClientAddress("okänd".into()));
        };
        let forwarded = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        Ok(ClientAddress(
            state
                .dir
                .config()
                .server
                .client_address(peer, forwarded)
                .to_string(),
        ))
    }
}

/// The outcome of a login attempt.
pub enum Login {
    /// Logged in: the Set-Cookie header value.
    Ok(String),
    /// Wrong name or password, or an account that may not log in: one answer for all.
    Wrong,
    /// Too many failures from this address: try again after this many seconds. The same
    /// for known and unknown names.
    Wait(u64),
    /// Local passwords are turned off (`[sso] local_passwords = false`): nothing is checked.
    PasswordsOff,
}

/// At most this many password hashes are computed at once, so that a flood of logins
/// leaves the other cores to serve pages.
pub fn hash_slots() -> usize {
    std::thread::available_parallelism()
        .map(|n| (n.get() / 2).max(1))
        .unwrap_or(1)
}

/// Checks the password, counts failures, delays repeated failures, and creates a session.
/// Unknown names, wrong passwords and accounts that may not log in take the same time and
/// get the same answer.
pub async fn login(
    state: &AppState,
    username: &str,
    password: &str,
    address: &str,
) -> Result<Login, WebError> {
    let dir = &state.dir;
    if !paragraf_app::sso::local_passwords(dir) {
        return Ok(Login::PasswordsOff);
    }
    // Held back at once, without waiting for a slot; then, with a slot of the password
    // hashing held from the throttle's check until the failure is counted, checked again:
    // attempts sent at once are checked one after another (as many at a time as there are
    // slots), each seeing the failures counted before it.
    let wait = accounts::login_wait(dir, address, username, Utc::now())?;
    if wait > 0 {
        return Ok(Login::Wait(wait));
    }
    let Ok(_slot) = state.hashing.clone().acquire_owned().await else {
        return Ok(Login::Wrong);
    };
    let wait = accounts::login_wait(dir, address, username, Utc::now())?;
    if wait > 0 {
        return Ok(Login::Wait(wait));
    }
    let (user, hash) = accounts::login_hash(dir, username, &state.dummy_hash)?;
    let password = password.to_string();
    let good = tokio::task::spawn_blocking(move || verify_password(&hash, &password))
        .await
        .unwrap_or(false);
    let user = match user {
        Some(u) if good && u.may_log_in(Utc::now()) => u,
        other => {
            accounts::login_attempt_failed(dir, address, username, Utc::now())?;
            if let Some(u) = other {
                accounts::login_failed(dir, &u)?;
            }
            return Ok(Login::Wrong);
        }
    };
    accounts::login_attempt_succeeded(dir, address, username)?;
    let (token, _csrf) = accounts::start_session(dir, &user, Utc::now())?;
    Ok(Login::Ok(session_cookie(state, &token)))
}

/// `; Secure` when the public address is https.
pub fn secure_attribute(state: &AppState) -> &'static str {
    if state.dir.config().server.secure_cookies() {
        "; Secure"
    } else {
        ""
    }
}

/// The Set-Cookie value of a new session.
pub fn session_cookie(state: &AppState, token: &str) -> String {
    format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
        SESSION_HOURS * 3600,
        secure_attribute(state)
    )
}

/// The Set-Cookie value that ends a session.
pub fn logout_cookie() -> String {
    format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}
