//! `paragraf-import`: reads a published protocol (*sammanträdesprotokoll*),
//! as a PDF or as extracted text, into a structured [`Protocol`].
//!
//! ```no_run
//! let text = paragraf_import::read_file(std::path::Path::new("protokoll.pdf"))?;
//! let protocol = paragraf_import::parse_protocol(&text)?;
//! println!("{}", serde_json::to_string_pretty(&protocol).unwrap_or_default());
//! # Ok::<(), paragraf_import::ImportError>(())
//! ```
//!
//! The parser is a set of layout-tolerant rules (labels, patterns, the
//! *ärendelista*), linear in the input size, and never panics: any input
//! gives either an [`ImportError`] or a [`Protocol`] with `warnings`.

mod agenda;
mod cover;
mod cover_labels;
mod dates;
pub mod delegation;
mod delegation_cells;
mod delegation_flat;
pub mod delegation_grid;
mod delegation_lists;
mod delegation_pdf;
mod error;
pub mod followup;
mod furniture;
mod labels;
mod lines;
mod model;
mod motions;
mod municipalities;
pub mod numbers;
mod office;
mod paragraphs;
mod parse;
mod pdf;
mod persons;
mod read;
mod segment;
mod signatures;
mod stream;
pub mod table;
mod tables;
mod text;
mod unflatten;

/// A corpus protocol's text ("heldout20/2002"), for the unit tests that read one whole.
#[cfg(test)]
pub(crate) fn corpus_protocol(file: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../tests/corpus/protocols/{file}.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("a corpus protocol")
}

pub use delegation::{parse_delegation, read_delegation_file, DelegationDocument};
pub use error::ImportError;
pub use followup::{parse_followup, FollowUpReport};
pub use model::{
    Adjustment, Attendance, Attendee, Notice, Paragraph, Protocol, Signature, Table, TableRow,
};
pub use motions::{proceeding_lines, Mover, ProceedingLine};
pub use numbers::parse_number;

/// Parses the extracted text of a protocol. Never panics.
pub fn parse_protocol(text: &str) -> Result<Protocol, ImportError> {
    parse::parse_protocol(text)
}

/// Extracts the text layer of a PDF with poppler's `pdftotext -layout`
/// (column gaps become tabs). A PDF without a text layer gives
/// [`ImportError::PdfNoText`]; a missing `pdftotext` gives
/// [`ImportError::PdftotextMissing`].
pub fn pdf_to_text(path: &std::path::Path) -> Result<String, ImportError> {
    pdf::pdf_to_text(path)
}

/// Reads a `.txt` (UTF-8, UTF-16 with BOM, or — when unambiguous —
/// Windows-1252/Latin-1) or `.pdf` file into text. Binary files are rejected.
pub fn read_file(path: &std::path::Path) -> Result<String, ImportError> {
    read::read_file(path)
}
