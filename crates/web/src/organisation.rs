//! The organisation for administrators: bodies, persons and their memberships, on one page
//! with a plain form for each. A refused form comes back with what was typed.

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use maud::{html, Markup};
use paragraf_app::accounts::Role;
use paragraf_core::ids::{BodyId, PersonId};
use paragraf_core::org::{
    Body, BodyKind, Membership, MembershipRole, Official, Person, PresidiumPosition, TermOfOffice,
};

use crate::auth::Viewer;
use crate::error::WebError;
use crate::html::{csrf, page};
use crate::workspace::{get, Fields};
use crate::AppState;

const ADMIN: &[Role] = &[Role::Admin];

const KINDS: [BodyKind; 6] = [
    BodyKind::Assembly,
    BodyKind::ExecutiveBoard,
    BodyKind::Committee,
    BodyKind::Subcommittee,
    BodyKind::WorkingCommittee,
    BodyKind::AdvisoryCouncil,
];

/// Which form was refused, what was typed into it, and why.
struct Refused<'a> {
    form: &'a str,
    fields: &'a Fields,
    message: String,
}

/// The rows of a refused register file, one message each.
type FileProblems = Vec<String>;

fn view(state: &AppState, viewer: &Viewer, refused: Option<Refused>) -> Result<Markup, WebError> {
    view_with(state, viewer, refused, None, None)
}

fn view_with(
    state: &AppState,
    viewer: &Viewer,
    refused: Option<Refused>,
    file_problems: Option<FileProblems>,
    imported: Option<String>,
) -> Result<Markup, WebError> {
    let me = viewer.require(ADMIN)?;
    let bodies = state.dir.bodies()?;
    let persons = state.dir.persons()?;
    let memberships = state.dir.memberships(None)?;
    let terms = state.dir.terms()?;
    let officials = state.dir.officials()?;
    let names = state.dir.names()?;
    let typed = |form: &str, key: &str| -> String {
        refused
            .as_ref()
            .filter(|r| r.form == form)
            .and_then(|r| get(r.fields, key))
            .unwrap_or("")
            .to_string()
    };
    let chosen = |form: &str, key: &str, value: &str| typed(form, key) == value;
    let alert = |form: &str| {
        html! {
            @if let Some(r) = refused.as_ref().filter(|r| r.form == form) {
                div class="error-summary" role="alert" { p { (r.message) } }
            }
        }
    };
    Ok(page(
        "Organisationen",
        Some(me),
        html! {
            h1 { "Organisationen" }
            h2 id="organ" { "Organ" }
            div class="table-wrap" role="region" aria-label="Organ" tabindex="0" {
                table {
                    thead { tr { th scope="col" { "Namn" } th scope="col" { "Kortnamn" } th scope="col" { "Slag" } th scope="col" { "Under" } } }
                    tbody { @for b in &bodies { tr {
                        td { (b.name) } td { (b.short_name.clone().unwrap_or_default()) } td { (b.kind.swedish()) }
                        td { (b.parent.map(|p| state.dir.body_name(p)).unwrap_or_default()) }
                    } } }
                }
            }
            (alert("organ"))
            form method="post" action="/admin/organisation/organ" {
                (csrf(viewer.csrf.as_deref()))
                label for="o-name" { "Organets namn" }
                input id="o-name" name="name" required value=(typed("organ", "name"));
                label for="o-short" { "Kortnamn (t.ex. SN)" }
                input id="o-short" name="short" value=(typed("organ", "short"));
                label for="o-kind" { "Slag" }
                select id="o-kind" name="kind" {
                    @for k in KINDS { option value=(k.swedish()) selected[chosen("organ", "kind", k.swedish())] { (k.swedish()) } }
                }
                label for="o-parent" { "Under (för utskott)" }
                select id="o-parent" name="parent" {
                    option value="" { "Inget" }
                    @for b in &bodies { option value=(b.id) selected[chosen("organ", "parent", &b.id.to_string())] { (b.name) } }
                }
                div { button type="submit" { "Lägg till organet" } }
            }
            h2 id="mandatperioder" { "Mandatperioder" }
            @if terms.is_empty() { p { "Inga mandatperioder ännu." } }
            ul { @for t in &terms { li { (t.from) "–" (t.to) } } }
            (alert("mandatperiod"))
            form method="post" action="/admin/organisation/mandatperiod" {
                (csrf(viewer.csrf.as_deref()))
                label for="t-from" { "Första dag" }
                input id="t-from" name="from" type="date" required value=(typed("mandatperiod", "from"));
                label for="t-to" { "Sista dag" }
                input id="t-to" name="to" type="date" required value=(typed("mandatperiod", "to"));
                div { button type="submit" { "Lägg till mandatperioden" } }
            }
            h2 id="personer" { "Personer" }
            p { (persons.len()) " personer: " (persons.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")) }
            (alert("person"))
            form method="post" action="/admin/organisation/person" {
                (csrf(viewer.csrf.as_deref()))
                label for="p-name" { "Namn" }
                input id="p-name" name="name" required autocomplete="off" value=(typed("person", "name"));
                label for="p-email" { "E-post (valfri)" }
                input id="p-email" name="email" type="email" autocomplete="off" value=(typed("person", "email"));
                div { button type="submit" { "Lägg till personen" } }
            }
            h2 id="uppdrag" { "Uppdrag" }
            div class="table-wrap" role="region" aria-label="Uppdrag" tabindex="0" {
                table {
                    thead { tr { th scope="col" { "Person" } th scope="col" { "Organ" } th scope="col" { "Uppdrag" } th scope="col" { "Parti" } th scope="col" { "Från–till" } } }
                    tbody { @for m in &memberships { tr {
                        td { (names.get(&m.person).cloned().unwrap_or_default()) }
                        td { (state.dir.body_name(m.body)) }
                        td { (m.role.swedish()) @if let Some(p) = m.position { ", " (p.swedish()) } }
                        td { (m.party.clone().unwrap_or_default()) }
                        td { (m.from) "–" (m.to.map(|t| t.to_string()).unwrap_or_default()) }
                    } } }
                }
            }
            h3 { "Läs in uppdrag från förtroendemannaregistret" }
            p { "En CSV-fil med kolumnerna personnummer (valfri), namn, parti, organ, roll (ledamot eller ersättare), uppdrag (t.ex. ordförande), från och till. Personnummer används bara för att känna igen personen: det sparas som ett nyckelat hashvärde och visas aldrig. En fil med fel läses inte in alls." }
            @if let Some(text) = &imported { div class="notice" role="status" { p { (text) } } }
            @if let Some(problems) = &file_problems {
                div class="error-summary" role="alert" {
                    h2 { "Filen lästes inte in" }
                    ul { @for p in problems { li { (p) } } }
                }
            }
            form method="post" action="/admin/organisation/import" enctype="multipart/form-data" {
                (csrf(viewer.csrf.as_deref()))
                label for="m-file" { "Fil (CSV)" }
                input id="m-file" name="file" type="file" accept=".csv,text/csv" required;
                div { button type="submit" { "Läs in filen" } }
            }
            h3 { "Ett uppdrag i taget" }
            (alert("uppdrag"))
            form method="post" action="/admin/organisation/uppdrag" {
                (csrf(viewer.csrf.as_deref()))
                label for="m-person" { "Person" }
                select id="m-person" name="person" required {
                    @for p in &persons { option value=(p.id) selected[chosen("uppdrag", "person", &p.id.to_string())] { (p.name) } }
                }
                label for="m-body" { "Organ" }
                select id="m-body" name="body" required {
                    @for b in &bodies { option value=(b.id) selected[chosen("uppdrag", "body", &b.id.to_string())] { (b.name) } }
                }
                label for="m-role" { "Uppdrag" }
                select id="m-role" name="role" {
                    option value="ledamot" selected[chosen("uppdrag", "role", "ledamot")] { "ledamot" }
                    option value="ersättare" selected[chosen("uppdrag", "role", "ersättare")] { "ersättare" }
                }
                label for="m-position" { "Presidiepost" }
                select id="m-position" name="position" {
                    option value="" { "Ingen" }
                    @for p in PresidiumPosition::ALL {
                        option value=(p.swedish()) selected[chosen("uppdrag", "position", p.swedish())] { (p.swedish()) }
                    }
                }
                label for="m-party" { "Parti" }
                input id="m-party" name="party" value=(typed("uppdrag", "party"));
                label for="m-from" { "Från" }
                input id="m-from" name="from" type="date" required value=(typed("uppdrag", "from"));
                label for="m-to" { "Till (valfritt)" }
                input id="m-to" name="to" type="date" value=(typed("uppdrag", "to"));
                div { button type="submit" { "Lägg till uppdraget" } }
            }
            h2 id="ersattarordning" { "Ersättarordning" }
            p { "Den ordning i vilken ersättarna går in för en ledamot som är frånvarande eller jävig, som fullmäktige beslutat (KL 6 kap. 16–17 §§). En närvarolista där en ersättare tjänstgör före en som står före i ordningen sparas inte." }
            @for b in &bodies {
                @for o in state.dir.substitute_orders(b.id)? {
                    p { strong { (b.name) } " från " (o.from) @if let Some(t) = o.to { " till " (t) } ": "
                        (o.order.iter().map(|p| names.get(p).cloned().unwrap_or_default()).collect::<Vec<_>>().join(", "))
                        (if o.party_first { " (eget parti först)" } else { " (i listans ordning)" }) }
                }
            }
            (alert("ersattarordning"))
            form method="post" action="/admin/organisation/ersattarordning" {
                (csrf(viewer.csrf.as_deref()))
                label for="e-body" { "Organ" }
                select id="e-body" name="body" required {
                    @for b in &bodies { option value=(b.id) selected[chosen("ersattarordning", "body", &b.id.to_string())] { (b.name) } }
                }
                label for="e-from" { "Gäller från" }
                input id="e-from" name="from" type="date" required value=(typed("ersattarordning", "from"));
                label for="e-to" { "Gäller till (valfritt)" }
                input id="e-to" name="to" type="date" value=(typed("ersattarordning", "to"));
                label for="e-order" { "Ersättarna i tur och ordning, en per rad" }
                textarea id="e-order" name="order" rows="5" cols="40" required { (typed("ersattarordning", "order")) }
                label { input type="checkbox" name="party_first" value="1" checked[refused.as_ref().is_none_or(|r| r.form != "ersattarordning" || get(r.fields, "party_first").is_some())]; " Ersättare från ledamotens eget parti går in först" }
                div { button type="submit" { "Spara ersättarordningen" } }
            }
            h2 id="tjanstepersoner" { "Tjänstepersoner" }
            div class="table-wrap" role="region" aria-label="Tjänstepersoner" tabindex="0" {
                table {
                    thead { tr { th scope="col" { "Person" } th scope="col" { "Titel" } th scope="col" { "Förvaltning" } } }
                    tbody { @for o in &officials { tr {
                        td { (names.get(&o.person).cloned().unwrap_or_default()) }
                        td { (o.title) }
                        td { (o.unit.clone().unwrap_or_default()) }
                    } } }
                }
            }
            (alert("tjansteperson"))
            form method="post" action="/admin/organisation/tjansteperson" {
                (csrf(viewer.csrf.as_deref()))
                label for="f-person" { "Person" }
                select id="f-person" name="person" required {
                    @for p in &persons { option value=(p.id) selected[chosen("tjansteperson", "person", &p.id.to_string())] { (p.name) } }
                }
                label for="f-title" { "Titel (t.ex. socialchef)" }
                input id="f-title" name="title" required value=(typed("tjansteperson", "title"));
                label for="f-unit" { "Förvaltning (valfri)" }
                input id="f-unit" name="unit" value=(typed("tjansteperson", "unit"));
                div { button type="submit" { "Lägg till tjänstepersonen" } }
            }
        },
    ))
}

/// `GET /admin/organisation`.
pub async fn organisation_page(
    State(state): State<AppState>,
    viewer: Viewer,
) -> Result<Markup, WebError> {
    view(&state, &viewer, None)
}

fn date(f: &Fields, key: &str, what: &str) -> Result<Option<NaiveDate>, WebError> {
    get(f, key)
        .map(|d| {
            d.trim()
                .parse()
                .map_err(|_| WebError::field(key, format!("{what}: ogiltigt datum")))
        })
        .transpose()
}

fn id(f: &Fields, key: &str, what: &str) -> Result<i64, WebError> {
    get(f, key)
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| WebError::field(key, format!("välj {what}")))
}

fn save(state: &AppState, viewer: &Viewer, form: &str, f: &Fields) -> Result<(), WebError> {
    let actor = viewer.actor();
    let dir = &state.dir;
    match form {
        "organ" => {
            let kind = BodyKind::from_swedish(get(f, "kind").unwrap_or(""))
                .ok_or_else(|| WebError::field("kind", "okänt slag av organ"))?;
            let parent = get(f, "parent")
                .map(|p| p.parse::<i64>().map(BodyId))
                .transpose()
                .map_err(|_| WebError::field("parent", "ogiltigt organ"))?;
            let body = Body::new(get(f, "name").unwrap_or(""), get(f, "short"), kind, parent)
                .map_err(|e| WebError::field("name", e.to_string()))?;
            paragraf_app::org::register_body(dir, &actor, &body)?;
        }
        "person" => {
            let person = Person::new(get(f, "name").unwrap_or(""), get(f, "email"))
                .map_err(|e| WebError::field("name", e.to_string()))?;
            paragraf_app::org::register_person(dir, &actor, &person)?;
        }
        "uppdrag" => {
            let role = MembershipRole::from_swedish(get(f, "role").unwrap_or(""))
                .ok_or_else(|| WebError::field("role", "välj ledamot eller ersättare"))?;
            let position = get(f, "position")
                .map(|p| {
                    PresidiumPosition::from_swedish(p)
                        .ok_or_else(|| WebError::field("position", "okänd presidiepost"))
                })
                .transpose()?;
            let from =
                date(f, "from", "från")?.ok_or_else(|| WebError::field("from", "ange från"))?;
            let m = Membership::new(
                PersonId(id(f, "person", "en person")?),
                BodyId(id(f, "body", "ett organ")?),
                role,
                position,
                get(f, "party"),
                None,
                from,
                date(f, "to", "till")?,
            )
            .map_err(|e| WebError::field("from", e.to_string()))?;
            paragraf_app::org::register_membership(dir, &actor, &m)?;
        }
        "mandatperiod" => {
            let from = date(f, "from", "första dag")?
                .ok_or_else(|| WebError::field("from", "ange första dag"))?;
            let to = date(f, "to", "sista dag")?
                .ok_or_else(|| WebError::field("to", "ange sista dag"))?;
            let term =
                TermOfOffice::new(from, to).map_err(|e| WebError::field("to", e.to_string()))?;
            paragraf_app::org::register_term(dir, &actor, &term)?;
        }
        "tjansteperson" => {
            let official = Official::new(
                PersonId(id(f, "person", "en person")?),
                get(f, "title").unwrap_or(""),
                get(f, "unit"),
            )
            .map_err(|e| WebError::field("title", e.to_string()))?;
            paragraf_app::org::register_official(dir, &actor, &official)?;
        }
        "ersattarordning" => {
            let body = BodyId(id(f, "body", "ett organ")?);
            let from = date(f, "from", "gäller från")?
                .ok_or_else(|| WebError::field("from", "ange från vilken dag ordningen gäller"))?;
            let persons = dir.persons()?;
            let mut order = Vec::new();
            for line in get(f, "order").unwrap_or("").lines() {
                let name = line.trim();
                if name.is_empty() {
                    continue;
                }
                let p = persons
                    .iter()
                    .find(|p| p.name.eq_ignore_ascii_case(name))
                    .ok_or_else(|| {
                        WebError::field("order", format!("ingen person heter {name}"))
                    })?;
                order.push(p.id);
            }
            let order = paragraf_core::org::SubstituteOrder::new(
                body,
                from,
                date(f, "to", "gäller till")?,
                get(f, "party_first").is_some(),
                order,
            )
            .map_err(|e| WebError::field("order", e.to_string()))?;
            paragraf_app::org::set_substitute_order(dir, &actor, &order)?;
        }
        other => return Err(WebError::NotFound(format!("formuläret {other}"))),
    }
    Ok(())
}

/// `POST /admin/organisation/{organ|person|uppdrag}`.
pub async fn organisation_save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(form): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, WebError> {
    viewer.require(ADMIN)?;
    viewer.check_csrf(get(&f, "csrf").unwrap_or(""))?;
    match save(&state, &viewer, &form, &f) {
        Ok(()) => Ok(Redirect::to(&format!(
            "/admin/organisation#{}",
            match form.as_str() {
                "organ" => "organ",
                "person" => "personer",
                "mandatperiod" => "mandatperioder",
                "tjansteperson" => "tjanstepersoner",
                "ersattarordning" => "ersattarordning",
                _ => "uppdrag",
            }
        ))
        .into_response()),
        Err(e) if e.status().is_client_error() && e.status() != StatusCode::FORBIDDEN => {
            let status = e.status();
            let refused = Refused {
                form: &form,
                fields: &f,
                message: e.to_string(),
            };
            Ok((status, view(&state, &viewer, Some(refused))?).into_response())
        }
        Err(e) => Err(e),
    }
}

/// `POST /admin/organisation/import`: a förtroendemannaregister export (multipart).
pub async fn organisation_import(
    State(state): State<AppState>,
    viewer: Viewer,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, WebError> {
    viewer.require(ADMIN)?;
    let (fields, file) = crate::workspace::read_multipart(&state, &mut multipart, "file").await?;
    viewer.check_csrf(get(&fields, "csrf").unwrap_or(""))?;
    let bytes = file.unwrap_or_default();
    match paragraf_app::org::import_memberships(&state.dir, &viewer.actor(), &bytes) {
        Ok(s) => Ok(view_with(
            &state,
            &viewer,
            None,
            None,
            Some(format!(
                "Inläst: {} rader, {} uppdrag, {} nya personer.",
                s.rows, s.memberships, s.new_persons
            )),
        )?
        .into_response()),
        Err(e) => match e.downcast::<paragraf_app::BadRows>() {
            Ok(bad) => {
                let problems = bad
                    .problems
                    .iter()
                    .map(|p| format!("Rad {}, {}: {}", p.line, p.field, p.message))
                    .collect();
                Ok((
                    StatusCode::UNPROCESSABLE_ENTITY,
                    view_with(&state, &viewer, None, Some(problems), None)?,
                )
                    .into_response())
            }
            Err(e) => Err(WebError::from(e)),
        },
    }
}
