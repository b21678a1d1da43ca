//! The goal tree of a report's Måluppfyllelse, and the indicator tables of its Indikatorer
//! section hung on that tree.
//!
//! Goals: "Övergripande mål: …" and "Kommunfullmäktiges verksamhetsmål: …" headings; a
//! "Bedömning" heading followed by a word of the scale; the nämnd's goals as table rows
//! "goal ⇥ assessment" (with or without a "Nämndens verksamhetsmål ⇥ Bedömning" header) or
//! as a bold line followed by the assessment. Everything else until the next goal is the
//! analysis of the goal above it.
//!
//! Indicators: the headings, bold lines and label-only rows between the tables name the
//! goal the rows below belong to; a repeated header (after a page break) keeps the goal.

use std::collections::{BTreeMap, HashMap};

use super::lines::{join_paragraphs, Line};
use super::model::{FollowUpGoal, FollowUpIndicator};
use crate::numbers::parse_number;

/// Assessment words of the scales seen (seed 003 and seed 001).
const ASSESSMENTS: [&str; 8] = [
    "Uppfyllt",
    "I hög grad uppfyllt",
    "Delvis uppfyllt",
    "Ej uppfyllt",
    "Uppnått",
    "Delvis uppnått",
    "Ej uppnått",
    "Ej sammanställt",
];
const STATUSES: [&str; 4] = [
    "Accepterat värde",
    "Nära värde",
    "Ej accepterat värde",
    "Inget värde angivet",
];
const TRENDS: [&str; 3] = ["Ökad", "Minskad", "Oförändrad"];

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', ':'])
        .to_lowercase()
}

fn word_of(list: &[&'static str], text: &str) -> Option<&'static str> {
    let t = norm(text);
    list.iter().copied().find(|w| norm(w) == t)
}

fn goal(level: &str, title: &str) -> FollowUpGoal {
    FollowUpGoal {
        level: level.to_string(),
        title: title.split_whitespace().collect::<Vec<_>>().join(" "),
        assessment: None,
        analysis: None,
        children: Vec::new(),
        indicators: Vec::new(),
    }
}

fn at<'a>(goals: &'a mut [FollowUpGoal], path: &[usize]) -> Option<&'a mut FollowUpGoal> {
    let (first, rest) = path.split_first()?;
    let mut g = goals.get_mut(*first)?;
    for i in rest {
        g = g.children.get_mut(*i)?;
    }
    Some(g)
}

struct GoalReader {
    goals: Vec<FollowUpGoal>,
    target: Option<Vec<usize>>,
    paras: Vec<String>,
}

impl GoalReader {
    fn flush(&mut self) {
        let text = join_paragraphs(&self.paras);
        self.paras.clear();
        if text.is_empty() {
            return;
        }
        if let Some(g) = self.target.clone().and_then(|p| at(&mut self.goals, &p)) {
            g.analysis = Some(match g.analysis.take() {
                Some(a) => format!("{a}\n\n{text}"),
                None => text,
            });
        }
    }

    /// Adds `g` under the goal at `parent` (or at the top) and makes it the target.
    fn add(&mut self, parent: Option<Vec<usize>>, g: FollowUpGoal) -> Vec<usize> {
        self.flush();
        let path = match parent
            .clone()
            .and_then(|p| at(&mut self.goals, &p).map(|x| (p, x)))
        {
            Some((mut p, parent)) => {
                parent.children.push(g);
                p.push(parent.children.len() - 1);
                p
            }
            None => {
                self.goals.push(g);
                vec![self.goals.len() - 1]
            }
        };
        self.target = Some(path.clone());
        path
    }
}

/// Reads the goal tree between lines `s` (the Måluppfyllelse heading) and `e`.
pub fn parse_goals(
    lines: &[Line],
    s: usize,
    e: usize,
    warnings: &mut Vec<String>,
) -> Vec<FollowUpGoal> {
    let mut r = GoalReader {
        goals: Vec::new(),
        target: None,
        paras: Vec::new(),
    };
    let mut over: Option<Vec<usize>> = None;
    let mut kf: Option<Vec<usize>> = None;
    let mut expect_assessment = false;
    let mut pending_bold: Option<String> = None;
    // The last line was a paragraph that could be a goal's title.
    let mut title_like = false;
    for l in lines.iter().take(e.min(lines.len())).skip(s + 1) {
        if l.blank() || l.rule {
            continue;
        }
        let title_like_before = std::mem::take(&mut title_like);
        if let Some(title) = pending_bold.take() {
            if l.is_text() && l.heading.is_none() {
                if let Some(a) = word_of(&ASSESSMENTS, &l.text) {
                    let mut g = goal("nämndmål", &title);
                    g.assessment = Some(a.to_string());
                    r.add(kf.clone().or_else(|| over.clone()), g);
                    continue;
                }
            }
            r.paras.push(title);
        }
        if l.heading.is_some() {
            let lower = l.text.to_lowercase();
            if let Some(t) = l
                .text
                .split_once(':')
                .filter(|_| lower.starts_with("övergripande mål"))
            {
                over = Some(r.add(None, goal("övergripande", t.1)));
                kf = None;
                expect_assessment = false;
            } else if let Some(t) = l
                .text
                .split_once(':')
                .filter(|_| lower.starts_with("kommunfullmäktiges verksamhetsmål"))
            {
                if over.is_none() {
                    warnings.push(format!(
                        "rad {}: verksamhetsmålet ”{}” står inte under något övergripande mål",
                        l.no,
                        t.1.trim()
                    ));
                }
                kf = Some(r.add(over.clone(), goal("kf_verksamhetsmål", t.1)));
                expect_assessment = false;
            } else if norm(&l.text) == "bedömning" {
                expect_assessment = true;
            } else {
                r.paras.push(l.text.clone());
            }
            continue;
        }
        if l.is_row() {
            let c0 = l.cells.first().map(|c| norm(c)).unwrap_or_default();
            if c0 == "nämndens verksamhetsmål" {
                continue;
            }
            let filled: Vec<&String> = l.cells.iter().filter(|c| !c.is_empty()).collect();
            if let (2, Some(a)) = (
                filled.len(),
                filled.get(1).and_then(|c| word_of(&ASSESSMENTS, c)),
            ) {
                let mut g = goal("nämndmål", filled.first().map_or("", |c| c.as_str()));
                g.assessment = Some(a.to_string());
                r.add(kf.clone().or_else(|| over.clone()), g);
                expect_assessment = false;
                continue;
            }
            warnings.push(format!(
                "rad {}: tabellraden ”{}” i måluppfyllelsen kunde inte placeras",
                l.no,
                l.text.chars().take(60).collect::<String>()
            ));
            continue;
        }
        if expect_assessment {
            if let Some(a) = word_of(&ASSESSMENTS, &l.text) {
                if let Some(g) = r.target.clone().and_then(|p| at(&mut r.goals, &p)) {
                    g.assessment = Some(a.to_string());
                }
                expect_assessment = false;
                continue;
            }
        }
        if l.bold && word_of(&ASSESSMENTS, &l.text).is_none() {
            pending_bold = Some(l.text.clone());
            continue;
        }
        // Without markup (text from pdftotext) a nämndmål is a short line followed by an
        // assessment.
        if let Some(a) = word_of(&ASSESSMENTS, &l.text) {
            if title_like_before {
                if let Some(title) = r.paras.pop() {
                    let mut g = goal("nämndmål", &title);
                    g.assessment = Some(a.to_string());
                    r.add(kf.clone().or_else(|| over.clone()), g);
                    continue;
                }
            }
        }
        if r.target.is_none() {
            warnings.push(format!(
                "rad {}: texten ”{}” står före första målet",
                l.no,
                l.text.chars().take(60).collect::<String>()
            ));
            continue;
        }
        r.paras.push(l.text.clone());
        title_like = l.text.chars().count() <= 150
            && !l.text.ends_with(['.', '!', '?', ':', ';', ','])
            && !l.text.starts_with("- ");
    }
    if let Some(t) = pending_bold {
        r.paras.push(t);
    }
    r.flush();
    r.goals
}

/// What an indicator column holds.
#[derive(Debug, Clone, PartialEq)]
enum Col {
    Name,
    Gender,
    Year(String),
    Target,
    Words,
}

fn columns(cells: &[String]) -> Vec<Col> {
    cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let n = norm(c);
            let first_word = n.split(' ').next().unwrap_or("");
            if i == 0 {
                Col::Name
            } else if n == "kön" {
                Col::Gender
            } else if n.len() == 4 && n.chars().all(|ch| ch.is_ascii_digit()) {
                Col::Year(n)
            } else if first_word == "mål" || first_word == "målvärde" {
                Col::Target
            } else {
                // Bedömning, "Bedömnin", "g", Trend: words, read by what they say.
                Col::Words
            }
        })
        .collect()
}

/// Every goal's path by its normalised title (the first of equal titles, depth first).
fn index(goals: &[FollowUpGoal]) -> HashMap<String, Vec<usize>> {
    fn walk(goals: &[FollowUpGoal], prefix: &[usize], out: &mut HashMap<String, Vec<usize>>) {
        for (i, g) in goals.iter().enumerate() {
            let mut p = prefix.to_vec();
            p.push(i);
            out.entry(norm(&g.title)).or_insert_with(|| p.clone());
            walk(&g.children, &p, out);
        }
    }
    let mut out = HashMap::new();
    walk(goals, &[], &mut out);
    out
}

/// Reads the indicator tables between lines `s` and `e` into `goals`.
pub fn parse_indicators(
    lines: &[Line],
    s: usize,
    e: usize,
    goals: &mut Vec<FollowUpGoal>,
    warnings: &mut Vec<String>,
) {
    let mut known = index(goals);
    let mut kf_mode = true;
    let mut current: Option<Vec<usize>> = None;
    let mut cols: Vec<Col> = Vec::new();
    for l in lines.iter().take(e.min(lines.len())).skip(s + 1) {
        if l.blank() || l.rule {
            continue;
        }
        let is_header = l.cells.len() >= 3
            && l.cells
                .first()
                .is_some_and(|c| norm(c).starts_with("indikator"));
        if is_header {
            cols = columns(&l.cells);
            continue;
        }
        // Goal names between the tables: headings, bold lines, label-only rows, and short
        // lines without a full stop (text from pdftotext).
        let group = l.heading.is_some()
            || l.bold
            || (l.cells.len() >= 2 && l.filled() == 1)
            || (l.is_text() && l.text.chars().count() <= 150 && !l.text.ends_with('.'));
        if group {
            let lower = norm(&l.text);
            if lower.starts_with("indikatorer") {
                kf_mode = !lower.contains("nämnd");
                current = None;
                continue;
            }
            current = match known.get(&norm(&l.text)) {
                Some(p) => Some(p.clone()),
                None => {
                    let over = current.as_ref().and_then(|p| p.first().copied());
                    let level = if kf_mode {
                        "kf_verksamhetsmål"
                    } else {
                        "nämndmål"
                    };
                    let g = goal(level, &l.text);
                    match over.and_then(|o| goals.get_mut(o)) {
                        Some(parent) => {
                            warnings.push(format!(
                                "rad {}: indikatorgruppen ”{}” finns inte bland målen; den lades under ”{}”",
                                l.no, g.title, parent.title
                            ));
                            let key = norm(&g.title);
                            parent.children.push(g);
                            let path = over.map(|o| vec![o, parent.children.len() - 1]);
                            if let Some(p) = &path {
                                known.insert(key, p.clone());
                            }
                            path
                        }
                        None => {
                            warnings.push(format!(
                                "rad {}: indikatorgruppen ”{}” finns inte bland målen",
                                l.no, g.title
                            ));
                            known.insert(norm(&g.title), vec![goals.len()]);
                            goals.push(g);
                            Some(vec![goals.len() - 1])
                        }
                    }
                }
            };
            continue;
        }
        if !l.is_row() {
            continue;
        }
        if cols.is_empty() {
            warnings.push(format!("rad {}: indikatorrad utan rubrikrad", l.no));
            continue;
        }
        let ind = read_indicator(l, &cols, warnings);
        match current.clone().and_then(|p| at(goals, &p)) {
            Some(g) => g.indicators.push(ind),
            None => warnings.push(format!(
                "rad {}: indikatorn ”{}” står inte under något mål",
                l.no, ind.name
            )),
        }
    }
}

fn read_indicator(l: &Line, cols: &[Col], warnings: &mut Vec<String>) -> FollowUpIndicator {
    let mut ind = FollowUpIndicator {
        name: l.cells.first().cloned().unwrap_or_default(),
        unit: None,
        gender: None,
        values: BTreeMap::new(),
        target: None,
        status: None,
        trend: None,
    };
    let mut percent = ind.name.contains("(%)");
    for (i, cell) in l.cells.iter().enumerate().skip(1) {
        if cell.is_empty() {
            continue;
        }
        let col = cols.get(i).unwrap_or(&Col::Words);
        percent |= cell.contains('%');
        match col {
            Col::Name => {}
            Col::Gender => {
                ind.gender = match norm(cell).as_str() {
                    "alla" | "totalt" => Some("Alla".into()),
                    "kvinnor" | "kvinna" => Some("Kvinnor".into()),
                    "män" | "man" => Some("Män".into()),
                    _ => {
                        warnings.push(format!("rad {}: okänt kön ”{cell}”", l.no));
                        None
                    }
                }
            }
            Col::Year(y) => match parse_number(cell) {
                Some(v) => {
                    ind.values.insert(y.clone(), v);
                }
                None => warnings.push(format!("rad {}: ”{cell}” för {y} är inget tal", l.no)),
            },
            Col::Target => match parse_number(cell) {
                Some(v) => ind.target = Some(v),
                None => warnings.push(format!("rad {}: målvärdet ”{cell}” är inget tal", l.no)),
            },
            Col::Words => {
                if let Some(t) = word_of(&TRENDS, cell) {
                    ind.trend = Some(t.to_string());
                } else if let Some(s) = word_of(&STATUSES, cell) {
                    if ind.status.is_none() {
                        ind.status = Some(s.to_string());
                    }
                } else {
                    warnings.push(format!(
                        "rad {}: ”{cell}” är varken en bedömning eller en trend",
                        l.no
                    ));
                }
            }
        }
    }
    if percent {
        ind.unit = Some("%".into());
    }
    ind
}
