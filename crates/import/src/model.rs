//! The structured value a parsed protocol (*protokoll*) becomes.
//!
//! The JSON shape is documented in `docs/import-schema.md`. Every fact that is
//! not in the document is `None` / empty — nothing is guessed.

use serde::{Deserialize, Serialize};

/// A parsed protocol (*sammanträdesprotokoll*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Protocol {
    /// Always `"protokoll"`.
    pub document_type: String,
    /// The municipality (*kommun*), e.g. "Hagfors kommun".
    pub municipality: Option<String>,
    /// The committee (*nämnd*, *utskott*, *styrelse*); `None` when the text does not name it
    /// (then `missing` says so, and the protocol cannot be stored until a person gives it).
    pub body: Option<String>,
    /// Meeting date (*sammanträdesdatum*), ISO `YYYY-MM-DD`; `None` when the text gives none.
    pub date: Option<String>,
    /// Start time (`HH:MM`) from *Plats och tid*.
    pub start_time: Option<String>,
    /// End time (`HH:MM`) from *Plats och tid*.
    pub end_time: Option<String>,
    /// Meeting place from *Plats och tid*.
    pub place: Option<String>,
    /// Everyone listed as present on the cover page.
    pub attendees: Vec<Attendee>,
    /// Chair (*ordförande*) as named under *Underskrifter*.
    pub chair: Option<String>,
    /// Secretary (*sekreterare*).
    pub secretary: Option<String>,
    /// Appointed adjusters (*justerare*).
    pub adjusters: Vec<String>,
    /// Approval of the minutes (*justering*).
    pub adjustment: Adjustment,
    /// Public notice (*anslag/bevis*).
    pub notice: Notice,
    /// The paragraph range stated on the cover (*Paragrafer*), as written.
    pub paragraph_range: Option<String>,
    /// The items (*paragrafer*), in order.
    pub paragraphs: Vec<Paragraph>,
    /// Electronic signatures (*underskriftssida*).
    pub signatures: Vec<Signature>,
    /// Service that certified the electronic signatures, e.g. "Comfact Signature".
    pub signature_service: Option<String>,
    /// Things the parser could not place: `"line N: …"` (1-based input lines).
    pub warnings: Vec<String>,
    /// The fields a complete protocol has that were not found, in Swedish
    /// ("sammanträdesdatum", "nämnd", "ordförande", "sekreterare", "justerare",
    /// "närvarande", "paragrafer", "paragrafnummer"): the import is partial (*ofullständigt importerat*).
    #[serde(default)]
    pub missing: Vec<String>,
}

impl Protocol {
    /// Whether every field of a complete protocol was found.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }

    /// Lists what is missing again after a person has filled fields in.
    pub fn recount_missing(&mut self) {
        let mut m = Vec::new();
        let mut miss = |absent: bool, name: &str| {
            if absent {
                m.push(name.to_string());
            }
        };
        miss(self.date.is_none(), "sammanträdesdatum");
        miss(self.body.is_none(), "nämnd");
        miss(self.chair.is_none(), "ordförande");
        miss(self.secretary.is_none(), "sekreterare");
        miss(self.adjusters.is_empty(), "justerare");
        miss(self.attendees.is_empty(), "närvarande");
        miss(self.paragraphs.is_empty(), "paragrafer");
        miss(
            self.paragraphs.iter().any(|p| p.number.is_none()),
            "paragrafnummer",
        );
        self.missing = m;
    }
}

/// How a person attended (*närvaro*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Attendance {
    /// Decision-maker: *ledamot* or *tjänstgörande ersättare*.
    #[serde(rename = "beslutande")]
    Deciding,
    /// Substitute present but not serving (*ej tjänstgörande ersättare*).
    #[serde(rename = "ersättare")]
    Substitute,
    /// Everyone else present (*övriga närvarande*): officials, guests.
    #[serde(rename = "övrig")]
    Other,
}

/// A person listed as present on the cover page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attendee {
    /// Name without party suffix.
    pub name: String,
    /// Party (*parti*) as written, e.g. "S", "OR".
    pub party: Option<String>,
    pub attendance: Attendance,
    /// "ordförande", "vice ordförande" (also "1:e vice ordförande"…) or "ledamot".
    pub position: Option<String>,
    /// The absent member this *tjänstgörande ersättare* replaces.
    pub substitute_for: Option<String>,
    /// Official's title (*titel*), e.g. "socialchef".
    pub title: Option<String>,
    /// Per-§ presence as written, e.g. "§§ 100-113", "ej § 13".
    pub paragraphs: Option<String>,
}

/// Approval of the minutes (*justering*).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Adjustment {
    /// Explicit date, else the date of the last electronic signature.
    pub date: Option<String>,
    /// Place (*justeringens plats*) as written, e.g. "Digital signering".
    pub place: Option<String>,
}

/// Public notice (*anslag/bevis*).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    /// Date the notice was posted (*anslaget sätts upp*).
    pub posted: Option<String>,
    /// Date the notice is removed (*anslaget tas ned*).
    pub removed: Option<String>,
    /// Where the protocol is kept (*förvaringsplats*).
    pub storage: Option<String>,
}

/// One item (*paragraf*, §).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The number (*paragrafnummer*); `None` when the text lost it (a scraped page whose
    /// "§ N" did not survive): then `missing` names "paragrafnummer" and a person gives the
    /// first § number when the protocol is stored.
    pub number: Option<u32>,
    /// Title as written in the body (falls back to the *ärendelista*).
    pub title: String,
    /// Title as written in the *ärendelista*, when there is one.
    pub agenda_title: Option<String>,
    /// Case number (*diarienummer*, Dnr) as written, e.g. "KS/2025:26".
    pub case_number: Option<String>,
    /// Narrative text; wrapped lines joined, paragraphs separated by `\n`.
    pub text: String,
    /// *Förslag till beslut*.
    pub proposal: Option<String>,
    /// The decision (*beslut*); clauses separated by `\n`.
    pub decision: Option<String>,
    /// Motions and proceedings (*yrkande*, *behandling*, *omröstning*…).
    pub proceedings: Option<String>,
    /// *Beslutsunderlag* / *Handlingar i ärendet*.
    pub documents: Vec<String>,
    /// *Beslutet skickas till* / *Expedieras till*.
    pub send_to: Vec<String>,
    pub tables: Vec<Table>,
    /// Closed item (*sekretess*, *enskilt ärende*).
    pub closed: bool,
    /// 1-based input line of the heading (or of the title found via the agenda).
    pub line: usize,
}

/// A table found inside a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Caption line right above the table, when there is one.
    pub title: Option<String>,
    /// Header cells (first cell is the label column, may be ""). Empty if none.
    pub header: Vec<String>,
    pub rows: Vec<TableRow>,
}

/// One table row. `values[i]` belongs to `header[i + 1]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    pub label: String,
    /// Numbers parsed from Swedish formatting; `null` where a cell is not a number.
    pub values: Vec<Option<f64>>,
    /// The raw cells after the label, as written.
    pub cells: Vec<String>,
    /// "-varav" rows included in this row.
    pub children: Vec<TableRow>,
}

/// An electronic signature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    pub name: String,
    /// ISO 8601 with offset when the document gives one.
    pub time: Option<String>,
    /// e.g. "Svensk e-legitimation".
    pub method: Option<String>,
    pub identification_id: Option<String>,
}
