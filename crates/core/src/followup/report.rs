//! Verksamhetsrapport / uppföljning: everything one follow-up of one nämnd holds — the
//! summary, the tables by section, the goal tree and the uppdrag — as it is stored and
//! reported. Checked when built and again when read back.

use serde::{Deserialize, Serialize};

use super::assignments::Assignment;
use super::finance::FinanceTable;
use super::goals::{AssessmentScale, Goal};
use super::period::Period;
use super::FollowUpError;

/// Avsnitt: where a table belongs in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// Ekonomi (resultaträkning, kostnadsställen, investeringar).
    Ekonomi,
    /// Kvantiteter (platser, timmar, brukare).
    Kvantiteter,
    /// Medarbetare (personalstatistik).
    Medarbetare,
}

impl Section {
    /// The heading.
    pub fn heading(self) -> &'static str {
        match self {
            Section::Ekonomi => "Ekonomi",
            Section::Kvantiteter => "Kvantiteter",
            Section::Medarbetare => "Medarbetare",
        }
    }
}

/// A table with its section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionTable {
    /// Where it belongs.
    pub section: Section,
    /// The table.
    pub table: FinanceTable,
}

/// Uppföljning: one follow-up report of one nämnd for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The nämnd, by name.
    pub body: String,
    /// The period.
    pub period: Period,
    /// "verksamhetsrapport" or "budgetuppföljning".
    pub kind: String,
    /// Sammanfattning.
    pub summary: Option<String>,
    /// The tables.
    pub tables: Vec<SectionTable>,
    /// The goal tree.
    pub goals: Vec<Goal>,
    /// Uppdrag.
    pub assignments: Vec<Assignment>,
    /// The scale the goals are assessed on.
    #[serde(default)]
    pub scale: AssessmentScale,
}

impl FollowUp {
    /// Every rule broken: a body, rows as wide as their tables, goals on the scale and in
    /// level order, uppdrag that end after they start.
    pub fn validate(&self) -> Vec<FollowUpError> {
        let mut out = Vec::new();
        if self.body.trim().is_empty() {
            out.push(FollowUpError::Missing("nämnden"));
        }
        for t in &self.tables {
            if let Err(e) = t.table.validate() {
                out.push(e);
            }
        }
        for g in &self.goals {
            out.extend(g.validate(&self.scale));
        }
        for a in &self.assignments {
            if let Err(e) = a.validate() {
                out.push(e);
            }
        }
        out
    }

    /// The tables of one section.
    pub fn section(&self, s: Section) -> impl Iterator<Item = &FinanceTable> {
        self.tables
            .iter()
            .filter(move |t| t.section == s)
            .map(|t| &t.table)
    }

    /// Every indicator of the tree, with the goal it belongs to.
    pub fn indicators(&self) -> Vec<(&Goal, &super::indicators::Indicator)> {
        fn walk<'a>(g: &'a Goal, out: &mut Vec<(&'a Goal, &'a super::indicators::Indicator)>) {
            for i in &g.indicators {
                out.push((g, i));
            }
            for c in &g.children {
                walk(c, out);
            }
        }
        let mut out = Vec::new();
        for g in &self.goals {
            walk(g, &mut out);
        }
        out
    }

    /// Every indicator, mutable, by name (the first found).
    pub fn indicator_mut(&mut self, name: &str) -> Option<&mut super::indicators::Indicator> {
        fn walk<'a>(g: &'a mut Goal, name: &str) -> Option<&'a mut super::indicators::Indicator> {
            if let Some(i) = g.indicators.iter_mut().find(|i| i.name == name) {
                return Some(i);
            }
            g.children.iter_mut().find_map(|c| walk(c, name))
        }
        self.goals.iter_mut().find_map(|g| walk(g, name))
    }
}

#[cfg(test)]
mod tests {
    use super::super::goals::GoalLevel;
    use super::super::indicators::Indicator;
    use super::*;

    #[test]
    fn validation_and_lookup() {
        let mut goal = Goal::new(
            GoalLevel::Overarching,
            "Samhällstjänster av högsta kvalitet",
        )
        .unwrap();
        goal.indicators
            .push(Indicator::new("Sjukfrånvaro ack (%)").unwrap());
        let mut f = FollowUp {
            body: "Social- och omsorgsnämnden".into(),
            period: "2023-08".parse().unwrap(),
            kind: "verksamhetsrapport".into(),
            summary: None,
            tables: Vec::new(),
            goals: vec![goal],
            assignments: Vec::new(),
            scale: AssessmentScale::fulfilment(),
        };
        assert!(f.validate().is_empty());
        assert_eq!(f.indicators().len(), 1);
        assert!(f.indicator_mut("Sjukfrånvaro ack (%)").is_some());
        assert!(f.indicator_mut("Saknas").is_none());
        f.goals[0].assessment = Some("Uppnått".into());
        f.body = " ".into();
        assert_eq!(f.validate().len(), 2);
    }
}
