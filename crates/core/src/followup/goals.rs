//! Måluppfyllelse: the goal tree — KF's övergripande mål → KF:s verksamhetsmål → the
//! nämnd's verksamhetsmål — each assessed for the period on a configurable scale, with an
//! analysis, and the indicators that follow it up.

use serde::{Deserialize, Serialize};

use super::indicators::Indicator;
use super::FollowUpError;

/// Målnivå: where a goal sits in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GoalLevel {
    /// Kommunfullmäktiges övergripande mål.
    #[serde(rename = "övergripande")]
    Overarching,
    /// Kommunfullmäktiges verksamhetsmål.
    #[serde(rename = "kf_verksamhetsmål")]
    KfActivity,
    /// Nämndens verksamhetsmål.
    #[serde(rename = "nämndmål")]
    Committee,
}

impl GoalLevel {
    /// The serialised name.
    pub fn key(self) -> &'static str {
        match self {
            GoalLevel::Overarching => "övergripande",
            GoalLevel::KfActivity => "kf_verksamhetsmål",
            GoalLevel::Committee => "nämndmål",
        }
    }

    /// In a heading: "Övergripande mål", "Kommunfullmäktiges verksamhetsmål", "Nämndens
    /// verksamhetsmål".
    pub fn swedish(self) -> &'static str {
        match self {
            GoalLevel::Overarching => "Övergripande mål",
            GoalLevel::KfActivity => "Kommunfullmäktiges verksamhetsmål",
            GoalLevel::Committee => "Nämndens verksamhetsmål",
        }
    }
}

/// Bedömningsskala: the words a municipality assesses its goals with, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentScale {
    /// The levels, best first.
    pub levels: Vec<String>,
}

impl AssessmentScale {
    /// Seed 003 (Hudiksvall): Uppfyllt / I hög grad uppfyllt / Delvis uppfyllt / Ej uppfyllt.
    pub fn fulfilment() -> AssessmentScale {
        AssessmentScale::new(&[
            "Uppfyllt",
            "I hög grad uppfyllt",
            "Delvis uppfyllt",
            "Ej uppfyllt",
        ])
    }

    /// Seed 001 (Strömsund): Uppnått / Delvis uppnått / Ej uppnått / Ej sammanställt.
    pub fn achievement() -> AssessmentScale {
        AssessmentScale::new(&["Uppnått", "Delvis uppnått", "Ej uppnått", "Ej sammanställt"])
    }

    /// A scale of the given words, best first.
    pub fn new(levels: &[&str]) -> AssessmentScale {
        AssessmentScale {
            levels: levels.iter().map(|s| s.trim().to_string()).collect(),
        }
    }

    /// The level a text names (case and spacing ignored), as the scale spells it.
    pub fn find(&self, text: &str) -> Option<&str> {
        let norm = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let t = norm(text);
        self.levels
            .iter()
            .find(|l| norm(l) == t)
            .map(String::as_str)
    }

    /// The position on the scale, 0 the best.
    pub fn rank(&self, level: &str) -> Option<usize> {
        let found = self.find(level)?;
        self.levels.iter().position(|l| l == found)
    }

    /// The scale as text: "Uppfyllt / I hög grad uppfyllt / …".
    pub fn describe(&self) -> String {
        self.levels.join(" / ")
    }
}

impl Default for AssessmentScale {
    fn default() -> Self {
        AssessmentScale::fulfilment()
    }
}

/// Mål: a goal with its assessment for the period, analysis, subgoals and indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// Its level.
    pub level: GoalLevel,
    /// Its wording.
    pub title: String,
    /// The assessment for the period, a level of the scale.
    pub assessment: Option<String>,
    /// The analysis behind the assessment.
    pub analysis: Option<String>,
    /// The goals under it.
    #[serde(default)]
    pub children: Vec<Goal>,
    /// The indicators that follow it up.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

impl Goal {
    /// A goal without assessment, subgoals or indicators; the title may not be empty.
    pub fn new(level: GoalLevel, title: &str) -> Result<Goal, FollowUpError> {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.is_empty() {
            return Err(FollowUpError::Missing("målets lydelse"));
        }
        Ok(Goal {
            level,
            title,
            assessment: None,
            analysis: None,
            children: Vec::new(),
            indicators: Vec::new(),
        })
    }

    /// Every rule broken in the tree: subgoals sit at a lower level than their parent;
    /// assessments are on `scale`.
    pub fn validate(&self, scale: &AssessmentScale) -> Vec<FollowUpError> {
        let mut out = Vec::new();
        if let Some(a) = &self.assessment {
            if scale.find(a).is_none() {
                out.push(FollowUpError::NotOnScale {
                    goal: self.title.clone(),
                    value: a.clone(),
                    scale: scale.describe(),
                });
            }
        }
        for c in &self.children {
            if c.level <= self.level {
                out.push(FollowUpError::GoalLevel {
                    parent: self.title.clone(),
                    parent_level: self.level.key(),
                    child: c.title.clone(),
                    child_level: c.level.key(),
                });
            }
            out.extend(c.validate(scale));
        }
        out
    }

    /// Counts the goals of the tree per assessment, in the order of the scale, with the
    /// unassessed last as "Ej bedömt". An övergripande mål without an assessment of its own
    /// is assessed through its subgoals and not counted.
    pub fn tally<'a>(
        goals: impl IntoIterator<Item = &'a Goal>,
        scale: &AssessmentScale,
    ) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> =
            scale.levels.iter().map(|l| (l.clone(), 0)).collect();
        let mut none = 0usize;
        fn walk(
            g: &Goal,
            scale: &AssessmentScale,
            counts: &mut [(String, usize)],
            none: &mut usize,
        ) {
            match g.assessment.as_deref().and_then(|a| scale.rank(a)) {
                Some(i) => {
                    if let Some(c) = counts.get_mut(i) {
                        c.1 += 1;
                    }
                }
                None if g.level == GoalLevel::Overarching && g.assessment.is_none() => {}
                None => *none += 1,
            }
            for c in &g.children {
                walk(c, scale, counts, none);
            }
        }
        for g in goals {
            walk(g, scale, &mut counts, &mut none);
        }
        counts.push(("Ej bedömt".to_string(), none));
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_find_their_words() {
        let s = AssessmentScale::fulfilment();
        assert_eq!(s.find("I hög grad  uppfyllt"), Some("I hög grad uppfyllt"));
        assert_eq!(s.find("delvis uppfyllt"), Some("Delvis uppfyllt"));
        assert_eq!(s.rank("Ej uppfyllt"), Some(3));
        assert_eq!(s.find("Uppnått"), None);
        assert_eq!(
            AssessmentScale::achievement().find("Delvis uppnått"),
            Some("Delvis uppnått")
        );
    }

    #[test]
    fn validation_checks_scale_and_levels() {
        let scale = AssessmentScale::fulfilment();
        let mut top = Goal::new(
            GoalLevel::Overarching,
            "Samhällstjänster av högsta kvalitet",
        )
        .unwrap();
        let mut kf = Goal::new(GoalLevel::KfActivity, "Minska sjukskrivningarna").unwrap();
        kf.assessment = Some("Delvis uppfyllt".into());
        top.children.push(kf);
        assert!(top.validate(&scale).is_empty());
        // An assessment off the scale.
        top.children[0].assessment = Some("Nästan".into());
        assert!(matches!(
            top.validate(&scale)[0],
            FollowUpError::NotOnScale { .. }
        ));
        // The same scale's words are accepted by the other municipality's scale only if there.
        assert!(!top.validate(&AssessmentScale::achievement()).is_empty());
        top.children[0].assessment = None;
        // A nämndmål cannot hold a KF goal.
        let mut n = Goal::new(GoalLevel::Committee, "Ekonomi i balans").unwrap();
        n.children
            .push(Goal::new(GoalLevel::KfActivity, "X").unwrap());
        top.children.push(n);
        let e = top.validate(&scale);
        assert_eq!(e.len(), 1);
        assert!(
            e[0].to_string().contains("kan inte ligga under"),
            "{}",
            e[0]
        );
        assert!(Goal::new(GoalLevel::Committee, "  ").is_err());
    }

    #[test]
    fn tally_counts_per_level() {
        let scale = AssessmentScale::fulfilment();
        let mut a = Goal::new(GoalLevel::KfActivity, "A").unwrap();
        a.assessment = Some("Delvis uppfyllt".into());
        let mut b = Goal::new(GoalLevel::Committee, "B").unwrap();
        b.assessment = Some("I hög grad uppfyllt".into());
        a.children.push(b);
        let mut top = Goal::new(GoalLevel::Overarching, "Top").unwrap();
        top.children
            .push(Goal::new(GoalLevel::KfActivity, "Ej bedömt mål").unwrap());
        let t = Goal::tally([&top], &scale);
        assert_eq!(t[4], ("Ej bedömt".to_string(), 1));
        let t = Goal::tally([&a], &scale);
        assert_eq!(t[1], ("I hög grad uppfyllt".to_string(), 1));
        assert_eq!(t[2], ("Delvis uppfyllt".to_string(), 1));
        assert_eq!(t[4], ("Ej bedömt".to_string(), 0));
    }
}
