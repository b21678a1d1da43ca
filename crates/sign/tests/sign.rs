//! Signs a PDF/A made by the typesetter with each kind of organisation key and has the
//! signature checked by this crate and by tools nobody here wrote: poppler's `pdfsig` and
//! pyHanko (against a test CA made with `openssl`), and signs through a real PKCS#11 token
//! (SoftHSM2). A copy changed by one byte, or with bytes appended, is reported altered by
//! all of them. A tool that is missing skips its part with a message, except under CI
//! (`CI` set), where `scripts/test` has installed it and its absence fails the test.

use chrono::DateTime;
use paragraf_sign::{
    create_self_signed, sign_pdf, signatures, FileKey, OrganisationKey, SignatureInfo, TokenConfig,
    TokenKey,
};

mod tools;
use tools::*;

fn pdf() -> Vec<u8> {
    use paragraf_render::report::{ReportDoc, ReportSection};
    paragraf_render::report_pdf(&ReportDoc {
        municipality: "Ludvika kommun".into(),
        body: "Vård- och omsorgsnämnden".into(),
        kind: "Protokoll".into(),
        date: "2024-01-29".parse().unwrap(),
        title: "Protokoll".into(),
        subtitle: None,
        facts: vec![],
        sections: vec![ReportSection {
            heading: "§ 1 Val av justerare".into(),
            text: "Nämnden utser Anna Andersson att justera protokollet.".into(),
            tables: vec![],
            charts: vec![],
            new_page: false,
        }],
        landscape: false,
    })
    .expect("render")
}

fn info() -> SignatureInfo {
    SignatureInfo {
        name: "Ludvika kommun".into(),
        reason: "Justerat protokoll, Vård- och omsorgsnämnden 2024-01-29".into(),
        location: "Ludvika".into(),
        time: DateTime::parse_from_rfc3339("2024-02-01T10:15:00+01:00").unwrap(),
        statement: Some(r#"{"sigill":"x"}"#.into()),
    }
}

fn check_ourselves(signed: &[u8]) {
    let found = signatures(signed).expect("read");
    assert_eq!(found.len(), 1);
    let s = &found[0];
    assert!(s.ok(), "{s:?}");
    assert_eq!(s.statement.as_deref(), Some(r#"{"sigill":"x"}"#));
    assert!(s.signer.contains("Ludvika kommun"), "{}", s.signer);
    let altered = signatures(&tampered(signed)).expect("read");
    assert!(
        !altered[0].ok() && !altered[0].digest_matches,
        "{:?}",
        altered[0]
    );
    let mut appended = signed.to_vec();
    appended.extend_from_slice(b"\n% tillagt efteraat\n");
    let after = signatures(&appended).expect("read");
    assert!(!after[0].ok() && !after[0].covers_whole_file);
}

#[test]
fn a_self_signed_key_signs_and_pdfsig_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let key = create_self_signed(&dir.path().join("nycklar"), "Ludvika kommun").unwrap();
    let original = pdf();
    let signed = sign_pdf(&original, &key, &info()).unwrap();
    assert!(
        signed.starts_with(&original),
        "an incremental update keeps the PDF/A as it was"
    );
    check_ourselves(&signed);
    check_with_tools(dir.path(), &signed, None);
    // Read back from the files it wrote, the key signs the same way.
    let again = FileKey::load(
        &dir.path().join("nycklar/organisation.key"),
        &dir.path().join("nycklar/organisation.crt"),
    )
    .unwrap();
    check_ourselves(&sign_pdf(&pdf(), &again, &info()).unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("nycklar/organisation.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

/// A test CA and an organisation certificate it issued, made with openssl; returns
/// (key, chain, ca).
#[test]
fn a_certificate_from_a_ca_validates_in_pyhanko() {
    let dir = tempfile::tempdir().unwrap();
    let Some((key, chain, ca)) = test_ca(dir.path()) else {
        return;
    };
    let key = FileKey::load(&key, &chain).unwrap();
    assert_eq!(key.chain().len(), 2);
    let signed = sign_pdf(&pdf(), &key, &info()).unwrap();
    check_ourselves(&signed);
    check_with_tools(dir.path(), &signed, Some(&ca));
}

/// The key and chain in a PKCS#12 file, as a CA delivers an e-seal (openssl's defaults:
/// AES-256-CBC, PBKDF2, HMAC-SHA-256), sign as the PEM files do; a wrong password is
/// refused with a Swedish error.
#[test]
fn a_pkcs12_file_signs_and_a_wrong_password_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_, _, ca)) = test_ca(dir.path()) else {
        return;
    };
    let p12 = pkcs12(dir.path(), "Hemligt-2026");
    let key = paragraf_sign::FileKey::load_pkcs12(&p12, "Hemligt-2026").unwrap();
    assert_eq!(key.chain().len(), 2);
    let signed = sign_pdf(&pdf(), &key, &info()).unwrap();
    check_ourselves(&signed);
    check_with_tools(dir.path(), &signed, Some(&ca));
    let err = paragraf_sign::FileKey::load_pkcs12(&p12, "fel")
        .err()
        .expect("refused");
    assert!(err.to_string().contains("fel lösenord"), "{err}");
}

#[test]
fn a_key_that_is_not_the_certificates_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    create_self_signed(&dir.path().join("a"), "A").unwrap();
    create_self_signed(&dir.path().join("b"), "B").unwrap();
    let err = FileKey::load(
        &dir.path().join("a/organisation.key"),
        &dir.path().join("b/organisation.crt"),
    )
    .err()
    .expect("refused");
    assert!(
        err.to_string().contains("hör inte till certifikatet"),
        "{err}"
    );
}

#[test]
fn a_key_on_a_pkcs11_token_signs_without_leaving_it() {
    let dir = tempfile::tempdir().unwrap();
    let Some((key_file, chain, ca)) = test_ca(dir.path()) else {
        return;
    };
    let Some(_conf) = soft_token(dir.path(), &key_file) else {
        return;
    };
    let config = TokenConfig {
        module: SOFTHSM.into(),
        token: "paragraf".into(),
        key_label: "sigill".into(),
        pin: "123456".into(),
    };
    let token = TokenKey::open(&config, &chain).unwrap();
    let signed = sign_pdf(&pdf(), &token, &info()).unwrap();
    check_ourselves(&signed);
    check_with_tools(dir.path(), &signed, Some(&ca));

    let wrong = TokenConfig {
        pin: "000000".into(),
        ..config
    };
    let err = TokenKey::open(&wrong, &chain)
        .err()
        .expect("a wrong PIN is refused");
    assert!(err.to_string().contains("PIN"), "{err}");
}

/// openssl's TSA called directly (no HTTP), answering each request or, as a replaying or
/// confused authority would, always its first answer.
struct OpensslTsa {
    config: std::path::PathBuf,
    replay: bool,
    first: std::sync::Mutex<Option<Vec<u8>>>,
}

impl paragraf_sign::TimeStamper for OpensslTsa {
    fn stamp(&self, request: &[u8]) -> Result<Vec<u8>, String> {
        let mut first = self.first.lock().unwrap();
        if let (true, Some(answer)) = (self.replay, first.as_ref()) {
            return Ok(answer.clone());
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("q.tsq"), request).unwrap();
        let out = std::process::Command::new("openssl")
            .args(["ts", "-reply", "-config"])
            .arg(&self.config)
            .arg("-queryfile")
            .arg(dir.path().join("q.tsq"))
            .arg("-out")
            .arg(dir.path().join("r.tsr"))
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        let answer = std::fs::read(dir.path().join("r.tsr")).unwrap();
        *first = Some(answer.clone());
        Ok(answer)
    }
}

/// PAdES-B-T: the time stamp covers the signature value and is checked as a signature of
/// its own; an answer for another request is refused when signing, and a token changed
/// afterwards (its policy, inside the unsigned attributes that the PDF's byte range does not
/// cover) fails the check although the signature itself still holds.
#[test]
fn a_time_stamp_is_checked_as_a_signature_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let Some((key, chain, _)) = test_ca(dir.path()) else {
        return;
    };
    let Some(config) = tsa_config(dir.path()) else {
        return;
    };
    let key = FileKey::load(&key, &chain).unwrap();
    let tsa = OpensslTsa {
        config,
        replay: true,
        first: Default::default(),
    };
    let signed = paragraf_sign::sign_pdf_with(&pdf(), &key, &info(), Some(&tsa)).unwrap();
    let found = signatures(&signed).unwrap();
    assert!(found[0].ok(), "{:?}", found[0]);
    let time = found[0].timestamp.clone().expect("stamped").unwrap();
    assert!(time.starts_with("20") && time.ends_with('Z'), "{time}");
    check_ourselves_stamped(&signed);

    // The authority answers the next requests with its first answer: for another signature,
    // or (the same signature, deterministic ECDSA) for another request's nonce.
    let mut other = info();
    other.reason.push_str(", rättad");
    let err = paragraf_sign::sign_pdf_with(&pdf(), &key, &other, Some(&tsa)).unwrap_err();
    assert!(
        err.to_string().contains("gäller inte den här signaturen"),
        "{err}"
    );
    let err = paragraf_sign::sign_pdf_with(&pdf(), &key, &info(), Some(&tsa)).unwrap_err();
    assert!(
        err.to_string().contains("inte svaret på den här begäran"),
        "{err}"
    );

    // The token's policy 1.2.3.4.1 (DER 06 04 2A 03 04 01) becomes 1.2.3.4.2.
    let at = signed
        .windows(12)
        .position(|w| w.eq_ignore_ascii_case(b"06042A030401"))
        .expect("the policy in /Contents");
    let mut forged = signed.clone();
    forged[at + 11] = b'2';
    let found = signatures(&forged).unwrap();
    assert!(
        found[0].signature_valid && found[0].digest_matches,
        "{:?}",
        found[0]
    );
    assert!(
        matches!(&found[0].timestamp, Some(Err(e)) if e.contains("egen signatur")),
        "{:?}",
        found[0].timestamp
    );
    assert!(!found[0].ok());
}

fn check_ourselves_stamped(signed: &[u8]) {
    let altered = signatures(&tampered(signed)).expect("read");
    assert!(!altered[0].ok());
}
