//! Läs in: every import in the browser. The file is uploaded and previewed — what will be
//! stored, with its warnings, from a rehearsal of the store that is rolled back
//! (`paragraf_app::imports`) — and stored when the person presses "Spara". A file that cannot
//! be stored shows why (each bad row with its line and field) and nothing is stored.

use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use maud::{html, Markup};
use paragraf_app::imports::{self, ImportKind, ImportOptions, ImportResult, Target};
use paragraf_core::ids::BodyId;

use crate::auth::Viewer;
use crate::error::WebError;
use crate::html::{csrf, page};
use crate::workspace::Fields;
use crate::AppState;

fn get<'a>(f: &'a Fields, name: &str) -> Option<&'a str> {
    f.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.trim().is_empty())
}

fn options(f: &Fields) -> Result<ImportOptions, WebError> {
    let body = match get(f, "organ") {
        Some(b) => {
            Some(BodyId(b.trim().parse().map_err(|_| {
                WebError::field("organ", "välj ett organ i listan")
            })?))
        }
        None => None,
    };
    let first_paragraph = match get(f, "forsta_paragraf").map(str::trim) {
        Some(n) if !n.is_empty() => {
            Some(n.trim_start_matches('§').trim().parse().map_err(|_| {
                WebError::field(
                    "forsta_paragraf",
                    format!("”{n}” är inget paragrafnummer; skriv ett heltal, till exempel 12"),
                )
            })?)
        }
        _ => None,
    };
    Ok(ImportOptions {
        body,
        period: get(f, "period").map(|p| p.trim().to_string()),
        date: get(f, "datum").map(|d| d.trim().to_string()),
        first_paragraph,
    })
}

/// The kinds this viewer may read in.
fn kinds(viewer: &Viewer) -> Vec<ImportKind> {
    ImportKind::ALL
        .into_iter()
        .filter(|k| {
            viewer
                .user
                .as_ref()
                .is_some_and(|u| k.roles().contains(&u.role))
        })
        .collect()
}

/// The form: kind, file, and what the file may not say (nämnd, period).
fn form(state: &AppState, viewer: &Viewer, problems: &[String], fields: &Fields) -> Markup {
    let bodies: Vec<_> = state
        .dir
        .bodies()
        .unwrap_or_default()
        .into_iter()
        .filter(|b| viewer.can_read_body(b.id))
        .collect();
    let chosen = |name: &str, value: &str| get(fields, name) == Some(value);
    html! {
        @if !problems.is_empty() {
            div class="error-summary" role="alert" tabindex="-1" {
                h2 { "Filen lästes inte in" }
                ul { @for p in problems { li { (p) } } }
            }
        }
        form method="post" action="/las-in" enctype="multipart/form-data" {
            (csrf(viewer.csrf.as_deref()))
            fieldset {
                legend { "Vad är det för fil?" }
                @for (i, k) in kinds(viewer).into_iter().enumerate() {
                    div class="choice" {
                        input type="radio" id={"k-" (k.slug())} name="slag" value=(k.slug())
                            required checked[chosen("slag", k.slug()) || (i == 0 && get(fields, "slag").is_none())];
                        label for={"k-" (k.slug())} { (k.swedish()) }
                    }
                }
            }
            label for="i-file" { "Fil" }
            input id="i-file" name="fil" type="file" required
                accept=".pdf,.txt,.csv,.tsv,.xlsx,.docx,.odt,.html,.htm,.md,.json";
            label for="i-body" { "Nämnd (när filen inte anger den: protokoll, ej verkställda beslut och uppföljning)" }
            select id="i-body" name="organ" {
                option value="" { "Som filen anger" }
                @for b in &bodies {
                    option value=(b.id) selected[chosen("organ", &b.id.to_string())] { (b.name) }
                }
            }
            label for="i-date" { "Sammanträdesdatum (protokoll, när texten inte anger det): ÅÅÅÅ-MM-DD" }
            input id="i-date" name="datum" type="text" inputmode="numeric" autocomplete="off"
                value=(get(fields, "datum").unwrap_or(""));
            label for="i-first" { "Första paragrafens nummer (protokoll, när texten har tappat paragrafernas nummer)" }
            input id="i-first" name="forsta_paragraf" type="text" inputmode="numeric" autocomplete="off"
                value=(get(fields, "forsta_paragraf").unwrap_or(""));
            label for="i-period" { "Period (uppföljning, när filen inte anger den): ÅÅÅÅ-MM, ÅÅÅÅ eller ÅÅÅÅ-MM-DD/ÅÅÅÅ-MM-DD" }
            input id="i-period" name="period" type="text" inputmode="numeric" autocomplete="off"
                value=(get(fields, "period").unwrap_or(""));
            div { button type="submit" { "Förhandsgranska" } }
        }
    }
}

fn start(state: &AppState, viewer: &Viewer, problems: &[String], fields: &Fields) -> Markup {
    page(
        "Läs in",
        viewer.user.as_ref(),
        html! {
            h1 { "Läs in filer" }
            p { "Ladda upp en fil. Du ser först vad som kommer att sparas, med varningar; inget sparas förrän du trycker ”Spara”." }
            (form(state, viewer, problems, fields))
        },
    )
}

/// The logged-in user, if their role reads in any kind of file.
fn may_import(viewer: &Viewer) -> Result<paragraf_app::accounts::User, WebError> {
    let user = viewer.logged_in()?.clone();
    if kinds(viewer).is_empty() {
        return Err(WebError::Forbidden("din roll läser inte in filer".into()));
    }
    Ok(user)
}

/// GET /las-in
pub async fn page_get(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, WebError> {
    may_import(&viewer)?;
    Ok(start(&state, &viewer, &[], &Vec::new()))
}

fn result_lines(r: &ImportResult) -> Markup {
    html! {
        ul class="summary" {
            @for line in &r.summary {
                li { @for (i, part) in line.lines().enumerate() { @if i > 0 { br; } (part) } }
            }
        }
        @if !r.warnings.is_empty() {
            h2 { "Varningar (" (r.warnings.len()) ")" }
            ul class="warnings" { @for w in &r.warnings { li { (w) } } }
        }
    }
}

/// The fields of the import form, and its file written to the staging area as it arrives
/// (handlers run off the async workers): a file of any size within `import_limit_mb` is
/// never held in memory.
async fn receive(
    state: &AppState,
    multipart: &mut Multipart,
) -> Result<
    (
        crate::workspace::Fields,
        Option<(String, imports::Receiving)>,
    ),
    WebError,
> {
    let error = crate::workspace::multipart_error(state.dir.config().server.import_limit(), "fil");
    let mut fields = Vec::new();
    let mut file = None;
    while let Some(mut field) = multipart.next_field().await.map_err(&error)? {
        let name = field.name().unwrap_or("").to_string();
        if name != "fil" {
            let text = field
                .text()
                .await
                .map_err(|e| WebError::field(&name, e.to_string()))?;
            fields.push((name, text));
            continue;
        }
        let file_name = field.file_name().unwrap_or("fil").to_string();
        let mut received = imports::receive(&state.dir)?;
        while let Some(chunk) = field.chunk().await.map_err(&error)? {
            received.write(&chunk)?;
        }
        file = Some((file_name, received));
    }
    Ok((fields, file))
}

/// POST /las-in: stage the file and show the preview.
pub async fn upload(
    State(state): State<AppState>,
    viewer: Viewer,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let user = may_import(&viewer)?;
    let (fields, file) = receive(&state, &mut multipart).await?;
    viewer.check_csrf(get(&fields, "csrf").unwrap_or(""))?;
    let refused = |problems: Vec<String>| -> Result<Response, WebError> {
        Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            start(&state, &viewer, &problems, &fields),
        )
            .into_response())
    };
    let Some(kind) = get(&fields, "slag").and_then(ImportKind::from_slug) else {
        return refused(vec!["Välj vad det är för fil.".into()]);
    };
    let Some((name, received)) = file else {
        return refused(vec!["Välj en fil att läsa in.".into()]);
    };
    let opts = match options(&fields) {
        Ok(o) => o,
        Err(e) => return refused(vec![e.to_string()]),
    };
    let staged = match received.stage(&user, kind, &name) {
        Ok(s) => s,
        Err(e) => return refused(imports::problems(&e)),
    };
    let preview = imports::preview(&state.dir, &user, &staged.token, &opts);
    let (status, body) = match &preview {
        Ok(r) => (
            StatusCode::OK,
            html! {
                h1 { "Förhandsgranskning: " (r.file) }
                p { (kind.swedish()) ". Inget är sparat ännu." }
                (result_lines(r))
                form method="post" action="/las-in/spara" {
                    (csrf(viewer.csrf.as_deref()))
                    input type="hidden" name="fil" value=(staged.token);
                    @if let Some(b) = opts.body { input type="hidden" name="organ" value=(b.0); }
                    @if let Some(p) = &opts.period { input type="hidden" name="period" value=(p); }
                    @if let Some(d) = &opts.date { input type="hidden" name="datum" value=(d); }
                    @if let Some(n) = opts.first_paragraph { input type="hidden" name="forsta_paragraf" value=(n); }
                    button type="submit" name="gor" value="spara" { "Spara" }
                    " "
                    button type="submit" name="gor" value="avbryt" class="secondary" { "Avbryt" }
                }
            },
        ),
        Err(e) => {
            let _ = imports::discard(&state.dir, &user, &staged.token);
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                html! {
                    h1 { "Filen kan inte sparas: " (staged.name) }
                    div class="error-summary" role="alert" tabindex="-1" {
                        h2 { "Det här måste rättas i filen" }
                        ul { @for p in imports::problems(e) { li { (p) } } }
                    }
                    p { "Inget har sparats. Rätta filen och ladda upp den igen." }
                    (form(&state, &viewer, &[], &fields))
                },
            )
        }
    };
    Ok((
        status,
        page("Förhandsgranskning", viewer.user.as_ref(), body),
    )
        .into_response())
}

/// POST /las-in/spara: store the previewed file (or throw it away).
pub async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(fields): Form<Fields>,
) -> Result<Response, WebError> {
    let user = may_import(&viewer)?;
    viewer.check_csrf(get(&fields, "csrf").unwrap_or(""))?;
    let token = get(&fields, "fil").unwrap_or("");
    if get(&fields, "gor") == Some("avbryt") {
        let _ = imports::discard(&state.dir, &user, token);
        return Ok(Redirect::to("/las-in").into_response());
    }
    let opts = options(&fields)?;
    match imports::store(&state.dir, &user, token, &opts) {
        Ok(r) => {
            let (href, what) = match &r.target {
                Some(Target::Meeting(id)) => (format!("/sammantraden/{}", id.0), "sammanträdet"),
                Some(Target::DelegationOrder(v)) => {
                    (format!("/delegation/{v}"), "delegationsordningen")
                }
                Some(Target::DelegationDecisions) => {
                    ("/delegation/beslut".into(), "delegationsbesluten")
                }
                Some(Target::Delegation) => ("/delegation".into(), "delegationsordningen"),
                Some(Target::Unenforced) => ("/ej-verkstallda".into(), "registret"),
                Some(Target::FollowUp) | None => ("/uppfoljning".into(), "uppföljningen"),
            };
            Ok(page(
                "Inläst",
                viewer.user.as_ref(),
                html! {
                    div class="notice" role="status" { h1 { "Sparat: " (r.file) } }
                    (result_lines(&r))
                    p { a href=(href) { "Till " (what) } " · " a href="/las-in" { "Läs in en fil till" } }
                },
            )
            .into_response())
        }
        Err(e)
            if matches!(
                e.downcast_ref::<paragraf_app::Error>(),
                Some(paragraf_app::Error::NotFound(_) | paragraf_app::Error::Forbidden(_))
            ) =>
        {
            Err(WebError::from(e))
        }
        Err(e) => {
            let problems = imports::problems(&e);
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                start(&state, &viewer, &problems, &Vec::new()),
            )
                .into_response())
        }
    }
}
