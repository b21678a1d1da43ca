//! Splitting extracted text into logical lines and cleaning stray markup
//! (`**`, `<p>`, `<hr/>`, `*kursiv*`, private-use bullets).

use crate::text::TrimWhite;
use regex::Regex;
use std::sync::LazyLock;

/// One logical line of the input. Several logical lines may share one input
/// line when glued bold markup (`Rubrik**§ 114 - Titel**`) is split apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based input line number.
    pub no: usize,
    /// Cleaned text, trimmed of spaces (tabs inside are kept: they separate table cells).
    pub text: String,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.trim_white().is_empty()
    }
}

static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(?:p|br|hr|b|i|u|s|strong|em|span|div|li|ul|ol|td|tr|th|table|tbody|thead|font|sup|sub|h[1-6])(?:[^\p{L}\p{N}_<>][^<>]{0,199})?>")
        .expect("static regex")
});
static AUTOLINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<((?:https?://|mailto:|www\.)[^<>\s]{1,2000})>").expect("static regex")
});
static ITALIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\*([^*\s](?:[^*]{0,500}[^*\s])?)\*").expect("static regex"));

/// Characters used as bullets by PDF extractors (private-use Symbol glyphs, •, ▪ …).
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '\u{f0b7}'
            | '\u{f0a7}'
            | '\u{f076}'
            | '\u{f0d8}'
            | '\u{f0fc}'
            | '•'
            | '▪'
            | '●'
            | '◦'
            | '■'
            | '□'
            | '➢'
            | '►'
    )
}

/// Splits `input` into cleaned logical lines. Linear in the input size: the line breaks are
/// found with the vectorised `memchr`, and each line's bytes are read once to learn what
/// cleaning it needs.
pub fn split_lines(input: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(input.len() / 40 + 1);
    let mut from = 0;
    let ends = memchr::memchr_iter(b'\n', input.as_bytes()).chain(std::iter::once(input.len()));
    for (idx, to) in ends.enumerate() {
        let no = idx + 1;
        // `to` is a line break or the end, both on a character boundary.
        let raw = input.get(from..to).unwrap_or("");
        from = to + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let kinds = byte_kinds(raw);
        // A line of only spaces is an extraction artefact (an empty text run),
        // not a paragraph break: drop it entirely.
        if !raw.is_empty() && kinds & VISIBLE == 0 {
            continue;
        }
        let mut cleaned = clean_line(raw, kinds);
        // "__________KS § 106 Dnr KS 07-409 024": a rule drawn before the line's text, left
        // as the underscores that open it.
        if let Some(rest) = cleaned.strip_prefix("___") {
            let text = rest.trim_start_matches('_').trim_start();
            if !text.is_empty() {
                cleaned = text.to_string();
            }
        }
        if kinds & STAR != 0 && cleaned.contains("**") {
            for piece in split_bold(&cleaned) {
                out.push(Line { no, text: piece });
            }
        } else {
            out.push(Line { no, text: cleaned });
        }
    }
    // A final newline produces one empty trailing line; drop it.
    if out.last().is_some_and(|l| l.text.is_empty()) && input.ends_with('\n') {
        out.pop();
    }
    out
}

/// A byte that may start a character [`clean_line`] changes (control characters, the
/// non-breaking and zero-width spaces, soft hyphens, bullets). Swedish letters (`C3 xx`) are
/// not such bytes.
const ODD: u8 = 1;
/// `<`: the line may hold markup or an autolink.
const ANGLE: u8 = 2;
/// `*`: the line may hold bold or italic markers.
const STAR: u8 = 4;
/// A byte that is neither a space nor part of a non-breaking space (`C2 A0`).
const VISIBLE: u8 = 8;

/// The kind of each byte.
const KINDS: [u8; 256] = {
    let mut t = [VISIBLE; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = if b == b'\t' as usize {
            VISIBLE
        } else {
            ODD | VISIBLE
        };
        b += 1;
    }
    t[b' ' as usize] = 0;
    t[0xA0] = 0;
    t[0xC2] = ODD;
    t[0x7F] = ODD | VISIBLE;
    t[0xE2] = ODD | VISIBLE;
    t[0xEF] = ODD | VISIBLE;
    t[b'<' as usize] = ANGLE | VISIBLE;
    t[b'*' as usize] = STAR | VISIBLE;
    t
};

/// What the bytes of `raw` hold, as the union of their kinds (one table load per byte).
fn byte_kinds(raw: &str) -> u8 {
    raw.bytes().fold(0, |k, b| k | KINDS[b as usize])
}

/// What cleaning makes of `c`: `None` when it stays as it is, else what stands for it (a
/// space for a control character or an odd space, nothing for a zero-width one, "- " for a
/// bullet). Each such character begins with a byte of the kind [`ODD`].
fn cleaned(c: char) -> Option<&'static str> {
    match c {
        '\t' => None,
        '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' | '\u{2002}' | '\u{2003}' => Some(" "),
        '\u{feff}' | '\u{200b}' | '\u{ad}' => Some(""),
        c if c.is_control() => Some(" "),
        c if is_bullet(c) => Some("- "),
        _ => None,
    }
}

fn clean_line(raw: &str, kinds: u8) -> String {
    // (Most lines with a byte of the kind ODD hold a "§" or a dash, which stay: only a
    // character that begins with such a byte is looked at.)
    let changes = kinds & ODD != 0
        && raw.bytes().enumerate().any(|(i, b)| {
            KINDS[usize::from(b)] & ODD != 0
                && raw
                    .get(i..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| cleaned(c).is_some())
        });
    if !changes {
        // (A line without markup is tidied from the input and copied once.)
        if kinds & (ANGLE | STAR) == 0 {
            return tidied(raw).unwrap_or_else(|| raw.to_string());
        }
        return clean_markup(raw.to_string(), kinds);
    }
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        match cleaned(c) {
            None => s.push(c),
            Some(r) => s.push_str(r),
        }
    }
    // The bullets became "- ": what the cleaned line holds is read again.
    let kinds = byte_kinds(&s);
    clean_markup(s, kinds)
}

/// Removes markup (tags, autolinks, italics), rules and bullet doubling from a line whose
/// characters are already clean; `kinds` says what its bytes hold ([`byte_kinds`]).
fn clean_markup(s: String, kinds: u8) -> String {
    let mut s = if kinds & ANGLE != 0 {
        let t = AUTOLINK.replace_all(&s, "$1");
        HTML_TAG.replace_all(&t, " ").into_owned()
    } else {
        s
    };
    if kinds & STAR != 0 && !s.contains("**") {
        s = ITALIC.replace_all(&s, "$1").into_owned();
    }
    tidied(&s).unwrap_or(s)
}

/// The line `s` trimmed, blank when it holds only white space or a rule, and a bullet's "- - "
/// made one "- "; `None` when nothing changes (the line is kept as it is).
fn tidied(s: &str) -> Option<String> {
    let t = s.trim_matches(|c: char| c.is_whitespace() && c != '\t');
    // Lines that are only tabs/spaces are blank; separator rules are blank.
    if t.trim_white().is_empty() || is_rule(t.trim_white()) {
        return Some(String::new());
    }
    // Normalise "- - text" produced by a bullet followed by a dash.
    let t = t.strip_prefix("- - ").unwrap_or(t);
    match t.strip_prefix("- ") {
        Some(r) => {
            let mut out = String::with_capacity(t.len());
            out.push_str("- ");
            out.push_str(r.trim_start_matches(' '));
            out.truncate(out.trim_end_matches(' ').len());
            Some(out)
        }
        None if t.len() == s.len() => None,
        None => Some(t.trim_end_matches(' ').to_string()),
    }
}

/// `-----`, `_____`, `=====`: horizontal rules.
fn is_rule(t: &str) -> bool {
    t.starts_with(['-', '_', '=', '—', '–', '*', '.'])
        && t.chars().count() >= 3
        && t.chars()
            .all(|c| matches!(c, '-' | '_' | '=' | '—' | '–' | '*' | '.'))
        && !t.chars().all(|c| c == '.')
}

/// Splits a line at `**` where bold text is glued to other text on both sides
/// (`Individ- och omsorgsutskottet**§ 114 - Titel**`); elsewhere the markers
/// are just removed.
fn split_bold(line: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    let parts: Vec<&str> = line.split("**").collect();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            let before = current.chars().last();
            let after = part.chars().next();
            let glued = matches!((before, after), (Some(b), Some(a)) if !b.is_whitespace() && !a.is_whitespace());
            if glued {
                pieces.push(std::mem::take(&mut current));
            }
        }
        current.push_str(part);
    }
    pieces.push(current);
    let mut out: Vec<String> = pieces
        .into_iter()
        .map(|p| {
            p.trim_matches(|c: char| c.is_whitespace() && c != '\t')
                .to_string()
        })
        .filter(|p| !p.trim_white().is_empty())
        .collect();
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_glued_bold_heading() {
        let l =
            split_lines("Individ- och omsorgsutskottet**§ 114 - Information från verksamheten**\n");
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Individ- och omsorgsutskottet",
                "§ 114 - Information från verksamheten"
            ]
        );
        assert!(l.iter().all(|l| l.no == 1));
    }

    #[test]
    fn removes_inline_bold_and_html() {
        let l =
            split_lines("det är **viktigt** här<p>\n<hr/>\t\t\n*kursiv text* och <https://x.se/a>");
        assert_eq!(l[0].text, "det är viktigt här");
        assert_eq!(l[1].text, "");
        assert_eq!(l[2].text, "kursiv text och https://x.se/a");
    }

    #[test]
    fn drops_lines_of_only_spaces_by_their_bytes() {
        // Spaces and non-breaking spaces (C2 A0) only: dropped. "à" ends in the byte A0 and
        // "§" begins with C2, but neither is a space; a tab or a control character is not
        // dropped (the line is blank).
        let l = split_lines("a\n\u{a0} \u{a0}\nà\n  \n§\n\t\n\u{85}\nb**c**d\n*i*\n<p>x");
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["a", "à", "§", "", "", "b", "c", "d", "i", "x"]);
        let nos: Vec<usize> = l.iter().map(|l| l.no).collect();
        assert_eq!(nos, [1, 3, 5, 6, 7, 8, 8, 8, 9, 10]);
    }

    proptest::proptest! {
        /// Tidied with one copy, a line reads as it did when it was trimmed, then copied, then
        /// trimmed of its spaces and copied again.
        #[test]
        fn tidied_as_when_copied_twice(s in "[ \t\u{a0}a_.*=-]{0,12}") {
            let twice = {
                let t = s.trim_matches(|c: char| c.is_whitespace() && c != '\t');
                if t.trim_white().is_empty() || is_rule(t.trim_white()) {
                    String::new()
                } else {
                    let t = t.strip_prefix("- - ").unwrap_or(t);
                    let t = match t.strip_prefix("- ") {
                        Some(r) => format!("- {}", r.trim_start_matches(' ')),
                        None if t.len() == s.len() => s.clone(),
                        None => t.to_string(),
                    };
                    t.trim_end_matches(' ').to_string()
                }
            };
            proptest::prop_assert_eq!(tidied(&s).unwrap_or_else(|| s.clone()), twice);
        }
    }

    proptest::proptest! {
        /// A line whose odd bytes begin only characters that stay reads as when it was
        /// rebuilt character by character.
        #[test]
        fn cleaned_as_when_rebuilt(raw in "[ a§–”\t\u{c}\u{a0}\u{ad}\u{feff}\u{2009}•\u{f0b7}<>*-]{0,12}") {
            let mut rebuilt = String::new();
            for c in raw.chars() {
                match c {
                    '\t' => rebuilt.push('\t'),
                    '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' | '\u{2002}' | '\u{2003}' => {
                        rebuilt.push(' ')
                    }
                    '\u{feff}' | '\u{200b}' | '\u{ad}' => {}
                    c if c.is_control() => rebuilt.push(' '),
                    c if is_bullet(c) => rebuilt.push_str("- "),
                    c => rebuilt.push(c),
                }
            }
            let kinds = byte_kinds(&rebuilt);
            proptest::prop_assert_eq!(clean_line(&raw, byte_kinds(&raw)), clean_markup(rebuilt, kinds));
        }
    }

    #[test]
    fn keeps_inner_tabs_and_bullets() {
        let l = split_lines("Utskott\t291\t324\n\u{f0b7} Punkt\n_____");
        assert_eq!(l[0].text, "Utskott\t291\t324");
        assert_eq!(l[1].text, "- Punkt");
        assert_eq!(l[2].text, "");
    }
}
