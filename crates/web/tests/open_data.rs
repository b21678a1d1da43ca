//! The OParl endpoint, read as a client would: every object reachable from
//! `/oparl/v1/system` validates against the OParl 1.1 JSON Schemas (`tests/oparl/schema`,
//! taken unchanged from the specification), embedded objects too; every reference resolves;
//! and nothing secret is served.

use std::collections::{BTreeSet, HashMap, VecDeque};

use axum::http::StatusCode;
use serde_json::Value;

mod support;
use support::*;

const BASE: &str = "http://localhost/oparl/v1/";
const SCHEMA: &str = "https://schema.oparl.org/1.1/";

fn validators() -> HashMap<String, jsonschema::Validator> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/oparl/schema");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let schema: Value =
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let v = jsonschema::options()
                .should_validate_formats(true)
                .build(&schema)
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_stem().unwrap().to_string_lossy().into_owned(), v)
        })
        .collect()
}

/// Validates `v` and every object inside it that names an OParl type; collects the
/// endpoint's addresses it refers to. Returns how many objects were validated.
fn check(
    v: &Value,
    at: &str,
    validators: &HashMap<String, jsonschema::Validator>,
    refs: &mut BTreeSet<String>,
) -> usize {
    let mut n = 0;
    match v {
        Value::Object(map) => {
            if let Some(kind) = map
                .get("type")
                .and_then(Value::as_str)
                .and_then(|t| t.strip_prefix(SCHEMA))
            {
                let validator = validators
                    .get(kind)
                    .unwrap_or_else(|| panic!("{at}: no schema for {kind}"));
                let errors: Vec<String> = validator
                    .iter_errors(v)
                    .map(|e| format!("{e} at {}", e.instance_path()))
                    .collect();
                assert!(
                    errors.is_empty(),
                    "{at}: {kind} does not validate: {errors:?}\n{v:#}"
                );
                n += 1;
            }
            for (k, x) in map {
                n += check(x, &format!("{at}.{k}"), validators, refs);
            }
        }
        Value::Array(xs) => {
            for (i, x) in xs.iter().enumerate() {
                n += check(x, &format!("{at}[{i}]"), validators, refs);
            }
        }
        Value::String(s) if s.starts_with(BASE) => {
            refs.insert(s.clone());
        }
        _ => {}
    }
    n
}

#[tokio::test]
async fn every_object_validates_and_every_reference_resolves() {
    let app = app();
    // A handling found public: the case's Paper has it as a File.
    let (_, case, _) = case_of_a_public_paragraph(&app);
    let handling = paragraf_app::registry::add_document(
        &app.state.dir,
        case.id,
        paragraf_app::registry::AddDocument {
            kind: paragraf_core::registry::DocumentType::Memo,
            title: "Tjänsteskrivelse".into(),
            date: today(),
            direction: paragraf_core::registry::Direction::Internal,
            counterpart: None,
            pdf: Some(text_pdf("Förslag till beslut.")),
            file: None,
            secret: false,
        },
    )
    .unwrap();
    let secretary = app
        .state
        .dir
        .storage_for_tests()
        .user_by_name("sekreterare")
        .unwrap()
        .unwrap();
    paragraf_app::registry::review_document(
        &app.state.dir,
        &secretary,
        case.id,
        handling.number,
        Some(paragraf_core::registry::Review::Public),
    )
    .unwrap();
    let validators = validators();
    // The schemas bite: a System without its version, a Meeting with a text for a time.
    let bad_system = serde_json::json!({"id": format!("{BASE}system"), "type": format!("{SCHEMA}System"), "body": "x"});
    assert!(!validators["System"].is_valid(&bad_system));
    let bad_meeting =
        serde_json::json!({"id": "x", "type": format!("{SCHEMA}Meeting"), "start": "kl. 13"});
    assert!(!validators["Meeting"].is_valid(&bad_meeting));
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([format!("{BASE}system")]);
    let mut objects = 0;
    let mut kinds: BTreeSet<String> = BTreeSet::new();
    let mut bodies = Vec::new();
    while let Some(url) = queue.pop_front() {
        if !seen.insert(url.clone()) {
            continue;
        }
        let path = url.strip_prefix("http://localhost").unwrap();
        let r = app.get(path, None).await;
        assert_eq!(
            r.status,
            StatusCode::OK,
            "{url} does not resolve: {}",
            r.body
        );
        let v: Value = serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{url}: {e}"));
        if let Some(id) = v.get("id").and_then(Value::as_str) {
            assert_eq!(
                id,
                url.split('?').next().unwrap(),
                "an object's id is its address"
            );
        } else {
            assert!(
                v.get("data").is_some()
                    && v.get("pagination").is_some()
                    && v.get("links").is_some(),
                "{url}: a list"
            );
        }
        let mut refs = BTreeSet::new();
        objects += check(&v, &url, &validators, &mut refs);
        collect_kinds(&v, &mut kinds);
        bodies.push(r.body);
        for r in refs {
            queue.push_back(r);
        }
    }
    for k in [
        "System",
        "Body",
        "Organization",
        "Person",
        "Membership",
        "LegislativeTerm",
        "Meeting",
        "AgendaItem",
        "Paper",
        "Consultation",
        "File",
        "Location",
    ] {
        assert!(kinds.contains(k), "no {k} was served: {kinds:?}");
    }
    // Every File object names the size and SHA-512 of what its accessUrl serves (the old
    // address of a protocol leads to the permanent one, `/organ/…/protokoll.pdf`); the list
    // gives the size.
    let files: Value =
        serde_json::from_str(&app.get("/oparl/v1/body/1/files", None).await.body).unwrap();
    let files = files["data"].as_array().unwrap();
    assert!(!files.is_empty());
    for f in files {
        let path = f["accessUrl"]
            .as_str()
            .unwrap()
            .strip_prefix("http://localhost")
            .unwrap();
        let pdf = app.get(path, None).await;
        assert_eq!(pdf.status, 200, "{path}");
        use sha2::Digest;
        let sha = sha2::Sha512::digest(&pdf.bytes);
        let hex: String = sha.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(f["size"].as_u64(), Some(pdf.bytes.len() as u64), "{path}");
        let one = app
            .get(
                f["id"]
                    .as_str()
                    .unwrap()
                    .strip_prefix("http://localhost")
                    .unwrap(),
                None,
            )
            .await;
        let one: Value = serde_json::from_str(&one.body).unwrap();
        assert_eq!(one["sha512Checksum"].as_str(), Some(hex.as_str()), "{path}");
    }
    assert!(
        files.iter().any(|f| f["id"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/file/h-{}-{}", case.id, handling.number))),
        "the public handling is a File"
    );
    assert!(objects > 50, "{objects}");
    // Nothing secret: the demo's individual cases are agenda items without their text, and
    // no e-mail address of anyone is served.
    let all = bodies.join("\n");
    assert!(!all.contains("@"), "no e-mail");
    assert!(!all.contains("LVU"), "no individual's case");
    assert!(
        all.contains("\"public\":false"),
        "a secret § is listed as not public"
    );
    assert!(
        all.contains("paragraf:omrostning"),
        "votes as the documented extension"
    );
}

fn collect_kinds(v: &Value, kinds: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            if let Some(k) = m
                .get("type")
                .and_then(Value::as_str)
                .and_then(|t| t.strip_prefix(SCHEMA))
            {
                kinds.insert(k.to_string());
            }
            m.values().for_each(|x| collect_kinds(x, kinds));
        }
        Value::Array(xs) => xs.iter().for_each(|x| collect_kinds(x, kinds)),
        _ => {}
    }
}

#[tokio::test]
async fn lists_are_paged_and_filtered_by_modification() {
    let app = app();
    let r = app.get("/oparl/v1/body/1/meetings", None).await;
    let v: Value = serde_json::from_str(&r.body).unwrap();
    let total = v["pagination"]["totalElements"].as_u64().unwrap();
    assert!(total > 0);
    let r = app
        .get(
            "/oparl/v1/body/1/meetings?modified_since=2999-01-01T00:00:00%2B01:00",
            None,
        )
        .await;
    let later: Value = serde_json::from_str(&r.body).unwrap();
    let unsealed = later["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m.get("modified").is_none());
    assert!(unsealed, "only objects without a modification time stay");
    assert!(later["pagination"]["totalElements"].as_u64().unwrap() < total);
    for bad in ["?page=0", "?page=x", "?modified_since=igår"] {
        let r = app
            .get(&format!("/oparl/v1/body/1/meetings{bad}"), None)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
    assert_eq!(
        app.get("/oparl/v1/meeting/999999", None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/oparl/v1/body/2/meetings", None).await.status,
        StatusCode::NOT_FOUND
    );
}

/// The list of files describes only the protocol PDFs already made and kept: an anonymous
/// request for it signs nothing (one request must not sign every protocol there is); the
/// file itself, asked for alone, gives its size and checksum — those of the PDF served.
#[tokio::test]
async fn the_list_of_files_signs_nothing() {
    let app = app();
    let signed = app
        .state
        .dir
        .path
        .join(paragraf_app::meeting::documents::SIGNED_DIR);
    let _ = std::fs::remove_dir_all(&signed);
    let count = || {
        std::fs::read_dir(&signed).map_or(0, |d| {
            d.flatten()
                .map(|m| std::fs::read_dir(m.path()).map_or(0, |f| f.count()))
                .sum::<usize>()
        })
    };
    let r = app.get("/oparl/v1/body/1/files", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    let protocols: Vec<&Value> = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"].as_str().unwrap_or("").ends_with("-protokoll"))
        .collect();
    assert!(!protocols.is_empty());
    assert!(protocols.iter().all(|f| f.get("size").is_none()));
    assert_eq!(count(), 0, "nothing signed by the list");
    let id = protocols[0]["id"].as_str().unwrap().to_string();
    let one: Value = serde_json::from_str(
        &app.get(id.strip_prefix("http://localhost").unwrap(), None)
            .await
            .body,
    )
    .unwrap();
    let size = one["size"].as_u64().expect("the file alone has its size");
    let access = one["accessUrl"].as_str().unwrap();
    let pdf = app
        .get(access.strip_prefix("http://localhost").unwrap(), None)
        .await;
    assert_eq!(pdf.bytes.len() as u64, size, "the size of what is served");
    // Made and kept now, the list describes it too.
    let v: Value =
        serde_json::from_str(&app.get("/oparl/v1/body/1/files", None).await.body).unwrap();
    let listed = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == one["id"])
        .unwrap()
        .clone();
    assert_eq!(listed["size"], one["size"]);
    assert_eq!(listed["sha512Checksum"], one["sha512Checksum"]);
}

/// The DCAT-AP-SE catalogue names the datasets with absolute addresses that answer.
#[tokio::test]
async fn the_catalogue_describes_the_datasets() {
    let app = app();
    let r = app.get("/dcat.jsonld", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["@type"], "dcat:Catalog");
    let datasets = v["dcat:dataset"].as_array().unwrap();
    assert!(datasets.len() >= 3);
    for d in datasets {
        for dist in d["dcat:distribution"].as_array().unwrap() {
            let url = dist["dcat:accessURL"]["@id"].as_str().unwrap();
            let path = url.strip_prefix("http://localhost").expect("absolute");
            assert_eq!(app.get(path, None).await.status, StatusCode::OK, "{url}");
        }
    }
}

/// The bulk downloads: every file the manifest names has its checksum, size and rows; they
/// hold only what is public; they are made again when a protocol is posted.
#[tokio::test]
async fn bulk_downloads_have_a_manifest_and_follow_publication() {
    use sha2::Digest;
    let app = app();
    let page = app.get("/oppna-data", None).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let manifest = |body: &str| -> Value { serde_json::from_str(body).unwrap() };
    let first = manifest(&app.get("/oppna-data/manifest.json", None).await.body);
    let files = first["files"].as_array().unwrap();
    assert_eq!(files.len(), 5);
    let mut all = String::new();
    for f in files {
        let name = f["name"].as_str().unwrap();
        assert!(page.body.contains(&format!("href=\"/oppna-data/{name}\"")));
        let r = app.get(&format!("/oppna-data/{name}"), None).await;
        assert_eq!(r.status, StatusCode::OK);
        let digest: String = sha2::Sha256::digest(r.body.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(f["sha256"], digest, "{name}");
        assert_eq!(f["bytes"], r.body.len(), "{name}");
        let rows = if name.ends_with(".csv") {
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(b';')
                .from_reader(r.body.as_bytes());
            assert_eq!(reader.headers().unwrap().len(), 7);
            reader
                .records()
                .collect::<Result<Vec<_>, _>>()
                .unwrap()
                .len()
        } else {
            r.body.lines().count()
        };
        assert_eq!(f["rows"], rows, "{name}");
        if name.ends_with(".jsonl") {
            for l in r.body.lines() {
                serde_json::from_str::<Value>(l).unwrap_or_else(|e| panic!("{name}: {e}: {l}"));
            }
        }
        all += &r.body;
    }
    assert!(all.contains("\"adress\":\"/organ/"), "permanent addresses");
    assert!(
        !all.contains("LVU") && !all.contains('@'),
        "nothing secret, no e-mail"
    );
    assert_eq!(
        app.get("/oppna-data/paragraf.db", None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/oppna-data/..%2Fparagraf.toml", None).await.status,
        StatusCode::NOT_FOUND
    );

    // Unchanged data: the same files. A protocol posted: made again, with its §§.
    let again = manifest(&app.get("/oppna-data/manifest.json", None).await.body);
    assert_eq!(again["generated"], first["generated"]);
    let dir = &app.state.dir;
    let drafted = dir
        .meetings()
        .unwrap()
        .into_iter()
        .find(|m| {
            m.state() == paragraf_core::meeting::MeetingState::MinutesDrafted && m.source.is_none()
        })
        .unwrap()
        .id;
    adjust_and_post(&app, drafted, "Arkivet");
    let after = manifest(&app.get("/oppna-data/manifest.json", None).await.body);
    assert_ne!(after["source"], first["source"]);
    let rows = |m: &Value| {
        m["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == "paragrafer.jsonl")
            .unwrap()["rows"]
            .as_u64()
            .unwrap()
    };
    assert!(rows(&after) > rows(&first), "the new protocol's §§ are in");
}
