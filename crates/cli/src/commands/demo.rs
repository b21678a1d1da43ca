//! `paragraf demo` and `paragraf serve`.

use anyhow::{Context, Result};
use paragraf_app::demo::{demo_config, populate};
use paragraf_app::{DataDir, CONFIG_FILE};
use paragraf_core::calendar::cycle_deadlines;
use paragraf_core::org::BodyKind;

use crate::args::{DemoArgs, ServeArgs};
use crate::output;

pub fn run(a: &DemoArgs) -> Result<()> {
    let dir = if a.data.dir.join(CONFIG_FILE).exists() {
        DataDir::open(&a.data.dir)?
    } else {
        DataDir::init(&a.data.dir, &demo_config())?
    };
    if dir.bodies()?.is_empty() {
        populate(&dir, paragraf_app::clock::today()).context("kunde inte skapa demodata")?;
    }
    let logins = paragraf_app::demo::accounts(&dir)?;
    let bodies = dir.bodies()?;
    let persons = dir.persons()?;
    let memberships = dir.memberships(None)?;
    let cases = dir.cases()?;
    let meetings = dir.meetings()?;
    let url = format!("http://{}", a.addr);
    let value = serde_json::json!({
        "data": dir.path, "municipality": dir.config().municipality.name, "url": url,
        "logins": logins.iter().map(|(u, p, w)| serde_json::json!({"username": u, "password": p, "who": w})).collect::<Vec<_>>(),
        "bodies": bodies, "persons": persons, "memberships": memberships,
        "cases": cases, "meetings": meetings,
    });
    output::print(a.json.json, &value, || {
        let name = |id| {
            persons
                .iter()
                .find(|p| p.id == id)
                .map_or("?", |p| p.name.as_str())
        };
        let mut s = format!(
            "{} — demodata i {}\n\nOrgan\n",
            dir.config().municipality.name,
            dir.path.display()
        );
        for b in &bodies {
            s += &format!("  {:>3}  {} ({})\n", b.id, b.name, b.kind.swedish());
        }
        if let Some(sn) = bodies.iter().find(|b| b.kind == BodyKind::Committee) {
            s += &format!("\nLedamöter och ersättare i {}\n", sn.name);
            for m in memberships
                .iter()
                .filter(|m| m.body == sn.id && m.term.is_some())
            {
                let pos = m
                    .position
                    .map(|p| format!(", {}", p.swedish()))
                    .unwrap_or_default();
                s += &format!(
                    "  {} ({}), {}{pos}\n",
                    name(m.person),
                    m.party.as_deref().unwrap_or("–"),
                    m.role.swedish()
                );
            }
        }
        s += "\nÄrenden\n";
        for c in &cases {
            let secret = if c.secrecy.is_secret() {
                "  [sekretess, OSL 26 kap. 1 §]"
            } else {
                ""
            };
            s += &format!("  {:<20} {}{secret}\n", c.dnr.to_string(), c.title);
        }
        s += "\nSammanträden\n";
        for m in &meetings {
            let b = bodies
                .iter()
                .find(|b| b.id == m.body)
                .map_or("?", |b| b.name.as_str());
            let deadlines = cycle_deadlines(m.date, None, None)
                .map(|c| format!(", justering senast {}", c.adjustment_deadline))
                .unwrap_or_default();
            s += &format!(
                "  {:>3}  {}  {b}: {}{deadlines}\n",
                m.id,
                m.date,
                m.state().swedish()
            );
        }
        s += "\nInloggningar (användarnamn / lösenord)\n";
        for (u, p, w) in &logins {
            s += &format!("  {u:<12} {p:<18} {w}\n");
        }
        if !a.no_serve {
            s += &format!("\nParagraf körs på {url}  (anslagstavla: {url}/anslagstavla, API: {url}/api/v1/openapi.json). Avsluta med Ctrl-C.");
        }
        s
    })?;
    if a.no_serve {
        return Ok(());
    }
    paragraf_web::serve_blocking(paragraf_web::AppState::new(dir)?, a.addr)
}

pub fn serve(a: &ServeArgs) -> Result<()> {
    let dir = DataDir::open(&a.data.dir)?;
    if paragraf_app::accounts::users(&dir)?.is_empty() {
        eprintln!(
            "Det finns inga konton: ingen kan logga in. Skapa en administratör med\n  \
             paragraf user add --data {} --username admin --name \"Förnamn Efternamn\" \
             --role administratör --password-stdin",
            a.data.dir.display()
        );
    }
    eprintln!("Paragraf körs på http://{} — avsluta med Ctrl-C.", a.addr);
    paragraf_web::serve_blocking(paragraf_web::AppState::new(dir)?, a.addr)
}
