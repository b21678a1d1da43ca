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
    /// Index of the entry's last item (its pages, when its cells stand on lines of their own).
    pub end: usize,
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

/// Dot leaders and perhaps the page after a title of a table of contents ("Fastställande av
/// föredragningslista ... 3", "Kastanjen 1 (BND/2021:159) ..").
static LEADERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\.{2,}\s*(?:\d{1,4}(?:\s*[-–]\s*\d{1,4})?)?$").expect("static regex")
});

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
/// than a table cell, and is followed by the next entry. (Not a sentence of three words or
/// more: "godkänna den utsända föredragningslistan." is a short §'s decision after its
/// heading, its subject lost.)
fn continues_title(items: &[Item<'_>], i: usize, run: &[AgendaEntry]) -> bool {
    let (Some(last), Some(it)) = (run.last(), items.get(i)) else {
        return false;
    };
    let t = it.text.trim_white();
    // ("… av behovsutredning för / Samhällsbyggnadsnämnden 2014 10": a title cut after a
    // preposition goes on in capitals.)
    let cut_short = last.title.rsplit(' ').next().is_some_and(|w| {
        matches!(
            w,
            "för" | "och" | "av" | "i" | "till" | "om" | "med" | "på" | "samt" | "inom" | "vid"
        )
    });
    let opens = t
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || cut_short && c.is_uppercase());
    if !opens || t.chars().count() > 120 {
        return false;
    }
    let sentence = t.ends_with('.')
        && !t.ends_with("m.m.")
        && !t.ends_with("m m.")
        && t.split_whitespace().count() >= 3;
    !sentence && next_entry_after(items, i, last)
}

/// A wrapped title's line without the page's number after it ("Samhällsbyggnadsnämnden 2014
/// 10" → "Samhällsbyggnadsnämnden 2014"; one to three digits, not a year).
fn without_page(t: &str) -> &str {
    match t.rsplit_once(' ') {
        Some((head, page))
            if (1..=3).contains(&page.len()) && page.bytes().all(|b| b.is_ascii_digit()) =>
        {
            head.trim_end()
        }
        _ => t,
    }
}

/// Whether the next line after `items[i]` that is not blank is an entry numbered after `last`.
fn next_entry_after(items: &[Item<'_>], i: usize, last: &AgendaEntry) -> bool {
    let next = (i + 1..items.len()).find(|&j| items.get(j).is_some_and(|x| !x.is_blank()));
    next.and_then(|j| items.get(j))
        .and_then(|x| parse_entry(x.text))
        .is_some_and(|(n, _, _)| n > last.number)
}

/// A line of a list of entries on lines of their own that is no entry: a page cell, or a
/// short title whose number was lost, followed within two lines by a page cell or an entry.
fn loose_cell(items: &[Item<'_>], i: usize) -> bool {
    let Some(t) = items.get(i).map(|it| it.text.trim_white()) else {
        return false;
    };
    if PAGES_CELL.is_match(t) {
        return true;
    }
    if t.starts_with('§') || t.chars().count() > 120 {
        return false;
    }
    items
        .iter()
        .skip(i + 1)
        .filter(|x| !x.is_blank())
        .take(2)
        .any(|x| {
            let n = x.text.trim_white();
            PAGES_CELL.is_match(n) || bare_number(n).is_some()
        })
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

/// "§ 252" alone on its line.
fn bare_number(text: &str) -> Option<u32> {
    let t = text.trim_white();
    let n = t.strip_prefix('§')?.trim_start();
    (!n.is_empty() && n.len() <= 4 && n.chars().all(|c| c.is_ascii_digit()))
        .then(|| n.parse().ok())
        .flatten()
}

/// An entry whose cells stand on lines of their own, as a table of contents comes out of a
/// PDF without layout ("§ 252", "Information om Luleå Energi AB:s verksamhet", "6"): the
/// number alone, then up to three lines of title, then the pages; or, once the list is
/// running, the title up to the next entry. Its number, title and last item.
fn entry_on_lines(items: &[Item<'_>], i: usize, running: bool) -> Option<(u32, String, usize)> {
    let number = bare_number(items.get(i)?.text)?;
    let mut title: Vec<&str> = Vec::new();
    let mut j = i + 1;
    while let Some(it) = items.get(j) {
        let t = it.text.trim_white();
        if it.is_blank() {
            j += 1;
            continue;
        }
        if PAGES_CELL.is_match(t) {
            return (!title.is_empty()).then(|| (number, title.join(" "), j));
        }
        if t.starts_with('§') || title.len() == 3 || t.chars().count() > 120 {
            break;
        }
        // ("Fastställande av föredragningslista ... 3": the leaders and the page end it.)
        if let Some(m) = LEADERS.find(t) {
            title.push(&t[..m.start()]);
            return Some((number, title.join(" "), j));
        }
        title.push(t);
        j += 1;
    }
    // (Ended otherwise than by pages: only inside a running list; what follows the title is
    // left to `loose_cell`.)
    (running && !title.is_empty()).then(|| (number, title.join(" "), j - 1))
}

/// Finds the first run of at least three consecutive "§ N Title" lines with
/// increasing numbers and nothing else between them but wrapped titles: that is an agenda, not
/// a set of headings (real headings are separated by text).
pub fn find_agenda(items: &[Item<'_>]) -> Vec<AgendaEntry> {
    let mut run: Vec<AgendaEntry> = Vec::new();
    // The last item of an entry whose cells stood on lines of their own, and whether the run
    // is of such entries.
    let mut consumed: Option<usize> = None;
    let mut on_lines_run = false;
    for (i, it) in items.iter().enumerate() {
        if it.is_blank() || consumed.is_some_and(|c| i <= c) {
            continue;
        }
        let on_lines = entry_on_lines(items, i, !run.is_empty());
        if let Some((number, title, last)) = on_lines {
            if run.last().is_none_or(|l| number > l.number) {
                run.push(AgendaEntry {
                    number,
                    title,
                    case_number: None,
                    item: i,
                    end: last,
                });
                consumed = Some(last);
                on_lines_run = true;
                continue;
            }
        }
        // A page cell alone, or a title that lost its number, inside a list of entries on
        // lines of their own ("Verksamhet riktad till hemlösa", "37 - 38").
        if on_lines_run && !run.is_empty() && loose_cell(items, i) {
            if let Some(last) = run.last_mut() {
                last.end = i;
            }
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
                    end: i,
                });
            }
            None if continues_title(items, i, &run) => {
                if let Some(last) = run.last_mut() {
                    last.title.push(' ');
                    last.title.push_str(without_page(it.text.trim_white()));
                    last.end = i;
                }
            }
            None if groups_entries(items, i, &run) => {}
            _ => {
                if run.len() >= 3 {
                    return run;
                }
                run.clear();
                on_lines_run = false;
                if let Some((number, title, case_number)) = parse_entry(it.text) {
                    run.push(AgendaEntry {
                        number,
                        title,
                        case_number,
                        item: i,
                        end: i,
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

    /// The agenda found in `text`, its lines read as the parser reads them.
    fn agenda_of(text: &str) -> Vec<AgendaEntry> {
        let lines = crate::lines::split_lines(text);
        let flags = vec![false; lines.len()];
        find_agenda(&crate::stream::build(&lines, &flags))
    }

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
        let agenda = agenda_of(
            "§8        Yttrande gällande fordonsstrategi      2023/203    8\n\
             §9        Yttrande – rörande granskning av nämndernas och bolagens systematiska    2023/228    9\n\
             \x20         informationssäkerhet\n\
             § 10      Yttrande – rörande granskning av krisberedskap    2023/227    10\n\
             § 11      Rapport om kontaktpersoner     2023/253    11\n",
        );
        let numbers: Vec<u32> = agenda.iter().map(|e| e.number).collect();
        assert_eq!(numbers, [8, 9, 10, 11]);
        assert_eq!(
            agenda.get(1).map(|e| e.title.as_str()),
            Some("Yttrande – rörande granskning av nämndernas och bolagens systematiska informationssäkerhet")
        );
    }

    /// Sixth held-out 603 (Hylte): a title cut after a preposition goes on in capitals on the
    /// next line, its page's number after it ("§ 28 Förslag till tillsynsplan och fastställelse
    /// av behovsutredning för / Samhällsbyggnadsnämnden 2014 10").
    #[test]
    fn a_title_cut_after_a_preposition_keeps_the_agenda_running() {
        let agenda = agenda_of(
            "Ärendelista sida\n\n§ 26 Bokslut 2012 - återremiss av handlingsplan 7\n\n§ 27 VA-planering av avlopp inom Hylte kommun (2012 TSN0012) 8\n\n§ 28 Förslag till tillsynsplan och fastställelse av behovsutredning för\n\nSamhällsbyggnadsnämnden 2014 10\n\n§ 29 Revidering av Plan 12\n",
        );
        let numbers: Vec<u32> = agenda.iter().map(|e| e.number).collect();
        assert_eq!(numbers, [26, 27, 28, 29]);
        assert_eq!(
            agenda.get(2).map(|e| e.title.as_str()),
            Some("Förslag till tillsynsplan och fastställelse av behovsutredning för Samhällsbyggnadsnämnden 2014")
        );
    }

    /// Thirty-fourth held-out 3402 (Landstinget Halland): short §§ whose decisions lost their
    /// subject ("utse Dan Skantz att …") are headings with their text, no agenda; a title that
    /// wraps in small letters still keeps an agenda running (above).
    #[test]
    fn short_decisions_between_headings_are_no_wrapped_titles() {
        assert!(agenda_of(
            "§ 17 Justering
utse Dan Skantz att jämte ordföranden justera protokollet.
             § 18 Godkännande av föredragningslista
godkänna den utsända föredragningslistan.
             § 19 Anmälan av inkomna/utgående skrivelser
notera skrivelserna till protokollet.
",
        )
        .is_empty());
    }

    /// Thirty-fifth held-out 3511 (Solna): a table of contents whose numbers stand alone, each
    /// title ending in dot leaders and its page.
    #[test]
    fn entries_with_dot_leaders() {
        let agenda = agenda_of(
            "§ 79\n\nFastställande av föredragningslista ... 3\n\n§ 80\n\nDetaljplan för kv. Blåmesen m.fl. (BND/2019:201) ... 4\n\n§ 81\n\nBygglov för ändring av fasadkulör samt ändring av balkonger, flerbostadshus,\n\nKastanjen 1 (BND/2021:159) ..\n",
        );
        let got: Vec<(u32, &str)> = agenda
            .iter()
            .map(|e| (e.number, e.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (79, "Fastställande av föredragningslista"),
                (80, "Detaljplan för kv. Blåmesen m.fl. (BND/2019:201)"),
                (
                    81,
                    "Bygglov för ändring av fasadkulör samt ändring av balkonger, flerbostadshus, Kastanjen 1 (BND/2021:159)"
                ),
            ]
        );
    }

    /// Twenty-first held-out 2108 (Luleå): a table of contents whose cells stand on lines of
    /// their own, one title without its number, and the text cut in the last title.
    #[test]
    fn entries_on_lines_of_their_own() {
        let text = "INNEHÅLLSFÖRTECKNING\nParagrafer\nÄrenden\nSida\n§ 252\nInformation om Luleå Energi AB:s verksamhet\n6\n\
                    § 253\nMeddelanden kommunstyrelsen 2016-11-07\n7 - 11\n§ 262\nMedborgarförslag om kvällstrafik Luleå - Bensbyvägen/Örarna - Råneå\n\
                    under fredag och lördag\nVerksamhet riktad till hemlösa\n33 - 34\n37 - 38\n§ 266\n\
                    Samverkansavtal mellan Kalix kommun och kommunerna i Norrbottens\nlän efter beslut om ändrad huvudman\n\
                    § 267\nFinansiering från Europeiska socialfonden till projekt workplace Luleå 2.0\n46 - 47\n\
                    § 268\nArbetsmarknadsförvaltningens verksamhetsplan 2017-20\n";
        let agenda = agenda_of(text);
        let numbers: Vec<u32> = agenda.iter().map(|e| e.number).collect();
        assert_eq!(numbers, [252, 253, 262, 266, 267, 268]);
        assert_eq!(
            agenda.first().map(|e| e.title.as_str()),
            Some("Information om Luleå Energi AB:s verksamhet")
        );
        // Headings with their text between them are no list.
        let text = "§ 12\nRapport om budget\nNämnden beslutar att godkänna rapporten och lägga den till handlingarna efter att ha fått information.\n\
                    Beslutet skickas till ekonomikontoret.\n§ 13\nÖvriga frågor\nInga övriga frågor anmäldes vid dagens sammanträde.\n\
                    § 14\nMeddelanden\nMeddelandena läggs till handlingarna.\n";
        assert!(agenda_of(text).is_empty());
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
        assert!(agenda_of(text).is_empty());
    }
}
