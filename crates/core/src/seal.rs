//! Sigill: the seal that the last approval puts on the minutes. A canonical serialisation
//! of the minutes is hashed (SHA-256) and the hash signed (ed25519). Verification recomputes
//! both and, given the canonical text kept at sealing, names every field that differs.
//!
//! Keys are handed in; where they are kept is the caller's business (the data directory).

use chrono::{DateTime, FixedOffset};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Sigill: hash, signature and public key of sealed minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seal {
    /// SHA-256 of the canonical serialisation, hex.
    pub sha256: String,
    /// Ed25519 signature of the hash, hex.
    pub signature: String,
    /// The signing key's public half, hex.
    pub public_key: String,
    /// When the seal was made (the last approval).
    pub sealed_at: DateTime<FixedOffset>,
}

/// What verification found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    /// The canonical text kept at sealing still has the sealed hash.
    pub sealed_text_intact: bool,
    /// The current minutes have the sealed hash.
    pub content_matches: bool,
    /// The signature is valid for the hash and the public key.
    pub signature_valid: bool,
    /// The public key is the expected one (the one the municipality publishes).
    pub key_matches: bool,
    /// Fields that differ between the sealed text and the current minutes, as paths.
    pub differences: Vec<String>,
}

impl VerifyReport {
    /// Whether everything holds.
    pub fn ok(&self) -> bool {
        self.sealed_text_intact
            && self.content_matches
            && self.signature_valid
            && self.key_matches
            && self.differences.is_empty()
    }
}

/// Lower-case hex.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.is_ascii() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

/// SHA-256 of `bytes`, hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    to_hex(&Sha256::digest(bytes))
}

/// The fingerprint shown on documents: the first 16 bytes of SHA-256 of the public key,
/// in groups of four hex digits.
pub fn fingerprint(public_key_hex: &str) -> String {
    let h = sha256_hex(public_key_hex.as_bytes());
    h.as_bytes()
        .chunks(4)
        .take(8)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Seals `canonical` with `key` at `time`.
pub fn seal(canonical: &[u8], key: &SigningKey, time: DateTime<FixedOffset>) -> Seal {
    let sha256 = sha256_hex(canonical);
    let signature = key.sign(sha256.as_bytes());
    Seal {
        sha256,
        signature: to_hex(&signature.to_bytes()),
        public_key: to_hex(key.verifying_key().as_bytes()),
        sealed_at: time,
    }
}

/// The public key from its hex form.
pub fn public_key_from_hex(s: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = from_hex(s)?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// Checks `current` (the canonical text of the minutes as stored now) against the seal and
/// the text kept at sealing, and the seal's key against `expected_key` (hex).
pub fn verify(
    seal: &Seal,
    sealed_text: &str,
    current: &str,
    expected_key: Option<&str>,
) -> VerifyReport {
    let signature_valid = (|| {
        let key = public_key_from_hex(&seal.public_key)?;
        let sig: [u8; 64] = from_hex(&seal.signature)?.try_into().ok()?;
        key.verify(seal.sha256.as_bytes(), &Signature::from_bytes(&sig))
            .ok()
    })()
    .is_some();
    let differences = match (
        serde_json::from_str::<Value>(sealed_text),
        serde_json::from_str::<Value>(current),
    ) {
        (Ok(a), Ok(b)) => {
            let mut out = Vec::new();
            diff(&a, &b, "", &mut out);
            out
        }
        _ => vec!["(texten kunde inte läsas som JSON)".into()],
    };
    VerifyReport {
        sealed_text_intact: sha256_hex(sealed_text.as_bytes()) == seal.sha256,
        content_matches: sha256_hex(current.as_bytes()) == seal.sha256,
        signature_valid,
        key_matches: expected_key.is_none_or(|k| k == seal.public_key),
        differences,
    }
}

/// Paths where two JSON values differ; `paragraphs[i]` is written as the § number when the
/// element has one ("§ 115.decision").
fn diff(a: &Value, b: &Value, path: &str, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match (x.get(k), y.get(k)) {
                    (Some(v), Some(w)) => diff(v, w, &p, out),
                    _ => out.push(p),
                }
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                let label = x
                    .get(i)
                    .or_else(|| y.get(i))
                    .and_then(|e| e.get("number"))
                    .and_then(Value::as_u64)
                    .filter(|_| path.ends_with("paragraphs"))
                    .map(|n| format!("§ {n}"))
                    .unwrap_or_else(|| format!("{path}[{i}]"));
                match (x.get(i), y.get(i)) {
                    (Some(v), Some(w)) => diff(v, w, &label, out),
                    _ => out.push(label),
                }
            }
        }
        _ if a != b => out.push(path.to_string()),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[7u8; 32])
    }

    #[test]
    fn a_seal_verifies_and_names_what_changed() {
        let text = r#"{"paragraphs":[{"number":115,"decision":"att godkänna"}],"chair":1}"#;
        let t = "2025-09-03T09:10:47+02:00".parse().unwrap();
        let s = seal(text.as_bytes(), &key(), t);
        let r = verify(&s, text, text, Some(&s.public_key));
        assert!(r.ok(), "{r:?}");

        let changed = r#"{"paragraphs":[{"number":115,"decision":"att avslå"}],"chair":1}"#;
        let r = verify(&s, text, changed, Some(&s.public_key));
        assert!(!r.ok());
        assert!(!r.content_matches);
        assert_eq!(r.differences, vec!["§ 115.decision"]);

        // Someone who rewrites the kept text too is caught by the hash.
        let r = verify(&s, changed, changed, Some(&s.public_key));
        assert!(!r.sealed_text_intact && !r.content_matches);

        // A seal re-signed with another key does not match the published key.
        let other = seal(changed.as_bytes(), &SigningKey::from_bytes(&[9u8; 32]), t);
        let r = verify(&other, changed, changed, Some(&s.public_key));
        assert!(r.signature_valid && !r.key_matches && !r.ok());

        // A forged hash breaks the signature.
        let mut forged = s.clone();
        forged.sha256 = sha256_hex(changed.as_bytes());
        let r = verify(&forged, changed, changed, Some(&s.public_key));
        assert!(!r.signature_valid);
    }

    #[test]
    fn fingerprints_are_short_and_stable() {
        let s = seal(b"x", &key(), "2025-09-03T09:10:47+02:00".parse().unwrap());
        let f = fingerprint(&s.public_key);
        assert_eq!(f.split(' ').count(), 8);
        assert_eq!(f, fingerprint(&s.public_key));
        assert_eq!(from_hex("zz"), None);
        assert_eq!(from_hex("0a"), Some(vec![10]));
    }
}
