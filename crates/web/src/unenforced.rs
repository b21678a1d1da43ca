//! Ej verkställda beslut on the web. The register is about individuals (OSL 26 kap. 1 §):
//! its rows, one-by-one entry and editing, the IVO quarter (HTML, CSV, PDF) are for the roles
//! that handle these cases; everyone else sees the statistics as the nämnd receives them
//! (type, decision date, days, K/M, reason — no id). The store logs every read of rows and
//! every change with the value before and after; the decision page shows that log.

use std::collections::HashMap;

use axum::extract::{Form, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use maud::{html, Markup};
use paragraf_app::unenforced as ops;
use paragraf_app::unenforced::docs;
use paragraf_core::unenforced::{
    Catalogue, Closure, DecisionError, DecisionId, Gender, GrantedDecision, IvoReport,
    MonthlyReport, Quarter, Reason,
};

use crate::auth::Viewer;
use crate::error::WebError;
use crate::html::{csrf, page};
use crate::workspace::{get, Fields};
use crate::AppState;

use paragraf_app::access::{may_read, HANDLERS};

/// The rows of the register that `viewer` may read: those of the bodies they work in (the
/// read is logged in the register's log).
fn my_rows(state: &AppState, viewer: &Viewer) -> Result<Vec<GrantedDecision>, WebError> {
    let user = viewer.require(HANDLERS)?;
    Ok(ops::decisions(&state.dir, &viewer.actor())?
        .into_iter()
        .filter(|d| may_read(user, d.body))
        .collect())
}

fn catalogue(state: &AppState) -> Result<Catalogue, WebError> {
    Ok(ops::load_catalogue(&state.dir.path)?)
}

/// A date from the query (`key`), or `default`; 422 naming the field when it is no date.
pub(crate) fn date_param(
    q: &HashMap<String, String>,
    key: &str,
    default: NaiveDate,
) -> Result<NaiveDate, WebError> {
    match q.get(key).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(default),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| WebError::field(key, format!("{s:?} är inget datum (ÅÅÅÅ-MM-DD)"))),
    }
}

fn decision_error(e: DecisionError) -> WebError {
    let field = match e.field() {
        "insats" => "insats",
        "beslutsdatum" => "beslutsdatum",
        "kön" => "kon",
        "orsak" => "orsak",
        "verkställt" => "verkstallt",
        "avslutat" => "avslutat",
        "avbrott_från" => "avbrott_fran",
        "avbrott_till" => "avbrott_till",
        other => other,
    };
    WebError::field(field, e.to_string())
}

/// An optional date field of a form.
fn form_date(f: &Fields, key: &str, what: &str) -> Result<Option<NaiveDate>, WebError> {
    get(f, key)
        .map(|s| {
            NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
                WebError::field(key, format!("{what}: {s:?} är inget datum (ÅÅÅÅ-MM-DD)"))
            })
        })
        .transpose()
}

fn form_reason(f: &Fields) -> Result<Option<Reason>, WebError> {
    get(f, "orsak")
        .map(|s| Reason::parse(s).map_err(decision_error))
        .transpose()
}

/// The page of one decision (an id may hold `/`, which the path must carry encoded).
fn link(id: &str) -> String {
    format!("/ej-verkstallda/{}", id.replace('/', "%2F"))
}

fn reason_cell(r: Option<Reason>) -> String {
    r.map(|r| r.code().to_string()).unwrap_or_default()
}

/// The seed's three tables: summary, per type, one row per decision. `ids` adds the
/// register's id as the first column (for handlers only).
fn report_tables(r: &MonthlyReport, ids: bool) -> Markup {
    html! {
        table {
            caption { "Sammanställning den " (r.date) }
            tbody {
                tr { th scope="row" { "Antal beslut" } td class="num" { (r.total) } }
                tr { th scope="row" { "varav kvinnor" } td class="num" { (r.women) } }
                tr { th scope="row" { "varav män" } td class="num" { (r.men) } }
                tr { th scope="row" { "Antal som tackat nej till erbjudande" } td class="num" { (r.declined) } }
            }
        }
        table {
            caption { "Antal beslut per insats" }
            thead { tr { th scope="col" { "Insats" } th scope="col" class="num" { "Antal" } } }
            tbody { @for t in &r.by_type { tr { td { (t.service) } td class="num" { (t.count) } } } }
        }
        table class="filterable" {
            caption { "Beslut som inte verkställts inom tre månader" }
            thead { tr {
                @if ids { th scope="col" { "Id" } }
                th scope="col" { "Beslut om" } th scope="col" { "Beslutsdatum" }
                th scope="col" class="num" { "Antal dagar" } th scope="col" { "K/M" } th scope="col" { "Orsak" }
            } }
            tbody { @for row in &r.rows { tr {
                @if ids { td { a href=(link(&row.id)) { (row.id) } } }
                td { (row.service) } td { (row.decision_date) } td class="num" { (row.days) }
                td { (row.gender.letter()) } td { (reason_cell(row.reason)) }
            } } }
        }
        p { "Orsak: 1 = tackat nej till erbjuden plats/insats, 2 = resursbrist, 3 = annat." }
    }
}

fn chart(date: NaiveDate) -> Markup {
    html! {
        figure {
            img src={ "/ej-verkstallda/diagram.svg?datum=" (date) } width="960" height="760" style="max-width:100%;height:auto"
                alt={ "Diagram: antal beslut som inte verkställts inom tre månader vid varje månadsskifte de senaste tolv månaderna, per insats, och fördelningen av antal dagar som besluten väntat den " (date) ". Samma siffror finns i tabellerna." };
            figcaption { "Väntande beslut per månad och insats, och hur länge besluten väntat." }
        }
    }
}

/// `GET /ej-verkstallda?datum=`: the register and the monthly report, for handlers.
pub async fn register_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Markup, WebError> {
    let user = viewer.require(HANDLERS)?.clone();
    let date = date_param(&q, "datum", state.today())?;
    let cat = catalogue(&state)?;
    let all = my_rows(&state, &viewer)?;
    let bodies: Vec<_> = state
        .dir
        .bodies()?
        .into_iter()
        .filter(|b| user.bodies.contains(&b.id))
        .collect();
    let report = MonthlyReport::compute(&all, &cat, date);
    let listing = ops::listing(&all, date);
    let paging = crate::html::Paging::of(&q, listing.len(), 200)?;
    let quarter = Quarter::of(date);
    Ok(page(
        "Ej verkställda beslut",
        viewer.user.as_ref(),
        html! {
            h1 { "Ej verkställda beslut" }
            p class="secret" { "Registret gäller enskilda (sekretess enligt OSL 26 kap. 1 §). Varje visning av rader loggas." }
            form method="get" action="/ej-verkstallda" {
                label for="datum" { "Rapportdatum" }
                input id="datum" name="datum" type="date" value=(date);
                button type="submit" { "Visa" }
            }
            h2 { "Statistikrapport den " (date) }
            (report_tables(&report, true))
            (chart(date))
            h2 { "Kvartalsrapport till IVO" }
            form method="get" action="/ej-verkstallda/ivo" {
                label for="kvartal" { "Kvartal (t.ex. 2023Q4)" }
                input id="kvartal" name="kvartal" value=(quarter);
                button type="submit" { "Visa rapporten" }
            }
            h2 { "Registret" }
            @let href = |n: usize| format!("/ej-verkstallda?datum={date}&sida={n}");
            (paging.nav(href))
            table class="filterable" {
                caption { "Alla beslut i registret, läge den " (date) }
                thead { tr { th scope="col" { "Id" } th scope="col" { "Insats" } th scope="col" { "Beslutsdatum" } th scope="col" { "K/M" } th scope="col" { "Orsak" } th scope="col" { "Läge" } } }
                tbody { @for r in listing.iter().skip(paging.skip).take(paging.per) { tr {
                    td { a href=(link(&r["id"])) { (r["id"]) } }
                    td { (r["type"]) } td { (r["decision_date"]) } td { (r["gender"]) } td { (r["reason"]) } td { (r["state"]) }
                } } }
            }
            h2 { "Registrera beslut" }
            form method="post" action="/ej-verkstallda" {
                (csrf(viewer.csrf.as_deref()))
                label for="id" { "Id (aldrig namn eller personnummer)" }
                input id="id" name="id" required;
                label for="insats" { "Insats" }
                select id="insats" name="insats" required {
                    @for e in cat.entries() { option value=(e.name) { (e.name) } }
                }
                label for="beslutsdatum" { "Beslutsdatum" }
                input id="beslutsdatum" name="beslutsdatum" type="date" required;
                label for="kon" { "Kön" }
                select id="kon" name="kon" required { option value="K" { "Kvinna (K)" } option value="M" { "Man (M)" } }
                label for="orsak" { "Orsak" }
                select id="orsak" name="orsak" { (reason_options(None)) }
                label for="enhet" { "Enhet" }
                input id="enhet" name="enhet";
                label for="organ" { "Nämnd" }
                select id="organ" name="organ" required { @for b in &bodies { option value=(b.id) { (b.name) } } }
                div { button type="submit" { "Registrera" } }
            }
        },
    ))
}

fn reason_options(current: Option<Reason>) -> Markup {
    let code = current.map(|r| r.code());
    html! {
        option value="" selected[code.is_none()] { "–" }
        @for c in 1..=3u8 {
            @if let Some(r) = Reason::from_code(c) {
                option value=(c) selected[code == Some(c)] { (c) " – " (r.swedish()) }
            }
        }
    }
}

/// `POST /ej-verkstallda`: enters one decision.
pub async fn register_add(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    viewer.require(HANDLERS)?;
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    let body = get(&f, "organ")
        .and_then(|b| b.trim().parse::<i64>().ok())
        .map(paragraf_core::ids::BodyId)
        .ok_or_else(|| WebError::field("organ", "välj vilken nämnds beslut det är"))?;
    viewer.require_in(HANDLERS, Some(body))?;
    let cat = catalogue(&state)?;
    let id = DecisionId::new(get(&f, "id").unwrap_or("")).map_err(decision_error)?;
    let service = get(&f, "insats").ok_or_else(|| WebError::field("insats", "insats saknas"))?;
    let date = form_date(&f, "beslutsdatum", "beslutsdatum")?
        .ok_or_else(|| WebError::field("beslutsdatum", "beslutsdatum saknas"))?;
    let gender = Gender::parse(get(&f, "kon").unwrap_or("")).map_err(decision_error)?;
    let mut d = GrantedDecision::new(id, service, date, gender);
    d.reason = form_reason(&f)?;
    d.unit = get(&f, "enhet").map(str::to_string);
    d.body = Some(body);
    if let Some(e) = d.validate_with(&cat).into_iter().next() {
        return Err(decision_error(e));
    }
    let d = ops::add_decision(&state.dir, &viewer.actor(), &cat, d)?;
    Ok(Redirect::to(&link(d.id.as_str())).into_response())
}

/// `GET /ej-verkstallda/{id}`: one decision, its edit form and its log.
pub async fn decision_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Markup, WebError> {
    let user = viewer.require(HANDLERS)?.clone();
    let cat = catalogue(&state)?;
    let id = DecisionId::new(&id).map_err(|_| WebError::NotFound(format!("beslut {id}")))?;
    let store = &state.dir;
    let d = ops::decision(store, &viewer.actor(), &id)?
        .filter(|d| may_read(&user, d.body))
        .ok_or_else(|| WebError::NotFound(format!("beslut {id}")))?;
    let log = ops::log(store, Some(&id))?;
    let last = d.interruptions.last();
    Ok(page(
        &format!("Beslut {id}"),
        viewer.user.as_ref(),
        html! {
            h1 { "Beslut " (id) }
            p class="secret" { "Uppgifter om en enskild (sekretess enligt OSL 26 kap. 1 §). Visningen har loggats." }
            table { tbody {
                tr { th scope="row" { "Insats" } td { (d.service) } }
                tr { th scope="row" { "Beslutsdatum" } td { (d.decision_date) } }
                tr { th scope="row" { "Kön" } td { (d.gender.letter()) } }
                tr { th scope="row" { "Läge den " (state.today()) } td { (ops::listing(std::slice::from_ref(&d), state.today())[0]["state"]) } }
            } }
            h2 { "Ändra" }
            form method="post" action=(link(id.as_str())) {
                (csrf(viewer.csrf.as_deref()))
                label for="insats" { "Insats" }
                select id="insats" name="insats" {
                    @for e in cat.entries() { option value=(e.name) selected[e.name == d.service] { (e.name) } }
                }
                label for="orsak" { "Orsak" }
                select id="orsak" name="orsak" { (reason_options(d.reason)) }
                label for="orsakstext" { "Orsak i ord" }
                input id="orsakstext" name="orsakstext" value=(d.reason_text.clone().unwrap_or_default()) size="60";
                label for="enhet" { "Enhet" }
                input id="enhet" name="enhet" value=(d.unit.clone().unwrap_or_default());
                label for="verkstallt" { "Verkställt" }
                input id="verkstallt" name="verkstallt" type="date" value=(d.enforced.map(|x| x.to_string()).unwrap_or_default());
                label for="avslutat" { "Avslutat utan verkställighet" }
                input id="avslutat" name="avslutat" type="date" value=(d.closed.as_ref().map(|c| c.date.to_string()).unwrap_or_default());
                label for="avslutsorsak" { "Varför avslutat" }
                input id="avslutsorsak" name="avslutsorsak" value=(d.closed.as_ref().and_then(|c| c.why.clone()).unwrap_or_default()) size="60";
                label for="avbrott_fran" { "Avbrott från (det senaste; ett nytt datum lägger till ett avbrott)" }
                input id="avbrott_fran" name="avbrott_fran" type="date" value=(last.map(|i| i.from.to_string()).unwrap_or_default());
                label for="avbrott_till" { "Återupptaget" }
                input id="avbrott_till" name="avbrott_till" type="date" value=(last.and_then(|i| i.to).map(|x| x.to_string()).unwrap_or_default());
                div { button type="submit" { "Spara" } }
            }
            h2 { "Logg" }
            table {
                thead { tr { th scope="col" { "Tid" } th scope="col" { "Vem" } th scope="col" { "Vad" } th scope="col" { "Före" } th scope="col" { "Efter" } } }
                tbody { @for e in &log { tr {
                    td { (e.at) } td { (e.actor) } td { (e.action) }
                    td { code { (e.before_json.clone().unwrap_or_default()) } }
                    td { code { (e.after_json.clone().unwrap_or_default()) } }
                } } }
            }
            p { a href="/ej-verkstallda" { "Till registret" } }
        },
    ))
}

/// `POST /ej-verkstallda/{id}`: changes one decision (the store logs before and after).
pub async fn decision_edit(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    let user = viewer.require(HANDLERS)?.clone();
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    let cat = catalogue(&state)?;
    let id = DecisionId::new(&id).map_err(|_| WebError::NotFound(format!("beslut {id}")))?;
    ops::decision(&state.dir, &viewer.actor(), &id)?
        .filter(|d| may_read(&user, d.body))
        .ok_or_else(|| WebError::NotFound(format!("beslut {id}")))?;
    let service = get(&f, "insats").map(str::to_string);
    let reason = form_reason(&f)?;
    let reason_text = get(&f, "orsakstext").map(str::to_string);
    let unit = get(&f, "enhet").map(str::to_string);
    let enforced = form_date(&f, "verkstallt", "verkställt")?;
    let closed = form_date(&f, "avslutat", "avslutat")?;
    let why = get(&f, "avslutsorsak").map(str::to_string);
    let from = form_date(&f, "avbrott_fran", "avbrott från")?;
    let to = form_date(&f, "avbrott_till", "återupptaget")?;
    let mut problem = None;
    ops::edit_decision(&state.dir, &viewer.actor(), &cat, &id, |d| {
        if let Some(s) = service {
            d.service = s;
        }
        d.reason = reason;
        d.reason_text = reason_text;
        d.unit = unit;
        d.enforced = enforced;
        d.closed = closed.map(|date| Closure { date, why });
        let interruption = d.set_latest_interruption(from, to).err();
        if let Some(e) = interruption.into_iter().chain(d.validate_with(&cat)).next() {
            problem = Some(decision_error(e));
            anyhow::bail!("ogiltigt beslut");
        }
        Ok(())
    })
    .map_err(|e| problem.take().unwrap_or_else(|| WebError::from(e)))?;
    Ok(Redirect::to(&link(id.as_str())).into_response())
}

/// `GET /ej-verkstallda/ivo?kvartal=2023Q4[&format=csv|pdf]`: the quarterly report to IVO.
pub async fn ivo(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    viewer.require(HANDLERS)?;
    let written = q.get("kvartal").map(String::as_str).unwrap_or("");
    let quarter: Quarter = written.parse().map_err(|_| {
        WebError::field(
            "kvartal",
            format!("{written:?} är inget kvartal (skriv t.ex. 2023Q4)"),
        )
    })?;
    let cat = catalogue(&state)?;
    let all = my_rows(&state, &viewer)?;
    let r = IvoReport::compute(&all, &cat, quarter);
    let name = format!("ivo-{quarter}");
    match q.get("format").map(String::as_str) {
        Some("csv") => Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.csv\""),
                ),
            ],
            r.to_csv(),
        )
            .into_response()),
        Some("pdf") => {
            let doc = docs::ivo_doc(
                &r,
                &state.dir.config().municipality.name,
                "Socialtjänsten",
                state.today(),
            );
            let bytes = tokio::task::spawn_blocking(move || docs::pdf(&doc))
                .await
                .map_err(|e| WebError::Internal(e.to_string()))??;
            Ok((
                [
                    (header::CONTENT_TYPE, "application/pdf".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{name}.pdf\""),
                    ),
                ],
                bytes,
            )
                .into_response())
        }
        Some(other) if !other.is_empty() && other != "html" => Err(WebError::field(
            "format",
            format!("okänt format {other:?} (html, csv eller pdf)"),
        )),
        _ => Ok(page(
            &format!("Rapport till IVO {quarter}"),
            viewer.user.as_ref(),
            html! {
                h1 { "Rapport till IVO, " (quarter) " (" (r.from) " – " (r.to) ")" }
                p class="secret" { "Uppgifter om enskilda (sekretess enligt OSL 26 kap. 1 §)." }
                p {
                    a href={ "/ej-verkstallda/ivo?kvartal=" (quarter) "&format=csv" } { "Ladda ned som CSV" } " · "
                    a href={ "/ej-verkstallda/ivo?kvartal=" (quarter) "&format=pdf" } { "Ladda ned som PDF" }
                }
                table class="filterable" {
                    caption { (r.rows.len()) " beslut, läge den " (r.to) }
                    thead { tr {
                        th scope="col" { "Id" } th scope="col" { "Insats" } th scope="col" { "Lagrum" } th scope="col" { "Beslutsdatum" }
                        th scope="col" { "K/M" } th scope="col" { "Typ" } th scope="col" { "Avbrott från" } th scope="col" { "Läge" }
                        th scope="col" class="num" { "Dagar" } th scope="col" { "Orsak" }
                    } }
                    tbody { @for row in &r.rows { tr {
                        td { a href=(link(&row.id)) { (row.id) } }
                        td { (row.service) } td { (row.provision.clone().unwrap_or_default()) } td { (row.decision_date) }
                        td { (row.gender.letter()) }
                        td { (serde_json::to_value(row.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()) }
                        td { (row.interrupted_from.map(|x| x.to_string()).unwrap_or_default()) }
                        td { (row.state)
                            @if let Some(e) = row.enforced { " " (e) }
                            @if let Some(c) = row.closed { " " (c) } }
                        td class="num" { (row.days) } td { (reason_cell(row.reason)) }
                    } } }
                }
                p { a href="/ej-verkstallda" { "Till registret" } }
            },
        )
        .into_response()),
    }
}

/// `GET /statistik/ej-verkstallda[?datum=]`: the statistics for everyone, as they were
/// placed before the nämnd (only report dates that have been on the agenda of a meeting
/// whose kallelse has gone out), aggregates only, small cells shown as "<3". Reads no row
/// of the register and writes nothing; the read is counted in the server log.
pub async fn statistics_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Markup, WebError> {
    let all = ops::public_statistics(&state.dir)?;
    tracing::info!(target: "paragraf::offentlig", "statistik över ej verkställda beslut visad");
    let chosen = match q.get("datum").map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => all.last(),
        Some(x) => {
            let d = NaiveDate::parse_from_str(x, "%Y-%m-%d").map_err(|_| {
                WebError::field("datum", format!("{x:?} är inget datum (ÅÅÅÅ-MM-DD)"))
            })?;
            Some(all.iter().find(|s| s.date == d).ok_or_else(|| {
                WebError::NotFound(format!("statistik per {d} som redovisats för nämnden"))
            })?)
        }
    };
    Ok(page(
        "Ej verkställda beslut – statistik",
        viewer.user.as_ref(),
        html! {
            h1 { "Gynnande beslut som inte verkställts inom tre månader" }
            p { "Statistik enligt socialtjänstlagen 16 kap. 6 h § och LSS 28 h §: beslut om bistånd och insatser som inte verkställts inom tre månader från beslutet, så som den redovisats för nämnden. Bara sammanräknade uppgifter visas; antal under 3 visas som ”<3” (och ett annat antal när det annars skulle gå att räkna fram)." }
            @if all.is_empty() { p { "Ingen statistik har redovisats för nämnden ännu." } }
            @if let Some(s) = chosen {
                form method="get" action="/statistik/ej-verkstallda" {
                    label for="datum" { "Rapportdatum" }
                    select id="datum" name="datum" { @for x in all.iter().rev() { option value=(x.date) selected[x.date == s.date] { (x.date) } } }
                    button type="submit" { "Visa" }
                }
                table {
                    caption { "Sammanställning den " (s.date) }
                    tbody {
                        tr { th scope="row" { "Antal beslut" } td class="num" { (s.total.shown()) } }
                        tr { th scope="row" { "varav kvinnor" } td class="num" { (s.women.shown()) } }
                        tr { th scope="row" { "varav män" } td class="num" { (s.men.shown()) } }
                        tr { th scope="row" { "Antal som tackat nej till erbjudande" } td class="num" { (s.declined.shown()) } }
                    }
                }
                table {
                    caption { "Antal beslut per insats" }
                    thead { tr { th scope="col" { "Insats" } th scope="col" class="num" { "Antal" } } }
                    tbody { @for (t, c) in &s.by_type { tr { td { (t) } td class="num" { (c.shown()) } } } }
                }
                figure {
                    img src="/statistik/ej-verkstallda/diagram.svg" width="960" height="420" style="max-width:100%;height:auto"
                        alt="Diagram: antal beslut som inte verkställts inom tre månader vid varje rapportdatum som redovisats för nämnden. Samma siffror finns i tabellerna.";
                    figcaption { "Antal väntande beslut per rapportdatum." }
                }
            }
        },
    ))
}

/// `GET /statistik/ej-verkstallda/diagram.svg`: the public chart (totals per presented
/// report date).
pub async fn chart_svg(State(state): State<AppState>) -> Result<Response, WebError> {
    let all = ops::public_statistics(&state.dir)?;
    let svg = ops::public_chart_svg(&all)?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}

/// `GET /ej-verkstallda/diagram.svg?datum=`: the live chart over the rows the handler may
/// read.
pub async fn register_chart(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let date = date_param(&q, "datum", state.today())?;
    let cat = catalogue(&state)?;
    let all = my_rows(&state, &viewer)?;
    let svg = ops::chart_svg(&all, &cat, date)?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}
