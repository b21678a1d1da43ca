//! Statistikrapport: the monthly statistics report on favourable decisions not carried out
//! within three months, in the three tables of seed 004 §§ 14–15 — a summary (antal beslut,
//! varav kvinnor, varav män, antal som tackat nej till erbjudande), a count per type of
//! service, and one row per decision with its decision date, days waited, K/M and reason.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::decision::{Gender, GrantedDecision, Reason};
use super::rules::{Kind, ReportDate};

pub use crate::calendar::MONTHS;

/// "30 november 2023".
pub fn swedish_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// One line of the per-type table (Beslut om / Antal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeCount {
    /// Insats.
    #[serde(rename = "type")]
    pub service: String,
    /// Antal.
    pub count: u64,
}

/// One row of the decision table. It holds nothing that identifies a person except the
/// register's id, which the published text leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    /// The register's id.
    pub id: String,
    /// Beslut om: the type of service.
    #[serde(rename = "type")]
    pub service: String,
    /// Beslutsdatum.
    pub decision_date: NaiveDate,
    /// Antal dagar up to the report date (from the interruption for an avbrott).
    pub days: i64,
    /// Kvinna eller man.
    pub gender: Gender,
    /// Orsak 1–3, if recorded.
    pub reason: Option<Reason>,
    /// Never carried out, or interrupted.
    pub kind: Kind,
}

/// Statistikrapport den `date`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthlyReport {
    /// The report date C.
    pub date: NaiveDate,
    /// Antal beslut.
    pub total: u64,
    /// Varav kvinnor.
    pub women: u64,
    /// Varav män.
    pub men: u64,
    /// Antal som tackat nej till erbjudande: rows with reason 1.
    pub declined: u64,
    /// Per type of service, in catalogue order, types with no decision left out.
    pub by_type: Vec<TypeCount>,
    /// One row per decision, by decision date (then catalogue order, then id).
    pub rows: Vec<ReportRow>,
}

impl MonthlyReport {
    /// Computes the report at `date` over the register: every decision reportable on that
    /// day under [`reportable_at`]. Types unknown to the catalogue come after its entries.
    pub fn compute(decisions: &[GrantedDecision], catalogue: &Catalogue, date: NaiveDate) -> Self {
        let rules = ReportDate::new(date);
        // A catalogue has a handful of types: a linear scan beats hashing every name.
        let mut names: Vec<&str> = catalogue
            .entries()
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        let mut counts = vec![0u64; names.len()];
        let (mut women, mut men, mut declined) = (0, 0, 0);
        let mut rows: Vec<(usize, ReportRow)> = Vec::new();
        let mut last = usize::MAX;
        for d in decisions {
            let Some(r) = rules.reportable(d) else {
                continue;
            };
            let service = d.service.as_str();
            let index = if names.get(last).is_some_and(|n| *n == service) {
                last
            } else if let Some(i) = names.iter().position(|n| *n == service) {
                i
            } else {
                names.push(service);
                counts.push(0);
                names.len() - 1
            };
            last = index;
            counts[index] += 1;
            match d.gender {
                Gender::K => women += 1,
                Gender::M => men += 1,
            }
            if d.reason == Some(Reason::DeclinedOffer) {
                declined += 1;
            }
            rows.push((
                index,
                ReportRow {
                    id: d.id.to_string(),
                    service: d.service.clone(),
                    decision_date: d.decision_date,
                    days: r.days,
                    gender: d.gender,
                    reason: d.reason,
                    kind: r.kind,
                },
            ));
        }
        rows.sort_unstable_by(|(ia, a), (ib, b)| {
            (a.decision_date, ia, &a.id).cmp(&(b.decision_date, ib, &b.id))
        });
        MonthlyReport {
            date,
            total: rows.len() as u64,
            women,
            men,
            declined,
            by_type: names
                .iter()
                .zip(&counts)
                .filter(|(_, c)| **c > 0)
                .map(|(n, c)| TypeCount {
                    service: n.to_string(),
                    count: *c,
                })
                .collect(),
            rows: rows.into_iter().map(|(_, r)| r).collect(),
        }
    }

    /// The report as seed 004 prints it: heading, then the three tables with tab-separated
    /// columns. No ids: this text may be published.
    pub fn to_text(&self) -> String {
        let mut s = format!("Statistikrapport den {}\n\n", swedish_date(self.date));
        s += "Antal beslut som inte har verkställts inom tre månader. Andel kvinnor respektive män och antal av dessa som tackat nej till erbjudande.\n\n";
        s += "Antal beslut\tVarav kvinnor\tVarav män\tAntal som tackat nej till erbjudande\n";
        s += &format!(
            "{}\t{}\t{}\t{}\n\n",
            self.total, self.women, self.men, self.declined
        );
        s += "Vilken typ av bistånd som inte verkställts inom tre månader.\n\n";
        s += "Beslut om\tAntal\n";
        for t in &self.by_type {
            s += &format!("{}\t{}\n", t.service, t.count);
        }
        s += "\nAntal dagar från dagen för respektive beslut till rapporteringstillfälle samt orsak till beslut som inte verkställts.\n\n";
        s += "Beslut om\tBesluts-datum\tAntal dagar\tKvinna eller man\tTackat nej till erbjuden plats (1) Resursbrist (2) Annat (3)\n";
        for r in &self.rows {
            s += &format!(
                "{}\t{}\t{}\t{}\t{}\n",
                r.service,
                r.decision_date,
                r.days,
                r.gender.letter(),
                r.reason
                    .map_or_else(|| "–".to_string(), |x| x.code().to_string())
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unenforced::decision::{DecisionId, Interruption};

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn dec(id: &str, t: &str, date: &str, g: Gender, r: u8) -> GrantedDecision {
        let mut x = GrantedDecision::new(DecisionId::new(id).expect("id"), t, d(date), g);
        x.reason = Reason::from_code(r);
        x
    }

    #[test]
    fn counts_rows_by_type_and_sorts_by_date() {
        let c = Catalogue::default_catalogue();
        let mut later = dec(
            "A3",
            "Äldreboende – servicelägenhet",
            "2023-08-25",
            Gender::M,
            1,
        );
        later.enforced = Some(d("2023-12-01"));
        let mut gone = dec("A4", "SoL – kontaktperson", "2023-01-01", Gender::K, 2);
        gone.enforced = Some(d("2023-11-30"));
        let mut interrupted = dec("A6", "LSS – daglig verksamhet", "2022-01-01", Gender::K, 3);
        interrupted.enforced = Some(d("2022-02-01"));
        interrupted.interruptions.push(Interruption {
            from: d("2023-08-01"),
            to: None,
        });
        let all = vec![
            later,
            dec("A2", "LSS – kontaktperson", "2023-08-25", Gender::K, 2),
            dec("A1", "LSS – kontaktperson", "2022-09-19", Gender::K, 1),
            gone,
            dec("A5", "SoL – kontaktperson", "2023-08-31", Gender::M, 2),
            interrupted,
        ];
        let r = MonthlyReport::compute(&all, &c, d("2023-11-30"));
        assert_eq!(r.total, 4);
        assert_eq!((r.women, r.men, r.declined), (3, 1, 2));
        let ids: Vec<&str> = r.rows.iter().map(|r| r.id.as_str()).collect();
        // By date; on 2023-08-25 LSS – kontaktperson comes before Äldreboende in the catalogue.
        assert_eq!(ids, ["A6", "A1", "A2", "A3"]);
        assert_eq!(r.rows[0].days, 121);
        assert_eq!(r.rows[0].kind, Kind::Interrupted);
        assert_eq!(r.rows[1].days, 437);
        assert_eq!(
            r.by_type,
            vec![
                TypeCount {
                    service: "LSS – kontaktperson".into(),
                    count: 2
                },
                TypeCount {
                    service: "Äldreboende – servicelägenhet".into(),
                    count: 1
                },
                TypeCount {
                    service: "LSS – daglig verksamhet".into(),
                    count: 1
                },
            ]
        );
        let json = serde_json::to_value(&r).expect("json");
        assert_eq!(json["rows"][1]["reason"], 1);
        assert_eq!(json["rows"][1]["gender"], "K");
        assert_eq!(json["rows"][1]["type"], "LSS – kontaktperson");
        assert_eq!(json["by_type"][0]["type"], "LSS – kontaktperson");
        assert_eq!(json["date"], "2023-11-30");
        let text = r.to_text();
        assert!(text.starts_with("Statistikrapport den 30 november 2023"));
        assert!(text.contains("4\t3\t1\t2\n"));
        assert!(!text.contains("A1"));
    }
}
