//! Verksamhetsuppföljning in SQLite: follow-up reports (checked by the core when written and
//! read), budget lines per nämnd and period, and Kolada key figures. Each write is one
//! transaction: a file's lines or values are stored whole or not at all.

use crate::sql::{params, Conn, OptionalExtension};
use chrono::NaiveDate;
use paragraf_core::followup::kolada::KpiValue;
use paragraf_core::followup::{BudgetLine, FollowUp, Gender, Period, RowKind, Unit};

use crate::sqlite::Db;
use crate::{Result, StoreError};

/// Budget lines of one nämnd and period, as one file gives them.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetBatch {
    /// The nämnd, by name.
    pub body: String,
    /// The period.
    pub period: Period,
    /// The unit of the amounts.
    pub unit: Unit,
    /// The lines, in order.
    pub lines: Vec<BudgetLine>,
}

/// Follow-up data.
pub trait FollowUpStore {
    /// Stores a report, replacing one of the same nämnd and period. Refused when the core's
    /// rules fail.
    fn save_followup(&self, report: &FollowUp, source: &str) -> Result<()>;
    /// The report of `body` for exactly `period`.
    fn followup(&self, body: &str, period: &Period) -> Result<Option<FollowUp>>;
    /// The latest report of `body` whose period ends on or before `until`.
    fn latest_followup(&self, body: &str, until: NaiveDate) -> Result<Option<FollowUp>>;
    /// Stores budget lines in ONE transaction, replacing those of each batch's nämnd and
    /// period. Returns how many lines were stored.
    fn save_budget_lines(&self, source: &str, batches: &[BudgetBatch]) -> Result<usize>;
    /// The budget lines of `body` for `period`, in order, with their unit.
    fn budget_lines(&self, body: &str, period: &Period) -> Result<Option<(Unit, Vec<BudgetLine>)>>;
    /// Stores Kolada values in ONE transaction (a value given again replaces the old one).
    fn save_kpi_values(&self, source: &str, values: &[KpiValue]) -> Result<usize>;
    /// The Kolada values, of one municipality when given.
    fn kpi_values(&self, municipality: Option<&str>) -> Result<Vec<KpiValue>>;
    /// The nämnder with follow-up data and their periods ("2023-01-01/2023-08-31").
    fn followup_periods(&self) -> Result<Vec<(String, String)>>;
}

fn checked(r: &FollowUp) -> Result<()> {
    let errors = r.validate();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Rule(format!(
            "uppföljningen för {} {}: {}",
            r.body,
            r.period,
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        )))
    }
}

fn decode(id: i64, json: &str) -> Result<FollowUp> {
    let corrupt = |reason: String| StoreError::Corrupt {
        what: "uppföljning",
        id: id.to_string(),
        reason,
    };
    let r: FollowUp = serde_json::from_str(json).map_err(|e| corrupt(e.to_string()))?;
    let errors = r.validate();
    if let Some(e) = errors.first() {
        return Err(corrupt(e.to_string()));
    }
    Ok(r)
}

fn kind_name(k: RowKind) -> &'static str {
    match k {
        RowKind::Row => "row",
        RowKind::Part => "part",
        RowKind::Varav => "varav",
    }
}

fn unit_of(s: &str) -> Result<Unit> {
    match s {
        "kr" => Ok(Unit::Kr),
        "tkr" => Ok(Unit::Tkr),
        "mnkr" => Ok(Unit::Mnkr),
        other => Err(StoreError::Corrupt {
            what: "budgetrad",
            id: other.to_string(),
            reason: "okänd enhet".into(),
        }),
    }
}

fn gender_of(s: &str) -> Result<Gender> {
    Gender::parse(s).ok_or_else(|| StoreError::Corrupt {
        what: "nyckeltal",
        id: s.to_string(),
        reason: "okänt kön".into(),
    })
}

fn save_batch(c: &Conn<'_>, source: &str, b: &BudgetBatch) -> Result<usize> {
    if b.body.trim().is_empty() {
        return Err(StoreError::Rule("budgetrader kräver en nämnd".into()));
    }
    let (start, end) = (b.period.start.to_string(), b.period.end.to_string());
    c.execute(
        "DELETE FROM followup_budget_lines WHERE body = ?1 AND period_start = ?2 AND period_end = ?3",
        params![b.body, start, end],
    )?;
    for (i, l) in b.lines.iter().enumerate() {
        if let Some(p) = &l.parent {
            if !b.lines.iter().any(|o| &o.label == p) {
                return Err(StoreError::Rule(format!(
                    "budgetraden ”{}” ingår i ”{p}”, som inte finns bland raderna",
                    l.label
                )));
            }
        }
        c.execute(
            "INSERT INTO followup_budget_lines (body, period_start, period_end, position, label,
                 parent, kind, unit, budget, outcome, annual_budget, forecast, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                b.body,
                start,
                end,
                i as i64,
                l.label,
                l.parent,
                kind_name(l.kind),
                b.unit.symbol(),
                l.budget,
                l.outcome,
                l.annual_budget,
                l.forecast,
                source
            ],
        )
        .map_err(|e| {
            if e.is_constraint() {
                StoreError::Conflict(format!(
                    "budgetraden ”{}” förekommer två gånger för {} {}",
                    l.label, b.body, b.period
                ))
            } else {
                e
            }
        })?;
    }
    Ok(b.lines.len())
}

impl<D: Db> FollowUpStore for D {
    fn save_followup(&self, report: &FollowUp, source: &str) -> Result<()> {
        checked(report)?;
        let json = serde_json::to_string(report).map_err(|e| StoreError::Rule(e.to_string()))?;
        self.write(|c| {
            c.execute(
                "INSERT INTO followup_reports (body, period_start, period_end, source, data_json, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (body, period_start, period_end) DO UPDATE SET
                     source = excluded.source, data_json = excluded.data_json,
                     imported_at = excluded.imported_at",
                params![
                    report.body,
                    report.period.start.to_string(),
                    report.period.end.to_string(),
                    source,
                    json,
                    c.now_text()
                ],
            )?;
            Ok(())
        })
    }

    fn followup(&self, body: &str, period: &Period) -> Result<Option<FollowUp>> {
        self.read(|c| {
            let row: Option<(i64, String)> = c
                .query_row(
                    "SELECT id, data_json FROM followup_reports
                     WHERE body = ?1 AND period_start = ?2 AND period_end = ?3",
                    params![body, period.start.to_string(), period.end.to_string()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            row.map(|(id, j)| decode(id, &j)).transpose()
        })
    }

    fn latest_followup(&self, body: &str, until: NaiveDate) -> Result<Option<FollowUp>> {
        self.read(|c| {
            let row: Option<(i64, String)> = c
                .query_row(
                    "SELECT id, data_json FROM followup_reports
                     WHERE body = ?1 AND period_end <= ?2
                     ORDER BY period_end DESC, period_start ASC LIMIT 1",
                    params![body, until.to_string()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            row.map(|(id, j)| decode(id, &j)).transpose()
        })
    }

    fn save_budget_lines(&self, source: &str, batches: &[BudgetBatch]) -> Result<usize> {
        self.write(|c| {
            let mut n = 0;
            for b in batches {
                n += save_batch(c, source, b)?;
            }
            Ok(n)
        })
    }

    fn budget_lines(&self, body: &str, period: &Period) -> Result<Option<(Unit, Vec<BudgetLine>)>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT label, parent, kind, unit, budget, outcome, annual_budget, forecast
                 FROM followup_budget_lines
                 WHERE body = ?1 AND period_start = ?2 AND period_end = ?3 ORDER BY position",
            )?;
            let rows = stmt.query_map(
                params![body, period.start.to_string(), period.end.to_string()],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<f64>>(4)?,
                        r.get::<_, Option<f64>>(5)?,
                        r.get::<_, Option<f64>>(6)?,
                        r.get::<_, Option<f64>>(7)?,
                    ))
                },
            )?;
            let mut unit = None;
            let mut lines = Vec::new();
            for row in rows {
                let (label, parent, kind, u, budget, outcome, annual_budget, forecast) = row?;
                unit = Some(unit_of(&u)?);
                let kind = match kind.as_str() {
                    "part" => RowKind::Part,
                    "varav" => RowKind::Varav,
                    _ => RowKind::Row,
                };
                lines.push(BudgetLine {
                    label,
                    parent,
                    kind,
                    budget,
                    outcome,
                    annual_budget,
                    forecast,
                });
            }
            Ok(unit.map(|u| (u, lines)))
        })
    }

    fn save_kpi_values(&self, source: &str, values: &[KpiValue]) -> Result<usize> {
        self.write(|c| {
            for v in values {
                if v.kpi.trim().is_empty() || v.municipality.trim().is_empty() {
                    return Err(StoreError::Rule(
                        "ett nyckeltal kräver KPI-id och kommunkod".into(),
                    ));
                }
                c.execute(
                    "INSERT INTO followup_kpi_values (kpi, municipality, period, gender, value, source)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (kpi, municipality, period, gender) DO UPDATE SET
                         value = excluded.value, source = excluded.source",
                    params![v.kpi, v.municipality, v.period, v.gender.swedish(), v.value, source],
                )?;
            }
            Ok(values.len())
        })
    }

    fn kpi_values(&self, municipality: Option<&str>) -> Result<Vec<KpiValue>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT kpi, municipality, period, gender, value FROM followup_kpi_values
                 WHERE CAST(?1 AS TEXT) IS NULL OR municipality = ?1 ORDER BY kpi, period, gender",
            )?;
            let rows = stmt.query_map(params![municipality], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<f64>>(4)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (kpi, municipality, period, gender, value) = row?;
                out.push(KpiValue {
                    kpi,
                    municipality,
                    period,
                    gender: gender_of(&gender)?,
                    value,
                });
            }
            Ok(out)
        })
    }

    fn followup_periods(&self) -> Result<Vec<(String, String)>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT body, period_start || '/' || period_end FROM followup_reports
                 UNION SELECT body, period_start || '/' || period_end FROM followup_budget_lines
                 ORDER BY 1, 2",
            )?;
            let rows = stmt.query_map(params![], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?;
            rows.collect::<std::result::Result<Vec<_>, _>>()
        })
    }
}
