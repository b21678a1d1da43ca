//! The *ärendelista* (list of items with § number, title, Dnr and pages)
//! that some protocols print after the cover page (seed 004 lines 18–38).

use crate::stream::Item;
use crate::text::{LineRest, TrimWhite};
use regex::Regex;
use std::sync::LazyLock;

/// One row of the *ärendelista*.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaEntry {
    pub number: u32,
    pub title: String,
    pub case_number: Option<String>,
    /// Index into the item stream.
    pub item: usize,
}

/// "§ N", a separator and the title with its other cells.
static ENTRY: LazyLock<LineRest> =
    LazyLock::new(|| LineRest::new(r"^§\s*(\d{1,4})(?:\t+|\s{2,}|\s*[-–:.]\s+|\s+)", true));
static CASE_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:dnr\.?\s*:?\s*)?[\p{L}]{0,8}[ .]?\d{2,4}[/.:-]\d{1,6}(?:[ .:-]\d{1,6})?$")
        .expect("static regex")
});
static PAGES_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,4}(?:\s*[-–]\s*\d{1,4})?$").expect("static regex"));

fn parse_entry(text: &str) -> Option<(u32, String, Option<String>)> {
    let t = text.trim_white();
    // Every entry starts with the paragraph sign: most lines are out at once.
    if !t.starts_with('§') {
        return None;
    }
    // "§ 64/20 Nytt bidragsreglemente …": the number with its year after a slash.
    if let Some(without) = crate::segment::without_year_suffix(t) {
        return parse_entry(&without);
    }
    let (c, rest) = ENTRY.captures(t)?;
    let number: u32 = c.get(1)?.as_str().parse().ok()?;
    let cells: Vec<&str> = if rest.contains('\t') {
        rest.split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect()
    } else {
        rest.split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect()
    };
    let title = (*cells.first()?).to_string();
    let mut case_number = None;
    for cell in cells.iter().skip(1) {
        if PAGES_CELL.is_match(cell) {
            continue;
        }
        if CASE_CELL.is_match(cell) && case_number.is_none() {
            let cleaned = cell
                .strip_prefix("Dnr")
                .or_else(|| cell.strip_prefix("dnr"))
                .map(|s| s.trim_start_matches(['.', ':', ' ']));
            case_number = Some(cleaned.unwrap_or(cell).to_string());
        }
    }
    Some((number, title, case_number))
}

/// A line inside a running agenda that is not an entry of its own but the
/// wrapped rest of the previous title: it starts in lower case, is no longer
/// than a table cell, and is followed by the next entry.
fn continues_title(items: &[Item<'_>], i: usize, run: &[AgendaEntry]) -> bool {
    let (Some(last), Some(it)) = (run.last(), items.get(i)) else {
        return false;
    };
    let t = it.text.trim_white();
    if !t.chars().next().is_some_and(char::is_lowercase) || t.chars().count() > 120 {
        return false;
    }
    next_entry_after(items, i, last)
}

/// Whether the next line after `items[i]` that is not blank is an entry numbered after `last`.
fn next_entry_after(items: &[Item<'_>], i: usize, last: &AgendaEntry) -> bool {
    let next = (i + 1..items.len()).find(|&j| items.get(j).is_some_and(|x| !x.is_blank()));
    next.and_then(|j| items.get(j))
        .and_then(|x| parse_entry(x.text))
        .is_some_and(|(n, _, _)| n > last.number)
}

/// A line inside a running agenda that heads a group of its entries ("Beslutspunkter",
/// "Informationsärenden", "Övriga ärenden"): at most three words, the last naming items or
/// points, not "Inga ärenden", and followed by the next entry.
fn groups_entries(items: &[Item<'_>], i: usize, run: &[AgendaEntry]) -> bool {
    let (Some(last), Some(it)) = (run.last(), items.get(i)) else {
        return false;
    };
    let t = it.text.trim_white().trim_end_matches(':');
    let words: Vec<&str> = t.split_whitespace().collect();
    // (Not a §'s whole text: "Inga ärenden", "Inget att anmäla".)
    let group = words.len() <= 3
        && t.chars().next().is_some_and(char::is_uppercase)
        && !matches!(words.first(), Some(&("Inga" | "Inget" | "Ingen")))
        && words.last().is_some_and(|w| {
            let w = w.to_lowercase();
            w.ends_with("ärenden") || w.ends_with("punkter")
        });
    group && next_entry_after(items, i, last)
}

/// Finds the first run of at least three consecutive "§ N Title" lines with
/// increasing numbers and nothing else between them but wrapped titles: that is an agenda, not
/// a set of headings (real headings are separated by text).
pub fn find_agenda(items: &[Item<'_>]) -> Vec<AgendaEntry> {
    let mut run: Vec<AgendaEntry> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if it.is_blank() {
            continue;
        }
        match parse_entry(it.text) {
            Some((number, title, case_number))
                if run.last().is_none_or(|last| number > last.number) =>
            {
                run.push(AgendaEntry {
                    number,
                    title,
                    case_number,
                    item: i,
                });
            }
            None if continues_title(items, i, &run) => {
                if let Some(last) = run.last_mut() {
                    last.title.push(' ');
                    last.title.push_str(it.text.trim_white());
                }
            }
            None if groups_entries(items, i, &run) => {}
            _ => {
                if run.len() >= 3 {
                    return run;
                }
                run.clear();
                if let Some((number, title, case_number)) = parse_entry(it.text) {
                    run.push(AgendaEntry {
                        number,
                        title,
                        case_number,
                        item: i,
                    });
                }
            }
        }
    }
    if run.len() >= 3 {
        run
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_entry() {
        let e = parse_entry("§ 2\tBudgetuppföljning januari - november 2023\t2022/1\t4 - 5");
        assert_eq!(
            e,
            Some((
                2,
                "Budgetuppföljning januari - november 2023".into(),
                Some("2022/1".into())
            ))
        );
        let e = parse_entry("§ 1\tÄndring i föredragningslistan\t\t3");
        assert_eq!(e, Some((1, "Ändring i föredragningslistan".into(), None)));
        let e = parse_entry("§ 12  Rapport  Dnr SN 2023/45  7");
        assert_eq!(e, Some((12, "Rapport".into(), Some("SN 2023/45".into()))));
    }

    #[test]
    fn a_wrapped_title_keeps_the_agenda_running() {
        let lines = crate::lines::split_lines(
            "§8        Yttrande gällande fordonsstrategi      2023/203    8\n\
             §9        Yttrande – rörande granskning av nämndernas och bolagens systematiska    2023/228    9\n\
             \x20         informationssäkerhet\n\
             § 10      Yttrande – rörande granskning av krisberedskap    2023/227    10\n\
             § 11      Rapport om kontaktpersoner     2023/253    11\n",
        );
        let flags = vec![false; lines.len()];
        let items = crate::stream::build(&lines, &flags);
        let agenda = find_agenda(&items);
        let numbers: Vec<u32> = agenda.iter().map(|e| e.number).collect();
        assert_eq!(numbers, [8, 9, 10, 11]);
        assert_eq!(
            agenda.get(1).map(|e| e.title.as_str()),
            Some("Yttrande – rörande granskning av nämndernas och bolagens systematiska informationssäkerhet")
        );
    }

    /// Held-out 110 (Nynäshamn): the contents group their entries under headings; the
    /// number carries the year after a slash.
    #[test]
    fn group_headings_keep_the_agenda_running() {
        let text = "Innehållsförteckning\n\n§ 63/20 Fastställande av dagordning\n\nBeslutspunkter\n\n\
                    § 64/20 Nytt bidragsreglemente för Nynäshamns kommun\n\n\
                    § 65/20 Kulturprogram för Nynäshamns kommun, 2021-2024\n\nInformationsärenden\n\n\
                    § 66/20 Övriga frågor\n\nSocialnämnden beslutar\n\n§ 67/20 Fel\n";
        let lines = crate::lines::split_lines(text);
        let flags = vec![false; lines.len()];
        let items = crate::stream::build(&lines, &flags);
        let numbers: Vec<u32> = find_agenda(&items).iter().map(|e| e.number).collect();
        assert_eq!(numbers, [63, 64, 65, 66]);
        // A §'s whole text "Inga ärenden" between headings is no group of an agenda.
        let text = "§ 14 Delegationsbeslut\nInga ärenden\n§ 15 Meddelanden\nInga ärenden\n\
                    § 16 Övriga frågor\nInga frågor.\n";
        let lines = crate::lines::split_lines(text);
        let flags = vec![false; lines.len()];
        let items = crate::stream::build(&lines, &flags);
        assert!(find_agenda(&items).is_empty());
    }
}
