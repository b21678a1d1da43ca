//! Organisation: the municipality, its bodies, terms of office, persons, memberships and
//! officials.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::checksum::{digits_of, luhn_valid};
use crate::ids::{BodyId, PersonId, TermId};

/// Errors in organisation data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrgError {
    /// An organisationsnummer that is not ten digits with a valid check digit.
    #[error(
        "”{0}” är inget giltigt organisationsnummer (tio siffror, NNNNNN-NNNN, med kontrollsiffra)"
    )]
    BadOrgNr(String),
    /// A required text is empty.
    #[error("{0} får inte vara tomt")]
    Empty(&'static str),
    /// A body of this kind needs a parent body.
    #[error("{kind} ”{name}” måste höra till en överordnad nämnd eller styrelse")]
    MissingParent {
        /// The kind, in Swedish.
        kind: &'static str,
        /// The body's name.
        name: String,
    },
    /// A date range that ends before it starts.
    #[error("{what}: slutdatum {to} ligger före startdatum {from}")]
    EndBeforeStart {
        /// What the range belongs to.
        what: &'static str,
        /// Start.
        from: NaiveDate,
        /// End.
        to: NaiveDate,
    },
    /// A presidium position held by someone who is not a ledamot.
    #[error("bara en ledamot kan vara {0}; en ersättare kan inte ingå i presidiet")]
    PositionForSubstitute(&'static str),
    /// An ersättarordning naming the same person twice.
    #[error("person {0} står två gånger i ersättarordningen")]
    SubstituteTwice(PersonId),
}

/// Ersättarordning: the order in which the ersättare of a body enter for an absent or jävig
/// ledamot, as fullmäktige decided it for a period (KL 6 kap. 16–17 §§). With `party_first`
/// (the usual rule) an ersättare of the ledamot's own party enters before the others, each
/// group in the order listed; without it, strictly the order listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubstituteOrder {
    /// The body.
    pub body: BodyId,
    /// In force from.
    pub from: NaiveDate,
    /// In force to; open when `None`.
    pub to: Option<NaiveDate>,
    /// Same party first.
    pub party_first: bool,
    /// The ersättare, first to enter first.
    pub order: Vec<PersonId>,
}

impl SubstituteOrder {
    /// An order for `body` from `from`: at least one ersättare, none twice, not ending before
    /// it starts.
    pub fn new(
        body: BodyId,
        from: NaiveDate,
        to: Option<NaiveDate>,
        party_first: bool,
        order: Vec<PersonId>,
    ) -> Result<SubstituteOrder, OrgError> {
        if order.is_empty() {
            return Err(OrgError::Empty("ersättarordningen"));
        }
        let mut seen = std::collections::HashSet::new();
        if let Some(p) = order.iter().find(|p| !seen.insert(**p)) {
            return Err(OrgError::SubstituteTwice(*p));
        }
        if let Some(to) = to {
            if to < from {
                return Err(OrgError::EndBeforeStart {
                    what: "ersättarordningen",
                    from,
                    to,
                });
            }
        }
        Ok(SubstituteOrder {
            body,
            from,
            to,
            party_first,
            order,
        })
    }

    /// Whether the order is in force on `date`.
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }

    /// Where `substitute` stands in the queue for a ledamot of `party` (0 enters first);
    /// `party_of` gives each ersättare's party. An ersättare not in the order comes last.
    pub fn rank(
        &self,
        substitute: PersonId,
        party: Option<&str>,
        party_of: impl Fn(PersonId) -> Option<String>,
    ) -> usize {
        let listed = self.order.iter().position(|p| *p == substitute);
        let Some(i) = listed else {
            return usize::MAX;
        };
        let same = |p: PersonId| {
            party.is_some_and(|x| {
                party_of(p).is_some_and(|y| y.trim().eq_ignore_ascii_case(x.trim()))
            })
        };
        if self.party_first && !same(substitute) {
            self.order.len() + i
        } else {
            i
        }
    }
}

/// Organisationsnummer: the ten-digit number of a legal person, written NNNNNN-NNNN.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrgNr(String);

impl OrgNr {
    /// Checks and normalises to NNNNNN-NNNN.
    pub fn parse(text: &str) -> Result<OrgNr, OrgError> {
        let bad = || OrgError::BadOrgNr(text.to_string());
        let digits = digits_of(text.trim()).ok_or_else(bad)?;
        if digits.len() != 10 || !luhn_valid(&digits) {
            return Err(bad());
        }
        let s: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        Ok(OrgNr(format!("{}-{}", &s[..6], &s[6..])))
    }
    /// The number as NNNNNN-NNNN.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for OrgNr {
    type Error = OrgError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        OrgNr::parse(&s)
    }
}

impl From<OrgNr> for String {
    fn from(o: OrgNr) -> String {
        o.0
    }
}

/// Kommun: the municipality whose bodies Paragraf serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Municipality {
    /// Name, such as "Hagfors kommun".
    pub name: String,
    /// Organisationsnummer, such as 212000-1884.
    pub org_nr: Option<OrgNr>,
}

impl Municipality {
    /// A municipality with a non-empty name.
    pub fn new(name: &str, org_nr: Option<OrgNr>) -> Result<Self, OrgError> {
        Ok(Municipality {
            name: non_empty(name, "kommunens namn")?,
            org_nr,
        })
    }
}

/// The kind of a political body (organ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// Kommunfullmäktige (KF), the elected assembly.
    Assembly,
    /// Kommunstyrelsen (KS), the executive board.
    ExecutiveBoard,
    /// Nämnd: a committee such as socialnämnden.
    Committee,
    /// Utskott: a sub-committee of a nämnd or of KS.
    Subcommittee,
    /// Arbetsutskott (AU): the working committee that prepares a nämnd's cases.
    WorkingCommittee,
    /// Råd: an advisory council such as pensionärsrådet or funktionshinderrådet.
    AdvisoryCouncil,
}

impl BodyKind {
    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            BodyKind::Assembly => "kommunfullmäktige",
            BodyKind::ExecutiveBoard => "kommunstyrelse",
            BodyKind::Committee => "nämnd",
            BodyKind::Subcommittee => "utskott",
            BodyKind::WorkingCommittee => "arbetsutskott",
            BodyKind::AdvisoryCouncil => "råd",
        }
    }

    /// Parses the Swedish word or its abbreviation (KF, KS, AU).
    pub fn from_swedish(s: &str) -> Option<BodyKind> {
        Some(match s.trim().to_lowercase().as_str() {
            "kf" | "kommunfullmäktige" | "fullmäktige" => BodyKind::Assembly,
            "ks" | "kommunstyrelse" | "kommunstyrelsen" | "styrelse" => BodyKind::ExecutiveBoard,
            "nämnd" => BodyKind::Committee,
            "utskott" => BodyKind::Subcommittee,
            "au" | "arbetsutskott" => BodyKind::WorkingCommittee,
            "råd" => BodyKind::AdvisoryCouncil,
            _ => return None,
        })
    }

    /// Whether a body of this kind always belongs to a parent body.
    pub fn needs_parent(self) -> bool {
        matches!(self, BodyKind::Subcommittee | BodyKind::WorkingCommittee)
    }
}

/// Organ: a political body of the municipality — KF, KS, a nämnd, an utskott, an
/// arbetsutskott or a råd.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    /// Full name, such as "Individ- och omsorgsutskottet".
    pub name: String,
    /// Short name used in § headings and diarienummer, such as "SN" or "IOU".
    pub short_name: Option<String>,
    /// Kind.
    pub kind: BodyKind,
    /// The body it belongs to (an utskott's nämnd; Hagfors' social utskott belongs to KS).
    pub parent: Option<BodyId>,
}

impl Body {
    /// The body's name as it stands in a permanent address: lower case, letters folded to
    /// a–z, words joined by "-" ("Barn- och utbildningsnämnden" → "barn-och-utbildningsnamnden").
    pub fn slug(&self) -> String {
        let mut out = String::with_capacity(self.name.len());
        for c in self.name.trim().chars().flat_map(char::to_lowercase) {
            let c = match c {
                'å' | 'ä' | 'á' | 'à' | 'â' => 'a',
                'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'ü' | 'ú' => 'u',
                'í' | 'ï' => 'i',
                c => c,
            };
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
        out.trim_end_matches('-').to_string()
    }

    /// Whether `key` names this body: its name in any case, or its short name ("SN").
    pub fn is_named(&self, key: &str) -> bool {
        let key = key.trim();
        self.name.to_lowercase() == key.to_lowercase() || self.short_name.as_deref() == Some(key)
    }

    /// A body; utskott and arbetsutskott must name their parent.
    pub fn new(
        name: &str,
        short_name: Option<&str>,
        kind: BodyKind,
        parent: Option<BodyId>,
    ) -> Result<Self, OrgError> {
        let name = non_empty(name, "organets namn")?;
        if kind.needs_parent() && parent.is_none() {
            return Err(OrgError::MissingParent {
                kind: kind.swedish(),
                name,
            });
        }
        Ok(Body {
            name,
            short_name: short_name
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from),
            kind,
            parent,
        })
    }
}

/// Mandatperiod: the term of office, such as 2023–2026.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermOfOffice {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl TermOfOffice {
    /// A term whose end is not before its start.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, OrgError> {
        if to < from {
            return Err(OrgError::EndBeforeStart {
                what: "mandatperioden",
                from,
                to,
            });
        }
        Ok(TermOfOffice { from, to })
    }
    /// The usual label, "2023–2026".
    pub fn label(&self) -> String {
        use chrono::Datelike;
        format!("{}–{}", self.from.year(), self.to.year())
    }
}

/// Person: a politician or an official, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Name as written in the minutes, without party.
    pub name: String,
    /// E-mail, for notices and logins.
    pub email: Option<String>,
}

impl Person {
    /// A person with a non-empty name.
    pub fn new(name: &str, email: Option<&str>) -> Result<Self, OrgError> {
        Ok(Person {
            name: non_empty(name, "namnet")?,
            email: email
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from),
        })
    }
}

/// Ledamot or ersättare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MembershipRole {
    /// Ledamot: a member with the right to decide.
    Member,
    /// Ersättare: a substitute, who decides only when serving for an absent ledamot.
    Substitute,
}

impl MembershipRole {
    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            MembershipRole::Member => "ledamot",
            MembershipRole::Substitute => "ersättare",
        }
    }

    /// Ledamot or ersättare, as written (any case).
    pub fn from_swedish(s: &str) -> Option<MembershipRole> {
        match s.trim().to_lowercase().as_str() {
            "ledamot" => Some(MembershipRole::Member),
            "ersättare" => Some(MembershipRole::Substitute),
            _ => None,
        }
    }
}

/// Presidiepost: a position in the body's presidium.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PresidiumPosition {
    /// Ordförande.
    Chair,
    /// 1:e vice ordförande (or simply vice ordförande).
    FirstViceChair,
    /// 2:e vice ordförande.
    SecondViceChair,
}

impl PresidiumPosition {
    /// The Swedish title.
    pub fn swedish(self) -> &'static str {
        match self {
            PresidiumPosition::Chair => "ordförande",
            PresidiumPosition::FirstViceChair => "1:e vice ordförande",
            PresidiumPosition::SecondViceChair => "2:e vice ordförande",
        }
    }

    /// Every position, in rank.
    pub const ALL: [PresidiumPosition; 3] = [
        PresidiumPosition::Chair,
        PresidiumPosition::FirstViceChair,
        PresidiumPosition::SecondViceChair,
    ];

    /// A position as written in registers and minutes ("vice ordförande" is the first).
    pub fn from_swedish(s: &str) -> Option<PresidiumPosition> {
        match s.trim().to_lowercase().as_str() {
            "ordförande" => Some(PresidiumPosition::Chair),
            "vice ordförande" | "1:e vice ordförande" | "förste vice ordförande" => {
                Some(PresidiumPosition::FirstViceChair)
            }
            "2:e vice ordförande" | "andre vice ordförande" => {
                Some(PresidiumPosition::SecondViceChair)
            }
            _ => None,
        }
    }
}

/// Uppdrag i ett organ: a person's seat in a body as ledamot or ersättare, for a party,
/// from a date to a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    /// Who.
    pub person: PersonId,
    /// In which body.
    pub body: BodyId,
    /// Ledamot or ersättare.
    pub role: MembershipRole,
    /// Presidium position, for a ledamot.
    pub position: Option<PresidiumPosition>,
    /// Party as written (S, M, SD, C, V, KD, L, MP, OR, FP …).
    pub party: Option<String>,
    /// The term the seat belongs to.
    pub term: Option<TermId>,
    /// First day.
    pub from: NaiveDate,
    /// Last day; open when `None`.
    pub to: Option<NaiveDate>,
}

impl Membership {
    /// A membership; presidium positions are for ledamöter only and the end may not be
    /// before the start.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        person: PersonId,
        body: BodyId,
        role: MembershipRole,
        position: Option<PresidiumPosition>,
        party: Option<&str>,
        term: Option<TermId>,
        from: NaiveDate,
        to: Option<NaiveDate>,
    ) -> Result<Self, OrgError> {
        if let (Some(p), MembershipRole::Substitute) = (position, role) {
            return Err(OrgError::PositionForSubstitute(p.swedish()));
        }
        if let Some(to) = to {
            if to < from {
                return Err(OrgError::EndBeforeStart {
                    what: "uppdraget",
                    from,
                    to,
                });
            }
        }
        Ok(Membership {
            person,
            body,
            role,
            position,
            party: party
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from),
            term,
            from,
            to,
        })
    }

    /// Whether the membership is in force on `date`.
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }
}

/// Tjänsteperson: an official with a title (förvaltningschef, socialchef, ekonom, MAS,
/// nämndsekreterare …) in a unit of the administration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Official {
    /// Who.
    pub person: PersonId,
    /// Title as written, such as "socialchef" or "verksamhetschef MAS".
    pub title: String,
    /// Förvaltning or unit, such as "Vård- och omsorgsförvaltningen".
    pub unit: Option<String>,
}

impl Official {
    /// An official with a non-empty title.
    pub fn new(person: PersonId, title: &str, unit: Option<&str>) -> Result<Self, OrgError> {
        Ok(Official {
            person,
            title: non_empty(title, "titeln")?,
            unit: unit
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from),
        })
    }
}

pub(crate) fn non_empty(s: &str, what: &'static str) -> Result<String, OrgError> {
    let t = s.trim();
    if t.is_empty() {
        Err(OrgError::Empty(what))
    } else {
        Ok(t.to_string())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_body_has_a_readable_address() {
        let b = |n: &str| {
            Body::new(n, None, BodyKind::Committee, None)
                .unwrap()
                .slug()
        };
        assert_eq!(b("Socialnämnden"), "socialnamnden");
        assert_eq!(
            b("Barn- och utbildningsnämnden"),
            "barn-och-utbildningsnamnden"
        );
        assert_eq!(
            b("Individ- och omsorgsutskottet"),
            "individ-och-omsorgsutskottet"
        );
        assert_eq!(
            b(" Kommunstyrelsens arbetsutskott (KSAU) "),
            "kommunstyrelsens-arbetsutskott-ksau"
        );
    }

    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn org_nr_is_checked_and_normalised() {
        assert_eq!(OrgNr::parse("2120001884").unwrap().as_str(), "212000-1884");
        assert!(OrgNr::parse("212000-1885").is_err());
        assert!(OrgNr::parse("21200-1884").is_err());
        let json = serde_json::to_string(&OrgNr::parse("212000-1884").unwrap()).unwrap();
        assert!(serde_json::from_str::<OrgNr>("\"212000-1885\"").is_err());
        assert_eq!(json, "\"212000-1884\"");
    }

    #[test]
    fn an_utskott_needs_its_parent() {
        let err = Body::new(
            "Individ- och omsorgsutskottet",
            None,
            BodyKind::Subcommittee,
            None,
        )
        .unwrap_err();
        assert!(err.to_string().contains("utskott"), "{err}");
        Body::new(
            "Individ- och omsorgsutskottet",
            Some("IOU"),
            BodyKind::Subcommittee,
            Some(BodyId(1)),
        )
        .unwrap();
        assert!(Body::new("  ", None, BodyKind::Committee, None).is_err());
    }

    #[test]
    fn memberships_follow_their_rules() {
        let m = Membership::new(
            PersonId(1),
            BodyId(1),
            MembershipRole::Member,
            Some(PresidiumPosition::Chair),
            Some("OR"),
            None,
            d("2023-01-01"),
            Some(d("2026-12-31")),
        )
        .unwrap();
        assert!(m.active_on(d("2025-09-01")));
        assert!(!m.active_on(d("2027-01-01")));
        let err = Membership::new(
            PersonId(1),
            BodyId(1),
            MembershipRole::Substitute,
            Some(PresidiumPosition::Chair),
            None,
            None,
            d("2023-01-01"),
            None,
        )
        .unwrap_err();
        assert!(err.to_string().contains("ersättare"));
        assert!(TermOfOffice::new(d("2026-12-31"), d("2023-01-01")).is_err());
        assert_eq!(
            TermOfOffice::new(d("2023-01-01"), d("2026-12-31"))
                .unwrap()
                .label(),
            "2023–2026"
        );
    }
}
