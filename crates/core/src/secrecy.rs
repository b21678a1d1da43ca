//! Sekretess i publicerad text: personnummer and samordningsnummer are masked in every
//! public version, in whatever spelling they were written.
//!
//! One function, [`mask_personal_numbers`], recognises a number with any separator between
//! the date and the last four digits (hyphen, every Unicode dash, plus, slash, dot, colon,
//! space, no-break space, " — " with spaces around), or none at all; 10 or 12 digits; glued
//! to letters ("pnr8112189876"); with or without a valid check digit. It fails closed: a
//! number that only looks like a personnummer (a plausible date and four digits) is masked
//! too. [`mask_json`] applies it to every string of a JSON value, which is how every public
//! surface built from a serialisable view (API answers, PDFs' view models) is masked whole.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::checksum::luhn_valid;

/// What a masked personnummer is replaced with.
pub const MASK: &str = "[personnummer borttaget]";

/// A run of hexadecimal characters at least this long is a hash or a key, not text.
const HEX_TOKEN: usize = 32;

static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:^|[^0-9])                          # not inside a longer number (letters may touch)
        (?P<num>
          (?:1[89]|20)?                       # 12-digit form: the century
          [0-9]{6}                            # ÅÅMMDD
          [\x20\u{A0}\u{2007}\u{2009}\u{202F}]{0,2}
          [-+/.:\u{2010}-\u{2015}\u{2212}\u{FE58}\u{FE63}\u{FF0D}]?
          [\x20\u{A0}\u{2007}\u{2009}\u{202F}]{0,2}
          [0-9]{4}
        )
        (?:$|[^0-9])",
    )
    .expect("regex")
});

fn digits(text: &str) -> Vec<u8> {
    text.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

/// The ten-digit form (ÅÅMMDDNNNN) when `text`'s digits are 10, or 12 with a century of
/// 18, 19 or 20, and the date part is a real month and a day 01–31 (61–91 for a
/// samordningsnummer). The check digit is not looked at.
fn ten_digits(text: &str) -> Option<Vec<u8>> {
    let d = digits(text);
    let ten = match d.len() {
        10 => d,
        12 if matches!(d[0] * 10 + d[1], 18..=20) => d[2..].to_vec(),
        _ => return None,
    };
    let month = ten[2] * 10 + ten[3];
    let day = ten[4] * 10 + ten[5];
    ((1..=12).contains(&month) && ((1..=31).contains(&day) || (61..=91).contains(&day)))
        .then_some(ten)
}

/// Whether `text` (digits and separators) could be a personnummer or samordningsnummer: a
/// plausible date and four digits, whatever the check digit. This is the test for masking
/// and for refusing identifiers: it errs towards secrecy.
pub fn looks_like_personal_number(text: &str) -> bool {
    ten_digits(text).is_some()
}

/// The ten digits of a personnummer or samordningsnummer with a valid check digit, however
/// it is written (`19811218-9876`, `811218 9876`, …): the form to match people by.
pub fn personal_number_digits(text: &str) -> Option<String> {
    ten_digits(text)
        .filter(|t| luhn_valid(t))
        .map(|t| t.iter().map(|d| char::from(b'0' + d)).collect())
}

/// Whether `text` is a personnummer or samordningsnummer with a valid check digit.
pub fn is_personal_number(text: &str) -> bool {
    ten_digits(text).is_some_and(|t| luhn_valid(&t))
}

/// Whether the match at `start..end` of `haystack` sits inside a long run of hexadecimal
/// characters (a SHA-256 or a key), which is not text about a person.
fn inside_hex_token(haystack: &str, start: usize, end: usize) -> bool {
    let b = haystack.as_bytes();
    let mut s = start;
    while s > 0 && b[s - 1].is_ascii_hexdigit() {
        s -= 1;
    }
    let mut e = end;
    while e < b.len() && b[e].is_ascii_hexdigit() {
        e += 1;
    }
    e - s >= HEX_TOKEN && b[start..end].iter().all(u8::is_ascii_hexdigit)
}

/// Replaces every personnummer in `text` with [`MASK`]; text without one is returned as is.
pub fn mask_personal_numbers(text: &str) -> Cow<'_, str> {
    if text.bytes().filter(u8::is_ascii_digit).take(10).count() < 10 {
        return Cow::Borrowed(text);
    }
    // Matches may touch (one separator between two numbers), so loop until stable.
    let mut out = Cow::Borrowed(text);
    loop {
        let mut changed = false;
        let hay: &str = &out;
        let next = CANDIDATE.replace_all(hay, |c: &Captures<'_>| {
            let whole = c.get(0).map_or("", |m| m.as_str());
            let Some(num) = c.name("num") else {
                return whole.to_string();
            };
            if looks_like_personal_number(num.as_str())
                && !inside_hex_token(hay, num.start(), num.end())
            {
                changed = true;
                whole.replacen(num.as_str(), MASK, 1)
            } else {
                whole.to_string()
            }
        });
        if !changed {
            return out;
        }
        out = Cow::Owned(next.into_owned());
    }
}

/// Masks every string in `value` (object keys stay), except under the key `seal`: the
/// seal's hashes and keys are not text.
pub fn mask_json(value: &mut Value) {
    match value {
        Value::String(s) => {
            if let Cow::Owned(m) = mask_personal_numbers(s) {
                *s = m;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask_json),
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if k != "seal" {
                    mask_json(v);
                }
            }
        }
        _ => {}
    }
}

/// `view` with every string masked: the one way a public view model (a document, an API
/// answer) is cleaned of personnummer before it leaves the system.
pub fn mask_all<T: Serialize + DeserializeOwned>(view: &T) -> Result<T, serde_json::Error> {
    let mut v = serde_json::to_value(view)?;
    mask_json(&mut v);
    serde_json::from_value(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn personal_numbers_are_recognised() {
        // Skatteverket's published test numbers.
        assert!(is_personal_number("811218-9876"));
        assert!(is_personal_number("8112189876"));
        assert!(is_personal_number("19811218-9876"));
        assert!(is_personal_number("811278-9873")); // samordningsnummer (day 18 + 60)
        assert!(!is_personal_number("811218-9875")); // wrong check digit …
        assert!(looks_like_personal_number("811218-9875")); // … but masked all the same
        assert!(!looks_like_personal_number("212000-1884")); // an org.nr: month 20
        assert!(!looks_like_personal_number("81121898"));
        assert!(!looks_like_personal_number("998112189876")); // no century 99
    }

    #[test]
    fn masking_keeps_everything_else() {
        let t = "Ärendet gäller 811218-9876 och 19811218 9876, inte org.nr 212000-1884 eller Dnr 2024-000174.";
        let m = mask_personal_numbers(t);
        assert_eq!(
            m,
            format!(
                "Ärendet gäller {MASK} och {MASK}, inte org.nr 212000-1884 eller Dnr 2024-000174."
            )
        );
        assert!(matches!(
            mask_personal_numbers("Inga siffror här"),
            Cow::Borrowed(_)
        ));
        assert_eq!(
            mask_personal_numbers("8112189876,8112189876"),
            format!("{MASK},{MASK}")
        );
        // Amounts, phone numbers, diarienummer and dates stay.
        for keep in [
            "437 569 tkr, tel 0563-185 00",
            "SN.2023.373 700",
            "SOC 2023-000189",
            "2024-000174 1.1.2.1",
            "KS/2025:26",
            "2024-01-29 kl. 13:15",
            "Budget 12 442 och 12 937",
        ] {
            assert_eq!(mask_personal_numbers(keep), keep);
        }
    }

    #[test]
    fn the_spellings_the_attacker_used_are_masked() {
        for t in [
            "811218–9876",      // en dash
            "811218—9876",      // em dash
            "811218 — 9876",    // em dash with spaces
            "811218\u{a0}9876", // no-break space
            "811218/9876",
            "811218.9876",
            "811218+9876",
            "811218−9876", // minus sign
            "pnr8112189876",
            "Ja betyder bifall 811218-9876",
            "19811218–9876",
            "811218-9875", // wrong check digit
        ] {
            let m = mask_personal_numbers(t);
            assert!(m.contains(MASK), "{t:?} → {m:?}");
            assert!(!m.contains("9876") && !m.contains("9875"), "{t:?} → {m:?}");
        }
    }

    #[test]
    fn hashes_are_not_text() {
        let sha = "0123456789abcdef8112189876abcdef0123456789abcdef0123456789abcdef";
        assert_eq!(mask_personal_numbers(sha), sha);
        let mut v = serde_json::json!({
            "title": "Klagomål från 811218-9876",
            "list": ["19811218 9876", 3],
            "seal": {"sha256": "8112189876"}
        });
        mask_json(&mut v);
        assert_eq!(v["title"], format!("Klagomål från {MASK}"));
        assert_eq!(v["list"][0], MASK);
        assert_eq!(v["seal"]["sha256"], "8112189876");
    }

    fn separator() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "", "-", "+", " ", "\u{a0}", "/", ".", ":", "–", "—", "‑", "‒", "―", "−", " – ", " — ",
            "\u{202f}", " - ", "  ",
        ])
    }

    fn around() -> impl Strategy<Value = String> {
        // Text around the number: letters (glued or not), punctuation, no digits.
        "[a-zåäöA-ZÅÄÖ ,;()\\[\\]:\n]{0,12}"
    }

    proptest! {
        #[test]
        fn every_spelling_is_masked(
            century in prop::sample::select(vec!["", "19", "20"]),
            yy in 0u32..100, mm in 1u32..=12, dd in prop::sample::select((1u32..=28).chain(61..=88).collect::<Vec<_>>()),
            last in 0u32..10_000,
            sep in separator(),
            before in around(), after in around(),
        ) {
            let number = format!("{century}{yy:02}{mm:02}{dd:02}{sep}{last:04}");
            let text = format!("{before}{number}{after}");
            let masked = mask_personal_numbers(&text).into_owned();
            prop_assert_eq!(masked, format!("{before}{MASK}{after}"));
        }

        #[test]
        fn masking_never_panics_and_is_stable(s in "\\PC{0,80}") {
            let once = mask_personal_numbers(&s).into_owned();
            let twice = mask_personal_numbers(&once).into_owned();
            prop_assert_eq!(once, twice);
        }

        #[test]
        fn text_with_fewer_than_ten_digits_is_untouched(s in "[^0-9]{0,40}[0-9]{0,9}[^0-9]{0,40}") {
            let masked = mask_personal_numbers(&s);
            prop_assert_eq!(masked.as_ref(), s.as_str());
        }
    }
}
