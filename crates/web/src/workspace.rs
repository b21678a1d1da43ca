//! The secretary workspace: log in, the registry, meetings through their cycle, approval
//! from one's own login, and the audit log. Plain HTML forms (no JavaScript needed); every
//! POST carries the session's CSRF token; every change is written to the audit log.

use std::collections::HashMap;

use axum::extract::{Form, Multipart, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use paragraf_app::accounts::Role;
use paragraf_app::meeting::agenda::{place_report, AgendaReport};
use paragraf_app::meeting::cycle;
use paragraf_app::registry;
use paragraf_core::ids::{BodyId, CaseId, MeetingId, PersonId};
use paragraf_core::meeting::{AttendanceRole, Attendee, Meeting, MeetingState, ScheduleSlot};
use paragraf_core::minutes::{Ballot, Choice, Decision, Disposition, SignerRole};
use paragraf_core::org::MembershipRole;
use paragraf_core::publication::Publication;
use paragraf_core::registry::{CaseStatus, Direction, DocumentType, Review, Secrecy};
use serde_json::json;

use crate::auth::{login, logout_cookie, ClientAddress, Login, Viewer};
use crate::error::WebError;
use crate::html::{csrf, page};
use crate::public::{names, paragraph_html};
use crate::AppState;

pub(crate) type Fields = Vec<(String, String)>;

pub(crate) fn get<'a>(f: &'a Fields, key: &str) -> Option<&'a str> {
    f.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.trim().is_empty())
}

fn all<'a>(f: &'a Fields, key: &str) -> Vec<&'a str> {
    f.iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.trim().is_empty())
        .collect()
}

fn required<'a>(f: &'a Fields, key: &str, what: &str) -> Result<&'a str, WebError> {
    get(f, key).ok_or_else(|| WebError::field(key, format!("{what} saknas")))
}

fn audit(
    state: &AppState,
    viewer: &Viewer,
    action: &str,
    entity: &str,
    id: impl ToString,
    after: serde_json::Value,
) {
    crate::audit::record(state, viewer, action, entity, id, None, Some(after));
}

pub(crate) use paragraf_app::access::{
    may_handle_case, may_open_files, may_see_case, REGISTRY_READERS, SECRETARY, STAFF,
};

/// The case `id` if `viewer` may see it (403 otherwise); with `change`, if they may handle it.
fn case_for(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    change: bool,
) -> Result<paragraf_core::ids::Record<CaseId, paragraf_core::registry::Case>, WebError> {
    let user = viewer.require(REGISTRY_READERS)?;
    let c = state.dir.case(CaseId(id))?;
    let ok = if change {
        may_handle_case(user, &c)
    } else {
        may_see_case(user, &c)
    };
    if ok {
        Ok(c)
    } else {
        Err(WebError::Forbidden(
            "ärendet hör till ett organ som du inte arbetar i".into(),
        ))
    }
}

pub async fn login_form(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, WebError> {
    if paragraf_app::accounts::users(&state.dir)?.is_empty() {
        return Ok(no_accounts_page());
    }
    Ok(login_page(&state, &viewer, None))
}

/// An installation without accounts: nobody can log in, and the page says so and why.
fn no_accounts_page() -> Markup {
    page(
        "Logga in",
        None,
        html! {
            h1 { "Logga in" }
            div class="notice" role="status" {
                p { "Det finns inga konton i den här installationen ännu, så ingen kan logga in." }
                p { "Den som installerade Paragraf skapar den första administratören; den skapar sedan konton för de andra under Konton." }
            }
        },
    )
}

/// The login page: the identity provider's button when single sign-on is configured, the
/// password form unless local passwords are turned off.
pub(crate) fn login_page(state: &AppState, viewer: &Viewer, error: Option<&str>) -> Markup {
    let config = state.dir.config();
    let sso = config.sso.as_ref();
    let passwords = paragraf_app::sso::local_passwords(&state.dir);
    page(
        "Logga in",
        viewer.user.as_ref(),
        html! {
            h1 { "Logga in" }
            @if let Some(e) = error { p class="error" role="alert" { (e) } }
            @if let Some(sso) = sso {
                form method="get" action="/logga-in/sso" {
                    div { button type="submit" { (sso.label()) } }
                }
            }
            @if passwords {
                @if sso.is_some() { h2 { "Med användarnamn och lösenord" } }
                form method="post" action="/logga-in" {
                    label for="username" { "Användarnamn" }
                    input id="username" name="username" autocomplete="username" required;
                    label for="password" { "Lösenord" }
                    input id="password" name="password" type="password" autocomplete="current-password" required;
                    div { button type="submit" { "Logga in" } }
                }
            }
        },
    )
}

pub async fn login_submit(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientAddress(address): ClientAddress,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    let user = get(&f, "username").unwrap_or("");
    let password = get(&f, "password").unwrap_or("");
    Ok(match login(&state, user, password, &address).await? {
        Login::Ok(cookie) => {
            audit(&state, &viewer, "logga-in", "användare", user, json!(null));
            (
                [(header::SET_COOKIE, cookie)],
                Redirect::to("/sammantraden"),
            )
                .into_response()
        }
        // Only a failed login asks whether there are accounts at all.
        Login::Wrong if paragraf_app::accounts::users(&state.dir)?.is_empty() => {
            (StatusCode::FORBIDDEN, no_accounts_page()).into_response()
        }
        Login::Wrong => (
            StatusCode::UNAUTHORIZED,
            login_page(&state, &viewer, Some("Fel användarnamn eller lösenord.")),
        )
            .into_response(),
        Login::PasswordsOff => (
            StatusCode::FORBIDDEN,
            login_page(
                &state,
                &viewer,
                Some("Inloggning med lösenord är avstängd här: logga in via kommunens identitetsleverantör."),
            ),
        )
            .into_response(),
        Login::Wait(seconds) => (
            axum::http::StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, seconds.to_string())],
            login_page(
                &state,
                &viewer,
                Some(&format!(
                    "För många misslyckade inloggningar. Vänta {seconds} sekunder och försök igen."
                )),
            ),
        )
            .into_response(),
    })
}

pub async fn logout(State(state): State<AppState>, viewer: Viewer) -> Result<Response, WebError> {
    if let Some(h) = &viewer.session_hash {
        paragraf_app::accounts::end_session(&state.dir, h)?;
    }
    Ok(([(header::SET_COOKIE, logout_cookie())], Redirect::to("/")).into_response())
}

pub async fn cases(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Markup, WebError> {
    let user = viewer.require(REGISTRY_READERS)?.clone();
    let registers = STAFF.contains(&user.role);
    let store = &state.dir;
    let term = q
        .get("q")
        .map(|s| s.trim().to_lowercase())
        .unwrap_or_default();
    let list: Vec<_> = store
        .cases()?
        .into_iter()
        .filter(|c| may_see_case(&user, c))
        .filter(|c| {
            term.is_empty()
                || c.title.to_lowercase().contains(&term)
                || c.dnr.to_string().to_lowercase().contains(&term)
        })
        .collect();
    let bodies: Vec<_> = store
        .bodies()?
        .into_iter()
        .filter(|b| user.bodies.contains(&b.id))
        .collect();
    Ok(page(
        "Ärenden",
        viewer.user.as_ref(),
        html! {
            h1 { "Ärenden" }
            form method="get" action="/arenden" role="search" {
                label for="q" { "Sök på diarienummer eller ärendemening" }
                input id="q" name="q" value=(term);
                button type="submit" { "Sök" }
            }
            table class="filterable" {
                thead { tr { th scope="col" { "Dnr" } th scope="col" { "Ärende" } th scope="col" { "Status" } th scope="col" { "Registrerat" } } }
                tbody { @for c in &list { tr {
                    td { a href={ "/arenden/" (c.id) } { (c.dnr.to_string()) } }
                    td { (c.title) @if c.secrecy.is_secret() { " (sekretess)" } }
                    td { (c.status.swedish()) }
                    td { (c.registered) }
                } } }
            }
            @if registers {
                h2 { "Registrera ärende" }
                form method="post" action="/arenden" {
                    (csrf(viewer.csrf.as_deref()))
                    label for="title" { "Ärendemening" }
                    input id="title" name="title" required size="60";
                    label for="body" { "Ansvarigt organ" }
                    select id="body" name="body" { option value="" { "–" } @for b in &bodies { option value=(b.id) { (b.name) } } }
                    label { input type="checkbox" name="secret" value="1"; " Enskilt ärende (sekretess enligt OSL 26 kap. 1 §)" }
                    div { button type="submit" { "Registrera" } }
                }
            }
        },
    ))
}

pub async fn case_create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    viewer.require(STAFF)?;
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    let body = get(&f, "body")
        .map(|b| {
            b.parse::<i64>()
                .map(BodyId)
                .map_err(|_| WebError::field("body", "ogiltigt organ"))
        })
        .transpose()?;
    viewer.require_in(STAFF, body)?;
    let c = registry::register_case(
        &state.dir,
        registry::RegisterCase {
            title: required(&f, "title", "ärendemening")?.to_string(),
            series: None,
            class: None,
            body,
            secret: get(&f, "secret").is_some(),
            date: state.today(),
            handler: Some(viewer.actor()),
        },
    )?;
    audit(&state, &viewer, "skapa", "ärende", c.id, json!(c.value));
    Ok(Redirect::to(&format!("/arenden/{}", c.id)).into_response())
}

pub async fn case_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Result<Markup, WebError> {
    let c = case_for(&state, &viewer, id, false)?;
    let user = viewer.logged_in()?;
    // What the rules refuse is not offered: the forms only to those who may handle the
    // case, the files only to the registry's staff.
    let handles = may_handle_case(user, &c);
    let opens_files = may_open_files(user, &c);
    let store = &state.dir;
    if c.secrecy.is_secret() {
        audit(
            &state,
            &viewer,
            "läsa-sekretess",
            "ärende",
            c.id,
            json!(null),
        );
    }
    let docs = store.documents(c.id)?;
    let token = viewer.csrf.clone();
    Ok(page(
        &c.dnr.to_string(),
        viewer.user.as_ref(),
        html! {
            h1 { (c.dnr.to_string()) " " (c.title) }
            p { "Status: " (c.status.swedish()) ". Registrerat " (c.registered) "." @if let Some(g) = c.secrecy.ground() { " Sekretess: " (g) "." } }
            @if handles { p { a href={ "/arenden/" (id) "/tjansteskrivelse" } { "Tjänsteskrivelse: skriv, se versioner, godkänn" } } }
            @let expedited = paragraf_app::mail::expedited_for_case(&state.dir, user, c.id).unwrap_or_default();
            @if !expedited.is_empty() {
                h2 { "Expedierat" }
                ul { @for (m, n, d) in &expedited { li {
                    a href={ "/sammantraden/" (m) } { "§ " (n) } ": " (d.recipient) " (" (d.method.word()) @if let Some(a) = &d.address { ", " (a) } "): " (d.status.word())
                    @if let Some(t) = &d.sent { " " (crate::html::stamp(t)) }
                } } }
            }
            h2 { "Handlingar" }
            table {
                thead { tr { th scope="col" { "Nr" } th scope="col" { "Datum" } th scope="col" { "Typ" } th scope="col" { "Rubrik" } th scope="col" { "Avsändare/mottagare" } th scope="col" { "Fil" } th scope="col" { "Offentlighet" } } }
                tbody { @for d in &docs { tr {
                    @let readable = paragraf_app::access::may_read_document(user, &c, d);
                    td { (d.number) } td { (d.date) } td { (d.kind.swedish()) }
                    td { @if readable { (d.title) } @else { (paragraf_core::registry::SECRET_DOCUMENT) } }
                    td { @if readable { (d.counterpart.clone().unwrap_or_default()) } }
                    td { @if d.file.is_some() && opens_files && readable { a href={ "/arenden/" (c.id) "/handlingar/" (d.number) } { "PDF" } } }
                    td {
                        (d.review.map_or("ej prövad", Review::swedish))
                        @if handles && d.file.is_some() {
                            form method="post" action={ "/arenden/" (c.id) "/handlingar/" (d.number) "/provning" } class="inline" {
                                (csrf(token.as_deref()))
                                @if d.may_review(&c, Review::Public).is_ok() && d.review != Some(Review::Public) {
                                    button type="submit" name="review" value="public" { "Får publiceras" }
                                }
                                @if d.review != Some(Review::Secret) {
                                    button type="submit" name="review" value="secret" { "Sekretess" }
                                }
                                @if d.review.is_some() {
                                    button type="submit" name="review" value="" { "Ångra prövningen" }
                                }
                            }
                        }
                    }
                } } }
            }
            @if handles {
            h2 { "Registrera handling" }
            form method="post" action={ "/arenden/" (c.id) "/handlingar" } enctype="multipart/form-data" {
                (csrf(token.as_deref()))
                label for="d-kind" { "Typ" }
                select id="d-kind" name="kind" { @for k in DocumentType::ALL { option value=(k.swedish()) { (k.swedish()) } } }
                label for="d-title" { "Rubrik" } input id="d-title" name="title" required size="50";
                label for="d-date" { "Datum" } input id="d-date" name="date" type="date" required value=(state.today());
                label for="d-dir" { "Riktning" }
                select id="d-dir" name="direction" { option value="internal" { "upprättad" } option value="incoming" { "inkommande" } option value="outgoing" { "utgående" } }
                label for="d-cp" { "Avsändare eller mottagare" } input id="d-cp" name="counterpart" size="40";
                label { input type="checkbox" name="secret" value="1"; " Handlingen omfattas av sekretess (OSL 26 kap. 1 §): den skickas bara till dem som har rätt att läsa den och publiceras aldrig" }
                label for="d-file" { "PDF-fil" } input id="d-file" name="file" type="file" accept="application/pdf";
                div { button type="submit" { "Registrera handling" } }
            }
            h2 { "Ändra ärendet" }
            form method="post" action={ "/arenden/" (c.id) } {
                (csrf(token.as_deref()))
                label for="e-title" { "Ärendemening" } input id="e-title" name="title" required size="60" value=(c.title);
                label for="e-status" { "Status" }
                select id="e-status" name="status" { @for st in [CaseStatus::Open, CaseStatus::Decided, CaseStatus::Closed] { option value=(st.swedish()) selected[st == c.status] { (st.swedish()) } } }
                label for="e-handler" { "Handläggare" } input id="e-handler" name="handler" value=(c.handler.clone().unwrap_or_default());
                div { button type="submit" { "Spara" } }
            }
            }
        },
    ))
}

/// `POST /arenden/{id}/handlingar/{number}/provning`: the sekretessprövning of a handling
/// for the public ("public", "secret", or empty to take it back).
pub async fn document_review(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, number)): Path<(i64, u32)>,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    let c = case_for(&state, &viewer, id, true)?;
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    let review = match get(&f, "review").unwrap_or("") {
        "" => None,
        r => Some(Review::parse(r).ok_or_else(|| WebError::field("review", "okänd prövning"))?),
    };
    registry::review_document(&state.dir, viewer.logged_in()?, c.id, number, review)?;
    Ok(Redirect::to(&format!("/arenden/{id}")).into_response())
}

pub async fn case_edit(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    let before = case_for(&state, &viewer, id, true)?;
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    let status = CaseStatus::from_swedish(required(&f, "status", "status")?)
        .ok_or_else(|| WebError::field("status", "okänd status"))?;
    let (before, after) = registry::update_case(
        &state.dir,
        before.id,
        required(&f, "title", "ärendemening")?,
        status,
        get(&f, "handler"),
    )?;
    crate::audit::record(
        &state,
        &viewer,
        "ändra",
        "ärende",
        id,
        Some(json!(before.value)),
        Some(json!(after.value)),
    );
    Ok(Redirect::to(&format!("/arenden/{id}")).into_response())
}

/// A multipart form: its text fields, and the bytes of the file field `file_field` (none
/// when no file was chosen). Larger than the upload limit: 413 with the limit named.
pub(crate) async fn read_multipart(
    state: &AppState,
    multipart: &mut Multipart,
    file_field: &str,
) -> Result<(Fields, Option<Vec<u8>>), WebError> {
    let (fields, file) = read_multipart_named(state, multipart, file_field).await?;
    Ok((fields, file.map(|(_, bytes)| bytes)))
}

/// [`read_multipart`], with the file's name as the browser sent it.
/// What a multipart form that cannot be read is: too large for `limit`, or broken (named
/// at `file_field`).
pub(crate) fn multipart_error(
    limit: usize,
    file_field: &str,
) -> impl Fn(axum::extract::multipart::MultipartError) -> WebError + '_ {
    move |e| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            WebError::TooLarge(format!(
                "filen är större än de {} MB som tas emot",
                limit >> 20
            ))
        } else {
            WebError::field(
                file_field,
                format!("formuläret kunde inte läsas: {}", e.body_text()),
            )
        }
    }
}

pub(crate) async fn read_multipart_named(
    state: &AppState,
    multipart: &mut Multipart,
    file_field: &str,
) -> Result<(Fields, Option<(String, Vec<u8>)>), WebError> {
    let too_large = multipart_error(state.dir.config().server.upload_limit(), file_field);
    let mut fields: Fields = Vec::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart.next_field().await.map_err(&too_large)? {
        let name = field.name().unwrap_or("").to_string();
        if name == file_field {
            let file_name = field.file_name().unwrap_or("fil").to_string();
            let bytes = field.bytes().await.map_err(&too_large)?;
            if !bytes.is_empty() {
                file = Some((file_name, bytes.to_vec()));
            }
        } else {
            let text = field
                .text()
                .await
                .map_err(|e| WebError::field(&name, e.to_string()))?;
            fields.push((name, text));
        }
    }
    Ok((fields, file))
}

/// Registers a handling, with an uploaded PDF kept under the data directory's `files/`.
pub async fn document_upload(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let case = case_for(&state, &viewer, id, true)?;
    let (fields, file) = read_multipart(&state, &mut multipart, "file").await?;
    viewer.check_csrf(get(&fields, "csrf").unwrap_or(""))?;
    let kind = DocumentType::from_swedish(required(&fields, "kind", "typ")?)
        .ok_or_else(|| WebError::field("kind", "okänd handlingstyp"))?;
    let date = required(&fields, "date", "datum")?
        .parse()
        .map_err(|_| WebError::field("date", "ogiltigt datum"))?;
    let direction = match get(&fields, "direction") {
        Some("incoming") => Direction::Incoming,
        Some("outgoing") => Direction::Outgoing,
        _ => Direction::Internal,
    };
    let rec = registry::add_document(
        &state.dir,
        case.id,
        registry::AddDocument {
            kind,
            title: required(&fields, "title", "rubrik")?.to_string(),
            date,
            direction,
            counterpart: get(&fields, "counterpart").map(String::from),
            pdf: file,
            file: None,
            secret: get(&fields, "secret").is_some(),
        },
    )?;
    audit(
        &state,
        &viewer,
        "skapa",
        "handling",
        format!("{}/{}", case.dnr, rec.number),
        json!(rec.value),
    );
    Ok(Redirect::to(&format!("/arenden/{id}")).into_response())
}

/// The stored PDF of a handling.
pub async fn document_file(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, number)): Path<(i64, u32)>,
) -> Result<Response, WebError> {
    let case = case_for(&state, &viewer, id, false)?;
    if !may_open_files(viewer.logged_in()?, &case) {
        return Err(WebError::Forbidden(
            "handlingens innehåll lämnas ut av registratorn efter sekretessprövning".into(),
        ));
    }
    let (doc, bytes) = registry::document_file(&state.dir, case.id, number)?;
    if !paragraf_app::access::may_read_document(viewer.logged_in()?, &case, &doc) {
        return Err(WebError::Forbidden(
            "handlingen omfattas av sekretess och hör till ett organ som du inte arbetar i".into(),
        ));
    }
    if doc.is_secret(&case) {
        audit(
            &state,
            &viewer,
            "läsa-sekretess",
            "handling",
            format!("{}/{number}", case.dnr),
            json!(null),
        );
    }
    Ok(crate::public::pdf(bytes, &format!("handling-{number}.pdf")))
}

pub async fn meetings(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, WebError> {
    meetings_view(&state, &viewer, None)
}

/// The workspace's list of meetings; `refused` is a failed form with what was typed.
fn meetings_view(
    state: &AppState,
    viewer: &Viewer,
    refused: Option<(&Fields, String)>,
) -> Result<Markup, WebError> {
    let user = viewer.logged_in()?;
    let typed = |k: &str| {
        refused
            .as_ref()
            .and_then(|(f, _)| get(f, k))
            .unwrap_or("")
            .to_string()
    };
    let store = &state.dir;
    let bodies: Vec<_> = store
        .bodies()?
        .into_iter()
        .filter(|b| viewer.can_read_body(b.id))
        .collect();
    let list: Vec<_> = store
        .meetings()?
        .into_iter()
        .filter(|m| viewer.can_read_body(m.body))
        .collect();
    let secretary = SECRETARY.contains(&user.role);
    let tasks = paragraf_app::meeting::tasks::tasks(store, user, state.today())?;
    Ok(page(
        "Arbetsyta",
        viewer.user.as_ref(),
        html! {
            h1 { "Sammanträden" }
            @if !tasks.is_empty() {
                h2 { "Att göra" }
                ul class="tasks" {
                    @for t in &tasks {
                        li {
                            a href={ "/sammantraden/" (t.meeting) } { (t.body) " " (t.date) }
                            ": " (t.due.what) " senast " (t.due.by) " (" (t.due.rule) ")"
                            @if t.due.late { strong { " — försenat" } }
                        }
                    }
                }
            }
            @for b in &bodies {
                @let ms: Vec<_> = list.iter().filter(|m| m.body == b.id).collect();
                @if !ms.is_empty() {
                    h2 { (b.name) }
                    ul { @for m in ms { li { a href={ "/sammantraden/" (m.id) } { (m.date) } " — " span class="state" { (m.state().swedish()) } } } }
                }
            }
            @if secretary {
                h2 { "Planera sammanträde" }
                form method="post" action="/sammantraden" {
                    (csrf(viewer.csrf.as_deref()))
                    label for="m-body" { "Organ" }
                    select id="m-body" name="body" required { @for b in &bodies { option value=(b.id) { (b.name) } } }
                    label for="m-date" { "Datum" } input id="m-date" name="date" type="date" required;
                    label for="m-start" { "Starttid" } input id="m-start" name="start" type="time";
                    label for="m-place" { "Plats" } input id="m-place" name="place" size="40";
                    div { button type="submit" { "Planera" } }
                }
                h2 { "Sammanträdesplan för året" }
                @if let Some((_, message)) = &refused {
                    div class="error-summary" role="alert" tabindex="-1" { h2 { "Planen sparades inte" } p { (message) } }
                }
                form method="post" action="/sammantraden/plan" {
                    (csrf(viewer.csrf.as_deref()))
                    label for="p-body" { "Organ som planen gäller" }
                    select id="p-body" name="body" required { @for b in &bodies { option value=(b.id) selected[typed("body") == b.id.to_string()] { (b.name) } } }
                    label for="p-plan" { "Sammanträdesdagar, ett per rad (ÅÅÅÅ-MM-DD, gärna med tid: 2025-01-30 13:00)" }
                    textarea id="p-plan" name="plan" rows="6" cols="30" required aria-invalid=[refused.is_some().then_some("true")] { (typed("plan")) }
                    label for="p-place" { "Plats för sammanträdena" } input id="p-place" name="place" size="40" value=(typed("place"));
                    div { button type="submit" { "Lägg in sammanträdesplanen" } }
                }
            }
        },
    ))
}

/// The form's body, for a secretary who works in it (the CSRF token checked first).
fn secretary_body(viewer: &Viewer, f: &Fields) -> Result<BodyId, WebError> {
    viewer.require(SECRETARY)?;
    viewer.check_csrf(get(f, "csrf").unwrap_or(""))?;
    let body = BodyId(
        required(f, "body", "organ")?
            .parse::<i64>()
            .map_err(|_| WebError::field("body", "ogiltigt organ"))?,
    );
    viewer.require_in(SECRETARY, Some(body))?;
    Ok(body)
}

pub async fn meeting_create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    let body = secretary_body(&viewer, &f)?;
    let date = required(&f, "date", "datum")?
        .parse()
        .map_err(|_| WebError::field("date", "ogiltigt datum; skriv ÅÅÅÅ-MM-DD"))?;
    let mut m = Meeting::planned(body, date);
    m.start = get(&f, "start")
        .map(|t| {
            t.parse()
                .map_err(|_| WebError::field("start", "ogiltig tid"))
        })
        .transpose()?;
    m.place = get(&f, "place").map(String::from);
    let rec = cycle::create_meeting(&state.dir, &m)?;
    audit(
        &state,
        &viewer,
        "skapa",
        "sammanträde",
        rec.id,
        json!(rec.value),
    );
    Ok(Redirect::to(&format!("/sammantraden/{}", rec.id)).into_response())
}

/// `POST /sammantraden/plan`: the year's sammanträdesplan, one meeting per line.
pub async fn meetings_plan(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    let body = secretary_body(&viewer, &f)?;
    let made = match cycle::plan_meetings(
        &state.dir,
        body,
        get(&f, "plan").unwrap_or(""),
        get(&f, "place"),
    ) {
        Ok(m) => m,
        Err(e) => {
            let message = format!("{e:#}");
            return match WebError::from(e) {
                WebError::BadInput { .. } | WebError::Rule(_) => Ok((
                    StatusCode::UNPROCESSABLE_ENTITY,
                    meetings_view(&state, &viewer, Some((&f, message)))?,
                )
                    .into_response()),
                other => Err(other),
            };
        }
    };
    for rec in &made {
        audit(
            &state,
            &viewer,
            "skapa",
            "sammanträde",
            rec.id,
            json!(rec.value),
        );
    }
    Ok(Redirect::to("/sammantraden").into_response())
}

pub async fn meeting_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Result<Markup, WebError> {
    meeting_view(&state, &viewer, id, None)
}

/// A form of the meeting page that was refused: which, what was typed, and why.
struct Refused<'a> {
    action: &'a str,
    fields: &'a Fields,
    message: String,
}

/// The meeting page; a refused form comes back with the reason on top and what was typed
/// still in it.
fn meeting_view(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    refused: Option<Refused<'_>>,
) -> Result<Markup, WebError> {
    let typed = |action: &str, key: &str| -> Option<String> {
        refused
            .as_ref()
            .filter(|r| r.action == action)
            .and_then(|r| get(r.fields, key))
            .map(String::from)
    };
    let user = viewer.logged_in()?.clone();
    let store = &state.dir;
    let m = store
        .meeting(MeetingId(id))
        .map_err(|_| WebError::NotFound(format!("sammanträde {id}")))?;
    if !viewer.can_read_body(m.body) {
        return Err(WebError::Forbidden(
            "du har inte tillgång till det här organets handlingar".into(),
        ));
    }
    let body = store.body(m.body)?;
    let names = names(store)?;
    let minutes = store.minutes(m.id)?;
    if minutes
        .as_ref()
        .is_some_and(|x| x.paragraphs().iter().any(|p| p.secrecy.is_secret()))
    {
        audit(
            state,
            viewer,
            "läsa-sekretess",
            "protokoll",
            m.id,
            json!(null),
        );
    }
    let secretary = SECRETARY.contains(&user.role);
    let token = viewer.csrf.clone();
    let cases: Vec<_> = if secretary {
        store
            .cases()?
            .into_iter()
            .filter(|c| may_handle_case(&user, c))
            .collect()
    } else {
        Vec::new()
    };
    let classifications = store.classifications(m.id)?;
    let imported = m.source.is_some();
    let room = paragraf_app::meeting::papers::reading_room(&state.dir, &user, m.id);
    let members: Vec<_> = store
        .memberships(Some(m.body))?
        .into_iter()
        .filter(|x| x.active_on(m.date))
        .collect();
    let officials: Vec<_> = store.officials()?.into_iter().map(|o| o.value).collect();
    let name = |p: &PersonId| names.get(p).cloned().unwrap_or_default();
    let action = |a: &str| format!("/sammantraden/{id}/{a}");
    let today = state.today();
    let late: Vec<_> = minutes
        .as_ref()
        .map(|min| {
            paragraf_core::cycle::late_approvals(min)
                .into_iter()
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    Ok(page(
        &format!("{} {}", body.name, m.date),
        Some(&user),
        html! {
            h1 { (body.name) ", " (m.date) }
            @if let Some(r) = &refused {
                div class="error-summary" role="alert" tabindex="-1" { h2 { "Det gick inte att spara" } p { (r.message) } }
            }
            p { "Status: " span class="state" { (m.state().swedish()) } " · " (m.start.map(|t| t.format("kl. %H:%M").to_string()).unwrap_or_default()) " " (m.place.clone().unwrap_or_default()) }
            @if let Some(c) = m.cancelled() {
                div class="notice" role="status" { strong { "Sammanträdet är inställt" } " (sedan " (c.on) "): " (c.reason)
                    @if c.after_notice { " Kallelsen hade gått ut; inställningen visas på anslagstavlan till och med sammanträdesdagen." } }
            }
            @if !m.change_requests().is_empty() {
                h2 { "Begärda ändringar i protokollet" }
                ul { @for (i, r) in m.change_requests().iter().enumerate() { li {
                    (name(&r.by)) ", " (r.at.format("%Y-%m-%d %H:%M")) ": " (r.comment)
                    @match r.done {
                        Some(d) => { " — åtgärdad " (d.format("%Y-%m-%d")) }
                        None => {
                            @if secretary {
                                form method="post" action=(action("andring-klar")) class="inline" {
                                    (csrf(token.as_deref()))
                                    input type="hidden" name="number" value=(i + 1);
                                    button type="submit" { "Markera som åtgärdad" }
                                }
                            } @else { " — väntar på sekreteraren" }
                        }
                    }
                } } }
            }
            @if !m.schedule().is_empty() {
                h2 { "Hålltider" }
                ul { @for s in m.schedule() { li { (s.start.format("%H:%M")) @if let Some(e) = s.end { "–" (e.format("%H:%M")) } " " (s.topic) " (" (s.presenters.join(", ")) ")" } } }
            }
            h2 { "Dokument" }
            ul {
                @if m.state() >= MeetingState::Notified && m.source.is_none() {
                    li { a href={ "/sammantraden/" (id) "/dokument/kallelse.pdf" } { "Kallelse (PDF)" } }
                    @if room.is_ok() { li { a href={ "/sammantraden/" (id) "/handlingar.pdf" } { "Kallelse med handlingar (en PDF med bokmärken)" } } }
                }
                @if minutes.is_some() {
                    li { a href={ "/sammantraden/" (id) "/dokument/protokoll.pdf" } { "Protokoll (PDF)" } }
                    li { a href={ "/sammantraden/" (id) "/dokument/protokoll-offentlig.pdf" } { "Protokoll, offentlig version (PDF)" } }
                }
                @if m.posting().is_some() { li { a href={ "/sammantraden/" (id) "/dokument/anslag.pdf" } { "Anslag (PDF)" } } }
                @if let Some(min) = &minutes { @for p in min.paragraphs().iter().filter(|p| min.is_sealed() || p.immediately_adjusted) {
                    li { a href={ "/sammantraden/" (id) "/dokument/utdrag-" (p.number) ".pdf" } { "Protokollsutdrag § " (p.number) " (PDF)" } }
                } }
            }
            @if secretary {
                @let sent = paragraf_app::mail::dispatches(&state.dir, &user, m.id).unwrap_or_default();
                @if let Some(min) = minutes.as_ref().filter(|_| !imported) {
                    @let ready: Vec<_> = min.paragraphs().iter().filter(|p| min.is_sealed() || p.immediately_adjusted).collect();
                    @if !ready.is_empty() {
                        h2 { "Expediering" }
                        p class="hint" { "Skicka protokollsutdragen (bestyrkta, signerade PDF) till mottagarna: med e-post, eller markera dem skickade med post. Varje utskick sparas med vem, vad, när och hur." }
                        @for p in &ready {
                            @let done: Vec<_> = sent.iter().filter(|d| d.paragraph == Some(p.number)).collect();
                            h3 { "§ " (p.number) " " (p.title) @if !done.is_empty() { " — expedierat" } }
                            @if !p.dispatch.is_empty() { p { "Skickas till: " (p.dispatch.join(", ")) } }
                            @if !done.is_empty() { ul { @for d in &done { li {
                                (d.recipient) " (" (d.method.word()) @if let Some(a) = &d.address { ", " (a) } "): " (d.status.word())
                                @if let Some(t) = &d.sent { " " (crate::html::stamp(t)) }
                            } } } }
                            @let key = format!("exp-{}", p.number);
                            details open[refused.as_ref().is_some_and(|r| r.action == "expediera" && get(r.fields, "paragraph") == Some(&p.number.to_string()))] {
                                summary { "Expediera § " (p.number) }
                                form method="post" action=(action("expediera")) {
                                    (csrf(token.as_deref()))
                                    input type="hidden" name="paragraph" value=(p.number);
                                    label for={ (key) "-to" } { "Mottagare (person, enhet eller myndighet)" }
                                    input id={ (key) "-to" } name="recipient" size="40" list={ (key) "-list" } value=(typed("expediera", "recipient").filter(|_| refused.as_ref().is_some_and(|r| get(r.fields, "paragraph") == Some(&p.number.to_string()))).unwrap_or_else(|| p.dispatch.first().cloned().unwrap_or_default()));
                                    datalist id={ (key) "-list" } { @for r in &p.dispatch { option value=(r) {} } }
                                    @if paragraf_app::mail::post_only(&state.dir, m.id, p.number).unwrap_or(true) {
                                        p class="hint" { "Paragrafen omfattas av sekretess (OSL 26 kap. 1 §): utdraget expedieras med post och registreras här." }
                                    } @else {
                                        label for={ (key) "-mail" } { "E-postadress (tom: skickas med post)" }
                                        input id={ (key) "-mail" } name="email" type="email" size="40" value=(typed("expediera", "email").filter(|_| refused.as_ref().is_some_and(|r| get(r.fields, "paragraph") == Some(&p.number.to_string()))).unwrap_or_default());
                                    }
                                    div { button type="submit" { "Expediera utdraget" } }
                                }
                            }
                        }
                    }
                }
                @if !sent.is_empty() || m.summons().is_some() {
                    h2 { "Utskick" }
                    @if !paragraf_app::mail::configured(&state.dir) {
                        p class="refused" { "E-post är inte inställd ([mail] i paragraf.toml): utskicken med e-post väntar i kön tills den är det." }
                    }
                    @let missing = paragraf_app::mail::without_address(&state.dir, &m).unwrap_or_default();
                    @if !missing.is_empty() { p class="hint" { "Saknar e-postadress och får inget meddelande om kallelsen: " (missing.join(", ")) } }
                    @if sent.is_empty() { p { "Inga utskick än." } }
                    @else {
                        table class="dispatches" {
                            caption { "Meddelanden och utdrag, i den ordning de köades" }
                            thead { tr { th scope="col" { "Vad" } th scope="col" { "Till" } th scope="col" { "Hur" } th scope="col" { "Status" } } }
                            tbody { @for d in &sent { tr {
                                td { (d.subject) }
                                td { (d.recipient) @if let Some(a) = &d.address { br; (a) } }
                                td { (d.method.word()) }
                                td {
                                    (d.status.word())
                                    @if let Some(t) = &d.sent { ", " (crate::html::stamp(t)) }
                                    @if d.attempts > 1 || d.last_error.is_some() { br; (d.attempts) " försök" }
                                    @if let Some(e) = &d.last_error { @if d.status != paragraf_app::mail::DispatchStatus::Sent { br; span class="refused" { "Fel: " (e) } } }
                                    @if d.status == paragraf_app::mail::DispatchStatus::Failed {
                                        form method="post" action=(action("skicka-igen")) class="inline" {
                                            (csrf(token.as_deref()))
                                            input type="hidden" name="dispatch" value=(d.id);
                                            button type="submit" { "Skicka igen" }
                                        }
                                    }
                                }
                            } } }
                        }
                    }
                }
            }
            @if secretary && m.state() == MeetingState::Planned {
                details open[refused.as_ref().is_some_and(|r| r.action == "andra")] {
                    summary { "Ändra datum, tid eller plats" }
                    form method="post" action=(action("andra")) {
                        (csrf(token.as_deref()))
                        label for="e-date" { "Datum" } input id="e-date" name="date" type="date" required value=(typed("andra", "date").unwrap_or_else(|| m.date.to_string()));
                        label for="e-start" { "Starttid" } input id="e-start" name="start" type="time" value=(typed("andra", "start").unwrap_or_else(|| m.start.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()));
                        label for="e-end" { "Sluttid" } input id="e-end" name="end" type="time" value=(typed("andra", "end").unwrap_or_else(|| m.end.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()));
                        label for="e-place" { "Plats" } input id="e-place" name="place" value=(typed("andra", "place").unwrap_or_else(|| m.place.clone().unwrap_or_default()));
                        div { button type="submit" { "Spara ändringen" } }
                    }
                }
            }
            h2 { "Föredragningslista" }
            // An ersättare who is not called in reads a secret item by its notice only.
            @let full_copy = !matches!(room, Ok((paragraf_app::meeting::papers::Copy::Substitute, _)));
            ol { @for item in m.agenda() { li {
                @if full_copy || !item.secrecy.is_secret() {
                    (item.title) " " (item.case_number.clone().unwrap_or_default()) @if item.secrecy.is_secret() { " (sekretess)" }
                } @else { (paragraf_core::publication::SECRET_TITLE) " (sekretess)" }
                @if let Some(d) = m.supplement_of(item.position) { " — tilläggsärende, tillagt " (d) }
                @if let Some(w) = paragraf_core::cycle::late_supplement(&m, item.position, state.dir.config().municipality.notice_days()) { p class="refused" { (w.0) "." } }
                @if let Ok((_, items)) = &room { @if let Some(ip) = items.iter().find(|i| i.position == item.position) { @if !ip.papers.is_empty() {
                    ul class="papers" aria-label={ "Handlingar till punkt " (item.position) } { @for p in &ip.papers { li {
                        @if p.readable { a href={ "/sammantraden/" (id) "/punkt/" (item.position) "/handling/" (p.number) } { (p.title) } }
                        @else { (p.title) }
                        " (" (p.kind) ", " (p.date) @if p.secret { ", sekretess" } ")"
                        @if p.annotations > 0 { " — " (p.annotations) " egna anteckningar" }
                    } } }
                } } }
                @if secretary && m.agenda_open().is_ok() { @if let Some(case) = item.case {
                    @let docs = store.documents(case)?;
                    @let the_case = store.case(case)?;
                    @let chosen = paragraf_app::meeting::papers::chosen(&state.dir, item)?;
                    @if !docs.is_empty() {
                        details open[refused.as_ref().is_some_and(|r| r.action == "handlingar" && get(r.fields, "position") == Some(&item.position.to_string()))] {
                            summary { "Välj handlingar till punkt " (item.position) }
                            form method="post" action=(action("handlingar")) {
                                (csrf(token.as_deref()))
                                input type="hidden" name="position" value=(item.position);
                                fieldset {
                                    legend { "Handlingar som skickas med kallelsen, i ordning" }
                                    @for d in &docs {
                                        @let at = chosen.iter().position(|c| *c == d.number);
                                        div class="choice" {
                                            input type="checkbox" id={ "doc-" (item.position) "-" (d.number) } name="doc" value=(d.number) checked[at.is_some()];
                                            label for={ "doc-" (item.position) "-" (d.number) } { (d.number) ". " (d.title) " (" (d.kind.swedish()) @if d.is_secret(&the_case) { ", sekretess" } ")" }
                                        }
                                        label for={ "ord-" (item.position) "-" (d.number) } { "Ordning för " (d.number) }
                                        input id={ "ord-" (item.position) "-" (d.number) } name={ "order-" (d.number) } inputmode="numeric" size="3" value=(at.map(|i| (i + 1).to_string()).unwrap_or_default());
                                    }
                                }
                                div { button type="submit" { "Spara handlingarna" } }
                            }
                        }
                    }
                } }
                @if secretary && m.agenda_open().is_ok() && m.agenda().len() > 1 {
                    @if item.position > 1 {
                        form method="post" action=(action("flytta")) class="inline" {
                            (csrf(token.as_deref()))
                            input type="hidden" name="from" value=(item.position);
                            input type="hidden" name="to" value=(item.position - 1);
                            button type="submit" aria-label={ "Flytta upp punkt " (item.position) } { "Upp" }
                        }
                    }
                    @if (item.position as usize) < m.agenda().len() {
                        form method="post" action=(action("flytta")) class="inline" {
                            (csrf(token.as_deref()))
                            input type="hidden" name="from" value=(item.position);
                            input type="hidden" name="to" value=(item.position + 1);
                            button type="submit" aria-label={ "Flytta ned punkt " (item.position) } { "Ned" }
                        }
                    }
                }
            } } }
            @if secretary && m.agenda_open().is_ok() {
                form method="post" action=(action("punkt")) {
                    (csrf(token.as_deref()))
                    label for="case" { "Ärende till föredragningslistan" }
                    select id="case" name="case" required { @for c in cases.iter().filter(|c| !m.agenda().iter().any(|i| i.case == Some(c.id))) { option value=(c.dnr.to_string()) { (c.dnr.to_string()) " " (c.title) } } }
                    div { button type="submit" { "Lägg till" } }
                }
                form method="post" action=(action("punkt-utan-arende")) {
                    (csrf(token.as_deref()))
                    label for="topic-title" { "Punkt utan ärende (t.ex. Val av justerare, Information)" }
                    input id="topic-title" name="title" required size="40" list="vanliga-punkter" value=(typed("punkt-utan-arende", "title").unwrap_or_default());
                    datalist id="vanliga-punkter" {
                        @for t in ["Val av justerare", "Godkännande av dagordningen", "Information från förvaltningen", "Anmälningsärenden", "Anmälan av delegationsbeslut"] { option value=(t) {} }
                    }
                    label for="topic-dnr" { "Diarienummer (valfritt, för ett ärende som inte finns i registret)" }
                    input id="topic-dnr" name="case_number" size="20" value=(typed("punkt-utan-arende", "case_number").unwrap_or_default());
                    label { input type="checkbox" name="secret" value="1" checked[typed("punkt-utan-arende", "secret").is_some()]; " Enskilds ärende: sekretess (OSL 26 kap. 1 §), behandlas inom stängda dörrar" }
                    div { button type="submit" { "Lägg till punkten" } }
                }
                form method="post" action=(action("halltid")) {
                    (csrf(token.as_deref()))
                    label for="s-start" { "Hålltid, start" } input id="s-start" name="start" type="time" required;
                    label for="s-topic" { "Ämne" } input id="s-topic" name="topic" required value=(typed("halltid", "topic").unwrap_or_default());
                    label for="s-presenter" { "Föredragande" } input id="s-presenter" name="presenter" value=(typed("halltid", "presenter").unwrap_or_default());
                    label { input type="checkbox" name="public" value="1" checked[typed("halltid", "public").is_some()]; " Offentlig: ämnet får stå i den offentliga kallelsen (annars visas bara tiden)" }
                    div { button type="submit" { "Lägg till hålltid" } }
                }
                details open[refused.as_ref().is_some_and(|r| r.action == "rapport")] {
                    summary { "Lägg en rapport på föredragningslistan" }
                    p { "Paragraf gör handlingarna, registrerar ärendet och lägger det med förslag till beslut på listan." }
                    @let (month_start, month_end) = previous_month(today);
                    form method="post" action=(action("rapport")) {
                        (csrf(token.as_deref()))
                        fieldset {
                            legend { "Rapport" }
                            @for (value, label) in [("delegation", "Anmälan av delegationsbeslut"), ("ej-verkstallda", "Ej verkställda beslut (SoL, LSS)"), ("uppfoljning", "Verksamhetsrapport (uppföljning)")] {
                                div class="choice" {
                                    input type="radio" id={"r-" (value)} name="report" value=(value) required checked[typed("rapport", "report").as_deref() == Some(value)];
                                    label for={"r-" (value)} { (label) }
                                }
                            }
                        }
                        label for="r-from" { "Delegationsbeslut från" } input id="r-from" name="from" type="date" value=(typed("rapport", "from").unwrap_or_else(|| month_start.to_string()));
                        label for="r-to" { "till och med" } input id="r-to" name="to" type="date" value=(typed("rapport", "to").unwrap_or_else(|| month_end.to_string()));
                        label for="r-date" { "Ej verkställda beslut per dag" } input id="r-date" name="date" type="date" value=(typed("rapport", "date").unwrap_or_else(|| month_end.to_string()));
                        label for="r-period" { "Uppföljningens period (ÅÅÅÅ-MM)" } input id="r-period" name="period" inputmode="numeric" value=(typed("rapport", "period").unwrap_or_else(|| month_end.format("%Y-%m").to_string()));
                        div { button type="submit" { "Lägg rapporten på listan" } }
                    }
                }
                @match paragraf_core::cycle::notice_allowed(&m, today) {
                    Ok(()) => { form method="post" action=(action("kalla")) { (csrf(token.as_deref())) button type="submit" { "Skicka kallelsen" } } }
                    Err(e) => { p class="refused" { (e.to_string()) } }
                }
            }
            @if secretary && paragraf_core::cycle::supplement_allowed(&m, today).is_ok() {
                form method="post" action=(action("tillagg")) {
                    (csrf(token.as_deref()))
                    label for="supp-case" { "Tilläggsärende (efter kallelsen; läggs sist på listan)" }
                    select id="supp-case" name="case" required { @for c in cases.iter().filter(|c| !m.agenda().iter().any(|i| i.case == Some(c.id))) { option value=(c.dnr.to_string()) { (c.dnr.to_string()) " " (c.title) } } }
                    div { button type="submit" { "Lägg till tilläggsärendet" } }
                }
            }
            @if secretary && paragraf_core::cycle::withdraw_notice_allowed(&m, today).is_ok() {
                form method="post" action=(action("aterkalla")) {
                    (csrf(token.as_deref()))
                    p { "Behöver föredragningslistan, tiden eller platsen ändras? Återkalla kallelsen, ändra och skicka en ny." }
                    button type="submit" class="secondary" { "Återkalla kallelsen" }
                }
            }
            @if secretary && m.state() == MeetingState::Notified && m.cancelled().is_none() {
                @let called = m.summons().map(|x| x.recipients.clone()).unwrap_or_default();
                @let subs: Vec<_> = members.iter().filter(|x| x.role == MembershipRole::Substitute && called.contains(&x.person)).collect();
                @if !subs.is_empty() {
                    h2 { "Inkallade ersättare" }
                    p class="hint" { "En inkallad ersättare läser ledamöternas handlingar, också de som omfattas av sekretess." }
                    ul { @for x in &subs { li {
                        @let serves = m.called_in().contains(&x.person);
                        (name(&x.person)) @if let Some(p) = &x.party { " (" (p) ")" } @if serves { " — inkallad" }
                        form method="post" action=(action("inkalla")) class="inline" {
                            (csrf(token.as_deref()))
                            input type="hidden" name="person" value=(x.person);
                            @if serves { button type="submit" class="secondary" { "Ta tillbaka inkallelsen av " (name(&x.person)) } }
                            @else { input type="hidden" name="serve" value="1"; button type="submit" { "Kalla in " (name(&x.person)) } }
                        }
                    } } }
                }
            }
            @if secretary && m.state() == MeetingState::Held && minutes.is_none() {
                form method="post" action=(action("ej-genomfort")) {
                    (csrf(token.as_deref()))
                    button type="submit" class="secondary" { "Ångra ”genomfört”" }
                }
            }
            @if secretary && paragraf_core::cycle::cancel_allowed(&m, today).is_ok() {
                details open[refused.as_ref().is_some_and(|r| r.action == "stall-in")] {
                    summary { "Ställ in sammanträdet" }
                    form method="post" action=(action("stall-in")) {
                        (csrf(token.as_deref()))
                        label for="c-reason" { "Varför (meddelas de kallade" @if m.notice_sent() { " och visas på anslagstavlan" } ")" }
                        textarea id="c-reason" name="reason" rows="2" cols="60" required { (typed("stall-in", "reason").unwrap_or_default()) }
                        label { input type="checkbox" name="confirm" value="1" required; " Jag vill ställa in sammanträdet; det kan inte ångras" }
                        div { button type="submit" { "Ställ in sammanträdet" } }
                    }
                }
            }
            @if let Some(s) = m.summons() {
                p { "Kallelsen skickades " (s.sent) " till " (s.recipients.len()) " ledamöter och ersättare." }
                @if let Some(w) = paragraf_core::cycle::late_notice(&m, state.dir.config().municipality.notice_days()) {
                    p class="refused" { (w.0) "." }
                }
            }
            @if secretary && m.state() == MeetingState::Notified {
                @match paragraf_core::cycle::held_allowed(&m, today) {
                    Ok(()) => { form method="post" action=(action("genomfort")) { (csrf(token.as_deref())) button type="submit" { "Markera som genomfört" } } }
                    Err(e) => { p { (e.to_string()) } }
                }
            }
            @if secretary && m.state() == MeetingState::Held {
                h2 { "Upprätta protokoll" }
                form method="post" action=(action("protokoll")) {
                    (csrf(token.as_deref()))
                    label for="chair" { "Ordförande" }
                    select id="chair" name="chair" { @for x in members.iter().filter(|x| x.role == MembershipRole::Member) { option value=(x.person) { (name(&x.person)) } } }
                    label for="adjuster" { "Justerare" }
                    select id="adjuster" name="adjuster" { @for x in &members { option value=(x.person) { (name(&x.person)) } } }
                    label for="adjuster2" { "Andra justerare (valfri)" }
                    select id="adjuster2" name="adjuster2" { option value="" { "Ingen" } @for x in &members { option value=(x.person) { (name(&x.person)) } } }
                    label for="adj-place" { "Justeringens plats och tid" }
                    input id="adj-place" name="adjustment_place" required value=(typed("protokoll", "adjustment_place").unwrap_or_else(|| "Digital justering i Paragraf".into()));
                    div { button type="submit" { "Upprätta protokoll" } }
                }
            }
            @if let Some(min) = &minutes {
                h2 { "Protokoll" }
                @let decided = paragraf_app::meeting::publication::decide(min, imported, &classifications);
                @let pending = decided.iter().filter(|(_, w)| *w == Publication::Pending).count();
                @if secretary {
                    details open[pending > 0] {
                        summary { "Publicering" @if pending > 0 { " — " (pending) " att klassificera" } }
                        p { "Det allmänna ser bara paragrafer som är offentliga enligt en regel som anger sin grund eller enligt ett beslut av en person. Paragrafer som protokollet anger som sekretess publiceras aldrig." }
                        table {
                            thead { tr { th scope="col" { "§" } th scope="col" { "Rubrik" } th scope="col" { "Publiceras" } th scope="col" { "Grund" } th scope="col" { "Ändra" } } }
                            tbody { @for (n, what) in &decided {
                                @let p = min.paragraph(*n);
                                @let c = classifications.iter().find(|c| c.paragraph == *n);
                                tr {
                                    td { (n) }
                                    td { (p.map(|p| p.title.as_str()).unwrap_or("")) }
                                    td { (match what { Publication::Public => "offentlig", Publication::Secret => "sekretess", Publication::Pending => "att klassificera" }) }
                                    td { (c.map(|c| c.ground.clone()).or_else(|| p.and_then(|p| p.secrecy.ground()).map(String::from)).unwrap_or_default()) }
                                    td {
                                        @if p.is_some_and(|p| p.secrecy != Secrecy::IndividualCase) {
                                            form method="post" action=(action("klassificera")) {
                                                (csrf(token.as_deref()))
                                                input type="hidden" name="paragraph" value=(n);
                                                label for={ "cl-" (n) } { "Publiceras § " (n) }
                                                select id={ "cl-" (n) } name="public" { option value="0" selected[*what != Publication::Public] { "nej, sekretess" } option value="1" selected[*what == Publication::Public] { "ja, offentlig" } }
                                                label for={ "gr-" (n) } { "Grund" }
                                                input id={ "gr-" (n) } name="ground" required size="30";
                                                button type="submit" { "Spara" }
                                            }
                                        }
                                    }
                                }
                            } }
                        }
                    }
                }
                @if !min.attendance().attendees().is_empty() {
                    h3 { "Närvarolista" }
                    ul class="attendance" { @for a in min.attendance().attendees() {
                        li { (name(&a.person)) @if let Some(p) = &a.party { " (" (p) ")" } ", "
                            (match &a.role {
                                AttendanceRole::Member => "ledamot".to_string(),
                                AttendanceRole::ServingSubstitute { replaces } => format!("tjänstgörande ersättare för {}", name(replaces)),
                                AttendanceRole::Substitute => "ersättare".to_string(),
                                AttendanceRole::Other { title } => title.clone().unwrap_or_else(|| "övrig närvarande".into()),
                            })
                            @if let Some(w) = &a.presence.written { ", " (w) }
                        }
                    } }
                }
                @if secretary && !min.is_sealed() {
                    details open[min.attendance().attendees().is_empty()] {
                        summary { "Närvaro" }
                        form method="post" action=(action("narvaro")) {
                            (csrf(token.as_deref()))
                            fieldset { legend { "Beslutande ledamöter" }
                                @for x in members.iter().filter(|x| x.role == MembershipRole::Member) {
                                    label { input type="checkbox" name="member" value=(x.person) checked[min.attendance().get(x.person).is_some()]; " " (name(&x.person)) }
                                }
                            }
                            fieldset { legend { "Ersättare" }
                                @for x in members.iter().filter(|x| x.role == MembershipRole::Substitute) {
                                    @let now = min.attendance().get(x.person).map(|a| a.role.clone());
                                    label for={ "sub-" (x.person) } { (name(&x.person)) }
                                    select id={ "sub-" (x.person) } name={ "sub-" (x.person) } {
                                        option value="" { "ej närvarande" }
                                        option value="present" selected[now == Some(AttendanceRole::Substitute)] { "närvarande, ej tjänstgörande" }
                                        @for l in members.iter().filter(|l| l.role == MembershipRole::Member) { option value=(l.person) selected[now == Some(AttendanceRole::ServingSubstitute { replaces: l.person })] { "tjänstgör för " (name(&l.person)) } }
                                    }
                                }
                            }
                            @if !officials.is_empty() {
                                fieldset { legend { "Övriga närvarande" }
                                    @for o in &officials {
                                        label { input type="checkbox" name="other" value=(o.person) checked[min.attendance().get(o.person).is_some()]; " " (name(&o.person)) ", " (o.title) }
                                    }
                                }
                            }
                            details {
                                summary { "Närvaro per paragraf" }
                                p { "Lämna tomt för hela sammanträdet. Skriv t.ex. ”§§ 1–5”, ”ej § 3” eller ”del av § 7”." }
                                @let listed = members.iter().map(|x| (x.person, name(&x.person)))
                                    .chain(officials.iter().map(|o| (o.person, format!("{}, {}", name(&o.person), o.title))))
                                    .fold(Vec::<(PersonId, String)>::new(), |mut v, (p, l)| { if !v.iter().any(|(q, _)| *q == p) { v.push((p, l)); } v });
                                @for (x, label) in &listed {
                                    label for={ "pres-" (x) } { "Närvaro för " (label) }
                                    input id={ "pres-" (x) } name={ "pres-" (x) } size="20" value=(min.attendance().get(*x).and_then(|a| a.presence.written.clone()).unwrap_or_default());
                                }
                            }
                            button type="submit" { "Spara närvaro" }
                        }
                    }
                }
                @for p in min.paragraphs() {
                    (paragraph_html(p, &names))
                    @if !min.is_sealed() && !min.attendance().attendees().is_empty() {
                        @if let Some((taking_part, seats)) = min.quorum(p.number) {
                            p class="quorum" { "Beslutande i § " (p.number) ": " (taking_part) @if let Some(s) = seats { " av " (s) " ledamöter" } "; leds av " (min.presiding_in(p.number).map(|x| name(&x)).unwrap_or_default()) "." }
                        }
                    }
                    @if secretary && !min.is_sealed() && !p.immediately_adjusted {
                        details open[typed("beslut", "paragraph").as_deref() == Some(p.number.to_string().as_str())] {
                            summary { "Beslut i § " (p.number) }
                            form method="post" action=(action("beslut")) {
                                (csrf(token.as_deref()))
                                input type="hidden" name="paragraph" value=(p.number);
                                @let mine = typed("beslut", "paragraph").as_deref() == Some(p.number.to_string().as_str());
                                label for={ "title-" (p.number) } { "Rubrik" }
                                input id={ "title-" (p.number) } name="title" required size="50" value=(if mine { typed("beslut", "title").unwrap_or_default() } else { p.title.clone() });
                                @let as_text = if mine { typed("beslut", "form").as_deref() == Some("text") } else { matches!(p.decision, Some(Decision::Text { .. })) };
                                fieldset {
                                    legend { "Beslutet skrivs som" }
                                    label { input type="radio" name="form" value="att" checked[!as_text]; " att-satser" }
                                    " "
                                    label { input type="radio" name="form" value="text" checked[as_text]; " löpande text (”Nämnden godkänner …”)" }
                                }
                                label for={ "intro-" (p.number) } { "Inledning" }
                                @let (intro, clauses) = match &p.decision {
                                    Some(Decision::Clauses { intro, clauses }) => (intro.clone().unwrap_or_default(), clauses.iter().map(|c| c.0.clone()).collect::<Vec<_>>().join("\n")),
                                    Some(Decision::Text { text }) => (String::new(), text.clone()),
                                    None => (format!("{} beslutar", body.name), String::new()),
                                };
                                input id={ "intro-" (p.number) } name="intro" value=(if mine { typed("beslut", "intro").unwrap_or_default() } else { intro }) size="50";
                                label for={ "att-" (p.number) } { "Beslutet: att-satser, en per rad (eller texten)" }
                                textarea id={ "att-" (p.number) } name="clauses" rows="3" cols="60" { (if mine { typed("beslut", "clauses").unwrap_or_default() } else { clauses }) }
                                label for={ "desc-" (p.number) } { "Beskrivning av ärendet" }
                                textarea id={ "desc-" (p.number) } name="text" rows="4" cols="60" { (if mine { typed("beslut", "text").unwrap_or_default() } else { p.text.clone() }) }
                                label for={ "docs-" (p.number) } { "Beslutsunderlag, en per rad" }
                                textarea id={ "docs-" (p.number) } name="documents" rows="3" cols="60" { (if mine { typed("beslut", "documents").unwrap_or_default() } else { p.documents.join("\n") }) }
                                label for={ "tab-" (p.number) } { "Tabeller (en per stycke; celler skiljs med |, ”# ” rubrik, ”Rubrik:” kolumner, ”> ” varav-rad)" }
                                textarea id={ "tab-" (p.number) } name="tables" rows="3" cols="60" { (if mine { typed("beslut", "tables").unwrap_or_default() } else { paragraf_app::meeting::tables::to_text(&p.tables) }) }
                                label for={ "disp-" (p.number) } { "Beslutet skickas till, en per rad" }
                                textarea id={ "disp-" (p.number) } name="dispatch" rows="2" cols="60" { (if mine { typed("beslut", "dispatch").unwrap_or_default() } else { p.dispatch.join("\n") }) }
                                label for={ "without-" (p.number) } { "Utan beslut i sak" }
                                select id={ "without-" (p.number) } name="disposition" {
                                    option value="" { "nej, beslutet ovan" }
                                    @for d in [Disposition::Tabled, Disposition::ReferredBack, Disposition::Information] {
                                        option value=(d.swedish()) selected[p.disposition == Some(d)] { (d.swedish()) }
                                    }
                                }
                                @if p.votes().is_empty() {
                                    label for={ "lead-" (p.number) } { "Leder paragrafen" }
                                    select id={ "lead-" (p.number) } name="presiding" {
                                        option value="" { "ordföranden" }
                                        @for who in p.deciding(min.attendance()).into_iter().filter(|w| Some(*w) != min.chair()) {
                                            option value=(who) selected[p.presiding == Some(who)] { (name(&who)) }
                                        }
                                    }
                                }
                                div { button type="submit" { "Spara beslut" } }
                            }
                        }
                        details {
                            summary { "Omröstning i § " (p.number) }
                            form method="post" action=(action("omrostning")) {
                                (csrf(token.as_deref()))
                                input type="hidden" name="paragraph" value=(p.number);
                                label for={ "yes-" (p.number) } { "Ja betyder" } input id={ "yes-" (p.number) } name="yes_means" value="bifall till ordförandens förslag";
                                label for={ "no-" (p.number) } { "Nej betyder" } input id={ "no-" (p.number) } name="no_means" value="avslag";
                                @if p.motions.iter().filter(|m| !m.withdrawn).count() >= 2 {
                                    label for={ "ym-" (p.number) } { "Ja står för yrkande" }
                                    select id={ "ym-" (p.number) } name="yes_motion" { option value="" { "–" } @for mo in p.motions.iter().filter(|m| !m.withdrawn) { option value=(mo.id) { (mo.id) ": " (mo.text) } } }
                                    label for={ "nm-" (p.number) } { "Nej står för yrkande" }
                                    select id={ "nm-" (p.number) } name="no_motion" { option value="" { "–" } @for mo in p.motions.iter().filter(|m| !m.withdrawn) { option value=(mo.id) { (mo.id) ": " (mo.text) } } }
                                }
                                @for who in p.deciding(min.attendance()) {
                                    label for={ "v-" (p.number) "-" (who) } { (name(&who)) }
                                    select id={ "v-" (p.number) "-" (who) } name={ "vote-" (who) } { option value="yes" { "ja" } option value="no" { "nej" } option value="abstain" { "avstår" } }
                                }
                                div { button type="submit" { "Registrera omröstning" } }
                            }
                        }
                        details {
                            summary { "Reservation eller jäv i § " (p.number) }
                            form method="post" action=(action("reservation")) {
                                (csrf(token.as_deref()))
                                input type="hidden" name="paragraph" value=(p.number);
                                label for={ "res-" (p.number) } { "Reservation av" }
                                select id={ "res-" (p.number) } name="person" { @for who in p.deciding(min.attendance()) { option value=(who) { (name(&who)) } } }
                                label for={ "resr-" (p.number) } { "Skriftlig motivering" } textarea id={ "resr-" (p.number) } name="reasons" rows="2" cols="60" {}
                                div { button type="submit" { "Registrera reservation" } }
                            }
                            form method="post" action=(action("jav")) {
                                (csrf(token.as_deref()))
                                input type="hidden" name="paragraph" value=(p.number);
                                label for={ "jav-" (p.number) } { "Jäv anmält av" }
                                select id={ "jav-" (p.number) } name="person" { @for who in p.deciding(min.attendance()) { option value=(who) { (name(&who)) } } }
                                div { button type="submit" { "Registrera jäv" } }
                            }
                        }
                        details {
                            summary { "Yrkande eller protokollsanteckning i § " (p.number) }
                            form method="post" action=(action("yrkande")) {
                                (csrf(token.as_deref()))
                                input type="hidden" name="paragraph" value=(p.number);
                                label for={ "mot-" (p.number) } { "Yrkande av" }
                                select id={ "mot-" (p.number) } name="person" { @for who in p.deciding(min.attendance()) { option value=(who) { (name(&who)) } } }
                                label for={ "mott-" (p.number) } { "Yrkandet" }
                                textarea id={ "mott-" (p.number) } name="text" required rows="2" cols="60" { (typed("yrkande", "text").unwrap_or_default()) }
                                fieldset {
                                    legend { "Instämmer (yrkar bifall till samma)" }
                                    @for who in p.deciding(min.attendance()) {
                                        label { input type="checkbox" name="support" value=(who); " " (name(&who)) }
                                        " "
                                    }
                                }
                                div { button type="submit" { "Registrera yrkandet" } }
                            }
                            @let open_motions: Vec<_> = p.motions.iter().filter(|m| !m.withdrawn).collect();
                            @if !open_motions.is_empty() {
                                form method="post" action=(action("propositioner")) {
                                    (csrf(token.as_deref()))
                                    input type="hidden" name="paragraph" value=(p.number);
                                    p { "Yrkanden i § " (p.number) ": " @for (i, mo) in open_motions.iter().enumerate() { @if i > 0 { "; " } (mo.id) ". " (name(&mo.by)) ": " (mo.text) } }
                                    label for={ "pro-" (p.number) } { "Propositionsordning: yrkandenas nummer i den ordning de ställs, t.ex. 1, 2" }
                                    @let order = p.propositions.as_ref().map(|pr| pr.order.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")).unwrap_or_default();
                                    input id={ "pro-" (p.number) } name="order" size="20" value=(if refused.as_ref().is_some_and(|r| r.action == "propositioner") { typed("propositioner", "order").unwrap_or_default() } else { order });
                                    label for={ "proc-" (p.number) } { "Ordföranden finner bifall till" }
                                    select id={ "proc-" (p.number) } name="carried" {
                                        option value="" { "–" }
                                        @for mo in &open_motions { option value=(mo.id) selected[p.propositions.as_ref().and_then(|pr| pr.carried) == Some(mo.id)] { "yrkande " (mo.id) } }
                                    }
                                    div { button type="submit" { "Spara propositionsordningen" } }
                                }
                                form method="post" action=(action("aterta")) {
                                    (csrf(token.as_deref()))
                                    input type="hidden" name="paragraph" value=(p.number);
                                    label for={ "wd-" (p.number) } { "Återtaget yrkande" }
                                    select id={ "wd-" (p.number) } name="motion" { @for mo in &open_motions { option value=(mo.id) { "yrkande " (mo.id) } } }
                                    div { button type="submit" { "Återta yrkandet" } }
                                }
                            }
                            form method="post" action=(action("anteckning")) {
                                (csrf(token.as_deref()))
                                input type="hidden" name="paragraph" value=(p.number);
                                label for={ "note-" (p.number) } { "Protokollsanteckning av" }
                                select id={ "note-" (p.number) } name="person" { @for a in min.attendance().attendees().iter().filter(|a| a.presence.covers(p.number)) { option value=(a.person) { (name(&a.person)) } } }
                                label for={ "notet-" (p.number) } { "Anteckningen" }
                                textarea id={ "notet-" (p.number) } name="text" rows="2" cols="60" required { (typed("anteckning", "text").unwrap_or_default()) }
                                div { button type="submit" { "Registrera anteckningen" } }
                            }
                        }
                    }
                }
                @if m.state() == MeetingState::MinutesDrafted {
                    @if let Some(me) = user.person {
                        @let role = if min.chair() == Some(me) { Some(("chair", "ordförande")) } else if min.adjusters().contains(&me) { Some(("adjuster", "justerare")) } else { None };
                        @if let Some((r, label)) = role {
                            @if !min.approvals().iter().any(|a| a.signer == me && a.paragraphs.is_empty()) {
                                @match min.check_complete() {
                                    Ok(()) => {
                                        form method="post" action=(action("justera")) {
                                            (csrf(token.as_deref()))
                                            input type="hidden" name="role" value=(r);
                                            label { input type="checkbox" name="confirm" value="1" required; " Jag har läst protokollet och närvarolistan ovan och godkänner dem" }
                                            button type="submit" { "Justera protokollet som " (label) }
                                        }
                                    }
                                    Err(e) => { p class="refused" { "Protokollet kan inte justeras än: " (cycle::with_names_text(&state.dir, &e.to_string())) } }
                                }
                                details open[refused.as_ref().is_some_and(|r| r.action == "begar-andring")] {
                                    summary { "Begär ändring i stället" }
                                    form method="post" action=(action("begar-andring")) {
                                        (csrf(token.as_deref()))
                                        label for="chg" { "Vad ska ändras? (sekreteraren får en uppgift)" }
                                        textarea id="chg" name="comment" rows="3" cols="60" required { (typed("begar-andring", "comment").unwrap_or_default()) }
                                        div { button type="submit" { "Skicka tillbaka till sekreteraren" } }
                                    }
                                }
                            }
                        }
                    }
                    @if let Some(me) = user.person {
                        @let role = if min.chair() == Some(me) { Some("chair") } else if min.adjusters().contains(&me) { Some("adjuster") } else { None };
                        @let open: Vec<_> = min.paragraphs().iter().filter(|p| !p.immediately_adjusted && p.decision.is_some()).collect();
                        @if let (Some(r), true, false) = (role, today == m.date, open.is_empty()) {
                            details {
                                summary { "Omedelbar justering av enskilda paragrafer (vid sammanträdet)" }
                                form method="post" action=(action("justera")) {
                                    (csrf(token.as_deref()))
                                    input type="hidden" name="role" value=(r);
                                    fieldset { legend { "Paragrafer att justera nu" }
                                        @for p in &open { label { input type="checkbox" name="paragraphs" value=(p.number); " § " (p.number) " " (p.title) } }
                                    }
                                    label { input type="checkbox" name="confirm" value="1" required; " Jag har läst paragraferna och närvarolistan och godkänner dem" }
                                    div { button type="submit" { "Justera paragraferna omedelbart" } }
                                }
                            }
                        }
                    }
                    @if secretary {
                        @if let Err(e) = min.check_complete() {
                            p class="refused" { "Innan protokollet kan justeras: " (cycle::with_names_text(&state.dir, &e.to_string())) }
                        }
                        @if min.check_complete().is_ok() {
                            details open[refused.as_ref().is_some_and(|r| r.action == "pappersjustering")] {
                                summary { "Registrera en justering som gjorts på papper" }
                                form method="post" action=(action("pappersjustering")) {
                                    (csrf(token.as_deref()))
                                    label for="pj-signer" { "Vem skrev under" }
                                    select id="pj-signer" name="signer" {
                                        @for (who, r) in min.chair().map(|c| (c, "ordförande")).into_iter().chain(min.adjusters().iter().map(|a| (*a, "justerare"))) {
                                            @if min.awaits_approval_from(who) { option value=(who) { (name(&who)) ", " (r) } }
                                        }
                                    }
                                    label for="pj-signed" { "Dag för underskriften" }
                                    input id="pj-signed" name="signed" type="date" required max=(today) value=(typed("pappersjustering", "signed").unwrap_or_default());
                                    p { "Registreringen sparas med ditt namn och tiden nu." }
                                    div { button type="submit" { "Registrera justeringen" } }
                                }
                            }
                        }
                    }
                    p { "Godkänt av: " (min.approvals().iter().map(|a| name(&a.signer)).collect::<Vec<_>>().join(", ")) }
                }
                @if !late.is_empty() {
                    p class="refused" { "Justerat efter lagens fjorton dagar (KL 5 kap. 69 §): " (late.iter().map(|a| format!("{} {}", name(&a.signer), a.time.format("%Y-%m-%d"))).collect::<Vec<_>>().join(", ")) "." }
                }
                @for a in min.approvals().iter().filter(|a| a.recorded.is_some()) {
                    @if let Some(r) = &a.recorded {
                        p { (name(&a.signer)) " godkände " (a.time.format("%Y-%m-%d")) "; registrerat i efterhand " (r.at.format("%Y-%m-%d %H:%M")) " av " (r.by) "." }
                    }
                }
                @if let Some(seal) = min.seal() { p { "Justerat och förseglat " (seal.sealed_at.format("%Y-%m-%d %H:%M")) "." } }
                @for pp in m.paragraph_postings() {
                    p { "§ " (pp.number) " anslogs " (pp.posting.posted) " för sig (omedelbart justerad); sista dag för överklagande " (pp.posting.appeal_ends.map(|d| d.to_string()).unwrap_or_default()) "." }
                }
                @if secretary && m.posting().is_none() {
                    @for p in min.paragraphs().iter().filter(|p| p.immediately_adjusted && !m.paragraph_postings().iter().any(|x| x.number == p.number)) {
                        form method="post" action=(action("anslag-paragraf")) {
                            (csrf(token.as_deref()))
                            input type="hidden" name="paragraph" value=(p.number);
                            label for={ "ap-" (p.number) } { "Förvaringsplats (§ " (p.number) ", omedelbart justerad)" }
                            input id={ "ap-" (p.number) } name="storage" required size="40" value=(state.dir.config().municipality.storage_place.clone().unwrap_or_default());
                            div { button type="submit" { "Anslå § " (p.number) " för sig" } }
                        }
                    }
                }
                @if secretary && m.state() == MeetingState::Adjusted {
                    h2 { "Anslag" }
                    form method="post" action=(action("anslag")) {
                        (csrf(token.as_deref()))
                        p { "Anslaget sätts upp i dag, " (today) ", och överklagandetiden räknas från den dagen." }
                        label for="a-storage" { "Förvaringsplats för protokollet" } input id="a-storage" name="storage" required size="40" value=(state.dir.config().municipality.storage_place.clone().unwrap_or_default());
                        div { button type="submit" { "Sätt upp anslaget" } }
                    }
                }
            }
        },
    ))
}

fn person_field(f: &Fields, key: &str) -> Result<PersonId, WebError> {
    required(f, key, "person")?
        .parse::<i64>()
        .map(PersonId)
        .map_err(|_| WebError::field(key, "ogiltig person"))
}

fn paragraph_field(f: &Fields) -> Result<u32, WebError> {
    required(f, "paragraph", "paragraf")?
        .parse()
        .map_err(|_| WebError::field("paragraph", "ogiltigt paragrafnummer"))
}

fn lines(s: Option<&str>) -> Vec<String> {
    s.unwrap_or("")
        .lines()
        .map(|l| l.trim().trim_start_matches("att ").to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The first and last day of the month before `today`'s.
fn previous_month(today: chrono::NaiveDate) -> (chrono::NaiveDate, chrono::NaiveDate) {
    use chrono::Datelike;
    let first_this = today.with_day(1).unwrap_or(today);
    let last = first_this.pred_opt().unwrap_or(first_this);
    (last.with_day(1).unwrap_or(last), last)
}

/// A form's address opened by hand, or reloaded after a refused save: the meeting's page.
pub async fn meeting_action_get(Path((id, _act)): Path<(i64, String)>) -> Redirect {
    Redirect::to(&format!("/sammantraden/{id}"))
}

pub async fn meeting_action(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, act)): Path<(i64, String)>,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    let user = viewer.logged_in()?.clone();
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    let store = &state.dir;
    let mid = MeetingId(id);
    let m = store
        .meeting(mid)
        .map_err(|_| WebError::NotFound(format!("sammanträde {id}")))?;
    if !viewer.can_read_body(m.body) {
        return Err(WebError::Forbidden(
            "du har inte tillgång till det här organet".into(),
        ));
    }
    if act != "justera" && act != "begar-andring" {
        viewer.require(SECRETARY)?;
    }
    let before = crate::audit::meeting_snapshot(&state, mid)?;
    let done = (|| -> Result<(), WebError> {
        match act.as_str() {
            "punkt" => {
                cycle::add_agenda_case(store, mid, required(&f, "case", "ärende")?, None)?;
            }
            "punkt-utan-arende" => {
                cycle::add_agenda_topic(
                    store,
                    mid,
                    required(&f, "title", "rubrik")?,
                    get(&f, "case_number").map(String::from),
                    if get(&f, "secret").is_some() {
                        paragraf_core::registry::Secrecy::IndividualCase
                    } else {
                        paragraf_core::registry::Secrecy::Public
                    },
                    None,
                )?;
            }
            "halltid" => {
                let start = required(&f, "start", "starttid")?
                    .parse()
                    .map_err(|_| WebError::field("start", "ogiltig tid"))?;
                let presenters = get(&f, "presenter")
                    .map(|p| vec![p.to_string()])
                    .unwrap_or_default();
                cycle::add_slot(
                    store,
                    mid,
                    ScheduleSlot {
                        start,
                        end: None,
                        topic: required(&f, "topic", "ämne")?.to_string(),
                        presenters,
                        public: get(&f, "public").is_some(),
                    },
                )?;
            }
            "tillagg" => {
                for w in cycle::add_supplement(
                    store,
                    mid,
                    required(&f, "case", "ärende")?,
                    state.today(),
                )?
                .1
                {
                    tracing::warn!("{}", w.0);
                }
            }
            "aterkalla" => cycle::withdraw_notice(store, mid, state.today())?,
            "handlingar" => {
                let position: u32 = required(&f, "position", "punkt")?
                    .parse()
                    .map_err(|_| WebError::field("position", "ogiltig punkt"))?;
                let mut chosen: Vec<(u32, u32)> = Vec::new();
                for d in all(&f, "doc") {
                    let n: u32 = d
                        .parse()
                        .map_err(|_| WebError::field("doc", "ogiltig handling"))?;
                    let key = format!("order-{n}");
                    let order = match get(&f, &key) {
                        Some(o) => o
                            .trim()
                            .parse()
                            .map_err(|_| WebError::field(&key, "ordningen är ett heltal"))?,
                        None => u32::MAX,
                    };
                    chosen.push((order, n));
                }
                chosen.sort();
                paragraf_app::meeting::papers::choose(
                    store,
                    &user,
                    mid,
                    position,
                    chosen.into_iter().map(|(_, n)| n).collect(),
                )?;
            }
            "expediera" => {
                let n = paragraph_field(&f)?;
                paragraf_app::mail::dispatch_extract(
                    store,
                    &user,
                    mid,
                    n,
                    &paragraf_app::mail::ExtractTo {
                        recipient: required(&f, "recipient", "mottagare")?.to_string(),
                        email: get(&f, "email").map(|e| e.trim().to_string()),
                    },
                    state.today(),
                )?;
            }
            "skicka-igen" => {
                let d: i64 = required(&f, "dispatch", "utskick")?
                    .parse()
                    .map_err(|_| WebError::field("dispatch", "ogiltigt utskick"))?;
                paragraf_app::mail::retry(store, &user, mid, d)?;
            }
            "inkalla" => {
                let person = person_field(&f, "person")?;
                paragraf_app::meeting::papers::call_in(
                    store,
                    &user,
                    mid,
                    person,
                    get(&f, "serve").is_some(),
                )?;
            }
            "ej-genomfort" => cycle::unmark_held(store, mid)?,
            "stall-in" => {
                if get(&f, "confirm").is_none() {
                    return Err(WebError::field(
                        "confirm",
                        "bekräfta att sammanträdet ska ställas in",
                    ));
                }
                cycle::cancel(store, mid, state.today(), required(&f, "reason", "skäl")?)?;
            }
            "begar-andring" => cycle::request_change(
                store,
                mid,
                user.person,
                required(&f, "comment", "ändring")?,
                state.now(),
            )?,
            "andring-klar" => {
                let n = required(&f, "number", "ändring")?
                    .parse()
                    .map_err(|_| WebError::field("number", "ogiltig ändring"))?;
                cycle::change_done(store, mid, n, state.now())?;
            }
            "rapport" => {
                let day = |k: &str, what: &str| -> Result<chrono::NaiveDate, WebError> {
                    required(&f, k, what)?
                        .parse()
                        .map_err(|_| WebError::field(k, "ogiltigt datum; skriv ÅÅÅÅ-MM-DD"))
                };
                let report = match required(&f, "report", "rapport")? {
                    "delegation" => AgendaReport::Delegation {
                        from: day("from", "från")?,
                        to: day("to", "till")?,
                    },
                    "ej-verkstallda" => AgendaReport::Unenforced {
                        date: day("date", "dag")?,
                    },
                    "uppfoljning" => AgendaReport::FollowUp {
                        period: required(&f, "period", "period")?
                            .parse()
                            .map_err(|e| WebError::field("period", format!("{e}")))?,
                    },
                    _ => return Err(WebError::field("report", "välj en rapport")),
                };
                place_report(store, mid, &report, state.today(), &user.username)?;
            }
            "andra" => {
                let date = required(&f, "date", "datum")?
                    .parse()
                    .map_err(|_| WebError::field("date", "ogiltigt datum; skriv ÅÅÅÅ-MM-DD"))?;
                let time = |k: &str| -> Result<Option<chrono::NaiveTime>, WebError> {
                    get(&f, k)
                        .map(|t| {
                            chrono::NaiveTime::parse_from_str(t, "%H:%M")
                                .map_err(|_| WebError::field(k, "ogiltig tid; skriv TT:MM"))
                        })
                        .transpose()
                };
                cycle::reschedule(
                    store,
                    mid,
                    date,
                    time("start")?,
                    time("end")?,
                    get(&f, "place").map(String::from),
                )?;
            }
            "flytta" => {
                let n = |k: &str| -> Result<u32, WebError> {
                    required(&f, k, "punkt")?
                        .parse()
                        .map_err(|_| WebError::field(k, "ogiltig punkt"))
                };
                cycle::move_agenda_item(store, mid, n("from")?, n("to")?)?;
            }
            "kalla" => {
                for w in cycle::send_notice(store, mid, state.today())? {
                    tracing::warn!("{}", w.0);
                }
            }
            "genomfort" => cycle::mark_held(store, mid, state.today())?,
            "protokoll" => {
                let chair = person_field(&f, "chair")?;
                let mut adjusters = vec![person_field(&f, "adjuster")?];
                if get(&f, "adjuster2").is_some() {
                    adjusters.push(person_field(&f, "adjuster2")?);
                }
                let place = get(&f, "adjustment_place")
                    .unwrap_or("Digital justering i Paragraf")
                    .to_string();
                cycle::draft_minutes(store, mid, user.person, Some(chair), adjusters, Some(place))?;
            }
            "narvaro" => {
                let mut list: Vec<Attendee> = Vec::new();
                let a = Attendee::whole_meeting;
                for p in all(&f, "member") {
                    list.push(a(
                        PersonId(
                            p.parse()
                                .map_err(|_| WebError::field("member", "ogiltig person"))?,
                        ),
                        AttendanceRole::Member,
                    ));
                }
                for (k, v) in f
                    .iter()
                    .filter(|(k, v)| k.starts_with("sub-") && !v.is_empty())
                {
                    let sub = PersonId(
                        k[4..]
                            .parse()
                            .map_err(|_| WebError::field(k, "ogiltig person"))?,
                    );
                    let role = if v == "present" {
                        AttendanceRole::Substitute
                    } else {
                        AttendanceRole::ServingSubstitute {
                            replaces: PersonId(
                                v.parse()
                                    .map_err(|_| WebError::field(k, "ogiltig ledamot"))?,
                            ),
                        }
                    };
                    list.push(a(sub, role));
                }
                let officials = store.officials()?;
                for p in all(&f, "other") {
                    let person = PersonId(
                        p.parse()
                            .map_err(|_| WebError::field("other", "ogiltig person"))?,
                    );
                    let title = officials
                        .iter()
                        .find(|o| o.person == person)
                        .map(|o| o.title.clone());
                    list.push(a(person, AttendanceRole::Other { title }));
                }
                // Närvaro per paragraf, as the minutes write it ("§§ 1–5", "ej § 3").
                for x in &mut list {
                    let key = format!("pres-{}", x.person);
                    if let Some(text) = get(&f, &key) {
                        x.presence = paragraf_core::meeting::Presence::parse(text)
                            .map_err(|e| WebError::field(&key, e.to_string()))?;
                    }
                }
                cycle::set_attendance(store, mid, list)?;
            }
            "beslut" => {
                let n = paragraph_field(&f)?;
                let disposition = match get(&f, "disposition") {
                    Some(d) => Some(Disposition::parse(d).ok_or_else(|| {
                        WebError::field(
                            "disposition",
                            "välj bordlagt, återremitterat eller information",
                        )
                    })?),
                    None => None,
                };
                let decision = cycle::decision_as_written(
                    get(&f, "form") == Some("text"),
                    get(&f, "intro"),
                    get(&f, "clauses").unwrap_or(""),
                );
                if decision.is_none() && disposition.is_none() {
                    return Err(WebError::field(
                    "clauses",
                    "skriv minst en att-sats, eller välj att ärendet bordlades, återremitterades eller var information",
                ));
                }
                let presiding = match get(&f, "presiding") {
                    Some(_) => Some(Some(person_field(&f, "presiding")?)),
                    None if f.iter().any(|(k, _)| k == "presiding") => Some(None),
                    None => None,
                };
                let dispatch = lines(get(&f, "dispatch"));
                let given = |k: &str| f.iter().any(|(key, _)| key == k);
                cycle::write_paragraph(
                    store,
                    mid,
                    n,
                    cycle::ParagraphText {
                        decision,
                        dispatch: (!dispatch.is_empty()).then_some(dispatch),
                        disposition: Some(disposition),
                        presiding,
                        title: get(&f, "title").map(String::from),
                        tables: given("tables")
                            .then(|| get(&f, "tables").unwrap_or("").to_string()),
                        text: given("text").then(|| get(&f, "text").unwrap_or("").to_string()),
                        documents: given("documents").then(|| {
                            get(&f, "documents")
                                .unwrap_or("")
                                .lines()
                                .map(|l| l.trim().to_string())
                                .filter(|l| !l.is_empty())
                                .collect()
                        }),
                    },
                )?;
            }
            "omrostning" => {
                let n = paragraph_field(&f)?;
                let mut ballots = Vec::new();
                for (k, v) in f.iter().filter(|(k, _)| k.starts_with("vote-")) {
                    let person = PersonId(
                        k[5..]
                            .parse()
                            .map_err(|_| WebError::field(k, "ogiltig person"))?,
                    );
                    let choice = match v.as_str() {
                        "yes" => Choice::Yes,
                        "no" => Choice::No,
                        "abstain" => Choice::Abstain,
                        _ => {
                            return Err(WebError::field(k, "rösten ska vara ja, nej eller avstår"))
                        }
                    };
                    ballots.push(Ballot { person, choice });
                }
                let yes = required(&f, "yes_means", "vad ja betyder")?;
                let no = required(&f, "no_means", "vad nej betyder")?;
                let motion = |k: &str| -> Result<Option<u32>, WebError> {
                    get(&f, k)
                        .map(|v| {
                            v.parse()
                                .map_err(|_| WebError::field(k, "ogiltigt yrkande"))
                        })
                        .transpose()
                };
                let motions = match (motion("yes_motion")?, motion("no_motion")?) {
                    (Some(y), Some(n)) => Some((y, n)),
                    (None, None) => None,
                    _ => {
                        return Err(WebError::field(
                            "no_motion",
                            "välj yrkandet både för ja och för nej, eller inget av dem",
                        ))
                    }
                };
                cycle::record_vote(store, mid, n, yes, no, ballots, motions)?;
            }
            "reservation" => {
                let n = paragraph_field(&f)?;
                let by = person_field(&f, "person")?;
                let reasons = get(&f, "reasons").map(String::from);
                cycle::add_reservation(store, mid, n, by, reasons)?;
            }
            "yrkande" => {
                let n = paragraph_field(&f)?;
                let by = person_field(&f, "person")?;
                let support = all(&f, "support")
                    .into_iter()
                    .map(|v| {
                        v.parse::<i64>()
                            .map(PersonId)
                            .map_err(|_| WebError::field("support", "ogiltig person"))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                cycle::add_motion(
                    store,
                    mid,
                    n,
                    by,
                    support,
                    required(&f, "text", "yrkandet")?,
                )?;
            }
            "propositioner" => {
                let n = paragraph_field(&f)?;
                let order = get(&f, "order")
                    .unwrap_or("")
                    .split([',', ' ', ';'])
                    .filter(|v| !v.is_empty())
                    .map(|v| {
                        v.parse::<u32>().map_err(|_| {
                            WebError::field("order", format!("”{v}” är inget yrkandenummer"))
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                let carried = get(&f, "carried")
                    .map(|v| {
                        v.parse::<u32>()
                            .map_err(|_| WebError::field("carried", "ogiltigt yrkande"))
                    })
                    .transpose()?;
                cycle::set_propositions(store, mid, n, order, carried)?;
            }
            "aterta" => {
                let n = paragraph_field(&f)?;
                let motion = required(&f, "motion", "yrkande")?
                    .parse::<u32>()
                    .map_err(|_| WebError::field("motion", "ogiltigt yrkande"))?;
                cycle::withdraw_motion(store, mid, n, motion)?;
            }
            "anteckning" => {
                let n = paragraph_field(&f)?;
                let by = person_field(&f, "person")?;
                cycle::add_note(
                    store,
                    mid,
                    n,
                    vec![by],
                    required(&f, "text", "anteckningen")?,
                )?;
            }
            "jav" => {
                let n = paragraph_field(&f)?;
                let person = person_field(&f, "person")?;
                cycle::record_conflict(store, mid, n, person, None)?;
            }
            "justera" => {
                if get(&f, "confirm").is_none() {
                    return Err(WebError::field(
                        "confirm",
                        "bekräfta att du har läst protokollet och närvarolistan",
                    ));
                }
                let me = user.person.ok_or_else(|| {
                    WebError::Forbidden("kontot är inte kopplat till en person".into())
                })?;
                let role = match get(&f, "role") {
                    Some("chair") => SignerRole::Chair,
                    Some("adjuster") => SignerRole::Adjuster,
                    _ => {
                        return Err(WebError::field(
                            "role",
                            "rollen ska vara ordförande eller justerare",
                        ))
                    }
                };
                // Omedelbar justering names the §§; without them the whole minutes.
                let paragraphs = all(&f, "paragraphs")
                    .into_iter()
                    .map(|n| {
                        n.parse()
                            .map_err(|_| WebError::field("paragraphs", "ogiltig paragraf"))
                    })
                    .collect::<Result<Vec<u32>, _>>()?;
                cycle::approve(
                    &state.dir,
                    mid,
                    me,
                    role,
                    paragraphs,
                    &cycle::InAppApproval { now: state.now() },
                )?;
            }
            "pappersjustering" => {
                // A justering signed on paper, recorded afterwards by the secretary.
                let signer = person_field(&f, "signer")?;
                let chair = store.minutes(mid)?.and_then(|m| m.chair());
                let role = if chair == Some(signer) {
                    SignerRole::Chair
                } else {
                    SignerRole::Adjuster
                };
                let day: chrono::NaiveDate = required(&f, "signed", "dag för underskriften")?
                    .parse()
                    .map_err(|_| WebError::field("signed", "ogiltigt datum; skriv ÅÅÅÅ-MM-DD"))?;
                // Signed today: now; an earlier day: its noon. A later day is the core's to
                // refuse (never dated ahead).
                let at = if day == state.today() {
                    state.now()
                } else {
                    day.and_hms_opt(12, 0, 0)
                        .and_then(|t| t.and_local_timezone(*state.now().offset()).single())
                        .ok_or_else(|| WebError::field("signed", "ogiltigt datum"))?
                };
                cycle::approve(
                    &state.dir,
                    mid,
                    signer,
                    role,
                    vec![],
                    &cycle::RecordedApproval {
                        method: "underskrift på papper".into(),
                        signed_at: at,
                        recording: cycle::Recording {
                            now: state.now(),
                            by: user.username.clone(),
                            on_behalf: true,
                        },
                    },
                )?;
            }
            "anslag" => {
                let date = match get(&f, "date") {
                    Some(d) => d
                        .parse()
                        .map_err(|_| WebError::field("date", "ogiltigt datum"))?,
                    None => state.today(),
                };
                for w in cycle::post_minutes(
                    store,
                    mid,
                    date,
                    required(&f, "storage", "förvaringsplats")?,
                    state.today(),
                )? {
                    tracing::warn!("{}", w.0);
                }
            }
            "anslag-paragraf" => {
                let n = paragraph_field(&f)?;
                for w in cycle::post_paragraph(
                    store,
                    mid,
                    n,
                    state.today(),
                    required(&f, "storage", "förvaringsplats")?,
                    state.today(),
                )? {
                    tracing::warn!("{}", w.0);
                }
            }
            other => return Err(WebError::NotFound(format!("åtgärden {other}"))),
        }
        Ok(())
    })();
    match done {
        Ok(()) => {}
        // A refusal of the rules or of the input: the page again, with what was typed.
        Err(e) if e.refuses_form() => {
            let status = e.status();
            let refused = Refused {
                action: &act,
                fields: &f,
                message: e.to_string(),
            };
            return Ok((status, meeting_view(&state, &viewer, id, Some(refused))?).into_response());
        }
        Err(e) => return Err(e),
    }
    let fields: serde_json::Map<String, serde_json::Value> = f
        .iter()
        .filter(|(k, _)| k != "csrf")
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    crate::audit::meeting_change(&state, &viewer, &act, mid, before, fields.into())?;
    Ok(Redirect::to(&format!("/sammantraden/{id}")).into_response())
}

/// A document of the meeting as PDF, for those who may read the body's documents.
pub async fn document(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, name)): Path<(i64, String)>,
) -> Result<Response, WebError> {
    viewer.logged_in()?;
    let m = state
        .dir
        .meeting(MeetingId(id))
        .map_err(|_| WebError::NotFound(format!("sammanträde {id}")))?;
    if !viewer.can_read_body(m.body) {
        return Err(WebError::Forbidden(
            "du har inte tillgång till det här organets handlingar".into(),
        ));
    }
    let bytes = paragraf_app::meeting::documents::MeetingDocs::load(&state.dir, MeetingId(id))?
        .pdf(&state.dir, &name, state.today())?
        .ok_or_else(|| WebError::NotFound(format!("dokumentet {name}")))?;
    if name == "protokoll.pdf" {
        audit(
            &state,
            &viewer,
            "läsa-dokument",
            "protokoll",
            id,
            json!(name),
        );
    }
    Ok(crate::public::pdf(bytes, &name))
}

pub async fn audit_page(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, WebError> {
    viewer.require(&[Role::Admin])?;
    let log = state.dir.audit_log(500)?;
    Ok(page(
        "Revisionslogg",
        viewer.user.as_ref(),
        html! {
            h1 { "Revisionslogg" }
            table {
                thead { tr { th scope="col" { "Tid" } th scope="col" { "Vem" } th scope="col" { "Vad" } th scope="col" { "Objekt" } th scope="col" { "Efter" } } }
                tbody { @for e in &log { tr { td { (e.at) } td { (e.actor) } td { (e.action) } td { (e.entity) " " (e.entity_id.clone().unwrap_or_default()) } td { code { (e.after.clone().unwrap_or_default()) } } } } }
            }
        },
    ))
}

/// `POST /sammantraden/{id}/klassificera`: a person decides whether a § may be published
/// (never a § the minutes hold secret). Recorded with its ground and in the audit log.
pub async fn classify(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    let store = &state.dir;
    let m = store
        .meeting(MeetingId(id))
        .map_err(|_| WebError::NotFound(format!("sammanträde {id}")))?;
    let user = viewer.require_in(SECRETARY, Some(m.body))?.clone();
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    let n = paragraph_field(&f)?;
    let public = match get(&f, "public") {
        Some("1") => true,
        Some("0") => false,
        _ => return Err(WebError::field("public", "välj om paragrafen publiceras")),
    };
    paragraf_app::meeting::publication::classify(
        store,
        m.id,
        n,
        public,
        get(&f, "ground").unwrap_or(""),
        &user.username,
    )?;
    Ok(Redirect::to(&format!("/sammantraden/{id}")).into_response())
}

/// Makes an API token for `user` (see [`paragraf_app::accounts::create_token`]); returns
/// the secret (shown once) and when it expires.
pub(crate) fn new_token(
    state: &AppState,
    user: &paragraf_app::accounts::User,
    label: &str,
    days: Option<i64>,
) -> Result<(String, String), WebError> {
    let (token, _, expires) =
        paragraf_app::accounts::create_token(&state.dir, user, label, days, chrono::Utc::now())?;
    Ok((token, expires.to_rfc3339()))
}

/// Revokes token `id` of `user`; 404 when they have no such live token.
pub(crate) fn revoke_token(
    state: &AppState,
    user: &paragraf_app::accounts::User,
    id: i64,
) -> Result<(), WebError> {
    Ok(paragraf_app::accounts::revoke_token(
        &state.dir,
        user,
        id,
        chrono::Utc::now(),
    )?)
}

fn tokens_view(
    state: &AppState,
    viewer: &Viewer,
    new: Option<(&str, &str)>,
) -> Result<Markup, WebError> {
    let user = viewer.logged_in()?;
    let list = paragraf_app::accounts::tokens(&state.dir, user)?;
    Ok(page(
        "API-nycklar",
        Some(user),
        html! {
            h1 { "Mina API-nycklar" }
            p { "En API-nyckel ger ett program samma behörighet som ditt konto. Den slutar gälla vid utgångsdatumet, när du återkallar den, och när kontot stängs." }
            @if let Some((token, expires)) = new {
                div class="notice" role="status" {
                    p { strong { "Ny nyckel — kopiera den nu, den visas bara en gång:" } }
                    p { code { (token) } }
                    p { "Gäller till " (expires) "." }
                }
            }
            table {
                thead { tr { th scope="col" { "Nr" } th scope="col" { "Användning" } th scope="col" { "Skapad" } th scope="col" { "Gäller till" } th scope="col" { "Status" } } }
                tbody { @for t in &list { tr {
                    td { (t.id) } td { (t.label) } td { (t.created) } td { (t.expires.clone().unwrap_or_else(|| "–".into())) }
                    td {
                        @if let Some(r) = &t.revoked { "återkallad " (r) }
                        @else if t.expires.is_none() { "ogiltig (saknar utgångsdatum)" }
                        @else {
                            form method="post" action={ "/konto/nycklar/" (t.id) "/aterkalla" } {
                                (csrf(viewer.csrf.as_deref()))
                                button type="submit" { "Återkalla" }
                            }
                        }
                    }
                } } }
            }
            h2 { "Skapa nyckel" }
            form method="post" action="/konto/nycklar" {
                (csrf(viewer.csrf.as_deref()))
                label for="t-label" { "Vad nyckeln används till" }
                input id="t-label" name="label" required size="40";
                label for="t-days" { "Antal dagar den gäller (1–365)" }
                input id="t-days" name="days" type="number" min="1" max="365" value="90";
                div { button type="submit" { "Skapa nyckel" } }
            }
        },
    ))
}

/// `GET /konto/nycklar`: the user's API tokens.
pub async fn tokens_page(
    State(state): State<AppState>,
    viewer: Viewer,
) -> Result<Markup, WebError> {
    tokens_view(&state, &viewer, None)
}

/// `POST /konto/nycklar`: a new token, shown once.
pub async fn token_create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<Fields>,
) -> Result<Markup, WebError> {
    let user = viewer.logged_in()?.clone();
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    let days = get(&f, "days")
        .map(|d| {
            d.trim()
                .parse::<i64>()
                .map_err(|_| WebError::field("days", "antal dagar ska vara ett heltal"))
        })
        .transpose()?;
    let (token, expires) = new_token(&state, &user, get(&f, "label").unwrap_or(""), days)?;
    tokens_view(&state, &viewer, Some((&token, &expires)))
}

/// `POST /konto/nycklar/{id}/aterkalla`.
pub async fn token_revoke(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    let user = viewer.logged_in()?.clone();
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    revoke_token(&state, &user, id)?;
    Ok(Redirect::to("/konto/nycklar").into_response())
}
