//! Beslut: one entry of the register of favourable decisions that may go unenforced. It
//! holds no name and no personnummer — only an id the unit chooses — and the facts the
//! reports need: type of service, decision date, gender, reason, and the dates on which it
//! was offered, carried out (verkställt), closed (avslutat) or interrupted (avbrott).

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use crate::secrecy::looks_like_personal_number;

/// The longest id accepted.
pub const MAX_ID_LEN: usize = 40;

/// What is wrong with a decision or one of its fields. Each error names the field (as the
/// CSV column is called) through [`DecisionError::field`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecisionError {
    /// The id is empty.
    #[error("id saknas")]
    IdEmpty,
    /// The id is too long.
    #[error("id ”{0}” är längre än {MAX_ID_LEN} tecken")]
    IdTooLong(String),
    /// The id has characters other than A–Z, a–z, 0–9 and `-_./:` (so no names).
    #[error("id ”{0}” får bara innehålla A–Z, a–z, 0–9 och -_./: (inga namn eller mellanslag)")]
    IdCharacters(String),
    /// The id looks like a personnummer or samordningsnummer.
    #[error("id ser ut som ett personnummer; använd ett löpnummer som inte identifierar någon")]
    IdPersonalNumber,
    /// The type of service is not in the catalogue.
    #[error("insatsen ”{0}” finns inte i insatskatalogen")]
    UnknownType(String),
    /// A date could not be read.
    #[error("{field}: ”{value}” är inget datum (ÅÅÅÅ-MM-DD)")]
    Date {
        /// The field.
        field: &'static str,
        /// What was written.
        value: String,
    },
    /// A required field is empty.
    #[error("{0} saknas")]
    Missing(&'static str),
    /// Gender other than K or M.
    #[error("kön ”{0}” ska vara K eller M")]
    Gender(String),
    /// A reason code other than 1–3.
    #[error(
        "orsak ”{0}” ska vara 1 (tackat nej till erbjudande), 2 (resursbrist) eller 3 (annat)"
    )]
    Reason(String),
    /// A date that lies before the decision date.
    #[error("{field} {date} ligger före beslutsdatum {decided}")]
    BeforeDecision {
        /// The field.
        field: &'static str,
        /// Its date.
        date: NaiveDate,
        /// The decision date.
        decided: NaiveDate,
    },
    /// An interruption ending before it starts.
    #[error("avbrott_till {to} ligger före avbrott_från {from}")]
    InterruptionOrder {
        /// Start.
        from: NaiveDate,
        /// End.
        to: NaiveDate,
    },
    /// An end of interruption without a start.
    #[error("avbrott_till är ifyllt men avbrott_från saknas")]
    InterruptionWithoutStart,
    /// An interruption of a decision that had not been carried out by then.
    #[error("avbrott från {from} förutsätter att beslutet verkställts senast den dagen")]
    InterruptionBeforeEnforced {
        /// Start of the interruption.
        from: NaiveDate,
    },
    /// Two interruptions overlap or an open one is followed by another.
    #[error("avbrotten {0} och {1} överlappar")]
    InterruptionsOverlap(NaiveDate, NaiveDate),
    /// Closed without being carried out, but it was carried out and never interrupted.
    #[error("beslutet är verkställt {enforced} och kan inte avslutas utan verkställighet utan ett avbrott")]
    ClosedAfterEnforced {
        /// When it was carried out.
        enforced: NaiveDate,
    },
    /// A declined date before the offer.
    #[error("erbjudandet {offered} kan inte ha avböjts före det lämnades ({declined})")]
    DeclinedBeforeOffer {
        /// The offer.
        offered: NaiveDate,
        /// When it was declined.
        declined: NaiveDate,
    },
}

impl DecisionError {
    /// The field the error is about, as the CSV column is called.
    pub fn field(&self) -> &'static str {
        match self {
            DecisionError::IdEmpty
            | DecisionError::IdTooLong(_)
            | DecisionError::IdCharacters(_)
            | DecisionError::IdPersonalNumber => "id",
            DecisionError::UnknownType(_) => "insats",
            DecisionError::Date { field, .. } => field,
            DecisionError::Missing(field) => field,
            DecisionError::Gender(_) => "kön",
            DecisionError::Reason(_) => "orsak",
            DecisionError::BeforeDecision { field, .. } => field,
            DecisionError::InterruptionOrder { .. } => "avbrott_till",
            DecisionError::InterruptionWithoutStart
            | DecisionError::InterruptionBeforeEnforced { .. }
            | DecisionError::InterruptionsOverlap(..) => "avbrott_från",
            DecisionError::ClosedAfterEnforced { .. } => "avslutat",
            DecisionError::DeclinedBeforeOffer { .. } => "erbjudande",
        }
    }
}

/// The id of a decision in the register: a number or code the unit chooses, never a name or
/// personnummer. Only `A–Z a–z 0–9 - _ . / :` are allowed (so no spaces, which keeps names
/// out), at most [`MAX_ID_LEN`] characters, and nothing whose digits form a valid
/// personnummer or samordningsnummer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DecisionId(String);

impl DecisionId {
    /// Checks and wraps an id.
    pub fn new(text: &str) -> Result<DecisionId, DecisionError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(DecisionError::IdEmpty);
        }
        if t.chars().count() > MAX_ID_LEN {
            return Err(DecisionError::IdTooLong(
                t.chars().take(MAX_ID_LEN).collect(),
            ));
        }
        if !t
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:".contains(c))
        {
            return Err(DecisionError::IdCharacters(t.to_string()));
        }
        if looks_like_personal_number(t) {
            return Err(DecisionError::IdPersonalNumber);
        }
        Ok(DecisionId(t.to_string()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DecisionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for DecisionId {
    type Error = DecisionError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        DecisionId::new(&s)
    }
}

impl From<DecisionId> for String {
    fn from(id: DecisionId) -> Self {
        id.0
    }
}

/// Kön: K (kvinna) or M (man), as the reports count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Gender {
    /// Kvinna.
    K,
    /// Man.
    M,
}

impl Gender {
    /// Reads "K" or "M" (any case, also "kvinna"/"man").
    pub fn parse(text: &str) -> Result<Gender, DecisionError> {
        match text.trim().to_lowercase().as_str() {
            "k" | "kvinna" => Ok(Gender::K),
            "m" | "man" => Ok(Gender::M),
            _ => Err(DecisionError::Gender(text.trim().to_string())),
        }
    }

    /// "K" or "M".
    pub fn letter(self) -> &'static str {
        match self {
            Gender::K => "K",
            Gender::M => "M",
        }
    }
}

/// Orsak: why a decision has not been carried out, by the codes of the reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Reason {
    /// 1: tackat nej till erbjuden plats (declined an offer).
    DeclinedOffer,
    /// 2: resursbrist (lack of resources).
    ResourceShortage,
    /// 3: annat (other).
    Other,
}

impl Reason {
    /// The code 1–3.
    pub fn code(self) -> u8 {
        match self {
            Reason::DeclinedOffer => 1,
            Reason::ResourceShortage => 2,
            Reason::Other => 3,
        }
    }

    /// The reason with code 1–3.
    pub fn from_code(code: u8) -> Option<Reason> {
        match code {
            1 => Some(Reason::DeclinedOffer),
            2 => Some(Reason::ResourceShortage),
            3 => Some(Reason::Other),
            _ => None,
        }
    }

    /// Reads "1", "2" or "3".
    pub fn parse(text: &str) -> Result<Reason, DecisionError> {
        text.trim()
            .parse::<u8>()
            .ok()
            .and_then(Reason::from_code)
            .ok_or_else(|| DecisionError::Reason(text.trim().to_string()))
    }

    /// The Swedish wording.
    pub fn swedish(self) -> &'static str {
        match self {
            Reason::DeclinedOffer => "tackat nej till erbjuden plats",
            Reason::ResourceShortage => "resursbrist",
            Reason::Other => "annat",
        }
    }
}

impl TryFrom<u8> for Reason {
    type Error = DecisionError;
    fn try_from(code: u8) -> Result<Self, Self::Error> {
        Reason::from_code(code).ok_or_else(|| DecisionError::Reason(code.to_string()))
    }
}

impl From<Reason> for u8 {
    fn from(r: Reason) -> Self {
        r.code()
    }
}

/// Erbjudande: an offer of the service (a place, a contact person) and when it was declined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    /// When the offer was made.
    pub offered: NaiveDate,
    /// When the person declined it, if they did.
    #[serde(default)]
    pub declined: Option<NaiveDate>,
}

/// Avslutat: closed without being carried out (the person withdrew, moved, died …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    /// The day it was closed.
    pub date: NaiveDate,
    /// Why, in words.
    #[serde(default)]
    pub why: Option<String>,
}

/// Avbrott: the carrying out stopped on `from` and resumed on `to` (if it has).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interruption {
    /// Avbrott från: the first day without the service.
    pub from: NaiveDate,
    /// Återupptaget: the day it resumed, if it has.
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

/// Gynnande beslut: one decision in the register. Build it with its fields and call
/// [`GrantedDecision::validate`] (or [`GrantedDecision::validate_with`] for the catalogue too); stored
/// decisions are checked again when read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DecisionData")]
pub struct GrantedDecision {
    /// The register's id for it.
    pub id: DecisionId,
    /// Insats: the catalogue name of the type of service.
    #[serde(rename = "type")]
    pub service: String,
    /// Beslutsdatum.
    pub decision_date: NaiveDate,
    /// Kön.
    pub gender: Gender,
    /// Enhet: the unit responsible.
    #[serde(default)]
    pub unit: Option<String>,
    /// Erbjudanden: offers made and declined.
    #[serde(default)]
    pub offers: Vec<Offer>,
    /// Orsak (code 1–3).
    #[serde(default)]
    pub reason: Option<Reason>,
    /// Orsak in words.
    #[serde(default)]
    pub reason_text: Option<String>,
    /// Verkställt: the day it was carried out.
    #[serde(default)]
    pub enforced: Option<NaiveDate>,
    /// Avslutat utan verkställighet.
    #[serde(default)]
    pub closed: Option<Closure>,
    /// Avbrott, oldest first.
    #[serde(default)]
    pub interruptions: Vec<Interruption>,
    /// The nämnd whose decision it is: only those who work in it may read the row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<crate::ids::BodyId>,
}

/// The unchecked shape of a [`GrantedDecision`], for deserialising.
#[derive(Deserialize)]
struct DecisionData {
    id: DecisionId,
    #[serde(rename = "type")]
    service: String,
    decision_date: NaiveDate,
    gender: Gender,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    offers: Vec<Offer>,
    #[serde(default)]
    reason: Option<Reason>,
    #[serde(default)]
    reason_text: Option<String>,
    #[serde(default)]
    enforced: Option<NaiveDate>,
    #[serde(default)]
    closed: Option<Closure>,
    #[serde(default)]
    interruptions: Vec<Interruption>,
    #[serde(default)]
    body: Option<crate::ids::BodyId>,
}

/// The errors of a decision read back, joined.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
pub struct DecisionErrors(pub Vec<DecisionError>);

impl TryFrom<DecisionData> for GrantedDecision {
    type Error = DecisionErrors;
    fn try_from(d: DecisionData) -> Result<Self, Self::Error> {
        let decision = GrantedDecision {
            id: d.id,
            service: d.service,
            decision_date: d.decision_date,
            gender: d.gender,
            unit: d.unit,
            offers: d.offers,
            reason: d.reason,
            reason_text: d.reason_text,
            enforced: d.enforced,
            closed: d.closed,
            interruptions: d.interruptions,
            body: d.body,
        };
        let errors = decision.validate();
        if errors.is_empty() {
            Ok(decision)
        } else {
            Err(DecisionErrors(errors))
        }
    }
}

/// Reads an ISO date (`2023-11-30`) of `field`; empty text is `None`.
pub fn parse_optional_date(
    field: &'static str,
    text: &str,
) -> Result<Option<NaiveDate>, DecisionError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    iso_date(t)
        .or_else(|| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
        .map(Some)
        .ok_or_else(|| DecisionError::Date {
            field,
            value: t.to_string(),
        })
}

/// `YYYY-MM-DD` exactly, read without a format parser (registers have a million of them);
/// anything else is left to chrono's.
fn iso_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// Reads a required ISO date of `field`.
pub fn parse_date(field: &'static str, text: &str) -> Result<NaiveDate, DecisionError> {
    parse_optional_date(field, text)?.ok_or(DecisionError::Missing(field))
}

impl GrantedDecision {
    /// A decision with only the required facts.
    pub fn new(id: DecisionId, service: &str, decision_date: NaiveDate, gender: Gender) -> Self {
        GrantedDecision {
            id,
            service: service.to_string(),
            decision_date,
            gender,
            unit: None,
            offers: Vec::new(),
            reason: None,
            reason_text: None,
            enforced: None,
            closed: None,
            interruptions: Vec::new(),
            body: None,
        }
    }

    /// Every rule the decision breaks on its own (without the catalogue): no date before
    /// the decision date, interruptions in order, not overlapping, and only after the
    /// decision was carried out; closed without enforcement only if never carried out or
    /// after an interruption. Empty when it is sound.
    pub fn validate(&self) -> Vec<DecisionError> {
        let mut errors = Vec::new();
        let decided = self.decision_date;
        let before = |field, date: NaiveDate| DecisionError::BeforeDecision {
            field,
            date,
            decided,
        };
        if let Some(e) = self.enforced.filter(|e| *e < decided) {
            errors.push(before("verkställt", e));
        }
        if let Some(c) = self.closed.as_ref().filter(|c| c.date < decided) {
            errors.push(before("avslutat", c.date));
        }
        if let (Some(enforced), Some(_)) = (self.enforced, &self.closed) {
            if self.interruptions.is_empty() {
                errors.push(DecisionError::ClosedAfterEnforced { enforced });
            }
        }
        for o in &self.offers {
            if o.offered < decided {
                errors.push(before("erbjudande", o.offered));
            }
            if let Some(d) = o.declined.filter(|d| *d < o.offered) {
                errors.push(DecisionError::DeclinedBeforeOffer {
                    offered: o.offered,
                    declined: d,
                });
            }
        }
        let mut previous_end: Option<Option<NaiveDate>> = None;
        let mut previous_from = None;
        for i in &self.interruptions {
            if i.from < decided {
                errors.push(before("avbrott_från", i.from));
            }
            if let Some(to) = i.to.filter(|t| *t < i.from) {
                errors.push(DecisionError::InterruptionOrder { from: i.from, to });
            }
            match self.enforced {
                Some(e) if e <= i.from => {}
                _ => errors.push(DecisionError::InterruptionBeforeEnforced { from: i.from }),
            }
            if let (Some(end), Some(pf)) = (previous_end, previous_from) {
                // The previous one must have ended on or before this one starts.
                if end.is_none_or(|e| e > i.from) {
                    errors.push(DecisionError::InterruptionsOverlap(pf, i.from));
                }
            }
            previous_end = Some(i.to);
            previous_from = Some(i.from);
        }
        errors
    }

    /// [`GrantedDecision::validate`] and, in addition, that the type is the catalogue's name.
    pub fn validate_with(&self, catalogue: &Catalogue) -> Vec<DecisionError> {
        let mut errors = Vec::new();
        if catalogue.by_name(&self.service).is_none() {
            errors.push(DecisionError::UnknownType(self.service.clone()));
        }
        errors.extend(self.validate());
        errors
    }

    /// Records an avbrott as a register row, a form or a command gives it: one pair of
    /// dates, the latest interruption. The one rule for every way in:
    /// - an interruption with the same start gets the new end (`to`, or running again);
    /// - otherwise a running latest interruption is replaced, and an ended one stays in the
    ///   history with the new one after it;
    /// - no start and no end strikes the latest interruption; an end without a start is
    ///   refused.
    ///
    /// What the history then says is checked by [`GrantedDecision::validate`] (order, overlaps).
    pub fn set_latest_interruption(
        &mut self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<(), DecisionError> {
        let Some(from) = from else {
            if to.is_some() {
                return Err(DecisionError::InterruptionWithoutStart);
            }
            self.interruptions.pop();
            return Ok(());
        };
        if let Some(same) = self.interruptions.iter_mut().find(|i| i.from == from) {
            same.to = to;
            return Ok(());
        }
        if self.interruptions.last().is_some_and(|i| i.to.is_none()) {
            self.interruptions.pop();
        }
        self.interruptions.push(Interruption { from, to });
        Ok(())
    }

    /// The interruption in force on `date`: started on or before it and not resumed on or
    /// before it.
    pub fn interruption_at(&self, date: NaiveDate) -> Option<&Interruption> {
        self.interruptions
            .iter()
            .rev()
            .find(|i| i.from <= date && i.to.is_none_or(|t| t > date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    proptest::proptest! {
        /// The quick reading of `YYYY-MM-DD` agrees with chrono's on any text.
        #[test]
        fn the_quick_date_reading_agrees_with_chrono(t in "[0-9]{4}-[0-9]{2}-[0-9]{2}|\\PC{0,12}") {
            let chrono = NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").ok();
            let quick = parse_optional_date("beslutsdatum", &t).ok().flatten();
            if !t.trim().is_empty() {
                proptest::prop_assert_eq!(quick, chrono);
            }
        }
    }

    #[test]
    fn dates_read_quickly_are_the_calendars() {
        assert_eq!(iso_date("2024-02-29"), Some(d("2024-02-29")));
        assert_eq!(iso_date("2023-02-29"), None);
        assert_eq!(iso_date("2023-13-01"), None);
        assert_eq!(iso_date("2023-1-01x"), None);
        assert_eq!(iso_date("+023-01-01"), None);
        assert!(parse_date("beslutsdatum", "2023-02-29").is_err());
    }

    #[test]
    fn one_rule_records_an_interruption_from_every_way_in() {
        let mut x = GrantedDecision::new(
            DecisionId::new("N1").unwrap(),
            "Boendestöd",
            d("2023-01-10"),
            Gender::K,
        );
        x.enforced = Some(d("2023-02-01"));
        assert_eq!(
            x.set_latest_interruption(None, Some(d("2023-03-01"))),
            Err(DecisionError::InterruptionWithoutStart)
        );
        x.set_latest_interruption(Some(d("2023-03-01")), None)
            .unwrap();
        // A running one is replaced by a new start.
        x.set_latest_interruption(Some(d("2023-03-05")), None)
            .unwrap();
        assert_eq!(x.interruptions.len(), 1);
        // The same start gets its end.
        x.set_latest_interruption(Some(d("2023-03-05")), Some(d("2023-04-01")))
            .unwrap();
        assert_eq!(x.interruptions[0].to, Some(d("2023-04-01")));
        // An ended one stays in the history.
        x.set_latest_interruption(Some(d("2023-05-01")), None)
            .unwrap();
        assert_eq!(x.interruptions.len(), 2);
        assert!(x.validate().is_empty(), "{:?}", x.validate());
        // Given again, unchanged: nothing changes.
        let before = x.interruptions.clone();
        x.set_latest_interruption(Some(d("2023-05-01")), None)
            .unwrap();
        assert_eq!(x.interruptions, before);
        // Overlapping the history: kept, and validate says so.
        x.set_latest_interruption(Some(d("2023-05-01")), Some(d("2023-06-01")))
            .unwrap();
        x.set_latest_interruption(Some(d("2023-03-20")), None)
            .unwrap();
        assert!(x
            .validate()
            .iter()
            .any(|e| matches!(e, DecisionError::InterruptionsOverlap(..))));
        // Nothing given strikes the latest.
        x.set_latest_interruption(None, None).unwrap();
        assert_eq!(x.interruptions.len(), 2);
        assert!(x.validate().is_empty());
    }

    #[test]
    fn ids_never_hold_a_personnummer_or_a_name() {
        assert!(DecisionId::new("X1").is_ok());
        assert!(DecisionId::new("VOF-2023/17").is_ok());
        assert_eq!(
            DecisionId::new("811218-9876"),
            Err(DecisionError::IdPersonalNumber)
        );
        assert_eq!(
            DecisionId::new("198112189876"),
            Err(DecisionError::IdPersonalNumber)
        );
        assert!(matches!(
            DecisionId::new("Anna Andersson"),
            Err(DecisionError::IdCharacters(_))
        ));
        assert!(matches!(
            DecisionId::new("Åsa"),
            Err(DecisionError::IdCharacters(_))
        ));
        assert_eq!(DecisionId::new("  "), Err(DecisionError::IdEmpty));
        assert!(matches!(
            DecisionId::new(&"a".repeat(41)),
            Err(DecisionError::IdTooLong(_))
        ));
        // The check runs when read back too.
        assert!(serde_json::from_str::<DecisionId>("\"811218-9876\"").is_err());
    }

    #[test]
    fn gender_and_reason_codes() {
        assert_eq!(Gender::parse(" k "), Ok(Gender::K));
        assert_eq!(Gender::parse("M"), Ok(Gender::M));
        assert!(Gender::parse("X").is_err());
        assert_eq!(Reason::parse("1"), Ok(Reason::DeclinedOffer));
        assert_eq!(Reason::parse("3").map(Reason::code), Ok(3));
        assert!(Reason::parse("4").is_err());
        assert!(Reason::parse("0").is_err());
        assert!(Reason::parse("ett").is_err());
        assert_eq!(
            serde_json::to_string(&Reason::ResourceShortage).ok(),
            Some("2".into())
        );
    }

    #[test]
    fn dates_out_of_order_are_refused() {
        let id = DecisionId::new("A1").expect("id");
        let mut x = GrantedDecision::new(id, "LSS – kontaktperson", d("2023-05-01"), Gender::K);
        assert!(x.validate().is_empty());
        x.enforced = Some(d("2023-04-30"));
        assert_eq!(x.validate()[0].field(), "verkställt");
        x.enforced = Some(d("2023-06-01"));
        x.interruptions.push(Interruption {
            from: d("2023-05-15"),
            to: None,
        });
        assert_eq!(x.validate()[0].field(), "avbrott_från");
        x.interruptions[0].from = d("2023-07-01");
        x.interruptions[0].to = Some(d("2023-06-30"));
        assert_eq!(x.validate()[0].field(), "avbrott_till");
        x.interruptions[0].to = None;
        assert!(x.validate().is_empty());
        x.interruptions.push(Interruption {
            from: d("2023-09-01"),
            to: None,
        });
        assert!(matches!(
            x.validate()[..],
            [DecisionError::InterruptionsOverlap(..)]
        ));
        let json = serde_json::to_string(&x).expect("json");
        assert!(serde_json::from_str::<GrantedDecision>(&json).is_err());
    }

    #[test]
    fn the_type_must_be_a_catalogue_name() {
        let c = Catalogue::default_catalogue();
        let id = DecisionId::new("A1").expect("id");
        let x = GrantedDecision::new(id, "Hemtjänst", d("2023-05-01"), Gender::K);
        assert_eq!(
            x.validate_with(&c),
            vec![DecisionError::UnknownType("Hemtjänst".into())]
        );
    }
}
