//! `/admin/installningar`: the municipality's settings (administratör) — name,
//! organisationsnummer, logotyp, diarienummer patterns, public address, förvaringsplats,
//! e-post avsändare. A failed save shows the form again with what was typed and what is
//! wrong, next to the field.

use axum::extract::{Form, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use paragraf_app::accounts::Role;
use paragraf_app::settings::{self, Settings};

use crate::auth::Viewer;
use crate::error::WebError;
use crate::html::{csrf, page};
use crate::workspace::{get, Fields};
use crate::AppState;

const ADMIN: &[Role] = &[Role::Admin];

/// The fields of the form: name, label, hint.
const FIELDS: [(&str, &str, &str); 7] = [
    ("name", "Kommunens namn", "Som det står på protokollen, t.ex. Hagfors kommun."),
    ("org_nr", "Organisationsnummer", "T.ex. 212000-1884."),
    ("public_url", "Publik adress", "Där allmänheten når Paragraf, t.ex. https://paragraf.hagfors.se. Kakor märks Secure när den börjar med https."),
    ("storage_place", "Förvaringsplats för protokollen", "Föreslås när ett protokoll anslås, t.ex. Kommunkansliet."),
    ("mail_from", "E-postavsändare", "Adressen som e-post från Paragraf skickas från."),
    ("dnr_pattern", "Diarienummermönster", "{series}, {year}, {yy}, {seq} eller {seq:6}, {class}. T.ex. {series} {year}-{seq:6} ger SOC 2026-000189."),
    ("default_series", "Diarieserie för nya ärenden", "Används när ingen serie anges, t.ex. KS."),
];

fn value_of(s: &Settings, key: &str) -> String {
    match key {
        "name" => s.name.clone(),
        "org_nr" => s.org_nr.clone().unwrap_or_default(),
        "public_url" => s.public_url.clone().unwrap_or_default(),
        "storage_place" => s.storage_place.clone().unwrap_or_default(),
        "mail_from" => s.mail_from.clone().unwrap_or_default(),
        "dnr_pattern" => s.dnr_pattern.clone(),
        "default_series" => s.default_series.clone().unwrap_or_default(),
        "series_patterns" => s
            .series_patterns
            .iter()
            .map(|(series, p)| format!("{series} = {p}\n"))
            .collect(),
        _ => String::new(),
    }
}

fn view(
    state: &AppState,
    viewer: &Viewer,
    typed: Option<&Fields>,
    error: Option<(Option<String>, String)>,
    saved: Option<&str>,
) -> Markup {
    let current = settings::settings(&state.dir);
    let value = |key: &str| match typed {
        Some(f) => get(f, key).unwrap_or("").to_string(),
        None => value_of(&current, key),
    };
    let wrong = |key: &str| {
        error
            .as_ref()
            .is_some_and(|(f, _)| f.as_deref() == Some(key))
    };
    let has_logo = settings::logo(&state.dir).is_some();
    page(
        "Inställningar",
        viewer.user.as_ref(),
        html! {
            h1 { "Kommunens inställningar" }
            @if let Some(m) = saved { div class="notice" role="status" { p { (m) } } }
            @if let Some((field, message)) = &error {
                div class="error-summary" role="alert" tabindex="-1" {
                    h2 { "Inställningarna kunde inte sparas" }
                    p {
                        @match field {
                            Some(f) => a href={ "#s-" (f) } { (message) },
                            None => (message),
                        }
                    }
                }
            }
            form method="post" action="/admin/installningar" {
                (csrf(viewer.csrf.as_deref()))
                @for (key, label, hint) in FIELDS {
                    div class={ "field" @if wrong(key) { " field-error" } } {
                        label for={ "s-" (key) } { (label) }
                        p class="hint" id={ "s-" (key) "-hint" } { (hint) }
                        @if wrong(key) {
                            @if let Some((_, m)) = &error { p class="error" id={ "s-" (key) "-error" } { (m) } }
                        }
                        input id={ "s-" (key) } name=(key) value=(value(key))
                            aria-describedby={ "s-" (key) "-hint" @if wrong(key) { " s-" (key) "-error" } }
                            aria-invalid=[wrong(key).then_some("true")]
                            required[key == "name" || key == "dnr_pattern"];
                    }
                }
                div class={ "field" @if wrong("series_patterns") { " field-error" } } {
                    label for="s-series_patterns" { "Egna mönster per diarieserie" }
                    p class="hint" id="s-series_patterns-hint" { "En serie per rad: serien, likhetstecken, mönstret. T.ex. SN = {series} {year}/{seq:4}." }
                    @if wrong("series_patterns") {
                        @if let Some((_, m)) = &error { p class="error" id="s-series_patterns-error" { (m) } }
                    }
                    textarea id="s-series_patterns" name="series_patterns" rows="4"
                        aria-describedby={ "s-series_patterns-hint" @if wrong("series_patterns") { " s-series_patterns-error" } } {
                        (value("series_patterns"))
                    }
                }
                div { button type="submit" { "Spara inställningarna" } }
            }
            h2 { "Logotyp" }
            @if has_logo {
                p { img src="/logotyp.png" alt={ "Nuvarande logotyp för " (current.name) } style="max-height:4rem;max-width:100%"; }
            } @else {
                p { "Ingen logotyp ännu." }
            }
            form method="post" action="/admin/installningar/logotyp" enctype="multipart/form-data" {
                (csrf(viewer.csrf.as_deref()))
                div class={ "field" @if wrong("logo") { " field-error" } } {
                    label for="s-logo" { "Ny logotyp (PNG, högst 512 kB)" }
                    @if wrong("logo") {
                        @if let Some((_, m)) = &error { p class="error" id="s-logo-error" { (m) } }
                    }
                    input id="s-logo" name="logo" type="file" accept="image/png" required;
                }
                div { button type="submit" { "Ladda upp logotypen" } }
            }
        },
    )
}

/// `POST /admin/installningar`.
pub async fn settings_save(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    viewer.require(ADMIN)?;
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    let opt = |k: &str| get(&f, k).map(str::to_string);
    let new = settings::parse_series_patterns(get(&f, "series_patterns").unwrap_or("")).map(
        |series_patterns| Settings {
            name: get(&f, "name").unwrap_or("").to_string(),
            org_nr: opt("org_nr"),
            dnr_pattern: get(&f, "dnr_pattern").unwrap_or("").to_string(),
            default_series: opt("default_series"),
            series_patterns,
            public_url: opt("public_url"),
            storage_place: opt("storage_place"),
            mail_from: opt("mail_from"),
        },
    );
    match new.and_then(|n| settings::update(&state.dir, &viewer.actor(), n)) {
        Ok(_) => Ok(Redirect::to("/admin/installningar?sparat=1").into_response()),
        Err(paragraf_app::Error::Invalid { field, message }) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            view(&state, &viewer, Some(&f), Some((field, message)), None),
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/installningar/logotyp` (multipart).
pub async fn logo_upload(
    State(state): State<AppState>,
    viewer: Viewer,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, WebError> {
    viewer.require(ADMIN)?;
    let (fields, file) = crate::workspace::read_multipart(&state, &mut multipart, "logo").await?;
    viewer.check_csrf(get(&fields, "csrf").unwrap_or(""))?;
    let bytes = file.unwrap_or_default();
    match settings::set_logo(&state.dir, &viewer.actor(), &bytes) {
        Ok(()) => Ok(Redirect::to("/admin/installningar?sparat=1").into_response()),
        Err(paragraf_app::Error::Invalid { field, message }) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            view(&state, &viewer, None, Some((field, message)), None),
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

/// `GET /logotyp.png`: the municipality's logo (public; 404 when there is none).
pub async fn logo(State(state): State<AppState>) -> Result<Response, WebError> {
    let bytes = settings::logo(&state.dir).ok_or_else(|| WebError::NotFound("logotypen".into()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        bytes,
    )
        .into_response())
}

/// `GET /admin/installningar` (with `?sparat=1` after a save).
pub async fn settings_page(
    State(state): State<AppState>,
    viewer: Viewer,
    axum::extract::Query(q): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Result<Markup, WebError> {
    viewer.require(ADMIN)?;
    let saved = q.contains_key("sparat").then_some("Sparat.");
    Ok(view(&state, &viewer, None, None, saved))
}
