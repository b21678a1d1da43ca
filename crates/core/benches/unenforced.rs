//! Benchmark: the monthly statistics report (and the IVO report) over a generated register
//! of 1 000 000 decisions. Single-threaded. Run with
//! `cargo bench -p paragraf-core --bench unenforced`; the target is under 1 s.

use std::time::Instant;

use chrono::{Days, NaiveDate};
use paragraf_core::unenforced::{
    Catalogue, Closure, DecisionId, Gender, GrantedDecision, Interruption, IvoReport,
    MonthlyReport, Quarter, Reason,
};

/// xorshift64*: deterministic, no dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn generate(n: usize, catalogue: &Catalogue) -> Vec<GrantedDecision> {
    let names: Vec<&str> = catalogue
        .entries()
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or(NaiveDate::MIN);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    (0..n)
        .map(|i| {
            let decided = start + Days::new(rng.below(4 * 365));
            let gender = if rng.below(2) == 0 {
                Gender::K
            } else {
                Gender::M
            };
            let id = DecisionId::new(&format!("B{i}")).unwrap_or_else(|e| panic!("{e}"));
            let mut d = GrantedDecision::new(
                id,
                names[rng.below(names.len() as u64) as usize],
                decided,
                gender,
            );
            d.reason = Reason::from_code(1 + rng.below(3) as u8);
            match rng.below(100) {
                0..=59 => d.enforced = Some(decided + Days::new(rng.below(200))),
                60..=64 => {
                    d.closed = Some(Closure {
                        date: decided + Days::new(rng.below(300)),
                        why: None,
                    })
                }
                65..=69 => {
                    let e = decided + Days::new(rng.below(60));
                    d.enforced = Some(e);
                    let from = e + Days::new(rng.below(300));
                    let to = (rng.below(2) == 0).then(|| from + Days::new(rng.below(200)));
                    d.interruptions.push(Interruption { from, to });
                }
                _ => {}
            }
            d
        })
        .collect()
}

fn main() {
    let catalogue = Catalogue::default_catalogue();
    let t = Instant::now();
    let register = generate(1_000_000, &catalogue);
    let generated = t.elapsed();
    let at = NaiveDate::from_ymd_opt(2023, 11, 30).unwrap_or(NaiveDate::MIN);
    let mut best = f64::MAX;
    let mut report = None;
    for _ in 0..5 {
        let t = Instant::now();
        let r = MonthlyReport::compute(&register, &catalogue, at);
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        report = Some(r);
    }
    let t = Instant::now();
    let ivo = IvoReport::compute(&register, &catalogue, Quarter::of(at));
    let ivo_ms = t.elapsed().as_secs_f64() * 1000.0;
    let total = report.as_ref().map_or(0, |r| r.total);
    println!(
        "ej verkställda beslut: 1 000 000 beslut (genererade på {:.0} ms)",
        generated.as_secs_f64() * 1000.0
    );
    println!("  månadsrapport 2023-11-30: {total} rader, bästa av 5: {best:.1} ms (mål < 1000 ms)");
    println!(
        "  IVO-rapport {}: {} rader, {ivo_ms:.1} ms",
        Quarter::of(at),
        ivo.rows.len()
    );
    if best >= 1000.0 {
        eprintln!("för långsamt: {best:.1} ms");
        std::process::exit(1);
    }
}
