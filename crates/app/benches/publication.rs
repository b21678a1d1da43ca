//! The cost of one protocol's publication, on SQLite and — in the same run, when
//! `PARAGRAF_TEST_POSTGRES` names a server (`scripts/bench-store` starts one) — on
//! PostgreSQL: the demo's drafted minutes justerade by the ordförande and the justerare (the
//! second approval seals them) and posted on the anslagstavla, through the application's
//! operations as the workspace runs them. Prints milliseconds per step and in all, the
//! median of `RUNS` (default 5) fresh demo installations per database.
//!
//! `cargo bench -p paragraf-app --bench publication`

use std::time::Instant;

use chrono::{NaiveDate, TimeZone};
use paragraf_app::demo::{demo_config, populate};
use paragraf_app::meeting::cycle;
use paragraf_app::{Config, DataDir, DatabaseConfig};
use paragraf_core::meeting::MeetingState;
use paragraf_core::minutes::SignerRole;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Milliseconds of (first approval, second approval with the seal, posting).
fn publish_once(database: Option<DatabaseConfig>) -> [f64; 3] {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::init(
        &tmp.path().join("d"),
        &Config {
            database,
            ..demo_config()
        },
    )
    .unwrap();
    populate(&dir, today()).unwrap();
    let store = dir.storage_for_tests();
    let meeting = store
        .meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.state() == MeetingState::MinutesDrafted && m.source.is_none())
        .expect("the demo has drafted minutes");
    let minutes = store.minutes(meeting.id).unwrap().unwrap();
    let chair = minutes.chair().unwrap();
    let adjuster = minutes.adjusters()[0];
    let day = today();
    let at = |h: u32| {
        chrono::FixedOffset::east_opt(3600)
            .unwrap()
            .from_local_datetime(&day.and_hms_opt(h, 0, 0).unwrap())
            .single()
            .unwrap()
    };
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    cycle::approve(
        &dir,
        meeting.id,
        chair,
        SignerRole::Chair,
        vec![],
        &cycle::InAppApproval { now: at(9) },
    )
    .unwrap();
    let first = ms(t);
    let t = Instant::now();
    cycle::approve(
        &dir,
        meeting.id,
        adjuster,
        SignerRole::Adjuster,
        vec![],
        &cycle::InAppApproval { now: at(10) },
    )
    .unwrap();
    let sealed = ms(t);
    let t = Instant::now();
    cycle::post_minutes(&dir, meeting.id, day, "Kommunkansliet", day).unwrap();
    let posted = ms(t);
    [first, sealed, posted]
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let pg = std::env::var("PARAGRAF_TEST_POSTGRES").is_ok_and(|u| !u.is_empty());
    println!("Ett protokolls publicering (median av {runs}), ms:");
    println!(
        "{:>12} {:>12} {:>14} {:>10} {:>10}",
        "", "justering 1", "justering 2+sigill", "anslag", "totalt"
    );
    let mut backends = vec![("SQLite", false)];
    if pg {
        backends.push(("PostgreSQL", true));
    }
    for (name, on_pg) in backends {
        let samples: Vec<[f64; 3]> = (0..runs)
            .map(|_| {
                publish_once(if on_pg {
                    DatabaseConfig::for_tests()
                } else {
                    None
                })
            })
            .collect();
        let step = |i: usize| median(samples.iter().map(|s| s[i]).collect());
        let total = median(samples.iter().map(|s| s.iter().sum()).collect());
        println!(
            "{name:>12} {:>12.1} {:>14.1} {:>10.1} {:>10.1}",
            step(0),
            step(1),
            step(2),
            total
        );
    }
    if !pg {
        println!("(PostgreSQL: sätt PARAGRAF_TEST_POSTGRES, eller kör scripts/bench-store)");
    }
}
