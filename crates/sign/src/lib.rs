//! Signatures in PDFs (*elektroniska underskrifter*, e-sigill) with the municipality's
//! organisation key: PAdES-B-B, made with maintained crates (`lopdf` for the incremental
//! update, RustCrypto's `cms`, `x509-cert` and `der` for the signature, `cryptoki` for
//! PKCS#11 tokens) and checked by this crate as by poppler's `pdfsig` and pyHanko.
//!
//! * [`OrganisationKey`]: what signs — [`FileKey`] (PEM files) or [`TokenKey`] (PKCS#11);
//! * [`sign_pdf`]: adds the signature to a PDF;
//! * [`signatures`]: finds and checks every signature of a PDF.

mod cms;
pub mod key;
mod pdf;
mod tsa;

pub use key::{
    certificate_fingerprint, create_self_signed, FileKey, KeyKind, OrganisationKey, TokenConfig,
    TokenKey, SELF_SIGNED_CERT, SELF_SIGNED_KEY,
};
pub use pdf::{sign_pdf, sign_pdf_with, signatures, FoundSignature, SignatureInfo, STATEMENT_KEY};
pub use tsa::TimeStamper;

/// Errors, in Swedish (they reach operators and users).
#[derive(thiserror::Error, Debug)]
pub enum SignError {
    /// The key or its certificate could not be read or used.
    #[error("organisationsnyckeln: {0}")]
    Key(String),
    /// The PDF could not be read or written.
    #[error("PDF-filen: {0}")]
    Pdf(String),
    /// The CMS signature could not be made or read.
    #[error("signaturen: {0}")]
    Cms(String),
}
