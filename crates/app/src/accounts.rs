//! Konton: users, passwords (argon2id), sessions, API tokens and the audit log. The web
//! asks here who someone is; how often a client may try (throttling) is the web's business.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::{DateTime, Duration, Utc};
use paragraf_core::ids::{BodyId, PersonId};
use paragraf_core::seal::{sha256_hex, to_hex};
pub use paragraf_store::{ApiToken, AuditEntry, Role, Session, User};

use crate::{DataDir, Error, Result};

/// How long a session lives.
pub const SESSION_HOURS: i64 = 8;
/// How long an API token lives unless a shorter life is asked for.
pub const TOKEN_DAYS: i64 = 90;

/// An argon2id hash of `password` with a random salt.
pub fn hash_password(password: &str) -> Result<String> {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt)
        .map_err(|e| Error::Internal(format!("ingen slumpkälla: {e}")))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| Error::Internal(e.to_string()))?
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
    // The OS random source does not fail on supported systems.
    let _ = getrandom::getrandom(&mut b);
    to_hex(&b)
}

/// The password hash to check a login against: the user's, or `dummy` for a name that does
/// not exist (so that both take the same time).
pub fn login_hash(dir: &DataDir, username: &str, dummy: &str) -> Result<(Option<User>, String)> {
    let user = dir.store.user_by_name(username.trim())?;
    let hash = user
        .as_ref()
        .map_or_else(|| dummy.to_string(), |u| u.password_hash.clone());
    Ok((user, hash))
}

/// A new session after a good login: `(token, csrf)`. The failure count is cleared.
pub fn start_session(dir: &DataDir, user: &User, now: DateTime<Utc>) -> Result<(String, String)> {
    dir.store.login_succeeded(user.id)?;
    let token = random_token();
    let csrf = random_token();
    dir.store.create_session(
        &sha256_hex(token.as_bytes()),
        user.id,
        &csrf,
        now + Duration::hours(SESSION_HOURS),
    )?;
    Ok((token, csrf))
}

/// Counts a failed login of an existing user (shown to administrators; it locks nothing).
pub fn login_failed(dir: &DataDir, user: &User) -> Result<()> {
    dir.store.login_failed(user.id)?;
    Ok(())
}

/// The live session of a session token, if any (a read: nothing is written).
pub fn session(
    dir: &DataDir,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(Session, String)>> {
    let hash = sha256_hex(token.as_bytes());
    Ok(dir.store.session(&hash, now)?.map(|s| (s, hash)))
}

/// Ends a session (by the hash of its token).
pub fn end_session(dir: &DataDir, session_hash: &str) -> Result<()> {
    Ok(dir.store.delete_session(session_hash)?)
}

/// The user of an API token at `now`, if it is live and the account may be used.
pub fn token_user(dir: &DataDir, token: &str, now: DateTime<Utc>) -> Result<Option<User>> {
    Ok(dir
        .store
        .api_token_user(&sha256_hex(token.trim().as_bytes()), now)?)
}

/// Makes an API token for `user` that lives `days` days (1–365, default 90): the secret
/// (shown once), its number and when it expires. Recorded in the audit log.
pub fn create_token(
    dir: &DataDir,
    user: &User,
    label: &str,
    days: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(String, i64, DateTime<Utc>)> {
    let days = days.unwrap_or(TOKEN_DAYS);
    if !(1..=365).contains(&days) {
        return Err(Error::field("days", "en token gäller 1–365 dagar"));
    }
    if label.trim().is_empty() {
        return Err(Error::field("label", "ange vad token ska användas till"));
    }
    let token = random_token();
    let expires = now + Duration::days(days);
    let id = dir.store.create_api_token(
        &sha256_hex(token.as_bytes()),
        user.id,
        label.trim(),
        now,
        expires,
    )?;
    record(
        dir,
        &user.username,
        "skapa",
        "api-token",
        id,
        None,
        Some(serde_json::json!({ "label": label.trim(), "expires": expires.to_rfc3339() })),
    );
    Ok((token, id, expires))
}

/// A user's API tokens, newest first.
pub fn tokens(dir: &DataDir, user: &User) -> Result<Vec<ApiToken>> {
    Ok(dir.store.api_tokens(user.id)?)
}

/// Revokes token `id` of `user`.
pub fn revoke_token(dir: &DataDir, user: &User, id: i64, now: DateTime<Utc>) -> Result<()> {
    if !dir.store.revoke_api_token(user.id, id, now)? {
        return Err(Error::NotFound(format!("API-token {id}")));
    }
    record(
        dir,
        &user.username,
        "återkalla",
        "api-token",
        id,
        None,
        None,
    );
    Ok(())
}

/// Creates a user with a password (hashed here).
pub fn add_user(
    dir: &DataDir,
    username: &str,
    name: &str,
    password: &str,
    role: Role,
    person: Option<PersonId>,
    bodies: &[BodyId],
) -> Result<User> {
    Ok(dir.store.add_user(
        username,
        name,
        &hash_password(password)?,
        role,
        person,
        bodies,
    )?)
}

/// A user by login name.
pub fn user_by_name(dir: &DataDir, username: &str) -> Result<Option<User>> {
    Ok(dir.store.user_by_name(username)?)
}

/// Writes one entry of the audit log. A failure to write is logged, not returned: the
/// change it describes has already been stored.
pub fn record(
    dir: &DataDir,
    actor: &str,
    action: &str,
    entity: &str,
    id: impl ToString,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) {
    let entry = AuditEntry {
        at: Utc::now().to_rfc3339(),
        actor: actor.to_string(),
        action: action.into(),
        entity: entity.into(),
        entity_id: Some(id.to_string()),
        before: before.map(|b| b.to_string()),
        after: after.map(|a| a.to_string()),
    };
    if let Err(e) = dir.store.audit(&entry) {
        tracing::error!("revisionsloggen kunde inte skrivas: {e}");
    }
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
}
