//! Tabular files — CSV and XLSX — as registers, finance exports and delegation lists come
//! from other systems: one decoder ([`crate::read::decode`]), one rule for the delimiter,
//! one kind of row problem. What the columns mean is the business of whoever reads them.

use std::fmt;
use std::io::{Cursor, Read};

use serde::Serialize;

use crate::read::{decode, DecodeError, Encoding, Scan, Utf8Reader};

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

/// A tabular file to read: its bytes, or a file on disk read as it is needed (a register
/// of a million rows is never held whole).
pub enum Source {
    /// The file's bytes.
    Bytes(std::sync::Arc<[u8]>),
    /// The file at this path.
    File(std::path::PathBuf),
}

impl From<Vec<u8>> for Source {
    fn from(bytes: Vec<u8>) -> Source {
        Source::Bytes(bytes.into())
    }
}

impl From<&[u8]> for Source {
    fn from(bytes: &[u8]) -> Source {
        Source::Bytes(bytes.into())
    }
}

impl<const N: usize> From<&[u8; N]> for Source {
    fn from(bytes: &[u8; N]) -> Source {
        Source::Bytes(bytes[..].into())
    }
}

impl From<&std::path::Path> for Source {
    fn from(path: &std::path::Path) -> Source {
        Source::File(path.to_path_buf())
    }
}

impl From<std::path::PathBuf> for Source {
    fn from(path: std::path::PathBuf) -> Source {
        Source::File(path)
    }
}

/// What a file that cannot be read is: its one problem.
fn unreadable(e: &std::io::Error) -> BadRows {
    BadRows::one(1, "fil", format!("filen kan inte läsas: {e}"))
}

impl Source {
    fn reader(&self) -> std::io::Result<Box<dyn Read + Send + '_>> {
        Ok(match self {
            Source::Bytes(b) => Box::new(&b[..]),
            Source::File(p) => Box::new(std::fs::File::open(p)?),
        })
    }

    /// Reads the file once to tell its checksum and how it is text ([`Scan`]).
    pub fn tell(self) -> Result<Told, BadRows> {
        let mut scan = Scan::default();
        let mut reader = self.reader().map_err(|e| unreadable(&e))?;
        let mut buf = vec![0u8; 1 << 20];
        loop {
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => scan.feed(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(unreadable(&e)),
            }
        }
        drop(reader);
        let len = scan.len();
        let (sha256, encoding) = scan.finish();
        Ok(Told {
            source: self,
            len,
            sha256,
            encoding,
        })
    }
}

/// A file whose checksum and encoding are known ([`Source::tell`]), to be opened.
pub struct Told {
    source: Source,
    len: u64,
    sha256: String,
    encoding: Result<Encoding, DecodeError>,
}

impl Told {
    /// The file's size in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the file is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The file's SHA-256, lowercase hex.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// Opens the file as CSV with a header row (again, from its start, each time): its text
    /// as [`text`] reads it, the delimiter by [`delimiter`] from the header. An empty or
    /// unreadable header, or bytes that are no text, is the file's one problem.
    pub fn open(&self, fallback: u8) -> Result<OpenCsv, BadRows> {
        let encoding = self.encoding.clone().map_err(decode_problem)?;
        let raw: Box<dyn Read + Send> = match &self.source {
            Source::Bytes(b) => Box::new(Cursor::new(b.clone())),
            Source::File(p) => Box::new(std::fs::File::open(p).map_err(|e| unreadable(&e))?),
        };
        let mut text = std::io::BufReader::with_capacity(64 * 1024, Utf8Reader::new(raw, encoding));
        // The header row, read up to its line break (a first line beyond a mebibyte is told by
        // its start), then given to the CSV reader again.
        let mut head = Vec::new();
        std::io::BufRead::read_until(&mut Read::take(&mut text, 1 << 20), b'\n', &mut head)
            .map_err(|e| unreadable(&e))?;
        let first = String::from_utf8_lossy(&head);
        let first = first.lines().next().unwrap_or("");
        if first.trim().is_empty() {
            return Err(BadRows::one(1, "rubrik", "filen saknar rubrikrad"));
        }
        let delimiter = delimiter(first, fallback);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(true)
            .flexible(true)
            .buffer_capacity(64 * 1024)
            .from_reader(Counted::new(Box::new(Cursor::new(head).chain(text))));
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
}

/// The reader of a CSV file being read: its text, its lines counted as they pass.
pub type CsvReader = csv::Reader<Counted>;

/// A CSV file opened for reading, its header row read.
pub struct OpenCsv {
    /// The reader, at the first data row.
    pub reader: CsvReader,
    /// The header row.
    pub headers: csv::StringRecord,
    /// The delimiter found.
    pub delimiter: u8,
}

/// Opens a CSV file with a header row ([`Told::open`]).
pub fn open_csv(bytes: &[u8], fallback: u8) -> Result<OpenCsv, BadRows> {
    Source::from(bytes).tell()?.open(fallback)
}

/// The data rows of a CSV file with their line numbers in the file (blank lines and line
/// breaks inside quoted fields counted). Blank rows are skipped; a row that cannot be read
/// or is wider than the header (`width` fields) goes to `problems` instead.
pub fn data_rows(
    reader: &mut CsvReader,
    width: usize,
    problems: &mut Vec<RowProblem>,
) -> Vec<(u64, csv::StringRecord)> {
    rows(reader, width)
        .filter_map(|r| r.map_err(|p| problems.push(p)).ok())
        .collect()
}

/// [`data_rows`] one at a time, for files too large to hold their rows at once: each item
/// is a row with its line, or the problem of a row that cannot be read or is too wide.
pub fn rows(reader: &mut CsvReader, width: usize) -> DataRows<'_> {
    DataRows {
        reader,
        width,
        stopped: false,
    }
}

/// The rows of a CSV file, one at a time (see [`rows`]).
pub struct DataRows<'r> {
    reader: &'r mut CsvReader,
    width: usize,
    /// The file could not be read further.
    stopped: bool,
}

impl Iterator for DataRows<'_> {
    type Item = Result<(u64, csv::StringRecord), RowProblem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.stopped {
                return None;
            }
            let mut rec = csv::StringRecord::new();
            match self.reader.read_record(&mut rec) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => {
                    let line = self.reader.get_mut().line_at(e.position());
                    // A file that cannot be read is not read again and again.
                    self.stopped = e.is_io_error();
                    return Some(Err(problem(
                        line,
                        "rad",
                        format!("raden kan inte läsas: {e}"),
                    )));
                }
            }
            let line = self.reader.get_mut().line_at(rec.position());
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

/// The text a CSV reader reads, its lines counted as they pass — so that a record's line is
/// told from the byte where the reader began it (blank lines before a record skipped)
/// while only the lines not yet asked about are remembered.
pub struct Counted {
    inner: Box<dyn Read + Send>,
    /// Bytes read so far.
    at: u64,
    /// The lines that ended and have not been passed, from line `first` on: where each
    /// starts and whether it is blank.
    ended: std::collections::VecDeque<(u64, bool)>,
    first: u64,
    /// Where the line being read starts, and whether it is blank so far.
    start: u64,
    blank: bool,
    /// A carriage return was the last byte: it ends a line unless a line feed follows.
    cr: bool,
}

impl Counted {
    fn new(inner: Box<dyn Read + Send>) -> Counted {
        Counted {
            inner,
            at: 0,
            ended: std::collections::VecDeque::new(),
            first: 1,
            start: 0,
            blank: true,
            cr: false,
        }
    }

    /// The line being read ends; the next starts at byte `next`.
    fn end_line(&mut self, next: u64) {
        self.ended.push_back((self.start, self.blank));
        self.start = next;
        self.blank = true;
    }

    /// The line of a record the reader began at `p` (0 without a position). Positions are
    /// asked about in order; the lines before the answer are forgotten.
    fn line_at(&mut self, p: Option<&csv::Position>) -> u64 {
        let Some(p) = p else { return 0 };
        let p = p.byte();
        // Index among the ended lines, then the one being read.
        let mut k = if self.start <= p {
            self.ended.len()
        } else {
            self.ended
                .partition_point(|(s, _)| *s <= p)
                .saturating_sub(1)
        };
        while self.ended.get(k).is_some_and(|(_, blank)| *blank) {
            k += 1;
        }
        let dropped = k.min(self.ended.len());
        self.ended.drain(..dropped);
        self.first += dropped as u64;
        self.first + (k - dropped) as u64
    }
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && self.cr {
            self.cr = false;
            self.end_line(self.at);
        }
        for (i, &b) in buf[..n].iter().enumerate() {
            let at = self.at + i as u64;
            if std::mem::take(&mut self.cr) && b != b'\n' {
                self.end_line(at);
            }
            match b {
                b'\n' => self.end_line(at + 1),
                b'\r' => self.cr = true,
                _ => self.blank = false,
            }
        }
        self.at += n as u64;
        Ok(n)
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

    /// Gives at most `.1` bytes at a time.
    struct Pieces(Vec<u8>, usize);

    impl Read for Pieces {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.1).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0.drain(..n);
            Ok(n)
        }
    }

    /// The lines of the data rows as an index of the whole file tells them: where each
    /// line starts and whether it is blank, a record's line the first not blank from the
    /// line its reader began on.
    fn reference_lines(bytes: &[u8]) -> Vec<u64> {
        let mut starts = vec![0u64];
        let mut blank = Vec::new();
        let mut empty = true;
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
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .flexible(true)
            .from_reader(bytes);
        let _ = reader.headers();
        let mut out = Vec::new();
        for r in reader.records() {
            let Ok(rec) = r else { continue };
            if rec.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let p = rec.position().map_or(0, |p| p.byte());
            let mut line = starts.partition_point(|s| *s <= p);
            while blank.get(line - 1).copied().unwrap_or(false) && line < blank.len() {
                line += 1;
            }
            out.push(line as u64);
        }
        out
    }

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

        /// Lines told as the file passes are the lines an index of the whole file tells,
        /// whatever the line breaks, quoted breaks and blank lines, read in any pieces.
        #[test]
        fn lines_counted_in_passing_are_the_files_lines(
            parts in proptest::collection::vec(0usize..7, 0..40),
            piece in 1usize..9,
        ) {
            let mut text = String::from("a;b\n");
            for p in parts {
                text.push_str(["x;y", "\n", "\r\n", "\r", "\"q\nq\";1", "  ", "\"\r\"\n"][p]);
            }
            let bytes = text.into_bytes();
            let expected = reference_lines(&bytes);
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(b';')
                .flexible(true)
                .buffer_capacity(piece.max(1))
                .from_reader(Counted::new(Box::new(Pieces(bytes.clone(), piece))));
            let _ = reader.headers();
            let mut got = Vec::new();
            for r in rows(&mut reader, 99) {
                got.push(r.map(|(l, _)| l).unwrap_or_else(|p| p.line));
            }
            proptest::prop_assert_eq!(got, expected);
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
