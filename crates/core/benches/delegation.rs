//! Benchmark: checking 100 000 delegation decisions against seed 002's delegationsordning
//! (two versions in force one after the other, a roles register of 400 holdings), and the
//! report over them. Single-threaded. Run with
//! `cargo bench -p paragraf-core --bench delegation`; the target is ≥ 200 000 rows/s.

use std::time::Instant;

use chrono::{Days, NaiveDate};
use paragraf_core::delegation::{
    Checker, DecisionRow, DelegationOrder, DelegationReport, Outcome, RoleHolder,
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
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const UNITS: [&str; 6] = [
    "SoL Biståndsenheten",
    "LSS Biståndsenheten",
    "Ekonomi- och vuxenheten",
    "Familjerätten",
    "Utredningsgruppen",
    "Insatsgruppen",
];
const OTHER_ROLES: [&str; 3] = ["Ekonomiassistent", "Kommunikatör", "Enhetschef"];

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/gold/delegation-002.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let first: DelegationOrder = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let mut second = first.clone();
    second.revised = NaiveDate::from_ymd_opt(2024, 9, 1);
    second.items.retain(|i| i.number != "11.20");
    let start = NaiveDate::from_ymd_opt(2024, 4, 16).unwrap_or(NaiveDate::MIN);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let holders: Vec<RoleHolder> = (0..400)
        .map(|i| RoleHolder {
            person: format!("Person {i}"),
            role: [
                "Biståndshandläggare",
                "Socialsekreterare",
                "Samordnare",
                "Enhetschef",
            ][i % 4]
                .to_string(),
            from: start,
            to: None,
        })
        .collect();
    let items = &first.items;
    let rows: Vec<DecisionRow> = (0..100_000)
        .map(|_| {
            let item = &items[rng.below(items.len())];
            let roles: Vec<&str> = item.all_roles().collect();
            let role = if rng.below(10) == 0 || roles.is_empty() {
                OTHER_ROLES[rng.below(OTHER_ROLES.len())]
            } else {
                roles[rng.below(roles.len())]
            };
            DecisionRow {
                item: if rng.below(200) == 0 {
                    "99.1".to_string()
                } else {
                    item.number.clone()
                },
                level: None,
                date: start + Days::new(rng.below(250) as u64),
                decided_by: format!("Person {}", rng.below(800)),
                role: role.to_string(),
                unit: UNITS[rng.below(UNITS.len())].to_string(),
                decision: format!("Beslut enligt {}", item.number),
                outcome: [Outcome::Bifall, Outcome::Avslag, Outcome::Annat][rng.below(3)],
            }
        })
        .collect();
    let t = Instant::now();
    let checker = Checker::new(&[first, second], &holders, &[]);
    let prepare_ms = t.elapsed().as_secs_f64() * 1000.0;
    let mut best = f64::MAX;
    let mut bad = 0;
    for _ in 0..5 {
        let t = Instant::now();
        bad = rows.iter().filter(|r| checker.check(r).is_err()).count();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let per_second = rows.len() as f64 / best;
    let t = Instant::now();
    let report = DelegationReport::compute(&rows, start, start + Days::new(365));
    let report_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!("delegationsbeslut: {} rader mot delegationsordningen i seed 002 (2 versioner, 400 befattningar; förberedd på {prepare_ms:.1} ms)", rows.len());
    println!(
        "  kontroll, bästa av 5: {:.1} ms = {:.0} rader/s ({bad} rader med fel) (mål ≥ 200 000 rader/s)",
        best * 1000.0,
        per_second
    );
    println!(
        "  rapport: {} beslut i {} enheter, {report_ms:.1} ms",
        report.total,
        report.units.len()
    );
    if per_second < 200_000.0 {
        eprintln!("för långsamt: {per_second:.0} rader/s");
        std::process::exit(1);
    }
}
