//! `paragraf case|document`: the registry.

use anyhow::Result;
use paragraf_app::registry;
use paragraf_core::registry::Direction;

use super::{find_body, find_case};
use crate::args::{CaseCommand, DocumentCommand};
use crate::output;
use paragraf_app::DataDir;

pub fn case(c: CaseCommand) -> Result<()> {
    match c {
        CaseCommand::Add {
            data,
            title,
            series,
            class,
            body,
            secret,
            date,
            handler,
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let body = body.map(|b| find_body(&dir, &b)).transpose()?;
            let rec = registry::register_case(
                &dir,
                registry::RegisterCase {
                    title,
                    series,
                    class,
                    body: body.map(|b| b.id),
                    secret,
                    date: date.unwrap_or_else(paragraf_app::clock::today),
                    handler,
                },
            )?;
            output::print(json.json, &rec, || {
                format!("Ärende {} registrerat: {}", rec.dnr, rec.title)
            })
        }
        CaseCommand::List { data, json } => {
            let dir = DataDir::open(&data.dir)?;
            let list = dir.cases()?;
            output::print(json.json, &list, || {
                output::lines(
                    list.iter().map(|c| {
                        let secret = if c.secrecy.is_secret() {
                            "  [sekretess]"
                        } else {
                            ""
                        };
                        format!(
                            "{:<20} {:<10} {}{secret}",
                            c.dnr.to_string(),
                            c.status.swedish(),
                            c.title
                        )
                    }),
                    "Inga ärenden.",
                )
            })
        }
        CaseCommand::Show { data, case, json } => {
            let dir = DataDir::open(&data.dir)?;
            let c = find_case(&dir, &case)?;
            let docs = dir.documents(c.id)?;
            let value = serde_json::json!({ "case": c, "documents": docs });
            output::print(json.json, &value, || {
                let mut s = format!(
                    "{}  {}\nStatus: {}   Registrerat: {}   Sekretess: {}\n",
                    c.dnr,
                    c.title,
                    c.status.swedish(),
                    c.registered,
                    c.secrecy.ground().unwrap_or("nej")
                );
                for d in &docs {
                    s += &format!(
                        "  handling {:>5}  {}  {:<18} {}{}\n",
                        d.number,
                        d.date,
                        d.kind.swedish(),
                        d.title,
                        d.counterpart
                            .as_deref()
                            .map(|x| format!(" ({x})"))
                            .unwrap_or_default()
                    );
                }
                s
            })
        }
    }
}

pub fn document(c: DocumentCommand) -> Result<()> {
    match c {
        DocumentCommand::Add {
            data,
            case,
            kind,
            title,
            date,
            from,
            to,
            file,
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let case = find_case(&dir, &case)?;
            let (direction, counterpart) = match (from, to) {
                (Some(f), _) => (Direction::Incoming, Some(f)),
                (None, Some(t)) => (Direction::Outgoing, Some(t)),
                (None, None) => (Direction::Internal, None),
            };
            let rec = registry::add_document(
                &dir,
                case.id,
                registry::AddDocument {
                    kind,
                    title,
                    date,
                    direction,
                    counterpart,
                    pdf: None,
                    file,
                    secret: false,
                },
            )?;
            output::print(json.json, &rec, || {
                format!(
                    "Handling {} registrerad i {}: {}",
                    rec.number, case.dnr, rec.title
                )
            })
        }
    }
}
