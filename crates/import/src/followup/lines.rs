//! Lines of a follow-up report, cleaned of markup, with their cells, heading level and
//! whether they are rules ("---"), bold or blank; and the document-level facts (body,
//! period, the summary).

use std::sync::LazyLock;

use regex::Regex;

/// One line of the text.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based line number.
    pub no: usize,
    /// The line as it was.
    pub raw: String,
    /// The cleaned text, cells joined by a space.
    pub text: String,
    /// The cleaned tab-separated cells (one for a line without tabs).
    pub cells: Vec<String>,
    /// Heading level for `#` lines.
    pub heading: Option<u8>,
    /// The whole line was bold (`**…**` or `<b>…</b>`).
    pub bold: bool,
    /// A rule of dashes, in one cell or several.
    pub rule: bool,
}

impl Line {
    /// Empty after cleaning.
    pub fn blank(&self) -> bool {
        self.text.is_empty() && !self.rule
    }

    /// The non-empty cells.
    pub fn filled(&self) -> usize {
        self.cells.iter().filter(|c| !c.is_empty()).count()
    }

    /// A table line: tabs with at least two non-empty cells.
    pub fn is_row(&self) -> bool {
        self.cells.len() >= 2 && self.filled() >= 2 && !self.rule && self.heading.is_none()
    }

    /// Text outside a table: not blank, not a rule, at most one filled cell.
    pub fn is_text(&self) -> bool {
        !self.blank() && !self.rule && self.filled() <= 1
    }
}

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(?:b|i|u|p|br|strong|em|span|sup|sub)\s*/?>").expect("static regex")
});

/// Removes markup and collapses white space.
pub fn clean(s: &str) -> String {
    let s = TAG.replace_all(s, " ");
    let s = s.replace("**", "");
    let mut t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.len() > 2 && t.starts_with('*') && t.ends_with('*') {
        t = t.trim_matches('*').trim().to_string();
    }
    t
}

/// Splits and cleans the text.
pub fn prepare(text: &str) -> Vec<Line> {
    text.lines()
        .enumerate()
        .map(|(i, raw)| {
            // Keep tabs: an empty first cell (a header over the label column) matters.
            let trimmed = raw.trim_matches(|c: char| c == ' ' || c == '\r' || c == '\n');
            let mut heading = None;
            let mut body = trimmed;
            if trimmed.starts_with('#') {
                let level = trimmed.chars().take_while(|c| *c == '#').count();
                if level <= 6 {
                    heading = Some(level as u8);
                    body = trimmed.get(level..).unwrap_or("");
                }
            }
            let cells: Vec<String> = body.split('\t').map(clean).collect();
            let rule = cells.iter().any(|c| !c.is_empty())
                && cells.iter().all(|c| {
                    c.chars()
                        .all(|ch| ch == '-' || ch == '–' || ch == '_' || ch == ' ')
                })
                && cells
                    .iter()
                    .any(|c| c.chars().filter(|ch| *ch == '-').count() >= 2);
            let text = cells
                .iter()
                .filter(|c| !c.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            let first = body.trim_start();
            let bold = cells.iter().filter(|c| !c.is_empty()).count() == 1
                && (first.starts_with("**") || first.to_lowercase().starts_with("<b>"));
            let heading = heading.or_else(|| names_a_section(&cells, &text).then_some(2));
            Line {
                no: i + 1,
                raw: raw.to_string(),
                heading: if text.is_empty() { None } else { heading },
                text: if rule { String::new() } else { text },
                cells,
                bold,
                rule,
            }
        })
        .collect()
}

/// Headings a report's text keeps even without markup (text from `pdftotext`): the
/// sections, the goals and "Bedömning".
const SECTION_HEADINGS: [&str; 20] = [
    "sammanfattning",
    "viktiga händelser",
    "förväntad utveckling",
    "ekonomi",
    "kvantiteter",
    "investeringar",
    "medarbetare",
    "personalstatistik",
    "antal anställda",
    "genomsnittlig sysselsättningsgrad",
    "måluppfyllelse",
    "bedömning",
    "uppdrag",
    "särskilda uppdrag",
    "uppdrag från nämnd",
    "indikatorer",
    "indikatorer till kf verksamhetsmål",
    "indikatorer till kommunfullmäktiges verksamhetsmål",
    "indikatorer till nämndens verksamhetsmål",
    "kommentar till ekonomiskt resultat",
];
const HEADING_PREFIXES: [&str; 5] = [
    "övergripande mål:",
    "kommunfullmäktiges verksamhetsmål:",
    "verksamhetsrapport",
    "delårsrapport",
    "resultaträkning",
];

/// A line of one cell that names a section or a goal.
fn names_a_section(cells: &[String], text: &str) -> bool {
    if cells.iter().filter(|c| !c.is_empty()).count() != 1
        || text.chars().count() > 150
        || text.ends_with('.')
    {
        return false;
    }
    let t = text.to_lowercase();
    SECTION_HEADINGS.contains(&t.as_str())
        || HEADING_PREFIXES.iter().any(|p| {
            t.strip_prefix(p).is_some_and(|rest| {
                p.ends_with(':') || !rest.chars().next().is_some_and(char::is_alphabetic)
            })
        })
}

static BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}\- ,]{0,70}?(?:nämnden|nämnd|utskottet|styrelsen|fullmäktige)$")
        .expect("static regex")
});

/// The nämnd or utskott: the first line that is nothing but its name.
pub fn find_body(lines: &[Line]) -> Option<String> {
    lines
        .iter()
        .take(2000)
        .filter(|l| l.cells.len() == 1)
        .find(|l| BODY.is_match(&l.text) && !l.text.to_lowercase().starts_with("till "))
        .map(|l| l.text.clone())
}

/// Swedish month names.
pub const MONTHS: [&str; 12] = [
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

/// The month (1–12) a word names: "augusti", "aug", "juli".
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) || (w.starts_with(m) && w.len() <= m.len() + 1))
        .map(|i| i as u32 + 1)
}

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn year_to(year: i32, month: u32) -> String {
    format!(
        "{year:04}-01-01/{year:04}-{month:02}-{:02}",
        days_in(year, month)
    )
}

static RANGE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bjan(?:uari)?\.?\s*[-–]\s*(\p{L}{3,})\.?\s+(\d{4})\b").expect("static regex")
});
static FOLLOWUP_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:budgetuppföljning|uppföljning|prognos)\s+(?:per\s+)?(\p{L}{3,})\s+(\d{4})\b",
    )
    .expect("static regex")
});
static GOALS_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\buppföljning av mål\s+(\d{4})\b").expect("static regex"));
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bjan(?:uari)?\.?\s*[-–]\s*(\p{L}{3,})").expect("static regex")
});
static ISO_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(20\d\d|19\d\d)-\d\d-\d\d\b").expect("static regex"));

/// The period the figures cover, as "start/end": "januari-augusti 2023" → 2023-01-01/
/// 2023-08-31; "Budgetuppföljning mars 2024" → the year to March; "Uppföljning av mål 2023"
/// → the year; "Budget jan- juli" with the year of the document's first date.
pub fn find_period(lines: &[Line]) -> Option<String> {
    let year = |s: &str| s.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y));
    for l in lines {
        if let Some(c) = RANGE_YEAR.captures(&l.text) {
            if let (Some(m), Some(y)) = (
                c.get(1).and_then(|m| month(m.as_str())),
                c.get(2).and_then(|y| year(y.as_str())),
            ) {
                return Some(year_to(y, m));
            }
        }
    }
    for l in lines {
        if let Some(c) = FOLLOWUP_MONTH.captures(&l.text) {
            if let (Some(m), Some(y)) = (
                c.get(1).and_then(|m| month(m.as_str())),
                c.get(2).and_then(|y| year(y.as_str())),
            ) {
                return Some(year_to(y, m));
            }
        }
    }
    for l in lines {
        if let Some(y) = GOALS_YEAR
            .captures(&l.text)
            .and_then(|c| c.get(1))
            .and_then(|y| year(y.as_str()))
        {
            return Some(year_to(y, 12));
        }
    }
    let doc_year = lines.iter().find_map(|l| {
        ISO_YEAR
            .captures(&l.text)
            .and_then(|c| c.get(1))
            .and_then(|y| year(y.as_str()))
    })?;
    lines.iter().find_map(|l| {
        let m = RANGE
            .captures(&l.text)?
            .get(1)
            .and_then(|m| month(m.as_str()))?;
        Some(year_to(doc_year, m))
    })
}

/// Joins paragraphs with a blank line between them; a paragraph cut by a page break (no
/// closing punctuation, the next one starting in lower case) is joined with a space.
pub fn join_paragraphs(paras: &[String]) -> String {
    let mut out: Vec<String> = Vec::new();
    for p in paras.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let continues = out.last().is_some_and(|prev: &String| {
            !prev.ends_with(['.', '!', '?', ':', ';', ')', '”', '"'])
                && !prev.starts_with("- ")
                && p.chars().next().is_some_and(char::is_lowercase)
        });
        match out.last_mut() {
            Some(prev) if continues => {
                prev.push(' ');
                prev.push_str(p);
            }
            _ => out.push(p.to_string()),
        }
    }
    out.join("\n\n")
}

/// The text under the heading `name` up to the next heading.
pub fn section_text(lines: &[Line], name: &str) -> Option<String> {
    let start = lines
        .iter()
        .position(|l| l.heading.is_some() && l.text.eq_ignore_ascii_case(name))?;
    let paras: Vec<String> = lines
        .iter()
        .skip(start + 1)
        .take_while(|l| l.heading.is_none())
        .filter(|l| l.is_text())
        .map(|l| l.text.clone())
        .collect();
    let t = join_paragraphs(&paras);
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_and_classifies() {
        let l = prepare("<b>Summa</b>\t<b>-780 513</b>\n## **Bedömning**\n---\t------\n**Systematiskt kvalitetsarbete**");
        assert_eq!(l[0].cells, vec!["Summa", "-780 513"]);
        assert_eq!(l[1].heading, Some(2));
        assert_eq!(l[1].text, "Bedömning");
        assert!(l[2].rule && !l[2].blank());
        assert!(l[3].bold);
        assert_eq!(l[3].text, "Systematiskt kvalitetsarbete");
    }

    #[test]
    fn sections_without_markup_are_headings() {
        let l = prepare("Måluppfyllelse\nÖvergripande mål: Blomstrande näringsliv\nResultaträkningen visar intäkter\nResultaträkning januari-augusti 2023\nUppdrag\tStartdatum\tSlutdatum");
        assert_eq!(l[0].heading, Some(2));
        assert_eq!(l[1].heading, Some(2));
        assert_eq!(l[2].heading, None);
        assert_eq!(l[3].heading, Some(2));
        assert_eq!(l[4].heading, None);
    }

    #[test]
    fn periods() {
        let p = |t: &str| find_period(&prepare(t));
        assert_eq!(
            p("### Resultaträkning januari-augusti 2023").as_deref(),
            Some("2023-01-01/2023-08-31")
        );
        assert_eq!(
            p("Perioden är januari - augusti 2023.").as_deref(),
            Some("2023-01-01/2023-08-31")
        );
        assert_eq!(
            p("Budgetuppföljning mars 2024").as_deref(),
            Some("2024-01-01/2024-03-31")
        );
        assert_eq!(
            p("2024-02-10\n\tBudget jan- feb\tRedovisn").as_deref(),
            Some("2024-01-01/2024-02-29")
        );
        assert_eq!(p("ingenting"), None);
        assert_eq!(month("aug"), Some(8));
        assert_eq!(month("juli"), Some(7));
        assert_eq!(month("ju"), None);
    }

    #[test]
    fn paragraphs_join_across_page_breaks() {
        let j = join_paragraphs(&[
            "regionen ska ta".into(),
            "över vård.".into(),
            "Ny mening.".into(),
        ]);
        assert_eq!(j, "regionen ska ta över vård.\n\nNy mening.");
    }
}
