//! Throughput of `parse_protocol` on the three seed protocols, single-threaded.
//! Run with `cargo bench -p paragraf-import` (release profile); prints MB/s, and the
//! time per page of PDF extraction (pdftotext) on seed 004 as rendered by Paragraf.

use std::time::{Duration, Instant};

fn seed(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let path = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .expect("seed");
    std::fs::read_to_string(path).expect("read seed")
}

fn main() {
    let seeds: Vec<String> = ["000_", "001_", "004_"].iter().map(|p| seed(p)).collect();
    let bytes_per_round: usize = seeds.iter().map(String::len).sum();
    // Warm up (regex compilation, caches).
    for s in &seeds {
        let _ = std::hint::black_box(paragraf_import::parse_protocol(s));
    }
    // PARSE_ROUNDS=N runs exactly N rounds and skips the PDF part: for counting
    // instructions (valgrind --tool=callgrind), which the machine's noise does not touch.
    let fixed: Option<u64> = std::env::var("PARSE_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok());
    let budget = Duration::from_secs(3);
    let start = Instant::now();
    let mut rounds = 0u64;
    let mut paragraphs = 0usize;
    while fixed.map_or(start.elapsed() < budget, |n| rounds < n) {
        for s in &seeds {
            if let Ok(p) = paragraf_import::parse_protocol(std::hint::black_box(s)) {
                paragraphs += p.paragraphs.len();
            }
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes_per_round as f64 * rounds as f64) / 1_000_000.0;
    println!(
        "parse_protocol: {rounds} rounds × {} bytes ({} paragraphs/round) in {secs:.2} s = {:.1} MB/s single-threaded",
        bytes_per_round,
        paragraphs / rounds.max(1) as usize,
        mb / secs
    );
    if fixed.is_none() {
        pdf_extraction();
    }
}

/// Time per page of `pdf_to_text` (poppler's pdftotext, a child process per file).
fn pdf_extraction() {
    let path = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/pdf/protokoll-004-rendered.pdf"
    ));
    if let Err(e) = paragraf_import::pdf_to_text(path) {
        println!("pdf_to_text: not measured ({e})");
        return;
    }
    // The page count from poppler's pdfinfo ("Pages: 22").
    let pages = std::process::Command::new("pdfinfo")
        .arg(path)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse::<usize>()))
                .and_then(Result::ok)
        })
        .unwrap_or(1);
    let rounds = 20u32;
    let start = Instant::now();
    for _ in 0..rounds {
        let _ = std::hint::black_box(paragraf_import::pdf_to_text(path));
    }
    let per_file = start.elapsed() / rounds;
    println!(
        "pdf_to_text: {pages} pages in {:.1} ms = {:.2} ms/page (pdftotext -layout)",
        per_file.as_secs_f64() * 1000.0,
        per_file.as_secs_f64() * 1000.0 / pages as f64
    );
}
