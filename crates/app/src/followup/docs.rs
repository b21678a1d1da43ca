//! The follow-up as documents: the Verksamhetsrapport PDF in seed 003's order
//! (sammanfattning, ekonomi, kvantiteter, medarbetare, måluppfyllelse, uppdrag, indikatorer)
//! with SVG charts drawn by plotters (budget against outcome per cost centre, forecast
//! against annual budget, indicator series against target), the report's figures as CSV
//! and JSON for reuse, and the monthly budget follow-up as a draft § with its att-clause
//! (seed 000 § 115).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use paragraf_core::followup::kolada::KpiValue;
use paragraf_core::followup::{
    check_table, ColumnRole, FinanceRow, FinanceTable, FollowUp, Gender, Goal, GoalLevel,
    Indicator, IndicatorSource, Period, RowKind, Section, SignConvention,
};
use paragraf_core::meeting::ItemDraft;
use paragraf_core::minutes::{AttClause, CellValue, Decision, Table, TableRow};
use paragraf_render::format;
pub use paragraf_render::report::ReportTable;
use paragraf_render::report::{ReportDoc, ReportSection};
use paragraf_store::BudgetBatch;
use serde::Serialize;

use crate::followup::budget_table;

/// Everything a report of one nämnd and period is made from.
#[derive(Debug, Clone)]
pub struct ReportData {
    /// The nämnd.
    pub body: String,
    /// The period.
    pub period: Period,
    /// The stored report (the one of the period, else the latest before it).
    pub followup: Option<FollowUp>,
    /// The table built from the finance export's budget lines, if any.
    pub budget: Option<FinanceTable>,
    /// Kolada values.
    pub kpis: Vec<KpiValue>,
}

/// Gathers what the store holds for `body` and `period`; Kolada values are merged into the
/// indicators linked to a KPI.
pub fn gather(dir: &crate::DataDir, body: &str, period: &Period) -> Result<ReportData> {
    let store = &*dir.store;
    let mut followup = match store.followup(body, period)? {
        Some(f) => Some(f),
        None => store.latest_followup(body, period.end)?,
    };
    let budget = match store.budget_lines(body, period)? {
        Some((unit, lines)) => Some(budget_table(&BudgetBatch {
            body: body.to_string(),
            period: *period,
            unit,
            lines,
        })?),
        None => None,
    };
    if followup.is_none() && budget.is_none() {
        crate::refuse!(
            "det finns ingen uppföljning för {body} {}: läs in en rapport eller en ekonomiexport först",
            period.words()
        );
    }
    let kpis = store.kpi_values(None)?;
    if let Some(f) = followup.as_mut() {
        merge_kolada(f, &kpis);
    }
    Ok(ReportData {
        body: body.to_string(),
        period: *period,
        followup,
        budget,
        kpis,
    })
}

fn merge_kolada(f: &mut FollowUp, kpis: &[KpiValue]) {
    fn walk(g: &mut Goal, kpis: &[KpiValue]) {
        for i in &mut g.indicators {
            if let IndicatorSource::Kolada { kpi } = &i.source {
                let gender = i.gender.unwrap_or(Gender::Alla);
                for v in kpis.iter().filter(|v| &v.kpi == kpi && v.gender == gender) {
                    if let Some(x) = v.value {
                        i.values.insert(v.period.clone(), x);
                    }
                }
            }
        }
        for c in &mut g.children {
            walk(c, kpis);
        }
    }
    for g in &mut f.goals {
        walk(g, kpis);
    }
}

impl ReportData {
    /// The finance table the charts and the draft § are drawn from: the finance export's,
    /// else the report's cost-centre table, else its first table with outcome and budget,
    /// else its first table in money (seed 002's accumulated results).
    pub fn main_table(&self) -> Option<&FinanceTable> {
        if let Some(b) = &self.budget {
            return Some(b);
        }
        let f = self.followup.as_ref()?;
        let has = |t: &FinanceTable, r: ColumnRole| t.columns.iter().any(|c| c.role == r);
        let money: Vec<&FinanceTable> = f
            .section(Section::Ekonomi)
            .filter(|t| t.unit.is_some())
            .collect();
        let both: Vec<&FinanceTable> = money
            .iter()
            .copied()
            .filter(|t| has(t, ColumnRole::Outcome) && has(t, ColumnRole::Budget))
            .collect();
        both.iter()
            .find(|t| t.label_heading.to_lowercase().contains("kostnadsställe"))
            .or_else(|| both.first())
            .or_else(|| money.first())
            .copied()
    }

    /// Every finance table of the Ekonomi section: the export's first.
    pub fn finance_tables(&self) -> Vec<&FinanceTable> {
        let mut out: Vec<&FinanceTable> = self.budget.iter().collect();
        if let Some(f) = &self.followup {
            out.extend(f.section(Section::Ekonomi));
        }
        out
    }

    /// The checks' findings over every table.
    pub fn checks(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .finance_tables()
            .iter()
            .flat_map(|t| check_table(t))
            .map(|f| f.line())
            .collect();
        if let Some(f) = &self.followup {
            for s in [Section::Kvantiteter, Section::Medarbetare] {
                out.extend(f.section(s).flat_map(check_table).map(|x| x.line()));
            }
        }
        out
    }
}

fn col(t: &FinanceTable, role: ColumnRole) -> Option<usize> {
    t.columns.iter().position(|c| c.role == role)
}

fn deviation_of(t: &FinanceTable, a: ColumnRole) -> Option<usize> {
    let ai = col(t, a)?;
    t.columns.iter().position(|c| match c.role {
        ColumnRole::Deviation {
            minuend,
            subtrahend,
        } => minuend == ai || subtrahend == ai,
        _ => false,
    })
}

fn amount(t: &FinanceTable, v: f64) -> String {
    let unit = t
        .unit
        .map(|u| format!(" {}", u.symbol()))
        .unwrap_or_default();
    format!("{}{unit}", format::number(v, t.decimals))
}

fn cell(v: Option<f64>, decimals: u8) -> String {
    v.map(|x| format::number(x, decimals))
        .unwrap_or_else(|| "–".into())
}

/// A finance table as the typesetter's table: children indented ("– " for a part,
/// "varav " for a varav row), the total last and bold.
pub fn table_view(t: &FinanceTable) -> ReportTable {
    fn rows(r: &FinanceRow, depth: usize, d: u8, out: &mut Vec<Vec<String>>) {
        let indent = "\u{2003}".repeat(depth);
        let label = match (depth, r.kind) {
            (0, _) => r.label.clone(),
            (_, RowKind::Varav) => format!("{indent}varav {}", r.label),
            _ => format!("{indent}– {}", r.label),
        };
        let mut row = vec![label];
        row.extend(r.values.iter().map(|v| cell(*v, d)));
        out.push(row);
        for c in &r.children {
            rows(c, depth + 1, d, out);
        }
    }
    let mut out = Vec::new();
    for r in &t.rows {
        rows(r, 0, t.decimals, &mut out);
    }
    if let Some(total) = &t.total {
        rows(total, 0, t.decimals, &mut out);
    }
    let mut header = vec![t.label_heading.clone()];
    header.extend(t.columns.iter().map(|c| c.heading.clone()));
    let n = header.len();
    ReportTable {
        title: t.title.clone().unwrap_or_default(),
        numeric: (0..n).map(|i| i > 0).collect(),
        header,
        rows: out,
        total_row: t.total.is_some(),
        note: t
            .unit
            .map(|u| format!("Belopp i {}.", u.symbol()))
            .unwrap_or_default(),
        flex_column: Some(0),
    }
}

// ---------------------------------------------------------------------------------------
// Charts

/// A grouped horizontal bar chart (SVG): for each label, one bar per series.
pub fn bars_svg(
    title: &str,
    x_desc: &str,
    labels: &[String],
    series: &[(&str, Vec<Option<f64>>)],
) -> Result<String> {
    Ok(paragraf_render::chart::bars_svg(
        title, x_desc, labels, series,
    )?)
}

/// Net cost shown as a positive amount when the table signs costs negative.
fn as_cost(t: &FinanceTable, v: Option<f64>) -> Option<f64> {
    match t.sign {
        SignConvention::CostsNegative => v.map(|x| -x),
        SignConvention::CostsPositive => v,
    }
}

/// Budget against outcome per cost centre (the table's top-level rows).
pub fn budget_chart(t: &FinanceTable, period: &Period) -> Result<Option<String>> {
    let (Some(o), Some(b)) = (col(t, ColumnRole::Outcome), col(t, ColumnRole::Budget)) else {
        return Ok(None);
    };
    let labels: Vec<String> = t.rows.iter().map(|r| r.label.clone()).collect();
    let unit = t.unit.map(|u| u.symbol()).unwrap_or("");
    Ok(Some(bars_svg(
        &format!("Budget och utfall per kostnadsställe, {}", period.words()),
        &format!("Nettokostnad, {unit}"),
        &labels,
        &[
            (
                "Budget",
                t.rows.iter().map(|r| as_cost(t, r.value(b))).collect(),
            ),
            (
                "Utfall",
                t.rows.iter().map(|r| as_cost(t, r.value(o))).collect(),
            ),
        ],
    )?))
}

/// Forecast against the annual budget per cost centre.
pub fn forecast_chart(t: &FinanceTable, period: &Period) -> Result<Option<String>> {
    let (Some(f), Some(a)) = (
        col(t, ColumnRole::Forecast),
        col(t, ColumnRole::AnnualBudget),
    ) else {
        return Ok(None);
    };
    let labels: Vec<String> = t.rows.iter().map(|r| r.label.clone()).collect();
    let unit = t.unit.map(|u| u.symbol()).unwrap_or("");
    Ok(Some(bars_svg(
        &format!(
            "Helårsprognos mot årsbudget per kostnadsställe ({})",
            period.key()
        ),
        &format!("Nettokostnad, {unit}"),
        &labels,
        &[
            (
                "Årsbudget",
                t.rows.iter().map(|r| as_cost(t, r.value(a))).collect(),
            ),
            (
                "Prognos",
                t.rows.iter().map(|r| as_cost(t, r.value(f))).collect(),
            ),
        ],
    )?))
}

/// Indicators worth a chart: a target and at least two values.
/// Those linked to Kolada come first.
pub fn charted_indicators(f: &FollowUp) -> Vec<&Indicator> {
    let mut v: Vec<&Indicator> = f
        .indicators()
        .into_iter()
        .map(|(_, i)| i)
        .filter(|i| i.target.is_some() && i.values.len() >= 2)
        .collect();
    v.sort_by_key(|i| !matches!(i.source, IndicatorSource::Kolada { .. }));
    v.truncate(6);
    v
}

/// Indicator series against their targets, one small chart each (SVG).
pub fn indicators_chart(inds: &[&Indicator]) -> Result<Option<String>> {
    use paragraf_render::chart::{targets_svg, TargetSeries};
    let series: Vec<TargetSeries> = inds
        .iter()
        .filter_map(|ind| {
            Some(TargetSeries {
                title: ind.name.clone(),
                points: ind
                    .values
                    .iter()
                    .filter_map(|(k, v)| {
                        k.get(..4)
                            .and_then(|y| y.parse::<i32>().ok())
                            .map(|y| (y, *v))
                    })
                    .collect(),
                target: ind.target?,
                unit: ind.unit.clone().unwrap_or_default(),
            })
        })
        .collect();
    Ok(targets_svg("Indikatorer mot målvärde", &series)?)
}

// ---------------------------------------------------------------------------------------
// The report

fn goal_heading(g: &Goal) -> String {
    let a = g
        .assessment
        .as_deref()
        .map(|a| format!(" — bedömning: {a}"))
        .unwrap_or_default();
    format!("{}: {}{a}", g.level.swedish(), g.title)
}

fn goal_rows(g: &Goal, depth: usize, out: &mut Vec<Vec<String>>) {
    let indent = "\u{2003}".repeat(depth);
    out.push(vec![
        format!("{indent}{}", g.title),
        match g.level {
            GoalLevel::Overarching => "Övergripande mål".into(),
            GoalLevel::KfActivity => "KF:s verksamhetsmål".into(),
            GoalLevel::Committee => "Nämndens mål".into(),
        },
        g.assessment.clone().unwrap_or_else(|| "–".into()),
    ]);
    for c in &g.children {
        goal_rows(c, depth + 1, out);
    }
}

/// The outcome and forecast against budget, in words, from the main table's total.
fn finance_summary(d: &ReportData) -> Vec<String> {
    let mut paras = Vec::new();
    let Some(t) = d.main_table() else {
        return paras;
    };
    let Some(total) = &t.total else {
        return paras;
    };
    let (o, b) = (col(t, ColumnRole::Outcome), col(t, ColumnRole::Budget));
    if let (Some(o), Some(b)) = (
        o.and_then(|i| total.value(i)),
        b.and_then(|i| total.value(i)),
    ) {
        paras.push(format!(
            "Utfallet för {} är {} mot en budget om {}, en avvikelse om {}.",
            d.period.words(),
            amount(t, o),
            amount(t, b),
            amount(t, t.sign.deviation(o, b))
        ));
    }
    let (f, a) = (
        col(t, ColumnRole::Forecast),
        col(t, ColumnRole::AnnualBudget),
    );
    if let (Some(f), Some(a)) = (
        f.and_then(|i| total.value(i)),
        a.and_then(|i| total.value(i)),
    ) {
        paras.push(format!(
            "Prognosen för helåret är {} mot årsbudgeten {}, en avvikelse om {}.",
            amount(t, f),
            amount(t, a),
            amount(t, t.sign.deviation(f, a))
        ));
    }
    paras
}

fn summary_text(d: &ReportData) -> String {
    let mut paras: Vec<String> = Vec::new();
    if let Some(s) = d.followup.as_ref().and_then(|f| f.summary.clone()) {
        paras.push(s);
    }
    paras.extend(finance_summary(d));
    if let Some(f) = &d.followup {
        let tally = Goal::tally(f.goals.iter(), &f.scale);
        let total: usize = tally.iter().map(|x| x.1).sum();
        let parts: Vec<String> = tally
            .iter()
            .filter(|x| x.1 > 0)
            .map(|(w, n)| format!("{n} {}", w.to_lowercase()))
            .collect();
        if total > 0 {
            paras.push(format!("Av {total} mål bedöms {}.", join_sv(&parts)));
        }
        let n = f.assignments.len();
        if n > 0 {
            let overdue = f
                .assignments
                .iter()
                .filter(|a| a.overdue(d.period.end))
                .count();
            paras.push(format!(
                "Nämnden har {n} uppdrag; {overdue} har passerat sitt slutdatum utan att vara klara."
            ));
        }
    }
    let warnings = d
        .checks()
        .iter()
        .filter(|c| c.starts_with("Varning"))
        .count();
    if warnings > 0 {
        paras.push(format!(
            "Kontrollen av tabellerna gav {warnings} varningar; se Ekonomi."
        ));
    }
    paras.join("\n\n")
}

fn join_sv(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} och {last}", rest.join(", ")),
    }
}

fn indicator_table(title: &str, inds: &[(&Goal, &Indicator)]) -> ReportTable {
    let years: BTreeSet<String> = inds
        .iter()
        .flat_map(|(_, i)| i.values.keys().cloned())
        .collect();
    let years: Vec<String> = years
        .into_iter()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let mut header = vec!["Indikator".to_string(), "Kön".to_string()];
    header.extend(years.iter().cloned());
    header.extend(["Mål".to_string(), "Status".to_string(), "Trend".to_string()]);
    let rows = inds
        .iter()
        .map(|(_, i)| {
            let name = match &i.source {
                IndicatorSource::Kolada { kpi } => format!("{} (Kolada {kpi})", i.name),
                IndicatorSource::Own => i.name.clone(),
            };
            let d = if i
                .values
                .values()
                .chain(i.target.iter())
                .any(|v| v.fract() != 0.0)
            {
                1
            } else {
                0
            };
            let mut r = vec![
                name,
                i.gender
                    .map(|g| g.swedish().to_string())
                    .unwrap_or_default(),
            ];
            r.extend(years.iter().map(|y| cell(i.values.get(y).copied(), d)));
            r.push(cell(i.target, d));
            let status = i.effective_status().swedish().to_string();
            r.push(match (&i.status_override, i.status) {
                (Some(o), _) => format!("{status} (ändrad: {})", o.reason),
                (None, Some(_)) => status,
                (None, None) => format!("{status} (förslag)"),
            });
            r.push(match (&i.trend_override, i.trend, i.effective_trend()) {
                (Some(o), _, Some(t)) => format!("{} (ändrad: {})", t.swedish(), o.reason),
                (None, None, Some(t)) => format!("{} (förslag)", t.swedish()),
                (_, _, Some(t)) => t.swedish().to_string(),
                (_, _, None) => "–".into(),
            });
            r
        })
        .collect();
    let n = header.len();
    ReportTable {
        title: title.to_string(),
        numeric: (0..n).map(|i| i >= 2 && i < n - 2).collect(),
        header,
        rows,
        flex_column: Some(0),
        ..ReportTable::default()
    }
}

/// The Verksamhetsrapport as a document for the typesetter.
pub fn report_doc(
    d: &ReportData,
    municipality: &str,
    made: NaiveDate,
    charts: &Charts,
) -> ReportDoc {
    let mut sections = Vec::new();
    sections.push(ReportSection {
        heading: "Sammanfattning".into(),
        text: summary_text(d),
        ..ReportSection::default()
    });
    // Ekonomi
    let checks = d.checks();
    let mut eko = ReportSection {
        heading: "Ekonomi".into(),
        new_page: true,
        ..ReportSection::default()
    };
    eko.tables = d.finance_tables().iter().map(|t| table_view(t)).collect();
    eko.charts = charts
        .budget
        .iter()
        .chain(charts.forecast.iter())
        .cloned()
        .collect();
    if let Some(t) = d.main_table() {
        if let Some(i) = deviation_of(t, ColumnRole::Outcome) {
            let mut worst: Vec<(&str, f64)> = t
                .rows
                .iter()
                .filter_map(|r| r.value(i).map(|v| (r.label.as_str(), v)))
                .collect();
            worst.sort_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((name, v)) = worst.first().filter(|w| w.1 < 0.0) {
                eko.text = format!(
                    "Störst negativ avvikelse för perioden har {name}: {}.",
                    amount(t, *v)
                );
            }
        }
    }
    if eko.tables.is_empty() {
        eko.text = "Inga ekonomiska tabeller har lämnats för perioden.".into();
    }
    sections.push(eko);
    sections.push(ReportSection {
        heading: "Kontroll av tabellerna".into(),
        text: if checks.is_empty() {
            "Alla avvikelser, summor och varav-rader stämmer.".into()
        } else {
            checks
                .iter()
                .map(|c| format!("- {c}"))
                .collect::<Vec<_>>()
                .join("\n")
        },
        ..ReportSection::default()
    });
    for s in [Section::Kvantiteter, Section::Medarbetare] {
        let tables: Vec<ReportTable> = d
            .followup
            .iter()
            .flat_map(|f| f.section(s))
            .map(table_view)
            .collect();
        sections.push(ReportSection {
            heading: s.heading().into(),
            text: if tables.is_empty() {
                format!(
                    "Inga uppgifter om {} har lämnats för perioden.",
                    s.heading().to_lowercase()
                )
            } else {
                String::new()
            },
            tables,
            new_page: s == Section::Kvantiteter,
            ..ReportSection::default()
        });
    }
    // Måluppfyllelse
    let f = d.followup.as_ref();
    let mut goal_table_rows = Vec::new();
    for g in f.iter().flat_map(|f| f.goals.iter()) {
        goal_rows(g, 0, &mut goal_table_rows);
    }
    let mut mal = ReportSection {
        heading: "Måluppfyllelse".into(),
        new_page: true,
        ..ReportSection::default()
    };
    if goal_table_rows.is_empty() {
        mal.text = "Inga mål har lämnats för perioden.".into();
    } else {
        if let Some(f) = f {
            let tally = Goal::tally(f.goals.iter(), &f.scale);
            mal.tables.push(ReportTable {
                title: "Bedömningar".into(),
                header: vec!["Bedömning".into(), "Antal mål".into()],
                rows: tally
                    .iter()
                    .map(|(w, n)| vec![w.clone(), n.to_string()])
                    .collect(),
                numeric: vec![false, true],
                ..ReportTable::default()
            });
        }
        mal.tables.push(ReportTable {
            title: "Målen och deras bedömning".into(),
            header: vec!["Mål".into(), "Nivå".into(), "Bedömning".into()],
            rows: goal_table_rows,
            flex_column: Some(0),
            ..ReportTable::default()
        });
    }
    sections.push(mal);
    fn analyses(g: &Goal, out: &mut Vec<ReportSection>) {
        if g.level != GoalLevel::Overarching || g.analysis.is_some() {
            out.push(ReportSection {
                heading: goal_heading(g),
                text: g
                    .analysis
                    .clone()
                    .unwrap_or_else(|| "Ingen analys har lämnats.".into()),
                ..ReportSection::default()
            });
        }
        for c in &g.children {
            analyses(c, out);
        }
    }
    for g in f.iter().flat_map(|f| f.goals.iter()) {
        analyses(g, &mut sections);
    }
    // Uppdrag
    let mut upp = ReportSection {
        heading: "Uppdrag".into(),
        new_page: true,
        ..ReportSection::default()
    };
    let assignments = f.map(|f| f.assignments.as_slice()).unwrap_or_default();
    if assignments.is_empty() {
        upp.text = "Inga uppdrag har lämnats för perioden.".into();
    } else {
        upp.tables.push(ReportTable {
            title: String::new(),
            header: ["Uppdrag", "Givet av", "Start", "Slut", "Status"]
                .map(String::from)
                .to_vec(),
            rows: assignments
                .iter()
                .map(|a| {
                    let status = a.status.map(|s| s.swedish()).unwrap_or("–").to_string();
                    vec![
                        a.title.clone(),
                        a.given_by.clone().unwrap_or_default(),
                        a.start.map(format::date_iso).unwrap_or_default(),
                        a.end.map(format::date_iso).unwrap_or_default(),
                        if a.overdue(d.period.end) {
                            format!("{status} (försenat)")
                        } else {
                            status
                        },
                    ]
                })
                .collect(),
            flex_column: Some(0),
            ..ReportTable::default()
        });
    }
    sections.push(upp);
    let comments: Vec<String> = assignments
        .iter()
        .filter_map(|a| {
            a.comment_for(&d.period.key())
                .map(|c| format!("{}: {c}", a.title))
        })
        .collect();
    if !comments.is_empty() {
        sections.push(ReportSection {
            heading: "Kommentarer till uppdragen".into(),
            text: comments.join("\n\n"),
            ..ReportSection::default()
        });
    }
    // Indikatorer
    let mut ind = ReportSection {
        heading: "Indikatorer".into(),
        new_page: true,
        ..ReportSection::default()
    };
    if let Some(f) = f {
        for top in &f.goals {
            let mut list: Vec<(&Goal, &Indicator)> = Vec::new();
            fn collect<'a>(g: &'a Goal, out: &mut Vec<(&'a Goal, &'a Indicator)>) {
                out.extend(g.indicators.iter().map(|i| (g, i)));
                for c in &g.children {
                    collect(c, out);
                }
            }
            collect(top, &mut list);
            if !list.is_empty() {
                ind.tables.push(indicator_table(&top.title, &list));
            }
        }
    }
    if !d.kpis.is_empty() {
        let mut by: BTreeMap<(String, String, String), BTreeMap<String, Option<f64>>> =
            BTreeMap::new();
        for v in &d.kpis {
            by.entry((
                v.kpi.clone(),
                v.municipality.clone(),
                v.gender.swedish().to_string(),
            ))
            .or_default()
            .insert(v.period.clone(), v.value);
        }
        let years: BTreeSet<String> = d.kpis.iter().map(|v| v.period.clone()).collect();
        let mut header = vec!["KPI".to_string(), "Kommun".to_string(), "Kön".to_string()];
        header.extend(years.iter().cloned());
        let n = header.len();
        ind.tables.push(ReportTable {
            title: "Nyckeltal från Kolada".into(),
            rows: by
                .iter()
                .map(|((k, m, g), vals)| {
                    let mut r = vec![k.clone(), m.clone(), g.clone()];
                    r.extend(
                        years
                            .iter()
                            .map(|y| cell(vals.get(y).copied().flatten(), 1)),
                    );
                    r
                })
                .collect(),
            header,
            numeric: (0..n).map(|i| i >= 3).collect(),
            ..ReportTable::default()
        });
    }
    ind.charts = charts.indicators.iter().cloned().collect();
    if ind.tables.is_empty() {
        ind.text = "Inga indikatorer har lämnats för perioden.".into();
    }
    sections.push(ind);
    ReportDoc {
        municipality: municipality.to_string(),
        body: d.body.clone(),
        kind: "Verksamhetsrapport".into(),
        date: made,
        title: format!(
            "Verksamhetsrapport {} {}",
            d.period.kind().swedish(),
            d.period.end.format("%Y")
        ),
        subtitle: Some(format!("{} – {}", d.body, d.period.words())),
        facts: vec![
            ("Nämnd".into(), d.body.clone()),
            ("Period".into(), d.period.words()),
            ("Upprättad".into(), format::date_iso(made)),
        ],
        sections,
        landscape: false,
    }
}

/// The charts of a report, as SVG.
#[derive(Debug, Clone, Default)]
pub struct Charts {
    /// Budget against outcome per cost centre.
    pub budget: Option<String>,
    /// Forecast against annual budget.
    pub forecast: Option<String>,
    /// Indicator series against target.
    pub indicators: Option<String>,
}

/// Draws the charts.
pub fn charts(d: &ReportData) -> Result<Charts> {
    let (budget, forecast) = match d.main_table() {
        Some(t) => (budget_chart(t, &d.period)?, forecast_chart(t, &d.period)?),
        None => (None, None),
    };
    let indicators = match &d.followup {
        Some(f) => indicators_chart(&charted_indicators(f))?,
        None => None,
    };
    Ok(Charts {
        budget,
        forecast,
        indicators,
    })
}

// ---------------------------------------------------------------------------------------
// Figures out

/// One cell of the report's figures, for CSV and JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// ekonomi, kvantiteter, medarbetare, indikatorer, kolada.
    pub section: String,
    /// The table (or goal).
    pub table: String,
    /// The row (or indicator).
    pub row: String,
    /// The column (or year, "Mål").
    pub column: String,
    /// The value.
    pub value: f64,
    /// Its unit.
    pub unit: String,
}

/// Every figure of the report, in order.
pub fn figures(d: &ReportData) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut table = |section: &str, t: &FinanceTable| {
        fn walk(r: &FinanceRow, out: &mut Vec<(String, Vec<Option<f64>>)>) {
            out.push((r.label.clone(), r.values.clone()));
            for c in &r.children {
                walk(c, out);
            }
        }
        let mut rows = Vec::new();
        for r in &t.rows {
            walk(r, &mut rows);
        }
        if let Some(total) = &t.total {
            walk(total, &mut rows);
        }
        for (label, values) in rows {
            for (i, v) in values.iter().enumerate() {
                if let Some(v) = v {
                    out.push(Figure {
                        section: section.into(),
                        table: t.name().to_string(),
                        row: label.clone(),
                        column: t
                            .columns
                            .get(i)
                            .map(|c| c.heading.clone())
                            .unwrap_or_default(),
                        value: *v,
                        unit: t.unit.map(|u| u.symbol().to_string()).unwrap_or_default(),
                    });
                }
            }
        }
    };
    if let Some(b) = &d.budget {
        table("ekonomi", b);
    }
    if let Some(f) = &d.followup {
        for t in &f.tables {
            let s = match t.section {
                Section::Ekonomi => "ekonomi",
                Section::Kvantiteter => "kvantiteter",
                Section::Medarbetare => "medarbetare",
            };
            table(s, &t.table);
        }
        for (g, i) in f.indicators() {
            let row = match i.gender {
                Some(gender) => format!("{} ({})", i.name, gender.swedish()),
                None => i.name.clone(),
            };
            for (k, v) in &i.values {
                out.push(Figure {
                    section: "indikatorer".into(),
                    table: g.title.clone(),
                    row: row.clone(),
                    column: k.clone(),
                    value: *v,
                    unit: i.unit.clone().unwrap_or_default(),
                });
            }
            if let Some(t) = i.target {
                out.push(Figure {
                    section: "indikatorer".into(),
                    table: g.title.clone(),
                    row: row.clone(),
                    column: "Mål".into(),
                    value: t,
                    unit: i.unit.clone().unwrap_or_default(),
                });
            }
        }
    }
    for v in &d.kpis {
        if let Some(x) = v.value {
            out.push(Figure {
                section: "kolada".into(),
                table: format!("{} {}", v.kpi, v.municipality),
                row: v.gender.swedish().into(),
                column: v.period.clone(),
                value: x,
                unit: String::new(),
            });
        }
    }
    out
}

/// The figures as CSV: `;`-separated, decimal comma, a header row.
pub fn figures_csv(figs: &[Figure]) -> Result<String> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    w.write_record(["avsnitt", "tabell", "rad", "kolumn", "värde", "enhet"])?;
    for f in figs {
        let value = format!("{}", f.value).replace('.', ",");
        w.write_record([&f.section, &f.table, &f.row, &f.column, &value, &f.unit])?;
    }
    Ok(String::from_utf8(
        w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?,
    )?)
}

/// The report's content as JSON: the period, the figures, the goals with assessments, the
/// indicators with their effective status and trend, the uppdrag and the checks.
pub fn figures_json(d: &ReportData) -> serde_json::Value {
    let f = d.followup.as_ref();
    let goals: Vec<serde_json::Value> = f
        .map(|f| {
            let mut out = Vec::new();
            fn walk(g: &Goal, parent: Option<&str>, out: &mut Vec<serde_json::Value>) {
                out.push(serde_json::json!({
                    "level": g.level.key(), "title": g.title, "parent": parent,
                    "assessment": g.assessment,
                }));
                for c in &g.children {
                    walk(c, Some(&g.title), out);
                }
            }
            for g in &f.goals {
                walk(g, None, &mut out);
            }
            out
        })
        .unwrap_or_default();
    let indicators: Vec<serde_json::Value> = f
        .map(|f| {
            f.indicators()
                .into_iter()
                .map(|(g, i)| {
                    serde_json::json!({
                        "goal": g.title, "name": i.name, "gender": i.gender, "unit": i.unit,
                        "values": i.values, "target": i.target,
                        "status": i.effective_status(), "trend": i.effective_trend(),
                        "source": i.source,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    serde_json::json!({
        "body": d.body,
        "period": d.period.to_string(),
        "figures": figures(d),
        "goals": goals,
        "indicators": indicators,
        "assignments": f.map(|f| f.assignments.clone()).unwrap_or_default(),
        "checks": d.checks(),
    })
}

// ---------------------------------------------------------------------------------------
// The draft §

/// The monthly budget follow-up as a draft § (seed 000 § 115).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetDraft {
    /// The §'s title.
    pub title: String,
    /// Beskrivning av ärendet.
    pub text: Vec<String>,
    /// Förslag till beslut.
    pub proposal: Decision,
    /// The budget table.
    pub table: Table,
    /// Beslutsunderlag.
    pub documents: Vec<String>,
    /// Beslutet skickas till.
    pub send_to: Vec<String>,
}

fn minutes_table(t: &FinanceTable) -> Table {
    fn row(r: &FinanceRow) -> TableRow {
        TableRow {
            label: Some(match r.kind {
                RowKind::Varav => format!("-varav {}", r.label),
                RowKind::Part => format!("- {}", r.label),
                RowKind::Row => r.label.clone(),
            }),
            values: r
                .values
                .iter()
                .map(|v| v.map_or(CellValue::Empty, CellValue::Number))
                .collect(),
            children: r.children.iter().map(row).collect(),
        }
    }
    let mut header = vec![t.label_heading.clone()];
    header.extend(t.columns.iter().map(|c| c.heading.clone()));
    Table {
        title: t.title.clone(),
        header,
        rows: t.rows.iter().chain(t.total.iter()).map(row).collect(),
    }
}

/// The draft § of the budget follow-up for the meeting.
pub fn budget_draft(d: &ReportData) -> Result<BudgetDraft> {
    let t = d
        .main_table()
        .context("det finns ingen budgettabell att lägga fram: läs in ekonomiexporten först")?;
    let words = d.period.words();
    let mut text = vec![format!(
        "Förvaltningen redovisar budgetuppföljningen för {} för perioden {words}.",
        d.body
    )];
    text.extend(finance_summary(d));
    Ok(BudgetDraft {
        title: format!("Budgetuppföljning {words}"),
        text,
        proposal: Decision::Clauses {
            intro: Some(format!("{} beslutar", d.body)),
            clauses: vec![AttClause(format!(
                "godkänna budgetuppföljningen för {words} och överlämna den till kommunstyrelsen"
            ))],
        },
        table: minutes_table(t),
        documents: vec![format!("Budgetuppföljning {words}")],
        send_to: vec!["Kommunstyrelsen".into()],
    })
}

/// The draft as the agenda's beslutsförslag.
pub fn item_draft(b: &BudgetDraft) -> ItemDraft {
    ItemDraft {
        text: b.text.join("\n\n"),
        proposal: Some(b.proposal.clone()),
        documents: b.documents.clone(),
        dispatch: b.send_to.clone(),
        tables: vec![b.table.clone()],
    }
}

/// The tjänsteskrivelse with the draft § and the table.
pub fn draft_doc(
    b: &BudgetDraft,
    t: &FinanceTable,
    municipality: &str,
    body: &str,
    made: NaiveDate,
) -> ReportDoc {
    let proposal = match &b.proposal {
        Decision::Clauses { intro, clauses } => {
            let mut s = intro.clone().unwrap_or_default();
            for c in clauses {
                s.push_str(&format!("\n\natt {}", c.0));
            }
            s
        }
        Decision::Text { text } => text.clone(),
    };
    ReportDoc {
        municipality: municipality.into(),
        body: body.into(),
        kind: "Tjänsteskrivelse".into(),
        date: made,
        title: b.title.clone(),
        subtitle: None,
        facts: vec![
            ("Datum".into(), format::date_iso(made)),
            ("Till".into(), body.into()),
        ],
        sections: vec![
            ReportSection {
                heading: "Förslag till beslut".into(),
                text: proposal,
                ..ReportSection::default()
            },
            ReportSection {
                heading: "Beskrivning av ärendet".into(),
                text: b.text.join("\n\n"),
                tables: vec![table_view(t)],
                ..ReportSection::default()
            },
            ReportSection {
                heading: "Beslutsunderlag".into(),
                text: b
                    .documents
                    .iter()
                    .map(|x| format!("- {x}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                ..ReportSection::default()
            },
            ReportSection {
                heading: "Beslutet skickas till".into(),
                text: b.send_to.join("\n"),
                ..ReportSection::default()
            },
        ],
        landscape: false,
    }
}

// ---------------------------------------------------------------------------------------
// Writing it all

/// The files written.
#[derive(Debug, Clone, Serialize)]
pub struct Written {
    /// The Verksamhetsrapport.
    pub pdf: PathBuf,
    /// Its figures as CSV.
    pub csv: PathBuf,
    /// Its content as JSON.
    pub json: PathBuf,
    /// The charts as SVG.
    pub charts: Vec<PathBuf>,
    /// The draft § as JSON (the agenda's beslutsförslag) and as a tjänsteskrivelse PDF,
    /// when there is a budget table.
    pub draft: Option<(PathBuf, PathBuf)>,
    /// The checks' findings.
    pub checks: Vec<String>,
}

/// Writes the Verksamhetsrapport of `body` for `period` into `out`: the PDF, its figures as
/// CSV and JSON, the charts as SVG and the draft §.
pub fn write_report(
    dir: &crate::DataDir,

    body: &str,
    period: &Period,
    municipality: &str,
    made: NaiveDate,
    out: &Path,
) -> Result<Written> {
    let _store = &*dir.store;
    let d = gather(dir, body, period)?;
    std::fs::create_dir_all(out).with_context(|| format!("kunde inte skapa {}", out.display()))?;
    let key = period.key();
    let ch = charts(&d)?;
    let doc = report_doc(&d, municipality, made, &ch);
    let pdf_bytes = paragraf_render::report_pdf(&doc)?;
    let write = |name: String, bytes: &[u8]| -> Result<PathBuf> {
        let p = out.join(name);
        std::fs::write(&p, bytes).with_context(|| format!("kunde inte skriva {}", p.display()))?;
        Ok(p)
    };
    let pdf = write(format!("verksamhetsrapport-{key}.pdf"), &pdf_bytes)?;
    let csv = write(
        format!("verksamhetsrapport-{key}.csv"),
        figures_csv(&figures(&d))?.as_bytes(),
    )?;
    let json = write(
        format!("verksamhetsrapport-{key}.json"),
        serde_json::to_string_pretty(&figures_json(&d))?.as_bytes(),
    )?;
    let mut chart_files = Vec::new();
    for (name, svg) in [
        ("budget", &ch.budget),
        ("prognos", &ch.forecast),
        ("indikatorer", &ch.indicators),
    ] {
        if let Some(svg) = svg {
            chart_files.push(write(format!("diagram-{name}-{key}.svg"), svg.as_bytes())?);
        }
    }
    let draft = match (budget_draft(&d), d.main_table()) {
        (Ok(b), Some(t)) => {
            let j = write(
                format!("budgetuppfoljning-{key}-paragraf.json"),
                serde_json::to_string_pretty(&item_draft(&b))?.as_bytes(),
            )?;
            let p = write(
                format!("budgetuppfoljning-{key}.pdf"),
                &paragraf_render::report_pdf(&draft_doc(&b, t, municipality, body, made))?,
            )?;
            Some((j, p))
        }
        _ => None,
    };
    Ok(Written {
        pdf,
        csv,
        json,
        charts: chart_files,
        draft,
        checks: d.checks(),
    })
}
