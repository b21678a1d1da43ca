//! Concurrent case registrations per second (each one transaction that bumps the series'
//! counter and writes the case), with 1, 8 and 32 writer threads, on a SQLite file and — in
//! the same run, when `PARAGRAF_TEST_POSTGRES` names a server (`scripts/bench-store` starts
//! one) — on PostgreSQL. Prints each figure and PostgreSQL's ratio to SQLite, and checks
//! that the numbers came out without a gap or a duplicate.
//!
//! `cargo bench -p paragraf-store --bench registrations` (`SECS=` per figure, default 3).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use paragraf_core::dnr::DnrPattern;
use paragraf_core::registry::Secrecy;
use paragraf_store::{NewCase, SqlStore, Store};

fn case(title: String) -> NewCase {
    NewCase {
        series: Some("KS".into()),
        class: None,
        title,
        body: None,
        secrecy: Secrecy::Public,
        registered: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
        handler: None,
    }
}

/// Registrations per second with `writers` threads for `secs`.
fn rate(store: &Arc<SqlStore>, writers: usize, secs: f64) -> f64 {
    let pattern = DnrPattern::new("{series}/{year}:{seq}").unwrap();
    let done = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let start = Instant::now();
    std::thread::scope(|s| {
        for w in 0..writers {
            let (store, done, stop, pattern) =
                (store.clone(), done.clone(), stop.clone(), pattern.clone());
            s.spawn(move || {
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    store
                        .create_case(&pattern, &case(format!("Skrivare {w}, nr {i}")), &[])
                        .expect("a registration failed");
                    done.fetch_add(1, Ordering::Relaxed);
                    i += 1;
                }
            });
        }
        std::thread::sleep(Duration::from_secs_f64(secs));
        stop.store(true, Ordering::Relaxed);
    });
    done.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64()
}

/// Every number of the series from 1 to the count, once.
fn gap_free(store: &SqlStore) {
    let mut n: Vec<u32> = store
        .cases()
        .unwrap()
        .iter()
        .map(|c| c.value.dnr.sequence())
        .collect();
    n.sort_unstable();
    assert!(
        n.iter().enumerate().all(|(i, &x)| x as usize == i + 1),
        "numbers with a gap or a duplicate"
    );
}

fn main() {
    let secs: f64 = std::env::var("SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let tmp = tempfile::tempdir().unwrap();
    let pg = std::env::var("PARAGRAF_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.is_empty());
    println!("Ärenden registrerade per sekund ({secs} s per mätning):");
    println!(
        "{:>8} {:>12} {:>12} {:>8}",
        "skrivare", "SQLite", "PostgreSQL", "kvot"
    );
    for writers in [1, 8, 32] {
        let lite = Arc::new(SqlStore::open(&tmp.path().join(format!("w{writers}.db"))).unwrap());
        let l = rate(&lite, writers, secs);
        gap_free(&lite);
        let p = pg.as_ref().map(|url| {
            let store = Arc::new(
                SqlStore::connect(
                    url,
                    Some(&format!("bench_{}_{writers}", std::process::id())),
                )
                .unwrap(),
            );
            let r = rate(&store, writers, secs);
            gap_free(&store);
            r
        });
        match p {
            Some(p) => println!("{writers:>8} {l:>12.0} {p:>12.0} {:>8.2}", p / l),
            None => println!("{writers:>8} {l:>12.0} {:>12} {:>8}", "–", "–"),
        }
    }
    if pg.is_none() {
        println!("(PostgreSQL: sätt PARAGRAF_TEST_POSTGRES, eller kör scripts/bench-store)");
    }
}
