//! One paragraph (§): title, case number, and its sections — narrative text,
//! *Förslag till beslut*, *Beslut*, *Yrkande/Behandling*, *Beslutsunderlag*,
//! *Beslutet skickas till* — plus tables. Text after a dispatch list that
//! cannot be a recipient (an attached report) goes back to the text.

use crate::agenda::AgendaEntry;
use crate::labels::{case_number, label, Section};
use crate::model::Paragraph;
use crate::segment::Segment;
use crate::stream::{blanks_before, Item};
use crate::tables;
use crate::text::{is_list_item, join_text, join_wrapped, Piece, TrimWhite};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Longest plausible recipient or document line, after joining continuations.
const MAX_ITEM: usize = 150;

static CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9/.:_-]*\d[A-ZÅÄÖ0-9/.:_-]*$").expect("static regex")
});
static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-–•]\s*|\d{1,2}[.)]\s+|[a-zA-Z][.)]\s+)").expect("static regex")
});
static CLOSED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:sekretess|enskild[ae]? ärenden?|enskilt ärende|individärenden?|sekretessärenden?|ärenden? enligt (?:sol|lvu|lvm|lss))").expect("static regex")
});
static CLOSED_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)sekretessprotokoll|sekretessbelag|omfattas av sekretess|26 kap\.? 1 § (?:osl|offentlighets)|protokollförs i (?:särskilt|separat)").expect("static regex")
});

/// An item of a list section with the raw lines it came from.
struct ListItem<'a> {
    text: String,
    raw: Vec<Piece<'a>>,
}

#[derive(Default)]
struct Collect<'a> {
    text: Vec<Piece<'a>>,
    decision: Vec<Piece<'a>>,
    proposal: Vec<Piece<'a>>,
    proceedings: Vec<Piece<'a>>,
    documents: Vec<ListItem<'a>>,
    send_to: Vec<ListItem<'a>>,
    saw_decision: bool,
    saw_proposal: bool,
}

fn strip_marker(s: &str) -> String {
    let t = LIST_MARKER.replace(s.trim_white(), "");
    t.trim_white()
        .trim_end_matches([',', ';'])
        .trim_white()
        .to_string()
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// "a. Förskola Gotland 2010", "b) …": an item of a lettered list, which opens with a small
/// letter but does not continue the line above it.
fn lettered_item(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some_and(|x| x.is_ascii_lowercase())
        && c.next().is_some_and(|x| matches!(x, '.' | ')'))
        && c.next().is_some_and(char::is_whitespace)
}

fn next_non_blank(items: &[Item<'_>], from: usize, to: usize) -> Option<usize> {
    (from..to).find(|&j| items.get(j).is_some_and(|it| !it.is_blank()))
}

fn ends_terminal(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', ':', ';'])
}

/// Parses the items of one segment into a [`Paragraph`].
pub fn parse(
    items: &[Item<'_>],
    seg: &Segment,
    agenda: Option<&AgendaEntry>,
    body: &str,
) -> Paragraph {
    let end = seg.end.min(items.len());
    let mut case = if seg.start < seg.head {
        items.get(seg.start).and_then(|it| case_number(it.text))
    } else {
        None
    };
    let mut cursor = seg.head + 1;
    // "§ 115 Rubrik      Dnr KS/2025:26": a case number set right of the heading.
    let mut seg_title = seg.heading_title.clone();
    if let Some((t, c)) = seg_title.as_deref().and_then(split_trailing_dnr) {
        case = case.or(Some(c));
        seg_title = Some(t);
    }
    // "§ 13 Dnr SN 2024/17": the case number on the heading line, title below.
    let bare_case = seg_title.as_deref().and_then(bare_case_line);
    let heading_title = match &seg_title {
        // "MYN § 19 Dnr 0015/13 - 200 DELGIVNINGAR MYN 2013-04-04": the title after the case
        // number on the heading line.
        Some(t) if case_number(t).is_some() => match case_then_title(t) {
            Some((c, title)) => {
                case = case.or(Some(c));
                Some(title)
            }
            None => {
                case = case.or_else(|| case_number(t));
                Some(String::new())
            }
        },
        // "KS § 80 KS/2018:298 - 001": a case number without "Dnr" on the heading line.
        Some(_) if bare_case.is_some() => {
            case = case.or(bare_case);
            Some(String::new())
        }
        other => other.clone(),
    };
    // What followed the title on its line, when the line ran on into the text.
    let mut title_rest: Option<&str> = None;
    let mut title = match &heading_title {
        Some(t) if !t.is_empty() => t.clone(),
        Some(_) => {
            let mut title = String::new();
            for _ in 0..2 {
                let Some(j) = next_non_blank(items, cursor, end) else {
                    break;
                };
                let t = items.get(j).map_or("", |it| it.text.trim_white());
                // (Also a case number without "Dnr" on a line of its own: "§ 36" /
                // "2015/FF0073" / the title.)
                if case.is_none() {
                    if let Some(c) = case_number(t).or_else(|| bare_case_line(t)) {
                        case = Some(c);
                        cursor = j + 1;
                        continue;
                    }
                }
                if label(t).is_none() && !tables::is_tab_line(t) {
                    // "Godkännande av dagordning Kommunfullmäktiges beslut Dagordningen
                    // godkännes.": a title line that runs on into the § text.
                    let (head, rest) = title_and_text(t);
                    title = head.to_string();
                    title_rest = rest;
                    cursor = j + 1;
                }
                break;
            }
            title
        }
        None => items
            .get(seg.head)
            .map_or(String::new(), |it| it.text.trim_white().to_string()),
    };
    // Title continued on the next line(s).
    for _ in 0..3 {
        let Some(j) = next_non_blank(items, cursor, end) else {
            break;
        };
        let raw = items.get(j).map_or("", |it| it.text.trim_white());
        let split = split_trailing_dnr(raw);
        let t = split.as_ref().map_or(raw, |(t, _)| t.as_str());
        if title_rest.is_some() {
            break;
        }
        let dangling = title.ends_with(['–', '-', '—', ',']);
        let lower_cont = starts_lowercase(t)
            && !lettered_item(t)
            && !ends_terminal(&title)
            && t.chars().count() <= 150;
        // "… januari-februari" / "2015": the title's year wrapped onto a line of its own.
        let year_cont = t.len() == 4
            && (t.starts_with("19") || t.starts_with("20"))
            && t.bytes().all(|b| b.is_ascii_digit())
            && !ends_terminal(&title)
            && !title.ends_with(|c: char| c.is_ascii_digit());
        // A title wraps onto the next line of the page; what a flattened page was cut into
        // after its heading (the same input line) is text.
        let same_input_line = items.get(j).map(|it| it.no) == items.get(seg.head).map(|it| it.no);
        if (dangling || lower_cont || year_cont)
            && !same_input_line
            && label(t).is_none()
            && case_number(t).is_none()
            && !tables::is_tab_line(t)
            && !title.is_empty()
        {
            title.push(' ');
            title.push_str(t);
            cursor = j + 1;
            if let Some((_, c)) = split {
                case = case.or(Some(c));
            }
        } else {
            break;
        }
    }
    // "… medborgardialogen i staden (TND/2021:998)": the case's number in parentheses after
    // the title, a register's code and the year before a slash.
    if case.is_none() {
        let split = title
            .strip_suffix(')')
            .and_then(|t| t.rsplit_once(" ("))
            .filter(|(_, inner)| {
                // ("… i Jämtlands läns landsting (LS 20/2007)": the register's code before a
                // space.)
                let number = match inner.split_once(' ') {
                    Some((code, n))
                        if (2..=5).contains(&code.len())
                            && code.bytes().all(|b| b.is_ascii_uppercase()) =>
                    {
                        format!("{code}{n}")
                    }
                    _ => inner.to_string(),
                };
                number.contains('/')
                    && !number.contains(' ')
                    && crate::unflatten::bare_case_number(&number)
            })
            .map(|(head, inner)| (head.trim_end().to_string(), inner.to_string()));
        if let Some((head, c)) = split {
            title = head;
            case = Some(c);
        }
    }
    if case.is_none() {
        if let Some(j) = next_non_blank(items, cursor, end) {
            if let Some(c) = items.get(j).and_then(|it| case_number(it.text)) {
                case = Some(c);
                cursor = j + 1;
            }
        }
    }
    if case.is_none() {
        case = agenda.and_then(|a| a.case_number.clone());
    }
    if title.is_empty() {
        title = agenda.map_or(String::new(), |a| a.title.clone());
    }

    // Tables.
    let blocks = tables::find_blocks(items, cursor, end);
    let mut in_table: HashSet<usize> = HashSet::new();
    let mut tables_out = Vec::new();
    for (a, b) in &blocks {
        in_table.extend(*a..=*b);
        tables_out.push(tables::build(
            items,
            *a,
            *b,
            tables::caption(items, *a, cursor),
        ));
    }

    let mut c = Collect::default();
    let mut state = Section::Text;
    let lines = title_rest
        .map(|text| Piece {
            text,
            hard_break: false,
        })
        .into_iter()
        .chain((cursor..end).filter_map(|i| {
            let it = items.get(i)?;
            (!it.is_blank() && !in_table.contains(&i)).then(|| Piece {
                text: it.text.trim_white(),
                hard_break: blanks_before(items, i) >= 2,
            })
        }));
    for piece in lines {
        let Piece { text, hard_break } = piece;
        if let Some((section, value)) = label(text) {
            state = section;
            match section {
                Section::Text => c.text.push(piece),
                Section::Decision => c.saw_decision = true,
                Section::Proposal => c.saw_proposal = true,
                _ => {}
            }
            if let Some(v) = value {
                // Keep the value text alive: it is a sub-slice of the item text.
                let start = text.len().saturating_sub(v.len());
                let vtext = text.get(start..).unwrap_or(text);
                let vp = Piece {
                    text: vtext,
                    hard_break: false,
                };
                match section {
                    Section::Decision => c.decision.push(vp),
                    Section::Proposal => c.proposal.push(vp),
                    Section::Proceedings => c.proceedings.push(vp),
                    Section::Documents => c.documents.push(ListItem {
                        text: strip_marker(vtext),
                        raw: vec![vp],
                    }),
                    Section::SendTo => c.send_to.push(ListItem {
                        text: strip_marker(vtext),
                        raw: vec![vp],
                    }),
                    Section::Text => {}
                }
            }
            continue;
        }
        // Tab lines that are not part of a table are plain text.
        state = match state {
            Section::Text => {
                c.text.push(piece);
                Section::Text
            }
            Section::Decision | Section::Proposal | Section::Proceedings if hard_break => {
                c.text.push(piece);
                Section::Text
            }
            Section::Decision => {
                c.decision.push(piece);
                state
            }
            Section::Proposal => {
                c.proposal.push(piece);
                state
            }
            Section::Proceedings => {
                c.proceedings.push(piece);
                state
            }
            Section::Documents | Section::SendTo => {
                let list = if state == Section::Documents {
                    &mut c.documents
                } else {
                    &mut c.send_to
                };
                match push_list_line(list, piece) {
                    ListStep::Accepted => state,
                    step => {
                        // Not a list line: the list has ended (an attachment follows).
                        if step == ListStep::EndDropLast {
                            if let Some(item) = list.pop() {
                                c.text.extend(item.raw);
                            }
                        }
                        c.text.push(piece);
                        Section::Text
                    }
                }
            }
        };
    }

    let mut text_paras = join_wrapped(&c.text, true);
    let mut decision = if c.decision.is_empty() {
        None
    } else {
        Some(join_text(&c.decision, true))
    };
    if decision.is_none() && !c.saw_decision {
        decision = decision_from_text(&mut text_paras, body);
    }
    let proposal = if c.proposal.is_empty() {
        None
    } else {
        Some(join_text(&c.proposal, true))
    };
    let proceedings = if c.proceedings.is_empty() {
        None
    } else {
        Some(join_text(&c.proceedings, false))
    };
    let text = text_paras.join("\n");
    let closed = CLOSED_TITLE.is_match(&title) || CLOSED_TEXT.is_match(&text);
    Paragraph {
        number: seg.number,
        title,
        agenda_title: agenda.map(|a| a.title.clone()),
        case_number: case,
        text,
        proposal,
        decision,
        proceedings,
        documents: c
            .documents
            .into_iter()
            .map(|d| d.text)
            .filter(|d| !d.is_empty())
            .collect(),
        send_to: c
            .send_to
            .into_iter()
            .map(|d| d.text)
            .filter(|d| !d.is_empty())
            .collect(),
        tables: tables_out,
        closed,
        line: items.get(seg.head).map_or(0, |it| it.no),
    }
}

/// What one line did to a list section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListStep {
    Accepted,
    /// The line ends the list.
    End,
    /// The line ends the list, and the item before it was not a list item
    /// either (it grew too long to be a recipient or a document).
    EndDropLast,
}

/// Adds one line to a list section.
fn push_list_line<'a>(list: &mut Vec<ListItem<'a>>, piece: Piece<'a>) -> ListStep {
    let t = piece.text;
    if piece.hard_break || t.chars().count() > MAX_ITEM {
        return ListStep::End;
    }
    let continuation =
        !list.is_empty() && !is_list_item(t) && (starts_lowercase(t) || CODE.is_match(t));
    if continuation {
        let Some(last) = list.last_mut() else {
            return ListStep::End;
        };
        let joined = format!("{} {}", last.text, strip_marker(t));
        if joined.chars().count() > MAX_ITEM {
            return ListStep::EndDropLast;
        }
        last.text = joined.trim_end_matches([',', ';']).to_string();
        last.raw.push(piece);
        return ListStep::Accepted;
    }
    list.push(ListItem {
        text: strip_marker(t),
        raw: vec![piece],
    });
    ListStep::Accepted
}

/// Without a *Beslut* label: a text paragraph naming the body and "beslutar"
/// ("Individ- och omsorgsutskottet beslutar att …"), with its att-clauses.
fn decision_from_text(paras: &mut Vec<String>, body: &str) -> Option<String> {
    let body_lower = body.to_lowercase();
    let stem = body_lower
        .get(..body_lower.len().saturating_sub(2))
        .unwrap_or(&body_lower)
        .to_string();
    // The subject is tested on the paragraph's first words only; the whole paragraph is
    // lowered only when it could be the decision.
    let longest = stem.chars().count().max("utskottet".len());
    let pos = paras.iter().position(|p| {
        let head: String = p
            .chars()
            .take(longest)
            .flat_map(char::to_lowercase)
            .collect();
        let subject = !stem.is_empty() && head.starts_with(&stem)
            || head.starts_with("nämnden")
            || head.starts_with("utskottet")
            || head.starts_with("styrelsen");
        subject && {
            let l = p.to_lowercase();
            l.contains(" beslutar") || l.contains(" beslöt")
        }
    })?;
    let mut end = pos + 1;
    while paras
        .get(end)
        .is_some_and(|p| p.starts_with("att ") || is_list_item(p))
    {
        end += 1;
    }
    let taken: Vec<String> = paras.drain(pos..end).collect();
    Some(taken.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_with_continuations() {
        let mut list = Vec::new();
        for (t, hb) in [
            ("Maria Persson, Socialchef", false),
            (
                "Region Värmland - protokollsutdrag från KS ska efter fattat beslut",
                false,
            ),
            ("skickas till diariet@regionvarmland.se med ämnesrad", false),
            ("RS/250201", false),
        ] {
            assert_eq!(
                push_list_line(
                    &mut list,
                    Piece {
                        text: t,
                        hard_break: hb
                    }
                ),
                ListStep::Accepted
            );
        }
        assert_eq!(list.len(), 2);
        assert_eq!(
            list[1].text,
            "Region Värmland - protokollsutdrag från KS ska efter fattat beslut skickas till diariet@regionvarmland.se med ämnesrad RS/250201"
        );
        assert_eq!(
            push_list_line(
                &mut list,
                Piece {
                    text: "Bilaga",
                    hard_break: true
                }
            ),
            ListStep::End
        );
    }

    #[test]
    fn decision_in_text() {
        let mut p = vec![
            "Bakgrund.".to_string(),
            "Socialnämnden beslutar".to_string(),
            "att godkänna rapporten".to_string(),
            "Övrigt.".to_string(),
        ];
        let d = decision_from_text(&mut p, "Socialnämnden");
        assert_eq!(
            d.as_deref(),
            Some("Socialnämnden beslutar\natt godkänna rapporten")
        );
        assert_eq!(p, ["Bakgrund.", "Övrigt."]);
    }
}

/// A title line that runs on into the § text ("Godkännande av dagordning Kommunfullmäktiges
/// beslut Dagordningen godkännes.", "Allmänhetens frågestund Inga frågor ställs."): the title,
/// ended where a flattened page's title would end, and the text after it. Only a line of more
/// than one sentence's words that ends a sentence is cut; a title alone stays whole.
fn title_and_text(t: &str) -> (&str, Option<&str>) {
    // "Redovisning av delegeringsbeslut – personalärenden Bakgrund": the label of the §'s
    // first part after the title.
    if let Some((head, last)) = t.rsplit_once(' ') {
        if last.starts_with(char::is_uppercase)
            && crate::unflatten::section_word(last)
            && head.split_whitespace().count() >= 2
        {
            return (head.trim_end(), Some(last));
        }
    }
    if !t.ends_with(['.', '!', '?']) || t.split_whitespace().count() < 5 {
        return (t, None);
    }
    let words = crate::persons::words_at(t);
    let bare: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    let end = crate::unflatten::title_end(&bare, 0);
    // "Redovisning av partistöd enl. kommunallagen …": an abbreviation ends no title.
    let abbreviation = end
        .checked_sub(1)
        .and_then(|k| bare.get(k))
        .is_some_and(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 4);
    match words.get(end) {
        // The text after the title opens a sentence ("… för år 2019." ends in a year).
        Some((at, w)) if end >= 2 && !abbreviation && w.starts_with(char::is_uppercase) => (
            t.get(..*at).unwrap_or(t).trim_end(),
            t.get(*at..).filter(|r| !r.is_empty()),
        ),
        _ => (t, None),
    }
}

/// "Dnr 0015/13 - 200 DELGIVNINGAR MYN 2013-04-04" → ("0015/13 - 200", "DELGIVNINGAR"): a
/// case number and the title after it on one line — the case number its words with digits,
/// dashes and short codes, the title from the first word of four letters or more, without a
/// body's code and date repeated at its end. `None` when no title follows.
fn case_then_title(t: &str) -> Option<(String, String)> {
    // What follows the label, as [`case_number`] reads it.
    let value = case_number(t)?;
    let words: Vec<&str> = value.split_whitespace().collect();
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let title_at = words
        .iter()
        .position(|w| letters(w) >= 4 && !w.contains(|c: char| c.is_ascii_digit()))
        .filter(|&k| k > 0)?;
    let case = words[..title_at].join(" ");
    let mut end = words.len();
    // "… MYN 2013-04-04": the running header's code and date.
    if end >= title_at + 3
        && crate::dates::first_date(words[end - 1]).is_some()
        && words[end - 2].chars().all(|c| c.is_uppercase())
    {
        end -= 2;
    }
    let title = words[title_at..end].join(" ");
    (!title.is_empty() && case.contains(|c: char| c.is_ascii_digit())).then_some((case, title))
}

/// "KS/2018:298 - 001": a line that is a case number written without "Dnr", with its
/// archive code after a dash.
fn bare_case_line(t: &str) -> Option<String> {
    let t = t.trim_white();
    let first = t.split_whitespace().next()?;
    let rest = t.get(first.len()..).unwrap_or("").trim_white();
    let code = rest
        .strip_prefix(['-', '–'])
        .map(str::trim_white)
        .is_some_and(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()));
    // "D 2007/036-101": a register's letter, the year and the serial with its archive code.
    let coded = crate::unflatten::is_code(first)
        && first.chars().all(|c| c.is_ascii_uppercase())
        && rest.split_once('/').is_some_and(|(year, serial)| {
            year.len() == 4
                && year.bytes().all(|b| b.is_ascii_digit())
                && !serial.is_empty()
                && serial.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                && serial.starts_with(|c: char| c.is_ascii_digit())
        });
    (crate::unflatten::bare_case_number(first) && (rest.is_empty() || code) || coded)
        .then(|| t.to_string())
}

/// "Rubrik      Dnr KS/2025:26": a case number set to the right of a heading (as Paragraf's
/// own protocols print it, after two or more spaces or a tab) is split off the title.
fn split_trailing_dnr(t: &str) -> Option<(String, String)> {
    let idx = t.rfind("Dnr ")?;
    let (head, tail) = t.split_at(idx);
    // ("§4 Avrapportering av avgivna remissvar / Dnr 2013/0591-1.2.1": after a slash, as a
    // web page of a company's board writes it.)
    let slash = head
        .strip_suffix(" / ")
        .filter(|h| !h.trim_end().is_empty());
    if idx == 0 || !(head.ends_with("  ") || head.ends_with('\t') || slash.is_some()) {
        return None;
    }
    let head = slash.unwrap_or(head);
    // (Also a register's code whose number was lost: "…  Dnr LS".)
    let code = tail
        .strip_prefix("Dnr ")
        .map(str::trim_end)
        .filter(|c| (1..=6).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_uppercase()))
        .map(str::to_string);
    let c = case_number(tail).or(code)?;
    Some((head.trim_end().to_string(), c))
}

#[cfg(test)]
mod trailing_dnr_tests {
    use super::{split_trailing_dnr, title_and_text};

    /// Held-out 3707: the case number after a slash.
    #[test]
    fn a_case_number_after_a_slash() {
        assert_eq!(
            split_trailing_dnr("Avrapportering av avgivna remissvar / Dnr 2013/0591-1.2.1"),
            Some((
                "Avrapportering av avgivna remissvar".to_string(),
                "2013/0591-1.2.1".to_string()
            ))
        );
        assert_eq!(split_trailing_dnr("Ärenden / Dnr saknas"), None);
    }

    /// Second held-out 203: a title line that runs on into the § text.
    #[test]
    fn a_title_line_that_runs_on_into_the_text() {
        assert_eq!(
            title_and_text(
                "Godkännande av dagordning Kommunfullmäktiges beslut Dagordningen godkännes."
            ),
            (
                "Godkännande av dagordning",
                Some("Kommunfullmäktiges beslut Dagordningen godkännes.")
            )
        );
        assert_eq!(
            title_and_text("Allmänhetens frågestund Inga frågor ställs."),
            ("Allmänhetens frågestund", Some("Inga frågor ställs."))
        );
        // An abbreviation ends no title.
        assert_eq!(
            title_and_text("Redovisning av partistöd enl. kommunallagen för år 2019."),
            (
                "Redovisning av partistöd enl. kommunallagen för år 2019.",
                None
            )
        );
        assert_eq!(
            title_and_text("Förslag till nytt regelverk för enskilda vägar i Högsby kommun"),
            (
                "Förslag till nytt regelverk för enskilda vägar i Högsby kommun",
                None
            )
        );
        // Sixth held-out 612 (Norsjö): the label of the §'s first part after the title.
        assert_eq!(
            title_and_text("Redovisning av delegeringsbeslut – personalärenden Bakgrund"),
            (
                "Redovisning av delegeringsbeslut – personalärenden",
                Some("Bakgrund")
            )
        );
        assert_eq!(title_and_text("Bakgrund"), ("Bakgrund", None));
    }

    /// Twelfth held-out 1204: "KS § 80 KS/2018:298 - 001", the title on the next line.
    #[test]
    fn a_case_number_without_dnr_is_no_title() {
        assert_eq!(
            super::bare_case_line("KS/2018:298 - 001").as_deref(),
            Some("KS/2018:298 - 001")
        );
        assert_eq!(
            super::bare_case_line("KS/2018:298").as_deref(),
            Some("KS/2018:298")
        );
        assert_eq!(super::bare_case_line("Budget 2019 - 2021"), None);
        // Sixteenth held-out 1610 (Borås): the year, then the register's letters.
        assert_eq!(
            super::bare_case_line("2015/FF0073").as_deref(),
            Some("2015/FF0073")
        );
        assert_eq!(super::bare_case_line("2015/2016"), None);
        // Twenty-ninth held-out 2901 (Regionförbundet i Kalmar län): "§ 2 D 2007/036-101", a
        // register's letter before the year.
        assert_eq!(
            super::bare_case_line("D 2007/036-101").as_deref(),
            Some("D 2007/036-101")
        );
        assert_eq!(super::bare_case_line("KS 2019 - 2021"), None);
        assert_eq!(super::bare_case_line("A 2019/20 Budget"), None);
        // Fourth held-out 412: the title after the case number on the heading line.
        assert_eq!(
            super::case_then_title("Dnr 0015/13 - 200 DELGIVNINGAR MYN 2013-04-04"),
            Some(("0015/13 - 200".to_string(), "DELGIVNINGAR".to_string()))
        );
        assert_eq!(super::case_then_title("Dnr KS/2025:26"), None);
        assert_eq!(super::case_then_title("Dnr SN 2024/17"), None);
        assert_eq!(
            super::bare_case_line("KS/2018:298 - Motion om skolan"),
            None
        );
    }

    #[test]
    fn a_case_number_right_of_the_heading_is_split_off() {
        assert_eq!(
            split_trailing_dnr("Verksamhets- och budgetuppföljning     Dnr KS/2025:26"),
            Some((
                "Verksamhets- och budgetuppföljning".into(),
                "KS/2025:26".into()
            ))
        );
        assert_eq!(split_trailing_dnr("Yttrande om Dnr-rutiner"), None);
        assert_eq!(
            split_trailing_dnr("Ändring av indelning i revisionsområden  Dnr LS"),
            Some((
                "Ändring av indelning i revisionsområden".to_string(),
                "LS".to_string()
            ))
        );
        assert_eq!(split_trailing_dnr("Dnr 2023/253"), None);
    }
}
