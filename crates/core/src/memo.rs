//! Tjänsteskrivelse: the administration's written preparation of a matter for the body, in
//! the sections Swedish municipalities use — ärendet i korthet, bakgrund, förvaltningens
//! bedömning, ekonomiska konsekvenser, förslag till beslut (att-satser), beslutsunderlag —
//! signed by the handläggare and, when approved, the förvaltningschef. Its förslag till
//! beslut and beslutsunderlag become the agenda item's draft § (no retyping).

use serde::{Deserialize, Serialize};

use crate::meeting::ItemDraft;
use crate::minutes::{AttClause, Decision};

/// A tjänsteskrivelse as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Memo {
    /// Rubrik: the matter, as the agenda names it.
    pub title: String,
    /// Ärendet i korthet.
    pub summary: String,
    /// Bakgrund.
    #[serde(default)]
    pub background: String,
    /// Förvaltningens bedömning.
    #[serde(default)]
    pub assessment: String,
    /// Ekonomiska konsekvenser.
    #[serde(default)]
    pub finances: String,
    /// Förslag till beslut: the att-satser, each without its leading "att".
    pub proposal: Vec<String>,
    /// Beslutsunderlag.
    #[serde(default)]
    pub documents: Vec<String>,
    /// Beslutet skickas till.
    #[serde(default)]
    pub dispatch: Vec<String>,
    /// Handläggare: name and title, as signed.
    pub officer: String,
}

/// Why a tjänsteskrivelse is not ready to be approved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MemoError {
    /// No rubrik.
    #[error("tjänsteskrivelsen saknar rubrik")]
    NoTitle,
    /// Nothing under ärendet i korthet.
    #[error("skriv ärendet i korthet")]
    NoSummary,
    /// No att-sats.
    #[error("skriv minst en att-sats i förslaget till beslut")]
    NoProposal,
    /// No handläggare.
    #[error("skriv handläggarens namn och titel")]
    NoOfficer,
}

impl Memo {
    /// The same tjänsteskrivelse with its lists tidied: a leading "att" and empty lines
    /// dropped, spaces trimmed.
    pub fn tidied(mut self) -> Memo {
        let tidy = |v: Vec<String>| -> Vec<String> {
            v.into_iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        self.title = self.title.trim().to_string();
        self.officer = self.officer.trim().to_string();
        self.proposal = tidy(self.proposal)
            .into_iter()
            .map(|s| match s.strip_prefix("att ") {
                Some(rest) => rest.trim().to_string(),
                None => s,
            })
            .collect();
        self.documents = tidy(self.documents);
        self.dispatch = tidy(self.dispatch);
        self
    }

    /// Whether it may be approved: a rubrik, ärendet i korthet, at least one att-sats and
    /// the handläggare.
    pub fn ready(&self) -> Result<(), MemoError> {
        if self.title.trim().is_empty() {
            return Err(MemoError::NoTitle);
        }
        if self.summary.trim().is_empty() {
            return Err(MemoError::NoSummary);
        }
        if self.proposal.iter().all(|c| c.trim().is_empty()) {
            return Err(MemoError::NoProposal);
        }
        if self.officer.trim().is_empty() {
            return Err(MemoError::NoOfficer);
        }
        Ok(())
    }

    /// The agenda item's draft § it gives the body `body`: the summary as the § text, the
    /// att-satser ("{body} beslutar"), the beslutsunderlag with the tjänsteskrivelse itself
    /// first (`memo_entry`), and who the decision goes to.
    pub fn item_draft(&self, body: &str, memo_entry: &str) -> ItemDraft {
        let mut documents = vec![memo_entry.to_string()];
        documents.extend(self.documents.iter().cloned());
        ItemDraft {
            text: self.summary.trim().to_string(),
            proposal: Some(Decision::Clauses {
                intro: Some(format!("{body} beslutar")),
                clauses: self.proposal.iter().map(|c| AttClause(c.clone())).collect(),
            }),
            documents,
            dispatch: self.dispatch.clone(),
            tables: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memo() -> Memo {
        Memo {
            title: " Yttrande över motion om fritidskort ".into(),
            summary: "Förvaltningen föreslår att motionen avslås.".into(),
            proposal: vec![
                "att avslå motionen".into(),
                " ".into(),
                "överlämna yttrandet".into(),
            ],
            documents: vec!["Motion, 2026-09-01".into(), "".into()],
            officer: "Rebecka Hed, utredare".into(),
            ..Memo::default()
        }
    }

    #[test]
    fn a_memo_is_tidied_checked_and_becomes_the_items_draft() {
        let m = memo().tidied();
        assert_eq!(m.title, "Yttrande över motion om fritidskort");
        assert_eq!(m.proposal, vec!["avslå motionen", "överlämna yttrandet"]);
        assert_eq!(m.documents, vec!["Motion, 2026-09-01"]);
        m.ready().unwrap();
        let d = m.item_draft("Socialnämnden", "Tjänsteskrivelse, 2026-11-20");
        assert_eq!(d.text, "Förvaltningen föreslår att motionen avslås.");
        assert_eq!(
            d.documents,
            vec!["Tjänsteskrivelse, 2026-11-20", "Motion, 2026-09-01"]
        );
        match d.proposal.unwrap() {
            Decision::Clauses { intro, clauses } => {
                assert_eq!(intro.as_deref(), Some("Socialnämnden beslutar"));
                assert_eq!(clauses.len(), 2);
            }
            other => panic!("{other:?}"),
        }
        for (change, want) in [
            (
                Memo {
                    title: " ".into(),
                    ..m.clone()
                },
                MemoError::NoTitle,
            ),
            (
                Memo {
                    summary: "".into(),
                    ..m.clone()
                },
                MemoError::NoSummary,
            ),
            (
                Memo {
                    proposal: vec![],
                    ..m.clone()
                },
                MemoError::NoProposal,
            ),
            (
                Memo {
                    officer: "".into(),
                    ..m.clone()
                },
                MemoError::NoOfficer,
            ),
        ] {
            assert_eq!(change.ready(), Err(want));
        }
    }
}
