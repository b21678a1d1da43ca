//! The shape of `paragraf followup …` (verksamhetsuppföljning).

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use crate::args::{DataArg, JsonArg};

/// Which way is better for an indicator.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DirectionArg {
    /// Högre är bättre.
    Hogre,
    /// Lägre är bättre.
    Lagre,
}

/// `paragraf followup`: budget, goals, indicators and uppdrag — in from reports, the
/// finance export and Kolada; out as the Verksamhetsrapport and the budget §.
#[derive(Debug, Subcommand)]
pub enum FollowupCommand {
    /// Läs in en publicerad rapport eller ett protokoll (.txt, .pdf), en ekonomiexport (.csv,
    /// .xlsx; kolumner: nämnd;period;kostnadsställe;ingår_i;radtyp;enhet;budget;utfall;årsbudget;prognos)
    /// eller nyckeltal från Kolada (v2-JSON). Varje fil sparas i en transaktion.
    Import(ImportArgs),
    /// Skriv Verksamhetsrapporten (PDF), dess siffror (CSV, JSON), diagrammen (SVG) och
    /// budgetuppföljningen som förslag till § i katalogen DIR.
    Report(ReportArgs),
    /// Ändra en indikator i en sparad uppföljning: koppla den till ett nyckeltal i Kolada,
    /// ange riktning, tolerans och mål, eller sätt status eller trend för hand (med motivering).
    Indicator(IndicatorArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// Läs och kontrollera bara; spara inget (ingen datakatalog behövs).
    #[arg(long)]
    pub dry_run: bool,
    /// Nämnden, när filen inte anger den (eller för att ange en annan).
    #[arg(long, value_name = "NÄMND")]
    pub body: Option<String>,
    /// Perioden (ÅÅÅÅ-MM, ÅÅÅÅ eller ÅÅÅÅ-MM-DD/ÅÅÅÅ-MM-DD), när filen inte anger den.
    #[arg(long)]
    pub period: Option<String>,
    #[command(flatten)]
    pub json: JsonArg,
    /// Filen.
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// Nämnden: id, namn eller kortnamn i registret, eller namnet uppföljningen sparats under.
    #[arg(long, value_name = "ID")]
    pub body: String,
    /// Perioden: ÅÅÅÅ-MM (året till och med den månaden).
    #[arg(long)]
    pub period: String,
    /// Katalogen filerna skrivs till.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Registrera ärendet med Verksamhetsrapporten och lägg det med förslaget till § på
    /// föredragningslistan för detta planerade sammanträde (id). Rapporten blir offentlig
    /// när kallelsen har gått ut.
    #[arg(long, value_name = "ID")]
    pub meeting: Option<i64>,
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Args)]
pub struct IndicatorArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// Nämnden.
    #[arg(long, value_name = "ID")]
    pub body: String,
    /// Perioden (ÅÅÅÅ-MM).
    #[arg(long)]
    pub period: String,
    /// Indikatorns namn, som i rapporten.
    #[arg(long)]
    pub name: String,
    /// Nyckeltalets id i Kolada (t.ex. N00945): värdena hämtas därifrån.
    #[arg(long)]
    pub kpi: Option<String>,
    /// Vilket håll som är bättre.
    #[arg(long, value_enum)]
    pub direction: Option<DirectionArg>,
    /// Hur långt från målet som fortfarande är "Nära värde" (i indikatorns enhet).
    #[arg(long)]
    pub tolerance: Option<f64>,
    /// Målvärde.
    #[arg(long)]
    pub target: Option<f64>,
    /// Status satt för hand: "Accepterat värde", "Nära värde", "Ej accepterat värde", "Inget värde angivet".
    #[arg(long)]
    pub status: Option<String>,
    /// Trend satt för hand: Ökad, Minskad, Oförändrad.
    #[arg(long)]
    pub trend: Option<String>,
    /// Motivering till status eller trend satt för hand.
    #[arg(long)]
    pub reason: Option<String>,
    #[command(flatten)]
    pub json: JsonArg,
}
