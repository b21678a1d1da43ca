//! Anmälan av delegationsbeslut: what the nämnd receives for a period — per unit each type of
//! decision with its count and the unit's sum (seed 002:1253–1397), bifall/avslag/annat per
//! item, the total ([`DelegationReport`]); and, apart from those statistics, the monthly
//! ANMÄLAN lists per unit (002:1401–1472, [`notice_lists`]), which name every decision and
//! are read by those who need them, not carried inside the statistics (#20).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::check::{DecisionRow, Outcome};

/// A sort key in Swedish order: case folded, å ä ö after z.
pub fn swedish_key(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' => '\u{7b}',
            'ä' => '\u{7c}',
            'ö' => '\u{7d}',
            c => c,
        })
        .collect()
}

/// One line of a unit's table: Beslut / Antal beslut.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeCount {
    /// The type of decision as the unit names it.
    #[serde(rename = "type")]
    pub decision: String,
    /// Antal beslut.
    pub count: u64,
}

/// Organisation: one unit's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitReport {
    /// The unit.
    pub unit: String,
    /// Summa beslut.
    pub total: u64,
    /// Per type, in Swedish alphabetical order.
    pub decisions: Vec<TypeCount>,
}

/// Bifall, avslag and annat for one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemOutcome {
    /// The item.
    pub item: String,
    /// Bifall.
    pub bifall: u64,
    /// Avslag.
    pub avslag: u64,
    /// Annat.
    pub annat: u64,
}

/// One row of an ANMÄLAN list: punkt, ärende, datum, beslut and who decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeRow {
    /// Punkt nr i delegationsförteckningen.
    pub item: String,
    /// Beslutsdatum.
    pub date: NaiveDate,
    /// Beslut.
    pub decision: String,
    /// Utfall.
    pub outcome: Outcome,
    /// Beslutsfattare.
    pub decided_by: String,
    /// Roll.
    pub role: String,
}

/// ANMÄLAN AV DELEGATIONSBESLUT: one unit's list for one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeList {
    /// The unit.
    pub unit: String,
    /// "2024-04".
    pub month: String,
    /// The decisions, by date and item.
    pub rows: Vec<NoticeRow>,
}

/// The report on delegation decisions from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationReport {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// All decisions in the period.
    pub total: u64,
    /// Per unit, in Swedish alphabetical order.
    pub units: Vec<UnitReport>,
    /// Per item, in item order.
    pub by_item: Vec<ItemOutcome>,
}

/// How many decisions one unit took of one type under one item with one outcome, as
/// written: what the statistics are made of (a store counts them without reading every row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionCount {
    /// The unit.
    pub unit: String,
    /// The type of decision.
    pub decision: String,
    /// The item.
    pub item: String,
    /// The outcome.
    pub outcome: Outcome,
    /// How many.
    pub count: u64,
}

/// The ANMÄLAN lists of the rows dated from `from` to `to` (inclusive): per unit (in
/// Swedish alphabetical order) and month, each by date and item.
pub fn notice_lists(rows: &[DecisionRow], from: NaiveDate, to: NaiveDate) -> Vec<NoticeList> {
    let mut notices: BTreeMap<(String, String), (String, Vec<NoticeRow>)> = BTreeMap::new();
    for r in rows.iter().filter(|r| from <= r.date && r.date <= to) {
        let unit = r.unit.trim();
        let month = format!("{:04}-{:02}", r.date.year(), r.date.month());
        notices
            .entry((swedish_key(unit), month))
            .or_insert_with(|| (unit.to_string(), Vec::new()))
            .1
            .push(NoticeRow {
                item: item_number(&r.item),
                date: r.date,
                decision: r.decision.trim().to_string(),
                outcome: r.outcome,
                decided_by: r.decided_by.trim().to_string(),
                role: r.role.trim().to_string(),
            });
    }
    notices
        .into_iter()
        .map(|((_, month), (unit, mut rows))| {
            rows.sort_by(|a, b| a.date.cmp(&b.date).then(item_order(&a.item, &b.item)));
            NoticeList { unit, month, rows }
        })
        .collect()
}

/// An item's number as the report shows it: "6.6." is 6.6.
fn item_number(item: &str) -> String {
    item.trim().trim_end_matches('.').to_string()
}

/// Orders item numbers as numbers: 2.9 before 2.10.
pub fn item_order(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |s: &str| -> Vec<u32> {
        s.split('.')
            .filter(|p| !p.is_empty())
            .map(|p| p.trim().parse().unwrap_or(u32::MAX))
            .collect()
    };
    parts(a).cmp(&parts(b)).then_with(|| a.cmp(b))
}

impl DelegationReport {
    /// The report over the rows dated from `from` to `to` (inclusive).
    pub fn compute(rows: &[DecisionRow], from: NaiveDate, to: NaiveDate) -> DelegationReport {
        let counts = rows
            .iter()
            .filter(|r| from <= r.date && r.date <= to)
            .map(|r| DecisionCount {
                unit: r.unit.clone(),
                decision: r.decision.clone(),
                item: r.item.clone(),
                outcome: r.outcome,
                count: 1,
            });
        DelegationReport::from_counts(counts, from, to)
    }

    /// The report from the counts of the decisions from `from` to `to`: units and types of
    /// decision told apart by their names trimmed and folded (Swedish order) and shown as
    /// most of their decisions spell them (on a tie, the first spelling in code order),
    /// items by number.
    pub fn from_counts(
        counts: impl IntoIterator<Item = DecisionCount>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> DelegationReport {
        // Keyed by Swedish sort key; the value counts each spelling as written.
        type Spellings = BTreeMap<String, u64>;
        type Types = BTreeMap<String, Spellings>;
        let mut units: BTreeMap<String, (Spellings, Types)> = BTreeMap::new();
        let mut items: BTreeMap<String, ItemOutcome> = BTreeMap::new();
        let mut total = 0;
        for r in counts {
            total += r.count;
            let unit = r.unit.trim();
            let (spellings, types) = units.entry(swedish_key(unit)).or_default();
            *spellings.entry(unit.to_string()).or_default() += r.count;
            let decision = r.decision.trim();
            *types
                .entry(swedish_key(decision))
                .or_default()
                .entry(decision.to_string())
                .or_default() += r.count;
            let number = item_number(&r.item);
            let o = items.entry(number.clone()).or_insert_with(|| ItemOutcome {
                item: number,
                bifall: 0,
                avslag: 0,
                annat: 0,
            });
            match r.outcome {
                Outcome::Bifall => o.bifall += r.count,
                Outcome::Avslag => o.avslag += r.count,
                Outcome::Annat => o.annat += r.count,
            }
        }
        // The spelling most decisions have; the first in code order on a tie.
        let shown = |spellings: &Spellings| {
            spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(s, _)| s.clone())
                .unwrap_or_default()
        };
        let units = units
            .into_values()
            .map(|(unit, types)| {
                let decisions: Vec<TypeCount> = types
                    .into_values()
                    .map(|spellings| TypeCount {
                        decision: shown(&spellings),
                        count: spellings.values().sum(),
                    })
                    .collect();
                UnitReport {
                    unit: shown(&unit),
                    total: decisions.iter().map(|t| t.count).sum(),
                    decisions,
                }
            })
            .collect();
        let mut by_item: Vec<ItemOutcome> = items.into_values().collect();
        by_item.sort_by(|a, b| item_order(&a.item, &b.item));
        DelegationReport {
            from,
            to,
            total,
            units,
            by_item,
        }
    }

    /// The tables as text, as the nämnd's statistics show them (Organisation, Beslut, Antal
    /// beslut, Summa beslut), then bifall/avslag per item.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "Delegationsbeslut {} – {}: {} beslut\n",
            self.from, self.to, self.total
        );
        for u in &self.units {
            s.push_str("\nOrganisation\tBeslut\tAntal beslut\n");
            s.push_str(&u.unit);
            s.push('\n');
            for t in &u.decisions {
                s.push_str(&format!("\t{}\t{}\n", t.decision, t.count));
            }
            s.push_str(&format!("\tSumma beslut\t{}\n", u.total));
        }
        if !self.by_item.is_empty() {
            s.push_str("\nPunkt\tBifall\tAvslag\tAnnat\n");
            for i in &self.by_item {
                s.push_str(&format!(
                    "{}\t{}\t{}\t{}\n",
                    i.item, i.bifall, i.avslag, i.annat
                ));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::super::order::tests::d;
    use super::*;

    fn row(item: &str, date: &str, unit: &str, decision: &str, outcome: Outcome) -> DecisionRow {
        DecisionRow {
            item: item.into(),
            level: None,
            date: d(date),
            decided_by: "A B".into(),
            role: "Biståndshandläggare".into(),
            unit: unit.into(),
            decision: decision.into(),
            outcome,
        }
    }

    #[test]
    fn per_unit_per_type_with_sums_and_per_item() {
        let rows = vec![
            row(
                "6.6",
                "2024-05-06",
                "LSS Biståndsenheten",
                "Bifall korttidsvistelse 9 § 6p LSS",
                Outcome::Bifall,
            ),
            row(
                "6.6",
                "2024-05-07",
                "LSS Biståndsenheten",
                "Bifall korttidsvistelse 9 § 6p LSS",
                Outcome::Bifall,
            ),
            row(
                "6.2",
                "2024-05-08",
                "LSS Biståndsenheten",
                "Avslag personlig assistent 9 § 2p LSS",
                Outcome::Avslag,
            ),
            row(
                "5.3.1",
                "2024-05-08",
                "Biståndsenheten",
                "Bifall korttidsvistelse 9 § 6p LSS",
                Outcome::Bifall,
            ),
            row(
                "5.2.5",
                "2024-06-01",
                "Ekonomi- och vuxenheten",
                "Beslut att inleda utredning",
                Outcome::Annat,
            ),
            row(
                "5.2.5",
                "2024-04-30",
                "Ekonomi- och vuxenheten",
                "Beslut att inleda utredning",
                Outcome::Annat,
            ),
        ];
        let r = DelegationReport::compute(&rows, d("2024-05-01"), d("2024-05-31"));
        assert_eq!(r.total, 4);
        assert_eq!(
            r.units
                .iter()
                .map(|u| (u.unit.as_str(), u.total))
                .collect::<Vec<_>>(),
            vec![("Biståndsenheten", 1), ("LSS Biståndsenheten", 3)]
        );
        assert_eq!(
            r.units[1].decisions,
            vec![
                TypeCount {
                    decision: "Avslag personlig assistent 9 § 2p LSS".into(),
                    count: 1
                },
                TypeCount {
                    decision: "Bifall korttidsvistelse 9 § 6p LSS".into(),
                    count: 2
                },
            ]
        );
        assert_eq!(
            r.by_item,
            vec![
                ItemOutcome {
                    item: "5.3.1".into(),
                    bifall: 1,
                    avslag: 0,
                    annat: 0
                },
                ItemOutcome {
                    item: "6.2".into(),
                    bifall: 0,
                    avslag: 1,
                    annat: 0
                },
                ItemOutcome {
                    item: "6.6".into(),
                    bifall: 2,
                    avslag: 0,
                    annat: 0
                },
            ]
        );
        let text = r.to_text();
        assert!(text.contains("\tSumma beslut\t3"), "{text}");
    }

    #[test]
    fn notice_lists_per_unit_and_month() {
        let rows = vec![
            row(
                "2.14",
                "2024-04-10",
                "IFO",
                "Utseende av ombud",
                Outcome::Annat,
            ),
            row(
                "1.4.1",
                "2024-04-04",
                "Ledning",
                "Ändringar i attestantförteckning",
                Outcome::Annat,
            ),
            row(
                "4.3",
                "2024-03-15",
                "Ledning",
                "Lex Sarah till IVO",
                Outcome::Annat,
            ),
        ];
        let lists = notice_lists(&rows, d("2024-03-01"), d("2024-04-30"));
        assert_eq!(
            lists
                .iter()
                .map(|n| (n.unit.as_str(), n.month.as_str(), n.rows.len()))
                .collect::<Vec<_>>(),
            vec![
                ("IFO", "2024-04", 1),
                ("Ledning", "2024-03", 1),
                ("Ledning", "2024-04", 1)
            ]
        );
    }

    #[test]
    fn swedish_order_and_item_order() {
        let mut v = vec!["Övrigt", "Äldre", "Ålder", "Bifall", "avslag"];
        v.sort_by_key(|s| swedish_key(s));
        assert_eq!(v, vec!["avslag", "Bifall", "Ålder", "Äldre", "Övrigt"]);
        let mut items = vec!["10.2.10", "10.2.9", "2.10", "2.3"];
        items.sort_by(|a, b| item_order(a, b));
        assert_eq!(items, vec!["2.3", "2.10", "10.2.9", "10.2.10"]);
    }
}
