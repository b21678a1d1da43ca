//! Arguments of the commands an IT department runs: accounts, backup, restore, check.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::args::{DataArg, JsonArg};

/// `paragraf user …`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Skapa ett konto; lösenordet läses från standard in (en rad).
    Add(UserAddArgs),
    /// Lista kontona med roller, organ, om de är stängda och senaste inloggning.
    List {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Visa ett konto.
    Show(UserRef),
    /// Stäng ett konto: ingen inloggning, sessioner avslutas, API-nycklar slutar gälla.
    Disable(UserRef),
    /// Öppna ett stängt konto.
    Enable(UserRef),
    /// Ge ett konto en roll och de organ rollen gäller i.
    SetRole {
        #[command(flatten)]
        user: UserRef,
        /// Roll: administratör, nämndsekreterare, handläggare, ledamot/ersättare, registrator, läsare.
        #[arg(long)]
        role: String,
        /// Organ (namn, kortnamn eller id) som rollen gäller i; kan upprepas.
        #[arg(long = "body")]
        bodies: Vec<String>,
    },
    /// Nytt lösenord, läst från standard in (en rad); kontots sessioner avslutas.
    ResetPassword {
        #[command(flatten)]
        user: UserRef,
        /// Läs lösenordet från standard in (krävs: lösenord ges aldrig som argument).
        #[arg(long)]
        password_stdin: bool,
    },
}

/// `--data DIR --username NAMN [--json]`
#[derive(Debug, Args)]
pub struct UserRef {
    #[command(flatten)]
    pub data: DataArg,
    /// Inloggningsnamn.
    #[arg(long)]
    pub username: String,
    #[command(flatten)]
    pub json: JsonArg,
}

/// `paragraf user add`
#[derive(Debug, Args)]
pub struct UserAddArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// Inloggningsnamn.
    #[arg(long)]
    pub username: String,
    /// Namn.
    #[arg(long)]
    pub name: String,
    /// Roll: administratör, nämndsekreterare, handläggare, ledamot/ersättare, registrator, läsare.
    #[arg(long)]
    pub role: String,
    /// Organ (namn, kortnamn eller id) som rollen gäller i; kan upprepas.
    #[arg(long = "body")]
    pub bodies: Vec<String>,
    /// Personen i organisationen (namn eller id), för ledamöter som justerar.
    #[arg(long)]
    pub person: Option<String>,
    /// Läs lösenordet från standard in (lösenord ges aldrig som argument).
    #[arg(long, conflicts_with = "sso")]
    pub password_stdin: bool,
    /// Inget lokalt lösenord: kontot loggar bara in via identitetsleverantören ([sso]).
    #[arg(long)]
    pub sso: bool,
    #[command(flatten)]
    pub json: JsonArg,
}

/// `paragraf backup`
#[derive(Debug, Args)]
pub struct BackupArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// Filen att skriva (får inte finnas).
    #[arg(long)]
    pub out: PathBuf,
    #[command(flatten)]
    pub json: JsonArg,
}

/// `paragraf restore`
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// Säkerhetskopian.
    pub file: PathBuf,
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub json: JsonArg,
}

/// `paragraf check`
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub json: JsonArg,
}

/// `paragraf db …`
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Kopiera varje rad från installationens SQLite-fil till en tom PostgreSQL-databas,
    /// kontrollera varje sigill där och låt paragraf.toml peka på den (SQLite-filen lämnas
    /// orörd). Vägras om måldatabasen inte är tom.
    Copy(DbCopyArgs),
}

/// `paragraf db copy --from DIR --to postgres://…`
#[derive(Debug, Args)]
pub struct DbCopyArgs {
    /// Datakatalogen som flyttas.
    #[arg(long = "from", value_name = "DIR")]
    pub from: PathBuf,
    /// PostgreSQL-databasen: postgres://användare[:lösen]@värd[:port]/databas.
    #[arg(long = "to", value_name = "URL")]
    pub to: String,
    /// Ett eget schema i databasen (skapas om det saknas).
    #[arg(long)]
    pub schema: Option<String>,
    #[command(flatten)]
    pub json: JsonArg,
}
