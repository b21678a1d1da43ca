//! Numeric tables of a follow-up report: the resultaträkning, cost centres, quantities,
//! investments, staff statistics — and in a protocol or kallelse the budget table.
//!
//! A table starts at a header line (tab-separated, the value columns' headings text or
//! years) followed by rows with figures. It ends at a heading, at running text or at a
//! header of another table. A header repeated after a page break continues the table; a
//! header with the same columns but another first cell starts a new one (seed 003's
//! quantities per verksamhet). Rows whose label starts with "-" are parts of the row above;
//! "-varav" rows are included in the row above (seed 000) or in the part above (seed 002).

use std::collections::HashSet;

use super::lines::Line;
use super::model::{FollowUpRow, FollowUpTable};
use crate::numbers::parse_number;

const FINANCE_WORDS: [&str; 9] = [
    "utfall",
    "budget",
    "prognos",
    "avvikelse",
    "redovisn",
    "resultat",
    "åtagande",
    "differens",
    "bokslut",
];

fn is_year(cell: &str) -> bool {
    cell.len() == 4
        && cell.chars().all(|c| c.is_ascii_digit())
        && cell
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

fn is_value(cell: &str) -> bool {
    !is_year(cell) && parse_number(cell).is_some()
}

/// A header: at least two value headings, none of them a figure (years allowed).
fn header_like(l: &Line) -> bool {
    if l.heading.is_some() || l.rule || l.cells.len() < 3 {
        return false;
    }
    let rest: Vec<&String> = l.cells.iter().skip(1).filter(|c| !c.is_empty()).collect();
    rest.len() >= 2 && rest.iter().all(|c| !is_value(c))
}

fn has_values(l: &Line) -> bool {
    l.heading.is_none() && l.cells.iter().skip(1).any(|c| is_value(c))
}

/// Whether a header at `i` opens a table: a row with figures follows (after blank lines,
/// rules and at most one label-only line).
fn opens_table(lines: &[Line], i: usize, to: usize, report: bool) -> bool {
    let Some(h) = lines.get(i) else { return false };
    if !header_like(h) {
        return false;
    }
    let first = h
        .cells
        .first()
        .map(|c| c.to_lowercase())
        .unwrap_or_default();
    if first.starts_with("indikator")
        || h.cells.iter().any(|c| c.eq_ignore_ascii_case("startdatum"))
    {
        return false;
    }
    if !report {
        // In a protocol or kallelse only budget tables: three value columns or more, two
        // of them named as outcome, budget, forecast, deviation …
        let values = h.cells.iter().skip(1).filter(|c| !c.is_empty()).count();
        let finance = h
            .cells
            .iter()
            .skip(1)
            .filter(|c| {
                let l = c.to_lowercase();
                FINANCE_WORDS.iter().any(|w| l.contains(w))
            })
            .count();
        if values < 3 || finance < 2 {
            return false;
        }
    }
    let mut label_only = 0;
    for l in lines.iter().take(to).skip(i + 1).take(6) {
        if l.blank() || l.rule {
            continue;
        }
        if has_values(l) {
            let figures = l.cells.iter().skip(1).filter(|c| is_value(c)).count();
            return report || figures >= 2;
        }
        if l.cells.len() >= 2 && l.filled() == 1 && label_only == 0 {
            label_only += 1;
            continue;
        }
        return false;
    }
    false
}

fn unit_in(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    let word = |w: &str| {
        t.match_indices(w).any(|(i, _)| {
            let before = t.get(..i).and_then(|s| s.chars().next_back());
            let after = t.get(i + w.len()..).and_then(|s| s.chars().next());
            !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
        })
    };
    if word("mnkr") || word("mkr") || t.contains("miljoner kronor") {
        Some("mnkr")
    } else if word("tkr") || t.contains("tusental kronor") || t.contains("tusentals kronor") {
        Some("tkr")
    } else {
        None
    }
}

fn decimals(cell: &str) -> u8 {
    let digits: String = cell
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    digits.rfind([',', '.']).map_or(0, |i| {
        u8::try_from(digits.len() - i - 1).unwrap_or(0).min(6)
    })
}

/// Finds the tables between lines `from` and `to`.
pub fn find_tables(
    lines: &[Line],
    from: usize,
    to: usize,
    report: bool,
    warnings: &mut Vec<String>,
) -> Vec<FollowUpTable> {
    let to = to.min(lines.len());
    // The section each line stands in, in one pass.
    let mut sections = Vec::with_capacity(to);
    let mut current = "ekonomi";
    for l in lines.iter().take(to) {
        if l.heading.is_some() {
            current = section_named(&l.text).unwrap_or(current);
        }
        sections.push(current);
    }
    let mut out = Vec::new();
    let mut used_titles: HashSet<String> = HashSet::new();
    let mut i = from;
    while i < to {
        if opens_table(lines, i, to, report) {
            let (mut table, next) = read_table(lines, i, to, &mut used_titles, warnings);
            table.section = sections.get(i).copied().unwrap_or("ekonomi").to_string();
            out.push(table);
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// The heading above line `i` (within 60 lines), and the line it is on.
fn heading_above(lines: &[Line], i: usize) -> Option<(usize, String)> {
    (i.saturating_sub(60)..i)
        .rev()
        .find(|&j| lines.get(j).is_some_and(|l| l.heading.is_some()))
        .and_then(|j| lines.get(j).map(|l| (j, l.text.clone())))
}

fn title_for(
    lines: &[Line],
    i: usize,
    header: &[String],
    used: &mut HashSet<String>,
) -> Option<String> {
    let first = header.first().cloned().unwrap_or_default();
    if let Some((_, h)) = heading_above(lines, i) {
        let title = if used.contains(&h) && !first.is_empty() {
            format!("{h} – {first}")
        } else {
            h.clone()
        };
        used.insert(h);
        return Some(title);
    }
    let caption = (i.saturating_sub(5)..i)
        .rev()
        .filter_map(|j| lines.get(j))
        .find(|l| !l.blank() && !l.rule)
        .filter(|l| {
            l.is_text()
                && l.text.chars().count() <= 80
                && !l.text.starts_with('-')
                && !l.text.ends_with('.')
        })
        .map(|l| l.text.clone());
    caption.or_else(|| (!first.is_empty()).then_some(first))
}

fn section_unit(lines: &[Line], i: usize, to: usize) -> Option<&'static str> {
    let start = heading_above(lines, i).map_or(i.saturating_sub(10), |(j, _)| j);
    let end = (i + 1..to.min(i + 60))
        .find(|&j| lines.get(j).is_some_and(|l| l.heading.is_some()))
        .unwrap_or(to.min(i + 30));
    (start..end)
        .filter_map(|j| lines.get(j))
        .find_map(|l| unit_in(&l.text))
}

/// Reads the table whose header is at `i`; returns it and the line after it.
fn read_table(
    lines: &[Line],
    i: usize,
    to: usize,
    used: &mut HashSet<String>,
    warnings: &mut Vec<String>,
) -> (FollowUpTable, usize) {
    let Some(head) = lines.get(i) else {
        return (empty_table(i), i + 1);
    };
    let mut header: Vec<String> = head.cells.clone();
    while header.len() > 2 && header.last().is_some_and(|c| c.is_empty()) {
        header.pop();
    }
    let width = header.len().saturating_sub(1);
    let title = title_for(lines, i, &header, used);
    let mut unit = head.cells.first().and_then(|c| unit_in(c));
    let mut rows: Vec<FollowUpRow> = Vec::new();
    let mut total: Option<FollowUpRow> = None;
    let mut decimals_shown = 0u8;
    let mut all_percent = true;
    let mut any_value = false;
    let mut j = i + 1;
    while j < to {
        let Some(l) = lines.get(j) else { break };
        if l.blank() || l.rule {
            j += 1;
            continue;
        }
        if l.heading.is_some() || (l.cells.len() < 2 && l.is_text()) {
            break;
        }
        if header_like(l) && !has_values(l) {
            let same_columns = l
                .cells
                .iter()
                .skip(1)
                .filter(|c| !c.is_empty())
                .eq(header.iter().skip(1).filter(|c| !c.is_empty()));
            if same_columns && l.cells.first() == header.first() {
                j += 1; // the header again after a page break
                continue;
            }
            break;
        }
        let label_raw = l.cells.first().cloned().unwrap_or_default();
        let mut values: Vec<Option<f64>> = Vec::with_capacity(width);
        for c in l.cells.iter().skip(1) {
            let v = parse_number(c);
            if v.is_some() {
                any_value = true;
                decimals_shown = decimals_shown.max(decimals(c));
                all_percent &= c.trim_end().ends_with('%');
            } else if !c.is_empty() && c != "-" && c != "–" {
                warnings.push(format!(
                    "rad {}: ”{}” i tabellen ”{}” är inget tal",
                    l.no,
                    c,
                    title.as_deref().unwrap_or("")
                ));
            }
            values.push(v);
        }
        while values.len() > width && values.last() == Some(&None) {
            values.pop();
        }
        if values.len() > width {
            warnings.push(format!(
                "rad {}: ”{}” har {} värden men tabellen har {} kolumner; de sista togs bort",
                l.no,
                label_raw,
                values.len(),
                width
            ));
            values.truncate(width);
        }
        values.resize(width, None);
        if values.iter().all(Option::is_none) && rows.is_empty() && total.is_none() {
            // A label-only first row names the label column ("Verksamheter, tusental kronor").
            if header.first().is_some_and(|h| h.is_empty()) {
                if let Some(h) = header.first_mut() {
                    *h = label_raw.clone();
                }
            }
            unit = unit.or_else(|| unit_in(&label_raw));
            j += 1;
            continue;
        }
        let (kind, label) = row_kind(&label_raw);
        let row = FollowUpRow {
            label,
            kind: kind.to_string(),
            values,
            children: Vec::new(),
        };
        if kind == "row" && is_total(&row.label) {
            if let Some(prev) = total.replace(row) {
                rows.push(prev);
            }
        } else {
            place(&mut rows, row, l.no, warnings);
        }
        j += 1;
    }
    if unit.is_none() {
        unit = section_unit(lines, i, to);
    }
    if unit.is_none() && any_value && all_percent {
        unit = Some("%");
    }
    let table = FollowUpTable {
        section: "ekonomi".to_string(),
        title,
        unit: unit.map(str::to_string),
        header,
        rows,
        total,
        decimals: decimals_shown,
        line: head.no,
    };
    (table, j)
}

fn empty_table(i: usize) -> FollowUpTable {
    FollowUpTable {
        title: None,
        unit: None,
        header: Vec::new(),
        rows: Vec::new(),
        total: None,
        decimals: 0,
        section: "ekonomi".to_string(),
        line: i + 1,
    }
}

/// The report section a heading names: "Ekonomi", "Investeringar", "Kvantiteter",
/// "Medarbetare", "Personalstatistik".
fn section_named(heading: &str) -> Option<&'static str> {
    match heading.to_lowercase().as_str() {
        "ekonomi" | "investeringar" => Some("ekonomi"),
        "kvantiteter" => Some("kvantiteter"),
        "medarbetare" | "personalstatistik" => Some("medarbetare"),
        _ => None,
    }
}

/// "Summa …", "Totalt …", "Total", "Alla", "Alla kön".
fn is_total(label: &str) -> bool {
    let l = label.to_lowercase();
    ["summa", "totalt", "total", "alla"]
        .iter()
        .any(|w| l == *w || l.starts_with(&format!("{w} ")))
}

/// "-varav x" → ("varav", "x"); "- x" → ("part", "x"); "varav x" → ("varav", "x").
fn row_kind(label: &str) -> (&'static str, String) {
    let t = label.trim();
    let (dashed, rest) = match t.strip_prefix(['-', '–', '−']) {
        Some(r) => (true, r.trim_start()),
        None => (false, t),
    };
    let lower = rest.to_lowercase();
    if lower.starts_with("varav ") || lower == "varav" {
        let l = rest.get(5..).unwrap_or("").trim().to_string();
        return ("varav", l);
    }
    if dashed && !rest.is_empty() {
        return ("part", rest.to_string());
    }
    ("row", t.to_string())
}

/// Puts a row in the hierarchy: parts under the last top-level row, varav rows under the
/// last row that is not a varav (a part, or the top-level row).
fn place(rows: &mut Vec<FollowUpRow>, row: FollowUpRow, line: usize, warnings: &mut Vec<String>) {
    match row.kind.as_str() {
        "part" | "varav" => {
            let Some(parent) = rows.last_mut() else {
                warnings.push(format!(
                    "rad {line}: ”{}” står först i tabellen och har ingen rad att ingå i",
                    row.label
                ));
                rows.push(FollowUpRow {
                    kind: "row".into(),
                    ..row
                });
                return;
            };
            if row.kind == "varav" && parent.children.last().is_some_and(|c| c.kind == "part") {
                if let Some(part) = parent.children.last_mut() {
                    part.children.push(row);
                }
            } else {
                parent.children.push(row);
            }
        }
        _ => rows.push(row),
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::prepare;
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(
            row_kind("-varav personlig assistans"),
            ("varav", "personlig assistans".into())
        );
        assert_eq!(
            row_kind("- varav Extern hemtjänst"),
            ("varav", "Extern hemtjänst".into())
        );
        assert_eq!(row_kind("- Soc ledning"), ("part", "Soc ledning".into()));
        assert_eq!(
            row_kind("8002 - Äldre- och demensbo. LSS, IFO"),
            ("row", "8002 - Äldre- och demensbo. LSS, IFO".into())
        );
        assert!(
            is_total("Summa Resultat")
                && is_total("Alla kön")
                && is_total("Totalt individ och omsorgsutskott")
        );
        assert!(!is_total("Allmänt"));
    }

    #[test]
    fn varav_under_part() {
        let text = "Budget (tkr)\tjan\tfeb\tmars\tDifferens\nHemtjänst\t-3\t-6\t-8\t-2\n- Kommunal\t-1\t-3\t-4\t-1\n- Peng\t-2\t-3\t-4\t-1\n- <i>varav Extern hemtjänst</i>\t-5\t1\t9\t8\nLedning\t1\t2\t3\t1\nSumma\t-2\t-4\t-5\t-1\n";
        let mut w = Vec::new();
        let t = find_tables(&prepare(text), 0, 100, true, &mut w);
        assert_eq!(t.len(), 1, "{w:?}");
        let t = &t[0];
        assert_eq!(t.unit.as_deref(), Some("tkr"));
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].children.len(), 2);
        assert_eq!(t.rows[0].children[1].children[0].label, "Extern hemtjänst");
        assert_eq!(t.rows[0].children[1].children[0].kind, "varav");
        assert_eq!(t.total.as_ref().unwrap().label, "Summa");
    }
}
