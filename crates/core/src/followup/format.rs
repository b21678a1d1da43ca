//! Swedish number formatting for follow-up figures: space between thousands, comma before
//! decimals, U+2212 as minus: `−34 879`, `1 183,1`, `39,0`.

/// Formats `value` with `decimals` decimals (at most 6): `number(-34879.0, 0)` is
/// `"−34 879"`, `number(39.0, 1)` is `"39,0"`. Not-finite values give `"–"`; a value that
/// rounds to zero has no minus.
pub fn number(value: f64, decimals: u8) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let decimals = decimals.min(6);
    let text = format!("{:.*}", usize::from(decimals), value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let zero = int.chars().all(|c| c == '0') && frac.chars().all(|c| c == '0');
    let mut out = String::with_capacity(text.len() + 8);
    if value < 0.0 && !zero {
        out.push('−');
    }
    let len = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// A number in parentheses when negative, for "a − (−b)" in check messages.
pub fn operand(value: f64, decimals: u8) -> String {
    let s = number(value, decimals);
    if s.starts_with('−') {
        format!("({s})")
    } else {
        s
    }
}

/// How many decimals a printed number shows: `"1 183.1"` → 1, `"4 230.00"` → 2, `"39.0 %"`
/// → 1, `"24 651"` → 0.
pub fn shown_decimals(text: &str) -> u8 {
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    match digits.rfind([',', '.']) {
        Some(i) => u8::try_from(digits.len() - i - 1).unwrap_or(u8::MAX).min(6),
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_swedish() {
        assert_eq!(number(-34879.0, 0), "−34 879");
        assert_eq!(number(24651.0, 0), "24 651");
        assert_eq!(number(-1178264.0, 0), "−1 178 264");
        assert_eq!(number(1183.1, 1), "1 183,1");
        assert_eq!(number(39.0, 1), "39,0");
        assert_eq!(number(0.0, 0), "0");
        assert_eq!(number(-0.0001, 1), "0,0");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(1000.0, 0), "1 000");
        assert_eq!(number(f64::NAN, 0), "–");
        assert_eq!(operand(-59529.0, 0), "(−59 529)");
        assert_eq!(operand(5.0, 0), "5");
    }

    #[test]
    fn decimals_shown() {
        assert_eq!(shown_decimals("1 183.1"), 1);
        assert_eq!(shown_decimals("4 230.00"), 2);
        assert_eq!(shown_decimals("39.0 %"), 1);
        assert_eq!(shown_decimals("-24 651"), 0);
        assert_eq!(shown_decimals("7,4%"), 1);
    }
}
