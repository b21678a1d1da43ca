//! Accounts of the web application: users with roles, sessions, API tokens, failed-login
//! lockout, and the audit log. Secrets are never stored: only SHA-256 of session and API
//! tokens, and argon2id hashes of passwords (made by the caller).

use crate::sql::{params, Conn, OptionalExtension, Row};
use chrono::{DateTime, Utc};
use paragraf_core::ids::{BodyId, PersonId};
use serde::{Deserialize, Serialize};

use crate::sqlite::Db;
use crate::{Result, StoreError};

/// Roll: what a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Administratör: everything, including accounts and the audit log.
    Admin,
    /// Nämndsekreterare: registry and the whole meeting cycle.
    Secretary,
    /// Handläggare: registry (cases and documents).
    CaseOfficer,
    /// Ledamot eller ersättare: reads the documents of their own bodies, approves minutes.
    Member,
    /// Registrator: registers cases and handlingar in the bodies' diarium; no meeting
    /// cycle, no register of individuals' matters.
    Registrar,
    /// Läsare: reads the diarium's public entries (cases that are not secret, and their
    /// list of handlingar) and nothing that is not public; changes nothing.
    Reader,
    /// Förvaltningschef: works in the registry as a handläggare, and approves the
    /// tjänsteskrivelser that go to the body.
    Director,
}

impl Role {
    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            Role::Admin => "administratör",
            Role::Secretary => "nämndsekreterare",
            Role::CaseOfficer => "handläggare",
            Role::Member => "ledamot/ersättare",
            Role::Registrar => "registrator",
            Role::Reader => "läsare",
            Role::Director => "förvaltningschef",
        }
    }
}

/// Användarkonto.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    /// Id.
    pub id: i64,
    /// Login name.
    pub username: String,
    /// Display name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// The person in the organisation, for members who approve minutes.
    pub person: Option<PersonId>,
    /// The bodies the user works in.
    pub bodies: Vec<BodyId>,
    /// Failed logins in a row.
    #[serde(skip)]
    pub failed_logins: u32,
    /// Locked until this time (by an administrator).
    pub locked_until: Option<DateTime<Utc>>,
    /// Disabled: no login, no session, no API token works.
    pub disabled: bool,
    /// The argon2id hash.
    #[serde(skip)]
    pub password_hash: String,
    /// The last good login (UTC, RFC 3339), if any.
    pub last_login: Option<String>,
    /// An administrator set the password: the user must choose their own before anything
    /// else.
    pub must_change_password: bool,
}

impl User {
    /// Whether the account may be used at `now`: not disabled, not locked.
    pub fn may_log_in(&self, now: DateTime<Utc>) -> bool {
        !self.disabled && self.locked_until.is_none_or(|t| t <= now)
    }
}

/// An API token as its owner sees it (the secret itself is never kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiToken {
    /// Its number.
    pub id: i64,
    /// What it is for.
    pub label: String,
    /// When it was made (RFC 3339).
    pub created: String,
    /// When it stops working (RFC 3339); `None` for tokens from before expiry existed,
    /// which no longer work.
    pub expires: Option<String>,
    /// When it was revoked.
    pub revoked: Option<String>,
}

/// A session found by its token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The user.
    pub user: User,
    /// The CSRF token of the session.
    pub csrf: String,
    /// Started through the identity provider, not with a password.
    pub single_sign_on: bool,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// When.
    pub at: String,
    /// Who (username, or "anonym").
    pub actor: String,
    /// What: skapa, ändra, läsa-sekretess …
    pub action: String,
    /// On what kind of thing.
    pub entity: String,
    /// Its id.
    pub entity_id: Option<String>,
    /// Before, as JSON.
    pub before: Option<String>,
    /// After, as JSON.
    pub after: Option<String>,
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::Admin => "admin",
        Role::Secretary => "secretary",
        Role::CaseOfficer => "case_officer",
        Role::Member => "member",
        Role::Registrar => "registrar",
        Role::Reader => "reader",
        Role::Director => "director",
    }
}

fn role_from(s: &str) -> Result<Role> {
    Ok(match s {
        "admin" => Role::Admin,
        "secretary" => Role::Secretary,
        "case_officer" => Role::CaseOfficer,
        "member" => Role::Member,
        "registrar" => Role::Registrar,
        "reader" => Role::Reader,
        "director" => Role::Director,
        other => {
            return Err(StoreError::Corrupt {
                what: "användare",
                id: other.into(),
                reason: "okänd roll".into(),
            })
        }
    })
}

type UserRow = (
    i64,
    String,
    String,
    String,
    String,
    Option<i64>,
    u32,
    Option<String>,
    bool,
    Option<String>,
    bool,
);

fn user_from(c: &Conn<'_>, row: UserRow) -> Result<User> {
    let (id, username, name, hash, role, person, failed, locked, disabled, last_login, must_change) =
        row;
    let mut st =
        c.prepare_cached("SELECT body_id FROM user_bodies WHERE user_id = ?1 ORDER BY body_id")?;
    let bodies = st
        .query_map([id], |r| r.get::<_, i64>(0).map(BodyId))?
        .collect::<Result<Vec<_>>>()?;
    Ok(User {
        id,
        username,
        name,
        role: role_from(&role)?,
        person: person.map(PersonId),
        bodies,
        failed_logins: failed,
        locked_until: locked.and_then(|l| l.parse().ok()),
        disabled,
        last_login,
        must_change_password: must_change,
        password_hash: hash,
    })
}

const USER_COLUMNS: &str =
    "id, username, name, password_hash, role, person_id, failed_logins, locked_until, disabled, last_login, must_change_password";

fn read_user(r: &Row<'_>) -> Result<UserRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
    ))
}

/// The one writer of the audit log: every module that logs calls this, inside its own
/// transaction. The log only grows (triggers refuse updates and deletes).
pub(crate) fn append_audit(c: &Conn<'_>, e: &AuditEntry) -> Result<()> {
    if e.actor.trim().is_empty() {
        return Err(StoreError::Rule(
            "revisionsloggen kräver att det framgår vem som gör ändringen".into(),
        ));
    }
    c.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            e.at,
            e.actor,
            e.action,
            e.entity,
            e.entity_id,
            e.before,
            e.after
        ],
    )?;
    Ok(())
}

/// Accounts, sessions, API tokens and the audit log (revisionsloggen).
pub trait AccountStore {
    /// Creates a user with an argon2id `password_hash`.
    fn add_user(
        &self,
        username: &str,
        name: &str,
        password_hash: &str,
        role: Role,
        person: Option<PersonId>,
        bodies: &[BodyId],
    ) -> Result<User>;
    /// A user by id.
    fn user(&self, id: i64) -> Result<Option<User>>;
    /// A user by login name.
    fn user_by_name(&self, username: &str) -> Result<Option<User>>;
    /// Every user.
    fn users(&self) -> Result<Vec<User>>;
    /// Records a failed login (the count is shown to administrators; it locks nothing, so
    /// that a stranger cannot lock an account out). Returns the new count.
    fn login_failed(&self, user: i64) -> Result<u32>;
    /// Clears the failure count after a good login and notes its time.
    fn login_succeeded(&self, user: i64) -> Result<()>;
    /// Disables or enables an account; disabling ends its sessions.
    fn set_user_disabled(&self, user: i64, disabled: bool) -> Result<()>;
    /// Gives an account a new argon2id password hash and ends its sessions; `must_change`
    /// when someone else set it (the user then chooses their own at the next login).
    fn set_user_password(&self, user: i64, password_hash: &str, must_change: bool) -> Result<()>;
    /// When each live session of a user expires, soonest first.
    fn user_sessions(&self, user: i64, now: DateTime<Utc>) -> Result<Vec<String>>;
    /// Ends every session of a user; how many there were.
    fn end_user_sessions(&self, user: i64) -> Result<usize>;
    /// Gives an account its role and the bodies the role applies to.
    fn set_user_role(&self, user: i64, role: Role, bodies: &[BodyId]) -> Result<()>;
    /// Stores a session by the hash of its token.
    fn create_session(
        &self,
        token_hash: &str,
        user: i64,
        csrf: &str,
        expires: DateTime<Utc>,
        single_sign_on: bool,
    ) -> Result<()>;
    /// The live session with this token hash at `now`.
    fn session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<Session>>;
    /// Ends a session.
    fn delete_session(&self, token_hash: &str) -> Result<()>;
    /// Stores an API token by its hash; it works until `expires`.
    fn create_api_token(
        &self,
        token_hash: &str,
        user: i64,
        label: &str,
        now: DateTime<Utc>,
        expires: DateTime<Utc>,
    ) -> Result<i64>;
    /// The user of an API token at `now`: none when the token is unknown, expired, revoked
    /// or made before expiry dates existed, or when the account is disabled or locked.
    fn api_token_user(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<User>>;
    /// The same, with when the token expires: what a cache of the answer may keep it until.
    fn api_token_holder(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(User, DateTime<Utc>)>>;
    /// A user's API tokens, newest first.
    fn api_tokens(&self, user: i64) -> Result<Vec<ApiToken>>;
    /// Revokes token `id` of `user`; `false` when the user has no such live token.
    fn revoke_api_token(&self, user: i64, id: i64, now: DateTime<Utc>) -> Result<bool>;
    /// Appends to the audit log.
    fn audit(&self, e: &AuditEntry) -> Result<()>;
    /// The newest `limit` audit entries.
    fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>>;
}

impl<D: Db> AccountStore for D {
    /// Creates a user with an argon2id `password_hash`.
    fn add_user(
        &self,
        username: &str,
        name: &str,
        password_hash: &str,
        role: Role,
        person: Option<PersonId>,
        bodies: &[BodyId],
    ) -> Result<User> {
        let id = self.write(|c| {
            c.execute(
                "INSERT INTO users (username, name, password_hash, role, person_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![username, name, password_hash, role_name(role), person.map(|p| p.0)],
            )
            .map_err(|e| {
                if e.is_constraint() {
                    StoreError::Conflict(format!("användarnamnet ”{username}” finns redan"))
                } else {
                    e
                }
            })?;
            let id = c.last_insert_rowid()?;
            for b in bodies {
                c.execute("INSERT INTO user_bodies (user_id, body_id) VALUES (?1, ?2)", params![id, b.0])?;
            }
            Ok(id)
        })?;
        self.user(id)?.ok_or_else(|| StoreError::NotFound {
            what: "användare",
            id: id.to_string(),
        })
    }

    /// A user by id.
    fn user(&self, id: i64) -> Result<Option<User>> {
        self.read(|c| {
            c.query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"),
                [id],
                read_user,
            )
            .optional()?
            .map(|row| user_from(c, row))
            .transpose()
        })
    }

    /// A user by login name.
    fn user_by_name(&self, username: &str) -> Result<Option<User>> {
        self.read(|c| {
            c.query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE username = ?1"),
                [username],
                read_user,
            )
            .optional()?
            .map(|row| user_from(c, row))
            .transpose()
        })
    }

    /// Every user.
    fn users(&self) -> Result<Vec<User>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT {USER_COLUMNS} FROM users ORDER BY username"
            ))?;
            let rows = st
                .query_map(params![], read_user)?
                .collect::<Result<Vec<_>>>()?;
            rows.into_iter().map(|r| user_from(c, r)).collect()
        })
    }

    /// Records a failed login (the count is shown to administrators; it locks nothing, so
    /// that a stranger cannot lock an account out). Returns the new count.
    fn login_failed(&self, user: i64) -> Result<u32> {
        self.write(|c| {
            c.query_row(
                "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?1 RETURNING failed_logins",
                [user],
                |r| r.get(0),
            )
        })
    }

    /// Clears the failure count after a good login and notes its time.
    fn login_succeeded(&self, user: i64) -> Result<()> {
        self.write(|c| {
            c.execute(
                "UPDATE users SET failed_logins = 0, last_login = ?2 WHERE id = ?1",
                params![user, c.now_text()],
            )?;
            Ok(())
        })
    }

    fn set_user_disabled(&self, user: i64, disabled: bool) -> Result<()> {
        self.write(|c| {
            let n = c.execute(
                "UPDATE users SET disabled = ?2 WHERE id = ?1",
                params![user, disabled],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound {
                    what: "användare",
                    id: user.to_string(),
                });
            }
            if disabled {
                c.execute("DELETE FROM sessions WHERE user_id = ?1", [user])?;
            }
            Ok(())
        })
    }

    fn set_user_password(&self, user: i64, password_hash: &str, must_change: bool) -> Result<()> {
        self.write(|c| {
            let n = c.execute(
                "UPDATE users SET password_hash = ?2, failed_logins = 0, must_change_password = ?3
                 WHERE id = ?1",
                params![user, password_hash, must_change],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound {
                    what: "användare",
                    id: user.to_string(),
                });
            }
            c.execute("DELETE FROM sessions WHERE user_id = ?1", [user])?;
            Ok(())
        })
    }

    fn user_sessions(&self, user: i64, now: DateTime<Utc>) -> Result<Vec<String>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT expires FROM sessions WHERE user_id = ?1 AND expires > ?2 ORDER BY expires",
            )?;
            let rows = st
                .query_map(params![user, now.to_rfc3339()], |r| r.get(0))?
                .collect::<Result<Vec<String>>>()?;
            Ok(rows)
        })
    }

    fn end_user_sessions(&self, user: i64) -> Result<usize> {
        self.write(|c| c.execute("DELETE FROM sessions WHERE user_id = ?1", [user]))
    }

    fn set_user_role(&self, user: i64, role: Role, bodies: &[BodyId]) -> Result<()> {
        self.write(|c| {
            let n = c.execute(
                "UPDATE users SET role = ?2 WHERE id = ?1",
                params![user, role_name(role)],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound {
                    what: "användare",
                    id: user.to_string(),
                });
            }
            c.execute("DELETE FROM user_bodies WHERE user_id = ?1", [user])?;
            for b in bodies {
                c.execute(
                    "INSERT INTO user_bodies (user_id, body_id) VALUES (?1, ?2)",
                    params![user, b.0],
                )?;
            }
            Ok(())
        })
    }

    /// Stores a session by the hash of its token.
    fn create_session(
        &self,
        token_hash: &str,
        user: i64,
        csrf: &str,
        expires: DateTime<Utc>,
        single_sign_on: bool,
    ) -> Result<()> {
        self.write(|c| {
            c.execute(
                "INSERT INTO sessions (token_hash, user_id, csrf, expires, single_sign_on) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![token_hash, user, csrf, expires.to_rfc3339(), single_sign_on],
            )?;
            Ok(())
        })
    }

    /// The live session with this token hash at `now`.
    fn session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<Session>> {
        let found: Option<(i64, String, String, bool)> = self.read(|c| {
            c.query_row(
                "SELECT user_id, csrf, expires, single_sign_on FROM sessions WHERE token_hash = ?1",
                [token_hash],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
        })?;
        let Some((user, csrf, expires, single_sign_on)) = found else {
            return Ok(None);
        };
        // An expired session is ignored, not deleted: a read never writes.
        let live = expires.parse::<DateTime<Utc>>().is_ok_and(|e| e > now);
        if !live {
            return Ok(None);
        }
        Ok(self
            .user(user)?
            .filter(|u| u.may_log_in(now))
            .map(|user| Session {
                user,
                csrf,
                single_sign_on,
            }))
    }

    /// Ends a session.
    fn delete_session(&self, token_hash: &str) -> Result<()> {
        self.write(|c| {
            c.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
            Ok(())
        })
    }

    /// Stores an API token by its hash; it works until `expires`.
    fn create_api_token(
        &self,
        token_hash: &str,
        user: i64,
        label: &str,
        now: DateTime<Utc>,
        expires: DateTime<Utc>,
    ) -> Result<i64> {
        self.write(|c| {
            c.execute(
                "INSERT INTO api_tokens (token_hash, user_id, label, created, expires) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![token_hash, user, label, now.to_rfc3339(), expires.to_rfc3339()],
            )?;
            c.last_insert_rowid()
        })
    }

    /// The user of an API token at `now`: none when the token is unknown, expired, revoked
    /// or made before expiry dates existed, or when the account is disabled or locked.
    fn api_token_user(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<User>> {
        Ok(self.api_token_holder(token_hash, now)?.map(|(u, _)| u))
    }

    fn api_token_holder(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(User, DateTime<Utc>)>> {
        let found: Option<(i64, Option<String>, Option<String>)> = self.read(|c| {
            c.prepare_cached(
                "SELECT user_id, expires, revoked FROM api_tokens WHERE token_hash = ?1",
            )?
            .query_row([token_hash], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()
        })?;
        let Some((user, Some(expires), None)) = found else {
            return Ok(None);
        };
        let Some(expires) = expires.parse::<DateTime<Utc>>().ok().filter(|e| *e > now) else {
            return Ok(None);
        };
        Ok(self
            .user(user)?
            .filter(|u| u.may_log_in(now))
            .map(|u| (u, expires)))
    }

    /// A user's API tokens, newest first.
    fn api_tokens(&self, user: i64) -> Result<Vec<ApiToken>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT rowid, label, created, expires, revoked FROM api_tokens WHERE user_id = ?1 ORDER BY rowid DESC",
            )?;
            let rows = st
                .query_map([user], |r| {
                    Ok(ApiToken {
                        id: r.get(0)?,
                        label: r.get(1)?,
                        created: r.get(2)?,
                        expires: r.get(3)?,
                        revoked: r.get(4)?,
                    })
                })?
                .collect::<Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// Revokes token `id` of `user`; `false` when the user has no such live token.
    fn revoke_api_token(&self, user: i64, id: i64, now: DateTime<Utc>) -> Result<bool> {
        self.write(|c| {
            let n = c.execute(
                "UPDATE api_tokens SET revoked = ?1 WHERE rowid = ?2 AND user_id = ?3 AND revoked IS NULL",
                params![now.to_rfc3339(), id, user],
            )?;
            Ok(n == 1)
        })
    }

    /// Appends to the audit log.
    fn audit(&self, e: &AuditEntry) -> Result<()> {
        self.write(|c| append_audit(c, e))
    }

    /// The newest `limit` audit entries.
    fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT at, actor, action, entity, entity_id, before_json, after_json FROM audit_log ORDER BY id DESC LIMIT ?1",
            )?;
            let rows = st
                .query_map([limit], |r| {
                    Ok(AuditEntry {
                        at: r.get(0)?,
                        actor: r.get(1)?,
                        action: r.get(2)?,
                        entity: r.get(3)?,
                        entity_id: r.get(4)?,
                        before: r.get(5)?,
                        after: r.get(6)?,
                    })
                })?
                .collect::<Result<Vec<_>>>()?;
            Ok(rows)
        })
    }
}
