//! Behörighet: what a logged-in user may read. Every role — administrator included — is
//! limited to the bodies it works in: a body's secret cases, its §§ before publication, its
//! register rows and its lists of delegation decisions are for those who hold the body.
//! Something that belongs to no body is for administrators only. A läsare reads only
//! what is public: the diarium's entries of cases that are not secret.

use paragraf_core::ids::BodyId;
use paragraf_core::registry::Case;
use paragraf_store::{Role, User};

/// The roles that work in the registry (cases and documents).
pub const STAFF: &[Role] = &[
    Role::Admin,
    Role::Secretary,
    Role::CaseOfficer,
    Role::Registrar,
    Role::Director,
];
/// The roles that read the registry (the läsare only its public entries).
pub const REGISTRY_READERS: &[Role] = &[
    Role::Admin,
    Role::Secretary,
    Role::CaseOfficer,
    Role::Registrar,
    Role::Reader,
    Role::Director,
];
/// The roles that approve a tjänsteskrivelse (förvaltningschef; an administrator may not:
/// approval is the manager's word, not a system right).
pub const APPROVERS: &[Role] = &[Role::Director];
/// The roles that run the meeting cycle.
pub const SECRETARY: &[Role] = &[Role::Admin, Role::Secretary];
/// The roles that handle individuals' matters (the register of ej verkställda beslut, the
/// ANMÄLAN lists of delegation decisions).
pub const HANDLERS: &[Role] = &[
    Role::Admin,
    Role::Secretary,
    Role::CaseOfficer,
    Role::Director,
];

/// Whether `user` may read what belongs to `body` and is not public.
pub fn may_read(user: &User, body: Option<BodyId>) -> bool {
    if user.disabled || user.role == Role::Reader {
        return false;
    }
    match body {
        Some(b) => user.bodies.contains(&b),
        None => user.role == Role::Admin,
    }
}

/// Whether `user` holds one of `roles` and may read `body`'s non-public matters.
pub fn may(user: &User, roles: &[Role], body: Option<BodyId>) -> bool {
    roles.contains(&user.role) && may_read(user, body)
}

/// Whether `user` may see `case` in the registry: a public case, or a secret one of a body
/// the user works in.
pub fn may_see_case(user: &User, case: &Case) -> bool {
    REGISTRY_READERS.contains(&user.role)
        && (!case.secrecy.is_secret() || may_read(user, case.body))
}

/// Whether `user` may open the files of `case`'s handlingar: the registry's staff who may
/// see the case. A läsare sees the list, not the contents: a file is given out by staff
/// after a secrecy review.
pub fn may_open_files(user: &User, case: &Case) -> bool {
    STAFF.contains(&user.role) && may_see_case(user, case)
}

/// Whether `user` may read handling `doc` of `case` — its title and its file: a handling
/// that is not secret, whoever sees the case; a secret one (of its own, or found so), only
/// the registry's staff of the case's body.
pub fn may_read_document(
    user: &User,
    case: &Case,
    doc: &paragraf_core::registry::Document,
) -> bool {
    may_see_case(user, case)
        && (!doc.is_secret(case) || (STAFF.contains(&user.role) && may_read(user, case.body)))
}

/// Whether `user` may change `case` or register its documents: a registry role in the
/// case's body (a public case of no body: any registry role).
pub fn may_handle_case(user: &User, case: &Case) -> bool {
    STAFF.contains(&user.role)
        && match case.body {
            Some(b) => may_read(user, Some(b)),
            None => !case.secrecy.is_secret() || user.role == Role::Admin,
        }
}

/// What `user` may find in the workspace's search index, as the index's access tokens
/// (see [`crate::search`]): the tokens to allow, and those to leave out. Everyone finds the
/// public version of published §§ ("offentlig"); those who may read a body find its §§
/// and agenda items as they stand ("organ/N") instead of their public copies; the
/// registry's readers find the cases they may see ("diarium", "diarium/organ/N",
/// "diarium/admin"). The same rules as [`may_read`] and [`may_see_case`], which each hit is
/// checked against again.
pub fn search_tokens(user: &User) -> (Vec<String>, Vec<String>) {
    if user.disabled {
        return (Vec::new(), Vec::new());
    }
    let mut allow = vec!["offentlig".to_string()];
    let mut exclude = Vec::new();
    let reads_bodies = user.role != Role::Reader;
    if reads_bodies {
        for b in &user.bodies {
            allow.push(format!("organ/{b}"));
            exclude.push(format!("offentlig/organ/{b}"));
        }
    }
    if REGISTRY_READERS.contains(&user.role) {
        allow.push("diarium".into());
        if reads_bodies {
            allow.extend(user.bodies.iter().map(|b| format!("diarium/organ/{b}")));
        }
        if user.role == Role::Admin {
            allow.push("diarium/admin".into());
        }
    }
    (allow, exclude)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role, bodies: &[i64]) -> User {
        User {
            id: 1,
            username: "u".into(),
            name: "U".into(),
            role,
            person: None,
            bodies: bodies.iter().map(|b| BodyId(*b)).collect(),
            failed_logins: 0,
            locked_until: None,
            disabled: false,
            password_hash: String::new(),
            last_login: None,
            must_change_password: false,
        }
    }

    #[test]
    fn every_role_is_limited_to_its_bodies() {
        for role in [
            Role::Admin,
            Role::Secretary,
            Role::CaseOfficer,
            Role::Member,
        ] {
            let u = user(role, &[5]);
            assert!(may_read(&u, Some(BodyId(5))), "{role:?}");
            assert!(!may_read(&u, Some(BodyId(6))), "{role:?}");
        }
        assert!(may_read(&user(Role::Admin, &[]), None));
        assert!(!may_read(&user(Role::CaseOfficer, &[5]), None));
        assert!(!may(&user(Role::Member, &[5]), HANDLERS, Some(BodyId(5))));
        let mut off = user(Role::Secretary, &[5]);
        off.disabled = true;
        assert!(!may_read(&off, Some(BodyId(5))));
        // A läsare reads nothing that is not public, in its bodies or elsewhere.
        assert!(!may_read(&user(Role::Reader, &[5]), Some(BodyId(5))));
        assert!(!may(
            &user(Role::Registrar, &[5]),
            HANDLERS,
            Some(BodyId(5))
        ));
        assert!(may(&user(Role::Registrar, &[5]), STAFF, Some(BodyId(5))));
    }
}
