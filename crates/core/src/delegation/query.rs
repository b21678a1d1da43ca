//! Frågor mot delegationsordningen: who may decide an item (in order), which items concern a
//! matter or a lagrum, and what changed between two versions.

use serde::Serialize;

use super::legal::LegalRef;
use super::order::{role_key, ConditionalDelegates, DelegationOrder, Item, LevelNumber};
use super::report::item_order;

/// Why `who` has no answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WhoError {
    /// No such item.
    #[error("punkt {0} finns inte i delegationsordningen")]
    UnknownItem(String),
    /// No such level.
    #[error("punkt {item} har ingen nivå {level} (nivåer: {levels})")]
    UnknownLevel {
        /// The item.
        item: String,
        /// The level asked for.
        level: String,
        /// The item's levels.
        levels: String,
    },
}

/// One level in a `who` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WhoLevel {
    /// The level.
    pub number: LevelNumber,
    /// What it covers.
    pub matter: Option<String>,
    /// Delegates in ranked order.
    pub delegates: Vec<Vec<String>>,
    /// A note.
    pub remark: Option<String>,
}

/// Who may decide an item: the ranks in order, per level when the item is graded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WhoAnswer {
    /// The item.
    pub item: String,
    /// Its matter.
    pub matter: String,
    /// Delegates in ranked order (those of the level asked for, if any).
    pub delegates: Vec<Vec<String>>,
    /// Levels (only the one asked for, if any).
    pub levels: Vec<WhoLevel>,
    /// Delegates under a condition.
    pub conditional: Vec<ConditionalDelegates>,
    /// Only an utskott may decide it.
    pub utskott_only: bool,
    /// Anmärkning.
    pub remark: Option<String>,
    /// Moved to another number.
    pub moved_to: Option<String>,
}

impl WhoAnswer {
    /// The answer in Swedish, one line per rank.
    pub fn to_text(&self) -> String {
        let ranks = |r: &[Vec<String>]| -> Vec<String> {
            r.iter()
                .enumerate()
                .map(|(i, alts)| format!("  {}. {}", i + 1, alts.join(" eller ")))
                .collect()
        };
        let mut out = vec![format!("Punkt {}: {}", self.item, self.matter)];
        if let Some(to) = &self.moved_to {
            out.push(format!("  Punkten har flyttats till {to}."));
        }
        out.extend(ranks(&self.delegates));
        for l in &self.levels {
            out.push(format!(
                "Nivå {}{}:",
                l.number,
                l.matter
                    .as_deref()
                    .map(|m| format!(" ({m})"))
                    .unwrap_or_default()
            ));
            out.extend(ranks(&l.delegates));
            if let Some(r) = &l.remark {
                out.push(format!("  ({r})"));
            }
        }
        for c in &self.conditional {
            out.push(format!("Villkor – {}:", c.condition));
            out.extend(ranks(&c.delegates));
        }
        if self.utskott_only {
            out.push(format!(
                "Får bara delegeras till utskott ({}).",
                super::legal::UTSKOTT_ONLY_BOTH
            ));
        }
        if self.delegates.is_empty() && self.levels.is_empty() && self.conditional.is_empty() {
            out.push("  Ingen delegat.".into());
        }
        if let Some(r) = &self.remark {
            out.push(format!("Anmärkning: {r}"));
        }
        out.join("\n")
    }
}

/// Who may decide `item` (at `level`, if given) in `order`, in ranked order.
pub fn who(
    order: &DelegationOrder,
    item: &str,
    level: Option<&str>,
) -> Result<WhoAnswer, WhoError> {
    let it = order
        .item(item)
        .ok_or_else(|| WhoError::UnknownItem(item.trim().to_string()))?;
    let levels: Vec<WhoLevel> = match level {
        None => it.levels.iter().map(level_answer).collect(),
        Some(l) => {
            let n = LevelNumber::new(l);
            let found = it.level(&n).ok_or_else(|| WhoError::UnknownLevel {
                item: it.number.clone(),
                level: l.trim().to_string(),
                levels: if it.levels.is_empty() {
                    "inga".to_string()
                } else {
                    it.levels
                        .iter()
                        .map(|l| l.number.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                },
            })?;
            vec![level_answer(found)]
        }
    };
    let delegates = match (level, levels.first()) {
        (Some(_), Some(l)) => l.delegates.clone(),
        _ => it.delegates.clone(),
    };
    Ok(WhoAnswer {
        item: it.number.clone(),
        matter: it.matter.clone(),
        delegates,
        levels,
        conditional: it.conditional.clone(),
        utskott_only: it.utskott_only,
        remark: it.remark.clone(),
        moved_to: it.moved_to.clone(),
    })
}

fn level_answer(l: &super::order::Level) -> WhoLevel {
    WhoLevel {
        number: l.number.clone(),
        matter: l.matter.clone(),
        delegates: l.delegates.clone(),
        remark: l.remark.clone(),
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The items whose matter, level texts, remark or lagrum contain `text` (ignoring case and
/// spacing), or — when `text` is itself a lagrum such as "4 kap. 1 § SoL" — whose references
/// cover it. In item order.
pub fn search<'a>(order: &'a DelegationOrder, text: &str) -> Vec<&'a Item> {
    let q = fold(text);
    if q.is_empty() {
        return Vec::new();
    }
    let as_ref = LegalRef::parse(text, &order.abbreviations);
    let is_ref = as_ref.law.is_some() && !as_ref.sections.is_empty();
    let mut hits: Vec<&Item> = order
        .items
        .iter()
        .filter(|i| {
            fold(&i.matter).contains(&q)
                || i.levels
                    .iter()
                    .any(|l| l.matter.as_deref().is_some_and(|m| fold(m).contains(&q)))
                || i.remark.as_deref().is_some_and(|r| fold(r).contains(&q))
                || i.legal_basis.iter().any(|l| fold(l).contains(&q))
                || (is_ref
                    && i.legal_basis
                        .iter()
                        .any(|l| LegalRef::parse(l, &order.abbreviations).covers(&as_ref)))
        })
        .collect();
    hits.sort_by(|a, b| item_order(&a.number, &b.number));
    hits
}

/// A change of delegates for one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DelegateChange {
    /// The item.
    pub item: String,
    /// Before, as "rank; rank" with levels.
    pub before: String,
    /// After.
    pub after: String,
}

/// What changed from one version to the next, for the nämnd's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct OrderDiff {
    /// Items only in the new version.
    pub added: Vec<String>,
    /// Items only in the old version.
    pub removed: Vec<String>,
    /// Items whose delegates (or levels' delegates) changed.
    pub delegates_changed: Vec<DelegateChange>,
    /// Items whose matter or lagrum changed.
    pub text_changed: Vec<String>,
}

impl OrderDiff {
    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.delegates_changed.is_empty()
            && self.text_changed.is_empty()
    }

    /// The diff in Swedish.
    pub fn to_text(&self) -> String {
        if self.is_empty() {
            return "Inga ändringar i punkter eller delegater.".into();
        }
        let mut out = Vec::new();
        if !self.added.is_empty() {
            out.push(format!("Nya punkter: {}", self.added.join(", ")));
        }
        if !self.removed.is_empty() {
            out.push(format!("Borttagna punkter: {}", self.removed.join(", ")));
        }
        for c in &self.delegates_changed {
            out.push(format!(
                "Ändrad delegat {}: {} → {}",
                c.item, c.before, c.after
            ));
        }
        if !self.text_changed.is_empty() {
            out.push(format!(
                "Ändrad text eller lagrum: {}",
                self.text_changed.join(", ")
            ));
        }
        out.join("\n")
    }
}

fn delegates_text(i: &Item) -> String {
    let ranks = |r: &[Vec<String>]| {
        r.iter()
            .map(|a| a.join(" eller "))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !i.delegates.is_empty() {
        parts.push(ranks(&i.delegates));
    }
    for l in &i.levels {
        parts.push(format!("{}. {}", l.number, ranks(&l.delegates)));
    }
    for c in &i.conditional {
        parts.push(format!("{}: {}", c.condition, ranks(&c.delegates)));
    }
    parts.join("; ")
}

fn delegate_keys(i: &Item) -> Vec<Vec<Vec<String>>> {
    let keys = |r: &[Vec<String>]| -> Vec<Vec<String>> {
        r.iter()
            .map(|a| a.iter().map(|x| role_key(x)).collect())
            .collect()
    };
    let mut v = vec![keys(&i.delegates)];
    v.extend(i.levels.iter().map(|l| keys(&l.delegates)));
    v.extend(i.conditional.iter().map(|c| keys(&c.delegates)));
    v
}

/// The diff from `old` to `new`: items added and removed, delegates changed, matter or
/// lagrum changed.
pub fn diff(old: &DelegationOrder, new: &DelegationOrder) -> OrderDiff {
    let mut d = OrderDiff::default();
    for n in &new.items {
        match old.item(&n.number) {
            None => d.added.push(n.number.clone()),
            Some(o) => {
                if delegate_keys(o) != delegate_keys(n) || o.moved_to != n.moved_to {
                    d.delegates_changed.push(DelegateChange {
                        item: n.number.clone(),
                        before: delegates_text(o),
                        after: delegates_text(n),
                    });
                }
                if fold(&o.matter) != fold(&n.matter) || o.legal_basis != n.legal_basis {
                    d.text_changed.push(n.number.clone());
                }
            }
        }
    }
    for o in &old.items {
        if new.item(&o.number).is_none() {
            d.removed.push(o.number.clone());
        }
    }
    d.added.sort_by(|a, b| item_order(a, b));
    d.removed.sort_by(|a, b| item_order(a, b));
    d
}

#[cfg(test)]
mod tests {
    use super::super::order::tests::{item, order, ranks};
    use super::super::order::Level;
    use super::*;

    fn sample() -> DelegationOrder {
        let mut graded = item("3.3", &[]);
        graded.matter = "Beslut om ersättning till familjehem".into();
        graded.legal_basis = vec!["4 kap. 1 § SoL".into(), "6 kap. 1 § SoL".into()];
        graded.levels = vec![
            Level {
                number: LevelNumber::new("1"),
                matter: Some("Grundnivå inom SKR:s rekommendation.".into()),
                delegates: ranks(&[&["Socialsekreterare", "Biståndshandläggare"]]),
                thresholds: vec![],
                remark: None,
            },
            Level {
                number: LevelNumber::new("2"),
                matter: Some("Förhöjd nivå".into()),
                delegates: ranks(&[&["Samordnare", "Enhetschef"]]),
                thresholds: vec![],
                remark: None,
            },
        ];
        let mut a = item("1.2.1", &[&["Enhetschef"], &["Verksamhetschef"]]);
        a.matter = "Pröva en fråga om utlämnande av en allmän handling.".into();
        a.legal_basis = vec!["2 kap. 17 § TF".into(), "6 kap. 2-3 § OSL".into()];
        let mut b = item("3.8", &[&["Avgiftshandläggare"]]);
        b.legal_basis = vec!["8 kap. 2 och 4-8 §§ SoL".into()];
        let mut o = order("2024-04-16", vec![a, graded, b]);
        o.abbreviations
            .insert("SoL".into(), "Socialtjänstlag (2001:453)".into());
        o.abbreviations.insert(
            "OSL".into(),
            "Offentlighets- och sekretesslag (2009:400)".into(),
        );
        o
    }

    #[test]
    fn who_gives_ranks_in_order() {
        let o = sample();
        let w = who(&o, "1.2.1", None).expect("item");
        assert_eq!(w.delegates, ranks(&[&["Enhetschef"], &["Verksamhetschef"]]));
        assert!(
            w.to_text().contains("1. Enhetschef\n  2. Verksamhetschef"),
            "{}",
            w.to_text()
        );
        let w = who(&o, "3.3", Some("2")).expect("level");
        assert_eq!(w.delegates, ranks(&[&["Samordnare", "Enhetschef"]]));
        assert_eq!(w.levels.len(), 1);
        assert_eq!(who(&o, "3.3", None).expect("all").levels.len(), 2);
        assert!(matches!(
            who(&o, "3.3", Some("9")),
            Err(WhoError::UnknownLevel { .. })
        ));
        assert_eq!(
            who(&o, "8.8", None),
            Err(WhoError::UnknownItem("8.8".into()))
        );
    }

    #[test]
    fn search_by_matter_and_lagrum() {
        let o = sample();
        let n = |v: Vec<&Item>| v.iter().map(|i| i.number.clone()).collect::<Vec<_>>();
        assert_eq!(n(search(&o, "allmän HANDLING")), vec!["1.2.1"]);
        assert_eq!(n(search(&o, "grundnivå")), vec!["3.3"]);
        assert_eq!(n(search(&o, "6 kap. 2-3 § OSL")), vec!["1.2.1"]);
        // 8 kap. 5 § SoL is not written anywhere, but 3.8's "2 och 4-8 §§" covers it.
        assert_eq!(n(search(&o, "8 kap. 5 § SoL")), vec!["3.8"]);
        assert!(search(&o, "8 kap. 3 § SoL").is_empty());
        assert!(search(&o, "  ").is_empty());
    }

    #[test]
    fn diff_names_added_removed_and_changed() {
        let old = sample();
        let mut new = sample();
        new.items.retain(|i| i.number != "3.8");
        new.items.push(item("11.20", &[&["Nämndsekreterare"]]));
        new.items[0].delegates = ranks(&[&["Enhetschef"], &["Förvaltningschef"]]);
        new.items[1].levels[1].delegates = ranks(&[&["Utskott"]]);
        let d = diff(&old, &new);
        assert_eq!(d.added, vec!["11.20"]);
        assert_eq!(d.removed, vec!["3.8"]);
        assert_eq!(
            d.delegates_changed
                .iter()
                .map(|c| c.item.as_str())
                .collect::<Vec<_>>(),
            vec!["1.2.1", "3.3"]
        );
        assert_eq!(d.delegates_changed[0].after, "Enhetschef, Förvaltningschef");
        assert!(d.to_text().contains("Nya punkter: 11.20"));
        assert!(diff(&old, &old).is_empty());
        // Spelling of a role in another case is no change.
        let mut same = sample();
        same.items[0].delegates = ranks(&[&["enhetschef"], &["VERKSAMHETSCHEF"]]);
        assert!(diff(&old, &same).is_empty());
    }
}
