//! Logging in: argon2id passwords (hashed on the blocking pool, a few at a time), session
//! cookies (HttpOnly, SameSite=Strict, Secure when the configured public address is https),
//! CSRF tokens per session, growing delays after failed logins per client address and per
//! address and name (a stranger elsewhere cannot lock anyone out), and API tokens that
//! expire and can be revoked.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use paragraf_app::accounts::{self, Role, User};
use paragraf_core::ids::BodyId;

use crate::error::WebError;
use crate::AppState;

/// The session cookie's name.
pub const COOKIE: &str = "paragraf_session";
pub use paragraf_app::accounts::{SESSION_HOURS, TOKEN_DAYS};
/// Failed logins from one address with one name before each attempt must wait.
pub const FREE_FAILURES_PER_NAME: u32 = 3;
/// Failed logins from one address (any names) before each attempt must wait.
pub const FREE_FAILURES_PER_ADDRESS: u32 = 10;
/// The longest wait between attempts.
pub const MAX_DELAY_SECONDS: u64 = 60;

pub use paragraf_app::accounts::{hash_password, random_token, verify_password};

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

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    last: Instant,
}

/// Failed logins per client address and per address and name, kept in memory. Each key
/// past its free failures must wait 2, 4, 8 … (at most [`MAX_DELAY_SECONDS`]) seconds
/// after its last failure; a success clears the address-and-name key.
#[derive(Clone, Default)]
pub struct Throttle(Arc<Mutex<HashMap<String, Failures>>>);

impl Throttle {
    fn delay(count: u32, free: u32) -> Duration {
        if count < free {
            return Duration::ZERO;
        }
        let exp = (count - free).min(6);
        Duration::from_secs((2u64 << exp).min(MAX_DELAY_SECONDS))
    }

    fn keys(address: &str, name: &str) -> [(String, u32); 2] {
        [
            (format!("a {address}"), FREE_FAILURES_PER_ADDRESS),
            (
                format!("n {address} {}", name.trim().to_lowercase()),
                FREE_FAILURES_PER_NAME,
            ),
        ]
    }

    /// Seconds to wait before `address` may try `name` again (0: may try now).
    pub fn wait(&self, address: &str, name: &str, now: Instant) -> u64 {
        let map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        Self::keys(address, name)
            .iter()
            .filter_map(|(k, free)| {
                let f = map.get(k)?;
                let until = f.last + Self::delay(f.count, *free);
                (until > now).then(|| (until - now).as_secs().max(1))
            })
            .max()
            .unwrap_or(0)
    }

    /// Counts a failure.
    pub fn failed(&self, address: &str, name: &str, now: Instant) {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() > 100_000 {
            // Forget what is old rather than grow without end.
            map.retain(|_, f| now.duration_since(f.last) < Duration::from_secs(3600));
        }
        for (k, _) in Self::keys(address, name) {
            let f = map.entry(k).or_insert(Failures {
                count: 0,
                last: now,
            });
            f.count += 1;
            f.last = now;
        }
    }

    /// Clears the address-and-name count after a good login.
    pub fn succeeded(&self, address: &str, name: &str) {
        let [_, (k, _)] = Self::keys(address, name);
        self.0.lock().unwrap_or_else(|e| e.into_inner()).remove(&k);
    }
}

/// At most this many password hashes are computed at once, so that a flood of logins
/// leaves the other cores to serve pages.
pub fn hash_slots() -> usize {
    std::thread::available_parallelism()
        .map(|n| (n.get() / 2).max(1))
        .unwrap_or(1)
}

/// Checks `password` against `hash` on the blocking pool, waiting for a free hashing slot.
async fn verify_off_workers(state: &AppState, hash: String, password: String) -> bool {
    let Ok(_slot) = state.hashing.clone().acquire_owned().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || verify_password(&hash, &password))
        .await
        .unwrap_or(false)
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
    let wait = state.throttle.wait(address, username, Instant::now());
    if wait > 0 {
        return Ok(Login::Wait(wait));
    }
    let (user, hash) = accounts::login_hash(dir, username, &state.dummy_hash)?;
    let good = verify_off_workers(state, hash, password.to_string()).await;
    let user = match user {
        Some(u) if good && u.may_log_in(Utc::now()) => u,
        other => {
            state.throttle.failed(address, username, Instant::now());
            if let Some(u) = other {
                accounts::login_failed(dir, &u)?;
            }
            return Ok(Login::Wrong);
        }
    };
    state.throttle.succeeded(address, username);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_make_the_same_address_and_name_wait_longer_and_longer() {
        let t = Throttle::default();
        let now = Instant::now();
        for _ in 0..FREE_FAILURES_PER_NAME {
            assert_eq!(t.wait("1.2.3.4", "anna", now), 0);
            t.failed("1.2.3.4", "anna", now);
        }
        assert_eq!(t.wait("1.2.3.4", "anna", now), 2);
        t.failed("1.2.3.4", "anna", now);
        assert_eq!(t.wait("1.2.3.4", "Anna ", now), 4);
        // Another address, or the same address with another name, is not held up.
        assert_eq!(t.wait("5.6.7.8", "anna", now), 0);
        assert_eq!(t.wait("1.2.3.4", "bertil", now), 0);
        // Many names from one address: the address waits.
        for i in 0..FREE_FAILURES_PER_ADDRESS {
            t.failed("9.9.9.9", &format!("namn{i}"), now);
        }
        assert!(t.wait("9.9.9.9", "ny", now) > 0);
        // The wait is capped and runs out.
        for _ in 0..20 {
            t.failed("1.2.3.4", "anna", now);
        }
        assert_eq!(t.wait("1.2.3.4", "anna", now), MAX_DELAY_SECONDS);
        assert_eq!(
            t.wait(
                "1.2.3.4",
                "anna",
                now + Duration::from_secs(MAX_DELAY_SECONDS + 1)
            ),
            0
        );
        // A good login clears the name's count.
        for _ in 0..FREE_FAILURES_PER_NAME {
            t.failed("7.7.7.7", "cecilia", now);
        }
        assert!(t.wait("7.7.7.7", "cecilia", now) > 0);
        t.succeeded("7.7.7.7", "cecilia");
        assert_eq!(t.wait("7.7.7.7", "cecilia", now), 0);
    }
}
