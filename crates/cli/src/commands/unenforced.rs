//! `paragraf unenforced …`: the register of ej verkställda beslut and its reports. The rules
//! are in `paragraf_core::unenforced`, the operations in `paragraf_app::unenforced`.

use std::path::Path;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use paragraf_app::unenforced as ops;
use paragraf_app::unenforced::docs;
use paragraf_app::DataDir;
use paragraf_core::unenforced::catalogue::Catalogue;
use paragraf_core::unenforced::decision::{parse_optional_date, Closure, Offer};
use paragraf_core::unenforced::report::swedish_date;
use paragraf_core::unenforced::{DecisionId, Gender, GrantedDecision, Reason};

use crate::args_unenforced::{ActorArg, FactArgs, UnenforcedCommand};
use crate::output;

fn actor(a: &ActorArg) -> String {
    a.actor
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "okänd användare".to_string())
}

fn open(dir: &Path) -> Result<(DataDir, Catalogue)> {
    let d = DataDir::open(dir)?;
    let c = ops::load_catalogue(&d.path)?;
    Ok((d, c))
}

fn id(text: &str) -> Result<DecisionId> {
    DecisionId::new(text).map_err(|e| anyhow::anyhow!("{e}"))
}

fn today() -> NaiveDate {
    paragraf_app::clock::today()
}

/// "-" or "" clears; otherwise a date.
fn date_or_clear(field: &'static str, s: &str) -> Result<Option<NaiveDate>> {
    if s.trim() == "-" {
        return Ok(None);
    }
    parse_optional_date(field, s).map_err(|e| anyhow::anyhow!("{e}"))
}

fn text_or_clear(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty() && t != "-").then(|| t.to_string())
}

/// Applies the optional facts to `d`.
fn apply(d: &mut GrantedDecision, f: &FactArgs) -> Result<()> {
    if let Some(r) = &f.reason {
        d.reason = match text_or_clear(r) {
            None => None,
            Some(r) => Some(Reason::parse(&r).map_err(|e| anyhow::anyhow!("{e}"))?),
        };
    }
    if let Some(t) = &f.reason_text {
        d.reason_text = text_or_clear(t);
    }
    if let Some(u) = &f.unit {
        d.unit = text_or_clear(u);
    }
    if let Some(e) = &f.enforced {
        d.enforced = date_or_clear("verkställt", e)?;
    }
    if let Some(c) = &f.closed {
        d.closed = date_or_clear("avslutat", c)?.map(|date| Closure {
            date,
            why: d.closed.as_ref().and_then(|c| c.why.clone()),
        });
    }
    if let Some(w) = &f.closed_why {
        match d.closed.as_mut() {
            Some(c) => c.why = text_or_clear(w),
            None => bail!("--closed-why kräver ett datum för avslutat (--closed)"),
        }
    }
    if f.interrupted_from.is_some() || f.interrupted_to.is_some() {
        // One avbrott at a time, by the rule of the register: the start given (or the
        // latest one's, when only the end is given), the end given or none.
        let from = match &f.interrupted_from {
            Some(x) => date_or_clear("avbrott_från", x)?,
            None => d.interruptions.last().map(|i| i.from),
        };
        let to = match &f.interrupted_to {
            Some(x) => date_or_clear("avbrott_till", x)?,
            None => None,
        };
        if from.is_none() && to.is_some() {
            bail!("--interrupted-to kräver ett avbrott (--interrupted-from)");
        }
        d.set_latest_interruption(from, to)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    for o in &f.offer {
        let (offered, declined) = match o.split_once(':') {
            Some((a, b)) => (a, Some(b)),
            None => (o.as_str(), None),
        };
        let offered = date_or_clear("erbjudande", offered)?
            .context("--offer kräver ett datum (ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD:ÅÅÅÅ-MM-DD)")?;
        let declined = match declined {
            Some(x) => date_or_clear("erbjudande", x)?,
            None => None,
        };
        d.offers.push(Offer { offered, declined });
    }
    Ok(())
}

fn show_decision(d: &GrantedDecision) -> String {
    let date = |x: Option<NaiveDate>| x.map_or("–".to_string(), |d| d.to_string());
    let mut s = format!(
        "Beslut {}: {}, beslutat {}, {}\n  orsak: {}\n  enhet: {}\n  verkställt: {}\n",
        d.id,
        d.service,
        d.decision_date,
        d.gender.letter(),
        d.reason.map_or("–".to_string(), |r| format!(
            "{} ({})",
            r.code(),
            r.swedish()
        )) + &d
            .reason_text
            .as_ref()
            .map(|t| format!(" — {t}"))
            .unwrap_or_default(),
        d.unit.as_deref().unwrap_or("–"),
        date(d.enforced),
    );
    if let Some(c) = &d.closed {
        s += &format!(
            "  avslutat: {}{}\n",
            c.date,
            c.why
                .as_ref()
                .map(|w| format!(" ({w})"))
                .unwrap_or_default()
        );
    }
    for i in &d.interruptions {
        s += &format!(
            "  avbrott: från {}{}\n",
            i.from,
            i.to.map_or(" (pågår)".to_string(), |t| format!(" till {t}"))
        );
    }
    for o in &d.offers {
        s += &format!(
            "  erbjudande: {}{}\n",
            o.offered,
            o.declined
                .map(|x| format!(", avböjt {x}"))
                .unwrap_or_default()
        );
    }
    s
}

/// Runs one `paragraf unenforced` command.
pub fn run(c: UnenforcedCommand) -> Result<()> {
    match c {
        UnenforcedCommand::Import {
            data,
            actor: a,
            file,
            body,
            json,
        } => {
            let (dir, cat) = open(&data.dir)?;
            let body = body
                .map(|b| super::find_body(&dir, &b).map(|r| r.id))
                .transpose()?;
            std::fs::File::open(&file)
                .with_context(|| format!("kunde inte läsa {}", file.display()))?;
            let s = ops::import_csv(
                &dir,
                &actor(&a),
                &file.display().to_string(),
                file.as_path(),
                &cat,
                body,
            )?;
            output::print(json.json, &s, || {
                format!(
                    "{} rader inlästa från {}: {} nya, {} ändrade, {} oförändrade.",
                    s.rows,
                    file.display(),
                    s.inserted,
                    s.updated,
                    s.unchanged
                )
            })?;
        }
        UnenforcedCommand::Add(a) => {
            let (dir, cat) = open(&a.data.dir)?;
            let gender = Gender::parse(&a.gender).map_err(|e| anyhow::anyhow!("{e}"))?;
            let mut d = GrantedDecision::new(id(&a.id)?, &a.service, a.decided, gender);
            apply(&mut d, &a.facts)?;
            let d = ops::add_decision(&dir, &actor(&a.actor), &cat, d)?;
            out!("Beslut {} är registrerat ({}).", d.id, d.service);
        }
        UnenforcedCommand::Edit(a) => {
            let (dir, cat) = open(&a.data.dir)?;
            let who = actor(&a.actor);
            let d = ops::edit_decision(&dir, &who, &cat, &id(&a.id)?, |d| {
                if let Some(t) = &a.service {
                    d.service = t.clone();
                }
                if let Some(x) = a.decided {
                    d.decision_date = x;
                }
                if let Some(g) = &a.gender {
                    d.gender = Gender::parse(g).map_err(|e| anyhow::anyhow!("{e}"))?;
                }
                apply(d, &a.facts)
            })?;
            out!("Beslut {} är ändrat.\n{}", d.id, show_decision(&d));
        }
        UnenforcedCommand::Show {
            data,
            actor: a,
            id: key,
            json,
        } => {
            let (dir, _) = open(&data.dir)?;
            let Some(d) = ops::decision(&dir, &actor(&a), &id(&key)?)? else {
                bail!("beslut {key} finns inte i registret");
            };
            output::print(json.json, &d, || show_decision(&d))?;
        }
        UnenforcedCommand::List {
            data,
            actor: a,
            date,
            json,
        } => {
            let (dir, _) = open(&data.dir)?;
            let all = ops::decisions(&dir, &actor(&a))?;
            let rows = ops::listing(&all, date.unwrap_or_else(today));
            output::print(json.json, &rows, || {
                output::lines(
                    rows.iter().map(|r| {
                        format!(
                            "{:<12} {}  {} {}  {:<34} {}",
                            r["id"],
                            r["decision_date"],
                            r["gender"],
                            r["reason"],
                            r["type"],
                            r["state"]
                        )
                    }),
                    "Registret är tomt.",
                )
            })?;
        }
        UnenforcedCommand::Log {
            data,
            id: key,
            json,
        } => {
            let (dir, _) = open(&data.dir)?;
            let key = key.as_deref().map(id).transpose()?;
            let log = ops::log(&dir, key.as_ref())?;
            output::print(json.json, &log, || {
                output::lines(
                    log.iter().map(|e| {
                        let what = match (&e.entity_id, e.action.as_str()) {
                            (Some(id), _) => id.clone(),
                            // An import: its file and counts.
                            (None, ops::IMPORT_ACTION) => e
                                .after_json
                                .as_deref()
                                .and_then(|j| serde_json::from_str::<serde_json::Value>(j).ok())
                                .map_or_else(String::new, |v| {
                                    format!(
                                        "{} ({} nya, {} ändrade, {} oförändrade)",
                                        v["fil"].as_str().unwrap_or(""),
                                        v["nya"],
                                        v["ändrade"],
                                        v["oförändrade"]
                                    )
                                }),
                            (None, _) => "(hela registret)".into(),
                        };
                        format!("{}  {:<20} {:<7} {what}", e.at, e.actor, e.action)
                    }),
                    "Granskningsloggen är tom.",
                )
            })?;
        }
        UnenforcedCommand::Report {
            data,
            actor: a,
            date,
            json,
        } => {
            let (dir, cat) = open(&data.dir)?;
            let r = ops::monthly_report(&dir, &actor(&a), &cat, date)?;
            output::print(json.json, &r, || r.to_text())?;
        }
        UnenforcedCommand::Ivo {
            data,
            actor: a,
            quarter,
            csv,
            pdf,
            body,
            json,
        } => {
            let (dir, cat) = open(&data.dir)?;
            let r = ops::ivo_report(&dir, &actor(&a), &cat, quarter)?;
            if let Some(path) = &csv {
                std::fs::write(path, r.to_csv())
                    .with_context(|| format!("kunde inte skriva {}", path.display()))?;
            }
            if let Some(path) = &pdf {
                let doc = docs::ivo_doc(
                    &r,
                    &dir.config().municipality.name,
                    body.as_deref().unwrap_or("Socialtjänsten"),
                    today(),
                );
                write_pdf(path, &docs::pdf(&doc)?)?;
            }
            output::print(json.json, &r, || {
                let mut s = format!(
                    "Rapport till IVO för {} ({} – {}): {} beslut.\n",
                    r.quarter,
                    r.from,
                    r.to,
                    r.rows.len()
                );
                for x in &r.rows {
                    let state = match (x.closed, x.enforced) {
                        (Some(c), _) if x.state == "avslutat" => format!("avslutat {c}"),
                        (_, Some(e)) => format!("verkställt {e}"),
                        _ => "väntar".to_string(),
                    };
                    s += &format!(
                        "{:<12} {:<34} {} {}  {:<13} {}{}  orsak {}\n",
                        x.id,
                        x.service,
                        x.decision_date,
                        x.gender.letter(),
                        x.kind.swedish(),
                        x.interrupted_from
                            .map(|f| format!("från {f}, "))
                            .unwrap_or_default(),
                        state,
                        x.reason.map_or("–".to_string(), |r| r.code().to_string())
                    );
                }
                if let Some(p) = &csv {
                    s += &format!("CSV: {}\n", p.display());
                }
                s
            })?;
        }
        UnenforcedCommand::Stats {
            data,
            actor: a,
            quarter,
            json,
        } => {
            let (dir, cat) = open(&data.dir)?;
            let s = ops::quarter_stats(&dir, &actor(&a), &cat, quarter)?;
            output::print(json.json, &s, || {
                let mut t = format!(
                    "Ej verkställda beslut {} ({} – {}): {} beslut, varav {} kvinnor och {} män; {} ej verkställda, {} avbrott; {} verkställda och {} avslutade vid kvartalets slut.\n\n",
                    s.quarter, s.from, s.to, s.total, s.women, s.men, s.not_enforced, s.interrupted, s.enforced_by_end, s.closed_by_end
                );
                t += "Lag\tInsats\tAntal\tKvinnor\tMän\n";
                for l in &s.by_law {
                    let law = l.law.map_or("okänd lag", |x| x.short());
                    for ty in &l.by_type {
                        t += &format!(
                            "{law}\t{}\t{}\t{}\t{}\n",
                            ty.service, ty.total, ty.women, ty.men
                        );
                    }
                    t += &format!("{law}\tSumma\t{}\t{}\t{}\n", l.total, l.women, l.men);
                }
                t
            })?;
        }
        UnenforcedCommand::Check { file, strict, json } => {
            let cat = Catalogue::default_catalogue();
            let r = ops::check_file(&file, &cat)?;
            output::print(json.json, &r, || {
                let mut s = format!(
                    "{} statistikrapport(er) i {}: {}\n",
                    r.reports.len(),
                    file.display(),
                    r.reports
                        .iter()
                        .map(|x| format!("{} ({} rader)", x.report, x.rows))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                if r.findings.is_empty() {
                    s += "Inga avvikelser.\n";
                }
                for f in &r.findings {
                    s += &format!("avvikelse: {}\n", f.message);
                }
                for n in &r.notes {
                    s += &format!("anmärkning: {} (rad {})\n", n.message, n.line);
                }
                s
            })?;
            if strict && !(r.findings.is_empty() && r.notes.is_empty()) {
                bail!(
                    "{} avvikelser och {} anmärkningar i {}",
                    r.findings.len(),
                    r.notes.len(),
                    file.display()
                );
            }
        }
        UnenforcedCommand::Chart {
            data,
            actor: a,
            date,
            out,
        } => {
            let (dir, cat) = open(&data.dir)?;
            let all = ops::decisions(&dir, &actor(&a))?;
            let svg = ops::chart_svg(&all, &cat, date)?;
            std::fs::write(&out, svg)
                .with_context(|| format!("kunde inte skriva {}", out.display()))?;
            out!("Diagrammet är sparat i {}.", out.display());
        }
        UnenforcedCommand::Draft {
            data,
            actor: a,
            date,
            body,
            memo_date,
            pdf,
            meeting,
            json,
        } => {
            let (dir, cat) = open(&data.dir)?;
            let who = actor(&a);
            let r = ops::monthly_report(&dir, &who, &cat, date)?;
            let memo_date = memo_date.unwrap_or_else(today);
            let d = ops::draft(&r, &body, memo_date);
            if pdf.is_some() || meeting.is_some() {
                let (_, bytes) = docs::memo(&dir, &who, &cat, date, &body, None, memo_date)?;
                if let Some(path) = &pdf {
                    write_pdf(path, &bytes)?;
                }
                if let Some(m) = meeting {
                    let (case, item) = docs::place_on_agenda(
                        &dir,
                        paragraf_core::ids::MeetingId(m),
                        &d,
                        &bytes,
                        memo_date,
                        &who,
                    )?;
                    eprintln!(
                        "Ärendet {} är registrerat med tjänsteskrivelsen och ligger som punkt {} på föredragningslistan för sammanträde {m}.",
                        case.dnr, item.position
                    );
                }
            }
            output::print(json.json, &d, || {
                format!(
                    "{}\n\nFörslag till beslut\n\n{}\n\nBeskrivning av ärendet\n\n{}\n\nBeslutsunderlag\n\n{}\n\nBeslut skickas till\n\n{}\n\nBilaga: Statistikrapport den {}\n\n{}",
                    d.title,
                    d.decision,
                    d.description.join("\n\n"),
                    d.basis.iter().map(|b| format!("- {b}")).collect::<Vec<_>>().join("\n"),
                    d.send_to.join("\n"),
                    swedish_date(date),
                    d.attachment.text
                )
            })?;
        }
        UnenforcedCommand::Types { data, json } => {
            let cat = ops::load_catalogue(&data.dir)?;
            output::print(json.json, &cat, || {
                output::lines(
                    cat.entries().iter().map(|e| {
                        format!(
                            "{:<34} {:<4} {}",
                            e.name,
                            e.law.short(),
                            e.aliases.join(", ")
                        )
                    }),
                    "Katalogen är tom.",
                )
            })?;
        }
    }
    Ok(())
}

fn write_pdf(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("kunde inte skriva {}", path.display()))?;
    eprintln!("PDF:en är sparad i {}.", path.display());
    Ok(())
}
