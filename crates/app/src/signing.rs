//! Elektroniska underskrifter i PDF: the organisation key that signs the documents of
//! adjusted minutes (protokoll, offentlig version, protokollsutdrag, anslag) with a PAdES
//! signature, and the check of a PDF's signatures and of the seal it carries — offline,
//! without a data directory.
//!
//! The key is never in the data directory: it is the one `[underskrift]` in `paragraf.toml`
//! names (PEM files or a PKCS#11 token), or else a self-signed key made on first use in the
//! key directory ([`crate::keys::key_dir`]).

use anyhow::{bail, Context, Result};
use paragraf_core::seal::{self, Seal};
use paragraf_sign::{FileKey, OrganisationKey, SignatureInfo, TokenConfig, TokenKey};
use serde::{Deserialize, Serialize};

use std::path::Path;

use crate::DataDir;

/// Keys opened by this process, by data directory: a token is logged in to once, not for
/// every document.
static OPENED: std::sync::LazyLock<
    std::sync::Mutex<
        std::collections::HashMap<std::path::PathBuf, std::sync::Arc<dyn OrganisationKey>>,
    >,
> = std::sync::LazyLock::new(Default::default);

/// The organisation key in force: the one `[underskrift]` names, else the self-signed key in
/// the key directory (made on first use). A key file inside the data directory is refused.
pub fn organisation_key(dir: &DataDir) -> Result<std::sync::Arc<dyn OrganisationKey>> {
    let mut opened = OPENED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(k) = opened.get(&dir.path) {
        return Ok(k.clone());
    }
    let key = open_key(dir)?;
    opened.insert(dir.path.clone(), key.clone());
    Ok(key)
}

fn open_key(dir: &DataDir) -> Result<std::sync::Arc<dyn OrganisationKey>> {
    let config = dir.config();
    let Some(c) = config
        .underskrift
        .as_ref()
        .filter(|c| c.pkcs12.is_some() || c.pkcs11_modul.is_some() || c.nyckel.is_some())
    else {
        let keys = crate::keys::key_dir(dir)?;
        let key = keys.join(paragraf_sign::SELF_SIGNED_KEY);
        let cert = keys.join(paragraf_sign::SELF_SIGNED_CERT);
        if key.exists() {
            return Ok(std::sync::Arc::new(FileKey::load(&key, &cert)?));
        }
        return Ok(std::sync::Arc::new(paragraf_sign::create_self_signed(
            &keys,
            &config.municipality.name,
        )?));
    };
    let data = std::path::absolute(&dir.path).unwrap_or_else(|_| dir.path.clone());
    for f in [&c.pkcs12, &c.nyckel].into_iter().flatten() {
        let abs = std::path::absolute(f).unwrap_or_else(|_| f.clone());
        if abs.starts_with(&data) {
            bail!(
                "[underskrift]: nyckeln {} ligger i datakatalogen; den ska hållas utanför den",
                f.display()
            );
        }
    }
    let certificate = || {
        c.certifikat.as_ref().context(
            "[underskrift]: ange certifikat = \"…\" (certifikatkedjan i PEM-form) till nyckeln",
        )
    };
    if let Some(p12) = &c.pkcs12 {
        let password = std::env::var("PARAGRAF_PKCS12_PASSWORD").context(
            "[underskrift] anger en PKCS#12-fil men miljövariabeln PARAGRAF_PKCS12_PASSWORD är inte satt",
        )?;
        return Ok(std::sync::Arc::new(FileKey::load_pkcs12(p12, &password)?));
    }
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
        return Ok(std::sync::Arc::new(TokenKey::open(&token, certificate()?)?));
    }
    let key = c.nyckel.as_ref().context(
        "[underskrift] anger varken pkcs12, pkcs11_modul eller nyckel: ange var nyckeln finns",
    )?;
    Ok(std::sync::Arc::new(FileKey::load(key, certificate()?)?))
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
        reason: format!("Justerat protokoll, {} {}", statement.body, statement.date),
        location: statement.municipality.clone(),
        time: crate::clock::now(),
        statement: Some(serde_json::to_string(statement)?),
    };
    let tsa = dir
        .config()
        .underskrift
        .as_ref()
        .and_then(|c| c.tidsstampel.clone())
        .map(HttpTimeStamper);
    Ok(paragraf_sign::sign_pdf_with(
        pdf,
        key.as_ref(),
        &info,
        tsa.as_ref().map(|t| t as &dyn paragraf_sign::TimeStamper),
    )?)
}

/// The signed PDF kept at `path`, when there is one that may be served as the document
/// `statement` describes: its signatures and seal hold, every signature states `statement`,
/// is made with the organisation's certificate of today (a new certificate or key makes the
/// documents anew) and, when a time-stamp authority is configured, carries its time stamp.
/// A kept file that fails is logged and `None` (never served).
pub(crate) fn kept(dir: &DataDir, path: &Path, statement: &Statement) -> Result<Option<Vec<u8>>> {
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(None);
    };
    let certificate = organisation_certificate(dir)?;
    let stamped = dir
        .config()
        .underskrift
        .as_ref()
        .is_some_and(|c| c.tidsstampel.is_some());
    let holds = match verify_file(&bytes) {
        Ok(r) => {
            r.ok && r.signatures.iter().all(|s| {
                s.statement.as_ref() == Some(statement)
                    && s.certificate_sha256.is_some()
                    && s.certificate_sha256 == certificate
                    && (!stamped || s.timestamp.is_some())
            })
        }
        Err(_) => false,
    };
    if holds {
        return Ok(Some(bytes));
    }
    tracing::warn!(
        "{} höll inte vid kontrollen (signatur, sigill, certifikat eller tidsstämpel) och görs om",
        path.display()
    );
    Ok(None)
}

/// The signed PDF kept at `path` when it [may be served](kept); otherwise `render`'s PDF
/// signed now and kept there (written whole or not at all), and the kept files it
/// supersedes (the same document of the meeting, made for an earlier seal, version or
/// certificate) removed.
pub(crate) fn kept_or_signed(
    dir: &DataDir,
    meeting: paragraf_core::ids::MeetingId,
    path: &Path,
    statement: &Statement,
    render: impl FnOnce() -> std::result::Result<Vec<u8>, paragraf_render::RenderError>,
) -> Result<Vec<u8>> {
    if let Some(bytes) = kept(dir, path, statement)? {
        keep_by_content(dir, meeting, &bytes, statement);
        return Ok(bytes);
    }
    let signed = sign(dir, &render()?, statement)?;
    let parent = path.parent().unwrap_or(Path::new("."));
    crate::datadir::create_private_dir(parent)?;
    // One temporary name per process and write: two requests (or two instances) signing at
    // once each rename a whole file of their own into place.
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let tmp = path.with_extension(format!(
        "tmp{}-{}",
        std::process::id(),
        WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    crate::datadir::write_private(&tmp, &signed)?;
    std::fs::rename(&tmp, path).with_context(|| format!("kunde inte skriva {}", path.display()))?;
    remove_superseded(path, &statement.document);
    keep_by_content(dir, meeting, &signed, statement);
    Ok(signed)
}

/// Where each signed public document that has been served is noted under the SHA-256 of
/// its bytes (*innehållsadress*): `{sha256}.json` names its meeting and document. The
/// address (`/filer/{sha256}.pdf`) serves the kept document only while its bytes are the
/// current public document of a published meeting.
pub const CONTENT_DIR: &str = "signerade/innehall";

/// The documents that are public as they are signed, and so may be kept and served by
/// content address: the public version of the minutes and the anslag. (The whole minutes
/// and extracts may hold what is secret: they are served only where access is checked.)
pub const PUBLIC_DOCUMENTS: [&str; 2] = ["protokoll-offentlig", "anslag"];

/// The note of content address `hex`, when `hex` is one (64 lower-case hex digits).
fn content_path(dir: &DataDir, hex: &str) -> Option<std::path::PathBuf> {
    let valid = hex.len() == 64 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    valid.then(|| dir.path.join(CONTENT_DIR).join(format!("{hex}.json")))
}

/// What a content address holds: the document of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentNote {
    /// The meeting.
    pub meeting: paragraf_core::ids::MeetingId,
    /// "protokoll-offentlig" or "anslag".
    pub document: String,
}

/// Notes `bytes`, a signed public document of `meeting` that may be served, under its
/// content address (written once, whole or not at all). A failure is logged: the document
/// is still served by its own address. Any other document is not noted.
fn keep_by_content(
    dir: &DataDir,
    meeting: paragraf_core::ids::MeetingId,
    bytes: &[u8],
    statement: &Statement,
) {
    if !PUBLIC_DOCUMENTS.contains(&statement.document.as_str()) {
        return;
    }
    let hex = seal::sha256_hex(bytes);
    let Some(path) = content_path(dir, &hex) else {
        return;
    };
    if path.exists() {
        return;
    }
    let note = ContentNote {
        meeting,
        document: statement.document.clone(),
    };
    let write = || -> Result<()> {
        crate::datadir::create_private_dir(path.parent().unwrap_or(Path::new(".")))?;
        static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let tmp = path.with_extension(format!(
            "tmp{}-{}",
            std::process::id(),
            WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        crate::datadir::write_private(&tmp, &serde_json::to_vec(&note)?)?;
        std::fs::rename(&tmp, &path)
            .with_context(|| format!("kunde inte skriva {}", path.display()))?;
        Ok(())
    };
    if let Err(e) = write() {
        tracing::warn!("{hex} kunde inte noteras under sin innehållsadress: {e:#}");
    }
}

/// The content address of `bytes` when they are noted under it (a signed public document
/// that has been served).
pub fn content_address(dir: &DataDir, bytes: &[u8]) -> Option<String> {
    let hex = seal::sha256_hex(bytes);
    content_path(dir, &hex).filter(|p| p.exists()).map(|_| hex)
}

/// What content address `hex` says it holds: `None` when it is no address, or nothing (or
/// no readable note) is kept under it.
pub fn content_note(dir: &DataDir, hex: &str) -> Option<ContentNote> {
    let note = std::fs::read(content_path(dir, hex)?).ok()?;
    serde_json::from_slice(&note).ok()
}

/// Removes the kept files of `document` beside `path` (`{document}-{key}.pdf`) other than
/// `path` itself. A file that cannot be removed is logged: it is never served again.
fn remove_superseded(path: &Path, document: &str) {
    let (Some(parent), Some(this)) = (path.parent(), path.file_name()) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(n) = name.to_str() else { continue };
        let key = n
            .strip_prefix(document)
            .and_then(|r| r.strip_prefix('-'))
            .and_then(|r| r.strip_suffix(".pdf"));
        let ours = key.is_some_and(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_hexdigit()));
        if ours && name != this {
            if let Err(err) = std::fs::remove_file(e.path()) {
                tracing::warn!("{} kunde inte tas bort: {err}", e.path().display());
            }
        }
    }
}

/// A time-stamp authority over HTTP (RFC 3161, section 3.4), 30 seconds at most.
struct HttpTimeStamper(String);

impl paragraf_sign::TimeStamper for HttpTimeStamper {
    fn stamp(&self, request: &[u8]) -> std::result::Result<Vec<u8>, String> {
        // On a thread of its own: the blocking client may not run inside the server's
        // runtime, where the web's handlers are.
        std::thread::scope(|s| {
            s.spawn(|| {
                let client = reqwest::blocking::Client::builder()
                    .timeout(std::time::Duration::from_secs(30))
                    .build()
                    .map_err(|e| e.to_string())?;
                let answer = client
                    .post(&self.0)
                    .header("Content-Type", "application/timestamp-query")
                    .body(request.to_vec())
                    .send()
                    .map_err(|e| format!("{}: {e}", self.0))?;
                if !answer.status().is_success() {
                    return Err(format!("{}: HTTP {}", self.0, answer.status()));
                }
                answer
                    .bytes()
                    .map(|b| b.to_vec())
                    .map_err(|e| format!("{}: {e}", self.0))
            })
            .join()
            .map_err(|_| "tidsstämpelbegäran avbröts".to_string())?
        })
    }
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
    /// When, as a time-stamp authority attests (PAdES-B-T), if it does.
    pub timestamp: Option<String>,
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
                time: s.time.as_deref().map(pdf_time),
                timestamp: s.timestamp.clone().and_then(|t| t.ok()),
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

/// What a check of a published protocol — the JSON of `/api/v1/minutes/N` — found.
#[derive(Debug, Clone, Serialize)]
pub struct PublicReport {
    /// The root, the signature and (when a key list was given) the key all hold.
    pub ok: bool,
    /// The root recomputed from the public lines and hashes.
    pub root: Option<String>,
    /// The recomputed root is the sealed one.
    pub root_matches: bool,
    /// The seal's signature holds for the sealed root and the seal's key.
    pub signature_valid: bool,
    /// The key is on the key list and was in force when the seal was made; `None` when no
    /// key list was given.
    pub key_accepted: Option<bool>,
    /// The §§ whose text the root covers here.
    pub shown: Vec<u32>,
    /// The §§ given by their hash only (secret or not yet classified).
    pub hidden: Vec<u32>,
    /// The seal.
    pub seal: Option<Seal>,
    /// What is wrong, in Swedish.
    pub problems: Vec<String>,
}

/// Checks a published protocol offline: recomputes the root from its `seal_proof`, checks
/// the seal's signature, and, with `keys` (the list of `/api/v1/keys`), that its key was in
/// force. Also checks that each § shown in the proof is a § the answer lists, with its title.
pub fn verify_public(
    answer: &serde_json::Value,
    keys: Option<&[crate::keys::PublishedKey]>,
) -> PublicReport {
    use paragraf_core::canonical::{proof_root, ProofLine, PublicProof};
    let mut r = PublicReport {
        ok: false,
        root: None,
        root_matches: false,
        signature_valid: false,
        key_accepted: None,
        shown: vec![],
        hidden: vec![],
        seal: None,
        problems: vec![],
    };
    let seal: Option<Seal> = answer
        .get("seal")
        .and_then(|s| serde_json::from_value(s.clone()).ok());
    let Some(seal) = seal else {
        r.problems
            .push("protokollet har inget sigill (fältet \"seal\" saknas eller är ogiltigt)".into());
        return r;
    };
    let proof: Option<PublicProof> = answer
        .get("seal_proof")
        .and_then(|s| serde_json::from_value(s.clone()).ok());
    match proof {
        None => r.problems.push(
            "protokollet har inget sigillbevis (fältet \"seal_proof\" saknas; protokoll förseglade \
             i format 0 kan bara kontrolleras i datakatalogen)"
                .into(),
        ),
        Some(proof) => {
            match proof_root(&proof) {
                Ok(root) => {
                    r.root_matches = root == seal.sha256;
                    if !r.root_matches {
                        r.problems.push(
                            "roten som räknas fram ur det publicerade protokollet är inte den förseglade: \
                             något har ändrats efter justeringen"
                                .into(),
                        );
                    }
                    r.root = Some(root);
                }
                Err(e) => r.problems.push(format!("sigillbeviset är ogiltigt: {e}")),
            }
            let listed: Vec<(u64, String)> = answer
                .get("paragraphs")
                .and_then(|p| p.as_array())
                .map(|ps| {
                    ps.iter()
                        .map(|p| {
                            (
                                p.get("number").and_then(|n| n.as_u64()).unwrap_or(0),
                                p.get("title").and_then(|t| t.as_str()).unwrap_or("").to_string(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            for p in &proof.paragraphs {
                match &p.line {
                    ProofLine::Text { line } => {
                        r.shown.push(p.number);
                        let title = serde_json::from_str::<serde_json::Value>(line)
                            .ok()
                            .and_then(|v| v.get("title").and_then(|t| t.as_str()).map(str::to_string))
                            .unwrap_or_default();
                        if !listed.iter().any(|(n, t)| *n == u64::from(p.number) && *t == title) {
                            r.problems.push(format!(
                                "§ {}: rubriken i sigillbeviset är inte den som protokollet visar",
                                p.number
                            ));
                        }
                    }
                    ProofLine::Hash { .. } => r.hidden.push(p.number),
                }
            }
        }
    }
    r.signature_valid = seal::signature_valid(&seal);
    if !r.signature_valid {
        r.problems
            .push("sigillets signatur stämmer inte med dess nyckel".into());
    }
    if let Some(keys) = keys {
        let accepted = crate::keys::accepted(keys, &seal.public_key, seal.sealed_at);
        if !accepted {
            r.problems.push(
                "sigillets nyckel finns inte i nyckellistan, eller var inte i kraft när sigillet gjordes"
                    .into(),
            );
        }
        r.key_accepted = Some(accepted);
    }
    r.ok = r.problems.is_empty() && r.root_matches && r.signature_valid;
    r.seal = Some(seal);
    r
}

/// The report on a PDF in plain Swedish, one line each (`verify --file`, `/verifiera`).
pub fn describe_file(r: &FileReport) -> Vec<String> {
    let mut out = Vec::new();
    if r.signatures.is_empty() {
        out.push("PDF-filen har ingen elektronisk underskrift.".into());
        return out;
    }
    out.push(if r.ok {
        "Underskriften håller: filen är oförändrad sedan den skrevs under.".into()
    } else {
        "Underskriften håller INTE: filen har ändrats efter underskriften, eller underskriften är ogiltig.".into()
    });
    for s in &r.signatures {
        out.push(format!(
            "Underskriven av {}{}.",
            s.signer,
            s.time
                .as_deref()
                .map(|t| format!(", {t}"))
                .unwrap_or_default()
        ));
        if !s.unmodified {
            out.push("Filen har ändrats eller fått tillägg efter underskriften.".into());
        }
        if let Some(t) = &s.timestamp {
            out.push(format!("Tidsstämplad av en tidsstämpeltjänst: {t} (UTC)."));
        }
        if let Some(st) = &s.statement {
            out.push(format!(
                "{}: protokoll från {}s sammanträde {}, {}.",
                document_name(&st.document),
                st.body,
                st.date,
                paragraph_span(&st.paragraphs)
            ));
            out.push(format!(
                "Sigill (SHA-256 {}) gjort {} med nyckeln {}: {}.",
                st.seal.sha256,
                st.seal.sealed_at.format("%Y-%m-%d %H:%M"),
                seal::fingerprint(&st.seal.public_key),
                match s.seal_valid {
                    Some(true) => "signaturen håller",
                    _ => "signaturen håller INTE",
                }
            ));
        }
        if let Some(c) = &s.certificate_sha256 {
            out.push(format!("Certifikatets fingeravtryck (SHA-256): {c}."));
        }
    }
    out
}

fn document_name(d: &str) -> String {
    match d {
        "protokoll" => "Protokoll".into(),
        "protokoll-offentlig" => "Protokoll, offentlig version".into(),
        "anslag" => "Anslag".into(),
        d if d.starts_with("utdrag-") => format!("Protokollsutdrag § {}", &d[7..]),
        d => d.to_string(),
    }
}

fn paragraph_span(ps: &[u32]) -> String {
    match (ps.first(), ps.last()) {
        (Some(a), Some(b)) if a == b => format!("§ {a}"),
        (Some(a), Some(b)) => format!("§§ {a}–{b}"),
        _ => "inga paragrafer".into(),
    }
}

/// The report on a published protocol in plain Swedish, one line each.
pub fn describe_public(r: &PublicReport) -> Vec<String> {
    let mut out = vec![if r.ok {
        "Sigillet håller: det publicerade protokollet är det som justerades.".to_string()
    } else {
        "Sigillet håller INTE för det publicerade protokollet.".to_string()
    }];
    if let Some(seal) = &r.seal {
        out.push(format!(
            "Förseglat {} med nyckeln {}.",
            seal.sealed_at.format("%Y-%m-%d %H:%M"),
            seal::fingerprint(&seal.public_key)
        ));
    }
    if !r.shown.is_empty() {
        out.push(format!("Kontrollerade paragrafer: {}.", list(&r.shown)));
    }
    if !r.hidden.is_empty() {
        out.push(format!(
            "Paragrafer som inte publiceras (sekretess eller ännu inte prövade), kontrollerade genom sin kontrollsumma: {}.",
            list(&r.hidden)
        ));
    }
    out.extend(r.problems.iter().map(|p| format!("Fel: {p}.")));
    out
}

fn list(ns: &[u32]) -> String {
    ns.iter()
        .map(|n| format!("§ {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The fingerprint (SHA-256) of the organisation certificate in force, if there is one yet
/// (nothing is made: a reader's check creates no key).
pub fn organisation_certificate(dir: &DataDir) -> Result<Option<String>> {
    if dir.config().underskrift.is_none()
        && !crate::keys::key_dir(dir)?
            .join(paragraf_sign::SELF_SIGNED_CERT)
            .exists()
    {
        return Ok(None);
    }
    let key = organisation_key(dir)?;
    Ok(key
        .chain()
        .first()
        .map(paragraf_sign::certificate_fingerprint))
}

/// What the installation knows of an uploaded PDF, beyond its own signatures.
#[derive(Debug, Clone, Serialize)]
pub struct UploadCheck {
    /// The PDF's signatures.
    pub file: FileReport,
    /// Signed with this installation's organisation certificate (`None`: it has none yet).
    pub our_certificate: Option<bool>,
    /// The published minutes whose seal the PDF carries: their permanent address.
    pub registered: Option<String>,
    /// The PDF carries a seal, but no published minutes here have it.
    pub unknown_seal: bool,
    /// Who approved the registered minutes, their role, when and how.
    pub approvals: Vec<(String, String, String, String)>,
}

/// Checks an uploaded PDF: its signatures, whose certificate, and whether the seal it
/// carries is that of minutes published here.
pub fn check_upload(dir: &DataDir, bytes: &[u8]) -> Result<UploadCheck> {
    let file = verify_file(bytes)?;
    let ours = organisation_certificate(dir)?;
    let our_certificate = ours.map(|o| {
        !file.signatures.is_empty()
            && file
                .signatures
                .iter()
                .all(|s| s.certificate_sha256.as_deref() == Some(o.as_str()))
    });
    let seal = file
        .signatures
        .iter()
        .find_map(|s| s.statement.as_ref().map(|st| st.seal.clone()));
    let mut registered = None;
    let mut approvals = Vec::new();
    if let Some(seal) = &seal {
        for m in dir.storage().meetings()? {
            if !crate::meeting::publication::is_published(&m) {
                continue;
            }
            if let Some(p) = crate::meeting::publication::published(dir, m.id)? {
                if p.minutes.seal() == Some(seal) {
                    registered = Some(crate::meeting::publication::address(dir, &m));
                    approvals = approvals_of(dir, &p.minutes)?;
                    break;
                }
            }
        }
    }
    Ok(UploadCheck {
        unknown_seal: seal.is_some() && registered.is_none(),
        file,
        our_certificate,
        registered,
        approvals,
    })
}

/// A published protocol checked here as a reader would: its public proof recomputed and
/// its seal checked against the key list.
#[derive(Debug, Clone, Serialize)]
pub struct AddressCheck {
    /// The permanent address.
    pub address: String,
    /// Nämnden.
    pub body: String,
    /// Sammanträdesdatum.
    pub date: chrono::NaiveDate,
    /// The check of the public version.
    pub report: PublicReport,
    /// Who approved, their role, when and how.
    pub approvals: Vec<(String, String, String, String)>,
}

/// Checks the published minutes of meeting `id` from what the public gets of them; `None`
/// when nothing is published (or the seal is withheld after a failed check).
pub fn check_published(
    dir: &DataDir,
    id: paragraf_core::ids::MeetingId,
) -> Result<Option<AddressCheck>> {
    use crate::meeting::publication;
    let Some(p) = publication::published(dir, id)? else {
        return Ok(None);
    };
    let store = dir.storage();
    let m = store.meeting(id)?;
    let body = store.body(m.body)?.value.name.clone();
    let paragraphs: Vec<serde_json::Value> = p
        .minutes
        .paragraphs()
        .iter()
        .map(|q| serde_json::json!({ "number": q.number, "title": q.title }))
        .collect();
    let answer = serde_json::json!({
        "seal": p.minutes.seal(),
        "seal_proof": p.proof,
        "paragraphs": paragraphs,
    });
    let keys = crate::keys::list(&dir.path)?;
    let report = verify_public(&answer, Some(&keys));
    let approvals = approvals_of(dir, &p.minutes)?;
    Ok(Some(AddressCheck {
        address: publication::address(dir, &m),
        body,
        date: m.date,
        report,
        approvals,
    }))
}

/// Who approved `minutes`, their role, when and how, with names.
fn approvals_of(
    dir: &DataDir,
    minutes: &paragraf_core::minutes::Minutes,
) -> Result<Vec<(String, String, String, String)>> {
    let names: std::collections::HashMap<_, _> = dir
        .storage()
        .persons()?
        .into_iter()
        .map(|r| (r.id, r.value.name.clone()))
        .collect();
    Ok(minutes
        .approvals()
        .iter()
        .map(|a| {
            (
                names
                    .get(&a.signer)
                    .cloned()
                    .unwrap_or_else(|| format!("person {}", a.signer.0)),
                a.role.swedish().to_string(),
                a.time.format("%Y-%m-%d %H:%M").to_string(),
                a.method.clone(),
            )
        })
        .collect())
}

/// The published meeting an address given by a reader points at: a permanent address
/// (`/organ/{organ}/{datum}/protokoll` or `…/§N`), `/protokoll/{id}` or
/// `/api/v1/minutes/{id}`, with or without scheme and host.
pub fn meeting_at(dir: &DataDir, address: &str) -> Result<Option<paragraf_core::ids::MeetingId>> {
    let a = address.trim();
    let path = match a.find("://") {
        Some(i) => a[i + 3..].find('/').map_or("", |j| &a[i + 3 + j..]),
        None => a,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let id = |s: &str| s.parse::<i64>().ok().map(paragraf_core::ids::MeetingId);
    Ok(match parts.as_slice() {
        ["organ", body, date, _] => match date.parse() {
            Ok(d) => crate::meeting::publication::at_address(dir, body, d)?,
            Err(_) => None,
        },
        ["protokoll", n] | ["protokoll", n, _] | ["api", "v1", "minutes", n] => id(n),
        _ => None,
    })
}

/// A PDF date (`D:20240129120000+01'00'`) as `2024-01-29 12:00 +01:00`; as it is when it is
/// not one.
fn pdf_time(t: &str) -> String {
    let s: String = t
        .trim_start_matches("D:")
        .chars()
        .filter(|c| *c != '\'')
        .collect();
    chrono::DateTime::parse_from_str(&s, "%Y%m%d%H%M%S%z")
        .map(|d| d.format("%Y-%m-%d %H:%M %:z").to_string())
        .unwrap_or_else(|_| t.to_string())
}
