//! `paragraf body|person|term|membership|official`: the organisation.

use anyhow::Result;
use paragraf_core::ids::{PersonId, TermId};
use paragraf_core::org::{Body, Membership, Official, Person, TermOfOffice};

use super::{find_body, find_person};
use crate::args::{
    BodyCommand, MembershipCommand, OfficialCommand, PeriodArg, PersonCommand, TermCommand,
};
use crate::output;
use paragraf_app::DataDir;

pub fn body(c: BodyCommand) -> Result<()> {
    match c {
        BodyCommand::Add {
            data,
            name,
            kind,
            short,
            parent,
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let parent = parent.map(|p| find_body(&dir, &p)).transpose()?;
            let body = Body::new(&name, short.as_deref(), kind, parent.map(|p| p.id))?;
            let rec = paragraf_app::org::register_body(&dir, &super::admin::actor(), &body)?;
            output::print(json.json, &rec, || {
                format!(
                    "Organ {} tillagt: {} ({})",
                    rec.id,
                    rec.name,
                    rec.kind.swedish()
                )
            })
        }
        BodyCommand::Substitutes {
            data,
            body,
            from,
            to,
            list_order,
            substitutes,
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let body = find_body(&dir, &body)?;
            let order = substitutes
                .iter()
                .map(|s| find_person(&dir, s).map(|p| p.id))
                .collect::<Result<Vec<_>>>()?;
            let order =
                paragraf_core::org::SubstituteOrder::new(body.id, from, to, !list_order, order)?;
            paragraf_app::org::set_substitute_order(&dir, &super::admin::actor(), &order)?;
            output::print(json.json, &order, || {
                format!(
                    "Ersättarordningen för {} från {} är sparad ({} ersättare{}).",
                    body.name,
                    from,
                    order.order.len(),
                    if order.party_first {
                        ", eget parti först"
                    } else {
                        ", i listans ordning"
                    }
                )
            })
        }
        BodyCommand::List { data, json } => {
            let dir = DataDir::open(&data.dir)?;
            let list = dir.bodies()?;
            output::print(json.json, &list, || {
                output::lines(
                    list.iter().map(|b| {
                        let parent = b
                            .parent
                            .and_then(|p| list.iter().find(|x| x.id == p))
                            .map(|p| format!(", under {}", p.name))
                            .unwrap_or_default();
                        format!("{:>4}  {} ({}{parent})", b.id, b.name, b.kind.swedish())
                    }),
                    "Inga organ.",
                )
            })
        }
    }
}

pub fn person(c: PersonCommand) -> Result<()> {
    match c {
        PersonCommand::Add {
            data,
            name,
            email,
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let rec = paragraf_app::org::register_person(
                &dir,
                &super::admin::actor(),
                &Person::new(&name, email.as_deref())?,
            )?;
            output::print(json.json, &rec, || {
                format!("Person {} tillagd: {}", rec.id, rec.name)
            })
        }
        PersonCommand::List { data, json } => {
            let dir = DataDir::open(&data.dir)?;
            let list = dir.persons()?;
            output::print(json.json, &list, || {
                output::lines(
                    list.iter().map(|p| format!("{:>4}  {}", p.id, p.name)),
                    "Inga personer.",
                )
            })
        }
    }
}

pub fn term(c: TermCommand) -> Result<()> {
    match c {
        TermCommand::Add {
            data,
            period: PeriodArg { from, to },
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let rec = paragraf_app::org::register_term(
                &dir,
                &super::admin::actor(),
                &TermOfOffice::new(from, to)?,
            )?;
            output::print(json.json, &rec, || {
                format!("Mandatperiod {} tillagd: {}", rec.id, rec.label())
            })
        }
        TermCommand::List { data, json } => {
            let dir = DataDir::open(&data.dir)?;
            let list = dir.terms()?;
            output::print(json.json, &list, || {
                output::lines(
                    list.iter()
                        .map(|t| format!("{:>4}  {} ({} – {})", t.id, t.label(), t.from, t.to)),
                    "Inga mandatperioder.",
                )
            })
        }
    }
}

pub fn membership(c: MembershipCommand) -> Result<()> {
    match c {
        MembershipCommand::Add {
            data,
            person,
            body,
            role,
            position,
            party,
            term,
            from,
            to,
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let person = find_person(&dir, &person)?;
            let body = find_body(&dir, &body)?;
            let m = Membership::new(
                person.id,
                body.id,
                role,
                position,
                party.as_deref(),
                term.map(TermId),
                from,
                to,
            )?;
            let rec = paragraf_app::org::register_membership(&dir, &super::admin::actor(), &m)?;
            output::print(json.json, &rec, || {
                format!(
                    "{} är {} i {} från {}",
                    person.name,
                    rec.role.swedish(),
                    body.name,
                    rec.from
                )
            })
        }
        MembershipCommand::Import { data, file, json } => {
            let dir = DataDir::open(&data.dir)?;
            let bytes = std::fs::read(&file)
                .map_err(|e| anyhow::anyhow!("kunde inte läsa {}: {e}", file.display()))?;
            let s = paragraf_app::org::import_memberships(&dir, &super::admin::actor(), &bytes)
                .map_err(|e| e.context(file.display().to_string()))?;
            output::print(json.json, &s, || {
                format!(
                    "{} rader: {} uppdrag, {} nya personer.",
                    s.rows, s.memberships, s.new_persons
                )
            })
        }
        MembershipCommand::List { data, body, json } => {
            let dir = DataDir::open(&data.dir)?;
            let body = body.map(|b| find_body(&dir, &b)).transpose()?;
            let list = dir.memberships(body.as_ref().map(|b| b.id))?;
            let persons = dir.persons()?;
            let bodies = dir.bodies()?;
            let name = |id: PersonId| {
                persons
                    .iter()
                    .find(|p| p.id == id)
                    .map_or("?", |p| p.name.as_str())
            };
            output::print(json.json, &list, || {
                output::lines(
                    list.iter().map(|m| {
                        let b = bodies
                            .iter()
                            .find(|b| b.id == m.body)
                            .map_or("?", |b| b.name.as_str());
                        let party = m
                            .party
                            .as_deref()
                            .map(|p| format!(" ({p})"))
                            .unwrap_or_default();
                        let pos = m
                            .position
                            .map(|p| format!(", {}", p.swedish()))
                            .unwrap_or_default();
                        let to = m.to.map(|d| d.to_string()).unwrap_or_default();
                        format!(
                            "{:>4}  {}{party}, {}{pos} i {b}, {} – {to}",
                            m.id,
                            name(m.person),
                            m.role.swedish(),
                            m.from
                        )
                    }),
                    "Inga uppdrag.",
                )
            })
        }
    }
}

pub fn official(c: OfficialCommand) -> Result<()> {
    match c {
        OfficialCommand::Add {
            data,
            person,
            title,
            unit,
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let person = find_person(&dir, &person)?;
            let rec = paragraf_app::org::register_official(
                &dir,
                &super::admin::actor(),
                &Official::new(person.id, &title, unit.as_deref())?,
            )?;
            output::print(json.json, &rec, || {
                format!("{}, {}", person.name, rec.title)
            })
        }
        OfficialCommand::List { data, json } => {
            let dir = DataDir::open(&data.dir)?;
            let list = dir.officials()?;
            let persons = dir.persons()?;
            output::print(json.json, &list, || {
                output::lines(
                    list.iter().map(|o| {
                        let n = persons
                            .iter()
                            .find(|p| p.id == o.person)
                            .map_or("?", |p| p.name.as_str());
                        let unit = o
                            .unit
                            .as_deref()
                            .map(|u| format!(" ({u})"))
                            .unwrap_or_default();
                        format!("{:>4}  {n}, {}{unit}", o.id, o.title)
                    }),
                    "Inga tjänstepersoner.",
                )
            })
        }
    }
}
