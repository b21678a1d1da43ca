//! The public site: the anslagstavla (with its Atom feed), published minutes in their public
//! version, the meeting calendar and a page per body. Nothing here shows a secret §, a
//! personnummer, a draft or the audit log.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Datelike, NaiveDate};
use maud::{html, Markup};
use paragraf_app::meeting::publication::PublicMinutes;
use paragraf_core::ids::{BodyId, MeetingId, PersonId, Record};
use paragraf_core::meeting::{AttendanceRole, Meeting, Posting};
use paragraf_core::minutes::{Decision, Paragraph};
use paragraf_core::org::Body;
use paragraf_core::secrecy::mask_personal_numbers;

use crate::auth::Viewer;
use crate::error::WebError;
use crate::html::{long_date, page, text};
use crate::month;
use crate::AppState;

/// How to appeal, as every notice must tell (KL 13 kap.).
pub const HOW_TO_APPEAL: &str = "Den som är medlem i kommunen kan överklaga beslutet genom laglighetsprövning \
hos förvaltningsrätten. Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då \
tillkännagivandet om justeringen av protokollet sattes upp på kommunens anslagstavla. Skriv vilket beslut du \
överklagar och varför du anser att det strider mot lag (13 kap. 8 § kommunallagen).";

/// Names of persons, by id.
pub fn names(store: &paragraf_app::DataDir) -> Result<HashMap<PersonId, String>, WebError> {
    Ok(store
        .persons()?
        .into_iter()
        .map(|p| (p.id, p.value.name))
        .collect())
}

fn bodies(
    store: &paragraf_app::DataDir,
) -> Result<HashMap<BodyId, Record<BodyId, Body>>, WebError> {
    Ok(store.bodies()?.into_iter().map(|b| (b.id, b)).collect())
}

pub use paragraf_app::meeting::publication::is_published;

/// The paths of the public site and the public API: every answer on them is masked of
/// personnummer as a last line of defence (the views are masked where they are built).
pub fn is_public_path(path: &str) -> bool {
    matches!(
        path,
        "/" | "/anslagstavla"
            | "/anslagstavla.atom"
            | "/kalender"
            | "/kalender.ics"
            | "/dcat.jsonld"
            | "/oppna-data"
            | "/sok"
            | "/organ"
            | "/protokoll"
            | "/delegation"
            | "/uppfoljning"
            | "/sigill.pub"
            | "/verifiera"
            | "/healthz"
            | "/readyz"
    ) || [
        "/protokoll/",
        "/arende/",
        "/oparl/",
        "/oppna-data/",
        "/organ/",
        "/statistik/",
        "/uppfoljning/",
        "/api/v1/minutes",
        "/api/v1/keys",
        "/api/v1/notices",
        "/api/v1/bodies",
        "/api/v1/openapi",
    ]
    .iter()
    .any(|p| path.starts_with(p))
        || (path.starts_with("/delegation/") && path != "/delegation/beslut")
}

/// Masks personnummer in every text answer (HTML, JSON, Atom, SVG, CSV, text) on the
/// public paths. PDFs are masked in their view models before they are typeset.
pub async fn mask_public_answers(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let public = is_public_path(req.uri().path());
    let response = next.run(req).await;
    if !public {
        return response;
    }
    let textual = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| {
            t.starts_with("text/")
                || t.contains("json")
                || t.contains("xml")
                || t.contains("svg")
                || t.contains("csv")
        });
    if !textual {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!("svaret kunde inte läsas för maskering: {e}");
            return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let masked = mask_personal_numbers(&text).into_owned();
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(masked))
}

/// A meeting on the board, with its notice.
pub type Posted = (Record<MeetingId, Meeting>, Posting);

/// The notices on the board on `today`: posted, and the appeal period not yet over.
pub fn current_notices(
    store: &paragraf_app::DataDir,
    today: NaiveDate,
) -> Result<Vec<Posted>, WebError> {
    let mut out: Vec<_> = store
        .meetings()?
        .iter()
        .map(paragraf_app::meeting::publication::public_meeting)
        .filter_map(|m| {
            let n = m.posting().cloned()?;
            (n.is_up(today) && is_published(&m)).then_some((m, n))
        })
        .collect();
    out.sort_by_key(|x| std::cmp::Reverse(x.1.posted));
    Ok(out)
}

pub async fn home(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, WebError> {
    let store = &state.public;
    let notices = current_notices(store, state.today())?;
    Ok(page(
        "Start",
        viewer.user.as_ref(),
        html! {
            @if paragraf_app::settings::logo(&state.public).is_some() {
                img class="logo" src="/logotyp.png" alt="" style="max-height:4rem;max-width:100%";
            }
            h1 { (state.public.config().municipality.name) }
            p { "Här publiceras kommunens anslagstavla, nämndernas protokoll och sammanträden, och "
                a href="/statistik/ej-verkstallda" { "statistik över gynnande beslut som inte verkställts" } "." }
            h2 { "På anslagstavlan nu" }
            @if notices.is_empty() { p { "Inga anslag om justerade protokoll just nu." } }
            ul { @for (m, n) in &notices {
                li { a href={ "/protokoll/" (m.id) } { (body_name(store, m.body)) ", sammanträde " (m.date) } " — överklagas senast " (n.appeal_ends.map(|d| d.to_string()).unwrap_or_default()) }
            } }
        },
    ))
}

fn body_name(store: &paragraf_app::DataDir, id: BodyId) -> String {
    store
        .body(id)
        .map(|b| b.value.name)
        .unwrap_or_else(|_| format!("organ {id}"))
}

pub async fn board(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, WebError> {
    let store = &state.public;
    let notices = current_notices(store, state.today())?;
    Ok(page(
        "Anslagstavla",
        viewer.user.as_ref(),
        html! {
            h1 { "Anslagstavla" }
            p { "Tillkännagivanden om justerade protokoll. Ett anslag tas ned automatiskt när tiden för överklagande har gått ut. "
                a href="/anslagstavla.atom" { "Prenumerera (Atom)" } }
            @if notices.is_empty() { p { "Inga anslag om justerade protokoll just nu." } }
            @for (m, n) in &notices {
                section class="notice" aria-labelledby={ "anslag-" (m.id) } {
                    h2 id={ "anslag-" (m.id) } { "Protokoll: " (body_name(store, m.body)) }
                    table {
                        tbody {
                            tr { th scope="row" { "Organ" } td { (body_name(store, m.body)) } }
                            tr { th scope="row" { "Sammanträdesdatum" } td { (m.date) } }
                            @if let Some(a) = n.adjusted { tr { th scope="row" { "Protokollet justerat" } td { (a) } } }
                            tr { th scope="row" { "Datum då anslaget sattes upp" } td { (n.posted) } }
                            tr { th scope="row" { "Sista dag för överklagande" } td { (n.appeal_ends.map(|d| d.to_string()).unwrap_or_default()) } }
                            tr { th scope="row" { "Datum då anslaget tas ned" } td { (n.removed.map(|d| d.to_string()).unwrap_or_default()) } }
                            tr { th scope="row" { "Förvaringsplats för protokollet" } td { (n.storage) } }
                        }
                    }
                    p { a href={ "/protokoll/" (m.id) } { "Läs protokollet (offentlig version)" } }
                    details { summary { "Hur man överklagar" } p { (HOW_TO_APPEAL) } }
                }
            }
            @for m in store.meetings()?.into_iter().filter(|m| m.cancellation_on_board(state.today()).is_some()) {
                @if let Some(c) = m.cancellation_on_board(state.today()) {
                    section class="notice" aria-labelledby={ "installt-" (m.id) } {
                        h2 id={ "installt-" (m.id) } { "Inställt sammanträde: " (body_name(store, m.body)) }
                        p { (body_name(store, m.body)) "s sammanträde den " (m.date) " är inställt. " (c.reason) }
                    }
                }
            }
            @for (m, pp) in current_paragraph_notices(store, state.today())? {
                section class="notice" aria-labelledby={ "anslag-" (m.id) "-" (pp.number) } {
                    h2 id={ "anslag-" (m.id) "-" (pp.number) } { "Omedelbart justerad paragraf: " (body_name(store, m.body)) " § " (pp.number) }
                    table {
                        tbody {
                            tr { th scope="row" { "Organ" } td { (body_name(store, m.body)) } }
                            tr { th scope="row" { "Sammanträdesdatum" } td { (m.date) } }
                            tr { th scope="row" { "Paragraf" } td { "§ " (pp.number) } }
                            @if let Some(a) = pp.posting.adjusted { tr { th scope="row" { "Paragrafen justerad" } td { (a) } } }
                            tr { th scope="row" { "Datum då anslaget sattes upp" } td { (pp.posting.posted) } }
                            tr { th scope="row" { "Sista dag för överklagande" } td { (pp.posting.appeal_ends.map(|d| d.to_string()).unwrap_or_default()) } }
                            tr { th scope="row" { "Datum då anslaget tas ned" } td { (pp.posting.removed.map(|d| d.to_string()).unwrap_or_default()) } }
                            tr { th scope="row" { "Förvaringsplats för protokollet" } td { (mask_personal_numbers(&pp.posting.storage)) } }
                        }
                    }
                    details { summary { "Hur man överklagar" } p { (HOW_TO_APPEAL) } }
                }
            }
        },
    ))
}

/// A § justerad at the meeting on the board, with its own anslag.
type PostedParagraph = (
    Record<MeetingId, Meeting>,
    paragraf_core::meeting::ParagraphPosting,
);

/// The anslag of omedelbart justerade §§ up on `today` (the text follows with the whole
/// minutes, once they are justerade and sealed).
fn current_paragraph_notices(
    store: &paragraf_app::DataDir,
    today: NaiveDate,
) -> Result<Vec<PostedParagraph>, WebError> {
    let mut out = Vec::new();
    for m in store.meetings()? {
        for pp in m.paragraph_postings() {
            if pp.posting.is_up(today) {
                out.push((m.clone(), pp.clone()));
            }
        }
    }
    Ok(out)
}

pub async fn minutes_list(
    State(state): State<AppState>,
    viewer: Viewer,
) -> Result<Markup, WebError> {
    let store = &state.public;
    let bodies = bodies(store)?;
    let mut list: Vec<_> = store
        .meetings()?
        .into_iter()
        .filter(|m| is_published(m))
        .collect();
    list.sort_by_key(|m| std::cmp::Reverse(m.date));
    Ok(page(
        "Protokoll",
        viewer.user.as_ref(),
        html! {
            h1 { "Protokoll" }
            p { "Justerade och anslagna protokoll i offentlig version. Paragrafer om enskilda ärenden och personnummer är borttagna enligt OSL 26 kap. 1 §." }
            @if list.is_empty() { p { "Inga publicerade protokoll ännu." } }
            table {
                thead { tr { th scope="col" { "Datum" } th scope="col" { "Organ" } th scope="col" { "Protokoll" } } }
                tbody { @for m in &list {
                    tr {
                        td { (m.date) }
                        td { (bodies.get(&m.body).map(|b| b.name.as_str()).unwrap_or("")) }
                        td { a href={ "/protokoll/" (m.id) } { "Läs" } " · " a href={ "/protokoll/" (m.id) "/protokoll-offentlig.pdf" } { "PDF" } }
                    }
                } }
            }
        },
    ))
}

/// The published minutes in their public version, checked against their seal; 404 for
/// drafts, for what is not published and for minutes that fail the seal check (which raises
/// an alarm, see [`paragraf_app::meeting::publication`]).
pub fn published(state: &AppState, id: MeetingId) -> Result<PublicMinutes, WebError> {
    paragraf_app::meeting::publication::published(&state.public, id)?
        .ok_or_else(|| WebError::NotFound(format!("protokoll {id}")))
}

fn decision_html(d: &Decision) -> Markup {
    match d {
        Decision::Text { text: t } => text(&mask_personal_numbers(t)),
        Decision::Clauses { intro, clauses } => html! {
            @if let Some(i) = intro { p { (mask_personal_numbers(i)) } }
            ul { @for c in clauses { li { "att " (mask_personal_numbers(&c.0)) } } }
        },
    }
}

/// One § as HTML, already in its public version.
pub fn paragraph_html(p: &Paragraph, names: &HashMap<PersonId, String>) -> Markup {
    let name = |id: &PersonId| {
        names
            .get(id)
            .cloned()
            .unwrap_or_else(|| format!("person {id}"))
    };
    html! {
        section class="para" aria-labelledby={ "p" (p.number) } {
            h3 id={ "p" (p.number) } { "§ " (p.number) " " (p.title) }
            @if p.secrecy.is_secret() {
                p class="secret" { (p.text) }
            } @else {
                @if let Some(c) = &p.case_number { p { "Dnr " (c) } }
                (text(&p.text))
                @if let Some(d) = &p.proposal { h4 { "Förslag till beslut" } (decision_html(d)) }
                @if !p.motions.is_empty() {
                    h4 { "Yrkanden" }
                    ul { @for m in &p.motions {
                        li {
                            (m.id) ". " (name(&m.by))
                            @if !m.supported_by.is_empty() { " med instämmande av " (m.supported_by.iter().map(&name).collect::<Vec<_>>().join(", ")) }
                            ": " (m.text)
                            @if m.withdrawn { " (återtaget)" }
                        }
                    } }
                }
                @if let Some(pr) = &p.propositions { h4 { "Propositionsordning" } p { (paragraf_app::meeting::documents::propositions_text(pr)) } }
                @for v in p.votes() {
                    h4 { "Omröstning" }
                    p { "Ja: " (v.yes_means()) ". Nej: " (v.no_means()) "." }
                    table {
                        thead { tr { th scope="col" { "Ledamot" } th scope="col" { "Röst" } } }
                        tbody { @for b in v.ballots() { tr { td { (name(&b.person)) } td { (b.choice.swedish()) } } } }
                    }
                    @let r = v.result();
                    p { (r.yes) " ja, " (r.no) " nej, " (r.abstain) " avstår. " (if r.yes_wins { v.yes_means() } else { v.no_means() }) " har bifallits." }
                }
                @if let Some(d) = &p.decision { h4 { "Beslut" } (decision_html(d)) }
                @for r in &p.reservations { p { (name(&r.by)) " reserverar sig mot beslutet." @if let Some(x) = &r.reasons { " " (x) } } }
                @for c in p.conflicts() { p { (name(&c.person)) " anmäler jäv och deltar inte i handläggningen." } }
                @for n in &p.notes { p { "Protokollsanteckning: " (n.text) } }
                @if !p.documents.is_empty() { h4 { "Beslutsunderlag" } ul { @for d in &p.documents { li { (d) } } } }
                @if !p.dispatch.is_empty() { h4 { "Beslutet skickas till" } ul { @for d in &p.dispatch { li { (d) } } } }
            }
        }
    }
}

pub async fn minutes_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    if let Some(address) =
        paragraf_app::meeting::publication::permanent_address(&state.public, MeetingId(id))?
    {
        // 307, not 308: which meeting holds a day's address is decided now (the first
        // published one of that body and day) and may change, so browsers and crawlers must
        // not remember it for good.
        return Ok(Redirect::temporary(&address).into_response());
    }
    Ok(minutes_html(&state, &viewer, MeetingId(id))?.into_response())
}

/// `/organ/{body}/{date}/…`: the published meeting at a permanent address.
fn at_address(state: &AppState, body: &str, date: &str) -> Result<MeetingId, WebError> {
    let not_found = || WebError::NotFound(format!("protokoll /organ/{body}/{date}"));
    let date: NaiveDate = date.parse().map_err(|_| not_found())?;
    paragraf_app::meeting::publication::at_address(&state.public, body, date)?.ok_or_else(not_found)
}

/// `/organ/{body}/{date}/protokoll`: published minutes at their permanent address.
pub async fn minutes_at_address(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((body, date)): Path<(String, String)>,
) -> Result<Markup, WebError> {
    let id = at_address(&state, &body, &date)?;
    minutes_html(&state, &viewer, id)
}

/// The address of `m`'s public kallelse, when it has one.
fn notice_link(
    bodies: &HashMap<BodyId, Record<BodyId, Body>>,
    m: &Record<MeetingId, Meeting>,
) -> Option<String> {
    let body = bodies.get(&m.body)?;
    paragraf_app::meeting::publication::notice_is_public(m)
        .then(|| paragraf_app::meeting::publication::notice_address_of(&body.value, m.date))
}

/// `/organ/{body}/{date}/kallelse`: the public kallelse, from the day it goes out — the
/// föredragningslista (secret items as their notice) and each item's handlingar found public.
pub async fn notice_at_address(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((body, date)): Path<(String, String)>,
) -> Result<Markup, WebError> {
    use paragraf_app::meeting::publication as p;
    let not_found = || WebError::NotFound(format!("kallelse /organ/{body}/{date}"));
    let day: NaiveDate = date.parse().map_err(|_| not_found())?;
    let id = p::notice_at(&state.public, &body, day)?.ok_or_else(not_found)?;
    let n = p::public_notice(&state.public, id)?.ok_or_else(not_found)?;
    Ok(page(
        &format!("Kallelse {} {}", n.body, n.date),
        viewer.user.as_ref(),
        html! {
            h1 { "Kallelse" }
            p { strong { (n.body) } ", " (long_date(n.date))
                @if let Some(t) = n.start { " kl. " (t.format("%H:%M")) }
                @if let Some(pl) = &n.place { ", " (pl) } }
            @if let Some((on, reason)) = &n.cancelled {
                p class="notice" { "Sammanträdet är inställt (" (on) "): " (reason) }
            }
            @if n.published {
                p { a href={ "/protokoll/" (n.id) } { "Protokollet (offentlig version)" } }
            }
            @if !n.schedule.is_empty() {
                h2 { "Hålltider" }
                ul { @for (start, end, topic) in &n.schedule { li {
                    (start.format("%H:%M")) @if let Some(e) = end { "–" (e.format("%H:%M")) } " " (topic)
                } } }
            }
            h2 { "Föredragningslista" }
            ol class="agenda" { @for i in &n.items {
                li value=(i.position) {
                    strong { (i.title) }
                    @if let Some(d) = &i.dnr { " — Dnr " (d) }
                    @if let Some(pr) = &i.presenter { " — föredragande " (pr) }
                    @if i.secret { p class="hint" { (p::SECRET_ITEM) } }
                    @if !i.documents.is_empty() {
                        ul { @for h in &i.documents { li {
                            @if let Some(f) = &h.file { a href=(f.path) { (f.title) } " (" (f.date) ", PDF)" }
                            @else if let Some(n) = h.notice { span class="hint" { (n) } }
                        } } }
                    }
                }
            } }
            p class="hint" { "Handlingar visas här när de har sekretessprövats och får publiceras. Andra handlingar kan begäras ut hos kommunens registratur." }
        },
    ))
}

/// `/organ/{body}/{date}/§14`: one § of published minutes, at its permanent address.
pub async fn paragraph_at_address(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((body, date, which)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let id = at_address(&state, &body, &date)?;
    if which == "protokoll.pdf" {
        return public_pdf(&state, id);
    }
    let number: u32 = which
        .trim_start_matches('§')
        .trim_start_matches('p')
        .trim()
        .parse()
        .map_err(|_| WebError::NotFound(format!("paragraf {which}")))?;
    let PublicMinutes {
        meeting: m,
        minutes,
        ..
    } = published(&state, id)?;
    let p = minutes
        .paragraph(number)
        .ok_or_else(|| WebError::NotFound(format!("§ {number}")))?;
    let names = names(&state.public)?;
    let body_name = body_name(&state.public, m.body);
    let whole = format!("/organ/{body}/{date}/protokoll");
    Ok(page(
        &format!("§ {number} {body_name} {}", m.date),
        viewer.user.as_ref(),
        html! {
            p { a href=(whole) { "Protokoll – offentlig version" } ", " strong { (body_name) } ", " (long_date(m.date)) }
            (paragraph_html(p, &names))
            p class="hint" { "Permanent adress: " code { "/organ/" (body) "/" (date) "/§" (number) } }
        },
    )
    .into_response())
}

fn minutes_html(state: &AppState, viewer: &Viewer, id: MeetingId) -> Result<Markup, WebError> {
    let store = &state.public;
    let PublicMinutes {
        meeting: m,
        minutes,
        ..
    } = published(state, id)?;
    let address = paragraf_app::meeting::publication::address(store, &m);
    let pdf_address = match paragraf_app::meeting::publication::permanent_address(store, id)? {
        Some(a) => format!("{a}.pdf"),
        None => format!("/protokoll/{}/protokoll-offentlig.pdf", m.id),
    };
    let names = names(store)?;
    let body = body_name(store, m.body);
    let name = |id: &PersonId| names.get(id).cloned().unwrap_or_default();
    let att = minutes.attendance().attendees();
    Ok(page(
        &format!("Protokoll {body} {}", m.date),
        viewer.user.as_ref(),
        html! {
            h1 { "Protokoll – offentlig version" }
            p { strong { (body) } ", " (long_date(m.date)) }
            p class="hint" { "Permanent adress: " a href=(address) { (address) } }
            p { "Vissa uppgifter kan ha tagits bort enligt OSL 26 kap. 1 §. " a href=(pdf_address) { "Ladda ned som PDF" } }
            table { tbody {
                tr { th scope="row" { "Plats och tid" } td { (m.place.clone().unwrap_or_default()) " " (m.start.map(|t| t.format("kl. %H:%M").to_string()).unwrap_or_default()) (m.end.map(|t| t.format("–%H:%M").to_string()).unwrap_or_default()) } }
                tr { th scope="row" { "Beslutande" } td { @for a in att.iter().filter(|a| a.role.decides()) {
                    (name(&a.person)) @if let Some(p) = &a.party { " (" (p) ")" }
                    @if let AttendanceRole::ServingSubstitute { replaces } = &a.role { ", tjänstgörande ersättare för " (name(replaces)) }
                    @if let Some(w) = &a.presence.written { ", " (w) }
                    br;
                } } }
                tr { th scope="row" { "Ej tjänstgörande ersättare" } td { @for a in att.iter().filter(|a| a.role == AttendanceRole::Substitute) { (name(&a.person)) @if let Some(p) = &a.party { " (" (p) ")" } br; } } }
                tr { th scope="row" { "Övriga närvarande" } td { @for a in att {
                    @if let AttendanceRole::Other { title } = &a.role { (name(&a.person)) @if let Some(t) = title { ", " (t) } @if let Some(w) = &a.presence.written { ", " (w) } br; }
                } } }
                tr { th scope="row" { "Ordförande" } td { (minutes.chair().map(|p| name(&p)).unwrap_or_default()) } }
                tr { th scope="row" { "Justerare" } td { (minutes.adjusters().iter().map(&name).collect::<Vec<_>>().join(", ")) } }
                tr { th scope="row" { "Sekreterare" } td { (minutes.secretary().map(|p| name(&p)).unwrap_or_default()) } }
                @if let Some((a, b)) = minutes.number_range() { tr { th scope="row" { "Paragrafer" } td { "§§ " (a) "–" (b) } } }
                @if let Some(n) = m.posting() {
                    tr { th scope="row" { "Anslaget uppsatt" } td { (n.posted) } }
                    tr { th scope="row" { "Sista dag för överklagande" } td { (n.appeal_ends.map(|d| d.to_string()).unwrap_or_default()) } }
                    tr { th scope="row" { "Förvaringsplats" } td { (n.storage) } }
                }
            } }
            h2 { "Paragrafer" }
            @for p in minutes.paragraphs() { (paragraph_html(p, &names)) }
            @if let Some(seal) = minutes.seal() {
                h2 { "Justering" }
                ul { @for a in minutes.approvals() { li { (name(&a.signer)) ", " (a.time.format("%Y-%m-%d %H:%M")) ", " (a.method) } } }
                p { "Protokollet är förseglat. Kontrollsumma (SHA-256): " code { (seal.sha256) } ". Sigillets nycklar: " a href="/api/v1/keys" { "/api/v1/keys" } "." }
                p { a href={ "/verifiera?adress=" (address) } { "Kontrollera att protokollet är oförändrat" } }
            }
        },
    ))
}

/// `?organ=ID&manad=ÅÅÅÅ-MM` on the calendar page.
#[derive(Debug, Default, serde::Deserialize)]
pub struct CalendarQuery {
    organ: Option<String>,
    manad: Option<String>,
}

/// The meeting calendar: a month grid (one body or all) and the list of meetings per body.
pub async fn calendar(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<CalendarQuery>,
) -> Result<Markup, WebError> {
    let store = &state.public;
    let bodies = bodies(store)?;
    let today = state.today();
    let only: Option<BodyId> = match q.organ.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(x) => match x
            .parse()
            .ok()
            .map(BodyId)
            .filter(|b| bodies.contains_key(b))
        {
            Some(b) => Some(b),
            None => return Err(WebError::field("organ", format!("okänt organ: {x}"))),
        },
    };
    let first = match q.manad.as_deref().map(str::trim) {
        None | Some("") => today.with_day(1).unwrap_or(today),
        Some(x) => month::parse_month(x).ok_or_else(|| {
            WebError::field("manad", format!("ogiltig månad {x:?}, skriv ÅÅÅÅ-MM"))
        })?,
    };
    let (prev, next) = month::neighbours(first);
    let list: Vec<Record<MeetingId, Meeting>> = store
        .meetings()?
        .into_iter()
        .filter(|m| only.is_none_or(|b| m.body == b))
        .collect();
    let entries: Vec<month::Entry> = list
        .iter()
        .filter(|m| m.date >= first && m.date < next)
        .map(|m| month::Entry {
            date: m.date,
            label: format!(
                "{} {}",
                m.start
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_default(),
                bodies.get(&m.body).map_or("", |b| b.name.as_str())
            )
            .trim()
            .to_string()
                + if m.cancelled().is_some() {
                    " (inställt)"
                } else {
                    ""
                },
            href: if is_published(m) {
                Some(format!("/protokoll/{}", m.id))
            } else {
                notice_link(&bodies, m)
            },
        })
        .collect();
    let link = |d: NaiveDate| match only {
        Some(b) => format!("/kalender?organ={}&manad={}", b.0, month::month_key(d)),
        None => format!("/kalender?manad={}", month::month_key(d)),
    };
    Ok(page(
        "Sammanträden",
        viewer.user.as_ref(),
        html! {
            h1 { "Sammanträden" }
            p { "Prenumerera på alla organs sammanträden i din kalender (Outlook, Google Kalender): "
                a href="/kalender.ics" { "kalender.ics" } "." }
            form method="get" action="/kalender" {
                label for="organ" { "Organ" }
                select id="organ" name="organ" {
                    option value="" { "Alla organ" }
                    @for (bid, b) in { let mut v: Vec<_> = bodies.iter().collect(); v.sort_by_key(|x| x.0); v } {
                        option value=(bid) selected[only == Some(*bid)] { (b.name) }
                    }
                }
                label for="manad" { "Månad" }
                input id="manad" name="manad" type="month" value=(month::month_key(first));
                div { button type="submit" { "Visa" } }
            }
            nav aria-label="Månader" class="months" {
                a href=(link(prev)) rel="prev" { "← " (paragraf_app::format::month_name(prev)) " " (prev.year()) }
                " "
                a href=(link(next)) rel="next" { (paragraf_app::format::month_name(next)) " " (next.year()) " →" }
            }
            (month::grid(first, &entries, today))
            h2 { "Alla sammanträden" }
            @for (bid, b) in { let mut v: Vec<_> = bodies.iter().collect(); v.sort_by_key(|x| x.0); v } {
                @let ms: Vec<_> = list.iter().filter(|m| m.body == *bid).collect();
                @if !ms.is_empty() {
                    h3 { a href={ "/organ/" (bid) } { (b.name) } }
                    table {
                        thead { tr { th scope="col" { "Datum" } th scope="col" { "Tid och plats" } th scope="col" { "Status" } th scope="col" { "Protokoll" } } }
                        tbody { @for m in ms {
                            tr {
                                td { (m.date) }
                                td { (m.start.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()) " " (m.place.clone().unwrap_or_default()) }
                                td { span class="state" { (m.state().swedish()) } }
                                td { @if is_published(m) { a href={ "/protokoll/" (m.id) } { "Protokoll" } } }
                            }
                        } }
                    }
                }
            }
        },
    ))
}

pub async fn bodies_page(
    State(state): State<AppState>,
    viewer: Viewer,
) -> Result<Markup, WebError> {
    let store = &state.public;
    let list = store.bodies()?;
    Ok(page(
        "Organ",
        viewer.user.as_ref(),
        html! {
            h1 { "Organ" }
            ul { @for b in &list { li { a href={ "/organ/" (b.id) } { (b.name) } " (" (b.kind.swedish()) ")" } } }
        },
    ))
}

pub async fn body_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Result<Markup, WebError> {
    let store = &state.public;
    let body = store
        .body(BodyId(id))
        .map_err(|_| WebError::NotFound(format!("organ {id}")))?;
    let names = names(store)?;
    let today = state.today();
    let members: Vec<_> = store
        .memberships(Some(body.id))?
        .into_iter()
        .filter(|m| m.active_on(today))
        .collect();
    let meetings: Vec<_> = store
        .meetings()?
        .into_iter()
        .filter(|m| m.body == body.id)
        .collect();
    Ok(page(
        &body.name,
        viewer.user.as_ref(),
        html! {
            h1 { (body.name) }
            p { (body.kind.swedish()) }
            p { "Prenumerera: "
                a href={ "/organ/" (id) "/anslagstavla.atom" } { "kallelser och protokoll (Atom)" } ", "
                a href={ "/organ/" (id) "/kalender.ics" } { "sammanträden i din kalender (iCal)" } "." }
            p { a href={ "/organ/" (id) "/fullstandighet" } { "Fullständighet: sammanträden, protokoll och paragrafer per år" } }
            h2 { "Ledamöter och ersättare" }
            table {
                thead { tr { th scope="col" { "Namn" } th scope="col" { "Parti" } th scope="col" { "Uppdrag" } } }
                tbody { @for m in &members { tr {
                    td { (names.get(&m.person).cloned().unwrap_or_default()) }
                    td { (m.party.clone().unwrap_or_default()) }
                    td { (m.role.swedish()) @if let Some(p) = m.position { ", " (p.swedish()) } }
                } } }
            }
            h2 { "Sammanträden" }
            ul { @for m in &meetings { li { (m.date) " — " (m.state().swedish())
                @if let Some(k) = paragraf_app::meeting::publication::notice_is_public(m).then(|| paragraf_app::meeting::publication::notice_address_of(&body.value, m.date)) { " — " a href=(k) { "kallelse" } }
                @if is_published(m) { " — " a href={ "/protokoll/" (m.id) } { "protokoll" } } } } }
        },
    ))
}

/// The published seal key; 404 while the installation has none (a read never makes one).
pub async fn public_key(State(state): State<AppState>) -> Result<Response, WebError> {
    let key = paragraf_app::keys::published(&state.public.path)?
        .ok_or_else(|| WebError::NotFound("sigillnyckeln".into()))?;
    Ok((
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{key}\n"),
    )
        .into_response())
}

pub async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        crate::html::JS,
    )
        .into_response()
}

pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        crate::html::CSS,
    )
        .into_response()
}

/// A PDF for its reader only: never kept by a shared cache or the browser (a handling, a
/// tjänsteskrivelse, a member's copy of the kallelse).
pub fn private_pdf(bytes: Vec<u8>, name: &str) -> Response {
    let mut r = pdf(bytes, name);
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("private, no-store"),
    );
    r
}

pub async fn minutes_index_redirect() -> Redirect {
    Redirect::permanent("/protokoll/")
}

/// A PDF answer.
pub fn pdf(bytes: Vec<u8>, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

pub async fn minutes_pdf(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    if let Some(address) =
        paragraf_app::meeting::publication::permanent_address(&state.public, MeetingId(id))?
    {
        return Ok(Redirect::temporary(&format!("{address}.pdf")).into_response());
    }
    public_pdf(&state, MeetingId(id))
}

/// The public version of meeting `id`'s protocol as PDF, signed: with its content's address
/// (`Content-Location`, where it may be cached for good) and that as its ETag.
fn public_pdf(state: &AppState, id: MeetingId) -> Result<Response, WebError> {
    let docs = paragraf_app::meeting::documents::MeetingDocs::published(&state.public, id)?
        .ok_or_else(|| WebError::NotFound(format!("protokoll {id}")))?;
    let bytes = docs.public_protocol_pdf(&state.public)?;
    let address = paragraf_app::signing::content_address(&state.public, &bytes);
    let mut response = pdf(bytes, &format!("protokoll-{}-offentlig.pdf", docs.date()));
    if let Some(hex) = address {
        let h = response.headers_mut();
        if let Ok(v) = HeaderValue::from_str(&format!("\"{hex}\"")) {
            h.insert(header::ETAG, v);
        }
        if let Ok(v) = HeaderValue::from_str(&format!("/filer/{hex}.pdf")) {
            h.insert(header::CONTENT_LOCATION, v);
        }
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    Ok(response)
}

/// `/filer/{sha256}.pdf`: a signed public document by the SHA-256 of its bytes, while it is
/// the current public document of published minutes (`public_by_content`). The name can
/// only ever mean these bytes (`immutable`); it is answered from memory after its first
/// check while the data do not change, and `If-None-Match` gets 304. Anything else under
/// the address is 404.
pub async fn content_file(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: axum::http::HeaderMap,
) -> Result<Response, WebError> {
    let not_found = || WebError::NotFound(format!("filen {name}"));
    let hex = name.strip_suffix(".pdf").ok_or_else(not_found)?;
    let generation = state.public.generation()?;
    let bytes = match state.files.get(hex, generation) {
        Some(b) => b,
        None => {
            let read = paragraf_app::meeting::documents::public_by_content(&state.public, hex)?
                .ok_or_else(not_found)?;
            state.files.put(
                hex,
                generation,
                crate::zero_copy::sealed(&format!("{hex}.pdf"), read),
            )
        }
    };
    Ok(content_answer(hex, bytes, &headers))
}

/// The answer for the signed file of content address `hex`: cached for good, and 304 when
/// the client already has it.
pub fn content_answer(hex: &str, bytes: Bytes, headers: &axum::http::HeaderMap) -> Response {
    let etag = format!("\"{hex}\"");
    let cached = [
        (header::ETAG, etag.clone()),
        (
            header::CACHE_CONTROL,
            // The bytes under the name never change, but the name stops being served when
            // the document is no longer the public one (a § classified anew): an hour.
            "public, max-age=3600, immutable".to_string(),
        ),
    ];
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if fresh {
        return (StatusCode::NOT_MODIFIED, cached).into_response();
    }
    (
        cached,
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{hex}.pdf\""),
            ),
        ],
        bytes,
    )
        .into_response()
}
