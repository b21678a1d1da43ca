//! Kontroll av rapporter: reads statistics reports typed elsewhere — a protocol or a report
//! holding seed 004's three tables, as text extracted from a PDF — recomputes what the rows
//! say, and lists every disagreement.
//!
//! Within one report, the summary (antal beslut, varav kvinnor, varav män, antal som tackat
//! nej) and the per-type table are compared with what the rows hold; each row's days with
//! the report date minus its decision date.
//!
//! Across the reports of one document, consecutive reports (by report date) are compared
//! decision by decision. The rows carry no ids, so decisions are matched by decision date
//! and type of service (spellings normalised through the catalogue):
//!
//! 1. On each decision date, rows of the same type with the same gender and reason are
//!    paired first — identical facts are never flagged, whichever of two look-alike rows
//!    pairs with which.
//! 2. Remaining rows of the same date and type are paired in order; their gender or
//!    reason changed.
//! 3. When exactly one row is left on a date in each report, they are taken to be the
//!    same decision whose type changed. With more left over, nothing is guessed.
//!
//! Rows that appear only in the later report (newly past three months) or only in the
//! earlier one (carried out or closed since) are not findings.
//!
//! The parser works line by line on any text and never panics; tables may be separated by
//! tabs or spaces and interrupted by page furniture ("Justerandes sign", "Utdragsbestyrkande").

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};

use super::catalogue::{normalise, Catalogue};
use super::decision::Gender;
use super::report::{swedish_date, MONTHS};
use super::rules::{days_waited, three_months_after};

fn re(s: &str) -> Regex {
    // The patterns below are fixed and valid; a failure would be a programming error
    // caught by every test.
    Regex::new(s).unwrap_or_else(|e| panic!("regex {s}: {e}"))
}

static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*statistikrapport\b(?:\s+per)?(?:\s+den)?\s*(?:(?P<d>\d{1,2})\s+(?P<m>\p{L}+)\s+(?P<y>\d{4})|(?P<iso>\d{4}-\d{2}-\d{2}))?",
    )
});
static AS_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:tillgängliga den|till och med|per den)\s+(?P<d>\d{1,2})\s+(?P<m>\p{L}+)\s+(?P<y>\d{4})",
    )
});
static SUMMARY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(\d{1,6})\s+(\d{1,6})\s+(\d{1,6})\s+(\d{1,6})\s*$"));
static TYPE_COUNT: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?P<t>\S.*?)\s+(?P<n>\d{1,6})\s*$"));
static ROW: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?P<t>\S.*?)\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<days>-?\d{1,6})\s+(?P<g>[KkMm])(?:\s+(?P<r>\d{1,2}|[-–]))?\s*$",
    )
});
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:justerandes sign(?:atur)?|utdragsbestyrkande|sida\s+\d+(?:\s*\(\d+\)|\s+av\s+\d+)?|\d{1,3}(?:\s*\(\d+\))?|\*\*|<p>|</p>|sammanträdesprotokoll.*|justerare.*|signatur.*)\s*$",
    )
});

/// The summary line as stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatedSummary {
    /// Antal beslut.
    pub total: i64,
    /// Varav kvinnor.
    pub women: i64,
    /// Varav män.
    pub men: i64,
    /// Antal som tackat nej till erbjudande.
    pub declined: i64,
    /// Line number (1-based).
    pub line: usize,
}

/// One line of the per-type table as stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatedType {
    /// As written.
    pub written: String,
    /// Antal.
    pub count: i64,
    /// Line number.
    pub line: usize,
}

/// One decision row as stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatedRow {
    /// Type of service as written.
    pub written: String,
    /// Beslutsdatum.
    pub decision_date: NaiveDate,
    /// Antal dagar.
    pub days: i64,
    /// K or M.
    pub gender: Gender,
    /// Reason code as written (any number; `None` when blank or a dash).
    pub reason: Option<u8>,
    /// Line number.
    pub line: usize,
}

/// One statistics report found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatedReport {
    /// The report date, if stated.
    pub date: Option<NaiveDate>,
    /// The line the report starts on.
    pub line: usize,
    /// The summary, if found.
    pub summary: Option<StatedSummary>,
    /// The per-type table.
    pub by_type: Vec<StatedType>,
    /// The rows.
    pub rows: Vec<StatedRow>,
}

impl StatedReport {
    fn new(date: Option<NaiveDate>, line: usize) -> Self {
        StatedReport {
            date,
            line,
            summary: None,
            by_type: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// How findings name the report: its ISO date, or "rad N" without one.
    pub fn label(&self) -> String {
        match self.date {
            Some(d) => d.to_string(),
            None => format!("rad {}", self.line),
        }
    }

    fn is_empty(&self) -> bool {
        self.summary.is_none() && self.by_type.is_empty() && self.rows.is_empty()
    }
}

fn swedish_month(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    MONTHS.iter().position(|m| *m == n).map(|i| i as u32 + 1)
}

fn date_from(c: &regex::Captures<'_>) -> Option<NaiveDate> {
    if let Some(iso) = c.name("iso") {
        return iso.as_str().parse().ok();
    }
    let d = c.name("d")?.as_str().parse().ok()?;
    let m = swedish_month(c.name("m")?.as_str())?;
    let y = c.name("y")?.as_str().parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    None,
    Summary,
    Types,
    Rows,
}

/// Finds every statistics report in `text`. Reports start at a "Statistikrapport den …"
/// heading (or, without one, at a summary table header); each table is read from its
/// header row on.
pub fn parse_reports(text: &str) -> Vec<StatedReport> {
    let mut out: Vec<StatedReport> = Vec::new();
    let mut current: Option<StatedReport> = None;
    let mut mode = Mode::None;
    let mut as_of: Option<NaiveDate> = None;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end_matches('\r');
        let lower = line.trim().to_lowercase();
        if let Some(c) = HEADING.captures(line) {
            if let Some(r) = current.take().filter(|r| !r.is_empty()) {
                out.push(r);
            }
            current = Some(StatedReport::new(date_from(&c).or(as_of), n));
            mode = Mode::None;
            continue;
        }
        if let Some(c) = AS_OF.captures(line) {
            as_of = date_from(&c);
        }
        if lower.starts_with("antal beslut") && lower.contains("kvinnor") {
            if current.as_ref().is_none_or(|r| r.summary.is_some()) {
                if let Some(r) = current.take().filter(|r| !r.is_empty()) {
                    out.push(r);
                }
                current = Some(StatedReport::new(as_of, n));
            }
            mode = Mode::Summary;
            continue;
        }
        if lower.starts_with("beslut om") && (lower.contains("antal") || lower.contains("datum")) {
            if current.is_none() {
                current = Some(StatedReport::new(as_of, n));
            }
            mode = if lower.contains("datum") {
                Mode::Rows
            } else {
                Mode::Types
            };
            continue;
        }
        let Some(report) = current.as_mut() else {
            continue;
        };
        let blank = line.trim().is_empty() || FURNITURE.is_match(line);
        match mode {
            Mode::None => {}
            Mode::Summary => {
                if let Some(c) = SUMMARY.captures(line) {
                    let num = |k: usize| {
                        c.get(k)
                            .and_then(|m| m.as_str().parse::<i64>().ok())
                            .unwrap_or(0)
                    };
                    report.summary = Some(StatedSummary {
                        total: num(1),
                        women: num(2),
                        men: num(3),
                        declined: num(4),
                        line: n,
                    });
                    mode = Mode::None;
                } else if !blank {
                    mode = Mode::None;
                }
            }
            Mode::Types => match TYPE_COUNT.captures(line) {
                Some(c) if has_letter(&c["t"]) && !ROW.is_match(line) => {
                    report.by_type.push(StatedType {
                        written: c["t"].trim().to_string(),
                        count: c["n"].parse().unwrap_or(0),
                        line: n,
                    });
                }
                _ if blank => {}
                _ => mode = Mode::None,
            },
            Mode::Rows => match ROW.captures(line) {
                Some(c) if has_letter(&c["t"]) => {
                    let (Ok(decision_date), Ok(days)) =
                        (c["date"].parse::<NaiveDate>(), c["days"].parse::<i64>())
                    else {
                        continue;
                    };
                    let gender = if c["g"].eq_ignore_ascii_case("k") {
                        Gender::K
                    } else {
                        Gender::M
                    };
                    report.rows.push(StatedRow {
                        written: c["t"].trim().to_string(),
                        decision_date,
                        days,
                        gender,
                        reason: c.name("r").and_then(|r| r.as_str().parse().ok()),
                        line: n,
                    });
                }
                _ if blank => {}
                _ => mode = Mode::None,
            },
        }
    }
    if let Some(r) = current.filter(|r| !r.is_empty()) {
        out.push(r);
    }
    out
}

/// Avvikelse: one disagreement. `field` is one of total, women, men, declined, by_type (a
/// cell that disagrees with the rows) or type, gender, reason (a decision whose facts
/// changed between two reports).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The report it is in (ISO date, or "rad N").
    pub report: String,
    /// Which cell or fact.
    pub field: String,
    /// The type of service (by_type, and changes).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The decision's date (changes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_date: Option<NaiveDate>,
    /// The value the report states.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated: Option<i64>,
    /// The value its rows give.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub computed: Option<i64>,
    /// The fact in the earlier report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// The fact in this report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// The line the stated value is on.
    pub line: usize,
    /// What is wrong, in Swedish.
    pub message: String,
}

/// Anmärkning: a row that disagrees with its report date (days, or not yet three months).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The report.
    pub report: String,
    /// The line.
    pub line: usize,
    /// What, in Swedish.
    pub message: String,
}

/// What was found in one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportInfo {
    /// The report's name.
    pub report: String,
    /// Its first line.
    pub line: usize,
    /// Whether a summary was found.
    pub summary: bool,
    /// Lines in the per-type table.
    pub types: usize,
    /// Rows.
    pub rows: usize,
}

/// The result of [`check`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    /// Every disagreement between summary, per-type table and rows, and every change of a
    /// decision's facts between reports.
    pub findings: Vec<Finding>,
    /// Rows whose days disagree with the report date, and rows listed before their three
    /// months had passed.
    pub notes: Vec<Note>,
    /// The reports read.
    pub reports: Vec<ReportInfo>,
}

/// The name of a type as written: the catalogue's name, or the text tidied.
fn canonical(catalogue: &Catalogue, written: &str) -> (String, String) {
    match catalogue.resolve(written) {
        Some(e) => (normalise(&e.name), e.name.clone()),
        None => (
            normalise(written),
            written.split_whitespace().collect::<Vec<_>>().join(" "),
        ),
    }
}

fn count_finding(
    report: &StatedReport,
    field: &str,
    stated: i64,
    computed: i64,
    line: usize,
) -> Option<Finding> {
    (stated != computed).then(|| {
        let what = match field {
            "total" => "antal beslut",
            "women" => "varav kvinnor",
            "men" => "varav män",
            _ => "antal som tackat nej till erbjudande",
        };
        Finding {
            report: report.label(),
            field: field.to_string(),
            service: None,
            decision_date: None,
            stated: Some(stated),
            computed: Some(computed),
            before: None,
            after: None,
            line,
            message: format!(
                "Rapporten {} (rad {line}): {what} anges till {stated}, men raderna ger {computed}.",
                report.label()
            ),
        }
    })
}

fn within(
    report: &StatedReport,
    catalogue: &Catalogue,
    findings: &mut Vec<Finding>,
    notes: &mut Vec<Note>,
) {
    let rows = &report.rows;
    if let Some(s) = report.summary {
        if !rows.is_empty() {
            let women = rows.iter().filter(|r| r.gender == Gender::K).count() as i64;
            let declined = rows.iter().filter(|r| r.reason == Some(1)).count() as i64;
            let total = rows.len() as i64;
            for (field, stated, computed) in [
                ("total", s.total, total),
                ("women", s.women, women),
                ("men", s.men, total - women),
                ("declined", s.declined, declined),
            ] {
                findings.extend(count_finding(report, field, stated, computed, s.line));
            }
        } else if !report.by_type.is_empty() {
            let sum = report.by_type.iter().map(|t| t.count).sum();
            findings.extend(count_finding(report, "total", s.total, sum, s.line));
        }
    }
    if !report.by_type.is_empty() && !rows.is_empty() {
        // key -> (display name, stated, computed, line)
        let mut types: BTreeMap<String, (String, i64, i64, usize, usize)> = BTreeMap::new();
        for (order, t) in report.by_type.iter().enumerate() {
            let (key, name) = canonical(catalogue, &t.written);
            let e = types.entry(key).or_insert((name, 0, 0, t.line, order));
            e.1 += t.count;
        }
        for r in rows {
            let (key, name) = canonical(catalogue, &r.written);
            let e = types.entry(key).or_insert((name, 0, 0, r.line, usize::MAX));
            e.2 += 1;
        }
        let mut list: Vec<_> = types.into_values().collect();
        list.sort_by_key(|t| (t.4, t.3));
        for (name, stated, computed, line, _) in list {
            if stated != computed {
                findings.push(Finding {
                    report: report.label(),
                    field: "by_type".into(),
                    service: Some(name.clone()),
                    decision_date: None,
                    stated: Some(stated),
                    computed: Some(computed),
                    before: None,
                    after: None,
                    line,
                    message: format!(
                        "Rapporten {}: {name} anges till {stated} i tabellen per insats, men raderna ger {computed}.",
                        report.label()
                    ),
                });
            }
        }
    }
    if let Some(date) = report.date {
        for r in rows {
            let days = days_waited(r.decision_date, date);
            if days != r.days {
                notes.push(Note {
                    report: report.label(),
                    line: r.line,
                    message: format!(
                        "{} {}: {} dagar anges, men från beslutsdatum till {} är det {days}.",
                        r.written,
                        r.decision_date,
                        r.days,
                        swedish_date(date)
                    ),
                });
            }
            if date <= three_months_after(r.decision_date) {
                notes.push(Note {
                    report: report.label(),
                    line: r.line,
                    message: format!(
                        "{} {}: tre månader har inte gått den {} (först efter {}).",
                        r.written,
                        r.decision_date,
                        swedish_date(date),
                        three_months_after(r.decision_date)
                    ),
                });
            }
        }
    }
}

struct Keyed<'a> {
    key: String,
    name: String,
    row: &'a StatedRow,
}

fn change(
    later: &StatedReport,
    field: &str,
    name: &str,
    a: &StatedRow,
    b: &StatedRow,
    before: String,
    after: String,
) -> Finding {
    let what = match field {
        "gender" => "kön",
        "reason" => "orsak",
        _ => "insats",
    };
    Finding {
        report: later.label(),
        field: field.to_string(),
        service: Some(name.to_string()),
        decision_date: Some(b.decision_date),
        stated: None,
        computed: None,
        before: Some(before.clone()),
        after: Some(after.clone()),
        line: b.line,
        message: format!(
            "Beslutet {name} {} har {what} {before} i den föregående rapporten (rad {}) men {after} i rapporten {} (rad {}).",
            b.decision_date,
            a.line,
            later.label(),
            b.line
        ),
    }
}

fn reason_text(r: Option<u8>) -> String {
    r.map_or_else(|| "–".to_string(), |x| x.to_string())
}

/// The rows of a report by decision date, with their normalised type.
fn keyed<'a>(
    r: &'a StatedReport,
    catalogue: &Catalogue,
) -> BTreeMap<NaiveDate, Vec<Option<Keyed<'a>>>> {
    let mut m: BTreeMap<NaiveDate, Vec<Option<Keyed<'a>>>> = BTreeMap::new();
    for row in &r.rows {
        let (key, name) = canonical(catalogue, &row.written);
        m.entry(row.decision_date)
            .or_default()
            .push(Some(Keyed { key, name, row }));
    }
    m
}

fn between(
    earlier: &StatedReport,
    later: &StatedReport,
    catalogue: &Catalogue,
    findings: &mut Vec<Finding>,
) {
    let a_all = keyed(earlier, catalogue);
    let mut b_all = keyed(later, catalogue);
    for (date, mut a) in a_all {
        let Some(b) = b_all.get_mut(&date) else {
            continue;
        };
        // 1. Same type, same facts.
        for x in a.iter_mut() {
            let Some(xa) = x.as_ref() else { continue };
            let hit = b.iter().position(|y| {
                y.as_ref().is_some_and(|y| {
                    y.key == xa.key
                        && y.row.gender == xa.row.gender
                        && y.row.reason == xa.row.reason
                })
            });
            if let Some(j) = hit {
                b[j] = None;
                *x = None;
            }
        }
        // 2. Same type, facts changed.
        for x in a.iter_mut() {
            let Some(xa) = x.as_ref() else { continue };
            let Some(j) = b
                .iter()
                .position(|y| y.as_ref().is_some_and(|y| y.key == xa.key))
            else {
                continue;
            };
            if let Some(yb) = b[j].take() {
                if yb.row.gender != xa.row.gender {
                    findings.push(change(
                        later,
                        "gender",
                        &yb.name,
                        xa.row,
                        yb.row,
                        xa.row.gender.letter().into(),
                        yb.row.gender.letter().into(),
                    ));
                }
                if yb.row.reason != xa.row.reason {
                    findings.push(change(
                        later,
                        "reason",
                        &yb.name,
                        xa.row,
                        yb.row,
                        reason_text(xa.row.reason),
                        reason_text(yb.row.reason),
                    ));
                }
            }
            *x = None;
        }
        // 3. One left on each side: the type changed.
        let left_a: Vec<&Keyed<'_>> = a.iter().flatten().collect();
        let left_b: Vec<&Keyed<'_>> = b.iter().flatten().collect();
        if let ([xa], [yb]) = (&left_a[..], &left_b[..]) {
            findings.push(change(
                later,
                "type",
                &yb.name,
                xa.row,
                yb.row,
                xa.name.clone(),
                yb.name.clone(),
            ));
            if yb.row.gender != xa.row.gender {
                findings.push(change(
                    later,
                    "gender",
                    &yb.name,
                    xa.row,
                    yb.row,
                    xa.row.gender.letter().into(),
                    yb.row.gender.letter().into(),
                ));
            }
            if yb.row.reason != xa.row.reason {
                findings.push(change(
                    later,
                    "reason",
                    &yb.name,
                    xa.row,
                    yb.row,
                    reason_text(xa.row.reason),
                    reason_text(yb.row.reason),
                ));
            }
        }
    }
}

/// Reads the reports in `text` and lists every disagreement (see the module docs).
pub fn check(text: &str, catalogue: &Catalogue) -> CheckResult {
    let mut reports = parse_reports(text);
    let mut findings = Vec::new();
    let mut notes = Vec::new();
    for r in &reports {
        within(r, catalogue, &mut findings, &mut notes);
    }
    // Consecutive reports by date; those without a date keep their place in the text.
    reports.sort_by_key(|r| (r.date.is_none(), r.date, r.line));
    for pair in reports.windows(2) {
        if let [a, b] = pair {
            between(a, b, catalogue, &mut findings);
        }
    }
    reports.sort_by_key(|r| r.line);
    CheckResult {
        findings,
        notes,
        reports: reports
            .iter()
            .map(|r| ReportInfo {
                report: r.label(),
                line: r.line,
                summary: r.summary.is_some(),
                types: r.by_type.len(),
                rows: r.rows.len(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unenforced::decision::{DecisionId, GrantedDecision, Reason};
    use crate::unenforced::report::MonthlyReport;

    const SEED: &str = include_str!("../../../../tests/fixtures/004_781e15fbb2993ffb.txt");

    /// (report, field, stated, computed)
    type Cells<'a> = (&'a str, &'a str, Option<i64>, Option<i64>);
    /// (report, field, before, after)
    type Change<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>);
    /// (field, type, stated, computed)
    type TypeCell<'a> = (&'a str, Option<&'a str>, Option<i64>, Option<i64>);

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn seed_004_has_two_reports_with_all_their_rows() {
        let r = parse_reports(SEED);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].date, Some(d("2023-11-30")));
        assert_eq!(r[1].date, Some(d("2023-12-31")));
        assert_eq!(r[0].rows.len(), 21);
        assert_eq!(r[1].rows.len(), 23);
        assert_eq!(r[0].by_type.len(), 7);
        assert_eq!(r[1].by_type.len(), 8);
        assert_eq!(
            r[0].summary.map(|s| (s.total, s.women, s.men, s.declined)),
            Some((21, 9, 12, 3))
        );
        assert_eq!(
            r[1].summary.map(|s| (s.total, s.women, s.men, s.declined)),
            Some((23, 11, 12, 7))
        );
        assert_eq!(r[0].rows[0].days, 437);
    }

    #[test]
    fn seed_004_both_errors_and_nothing_else() {
        let c = Catalogue::default_catalogue();
        let r = check(SEED, &c);
        let got: Vec<Cells<'_>> = r
            .findings
            .iter()
            .filter(|f| f.stated.is_some())
            .map(|f| (f.report.as_str(), f.field.as_str(), f.stated, f.computed))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2023-11-30", "declined", Some(3), Some(5)),
                ("2023-12-31", "women", Some(11), Some(12)),
                ("2023-12-31", "men", Some(12), Some(11)),
            ]
        );
        let changes: Vec<_> = r.findings.iter().filter(|f| f.stated.is_none()).collect();
        assert_eq!(changes.len(), 1, "{changes:#?}");
        let g = changes[0];
        assert_eq!(g.report, "2023-12-31");
        assert_eq!(g.field, "gender");
        assert_eq!(
            g.service.as_deref(),
            Some("SoL – servicelägenhet psykiatri")
        );
        assert_eq!(g.decision_date, Some(d("2023-07-16")));
        assert_eq!(
            (g.before.as_deref(), g.after.as_deref()),
            (Some("M"), Some("K"))
        );
        assert!(r.notes.is_empty(), "{:#?}", r.notes);
        let json = serde_json::to_value(&r).expect("json");
        assert_eq!(json["findings"][0]["report"], "2023-11-30");
        assert_eq!(json["findings"][0]["field"], "declined");
        assert_eq!(json["findings"][0]["stated"], 3);
        assert_eq!(json["findings"][0]["computed"], 5);
        assert_eq!(json["findings"][3]["before"], "M");
        assert_eq!(
            json["findings"][3]["type"],
            "SoL – servicelägenhet psykiatri"
        );
    }

    #[test]
    fn type_and_reason_changes_and_look_alike_rows() {
        let text = "Statistikrapport den 31 januari 2024\n\
            Antal beslut\tVarav kvinnor\tVarav män\tAntal som tackat nej\n3\t1\t2\t0\n\
            Beslut om\tAntal\nLSS – kontaktperson\t2\nÄldreboende\t1\n\
            Beslut om\tBesluts-datum\tAntal dagar\tKvinna eller man\tOrsak\n\
            LSS – kontaktperson\t2023-01-10\t386\tM\t2\n\
            LSS – kontaktperson\t2023-01-10\t386\tK\t2\n\
            Äldreboende\t2023-05-05\t271\tM\t2\n\n\
            Statistikrapport den 29 februari 2024\n\
            Beslut om\tBesluts-datum\tAntal dagar\tKvinna eller man\tOrsak\n\
            LSS-kontaktperson\t2023-01-10\t415\tK\t2\n\
            LSS  kontaktperson\t2023-01-10\t415\tM\t3\n\
            Äldreboende – demens\t2023-05-05\t300\tM\t2\n";
        let r = check(text, &Catalogue::default_catalogue());
        let f: Vec<Change<'_>> = r
            .findings
            .iter()
            .map(|f| {
                (
                    f.report.as_str(),
                    f.field.as_str(),
                    f.before.as_deref(),
                    f.after.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            f,
            vec![
                ("2024-02-29", "reason", Some("2"), Some("3")),
                (
                    "2024-02-29",
                    "type",
                    Some("Äldreboende"),
                    Some("Äldreboende – demens")
                ),
            ]
        );
    }

    #[test]
    fn by_type_and_days_disagreements() {
        let text = "Statistikrapport 2024-01-31\n\
            Antal beslut Varav kvinnor Varav män Antal som tackat nej\n2 1 1 1\n\
            Beslut om Antal\nSoL - kontaktperson 1\nLSS – daglig verksamhet 1\n\
            Beslut om Besluts-datum Antal dagar Kvinna eller man Orsak\n\
            SoL – kontaktperson 2023-01-10 386 K 1\n\
            Justerandes sign\n\n\
            SoL – kontaktperson 2023-11-01 91 M 2\n\
            Beslutsunderlag\nHemtjänst 2023-01-01 10 K 1\n";
        let r = check(text, &Catalogue::default_catalogue());
        let f: Vec<TypeCell<'_>> = r
            .findings
            .iter()
            .map(|f| (f.field.as_str(), f.service.as_deref(), f.stated, f.computed))
            .collect();
        assert_eq!(
            f,
            vec![
                ("by_type", Some("SoL – kontaktperson"), Some(1), Some(2)),
                ("by_type", Some("LSS – daglig verksamhet"), Some(1), Some(0)),
            ]
        );
        // 2023-11-01 + 3 months = 2024-02-01: not yet due on 2024-01-31.
        assert_eq!(r.notes.len(), 1);
        assert!(r.notes[0].message.contains("tre månader"));
    }

    #[test]
    fn a_computed_report_checks_clean() {
        let c = Catalogue::default_catalogue();
        let mk = |id: &str, t: &str, date: &str, g, r| {
            let mut x = GrantedDecision::new(DecisionId::new(id).expect("id"), t, d(date), g);
            x.reason = Reason::from_code(r);
            x
        };
        let all = vec![
            mk("1", "LSS – kontaktperson", "2022-09-19", Gender::K, 1),
            mk("2", "Äldreboende – demens", "2023-06-28", Gender::M, 1),
            mk("3", "SoL – kontaktperson", "2023-07-01", Gender::M, 2),
        ];
        let text = format!(
            "{}\n{}",
            MonthlyReport::compute(&all, &c, d("2023-11-30")).to_text(),
            MonthlyReport::compute(&all, &c, d("2023-12-31")).to_text()
        );
        let r = check(&text, &c);
        assert_eq!(r.reports.len(), 2);
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
        assert!(r.notes.is_empty(), "{:#?}", r.notes);
    }

    #[test]
    fn never_panics_on_any_input() {
        let c = Catalogue::default_catalogue();
        assert!(check("", &c).findings.is_empty());
        assert!(parse_reports("").is_empty());
        // A simple deterministic generator of bytes (xorshift).
        let mut s: u64 = 0x2545_f491_4f6c_dd1d;
        let pieces: [&[u8]; 9] = [
            b"Statistikrapport den 31 december 2023\n",
            b"Antal beslut\tVarav kvinnor\n",
            b"Beslut om\tAntal\n",
            b"Beslut om\tBesluts-datum\n",
            "LSS – kontaktperson\t2022-09-19\t437\tK\t1\n".as_bytes(),
            b"9\t99\t999999\t9999999\n",
            b"\t\t\n",
            b"2023-02-30\t-5\tK\t99\n",
            "Äldreboende\u{2013}\t7\n".as_bytes(),
        ];
        for _ in 0..2000 {
            let mut bytes = Vec::new();
            for _ in 0..(s % 40) {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                if s.is_multiple_of(3) {
                    bytes.extend_from_slice(pieces[(s % 9) as usize]);
                } else {
                    bytes.extend((0..(s % 17)).map(|i| (s >> (i % 8 * 8)) as u8));
                }
            }
            let text = String::from_utf8_lossy(&bytes);
            let _ = check(&text, &c);
        }
    }
}
