//! Swedish formatting of dates, times, numbers and paragraph ranges (pure functions).
//!
//! Conventions chosen for every document this crate renders (see `docs/render.md`):
//!
//! * **Thousands separator**: U+00A0 NO-BREAK SPACE (`437 569`). A number must never be
//!   split over two lines, and the character is a plain Unicode character that is safe in
//!   HTML, JSON and PDF alike. [`number_plain`] gives an ASCII variant (normal space,
//!   hyphen-minus) for plain-text contexts such as CSV or log lines.
//! * **Decimal separator**: comma (`4,4`).
//! * **Minus**: U+2212 MINUS SIGN (`−4,4`), the typographically correct sign that screen
//!   readers announce as "minus" and that does not break a line. Zero is never signed
//!   (`-0.04` with one decimal is `0,0`).
//! * **Rounding**: half away from zero on the binary value (`1.25` → `1,3`, `-0.5` → `−1`).
//! * **Ranges**: en dash U+2013 (`§§ 114–120`, `13:15–17:00`).
//! * **Not a number / infinite**: rendered as an en dash `–` (no value).

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

/// U+00A0 NO-BREAK SPACE, the thousands separator.
pub const THOUSANDS_SEP: char = '\u{00A0}';
/// U+2212 MINUS SIGN, the sign of negative numbers.
pub const MINUS: char = '\u{2212}';
/// U+2013 EN DASH, used in ranges.
pub const EN_DASH: char = '\u{2013}';

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// The Swedish month name (lower case), e.g. `"januari"`.
pub fn month_name(d: NaiveDate) -> &'static str {
    // month0() is always 0..=11.
    MONTHS.get(d.month0() as usize).copied().unwrap_or("")
}

/// The definite form of the weekday, as used in "måndagen den 29 januari 2024".
pub fn weekday_definite(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "måndagen",
        Weekday::Tue => "tisdagen",
        Weekday::Wed => "onsdagen",
        Weekday::Thu => "torsdagen",
        Weekday::Fri => "fredagen",
        Weekday::Sat => "lördagen",
        Weekday::Sun => "söndagen",
    }
}

/// Long date with weekday: `"måndagen den 29 januari 2024"`.
pub fn date_long(d: NaiveDate) -> String {
    format!("{} den {}", weekday_definite(d.weekday()), date_text(d))
}

/// Date in words without weekday: `"29 januari 2024"` (write "den …" in front as needed).
pub fn date_text(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_name(d), d.year())
}

/// ISO 8601 date: `"2024-01-29"`.
pub fn date_iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Clock time: `"13:15"` (seconds are dropped).
pub fn time(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A time span as written in notices and protocols: `"kl. 13:15–17:00"`, or `"kl. 13:15"`
/// when the end is not known ("kl." is joined to the time with U+00A0).
pub fn time_span(start: NaiveTime, end: Option<NaiveTime>) -> String {
    match end {
        Some(e) => format!("kl.{THOUSANDS_SEP}{}{EN_DASH}{}", time(start), time(e)),
        None => format!("kl.{THOUSANDS_SEP}{}", time(start)),
    }
}

/// Formats `value` with `decimals` decimals, Swedish style: `437 569`, `−4,4`, `0`.
///
/// Thousands are separated by U+00A0 and negative numbers carry U+2212 (see module docs).
/// `decimals` is capped at 9.
pub fn number(value: f64, decimals: u8) -> String {
    format_number(value, decimals, THOUSANDS_SEP, MINUS)
}

/// As [`number`] but with ASCII separators: normal space and hyphen-minus (`-4,4`).
pub fn number_plain(value: f64, decimals: u8) -> String {
    format_number(value, decimals, ' ', '-')
}

fn format_number(value: f64, decimals: u8, sep: char, minus: char) -> String {
    if !value.is_finite() {
        return EN_DASH.to_string();
    }
    let decimals = decimals.min(9);
    let factor = 10f64.powi(i32::from(decimals));
    let scaled = (value.abs() * factor).round();
    // Beyond 2^63 the integer path cannot represent the value; such amounts do not occur
    // in municipal documents, but fall back to Rust's formatting rather than failing.
    if scaled >= 9.0e18 {
        let s = format!("{:.*}", usize::from(decimals), value.abs());
        let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
        return assemble(value < 0.0, int, frac, sep, minus);
    }
    let n = scaled as u64;
    let pow = 10u64.pow(u32::from(decimals));
    let int = (n / pow).to_string();
    let frac = if decimals == 0 {
        String::new()
    } else {
        format!("{:0width$}", n % pow, width = usize::from(decimals))
    };
    assemble(value < 0.0 && n != 0, &int, &frac, sep, minus)
}

fn assemble(negative: bool, int: &str, frac: &str, sep: char, minus: char) -> String {
    let mut out = String::with_capacity(int.len() + frac.len() + 8);
    if negative {
        out.push(minus);
    }
    let len = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// An amount in kronor shown in thousands: `amount_tkr(437_569_000.0)` → `"437 569 tkr"`.
pub fn amount_tkr(kronor: f64) -> String {
    format!("{}{THOUSANDS_SEP}tkr", number(kronor / 1000.0, 0))
}

/// An amount in kronor shown in millions with one decimal: `−4,4 mkr`.
pub fn amount_mkr(kronor: f64) -> String {
    format!("{}{THOUSANDS_SEP}mkr", number(kronor / 1_000_000.0, 1))
}

/// A paragraph range: `"§§ 114–120"`, or `"§ 114"` when `first == last`.
/// Arguments in the wrong order are swapped.
pub fn paragraph_range(first: u32, last: u32) -> String {
    let (a, b) = if first <= last {
        (first, last)
    } else {
        (last, first)
    };
    if a == b {
        format!("§{THOUSANDS_SEP}{a}")
    } else {
        format!("§§{THOUSANDS_SEP}{a}{EN_DASH}{b}")
    }
}

/// A date/time with offset as shown on the signature page: `"2025-09-03 09:10:47 +02:00"`.
pub fn timestamp(t: &chrono::DateTime<chrono::FixedOffset>) -> String {
    t.format("%Y-%m-%d %H:%M:%S %:z").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }
    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
    }
    /// Replaces the typographic characters with ASCII for readable assertions.
    fn ascii(s: &str) -> String {
        s.replace(THOUSANDS_SEP, " ")
            .replace(MINUS, "-")
            .replace(EN_DASH, "--")
    }

    #[test]
    fn long_dates() {
        assert_eq!(date_long(d(2024, 1, 29)), "måndagen den 29 januari 2024");
        assert_eq!(date_long(d(2024, 4, 26)), "fredagen den 26 april 2024");
        assert_eq!(date_long(d(2025, 9, 1)), "måndagen den 1 september 2025");
        assert_eq!(date_long(d(2025, 12, 31)), "onsdagen den 31 december 2025");
        assert_eq!(date_long(d(2024, 2, 24)), "lördagen den 24 februari 2024");
        assert_eq!(date_long(d(2024, 3, 3)), "söndagen den 3 mars 2024");
        assert_eq!(date_text(d(2024, 2, 21)), "21 februari 2024");
    }

    #[test]
    fn iso_dates_and_times() {
        assert_eq!(date_iso(d(2024, 1, 29)), "2024-01-29");
        assert_eq!(date_iso(d(999, 1, 2)), "0999-01-02");
        assert_eq!(time(t(13, 15)), "13:15");
        assert_eq!(time(t(8, 5)), "08:05");
        assert_eq!(
            time(NaiveTime::from_hms_opt(9, 10, 47).expect("valid")),
            "09:10"
        );
        assert_eq!(
            ascii(&time_span(t(13, 15), Some(t(17, 0)))),
            "kl. 13:15--17:00"
        );
        assert_eq!(ascii(&time_span(t(8, 15), None)), "kl. 08:15");
    }

    #[test]
    fn numbers_basic() {
        assert_eq!(ascii(&number(437_569.0, 0)), "437 569");
        assert_eq!(ascii(&number(-4.4, 1)), "-4,4");
        assert_eq!(number(-4.4, 1), "\u{2212}4,4");
        assert_eq!(number(437_569.0, 0), "437\u{a0}569");
        assert_eq!(number(291.0, 0), "291");
        assert_eq!(number(1000.0, 0), "1\u{a0}000");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(ascii(&number(-206.0, 0)), "-206");
        assert_eq!(ascii(&number(12_345.678, 2)), "12 345,68");
    }

    #[test]
    fn numbers_zero_and_negative_zero() {
        assert_eq!(number(0.0, 0), "0");
        assert_eq!(number(-0.0, 0), "0");
        assert_eq!(number(0.0, 2), "0,00");
        assert_eq!(number(-0.04, 1), "0,0");
        assert_eq!(number(-0.4, 0), "0");
    }

    #[test]
    fn numbers_rounding() {
        assert_eq!(number(1.25, 1), "1,3");
        assert_eq!(number(0.5, 0), "1");
        assert_eq!(ascii(&number(-0.5, 0)), "-1");
        assert_eq!(ascii(&number(-2.5, 0)), "-3");
        assert_eq!(number(444.659, 1), "444,7");
        assert_eq!(number(9.96, 1), "10,0");
        assert_eq!(ascii(&number(999_999.5, 0)), "1 000 000");
        assert_eq!(number(0.123_456_789_123, 20), "0,123456789");
    }

    #[test]
    fn numbers_large() {
        assert_eq!(ascii(&number(1_234_567_890.0, 0)), "1 234 567 890");
        assert_eq!(
            ascii(&number(-9_007_199_254_740_992.0, 0)),
            "-9 007 199 254 740 992"
        );
        assert_eq!(ascii(&number(1.0e20, 0)), "100 000 000 000 000 000 000");
        assert_eq!(ascii(&number(-1.0e20, 1)), "-100 000 000 000 000 000 000,0");
    }

    #[test]
    fn numbers_not_finite() {
        assert_eq!(number(f64::NAN, 0), "\u{2013}");
        assert_eq!(number(f64::INFINITY, 1), "\u{2013}");
    }

    #[test]
    fn numbers_plain() {
        assert_eq!(number_plain(-437_569.0, 0), "-437 569");
        assert_eq!(number_plain(-4.44, 1), "-4,4");
        assert_eq!(number_plain(0.0, 1), "0,0");
    }

    #[test]
    fn amounts() {
        assert_eq!(ascii(&amount_tkr(437_569_000.0)), "437 569 tkr");
        assert_eq!(ascii(&amount_tkr(-206_400.0)), "-206 tkr");
        assert_eq!(ascii(&amount_tkr(0.0)), "0 tkr");
        assert_eq!(ascii(&amount_tkr(499.0)), "0 tkr");
        assert_eq!(ascii(&amount_tkr(500.0)), "1 tkr");
        assert_eq!(ascii(&amount_mkr(-4_400_000.0)), "-4,4 mkr");
        assert_eq!(ascii(&amount_mkr(444_659_000.0)), "444,7 mkr");
    }

    #[test]
    fn paragraph_ranges() {
        assert_eq!(ascii(&paragraph_range(114, 120)), "§§ 114--120");
        assert_eq!(paragraph_range(114, 120), "§§\u{a0}114\u{2013}120");
        assert_eq!(ascii(&paragraph_range(1, 1)), "§ 1");
        assert_eq!(ascii(&paragraph_range(19, 1)), "§§ 1--19");
    }

    #[test]
    fn timestamps() {
        let ts = chrono::DateTime::parse_from_rfc3339("2025-09-03T09:10:47+02:00").expect("valid");
        assert_eq!(timestamp(&ts), "2025-09-03 09:10:47 +02:00");
    }
}
