//! Section labels inside a paragraph: *Beslut*, *Förslag till beslut*,
//! *Beslutsunderlag*, *Beslutet skickas till*, *Yrkande* …, and case-number
//! lines (*Dnr*, *Diarienummer*).

use crate::text::TrimWhite;
use regex::Regex;
use std::sync::LazyLock;

/// Which section a label opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Narrative text (*Beskrivning av ärendet*, *Bakgrund* …); the label stays in the text.
    Text,
    /// *Beslut*, *Socialnämndens beslut*.
    Decision,
    /// *Förslag till beslut*.
    Proposal,
    /// *Beslutsunderlag*, *Handlingar i ärendet*, *Underlag till beslut*.
    Documents,
    /// *Beslutet skickas till*, *Expedieras till*.
    SendTo,
    /// *Yrkande*, *Behandling*, *Omröstning*, *Reservation* …
    Proceedings,
}

const GENITIVE: &str = r"(?:[\p{L}\-]+(?:\s+och\s+[\p{L}\-]+)?s\s+)";

static DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{GENITIVE}?beslut(?:et)?|beslut i ärendet|beslutsformulering)\s*(?::\s*(.*))?$"
    ))
    .expect("static regex")
});
static PROPOSAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{GENITIVE}?förslag(?:\s+till\s+beslut)?|förslag till beslut)\s*(?::\s*(.*))?$"
    ))
    .expect("static regex")
});
static DOCUMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:beslutsunderlag|underlag(?:\s+(?:till|för)\s+beslut(?:et)?)?|underlag i ärendet|handlingar(?:\s+i\s+ärendet)?|ärendets handlingar|bilagor|bilaga)\s*(?::\s*(.*))?$")
        .expect("static regex")
});
static SEND_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:beslut(?:et)?|protokollsutdrag(?:et)?|utdrag)\s+)?(?:skickas|expedieras|ska\s+skickas|sänds|delges|skickas för kännedom)\s+till\s*:?(?:\s*(.+))?$|^(?:expediering|sändlista|utdrag till|kopia till|protokollsutdrag till)\s*:?(?:\s*(.+))?$")
        .expect("static regex")
});
static PROCEEDINGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:yrkanden?|behandling|ärendets behandling|behandling av ärendet|beslutsgång|propositionsordning|proposition|omröstning|omröstningsresultat|reservationer|reservation|protokollsanteckningar|protokollsanteckning|jäv|särskilt yttrande|överläggning|deltar ej i beslutet)\s*:?$")
        .expect("static regex")
});
static TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:beskrivning av ärendet|ärendebeskrivning|ärendet|sammanfattning(?: av ärendet)?|bakgrund|bedömning|förvaltningens bedömning|ekonomiska konsekvenser|motivering|skäl för beslutet|ärendebeskrivning och bedömning|information|yttrande|beredning|analys)\s*:?$")
        .expect("static regex")
});
/// The label patterns in the order they are tried.
static LABEL_ORDER: LazyLock<[(&'static Regex, Section); 6]> = LazyLock::new(|| {
    [
        (&*SEND_TO, Section::SendTo),
        (&*DECISION, Section::Decision),
        (&*PROPOSAL, Section::Proposal),
        (&*DOCUMENTS, Section::Documents),
        (&*PROCEEDINGS, Section::Proceedings),
        (&*TEXT, Section::Text),
    ]
});
/// All of them as one set, matched in one pass.
static LABELS: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    regex::RegexSet::new(LABEL_ORDER.iter().map(|(re, _)| re.as_str())).expect("static regex")
});
/// All of them as one pattern: whether a line is any label at all, which the fast automaton
/// answers for far less than the set's search for every pattern that matches.
static ANY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives: Vec<String> = LABEL_ORDER
        .iter()
        .map(|(re, _)| format!("(?:{})", re.as_str()))
        .collect();
    Regex::new(&alternatives.join("|")).expect("static regex")
});
static CASE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:dnr|diarienummer|diarienr|ärendenummer|ärende nr|änr|dnr\.)\s*:?\s*(\S.{0,60})$",
    )
    .expect("static regex")
});

/// If `line` is a section label, which section it opens and any value on the
/// same line ("Beslut: Nämnden godkänner …").
pub fn label(line: &str) -> Option<(Section, Option<String>)> {
    let t = line.trim_white();
    if t.is_empty() || t.len() > 120 || crate::text::has_byte(t, b'\t') {
        return None;
    }
    let first = t.chars().next()?;
    // Labels are headings: they start with a capital letter.
    if !first.is_uppercase() {
        return None;
    }
    let value = |c: regex::Captures<'_>| {
        c.iter()
            .skip(1)
            .flatten()
            .next()
            .map(|m| m.as_str().trim_white().to_string())
            .filter(|v| !v.is_empty())
    };
    // Whether the line is any label at all (the anchored automaton gives up within the
    // first words of most lines), and labels are short or contain a colon.
    if !ANY_LABEL.is_match(t)
        || t.split_whitespace().nth(6).is_some() && !crate::text::has_byte(t, b':')
    {
        return None;
    }
    // One pass of the combined set says which label the line is; the first in this order
    // wins, as when the patterns were tried one by one.
    let which = LABELS.matches(t).iter().next()?;
    let (re, section) = LABEL_ORDER.get(which)?;
    // Only "skickas till" takes a value without a colon.
    if *section == Section::SendTo || t.contains(':') {
        Some((*section, re.captures(t).and_then(value)))
    } else {
        Some((*section, None))
    }
}

/// The case number (*diarienummer*) on a "Dnr …" / "Diarienummer …" line.
pub fn case_number(line: &str) -> Option<String> {
    let t = line.trim_white();
    if t.len() > 80 {
        return None;
    }
    let c = crate::text::matched(&CASE_NUMBER, t)?;
    let v = c.get(1)?.as_str().trim_white();
    // "Dnr KS 2025:4, handling 2868" inside an anmälningsärende is still a Dnr line;
    // callers decide by position whether it is the paragraph's case number.
    if v.chars().any(|c| c.is_ascii_digit()) {
        Some(v.to_string())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(label("Beslut"), Some((Section::Decision, None)));
        assert_eq!(
            label("Socialnämndens beslut"),
            Some((Section::Decision, None))
        );
        assert_eq!(
            label("Vård- och omsorgsnämndens beslut"),
            Some((Section::Decision, None))
        );
        assert_eq!(label("Beslut IVO"), None);
        assert_eq!(
            label("Förslag till beslut"),
            Some((Section::Proposal, None))
        );
        assert_eq!(
            label("Arbetsutskottets förslag"),
            Some((Section::Proposal, None))
        );
        assert_eq!(label("Förslag till åtgärder"), None);
        assert_eq!(
            label("Beslutet skickas till"),
            Some((Section::SendTo, None))
        );
        assert_eq!(label("Beslut skickas till"), Some((Section::SendTo, None)));
        assert_eq!(
            label("Expedieras till: KS, SN"),
            Some((Section::SendTo, Some("KS, SN".into())))
        );
        assert_eq!(
            label("Underlag till beslut"),
            Some((Section::Documents, None))
        );
        assert_eq!(
            label("Handlingar i ärendet"),
            Some((Section::Documents, None))
        );
        assert_eq!(label("Yrkande"), Some((Section::Proceedings, None)));
        assert_eq!(label("Beskrivning av ärendet"), Some((Section::Text, None)));
        assert_eq!(
            label("Beslut: Nämnden godkänner rapporten."),
            Some((
                Section::Decision,
                Some("Nämnden godkänner rapporten.".into())
            ))
        );
    }

    #[test]
    fn case_numbers() {
        assert_eq!(case_number("Dnr KS/2025:26").as_deref(), Some("KS/2025:26"));
        assert_eq!(
            case_number("Diarienummer SN.2023.373 700").as_deref(),
            Some("SN.2023.373 700")
        );
        assert_eq!(case_number("Dnr: 2024/5").as_deref(), Some("2024/5"));
        assert_eq!(case_number("Dnr saknas"), None);
        // Held-out 1706 (Kristianstad): "Änr", ärendenummer.
        assert_eq!(case_number("Änr KS 2018/27").as_deref(), Some("KS 2018/27"));
    }
}
