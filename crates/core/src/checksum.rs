//! The Luhn check digit used by Swedish organisationsnummer and personnummer.

/// Whether the last of `digits` is the Luhn check digit of the others (mod 10 weighted 2,1,2,…
/// from the left on the ten-digit form).
pub fn luhn_valid(digits: &[u8]) -> bool {
    if digits.is_empty() || digits.iter().any(|d| *d > 9) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The digits of `text`, or `None` when it holds anything but digits and the separators
/// `-` and `+`.
pub fn digits_of(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(12);
    for c in text.chars() {
        match c {
            '0'..='9' => out.push(c as u8 - b'0'),
            '-' | '+' => {}
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_numbers() {
        // Hagfors kommun's org.nr (DOMAIN.md) and Skatteverket's test personnummer.
        assert!(luhn_valid(&digits_of("212000-1884").unwrap()));
        assert!(luhn_valid(&digits_of("811218-9876").unwrap()));
        assert!(!luhn_valid(&digits_of("212000-1885").unwrap()));
        assert!(!luhn_valid(&[]));
        assert_eq!(digits_of("12a"), None);
    }
}
