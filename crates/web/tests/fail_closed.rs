//! Fail closed: each way out that the "fail closed" issue found, tried again as an attacker
//! would. Personnummer in every spelling on every public surface, imported §§ about
//! individuals, statistics that single out a person, anonymous reads that write, roles
//! outside their bodies, a secretary who justerar alone, tampered minutes, floods of
//! logins, slow clients, reads held up by a write, tokens, cookies and uploads.

use std::collections::{BTreeSet, VecDeque};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use chrono::NaiveDate;
use paragraf_app::accounts::Role;
use paragraf_app::meeting::cycle;
use paragraf_core::ids::{BodyId, MeetingId, PersonId};
use paragraf_core::meeting::MeetingState;
use paragraf_core::minutes::{Ballot, Choice, Conflict, MinutesNote, Reservation};

mod support;
use support::*;

/// The spellings the attacker used, around one personnummer (Skatteverket's test number).
const SPELLINGS: &str = "Klagomål från 811218–9876, 811218\u{a0}9876, 811218 — 9876, \
    811218/9876, 811218.9876, 19811218-9876 och pnr8112189876.";

/// Nothing of the number may survive anywhere public. Seals, signatures and keys are long
/// runs of random hex that may hold "9876" by chance (one run in a few hundred), and so is a
/// time stamp's fraction of a second ("…T05:40:19.987609363Z"): they are left out of the
/// search.
fn assert_clean(path: &str, text: &str) {
    let fraction = |w: &str| {
        w.strip_suffix('Z')
            .is_some_and(|d| d.len() >= 3 && d.bytes().all(|b| b.is_ascii_digit()))
    };
    let text: String = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !(w.len() >= 32 && w.chars().all(|c| c.is_ascii_hexdigit())))
        .filter(|w| !fraction(w))
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.as_str();
    for needle in ["9876", "811218", "Kalle Andersson"] {
        if let Some(i) = text.find(needle) {
            let from = text[..i].char_indices().rev().nth(120).map_or(0, |c| c.0);
            let to = (i + 60).min(text.len());
            let to = (to..=text.len())
                .find(|j| text.is_char_boundary(*j))
                .unwrap_or(text.len());
            panic!("{path} shows {needle:?}: …{}…", &text[from..to]);
        }
    }
}

#[test]
fn hex_of_seals_is_not_taken_for_a_number_but_numbers_are_found() {
    assert_clean(
        "/x",
        "sha256 0a9876bc9876543210fedcba0123456789abcdef0123456789abcdef01234567",
    );
    assert_clean("/x", "valid from 2026-12-06T05:40:19.987609363Z");
    let caught = std::panic::catch_unwind(|| assert_clean("/x", "pnr 811218-9876 i texten"));
    assert!(caught.is_err());
    let caught = std::panic::catch_unwind(|| assert_clean("/x", "{\"text\":\"x9876\"}"));
    assert!(caught.is_err());
}

fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("x.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/test");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn meeting_in(app: &App, state: MeetingState) -> MeetingId {
    app.state
        .dir
        .storage_for_tests()
        .meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.state() == state && m.source.is_none())
        .map(|m| m.id)
        .expect("the demo has a meeting in every state")
}

/// Writes personnummer into every text field of the demo's drafted minutes (place, §
/// text, vote meanings, jäv ground, reservation, protokollsanteckning, förvaringsplats),
/// justerar and posts them.
fn publish_minutes_full_of_numbers(app: &App) -> MeetingId {
    let dir = &app.state.dir;
    let store = dir.storage_for_tests();
    let id = meeting_in(app, MeetingState::MinutesDrafted);
    let mut m = store.meeting(id).unwrap().value;
    m.place = Some("Sammanträdesrum 811218–9876".into());
    store.update_meeting(id, &m).unwrap();
    let minutes = store.minutes(id).unwrap().unwrap();
    let numbers: Vec<u32> = minutes
        .paragraphs()
        .iter()
        .filter(|p| !p.secrecy.is_secret())
        .map(|p| p.number)
        .collect();
    let chair = minutes.chair().unwrap();
    for (i, n) in numbers.iter().enumerate() {
        cycle::edit_paragraph_for_tests(dir, id, *n, |p, att| {
            p.text = format!("{} {SPELLINGS}", p.text);
            p.notes.push(MinutesNote {
                by: vec![],
                text: format!("Protokollsanteckning: {SPELLINGS}"),
            });
            if i == 0 {
                let deciding = att.deciding_for(p.number);
                let ballots = deciding
                    .iter()
                    .map(|person| Ballot {
                        person: *person,
                        choice: Choice::Yes,
                    })
                    .collect();
                p.record_vote(
                    att,
                    "bifall 811218–9876",
                    "avslag 811218 9876",
                    ballots,
                    Some(chair),
                    None,
                )?;
                p.reservations.push(Reservation {
                    by: deciding[1],
                    reasons: Some(format!("Motivering: {SPELLINGS}")),
                });
            } else if p.votes().is_empty() {
                let someone = att.deciding_for(p.number)[2];
                p.record_conflict(Conflict {
                    person: someone,
                    ground: Some("släkt med 811218/9876".into()),
                })?;
            }
            Ok(())
        })
        .unwrap();
    }
    adjust_and_post(app, id, "Arkivet, pnr8112189876");
    id
}

/// Seed 000 moved a year back (so that its § numbers are free), with personnummer in its
/// place and förvaringsplats, § 114's text, and § 116 turned into the attacker's LVU case.
fn import_seed_with_numbers(app: &App) -> MeetingId {
    let text = include_str!("../../../tests/fixtures/000_cbbf2cbdf5794cd6.txt")
        .replace("2025-09", "2024-09")
        .replace(
            "Sammanträdesrummet, stadshuset",
            "Sammanträdesrummet 811218–9876, stadshuset",
        )
        .replace(
            "Förvaringsplats för protokollet\tAdministrativa enheten",
            "Förvaringsplats för protokollet\tAdministrativa enheten pnr8112189876",
        )
        .replace(
            "Socialchef Maria Persson informerar från verksamheten:",
            &format!("Socialchef Maria Persson informerar från verksamheten: {SPELLINGS}"),
        )
        .replace(
            "§ 116 - Fokus SÄBO",
            "§ 116 - Ansökan om vård enligt LVU för Kalle Andersson, 811218–9876",
        );
    let protocol = paragraf_app::meeting::import::parse_protocol(&text).unwrap();
    let key = paragraf_app::keys::load_or_create(&app.state.dir).unwrap();
    let stored =
        paragraf_app::meeting::import::store_protocol(&app.state.dir, &protocol, "test", &key)
            .unwrap();
    assert!(stored.sealed, "{:?}", stored.warnings);
    stored.meeting
}

/// Every public page, feed, API answer and PDF reachable from the start page and the API.
async fn crawl_public(app: &App) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut queue: VecDeque<String> = [
        "/",
        "/anslagstavla.atom",
        "/sigill.pub",
        "/statistik/ej-verkstallda",
        "/statistik/ej-verkstallda/diagram.svg",
        "/api/v1/openapi.json",
        "/api/v1/notices",
        "/api/v1/minutes",
        "/api/v1/bodies",
        "/kalender.ics",
        "/oppna-data",
        "/oparl/v1/body/1/meetings",
        "/oparl/v1/body/1/agenda-items",
        "/oparl/v1/body/1/papers",
        "/oparl/v1/body/1/people",
        "/sok?q=811218-9876",
        "/sok?q=Andersson",
        "/sok?q=klagom%C3%A5l",
        "/sok?q=LVU",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for m in app.state.dir.meetings().unwrap() {
        queue.push_back(format!("/protokoll/{}", m.id));
        queue.push_back(format!("/protokoll/{}/protokoll-offentlig.pdf", m.id));
        queue.push_back(format!("/api/v1/minutes/{}", m.id));
    }
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) || seen.len() > 600 {
            continue;
        }
        let res = app
            .router
            .clone()
            .oneshot_raw(Request::get(&path).body(Body::empty()).unwrap())
            .await;
        assert!(!res.0.is_server_error(), "{path}: {}", res.0);
        if path.ends_with(".pdf") {
            if res.0 == StatusCode::OK {
                assert_clean(&path, &pdf_text(&res.1));
            }
            continue;
        }
        let text = String::from_utf8_lossy(&res.1).into_owned();
        assert_clean(&path, &text);
        for l in links(&text) {
            if !l.starts_with("/logga") && !l.starts_with("/static") {
                queue.push_back(l);
            }
        }
    }
    seen
}

#[tokio::test]
async fn personnummer_and_individual_cases_reach_no_public_surface() {
    let app = app();
    let made = publish_minutes_full_of_numbers(&app);
    let imported = import_seed_with_numbers(&app);
    let seen = crawl_public(&app).await;
    for id in [made, imported] {
        let page = app.get(&format!("/protokoll/{id}"), None).await;
        assert_eq!(page.status, StatusCode::OK, "{id}: {}", page.body);
        assert!(
            page.body.contains("[personnummer borttaget]"),
            "{id}: masked, not dropped"
        );
        assert!(seen.contains(&format!("/protokoll/{id}/protokoll-offentlig.pdf")));
    }
    // The imported LVU § and the § no rule could classify are notices, not text.
    let page = app.get(&format!("/protokoll/{imported}"), None).await;
    assert!(page.body.contains("Enskilt ärende"), "{}", page.body);
    assert!(
        page.body.contains("Ej publicerad paragraf"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Funktionshinderpolitiskt"));
    // The rules' verdicts are recorded with their grounds.
    let c = app.state.dir.classifications(imported).unwrap();
    let ground = |n: u32| {
        c.iter()
            .find(|c| c.paragraph == n)
            .map(|c| c.ground.clone())
    };
    assert!(ground(116).unwrap().contains("OSL 26 kap. 1 §"));
    assert!(ground(117).unwrap().starts_with("regel: "));
    assert!(
        ground(115).unwrap().contains("LVM"),
        "withheld until a person looks"
    );
    assert_eq!(ground(118), None, "undecided: waits for a person");
    assert!(!page.body.contains("Verksamhetsbeskrivning"));

    // A person classifies § 118; it is published from then on, and the workspace shows who.
    let (cookie, csrf) = app.login("sekreterare").await;
    let meeting = app
        .get(&format!("/sammantraden/{imported}"), Some(&cookie))
        .await;
    assert!(
        meeting.body.contains("att klassificera"),
        "{}",
        meeting.body
    );
    let refused = app
        .post_form(
            &format!("/sammantraden/{imported}/klassificera"),
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("paragraph", "116"),
                ("public", "1"),
                ("ground", "x"),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::CONFLICT,
        "a secret § is never published"
    );
    let ok = app
        .post_form(
            &format!("/sammantraden/{imported}/klassificera"),
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("paragraph", "118"),
                ("public", "1"),
                ("ground", "Nämndens eget arbete, inga enskilda"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let page = app.get(&format!("/protokoll/{imported}"), None).await;
    assert!(page.body.contains("Funktionshinderpolitiskt"));
    assert_clean("after classification", &page.body);
    // The budget § that mentions LVM placements can be published by a person too.
    let ok = app
        .post_form(
            &format!("/sammantraden/{imported}/klassificera"),
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("paragraph", "115"),
                ("public", "1"),
                ("ground", "Budget, inga enskilda"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/protokoll/{imported}"), None).await;
    assert!(
        page.body.contains("Verksamhetsbeskrivning"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn anonymous_reads_write_nothing() {
    let app = app();
    let store = &app.state.dir;
    let before = store.generation().unwrap();
    let log = store.audit_log(10_000).unwrap().len();
    crawl_public(&app).await;
    for path in [
        "/statistik/ej-verkstallda?datum=2026-10-31",
        "/statistik/ej-verkstallda/diagram.svg",
        "/logga-in",
        "/logga-in/sso",
        "/logga-in/sso/klar",
        "/kalender?manad=2026-11",
    ] {
        app.get(path, None).await;
    }
    // An expired or made-up session cookie is the public too: nothing is deleted.
    app.get("/", Some("paragraf_session=ffff")).await;
    assert_eq!(
        store.generation().unwrap(),
        before,
        "an anonymous GET wrote"
    );
    assert_eq!(store.audit_log(10_000).unwrap().len(), log);

    // No seal key is made by reading the public key.
    let tmp = tempfile::tempdir().unwrap();
    let fresh = paragraf_app::DataDir::init(&tmp.path().join("d"), &support::config()).unwrap();
    let state = paragraf_web::AppState::new(fresh).unwrap();
    let router = paragraf_web::router(state.clone());
    let (status, _) = router
        .oneshot_raw(Request::get("/sigill.pub").body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!tmp.path().join("d/keys").exists());
}

#[tokio::test]
async fn public_statistics_show_only_what_was_before_the_namnd_without_individuals() {
    let app = app();
    // 18 requests for 18 dates recovered one decision's verkställt date: now only dates
    // placed before the nämnd answer, and never with a row per decision.
    let mut answered = 0;
    for day in 1..=28 {
        let path = format!("/statistik/ej-verkstallda?datum=2026-11-{day:02}");
        if app.get(&path, None).await.status == StatusCode::OK {
            answered += 1;
        }
    }
    assert_eq!(answered, 0, "November 2026 was never before the nämnd");
    let page = app
        .get("/statistik/ej-verkstallda?datum=2026-10-31", None)
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Beslutsdatum") && !page.body.contains("Antal dagar"));
    // Seed 004's register has types with one or two decisions: they show as "<3".
    assert!(page.body.contains("&lt;3"), "{}", page.body);
}

/// The route table: every route of the server is either public, or for logged-in users
/// without a body (own account), or tried below for a role in its body and out of it.
#[tokio::test]
async fn every_role_is_limited_to_its_bodies_on_every_route() {
    let app = app();
    let store = &app.state.dir;
    let sn = body_id(store, "Socialnämnden");
    let ks = body_id(store, "Kommunstyrelsen");
    let secret_case = store
        .cases()
        .unwrap()
        .into_iter()
        .find(|c| c.secrecy.is_secret())
        .unwrap();
    let held = meeting_in(&app, MeetingState::Held);
    let drafted = meeting_in(&app, MeetingState::MinutesDrafted);
    let planned = meeting_in(&app, MeetingState::Planned);
    // A handling with its file in the secret case.
    let handling = add_memo(store, secret_case.id, "Utredning", b"%PDF-1.4 utredning");

    // The reading room's address of that handling, on the drafted meeting's agenda.
    let position = store
        .meeting(drafted)
        .unwrap()
        .agenda()
        .iter()
        .find(|i| i.case == Some(secret_case.id))
        .unwrap()
        .position;
    let reading = format!("/sammantraden/{drafted}/punkt/{position}/handling/{handling}");
    // A draft tjänsteskrivelse in the secret case.
    let secretary = paragraf_app::accounts::user_by_name(store, "sekreterare")
        .unwrap()
        .unwrap();
    paragraf_app::memo::save(
        store,
        &secretary,
        secret_case.id,
        paragraf_core::memo::Memo {
            title: "Utredning".into(),
            summary: "Vårdnadshavarens situation".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let memo = format!("/arenden/{}/tjansteskrivelse", secret_case.id);

    // GET routes that show a body's non-public matters, and what proves they were shown.
    let reads: Vec<(String, &str)> = vec![
        (reading.clone(), "Utredning"),
        (memo.clone(), "Vårdnadshavarens situation"),
        (format!("/sammantraden/{drafted}/handlingar.pdf"), ""),
        (format!("{memo}/1.pdf"), ""),
        (format!("{reading}/fil.pdf"), ""),
        (
            format!("/arenden/{}", secret_case.id),
            "Ansökan om vård enligt LVU",
        ),
        (
            format!("/arenden/{}/handlingar/{handling}", secret_case.id),
            "",
        ),
        (
            format!("/sammantraden/{drafted}"),
            "Ansökan om vård enligt LVU",
        ),
        (
            format!("/sammantraden/{drafted}/dokument/protokoll.pdf"),
            "",
        ),
        ("/ej-verkstallda?datum=2026-11-30".into(), "N01"),
        ("/ej-verkstallda/N01".into(), "N01"),
        (
            "/ej-verkstallda/diagram.svg?datum=2026-11-30".into(),
            "kontaktperson",
        ),
        (
            "/ej-verkstallda/ivo?kvartal=2026Q4&format=csv".into(),
            "N01",
        ),
        (
            "/delegation/beslut?fran=2024-05-01&till=2024-05-31".into(),
            "ANMÄLAN",
        ),
        (format!("/api/v1/meetings/{drafted}"), "minutes"),
        ("/api/v1/meetings".into(), "agenda_items"),
        ("/api/v1/cases".into(), "Ansökan om vård enligt LVU"),
        ("/arenden".into(), "Ansökan om vård enligt LVU"),
        ("/sammantraden".into(), "href=\"/sammantraden/"),
    ];
    let mut covered: BTreeSet<String> = reads
        .iter()
        .map(|(p, _)| route_of(p.split('?').next().unwrap()))
        .collect();
    let posts = [
        format!("/sammantraden/{planned}/halltid"),
        format!("/sammantraden/{held}/protokoll"),
        format!("/sammantraden/{drafted}/beslut"),
        format!("/sammantraden/{drafted}/klassificera"),
        format!("/arenden/{}", secret_case.id),
        format!("/arenden/{}/handlingar", secret_case.id),
        format!("/arenden/{}/handlingar/{handling}/provning", secret_case.id),
        "/ej-verkstallda".into(),
        "/ej-verkstallda/N01".into(),
        "/sammantraden".into(),
        "/sammantraden/plan".into(),
        "/arenden".into(),
        // Imports: the multipart upload and the store of a staged file (its uploader's only:
        // web `files_are_read_in_from_the_browser_with_a_preview_first`).
        "/las-in".into(),
        "/las-in/spara".into(),
        format!("{reading}/anteckningar"),
        memo.clone(),
        format!("{memo}/godkann"),
        format!("{reading}/anteckningar/1/ta-bort"),
    ];
    covered.extend(posts.iter().map(|p| route_of(p)));
    for api in [
        "/api/v1/meetings/{id}/agenda",
        "/api/v1/meetings/{id}/notice",
        "/api/v1/meetings/{id}/held",
        "/api/v1/meetings/{id}/minutes",
        "/api/v1/meetings/{id}/paragraphs/{n}/decision",
        "/api/v1/meetings/{id}/paragraphs/{n}/votes",
        "/api/v1/meetings/{id}/approvals",
        "/api/v1/meetings/{id}/anslag",
    ] {
        covered.insert(api.into());
    }
    // Public or own-account routes.
    let open = [
        "/",
        "/static/paragraf.css",
        "/static/paragraf.js",
        "/anslagstavla",
        "/anslagstavla.atom",
        "/protokoll",
        "/protokoll/",
        "/protokoll/{id}",
        "/protokoll/{id}/protokoll-offentlig.pdf",
        "/kalender",
        // What the public may read, whoever asks: secret_words_are_never_found_by_the_public_search.
        "/sok",
        "/arende/{dnr}",
        // A handling the public may read: a_handling_is_public_only_after_a_persons_review.
        "/arende/{dnr}/handlingar/{number}",
        // Feeds of the public calendar and board: web feeds_per_body_and_a_calendar_to_subscribe_to.
        "/kalender.ics",
        "/organ/{id}/anslagstavla.atom",
        "/organ/{id}/kalender.ics",
        "/organ/{id}/fullstandighet",
        // Permanent addresses of published minutes: web protocols_and_paragraphs_have_permanent_addresses.
        "/organ/{id}/{date}/protokoll",
        "/organ/{id}/{date}/{paragraph}",
        // The public kallelse: the_public_kallelse_shows_only_what_is_public.
        "/organ/{id}/{date}/kallelse",
        // Open data (OParl), built from what the public may read: tests/open_data.rs.
        "/dcat.jsonld",
        "/oppna-data",
        "/oppna-data/{file}",
        "/oparl/v1/system",
        "/oparl/v1/bodies",
        "/oparl/v1/body/{body}/{list}",
        "/oparl/v1/organization/{id}/meetings",
        "/oparl/v1/{kind}/{id}",
        "/organ",
        "/organ/{id}",
        "/sigill.pub",
        // A reader's check of a protocol, which stores nothing: tests/seal.rs.
        "/verifiera",
        "/api/v1/keys",
        "/healthz",
        "/readyz",
        "/logga-in",
        "/logga-in/sso",
        "/logga-in/sso/klar",
        "/logga-ut",
        "/revision",
        "/delegation",
        "/delegation/{id}",
        "/uppfoljning",
        "/uppfoljning/rapport",
        "/uppfoljning/diagram.svg",
        "/uppfoljning/siffror.csv",
        "/uppfoljning/siffror.json",
        "/statistik/ej-verkstallda",
        "/statistik/ej-verkstallda/diagram.svg",
        "/konto/nycklar",
        "/konto/nycklar/{id}/aterkalla",
        // One's own annotations only: papers.rs a_kallelse_carries_its_handlingar_….
        "/konto/anteckningar.json",
        "/konto/losenord",
        // Administrators only: accounts_are_administered_by_administrators_only.
        "/admin/konton",
        "/admin/konton/{username}",
        "/admin/konton/{username}/{action}",
        "/admin/organisation",
        "/admin/organisation/{form}",
        "/admin/organisation/import",
        "/admin/installningar",
        "/admin/installningar/logotyp",
        "/logotyp.png",
        // Only signed public documents (the public minutes, the anslag), by the SHA-256 of
        // their bytes: a_signed_protocol_is_served_by_its_content_address.
        "/filer/{name}",
        "/api/v1/openapi.json",
        "/api/v1/bodies",
        "/api/v1/notices",
        "/api/v1/minutes",
        "/api/v1/minutes/{id}",
        "/api/v1/tokens",
        "/api/v1/tokens/{id}",
    ];
    covered.extend(open.iter().map(|s| s.to_string()));
    for route in routes() {
        assert!(
            covered.contains(&route) || covered.contains(&route.replace("{action}", "kalla")),
            "route {route} is not in the role × body walk"
        );
    }

    for role in [
        Role::Admin,
        Role::Secretary,
        Role::CaseOfficer,
        Role::Director,
        Role::Member,
        Role::Registrar,
        Role::Reader,
    ] {
        for (body, has) in [(sn, true), (ks, false)] {
            let name = format!("{role:?}-{body}").to_lowercase();
            add_user(&app, &name, role, &[body]);
            let (cookie, csrf) = app.login_as(&name, "Lösen-för-test-1").await;
            for (path, proof) in &reads {
                let a = app.get(path, Some(&cookie)).await;
                let shown =
                    a.status == StatusCode::OK && (proof.is_empty() || a.body.contains(proof));
                let may = has && reads_allowed(role, path);
                assert_eq!(
                    shown,
                    may,
                    "{role:?} with body {body} ({has}) on {path}: {} {}",
                    a.status,
                    &a.body[..a.body.len().min(300)]
                );
            }
            for path in &posts {
                let a = app.post_form(path, Some(&cookie), &[("csrf", &csrf)]).await;
                if (path.ends_with("/handlingar") || path == "/las-in")
                    && a.status == StatusCode::BAD_REQUEST
                {
                    continue; // the multipart form is refused before anyone is asked
                }
                if role == Role::Reader {
                    assert_eq!(a.status, StatusCode::FORBIDDEN, "läsare on POST {path}");
                }
                if !has {
                    assert!(
                        matches!(
                            a.status,
                            StatusCode::FORBIDDEN
                                | StatusCode::NOT_FOUND
                                | StatusCode::UNPROCESSABLE_ENTITY
                        ),
                        "{role:?} outside the body on POST {path}: {}",
                        a.status
                    );
                    // 422 only where the body is chosen in the form (the missing field is named).
                    if a.status == StatusCode::UNPROCESSABLE_ENTITY {
                        assert!(
                            path == "/ej-verkstallda"
                                || path == "/sammantraden"
                                || path == "/sammantraden/plan"
                                || path == "/arenden",
                            "{path}"
                        );
                    }
                }
            }
            // The API's meeting routes: outside the body, 403 before anything is read.
            let token = app.token_for(&cookie, &csrf).await;
            for (method, path) in [
                ("POST", format!("/api/v1/meetings/{planned}/agenda")),
                ("POST", format!("/api/v1/meetings/{planned}/notice")),
                ("POST", format!("/api/v1/meetings/{held}/held")),
                ("POST", format!("/api/v1/meetings/{held}/minutes")),
                (
                    "PUT",
                    format!("/api/v1/meetings/{drafted}/paragraphs/1/decision"),
                ),
                (
                    "POST",
                    format!("/api/v1/meetings/{drafted}/paragraphs/1/votes"),
                ),
                ("POST", format!("/api/v1/meetings/{drafted}/approvals")),
                ("POST", format!("/api/v1/meetings/{drafted}/anslag")),
            ] {
                let a = app.api(method, &path, &token, serde_json::json!({})).await;
                if !has {
                    assert!(
                        matches!(
                            a.status,
                            StatusCode::FORBIDDEN | StatusCode::UNPROCESSABLE_ENTITY
                        ),
                        "{role:?} outside the body on {method} {path}: {} {}",
                        a.status,
                        a.body
                    );
                    assert!(!a.body.contains("Socialnämnden"));
                }
            }
        }
    }
}

/// Whether `role`, in the body, is shown the non-public read `path`: a läsare never; a
/// registrator not the registers of individuals' matters; a member not the registry.
fn reads_allowed(role: Role, path: &str) -> bool {
    match role {
        Role::Admin | Role::Secretary | Role::CaseOfficer | Role::Director => true,
        // The member here is Karin Ek, ledamot of Socialnämnden: she reads the handlingar
        // of its meetings (an ersättare's copy: tests/papers.rs).
        Role::Member => !reads_need_staff(path),
        Role::Registrar => !["/ej-verkstallda", "/delegation/beslut"]
            .iter()
            .any(|p| path.starts_with(p)),
        Role::Reader => false,
    }
}

/// Routes that the member role never reaches even in its own body (registry and register).
fn reads_need_staff(path: &str) -> bool {
    ["/arenden", "/ej-verkstallda", "/api/v1/cases"]
        .iter()
        .any(|p| path.starts_with(p))
        || path.contains("/delegation/beslut")
}

/// `/sammantraden/3/beslut` → `/sammantraden/{id}/{action}` as written in the route table.
fn route_of(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    let known = routes();
    known
        .into_iter()
        .find(|r| {
            let rp: Vec<&str> = r.split('/').collect();
            rp.len() == parts.len()
                && rp
                    .iter()
                    .zip(&parts)
                    .all(|(a, b)| a.starts_with('{') || a == b)
        })
        .unwrap_or_else(|| path.to_string())
}

/// Every route of the server, from its source.
fn routes() -> Vec<String> {
    let mut out = Vec::new();
    for (prefix, src) in [
        ("", include_str!("../src/lib.rs")),
        ("/api/v1", include_str!("../src/api.rs")),
    ] {
        let mut rest = src;
        while let Some(i) = rest.find(".route(") {
            rest = &rest[i + 7..];
            let s = rest.trim_start();
            if let Some(s) = s.strip_prefix('"') {
                if let Some(end) = s.find('"') {
                    out.push(format!("{prefix}{}", &s[..end]));
                }
            }
        }
    }
    // Most specific first, so that fixed paths win over parameters.
    out.sort_by_key(|r| r.matches('{').count());
    out
}

fn add_user(app: &App, name: &str, role: Role, bodies: &[BodyId]) -> i64 {
    let person = app
        .state
        .dir
        .persons()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Karin Ek")
        .map(|p| p.id);
    paragraf_app::accounts::add_user(
        &app.state.dir,
        name,
        name,
        "Lösen-för-test-1",
        role,
        if role == Role::Member { person } else { None },
        bodies,
    )
    .unwrap()
    .id
}

#[tokio::test]
async fn the_secretary_cannot_justera_alone() {
    let app = app();
    let held = meeting_in(&app, MeetingState::Held);
    let store = &app.state.dir;
    let me = store
        .persons()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Linnea Moberg")
        .unwrap()
        .id;
    let (cookie, csrf) = app.login("sekreterare").await;
    let token = app.token_for(&cookie, &csrf).await;
    // The draft names her own person as ordförande and justerare.
    let a = app
        .api(
            "POST",
            &format!("/api/v1/meetings/{held}/minutes"),
            &token,
            serde_json::json!({ "chair": me.0, "adjusters": [me.0], "secretary": me.0 }),
        )
        .await;
    assert_eq!(a.status, StatusCode::CONFLICT, "{}", a.body);
    assert!(
        a.body.contains("två gånger") || a.body.contains("sekreterare"),
        "{}",
        a.body
    );
    // Two different persons, neither a deciding member present: refused at approval.
    let karin = store
        .persons()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Karin Ek")
        .unwrap()
        .id;
    let a = app
        .api(
            "POST",
            &format!("/api/v1/meetings/{held}/minutes"),
            &token,
            serde_json::json!({ "chair": karin.0, "adjusters": [me.0], "secretary": me.0 }),
        )
        .await;
    assert_eq!(a.status, StatusCode::CONFLICT, "{}", a.body);
    assert!(a.body.contains("sekreterare"), "{}", a.body);
    let _ = PersonId(0);
}

#[tokio::test]
async fn tampered_minutes_are_not_served_and_raise_an_alarm() {
    let app = app();
    let posted = app
        .state
        .dir
        .storage_for_tests()
        .meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.state() == MeetingState::Posted && m.source.is_none())
        .unwrap()
        .id;
    assert_eq!(
        app.get(&format!("/protokoll/{posted}"), None).await.status,
        StatusCode::OK
    );
    // Someone with the database file drops the guard, rewrites a decision and turns the
    // secret § public.
    let mut raw = support::Database::open(&app);
    raw.batch(
        "DROP TRIGGER minutes_sealed_no_update",
        "DROP TRIGGER minutes_sealed_no_update ON minutes",
    );
    let data = raw.text("SELECT data FROM minutes WHERE meeting_id = ?1", posted.0);
    assert!(data.contains("individual_case"));
    let forged = data
        .replace("godkänna förvaltningens redovisning", "avslå allt")
        .replace("individual_case", "public");
    raw.set_text(
        "UPDATE minutes SET data = ?1 WHERE meeting_id = ?2",
        &forged,
        posted.0,
    );
    drop(raw);
    for path in [
        format!("/protokoll/{posted}"),
        format!("/protokoll/{posted}/protokoll-offentlig.pdf"),
        format!("/api/v1/minutes/{posted}"),
    ] {
        let a = app.get(&path, None).await;
        assert_eq!(
            a.status,
            StatusCode::NOT_FOUND,
            "{path} served tampered minutes"
        );
        assert!(!a.body.contains("avslå allt") && !a.body.contains("Ansökan om vård"));
    }
    let alarms: Vec<_> = app
        .state
        .dir
        .storage_for_tests()
        .audit_log(10_000)
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "larm" && e.entity_id.as_deref() == Some(&posted.to_string()))
        .collect();
    assert_eq!(alarms.len(), 1, "one alarm, not one per request");
    assert!(alarms[0].after.as_deref().unwrap_or("").contains("ändrats"));
}

fn from(addr: &str) -> ConnectInfo<SocketAddr> {
    ConnectInfo(format!("{addr}:40000").parse().unwrap())
}

#[tokio::test]
async fn logins_are_slowed_per_address_and_name_and_say_the_same_for_everyone() {
    let app = app();
    let id = add_user(&app, "stangd", Role::Secretary, &[]);
    let sql = format!("UPDATE users SET disabled = 1 WHERE id = {id}");
    support::Database::open(&app).batch(&sql, &sql);
    // Unknown name, wrong password, disabled account: one answer.
    let mut answers = Vec::new();
    for (user, pw, addr) in [
        ("finns-inte", "x", "10.0.0.1"),
        ("sekreterare", "fel", "10.0.0.2"),
        ("stangd", "Lösen-för-test-1", "10.0.0.3"),
    ] {
        let a = app.login_from(user, pw, from(addr)).await;
        answers.push((a.status, a.body.replace(user, "")));
    }
    assert!(answers.iter().all(|a| a == &answers[0]), "{answers:?}");
    assert_eq!(answers[0].0, StatusCode::UNAUTHORIZED);

    // A stranger hammering a known and an unknown name gets the same 429s …
    let stranger = from("10.9.9.9");
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for _ in 0..6 {
        known.push(app.login_from("sekreterare", "fel", stranger).await.status);
        unknown.push(app.login_from("finns-inte", "fel", stranger).await.status);
    }
    assert_eq!(known, unknown, "names cannot be told apart");
    assert!(known.contains(&StatusCode::TOO_MANY_REQUESTS));
    // Ten attempts sent at once are still counted one after another: no more passwords are
    // checked than the free failures and the hashing slots let through.
    let burst = from("10.7.7.7");
    let attempt = || app.login_from("sekreterare", "fel", burst);
    let answers = tokio::join!(
        attempt(),
        attempt(),
        attempt(),
        attempt(),
        attempt(),
        attempt(),
        attempt(),
        attempt(),
        attempt(),
        attempt()
    );
    let statuses = [
        answers.0.status,
        answers.1.status,
        answers.2.status,
        answers.3.status,
        answers.4.status,
        answers.5.status,
        answers.6.status,
        answers.7.status,
        answers.8.status,
        answers.9.status,
    ];
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    assert!(
        checked
            <= paragraf_app::accounts::FREE_FAILURES_PER_NAME as usize
                + paragraf_web::auth::hash_slots(),
        "{checked} of 10 passwords checked: {statuses:?}"
    );
    // … and the real secretary, from her own address, logs in at once.
    let ok = app
        .login_from("sekreterare", "sekreterare-demo", from("10.1.1.1"))
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    // A disabled account's session and token stop working.
    let (cookie, csrf) = app.login("handlaggare").await;
    let token = app.token_for(&cookie, &csrf).await;
    let sql = "UPDATE users SET disabled = 1 WHERE username = 'handlaggare'";
    support::Database::open(&app).batch(sql, sql);
    assert_eq!(
        app.get("/arenden", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.api("GET", "/api/v1/cases", &token, serde_json::json!(null))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn api_tokens_expire_can_be_listed_and_revoked() {
    let app = app();
    let (cookie, csrf) = app.login("sekreterare").await;
    let token = app.token_for(&cookie, &csrf).await;
    assert_eq!(
        app.api("GET", "/api/v1/cases", &token, serde_json::json!(null))
            .await
            .status,
        StatusCode::OK
    );
    let list = app
        .api("GET", "/api/v1/tokens", &token, serde_json::json!(null))
        .await;
    let list: serde_json::Value = serde_json::from_str(&list.body).unwrap();
    let id = list[0]["id"].as_i64().unwrap();
    assert!(list[0]["expires"].as_str().is_some());
    // The page lists it too, with a way to revoke it.
    let page = app.get("/konto/nycklar", Some(&cookie)).await;
    assert!(page
        .body
        .contains(&format!("/konto/nycklar/{id}/aterkalla")));
    // Expired: refused.
    let mut raw = support::Database::open(&app);
    let sql =
        format!("UPDATE api_tokens SET expires = '2020-01-01T00:00:00+00:00' WHERE rowid = {id}");
    raw.batch(&sql, &sql);
    assert_eq!(
        app.api("GET", "/api/v1/cases", &token, serde_json::json!(null))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    raw.set_text(
        "UPDATE api_tokens SET expires = ?1 WHERE rowid = ?2",
        "2999-01-01T00:00:00+00:00",
        id,
    );
    drop(raw);
    assert_eq!(
        app.api("GET", "/api/v1/cases", &token, serde_json::json!(null))
            .await
            .status,
        StatusCode::OK
    );
    // Revoked: refused.
    let a = app
        .post_form(
            &format!("/konto/nycklar/{id}/aterkalla"),
            Some(&cookie),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.api("GET", "/api/v1/cases", &token, serde_json::json!(null))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    // A life beyond a year is refused, naming the field.
    let a = app
        .api_session(
            "POST",
            "/api/v1/tokens",
            &cookie,
            &csrf,
            serde_json::json!({ "label": "x", "days": 4000 }),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.body.contains("\"days\""));
}

#[tokio::test]
async fn the_secure_flag_follows_the_configured_address_not_the_host_header() {
    let mut app = app();
    let login = |host: &'static str| {
        Request::post("/logga-in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, host)
            .body(Body::from("username=sekreterare&password=sekreterare-demo"))
            .unwrap()
    };
    let a = app.send(login("paragraf.demoby.se")).await;
    let cookie = a.headers[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(
        !cookie.contains("Secure"),
        "no public_url: the Host header decides nothing"
    );
    let dir = paragraf_app::DataDir::open(&app.state.dir.path).unwrap();
    dir.change_config_for_tests(|c| {
        c.server.public_url = Some("https://paragraf.demoby.se".into())
    });
    let mut state = paragraf_web::AppState::new(dir).unwrap();
    state.fixed_today = Some(today());
    app.router = paragraf_web::router(state.clone());
    app.state = state;
    let a = app.send(login("127.0.0.1")).await;
    let cookie = a.headers[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(cookie.contains("; Secure"), "{cookie}");
}

#[tokio::test]
async fn uploads_up_to_the_limit_work_and_larger_ones_get_413() {
    let app = app();
    let (cookie, csrf) = app.login("sekreterare").await;
    let case = app
        .state
        .dir
        .storage_for_tests()
        .cases()
        .unwrap()
        .into_iter()
        .find(|c| !c.secrecy.is_secret())
        .unwrap()
        .id;
    let upload = |size: usize| {
        let mut pdf = b"%PDF-1.4\n".to_vec();
        pdf.resize(size, b'x');
        let boundary = "XyZ";
        let mut body = Vec::new();
        for (k, v) in [
            ("csrf", csrf.as_str()),
            ("kind", "tjänsteskrivelse"),
            ("title", "Stor bilaga"),
            ("date", "2026-11-20"),
        ] {
            body.extend(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").as_bytes());
        body.extend(&pdf);
        body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
        Request::post(format!("/arenden/{case}/handlingar"))
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::COOKIE, &cookie)
            .body(Body::from(body))
            .unwrap()
    };
    let ok = app.send(upload(3 << 20)).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "a 3 MB PDF: {}", ok.body);
    let big = app.send(upload(51 << 20)).await;
    assert_eq!(big.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", big.body);
    assert!(big.body.contains("50 MB"), "{}", big.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_read_while_another_process_holds_the_write_lock() {
    let app = app();
    if support::on_postgres() {
        // SQLite's file lock; on PostgreSQL reads never wait for writes (MVCC).
        return;
    }
    let (cookie, _) = app.login("sekreterare").await;
    // A CLI import in another process holds SQLite's write lock for a long transaction.
    let path = app.state.dir.path.join("paragraf.db");
    let (tx, rx) = std::sync::mpsc::channel();
    let writer = std::thread::spawn(move || {
        let mut c = rusqlite::Connection::open(path).unwrap();
        let t = c
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .unwrap();
        t.execute(
            "UPDATE users SET failed_logins = failed_logins WHERE id = 1",
            [],
        )
        .unwrap();
        tx.send(()).unwrap();
        std::thread::sleep(Duration::from_secs(4));
        t.commit().unwrap();
    });
    rx.recv().unwrap();
    let start = Instant::now();
    for path in [
        "/sammantraden",
        "/arenden",
        "/anslagstavla",
        "/api/v1/minutes",
    ] {
        let a = app.get(path, Some(&cookie)).await;
        assert_eq!(a.status, StatusCode::OK, "{path}");
    }
    let took = start.elapsed();
    writer.join().unwrap();
    assert!(
        took < Duration::from_secs(3),
        "reads waited for the writer: {took:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = app();
    let dir = paragraf_app::DataDir::open(&app.state.dir.path).unwrap();
    dir.change_config_for_tests(|c| {
        c.server.header_timeout_secs = Some(1);
        c.server.body_timeout_secs = Some(1);
    });
    let state = paragraf_web::AppState::new(dir).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(paragraf_web::serve_listener(state, listener, async {
        let _ = stopped.await;
    }));
    // Half a request head, then silence: the server closes the connection.
    let mut half = tokio::net::TcpStream::connect(addr).await.unwrap();
    half.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let start = Instant::now();
    let mut buf = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), half.read_to_end(&mut buf)).await;
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "a silent half-sent head was held"
    );
    // Half a body, then silence: cut off too.
    let mut body = tokio::net::TcpStream::connect(addr).await.unwrap();
    body.write_all(b"POST /logga-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nusername=a").await.unwrap();
    let start = Instant::now();
    let mut buf = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), body.read_to_end(&mut buf)).await;
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "a silent half-sent body was held"
    );
    // A normal request still works.
    let mut ok = tokio::net::TcpStream::connect(addr).await.unwrap();
    ok.write_all(b"GET /anslagstavla HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut buf = Vec::new();
    ok.read_to_end(&mut buf).await.unwrap();
    assert!(String::from_utf8_lossy(&buf).starts_with("HTTP/1.1 200"));
    let _ = stop.send(());
    server.await.unwrap().unwrap();
}

#[test]
fn the_data_directory_is_for_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let app = app();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let d = &app.state.dir.path;
    paragraf_app::keys::load_or_create(&app.state.dir).unwrap();
    assert_eq!(mode(d), 0o700);
    if !support::on_postgres() {
        assert_eq!(mode(&d.join("paragraf.db")), 0o600);
    }
    assert_eq!(mode(&d.join("paragraf.toml")), 0o600);
    assert_eq!(mode(&d.join("keys")), 0o700);
    // The private key is kept apart, in the key directory beside the data directory.
    assert!(!d.join("keys/sigill.key").exists());
    let keys = paragraf_app::keys::key_dir(&app.state.dir).unwrap();
    assert!(!keys.starts_with(d));
    assert_eq!(mode(&keys), 0o700);
    for e in std::fs::read_dir(&keys).unwrap().flatten() {
        assert_eq!(mode(&e.path()), 0o600, "{}", e.path().display());
    }
    let _ = NaiveDate::MIN;
}

/// Only an administrator reaches the accounts; everyone else is refused, whatever their
/// bodies. A failed new account keeps what was typed (never the password).
#[tokio::test]
async fn accounts_are_administered_by_administrators_only() {
    let app = app();
    let sn = body_id(&app.state.dir, "Socialnämnden");
    for role in [Role::Secretary, Role::CaseOfficer, Role::Member] {
        let name = format!("{role:?}-konton").to_lowercase();
        add_user(&app, &name, role, &[sn]);
        let (cookie, csrf) = app.login_as(&name, "Lösen-för-test-1").await;
        for path in [
            "/admin/konton",
            "/admin/konton/sekreterare",
            "/admin/organisation",
            "/admin/installningar",
        ] {
            let a = app.get(path, Some(&cookie)).await;
            assert_eq!(a.status, StatusCode::FORBIDDEN, "{role:?} {path}");
        }
        for path in [
            "/admin/konton",
            "/admin/konton/sekreterare/stang",
            "/admin/organisation/organ",
            "/admin/installningar",
        ] {
            let a = app
                .post_form(path, Some(&cookie), &[("csrf", &csrf), ("username", "x")])
                .await;
            assert_eq!(a.status, StatusCode::FORBIDDEN, "{role:?} {path}");
        }
    }
    assert_eq!(
        app.get("/admin/konton", None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let admin = add_user(&app, "admin-konton", Role::Admin, &[sn]);
    assert!(admin > 0);
    let (cookie, csrf) = app.login_as("admin-konton", "Lösen-för-test-1").await;
    let page = app.get("/admin/konton", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("sekreterare"));
    // A short password: the form again, with what was typed and the field named.
    let a = app
        .post_form(
            "/admin/konton",
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("username", "nyanställd"),
                ("name", "Nora Ny"),
                ("role", "handläggare"),
                ("body", &sn.to_string()),
                ("password", "kort"),
                ("again", "kort"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert!(a.body.contains("value=\"Nora Ny\"") && a.body.contains("minst 10 tecken"));
    assert!(
        !a.body.contains("value=\"kort\""),
        "a password is never sent back"
    );
    let a = app
        .post_form(
            "/admin/konton",
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("username", "nyanställd"),
                ("name", "Nora Ny"),
                ("role", "handläggare"),
                ("body", &sn.to_string()),
                ("password", "Ett-långt-lösen"),
                ("again", "Ett-långt-lösen"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let (c2, _) = app.login_as("nyanställd", "Ett-långt-lösen").await;
    // The administrator chose the password: nothing but choosing one's own until then.
    for path in ["/sammantraden", "/arenden", "/admin/konton"] {
        let a = app.get(path, Some(&c2)).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(a.headers[header::LOCATION], "/konto/losenord");
    }
    let a = app.get("/api/v1/meetings", Some(&c2)).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(a.body.contains("eget lösenord"), "{}", a.body);
    assert_eq!(
        app.get("/konto/losenord", Some(&c2)).await.status,
        StatusCode::OK
    );
    // Closing it ends its session.
    let a = app
        .post_form(
            "/admin/konton/nyanställd/stang",
            Some(&cookie),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.get("/sammantraden", Some(&c2)).await.status,
        StatusCode::UNAUTHORIZED
    );
    let log = app.state.dir.audit_log(1000).unwrap();
    assert!(log
        .iter()
        .any(|e| e.action == "stäng" && e.actor.contains("admin-konton")));
}

/// The demo with `[sso]` pointing at a provider that does not answer (nothing listens on
/// port 9), and local passwords on or off.
fn app_with_sso(local_passwords: bool) -> App {
    let tmp = tempfile::tempdir().unwrap();
    let dir = paragraf_app::DataDir::init(&tmp.path().join("data"), &support::config()).unwrap();
    paragraf_app::demo::populate(&dir, today()).unwrap();
    paragraf_app::demo::accounts(&dir).unwrap();
    dir.change_config_for_tests(|c| {
        c.server.public_url = Some("https://paragraf.example".into());
        c.sso = Some(paragraf_app::SsoConfig {
            issuer: "http://127.0.0.1:9".into(),
            client_id: "paragraf".into(),
            client_secret: "hemligt".into(),
            claim: "preferred_username".into(),
            label: Some("Logga in med Hagfors-kontot".into()),
            local_passwords,
        });
    });
    let state = paragraf_web::AppState::new(dir).unwrap();
    App {
        _tmp: tmp,
        router: paragraf_web::router(state.clone()),
        state,
    }
}

fn no_session(a: &Answer) -> bool {
    a.headers.get_all(header::SET_COOKIE).iter().all(|c| {
        !c.to_str().unwrap().starts_with("paragraf_session=")
            || c.to_str().unwrap().starts_with("paragraf_session=;")
    })
}

/// Single sign-on: a return from the provider that did not start here (no pending login,
/// another state, an error from the provider) starts no session; a provider that does not
/// answer is said so; with local passwords turned off, a right password opens nothing.
#[tokio::test]
async fn single_sign_on_refuses_what_did_not_start_here() {
    // Without [sso] the routes do not exist.
    let plain = app();
    assert_eq!(
        plain.get("/logga-in/sso", None).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!plain
        .get("/logga-in", None)
        .await
        .body
        .contains("/logga-in/sso"));

    let app = app_with_sso(true);
    let page = app.get("/logga-in", None).await;
    assert!(
        page.body.contains("Logga in med Hagfors-kontot"),
        "{}",
        page.body
    );
    assert!(page.body.contains("name=\"password\""));

    let a = app.get("/logga-in/sso", None).await;
    assert_eq!(a.status, StatusCode::BAD_GATEWAY, "{}", a.body);
    assert!(
        a.body.contains("identitetsleverantören svarar inte"),
        "{}",
        a.body
    );
    assert!(a.headers.get(header::LOCATION).is_none());

    // Back without having begun here.
    let a = app.get("/logga-in/sso/klar?code=abc&state=xyz", None).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", a.body);
    assert!(no_session(&a));
    // Back with another login's state.
    let req = Request::get("/logga-in/sso/klar?code=abc&state=xyz")
        .header(header::COOKIE, "paragraf_sso=annan.nonce.verifier")
        .body(Body::empty())
        .unwrap();
    let a = app.send(req).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", a.body);
    assert!(
        a.body
            .contains("inte tillbaka från den inloggning som började här"),
        "{}",
        a.body
    );
    assert!(no_session(&a));
    // The provider said no.
    let a = app
        .get(
            "/logga-in/sso/klar?error=access_denied&error_description=nekad",
            None,
        )
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(a.body.contains("nekad"));
    assert!(no_session(&a));
    // Passwords still work when they are on.
    app.login("sekreterare").await;

    let off = app_with_sso(false);
    let page = off.get("/logga-in", None).await;
    assert!(!page.body.contains("name=\"password\""), "{}", page.body);
    let a = off
        .post_form(
            "/logga-in",
            None,
            &[
                ("username", "sekreterare"),
                ("password", "sekreterare-demo"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", a.body);
    assert!(no_session(&a));
    assert!(a.body.contains("avstängd"));
}

/// A läsare reads the diarium's public entries and nothing more: no secret case, no file,
/// no form; a registrator registers cases but does not reach the register of individuals'
/// matters.
#[tokio::test]
async fn a_reader_reads_public_entries_and_a_registrar_registers() {
    let app = app();
    let store = &app.state.dir;
    let sn = body_id(store, "Socialnämnden");
    let cases = store.cases().unwrap();
    let secret = cases.iter().find(|c| c.secrecy.is_secret()).unwrap();
    let public = cases.iter().find(|c| !c.secrecy.is_secret()).unwrap();
    let number = add_memo(store, public.id, "Tjänsteskrivelse", b"%PDF-1.4 skrivelse");

    add_user(&app, "lasare", Role::Reader, &[sn]);
    let (cookie, csrf) = app.login_as("lasare", "Lösen-för-test-1").await;
    let list = app.get("/arenden", Some(&cookie)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains(&public.title));
    assert!(!list.body.contains(&secret.title));
    assert!(
        !list.body.contains("Registrera ärende"),
        "a form the läsare cannot use"
    );
    assert!(
        !list.body.contains("href=\"/sammantraden\""),
        "no workspace in the menu"
    );
    let page = app
        .get(&format!("/arenden/{}", public.id), Some(&cookie))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Tjänsteskrivelse"));
    assert!(!page.body.contains("/handlingar/"), "no file link");
    assert!(!page
        .body
        .contains("<form method=\"post\" action=\"/arenden/"));
    for path in [
        format!("/arenden/{}/handlingar/{number}", public.id),
        format!("/arenden/{}", secret.id),
    ] {
        assert_eq!(
            app.get(&path, Some(&cookie)).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let a = app
        .post_form(
            "/arenden",
            Some(&cookie),
            &[("csrf", &csrf), ("title", "Nytt")],
        )
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    let token = app.token_for(&cookie, &csrf).await;
    let api = app
        .api("GET", "/api/v1/cases", &token, serde_json::json!(null))
        .await;
    assert_eq!(api.status, StatusCode::OK);
    assert!(api.body.contains(&public.title) && !api.body.contains(&secret.title));

    add_user(&app, "registrator", Role::Registrar, &[sn]);
    let (cookie, csrf) = app.login_as("registrator", "Lösen-för-test-1").await;
    let a = app
        .post_form(
            "/arenden",
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("title", "Inkommen skrivelse"),
                ("body", &sn.to_string()),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let secret_page = app
        .get(&format!("/arenden/{}", secret.id), Some(&cookie))
        .await;
    assert_eq!(secret_page.status, StatusCode::OK, "the body's secret case");
    assert_eq!(
        app.get("/ej-verkstallda", Some(&cookie)).await.status,
        StatusCode::FORBIDDEN
    );
}

/// The id of the demo's body named `name`.
fn body_id(dir: &paragraf_app::DataDir, name: &str) -> BodyId {
    dir.bodies()
        .unwrap()
        .into_iter()
        .find(|b| b.name == name)
        .unwrap()
        .id
}

/// Registers a case of `body` today.
fn register_case(
    dir: &paragraf_app::DataDir,
    title: &str,
    body: BodyId,
    secret: bool,
) -> paragraf_core::ids::Record<paragraf_core::ids::CaseId, paragraf_core::registry::Case> {
    paragraf_app::registry::register_case(
        dir,
        paragraf_app::registry::RegisterCase {
            title: title.into(),
            series: None,
            class: None,
            body: Some(body),
            secret,
            date: today(),
            handler: None,
        },
    )
    .unwrap()
}

/// Registers an internal memo with a PDF in `case`; its number.
fn add_memo(
    dir: &paragraf_app::DataDir,
    case: paragraf_core::ids::CaseId,
    title: &str,
    pdf: &[u8],
) -> u32 {
    paragraf_app::registry::add_document(
        dir,
        case,
        paragraf_app::registry::AddDocument {
            kind: paragraf_core::registry::DocumentType::Memo,
            title: title.into(),
            date: today(),
            direction: paragraf_core::registry::Direction::Internal,
            counterpart: None,
            pdf: Some(pdf.to_vec()),
            file: None,
            secret: false,
        },
    )
    .unwrap()
    .number
}

/// The search's ways out: words planted in a secret §, in an imported § nobody has
/// classified and in a handling are never found publicly, nor is a secret case's
/// diarienummer; a word of a public § is found in the same request cycle that posts it; a
/// § made secret later, or minutes whose seal fails, leave the results at once, even when
/// the index has not been told.
#[tokio::test]
async fn secret_words_are_never_found_by_the_public_search() {
    let app = app();
    let dir = &app.state.dir;
    let store = dir.storage_for_tests();
    let id = meeting_in(&app, MeetingState::MinutesDrafted);
    let minutes = store.minutes(id).unwrap().unwrap();
    let secret = minutes
        .paragraphs()
        .iter()
        .find(|p| p.secrecy.is_secret())
        .expect("the demo's drafted minutes hold an individual's case")
        .clone();
    let public = minutes
        .paragraphs()
        .iter()
        .find(|p| !p.secrecy.is_secret())
        .unwrap()
        .number;
    cycle::edit_paragraph_for_tests(dir, id, secret.number, |p, _| {
        p.text = format!("{} Xylofonkvartetten Ormbunkslandet", p.text);
        Ok(())
    })
    .unwrap();
    cycle::edit_paragraph_for_tests(dir, id, public, |p, _| {
        p.text = format!("{} Zebrafinkarnas", p.text);
        Ok(())
    })
    .unwrap();
    let search = |q: &'static str| {
        let app = &app;
        async move {
            let path = format!("/sok?q={}", q.replace(' ', "+"));
            app.get(&path, None).await
        }
    };
    assert!(
        search("Zebrafink").await.body.contains("Inga träffar"),
        "not posted yet"
    );
    adjust_and_post(&app, id, "Arkivet");

    // Found by a word's beginning in the same cycle that posted it; the secret never.
    let found = search("zebrafink").await;
    assert!(
        found.body.contains("<mark>Zebrafinkarnas</mark>"),
        "{}",
        found.body
    );
    for q in ["Xylofonkvartetten", "xylofon", "Ormbunkslandet"] {
        let r = search(q).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("Inga träffar"), "{q}: {}", r.body);
    }
    if let Some(dnr) = &secret.case_number {
        let r = app
            .get(
                &format!("/sok?q={}", dnr.replace(' ', "+").replace('/', "%2F")),
                None,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::OK,
            "no way to the secret case: {}",
            r.body
        );
        let slug = paragraf_core::dnr::address_slug(dnr);
        assert_eq!(
            app.get(&format!("/arende/{slug}"), None).await.status,
            StatusCode::NOT_FOUND
        );
    }

    // An imported § that no rule could classify is not found until a person says it may be.
    let imported = import_seed_with_numbers(&app);
    assert!(search("Funktionshinderpolitiskt")
        .await
        .body
        .contains("Inga träffar"));
    assert!(
        search("Kalle").await.body.contains("Inga träffar"),
        "the LVU §"
    );
    let (cookie, csrf) = app.login("sekreterare").await;
    let classify = |public: &'static str| {
        let (app, cookie, csrf) = (&app, &cookie, &csrf);
        async move {
            let r = app
                .post_form(
                    &format!("/sammantraden/{imported}/klassificera"),
                    Some(cookie),
                    &[
                        ("csrf", csrf),
                        ("paragraph", "118"),
                        ("public", public),
                        ("ground", "prövat"),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
    };
    classify("1").await;
    let r = search("funktionshinderpolitisk").await;
    assert!(r.body.contains("<mark>"), "{}", r.body);
    classify("0").await;
    assert!(search("funktionshinderpolitisk")
        .await
        .body
        .contains("Inga träffar"));

    // A stale index proposes, the published minutes decide: a classification written
    // behind the index's back, and minutes whose seal no longer holds, are not shown.
    classify("1").await;
    assert!(search("funktionshinderpolitisk")
        .await
        .body
        .contains("<mark>"));
    store
        .classify(
            imported,
            &paragraf_core::publication::Classification {
                paragraph: 118,
                public: false,
                ground: "test".into(),
                by: paragraf_core::publication::ClassifiedBy::Person("test".into()),
            },
            chrono::Utc::now(),
        )
        .unwrap();
    assert!(search("funktionshinderpolitisk")
        .await
        .body
        .contains("Inga träffar"));
    assert!(search("zebrafink").await.body.contains("<mark>"));
    let change = format!(
        "UPDATE seals SET canonical = canonical || ' ' WHERE meeting_id = {}",
        id.0
    );
    support::Database::open(&app).batch(
        &format!("DROP TRIGGER seals_no_update; {change}"),
        &format!("DROP TRIGGER seals_no_update ON seals; {change}"),
    );
    assert!(
        search("zebrafink").await.body.contains("Inga träffar"),
        "a broken seal hides"
    );
}

/// Without a configured public address the feeds write links from the Host header: a
/// request with another host must not plant its links in what the cache serves to others.
#[tokio::test]
async fn a_forged_host_does_not_reach_other_readers_through_the_cache() {
    let app = app();
    let forged = app
        .send(
            Request::get("/anslagstavla.atom")
                .header(header::HOST, "angripare.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(
        forged.body.contains("http://angripare.example/"),
        "the forger sees their own host"
    );
    for host in [None, Some("localhost")] {
        let mut b = Request::get("/anslagstavla.atom");
        if let Some(h) = host {
            b = b.header(header::HOST, h);
        }
        let r = app.send(b.body(Body::empty()).unwrap()).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(!r.body.contains("angripare"), "{host:?}: {}", r.body);
    }
}

/// The workspace's search finds what the logged-in person may read and nothing more: the
/// secretary of the body finds a word planted in a secret § of drafted minutes and in a
/// secret case; a secretary of another body and a läsare find neither — not as a hit, not in
/// a count — while both find the public case and every published public §; a case made
/// secret afterwards is gone for the läsare at once.
#[tokio::test]
async fn the_workspace_search_finds_only_what_each_person_may_read() {
    let app = app();
    let dir = &app.state.dir;
    let store = dir.storage_for_tests();
    let id = meeting_in(&app, MeetingState::MinutesDrafted);
    let body = store.meeting(id).unwrap().body;
    let other = store
        .bodies()
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .find(|b| *b != body)
        .expect("the demo has two bodies");
    let minutes = store.minutes(id).unwrap().unwrap();
    let secret = minutes
        .paragraphs()
        .iter()
        .find(|p| p.secrecy.is_secret())
        .unwrap()
        .number;
    cycle::edit_paragraph_for_tests(dir, id, secret, |p, _| {
        p.text = format!("{} Vattenkrassekulturen", p.text);
        Ok(())
    })
    .unwrap();
    let register = |title: &str, secret: bool| register_case(dir, title, body, secret);
    register("Ansökan om Flamingohägnet", true);
    let open = register("Remiss om Pelikandammen", false);
    let open = store.case(open.id).unwrap();
    add_user(&app, "annan-sekr", Role::Secretary, &[other]);
    add_user(&app, "lasare", Role::Reader, &[body]);
    let (own, _) = app.login("sekreterare").await;
    let (foreign, _) = app.login_as("annan-sekr", "Lösen-för-test-1").await;
    let (reader, _) = app.login_as("lasare", "Lösen-för-test-1").await;
    let search = |q: &'static str, cookie: &str| {
        let (app, cookie) = (&app, cookie.to_string());
        async move {
            let r = app.get(&format!("/sok?q={q}"), Some(&cookie)).await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.body);
            r.body
        }
    };
    let secret_reads = || {
        dir.audit_log(1000)
            .unwrap()
            .into_iter()
            .filter(|e| e.action == "läsa-sekretess" && e.entity == "sökträff")
            .map(|e| (e.actor, e.after.unwrap_or_default()))
            .collect::<Vec<_>>()
    };
    assert!(search("pelikan", &own)
        .await
        .contains("<mark>Pelikandammen</mark>"));
    assert!(secret_reads().is_empty(), "a public case is no secret read");
    let found = search("vattenkrass", &own).await;
    assert!(
        found.contains("<mark>Vattenkrassekulturen</mark>"),
        "{found}"
    );
    assert!(search("flamingo", &own)
        .await
        .contains("<mark>Flamingohägnet</mark>"));
    // Seeing a secret § or case in the results is a reading of it, logged as the case
    // page's reading is.
    let reads = secret_reads();
    assert_eq!(reads.len(), 2, "{reads:?}");
    assert!(
        reads.iter().all(|(who, _)| who == "sekreterare"),
        "{reads:?}"
    );
    for word in ["vattenkrass", "flamingo"] {
        assert!(
            reads.iter().any(|(_, what)| what.contains(word)),
            "{reads:?}"
        );
    }
    for cookie in [&foreign, &reader] {
        for q in [
            "vattenkrass",
            "Vattenkrassekulturen",
            "flamingo",
            "Flamingohägnet",
        ] {
            let r = search(q, cookie).await;
            assert!(r.contains("Inga träffar"), "{q}: {r}");
        }
        assert!(search("pelikan", cookie)
            .await
            .contains("<mark>Pelikandammen</mark>"));
    }
    // Published public §§ are found by everyone, in their public version; the body's own
    // people find the § as it stands instead (not twice).
    let posted = meeting_in(&app, MeetingState::Posted);
    let pm = paragraf_app::meeting::publication::published(dir, posted)
        .unwrap()
        .unwrap();
    let word = pm
        .minutes
        .paragraphs()
        .iter()
        .find(|p| {
            pm.publication.iter().any(|(n, x)| {
                *n == p.number && *x == paragraf_core::publication::Publication::Public
            })
        })
        .and_then(|p| p.title.split_whitespace().find(|w| w.chars().count() >= 8))
        .expect("a public § with a long word in its title")
        .to_lowercase();
    for cookie in [&own, &foreign, &reader] {
        let r = app
            .get(&format!("/sok?q={}", urlencode(&word)), Some(cookie))
            .await;
        assert!(r.body.contains("<mark>"), "{word}: {}", r.body);
    }
    // A change in the registry reaches the index before the next search.
    store
        .update_case(open.id, "Remiss om Tranviken", open.value.status, None)
        .unwrap();
    assert!(search("pelikan", &reader).await.contains("Inga träffar"));
    assert!(search("tranvik", &reader)
        .await
        .contains("<mark>Tranviken</mark>"));
}

/// A handling reaches the public only after a person's sekretessprövning: a PDF registered in
/// a case that a published § names is not found, listed or served until the secretary finds
/// it public; then its text is searchable, it is listed on the case's page and served as it
/// was registered; found secret again, it is gone at once. A handling of a secret case cannot
/// be found public (the button is not offered, the request refused), and a läsare cannot
/// review at all.
#[tokio::test]
async fn a_handling_is_public_only_after_a_persons_review() {
    let app = app();
    let dir = &app.state.dir;
    let store = dir.storage_for_tests();
    let (posted, case, dnr) = case_of_a_public_paragraph(&app);
    let pdf = text_pdf("Förvaltningen föreslår att Kanotpaddlingsleden rustas upp.");
    let number = add_memo(
        dir,
        case.id,
        "Tjänsteskrivelse om leden, klagomål från 19811218-9876",
        &pdf,
    );
    let slug = paragraf_core::dnr::address_slug(&dnr);
    let file = format!("/arende/{slug}/handlingar/{number}");
    let public_state = || {
        let (app, slug, file) = (&app, slug.clone(), file.clone());
        async move {
            let search = app.get("/sok?q=kanotpaddling", None).await.body;
            let page = app.get(&format!("/arende/{slug}"), None).await;
            assert_eq!(page.status, StatusCode::OK, "{}", page.body);
            let served = app.get(&file, None).await;
            (
                search.contains("<mark>Kanotpaddlingsleden</mark>"),
                page.body.contains(&format!("href=\"{file}\"")),
                served,
            )
        }
    };
    let (found, listed, served) = public_state().await;
    assert!(!found && !listed, "not reviewed: not public");
    assert_eq!(served.status, StatusCode::NOT_FOUND);

    let (cookie, csrf) = app.login("sekreterare").await;
    let review = |case: paragraf_core::ids::CaseId, number: u32, value: &'static str| {
        let (app, cookie, csrf) = (&app, cookie.clone(), csrf.clone());
        async move {
            app.post_form(
                &format!("/arenden/{case}/handlingar/{number}/provning"),
                Some(&cookie),
                &[("csrf", &csrf), ("review", value)],
            )
            .await
        }
    };
    let page = app
        .get(&format!("/arenden/{}", case.id), Some(&cookie))
        .await;
    assert!(
        page.body.contains("Får publiceras"),
        "offered to the secretary"
    );
    assert_eq!(
        review(case.id, number, "public").await.status,
        StatusCode::SEE_OTHER
    );
    let (found, listed, served) = public_state().await;
    assert!(found && listed, "found public: searchable and listed");
    // Found by those logged in too, whose search is the workspace's.
    let logged_in = app.get("/sok?q=kanotpaddling", Some(&cookie)).await.body;
    assert!(
        logged_in.contains("<mark>Kanotpaddlingsleden</mark>"),
        "{logged_in}"
    );
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.bytes, pdf, "served as registered");
    // Its title is masked where the app hands it out, not only by the public site's last
    // line of defence: the file list (OParl, handlingar.jsonl), the case page and the
    // index all get it without the personnummer.
    let files = paragraf_app::open_data::public_files(dir, case.id).unwrap();
    let public = paragraf_app::search::public_case(dir, &slug)
        .unwrap()
        .unwrap();
    let titles: Vec<&str> = files
        .iter()
        .map(|f| f.title.as_str())
        .chain(public.documents.iter().map(|d| d.title.as_str()))
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    for t in titles {
        assert!(t.starts_with("Tjänsteskrivelse om leden"), "{t}");
        assert_clean("handlingens rubrik", t);
    }
    let found = paragraf_app::search::search_public(
        dir,
        &paragraf_app::search::SearchQuery {
            text: "klagomål".into(),
            limit: 20,
            ..Default::default()
        },
    )
    .unwrap();
    let paragraf_app::search::PublicSearch::Found(found) = found else {
        panic!("{found:?}")
    };
    assert!(!found.hits.is_empty());
    for h in &found.hits {
        assert_clean("indexets rubrik", &h.title);
    }

    assert_eq!(
        review(case.id, number, "secret").await.status,
        StatusCode::SEE_OTHER
    );
    let (found, listed, served) = public_state().await;
    assert!(!found && !listed);
    assert_eq!(served.status, StatusCode::NOT_FOUND);
    let logged_in = app.get("/sok?q=kanotpaddling", Some(&cookie)).await.body;
    assert!(logged_in.contains("Inga träffar"), "{logged_in}");

    // A secret case's handling: not offered, refused.
    let body = store.meeting(posted).unwrap().body;
    let secret = paragraf_app::registry::register_case(
        dir,
        paragraf_app::registry::RegisterCase {
            title: "Enskilt ärende".into(),
            series: None,
            class: None,
            body: Some(body),
            secret: true,
            date: today(),
            handler: None,
        },
    )
    .unwrap();
    let hidden = add_memo(dir, secret.id, "Utredning", &pdf);
    let page = app
        .get(&format!("/arenden/{}", secret.id), Some(&cookie))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Får publiceras"), "not offered");
    let refused = review(secret.id, hidden, "public").await;
    assert!(refused.status.is_client_error(), "{}", refused.status);
    assert!(refused.body.contains("sekretess"), "{}", refused.body);

    // A läsare reviews nothing.
    add_user(&app, "lasare2", Role::Reader, &[body]);
    let (rc, rcsrf) = app.login_as("lasare2", "Lösen-för-test-1").await;
    let r = app
        .post_form(
            &format!("/arenden/{}/handlingar/{number}/provning", case.id),
            Some(&rc),
            &[("csrf", &rcsrf), ("review", "public")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert!(!public_state().await.0);
}

/// The kallelse is public from the day it goes out, at `/organ/{body}/{date}/kallelse`: the
/// föredragningslista with a secret item as its notice only (no title, no diarienummer), and
/// each item's handlingar that a person found public — served and searchable — but not the
/// others. Before it goes out there is no such page.
#[tokio::test]
async fn the_public_kallelse_shows_only_what_is_public() {
    let app = app();
    let dir = &app.state.dir;
    let store = dir.storage_for_tests();
    let id = meeting_in(&app, MeetingState::Planned);
    let m = store.meeting(id).unwrap();
    let slug = store.body(m.body).unwrap().value.slug();
    let address = format!("/organ/{slug}/{}/kallelse", m.date);
    let case = register_case(dir, "Ny cykelväg vid Sjöängen", m.body, false);
    let reviewed = add_memo(
        dir,
        case.id,
        "Tjänsteskrivelse cykelväg",
        &text_pdf("Förvaltningen föreslår Sjöängsleden."),
    );
    let unreviewed = add_memo(
        dir,
        case.id,
        "Inkommen skrivelse",
        &text_pdf("Privat brev."),
    );
    let secretary = store.user_by_name("sekreterare").unwrap().unwrap();
    paragraf_app::registry::review_document(
        dir,
        &secretary,
        case.id,
        reviewed,
        Some(paragraf_core::registry::Review::Public),
    )
    .unwrap();
    cycle::add_agenda_case(dir, id, &case.dnr.to_string(), Some("Eva Ek".into())).unwrap();
    cycle::add_agenda_topic(
        dir,
        id,
        "Ansökan om stöd för familjen Gräsandsson",
        Some("SOC 2026-999999".into()),
        paragraf_core::registry::Secrecy::IndividualCase,
        None,
    )
    .unwrap();
    assert_eq!(
        app.get(&address, None).await.status,
        StatusCode::NOT_FOUND,
        "not before the kallelse goes out"
    );
    let before = app.get("/sok?q=sjöängsleden", None).await.body;
    assert!(before.contains("Inga träffar"), "{before}");
    let planned = store.meeting(id).unwrap();
    if planned.start.is_none() {
        cycle::reschedule(
            dir,
            id,
            planned.date,
            Some("13:00".parse().unwrap()),
            planned.end,
            planned.place.clone(),
        )
        .unwrap();
    }
    cycle::send_notice(dir, id, today()).unwrap();
    let page = app.get(&address, None).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Ny cykelväg vid Sjöängen"));
    assert!(page.body.contains(&case.dnr.to_string()));
    assert!(page.body.contains("omfattas av sekretess"));
    for hidden in ["Gräsandsson", "999999", "Inkommen skrivelse"] {
        assert!(!page.body.contains(hidden), "{hidden}: {}", page.body);
    }
    let slug_case = paragraf_core::dnr::address_slug(&case.dnr.to_string());
    let shown = format!("/arende/{slug_case}/handlingar/{reviewed}");
    assert!(
        page.body.contains(&format!("href=\"{shown}\"")),
        "{}",
        page.body
    );
    assert_eq!(app.get(&shown, None).await.status, StatusCode::OK);
    assert_eq!(
        app.get(
            &format!("/arende/{slug_case}/handlingar/{unreviewed}"),
            None
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    let found = app.get("/sok?q=sjöängsleden", None).await.body;
    assert!(found.contains("<mark>Sjöängsleden</mark>"), "{found}");
    let item = app.get("/sok?q=cykelväg", None).await.body;
    assert!(
        item.contains("<mark>cykelväg</mark>"),
        "the item is found: {item}"
    );
    assert!(item.contains(&format!("href=\"{address}\"")), "{item}");
    assert!(app
        .get("/sok?q=gräsandsson", None)
        .await
        .body
        .contains("Inga träffar"));
    // The calendar leads there.
    let calendar = app
        .get(&format!("/kalender?manad={}", m.date.format("%Y-%m")), None)
        .await;
    assert!(calendar.body.contains(&format!("href=\"{address}\"")));
    // Logged in, one finds it too (the workspace's search holds the public kallelser and
    // handlingar), also without any right in the body.
    let other = dir
        .bodies()
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .find(|b| *b != m.body)
        .unwrap();
    add_user(&app, "annan-lasare", Role::Reader, &[other]);
    let (outsider, _) = app.login_as("annan-lasare", "Lösen-för-test-1").await;
    for q in ["cykelväg", "sjöängsleden"] {
        let r = app.get(&format!("/sok?q={q}"), Some(&outsider)).await.body;
        assert!(r.contains("<mark>"), "{q}: {r}");
    }
    // A tilläggsärende is searchable at once; a withdrawn kallelse is gone at once.
    let extra = register_case(dir, "Upprustning av Lärkbacken", m.body, false);
    cycle::add_supplement(dir, id, &extra.dnr.to_string(), today()).unwrap();
    let r = app.get("/sok?q=lärkbacken", None).await.body;
    assert!(r.contains("<mark>Lärkbacken</mark>"), "{r}");
    cycle::withdraw_notice(dir, id, today()).unwrap();
    assert_eq!(app.get(&address, None).await.status, StatusCode::NOT_FOUND);
    for q in ["lärkbacken", "cykelväg", "sjöängsleden"] {
        let r = app.get(&format!("/sok?q={q}"), None).await.body;
        assert!(r.contains("Inga träffar"), "{q}: {r}");
        // The läsare still finds the public cases of the registry, but not the kallelse
        // nor its handlingar.
        let r = app.get(&format!("/sok?q={q}"), Some(&outsider)).await.body;
        assert!(
            !r.contains(&address) && !r.contains("/handlingar/"),
            "{q}: {r}"
        );
    }
    let r = app.get("/sok?q=sjöängsleden", Some(&outsider)).await.body;
    assert!(r.contains("Inga träffar"), "{r}");
}
