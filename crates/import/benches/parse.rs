//! Throughput of `parse_protocol` on the three seed protocols, single-threaded.
//! Run with `cargo bench -p paragraf-import` (release profile); prints MB/s.

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
    let budget = Duration::from_secs(3);
    let start = Instant::now();
    let mut rounds = 0u64;
    let mut paragraphs = 0usize;
    while start.elapsed() < budget {
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
}
