//! Sök: the public search page (`/sok`) and a case's permanent address (`/arende/{dnr}`).
//! Both read only what the public may read (see [`paragraf_app::search`]).

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use paragraf_app::search::{PublicSearch, SearchHit, SearchQuery, SearchResults};

use crate::auth::Viewer;
use crate::error::WebError;
use crate::html::{page, Paging};
use crate::AppState;

/// Hits per page.
const PER_PAGE: usize = 20;
/// The longest search text taken.
const MAX_QUERY: usize = 200;

/// What the form asks, read from `?q=…&organ=…&ar=…&typ=…&sida=…`.
struct Asked {
    text: String,
    body: Option<String>,
    year: Option<i32>,
    kind: Option<String>,
    page: usize,
}

fn asked(q: &HashMap<String, String>) -> Result<Asked, WebError> {
    let get = |k: &str| {
        q.get(k)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let text = get("q").unwrap_or_default();
    if text.chars().count() > MAX_QUERY {
        return Err(WebError::field(
            "q",
            format!("sökningen är för lång (högst {MAX_QUERY} tecken)"),
        ));
    }
    let year = crate::html::year_param(q, "ar")?;
    let page = match get("sida") {
        None => 1,
        Some(s) => s
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=500).contains(n))
            .ok_or_else(|| WebError::field("sida", format!("ogiltig sida: {s}")))?,
    };
    Ok(Asked {
        text,
        body: get("organ"),
        year,
        kind: get("typ"),
        page,
    })
}

/// The address of this search with `change` made to its parameters.
fn address(a: &Asked, change: &[(&str, Option<String>)]) -> String {
    let mut params: Vec<(&str, String)> = vec![("q", a.text.clone())];
    let mut push = |k: &'static str, v: Option<String>| {
        let v = change
            .iter()
            .find(|(c, _)| *c == k)
            .map_or(v, |(_, v)| v.clone());
        if let Some(v) = v {
            params.push((k, v));
        }
    };
    push("organ", a.body.clone());
    push("ar", a.year.map(|y| y.to_string()));
    push("typ", a.kind.clone());
    push("sida", None);
    format!(
        "/sok?{}",
        serde_urlencoded::to_string(&params).unwrap_or_default()
    )
}

fn kind_label(kind: &str) -> &str {
    match kind {
        paragraf_app::search::KIND_PARAGRAPH => "Paragraf i protokoll",
        paragraf_app::search::KIND_CASE => "Ärende i diariet",
        paragraf_app::search::KIND_ITEM => "Punkt på föredragningslista",
        other => other,
    }
}

/// A hit: its title as a link, where it is from, and the snippet with the found words
/// marked.
fn hit_html(h: &SearchHit) -> Markup {
    html! {
        li class="hit" {
            h3 { a href=(h.url) { @for s in &h.title_marked { @if s.hit { mark { (s.text) } } @else { (s.text) } } } }
            p class="meta" {
                (h.body) ", " (h.date)
                @if let Some(d) = &h.dnr { ", Dnr " a href={ "/arende/" (paragraf_core::dnr::address_slug(d)) } { (d) } }
            }
            p { @for s in &h.snippet { @if s.hit { mark { (s.text) } } @else { (s.text) } } }
        }
    }
}

fn facet_list(
    a: &Asked,
    title: &str,
    key: &str,
    chosen: Option<String>,
    values: &[(String, u64)],
    label: impl Fn(&str) -> String,
) -> Markup {
    html! {
        @if !values.is_empty() {
            h3 { (title) }
            ul class="facets" {
                @if chosen.is_some() {
                    li { a href=(address(a, &[(key, None)])) { "Alla" } }
                }
                @for (v, n) in values {
                    li {
                        @if chosen.as_deref() == Some(v.as_str()) {
                            strong aria-current="true" { (label(v)) " (" (n) ")" }
                        } @else {
                            a href=(address(a, &[(key, Some(v.clone()))])) { (label(v)) " (" (n) ")" }
                        }
                    }
                }
            }
        }
    }
}

fn results_html(a: &Asked, r: &SearchResults) -> Markup {
    let paging = Paging {
        page: a.page,
        pages: r.total.div_ceil(PER_PAGE).max(1),
        skip: (a.page - 1) * PER_PAGE,
        per: PER_PAGE,
        total: r.total,
    };
    html! {
        p role="status" {
            @if r.total == 0 { "Inga träffar på ”" (a.text) "”." }
            @else if r.total == 1 { "1 träff på ”" (a.text) "”." }
            @else { (r.total) " träffar på ”" (a.text) "”." }
        }
        @if r.total > 0 {
            div class="search-results" {
                aside aria-label="Avgränsa" {
                    h2 { "Avgränsa" }
                    (facet_list(a, "Organ", "organ", a.body.clone(), &r.bodies, |v| v.to_string()))
                    (facet_list(a, "År", "ar", a.year.map(|y| y.to_string()), &r.years, |v| v.to_string()))
                    (facet_list(a, "Typ", "typ", a.kind.clone(), &r.kinds, |v| kind_label(v).to_string()))
                }
                section aria-label="Träffar" {
                    ol class="hits" { @for h in &r.hits { (hit_html(h)) } }
                    (paging.nav(|p| {
                        let base = address(a, &[]);
                        format!("{base}&sida={p}")
                    }))
                }
            }
        }
    }
}

/// `/sok`: the search form and, when something was asked, what the public may find. A
/// diarienummer in any spelling leads straight to its case.
pub async fn search_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let a = asked(&q)?;
    let found = if a.text.is_empty() {
        None
    } else {
        let query = SearchQuery {
            text: a.text.clone(),
            body: a.body.clone(),
            year: a.year,
            kind: a.kind.clone(),
            access: None,
            exclude: Vec::new(),
            offset: (a.page - 1) * PER_PAGE,
            limit: PER_PAGE,
        };
        let found = match &viewer.user {
            Some(user) => paragraf_app::search::search_workspace(&state.dir, user, &query)?,
            None => paragraf_app::search::search_public(&state.public, &query)?,
        };
        match found {
            PublicSearch::Case { url } => return Ok(Redirect::to(&url).into_response()),
            PublicSearch::Found(r) => Some(r),
        }
    };
    Ok(page(
        "Sök",
        viewer.user.as_ref(),
        html! {
            h1 { "Sök i protokoll" }
            form method="get" action="/sok" role="search" {
                label for="q" { "Sökord eller diarienummer" }
                p class="hint" id="q-hint" { "Till exempel hemtjänst, sjukfrånvaro eller SOC 2023-000189. Alla ord måste finnas med; ett ord hittar också sammansättningar som börjar med det." }
                input type="search" id="q" name="q" value=(a.text) maxlength=(MAX_QUERY) aria-describedby="q-hint";
                button type="submit" { "Sök" }
            }
            @if let Some(r) = &found { (results_html(&a, r)) }
            @if viewer.user.is_some() {
                p class="hint" { "Du är inloggad: sökningen omfattar det du får läsa — paragrafer och föredragningslistor i de organ du arbetar i (även utkast och sekretess), ärenden i diariet som du får se, och de offentliga versionerna av alla publicerade protokoll." }
            } @else {
                p class="hint" { "Sökningen omfattar de offentliga versionerna av justerade och anslagna protokoll. Paragrafer med sekretess finns inte i sökningen." }
            }
        },
    )
    .into_response())
}

/// `/arende/{dnr}`: a case's permanent address, with the published §§ that name it.
pub async fn case_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Markup, WebError> {
    let case = paragraf_app::search::public_case(&state.public, &slug)?
        .ok_or_else(|| WebError::NotFound(format!("ärende {slug}")))?;
    Ok(page(
        &format!("Ärende {}", case.dnr),
        viewer.user.as_ref(),
        html! {
            h1 { (case.title) }
            p { "Diarienummer " strong { (case.dnr) } }
            h2 { "Behandlat i protokoll" }
            ol class="hits" { @for h in &case.paragraphs { (hit_html(h)) } }
            @if !case.documents.is_empty() {
                h2 { "Handlingar" }
                ul { @for d in &case.documents {
                    li { a href={ "/arende/" (slug) "/handlingar/" (d.number) } { (d.title) } " (" (d.kind) ", " (d.date) ", PDF)" }
                } }
            }
            p class="hint" { "Här visas de paragrafer i publicerade protokoll som gäller ärendet och de handlingar som har prövats och får publiceras. Vill du läsa andra handlingar i ärendet, kontakta kommunens registratur." }
        },
    ))
}

/// `/arende/{dnr}/handlingar/{number}`: a public handling's PDF.
pub async fn case_document(
    State(state): State<AppState>,
    Path((slug, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let missing = || WebError::NotFound(format!("handling {number} i ärende {slug}"));
    let n: u32 = number.parse().map_err(|_| missing())?;
    let (_, bytes) =
        paragraf_app::search::public_document(&state.public, &slug, n)?.ok_or_else(missing)?;
    Ok(crate::public::pdf(bytes, &format!("handling-{n}.pdf")))
}
