//! Verksamhetsuppföljning on the web: a page per nämnd and period with the tables, the goal
//! tree (assessment in words and colour, never colour alone), indicators, uppdrag, the checks
//! and the charts; the figures as CSV and JSON for reuse. Logged-in readers see every report;
//! the public sees a report once it has been on the agenda of a meeting whose notice has gone
//! out (`paragraf_app::followup::publish::is_public`).

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use paragraf_app::followup::docs::{
    charts, figures, figures_csv, figures_json, gather, table_view, ReportData,
};
use paragraf_app::followup::publish::is_public;
use paragraf_core::followup::{AssessmentScale, Goal, Period};

use crate::auth::Viewer;
use crate::error::WebError;
use crate::html::page;
use crate::AppState;

fn params(q: &HashMap<String, String>) -> Result<(String, Period), WebError> {
    let body = q
        .get("organ")
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| WebError::field("organ", "nämnden saknas"))?
        .to_string();
    let written = q.get("period").map(String::as_str).unwrap_or("");
    let period: Period = written
        .parse()
        .map_err(|e| WebError::field("period", format!("{e}")))?;
    Ok((body, period))
}

fn query(body: &str, period: &Period) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    format!("organ={}&period={}", enc(body), enc(&period.to_string()))
}

/// The report's data, when this viewer may see it: 404 for the public before it is public.
fn visible(
    state: &AppState,
    viewer: &Viewer,
    body: &str,
    period: &Period,
) -> Result<ReportData, WebError> {
    let store = &state.dir;
    if viewer.user.is_none() && !is_public(store, body, period)? {
        return Err(WebError::NotFound(format!(
            "uppföljningen för {body} {}",
            period.words()
        )));
    }
    gather(store, body, period).map_err(|e| WebError::NotFound(format!("{e:#}")))
}

/// `GET /uppfoljning`: the reports this viewer may read.
pub async fn list(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, WebError> {
    let store = &state.dir;
    let mut rows = Vec::new();
    for (body, p) in paragraf_app::followup::periods(store)? {
        let Ok(period) = p.parse::<Period>() else {
            continue;
        };
        let public = is_public(store, &body, &period)?;
        if viewer.user.is_some() || public {
            rows.push((body, period, public));
        }
    }
    Ok(page(
        "Uppföljning",
        viewer.user.as_ref(),
        html! {
            h1 { "Verksamhetsuppföljning" }
            p { "Nämndernas uppföljning av ekonomi, mål, indikatorer och uppdrag. En rapport blir offentlig när den har lagts fram för nämnden." }
            @if rows.is_empty() { p { "Ingen uppföljning är publicerad ännu." } }
            ul { @for (body, period, public) in &rows { li {
                a href={ "/uppfoljning/rapport?" (query(body, period)) } { (body) ", " (period.words()) }
                @if !public { " (ej offentlig ännu)" }
            } } }
        },
    ))
}

fn assessment_class(scale: &AssessmentScale, a: &str) -> &'static str {
    let n = scale.levels.len();
    match scale.rank(a) {
        Some(0) => "good",
        Some(r) if r + 1 == n => "bad",
        Some(_) => "mid",
        None => "none",
    }
}

fn goal_tree(goals: &[Goal], scale: &AssessmentScale) -> Markup {
    html! {
        ul class="goals" { @for g in goals { li {
            span class="level" { (g.level.swedish()) ": " }
            strong { (g.title) }
            " "
            @match &g.assessment {
                Some(a) => span class={ "assessment " (assessment_class(scale, a)) } { "Bedömning: " (a) },
                None => span class="assessment none" { "Ingen bedömning" },
            }
            @if let Some(an) = &g.analysis { p { (an) } }
            @if !g.indicators.is_empty() {
                table {
                    caption { "Indikatorer" }
                    thead { tr { th scope="col" { "Indikator" } th scope="col" { "Kön" } th scope="col" { "Värden" } th scope="col" class="num" { "Mål" } th scope="col" { "Status" } th scope="col" { "Trend" } } }
                    tbody { @for i in &g.indicators { tr {
                        td { (i.name) @if let Some(u) = &i.unit { " (" (u) ")" } }
                        td { (i.gender.map(|x| x.swedish()).unwrap_or("")) }
                        td { @for (k, v) in &i.values { (k) ": " (paragraf_app::format::number(*v, 1)) br; } }
                        td class="num" { (i.target.map(|t| paragraf_app::format::number(t, 1)).unwrap_or_default()) }
                        td { (i.effective_status().swedish()) @if let Some(o) = &i.status_override { " (satt för hand: " (o.reason) ")" } }
                        td { (i.effective_trend().map(|t| t.swedish()).unwrap_or("")) }
                    } } }
                }
            }
            @if !g.children.is_empty() { (goal_tree(&g.children, scale)) }
        } } }
    }
}

/// `GET /uppfoljning/rapport?organ=&period=`: the report's page.
pub async fn report(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Markup, WebError> {
    let (body, period) = params(&q)?;
    let d = visible(&state, &viewer, &body, &period)?;
    let qs = query(&body, &period);
    let ch = charts(&d)?;
    let checks = d.checks();
    let f = d.followup.as_ref();
    Ok(page(
        &format!("Uppföljning {body} {}", period.words()),
        viewer.user.as_ref(),
        html! {
            h1 { "Verksamhetsrapport " (body) ", " (period.words()) }
            p { "Siffrorna kan laddas ned för vidare användning: "
                a href={ "/uppfoljning/siffror.csv?" (qs) } { "CSV" } " · "
                a href={ "/uppfoljning/siffror.json?" (qs) } { "JSON" } }
            @if let Some(s) = f.and_then(|f| f.summary.as_ref()) { h2 { "Sammanfattning" } p { (s) } }
            h2 { "Ekonomi och verksamhet" }
            @if let Some(b) = &d.budget { (finance(&table_view(b))) }
            @if let Some(f) = f { @for t in &f.tables { (finance(&table_view(&t.table))) } }
            @for (name, svg, alt) in [("budget", &ch.budget, "Diagram: budget och utfall per kostnadsställe. Samma siffror finns i tabellerna."),
                                      ("prognos", &ch.forecast, "Diagram: prognos mot årsbudget. Samma siffror finns i tabellerna."),
                                      ("indikatorer", &ch.indicators, "Diagram: indikatorernas värden över tid mot målvärdet. Samma siffror finns i tabellerna över indikatorer.")] {
                @if svg.is_some() {
                    figure { img src={ "/uppfoljning/diagram.svg?" (qs) "&namn=" (name) } alt=(alt) style="max-width:100%;height:auto"; }
                }
            }
            @if !checks.is_empty() {
                h2 { "Kontroll av tabellerna" }
                ul { @for c in &checks { li { (c) } } }
            }
            @if let Some(f) = f {
                @if !f.goals.is_empty() { h2 { "Måluppfyllelse" } (goal_tree(&f.goals, &f.scale)) }
                @if !f.assignments.is_empty() {
                    h2 { "Uppdrag" }
                    table {
                        thead { tr { th scope="col" { "Uppdrag" } th scope="col" { "Givet av" } th scope="col" { "Start" } th scope="col" { "Slut" } th scope="col" { "Status" } th scope="col" { "Kommentar" } } }
                        tbody { @for a in &f.assignments { tr {
                            td { (a.title) } td { (a.given_by.clone().unwrap_or_default()) }
                            td { (a.start.map(|x| x.to_string()).unwrap_or_default()) } td { (a.end.map(|x| x.to_string()).unwrap_or_default()) }
                            td { (a.status.map(|s| s.swedish()).unwrap_or("")) }
                            td { @for (k, v) in &a.comments { (k) ": " (v) br; } }
                        } } }
                    }
                }
            }
        },
    ))
}

fn finance(t: &paragraf_app::followup::docs::ReportTable) -> Markup {
    html! {
        table {
            @if !t.title.is_empty() { caption { (t.title) } }
            thead { tr { @for (i, h) in t.header.iter().enumerate() {
                th scope="col" class=[t.numeric.get(i).copied().unwrap_or(false).then_some("num")] { (h) }
            } } }
            tbody { @for (r, row) in t.rows.iter().enumerate() { tr {
                @for (i, c) in row.iter().enumerate() {
                    @let total = t.total_row && r + 1 == t.rows.len();
                    @if i == 0 { th scope="row" { @if total { strong { (c) } } @else { (c) } } }
                    @else { td class="num" { @if total { strong { (c) } } @else { (c) } } }
                }
            } } }
        }
        @if !t.note.is_empty() { p { small { (t.note) } } }
    }
}

/// `GET /uppfoljning/diagram.svg?organ=&period=&namn=budget|prognos|indikatorer`.
pub async fn chart(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let (body, period) = params(&q)?;
    let d = visible(&state, &viewer, &body, &period)?;
    let ch = charts(&d)?;
    let svg = match q.get("namn").map(String::as_str) {
        Some("budget") => ch.budget,
        Some("prognos") => ch.forecast,
        Some("indikatorer") => ch.indicators,
        other => {
            return Err(WebError::field(
                "namn",
                format!(
                    "okänt diagram {:?} (budget, prognos eller indikatorer)",
                    other.unwrap_or("")
                ),
            ))
        }
    }
    .ok_or_else(|| WebError::NotFound("diagrammet".into()))?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}

/// `GET /uppfoljning/siffror.csv|json?organ=&period=`: the figures for reuse.
pub async fn figures_csv_file(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let (body, period) = params(&q)?;
    let d = visible(&state, &viewer, &body, &period)?;
    let csv = figures_csv(&figures(&d))?;
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], csv).into_response())
}

/// The same as JSON.
pub async fn figures_json_file(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let (body, period) = params(&q)?;
    let d = visible(&state, &viewer, &body, &period)?;
    Ok(axum::Json(figures_json(&d)).into_response())
}
