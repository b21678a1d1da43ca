//! Handlingar (#17): the handlingar chosen per item go out with the kallelse; the public
//! reads the public ones and a notice for the secret one; a ledamot reads every one and
//! keeps annotations only she sees; an ersättare reads the secret one only when called in.

mod support;

use axum::http::StatusCode;
use paragraf_app::registry::{add_document, review_document, AddDocument};
use paragraf_core::meeting::MeetingState;
use paragraf_core::registry::{Direction, DocumentType, Review, SECRET_DOCUMENT};
use support::*;

#[tokio::test]
async fn a_kallelse_carries_its_handlingar_to_members_and_the_public() {
    let app = app();
    let dir = &app.state.dir;
    let m = app.demo_meeting(MeetingState::Planned);
    let item = m
        .agenda()
        .iter()
        .find(|i| i.case.is_some())
        .unwrap()
        .clone();
    let case = item.case.unwrap();
    let add = |title: &str, secret: bool| {
        add_document(
            dir,
            case,
            AddDocument {
                kind: DocumentType::Memo,
                title: title.into(),
                date: today(),
                direction: Direction::Internal,
                counterpart: None,
                pdf: Some(text_pdf(title)),
                file: None,
                secret,
            },
        )
        .unwrap()
    };
    let public = add("Tjänsteskrivelse om kostnaderna", false);
    let secret = add("Utredning om familjen Andersson", true);
    let secretary = paragraf_app::accounts::user_by_name(dir, "sekreterare")
        .unwrap()
        .unwrap();
    review_document(dir, &secretary, case, public.number, Some(Review::Public)).unwrap();
    // A secret handling can never be found public.
    assert!(review_document(dir, &secretary, case, secret.number, Some(Review::Public)).is_err());

    // The secretary chooses the two, secret first, and sends the kallelse.
    let (sc, sx) = app.login("sekreterare").await;
    let act = |a: &str| format!("/sammantraden/{}/{a}", m.id);
    let p = item.position.to_string();
    let (ns, np) = (secret.number.to_string(), public.number.to_string());
    let (os, op) = (format!("order-{ns}"), format!("order-{np}"));
    let chose = app
        .post_form(
            &act("handlingar"),
            Some(&sc),
            &[
                ("csrf", &sx),
                ("position", &p),
                ("doc", &np),
                (&op, "2"),
                ("doc", &ns),
                (&os, "1"),
            ],
        )
        .await;
    assert_eq!(chose.status, StatusCode::SEE_OTHER, "{}", chose.body);
    assert_eq!(
        dir.meeting(m.id).unwrap().agenda()[item.position as usize - 1].documents,
        Some(vec![secret.number, public.number])
    );
    // A number that is no handling of the case is refused, with the form kept.
    let bad = app
        .post_form(
            &act("handlingar"),
            Some(&sc),
            &[("csrf", &sx), ("position", &p), ("doc", "99999")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("ingen handling 99999"));

    // The demo's ersättare (Olof Granlund sits as ersättare).
    let olof = dir
        .persons()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Olof Granlund")
        .unwrap();
    let (ec, ex) = app.login("ersattare").await;
    let handling = |n: u32| {
        format!(
            "/sammantraden/{}/punkt/{}/handling/{n}",
            m.id, item.position
        )
    };
    // Before the kallelse, members read nothing of it.
    assert_eq!(
        app.get(&handling(public.number), Some(&ec)).await.status,
        StatusCode::FORBIDDEN
    );
    let sent = app
        .post_form(&act("kalla"), Some(&sc), &[("csrf", &sx)])
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);

    // The public kallelse: the public handling by title and link, the secret by the notice.
    let body = dir.body(m.body).unwrap();
    let public_page = app
        .get(
            &format!("/organ/{}/{}/kallelse", body.value.slug(), m.date),
            None,
        )
        .await;
    assert_eq!(public_page.status, StatusCode::OK);
    assert!(public_page.body.contains("Tjänsteskrivelse om kostnaderna"));
    assert!(
        public_page.body.contains(SECRET_DOCUMENT),
        "{}",
        public_page.body
    );
    assert!(!public_page.body.contains("Andersson"));
    assert!(public_page.body.contains("Hålltider"));
    let link = links(&public_page.body)
        .into_iter()
        .find(|l| l.contains("/handlingar/"))
        .expect("a link to the public handling");
    let file = app.get(&link, None).await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(file.bytes.starts_with(b"%PDF-"));

    // A ledamot reads both and annotates the secret one; only she sees her note.
    let (lc, lx) = app.login("ledamot").await;
    let page = app.get(&format!("/sammantraden/{}", m.id), Some(&lc)).await;
    assert!(
        page.body.contains("Utredning om familjen Andersson"),
        "{}",
        page.body
    );
    let secret_page = app.get(&handling(secret.number), Some(&lc)).await;
    assert_eq!(secret_page.status, StatusCode::OK, "{}", secret_page.body);
    let pdf = app
        .get(&format!("{}/fil.pdf", handling(secret.number)), Some(&lc))
        .await;
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert_eq!(
        pdf.headers.get("cache-control").unwrap(),
        "private, no-store"
    );
    let note = app
        .post_form(
            &format!("{}/anteckningar", handling(secret.number)),
            Some(&lc),
            &[
                ("csrf", &lx),
                ("page", "2"),
                ("quote", "familjen"),
                ("note", "Fråga om placeringen"),
            ],
        )
        .await;
    assert_eq!(note.status, StatusCode::SEE_OTHER, "{}", note.body);
    // An empty one is refused and the page comes back with what was typed.
    let empty = app
        .post_form(
            &format!("{}/anteckningar", handling(secret.number)),
            Some(&lc),
            &[("csrf", &lx), ("page", "x"), ("note", "")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("value=\"x\""));
    let mine = app.get(&handling(secret.number), Some(&lc)).await;
    assert!(mine.body.contains("Fråga om placeringen"));
    let export = app.get("/konto/anteckningar.json", Some(&lc)).await;
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    assert_eq!(json[0]["anteckning"], "Fråga om placeringen");
    assert_eq!(json[0]["sida"], 2);
    assert_eq!(json[0]["markering"], "familjen");
    let (jc, jx) = app.login("justerare").await;
    let theirs = app.get(&handling(secret.number), Some(&jc)).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(!theirs.body.contains("Fråga om placeringen"));
    assert_eq!(
        app.get("/konto/anteckningar.json", Some(&jc))
            .await
            .body
            .trim(),
        "[]"
    );
    // Another user cannot remove her note.
    let id = mine
        .body
        .split("/anteckningar/")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_string();
    let steal = app
        .post_form(
            &format!("{}/anteckningar/{id}/ta-bort", handling(secret.number)),
            Some(&jc),
            &[("csrf", &jx)],
        )
        .await;
    assert_eq!(steal.status, StatusCode::NOT_FOUND);

    // The registry: the secret handling of this public case is named by its notice to
    // everyone who may see the case but not read secrets, and its file is refused to the
    // staff of another body.
    let (rc, _) = app.login("handlaggare").await;
    let case_page = app.get(&format!("/arenden/{case}"), Some(&rc)).await;
    assert!(
        case_page.body.contains("Utredning om familjen Andersson"),
        "the body's staff read it"
    );
    let ks_body = dir
        .bodies()
        .unwrap()
        .into_iter()
        .find(|b| b.name == "Kommunstyrelsen")
        .unwrap()
        .id;
    paragraf_app::accounts::add_user(
        dir,
        "ks-handlaggare",
        "KS handläggare",
        "ks-handlaggare-demo",
        paragraf_app::accounts::Role::CaseOfficer,
        None,
        &[ks_body],
    )
    .unwrap();
    let (oc, _) = app.login("ks-handlaggare").await;
    let other = app.get(&format!("/arenden/{case}"), Some(&oc)).await;
    assert_eq!(other.status, StatusCode::OK, "a public case");
    assert!(!other.body.contains("Andersson"), "{}", other.body);
    assert!(other.body.contains(SECRET_DOCUMENT));
    assert_eq!(
        app.get(
            &format!("/arenden/{case}/handlingar/{}", secret.number),
            Some(&oc)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get(
            &format!("/arenden/{case}/handlingar/{}", public.number),
            Some(&oc)
        )
        .await
        .status,
        StatusCode::OK
    );

    // The ersättare reads the public handling, not the secret one — until called in.
    assert_eq!(
        app.get(&handling(public.number), Some(&ec)).await.status,
        StatusCode::OK
    );
    let page = app.get(&format!("/sammantraden/{}", m.id), Some(&ec)).await;
    assert!(!page.body.contains("Andersson"));
    assert!(page.body.contains(SECRET_DOCUMENT));
    // A secret item of the agenda is a notice in the ersättare's copy, by title and number.
    let lvu = m
        .agenda()
        .iter()
        .find(|i| i.secrecy.is_secret())
        .expect("the demo has a secret item");
    assert!(!page.body.contains(&lvu.title), "{}", lvu.title);
    let leila_page = app.get(&format!("/sammantraden/{}", m.id), Some(&lc)).await;
    assert!(
        leila_page.body.contains(&lvu.title),
        "the ledamot's copy names it"
    );
    assert_eq!(
        app.get(&handling(secret.number), Some(&ec)).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(app
        .post_form(
            &format!("{}/anteckningar", handling(secret.number)),
            Some(&ec),
            &[("csrf", &ex), ("note", "x")],
        )
        .await
        .status
        .is_client_error());
    let called = app
        .post_form(
            &act("inkalla"),
            Some(&sc),
            &[
                ("csrf", &sx),
                ("person", &olof.id.to_string()),
                ("serve", "1"),
            ],
        )
        .await;
    assert_eq!(called.status, StatusCode::SEE_OTHER, "{}", called.body);
    assert_eq!(
        app.get(&handling(secret.number), Some(&ec)).await.status,
        StatusCode::OK
    );
    // A withdrawn kallelse takes the call with it.
    let withdrawn = app
        .post_form(&act("aterkalla"), Some(&sc), &[("csrf", &sx)])
        .await;
    assert_eq!(
        withdrawn.status,
        StatusCode::SEE_OTHER,
        "{}",
        withdrawn.body
    );
    assert!(dir.meeting(m.id).unwrap().called_in().is_empty());
    let again = app
        .post_form(&act("kalla"), Some(&sc), &[("csrf", &sx)])
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert_eq!(
        app.get(&handling(secret.number), Some(&ec)).await.status,
        StatusCode::FORBIDDEN
    );
    let called = app
        .post_form(
            &act("inkalla"),
            Some(&sc),
            &[
                ("csrf", &sx),
                ("person", &olof.id.to_string()),
                ("serve", "1"),
            ],
        )
        .await;
    assert_eq!(called.status, StatusCode::SEE_OTHER, "{}", called.body);
    // The kallelse with the handlingar as one PDF: the ledamot's holds the secret
    // handling, the ersättare's (before the call) not.
    let olof_uncalled = app
        .post_form(
            &act("inkalla"),
            Some(&sc),
            &[("csrf", &sx), ("person", &olof.id.to_string())],
        )
        .await;
    assert_eq!(olof_uncalled.status, StatusCode::SEE_OTHER);
    let full = app
        .get(&format!("/sammantraden/{}/handlingar.pdf", m.id), Some(&lc))
        .await;
    assert_eq!(full.status, StatusCode::OK);
    let text = pdftotext(&full.bytes);
    assert!(text.contains("Utredning om familjen Andersson"), "{text}");
    assert!(text.contains("Tjänsteskrivelse om kostnaderna"));
    let info = pdfinfo(&full.bytes);
    assert!(!info.contains("Error"), "{info}");
    let part = app
        .get(&format!("/sammantraden/{}/handlingar.pdf", m.id), Some(&ec))
        .await;
    assert_eq!(part.status, StatusCode::OK);
    let text = pdftotext(&part.bytes);
    assert!(!text.contains("Andersson"));
    assert!(text.contains("Tjänsteskrivelse om kostnaderna"));
    // The note goes when the account no longer holds the body.
    let ks = dir
        .bodies()
        .unwrap()
        .into_iter()
        .find(|b| b.name == "Kommunstyrelsen")
        .unwrap();
    paragraf_app::accounts::set_role(
        dir,
        "admin",
        "ledamot",
        paragraf_app::accounts::Role::Member,
        &[ks.id],
    )
    .unwrap();
    let leila = paragraf_app::accounts::user_by_name(dir, "ledamot")
        .unwrap()
        .unwrap();
    assert!(paragraf_app::meeting::papers::export(dir, &leila)
        .unwrap()
        .is_empty());
    // Nobody logged out reads the reading room.
    assert_eq!(
        app.get(&handling(public.number), None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

/// A tjänsteskrivelse is written as drafts with versions, approved by the förvaltningschef
/// only when complete, registered as a handling, and its förslag till beslut becomes the
/// agenda item's draft §.
#[tokio::test]
async fn a_tjansteskrivelse_is_drafted_approved_and_flows_into_the_agenda() {
    let app = app();
    let dir = &app.state.dir;
    let m = app.demo_meeting(MeetingState::Planned);
    let case = m.agenda().iter().find_map(|i| i.case).unwrap();
    let page = format!("/arenden/{case}/tjansteskrivelse");
    paragraf_app::accounts::add_user(
        dir,
        "chef",
        "Helena Vik",
        "chef-demo",
        paragraf_app::accounts::Role::Director,
        None,
        &[m.body],
    )
    .unwrap();
    let (hc, hx) = app.login("handlaggare").await;
    let first = app
        .post_form(
            &page,
            Some(&hc),
            &[
                ("csrf", &hx),
                ("title", "Yttrande över motion om fritidskort"),
            ],
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    let (cc, cx) = app.login("chef").await;
    let not_ready = app.get(&page, Some(&cc)).await;
    assert!(
        not_ready
            .body
            .contains("kan inte godkännas än: skriv ärendet i korthet"),
        "{}",
        not_ready.body
    );
    assert!(!not_ready.body.contains("Godkänn version 1"));
    let refused = app
        .post_form(
            &format!("{page}/godkann"),
            Some(&cc),
            &[("csrf", &cx), ("version", "1")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    let second = app
        .post_form(
            &page,
            Some(&hc),
            &[
                ("csrf", &hx),
                ("title", "Yttrande över motion om fritidskort"),
                ("summary", "Förvaltningen föreslår att motionen avslås."),
                ("background", "En motion väcktes i kommunfullmäktige."),
                ("assessment", "Kostnaden ryms inte i budgeten."),
                ("finances", "Ingen kostnad."),
                (
                    "proposal",
                    "att avslå motionen\növerlämna yttrandet till kommunfullmäktige",
                ),
                ("documents", "Motion om fritidskort, 2026-09-01"),
                ("dispatch", "Kommunfullmäktige"),
                ("officer", "Rebecka Hed, utredare"),
            ],
        )
        .await;
    assert_eq!(second.status, StatusCode::SEE_OTHER, "{}", second.body);
    // Only the förvaltningschef approves.
    let (sc, sx) = app.login("sekreterare").await;
    let not_theirs = app
        .post_form(
            &format!("{page}/godkann"),
            Some(&sc),
            &[("csrf", &sx), ("version", "2")],
        )
        .await;
    assert_eq!(not_theirs.status, StatusCode::FORBIDDEN);
    let ok = app
        .post_form(
            &format!("{page}/godkann"),
            Some(&cc),
            &[("csrf", &cx), ("version", "2")],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let docs = dir.documents(case).unwrap();
    let memo = docs
        .iter()
        .find(|d| d.title == "Tjänsteskrivelse: Yttrande över motion om fritidskort")
        .expect("registered as a handling");
    assert_eq!(memo.kind, DocumentType::Memo);
    let pdf = app.get(&format!("{page}/2.pdf"), Some(&hc)).await;
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    let text = pdftotext(&pdf.bytes);
    for want in [
        "Tjänsteskrivelse",
        "Ärendet i korthet",
        "Förvaltningens bedömning",
        "Förslag till beslut",
        "att avslå motionen",
        "Helena Vik",
        "Rebecka Hed, utredare",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    let draft = app.get(&format!("{page}/1.pdf"), Some(&hc)).await;
    assert!(pdftotext(&draft.bytes).contains("Utkast, version 1"));
    // The planned meeting's item now proposes the att-satser, with the tjänsteskrivelse
    // first among the beslutsunderlag.
    let item = dir
        .meeting(m.id)
        .unwrap()
        .agenda()
        .iter()
        .find(|i| i.case == Some(case))
        .unwrap()
        .clone();
    let d = item.draft.unwrap();
    assert_eq!(d.text, "Förvaltningen föreslår att motionen avslås.");
    assert!(d.documents[0].starts_with("Tjänsteskrivelse, "));
    assert_eq!(d.dispatch, vec!["Kommunfullmäktige"]);
    assert!(format!("{:?}", d.proposal).contains("avslå motionen"));
    // Approved once: the same version cannot be approved again.
    let again = app
        .post_form(
            &format!("{page}/godkann"),
            Some(&cc),
            &[("csrf", &cx), ("version", "2")],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
}

fn pdftotext(bytes: &[u8]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pdfinfo(bytes: &[u8]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo (poppler-utils)");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
