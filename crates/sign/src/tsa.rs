//! Tidsstämpel (RFC 3161): a time-stamp authority's token over the signature value, which
//! makes a PAdES-B-B signature PAdES-B-T. The request and the answer are `x509-tsp`'s types
//! (with the `der`/`cms` versions that crate is built on); the transport — an HTTP POST to
//! the authority — is the caller's, behind [`TimeStamper`].

use cms02::content_info::ContentInfo;
use cms02::signed_data::SignedData;
use der07::asn1::{Int, OctetString};
use der07::{Decode, Encode};
use sha2::{Digest, Sha256};
use x509_tsp::{MessageImprint, TimeStampReq, TimeStampResp, TspVersion, TstInfo};

use crate::SignError;

const ID_SHA256: der07::oid::ObjectIdentifier =
    der07::oid::ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const ID_CT_TST_INFO: der07::oid::ObjectIdentifier =
    der07::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.4");

/// Sends a DER `TimeStampReq` to a time-stamp authority and returns its DER
/// `TimeStampResp` (RFC 3161, section 3.4: `application/timestamp-query` → `-reply`).
pub trait TimeStamper: Send + Sync {
    /// The authority's answer to `request`, or why there is none (in Swedish).
    fn stamp(&self, request: &[u8]) -> Result<Vec<u8>, String>;
}

fn bad(what: &str, e: impl std::fmt::Display) -> SignError {
    SignError::Cms(format!("tidsstämpeln: {what}: {e}"))
}

/// The authority's token (a CMS `ContentInfo`, DER) over SHA-256 of `signature`, checked:
/// granted, for that digest and with this request's nonce.
pub(crate) fn stamp(tsa: &dyn TimeStamper, signature: &[u8]) -> Result<Vec<u8>, SignError> {
    let digest = Sha256::digest(signature).to_vec();
    let mut nonce = [0u8; 8];
    getrandom::getrandom(&mut nonce).map_err(|e| bad("slumptal", e))?;
    nonce[0] = (nonce[0] & 0x7f) | 0x01;
    let request = TimeStampReq {
        version: TspVersion::V1,
        message_imprint: imprint(&digest)?,
        req_policy: None,
        nonce: Some(Int::new(&nonce).map_err(|e| bad("nonce", e))?),
        cert_req: true,
        extensions: None,
    };
    let der = request.to_der().map_err(|e| bad("begäran", e))?;
    let answer = tsa
        .stamp(&der)
        .map_err(|e| SignError::Cms(format!("tidsstämpeltjänsten svarade inte: {e}")))?;
    let response = TimeStampResp::from_der(&answer).map_err(|e| bad("svaret", e))?;
    use cmpv2::status::PkiStatus;
    if !matches!(
        response.status.status,
        PkiStatus::Accepted | PkiStatus::GrantedWithMods
    ) {
        return Err(SignError::Cms(format!(
            "tidsstämpeltjänsten vägrade ({:?})",
            response.status.status
        )));
    }
    let token = response
        .time_stamp_token
        .ok_or_else(|| SignError::Cms("tidsstämpeltjänsten gav ingen tidsstämpel".into()))?
        .to_der()
        .map_err(|e| bad("token", e))?;
    let (info, _) = tst_info(&token)?;
    if info.message_imprint.hashed_message.as_bytes() != digest.as_slice() {
        return Err(SignError::Cms(
            "tidsstämpeln gäller inte den här signaturen".into(),
        ));
    }
    if info.nonce.as_ref().map(|n| n.as_bytes()) != Some(&nonce[..]) {
        return Err(SignError::Cms(
            "tidsstämpeln är inte svaret på den här begäran".into(),
        ));
    }
    Ok(token)
}

fn imprint(digest: &[u8]) -> Result<MessageImprint, SignError> {
    Ok(MessageImprint {
        hash_algorithm: spki07::AlgorithmIdentifier {
            oid: ID_SHA256,
            parameters: None,
        },
        hashed_message: OctetString::new(digest.to_vec()).map_err(|e| bad("hash", e))?,
    })
}

/// The `TSTInfo` of a token (DER `ContentInfo` of `SignedData` with `id-ct-TSTInfo`) and
/// its DER bytes, the content the authority signed.
fn tst_info(token: &[u8]) -> Result<(TstInfo, Vec<u8>), SignError> {
    let ci = ContentInfo::from_der(token).map_err(|e| bad("token", e))?;
    let sd: SignedData = ci.content.decode_as().map_err(|e| bad("SignedData", e))?;
    if sd.encap_content_info.econtent_type != ID_CT_TST_INFO {
        return Err(SignError::Cms(
            "tidsstämpeln innehåller ingen TSTInfo".into(),
        ));
    }
    let content = sd
        .encap_content_info
        .econtent
        .ok_or_else(|| SignError::Cms("tidsstämpeln är tom".into()))?;
    let octets: OctetString = content.decode_as().map_err(|e| bad("TSTInfo", e))?;
    let der = octets.as_bytes().to_vec();
    let info = TstInfo::from_der(&der).map_err(|e| bad("TSTInfo", e))?;
    Ok((info, der))
}

/// What a signature's time stamp says: the time (RFC 3339) when it covers `signature`.
/// The token is itself a CMS signature, the authority's, over its `TSTInfo`: it must hold
/// (the authority's certificate is named, its trust is the reader's to judge, as pyHanko's
/// `--trust` does).
pub(crate) fn check(token: &[u8], signature: &[u8]) -> Result<String, SignError> {
    let (info, der) = tst_info(token)?;
    let own = crate::cms::check(token, &Sha256::digest(&der))?;
    if !(own.digest_matches && own.signature_valid) {
        return Err(SignError::Cms(
            "tidsstämpelns egen signatur håller inte".into(),
        ));
    }
    if info.message_imprint.hashed_message.as_bytes() != Sha256::digest(signature).as_slice() {
        return Err(SignError::Cms("tidsstämpeln gäller inte signaturen".into()));
    }
    let t = info.gen_time.to_date_time();
    Ok(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minutes(),
        t.seconds()
    ))
}
