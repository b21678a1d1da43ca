//! Den lagstadgade kalendern: Swedish public holidays, the rule of lag (1930:173) om
//! beräkning av lagstadgad tid, and the legal dates of the meeting cycle.
//!
//! Everything here is a pure function of dates. Years outside [`FIRST_YEAR`]..=[`LAST_YEAR`]
//! are refused with [`CalendarError::YearOutOfRange`] rather than answered with a guess.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Swedish month names, January first.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// The first year whose holidays this module knows.
pub const FIRST_YEAR: i32 = 1900;
/// The last year whose holidays this module knows.
pub const LAST_YEAR: i32 = 2200;

/// Errors of the legal calendar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The year is outside the range the calendar covers.
    #[error("året {0} ligger utanför kalenderns omfång ({FIRST_YEAR}–{LAST_YEAR})")]
    YearOutOfRange(i32),
    /// A date given in the wrong order (for example justering before the meeting).
    #[error("{later} ({later_date}) kan inte ligga före {earlier} ({earlier_date})")]
    OutOfOrder {
        /// What should come first.
        earlier: &'static str,
        /// Its date.
        earlier_date: NaiveDate,
        /// What should come later.
        later: &'static str,
        /// Its date.
        later_date: NaiveDate,
    },
}

/// Allmän helgdag: a Swedish public holiday (lag (1989:253) om allmänna helgdagar).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    /// Nyårsdagen, 1 January.
    NewYearsDay,
    /// Trettondedag jul, 6 January.
    Epiphany,
    /// Långfredagen, the Friday before Easter.
    GoodFriday,
    /// Påskdagen.
    EasterSunday,
    /// Annandag påsk.
    EasterMonday,
    /// Första maj.
    MayDay,
    /// Kristi himmelsfärdsdag, 39 days after Easter.
    AscensionDay,
    /// Pingstdagen, 49 days after Easter.
    Whitsunday,
    /// Annandag pingst, a holiday until 2004.
    WhitMonday,
    /// Sveriges nationaldag, 6 June, a holiday from 2005.
    NationalDay,
    /// Midsommardagen: the Saturday 20–26 June (24 June before 1953).
    MidsummerDay,
    /// Alla helgons dag: the Saturday 31 October – 6 November (1 November before 1953).
    AllSaintsDay,
    /// Juldagen, 25 December.
    ChristmasDay,
    /// Annandag jul, 26 December.
    BoxingDay,
}

impl Holiday {
    /// The Swedish name, as users read it.
    pub fn swedish_name(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "nyårsdagen",
            Holiday::Epiphany => "trettondedag jul",
            Holiday::GoodFriday => "långfredagen",
            Holiday::EasterSunday => "påskdagen",
            Holiday::EasterMonday => "annandag påsk",
            Holiday::MayDay => "första maj",
            Holiday::AscensionDay => "Kristi himmelsfärdsdag",
            Holiday::Whitsunday => "pingstdagen",
            Holiday::WhitMonday => "annandag pingst",
            Holiday::NationalDay => "Sveriges nationaldag",
            Holiday::MidsummerDay => "midsommardagen",
            Holiday::AllSaintsDay => "alla helgons dag",
            Holiday::ChristmasDay => "juldagen",
            Holiday::BoxingDay => "annandag jul",
        }
    }
}

fn check_year(year: i32) -> Result<(), CalendarError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(CalendarError::YearOutOfRange(year))
    }
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    // Only called with month/day pairs that exist in every year.
    NaiveDate::from_ymd_opt(year, month, day).expect("fixed calendar date exists")
}

/// Påskdagen of `year` by the Gregorian computus (the anonymous algorithm of Meeus, Jones
/// and Butcher).
pub fn easter_sunday(year: i32) -> Result<NaiveDate, CalendarError> {
    check_year(year)?;
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Ok(ymd(year, month as u32, day as u32))
}

/// The first `weekday` on or after `from`.
fn first_weekday_from(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Days::new(u64::from(ahead))
}

/// Every public holiday of `year`, in date order.
pub fn holidays(year: i32) -> Result<Vec<(NaiveDate, Holiday)>, CalendarError> {
    let easter = easter_sunday(year)?;
    let from_easter = |days: i64| easter + chrono::Duration::days(days);
    let mut list = vec![
        (ymd(year, 1, 1), Holiday::NewYearsDay),
        (ymd(year, 1, 6), Holiday::Epiphany),
        (from_easter(-2), Holiday::GoodFriday),
        (easter, Holiday::EasterSunday),
        (from_easter(1), Holiday::EasterMonday),
        (ymd(year, 5, 1), Holiday::MayDay),
        (from_easter(39), Holiday::AscensionDay),
        (from_easter(49), Holiday::Whitsunday),
        (ymd(year, 12, 25), Holiday::ChristmasDay),
        (ymd(year, 12, 26), Holiday::BoxingDay),
    ];
    if year <= 2004 {
        list.push((from_easter(50), Holiday::WhitMonday));
    } else {
        list.push((ymd(year, 6, 6), Holiday::NationalDay));
    }
    if year >= 1953 {
        list.push((
            first_weekday_from(ymd(year, 6, 20), Weekday::Sat),
            Holiday::MidsummerDay,
        ));
        list.push((
            first_weekday_from(ymd(year, 10, 31), Weekday::Sat),
            Holiday::AllSaintsDay,
        ));
    } else {
        list.push((ymd(year, 6, 24), Holiday::MidsummerDay));
        list.push((ymd(year, 11, 1), Holiday::AllSaintsDay));
    }
    list.sort_by_key(|(date, _)| *date);
    Ok(list)
}

/// The public holiday on `date`, if any.
pub fn holiday_on(date: NaiveDate) -> Result<Option<Holiday>, CalendarError> {
    Ok(holidays(date.year())?
        .into_iter()
        .find(|(d, _)| *d == date)
        .map(|(_, h)| h))
}

/// Why a day does not count as the last day of a statutory period under lag (1930:173).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NonWorkingReason {
    /// Lördag.
    Saturday,
    /// Söndag.
    Sunday,
    /// Allmän helgdag.
    Holiday(Holiday),
    /// Midsommarafton, the Friday before midsommardagen.
    MidsummerEve,
    /// Julafton, 24 December.
    ChristmasEve,
    /// Nyårsafton, 31 December.
    NewYearsEve,
}

/// Whether a period ending on `date` runs on to the next day under lag (1930:173), and why.
pub fn non_working_reason(date: NaiveDate) -> Result<Option<NonWorkingReason>, CalendarError> {
    if let Some(h) = holiday_on(date)? {
        return Ok(Some(NonWorkingReason::Holiday(h)));
    }
    Ok(match date.weekday() {
        Weekday::Sat => Some(NonWorkingReason::Saturday),
        Weekday::Sun => Some(NonWorkingReason::Sunday),
        _ if (date.month(), date.day()) == (12, 24) => Some(NonWorkingReason::ChristmasEve),
        _ if (date.month(), date.day()) == (12, 31) => Some(NonWorkingReason::NewYearsEve),
        _ if is_midsummer_eve(date)? => Some(NonWorkingReason::MidsummerEve),
        _ => None,
    })
}

fn is_midsummer_eve(date: NaiveDate) -> Result<bool, CalendarError> {
    let next = date + Days::new(1);
    Ok(holiday_on(next)? == Some(Holiday::MidsummerDay))
}

/// Lag (1930:173): when the last day of a period is a Saturday, Sunday, public holiday,
/// midsommarafton, julafton or nyårsafton, the period runs to the next weekday that is none
/// of these.
pub fn extend_to_weekday(last_day: NaiveDate) -> Result<NaiveDate, CalendarError> {
    let mut day = last_day;
    while non_working_reason(day)?.is_some() {
        day = day + Days::new(1);
    }
    Ok(day)
}

/// How many days after the meeting the minutes must be adjusted at the latest (KL 5 kap. 69 §).
pub const ADJUSTMENT_DAYS: u64 = 14;
/// The anslag goes up no later than the second day after justering (KL 8 kap. 12 §).
pub const POSTING_DAYS: u64 = 2;
/// An appeal must arrive within three weeks from the day of posting (KL 13 kap. 5 §).
pub const APPEAL_DAYS: u64 = 21;

/// The legal dates of one meeting's cycle. A date is `None` when what it depends on has
/// not happened yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleDeadlines {
    /// Senaste dag för justering: 14 days after the meeting (KL 5 kap. 69 §).
    pub adjustment_deadline: NaiveDate,
    /// Senaste dag för anslag: the second day after justering (KL 8 kap. 12 §).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posting_deadline: Option<NaiveDate>,
    /// Sista dag för överklagande: three weeks from the posting day (KL 13 kap. 5 §).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appeal_ends: Option<NaiveDate>,
    /// Första dag då anslaget får tas ned: the day after the appeal period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_removable_from: Option<NaiveDate>,
}

/// Computes the legal dates of a meeting's cycle. Each period is extended by lag (1930:173).
/// `adjusted` is the day of justering, `posted` the day the anslag went up.
pub fn cycle_deadlines(
    meeting: NaiveDate,
    adjusted: Option<NaiveDate>,
    posted: Option<NaiveDate>,
) -> Result<CycleDeadlines, CalendarError> {
    if let Some(adj) = adjusted {
        if adj < meeting {
            return Err(CalendarError::OutOfOrder {
                earlier: "sammanträdet",
                earlier_date: meeting,
                later: "justeringen",
                later_date: adj,
            });
        }
    }
    if let Some(post) = posted {
        let (earlier, earlier_date) = match adjusted {
            Some(adj) => ("justeringen", adj),
            None => ("sammanträdet", meeting),
        };
        if post < earlier_date {
            return Err(CalendarError::OutOfOrder {
                earlier,
                earlier_date,
                later: "anslaget",
                later_date: post,
            });
        }
    }
    let adjustment_deadline = extend_to_weekday(meeting + Days::new(ADJUSTMENT_DAYS))?;
    let posting_deadline = adjusted
        .map(|a| extend_to_weekday(a + Days::new(POSTING_DAYS)))
        .transpose()?;
    let appeal_ends = posted.map(appeal_ends).transpose()?;
    Ok(CycleDeadlines {
        adjustment_deadline,
        posting_deadline,
        appeal_ends,
        notice_removable_from: appeal_ends.map(|d| d + Days::new(1)),
    })
}

/// Sista dag för överklagande for an anslag posted on `posted` (KL 13 kap. 5 §, lag (1930:173)).
pub fn appeal_ends(posted: NaiveDate) -> Result<NaiveDate, CalendarError> {
    extend_to_weekday(posted + Days::new(APPEAL_DAYS))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The official list of Swedish public holidays 2024–2026 (as published in the almanac).
    #[test]
    fn holidays_2024_to_2026_match_the_official_list() {
        let official: [(i32, &[&str]); 3] = [
            (
                2024,
                &[
                    "2024-01-01",
                    "2024-01-06",
                    "2024-03-29",
                    "2024-03-31",
                    "2024-04-01",
                    "2024-05-01",
                    "2024-05-09",
                    "2024-05-19",
                    "2024-06-06",
                    "2024-06-22",
                    "2024-11-02",
                    "2024-12-25",
                    "2024-12-26",
                ],
            ),
            (
                2025,
                &[
                    "2025-01-01",
                    "2025-01-06",
                    "2025-04-18",
                    "2025-04-20",
                    "2025-04-21",
                    "2025-05-01",
                    "2025-05-29",
                    "2025-06-06",
                    "2025-06-08",
                    "2025-06-21",
                    "2025-11-01",
                    "2025-12-25",
                    "2025-12-26",
                ],
            ),
            (
                2026,
                &[
                    "2026-01-01",
                    "2026-01-06",
                    "2026-04-03",
                    "2026-04-05",
                    "2026-04-06",
                    "2026-05-01",
                    "2026-05-14",
                    "2026-05-24",
                    "2026-06-06",
                    "2026-06-20",
                    "2026-10-31",
                    "2026-12-25",
                    "2026-12-26",
                ],
            ),
        ];
        for (year, dates) in official {
            let got: Vec<NaiveDate> = holidays(year)
                .unwrap()
                .into_iter()
                .map(|(d, _)| d)
                .collect();
            let want: Vec<NaiveDate> = dates.iter().map(|s| d(s)).collect();
            assert_eq!(got, want, "holidays of {year}");
        }
    }

    /// Gauss's Easter algorithm with its two Gregorian exceptions: an independent check of
    /// the computus used above.
    fn gauss_easter(year: i32) -> NaiveDate {
        let a = year % 19;
        let b = year % 4;
        let c = year % 7;
        let k = year / 100;
        let p = (13 + 8 * k) / 25;
        let q = k / 4;
        let m = (15 - p + k - q) % 30;
        let n = (4 + k - q) % 7;
        let dd = (19 * a + m) % 30;
        let e = (2 * b + 4 * c + 6 * dd + n) % 7;
        let mut days_after_march_22 = dd + e;
        if dd == 29 && e == 6 {
            days_after_march_22 -= 7; // 26 April becomes 19 April
        } else if dd == 28 && e == 6 && (11 * m + 11) % 30 < 19 {
            days_after_march_22 -= 7; // 25 April becomes 18 April
        }
        ymd(year, 3, 22) + chrono::Duration::days(i64::from(days_after_march_22))
    }

    #[test]
    fn easter_1900_to_2200_agrees_with_gauss() {
        for year in FIRST_YEAR..=LAST_YEAR {
            let e = easter_sunday(year).unwrap();
            assert_eq!(e, gauss_easter(year), "Easter {year}");
            assert_eq!(e.weekday(), Weekday::Sun);
            assert!(e >= ymd(year, 3, 22) && e <= ymd(year, 4, 25));
        }
        // Known dates, including the rare extremes.
        assert_eq!(easter_sunday(1913).unwrap(), d("1913-03-23"));
        assert_eq!(easter_sunday(1943).unwrap(), d("1943-04-25"));
        assert_eq!(easter_sunday(2008).unwrap(), d("2008-03-23"));
        assert_eq!(easter_sunday(2038).unwrap(), d("2038-04-25"));
        assert_eq!(easter_sunday(2200).unwrap(), d("2200-04-06"));
    }

    #[test]
    fn years_outside_the_range_are_refused() {
        assert_eq!(holidays(1899), Err(CalendarError::YearOutOfRange(1899)));
        assert_eq!(
            easter_sunday(2201),
            Err(CalendarError::YearOutOfRange(2201))
        );
    }

    #[test]
    fn historical_rules_before_1953_and_2005() {
        let h = |y| holidays(y).unwrap();
        assert!(h(1950).contains(&(d("1950-06-24"), Holiday::MidsummerDay)));
        assert!(h(1950).contains(&(d("1950-11-01"), Holiday::AllSaintsDay)));
        assert!(h(2004).iter().any(|(_, x)| *x == Holiday::WhitMonday));
        assert!(!h(2004).iter().any(|(_, x)| *x == Holiday::NationalDay));
        assert!(h(2005).contains(&(d("2005-06-06"), Holiday::NationalDay)));
    }

    #[test]
    fn periods_ending_on_eves_and_holidays_run_to_the_next_weekday() {
        // Midsommarafton 2025-06-20 (Fri) → Monday 23 June.
        assert_eq!(
            non_working_reason(d("2025-06-20")).unwrap(),
            Some(NonWorkingReason::MidsummerEve)
        );
        assert_eq!(extend_to_weekday(d("2025-06-20")).unwrap(), d("2025-06-23"));
        // Julafton 2024-12-24 (Tue) → 24, 25, 26 closed → Friday 27 December.
        assert_eq!(extend_to_weekday(d("2024-12-24")).unwrap(), d("2024-12-27"));
        // Nyårsafton 2025-12-31 (Wed) → nyårsdagen → Friday 2 January 2026.
        assert_eq!(extend_to_weekday(d("2025-12-31")).unwrap(), d("2026-01-02"));
        // Annandag påsk 2025-04-21 → Tuesday 22 April.
        assert_eq!(extend_to_weekday(d("2025-04-21")).unwrap(), d("2025-04-22"));
        // Långfredagen 2024-03-29 → Saturday, Easter Sunday, Easter Monday → Tuesday 2 April.
        assert_eq!(extend_to_weekday(d("2024-03-29")).unwrap(), d("2024-04-02"));
        // Kristi himmelsfärdsdag 2026-05-14 (Thu) → Friday 15 May.
        assert_eq!(extend_to_weekday(d("2026-05-14")).unwrap(), d("2026-05-15"));
        // A plain Wednesday stays.
        assert_eq!(extend_to_weekday(d("2025-09-03")).unwrap(), d("2025-09-03"));
    }

    /// Seed 000: meeting 2025-09-01, justering 2025-09-03, anslag 2025-09-08, taken down 2025-09-30.
    #[test]
    fn seed_000_cycle() {
        let c = cycle_deadlines(
            d("2025-09-01"),
            Some(d("2025-09-03")),
            Some(d("2025-09-08")),
        )
        .unwrap();
        assert_eq!(c.adjustment_deadline, d("2025-09-15"));
        assert_eq!(c.posting_deadline, Some(d("2025-09-05")));
        assert_eq!(c.appeal_ends, Some(d("2025-09-29")));
        assert_eq!(c.notice_removable_from, Some(d("2025-09-30")));
    }

    /// Seed 004: meeting 2024-01-29 (Monday); 14 days on is Monday 12 February.
    #[test]
    fn seed_004_adjustment_deadline() {
        let c = cycle_deadlines(d("2024-01-29"), None, None).unwrap();
        assert_eq!(c.adjustment_deadline, d("2024-02-12"));
        assert_eq!(c.posting_deadline, None);
        assert_eq!(c.appeal_ends, None);
    }

    #[test]
    fn cycle_across_easter_midsummer_and_year_end() {
        // Posted Thursday 2025-03-27: 21 days on is Thursday 17 April; not extended.
        assert_eq!(appeal_ends(d("2025-03-27")).unwrap(), d("2025-04-17"));
        // Posted 2025-03-28: 21 days on is långfredagen 18 April → Tuesday 22 April.
        assert_eq!(appeal_ends(d("2025-03-28")).unwrap(), d("2025-04-22"));
        // Posted 2025-05-30: 21 days on is midsommarafton 20 June → Monday 23 June.
        assert_eq!(appeal_ends(d("2025-05-30")).unwrap(), d("2025-06-23"));
        // Posted 2025-12-03: 21 days on is julafton → Monday 29 December.
        assert_eq!(appeal_ends(d("2025-12-03")).unwrap(), d("2025-12-29"));
        // Posted 2025-12-10: 21 days on is nyårsafton → Friday 2 January 2026.
        assert_eq!(appeal_ends(d("2025-12-10")).unwrap(), d("2026-01-02"));
        // Meeting 2024-12-12: 14 days on is annandag jul → Friday 27 December.
        let c = cycle_deadlines(d("2024-12-12"), Some(d("2024-12-20")), None).unwrap();
        assert_eq!(c.adjustment_deadline, d("2024-12-27"));
        // Justering Friday 20 December: second day after is Sunday 22 → Monday 23 December.
        assert_eq!(c.posting_deadline, Some(d("2024-12-23")));
    }

    #[test]
    fn dates_out_of_order_are_refused() {
        let err = cycle_deadlines(d("2025-09-01"), Some(d("2025-08-30")), None).unwrap_err();
        assert!(err.to_string().contains("justeringen"), "{err}");
        let err = cycle_deadlines(
            d("2025-09-01"),
            Some(d("2025-09-03")),
            Some(d("2025-09-02")),
        )
        .unwrap_err();
        assert!(err.to_string().contains("anslaget"), "{err}");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn any_date() -> impl Strategy<Value = NaiveDate> {
            // Postings from 1900 up to late 2200 minus the appeal period and some slack.
            (0i64..109_500).prop_map(|n| ymd(1900, 1, 1) + chrono::Duration::days(n))
        }

        proptest! {
            #[test]
            fn appeal_ends_is_a_working_day_at_least_21_days_on(posted in any_date()) {
                let end = appeal_ends(posted).unwrap();
                prop_assert!(end >= posted + Days::new(21));
                prop_assert!(!matches!(end.weekday(), Weekday::Sat | Weekday::Sun));
                prop_assert_eq!(holiday_on(end).unwrap(), None);
                prop_assert_eq!(non_working_reason(end).unwrap(), None);
                // Minimal: every day between the nominal end and the result is non-working.
                let mut day = posted + Days::new(21);
                while day < end {
                    prop_assert!(non_working_reason(day).unwrap().is_some());
                    day = day + Days::new(1);
                }
            }

            #[test]
            fn every_year_has_its_holidays_once(year in FIRST_YEAR..=LAST_YEAR) {
                let list = holidays(year).unwrap();
                prop_assert_eq!(list.len(), 13);
                prop_assert!(list.iter().all(|(d, _)| d.year() == year));
                // Two holidays may share a day (Kristi himmelsfärd on första maj in 2008).
                prop_assert!(list.windows(2).all(|w| w[0].0 <= w[1].0));
            }
        }
    }
}
