//! Organisationen: bodies, mandate periods, persons, memberships and officials as an
//! administrator registers them, each change in the audit log with who made it.

use paragraf_core::ids::{BodyId, MembershipId, OfficialId, PersonId, Record, TermId};
use paragraf_core::org::{Body, Membership, Official, Person, SubstituteOrder, TermOfOffice};

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

/// Registers a mandate period (mandatperiod).
pub fn register_term(
    dir: &DataDir,
    actor: &str,
    term: &TermOfOffice,
) -> Result<Record<TermId, TermOfOffice>> {
    let rec = dir.add_term(term)?;
    record(
        dir,
        actor,
        "skapa",
        "mandatperiod",
        rec.id,
        None,
        serde_json::to_value(rec.value).ok(),
    );
    Ok(rec)
}

/// Keeps the ersättarordning fullmäktige decided for a body from a date (KL 6 kap. 16–17
/// §§): every person in it an ersättare of the body; one with the same start is replaced.
pub fn set_substitute_order(dir: &DataDir, actor: &str, order: &SubstituteOrder) -> Result<()> {
    dir.store.body(order.body)?;
    let substitutes: Vec<PersonId> = dir
        .store
        .memberships(Some(order.body))?
        .into_iter()
        .filter(|m| m.role == paragraf_core::org::MembershipRole::Substitute)
        .map(|m| m.person)
        .collect();
    if let Some(p) = order.order.iter().find(|p| !substitutes.contains(p)) {
        let name = dir.store.person(*p)?.value.name;
        return Err(crate::Error::field(
            "order",
            format!("{name} är inte ersättare i organet"),
        ));
    }
    let before = dir
        .store
        .substitute_orders(order.body)?
        .into_iter()
        .find(|o| o.from == order.from);
    dir.store.save_substitute_order(order)?;
    record(
        dir,
        actor,
        if before.is_some() { "ändra" } else { "skapa" },
        "ersättarordning",
        order.body,
        before.and_then(|b| serde_json::to_value(b).ok()),
        serde_json::to_value(order).ok(),
    );
    Ok(())
}

/// The ersättarordning of a body in force on `date`, if one was given.
pub fn substitute_order_on(
    dir: &DataDir,
    body: BodyId,
    date: chrono::NaiveDate,
) -> Result<Option<SubstituteOrder>> {
    Ok(dir
        .store
        .substitute_orders(body)?
        .into_iter()
        .rfind(|o| o.active_on(date)))
}

/// Registers an official (tjänsteperson) with a title: the person must exist.
pub fn register_official(
    dir: &DataDir,
    actor: &str,
    official: &Official,
) -> Result<Record<OfficialId, Official>> {
    dir.store.person(official.person)?;
    let rec = dir.add_official(official)?;
    record(
        dir,
        actor,
        "skapa",
        "tjänsteperson",
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

/// The key that turns personnummer into the hashes kept for matching (`keys/personnummer.key`,
/// 32 random bytes, mode 0600, made on first use). Without it the hashes say nothing.
fn number_key(dir: &DataDir) -> Result<Vec<u8>> {
    let path = dir.path.join("keys/personnummer.key");
    if let Ok(bytes) = std::fs::read(&path) {
        if bytes.len() == 32 {
            return Ok(bytes);
        }
        return Err(crate::Error::Internal(format!(
            "{} är skadad (ska vara 32 byte)",
            path.display()
        )));
    }
    let mut key = [0u8; 32];
    getrandom::getrandom(&mut key)
        .map_err(|e| crate::Error::Internal(format!("ingen slumpkälla: {e}")))?;
    crate::datadir::create_private_dir(&dir.path.join("keys"))?;
    crate::datadir::write_private(&path, &key)?;
    Ok(key.to_vec())
}

/// The keyed hash of a personnummer's ten digits (HMAC-SHA-256 under the installation's
/// key): equal numbers match, and the number cannot be read back or guessed without the key.
fn number_hash(key: &[u8], digits: &str) -> Result<String> {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key)
        .map_err(|e| crate::Error::Internal(e.to_string()))?;
    mac.update(digits.as_bytes());
    Ok(paragraf_core::seal::to_hex(&mac.finalize().into_bytes()))
}

/// What a membership import did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MembershipImport {
    /// Rows read.
    pub rows: usize,
    /// Persons created.
    pub new_persons: usize,
    /// Memberships created.
    pub memberships: usize,
}

struct MembershipRow {
    line: u64,
    number: Option<String>,
    name: String,
    membership: Membership,
}

/// Reads a förtroendemannaregister export — `personnummer;namn;parti;organ;roll;uppdrag;från;till`
/// (personnummer, parti, uppdrag and till may be left out or empty; `;`, `,` or tab) — and
/// stores its memberships, creating the persons it does not know. A person is matched by
/// personnummer when the row has one (kept only as a keyed hash, never shown), else by name.
/// Any bad row: every one named, nothing stored.
pub fn import_memberships(
    dir: &DataDir,
    actor: &str,
    bytes: &[u8],
) -> anyhow::Result<MembershipImport> {
    use paragraf_core::org::{MembershipRole, PresidiumPosition};
    use paragraf_import::table::{data_rows, open_csv, problem, BadRows, OpenCsv};
    let OpenCsv {
        mut reader,
        headers,
        ..
    } = open_csv(bytes, b';')?;
    let names: Vec<String> = headers
        .iter()
        .map(|h| h.trim().trim_end_matches('?').to_lowercase())
        .collect();
    let col = |n: &str| names.iter().position(|h| h == n);
    let mut problems = Vec::new();
    for need in ["namn", "organ", "roll", "från"] {
        if col(need).is_none() {
            problems.push(problem(1, need, "kolumnen saknas"));
        }
    }
    if !problems.is_empty() {
        return Err(BadRows { problems }.into());
    }
    let bodies = dir.bodies()?;
    let mut rows = Vec::new();
    for (line, rec) in data_rows(&mut reader, headers.len(), &mut problems) {
        let get = |n: &str| col(n).and_then(|i| rec.get(i)).map(str::trim).unwrap_or("");
        let before = problems.len();
        let number = match get("personnummer") {
            "" => None,
            text => match paragraf_core::secrecy::personal_number_digits(text) {
                Some(d) => Some(d),
                None => {
                    problems.push(problem(line, "personnummer", "inget giltigt personnummer"));
                    None
                }
            },
        };
        let name = get("namn").to_string();
        if name.is_empty() {
            problems.push(problem(line, "namn", "namnet saknas"));
        }
        let organ = get("organ");
        let body = bodies.iter().find(|b| b.is_named(organ));
        if body.is_none() {
            problems.push(problem(
                line,
                "organ",
                format!("organet ”{organ}” finns inte"),
            ));
        }
        let role = MembershipRole::from_swedish(get("roll"));
        if role.is_none() {
            problems.push(problem(
                line,
                "roll",
                format!("”{}” är varken ledamot eller ersättare", get("roll")),
            ));
        }
        let position = match get("uppdrag") {
            "" => None,
            text => {
                let p = PresidiumPosition::from_swedish(text);
                if p.is_none() {
                    problems.push(problem(
                        line,
                        "uppdrag",
                        format!("okänd presidiepost ”{text}”"),
                    ));
                }
                p
            }
        };
        let date = |n: &str, problems: &mut Vec<_>| match get(n) {
            "" => None,
            t => match t.parse::<chrono::NaiveDate>() {
                Ok(d) => Some(d),
                Err(_) => {
                    problems.push(problem(
                        line,
                        n,
                        format!("”{t}” är inget datum (ÅÅÅÅ-MM-DD)"),
                    ));
                    None
                }
            },
        };
        let from = date("från", &mut problems);
        if from.is_none() && get("från").is_empty() {
            problems.push(problem(line, "från", "datum saknas"));
        }
        let to = date("till", &mut problems);
        if problems.len() > before {
            continue;
        }
        let (Some(body), Some(role), Some(from)) = (body, role, from) else {
            continue;
        };
        let party = Some(get("parti")).filter(|p| !p.is_empty());
        // The person is filled in when stored; the core checks the rest now.
        match Membership::new(PersonId(0), body.id, role, position, party, None, from, to) {
            Ok(membership) => rows.push(MembershipRow {
                line,
                number,
                name,
                membership,
            }),
            Err(e) => problems.push(problem(line, "från", e.to_string())),
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line);
        return Err(BadRows { problems }.into());
    }
    let key = if rows.iter().any(|r| r.number.is_some()) {
        Some(number_key(dir)?)
    } else {
        None
    };
    let mut summary = MembershipImport {
        rows: rows.len(),
        new_persons: 0,
        memberships: 0,
    };
    crate::in_transaction(dir.storage(), |tx| {
        for r in &rows {
            let hash = match (&key, &r.number) {
                (Some(k), Some(n)) => Some(number_hash(k, n)?),
                _ => None,
            };
            let known = match &hash {
                Some(h) => tx.person_by_number_key(h)?,
                None => None,
            };
            let known = match known {
                Some(p) => Some(p),
                None => tx.persons()?.into_iter().find(|p| p.name == r.name),
            };
            let person = match known {
                Some(p) => p,
                None => {
                    summary.new_persons += 1;
                    tx.add_person(&Person::new(&r.name, None).map_err(|e| {
                        anyhow::Error::new(crate::Error::field(
                            "namn",
                            format!("rad {}: {e}", r.line),
                        ))
                    })?)?
                }
            };
            if let Some(h) = &hash {
                tx.set_person_number_key(person.id, h)?;
            }
            let mut m = r.membership.clone();
            m.person = person.id;
            tx.add_membership(&m)?;
            summary.memberships += 1;
        }
        Ok(())
    })?;
    record(
        dir,
        actor,
        "importera",
        "uppdrag",
        0,
        None,
        serde_json::to_value(&summary).ok(),
    );
    Ok(summary)
}
