//! Reading an input file (*inläsning*): text in UTF-8, UTF-16 (with BOM) or,
//! when unambiguous, Windows-1252/Latin-1; PDF via `pdftotext`.

use crate::error::ImportError;
use std::path::Path;

/// Larger files are refused (a protocol is a few MB at most).
pub(crate) const MAX_FILE: u64 = 256 * 1024 * 1024;

/// Document formats we cannot read as text.
const OFFICE: [&str; 9] = [
    "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "rtf",
];

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

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary,
    Encoding { line: usize },
}

fn decode_utf16(bytes: &[u8], little: bool) -> Result<String, DecodeError> {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| {
            let (a, b) = (
                c.first().copied().unwrap_or(0),
                c.get(1).copied().unwrap_or(0),
            );
            if little {
                u16::from_le_bytes([a, b])
            } else {
                u16::from_be_bytes([a, b])
            }
        })
        .collect();
    String::from_utf16(&units).map_err(|_| DecodeError::Binary)
}

/// Decodes file bytes into text.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, false);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let bad_at = e.valid_up_to();
            let line = bytes
                .get(..bad_at)
                .map_or(1, |b| b.iter().filter(|&&c| c == b'\n').count() + 1);
            decode_cp1252(bytes).ok_or(DecodeError::Encoding { line })
        }
    }
}

/// A NUL byte, or more than one control character in a hundred.
fn looks_binary(bytes: &[u8]) -> bool {
    let control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C) || b == 0x7F;
    let controls = bytes.iter().filter(|&&b| control(b)).count();
    bytes.contains(&0) || controls * 100 > bytes.len()
}

/// [`decode`] taking the bytes: UTF-8 text (with or without its byte-order mark) becomes the
/// `String` without a copy — a large file is not held twice.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<String, DecodeError> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !bytes.is_empty() && !utf16 {
        if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            bytes.drain(..3);
        }
        if !looks_binary(&bytes) {
            match String::from_utf8(bytes) {
                Ok(s) => return Ok(s),
                Err(e) => bytes = e.into_bytes(),
            }
        }
    }
    decode(&bytes)
}

/// Windows-1252 (a superset of Latin-1 for printable text), accepted only
/// when no byte is undefined or a control character and the text is mostly
/// ASCII — then the decoding is unambiguous.
fn decode_cp1252(bytes: &[u8]) -> Option<String> {
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    if high * 4 > bytes.len() {
        return None;
    }
    // Bytes Windows-1252 leaves undefined make the guess wrong.
    if bytes
        .iter()
        .any(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
    {
        return None;
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    Some(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Taking the bytes changes nothing but the copy.
        #[test]
        fn decoding_owned_bytes_is_decoding(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64), bom in 0..4usize) {
            let mut b = [&[][..], &[0xEF, 0xBB, 0xBF][..], &[0xFF, 0xFE][..], &[0xFE, 0xFF][..]][bom].to_vec();
            b.extend(bytes);
            proptest::prop_assert_eq!(decode_owned(b.clone()), decode(&b));
        }
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
    }
}
