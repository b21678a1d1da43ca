//! The signature in the PDF: an incremental update (ISO 32000-1, 12.8) that adds an
//! invisible signature field on the first page and its signature dictionary
//! (`/SubFilter /ETSI.CAdES.detached`), written by `lopdf`. The `/ByteRange` covers the
//! whole file but the `/Contents` hex string, into which the CMS signature is written.

use chrono::{DateTime, FixedOffset};
use lopdf::{dictionary, Dictionary, Document, IncrementalDocument, Object, StringFormat};
use sha2::{Digest, Sha256};

use crate::key::OrganisationKey;
use crate::SignError;

/// Room for the CMS signature, bytes: the chain and, later, a time stamp token fit.
const CONTENTS_LEN: usize = 16 * 1024;
/// A number as wide as any offset the byte range will hold, written in its place first.
const PLACEHOLDER: i64 = 9_999_999_999;
/// The key of the signature dictionary that carries Paragraf's statement (the seal and
/// what it covers, JSON); it is inside the byte range, so the signature covers it.
pub const STATEMENT_KEY: &[u8] = b"Paragraf_Sigill";

/// What the signature dictionary says besides the signature.
#[derive(Debug, Clone)]
pub struct SignatureInfo {
    /// `/Name`: who signs (the organisation).
    pub name: String,
    /// `/Reason`, such as "Justerat protokoll".
    pub reason: String,
    /// `/Location`, such as the municipality.
    pub location: String,
    /// `/M`: when.
    pub time: DateTime<FixedOffset>,
    /// A statement to carry, covered by the signature (Paragraf's seal, JSON).
    pub statement: Option<String>,
}

fn pdf_error(e: lopdf::Error) -> SignError {
    SignError::Pdf(e.to_string())
}

fn pdf_date(t: &DateTime<FixedOffset>) -> String {
    let off = t.offset().local_minus_utc();
    let sign = if off < 0 { '-' } else { '+' };
    let off = off.abs();
    format!(
        "D:{}{sign}{:02}'{:02}'",
        t.format("%Y%m%d%H%M%S"),
        off / 3600,
        off % 3600 / 60
    )
}

/// Signs `pdf` with `key`: the PDF as it was, then the signature as an update (PAdES-B-B).
pub fn sign_pdf(
    pdf: &[u8],
    key: &dyn OrganisationKey,
    info: &SignatureInfo,
) -> Result<Vec<u8>, SignError> {
    sign_pdf_with(pdf, key, info, None)
}

/// [`sign_pdf`], with a time stamp from `tsa` over the signature (PAdES-B-T) when given.
pub fn sign_pdf_with(
    pdf: &[u8],
    key: &dyn OrganisationKey,
    info: &SignatureInfo,
    tsa: Option<&dyn crate::TimeStamper>,
) -> Result<Vec<u8>, SignError> {
    let prev = Document::load_mem(pdf).map_err(pdf_error)?;
    let root = prev
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(pdf_error)?;
    let first_page = *prev
        .get_pages()
        .get(&1)
        .ok_or_else(|| SignError::Pdf("PDF-filen har inga sidor".into()))?;
    let existing = prev
        .objects
        .values()
        .filter(|o| {
            o.as_dict()
                .is_ok_and(|d| d.get(b"FT").and_then(Object::as_name).ok() == Some(b"Sig"))
        })
        .count();
    let mut doc = IncrementalDocument::create_from(pdf.to_vec(), prev);

    let mut sig = dictionary! {
        "Type" => "Sig",
        "Filter" => "Adobe.PPKLite",
        "SubFilter" => "ETSI.CAdES.detached",
        "ByteRange" => vec![0.into(), PLACEHOLDER.into(), PLACEHOLDER.into(), PLACEHOLDER.into()],
        "Contents" => Object::String(vec![0; CONTENTS_LEN], StringFormat::Hexadecimal),
        "M" => Object::string_literal(pdf_date(&info.time)),
        "Name" => Object::String(text_string(&info.name), StringFormat::Literal),
        "Reason" => Object::String(text_string(&info.reason), StringFormat::Literal),
        "Location" => Object::String(text_string(&info.location), StringFormat::Literal),
    };
    if let Some(statement) = &info.statement {
        sig.set(
            STATEMENT_KEY,
            Object::String(statement.as_bytes().to_vec(), StringFormat::Hexadecimal),
        );
    }
    let sig_id = doc.new_document.add_object(sig);
    let widget_id = doc.new_document.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "Rect" => vec![0.into(), 0.into(), 0.into(), 0.into()],
        // Print and Locked: PDF/A wants annotations printable.
        "F" => 132,
        "T" => Object::string_literal(format!("Sigill {}", existing + 1)),
        "V" => sig_id,
        "P" => first_page,
    });

    // The page lists the widget among its annotations.
    doc.opt_clone_object_to_new_document(first_page)
        .map_err(pdf_error)?;
    let annots = doc
        .get_prev_documents()
        .get_dictionary(first_page)
        .ok()
        .and_then(|p| p.get(b"Annots").ok().cloned());
    let mut list = match annots {
        Some(Object::Array(a)) => a,
        Some(Object::Reference(id)) => doc
            .get_prev_documents()
            .get_object(id)
            .and_then(Object::as_array)
            .cloned()
            .map_err(pdf_error)?,
        _ => Vec::new(),
    };
    list.push(widget_id.into());
    doc.new_document
        .get_dictionary_mut(first_page)
        .map_err(pdf_error)?
        .set("Annots", list);

    // The catalogue's form lists the field; SigFlags 3: signatures exist, append only.
    doc.opt_clone_object_to_new_document(root)
        .map_err(pdf_error)?;
    let form = doc
        .get_prev_documents()
        .catalog()
        .ok()
        .and_then(|c| c.get(b"AcroForm").ok().cloned());
    let mut form: Dictionary = match form {
        Some(Object::Dictionary(d)) => d,
        Some(Object::Reference(id)) => doc
            .get_prev_documents()
            .get_dictionary(id)
            .cloned()
            .map_err(pdf_error)?,
        _ => Dictionary::new(),
    };
    let mut fields = form
        .get(b"Fields")
        .and_then(Object::as_array)
        .cloned()
        .unwrap_or_default();
    fields.push(widget_id.into());
    form.set("Fields", fields);
    form.set("SigFlags", 3);
    doc.new_document
        .get_dictionary_mut(root)
        .map_err(pdf_error)?
        .set("AcroForm", form);

    let mut out = Vec::with_capacity(pdf.len() + 2 * CONTENTS_LEN + 4096);
    doc.save_to(&mut out)
        .map_err(|e| SignError::Pdf(e.to_string()))?;

    // Where the placeholders landed (only in the appended update).
    let from = pdf.len();
    let hex_zeros = vec![b'0'; 2 * CONTENTS_LEN];
    let contents_at = find(&out[from..], &hex_zeros)
        .map(|i| i + from - 1)
        .filter(|&i| out[i] == b'<' && out.get(i + 1 + 2 * CONTENTS_LEN) == Some(&b'>'))
        .ok_or_else(|| SignError::Pdf("platsen för signaturen hittades inte".into()))?;
    let range_text = format!("[0 {PLACEHOLDER} {PLACEHOLDER} {PLACEHOLDER}]");
    let range_at = find(&out[from..], range_text.as_bytes())
        .map(|i| i + from)
        .ok_or_else(|| SignError::Pdf("platsen för ByteRange hittades inte".into()))?;
    let a = contents_at;
    let b = contents_at + 2 * CONTENTS_LEN + 2;
    let c = out.len() - b;
    let mut range = format!("[0 {a} {b} {c}");
    while range.len() < range_text.len() - 1 {
        range.push(' ');
    }
    range.push(']');
    out[range_at..range_at + range_text.len()].copy_from_slice(range.as_bytes());

    let mut hasher = Sha256::new();
    hasher.update(&out[..a]);
    hasher.update(&out[b..]);
    let digest = hasher.finalize();
    let cms = crate::cms::sign(key, &digest, tsa)?;
    if 2 * cms.len() > 2 * CONTENTS_LEN {
        return Err(SignError::Cms(format!(
            "signaturen ({} byte) får inte plats i PDF-filen",
            cms.len()
        )));
    }
    let hex: String = cms.iter().map(|b| format!("{b:02X}")).collect();
    out[a + 1..a + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(out)
}

/// A PDF text string: PDFDocEncoding when ASCII, else UTF-16BE with its byte order mark.
fn text_string(s: &str) -> Vec<u8> {
    if s.is_ascii() {
        return s.as_bytes().to_vec();
    }
    let mut out = vec![0xfe, 0xff];
    for u in s.encode_utf16() {
        out.extend_from_slice(&u.to_be_bytes());
    }
    out
}

fn text_of(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// One signature found in a PDF and what holds of it.
#[derive(Debug, Clone)]
pub struct FoundSignature {
    /// The signer's certificate subject, as text.
    pub signer: String,
    /// SHA-256 of the signer's certificate, hex.
    pub certificate_sha256: Option<String>,
    /// `/M`, as written.
    pub time: Option<String>,
    /// `/Reason`.
    pub reason: Option<String>,
    /// The statement Paragraf wrote into the signature dictionary, if any.
    pub statement: Option<String>,
    /// The byte range is well-formed: it starts at 0 and leaves out exactly `/Contents`.
    pub range_sound: bool,
    /// The signature covers the whole file (nothing was appended after signing).
    pub covers_whole_file: bool,
    /// The signed bytes have the digest the signature names.
    pub digest_matches: bool,
    /// The signature verifies with the certificate's key.
    pub signature_valid: bool,
    /// The signature names its certificate (ESS signing-certificate-v2).
    pub certificate_bound: bool,
    /// The time of its RFC 3161 time stamp (UTC), when it has one; `Err` with why when the
    /// time stamp does not cover the signature.
    pub timestamp: Option<Result<String, String>>,
}

impl FoundSignature {
    /// Whether the signature holds and the document is as signed.
    pub fn ok(&self) -> bool {
        self.range_sound
            && self.covers_whole_file
            && self.digest_matches
            && self.signature_valid
            && self.certificate_bound
            && !matches!(self.timestamp, Some(Err(_)))
    }
}

/// Every signature of `pdf`, checked. A file that is no readable PDF is an error; a
/// signature that does not hold is reported, not an error.
pub fn signatures(pdf: &[u8]) -> Result<Vec<FoundSignature>, SignError> {
    let doc = Document::load_mem(pdf).map_err(|e| SignError::Pdf(e.to_string()))?;
    let mut out = Vec::new();
    for object in doc.objects.values() {
        let Ok(d) = object.as_dict() else { continue };
        if d.get(b"Type").and_then(Object::as_name).ok() != Some(b"Sig") {
            continue;
        }
        out.push(check_one(pdf, d));
    }
    Ok(out)
}

fn check_one(pdf: &[u8], d: &Dictionary) -> FoundSignature {
    let text = |key: &[u8]| d.get(key).and_then(Object::as_str).ok().map(text_of);
    let mut found = FoundSignature {
        signer: String::new(),
        certificate_sha256: None,
        time: text(b"M"),
        reason: text(b"Reason"),
        statement: d
            .get(STATEMENT_KEY)
            .and_then(Object::as_str)
            .ok()
            .map(|b| String::from_utf8_lossy(b).into_owned()),
        range_sound: false,
        covers_whole_file: false,
        digest_matches: false,
        signature_valid: false,
        certificate_bound: false,
        timestamp: None,
    };
    let range: Vec<usize> = d
        .get(b"ByteRange")
        .and_then(Object::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|o| o.as_i64().ok().and_then(|n| usize::try_from(n).ok()))
                .collect()
        })
        .unwrap_or_default();
    let Ok(contents) = d.get(b"Contents").and_then(Object::as_str) else {
        return found;
    };
    let [0, a, b, c] = range[..] else {
        return found;
    };
    let Some(end) = b.checked_add(c) else {
        return found;
    };
    if a >= b || end > pdf.len() {
        return found;
    }
    // The gap must be exactly the hex string of /Contents.
    let gap = &pdf[a..b];
    let hex: String = contents.iter().map(|b| format!("{b:02x}")).collect();
    found.range_sound = gap.first() == Some(&b'<')
        && gap.last() == Some(&b'>')
        && gap[1..gap.len() - 1].eq_ignore_ascii_case(hex.as_bytes());
    found.covers_whole_file = end == pdf.len();
    let mut hasher = Sha256::new();
    hasher.update(&pdf[..a]);
    hasher.update(&pdf[b..end]);
    let digest = hasher.finalize();
    if let Ok(check) = crate::cms::check(contents, &digest) {
        if let Some(cert) = &check.signer {
            found.signer = cert.tbs_certificate().subject().to_string();
            found.certificate_sha256 = Some(crate::key::certificate_fingerprint(cert));
        }
        found.digest_matches = check.digest_matches;
        found.signature_valid = check.signature_valid;
        found.certificate_bound = check.certificate_bound;
        found.timestamp = check.timestamp;
    }
    found
}
