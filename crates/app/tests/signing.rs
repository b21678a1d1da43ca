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
    let p12 = SigningConfig {
        pkcs12: Some(pkcs12(tmp.path(), "Hemligt-2026")),
        certifikat: None,
        nyckel: None,
        pkcs11_modul: None,
        pkcs11_token: None,
        pkcs11_nyckel: None,
        tidsstampel: None,
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
            tidsstampel: None,
        },
    );
    std::env::set_var("PARAGRAF_PKCS11_PIN", "000000");
    let err = format!("{:#}", render_protocol(&d, &root.join("ut0")).unwrap_err());
    assert!(err.contains("PIN"), "{err}");
    std::env::set_var("PARAGRAF_PKCS11_PIN", "123456");
    let pdf = render_protocol(&d, &root.join("ut")).unwrap();
    check(&root, &pdf, &ca);
}

/// The kept, signed protokoll of the one meeting in `data`.
fn kept_protocol(data: &Path) -> std::path::PathBuf {
    let dir = data.join(documents::SIGNED_DIR);
    // The meeting's directory (beside `innehall/`, the public documents by content).
    let meeting = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .parse::<i64>()
                .is_ok()
        })
        .unwrap();
    std::fs::read_dir(meeting)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("protokoll-") && !name.starts_with("protokoll-offentlig")
        })
        .expect("the signed protokoll is kept")
}

/// A signed PDF is made once and served again as it is (the signature's time is when it was
/// signed, not when it was downloaded); a kept copy that is changed, or carries another
/// seal, is made anew and never served.
#[test]
fn the_signed_pdfs_are_made_once_and_a_changed_copy_is_made_anew() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("egen");
    let mut config = paragraf_app::demo::demo_config();
    config.underskrift = None;
    let d = DataDir::init(&root.join("data"), &config).unwrap();
    let key = keys::load_or_create(&d).unwrap();
    let p = import::parse_protocol(SEED_004).unwrap();
    assert!(import::store_protocol(&d, &p, "004", &key).unwrap().sealed);
    let first = render_protocol(&d, &root.join("ut1")).unwrap();
    assert!(signing::verify_file(&first).unwrap().ok);
    assert_eq!(render_protocol(&d, &root.join("ut2")).unwrap(), first);

    let kept = kept_protocol(&root.join("data"));
    let mut changed = first.clone();
    let at = changed.len() / 3;
    changed[at] ^= 1;
    std::fs::write(&kept, &changed).unwrap();
    let again = render_protocol(&d, &root.join("ut3")).unwrap();
    assert_ne!(again, changed);
    assert!(signing::verify_file(&again).unwrap().ok);
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        again,
        "the changed copy is replaced"
    );

    // A validly signed PDF of another document put in its place is not served either.
    let extract = std::fs::read(root.join("ut3/utdrag-1.pdf")).unwrap();
    std::fs::write(&kept, &extract).unwrap();
    let served = render_protocol(&d, &root.join("ut4")).unwrap();
    assert_ne!(served, extract);
    let r = signing::verify_file(&served).unwrap();
    assert_eq!(
        r.signatures[0].statement.as_ref().unwrap().document,
        "protokoll"
    );

    // A kept file another one supersedes (an earlier version's, here planted) is removed
    // when the document is made anew; the other documents' files stay.
    let meeting_dir = kept.parent().unwrap().to_path_buf();
    let stale = meeting_dir.join("protokoll-0123456789abcdef01234567.pdf");
    std::fs::write(&stale, &first).unwrap();
    std::fs::write(&kept, b"trasig").unwrap();
    render_protocol(&d, &root.join("ut5")).unwrap();
    assert!(!stale.exists(), "the superseded file is removed");
    assert!(kept.exists());
    let names: Vec<String> = std::fs::read_dir(&meeting_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("protokoll-offentlig-")),
        "{names:?}"
    );
    assert!(names.iter().all(|n| !n.contains(".tmp")), "{names:?}");

    // A new organisation certificate makes the kept documents anew: a file signed with the
    // old one is not served as today's.
    let copy = tmp.path().join("kopia");
    copy_dir(&root, &copy);
    let keys = copy.join("data.nycklar");
    std::fs::remove_file(keys.join(paragraf_sign::SELF_SIGNED_KEY)).unwrap();
    std::fs::remove_file(keys.join(paragraf_sign::SELF_SIGNED_CERT)).unwrap();
    let d2 = DataDir::open(&copy.join("data")).unwrap();
    let old = signing::verify_file(&std::fs::read(&kept).unwrap()).unwrap();
    let renewed = render_protocol(&d2, &copy.join("ut")).unwrap();
    let new = signing::verify_file(&renewed).unwrap();
    assert!(new.ok, "{new:?}");
    assert_ne!(
        new.signatures[0].certificate_sha256, old.signatures[0].certificate_sha256,
        "signed anew with the new certificate"
    );
    assert_eq!(
        new.signatures[0].certificate_sha256,
        signing::organisation_certificate(&d2).unwrap()
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn toml_of(c: &paragraf_app::Config) -> String {
    toml::to_string(c).unwrap()
}

/// With `[underskrift] tidsstampel`, every signature carries a time stamp from the authority
/// (PAdES-B-T): a real RFC 3161 authority here (openssl's `ts -reply` behind HTTP), its
/// certificate from the test CA; pyHanko validates the signature and its time stamp, our
/// check reports the time. An authority that does not answer stops the signing.
#[test]
fn a_configured_time_stamp_authority_makes_signatures_pades_b_t() {
    let tmp = tempfile::tempdir().unwrap();
    let Some((key_file, chain, ca)) = test_ca(tmp.path()) else {
        return;
    };
    let Some(tsa) = TestTsa::start(tmp.path()) else {
        return;
    };
    // PEM files: the PKCS#12 test owns PARAGRAF_PKCS12_PASSWORD in this process.
    let config = |url: String| SigningConfig {
        pkcs12: None,
        certifikat: Some(chain.clone()),
        nyckel: Some(key_file.clone()),
        pkcs11_modul: None,
        pkcs11_token: None,
        pkcs11_nyckel: None,
        tidsstampel: Some(url),
    };
    let root = tmp.path().join("tsa");
    let d = installation(&root, config(tsa.url.clone()));
    let pdf = render_protocol(&d, &root.join("ut")).unwrap();
    let r = signing::verify_file(&pdf).unwrap();
    assert!(r.ok, "{r:?}");
    let stamped = r.signatures[0].timestamp.as_deref().expect("a time stamp");
    assert!(stamped.starts_with("20"), "{stamped}");
    assert!(signing::describe_file(&r)
        .iter()
        .any(|l| l.contains("Tidsstämplad")));
    check_with_tools(&root, &pdf, Some(&ca));
    check_timestamp_with_pyhanko(&root, &pdf, &ca);

    // Configured later, the authority stamps the documents kept before without a time stamp
    // (they are made anew, not served unstamped).
    let later = tmp.path().join("senare");
    let plain = SigningConfig {
        tidsstampel: None,
        ..config(String::new())
    };
    let d2 = installation(&later, plain);
    let unstamped = render_protocol(&d2, &later.join("ut")).unwrap();
    assert!(signing::verify_file(&unstamped).unwrap().signatures[0]
        .timestamp
        .is_none());
    let mut c = (*d2.config()).clone();
    c.underskrift = Some(config(tsa.url.clone()));
    drop(d2);
    std::fs::write(later.join("data/paragraf.toml"), toml_of(&c)).unwrap();
    let d2 = DataDir::open(&later.join("data")).unwrap();
    let stamped = render_protocol(&d2, &later.join("ut2")).unwrap();
    let r = signing::verify_file(&stamped).unwrap();
    assert!(r.ok && r.signatures[0].timestamp.is_some(), "{r:?}");

    // Stamped once: with the authority gone, the kept PDF is served as it was signed; a
    // kept copy changed by one byte is not served, and cannot be made anew without it.
    drop(tsa);
    assert_eq!(render_protocol(&d, &root.join("igen")).unwrap(), pdf);
    let kept = kept_protocol(&root.join("data"));
    let mut changed = std::fs::read(&kept).unwrap();
    let at = changed.len() / 3;
    changed[at] ^= 1;
    std::fs::write(&kept, &changed).unwrap();
    let err = format!(
        "{:#}",
        render_protocol(&d, &root.join("ändrad")).unwrap_err()
    );
    assert!(err.contains("tidsstämpeltjänsten svarade inte"), "{err}");

    let down = tmp.path().join("down");
    let d = installation(&down, config("http://127.0.0.1:9/tsa".into()));
    let err = format!("{:#}", render_protocol(&d, &down.join("ut")).unwrap_err());
    assert!(err.contains("tidsstämpeltjänsten svarade inte"), "{err}");
}
