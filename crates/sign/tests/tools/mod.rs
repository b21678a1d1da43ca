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
            let (ok, text) = pyhanko_validate(&path, ca, false);
            assert!(ok, "pyhanko: {text}");
            assert!(text.contains("INTACT:TRUSTED"), "pyhanko: {text}");
            let (ok, text) = pyhanko_validate(&bad, ca, false);
            assert!(!ok, "pyhanko accepted an altered copy: {text}");
        }
    }
}

/// Runs `openssl ARGS` in `dir`; it must succeed.
fn openssl(dir: &Path, args: &[&str]) {
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
}

/// `pyhanko sign validate` of `path` against `ca` (the long report with `pretty`): whether
/// it succeeded, and what it said.
fn pyhanko_validate(path: &Path, ca: &Path, pretty: bool) -> (bool, String) {
    let out = Command::new("pyhanko")
        .args(["sign", "validate"])
        .args(pretty.then_some("--pretty-print"))
        .args(["--no-revocation-check", "--trust"])
        .arg(ca)
        .arg("--trust-replace")
        .arg(path)
        .output()
        .expect("pyhanko");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

/// A test CA and an organisation certificate it issued, made with openssl: (the
/// organisation's PKCS#8 key, its chain in PEM, the CA's certificate).
pub fn test_ca(dir: &Path) -> Option<(PathBuf, PathBuf, PathBuf)> {
    if !have("openssl", "Debian-paketet openssl") {
        return None;
    }
    let run = |args: &[&str]| openssl(dir, args);
    std::fs::write(
        dir.join("ext.cnf"),
        "[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n\
         [org]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n\
         [tsa]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n\
         extendedKeyUsage=critical,timeStamping\n",
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
    issue(
        dir,
        "org",
        "/CN=Ludvika kommun e-sigill/O=Ludvika kommun",
        "org",
    );
    let chain = std::fs::read_to_string(dir.join("org.crt")).unwrap()
        + &std::fs::read_to_string(dir.join("ca.crt")).unwrap();
    std::fs::write(dir.join("chain.pem"), chain).unwrap();
    Some((
        dir.join("org.key"),
        dir.join("chain.pem"),
        dir.join("ca.crt"),
    ))
}

/// A P-256 key `NAME.key` (PKCS#8) and its certificate `NAME.crt` for `subject`, issued by
/// [`test_ca`]'s CA with the extensions of `section` in its `ext.cnf`.
fn issue(dir: &Path, name: &str, subject: &str, section: &str) {
    let run = |args: &[&str]| openssl(dir, args);
    let (ec, key, csr, crt) = (
        format!("{name}.ec"),
        format!("{name}.key"),
        format!("{name}.csr"),
        format!("{name}.crt"),
    );
    run(&[
        "ecparam",
        "-name",
        "prime256v1",
        "-genkey",
        "-noout",
        "-out",
        &ec,
    ]);
    run(&["pkcs8", "-topk8", "-nocrypt", "-in", &ec, "-out", &key]);
    run(&["req", "-new", "-key", &key, "-subj", subject, "-out", &csr]);
    run(&[
        "x509",
        "-req",
        "-in",
        &csr,
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
        section,
        "-out",
        &crt,
    ]);
}

/// The organisation key and chain of [`test_ca`] in a PKCS#12 file, as a CA delivers an
/// e-seal (openssl's defaults: AES-256-CBC, PBKDF2, HMAC-SHA-256).
pub fn pkcs12(dir: &Path, password: &str) -> PathBuf {
    let out = Command::new("openssl")
        .args([
            "pkcs12",
            "-export",
            "-inkey",
            "org.key",
            "-in",
            "org.crt",
            "-certfile",
            "ca.crt",
            "-out",
            "org.p12",
            "-passout",
        ])
        .arg(format!("pass:{password}"))
        .current_dir(dir)
        .output()
        .expect("openssl");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir.join("org.p12")
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

/// A time-stamp authority's certificate from [`test_ca`]'s CA (in `dir`) and the
/// configuration of openssl's TSA (`openssl ts -reply -config`); `None` without openssl
/// outside CI.
pub fn tsa_config(dir: &Path) -> Option<std::path::PathBuf> {
    if !have("openssl", "Debian-paketet openssl") {
        return None;
    }
    issue(dir, "tsa", "/CN=Testkommunens tidsstämpel/O=Test", "tsa");
    let d = dir.display();
    std::fs::write(
        dir.join("tsa.cnf"),
        format!(
            "[tsa]\ndefault_tsa = tsa1\n[tsa1]\nserial = {d}/tsaserial\ncrypto_device = builtin\n\
         signer_cert = {d}/tsa.crt\ncerts = {d}/ca.crt\nsigner_key = {d}/tsa.key\n\
         signer_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\n\
         accuracy = secs:1\nordering = no\ntsa_name = no\ness_cert_id_chain = no\n\
         ess_cert_id_alg = sha256\n"
        ),
    )
    .unwrap();
    std::fs::write(dir.join("tsaserial"), "01\n").unwrap();
    Some(dir.join("tsa.cnf"))
}

/// A time-stamp authority for the tests: openssl's `ts -reply` (RFC 3161) behind HTTP
/// (`tsa.py`), with a certificate for time stamping from [`test_ca`]'s CA. Stopped when
/// dropped.
pub struct TestTsa {
    /// Where it answers.
    pub url: String,
    child: std::process::Child,
}

impl TestTsa {
    /// Starts it in `dir` (which holds [`test_ca`]'s files); `None` without openssl or
    /// python3 outside CI.
    pub fn start(dir: &Path) -> Option<TestTsa> {
        if !have("python3", "python3") {
            return None;
        }
        let config = tsa_config(dir)?;
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sign/tests/tools/tsa.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(&config)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3");
        let mut line = String::new();
        use std::io::BufRead;
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port: u16 = line.trim().parse().expect("tsa.py prints its port");
        Some(TestTsa {
            url: format!("http://127.0.0.1:{port}/tsa"),
            child,
        })
    }
}

impl Drop for TestTsa {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// pyHanko validates the signature's time stamp against the test CA.
pub fn check_timestamp_with_pyhanko(dir: &Path, signed: &[u8], ca: &Path) {
    if !have("pyhanko", "pip install pyhanko pyhanko-cli") {
        return;
    }
    let path = dir.join("tidsstamplad.pdf");
    std::fs::write(&path, signed).unwrap();
    let (ok, text) = pyhanko_validate(&path, ca, true);
    assert!(ok, "pyhanko: {text}");
    for line in [
        "The timestamp token is cryptographically sound.",
        "The TSA certificate is trusted.",
        "The signature is judged VALID.",
    ] {
        assert!(text.contains(line), "pyhanko: {line}\n{text}");
    }
}
