//! Protokoll: the minutes of a meeting — paragraphs (§§) with their decisions, motions,
//! votes, reservations, jäv and notes; justering and anslag.
//!
//! [`Minutes`] is the aggregate that keeps the rules: § numbers are unique and continue the
//! body's yearly series, a vote's members are exactly the beslutande of that §, and a member
//! with jäv takes no part in that §. Stored minutes are checked again when read back.

use std::collections::{BTreeSet, HashSet};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::ids::{BodyId, CaseId, PersonId};
use crate::meeting::Attendance;
use crate::registry::Secrecy;
use crate::seal::Seal;

/// Errors in minutes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MinutesError {
    /// A § number used twice in the minutes or already used by the body this year.
    #[error("§ {number} finns redan för organet år {year}")]
    DuplicateNumber {
        /// The number.
        number: u32,
        /// The calendar year.
        year: i32,
    },
    /// § numbers that do not continue the body's series.
    #[error("§ {got} följer inte organets nummerserie för {year}: nästa nummer är § {expected}")]
    NotInSeries {
        /// The calendar year.
        year: i32,
        /// What comes next.
        expected: u32,
        /// What was given.
        got: u32,
    },
    /// § 0.
    #[error("paragrafnummer börjar på 1")]
    ZeroNumber,
    /// No such § in the minutes.
    #[error("§ {0} finns inte i protokollet")]
    NoSuchParagraph(u32),
    /// A vote whose voters are not exactly the beslutande.
    #[error("omröstningen i § {number} stämmer inte med de beslutande: {detail}")]
    VotersMismatch {
        /// The §.
        number: u32,
        /// Who is missing or extra.
        detail: String,
    },
    /// Someone voted twice.
    #[error("person {person} röstar två gånger i § {number}")]
    VotedTwice {
        /// The §.
        number: u32,
        /// Who.
        person: PersonId,
    },
    /// A member with jäv who takes part.
    #[error("person {person} har anmält jäv i § {number} och får inte delta i {what}")]
    ConflictTakesPart {
        /// The §.
        number: u32,
        /// Who.
        person: PersonId,
        /// In what: beslutet, omröstningen, ett yrkande, en reservation.
        what: &'static str,
    },
    /// A reservation by someone who did not decide.
    #[error("person {person} var inte beslutande i § {number} och kan inte reservera sig")]
    ReservationByNonDecider {
        /// The §.
        number: u32,
        /// Who.
        person: PersonId,
    },
    /// A motion (or support for one) by someone who does not decide in the §: only
    /// beslutande make yrkanden.
    #[error("person {person} är inte beslutande i § {number} och kan inte yrka eller instämma i ett yrkande")]
    MotionByNonDecider {
        /// The §.
        number: u32,
        /// Who.
        person: PersonId,
    },
    /// A protokollsanteckning by someone not present for the §.
    #[error("person {person} var inte närvarande vid § {number} och kan inte få en protokollsanteckning införd")]
    NoteByAbsent {
        /// The §.
        number: u32,
        /// Who.
        person: PersonId,
    },
    /// Jäv recorded for someone who takes no part in the § anyway.
    #[error("person {person} är inte beslutande vid § {number}; jäv anmäls bara av den som annars skulle delta i beslutet")]
    ConflictByNonDecider {
        /// The §.
        number: u32,
        /// Who.
        person: PersonId,
    },
    /// Fewer than more than half of the seats took part in a § (KL 6 kap. 27 §).
    #[error("nämnden var inte beslutför i § {number} ({taking_part} av {seats}): fler än hälften av ledamöterna ska delta i beslutet (KL 6 kap. 27 §)")]
    NoQuorum {
        /// The §.
        number: u32,
        /// Beslutande in the §, the jäviga left out.
        taking_part: u32,
        /// Antal ledamöter.
        seats: u32,
    },
    /// A närvarolista whose number of seats was never counted: the quorum cannot be checked.
    #[error("antalet ledamöter är okänt för närvarolistan, så beslutförheten kan inte prövas: spara närvarolistan igen")]
    SeatsUnknown,
    /// Justering of minutes without a närvarolista.
    #[error("närvarolistan är tom: ange vilka som deltog innan protokollet justeras")]
    NoAttendance,
    /// A § with neither a decision nor a disposition.
    #[error("§ {0} saknar beslut: skriv beslutet, eller ange att ärendet bordlagts, återremitterats eller var en information")]
    Undecided(u32),
    /// Justering without the place and time of the justering.
    #[error("justeringens plats och tid saknas: ange dem innan protokollet justeras")]
    NoAdjustmentPlace,
    /// The person leading a § does not take part in its decision.
    #[error("person {person} leder § {number} men är inte beslutande där (frånvarande eller jävig): ange vem som leder § {number} — vice ordförande, annars den som längst varit ledamot (ålderspresident)")]
    PresidingNotDeciding {
        /// The §.
        number: u32,
        /// Who.
        person: PersonId,
    },
    /// A casting vote given to someone other than the one leading the §.
    #[error("utslagsrösten i § {number} tillhör den som leder paragrafen (person {presiding}), inte person {given}")]
    CastingVoteNotPresiding {
        /// The §.
        number: u32,
        /// Who leads the §.
        presiding: PersonId,
        /// Who was given the casting vote.
        given: PersonId,
    },
    /// A tie that nobody's casting vote decides.
    #[error("lika röstetal ({yes}–{no}) i § {number}, men den som leder paragrafen har inte röstat ja eller nej: omröstningen har inget utfall (utslagsröst, KL 5 kap. 56 § och 6 kap. 33 §)")]
    TieUndecided {
        /// The §.
        number: u32,
        /// Ja.
        yes: usize,
        /// Nej.
        no: usize,
    },
    /// A decision that contradicts the vote.
    #[error("beslutet i § {number} stämmer inte med omröstningen: yrkande {winner} vann, men yrkande {carried} anges som bifallet")]
    DecisionAgainstVote {
        /// The §.
        number: u32,
        /// What the vote carried.
        winner: u32,
        /// What the § says was carried.
        carried: u32,
    },
    /// A change of who leads a § after it has voted: the casting vote was theirs.
    #[error("§ {0} har redan haft omröstning; vem som ledde paragrafen kan inte ändras efteråt")]
    PresidingAfterVote(u32),
    /// A § with both a beslut and a disposition (bordlagt, återremitterat, information).
    #[error("§ {0} har både ett beslut och är markerad som bordlagd, återremitterad eller information: välj det ena")]
    DecidedAndDisposed(u32),
    /// Omedelbar justering after the meeting day.
    #[error("omedelbar justering sker vid sammanträdet ({meeting}), inte {date}")]
    ImmediateNotAtMeeting {
        /// The approval's date.
        date: NaiveDate,
        /// The meeting's date.
        meeting: NaiveDate,
    },
    /// Omedelbar justering of a § without a decision.
    #[error("§ {0} saknar beslut och kan inte justeras omedelbart")]
    ImmediateUndecided(u32),
    /// An approval dated later than now.
    #[error("ett godkännande kan inte dateras framåt ({0})")]
    ApprovalInFuture(DateTime<FixedOffset>),
    /// An approval dated before today without saying who records it.
    #[error("ett godkännande daterat {0} registreras i efterhand: det måste framgå vem som registrerar det")]
    RecordedLaterAnonymously(NaiveDate),
    /// A proposition naming a motion that does not exist.
    #[error("propositionsordningen i § {number} nämner yrkande {motion}, som inte finns")]
    UnknownMotion {
        /// The §.
        number: u32,
        /// The motion.
        motion: u32,
    },
    /// A withdrawn motion put to the meeting.
    #[error("yrkande {motion} i § {number} är återtaget och kan inte ställas under proposition")]
    WithdrawnMotionPut {
        /// The §.
        number: u32,
        /// The motion.
        motion: u32,
    },
    /// A carried motion that was never put, or a motion put twice.
    #[error("propositionsordningen i § {number} är ogiltig: {reason}")]
    BadPropositions {
        /// The §.
        number: u32,
        /// What is wrong.
        reason: &'static str,
    },
    /// A text that must not be empty.
    #[error("{0} får inte vara tomt")]
    Empty(&'static str),
    /// Any change to sealed minutes.
    #[error("protokollet är justerat och förseglat och kan inte ändras")]
    Sealed,
    /// A change to a § that was adjusted at the meeting.
    #[error("§ {0} är omedelbart justerad och kan inte ändras")]
    ParagraphAdjusted(u32),
    /// An approval by someone who is not chair or adjuster of these minutes.
    #[error("person {person} är inte {role} för det här protokollet")]
    NotASigner {
        /// Who tried.
        person: PersonId,
        /// As what, in Swedish.
        role: &'static str,
    },
    /// The same approval twice.
    #[error("person {0} har redan godkänt")]
    AlreadyApproved(PersonId),
    /// An approval dated before the meeting.
    #[error("ett godkännande ({0}) kan inte ges före sammanträdet ({1})")]
    ApprovalBeforeMeeting(NaiveDate, NaiveDate),
    /// Justering needs a chair and at least one adjuster.
    #[error("protokollet saknar {0}: utse det innan justeringen")]
    MissingSigner(&'static str),
    /// The same person named twice among the chair and the adjusters (KL 5 kap. 69 §: the
    /// chair and at least one other member justerar).
    #[error("person {0} kan inte justera protokollet två gånger: ordförande och varje justerare ska vara olika personer")]
    SignerTwice(PersonId),
    /// The secretary named as chair or adjuster.
    #[error("person {0} är protokollets sekreterare och kan inte vara ordförande eller justerare")]
    SecretaryAsSigner(PersonId),
    /// A chair or adjuster who did not decide at the meeting (or at the §§ approved).
    #[error("person {person} var inte beslutande ledamot {at} och kan inte justera som {role}")]
    SignerNotDeciding {
        /// Who.
        person: PersonId,
        /// As what, in Swedish.
        role: &'static str,
        /// "vid sammanträdet" or "i § N".
        at: String,
    },
}

/// What an approval led to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ApprovalOutcome {
    /// Recorded; these signers have yet to approve the whole minutes.
    Recorded {
        /// Who is left.
        remaining: Vec<PersonId>,
    },
    /// These §§ are now omedelbart justerade.
    ParagraphsAdjusted {
        /// The §§.
        paragraphs: Vec<u32>,
    },
    /// The last approval: the minutes are sealed.
    Sealed,
}

/// Att-sats: one clause of a decision, written without its leading "att".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AttClause(pub String);

/// Beslut: a decision, written as att-clauses ("Individ- och omsorgsutskottet beslutar att
/// …") or as whole sentences naming the body ("Vård- och omsorgsnämnden tar del av …").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum Decision {
    /// Att-satser with the sentence that introduces them ("Socialnämnden beslutar").
    Clauses {
        /// The introduction, such as "Socialnämnden beslutar".
        intro: Option<String>,
        /// The clauses.
        clauses: Vec<AttClause>,
    },
    /// Whole sentences.
    Text {
        /// The text.
        text: String,
    },
}

impl Decision {
    /// The decision as one text, clauses on their own lines.
    pub fn to_text(&self) -> String {
        match self {
            Decision::Text { text } => text.clone(),
            Decision::Clauses { intro, clauses } => {
                let mut out = intro.clone().unwrap_or_default();
                for c in clauses {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str("att ");
                    out.push_str(&c.0);
                }
                out
            }
        }
    }
}

/// Yrkande: a motion made at the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Motion {
    /// Number within the §, from 1.
    pub id: u32,
    /// Who moved it.
    pub by: PersonId,
    /// Who supported it (instämmer).
    pub supported_by: Vec<PersonId>,
    /// The motion, such as "bifall till förvaltningens förslag".
    pub text: String,
    /// Återtaget: withdrawn motions are not put to the meeting.
    pub withdrawn: bool,
}

/// Propositionsordning: the order in which the chair put the motions, and which the chair
/// found carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Propositions {
    /// Motion ids in the order put.
    pub order: Vec<u32>,
    /// The motion the chair found the meeting supported.
    pub carried: Option<u32>,
}

/// A member's vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// Ja.
    Yes,
    /// Nej.
    No,
    /// Avstår.
    Abstain,
}

impl Choice {
    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            Choice::Yes => "ja",
            Choice::No => "nej",
            Choice::Abstain => "avstår",
        }
    }
}

/// One member's ballot in an open vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    /// Who.
    pub person: PersonId,
    /// How they voted.
    pub choice: Choice,
}

/// The result of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteResult {
    /// Ja-röster.
    pub yes: usize,
    /// Nej-röster.
    pub no: usize,
    /// Avstår.
    pub abstain: usize,
    /// Whether ja won; on a tie the vote of the one leading the § decides (utslagsröst,
    /// KL 5 kap. 56 § via 6 kap. 33 §).
    pub yes_wins: bool,
}

/// Omröstning: an open vote where each beslutande votes ja, nej or avstår.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vote {
    yes_means: String,
    no_means: String,
    ballots: Vec<Ballot>,
    chair: Option<PersonId>,
    /// The yrkanden that ja and nej stand for, when the vote was between two of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    motions: Option<(u32, u32)>,
}

impl Vote {
    /// A vote in § `number` whose ballots come from exactly the `deciding` members. `chair`
    /// breaks a tie with their own vote.
    pub fn new(
        number: u32,
        deciding: &[PersonId],
        yes_means: &str,
        no_means: &str,
        ballots: Vec<Ballot>,
        chair: Option<PersonId>,
    ) -> Result<Vote, MinutesError> {
        let mut voters = HashSet::new();
        for b in &ballots {
            if !voters.insert(b.person) {
                return Err(MinutesError::VotedTwice {
                    number,
                    person: b.person,
                });
            }
        }
        let expected: HashSet<PersonId> = deciding.iter().copied().collect();
        if voters != expected {
            let mut missing: Vec<_> = expected.difference(&voters).map(|p| p.0).collect();
            let mut extra: Vec<_> = voters.difference(&expected).map(|p| p.0).collect();
            missing.sort_unstable();
            extra.sort_unstable();
            let mut detail = Vec::new();
            if !missing.is_empty() {
                detail.push(format!("saknar röst från {missing:?}"));
            }
            if !extra.is_empty() {
                detail.push(format!("röst från icke beslutande {extra:?}"));
            }
            return Err(MinutesError::VotersMismatch {
                number,
                detail: detail.join("; "),
            });
        }
        if yes_means.trim().is_empty() || no_means.trim().is_empty() {
            return Err(MinutesError::Empty("vad ja och nej betyder"));
        }
        Ok(Vote {
            yes_means: yes_means.trim().to_string(),
            no_means: no_means.trim().to_string(),
            ballots,
            chair,
            motions: None,
        })
    }

    /// Lika röstetal: only the vote of the one leading the § decides; without it the vote
    /// has no outcome and is refused.
    pub fn check_tie(&self, number: u32) -> Result<(), MinutesError> {
        let r = self.result();
        if r.yes == r.no {
            let casting = self
                .chair
                .and_then(|c| self.ballots.iter().find(|b| b.person == c))
                .map(|b| b.choice);
            if !matches!(casting, Some(Choice::Yes | Choice::No)) {
                return Err(MinutesError::TieUndecided {
                    number,
                    yes: r.yes,
                    no: r.no,
                });
            }
        }
        if let Some((yes, no)) = self.motions {
            if yes == no {
                return Err(MinutesError::BadPropositions {
                    number,
                    reason: "ja och nej står för samma yrkande",
                });
            }
        }
        Ok(())
    }

    /// The vote stood between yrkande `yes` (ja) and yrkande `no` (nej).
    pub fn between_motions(mut self, yes: u32, no: u32) -> Vote {
        self.motions = Some((yes, no));
        self
    }

    /// The yrkanden that ja and nej stand for, when given.
    pub fn motions(&self) -> Option<(u32, u32)> {
        self.motions
    }

    /// The yrkande that won, when the vote stood between two.
    pub fn winning_motion(&self) -> Option<u32> {
        let (yes, no) = self.motions?;
        Some(if self.result().yes_wins { yes } else { no })
    }

    /// What a ja vote supports.
    pub fn yes_means(&self) -> &str {
        &self.yes_means
    }
    /// What a nej vote supports.
    pub fn no_means(&self) -> &str {
        &self.no_means
    }
    /// Every ballot.
    pub fn ballots(&self) -> &[Ballot] {
        &self.ballots
    }
    /// The chair whose vote breaks a tie.
    pub fn chair(&self) -> Option<PersonId> {
        self.chair
    }

    /// Counts the ballots; the counts always add up to the number of voters.
    pub fn result(&self) -> VoteResult {
        let count = |c: Choice| self.ballots.iter().filter(|b| b.choice == c).count();
        let (yes, no, abstain) = (
            count(Choice::Yes),
            count(Choice::No),
            count(Choice::Abstain),
        );
        let chair_choice = self
            .chair
            .and_then(|c| self.ballots.iter().find(|b| b.person == c))
            .map(|b| b.choice);
        let yes_wins = yes > no || (yes == no && yes > 0 && chair_choice == Some(Choice::Yes));
        VoteResult {
            yes,
            no,
            abstain,
            yes_wins,
        }
    }
}

#[derive(Deserialize)]
struct RawVote {
    yes_means: String,
    no_means: String,
    ballots: Vec<Ballot>,
    chair: Option<PersonId>,
    #[serde(default)]
    motions: Option<(u32, u32)>,
}

/// Reservation: a member's dissent from the decision, with optional written reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reservation {
    /// Who.
    pub by: PersonId,
    /// Written reasons (skriftlig reservation), handed in before justering.
    pub reasons: Option<String>,
}

/// Jäv: a member's conflict of interest; they leave and take no part in the §.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// Who.
    pub person: PersonId,
    /// The ground, when stated.
    pub ground: Option<String>,
}

/// Protokollsanteckning: a note entered in the minutes at a member's request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesNote {
    /// Who asked for it.
    pub by: Vec<PersonId>,
    /// The note.
    pub text: String,
}

/// A value in a table cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CellValue {
    /// A number parsed from Swedish formatting.
    Number(f64),
    /// Text.
    Text(String),
    /// Empty.
    Empty,
}

/// A row of a table; "-varav" rows are children of the row they are part of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    /// The row's label.
    pub label: Option<String>,
    /// The cells after the label.
    pub values: Vec<CellValue>,
    /// Rows contained in this one ("-varav").
    pub children: Vec<TableRow>,
}

/// Tabell: a table in a § (a budget follow-up, statistics).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Title, when given.
    pub title: Option<String>,
    /// Column headings.
    pub header: Vec<String>,
    /// Rows.
    pub rows: Vec<TableRow>,
}

/// Paragraf (§): one item of the minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawParagraph")]
pub struct Paragraph {
    /// Number in the body's yearly series.
    pub number: u32,
    /// Title.
    pub title: String,
    /// The case, when registered here.
    pub case: Option<CaseId>,
    /// The diarienummer as written.
    pub case_number: Option<String>,
    /// Sekretess: an individual case stays in the full minutes only.
    pub secrecy: Secrecy,
    /// Beskrivning av ärendet.
    pub text: String,
    /// Förslag till beslut.
    pub proposal: Option<Decision>,
    /// Yrkanden.
    pub motions: Vec<Motion>,
    /// Propositionsordning.
    pub propositions: Option<Propositions>,
    /// Omröstningar.
    votes: Vec<Vote>,
    /// Beslut.
    pub decision: Option<Decision>,
    /// Reservationer.
    pub reservations: Vec<Reservation>,
    /// Jäv.
    conflicts: Vec<Conflict>,
    /// Protokollsanteckningar.
    pub notes: Vec<MinutesNote>,
    /// Beslutsunderlag / handlingar i ärendet.
    pub documents: Vec<String>,
    /// Beslutet skickas till: the dispatch list.
    pub dispatch: Vec<String>,
    /// Tables.
    pub tables: Vec<Table>,
    /// Omedelbart justerad: approved at the meeting.
    pub immediately_adjusted: bool,
    /// Beredning, such as "Arbetsutskottet 2024-01-15 § 3".
    pub prepared_by: Option<String>,
    /// Who leads the § when it is not the ordförande (vice ordförande, or ålderspresident
    /// when both are jäviga or absent); `None` is the minutes' ordförande.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presiding: Option<PersonId>,
    /// How a § without a beslut was dealt with: bordlagt, återremitterat, information.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disposition: Option<Disposition>,
}

/// How a § ended without a beslut in the matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disposition {
    /// Bordlagt: put off to a later meeting.
    Tabled,
    /// Återremitterat: sent back for more preparation.
    ReferredBack,
    /// Information: reported to the body, nothing to decide.
    Information,
}

impl Disposition {
    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            Disposition::Tabled => "bordlagt",
            Disposition::ReferredBack => "återremitterat",
            Disposition::Information => "information",
        }
    }

    /// Reads the Swedish word.
    pub fn parse(s: &str) -> Option<Disposition> {
        match s.trim().to_lowercase().as_str() {
            "bordlagt" | "bordläggs" | "bordlagd" => Some(Disposition::Tabled),
            "återremitterat" | "återremitteras" | "återremiss" => {
                Some(Disposition::ReferredBack)
            }
            "information" | "informationsärende" => Some(Disposition::Information),
            _ => None,
        }
    }
}

#[derive(Deserialize)]
struct RawParagraph {
    number: u32,
    title: String,
    case: Option<CaseId>,
    case_number: Option<String>,
    secrecy: Secrecy,
    text: String,
    proposal: Option<Decision>,
    motions: Vec<Motion>,
    propositions: Option<Propositions>,
    votes: Vec<RawVote>,
    decision: Option<Decision>,
    reservations: Vec<Reservation>,
    conflicts: Vec<Conflict>,
    notes: Vec<MinutesNote>,
    documents: Vec<String>,
    dispatch: Vec<String>,
    tables: Vec<Table>,
    immediately_adjusted: bool,
    prepared_by: Option<String>,
    #[serde(default)]
    presiding: Option<PersonId>,
    #[serde(default)]
    disposition: Option<Disposition>,
}

impl TryFrom<RawParagraph> for Paragraph {
    type Error = MinutesError;
    fn try_from(r: RawParagraph) -> Result<Self, Self::Error> {
        let mut p = Paragraph::new(r.number, &r.title)?;
        p.case = r.case;
        p.case_number = r.case_number;
        p.secrecy = r.secrecy;
        p.text = r.text;
        p.proposal = r.proposal;
        p.motions = r.motions;
        p.propositions = r.propositions;
        p.decision = r.decision;
        p.reservations = r.reservations;
        p.conflicts = r.conflicts;
        p.notes = r.notes;
        p.documents = r.documents;
        p.dispatch = r.dispatch;
        p.tables = r.tables;
        p.immediately_adjusted = r.immediately_adjusted;
        p.prepared_by = r.prepared_by;
        p.presiding = r.presiding;
        p.disposition = r.disposition;
        // Voters are checked against the attendance by Minutes::new; here only their shape.
        for v in r.votes {
            let voters: Vec<PersonId> = v.ballots.iter().map(|b| b.person).collect();
            let mut vote = Vote::new(
                p.number,
                &voters,
                &v.yes_means,
                &v.no_means,
                v.ballots,
                v.chair,
            )?;
            vote.motions = v.motions;
            p.votes.push(vote);
        }
        Ok(p)
    }
}

impl Paragraph {
    /// An empty § with a number and title.
    pub fn new(number: u32, title: &str) -> Result<Paragraph, MinutesError> {
        if number == 0 {
            return Err(MinutesError::ZeroNumber);
        }
        if title.trim().is_empty() {
            return Err(MinutesError::Empty("paragrafens rubrik"));
        }
        Ok(Paragraph {
            number,
            title: title.trim().to_string(),
            case: None,
            case_number: None,
            secrecy: Secrecy::Public,
            text: String::new(),
            proposal: None,
            motions: Vec::new(),
            propositions: None,
            votes: Vec::new(),
            decision: None,
            reservations: Vec::new(),
            conflicts: Vec::new(),
            notes: Vec::new(),
            documents: Vec::new(),
            dispatch: Vec::new(),
            tables: Vec::new(),
            immediately_adjusted: false,
            prepared_by: None,
            presiding: None,
            disposition: None,
        })
    }

    /// Names who leads the § (`None`: the ordförande); refused once the § has voted.
    pub fn set_presiding(&mut self, who: Option<PersonId>) -> Result<(), MinutesError> {
        if !self.votes.is_empty() && who != self.presiding {
            return Err(MinutesError::PresidingAfterVote(self.number));
        }
        self.presiding = who;
        Ok(())
    }

    /// Whether the § is dealt with: it has a beslut, or was bordlagt, återremitterat or
    /// information.
    pub fn is_decided(&self) -> bool {
        self.decision.is_some() || self.disposition.is_some()
    }

    /// Records a yrkande by someone present for the §, supported (instämmer) by others;
    /// returns its number within the §.
    pub fn add_motion(
        &mut self,
        attendance: &Attendance,
        by: PersonId,
        supported_by: Vec<PersonId>,
        text: &str,
    ) -> Result<u32, MinutesError> {
        if text.trim().is_empty() {
            return Err(MinutesError::Empty("yrkandet"));
        }
        let id = self.motions.iter().map(|m| m.id).max().unwrap_or(0) + 1;
        self.motions.push(Motion {
            id,
            by,
            supported_by,
            text: text.trim().to_string(),
            withdrawn: false,
        });
        if let Err(e) = self.check(attendance) {
            self.motions.pop();
            return Err(e);
        }
        Ok(id)
    }

    /// Återtar a yrkande: it is no longer put to the meeting.
    pub fn withdraw_motion(&mut self, id: u32) -> Result<(), MinutesError> {
        let number = self.number;
        let m = self
            .motions
            .iter_mut()
            .find(|m| m.id == id)
            .ok_or(MinutesError::UnknownMotion { number, motion: id })?;
        m.withdrawn = true;
        Ok(())
    }

    /// Propositionsordning: the motions in the order the chair put them, and the one the
    /// chair found carried.
    pub fn set_propositions(
        &mut self,
        attendance: &Attendance,
        order: Vec<u32>,
        carried: Option<u32>,
    ) -> Result<(), MinutesError> {
        let before = self.propositions.replace(Propositions { order, carried });
        let checked = self.check(attendance);
        if checked.is_err() {
            self.propositions = before;
        }
        checked
    }

    /// Omröstningar.
    pub fn votes(&self) -> &[Vote] {
        &self.votes
    }
    /// Jäv.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// The beslutande of this §: those deciding by the attendance, less those with jäv.
    pub fn deciding(&self, attendance: &Attendance) -> Vec<PersonId> {
        attendance
            .deciding_for(self.number)
            .into_iter()
            .filter(|p| !self.conflicts.iter().any(|c| c.person == *p))
            .collect()
    }

    /// Records jäv: the person takes no part in the §. Refused when they have already voted,
    /// moved or reserved themselves in it.
    pub fn record_conflict(&mut self, conflict: Conflict) -> Result<(), MinutesError> {
        self.check_conflict_free(conflict.person)?;
        if !self.conflicts.iter().any(|c| c.person == conflict.person) {
            self.conflicts.push(conflict);
        }
        Ok(())
    }

    /// Records an open vote among the beslutande of this §; `chair` is the one leading the §,
    /// whose vote decides a tie; `motions` the yrkanden that ja and nej stand for. When the §
    /// has a propositionsordning, the yrkande the vote carried becomes the one carried.
    pub fn record_vote(
        &mut self,
        attendance: &Attendance,
        yes_means: &str,
        no_means: &str,
        ballots: Vec<Ballot>,
        chair: Option<PersonId>,
        motions: Option<(u32, u32)>,
    ) -> Result<(), MinutesError> {
        for b in &ballots {
            if self.conflicts.iter().any(|c| c.person == b.person) {
                return Err(MinutesError::ConflictTakesPart {
                    number: self.number,
                    person: b.person,
                    what: "omröstningen",
                });
            }
        }
        let vote = Vote::new(
            self.number,
            &self.deciding(attendance),
            yes_means,
            no_means,
            ballots,
            chair,
        )?;
        let vote = match motions {
            Some((yes, no)) => vote.between_motions(yes, no),
            None => vote,
        };
        // The casting vote is the one leading the §'s: they must decide in it.
        if let Some(c) = chair {
            if !self.deciding(attendance).contains(&c) {
                return Err(MinutesError::PresidingNotDeciding {
                    number: self.number,
                    person: c,
                });
            }
        }
        vote.check_tie(self.number)?;
        let winner = vote.winning_motion();
        let before = (self.votes.clone(), self.propositions.clone());
        self.votes.push(vote);
        if let (Some(w), Some(p)) = (winner, self.propositions.as_mut()) {
            p.carried = Some(w);
        }
        if let Err(e) = self.check(attendance) {
            (self.votes, self.propositions) = before;
            return Err(e);
        }
        Ok(())
    }

    fn check_conflict_free(&self, person: PersonId) -> Result<(), MinutesError> {
        let err = |what| MinutesError::ConflictTakesPart {
            number: self.number,
            person,
            what,
        };
        if self
            .votes
            .iter()
            .any(|v| v.ballots.iter().any(|b| b.person == person))
        {
            return Err(err("omröstningen"));
        }
        if self
            .motions
            .iter()
            .any(|m| m.by == person || m.supported_by.contains(&person))
        {
            return Err(err("ett yrkande"));
        }
        if self.reservations.iter().any(|r| r.by == person) {
            return Err(err("en reservation"));
        }
        Ok(())
    }

    /// Checks the § against the attendance: KL 5 kap. 67 § (votes by exactly the beslutande,
    /// counts adding up), jäv (no part in the §), reservations by beslutande, motions by
    /// those present, propositions naming real motions.
    pub fn check(&self, attendance: &Attendance) -> Result<(), MinutesError> {
        self.check_with(attendance, true)
    }

    /// The checks of [`Paragraph::check`]; minutes stored before the rules of lawful
    /// decisions (`lawful` false) are read back with the rules they were written under, and
    /// meet the rest at [`Minutes::check_complete`] before any seal.
    fn check_with(&self, attendance: &Attendance, lawful: bool) -> Result<(), MinutesError> {
        if lawful && self.decision.is_some() && self.disposition.is_some() {
            return Err(MinutesError::DecidedAndDisposed(self.number));
        }
        for c in &self.conflicts {
            self.check_conflict_free(c.person)?;
            // A beslutande of the meeting; one who left the room for this § (and was replaced
            // for it) still has jäv recorded for it.
            let seated = attendance.get(c.person).is_some_and(|a| a.role.decides());
            if lawful && !seated {
                return Err(MinutesError::ConflictByNonDecider {
                    number: self.number,
                    person: c.person,
                });
            }
        }
        let deciding = self.deciding(attendance);
        for v in &self.votes {
            Vote::new(
                self.number,
                &deciding,
                &v.yes_means,
                &v.no_means,
                v.ballots.clone(),
                v.chair,
            )?;
            if lawful {
                v.check_tie(self.number)?;
            }
        }
        for r in &self.reservations {
            if !deciding.contains(&r.by) {
                return Err(MinutesError::ReservationByNonDecider {
                    number: self.number,
                    person: r.by,
                });
            }
        }
        for m in &self.motions {
            let present = |p: &PersonId| {
                attendance
                    .get(*p)
                    .is_some_and(|a| a.presence.covers(self.number))
            };
            for person in std::iter::once(&m.by).chain(&m.supported_by) {
                let may = if lawful {
                    deciding.contains(person)
                } else {
                    present(person)
                };
                if !may {
                    return Err(MinutesError::MotionByNonDecider {
                        number: self.number,
                        person: *person,
                    });
                }
            }
        }
        for n in self.notes.iter().filter(|_| lawful) {
            for person in &n.by {
                let present = attendance
                    .get(*person)
                    .is_some_and(|a| a.presence.covers(self.number));
                if !present {
                    return Err(MinutesError::NoteByAbsent {
                        number: self.number,
                        person: *person,
                    });
                }
            }
        }
        for v in &self.votes {
            if let Some((yes, no)) = v.motions {
                for id in [yes, no] {
                    if !self.motions.iter().any(|m| m.id == id) {
                        return Err(MinutesError::UnknownMotion {
                            number: self.number,
                            motion: id,
                        });
                    }
                }
            }
        }
        let last_winner = self.votes.iter().rev().find_map(Vote::winning_motion);
        if let (Some(winner), Some(carried)) = (
            last_winner,
            self.propositions.as_ref().and_then(|p| p.carried),
        ) {
            if winner != carried {
                return Err(MinutesError::DecisionAgainstVote {
                    number: self.number,
                    winner,
                    carried,
                });
            }
        }
        if let Some(p) = &self.propositions {
            for id in p.order.iter().chain(p.carried.iter()) {
                match self.motions.iter().find(|m| m.id == *id) {
                    None => {
                        return Err(MinutesError::UnknownMotion {
                            number: self.number,
                            motion: *id,
                        })
                    }
                    Some(m) if m.withdrawn => {
                        return Err(MinutesError::WithdrawnMotionPut {
                            number: self.number,
                            motion: *id,
                        })
                    }
                    Some(_) => {}
                }
            }
            let bad = |reason| MinutesError::BadPropositions {
                number: self.number,
                reason,
            };
            if p.order.is_empty() {
                return Err(bad("inget yrkande ställs under proposition"));
            }
            if p.order
                .iter()
                .enumerate()
                .any(|(i, id)| p.order[..i].contains(id))
            {
                return Err(bad("ett yrkande ställs två gånger"));
            }
            if p.carried.is_some_and(|c| !p.order.contains(&c)) {
                return Err(bad("det bifallna yrkandet ställdes inte under proposition"));
            }
        }
        Ok(())
    }
}

/// The § numbers a body has already used in a calendar year (from the store).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParagraphSeries {
    /// The body.
    pub body: Option<BodyId>,
    /// The calendar year.
    pub year: i32,
    /// Numbers used by other meetings of the body that year.
    pub used: BTreeSet<u32>,
}

impl ParagraphSeries {
    /// The next number of the series: one after the highest used, or 1.
    pub fn next(&self) -> u32 {
        self.used.last().map_or(1, |n| n + 1)
    }
}

/// The rules for who justerar (KL 5 kap. 69 §): the chair and each adjuster are different
/// persons, and the secretary, who writes the minutes, is neither.
fn check_signers(
    secretary: Option<PersonId>,
    chair: Option<PersonId>,
    adjusters: &[PersonId],
) -> Result<(), MinutesError> {
    let mut seen = HashSet::new();
    for p in chair.iter().chain(adjusters) {
        if !seen.insert(*p) {
            return Err(MinutesError::SignerTwice(*p));
        }
        if Some(*p) == secretary {
            return Err(MinutesError::SecretaryAsSigner(*p));
        }
    }
    Ok(())
}

/// Godkännande vid justering: one signer's approval of the minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    /// Who signed.
    pub signer: PersonId,
    /// As what.
    pub role: SignerRole,
    /// When.
    pub time: DateTime<FixedOffset>,
    /// How, such as "Svensk e-legitimation" or "Paragraf-inloggning".
    pub method: String,
    /// The §§ approved, for omedelbar justering; empty means the whole minutes.
    pub paragraphs: Vec<u32>,
    /// Registrerat i efterhand: an approval given earlier (signed on paper) and recorded
    /// here later — when and by whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded: Option<Recorded>,
}

/// When and by whom an approval given earlier was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    /// When it was recorded.
    pub at: DateTime<FixedOffset>,
    /// Who recorded it (a user name).
    pub by: String,
}

/// In what capacity someone signs the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignerRole {
    /// Sekreterare.
    Secretary,
    /// Ordförande.
    Chair,
    /// Justerare.
    Adjuster,
}

impl SignerRole {
    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            SignerRole::Secretary => "sekreterare",
            SignerRole::Chair => "ordförande",
            SignerRole::Adjuster => "justerare",
        }
    }
}

/// Protokoll: the minutes of one meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawMinutes")]
pub struct Minutes {
    /// The body whose minutes these are.
    body: BodyId,
    /// The meeting date (its year numbers the §§).
    date: NaiveDate,
    /// Närvarolista.
    attendance: Attendance,
    /// §§ in order.
    paragraphs: Vec<Paragraph>,
    /// Sekreterare.
    secretary: Option<PersonId>,
    /// Ordförande.
    chair: Option<PersonId>,
    /// Utses att justera.
    adjusters: Vec<PersonId>,
    /// Justeringens plats och tid, as written ("Digital signering").
    adjustment_place: Option<String>,
    /// Approvals given.
    approvals: Vec<Approval>,
    /// Sigill: set by the last approval; afterwards the minutes never change.
    seal: Option<Seal>,
    /// A field that only tests have: it shows that a field added later changes no seal.
    #[cfg(test)]
    #[serde(default)]
    pub(crate) test_only_extra: Option<String>,
}

#[derive(Deserialize)]
struct RawMinutes {
    body: BodyId,
    date: NaiveDate,
    attendance: Attendance,
    paragraphs: Vec<Paragraph>,
    secretary: Option<PersonId>,
    chair: Option<PersonId>,
    adjusters: Vec<PersonId>,
    adjustment_place: Option<String>,
    approvals: Vec<Approval>,
    seal: Option<Seal>,
    #[cfg(test)]
    #[serde(default)]
    test_only_extra: Option<String>,
}

impl TryFrom<RawMinutes> for Minutes {
    type Error = MinutesError;
    fn try_from(r: RawMinutes) -> Result<Self, Self::Error> {
        let mut m = Minutes::build(r.body, r.date, r.attendance, r.paragraphs, None, false)?;
        m.secretary = r.secretary;
        m.chair = r.chair;
        m.adjusters = r.adjusters;
        m.adjustment_place = r.adjustment_place;
        m.approvals = r.approvals;
        m.seal = r.seal;
        #[cfg(test)]
        {
            m.test_only_extra = r.test_only_extra;
        }
        Ok(m)
    }
}

impl Minutes {
    /// Minutes with their §§, checked: numbers unique and ascending, each § consistent with
    /// the attendance. With `series`, the numbers must also continue the body's series for
    /// the year without reusing a number.
    pub fn new(
        body: BodyId,
        date: NaiveDate,
        attendance: Attendance,
        paragraphs: Vec<Paragraph>,
        series: Option<&ParagraphSeries>,
    ) -> Result<Minutes, MinutesError> {
        Minutes::build(body, date, attendance, paragraphs, series, true)
    }

    fn build(
        body: BodyId,
        date: NaiveDate,
        attendance: Attendance,
        paragraphs: Vec<Paragraph>,
        series: Option<&ParagraphSeries>,
        lawful: bool,
    ) -> Result<Minutes, MinutesError> {
        use chrono::Datelike;
        let year = date.year();
        let mut seen = HashSet::new();
        for p in &paragraphs {
            if !seen.insert(p.number) || series.is_some_and(|s| s.used.contains(&p.number)) {
                return Err(MinutesError::DuplicateNumber {
                    number: p.number,
                    year,
                });
            }
            p.check_with(&attendance, lawful)?;
        }
        if let Some(s) = series {
            for (expected, p) in (s.next()..).zip(&paragraphs) {
                if p.number != expected {
                    return Err(MinutesError::NotInSeries {
                        year,
                        expected,
                        got: p.number,
                    });
                }
            }
        }
        Ok(Minutes {
            body,
            date,
            attendance,
            paragraphs,
            secretary: None,
            chair: None,
            adjusters: Vec::new(),
            adjustment_place: None,
            approvals: Vec::new(),
            seal: None,
            #[cfg(test)]
            test_only_extra: None,
        })
    }

    /// The body.
    pub fn body(&self) -> BodyId {
        self.body
    }
    /// The meeting date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }
    /// Närvarolista.
    pub fn attendance(&self) -> &Attendance {
        &self.attendance
    }
    /// The §§ in order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }
    /// § `number`.
    pub fn paragraph(&self, number: u32) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.number == number)
    }

    /// Changes § `number` through `f`; the change is kept only if the § still passes its
    /// checks.
    pub fn edit_paragraph(
        &mut self,
        number: u32,
        f: impl FnOnce(&mut Paragraph, &Attendance) -> Result<(), MinutesError>,
    ) -> Result<(), MinutesError> {
        self.ensure_open()?;
        let idx = self
            .paragraphs
            .iter()
            .position(|p| p.number == number)
            .ok_or(MinutesError::NoSuchParagraph(number))?;
        if self.paragraphs[idx].immediately_adjusted {
            return Err(MinutesError::ParagraphAdjusted(number));
        }
        let mut draft = self.paragraphs[idx].clone();
        f(&mut draft, &self.attendance)?;
        if draft.number != number {
            return Err(MinutesError::DuplicateNumber {
                number: draft.number,
                year: chrono::Datelike::year(&self.date),
            });
        }
        draft.check(&self.attendance)?;
        if self.paragraphs[idx] != draft {
            self.paragraphs[idx] = draft;
            self.withdraw_approvals(Some(number));
        }
        Ok(())
    }

    /// An approval covers the text it was given on: a change withdraws the ordförande's and
    /// justerares' approvals of the whole minutes and those of the changed § (`None`: every
    /// §), to be given again.
    fn withdraw_approvals(&mut self, changed: Option<u32>) {
        self.approvals.retain(|a| {
            a.role == SignerRole::Secretary
                || (!a.paragraphs.is_empty() && changed.is_some_and(|n| !a.paragraphs.contains(&n)))
        });
    }

    /// The range of § numbers, as on the cover page ("§§ 114–120").
    pub fn number_range(&self) -> Option<(u32, u32)> {
        let first = self.paragraphs.first()?.number;
        let last = self.paragraphs.last()?.number;
        Some((first, last))
    }

    /// Sekreterare.
    pub fn secretary(&self) -> Option<PersonId> {
        self.secretary
    }
    /// Ordförande.
    pub fn chair(&self) -> Option<PersonId> {
        self.chair
    }
    /// Justerare.
    pub fn adjusters(&self) -> &[PersonId] {
        &self.adjusters
    }
    /// Justeringens plats och tid.
    pub fn adjustment_place(&self) -> Option<&str> {
        self.adjustment_place.as_deref()
    }

    /// Approvals given so far.
    pub fn approvals(&self) -> &[Approval] {
        &self.approvals
    }
    /// The seal, once the minutes are adjusted.
    pub fn seal(&self) -> Option<&Seal> {
        self.seal.as_ref()
    }
    /// Whether the minutes are adjusted and sealed.
    pub fn is_sealed(&self) -> bool {
        self.seal.is_some()
    }

    fn ensure_open(&self) -> Result<(), MinutesError> {
        if self.is_sealed() {
            Err(MinutesError::Sealed)
        } else {
            Ok(())
        }
    }

    /// Sets who signs: secretary, chair and adjusters, and where and when the justering takes
    /// place. Refused once anyone has approved.
    pub fn set_signers(
        &mut self,
        secretary: Option<PersonId>,
        chair: Option<PersonId>,
        adjusters: Vec<PersonId>,
        place: Option<String>,
    ) -> Result<(), MinutesError> {
        self.ensure_open()?;
        if !self.approvals.is_empty() {
            return Err(MinutesError::AlreadyApproved(self.approvals[0].signer));
        }
        check_signers(secretary, chair, &adjusters)?;
        self.secretary = secretary;
        self.chair = chair;
        self.adjusters = adjusters;
        self.adjustment_place = place;
        Ok(())
    }

    /// A chair or adjuster must be a deciding member present at the meeting, or, approving
    /// named §§, deciding in each of them.
    fn check_deciding(
        &self,
        person: PersonId,
        role: SignerRole,
        paragraphs: &[u32],
    ) -> Result<(), MinutesError> {
        let role = match role {
            SignerRole::Chair => "ordförande",
            SignerRole::Adjuster => "justerare",
            SignerRole::Secretary => "sekreterare",
        };
        let deciding = self
            .attendance
            .get(person)
            .is_some_and(|a| a.role.decides());
        if !deciding {
            return Err(MinutesError::SignerNotDeciding {
                person,
                role,
                at: "vid sammanträdet".into(),
            });
        }
        for n in paragraphs {
            if !self.attendance.deciding_for(*n).contains(&person) {
                return Err(MinutesError::SignerNotDeciding {
                    person,
                    role,
                    at: format!("i § {n}"),
                });
            }
        }
        Ok(())
    }

    /// Replaces the närvarolista; every § is checked against the new list. Refused after
    /// the seal.
    pub fn set_attendance(&mut self, attendance: Attendance) -> Result<(), MinutesError> {
        self.ensure_open()?;
        // Who decided in a § justerad at the meeting is fixed with it.
        if let Some(p) = self.paragraphs.iter().find(|p| p.immediately_adjusted) {
            return Err(MinutesError::ParagraphAdjusted(p.number));
        }
        for p in &self.paragraphs {
            p.check(&attendance)?;
        }
        if self.attendance != attendance {
            self.attendance = attendance;
            self.withdraw_approvals(None);
        }
        Ok(())
    }

    /// Adds a § at the end; its number must follow the last.
    pub fn add_paragraph(&mut self, p: Paragraph) -> Result<(), MinutesError> {
        self.ensure_open()?;
        let year = chrono::Datelike::year(&self.date);
        if let Some(last) = self.paragraphs.last() {
            if p.number != last.number + 1 {
                return Err(MinutesError::NotInSeries {
                    year,
                    expected: last.number + 1,
                    got: p.number,
                });
            }
        }
        p.check(&self.attendance)?;
        self.paragraphs.push(p);
        Ok(())
    }

    /// The canonical text that the seal covers, in the format this version writes
    /// ([`crate::canonical`], format 1).
    pub fn canonical(&self) -> String {
        crate::canonical::v1(self)
    }

    /// The canonical text of Paragraf's first versions (format 0): the minutes as serde
    /// JSON without the seal. Only to verify old seals.
    pub fn canonical_v0(&self) -> String {
        let mut copy = self.clone();
        copy.seal = None;
        serde_json::to_string(&copy).expect("minutes serialise")
    }

    /// The §§ whose case comes back at a later meeting: bordlagda or återremitterade.
    pub fn carried_over(&self) -> Vec<&Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| {
                p.case.is_some()
                    && matches!(
                        p.disposition,
                        Some(Disposition::Tabled | Disposition::ReferredBack)
                    )
            })
            .collect()
    }

    /// Who leads § `number`: the one named for the §, else the ordförande.
    pub fn presiding_in(&self, number: u32) -> Option<PersonId> {
        self.paragraph(number)
            .and_then(|p| p.presiding)
            .or(self.chair)
    }

    /// Beslutförhet in § `number` (KL 6 kap. 27 §): the beslutande taking part (tjänstgörande
    /// ersättare counted, the jäviga and the absent left out) and the seats, when known.
    pub fn quorum(&self, number: u32) -> Option<(u32, Option<u32>)> {
        let p = self.paragraph(number)?;
        Some((
            p.deciding(&self.attendance).len() as u32,
            self.attendance.seats(),
        ))
    }

    /// The checks of the seal: the minutes are whole and the decisions lawful — a
    /// närvarolista with the seats counted; every § decided (or bordlagt, återremitterat,
    /// information) by more than half of the seats (KL 6 kap. 27 §) and led by a beslutande
    /// who holds the casting vote of its votes; ordförande and justerare named, different and
    /// deciding; justeringens plats och tid given.
    pub fn check_complete(&self) -> Result<(), MinutesError> {
        if self.attendance.attendees().is_empty() {
            return Err(MinutesError::NoAttendance);
        }
        let seats = self.attendance.seats().ok_or(MinutesError::SeatsUnknown)?;
        let chair = self
            .chair
            .ok_or(MinutesError::MissingSigner("ordförande"))?;
        if self.adjusters.is_empty() {
            return Err(MinutesError::MissingSigner("justerare"));
        }
        check_signers(self.secretary, Some(chair), &self.adjusters)?;
        for person in std::iter::once(&chair).chain(&self.adjusters) {
            let role = if *person == chair {
                SignerRole::Chair
            } else {
                SignerRole::Adjuster
            };
            self.check_deciding(*person, role, &[])?;
        }
        if self
            .adjustment_place
            .as_deref()
            .is_none_or(|p| p.trim().is_empty())
        {
            return Err(MinutesError::NoAdjustmentPlace);
        }
        for p in &self.paragraphs {
            self.check_paragraph_lawful(p, seats, chair)?;
        }
        Ok(())
    }

    /// One § by the rules of the seal: decided (or bordlagt, återremitterat, information),
    /// lawful by today's rules of [`Paragraph::check`], decided by more than half of the
    /// seats, led by a beslutande who holds its casting vote.
    fn check_paragraph_lawful(
        &self,
        p: &Paragraph,
        seats: u32,
        chair: PersonId,
    ) -> Result<(), MinutesError> {
        {
            if !p.is_decided() {
                return Err(MinutesError::Undecided(p.number));
            }
            if p.decision.is_some() && p.disposition.is_some() {
                return Err(MinutesError::DecidedAndDisposed(p.number));
            }
            p.check(&self.attendance)?;
            let deciding = p.deciding(&self.attendance);
            let taking_part = deciding.len() as u32;
            if taking_part * 2 <= seats {
                return Err(MinutesError::NoQuorum {
                    number: p.number,
                    taking_part,
                    seats,
                });
            }
            let presiding = p.presiding.unwrap_or(chair);
            if !deciding.contains(&presiding) {
                return Err(MinutesError::PresidingNotDeciding {
                    number: p.number,
                    person: presiding,
                });
            }
            for v in &p.votes {
                if v.chair != Some(presiding) {
                    return Err(MinutesError::CastingVoteNotPresiding {
                        number: p.number,
                        presiding,
                        given: v.chair.unwrap_or(PersonId(0)),
                    });
                }
            }
        }
        Ok(())
    }

    /// Whether `person` is to approve the whole minutes (as ordförande or justerare) and
    /// has not yet done so.
    pub fn awaits_approval_from(&self, person: PersonId) -> bool {
        (self.chair == Some(person) || self.adjusters.contains(&person))
            && !self
                .approvals
                .iter()
                .any(|a| a.signer == person && a.paragraphs.is_empty())
    }

    /// Records one signer's approval (justering) at `now`. The chair approves as
    /// ordförande, the adjusters as justerare; the secretary's signature is recorded but
    /// seals nothing. An approval of the whole minutes needs them complete
    /// ([`Minutes::check_complete`]). An approval of named §§ (omedelbar justering) is given
    /// at the meeting, of decided §§ only, and makes them omedelbart justerade once the chair
    /// and every adjuster approved them. An approval is never dated after `now`; one dated
    /// before today is recorded later and says by whom. The last approval of the whole
    /// minutes seals them with `key`.
    pub fn approve(
        &mut self,
        mut approval: Approval,
        key: &ed25519_dalek::SigningKey,
        now: DateTime<FixedOffset>,
    ) -> Result<ApprovalOutcome, MinutesError> {
        self.ensure_open()?;
        if approval.time > now {
            return Err(MinutesError::ApprovalInFuture(approval.time));
        }
        let day = approval.time.date_naive();
        match &mut approval.recorded {
            Some(r) => r.at = now,
            None if day < now.date_naive() => {
                return Err(MinutesError::RecordedLaterAnonymously(day))
            }
            None => {}
        }
        if approval.paragraphs.is_empty() {
            if approval.role != SignerRole::Secretary {
                self.check_complete()?;
            }
        } else {
            if day != self.date {
                return Err(MinutesError::ImmediateNotAtMeeting {
                    date: day,
                    meeting: self.date,
                });
            }
            // Each § justerad now is held to the rules of the seal on its own.
            if self.attendance.attendees().is_empty() {
                return Err(MinutesError::NoAttendance);
            }
            let seats = self.attendance.seats().ok_or(MinutesError::SeatsUnknown)?;
            let chair = self
                .chair
                .ok_or(MinutesError::MissingSigner("ordförande"))?;
            for n in &approval.paragraphs {
                if let Some(p) = self.paragraph(*n) {
                    if p.decision.is_none() {
                        return Err(MinutesError::ImmediateUndecided(*n));
                    }
                    self.check_paragraph_lawful(p, seats, chair)?;
                }
            }
        }
        self.record_approval(approval, key)
    }

    /// Records an approval as a published protocol states it (import of minutes justerade
    /// elsewhere): the signers' rules hold, but the seal attests the document as published,
    /// not that Paragraf found it complete — the importer reports what
    /// [`Minutes::check_complete`] finds.
    pub fn approve_published(
        &mut self,
        approval: Approval,
        key: &ed25519_dalek::SigningKey,
    ) -> Result<ApprovalOutcome, MinutesError> {
        self.record_approval(approval, key)
    }

    fn record_approval(
        &mut self,
        approval: Approval,
        key: &ed25519_dalek::SigningKey,
    ) -> Result<ApprovalOutcome, MinutesError> {
        self.ensure_open()?;
        let chair = self
            .chair
            .ok_or(MinutesError::MissingSigner("ordförande"))?;
        if self.adjusters.is_empty() {
            return Err(MinutesError::MissingSigner("justerare"));
        }
        check_signers(self.secretary, Some(chair), &self.adjusters)?;
        if approval.time.date_naive() < self.date {
            return Err(MinutesError::ApprovalBeforeMeeting(
                approval.time.date_naive(),
                self.date,
            ));
        }
        let person = approval.signer;
        match approval.role {
            SignerRole::Chair if person != chair => {
                return Err(MinutesError::NotASigner {
                    person,
                    role: "ordförande",
                })
            }
            SignerRole::Adjuster if !self.adjusters.contains(&person) => {
                return Err(MinutesError::NotASigner {
                    person,
                    role: "justerare",
                })
            }
            SignerRole::Secretary if self.secretary != Some(person) => {
                return Err(MinutesError::NotASigner {
                    person,
                    role: "sekreterare",
                })
            }
            _ => {}
        }
        for n in &approval.paragraphs {
            if self.paragraph(*n).is_none() {
                return Err(MinutesError::NoSuchParagraph(*n));
            }
        }
        if approval.role != SignerRole::Secretary {
            self.check_deciding(person, approval.role, &approval.paragraphs)?;
        }
        let same = |a: &Approval| {
            a.signer == person
                && a.role == approval.role
                && (a.paragraphs.is_empty()
                    || a.paragraphs.iter().any(|n| approval.paragraphs.contains(n)))
        };
        if self.approvals.iter().any(same) {
            return Err(MinutesError::AlreadyApproved(person));
        }
        let time = approval.time;
        let partial = !approval.paragraphs.is_empty();
        self.approvals.push(approval);
        let mut signers = vec![(chair, SignerRole::Chair)];
        signers.extend(self.adjusters.iter().map(|a| (*a, SignerRole::Adjuster)));
        let approved = |who: PersonId, role: SignerRole, n: Option<u32>| {
            self.approvals.iter().any(|a| {
                a.signer == who
                    && a.role == role
                    && match n {
                        None => a.paragraphs.is_empty(),
                        Some(n) => a.paragraphs.is_empty() || a.paragraphs.contains(&n),
                    }
            })
        };
        if partial {
            let newly: Vec<u32> = self
                .paragraphs
                .iter()
                .filter(|p| !p.immediately_adjusted)
                .filter(|p| {
                    signers
                        .iter()
                        .all(|(w, r)| approved(*w, *r, Some(p.number)))
                })
                .map(|p| p.number)
                .collect();
            for p in self
                .paragraphs
                .iter_mut()
                .filter(|p| newly.contains(&p.number))
            {
                p.immediately_adjusted = true;
            }
            if !newly.is_empty() {
                return Ok(ApprovalOutcome::ParagraphsAdjusted { paragraphs: newly });
            }
        }
        let remaining: Vec<PersonId> = signers
            .iter()
            .filter(|(w, r)| !approved(*w, *r, None))
            .map(|(w, _)| *w)
            .collect();
        if remaining.is_empty() {
            let canonical = self.canonical();
            self.seal = Some(crate::seal::seal(&canonical, key, time));
            return Ok(ApprovalOutcome::Sealed);
        }
        Ok(ApprovalOutcome::Recorded { remaining })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::{AttendanceRole, Attendee, Presence};
    use crate::org::{Membership, MembershipRole};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Five ledamöter (1–5) of body 1; 6 is an ersättare serving for 5.
    fn attendance() -> Attendance {
        let mut seats: Vec<Membership> = (1..=5)
            .map(|p| {
                Membership::new(
                    PersonId(p),
                    BodyId(1),
                    MembershipRole::Member,
                    None,
                    None,
                    None,
                    d("2023-01-01"),
                    None,
                )
                .unwrap()
            })
            .collect();
        seats.push(
            Membership::new(
                PersonId(6),
                BodyId(1),
                MembershipRole::Substitute,
                None,
                None,
                None,
                d("2023-01-01"),
                None,
            )
            .unwrap(),
        );
        let a = |p, role| Attendee {
            person: PersonId(p),
            role,
            position: None,
            party: None,
            presence: Presence::whole_meeting(),
        };
        Attendance::new(
            BodyId(1),
            d("2025-09-01"),
            &seats,
            vec![
                a(1, AttendanceRole::Member),
                a(2, AttendanceRole::Member),
                a(3, AttendanceRole::Member),
                a(4, AttendanceRole::Member),
                a(
                    6,
                    AttendanceRole::ServingSubstitute {
                        replaces: PersonId(5),
                    },
                ),
            ],
        )
        .unwrap()
    }

    fn ballots(choices: &[(i64, Choice)]) -> Vec<Ballot> {
        choices
            .iter()
            .map(|(p, c)| Ballot {
                person: PersonId(*p),
                choice: *c,
            })
            .collect()
    }

    #[test]
    fn a_vote_is_cast_by_exactly_the_deciding_members() {
        let att = attendance();
        let mut p = Paragraph::new(115, "Budgetuppföljning").unwrap();
        use Choice::*;
        // Missing member 6.
        let err = p
            .record_vote(
                &att,
                "bifall",
                "avslag",
                ballots(&[(1, Yes), (2, No), (3, Yes), (4, No)]),
                None,
                None,
            )
            .unwrap_err();
        assert!(matches!(err, MinutesError::VotersMismatch { .. }), "{err}");
        // Member 5 is absent (replaced by 6).
        let err = p
            .record_vote(
                &att,
                "bifall",
                "avslag",
                ballots(&[(1, Yes), (2, No), (3, Yes), (4, No), (6, Yes), (5, Yes)]),
                None,
                None,
            )
            .unwrap_err();
        assert!(err.to_string().contains("icke beslutande"), "{err}");
        // Twice.
        let err = p
            .record_vote(
                &att,
                "bifall",
                "avslag",
                ballots(&[(1, Yes), (1, No)]),
                None,
                None,
            )
            .unwrap_err();
        assert!(matches!(err, MinutesError::VotedTwice { .. }));
        // Right: 2 ja, 2 nej, 1 avstår; the chair (1) voted ja and breaks the tie.
        p.record_vote(
            &att,
            "bifall till ordförandens yrkande",
            "bifall till Tomas Petterssons yrkande",
            ballots(&[(1, Yes), (2, No), (3, Yes), (4, No), (6, Abstain)]),
            Some(PersonId(1)),
            None,
        )
        .unwrap();
        let r = p.votes()[0].result();
        assert_eq!((r.yes, r.no, r.abstain), (2, 2, 1));
        assert_eq!(r.yes + r.no + r.abstain, 5);
        assert!(r.yes_wins);
    }

    #[test]
    fn a_member_with_conflict_takes_no_part() {
        let att = attendance();
        let mut p = Paragraph::new(116, "Avtal").unwrap();
        p.record_conflict(Conflict {
            person: PersonId(2),
            ground: Some("släktskap".into()),
        })
        .unwrap();
        assert_eq!(
            p.deciding(&att),
            vec![PersonId(1), PersonId(3), PersonId(4), PersonId(6)]
        );
        use Choice::*;
        let err = p
            .record_vote(
                &att,
                "ja",
                "nej",
                ballots(&[(1, Yes), (2, No), (3, Yes), (4, No), (6, Yes)]),
                None,
                None,
            )
            .unwrap_err();
        assert!(
            matches!(err, MinutesError::ConflictTakesPart { .. }),
            "{err}"
        );
        p.record_vote(
            &att,
            "ja",
            "nej",
            ballots(&[(1, Yes), (3, Yes), (4, No), (6, Yes)]),
            None,
            None,
        )
        .unwrap();
        // A reservation by the member with jäv is refused by the check.
        p.reservations.push(Reservation {
            by: PersonId(2),
            reasons: None,
        });
        assert!(p.check(&att).is_err());
        p.reservations.clear();
        // Jäv after having voted is refused.
        let err = p
            .record_conflict(Conflict {
                person: PersonId(4),
                ground: None,
            })
            .unwrap_err();
        assert!(err.to_string().contains("omröstningen"));
    }

    #[test]
    fn numbers_are_unique_and_continue_the_series() {
        let att = attendance();
        let ps = |nums: &[u32]| {
            nums.iter()
                .map(|n| Paragraph::new(*n, "Ärende").unwrap())
                .collect::<Vec<_>>()
        };
        let series = ParagraphSeries {
            body: Some(BodyId(1)),
            year: 2025,
            used: (1..=113).collect(),
        };
        assert_eq!(series.next(), 114);
        Minutes::new(
            BodyId(1),
            d("2025-09-01"),
            att.clone(),
            ps(&[114, 115, 116]),
            Some(&series),
        )
        .unwrap();
        let err = Minutes::new(
            BodyId(1),
            d("2025-09-01"),
            att.clone(),
            ps(&[113, 114]),
            Some(&series),
        )
        .unwrap_err();
        assert_eq!(
            err,
            MinutesError::DuplicateNumber {
                number: 113,
                year: 2025
            }
        );
        let err = Minutes::new(
            BodyId(1),
            d("2025-09-01"),
            att.clone(),
            ps(&[115]),
            Some(&series),
        )
        .unwrap_err();
        assert!(matches!(
            err,
            MinutesError::NotInSeries { expected: 114, .. }
        ));
        let err = Minutes::new(BodyId(1), d("2025-09-01"), att, ps(&[1, 2, 2]), None).unwrap_err();
        assert!(matches!(
            err,
            MinutesError::DuplicateNumber { number: 2, .. }
        ));
        assert!(Paragraph::new(0, "x").is_err());
    }

    #[test]
    fn minutes_round_trip_through_json_and_are_checked_on_the_way_back() {
        let att = attendance();
        let mut p = Paragraph::new(
            115,
            "Verksamhets- och budgetuppföljning januari - juli 2025",
        )
        .unwrap();
        p.case_number = Some("KS/2025:26".into());
        p.decision = Some(Decision::Clauses {
            intro: Some("Individ- och omsorgsutskottet beslutar".into()),
            clauses: vec![AttClause("godkänna budgetuppföljningen".into())],
        });
        p.tables.push(Table {
            title: None,
            header: vec!["Verksamhet".into(), "Budget".into()],
            rows: vec![TableRow {
                label: Some("Äldreomsorg".into()),
                values: vec![CellValue::Number(7488.0), CellValue::Empty],
                children: vec![TableRow {
                    label: Some("-varav hemtjänst".into()),
                    values: vec![CellValue::Number(-4.4)],
                    children: vec![],
                }],
            }],
        });
        p.dispatch.push("Maria Persson, socialchef".into());
        use Choice::*;
        p.record_vote(
            &att,
            "ja",
            "nej",
            ballots(&[(1, Yes), (2, No), (3, Yes), (4, No), (6, Yes)]),
            None,
            None,
        )
        .unwrap();
        let mut m = Minutes::new(BodyId(1), d("2025-09-01"), att, vec![p], None).unwrap();
        m.chair = Some(PersonId(1));
        m.adjusters = vec![PersonId(2)];
        let json = serde_json::to_string(&m).unwrap();
        let back: Minutes = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
        // A tampered vote with a duplicate voter is refused when read back.
        let bad = json.replacen(
            "\"person\":2,\"choice\":\"no\"",
            "\"person\":1,\"choice\":\"no\"",
            1,
        );
        assert_ne!(bad, json);
        assert!(serde_json::from_str::<Minutes>(&bad).is_err());
    }

    #[test]
    fn edits_that_break_a_rule_are_not_kept() {
        let att = attendance();
        let mut m = Minutes::new(
            BodyId(1),
            d("2025-09-01"),
            att,
            vec![Paragraph::new(1, "Ärende").unwrap()],
            None,
        )
        .unwrap();
        let err = m
            .edit_paragraph(1, |p, _| {
                p.reservations.push(Reservation {
                    by: PersonId(5),
                    reasons: None,
                });
                Ok(())
            })
            .unwrap_err();
        assert!(matches!(err, MinutesError::ReservationByNonDecider { .. }));
        assert!(m.paragraph(1).unwrap().reservations.is_empty());
        m.edit_paragraph(1, |p, _| {
            p.reservations.push(Reservation {
                by: PersonId(6),
                reasons: Some("Vi anser …".into()),
            });
            Ok(())
        })
        .unwrap();
        assert_eq!(m.paragraph(1).unwrap().reservations.len(), 1);
        assert_eq!(m.number_range(), Some((1, 1)));
    }

    fn key() -> ed25519_dalek::SigningKey {
        ed25519_dalek::SigningKey::from_bytes(&[3u8; 32])
    }

    fn approval(who: i64, role: SignerRole, time: &str, paragraphs: Vec<u32>) -> Approval {
        Approval {
            signer: PersonId(who),
            role,
            time: time.parse().unwrap(),
            method: "Svensk e-legitimation".into(),
            paragraphs,
            recorded: Some(Recorded {
                at: later(),
                by: "sekreteraren".into(),
            }),
        }
    }

    /// When the tests' approvals are recorded: after all of them.
    fn later() -> DateTime<FixedOffset> {
        "2025-12-31T12:00:00+01:00".parse().unwrap()
    }

    fn decided(n: u32) -> Paragraph {
        let mut p = Paragraph::new(n, "Ärende").unwrap();
        p.decision = Some(Decision::Text {
            text: "Nämnden bifaller förslaget.".into(),
        });
        p
    }

    fn drafted() -> Minutes {
        let ps = (114..=116).map(decided).collect();
        let mut m = Minutes::new(BodyId(1), d("2025-09-01"), attendance(), ps, None).unwrap();
        m.set_signers(
            Some(PersonId(6)),
            Some(PersonId(1)),
            vec![PersonId(2)],
            Some("Digital signering".into()),
        )
        .unwrap();
        m
    }

    /// Seed 000: the secretary, the chair and one adjuster sign; the last signature seals.
    #[test]
    fn the_last_approval_seals_and_nothing_changes_after() {
        let mut m = drafted();
        let err = m
            .approve(
                approval(3, SignerRole::Adjuster, "2025-09-02T10:00:00+02:00", vec![]),
                &key(),
                later(),
            )
            .unwrap_err();
        assert!(matches!(err, MinutesError::NotASigner { .. }), "{err}");
        let out = m
            .approve(
                approval(1, SignerRole::Chair, "2025-09-02T10:00:00+02:00", vec![]),
                &key(),
                later(),
            )
            .unwrap();
        assert_eq!(
            out,
            ApprovalOutcome::Recorded {
                remaining: vec![PersonId(2)]
            }
        );
        let err = m
            .approve(
                approval(1, SignerRole::Chair, "2025-09-02T11:00:00+02:00", vec![]),
                &key(),
                later(),
            )
            .unwrap_err();
        assert_eq!(err, MinutesError::AlreadyApproved(PersonId(1)));
        assert!(!m.is_sealed());
        m.edit_paragraph(115, |p, _| {
            p.text = "Ändrad före justering".into();
            Ok(())
        })
        .unwrap();
        // The change withdrew the chair's approval: it covered another text.
        assert!(m.awaits_approval_from(PersonId(1)));
        m.approve(
            approval(1, SignerRole::Chair, "2025-09-03T08:00:00+02:00", vec![]),
            &key(),
            later(),
        )
        .unwrap();
        let out = m
            .approve(
                approval(2, SignerRole::Adjuster, "2025-09-03T09:10:47+02:00", vec![]),
                &key(),
                later(),
            )
            .unwrap();
        assert_eq!(out, ApprovalOutcome::Sealed);
        let seal = m.seal().unwrap().clone();
        assert_eq!(seal.sealed_at.to_rfc3339(), "2025-09-03T09:10:47+02:00");
        assert_eq!(seal.sha256, crate::canonical::digest(&m.canonical()));

        // Every change is refused now.
        let e = m.edit_paragraph(115, |p, _| {
            p.text = "Ändrad efter".into();
            Ok(())
        });
        assert_eq!(e.unwrap_err(), MinutesError::Sealed);
        assert_eq!(
            m.set_signers(None, None, vec![], None).unwrap_err(),
            MinutesError::Sealed
        );
        assert_eq!(
            m.add_paragraph(Paragraph::new(117, "x").unwrap())
                .unwrap_err(),
            MinutesError::Sealed
        );
        let e = m.approve(
            approval(
                6,
                SignerRole::Secretary,
                "2025-09-04T09:00:00+02:00",
                vec![],
            ),
            &key(),
            later(),
        );
        assert_eq!(e.unwrap_err(), MinutesError::Sealed);

        // Sealed minutes survive a round trip with their seal.
        let back: Minutes = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
        assert_eq!(back, m);
        assert_eq!(back.canonical(), m.canonical());
    }

    #[test]
    fn single_paragraphs_can_be_adjusted_at_the_meeting() {
        let mut m = drafted();
        let t = "2025-09-01T16:55:00+02:00";
        let out = m
            .approve(
                approval(1, SignerRole::Chair, t, vec![116]),
                &key(),
                later(),
            )
            .unwrap();
        assert!(matches!(out, ApprovalOutcome::Recorded { .. }));
        let out = m
            .approve(
                approval(2, SignerRole::Adjuster, t, vec![116]),
                &key(),
                later(),
            )
            .unwrap();
        assert_eq!(
            out,
            ApprovalOutcome::ParagraphsAdjusted {
                paragraphs: vec![116]
            }
        );
        assert!(m.paragraph(116).unwrap().immediately_adjusted);
        let e = m.edit_paragraph(116, |p, _| {
            p.text = "x".into();
            Ok(())
        });
        assert_eq!(e.unwrap_err(), MinutesError::ParagraphAdjusted(116));
        // The rest stays open until the whole minutes are approved.
        m.edit_paragraph(115, |p, _| {
            p.text = "x".into();
            Ok(())
        })
        .unwrap();
        assert!(!m.is_sealed());
        let e = m
            .approve(
                approval(1, SignerRole::Chair, t, vec![999]),
                &key(),
                later(),
            )
            .unwrap_err();
        assert_eq!(e, MinutesError::NoSuchParagraph(999));
    }

    #[test]
    fn justering_needs_its_signers() {
        let ps = vec![Paragraph::new(1, "Ärende").unwrap()];
        let mut m = Minutes::new(BodyId(1), d("2025-09-01"), attendance(), ps, None).unwrap();
        let e = m
            .approve(
                approval(1, SignerRole::Chair, "2025-09-02T10:00:00+02:00", vec![]),
                &key(),
                later(),
            )
            .unwrap_err();
        assert_eq!(e, MinutesError::MissingSigner("ordförande"));
        m.set_signers(None, Some(PersonId(1)), vec![], None)
            .unwrap();
        let e = m
            .approve(
                approval(1, SignerRole::Chair, "2025-09-02T10:00:00+02:00", vec![]),
                &key(),
                later(),
            )
            .unwrap_err();
        assert_eq!(e, MinutesError::MissingSigner("justerare"));
    }

    /// The attack of the "fail closed" issue: a secretary who names herself ordförande and
    /// justerare and approves twice. Each way round is refused by its own rule.
    #[test]
    fn the_secretary_cannot_justera_alone() {
        let ps = vec![Paragraph::new(1, "Ärende").unwrap()];
        let mut m = Minutes::new(BodyId(1), d("2025-09-01"), attendance(), ps, None).unwrap();
        // Chair and adjuster the same person.
        let e = m
            .set_signers(None, Some(PersonId(1)), vec![PersonId(1)], None)
            .unwrap_err();
        assert_eq!(e, MinutesError::SignerTwice(PersonId(1)));
        // Two adjusters the same person.
        let e = m
            .set_signers(
                None,
                Some(PersonId(1)),
                vec![PersonId(2), PersonId(2)],
                None,
            )
            .unwrap_err();
        assert_eq!(e, MinutesError::SignerTwice(PersonId(2)));
        // The secretary as chair or as adjuster.
        let e = m
            .set_signers(
                Some(PersonId(1)),
                Some(PersonId(1)),
                vec![PersonId(2)],
                None,
            )
            .unwrap_err();
        assert_eq!(e, MinutesError::SecretaryAsSigner(PersonId(1)));
        let e = m
            .set_signers(
                Some(PersonId(2)),
                Some(PersonId(1)),
                vec![PersonId(2)],
                None,
            )
            .unwrap_err();
        assert_eq!(e, MinutesError::SecretaryAsSigner(PersonId(2)));
        assert!(e.to_string().contains("sekreterare"), "{e}");
    }

    #[test]
    fn only_deciding_members_present_justera() {
        // Person 5 is replaced by 6 and absent; 9 is not on the list at all.
        let ps = vec![decided(1)];
        let mut m = Minutes::new(BodyId(1), d("2025-09-01"), attendance(), ps, None).unwrap();
        let place = || Some("Digital signering".to_string());
        m.set_signers(None, Some(PersonId(9)), vec![PersonId(5)], place())
            .unwrap();
        let t = "2025-09-02T10:00:00+02:00";
        let e = m
            .approve(approval(9, SignerRole::Chair, t, vec![]), &key(), later())
            .unwrap_err();
        assert!(
            matches!(
                e,
                MinutesError::SignerNotDeciding {
                    role: "ordförande",
                    ..
                }
            ),
            "{e}"
        );
        let e = m
            .approve(
                approval(5, SignerRole::Adjuster, t, vec![]),
                &key(),
                later(),
            )
            .unwrap_err();
        assert!(e.to_string().contains("inte beslutande"), "{e}");
        // The serving substitute decides and may justera.
        m.set_signers(None, Some(PersonId(1)), vec![PersonId(6)], place())
            .unwrap();
        m.approve(approval(1, SignerRole::Chair, t, vec![]), &key(), later())
            .unwrap();
        assert_eq!(
            m.approve(
                approval(6, SignerRole::Adjuster, t, vec![]),
                &key(),
                later()
            )
            .unwrap(),
            ApprovalOutcome::Sealed
        );
    }

    #[test]
    fn motions_are_made_by_those_present_and_put_in_a_valid_order() {
        let att = attendance();
        let mut p = Paragraph::new(115, "Budgetuppföljning").unwrap();
        let first = p
            .add_motion(
                &att,
                PersonId(1),
                vec![],
                "bifall till förvaltningens förslag",
            )
            .unwrap();
        let second = p
            .add_motion(&att, PersonId(2), vec![PersonId(3)], "återremiss")
            .unwrap();
        assert_eq!((first, second), (1, 2));
        // Member 5 is absent (replaced by 6) and cannot move anything.
        let err = p
            .add_motion(&att, PersonId(5), vec![], "avslag")
            .unwrap_err();
        assert!(
            matches!(err, MinutesError::MotionByNonDecider { .. }),
            "{err}"
        );
        assert!(p.add_motion(&att, PersonId(4), vec![], "  ").is_err());
        // A member with jäv neither moves nor supports.
        let mut q = p.clone();
        q.record_conflict(Conflict {
            person: PersonId(4),
            ground: None,
        })
        .unwrap();
        let err = q
            .add_motion(&att, PersonId(6), vec![PersonId(4)], "avslag")
            .unwrap_err();
        assert!(
            matches!(err, MinutesError::ConflictTakesPart { .. }),
            "{err}"
        );

        let err = p.set_propositions(&att, vec![1, 3], Some(1)).unwrap_err();
        assert!(
            matches!(err, MinutesError::UnknownMotion { motion: 3, .. }),
            "{err}"
        );
        let err = p.set_propositions(&att, vec![1, 1], Some(1)).unwrap_err();
        assert!(matches!(err, MinutesError::BadPropositions { .. }), "{err}");
        let err = p.set_propositions(&att, vec![2], Some(1)).unwrap_err();
        assert!(matches!(err, MinutesError::BadPropositions { .. }), "{err}");
        let err = p.set_propositions(&att, vec![], None).unwrap_err();
        assert!(matches!(err, MinutesError::BadPropositions { .. }), "{err}");
        p.set_propositions(&att, vec![1, 2], Some(1)).unwrap();
        // Withdrawn motions are not put.
        let mut r = Paragraph::new(116, "Rapport").unwrap();
        r.add_motion(&att, PersonId(1), vec![], "bifall").unwrap();
        r.add_motion(&att, PersonId(2), vec![], "avslag").unwrap();
        r.withdraw_motion(2).unwrap();
        assert!(r.withdraw_motion(9).is_err());
        let err = r.set_propositions(&att, vec![1, 2], Some(1)).unwrap_err();
        assert!(
            matches!(err, MinutesError::WithdrawnMotionPut { motion: 2, .. }),
            "{err}"
        );
        r.set_propositions(&att, vec![1], Some(1)).unwrap();
    }

    // ---- Lawful decisions (docs/rules.md) ----

    /// Body 1 with five seats (1–5) and ersättare 6 and 7; `list` says who attended how.
    fn attendance_of(list: Vec<Attendee>) -> Attendance {
        let seat = |p, role| {
            Membership::new(
                PersonId(p),
                BodyId(1),
                role,
                None,
                None,
                None,
                d("2023-01-01"),
                None,
            )
            .unwrap()
        };
        let mut seats: Vec<Membership> = (1..=5).map(|p| seat(p, MembershipRole::Member)).collect();
        seats.push(seat(6, MembershipRole::Substitute));
        seats.push(seat(7, MembershipRole::Substitute));
        Attendance::new(BodyId(1), d("2025-09-01"), &seats, list).unwrap()
    }

    fn member(p: i64) -> Attendee {
        Attendee::whole_meeting(PersonId(p), AttendanceRole::Member)
    }

    fn sealable(att: Attendance, ps: Vec<Paragraph>) -> Minutes {
        let mut m = Minutes::new(BodyId(1), d("2025-09-01"), att, ps, None).unwrap();
        m.set_signers(
            None,
            Some(PersonId(1)),
            vec![PersonId(2)],
            Some("Digital signering".into()),
        )
        .unwrap();
        m
    }

    /// KL 6 kap. 27 §: with 2 of 5 present nothing is decided; with 3 present and one jävig,
    /// the § has 2 of 5; a tjänstgörande ersättare counts.
    #[test]
    fn a_paragraph_decided_without_quorum_blocks_the_seal() {
        let two = sealable(attendance_of(vec![member(1), member(2)]), vec![decided(1)]);
        assert_eq!(
            two.check_complete().unwrap_err(),
            MinutesError::NoQuorum {
                number: 1,
                taking_part: 2,
                seats: 5
            }
        );
        assert!(two
            .check_complete()
            .unwrap_err()
            .to_string()
            .contains("inte beslutför i § 1 (2 av 5)"));
        let mut jav = decided(2);
        jav.record_conflict(Conflict {
            person: PersonId(3),
            ground: None,
        })
        .unwrap();
        let three = sealable(
            attendance_of(vec![member(1), member(2), member(3)]),
            vec![decided(1), jav],
        );
        assert_eq!(three.quorum(1), Some((3, Some(5))));
        assert_eq!(
            three.check_complete().unwrap_err(),
            MinutesError::NoQuorum {
                number: 2,
                taking_part: 2,
                seats: 5
            }
        );
        // Ersättare 6 serves for the absent 5 and makes the third.
        let serving = Attendee::whole_meeting(
            PersonId(6),
            AttendanceRole::ServingSubstitute {
                replaces: PersonId(5),
            },
        );
        let with_substitute = sealable(
            attendance_of(vec![member(1), member(2), serving]),
            vec![decided(1)],
        );
        with_substitute.check_complete().unwrap();
        // Per-§ presence: member 3 leaves after § 1.
        let mut leaves = member(3);
        leaves.presence = crate::meeting::Presence::parse("§ 1").unwrap();
        let per_paragraph = sealable(
            attendance_of(vec![member(1), member(2), leaves]),
            vec![decided(1), decided(2)],
        );
        assert!(matches!(
            per_paragraph.check_complete().unwrap_err(),
            MinutesError::NoQuorum { number: 2, .. }
        ));
    }

    /// The seal needs whole minutes: a närvarolista (with its seats counted), every § decided
    /// or explicitly bordlagt/återremitterat/information, and the place and time of the
    /// justering; an official is never ordförande.
    #[test]
    fn justering_seals_only_complete_minutes() {
        let full = || attendance_of((1..=5).map(member).collect());
        let t = "2025-09-02T10:00:00+02:00";
        let mut empty = sealable(Attendance::empty(), vec![decided(1)]);
        let e = empty
            .approve(approval(1, SignerRole::Chair, t, vec![]), &key(), later())
            .unwrap_err();
        assert_eq!(e, MinutesError::NoAttendance);
        let mut open = sealable(
            full(),
            vec![decided(1), Paragraph::new(2, "Ärende").unwrap()],
        );
        let e = open
            .approve(approval(1, SignerRole::Chair, t, vec![]), &key(), later())
            .unwrap_err();
        assert_eq!(e, MinutesError::Undecided(2));
        assert!(open.approvals().is_empty(), "nothing recorded");
        open.edit_paragraph(2, |p, _| {
            p.disposition = Some(Disposition::Tabled);
            Ok(())
        })
        .unwrap();
        open.check_complete().unwrap();
        let mut no_place = sealable(full(), vec![decided(1)]);
        no_place
            .set_signers(None, Some(PersonId(1)), vec![PersonId(2)], Some(" ".into()))
            .unwrap();
        assert_eq!(
            no_place.check_complete().unwrap_err(),
            MinutesError::NoAdjustmentPlace
        );
        // An official (övrig närvarande) as ordförande.
        let mut list: Vec<Attendee> = (1..=5).map(member).collect();
        list.push(Attendee {
            person: PersonId(9),
            role: AttendanceRole::Other {
                title: Some("socialchef".into()),
            },
            position: None,
            party: None,
            presence: crate::meeting::Presence::whole_meeting(),
        });
        let mut official = sealable(attendance_of(list), vec![decided(1)]);
        official
            .set_signers(
                None,
                Some(PersonId(9)),
                vec![PersonId(2)],
                Some("Digital signering".into()),
            )
            .unwrap();
        assert!(matches!(
            official.check_complete().unwrap_err(),
            MinutesError::SignerNotDeciding { .. }
        ));
        // A list stored before the seats were counted cannot show a quorum: refused.
        let json = serde_json::to_string(&sealable(full(), vec![decided(1)])).unwrap();
        let legacy: Minutes = serde_json::from_str(&json.replace(",\"seats\":5", "")).unwrap();
        assert_eq!(
            legacy.check_complete().unwrap_err(),
            MinutesError::SeatsUnknown
        );
    }

    /// Who presides holds the casting vote: with the ordförande jävig and the vice leading the
    /// §, a 1–1 tie where the vice voted ja is bifall; a tie where the one leading abstains has
    /// no outcome; the ordförande cannot lead a § where they are jävig.
    #[test]
    fn the_one_presiding_over_the_paragraph_holds_the_casting_vote() {
        use Choice::*;
        let att = attendance_of((1..=4).map(member).collect());
        let mut p = decided(1);
        p.record_conflict(Conflict {
            person: PersonId(1),
            ground: Some("delägare".into()),
        })
        .unwrap();
        let mut m = sealable(att.clone(), vec![p.clone()]);
        assert_eq!(
            m.check_complete().unwrap_err(),
            MinutesError::PresidingNotDeciding {
                number: 1,
                person: PersonId(1)
            }
        );
        m.edit_paragraph(1, |p, att| {
            p.presiding = Some(PersonId(2));
            p.record_vote(
                att,
                "bifall",
                "avslag",
                ballots(&[(2, Yes), (3, No), (4, Abstain)]),
                Some(PersonId(2)),
                None,
            )
        })
        .unwrap();
        assert_eq!(m.presiding_in(1), Some(PersonId(2)));
        assert!(m.paragraph(1).unwrap().votes()[0].result().yes_wins);
        m.check_complete().unwrap();
        // The casting vote given to the jävig ordförande's seat instead is refused at the seal.
        let mut wrong = sealable(att.clone(), vec![p.clone()]);
        wrong
            .edit_paragraph(1, |p, att| {
                p.presiding = Some(PersonId(2));
                p.record_vote(
                    att,
                    "bifall",
                    "avslag",
                    ballots(&[(2, Yes), (3, No), (4, Abstain)]),
                    Some(PersonId(3)),
                    None,
                )
            })
            .unwrap();
        assert_eq!(
            wrong.check_complete().unwrap_err(),
            MinutesError::CastingVoteNotPresiding {
                number: 1,
                presiding: PersonId(2),
                given: PersonId(3)
            }
        );
        // A tie where the one leading abstains.
        let full = attendance_of((1..=4).map(member).collect());
        let mut q = decided(2);
        let e = q
            .record_vote(
                &full,
                "bifall",
                "avslag",
                ballots(&[(1, Abstain), (2, Yes), (3, No), (4, Abstain)]),
                Some(PersonId(1)),
                None,
            )
            .unwrap_err();
        assert_eq!(
            e,
            MinutesError::TieUndecided {
                number: 2,
                yes: 1,
                no: 1
            }
        );
        assert!(q.votes().is_empty());
    }

    /// The decision follows the vote: the yrkande the vote carried is the one the § says
    /// was carried.
    #[test]
    fn the_decision_follows_the_vote() {
        use Choice::*;
        let att = attendance_of((1..=5).map(member).collect());
        let mut p = decided(1);
        p.add_motion(&att, PersonId(1), vec![], "bifall till förslaget")
            .unwrap();
        p.add_motion(&att, PersonId(4), vec![], "avslag").unwrap();
        p.set_propositions(&att, vec![1, 2], Some(1)).unwrap();
        p.record_vote(
            &att,
            "bifall till förslaget",
            "avslag",
            ballots(&[(1, Yes), (2, No), (3, No), (4, No), (5, Yes)]),
            Some(PersonId(1)),
            Some((1, 2)),
        )
        .unwrap();
        assert_eq!(p.propositions.as_ref().unwrap().carried, Some(2));
        let e = p.set_propositions(&att, vec![1, 2], Some(1)).unwrap_err();
        assert_eq!(
            e,
            MinutesError::DecisionAgainstVote {
                number: 1,
                winner: 2,
                carried: 1
            }
        );
        let e = p
            .record_vote(
                &att,
                "a",
                "b",
                ballots(&[(1, Yes), (2, No), (3, No), (4, No), (5, Yes)]),
                Some(PersonId(1)),
                Some((1, 9)),
            )
            .unwrap_err();
        assert!(matches!(e, MinutesError::UnknownMotion { motion: 9, .. }));
    }

    /// Only beslutande make yrkanden and reservations; protokollsanteckningar by those present;
    /// jäv only by someone who would otherwise decide.
    #[test]
    fn only_deciding_members_move_and_only_those_present_add_notes() {
        let mut list: Vec<Attendee> = (1..=4).map(member).collect();
        list.push(Attendee::whole_meeting(
            PersonId(7),
            AttendanceRole::Substitute,
        ));
        list.push(Attendee::whole_meeting(
            PersonId(9),
            AttendanceRole::Other { title: None },
        ));
        let att = attendance_of(list);
        let mut p = decided(1);
        for who in [7, 9] {
            let e = p
                .add_motion(&att, PersonId(who), vec![], "avslag")
                .unwrap_err();
            assert!(matches!(e, MinutesError::MotionByNonDecider { .. }), "{e}");
        }
        let e = p
            .add_motion(&att, PersonId(1), vec![PersonId(7)], "avslag")
            .unwrap_err();
        assert!(matches!(e, MinutesError::MotionByNonDecider { .. }), "{e}");
        // A non-serving ersättare present may have a note entered; someone absent may not.
        p.notes.push(MinutesNote {
            by: vec![PersonId(7)],
            text: "Ersättaren önskar anteckna …".into(),
        });
        p.check(&att).unwrap();
        p.notes.push(MinutesNote {
            by: vec![PersonId(5)],
            text: "Frånvarande".into(),
        });
        assert!(matches!(
            p.check(&att).unwrap_err(),
            MinutesError::NoteByAbsent { .. }
        ));
        p.notes.pop();
        for who in [5, 7, 9] {
            let mut q = p.clone();
            q.record_conflict(Conflict {
                person: PersonId(who),
                ground: None,
            })
            .unwrap();
            assert!(
                matches!(
                    q.check(&att).unwrap_err(),
                    MinutesError::ConflictByNonDecider { .. }
                ),
                "{who}"
            );
        }
    }

    /// An approval is never dated ahead; one dated before today is recorded later, by whom and
    /// when; omedelbar justering happens at the meeting and of decided §§ only.
    #[test]
    fn approvals_cannot_be_dated_ahead_or_recorded_anonymously_later() {
        let now: DateTime<FixedOffset> = "2025-09-03T12:00:00+02:00".parse().unwrap();
        let mut m = drafted();
        let mut a = approval(1, SignerRole::Chair, "2025-09-04T09:00:00+02:00", vec![]);
        let e = m.approve(a.clone(), &key(), now).unwrap_err();
        assert!(matches!(e, MinutesError::ApprovalInFuture(_)));
        a.time = "2025-09-02T09:00:00+02:00".parse().unwrap();
        a.recorded = None;
        let e = m.approve(a.clone(), &key(), now).unwrap_err();
        assert_eq!(e, MinutesError::RecordedLaterAnonymously(d("2025-09-02")));
        a.recorded = Some(Recorded {
            at: later(),
            by: "anna".into(),
        });
        m.approve(a, &key(), now).unwrap();
        let r = m.approvals()[0].recorded.clone().unwrap();
        assert_eq!((r.at, r.by.as_str()), (now, "anna"));
        // Signed today: no record of recording.
        m.approve(
            Approval {
                recorded: None,
                ..approval(2, SignerRole::Adjuster, "2025-09-03T11:00:00+02:00", vec![])
            },
            &key(),
            now,
        )
        .unwrap();
        assert!(m.is_sealed());
        assert!(m.approvals()[1].recorded.is_none());
        assert!(m.canonical().contains("\"recorded\":{\"at\":"));

        let mut m = drafted();
        let e = m
            .approve(
                approval(1, SignerRole::Chair, "2025-09-12T10:00:00+02:00", vec![116]),
                &key(),
                later(),
            )
            .unwrap_err();
        assert_eq!(
            e,
            MinutesError::ImmediateNotAtMeeting {
                date: d("2025-09-12"),
                meeting: d("2025-09-01")
            }
        );
        m.edit_paragraph(116, |p, _| {
            p.decision = None;
            Ok(())
        })
        .unwrap();
        let e = m
            .approve(
                approval(1, SignerRole::Chair, "2025-09-01T16:00:00+02:00", vec![116]),
                &key(),
                later(),
            )
            .unwrap_err();
        assert_eq!(e, MinutesError::ImmediateUndecided(116));
    }

    /// A jävig ledamot leaves the room for one § and an ersättare serves for that § only; the
    /// quorum counts the ersättare.
    #[test]
    fn a_javig_member_is_replaced_for_one_paragraph() {
        let mut out = member(3);
        out.presence = crate::meeting::Presence::parse("ej § 2").unwrap();
        let mut serving = Attendee::whole_meeting(
            PersonId(6),
            AttendanceRole::ServingSubstitute {
                replaces: PersonId(3),
            },
        );
        serving.presence = crate::meeting::Presence::parse("§ 2").unwrap();
        let att = attendance_of(vec![member(1), member(2), out, serving]);
        let mut p2 = decided(2);
        p2.record_conflict(Conflict {
            person: PersonId(3),
            ground: Some("jäv".into()),
        })
        .unwrap();
        let m = sealable(att, vec![decided(1), p2]);
        assert_eq!(m.quorum(2), Some((3, Some(5))));
        assert_eq!(m.quorum(1), Some((3, Some(5))));
        m.check_complete().unwrap();
    }

    /// A bordlagt or återremitterat case comes back; an information item or a decided case
    /// does not.
    #[test]
    fn tabled_and_referred_cases_are_carried_over() {
        let mut tabled = Paragraph::new(1, "Ärende").unwrap();
        tabled.case = Some(CaseId(7));
        tabled.disposition = Some(Disposition::Tabled);
        let mut referred = Paragraph::new(2, "Ärende").unwrap();
        referred.case = Some(CaseId(8));
        referred.disposition = Some(Disposition::ReferredBack);
        let mut info = Paragraph::new(3, "Information").unwrap();
        info.disposition = Some(Disposition::Information);
        let mut decided = decided(4);
        decided.case = Some(CaseId(9));
        let m = sealable(
            attendance_of((1..=5).map(member).collect()),
            vec![tabled, referred, info, decided],
        );
        let back: Vec<_> = m.carried_over().iter().map(|p| p.case).collect();
        assert_eq!(back, vec![Some(CaseId(7)), Some(CaseId(8))]);
    }

    /// Minutes stored under the earlier rules still load (a yrkande by a non-serving
    /// ersättare), but are held to today's rules before any seal; a vote whose casting vote
    /// is given to someone not deciding, a § both decided and bordlagd, and ja and nej for
    /// the same yrkande are refused; omedelbar justering of a § without quorum is refused, and
    /// the närvarolista is fixed once a § is justerad.
    #[test]
    fn stored_minutes_load_and_new_writes_meet_the_rules() {
        let mut list: Vec<Attendee> = (1..=4).map(member).collect();
        list.push(Attendee::whole_meeting(
            PersonId(7),
            AttendanceRole::Substitute,
        ));
        let att = attendance_of(list);
        let mut p = decided(1);
        p.motions.push(Motion {
            id: 1,
            by: PersonId(7),
            supported_by: vec![],
            text: "avslag".into(),
            withdrawn: false,
        });
        let mut m = sealable(att.clone(), vec![decided(2)]);
        m.paragraphs.insert(0, p);
        let json = serde_json::to_string(&m).unwrap();
        let back: Minutes = serde_json::from_str(&json).expect("stored minutes load");
        assert!(matches!(
            back.check_complete().unwrap_err(),
            MinutesError::MotionByNonDecider { .. }
        ));

        use Choice::*;
        let mut q = decided(3);
        let e = q
            .record_vote(
                &att,
                "ja",
                "nej",
                ballots(&[(1, Yes), (2, No), (3, Yes), (4, No)]),
                Some(PersonId(7)),
                None,
            )
            .unwrap_err();
        assert!(
            matches!(e, MinutesError::PresidingNotDeciding { .. }),
            "{e}"
        );
        q.add_motion(&att, PersonId(1), vec![], "bifall").unwrap();
        let e = q
            .record_vote(
                &att,
                "ja",
                "nej",
                ballots(&[(1, Yes), (2, No), (3, Yes), (4, Yes)]),
                Some(PersonId(1)),
                Some((1, 1)),
            )
            .unwrap_err();
        assert!(matches!(e, MinutesError::BadPropositions { .. }), "{e}");
        q.disposition = Some(Disposition::Tabled);
        assert_eq!(
            q.check(&att).unwrap_err(),
            MinutesError::DecidedAndDisposed(3)
        );

        // Two of five present: § 1 cannot be justerad at the meeting.
        let mut few = sealable(attendance_of(vec![member(1), member(2)]), vec![decided(1)]);
        let e = few
            .approve(
                approval(1, SignerRole::Chair, "2025-09-01T16:00:00+02:00", vec![1]),
                &key(),
                later(),
            )
            .unwrap_err();
        assert!(matches!(e, MinutesError::NoQuorum { .. }), "{e}");
        let mut m = drafted();
        let t = "2025-09-01T16:00:00+02:00";
        m.approve(
            approval(1, SignerRole::Chair, t, vec![116]),
            &key(),
            later(),
        )
        .unwrap();
        m.approve(
            approval(2, SignerRole::Adjuster, t, vec![116]),
            &key(),
            later(),
        )
        .unwrap();
        assert_eq!(
            m.set_attendance(attendance()).unwrap_err(),
            MinutesError::ParagraphAdjusted(116)
        );
    }
}
