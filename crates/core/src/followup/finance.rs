//! Ekonomi: finance tables — the resultaträkning per account, the cost centres
//! (kostnadsställen) and activities (verksamheter) with their "-varav" rows — and the budget
//! lines they are built from.
//!
//! A table is what a report prints: a label column and value columns, each with a role
//! (outcome, budget, deviation …). Rows form a hierarchy: a [`RowKind::Part`] row is one of
//! the parts its parent is the sum of (seed 002: "- Soc ledning" under
//! "Förvaltningsledning"); a [`RowKind::Varav`] row is *included in* its parent and adds
//! nothing to any sum (seed 000: "-varav personlig assistans").
//!
//! A [`BudgetLine`] is what is entered or exported from the finance system: per cost centre
//! or account and period, the budget for the period, the outcome, the annual budget and the
//! forecast. Deviations are computed from it, never typed.

use serde::{Deserialize, Serialize};

use super::FollowUpError;

/// Belopp­senhet: the unit amounts are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Kronor.
    Kr,
    /// Tusental kronor.
    Tkr,
    /// Miljoner kronor.
    Mnkr,
}

impl Unit {
    /// Kronor per unit.
    pub fn factor(self) -> f64 {
        match self {
            Unit::Kr => 1.0,
            Unit::Tkr => 1_000.0,
            Unit::Mnkr => 1_000_000.0,
        }
    }

    /// The abbreviation: "kr", "tkr", "mnkr".
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Kr => "kr",
            Unit::Tkr => "tkr",
            Unit::Mnkr => "mnkr",
        }
    }

    /// Finds the unit a text names: "(tkr)", "tusental kronor", "tusentals kronor", "mnkr",
    /// "mkr", "miljoner kronor", "kr", "kronor". `None` when it names none.
    pub fn find(text: &str) -> Option<Unit> {
        let t = text.to_lowercase();
        let word = |w: &str| {
            t.match_indices(w).any(|(i, _)| {
                let before = t[..i].chars().next_back();
                let after = t[i + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        };
        if word("mnkr") || word("mkr") || t.contains("miljoner kronor") {
            Some(Unit::Mnkr)
        } else if word("tkr") || t.contains("tusental kronor") || t.contains("tusentals kronor") {
            Some(Unit::Tkr)
        } else if word("kr") || word("kronor") {
            Some(Unit::Kr)
        } else {
            None
        }
    }
}

/// Teckenkonvention: how the source signs costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SignConvention {
    /// Costs are negative, income positive (seed 003). A deviation is outcome − budget.
    #[default]
    CostsNegative,
    /// Costs are positive (seed 000's net costs). A deviation is budget − outcome.
    CostsPositive,
}

impl SignConvention {
    /// The deviation of `actual` from `planned`, positive when better than planned.
    pub fn deviation(self, actual: f64, planned: f64) -> f64 {
        match self {
            SignConvention::CostsNegative => actual - planned,
            SignConvention::CostsPositive => planned - actual,
        }
    }

    /// Guesses the convention from outcome figures: costs negative when most non-zero
    /// figures are negative.
    pub fn guess(values: impl IntoIterator<Item = f64>) -> SignConvention {
        let (mut neg, mut pos) = (0usize, 0usize);
        for v in values {
            if v < 0.0 {
                neg += 1;
            } else if v > 0.0 {
                pos += 1;
            }
        }
        if pos > neg {
            SignConvention::CostsPositive
        } else {
            SignConvention::CostsNegative
        }
    }
}

/// Kolumnens roll: what a value column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "role")]
pub enum ColumnRole {
    /// Utfall (redovisning) for the period.
    Outcome,
    /// Budget for the period.
    Budget,
    /// Årsbudget (also an åtagande for the year).
    AnnualBudget,
    /// Prognos for the whole year.
    Forecast,
    /// Avvikelse: the value of column `minuend` minus that of column `subtrahend`
    /// (indexes into the value columns).
    Deviation {
        /// Index of the first operand.
        minuend: usize,
        /// Index of the second operand.
        subtrahend: usize,
    },
    /// Anything else (a year, a month).
    Other,
}

impl ColumnRole {
    /// The role a heading names, deviations aside.
    fn of_heading(heading: &str) -> ColumnRole {
        let h = heading.to_lowercase();
        let has_year = h
            .split(|c: char| !c.is_ascii_digit())
            .any(|p| p.len() == 4 || p.len() == 2 && h.contains('-'));
        let has_month = super::period::MONTHS
            .iter()
            .any(|m| h.contains(&m[..3.min(m.len())]));
        if h.contains("prognos") {
            ColumnRole::Forecast
        } else if h.contains("budget") || h.contains("åtagande") {
            if h.contains("års") || h.contains("åtagande") || (has_year && !has_month) {
                ColumnRole::AnnualBudget
            } else {
                ColumnRole::Budget
            }
        } else if h.contains("utfall") || h.contains("redovis") || h.contains("resultat") {
            ColumnRole::Outcome
        } else {
            ColumnRole::Other
        }
    }

    /// The roles of value columns from their headings. A deviation ("avvikelse",
    /// "differens") compares the forecast with the annual budget, or the outcome with the
    /// budget, among the columns since the previous deviation — signed by `sign` so that a
    /// positive deviation is better than planned; otherwise it is the later of the two
    /// columns before it minus the earlier (seed 002: "Differens föregående månad").
    pub fn infer(headings: &[String], sign: SignConvention) -> Vec<ColumnRole> {
        let mut roles: Vec<ColumnRole> = Vec::with_capacity(headings.len());
        let mut since = 0usize;
        for (i, h) in headings.iter().enumerate() {
            let l = h.to_lowercase();
            if !(l.contains("avvikelse") || l.contains("differens") || l.contains("diff.")) {
                roles.push(Self::of_heading(h));
                continue;
            }
            let find = |want: ColumnRole| (since..i).rev().find(|j| roles.get(*j) == Some(&want));
            let pair = match (
                find(ColumnRole::Forecast),
                find(ColumnRole::AnnualBudget),
                find(ColumnRole::Outcome),
                find(ColumnRole::Budget),
            ) {
                (Some(f), Some(a), _, _) => Some((f, a)),
                (_, _, Some(o), Some(b)) => Some((o, b)),
                (_, Some(a), Some(o), None) => Some((o, a)),
                _ => None,
            };
            let role = match pair {
                Some((actual, planned)) => match sign {
                    SignConvention::CostsNegative => ColumnRole::Deviation {
                        minuend: actual,
                        subtrahend: planned,
                    },
                    SignConvention::CostsPositive => ColumnRole::Deviation {
                        minuend: planned,
                        subtrahend: actual,
                    },
                },
                None if i >= 2 => ColumnRole::Deviation {
                    minuend: i - 1,
                    subtrahend: i - 2,
                },
                None => ColumnRole::Other,
            };
            roles.push(role);
            since = i + 1;
        }
        roles
    }
}

/// A value column: its heading and role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// The heading as printed ("Avvikelse mot Budget 2023").
    pub heading: String,
    /// What it holds.
    pub role: ColumnRole,
}

/// Radtyp: how a row relates to its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    /// A row of its own (top level).
    #[default]
    Row,
    /// One of the parts its parent is the sum of ("- Soc ledning").
    Part,
    /// "-varav": included in its parent, not added to any sum.
    Varav,
}

/// Tabellrad: a cost centre, activity or account with one value per value column (`None`
/// for an empty cell or a dash) and the rows under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FinanceRow {
    /// The label as printed, without the leading "-" or "-varav".
    pub label: String,
    /// How it relates to its parent.
    #[serde(default)]
    pub kind: RowKind,
    /// One value per value column.
    pub values: Vec<Option<f64>>,
    /// The rows under it.
    #[serde(default)]
    pub children: Vec<FinanceRow>,
}

impl FinanceRow {
    /// A row without children.
    pub fn new(label: &str, kind: RowKind, values: Vec<Option<f64>>) -> FinanceRow {
        FinanceRow {
            label: label.trim().to_string(),
            kind,
            values,
            children: Vec::new(),
        }
    }

    /// The value in column `i`.
    pub fn value(&self, i: usize) -> Option<f64> {
        self.values.get(i).copied().flatten()
    }
}

/// Ekonomisk tabell: a finance table as a report prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FinanceTable {
    /// Its title ("Resultaträkning januari-augusti 2023").
    pub title: Option<String>,
    /// The unit, when the table is in money.
    pub unit: Option<Unit>,
    /// How the source signs costs.
    #[serde(default)]
    pub sign: SignConvention,
    /// Decimals shown in the table (rounding tolerance: ±2 in the last of them).
    #[serde(default)]
    pub decimals: u8,
    /// The heading of the label column ("Konto", "Kostnadsställe").
    pub label_heading: String,
    /// The value columns.
    pub columns: Vec<Column>,
    /// The rows, in order, with their children.
    pub rows: Vec<FinanceRow>,
    /// The total row ("Summa Resultat"), if printed.
    pub total: Option<FinanceRow>,
    /// Whether the total is the sum of the top-level rows. "Summa …" and "Totalt …" are;
    /// "Alla" in a staff table (people counted once) and averages are not.
    #[serde(default)]
    pub total_is_sum: bool,
}

impl FinanceTable {
    /// The table's name in messages: its title, or its label column's heading.
    pub fn name(&self) -> &str {
        self.title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&self.label_heading)
    }

    /// Every row is as wide as the columns.
    pub fn validate(&self) -> Result<(), FollowUpError> {
        fn walk(r: &FinanceRow, want: usize) -> Result<(), FollowUpError> {
            if r.values.len() != want {
                return Err(FollowUpError::RowWidth {
                    label: r.label.clone(),
                    got: r.values.len(),
                    want,
                });
            }
            r.children.iter().try_for_each(|c| walk(c, want))
        }
        let want = self.columns.len();
        self.rows.iter().try_for_each(|r| walk(r, want))?;
        self.total.iter().try_for_each(|r| walk(r, want))
    }

    /// Builds the table a report prints from budget lines: Utfall, Budget, Avvikelse,
    /// Prognos, Årsbudget, Avvikelse mot årsbudget. Deviations are computed; a parent
    /// without figures of its own gets the sum of its parts; the total is the sum of the
    /// top-level rows. A line naming a parent that is not among the lines is an error.
    pub fn from_lines(
        title: &str,
        unit: Unit,
        sign: SignConvention,
        label_heading: &str,
        lines: &[BudgetLine],
    ) -> Result<FinanceTable, FollowUpError> {
        let headings: Vec<String> = [
            "Utfall",
            "Budget",
            "Avvikelse",
            "Prognos helår",
            "Årsbudget",
            "Avvikelse mot årsbudget",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let roles = ColumnRole::infer(&headings, sign);
        let columns: Vec<Column> = headings
            .into_iter()
            .zip(roles.iter().copied())
            .map(|(heading, role)| Column { heading, role })
            .collect();
        for l in lines {
            if let Some(p) = &l.parent {
                if !lines.iter().any(|o| &o.label == p) {
                    return Err(FollowUpError::Unknown {
                        what: "överordnad rad",
                        value: p.clone(),
                    });
                }
            }
        }
        fn build(
            label: &str,
            lines: &[BudgetLine],
            roles: &[ColumnRole],
            depth: usize,
        ) -> Option<FinanceRow> {
            let line = lines.iter().find(|l| l.label == label)?;
            let children: Vec<FinanceRow> = if depth > 16 {
                Vec::new()
            } else {
                lines
                    .iter()
                    .filter(|l| l.parent.as_deref() == Some(label))
                    .filter_map(|l| build(&l.label, lines, roles, depth + 1))
                    .collect()
            };
            let sum_parts = |i: usize| -> Option<f64> {
                let parts: Vec<f64> = children
                    .iter()
                    .filter(|c| c.kind == RowKind::Part)
                    .filter_map(|c| c.value(i))
                    .collect();
                (!parts.is_empty()).then(|| parts.iter().sum())
            };
            let outcome = line.outcome.or_else(|| sum_parts(0));
            let budget = line.budget.or_else(|| sum_parts(1));
            let forecast = line.forecast.or_else(|| sum_parts(3));
            let annual = line.annual_budget.or_else(|| sum_parts(4));
            let values = compute(roles, [outcome, budget, forecast, annual]);
            Some(FinanceRow {
                label: line.label.clone(),
                kind: line.kind,
                values,
                children,
            })
        }
        let rows: Vec<FinanceRow> = lines
            .iter()
            .filter(|l| l.parent.is_none())
            .filter_map(|l| build(&l.label, lines, &roles, 0))
            .collect();
        let sum = |i: usize| -> Option<f64> {
            let v: Vec<f64> = rows
                .iter()
                .filter(|r| r.kind != RowKind::Varav)
                .filter_map(|r| r.value(i))
                .collect();
            (!v.is_empty()).then(|| v.iter().sum())
        };
        let total = FinanceRow {
            label: "Summa".to_string(),
            kind: RowKind::Row,
            values: compute(&roles, [sum(0), sum(1), sum(3), sum(4)]),
            children: Vec::new(),
        };
        Ok(FinanceTable {
            title: Some(title.to_string()),
            unit: Some(unit),
            sign,
            decimals: 0,
            label_heading: label_heading.to_string(),
            columns,
            rows,
            total: Some(total),
            total_is_sum: true,
        })
    }
}

/// The six values of a row of [`FinanceTable::from_lines`] from outcome, budget, forecast
/// and annual budget, deviations computed through the column roles.
fn compute(
    roles: &[ColumnRole],
    [outcome, budget, forecast, annual]: [Option<f64>; 4],
) -> Vec<Option<f64>> {
    let mut v = vec![outcome, budget, None, forecast, annual, None];
    for (i, r) in roles.iter().enumerate() {
        if let ColumnRole::Deviation {
            minuend,
            subtrahend,
        } = r
        {
            let d = match (
                v.get(*minuend).copied().flatten(),
                v.get(*subtrahend).copied().flatten(),
            ) {
                (Some(a), Some(b)) => Some(a - b),
                _ => None,
            };
            if let Some(slot) = v.get_mut(i) {
                *slot = d;
            }
        }
    }
    v
}

/// Budgetrad: one cost centre (kostnadsställe), activity or account for one period, as
/// entered or exported from the finance system. Amounts in the table's unit and sign
/// convention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetLine {
    /// The cost centre, activity or account.
    pub label: String,
    /// The row it belongs under, if any.
    pub parent: Option<String>,
    /// How it relates to its parent (ignored without a parent).
    pub kind: RowKind,
    /// Budget for the period.
    pub budget: Option<f64>,
    /// Utfall for the period.
    pub outcome: Option<f64>,
    /// Årsbudget.
    pub annual_budget: Option<f64>,
    /// Prognos for the year.
    pub forecast: Option<f64>,
}

impl BudgetLine {
    /// Avvikelse for the period: positive when better than the budget.
    pub fn deviation(&self, sign: SignConvention) -> Option<f64> {
        Some(sign.deviation(self.outcome?, self.budget?))
    }

    /// Avvikelse of the forecast from the annual budget: positive when better.
    pub fn forecast_deviation(&self, sign: SignConvention) -> Option<f64> {
        Some(sign.deviation(self.forecast?, self.annual_budget?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn units_found() {
        assert_eq!(
            Unit::find("Enheten i tabellen är i tusentals kronor (tkr)."),
            Some(Unit::Tkr)
        );
        assert_eq!(Unit::find("Verksamheter, tusental kronor"), Some(Unit::Tkr));
        assert_eq!(Unit::find("Utfall -8,9 mnkr"), Some(Unit::Mnkr));
        assert_eq!(Unit::find("-4,4 mkr"), Some(Unit::Mnkr));
        assert_eq!(Unit::find("Kostnad, kr/inv"), Some(Unit::Kr));
        assert_eq!(Unit::find("Antal anställda"), None);
        assert_eq!(Unit::find("Budgetuppföljning 2024 (tkr)"), Some(Unit::Tkr));
    }

    #[test]
    fn roles_of_seed_003() {
        let r = ColumnRole::infer(
            &h(&[
                "Utfall",
                "Budget",
                "Avvikelse",
                "Prognos 8, 2023",
                "Budget 2023",
                "Avvikelse mot Budget 2023",
            ]),
            SignConvention::CostsNegative,
        );
        assert_eq!(
            r,
            vec![
                ColumnRole::Outcome,
                ColumnRole::Budget,
                ColumnRole::Deviation {
                    minuend: 0,
                    subtrahend: 1
                },
                ColumnRole::Forecast,
                ColumnRole::AnnualBudget,
                ColumnRole::Deviation {
                    minuend: 3,
                    subtrahend: 4
                },
            ]
        );
        // Investments: budget before forecast; quantities: åtagande.
        let r = ColumnRole::infer(
            &h(&[
                "Utfall Jan - Aug 2023",
                "Budget 2023",
                "Årsprognos",
                "Avvikelse prognos mot budget",
            ]),
            SignConvention::CostsNegative,
        );
        assert_eq!(
            r[3],
            ColumnRole::Deviation {
                minuend: 2,
                subtrahend: 1
            }
        );
        let r = ColumnRole::infer(
            &h(&["Utfall 2022", "Åtagande -23", "Prognos -23", "Avvikelse"]),
            SignConvention::CostsNegative,
        );
        assert_eq!(
            r[3],
            ColumnRole::Deviation {
                minuend: 2,
                subtrahend: 1
            }
        );
    }

    #[test]
    fn roles_of_seed_000_and_002() {
        let r = ColumnRole::infer(
            &h(&[
                "Budget jan- juli",
                "Redovisn jan- juli",
                "Årsbudget",
                "Prognos helår",
            ]),
            SignConvention::CostsPositive,
        );
        assert_eq!(
            r,
            vec![
                ColumnRole::Budget,
                ColumnRole::Outcome,
                ColumnRole::AnnualBudget,
                ColumnRole::Forecast
            ]
        );
        let r = ColumnRole::infer(
            &h(&[
                "Resultat ackumulerad jan 2024",
                "Resultat ackumulerad feb 2024",
                "Resultat ackumulerad mars 2024",
                "Differens föregående månad",
            ]),
            SignConvention::CostsNegative,
        );
        assert_eq!(
            r[3],
            ColumnRole::Deviation {
                minuend: 2,
                subtrahend: 1
            }
        );
        // Costs positive: budget − outcome.
        let r = ColumnRole::infer(
            &h(&["Budget", "Utfall", "Avvikelse"]),
            SignConvention::CostsPositive,
        );
        assert_eq!(
            r[2],
            ColumnRole::Deviation {
                minuend: 0,
                subtrahend: 1
            }
        );
    }

    #[test]
    fn deviations_are_computed_with_the_sign_convention() {
        let l = BudgetLine {
            label: "Äldreomsorg".into(),
            parent: None,
            kind: RowKind::Row,
            budget: Some(-46175.0),
            outcome: Some(-56813.0),
            annual_budget: Some(-67328.0),
            forecast: Some(-84329.0),
        };
        assert_eq!(l.deviation(SignConvention::CostsNegative), Some(-10638.0));
        assert_eq!(
            l.forecast_deviation(SignConvention::CostsNegative),
            Some(-17001.0)
        );
        let p = BudgetLine {
            budget: Some(291.0),
            outcome: Some(324.0),
            ..l.clone()
        };
        assert_eq!(p.deviation(SignConvention::CostsPositive), Some(-33.0));
        assert_eq!(
            SignConvention::guess([-1.0, -2.0, 3.0]),
            SignConvention::CostsNegative
        );
        assert_eq!(
            SignConvention::guess([1.0, 2.0, -3.0]),
            SignConvention::CostsPositive
        );
    }

    #[test]
    fn table_from_lines_sums_parts_and_skips_varav() {
        let line = |label: &str, parent: Option<&str>, kind, o: f64, b: f64| BudgetLine {
            label: label.into(),
            parent: parent.map(str::to_string),
            kind,
            budget: Some(b),
            outcome: Some(o),
            annual_budget: Some(b * 1.5),
            forecast: Some(o * 1.5),
        };
        let mut parent = line("Hemtjänst", None, RowKind::Row, 0.0, 0.0);
        parent.outcome = None;
        parent.budget = None;
        parent.forecast = None;
        parent.annual_budget = None;
        let lines = vec![
            parent,
            line(
                "Kommunal hemtjänst",
                Some("Hemtjänst"),
                RowKind::Part,
                -100.0,
                -90.0,
            ),
            line(
                "Nattpatrull",
                Some("Hemtjänst"),
                RowKind::Part,
                -20.0,
                -20.0,
            ),
            line(
                "Extern",
                Some("Kommunal hemtjänst"),
                RowKind::Varav,
                -10.0,
                -9.0,
            ),
            line("Ledning", None, RowKind::Row, -5.0, -6.0),
        ];
        let t = FinanceTable::from_lines(
            "Budget",
            Unit::Tkr,
            SignConvention::CostsNegative,
            "Verksamhet",
            &lines,
        )
        .unwrap();
        t.validate().unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].values[0], Some(-120.0));
        assert_eq!(t.rows[0].values[2], Some(-10.0));
        assert_eq!(t.rows[0].children[0].children[0].kind, RowKind::Varav);
        let total = t.total.as_ref().unwrap();
        assert_eq!(total.values[0], Some(-125.0));
        assert_eq!(total.values[1], Some(-116.0));
        assert_eq!(total.values[2], Some(-9.0));
        assert!(super::super::check_table(&t).is_empty());
        let bad = vec![line("X", Some("Saknas"), RowKind::Part, 1.0, 1.0)];
        assert!(
            FinanceTable::from_lines("B", Unit::Tkr, SignConvention::CostsNegative, "V", &bad)
                .is_err()
        );
    }
}
