//! The members' reading room: one handling of a meeting's item, its file, and the reader's
//! own annotations (written, removed, exported). What a reader may open is decided in
//! `paragraf_app::meeting::papers`.

use axum::extract::{Form, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use paragraf_app::meeting::papers;
use paragraf_core::ids::MeetingId;

use crate::auth::Viewer;
use crate::error::WebError;
use crate::html::{csrf, page};
use crate::workspace::{get, Fields};
use crate::AppState;

/// `/sammantraden/{id}/punkt/{position}/handling/{number}`: the handling, a link to its
/// file, and the reader's annotations with a form for a new one.
pub async fn handling_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, position, number)): Path<(i64, u32, u32)>,
) -> Result<Response, WebError> {
    Ok(handling_view(&state, &viewer, (id, position, number), None)?.into_response())
}

fn handling_view(
    state: &AppState,
    viewer: &Viewer,
    (id, position, number): (i64, u32, u32),
    refused: Option<(&Fields, String)>,
) -> Result<maud::Markup, WebError> {
    let user = viewer.logged_in()?;
    let (paper, bytes) = papers::open(&state.dir, user, MeetingId(id), position, number)?;
    let notes = papers::annotations_on(&state.dir, user, paper.case, number)?;
    let m = state.dir.meeting(MeetingId(id))?;
    let body = state.dir.body_name(m.body);
    let typed = |k: &str| {
        refused
            .as_ref()
            .and_then(|(f, _)| get(f, k))
            .unwrap_or("")
            .to_string()
    };
    let here = format!("/sammantraden/{id}/punkt/{position}/handling/{number}");
    let token = viewer.csrf.clone();
    Ok(page(
        &format!("{} – {}", paper.title, body),
        Some(user),
        html! {
            p { a href={ "/sammantraden/" (id) } { "← " (body) ", " (m.date) } }
            h1 { (paper.title) }
            p { (paper.kind) ", " (paper.date) ", handling " (number) " till punkt " (position)
                @if paper.secret { " — " strong { "omfattas av sekretess (OSL 26 kap. 1 §)" } } }
            p { a class="button" href={ (here) "/fil.pdf" } { "Läs handlingen (PDF, " (bytes.len() / 1024 + 1) " kB)" } }
            h2 { "Mina anteckningar" }
            p class="hint" { "Anteckningarna är dina egna: ingen annan ser dem. De finns kvar efter sammanträdet så länge du sitter i nämnden. "
                a href="/konto/anteckningar.json" { "Hämta alla dina anteckningar (JSON)" } }
            @if notes.is_empty() { p { "Inga anteckningar än." } }
            ul class="notes" { @for a in &notes { li {
                @if let Some(p) = a.page { "Sidan " (p) ": " }
                @if let Some(q) = &a.quote { mark { (q) } " " }
                (a.note)
                " " span class="hint" { "(" (crate::html::stamp(&a.created)) ")" }
                form method="post" action={ (here) "/anteckningar/" (a.id) "/ta-bort" } class="inline" {
                    (csrf(token.as_deref()))
                    button type="submit" class="secondary" aria-label={ "Ta bort anteckningen " (a.id) } { "Ta bort" }
                }
            } } }
            @if let Some((_, message)) = &refused {
                div class="error-summary" role="alert" tabindex="-1" { h2 { "Det gick inte att spara" } p { (message) } }
            }
            form method="post" action={ (here) "/anteckningar" } {
                (csrf(token.as_deref()))
                label for="a-page" { "Sida (valfritt)" }
                input id="a-page" name="page" inputmode="numeric" size="4" value=(typed("page"));
                label for="a-quote" { "Markering: orden du vill markera (valfritt)" }
                input id="a-quote" name="quote" size="40" value=(typed("quote"));
                label for="a-note" { "Anteckning" }
                textarea id="a-note" name="note" rows="3" cols="40" { (typed("note")) }
                div { button type="submit" { "Spara anteckningen" } }
            }
        },
    ))
}

/// The handling's file, for a reader whose copy holds it; never cached by others.
pub async fn handling_file(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, position, number)): Path<(i64, u32, u32)>,
) -> Result<Response, WebError> {
    let user = viewer.logged_in()?;
    let (_, bytes) = papers::open(&state.dir, user, MeetingId(id), position, number)?;
    Ok(crate::public::private_pdf(
        bytes,
        &format!("handling-{number}.pdf"),
    ))
}

/// Writes an annotation; a refused one comes back with what was typed.
pub async fn annotate(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, position, number)): Path<(i64, u32, u32)>,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    let user = viewer.logged_in()?;
    let done = (|| -> Result<(), WebError> {
        let page = get(&f, "page")
            .map(|p| {
                p.trim()
                    .parse::<u32>()
                    .map_err(|_| WebError::field("page", "sidan anges med en siffra"))
            })
            .transpose()?;
        papers::annotate(
            &state.dir,
            user,
            MeetingId(id),
            position,
            number,
            page,
            get(&f, "quote").map(String::from),
            get(&f, "note").unwrap_or(""),
        )?;
        Ok(())
    })();
    match done {
        Ok(()) => Ok(Redirect::to(&format!(
            "/sammantraden/{id}/punkt/{position}/handling/{number}"
        ))
        .into_response()),
        Err(e) if e.refuses_form() => {
            let status = e.status();
            Ok((
                status,
                handling_view(
                    &state,
                    &viewer,
                    (id, position, number),
                    Some((&f, e.to_string())),
                )?,
            )
                .into_response())
        }
        Err(e) => Err(e),
    }
}

/// Removes one of the reader's annotations.
pub async fn remove_annotation(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, position, number, annotation)): Path<(i64, u32, u32, i64)>,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    papers::remove_annotation(
        &state.dir,
        viewer.logged_in()?,
        (MeetingId(id), position, number),
        annotation,
    )?;
    Ok(Redirect::to(&format!(
        "/sammantraden/{id}/punkt/{position}/handling/{number}"
    ))
    .into_response())
}

/// `/konto/anteckningar.json`: every annotation of the reader, with case and handling named.
pub async fn export(State(state): State<AppState>, viewer: Viewer) -> Result<Response, WebError> {
    let list = papers::export(&state.dir, viewer.logged_in()?)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (header::CACHE_CONTROL, "private, no-store"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"anteckningar.json\"",
            ),
        ],
        serde_json::to_string_pretty(&list).map_err(|e| WebError::Internal(e.to_string()))?,
    )
        .into_response())
}

/// `/sammantraden/{id}/handlingar.pdf`: the kallelse with the reader's copy of every
/// item's handlingar, as one PDF with bookmarks.
pub async fn bundle(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = viewer.logged_in()?;
    let bytes = papers::bundle(&state.dir, user, MeetingId(id), state.today())?;
    Ok(crate::public::private_pdf(
        bytes,
        &format!("kallelse-med-handlingar-{id}.pdf"),
    ))
}
