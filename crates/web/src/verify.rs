//! `/verifiera`: a reader checks a protocol — a PDF they have, or a protocol's address —
//! and is told in plain Swedish whether its signature and its seal hold, for which body,
//! meeting and §§, signed by whom and when. Nothing is stored; the file is read and dropped.

use std::collections::HashMap;

use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use paragraf_app::signing::{self, AddressCheck, UploadCheck};

use crate::auth::Viewer;
use crate::error::WebError;
use crate::html::page;
use crate::AppState;

const TITLE: &str = "Kontrollera ett protokoll";

fn forms(address: &str) -> Markup {
    html! {
        h1 { (TITLE) }
        p { "Justerade protokoll är elektroniskt underskrivna med kommunens organisationscertifikat och förseglade med ett sigill som vem som helst kan räkna om. Här kan du kontrollera att ett protokoll är oförändrat sedan justeringen." }
        h2 { "Kontrollera en PDF" }
        form method="post" action="/verifiera" enctype="multipart/form-data" {
            label for="fil" { "PDF-fil" }
            p class="hint" id="fil-hint" { "Protokoll, offentlig version, protokollsutdrag eller anslag som du har fått eller laddat ner. Filen sparas inte." }
            input type="file" id="fil" name="fil" accept="application/pdf,.pdf" aria-describedby="fil-hint";
            button type="submit" { "Kontrollera PDF-filen" }
        }
        h2 { "Kontrollera ett publicerat protokoll" }
        form method="get" action="/verifiera" {
            label for="adress" { "Protokollets adress" }
            p class="hint" id="adress-hint" { "Till exempel /organ/socialnamnden/2024-01-29/protokoll eller hela adressen från webbläsaren." }
            input type="text" id="adress" name="adress" value=(address) aria-describedby="adress-hint" autocomplete="url";
            button type="submit" { "Kontrollera protokollet" }
        }
        p class="hint" { "Samma kontroll utan webbplatsen: " code { "paragraf verify --file protokoll.pdf" } " eller " code { "paragraf verify --json protokoll.json --keys nycklar.json" } " med svaren från " a href="/api/v1/keys" { "/api/v1/keys" } ". Hur sigillet räknas står i " code { "docs/seal.md" } "." }
    }
}

fn problem(title: &str, problems: &[String]) -> Markup {
    html! {
        div class="error-summary" role="alert" tabindex="-1" {
            h2 { (title) }
            ul { @for p in problems { li { (p) } } }
        }
    }
}

fn verdict(ok: bool, text: &str) -> Markup {
    html! {
        div class=(if ok { "notice" } else { "error-summary" }) role="status" {
            p { strong { (if ok { "Håller. " } else { "Håller inte. " }) } (text) }
        }
    }
}

fn upload_html(c: &UploadCheck) -> Markup {
    let lines = signing::describe_file(&c.file);
    let ok = c.file.ok && c.our_certificate != Some(false) && !c.unknown_seal;
    html! {
        h2 { "Resultat för PDF-filen" }
        (verdict(ok, lines.first().map(String::as_str).unwrap_or("")))
        ul { @for l in lines.iter().skip(1) { li { (l) } } }
        ul {
            @match c.our_certificate {
                Some(true) => li { "Underskriften är gjord med den här kommunens organisationscertifikat." },
                Some(false) => li { strong { "Underskriften är inte gjord med den här kommunens organisationscertifikat." } },
                None => {},
            }
            @if let Some(a) = &c.registered {
                li { "Sigillet är detsamma som det publicerade protokollets: " a href=(a) { (a) } "." }
            }
            @if c.unknown_seal {
                li { strong { "Sigillet finns inte bland de protokoll som publiceras här." } }
            }
        }
        (approvals_html(&c.approvals))
    }
}

fn approvals_html(approvals: &[(String, String, String, String)]) -> Markup {
    html! {
        @if !approvals.is_empty() {
            h3 { "Justering" }
            div class="table-wrap" {
                table {
                    thead { tr { th scope="col" { "Namn" } th scope="col" { "Roll" } th scope="col" { "Tid" } th scope="col" { "Sätt" } } }
                    tbody { @for (name, role, time, method) in approvals { tr { td { (name) } td { (role) } td { (time) } td { (method) } } } }
                }
            }
        }
    }
}

fn address_html(c: &AddressCheck) -> Markup {
    let lines = signing::describe_public(&c.report);
    html! {
        h2 { "Resultat för " (c.body) ", " (c.date) }
        (verdict(c.report.ok, lines.first().map(String::as_str).unwrap_or("")))
        ul { @for l in lines.iter().skip(1) { li { (l) } } }
        (approvals_html(&c.approvals))
        p { "Protokollet: " a href=(c.address) { (c.address) } }
    }
}

fn answer(status: StatusCode, viewer: &Viewer, content: Markup) -> Response {
    (status, page(TITLE, viewer.user.as_ref(), content)).into_response()
}

/// `GET /verifiera[?adress=…]`.
pub async fn verify_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let address = q.get("adress").map(|s| s.trim()).unwrap_or("");
    if address.is_empty() {
        return Ok(answer(StatusCode::OK, &viewer, forms("")));
    }
    let found = match signing::meeting_at(&state.public, address)? {
        Some(id) => signing::check_published(&state.public, id)?,
        None => None,
    };
    Ok(match found {
        Some(c) => answer(
            StatusCode::OK,
            &viewer,
            html! { (forms(address)) (address_html(&c)) },
        ),
        None => answer(
            StatusCode::NOT_FOUND,
            &viewer,
            html! {
                (problem("Inget publicerat protokoll på adressen", &[format!(
                    "adress: {address} — ange adressen till ett anslaget protokoll, till exempel /organ/socialnamnden/2024-01-29/protokoll"
                )]))
                (forms(address))
            },
        ),
    })
}

/// `POST /verifiera` (multipart, field `fil`).
pub async fn verify_upload(
    State(state): State<AppState>,
    viewer: Viewer,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let (_, file) = crate::workspace::read_multipart_named(&state, &mut multipart, "fil").await?;
    let Some((name, bytes)) = file else {
        return Ok(answer(
            StatusCode::BAD_REQUEST,
            &viewer,
            html! { (problem("Ingen fil", &["PDF-fil: välj en PDF-fil att kontrollera".into()])) (forms("")) },
        ));
    };
    match signing::check_upload(&state.public, &bytes) {
        Ok(c) => Ok(answer(
            StatusCode::OK,
            &viewer,
            html! { (forms("")) p { "Fil: " (name) } (upload_html(&c)) },
        )),
        Err(e) => Ok(answer(
            StatusCode::UNPROCESSABLE_ENTITY,
            &viewer,
            html! {
                (problem("Filen kunde inte kontrolleras", &[format!("{name}: {e:#}")]))
                (forms(""))
            },
        )),
    }
}
