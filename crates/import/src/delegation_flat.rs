//! Delegationsordningar whose table was flattened into running text: a PDF's text as
//! scraped archives and search engines hold it, every page one line, the cells run together
//! without a mark between them (`tests/corpus/delegation/01.txt`):
//!
//! ```text
//! 1.1 ORGANISATION 1.1.1 Beslut om utökning eller inskränkning av verksamhet. Direktör
//! 1.1.2 Beslut om organisatoriska förändringar: a) Inom kontoret b) Inom egen avdelning
//! a) Direktör 1.1.3 …
//! ```
//!
//! The cells are parted again by what begins them, and then read as a table extracted cell
//! by cell ([`crate::delegation_cells`]): an item's number ("1.1.1", "14.1", "F.1.1") or a
//! section's ("14. Överflyttning …") begins a row; a law ("2a kap 10 § SoL", "PBL 9 kap. 2
//! § första stycket 1 och 2") is a cell of its own unless the sentence goes on after it; a
//! capital letter after the matter begins a delegate ("… verksamhet. Direktör"), except an
//! abbreviation ("IFO", "LVM-ärenden"), a surname after a first name and a level's text after
//! its letter ("a) Inom kontoret"); lettered levels that begin again at "a)" are the
//! delegate cell's ("a) Inom kontoret b) Inom egen avdelning a) Direktör"); a header row, a
//! page number and a file path stand alone, to be left out. A sentence of six words or more
//! after the matter's full stop goes on with the matter, not a delegate.

use crate::delegation_cells::{abbreviation, remark_opener};
use crate::delegation_grid::Role;
use regex::Regex;
use std::sync::LazyLock;

/// An item's number as one word: "14.1", "1.2.3", "F.1.1".
static ITEM_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-ZÅÄÖ]\.\d{1,2}(?:\.\d{1,3}){0,3}|\d{1,2}(?:\.\d{1,3}){1,3})\.?$")
        .expect("static regex")
});
/// A section's number: "14.".
static SECTION_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}\.$").expect("static regex"));
/// A level's letter: "a)", "(b)".
static LEVEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?[a-z]\)$").expect("static regex"));
/// A number a law's chapter or paragraph begins with: "2a", "10", "1-2", "36,".
static LAW_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,3}\s?[a-z]?(?:[-–]\d{1,3}[a-z]?)?(?:,\d{1,3})*[,.]?$").expect("static regex")
});
/// A law's name or abbreviation: "SoL", "PBL", "kommunallagen", "föräldrabalken".
static LAW_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:SoL|LVU|LVM|LSS|PBL|ÄPBL|FL|KL|OSL|FB|SFB|TF|BrB|ÄB|MB|SkolL|AL|LOU|HSL|PSL|LPT|LRV|KML|\p{Ll}*(?:lagen|balken|förordningen))[,.;)]?$",
    )
    .expect("static regex")
});

/// Whether `text` looks flattened: long lines, few of them.
fn flattened(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let chars: usize = lines.iter().map(|l| l.chars().count()).sum();
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    chars >= 300 && longest >= 300 && lines.len() * 150 <= chars
}

fn capital(w: &str) -> bool {
    w.trim_start_matches(['*', '(', '"', '”'])
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase) && !LEVEL.is_match(w)
}

/// A word a sentence goes on after, so that a capital after it is no new cell ("i SoL-,
/// LVU- och LVM-ärenden", "till Förvaltningsrätten").
fn joins(w: &str) -> bool {
    matches!(
        w.trim_end_matches(','),
        "och"
            | "eller"
            | "samt"
            | "i"
            | "av"
            | "för"
            | "till"
            | "med"
            | "om"
            | "på"
            | "från"
            | "hos"
            | "vid"
            | "enligt"
            | "mot"
            | "inom"
            | "över"
            | "genom"
            | "än"
            | "som"
            | "att"
            | "den"
            | "det"
            | "de"
            | "en"
            | "ett"
    )
}

/// The number of words of the law beginning at `i`, if one does: "[PBL] 9 kap. 2 § första
/// stycket 1 och 2", "10 kap 1-2 §§ SoL 6 kap 36 § KL", "9 § FL", "6 kap 3 OSL".
fn law_at(w: &[&str], i: usize) -> Option<usize> {
    let at = |k: usize| w.get(k).copied().unwrap_or("");
    let chapter_or_paragraph =
        |s: &str| matches!(s.trim_end_matches([',', '.', ';']), "kap" | "§" | "§§");
    let start = if LAW_NAME.is_match(at(i)) && LAW_NUMBER.is_match(at(i + 1)) {
        i + 1
    } else {
        i
    };
    if !(LAW_NUMBER.is_match(at(start)) && chapter_or_paragraph(at(start + 1))) {
        return None;
    }
    let mut k = start + 2;
    loop {
        let s = at(k);
        let goes_on = LAW_NUMBER.is_match(s)
            || chapter_or_paragraph(s)
            || LAW_NAME.is_match(s)
            || matches!(
                s,
                "st" | "st."
                    | "stycket"
                    | "första"
                    | "andra"
                    | "tredje"
                    | "fjärde"
                    | "femte"
                    | "p"
                    | "p."
                    | "punkt"
            )
            || (s == "och" || s == "samt") && LAW_NUMBER.is_match(at(k + 1));
        if !goes_on || s.is_empty() {
            break;
        }
        k += 1;
    }
    Some(k - i)
}

/// The number of words of a header row beginning at `i` ("Nr Delegationens art Lagrum
/// Delegat Ersättare"), if one does.
fn header_at(w: &[&str], i: usize) -> Option<usize> {
    if !w.get(i).is_some_and(|s| capital(s)) {
        return None;
    }
    (3..=8).rev().find(|&k| {
        w.get(i..i + k).is_some_and(|run| {
            run.iter()
                .all(|t| !t.contains(|c: char| c.is_ascii_digit()))
                && run
                    .last()
                    .and_then(|l| crate::delegation_grid::role_of(l))
                    .is_some_and(|r| !matches!(r, Role::Extra(_)))
                && crate::delegation_cells::is_header_row(&run.join(" "))
        })
    })
}

/// Page furniture beginning at `i`: a file path up to its file name, "Sida 37 av 50", a
/// page number before a section or an item, or at the end, with its "(12)".
fn furniture_at(w: &[&str], i: usize) -> Option<usize> {
    let at = |k: usize| w.get(k).copied().unwrap_or("");
    let s = at(i);
    if s.contains('\\') {
        let end = (i..w.len().min(i + 12)).find(|&k| {
            let l = at(k).to_lowercase();
            [".docx", ".doc", ".pdf", ".odt"]
                .iter()
                .any(|e| l.ends_with(e))
        })?;
        return Some(end + 1 - i);
    }
    let number = |t: &str| !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit());
    if s.eq_ignore_ascii_case("sida") && number(at(i + 1)) {
        return Some(if at(i + 2) == "av" && number(at(i + 3)) {
            4
        } else {
            2
        });
    }
    if number(s) {
        let (next, skip) = if at(i + 1).starts_with('(') && at(i + 1).ends_with(')') {
            (at(i + 2), 2)
        } else {
            (at(i + 1), 1)
        };
        let before_heading = ITEM_NUMBER.is_match(next)
            || SECTION_NUMBER.is_match(next) && capital(at(i + skip + 1));
        if next.is_empty() || before_heading {
            return Some(skip);
        }
    }
    None
}

/// How the words after a level's restart are read.
#[derive(PartialEq)]
enum Phase {
    /// Before the item's first number, or in a heading.
    Outside,
    /// The item's first cell: its number and matter.
    Matter,
    /// The cells after the matter.
    Cells,
    /// The delegate cell of lettered levels ("a) Direktör b) Jurist"): one cell, parted
    /// only where a remark begins.
    LevelDelegates,
}

/// The text of a flattened table put back cell by cell (cells between blank lines), to be
/// read by [`crate::delegation_cells::rows`]; `None` when `text` does not look flattened.
pub fn cells(text: &str) -> Option<String> {
    flattened(text).then(|| part(text))
}

/// The cells of `text`, parted as [`cells`] does.
fn part(text: &str) -> String {
    let w: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let flush = |cur: &mut Vec<&str>, out: &mut Vec<String>| {
        if !cur.is_empty() {
            out.push(cur.join(" "));
            cur.clear();
        }
    };
    let mut phase = Phase::Outside;
    let mut letter_seen = false;
    let mut glue = false;
    let mut i = 0;
    while let Some(&s) = w.get(i) {
        let next = w.get(i + 1).copied().unwrap_or("");
        if ITEM_NUMBER.is_match(s)
            && (capital(next) || next.starts_with(|c: char| c.is_ascii_digit()))
        {
            flush(&mut cur, &mut out);
            cur.push(s);
            phase = Phase::Matter;
            letter_seen = false;
            glue = true;
            i += 1;
            continue;
        }
        if SECTION_NUMBER.is_match(s) && capital(next) && !glue {
            flush(&mut cur, &mut out);
            cur.push(s);
            phase = Phase::Outside;
            glue = true;
            i += 1;
            continue;
        }
        let header = || (!glue).then(|| header_at(&w, i)).flatten();
        if let Some(n) = furniture_at(&w, i).or_else(header) {
            flush(&mut cur, &mut out);
            out.push(w.get(i..i + n).unwrap_or(&[]).join(" "));
            i += n;
            glue = false;
            continue;
        }
        if phase != Phase::Outside {
            if let Some(n) = law_at(&w, i) {
                let law = w.get(i..i + n).unwrap_or(&[]);
                let after = w.get(i + n).copied().unwrap_or("");
                // The law in a sentence that goes on, or the law before the matter in a
                // table whose law comes first ("1.2.4 6 kap 3 OSL Beslut att …"), stays
                // in the cell.
                let in_sentence = lower(after);
                let after_number = phase == Phase::Matter && cur.len() == 1;
                if in_sentence || after_number {
                    cur.extend_from_slice(law);
                } else {
                    flush(&mut cur, &mut out);
                    out.push(law.join(" "));
                    if phase == Phase::Matter {
                        phase = Phase::Cells;
                    }
                }
                i += n;
                glue = false;
                continue;
            }
        }
        if LEVEL.is_match(s) && phase != Phase::Outside {
            if s.trim_start_matches('(').starts_with('a') && letter_seen {
                flush(&mut cur, &mut out);
                phase = Phase::LevelDelegates;
            }
            letter_seen = true;
            cur.push(s);
            glue = true;
            i += 1;
            continue;
        }
        let begins = capital(s)
            && !abbreviation(s)
            && !glue
            && !cur
                .last()
                .is_some_and(|p| joins(p) || capital(p) && crate::persons::is_first_name(p));
        let parts = match phase {
            Phase::Outside => begins && cur.is_empty(),
            Phase::LevelDelegates => begins && remark_opener(s),
            Phase::Cells => begins,
            Phase::Matter => {
                // A sentence of six words or more after the matter's full stop is the
                // matter's own; a delegate is a few words.
                let run = (i + 1..w.len())
                    .take_while(|&k| {
                        let t = w.get(k).copied().unwrap_or("");
                        (!capital(t) || abbreviation(t))
                            && !ITEM_NUMBER.is_match(t)
                            && !LEVEL.is_match(t)
                            && law_at(&w, k).is_none()
                    })
                    .count();
                let sentence =
                    cur.last().is_some_and(|p| p.ends_with('.')) && run >= 5 && !remark_opener(s);
                begins && !sentence
            }
        };
        if parts {
            flush(&mut cur, &mut out);
            if phase == Phase::Matter {
                phase = Phase::Cells;
            }
        }
        cur.push(s);
        glue = false;
        i += 1;
    }
    flush(&mut cur, &mut out);
    out.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells_of(text: &str) -> Vec<String> {
        part(text).split("\n\n").map(str::to_string).collect()
    }

    #[test]
    fn a_flattened_row_is_parted_into_its_cells() {
        assert_eq!(
            cells_of("1.1 ORGANISATION 1.1.1 Beslut om utökning av verksamhet. Direktör 1.1.2 Beslut om förändringar: a) Inom kontoret b) Inom egen avdelning a) Direktör"),
            [
                "1.1 ORGANISATION",
                "1.1.1 Beslut om utökning av verksamhet.",
                "Direktör",
                "1.1.2 Beslut om förändringar: a) Inom kontoret b) Inom egen avdelning",
                "a) Direktör",
            ]
        );
        assert_eq!(
            cells_of("14.1 Beslut om överflyttning av ärende i SoL-, LVU- och LVM-ärenden till annan kommun 2a kap 10 § SoL Enhetschef IFO Avdelningschef IFO 31 15. Överklagande till domstol Nr Delegationens art Lagrum Delegat Ersättare 15.1 Beslut att föra talan 10 kap 2 § SoL Peter Söderström Henrik Axelsson"),
            [
                "14.1 Beslut om överflyttning av ärende i SoL-, LVU- och LVM-ärenden till annan kommun",
                "2a kap 10 § SoL",
                "Enhetschef IFO",
                "Avdelningschef IFO",
                "31",
                "15. Överklagande till domstol",
                "Nr Delegationens art Lagrum Delegat Ersättare",
                "15.1 Beslut att föra talan",
                "10 kap 2 § SoL",
                "Peter Söderström",
                "Henrik Axelsson",
            ]
        );
    }

    #[test]
    fn a_law_in_a_sentence_or_before_the_matter_stays_in_its_cell() {
        assert_eq!(
            cells_of("1.2.4 6 kap 3 OSL Beslut att inte lämna ut allmän handling. 1.2.5 Beslut enligt 4 kap 1 § SoL om bistånd Socialsekreterare"),
            [
                "1.2.4 6 kap 3 OSL",
                "Beslut att inte lämna ut allmän handling.",
                "1.2.5 Beslut enligt 4 kap 1 § SoL om bistånd",
                "Socialsekreterare",
            ]
        );
    }

    #[test]
    fn remarks_levels_and_furniture() {
        assert_eq!(
            cells_of("2.1.5 Beslut om inhyrning av personal. Avdelningschef I samråd med HR-chef efter förhandling enligt 38 MBL 2.1.6 Beslut om tillsättning av: a) Direktör b) Övrig personal a) Direktör b) Jurist* Enhetschef* *Efter fullmakt från direktör \\\\SRV\\users\\x\\Bilaga 9_0.DOCX Sida 37 av 50 F.1.2 Nybyggnad. Bygglovschef PBL 9 kap. 2 § första stycket 1 och 2 Gäller ej hotell. Sådana beslut tas av nämnden."),
            [
                "2.1.5 Beslut om inhyrning av personal.",
                "Avdelningschef",
                "I samråd med HR-chef efter förhandling enligt 38 MBL",
                "2.1.6 Beslut om tillsättning av: a) Direktör b) Övrig personal",
                "a) Direktör b) Jurist* Enhetschef*",
                "*Efter fullmakt från direktör",
                "\\\\SRV\\users\\x\\Bilaga 9_0.DOCX",
                "Sida 37 av 50",
                "F.1.2 Nybyggnad.",
                "Bygglovschef",
                "PBL 9 kap. 2 § första stycket 1 och 2",
                "Gäller ej hotell.",
                "Sådana beslut tas av nämnden.",
            ]
        );
    }

    #[test]
    fn a_long_sentence_after_the_matter_is_the_matter() {
        assert_eq!(
            cells_of("3.1 Beslut om bidrag. Detta gäller även bidrag till föreningar i kommunen. Kulturchef"),
            [
                "3.1 Beslut om bidrag. Detta gäller även bidrag till föreningar i kommunen.",
                "Kulturchef"
            ]
        );
    }

    #[test]
    fn text_with_short_lines_is_not_flattened() {
        assert!(cells("14.1 Beslut\n\n2a kap 10 § SoL\n\nEnhetschef\n").is_none());
        assert!(
            cells(&"14.1 Beslut om bistånd 4 kap 1 § SoL Socialsekreterare ".repeat(9)).is_some()
        );
    }

    proptest::proptest! {
        /// Any text, with the pieces of this layout thrown in, is parted or left, never a
        /// panic.
        #[test]
        fn never_panics(pieces in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("14.1 Beslut ".to_string()),
                proptest::strategy::Just(" 14. Rubrik ".to_string()),
                proptest::strategy::Just(" 2 kap 1 § SoL ".to_string()),
                proptest::strategy::Just(" PBL 9 ".to_string()),
                proptest::strategy::Just(" a) ".to_string()),
                proptest::strategy::Just(" Sida 3 av ".to_string()),
                proptest::strategy::Just(" \\\\x ".to_string()),
                proptest::strategy::Just(" Nr Ärende Lagrum Delegat ".to_string()),
                "\\PC{0,12}",
            ],
            0..80,
        )) {
            let _ = cells(&pieces.concat());
        }
    }
}
