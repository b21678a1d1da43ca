//! The JSON API under `/api/v1`, described by the OpenAPI document it serves. Sessions (with
//! the `X-CSRF-Token` header) or API tokens (`Authorization: Bearer …`). Bad input gets a
//! 4xx with `{"error": {"status", "message", "field"}}`.

use axum::body::Bytes;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use chrono::{NaiveDate, NaiveTime};
use paragraf_app::meeting::cycle;
use paragraf_core::ids::{BodyId, MeetingId, PersonId};
use paragraf_core::meeting::Meeting;
use paragraf_core::minutes::{AttClause, Ballot, Choice, Decision, SignerRole};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::auth::Viewer;
use crate::dto;
use crate::error::{ApiError, WebError};
use crate::public::{current_notices, published};
use crate::AppState;
use paragraf_app::access::{REGISTRY_READERS, SECRETARY, STAFF};

type ApiResult = Result<Json<Value>, ApiError>;

/// A JSON body whose errors name the field (`serde_path_to_error`).
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| WebError::BadInput {
                field: None,
                message: format!("kroppen kunde inte läsas: {e}"),
            })?;
        let de = &mut serde_json::Deserializer::from_slice(&bytes);
        serde_path_to_error::deserialize(de)
            .map(ApiJson)
            .map_err(|e| {
                let path = e.path().to_string();
                let field = if path == "." { None } else { Some(path) };
                ApiError(WebError::BadInput {
                    field,
                    message: format!("ogiltig JSON: {}", e.inner()),
                })
            })
    }
}

/// Every API route.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/bodies", get(bodies))
        .route("/notices", get(notices))
        .route("/minutes", get(minutes_list))
        .route("/minutes/{id}", get(minutes_one))
        .route("/keys", get(keys))
        .route("/meetings", get(meetings).post(meeting_create))
        .route("/meetings/{id}", get(meeting_one))
        .route("/meetings/{id}/agenda", post(agenda_add))
        .route("/meetings/{id}/notice", post(notice_send))
        .route("/meetings/{id}/held", post(held))
        .route("/meetings/{id}/minutes", post(minutes_draft))
        .route("/meetings/{id}/paragraphs/{n}/decision", put(decision_set))
        .route("/meetings/{id}/paragraphs/{n}/votes", post(vote_add))
        .route("/meetings/{id}/approvals", post(approve))
        .route("/meetings/{id}/anslag", post(anslag))
        .route("/cases", get(cases).post(case_create))
        .route("/tokens", get(tokens).post(token_create))
        .route("/tokens/{id}", axum::routing::delete(token_revoke))
}

fn csrf(viewer: &Viewer, headers: &HeaderMap) -> Result<(), WebError> {
    let token = headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    viewer.check_csrf(token)
}

fn audit(
    state: &AppState,
    viewer: &Viewer,
    action: &str,
    entity: &str,
    id: impl ToString,
    after: Option<Value>,
) {
    crate::audit::record(state, viewer, action, entity, id, None, after);
}

/// The meeting before a change, for the audit log.
fn before(state: &AppState, id: i64) -> Result<Value, WebError> {
    crate::audit::meeting_snapshot(state, MeetingId(id))
}

async fn openapi() -> Json<Value> {
    Json(crate::api::spec())
}

async fn bodies(State(state): State<AppState>) -> ApiResult {
    let bodies = state.public.bodies().map_err(WebError::from)?;
    Ok(Json(json!(bodies
        .iter()
        .map(dto::BodyV1::from)
        .collect::<Vec<_>>())))
}

async fn notices(State(state): State<AppState>) -> ApiResult {
    let store = &state.public;
    let list: Vec<Value> = current_notices(store, state.today())?
        .into_iter()
        .map(|(m, n)| json!({ "meeting": m.id, "body": m.body, "meeting_date": m.date, "notice": dto::PostingV1::from(&n), "minutes": format!("/api/v1/minutes/{}", m.id) }))
        .collect();
    Ok(Json(json!(list)))
}

/// `?limit=&offset=` of a list: at most [`MAX_LIMIT`] at a time, [`DEFAULT_LIMIT`] when not
/// given.
#[derive(Deserialize, Default)]
struct Paging {
    limit: Option<usize>,
    offset: Option<usize>,
}

/// A list's page size when none is asked for.
const DEFAULT_LIMIT: usize = 100;
/// The largest page of a list.
const MAX_LIMIT: usize = 1000;

impl Paging {
    fn limit(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
    }
    fn offset(&self) -> usize {
        self.offset.unwrap_or(0)
    }

    /// The page as JSON (an array, as before paging), with the count of the whole list in
    /// `X-Total-Count` and the next and previous pages in `Link` (RFC 8288).
    fn answer<T: serde::Serialize>(&self, path: &str, page: &[T], total: usize) -> Paged {
        let (limit, offset) = (self.limit(), self.offset());
        let mut links = Vec::new();
        if offset + page.len() < total {
            links.push(format!(
                "<{path}?limit={limit}&offset={}>; rel=\"next\"",
                offset + limit
            ));
        }
        if offset > 0 {
            links.push(format!(
                "<{path}?limit={limit}&offset={}>; rel=\"prev\"",
                offset.saturating_sub(limit)
            ));
        }
        Paged {
            body: json!(page),
            total,
            links: links.join(", "),
        }
    }

    /// The page of `all`.
    fn of<T: serde::Serialize>(&self, path: &str, all: &[T]) -> Paged {
        let from = self.offset().min(all.len());
        let to = from.saturating_add(self.limit()).min(all.len());
        self.answer(path, &all[from..to], all.len())
    }
}

/// A page of a list and what its headers say.
struct Paged {
    body: Value,
    total: usize,
    links: String,
}

impl axum::response::IntoResponse for Paged {
    fn into_response(self) -> axum::response::Response {
        let mut r = Json(self.body).into_response();
        let h = r.headers_mut();
        h.insert("x-total-count", self.total.into());
        if let Ok(v) = axum::http::HeaderValue::from_str(&self.links) {
            if !self.links.is_empty() {
                h.insert(axum::http::header::LINK, v);
            }
        }
        r
    }
}

async fn minutes_list(
    State(state): State<AppState>,
    axum::extract::Query(paging): axum::extract::Query<Paging>,
) -> Result<Paged, ApiError> {
    // What the list shows is read from the meetings' columns, not from each meeting whole.
    let list: Vec<Value> = state
        .public
        .meeting_heads()
        .map_err(WebError::from)?
        .into_iter()
        .filter(|m| paragraf_app::meeting::publication::is_published_state(m.state))
        .map(
            |m| json!({ "id": m.id, "body": m.body, "date": m.date, "state": dto::state(m.state) }),
        )
        .collect();
    Ok(paging.of("/api/v1/minutes", &list))
}

async fn minutes_one(State(state): State<AppState>, Path(id): Path<i64>) -> ApiResult {
    let store = &state.public;
    let p = published(&state, MeetingId(id))?;
    let (m, minutes, proof) = (p.meeting, p.minutes, p.proof);
    let names = crate::public::names(store)?;
    let paragraphs: Vec<_> = minutes
        .paragraphs()
        .iter()
        .map(dto::ParagraphV1::from)
        .collect();
    let mut answer = json!({
        "meeting": m.id, "body": m.body, "date": m.date, "start": m.start, "end": m.end, "place": m.place,
        "attendance": dto::attendance(&minutes, &names), "chair": minutes.chair(), "adjusters": minutes.adjusters(),
        "paragraphs": paragraphs, "notice": m.posting().map(dto::PostingV1::from),
        "seal": minutes.seal().map(dto::SealV1::from),
        "seal_proof": proof,
    });
    // The proof gives only lines that masking leaves as they are: masked here too, a line
    // that slipped through would break the root rather than leak.
    paragraf_core::secrecy::mask_json(&mut answer);
    Ok(Json(answer))
}

/// The seal keys, with the time each was retired (a seal holds with a key it was made
/// before the key's `valid_until`).
async fn keys(State(state): State<AppState>) -> ApiResult {
    Ok(Json(json!(
        paragraf_app::keys::list(&state.dir.path).map_err(WebError::from)?
    )))
}

async fn meetings(
    State(state): State<AppState>,
    viewer: Viewer,
    axum::extract::Query(paging): axum::extract::Query<Paging>,
) -> Result<Paged, ApiError> {
    viewer.logged_in()?;
    // Only the page asked for is read, of the bodies the viewer may read.
    let bodies: Vec<BodyId> = state
        .dir
        .bodies()
        .map_err(WebError::from)?
        .into_iter()
        .map(|b| b.id)
        .filter(|b| viewer.can_read_body(*b))
        .collect();
    let (page, total) = state
        .dir
        .meetings_page(Some(&bodies), paging.offset(), paging.limit())
        .map_err(WebError::from)?;
    let list: Vec<dto::MeetingV1> = page.iter().map(dto::MeetingV1::from).collect();
    Ok(paging.answer("/api/v1/meetings", &list, total))
}

fn readable_meeting(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
) -> Result<paragraf_core::ids::Record<MeetingId, Meeting>, WebError> {
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
    Ok(m)
}

/// The secretary's access to meeting `id`: a secretary role in the meeting's body.
fn run_meeting(state: &AppState, viewer: &Viewer, id: i64) -> Result<(), WebError> {
    viewer.require(SECRETARY)?;
    let m = readable_meeting(state, viewer, id)?;
    viewer.require_in(SECRETARY, Some(m.body))?;
    Ok(())
}

async fn meeting_one(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> ApiResult {
    let m = readable_meeting(&state, &viewer, id)?;
    let minutes = state.dir.minutes(m.id).map_err(WebError::from)?;
    if minutes
        .as_ref()
        .is_some_and(|x| x.paragraphs().iter().any(|p| p.secrecy.is_secret()))
    {
        audit(&state, &viewer, "läsa-sekretess", "protokoll", m.id, None);
    }
    let names = crate::public::names(&state.dir)?;
    let minutes = minutes.map(|x| dto::MinutesV1::new(&x, &names));
    Ok(Json(
        json!({ "id": m.id, "meeting": dto::MeetingV1::from(&m), "minutes": minutes }),
    ))
}

#[derive(Deserialize)]
struct NewMeeting {
    body: i64,
    date: NaiveDate,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
    place: Option<String>,
}

async fn meeting_create(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    ApiJson(n): ApiJson<NewMeeting>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    viewer.require(SECRETARY)?;
    csrf(&viewer, &headers)?;
    let store = &state.dir;
    store
        .body(BodyId(n.body))
        .map_err(|_| WebError::field("body", format!("organ {} finns inte", n.body)))?;
    viewer.require_in(SECRETARY, Some(BodyId(n.body)))?;
    let mut m = Meeting::planned(BodyId(n.body), n.date);
    m.start = n.start;
    m.end = n.end;
    m.place = n.place;
    let rec = cycle::create_meeting(store, &m).map_err(WebError::from)?;
    audit(
        &state,
        &viewer,
        "skapa",
        "sammanträde",
        rec.id,
        Some(json!(rec.value)),
    );
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": rec.id, "meeting": dto::MeetingV1::from(&rec) })),
    ))
}

#[derive(Deserialize)]
struct AgendaBody {
    case: String,
    presenter: Option<String>,
}

async fn agenda_add(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<AgendaBody>,
) -> ApiResult {
    run_meeting(&state, &viewer, id)?;
    csrf(&viewer, &headers)?;
    let was = before(&state, id)?;
    let item = cycle::add_agenda_case(&state.dir, MeetingId(id), &b.case, b.presenter)
        .map_err(WebError::from)?;
    let item = dto::AgendaItemV1::from(&item);
    crate::audit::meeting_change(&state, &viewer, "punkt", MeetingId(id), was, json!(item))?;
    Ok(Json(json!(item)))
}

async fn step(
    state: &AppState,
    viewer: &Viewer,
    headers: &HeaderMap,
    id: i64,
    what: &str,
    f: impl FnOnce(&paragraf_app::DataDir, MeetingId) -> anyhow::Result<Vec<String>>,
) -> ApiResult {
    run_meeting(state, viewer, id)?;
    csrf(viewer, headers)?;
    let was = before(state, id)?;
    let warnings = f(&state.dir, MeetingId(id)).map_err(WebError::from)?;
    let m = state.dir.meeting(MeetingId(id)).map_err(WebError::from)?;
    crate::audit::meeting_change(state, viewer, what, MeetingId(id), was, json!(null))?;
    Ok(Json(
        json!({ "id": id, "state": dto::state(m.state()), "warnings": warnings }),
    ))
}

async fn notice_send(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> ApiResult {
    let today = state.today();
    step(&state, &viewer, &headers, id, "kalla", |dir, id| {
        let w = cycle::send_notice(dir, id, today)?;
        Ok(w.into_iter().map(|w| w.0).collect())
    })
    .await
}

async fn held(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> ApiResult {
    let today = state.today();
    step(&state, &viewer, &headers, id, "genomfört", |dir, id| {
        cycle::mark_held(dir, id, today)?;
        Ok(vec![])
    })
    .await
}

#[derive(Deserialize)]
struct DraftBody {
    chair: i64,
    adjusters: Vec<i64>,
    secretary: Option<i64>,
    place: Option<String>,
}

async fn minutes_draft(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<DraftBody>,
) -> ApiResult {
    run_meeting(&state, &viewer, id)?;
    csrf(&viewer, &headers)?;
    if b.adjusters.is_empty() {
        return Err(WebError::field("adjusters", "minst en justerare behövs").into());
    }
    let was = before(&state, id)?;
    let m = cycle::draft_minutes(
        &state.dir,
        MeetingId(id),
        b.secretary.map(PersonId),
        Some(PersonId(b.chair)),
        b.adjusters.into_iter().map(PersonId).collect(),
        b.place,
    )
    .map_err(WebError::from)?;
    crate::audit::meeting_change(
        &state,
        &viewer,
        "protokoll",
        MeetingId(id),
        was,
        json!(null),
    )?;
    let names = crate::public::names(&state.dir)?;
    Ok(Json(json!(dto::MinutesV1::new(&m, &names))))
}

#[derive(Deserialize)]
struct DecisionBody {
    intro: Option<String>,
    clauses: Option<Vec<String>>,
    text: Option<String>,
    dispatch: Option<Vec<String>>,
}

async fn decision_set(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path((id, n)): Path<(i64, u32)>,
    ApiJson(b): ApiJson<DecisionBody>,
) -> ApiResult {
    run_meeting(&state, &viewer, id)?;
    csrf(&viewer, &headers)?;
    let decision = match (b.text, b.clauses) {
        (Some(t), None) if !t.trim().is_empty() => Decision::Text { text: t },
        (None, Some(c)) if !c.is_empty() => Decision::Clauses {
            intro: b.intro,
            clauses: c.into_iter().map(AttClause).collect(),
        },
        _ => {
            return Err(
                WebError::field("clauses", "ange antingen clauses (att-satser) eller text").into(),
            )
        }
    };
    let d2 = decision.clone();
    let was = before(&state, id)?;
    cycle::write_paragraph(
        &state.dir,
        MeetingId(id),
        n,
        cycle::ParagraphText {
            decision: Some(d2),
            dispatch: b.dispatch,
            ..Default::default()
        },
    )
    .map_err(WebError::from)?;
    let answer = json!({ "paragraph": n, "decision": dto::DecisionV1::from(&decision) });
    crate::audit::meeting_change(
        &state,
        &viewer,
        "beslut",
        MeetingId(id),
        was,
        answer.clone(),
    )?;
    Ok(Json(answer))
}

#[derive(Deserialize)]
struct VoteBody {
    yes_means: String,
    no_means: String,
    ballots: Vec<BallotBody>,
    /// The yrkanden ja and nej stand for, when the vote was between two.
    #[serde(default)]
    motions: Option<[u32; 2]>,
}

#[derive(Deserialize)]
struct BallotBody {
    person: i64,
    choice: Choice,
}

async fn vote_add(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path((id, n)): Path<(i64, u32)>,
    ApiJson(b): ApiJson<VoteBody>,
) -> ApiResult {
    run_meeting(&state, &viewer, id)?;
    csrf(&viewer, &headers)?;
    let ballots: Vec<Ballot> = b
        .ballots
        .iter()
        .map(|x| Ballot {
            person: PersonId(x.person),
            choice: x.choice,
        })
        .collect();
    let was = before(&state, id)?;
    let (r, _) = cycle::record_vote(
        &state.dir,
        MeetingId(id),
        n,
        &b.yes_means,
        &b.no_means,
        ballots,
        b.motions.map(|[yes, no]| (yes, no)),
    )
    .map_err(|e| WebError::BadInput {
        field: Some("ballots".into()),
        message: format!("{e:#}"),
    })?;
    let r = dto::VoteResultV1::from(&r);
    let request = json!({ "paragraph": n, "result": r });
    crate::audit::meeting_change(&state, &viewer, "omrostning", MeetingId(id), was, request)?;
    Ok(Json(json!({ "result": r })))
}

#[derive(Deserialize)]
struct ApproveBody {
    role: SignerRole,
    #[serde(default)]
    paragraphs: Vec<u32>,
}

async fn approve(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ApproveBody>,
) -> ApiResult {
    let user = viewer.logged_in()?.clone();
    readable_meeting(&state, &viewer, id)?;
    csrf(&viewer, &headers)?;
    let person = user.person.ok_or_else(|| {
        WebError::Forbidden("kontot är inte kopplat till en person och kan inte justera".into())
    })?;
    let was = before(&state, id)?;
    let out = cycle::approve(
        &state.dir,
        MeetingId(id),
        person,
        b.role,
        b.paragraphs,
        &cycle::InAppApproval { now: state.now() },
    )
    .map_err(WebError::from)?;
    let out = dto::ApprovalV1::from(&out);
    crate::audit::meeting_change(&state, &viewer, "justera", MeetingId(id), was, json!(out))?;
    Ok(Json(json!(out)))
}

#[derive(Deserialize)]
struct AnslagBody {
    date: Option<NaiveDate>,
    storage: String,
}

async fn anslag(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<AnslagBody>,
) -> ApiResult {
    run_meeting(&state, &viewer, id)?;
    csrf(&viewer, &headers)?;
    if b.storage.trim().is_empty() {
        return Err(WebError::field("storage", "förvaringsplatsen får inte vara tom").into());
    }
    let was = before(&state, id)?;
    let w = cycle::post_minutes(
        &state.dir,
        MeetingId(id),
        b.date.unwrap_or_else(|| state.today()),
        &b.storage,
        state.today(),
    )
    .map_err(WebError::from)?;
    let m = state.dir.meeting(MeetingId(id)).map_err(WebError::from)?;
    crate::audit::meeting_change(&state, &viewer, "anslag", MeetingId(id), was, json!(null))?;
    let warnings: Vec<String> = w.into_iter().map(|w| w.0).collect();
    Ok(Json(
        json!({ "notice": m.posting().map(dto::PostingV1::from), "warnings": warnings }),
    ))
}

async fn cases(
    State(state): State<AppState>,
    viewer: Viewer,
    axum::extract::Query(paging): axum::extract::Query<Paging>,
) -> Result<Paged, ApiError> {
    let user = viewer.require(REGISTRY_READERS)?.clone();
    let list: Vec<_> = state
        .dir
        .cases()
        .map_err(WebError::from)?
        .into_iter()
        .filter(|c| crate::workspace::may_see_case(&user, c))
        .map(|c| dto::CaseV1::from(&c))
        .collect();
    Ok(paging.of("/api/v1/cases", &list))
}

#[derive(Deserialize)]
struct NewCaseBody {
    title: String,
    series: Option<String>,
    body: Option<i64>,
    #[serde(default)]
    secret: bool,
    date: Option<NaiveDate>,
}

async fn case_create(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    ApiJson(b): ApiJson<NewCaseBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    viewer.require(STAFF)?;
    if let Some(body) = b.body {
        viewer.require_in(STAFF, Some(BodyId(body)))?;
    }
    csrf(&viewer, &headers)?;
    let c = paragraf_app::registry::register_case(
        &state.dir,
        paragraf_app::registry::RegisterCase {
            title: b.title,
            series: b.series,
            class: None,
            body: b.body.map(BodyId),
            secret: b.secret,
            date: b.date.unwrap_or_else(|| state.today()),
            handler: Some(viewer.actor()),
        },
    )
    .map_err(WebError::from)?;
    audit(
        &state,
        &viewer,
        "skapa",
        "ärende",
        c.id,
        Some(json!(c.value)),
    );
    Ok((StatusCode::CREATED, Json(json!(dto::CaseV1::from(&c)))))
}

#[derive(Deserialize)]
struct TokenBody {
    label: String,
    /// Days until it expires (1–365; 90 when not given).
    days: Option<i64>,
}

async fn token_create(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    ApiJson(b): ApiJson<TokenBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let user = viewer.logged_in()?.clone();
    csrf(&viewer, &headers)?;
    let (token, expires) = crate::workspace::new_token(&state, &user, &b.label, b.days)?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "token": token, "label": b.label, "expires": expires })),
    ))
}

async fn tokens(State(state): State<AppState>, viewer: Viewer) -> ApiResult {
    let user = viewer.logged_in()?;
    let list: Vec<dto::TokenV1> = paragraf_app::accounts::tokens(&state.dir, user)
        .map_err(WebError::from)?
        .into_iter()
        .map(|t| dto::TokenV1 {
            id: t.id,
            label: t.label,
            created: t.created,
            expires: t.expires,
            revoked: t.revoked,
        })
        .collect();
    Ok(Json(json!(list)))
}

async fn token_revoke(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> ApiResult {
    let user = viewer.logged_in()?.clone();
    csrf(&viewer, &headers)?;
    crate::workspace::revoke_token(&state, &user, id)?;
    Ok(Json(json!({ "revoked": id })))
}

/// The OpenAPI 3.1 document of this API.
pub fn spec() -> Value {
    let err = json!({ "description": "Fel", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } });
    let ok = |d: &str| json!({ "description": d, "content": { "application/json": {} } });
    let id =
        json!({ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } });
    let n = json!({ "name": "n", "in": "path", "required": true, "schema": { "type": "integer" }, "description": "Paragrafnummer" });
    let body = |props: Value, required: Value| json!({ "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": props, "required": required } } } });
    let paged = json!([
        { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT }, "description": "Högst så många poster" },
        { "name": "offset", "in": "query", "schema": { "type": "integer", "minimum": 0, "default": 0 }, "description": "Från och med post nummer (0 = den första)" }
    ]);
    let list = |d: &str| {
        json!({ "description": format!("{d}; hela listans längd i X-Total-Count, nästa och föregående sida i Link"), "headers": {
        "X-Total-Count": { "schema": { "type": "integer" } }, "Link": { "schema": { "type": "string" } } }, "content": { "application/json": {} } })
    };
    json!({
        "openapi": "3.1.0",
        "info": { "title": "Paragraf API", "version": "1", "description": "Nämndens diarium, sammanträden och protokoll. Offentliga data kräver ingen inloggning; ändringar kräver session (med X-CSRF-Token) eller API-token (Authorization: Bearer)." },
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" }, "session": { "type": "apiKey", "in": "cookie", "name": "paragraf_session" } },
            "schemas": { "Error": { "type": "object", "properties": { "error": { "type": "object", "properties": {
                "status": { "type": "integer" }, "message": { "type": "string" }, "field": { "type": ["string", "null"] } }, "required": ["status", "message", "field"] } } } }
        },
        "paths": {
            "/bodies": { "get": { "summary": "Organ", "responses": { "200": ok("Alla organ") } } },
            "/notices": { "get": { "summary": "Anslagstavlan: aktuella anslag", "responses": { "200": ok("Anslag") } } },
            "/minutes": { "get": { "summary": "Publicerade protokoll", "parameters": paged, "responses": { "200": list("Lista") } } },
            "/minutes/{id}": { "get": { "summary": "Ett protokoll i offentlig version, med sigillbevis (seal_proof, docs/seal.md)", "parameters": [id], "responses": { "200": ok("Protokoll"), "404": err } } },
            "/keys": { "get": { "summary": "Sigillnycklarna med giltighetstider", "responses": { "200": ok("Nycklar") } } },
            "/meetings": {
                "get": { "summary": "Sammanträden", "parameters": paged, "responses": { "200": list("Lista") } },
                "post": { "summary": "Planera ett sammanträde", "security": [{ "bearer": [] }, { "session": [] }],
                    "requestBody": body(json!({ "body": { "type": "integer" }, "date": { "type": "string", "format": "date" }, "start": { "type": "string" }, "end": { "type": "string" }, "place": { "type": "string" } }), json!(["body", "date"])),
                    "responses": { "201": ok("Skapat"), "401": err, "403": err, "422": err } }
            },
            "/meetings/{id}": { "get": { "summary": "Ett sammanträde med protokoll (egna organ)", "parameters": [id], "responses": { "200": ok("Sammanträde"), "401": err, "403": err, "404": err } } },
            "/meetings/{id}/agenda": { "post": { "summary": "Sätt upp ett ärende på föredragningslistan", "parameters": [id], "requestBody": body(json!({ "case": { "type": "string" }, "presenter": { "type": "string" } }), json!(["case"])), "responses": { "200": ok("Punkt"), "409": err, "422": err } } },
            "/meetings/{id}/notice": { "post": { "summary": "Skicka kallelsen", "parameters": [id], "responses": { "200": ok("Kallat"), "409": err } } },
            "/meetings/{id}/held": { "post": { "summary": "Markera som genomfört", "parameters": [id], "responses": { "200": ok("Genomfört"), "409": err } } },
            "/meetings/{id}/minutes": { "post": { "summary": "Upprätta protokollet", "parameters": [id], "requestBody": body(json!({ "chair": { "type": "integer" }, "adjusters": { "type": "array", "items": { "type": "integer" } }, "secretary": { "type": "integer" }, "place": { "type": "string" } }), json!(["chair", "adjusters"])), "responses": { "200": ok("Protokoll"), "409": err, "422": err } } },
            "/meetings/{id}/paragraphs/{n}/decision": { "put": { "summary": "Beslut i en paragraf", "parameters": [id, n], "requestBody": body(json!({ "intro": { "type": "string" }, "clauses": { "type": "array", "items": { "type": "string" } }, "text": { "type": "string" }, "dispatch": { "type": "array", "items": { "type": "string" } } }), json!([])), "responses": { "200": ok("Beslut"), "409": err, "422": err } } },
            "/meetings/{id}/paragraphs/{n}/votes": { "post": { "summary": "Öppen omröstning", "parameters": [id, n], "requestBody": body(json!({ "yes_means": { "type": "string" }, "no_means": { "type": "string" }, "ballots": { "type": "array", "items": { "type": "object", "properties": { "person": { "type": "integer" }, "choice": { "enum": ["yes", "no", "abstain"] } } } }, "motions": { "type": "array", "items": { "type": "integer" }, "minItems": 2, "maxItems": 2, "description": "Yrkandena som ja och nej står för" } }), json!(["yes_means", "no_means", "ballots"])), "responses": { "200": ok("Resultat"), "422": err } } },
            "/meetings/{id}/approvals": { "post": { "summary": "Justera (ordförande eller justerare, från egen inloggning)", "parameters": [id], "requestBody": body(json!({ "role": { "enum": ["chair", "adjuster", "secretary"] }, "paragraphs": { "type": "array", "items": { "type": "integer" } } }), json!(["role"])), "responses": { "200": ok("Utfall"), "403": err, "409": err } } },
            "/meetings/{id}/anslag": { "post": { "summary": "Sätt upp anslaget", "parameters": [id], "requestBody": body(json!({ "date": { "type": "string", "format": "date", "description": "Dagens datum om det anges: anslaget dateras den dag det sätts upp" }, "storage": { "type": "string" } }), json!(["storage"])), "responses": { "200": ok("Anslag"), "409": err, "422": err } } },
            "/cases": {
                "get": { "summary": "Ärenden", "parameters": paged, "responses": { "200": list("Lista"), "401": err } },
                "post": { "summary": "Registrera ett ärende (diarienumret tilldelas)", "requestBody": body(json!({ "title": { "type": "string" }, "series": { "type": "string" }, "body": { "type": "integer" }, "secret": { "type": "boolean" }, "date": { "type": "string", "format": "date" } }), json!(["title"])), "responses": { "201": ok("Ärende"), "422": err } }
            },
            "/tokens": {
                "get": { "summary": "Den inloggades API-tokens (utan hemligheten)", "responses": { "200": ok("Lista"), "401": err } },
                "post": { "summary": "Skapa en API-token för den inloggade; den gäller i days dagar (högst 365, annars 90)", "requestBody": body(json!({ "label": { "type": "string" }, "days": { "type": "integer" } }), json!(["label"])), "responses": { "201": ok("Token"), "401": err, "422": err } }
            },
            "/tokens/{id}": { "delete": { "summary": "Återkalla en egen API-token", "parameters": [id], "responses": { "200": ok("Återkallad"), "401": err, "404": err } } }
        }
    })
}
