//! The web application against a real SQLite store with the demo data: the public site
//! leaks nothing secret, logins and roles hold, the API answers errors with the field, and a
//! meeting goes from planning to the public board through the browser's forms.

use std::collections::{BTreeSet, VecDeque};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use paragraf_web::router;
use tower::ServiceExt;

mod support;
use support::*;

/// Crawls every page the public can reach, plus the public API, and scans every answer.
#[tokio::test]
async fn nothing_secret_is_reachable_anonymously() {
    let app = app();
    let mut seen = BTreeSet::new();
    let mut queue: VecDeque<String> = [
        "/",
        "/api/v1/openapi.json",
        "/api/v1/notices",
        "/api/v1/minutes",
        "/api/v1/meetings",
        "/api/v1/bodies",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let secrets = [
        "Ansökan om vård enligt LVU", // title of an individual case
        "811218-9876",                // a personnummer in a document title
        "Utredning och förslag",      // the secret case's document
        "läsa-sekretess",             // audit log
        "password_hash",
        ">N01<",                            // an id in the register of ej verkställda beslut
        "Förvaltningen har berett ärendet", // text of §§ that also exist in unpublished drafts
    ];
    let mut published_text_seen = false;
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) || seen.len() > 400 {
            continue;
        }
        let a = app.get(&path, None).await;
        if a.status == StatusCode::OK && path.starts_with("/protokoll/") {
            published_text_seen |= a.body.contains("Förvaltningen har berett ärendet");
        }
        for s in secrets {
            if s == "Förvaltningen har berett ärendet" {
                continue; // checked below against drafts only
            }
            assert!(!a.body.contains(s), "{path} shows {s:?}");
        }
        assert!(!a.status.is_server_error(), "{path}: {}", a.status);
        if path == "/api/v1/minutes" {
            for id in a
                .body
                .split("\"id\":")
                .skip(1)
                .filter_map(|s| s.split(|c: char| !c.is_ascii_digit()).next())
            {
                queue.push_back(format!("/api/v1/minutes/{id}"));
            }
        }
        for l in links(&a.body) {
            if !l.starts_with("/logga") {
                queue.push_back(l);
            }
        }
    }
    assert!(
        seen.contains("/anslagstavla") && seen.contains("/protokoll/"),
        "{seen:?}"
    );
    assert!(
        published_text_seen,
        "the published minutes were not reached"
    );
    // Drafts and meetings not yet published are never shown, whatever their id.
    let store = &app.state.dir;
    for m in store.meetings().unwrap() {
        let public = matches!(
            m.state(),
            paragraf_core::meeting::MeetingState::Posted
                | paragraf_core::meeting::MeetingState::AppealPeriodOver
        );
        let a = app.get(&format!("/protokoll/{}", m.id), None).await;
        assert_eq!(
            a.status == StatusCode::OK,
            public && store.minutes(m.id).unwrap().is_some_and(|x| x.is_sealed()),
            "meeting {} {:?}",
            m.id,
            m.state()
        );
        let a = app.get(&format!("/api/v1/minutes/{}", m.id), None).await;
        assert_eq!(
            a.status == StatusCode::OK,
            public && store.minutes(m.id).unwrap().is_some_and(|x| x.is_sealed())
        );
        let a = app.get(&format!("/api/v1/meetings/{}", m.id), None).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    }
    for path in ["/sammantraden", "/arenden", "/revision", "/sammantraden/1"] {
        assert_eq!(
            app.get(path, None).await.status,
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_board_shows_what_the_law_asks_and_its_feed() {
    let app = app();
    let board = app.get("/anslagstavla", None).await;
    for s in [
        "Sammanträdesdatum",
        "Datum då anslaget sattes upp",
        "Sista dag för överklagande",
        "Förvaringsplats för protokollet",
        "laglighetsprövning",
    ] {
        assert!(board.body.contains(s), "{s}");
    }
    // The demo's posted meeting (ten days ago) is up; the one sixty days ago has come down.
    assert!(
        board.body.contains("2026-11-13") && !board.body.contains("2026-09-24"),
        "{}",
        board.body
    );
    let feed = app.get("/anslagstavla.atom", None).await;
    assert!(feed.body.contains("<feed") && feed.body.contains("urn:paragraf:anslag:"));
    assert_eq!(
        feed.headers.get(header::CONTENT_TYPE).unwrap(),
        "application/atom+xml; charset=utf-8"
    );
    // A month on, the notice has left the board by itself.
    let mut later = app.state.clone();
    later.fixed_today = Some("2026-12-20".parse().unwrap());
    let r = router(later)
        .oneshot(Request::get("/anslagstavla").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let body =
        String::from_utf8_lossy(&r.into_body().collect().await.unwrap().to_bytes()).into_owned();
    assert!(!body.contains("2026-11-13"), "still on the board");
}

#[tokio::test]
async fn logins_lock_csrf_and_roles_hold() {
    let app = app();
    let wrong = app
        .post_form(
            "/logga-in",
            None,
            &[("username", "sekreterare"), ("password", "fel")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("Fel användarnamn"));
    for _ in 0..5 {
        app.post_form(
            "/logga-in",
            None,
            &[("username", "handlaggare"), ("password", "fel")],
        )
        .await;
    }
    let locked = app
        .post_form(
            "/logga-in",
            None,
            &[
                ("username", "handlaggare"),
                ("password", "handlaggare-demo"),
            ],
        )
        .await;
    assert_eq!(
        locked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "locked after five failures"
    );

    let (cookie, csrf) = app.login("sekreterare").await;
    assert!(!csrf.is_empty());
    let no_csrf = app
        .post_form(
            "/sammantraden",
            Some(&cookie),
            &[("body", "3"), ("date", "2027-01-13")],
        )
        .await;
    assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);
    let ok = app
        .post_form(
            "/sammantraden",
            Some(&cookie),
            &[("csrf", &csrf), ("body", "3"), ("date", "2027-01-13")],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let bad = app
        .post_form(
            "/sammantraden",
            Some(&cookie),
            &[("csrf", &csrf), ("body", "3"), ("date", "13/1")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A ledamot reads but may not plan meetings or open the registry.
    let (member, member_csrf) = app.login("ledamot").await;
    assert_eq!(
        app.get("/sammantraden/1", Some(&member)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.get("/arenden", Some(&member)).await.status,
        StatusCode::FORBIDDEN
    );
    let denied = app
        .post_form(
            "/sammantraden",
            Some(&member),
            &[
                ("csrf", &member_csrf),
                ("body", "3"),
                ("date", "2027-01-13"),
            ],
        )
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    // Reading minutes with a secret § is in the audit log, which only the admin sees.
    let (admin, _) = app.login("admin").await;
    let log = app.get("/revision", Some(&admin)).await;
    assert!(
        log.body.contains("läsa-sekretess") && log.body.contains("ledamot"),
        "{}",
        log.body
    );
    assert_eq!(
        app.get("/revision", Some(&member)).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_api_names_the_field_of_bad_input() {
    let app = app();
    let spec = app.get("/api/v1/openapi.json", None).await;
    let v: serde_json::Value = serde_json::from_str(&spec.body).unwrap();
    assert_eq!(v["openapi"], "3.1.0");
    let anon = app
        .post_json(
            "/api/v1/meetings",
            None,
            serde_json::json!({ "body": 3, "date": "2027-01-13" }),
        )
        .await;
    assert_eq!(anon.status, StatusCode::UNAUTHORIZED);
    let bad_token = app
        .post_json("/api/v1/meetings", Some("nope"), serde_json::json!({}))
        .await;
    assert_eq!(bad_token.status, StatusCode::UNAUTHORIZED);

    let (cookie, csrf) = app.login("sekreterare").await;
    let req = Request::post("/api/v1/tokens")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, &cookie)
        .header("x-csrf-token", &csrf)
        .body(Body::from(r#"{"label":"test"}"#))
        .unwrap();
    let t = app.send(req).await;
    assert_eq!(t.status, StatusCode::CREATED, "{}", t.body);
    let token = serde_json::from_str::<serde_json::Value>(&t.body).unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();

    let bad = app
        .post_json(
            "/api/v1/meetings",
            Some(&token),
            serde_json::json!({ "body": 3, "date": "2027-02-30" }),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let e: serde_json::Value = serde_json::from_str(&bad.body).unwrap();
    assert_eq!(e["error"]["field"], "date", "{}", bad.body);
    let missing = app
        .post_json(
            "/api/v1/meetings",
            Some(&token),
            serde_json::json!({ "date": "2027-02-03" }),
        )
        .await;
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&missing.body).unwrap()["error"]["status"],
        422
    );
    let nobody = app
        .post_json(
            "/api/v1/meetings",
            Some(&token),
            serde_json::json!({ "body": 99, "date": "2027-02-03" }),
        )
        .await;
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&nobody.body).unwrap()["error"]["field"],
        "body"
    );
    let ok = app.post_json("/api/v1/meetings", Some(&token), serde_json::json!({ "body": 3, "date": "2027-02-03", "start": "13:00:00", "place": "Kommunhuset" })).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
    let id = serde_json::from_str::<serde_json::Value>(&ok.body).unwrap()["id"]
        .as_i64()
        .unwrap();
    let early = app
        .post_json(
            &format!("/api/v1/meetings/{id}/notice"),
            Some(&token),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(
        early.status,
        StatusCode::CONFLICT,
        "no agenda yet: {}",
        early.body
    );
    assert!(early.body.contains("föredragningslistan"));

    // The rule and its words are the core's, the same as the form's and the command line's:
    // the demo's notified meeting is a week ahead and cannot be held today.
    let ahead = app.demo_meeting(paragraf_core::meeting::MeetingState::Notified);
    let held = app
        .post_json(
            &format!("/api/v1/meetings/{}/held", ahead.id),
            Some(&token),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(held.status, StatusCode::CONFLICT, "{}", held.body);
    let expected = paragraf_core::cycle::held_allowed(&ahead.value, today())
        .unwrap_err()
        .to_string();
    assert!(held.body.contains(&expected), "{}", held.body);
}

/// The browser's path through the forms: plan, notice, record two decisions and a vote,
/// approve from the chair's and the adjuster's own logins, post, and read it publicly.
#[tokio::test]
async fn a_meeting_goes_from_planning_to_the_public_board_through_the_forms() {
    let mut app = app();
    let (sec, csrf) = app.login("sekreterare").await;
    let r = app
        .post_form(
            "/sammantraden",
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("body", "3"),
                ("date", "2026-11-24"),
                ("start", "13:00"),
                ("place", "Kommunhuset"),
            ],
        )
        .await;
    let loc = r
        .headers
        .get(header::LOCATION)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let act = |a: &str| format!("{loc}/{a}");
    for dnr in ["SOC 2026-000001", "SOC 2026-000002"] {
        let a = app
            .post_form(&act("punkt"), Some(&sec), &[("csrf", &csrf), ("case", dnr)])
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    }
    // A case goes on the list once; the refusal comes back on the meeting page.
    let twice = app
        .post_form(
            &act("punkt"),
            Some(&sec),
            &[("csrf", &csrf), ("case", "SOC 2026-000001")],
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert!(twice.body.contains("står redan på föredragningslistan"));
    assert!(
        twice.body.contains("Föredragningslista"),
        "the meeting page, not an error page"
    );
    // A refused hålltid keeps what was typed.
    let bad = app
        .post_form(
            &act("halltid"),
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("start", "25:99"),
                ("topic", "Budgetgenomgång med ekonomen"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("value=\"Budgetgenomgång med ekonomen\""));
    // The items reorder while the list is open; the meeting is rescheduled until the kallelse.
    let r = app
        .post_form(
            &act("flytta"),
            Some(&sec),
            &[("csrf", &csrf), ("from", "2"), ("to", "1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = app
        .post_form(
            &act("andra"),
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("date", "2026-11-24"),
                ("start", "13:30"),
                ("place", "Kommunhuset, sal B"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = app.get(&loc, Some(&sec)).await;
    let first = page.body.find("SOC 2026-000002").unwrap();
    let second = page.body.find("SOC 2026-000001").unwrap();
    assert!(first < second, "moved up");
    assert!(page.body.contains("Kommunhuset, sal B"));
    // The kallelse goes out the day before; the meeting is held on its day, not before.
    let step = |a: &'static str| (act(a), a);
    let (kalla, _) = step("kalla");
    let (held, _) = step("genomfort");
    let r = app.post_form(&held, Some(&sec), &[("csrf", &csrf)]).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "held before the kallelse");
    let r = app.post_form(&kalla, Some(&sec), &[("csrf", &csrf)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "kalla: {}", r.body);
    let page = app.get(&loc, Some(&sec)).await;
    assert!(
        page.body.contains(
            "kallelsen gick ut 1 dagar före sammanträdet; reglementet kräver minst 7 dagar"
        ),
        "the late kallelse is shown"
    );
    assert!(
        !page.body.contains("Markera som genomfört"),
        "not offered before the day"
    );
    let r = app.post_form(&held, Some(&sec), &[("csrf", &csrf)]).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "held the day before");
    assert!(
        r.body.contains("kan inte markeras som genomfört i dag"),
        "{}",
        r.body
    );
    app.set_today("2026-11-24".parse().unwrap());
    let r = app.post_form(&held, Some(&sec), &[("csrf", &csrf)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "genomfort: {}", r.body);
    // Karin Ek (person 1) chairs, Johan Björk (2) adjusts.
    let a = app
        .post_form(
            &act("protokoll"),
            Some(&sec),
            &[("csrf", &csrf), ("chair", "1"), ("adjuster", "2")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let a = app
        .post_form(
            &act("narvaro"),
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("member", "1"),
                ("member", "2"),
                ("member", "3"),
                ("sub-8", "4"),
                ("pres-3", "ej § 999"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let bad = app
        .post_form(
            &act("narvaro"),
            Some(&sec),
            &[("csrf", &csrf), ("member", "1"), ("pres-1", "paragraf sju")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    let page = app.get(&loc, Some(&sec)).await;
    // The närvarolista with the party from the register and the per-§ presence.
    assert!(page.body.contains("Närvarolista"));
    assert!(page.body.contains("ej § 999"), "per-§ presence kept");
    let first: u32 = page
        .body
        .split("name=\"paragraph\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    for n in [first, first + 1] {
        let a = app
            .post_form(
                &act("beslut"),
                Some(&sec),
                &[
                    ("csrf", &csrf),
                    ("paragraph", &n.to_string()),
                    ("intro", "Socialnämnden beslutar"),
                    (
                        "clauses",
                        "godkänna redovisningen\natt lägga den till handlingarna",
                    ),
                    ("dispatch", "Kommunstyrelsen"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    }
    let n = (first + 1).to_string();
    // A yrkande by a beslutande and a protokollsanteckning by someone present.
    for (action, fields) in [
        (
            "yrkande",
            [("person", "1"), ("text", "bifall till förslaget")],
        ),
        (
            "anteckning",
            [("person", "2"), ("text", "Vi välkomnar redovisningen.")],
        ),
    ] {
        let mut form = vec![("csrf", csrf.as_str()), ("paragraph", n.as_str())];
        form.extend(fields);
        let r = app.post_form(&act(action), Some(&sec), &form).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{action}: {}", r.body);
    }
    let vote = app
        .post_form(
            &act("omrostning"),
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("paragraph", &n),
                ("yes_means", "bifall"),
                ("no_means", "avslag"),
                ("vote-1", "yes"),
                ("vote-2", "no"),
                ("vote-3", "yes"),
                ("vote-8", "abstain"),
            ],
        )
        .await;
    assert_eq!(vote.status, StatusCode::SEE_OTHER, "{}", vote.body);
    let short = app
        .post_form(
            &act("omrostning"),
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("paragraph", &n),
                ("yes_means", "bifall"),
                ("no_means", "avslag"),
                ("vote-1", "yes"),
            ],
        )
        .await;
    assert_eq!(
        short.status,
        StatusCode::CONFLICT,
        "a vote must have every beslutande"
    );

    // The secretary cannot approve on the chair's behalf.
    let not_me = app
        .post_form(
            &act("justera"),
            Some(&sec),
            &[("csrf", &csrf), ("role", "chair"), ("confirm", "1")],
        )
        .await;
    assert!(
        not_me.status.is_client_error(),
        "{} {}",
        not_me.status,
        not_me.body
    );
    for user in ["ordforande", "justerare"] {
        let (c, _) = app.login(user).await;
        let page = app.get(&loc, Some(&c)).await;
        let t = csrf_from(&page.body);
        assert!(
            page.body.contains("Justera protokollet som"),
            "{user} sees the approval button"
        );
        let role = if user == "ordforande" {
            "chair"
        } else {
            "adjuster"
        };
        let a = app
            .post_form(
                &act("justera"),
                Some(&c),
                &[("csrf", &t), ("role", role), ("confirm", "1")],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{user}: {}", a.body);
    }
    // An anslag dated before the day it goes up is refused: the appeal period runs from it.
    let a = app
        .post_form(
            &act("anslag"),
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("date", "2026-11-23"),
                ("storage", "Socialförvaltningen"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::CONFLICT, "{}", a.body);
    assert!(a.body.contains("anslaget dateras den dag det sätts upp"));
    let a = app
        .post_form(
            &act("anslag"),
            Some(&sec),
            &[("csrf", &csrf), ("storage", "Socialförvaltningen")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let id = loc.rsplit('/').next().unwrap();
    // The audit log holds the meeting before and after the posting.
    let log = app.state.dir.audit_log(50).unwrap();
    let posted = log
        .iter()
        .find(|e| e.action == "anslag" && e.entity_id.as_deref() == Some(id))
        .expect("the anslag is audited");
    let before = posted.before.as_deref().expect("a before");
    let after = posted.after.as_deref().expect("an after");
    assert!(
        !before.contains("Socialförvaltningen") && after.contains("Socialförvaltningen"),
        "{before}\n{after}"
    );
    assert!(!after.contains(&csrf), "no CSRF token in the log");
    let board = app.get("/anslagstavla", None).await;
    assert!(
        board.body.contains(&format!("/protokoll/{id}")),
        "on the board"
    );
    let public = app.get(&format!("/protokoll/{id}"), None).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public.body.contains("att godkänna redovisningen")
            && public.body.contains("2 ja, 1 nej, 1 avstår"),
        "{}",
        public.body
    );
}

#[tokio::test]
async fn cases_are_edited_and_pdfs_uploaded_as_handlingar() {
    let app = app();
    let (cookie, csrf) = app.login("handlaggare").await;
    let page = app.get("/arenden/1", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    let csrf = if csrf.is_empty() {
        csrf_from(&page.body)
    } else {
        csrf
    };
    let edit = app
        .post_form(
            "/arenden/1",
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("title", "Budgetuppföljning, reviderad"),
                ("status", "beslutat"),
                ("handler", "Rebecka Hed"),
            ],
        )
        .await;
    assert_eq!(edit.status, StatusCode::SEE_OTHER, "{}", edit.body);
    assert!(app
        .get("/arenden/1", Some(&cookie))
        .await
        .body
        .contains("Budgetuppföljning, reviderad"));

    let boundary = "XyZ";
    let part = |name: &str, value: &str| {
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        )
    };
    let mut body = String::new();
    for (k, v) in [
        ("csrf", csrf.as_str()),
        ("kind", "skrivelse"),
        ("title", "Skrivelse från IVO"),
        ("date", "2026-11-20"),
        ("direction", "incoming"),
        ("counterpart", "IVO"),
    ] {
        body += &part(k, v);
    }
    let with_file = |content: &str| {
        format!("{body}--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n{content}\r\n--{boundary}--\r\n")
    };
    let send = |b: String| {
        Request::post("/arenden/1/handlingar")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::COOKIE, &cookie)
            .body(Body::from(b))
            .unwrap()
    };
    let not_pdf = app.send(send(with_file("hello"))).await;
    assert_eq!(not_pdf.status, StatusCode::UNPROCESSABLE_ENTITY);
    let ok = app.send(send(with_file("%PDF-1.4 test"))).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let page = app.get("/arenden/1", Some(&cookie)).await;
    assert!(page.body.contains("Skrivelse från IVO"));
    let href = page
        .body
        .split("href=\"/arenden/1/handlingar/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let file = app
        .get(&format!("/arenden/1/handlingar/{href}"), Some(&cookie))
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(file.body.starts_with("%PDF-"));
    assert_eq!(
        app.get(&format!("/arenden/1/handlingar/{href}"), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn pages_carry_security_headers_and_the_workspace_its_script() {
    let app = app();
    let public = app.get("/anslagstavla", None).await;
    let csp = public
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(
        csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert_eq!(
        public.headers.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(),
        "nosniff"
    );
    assert!(
        !public.body.contains("paragraf.js"),
        "the public site needs no script"
    );
    let (cookie, _) = app.login("sekreterare").await;
    let page = app.get("/arenden", Some(&cookie)).await;
    assert!(page
        .body
        .contains(r#"<script src="/static/paragraf.js" defer>"#));
    assert!(page.body.contains(r#"<table class="filterable">"#));
    let js = app.get("/static/paragraf.js", None).await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js
        .headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.to_str().unwrap().starts_with("text/javascript")));
    assert!(js.body.contains("output.tally") || js.body.contains("'tally'"));
}

#[tokio::test]
async fn the_calendar_shows_a_month_grid_per_body() {
    let app = app();
    let all = app.get("/kalender?manad=2026-11", None).await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(
        all.body.contains("<caption>november 2026</caption>"),
        "{}",
        all.body
    );
    // 23 November is "today" in the tests and a meeting day of the demo.
    assert!(all
        .body
        .contains(r#"<td class="today"><time datetime="2026-11-23">23</time>"#));
    assert!(all.body.contains(r#"href="/kalender?manad=2026-12""#));
    assert!(all.body.contains("alla helgons dag") || all.body.contains("alla helgons"));
    let (bid, _) = {
        let b = app.state.dir.bodies().unwrap();
        let r = b.into_iter().next().unwrap();
        (r.id, r.value)
    };
    let one = app
        .get(&format!("/kalender?organ={}&manad=2026-11", bid.0), None)
        .await;
    assert_eq!(one.status, StatusCode::OK);
    assert!(one
        .body
        .contains(&format!(r#"<option value="{}" selected>"#, bid.0)));
    let bad = app.get("/kalender?manad=2026-13", None).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("manad") || bad.body.contains("månad"),
        "{}",
        bad.body
    );
    let unknown = app.get("/kalender?organ=999", None).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// Ej verkställda beslut: rows only for the roles that handle these cases, entry and editing
/// through forms with errors naming the field, every read of rows logged, and the public
/// statistics with the seed's tables but no id.
#[tokio::test]
async fn the_register_of_unenforced_decisions_is_for_handlers_and_its_statistics_for_all() {
    let app = app();
    // The public and a ledamot: no rows.
    assert_eq!(
        app.get("/ej-verkstallda", None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let (member, _) = app.login("ledamot").await;
    assert_eq!(
        app.get("/ej-verkstallda", Some(&member)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/ej-verkstallda/N01", Some(&member)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/ej-verkstallda/ivo?kvartal=2026Q3", None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );

    // The demo register is seed 004's, moved so that its December 2023 is November 2026.
    let (cookie, _) = app.login("handlaggare").await;
    let page = app
        .get("/ej-verkstallda?datum=2026-11-30", Some(&cookie))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let token = csrf_from(&page.body);
    assert!(
        page.body.contains("N01"),
        "the rows show their ids to a handler"
    );
    assert!(page
        .body
        .contains("/ej-verkstallda/diagram.svg?datum=2026-11-30"));
    let bad = app
        .get("/ej-verkstallda?datum=2026-13-01", Some(&cookie))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Entry: a bad date names its field; a good entry is stored and shown.
    let bad = app
        .post_form(
            "/ej-verkstallda",
            Some(&cookie),
            &[
                ("csrf", &token),
                ("id", "W1"),
                ("insats", "LSS – kontaktperson"),
                ("beslutsdatum", "2026-02-30"),
                ("kon", "K"),
                ("organ", "3"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("beslutsdatum"), "{}", bad.body);
    let no_csrf = app
        .post_form(
            "/ej-verkstallda",
            Some(&cookie),
            &[
                ("id", "W1"),
                ("insats", "LSS – kontaktperson"),
                ("beslutsdatum", "2026-02-03"),
                ("kon", "K"),
            ],
        )
        .await;
    assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);
    let ok = app
        .post_form(
            "/ej-verkstallda",
            Some(&cookie),
            &[
                ("csrf", &token),
                ("id", "W1"),
                ("insats", "LSS – kontaktperson"),
                ("beslutsdatum", "2026-02-03"),
                ("kon", "K"),
                ("orsak", "2"),
                ("organ", "3"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let again = app
        .post_form(
            "/ej-verkstallda",
            Some(&cookie),
            &[
                ("csrf", &token),
                ("id", "W1"),
                ("insats", "LSS – kontaktperson"),
                ("beslutsdatum", "2026-02-03"),
                ("kon", "K"),
                ("organ", "3"),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "an id is entered once");

    // Editing: verkställt before the decision is refused naming the field; a good date is kept.
    let bad = app
        .post_form(
            "/ej-verkstallda/W1",
            Some(&cookie),
            &[("csrf", &token), ("verkstallt", "2026-01-01")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("verkst"), "{}", bad.body);
    let ok = app
        .post_form(
            "/ej-verkstallda/W1",
            Some(&cookie),
            &[
                ("csrf", &token),
                ("insats", "LSS – kontaktperson"),
                ("orsak", "2"),
                ("verkstallt", "2026-06-01"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let page = app.get("/ej-verkstallda/W1", Some(&cookie)).await;
    assert!(page.body.contains("2026-06-01"), "{}", page.body);

    // The log holds the entry, the change with before and after, and the reads by name.
    let id = paragraf_core::unenforced::DecisionId::new("W1").unwrap();
    let log = paragraf_app::unenforced::log(&app.state.dir, Some(&id)).unwrap();
    let change = log
        .iter()
        .find(|e| e.action == "ändra")
        .expect("the change is logged");
    assert_eq!(change.actor, "handlaggare");
    assert!(!change
        .before_json
        .as_deref()
        .unwrap_or("")
        .contains("2026-06-01"));
    assert!(change
        .after_json
        .as_deref()
        .unwrap_or("")
        .contains("2026-06-01"));
    let reads = paragraf_app::unenforced::log(&app.state.dir, None).unwrap();
    assert!(
        reads
            .iter()
            .any(|e| e.action == "läsa" && e.actor == "handlaggare" && e.entity_id.is_none()),
        "reading the whole register is logged"
    );

    // IVO: HTML, CSV and a bad quarter.
    let ivo = app
        .get(
            "/ej-verkstallda/ivo?kvartal=2026Q4&format=csv",
            Some(&cookie),
        )
        .await;
    assert_eq!(ivo.status, StatusCode::OK);
    assert!(ivo.body.starts_with("id;insats;lag;"), "{}", ivo.body);
    assert!(ivo.body.contains("N01;"));
    let bad = app
        .get("/ej-verkstallda/ivo?kvartal=2026Q5", Some(&cookie))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);

    // The public statistics: only the report placed before the nämnd (the demo's notified
    // meeting holds October's), aggregates, the chart, no id.
    let public = app
        .get("/statistik/ej-verkstallda?datum=2026-10-31", None)
        .await;
    assert_eq!(public.status, StatusCode::OK, "{}", public.body);
    assert!(public.body.contains("Antal som tackat nej till erbjudande"));
    assert!(public.body.contains("LSS – kontaktperson"));
    assert_eq!(
        app.get("/statistik/ej-verkstallda?datum=2026-11-30", None)
            .await
            .status,
        StatusCode::NOT_FOUND,
        "a date never before the nämnd is not computed for the public"
    );
    for id in ["N01", "N02", "D01", "W1"] {
        assert!(
            !public.body.contains(&format!(">{id}<")),
            "the public page shows {id}"
        );
    }
    let svg = app.get("/statistik/ej-verkstallda/diagram.svg", None).await;
    assert_eq!(svg.status, StatusCode::OK);
    assert_eq!(svg.headers[header::CONTENT_TYPE], "image/svg+xml");
    assert!(svg.body.contains("<svg") && !svg.body.contains("N01"));
}

/// Public pages are answered from memory for the public, and never stale: a write by another
/// process shows at once; logged-in viewers always get a fresh page.
#[tokio::test]
async fn cached_public_pages_follow_every_write() {
    let app = app();
    let first = app.get("/organ", None).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(!first.body.contains("Valnämnden"));
    assert_eq!(app.state.pages.len(), 1, "the page is kept");
    let again = app.get("/organ", None).await;
    assert_eq!(again.body, first.body);
    assert!(
        again.headers.contains_key(header::CONTENT_SECURITY_POLICY),
        "headers on cached pages too"
    );

    // Another process adds a body to the same database.
    let other = paragraf_app::DataDir::open(&app.state.dir.path).unwrap();
    other
        .add_body(
            &paragraf_core::org::Body::new(
                "Valnämnden",
                None,
                paragraf_core::org::BodyKind::Committee,
                None,
            )
            .unwrap(),
        )
        .unwrap();
    let after = app.get("/organ", None).await;
    assert!(
        after.body.contains("Valnämnden"),
        "the cached page was stale"
    );

    // A logged-in reader gets the page built for them (with the workspace links).
    let (cookie, _) = app.login("sekreterare").await;
    let mine = app.get("/organ", Some(&cookie)).await;
    assert!(mine.body.contains("/sammantraden"));
    let public = app.get("/organ", None).await;
    assert!(
        !public.body.contains("href=\"/sammantraden\""),
        "a reader's page reached the public"
    );
}

/// The delegationsordning is public and searchable; the report on delegation decisions is for
/// logged-in readers, with the lists decision by decision only for the roles that handle cases.
#[tokio::test]
async fn the_delegation_order_is_public_and_decisions_are_for_readers() {
    let app = app();
    let list = app.get("/delegation", None).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.body.contains("Delegationsordning för Socialnämnden"),
        "{}",
        list.body
    );
    let href = list
        .body
        .split("href=\"/delegation/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let order = app.get(&format!("/delegation/{href}"), None).await;
    assert_eq!(order.status, StatusCode::OK);
    assert!(
        order.body.contains("id=\"punkt-1.2.1\""),
        "item 1.2.1 is on the page"
    );
    assert!(order.body.contains("Enhetschef"));
    assert!(
        order.body.contains("Får endast delegeras till utskott"),
        "the utskott-only rule shows"
    );
    assert!(
        order.body.contains("Behöver ses över"),
        "an order past its giltig t o m is flagged"
    );
    let hits = app
        .get(&format!("/delegation/{href}?q=faderskap"), None)
        .await;
    assert!(hits.body.contains("punkter matchar"));
    assert!(
        hits.body.matches("<tr id=\"punkt-").count() < 10,
        "the search narrows the items"
    );
    assert_eq!(
        app.get("/delegation/999", None).await.status,
        StatusCode::NOT_FOUND
    );

    // Decisions: not for the public; counts for a ledamot; the lists for a handläggare.
    let url = "/delegation/beslut?fran=2024-05-01&till=2024-05-31";
    assert_eq!(app.get(url, None).await.status, StatusCode::UNAUTHORIZED);
    let (member, _) = app.login("ledamot").await;
    let page = app.get(url, Some(&member)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("1775"),
        "the total of seed 002's statistics"
    );
    assert!(page.body.contains("SoL Biståndsenheten"));
    assert!(
        !page.body.contains("ANMÄLAN AV DELEGATIONSBESLUT"),
        "no lists for a ledamot"
    );
    let (officer, _) = app.login("handlaggare").await;
    let page = app.get(url, Some(&officer)).await;
    assert!(page.body.contains("ANMÄLAN AV DELEGATIONSBESLUT"));
    assert!(
        page.body.contains("Biståndshandläggare 1"),
        "the decision maker in the lists"
    );
    let bad = app
        .get(
            "/delegation/beslut?fran=2024-05-31&till=2024-05-01",
            Some(&officer),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// A follow-up report is public once it has been on the agenda of a meeting whose notice has
/// gone out: its page shows the tables, the goal tree with assessments in words, the charts,
/// and its figures download as CSV and JSON. Before that only logged-in readers see it.
#[tokio::test]
async fn a_followup_report_is_public_once_it_has_been_on_an_agenda() {
    let app = app();
    let list = app.get("/uppfoljning", None).await;
    assert_eq!(list.status, StatusCode::OK);
    let href = list
        .body
        .split("href=\"/uppfoljning/rapport?")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the demo's report is listed for the public")
        .replace("&amp;", "&");
    let page = app.get(&format!("/uppfoljning/rapport?{href}"), None).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Verksamhetsrapport Socialnämnden"));
    assert!(
        page.body.contains("Förvaltningsövergripande"),
        "the cost centres"
    );
    assert!(page.body.contains("Bedömning: "), "assessments in words");
    assert!(page.body.contains("class=\"assessment "), "and in colour");
    assert!(
        page.body.contains("24 651") || page.body.contains("24\u{a0}651"),
        "the printed deviation"
    );
    let svg = app
        .get(
            &format!("/uppfoljning/diagram.svg?{href}&namn=budget"),
            None,
        )
        .await;
    assert_eq!(svg.status, StatusCode::OK);
    assert!(svg.body.contains("<svg"));
    let csv = app
        .get(&format!("/uppfoljning/siffror.csv?{href}"), None)
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.lines().count() > 10);
    let json = app
        .get(&format!("/uppfoljning/siffror.json?{href}"), None)
        .await;
    assert!(serde_json::from_str::<serde_json::Value>(&json.body).is_ok());
    let bad = app
        .get(
            "/uppfoljning/rapport?organ=Socialn%C3%A4mnden&period=2023-13",
            None,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Another period of the same nämnd, never on an agenda: only for logged-in readers.
    let store = &app.state.dir;
    let f = paragraf_app::followup::periods(store)
        .unwrap()
        .into_iter()
        .find(|(b, _)| b == "Socialnämnden")
        .unwrap();
    let period: paragraf_core::followup::Period = f.1.parse().unwrap();
    let mut other = paragraf_app::followup::report(store, "Socialnämnden", &period)
        .unwrap()
        .unwrap();
    other.period = "2022-08".parse().unwrap();
    paragraf_app::followup::save_report(store, &other, "test").unwrap();
    let hidden = "/uppfoljning/rapport?organ=Socialn%C3%A4mnden&period=2022-01-01%2F2022-08-31";
    assert_eq!(app.get(hidden, None).await.status, StatusCode::NOT_FOUND);
    assert!(
        !app.get("/uppfoljning", None).await.body.contains("2022"),
        "not listed for the public"
    );
    let (cookie, _) = app.login("ledamot").await;
    assert_eq!(app.get(hidden, Some(&cookie)).await.status, StatusCode::OK);
}

/// The shape of `/api/v1` is its own (web/src/dto.rs), written out field by field: these
/// keys are the promise, whatever the core's types or the store's rows become.
#[tokio::test]
async fn the_api_v1_shape_is_pinned() {
    let app = app();
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
        k.sort();
        k
    };
    let list: serde_json::Value =
        serde_json::from_str(&app.get("/api/v1/minutes", None).await.body).unwrap();
    let first = &list.as_array().expect("a list")[0];
    assert_eq!(keys(first), ["body", "date", "id", "state"]);
    assert!(first["state"].is_string());
    let id = first["id"].as_i64().unwrap();
    let one: serde_json::Value =
        serde_json::from_str(&app.get(&format!("/api/v1/minutes/{id}"), None).await.body).unwrap();
    assert_eq!(
        keys(&one),
        [
            "adjusters",
            "attendance",
            "body",
            "chair",
            "date",
            "end",
            "meeting",
            "notice",
            "paragraphs",
            "place",
            "seal",
            "seal_proof",
            "start"
        ]
    );
    // The seal proof's shape is the canonical format's (docs/seal.md), named by its format.
    assert_eq!(keys(&one["seal_proof"]), ["format", "head", "paragraphs"]);
    assert_eq!(one["seal_proof"]["format"], "paragraf-protokoll/1");
    assert_eq!(
        keys(&one["seal_proof"]["paragraphs"][0])
            .into_iter()
            .filter(|k| k != "line" && k != "leaf")
            .collect::<Vec<_>>(),
        ["number"]
    );
    assert_eq!(
        keys(&one["paragraphs"][0]),
        [
            "carried",
            "case",
            "case_number",
            "conflicts",
            "decision",
            "dispatch",
            "documents",
            "immediately_adjusted",
            "motions",
            "notes",
            "number",
            "prepared_by",
            "proposal",
            "propositions",
            "reservations",
            "secrecy",
            "tables",
            "text",
            "title",
            "votes"
        ]
    );
    assert_eq!(
        keys(&one["attendance"][0]),
        ["id", "name", "party", "presence", "replaces", "role", "title"]
    );
    assert_eq!(
        keys(&one["seal"]),
        ["public_key", "sealed_at", "sha256", "signature"]
    );
    assert_eq!(
        keys(&one["notice"]),
        ["adjusted", "appeal_ends", "posted", "removed", "storage"]
    );
}

/// A load balancer's probes answer without a login and write nothing.
#[tokio::test]
async fn health_and_readiness_answer() {
    let app = app();
    let h = app.get("/healthz", None).await;
    assert_eq!(h.status, StatusCode::OK);
    let r = app.get("/readyz", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

/// An installation nobody can log into says so, instead of a form that always fails.
#[tokio::test]
async fn an_installation_without_accounts_says_so() {
    let app = empty_app();
    let page = app.get("/logga-in", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("inga konton"), "{}", page.body);
    assert!(!page.body.contains("name=\"password\""));
    let a = app
        .post_form(
            "/logga-in",
            None,
            &[("username", "admin"), ("password", "x")],
        )
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(a.body.contains("inga konton"));
}

/// The workspace says what is due and by which day: the secretary every step of the body's
/// meetings, the chair the minutes she has still to approve, a handläggare nothing.
#[tokio::test]
async fn the_workspace_shows_what_is_due_and_by_when() {
    let app = app();
    let (cookie, _) = app.login("sekreterare").await;
    let page = app.get("/sammantraden", Some(&cookie)).await;
    assert!(page.body.contains("Att göra"), "{}", page.body);
    assert!(
        page.body.contains("Justera protokollet senast"),
        "{}",
        page.body
    );
    assert!(page.body.contains("KL 5 kap. 69 §"));
    let (cookie, _) = app.login("ordforande").await;
    let page = app.get("/sammantraden", Some(&cookie)).await;
    assert!(
        page.body.contains("Justera protokollet senast"),
        "{}",
        page.body
    );
    let (cookie, _) = app.login("handlaggare").await;
    let page = app.get("/sammantraden", Some(&cookie)).await;
    assert!(!page.body.contains("Att göra"), "{}", page.body);
}

/// Omedelbar justering: the chair and the adjuster approve a § at the meeting (through the
/// API), the secretary posts it on its own from the meeting page, and the board shows its
/// anslag with its own appeal period before the whole minutes are justerade.
#[tokio::test]
async fn a_paragraph_justerad_at_the_meeting_goes_up_on_its_own() {
    let mut app = app();
    let drafted = app.demo_meeting(paragraf_core::meeting::MeetingState::MinutesDrafted);
    let minutes = app
        .state
        .dir
        .storage_for_tests()
        .minutes(drafted.id)
        .unwrap()
        .unwrap();
    let n = minutes.paragraphs()[0].number;
    // At the meeting, on its day.
    app.set_today(drafted.date);
    for (user, role) in [("ordforande", "chair"), ("justerare", "adjuster")] {
        let (cookie, csrf) = app.login(user).await;
        let req = Request::post(format!("/api/v1/meetings/{}/approvals", drafted.id))
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, &cookie)
            .header("x-csrf-token", &csrf)
            .body(Body::from(format!(
                r#"{{"role":"{role}","paragraphs":[{n}]}}"#
            )))
            .unwrap();
        let a = app.send(req).await;
        assert_eq!(a.status, StatusCode::OK, "{user}: {}", a.body);
    }
    // The next day the secretary posts the § on its own.
    let next = drafted.date + chrono::Days::new(1);
    app.set_today(next);
    let (sec, csrf) = app.login("sekreterare").await;
    let page = app
        .get(&format!("/sammantraden/{}", drafted.id), Some(&sec))
        .await;
    assert!(
        page.body.contains(&format!("Anslå § {n} för sig")),
        "offered"
    );
    let r = app
        .post_form(
            &format!("/sammantraden/{}/anslag-paragraf", drafted.id),
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("paragraph", &n.to_string()),
                ("storage", "Kansliet"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let again = app
        .post_form(
            &format!("/sammantraden/{}/anslag-paragraf", drafted.id),
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("paragraph", &n.to_string()),
                ("storage", "Kansliet"),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "posted once");
    let board = app.get("/anslagstavla", None).await;
    // Three weeks from the day it went up, to the next weekday (lag 1930:173).
    let c = paragraf_core::calendar::cycle_deadlines(drafted.date, Some(drafted.date), Some(next))
        .unwrap();
    let appeal_ends = c.appeal_ends.unwrap().to_string();
    assert!(
        board.body.contains(&format!(
            "Omedelbart justerad paragraf: Socialnämnden § {n}"
        )) && board.body.contains(&appeal_ends),
        "{}",
        board.body
    );
}

/// A justering signed on paper is recorded afterwards by the secretary: stored with who
/// recorded it and when, and the last one seals.
#[tokio::test]
async fn a_paper_justering_is_recorded_later_by_the_secretary() {
    let app = app();
    let drafted = app.demo_meeting(paragraf_core::meeting::MeetingState::MinutesDrafted);
    let minutes = app
        .state
        .dir
        .storage_for_tests()
        .minutes(drafted.id)
        .unwrap()
        .unwrap();
    let signers = [minutes.chair().unwrap(), minutes.adjusters()[0]];
    let (sec, csrf) = app.login("sekreterare").await;
    let url = format!("/sammantraden/{}", drafted.id);
    let page = app.get(&url, Some(&sec)).await;
    assert!(page
        .body
        .contains("Registrera en justering som gjorts på papper"));
    // Not dated ahead of today.
    let ahead = app
        .post_form(
            &format!("{url}/pappersjustering"),
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("signer", &signers[0].0.to_string()),
                ("signed", "2099-01-01"),
            ],
        )
        .await;
    assert_eq!(ahead.status, StatusCode::CONFLICT, "{}", ahead.body);
    assert!(ahead.body.contains("kan inte dateras framåt"));
    let r = app
        .post_form(
            &format!("{url}/pappersjustering"),
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("signer", &signers[0].0.to_string()),
                ("signed", &today().to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let signed = (drafted.date + chrono::Days::new(1)).to_string();
    let r = app
        .post_form(
            &format!("{url}/pappersjustering"),
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("signer", &signers[1].0.to_string()),
                ("signed", &signed),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let minutes = app
        .state
        .dir
        .storage_for_tests()
        .minutes(drafted.id)
        .unwrap()
        .unwrap();
    assert!(minutes.is_sealed());
    let later = minutes
        .approvals()
        .iter()
        .find(|a| a.signer == signers[1])
        .unwrap();
    assert_eq!(later.time.date_naive().to_string(), signed);
    assert_eq!(later.recorded.as_ref().unwrap().by, "sekreterare");
    let page = app.get(&url, Some(&sec)).await;
    assert!(
        page.body.contains("registrerat i efterhand"),
        "shown on the meeting"
    );
}

/// Items that are not cases go on the agenda too; an empty one is refused with the form kept.
#[tokio::test]
async fn items_that_are_not_cases_go_on_the_agenda() {
    let app = app();
    let planned = app.demo_meeting(paragraf_core::meeting::MeetingState::Planned);
    let (sec, csrf) = app.login("sekreterare").await;
    let url = format!("/sammantraden/{}/punkt-utan-arende", planned.id);
    let r = app
        .post_form(
            &url,
            Some(&sec),
            &[("csrf", &csrf), ("title", "Val av justerare")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let empty = app
        .post_form(&url, Some(&sec), &[("csrf", &csrf), ("title", "  ")])
        .await;
    assert!(empty.status.is_client_error(), "{}", empty.status);
    let m = app.state.dir.meeting(planned.id).unwrap();
    let last = m.agenda().last().unwrap();
    assert_eq!((last.title.as_str(), last.case), ("Val av justerare", None));
}

/// A multipart body with `fields` and one file.
fn multipart(
    fields: &[(&str, &str)],
    file_field: &str,
    file_name: &str,
    content: &[u8],
) -> Vec<u8> {
    let boundary = "PaRaGrAf";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .bytes(),
        );
    }
    body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{file_field}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").bytes());
    body.extend_from_slice(content);
    body.extend(format!("\r\n--{boundary}--\r\n").bytes());
    body
}

/// The staged file a preview page hands to its "Spara" form (the hidden field `fil`).
fn staged_file(page: &str) -> String {
    page.split("name=\"fil\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the preview names its staged file")
        .to_string()
}

fn upload(path: &str, cookie: &str, body: Vec<u8>) -> Request<Body> {
    Request::post(path)
        .header(
            header::CONTENT_TYPE,
            "multipart/form-data; boundary=PaRaGrAf",
        )
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap()
}

/// #16: every import in the browser — upload, a preview of what will be stored with its
/// warnings (nothing stored), then store; a bad file names each row and stores nothing; the
/// staged file is its uploader's only.
#[tokio::test]
async fn files_are_read_in_from_the_browser_with_a_preview_first() {
    let app = app();
    let (cookie, csrf) = app.login("handlaggare").await;
    let form = app.get("/las-in", Some(&cookie)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Ej verkställda beslut (CSV)"));
    // A case officer does not read protocols in; the secretary does.
    assert!(!form.body.contains("value=\"protokoll\""));

    // Bad rows: each named with line and field, nothing stored.
    let bad = include_bytes!("../../../tests/fixtures/unenforced/bad_rows.csv");
    let answer = app
        .send(upload(
            "/las-in",
            &cookie,
            multipart(
                &[("csrf", &csrf), ("slag", "ej-verkstallda"), ("organ", "1")],
                "fil",
                "bad_rows.csv",
                bad,
            ),
        ))
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body.contains("Rad 3, insats:"), "{}", answer.body);
    assert!(answer.body.contains("Inget har sparats"));
    assert!(!answer.body.contains("name=\"gor\" value=\"spara\""));

    // A good file: a preview that stores nothing.
    let csv = "id;insats;beslutsdatum;kön;orsak;verkställt;avslutat;avbrott_från;avbrott_till\nW01;LSS – kontaktperson;2026-09-01;K;1;;;;\n";
    let preview = app
        .send(upload(
            "/las-in",
            &cookie,
            multipart(
                &[("csrf", &csrf), ("slag", "ej-verkstallda"), ("organ", "1")],
                "fil",
                "nya.csv",
                csv.as_bytes(),
            ),
        ))
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.body.contains("1 nya beslut"), "{}", preview.body);
    assert_eq!(
        app.get("/ej-verkstallda/W01", Some(&cookie)).await.status,
        StatusCode::NOT_FOUND,
        "the preview stored nothing"
    );
    let token = staged_file(&preview.body);
    // Someone else cannot store it.
    let (other, other_csrf) = app.login("sekreterare").await;
    let stolen = app
        .post_form(
            "/las-in/spara",
            Some(&other),
            &[
                ("csrf", &other_csrf),
                ("fil", &token),
                ("organ", "1"),
                ("gor", "spara"),
            ],
        )
        .await;
    assert_eq!(stolen.status, StatusCode::NOT_FOUND);
    let saved = app
        .post_form(
            "/las-in/spara",
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("fil", &token),
                ("organ", "1"),
                ("gor", "spara"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert!(saved.body.contains("Sparat: nya.csv"));
    assert_eq!(
        app.get("/ej-verkstallda/W01", Some(&cookie)).await.status,
        StatusCode::OK
    );
    // Stored once: the token is used up.
    let again = app
        .post_form(
            "/las-in/spara",
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("fil", &token),
                ("organ", "1"),
                ("gor", "spara"),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert!(again.body.contains("ladda upp den igen"));

    // The secretary reads a protocol in: the demo holds seed 004 already, so the preview says
    // why it cannot be stored again, and nothing changes.
    let seed = include_bytes!("../../../tests/fixtures/004_781e15fbb2993ffb.txt");
    let twice = app
        .send(upload(
            "/las-in",
            &other,
            multipart(
                &[("csrf", &other_csrf), ("slag", "protokoll")],
                "fil",
                "004.txt",
                seed,
            ),
        ))
        .await;
    assert_eq!(
        twice.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        twice.body
    );
    assert!(twice.body.contains("Filen kan inte sparas"));
    // A file of the wrong kind is refused with what is read.
    let wrong = app
        .send(upload(
            "/las-in",
            &other,
            multipart(
                &[("csrf", &other_csrf), ("slag", "protokoll")],
                "fil",
                "x.csv",
                b"a;b",
            ),
        ))
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains(".pdf, .txt"), "{}", wrong.body);
}

/// #22: a scraped protocol whose first § lost its number is refused with what to give, the
/// field is offered and keeps what was typed, and with the first § number it is previewed
/// and stored with its §§ numbered.
#[tokio::test]
async fn a_protocol_that_lost_its_paragraph_numbers_is_numbered_in_the_browser() {
    let app = app();
    let (cookie, csrf) = app.login("sekreterare").await;
    let form = app.get("/las-in", Some(&cookie)).await;
    assert!(
        form.body.contains("name=\"forsta_paragraf\""),
        "{}",
        form.body
    );
    let text = include_bytes!("../../../tests/fixtures/flattened_lost_number.txt");
    let send = |first: &'static str| {
        upload(
            "/las-in",
            &cookie,
            multipart(
                &[
                    ("csrf", &csrf),
                    ("slag", "protokoll"),
                    ("forsta_paragraf", first),
                ],
                "fil",
                "utplattat.txt",
                text,
            ),
        )
    };
    let refused = app.send(send("")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("Första paragrafens nummer") && refused.body.contains("inget nummer"),
        "{}",
        refused.body
    );
    let typo = app.send(send("ett")).await;
    assert_eq!(typo.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(typo.body.contains("inget paragrafnummer"), "{}", typo.body);
    assert!(typo.body.contains("value=\"ett\""), "what was typed stays");
    let preview = app.send(send("1")).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(
        preview.body.contains("§ 1 Val av justerare"),
        "{}",
        preview.body
    );
    assert!(preview
        .body
        .contains("name=\"forsta_paragraf\" value=\"1\""));
    let token = staged_file(&preview.body);
    let saved = app
        .post_form(
            "/las-in/spara",
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("fil", &token),
                ("forsta_paragraf", "1"),
                ("gor", "spara"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert!(
        saved.body.contains("Sparat: utplattat.txt"),
        "{}",
        saved.body
    );
}

/// #20: a file for an import is written to disk as it arrives, so the browser takes one far
/// larger than other uploads (`import_limit_mb`, not `upload_limit_mb`); beyond that, 413; a
/// refused file leaves nothing behind in the staging area.
#[tokio::test]
async fn an_import_larger_than_other_uploads_is_written_to_disk_as_it_arrives() {
    let mut app = app();
    let dir = paragraf_app::DataDir::open(&app.state.dir.path).unwrap();
    dir.change_config_for_tests(|c| {
        c.server.upload_limit_mb = Some(1);
        c.server.import_limit_mb = Some(3);
    });
    let state = paragraf_web::AppState::new(dir).unwrap();
    app.router = paragraf_web::router(state.clone());
    app.state = state;
    let (cookie, csrf) = app.login("handlaggare").await;
    let register = |rows: usize| {
        let mut csv = String::from(
            "id;insats;beslutsdatum;kön;orsak;verkställt;avslutat;avbrott_från;avbrott_till\n",
        );
        for i in 0..rows {
            csv.push_str(&format!("S{i:06};LSS – kontaktperson;2026-09-01;K;1;;;;\n"));
        }
        csv.into_bytes()
    };
    let send = |name: &str, content: Vec<u8>| {
        upload(
            "/las-in",
            &cookie,
            multipart(
                &[("csrf", &csrf), ("slag", "ej-verkstallda"), ("organ", "1")],
                "fil",
                name,
                &content,
            ),
        )
    };
    let big = register(50_000);
    assert!(big.len() > 2 << 20, "{}", big.len());
    let preview = app.send(send("stor.csv", big)).await;
    assert_eq!(
        preview.status,
        StatusCode::OK,
        "{}",
        &preview.body[..preview.body.len().min(500)]
    );
    assert!(
        preview.body.contains("50000 nya beslut"),
        "{}",
        preview.body
    );

    let too_big = app.send(send("större.csv", register(80_000))).await;
    assert_eq!(too_big.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(too_big.body.contains("3 MB"), "{}", too_big.body);

    let staging = app.state.dir.path.join("staging");
    let folders = || std::fs::read_dir(&staging).unwrap().count();
    let before = folders();
    let wrong = app.send(send("register.pdf", register(10))).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(folders(), before, "the refused file is removed");
    assert!(!std::fs::read_dir(&staging)
        .unwrap()
        .flatten()
        .any(|f| f.path().join("inkommande").exists()));
}

/// #16: the reports the nämnd must receive go on a planned meeting's agenda from its page —
/// registered as a case with its handlingar and a draft §; a bad period is refused with the
/// typed text kept.
#[tokio::test]
async fn reports_go_on_the_agenda_from_the_meeting_page() {
    let app = app();
    let (cookie, csrf) = app.login("sekreterare").await;
    let planned = app.demo_meeting(paragraf_core::meeting::MeetingState::Planned);
    let path = format!("/sammantraden/{}", planned.id.0);
    let page = app.get(&path, Some(&cookie)).await;
    assert!(page.body.contains("Lägg en rapport på föredragningslistan"));
    let before = planned.agenda().len();

    let bad = app
        .post_form(
            &format!("{path}/rapport"),
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("report", "uppfoljning"),
                ("period", "2023-13"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(
        bad.body.contains("value=\"2023-13\""),
        "the typed period is kept"
    );

    for (report, field, value) in [
        ("delegation", "from", "2024-01-01"),
        ("ej-verkstallda", "date", "2026-09-30"),
    ] {
        let mut form = vec![("csrf", csrf.as_str()), ("report", report), (field, value)];
        if report == "delegation" {
            form.push(("to", "2024-03-31"));
        }
        let done = app
            .post_form(&format!("{path}/rapport"), Some(&cookie), &form)
            .await;
        assert_eq!(
            done.status,
            StatusCode::SEE_OTHER,
            "{report}: {}",
            done.body
        );
    }
    let after = app.demo_meeting(paragraf_core::meeting::MeetingState::Planned);
    assert_eq!(after.agenda().len(), before + 2);
    let titles: Vec<_> = after.agenda().iter().map(|i| i.title.clone()).collect();
    assert!(
        titles.iter().any(|t| t.contains("elegationsbeslut")),
        "{titles:?}"
    );
    assert!(titles.iter().any(|t| t.contains("erkställ")), "{titles:?}");
    assert!(after.agenda().iter().all(|i| i.case.is_some()));
}

/// #16: steps that may be undone or added after the kallelse are offered only when the rules
/// allow them: a tilläggsärende after the kallelse, a meeting called off (with its notice on
/// the anslagstavla), a change asked for by the chair instead of approving — which becomes
/// the secretary's task until marked done.
#[tokio::test]
async fn a_meeting_is_added_to_called_off_and_its_minutes_sent_back() {
    let app = app();
    let (sec, csrf) = app.login("sekreterare").await;
    let planned = app.demo_meeting(paragraf_core::meeting::MeetingState::Planned);
    let page = app
        .get(&format!("/sammantraden/{}", planned.id), Some(&sec))
        .await;
    assert!(
        !page.body.contains("Återkalla kallelsen"),
        "nothing to withdraw yet"
    );
    assert!(!page.body.contains("Lägg till tilläggsärendet"));

    let notified = app.demo_meeting(paragraf_core::meeting::MeetingState::Notified);
    let url = format!("/sammantraden/{}", notified.id);
    let page = app.get(&url, Some(&sec)).await;
    assert!(page.body.contains("Återkalla kallelsen"));
    let case = page
        .body
        .split("id=\"supp-case\"")
        .nth(1)
        .expect("a tilläggsärende is offered after the kallelse")
        .split("value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let added = app
        .post_form(
            &format!("{url}/tillagg"),
            Some(&sec),
            &[("csrf", &csrf), ("case", &case)],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let page = app.get(&url, Some(&sec)).await;
    assert!(
        page.body.contains("tilläggsärende, tillagt"),
        "{}",
        page.body
    );

    // Called off: not without confirming (the reason typed is kept), then on the board.
    let unconfirmed = app
        .post_form(
            &format!("{url}/stall-in"),
            Some(&sec),
            &[("csrf", &csrf), ("reason", "Ordföranden är sjuk")],
        )
        .await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unconfirmed.body.contains("Ordföranden är sjuk"));
    let cancelled = app
        .post_form(
            &format!("{url}/stall-in"),
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("reason", "Ordföranden är sjuk"),
                ("confirm", "1"),
            ],
        )
        .await;
    assert_eq!(
        cancelled.status,
        StatusCode::SEE_OTHER,
        "{}",
        cancelled.body
    );
    let page = app.get(&url, Some(&sec)).await;
    assert!(page.body.contains("Sammanträdet är inställt"));
    for gone in [
        "Markera som genomfört",
        "Återkalla kallelsen",
        "Ställ in sammanträdet</button>",
        "Lägg till tilläggsärendet",
    ] {
        assert!(!page.body.contains(gone), "{gone} is still offered");
    }
    let board = app.get("/anslagstavla", None).await;
    assert!(
        board.body.contains("Inställt sammanträde"),
        "{}",
        board.body
    );
    assert!(board.body.contains("Ordföranden är sjuk"));

    // The chair sends the drafted minutes back instead of approving them.
    let drafted = app.demo_meeting(paragraf_core::meeting::MeetingState::MinutesDrafted);
    let url = format!("/sammantraden/{}", drafted.id);
    let (chair, chair_csrf) = app.login("ordforande").await;
    let page = app.get(&url, Some(&chair)).await;
    assert!(
        page.body.contains("Begär ändring i stället"),
        "{}",
        page.body
    );
    let sent = app
        .post_form(
            &format!("{url}/begar-andring"),
            Some(&chair),
            &[("csrf", &chair_csrf), ("comment", "Stavfel i § 2")],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    // A ledamot who is neither chair nor justerare cannot.
    let (member, member_csrf) = app.login("ledamot").await;
    let refused = app
        .post_form(
            &format!("{url}/begar-andring"),
            Some(&member),
            &[("csrf", &member_csrf), ("comment", "Jag vill också")],
        )
        .await;
    assert!(refused.status.is_client_error(), "{}", refused.status);
    let start = app.get("/sammantraden", Some(&sec)).await;
    assert!(start
        .body
        .contains("Gör de ändringar som begärts i protokollet"));
    let page = app.get(&url, Some(&sec)).await;
    assert!(page.body.contains("Stavfel i § 2"));
    let done = app
        .post_form(
            &format!("{url}/andring-klar"),
            Some(&sec),
            &[("csrf", &csrf), ("number", "1")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let start = app.get("/sammantraden", Some(&sec)).await;
    assert!(!start
        .body
        .contains("Gör de ändringar som begärts i protokollet"));
}

/// #16: the 1 775 delegation decisions of seed 002 are not one page: the ANMÄLAN lists come
/// 200 rows at a time, with the way to the next page.
#[tokio::test]
async fn long_lists_of_delegation_decisions_are_paged() {
    let app = app();
    let (cookie, _) = app.login("handlaggare").await;
    let url = "/delegation/beslut?fran=2024-01-01&till=2024-12-31";
    let first = app.get(url, Some(&cookie)).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(
        first.body.contains("Rad 1–200 av 1775, sida 1 av 9."),
        "{}",
        &first.body[..2000.min(first.body.len())]
    );
    let listed = |b: &str| {
        b.split("class=\"filterable\"")
            .skip(1)
            .map(|t| t.split("</table>").next().unwrap().matches("<tr>").count() - 1)
            .sum::<usize>()
    };
    assert_eq!(listed(&first.body), 200);
    assert!(first.body.contains("sida=2"));
    let last = app.get(&format!("{url}&sida=9"), Some(&cookie)).await;
    assert_eq!(listed(&last.body), 1775 - 8 * 200);
    assert!(!last.body.contains("Nästa sida"));
    assert_eq!(
        app.get(&format!("{url}&sida=x"), Some(&cookie))
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

/// #16: the year's sammanträdesplan creates the body's meetings in one go; a bad line is
/// named, nothing is created, and what was typed stays in the form.
#[tokio::test]
async fn the_years_meetings_are_planned_from_one_list() {
    let app = app();
    let (sec, csrf) = app.login("sekreterare").await;
    let count = || app.state.dir.storage_for_tests().meetings().unwrap().len();
    let before = count();
    let bad = app
        .post_form(
            "/sammantraden/plan",
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("body", "3"),
                ("plan", "2027-01-28 13:00\n2027-02-30"),
                ("place", "Stadshuset"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("rad 2"), "{}", bad.body);
    assert!(
        bad.body.contains("2027-01-28 13:00\n2027-02-30"),
        "the typed plan is kept"
    );
    assert_eq!(count(), before, "nothing created");
    let ok = app
        .post_form(
            "/sammantraden/plan",
            Some(&sec),
            &[
                ("csrf", &csrf),
                ("body", "3"),
                ("plan", "2027-01-28 13:00\n2027-02-25 13:00\n\n2027-03-25"),
                ("place", "Stadshuset"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    assert_eq!(count(), before + 3);
    // The same day again is refused.
    let again = app
        .post_form(
            "/sammantraden/plan",
            Some(&sec),
            &[("csrf", &csrf), ("body", "3"), ("plan", "2027-03-25")],
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("redan ett sammanträde 2027-03-25"));
}

/// Feeds per body and for the whole municipality, with absolute addresses: Atom with
/// kallelser and posted protocols (the day the anslag comes down), iCalendar with every
/// meeting, cancelled ones marked, read back by an iCalendar parser.
#[tokio::test]
async fn feeds_per_body_and_a_calendar_to_subscribe_to() {
    let app = app();
    let meetings = app.state.dir.meetings().unwrap();
    let posted = meetings
        .iter()
        .find(|m| m.state() == paragraf_core::meeting::MeetingState::Posted && m.source.is_none())
        .unwrap();
    let body = posted.body;
    let all = app.get("/anslagstavla.atom", None).await;
    assert!(
        all.body.contains("<link href=\"http://localhost/organ/"),
        "{}",
        all.body
    );
    assert!(
        all.body
            .contains(&format!("/{}/protokoll\"/>", posted.date)),
        "the permanent address"
    );
    assert!(!all.body.contains("href=\"/"), "absolute addresses only");
    assert!(all.body.contains("urn:paragraf:kallelse:"), "kallelser too");
    assert!(
        all.body.contains(", tas ned 20"),
        "the day the anslag comes down"
    );
    let one = app
        .get(&format!("/organ/{body}/anslagstavla.atom"), None)
        .await;
    assert_eq!(one.status, StatusCode::OK);
    assert!(one
        .body
        .contains(&format!("urn:paragraf:anslag:{}", posted.id)));
    let others: Vec<_> = meetings.iter().filter(|m| m.body != body).collect();
    for m in &others {
        assert!(
            !one.body.contains(&format!("urn:paragraf:anslag:{}<", m.id)),
            "only its own body"
        );
    }
    assert_eq!(
        app.get("/organ/999/anslagstavla.atom", None).await.status,
        StatusCode::NOT_FOUND
    );

    let ics = app.get("/kalender.ics", None).await;
    assert_eq!(
        ics.headers.get(header::CONTENT_TYPE).unwrap(),
        "text/calendar; charset=utf-8"
    );
    let cal: icalendar::Calendar = ics
        .body
        .parse()
        .unwrap_or_else(|e| panic!("{e}\n{}", ics.body));
    let events = cal.components.iter().filter_map(|c| c.as_event()).count();
    assert_eq!(events, meetings.len(), "every meeting is an event");
    assert!(
        ics.body.contains(&format!("/{}/protokoll", posted.date)),
        "{}",
        ics.body
    );
    let one = app.get(&format!("/organ/{body}/kalender.ics"), None).await;
    let cal: icalendar::Calendar = one.body.parse().unwrap();
    let n = meetings.iter().filter(|m| m.body == body).count();
    assert_eq!(
        cal.components.iter().filter_map(|c| c.as_event()).count(),
        n
    );
}

/// Permanent, readable addresses: a posted protocol at /organ/{body}/{date}/protokoll and
/// each § at /organ/{body}/{date}/§N, the public version as everywhere; the protocol page
/// and the search lead there.
#[tokio::test]
async fn protocols_and_paragraphs_have_permanent_addresses() {
    let app = app();
    let posted = app
        .state
        .dir
        .meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.state() == paragraf_core::meeting::MeetingState::Posted && m.source.is_none())
        .unwrap();
    let slug = app.state.dir.body(posted.body).unwrap().value.slug();
    let address = format!("/organ/{slug}/{}/protokoll", posted.date);
    // The old addresses lead there (307: which meeting of a day holds the address is
    // decided on each request), the page and its PDF.
    let old = app
        .send(
            axum::http::Request::get(format!("/protokoll/{}", posted.id))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(old.status, StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(old.headers[axum::http::header::LOCATION], address.as_str());
    let old_pdf = app
        .send(
            axum::http::Request::get(format!("/protokoll/{}/protokoll-offentlig.pdf", posted.id))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(old_pdf.status, StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(
        old_pdf.headers[axum::http::header::LOCATION],
        format!("{address}.pdf").as_str()
    );
    let pdf = app.get(&format!("{address}.pdf"), None).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    let old = app.get(&format!("/protokoll/{}", posted.id), None).await;
    assert!(
        old.body.contains(&format!("href=\"{address}\"")),
        "the page names its permanent address"
    );
    assert!(old.body.contains(&format!("href=\"{address}.pdf\"")));
    let new = app.get(&address, None).await;
    assert_eq!(new.status, StatusCode::OK);
    assert!(new.body.contains("Protokoll – offentlig version"));
    let minutes = app.state.dir.minutes(posted.id).unwrap().unwrap();
    for p in minutes.paragraphs() {
        let r = app
            .get(
                &format!("/organ/{slug}/{}/%C2%A7{}", posted.date, p.number),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "§ {}", p.number);
        if p.secrecy.is_secret() {
            assert!(
                !r.body.contains(&p.text),
                "a secret § shows its notice only"
            );
        } else {
            assert!(r.body.contains(&p.title));
        }
    }
    for missing in [
        format!("/organ/{slug}/1999-01-01/protokoll"),
        format!("/organ/finns-inte/{}/protokoll", posted.date),
        format!("/organ/{slug}/{}/%C2%A7999", posted.date),
        format!("/organ/{slug}/inte-ett-datum/protokoll"),
    ] {
        assert_eq!(
            app.get(&missing, None).await.status,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
    // A meeting not yet posted has no address.
    let drafted = app
        .state
        .dir
        .meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.state() == paragraf_core::meeting::MeetingState::MinutesDrafted)
        .unwrap();
    let slug = app.state.dir.body(drafted.body).unwrap().value.slug();
    let r = app
        .get(&format!("/organ/{slug}/{}/protokoll", drafted.date), None)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

/// The completeness page shows, per body and year, what is published and what is missing.
#[tokio::test]
async fn completeness_shows_what_is_published_and_what_is_missing() {
    let app = app();
    let meetings = app.state.dir.meetings().unwrap();
    let posted = meetings
        .iter()
        .find(|m| m.state() == paragraf_core::meeting::MeetingState::Posted && m.source.is_none())
        .unwrap();
    let year = chrono::Datelike::year(&posted.date);
    let r = app
        .get(
            &format!("/organ/{}/fullstandighet?ar={year}", posted.body),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let slug = app.state.dir.body(posted.body).unwrap().value.slug();
    assert!(r
        .body
        .contains(&format!("/organ/{slug}/{}/protokoll", posted.date)));
    // The demo has a meeting of that body held but not yet posted.
    let unposted = meetings.iter().any(|m| {
        m.body == posted.body
            && chrono::Datelike::year(&m.date) == year
            && m.date < today()
            && m.cancelled().is_none()
            && !paragraf_web::public::is_published(m)
    });
    assert_eq!(r.body.contains("saknas</strong>"), unposted, "{}", r.body);
    assert_eq!(
        app.get(
            &format!("/organ/{}/fullstandighet?ar=tjugo", posted.body),
            None
        )
        .await
        .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.get("/organ/999/fullstandighet", None).await.status,
        StatusCode::NOT_FOUND
    );
}

/// A signed protocol is also served by the SHA-256 of its bytes, `/filer/{sha256}.pdf`, which
/// may be cached for good; its own address names it (Content-Location) under the same ETag,
/// and both answer If-None-Match with 304. A kept file whose bytes are not what its name
/// says is never served, nor is anything else under `/filer/`.
#[tokio::test]
async fn a_signed_protocol_is_served_by_its_content_address() {
    let app = app();
    let posted = app.demo_meeting(paragraf_core::meeting::MeetingState::Posted);
    let slug = app.state.dir.body(posted.body).unwrap().value.slug();
    let address = format!("/organ/{slug}/{}/protokoll.pdf", posted.date);
    let pdf = app.get(&address, None).await;
    assert_eq!(pdf.status, StatusCode::OK);
    let hex = paragraf_core::seal::sha256_hex(&pdf.bytes);
    let etag = format!("\"{hex}\"");
    assert_eq!(pdf.headers[header::ETAG], etag.as_str());
    assert_eq!(
        pdf.headers[header::CONTENT_LOCATION],
        format!("/filer/{hex}.pdf").as_str()
    );
    let file = app.get(&format!("/filer/{hex}.pdf"), None).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.bytes, pdf.bytes);
    assert_eq!(file.headers[header::ETAG], etag.as_str());
    assert!(file.headers[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("immutable"));
    let conditional = |path: String| {
        Request::get(path)
            .header(header::IF_NONE_MATCH, etag.as_str())
            .body(Body::empty())
            .unwrap()
    };
    for path in [format!("/filer/{hex}.pdf"), address.clone()] {
        // The second time, the protocol's own address is answered from the page cache.
        let again = app.send(conditional(path.clone())).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{path}");
        assert!(again.bytes.is_empty());
        let whole = app.get(&path, None).await;
        assert_eq!(whole.bytes, pdf.bytes, "{path}");
        assert_eq!(whole.headers[header::ETAG], etag.as_str(), "{path}");
    }
    assert_eq!(
        app.get(&address, None).await.headers[header::CONTENT_LOCATION],
        format!("/filer/{hex}.pdf").as_str()
    );

    // The whole minutes (which may hold what is secret) have no public content address.
    let (cookie, csrf) = app.login("sekreterare").await;
    let whole = app
        .get(
            &format!("/sammantraden/{}/dokument/protokoll.pdf", posted.id),
            Some(&cookie),
        )
        .await;
    assert_eq!(whole.status, StatusCode::OK);
    let whole_hex = paragraf_core::seal::sha256_hex(&whole.bytes);
    assert_ne!(whole_hex, hex);
    let not_public = app.get(&format!("/filer/{whole_hex}.pdf"), None).await;
    assert_eq!(not_public.status, StatusCode::NOT_FOUND);
    for path in [
        format!("/filer/{}.pdf", "0".repeat(64)),
        "/filer/..%2Fnycklar.pdf".to_string(),
        format!("/filer/{hex}"),
    ] {
        assert_eq!(
            app.get(&path, None).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }

    // A § classified secret after publication: the old public version's address ends at
    // once (it held the § in clear); the protocol's address names the new one.
    let minutes = app.state.dir.minutes(posted.id).unwrap().unwrap();
    let public_one = minutes
        .paragraphs()
        .iter()
        .find(|p| !p.secrecy.is_secret())
        .expect("a public §")
        .number;
    let classified = app
        .post_form(
            &format!("/sammantraden/{}/klassificera", posted.id),
            Some(&cookie),
            &[
                ("csrf", csrf.as_str()),
                ("paragraph", public_one.to_string().as_str()),
                ("public", "0"),
                ("ground", "OSL 26 kap. 1 §"),
            ],
        )
        .await;
    assert!(
        classified.status.is_redirection() || classified.status.is_success(),
        "{}",
        classified.body
    );
    let gone = app.get(&format!("/filer/{hex}.pdf"), None).await;
    assert_eq!(
        gone.status,
        StatusCode::NOT_FOUND,
        "the old public version is not served"
    );
    let anew = app.get(&address, None).await;
    let new_hex = paragraf_core::seal::sha256_hex(&anew.bytes);
    assert_ne!(new_hex, hex);
    assert_eq!(
        app.get(&format!("/filer/{new_hex}.pdf"), None).await.bytes,
        anew.bytes
    );

    // The kept file changed on disk: not served by its content address.
    let kept = std::fs::read_dir(
        app.state
            .dir
            .path
            .join(paragraf_app::meeting::documents::SIGNED_DIR)
            .join(posted.id.0.to_string()),
    )
    .unwrap()
    .map(|e| e.unwrap().path())
    .find(|p| {
        p.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("protokoll-offentlig-")
    })
    .unwrap();
    let mut bytes = std::fs::read(&kept).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 1;
    std::fs::write(&kept, &bytes).unwrap();
    let mut state = app.state.clone();
    state.files = Default::default();
    let fresh = router(state);
    let r = fresh
        .oneshot(
            Request::get(format!("/filer/{new_hex}.pdf"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

/// The API's lists are paged: `limit` and `offset`, the whole list's length in
/// X-Total-Count, the next and previous pages in Link; the pages put together are the list.
/// The public list is answered again from the cache with the same headers.
#[tokio::test]
async fn the_api_lists_are_paged() {
    let app = app();
    let (cookie, _) = app.login("sekreterare").await;
    let get = |path: String, cookie: Option<String>| {
        let app = &app;
        async move { app.get(&path, cookie.as_deref()).await }
    };
    for (list, who) in [
        ("/api/v1/minutes", None),
        ("/api/v1/meetings", Some(cookie.clone())),
    ] {
        let all = get(format!("{list}?limit=1000"), who.clone()).await;
        assert_eq!(all.status, StatusCode::OK, "{list}: {}", all.body);
        let whole: Vec<serde_json::Value> = serde_json::from_str(&all.body).unwrap();
        assert!(whole.len() >= 3, "{list}: {}", whole.len());
        assert_eq!(
            all.headers["x-total-count"],
            whole.len().to_string().as_str()
        );
        assert!(!all.headers.contains_key(header::LINK));
        let mut pieces = Vec::new();
        let mut next = Some(format!("{list}?limit=2&offset=0"));
        while let Some(path) = next.take() {
            let page = get(path.clone(), who.clone()).await;
            assert_eq!(
                page.headers["x-total-count"],
                whole.len().to_string().as_str()
            );
            let items: Vec<serde_json::Value> = serde_json::from_str(&page.body).unwrap();
            assert!(items.len() <= 2);
            pieces.extend(items);
            next = page
                .headers
                .get(header::LINK)
                .and_then(|l| l.to_str().ok())
                .and_then(|l| l.split(", ").find(|p| p.ends_with("rel=\"next\"")))
                .map(|p| p[1..p.find('>').unwrap()].to_string());
            if let Some(n) = &next {
                assert!(n.starts_with(&format!("{list}?limit=2&offset=")), "{n}");
            }
            assert!(pieces.len() <= whole.len(), "{path}");
        }
        assert_eq!(pieces, whole, "{list}");
        let past = get(format!("{list}?offset=999999"), who.clone()).await;
        assert_eq!(past.body, "[]");
        assert!(past.headers[header::LINK]
            .to_str()
            .unwrap()
            .contains("rel=\"prev\""));
        let bad = get(format!("{list}?limit=x"), who.clone()).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{list}");
    }
    // Cached for the public: the same answer and headers the second time.
    let first = app.get("/api/v1/minutes?limit=1", None).await;
    let second = app.get("/api/v1/minutes?limit=1", None).await;
    assert_eq!(first.body, second.body);
    assert_eq!(
        first.headers["x-total-count"],
        second.headers["x-total-count"]
    );
    assert_eq!(first.headers[header::LINK], second.headers[header::LINK]);
    assert_eq!(first.headers[header::ETAG], second.headers[header::ETAG]);
    // A token's holder: answered again from the cache while nothing changes, the new
    // meeting seen at once, and nothing once the token is revoked.
    let (cookie, csrf) = app.login("sekreterare").await;
    let made = app
        .send(
            Request::post("/api/v1/tokens")
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::COOKIE, &cookie)
                .header("x-csrf-token", &csrf)
                .body(Body::from(r#"{"label":"lista"}"#))
                .unwrap(),
        )
        .await;
    let made: serde_json::Value = serde_json::from_str(&made.body).unwrap();
    let token = made["token"].as_str().unwrap().to_string();
    let by_token = |token: String| {
        let app = &app;
        async move {
            app.send(
                Request::get("/api/v1/meetings?limit=1000")
                    .header(header::AUTHORIZATION, format!("Bearer {token}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
        }
    };
    let one = by_token(token.clone()).await;
    let two = by_token(token.clone()).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(
        (one.body.as_str(), &one.headers[header::ETAG]),
        (two.body.as_str(), &two.headers[header::ETAG])
    );
    let before: Vec<serde_json::Value> = serde_json::from_str(&one.body).unwrap();
    let new = app
        .post_json(
            "/api/v1/meetings",
            Some(&token),
            serde_json::json!({ "body": 3, "date": "2027-03-03", "start": "13:00:00" }),
        )
        .await;
    assert_eq!(new.status, StatusCode::CREATED, "{}", new.body);
    let after: Vec<serde_json::Value> =
        serde_json::from_str(&by_token(token.clone()).await.body).unwrap();
    assert_eq!(after.len(), before.len() + 1);
    let revoked = app
        .send(
            Request::delete(format!("/api/v1/tokens/{}", {
                let mine = app.get("/api/v1/tokens", Some(&cookie)).await;
                let mine: Vec<serde_json::Value> = serde_json::from_str(&mine.body).unwrap();
                assert_eq!(mine[0]["label"], "lista", "newest first");
                mine[0]["id"].clone()
            }))
            .header(header::COOKIE, &cookie)
            .header("x-csrf-token", &csrf)
            .body(Body::empty())
            .unwrap(),
        )
        .await;
    assert_eq!(revoked.status, StatusCode::OK, "{}", revoked.body);
    assert_eq!(by_token(token).await.status, StatusCode::UNAUTHORIZED);

    // A member sees the meetings of the bodies they sit in, and their count.
    let (member, _) = app.login("ledamot").await;
    let mine = app.get("/api/v1/meetings", Some(&member)).await;
    let theirs: Vec<serde_json::Value> = serde_json::from_str(&mine.body).unwrap();
    assert_eq!(
        mine.headers["x-total-count"],
        theirs.len().to_string().as_str()
    );
    let seats: BTreeSet<i64> = theirs.iter().map(|m| m["body"].as_i64().unwrap()).collect();
    let every: Vec<paragraf_core::ids::BodyId> = app
        .state
        .dir
        .bodies()
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .collect();
    let (all, _) = app.state.dir.meetings_page(Some(&every), 0, 1000).unwrap();
    let expected: Vec<i64> = all
        .iter()
        .filter(|m| seats.contains(&m.body.0))
        .map(|m| m.id.0)
        .collect();
    assert_eq!(
        theirs
            .iter()
            .map(|m| m["id"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        expected
    );
}
