//! The shape of `paragraf unenforced …` (ej verkställda beslut).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use paragraf_core::unenforced::Quarter;

use crate::args::{parse_date, DataArg, JsonArg};

/// Who reads or changes the register, for the audit log.
#[derive(Debug, Clone, Args)]
pub struct ActorArg {
    /// Namnet på den som läser eller ändrar registret (skrivs i granskningsloggen).
    #[arg(long, value_name = "NAMN", env = "PARAGRAF_ACTOR")]
    pub actor: Option<String>,
}

fn parse_quarter(s: &str) -> Result<Quarter, String> {
    s.parse().map_err(|e| format!("{e}"))
}

/// `paragraf unenforced`: the register of favourable decisions not carried out, and its
/// reports.
#[derive(Debug, Subcommand)]
pub enum UnenforcedCommand {
    /// Läs in registret från en CSV-fil med kolumnerna
    /// id;insats;beslutsdatum;kön;orsak;verkställt;avslutat;avbrott_från;avbrott_till.
    /// Ett id som redan finns uppdateras. En fil med någon felaktig rad sparas inte alls.
    Import {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        actor: ActorArg,
        /// CSV-filen (; eller , som avgränsare, UTF-8 eller Windows-1252, rubrikrad).
        file: PathBuf,
        /// Nämnden vars beslut det är (namn, förkortning eller id): bara de som arbetar i
        /// den får läsa raderna i webben. Utan den behåller befintliga rader sin nämnd.
        #[arg(long)]
        body: Option<String>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Registrera ett beslut.
    Add(AddArgs),
    /// Ändra ett beslut (ange bara det som ändras; "-" tömmer ett fält).
    Edit(EditArgs),
    /// Visa ett beslut (läsningen loggas).
    Show {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        actor: ActorArg,
        /// Beslutets id.
        id: String,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Lista registret med varje besluts läge en viss dag (läsningen loggas).
    List {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        actor: ActorArg,
        /// Dagen läget avser (standard: i dag).
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Granskningsloggen för registret: varje ändring och varje läsning.
    Log {
        #[command(flatten)]
        data: DataArg,
        /// Bara för detta beslut.
        id: Option<String>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Statistikrapporten per dag: antal beslut, kvinnor, män, tackat nej; per insats; en rad per beslut.
    Report {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        actor: ActorArg,
        /// Rapportdagen (ÅÅÅÅ-MM-DD), t.ex. 2023-11-30.
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Kvartalsrapporten till IVO: varje beslut som var rapporteringspliktigt någon dag i kvartalet.
    Ivo {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        actor: ActorArg,
        /// Kvartalet, t.ex. 2023Q4.
        #[arg(long, value_parser = parse_quarter)]
        quarter: Quarter,
        /// Skriv även rapporten som CSV till denna fil.
        #[arg(long, value_name = "FIL")]
        csv: Option<PathBuf>,
        /// Skriv även rapporten som PDF till denna fil.
        #[arg(long, value_name = "FIL.pdf")]
        pdf: Option<PathBuf>,
        /// Nämnden som rapporterar (i PDF:ens sidhuvud), t.ex. "Vård- och omsorgsnämnden".
        #[arg(long, requires = "pdf")]
        body: Option<String>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Statistik per kvartal till kommunfullmäktige och revisorerna: per lag och insats, kvinnor och män.
    Stats {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        actor: ActorArg,
        /// Kvartalet, t.ex. 2023Q4.
        #[arg(long, value_parser = parse_quarter)]
        quarter: Quarter,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Kontrollera statistikrapporter i en textfil (t.ex. ett protokoll): summering, tabell per
    /// insats och rader jämförs, och beslut vars uppgifter ändras mellan rapporterna anges.
    Check {
        /// Textfilen.
        file: PathBuf,
        /// Avsluta med felkod 1 om något avviker.
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Diagram (SVG): väntande beslut per månad och insats de senaste 12 månaderna, och spridningen av antal dagar.
    Chart {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        actor: ActorArg,
        /// Rapportdagen (ÅÅÅÅ-MM-DD).
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        /// SVG-filen som skrivs.
        #[arg(long, value_name = "FIL.svg")]
        out: PathBuf,
    },
    /// Innehållet i tjänsteskrivelsen och förslaget till § med rapporten som bilaga (JSON eller text).
    Draft {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        actor: ActorArg,
        /// Rapportdagen (ÅÅÅÅ-MM-DD).
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        /// Nämndens namn, t.ex. "Vård- och omsorgsnämnden".
        #[arg(long)]
        body: String,
        /// Tjänsteskrivelsens datum (standard: i dag).
        #[arg(long, value_parser = parse_date)]
        memo_date: Option<NaiveDate>,
        /// Skriv tjänsteskrivelsen med förslaget till § och rapporten (med diagram) som PDF.
        #[arg(long, value_name = "FIL.pdf")]
        pdf: Option<PathBuf>,
        /// Registrera ärendet med tjänsteskrivelsen och lägg det på föredragningslistan för
        /// detta planerade sammanträde (id); förslaget blir paragrafens text när protokollet
        /// upprättas.
        #[arg(long, value_name = "ID")]
        meeting: Option<i64>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Visa insatskatalogen (insatser.toml i datakatalogen, annars standardkatalogen).
    Types {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        json: JsonArg,
    },
}

/// `paragraf unenforced add`
#[derive(Debug, Args)]
pub struct AddArgs {
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub actor: ActorArg,
    /// Beslutets id (ett löpnummer; aldrig namn eller personnummer).
    #[arg(long)]
    pub id: String,
    /// Insats, t.ex. "LSS – kontaktperson".
    #[arg(long = "type", value_name = "INSATS")]
    pub service: String,
    /// Beslutsdatum.
    #[arg(long, value_parser = parse_date)]
    pub decided: NaiveDate,
    /// Kön: K eller M.
    #[arg(long)]
    pub gender: String,
    #[command(flatten)]
    pub facts: FactArgs,
}

/// `paragraf unenforced edit`
#[derive(Debug, Args)]
pub struct EditArgs {
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub actor: ActorArg,
    /// Beslutets id.
    pub id: String,
    /// Insats.
    #[arg(long = "type", value_name = "INSATS")]
    pub service: Option<String>,
    /// Beslutsdatum.
    #[arg(long, value_parser = parse_date)]
    pub decided: Option<NaiveDate>,
    /// Kön: K eller M.
    #[arg(long)]
    pub gender: Option<String>,
    #[command(flatten)]
    pub facts: FactArgs,
}

/// The facts beyond the required ones; in `edit`, "-" clears one.
#[derive(Debug, Args)]
pub struct FactArgs {
    /// Orsak: 1 tackat nej till erbjudande, 2 resursbrist, 3 annat.
    #[arg(long)]
    pub reason: Option<String>,
    /// Orsak i ord.
    #[arg(long)]
    pub reason_text: Option<String>,
    /// Enhet.
    #[arg(long)]
    pub unit: Option<String>,
    /// Verkställt (ÅÅÅÅ-MM-DD).
    #[arg(long)]
    pub enforced: Option<String>,
    /// Avslutat utan verkställighet (ÅÅÅÅ-MM-DD).
    #[arg(long)]
    pub closed: Option<String>,
    /// Varför beslutet avslutades.
    #[arg(long)]
    pub closed_why: Option<String>,
    /// Avbrott från (ÅÅÅÅ-MM-DD); ersätter ett pågående avbrott eller lägger till ett nytt.
    #[arg(long)]
    pub interrupted_from: Option<String>,
    /// Avbrottet upphörde (ÅÅÅÅ-MM-DD), för det senaste avbrottet.
    #[arg(long)]
    pub interrupted_to: Option<String>,
    /// Erbjudande: ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM-DD:ÅÅÅÅ-MM-DD när det avböjdes (kan upprepas).
    #[arg(long, value_name = "DATUM[:AVBÖJT]")]
    pub offer: Vec<String>,
}
