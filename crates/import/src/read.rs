//! Reading an input file (*inläsning*): text in UTF-8, UTF-16 (with BOM) or,
//! when unambiguous, Windows-1252/Latin-1; PDF via `pdftotext`; Word (`.docx`) and
//! OpenDocument (`.odt`) documents through their XML ([`crate::office`]).

use crate::error::ImportError;
use std::path::Path;

/// Larger files are refused (a protocol is a few MB at most).
pub(crate) const MAX_FILE: u64 = 256 * 1024 * 1024;

/// Document formats we cannot read as text.
const OFFICE: [&str; 7] = ["doc", "xls", "xlsx", "ods", "ppt", "pptx", "rtf"];

pub fn read_file(path: &Path) -> Result<String, ImportError> {
    let meta = std::fs::metadata(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.len() > MAX_FILE {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            max: MAX_FILE,
        });
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if ext == "pdf" {
        return crate::pdf::pdf_to_text(path);
    }
    if OFFICE.contains(&ext.as_str()) {
        return Err(ImportError::UnsupportedType {
            path: path.to_path_buf(),
        });
    }
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.starts_with(b"%PDF-") {
        return crate::pdf::pdf_to_text(path);
    }
    // A Word or OpenDocument document, by its contents (a zip holding `word/document.xml` or
    // `content.xml`) or its name.
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if let Some(
        format @ (crate::delegation_grid::Format::Docx | crate::delegation_grid::Format::Odt),
    ) = crate::delegation_grid::format_of(name, &bytes)
    {
        let text = crate::office::document_text(format, &bytes).map_err(|message| {
            ImportError::Document {
                path: path.to_path_buf(),
                message,
            }
        })?;
        if text.trim().is_empty() {
            return Err(ImportError::Empty);
        }
        return Ok(text);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // Another archive (a spreadsheet, a presentation, a zip) is no protocol's text.
        return Err(ImportError::UnsupportedType {
            path: path.to_path_buf(),
        });
    }
    decode(&bytes).map_err(|e| match e {
        DecodeError::Binary => ImportError::Binary {
            where_: path.display().to_string(),
        },
        DecodeError::Encoding { line } => ImportError::Encoding {
            path: path.to_path_buf(),
            line,
        },
        DecodeError::Empty => ImportError::Empty,
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary,
    Encoding { line: usize },
}

/// How a file's bytes are text, as [`Scan`] found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, after a byte-order mark when `bom`.
    Utf8 { bom: bool },
    /// UTF-16 after its byte-order mark, little-endian when `little`.
    Utf16 { little: bool },
    /// Windows-1252 (a superset of Latin-1 for printable text): accepted only when no byte
    /// is undefined and the text is mostly ASCII — then the guess is unambiguous. `bom`
    /// when a UTF-8 byte-order mark (three bytes, no part of the text) came first.
    Windows1252 { bom: bool },
}

impl Encoding {
    /// The bytes of the byte-order mark, which are no part of the text.
    fn mark(self) -> usize {
        match self {
            Encoding::Utf8 { bom: true } | Encoding::Windows1252 { bom: true } => 3,
            Encoding::Utf8 { bom: false } | Encoding::Windows1252 { bom: false } => 0,
            Encoding::Utf16 { .. } => 2,
        }
    }

    /// What turns the bytes after the mark into UTF-8; `None` when they are UTF-8.
    fn codec(self) -> Option<&'static encoding_rs::Encoding> {
        match self {
            Encoding::Utf8 { .. } => None,
            Encoding::Utf16 { little: true } => Some(encoding_rs::UTF_16LE),
            Encoding::Utf16 { little: false } => Some(encoding_rs::UTF_16BE),
            Encoding::Windows1252 { .. } => Some(encoding_rs::WINDOWS_1252),
        }
    }
}

/// Reads a file's bytes once, in pieces of any size, to tell how they are text
/// ([`Encoding`]) and their SHA-256 checksum — so that a file of a million rows is told
/// without being held.
#[derive(Default)]
pub struct Scan {
    sha: sha2::Sha256,
    /// Every byte, the mark included.
    total: u64,
    /// The first bytes, until there are enough to tell a byte-order mark.
    head: Vec<u8>,
    /// The mark, once told.
    mark: Option<Mark>,
    /// Bytes after the mark.
    text_len: u64,
    nul: bool,
    controls: u64,
    high: u64,
    /// A byte Windows-1252 leaves undefined.
    undefined: bool,
    /// Whether the bytes so far are UTF-8 (or UTF-16, after its mark).
    valid: bool,
    /// The start of a character cut off by the end of a piece.
    carry: Vec<u8>,
    /// Line breaks before the first byte that is not UTF-8.
    breaks: usize,
    /// Checks UTF-16 after its mark.
    utf16: Option<encoding_rs::Decoder>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    None,
    Utf8,
    Utf16 { little: bool },
}

impl Scan {
    /// Takes the next piece of the file.
    pub fn feed(&mut self, bytes: &[u8]) {
        use sha2::Digest;
        self.sha.update(bytes);
        self.total += bytes.len() as u64;
        if self.mark.is_some() {
            self.text(bytes);
            return;
        }
        self.head.extend_from_slice(bytes);
        if self.head.len() >= 3 {
            self.tell_mark();
        }
    }

    fn tell_mark(&mut self) {
        let head = std::mem::take(&mut self.head);
        let (mark, skip) = if head.starts_with(&[0xFF, 0xFE]) {
            (Mark::Utf16 { little: true }, 2)
        } else if head.starts_with(&[0xFE, 0xFF]) {
            (Mark::Utf16 { little: false }, 2)
        } else if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            (Mark::Utf8, 3)
        } else {
            (Mark::None, 0)
        };
        self.mark = Some(mark);
        self.valid = true;
        if let Mark::Utf16 { little } = mark {
            self.utf16 = Encoding::Utf16 { little }
                .codec()
                .map(encoding_rs::Encoding::new_decoder_without_bom_handling);
        }
        self.text(head.get(skip..).unwrap_or_default());
    }

    /// The bytes after the mark.
    fn text(&mut self, bytes: &[u8]) {
        if let Some(decoder) = &mut self.utf16 {
            if self.valid {
                self.valid = utf16_valid(decoder, bytes, false);
            }
            return;
        }
        self.text_len += bytes.len() as u64;
        for &b in bytes {
            self.nul |= b == 0;
            self.controls +=
                u64::from(b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C) || b == 0x7F);
            self.high += u64::from(b >= 0x80);
            self.undefined |= matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D);
        }
        if self.valid {
            self.utf8(bytes);
        }
    }

    fn utf8(&mut self, mut bytes: &[u8]) {
        // First the character the last piece cut off.
        while !self.carry.is_empty() {
            let Some((&b, rest)) = bytes.split_first() else {
                return;
            };
            self.carry.push(b);
            bytes = rest;
            match std::str::from_utf8(&self.carry) {
                Ok(_) => self.carry.clear(),
                Err(e) if e.error_len().is_none() => {}
                Err(_) => {
                    self.valid = false;
                    return;
                }
            }
        }
        let count = |b: &[u8]| b.iter().filter(|&&c| c == b'\n').count();
        match std::str::from_utf8(bytes) {
            Ok(_) => self.breaks += count(bytes),
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                self.breaks += count(good);
                match e.error_len() {
                    None => self.carry = rest.to_vec(),
                    Some(_) => self.valid = false,
                }
            }
        }
    }

    /// The bytes taken so far.
    pub fn len(&self) -> u64 {
        self.total
    }

    /// How the file is text, with its checksum (lowercase hex) whatever the answer.
    pub fn finish(mut self) -> (String, Result<Encoding, DecodeError>) {
        use sha2::Digest;
        if self.mark.is_none() {
            self.tell_mark();
        }
        let sha: String = self
            .sha
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if self.total == 0 {
            return (sha, Err(DecodeError::Empty));
        }
        if let Some(decoder) = &mut self.utf16 {
            let valid = self.valid && utf16_valid(decoder, &[], true);
            let little = self.mark == Some(Mark::Utf16 { little: true });
            return (
                sha,
                if valid {
                    Ok(Encoding::Utf16 { little })
                } else {
                    Err(DecodeError::Binary)
                },
            );
        }
        let binary = self.nul || self.controls * 100 > self.text_len;
        let bom = self.mark == Some(Mark::Utf8);
        let answer = if binary {
            Err(DecodeError::Binary)
        } else if self.valid && self.carry.is_empty() {
            Ok(Encoding::Utf8 { bom })
        } else if self.high * 4 <= self.text_len && !self.undefined {
            Ok(Encoding::Windows1252 { bom })
        } else {
            Err(DecodeError::Encoding {
                line: self.breaks + 1,
            })
        };
        (sha, answer)
    }
}

/// Whether `bytes` continue UTF-16 that `decoder` has found well-formed so far.
fn utf16_valid(decoder: &mut encoding_rs::Decoder, mut bytes: &[u8], last: bool) -> bool {
    let mut scratch = [0u8; 4096];
    loop {
        let (result, read, _) =
            decoder.decode_to_utf8_without_replacement(bytes, &mut scratch, last);
        bytes = bytes.get(read..).unwrap_or_default();
        match result {
            encoding_rs::DecoderResult::InputEmpty => return true,
            encoding_rs::DecoderResult::OutputFull => {}
            encoding_rs::DecoderResult::Malformed(..) => return false,
        }
    }
}

/// How `bytes` are text ([`Scan`] over all of them at once).
pub fn encoding(bytes: &[u8]) -> Result<Encoding, DecodeError> {
    let mut scan = Scan::default();
    scan.feed(bytes);
    scan.finish().1
}

/// Decodes file bytes into text.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let e = encoding(bytes)?;
    let text = bytes.get(e.mark()..).unwrap_or_default();
    Ok(match e.codec() {
        None => String::from_utf8_lossy(text).into_owned(),
        Some(codec) => codec.decode_without_bom_handling(text).0.into_owned(),
    })
}

/// The text of a file being read, as UTF-8 whatever its [`Encoding`], its byte-order mark
/// dropped — read as it is needed, never held whole.
pub struct Utf8Reader<R> {
    inner: R,
    /// Mark bytes still to drop.
    skip: usize,
    /// Turns other encodings into UTF-8, through two buffers.
    decoding: Option<Decoding>,
}

struct Decoding {
    decoder: encoding_rs::Decoder,
    raw: Box<[u8]>,
    raw_at: usize,
    raw_end: usize,
    /// The file has no more bytes.
    end: bool,
    out: Box<[u8]>,
    out_at: usize,
    out_end: usize,
    /// The decoder has given all it will.
    finished: bool,
}

impl<R: std::io::Read> Utf8Reader<R> {
    /// Reads `inner`, a file that is text in `encoding`, from its first byte.
    pub fn new(inner: R, encoding: Encoding) -> Utf8Reader<R> {
        Utf8Reader {
            inner,
            skip: encoding.mark(),
            decoding: encoding.codec().map(|c| Decoding {
                decoder: c.new_decoder_without_bom_handling(),
                raw: vec![0; 64 * 1024].into_boxed_slice(),
                raw_at: 0,
                raw_end: 0,
                end: false,
                out: vec![0; 128 * 1024].into_boxed_slice(),
                out_at: 0,
                out_end: 0,
                finished: false,
            }),
        }
    }
}

impl<R: std::io::Read> std::io::Read for Utf8Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.skip > 0 {
            let mut mark = [0u8; 3];
            let n = self.inner.read(&mut mark[..self.skip])?;
            if n == 0 {
                return Ok(0);
            }
            self.skip -= n;
        }
        let Some(d) = &mut self.decoding else {
            return self.inner.read(buf);
        };
        loop {
            if d.out_at < d.out_end {
                let n = buf.len().min(d.out_end - d.out_at);
                buf[..n].copy_from_slice(&d.out[d.out_at..d.out_at + n]);
                d.out_at += n;
                return Ok(n);
            }
            if d.finished {
                return Ok(0);
            }
            if d.raw_at == d.raw_end && !d.end {
                d.raw_end = self.inner.read(&mut d.raw)?;
                d.raw_at = 0;
                d.end = d.raw_end == 0;
            }
            let (result, read, written, _) =
                d.decoder
                    .decode_to_utf8(&d.raw[d.raw_at..d.raw_end], &mut d.out, d.end);
            d.raw_at += read;
            d.out_at = 0;
            d.out_end = written;
            d.finished = d.end && result == encoding_rs::CoderResult::InputEmpty;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A file told and read in pieces of any size is the file told and read at once.
        #[test]
        fn reading_in_pieces_is_reading_at_once(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
            text in "[a-zåäö;\\n\\r–é€]{0,40}",
            kind in 0..5usize,
            piece in 1..7usize,
        ) {
            let file = match kind {
                0 => bytes,
                1 => text.into_bytes(),
                2 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
                3 => encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
                _ => [vec![0xFF, 0xFE], text.encode_utf16().flat_map(u16::to_le_bytes).collect()].concat(),
            };
            let mut scan = Scan::default();
            for p in file.chunks(piece) {
                scan.feed(p);
            }
            let (sha, told) = scan.finish();
            proptest::prop_assert_eq!(&told, &encoding(&file));
            proptest::prop_assert_eq!(sha, crate::read::tests::hex(&file));
            if let Ok(e) = told {
                let mut read = Vec::new();
                let mut reader = Utf8Reader::new(Pieces(&file, piece), e);
                let mut buf = vec![0u8; piece];
                loop {
                    let n = std::io::Read::read(&mut reader, &mut buf).unwrap();
                    if n == 0 { break; }
                    read.extend_from_slice(&buf[..n]);
                }
                proptest::prop_assert_eq!(String::from_utf8(read).ok(), decode(&file).ok());
            }
        }
    }

    /// A reader that gives at most `.1` bytes at a time.
    struct Pieces<'a>(&'a [u8], usize);

    impl std::io::Read for Pieces<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.1).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn hex(bytes: &[u8]) -> String {
        use sha2::Digest;
        sha2::Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    #[test]
    fn decodes() {
        assert_eq!(decode("Nämnd".as_bytes()).as_deref(), Ok("Nämnd"));
        assert_eq!(
            decode(b"N\xe4mnden beslutade \x96 h\xf6gt").as_deref(),
            Ok("Nämnden beslutade – högt")
        );
        assert_eq!(decode(b"\xff\xfeN\x00\xe4\x00").as_deref(), Ok("Nä"));
        assert_eq!(decode(b"abc\x00def"), Err(DecodeError::Binary));
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"ok\n\x81\x81\x81"),
            Err(DecodeError::Encoding { line: 2 })
        );
        // A UTF-8 mark before text that is not UTF-8: the mark is no part of the text.
        assert_eq!(decode(b"\xef\xbb\xbfN\xe4mnd").as_deref(), Ok("Nämnd"));
        // UTF-16 cut in the middle of a character is no text.
        assert_eq!(decode(b"\xff\xfeN\x00\xe4"), Err(DecodeError::Binary));
    }
}
