//! Statistik till kommunfullmäktige och revisorerna (SoL 16 kap. 6 h §, LSS 28 h §): per
//! quarter, the decisions reported to IVO counted per law and type of service, women and
//! men. Also the series the chart is drawn from: decisions waiting per month and type, and
//! the spread of days waited.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::catalogue::{Catalogue, Law};
use super::decision::{Gender, GrantedDecision};
use super::ivo::{IvoReport, Quarter};
use super::report::MonthlyReport;
use super::rules::{add_months, Kind};

/// Counts of one type of service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeStats {
    /// Insats.
    #[serde(rename = "type")]
    pub service: String,
    /// Antal.
    pub total: u64,
    /// Varav kvinnor.
    pub women: u64,
    /// Varav män.
    pub men: u64,
}

/// Counts of one law.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LawStats {
    /// SoL or LSS; `None` for types the catalogue does not know.
    pub law: Option<Law>,
    /// Antal.
    pub total: u64,
    /// Varav kvinnor.
    pub women: u64,
    /// Varav män.
    pub men: u64,
    /// Per type, in catalogue order.
    pub by_type: Vec<TypeStats>,
}

/// Kvartalsstatistik: the decisions of the quarter's IVO report, counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuarterStats {
    /// The quarter.
    pub quarter: Quarter,
    /// Its first day.
    pub from: NaiveDate,
    /// Its last day.
    pub to: NaiveDate,
    /// Antal beslut.
    pub total: u64,
    /// Varav kvinnor.
    pub women: u64,
    /// Varav män.
    pub men: u64,
    /// Of these, never carried out.
    pub not_enforced: u64,
    /// Of these, interrupted.
    pub interrupted: u64,
    /// Of these, verkställda by the quarter's end.
    pub enforced_by_end: u64,
    /// Of these, avslutade by the quarter's end.
    pub closed_by_end: u64,
    /// Per law (SoL first), then per type.
    pub by_law: Vec<LawStats>,
}

fn bump(total: &mut u64, women: &mut u64, men: &mut u64, g: Gender) {
    *total += 1;
    match g {
        Gender::K => *women += 1,
        Gender::M => *men += 1,
    }
}

impl QuarterStats {
    /// Counts the rows of [`IvoReport::compute`] for `quarter`.
    pub fn compute(decisions: &[GrantedDecision], catalogue: &Catalogue, quarter: Quarter) -> Self {
        let ivo = IvoReport::compute(decisions, catalogue, quarter);
        let mut s = QuarterStats {
            quarter,
            from: ivo.from,
            to: ivo.to,
            total: 0,
            women: 0,
            men: 0,
            not_enforced: 0,
            interrupted: 0,
            enforced_by_end: 0,
            closed_by_end: 0,
            by_law: Vec::new(),
        };
        let position = |name: &str| {
            catalogue
                .entries()
                .iter()
                .position(|e| e.name == name)
                .unwrap_or(usize::MAX)
        };
        for r in &ivo.rows {
            bump(&mut s.total, &mut s.women, &mut s.men, r.gender);
            match r.kind {
                Kind::NotEnforced => s.not_enforced += 1,
                Kind::Interrupted => s.interrupted += 1,
            }
            s.enforced_by_end += u64::from(r.state == "verkställt");
            s.closed_by_end += u64::from(r.state == "avslutat");
            let law = match s.by_law.iter_mut().position(|l| l.law == r.law) {
                Some(i) => &mut s.by_law[i],
                None => {
                    s.by_law.push(LawStats {
                        law: r.law,
                        total: 0,
                        women: 0,
                        men: 0,
                        by_type: Vec::new(),
                    });
                    let last = s.by_law.len() - 1;
                    &mut s.by_law[last]
                }
            };
            bump(&mut law.total, &mut law.women, &mut law.men, r.gender);
            let t = match law.by_type.iter_mut().position(|t| t.service == r.service) {
                Some(i) => &mut law.by_type[i],
                None => {
                    law.by_type.push(TypeStats {
                        service: r.service.clone(),
                        total: 0,
                        women: 0,
                        men: 0,
                    });
                    let last = law.by_type.len() - 1;
                    &mut law.by_type[last]
                }
            };
            bump(&mut t.total, &mut t.women, &mut t.men, r.gender);
        }
        // SoL, LSS, unknown last; types in catalogue order.
        s.by_law.sort_by_key(|l| l.law.map_or(2, |l| l as u8));
        for l in &mut s.by_law {
            l.by_type.sort_by(|a, b| {
                (position(&a.service), &a.service).cmp(&(position(&b.service), &b.service))
            });
        }
        s
    }
}

/// The last day of the month `date` lies in.
pub fn end_of_month(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year(), date.month(), 1)
        .and_then(|first| add_months(first, 1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(date)
}

/// Decisions waiting (reportable) at each of `months` report dates: the last day of each
/// earlier month, and `at` itself last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingSeries {
    /// The report dates, oldest first.
    pub dates: Vec<NaiveDate>,
    /// Per type (catalogue order, only types with some decision): a count per date.
    pub by_type: Vec<(String, Vec<u64>)>,
    /// All types: a count per date.
    pub total: Vec<u64>,
}

impl WaitingSeries {
    /// The series over `months` report dates ending at `at`.
    pub fn compute(
        decisions: &[GrantedDecision],
        catalogue: &Catalogue,
        at: NaiveDate,
        months: u32,
    ) -> Self {
        let mut dates: Vec<NaiveDate> = (1..months.max(1))
            .rev()
            .filter_map(|i| {
                at.checked_sub_months(chrono::Months::new(i))
                    .map(end_of_month)
            })
            .collect();
        dates.push(at);
        let reports: Vec<MonthlyReport> = dates
            .iter()
            .map(|d| MonthlyReport::compute(decisions, catalogue, *d))
            .collect();
        let mut names: Vec<String> = catalogue.entries().iter().map(|e| e.name.clone()).collect();
        for r in &reports {
            for t in &r.by_type {
                if !names.contains(&t.service) {
                    names.push(t.service.clone());
                }
            }
        }
        let by_type = names
            .into_iter()
            .map(|n| {
                let counts: Vec<u64> = reports
                    .iter()
                    .map(|r| {
                        r.by_type
                            .iter()
                            .find(|t| t.service == n)
                            .map_or(0, |t| t.count)
                    })
                    .collect();
                (n, counts)
            })
            .filter(|(_, c)| c.iter().any(|x| *x > 0))
            .collect();
        WaitingSeries {
            dates,
            by_type,
            total: reports.iter().map(|r| r.total).collect(),
        }
    }
}

/// The spread of days waited in a report: (first day of the bucket, count) for buckets of
/// `width` days from 90 up to the longest wait, empty buckets included.
pub fn days_histogram(report: &MonthlyReport, width: i64) -> Vec<(i64, u64)> {
    let width = width.max(1);
    let Some(max) = report.rows.iter().map(|r| r.days).max() else {
        return Vec::new();
    };
    let min = report.rows.iter().map(|r| r.days).min().unwrap_or(max);
    let first = (min.min(90) / width) * width;
    let n = ((max - first) / width + 1) as usize;
    let mut out: Vec<(i64, u64)> = (0..n).map(|i| (first + i as i64 * width, 0)).collect();
    for r in &report.rows {
        let i = ((r.days - first) / width) as usize;
        if let Some(b) = out.get_mut(i) {
            b.1 += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unenforced::decision::{DecisionId, Reason};

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn dec(id: &str, t: &str, date: &str, g: Gender) -> GrantedDecision {
        let mut x = GrantedDecision::new(DecisionId::new(id).expect("id"), t, d(date), g);
        x.reason = Some(Reason::ResourceShortage);
        x
    }

    #[test]
    fn quarter_counts_per_law_type_and_gender() {
        let c = Catalogue::default_catalogue();
        let mut enforced = dec("3", "Äldreboende", "2023-06-01", Gender::K);
        enforced.enforced = Some(d("2023-11-01"));
        let all = vec![
            dec("1", "LSS – kontaktperson", "2023-01-01", Gender::K),
            dec("2", "LSS – kontaktperson", "2023-02-01", Gender::M),
            enforced,
            dec("4", "SoL – kontaktperson", "2023-03-01", Gender::M),
            dec("5", "SoL – kontaktperson", "2023-12-01", Gender::M),
        ];
        let s = QuarterStats::compute(&all, &c, "2023Q4".parse().expect("q"));
        assert_eq!((s.total, s.women, s.men), (4, 2, 2));
        assert_eq!((s.not_enforced, s.enforced_by_end), (4, 1));
        assert_eq!(s.by_law[0].law, Some(Law::SoL));
        assert_eq!(s.by_law[0].total, 2);
        assert_eq!(s.by_law[0].by_type[0].service, "SoL – kontaktperson");
        assert_eq!(s.by_law[0].by_type[1].service, "Äldreboende");
        assert_eq!(s.by_law[1].law, Some(Law::Lss));
        assert_eq!((s.by_law[1].women, s.by_law[1].men), (1, 1));
        let json = serde_json::to_value(&s).expect("json");
        assert_eq!(json["by_law"][1]["law"], "LSS");
        assert_eq!(
            json["by_law"][1]["by_type"][0]["type"],
            "LSS – kontaktperson"
        );
    }

    #[test]
    fn waiting_series_ends_at_the_report_date() {
        assert_eq!(end_of_month(d("2024-02-10")), d("2024-02-29"));
        assert_eq!(end_of_month(d("2023-12-31")), d("2023-12-31"));
        let c = Catalogue::default_catalogue();
        let all = vec![dec("1", "LSS – kontaktperson", "2023-06-15", Gender::K)];
        let s = WaitingSeries::compute(&all, &c, d("2023-12-31"), 12);
        assert_eq!(s.dates.len(), 12);
        assert_eq!(s.dates[0], d("2023-01-31"));
        assert_eq!(s.dates[11], d("2023-12-31"));
        // Due 2023-09-15: waiting at the end of September and later.
        assert_eq!(s.total, vec![0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
        assert_eq!(s.by_type.len(), 1);
        let r = MonthlyReport::compute(&all, &c, d("2023-12-31"));
        assert_eq!(
            days_histogram(&r, 30),
            vec![(90, 0), (120, 0), (150, 0), (180, 1)]
        );
    }
}
