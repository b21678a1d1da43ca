//! Fuzz target: `parse_followup` on arbitrary bytes (decoded lossily as UTF-8) must never
//! panic. Run: `cd fuzz && cargo +nightly fuzz run parse_followup`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(r) = paragraf_import::parse_followup(&text) {
        let _ = serde_json::to_string(&r);
    }
});
