//! The documents of adjusted minutes signed with the organisation key that `[underskrift]`
//! names — a PKCS#12 file and a PKCS#11 token (SoftHSM2), each with a certificate from a
//! test CA — are PDF/A-2b, valid in pdfsig and INTACT:TRUSTED in pyHanko, and a copy
//! changed by one byte is reported altered by both; wrong secrets are refused in Swedish.

use std::path::Path;

use paragraf_app::datadir::SigningConfig;
use paragraf_app::meeting::{documents, import};
use paragraf_app::{keys, signing, DataDir};

#[path = "../../sign/tests/tools/mod.rs"]
mod tools;
use tools::*;

const SEED_004: &str = include_str!("../../../tests/fixtures/004_781e15fbb2993ffb.txt");

fn installation(root: &Path, underskrift: SigningConfig) -> DataDir {
    let mut config = paragraf_app::demo::demo_config();
    config.underskrift = Some(underskrift);
    let d = DataDir::init(&root.join("data"), &config).unwrap();
    let key = keys::load_or_create(&d).unwrap();
    let p = import::parse_protocol(SEED_004).unwrap();
    assert!(import::store_protocol(&d, &p, "004", &key).unwrap().sealed);
    d
}

fn render_protocol(d: &DataDir, out: &Path) -> anyhow::Result<Vec<u8>> {
    let id = d.meetings()?[0].id;
    documents::render_all(d, id, out, "2026-12-01".parse().unwrap())?;
    Ok(std::fs::read(out.join("protokoll.pdf"))?)
}

fn check(dir: &Path, pdf: &[u8], ca: &Path) {
    let text = String::from_utf8_lossy(pdf);
    assert!(
        text.contains("pdfaid:part"),
        "PDF/A identification in the XMP"
    );
    let r = signing::verify_file(pdf).unwrap();
    assert!(r.ok, "{r:?}");
    let s = &r.signatures[0];
    assert!(s.signer.contains("Ludvika kommun e-sigill"), "{}", s.signer);
    let st = s.statement.as_ref().expect("the seal is in the signature");
    assert_eq!(st.body, "Vård- och omsorgsnämnden");
    assert_eq!(st.date, "2024-01-29");
    assert_eq!(s.seal_valid, Some(true));
    check_with_tools(dir, pdf, Some(ca));
}

#[test]
fn protocols_signed_with_a_pkcs12_file_and_a_pkcs11_token_validate_in_pdfsig_and_pyhanko() {
    let tmp = tempfile::tempdir().unwrap();
    let Some((key_file, chain, ca)) = test_ca(tmp.path()) else {
        return;
    };

    // PKCS#12, as a CA delivers an e-seal; the password from the environment.
    let out = std::process::Command::new("openssl")
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
            "pass:Hemligt-2026",
        ])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p12 = SigningConfig {
        pkcs12: Some(tmp.path().join("org.p12")),
        certifikat: None,
        nyckel: None,
        pkcs11_modul: None,
        pkcs11_token: None,
        pkcs11_nyckel: None,
    };
    let root = tmp.path().join("p12");
    let d = installation(&root, p12.clone());
    std::env::remove_var("PARAGRAF_PKCS12_PASSWORD");
    let err = format!("{:#}", render_protocol(&d, &root.join("ut0")).unwrap_err());
    assert!(err.contains("PARAGRAF_PKCS12_PASSWORD"), "{err}");
    std::env::set_var("PARAGRAF_PKCS12_PASSWORD", "fel");
    let err = format!("{:#}", render_protocol(&d, &root.join("ut1")).unwrap_err());
    assert!(err.contains("fel lösenord"), "{err}");
    std::env::set_var("PARAGRAF_PKCS12_PASSWORD", "Hemligt-2026");
    let pdf = render_protocol(&d, &root.join("ut")).unwrap();
    check(&root, &pdf, &ca);

    // A key file inside the data directory is refused.
    let inside = tmp.path().join("inside");
    let d = installation(&inside, p12.clone());
    std::fs::copy(tmp.path().join("org.p12"), inside.join("data/org.p12")).unwrap();
    let mut c = (*d.config()).clone();
    c.underskrift = Some(SigningConfig {
        pkcs12: Some(inside.join("data/org.p12")),
        ..p12
    });
    drop(d);
    std::fs::write(inside.join("data/paragraf.toml"), toml_of(&c)).unwrap();
    let d = DataDir::open(&inside.join("data")).unwrap();
    let err = format!("{:#}", render_protocol(&d, &inside.join("ut")).unwrap_err());
    assert!(err.contains("ligger i datakatalogen"), "{err}");

    // PKCS#11: the key on a token, never read out; the PIN from the environment.
    let Some(_conf) = soft_token(tmp.path(), &key_file) else {
        return;
    };
    let root = tmp.path().join("p11");
    let d = installation(
        &root,
        SigningConfig {
            pkcs12: None,
            certifikat: Some(chain),
            nyckel: None,
            pkcs11_modul: Some(SOFTHSM.into()),
            pkcs11_token: Some("paragraf".into()),
            pkcs11_nyckel: Some("sigill".into()),
        },
    );
    std::env::set_var("PARAGRAF_PKCS11_PIN", "000000");
    let err = format!("{:#}", render_protocol(&d, &root.join("ut0")).unwrap_err());
    assert!(err.contains("PIN"), "{err}");
    std::env::set_var("PARAGRAF_PKCS11_PIN", "123456");
    let pdf = render_protocol(&d, &root.join("ut")).unwrap();
    check(&root, &pdf, &ca);
}

fn toml_of(c: &paragraf_app::Config) -> String {
    toml::to_string(c).unwrap()
}
