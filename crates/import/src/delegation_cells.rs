//! Delegationsordningar whose table arrived cell by cell: a PDF table extracted without its
//! layout (or copied from a web page that did so) puts every cell on its own line with a
//! blank line between the cells, and the header row, page numbers and footers among them
//! (`tests/corpus/delegation/02.txt`, `05.txt`):
//!
//! ```text
//! 14.1 Beslut om framställning om överflyttning av ärende till annan kommun
//!
//! 2a kap 10 § SoL
//!
//! Enhetschef IFO Avdelningschef IFO
//! ```
//!
//! The cells are put back into rows (Nr, Ärende, Lagrum, Delegat, Anmärkning) by what they
//! are, not where they stand: an item begins with its number ("14.1", "F.1.1"); a cell that
//! begins in lower case goes on with the cell before (a wrapped cell); a cell that cites a
//! law is the Lagrum; the other cells after the matter are delegates, or, once the law has
//! followed the delegates, the Anmärkning. The rows are then read as any table is
//! ([`crate::delegation_grid::order_from_rows`]). Used only when no table with a header was
//! found, and only when at least three items with a delegate are found; the order carries a
//! warning that every item is to be checked.

use crate::delegation_grid::Role;
use regex::Regex;
use std::sync::LazyLock;

/// An item's number at the start of a cell: "14.1", "1.2.3", "F.1.1" (at least two levels).
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^((?:[A-ZÅÄÖ]\.\d{1,2}(?:\.\d{1,3}){0,3})|(?:\d{1,2}(?:\.\d{1,3}){1,3}))\.?\s+(\S.*)$",
    )
    .expect("static regex")
});
/// A section heading: "14. Överflyttning av ärende till annan kommun".
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}\.\s+\p{Lu}\S*(?:\s+\S+)*$").expect("static regex"));
/// A cell that cites a law: a chapter, a paragraph sign or a law's abbreviation.
static LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\s(])(?:\d{1,2}\s?[a-z]?\s?kap\.?(?:\s|$)|\d{1,3}\s?[a-z]?\s?§|§§?\s?\d|(?:SoL|LVU|LVM|LSS|PBL|ÄPBL|FL|KL|OSL|FB|SFB|TF|BrB|ÄB|MB|SkolL|AL|LOU|HSL|PSL|LPT|LRV|KML)(?:[\s,.;)]|$))",
    )
    .expect("static regex")
});
/// Page furniture among the cells: a page number, "Sida 37 av 50", a file path.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\d{1,3}|sida\s+\d+(?:\s+av\s+\d+)?|\d+\s*\(\d+\))$|\\\\|\.(?:docx?|pdf|odt)$",
    )
    .expect("static regex")
});

/// The words a remark begins with, not a delegate: "I samråd med HR-chef", "*Efter fullmakt
/// från direktör", "Gäller ej …".
const REMARK_OPENERS: [&str; 14] = [
    "I",
    "Efter",
    "Enligt",
    "Gäller",
    "Anmäls",
    "Vid",
    "Dock",
    "Ej",
    "Se",
    "Avser",
    "Endast",
    "Samråd",
    "Observera",
    "OBS",
];

/// Whether a cell beginning with `w` is a remark ("I samråd …", "*Efter …").
pub(crate) fn remark_opener(w: &str) -> bool {
    REMARK_OPENERS.contains(&w.trim_start_matches('*'))
}

/// "IFO", "SoL-,", "IVO:s": two capitals or more, and no word after them ("HR-chef" is a
/// role).
pub(crate) fn abbreviation(w: &str) -> bool {
    let mut run = 0;
    let mut longest = 0;
    for c in w.chars() {
        run = if c.is_lowercase() { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    w.chars().filter(|c| c.is_uppercase()).count() >= 2 && longest < 3
}

/// The columns of the rows [`rows`] makes.
pub const COLUMNS: [Role; 5] = [
    Role::Number,
    Role::Matter,
    Role::Law,
    Role::Delegate,
    Role::Remark,
];

/// One item being put together.
#[derive(Default)]
struct Row {
    number: String,
    matter: String,
    law: Vec<String>,
    delegates: Vec<String>,
    remark: String,
    /// The law came after the delegates (so what follows it is a remark).
    law_after_delegates: bool,
    /// The cell a lower-case cell goes on with.
    last: Cell,
}

#[derive(Default, Clone, Copy, PartialEq)]
enum Cell {
    #[default]
    Matter,
    Law,
    Delegate,
    Remark,
}

fn push_to(s: &mut String, t: &str) {
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(t);
}

impl Row {
    fn add(&mut self, cell: &str) {
        // (A level's letter, "a) Direktör", begins a cell of its own.)
        let letter = cell
            .split_whitespace()
            .next()
            .is_some_and(|w| w.len() == 2 && w.ends_with(')'));
        let lower = cell.chars().next().is_some_and(char::is_lowercase) && !letter;
        if lower {
            match self.last {
                Cell::Matter => push_to(&mut self.matter, cell),
                Cell::Law => match self.law.last_mut() {
                    Some(l) => push_to(l, cell),
                    None => self.law.push(cell.to_string()),
                },
                Cell::Delegate => match self.delegates.last_mut() {
                    Some(d) => push_to(d, cell),
                    None => self.delegates.push(cell.to_string()),
                },
                Cell::Remark => push_to(&mut self.remark, cell),
            }
            return;
        }
        let opener = cell.split_whitespace().next().is_some_and(remark_opener);
        if self.last == Cell::Remark {
            push_to(&mut self.remark, cell);
        } else if self.matter.is_empty() && !LAW.is_match(cell) {
            // The matter after a law that came first ("1.2.4 6 kap 3 OSL" / "Beslut att …").
            self.matter = cell.to_string();
            self.last = Cell::Matter;
        } else if opener && (!self.delegates.is_empty() || !self.law.is_empty()) {
            // "I samråd med HR-chef", "*Efter fullmakt från direktör": a remark.
            push_to(&mut self.remark, cell);
            self.last = Cell::Remark;
        } else if LAW.is_match(cell) && cell.split_whitespace().nth(12).is_none() {
            if !self.delegates.is_empty() && self.law.is_empty() {
                self.law_after_delegates = true;
            }
            self.law.push(cell.to_string());
            self.last = Cell::Law;
        } else if self.law_after_delegates {
            push_to(&mut self.remark, cell);
            self.last = Cell::Remark;
        } else {
            self.delegates.push(cell.to_string());
            self.last = Cell::Delegate;
        }
    }

    fn into_cells(self) -> Vec<String> {
        let letter =
            |r: &str| r.get(1..3) == Some(") ") && r.starts_with(|c: char| c.is_ascii_lowercase());
        let mut parted: Vec<String> = Vec::new();
        for r in self.delegates.iter().flat_map(|d| roles(d)) {
            // A level's roles are alternatives on its line: "b) Jurist, Enhetschef".
            match parted.last_mut() {
                Some(last) if letter(last) && !letter(&r) => {
                    last.push_str(", ");
                    last.push_str(&r);
                }
                _ => parted.push(r),
            }
        }
        vec![
            self.number,
            self.matter,
            self.law.join("\n"),
            parted.join("\n"),
            self.remark,
        ]
    }
}

/// The roles in a delegate cell, where the table's Delegat and Ersättare cells ran together
/// ("Enhetschef IFO Avdelningschef IFO", "Peter Söderström Henrik Axelsson"): a role begins
/// at a capital, except an abbreviation ("IFO", "LoS") and the surname after a first name,
/// which belong to the role before. "eller", "/" and "," keep their meaning (alternatives).
fn roles(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut after_first_name = false;
    let mut glue = false;
    for w in cell.split_whitespace() {
        let w = w.trim_matches('*');
        if w.is_empty() {
            continue;
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        // A level's letter ("a) Direktör b) Jurist") begins a role and holds the next word.
        let letter =
            w.len() == 2 && w.ends_with(')') && w.starts_with(|c: char| c.is_ascii_lowercase());
        let begins = letter || capital && !abbreviation(w) && !after_first_name && !glue;
        match out.last_mut() {
            Some(role) if !begins => {
                role.push(' ');
                role.push_str(w);
            }
            _ => out.push(w.to_string()),
        }
        glue = w == "eller" || w == "/" || w.ends_with(',') || letter;
        after_first_name = begins && crate::persons::is_first_name(w);
    }
    out
}

/// The rows of a table extracted cell by cell (with the header row first), or `None` when
/// `text` is not one: fewer than three items with a delegate.
pub fn rows(text: &str) -> Option<Vec<Vec<String>>> {
    // Cells: the text between blank lines, its lines joined.
    let mut cells: Vec<String> = Vec::new();
    let mut cur = String::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !cur.is_empty() {
                cells.push(std::mem::take(&mut cur));
            }
        } else {
            push_to(
                &mut cur,
                &line.split_whitespace().collect::<Vec<_>>().join(" "),
            );
        }
    }
    if !cur.is_empty() {
        cells.push(cur);
    }
    // A text without blank lines between its lines is not cell by cell.
    if cells.len() < 8 {
        return None;
    }
    let mut out: Vec<Vec<String>> = vec![["Nr", "Ärende", "Lagrum", "Delegat", "Anmärkning"]
        .map(str::to_string)
        .to_vec()];
    let mut row: Option<Row> = None;
    let mut previous_number = String::new();
    let mut k = 0;
    while let Some(cell) = cells.get(k).cloned() {
        k += 1;
        if FURNITURE.is_match(&cell) || is_header_row(&cell) {
            continue;
        }
        // An item whose number was run into the cell before it ("… Henrik Axelsson 15.3
        // Överklaganden …"): the next number after the last item's, inside the cell.
        if let Some(next) = next_number(&previous_number) {
            if let Some(at) = cell.find(&format!(" {next} ")) {
                let (before, after) = cell.split_at(at);
                cells.insert(k, after.trim().to_string());
                if let Some(r) = row.as_mut() {
                    r.add(before.trim());
                }
                continue;
            }
        }
        if let Some(c) = ITEM.captures(&cell) {
            let number = c.get(1).map_or("", |m| m.as_str()).to_string();
            let rest = c.get(2).map_or("", |m| m.as_str()).to_string();
            // "F.1 Beslut om lov …" before "F.1.1 …" heads a section.
            let heads = cells
                .get(k..)
                .unwrap_or(&[])
                .iter()
                .find_map(|n| {
                    ITEM.captures(n)
                        .and_then(|c| c.get(1))
                        .map(|m| m.as_str().to_string())
                })
                .is_some_and(|n| n.starts_with(&format!("{number}.")));
            if let Some(r) = row.take() {
                out.push(r.into_cells());
            }
            if heads {
                out.push(heading(&cell));
                previous_number.clear();
                continue;
            }
            previous_number.clone_from(&number);
            // "1.2.4 6 kap 3 OSL": a table whose law comes before the matter.
            let law_first = rest.starts_with(|c: char| c.is_ascii_digit())
                && LAW.is_match(&rest)
                && rest.split_whitespace().nth(8).is_none();
            row = Some(if law_first {
                Row {
                    number,
                    law: vec![rest],
                    last: Cell::Law,
                    ..Row::default()
                }
            } else {
                Row {
                    number,
                    matter: rest,
                    ..Row::default()
                }
            });
            continue;
        }
        if SECTION.is_match(&cell) && cell.len() <= 150 {
            if let Some(r) = row.take() {
                out.push(r.into_cells());
            }
            out.push(heading(&cell));
            continue;
        }
        // Text before the first item (an introduction, a section's own law) is left out.
        if let Some(r) = row.as_mut() {
            r.add(&cell);
        }
    }
    if let Some(r) = row.take() {
        out.push(r.into_cells());
    }
    let with_delegate = out
        .iter()
        .skip(1)
        .filter(|r| {
            r.first().is_some_and(|n| !n.is_empty()) && r.get(3).is_some_and(|d| !d.is_empty())
        })
        .count();
    // A table extracted column by column (all the matters, then the other cells) leaves
    // most items without a delegate: not this layout, and not to be guessed at.
    let items = out
        .iter()
        .skip(1)
        .filter(|r| r.first().is_some_and(|n| !n.is_empty()))
        .count();
    (with_delegate >= 3 && with_delegate * 4 >= items * 3).then_some(out)
}

/// A section heading's row: its text alone, in the matter's column.
fn heading(cell: &str) -> Vec<String> {
    let mut row = vec![String::new(); COLUMNS.len()];
    if let Some(matter) = row.get_mut(1) {
        *matter = cell.to_string();
    }
    row
}

/// "Nr Delegationens art Lagrum Delegat Ersättare": the header row, repeated on every page:
/// a short cell whose words name a delegate column and at least two other kinds of column.
pub(crate) fn is_header_row(cell: &str) -> bool {
    if cell.split_whitespace().nth(10).is_some() {
        return false;
    }
    let roles: Vec<Role> = cell
        .split_whitespace()
        .filter_map(crate::delegation_grid::role_of)
        .filter(|r| !matches!(r, Role::Extra(_)))
        .collect();
    let kinds = [Role::Number, Role::Matter, Role::Law, Role::Remark]
        .iter()
        .filter(|k| roles.contains(k))
        .count();
    roles
        .iter()
        .any(|r| matches!(r, Role::Delegate | Role::DelegateWithSubstitutes))
        && kinds >= 2
}

/// The number after `n` at its last level ("15.2" → "15.3").
fn next_number(n: &str) -> Option<String> {
    let (head, last) = n.rsplit_once('.')?;
    let last: u32 = last.parse().ok()?;
    Some(format!("{head}.{}", last.checked_add(1)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Any text, with the pieces of this layout thrown in, is read or refused, never a
        /// panic.
        #[test]
        fn never_panics(pieces in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("14.1 Beslut".to_string()),
                proptest::strategy::Just(" 14.2 ".to_string()),
                proptest::strategy::Just("2 kap 1 § SoL".to_string()),
                proptest::strategy::Just("Enhetschef IFO".to_string()),
                proptest::strategy::Just("\n\n".to_string()),
                proptest::strategy::Just("F.1 ".to_string()),
                "\\PC{0,12}",
            ],
            0..60,
        )) {
            let _ = rows(&pieces.concat());
        }
    }

    #[test]
    fn roles_that_ran_together_are_parted() {
        assert_eq!(
            roles("Enhetschef IFO Avdelningschef IFO"),
            ["Enhetschef IFO", "Avdelningschef IFO"]
        );
        assert_eq!(
            roles("Peter Söderström Henrik Axelsson"),
            ["Peter Söderström", "Henrik Axelsson"]
        );
        assert_eq!(
            roles("Grundskolechef Gymnasiechef Vhtchef LoS"),
            ["Grundskolechef", "Gymnasiechef", "Vhtchef LoS"]
        );
        assert_eq!(
            roles("Närmast högre befattningshavare"),
            ["Närmast högre befattningshavare"]
        );
    }

    #[test]
    fn cells_become_rows() {
        let text = "Inledande text om ordningen.\n\n14. Överflyttning\n\nNr Delegationens art Lagrum Delegat Ersättare\n\n\
                    14.1 Beslut om överflyttning\n\n2a kap 10 § SoL\n\nEnhetschef IFO Avdelningschef IFO\n\n\
                    14.2 Beslut i fråga om\n\nmottagande av ärende\n\n2a kap 10 § SoL\n\nEnhetschef\n\n31\n\n\
                    14.3 Beslut att överklaga\n\n16 kap 4 § SoL\n\nDelegat i\n\nursprungsärendet\n\nNärmast högre befattningshavare 14.4 Yttrande\n\nUtskottet";
        let rows = rows(text).expect("cell by cell");
        let items: Vec<&Vec<String>> = rows.iter().filter(|r| !r[0].is_empty()).collect();
        assert_eq!(items.len(), 5, "{rows:#?}"); // the header and four items
        assert_eq!(items[2][1], "Beslut i fråga om mottagande av ärende");
        assert_eq!(
            items[3][3],
            "Delegat i ursprungsärendet\nNärmast högre befattningshavare"
        );
        assert_eq!(items[4][0], "14.4");
        // A text whose lines have no blank lines between them is not cell by cell.
        assert!(super::rows(&text.replace("\n\n", "\n")).is_none());
    }

    #[test]
    fn delegates_before_the_law_put_what_follows_in_the_remark() {
        let text = "F.1 Beslut om lov\n\nF.1.1 Nybyggnad utanför\n\nområde med detaljplan.\n\nBygglovschef\n\n\
                    Bygglovshandläggare Arbetsutskottet\n\nPBL 9 kap. 2 §\n\nGäller ej hotell.\n\nSida 37 av 50\n\n\
                    F.1.2 Tillbyggnad.\n\nBygglovschef\n\nPBL 9 kap. 2 §\n\nF.1.3 Komplementbyggnad.\n\nBygglovschef\n\nPBL 9 kap. 2 §";
        let rows = rows(text).expect("cell by cell");
        let f11 = rows.iter().find(|r| r[0] == "F.1.1").expect("F.1.1");
        assert_eq!(f11[1], "Nybyggnad utanför område med detaljplan.");
        assert_eq!(f11[2], "PBL 9 kap. 2 §");
        assert_eq!(f11[3], "Bygglovschef\nBygglovshandläggare\nArbetsutskottet");
        assert_eq!(f11[4], "Gäller ej hotell.");
        assert!(rows
            .iter()
            .any(|r| r[0].is_empty() && r[1] == "F.1 Beslut om lov"));
    }
}
