//! Numbers in Swedish formatting (*belopp*): space as thousands separator,
//! comma as decimal separator, minus as `-`, `–` or `−`: "437 569", "-4,4",
//! "−1 009", "12 250 kr", "7,4%". A lone dash ("–") means "no value".

/// Units that may follow a number in a table cell.
const UNITS: [&str; 12] = [
    "mnkr", "mdkr", "mkr", "tkr", "kronor", "kr", "%", "st.", "st", "procent", "timmar", "dagar",
];

/// Parses one cell. Returns `None` for anything that is not a single number.
pub fn parse_number(cell: &str) -> Option<f64> {
    let mut s = cell.trim();
    // A number has a digit: most cells of text are out before anything is allocated.
    if s.is_empty() || s.len() > 40 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // Strip a trailing unit ("12 250 kr", "7,4 %").
    let lower = s.to_lowercase();
    for unit in UNITS {
        if lower.ends_with(unit) {
            let cut = s.len().saturating_sub(unit.len());
            if let Some(rest) = s.get(..cut) {
                s = rest.trim_end();
            }
            break;
        }
    }
    let mut negative = false;
    let mut chars = s.chars();
    match chars.next() {
        Some('-' | '–' | '−' | '—') => {
            negative = true;
            s = chars.as_str().trim_start();
        }
        Some('+') => s = chars.as_str().trim_start(),
        _ => {}
    }
    if s.is_empty() {
        return None;
    }
    // Only digits, spaces, one decimal separator.
    let mut digits = String::with_capacity(s.len());
    let mut groups: Vec<usize> = vec![0];
    let mut decimals: Option<usize> = None;
    for c in s.chars() {
        match c {
            '0'..='9' => {
                digits.push(c);
                match decimals.as_mut() {
                    Some(d) => *d += 1,
                    None => {
                        if let Some(g) = groups.last_mut() {
                            *g += 1;
                        }
                    }
                }
            }
            ' ' if decimals.is_none() => groups.push(0),
            ',' | '.' if decimals.is_none() => {
                digits.push('.');
                decimals = Some(0);
            }
            _ => return None,
        }
    }
    if decimals == Some(0) {
        return None;
    }
    // Thousands groups: first 1–3 digits, the rest exactly 3.
    if groups.len() > 1 {
        let first_ok = groups.first().is_some_and(|g| (1..=3).contains(g));
        if !first_ok || groups.iter().skip(1).any(|g| *g != 3) {
            return None;
        }
    }
    // "1.000" with a point and three decimals is ambiguous: treat as thousands
    // only when the text uses a point (Swedish decimals use a comma).
    if s.contains('.')
        && decimals == Some(3)
        && groups.len() == 1
        && groups.first().is_some_and(|g| *g <= 3)
    {
        digits.retain(|c| c != '.');
    }
    let v: f64 = digits.parse().ok()?;
    Some(if negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_numbers() {
        assert_eq!(parse_number("437 569"), Some(437569.0));
        assert_eq!(parse_number("-4,4"), Some(-4.4));
        assert_eq!(parse_number("−1 009"), Some(-1009.0));
        assert_eq!(parse_number("– 1 009"), Some(-1009.0));
        assert_eq!(parse_number("–"), None);
        assert_eq!(parse_number("-206"), Some(-206.0));
        assert_eq!(parse_number("12 250 kr"), Some(12250.0));
        assert_eq!(parse_number("7,4%"), Some(7.4));
        assert_eq!(parse_number("-14,8 mnkr"), Some(-14.8));
        assert_eq!(parse_number("0"), Some(0.0));
        assert_eq!(parse_number("8.3"), Some(8.3));
    }

    #[test]
    fn not_numbers() {
        assert_eq!(parse_number("2022-09-19"), None);
        assert_eq!(parse_number("K"), None);
        assert_eq!(parse_number("1 2"), None);
        assert_eq!(parse_number("12 34"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("§ 2-6"), None);
        assert_eq!(parse_number("3,"), None);
    }
}
