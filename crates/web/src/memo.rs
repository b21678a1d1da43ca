//! The tjänsteskrivelse of a case in the browser: the form (saved as a new version each
//! time), the versions as PDF, and the förvaltningschef's approval. The rules are in
//! `paragraf_app::memo`.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use paragraf_app::memo;
use paragraf_core::ids::CaseId;
use paragraf_core::memo::Memo;

use crate::auth::Viewer;
use crate::error::WebError;
use crate::html::{csrf, page};
use crate::workspace::{get, Fields};
use crate::AppState;

fn lines(f: &Fields, key: &str) -> Vec<String> {
    get(f, key)
        .unwrap_or("")
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn memo_of(f: &Fields) -> Memo {
    let text = |k: &str| get(f, k).unwrap_or("").trim().to_string();
    Memo {
        title: text("title"),
        summary: text("summary"),
        background: text("background"),
        assessment: text("assessment"),
        finances: text("finances"),
        proposal: lines(f, "proposal"),
        documents: lines(f, "documents"),
        dispatch: lines(f, "dispatch"),
        officer: text("officer"),
    }
}

/// `/arenden/{id}/tjansteskrivelse`: the form with the latest version, the versions, and
/// the approval for the förvaltningschef.
pub async fn memo_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Result<Markup, WebError> {
    memo_view(&state, &viewer, id, None)
}

fn memo_view(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    refused: Option<(&Fields, String)>,
) -> Result<Markup, WebError> {
    let user = viewer.logged_in()?;
    let versions = memo::versions(&state.dir, user, CaseId(id))?;
    let case = state.dir.case(CaseId(id))?;
    let latest = versions.last();
    let shown = match &refused {
        Some((f, _)) => memo_of(f),
        None => latest.map(|m| m.memo.clone()).unwrap_or_else(|| Memo {
            title: case.title.clone(),
            officer: user.name.clone(),
            ..Memo::default()
        }),
    };
    let approver = paragraf_app::access::APPROVERS.contains(&user.role);
    let token = viewer.csrf.clone();
    let here = format!("/arenden/{id}/tjansteskrivelse");
    let area = |name: &str, label: &str, value: &str, rows: u32, hint: Option<&str>| {
        html! {
            label for={ "m-" (name) } { (label) }
            @if let Some(h) = hint { p class="hint" id={ "m-" (name) "-hint" } { (h) } }
            textarea id={ "m-" (name) } name=(name) rows=(rows) cols="60" aria-describedby=[hint.map(|_| format!("m-{name}-hint"))] { (value) }
        }
    };
    Ok(page(
        &format!("Tjänsteskrivelse {}", case.dnr),
        Some(user),
        html! {
            p { a href={ "/arenden/" (id) } { "← " (case.dnr.to_string()) " " (case.title) } }
            h1 { "Tjänsteskrivelse" }
            @if let Some((_, message)) = &refused {
                div class="error-summary" role="alert" tabindex="-1" { h2 { "Det gick inte" } p { (message) } }
            }
            @if !versions.is_empty() {
                h2 { "Versioner" }
                ul { @for m in versions.iter().rev() { li {
                    a href={ (here) "/" (m.version) ".pdf" } { "Version " (m.version) " (PDF)" }
                    ", sparad " (crate::html::stamp(&m.saved)) " av " (m.author)
                    @if let Some((by, at, number)) = &m.approved { " — " strong { "godkänd" } " av " (by) " " (crate::html::stamp(at)) ", registrerad som handling " (number) }
                } } }
                @if let Some(m) = latest.filter(|m| m.approved.is_none()) {
                    @if approver {
                        @match m.memo.ready() {
                            Ok(()) => {
                                form method="post" action={ (here) "/godkann" } {
                                    (csrf(token.as_deref()))
                                    input type="hidden" name="version" value=(m.version);
                                    p { "Som förvaltningschef godkänner du version " (m.version) ". Den registreras då som handling i ärendet, och förslaget till beslut blir punktens förslag på föredragningslistan." }
                                    button type="submit" { "Godkänn version " (m.version) }
                                }
                            }
                            Err(e) => { p class="refused" { "Version " (m.version) " kan inte godkännas än: " (e.to_string()) "." } }
                        }
                    } @else {
                        p class="hint" { "Förvaltningschefen godkänner tjänsteskrivelsen." }
                    }
                }
            }
            h2 { @if versions.is_empty() { "Skriv tjänsteskrivelsen" } @else { "Ny version" } }
            form method="post" action=(here) {
                (csrf(token.as_deref()))
                label for="m-title" { "Rubrik" }
                input id="m-title" name="title" size="60" required value=(shown.title);
                (area("summary", "Ärendet i korthet", &shown.summary, 4, None))
                (area("background", "Bakgrund", &shown.background, 6, None))
                (area("assessment", "Förvaltningens bedömning", &shown.assessment, 6, None))
                (area("finances", "Ekonomiska konsekvenser", &shown.finances, 3, None))
                (area("proposal", "Förslag till beslut", &shown.proposal.join("\n"), 4, Some("En att-sats per rad, utan ”att”.")))
                (area("documents", "Beslutsunderlag", &shown.documents.join("\n"), 3, Some("En handling per rad. Tjänsteskrivelsen själv läggs först när den godkänns.")))
                (area("dispatch", "Beslutet skickas till", &shown.dispatch.join("\n"), 2, Some("En mottagare per rad.")))
                label for="m-officer" { "Handläggare (namn och titel)" }
                input id="m-officer" name="officer" size="40" value=(shown.officer);
                div { button type="submit" { "Spara som ny version" } }
            }
        },
    ))
}

fn refused_or(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    f: &Fields,
    r: Result<(), WebError>,
) -> Result<Response, WebError> {
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/arenden/{id}/tjansteskrivelse")).into_response()),
        Err(e) if e.refuses_form() => {
            let status = e.status();
            Ok((
                status,
                memo_view(state, viewer, id, Some((f, e.to_string())))?,
            )
                .into_response())
        }
        Err(e) => Err(e),
    }
}

/// Saves the form as a new version.
pub async fn memo_save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    let user = viewer.logged_in()?;
    let r = memo::save(&state.dir, user, CaseId(id), memo_of(&f))
        .map(|_| ())
        .map_err(WebError::from);
    refused_or(&state, &viewer, id, &f, r)
}

/// The förvaltningschef approves the latest version.
pub async fn memo_approve(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    let user = viewer.logged_in()?;
    // Who may not handle the case is refused before the form is read.
    memo::versions(&state.dir, user, CaseId(id))?;
    let version: u32 = get(&f, "version")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| WebError::field("version", "ogiltig version"))?;
    let r = memo::approve(&state.dir, user, CaseId(id), version, state.today())
        .map(|_| ())
        .map_err(WebError::from);
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/arenden/{id}")).into_response()),
        Err(e) => refused_or(&state, &viewer, id, &f, Err(e)),
    }
}

/// `/arenden/{id}/tjansteskrivelse/{version}.pdf`.
pub async fn memo_pdf(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, file)): Path<(i64, String)>,
) -> Result<Response, WebError> {
    let version: u32 = file
        .strip_suffix(".pdf")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| WebError::NotFound(format!("tjänsteskrivelse {file}")))?;
    let bytes = memo::pdf(&state.dir, viewer.logged_in()?, CaseId(id), version)?;
    Ok(crate::public::private_pdf(
        bytes,
        &format!("tjansteskrivelse-{version}.pdf"),
    ))
}
