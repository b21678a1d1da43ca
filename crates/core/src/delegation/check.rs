//! Kontroll av delegationsbeslut: each decision row against the version of the order in
//! force on its date — the item exists, the role is among its delegates (or its level's),
//! an item only an utskott may decide was not decided by an official, and the person held
//! the role that day where the roles register knows the person.

use std::collections::HashMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::order::{
    is_elected, is_utskott, role_key, DelegationOrder, Item, LevelNumber, ORIGINAL_DELEGATE,
};

/// Utfall: whether the decision granted what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Bifall.
    Bifall,
    /// Avslag.
    Avslag,
    /// Annat (neither, such as a decision to open an investigation).
    Annat,
}

impl Outcome {
    /// Reads "bifall", "avslag" or "annat" (any case).
    pub fn parse(text: &str) -> Result<Outcome, RowError> {
        match text.trim().to_lowercase().as_str() {
            "bifall" => Ok(Outcome::Bifall),
            "avslag" => Ok(Outcome::Avslag),
            "annat" => Ok(Outcome::Annat),
            _ => Err(RowError::Outcome(text.trim().to_string())),
        }
    }

    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            Outcome::Bifall => "bifall",
            Outcome::Avslag => "avslag",
            Outcome::Annat => "annat",
        }
    }
}

/// Delegationsbeslut: one decision taken on delegation, as the units' lists give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRow {
    /// Punkt i delegationsordningen.
    pub item: String,
    /// Graded level, when the list gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LevelNumber>,
    /// Beslutsdatum.
    pub date: NaiveDate,
    /// Beslutsfattare: the person's name.
    pub decided_by: String,
    /// Roll: the role the person decided in.
    pub role: String,
    /// Enhet.
    pub unit: String,
    /// Beslut: the type of decision as the unit names it.
    pub decision: String,
    /// Utfall.
    pub outcome: Outcome,
}

impl DecisionRow {
    /// Whether the decision was taken by the ordförande or another single förtroendevald on
    /// the nämnd's behalf — a decision in a brådskande ärende (KL 6 kap. 39 §), which is to
    /// be anmält at the nämnd's next meeting (6 kap. 40 §) and stays on the list to report
    /// until it is.
    pub fn reported_at_next_meeting(&self) -> bool {
        let k = role_key(&self.role);
        let single = k
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "ordförande" || w == "ledamot");
        (single || is_elected(&self.role))
            && !is_utskott(&self.role)
            && !k.contains("utskott")
            && k != "nämnd"
            && k != "nämnden"
    }
}

/// Befattning över tid: a person holding a role from a date to a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleHolder {
    /// The person's name.
    pub person: String,
    /// The role.
    pub role: String,
    /// From (inclusive).
    pub from: NaiveDate,
    /// To (inclusive); `None` while it lasts.
    pub to: Option<NaiveDate>,
}

/// Vidaredelegation: the förvaltningschef passes an item delegated to her on to another
/// role (KL 7 kap. 6 §), from a date to a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FurtherDelegation {
    /// The item.
    pub item: String,
    /// The role it is passed to.
    pub role: String,
    /// From (inclusive).
    pub from: NaiveDate,
    /// To (inclusive); `None` while it lasts.
    pub to: Option<NaiveDate>,
}

/// Why a decision row does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum RowError {
    /// A required column is empty.
    #[error("{0} saknas")]
    Missing(&'static str),
    /// A date that cannot be read.
    #[error("datum ”{0}” är inget datum (ÅÅÅÅ-MM-DD)")]
    Date(String),
    /// An outcome other than bifall, avslag, annat.
    #[error("utfall ”{0}” ska vara bifall, avslag eller annat")]
    Outcome(String),
    /// No version of the order was in force on the date.
    #[error("ingen delegationsordning gällde {0}")]
    NoOrder(NaiveDate),
    /// The item is not in the version in force.
    #[error("punkt {item} finns inte i delegationsordningen som gällde {date}")]
    UnknownItem {
        /// The item.
        item: String,
        /// The date.
        date: NaiveDate,
    },
    /// The item has been moved to another number.
    #[error("punkt {item} har flyttats till {to} i delegationsordningen")]
    ItemMoved {
        /// The item.
        item: String,
        /// Its new number.
        to: String,
    },
    /// The item is a reference without any delegate.
    #[error("punkt {0} har ingen delegat (den hänvisar till en annan punkt)")]
    NoDelegate(String),
    /// The level is not one of the item's.
    #[error("punkt {item} har ingen nivå {level}")]
    UnknownLevel {
        /// The item.
        item: String,
        /// The level.
        level: LevelNumber,
    },
    /// The role is not among the item's delegates.
    #[error("rollen {role} får inte besluta enligt punkt {item} (delegat: {delegates})")]
    RoleNotDelegate {
        /// The item.
        item: String,
        /// The role written.
        role: String,
        /// Who may, joined.
        delegates: String,
    },
    /// An item only an utskott may decide, decided by someone else (an official, the
    /// ordförande, a single ledamot).
    #[error("punkt {item} får enligt {law} bara delegeras till utskott, inte till {role}")]
    UtskottOnly {
        /// The item.
        item: String,
        /// The role written.
        role: String,
        /// The provision in force on the decision's date.
        law: &'static str,
    },
    /// The person did not hold the role on the date.
    #[error("{person} var inte {role} den {date} enligt befattningsregistret")]
    RoleNotHeld {
        /// The person.
        person: String,
        /// The role.
        role: String,
        /// The date.
        date: NaiveDate,
    },
}

impl RowError {
    /// The CSV column the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            RowError::Missing(f) => f,
            RowError::Date(_) | RowError::NoOrder(_) => "datum",
            RowError::Outcome(_) => "utfall",
            RowError::UnknownItem { .. }
            | RowError::ItemMoved { .. }
            | RowError::NoDelegate(_)
            | RowError::UnknownLevel { .. } => "punkt",
            RowError::RoleNotDelegate { .. } | RowError::UtskottOnly { .. } => "roll",
            RowError::RoleNotHeld { .. } => "beslutsfattare",
        }
    }
}

/// Why a row holds: the rank its role has, the level, a condition it depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Authority {
    /// 1 for the first-ranked delegate; 0 where the item lets any original delegate decide.
    pub rank: usize,
    /// The level whose delegates include the role.
    pub level: Option<LevelNumber>,
    /// The condition the delegate depends on.
    pub condition: Option<String>,
    /// Passed on by the förvaltningschef (vidaredelegation).
    pub further: bool,
}

impl fmt::Display for Authority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.further {
            return f.write_str("vidaredelegation från förvaltningschef");
        }
        if self.rank == 0 {
            return f.write_str("delegat för ursprungsbeslutet");
        }
        write!(f, "delegat i {} hand", self.rank)?;
        if let Some(l) = &self.level {
            write!(f, ", nivå {l}")?;
        }
        if let Some(c) = &self.condition {
            write!(f, " ({c})")?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone)]
struct Grant {
    rank: usize,
    level: Option<LevelNumber>,
    condition: Option<String>,
}

#[derive(Debug)]
struct ItemIndex {
    /// role key → first grant at item level (no level).
    plain: HashMap<String, Grant>,
    /// (level, role key) → grant.
    by_level: HashMap<(LevelNumber, String), Grant>,
    /// role key → first grant at any level.
    any_level: HashMap<String, Grant>,
    levels: Vec<LevelNumber>,
    any_role: bool,
    utskott_only: bool,
    moved_to: Option<String>,
    has_delegates: bool,
    director: bool,
    delegates_text: String,
}

impl ItemIndex {
    /// Whether the item names the role (key) as a delegate, at any level.
    fn names(&self, role: &str) -> bool {
        self.plain.contains_key(role)
            || self.any_level.contains_key(role)
            || self.by_level.keys().any(|(_, r)| r == role)
    }
}

fn grants(
    ranks: &[Vec<String>],
    level: Option<&LevelNumber>,
    condition: Option<&str>,
    out: &mut Vec<(String, Grant)>,
) {
    for (i, rank) in ranks.iter().enumerate() {
        for role in rank {
            out.push((
                role_key(role),
                Grant {
                    rank: i + 1,
                    level: level.cloned(),
                    condition: condition.map(str::to_string),
                },
            ));
        }
    }
}

fn describe(ranks: &[Vec<String>]) -> String {
    ranks
        .iter()
        .map(|r| r.join(" eller "))
        .collect::<Vec<_>>()
        .join(", ")
}

impl ItemIndex {
    fn new(item: &Item) -> ItemIndex {
        let mut plain = Vec::new();
        grants(&item.delegates, None, None, &mut plain);
        for c in &item.conditional {
            grants(&c.delegates, None, Some(&c.condition), &mut plain);
        }
        let mut levelled = Vec::new();
        for l in &item.levels {
            let mut g = Vec::new();
            grants(&l.delegates, Some(&l.number), l.remark.as_deref(), &mut g);
            levelled.extend(g.into_iter().map(|(k, g)| (l.number.clone(), k, g)));
        }
        let mut idx = ItemIndex {
            plain: HashMap::new(),
            by_level: HashMap::new(),
            any_level: HashMap::new(),
            levels: item.levels.iter().map(|l| l.number.clone()).collect(),
            any_role: item.all_roles().any(|r| role_key(r) == ORIGINAL_DELEGATE),
            utskott_only: item.utskott_only,
            moved_to: item.moved_to.clone(),
            has_delegates: item.all_roles().next().is_some(),
            director: item.all_roles().any(|r| role_key(r) == "förvaltningschef"),
            delegates_text: {
                let mut parts = vec![describe(&item.delegates)];
                parts.extend(
                    item.levels
                        .iter()
                        .map(|l| format!("nivå {}: {}", l.number, describe(&l.delegates))),
                );
                parts.extend(
                    item.conditional
                        .iter()
                        .map(|c| format!("{} {}", c.condition, describe(&c.delegates))),
                );
                parts.retain(|p| !p.is_empty());
                parts.join("; ")
            },
        };
        for (k, g) in plain {
            idx.plain.entry(k).or_insert(g);
        }
        for (l, k, g) in levelled {
            idx.any_level.entry(k.clone()).or_insert_with(|| g.clone());
            idx.by_level.entry((l, k)).or_insert(g);
        }
        idx
    }
}

/// A period a role is held or passed on: from, to (inclusive, open when `None`).
type Period = (NaiveDate, Option<NaiveDate>);
/// One version: its start and its items.
type Version = (NaiveDate, HashMap<String, ItemIndex>);

/// The check, prepared once for many rows: every version indexed by item and role.
#[derive(Debug)]
pub struct Checker {
    /// (start, items), by start.
    versions: Vec<Version>,
    /// person key → (role key, period).
    holders: HashMap<String, Vec<(String, Period)>>,
    /// (item, role key) → periods.
    further: HashMap<(String, String), Vec<Period>>,
}

fn within(date: NaiveDate, from: NaiveDate, to: Option<NaiveDate>) -> bool {
    from <= date && to.is_none_or(|t| date <= t)
}

fn item_key(item: &str) -> &str {
    item.trim().trim_end_matches('.')
}

impl Checker {
    /// Prepares the check over `versions` (any order; versions without a start date never
    /// apply), the roles register and the förvaltningschef's vidaredelegation.
    pub fn new(
        versions: &[DelegationOrder],
        holders: &[RoleHolder],
        further: &[FurtherDelegation],
    ) -> Checker {
        let mut v: Vec<Version> = versions
            .iter()
            .filter_map(|o| {
                let start = o.effective_from()?;
                let items = o
                    .items
                    .iter()
                    .map(|i| (i.number.clone(), ItemIndex::new(i)))
                    .collect();
                Some((start, items))
            })
            .collect();
        v.sort_by_key(|(d, _)| *d);
        let mut h: HashMap<String, Vec<(String, Period)>> = HashMap::new();
        for x in holders {
            h.entry(role_key(&x.person))
                .or_default()
                .push((role_key(&x.role), (x.from, x.to)));
        }
        let mut f: HashMap<(String, String), Vec<Period>> = HashMap::new();
        for x in further {
            f.entry((item_key(&x.item).to_string(), role_key(&x.role)))
                .or_default()
                .push((x.from, x.to));
        }
        Checker {
            versions: v,
            holders: h,
            further: f,
        }
    }

    fn version(&self, date: NaiveDate) -> Option<&HashMap<String, ItemIndex>> {
        let i = self.versions.partition_point(|(d, _)| *d <= date);
        i.checked_sub(1)
            .and_then(|i| self.versions.get(i))
            .map(|(_, v)| v)
    }

    /// Checks one row: `Ok` with the authority it rests on, or every reason it fails.
    pub fn check(&self, row: &DecisionRow) -> Result<Authority, Vec<RowError>> {
        let Some(version) = self.version(row.date) else {
            return Err(vec![RowError::NoOrder(row.date)]);
        };
        let number = item_key(&row.item);
        let Some(idx) = version.get(number) else {
            return Err(vec![RowError::UnknownItem {
                item: number.to_string(),
                date: row.date,
            }]);
        };
        if let Some(to) = &idx.moved_to {
            return Err(vec![RowError::ItemMoved {
                item: number.to_string(),
                to: to.clone(),
            }]);
        }
        if !idx.has_delegates {
            return Err(vec![RowError::NoDelegate(number.to_string())]);
        }
        let role = role_key(&row.role);
        // An utskott written by its name decides what the order gives "utskottet".
        let role = if is_utskott(&role) && !idx.names(&role) {
            ["utskottet", "utskott"]
                .into_iter()
                .find(|k| idx.names(k))
                .map_or(role, str::to_string)
        } else {
            role
        };
        let mut errors = Vec::new();
        let granted = match &row.level {
            Some(l) if !idx.levels.contains(l) => {
                errors.push(RowError::UnknownLevel {
                    item: number.to_string(),
                    level: l.clone(),
                });
                None
            }
            Some(l) => idx
                .by_level
                .get(&(l.clone(), role.clone()))
                .or_else(|| idx.plain.get(&role)),
            None => idx.plain.get(&role).or_else(|| idx.any_level.get(&role)),
        };
        let mut authority = match granted {
            Some(g) => Some(Authority {
                rank: g.rank,
                level: g.level.clone(),
                condition: g.condition.clone(),
                further: false,
            }),
            None if idx.any_role => Some(Authority {
                rank: 0,
                level: None,
                condition: None,
                further: false,
            }),
            None => None,
        };
        if authority.is_none() && idx.director {
            let passed_on = self
                .further
                .get(&(number.to_string(), role.clone()))
                .is_some_and(|p| p.iter().any(|(f, t)| within(row.date, *f, *t)));
            if passed_on {
                authority = Some(Authority {
                    rank: 0,
                    level: None,
                    condition: None,
                    further: true,
                });
            }
        }
        if authority.is_none() && errors.is_empty() {
            errors.push(RowError::RoleNotDelegate {
                item: number.to_string(),
                role: row.role.trim().to_string(),
                delegates: idx.delegates_text.clone(),
            });
        }
        if idx.utskott_only && !is_utskott(&role) {
            errors.push(RowError::UtskottOnly {
                item: number.to_string(),
                role: row.role.trim().to_string(),
                law: super::legal::utskott_only_provision(row.date),
            });
        }
        if let Some(held) = self.holders.get(&role_key(&row.decided_by)) {
            if !held
                .iter()
                .any(|(r, (f, t))| *r == role && within(row.date, *f, *t))
            {
                errors.push(RowError::RoleNotHeld {
                    person: row.decided_by.trim().to_string(),
                    role: row.role.trim().to_string(),
                    date: row.date,
                });
            }
        }
        match authority {
            Some(a) if errors.is_empty() => Ok(a),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::order::tests::{d, item, order, ranks};
    use super::super::order::{ConditionalDelegates, Level};
    use super::*;

    fn row(item: &str, date: &str, role: &str) -> DecisionRow {
        DecisionRow {
            item: item.into(),
            level: None,
            date: d(date),
            decided_by: "Anna Berg".into(),
            role: role.into(),
            unit: "Enheten".into(),
            decision: "Beslut".into(),
            outcome: Outcome::Bifall,
        }
    }

    fn graded() -> Item {
        let mut i = item("3.3", &[]);
        i.levels = vec![
            Level {
                number: LevelNumber::new("1"),
                matter: Some("Grundnivå".into()),
                delegates: ranks(&[&["Socialsekreterare", "Biståndshandläggare"]]),
                thresholds: vec![],
                remark: None,
            },
            Level {
                number: LevelNumber::new("3"),
                matter: Some("Utöver".into()),
                delegates: ranks(&[&["Utskott"]]),
                thresholds: vec![],
                remark: None,
            },
        ];
        i
    }

    fn checker() -> Checker {
        let mut utskott = item("5.1.1", &[&["Utskott"]]);
        utskott.utskott_only = true;
        let mut urgent = item("11.12", &[&["Utskott"]]);
        urgent.conditional = vec![ConditionalDelegates {
            condition: "vid brådskande ärende".into(),
            delegates: ranks(&[&["Verksamhetschef"]]),
        }];
        let old = order(
            "2023-01-01",
            vec![item("1.2.1", &[&["Förvaltningschef"]]), utskott.clone()],
        );
        let new = order(
            "2024-04-16",
            vec![
                item("1.2.1", &[&["Enhetschef"], &["Verksamhetschef"]]),
                utskott,
                graded(),
                urgent,
                item(
                    "2.5",
                    &[&["Delegat som har rätt att fatta ursprungsbeslutet"]],
                ),
                item("6.19", &[]),
            ],
        );
        Checker::new(&[new, old], &[], &[])
    }

    #[test]
    fn ranked_delegates_pass_with_their_rank() {
        let c = checker();
        assert_eq!(
            c.check(&row("1.2.1", "2024-05-02", "Enhetschef"))
                .map(|a| a.rank),
            Ok(1)
        );
        assert_eq!(
            c.check(&row("1.2.1.", "2024-05-02", "verksamhetschef"))
                .map(|a| a.rank),
            Ok(2)
        );
    }

    #[test]
    fn the_version_in_force_on_the_date_decides() {
        let c = checker();
        // Before the revision only the förvaltningschef could decide 1.2.1.
        assert!(c.check(&row("1.2.1", "2024-04-15", "Enhetschef")).is_err());
        assert!(c
            .check(&row("1.2.1", "2024-04-15", "Förvaltningschef"))
            .is_ok());
        assert_eq!(
            c.check(&row("1.2.1", "2022-12-31", "Förvaltningschef")),
            Err(vec![RowError::NoOrder(d("2022-12-31"))])
        );
    }

    #[test]
    fn unknown_item_is_refused() {
        let c = checker();
        assert_eq!(
            c.check(&row("9.9", "2024-05-02", "Enhetschef")),
            Err(vec![RowError::UnknownItem {
                item: "9.9".into(),
                date: d("2024-05-02")
            }])
        );
        // 3.3 exists only from the revision.
        assert!(matches!(
            c.check(&row("3.3", "2024-04-01", "Utskott")).unwrap_err()[0],
            RowError::UnknownItem { .. }
        ));
        assert_eq!(
            c.check(&row("6.19", "2024-05-02", "Enhetschef")),
            Err(vec![RowError::NoDelegate("6.19".into())])
        );
    }

    #[test]
    fn role_not_among_delegates_is_refused() {
        let c = checker();
        let e = c
            .check(&row("1.2.1", "2024-05-02", "Samordnare"))
            .unwrap_err();
        assert!(
            matches!(&e[0], RowError::RoleNotDelegate { delegates, .. } if delegates == "Enhetschef, Verksamhetschef"),
            "{e:?}"
        );
        assert!(e[0].to_string().contains("Samordnare"));
        assert_eq!(e[0].field(), "roll");
    }

    #[test]
    fn level_delegates_count() {
        let c = checker();
        let a = c
            .check(&row("3.3", "2024-05-02", "Biståndshandläggare"))
            .expect("level 1");
        assert_eq!(a.level, Some(LevelNumber::new("1")));
        let mut r = row("3.3", "2024-05-02", "Biståndshandläggare");
        r.level = Some(LevelNumber::new("3"));
        assert!(matches!(
            c.check(&r).unwrap_err()[0],
            RowError::RoleNotDelegate { .. }
        ));
        r.role = "Utskott".into();
        assert!(c.check(&r).is_ok());
        r.level = Some(LevelNumber::new("7"));
        assert!(matches!(
            c.check(&r).unwrap_err()[0],
            RowError::UnknownLevel { .. }
        ));
    }

    #[test]
    fn utskott_only_item_decided_by_an_official() {
        let c = checker();
        assert!(c.check(&row("5.1.1", "2024-05-02", "Utskott")).is_ok());
        // The utskott by its own name is the utskott.
        assert!(c
            .check(&row("5.1.1", "2024-05-02", "Individ- och omsorgsutskottet"))
            .is_ok());
        // The ordförande or a single ledamot is not an utskott, even where the order names
        // them (SoL 10 kap. 4 §; från 1 juli 2025 SoL (2025:400) 30 kap. 6–8 §§).
        let mut chair = item("7.2.1", &[&["Utskott"], &["Ordförande"], &["Ledamot"]]);
        chair.utskott_only = true;
        let c2 = Checker::new(&[order("2024-01-01", vec![chair])], &[], &[]);
        for who in ["Ordförande", "Ledamot"] {
            let e = c2.check(&row("7.2.1", "2024-05-02", who)).unwrap_err();
            assert!(
                e.iter().any(|e| matches!(e, RowError::UtskottOnly { .. })),
                "{who}: {e:?}"
            );
        }
        let e = c
            .check(&row("5.1.1", "2024-05-02", "Enhetschef"))
            .unwrap_err();
        assert!(
            e.iter().any(|e| matches!(e, RowError::UtskottOnly { .. })),
            "{e:?}"
        );
        // Even where the order (wrongly) lists an official, the law still forbids it.
        let mut bad = item("7.1.1", &[&["Utskott"], &["Enhetschef"]]);
        bad.utskott_only = true;
        let c = Checker::new(&[order("2024-01-01", vec![bad])], &[], &[]);
        assert_eq!(
            c.check(&row("7.1.1", "2024-05-02", "Enhetschef")),
            Err(vec![RowError::UtskottOnly {
                item: "7.1.1".into(),
                role: "Enhetschef".into(),
                law: "10 kap. 4 § socialtjänstlagen (2001:453)",
            }])
        );
        // The law is cited as in force on the decision's date: the socialtjänstlag (2025:400)
        // from 1 July 2025.
        let e = c
            .check(&row("7.1.1", "2025-07-01", "Enhetschef"))
            .unwrap_err();
        assert!(
            e[0].to_string()
                .contains("30 kap. 6–8 §§ socialtjänstlagen (2025:400)"),
            "{}",
            e[0]
        );
    }

    /// KL 6 kap. 39–40 §§: what the ordförande (or a single ledamot) decided goes to the
    /// next meeting; an utskott's or an official's decisions are reported as the nämnd says.
    #[test]
    fn urgent_decisions_by_the_chair_are_reported_at_the_next_meeting() {
        for (role, urgent) in [
            ("Ordförande", true),
            ("Socialnämndens ordförande", true),
            ("Ordförande, vid förfall vice ordförande", true),
            ("1:e vice ordförande", true),
            ("Ledamot", true),
            ("Individ- och omsorgsutskottet", false),
            ("Nämnden", false),
            ("Enhetschef", false),
        ] {
            assert_eq!(
                row("7.2.1", "2024-05-02", role).reported_at_next_meeting(),
                urgent,
                "{role}"
            );
        }
    }

    #[test]
    fn conditional_and_original_delegates() {
        let c = checker();
        let a = c
            .check(&row("11.12", "2024-05-02", "Verksamhetschef"))
            .expect("conditional");
        assert_eq!(a.condition.as_deref(), Some("vid brådskande ärende"));
        let a = c
            .check(&row("2.5", "2024-05-02", "Samordnare"))
            .expect("original delegate");
        assert_eq!(a.rank, 0);
    }

    #[test]
    fn the_person_must_hold_the_role_that_day() {
        let holders = vec![RoleHolder {
            person: "Anna Berg".into(),
            role: "Enhetschef".into(),
            from: d("2024-01-01"),
            to: Some(d("2024-04-30")),
        }];
        let o = order("2024-01-01", vec![item("1.2.1", &[&["Enhetschef"]])]);
        let c = Checker::new(std::slice::from_ref(&o), &holders, &[]);
        assert!(c.check(&row("1.2.1", "2024-04-30", "Enhetschef")).is_ok());
        assert_eq!(
            c.check(&row("1.2.1", "2024-05-02", "Enhetschef")),
            Err(vec![RowError::RoleNotHeld {
                person: "Anna Berg".into(),
                role: "Enhetschef".into(),
                date: d("2024-05-02")
            }])
        );
        // A person the register does not know is not checked.
        let mut r = row("1.2.1", "2024-05-02", "Enhetschef");
        r.decided_by = "Okänd Person".into();
        assert!(c.check(&r).is_ok());
    }

    #[test]
    fn further_delegation_by_the_director() {
        let o = order("2024-01-01", vec![item("1.4.1", &[&["Förvaltningschef"]])]);
        let f = vec![FurtherDelegation {
            item: "1.4.1".into(),
            role: "Biträdande förvaltningschef".into(),
            from: d("2024-02-01"),
            to: None,
        }];
        let c = Checker::new(std::slice::from_ref(&o), &[], &f);
        let r = row("1.4.1", "2024-04-04", "Biträdande förvaltningschef");
        assert!(c.check(&r).expect("passed on").further);
        let r = row("1.4.1", "2024-01-15", "Biträdande förvaltningschef");
        assert!(c.check(&r).is_err());
    }

    #[test]
    fn moved_items_name_their_new_number() {
        let mut m = item("7.1.23", &[&["Utskott"]]);
        m.moved_to = Some("7.2.10".into());
        let c = Checker::new(&[order("2024-01-01", vec![m])], &[], &[]);
        assert_eq!(
            c.check(&row("7.1.23", "2024-05-02", "Utskott")),
            Err(vec![RowError::ItemMoved {
                item: "7.1.23".into(),
                to: "7.2.10".into()
            }])
        );
    }

    #[test]
    fn outcomes() {
        assert_eq!(Outcome::parse(" Bifall "), Ok(Outcome::Bifall));
        assert_eq!(Outcome::parse("avslag"), Ok(Outcome::Avslag));
        assert_eq!(Outcome::parse("annat"), Ok(Outcome::Annat));
        assert!(Outcome::parse("kanske").is_err());
    }
}
