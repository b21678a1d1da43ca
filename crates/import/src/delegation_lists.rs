//! Delegationsordningar written as lists, not tables: a heading names the delegate once and
//! the numbered items under it are what that delegate decides
//! (`tests/corpus/delegation/06.txt`):
//!
//! ```text
//! Delegation till förvaltningschefen vid samhällsbyggnadsförvaltningen
//! 1. Arrende- och nyttjanderättsavtal för en avtalstid på längst 10 år.
//! 2. Trafikärenden med rätt till vidaredelegation
//!   • beslut om lokala trafikföreskrifter
//! Ärenden av principiell natur skall alltid avgöras av ledningsutskottet.
//! ```
//!
//! Only a heading that says in words that it delegates counts ("Delegation till X",
//! "Delegering till X", "Delegat: X", "Delegeras till X", "Till X delegeras …",
//! "Beslutanderätten delegeras/ges till X"), with a capital first and no sentence; another
//! short heading ends the delegate's section. The items under it must be numbered 1, 2, 3 …
//! (a number or three left out is warned of; a first "l." read for "1." is kept as written); a
//! bullet under an item stays in its matter after a "•" (the levels share the item's
//! delegate), a line in lower case goes on with the item, any other line is the item's
//! remark. The rows are then read as any table is
//! ([`crate::delegation_grid::order_from_rows`]). Used only when neither a table nor cells
//! were found, and only when at least three items are found; the order carries a warning
//! that every item is to be checked.

use crate::delegation_grid::Role;
use regex::Regex;
use std::sync::LazyLock;

/// A heading that names the delegate of the items under it.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:delegation|delegering)\s+till|delegeras\s+till|delegat(?:en)?\s*:|beslutanderätt(?:en)?\s+(?:delegeras|ges)\s+till)\s+(\S.{1,118}?)\s*[:.]?$|^(?i:till)\s+(\S.{1,118}?)\s+delegeras\b[^.]{0,60}?:?$",
    )
    .expect("static regex")
});
/// A numbered item: "1. Arrende …", "2) Fastighetsreglering …"; "l." where "1." was meant.
static ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3}|l)[.)]\s+(\S.*)$").expect("static regex"));
/// A bullet under an item: a part of its matter.
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[•·▪◦\-–*]\s*(\S.*)$").expect("static regex"));

/// The columns of the rows [`rows`] makes.
pub const COLUMNS: [Role; 4] = [Role::Number, Role::Matter, Role::Delegate, Role::Remark];

/// One item being put together.
struct Item {
    number: String,
    matter: String,
    levels: Vec<String>,
    remark: String,
    /// A remark or a level has begun (so a line in lower case goes on with that).
    after_matter: bool,
}

fn push_to(s: &mut String, t: &str) {
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(t);
}

/// What [`rows`] read: the rows (the header row first, then per heading its row and its
/// items) and what to warn of.
pub struct Lists {
    pub rows: Vec<Vec<String>>,
    pub warnings: Vec<String>,
}

/// The delegate a heading names, when the line is a heading that delegates: a capital first,
/// and a delegate of at most eight words that is no sentence ("Delegering till tjänsteman
/// får endast ske om …" is a rule, not a heading).
fn heading_delegate(line: &str) -> Option<String> {
    if !line.starts_with(char::is_uppercase) {
        return None;
    }
    let c = HEADING.captures(line)?;
    let who = c.get(1).or_else(|| c.get(2))?.as_str();
    let who = who.trim_end_matches([':', '.']).trim();
    let sentence = who
        .split_whitespace()
        .any(|w| matches!(w, "får" | "ska" | "skall" | "kan" | "sker" | "om" | "är"));
    (!sentence && who.split_whitespace().count() <= 8).then(|| who.to_string())
}

/// A short line with a capital first and no full stop among the items, which is no heading
/// that delegates ("Beslut som fattas av ordföranden"): it ends the delegate's section, and
/// the items after it are not given that delegate.
fn other_heading(line: &str) -> bool {
    line.starts_with(char::is_uppercase)
        && !line.ends_with(['.', '!', '?', ':', ','])
        && line.split_whitespace().count() <= 10
}

/// The rows of a delegationsordning written as lists under headings naming the delegate;
/// `None` when `text` is not one: fewer than three items.
pub fn rows(text: &str) -> Option<Lists> {
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let mut out: Vec<Vec<String>> = vec![["Nr", "Ärende", "Delegat", "Anmärkning"]
        .map(str::to_string)
        .to_vec()];
    let mut delegate: Option<String> = None;
    let mut item: Option<Item> = None;
    let mut expected = 1u32;
    // The number the list before a heading would have gone on with.
    let mut restart_or = 1u32;
    let mut warnings = Vec::new();
    let mut items = 0usize;
    let flush = |item: &mut Option<Item>, delegate: &Option<String>, out: &mut Vec<Vec<String>>| {
        if let (Some(i), Some(d)) = (item.take(), delegate) {
            let mut matter = i.matter;
            for l in i.levels {
                matter.push_str(" • ");
                matter.push_str(&l);
            }
            out.push(vec![i.number, matter, d.clone(), i.remark]);
        }
    };
    for (k, line) in lines.iter().enumerate() {
        if line.is_empty() {
            continue;
        }
        if let Some(who) = heading_delegate(line) {
            flush(&mut item, &delegate, &mut out);
            delegate = Some(who);
            out.push(vec![
                String::new(),
                line.trim_end_matches(':').to_string(),
                String::new(),
                String::new(),
            ]);
            // (The numbers start again at 1, or go on from the list before: Word's numbering
            // goes on across headings unless restarted.)
            restart_or = expected;
            expected = 1;
            continue;
        }
        if delegate.is_none() {
            continue; // text before the first heading
        }
        if let Some(c) = ITEM.captures(line) {
            let number = c.get(1).map_or("", |m| m.as_str());
            let next_is_two = || {
                lines
                    .iter()
                    .skip(k + 1)
                    .find_map(|l| ITEM.captures(l).and_then(|c| c.get(1)))
                    .is_some_and(|m| m.as_str() == "2")
            };
            let n = number.parse::<u32>().ok();
            let letter_one = number == "l" && expected == 1 && next_is_two();
            // A number or three left out (an item repealed, or lost at a page break).
            // The first item after a heading may go on from the list before it.
            let goes_on = expected == 1 && restart_or > 1 && n == Some(restart_or);
            let gap = !goes_on && n.is_some_and(|n| n > expected && n <= expected + 3);
            if n == Some(expected) || letter_one || gap || goes_on {
                flush(&mut item, &delegate, &mut out);
                if letter_one {
                    warnings.push(
                        "en punkt är numrerad ”l.” där ”1.” troligen avsågs; numret står som i texten"
                            .to_string(),
                    );
                }
                if gap && expected == 1 {
                    warnings.push(format!(
                        "punkt {number} är den första under sin rubrik; punkterna före saknas i texten"
                    ));
                } else if gap {
                    warnings.push(format!(
                        "punkt {number} följer på punkt {}; punkterna däremellan saknas i texten",
                        expected - 1
                    ));
                }
                expected = n.unwrap_or(expected) + 1;
                items += 1;
                item = Some(Item {
                    number: number.to_string(),
                    matter: c.get(2).map_or("", |m| m.as_str()).to_string(),
                    levels: Vec::new(),
                    remark: String::new(),
                    after_matter: false,
                });
                continue;
            }
        }
        let Some(i) = item.as_mut() else { continue };
        if other_heading(line) && BULLET.captures(line).is_none() {
            flush(&mut item, &delegate, &mut out);
            delegate = None;
            continue;
        }
        if let Some(c) = BULLET.captures(line) {
            i.levels
                .push(c.get(1).map_or("", |m| m.as_str()).to_string());
            i.after_matter = true;
        } else if line.chars().next().is_some_and(char::is_lowercase) {
            match (i.after_matter, i.levels.last_mut()) {
                (false, _) => push_to(&mut i.matter, line),
                (true, Some(l)) if i.remark.is_empty() => push_to(l, line),
                _ => push_to(&mut i.remark, line),
            }
        } else {
            push_to(&mut i.remark, line);
            i.after_matter = true;
        }
    }
    flush(&mut item, &delegate, &mut out);
    (items >= 3).then_some(Lists {
        rows: out,
        warnings,
    })
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
                proptest::strategy::Just("Delegation till förvaltningschefen\n".to_string()),
                proptest::strategy::Just("Delegat: ".to_string()),
                proptest::strategy::Just("l. Arrende\n".to_string()),
                proptest::strategy::Just("2. ".to_string()),
                proptest::strategy::Just("\n  • beslut\n".to_string()),
                proptest::strategy::Just("\n".to_string()),
                "\\PC{0,12}",
            ],
            0..60,
        )) {
            let _ = rows(&pieces.concat());
        }
    }

    #[test]
    fn the_heading_gives_every_item_under_it_its_delegate() {
        // From tests/corpus/delegation/06.txt, shortened.
        let text = "Dokumentet som delegerar befogenheter heter delegationsordning.\n\n\
                    Delegation till förvaltningschefen vid samhällsbyggnadsförvaltningen\n\
                    l. Arrendeavtal för en avtalstid på längst 10 år.\n\
                    2. Trafikärenden med rätt till vidaredelegation\n\n\
                    \u{20}\u{20}• beslut om lokala trafikföreskrifter\n\
                    \u{20}\u{20}• beslut om nyttoparkeringstillstånd\n\n\
                    Ärenden av principiell natur skall alltid avgöras av ledningsutskottet.\n\
                    3. Torghandelsärenden med möjlighet till\nvidaredelegering.\n\
                    5. Upplåtelse av offentlig plats.\n\
                    Delegat: Socialchef\n1. Yttranden till tingsrätten.\n";
        let Lists { rows, warnings } = rows(text).expect("a list");
        assert!(warnings.iter().any(|w| w.contains("”l.”")), "{warnings:?}");
        let items: Vec<&Vec<String>> = rows.iter().skip(1).filter(|r| !r[0].is_empty()).collect();
        assert_eq!(items.len(), 5, "{rows:#?}");
        assert_eq!(items[0][0], "l");
        assert_eq!(
            items[0][2],
            "förvaltningschefen vid samhällsbyggnadsförvaltningen"
        );
        assert_eq!(
            items[1][1],
            "Trafikärenden med rätt till vidaredelegation • beslut om lokala trafikföreskrifter • beslut om nyttoparkeringstillstånd"
        );
        assert_eq!(
            items[1][3],
            "Ärenden av principiell natur skall alltid avgöras av ledningsutskottet."
        );
        // A lower-case line goes on with the matter; "5." after "3." is an item, with a
        // warning that "4." is missing.
        assert_eq!(
            items[2][1],
            "Torghandelsärenden med möjlighet till vidaredelegering."
        );
        assert_eq!(
            (items[3][0].as_str(), items[3][1].as_str()),
            ("5", "Upplåtelse av offentlig plats.")
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("punkt 5 följer på punkt 3")),
            "{warnings:?}"
        );
        assert_eq!(
            (items[4][0].as_str(), items[4][2].as_str()),
            ("1", "Socialchef")
        );
        // A short heading that does not delegate ends the section: "4." is given no delegate.
        let other = "Delegation till förvaltningschefen\n1. Arrendeavtal.\n2. Trafikärenden.\n3. Torghandel.\n\
                     Beslut som fattas av ordföranden\n4. Brådskande ärenden.\n";
        let Lists { rows, .. } = super::rows(other).expect("a list");
        assert!(!rows.iter().any(|r| r[0] == "4"), "{rows:#?}");
        // A wrapped line in small letters and a rule in a sentence are no headings.
        assert_eq!(
            heading_delegate("delegation till enhetschef är tillåten"),
            None
        );
        assert_eq!(
            heading_delegate("Delegering till tjänsteman får endast ske om nämnden beslutat."),
            None
        );
        // Numbered lines without a heading that delegates are no order.
        let bare = "Föredragningslista\n1. Val av justerare\n2. Budget\n3. Övriga frågor\n";
        assert!(super::rows(bare).is_none());
        // Nor is a heading with fewer than three items.
        assert!(super::rows("Delegat: Socialchef\n1. Yttranden.\n2. Anmälningar.\n").is_none());
    }

    /// Word's numbering goes on across headings unless restarted: the first item under the
    /// next heading may go on from the list before.
    #[test]
    fn numbers_that_go_on_across_headings() {
        let text = "Delegat: Socialchef\n1. Yttranden.\n2. Anmälningar.\n3. Avgifter.\n\
                    Delegat: Enhetschef\n4. Bistånd.\n5. Boende.\n";
        let Lists { rows, warnings } = rows(text).expect("a list");
        let numbers: Vec<(&str, &str)> = rows
            .iter()
            .filter(|r| !r[0].is_empty())
            .skip(1)
            .map(|r| (r[0].as_str(), r[2].as_str()))
            .collect();
        assert_eq!(
            numbers,
            [
                ("1", "Socialchef"),
                ("2", "Socialchef"),
                ("3", "Socialchef"),
                ("4", "Enhetschef"),
                ("5", "Enhetschef")
            ]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn headings_that_delegate() {
        for (line, who) in [
            (
                "Delegation till förvaltningschefen vid samhällsbyggnadsförvaltningen",
                "förvaltningschefen vid samhällsbyggnadsförvaltningen",
            ),
            ("Delegering till ordföranden:", "ordföranden"),
            ("Delegat: Enhetschef IFO", "Enhetschef IFO"),
            (
                "Till socialchefen delegeras följande ärenden:",
                "socialchefen",
            ),
            (
                "Beslutanderätten delegeras till nämndens arbetsutskott",
                "nämndens arbetsutskott",
            ),
        ] {
            assert_eq!(heading_delegate(line).as_deref(), Some(who), "{line}");
        }
        for line in [
            "Dokumentet som delegerar befogenheter till tjänstemännen heter delegationsordning.",
            "Del av delegationsordning 11-06-08",
            "Delegationsordning för socialnämnden",
        ] {
            assert!(!HEADING.is_match(line), "{line}");
        }
    }
}
