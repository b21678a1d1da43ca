//! Administration of accounts (administratör) and one's own password. Plain forms: a failed
//! save shows the form again with what was typed and what is wrong, next to the field.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use paragraf_app::accounts::{self, NewUser, Role, User};
use paragraf_core::ids::{BodyId, PersonId};

use crate::auth::Viewer;
use crate::error::WebError;
use crate::html::{csrf, page};
use crate::workspace::{get, Fields};
use crate::AppState;

const ADMIN: &[Role] = &[Role::Admin];

/// The roles offered, with the words the app reads.
const ROLES: [(&str, &str); 7] = [
    (
        "administratör",
        "Administratör: konton, och allt i sina organ",
    ),
    (
        "nämndsekreterare",
        "Nämndsekreterare: diariet och sammanträdena",
    ),
    ("handläggare", "Handläggare: ärenden och handlingar"),
    (
        "förvaltningschef",
        "Förvaltningschef: som handläggare, och godkänner tjänsteskrivelser",
    ),
    (
        "ledamot/ersättare",
        "Ledamot/ersättare: läser handlingar, justerar",
    ),
    (
        "registrator",
        "Registrator: diarieför ärenden och handlingar",
    ),
    (
        "läsare",
        "Läsare: läser diariets offentliga uppgifter, ändrar inget",
    ),
];

/// A field as typed, spaces and all (passwords are not trimmed), or "".
fn raw<'a>(f: &'a Fields, key: &str) -> &'a str {
    f.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// What was typed into the new-account form, and what went wrong.
#[derive(Default)]
struct Typed<'a> {
    fields: Option<&'a Fields>,
    error: Option<(Option<String>, String)>,
}

impl Typed<'_> {
    fn value(&self, key: &str) -> String {
        self.fields
            .and_then(|f| get(f, key))
            .unwrap_or("")
            .to_string()
    }
    fn has(&self, key: &str, value: &str) -> bool {
        self.fields
            .is_some_and(|f| f.iter().any(|(k, v)| k == key && v == value))
    }
    fn wrong(&self, key: &str) -> bool {
        self.error
            .as_ref()
            .is_some_and(|(f, _)| f.as_deref() == Some(key))
    }
}

fn error_summary(typed: &Typed) -> Markup {
    html! {
        @if let Some((field, message)) = &typed.error {
            div class="error-summary" role="alert" tabindex="-1" {
                h2 { "Kontot kunde inte sparas" }
                p {
                    @match field {
                        Some(f) => a href={ "#u-" (f) } { (message) },
                        None => (message),
                    }
                }
            }
        }
    }
}

fn users_view(state: &AppState, viewer: &Viewer, typed: Typed) -> Result<Markup, WebError> {
    let me = viewer.require(ADMIN)?;
    let users = accounts::users(&state.dir)?;
    let bodies = state.dir.bodies()?;
    let persons = state.dir.persons()?;
    let body_name = |b: &BodyId| state.dir.body_name(*b);
    // With single sign-on an account may have no local password: the fields may be left
    // empty.
    let sso = state.dir.config().sso.is_some();
    let input = |key: &str, label: &str, kind: &str, auto: &str| {
        let id = format!("u-{key}");
        let wrong = typed.wrong(key);
        html! {
            div class="field" {
                label for=(id) { (label) }
                @if wrong { p class="field-error" id={ (id) "-fel" } { (typed.error.as_ref().map(|e| e.1.as_str()).unwrap_or("")) } }
                @if kind == "password" {
                    input id=(id) name=(key) type="password" autocomplete=(auto) required[!sso]
                        aria-invalid=[wrong.then_some("true")] aria-describedby=[wrong.then(|| format!("{id}-fel"))];
                } @else {
                    input id=(id) name=(key) type=(kind) autocomplete=(auto) required value=(typed.value(key))
                        aria-invalid=[wrong.then_some("true")] aria-describedby=[wrong.then(|| format!("{id}-fel"))];
                }
            }
        }
    };
    Ok(page(
        "Konton",
        Some(me),
        html! {
            h1 { "Konton" }
            (error_summary(&typed))
            div class="table-wrap" role="region" aria-label="Alla konton" tabindex="0" {
                table {
                    caption { "Alla konton" }
                    thead { tr {
                        th scope="col" { "Inloggning" } th scope="col" { "Namn" } th scope="col" { "Roll" }
                        th scope="col" { "Organ" } th scope="col" { "Senast inloggad" } th scope="col" { "Status" }
                    } }
                    tbody { @for u in &users { tr {
                        td { (u.username) }
                        td { (u.name) }
                        td { (u.role.swedish()) }
                        td { (u.bodies.iter().map(body_name).collect::<Vec<_>>().join(", ")) }
                        td { (u.last_login.clone().unwrap_or_else(|| "aldrig".into())) }
                        td {
                            @if u.disabled { "stängt " } @else { "öppet " }
                            @if u.id != me.id {
                                form method="post" action={ "/admin/konton/" (u.username) (if u.disabled { "/oppna" } else { "/stang" }) } {
                                    (csrf(viewer.csrf.as_deref()))
                                    button type="submit" { @if u.disabled { "Öppna " } @else { "Stäng " } span class="visually-hidden" { (u.username) } }
                                }
                            }
                            a href={ "/admin/konton/" (u.username) } { "Ändra " span class="visually-hidden" { (u.username) } }
                        }
                    } } }
                }
            }
            h2 { "Nytt konto" }
            form method="post" action="/admin/konton" {
                (csrf(viewer.csrf.as_deref()))
                (input("username", "Inloggningsnamn", "text", "off"))
                (input("name", "Namn", "text", "off"))
                fieldset {
                    legend { "Roll" }
                    @for (word, text) in ROLES {
                        div { label {
                            input type="radio" name="role" value=(word) required checked[typed.has("role", word)];
                            " " (text)
                        } }
                    }
                }
                fieldset id="u-body" {
                    legend { "Organ som rollen gäller i" }
                    @if typed.wrong("body") { p class="field-error" { (typed.error.as_ref().map(|e| e.1.as_str()).unwrap_or("")) } }
                    @for b in &bodies {
                        div { label {
                            input type="checkbox" name="body" value=(b.id) checked[typed.has("body", &b.id.to_string())];
                            " " (b.name)
                        } }
                    }
                }
                div class="field" {
                    label for="u-person" { "Person i organisationen (för den som justerar)" }
                    select id="u-person" name="person" {
                        option value="" { "Ingen" }
                        @for p in &persons {
                            option value=(p.id) selected[typed.has("person", &p.id.to_string())] { (p.name) }
                        }
                    }
                }
                @if sso {
                    p class="hint" { "Lämna lösenordet tomt för ett konto som bara loggar in via identitetsleverantören." }
                }
                (input("password", "Lösenord (minst 10 tecken)", "password", "new-password"))
                (input("again", "Samma lösenord igen", "password", "new-password"))
                div { button type="submit" { "Skapa kontot" } }
            }
        },
    ))
}

/// `GET /admin/konton`: every account, and a form for a new one.
pub async fn users_page(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, WebError> {
    users_view(&state, &viewer, Typed::default())
}

fn bodies_of(f: &Fields) -> Result<Vec<BodyId>, WebError> {
    f.iter()
        .filter(|(k, v)| k == "body" && !v.trim().is_empty())
        .map(|(_, v)| {
            v.trim()
                .parse::<i64>()
                .map(BodyId)
                .map_err(|_| WebError::field("body", "ogiltigt organ"))
        })
        .collect()
}

fn create(state: &AppState, viewer: &Viewer, f: &Fields) -> Result<User, WebError> {
    if raw(f, "password") != raw(f, "again") {
        return Err(WebError::field("again", "lösenorden är inte lika"));
    }
    let role = accounts::parse_role(get(f, "role").unwrap_or(""))?;
    let person = get(f, "person")
        .map(|p| {
            p.parse::<i64>()
                .map(PersonId)
                .map_err(|_| WebError::field("person", "ogiltig person"))
        })
        .transpose()?;
    Ok(accounts::create_user(
        &state.dir,
        &viewer.actor(),
        NewUser {
            username: get(f, "username").unwrap_or("").to_string(),
            name: get(f, "name").unwrap_or("").to_string(),
            password: raw(f, "password").to_string(),
            role,
            bodies: bodies_of(f)?,
            person,
            // The administrator chose it: the user chooses their own at the first login.
            must_change_password: true,
        },
    )?)
}

/// `POST /admin/konton`: a new account; on a refusal the form again with what was typed
/// (never the passwords).
pub async fn user_create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    viewer.require(ADMIN)?;
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    match create(&state, &viewer, &f) {
        Ok(_) => Ok(Redirect::to("/admin/konton").into_response()),
        Err(e @ (WebError::BadInput { .. } | WebError::Rule(_) | WebError::NotFound(_))) => {
            let status = e.status();
            let field = match &e {
                WebError::BadInput { field, .. } => field.clone(),
                _ => None,
            };
            let typed = Typed {
                fields: Some(&f),
                error: Some((field, e.to_string())),
            };
            Ok((status, users_view(&state, &viewer, typed)?).into_response())
        }
        Err(e) => Err(e),
    }
}

fn one_view(state: &AppState, viewer: &Viewer, username: &str) -> Result<Markup, WebError> {
    let me = viewer.require(ADMIN)?;
    let u = accounts::user_by_name(&state.dir, username)?
        .ok_or_else(|| WebError::NotFound(format!("kontot {username}")))?;
    let bodies = state.dir.bodies()?;
    let sessions = accounts::sessions(&state.dir, &u.username, chrono::Utc::now())?;
    let action = |what: &str| format!("/admin/konton/{}/{what}", u.username);
    Ok(page(
        &format!("Kontot {}", u.username),
        Some(me),
        html! {
            h1 { "Kontot " (u.username) " (" (u.name) ")" }
            p { "Roll: " (u.role.swedish()) ". " @if u.disabled { "Kontot är stängt. " }
                @if u.must_change_password { "Användaren ska välja ett eget lösenord vid nästa inloggning. " }
                "Senast inloggad: " (u.last_login.clone().unwrap_or_else(|| "aldrig".into())) "." }
            h2 { "Sessioner" }
            @if sessions.is_empty() { p { "Inga aktiva sessioner." } } @else {
                p { (sessions.len()) " aktiva sessioner, den sista gäller till " (sessions.last().cloned().unwrap_or_default()) "." }
                form method="post" action=(action("avsluta")) {
                    (csrf(viewer.csrf.as_deref()))
                    button type="submit" { "Avsluta alla sessioner" }
                }
            }
            h2 { "Roll och organ" }
            form method="post" action=(action("roll")) {
                (csrf(viewer.csrf.as_deref()))
                fieldset {
                    legend { "Roll" }
                    @for (word, text) in ROLES {
                        div { label {
                            input type="radio" name="role" value=(word) required checked[u.role.swedish() == word];
                            " " (text)
                        } }
                    }
                }
                fieldset {
                    legend { "Organ som rollen gäller i" }
                    @for b in &bodies {
                        div { label {
                            input type="checkbox" name="body" value=(b.id) checked[u.bodies.contains(&b.id)];
                            " " (b.name)
                        } }
                    }
                }
                div { button type="submit" { "Spara roll och organ" } }
            }
            h2 { "Nytt lösenord" }
            p { "Kontots sessioner avslutas; ge lösenordet till användaren på ett säkert sätt." }
            form method="post" action=(action("losenord")) {
                (csrf(viewer.csrf.as_deref()))
                div class="field" {
                    label for="n-password" { "Nytt lösenord (minst 10 tecken)" }
                    input id="n-password" name="password" type="password" autocomplete="new-password" required;
                }
                div { button type="submit" { "Sätt nytt lösenord" } }
            }
            p { a href="/admin/konton" { "Alla konton" } }
        },
    ))
}

/// `GET /admin/konton/{username}`.
pub async fn user_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(username): Path<String>,
) -> Result<Markup, WebError> {
    one_view(&state, &viewer, &username)
}

/// `POST /admin/konton/{username}/{stang|oppna|avsluta|roll|losenord}`.
pub async fn user_action(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((username, action)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    let me = viewer.require(ADMIN)?.clone();
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    let actor = viewer.actor();
    match action.as_str() {
        "stang" | "oppna" => {
            if username == me.username {
                return Err(WebError::Rule("du kan inte stänga ditt eget konto".into()));
            }
            accounts::set_disabled(&state.dir, &actor, &username, action == "stang")?;
            Ok(Redirect::to("/admin/konton").into_response())
        }
        "avsluta" => {
            accounts::end_sessions(&state.dir, &actor, &username)?;
            Ok(Redirect::to(&format!("/admin/konton/{username}")).into_response())
        }
        "roll" => {
            let role = accounts::parse_role(get(&f, "role").unwrap_or(""))?;
            accounts::set_role(&state.dir, &actor, &username, role, &bodies_of(&f)?)?;
            Ok(Redirect::to(&format!("/admin/konton/{username}")).into_response())
        }
        "losenord" => {
            accounts::reset_password(&state.dir, &actor, &username, raw(&f, "password"))?;
            Ok(Redirect::to(&format!("/admin/konton/{username}")).into_response())
        }
        _ => Err(WebError::NotFound(format!("åtgärden {action}"))),
    }
}

fn password_view(
    viewer: &Viewer,
    message: Option<(Option<String>, String)>,
) -> Result<Markup, WebError> {
    let me = viewer.logged_in()?;
    let wrong = |k: &str| {
        message
            .as_ref()
            .is_some_and(|(f, _)| f.as_deref() == Some(k))
    };
    let field = |key: &str, label: &str, auto: &str| {
        html! {
            div class="field" {
                label for={ "p-" (key) } { (label) }
                input id={ "p-" (key) } name=(key) type="password" autocomplete=(auto) required
                    aria-invalid=[wrong(key).then_some("true")];
            }
        }
    };
    Ok(page(
        "Byt lösenord",
        Some(me),
        html! {
            h1 { "Byt lösenord" }
            @if let Some((field, text)) = &message {
                div class="error-summary" role="alert" {
                    p { @match field { Some(f) => a href={ "#p-" (f) } { (text) }, None => (text) } }
                }
            }
            form method="post" action="/konto/losenord" {
                (csrf(viewer.csrf.as_deref()))
                (field("current", "Nuvarande lösenord", "current-password"))
                (field("new", "Nytt lösenord (minst 10 tecken)", "new-password"))
                (field("again", "Samma nya lösenord igen", "new-password"))
                div { button type="submit" { "Byt lösenord" } }
            }
        },
    ))
}

/// `GET /konto/losenord`.
pub async fn password_page(viewer: Viewer) -> Result<Markup, WebError> {
    password_view(&viewer, None)
}

/// `POST /konto/losenord`: the user's own new password (the current one first).
pub async fn password_change(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    let me = viewer.logged_in()?.clone();
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    match accounts::change_own_password(
        &state.dir,
        &me,
        raw(&f, "current"),
        raw(&f, "new"),
        raw(&f, "again"),
    ) {
        Ok(()) => Ok(Redirect::to("/logga-in").into_response()),
        Err(e) => {
            let e = WebError::from(e);
            let field = match &e {
                WebError::BadInput { field, .. } => field.clone(),
                _ => None,
            };
            let status = e.status();
            if status.is_server_error() {
                return Err(e);
            }
            Ok((
                status,
                password_view(&viewer, Some((field, e.to_string())))?,
            )
                .into_response())
        }
    }
}
