//! Text helpers: joining lines wrapped by the PDF extractor back into
//! paragraphs (*stycken*), and fuzzy title similarity.

/// One line handed to [`join_wrapped`]: its text and whether a hard break
/// (two or more blank lines) precedes it.
#[derive(Debug, Clone, Copy)]
pub struct Piece<'a> {
    pub text: &'a str,
    pub hard_break: bool,
}

fn ends_terminal(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '”', '"', ')'])
        && !s.trim_end().ends_with("m.m)")
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// A list item marker: "- ", "1. ", "2) ", "a) ".
pub fn is_list_item(s: &str) -> bool {
    let t = s.trim_start();
    if t.starts_with("- ")
        || t.starts_with("– ")
        || (t.starts_with('-') && t.chars().nth(1).is_some_and(char::is_alphabetic))
    {
        return true;
    }
    let mut chars = t.char_indices();
    let mut end_digits = 0;
    for (i, c) in chars.by_ref() {
        if c.is_ascii_digit() && i < 3 {
            end_digits = i + 1;
        } else {
            break;
        }
    }
    if end_digits > 0 {
        let rest = t.get(end_digits..).unwrap_or("");
        return rest.starts_with(". ") || rest.starts_with(") ");
    }
    let mut cs = t.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(a), Some(')'), Some(' ')) if a.is_ascii_lowercase())
}

fn is_att_clause_break(prev: &str, next: &str) -> bool {
    if !next.starts_with("att ") {
        return false;
    }
    let p = prev.trim_end();
    p.ends_with([',', ';', ':', '.'])
        || [
            "beslutar",
            "beslöt",
            "föreslår",
            "samt",
            "och",
            "besluta",
            "beslutade",
        ]
        .iter()
        .any(|w| p.rsplit(' ').next() == Some(w))
        || (p.starts_with("att ") && p.chars().count() < 60)
}

/// Joins wrapped lines into paragraphs. `clauses` makes lines starting with
/// "att " after a clause-ending line start a new paragraph (decisions).
pub fn join_wrapped(pieces: &[Piece<'_>], clauses: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in pieces {
        let t = p.text.trim();
        if t.is_empty() {
            continue;
        }
        let join = match out.last() {
            None => false,
            Some(prev) => {
                if p.hard_break || is_list_item(t) || (clauses && is_att_clause_break(prev, t)) {
                    false
                } else if starts_lowercase(t) {
                    true
                } else if ends_terminal(prev) {
                    false
                } else {
                    at_least_60_chars(prev) && !prev.ends_with(['-', '–'])
                        || prev.ends_with(['–', ','])
                }
            }
        };
        match (join, out.last_mut()) {
            (true, Some(prev)) => {
                // "semesterlön/-" + "ersättning" keeps no space after a hyphenated break.
                prev.push(' ');
                prev.push_str(t);
            }
            _ => out.push(t.to_string()),
        }
    }
    out
}

/// Whether `s` holds 60 characters or more, told without counting the characters of a long
/// paragraph that is being joined (a character is one to four bytes).
fn at_least_60_chars(s: &str) -> bool {
    s.len() >= 240 || s.len() >= 60 && s.chars().nth(59).is_some()
}

/// Joins one or more wrapped lines into a single string, paragraphs separated by `\n`.
pub fn join_text(pieces: &[Piece<'_>], clauses: bool) -> String {
    join_wrapped(pieces, clauses).join("\n")
}

fn dice_sorted(a: &[u64], b: &[u64]) -> f64 {
    dice_at_least(a, b, 0.0).unwrap_or(0.0)
}

/// The Dice score of two sorted sets when it is at least `min`, else `None`: the merge stops
/// once the elements left could no longer bring the shared ones up to `min`.
fn dice_at_least(a: &[u64], b: &[u64], min: f64) -> Option<f64> {
    if a.is_empty() && b.is_empty() {
        return (1.0 >= min).then_some(1.0);
    }
    let dice = |shared: usize| 2.0 * shared as f64 / (a.len() + b.len()) as f64;
    // Merged without a branch on the comparison (which no predictor can guess): the
    // smaller side steps on, both on a match.
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    let mut steps = 0u32;
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        inter += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
        steps += 1;
        // Every 16 steps: could every element left on the shorter side still be shared?
        if steps.is_multiple_of(16) {
            let left = (a.len() - i).min(b.len() - j);
            if dice(inter + left) < min {
                return None;
            }
        }
    }
    let score = dice(inter);
    (score >= min).then_some(score)
}

/// Precomputed word and character-bigram sets of a title. Words are kept as 64-bit hashes
/// of their lower-case letters and bigrams as two packed characters: comparing them is
/// comparing integers, and building them allocates only the two vectors.
pub struct Fingerprint {
    words: Vec<u64>,
    bigrams: Vec<u64>,
    chars: usize,
}

impl Fingerprint {
    pub fn new(s: &str) -> Self {
        const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
        let mut words = Vec::with_capacity(s.len() / 5 + 1);
        let mut bigrams = Vec::with_capacity(s.len());
        let mut hash = FNV_OFFSET;
        let mut in_word = false;
        let mut prev: Option<char> = None;
        let mut chars = 0usize;
        let mut add = |l: char, hash: &mut u64| {
            *hash = (*hash ^ u64::from(u32::from(l))).wrapping_mul(FNV_PRIME);
            if let Some(p) = prev {
                bigrams.push((u64::from(u32::from(p)) << 32) | u64::from(u32::from(l)));
            }
            prev = Some(l);
            chars += 1;
        };
        for c in s.chars() {
            let alnum = if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                c.is_alphanumeric()
            };
            if !alnum {
                if in_word {
                    words.push(hash);
                    hash = FNV_OFFSET;
                    in_word = false;
                }
                continue;
            }
            in_word = true;
            if c.is_ascii() {
                add(c.to_ascii_lowercase(), &mut hash);
            } else {
                for l in c.to_lowercase() {
                    add(l, &mut hash);
                }
            }
        }
        if in_word {
            words.push(hash);
        }
        words.sort_unstable();
        words.dedup();
        bigrams.sort_unstable();
        bigrams.dedup();
        Fingerprint {
            words,
            bigrams,
            chars,
        }
    }

    /// The similarity in 0..=1 when it is at least `min`, else `None`: the better of word
    /// overlap and character-bigram overlap (robust to typos like "klimatåldor" /
    /// "klimatlådor"), found without finishing the comparison of bigrams that cannot reach
    /// `min`.
    pub fn similarity_at_least(&self, other: &Fingerprint, min: f64) -> Option<f64> {
        // Very different lengths cannot reach a useful score.
        let (a, b) = (self.chars.max(1), other.chars.max(1));
        if a.max(b) > 4 * a.min(b) + 20 {
            return (0.0 >= min).then_some(0.0);
        }
        let words = dice_sorted(&self.words, &other.words);
        // The bigrams must reach `min` themselves unless the words did; either way the
        // better of the two is the score.
        let floor = if words >= min { 0.0 } else { min };
        let bigrams = dice_at_least(&self.bigrams, &other.bigrams, floor);
        let score = bigrams.map_or(words, |b| words.max(b));
        (score >= min).then_some(score)
    }
}

/// `re.captures(t)` after the cheaper `re.is_match(t)`: most lines match none of the
/// patterns, and saying so costs far less than setting up their capture groups.
pub fn matched<'t>(re: &regex::Regex, t: &'t str) -> Option<regex::Captures<'t>> {
    if re.is_match(t) {
        re.captures(t)
    } else {
        None
    }
}

/// A pattern for a line that ends in the rest of the line (`(\S.*)$`, or `(.*)$`), kept in two
/// forms: whole, and cut where the rest begins (at `(\S)`, or at the end). Since `.` takes
/// anything but a line break, on a line without one the rest always matches, so the cut form
/// takes the same path as the whole and gives the same groups before the rest, with far less
/// work for the regex engine than carrying the capture groups to the line's end.
pub(crate) struct LineRest {
    whole: regex::Regex,
    head: regex::Regex,
    non_blank: bool,
}

impl LineRest {
    /// `prefix` is the pattern before the rest; `non_blank` when the rest begins with a
    /// character that is not white space (`(\S.*)$`), else the rest may be empty (`(.*)$`).
    pub fn new(prefix: &str, non_blank: bool) -> Self {
        let (whole, head) = if non_blank {
            (format!(r"{prefix}(\S.*)$"), format!(r"{prefix}(\S)"))
        } else {
            (format!(r"{prefix}(.*)$"), prefix.to_string())
        };
        LineRest {
            whole: regex::Regex::new(&whole).expect("static regex"),
            head: regex::Regex::new(&head).expect("static regex"),
            non_blank,
        }
    }

    /// The groups of the prefix (numbered as in the prefix) and the rest of the line.
    pub fn captures<'t>(&self, t: &'t str) -> Option<(regex::Captures<'t>, &'t str)> {
        if has_byte(t, b'\n') {
            let c = matched(&self.whole, t)?;
            let rest = c.get(c.len() - 1)?.as_str();
            return Some((c, rest));
        }
        let c = matched(&self.head, t)?;
        let at = if self.non_blank {
            c.get(c.len() - 1)?.start()
        } else {
            c.get(0)?.end()
        };
        let rest = t.get(at..)?;
        Some((c, rest))
    }
}

/// Whether `c` is å, ä or ö, small or capital.
fn is_swedish_vowel(c: char) -> bool {
    matches!(c, 'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö')
}

/// Words that end in å, ä or ö and stand before another word: after them a space is kept.
const ENDS_IN_VOWEL: [&str; 6] = ["på", "så", "då", "två", "också", "ändå"];

/// The text with its words made whole when the extractor broke them after every å, ä and ö
/// ("Utbildningsnä mnden", "Pä r-gö ran Bjö rkman", "Ö vriga deltagare"); `None` when the text
/// is not broken so. A text is broken when at least six in ten of its (ten or more) å, ä and ö
/// stand before a space and a small letter: in whole Swedish text at most three in ten do
/// ("på", "två", "också" before the next word). The space after the few words of
/// [`ENDS_IN_VOWEL`] is kept. (The text's first 16 KB tell: a text is broken throughout.)
pub(crate) fn join_split_letters(text: &str) -> Option<String> {
    let bytes = &text.as_bytes()[..text.len().min(16 * 1024)];
    // Each of å, ä, ö, Å, Ä, Ö is 0xC3 and one more byte in UTF-8.
    let mut vowels = 0usize;
    let mut before_space = 0usize;
    for i in memchr::memchr_iter(0xC3, bytes) {
        if !matches!(
            bytes.get(i + 1),
            Some(0xA5 | 0xA4 | 0xB6 | 0x85 | 0x84 | 0x96)
        ) {
            continue;
        }
        vowels += 1;
        if bytes.get(i + 2) == Some(&b' ')
            && text
                .get(i + 3..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_lowercase)
        {
            before_space += 1;
        }
    }
    if vowels < 10 || before_space * 10 < vowels * 6 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut word_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            word_start = out.len() + c.len_utf8();
        }
        out.push(c);
        if !is_swedish_vowel(c) {
            continue;
        }
        let next_is_space = chars.peek().is_some_and(|&(_, n)| n == ' ');
        let after = text
            .get(i + c.len_utf8() + 1..)
            .and_then(|r| r.chars().next());
        let word = out.get(word_start..).unwrap_or("").to_lowercase();
        if next_is_space
            && after.is_some_and(char::is_lowercase)
            && !ENDS_IN_VOWEL.contains(&word.as_str())
        {
            chars.next();
        }
    }
    Some(out)
}

/// Title similarity in 0..=1 (see [`Fingerprint::similarity_at_least`]).
#[cfg(test)]
pub fn similarity(a: &str, b: &str) -> f64 {
    Fingerprint::new(a)
        .similarity_at_least(&Fingerprint::new(b), 0.0)
        .unwrap_or(0.0)
}

/// [`str::trim`] for the many lines that need none: a line that begins and ends with a
/// printable ASCII character or a Latin-1 letter (`à`–`ÿ`, `À`–`ß`: first byte `C3`) has no
/// white space to trim, and is returned as it is without decoding a character. The line
/// passes read every line many times, and most lines are like that.
pub(crate) trait TrimWhite {
    fn trim_white(&self) -> &str;
}

impl TrimWhite for str {
    #[inline]
    fn trim_white(&self) -> &str {
        let b = self.as_bytes();
        let plain_start = matches!(b.first(), Some(&c) if c > b' ' && c < 0x80 || c == 0xC3);
        let plain_end = match b {
            [.., c] if *c > b' ' && *c < 0x80 => true,
            [.., 0xC3, c] if *c >= 0x80 => true,
            _ => false,
        };
        if plain_start && plain_end {
            self
        } else {
            self.trim()
        }
    }
}

/// Whether `t` begins with one of the ASCII `letters`, in either case: the test of one byte
/// that spares most lines a set of anchored patterns whose first letters these are.
#[inline]
pub(crate) fn begins_with_one_of(t: &str, letters: &[u8]) -> bool {
    t.as_bytes()
        .first()
        .is_some_and(|b| letters.contains(&b.to_ascii_lowercase()))
}

/// "göteborg" → "Göteborg", "enhetschef" → "Enhetschef": the first letter made a capital.
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Whether the line `s` holds the ASCII byte `b`. Read to the end without an early exit, so
/// the compiler tests many bytes at once: for a line this is cheaper than setting up the
/// general search `contains` makes (whose per-call cost shows on thousands of short lines).
#[inline]
pub(crate) fn has_byte(s: &str, b: u8) -> bool {
    debug_assert!(b.is_ascii());
    s.bytes().fold(false, |found, x| found | (x == b))
}

/// The first letter of each alternative of the group that begins an anchored pattern
/// (`(?i)^(?:tel|fax|…)`), for tests that a quicker first-letter test lets every one through.
#[cfg(test)]
pub(crate) fn first_letters(pattern: &str) -> Vec<char> {
    let Some(group) = pattern.split_once("^(?:").map(|(_, g)| g) else {
        return Vec::new();
    };
    let mut firsts = Vec::new();
    let mut depth = 0;
    let mut at_start = true;
    for c in group.chars() {
        if at_start && depth == 0 && c.is_alphabetic() {
            firsts.push(c);
        }
        at_start = false;
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => break,
            ')' => depth -= 1,
            '|' if depth == 0 => at_start = true,
            _ => {}
        }
    }
    firsts
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_broken_after_a_swedish_vowel_are_joined() {
        // The cover of heldout30/3011 (Alingsås utbildningsnämnd, 2009), as its text layer
        // gives it.
        let t = "3 Utbildningsnä mnden Sida 1 Plats och tid Utbildningens Hus, Alingsås kl \
                 Beslutande Lars Lundgren (FP), ordfö rande Pä r-gö ran Bjö rkman (S), vice \
                 ordfö rande Fredrik Larsson (M), tjä nstgö r fö r G Aronsson (M) , Å sa \
                 Svedjenä s (V) Ö vriga deltagare Margaretha Sjö berg (S) Anslag / Bevis et ä r \
                 justerat. Sammanträ desdatum";
        let j = join_split_letters(t).expect("a broken text");
        assert!(j.starts_with(
            "3 Utbildningsnämnden Sida 1 Plats och tid Utbildningens Hus, Alingsås kl"
        ));
        for w in [
            "ordförande Pär-göran Björkman (S)",
            "tjänstgör för G Aronsson",
            "Åsa Svedjenäs (V) Övriga deltagare Margaretha Sjöberg",
            "et är justerat. Sammanträdesdatum",
        ] {
            assert!(j.contains(w), "{w} in {j}");
        }
        // Whole text is left as it is, with its "på", "två" and "också" before a word.
        let whole = "Kommunstyrelsen beslutar på förslag från två ledamöter att också ändra \
                     förvaltningsberättelsen för år 2009 och översända den till fullmäktige i \
                     Alingsås så snart som möjligt; därför återremitteras ärendet.";
        assert_eq!(join_split_letters(whole), None);
        // A broken text keeps the space after "på", "så" and "två".
        let mixed =
            "Nä mnden beslutar på fö rslag att bö rja två ä renden, så mö tet ä r slut fö r dag";
        assert_eq!(
            join_split_letters(mixed).as_deref(),
            Some("Nämnden beslutar på förslag att börja två ärenden, så mötet är slut för dag")
        );
    }

    use super::*;

    fn p(t: &str) -> Piece<'_> {
        Piece {
            text: t,
            hard_break: false,
        }
    }

    #[test]
    fn joins_wrapped_lines() {
        let v = join_wrapped(
            &[
                p("Socialnämnden ger vård- och socialförvaltningen i uppdrag att återkomma med"),
                p("redovisning av resultatet för mål 3 till socialnämnden i mars."),
                p("Förvaltningsövergripande"),
                p("Resultatet vid bokslut är ett underskott"),
            ],
            false,
        );
        assert_eq!(v.len(), 3);
        assert!(v[0].ends_with("i mars."));
    }

    #[test]
    fn att_clauses() {
        let v = join_wrapped(
            &[
                p("Utskottet beslutar"),
                p("att godkänna rapporten, samt"),
                p("att uppdra åt förvaltningen"),
            ],
            true,
        );
        assert_eq!(
            v,
            [
                "Utskottet beslutar",
                "att godkänna rapporten, samt",
                "att uppdra åt förvaltningen"
            ]
        );
    }

    #[test]
    fn list_items() {
        assert!(is_list_item("- punkt"));
        assert!(is_list_item("1. Första"));
        assert!(is_list_item("-Arbete pågår"));
        assert!(!is_list_item("2023 års"));
        assert!(!is_list_item("-4,4 mnkr"));
    }

    proptest::proptest! {
        #[test]
        fn similarity_at_least_agrees_with_similarity(
            a in "[a-e ]{0,40}", b in "[a-e ]{0,40}", min in 0.0f64..1.0
        ) {
            let (fa, fb) = (Fingerprint::new(&a), Fingerprint::new(&b));
            let sim = similarity(&a, &b);
            let at_least = fa.similarity_at_least(&fb, min);
            proptest::prop_assert_eq!(at_least, (sim >= min).then_some(sim));
        }
    }

    proptest::proptest! {
        #[test]
        fn the_cut_pattern_reads_a_line_as_the_whole_does(
            t in "(SN )?§ ?[0-9]{1,5}[ \t:.-]{0,4}[A-Öa-ö ]{0,8}\n?[A-Öa-ö §0-9]{0,6}"
        ) {
            for (prefix, non_blank) in [
                (r"^(?:[A-ZÅÄÖ]{1,6}\s+)?§\s*(\d{1,4})(?:\s*[-–—:.]\s+|\s*[-–—:]\s*|\s+|$)", false),
                (r"^§\s*(\d{1,4})(?:\t+|\s{2,}|\s*[-–:.]\s+|\s+)", true),
            ] {
                let pattern = LineRest::new(prefix, non_blank);
                let whole = pattern.whole.captures(&t);
                let cut = pattern.captures(&t);
                let as_whole = whole.as_ref().map(|c| {
                    (c.get(1).map(|m| m.as_str()), c.get(c.len() - 1).map_or("", |m| m.as_str()))
                });
                let as_cut = cut.as_ref().map(|(c, rest)| (c.get(1).map(|m| m.as_str()), *rest));
                proptest::prop_assert_eq!(as_cut, as_whole);
            }
        }
    }

    #[test]
    fn similar_titles() {
        assert!(similarity("Rapport klimatåldor", "Rapport klimatlådor") > 0.6);
        assert!(
            similarity(
                "Information om förvaltningens plan för målaktiviteter 2024",
                "Information om vård- och omsorgsförvaltningens plan för målaktiviteter 2024"
            ) > 0.7
        );
        assert!(similarity("Verksamhetsplan 2024", "Rapport om kontaktpersoner") < 0.3);
    }

    #[test]
    fn trim_white_is_trim() {
        for t in [
            "",
            " ",
            "\t",
            "abc",
            " abc",
            "abc ",
            "\u{a0}abc\u{2003}",
            "Öst",
            "Öst ",
            "ö",
            "é\u{a0}",
            "× ÷",
            "\u{85}x",
            "x\u{85}",
            "tab\t",
            "\u{3000}",
            "a\u{3000}",
            "Åsa Öberg",
        ] {
            assert_eq!(t.trim_white(), t.trim(), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn trim_white_and_has_byte_agree_with_std(s in "[ \t\u{a0}\u{85}\u{2003}a-zÅÄÖåäöé×§:]{0,12}") {
            proptest::prop_assert_eq!(s.trim_white(), s.trim());
            for b in [b'\t', b':', b'a'] {
                proptest::prop_assert_eq!(has_byte(&s, b), s.contains(char::from(b)));
            }
        }
    }
}
