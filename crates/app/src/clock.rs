//! Today and now, as the front ends give them to the operations whose rules turn on the date
//! (kallelse before the meeting day, held not before it, anslag on the day it goes up,
//! approvals never dated ahead).
//!
//! Only a build with the `test-clock` feature — the test suite's binary, never the product —
//! reads `PARAGRAF_TODAY=YYYY-MM-DD`, so that a test can play a meeting's weeks in minutes.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

/// The fixed day of a test build, when `PARAGRAF_TODAY` gives one.
pub fn fixed_today() -> Option<NaiveDate> {
    #[cfg(feature = "test-clock")]
    {
        std::env::var("PARAGRAF_TODAY")
            .ok()
            .and_then(|d| d.trim().parse().ok())
    }
    #[cfg(not(feature = "test-clock"))]
    {
        None
    }
}

/// Today (local time).
pub fn today() -> NaiveDate {
    fixed_today().unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Now (local time); on a fixed day, 23:00 of it, after anything dated that day.
pub fn now() -> DateTime<FixedOffset> {
    match fixed_today() {
        Some(d) => {
            let t = d.and_hms_opt(23, 0, 0).expect("23:00 exists");
            crate::meeting::import::swedish_offset(d)
                .from_local_datetime(&t)
                .single()
                .unwrap_or_else(|| t.and_utc().fixed_offset())
        }
        None => chrono::Local::now().fixed_offset(),
    }
}
