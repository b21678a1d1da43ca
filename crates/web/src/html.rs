//! The page frame and small pieces of HTML shared by the public site and the workspace.
//! Pages work without JavaScript; they use landmarks, a skip link, labels on every field and
//! colours with enough contrast (WCAG 2.1 AA).

use chrono::NaiveDate;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use paragraf_app::accounts::User;

/// The stylesheet, served at `/static/paragraf.css`.
pub const CSS: &str = r#"
:root { --ink:#1a1a1a; --muted:#4a4a4a; --accent:#00528a; --line:#c8c8c8; --bg:#fff; --soft:#f3f5f7; --warn:#8a1c00; }
* { box-sizing: border-box; }
body { margin:0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:var(--bg); line-height:1.5; }
a { color: var(--accent); }
a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
.skip { position:absolute; left:-999px; } .skip:focus { left:1rem; top:1rem; background:#fff; padding:.5rem; z-index:10; }
header.site { background: var(--accent); color:#fff; padding: .75rem 1rem; display:flex; flex-wrap:wrap; gap:1rem; align-items:center; }
header.site a { color:#fff; } header.site .brand { font-weight:700; font-size:1.2rem; text-decoration:none; }
header.site nav ul { list-style:none; display:flex; flex-wrap:wrap; gap:1rem; margin:0; padding:0; }
header.site form { margin:0 0 0 auto; } header.site button { background:#fff; color:var(--accent); border:0; padding:.3rem .7rem; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; overflow-wrap:anywhere; }
img, svg, pre { max-width:100%; } pre { overflow-x:auto; white-space:pre-wrap; }
table { border-collapse: collapse; width:100%; margin: .5rem 0 1rem; } th, td { border-bottom:1px solid var(--line); padding:.35rem .5rem; text-align:left; vertical-align:top; overflow-wrap:anywhere; hyphens:auto; }
td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; }
.notice { border:2px solid var(--accent); padding: .75rem 1rem; margin: 1rem 0; background: var(--soft); }
.secret { border-left: 4px solid var(--warn); padding-left: .75rem; color: var(--muted); }
.state { display:inline-block; padding:0 .4rem; border:1px solid var(--muted); border-radius:3px; font-size:.9rem; }
form.inline { display:inline; }
label { display:block; font-weight:600; margin-top:.5rem; }
input, select, textarea { font: inherit; padding:.3rem; border:1px solid #767676; max-width:100%; }
button { font: inherit; padding:.35rem .9rem; background: var(--accent); color:#fff; border:0; border-radius:3px; cursor:pointer; margin-top:.5rem; }
.error { color: var(--warn); font-weight:600; }
output.tally { display:block; margin-top:.5rem; font-weight:600; }
table.month { table-layout: fixed; } table.month caption { font-weight:700; text-align:left; font-size:1.1rem; text-transform: capitalize; }
table.month td { height:4.5rem; border:1px solid var(--line); } table.month td.other { color: var(--muted); background: var(--soft); }
table.month td.free time { color: var(--warn); } table.month td.today { outline: 3px solid var(--accent); outline-offset:-3px; }
table.month .holiday { display:block; font-size:.8rem; color: var(--muted); } table.month ul { margin:.2rem 0 0; padding:0; list-style:none; font-size:.9rem; }
nav.months { display:flex; justify-content:space-between; margin-top:1rem; }
.para { border-top: 1px solid var(--line); padding-top:.5rem; margin-top:1rem; }
.assessment { display:inline-block; padding:0 .4rem; border-radius:3px; border:1px solid var(--muted); }
.assessment.good { background:#d8f0dc; border-color:#1d6b2c; } .assessment.mid { background:#fff1c2; border-color:#7a5a00; }
.assessment.bad { background:#fbd9d3; border-color:#8a1c00; } .assessment.none { background:var(--soft); }
ul.goals { padding-left:1.2rem; } ul.goals > li { margin: .6rem 0; } .level { color: var(--muted); }
.table-wrap { overflow-x:auto; max-width:100%; position:relative; }
.visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
.error-summary { border:3px solid var(--warn); padding:.5rem 1rem; margin:1rem 0; }
.error-summary h2 { margin-top:0; } .field-error { color: var(--warn); font-weight:600; margin:.2rem 0; }
form.inline { display:inline; } form.inline button { margin:0 0 0 .4rem; padding:.1rem .5rem; } .refused { color: var(--warn); font-weight:600; }
input[aria-invalid=true] { border:2px solid var(--warn); }
fieldset { border:1px solid var(--line); margin: .75rem 0; } legend { font-weight:600; }
fieldset label { display:inline; font-weight:400; }
.search-results { display:grid; gap:1rem; } ul.facets { list-style:none; padding:0; margin:0 0 .75rem; }
ol.hits { padding-left:1.2rem; } ol.hits h3 { margin:.75rem 0 .1rem; font-size:1.05rem; } p.meta, p.hint { color: var(--muted); margin:.1rem 0; }
mark { background:#fff1a8; color:inherit; } input[type=search] { width:100%; max-width:30rem; }
@media (min-width: 50rem) { .search-results { grid-template-columns: 13rem 1fr; } }
@media (max-width: 40rem) {
  table:has(input, select, textarea, button), table:has(input, select, textarea, button) > * > tr,
  table:has(input, select, textarea, button) td, table:has(input, select, textarea, button) th { display:block; width:100%; }
  table:has(input, select, textarea, button) > thead { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
  table:has(input, select, textarea, button) > * > tr { border-bottom:2px solid var(--line); padding:.25rem 0; }
  table:has(input, select, textarea, button) td, table:has(input, select, textarea, button) th { border:0; padding:.15rem 0; }
  input[size], textarea[cols] { width:100%; }
}
footer { max-width:60rem; margin: 2rem auto; padding: 1rem; color: var(--muted); border-top:1px solid var(--line); font-size:.9rem; }
"#;

/// The workspace's small script (progressive enhancement), served at `/static/paragraf.js`.
pub const JS: &str = include_str!("../static/paragraf.js");

/// A whole page: header with navigation, main content, footer.
pub fn page(title: &str, user: Option<&User>, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="sv" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – Paragraf" }
                link rel="stylesheet" href="/static/paragraf.css";
                link rel="alternate" type="application/atom+xml" title="Anslagstavlan" href="/anslagstavla.atom";
                @if user.is_some() {
                    script src="/static/paragraf.js" defer {}
                }
            }
            body {
                a class="skip" href="#innehall" { "Hoppa till innehållet" }
                header class="site" {
                    a class="brand" href="/" { "Paragraf" }
                    nav aria-label="Huvudmeny" {
                        ul {
                            li { a href="/anslagstavla" { "Anslagstavla" } }
                            li { a href="/protokoll/" { "Protokoll" } }
                            li { a href="/kalender" { "Sammanträden" } }
                            li { a href="/sok" { "Sök" } }
                            li { a href="/organ" { "Organ" } }
                            li { a href="/delegation" { "Delegation" } }
                            li { a href="/uppfoljning" { "Uppföljning" } }
                            @if user.is_some() {
                                li { a href="/arenden" { "Ärenden" } }
                            }
                            @if user.is_some_and(|u| u.role != paragraf_app::accounts::Role::Reader) {
                                li { a href="/sammantraden" { "Arbetsyta" } }
                            }
                            @if user.is_some_and(|u| paragraf_app::access::HANDLERS.contains(&u.role)) {
                                li { a href="/ej-verkstallda" { "Ej verkställda beslut" } }
                                li { a href="/las-in" { "Läs in" } }
                            }
                            @if user.is_some_and(|u| u.role == paragraf_app::accounts::Role::Admin) {
                                li { a href="/admin/konton" { "Konton" } }
                                li { a href="/admin/organisation" { "Organisationen" } }
                                li { a href="/admin/installningar" { "Inställningar" } }
                            }
                            @if user.is_some() {
                                li { a href="/konto/losenord" { "Byt lösenord" } }
                            }
                        }
                    }
                    @match user {
                        Some(u) => form method="post" action="/logga-ut" {
                            span { (u.name) " (" (u.role.swedish()) ") " }
                            button type="submit" { "Logga ut" }
                        },
                        None => a href="/logga-in" style="margin-left:auto" { "Logga in" },
                    }
                }
                main id="innehall" { (content) }
                footer { "Paragraf — öppen programvara för kommunala nämnder. Publicerade protokoll finns också som " a href="/oppna-data" { "öppna data" } " (filer, OParl 1.1 och " a href="/api/v1/openapi.json" { "/api/v1" } ")." }
            }
        }
    }
}

/// A hidden CSRF field.
pub fn csrf(token: Option<&str>) -> Markup {
    html! { input type="hidden" name="csrf" value=(token.unwrap_or("")); }
}

/// "måndagen den 29 januari 2024".
pub fn long_date(d: NaiveDate) -> String {
    paragraf_app::format::date_long(d)
}

/// Text with line breaks kept.
/// A stored time (UTC, RFC 3339) as people read it: Swedish time to the minute,
/// "2026-12-04 19:05" (as stored, should it not parse).
pub fn stamp(utc: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(utc) {
        Ok(t) => {
            let offset = paragraf_app::meeting::import::swedish_offset(t.date_naive());
            t.with_timezone(&offset)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        }
        Err(_) => utc.to_string(),
    }
}

pub fn text(t: &str) -> Markup {
    html! {
        @for para in t.split("\n\n").filter(|p| !p.trim().is_empty()) {
            p { @for (i, line) in para.lines().enumerate() { @if i > 0 { br; } (line) } }
        }
    }
}

/// Raw, trusted markup (only for constants).
pub fn raw(s: &'static str) -> PreEscaped<&'static str> {
    PreEscaped(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_swedish() {
        assert_eq!(
            long_date("2024-01-29".parse().unwrap()),
            "måndagen den 29 januari 2024"
        );
        assert_eq!(
            long_date("2025-09-01".parse().unwrap()),
            "måndagen den 1 september 2025"
        );
    }

    #[test]
    fn user_text_is_escaped() {
        let m = text("<script>alert(1)</script>\nrad två").into_string();
        assert!(m.contains("&lt;script&gt;") && m.contains("<br>"));
    }
}

/// A year asked for in `?{key}=ÅÅÅÅ` (none when absent or empty).
pub fn year_param(
    q: &std::collections::HashMap<String, String>,
    key: &str,
) -> Result<Option<i32>, crate::error::WebError> {
    match q.get(key).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(y) => y
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
            .map(Some)
            .ok_or_else(|| crate::error::WebError::field(key, format!("ogiltigt år: {y}"))),
    }
}

/// One page of a long list: which rows, and the links to the pages around it.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    /// This page, from 1.
    pub page: usize,
    /// How many pages.
    pub pages: usize,
    /// Rows before this page.
    pub skip: usize,
    /// Rows per page.
    pub per: usize,
    /// Rows in all.
    pub total: usize,
}

impl Paging {
    /// The page asked for in `sida` (default 1; past the end: the last) of `total` rows.
    pub fn of(
        q: &std::collections::HashMap<String, String>,
        total: usize,
        per: usize,
    ) -> Result<Paging, crate::error::WebError> {
        let asked: usize = match q.get("sida").map(|s| s.trim()) {
            None | Some("") => 1,
            Some(x) => x.parse().ok().filter(|n| *n >= 1).ok_or_else(|| {
                crate::error::WebError::field("sida", format!("ogiltig sida: {x}"))
            })?,
        };
        let pages = total.div_ceil(per).max(1);
        let page = asked.min(pages);
        Ok(Paging {
            page,
            pages,
            skip: (page - 1) * per,
            per,
            total,
        })
    }

    /// Whether row `i` (from 0) is on this page.
    pub fn shows(&self, i: usize) -> bool {
        i >= self.skip && i < self.skip + self.per
    }

    /// "Rad 1–200 av 1775, sida 1 av 9." and the links (`href` makes a page's address).
    pub fn nav(&self, href: impl Fn(usize) -> String) -> Markup {
        html! {
            @if self.pages > 1 {
                p { "Rad " (self.skip + 1) "–" ((self.skip + self.per).min(self.total)) " av " (self.total) ", sida " (self.page) " av " (self.pages) "." }
                nav class="months" aria-label="Sidor" {
                    @if self.page > 1 { a href=(href(self.page - 1)) { "← Föregående sida" } } @else { span {} }
                    @if self.page < self.pages { a href=(href(self.page + 1)) { "Nästa sida →" } }
                }
            }
        }
    }
}

#[cfg(test)]
mod stamp_tests {
    /// Stored times are UTC; people read Swedish time, winter and summer.
    #[test]
    fn a_stored_time_is_shown_in_swedish_time() {
        assert_eq!(super::stamp("2026-12-04T18:05:00.000Z"), "2026-12-04 19:05");
        assert_eq!(super::stamp("2026-07-01T22:30:00Z"), "2026-07-02 00:30");
        assert_eq!(super::stamp("i går"), "i går");
    }
}
