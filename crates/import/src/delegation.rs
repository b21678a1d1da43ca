//! Delegationsordning from text: finds the order inside a larger document (such as a
//! kallelse with its attachments), reads its metadata, rules, abbreviation table, sections
//! and the table of items, and says in `warnings` what it had to repair — HTML markup in
//! cells, table headers repeated on every page, numbers cut short by the column, gaps in the
//! numbering, headings run together, conditional delegates.
//!
//! Never panics; linear in the input.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::error::ImportError;

/// Delegates under a condition ("vid brådskande ärende", "med veckoberedskap inom IFO").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationConditional {
    /// The condition as written.
    pub condition: String,
    /// Ranks, each a list of alternatives.
    pub delegates: Vec<Vec<String>>,
}

/// A graded level of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationLevel {
    /// "1", "2", "2a".
    pub number: String,
    /// What the level covers.
    pub matter: Option<String>,
    /// Ranks, each a list of alternatives.
    pub delegates: Vec<Vec<String>>,
    /// A note on the delegate ("i samråd med …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

/// One item of the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationItem {
    /// "1.2.1".
    pub number: String,
    /// The section heading it stands under ("1.2").
    pub section: Option<String>,
    /// Ärende (without the levels' texts).
    pub matter: String,
    /// Lagrum, one reference each, as written.
    pub legal_basis: Vec<String>,
    /// Delegat: ranks in order, each a list of alternatives.
    pub delegates: Vec<Vec<String>>,
    /// Delegates under a condition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditional: Vec<DelegationConditional>,
    /// Graded levels.
    pub levels: Vec<DelegationLevel>,
    /// Anmärkning.
    pub remark: Option<String>,
    /// Only an utskott may decide it (SoL 10 kap. 4 §; från 1 juli 2025 SoL (2025:400) 30 kap. 6–8 §§).
    pub utskott_only: bool,
    /// The whole item is moved to this number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<String>,
    /// Columns besides Nr, Ärende, Lagrum, Delegat and Anmärkning (*Anmäls*,
    /// *Överklagan*), by their header as written.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

/// A chapter or section heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationSection {
    /// "1", "1.2".
    pub number: String,
    /// Its title.
    pub title: String,
    /// Its items may only go to an utskott.
    pub utskott_only: bool,
}

/// A delegationsordning as read from text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationDocument {
    /// "Delegationsordning för Socialnämnden".
    pub title: String,
    /// Diarienummer.
    pub case_number: Option<String>,
    /// Datum (fastställd), ÅÅÅÅ-MM-DD.
    pub adopted: Option<String>,
    /// Senast reviderad.
    pub revised: Option<String>,
    /// Giltig t o m.
    pub valid_until: Option<String>,
    /// "Socialnämnden 2019-06-19 § 132".
    pub adopted_by: Option<String>,
    /// The body ("Socialnämnden").
    pub body: Option<String>,
    /// The rules (Inledning), one paragraph each.
    pub rules: Vec<String>,
    /// Förkortningar.
    pub abbreviations: BTreeMap<String, String>,
    /// Headings.
    pub sections: Vec<DelegationSection>,
    /// Items in the order's order.
    pub items: Vec<DelegationItem>,
    /// What was repaired or could not be read.
    pub warnings: Vec<String>,
}

fn rx(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| panic!("static regex {p}: {e}"))
}

static CASE_NUMBER: LazyLock<Regex> = LazyLock::new(|| rx(r"Diarienummer:?\s+([^\t\n]+)"));
static ADOPTED: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?:Datum|Fastställd|Antagen)\s*:?\s+(\d{4}-\d{2}-\d{2})"));
static REVISED: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)(?:Senast\s+)?reviderad:?\s+(\d{4}-\d{2}-\d{2})"));
static VALID_UNTIL: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)Giltig\s+t\.?\s?o\.?\s?m\.?:?\s+(\d{4}-\d{2}-\d{2})"));
static ADOPTED_BY: LazyLock<Regex> = LazyLock::new(|| {
    rx(
        r"(\p{Lu}[\p{L}\- ]*?(?:nämnden|styrelsen|fullmäktige|utskottet))\s+(\d{4}-\d{2}-\d{2})\s*§\s*(\d+)",
    )
});
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| rx(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$"));
static ITEM_NUMBER: LazyLock<Regex> = LazyLock::new(|| rx(r"^\d{1,2}(?:\.\d{1,3}){0,3}\.?$"));
static TAG: LazyLock<Regex> = LazyLock::new(|| rx(r"</?([a-zA-Z]+)[^>]*>"));
static LEVEL_MARK: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?:^|\s)(?:(\d{1,2})\.(?:\s+([a-z])\))?|([a-z])\))(?:\s|$)"));
static MOVED: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)\s*Hela delegationen flyttas till (\d+(?:\.\d+)*)\.?"));
static URGENT: LazyLock<Regex> =
    LazyLock::new(|| rx(r"\s+[Ee]ller\s+(vid [^–\-]+?)\s*[–\-]\s*(.+)$"));
static STANDBY: LazyLock<Regex> = LazyLock::new(|| rx(r"\s+(med veckoberedskap.*)$"));
static CONSULT: LazyLock<Regex> = LazyLock::new(|| rx(r"\s+(i samråd med .+)$"));
static YEAR_NUMBER: LazyLock<Regex> = LazyLock::new(|| rx(r"^\(\d{4}:\d+\)[.,]?$"));
static CHAIR_IF_URGENT: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)\b(om beslut inte kan avvaktas)\s+får\s+ordförande\s+besluta"));
static CHAIR_ALSO: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\bfår även beslutas av ordförande(\s*\(eller vid bortfall annan ledamot\))?")
});

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes HTML tags, remembering which kinds were found.
fn strip_markup(s: &str, found: &mut Vec<String>) -> String {
    if !s.contains('<') {
        return squash(s);
    }
    for c in TAG.captures_iter(s) {
        if let Some(t) = c.get(1) {
            let t = format!("<{}>", t.as_str().to_lowercase());
            if !found.contains(&t) {
                found.push(t);
            }
        }
    }
    squash(&TAG.replace_all(s, " "))
}

/// Ranks of alternatives from "Enhetschef Verksamhetschef" (two ranks), "Socialsekreterare
/// eller Biståndshandläggare" (one rank, two alternatives), "Avgiftshandläggare,
/// Administratör eller Ekonomiassistent" (one rank, three). A lower-case word continues the
/// role before it ("Medicinskt ansvarig sjuksköterska (MAS)").
fn ranks(text: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut join_next = false;
    let mut cur: Option<String> = None;
    let flush = |cur: &mut Option<String>, join: bool, out: &mut Vec<Vec<String>>| {
        if let Some(role) = cur.take() {
            let role = role.trim_end_matches([',', '.']).trim().to_string();
            if role.is_empty() {
                return;
            }
            match out.last_mut() {
                Some(rank) if join => rank.push(role),
                _ => out.push(vec![role]),
            }
        }
    };
    let mut pending_join = false;
    for w in text.split_whitespace() {
        let lw = w.to_lowercase();
        if lw == "eller" || lw == "och" {
            join_next = true;
            continue;
        }
        let starts_upper = w.chars().next().is_some_and(char::is_uppercase);
        let new_role = cur.is_none() || starts_upper || join_next;
        if new_role {
            flush(&mut cur, pending_join, &mut out);
            pending_join = join_next;
            cur = Some(crate::text::capitalise(w));
            join_next = false;
        } else if let Some(c) = cur.as_mut() {
            c.push(' ');
            c.push_str(w);
        }
        if w.ends_with(',') {
            join_next = true;
        }
    }
    flush(&mut cur, pending_join, &mut out);
    out
}

static NUMBERED_RANK: LazyLock<Regex> = LazyLock::new(|| rx(r"(?:^|\s)\d{1,2}\.\s+"));
static ALTERNATIVE: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)\s+eller\s+|\s*/\s*|,\s+|\s+el\.\s+"));

/// Ranks of a table cell: a line, or a part numbered "1." "2.", is a rank; "eller", "/" and
/// "," separate the alternatives of a rank. Roles are kept as written (footnote stars
/// dropped).
fn line_ranks(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let parts: Vec<&str> = if NUMBERED_RANK.find_iter(line).count() >= 2 {
            NUMBERED_RANK.split(line).collect()
        } else {
            vec![line]
        };
        for part in parts {
            let rank: Vec<String> = ALTERNATIVE
                .split(part)
                .map(|r| squash(r).trim_matches(['*', ',', '.', ' ']).to_string())
                .filter(|r| !r.is_empty())
                .collect();
            if !rank.is_empty() {
                out.push(rank);
            }
        }
    }
    out
}

/// What a delegate cell says.
#[derive(Debug, Default)]
struct Delegates {
    ranks: Vec<Vec<String>>,
    conditional: Vec<DelegationConditional>,
    remark: Option<String>,
    moved_to: Option<String>,
}

fn parse_delegates(cell: &str, marks: RankMarks) -> Delegates {
    let mut d = Delegates::default();
    let mut text = cell.trim().to_string();
    if let Some(c) = MOVED.captures(&text) {
        d.moved_to = c.get(1).map(|m| m.as_str().to_string());
        text = squash(&MOVED.replace(&text, " "));
    }
    if let Some(c) = URGENT.captures(&text) {
        if let (Some(all), Some(cond), Some(who)) = (c.get(0), c.get(1), c.get(2)) {
            d.conditional.push(DelegationConditional {
                condition: cond.as_str().trim().to_string(),
                delegates: ranks(who.as_str()),
            });
            text = text.get(..all.start()).unwrap_or("").to_string();
        }
    }
    if let Some(c) = STANDBY.captures(&text) {
        if let (Some(all), Some(cond)) = (c.get(0), c.get(1)) {
            // The alternatives joined by "och" just before the condition are the ones it
            // applies to: "Utskott Enhetschef och samordnare med veckoberedskap inom IFO".
            let before: Vec<&str> = text
                .get(..all.start())
                .unwrap_or("")
                .split_whitespace()
                .collect();
            let mut start = before.len().saturating_sub(1);
            while start >= 2 && before.get(start - 1).is_some_and(|w| *w == "och") {
                start -= 2;
            }
            let group = before.get(start..).unwrap_or(&[]).join(" ");
            let alternatives: Vec<String> = ranks(&group).into_iter().flatten().collect();
            d.conditional.push(DelegationConditional {
                condition: cond.as_str().trim().to_string(),
                delegates: vec![alternatives],
            });
            text = before.get(..start).unwrap_or(&[]).join(" ");
        }
    }
    if let Some(c) = CONSULT.captures(&text) {
        if let (Some(all), Some(note)) = (c.get(0), c.get(1)) {
            d.remark = Some(note.as_str().trim().to_string());
            text = text.get(..all.start()).unwrap_or("").to_string();
        }
    }
    d.ranks = match marks {
        RankMarks::Words => ranks(&text),
        RankMarks::Lines => line_ranks(&text),
    };
    d
}

static DASH: LazyLock<Regex> = LazyLock::new(|| rx(r"(?:^|\s)[-–]\s+"));

/// Splits a cell into its head and unnumbered levels marked by dashes ("Upphandling - till
/// åtta basbelopp - övrigt"); the levels are numbered 1, 2, 3 … in order. `None` unless at
/// least two are found.
fn dash_levels(text: &str) -> Option<(String, Vec<(String, String)>)> {
    let mut parts = DASH.split(text);
    let head = squash(parts.next().unwrap_or(""));
    let levels: Vec<(String, String)> = parts
        .map(squash)
        .enumerate()
        .map(|(i, t)| ((i + 1).to_string(), t))
        .collect();
    (levels.len() >= 2).then_some((head, levels))
}

/// Splits a cell into its head and numbered levels: "Head 1. A 2. B", "2. Parent a) X b) Y",
/// "2. a) X 2. b) Y". Levels must run 1, 2, 3 …; anything else stays text. Returns `None`
/// unless at least two levels are found.
fn split_levels(
    text: &str,
    letters_alone: bool,
    min: usize,
) -> Option<(String, Vec<(String, String)>)> {
    #[derive(Debug)]
    struct Mark {
        start: usize,
        end: usize,
        number: String,
        sub: bool,
    }
    let mut marks: Vec<Mark> = Vec::new();
    let mut expected = 1u32;
    let mut letter: Option<char> = None;
    let mut parent = 0u32;
    for c in LEVEL_MARK.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let num = c.get(1).and_then(|m| m.as_str().parse::<u32>().ok());
        let sub = c
            .get(2)
            .or_else(|| c.get(3))
            .and_then(|m| m.as_str().chars().next());
        match (num, sub) {
            (Some(n), s) if n == expected => {
                parent = n;
                expected += 1;
                letter = s.map(|_| 'a');
                if let Some(s) = s {
                    if s != 'a' {
                        continue;
                    }
                    letter = Some('b');
                }
                marks.push(Mark {
                    start: all.start(),
                    end: all.end(),
                    number: match s {
                        Some(s) => format!("{n}{s}"),
                        None => n.to_string(),
                    },
                    sub: s.is_some(),
                });
            }
            (Some(n), Some(s)) if n == parent && n > 0 && letter == Some(s) => {
                letter = char::from_u32(s as u32 + 1);
                marks.push(Mark {
                    start: all.start(),
                    end: all.end(),
                    number: format!("{n}{s}"),
                    sub: true,
                });
            }
            (None, Some(s))
                if parent > 0 && (letter.is_none() && s == 'a' || letter == Some(s)) =>
            {
                letter = char::from_u32(s as u32 + 1);
                marks.push(Mark {
                    start: all.start(),
                    end: all.end(),
                    number: format!("{parent}{s}"),
                    sub: true,
                });
            }
            // "a) X b) Y" without a numbered parent: the letters are the levels.
            (None, Some(s))
                if letters_alone
                    && parent == 0
                    // One letter may have been lost ("a) … c) …").
                    && (letter.is_none() && s == 'a'
                        || letter.is_some_and(|l| s >= l && s as u32 <= l as u32 + 1)) =>
            {
                letter = char::from_u32(s as u32 + 1);
                marks.push(Mark {
                    start: all.start(),
                    end: all.end(),
                    number: s.to_string(),
                    sub: false,
                });
            }
            _ => {}
        }
    }
    if marks.len() < min.max(1) {
        return None;
    }
    let head = text
        .get(..marks.first().map_or(0, |m| m.start))
        .unwrap_or("");
    let mut levels: Vec<(String, String)> = Vec::new();
    let mut parent_text = String::new();
    for (i, m) in marks.iter().enumerate() {
        let end = marks.get(i + 1).map_or(text.len(), |n| n.start);
        let body = squash(text.get(m.end..end).unwrap_or(""));
        let next_is_sub = marks
            .get(i + 1)
            .is_some_and(|n| n.sub && n.number.trim_end_matches(char::is_alphabetic) == m.number);
        if !m.sub && next_is_sub {
            // "2. Parent a) …": the parent is not a level of its own.
            parent_text = body;
            continue;
        }
        let full = if m.sub && !parent_text.is_empty() && !m.number.ends_with(char::is_numeric) {
            let p = m.number.trim_end_matches(char::is_alphabetic);
            if marks
                .iter()
                .any(|x| !x.sub && x.number == p && x.start < m.start)
            {
                format!("{parent_text} {body}")
            } else {
                body
            }
        } else {
            if !m.sub {
                parent_text.clear();
            }
            body
        };
        levels.push((m.number.clone(), full.trim().to_string()));
    }
    Some((squash(head), levels))
}

fn is_law_token(w: &str, table: &BTreeMap<String, String>) -> bool {
    let t = w.trim_end_matches([',', '.', ';']);
    if table.contains_key(t) || YEAR_NUMBER.is_match(w) {
        return true;
    }
    let l = t.to_lowercase();
    l.ends_with("lag")
        || l.ends_with("lagen")
        || l.ends_with("balk")
        || l.ends_with("förordning")
        || l.ends_with("förordningen")
}

/// Splits a lagrum cell into references: "2 kap. 17 § TF 6 kap. 2-3 § OSL" → two. A new
/// reference starts at a number once the current one has named its law.
pub fn split_legal_basis(cell: &str, table: &BTreeMap<String, String>) -> Vec<String> {
    let mut refs: Vec<Vec<&str>> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let (mut has_law, mut law_first, mut joiner) = (false, false, false);
    for w in cell.split_whitespace() {
        let digit = w.chars().next().is_some_and(|c| c.is_ascii_digit());
        if digit && has_law && !law_first && !joiner && !cur.is_empty() {
            refs.push(std::mem::take(&mut cur));
            has_law = false;
        }
        if cur.is_empty() {
            law_first = !digit;
        }
        cur.push(w);
        if is_law_token(w, table) {
            has_law = true;
        }
        joiner = w == "och" || w.ends_with(',') || w == "–" || w == "-";
    }
    if !cur.is_empty() {
        refs.push(cur);
    }
    refs.into_iter().map(|r| r.join(" ")).collect()
}

fn number_parts(n: &str) -> Vec<u32> {
    n.split('.')
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().unwrap_or(0))
        .collect()
}

fn join_number(p: &[u32]) -> String {
    p.iter().map(u32::to_string).collect::<Vec<_>>().join(".")
}

fn ranges(nums: &[String]) -> String {
    nums.join(", ")
}

/// The cells of one item's row, markup removed.
pub(crate) struct RowCells {
    pub number: String,
    /// The heading the row stands under, and whether it is for an utskott only.
    pub section: Option<(String, bool)>,
    pub matter: String,
    pub legal: String,
    pub delegate: String,
    pub remark: String,
    /// Columns besides the five, by their header.
    pub extra: BTreeMap<String, String>,
    /// How the delegate cell marks its ranks.
    pub marks: RankMarks,
}

/// How a delegate cell marks its ranks (*i turordning*) and alternatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RankMarks {
    /// Text as extracted from a document: each capitalised role starts a rank, "eller",
    /// "och" and a comma join alternatives ([`ranks`]).
    Words,
    /// A table cell: each line, or each "1." "2.", is a rank; "eller", "/" and "," separate
    /// alternatives ([`line_ranks`]).
    Lines,
}

/// What reading the rows found worth a warning, by item.
#[derive(Default)]
pub(crate) struct Notes {
    pub markup: Vec<String>,
    pub markup_items: Vec<String>,
    pub conditional_notes: Vec<String>,
    pub no_delegate: Vec<String>,
    pub moved: Vec<String>,
    pub misspelt: Vec<String>,
}

impl Notes {
    /// The warnings of what was noted: the one on markup, and those on conditions, moved
    /// items, spelling and items without a delegate.
    pub(crate) fn warnings(&self) -> (Vec<String>, Vec<String>) {
        let mut out = Vec::new();
        if !self.markup.is_empty() {
            out.push(format!(
                "HTML-markering ({}) i tabellcellerna har tagits bort i punkterna {}",
                self.markup.join(", "),
                ranges(&self.markup_items)
            ));
        }
        let first = std::mem::take(&mut out);
        if !self.conditional_notes.is_empty() {
            out.push(format!(
                "villkorade delegater: {}",
                self.conditional_notes.join("; ")
            ));
        }
        if !self.moved.is_empty() {
            out.push(format!(
            "punkter som enligt delegatkolumnen flyttas i sin helhet (”Hela delegationen flyttas till …”): {}",
            self.moved.join(", ")
        ));
        }
        if !self.misspelt.is_empty() {
            out.push(format!(
                "”Socialekreterare” har lästs som Socialsekreterare i punkterna {}",
                self.misspelt.join(", ")
            ));
        }
        if !self.no_delegate.is_empty() {
            out.push(format!(
                "punkter utan delegat (hänvisningar): {}",
                self.no_delegate.join("; ")
            ));
        }
        (first, out)
    }
}

/// One item from its row's cells: levels in the matter and the delegates paired by number,
/// delegates in ranks, conditions, the chair's own power in the remark.
pub(crate) fn build_item(
    row: RowCells,
    abbreviations: &BTreeMap<String, String>,
    notes: &mut Notes,
) -> DelegationItem {
    let RowCells {
        number,
        section,
        matter: matter_cell,
        legal: legal_cell,
        delegate: delegate_cell,
        remark: remark_cell,
        extra,
        marks,
    } = row;
    let mut delegate_text = delegate_cell.clone();
    if delegate_text.contains("ocialekreterare") {
        notes.misspelt.push(number.clone());
        delegate_text = delegate_text.replace("ocialekreterare", "ocialsekreterare");
    }
    // Levels: in the matter and in the delegates, paired by number.
    let lines = marks == RankMarks::Lines;
    let mut matter_levels = split_levels(&matter_cell, lines, 2);
    // In a table, numbered parts of the delegate cell are levels only where the matter has
    // levels (otherwise they are ranks), and one lettered level pairs with the matter's.
    let mut delegate_levels = match (lines, &matter_levels) {
        // Lettered levels stand on their own: "a) Direktör b) Avdelningschef".
        (true, None) => split_levels(&delegate_text, true, 2).filter(|(_, l)| {
            l.iter()
                .all(|(n, _)| n.chars().all(|c| c.is_ascii_lowercase()))
        }),
        (true, Some(_)) => split_levels(&delegate_text, true, 1),
        (false, _) => split_levels(&delegate_text, false, 2),
    };
    // "- a - b - c" in both cells: unnumbered levels, paired in order.
    if lines && matter_levels.is_none() {
        if let (Some(d), Some(m)) = (dash_levels(&delegate_text), dash_levels(&matter_cell)) {
            if d.0.is_empty() && d.1.len() == m.1.len() {
                matter_levels = Some(m);
                delegate_levels = Some(d);
            }
        }
    }
    let matter = matter_levels
        .as_ref()
        .map_or_else(|| matter_cell.clone(), |(h, _)| h.clone());
    let mut levels: Vec<DelegationLevel> = Vec::new();
    let mut item_delegates = Delegates::default();
    match &delegate_levels {
        Some((head, dl)) => {
            if !head.is_empty() {
                item_delegates = parse_delegates(head, marks);
            }
            for (n, text) in dl {
                let d = parse_delegates(text, marks);
                let m = matter_levels
                    .as_ref()
                    .and_then(|(_, ml)| ml.iter().find(|(mn, _)| mn == n))
                    .map(|(_, t)| t.clone());
                levels.push(DelegationLevel {
                    number: n.clone(),
                    matter: m,
                    delegates: d.ranks,
                    remark: d.remark,
                });
                item_delegates.conditional.extend(d.conditional);
            }
            if let Some((_, ml)) = &matter_levels {
                for (n, t) in ml {
                    if !levels.iter().any(|l| &l.number == n) {
                        levels.push(DelegationLevel {
                            number: n.clone(),
                            matter: Some(t.clone()),
                            delegates: Vec::new(),
                            remark: None,
                        });
                    }
                }
            }
        }
        None => {
            item_delegates = parse_delegates(&delegate_text, marks);
            if let Some((_, ml)) = &matter_levels {
                levels = ml
                    .iter()
                    .map(|(n, t)| DelegationLevel {
                        number: n.clone(),
                        matter: Some(t.clone()),
                        delegates: Vec::new(),
                        remark: None,
                    })
                    .collect();
            }
        }
    }
    let mut remark = (!remark_cell.is_empty()).then(|| remark_cell.clone());
    if let Some(r) = item_delegates.remark.take() {
        remark = Some(match remark {
            Some(x) => format!("{r}. {x}"),
            None => r,
        });
    }
    // Starred delegates: "Enhetschef* Samordnare*" with "*Gäller … med veckoberedskap …".
    let starred: Vec<Vec<String>> = item_delegates
        .ranks
        .iter()
        .filter(|r| r.iter().all(|x| x.ends_with('*')))
        .map(|r| {
            r.iter()
                .map(|x| x.trim_end_matches('*').to_string())
                .collect()
        })
        .collect();
    if !starred.is_empty() {
        item_delegates
            .ranks
            .retain(|r| !r.iter().all(|x| x.ends_with('*')));
        let condition = remark_cell
            .split_once(" med ")
            .map(|(_, c)| format!("med {}", c.trim()))
            .unwrap_or_else(|| remark_cell.trim_start_matches('*').trim().to_string());
        item_delegates.conditional.push(DelegationConditional {
            condition,
            delegates: starred,
        });
    }
    for c in &item_delegates.conditional {
        notes.conditional_notes.push(format!(
            "{number} ({}: {})",
            c.condition,
            c.delegates
                .iter()
                .map(|r| r.join(" eller "))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    // The chair's own power, written in the remark.
    if let Some(c) = CHAIR_IF_URGENT.captures(&remark_cell) {
        item_delegates.conditional.push(DelegationConditional {
            condition: c
                .get(1)
                .map_or("om beslut inte kan avvaktas", |m| m.as_str())
                .to_lowercase(),
            delegates: vec![vec!["Ordförande".to_string()]],
        });
    } else if let Some(c) = CHAIR_ALSO.captures(&remark_cell) {
        let mut delegates = vec![vec!["Ordförande".to_string()]];
        if c.get(1).is_some() {
            delegates.push(vec!["Ledamot".to_string()]);
        }
        item_delegates.conditional.push(DelegationConditional {
            condition: c
                .get(0)
                .map_or(String::new(), |m| m.as_str().to_lowercase()),
            delegates,
        });
    }
    if let Some(to) = &item_delegates.moved_to {
        notes.moved.push(format!("{number} → {to}"));
    }
    if item_delegates.ranks.is_empty()
        && levels.iter().all(|l| l.delegates.is_empty())
        && item_delegates.conditional.is_empty()
    {
        notes.no_delegate.push(format!(
            "{number}{}",
            remark
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        ));
    }
    let utskott_only = section.as_ref().is_some_and(|s| s.1)
        || remark_cell.contains("inte delegeras till tjänsteman");
    DelegationItem {
        section: section.as_ref().map(|s| s.0.clone()),
        matter,
        legal_basis: legal_cell
            .lines()
            .flat_map(|l| split_legal_basis(l, abbreviations))
            .collect(),
        delegates: item_delegates.ranks,
        conditional: item_delegates.conditional,
        levels,
        remark,
        utskott_only,
        moved_to: item_delegates.moved_to,
        extra,
        number,
    }
}

static TITLE_BODY: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(\p{Lu}[\p{L}\- ]*?(?:nämnden|nämnd|styrelsen|fullmäktige|utskottet))(?:\P{L}|$)")
});

/// The body an order's title names ("Delegationsordning för Socialnämnden",
/// "Delegationsordning – Kommunstyrelsen, …").
pub(crate) fn body_of_title(title: &str) -> Option<String> {
    let rest = title.trim_start_matches("Delegationsordning");
    TITLE_BODY
        .captures(rest)
        .and_then(|c| c.get(1))
        .map(|m| squash(m.as_str()))
        .filter(|b| b.chars().next().is_some_and(char::is_uppercase))
}

/// Reads the delegationsordning in `text` (it may be inside a larger document). Never
/// panics.
pub fn parse_delegation(text: &str) -> Result<DelegationDocument, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    crate::parse::check_binary(text)?;
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let is_header = |l: &str| {
        let t = l.trim_start();
        (t.starts_with("Nr.") || t.starts_with("Nr\t") || t.starts_with("Nr "))
            && t.contains("Ärende")
            && t.contains("Delegat")
    };
    let first_table = lines
        .iter()
        .position(|l| is_header(l))
        .ok_or(ImportError::NoDelegationOrder)?;
    let mut warnings = Vec::new();
    // The order's title: a line "Delegationsordning …" followed by its document table, else
    // the last such line before the first table.
    let titled = |i: usize| {
        lines.get(i).is_some_and(|l| {
            let t = l.trim();
            t.starts_with("Delegationsordning") && !t.contains('\t') && t.len() < 120
        })
    };
    let start = (0..first_table)
        .find(|&i| {
            titled(i)
                && lines
                    .get(i + 1..(i + 12).min(first_table))
                    .is_some_and(|w| {
                        w.iter()
                            .any(|l| l.contains("Dokumentnamn") || l.contains("Diarienummer"))
                    })
        })
        .or_else(|| (0..first_table).rev().find(|&i| titled(i)));
    let title = match start {
        Some(i) => squash(lines.get(i).copied().unwrap_or("")),
        None => {
            warnings.push("ingen rubrik ”Delegationsordning …” hittades; titeln är satt till ”Delegationsordning”".to_string());
            "Delegationsordning".to_string()
        }
    };
    let start = start.unwrap_or(first_table);
    // Metadata: the document table before the rules.
    let intro = (start..first_table)
        .find(|&i| lines.get(i).is_some_and(|l| l.trim() == "Inledning"))
        .unwrap_or(start);
    let abbr_at =
        (start..first_table).find(|&i| lines.get(i).is_some_and(|l| l.trim() == "Förkortningar"));
    let meta_end = (start..first_table)
        .find(|&i| {
            lines
                .get(i)
                .is_some_and(|l| l.trim() == "Innehållsförteckning")
        })
        .unwrap_or(intro.max(start));
    let meta = lines
        .get(start..meta_end.max(start))
        .unwrap_or(&[])
        .join("\n");
    let cap = |re: &Regex, s: &str| {
        re.captures(s)
            .and_then(|c| c.get(1))
            .map(|m| squash(m.as_str()))
    };
    let case_number = cap(&CASE_NUMBER, &meta);
    let revised = cap(&REVISED, &meta);
    let valid_until = cap(&VALID_UNTIL, &meta);
    let mut adopted = cap(&ADOPTED, &meta);
    let (adopted_by, body) = match ADOPTED_BY.captures(&meta) {
        Some(c) => {
            let body = c.get(1).map(|m| squash(m.as_str()));
            if adopted.is_none() {
                adopted = c.get(2).map(|m| m.as_str().to_string());
            }
            (c.get(0).map(|m| squash(m.as_str())), body)
        }
        None => (None, None),
    };
    for (what, v) in [("datum", &adopted), ("diarienummer", &case_number)] {
        if v.is_none() {
            warnings.push(format!("delegationsordningens {what} hittades inte"));
        }
    }
    // Rules: from "Inledning" to "Förkortningar".
    let rules: Vec<String> = if intro > start {
        lines
            .get(intro + 1..abbr_at.unwrap_or(first_table).max(intro + 1))
            .unwrap_or(&[])
            .iter()
            .map(|l| squash(l.trim_start_matches(['-', '•', ' '])))
            .filter(|l| !l.is_empty())
            .collect()
    } else {
        Vec::new()
    };
    // Abbreviations: "KEY\tMeaning" from "Förkortningar" to the next heading.
    let mut abbreviations = BTreeMap::new();
    let mut items_from = first_table;
    if let Some(a) = abbr_at {
        for i in a + 1..first_table {
            let Some(l) = lines.get(i) else { break };
            if l.trim() == "Delegationsordning" || HEADING.is_match(l.trim()) {
                items_from = i;
                break;
            }
            if let Some((k, v)) = l.split_once('\t') {
                let (k, v) = (k.trim(), squash(v));
                let heading = k.eq_ignore_ascii_case("förkortning")
                    || k.eq_ignore_ascii_case("förkortningar");
                if !k.is_empty() && !v.is_empty() && k.len() <= 12 && !heading {
                    abbreviations.insert(k.to_string(), v);
                }
            }
        }
    } else {
        warnings.push("ingen förkortningstabell hittades".to_string());
    }
    // The items.
    let mut sections: Vec<DelegationSection> = Vec::new();
    let mut items: Vec<DelegationItem> = Vec::new();
    let mut notes = Notes::default();
    let mut header_repeats: Vec<String> = Vec::new();
    let mut headers_in_section = 0usize;
    let mut merged_headings: Vec<String> = Vec::new();
    let mut cut_numbers: Vec<String> = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    let mut unnumbered: Vec<String> = Vec::new();
    let mut section: Option<(String, bool)> = None;
    let mut last_in_parent: BTreeMap<Vec<u32>, u32> = BTreeMap::new();
    let mut previous: Option<Vec<u32>> = None;
    for l in lines.get(items_from..).unwrap_or(&[]) {
        let t = l.trim();
        if t.is_empty() || t == "Delegationsordning" {
            continue;
        }
        if is_header(t) {
            headers_in_section += 1;
            if headers_in_section == 2 {
                header_repeats.push(
                    section
                        .as_ref()
                        .map_or_else(|| "–".to_string(), |s| s.0.clone()),
                );
            }
            continue;
        }
        if !l.contains('\t') {
            let parts: Vec<&str> = t
                .split("**")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let headings: Vec<(String, String)> = parts
                .iter()
                .filter_map(|p| {
                    HEADING.captures(p).and_then(|c| {
                        Some((c.get(1)?.as_str().to_string(), squash(c.get(2)?.as_str())))
                    })
                })
                .collect();
            if headings.is_empty() || headings.len() != parts.len() {
                break; // the order has ended
            }
            if parts.len() > 1 || t.contains("**") {
                merged_headings.push(
                    headings
                        .iter()
                        .map(|h| h.0.clone())
                        .collect::<Vec<_>>()
                        .join("/"),
                );
            }
            for (number, title) in headings {
                let utskott_only = title.contains("inte till tjänstem");
                section = Some((number.clone(), utskott_only));
                sections.push(DelegationSection {
                    number,
                    title,
                    utskott_only,
                });
            }
            headers_in_section = 0;
            continue;
        }
        let cells: Vec<&str> = l.split('\t').collect();
        let first = cells.first().map_or("", |c| c.trim());
        let cell = |i: usize, markup: &mut Vec<String>| {
            strip_markup(cells.get(i).copied().unwrap_or(""), markup)
        };
        if first.is_empty() {
            let what = cell(1, &mut notes.markup);
            let note = cell(4, &mut notes.markup);
            unnumbered.push(format!(
                "”{}”{}",
                what.trim_end_matches('.'),
                if note.is_empty() {
                    String::new()
                } else {
                    format!(" ({note})")
                }
            ));
            continue;
        }
        if !ITEM_NUMBER.is_match(first) {
            break; // another table: the order has ended
        }
        // The number, repaired where the column cut it short.
        let written = first.trim_end_matches('.');
        let mut parts = number_parts(written);
        if let Some(prev) = &previous {
            let mut expected = prev.clone();
            if let Some(last) = expected.last_mut() {
                *last += 1;
            }
            let exp = join_number(&expected);
            if parts <= *prev && parts.len() == prev.len() && exp.starts_with(written) {
                cut_numbers.push(format!("{written} → {exp}"));
                parts = expected;
            }
        }
        let number = join_number(&parts);
        if let Some((last, parent)) = parts.split_last() {
            let before = last_in_parent.get(parent).copied().unwrap_or(0);
            if *last > before + 1 {
                let mut a = parent.to_vec();
                a.push(before + 1);
                let mut b = parent.to_vec();
                b.push(last - 1);
                missing.push(if before + 1 == last - 1 {
                    join_number(&a)
                } else {
                    format!("{}–{}", join_number(&a), join_number(&b))
                });
            }
            last_in_parent.insert(parent.to_vec(), (*last).max(before));
        }
        previous = Some(parts);
        let had_markup = cells.iter().any(|c| c.contains('<'));
        let row = RowCells {
            matter: cell(1, &mut notes.markup),
            legal: cell(2, &mut notes.markup),
            delegate: cell(3, &mut notes.markup),
            remark: cell(4, &mut notes.markup),
            number,
            section: section.clone(),
            extra: BTreeMap::new(),
            marks: RankMarks::Words,
        };
        if had_markup {
            notes.markup_items.push(row.number.clone());
        }
        items.push(build_item(row, &abbreviations, &mut notes));
    }
    let (markup_warning, late_warnings) = notes.warnings();
    if items.is_empty() {
        return Err(ImportError::NoDelegationOrder);
    }
    warnings.extend(markup_warning);
    if !header_repeats.is_empty() {
        warnings.push(format!(
            "tabellen börjar om på varje sida: rubrikraden Nr/Ärende/Lagrum/Delegat upprepas i avsnitten {} och raderna har lagts ihop",
            header_repeats.join(", ")
        ));
    }
    if !merged_headings.is_empty() {
        warnings.push(format!(
            "rubriker ihopskrivna med fetstilsmarkering (**) har delats: {}",
            merged_headings.join(", ")
        ));
    }
    if !cut_numbers.is_empty() {
        warnings.push(format!(
            "nummer avkortade av kolumnen har rättats efter ordningsföljden: {}",
            cut_numbers.join(", ")
        ));
    }
    if !missing.is_empty() {
        warnings.push(format!("nummer saknas i ordningen: {}", missing.join(", ")));
    }
    if !unnumbered.is_empty() {
        warnings.push(format!(
            "rader utan nummer är hänvisningar och har inte lästs som punkter: {}",
            unnumbered.join("; ")
        ));
    }
    warnings.extend(late_warnings);
    let mut seen = std::collections::HashSet::new();
    let dups: Vec<String> = items
        .iter()
        .filter(|i| !seen.insert(i.number.clone()))
        .map(|i| i.number.clone())
        .collect();
    if !dups.is_empty() {
        warnings.push(format!(
            "punktnummer förekommer flera gånger: {}",
            dups.join(", ")
        ));
    }
    Ok(DelegationDocument {
        title,
        case_number,
        adopted,
        revised,
        valid_until,
        adopted_by,
        body,
        rules,
        abbreviations,
        sections,
        items,
        warnings,
    })
}

/// Splits a layout line into (char column, text) runs separated by two or more spaces.
fn fragments(line: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    let mut spaces = 0;
    for (i, c) in line.chars().enumerate() {
        if c == ' ' || c == '\t' {
            spaces += if c == '\t' { 2 } else { 1 };
            continue;
        }
        if spaces >= 2 && !cur.is_empty() {
            out.push((start, std::mem::take(&mut cur)));
        } else if spaces == 1 && !cur.is_empty() {
            cur.push(' ');
        }
        if cur.is_empty() {
            start = i;
        }
        spaces = 0;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push((start, cur));
    }
    out
}

static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)^(?:sida\s+)?\d{1,3}(?:\s*(?:av|/)\s*\d{1,3})?$"));

/// Turns the tables of `pdftotext -layout` text into tab-separated rows: the columns are
/// placed by the header row (Nr, Ärende, Lagrum, Delegat, Anmärkning), a cell's wrapped
/// lines are joined to its row, and running headers, footers and page numbers (lines that
/// repeat on three or more pages) are dropped. Other lines have their column gaps turned
/// into tabs.
pub fn layout_tables_to_tabs(raw: &str) -> String {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for l in raw.lines() {
        let t = l.trim();
        if !t.is_empty() {
            *seen.entry(t).or_default() += 1;
        }
    }
    let is_header = |t: &str| t.starts_with("Nr") && t.contains("Ärende") && t.contains("Delegat");
    let mut out = String::with_capacity(raw.len());
    let mut cols: Option<Vec<usize>> = None;
    let mut row: Option<Vec<String>> = None;
    let flush = |row: &mut Option<Vec<String>>, out: &mut String| {
        if let Some(cells) = row.take() {
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    };
    for line in raw.lines() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if is_header(t) {
            flush(&mut row, &mut out);
            let frags = fragments(line);
            let mut c: Vec<usize> = frags.iter().map(|f| f.0).collect();
            c.truncate(5);
            while c.len() < 5 {
                let last = c.last().copied().unwrap_or(0);
                c.push(last + 20);
            }
            cols = Some(c);
            out.push_str("Nr.\tÄrende\tLagrum\tDelegat\tAnmärkning\n");
            continue;
        }
        if PAGE_NUMBER.is_match(t) || seen.get(t).copied().unwrap_or(0) >= 3 {
            continue;
        }
        let frags = fragments(line);
        let (Some(c), Some(first)) = (cols.as_ref(), frags.first()) else {
            flush(&mut row, &mut out);
            out.push_str(
                &frags
                    .iter()
                    .map(|f| f.1.as_str())
                    .collect::<Vec<_>>()
                    .join("\t"),
            );
            out.push('\n');
            continue;
        };
        let text_col = c.get(1).copied().unwrap_or(usize::MAX);
        let column_of = |start: usize| c.iter().rposition(|&x| x <= start + 1).unwrap_or(0);
        let numbered = first.0 + 1 < text_col && ITEM_NUMBER.is_match(&first.1);
        if numbered || (first.0 + 1 >= text_col && row.is_some()) {
            if numbered {
                flush(&mut row, &mut out);
                row = Some(vec![String::new(); 5]);
            }
            if let Some(cells) = row.as_mut() {
                for (start, text) in &frags {
                    if let Some(cell) = cells.get_mut(column_of(*start)) {
                        if !cell.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(text);
                    }
                }
            }
            continue;
        }
        // A heading or other text: the row has ended.
        flush(&mut row, &mut out);
        out.push_str(
            &frags
                .iter()
                .map(|f| f.1.as_str())
                .collect::<Vec<_>>()
                .join("\t"),
        );
        out.push('\n');
    }
    flush(&mut row, &mut out);
    out
}

/// Reads a delegationsordning from a file: Word, OpenDocument, XLSX, CSV, HTML and markdown
/// tables by their columns' meaning ([`crate::delegation_grid`]), `.txt` and `.pdf` by the
/// text reader (a PDF's tables rebuilt from the columns' positions, see
/// [`layout_tables_to_tabs`]); a text without such a table whose cells came out one by one
/// is put back into rows by [`crate::delegation_cells`], one flattened into running text is
/// first parted into cells by [`crate::delegation_flat`], and one written as lists under
/// headings that name the delegate by [`crate::delegation_lists`].
pub fn read_delegation_file(path: &std::path::Path) -> Result<DelegationDocument, ImportError> {
    read_delegation_file_with(path, None)
}

/// As [`read_delegation_file`], with the columns of a table file named by the user (see
/// [`crate::delegation_grid::parse_columns`]) when its header row cannot be recognised. (A
/// PDF's table is found by its header row, so the columns only rename a header that was
/// found; a PDF whose header cannot be recognised is read from its text as before.)
pub fn read_delegation_file_with(
    path: &std::path::Path,
    columns: Option<&[crate::delegation_grid::Role]>,
) -> Result<DelegationDocument, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > crate::read::MAX_FILE {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            size,
            max: crate::read::MAX_FILE,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    );
    if let Some(format) = crate::delegation_grid::format_of(&name, &bytes) {
        let read = crate::delegation_grid::read_order_table(&name, format, &bytes, columns);
        // A Word or HTML document without a table: lists under headings that name the
        // delegate, their numbers as the document shows them.
        if read.is_err() && columns.is_none() {
            if let Some(lists) = crate::delegation_grid::list_text(format, &bytes)
                .and_then(|text| order_from_lists(&name, &text))
            {
                return lists;
            }
        }
        return read;
    }
    if bytes.starts_with(b"%PDF-") {
        // The table put back together from where its words stand, read by its columns'
        // meaning as a Word table is.
        // (A pdftotext without -tsv — xpdf's, an old poppler — leaves the layout text.)
        let words = match crate::pdf::pdf_words(path) {
            Err(ImportError::PdfFailed { .. }) => Vec::new(),
            other => other?,
        };
        let table = crate::delegation_pdf::rows(&words).map_err(|message| ImportError::Table {
            where_: name.clone(),
            message,
        })?;
        if let Some((rows, title)) = table {
            if let Ok(mut d) = crate::delegation_grid::order_from_rows(&name, &rows, title, columns)
            {
                if !d.items.is_empty() {
                    d.warnings.insert(
                        0,
                        "läst ur PDF: tabellens rader och kolumner har återskapats ur ordens placering på sidan; kontrollera punkterna".to_string(),
                    );
                    return Ok(d);
                }
            }
        }
        // Else its text: a table of the seed's columns by their positions, or lists under
        // headings that name the delegate.
        let raw = crate::pdf::pdf_to_layout(path)?;
        let mut d = match parse_delegation(&layout_tables_to_tabs(&raw)) {
            Err(ImportError::NoDelegationOrder) => {
                order_from_lists(&name, &raw).unwrap_or(Err(ImportError::NoDelegationOrder))?
            }
            other => other?,
        };
        d.warnings.insert(
            0,
            "läst ur PDF: tabellens kolumner har återskapats ur textens placering; kontrollera punkterna".to_string(),
        );
        return Ok(d);
    }
    let text = crate::read::read_file(path)?;
    // Text that is a markdown or HTML table is read as one.
    let sniffed = if text.contains("<table") || text.contains("<TABLE") {
        Some(crate::delegation_grid::Format::Html)
    } else if text
        .lines()
        .any(|l| l.trim_start().starts_with("|---") || l.trim_start().starts_with("| ---"))
    {
        Some(crate::delegation_grid::Format::Markdown)
    } else {
        None
    };
    match sniffed {
        Some(f) => crate::delegation_grid::read_order_table(&name, f, text.as_bytes(), columns),
        None => match parse_delegation(&text) {
            Err(ImportError::NoDelegationOrder) => {
                if let Some(rows) = crate::delegation_cells::rows(&text) {
                    // A table extracted cell by cell, without its header's columns side by side.
                    order_from_known_columns(&name, &rows, &crate::delegation_cells::COLUMNS, vec![
                        "läst som en tabell utdragen cell för cell (utan kolumner): varje cell har fått sin kolumn efter vad den innehåller; kontrollera varje punkt".to_string(),
                    ])
                } else if let Some(rows) = crate::delegation_flat::cells(&text)
                    .and_then(|cells| crate::delegation_cells::rows(&cells))
                {
                    // A table flattened into running text, its cells run together.
                    order_from_known_columns(&name, &rows, &crate::delegation_cells::COLUMNS, vec![
                        "läst som en tabell utplattad till löptext: cellerna har delats vid punktnummer, lagrum och versaler och fått sin kolumn efter vad de innehåller; kontrollera varje punkt".to_string(),
                    ])
                } else {
                    // Lists under headings that name the delegate ("Delegation till X").
                    order_from_lists(&name, &text).unwrap_or(Err(ImportError::NoDelegationOrder))
                }
            }
            other => other,
        },
    }
}

/// A delegationsordning written as lists under headings that name the delegate (see
/// [`crate::delegation_lists`]), read with its warnings first; `None` when `text` is not one.
fn order_from_lists(name: &str, text: &str) -> Option<Result<DelegationDocument, ImportError>> {
    let lists = crate::delegation_lists::rows(text)?;
    let mut first = vec!["läst som listor under rubriker som namnger delegaten (”Delegation till …”, ”Delegat: …”): varje numrerad punkt har fått rubrikens delegat; kontrollera varje punkt".to_string()];
    first.extend(lists.warnings);
    Some(order_from_known_columns(
        name,
        &lists.rows,
        &crate::delegation_lists::COLUMNS,
        first,
    ))
}

/// Rows a reader put back together, read as a table of known `columns`, with the reader's
/// warnings first.
fn order_from_known_columns(
    name: &str,
    rows: &[Vec<String>],
    columns: &[crate::delegation_grid::Role],
    first: Vec<String>,
) -> Result<DelegationDocument, ImportError> {
    let mut d = crate::delegation_grid::order_from_rows(name, rows, None, Some(columns))?;
    d.warnings.splice(0..0, first);
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> BTreeMap<String, String> {
        [
            "TF", "OSL", "SoL", "LVU", "SFB", "FB", "LSS", "JO", "GDPR", "SOSFS", "LPBS",
        ]
        .iter()
        .map(|k| (k.to_string(), format!("lag {k}")))
        .collect()
    }

    #[test]
    fn ranks_and_alternatives() {
        assert_eq!(
            ranks("Enhetschef Verksamhetschef"),
            vec![vec!["Enhetschef"], vec!["Verksamhetschef"]]
        );
        assert_eq!(
            ranks("Socialsekreterare eller Biståndshandläggare"),
            vec![vec!["Socialsekreterare", "Biståndshandläggare"]]
        );
        assert_eq!(
            ranks("Avgiftshandläggare, Administratör eller Ekonomiassistent"),
            vec![vec![
                "Avgiftshandläggare",
                "Administratör",
                "Ekonomiassistent"
            ]]
        );
        assert_eq!(
            ranks("Medicinskt ansvarig sjuksköterska (MAS)"),
            vec![vec!["Medicinskt ansvarig sjuksköterska (MAS)"]]
        );
        assert_eq!(
            ranks("Delegat som har rätt att fatta ursprungsbeslutet"),
            vec![vec!["Delegat som har rätt att fatta ursprungsbeslutet"]]
        );
    }

    #[test]
    fn conditional_delegates() {
        let d = parse_delegates(
            "Utskott Eller vid brådskande ärende – Verksamhetschef",
            RankMarks::Words,
        );
        assert_eq!(d.ranks, vec![vec!["Utskott"]]);
        assert_eq!(d.conditional[0].condition, "vid brådskande ärende");
        assert_eq!(d.conditional[0].delegates, vec![vec!["Verksamhetschef"]]);
        let d = parse_delegates(
            "Utskott Enhetschef och samordnare med veckoberedskap inom IFO",
            RankMarks::Words,
        );
        assert_eq!(d.ranks, vec![vec!["Utskott"]]);
        assert_eq!(d.conditional[0].condition, "med veckoberedskap inom IFO");
        assert_eq!(
            d.conditional[0].delegates,
            vec![vec!["Enhetschef", "Samordnare"]]
        );
        let d = parse_delegates(
            "Utskott Hela delegationen flyttas till 7.2.10",
            RankMarks::Words,
        );
        assert_eq!(d.ranks, vec![vec!["Utskott"]]);
        assert_eq!(d.moved_to.as_deref(), Some("7.2.10"));
        let d = parse_delegates(
            "Biståndshandläggare i samråd med Enhetschef eller Samordnare",
            RankMarks::Words,
        );
        assert_eq!(d.ranks, vec![vec!["Biståndshandläggare"]]);
        assert_eq!(
            d.remark.as_deref(),
            Some("i samråd med Enhetschef eller Samordnare")
        );
    }

    #[test]
    fn levels_numbered_and_lettered() {
        let (head, l) = split_levels(
            "Beslut om ersättning. 1. Grundnivå. 2. Förhöjd nivå. 3. Utöver.",
            false,
            2,
        )
        .expect("levels");
        assert_eq!(head, "Beslut om ersättning.");
        assert_eq!(
            l.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
            vec!["1", "2", "3"]
        );
        assert_eq!(l[1].1, "Förhöjd nivå.");
        let (_, l) = split_levels(
            "Bistånd: 1. Hemtjänst. 2. Särskild boendeform. a) Egna. b) Andras. 3. Sysselsättning.",
            false,
            2,
        )
        .expect("levels");
        assert_eq!(
            l.iter()
                .map(|x| (x.0.as_str(), x.1.as_str()))
                .collect::<Vec<_>>(),
            vec![
                ("1", "Hemtjänst."),
                ("2a", "Särskild boendeform. Egna."),
                ("2b", "Särskild boendeform. Andras."),
                ("3", "Sysselsättning.")
            ]
        );
        let (_, l) = split_levels(
            "1. Biståndshandläggare Samordnare 2. a) Enhetschef Samordnare 2. b) Utskott 3. X",
            false,
            2,
        )
        .expect("levels");
        assert_eq!(
            l.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
            vec!["1", "2a", "2b", "3"]
        );
        assert_eq!(l[1].1, "Enhetschef Samordnare");
        assert!(split_levels("Beslut enligt 9 kap. 1 § SoL.", false, 2).is_none());
        assert!(split_levels("Ett 1. bara", false, 2).is_none());
    }

    #[test]
    fn legal_basis_is_split_per_reference() {
        let s = |c: &str| split_legal_basis(c, &t());
        assert_eq!(
            s("2 kap. 17 § TF 6 kap. 2-3 § OSL"),
            vec!["2 kap. 17 § TF", "6 kap. 2-3 § OSL"]
        );
        assert_eq!(
            s("8 kap. 2 och 4-8 §§ SoL"),
            vec!["8 kap. 2 och 4-8 §§ SoL"]
        );
        assert_eq!(
            s("2 § förordning (1996:1036) om underhålls- stöd 106 kap. 8 § SFB"),
            vec![
                "2 § förordning (1996:1036) om underhålls- stöd",
                "106 kap. 8 § SFB"
            ]
        );
        assert_eq!(s("JO 1983/84 s. 188 f"), vec!["JO 1983/84 s. 188 f"]);
        assert_eq!(
            s("3 kap. 8 § körkorts-förordningen (1998:980) 5 kap. 2 § körkorts-förordningen"),
            vec![
                "3 kap. 8 § körkorts-förordningen (1998:980)",
                "5 kap. 2 § körkorts-förordningen"
            ]
        );
        assert_eq!(
            s("6 kap. 6 §, 14 a § 2 st, 15 a § 3 st. och 17 a § 2 st. FB"),
            vec!["6 kap. 6 §, 14 a § 2 st, 15 a § 3 st. och 17 a § 2 st. FB"]
        );
        assert!(s("").is_empty());
    }

    #[test]
    fn layout_tables_become_rows() {
        let raw = "Delegationsordning\n\n1. Gemensamt\n\nNr.      Ärende                   Lagrum          Delegat          Anmärkning\n1.1.1    Beslut i ärenden som     6 kap. 39 §     Ordförande\n         är brådskande.           KL\n1.1.2    Annat                                    Enhetschef       Se ovan\n                                                  Verksamhetschef\n                                                   Sida 7 av 30\n2. Överklagan\n";
        let t = layout_tables_to_tabs(raw);
        assert!(
            t.contains(
                "1.1.1\tBeslut i ärenden som är brådskande.\t6 kap. 39 § KL\tOrdförande\t\n"
            ),
            "{t}"
        );
        assert!(
            t.contains("1.1.2\tAnnat\t\tEnhetschef Verksamhetschef\tSe ovan\n"),
            "{t}"
        );
        assert!(t.contains("\n2. Överklagan\n"), "{t}");
        assert!(!t.contains("Sida 7"), "{t}");
    }

    #[test]
    fn a_small_order() {
        let text = "Kallelse\n\nDelegationsordning för Nämnden\n\nDokumentnamn\tX\nFastställd av\tNämnden\t\tDatum 2020-01-02\tDiarienummer N 2020-1\n\nInledning\nRegel ett.\n\nFörkortningar\nSoL\tSocialtjänstlag (2001:453)\n\nDelegationsordning\n\n1. Gemensamt\n\nNr.\tÄrende\tLagrum\tDelegat\tAnmärkning\n1.2.\tSak.\t4 kap. 1 § SoL\tEnhetschef\t\n\nNr.\tÄrende\tLagrum\tDelegat\tAnmärkning\n1.3\tAnnan sak.\t\tUtskott\t\n\nOrganisation\tBeslut\tAntal\n";
        let d = parse_delegation(text).expect("order");
        assert_eq!(d.title, "Delegationsordning för Nämnden");
        assert_eq!(d.case_number.as_deref(), Some("N 2020-1"));
        assert_eq!(d.adopted.as_deref(), Some("2020-01-02"));
        assert_eq!(d.rules, vec!["Regel ett."]);
        assert_eq!(d.items.len(), 2);
        assert_eq!(d.items[0].number, "1.2");
        assert_eq!(d.items[0].section.as_deref(), Some("1"));
        assert!(
            d.warnings
                .iter()
                .any(|w| w.contains("nummer saknas i ordningen: 1.1")),
            "{:?}",
            d.warnings
        );
        assert!(
            d.warnings.iter().any(|w| w.contains("börjar om")),
            "{:?}",
            d.warnings
        );
    }
}
