//! OParl 1.1 (`/oparl/v1/…`): the public data in the standard for council information
//! systems, so that existing clients and aggregators can read it. What may be shown is
//! decided in [`paragraf_app::open_data`]; this module only writes it as OParl. The Swedish
//! mapping is documented in `docs/open-data.md`.
//!
//! The municipality is the one `Body`; its nämnder, styrelse, utskott and råd are
//! `Organization`s; a posted protocol's §§ are the meeting's `AgendaItem`s; a case named
//! by a published § is a `Paper`, each § about it a `Consultation`; the public version of
//! the protocol is the meeting's `resultsProtocol` (`File`). Votes, which OParl has no
//! object for, are the extension `paragraf:omrostning` on the agenda item.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, NaiveTime};
use paragraf_app::open_data::{self, OpenData};
use paragraf_core::ids::{CaseId, MeetingId};
use paragraf_core::minutes::{Choice, Paragraph};
use serde_json::{json, Map, Value};

use crate::error::WebError;
use crate::AppState;

/// The schema of OParl 1.1 objects.
const SCHEMA: &str = "https://schema.oparl.org/1.1/";
/// Objects per page of a list.
const PER_PAGE: usize = 100;
/// The one body: the municipality.
const BODY: &str = "1";

/// The addresses: the public site's and the endpoint's.
struct Base {
    web: String,
    api: String,
}

impl Base {
    fn of(state: &AppState, headers: &HeaderMap) -> Base {
        let web = crate::feeds::public_base(state, headers);
        Base {
            api: format!("{web}/oparl/v1"),
            web,
        }
    }
    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.api)
    }
    fn body(&self) -> String {
        self.url(&format!("body/{BODY}"))
    }
}

fn kind(name: &str) -> String {
    format!("{SCHEMA}{name}")
}

fn json_response(v: Value) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        v.to_string(),
    )
        .into_response()
}

fn date_time(date: NaiveDate, time: NaiveTime) -> String {
    let offset = paragraf_app::meeting::import::swedish_offset(date);
    date.and_time(time)
        .and_local_timezone(offset)
        .single()
        .map(|t| t.to_rfc3339())
        .unwrap_or_default()
}

/// `?page=N&modified_since=…` on a list.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ListQuery {
    page: Option<String>,
    modified_since: Option<String>,
}

fn page_of(q: &ListQuery) -> Result<usize, WebError> {
    match q.page.as_deref().map(str::trim) {
        None | Some("") => Ok(1),
        Some(p) => p
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| WebError::field("page", format!("ogiltig sida: {p}"))),
    }
}

fn since_of(q: &ListQuery) -> Result<Option<chrono::DateTime<chrono::FixedOffset>>, WebError> {
    match q.modified_since.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => chrono::DateTime::parse_from_rfc3339(s)
            .map(Some)
            .map_err(|_| {
                WebError::field(
                    "modified_since",
                    format!("ogiltig tidpunkt {s:?}: skriv den enligt RFC 3339, t.ex. 2026-01-01T00:00:00+01:00"),
                )
            }),
    }
}

/// A paged list as OParl writes it: `data`, `pagination`, `links`. With `modified_since`,
/// only objects modified since then (objects without `modified` are never left out).
fn list(base: &Base, path: &str, items: Vec<Value>, q: &ListQuery) -> Result<Response, WebError> {
    let since = since_of(q)?;
    let items: Vec<Value> = items
        .into_iter()
        .filter(
            |v| match (since, v.get("modified").and_then(Value::as_str)) {
                (Some(since), Some(m)) => {
                    chrono::DateTime::parse_from_rfc3339(m).is_ok_and(|m| m >= since)
                }
                _ => true,
            },
        )
        .collect();
    let total = items.len();
    let pages = total.div_ceil(PER_PAGE).max(1);
    let page = page_of(q)?.min(pages);
    let data: Vec<Value> = items
        .into_iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .collect();
    let extra = q
        .modified_since
        .as_deref()
        .map(|s| format!("&modified_since={}", s.replace('+', "%2B")))
        .unwrap_or_default();
    let link = |p: usize| format!("{}?page={p}{extra}", base.url(path));
    let mut links = Map::new();
    links.insert("first".into(), json!(link(1)));
    links.insert("last".into(), json!(link(pages)));
    if page > 1 {
        links.insert("prev".into(), json!(link(page - 1)));
    }
    if page < pages {
        links.insert("next".into(), json!(link(page + 1)));
    }
    Ok(json_response(json!({
        "data": data,
        "pagination": {
            "totalElements": total,
            "elementsPerPage": PER_PAGE,
            "currentPage": page,
            "totalPages": pages,
        },
        "links": links,
    })))
}

fn system(base: &Base, d: &OpenData) -> Value {
    json!({
        "id": base.url("system"),
        "type": kind("System"),
        "oparlVersion": SCHEMA,
        "body": base.url("bodies"),
        "name": format!("Paragraf – {}", d.municipality),
        "website": format!("{}/", base.web),
        "web": format!("{}/", base.web),
    })
}

fn body(base: &Base, d: &OpenData) -> Value {
    let b = base.body();
    json!({
        "id": b,
        "type": kind("Body"),
        "system": base.url("system"),
        "name": d.municipality,
        "classification": "Kommun",
        "website": format!("{}/", base.web),
        "organization": format!("{b}/organizations"),
        "person": format!("{b}/people"),
        "meeting": format!("{b}/meetings"),
        "paper": format!("{b}/papers"),
        "agendaItem": format!("{b}/agenda-items"),
        "consultation": format!("{b}/consultations"),
        "file": format!("{b}/files"),
        "membership": format!("{b}/memberships"),
        "locationList": format!("{b}/locations"),
        "legislativeTermList": format!("{b}/legislative-terms"),
        "legislativeTerm": d.terms.iter().map(|t| legislative_term(base, t)).collect::<Vec<_>>(),
        "web": format!("{}/organ", base.web),
    })
}

fn legislative_term(
    base: &Base,
    t: &paragraf_core::ids::Record<paragraf_core::ids::TermId, paragraf_core::org::TermOfOffice>,
) -> Value {
    json!({
        "id": base.url(&format!("legislative-term/{}", t.id)),
        "type": kind("LegislativeTerm"),
        "body": base.body(),
        "name": format!("Mandatperioden {}–{}", t.value.from.format("%Y"), t.value.to.format("%Y")),
        "startDate": t.value.from.to_string(),
        "endDate": t.value.to.to_string(),
    })
}

fn organization(
    base: &Base,
    d: &OpenData,
    b: &paragraf_core::ids::Record<paragraf_core::ids::BodyId, paragraf_core::org::Body>,
) -> Value {
    let mut o = json!({
        "id": base.url(&format!("organization/{}", b.id)),
        "type": kind("Organization"),
        "body": base.body(),
        "name": b.value.name,
        "organizationType": "Gremium",
        "classification": b.value.kind.swedish(),
        "membership": d.memberships.iter().filter(|m| m.value.body == b.id)
            .map(|m| base.url(&format!("membership/{}", m.id))).collect::<Vec<_>>(),
        "meeting": base.url(&format!("organization/{}/meetings", b.id)),
        "web": format!("{}/organ/{}", base.web, b.id),
    });
    if let Some(s) = &b.value.short_name {
        o["shortName"] = json!(s);
    }
    if let Some(p) = b.value.parent {
        o["subOrganizationOf"] = json!(base.url(&format!("organization/{p}")));
    }
    o
}

fn membership(
    base: &Base,
    m: &paragraf_core::ids::Record<
        paragraf_core::ids::MembershipId,
        paragraf_core::org::Membership,
    >,
) -> Value {
    let mut role = m.value.role.swedish().to_string();
    if let Some(p) = m.value.position {
        role = format!("{role}, {}", p.swedish());
    }
    let mut v = json!({
        "id": base.url(&format!("membership/{}", m.id)),
        "type": kind("Membership"),
        "person": base.url(&format!("person/{}", m.value.person)),
        "organization": base.url(&format!("organization/{}", m.value.body)),
        "role": role,
        "votingRight": m.value.role == paragraf_core::org::MembershipRole::Member,
        "startDate": m.value.from.to_string(),
    });
    if let Some(to) = m.value.to {
        v["endDate"] = json!(to.to_string());
    }
    if let Some(p) = &m.value.party {
        v["paragraf:parti"] = json!(p);
    }
    v
}

fn person(base: &Base, d: &OpenData, id: paragraf_core::ids::PersonId, name: &str) -> Value {
    json!({
        "id": base.url(&format!("person/{id}")),
        "type": kind("Person"),
        "body": base.body(),
        "name": name,
        "membership": d.memberships.iter().filter(|m| m.value.person == id)
            .map(|m| membership(base, m)).collect::<Vec<_>>(),
    })
}

fn results_file(base: &Base, id: MeetingId, date: NaiveDate) -> Value {
    json!({
        "id": base.url(&format!("file/{id}-protokoll")),
        "type": kind("File"),
        "name": format!("Protokoll {date} (offentlig version)"),
        "fileName": format!("protokoll-{date}-offentlig.pdf"),
        "mimeType": "application/pdf",
        "date": date.to_string(),
        "accessUrl": format!("{}/protokoll/{id}/protokoll-offentlig.pdf", base.web),
        "meeting": [base.url(&format!("meeting/{id}"))],
    })
}

/// The file facts (size, SHA-512) of meeting `id`'s public protocol added to its `File`;
/// in a list (`sign_now` false) only of a PDF already made and kept.
fn with_facts(
    state: &AppState,
    mut file: Value,
    id: MeetingId,
    sign_now: bool,
) -> Result<Value, WebError> {
    if let Some(f) = open_data::protocol_file(&state.public, id, sign_now)? {
        file["size"] = json!(f.size);
        file["sha512Checksum"] = json!(f.sha512);
    }
    Ok(file)
}

fn location(base: &Base, place: &open_data::Place) -> Value {
    json!({
        "id": base.url(&format!("location/{}", place.id)),
        "type": kind("Location"),
        "description": place.description,
        "bodies": [base.body()],
        "meetings": place.meetings.iter().map(|m| base.url(&format!("meeting/{m}"))).collect::<Vec<_>>(),
    })
}

fn votes(base: &Base, p: &Paragraph, d: &OpenData) -> Vec<Value> {
    p.votes()
        .iter()
        .map(|v| {
            let r = v.result();
            json!({
                "ja": v.yes_means(),
                "nej": v.no_means(),
                "antalJa": r.yes,
                "antalNej": r.no,
                "antalAvstar": r.abstain,
                "jaVann": r.yes_wins,
                "roster": v.ballots().iter().map(|b| json!({
                    "person": d.persons.contains_key(&b.person).then(|| base.url(&format!("person/{}", b.person))),
                    "namn": d.persons.get(&b.person),
                    "rost": match b.choice { Choice::Yes => "ja", Choice::No => "nej", Choice::Abstain => "avstår" },
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// The permanent address of published minutes, or of their § `number`.
fn address(
    d: &OpenData,
    m: &paragraf_core::ids::Record<MeetingId, paragraf_core::meeting::Meeting>,
    number: Option<u32>,
) -> String {
    match d.bodies.iter().find(|b| b.id == m.value.body) {
        Some(b) => paragraf_app::meeting::publication::address_of(&b.value, m.value.date, number),
        None => format!("/protokoll/{}", m.id),
    }
}

fn agenda_item(
    base: &Base,
    d: &OpenData,
    pm: &paragraf_app::meeting::publication::PublicMinutes,
    order: usize,
    p: &Paragraph,
) -> Value {
    let id = pm.meeting.id;
    let public = open_data::readable(pm, p.number);
    let mut v = json!({
        "id": base.url(&format!("agenda-item/{id}-{}", p.number)),
        "type": kind("AgendaItem"),
        "meeting": base.url(&format!("meeting/{id}")),
        "number": format!("§ {}", p.number),
        "order": order,
        "name": p.title,
        "public": public,
        "web": format!("{}{}", base.web, address(d, &pm.meeting, Some(p.number))),
    });
    if public {
        if let Some(dec) = &p.decision {
            v["resolutionText"] = json!(dec.to_text());
            v["result"] = json!("Beslutat");
        }
        if p.case.is_some() {
            v["consultation"] = json!(base.url(&format!("consultation/{id}-{}", p.number)));
        }
        let votes = votes(base, p, d);
        if !votes.is_empty() {
            // OParl has no object for votes: a documented extension (docs/open-data.md).
            v["paragraf:omrostning"] = json!(votes);
        }
    }
    v
}

fn meeting(
    base: &Base,
    d: &OpenData,
    m: &paragraf_core::ids::Record<MeetingId, paragraf_core::meeting::Meeting>,
) -> Value {
    let body_name = d
        .bodies
        .iter()
        .find(|b| b.id == m.value.body)
        .map_or(String::new(), |b| b.value.name.clone());
    let mut v = json!({
        "id": base.url(&format!("meeting/{}", m.id)),
        "type": kind("Meeting"),
        "name": format!("{body_name} {}", m.value.date),
        "meetingState": m.value.state().swedish(),
        "cancelled": m.value.cancelled().is_some(),
        "organization": [base.url(&format!("organization/{}", m.value.body))],
        "web": format!("{}/kalender?organ={}&manad={}", base.web, m.value.body, m.value.date.format("%Y-%m")),
    });
    if let Some(start) = m.value.start {
        v["start"] = json!(date_time(m.value.date, start));
    }
    if let Some(place) = m
        .value
        .place
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        // Embedded, as the schema has it; the object itself lists the meetings.
        v["location"] = json!({
            "id": base.url(&format!("location/{}", open_data::place_id(place))),
            "type": kind("Location"),
            "description": place,
        });
    }
    if let Some(end) = m.value.end {
        v["end"] = json!(date_time(m.value.date, end));
    }
    if let Some(pm) = d.minutes.get(&m.id) {
        v["agendaItem"] = json!(pm
            .minutes
            .paragraphs()
            .iter()
            .enumerate()
            .map(|(i, p)| agenda_item(base, d, pm, i + 1, p))
            .collect::<Vec<_>>());
        v["resultsProtocol"] = results_file(base, m.id, m.value.date);
        v["web"] = json!(format!("{}{}", base.web, address(d, m, None)));
        if let Some(sealed) = pm.minutes.seal() {
            v["modified"] = json!(sealed.sealed_at.to_rfc3339());
        }
    }
    v
}

fn consultation(base: &Base, d: &OpenData, case: CaseId, meeting: MeetingId, number: u32) -> Value {
    let body = d
        .meetings
        .iter()
        .find(|m| m.id == meeting)
        .map(|m| m.value.body);
    json!({
        "id": base.url(&format!("consultation/{meeting}-{number}")),
        "type": kind("Consultation"),
        "paper": base.url(&format!("paper/{case}")),
        "agendaItem": base.url(&format!("agenda-item/{meeting}-{number}")),
        "meeting": base.url(&format!("meeting/{meeting}")),
        "organization": body.map(|b| vec![base.url(&format!("organization/{b}"))]).unwrap_or_default(),
        "authoritative": true,
        "role": "Beslut",
    })
}

fn paper(
    base: &Base,
    d: &OpenData,
    case: CaseId,
    (dnr, title, paragraphs): &(String, String, Vec<open_data::CaseParagraph>),
) -> Value {
    let first = paragraphs
        .first()
        .and_then(|p| d.meetings.iter().find(|m| m.id == p.meeting));
    let mut v = json!({
        "id": base.url(&format!("paper/{case}")),
        "type": kind("Paper"),
        "body": base.body(),
        "name": title,
        "reference": dnr,
        "paperType": "Ärende",
        "consultation": paragraphs.iter().map(|p| consultation(base, d, case, p.meeting, p.number)).collect::<Vec<_>>(),
        "web": format!("{}/arende/{}", base.web, paragraf_core::dnr::address_slug(dnr)),
    });
    if let Some(m) = first {
        v["date"] = json!(m.value.date.to_string());
    }
    if let Some(files) = d.files.get(&case) {
        v["auxiliaryFile"] = json!(files
            .iter()
            .map(|f| document_file(base, f))
            .collect::<Vec<_>>());
    }
    v
}

/// A public handling as a `File` (its SHA-512 in the object itself, see [`one`]).
fn document_file(base: &Base, f: &open_data::PublicFile) -> Value {
    json!({
        "id": base.url(&format!("file/h-{}-{}", f.case, f.number)),
        "type": kind("File"),
        "name": f.title,
        "fileName": format!("handling-{}.pdf", f.number),
        "mimeType": "application/pdf",
        "date": f.date.to_string(),
        "size": f.size,
        "accessUrl": format!("{}{}", base.web, f.path),
        "paper": [base.url(&format!("paper/{}", f.case))],
    })
}

/// Everything the endpoint serves, by its path below `/oparl/v1/`.
fn object(base: &Base, d: &OpenData, path: &str) -> Option<Value> {
    let (kind, id) = path.split_once('/')?;
    let meeting_and_number = |id: &str| -> Option<(MeetingId, u32)> {
        let (m, n) = id.split_once('-')?;
        Some((MeetingId(m.parse().ok()?), n.parse().ok()?))
    };
    match kind {
        "body" if id == BODY => Some(body(base, d)),
        "organization" => {
            let id: i64 = id.parse().ok()?;
            d.bodies
                .iter()
                .find(|b| b.id.0 == id)
                .map(|b| organization(base, d, b))
        }
        "person" => {
            let id: i64 = id.parse().ok()?;
            d.persons
                .iter()
                .find(|(p, _)| p.0 == id)
                .map(|(p, n)| person(base, d, *p, n))
        }
        "membership" => {
            let id: i64 = id.parse().ok()?;
            d.memberships
                .iter()
                .find(|m| m.id.0 == id)
                .map(|m| membership(base, m))
        }
        "legislative-term" => {
            let id: i64 = id.parse().ok()?;
            d.terms
                .iter()
                .find(|t| t.id.0 == id)
                .map(|t| legislative_term(base, t))
        }
        "meeting" => {
            let id: i64 = id.parse().ok()?;
            d.meetings
                .iter()
                .find(|m| m.id.0 == id)
                .map(|m| meeting(base, d, m))
        }
        "agenda-item" => {
            let (m, n) = meeting_and_number(id)?;
            let pm = d.minutes.get(&m)?;
            let (i, p) = pm
                .minutes
                .paragraphs()
                .iter()
                .enumerate()
                .find(|(_, p)| p.number == n)?;
            Some(agenda_item(base, d, pm, i + 1, p))
        }
        "file" if id.starts_with("h-") => {
            let (case, number) = id.strip_prefix("h-")?.split_once('-')?;
            let case = CaseId(case.parse().ok()?);
            let number: u32 = number.parse().ok()?;
            d.files
                .get(&case)?
                .iter()
                .find(|f| f.number == number)
                .map(|f| document_file(base, f))
        }
        "file" => {
            let m = MeetingId(id.strip_suffix("-protokoll")?.parse().ok()?);
            let pm = d.minutes.get(&m)?;
            Some(results_file(base, m, pm.meeting.value.date))
        }
        "paper" => {
            let case = CaseId(id.parse().ok()?);
            let cases = d.cases();
            cases.get(&case).map(|c| paper(base, d, case, c))
        }
        "location" => d.places().get(id).map(|p| location(base, p)),
        "consultation" => {
            let (m, n) = meeting_and_number(id)?;
            let cases = d.cases();
            cases.iter().find_map(|(case, (_, _, ps))| {
                ps.iter()
                    .any(|p| p.meeting == m && p.number == n)
                    .then(|| consultation(base, d, *case, m, n))
            })
        }
        _ => None,
    }
}

/// `/oparl/v1/system`.
pub async fn system_page(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let base = Base::of(&state, &headers);
    let d = open_data::load(&state.public, false)?;
    Ok(json_response(system(&base, &d)))
}

/// `/oparl/v1/bodies`: the municipality.
pub async fn bodies(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let base = Base::of(&state, &headers);
    let d = open_data::load(&state.public, false)?;
    list(&base, "bodies", vec![body(&base, &d)], &q)
}

/// `/oparl/v1/{kind}/{id}`: one object.
pub async fn one(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((kind, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let base = Base::of(&state, &headers);
    let needs_minutes = !matches!(
        kind.as_str(),
        "body" | "organization" | "person" | "membership" | "legislative-term"
    );
    let d = open_data::load(&state.public, needs_minutes)?;
    let found = object(&base, &d, &format!("{kind}/{id}"))
        .ok_or_else(|| WebError::NotFound(format!("OParl-objektet {kind}/{id}")))?;
    let found = match (kind.as_str(), id.strip_suffix("-protokoll")) {
        ("file", Some(m)) => with_facts(
            &state,
            found,
            MeetingId(m.parse().unwrap_or_default()),
            true,
        )?,
        ("file", None) => {
            let mut found = found;
            let parsed = id
                .strip_prefix("h-")
                .and_then(|x| x.split_once('-'))
                .and_then(|(c, n)| Some((CaseId(c.parse().ok()?), n.parse::<u32>().ok()?)));
            if let Some((case, number)) = parsed {
                if let Some(f) = open_data::public_file_facts(&state.public, case, number)? {
                    found["size"] = json!(f.size);
                    found["sha512Checksum"] = json!(f.sha512);
                }
            }
            found
        }
        _ => found,
    };
    Ok(json_response(found))
}

/// `/oparl/v1/body/1/{list}` and `/oparl/v1/organization/{id}/meetings`: the lists.
pub async fn body_list(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((body_id, name)): Path<(String, String)>,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let base = Base::of(&state, &headers);
    if body_id != BODY {
        return Err(WebError::NotFound(format!("OParl-organet {body_id}")));
    }
    let needs_minutes = matches!(
        name.as_str(),
        "meetings" | "papers" | "agenda-items" | "consultations" | "files"
    );
    let d = open_data::load(&state.public, needs_minutes)?;
    let items: Vec<Value> = match name.as_str() {
        "organizations" => d
            .bodies
            .iter()
            .map(|b| organization(&base, &d, b))
            .collect(),
        "people" => d
            .persons
            .iter()
            .map(|(p, n)| person(&base, &d, *p, n))
            .collect(),
        "memberships" => d.memberships.iter().map(|m| membership(&base, m)).collect(),
        "legislative-terms" => d.terms.iter().map(|t| legislative_term(&base, t)).collect(),
        "meetings" => sorted_meetings(&d)
            .into_iter()
            .map(|m| meeting(&base, &d, m))
            .collect(),
        "agenda-items" => d
            .minutes
            .values()
            .flat_map(|pm| {
                pm.minutes
                    .paragraphs()
                    .iter()
                    .enumerate()
                    .map(|(i, p)| agenda_item(&base, &d, pm, i + 1, p))
                    .collect::<Vec<_>>()
            })
            .collect(),
        "files" => d
            .minutes
            .values()
            .map(|pm| {
                with_facts(
                    &state,
                    results_file(&base, pm.meeting.id, pm.meeting.value.date),
                    pm.meeting.id,
                    false,
                )
            })
            .chain(
                d.files
                    .values()
                    .flatten()
                    .map(|f| Ok(document_file(&base, f))),
            )
            .collect::<Result<_, WebError>>()?,
        "papers" => d
            .cases()
            .iter()
            .map(|(c, x)| paper(&base, &d, *c, x))
            .collect(),
        "consultations" => d
            .cases()
            .iter()
            .flat_map(|(c, (_, _, ps))| {
                ps.iter()
                    .map(|p| consultation(&base, &d, *c, p.meeting, p.number))
                    .collect::<Vec<_>>()
            })
            .collect(),
        "locations" => d.places().values().map(|p| location(&base, p)).collect(),
        _ => return Err(WebError::NotFound(format!("OParl-listan {name}"))),
    };
    list(&base, &format!("body/{BODY}/{name}"), items, &q)
}

fn sorted_meetings(
    d: &OpenData,
) -> Vec<&paragraf_core::ids::Record<MeetingId, paragraf_core::meeting::Meeting>> {
    let mut v: Vec<_> = d.meetings.iter().collect();
    v.sort_by_key(|m| (m.value.date, m.id));
    v
}

/// `/oparl/v1/organization/{id}/meetings`.
pub async fn organization_meetings(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let base = Base::of(&state, &headers);
    let d = open_data::load(&state.public, true)?;
    if !d.bodies.iter().any(|b| b.id.0 == id) {
        return Err(WebError::NotFound(format!("OParl-organisationen {id}")));
    }
    let items = sorted_meetings(&d)
        .into_iter()
        .filter(|m| m.value.body.0 == id)
        .map(|m| meeting(&base, &d, m))
        .collect();
    list(&base, &format!("organization/{id}/meetings"), items, &q)
}

/// `/dcat.jsonld`: a DCAT-AP-SE catalogue of the open data, for the national data portal
/// (dataportal.se) to harvest: the OParl endpoint, the feeds and the calendar.
pub async fn dcat(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, WebError> {
    let base = Base::of(&state, &headers);
    let d = open_data::load(&state.public, false)?;
    let publisher = json!({ "@type": "foaf:Organization", "foaf:name": d.municipality });
    let theme =
        json!({ "@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE" });
    let dataset =
        |id: &str, title: &str, description: &str, distributions: Vec<(String, &str, &str)>| {
            json!({
                "@id": format!("{}/dcat.jsonld#{id}", base.web),
                "@type": "dcat:Dataset",
                "dct:title": { "@language": "sv", "@value": title },
                "dct:description": { "@language": "sv", "@value": description },
                "dct:publisher": publisher,
                "dcat:theme": theme,
                "dcat:keyword": ["protokoll", "nämnd", "sammanträde", "beslut"],
                "dcat:distribution": distributions.into_iter().map(|(url, format, title)| json!({
                    "@type": "dcat:Distribution",
                    "dct:title": { "@language": "sv", "@value": title },
                    "dcat:accessURL": { "@id": url },
                    "dcat:mediaType": format,
                })).collect::<Vec<_>>(),
            })
        };
    let catalogue = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@id": format!("{}/dcat.jsonld", base.web),
        "@type": "dcat:Catalog",
        "dct:title": { "@language": "sv", "@value": format!("{} – nämndernas öppna data", d.municipality) },
        "dct:description": { "@language": "sv", "@value": "Sammanträden, justerade protokoll i offentlig version, beslut, omröstningar och ärenden från kommunens nämnder, publicerade med Paragraf." },
        "dct:publisher": publisher,
        "foaf:homepage": { "@id": format!("{}/", base.web) },
        "dcat:dataset": [
            dataset("protokoll", "Nämndernas sammanträden och protokoll (OParl 1.1)",
                "Organ, ledamöter, sammanträden, paragrafer med beslut och omröstningar, ärenden; bara det som är offentligt.",
                vec![(base.url("system"), "application/json", "OParl 1.1-gränssnitt")]),
            dataset("anslag", "Anslagstavlan: kallelser och justerade protokoll",
                "Tillkännagivanden om justerade protokoll och kallelser, med dag då anslaget tas ned.",
                vec![(format!("{}/anslagstavla.atom", base.web), "application/atom+xml", "Atom-flöde")]),
            dataset("kalender", "Sammanträdeskalender",
                "Alla organs sammanträden, inställda markerade.",
                vec![(format!("{}/kalender.ics", base.web), "text/calendar", "iCalendar")]),
        ],
    });
    Ok((
        [(header::CONTENT_TYPE, "application/ld+json; charset=utf-8")],
        catalogue.to_string(),
    )
        .into_response())
}
