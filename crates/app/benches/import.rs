//! Benchmark of the register of ej verkställda beslut through the store, end to end: a
//! generated CSV of 1 000 000 rows (`PARAGRAF_BENCH_ROWS` to change) imported into a fresh
//! data directory on disk, imported again (every row unchanged), and the monthly and IVO
//! reports computed from the stored register. Beside each, in the same run, the reference:
//! reading the same file with Python's csv module (and with the Rust csv crate). Prints the
//! time, the peak memory of the process during the step (VmHWM, reset before each step) and
//! the database's size against the CSV's. Run with
//! `cargo bench -p paragraf-app --bench import`. Targets (#20): import < 3 s, peak
//! < 200 MiB, database ≤ 3× the CSV; reports < 1 s.

mod common;
use common::{measure, python_reads, Rng};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use paragraf_app::unenforced;
use paragraf_core::unenforced::{Catalogue, Quarter};

/// The register as a municipality's system exports it.
fn generate(path: &Path, n: usize, catalogue: &Catalogue) {
    let names: Vec<&str> = catalogue
        .entries()
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or(NaiveDate::MIN);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("csv"));
    writeln!(
        out,
        "id;insats;beslutsdatum;kön;orsak;verkställt;avslutat;avbrott_från;avbrott_till"
    )
    .expect("write");
    for i in 0..n {
        let decided = start + Days::new(rng.below(4 * 365) as u64);
        let later =
            |r: &mut Rng, most: usize| (decided + Days::new(1 + r.below(most) as u64)).to_string();
        let gender = if rng.below(2) == 0 { "K" } else { "M" };
        let reason = 1 + rng.below(3);
        let (enforced, closed, from, to) = match rng.below(100) {
            0..=59 => (
                later(&mut rng, 200),
                String::new(),
                String::new(),
                String::new(),
            ),
            60..=64 => (
                String::new(),
                later(&mut rng, 300),
                String::new(),
                String::new(),
            ),
            65..=69 => {
                let e = decided + Days::new(1 + rng.below(100) as u64);
                let f = e + Days::new(1 + rng.below(100) as u64);
                (e.to_string(), String::new(), f.to_string(), String::new())
            }
            _ => (String::new(), String::new(), String::new(), String::new()),
        };
        writeln!(
            out,
            "B{i:07};{};{decided};{gender};{reason};{enforced};{closed};{from};{to}",
            names[rng.below(names.len())]
        )
        .expect("write");
    }
    out.flush().expect("flush");
    // On disk before anything is measured: else the store's first fsync also writes out the
    // generator's file (ext4 commits its journal whole), which is not the import's work.
    out.get_ref().sync_all().expect("sync");
}

fn rust_csv_reads(path: &Path) -> Duration {
    let t = std::time::Instant::now();
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_path(path)
        .expect("csv");
    let mut rec = csv::StringRecord::new();
    let mut n = 0usize;
    while r.read_record(&mut rec).expect("record") {
        n += 1;
    }
    assert!(n > 0);
    t.elapsed()
}

fn size_of(dir: &Path) -> u64 {
    ["paragraf.db", "paragraf.db-wal"]
        .iter()
        .filter_map(|f| std::fs::metadata(dir.join(f)).ok())
        .map(|m| m.len())
        .sum()
}

fn main() {
    let n = common::rows();
    let catalogue = Catalogue::default_catalogue();
    let tmp = tempfile::tempdir().expect("tempdir");
    let csv_path = tmp.path().join("register.csv");
    generate(&csv_path, n, &catalogue);
    let csv_bytes = std::fs::metadata(&csv_path).expect("csv").len();
    let mb = |b: u64| b as f64 / 1_000_000.0;
    println!(
        "ej verkställda beslut: {n} rader, CSV {:.1} MB",
        mb(csv_bytes)
    );

    let python = python_reads(&csv_path);
    let rust = rust_csv_reads(&csv_path);
    let reference = python.unwrap_or(rust);
    match python {
        Some(p) => println!(
            "referens: Pythons csv-modul läser filen      {:>8.2} s",
            p.as_secs_f64()
        ),
        None => println!("referens: python3 saknas; Rusts csv-läsare används"),
    }
    println!(
        "referens: Rusts csv-läsare läser filen        {:>8.2} s",
        rust.as_secs_f64()
    );

    let data = tmp.path().join("data");
    let dir = paragraf_app::DataDir::init(&data, &paragraf_app::demo::demo_config())
        .expect("data directory");
    let empty = size_of(&data);
    let import_from = |dir: &paragraf_app::DataDir, csv_path: &Path| {
        // Read from the file as it is needed, as `paragraf unenforced import` does.
        unenforced::import_csv(dir, "bench", "register.csv", csv_path, &catalogue, None)
            .expect("import")
    };
    let import = |dir: &paragraf_app::DataDir| import_from(dir, &csv_path);
    // Where the time goes: reading and checking the file alone, without the store.
    let (parsed, t_parse, m_parse) = measure(|| {
        let bytes = std::fs::read(&csv_path).expect("read");
        unenforced::parse_csv(&bytes, &catalogue)
            .expect("parse")
            .len()
    });
    assert_eq!(parsed, n);
    let (first, t_first, m_first) = measure(|| import(&dir));
    assert_eq!(first.inserted, n);
    let db = size_of(&data).saturating_sub(empty);
    let (again, t_again, m_again) = measure(|| import(&dir));
    assert_eq!(again.unchanged, n);
    // The peak does not grow with the file: a quarter of it, into a database of its own.
    let quarter = tmp.path().join("fjärdedel.csv");
    generate(&quarter, n / 4, &catalogue);
    let small = paragraf_app::DataDir::init(
        &tmp.path().join("data-fjärdedel"),
        &paragraf_app::demo::demo_config(),
    )
    .expect("data directory");
    let (_, _, m_quarter) = measure(|| import_from(&small, &quarter));
    let date = NaiveDate::from_ymd_opt(2023, 12, 31).expect("date");
    let (monthly, t_month, m_month) =
        measure(|| unenforced::monthly_report(&dir, "bench", &catalogue, date).expect("report"));
    let (ivo, t_ivo, m_ivo) = measure(|| {
        unenforced::ivo_report(&dir, "bench", &catalogue, Quarter::new(2023, 4).expect("q"))
            .expect("ivo")
    });
    let line = |what: &str, t: Duration, peak: f64, target: &str| {
        println!(
            "{what:<44} {:>8.2} s  {:>6.2}× referensen  topp {peak:>6.0} MiB  (mål {target})",
            t.as_secs_f64(),
            t.as_secs_f64() / reference.as_secs_f64(),
        );
    };
    line(
        "(läsa och pröva filen, utan databas)",
        t_parse,
        m_parse,
        "—",
    );
    line("läsa in (ny databas)", t_first, m_first, "< 3 s, < 200 MiB");
    line(
        "läsa in igen (alla oförändrade)",
        t_again,
        m_again,
        "< 3 s, < 200 MiB",
    );
    line("månadsrapport ur databasen", t_month, m_month, "< 1 s");
    line("IVO-rapport ur databasen", t_ivo, m_ivo, "< 1 s");
    println!(
        "minnet växer inte med filen: topp {m_quarter:.0} MiB vid {} rader, {m_first:.0} MiB vid {n}",
        n / 4
    );
    println!(
        "databasens storlek efter inläsningen: {:.1} MB = {:.2}× CSV-filen (mål ≤ 3×)",
        mb(db),
        db as f64 / csv_bytes as f64
    );
    println!(
        "(månadsrapporten: {} rader ej verkställda; IVO: {} rader)",
        monthly.rows.len(),
        ivo.rows.len()
    );
}
