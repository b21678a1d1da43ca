//! One module per group of commands. Each opens what it needs, calls the core and the store,
//! and prints.

mod admin;
mod cases;
mod cycle;
mod deadlines;
mod delegation;
mod demo;
mod dnr;
mod followup;
mod import;
mod org;
mod search;
mod unenforced;

use std::process::ExitCode;

use anyhow::{bail, Result};
use paragraf_core::ids::{BodyId, CaseId, PersonId, Record};
use paragraf_core::org::{Body, Person};
use paragraf_core::registry::Case;

use crate::args::{Cli, Command};
use crate::output;
use paragraf_app::{Config, DataDir, MunicipalityConfig, RegistryConfig};

/// Runs one command.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Init(a) => {
            // The administrator's password is read (and checked) before anything is written.
            let admin = match &a.admin_user {
                Some(name) => Some((name.clone(), admin::new_password()?)),
                None => None,
            };
            let config = Config {
                municipality: MunicipalityConfig {
                    name: a.municipality,
                    org_nr: a.org_nr,
                    ..Default::default()
                },
                registry: RegistryConfig {
                    dnr_pattern: a.dnr_pattern,
                    default_series: Some(a.series),
                    ..Default::default()
                },
                server: Default::default(),
                sso: None,
                underskrift: None,
                nycklar: None,
                mail: None,
                database: None,
            };
            let dir = DataDir::init(&a.data.dir, &config)?;
            if let Some((username, password)) = admin {
                paragraf_app::accounts::create_user(
                    &dir,
                    &admin::actor(),
                    paragraf_app::accounts::NewUser {
                        name: username.clone(),
                        username,
                        password,
                        role: paragraf_app::accounts::Role::Admin,
                        bodies: Vec::new(),
                        person: None,
                        must_change_password: false,
                    },
                )?;
            }
            out!(
                "Datakatalogen {} är skapad för {} (diarienummer: {}).",
                dir.path.display(),
                dir.config().municipality.name,
                dir.pattern()
            );
            if let Some(u) = &a.admin_user {
                out!("Administratören {u} kan logga in när servern startas (paragraf serve).");
            }
        }
        Command::Deadlines(a) => deadlines::run(&a)?,
        Command::Dnr(c) => dnr::run(c)?,
        Command::Body(c) => org::body(c)?,
        Command::Person(c) => org::person(c)?,
        Command::Term(c) => org::term(c)?,
        Command::Membership(c) => org::membership(c)?,
        Command::Official(c) => org::official(c)?,
        Command::Case(c) => cases::case(c)?,
        Command::Document(c) => cases::document(c)?,
        Command::Meetings(a) => {
            let dir = DataDir::open(&a.data.dir)?;
            let bodies = dir.bodies()?;
            let list: Vec<serde_json::Value> = dir
                .meetings()?
                .into_iter()
                .map(|m| {
                    let body = bodies
                        .iter()
                        .find(|b| b.id == m.body)
                        .map_or_else(|| m.body.to_string(), |b| b.name.clone());
                    serde_json::json!({
                        "id": m.id, "body": body, "body_id": m.body, "date": m.date,
                        "state": m.state(), "state_sv": m.state().swedish(), "place": m.place, "source": m.source,
                    })
                })
                .collect();
            output::print(a.json.json, &list, || {
                output::lines(
                    list.iter().map(|m| {
                        format!(
                            "{:>4}  {}  {}  {}",
                            m["id"],
                            m["date"].as_str().unwrap_or(""),
                            m["body"].as_str().unwrap_or(""),
                            m["state_sv"].as_str().unwrap_or("")
                        )
                    }),
                    "Inga sammanträden.",
                )
            })?;
        }
        Command::Meeting(c) => cycle::meeting(c)?,
        Command::Minutes(c) => cycle::minutes(c)?,
        Command::Verify(a) => return cycle::verify(&a),
        Command::Render { meeting, out } => cycle::render(&meeting, &out)?,
        Command::Key { action, data, json } => {
            cycle::key(&DataDir::open(&data.dir)?, action.as_deref(), json.json)?
        }
        Command::Import(a) => return import::run(&a),
        Command::Demo(a) => demo::run(&a)?,
        Command::Serve(a) => demo::serve(&a)?,
        Command::Delegation(c) => delegation::run(c)?,
        Command::Unenforced(c) => unenforced::run(c)?,
        Command::Followup(c) => followup::run(c)?,
        Command::User(c) => admin::user(c)?,
        Command::Backup(a) => admin::backup(&a)?,
        Command::Restore(a) => return admin::restore(&a),
        Command::Check(a) => return admin::check(&a),
        Command::Search(c) => search::run(c)?,
        Command::Db(crate::args_admin::DbCommand::Copy(a)) => admin::db_copy(&a)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Finds a body by id or exact name.
pub fn find_body(store: &paragraf_app::DataDir, key: &str) -> Result<Record<BodyId, Body>> {
    let bodies = store.bodies()?;
    if let Ok(id) = key.trim().parse::<i64>() {
        if let Some(b) = bodies.iter().find(|b| b.id == BodyId(id)) {
            return Ok(b.clone());
        }
    }
    let hits: Vec<_> = bodies.into_iter().filter(|b| b.is_named(key)).collect();
    match hits.len() {
        1 => Ok(hits.into_iter().next().expect("one hit")),
        0 => bail!("inget organ heter ”{key}” (se `paragraf body list`)"),
        _ => bail!("flera organ heter ”{key}”; ange id"),
    }
}

/// Finds a person by id or exact name.
pub fn find_person(store: &paragraf_app::DataDir, key: &str) -> Result<Record<PersonId, Person>> {
    if let Ok(id) = key.trim().parse::<i64>() {
        return Ok(store.person(PersonId(id))?);
    }
    let hits: Vec<_> = store
        .persons()?
        .into_iter()
        .filter(|p| p.name == key.trim())
        .collect();
    match hits.len() {
        1 => Ok(hits.into_iter().next().expect("one hit")),
        0 => bail!("ingen person heter ”{key}” (se `paragraf person list`)"),
        n => bail!("{n} personer heter ”{key}”; ange id"),
    }
}

/// Finds a case by diarienummer or id.
pub fn find_case(store: &paragraf_app::DataDir, key: &str) -> Result<Record<CaseId, Case>> {
    if let Some(c) = store.case_by_dnr(key)? {
        return Ok(c);
    }
    if let Ok(id) = key.trim().parse::<i64>() {
        return Ok(store.case(CaseId(id))?);
    }
    bail!("inget ärende har diarienumret ”{key}”")
}
