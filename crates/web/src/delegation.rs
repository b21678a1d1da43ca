//! Delegation on the web: the delegationsordning as a public page (every item with its
//! lagrum and delegates in order, searchable), and the report on delegation decisions for
//! logged-in readers — counts for everyone who may read the nämnd's papers, the ANMÄLAN lists
//! decision by decision only for the roles that handle cases.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use chrono::{Datelike, NaiveDate};
use maud::{html, Markup};
use paragraf_app::delegation as ops;
use paragraf_core::delegation::{search, DelegationOrder, Item};

use crate::auth::Viewer;
use crate::error::WebError;
use crate::html::page;
use crate::unenforced::date_param;
use crate::AppState;

/// The roles that see decisions one by one.
use paragraf_app::access::{may, HANDLERS};

fn ranks(r: &[Vec<String>]) -> Markup {
    html! {
        @if r.is_empty() { "–" }
        ol class="ranks" { @for rank in r { li { (rank.join(" eller ")) } } }
    }
}

fn item_row(i: &Item) -> Markup {
    html! {
        tr id={ "punkt-" (i.number) } {
            th scope="row" { (i.number) }
            td {
                (i.matter)
                @if i.utskott_only { br; strong { "Får endast delegeras till utskott (" (paragraf_core::delegation::legal::UTSKOTT_ONLY_BOTH) ")." } }
                @if let Some(r) = &i.remark { br; em { "Anmärkning: " (r) } }
                @if let Some(m) = &i.moved_to { br; "Flyttad till punkt " (m) "." }
                @if !i.levels.is_empty() {
                    ol class="levels" { @for l in &i.levels { li {
                        "Nivå " (l.number.0) ": " (l.matter.clone().unwrap_or_default()) " — " (ranks_text(&l.delegates))
                    } } }
                }
            }
            td { @for l in &i.legal_basis { (l) br; } }
            td {
                (ranks(&i.delegates))
                @for c in &i.conditional { p { (c.condition) ": " (ranks_text(&c.delegates)) } }
            }
        }
    }
}

fn ranks_text(r: &[Vec<String>]) -> String {
    r.iter()
        .map(|a| a.join(" eller "))
        .collect::<Vec<_>>()
        .join(", i andra hand ")
}

/// `GET /delegation`: the stored orders, newest version first.
pub async fn orders(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, WebError> {
    let mut all = ops::orders(&state.public)?;
    all.sort_by_key(|o| std::cmp::Reverse(o.id));
    let today = state.today();
    Ok(page(
        "Delegationsordningar",
        viewer.user.as_ref(),
        html! {
            h1 { "Delegationsordningar" }
            p { "Nämnden får uppdra åt utskott, ledamöter och anställda att besluta på dess vägnar (KL 6 kap. 37–40 §§). Delegationsordningen visar vem som får besluta vad; besluten anmäls till nämnden." }
            @if all.is_empty() { p { "Ingen delegationsordning är inläst." } }
            ul { @for o in &all { li {
                a href={ "/delegation/" (o.id) } { (o.order.title) }
                " — version " (o.id)
                @if let Some(r) = o.order.revised { ", reviderad " (r) }
                @if let Some(s) = o.order.staleness(today) { " " strong { "(" (s) ")" } }
            } } }
            @if viewer.user.is_some() { p { a href="/delegation/beslut" { "Rapport över delegationsbeslut" } } }
        },
    ))
}

fn order_facts(o: &DelegationOrder, today: NaiveDate) -> Markup {
    html! {
        table { tbody {
            @if let Some(c) = &o.case_number { tr { th scope="row" { "Diarienummer" } td { (c) } } }
            @if let Some(b) = &o.adopted_by { tr { th scope="row" { "Antagen av" } td { (b) } } }
            @if let Some(d) = o.adopted { tr { th scope="row" { "Fastställd" } td { (d) } } }
            @if let Some(d) = o.revised { tr { th scope="row" { "Senast reviderad" } td { (d) } } }
            @if let Some(d) = o.valid_until { tr { th scope="row" { "Giltig t o m" } td { (d) } } }
            tr { th scope="row" { "Antal punkter" } td { (o.items.len()) } }
        } }
        @if let Some(s) = o.staleness(today) { p class="notice" role="note" { strong { "Behöver ses över: " } (s) "." } }
    }
}

/// `GET /delegation/{id}?q=`: one version of an order, or the items matching `q`.
pub async fn order_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Markup, WebError> {
    let stored = ops::orders(&state.public)?
        .into_iter()
        .find(|o| o.id == id)
        .ok_or_else(|| WebError::NotFound(format!("delegationsordning {id}")))?;
    let o = &stored.order;
    let term = q.get("q").map(|s| s.trim()).unwrap_or("");
    let hits: Vec<&Item> = if term.is_empty() {
        o.items.iter().collect()
    } else {
        search(o, term)
    };
    Ok(page(
        &o.title,
        viewer.user.as_ref(),
        html! {
            h1 { (o.title) }
            (order_facts(o, state.today()))
            form method="get" action={ "/delegation/" (id) } role="search" {
                label for="q" { "Sök på ärende eller lagrum" }
                input id="q" name="q" value=(term);
                button type="submit" { "Sök" }
            }
            @if !term.is_empty() { p { (hits.len()) " punkter matchar " q { (term) } ". " a href={ "/delegation/" (id) } { "Visa alla" } } }
            @for s in &o.sections {
                @let items: Vec<&&Item> = hits.iter().filter(|i| i.section.as_deref() == Some(s.number.as_str())).collect();
                @if !items.is_empty() {
                    h2 id={ "avsnitt-" (s.number) } { (s.number) " " (s.title) }
                    table {
                        thead { tr { th scope="col" { "Punkt" } th scope="col" { "Ärende" } th scope="col" { "Lagrum" } th scope="col" { "Delegat (i tur och ordning)" } } }
                        tbody { @for i in items { (item_row(i)) } }
                    }
                }
            }
            @let loose: Vec<&&Item> = hits.iter().filter(|i| i.section.as_deref().is_none_or(|n| !o.sections.iter().any(|s| s.number == n))).collect();
            @if !loose.is_empty() {
                h2 { "Övriga punkter" }
                table {
                    thead { tr { th scope="col" { "Punkt" } th scope="col" { "Ärende" } th scope="col" { "Lagrum" } th scope="col" { "Delegat" } } }
                    tbody { @for i in loose { (item_row(i)) } }
                }
            }
            @if !o.abbreviations.is_empty() {
                h2 { "Förkortningar" }
                dl { @for (k, v) in &o.abbreviations { dt { (k) } dd { (v) } } }
            }
        },
    ))
}

/// `GET /delegation/beslut?fran=&till=`: the report to the nämnd for logged-in readers; the
/// lists decision by decision only for handlers.
/// Rows of the ANMÄLAN lists on one page.
const ROWS_PER_PAGE: usize = 200;

pub async fn decisions(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Markup, WebError> {
    let user = viewer.user.as_ref().ok_or(WebError::Unauthorized)?;
    let today = state.today();
    let first = today.with_day0(0).unwrap_or(today);
    let from = date_param(&q, "fran", first)?;
    let to = date_param(&q, "till", today)?;
    if to < from {
        return Err(WebError::field("till", "till-datumet är före från-datumet"));
    }
    let r = ops::report(&state.dir, from, to)?;
    // The lists name individuals' matters: handlers of the order's nämnd only.
    let lists = may(user, HANDLERS, ops::lists_body(&state.dir)?);
    let notices = if lists {
        ops::notices(&state.dir, from, to)?
    } else {
        Vec::new()
    };
    let paging = crate::html::Paging::of(
        &q,
        notices.iter().map(|n| n.rows.len()).sum(),
        ROWS_PER_PAGE,
    )?;
    Ok(page(
        "Delegationsbeslut",
        viewer.user.as_ref(),
        html! {
            h1 { "Delegationsbeslut " (from) " – " (to) }
            form method="get" action="/delegation/beslut" {
                label for="fran" { "Från" } input id="fran" name="fran" type="date" value=(from);
                label for="till" { "Till" } input id="till" name="till" type="date" value=(to);
                button type="submit" { "Visa" }
            }
            p { strong { (r.total) } " delegationsbeslut under perioden." }
            @for u in &r.units {
                table {
                    caption { (u.unit) }
                    thead { tr { th scope="col" { "Typ av beslut" } th scope="col" class="num" { "Antal" } } }
                    tbody {
                        @for t in &u.decisions { tr { td { (t.decision) } td class="num" { (t.count) } } }
                        tr { th scope="row" { "Summa" } td class="num" { strong { (u.total) } } }
                    }
                }
            }
            table {
                caption { "Utfall per punkt i delegationsordningen" }
                thead { tr { th scope="col" { "Punkt" } th scope="col" class="num" { "Bifall" } th scope="col" class="num" { "Avslag" } th scope="col" class="num" { "Annat" } } }
                tbody { @for i in &r.by_item { tr { td { (i.item) } td class="num" { (i.bifall) } td class="num" { (i.avslag) } td class="num" { (i.annat) } } } }
            }
            @if lists {
                h2 { "ANMÄLAN AV DELEGATIONSBESLUT" }
                p class="secret" { "Förteckningarna kan innehålla uppgifter om enskilda (OSL 26 kap. 1 §)." }
                @let href = |n: usize| format!("/delegation/beslut?fran={from}&till={to}&sida={n}");
                (paging.nav(href))
                @let starts = notices.iter().scan(0usize, |acc, n| { let s = *acc; *acc += n.rows.len(); Some(s) }).collect::<Vec<_>>();
                @for (n, &start) in notices.iter().zip(&starts) {
                    @let shown: Vec<_> = n.rows.iter().enumerate()
                        .filter(|(i, _)| paging.shows(start + i))
                        .map(|(_, x)| x).collect();
                    @if !shown.is_empty() {
                        table class="filterable" {
                            caption { (n.unit) ", avseende " (n.month) }
                            thead { tr { th scope="col" { "Punkt" } th scope="col" { "Ärende" } th scope="col" { "Datum" } th scope="col" { "Utfall" } th scope="col" { "Beslutsfattare" } } }
                            tbody { @for x in shown { tr {
                                td { (x.item) } td { (x.decision) } td { (x.date) } td { (x.outcome.swedish()) } td { (x.decided_by) ", " (x.role) }
                            } } }
                        }
                    }
                }
                @if paging.pages > 1 { (paging.nav(href)) }
            }
        },
    ))
}
