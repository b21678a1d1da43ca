//! Signs a PDF/A made by the typesetter with each kind of organisation key and has the
//! signature checked by this crate and by tools nobody here wrote: poppler's `pdfsig` and
//! pyHanko (against a test CA made with `openssl`), and signs through a real PKCS#11 token
//! (SoftHSM2). A copy changed by one byte, or with bytes appended, is reported altered by
//! all of them. A tool that is missing skips its part with a message, except under CI
//! (`CI` set), where `scripts/test` has installed it and its absence fails the test.

use std::path::Path;
use std::process::Command;

use chrono::DateTime;
use paragraf_sign::{
    create_self_signed, sign_pdf, signatures, FileKey, OrganisationKey, SignatureInfo, TokenConfig,
    TokenKey,
};

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

/// Whether `tool` runs; under CI its absence fails.
fn have(tool: &str, hint: &str) -> bool {
    let ok = Command::new(tool).arg("--help").output().is_ok();
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} saknas under CI: scripts/test installerar det ({hint})"
        );
        eprintln!("SKIPPED: {tool} is not installed ({hint})");
    }
    ok
}

fn pdfsig(path: &Path) -> String {
    let out = Command::new("pdfsig").arg(path).output().expect("pdfsig");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// One byte inside the signed range changed (in the original document's header comment,
/// which every reader skips, so the file still reads).
fn tampered(signed: &[u8]) -> Vec<u8> {
    let mut t = signed.to_vec();
    let at = signed
        .windows(8)
        .position(|w| w == b"/Creator")
        .expect("typst writes /Creator in the document information");
    t[at + 1] ^= 0x01;
    t
}

fn check_with_tools(dir: &Path, signed: &[u8], trust: Option<&Path>) {
    let path = dir.join("signerat.pdf");
    std::fs::write(&path, signed).unwrap();
    let bad = dir.join("andrat.pdf");
    std::fs::write(&bad, tampered(signed)).unwrap();
    if have("pdfsig", "Debian-paketet poppler-utils") {
        let out = pdfsig(&path);
        assert!(out.contains("Signature is Valid"), "pdfsig: {out}");
        assert!(out.contains("Total document signed"), "pdfsig: {out}");
        assert!(out.contains("ETSI.CAdES.detached"), "pdfsig: {out}");
        let out = pdfsig(&bad);
        assert!(
            !out.contains("Signature is Valid"),
            "pdfsig, altered: {out}"
        );
    }
    if let Some(ca) = trust {
        if have("pyhanko", "pip install pyhanko pyhanko-cli") {
            let validate = |p: &Path| {
                Command::new("pyhanko")
                    .args(["sign", "validate", "--no-revocation-check", "--trust"])
                    .arg(ca)
                    .arg("--trust-replace")
                    .arg(p)
                    .output()
                    .expect("pyhanko")
            };
            let out = validate(&path);
            let text = String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "pyhanko: {text}");
            assert!(text.contains("INTACT:TRUSTED"), "pyhanko: {text}");
            let out = validate(&bad);
            let text = String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr);
            assert!(
                !out.status.success(),
                "pyhanko accepted an altered copy: {text}"
            );
        }
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
fn test_ca(dir: &Path) -> Option<(std::path::PathBuf, std::path::PathBuf, std::path::PathBuf)> {
    if !have("openssl", "Debian-paketet openssl") {
        return None;
    }
    let run = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("openssl");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    std::fs::write(
        dir.join("ext.cnf"),
        "[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n\
         [org]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n",
    )
    .unwrap();
    run(&[
        "ecparam",
        "-name",
        "prime256v1",
        "-genkey",
        "-noout",
        "-out",
        "ca.key",
    ]);
    run(&[
        "req",
        "-x509",
        "-new",
        "-key",
        "ca.key",
        "-subj",
        "/CN=Testkommunens CA/O=Test",
        "-days",
        "3650",
        "-out",
        "ca.crt",
        "-extensions",
        "ca",
        "-config",
        "ext.cnf",
    ]);
    run(&[
        "ecparam",
        "-name",
        "prime256v1",
        "-genkey",
        "-noout",
        "-out",
        "org.ec",
    ]);
    run(&[
        "pkcs8", "-topk8", "-nocrypt", "-in", "org.ec", "-out", "org.key",
    ]);
    run(&[
        "req",
        "-new",
        "-key",
        "org.key",
        "-subj",
        "/CN=Ludvika kommun e-sigill/O=Ludvika kommun",
        "-out",
        "org.csr",
    ]);
    run(&[
        "x509",
        "-req",
        "-in",
        "org.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "3650",
        "-extfile",
        "ext.cnf",
        "-extensions",
        "org",
        "-out",
        "org.crt",
    ]);
    let chain = std::fs::read_to_string(dir.join("org.crt")).unwrap()
        + &std::fs::read_to_string(dir.join("ca.crt")).unwrap();
    std::fs::write(dir.join("chain.pem"), chain).unwrap();
    Some((
        dir.join("org.key"),
        dir.join("chain.pem"),
        dir.join("ca.crt"),
    ))
}

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

const SOFTHSM: &str = "/usr/lib/softhsm/libsofthsm2.so";

#[test]
fn a_key_on_a_pkcs11_token_signs_without_leaving_it() {
    if !Path::new(SOFTHSM).exists() || !have("softhsm2-util", "Debian-paketet softhsm2") {
        assert!(std::env::var_os("CI").is_none(), "SoftHSM2 saknas under CI");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let Some((key_file, chain, ca)) = test_ca(dir.path()) else {
        return;
    };
    // A token of this test's own: SoftHSM2 reads its configuration from SOFTHSM2_CONF.
    let tokens = dir.path().join("tokens");
    std::fs::create_dir(&tokens).unwrap();
    let conf = dir.path().join("softhsm2.conf");
    std::fs::write(
        &conf,
        format!("directories.tokendir = {}\n", tokens.display()),
    )
    .unwrap();
    std::env::set_var("SOFTHSM2_CONF", &conf);
    let util = |args: &[&str]| {
        let out = Command::new("softhsm2-util")
            .args(args)
            .env("SOFTHSM2_CONF", &conf)
            .output()
            .expect("softhsm2-util");
        assert!(
            out.status.success(),
            "softhsm2-util {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    util(&[
        "--init-token",
        "--free",
        "--label",
        "paragraf",
        "--so-pin",
        "87654321",
        "--pin",
        "123456",
    ]);
    util(&[
        "--import",
        key_file.to_str().unwrap(),
        "--token",
        "paragraf",
        "--label",
        "sigill",
        "--id",
        "01",
        "--pin",
        "123456",
    ]);
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
