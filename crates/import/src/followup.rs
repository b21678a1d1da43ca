//! Follow-up reports (*verksamhetsuppföljning*): a published Verksamhetsrapport like seed
//! 003, or the budget table of a protocol or kallelse (seeds 000 and 002), read into a
//! [`FollowUpReport`]: finance and other numeric tables with their row hierarchy, the goal
//! tree with assessments, analyses and indicators, and the uppdrag with status and comment.
//!
//! The text is read as the PDF extraction left it: markup (`<b>`, `**`, `<p>`), headings as
//! `#` lines, tables as tab-separated lines, header words split across cells ("Bedömnin g"),
//! values like "1 183.1", "4 230.00" and "39.0 %", and tables and comments continuing
//! after a page break under a repeated header. What cannot be placed is listed in
//! `warnings`. The checks of the figures are not run here (this crate does not know the
//! rules); `checks` is filled by the application from `paragraf_core::followup`.
//!
//! Never panics; linear in the input.

mod assignments;
mod goal_list;
mod goals;
mod lines;
mod model;
mod tables;

pub use model::{
    FollowUpAssignment, FollowUpGoal, FollowUpIndicator, FollowUpReport, FollowUpRow, FollowUpTable,
};

use crate::ImportError;
use lines::{prepare, Line};

/// Reads a follow-up report from extracted text. Never panics.
pub fn parse_followup(text: &str) -> Result<FollowUpReport, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    crate::parse::check_binary(text)?;
    let lines = prepare(text);
    let mut warnings = Vec::new();
    let report = is_report(&lines);
    let body = lines::find_body(&lines).unwrap_or_else(|| {
        warnings.push("nämnden framgår inte av texten".to_string());
        String::new()
    });
    let period = lines::find_period(&lines);
    if period.is_none() {
        warnings.push("perioden framgår inte av texten".to_string());
    }
    let sections = Sections::find(&lines, report);
    let mut out = FollowUpReport {
        document_type: if report {
            "verksamhetsrapport".to_string()
        } else {
            "budgetuppföljning".to_string()
        },
        body,
        period,
        summary: None,
        tables: Vec::new(),
        goals: Vec::new(),
        assignments: Vec::new(),
        checks: Vec::new(),
        warnings: Vec::new(),
    };
    let numeric_end = [sections.goals, sections.assignments, sections.indicators]
        .into_iter()
        .flatten()
        .map(|(s, _)| s)
        .min()
        .unwrap_or(lines.len());
    out.tables = tables::find_tables(&lines, 0, numeric_end, report, &mut warnings);
    if report {
        out.summary = lines::section_text(&lines, "Sammanfattning");
        if let Some((s, e)) = sections.goals {
            out.goals = goals::parse_goals(&lines, s, e, &mut warnings);
        }
        if let Some((s, e)) = sections.assignments {
            out.assignments = assignments::parse_assignments(&lines, s, e, &mut warnings);
        }
        if let Some((s, e)) = sections.indicators {
            goals::parse_indicators(&lines, s, e, &mut out.goals, &mut warnings);
        }
        if out.goals.is_empty() {
            warnings.push("inga mål hittades (rubriken ”Måluppfyllelse”)".to_string());
        }
    } else {
        out.goals = goal_list::parse_goal_list(&lines, &mut warnings);
        if !out.goals.is_empty() && out.tables.is_empty() {
            out.document_type = "måluppföljning".to_string();
        }
    }
    if out.tables.is_empty() && out.goals.is_empty() {
        warnings.push("inga tabeller med belopp och inga mål hittades".to_string());
    }
    out.warnings = warnings;
    Ok(out)
}

/// A Verksamhetsrapport (or delårsrapport, årsredovisning) rather than a protocol with a
/// budget table.
fn is_report(lines: &[Line]) -> bool {
    lines.iter().take(80).any(|l| {
        let t = l.text.to_lowercase();
        l.heading.is_some()
            && (t.contains("verksamhetsrapport")
                || t.contains("delårsrapport")
                || t.contains("verksamhetsberättelse"))
    })
}

/// Where the goal, assignment and indicator sections of a report are (line ranges).
#[derive(Debug, Default)]
struct Sections {
    goals: Option<(usize, usize)>,
    assignments: Option<(usize, usize)>,
    indicators: Option<(usize, usize)>,
}

impl Sections {
    fn find(lines: &[Line], report: bool) -> Sections {
        if !report {
            return Sections::default();
        }
        let start = |name: &str, from: usize| {
            lines
                .iter()
                .enumerate()
                .skip(from)
                .find(|(_, l)| l.heading.is_some() && l.text.eq_ignore_ascii_case(name))
                .map(|(i, _)| i)
        };
        let g = start("Måluppfyllelse", 0);
        let a = start("Uppdrag", g.unwrap_or(0));
        let i = start("Indikatorer", a.or(g).unwrap_or(0));
        let n = lines.len();
        // A section also ends where another report or its first sections begin.
        let other = |from: usize| {
            lines
                .iter()
                .enumerate()
                .skip(from + 1)
                .find(|(_, l)| {
                    let t = l.text.to_lowercase();
                    l.heading.is_some()
                        && (["sammanfattning", "ekonomi", "innehållsförteckning"]
                            .contains(&t.as_str())
                            || t.starts_with("verksamhetsrapport")
                            || t.starts_with("delårsrapport"))
                })
                .map_or(n, |(j, _)| j)
        };
        let end = |s: usize| {
            [g, a, i]
                .into_iter()
                .flatten()
                .filter(|&x| x > s)
                .min()
                .unwrap_or(n)
                .min(other(s))
        };
        Sections {
            goals: g.map(|s| (s, end(s))),
            assignments: a.map(|s| (s, end(s))),
            indicators: i.map(|s| (s, end(s))),
        }
    }
}
