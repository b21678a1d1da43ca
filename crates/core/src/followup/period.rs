//! Uppföljningsperiod: the span a follow-up covers. Budget follow-ups accumulate from the
//! start of the year: "januari–augusti 2023" is the delår, "januari–april" the first
//! tertial, the whole year the helår (bokslut); any other month end is a månadsuppföljning.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::FollowUpError;

pub use crate::calendar::MONTHS;

/// Periodtyp: what kind of follow-up a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    /// Månadsuppföljning.
    #[serde(rename = "månad")]
    Month,
    /// Tertialuppföljning (januari–april).
    Tertial,
    /// Delårsrapport (januari–augusti).
    #[serde(rename = "delår")]
    Interim,
    /// Helår / bokslut.
    #[serde(rename = "helår")]
    Year,
    /// Any other span.
    #[serde(rename = "annan")]
    Other,
}

impl PeriodKind {
    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            PeriodKind::Month => "månad",
            PeriodKind::Tertial => "tertial",
            PeriodKind::Interim => "delår",
            PeriodKind::Year => "helår",
            PeriodKind::Other => "period",
        }
    }
}

/// Uppföljningsperiod: from `start` to `end`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

impl Period {
    /// A period; the end may not precede the start.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Period, FollowUpError> {
        if end < start {
            return Err(FollowUpError::PeriodOrder { start, end });
        }
        Ok(Period { start, end })
    }

    /// The year to the end of `month`: `year_to(2023, 8)` is 2023-01-01/2023-08-31.
    pub fn year_to(year: i32, month: u32) -> Option<Period> {
        Some(Period {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: last_of_month(year, month)?,
        })
    }

    /// What kind of follow-up it is.
    pub fn kind(&self) -> PeriodKind {
        let from_january = self.start.month() == 1 && self.start.day() == 1;
        let month_end = self.end.succ_opt().is_none_or(|d| d.day() == 1);
        if !from_january || !month_end || self.start.year() != self.end.year() {
            return if self.start.day() == 1
                && month_end
                && self.start.month() == self.end.month()
                && self.start.year() == self.end.year()
            {
                PeriodKind::Month
            } else {
                PeriodKind::Other
            };
        }
        match self.end.month() {
            4 => PeriodKind::Tertial,
            8 => PeriodKind::Interim,
            12 => PeriodKind::Year,
            _ => PeriodKind::Month,
        }
    }

    /// The key a follow-up is stored under: the year and last month, "2023-08".
    pub fn key(&self) -> String {
        format!("{:04}-{:02}", self.end.year(), self.end.month())
    }

    /// In words: "januari–augusti 2023", "augusti 2023", "2023".
    pub fn words(&self) -> String {
        let (s, e) = (self.start, self.end);
        let m = |d: NaiveDate| MONTHS.get(d.month0() as usize).copied().unwrap_or("");
        if s.year() == e.year() && s.day() == 1 && self.kind() != PeriodKind::Other {
            if s.month() == e.month() {
                return format!("{} {}", m(e), e.year());
            }
            if s.month() == 1 && e.month() == 12 {
                return e.year().to_string();
            }
            return format!("{}–{} {}", m(s), m(e), e.year());
        }
        format!("{s} – {e}")
    }

    /// The share of the year the period covers, by months (8/12 for the delår).
    pub fn year_share(&self) -> f64 {
        let months = (self.end.year() - self.start.year()) * 12 + self.end.month() as i32
            - self.start.month() as i32
            + 1;
        f64::from(months.clamp(0, 12)) / 12.0
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.start, self.end)
    }
}

impl FromStr for Period {
    type Err = FollowUpError;

    /// "2023-08" (the year to August), "2023" (the whole year) or "2023-01-01/2023-08-31".
    fn from_str(s: &str) -> Result<Period, FollowUpError> {
        let t = s.trim();
        let bad = || FollowUpError::BadPeriod(t.chars().take(40).collect());
        if let Some((a, b)) = t.split_once('/') {
            let start = NaiveDate::parse_from_str(a.trim(), "%Y-%m-%d").map_err(|_| bad())?;
            let end = NaiveDate::parse_from_str(b.trim(), "%Y-%m-%d").map_err(|_| bad())?;
            return Period::new(start, end);
        }
        let parts: Vec<&str> = t.split('-').collect();
        let num = |p: &str, len: usize| {
            (p.len() == len && p.chars().all(|c| c.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())
                .flatten()
        };
        match parts.as_slice() {
            [y] => {
                let y = num(y, 4).ok_or_else(bad)?;
                Period::year_to(y as i32, 12).ok_or_else(bad)
            }
            [y, m] => {
                let y = num(y, 4).ok_or_else(bad)?;
                let m = num(m, 2).filter(|m| (1..=12).contains(m)).ok_or_else(bad)?;
                Period::year_to(y as i32, m).ok_or_else(bad)
            }
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_and_names() {
        let p: Period = "2023-08".parse().unwrap();
        assert_eq!(p.to_string(), "2023-01-01/2023-08-31");
        assert_eq!(p.kind(), PeriodKind::Interim);
        assert_eq!(p.words(), "januari–augusti 2023");
        assert_eq!(p.key(), "2023-08");
        assert!((p.year_share() - 8.0 / 12.0).abs() < 1e-9);
        let q: Period = "2023-01-01/2023-08-31".parse().unwrap();
        assert_eq!(p, q);
        assert_eq!(
            "2024-04".parse::<Period>().unwrap().kind(),
            PeriodKind::Tertial
        );
        assert_eq!("2024".parse::<Period>().unwrap().kind(), PeriodKind::Year);
        assert_eq!(
            "2025-07".parse::<Period>().unwrap().kind(),
            PeriodKind::Month
        );
        let feb = Period::new(d(2024, 2, 1), d(2024, 2, 29)).unwrap();
        assert_eq!(feb.kind(), PeriodKind::Month);
        assert_eq!(feb.words(), "februari 2024");
    }

    #[test]
    fn refuses_bad_periods() {
        for s in [
            "2023-13",
            "23-08",
            "",
            "2023-08-31/2023-01-01",
            "augusti",
            "2023-8",
        ] {
            assert!(s.parse::<Period>().is_err(), "{s}");
        }
        assert!(matches!(
            Period::new(d(2023, 8, 31), d(2023, 1, 1)),
            Err(FollowUpError::PeriodOrder { .. })
        ));
    }
}
