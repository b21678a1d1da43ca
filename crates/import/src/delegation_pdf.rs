//! A delegationsordning's table in a PDF, put back together from where its words stand on
//! the page (`pdftotext -tsv`, see [`crate::pdf::pdf_words`]): the header row is the first
//! line whose runs of words [`crate::delegation_grid::role_of`] recognises as a matter and a
//! delegate column (a header of two lines — "Lägsta" over "beslutsnivå" — is joined); the
//! columns are bounded halfway between the header's runs; a row begins where the number
//! column holds a number (without a number column, after a gap wider than a line); the lines
//! of a cell are joined as the table showed them. The rows are then read by the table reader
//! ([`crate::delegation_grid::order_from_rows`]), as a Word table is.
//!
//! Never panics; `None` when no header row is found.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use regex::Regex;

use crate::delegation_grid::{header_roles, role_of, Role};
use crate::pdf::PdfWord;

/// Words further apart than this share of the line's height belong to different runs (cells):
/// a space is about a quarter of it, two cells' padding about three quarters.
const RUN_GAP: f64 = 0.45;

/// A cell's first line that begins a row when the table has a number column: "1.2.1",
/// "2 Personal", "1.1 ORGANISATION", and numbers with letters: "A.1", "K 12", "3a", "4:2".
static STARTS_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-ZÅÄÖ]{1,3}[ .]?)?\d{1,3}[a-z]?(?:[.:]\d{1,3}[a-z]?){0,3}[.)]?(?:\s|$)")
        .expect("static regex")
});
/// A line of a cell that begins a level, a bullet or a numbered part: kept on its own line.
static LINE_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[a-zåäö]\)|\d{1,2}[.)]|[•\-–*])(?:\s|$)").expect("static regex")
});
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:sida\s+)?\d{1,3}(?:\s*(?:\(|av|/)\s*\d{1,3}\)?)?$").expect("static regex")
});

/// Words next to each other on a line, one cell's part of it.
#[derive(Debug, Clone)]
struct Run {
    left: f64,
    right: f64,
    text: String,
    words: usize,
    /// Each word's left and right edge and where it begins in `text`.
    spans: Vec<(f64, f64, usize)>,
}

impl Run {
    /// The run cut before each word that begins at one of `edges` (a column's edge its cells
    /// share) while the run began left of it, after a gap wider than a space (`wide`): a cell's
    /// last word too close to the next column's first ("… gemensamhetsanläggning än" / "6 kap").
    fn split_at(self, edges: &[f64], wide: f64) -> Vec<Run> {
        let cuts: Vec<usize> = self
            .spans
            .windows(2)
            .enumerate()
            .filter(|(_, pair)| {
                let ((_, right, _), (left, _, _)) = (pair[0], pair[1]);
                left - right >= wide
                    && edges
                        .iter()
                        .any(|e| (left - e).abs() <= 0.75 && self.left < e - 3.0)
            })
            .map(|(i, _)| i + 1)
            .collect();
        if cuts.is_empty() {
            return vec![self];
        }
        let mut out = Vec::new();
        let mut from = 0;
        for to in cuts.into_iter().chain([self.spans.len()]) {
            let part = self.spans.get(from..to).unwrap_or(&[]);
            if let (Some(first), Some(last)) = (part.first(), part.last()) {
                let end = self.spans.get(to).map_or(self.text.len(), |s| s.2);
                let text = self
                    .text
                    .get(first.2..end)
                    .unwrap_or("")
                    .trim_end()
                    .to_string();
                out.push(Run {
                    left: first.0,
                    right: last.1,
                    text,
                    words: part.len(),
                    spans: part
                        .iter()
                        .map(|(l, r, at)| (*l, *r, at - first.2))
                        .collect(),
                });
            }
            from = to;
        }
        out
    }
}

/// The words of a page at one height.
#[derive(Debug, Clone)]
struct Line {
    page: u32,
    top: f64,
    height: f64,
    runs: Vec<Run>,
}

impl Line {
    fn text(&self) -> String {
        self.runs
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn lines_of(words: &[PdfWord]) -> Vec<Line> {
    let mut sorted: Vec<&PdfWord> = words
        .iter()
        .filter(|w| w.height > 0.0 && w.width >= 0.0)
        .collect();
    sorted.sort_by(|a, b| {
        (a.page, a.top, a.left)
            .partial_cmp(&(b.page, b.top, b.left))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut lines: Vec<(u32, f64, f64, Vec<&PdfWord>)> = Vec::new();
    for w in sorted {
        match lines.last_mut() {
            Some((page, top, height, ws))
                if *page == w.page && (w.top - *top).abs() <= 0.4 * height.max(w.height) =>
            {
                *height = height.max(w.height);
                ws.push(w);
            }
            _ => lines.push((w.page, w.top, w.height, vec![w])),
        }
    }
    lines
        .into_iter()
        .map(|(page, top, height, mut ws)| {
            ws.sort_by(|a, b| {
                a.left
                    .partial_cmp(&b.left)
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            let mut runs: Vec<Run> = Vec::new();
            for w in ws {
                match runs.last_mut() {
                    Some(r) if w.left - r.right <= RUN_GAP * height => {
                        r.text.push(' ');
                        r.spans.push((w.left, w.left + w.width, r.text.len()));
                        r.text.push_str(&w.text);
                        r.right = r.right.max(w.left + w.width);
                        r.words += 1;
                    }
                    _ => runs.push(Run {
                        left: w.left,
                        right: w.left + w.width,
                        text: w.text.clone(),
                        words: 1,
                        spans: vec![(w.left, w.left + w.width, 0)],
                    }),
                }
            }
            Line {
                page,
                top,
                height,
                runs,
            }
        })
        .collect()
}

/// A header cell of two lines: joined with a space, or without one where only that is
/// recognised ("Punk" over "t", "Beslutsfattar" over "e": a word the column broke).
fn join_header(a: &str, b: &str) -> String {
    let spaced = format!("{a} {b}");
    let closed = format!("{a}{b}");
    let known = |h: &str| role_of(h).is_some_and(|r| !matches!(r, Role::Extra(_)));
    if !known(&spaced) && known(&closed) {
        closed
    } else {
        spaced
    }
}

/// The header at `lines[i]`: its cells' texts and runs, and how many lines it takes.
fn header_at(lines: &[Line], i: usize) -> Option<(Vec<String>, Vec<Run>, usize)> {
    let line = lines.get(i)?;
    if line.runs.len() < 2 {
        return None;
    }
    let one: Vec<String> = line.runs.iter().map(|r| r.text.clone()).collect();
    let one_read = header_roles(&one).is_some();
    // The second line of a header: on the same page, right below, every run under one of the
    // first line's — and, where the first line is a header already, every run going on in
    // small letters or in parentheses ("beslutsnivå", "(ersättare)"), not the first row.
    if let Some(next) = lines.get(i + 1).filter(|n| {
        n.page == line.page
            && (!one_read
                || n.runs
                    .iter()
                    .all(|r| r.text.starts_with(|c: char| c.is_lowercase() || c == '(')))
            && n.top - line.top <= 1.6 * line.height
            && n.runs.iter().all(|r| {
                line.runs
                    .iter()
                    .any(|h| (h.left - r.left).abs() <= 3.0 || r.left >= h.left && r.left < h.right)
            })
    }) {
        let mut two = one.clone();
        for r in &next.runs {
            if let Some(k) = line.runs.iter().position(|h| {
                (h.left - r.left).abs() <= 3.0 || r.left >= h.left && r.left < h.right
            }) {
                two[k] = join_header(&two[k], &r.text);
            }
        }
        if header_roles(&two).is_some() {
            return Some((two, line.runs.clone(), 2));
        }
    }
    one_read.then(|| (one, line.runs.clone(), 1))
}

/// Joins a cell's next line to what it holds: on a line of its own where it begins a level, a
/// bullet or a number, or (in a delegate's column) a rank; with no space where a word the
/// column was too narrow for goes on; else with a space.
fn join_line(cell: &mut String, last: &Option<Run>, next: &Run, right: f64, delegate: bool) {
    if cell.is_empty() {
        cell.push_str(&next.text);
        return;
    }
    let lower = next.text.starts_with(char::is_lowercase);
    let prev_word = cell.split_whitespace().last().unwrap_or("");
    let connective = matches!(prev_word, "eller" | "och" | "samt" | "resp." | "respektive")
        || prev_word.ends_with([',', ';', '–', '/']);
    // A word wider than the column goes on on the next line: the line before reaches the
    // column's edge and holds that word alone, or the next line begins with a piece of one
    // or two letters that is no word ("förvaltningsdomsto" / "l").
    let first = next.text.split_whitespace().next().unwrap_or("");
    let piece = first.chars().count() <= 2
        && !matches!(
            first,
            "i" | "å"
                | "ö"
                | "av"
                | "om"
                | "på"
                | "en"
                | "ej"
                | "är"
                | "ut"
                | "in"
                | "då"
                | "så"
                | "ta"
                | "ge"
                | "få"
                | "ha"
                | "de"
                | "nu"
                | "se"
                | "vi"
                | "ny"
                | "nr"
                | "el"
        );
    // (Not before a word that begins a phrase: "Förvaltningschef" / "eller ekonomichef".)
    let phrase = matches!(
        first,
        "eller" | "och" | "samt" | "efter" | "enligt" | "för" | "med" | "vid" | "inom" | "till"
    );
    let broken = last
        .as_ref()
        .is_some_and(|l| l.right >= right - 6.0 && (l.words == 1 && !phrase || piece))
        && lower;
    // Ranks the cell numbers ("1. Rektor eller Musikledare 2. Grundskolechef …") go on over
    // their lines; only ranks without numbers stand one a line.
    let numbered_ranks = delegate && cell.starts_with(|c: char| c.is_ascii_digit());
    // A word the line broke at its hyphen goes on without a space: "exploa-" / "teringschefen"
    // loses the hyphen, "LSS-" / "handläggare" keeps it (the letter before it a capital).
    let hyphenated = prev_word.ends_with('-')
        && prev_word.len() > 2
        && lower
        && !matches!(
            next.text.split_whitespace().next(),
            Some("och" | "eller" | "samt")
        );
    let hard_hyphen = prev_word
        .trim_end_matches('-')
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_lowercase());
    if numbered_ranks && next.text.starts_with(|c: char| c.is_ascii_digit()) {
        cell.push(' ');
    } else if LINE_MARK.is_match(&next.text) {
        cell.push('\n');
    } else if broken {
        // (No space: the word goes on.)
    } else if hyphenated {
        if !hard_hyphen {
            cell.pop();
        }
    } else if lower || connective || !delegate || numbered_ranks {
        cell.push(' ');
    } else {
        cell.push('\n');
    }
    cell.push_str(&next.text);
}

/// The rows of the first table in `words` (its header row first) and the text above its
/// header on its first page (the document's title); `None` when no header row is found.
pub(crate) fn rows(words: &[PdfWord]) -> Result<Option<Table>, String> {
    let lines = lines_of(words);
    let Some((start, (header, header_runs, header_len))) =
        (0..lines.len()).find_map(|i| header_at(&lines, i).map(|h| (i, h)))
    else {
        return Ok(None);
    };
    let Some(roles) = header_roles(&header) else {
        return Ok(None);
    };
    let header_texts: Vec<String> = lines
        .get(start..start + header_len)
        .unwrap_or(&[])
        .iter()
        .map(Line::text)
        .collect();
    let title = {
        let first_page = lines.get(start).map_or(0, |l| l.page);
        let above: Vec<String> = lines
            .iter()
            .take(start)
            .filter(|l| l.page == first_page)
            .map(Line::text)
            .collect();
        (!above.is_empty()).then(|| above.join(" "))
    };
    // Columns are bounded halfway between the header's runs — or, where a header is centred
    // over its column, just before the left edge the column's cells share: the leftmost one
    // that three lines or more begin at, between the header before and this header's start.
    let n = header_runs.len();
    let mut lefts: HashMap<i64, usize> = HashMap::new();
    for l in lines.iter().skip(start + header_len) {
        for r in &l.runs {
            *lefts.entry((r.left * 2.0).round() as i64).or_default() += 1;
        }
    }
    let bounds: Vec<f64> = (0..n)
        .map(|k| match k {
            0 => f64::NEG_INFINITY,
            _ => {
                let (before, this) = (header_runs[k - 1].right, header_runs[k].left);
                let shared = lefts
                    .iter()
                    .filter(|(x, count)| {
                        let x = **x as f64 / 2.0;
                        **count >= 3 && x > before + 1.0 && x <= this + 1.0
                    })
                    .map(|(x, _)| *x as f64 / 2.0)
                    .fold(f64::INFINITY, f64::min);
                if shared.is_finite() {
                    shared - 1.0
                } else {
                    (before + this) / 2.0
                }
            }
        })
        .collect();
    let column_of = |x: f64| bounds.iter().rposition(|b| *b <= x).unwrap_or(0);
    // The table's lines with a run cut where a word begins at a column's shared edge.
    let edges: Vec<f64> = bounds
        .iter()
        .skip(1)
        .map(|b| b + 1.0)
        .filter(|e| lefts.contains_key(&((e * 2.0).round() as i64)))
        .collect();
    let lines: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .map(|(i, mut l)| {
            if i >= start + header_len {
                let wide = 0.25 * l.height;
                l.runs = l
                    .runs
                    .into_iter()
                    .flat_map(|r| r.split_at(&edges, wide))
                    .collect();
            }
            l
        })
        .collect();
    // Where each column's widest line ends: a line that reaches it with one word was cut
    // there by the column's edge.
    let mut rights = vec![f64::NEG_INFINITY; n];
    for l in lines.iter().skip(start + header_len) {
        for r in &l.runs {
            if let Some(x) = rights.get_mut(column_of(r.left)) {
                *x = x.max(r.right);
            }
        }
    }
    let number_col = roles.iter().position(|r| *r == Some(Role::Number));
    let delegate_col = |k: usize| {
        matches!(
            roles.get(k),
            Some(Some(
                Role::Delegate | Role::DelegateWithSubstitutes | Role::Substitute
            ))
        )
    };
    // Running headers, footers and page numbers: a page's first or last two lines, seen on
    // three pages or more with their digits left out ("Delegationsordning … Sida 3 (12)").
    let margin_key = |l: &Line| {
        l.text()
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect::<String>()
    };
    let mut margins: Vec<bool> = vec![false; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        let same_page = |j: usize| lines.get(j).is_some_and(|m| m.page == l.page);
        let first_two = i < 2 || !same_page(i - 1) || !same_page(i - 2);
        let last_two = !same_page(i + 1) || !same_page(i + 2);
        margins[i] = first_two || last_two;
    }
    let mut seen: HashMap<String, std::collections::BTreeSet<u32>> = HashMap::new();
    for (l, _) in lines.iter().zip(&margins).filter(|(_, m)| **m) {
        seen.entry(margin_key(l)).or_default().insert(l.page);
    }
    let furniture = |i: usize, l: &Line| {
        margins.get(i).copied().unwrap_or(false)
            && seen
                .get(&margin_key(l))
                .is_some_and(|pages| pages.len() >= 3)
    };
    let pitch = lower_quartile(
        lines
            .windows(2)
            .filter(|p| p[0].page == p[1].page)
            .map(|p| p[1].top - p[0].top)
            .filter(|g| *g > 0.0)
            .collect(),
    );

    // A section's heading without a number: one run across the columns ("Personal").
    let spans = |l: &Line| {
        l.runs.len() == 1
            && l.runs.first().is_some_and(|r| {
                bounds
                    .get(column_of(r.left) + 2)
                    .is_some_and(|b| r.right > *b)
            })
    };
    let page_number = |i: usize, l: &Line| {
        PAGE_NUMBER.is_match(l.text().trim()) && margins.get(i).copied().unwrap_or(false)
    };
    // The lines of the table's cells, for telling how the cells stand in their rows.
    let cell_lines: Vec<(usize, &Line)> = lines
        .iter()
        .enumerate()
        .skip(start + header_len)
        .filter(|(i, l)| {
            let text = l.text();
            !(spans(l)
                || page_number(*i, l)
                || furniture(*i, l)
                || header_texts.contains(&text)
                || header_at(&lines, *i).is_some())
        })
        .collect();
    let centred = match number_col {
        Some(nc) => centred(&cell_lines, nc, &roles, &column_of)?,
        None => None,
    };

    let mut out: Vec<Vec<String>> = vec![header];
    let mut row: Option<(Vec<String>, Vec<Option<Run>>)> = None;
    let mut previous: Option<&Line> = None;
    let mut data_lines = 0usize;
    let mut k = start + header_len;
    while let Some(line) = lines.get(k) {
        k += 1;
        let text = line.text();
        // The header again on a new page, with its second line.
        if header_texts.first() == Some(&text) {
            if header_len == 2 && lines.get(k).map(Line::text).as_ref() == header_texts.get(1) {
                k += 1;
            }
            continue;
        }
        // (A number alone on its line is a row's where the cells stand in the middle.)
        let lone_number = PAGE_NUMBER.is_match(text.trim())
            && (centred.is_none() || margins.get(k - 1).copied().unwrap_or(false));
        if lone_number || furniture(k - 1, line) {
            continue;
        }
        // A header again, laid out otherwise: the same columns go on; other columns are another
        // table's, and the first table has ended.
        if let Some((again, _, len)) = header_at(&lines, k - 1) {
            if header_roles(&again).as_ref() == Some(&roles) {
                k += len - 1;
                continue;
            }
            break;
        }
        let placed: Vec<(usize, &Run)> = line.runs.iter().map(|r| (column_of(r.left), r)).collect();
        let spanning = spans(line);
        let numbered = |nc: usize| {
            placed
                .iter()
                .any(|(c, r)| *c == nc && STARTS_NUMBER.is_match(&r.text))
        };
        let begins = spanning
            || match (number_col, &centred) {
                (Some(_), Some(starts)) => starts.contains(&(k - 1)),
                (Some(nc), None) => numbered(nc),
                (None, _) => previous.is_none_or(|p| {
                    p.page != line.page || pitch > 0.0 && line.top - p.top > 1.3 * pitch
                }),
            };
        previous = Some(line);
        data_lines += 1;
        if begins || row.is_none() {
            if let Some((cells, _)) = row.take() {
                out.push(cells);
            }
            row = Some((vec![String::new(); n], vec![None; n]));
        }
        if let Some((cells, last)) = row.as_mut() {
            for (c, r) in placed {
                if let (Some(cell), Some(l)) = (cells.get_mut(c), last.get_mut(c)) {
                    join_line(cell, l, r, rights[c], delegate_col(c));
                    *l = Some(r.clone());
                }
            }
        }
    }
    if let Some((cells, _)) = row.take() {
        out.push(cells);
    }
    // Without a number column, rows are told apart by the gaps between them; where a table
    // sets none (Word's cells have no margin above and below), the whole table runs into a
    // few rows: not read, rather than read as a few long items.
    if number_col.is_none() && data_lines >= 8 && (out.len() - 1) * 8 < data_lines {
        return Ok(None);
    }
    Ok(Some((out, title)))
}

/// The rows of a table (its header row first) and the text above it.
pub(crate) type Table = (Vec<Vec<String>>, Option<String>);

/// The line pitch of a cell's lines: the lower quartile of the gaps between the lines of each
/// column (the gaps between rows, with their cells' padding, are wider).
fn cell_pitch(lines: &[&Line], column_of: &impl Fn(f64) -> usize) -> f64 {
    let mut tops: HashMap<usize, Vec<(u32, f64)>> = HashMap::new();
    for l in lines {
        for r in &l.runs {
            tops.entry(column_of(r.left))
                .or_default()
                .push((l.page, l.top));
        }
    }
    lower_quartile(
        tops.values()
            .flat_map(|t| t.windows(2))
            .filter(|p| p[0].0 == p[1].0 && p[1].1 - p[0].1 > 0.5)
            .map(|p| p[1].1 - p[0].1)
            .collect(),
    )
}

/// The lower quartile of `gaps` between lines (a line's pitch: most gaps are within a
/// paragraph or a cell); 0 without any.
fn lower_quartile(mut gaps: Vec<f64>) -> f64 {
    gaps.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    gaps.get(gaps.len() / 4).copied().unwrap_or(0.0)
}

/// Whether the cells of a table stand in the middle of their rows (LibreOffice prints an HTML
/// table so) rather than at their top: then a row's number stands halfway down its longer
/// cells, and the lines above it are its own, not the row's before. Told from the lines of the
/// cells (`cells`: each with its index among the page's lines) by the rows that hold one
/// number: a row's lines are parted from the next row's by the cells' padding, a gap wider than
/// a cell's lines leave, in every column at once (a "band"); the number stands on the band's
/// first line (at the top) or halfway between its first and last (in the middle) — or, where no
/// padding parts the rows, between two lines of the matter's column.
///
/// `Ok(Some(starts))`: in the middle, and the indices of the lines that begin a row. `Ok(None)`:
/// at the top. `Err`: in the middle, but the rows cannot be told apart (no padding, rows of
/// both kinds, a row that may go on from the page before): refused, not guessed at.
fn centred(
    cells: &[(usize, &Line)],
    number_col: usize,
    roles: &[Option<Role>],
    column_of: &impl Fn(f64) -> usize,
) -> Result<Option<BTreeSet<usize>>, String> {
    let table: Vec<&Line> = cells.iter().map(|(_, l)| *l).collect();
    let pitch = cell_pitch(&table, column_of);
    if pitch <= 0.0 {
        return Ok(None);
    }
    // Where each band begins, as positions in `table`.
    let starts: Vec<usize> = (0..table.len())
        .filter(|&i| {
            let l = table[i];
            i.checked_sub(1)
                .and_then(|j| table.get(j))
                .is_none_or(|p| p.page != l.page || l.top - p.top > 1.5 * pitch)
        })
        .collect();
    let bands: Vec<&[&Line]> = starts
        .iter()
        .enumerate()
        .map(|(b, &from)| {
            let to = starts.get(b + 1).copied().unwrap_or(table.len());
            table.get(from..to).unwrap_or(&[])
        })
        .collect();
    let numbered = |l: &Line| {
        l.runs
            .iter()
            .any(|r| column_of(r.left) == number_col && STARTS_NUMBER.is_match(&r.text))
    };
    let matter_col = roles.iter().position(|r| *r == Some(Role::Matter));
    let (mut top, mut middle, mut crowded, mut between) = (0, 0, 0, 0);
    let mut first_page = None;
    for band in &bands {
        let numbers: Vec<&&Line> = band.iter().filter(|l| numbered(l)).collect();
        // (A number in the middle has its column to itself: nothing above or below it there.)
        let alone = band
            .iter()
            .filter(|l| l.runs.iter().any(|r| column_of(r.left) == number_col))
            .count()
            == 1;
        if let (Some(first), Some(last), [n]) = (band.first(), band.last(), numbers.as_slice()) {
            if last.top - first.top > 0.9 * pitch && alone {
                if (n.top - first.top).abs() <= 0.3 * pitch {
                    top += 1;
                } else if ((first.top + last.top) / 2.0 - n.top).abs() <= 0.5 * pitch {
                    middle += 1;
                    first_page.get_or_insert(n.page);
                }
            }
        }
        if numbers.len() > 1 {
            crowded += 1;
        }
        // Without padding: a number with no line of the matter beside it, but one half a line
        // above and one half a line below.
        let Some(mc) = matter_col else { continue };
        for n in &numbers {
            let offsets: Vec<f64> = table
                .iter()
                .filter(|l| l.page == n.page && (l.top - n.top).abs() < pitch)
                .filter(|l| l.runs.iter().any(|r| column_of(r.left) == mc))
                .map(|l| l.top - n.top)
                .collect();
            let half = |d: f64| (d.abs() - pitch / 2.0).abs() <= 0.2 * pitch;
            if !offsets.iter().any(|d| d.abs() <= 0.25 * pitch)
                && offsets.iter().any(|d| *d < 0.0 && half(*d))
                && offsets.iter().any(|d| *d > 0.0 && half(*d))
            {
                between += 1;
                first_page.get_or_insert(n.page);
            }
        }
    }
    if middle == 0 && between == 0 {
        return Ok(None);
    }
    let refused = |why: String| {
        format!(
            "tabellens celler står mitt i raderna (sidan {}), och {why}; raderna kan inte skiljas åt säkert – läs in källfilen (Word, OpenDocument, HTML) eller en PDF med cellerna överst i raderna",
            first_page.unwrap_or(1)
        )
    };
    if top > 0 {
        return Err(refused("andra rader har dem överst".into()));
    }
    if crowded > 0 || middle == 0 {
        return Err(refused("raderna skiljs inte av något mellanrum".into()));
    }
    // A row at a page's top without a number may go on from the page before.
    for pair in bands.windows(2) {
        if let ([.., last], [first, ..]) = (pair[0], pair[1]) {
            if first.page != last.page && !pair[1].iter().any(|l| numbered(l)) {
                return Err(refused(format!(
                    "raden överst på sidan {} har inget nummer och kan fortsätta från sidan före",
                    first.page
                )));
            }
        }
    }
    Ok(Some(
        starts
            .iter()
            .filter_map(|&i| cells.get(i).map(|(index, _)| *index))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of cells at `left`, on one line of `page` at `top`, a space apart.
    fn put(w: &mut Vec<PdfWord>, page: u32, top: f64, cells: &[(f64, &str)]) {
        for (left, text) in cells {
            let mut x = *left;
            for part in text.split(' ') {
                let width = 6.0 * part.chars().count() as f64;
                w.push(PdfWord {
                    page,
                    left: x,
                    top,
                    width,
                    height: 14.0,
                    text: part.to_string(),
                });
                x += width + 3.0;
            }
        }
    }

    /// Words placed as a word processor's PDF places a table: a header of two lines, a
    /// section row, a cell's lines wrapped and one holding levels, ranks on lines of their
    /// own, a word the column broke, the header again on the next page and page numbers.
    #[test]
    fn a_table_put_back_together_from_its_words() {
        let mut w = Vec::new();
        put(
            &mut w,
            1,
            40.0,
            &[(50.0, "Delegationsordning för socialnämnden")],
        );
        const HEADER: [(f64, &str); 4] = [
            (50.0, "Nr"),
            (100.0, "Ärende"),
            (300.0, "Lagrum"),
            (400.0, "Lägsta"),
        ];
        put(&mut w, 1, 60.0, &HEADER);
        put(&mut w, 1, 73.0, &[(400.0, "beslutsnivå")]);
        put(&mut w, 1, 90.0, &[(50.0, "1.1 Försörjningsstöd")]);
        put(
            &mut w,
            1,
            106.0,
            &[
                (50.0, "1.1.1"),
                (100.0, "Beslut om bistånd"),
                (300.0, "4 kap. 1 § SoL"),
                (400.0, "Handläggare"),
            ],
        );
        put(
            &mut w,
            1,
            119.0,
            &[(100.0, "enligt riktlinjerna"), (400.0, "Enhetschef")],
        );
        put(
            &mut w,
            1,
            135.0,
            &[
                (50.0, "1.1.2"),
                (100.0, "Beslut om:"),
                (400.0, "a) Assistent"),
            ],
        );
        put(
            &mut w,
            1,
            148.0,
            &[(100.0, "a) avgift"), (400.0, "b) Barn- och")],
        );
        put(
            &mut w,
            1,
            161.0,
            &[(100.0, "b) nedsättning"), (400.0, "utbildningsche")],
        );
        put(&mut w, 1, 174.0, &[(400.0, "f")]);
        put(&mut w, 1, 800.0, &[(280.0, "1")]);
        put(&mut w, 2, 60.0, &HEADER);
        put(&mut w, 2, 73.0, &[(400.0, "beslutsnivå")]);
        put(
            &mut w,
            2,
            90.0,
            &[
                (50.0, "1.1.3"),
                (100.0, "Avskrivning av fordran"),
                (400.0, "Enhetschef"),
            ],
        );
        put(&mut w, 2, 800.0, &[(280.0, "2")]);
        let (found, title) = rows(&w).expect("readable").expect("a table");
        assert_eq!(
            title.as_deref(),
            Some("Delegationsordning för socialnämnden")
        );
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            found,
            vec![
                s(&["Nr", "Ärende", "Lagrum", "Lägsta beslutsnivå"]),
                s(&["1.1 Försörjningsstöd", "", "", ""]),
                s(&[
                    "1.1.1",
                    "Beslut om bistånd enligt riktlinjerna",
                    "4 kap. 1 § SoL",
                    "Handläggare\nEnhetschef"
                ]),
                s(&[
                    "1.1.2",
                    "Beslut om:\na) avgift\nb) nedsättning",
                    "",
                    "a) Assistent\nb) Barn- och utbildningschef"
                ]),
                s(&["1.1.3", "Avskrivning av fordran", "", "Enhetschef"]),
            ]
        );
        assert_eq!(rows(&w[..3]), Ok(None));
    }

    /// Running footers that count their pages, a section's heading without a number across
    /// the table, a hyphen that belongs to the word, a rank that goes on with "eller", and
    /// another table after the first.
    #[test]
    fn footers_sections_and_joins() {
        let mut w = Vec::new();
        const HEADER: [(f64, &str); 3] = [(50.0, "Nr"), (100.0, "Ärende"), (400.0, "Delegat")];
        for page in 1..=3u32 {
            put(&mut w, page, 60.0, &HEADER);
            put(
                &mut w,
                page,
                780.0,
                &[(
                    50.0,
                    &format!(
                        "Delegationsordning för socialnämnden, antagen 2020-02-12 Sida {page} (3)"
                    ),
                )],
            );
        }
        put(
            &mut w,
            1,
            90.0,
            &[(50.0, "Personal och organisation inom förvaltningen")],
        );
        put(
            &mut w,
            1,
            106.0,
            &[
                (50.0, "1.1"),
                (100.0, "Anställning av LSS-"),
                (400.0, "Förvaltningschef"),
            ],
        );
        put(
            &mut w,
            1,
            119.0,
            &[(100.0, "handläggare"), (400.0, "eller enhetschef")],
        );
        put(
            &mut w,
            2,
            90.0,
            &[(50.0, "1.2"), (100.0, "Ledighet"), (400.0, "Enhetschef")],
        );
        put(
            &mut w,
            3,
            90.0,
            &[(50.0, "1.3"), (100.0, "Attest"), (400.0, "Ekonomichef")],
        );
        put(
            &mut w,
            3,
            120.0,
            &[
                (50.0, "Nr"),
                (100.0, "Ärende"),
                (300.0, "Anmäls"),
                (400.0, "Delegat"),
            ],
        );
        put(
            &mut w,
            3,
            136.0,
            &[(50.0, "9.9"), (100.0, "Annat"), (400.0, "Annan")],
        );
        let (found, _) = rows(&w).expect("readable").expect("a table");
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            found,
            vec![
                s(&["Nr", "Ärende", "Delegat"]),
                s(&["Personal och organisation inom förvaltningen", "", ""]),
                s(&[
                    "1.1",
                    "Anställning av LSS-handläggare",
                    "Förvaltningschef eller enhetschef"
                ]),
                s(&["1.2", "Ledighet", "Enhetschef"]),
                s(&["1.3", "Attest", "Ekonomichef"]),
            ]
        );
    }

    /// Item numbers with letters begin rows as "1.2" does.
    #[test]
    fn numbers_with_letters() {
        let mut w = Vec::new();
        put(
            &mut w,
            1,
            60.0,
            &[(50.0, "Punkt"), (100.0, "Ärende"), (400.0, "Delegat")],
        );
        put(
            &mut w,
            1,
            80.0,
            &[
                (50.0, "A.1"),
                (100.0, "Avskrivning"),
                (400.0, "Ekonomichef"),
            ],
        );
        put(
            &mut w,
            1,
            96.0,
            &[(100.0, "av fordran"), (400.0, "Enhetschef")],
        );
        put(
            &mut w,
            1,
            112.0,
            &[(50.0, "K 12"), (100.0, "Attest"), (400.0, "Ekonomichef")],
        );
        put(
            &mut w,
            1,
            128.0,
            &[(50.0, "3a"), (100.0, "Ledighet"), (400.0, "Rektor")],
        );
        let (found, _) = rows(&w).expect("readable").expect("a table");
        let numbers: Vec<&str> = found.iter().skip(1).map(|r| r[0].as_str()).collect();
        assert_eq!(numbers, ["A.1", "K 12", "3a"]);
        assert_eq!(found[1][2], "Ekonomichef\nEnhetschef");
    }

    /// A header centred over its column: the column begins where its cells do.
    #[test]
    fn a_centred_header() {
        let mut w = Vec::new();
        put(
            &mut w,
            1,
            60.0,
            &[(50.0, "Nr"), (185.0, "Ärende"), (400.0, "Delegat")],
        );
        for (i, (nr, matter)) in [
            ("1.1", "Beslut om bistånd"),
            ("1.2", "Avgift"),
            ("1.3", "Ledighet"),
        ]
        .iter()
        .enumerate()
        {
            put(
                &mut w,
                1,
                80.0 + 16.0 * i as f64,
                &[(50.0, nr), (85.0, matter), (400.0, "Enhetschef")],
            );
        }
        let (found, _) = rows(&w).expect("readable").expect("a table");
        assert_eq!(found[1], ["1.1", "Beslut om bistånd", "Enhetschef"]);
    }

    /// A cell's last word too close to the next column's first, one run on the line: cut
    /// where the next column's cells begin.
    #[test]
    fn a_run_cut_at_a_columns_edge() {
        let mut w = Vec::new();
        put(
            &mut w,
            1,
            60.0,
            &[
                (50.0, "Nr"),
                (100.0, "Ärende"),
                (300.0, "Lag"),
                (400.0, "Delegat"),
            ],
        );
        for (i, nr) in ["1", "2", "3"].iter().enumerate() {
            put(
                &mut w,
                1,
                80.0 + 16.0 * i as f64,
                &[
                    (50.0, nr),
                    (100.0, "Bygglov"),
                    (300.0, "PBL"),
                    (400.0, "Chef"),
                ],
            );
        }
        // "än" ends 5 before "6" (a space is 3), close enough to be one run.
        put(
            &mut w,
            1,
            128.0,
            &[(100.0, "i"), (283.0, "än"), (300.0, "6 kap")],
        );
        let (found, _) = rows(&w).expect("readable").expect("a table");
        assert_eq!(found[3], ["3", "Bygglov i än", "PBL 6 kap", "Chef"]);
    }

    /// Words as LibreOffice places an HTML table's: each cell in the middle of its row, rows
    /// parted by their cells' padding (the coordinates of `tests/corpus/delegation/04.pdf`).
    fn centred_table(padding: f64) -> Vec<PdfWord> {
        let mut w = Vec::new();
        put(
            &mut w,
            1,
            100.0,
            &[
                (60.0, "Punkt"),
                (200.0, "Ärendetyp"),
                (400.0, "Beslutsfattare"),
            ],
        );
        let mut top = 130.0;
        put(
            &mut w,
            1,
            top,
            &[(96.0, "Deltagande i kurser, konferenser och dyl. -")],
        );
        put(&mut w, 1, top + 7.0, &[(400.0, "Ordförande")]);
        put(&mut w, 1, top + 14.0, &[(96.0, "förtroendevalda")]);
        top += 14.0 + padding;
        put(
            &mut w,
            1,
            top,
            &[
                (58.0, "1"),
                (96.0, "Omfördelning av medel"),
                (400.0, "Förvaltningschef"),
            ],
        );
        top += padding;
        let matter = [
            "Upphandling av lös egendom,",
            "entreprenader och tjänster",
            "- till högst åtta basbelopp",
            "- övrigt",
        ];
        for (i, m) in matter.iter().enumerate() {
            put(&mut w, 1, top + 14.0 * i as f64, &[(96.0, m)]);
        }
        put(&mut w, 1, top + 14.0, &[(400.0, "- Förvaltningschef")]);
        put(&mut w, 1, top + 21.0, &[(58.0, "2")]);
        put(&mut w, 1, top + 28.0, &[(400.0, "- Au")]);
        top += 42.0 + padding;
        put(
            &mut w,
            1,
            top,
            &[
                (58.0, "3"),
                (96.0, "Beslut om attesträtt"),
                (400.0, "Förvaltningschef"),
            ],
        );
        w
    }

    /// Cells in the middle of their rows: the lines above a row's number are its own.
    #[test]
    fn cells_in_the_middle_of_their_rows() {
        let (found, _) = rows(&centred_table(31.0))
            .expect("readable")
            .expect("a table");
        assert_eq!(found.len(), 5, "{found:?}");
        assert_eq!(
            found[1],
            [
                "",
                "Deltagande i kurser, konferenser och dyl. - förtroendevalda",
                "Ordförande"
            ]
        );
        assert_eq!(found[2], ["1", "Omfördelning av medel", "Förvaltningschef"]);
        assert_eq!(found[3][0], "2");
        assert!(found[3][1].starts_with("Upphandling av lös egendom, entreprenader"));
        assert!(found[3][1].ends_with("\n- övrigt"), "{:?}", found[3][1]);
        assert_eq!(found[3][2], "- Förvaltningschef\n- Au");
        assert_eq!(found[4], ["3", "Beslut om attesträtt", "Förvaltningschef"]);
    }

    /// Cells in the middle of rows that no padding parts: refused, not read with the lines
    /// above each number given to the row before.
    #[test]
    fn cells_in_the_middle_of_rows_without_padding_are_refused() {
        let refused = rows(&centred_table(14.0)).expect_err("refused");
        assert!(refused.contains("mitt i raderna (sidan 1)"), "{refused}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

        /// No words, wherever they stand, make the table's reader panic.
        #[test]
        fn no_words_make_the_reader_panic(words in proptest::collection::vec(
            (1u32..4, 0.0f64..800.0, 0.0f64..800.0, 0.0f64..120.0, 0.1f64..20.0, proptest::prop_oneof![
                proptest::strategy::Just("Nr"), proptest::strategy::Just("Ärende"),
                proptest::strategy::Just("Delegat"), proptest::strategy::Just("Lägsta"),
                proptest::strategy::Just("beslutsnivå"), proptest::strategy::Just("1.2.1"),
                proptest::strategy::Just("a)"), proptest::strategy::Just("eller"),
                proptest::strategy::Just("Rektor"), proptest::strategy::Just("l"),
                proptest::strategy::Just("3"), proptest::strategy::Just("(ersättare)"),
            ]),
            0..80,
        )) {
            let words: Vec<PdfWord> = words
                .into_iter()
                .map(|(page, left, top, width, height, text)| PdfWord {
                    page, left, top, width, height, text: text.to_string(),
                })
                .collect();
            if let Ok(Some((rows, _))) = rows(&words) {
                let width = rows.first().map_or(0, Vec::len);
                proptest::prop_assert!(rows.iter().all(|r| r.len() == width));
            }
        }
    }
}
