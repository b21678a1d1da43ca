//! Fuzz target: `parse_protocol` on arbitrary bytes (decoded lossily as UTF-8)
//! must never panic. Run: `cd fuzz && cargo +nightly fuzz run parse_protocol`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(p) = paragraf_import::parse_protocol(&text) {
        // Serialising must not panic either.
        let _ = serde_json::to_string(&p);
    }
});
