//! Organisationen: bodies, persons and memberships as an administrator registers them, each
//! change in the audit log with who made it.

use paragraf_core::ids::{BodyId, MembershipId, PersonId, Record};
use paragraf_core::org::{Body, Membership, Person};

use crate::accounts::record;
use crate::{DataDir, Result};

/// Registers a body (organ).
pub fn register_body(dir: &DataDir, actor: &str, body: &Body) -> Result<Record<BodyId, Body>> {
    if let Some(parent) = body.parent {
        dir.store.body(parent)?;
    }
    let rec = dir.add_body(body)?;
    record(
        dir,
        actor,
        "skapa",
        "organ",
        rec.id,
        None,
        serde_json::to_value(&rec.value).ok(),
    );
    Ok(rec)
}

/// Registers a person.
pub fn register_person(
    dir: &DataDir,
    actor: &str,
    person: &Person,
) -> Result<Record<PersonId, Person>> {
    let rec = dir.add_person(person)?;
    record(
        dir,
        actor,
        "skapa",
        "person",
        rec.id,
        None,
        Some(serde_json::json!({ "name": rec.name })),
    );
    Ok(rec)
}

/// Registers a membership (uppdrag): the person and the body must exist.
pub fn register_membership(
    dir: &DataDir,
    actor: &str,
    m: &Membership,
) -> Result<Record<MembershipId, Membership>> {
    dir.store.person(m.person)?;
    dir.store.body(m.body)?;
    let rec = dir.add_membership(m)?;
    record(
        dir,
        actor,
        "skapa",
        "uppdrag",
        rec.id,
        None,
        serde_json::to_value(&rec.value).ok(),
    );
    Ok(rec)
}
