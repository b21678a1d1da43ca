//! `paragraf delegation …`: the delegationsordning, the decisions taken under it and the
//! report to the nämnd. The rules are in `paragraf_core::delegation`, the operations in
//! `paragraf_app::delegation`.

use anyhow::{Context, Result};
use paragraf_app::delegation as ops;
use paragraf_app::delegation::docs;
use paragraf_app::DataDir;
use paragraf_core::delegation::NoticeList;

use crate::args::PeriodArg;
use crate::args_delegation::{DecisionsCommand, DelegationCommand, FurtherCommand, RolesCommand};
use crate::output;

fn today() -> chrono::NaiveDate {
    paragraf_app::clock::today()
}

fn ranks(r: &[Vec<String>]) -> String {
    r.iter()
        .map(|a| a.join(" eller "))
        .collect::<Vec<_>>()
        .join(", ")
}

fn import_text(i: &ops::OrderImport) -> String {
    let o = &i.order;
    let mut s = format!(
        "{}{}: {} punkter i {} avsnitt",
        o.title,
        o.case_number
            .as_deref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default(),
        o.items.len(),
        o.sections.len()
    );
    if let Some(d) = o.adopted {
        s.push_str(&format!(", fastställd {d}"));
    }
    if let Some(d) = o.revised {
        s.push_str(&format!(", reviderad {d}"));
    }
    if let Some(d) = o.valid_until {
        s.push_str(&format!(", giltig t o m {d}"));
    }
    s.push_str(".\n");
    for w in &i.warnings {
        s.push_str(&format!("varning: {w}\n"));
    }
    if let Some(st) = &i.staleness {
        s.push_str(&format!("OBS: {st}\n"));
    }
    if let Some(d) = &i.diff {
        s.push_str(&format!(
            "Ändringar mot förra versionen:\n{}\n",
            d.to_text()
        ));
    }
    if let Some(v) = i.version {
        s.push_str(&format!("Sparad som version {v}.\n"));
    }
    s
}

/// One ANMÄLAN list as text: its heading, then a line per decision.
fn notice_text(n: &NoticeList) -> String {
    let mut s = format!(
        "ANMÄLAN AV DELEGATIONSBESLUT – {} – {}\nPunkt\tDatum\tBeslut\tBeslutsfattare\n",
        n.unit, n.month
    );
    for row in &n.rows {
        s.push_str(&format!(
            "{}\t{}\t{} ({})\t{}, {}\n",
            row.item,
            row.date,
            row.decision,
            row.outcome.swedish(),
            row.decided_by,
            row.role.to_lowercase()
        ));
    }
    s.push('\n');
    s
}

/// Runs `paragraf delegation …`.
pub fn run(c: DelegationCommand) -> Result<()> {
    match c {
        DelegationCommand::Import {
            data,
            dry_run,
            json,
            file,
            columns,
        } => {
            let read = ops::read_order(&file, columns.as_deref(), today())?;
            let result = if dry_run {
                read
            } else {
                let dir = DataDir::open(&data.dir)?;
                ops::store_order(&dir, read, Some(&file.display().to_string()))?
            };
            output::print(json.json, &result, || import_text(&result))?;
        }
        DelegationCommand::Decisions(DecisionsCommand::Import { data, file, json }) => {
            let dir = DataDir::open(&data.dir)?;
            std::fs::File::open(&file)
                .with_context(|| format!("kunde inte läsa {}", file.display()))?;
            let name = file.display().to_string();
            let s = ops::import_decisions(&dir, &name, file.as_path())?;
            output::print(json.json, &s, || {
                format!(
                    "{} delegationsbeslut inlästa från {name}{}.",
                    s.rows,
                    match (s.from, s.to) {
                        (Some(a), Some(b)) => format!(" ({a} – {b})"),
                        _ => String::new(),
                    }
                )
            })?;
        }
        DelegationCommand::Roles(RolesCommand::Import { data, file }) => {
            let dir = DataDir::open(&data.dir)?;
            let bytes = std::fs::read(&file)
                .with_context(|| format!("kunde inte läsa {}", file.display()))?;
            let n = ops::import_roles(&dir, &bytes)?;
            out!("{n} befattningar inlästa.");
        }
        DelegationCommand::Further(FurtherCommand::Import { data, file }) => {
            let dir = DataDir::open(&data.dir)?;
            let bytes = std::fs::read(&file)
                .with_context(|| format!("kunde inte läsa {}", file.display()))?;
            let n = ops::import_further(&dir, &bytes)?;
            out!("{n} vidaredelegationer inlästa.");
        }
        DelegationCommand::Unreported { data, json } => {
            let dir = DataDir::open(&data.dir)?;
            let rows = ops::unreported_urgent(&dir, today())?;
            output::print(json.json, &rows, || {
                if rows.is_empty() {
                    return "Inga brådskande beslut väntar på att anmälas.".into();
                }
                let mut out = vec![format!(
                    "{} brådskande beslut ska anmälas vid nämndens nästa sammanträde (KL 6 kap. 39–40 §§):",
                    rows.len()
                )];
                out.extend(rows.iter().map(|r| {
                    format!(
                        "  {} punkt {}: {} ({}, {})",
                        r.date, r.item, r.decision, r.decided_by, r.role
                    )
                }));
                out.join("\n")
            })?;
        }
        DelegationCommand::Report {
            data,
            period: PeriodArg { from, to },
            pdf,
            public,
            meeting,
            body,
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let r = ops::report(&dir, from, to)?;
            let municipality = dir.config().municipality.name.clone();
            if let Some(path) = &pdf {
                let lists = if public {
                    Vec::new()
                } else {
                    ops::notices(&dir, from, to)?
                };
                let doc = docs::report_doc(&r, &lists, &municipality, &body, today());
                let bytes = docs::pdf(&doc)?;
                std::fs::write(path, bytes)
                    .with_context(|| format!("kunde inte skriva {}", path.display()))?;
                eprintln!("PDF:en är sparad i {}.", path.display());
            }
            if let Some(m) = meeting {
                let handler = std::env::var("USER").unwrap_or_else(|_| "okänd användare".into());
                let (case, item) = paragraf_app::meeting::agenda::place_report(
                    &dir,
                    paragraf_core::ids::MeetingId(m),
                    &paragraf_app::meeting::agenda::AgendaReport::Delegation { from, to },
                    today(),
                    &handler,
                )?;
                eprintln!(
                    "Anmälningsärendet {} ligger som punkt {} på föredragningslistan för sammanträde {m}.",
                    case.dnr, item.position
                );
            }
            output::print(json.json, &r, || r.to_text())?;
        }
        DelegationCommand::Notices {
            data,
            period: PeriodArg { from, to },
            unit,
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let lists = ops::notices(&dir, from, to)?;
            let wanted = |n: &NoticeList| {
                unit.as_deref()
                    .is_none_or(|u| n.unit.trim().to_lowercase() == u.trim().to_lowercase())
            };
            output::stream(
                json.json,
                lists.into_iter().filter(|n| wanted(n)),
                notice_text,
            )?;
        }
        DelegationCommand::Who {
            data,
            item,
            level,
            date,
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let w = ops::who_may_decide(&dir, &item, level.as_deref(), date)?;
            if let Some(stale) = ops::order_at(&dir, date)?.order.staleness(today()) {
                eprintln!("OBS: {stale}");
            }
            output::print(json.json, &w, || w.to_text())?;
        }
        DelegationCommand::Search { data, text, json } => {
            let dir = DataDir::open(&data.dir)?;
            let hits = ops::search_items(&dir, &text)?;
            output::print(json.json, &hits, || {
                output::lines(
                    hits.iter().map(|i| {
                        let mut who = ranks(&i.delegates);
                        if who.is_empty() && !i.levels.is_empty() {
                            who = i
                                .levels
                                .iter()
                                .map(|l| format!("{}. {}", l.number, ranks(&l.delegates)))
                                .collect::<Vec<_>>()
                                .join("; ");
                        }
                        format!(
                            "{}\t{}\t{}\t{}",
                            i.number,
                            i.matter,
                            i.legal_basis.join(", "),
                            who
                        )
                    }),
                    "Inga punkter hittades.",
                )
            })?;
        }
    }
    Ok(())
}
