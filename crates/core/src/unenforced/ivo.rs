//! Rapport till IVO: every quarter the municipality reports each favourable decision that
//! was reportable on any day of the quarter — not carried out within three months of the
//! decision, or interrupted for more than three months — with its state at the quarter's
//! end: still waiting, verkställt on a date, or avslutat on a date (SoL 16 kap. 6 f §,
//! LSS 28 f §).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::catalogue::{Catalogue, Law};
use super::decision::{Gender, GrantedDecision, Offer, Reason};
use super::rules::{days_waited, three_months_after, Kind};

/// Kvartal: a calendar quarter such as 2023Q4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quarter {
    /// The year.
    pub year: i32,
    /// 1–4.
    pub quarter: u32,
}

/// A quarter that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("”{0}” är inget kvartal (skriv till exempel 2023Q4)")]
pub struct QuarterError(pub String);

impl Quarter {
    /// The quarter of a year, 1–4.
    pub fn new(year: i32, quarter: u32) -> Result<Quarter, QuarterError> {
        let q = Quarter { year, quarter };
        if (1..=4).contains(&quarter) && NaiveDate::from_ymd_opt(year, 12, 31).is_some() {
            Ok(q)
        } else {
            Err(QuarterError(format!("{year}Q{quarter}")))
        }
    }

    /// The quarter `date` lies in.
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            quarter: date.month0() / 3 + 1,
        }
    }

    /// Its first day.
    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, (self.quarter - 1) * 3 + 1, 1).unwrap_or(NaiveDate::MIN)
    }

    /// Its last day.
    pub fn end(self) -> NaiveDate {
        let (y, m) = if self.quarter == 4 {
            (self.year + 1, 1)
        } else {
            (self.year, self.quarter * 3 + 1)
        };
        NaiveDate::from_ymd_opt(y, m, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Q{}", self.year, self.quarter)
    }
}

impl FromStr for Quarter {
    type Err = QuarterError;
    /// "2023Q4", "2023-Q4", "2023 q4", "2023K4" (kvartal).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || QuarterError(s.trim().to_string());
        let t = s.trim().to_uppercase();
        let (y, q) = t
            .split_once('Q')
            .or_else(|| t.split_once('K'))
            .ok_or_else(bad)?;
        let y = y.trim().trim_end_matches(['-', ' ']);
        let year: i32 = y.parse().map_err(|_| bad())?;
        let quarter: u32 = q.trim().parse().map_err(|_| bad())?;
        if !(1..=9999).contains(&year) {
            return Err(bad());
        }
        Quarter::new(year, quarter).map_err(|_| bad())
    }
}

impl Serialize for Quarter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Quarter {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The kind of a row in the IVO report.
pub type IvoKind = Kind;

/// One waiting period: reportable on every day after `due` and before `stop`.
struct Episode {
    kind: Kind,
    since: NaiveDate,
    due: NaiveDate,
    /// The day the waiting ended (verkställt, resumed, or avslutat), if it has.
    stop: Option<NaiveDate>,
}

impl Episode {
    /// Whether some day in `from..=to` is reportable: later than `due`, before `stop`.
    fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        let Some(first) = self.due.succ_opt() else {
            return false;
        };
        let first = first.max(from);
        first <= to && self.stop.is_none_or(|s| first < s)
    }
}

fn min_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The waiting periods of a decision: for enforcement, then for each interruption.
fn episodes(d: &GrantedDecision) -> impl DoubleEndedIterator<Item = Episode> + '_ {
    let closed = d.closed.as_ref().map(|c| c.date);
    std::iter::once(Episode {
        kind: Kind::NotEnforced,
        since: d.decision_date,
        due: three_months_after(d.decision_date),
        stop: min_date(d.enforced, closed),
    })
    .chain(d.interruptions.iter().map(move |i| Episode {
        kind: Kind::Interrupted,
        since: i.from,
        due: three_months_after(i.from),
        stop: min_date(i.to, closed),
    }))
}

/// One decision in the IVO report, with the fields IVO's e-service asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IvoRow {
    /// The register's id.
    pub id: String,
    /// Insats.
    #[serde(rename = "type")]
    pub service: String,
    /// The law of the type, if the catalogue knows it.
    pub law: Option<Law>,
    /// The provision ("4 kap. 1 § SoL", "9 § LSS").
    pub provision: Option<String>,
    /// Beslutsdatum.
    pub decision_date: NaiveDate,
    /// Kön.
    pub gender: Gender,
    /// Ej verkställt or avbrott.
    pub kind: Kind,
    /// Avbrott från, for an interruption.
    pub interrupted_from: Option<NaiveDate>,
    /// Verkställt (or, for an avbrott, återupptaget) on or before the quarter's end.
    pub enforced: Option<NaiveDate>,
    /// Avslutat on or before the quarter's end.
    pub closed: Option<NaiveDate>,
    /// Why it was closed.
    pub closed_why: Option<String>,
    /// Orsak 1–3.
    pub reason: Option<Reason>,
    /// Orsak in words.
    pub reason_text: Option<String>,
    /// Enhet.
    pub unit: Option<String>,
    /// Offers made and declined.
    pub offers: Vec<Offer>,
    /// Days waited up to the quarter's end or to the day the waiting ended.
    pub days: i64,
    /// "väntar", "verkställt" or "avslutat" at the quarter's end.
    pub state: String,
}

/// Kvartalsrapport till IVO.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IvoReport {
    /// The quarter.
    pub quarter: Quarter,
    /// Its first day.
    pub from: NaiveDate,
    /// Its last day: the state of each row is as of this day.
    pub to: NaiveDate,
    /// One row per decision, by decision date and id.
    pub rows: Vec<IvoRow>,
}

/// The CSV columns of [`IvoReport::to_csv`].
pub const CSV_HEADER: [&str; 16] = [
    "id",
    "insats",
    "lag",
    "lagrum",
    "beslutsdatum",
    "kön",
    "typ",
    "avbrott_från",
    "verkställt",
    "avslutat",
    "avslutsorsak",
    "orsak",
    "orsakstext",
    "enhet",
    "erbjudanden",
    "dagar",
];

fn csv_field(s: &str) -> String {
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

impl IvoReport {
    /// The report for `quarter` over the register. A decision is in it when some day of
    /// the quarter it was reportable (rule 1 or 3 of [`super::rules`]); when both a wait
    /// for enforcement and an interruption were, the latest is shown.
    pub fn compute(decisions: &[GrantedDecision], catalogue: &Catalogue, quarter: Quarter) -> Self {
        let (from, to) = (quarter.start(), quarter.end());
        let mut rows = Vec::new();
        for d in decisions {
            let Some(e) = episodes(d).rev().find(|e| e.overlaps(from, to)) else {
                continue;
            };
            let ended = e.stop.filter(|s| *s <= to);
            let closed = d.closed.as_ref().filter(|c| c.date <= to);
            let enforced = match e.kind {
                Kind::NotEnforced => d.enforced.filter(|x| *x <= to),
                Kind::Interrupted => d
                    .interruptions
                    .iter()
                    .find(|i| i.from == e.since)
                    .and_then(|i| i.to)
                    .filter(|x| *x <= to),
            };
            let state = if closed.is_some()
                && enforced.is_none_or(|x| closed.is_some_and(|c| c.date < x))
            {
                "avslutat"
            } else if enforced.is_some() {
                "verkställt"
            } else {
                "väntar"
            };
            let law = catalogue.by_name(&d.service).map(|s| s.law);
            rows.push(IvoRow {
                id: d.id.to_string(),
                service: d.service.clone(),
                law,
                provision: law.map(|l| l.provision().to_string()),
                decision_date: d.decision_date,
                gender: d.gender,
                kind: e.kind,
                interrupted_from: (e.kind == Kind::Interrupted).then_some(e.since),
                enforced,
                closed: closed.map(|c| c.date),
                closed_why: closed.and_then(|c| c.why.clone()),
                reason: d.reason,
                reason_text: d.reason_text.clone(),
                unit: d.unit.clone(),
                offers: d.offers.clone(),
                days: days_waited(e.since, ended.unwrap_or(to)),
                state: state.to_string(),
            });
        }
        rows.sort_by(|a, b| (a.decision_date, &a.id).cmp(&(b.decision_date, &b.id)));
        IvoReport {
            quarter,
            from,
            to,
            rows,
        }
    }

    /// The report as CSV (`;`-separated, a header row, ISO dates, empty when none), for
    /// IVO's e-service or a spreadsheet.
    pub fn to_csv(&self) -> String {
        let mut s = CSV_HEADER.join(";");
        s.push('\n');
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        for r in &self.rows {
            let offers: Vec<String> = r
                .offers
                .iter()
                .map(|o| match o.declined {
                    Some(x) => format!("{} (avböjt {x})", o.offered),
                    None => o.offered.to_string(),
                })
                .collect();
            let fields = [
                r.id.clone(),
                r.service.clone(),
                r.law.map(|l| l.short().to_string()).unwrap_or_default(),
                r.provision.clone().unwrap_or_default(),
                r.decision_date.to_string(),
                r.gender.letter().to_string(),
                match r.kind {
                    Kind::NotEnforced => "ej_verkställt".to_string(),
                    Kind::Interrupted => "avbrott".to_string(),
                },
                date(r.interrupted_from),
                date(r.enforced),
                date(r.closed),
                r.closed_why.clone().unwrap_or_default(),
                r.reason.map(|x| x.code().to_string()).unwrap_or_default(),
                r.reason_text.clone().unwrap_or_default(),
                r.unit.clone().unwrap_or_default(),
                offers.join(", "),
                r.days.to_string(),
            ];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            s += &line.join(";");
            s.push('\n');
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unenforced::decision::{Closure, DecisionId, Interruption};
    use crate::unenforced::rules::reportable_at;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn dec(id: &str, date: &str) -> GrantedDecision {
        let mut x = GrantedDecision::new(
            DecisionId::new(id).expect("id"),
            "LSS – kontaktperson",
            d(date),
            Gender::M,
        );
        x.reason = Some(Reason::ResourceShortage);
        x
    }

    #[test]
    fn quarters_parse_and_span_their_months() {
        let q: Quarter = "2023Q4".parse().expect("q");
        assert_eq!((q.start(), q.end()), (d("2023-10-01"), d("2023-12-31")));
        assert_eq!(
            "2024-q1".parse::<Quarter>().map(|q| q.end()),
            Ok(d("2024-03-31"))
        );
        assert_eq!(
            "2024 K2".parse::<Quarter>().map(|q| q.end()),
            Ok(d("2024-06-30"))
        );
        assert_eq!(Quarter::of(d("2023-08-25")).to_string(), "2023Q3");
        for bad in [
            "2023Q5",
            "2023Q0",
            "Q4",
            "",
            "2023",
            "abcQ1",
            "2023Q",
            "99999999999Q1",
        ] {
            assert!(bad.parse::<Quarter>().is_err(), "{bad}");
        }
    }

    #[test]
    fn carried_out_closed_and_interrupted_within_the_quarter() {
        let c = Catalogue::default_catalogue();
        let q: Quarter = "2023Q4".parse().expect("q");
        // Waiting all quarter.
        let waiting = dec("W", "2023-01-10");
        // Verkställt in the quarter after being reportable in it.
        let mut enforced = dec("E", "2023-05-02");
        enforced.enforced = Some(d("2023-11-15"));
        // Avslutat in the quarter.
        let mut closed = dec("C", "2023-06-01");
        closed.closed = Some(Closure {
            date: d("2023-10-20"),
            why: Some("avliden".into()),
        });
        // Interrupted 2023-07-01, reportable from 2023-10-02, resumed 2023-12-10.
        let mut interrupted = dec("I", "2022-03-01");
        interrupted.enforced = Some(d("2022-04-01"));
        interrupted.interruptions.push(Interruption {
            from: d("2023-07-01"),
            to: Some(d("2023-12-10")),
        });
        // Due 2023-10-01 and verkställt 2023-10-02: on 2023-10-02 it is already verkställt
        // (on or before C), so no day of the quarter is reportable.
        let mut just_in_time = dec("J", "2023-07-01");
        just_in_time.enforced = Some(d("2023-10-02"));
        // Verkställt before the quarter: not in it.
        let mut before = dec("B", "2023-01-01");
        before.enforced = Some(d("2023-09-30"));
        // Not yet three months by the quarter's end.
        let young = dec("Y", "2023-10-01");
        let all = [
            waiting,
            enforced,
            closed,
            interrupted,
            just_in_time,
            before,
            young,
        ];
        let r = IvoReport::compute(&all, &c, q);
        let ids: Vec<&str> = r.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["I", "W", "E", "C"]);
        let row = |id: &str| r.rows.iter().find(|r| r.id == id).expect("row");
        assert_eq!(row("W").state, "väntar");
        assert_eq!(row("W").days, days_waited(d("2023-01-10"), d("2023-12-31")));
        assert_eq!(row("E").state, "verkställt");
        assert_eq!(row("E").enforced, Some(d("2023-11-15")));
        assert_eq!(row("C").state, "avslutat");
        assert_eq!(row("C").closed, Some(d("2023-10-20")));
        assert_eq!(row("C").closed_why.as_deref(), Some("avliden"));
        assert_eq!(row("I").kind, Kind::Interrupted);
        assert_eq!(row("I").interrupted_from, Some(d("2023-07-01")));
        assert_eq!(row("I").enforced, Some(d("2023-12-10")));
        assert_eq!(row("I").state, "verkställt");
        assert_eq!(row("I").law, Some(Law::Lss));
        let json = serde_json::to_value(&r).expect("json");
        assert_eq!(json["quarter"], "2023Q4");
        assert_eq!(json["rows"][0]["kind"], "avbrott");
        assert_eq!(json["rows"][1]["kind"], "ej_verkställt");
        assert_eq!(json["rows"][1]["enforced"], serde_json::Value::Null);
        assert_eq!(json["rows"][1]["reason"], 2);
        let csv = r.to_csv();
        assert_eq!(csv.lines().count(), 5);
        assert!(csv.starts_with("id;insats;lag;"));
        assert!(csv.contains(
            "C;LSS – kontaktperson;LSS;9 § LSS;2023-06-01;M;ej_verkställt;;;2023-10-20;avliden;2;"
        ));
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("a;b"), "\"a;b\"");
        assert_eq!(csv_field("sa \"x\""), "\"sa \"\"x\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }

    fn arb_decision() -> impl Strategy<Value = GrantedDecision> {
        (
            0i64..700,
            prop::option::of(0i64..500),
            prop::option::of(0i64..500),
            prop::option::of((0i64..400, prop::option::of(0i64..200))),
        )
            .prop_map(|(start, enf, clo, intr)| {
                let base = d("2022-06-01") + chrono::Days::new(start as u64);
                let mut x = dec("P", &base.to_string());
                x.enforced = enf.map(|e| base + chrono::Days::new(e as u64));
                if let Some((f, t)) = intr {
                    if let Some(e) = x.enforced {
                        let from = e + chrono::Days::new(f as u64);
                        x.interruptions.push(Interruption {
                            from,
                            to: t.map(|t| from + chrono::Days::new(t as u64)),
                        });
                    }
                }
                if x.enforced.is_none() || !x.interruptions.is_empty() {
                    x.closed = clo.map(|c| Closure {
                        date: base + chrono::Days::new(c as u64),
                        why: None,
                    });
                }
                x
            })
    }

    proptest! {
        /// What a store may leave out of a report's reading (`may_count_in` false) is never
        /// in the report: not in the quarter's IVO report, not reportable on any day of it.
        #[test]
        fn what_may_be_left_out_never_counts(x in arb_decision(), qi in 0u32..12, day in 0u32..92) {
            prop_assume!(x.validate().is_empty());
            let q = Quarter::new(2022 + (qi / 4) as i32, qi % 4 + 1).expect("q");
            let c = Catalogue::default_catalogue();
            if !super::super::rules::may_count_in(&x, q.start(), q.end()) {
                prop_assert!(IvoReport::compute(std::slice::from_ref(&x), &c, q).rows.is_empty());
            }
            let at = (q.start() + chrono::Days::new(u64::from(day))).min(q.end());
            if !super::super::rules::may_count_in(&x, at, at) {
                prop_assert!(reportable_at(&x, at).is_none());
                prop_assert!(crate::unenforced::report::MonthlyReport::compute(std::slice::from_ref(&x), &c, at).rows.is_empty());
            }
        }

        /// In the report exactly when reportable on some day of the quarter, checked day by day.
        #[test]
        fn in_the_report_iff_reportable_on_some_day(x in arb_decision(), qi in 0u32..12) {
            prop_assume!(x.validate().is_empty());
            let q = Quarter::new(2022 + (qi / 4) as i32, qi % 4 + 1).expect("q");
            let c = Catalogue::default_catalogue();
            let r = IvoReport::compute(std::slice::from_ref(&x), &c, q);
            let mut day = q.start();
            let mut any = false;
            while day <= q.end() {
                any |= reportable_at(&x, day).is_some();
                day = day.succ_opt().expect("next day");
            }
            prop_assert_eq!(r.rows.len() == 1, any);
        }
    }
}
