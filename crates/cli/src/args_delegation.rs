//! The shape of `paragraf delegation …` (delegationsordning and delegationsbeslut).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;

use crate::args::{parse_date, DataArg, JsonArg, PeriodArg};

/// `paragraf delegation`: the order, the decisions taken under it, the report to the nämnd.
#[derive(Debug, Subcommand)]
pub enum DelegationCommand {
    /// Läs in en delegationsordning: en tabell i Word (.docx), OpenDocument (.odt), Excel
    /// (.xlsx), CSV (; , eller tabb), HTML eller markdown, vars kolumner känns igen på
    /// rubrikerna (Nr/Punkt/Avsnitt, Ärende/Beslut, Lagrum/Författning, Delegat/
    /// Beslutsfattare/Lägsta beslutsnivå, Ersättare, Anmärkning/Kommentar/Villkor), eller text
    /// och PDF (den hittas även inuti en kallelse med bilagor). Sparas som en ny version och
    /// skillnaden mot förra versionen visas.
    Import {
        #[command(flatten)]
        data: DataArg,
        /// Läs och visa, men spara inget (ingen datakatalog behövs).
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        json: JsonArg,
        /// Filen (.docx, .odt, .xlsx, .csv, .tsv, .html, .md, .txt eller .pdf).
        file: PathBuf,
        /// Tabellens kolumner i ordning, när rubrikraden inte känns igen: t.ex.
        /// "nr,ärende,lagrum,delegat,anmärkning" ("-" för en kolumn som ska utelämnas,
        /// andra ord sparas som egna kolumner).
        #[arg(long)]
        columns: Option<String>,
    },
    /// Delegationsbeslut: läs in enheternas listor.
    #[command(subcommand)]
    Decisions(DecisionsCommand),
    /// Befattningsregistret: vem som har haft vilken roll när.
    #[command(subcommand)]
    Roles(RolesCommand),
    /// Förvaltningschefens vidaredelegation: vilken roll en punkt har lämnats vidare till.
    #[command(subcommand)]
    Further(FurtherCommand),
    /// Rapporten till nämnden: per enhet varje typ av beslut med antal och summa, bifall och
    /// avslag per punkt och totalt (anmälningslistorna med varje beslut: `delegation notices`).
    Report {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        period: PeriodArg,
        /// Skriv även rapporten som PDF (med anmälningslistorna) till denna fil.
        #[arg(long, value_name = "FIL.pdf")]
        pdf: Option<PathBuf>,
        /// PDF:en utan anmälningslistorna (den offentliga versionen).
        #[arg(long, requires = "pdf")]
        public: bool,
        /// Lägg rapporten som anmälningsärende på föredragningslistan för detta planerade
        /// sammanträde (id); paragrafen blir "… läggs till handlingarna".
        #[arg(long, value_name = "ID")]
        meeting: Option<i64>,
        /// Nämnden som tar emot rapporten.
        #[arg(long, default_value = "Socialnämnden")]
        body: String,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Anmälningslistorna (ANMÄLAN AV DELEGATIONSBESLUT) per enhet och månad: varje beslut med
    /// punkt, datum, beslut, utfall och beslutsfattare. De rör enskildas ärenden. Med --json
    /// en rad JSON per lista, skriven medan den tas fram.
    Notices {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        period: PeriodArg,
        /// Bara denna enhets listor.
        #[arg(long)]
        unit: Option<String>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Brådskande beslut av ordföranden (eller en annan ledamot) som ännu inte anmälts till
    /// nämnden: de ska anmälas vid nästa sammanträde (KL 6 kap. 39–40 §§).
    Unreported {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Vem får besluta enligt en punkt, i tur och ordning.
    Who {
        #[command(flatten)]
        data: DataArg,
        /// Punkten, t.ex. 3.3.
        #[arg(long)]
        item: String,
        /// Nivån, t.ex. 2 eller 2a.
        #[arg(long)]
        level: Option<String>,
        /// Den dag som avses (den version som gällde då); standard: senaste versionen.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Sök punkter på ärende eller lagrum (t.ex. "faderskap" eller "4 kap. 1 § SoL").
    Search {
        #[command(flatten)]
        data: DataArg,
        /// Söktexten.
        text: String,
        #[command(flatten)]
        json: JsonArg,
    },
}

/// `paragraf delegation decisions`.
#[derive(Debug, Subcommand)]
pub enum DecisionsCommand {
    /// Läs in en lista med delegationsbeslut: CSV med kolumnerna
    /// punkt;datum;beslutsfattare;roll;enhet;beslut;utfall (utfall: bifall, avslag eller
    /// annat). Varje rad kontrolleras mot den delegationsordning som gällde dagen för
    /// beslutet; en fil med någon felaktig rad sparas inte alls.
    Import {
        #[command(flatten)]
        data: DataArg,
        /// CSV-filen (; eller , som avgränsare, UTF-8 eller Windows-1252, rubrikrad).
        file: PathBuf,
        #[command(flatten)]
        json: JsonArg,
    },
}

/// `paragraf delegation roles`.
#[derive(Debug, Subcommand)]
pub enum RolesCommand {
    /// Läs in vem som haft vilken roll: CSV med kolumnerna person;roll;från;till.
    Import {
        #[command(flatten)]
        data: DataArg,
        /// CSV-filen.
        file: PathBuf,
    },
}

/// `paragraf delegation further`.
#[derive(Debug, Subcommand)]
pub enum FurtherCommand {
    /// Läs in vidaredelegation: CSV med kolumnerna punkt;roll;från;till.
    Import {
        #[command(flatten)]
        data: DataArg,
        /// CSV-filen.
        file: PathBuf,
    },
}
