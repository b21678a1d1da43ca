//! Fuzz target: the delegation order's table readers (Word, OpenDocument, XLSX, CSV, HTML,
//! markdown) on arbitrary bytes must never panic. Run: `cd fuzz && cargo +nightly fuzz run
//! delegation_tables`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paragraf_import::delegation_grid::{read_order_table, Format};

fuzz_target!(|data: &[u8]| {
    for format in [
        Format::Csv,
        Format::Xlsx,
        Format::Docx,
        Format::Odt,
        Format::Html,
        Format::Markdown,
    ] {
        let _ = read_order_table("fuzz", format, data, None);
    }
});
