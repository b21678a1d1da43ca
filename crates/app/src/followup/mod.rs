//! Verksamhetsuppföljning: getting the figures in — a published report (seed 003's
//! Verksamhetsrapport, or the budget table of a protocol like seeds 000 and 002), the finance
//! system's export as CSV or XLSX, Kolada's key figures as v2 JSON — checking them with the
//! core's rules and storing each file in one transaction.
//!
//! ## The finance export (CSV or XLSX)
//!
//! One row per cost centre (kostnadsställe), activity or account and period; the first row
//! names the columns (case and spaces ignored), CSV separated by `;` or `,`, UTF-8 or
//! Windows-1252; XLSX from its first sheet:
//!
//! | column | required | content |
//! |---|---|---|
//! | `nämnd` | unless `--body` | the nämnd, by name |
//! | `period` | yes | the last month of the accumulated period, `2023-08` (or `2023-01-01/2023-08-31`) |
//! | `kostnadsställe` (or `konto`, `verksamhet`) | yes | the row's label |
//! | `ingår_i` (or `överordnad`) | no | the label of the row it belongs under |
//! | `radtyp` | no | empty for a row of its own, `del` for one of the parts its parent is the sum of, `varav` for a row included in its parent |
//! | `enhet` | no | `kr`, `tkr` (default) or `mnkr`; one unit per nämnd and period |
//! | `budget` (or `periodbudget`) | no | budget for the period |
//! | `utfall` | no | outcome for the period |
//! | `årsbudget` | no | budget for the year |
//! | `prognos` | no | forecast for the year |
//!
//! Amounts are Swedish or plain numbers ("−34 879", "-34879", "1 183,1"), costs negative
//! and income positive (as seed 003) — or costs positive throughout, which the report
//! recognises. Deviations are never read: they are computed. A file with any bad row is
//! refused whole, with every problem listed.
//!
//! ## Kolada
//!
//! The JSON of Kolada's API v2 (`/v2/data/kpi/…/municipality/…`): `values` → `kpi`,
//! `municipality`, `period`, `values` → `gender` (T, K, M), `value`. Read from a file; no
//! network.

pub mod docs;
pub mod publish;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use paragraf_core::followup::kolada::KpiValue;
use paragraf_core::followup::{
    check_table, AssessmentScale, Assignment, AssignmentStatus, BudgetLine, Column, ColumnRole,
    FinanceRow, FinanceTable, FollowUp, Gender, Goal, GoalLevel, Indicator, Period, RowKind,
    Section, SectionTable, SignConvention, Status, Trend, Unit,
};
use paragraf_import::followup::{FollowUpRow, FollowUpTable};
use paragraf_import::FollowUpReport;
use paragraf_store::BudgetBatch;
use serde::{Deserialize, Serialize};

use crate::{BadRows, RowProblem};
use paragraf_import::table::problem;
pub use paragraf_import::table::{csv_records, xlsx_records};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// A published report or protocol (.txt, .pdf).
    Report,
    /// The finance export as CSV.
    FinanceCsv,
    /// The finance export as XLSX.
    FinanceXlsx,
    /// Kolada v2 JSON.
    Kolada,
}

impl FileKind {
    /// By the file's extension.
    pub fn of(path: &Path) -> Result<FileKind> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .unwrap_or_default();
        Ok(match ext.as_str() {
            "txt" | "pdf" | "md" => FileKind::Report,
            "csv" => FileKind::FinanceCsv,
            "xlsx" | "xlsm" => FileKind::FinanceXlsx,
            "json" => FileKind::Kolada,
            _ => crate::refuse!(
                "{}: okänd filtyp – ange en rapport (.txt, .pdf), en ekonomiexport (.csv, .xlsx) eller nyckeltal från Kolada (.json)",
                path.display()
            ),
        })
    }
}

// ---------------------------------------------------------------------------------------
// Published reports

/// Reads a published report or protocol and runs the checks on its tables.
pub fn read_report(path: &Path) -> Result<FollowUpReport> {
    let text = paragraf_import::read_file(path)?;
    let mut r = paragraf_import::parse_followup(&text)
        .with_context(|| format!("{}: kunde inte läsas som uppföljning", path.display()))?;
    add_checks(&mut r);
    Ok(r)
}

/// Runs the core's checks on every table of `r` and lists the findings in `r.checks`.
pub fn add_checks(r: &mut FollowUpReport) {
    let mut checks = Vec::new();
    for t in &r.tables {
        let (table, notes) = finance_table(t);
        checks.extend(notes);
        checks.extend(check_table(&table).iter().map(|f| f.line()));
    }
    r.checks = checks;
}

fn unit(text: Option<&str>) -> Option<Unit> {
    match text? {
        "tkr" => Some(Unit::Tkr),
        "mnkr" => Some(Unit::Mnkr),
        "kr" => Some(Unit::Kr),
        _ => None,
    }
}

fn row_kind(k: &str) -> RowKind {
    match k {
        "part" => RowKind::Part,
        "varav" => RowKind::Varav,
        _ => RowKind::Row,
    }
}

fn finance_row(r: &FollowUpRow) -> FinanceRow {
    FinanceRow {
        label: r.label.clone(),
        kind: row_kind(&r.kind),
        values: r.values.clone(),
        children: r.children.iter().map(finance_row).collect(),
    }
}

fn all_values(rows: &[FinanceRow], out: &mut Vec<f64>) {
    for r in rows {
        out.extend(r.values.iter().flatten());
        all_values(&r.children, out);
    }
}

/// An imported table as the core's finance table: column roles from the headings, the sign
/// convention guessed from the figures of money tables. A deviation column whose every
/// figure has the opposite sign of the difference its heading names is read the table's
/// own way, and a note says so (seed 003's investments: budget − forecast).
pub fn finance_table(t: &FollowUpTable) -> (FinanceTable, Vec<String>) {
    let unit = unit(t.unit.as_deref());
    let rows: Vec<FinanceRow> = t.rows.iter().map(finance_row).collect();
    let total = t.total.as_ref().map(finance_row);
    let sign = if unit.is_some() {
        let mut v = Vec::new();
        all_values(&rows, &mut v);
        SignConvention::guess(v)
    } else {
        SignConvention::CostsNegative
    };
    let headings: Vec<String> = t.header.iter().skip(1).cloned().collect();
    let roles = ColumnRole::infer(&headings, sign);
    let total_is_sum = total.as_ref().is_some_and(|r| {
        let l = r.label.to_lowercase();
        l.starts_with("summa") || l.starts_with("totalt") || l == "total"
    });
    let mut table = FinanceTable {
        title: t.title.clone(),
        unit,
        sign,
        decimals: t.decimals,
        label_heading: t.header.first().cloned().unwrap_or_default(),
        columns: headings
            .into_iter()
            .zip(roles)
            .map(|(heading, role)| Column { heading, role })
            .collect(),
        rows,
        total,
        total_is_sum,
    };
    let notes = adapt_deviations(&mut table);
    (table, notes)
}

fn adapt_deviations(t: &mut FinanceTable) -> Vec<String> {
    let tol = 2.0 * 10f64.powi(-i32::from(t.decimals.min(6))) + 1e-9;
    fn walk<'a>(r: &'a FinanceRow, out: &mut Vec<&'a FinanceRow>) {
        out.push(r);
        for c in &r.children {
            walk(c, out);
        }
    }
    let mut flips: Vec<usize> = Vec::new();
    {
        let mut all: Vec<&FinanceRow> = Vec::new();
        for r in &t.rows {
            walk(r, &mut all);
        }
        all.extend(t.total.iter());
        for (i, col) in t.columns.iter().enumerate() {
            let ColumnRole::Deviation {
                minuend,
                subtrahend,
            } = col.role
            else {
                continue;
            };
            let (mut agree, mut opposite) = (0, 0);
            for r in &all {
                let (Some(a), Some(b), Some(p)) =
                    (r.value(minuend), r.value(subtrahend), r.value(i))
                else {
                    continue;
                };
                let d = a - b;
                if d.abs() <= tol {
                    continue;
                }
                if (p - d).abs() <= tol {
                    agree += 1;
                } else if (p + d).abs() <= tol {
                    opposite += 1;
                }
            }
            if opposite > 0 && agree == 0 {
                flips.push(i);
            }
        }
    }
    let name = t.name().to_string();
    let mut notes = Vec::new();
    for i in flips {
        if let Some(col) = t.columns.get_mut(i) {
            if let ColumnRole::Deviation {
                minuend,
                subtrahend,
            } = col.role
            {
                col.role = ColumnRole::Deviation {
                    minuend: subtrahend,
                    subtrahend: minuend,
                };
                notes.push(format!(
                    "Anmärkning: {name}: kolumnen ”{}” räknas i tabellen med omvänt tecken mot övriga tabeller; kontrollen följer tabellens eget sätt",
                    col.heading
                ));
            }
        }
    }
    notes
}

fn section(s: &str) -> Section {
    match s {
        "kvantiteter" => Section::Kvantiteter,
        "medarbetare" => Section::Medarbetare,
        _ => Section::Ekonomi,
    }
}

/// The scale the goals are assessed on: a known scale holding every assessment of the
/// report, or else the words the report uses, in the order they first appear.
pub fn scale_for(r: &FollowUpReport) -> AssessmentScale {
    fn words(g: &paragraf_import::followup::FollowUpGoal, out: &mut Vec<String>) {
        if let Some(a) = &g.assessment {
            if !out.contains(a) {
                out.push(a.clone());
            }
        }
        for c in &g.children {
            words(c, out);
        }
    }
    let mut used = Vec::new();
    for g in &r.goals {
        words(g, &mut used);
    }
    for s in [
        AssessmentScale::fulfilment(),
        AssessmentScale::achievement(),
    ] {
        if used.iter().all(|w| s.find(w).is_some()) {
            return s;
        }
    }
    AssessmentScale { levels: used }
}

fn level(s: &str) -> GoalLevel {
    match s {
        "övergripande" => GoalLevel::Overarching,
        "kf_verksamhetsmål" => GoalLevel::KfActivity,
        _ => GoalLevel::Committee,
    }
}

fn goal(g: &paragraf_import::followup::FollowUpGoal, warnings: &mut Vec<String>) -> Option<Goal> {
    let mut out = match Goal::new(level(&g.level), &g.title) {
        Ok(x) => x,
        Err(e) => {
            warnings.push(e.to_string());
            return None;
        }
    };
    out.assessment = g.assessment.clone();
    out.analysis = g.analysis.clone();
    out.children = g
        .children
        .iter()
        .filter_map(|c| goal(c, warnings))
        .collect();
    for i in &g.indicators {
        let Ok(mut ind) = Indicator::new(&i.name) else {
            warnings.push("en indikator saknar namn".into());
            continue;
        };
        ind.unit = i.unit.clone();
        ind.gender = i.gender.as_deref().and_then(Gender::parse);
        ind.values = i.values.clone();
        ind.target = i.target;
        ind.status = i.status.as_deref().and_then(Status::parse);
        ind.trend = i.trend.as_deref().and_then(Trend::parse);
        out.indicators.push(ind);
    }
    Some(out)
}

/// The imported report in the core's terms, for the store. `body` and `period` override
/// what the text says.
pub fn to_followup(
    r: &FollowUpReport,
    body: Option<&str>,
    period: Option<&Period>,
) -> Result<(FollowUp, Vec<String>)> {
    let mut warnings = Vec::new();
    let body = body
        .map(str::to_string)
        .filter(|b| !b.trim().is_empty())
        .or_else(|| Some(r.body.clone()).filter(|b| !b.trim().is_empty()))
        .context("nämnden framgår inte av filen – ange --body")?;
    let period = match period {
        Some(p) => *p,
        None => r
            .period
            .as_deref()
            .context("perioden framgår inte av filen – ange --period")?
            .parse()
            .map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    let key = period.key();
    let assignments = r
        .assignments
        .iter()
        .filter_map(|a| {
            let date = |s: &Option<String>| s.as_deref().and_then(|d| d.parse().ok());
            let mut x = match Assignment::new(
                &a.title,
                a.group.as_deref(),
                date(&a.start),
                date(&a.end),
                a.status.as_deref().and_then(AssignmentStatus::parse),
            ) {
                Ok(x) => x,
                Err(e) => {
                    warnings.push(e.to_string());
                    return None;
                }
            };
            if let Some(c) = &a.comment {
                x.comments.insert(key.clone(), c.clone());
            }
            Some(x)
        })
        .collect();
    let report = FollowUp {
        body,
        period,
        kind: r.document_type.clone(),
        summary: r.summary.clone(),
        tables: r
            .tables
            .iter()
            .map(|t| SectionTable {
                section: section(&t.section),
                table: finance_table(t).0,
            })
            .collect(),
        goals: r
            .goals
            .iter()
            .filter_map(|g| goal(g, &mut warnings))
            .collect(),
        assignments,
        scale: scale_for(r),
    };
    Ok((report, warnings))
}

// ---------------------------------------------------------------------------------------
// The finance export

fn column_key(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .collect()
}

fn column_of(key: &str) -> Option<&'static str> {
    Some(match key {
        "nämnd" | "namnd" | "organ" => "nämnd",
        "period" | "månad" => "period",
        "kostnadsställe" | "konto" | "verksamhet" | "rad" => "kostnadsställe",
        "ingåri" | "överordnad" | "förälder" => "ingår_i",
        "radtyp" | "typ" => "radtyp",
        "enhet" => "enhet",
        "budget" | "periodbudget" | "budgetperiod" => "budget",
        "utfall" | "redovisning" => "utfall",
        "årsbudget" => "årsbudget",
        "prognos" | "helårsprognos" => "prognos",
        _ => return None,
    })
}

/// Budget lines read from a finance export, grouped by nämnd and period, and the checks of
/// the tables they make.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FinanceFile {
    /// Per nämnd and period.
    #[serde(skip)]
    pub batches: Vec<BudgetBatch>,
    /// Rows read.
    pub rows: usize,
    /// (nämnd, period) pairs.
    pub periods: Vec<(String, String)>,
    /// Findings of the checks.
    pub checks: Vec<String>,
}

/// Reads a finance export from its records (the header first). `body` fills the nämnd for
/// files without that column.
pub fn read_finance_records(
    records: &[Vec<String>],
    body: Option<&str>,
) -> Result<FinanceFile, BadRows> {
    let mut problems = Vec::new();
    let Some(header) = records.first() else {
        return Err(BadRows {
            problems: vec![problem(1, "rubrikrad", "filen är tom")],
        });
    };
    let mut cols: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (i, h) in header.iter().enumerate() {
        match column_of(&column_key(h)) {
            Some(name) => {
                cols.entry(name).or_insert(i);
            }
            None if h.trim().is_empty() => {}
            None => problems.push(RowProblem {
                line: 1,
                field: h.trim().to_string(),
                message: "okänd kolumn (se dokumentationen av ekonomiexporten)".into(),
            }),
        }
    }
    for need in ["period", "kostnadsställe", "utfall"] {
        if !cols.contains_key(need) {
            problems.push(RowProblem {
                line: 1,
                field: need.into(),
                message: "kolumnen saknas".into(),
            });
        }
    }
    if !cols.contains_key("nämnd") && body.is_none() {
        problems.push(RowProblem {
            line: 1,
            field: "nämnd".into(),
            message: "kolumnen saknas – lägg till den eller ange --body".into(),
        });
    }
    if !problems.is_empty() {
        return Err(BadRows { problems });
    }
    let mut batches: Vec<BudgetBatch> = Vec::new();
    let mut rows = 0usize;
    for (n, rec) in records.iter().enumerate().skip(1) {
        let line = n as u64 + 1;
        let get = |name: &str| {
            cols.get(name)
                .and_then(|i| rec.get(*i))
                .map(|s| s.trim())
                .unwrap_or("")
        };
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows += 1;
        let mut bad = |field: &str, message: String| {
            problems.push(RowProblem {
                line,
                field: field.into(),
                message,
            })
        };
        let body_name = Some(get("nämnd"))
            .filter(|s| !s.is_empty())
            .or(body)
            .unwrap_or("")
            .to_string();
        if body_name.is_empty() {
            bad("nämnd", "saknas".into());
        }
        let period: Option<Period> = match get("period").parse() {
            Ok(p) => Some(p),
            Err(e) => {
                bad("period", e.to_string());
                None
            }
        };
        let label = get("kostnadsställe").to_string();
        if label.is_empty() {
            bad("kostnadsställe", "saknas".into());
        }
        let kind = match get("radtyp").to_lowercase().as_str() {
            "" | "rad" => RowKind::Row,
            "del" | "delrad" => RowKind::Part,
            "varav" => RowKind::Varav,
            other => {
                bad("radtyp", format!("”{other}” ska vara tom, del eller varav"));
                RowKind::Row
            }
        };
        let parent = Some(get("ingår_i").to_string()).filter(|s| !s.is_empty());
        if kind != RowKind::Row && parent.is_none() {
            bad(
                "ingår_i",
                "en del- eller varav-rad måste ange raden den ingår i".into(),
            );
        }
        let unit = match get("enhet").to_lowercase().as_str() {
            "" | "tkr" => Unit::Tkr,
            "kr" => Unit::Kr,
            "mnkr" | "mkr" => Unit::Mnkr,
            other => {
                bad("enhet", format!("”{other}” ska vara kr, tkr eller mnkr"));
                Unit::Tkr
            }
        };
        let mut amount = |field: &str| -> Option<f64> {
            let s = get(field);
            if s.is_empty() {
                return None;
            }
            let v = paragraf_import::parse_number(s);
            if v.is_none() {
                problems.push(RowProblem {
                    line,
                    field: field.into(),
                    message: format!("”{s}” är inget belopp"),
                });
            }
            v
        };
        let l = BudgetLine {
            label,
            parent,
            // A row naming a parent without a type is one of its parts.
            kind: match (get("ingår_i").is_empty(), kind) {
                (true, _) => RowKind::Row,
                (false, RowKind::Row) => RowKind::Part,
                (false, k) => k,
            },
            budget: amount("budget"),
            outcome: amount("utfall"),
            annual_budget: amount("årsbudget"),
            forecast: amount("prognos"),
        };
        let Some(period) = period else { continue };
        match batches
            .iter_mut()
            .find(|b| b.body == body_name && b.period == period)
        {
            Some(b) => {
                if b.unit != unit {
                    problems.push(RowProblem {
                        line,
                        field: "enhet".into(),
                        message: format!(
                            "{} för {body_name} {period}, men tidigare rader har {}",
                            unit.symbol(),
                            b.unit.symbol()
                        ),
                    });
                }
                if b.lines.iter().any(|x| x.label == l.label) {
                    problems.push(RowProblem {
                        line,
                        field: "kostnadsställe".into(),
                        message: format!("”{}” förekommer redan för {body_name} {period}", l.label),
                    });
                }
                b.lines.push(l);
            }
            None => batches.push(BudgetBatch {
                body: body_name,
                period,
                unit,
                lines: vec![l],
            }),
        }
    }
    let mut checks = Vec::new();
    for b in &batches {
        for l in &b.lines {
            if let Some(p) = &l.parent {
                if !b.lines.iter().any(|x| &x.label == p) {
                    problems.push(RowProblem {
                        line: 0,
                        field: "ingår_i".into(),
                        message: format!(
                            "”{}” ingår i ”{p}”, som inte finns för {} {}",
                            l.label, b.body, b.period
                        ),
                    });
                }
            }
        }
        if let Ok(t) = budget_table(b) {
            checks.extend(check_table(&t).iter().map(|f| f.line()));
        }
    }
    if !problems.is_empty() {
        return Err(BadRows { problems });
    }
    Ok(FinanceFile {
        periods: batches
            .iter()
            .map(|b| (b.body.clone(), b.period.to_string()))
            .collect(),
        batches,
        rows,
        checks,
    })
}

/// The table a report prints from budget lines.
pub fn budget_table(b: &BudgetBatch) -> Result<FinanceTable> {
    let sign = SignConvention::guess(b.lines.iter().filter_map(|l| l.outcome.or(l.budget)));
    FinanceTable::from_lines(
        &format!("Budgetuppföljning per kostnadsställe {}", b.period.words()),
        b.unit,
        sign,
        "Kostnadsställe",
        &b.lines,
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
}

// ---------------------------------------------------------------------------------------
// Kolada

#[derive(Deserialize)]
struct KoladaFile {
    values: Vec<KoladaEntry>,
}

#[derive(Deserialize)]
struct KoladaEntry {
    kpi: String,
    municipality: String,
    period: serde_json::Value,
    values: Vec<KoladaValue>,
}

#[derive(Deserialize)]
struct KoladaValue {
    gender: String,
    value: Option<f64>,
}

/// Reads Kolada v2 JSON.
pub fn read_kolada(bytes: &[u8]) -> Result<Vec<KpiValue>> {
    let f: KoladaFile = serde_json::from_slice(bytes)
        .context("filen är inte Kolada-JSON (v2: values → kpi, municipality, period, values)")?;
    let mut out = Vec::new();
    for e in f.values {
        let period = match &e.period {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(s) => s.clone(),
            other => crate::refuse!(
                "KPI {}: perioden {other} är varken ett år eller en text",
                e.kpi
            ),
        };
        for v in e.values {
            let gender = Gender::parse(&v.gender)
                .with_context(|| format!("KPI {} {period}: okänt kön ”{}”", e.kpi, v.gender))?;
            out.push(KpiValue {
                kpi: e.kpi.clone(),
                municipality: e.municipality.clone(),
                period: period.clone(),
                gender,
                value: v.value,
            });
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Import

/// What an import did (or would do, in a dry run).
#[derive(Debug, Clone, Serialize)]
pub struct ImportOutcome {
    /// What the file held.
    pub kind: FileKind,
    /// Whether anything was stored.
    pub stored: bool,
    /// The report read, for a published report.
    pub report: Option<FollowUpReport>,
    /// The finance export read.
    pub finance: Option<FinanceFile>,
    /// Kolada values read.
    pub kpi_values: usize,
    /// The checks' findings.
    pub checks: Vec<String>,
    /// What could not be placed.
    pub warnings: Vec<String>,
}

impl ImportOutcome {
    /// What was read, one line each: the report, the budget lines, the Kolada values, then
    /// the checks' findings.
    pub fn summary(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(r) = &self.report {
            lines.push(format!(
                "{} för {} {}: {} tabeller, {} mål, {} uppdrag.",
                r.document_type,
                r.body,
                r.period.as_deref().unwrap_or("(period saknas)"),
                r.tables.len(),
                r.goals.len(),
                r.assignments.len()
            ));
        }
        if let Some(f) = &self.finance {
            lines.push(format!(
                "{} budgetrader för {}.",
                f.rows,
                f.periods
                    .iter()
                    .map(|(b, p)| format!("{b} {p}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if self.kpi_values > 0 {
            lines.push(format!("{} värden från Kolada.", self.kpi_values));
        }
        lines.extend(self.checks.iter().cloned());
        lines
    }

    /// What could not be placed.
    pub fn unplaced(&self) -> Vec<String> {
        self.warnings
            .iter()
            .map(|w| format!("Kunde inte placeras: {w}"))
            .collect()
    }
}

/// Reads `path` and, unless `store` is `None` (a dry run), stores it in one transaction.
pub fn import_file(
    dir: Option<&crate::DataDir>,
    path: &Path,
    body: Option<&str>,
    period: Option<&Period>,
) -> Result<ImportOutcome> {
    import_file_in(dir.map(|d| d.storage()), path, body, period)
}

/// [`import_file`] on `store` (a transaction, for a rehearsal).
pub(crate) fn import_file_in(
    store: Option<&dyn paragraf_store::Storage>,
    path: &Path,
    body: Option<&str>,
    period: Option<&Period>,
) -> Result<ImportOutcome> {
    let kind = FileKind::of(path)?;
    let source = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("fil")
        .to_string();
    match kind {
        FileKind::Report => {
            let r = read_report(path)?;
            let mut warnings = r.warnings.clone();
            let checks = r.checks.clone();
            let stored = match store {
                Some(s) => {
                    let (f, w) = to_followup(&r, body, period)?;
                    warnings.extend(w);
                    s.save_followup(&f, &source)?;
                    true
                }
                None => false,
            };
            Ok(ImportOutcome {
                kind,
                stored,
                report: Some(r),
                finance: None,
                kpi_values: 0,
                checks,
                warnings,
            })
        }
        FileKind::FinanceCsv | FileKind::FinanceXlsx => {
            let bytes = std::fs::read(path)
                .with_context(|| format!("kunde inte läsa {}", path.display()))?;
            let records = if kind == FileKind::FinanceCsv {
                csv_records(&bytes)?
            } else {
                xlsx_records(&bytes)?
            };
            let mut f = read_finance_records(&records, body)?;
            if let Some(p) = period {
                for b in &mut f.batches {
                    b.period = *p;
                }
            }
            let stored = match store {
                Some(s) => {
                    s.save_budget_lines(&source, &f.batches)?;
                    true
                }
                None => false,
            };
            Ok(ImportOutcome {
                kind,
                stored,
                checks: f.checks.clone(),
                report: None,
                finance: Some(f),
                kpi_values: 0,
                warnings: Vec::new(),
            })
        }
        FileKind::Kolada => {
            let bytes = std::fs::read(path)
                .with_context(|| format!("kunde inte läsa {}", path.display()))?;
            let values = read_kolada(&bytes)?;
            let stored = match store {
                Some(s) => {
                    s.save_kpi_values(&source, &values)?;
                    true
                }
                None => false,
            };
            Ok(ImportOutcome {
                kind,
                stored,
                report: None,
                finance: None,
                kpi_values: values.len(),
                checks: Vec::new(),
                warnings: Vec::new(),
            })
        }
    }
}

// ---------------------------------------------------------------------------------------
// Indicators

/// Changes to one indicator of a stored report.
#[derive(Debug, Clone, Default)]
pub struct IndicatorChange {
    /// Link the indicator to this Kolada KPI.
    pub kpi: Option<String>,
    /// Which way is better.
    pub direction: Option<paragraf_core::followup::Direction>,
    /// Tolerance for "Nära värde" and "Oförändrad".
    pub tolerance: Option<f64>,
    /// Target.
    pub target: Option<f64>,
    /// Status chosen by hand.
    pub status: Option<Status>,
    /// Trend chosen by hand.
    pub trend: Option<Trend>,
    /// Why, for a status or trend chosen by hand.
    pub reason: Option<String>,
}

/// Applies `change` to the indicator `name` of the report of `body` for `period`, in one
/// transaction. A status or trend set by hand needs a reason.
pub fn update_indicator(
    dir: &crate::DataDir,

    body: &str,
    period: &Period,
    name: &str,
    change: &IndicatorChange,
) -> Result<Indicator> {
    let store = &*dir.store;
    let mut f = store
        .followup(body, period)?
        .with_context(|| format!("ingen uppföljning för {body} {period}"))?;
    let ind = f
        .indicator_mut(name)
        .with_context(|| format!("indikatorn ”{name}” finns inte i uppföljningen"))?;
    if let Some(k) = &change.kpi {
        ind.source = paragraf_core::followup::IndicatorSource::Kolada {
            kpi: k.trim().to_string(),
        };
    }
    if let Some(d) = change.direction {
        ind.direction = Some(d);
    }
    if let Some(t) = change.tolerance {
        ind.tolerance = Some(t);
    }
    if let Some(t) = change.target {
        ind.target = Some(t);
    }
    let reason = change.reason.as_deref().unwrap_or("");
    if let Some(s) = change.status {
        ind.override_status(s, reason)?;
    }
    if let Some(t) = change.trend {
        ind.override_trend(t, reason)?;
    }
    let out = ind.clone();
    store.save_followup(&f, "ändrad indikator")?;
    Ok(out)
}

/// The nämnder and periods that have a follow-up report: (nämnd, period as stored).
pub fn periods(dir: &crate::DataDir) -> crate::Result<Vec<(String, String)>> {
    Ok(dir.storage().followup_periods()?)
}

/// The follow-up report of nämnd `body` for `period`, if stored.
pub fn report(
    dir: &crate::DataDir,
    body: &str,
    period: &Period,
) -> crate::Result<Option<paragraf_core::followup::FollowUp>> {
    Ok(dir.storage().followup(body, period)?)
}

/// Stores a follow-up report (replacing the one of the same nämnd and period).
pub fn save_report(
    dir: &crate::DataDir,
    report: &paragraf_core::followup::FollowUp,
    source: &str,
) -> crate::Result<()> {
    dir.storage().save_followup(report, source)?;
    Ok(())
}
