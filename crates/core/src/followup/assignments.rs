//! Uppdrag: assignments given to the nämnd by KF (särskilda uppdrag) or by the nämnd to its
//! förvaltning, with a status and a comment per follow-up period (seed 003:660–760).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::FollowUpError;

/// Status of an uppdrag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AssignmentStatus {
    /// Ej påbörjad.
    #[serde(rename = "Ej påbörjad")]
    NotStarted,
    /// Pågår.
    #[serde(rename = "Pågår")]
    Ongoing,
    /// Klar.
    #[serde(rename = "Klar")]
    Done,
}

impl AssignmentStatus {
    /// The Swedish words.
    pub fn swedish(self) -> &'static str {
        match self {
            AssignmentStatus::NotStarted => "Ej påbörjad",
            AssignmentStatus::Ongoing => "Pågår",
            AssignmentStatus::Done => "Klar",
        }
    }

    /// Reads the Swedish words ("Ej påbörjad", "Pågår", "Klar", also "Avslutad").
    pub fn parse(text: &str) -> Option<AssignmentStatus> {
        match text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            .as_str()
        {
            "ej påbörjad" | "ej påbörjat" | "inte påbörjad" => {
                Some(AssignmentStatus::NotStarted)
            }
            "pågår" | "pågående" => Some(AssignmentStatus::Ongoing),
            "klar" | "klart" | "avslutad" | "slutfört" => Some(AssignmentStatus::Done),
            _ => None,
        }
    }
}

/// Uppdrag: an assignment with who gave it, when it runs and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// What is to be done.
    pub title: String,
    /// Who gave it, or the group it is reported under ("Uppdrag från nämnd").
    pub given_by: Option<String>,
    /// Startdatum.
    pub start: Option<NaiveDate>,
    /// Slutdatum.
    pub end: Option<NaiveDate>,
    /// Where it stands.
    pub status: Option<AssignmentStatus>,
    /// Kommentar per period key ("2023-08").
    #[serde(default)]
    pub comments: BTreeMap<String, String>,
}

impl Assignment {
    /// An uppdrag; the title may not be empty and the end may not precede the start.
    pub fn new(
        title: &str,
        given_by: Option<&str>,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
        status: Option<AssignmentStatus>,
    ) -> Result<Assignment, FollowUpError> {
        let a = Assignment {
            title: title.split_whitespace().collect::<Vec<_>>().join(" "),
            given_by: given_by
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            start,
            end,
            status,
            comments: BTreeMap::new(),
        };
        a.validate()?;
        Ok(a)
    }

    /// The rules: a title, and an end not before the start.
    pub fn validate(&self) -> Result<(), FollowUpError> {
        if self.title.trim().is_empty() {
            return Err(FollowUpError::Missing("uppdragets titel"));
        }
        if let (Some(start), Some(end)) = (self.start, self.end) {
            if end < start {
                return Err(FollowUpError::AssignmentOrder {
                    title: self.title.clone(),
                    start,
                    end,
                });
            }
        }
        Ok(())
    }

    /// Past its end date on `date` without being done.
    pub fn overdue(&self, date: NaiveDate) -> bool {
        self.end.is_some_and(|e| e < date) && self.status != Some(AssignmentStatus::Done)
    }

    /// The comment for `period`, or the latest one before it.
    pub fn comment_for(&self, period: &str) -> Option<&str> {
        self.comments
            .range(..=period.to_string())
            .next_back()
            .map(|(_, c)| c.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn seed_003_assignment() {
        let mut a = Assignment::new(
            "Revidering av värdighetsgarantierna",
            Some("Uppdrag från nämnd"),
            Some(d("2020-02-17")),
            Some(d("2023-06-30")),
            AssignmentStatus::parse("Ej påbörjad"),
        )
        .unwrap();
        assert_eq!(a.status, Some(AssignmentStatus::NotStarted));
        assert!(a.overdue(d("2023-08-31")));
        assert!(!a.overdue(d("2023-06-30")));
        a.comments.insert("2023-04".into(), "Pausat".into());
        a.comments
            .insert("2023-08".into(), "Uppdraget pausades under pandemin".into());
        assert_eq!(
            a.comment_for("2023-08"),
            Some("Uppdraget pausades under pandemin")
        );
        assert_eq!(a.comment_for("2023-06"), Some("Pausat"));
        assert_eq!(a.comment_for("2023-01"), None);
        a.status = Some(AssignmentStatus::Done);
        assert!(!a.overdue(d("2024-01-01")));
    }

    #[test]
    fn rules() {
        assert!(matches!(
            Assignment::new(
                "X",
                None,
                Some(d("2023-06-30")),
                Some(d("2020-01-01")),
                None
            ),
            Err(FollowUpError::AssignmentOrder { .. })
        ));
        assert!(Assignment::new(" ", None, None, None, None).is_err());
        assert_eq!(
            AssignmentStatus::parse("Pågår"),
            Some(AssignmentStatus::Ongoing)
        );
        assert_eq!(
            AssignmentStatus::parse("Klar"),
            Some(AssignmentStatus::Done)
        );
        assert_eq!(AssignmentStatus::parse("kanske"), None);
    }
}
