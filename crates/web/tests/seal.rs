//! A seal the public can check: the public JSON of minutes with a secret § carries a proof
//! from which the documented verifier (docs/verify.py, run here with python3) recomputes
//! the sealed root and checks the signature and the key list; `/verifiera` tells a reader
//! the same in Swedish, for a protocol's address and for an uploaded PDF.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use paragraf_core::ids::MeetingId;
use paragraf_core::meeting::MeetingState;
use serde_json::Value;

mod support;
use support::*;

/// The demo's drafted minutes, which have a secret §, adjusted and posted.
fn published_with_a_secret_paragraph(app: &App) -> (MeetingId, Vec<u32>) {
    let store = app.state.dir.storage_for_tests();
    let id = store
        .meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.state() == MeetingState::MinutesDrafted && m.source.is_none())
        .expect("the demo has drafted minutes")
        .id;
    let secret: Vec<u32> = store
        .minutes(id)
        .unwrap()
        .unwrap()
        .paragraphs()
        .iter()
        .filter(|p| p.secrecy.is_secret())
        .map(|p| p.number)
        .collect();
    assert!(
        !secret.is_empty(),
        "the demo's drafted minutes have a secret §"
    );
    adjust_and_post(app, id, "Kommunarkivet");
    (id, secret)
}

/// python3 with the `cryptography` package (installed with pyHanko by scripts/test);
/// required under CI.
fn python() -> Option<&'static str> {
    let ok = std::process::Command::new("python3")
        .args([
            "-c",
            "import cryptography.hazmat.primitives.asymmetric.ed25519",
        ])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var_os("CI").is_some() {
        panic!("python3 with the cryptography package is needed (scripts/test installs it)");
    }
    ok.then_some("python3")
}

fn run_verifier(minutes: &Value, keys: &Value) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let (m, k) = (dir.path().join("m.json"), dir.path().join("k.json"));
    std::fs::write(&m, minutes.to_string()).unwrap();
    std::fs::write(&k, keys.to_string()).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/verify.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(&m)
        .arg("--keys")
        .arg(&k)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[tokio::test]
async fn the_documented_verifier_recomputes_the_root_of_minutes_with_a_secret_paragraph() {
    let app = app();
    let (id, secret) = published_with_a_secret_paragraph(&app);
    let a = app.get(&format!("/api/v1/minutes/{}", id.0), None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let minutes: Value = serde_json::from_str(&a.body).unwrap();
    let keys: Value = serde_json::from_str(&app.get("/api/v1/keys", None).await.body).unwrap();
    assert_eq!(keys.as_array().unwrap().len(), 1, "{keys}");

    // The secret § is in the proof by its hash only, and its text is nowhere.
    let proof = &minutes["seal_proof"];
    let entries = proof["paragraphs"].as_array().unwrap();
    for p in entries {
        let n = p["number"].as_u64().unwrap() as u32;
        assert_eq!(p.get("leaf").is_some(), secret.contains(&n), "{p}");
    }
    let stored = app
        .state
        .dir
        .storage_for_tests()
        .minutes(id)
        .unwrap()
        .unwrap();
    for n in &secret {
        let title = &stored.paragraph(*n).unwrap().title;
        assert!(
            !a.body.contains(title.as_str()),
            "§ {n}'s title {title:?} is public"
        );
    }

    // The app's own check and the documented verifier agree.
    let list: Vec<paragraf_app::keys::PublishedKey> = serde_json::from_value(keys.clone()).unwrap();
    let r = paragraf_app::signing::verify_public(&minutes, Some(&list));
    assert!(r.ok, "{r:?}");
    assert_eq!(r.hidden, secret);
    let Some(_) = python() else {
        eprintln!("python3 with cryptography is missing: the documented verifier was not run");
        return;
    };
    let (ok, out) = run_verifier(&minutes, &keys);
    assert!(ok, "{out}");
    assert!(out.contains("Sigillet håller."), "{out}");
    assert!(out.contains(&format!("§ {}", secret[0])), "{out}");

    // A public § changed after sealing (its line and the list alike).
    let mut changed = minutes.clone();
    let shown = changed["seal_proof"]["paragraphs"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p.get("line").is_some())
        .unwrap();
    let line = shown["line"]
        .as_str()
        .unwrap()
        .replacen("\"text\":\"", "\"text\":\"Ändrat. ", 1);
    shown["line"] = Value::String(line);
    let (ok, out) = run_verifier(&changed, &keys);
    assert!(!ok && out.contains("inte den förseglade"), "{out}");
    assert!(!paragraf_app::signing::verify_public(&changed, Some(&list)).ok);

    // A secret § swapped for another hash.
    let mut forged = minutes.clone();
    for p in forged["seal_proof"]["paragraphs"].as_array_mut().unwrap() {
        if p.get("leaf").is_some() {
            p["leaf"] = Value::String("0".repeat(64));
        }
    }
    let (ok, out) = run_verifier(&forged, &keys);
    assert!(!ok, "{out}");

    // A public § shown under another title than the sealed one.
    let mut retitled = minutes.clone();
    let first_shown = entries.iter().find(|p| p.get("line").is_some()).unwrap()["number"].clone();
    for p in retitled["paragraphs"].as_array_mut().unwrap() {
        if p["number"] == first_shown {
            p["title"] = Value::String("En annan rubrik".into());
        }
    }
    let (ok, out) = run_verifier(&retitled, &keys);
    assert!(!ok && out.contains("annan rubrik"), "{out}");

    // A key list that does not hold the key, or retired it before the seal.
    let (ok, out) = run_verifier(&minutes, &serde_json::json!([]));
    assert!(!ok && out.contains("nyckellistan"), "{out}");
    let mut retired = keys.clone();
    retired[0]["valid_until"] = Value::String("2000-01-01T00:00:00+01:00".into());
    let (ok, _) = run_verifier(&minutes, &retired);
    assert!(!ok);
}

/// After `paragraf key rotate`, minutes sealed before still verify with the old key, new
/// seals are made with the new one, and the list says when the old key was retired.
#[tokio::test]
async fn old_seals_verify_after_the_key_is_rotated() {
    let app = app();
    let (id, _) = published_with_a_secret_paragraph(&app);
    let before = paragraf_app::keys::published(&app.state.dir.path)
        .unwrap()
        .unwrap();
    let list = paragraf_app::keys::rotate(&app.state.dir).unwrap();
    assert_eq!(list.len(), 2);
    assert!(list[0].valid_until.is_some() && list[1].valid_until.is_none());
    assert_eq!(list[0].public_key, before);
    assert!(paragraf_app::meeting::cycle::verify(&app.state.dir, id)
        .unwrap()
        .ok());
    let a = app.get(&format!("/api/v1/minutes/{}", id.0), None).await;
    assert_eq!(a.status, StatusCode::OK, "still served after the rotation");
    let minutes: Value = serde_json::from_str(&a.body).unwrap();
    assert!(paragraf_app::signing::verify_public(&minutes, Some(&list)).ok);
    let keys: Value = serde_json::from_str(&app.get("/api/v1/keys", None).await.body).unwrap();
    assert_eq!(keys.as_array().unwrap().len(), 2);
    assert_ne!(
        paragraf_app::keys::published(&app.state.dir.path)
            .unwrap()
            .unwrap(),
        before
    );
}

fn upload(name: &str, bytes: &[u8]) -> Request<Body> {
    let boundary = "SigillGrans";
    let mut body = Vec::new();
    body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n").as_bytes());
    body.extend(bytes);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    Request::post("/verifiera")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn verifiera_tells_a_reader_in_swedish() {
    let app = app();
    let (id, _) = published_with_a_secret_paragraph(&app);

    let form = app.get("/verifiera", None).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("enctype=\"multipart/form-data\""),
        "{}",
        form.body
    );

    // By address: the permanent one, as a reader copies it from the browser.
    let address = paragraf_app::meeting::publication::address(
        &app.state.dir,
        &app.state.dir.storage_for_tests().meeting(id).unwrap(),
    );
    let q = urlencode(&format!("https://paragraf.exempel.se{address}"));
    let a = app.get(&format!("/verifiera?adress={q}"), None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(a.body.contains("Håller. "), "{}", a.body);
    assert!(
        a.body.contains("Ej publicerade") || a.body.contains("inte publiceras"),
        "{}",
        a.body
    );
    assert!(
        a.body.contains("ordförande"),
        "the approvals are listed: {}",
        a.body
    );

    let unknown = app
        .get(
            "/verifiera?adress=%2Forgan%2Fingen%2F2020-01-01%2Fprotokoll",
            None,
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(
        unknown.body.contains("Inget publicerat protokoll"),
        "{}",
        unknown.body
    );
    assert!(
        unknown
            .body
            .contains("value=\"/organ/ingen/2020-01-01/protokoll\""),
        "what was typed is kept"
    );

    // By file: the public PDF as served.
    let pdf = app
        .get(
            &format!("/protokoll/{}/protokoll-offentlig.pdf", id.0),
            None,
        )
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    let bytes = pdf.bytes.clone();
    let ok = app.send(upload("protokoll.pdf", &bytes)).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    for needle in [
        "Håller. ",
        "den här kommunens organisationscertifikat",
        "Sigillet är detsamma som det publicerade protokollets",
        &address,
        "ordförande",
    ] {
        assert!(ok.body.contains(needle), "{needle}: {}", ok.body);
    }

    // One byte changed inside what was signed.
    let mut tampered = bytes.clone();
    let at = tampered
        .windows(8)
        .position(|w| w == b"/Creator")
        .expect("the PDF names its creator");
    tampered[at + 1] = b'K';
    let bad = app.send(upload("protokoll.pdf", &tampered)).await;
    assert_eq!(bad.status, StatusCode::OK, "{}", bad.body);
    assert!(bad.body.contains("Håller inte. "), "{}", bad.body);

    let none = app.send(upload("", b"")).await;
    assert_eq!(none.status, StatusCode::BAD_REQUEST, "{}", none.body);
    let junk = app
        .send(upload("inte.pdf", "det här är ingen pdf".as_bytes()))
        .await;
    assert_eq!(
        junk.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        junk.body
    );
    assert!(junk.body.contains("inte.pdf"), "{}", junk.body);
}

/// A public protocol as `/api/v1/minutes/N` gave it when the seal proof was introduced
/// (seed 000 imported, four §§ not yet classified and given by their hashes), with the key
/// list of its time: it verifies in every later version, here and with the documented
/// verifier. Never regenerated: a change that breaks it changes the public format.
#[test]
fn golden_public_minutes_verify_in_every_later_version() {
    let minutes: Value =
        serde_json::from_str(include_str!("golden/public-minutes-v1.json")).unwrap();
    let keys: Value = serde_json::from_str(include_str!("golden/keys-v1.json")).unwrap();
    let list: Vec<paragraf_app::keys::PublishedKey> = serde_json::from_value(keys.clone()).unwrap();
    let r = paragraf_app::signing::verify_public(&minutes, Some(&list));
    assert!(r.ok, "{r:?}");
    assert_eq!(r.hidden, [115, 116, 118, 120]);
    if python().is_some() {
        let (ok, out) = run_verifier(&minutes, &keys);
        assert!(ok, "{out}");
    }
}
