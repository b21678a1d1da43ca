//! Sigill: the seal that the last approval puts on the minutes. The minutes' canonical text
//! ([`crate::canonical`], versioned) is reduced to a digest — the root of its lines' hashes
//! in format 1 — and the digest signed (ed25519). Verification recomputes the digest from the
//! text kept at sealing, in that text's own format, and compares the minutes as stored now
//! in the same format, naming every field that differs.
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
    /// The digest of the canonical text (format 1: the root of its lines' SHA-256; format
    /// 0: the SHA-256 of the text), hex.
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

/// Seals the canonical text `canonical` (any format) with `key` at `time`.
pub fn seal(canonical: &str, key: &SigningKey, time: DateTime<FixedOffset>) -> Seal {
    seal_digest(&crate::canonical::digest(canonical), key, time)
}

/// Signs a digest (hex) with `key`.
pub fn seal_digest(digest: &str, key: &SigningKey, time: DateTime<FixedOffset>) -> Seal {
    let signature = key.sign(digest.as_bytes());
    Seal {
        sha256: digest.to_string(),
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

/// Whether the seal's signature holds for its digest and its own public key.
pub fn signature_valid(seal: &Seal) -> bool {
    (|| {
        let key = public_key_from_hex(&seal.public_key)?;
        let sig: [u8; 64] = from_hex(&seal.signature)?.try_into().ok()?;
        key.verify(seal.sha256.as_bytes(), &Signature::from_bytes(&sig))
            .ok()
    })()
    .is_some()
}

/// Checks the minutes as stored now (`current`) against the seal and the canonical text kept
/// at sealing (`sealed_text`, in its own format), and the seal's key against `expected_key`
/// (hex). Fields that the sealed format does not hold (added to the structs later, with
/// their empty value) are no difference.
pub fn verify(
    seal: &Seal,
    sealed_text: &str,
    current: &crate::minutes::Minutes,
    expected_key: Option<&str>,
) -> VerifyReport {
    use crate::canonical::{format_of, text, Format};
    let format = format_of(sealed_text);
    let now = text(current, format);
    let differences = match format {
        Format::V1 => {
            let sealed: Vec<&str> = sealed_text.lines().collect();
            let current: Vec<&str> = now.lines().collect();
            let mut out = Vec::new();
            for i in 1..sealed.len().max(current.len()) {
                let label = if i == 1 {
                    "huvud".to_string()
                } else {
                    String::new()
                };
                match (sealed.get(i), current.get(i)) {
                    (Some(a), Some(b)) if a == b => {}
                    (Some(a), Some(b)) => match (
                        serde_json::from_str::<Value>(a),
                        serde_json::from_str::<Value>(b),
                    ) {
                        (Ok(x), Ok(y)) => {
                            let at = if i == 1 {
                                label.clone()
                            } else {
                                x.get("number")
                                    .and_then(Value::as_u64)
                                    .map_or_else(|| format!("rad {i}"), |n| format!("§ {n}"))
                            };
                            let mut d = Vec::new();
                            diff(&x, &y, "", &mut d, false);
                            out.extend(d.into_iter().map(|p| format!("{at}.{p}")));
                        }
                        _ => out.push(format!("rad {i}")),
                    },
                    _ => out.push(format!("rad {i}")),
                }
            }
            out
        }
        Format::V0 => match (
            serde_json::from_str::<Value>(sealed_text),
            serde_json::from_str::<Value>(&now),
        ) {
            (Ok(a), Ok(b)) => {
                let mut out = Vec::new();
                diff(&a, &b, "", &mut out, true);
                out
            }
            _ => vec!["(texten kunde inte läsas som JSON)".into()],
        },
    };
    VerifyReport {
        sealed_text_intact: crate::canonical::digest(sealed_text) == seal.sha256,
        content_matches: differences.is_empty(),
        signature_valid: signature_valid(seal),
        key_matches: expected_key.is_none_or(|k| k == seal.public_key),
        differences,
    }
}

/// Whether a value is the empty value a field added later has in old data.
fn empty(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Number(_) | Value::Bool(true) => false,
    }
}

/// Paths where two JSON values differ; `paragraphs[i]` is written as the § number when the
/// element has one ("§ 115.decision"). With `lenient`, a key only in `b` whose value is empty
/// is no difference (a field added after sealing).
fn diff(a: &Value, b: &Value, path: &str, out: &mut Vec<String>, lenient: bool) {
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
                    (Some(v), Some(w)) => diff(v, w, &p, out, lenient),
                    (None, Some(w)) if lenient && empty(w) => {}
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
                    (Some(v), Some(w)) => diff(v, w, &label, out, lenient),
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

    fn golden() -> crate::minutes::Minutes {
        serde_json::from_str(include_str!("../tests/golden/minutes-v1.json")).unwrap()
    }

    #[test]
    fn a_seal_verifies_and_names_what_changed() {
        let m = golden();
        let text = crate::canonical::v1(&m);
        let s = m.seal().unwrap().clone();
        let r = verify(&s, &text, &m, Some(&s.public_key));
        assert!(r.ok(), "{r:?}");

        // The stored minutes rewritten behind the seal's back.
        let mut v = serde_json::to_value(&m).unwrap();
        v["paragraphs"][1]["decision"]["clauses"][0] = "avslå uppföljningen".into();
        let changed: crate::minutes::Minutes = serde_json::from_value(v).unwrap();
        let r = verify(&s, &text, &changed, Some(&s.public_key));
        assert!(!r.ok() && !r.content_matches);
        assert_eq!(r.differences, vec!["§ 115.decision.clauses[0]"]);

        // Someone who rewrites the kept text too is caught by the digest.
        let changed_text = crate::canonical::v1(&changed);
        let r = verify(&s, &changed_text, &changed, Some(&s.public_key));
        assert!(!r.sealed_text_intact);

        // A seal re-signed with another key does not match the published key.
        let t = "2025-09-03T09:10:47+02:00".parse().unwrap();
        let other = seal(&changed_text, &SigningKey::from_bytes(&[9u8; 32]), t);
        let r = verify(&other, &changed_text, &changed, Some(&s.public_key));
        assert!(r.signature_valid && !r.key_matches && !r.ok());

        // A forged digest breaks the signature.
        let mut forged = s.clone();
        forged.sha256 = crate::canonical::digest(&changed_text);
        let r = verify(&forged, &changed_text, &changed, Some(&s.public_key));
        assert!(!r.signature_valid);
    }

    #[test]
    fn fingerprints_are_short_and_stable() {
        let s = seal("x", &key(), "2025-09-03T09:10:47+02:00".parse().unwrap());
        let f = fingerprint(&s.public_key);
        assert_eq!(f.split(' ').count(), 8);
        assert_eq!(f, fingerprint(&s.public_key));
        assert_eq!(from_hex("zz"), None);
        assert_eq!(from_hex("0a"), Some(vec![10]));
    }
}
