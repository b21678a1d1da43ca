//! A goal follow-up in a protocol (seed 001 § 17, "Uppföljning av mål 2023"): numbered goals
//! "Mål N, …" each with a "Resultat" heading, a sentence stating the result ("Målet är
//! uppnått", "… delvis uppnått", "… inte uppnått", "Resultatet finns ännu ej sammanställt")
//! and the text after it as the analysis, up to the next goal or the § 's decision.
//!
//! The result sentence is mapped onto the scale those words belong to: Uppnått, Delvis
//! uppnått, Ej uppnått, Ej sammanställt.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{join_paragraphs, Line};
use super::model::FollowUpGoal;

static GOAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Mål (\d{1,3}), (\S.*)$").expect("static regex"));
static RESULT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:målet|resultatet) (?:är|har) (delvis uppnått|inte uppnått|ej uppnått|uppnått|delvis uppnåtts|inte uppnåtts|uppnåtts)|\b(ej|inte) sammanställt")
        .expect("static regex")
});

/// Lines that end the list: the § 's decision and what follows it.
const STOP: [&str; 6] = [
    "underlag till beslut",
    "beslutsunderlag",
    "yrkande",
    "förslag till beslut",
    "beslutet skickas till",
    "socialnämndens beslut",
];

fn assessment(sentence: &str) -> Option<&'static str> {
    let c = RESULT.captures(sentence)?;
    if c.get(2).is_some() {
        return Some("Ej sammanställt");
    }
    let w = c.get(1)?.as_str().to_lowercase();
    Some(if w.starts_with("delvis") {
        "Delvis uppnått"
    } else if w.starts_with("inte") || w.starts_with("ej") {
        "Ej uppnått"
    } else {
        "Uppnått"
    })
}

/// Reads the numbered goals; empty when the text has none.
pub fn parse_goal_list(lines: &[Line], warnings: &mut Vec<String>) -> Vec<FollowUpGoal> {
    let mut out: Vec<FollowUpGoal> = Vec::new();
    // State: collecting the title, waiting for the result, or reading the analysis.
    enum State {
        Title(Vec<String>),
        Result,
        Analysis(Vec<String>),
        Done,
    }
    let mut state = State::Done;
    let mut finish = |out: &mut Vec<FollowUpGoal>, state: &mut State| match std::mem::replace(
        state,
        State::Done,
    ) {
        State::Analysis(paras) => {
            if let Some(g) = out.last_mut() {
                let t = join_paragraphs(&paras);
                g.analysis = (!t.is_empty()).then_some(t);
            }
        }
        State::Title(_) | State::Result => {
            if let Some(g) = out.last() {
                warnings.push(format!("målet ”{}” saknar resultat", g.title));
            }
        }
        State::Done => {}
    };
    for l in lines {
        if l.blank() || l.rule {
            continue;
        }
        let t = l.text.trim();
        if let Some(c) = GOAL.captures(t) {
            finish(&mut out, &mut state);
            let number = c.get(1).map_or("", |m| m.as_str());
            out.push(FollowUpGoal {
                level: "nämndmål".into(),
                title: format!("Mål {number}"),
                assessment: None,
                analysis: None,
                children: Vec::new(),
                indicators: Vec::new(),
            });
            state = State::Title(vec![c.get(2).map_or("", |m| m.as_str()).to_string()]);
            continue;
        }
        let lower = t.to_lowercase();
        if STOP.contains(&lower.as_str()) || lower.starts_with("§ ") {
            finish(&mut out, &mut state);
            continue;
        }
        state = match std::mem::replace(&mut state, State::Done) {
            State::Title(mut parts) => {
                if lower == "resultat" {
                    if let Some(g) = out.last_mut() {
                        g.title = format!(
                            "{}, {}",
                            g.title,
                            join_paragraphs(&parts).replace("\n\n", " ")
                        );
                    }
                    State::Result
                } else {
                    parts.push(t.to_string());
                    State::Title(parts)
                }
            }
            State::Result => match assessment(t) {
                Some(a) => {
                    if let Some(g) = out.last_mut() {
                        g.assessment = Some(a.to_string());
                    }
                    State::Analysis(Vec::new())
                }
                None => State::Analysis(vec![t.to_string()]),
            },
            State::Analysis(mut paras) => {
                paras.push(t.to_string());
                State::Analysis(paras)
            }
            State::Done => State::Done,
        };
    }
    finish(&mut out, &mut state);
    out
}
