//! Sekretess i publicerad text: personnummer are masked in every public version.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::checksum::luhn_valid;

/// What a masked personnummer is replaced with.
pub const MASK: &str = "[personnummer borttaget]";

static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:^|[^\d\w])                  # not inside a longer number or word
        (?P<num>
          (?P<century>\d{2})?          # 12-digit form: century
          (?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})
          [-+\x20]?                    # separator as written
          (?P<last>\d{4})
        )
        (?:$|[^\d\w])",
    )
    .expect("regex")
});

/// Whether `text` (digits and an optional separator) is a personnummer or samordningsnummer:
/// 10 or 12 digits, a real month, a day 01–31 (or 61–91 for samordningsnummer), and a valid
/// check digit.
pub fn is_personal_number(text: &str) -> bool {
    let digits: Vec<u8> = text
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    let ten = match digits.len() {
        10 => &digits[..],
        12 => &digits[2..],
        _ => return false,
    };
    let month = ten[2] * 10 + ten[3];
    let day = ten[4] * 10 + ten[5];
    (1..=12).contains(&month)
        && ((1..=31).contains(&day) || (61..=91).contains(&day))
        && luhn_valid(ten)
}

/// Replaces every personnummer in `text` with [`MASK`]; text without one is returned as is.
pub fn mask_personal_numbers(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(text);
    }
    // Matches may touch (one separator char between two numbers), so loop until stable.
    let mut out = Cow::Borrowed(text);
    loop {
        let mut changed = false;
        let next = CANDIDATE.replace_all(&out, |c: &Captures<'_>| {
            let whole = c.get(0).map_or("", |m| m.as_str());
            let num = c.name("num").map_or("", |m| m.as_str());
            if is_personal_number(num) {
                changed = true;
                whole.replacen(num, MASK, 1)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_numbers_are_recognised() {
        // Skatteverket's published test numbers.
        assert!(is_personal_number("811218-9876"));
        assert!(is_personal_number("8112189876"));
        assert!(is_personal_number("19811218-9876"));
        assert!(is_personal_number("811278-9873")); // samordningsnummer (day 18 + 60)
        assert!(!is_personal_number("811218-9875")); // wrong check digit
        assert!(!is_personal_number("212000-1884")); // an org.nr: month 20
        assert!(!is_personal_number("81121898"));
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
        // Amounts and phone numbers stay.
        assert_eq!(
            mask_personal_numbers("437 569 tkr, tel 0563-185 00"),
            "437 569 tkr, tel 0563-185 00"
        );
    }
}
