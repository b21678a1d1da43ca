//! Prenumerationer: Atom and iCalendar, for the whole municipality and per body, with
//! absolute addresses. The Atom feed tells of kallelser (a meeting called), and of
//! protocols posted (the anslag with the day it comes down); the calendar holds every
//! meeting of the public calendar, cancelled ones marked so, for Outlook or Google Calendar
//! to subscribe to.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use chrono::{Days, NaiveDate, NaiveTime};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
use paragraf_core::ids::{BodyId, MeetingId, Record};
use paragraf_core::meeting::{Meeting, MeetingState};

use crate::error::WebError;
use crate::public::is_published;
use crate::AppState;

/// The public site's address: the configured one, else the one the request came to.
pub fn public_base(state: &AppState, headers: &HeaderMap) -> String {
    let web = state
        .dir
        .config()
        .server
        .public_url
        .clone()
        .unwrap_or_else(|| {
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .filter(|h| {
                    !h.is_empty()
                        && h.chars()
                            .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
                })
                .unwrap_or("localhost");
            format!("http://{host}")
        });
    web.trim_end_matches('/').to_string()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The meetings the feeds tell of: the public calendar's, of one body or all, masked.
fn meetings(
    state: &AppState,
    body: Option<BodyId>,
) -> Result<Vec<Record<MeetingId, Meeting>>, WebError> {
    if let Some(b) = body {
        state
            .public
            .body(b)
            .map_err(|_| WebError::NotFound(format!("organ {b}")))?;
    }
    Ok(state
        .public
        .meetings()?
        .iter()
        .filter(|m| body.is_none_or(|b| m.body == b))
        .map(paragraf_app::meeting::publication::public_meeting)
        .collect())
}

fn time(t: Option<NaiveTime>) -> String {
    t.map(|t| t.format(" kl. %H:%M").to_string())
        .unwrap_or_default()
}

/// An Atom entry.
struct Entry {
    id: String,
    title: String,
    updated: NaiveDate,
    author: String,
    link: String,
    summary: String,
}

fn atom(state: &AppState, headers: &HeaderMap, body: Option<BodyId>) -> Result<Response, WebError> {
    let base = public_base(state, headers);
    let today = state.today();
    let name = |id: BodyId| state.public.body_name(id);
    let mut entries = Vec::new();
    for m in meetings(state, body)? {
        let b = name(m.body);
        if m.state() != MeetingState::Planned && m.date >= today {
            let what = if m.cancelled().is_some() {
                "Inställt sammanträde"
            } else {
                "Kallelse"
            };
            entries.push(Entry {
                id: format!("urn:paragraf:kallelse:{}", m.id),
                title: format!("{what}: {b} {}{}", m.date, time(m.start)),
                updated: m.cancelled().map_or(m.date, |c| c.on).min(today),
                author: b.clone(),
                link: match state.public.body(m.body) {
                    Ok(body) if paragraf_app::meeting::publication::notice_is_public(&m) => {
                        format!(
                            "{base}{}",
                            paragraf_app::meeting::publication::notice_address_of(
                                &body.value,
                                m.date
                            )
                        )
                    }
                    _ => format!(
                        "{base}/kalender?organ={}&manad={}",
                        m.body,
                        m.date.format("%Y-%m")
                    ),
                },
                summary: match m.cancelled() {
                    Some(c) => format!("Sammanträdet den {} är inställt: {}", m.date, c.reason),
                    None => format!(
                        "{b} sammanträder {}{}{}.",
                        m.date,
                        time(m.start),
                        m.place
                            .as_deref()
                            .map(|p| format!(", {p}"))
                            .unwrap_or_default()
                    ),
                },
            });
        }
        if let (true, Some(n)) = (is_published(&m), m.posting()) {
            let down = n
                .removed
                .or_else(|| n.appeal_ends.and_then(|d| d.checked_add_days(Days::new(1))));
            entries.push(Entry {
                id: format!("urn:paragraf:anslag:{}", m.id),
                title: format!("Justerat protokoll: {b}, sammanträde {}", m.date),
                updated: n.posted,
                author: b.clone(),
                link: format!("{base}{}", paragraf_app::meeting::publication::address(&state.public, &m)),
                summary: format!(
                    "Anslaget uppsatt {}{}. Sista dag för överklagande {}. Protokollet förvaras: {}.",
                    n.posted,
                    down.map(|d| format!(", tas ned {d}")).unwrap_or_default(),
                    n.appeal_ends.map(|d| d.to_string()).unwrap_or_default(),
                    n.storage
                ),
            });
        }
    }
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
    entries.truncate(100);
    let (title, self_path, alternate) = match body {
        Some(b) => (
            format!("{} – {}", state.public.config().municipality.name, name(b)),
            format!("/organ/{b}/anslagstavla.atom"),
            format!("/organ/{b}"),
        ),
        None => (
            format!("{} – anslagstavla", state.public.config().municipality.name),
            "/anslagstavla.atom".to_string(),
            "/anslagstavla".to_string(),
        ),
    };
    let updated = entries.first().map_or(today, |e| e.updated);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"sv\">\n\
         <title>{}</title>\n<id>{}</id>\n<updated>{updated}T00:00:00Z</updated>\n\
         <link rel=\"self\" href=\"{}\"/>\n<link rel=\"alternate\" href=\"{}\"/>\n",
        xml_escape(&title),
        xml_escape(&format!("{base}{self_path}")),
        xml_escape(&format!("{base}{self_path}")),
        xml_escape(&format!("{base}{alternate}")),
    );
    for e in &entries {
        xml += &format!(
            "<entry>\n<title>{}</title>\n<id>{}</id>\n<updated>{}T00:00:00Z</updated>\n\
             <author><name>{}</name></author>\n<link href=\"{}\"/>\n<summary>{}</summary>\n</entry>\n",
            xml_escape(&e.title),
            e.id,
            e.updated,
            xml_escape(&e.author),
            xml_escape(&e.link),
            xml_escape(&e.summary)
        );
    }
    xml += "</feed>\n";
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    )
        .into_response())
}

fn ics(state: &AppState, headers: &HeaderMap, body: Option<BodyId>) -> Result<Response, WebError> {
    let base = public_base(state, headers);
    let host = base.split("://").nth(1).unwrap_or("paragraf").to_string();
    let mut cal = Calendar::new();
    let name = match body {
        Some(b) => format!(
            "{} – {}",
            state.public.config().municipality.name,
            state.public.body_name(b)
        ),
        None => format!("{} – sammanträden", state.public.config().municipality.name),
    };
    cal.name(&name);
    for m in meetings(state, body)? {
        let b = state.public.body_name(m.body);
        let mut e = Event::new();
        e.uid(&format!("sammantrade-{}@{host}", m.id))
            .summary(&format!("{b} sammanträder"));
        match m.start {
            Some(start) => {
                let at = |t: NaiveTime| {
                    m.date
                        .and_time(t)
                        .and_local_timezone(paragraf_app::meeting::import::swedish_offset(m.date))
                        .single()
                        .map(|t| t.with_timezone(&chrono::Utc))
                };
                if let Some(s) = at(start) {
                    e.starts(s);
                    let end = m.end.and_then(at).unwrap_or(s + chrono::Duration::hours(2));
                    e.ends(end);
                }
            }
            None => {
                e.all_day(m.date);
            }
        }
        if let Some(p) = &m.place {
            e.location(p);
        }
        let url = if is_published(&m) {
            format!(
                "{base}{}",
                paragraf_app::meeting::publication::address(&state.public, &m)
            )
        } else {
            format!(
                "{base}/kalender?organ={}&manad={}",
                m.body,
                m.date.format("%Y-%m")
            )
        };
        e.url(&url);
        match m.cancelled() {
            Some(c) => {
                e.status(EventStatus::Cancelled)
                    .description(&format!("Inställt: {}", c.reason));
            }
            None => {
                e.status(EventStatus::Confirmed);
            }
        }
        cal.push(e.done());
    }
    Ok((
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        cal.done().to_string(),
    )
        .into_response())
}

/// `/anslagstavla.atom`: kallelser and posted protocols of every body.
pub async fn board_atom(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    atom(&state, &headers, None)
}

/// `/organ/{id}/anslagstavla.atom`: one body's.
pub async fn body_atom(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    atom(&state, &headers, Some(BodyId(id)))
}

/// `/kalender.ics`: every meeting.
pub async fn calendar_ics(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    ics(&state, &headers, None)
}

/// `/organ/{id}/kalender.ics`: one body's meetings.
pub async fn body_ics(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    ics(&state, &headers, Some(BodyId(id)))
}

/// `/oppna-data`: the bulk downloads, with their sizes and checksums.
pub async fn dumps_page(
    State(state): State<AppState>,
    viewer: crate::auth::Viewer,
) -> Result<maud::Markup, WebError> {
    let m = paragraf_app::open_data::dumps(&state.public)?;
    Ok(crate::html::page(
        "Öppna data",
        viewer.user.as_ref(),
        maud::html! {
            h1 { "Öppna data" }
            p { "Allt som är offentligt, i filer att ladda ned. Filerna görs om när ett protokoll anslås eller en paragraf klassificeras. "
                "Samma uppgifter finns som OParl 1.1 från " a href="/oparl/v1/system" { "/oparl/v1/system" } " och beskrivs för dataportalen i " a href="/dcat.jsonld" { "/dcat.jsonld" } "." }
            p { "Senast gjorda: " (m.generated) ". " a href="/oppna-data/manifest.json" { "Förteckning med kontrollsummor (manifest.json)" } }
            div class="table-wrap" { table {
                thead { tr { th scope="col" { "Fil" } th scope="col" { "Innehåll" } th scope="col" class="num" { "Rader" } th scope="col" class="num" { "Byte" } th scope="col" { "SHA-256" } } }
                tbody { @for f in &m.files { tr {
                    td { a href={ "/oppna-data/" (f.name) } { (f.name) } }
                    td { (f.description) }
                    td class="num" { (f.rows) }
                    td class="num" { (f.bytes) }
                    td { code { (f.sha256) } }
                } } }
            } }
        },
    ))
}

/// `/oppna-data/{file}`: one file of the bulk downloads.
pub async fn dump_file(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let bytes = paragraf_app::open_data::dump_file(&state.public, &name)?
        .ok_or_else(|| WebError::NotFound(format!("filen {name}")))?;
    let kind = if name.ends_with(".csv") {
        "text/csv; charset=utf-8"
    } else if name.ends_with(".jsonl") {
        "application/jsonl; charset=utf-8"
    } else {
        "application/json; charset=utf-8"
    };
    Ok(([(header::CONTENT_TYPE, kind)], bytes).into_response())
}

/// `/organ/{id}/fullstandighet?ar=ÅÅÅÅ`: what a body's year holds — meetings held,
/// protocols published, §§ public and withheld, what is missing — so a reader can see that
/// the data is whole.
pub async fn completeness_page(
    State(state): State<AppState>,
    viewer: crate::auth::Viewer,
    Path(id): Path<i64>,
    axum::extract::Query(q): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Result<maud::Markup, WebError> {
    use chrono::Datelike;
    let body = BodyId(id);
    state
        .public
        .body(body)
        .map_err(|_| WebError::NotFound(format!("organ {id}")))?;
    let today = state.today();
    let year = crate::html::year_param(&q, "ar")?.unwrap_or(today.year());
    let c = paragraf_app::open_data::completeness(&state.public, body, year, today)?;
    Ok(crate::html::page(
        &format!("Fullständighet {} {year}", c.body),
        viewer.user.as_ref(),
        maud::html! {
            h1 { "Fullständighet: " (c.body) " " (year) }
            @if c.years.len() > 1 {
                nav aria-label="År" { ul class="facets" { @for y in &c.years {
                    li { @if *y == year { strong aria-current="page" { (y) } } @else { a href={ "/organ/" (id) "/fullstandighet?ar=" (y) } { (y) } } }
                } } }
            }
            ul {
                li { (c.rows.len()) " sammanträden i kalendern, " (c.held()) " hållna" }
                li { (c.published()) " protokoll publicerade" }
                li { (c.rows.iter().map(|r| r.paragraphs).sum::<usize>()) " paragrafer, varav " (c.rows.iter().map(|r| r.public).sum::<usize>()) " offentliga (övriga har sekretess eller väntar på klassificering)" }
                @let missing = c.rows.iter().filter(|r| r.missing).count();
                li { @if missing == 0 { "Inget protokoll saknas." } @else { strong { (missing) " hållna sammanträden saknar publicerat protokoll." } } }
                @if !c.gaps.is_empty() {
                    li { strong { "Paragrafnummer som inget publicerat protokoll har: " }
                        (c.gaps.iter().map(|(a, b)| if a == b { format!("§ {a}") } else { format!("§§ {a}–{b}") }).collect::<Vec<_>>().join(", ")) }
                }
            }
            div class="table-wrap" { table {
                thead { tr { th scope="col" { "Datum" } th scope="col" { "Läge" } th scope="col" { "Protokoll" } th scope="col" class="num" { "§§" } th scope="col" class="num" { "Offentliga" } } }
                tbody { @for r in &c.rows { tr {
                    td { (r.date) }
                    td { (r.state) @if r.cancelled { " (inställt)" } }
                    td {
                        @if let Some(a) = &r.address { a href=(a) { @if let Some((x, y)) = r.range { "§§ " (x) "–" (y) } @else { "Läs" } } }
                        @else if r.missing { strong { "saknas" } }
                        @else { "–" }
                    }
                    td class="num" { (r.paragraphs) }
                    td class="num" { (r.public) }
                } } }
            } }
        },
    ))
}
