//! The command line's shape (clap).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

/// Paragraf: diarium, sammanträden och protokoll för en kommunal nämnd.
#[derive(Debug, Parser)]
#[command(
    name = "paragraf",
    version,
    about = "Paragraf: diarium, sammanträden och protokoll för en kommunal nämnd.",
    long_about = None
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// `--from` and `--to`: a period of whole days.
#[derive(Debug, Clone, Args)]
pub struct PeriodArg {
    /// Första dagen (ÅÅÅÅ-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub from: NaiveDate,
    /// Sista dagen (ÅÅÅÅ-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub to: NaiveDate,
}

/// Where the data directory is.
#[derive(Debug, Clone, Args)]
pub struct DataArg {
    /// Datakatalogen (databas och inställningar).
    #[arg(
        long = "data",
        value_name = "DIR",
        env = "PARAGRAF_DATA",
        default_value = "paragraf-data"
    )]
    pub dir: PathBuf,
}

/// `--json`
#[derive(Debug, Clone, Copy, Args)]
pub struct JsonArg {
    /// Skriv ut JSON i stället för text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Skapa en datakatalog med databas och inställningsfil.
    Init(InitArgs),
    /// Beräkna lagstadgade datum: senaste justering, senaste anslag, sista dag för överklagande.
    Deadlines(DeadlinesArgs),
    /// Diarienummer: tolka och visa delarna.
    #[command(subcommand)]
    Dnr(DnrCommand),
    /// Organ: kommunfullmäktige, styrelse, nämnder, utskott, råd.
    #[command(subcommand)]
    Body(BodyCommand),
    /// Personer: förtroendevalda och tjänstepersoner.
    #[command(subcommand)]
    Person(PersonCommand),
    /// Mandatperioder.
    #[command(subcommand)]
    Term(TermCommand),
    /// Uppdrag: ledamöter och ersättare i organen.
    #[command(subcommand)]
    Membership(MembershipCommand),
    /// Tjänstepersoner med titel.
    #[command(subcommand)]
    Official(OfficialCommand),
    /// Ärenden i diariet.
    #[command(subcommand)]
    Case(CaseCommand),
    /// Handlingar i ett ärende.
    #[command(subcommand)]
    Document(DocumentCommand),
    /// Sammanträden: lista alla.
    Meetings(MeetingsArgs),
    /// Ett sammanträde: planera, föredragningslista, hålltider, kallelse.
    #[command(subcommand)]
    Meeting(MeetingCommand),
    /// Protokollet: upprätta, närvaro, beslut, omröstning, justering, anslag.
    #[command(subcommand)]
    Minutes(MinutesCommand),
    /// Kontrollera ett justerat protokoll (slutkod 1 om det inte håller): i datakatalogen mot
    /// sitt sigill (`--meeting`), eller utan datakatalog en PDF (`--file`) eller ett
    /// publicerat protokoll som JSON från /api/v1/minutes/N (`--json FIL`).
    Verify(VerifyArgs),
    /// Skriv sammanträdets dokument som PDF: kallelse, protokoll, offentlig version,
    /// protokollsutdrag och anslag.
    Render {
        #[command(flatten)]
        meeting: MeetingRef,
        /// Katalog att skriva till.
        #[arg(long)]
        out: PathBuf,
    },
    /// Visa sigillnycklarna med giltighetstider; `key rotate` börjar en ny nyckel (sigill
    /// gjorda före bytet håller fortfarande med den gamla).
    Key {
        /// `rotate`: börja en ny sigillnyckel.
        #[arg(value_parser = ["rotate"])]
        action: Option<String>,
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Läs in publicerade protokoll (PDF, Word .docx, OpenDocument .odt eller text).
    Import(ImportArgs),
    /// Skapa en demokommun (organ, ledamöter, ärenden, sammanträden i alla lägen, de
    /// importerade exempelprotokollen) och starta webbservern.
    Demo(DemoArgs),
    /// Starta webbservern: arbetsyta, anslagstavla och API.
    Serve(ServeArgs),
    /// Delegation: delegationsordningen, delegationsbeslut och rapporten till nämnden.
    #[command(subcommand)]
    Delegation(crate::args_delegation::DelegationCommand),
    /// Ej verkställda beslut: register, månadsrapport, IVO-rapport, kontroll.
    #[command(subcommand)]
    Unenforced(crate::args_unenforced::UnenforcedCommand),
    /// Verksamhetsuppföljning: budget, mål, indikatorer och uppdrag; Verksamhetsrapporten.
    #[command(subcommand)]
    Followup(crate::args_followup::FollowupCommand),
    /// Konton: skapa, lista, stäng, öppna, roll, nytt lösenord.
    #[command(subcommand)]
    User(crate::args_admin::UserCommand),
    /// Säkerhetskopiera databasen, nycklarna, inställningarna och filerna till en fil,
    /// medan servern är igång.
    Backup(crate::args_admin::BackupArgs),
    /// Återställ en säkerhetskopia i en tom katalog och kontrollera den.
    Restore(crate::args_admin::RestoreArgs),
    /// Kontrollera installationen: databasens integritet, schemaversion, sigill, nyckel,
    /// behörigheter och diskutrymme (slutkod skild från 0 vid fel).
    Check(crate::args_admin::CheckArgs),
    /// Sök i det som är offentligt: bygg om sökindexet eller sök som allmänheten.
    #[command(subcommand)]
    Search(SearchCommand),
    /// Databasen: flytta installationen från SQLite-filen till PostgreSQL.
    #[command(subcommand)]
    Db(crate::args_admin::DbCommand),
}

#[derive(Debug, Subcommand)]
pub enum SearchCommand {
    /// Bygg om det offentliga sökindexet från de publicerade protokollen (efter en
    /// återställning, en uppgradering eller om indexet har skadats).
    Reindex {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Sök som allmänheten på /sok: ord (även början av sammansatta ord) eller ett
    /// diarienummer i valfri stavning.
    Query {
        #[command(flatten)]
        data: DataArg,
        /// Vad som söks.
        text: String,
        /// Bara detta organ (namnet).
        #[arg(long)]
        body: Option<String>,
        /// Bara detta år.
        #[arg(long)]
        year: Option<i32>,
        /// Högst så många träffar.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        json: JsonArg,
    },
}

#[derive(Debug, Args)]
pub struct InitArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// Kommunens namn.
    #[arg(long, default_value = "Exempelkommun")]
    pub municipality: String,
    /// Kommunens organisationsnummer (NNNNNN-NNNN).
    #[arg(long)]
    pub org_nr: Option<String>,
    /// Diarienummermönster, t.ex. "{series}/{year}:{seq}" eller "{series} {year}-{seq:6}".
    #[arg(long, default_value = "{series}/{year}:{seq}")]
    pub dnr_pattern: String,
    /// Diarieserie för nya ärenden, t.ex. KS eller SOC.
    #[arg(long, default_value = "KS")]
    pub series: String,
    /// Skapa den första administratören med detta inloggningsnamn; lösenordet läses från
    /// standard in (två gånger, en rad var) och ges aldrig som argument.
    #[arg(long)]
    pub admin_user: Option<String>,
}

#[derive(Debug, Args)]
pub struct DeadlinesArgs {
    /// Sammanträdesdag (ÅÅÅÅ-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub meeting: NaiveDate,
    /// Dag för justering.
    #[arg(long, value_parser = parse_date)]
    pub adjusted: Option<NaiveDate>,
    /// Dag då anslaget sattes upp.
    #[arg(long, value_parser = parse_date)]
    pub posted: Option<NaiveDate>,
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Subcommand)]
pub enum DnrCommand {
    /// Tolka ett diarienummer i någon av de kända formerna.
    Parse {
        /// Diarienumret, t.ex. "SN.2023.373 700".
        text: String,
        /// Tolka med detta mönster i stället för de kända formerna.
        #[arg(long)]
        pattern: Option<String>,
        #[command(flatten)]
        json: JsonArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum BodyCommand {
    /// Lägg till ett organ.
    Add {
        #[command(flatten)]
        data: DataArg,
        /// Namn, t.ex. "Socialnämnden".
        name: String,
        /// Typ: kf, ks, nämnd, utskott, au, råd.
        #[arg(long, value_parser = parse_body_kind)]
        kind: paragraf_core::org::BodyKind,
        /// Kortnamn, t.ex. SN.
        #[arg(long)]
        short: Option<String>,
        /// Överordnat organ (id eller namn).
        #[arg(long)]
        parent: Option<String>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Lista organen.
    List {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Ersättarordningen som fullmäktige beslutat för organet (KL 6 kap. 16–17 §§):
    /// ersättarna i den ordning de går in, det egna partiets först om inte --list-order.
    Substitutes {
        #[command(flatten)]
        data: DataArg,
        /// Organet (id, kortnamn eller namn).
        #[arg(long)]
        body: String,
        /// Gäller från (ÅÅÅÅ-MM-DD); samma datum ersätter en tidigare ordning.
        #[arg(long, value_parser = parse_date)]
        from: chrono::NaiveDate,
        /// Gäller till och med (ÅÅÅÅ-MM-DD).
        #[arg(long, value_parser = parse_date)]
        to: Option<chrono::NaiveDate>,
        /// Strikt i listans ordning, utan partiets förtur.
        #[arg(long)]
        list_order: bool,
        /// En ersättare (namn eller id), i tur och ordning; upprepas.
        #[arg(long = "substitute", required = true)]
        substitutes: Vec<String>,
        #[command(flatten)]
        json: JsonArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Lägg till en person.
    Add {
        #[command(flatten)]
        data: DataArg,
        /// Namn.
        name: String,
        /// E-post.
        #[arg(long)]
        email: Option<String>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Lista personerna.
    List {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        json: JsonArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum TermCommand {
    /// Lägg till en mandatperiod.
    Add {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        period: PeriodArg,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Lista mandatperioderna.
    List {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        json: JsonArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum MembershipCommand {
    /// Ge en person ett uppdrag i ett organ.
    Add {
        #[command(flatten)]
        data: DataArg,
        /// Person (id eller namn).
        #[arg(long)]
        person: String,
        /// Organ (id eller namn).
        #[arg(long)]
        body: String,
        /// ledamot eller ersättare.
        #[arg(long, value_parser = parse_role)]
        role: paragraf_core::org::MembershipRole,
        /// Presidiepost: ordförande, 1:e vice ordförande, 2:e vice ordförande.
        #[arg(long, value_parser = parse_position)]
        position: Option<paragraf_core::org::PresidiumPosition>,
        /// Parti, t.ex. S, M, OR.
        #[arg(long)]
        party: Option<String>,
        /// Mandatperiod (id).
        #[arg(long)]
        term: Option<i64>,
        /// Första dag.
        #[arg(long, value_parser = parse_date)]
        from: NaiveDate,
        /// Sista dag.
        #[arg(long, value_parser = parse_date)]
        to: Option<NaiveDate>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Lista uppdragen.
    List {
        #[command(flatten)]
        data: DataArg,
        /// Bara detta organ (id eller namn).
        #[arg(long)]
        body: Option<String>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Läs in uppdrag från förtroendemannaregistret (CSV:
    /// personnummer;namn;parti;organ;roll;uppdrag;från;till). Personnummer sparas bara som
    /// ett nyckelat hashvärde för att känna igen personen och visas aldrig. En fil med fel
    /// läses inte in alls.
    Import {
        #[command(flatten)]
        data: DataArg,
        /// Filen.
        file: PathBuf,
        #[command(flatten)]
        json: JsonArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum OfficialCommand {
    /// Lägg till en tjänsteperson.
    Add {
        #[command(flatten)]
        data: DataArg,
        /// Person (id eller namn).
        #[arg(long)]
        person: String,
        /// Titel, t.ex. socialchef.
        #[arg(long)]
        title: String,
        /// Förvaltning eller enhet.
        #[arg(long)]
        unit: Option<String>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Lista tjänstepersonerna.
    List {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        json: JsonArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// Registrera ett nytt ärende; diarienumret tilldelas.
    Add {
        #[command(flatten)]
        data: DataArg,
        /// Ärendemening.
        title: String,
        /// Diarieserie (annars inställningens default_series).
        #[arg(long)]
        series: Option<String>,
        /// Klassificeringskod.
        #[arg(long)]
        class: Option<String>,
        /// Ansvarigt organ (id eller namn).
        #[arg(long)]
        body: Option<String>,
        /// Enskilt ärende med sekretess enligt OSL 26 kap. 1 §.
        #[arg(long)]
        secret: bool,
        /// Registreringsdatum (annars i dag).
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Handläggare.
        #[arg(long)]
        handler: Option<String>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Lista ärendena.
    List {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Visa ett ärende med dess handlingar.
    Show {
        #[command(flatten)]
        data: DataArg,
        /// Diarienummer eller id.
        case: String,
        #[command(flatten)]
        json: JsonArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum DocumentCommand {
    /// Registrera en handling i ett ärende; handlingsnumret tilldelas.
    Add {
        #[command(flatten)]
        data: DataArg,
        /// Ärendet (diarienummer eller id).
        #[arg(long)]
        case: String,
        /// Typ: tjänsteskrivelse, skrivelse, dom, avtal, tillsynsbeslut, …
        #[arg(long, value_parser = parse_doc_type)]
        kind: paragraf_core::registry::DocumentType,
        /// Rubrik.
        title: String,
        /// Datum.
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        /// Inkommande från denna avsändare.
        #[arg(long, conflicts_with = "to")]
        from: Option<String>,
        /// Utgående till denna mottagare.
        #[arg(long)]
        to: Option<String>,
        /// Filreferens.
        #[arg(long)]
        file: Option<String>,
        #[command(flatten)]
        json: JsonArg,
    },
}

#[derive(Debug, Args)]
pub struct MeetingsArgs {
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// Läs och kontrollera men spara inget.
    #[arg(long)]
    pub dry_run: bool,
    /// Sammanträdesdatum (ÅÅÅÅ-MM-DD) för protokoll vars text inte anger det; gäller
    /// alla filer och går före det som texten tycks säga.
    #[arg(long, value_name = "ÅÅÅÅ-MM-DD")]
    pub datum: Option<String>,
    /// Nämnd eller utskott för protokoll vars text inte anger den; gäller alla filer.
    #[arg(long, value_name = "NAMN")]
    pub organ: Option<String>,
    /// Första paragrafens nummer för protokoll vars text har tappat paragrafernas nummer;
    /// en paragraf utan nummer får numret efter paragrafen före. Gäller de filer vars text
    /// har tappat nummer (läs in dem en i taget).
    #[arg(long = "forsta-paragraf", value_name = "N")]
    pub forsta_paragraf: Option<u32>,
    #[command(flatten)]
    pub json: JsonArg,
    /// Filer att läsa (.pdf eller .txt).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// Adress för webbservern.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Skapa och visa demodata men starta ingen webbserver.
    #[arg(long)]
    pub no_serve: bool,
    #[command(flatten)]
    pub json: JsonArg,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// Adress att lyssna på.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
}

/// `--data DIR --meeting ID`
#[derive(Debug, Args)]
pub struct MeetingRef {
    #[command(flatten)]
    pub data: DataArg,
    /// Sammanträdets id (se `paragraf meetings`).
    #[arg(long)]
    pub meeting: i64,
    #[command(flatten)]
    pub json: JsonArg,
}

/// `paragraf verify`
#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// Sammanträdets id: kontrollera protokollet i datakatalogen mot sitt sigill.
    #[arg(long, conflicts_with = "file")]
    pub meeting: Option<i64>,
    /// En PDF: kontrollera dess underskrifter och sigillet de bär (ingen datakatalog behövs).
    #[arg(long, value_name = "PDF")]
    pub file: Option<PathBuf>,
    /// Utan värde: skriv resultatet som JSON. Med en fil: kontrollera ett publicerat
    /// protokoll (svaret från /api/v1/minutes/N) offline.
    #[arg(long, value_name = "FIL", num_args = 0..=1, default_missing_value = "")]
    pub json: Option<PathBuf>,
    /// Nyckellistan (svaret från /api/v1/keys) som sigillets nyckel prövas mot, offline.
    #[arg(long, value_name = "FIL")]
    pub keys: Option<PathBuf>,
}

/// `--data DIR --meeting ID --paragraph N`
#[derive(Debug, Args)]
pub struct ParagraphRef {
    #[command(flatten)]
    pub meeting: MeetingRef,
    /// Paragrafnummer.
    #[arg(long)]
    pub paragraph: u32,
}

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Planera ett sammanträde.
    Add {
        #[command(flatten)]
        data: DataArg,
        /// Organ (id, namn eller kortnamn).
        #[arg(long)]
        body: String,
        /// Datum.
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        /// Starttid (TT:MM).
        #[arg(long, value_parser = parse_time)]
        start: Option<chrono::NaiveTime>,
        /// Sluttid (TT:MM).
        #[arg(long, value_parser = parse_time)]
        end: Option<chrono::NaiveTime>,
        /// Plats.
        #[arg(long)]
        place: Option<String>,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Visa ett sammanträde med föredragningslista och protokoll.
    Show(MeetingRef),
    /// Sätt upp ett ärende på föredragningslistan.
    Agenda {
        #[command(flatten)]
        meeting: MeetingRef,
        /// Ärendet (diarienummer eller id).
        #[arg(long, required_unless_present = "title", conflicts_with = "title")]
        case: Option<String>,
        /// En punkt utan ärende: "Val av justerare", "Information från förvaltningen" …
        #[arg(long)]
        title: Option<String>,
        /// Föredragande.
        #[arg(long)]
        presenter: Option<String>,
    },
    /// Lägg till en hålltid.
    Slot {
        #[command(flatten)]
        meeting: MeetingRef,
        /// Start (TT:MM).
        #[arg(long, value_parser = parse_time)]
        start: chrono::NaiveTime,
        /// Slut (TT:MM).
        #[arg(long, value_parser = parse_time)]
        end: Option<chrono::NaiveTime>,
        /// Ämne.
        #[arg(long)]
        topic: String,
        /// Föredragande (kan upprepas).
        #[arg(long)]
        presenter: Vec<String>,
        /// Offentlig: ämnet får stå i den offentliga kallelsen (annars visas bara tiden).
        #[arg(long)]
        offentlig: bool,
    },
    /// Skicka kallelsen.
    Notify(MeetingRef),
    /// Ändra datum, tid eller plats för ett sammanträde som inte är kallat; det som inte
    /// anges behålls.
    Edit {
        #[command(flatten)]
        meeting: MeetingRef,
        /// Nytt datum (ÅÅÅÅ-MM-DD).
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Ny starttid (TT:MM).
        #[arg(long, value_parser = parse_time)]
        start: Option<chrono::NaiveTime>,
        /// Ny sluttid (TT:MM).
        #[arg(long, value_parser = parse_time)]
        end: Option<chrono::NaiveTime>,
        /// Ny plats.
        #[arg(long)]
        place: Option<String>,
    },
    /// Markera sammanträdet som genomfört.
    Held(MeetingRef),
    /// Ångra "genomfört" (bara innan protokollet är upprättat).
    Unheld(MeetingRef),
    /// Återkalla kallelsen före sammanträdesdagen: sammanträdet blir planerat igen.
    Withdraw(MeetingRef),
    /// Lägg till ett tilläggsärende efter kallelsen (senast sammanträdesdagen).
    Supplement {
        #[command(flatten)]
        meeting: MeetingRef,
        /// Ärendet (diarienummer eller id).
        #[arg(long)]
        case: String,
    },
    /// Ställ in sammanträdet (planerat eller kallat, senast sammanträdesdagen); visas på
    /// anslagstavlan om kallelsen hade gått ut.
    Cancel {
        #[command(flatten)]
        meeting: MeetingRef,
        /// Varför.
        #[arg(long)]
        reason: String,
    },
    /// Planera årets sammanträden för ett organ: en rad per dag i filen ("2025-01-30 13:00").
    Plan {
        #[command(flatten)]
        data: DataArg,
        /// Organet (id, namn eller kortnamn).
        #[arg(long)]
        body: String,
        /// Filen med sammanträdesdagarna ("-" för standard in).
        #[arg(long)]
        dates: PathBuf,
        /// Plats.
        #[arg(long)]
        place: Option<String>,
        #[command(flatten)]
        json: JsonArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum MinutesCommand {
    /// Upprätta protokollet: en paragraf per punkt, numrerad i organets serie för året.
    Draft {
        #[command(flatten)]
        meeting: MeetingRef,
        /// Ordförande (id eller namn).
        #[arg(long)]
        chair: String,
        /// Justerare (kan upprepas).
        #[arg(long = "adjuster", required = true)]
        adjusters: Vec<String>,
        /// Sekreterare.
        #[arg(long)]
        secretary: Option<String>,
        /// Justeringens plats och tid, t.ex. "Digital signering".
        #[arg(long)]
        place: Option<String>,
    },
    /// Närvaro: NAMN eller NAMN@§§ 1-5 för närvaro vid vissa paragrafer.
    Attend {
        #[command(flatten)]
        meeting: MeetingRef,
        /// Beslutande ledamot.
        #[arg(long)]
        member: Vec<String>,
        /// Tjänstgörande ersättare: ERSÄTTARE=LEDAMOT.
        #[arg(long)]
        serving: Vec<String>,
        /// Ej tjänstgörande ersättare.
        #[arg(long)]
        substitute: Vec<String>,
        /// Övrig närvarande: NAMN=TITEL.
        #[arg(long)]
        other: Vec<String>,
    },
    /// Beslut i en paragraf: att-satser eller text, beslutsunderlag och sändlista.
    Decide {
        #[command(flatten)]
        at: ParagraphRef,
        /// Inledning, t.ex. "Socialnämnden beslutar".
        #[arg(long)]
        intro: Option<String>,
        /// En att-sats (utan "att"); kan upprepas.
        #[arg(long = "att", conflicts_with = "text")]
        clauses: Vec<String>,
        /// Beslutet som hela meningar.
        #[arg(long)]
        text: Option<String>,
        /// Beskrivning av ärendet.
        #[arg(long)]
        description: Option<String>,
        /// Beslutsunderlag (kan upprepas).
        #[arg(long)]
        document: Vec<String>,
        /// Beslutet skickas till (kan upprepas).
        #[arg(long)]
        dispatch: Vec<String>,
        /// Utan beslut i sak: bordlagt, återremitterat eller information.
        #[arg(long, value_parser = parse_disposition)]
        disposition: Option<paragraf_core::minutes::Disposition>,
        /// Leder paragrafen i ordförandens ställe (vice ordförande, ålderspresident).
        #[arg(long)]
        presiding: Option<String>,
    },
    /// Öppen omröstning: varje beslutande röstar ja, nej eller avstår.
    Vote {
        #[command(flatten)]
        at: ParagraphRef,
        /// Vad ja betyder.
        #[arg(long)]
        yes_means: String,
        /// Vad nej betyder.
        #[arg(long)]
        no_means: String,
        /// Röstar ja (kan upprepas).
        #[arg(long)]
        yes: Vec<String>,
        /// Röstar nej (kan upprepas).
        #[arg(long)]
        no: Vec<String>,
        /// Avstår (kan upprepas).
        #[arg(long)]
        abstain: Vec<String>,
        /// Yrkandet som ja står för (med --no-motion).
        #[arg(long, requires = "no_motion")]
        yes_motion: Option<u32>,
        /// Yrkandet som nej står för (med --yes-motion).
        #[arg(long, requires = "yes_motion")]
        no_motion: Option<u32>,
    },
    /// Reservation mot beslutet.
    Reserve {
        #[command(flatten)]
        at: ParagraphRef,
        /// Vem.
        #[arg(long)]
        person: String,
        /// Skriftlig motivering.
        #[arg(long)]
        reasons: Option<String>,
    },
    /// Jäv: ledamoten deltar inte i paragrafen.
    Conflict {
        #[command(flatten)]
        at: ParagraphRef,
        /// Vem.
        #[arg(long)]
        person: String,
        /// Grund.
        #[arg(long)]
        ground: Option<String>,
    },
    /// Yrkande: ett förslag till beslut från en närvarande ledamot.
    Motion {
        #[command(flatten)]
        at: ParagraphRef,
        /// Vem som yrkar.
        #[arg(long)]
        person: String,
        /// Yrkandet, t.ex. "bifall till arbetsutskottets förslag".
        #[arg(long)]
        text: String,
        /// Vem som instämmer (kan upprepas).
        #[arg(long)]
        support: Vec<String>,
    },
    /// Återta ett yrkande.
    Withdraw {
        #[command(flatten)]
        at: ParagraphRef,
        /// Yrkandets nummer i paragrafen.
        #[arg(long)]
        motion: u32,
    },
    /// Propositionsordning: yrkandena i den ordning ordföranden ställde dem, och det som
    /// bifölls.
    Propositions {
        #[command(flatten)]
        at: ParagraphRef,
        /// Yrkandenas nummer i ordning, t.ex. 1,2.
        #[arg(long, value_delimiter = ',', required = true)]
        order: Vec<u32>,
        /// Det yrkande som ordföranden fann att organet biföll.
        #[arg(long)]
        carried: Option<u32>,
    },
    /// Protokollsanteckning.
    Note {
        #[command(flatten)]
        at: ParagraphRef,
        /// Vem (kan upprepas).
        #[arg(long)]
        person: Vec<String>,
        /// Texten.
        #[arg(long)]
        text: String,
    },
    /// Justering: ordförande eller justerare godkänner (hela protokollet eller vissa §§).
    Approve {
        #[command(flatten)]
        meeting: MeetingRef,
        /// Vem.
        #[arg(long)]
        person: String,
        /// Som: ordförande, justerare eller sekreterare.
        #[arg(long = "as", value_parser = parse_signer_role)]
        role: paragraf_core::minutes::SignerRole,
        /// Omedelbar justering av denna paragraf (kan upprepas).
        #[arg(long)]
        paragraph: Vec<u32>,
        /// Hur, t.ex. "Svensk e-legitimation".
        #[arg(long, default_value = "Paragraf")]
        method: String,
        /// Tidpunkt (RFC 3339); annars nu.
        #[arg(long)]
        time: Option<chrono::DateTime<chrono::FixedOffset>>,
    },
    /// Anslag: sätt upp tillkännagivandet om justeringen.
    Post {
        #[command(flatten)]
        meeting: MeetingRef,
        /// Dag då anslaget sätts upp: i dag (anslaget kan inte dateras en annan dag).
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Förvaringsplats för protokollet.
        #[arg(long)]
        storage: String,
        /// Anslå bara denna omedelbart justerade paragraf, med egen överklagandetid.
        #[arg(long)]
        paragraph: Option<u32>,
    },
}

/// Parses TT:MM.
pub fn parse_time(s: &str) -> Result<chrono::NaiveTime, String> {
    chrono::NaiveTime::parse_from_str(s.trim().replace('.', ":").as_str(), "%H:%M")
        .map_err(|_| format!("”{s}” är ingen giltig tid; skriv TT:MM, t.ex. 13:15"))
}

fn parse_signer_role(s: &str) -> Result<paragraf_core::minutes::SignerRole, String> {
    use paragraf_core::minutes::SignerRole;
    match s.trim().to_lowercase().as_str() {
        "ordförande" => Ok(SignerRole::Chair),
        "justerare" | "justerande" => Ok(SignerRole::Adjuster),
        "sekreterare" => Ok(SignerRole::Secretary),
        _ => Err(format!(
            "okänd roll ”{s}”; välj ordförande, justerare eller sekreterare"
        )),
    }
}

/// Parses an ISO date, with a Swedish message.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    s.trim()
        .parse()
        .map_err(|_| format!("”{s}” är inget giltigt datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2025-09-01"))
}

fn parse_body_kind(s: &str) -> Result<paragraf_core::org::BodyKind, String> {
    paragraf_core::org::BodyKind::from_swedish(s)
        .ok_or_else(|| format!("okänd organtyp ”{s}”; välj kf, ks, nämnd, utskott, au eller råd"))
}

fn parse_role(s: &str) -> Result<paragraf_core::org::MembershipRole, String> {
    paragraf_core::org::MembershipRole::from_swedish(s)
        .ok_or_else(|| format!("okänd roll ”{s}”; välj ledamot eller ersättare"))
}

fn parse_position(s: &str) -> Result<paragraf_core::org::PresidiumPosition, String> {
    paragraf_core::org::PresidiumPosition::from_swedish(s).ok_or_else(|| {
        format!(
            "okänd presidiepost ”{s}”; välj ordförande, 1:e vice ordförande eller 2:e vice ordförande"
        )
    })
}

fn parse_doc_type(s: &str) -> Result<paragraf_core::registry::DocumentType, String> {
    use paragraf_core::registry::DocumentType;
    DocumentType::from_swedish(s).ok_or_else(|| {
        let all: Vec<&str> = DocumentType::ALL.iter().map(|k| k.swedish()).collect();
        format!("okänd handlingstyp ”{s}”; välj en av: {}", all.join(", "))
    })
}

fn parse_disposition(s: &str) -> Result<paragraf_core::minutes::Disposition, String> {
    paragraf_core::minutes::Disposition::parse(s)
        .ok_or_else(|| format!("”{s}”: ange bordlagt, återremitterat eller information"))
}
