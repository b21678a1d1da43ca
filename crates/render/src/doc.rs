//! View models: everything a document shows, already resolved (names, not ids).
//!
//! The caller (the application) builds these from its domain model. Rendering only lays
//! them out; it makes no decisions about secrecy: for the public version (*offentlig
//! version*) the caller has already replaced secret paragraphs with a notice and masked
//! personal identity numbers. All types round-trip through serde (JSON).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// *Kallelse*: the notice of a meeting, with *hålltider* and *föredragningslista*.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeDoc {
    /// *Kommun*, e.g. "Hagfors kommun".
    pub municipality: String,
    /// *Nämnd/organ*, e.g. "Socialnämnden".
    pub body: String,
    /// *Sammanträdesdatum*.
    pub date: NaiveDate,
    pub start: NaiveTime,
    #[serde(default)]
    pub end: Option<NaiveTime>,
    /// *Plats*, e.g. "Sessionssalen, Nämndhuset".
    pub place: String,
    /// The kind of meeting as written in the sentence "kallas härmed till …", e.g.
    /// "sammanträde", "extra sammanträde".
    pub meeting_kind: String,
    /// *Hålltider*: time slots of the meeting.
    #[serde(default)]
    pub time_slots: Vec<TimeSlot>,
    /// *Föredragningslista*: the numbered agenda.
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    /// Who sends the notice (*ordförande*, *sekreterare*).
    #[serde(default)]
    pub sender: Sender,
    /// Free notes at the end, e.g. "Förhinder anmäls till …". One paragraph per entry.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// *Hålltid*: one time slot in the notice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeSlot {
    pub start: NaiveTime,
    #[serde(default)]
    pub end: Option<NaiveTime>,
    pub topic: String,
    /// *Föredragande*: who presents.
    #[serde(default)]
    pub presenters: Vec<String>,
}

/// One item of the *föredragningslista*.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub number: u32,
    pub title: String,
    /// *Diarienummer* (Dnr), e.g. "KS/2025:26".
    #[serde(default)]
    pub case_number: Option<String>,
    /// *Föredragande*.
    #[serde(default)]
    pub presenter: Option<String>,
    /// The item is handled under secrecy (*sekretess*, closed doors).
    #[serde(default)]
    pub secret: bool,
}

/// The signatories of a notice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sender {
    /// *Ordförande*.
    #[serde(default)]
    pub chair: Option<String>,
    /// *Sekreterare*.
    #[serde(default)]
    pub secretary: Option<String>,
}

/// *Protokoll*: the minutes of one meeting, full or public version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProtocolDoc {
    pub municipality: String,
    /// *Nämnd/organ*.
    pub body: String,
    /// *Sammanträdesdatum*.
    pub date: NaiveDate,
    pub start: NaiveTime,
    #[serde(default)]
    pub end: Option<NaiveTime>,
    pub place: String,
    /// *Offentlig version*: changes the title and adds the OSL note.
    #[serde(default)]
    pub public: bool,
    /// *Beslutande* (members and serving substitutes).
    #[serde(default)]
    pub members: Vec<Attendee>,
    /// *Ej tjänstgörande ersättare*.
    #[serde(default)]
    pub substitutes: Vec<Attendee>,
    /// *Övriga närvarande* (officials and others).
    #[serde(default)]
    pub others: Vec<OtherAttendee>,
    /// *Utses att justera*.
    #[serde(default)]
    pub adjusters: Vec<String>,
    /// *Justeringens plats och tid*, e.g. "Digital signering 2025-09-03".
    #[serde(default)]
    pub adjustment_place_time: String,
    /// *Sekreterare*.
    pub secretary: String,
    /// *Ordförande*.
    pub chair: String,
    /// *Paragrafer*, e.g. "§§ 114–120". When `None` it is computed from `paragraphs`.
    #[serde(default)]
    pub paragraph_range: Option<String>,
    /// The *ANSLAG/BEVIS* box.
    pub posting: PostingBox,
    /// The *paragrafer* (§§) in order.
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    /// *Justering*: who approved (signed) the minutes, shown on the last page.
    #[serde(default)]
    pub approvals: Vec<Approval>,
    /// *Försegling*: the seal of the adjusted protocol.
    #[serde(default)]
    pub seal: Option<Seal>,
}

/// A decision-maker (*beslutande*) or a substitute (*ersättare*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attendee {
    pub name: String,
    /// *Parti*, e.g. "S", "OR".
    #[serde(default)]
    pub party: Option<String>,
    /// e.g. "ordförande", "tjänstgörande ersättare för Rafal Abdelqader (S)".
    #[serde(default)]
    pub role: Option<String>,
    /// The §§ the person attended, when not all, e.g. "§§ 100–113".
    #[serde(default)]
    pub paragraphs: Option<String>,
}

/// One of *övriga närvarande*.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OtherAttendee {
    pub name: String,
    /// *Titel*, e.g. "socialchef".
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub paragraphs: Option<String>,
}

/// The *ANSLAG/BEVIS* box. Unknown dates are left as blank lines to fill in by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostingBox {
    /// *Organ* (usually the same as the protocol's body).
    pub body: String,
    /// *Sammanträdesdatum*.
    pub meeting_date: NaiveDate,
    /// *Datum då anslaget sätts upp*.
    #[serde(default)]
    pub posted: Option<NaiveDate>,
    /// *Datum då anslaget tas ned*.
    #[serde(default)]
    pub removed: Option<NaiveDate>,
    /// *Förvaringsplats för protokollet*.
    #[serde(default)]
    pub storage: Option<String>,
    /// *Underskrift*: the name under the certificate, when known.
    #[serde(default)]
    pub signed_by: Option<String>,
}

/// One *paragraf* (§) of the minutes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub number: u32,
    pub title: String,
    /// *Dnr*, e.g. "KS/2025:26".
    #[serde(default)]
    pub case_number: Option<String>,
    /// *Ärendebeskrivning*: paragraphs separated by blank lines; single newlines are kept
    /// as line breaks; lines starting with "- " or "• " become list items.
    #[serde(default)]
    pub text: String,
    /// *Förslag till beslut* (same text conventions as `text`).
    #[serde(default)]
    pub proposal: Option<String>,
    /// *Yrkanden*.
    #[serde(default)]
    pub motions: Vec<Motion>,
    /// *Propositionsordning*.
    #[serde(default)]
    pub propositions: Option<String>,
    /// *Omröstningar*.
    #[serde(default)]
    pub votes: Vec<Vote>,
    /// *Beslut*.
    #[serde(default)]
    pub decision: Option<Decision>,
    /// *Reservationer*.
    #[serde(default)]
    pub reservations: Vec<Reservation>,
    /// *Jäv*.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// *Protokollsanteckningar*.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// *Beslutsunderlag* / *Handlingar i ärendet*.
    #[serde(default)]
    pub documents: Vec<String>,
    /// *Beslutet skickas till* (dispatch list, *expediering*).
    #[serde(default)]
    pub dispatch: Vec<String>,
    /// Tables (e.g. a budget follow-up), shown after `text`.
    #[serde(default)]
    pub tables: Vec<Table>,
    /// When set, the whole body of the § is replaced by this notice (*sekretess*).
    #[serde(default)]
    pub secret_notice: Option<String>,
    /// *Omedelbart justerad*.
    #[serde(default)]
    pub immediately_adjusted: bool,
}

/// *Yrkande*: a motion, e.g. by "Ordförande Thony Liljemark (OR)".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Motion {
    pub by: String,
    /// The motion, e.g. "att utskottet ska godkänna uppföljningen".
    pub text: String,
}

/// *Omröstning*: an open vote with the ballot of each member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vote {
    /// What a "ja" vote means, e.g. "bifall till ordförandens yrkande".
    pub yes_means: String,
    /// What a "nej" vote means.
    pub no_means: String,
    #[serde(default)]
    pub ballots: Vec<Ballot>,
    pub yes: u32,
    pub no: u32,
    #[serde(default)]
    pub abstain: u32,
    /// e.g. "Med 3 ja-röster mot 2 nej-röster beslutar utskottet enligt ordförandens yrkande."
    pub result: String,
}

/// One member's vote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ballot {
    pub name: String,
    #[serde(default)]
    pub party: Option<String>,
    pub choice: Choice,
}

/// *Ja*, *nej* or *avstår*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Choice {
    #[serde(rename = "ja")]
    Yes,
    #[serde(rename = "nej")]
    No,
    #[serde(rename = "avstår")]
    Abstain,
}

/// *Beslut*: either att-clauses or whole sentences (both occur in real protocols).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// "Utskottet beslutar" + "att godkänna …" lines. `clauses` are written without the
    /// leading "att" (it is added when rendering; a leading "att " is tolerated).
    Clauses {
        #[serde(default)]
        intro: Option<String>,
        clauses: Vec<String>,
    },
    /// Whole sentences, e.g. "Vård- och omsorgsnämnden tar del av och godkänner …".
    Text(String),
}

/// *Reservation* by one or more members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reservation {
    /// e.g. "Pernilla Boström (S)".
    pub by: String,
    /// Written reasons (*skriftlig reservation*), if any.
    #[serde(default)]
    pub reasons: Option<String>,
}

/// *Jäv*: the member left and did not take part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub name: String,
    /// e.g. "delikatessjäv".
    #[serde(default)]
    pub ground: Option<String>,
}

/// *Protokollsanteckning*.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub by: String,
    pub text: String,
}

/// A table of figures with Swedish number formatting; numbers are right-aligned.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    #[serde(default)]
    pub title: Option<String>,
    /// Column headers, the first one for the label column
    /// (e.g. "Verksamheter, tusental kronor").
    pub header: Vec<String>,
    pub rows: Vec<TableRow>,
    /// Decimals shown for numeric cells (default 0).
    #[serde(default)]
    pub decimals: u8,
    /// A note under the table, e.g. "Belopp i tusental kronor".
    #[serde(default)]
    pub note: Option<String>,
}

/// A table row; `children` are rendered indented as "-varav" rows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    pub label: String,
    /// One value per column after the label column.
    #[serde(default)]
    pub values: Vec<Cell>,
    #[serde(default)]
    pub children: Vec<TableRow>,
    /// A sum row (*totalt*), rendered in bold.
    #[serde(default)]
    pub total: bool,
}

/// A table cell: a number, a text, or empty (`null` in JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Number(f64),
    Text(String),
    Empty,
}

impl From<f64> for Cell {
    fn from(v: f64) -> Self {
        Cell::Number(v)
    }
}

/// One *justering* (approval by signature) of the minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Approval {
    pub name: String,
    /// e.g. "ordförande", "justerare", "sekreterare".
    pub role: String,
    /// When it was signed (ISO 8601 with offset in JSON).
    pub time: DateTime<FixedOffset>,
    /// e.g. "Svensk e-legitimation".
    pub method: String,
}

/// *Försegling*: the hash of the adjusted protocol and the sealing key's fingerprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seal {
    /// SHA-256 of the sealed content, lower-case hex.
    pub sha256: String,
    /// Fingerprint of the public key that signed the seal.
    pub fingerprint: String,
}

/// *Protokollsutdrag*: a certified extract of one §.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractDoc {
    pub municipality: String,
    pub body: String,
    /// *Sammanträdesdatum*.
    pub date: NaiveDate,
    #[serde(default)]
    pub place: Option<String>,
    /// *Ordförande*.
    #[serde(default)]
    pub chair: Option<String>,
    /// *Justerare*.
    #[serde(default)]
    pub adjusters: Vec<String>,
    /// Date the protocol was adjusted (*justerat*), if it is.
    #[serde(default)]
    pub adjusted: Option<NaiveDate>,
    /// Date the posting went up (*anslaget*), if known.
    #[serde(default)]
    pub posted: Option<NaiveDate>,
    /// The extracted §.
    pub paragraph: Paragraph,
    /// *Utdragsbestyrkande*.
    pub certification: Certification,
}

/// *Utdragsbestyrkande*: who certifies that the extract matches the protocol.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Certification {
    pub name: String,
    /// e.g. "nämndsekreterare".
    #[serde(default)]
    pub title: Option<String>,
    pub date: NaiveDate,
}

/// *Anslag*: the notice on the municipality's *anslagstavla* that the minutes have been
/// adjusted (KL 8 kap. 12 §), with the appeal information (KL 13 kap.).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostingDoc {
    pub municipality: String,
    /// *Organ*.
    pub body: String,
    /// *Sammanträdesdatum*.
    pub meeting_date: NaiveDate,
    /// *Justeringsdatum*.
    pub adjusted_date: NaiveDate,
    /// *Datum då anslaget sätts upp*.
    pub posted_date: NaiveDate,
    /// *Datum då anslaget tas ned*.
    pub removal_date: NaiveDate,
    /// Last day for an appeal (*laglighetsprövning*), computed by the caller from
    /// `posted_date` + three weeks with the rules of lag (1930:173).
    pub appeal_ends: NaiveDate,
    /// *Förvaringsplats för protokollet*.
    pub storage: String,
    /// *Paragrafer*, e.g. "§§ 114–120".
    pub paragraphs: String,
    /// The administrative court, e.g. "Förvaltningsrätten i Karlstad".
    #[serde(default)]
    pub court: Option<String>,
    /// Who put up the notice.
    #[serde(default)]
    pub signed_by: Option<String>,
}

/// *Tjänsteskrivelse*: the administration's preparation of a matter for the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemoDoc {
    pub municipality: String,
    /// The body the matter goes to.
    pub body: String,
    /// The day it was written (or approved).
    pub date: NaiveDate,
    /// *Diarienummer*.
    pub dnr: String,
    /// *Rubrik*.
    pub title: String,
    /// *Ärendet i korthet*.
    pub summary: String,
    /// *Bakgrund*.
    #[serde(default)]
    pub background: String,
    /// *Förvaltningens bedömning*.
    #[serde(default)]
    pub assessment: String,
    /// *Ekonomiska konsekvenser*.
    #[serde(default)]
    pub finances: String,
    /// *Förslag till beslut*: the att-satser, without "att".
    pub proposal: Vec<String>,
    /// *Beslutsunderlag*.
    #[serde(default)]
    pub documents: Vec<String>,
    /// *Beslutet skickas till*.
    #[serde(default)]
    pub dispatch: Vec<String>,
    /// *Handläggare*, name and title.
    pub officer: String,
    /// *Förvaltningschef*, once approved.
    #[serde(default)]
    pub director: Option<String>,
    /// "Utkast, version 2" until approved.
    #[serde(default)]
    pub draft: Option<String>,
}
