//! Tabular files — CSV and XLSX — as registers, finance exports and delegation lists come
//! from other systems: one decoder ([`crate::read::decode`]), one rule for the delimiter,
//! one kind of row problem. What the columns mean is the business of whoever reads them.

use std::fmt;
use std::io::Cursor;

use serde::Serialize;

use crate::read::{decode, DecodeError};

/// One problem in a file: its line (the header is line 1), the column and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    /// Line in the file.
    pub line: u64,
    /// The column (or "rad", "rubrik", "fil" for the row, the header, the whole file).
    pub field: String,
    /// What is wrong, in Swedish.
    pub message: String,
}

/// A problem on `line` of a file, in `field`.
pub fn problem(line: u64, field: &str, message: impl Into<String>) -> RowProblem {
    RowProblem {
        line,
        field: field.to_string(),
        message: message.into(),
    }
}

/// A file with bad rows: nothing of it is stored. Lists every problem, by line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
pub struct BadRows {
    /// Every problem.
    pub problems: Vec<RowProblem>,
}

impl BadRows {
    /// A file with one problem.
    pub fn one(line: u64, field: &str, message: impl Into<String>) -> BadRows {
        BadRows {
            problems: vec![problem(line, field, message)],
        }
    }
}

impl fmt::Display for BadRows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut lines: Vec<u64> = self.problems.iter().map(|p| p.line).collect();
        lines.sort_unstable();
        lines.dedup();
        write!(
            f,
            "filen har fel på {} rad(er) och inget har sparats:",
            lines.len()
        )?;
        for p in &self.problems {
            write!(f, "\n  rad {}, {}: {}", p.line, p.field, p.message)?;
        }
        Ok(())
    }
}

/// The text of a tabular file: UTF-8 (with or without a byte-order mark), UTF-16 with a
/// mark, or Windows-1252 as older spreadsheet programs save it.
pub fn text(bytes: &[u8]) -> Result<String, BadRows> {
    decode(bytes).map_err(decode_problem)
}

fn decode_problem(e: DecodeError) -> BadRows {
    match e {
        DecodeError::Empty => BadRows::one(1, "rubrik", "filen saknar rubrikrad"),
        DecodeError::Binary => BadRows::one(1, "fil", "filen är ingen textfil (CSV)"),
        DecodeError::Encoding { line } => BadRows::one(
            line as u64,
            "fil",
            "tecknen kan inte läsas som UTF-8 eller Windows-1252",
        ),
    }
}

/// The delimiter of a CSV file, from its header row: the most frequent of `;`, `,` and tab
/// (on a tie in that order), `fallback` when the header has none of them.
pub fn delimiter(header: &str, fallback: u8) -> u8 {
    let count = |c: char| header.matches(c).count();
    [(b';', count(';')), (b',', count(',')), (b'\t', count('\t'))]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .fold(None, |best: Option<(u8, usize)>, (d, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((d, n)),
        })
        .map_or(fallback, |(d, _)| d)
}

/// A CSV file opened for reading, its header row read.
pub struct OpenCsv {
    /// The reader, at the first data row.
    pub reader: csv::Reader<Cursor<Vec<u8>>>,
    /// The header row.
    pub headers: csv::StringRecord,
    /// The delimiter found.
    pub delimiter: u8,
}

/// Opens a CSV file with a header row: decoded by [`text`], the delimiter by
/// [`delimiter`]. An empty or unreadable header is the file's one problem.
pub fn open_csv(bytes: &[u8], fallback: u8) -> Result<OpenCsv, BadRows> {
    open_text(text(bytes)?, fallback)
}

/// [`open_csv`] taking the bytes: a UTF-8 file is read where it lies (not copied).
pub fn open_csv_owned(bytes: Vec<u8>, fallback: u8) -> Result<OpenCsv, BadRows> {
    open_text(
        crate::read::decode_owned(bytes).map_err(decode_problem)?,
        fallback,
    )
}

fn open_text(text: String, fallback: u8) -> Result<OpenCsv, BadRows> {
    let first = text.lines().next().unwrap_or("");
    if first.trim().is_empty() {
        return Err(BadRows::one(1, "rubrik", "filen saknar rubrikrad"));
    }
    let delimiter = delimiter(first, fallback);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .from_reader(Cursor::new(text.into_bytes()));
    let headers = reader
        .headers()
        .map_err(|e| BadRows::one(1, "rubrik", format!("rubrikraden kan inte läsas: {e}")))?
        .clone();
    Ok(OpenCsv {
        reader,
        headers,
        delimiter,
    })
}

/// The data rows of a CSV file with their line numbers in the file (blank lines and line
/// breaks inside quoted fields counted). Blank rows are skipped; a row that cannot be read
/// or is wider than the header (`width` fields) goes to `problems` instead.
pub fn data_rows(
    reader: &mut csv::Reader<Cursor<Vec<u8>>>,
    width: usize,
    problems: &mut Vec<RowProblem>,
) -> Vec<(u64, csv::StringRecord)> {
    rows(reader, width)
        .filter_map(|r| r.map_err(|p| problems.push(p)).ok())
        .collect()
}

/// [`data_rows`] one at a time, for files too large to hold their rows at once: each item
/// is a row with its line, or the problem of a row that cannot be read or is too wide.
pub fn rows(reader: &mut csv::Reader<Cursor<Vec<u8>>>, width: usize) -> DataRows<'_> {
    // Where each line starts and whether it is blank, to tell the line of a record from
    // the byte where the reader began it (blank lines before a record are skipped).
    let bytes = reader.get_ref().get_ref();
    let mut starts = vec![0u64];
    let mut blank = Vec::new();
    let mut empty = true;
    // A line ends at "\n", "\r\n" or a lone "\r", as the CSV reader reads it.
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'\n' => {
                blank.push(empty);
                empty = true;
                starts.push(i as u64 + 1);
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                blank.push(empty);
                empty = true;
                starts.push(i as u64 + 1);
            }
            b'\r' => {}
            _ => empty = false,
        }
    }
    blank.push(empty);
    DataRows {
        records: reader.records(),
        width,
        starts,
        blank,
    }
}

/// The rows of a CSV file, one at a time (see [`rows`]).
pub struct DataRows<'r> {
    records: csv::StringRecordsIter<'r, Cursor<Vec<u8>>>,
    width: usize,
    starts: Vec<u64>,
    blank: Vec<bool>,
}

impl DataRows<'_> {
    fn line_at(&self, p: Option<&csv::Position>) -> u64 {
        let Some(p) = p else { return 0 };
        let mut line = self.starts.partition_point(|s| *s <= p.byte());
        while self
            .blank
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(false)
            && line < self.blank.len()
        {
            line += 1;
        }
        line as u64
    }
}

impl Iterator for DataRows<'_> {
    type Item = Result<(u64, csv::StringRecord), RowProblem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let rec = match self.records.next()? {
                Ok(r) => r,
                Err(e) => {
                    let line = self.line_at(e.position());
                    return Some(Err(problem(
                        line,
                        "rad",
                        format!("raden kan inte läsas: {e}"),
                    )));
                }
            };
            let line = self.line_at(rec.position());
            if rec.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if rec.len() > self.width {
                return Some(Err(problem(
                    line,
                    "rad",
                    format!("raden har {} fält men rubriken {}", rec.len(), self.width),
                )));
            }
            return Some(Ok((line, rec)));
        }
    }
}

/// Every record of a CSV file, the header row included, as text.
pub fn csv_records(bytes: &[u8]) -> Result<Vec<Vec<String>>, BadRows> {
    let text = text(bytes)?;
    let delimiter = delimiter(text.lines().next().unwrap_or(""), b';');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            BadRows::one(line, "rad", format!("raden kan inte läsas: {e}"))
        })?;
        out.push(rec.iter().map(str::to_string).collect());
    }
    Ok(out)
}

/// Every row of an XLSX file's first sheet, as text (whole numbers without decimals, dates
/// as `ÅÅÅÅ-MM`, as finance systems export periods).
pub fn xlsx_records(bytes: &[u8]) -> Result<Vec<Vec<String>>, BadRows> {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    let whole = |message: String| BadRows::one(1, "fil", message);
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| whole(format!("XLSX-filen kunde inte öppnas: {e}")))?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or_else(|| whole("XLSX-filen har inget blad".into()))?
        .map_err(|e| whole(format!("XLSX-filens första blad kunde inte läsas: {e}")))?;
    let cell = |d: &Data| -> String {
        match d {
            Data::Empty => String::new(),
            Data::String(s) => s.clone(),
            Data::Int(i) => i.to_string(),
            Data::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 1e15 {
                    format!("{}", *f as i64)
                } else {
                    f.to_string()
                }
            }
            Data::Bool(b) => b.to_string(),
            Data::DateTime(dt) => {
                let days = dt.as_f64().floor() as i64;
                chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
                    .and_then(|d| d.checked_add_signed(chrono::Duration::days(days)))
                    .map(|d| d.format("%Y-%m").to_string())
                    .unwrap_or_default()
            }
            Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
            Data::Error(e) => format!("#{e:?}"),
        }
    };
    Ok(range.rows().map(|r| r.iter().map(cell).collect()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_headers_most_frequent() {
        assert_eq!(delimiter("id;insats;beslutsdatum", b','), b';');
        assert_eq!(delimiter("period,kostnadsställe,utfall", b';'), b',');
        assert_eq!(delimiter("a\tb\tc", b';'), b'\t');
        assert_eq!(delimiter("namn;\"Andersson, Kalle\";x", b','), b';');
        assert_eq!(delimiter("a,b;c", b'\t'), b';', "a tie goes to ;");
        assert_eq!(delimiter("ensam", b'\t'), b'\t');
    }

    #[test]
    fn windows_1252_and_a_byte_order_mark_are_read() {
        let cp = b"id;ins\xe4tts\n1;\xc5ldreboende\n";
        let t = text(cp).unwrap();
        assert!(t.contains("insätts") && t.contains("Åldreboende"), "{t}");
        let bom = b"\xEF\xBB\xBFid;x\n";
        assert_eq!(text(bom).unwrap(), "id;x\n");
    }

    #[test]
    fn bad_files_name_line_and_field() {
        let e = open_csv(b"", b';').err().unwrap();
        assert_eq!(e.problems[0].field, "rubrik");
        let e = text(&[0u8, 1, 2, 3, 0, 0]).unwrap_err();
        assert!(e.to_string().contains("ingen textfil"), "{e}");
        let mut o = open_csv(b"a;b\n1;2\n1;2;3\n\n4;5\n", b';').unwrap();
        let mut problems = Vec::new();
        let rows = data_rows(&mut o.reader, o.headers.len(), &mut problems);
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 5]);
        assert_eq!(problems[0].line, 3);
        // Old Mac line breaks (a lone CR) count as lines too.
        let mut o = open_csv(b"a;b\r1;2\r\r3;4\r", b';').unwrap();
        let rows = data_rows(&mut o.reader, o.headers.len(), &mut problems);
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 4]);
        assert!(xlsx_records(b"PK not a workbook").is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            if let Ok(mut o) = open_csv(&bytes, b';') {
                let mut problems = Vec::new();
                for (line, _) in data_rows(&mut o.reader, o.headers.len(), &mut problems) {
                    proptest::prop_assert!(line >= 2);
                }
            }
            let _ = csv_records(&bytes);
            let _ = xlsx_records(&bytes);
        }

        #[test]
        fn rows_are_numbered_as_the_file_is(blanks in proptest::collection::vec(0usize..3, 1..8)) {
            let mut text = String::from("a;b\n");
            let mut expected = Vec::new();
            let mut line = 1;
            for (i, n) in blanks.iter().enumerate() {
                for _ in 0..*n {
                    text.push_str("\r\n");
                    line += 1;
                }
                text.push_str(&format!("{i};x\n"));
                line += 1;
                expected.push(line);
            }
            let mut o = open_csv(text.as_bytes(), b';').unwrap();
            let mut problems = Vec::new();
            let got: Vec<u64> = data_rows(&mut o.reader, 2, &mut problems).into_iter().map(|r| r.0).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
