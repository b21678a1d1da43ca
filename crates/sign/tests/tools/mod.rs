//! What the signature tests share (`crates/sign/tests` and `crates/app/tests/signing.rs`):
//! the tools nobody here wrote — pdfsig, pyHanko, openssl, SoftHSM2 — each required under
//! CI (`scripts/test` installs them) and skipped with a message elsewhere.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether `tool` runs; under CI its absence fails.
pub fn have(tool: &str, hint: &str) -> bool {
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

pub fn pdfsig(path: &Path) -> String {
    let out = Command::new("pdfsig").arg(path).output().expect("pdfsig");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// One byte inside the signed range changed (in the original document's header comment,
/// which every reader skips, so the file still reads).
pub fn tampered(signed: &[u8]) -> Vec<u8> {
    let mut t = signed.to_vec();
    let at = signed
        .windows(8)
        .position(|w| w == b"/Creator")
        .expect("typst writes /Creator in the document information");
    t[at + 1] ^= 0x01;
    t
}

pub fn check_with_tools(dir: &Path, signed: &[u8], trust: Option<&Path>) {
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

/// A test CA and an organisation certificate it issued, made with openssl: (the
/// organisation's PKCS#8 key, its chain in PEM, the CA's certificate).
pub fn test_ca(dir: &Path) -> Option<(PathBuf, PathBuf, PathBuf)> {
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

pub const SOFTHSM: &str = "/usr/lib/softhsm/libsofthsm2.so";

/// A SoftHSM2 token of the test's own, label "paragraf" (PIN 123456), holding `key_file` as
/// "sigill"; sets SOFTHSM2_CONF for the process. `None` when SoftHSM2 is missing (not CI).
pub fn soft_token(dir: &Path, key_file: &Path) -> Option<PathBuf> {
    if !Path::new(SOFTHSM).exists() || !have("softhsm2-util", "Debian-paketet softhsm2") {
        assert!(std::env::var_os("CI").is_none(), "SoftHSM2 saknas under CI");
        return None;
    }
    // A token of this test's own: SoftHSM2 reads its configuration from SOFTHSM2_CONF.
    let tokens = dir.join("tokens");
    std::fs::create_dir(&tokens).unwrap();
    let conf = dir.join("softhsm2.conf");
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
    Some(conf)
}
