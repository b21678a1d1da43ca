//! Lagrum: a legal reference as written in the order ("6 kap. 2-3 § OSL", "7 och 9 §§ 6 p.
//! LSS", "43 § 1 st. 2 p. LVU") and its parts; and Beloppsgräns: the thresholds an item's
//! text sets (prisbasbelopp, kronor, months).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};

/// Lagrum: one reference, kept as written and parsed. Where a reference names several
/// paragraphs ("6 kap. 6 §, 14 a § 2 st. … FB") all § numbers are listed, and `paragraph`
/// and `point` hold the first stycke and punkt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalRef {
    /// As written.
    pub written: String,
    /// Kapitel ("2", "2 a").
    pub chapter: Option<String>,
    /// Paragrafer ("17", "2-3", "14 a"), or artiklar for an EU regulation.
    pub sections: Vec<String>,
    /// Stycke.
    pub paragraph: Option<u32>,
    /// Punkt.
    pub point: Option<u32>,
    /// The law as written: an abbreviation ("OSL") or a name ("lag (1996:1620) om
    /// offentligt biträde").
    pub law: Option<String>,
    /// The law's name from the order's abbreviation table.
    pub law_name: Option<String>,
}

/// The day the socialtjänstlag (2025:400) replaced the one of 2001 (2001:453).
pub const NEW_SOCIAL_SERVICES_ACT: NaiveDate = match NaiveDate::from_ymd_opt(2025, 7, 1) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// The provision that lets the socialnämnd delegate certain matters only to an utskott, as in
/// force on `date`: 10 kap. 4 § of the socialtjänstlag (2001:453) until 30 June 2025, then
/// 30 kap. 6–8 §§ of the socialtjänstlag (2025:400).
pub fn utskott_only_provision(date: NaiveDate) -> &'static str {
    if date < NEW_SOCIAL_SERVICES_ACT {
        "10 kap. 4 § socialtjänstlagen (2001:453)"
    } else {
        "30 kap. 6–8 §§ socialtjänstlagen (2025:400)"
    }
}

/// Both provisions, for a text without a date: the old until 30 June 2025, the new after.
pub const UTSKOTT_ONLY_BOTH: &str = "10 kap. 4 § socialtjänstlagen (2001:453); från den 1 juli 2025 30 kap. 6–8 §§ socialtjänstlagen (2025:400)";

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("bad regex: {e}")))
}

fn chapter_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"(\d+(?: [a-z])?)\s*kap\b\.?")
}

fn section_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(\d+(?: ?[a-z])?(?:\s*[-–]\s*\d+(?: [a-z])?)?(?:\s*(?:,|och)\s*\d+(?: ?[a-z])?(?:\s*[-–]\s*\d+(?: [a-z])?)?)*)\s*§",
    )
}

fn article_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"(?i)artikel\s+(\d+(?:\s*(?:,|och)\s*\d+)*)")
}

fn stycke_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"\b(\d+)\s*st\b")
}

fn punkt_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"\b(\d+)\s*p\b|\bp\.\s*(\d+)")
}

fn structural_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"§§?|\bkap\b\.?|\bst\b\.?,?|\bp\b\.?")
}

/// The entry of `table` for `abbr`: exact first, then ignoring case.
pub fn resolve_abbreviation<'a>(
    table: &'a BTreeMap<String, String>,
    abbr: &str,
) -> Option<(&'a str, &'a str)> {
    table
        .get_key_value(abbr)
        .or_else(|| table.iter().find(|(k, _)| k.eq_ignore_ascii_case(abbr)))
        .map(|(k, v)| (k.as_str(), v.as_str()))
}

fn split_list(s: &str) -> Vec<String> {
    s.split([',', ' '])
        .flat_map(|p| p.split("och"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .fold(Vec::<String>::new(), |mut acc, p| {
            // "14 a" and "2 - 3" arrive as separate words: join letters and ranges back on.
            let letter = p.len() == 1 && p.chars().all(|c| c.is_ascii_lowercase());
            let dash = p == "-" || p == "–";
            match acc.last_mut() {
                Some(last) if letter => {
                    last.push(' ');
                    last.push_str(p);
                }
                Some(last) if dash || last.ends_with('-') => {
                    last.push_str(if dash { "-" } else { p });
                }
                _ => acc.push(p.replace('–', "-")),
            }
            acc
        })
}

impl LegalRef {
    /// Parses a reference; abbreviations are resolved through `table`. Never fails: what
    /// cannot be read stays `None`, and `written` always holds the text.
    pub fn parse(written: &str, table: &BTreeMap<String, String>) -> LegalRef {
        let text = written.split_whitespace().collect::<Vec<_>>().join(" ");
        let chapter = chapter_re()
            .captures(&text)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_string());
        let mut sections: Vec<String> = section_re()
            .captures_iter(&text)
            .filter_map(|c| c.get(1))
            .flat_map(|m| split_list(m.as_str()))
            .collect();
        if let Some(a) = article_re().captures(&text).and_then(|c| c.get(1)) {
            sections.extend(split_list(a.as_str()));
        }
        let paragraph = stycke_re()
            .captures(&text)
            .and_then(|c| c.get(1))
            .and_then(|m| m.as_str().parse().ok());
        let point = punkt_re()
            .captures(&text)
            .and_then(|c| c.get(1).or_else(|| c.get(2)))
            .and_then(|m| m.as_str().parse().ok());
        // The law: an abbreviation from the table anywhere, else the words after the last
        // structural mark.
        let words: Vec<&str> = text
            .split(' ')
            .map(|w| w.trim_matches(|c: char| c == ',' || c == '.' || c == ';'))
            .collect();
        let mut law = None;
        let mut law_name = None;
        for w in &words {
            if let Some((k, v)) = resolve_abbreviation(table, w) {
                if w.chars().any(|c| c.is_uppercase()) || k == *w {
                    law = Some(k.to_string());
                    law_name = Some(v.to_string());
                }
            }
        }
        if law.is_none() {
            let tail = structural_re()
                .find_iter(&text)
                .last()
                .map_or(text.as_str(), |m| &text[m.end()..]);
            let tail = tail
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '.')
                .trim();
            let first_is_word = tail.chars().next().is_some_and(char::is_alphabetic);
            if first_is_word && tail != text {
                law = Some(tail.to_string());
            }
        }
        LegalRef {
            written: written.trim().to_string(),
            chapter,
            sections,
            paragraph,
            point,
            law,
            law_name,
        }
    }

    /// Whether this reference covers `other`: the same law, chapter (when `other` names one)
    /// and a § that lies within one of this reference's numbers or ranges.
    pub fn covers(&self, other: &LegalRef) -> bool {
        let law = |r: &LegalRef| r.law.as_deref().map(str::to_lowercase);
        if law(self).is_none() || law(self) != law(other) {
            return false;
        }
        if other.chapter.is_some() && self.chapter != other.chapter {
            return false;
        }
        if other.sections.is_empty() {
            return true;
        }
        other.sections.iter().all(|want| {
            self.sections
                .iter()
                .any(|have| section_in(have, want.split('-').next().unwrap_or(want)))
        })
    }
}

/// Whether § `want` ("5", "14 a") lies in `have` ("5", "4-8", "14 a").
fn section_in(have: &str, want: &str) -> bool {
    if have == want {
        return true;
    }
    let num = |s: &str| s.trim().parse::<u32>().ok();
    match have.split_once('-') {
        Some((a, b)) => match (num(a), num(b), num(want)) {
            (Some(a), Some(b), Some(w)) => a <= w && w <= b,
            _ => false,
        },
        None => false,
    }
}

/// The unit a threshold is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdUnit {
    /// Procent av prisbasbeloppet.
    PercentOfPbb,
    /// Prisbasbelopp.
    Pbb,
    /// Kronor.
    Kronor,
    /// Månader.
    Months,
    /// Dygn or dagar.
    Days,
    /// År.
    Years,
}

/// Whether the threshold is an upper bound ("upp till", "max", "högst", "under") or a lower
/// one ("över", "därutöver").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdBound {
    /// At most.
    Upper,
    /// More than.
    Lower,
}

/// Beloppsgräns or tidsgräns: an amount or time an item or level is bounded by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Threshold {
    /// The bound.
    pub bound: ThresholdBound,
    /// The amount (for percent of pbb, the percentage; "ett halvt pbb" is 50).
    pub amount: u64,
    /// What it counts.
    pub unit: ThresholdUnit,
    /// The words as written.
    pub written: String,
}

fn threshold_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)\b(upp till|max(?:imalt)?|högst|under|över)\s+(?:en\s+)?(ett halvt|\d[\d ]*|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|tolv)(?:\s*\(\d+\))?\s*(%\s*av\s*(?:pbb|prisbasbelopp\w*)|prisbasbelopp\w*|pbb|kronor|kr\b|månader|månad|vårddygn|dygn|dagar|år)",
    )
}

fn number_word(w: &str) -> Option<u64> {
    let w = w.trim().to_lowercase();
    let n = match w.as_str() {
        "en" | "ett" => 1,
        "två" => 2,
        "tre" => 3,
        "fyra" => 4,
        "fem" => 5,
        "sex" => 6,
        "sju" => 7,
        "åtta" => 8,
        "nio" => 9,
        "tio" => 10,
        "tolv" => 12,
        _ => return w.replace(' ', "").parse().ok(),
    };
    Some(n)
}

impl Threshold {
    /// The thresholds written in `text`, in order ("Upp till 50 % av pbb", "max 5 000
    /// kronor", "över fyra månader", "maximalt tio (10) prisbasbelopp", "ett halvt pbb").
    pub fn find_in(text: &str) -> Vec<Threshold> {
        let mut out = Vec::new();
        for c in threshold_re().captures_iter(text) {
            let (Some(all), Some(word), Some(amount), Some(unit)) =
                (c.get(0), c.get(1), c.get(2), c.get(3))
            else {
                continue;
            };
            let bound = if word.as_str().to_lowercase() == "över" {
                ThresholdBound::Lower
            } else {
                ThresholdBound::Upper
            };
            let unit_text = unit.as_str().to_lowercase();
            let half = amount.as_str().eq_ignore_ascii_case("ett halvt");
            let (amount, unit) = if unit_text.starts_with('%') {
                (number_word(amount.as_str()), ThresholdUnit::PercentOfPbb)
            } else if unit_text.starts_with("prisbas") || unit_text == "pbb" {
                if half {
                    (Some(50), ThresholdUnit::PercentOfPbb)
                } else {
                    (number_word(amount.as_str()), ThresholdUnit::Pbb)
                }
            } else if unit_text.starts_with("kr") {
                (number_word(amount.as_str()), ThresholdUnit::Kronor)
            } else if unit_text.starts_with("mån") {
                (number_word(amount.as_str()), ThresholdUnit::Months)
            } else if unit_text == "år" {
                (number_word(amount.as_str()), ThresholdUnit::Years)
            } else {
                (number_word(amount.as_str()), ThresholdUnit::Days)
            };
            if let Some(amount) = amount {
                out.push(Threshold {
                    bound,
                    amount,
                    unit,
                    written: all.as_str().trim().to_string(),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> BTreeMap<String, String> {
        [
            ("OSL", "Offentlighets- och sekretesslag (2009:400)"),
            ("TF", "Tryckfrihetsförordning (1949:105)"),
            (
                "LSS",
                "Lag (1993:387) om stöd och service till vissa funktionshindrade",
            ),
            (
                "LVU",
                "Lag (1990:52) med särskilda bestämmelser om vård av unga",
            ),
            ("SoL", "Socialtjänstlag (2001:453)"),
            ("GDPR", "Dataskyddsförordningen"),
            ("FB", "Föräldrabalk (1949:381)"),
            ("pbb", "Prisbasbelopp"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
    }

    #[test]
    fn chapter_section_and_law() {
        let r = LegalRef::parse("6 kap. 2-3 § OSL", &table());
        assert_eq!(r.chapter.as_deref(), Some("6"));
        assert_eq!(r.sections, vec!["2-3"]);
        assert_eq!(r.law.as_deref(), Some("OSL"));
        assert_eq!(
            r.law_name.as_deref(),
            Some("Offentlighets- och sekretesslag (2009:400)")
        );
        assert_eq!(r.written, "6 kap. 2-3 § OSL");
    }

    #[test]
    fn stycke_and_punkt() {
        let r = LegalRef::parse("43 § 1 st. 2 p. LVU", &table());
        assert_eq!(r.chapter, None);
        assert_eq!(r.sections, vec!["43"]);
        assert_eq!((r.paragraph, r.point), (Some(1), Some(2)));
        let r = LegalRef::parse("7 och 9 §§ 6 p. LSS", &table());
        assert_eq!(r.sections, vec!["7", "9"]);
        assert_eq!((r.paragraph, r.point), (None, Some(6)));
        let r = LegalRef::parse("2 a kap. 10 § SoL", &table());
        assert_eq!(r.chapter.as_deref(), Some("2 a"));
        let r = LegalRef::parse("22§ 3 st. LVU", &table());
        assert_eq!(r.sections, vec!["22"]);
        assert_eq!(r.paragraph, Some(3));
        let r = LegalRef::parse(
            "6 kap. 6 §, 14 a § 2 st, 15 a § 3 st. och 17 a § 2 st. FB",
            &table(),
        );
        assert_eq!(r.sections, vec!["6", "14 a", "15 a", "17 a"]);
        assert_eq!(r.paragraph, Some(2));
    }

    #[test]
    fn laws_by_name_and_articles() {
        let r = LegalRef::parse("3 § lag (1996:1620) om offentligt biträde", &table());
        assert_eq!(r.sections, vec!["3"]);
        assert_eq!(
            r.law.as_deref(),
            Some("lag (1996:1620) om offentligt biträde")
        );
        assert_eq!(r.law_name, None);
        let r = LegalRef::parse("GDPR artikel 18 och 20", &table());
        assert_eq!(r.law.as_deref(), Some("GDPR"));
        assert_eq!(r.sections, vec!["18", "20"]);
        let r = LegalRef::parse("SoL", &table());
        assert_eq!(r.law.as_deref(), Some("SoL"));
        assert!(r.sections.is_empty());
    }

    #[test]
    fn coverage_of_a_reference() {
        let t = table();
        let item = LegalRef::parse("8 kap. 2 och 4-8 §§ SoL", &t);
        assert!(item.covers(&LegalRef::parse("8 kap. 5 § SoL", &t)));
        assert!(!item.covers(&LegalRef::parse("8 kap. 3 § SoL", &t)));
        assert!(!item.covers(&LegalRef::parse("9 kap. 5 § SoL", &t)));
        assert!(!item.covers(&LegalRef::parse("8 kap. 5 § LSS", &t)));
        assert!(item.covers(&LegalRef::parse("SoL", &t)));
    }

    #[test]
    fn thresholds_in_text() {
        let t = Threshold::find_in("Upp till 50 % av pbb, eller upp till 70 % vid bistånd");
        assert_eq!(t.len(), 1);
        assert_eq!(
            (t[0].bound, t[0].amount, t[0].unit),
            (ThresholdBound::Upper, 50, ThresholdUnit::PercentOfPbb)
        );
        let t = Threshold::find_in("Över 5 000 kr – upp till ett halvt pbb.");
        assert_eq!(
            t.iter()
                .map(|x| (x.bound, x.amount, x.unit))
                .collect::<Vec<_>>(),
            vec![
                (ThresholdBound::Lower, 5000, ThresholdUnit::Kronor),
                (ThresholdBound::Upper, 50, ThresholdUnit::PercentOfPbb)
            ]
        );
        let t = Threshold::find_in("Förlorad arbetsinkomst över fyra månader.");
        assert_eq!((t[0].amount, t[0].unit), (4, ThresholdUnit::Months));
        let t = Threshold::find_in("en löptid på upp till tre (3) år eller en årlig hyra på maximalt tio (10) prisbasbelopp");
        assert_eq!(
            t.iter().map(|x| (x.amount, x.unit)).collect::<Vec<_>>(),
            vec![(3, ThresholdUnit::Years), (10, ThresholdUnit::Pbb)]
        );
        let t = Threshold::find_in("Med max 5 000 kronor.");
        assert_eq!((t[0].amount, t[0].unit), (5000, ThresholdUnit::Kronor));
        assert!(Threshold::find_in("Grundnivå inom SKR:s rekommendation.").is_empty());
    }
}
