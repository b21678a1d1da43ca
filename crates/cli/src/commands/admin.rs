//! Accounts, backup, restore and the check of an installation.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::{bail, Result};
use paragraf_app::accounts::{self, NewUser, User};
use paragraf_app::install;
use paragraf_app::DataDir;
use paragraf_core::ids::BodyId;
use serde_json::json;

use crate::args_admin::{BackupArgs, CheckArgs, RestoreArgs, UserCommand};
use crate::output;

/// Who the audit log names for a change made from the command line.
pub fn actor() -> String {
    let who = std::env::var("USER").unwrap_or_else(|_| "okänd".into());
    format!("kommandoraden ({who})")
}

/// Turns the terminal's echo off while a password is typed; back on when dropped.
struct NoEcho(Option<rustix::termios::Termios>);

impl NoEcho {
    fn new() -> NoEcho {
        use rustix::termios::{tcgetattr, tcsetattr, LocalModes, OptionalActions};
        let stdin = std::io::stdin();
        let Ok(saved) = tcgetattr(&stdin) else {
            return NoEcho(None);
        };
        let mut quiet = saved.clone();
        quiet.local_modes.remove(LocalModes::ECHO);
        if tcsetattr(&stdin, OptionalActions::Now, &quiet).is_err() {
            return NoEcho(None);
        }
        NoEcho(Some(saved))
    }
}

impl Drop for NoEcho {
    fn drop(&mut self) {
        if let Some(saved) = &self.0 {
            let _ = rustix::termios::tcsetattr(
                std::io::stdin(),
                rustix::termios::OptionalActions::Now,
                saved,
            );
            eprintln!();
        }
    }
}

/// One line of standard in: the password (never an argument). On a terminal, asked for
/// with `prompt` and not echoed.
pub fn read_password(prompt: &str) -> Result<String> {
    let stdin = std::io::stdin();
    let _quiet = if stdin.is_terminal() {
        eprint!("{prompt}: ");
        Some(NoEcho::new())
    } else {
        None
    };
    let mut line = String::new();
    if stdin.lock().read_line(&mut line)? == 0 {
        bail!("inget lösenord på standard in");
    }
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

/// The password of a new account: asked for twice, the same both times.
pub fn new_password() -> Result<String> {
    let first = read_password("Lösenord")?;
    let again = read_password("Samma lösenord igen")?;
    if first != again {
        bail!("lösenorden är inte lika");
    }
    accounts::check_password(&first)?;
    Ok(first)
}

fn bodies(dir: &DataDir, keys: &[String]) -> Result<Vec<BodyId>> {
    keys.iter()
        .map(|k| Ok(super::find_body(dir, k)?.id))
        .collect()
}

fn view(dir: &DataDir, u: &User) -> serde_json::Value {
    let names: Vec<String> = u.bodies.iter().map(|b| dir.body_name(*b)).collect();
    json!({
        "username": u.username,
        "name": u.name,
        "roles": [ { "role": u.role.swedish(), "bodies": names } ],
        "disabled": u.disabled,
        "last_login": u.last_login,
        "must_change_password": u.must_change_password,
    })
}

fn line(dir: &DataDir, u: &User) -> String {
    let v = view(dir, u);
    let bodies = v["roles"][0]["bodies"]
        .as_array()
        .map(|b| {
            b.iter()
                .filter_map(|x| x.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    format!(
        "{:<16} {:<28} {}{}{}{}",
        u.username,
        u.name,
        u.role.swedish(),
        if bodies.is_empty() {
            String::new()
        } else {
            format!(" i {bodies}")
        },
        if u.disabled { " (stängt)" } else { "" },
        u.last_login
            .as_deref()
            .map(|t| format!(", senast inloggad {t}"))
            .unwrap_or_default()
    )
}

/// `paragraf user …`
pub fn user(c: UserCommand) -> Result<()> {
    match c {
        UserCommand::Add(a) => {
            if !a.password_stdin && !a.sso {
                bail!(
                    "ange --password-stdin och ge lösenordet på standard in (aldrig som argument), eller --sso för ett konto utan lösenord"
                );
            }
            let dir = DataDir::open(&a.data.dir)?;
            if a.sso && dir.config().sso.is_none() {
                bail!("--sso kräver inloggning via identitetsleverantör: lägg till [sso] i paragraf.toml");
            }
            let role = accounts::parse_role(&a.role)?;
            let bodies = bodies(&dir, &a.bodies)?;
            let person = a
                .person
                .as_deref()
                .map(|p| super::find_person(&dir, p).map(|p| p.id))
                .transpose()?;
            let password = if a.sso {
                String::new()
            } else {
                read_password("Lösenord")?
            };
            let u = accounts::create_user(
                &dir,
                &actor(),
                NewUser {
                    username: a.username,
                    name: a.name,
                    password,
                    role,
                    bodies,
                    person,
                    // The operator chose it: the user chooses their own at the first login.
                    must_change_password: true,
                },
            )?;
            output::print(a.json.json, &view(&dir, &u), || {
                format!("Kontot är skapat: {}", line(&dir, &u))
            })
        }
        UserCommand::List { data, json } => {
            let dir = DataDir::open(&data.dir)?;
            let users = accounts::users(&dir)?;
            let list: Vec<_> = users.iter().map(|u| view(&dir, u)).collect();
            output::print(json.json, &list, || {
                output::lines(users.iter().map(|u| line(&dir, u)), "Inga konton.")
            })
        }
        UserCommand::Show(r) => {
            let dir = DataDir::open(&r.data.dir)?;
            let u = accounts::user_by_name(&dir, &r.username)?.ok_or_else(|| {
                paragraf_app::Error::NotFound(format!("användaren ”{}”", r.username))
            })?;
            output::print(r.json.json, &view(&dir, &u), || line(&dir, &u))
        }
        UserCommand::Disable(r) => set_disabled(r, true),
        UserCommand::Enable(r) => set_disabled(r, false),
        UserCommand::SetRole {
            user,
            role,
            bodies: keys,
        } => {
            let dir = DataDir::open(&user.data.dir)?;
            let role = accounts::parse_role(&role)?;
            let bodies = bodies(&dir, &keys)?;
            let u = accounts::set_role(&dir, &actor(), &user.username, role, &bodies)?;
            output::print(user.json.json, &view(&dir, &u), || line(&dir, &u))
        }
        UserCommand::ResetPassword {
            user,
            password_stdin,
        } => {
            if !password_stdin {
                bail!(
                    "ange --password-stdin och ge lösenordet på standard in (aldrig som argument)"
                );
            }
            let dir = DataDir::open(&user.data.dir)?;
            let password = read_password("Nytt lösenord")?;
            accounts::reset_password(&dir, &actor(), &user.username, &password)?;
            output::print(
                user.json.json,
                &json!({ "username": user.username }),
                || {
                    format!(
                        "{} har fått ett nytt lösenord; kontots sessioner är avslutade.",
                        user.username
                    )
                },
            )
        }
    }
}

fn set_disabled(r: crate::args_admin::UserRef, disabled: bool) -> Result<()> {
    let dir = DataDir::open(&r.data.dir)?;
    let u = accounts::set_disabled(&dir, &actor(), &r.username, disabled)?;
    output::print(r.json.json, &view(&dir, &u), || line(&dir, &u))
}

/// `paragraf backup`
pub fn backup(a: &BackupArgs) -> Result<()> {
    let dir = DataDir::open(&a.data.dir)?;
    let s = install::backup(&dir, &a.out, &actor())?;
    output::print(a.json.json, &s, || {
        format!(
            "Säkerhetskopian {} är skriven: databasen och {} filer, {} kB.",
            s.file.display(),
            s.files,
            s.bytes / 1024
        )
    })
}

fn report_text(c: &install::CheckReport) -> String {
    let mut s = format!(
        "Databasen: {}; schemaversion {} (programmet: {}); {} förseglade protokoll kontrollerade; sigillnyckel {}; {} ledigt.",
        if c.integrity { "hel" } else { "SKADAD" },
        c.schema_version,
        c.expected_schema_version,
        c.seals_checked,
        if c.key_present { "finns" } else { "saknas" },
        c.disk_free_bytes
            .map(|b| format!("{} MB", b / (1024 * 1024)))
            .unwrap_or_else(|| "okänt utrymme".into())
    );
    if c.problems.is_empty() {
        s.push_str("\nInga fel.");
    }
    for p in &c.problems {
        s.push_str(&format!("\nFEL: {p}"));
    }
    for w in &c.warnings {
        s.push_str(&format!("\nOBS: {w}"));
    }
    s
}

/// `paragraf restore`
pub fn restore(a: &RestoreArgs) -> Result<ExitCode> {
    let r = install::restore(&a.file, &a.data.dir)?;
    output::print(a.json.json, &r, || {
        format!(
            "Säkerhetskopian är återställd i {} ({} filer).\n{}",
            r.data.display(),
            r.files,
            report_text(&r.check)
        )
    })?;
    Ok(if r.check.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `paragraf check`: exit 1 on any fault.
pub fn check(a: &CheckArgs) -> Result<ExitCode> {
    let c = install::check(&a.data.dir)?;
    output::print(a.json.json, &c, || report_text(&c))?;
    Ok(if c.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `paragraf db copy`
pub fn db_copy(a: &crate::args_admin::DbCopyArgs) -> Result<()> {
    let c = install::copy_to_postgres(&a.from, &a.to, a.schema.as_deref())?;
    output::print(a.json.json, &c, || {
        format!(
            "{} rader i {} tabeller kopierade till PostgreSQL; paragraf.toml pekar nu dit \
             (SQLite-filen är orörd).\n{}",
            c.rows,
            c.tables.len(),
            report_text(&c.check)
        )
    })
}
