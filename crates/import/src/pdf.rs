//! PDF text extraction with poppler's `pdftotext` (package poppler-utils),
//! run with `-layout`; column gaps (three or more spaces) become tabs so
//! tables and label/value cover pages reach the parser as tab-separated
//! cells. See `docs/import-schema.md`, "PDF extraction", for the evaluation.
//! Run with `-tsv` ([`pdf_words`]), it gives each word with its place on the page, from
//! which a delegationsordning's table is put back together ([`crate::delegation_pdf`]).

use crate::error::ImportError;
use std::path::Path;
use std::process::Command;

/// A page with fewer letters than this has no usable text layer.
const MIN_LETTERS_PER_PAGE: usize = 25;

/// Runs `pdftotext -enc UTF-8 <file> -` and checks that a text layer exists.
pub fn pdf_to_text(path: &Path) -> Result<String, ImportError> {
    Ok(layout_to_tabs(&pdf_to_layout(path)?))
}

/// The `-layout` text as pdftotext gives it (columns as runs of spaces, pages as line
/// breaks), for readers that need the columns' positions.
pub fn pdf_to_layout(path: &Path) -> Result<String, ImportError> {
    let text = run_pdftotext(path, &["-layout"])?;
    text_layer_check(path, &text)?;
    // Form feeds separate pages; the parser treats them as line breaks.
    Ok(text.replace('\u{c}', "\n"))
}

/// Runs `pdftotext <args> -enc UTF-8 <file> -` and gives its output.
fn run_pdftotext(path: &Path, args: &[&str]) -> Result<String, ImportError> {
    if let Err(source) = std::fs::metadata(path) {
        return Err(ImportError::Io {
            path: path.to_path_buf(),
            source,
        });
    }
    let output = Command::new("pdftotext")
        .args(args)
        .arg("-enc")
        .arg("UTF-8")
        .arg(path)
        .arg("-")
        .output();
    let output = match output {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(ImportError::PdftotextMissing)
        }
        Err(source) => {
            return Err(ImportError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let message = stderr
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("okänt fel")
            .trim()
            .to_string();
        return Err(ImportError::PdfFailed {
            path: path.to_path_buf(),
            message,
        });
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Turns `-layout` column gaps (three or more spaces inside a line) into tabs
/// and removes the indentation.
pub fn layout_to_tabs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let t = line.trim();
        let mut spaces = 0;
        for c in t.chars() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            match spaces {
                0 => {}
                1 | 2 => out.push(' '),
                _ => out.push('\t'),
            }
            spaces = 0;
            out.push(c);
        }
        out.push('\n');
    }
    out
}

/// A word on a PDF's page and where it stands, in points from the page's top left corner, as
/// `pdftotext -tsv` gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfWord {
    pub page: u32,
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    pub text: String,
}

/// Runs `pdftotext -tsv` and reads its words (rows of level 5) with the `csv` reader; checks
/// that a text layer exists.
pub fn pdf_words(path: &Path) -> Result<Vec<PdfWord>, ImportError> {
    let tsv = run_pdftotext(path, &["-tsv"])?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .flexible(true)
        .has_headers(true)
        .from_reader(tsv.as_bytes());
    let mut words = Vec::new();
    for record in reader.records() {
        let Ok(r) = record else { continue };
        let num = |i: usize| r.get(i).and_then(|v| v.trim().parse::<f64>().ok());
        if r.get(0) != Some("5") {
            continue;
        }
        let (Some(page), Some(left), Some(top), Some(width), Some(height), Some(text)) = (
            r.get(1).and_then(|v| v.parse::<u32>().ok()),
            num(6),
            num(7),
            num(8),
            num(9),
            r.get(11),
        ) else {
            continue;
        };
        if text.trim().is_empty() || ![left, top, width, height].iter().all(|v| v.is_finite()) {
            continue;
        }
        words.push(PdfWord {
            page,
            left,
            top,
            width,
            height,
            text: text.trim().to_string(),
        });
    }
    let letters: usize = words
        .iter()
        .map(|w| w.text.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    let pages = words.iter().map(|w| w.page).max().unwrap_or(1) as usize;
    enough_letters(path, letters, pages)?;
    Ok(words)
}

/// Rejects output with (almost) no letters: a scanned PDF.
fn text_layer_check(path: &Path, text: &str) -> Result<(), ImportError> {
    let pages = text.matches('\u{c}').count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    enough_letters(path, letters, pages)
}

/// Rejects `letters` too few for `pages` pages (counted up to four): a scanned PDF.
fn enough_letters(path: &Path, letters: usize, pages: usize) -> Result<(), ImportError> {
    if letters < MIN_LETTERS_PER_PAGE * pages.clamp(1, 4) {
        return Err(ImportError::PdfNoText {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_columns_become_tabs() {
        let t = layout_to_tabs("   Utskott        291      324\nEn  mening med text.\n");
        assert_eq!(t, "Utskott\t291\t324\nEn mening med text.\n");
    }

    #[test]
    fn empty_text_layer_is_an_error() {
        let e = text_layer_check(Path::new("x.pdf"), "\u{c}\u{c}\u{c}");
        assert!(matches!(e, Err(ImportError::PdfNoText { .. })));
        assert!(e
            .err()
            .is_some_and(|e| e.to_string().contains("PDF-filen saknar textlager")));
    }
}
