//! Uppdrag: the tables "title ⇥ Startdatum ⇥ Slutdatum ⇥ Status" with their groups
//! ("Särskilda uppdrag - inriktning", "Uppdrag från nämnd"), and the comment after each row
//! ("Kommentar: …" and the paragraphs after it, also when a page break repeats the header
//! between the row and its comment).

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{clean, join_paragraphs, Line};
use super::model::FollowUpAssignment;

static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})$").expect("static regex"));
static HYPHEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{L})- (\p{Ll}+)").expect("static regex"));
static PARA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)</p>\s*<p>").expect("static regex"));
const STATUSES: [&str; 3] = ["Ej påbörjad", "Pågår", "Klar"];

fn date(cell: &str) -> Option<String> {
    let c = DATE.captures(cell.trim())?;
    let m: u32 = c.get(2)?.as_str().parse().ok()?;
    let d: u32 = c.get(3)?.as_str().parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| cell.trim().to_string())
}

/// "förenings- livet" → "föreningslivet"; "Hälso- och sjukvård" stays.
fn dehyphenate(s: &str) -> String {
    HYPHEN
        .replace_all(s, |c: &regex::Captures<'_>| {
            let next = c.get(2).map_or("", |m| m.as_str());
            let first = c.get(1).map_or("", |m| m.as_str());
            if ["och", "eller", "samt", "som", "till", "respektive"].contains(&next) {
                format!("{first}- {next}")
            } else {
                format!("{first}{next}")
            }
        })
        .into_owned()
}

/// Reads the uppdrag between lines `s` (the Uppdrag heading) and `e`.
pub fn parse_assignments(
    lines: &[Line],
    s: usize,
    e: usize,
    warnings: &mut Vec<String>,
) -> Vec<FollowUpAssignment> {
    let mut out: Vec<FollowUpAssignment> = Vec::new();
    let mut comments: Vec<Vec<String>> = Vec::new();
    let mut group: Option<String> = None;
    let mut last: Option<usize> = None;
    for l in lines.iter().take(e.min(lines.len())).skip(s + 1) {
        if l.blank() || l.rule {
            continue;
        }
        if l.heading.is_some() {
            last = None;
            continue;
        }
        if l.cells.iter().any(|c| c.eq_ignore_ascii_case("startdatum")) {
            group = l.cells.first().filter(|c| !c.is_empty()).cloned();
            continue;
        }
        if l.is_row() {
            let cell = |i: usize| l.cells.get(i).map(String::as_str).unwrap_or("");
            let (start, end) = (date(cell(1)), date(cell(2)));
            if start.is_some() || end.is_some() {
                let status = Some(cell(3).to_string()).filter(|s| !s.is_empty());
                if let Some(s) = &status {
                    if !STATUSES.iter().any(|w| w.eq_ignore_ascii_case(s)) {
                        warnings.push(format!("rad {}: okänd status ”{s}” för uppdraget", l.no));
                    }
                }
                out.push(FollowUpAssignment {
                    title: dehyphenate(cell(0)),
                    group: group.clone(),
                    start,
                    end,
                    status,
                    comment: None,
                });
                comments.push(Vec::new());
                last = Some(out.len() - 1);
                continue;
            }
        }
        // Text: a comment, or more of one.
        let pieces: Vec<String> = PARA
            .split(&l.raw)
            .map(|p| clean(&p.replace('\t', " ")))
            .filter(|p| !p.is_empty())
            .collect();
        match last.and_then(|i| comments.get_mut(i)) {
            Some(c) => {
                for p in pieces {
                    let p = p
                        .strip_prefix("Kommentar:")
                        .map(|r| r.trim().to_string())
                        .unwrap_or(p);
                    if !p.is_empty() {
                        c.push(p);
                    }
                }
            }
            None => warnings.push(format!(
                "rad {}: texten ”{}” kunde inte knytas till något uppdrag",
                l.no,
                l.text.chars().take(60).collect::<String>()
            )),
        }
    }
    for (a, c) in out.iter_mut().zip(comments) {
        let t = join_paragraphs(&c);
        a.comment = (!t.is_empty()).then_some(t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens() {
        assert_eq!(
            dehyphenate("Stödja förenings- livet och civil- samhället"),
            "Stödja föreningslivet och civilsamhället"
        );
        assert_eq!(dehyphenate("Hälso- och sjukvård"), "Hälso- och sjukvård");
        assert_eq!(date("2019-09-30").as_deref(), Some("2019-09-30"));
        assert_eq!(date("2019-13-30"), None);
    }
}
