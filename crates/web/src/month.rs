//! The month view of the meeting calendar (*sammanträdeskalender*): a grid of weeks,
//! Monday first, with week numbers, public holidays from the legal calendar and the
//! meetings of each day. Plain HTML, readable without scripts and by screen readers (a
//! table with a caption and column headers).

use chrono::{Datelike, Duration, NaiveDate};
use maud::{html, Markup};
use paragraf_core::calendar::{non_working_reason, NonWorkingReason};

/// One meeting in the grid.
pub struct Entry {
    /// The day.
    pub date: NaiveDate,
    /// What the cell shows, e.g. "13:00 Socialnämnden".
    pub label: String,
    /// A link, where there is a page to go to.
    pub href: Option<String>,
}

/// The first day of the month `yyyy-mm`, or None when it is not a month.
pub fn parse_month(s: &str) -> Option<NaiveDate> {
    let (y, m) = s.trim().split_once('-')?;
    if y.len() != 4 || m.is_empty() || m.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)
}

/// `yyyy-mm` of a date.
pub fn month_key(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// The first day of the month before and after `first`.
pub fn neighbours(first: NaiveDate) -> (NaiveDate, NaiveDate) {
    let prev = (first - Duration::days(1)).with_day(1).unwrap_or(first);
    let next = (first + Duration::days(32)).with_day(1).unwrap_or(first);
    (prev, next)
}

/// The name of a day on which no period of the cycle may end (lag 1930:173), other than
/// an ordinary weekend day.
fn day_name(day: NaiveDate) -> Option<&'static str> {
    match non_working_reason(day).ok().flatten()? {
        NonWorkingReason::Holiday(h) => Some(h.swedish_name()),
        NonWorkingReason::MidsummerEve => Some("midsommarafton"),
        NonWorkingReason::ChristmasEve => Some("julafton"),
        NonWorkingReason::NewYearsEve => Some("nyårsafton"),
        NonWorkingReason::Saturday | NonWorkingReason::Sunday => None,
    }
}

/// The grid of the month that begins on `first`.
pub fn grid(first: NaiveDate, entries: &[Entry], today: NaiveDate) -> Markup {
    const DAYS: [&str; 7] = ["Mån", "Tis", "Ons", "Tor", "Fre", "Lör", "Sön"];
    const LONG: [&str; 7] = [
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
    ];
    let start = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    let (_, next) = neighbours(first);
    let weeks: Vec<NaiveDate> = (0..6)
        .map(|w| start + Duration::days(7 * w))
        .take_while(|w| *w < next)
        .collect();
    html! {
        table class="month" {
            caption { (paragraf_app::format::month_name(first)) " " (first.year()) }
            thead { tr {
                th scope="col" { abbr title="vecka" { "v." } }
                @for (d, l) in DAYS.iter().zip(LONG) { th scope="col" { abbr title=(l) { (d) } } }
            } }
            tbody { @for w in &weeks { tr {
                th scope="row" { (w.iso_week().week()) }
                @for k in 0..7 {
                    @let day = *w + Duration::days(k);
                    @let holiday = day_name(day);
                    @let class = match (day.month() == first.month(), day == today, holiday.is_some() || k >= 5) {
                        (false, _, _) => "other",
                        (true, true, _) => "today",
                        (true, false, true) => "free",
                        _ => "",
                    };
                    td class=(class) {
                        time datetime=(day) { (day.day()) }
                        @if let Some(h) = holiday { " " span class="holiday" { (h) } }
                        @let todays: Vec<&Entry> = entries.iter().filter(|e| e.date == day).collect();
                        @if !todays.is_empty() {
                            ul { @for e in todays { li { @match &e.href {
                                Some(h) => a href=(h) { (e.label) },
                                None => (e.label),
                            } } } }
                        }
                    }
                }
            } } }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn months_parse_and_step() {
        assert_eq!(parse_month("2026-11"), Some(d("2026-11-01")));
        assert_eq!(parse_month("2026-13"), None);
        assert_eq!(parse_month("november"), None);
        assert_eq!(
            neighbours(d("2026-01-01")),
            (d("2025-12-01"), d("2026-02-01"))
        );
        assert_eq!(neighbours(d("2026-12-01")).1, d("2027-01-01"));
    }

    #[test]
    fn the_grid_has_whole_weeks_holidays_and_meetings() {
        let html = grid(
            d("2026-12-01"),
            &[Entry {
                date: d("2026-12-09"),
                label: "13:00 Socialnämnden".into(),
                href: Some("/protokoll/7".into()),
            }],
            d("2026-12-09"),
        )
        .into_string();
        // December 2026 starts on a Tuesday (week 49) and ends on a Thursday (week 53).
        assert!(html.contains("<caption>december 2026</caption>"), "{html}");
        assert!(html.contains(r#"<time datetime="2026-11-30">30</time>"#));
        assert!(html.contains(r#"<th scope="row">53</th>"#));
        assert!(
            html.contains("juldagen") && html.contains("julafton") && html.contains("nyårsafton")
        );
        assert!(html.contains(r#"<td class="today"><time datetime="2026-12-09">9</time><ul><li><a href="/protokoll/7">13:00 Socialnämnden</a>"#), "{html}");
        assert_eq!(
            html.matches("<tr>").count(),
            1 + 5,
            "a header row and five weeks"
        );
    }
}
