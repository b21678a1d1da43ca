//! Delegationsordning: the versioned document in which a nämnd lists the matters it lets
//! others decide, and who decides each — in ranked order, per level where the item is
//! graded, and only an utskott where the law says so (SoL 10 kap. 4 §; från 1 juli 2025 SoL (2025:400) 30 kap. 6–8 §§).

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::legal::{LegalRef, Threshold};

/// What is wrong with an order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrderError {
    /// No title.
    #[error("delegationsordningen saknar titel")]
    NoTitle,
    /// An item without a number.
    #[error("en punkt saknar nummer (ärende ”{0}”)")]
    NoNumber(String),
    /// The same number twice.
    #[error("punkt {0} förekommer flera gånger")]
    DuplicateItem(String),
    /// An item the law reserves for the nämnd itself (KL 6 kap. 38 §).
    #[error("punkt {item} får inte delegeras: {ground} (KL 6 kap. 38 §)")]
    NotDelegable {
        /// The item.
        item: String,
        /// Which of the law's kinds, in Swedish.
        ground: &'static str,
    },
    /// Valid until a date before it was adopted or revised.
    #[error("giltig t o m {until} ligger före {since}")]
    ValidUntilBeforeStart {
        /// Giltig t o m.
        until: NaiveDate,
        /// Antagen or reviderad.
        since: NaiveDate,
    },
}

/// The normalised form of a role name, for comparison: lower case, single spaces, no
/// trailing `*` (the seed marks conditional delegates with one), and the seed's misspelling
/// "socialekreterare" read as "socialsekreterare".
pub fn role_key(role: &str) -> String {
    // `str::to_lowercase` takes ASCII a block at a time (a million rows check their role).
    let lower = role.to_lowercase();
    let mut s = String::with_capacity(lower.len());
    for w in lower.split_whitespace() {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
    }
    let s = s.trim_end_matches('*').trim().to_string();
    if s == "socialekreterare" {
        return "socialsekreterare".to_string();
    }
    s
}

/// Roles held by elected members (förtroendevalda), as opposed to officials
/// (tjänstepersoner). An item that may only go to an utskott may be decided by these.
pub const ELECTED_ROLES: [&str; 9] = [
    "nämnd",
    "nämnden",
    "utskott",
    "utskottet",
    "ordförande",
    "1:e vice ordförande",
    "2:e vice ordförande",
    "vice ordförande",
    "ledamot",
];

/// The kind of matter KL 6 kap. 38 § keeps for the nämnd itself that `matter` states, if
/// it states one: verksamhetens mål, inriktning, omfattning eller kvalitet (and the budget or
/// verksamhetsplan that sets them); framställningar and yttranden to fullmäktige, and
/// yttranden where a decision of the nämnd as a whole or of fullmäktige is appealed;
/// myndighetsutövning of principiell beskaffenhet or annars av större vikt (not "ej av
/// principiell beskaffenhet"); medborgarförslag. The fifth kind — what another law keeps
/// from delegation — cannot be read from the text and is not checked here.
pub fn reserved_for_the_body(matter: &str) -> Option<&'static str> {
    use regex::Regex;
    use std::sync::LazyLock;
    static GOALS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(fastställa|besluta om|beslut om|anta|antagande av|fastställande av)\s+(\w+s\s+)?(verksamhetens (mål|inriktning|omfattning|kvalitet)|mål och inriktning|budget|internbudget|verksamhetsplan)\b|^\s*(verksamhetens (mål|inriktning|omfattning|kvalitet)|mål och inriktning för)",
        )
        .expect("regex")
    });
    static COUNCIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(yttrande|framställan|framställning)\w*\s+(\w+\s+){0,3}till\s+(kommun)?fullmäktige",
        )
        .expect("regex")
    });
    static APPEALED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"yttrande\w*.{0,60}(överklag\w*.{0,40}(nämndens beslut|beslut av nämnden|nämnden i dess helhet|fullmäktiges beslut|beslut av (kommun)?fullmäktige)|(nämndens|fullmäktiges) beslut[^.;]{0,40}överklag)")
            .expect("regex")
    });
    static WEIGHT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"principiell beskaffenhet|större vikt").expect("regex"));
    static NEGATED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(ej|inte|icke|inget|inga)\b[^.;]*$").expect("regex"));
    let m = matter.to_lowercase();
    if GOALS.is_match(&m) {
        return Some(
            "verksamhetens mål, inriktning, omfattning eller kvalitet beslutar nämnden själv",
        );
    }
    if COUNCIL.is_match(&m) || APPEALED.is_match(&m) {
        return Some("framställningar och yttranden till fullmäktige, och yttranden när nämndens eller fullmäktiges eget beslut överklagats, beslutar nämnden själv");
    }
    for hit in WEIGHT.find_iter(&m) {
        if !NEGATED.is_match(&m[..hit.start()]) {
            return Some("ärenden av principiell beskaffenhet eller annars av större vikt beslutar nämnden själv");
        }
    }
    if m.contains("medborgarförslag") {
        return Some("ärenden väckta genom medborgarförslag beslutar nämnden själv");
    }
    None
}

/// Whether `role` is an utskott: "utskottet", or an utskott by its name ("Individ- och
/// omsorgsutskottet"). Only these may decide what SoL 10 kap. 4 § (now 30 kap. 6–8 §§ of SoL 2025:400) keeps from everyone else
/// (not the ordförande, not a single ledamot, not an official).
pub fn is_utskott(role: &str) -> bool {
    let k = role_key(role);
    k.ends_with("utskott") || k.ends_with("utskottet")
}

/// Whether `role` is held by an elected member (see [`ELECTED_ROLES`]).
pub fn is_elected(role: &str) -> bool {
    let k = role_key(role);
    ELECTED_ROLES.contains(&k.as_str()) || k.ends_with("utskott") || k.ends_with("utskottet")
}

/// The delegate that the seed writes as "Delegat som har rätt att fatta ursprungsbeslutet":
/// whoever may decide the original matter. A check cannot know that matter, so any role
/// passes.
pub const ORIGINAL_DELEGATE: &str = "delegat som har rätt att fatta ursprungsbeslutet";

/// Nivå: the number of a graded level, "1", "2", or "2a" where a level has sub-levels. It is
/// written to JSON as a number when it is one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LevelNumber(pub String);

impl LevelNumber {
    /// Normalises "2. a)", "2a", " 2 " to "2a", "2".
    pub fn new(text: &str) -> LevelNumber {
        LevelNumber(
            text.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect(),
        )
    }
}

impl fmt::Display for LevelNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for LevelNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.parse::<u32>() {
            Ok(n) => s.serialize_u32(n),
            Err(_) => s.serialize_str(&self.0),
        }
    }
}

impl<'de> Deserialize<'de> for LevelNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            N(u64),
            S(String),
        }
        Ok(match Raw::deserialize(d)? {
            Raw::N(n) => LevelNumber(n.to_string()),
            Raw::S(s) => LevelNumber::new(&s),
        })
    }
}

/// Villkorad delegat: delegates who may decide only under a condition, such as
/// "vid brådskande ärende" or "med veckoberedskap inom IFO".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionalDelegates {
    /// The condition as written.
    pub condition: String,
    /// Delegates in ranked order, each rank a list of alternatives.
    pub delegates: Vec<Vec<String>>,
}

/// Nivå: one grade of a graded item (item 3.3: 1. Grundnivå … 5. Förlorad arbetsinkomst över
/// fyra månader), with its own delegates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    /// 1, 2, "2a" …
    pub number: LevelNumber,
    /// What the level covers.
    pub matter: Option<String>,
    /// Delegates in ranked order, each rank a list of alternatives.
    pub delegates: Vec<Vec<String>>,
    /// Amounts and times the level is bounded by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thresholds: Vec<Threshold>,
    /// A note on the delegate (such as "i samråd med Enhetschef eller Samordnare").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

/// Delegationspunkt: one row of the order — the matter, its lagrum, who decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// "1.2.1", "7.2.10".
    pub number: String,
    /// The section it stands under ("1.2").
    pub section: Option<String>,
    /// Ärende.
    pub matter: String,
    /// Lagrum, each reference as written.
    pub legal_basis: Vec<String>,
    /// The same references parsed.
    #[serde(default)]
    pub legal_refs: Vec<LegalRef>,
    /// Delegat: ranks in order; each rank one or more alternatives.
    pub delegates: Vec<Vec<String>>,
    /// Delegates who may decide only under a condition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditional: Vec<ConditionalDelegates>,
    /// Graded levels with their own delegates.
    #[serde(default)]
    pub levels: Vec<Level>,
    /// Amounts and times the item is bounded by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thresholds: Vec<Threshold>,
    /// Anmärkning.
    pub remark: Option<String>,
    /// May only be delegated to an utskott (SoL 10 kap. 4 §; från 1 juli 2025 SoL (2025:400) 30 kap. 6–8 §§).
    pub utskott_only: bool,
    /// The order moves the whole item to another number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<String>,
}

impl Item {
    /// Every role that may decide the item at any level or rank, conditional ones included.
    pub fn all_roles(&self) -> impl Iterator<Item = &str> {
        self.delegates
            .iter()
            .chain(self.levels.iter().flat_map(|l| l.delegates.iter()))
            .chain(self.conditional.iter().flat_map(|c| c.delegates.iter()))
            .flatten()
            .map(String::as_str)
    }

    /// The level numbered `n`.
    pub fn level(&self, n: &LevelNumber) -> Option<&Level> {
        self.levels.iter().find(|l| &l.number == n)
    }
}

/// Avsnitt: a chapter or section heading ("1. Gemensamt", "1.2. Utlämnande av handlingar").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// "1", "1.2".
    pub number: String,
    /// Its title.
    pub title: String,
    /// Its items may only be delegated to an utskott.
    pub utskott_only: bool,
}

/// Why an order needs review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Staleness {
    /// Past its "giltig t o m".
    Expired {
        /// Giltig t o m.
        valid_until: NaiveDate,
    },
    /// Revised (or adopted) more than a year ago: the order asks to be reviewed yearly.
    OlderThanAYear {
        /// Last revised or adopted.
        since: NaiveDate,
    },
}

impl fmt::Display for Staleness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Staleness::Expired { valid_until } => write!(
                f,
                "delegationsordningen gällde t o m {valid_until} och behöver revideras"
            ),
            Staleness::OlderThanAYear { since } => write!(
                f,
                "delegationsordningen reviderades senast {since}, för mer än ett år sedan; den ska gås igenom varje år"
            ),
        }
    }
}

/// Delegationsordning: one version of a body's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawOrder")]
pub struct DelegationOrder {
    /// "Delegationsordning för Socialnämnden".
    pub title: String,
    /// Diarienummer ("SOC 2023-000189").
    pub case_number: Option<String>,
    /// Antagen (fastställd).
    pub adopted: Option<NaiveDate>,
    /// Senast reviderad.
    pub revised: Option<NaiveDate>,
    /// Giltig t o m.
    pub valid_until: Option<NaiveDate>,
    /// Gäller från: when this version takes effect; without it, `revised` or `adopted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<NaiveDate>,
    /// Who adopted it, as written ("Socialnämnden 2019-06-19 § 132").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted_by: Option<String>,
    /// The body whose order it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The rules text (Inledning), one paragraph each.
    #[serde(default)]
    pub rules: Vec<String>,
    /// Förkortningar.
    pub abbreviations: BTreeMap<String, String>,
    /// Chapters and sections.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// The items.
    pub items: Vec<Item>,
}

#[derive(Deserialize)]
struct RawOrder {
    title: String,
    case_number: Option<String>,
    adopted: Option<NaiveDate>,
    revised: Option<NaiveDate>,
    valid_until: Option<NaiveDate>,
    #[serde(default)]
    valid_from: Option<NaiveDate>,
    #[serde(default)]
    adopted_by: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    abbreviations: BTreeMap<String, String>,
    #[serde(default)]
    sections: Vec<Section>,
    items: Vec<Item>,
}

impl TryFrom<RawOrder> for DelegationOrder {
    type Error = OrderError;
    fn try_from(r: RawOrder) -> Result<Self, Self::Error> {
        let o = DelegationOrder {
            title: r.title,
            case_number: r.case_number,
            adopted: r.adopted,
            revised: r.revised,
            valid_until: r.valid_until,
            valid_from: r.valid_from,
            adopted_by: r.adopted_by,
            body: r.body,
            rules: r.rules,
            abbreviations: r.abbreviations,
            sections: r.sections,
            items: r.items,
        };
        match o.validate().into_iter().next() {
            Some(e) => Err(e),
            None => Ok(o),
        }
    }
}

impl DelegationOrder {
    /// Every rule the order breaks: a title, numbered and unique items, a "giltig t o m"
    /// not before the order's start.
    pub fn validate(&self) -> Vec<OrderError> {
        let mut errors = Vec::new();
        if self.title.trim().is_empty() {
            errors.push(OrderError::NoTitle);
        }
        let mut seen = HashSet::new();
        for i in &self.items {
            if let Some(ground) = reserved_for_the_body(&i.matter) {
                errors.push(OrderError::NotDelegable {
                    item: i.number.clone(),
                    ground,
                });
            }
            if i.number.trim().is_empty() {
                errors.push(OrderError::NoNumber(i.matter.chars().take(60).collect()));
            } else if !seen.insert(i.number.as_str()) {
                errors.push(OrderError::DuplicateItem(i.number.clone()));
            }
        }
        if let (Some(until), Some(since)) = (self.valid_until, self.effective_from()) {
            if until < since {
                errors.push(OrderError::ValidUntilBeforeStart { until, since });
            }
        }
        errors
    }

    /// The day this version takes effect: `valid_from`, else `revised`, else `adopted`.
    pub fn effective_from(&self) -> Option<NaiveDate> {
        self.valid_from.or(self.revised).or(self.adopted)
    }

    /// The item numbered `number` ("3.3" or "3.3.").
    pub fn item(&self, number: &str) -> Option<&Item> {
        let n = number.trim().trim_end_matches('.');
        self.items.iter().find(|i| i.number == n)
    }

    /// Whether the order needs review on `today`: past its "giltig t o m", or last revised
    /// (or adopted) more than a year before.
    pub fn staleness(&self, today: NaiveDate) -> Option<Staleness> {
        if let Some(valid_until) = self.valid_until {
            if today > valid_until {
                return Some(Staleness::Expired { valid_until });
            }
        }
        let since = self.revised.or(self.adopted)?;
        let year_after = since
            .checked_add_months(Months::new(12))
            .unwrap_or(NaiveDate::MAX);
        (today > year_after).then_some(Staleness::OlderThanAYear { since })
    }

    /// The last day this version is in force given the next version's start, if any.
    pub fn in_force_until(&self, next: Option<&DelegationOrder>) -> Option<NaiveDate> {
        next.and_then(|n| n.effective_from())
            .and_then(|d| d.checked_sub_days(Days::new(1)))
    }
}

/// The version of `versions` in force on `date`: the one with the latest start on or before
/// it. Versions without any date never apply.
pub fn in_force(versions: &[DelegationOrder], date: NaiveDate) -> Option<&DelegationOrder> {
    versions
        .iter()
        .filter(|v| v.effective_from().is_some_and(|d| d <= date))
        .max_by_key(|v| v.effective_from())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    pub fn ranks(r: &[&[&str]]) -> Vec<Vec<String>> {
        r.iter()
            .map(|a| a.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    pub fn item(number: &str, delegates: &[&[&str]]) -> Item {
        Item {
            number: number.into(),
            section: number.rsplit_once('.').map(|(s, _)| s.to_string()),
            matter: format!("Ärende {number}"),
            legal_basis: vec![],
            legal_refs: vec![],
            delegates: ranks(delegates),
            conditional: vec![],
            levels: vec![],
            thresholds: vec![],
            remark: None,
            utskott_only: false,
            moved_to: None,
        }
    }

    pub fn order(revised: &str, items: Vec<Item>) -> DelegationOrder {
        DelegationOrder {
            title: "Delegationsordning för Socialnämnden".into(),
            case_number: Some("SOC 2023-000189".into()),
            adopted: Some(d("2019-06-19")),
            revised: Some(d(revised)),
            valid_until: None,
            valid_from: None,
            adopted_by: None,
            body: None,
            rules: vec![],
            abbreviations: BTreeMap::new(),
            sections: vec![],
            items,
        }
    }

    #[test]
    fn role_keys_normalise() {
        assert_eq!(role_key("  Enhetschef* "), "enhetschef");
        assert_eq!(role_key("Socialekreterare"), "socialsekreterare");
        assert_eq!(role_key("Medicinskt  ansvarig"), "medicinskt ansvarig");
        assert!(is_elected("Utskott"));
        assert!(is_elected("Individ- och omsorgsutskottet"));
        assert!(is_elected("Ordförande"));
        assert!(!is_elected("Enhetschef"));
        assert!(is_utskott("Utskottet"));
        assert!(is_utskott("Individ- och omsorgsutskottet"));
        assert!(!is_utskott("Ordförande"));
        assert!(!is_utskott("Ledamot"));
    }

    #[test]
    fn duplicate_and_unnumbered_items_are_refused() {
        let o = order(
            "2024-04-16",
            vec![
                item("1.1", &[&["Ordförande"]]),
                item("1.1", &[&["Utskott"]]),
            ],
        );
        assert_eq!(o.validate(), vec![OrderError::DuplicateItem("1.1".into())]);
        let json = serde_json::to_string(&o).expect("json");
        assert!(serde_json::from_str::<DelegationOrder>(&json).is_err());
        let o = order("2024-04-16", vec![item(" ", &[&["Ordförande"]])]);
        assert!(matches!(o.validate()[0], OrderError::NoNumber(_)));
        let mut o = order("2024-04-16", vec![]);
        o.title = String::new();
        assert_eq!(o.validate(), vec![OrderError::NoTitle]);
        o.title = "X".into();
        o.valid_until = Some(d("2024-01-01"));
        assert!(matches!(
            o.validate()[0],
            OrderError::ValidUntilBeforeStart { .. }
        ));
    }

    #[test]
    fn level_numbers_serialise_as_numbers_when_numeric() {
        assert_eq!(
            serde_json::to_string(&LevelNumber::new("1.")).expect("json"),
            "1"
        );
        assert_eq!(
            serde_json::to_string(&LevelNumber::new("2. a)")).expect("json"),
            "\"2a\""
        );
        let n: LevelNumber = serde_json::from_str("3").expect("json");
        assert_eq!(n, LevelNumber("3".into()));
    }

    #[test]
    fn staleness_after_a_year_or_past_valid_until() {
        let mut o = order("2024-04-16", vec![]);
        assert_eq!(o.staleness(d("2025-04-16")), None);
        assert_eq!(
            o.staleness(d("2025-04-17")),
            Some(Staleness::OlderThanAYear {
                since: d("2024-04-16")
            })
        );
        o.valid_until = Some(d("2024-12-31"));
        assert_eq!(
            o.staleness(d("2025-01-01")),
            Some(Staleness::Expired {
                valid_until: d("2024-12-31")
            })
        );
        assert_eq!(o.staleness(d("2024-12-31")), None);
        assert!(o
            .staleness(d("2025-01-01"))
            .expect("stale")
            .to_string()
            .contains("2024-12-31"));
    }

    #[test]
    fn the_version_in_force_is_the_latest_started() {
        let a = order("2023-01-01", vec![item("1.1", &[&["Ordförande"]])]);
        let mut b = order("2024-04-16", vec![]);
        b.valid_from = Some(d("2024-05-01"));
        let v = vec![b.clone(), a.clone()];
        assert_eq!(in_force(&v, d("2022-12-31")), None);
        assert_eq!(in_force(&v, d("2024-04-30")), Some(&a));
        assert_eq!(in_force(&v, d("2024-05-01")), Some(&b));
        assert_eq!(a.in_force_until(Some(&b)), Some(d("2024-04-30")));
        assert_eq!(a.item("1.1.").map(|i| i.number.as_str()), Some("1.1"));
    }

    /// KL 6 kap. 38 §: what the law keeps for the nämnd cannot stand in an order; the
    /// delegable matters of seed 002 that mention mål, yttranden or principiell beskaffenhet
    /// pass.
    #[test]
    fn matters_the_law_keeps_for_the_body_cannot_be_delegated() {
        for reserved in [
            "Fastställa nämndens budget och verksamhetsplan",
            "Beslut om verksamhetens mål och inriktning",
            "Verksamhetens mål för 2027",
            "Yttrande till kommunfullmäktige över motion",
            "Framställningar till fullmäktige",
            "Yttrande när nämndens beslut i dess helhet har överklagats",
            "Yttrande med anledning av överklagande av nämndens beslut",
            "Beslut i ärenden av principiell beskaffenhet",
            "Myndighetsutövning som är av större vikt",
            "Ärenden som väckts genom medborgarförslag",
        ] {
            assert!(reserved_for_the_body(reserved).is_some(), "{reserved}");
        }
        for delegable in [
            "Beslut om att föra kommunens talan i mål och ärenden som enligt SoL eller annan författning ankommer på nämnden.",
            "Yttrande med anledning av överklagande av delegats beslut till allmän förvaltningsdomstol.",
            "Avge yttrande till allmänna domstolar och förvaltningsdomstolar vid ärenden där socialnämnden är part.",
            "Beslut i ärenden som inte är av principiell beskaffenhet",
            "Bistånd som ej är av större vikt",
            "Attest inom ramen för budget",
            "Yttrande till IVO.",
            "Ärenden som ej är av principiell beskaffenhet eller annars av större vikt",
            "Inköp inom fastställd budget",
            "Beslut om omfördelning inom budget",
            "Insatser inom ramen för nämndens mål och inriktning",
            "Antal platser i korttidsboende",
        ] {
            assert_eq!(reserved_for_the_body(delegable), None, "{delegable}");
        }
        let mut o = order(
            "2024-01-01",
            vec![
                item("1.1", &[&["Ordförande"]]),
                item("1.2", &[&["Ordförande"]]),
            ],
        );
        o.items[1].matter = "Yttrande till kommunfullmäktige".into();
        assert!(matches!(
            o.validate()[0],
            OrderError::NotDelegable { ref item, .. } if item == "1.2"
        ));
    }
}
