//! Benchmark of delegation decisions through the store, end to end: seed 002's
//! delegationsordning stored, then a generated decision list of 1 000 000 rows
//! (`PARAGRAF_BENCH_ROWS` to change; every row within the order) checked and imported into
//! a fresh data directory on disk, and the delegation report over one month of them (the
//! statistics, and apart from them the ANMÄLAN lists, with the size of each). Beside
//! each, in the same run, the reference: reading the same file with Python's csv module.
//! Prints the time and the peak memory during the step (VmHWM, reset before it). Run with
//! `cargo bench -p paragraf-app --bench delegation_import`. Targets (#20): import < 3 s,
//! peak < 200 MiB; the report over a month < 1 s.

mod common;
use common::{measure, python_reads, Rng};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use paragraf_core::delegation::{Checker, DecisionRow, DelegationOrder, Outcome};

/// A decision list as the units report it: every row a delegate of its item deciding it,
/// the decision named by its type as units do (seed 002's list: 75 types in 1 775 rows).
fn generate(path: &Path, n: usize, order: &DelegationOrder, start: NaiveDate) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let items: Vec<_> = order
        .items
        .iter()
        .filter(|i| i.all_roles().next().is_some())
        .collect();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("csv"));
    writeln!(out, "punkt;datum;beslutsfattare;roll;enhet;beslut;utfall").expect("write");
    // Only rows the order allows: the check itself picks them.
    let checker = Checker::new(std::slice::from_ref(order), &[], &[]);
    let mut i = 0;
    while i < n {
        let item = items[rng.below(items.len())];
        let roles: Vec<&str> = item.all_roles().collect();
        let role = roles[rng.below(roles.len())];
        let date = start + Days::new(rng.below(240) as u64);
        let row = DecisionRow {
            item: item.number.clone(),
            level: None,
            date,
            decided_by: "Person".into(),
            role: role.into(),
            unit: "Biståndsenheten".into(),
            decision: "Beslut".into(),
            outcome: Outcome::Bifall,
        };
        if checker.check(&row).is_err() {
            continue;
        }
        i += 1;
        writeln!(
            out,
            "{};{date};Person {};{role};Biståndsenheten;Bifall enligt punkt {};bifall",
            item.number,
            rng.below(400),
            item.number
        )
        .expect("write");
    }
    out.flush().expect("flush");
    // On disk before anything is measured: else the store's first fsync also writes out the
    // generator's file (ext4 commits its journal whole), which is not the import's work.
    out.get_ref().sync_all().expect("sync");
}

fn main() {
    let n = common::rows();
    let gold = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/gold/delegation-002.json"
    );
    let order: DelegationOrder =
        serde_json::from_str(&std::fs::read_to_string(gold).expect("gold")).expect("order");
    let start = NaiveDate::from_ymd_opt(2024, 4, 16).expect("date");
    let tmp = tempfile::tempdir().expect("tempdir");
    let csv_path = tmp.path().join("beslut.csv");
    generate(&csv_path, n, &order, start);
    let csv_bytes = std::fs::metadata(&csv_path).expect("csv").len();
    println!(
        "delegationsbeslut: {n} rader, CSV {:.1} MB",
        csv_bytes as f64 / 1e6
    );
    let reference = python_reads(&csv_path);
    match reference {
        Some(p) => println!(
            "referens: Pythons csv-modul läser filen      {:>8.2} s",
            p.as_secs_f64()
        ),
        None => println!("referens: python3 saknas"),
    }
    let dir =
        paragraf_app::DataDir::init(&tmp.path().join("data"), &paragraf_app::demo::demo_config())
            .expect("data directory");
    dir.storage_for_tests()
        .add_order(&order, Some("002"))
        .expect("order");
    // Where the time goes: reading and checking alone, without the store.
    let (_, t_read, _) = measure(|| {
        let bytes = std::fs::read(&csv_path).expect("read");
        let rows = paragraf_app::delegation::parse_decisions_csv(&bytes).expect("parse");
        let checker =
            paragraf_core::delegation::Checker::new(std::slice::from_ref(&order), &[], &[]);
        paragraf_app::delegation::check_rows(&checker, &rows).expect("check");
    });
    // Read from the file as it is needed, as `paragraf delegation decisions import` does.
    let import = |dir: &paragraf_app::DataDir, path: &Path| {
        paragraf_app::delegation::import_decisions(dir, "beslut.csv", path).expect("import")
    };
    let (imported, t_import, m_import) = measure(|| import(&dir, &csv_path));
    assert_eq!(imported.rows, n);
    // The peak does not grow with the file: a quarter of it, into a database of its own.
    let quarter = tmp.path().join("fjärdedel.csv");
    generate(&quarter, n / 4, &order, start);
    let small = paragraf_app::DataDir::init(
        &tmp.path().join("data-fjärdedel"),
        &paragraf_app::demo::demo_config(),
    )
    .expect("data directory");
    small
        .storage_for_tests()
        .add_order(&order, Some("002"))
        .expect("order");
    let (_, _, m_quarter) = measure(|| import(&small, &quarter));
    let month = |d: NaiveDate| (d, d + Days::new(30));
    let (from, to) = month(start + Days::new(60));
    let (report, t_report, m_report) =
        measure(|| paragraf_app::delegation::report(&dir, from, to).expect("report"));
    // A "month" of every decision: the statistics over all of them.
    let (all, t_all, m_all) = measure(|| {
        paragraf_app::delegation::report(&dir, start, start + Days::new(240)).expect("report")
    });
    assert_eq!(all.total as usize, n);
    let (lists, t_lists, m_lists) =
        measure(|| paragraf_app::delegation::notices(&dir, from, to).expect("lists"));
    let mb = |bytes: usize| bytes as f64 / 1e6;
    let stats_size = serde_json::to_vec(&report).expect("json").len();
    let lists_size: usize = lists
        .iter()
        .map(|l| serde_json::to_vec(l).expect("json").len() + 1)
        .sum();
    let line = |what: &str, t: Duration, peak: f64, target: &str| {
        let ratio = reference.map_or(String::from("—"), |r| {
            format!("{:.2}×", t.as_secs_f64() / r.as_secs_f64())
        });
        println!(
            "{what:<44} {:>8.2} s  {ratio:>6} referensen  topp {peak:>6.0} MiB  (mål {target})",
            t.as_secs_f64()
        );
    };
    line(
        "läsa in och pröva mot ordningen",
        t_import,
        m_import,
        "< 3 s, < 200 MiB",
    );
    println!(
        "  varav läsa och pröva utan att spara         {:>8.2} s",
        t_read.as_secs_f64()
    );
    line("delegationsrapport, en månad", t_report, m_report, "< 1 s");
    line(
        &format!("delegationsrapport, alla {n} beslut"),
        t_all,
        m_all,
        "< 1 s",
    );
    line("anmälningslistorna, samma månad", t_lists, m_lists, "—");
    println!(
        "utdata: statistiken {:.3} MB JSON, listorna för sig {:.1} MB (JSON Lines, `delegation notices`)",
        mb(stats_size),
        mb(lists_size)
    );
    println!(
        "minnet växer inte med filen: topp {m_quarter:.0} MiB vid {} rader, {m_import:.0} MiB vid {n}",
        n / 4
    );
    println!("(rapporten: {} beslut {from}–{to})", report.total);
}
