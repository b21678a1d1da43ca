//! What the application's benchmarks share: a deterministic generator, the peak memory of
//! a step, and the reference (Python's csv module reading the same file).

use std::path::Path;
use std::time::{Duration, Instant};

/// xorshift64*: deterministic, no dependencies.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Peak resident memory since the last reset, in MiB (Linux; 0 elsewhere).
fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
extern "C" {
    /// glibc: gives the heap's free memory back to the system.
    fn malloc_trim(pad: usize) -> std::ffi::c_int;
}

/// Runs `f`: its result, its time and the peak memory during it (VmHWM reset before it,
/// Linux ≥ 4.0; the heap a step before freed is given back first, so that it is not
/// counted as this step's).
pub fn measure<T>(f: impl FnOnce() -> T) -> (T, Duration, f64) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory of the allocator; no pointer is given.
    unsafe {
        malloc_trim(0);
    }
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let t = Instant::now();
    let out = f();
    (out, t.elapsed(), peak_mib())
}

/// The time Python's csv module takes to read the `;`-separated file at `path`; `None`
/// without python3.
pub fn python_reads(path: &Path) -> Option<Duration> {
    let t = Instant::now();
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import csv,sys\nn=0\nfor r in csv.reader(open(sys.argv[1], encoding='utf-8', newline=''), delimiter=';'): n+=1\nprint(n)",
        ])
        .arg(path)
        .output()
        .ok()?;
    out.status.success().then(|| t.elapsed())
}

/// The rows to generate: `PARAGRAF_BENCH_ROWS`, or a million.
pub fn rows() -> usize {
    std::env::var("PARAGRAF_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}
