//! The CMS `SignedData` of a PAdES signature (ETSI EN 319 142-1, PAdES-B-B): detached,
//! SHA-256, signed attributes content-type, message-digest and ESS signing-certificate-v2,
//! the signer's certificate chain included. Every structure is the `cms`, `x509-cert` and
//! `der` crates' own; nothing here writes ASN.1 by hand.

use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{ObjectIdentifier, OctetString, SetOfVec};
use der::{Any, Decode, Encode, Sequence, SliceReader};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;
use x509_cert::Certificate;

use crate::key::{KeyKind, OrganisationKey, ECDSA_SHA256, RSA_SHA256};
use crate::SignError;

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const ID_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const ID_CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const ID_MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const ID_SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");
/// id-aa-signatureTimeStampToken (RFC 3161, appendix A): the unsigned attribute of PAdES-B-T.
const ID_SIGNATURE_TIME_STAMP: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.14");

/// ESSCertIDv2 (RFC 5035) with the default hash algorithm (SHA-256), which DER omits.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct EssCertIdV2 {
    cert_hash: OctetString,
}

/// SigningCertificateV2 (RFC 5035), without policies.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

fn sha256_alg() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: ID_SHA256,
        parameters: None,
    }
}

fn bad(what: &str, e: impl std::fmt::Display) -> SignError {
    SignError::Cms(format!("{what}: {e}"))
}

fn attribute(oid: ObjectIdentifier, value: Any) -> Result<Attribute, SignError> {
    Ok(Attribute {
        oid,
        values: SetOfVec::try_from(vec![value]).map_err(|e| bad("attribut", e))?,
    })
}

/// A detached CMS signature (DER) over `content_digest` (SHA-256 of the signed bytes), with
/// a time stamp over its signature value when `tsa` is given.
pub fn sign(
    key: &dyn OrganisationKey,
    content_digest: &[u8],
    tsa: Option<&dyn crate::TimeStamper>,
) -> Result<Vec<u8>, SignError> {
    let chain = key.chain();
    let signer = chain
        .first()
        .ok_or_else(|| SignError::Key("nyckeln har inget certifikat".into()))?;
    let cert_der = signer.to_der().map_err(|e| bad("certifikatet", e))?;
    let signing_cert = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            cert_hash: OctetString::new(Sha256::digest(&cert_der).to_vec())
                .map_err(|e| bad("certifikatets hash", e))?,
        }],
    };
    let attrs = vec![
        attribute(
            ID_CONTENT_TYPE,
            Any::encode_from(&ID_DATA).map_err(|e| bad("content-type", e))?,
        )?,
        attribute(
            ID_MESSAGE_DIGEST,
            Any::encode_from(
                &OctetString::new(content_digest.to_vec()).map_err(|e| bad("digest", e))?,
            )
            .map_err(|e| bad("message-digest", e))?,
        )?,
        attribute(
            ID_SIGNING_CERTIFICATE_V2,
            Any::encode_from(&signing_cert).map_err(|e| bad("signing-certificate-v2", e))?,
        )?,
    ];
    let signed_attrs: SetOfVec<Attribute> =
        SetOfVec::try_from(attrs).map_err(|e| bad("signerade attribut", e))?;
    // The signature covers the DER of the attributes as a SET (RFC 5652, 5.4).
    let to_sign = signed_attrs
        .to_der()
        .map_err(|e| bad("signerade attribut", e))?;
    let signature = key.sign(&to_sign)?;
    let unsigned_attrs = match tsa {
        Some(tsa) => {
            let token = crate::tsa::stamp(tsa, &signature)?;
            Some(
                SetOfVec::try_from(vec![attribute(
                    ID_SIGNATURE_TIME_STAMP,
                    Any::from_der(&token).map_err(|e| bad("tidsstämpeln", e))?,
                )?])
                .map_err(|e| bad("osignerade attribut", e))?,
            )
        }
        None => None,
    };
    let signer_info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: signer.tbs_certificate().issuer().clone(),
            serial_number: signer.tbs_certificate().serial_number().clone(),
        }),
        digest_alg: sha256_alg(),
        signed_attrs: Some(signed_attrs),
        signature_algorithm: key.kind().signature_algorithm(),
        signature: OctetString::new(signature).map_err(|e| bad("signaturen", e))?,
        unsigned_attrs,
    };
    let certificates = SetOfVec::try_from(
        chain
            .iter()
            .cloned()
            .map(CertificateChoices::Certificate)
            .collect::<Vec<_>>(),
    )
    .map_err(|e| bad("certifikatkedjan", e))?;
    let signed_data = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(vec![sha256_alg()])
            .map_err(|e| bad("algoritmer", e))?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: ID_DATA,
            econtent: None,
        },
        certificates: Some(CertificateSet(certificates)),
        crls: None,
        signer_infos: SignerInfos(
            SetOfVec::try_from(vec![signer_info]).map_err(|e| bad("signerare", e))?,
        ),
    };
    ContentInfo {
        content_type: ID_SIGNED_DATA,
        content: Any::encode_from(&signed_data).map_err(|e| bad("SignedData", e))?,
    }
    .to_der()
    .map_err(|e| bad("ContentInfo", e))
}

/// What a CMS signature says and whether it holds.
#[derive(Debug, Clone)]
pub struct CmsCheck {
    /// The signer's certificate.
    pub signer: Option<Certificate>,
    /// The message-digest attribute equals the digest of the signed bytes.
    pub digest_matches: bool,
    /// The signature over the signed attributes verifies with the certificate's key.
    pub signature_valid: bool,
    /// The signing-certificate-v2 attribute names the signer's certificate.
    pub certificate_bound: bool,
    /// The time of the signature's RFC 3161 time stamp (UTC, RFC 3339), when it has one
    /// that covers its signature value; `Err` with why, when it has one that does not.
    pub timestamp: Option<Result<String, String>>,
}

/// Reads a detached CMS signature (trailing zero padding allowed, as in a PDF's
/// `/Contents`) and checks it against `content_digest`. A structure that cannot be read is
/// an error; a signature that does not hold is a [`CmsCheck`] that says so.
pub fn check(cms: &[u8], content_digest: &[u8]) -> Result<CmsCheck, SignError> {
    let mut reader = SliceReader::new(cms).map_err(|e| bad("signaturen", e))?;
    let info = ContentInfo::decode(&mut reader).map_err(|e| bad("signaturen är ingen CMS", e))?;
    if info.content_type != ID_SIGNED_DATA {
        return Err(SignError::Cms("signaturen är ingen SignedData".into()));
    }
    let sd: SignedData = info.content.decode_as().map_err(|e| bad("SignedData", e))?;
    let [si] = sd.signer_infos.0.as_slice() else {
        return Err(SignError::Cms(format!(
            "{} signerare i signaturen (en väntades)",
            sd.signer_infos.0.len()
        )));
    };
    if si.digest_alg.oid != ID_SHA256 {
        return Err(SignError::Cms(format!(
            "hashalgoritmen {} stöds inte (SHA-256 väntades)",
            si.digest_alg.oid
        )));
    }
    let certs: Vec<&Certificate> = sd
        .certificates
        .as_ref()
        .map(|c| {
            c.0.iter()
                .filter_map(|c| match c {
                    CertificateChoices::Certificate(c) => Some(c),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let signer = match &si.sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => certs
            .iter()
            .find(|c| {
                c.tbs_certificate().issuer() == &ias.issuer
                    && c.tbs_certificate().serial_number() == &ias.serial_number
            })
            .map(|c| (*c).clone()),
        SignerIdentifier::SubjectKeyIdentifier(_) => None,
    };
    let Some(attrs) = &si.signed_attrs else {
        return Err(SignError::Cms(
            "signaturen saknar signerade attribut (PAdES kräver dem)".into(),
        ));
    };
    let value_of = |oid: ObjectIdentifier| {
        attrs
            .iter()
            .find(|a| a.oid == oid)
            .and_then(|a| a.values.iter().next())
    };
    let digest_matches = value_of(ID_MESSAGE_DIGEST)
        .and_then(|v| v.decode_as::<OctetString>().ok())
        .is_some_and(|d| d.as_bytes() == content_digest);
    let certificate_bound = match (&signer, value_of(ID_SIGNING_CERTIFICATE_V2)) {
        (Some(cert), Some(v)) => v
            .decode_as::<SigningCertificateV2>()
            .ok()
            .and_then(|sc| sc.certs.into_iter().next())
            .zip(cert.to_der().ok())
            .is_some_and(|(id, der)| id.cert_hash.as_bytes() == Sha256::digest(&der).as_slice()),
        _ => false,
    };
    let signed = attrs.to_der().map_err(|e| bad("signerade attribut", e))?;
    let signature_valid = signer.as_ref().is_some_and(|cert| {
        verify_signature(
            cert,
            &si.signature_algorithm,
            &signed,
            si.signature.as_bytes(),
        )
    });
    let timestamp = si.unsigned_attrs.as_ref().and_then(|u| {
        u.iter()
            .find(|a| a.oid == ID_SIGNATURE_TIME_STAMP)
            .and_then(|a| a.values.iter().next())
            .map(|v| {
                v.to_der().map_err(|e| e.to_string()).and_then(|der| {
                    crate::tsa::check(&der, si.signature.as_bytes()).map_err(|e| e.to_string())
                })
            })
    });
    Ok(CmsCheck {
        signer,
        digest_matches,
        signature_valid,
        certificate_bound,
        timestamp,
    })
}

fn verify_signature(
    cert: &Certificate,
    alg: &AlgorithmIdentifierOwned,
    message: &[u8],
    signature: &[u8],
) -> bool {
    let spki = cert.tbs_certificate().subject_public_key_info();
    let key_bytes = spki.subject_public_key.raw_bytes();
    match KeyKind::of(cert) {
        Ok(KeyKind::EcdsaP256) if alg.oid == ECDSA_SHA256 => {
            use p256::ecdsa::signature::Verifier;
            let (Ok(vk), Ok(sig)) = (
                p256::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes),
                p256::ecdsa::DerSignature::from_bytes(signature),
            ) else {
                return false;
            };
            vk.verify(message, &sig).is_ok()
        }
        Ok(KeyKind::Rsa) if alg.oid == RSA_SHA256 => {
            use rsa::pkcs1::DecodeRsaPublicKey;
            let Ok(pk) = rsa::RsaPublicKey::from_pkcs1_der(key_bytes) else {
                return false;
            };
            let hashed = Sha256::digest(message);
            pk.verify(rsa::Pkcs1v15Sign::new::<Sha256>(), &hashed, signature)
                .is_ok()
        }
        _ => false,
    }
}
