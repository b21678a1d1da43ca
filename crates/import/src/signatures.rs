//! The e-signature page (*underskriftssida*): "NAMN: … / TID: … /
//! IDENTIFIKATIONSTYP: … / IDENTIFIKATIONS-ID: …", "Certifierad av …".

use crate::dates::iso_datetime;
use crate::model::Signature;
use crate::stream::Item;
use crate::text::TrimWhite;
use regex::Regex;
use std::sync::LazyLock;

static KEY_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(namn|name|undertecknare|signerat av|tid|time|tidpunkt|signerat|datum|date|identifikationstyp|identifieringstyp|metod|method|legitimering|e-legitimation|identifikations-id|identifierings-id|id)\s*:\s*(.*)$")
        .expect("static regex")
});
static CERTIFIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:certifierad|verifierad|signerad)\s+av\s+(.+)$").expect("static regex")
});

/// Title-cases a name written in capitals ("PERNILLA MARGARETA BOSTRÖM").
fn name_case(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().any(char::is_lowercase) {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == ' ' || c == '-';
    }
    out
}

/// Signatures and the certifying service found in `items[from..]`.
pub fn parse(items: &[Item<'_>], from: usize) -> (Vec<Signature>, Option<String>) {
    let mut sigs: Vec<Signature> = Vec::new();
    let mut service = None;
    for it in items.iter().skip(from) {
        let t = it.text.replace('\t', " ");
        let t = t.trim_white();
        if let Some(c) = crate::text::matched(&CERTIFIED, t) {
            service = c.get(1).map(|m| m.as_str().trim_white().to_string());
            continue;
        }
        let Some(c) = crate::text::matched(&KEY_VALUE, t) else {
            continue;
        };
        let key = c
            .get(1)
            .map_or(String::new(), |m| m.as_str().to_lowercase());
        let value = c.get(2).map_or("", |m| m.as_str()).trim_white().to_string();
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "namn" | "name" | "undertecknare" | "signerat av" => sigs.push(Signature {
                name: name_case(&value),
                time: None,
                method: None,
                identification_id: None,
            }),
            "tid" | "time" | "tidpunkt" | "signerat" | "datum" | "date" => {
                if let Some(s) = sigs.last_mut() {
                    s.time = iso_datetime(&value).or(Some(value));
                }
            }
            "identifikations-id" | "identifierings-id" | "id" => {
                if let Some(s) = sigs.last_mut() {
                    s.identification_id = Some(value);
                }
            }
            _ => {
                if let Some(s) = sigs.last_mut() {
                    s.method = Some(value);
                }
            }
        }
    }
    (sigs, service)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;
    use crate::stream;

    #[test]
    fn comfact_page() {
        let text = "UNDERSKRIFTSSIDA\nNAMN:\tPERNILLA MARGARETA BOSTRÖM\t\nTID:\t2025-09-03 13:27:26 +02:00\t\nIDENTIFIKATIONSTYP:\tSvensk e-legitimation\t\nIDENTIFIKATIONS-ID:\t_0867\t\n<hr/>\nCertifierad av Comfact Signature";
        let lines = split_lines(text);
        let items = stream::build(&lines, &vec![false; lines.len()]);
        let (s, service) = parse(&items, 0);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].name, "Pernilla Margareta Boström");
        assert_eq!(s[0].time.as_deref(), Some("2025-09-03T13:27:26+02:00"));
        assert_eq!(s[0].method.as_deref(), Some("Svensk e-legitimation"));
        assert_eq!(service.as_deref(), Some("Comfact Signature"));
    }
}
