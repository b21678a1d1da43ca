//! Elektroniska underskrifter i PDF: the organisation key that signs the documents of
//! adjusted minutes (protokoll, offentlig version, protokollsutdrag, anslag) with a PAdES
//! signature, and the check of a PDF's signatures and of the seal it carries — offline,
//! without a data directory.
//!
//! The key is never in the data directory: it is the one `[underskrift]` in `paragraf.toml`
//! names (PEM files or a PKCS#11 token), or else a self-signed key made on first use in the
//! folder `<datakatalog>.nycklar` beside the data directory.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use paragraf_core::seal::{self, Seal};
use paragraf_sign::{FileKey, OrganisationKey, SignatureInfo, TokenConfig, TokenKey};
use serde::{Deserialize, Serialize};

use crate::DataDir;

/// The folder of the default key, beside the data directory.
pub fn default_key_dir(data: &Path) -> PathBuf {
    let abs = std::path::absolute(data).unwrap_or_else(|_| data.to_path_buf());
    let name = abs
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "paragraf".into());
    abs.with_file_name(format!("{name}.nycklar"))
}

/// The organisation key in force.
pub fn organisation_key(dir: &DataDir) -> Result<Box<dyn OrganisationKey>> {
    let config = dir.config();
    if let Some(c) = &config.underskrift {
        if let Some(module) = &c.pkcs11_modul {
            let pin = std::env::var("PARAGRAF_PKCS11_PIN").context(
                "[underskrift] anger en PKCS#11-token men miljövariabeln PARAGRAF_PKCS11_PIN är inte satt",
            )?;
            let token = TokenConfig {
                module: module.clone(),
                token: c.pkcs11_token.clone().unwrap_or_default(),
                key_label: c.pkcs11_nyckel.clone().unwrap_or_default(),
                pin,
            };
            return Ok(Box::new(TokenKey::open(&token, &c.certifikat)?));
        }
        let key = c.nyckel.as_ref().context(
            "[underskrift] anger varken nyckel eller pkcs11_modul: ange var nyckeln finns",
        )?;
        return Ok(Box::new(FileKey::load(key, &c.certifikat)?));
    }
    let keys = default_key_dir(&dir.path);
    let key = keys.join(paragraf_sign::SELF_SIGNED_KEY);
    let cert = keys.join(paragraf_sign::SELF_SIGNED_CERT);
    if key.exists() {
        return Ok(Box::new(FileKey::load(&key, &cert)?));
    }
    Ok(Box::new(paragraf_sign::create_self_signed(
        &keys,
        &config.municipality.name,
    )?))
}

/// What the signature carries of the minutes: the seal and what it is a seal of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Kommunen.
    pub municipality: String,
    /// Nämnden.
    pub body: String,
    /// Sammanträdesdatum (ISO).
    pub date: String,
    /// The document: "protokoll", "protokoll-offentlig", "utdrag-N", "anslag".
    pub document: String,
    /// The §§ of the minutes.
    pub paragraphs: Vec<u32>,
    /// The seal of the minutes.
    pub seal: Seal,
}

/// Signs `pdf` as the document of adjusted minutes that `statement` describes.
pub fn sign(dir: &DataDir, pdf: &[u8], statement: &Statement) -> Result<Vec<u8>> {
    let key = organisation_key(dir)?;
    let info = SignatureInfo {
        name: statement.municipality.clone(),
        reason: format!(
            "Justerat protokoll, {} {}",
            statement.body, statement.date
        ),
        location: statement.municipality.clone(),
        time: statement.seal.sealed_at,
        statement: Some(serde_json::to_string(statement)?),
    };
    Ok(paragraf_sign::sign_pdf(pdf, key.as_ref(), &info)?)
}

/// One signature of a PDF, as `verify --file` and `/verifiera` tell it.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureReport {
    /// The signature holds and the file is as signed.
    pub valid: bool,
    /// The file has not been changed or added to since it was signed.
    pub unmodified: bool,
    /// Who signed (the certificate's subject).
    pub signer: String,
    /// SHA-256 of the signer's certificate.
    pub certificate_sha256: Option<String>,
    /// When, as the signature says.
    pub time: Option<String>,
    /// The seal and what it covers, when Paragraf signed.
    pub statement: Option<Statement>,
    /// The seal's own signature (ed25519) holds for its digest.
    pub seal_valid: Option<bool>,
}

/// Every signature in the PDF `bytes`, checked; `ok` when there is at least one and all hold.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// At least one signature, and every one holds.
    pub ok: bool,
    /// The signatures.
    pub signatures: Vec<SignatureReport>,
}

/// Checks the signatures of a PDF and the seals they carry; needs no data directory.
pub fn verify_file(bytes: &[u8]) -> Result<FileReport> {
    let found = paragraf_sign::signatures(bytes)?;
    let signatures: Vec<SignatureReport> = found
        .into_iter()
        .map(|s| {
            let statement: Option<Statement> = s
                .statement
                .as_deref()
                .and_then(|j| serde_json::from_str(j).ok());
            let seal_valid = statement.as_ref().map(|st| seal::signature_valid(&st.seal));
            SignatureReport {
                valid: s.ok() && seal_valid != Some(false),
                unmodified: s.covers_whole_file && s.digest_matches,
                signer: s.signer.clone(),
                certificate_sha256: s.certificate_sha256.clone(),
                time: s.time.clone(),
                statement,
                seal_valid,
            }
        })
        .collect();
    Ok(FileReport {
        ok: !signatures.is_empty() && signatures.iter().all(|s| s.valid),
        signatures,
    })
}
