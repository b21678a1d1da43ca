//! Konton: users, passwords (argon2id), sessions, API tokens and the audit log. The web
//! asks here who someone is, and how long a client must wait before it tries a password
//! again.

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

/// Failed logins of one address and name before it must wait.
pub const FREE_FAILURES_PER_NAME: u32 = 3;
/// Failed logins of one address, whatever the names, before it must wait.
pub const FREE_FAILURES_PER_ADDRESS: u32 = 10;
/// The longest wait, in seconds.
pub const MAX_DELAY_SECONDS: u64 = 60;

/// The throttle's keys of a login attempt with their free failures: the client address,
/// and the address with the name. Stored hashed, so that the table does not list addresses
/// and names in the clear (a hash of an address can still be found by trying them all).
fn throttle_keys(address: &str, name: &str) -> [(String, u32); 2] {
    [
        (
            sha256_hex(format!("a {address}").as_bytes()),
            FREE_FAILURES_PER_ADDRESS,
        ),
        (
            sha256_hex(format!("n {address} {}", name.trim().to_lowercase()).as_bytes()),
            FREE_FAILURES_PER_NAME,
        ),
    ]
}

/// The wait after `count` failures of a key with `free` free ones: none, then 2, 4, 8 …
/// seconds, at most [`MAX_DELAY_SECONDS`].
fn throttle_delay(count: u32, free: u32) -> i64 {
    if count < free {
        return 0;
    }
    let exp = (count - free).min(6);
    (2u64 << exp).min(MAX_DELAY_SECONDS) as i64
}

/// Seconds `address` must wait at `now` before it may try `name`'s password again (0: it
/// may try now). Counted by every instance on one PostgreSQL database together.
pub fn login_wait(dir: &DataDir, address: &str, name: &str, now: DateTime<Utc>) -> Result<u64> {
    let keys = throttle_keys(address, name);
    let names: Vec<String> = keys.iter().map(|(k, _)| k.clone()).collect();
    let counts = dir.store.login_failures(&names)?;
    Ok(keys
        .iter()
        .zip(counts)
        .filter_map(|((_, free), f)| {
            let f = f?;
            let until = f.last + Duration::seconds(throttle_delay(f.count, *free));
            // Whole seconds, rounded up (the store may keep the time to the millisecond).
            (until > now).then(|| ((until - now).num_milliseconds() + 999).max(1000) as u64 / 1000)
        })
        .max()
        .unwrap_or(0))
}

/// Counts a failed attempt of `address` with `name`.
pub fn login_attempt_failed(
    dir: &DataDir,
    address: &str,
    name: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let keys: Vec<String> = throttle_keys(address, name)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    dir.store.count_login_failure(&keys, now)?;
    Ok(())
}

/// A good login of `name` from `address` clears that pair's count (not the address's).
pub fn login_attempt_succeeded(dir: &DataDir, address: &str, name: &str) -> Result<()> {
    let [_, (key, _)] = throttle_keys(address, name);
    dir.store.clear_login_failures(&key)?;
    Ok(())
}

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
    // An account without a local password (single sign-on only) is checked against the
    // dummy too: no password matches, and it takes as long as any other.
    let hash = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| dummy.to_string());
    Ok((user, hash))
}

/// A new session after a good login with a password: `(token, csrf)`. The failure count is
/// cleared.
pub fn start_session(dir: &DataDir, user: &User, now: DateTime<Utc>) -> Result<(String, String)> {
    new_session(dir, user, now, false)
}

/// A new session, by password or (`single_sign_on`) through the identity provider.
pub(crate) fn new_session(
    dir: &DataDir,
    user: &User,
    now: DateTime<Utc>,
    single_sign_on: bool,
) -> Result<(String, String)> {
    dir.store.login_succeeded(user.id)?;
    let token = random_token();
    let csrf = random_token();
    dir.store.create_session(
        &sha256_hex(token.as_bytes()),
        user.id,
        &csrf,
        now + Duration::hours(SESSION_HOURS),
        single_sign_on,
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

/// Whether the session's user must choose their own password before anything else: an
/// administrator set it, the session began with that password (not through the identity
/// provider, which vouched for the user) and local passwords are in use.
pub fn must_change_password(dir: &DataDir, session: &Session) -> bool {
    session.user.must_change_password && !session.single_sign_on && crate::sso::local_passwords(dir)
}

/// Ends a session (by the hash of its token).
pub fn end_session(dir: &DataDir, session_hash: &str) -> Result<()> {
    Ok(dir.store.delete_session(session_hash)?)
}

/// The user of an API token at `now`, if it is live and the account may be used.
pub fn token_user(dir: &DataDir, token: &str, now: DateTime<Utc>) -> Result<Option<User>> {
    Ok(token_holder(dir, token, now)?.map(|(u, _)| u))
}

/// The user of an API token at `now`, with when the token expires. Until then the answer
/// changes only by a write (a revoked token, a disabled or locked account, a new role), so
/// a cache keyed on the store's generation may keep it that long.
pub fn token_holder(
    dir: &DataDir,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(User, DateTime<Utc>)>> {
    Ok(dir
        .store
        .api_token_holder(&sha256_hex(token.trim().as_bytes()), now)?)
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

/// A role as people write it: administratör, nämndsekreterare, handläggare,
/// ledamot/ersättare (also "ledamot", "ersättare", "ordförande"), registrator or läsare.
pub fn parse_role(text: &str) -> Result<Role> {
    let t = text.trim().to_lowercase();
    Ok(match t.as_str() {
        "administratör" | "administrator" | "admin" => Role::Admin,
        "nämndsekreterare" | "sekreterare" | "secretary" => Role::Secretary,
        "handläggare" | "case_officer" => Role::CaseOfficer,
        "ledamot/ersättare" | "ledamot" | "ersättare" | "ordförande" | "member" => Role::Member,
        "registrator" | "registrar" => Role::Registrar,
        "läsare" | "reader" => Role::Reader,
        "förvaltningschef" | "director" => Role::Director,
        _ => {
            return Err(Error::field(
                "role",
                format!(
                    "okänd roll ”{}”: välj administratör, nämndsekreterare, handläggare, förvaltningschef, ledamot/ersättare, registrator eller läsare",
                    text.trim()
                ),
            ))
        }
    })
}

/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 10;

/// Refuses a password that is too short.
pub fn check_password(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(Error::field(
            "password",
            format!("lösenordet ska ha minst {MIN_PASSWORD} tecken"),
        ));
    }
    Ok(())
}

/// A new account, as an administrator (or `paragraf init`/`user add`) gives it.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Inloggningsnamn: letters, digits, `.`, `-`, `_`.
    pub username: String,
    /// Namn.
    pub name: String,
    /// Lösenord (kept only as an argon2id hash). Empty, where single sign-on is configured:
    /// the account has no local password and logs in only through the identity provider.
    pub password: String,
    /// Roll.
    pub role: Role,
    /// The bodies the role applies to (every role but administratör needs one).
    pub bodies: Vec<BodyId>,
    /// The person in the organisation (for members who justerar).
    pub person: Option<PersonId>,
    /// Someone else chose the password: the user chooses their own at the first login.
    pub must_change_password: bool,
}

/// Creates an account; recorded in the audit log with who did it.
pub fn create_user(dir: &DataDir, actor: &str, u: NewUser) -> Result<User> {
    let username = u.username.trim();
    if username.is_empty()
        || !username
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'))
    {
        return Err(Error::field(
            "username",
            "inloggningsnamnet får bara ha bokstäver, siffror och . - _ @",
        ));
    }
    if u.name.trim().is_empty() {
        return Err(Error::field("name", "ange användarens namn"));
    }
    let local_password = !(u.password.is_empty() && dir.config().sso.is_some());
    if local_password {
        check_password(&u.password)?;
    }
    if u.role != Role::Admin && u.bodies.is_empty() {
        return Err(Error::field(
            "body",
            format!("rollen {} gäller i minst ett organ", u.role.swedish()),
        ));
    }
    for b in &u.bodies {
        dir.store.body(*b)?;
    }
    let mut user = if local_password {
        add_user(
            dir,
            username,
            u.name.trim(),
            &u.password,
            u.role,
            u.person,
            &u.bodies,
        )?
    } else {
        dir.store
            .add_user(username, u.name.trim(), "", u.role, u.person, &u.bodies)?
    };
    if u.must_change_password && local_password {
        dir.store
            .set_user_password(user.id, &user.password_hash, true)?;
        user.must_change_password = true;
    }
    record(
        dir,
        actor,
        "skapa",
        "användare",
        user.id,
        None,
        Some(
            serde_json::json!({ "username": user.username, "role": user.role, "bodies": user.bodies }),
        ),
    );
    Ok(user)
}

/// Every account, by login name.
pub fn users(dir: &DataDir) -> Result<Vec<User>> {
    Ok(dir.store.users()?)
}

fn existing(dir: &DataDir, username: &str) -> Result<User> {
    dir.store
        .user_by_name(username.trim())?
        .ok_or_else(|| Error::NotFound(format!("användaren ”{}”", username.trim())))
}

/// Stänger or öppnar an account; closing ends its sessions (its API tokens stop working).
pub fn set_disabled(dir: &DataDir, actor: &str, username: &str, disabled: bool) -> Result<User> {
    let u = existing(dir, username)?;
    dir.store.set_user_disabled(u.id, disabled)?;
    record(
        dir,
        actor,
        if disabled { "stäng" } else { "öppna" },
        "användare",
        u.id,
        Some(serde_json::json!({ "disabled": u.disabled })),
        Some(serde_json::json!({ "disabled": disabled })),
    );
    existing(dir, username)
}

/// Sets a new password (the old sessions end).
pub fn reset_password(dir: &DataDir, actor: &str, username: &str, password: &str) -> Result<()> {
    let u = existing(dir, username)?;
    check_password(password)?;
    // Someone else chose it: the user chooses their own at the next login.
    dir.store
        .set_user_password(u.id, &hash_password(password)?, true)?;
    record(dir, actor, "nytt-lösenord", "användare", u.id, None, None);
    Ok(())
}

/// When the live sessions of an account expire, soonest first.
pub fn sessions(dir: &DataDir, username: &str, now: DateTime<Utc>) -> Result<Vec<String>> {
    let u = existing(dir, username)?;
    Ok(dir.store.user_sessions(u.id, now)?)
}

/// Ends every session of an account (it must log in again); how many there were.
pub fn end_sessions(dir: &DataDir, actor: &str, username: &str) -> Result<usize> {
    let u = existing(dir, username)?;
    let n = dir.store.end_user_sessions(u.id)?;
    record(
        dir,
        actor,
        "avsluta-sessioner",
        "användare",
        u.id,
        None,
        Some(serde_json::json!({ "sessions": n })),
    );
    Ok(n)
}

/// A user changes their own password: the current one first, the new one twice.
pub fn change_own_password(
    dir: &DataDir,
    user: &User,
    current: &str,
    new: &str,
    again: &str,
) -> Result<()> {
    let stored = existing(dir, &user.username)?;
    if !verify_password(&stored.password_hash, current) {
        return Err(Error::field(
            "current",
            "det nuvarande lösenordet stämmer inte",
        ));
    }
    if new != again {
        return Err(Error::field("again", "de nya lösenorden är inte lika"));
    }
    check_password(new)?;
    dir.store
        .set_user_password(user.id, &hash_password(new)?, false)?;
    record(
        dir,
        &user.username,
        "byt-lösenord",
        "användare",
        user.id,
        None,
        None,
    );
    Ok(())
}

/// Gives an account its role and the bodies it applies to.
pub fn set_role(
    dir: &DataDir,
    actor: &str,
    username: &str,
    role: Role,
    bodies: &[BodyId],
) -> Result<User> {
    let u = existing(dir, username)?;
    if role != Role::Admin && bodies.is_empty() {
        return Err(Error::field(
            "body",
            format!("rollen {} gäller i minst ett organ", role.swedish()),
        ));
    }
    for b in bodies {
        dir.store.body(*b)?;
    }
    dir.store.set_user_role(u.id, role, bodies)?;
    // Notes on the handlingar of bodies the account no longer holds go with them.
    let after = existing(dir, username)?;
    crate::meeting::papers::prune(dir, &after)?;
    record(
        dir,
        actor,
        "roll",
        "användare",
        u.id,
        Some(serde_json::json!({ "role": u.role, "bodies": u.bodies })),
        Some(serde_json::json!({ "role": role, "bodies": bodies })),
    );
    existing(dir, username)
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
