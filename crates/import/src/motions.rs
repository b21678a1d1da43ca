//! Yrkanden in a §'s *behandling*: "Helena Karlsson (M) yrkar att …", "Åsa Bergkvist (S) och
//! Helena Karlsson (M) yrkar bifall till …", "Ordförande yrkar att …". The words are read
//! here; who the movers are (persons of the meeting) is decided by the caller, which knows the
//! närvarolista.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// One line of a § 's *behandling*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ProceedingLine {
    /// Yrkande: the first mover moves, the others instämmer.
    Motion {
        /// Who moved it, in the order written.
        movers: Vec<Mover>,
        /// What was moved, from its first word: "att …", "bifall till …".
        text: String,
        /// The line as written.
        written: String,
    },
    /// Anything else (propositionsordning, a question, a vote told in prose).
    Other(String),
}

/// A mover as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Mover {
    /// "Ordförande" or "Ordföranden", not named.
    Chair,
    /// A name, with the party when written: "Helena Karlsson (M)".
    Named {
        /// The name, with "Carl- Henrik" mended to "Carl-Henrik".
        name: String,
        /// Party abbreviation.
        party: Option<String>,
        /// Written with the title "ordförande" before the name.
        chair: bool,
    },
}

/// "<movers> yrkar [på] <att|bifall|avslag|…> …".
static MOTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<who>[^.;:]{2,200}?)\s+yrkar(?:\s+på)?\s+(?P<what>(?:att|bifall|avslag|återremiss|bordläggning|ändring|tillägg|som|i\s+första\s+hand)\b.*)$",
    )
    .expect("static regex")
});

/// One mover: "[Ordförande] [Name] [(P)]".
static MOVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<title>(?i:ordf[öo]rande(?:n)?|ordf\.)\s*)?(?P<name>[\p{Lu}][\p{L}'’-]*(?:[\s-]+[\p{Lu}][\p{L}'’-]*){0,4})?\s*(?:\(\s*(?P<party>[\p{L}]{1,6})\s*\))?$",
    )
    .expect("static regex")
});

/// Reads the lines of a §'s *behandling* (as [`crate::Paragraph::proceedings`] holds it, a
/// line per paragraph). Never panics.
pub fn proceeding_lines(proceedings: &str) -> Vec<ProceedingLine> {
    proceedings
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| motion(line).unwrap_or_else(|| ProceedingLine::Other(line.to_string())))
        .collect()
}

fn motion(line: &str) -> Option<ProceedingLine> {
    let c = MOTION.captures(line)?;
    let who = c.name("who")?.as_str();
    let text = c.name("what")?.as_str().trim();
    let movers = who
        .split(", ")
        .flat_map(|part| part.split(" och "))
        .map(|part| mover(part.trim()))
        .collect::<Option<Vec<_>>>()?;
    (!movers.is_empty() && !text.is_empty()).then(|| ProceedingLine::Motion {
        movers,
        text: text.to_string(),
        written: line.to_string(),
    })
}

fn mover(part: &str) -> Option<Mover> {
    let mended = part.replace("- ", "-");
    let c = MOVER.captures(&mended)?;
    let chair = c.name("title").is_some();
    let party = c.name("party").map(|p| p.as_str().to_string());
    match c.name("name") {
        Some(n) => Some(Mover::Named {
            name: n.as_str().trim().to_string(),
            party,
            chair,
        }),
        None if chair && party.is_none() => Some(Mover::Chair),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, party: Option<&str>) -> Mover {
        Mover::Named {
            name: name.into(),
            party: party.map(Into::into),
            chair: false,
        }
    }

    /// The lines without what was written (checked apart).
    fn read(text: &str) -> Vec<ProceedingLine> {
        proceeding_lines(text)
            .into_iter()
            .zip(text.lines())
            .map(|(l, line)| match l {
                ProceedingLine::Motion {
                    movers,
                    text,
                    written,
                } => {
                    assert_eq!(written, line.trim());
                    ProceedingLine::Motion {
                        movers,
                        text,
                        written: String::new(),
                    }
                }
                other => other,
            })
            .collect()
    }

    #[test]
    fn the_seeds_yrkanden_are_read_with_their_movers() {
        // Seed 004 § 5 and § 9, seed 001 § 16.
        let lines = read(
            "Helena Karlsson (M) yrkar att vård- och omsorgsnämnden ger förvaltningen i uppdrag att ta fram en plan.\n\
             Åsa Bergkvist (S) yrkar bifall till förslaget.\n\
             Ordförande frågar om nämnden beslutar enligt förvaltningens förslag, och finner att nämnden beslutar enligt detta.\n\
             Carl- Henrik Wigert (M) yrkar på att nämnden ska få en uppföljning i juni 2024.\n\
             Åsa Bergkvist (S) och Helena Karlsson (M) yrkar bifall till Carl- Henriks tilläggsyrkande.\n\
             Ordförande yrkar att socialnämnden tar del av redovisning av och godkänner bokslut 2023.",
        );
        assert_eq!(
            lines,
            vec![
                ProceedingLine::Motion {
                    movers: vec![named("Helena Karlsson", Some("M"))],
                    text: "att vård- och omsorgsnämnden ger förvaltningen i uppdrag att ta fram en plan.".into(),
                    written: String::new(),
                },
                ProceedingLine::Motion {
                    movers: vec![named("Åsa Bergkvist", Some("S"))],
                    text: "bifall till förslaget.".into(),
                    written: String::new(),
                },
                ProceedingLine::Other(
                    "Ordförande frågar om nämnden beslutar enligt förvaltningens förslag, och finner att nämnden beslutar enligt detta.".into()
                ),
                ProceedingLine::Motion {
                    movers: vec![named("Carl-Henrik Wigert", Some("M"))],
                    text: "att nämnden ska få en uppföljning i juni 2024.".into(),
                    written: String::new(),
                },
                ProceedingLine::Motion {
                    movers: vec![named("Åsa Bergkvist", Some("S")), named("Helena Karlsson", Some("M"))],
                    text: "bifall till Carl- Henriks tilläggsyrkande.".into(),
                    written: String::new(),
                },
                ProceedingLine::Motion {
                    movers: vec![Mover::Chair],
                    text: "att socialnämnden tar del av redovisning av och godkänner bokslut 2023.".into(),
                    written: String::new(),
                },
            ]
        );
    }

    #[test]
    fn a_sentence_that_only_mentions_a_motion_is_not_one() {
        for line in [
            "Ordförande ställer proposition på yrkandena och finner att nämnden bifaller.",
            "Nämnden yrkar.",
            "yrkar att",
            "Det yrkas att ärendet återremitteras.",
            "Efter överläggning yrkar Anna Andersson (S) bifall.",
        ] {
            assert!(
                matches!(
                    proceeding_lines(line).as_slice(),
                    [ProceedingLine::Other(_)]
                ),
                "{line}"
            );
        }
        assert!(proceeding_lines("").is_empty());
        assert_eq!(
            read("Ordförande Anna Andersson (S) yrkar avslag."),
            vec![ProceedingLine::Motion {
                movers: vec![Mover::Named {
                    name: "Anna Andersson".into(),
                    party: Some("S".into()),
                    chair: true
                }],
                text: "avslag.".into(),
                written: String::new(),
            }]
        );
    }
}
