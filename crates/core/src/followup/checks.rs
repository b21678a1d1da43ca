//! Kontroller: the checks run on every finance table, imported or entered.
//!
//! 1. Each deviation equals its two operands' difference (outcome − budget, forecast −
//!    annual budget, in the table's sign convention).
//! 2. Each total equals the sum of its rows: the total row of the top-level rows ("-varav"
//!    rows excluded), and each parent of the parts under it.
//! 3. A "-varav" row does not exceed the row it is included in (compared in size when both
//!    have the same sign; a varav of the opposite sign, such as income within a net cost,
//!    cannot be judged).
//!
//! A difference within the rounding of the figures — ±2 in the last digit shown — is a
//! [`Severity::Note`]; a larger one is a [`Severity::Warning`]. Each finding names the cell.

use serde::{Deserialize, Serialize};

use super::finance::{ColumnRole, FinanceRow, FinanceTable, RowKind};
use super::format::{number, operand};

/// Allvarlighetsgrad: how serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Anmärkning: a rounding difference.
    Note,
    /// Varning: the figures disagree.
    Warning,
}

/// Which check found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckKind {
    /// Avvikelse = utfall − budget.
    Deviation,
    /// Summa = summan av raderna.
    Total,
    /// -varav ≤ raden den ingår i.
    Varav,
}

/// Kontrollresultat: one finding, naming the table, row and column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Note or warning.
    pub severity: Severity,
    /// Which check.
    pub check: CheckKind,
    /// The table's name.
    pub table: String,
    /// The row's label.
    pub row: String,
    /// The column's heading.
    pub column: String,
    /// What the figures give.
    pub expected: f64,
    /// What is printed.
    pub printed: f64,
    /// The finding in Swedish.
    pub message: String,
}

impl Finding {
    /// "Avrundning: …" for a note, "Varning: …" for a warning.
    pub fn line(&self) -> String {
        match self.severity {
            Severity::Note => format!("Avrundning: {}", self.message),
            Severity::Warning => format!("Varning: {}", self.message),
        }
    }
}

/// Runs every check on `table`, deviations first, then totals, then varav rows, each in
/// row order.
pub fn check_table(table: &FinanceTable) -> Vec<Finding> {
    let mut out = Vec::new();
    check_deviations(table, &mut out);
    check_totals(table, &mut out);
    check_varav(table, &mut out);
    out
}

/// The tolerance of rounding: 2 in the last decimal shown.
fn tolerance(t: &FinanceTable) -> f64 {
    2.0 * 10f64.powi(-i32::from(t.decimals.min(6)))
}

/// How a printed value compares with the computed one: `None` when equal (to the decimals
/// shown), else the severity.
fn judge(t: &FinanceTable, expected: f64, printed: f64) -> Option<Severity> {
    let diff = (expected - printed).abs();
    let eps = 1e-6 * 10f64.powi(-i32::from(t.decimals.min(6)));
    if diff <= eps {
        None
    } else if diff <= tolerance(t) + eps {
        Some(Severity::Note)
    } else {
        Some(Severity::Warning)
    }
}

fn all_rows(t: &FinanceTable) -> Vec<&FinanceRow> {
    fn walk<'a>(r: &'a FinanceRow, out: &mut Vec<&'a FinanceRow>) {
        out.push(r);
        for c in &r.children {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    for r in &t.rows {
        walk(r, &mut out);
    }
    if let Some(total) = &t.total {
        out.push(total);
    }
    out
}

fn heading(t: &FinanceTable, i: usize) -> String {
    t.columns
        .get(i)
        .map(|c| c.heading.clone())
        .unwrap_or_else(|| format!("kolumn {}", i + 1))
}

fn suffix(t: &FinanceTable, severity: Severity, expected: f64, printed: f64) -> String {
    let d = t.decimals;
    match severity {
        Severity::Note => format!(", angivet {} (avrundningsdifferens)", number(printed, d)),
        Severity::Warning => format!(
            ", angivet {} (skillnad {})",
            number(printed, d),
            number((printed - expected).abs(), d)
        ),
    }
}

/// Check 1: each deviation cell equals its operands' difference.
pub fn check_deviations(t: &FinanceTable, out: &mut Vec<Finding>) {
    let d = t.decimals;
    for row in all_rows(t) {
        for (i, col) in t.columns.iter().enumerate() {
            let ColumnRole::Deviation {
                minuend,
                subtrahend,
            } = col.role
            else {
                continue;
            };
            let (Some(a), Some(b), Some(printed)) =
                (row.value(minuend), row.value(subtrahend), row.value(i))
            else {
                continue;
            };
            let expected = a - b;
            if let Some(severity) = judge(t, expected, printed) {
                out.push(Finding {
                    severity,
                    check: CheckKind::Deviation,
                    table: t.name().to_string(),
                    row: row.label.clone(),
                    column: heading(t, i),
                    expected,
                    printed,
                    message: format!(
                        "{}: {}, {}: {} − {} = {}{}",
                        t.name(),
                        row.label,
                        heading(t, i),
                        number(a, d),
                        operand(b, d),
                        number(expected, d),
                        suffix(t, severity, expected, printed)
                    ),
                });
            }
        }
    }
}

/// Sums column `i` over `rows` of the given kinds; `None` when no row has a value there.
fn column_sum(rows: &[FinanceRow], i: usize, kinds: &[RowKind]) -> Option<f64> {
    let mut any = false;
    let mut sum = 0.0;
    for r in rows.iter().filter(|r| kinds.contains(&r.kind)) {
        if let Some(v) = r.value(i) {
            any = true;
            sum += v;
        }
    }
    any.then_some(sum)
}

/// Check 2: the total row is the sum of the top-level rows; each parent the sum of its parts.
pub fn check_totals(t: &FinanceTable, out: &mut Vec<Finding>) {
    let d = t.decimals;
    let mut compare = |label: &str, what: &str, i: usize, sum: f64, printed: f64| {
        if let Some(severity) = judge(t, sum, printed) {
            out.push(Finding {
                severity,
                check: CheckKind::Total,
                table: t.name().to_string(),
                row: label.to_string(),
                column: heading(t, i),
                expected: sum,
                printed,
                message: format!(
                    "{}: {}, {}: summan av {} är {}{}",
                    t.name(),
                    label,
                    heading(t, i),
                    what,
                    number(sum, d),
                    suffix(t, severity, sum, printed)
                ),
            });
        }
    };
    if t.total_is_sum {
        if let Some(total) = &t.total {
            for i in 0..t.columns.len() {
                if let (Some(sum), Some(printed)) = (
                    column_sum(&t.rows, i, &[RowKind::Row, RowKind::Part]),
                    total.value(i),
                ) {
                    compare(&total.label, "raderna", i, sum, printed);
                }
            }
        }
    }
    fn parents(rows: &[FinanceRow], f: &mut dyn FnMut(&FinanceRow)) {
        for r in rows {
            if r.children.iter().any(|c| c.kind == RowKind::Part) {
                f(r);
            }
            parents(&r.children, f);
        }
    }
    parents(&t.rows, &mut |r| {
        for i in 0..t.columns.len() {
            if let (Some(sum), Some(printed)) =
                (column_sum(&r.children, i, &[RowKind::Part]), r.value(i))
            {
                compare(&r.label, "delraderna", i, sum, printed);
            }
        }
    });
}

/// Check 3: a "-varav" row is not larger than the row it is included in.
pub fn check_varav(t: &FinanceTable, out: &mut Vec<Finding>) {
    let d = t.decimals;
    fn walk(t: &FinanceTable, parent: &FinanceRow, d: u8, out: &mut Vec<Finding>) {
        for child in &parent.children {
            if child.kind == RowKind::Varav {
                for i in 0..t.columns.len() {
                    if matches!(
                        t.columns.get(i).map(|c| c.role),
                        Some(ColumnRole::Deviation { .. })
                    ) {
                        // A deviation can be larger than its parent's: it is not an amount.
                        continue;
                    }
                    let (Some(v), Some(p)) = (child.value(i), parent.value(i)) else {
                        continue;
                    };
                    if v == 0.0 || p == 0.0 || (v < 0.0) != (p < 0.0) || v.abs() <= p.abs() {
                        continue;
                    }
                    if let Some(severity) = judge(t, p.abs(), v.abs()) {
                        out.push(Finding {
                            severity,
                            check: CheckKind::Varav,
                            table: t.name().to_string(),
                            row: child.label.clone(),
                            column: heading(t, i),
                            expected: p,
                            printed: v,
                            message: format!(
                                "{}: varav {}, {}: {} är större än {} ({}) som raden ingår i",
                                t.name(),
                                child.label,
                                heading(t, i),
                                number(v, d),
                                parent.label,
                                number(p, d)
                            ),
                        });
                    }
                }
            }
            walk(t, child, d, out);
        }
    }
    for r in &t.rows {
        walk(t, r, d, out);
    }
}

#[cfg(test)]
mod tests {
    use super::super::finance::{Column, SignConvention, Unit};
    use super::*;

    fn cols(headings: &[&str], sign: SignConvention) -> Vec<Column> {
        let h: Vec<String> = headings.iter().map(|s| s.to_string()).collect();
        ColumnRole::infer(&h, sign)
            .into_iter()
            .zip(h)
            .map(|(role, heading)| Column { heading, role })
            .collect()
    }

    fn row(label: &str, kind: RowKind, v: &[f64]) -> FinanceRow {
        FinanceRow::new(label, kind, v.iter().map(|x| Some(*x)).collect())
    }

    /// Seed 003's cost-centre table (lines 122–130), as printed.
    fn seed_003_cost_centres() -> FinanceTable {
        let r = |l: &str, v: &[f64]| row(l, RowKind::Row, v);
        FinanceTable {
            title: Some("Kostnadsställen".into()),
            unit: Some(Unit::Tkr),
            sign: SignConvention::CostsNegative,
            decimals: 0,
            label_heading: "Kostnadsställe".into(),
            columns: cols(
                &[
                    "Utfall",
                    "Budget",
                    "Avvikelse",
                    "Prognos 8 2023",
                    "Budget 2023",
                    "Avvikelse mot Budget 2023",
                ],
                SignConvention::CostsNegative,
            ),
            rows: vec![
                r(
                    "Förvaltningsövergripande",
                    &[-34879.0, -59529.0, 24651.0, -56227.0, -89577.0, 33350.0],
                ),
                r(
                    "Myndighetskontoret",
                    &[
                        -399698.0, -389950.0, -9748.0, -599705.0, -587655.0, -12050.0,
                    ],
                ),
                r(
                    "Äldreomsorg",
                    &[-56813.0, -46175.0, -10638.0, -84329.0, -67328.0, -17000.0],
                ),
                r(
                    "Funktionsnedsättning",
                    &[-148948.0, -140916.0, -8032.0, -222969.0, -216869.0, -6100.0],
                ),
                r(
                    "Tillfälligt stöd",
                    &[-31054.0, -32979.0, 1925.0, -49534.0, -50534.0, 1000.0],
                ),
                r(
                    "Arbetsliv och Försörjning",
                    &[-55204.0, -55981.0, 777.0, -84634.0, -84634.0, 0.0],
                ),
                r(
                    "Hälso-sjukvård och övrig verksamhet äldreomsorg",
                    &[-53918.0, -48547.0, -5371.0, -80867.0, -74667.0, -6200.0],
                ),
            ],
            total: Some(r(
                "Summa",
                &[
                    -780513.0, -774078.0, -6435.0, -1178264.0, -1171264.0, -7000.0,
                ],
            )),
            total_is_sum: true,
        }
    }

    #[test]
    fn seed_003_rounding_is_a_note_naming_the_cell() {
        let f = check_table(&seed_003_cost_centres());
        let msgs: Vec<String> = f.iter().map(Finding::line).collect();
        let first = &f[0];
        assert_eq!(first.severity, Severity::Note, "{msgs:#?}");
        assert_eq!(first.row, "Förvaltningsövergripande");
        assert_eq!(first.column, "Avvikelse");
        assert_eq!(
            first.message,
            "Kostnadsställen: Förvaltningsövergripande, Avvikelse: −34 879 − (−59 529) = 24 650, angivet 24 651 (avrundningsdifferens)"
        );
        // Äldreomsorg's forecast: −84 329 − (−67 328) = −17 001, printed −17 000.
        assert!(msgs.iter().any(|m| m.contains("Äldreomsorg, Avvikelse mot Budget 2023: −84 329 − (−67 328) = −17 001, angivet −17 000")), "{msgs:#?}");
        assert!(f.iter().all(|x| x.severity == Severity::Note), "{msgs:#?}");
    }

    #[test]
    fn deviation_check_warns_beyond_rounding() {
        let mut t = seed_003_cost_centres();
        t.rows[1].values[2] = Some(-9700.0);
        let f = check_table(&t);
        let w: Vec<&Finding> = f
            .iter()
            .filter(|x| x.severity == Severity::Warning)
            .collect();
        assert!(
            w.iter().any(|x| x.check == CheckKind::Deviation
                && x.row == "Myndighetskontoret"
                && x.column == "Avvikelse"),
            "{f:#?}"
        );
        assert!(
            w[0].message
                .contains("= −9 748, angivet −9 700 (skillnad 48)"),
            "{}",
            w[0].message
        );
        // Two decimals shown: 0.02 is within rounding, 0.03 is not.
        let mut t = seed_003_cost_centres();
        t.decimals = 2;
        t.rows = vec![row("A", RowKind::Row, &[1.00, 0.50, 0.52, 0.0, 0.0, 0.0])];
        t.total = None;
        assert_eq!(check_table(&t)[0].severity, Severity::Note);
        t.rows[0].values[2] = Some(0.53);
        assert_eq!(check_table(&t)[0].severity, Severity::Warning);
    }

    #[test]
    fn total_check_finds_a_wrong_sum() {
        let mut t = seed_003_cost_centres();
        // As printed, the seed's total differs from the rows' sum by rounding only:
        // −780 514 summed, −780 513 printed.
        let clean: Vec<Finding> = check_table(&t);
        let totals: Vec<&Finding> = clean
            .iter()
            .filter(|f| f.check == CheckKind::Total)
            .collect();
        assert!(
            totals.iter().all(|f| f.severity == Severity::Note),
            "{clean:#?}"
        );
        assert!(totals
            .iter()
            .any(|f| f.column == "Utfall" && f.expected == -780_514.0));
        t.total.as_mut().unwrap().values[0] = Some(-780_413.0);
        let f = check_table(&t);
        let hit = f
            .iter()
            .find(|x| x.check == CheckKind::Total && x.row == "Summa" && x.column == "Utfall")
            .expect("total finding");
        assert_eq!(hit.severity, Severity::Warning);
        assert!(
            hit.message
                .contains("summan av raderna är −780 514, angivet −780 413"),
            "{}",
            hit.message
        );
        // A total that is not a sum ("Alla" in a staff table) is not checked.
        t.total_is_sum = false;
        assert!(check_table(&t).iter().all(|x| x.check != CheckKind::Total));
    }

    #[test]
    fn total_check_on_parts_and_rounding() {
        // Seed 002 lines 180–182: Förvaltningsledning −95 = −135 + 41 (−94): a note.
        let mut parent = row(
            "Förvaltningsledning",
            RowKind::Row,
            &[-95.0, -395.0, -186.0, 208.0],
        );
        parent.children = vec![
            row(
                "Soc ledning",
                RowKind::Part,
                &[-135.0, -487.0, -322.0, 164.0],
            ),
            row(
                "Hospice och Utskrivningsklara",
                RowKind::Part,
                &[41.0, 92.0, 136.0, 44.0],
            ),
        ];
        let t = FinanceTable {
            title: Some("Budgetuppföljning 2024 (tkr)".into()),
            unit: Some(Unit::Tkr),
            sign: SignConvention::CostsNegative,
            decimals: 0,
            label_heading: "Budgetuppföljning 2024 (tkr)".into(),
            columns: cols(
                &[
                    "Resultat ackumulerad jan 2024",
                    "Resultat ackumulerad feb 2024",
                    "Resultat ackumulerad mars 2024",
                    "Differens föregående månad",
                ],
                SignConvention::CostsNegative,
            ),
            rows: vec![parent],
            total: None,
            total_is_sum: true,
        };
        let f = check_table(&t);
        let notes: Vec<&Finding> = f.iter().filter(|x| x.check == CheckKind::Total).collect();
        assert_eq!(notes.len(), 1, "{f:#?}"); // only January: −135 + 41 = −94, printed −95
        assert!(notes.iter().all(|x| x.severity == Severity::Note));
        assert!(
            notes[0]
                .message
                .contains("summan av delraderna är −94, angivet −95"),
            "{}",
            notes[0].message
        );
        let mut t2 = t.clone();
        t2.rows[0].children[1].values[1] = Some(200.0);
        assert!(check_table(&t2).iter().any(|x| x.check == CheckKind::Total
            && x.severity == Severity::Warning
            && x.column == "Resultat ackumulerad feb 2024"));
    }

    #[test]
    fn varav_check_finds_a_varav_larger_than_its_parent() {
        // Seed 000 lines 371–373: Integration 396 redovisat, varav flyktingmottagande 602.
        let mut parent = row("Integration", RowKind::Row, &[665.0, 396.0, 825.0, 825.0]);
        parent.children = vec![
            row("ensamkommande", RowKind::Varav, &[212.0, -206.0, 0.0, 0.0]),
            row(
                "flyktingmottagande",
                RowKind::Varav,
                &[453.0, 602.0, 825.0, 825.0],
            ),
        ];
        let t = FinanceTable {
            title: Some("Ekonomiskt resultat".into()),
            unit: Some(Unit::Tkr),
            sign: SignConvention::CostsPositive,
            decimals: 0,
            label_heading: "Verksamheter".into(),
            columns: cols(
                &[
                    "Budget jan- juli",
                    "Redovisn jan- juli",
                    "Årsbudget",
                    "Prognos helår",
                ],
                SignConvention::CostsPositive,
            ),
            rows: vec![parent],
            total: None,
            total_is_sum: true,
        };
        let f = check_table(&t);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].check, CheckKind::Varav);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].row, "flyktingmottagande");
        assert_eq!(f[0].column, "Redovisn jan- juli");
        assert_eq!(
            f[0].message,
            "Ekonomiskt resultat: varav flyktingmottagande, Redovisn jan- juli: 602 är större än Integration (396) som raden ingår i"
        );
        // Equal to the parent (825 of 825) is allowed; 2 over is a rounding note.
        let mut t2 = t.clone();
        t2.rows[0].children[1].values[1] = Some(398.0);
        let f2 = check_table(&t2);
        assert_eq!(f2.len(), 1);
        assert_eq!(f2[0].severity, Severity::Note);
        // Varav rows are not added to the total.
        let mut t3 = t.clone();
        t3.total = Some(row("Totalt", RowKind::Row, &[665.0, 396.0, 825.0, 825.0]));
        assert!(check_table(&t3).iter().all(|x| x.check != CheckKind::Total));
    }
}
