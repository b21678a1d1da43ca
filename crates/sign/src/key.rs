//! The organisation's key (*organisationscertifikat*, e-sigill): what signs the PDFs.
//!
//! Two places to keep it, both outside the data directory:
//! * [`FileKey`]: a PKCS#8 private key and its certificate chain as PEM files, such as the
//!   self-signed pair [`create_self_signed`] makes for an installation that has no
//!   organisation certificate yet;
//! * [`TokenKey`]: a key on a PKCS#11 token (an HSM or a smart card; SoftHSM2 in the tests),
//!   which never leaves the token; the certificate is a PEM file beside the configuration.

use std::path::Path;
use std::sync::Mutex;

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::types::AuthPin;
use der::asn1::ObjectIdentifier;
use der::{Any, Decode, Encode, EncodePem};
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;

use crate::SignError;

/// id-ecPublicKey.
const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
/// rsaEncryption.
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// ecdsa-with-SHA256.
pub(crate) const ECDSA_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
/// sha256WithRSAEncryption.
pub(crate) const RSA_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");

/// The kinds of key a signature can be made and checked with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// ECDSA on P-256 with SHA-256.
    EcdsaP256,
    /// RSA PKCS#1 v1.5 with SHA-256 (most organisation certificates sold in Sweden).
    Rsa,
}

impl KeyKind {
    /// The kind of the certificate's public key; other kinds are refused.
    pub fn of(cert: &Certificate) -> Result<KeyKind, SignError> {
        let alg = &cert
            .tbs_certificate()
            .subject_public_key_info()
            .algorithm
            .oid;
        if *alg == EC_PUBLIC_KEY {
            Ok(KeyKind::EcdsaP256)
        } else if *alg == RSA_ENCRYPTION {
            Ok(KeyKind::Rsa)
        } else {
            Err(SignError::Key(format!(
                "certifikatets nyckeltyp ({alg}) stöds inte: använd ECDSA P-256 eller RSA"
            )))
        }
    }

    /// The CMS signature algorithm of this kind of key.
    pub(crate) fn signature_algorithm(self) -> AlgorithmIdentifierOwned {
        match self {
            KeyKind::EcdsaP256 => AlgorithmIdentifierOwned {
                oid: ECDSA_SHA256,
                parameters: None,
            },
            KeyKind::Rsa => AlgorithmIdentifierOwned {
                oid: RSA_SHA256,
                parameters: Some(Any::null()),
            },
        }
    }
}

/// A key that signs for the organisation, with its certificate first and the rest of its
/// chain after.
pub trait OrganisationKey: Send + Sync {
    /// The signer's certificate, then the certificates that issued it.
    fn chain(&self) -> &[Certificate];
    /// Signs `message` (SHA-256 over it is what the key signs): for ECDSA the DER
    /// `ECDSA-Sig-Value`, for RSA the PKCS#1 v1.5 signature.
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, SignError>;
    /// The kind of the key.
    fn kind(&self) -> KeyKind;
}

/// A PKCS#8 P-256 key and its certificate chain, read from PEM files.
pub struct FileKey {
    key: p256::ecdsa::SigningKey,
    chain: Vec<Certificate>,
}

impl FileKey {
    /// Reads the key and the chain (the signer's certificate first). The key must be the
    /// certificate's.
    pub fn load(key_file: &Path, cert_file: &Path) -> Result<FileKey, SignError> {
        let key_pem = read_text(key_file)?;
        let key = p256::ecdsa::SigningKey::from_pkcs8_pem(&key_pem).map_err(|e| {
            SignError::Key(format!(
                "{}: ingen PKCS#8-nyckel för ECDSA P-256 ({e})",
                key_file.display()
            ))
        })?;
        let chain = read_chain(cert_file)?;
        FileKey::matched(key, chain).map_err(|_| {
            SignError::Key(format!(
                "nyckeln i {} hör inte till certifikatet i {}",
                key_file.display(),
                cert_file.display()
            ))
        })
    }

    /// Reads a PKCS#12 file (`.p12`, `.pfx`) opened with `password`: its private key
    /// (ECDSA P-256) and the certificate chain it holds.
    pub fn load_pkcs12(file: &Path, password: &str) -> Result<FileKey, SignError> {
        let data = std::fs::read(file)
            .map_err(|e| SignError::Key(format!("kunde inte läsa {}: {e}", file.display())))?;
        let store = p12_keystore::KeyStore::from_pkcs12(&data, password).map_err(|e| {
            SignError::Key(format!(
                "{}: PKCS#12-filen kunde inte öppnas — fel lösenord eller skadad fil ({e})",
                file.display()
            ))
        })?;
        let (_, entry) = store.private_key_chain().ok_or_else(|| {
            SignError::Key(format!(
                "{}: PKCS#12-filen har ingen privat nyckel",
                file.display()
            ))
        })?;
        let key = p256::ecdsa::SigningKey::from_pkcs8_der(entry.key()).map_err(|e| {
            SignError::Key(format!(
                "{}: nyckeln är ingen ECDSA P-256-nyckel ({e})",
                file.display()
            ))
        })?;
        let chain = entry
            .chain()
            .iter()
            .map(|c| Certificate::from_der(c.as_der()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| {
                SignError::Key(format!(
                    "{}: ett certifikat kan inte läsas ({e})",
                    file.display()
                ))
            })?;
        FileKey::matched(key, chain).map_err(|_| {
            SignError::Key(format!(
                "{}: inget certifikat i filen hör till nyckeln",
                file.display()
            ))
        })
    }

    /// The key with its chain, the key's own certificate first; `Err` when none is its.
    fn matched(key: p256::ecdsa::SigningKey, mut chain: Vec<Certificate>) -> Result<FileKey, ()> {
        let public = key.verifying_key().to_sec1_bytes();
        let own = chain.iter().position(|c| {
            c.tbs_certificate()
                .subject_public_key_info()
                .subject_public_key
                .raw_bytes()
                == public.as_ref()
        });
        let Some(i) = own else {
            return Err(());
        };
        let first = chain.remove(i);
        chain.insert(0, first);
        Ok(FileKey { key, chain })
    }
}

impl OrganisationKey for FileKey {
    fn chain(&self) -> &[Certificate] {
        &self.chain
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, SignError> {
        use p256::ecdsa::signature::Signer;
        let sig: p256::ecdsa::Signature = self
            .key
            .try_sign(message)
            .map_err(|e| SignError::Key(format!("signeringen misslyckades: {e}")))?;
        Ok(sig.to_der().as_bytes().to_vec())
    }

    fn kind(&self) -> KeyKind {
        KeyKind::EcdsaP256
    }
}

/// Where a key on a PKCS#11 token is found.
#[derive(Debug, Clone)]
pub struct TokenConfig {
    /// The PKCS#11 module, such as `/usr/lib/softhsm/libsofthsm2.so`.
    pub module: String,
    /// The token's label.
    pub token: String,
    /// The private key's label (`CKA_LABEL`).
    pub key_label: String,
    /// The user PIN.
    pub pin: String,
}

/// A private key on a PKCS#11 token; it is used there and never read out.
pub struct TokenKey {
    // The context must outlive the session.
    session: Mutex<Session>,
    _context: Pkcs11,
    key: ObjectHandle,
    chain: Vec<Certificate>,
    kind: KeyKind,
}

impl TokenKey {
    /// Opens the token, logs in and finds the key; the certificate chain is read from
    /// `cert_file` (PEM).
    pub fn open(config: &TokenConfig, cert_file: &Path) -> Result<TokenKey, SignError> {
        let chain = read_chain(cert_file)?;
        let kind = KeyKind::of(&chain[0])?;
        let p11 = |what: &str, e: cryptoki::error::Error| {
            SignError::Key(format!("PKCS#11 ({}): {what}: {e}", config.module))
        };
        let context =
            Pkcs11::new(&config.module).map_err(|e| p11("modulen kunde inte laddas", e))?;
        // A module is initialised once per process; another key opened through it finds it
        // started.
        match context.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)) {
            Ok(())
            | Err(cryptoki::error::Error::Pkcs11(
                cryptoki::error::RvError::CryptokiAlreadyInitialized,
                _,
            )) => {}
            Err(e) => return Err(p11("modulen kunde inte startas", e)),
        }
        let slots = context
            .get_slots_with_token()
            .map_err(|e| p11("inga kortplatser", e))?;
        let mut found = None;
        for slot in slots {
            let info = context
                .get_token_info(slot)
                .map_err(|e| p11("kunde inte läsa token", e))?;
            if info.label().trim_end() == config.token {
                found = Some(slot);
                break;
            }
        }
        let slot = found.ok_or_else(|| {
            SignError::Key(format!(
                "PKCS#11 ({}): ingen token med etiketten ”{}”",
                config.module, config.token
            ))
        })?;
        let session = context
            .open_ro_session(slot)
            .map_err(|e| p11("kunde inte öppna en session", e))?;
        session
            .login(
                UserType::User,
                Some(&AuthPin::new(config.pin.clone().into())),
            )
            .map_err(|e| p11("inloggningen på token misslyckades (fel PIN?)", e))?;
        let keys = session
            .find_objects(&[
                Attribute::Class(ObjectClass::PRIVATE_KEY),
                Attribute::Label(config.key_label.as_bytes().to_vec()),
            ])
            .map_err(|e| p11("kunde inte söka nycklar", e))?;
        let [key] = keys[..] else {
            return Err(SignError::Key(format!(
                "PKCS#11 ({}): {} privata nycklar med etiketten ”{}” på token ”{}” (en väntades)",
                config.module,
                keys.len(),
                config.key_label,
                config.token
            )));
        };
        Ok(TokenKey {
            session: Mutex::new(session),
            _context: context,
            key,
            chain,
            kind,
        })
    }
}

impl OrganisationKey for TokenKey {
    fn chain(&self) -> &[Certificate] {
        &self.chain
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, SignError> {
        let session = self
            .session
            .lock()
            .map_err(|_| SignError::Key("PKCS#11-sessionen är förgiftad".into()))?;
        let failed = |e: cryptoki::error::Error| {
            SignError::Key(format!("PKCS#11: signeringen på token misslyckades: {e}"))
        };
        match self.kind {
            KeyKind::EcdsaP256 => {
                // CKM_ECDSA signs a digest and returns r ‖ s; CMS wants it DER-encoded.
                let digest = Sha256::digest(message);
                let raw = session
                    .sign(&Mechanism::Ecdsa, self.key, &digest)
                    .map_err(failed)?;
                let sig = p256::ecdsa::Signature::from_slice(&raw).map_err(|e| {
                    SignError::Key(format!("PKCS#11: token gav ingen ECDSA-signatur: {e}"))
                })?;
                Ok(sig.to_der().as_bytes().to_vec())
            }
            KeyKind::Rsa => session
                .sign(&Mechanism::Sha256RsaPkcs, self.key, message)
                .map_err(failed),
        }
    }

    fn kind(&self) -> KeyKind {
        self.kind
    }
}

fn read_text(path: &Path) -> Result<String, SignError> {
    std::fs::read_to_string(path)
        .map_err(|e| SignError::Key(format!("kunde inte läsa {}: {e}", path.display())))
}

fn read_chain(cert_file: &Path) -> Result<Vec<Certificate>, SignError> {
    let pem = read_text(cert_file)?;
    let chain = Certificate::load_pem_chain(pem.as_bytes()).map_err(|e| {
        SignError::Key(format!(
            "{}: inga certifikat i PEM-form ({e})",
            cert_file.display()
        ))
    })?;
    if chain.is_empty() {
        return Err(SignError::Key(format!(
            "{}: filen har inget certifikat",
            cert_file.display()
        )));
    }
    Ok(chain)
}

/// The names of the two files [`create_self_signed`] writes in its folder.
pub const SELF_SIGNED_KEY: &str = "organisation.key";
/// See [`SELF_SIGNED_KEY`].
pub const SELF_SIGNED_CERT: &str = "organisation.crt";

/// Makes a new P-256 key and a self-signed certificate for `organisation` valid for ten
/// years, and writes them to `dir` (the key with mode 0600; neither may exist). For an
/// installation without an organisation certificate: its signatures verify, but only those
/// who trust this certificate's fingerprint trust them.
pub fn create_self_signed(dir: &Path, organisation: &str) -> Result<FileKey, SignError> {
    use x509_cert::builder::{Builder, CertificateBuilder};
    use x509_cert::name::Name;
    use x509_cert::serial_number::SerialNumber;
    use x509_cert::time::Validity;

    let key = loop {
        let mut bytes = [0u8; 32];
        getrandom::getrandom(&mut bytes)
            .map_err(|e| SignError::Key(format!("ingen slumpkälla: {e}")))?;
        if let Ok(k) = p256::ecdsa::SigningKey::from_slice(&bytes) {
            break k;
        }
    };
    let mut serial = [0u8; 16];
    getrandom::getrandom(&mut serial)
        .map_err(|e| SignError::Key(format!("ingen slumpkälla: {e}")))?;
    serial[0] &= 0x7f;
    let cn = organisation.replace(['\\', ',', '+', '"', '<', '>', ';', '='], " ");
    let subject = std::str::FromStr::from_str(&format!("CN={cn} (Paragraf e-sigill),O={cn}"))
        .map_err(|e: der::Error| SignError::Key(format!("certifikatets namn: {e}")))?;
    let subject: Name = subject;
    let validity = Validity::from_now(std::time::Duration::from_secs(10 * 366 * 24 * 3600))
        .map_err(|e| SignError::Key(format!("certifikatets giltighet: {e}")))?;
    let spki = spki::SubjectPublicKeyInfoOwned::from_key(key.verifying_key())
        .map_err(|e| SignError::Key(format!("den publika nyckeln: {e}")))?;
    let builder = CertificateBuilder::new(
        profile::SealProfile { subject },
        SerialNumber::new(&serial).map_err(|e| SignError::Key(format!("serienummer: {e}")))?,
        validity,
        spki,
    )
    .map_err(|e| SignError::Key(format!("certifikatet: {e}")))?;
    let cert = builder
        .build::<_, p256::ecdsa::DerSignature>(&key)
        .map_err(|e| SignError::Key(format!("certifikatet kunde inte signeras: {e}")))?;

    std::fs::create_dir_all(dir)
        .map_err(|e| SignError::Key(format!("kunde inte skapa {}: {e}", dir.display())))?;
    let key_pem = key
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| SignError::Key(format!("nyckeln kunde inte skrivas: {e}")))?;
    write_new(&dir.join(SELF_SIGNED_KEY), key_pem.as_bytes(), true)?;
    let cert_pem = cert
        .to_pem(der::pem::LineEnding::LF)
        .map_err(|e| SignError::Key(format!("certifikatet kunde inte skrivas: {e}")))?;
    write_new(&dir.join(SELF_SIGNED_CERT), cert_pem.as_bytes(), false)?;
    Ok(FileKey {
        key,
        chain: vec![cert],
    })
}

fn write_new(path: &Path, bytes: &[u8], private: bool) -> Result<(), SignError> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    let mut f = opts
        .open(path)
        .map_err(|e| SignError::Key(format!("kunde inte skapa {}: {e}", path.display())))?;
    f.write_all(bytes)
        .and_then(|_| f.sync_all())
        .map_err(|e| SignError::Key(format!("kunde inte skriva {}: {e}", path.display())))
}

/// SHA-256 of the certificate's DER, hex: its fingerprint.
pub fn certificate_fingerprint(cert: &Certificate) -> String {
    let der = cert.to_der().unwrap_or_default();
    Sha256::digest(&der)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

mod profile {
    //! The profile of the self-signed e-seal certificate: an end-entity certificate whose
    //! key signs documents (digitalSignature, nonRepudiation), not other certificates.
    use spki::SubjectPublicKeyInfoRef;
    use x509_cert::builder::profile::BuilderProfile;
    use x509_cert::certificate::TbsCertificate;
    use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, KeyUsages, SubjectKeyIdentifier};
    use x509_cert::ext::{Extension, ToExtension};
    use x509_cert::name::Name;

    pub(super) struct SealProfile {
        pub(super) subject: Name,
    }

    impl BuilderProfile for SealProfile {
        fn get_issuer(&self, subject: &Name) -> Name {
            subject.clone()
        }

        fn get_subject(&self) -> Name {
            self.subject.clone()
        }

        fn build_extensions(
            &self,
            spk: SubjectPublicKeyInfoRef<'_>,
            _issuer_spk: SubjectPublicKeyInfoRef<'_>,
            tbs: &TbsCertificate,
        ) -> x509_cert::builder::Result<Vec<Extension>> {
            let mut out: Vec<Extension> = Vec::new();
            let ski = SubjectKeyIdentifier::try_from(spk)?;
            out.push(ski.to_extension(tbs.subject(), &out)?);
            out.push(
                BasicConstraints {
                    ca: false,
                    path_len_constraint: None,
                }
                .to_extension(tbs.subject(), &out)?,
            );
            out.push(
                KeyUsage(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation)
                    .to_extension(tbs.subject(), &out)?,
            );
            Ok(out)
        }
    }
}
