//! Storing an imported protocol: the parsed document (`paragraf_import::Protocol`) becomes
//! the body, persons, memberships, cases, a meeting and sealed minutes — in one transaction
//! per file, so a file that fails stores nothing.
//!
//! What the document does not say is not invented, with three exceptions that are named in
//! the warnings: a membership is recorded for the meeting day only (the document proves no
//! more); an utskott whose parent is unknown is placed under Kommunstyrelsen; and when the
//! document gives no time of justering, the approvals are dated with the best date it does
//! give (justering, anslag, or the meeting day).

use std::collections::HashMap;

use anyhow::{anyhow, Context, Result};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone, Weekday};
use paragraf_core::cycle;
use paragraf_core::dnr::Dnr;
use paragraf_core::ids::{BodyId, MeetingId, PersonId, Record};
use paragraf_core::meeting::{
    AgendaItem, Attendance, AttendanceRole, Attendee, Meeting, MeetingState, Presence,
};
use paragraf_core::minutes::{
    Approval, AttClause, CellValue, Decision, Minutes, Paragraph, SignerRole, Table, TableRow,
};
use paragraf_core::org::{
    Body, BodyKind, Membership, MembershipRole, Official, Person, PresidiumPosition,
};
use paragraf_core::publication::{
    classify, imported_secrecy, Classification, ClassifiedBy, Verdict,
};
use paragraf_core::registry::Case;
use paragraf_import::Attendance as Kind;
pub use paragraf_import::Protocol;
use paragraf_import::{Mover, ProceedingLine};
use paragraf_store::Store;
use serde::Serialize;

use crate::in_transaction;

/// What storing one protocol did.
#[derive(Debug, Clone, Serialize)]
pub struct Stored {
    /// The new meeting.
    pub meeting: MeetingId,
    /// Its state.
    pub state: MeetingState,
    /// Whether the minutes could be sealed (chair and adjusters known).
    pub sealed: bool,
    /// Notes about what was assumed or could not be placed.
    pub warnings: Vec<String>,
}

/// Swedish time's offset on `date`: +02:00 from the last Sunday of March to the last Sunday
/// of October, +01:00 otherwise (to the day; the switch hour does not matter for dates).
pub fn swedish_offset(date: NaiveDate) -> FixedOffset {
    let last_sunday = |month: u32| {
        let mut d = NaiveDate::from_ymd_opt(date.year(), month, 31)
            .expect("March and October have 31 days");
        while d.weekday() != Weekday::Sun {
            d = d.pred_opt().expect("within the month");
        }
        d
    };
    let summer = date >= last_sunday(3) && date < last_sunday(10);
    FixedOffset::east_opt(if summer { 7200 } else { 3600 }).expect("valid offset")
}

fn at_noon(date: NaiveDate) -> DateTime<FixedOffset> {
    let noon = date.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("noon"));
    swedish_offset(date)
        .from_local_datetime(&noon)
        .single()
        .expect("fixed offsets are unambiguous")
}

fn parse_date(s: &Option<String>) -> Option<NaiveDate> {
    s.as_deref().and_then(|d| d.parse().ok())
}

fn kind_of(name: &str) -> BodyKind {
    let n = name.to_lowercase();
    if n.contains("arbetsutskott") {
        BodyKind::WorkingCommittee
    } else if n.contains("utskott") {
        BodyKind::Subcommittee
    } else if n.contains("fullmäktige") {
        BodyKind::Assembly
    } else if n.contains("kommunstyrelse") {
        BodyKind::ExecutiveBoard
    } else if n.contains("råd") {
        BodyKind::AdvisoryCouncil
    } else {
        BodyKind::Committee
    }
}

fn decision_of(text: &str) -> Decision {
    // "… beslutar\natt …\natt …" → clauses; anything else stays whole sentences.
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let first_att = lines.iter().position(|l| l.starts_with("att "));
    match first_att {
        Some(i) if lines[i..].iter().all(|l| l.starts_with("att ")) => Decision::Clauses {
            intro: (i > 0).then(|| lines[..i].join(" ")),
            clauses: lines[i..]
                .iter()
                .map(|l| AttClause(l.trim_start_matches("att ").to_string()))
                .collect(),
        },
        _ => Decision::Text {
            text: text.trim().to_string(),
        },
    }
}

fn row_of(r: &paragraf_import::TableRow) -> TableRow {
    TableRow {
        label: Some(r.label.clone()).filter(|l| !l.is_empty()),
        values: r
            .values
            .iter()
            .zip(r.cells.iter().map(Some).chain(std::iter::repeat(None)))
            .map(|(v, cell)| match (v, cell) {
                (Some(x), _) => CellValue::Number(*x),
                (None, Some(c)) if !c.trim().is_empty() => CellValue::Text(c.trim().to_string()),
                _ => CellValue::Empty,
            })
            .collect(),
        children: r.children.iter().map(row_of).collect(),
    }
}

struct People<'a> {
    store: &'a dyn Store,
    by_name: HashMap<String, PersonId>,
}

impl People<'_> {
    fn get(&mut self, name: &str) -> Result<PersonId> {
        if let Some(id) = self.by_name.get(name) {
            return Ok(*id);
        }
        let p = self.store.add_person(&Person::new(name, None)?)?;
        self.by_name.insert(name.to_string(), p.id);
        Ok(p.id)
    }
}

/// The stored body a protocol's heading names ("Socialnämnden", "socialnämnd"), if any.
pub(crate) fn known_body(store: &dyn Store, name: &str) -> Result<Option<Record<BodyId, Body>>> {
    let norm = |s: &str| {
        s.trim()
            .to_lowercase()
            .trim_end_matches("et")
            .trim_end_matches("en")
            .to_string()
    };
    Ok(store
        .bodies()?
        .into_iter()
        .find(|b| norm(&b.name) == norm(name)))
}

fn find_or_create_body(
    store: &dyn Store,
    name: &str,
    warnings: &mut Vec<String>,
) -> Result<Record<BodyId, Body>> {
    if let Some(b) = known_body(store, name)? {
        return Ok(b);
    }
    let bodies = store.bodies()?;
    let kind = kind_of(name);
    let parent = if kind.needs_parent() {
        let ks = match bodies.iter().find(|b| b.kind == BodyKind::ExecutiveBoard) {
            Some(ks) => ks.clone(),
            None => store.add_body(&Body::new(
                "Kommunstyrelsen",
                Some("KS"),
                BodyKind::ExecutiveBoard,
                None,
            )?)?,
        };
        warnings.push(format!("{name} är ett utskott; dokumentet säger inte vilket organ det hör till — placerat under {}", ks.name));
        Some(ks.id)
    } else {
        None
    };
    Ok(store.add_body(&Body::new(name, None, kind, parent)?)?)
}

#[allow(clippy::too_many_arguments)]
fn ensure_membership(
    store: &dyn Store,
    existing: &mut Vec<Membership>,
    person: PersonId,
    body: BodyId,
    role: MembershipRole,
    position: Option<PresidiumPosition>,
    party: Option<&str>,
    date: NaiveDate,
) -> Result<()> {
    if existing
        .iter()
        .any(|m| m.person == person && m.role == role && m.active_on(date))
    {
        return Ok(());
    }
    let m = Membership::new(person, body, role, position, party, None, date, Some(date))?;
    store.add_membership(&m)?;
    existing.push(m);
    Ok(())
}

/// Reads a published protocol (text or PDF) into its structure, without storing anything.
pub fn read_protocol(path: &std::path::Path) -> Result<Protocol> {
    let text = paragraf_import::read_file(path)?;
    parse_protocol(&text)
}

/// Reads a protocol from its text (as `pdftotext -layout` gives it).
pub fn parse_protocol(text: &str) -> Result<Protocol> {
    Ok(paragraf_import::parse_protocol(text)?)
}

/// What a person gives where the document is silent or wrong (*komplettering*): the
/// meeting date, the body and the first § number. A protocol read without them is
/// *ofullständigt importerat* and is not stored until they are given.
#[derive(Debug, Clone, Default)]
pub struct Completion {
    /// The meeting date, `ÅÅÅÅ-MM-DD`.
    pub date: Option<String>,
    /// The body's name, e.g. "Socialnämnden".
    pub body: Option<String>,
    /// The number of the protocol's first § (*första paragrafens nummer*), for §§ whose
    /// number the text lost: each such § is numbered after the § before it.
    pub first_paragraph: Option<u32>,
}

/// Fills `p` with what a person gave. Where the document said something else, the person's
/// word stands and a warning keeps what the document said.
pub fn complete(p: &mut Protocol, c: &Completion) -> Result<()> {
    if let Some(d) = c.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        let date: NaiveDate = d.parse().map_err(|_| {
            crate::Error::field(
                "datum",
                format!("”{d}” är inget datum; skriv sammanträdesdatumet som ÅÅÅÅ-MM-DD"),
            )
        })?;
        let iso = date.format("%Y-%m-%d").to_string();
        if let Some(read) = p.date.as_deref().filter(|r| *r != iso) {
            p.warnings.push(format!(
                "sammanträdesdatum {iso} angavs vid inläsningen; dokumentet tycktes säga {read}"
            ));
        }
        p.date = Some(iso);
    }
    if let Some(b) = c.body.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
        if let Some(read) = p.body.as_deref().filter(|r| *r != b) {
            p.warnings.push(format!(
                "organet {b} angavs vid inläsningen; dokumentet tycktes säga {read}"
            ));
        }
        p.body = Some(b.to_string());
    }
    // Only a protocol whose text lost § numbers is numbered (a batch's other files are not).
    if let Some(first) = c.first_paragraph {
        if p.paragraphs.iter().any(|para| para.number.is_none()) {
            number_lost_paragraphs(p, first)?;
        }
    }
    p.recount_missing();
    Ok(())
}

/// The highest § number there can be (as the reader takes them: up to four digits).
const MAX_PARAGRAPH: u32 = 9999;

/// Numbers the §§ whose number the text lost, from the first § number a person gave: the
/// first § takes it, every later one without a number the one after the § before it. Each
/// number given so is kept in a warning, as is a gap it leaves before the next number the
/// text has. Refused when the document numbers its first § otherwise, or when the numbers
/// would not rise from § to §.
fn number_lost_paragraphs(p: &mut Protocol, first: u32) -> Result<()> {
    let field = |m: String| -> anyhow::Error { crate::Error::field("forsta_paragraf", m).into() };
    if !(1..=MAX_PARAGRAPH).contains(&first) {
        return Err(field(format!(
            "{first} är inget paragrafnummer; ange ett nummer från 1 till {MAX_PARAGRAPH}"
        )));
    }
    let mut previous: Option<(u32, bool)> = None; // (number, given by the person)
    let mut notes = Vec::new();
    for (i, para) in p.paragraphs.iter_mut().enumerate() {
        let (number, given) = match (i, para.number, previous) {
            (0, Some(read), _) if read != first => {
                return Err(field(format!(
                    "dokumentets första paragraf är § {read}, inte § {first}; ange {read} eller lämna numret tomt (utan --forsta-paragraf på kommandoraden)"
                )));
            }
            (_, Some(read), _) => (read, false),
            (0, None, _) | (_, None, None) => (first, true),
            (_, None, Some((before, _))) => match before.checked_add(1) {
                Some(n) if n <= MAX_PARAGRAPH => (n, true),
                _ => {
                    return Err(field(format!(
                        "”{}” skulle få ett nummer över {MAX_PARAGRAPH}; kontrollera den första paragrafens nummer",
                        para.title
                    )))
                }
            },
        };
        if let Some((before, before_given)) = previous {
            if number <= before {
                return Err(field(format!(
                    "”{}” är § {number} i texten och kan inte följa på § {before}; ange ett lägre nummer för den första paragrafen",
                    para.title
                )));
            }
            if number > before + 1 && (given || before_given) {
                notes.push(format!(
                    "§§ {}–{} saknas mellan § {before} och § {number} med den första paragrafens nummer {first}; kontrollera numret",
                    before + 1,
                    number - 1
                ));
            }
        }
        if given {
            notes.push(format!(
                "§ {number} ”{}” numrerades vid inläsningen (första paragrafen {first}); texten hade tappat numret",
                para.title
            ));
        }
        para.number = Some(number);
        previous = Some((number, given));
    }
    p.warnings.extend(notes);
    Ok(())
}

/// The meeting date and the body, or a refusal that says what is missing and how to give it.
fn date_and_body(p: &Protocol) -> Result<(NaiveDate, &str)> {
    let mut absent = Vec::new();
    if p.date.is_none() {
        absent.push("sammanträdesdatum");
    }
    if p.body.is_none() {
        absent.push("nämnd");
    }
    let (Some(date), Some(body)) = (p.date.as_deref(), p.body.as_deref()) else {
        crate::refuse!(
            "protokollet är ofullständigt importerat: {} hittades inte i texten – ange det vid inläsningen (fälten Sammanträdesdatum och Nämnd i webbläsaren, --datum och --organ på kommandoraden) och läs in igen; inget sparades",
            absent.join(" och ")
        );
    };
    let date: NaiveDate = date
        .parse()
        .with_context(|| format!("ogiltigt sammanträdesdatum {date}"))?;
    Ok((date, body))
}

/// Stores `p` (read from `source`) and seals its minutes with `key`.
pub fn store_protocol(
    dir: &crate::DataDir,

    p: &Protocol,
    source: &str,
    key: &ed25519_dalek::SigningKey,
) -> Result<Stored> {
    let store = &*dir.store;
    let stored = in_transaction(store, |tx| store_in(tx, p, source, key))?;
    crate::search::after_publication(dir);
    Ok(stored)
}

pub(crate) fn store_in(
    store: &dyn Store,
    p: &Protocol,
    source: &str,
    key: &ed25519_dalek::SigningKey,
) -> Result<Stored> {
    let mut warnings = Vec::new();
    if p.paragraphs.is_empty() {
        crate::refuse!(
            "dokumentet innehåller ingen paragraf (§) och är inget protokoll – en kallelse eller föredragningslista importeras inte; inget sparades"
        );
    }
    let (date, body_name) = date_and_body(p)?;
    // Every § has its number before anything is written.
    let mut numbers = Vec::with_capacity(p.paragraphs.len());
    for ip in &p.paragraphs {
        let Some(n) = ip.number else {
            crate::refuse!(
                "protokollet är ofullständigt importerat: paragrafen ”{}” (rad {}) har inget nummer i texten – ange den första paragrafens nummer vid inläsningen (fältet Första paragrafens nummer i webbläsaren, --forsta-paragraf på kommandoraden) och läs in igen; inget sparades",
                ip.title,
                ip.line
            );
        };
        numbers.push(n);
    }
    let body = find_or_create_body(store, body_name, &mut warnings)?;
    let mut people = People {
        store,
        by_name: store
            .persons()?
            .into_iter()
            .map(|r| (r.value.name, r.id))
            .collect(),
    };
    let mut memberships: Vec<Membership> = store
        .memberships(Some(body.id))?
        .into_iter()
        .map(|r| r.value)
        .collect();
    let known_officials: Vec<PersonId> = store.officials()?.into_iter().map(|o| o.person).collect();

    let mut attendees: Vec<Attendee> = Vec::new();
    for a in &p.attendees {
        let mut person = people.get(&a.name)?;
        if attendees.iter().any(|x| x.person == person) {
            // Two people of the same name at one meeting (004: a ledamot and an ekonom).
            person = store.add_person(&Person::new(&a.name, None)?)?.id;
            warnings.push(format!(
                "två personer heter {} i närvarolistan; de hålls isär",
                a.name
            ));
        }
        let position = match a.position.as_deref() {
            Some("ordförande") => Some(PresidiumPosition::Chair),
            Some("vice ordförande") => Some(PresidiumPosition::FirstViceChair),
            _ => None,
        };
        let presence = match &a.paragraphs {
            Some(text) => Presence::parse(text).unwrap_or_else(|e| {
                warnings.push(format!("närvaro för {}: {e}", a.name));
                Presence::whole_meeting()
            }),
            None => Presence::whole_meeting(),
        };
        let role = match (a.attendance, &a.substitute_for) {
            (Kind::Deciding, Some(replaced)) => {
                let r = people.get(replaced)?;
                ensure_membership(
                    store,
                    &mut memberships,
                    r,
                    body.id,
                    MembershipRole::Member,
                    None,
                    None,
                    date,
                )?;
                ensure_membership(
                    store,
                    &mut memberships,
                    person,
                    body.id,
                    MembershipRole::Substitute,
                    None,
                    a.party.as_deref(),
                    date,
                )?;
                AttendanceRole::ServingSubstitute { replaces: r }
            }
            (Kind::Deciding, None) => {
                ensure_membership(
                    store,
                    &mut memberships,
                    person,
                    body.id,
                    MembershipRole::Member,
                    position,
                    a.party.as_deref(),
                    date,
                )?;
                AttendanceRole::Member
            }
            (Kind::Substitute, _) => {
                ensure_membership(
                    store,
                    &mut memberships,
                    person,
                    body.id,
                    MembershipRole::Substitute,
                    None,
                    a.party.as_deref(),
                    date,
                )?;
                AttendanceRole::Substitute
            }
            (Kind::Other, _) => {
                if let Some(t) = &a.title {
                    if !known_officials.contains(&person) {
                        store.add_official(&Official::new(person, t, None)?)?;
                    }
                }
                AttendanceRole::Other {
                    title: a.title.clone(),
                }
            }
        };
        attendees.push(Attendee {
            person,
            role,
            position,
            party: a.party.clone(),
            presence,
        });
    }
    let movers = Movers::of(p, &attendees);
    let attendance =
        Attendance::new(body.id, date, &memberships, attendees).context("närvarolistan")?;

    let mut agenda = Vec::new();
    let mut paragraphs = Vec::new();
    let mut classified = Vec::new();
    for (i, (ip, &number)) in p.paragraphs.iter().zip(&numbers).enumerate() {
        let mut para = Paragraph::new(number, &ip.title).with_context(|| format!("§ {number}"))?;
        para.case_number = ip.case_number.clone();
        para.text = ip.text.clone();
        if let Some(pr) = &ip.proceedings {
            // Yrkanden whose movers are beslutande of the meeting are kept as yrkanden; every
            // other line of the behandling stays in the text, as written.
            let mut rest = Vec::new();
            for line in paragraf_import::proceeding_lines(pr) {
                match line {
                    ProceedingLine::Motion {
                        movers: who,
                        text,
                        written,
                    } => {
                        let added = movers.resolve(&who).and_then(|(by, support)| {
                            para.add_motion(&attendance, by, support, &text).ok()
                        });
                        if added.is_none() {
                            rest.push(written);
                        }
                    }
                    ProceedingLine::Other(l) => rest.push(l),
                }
            }
            if !rest.is_empty() {
                para.text = format!("{}\n\n{}", para.text.trim_end(), rest.join("\n"))
                    .trim()
                    .to_string();
            }
        }
        para.proposal = ip.proposal.as_deref().map(decision_of);
        para.decision = ip.decision.as_deref().map(decision_of);
        para.documents = ip.documents.clone();
        para.dispatch = ip.send_to.clone();
        para.tables = ip
            .tables
            .iter()
            .map(|t| Table {
                title: t.title.clone(),
                header: t.header.clone(),
                rows: t.rows.iter().map(row_of).collect(),
            })
            .collect();
        // Fails closed: public only when a rule names its ground; the importer's own sign
        // of a closed item makes it secret whatever the rules say.
        let verdict = if ip.closed {
            Verdict::Secret("OSL 26 kap. 1 §: protokollet anger sekretess".into())
        } else {
            classify(&para)
        };
        para.secrecy = imported_secrecy(&verdict);
        match verdict {
            Verdict::Secret(ground) | Verdict::Withheld(ground) => classified.push(Classification {
                paragraph: number,
                public: false,
                ground,
                by: ClassifiedBy::Rule,
            }),
            Verdict::Public(ground) => classified.push(Classification {
                paragraph: number,
                public: true,
                ground,
                by: ClassifiedBy::Rule,
            }),
            Verdict::Undecided => warnings.push(format!(
                "§ {}: ingen regel avgör om paragrafen är offentlig; den publiceras inte förrän någon har klassificerat den",
                number
            )),
        }
        if let Some(cn) = &ip.case_number {
            match Dnr::parse(cn) {
                Ok(dnr) => {
                    let case = match store.case_by_dnr(&dnr.to_string())? {
                        Some(c) => c,
                        None => store.register_case(&Case::new(
                            dnr,
                            &ip.title,
                            Some(body.id),
                            para.secrecy,
                            date,
                        )?)?,
                    };
                    para.case = Some(case.id);
                }
                Err(e) => warnings.push(format!("§ {}: {e}", number)),
            }
        }
        agenda.push(AgendaItem {
            position: i as u32 + 1,
            title: ip.agenda_title.clone().unwrap_or_else(|| ip.title.clone()),
            case: para.case,
            case_number: ip.case_number.clone(),
            presenter: None,
            secrecy: para.secrecy,
            draft: None,
            documents: None,
        });
        paragraphs.push(para);
    }
    let mut minutes = Minutes::new(body.id, date, attendance, paragraphs, None)?;
    let chair = p.chair.as_deref().map(|c| people.get(c)).transpose()?;
    let secretary = p.secretary.as_deref().map(|c| people.get(c)).transpose()?;
    let adjusters = p
        .adjusters
        .iter()
        .map(|a| people.get(a))
        .collect::<Result<Vec<_>>>()?;
    let place = p.adjustment.place.clone();
    minutes.set_signers(secretary, chair, adjusters.clone(), place)?;

    // Approvals: the e-signatures when the document has them, else the date it gives.
    let adjusted_day = parse_date(&p.adjustment.date)
        .or(parse_date(&p.notice.posted))
        .unwrap_or(date);
    let signed_at = |name: &str| -> Option<(DateTime<FixedOffset>, String)> {
        p.signatures.iter().find(|s| s.name == name).and_then(|s| {
            let t = DateTime::parse_from_rfc3339(s.time.as_deref()?).ok()?;
            Some((
                t,
                s.method.clone().unwrap_or_else(|| "e-underskrift".into()),
            ))
        })
    };
    // The seal attests the protocol as published; what Paragraf's own justering would have
    // refused is said (KL 6 kap. 27 §, a § without a beslut, …).
    if let Err(e) = minutes.check_complete() {
        warnings.push(format!(
            "protokollet skulle inte kunna justeras i Paragraf: {e}; det förseglas som publicerat"
        ));
    }
    let mut sealed = false;
    if let (Some(chair_id), false) = (chair, adjusters.is_empty()) {
        let mut signers: Vec<(PersonId, SignerRole, String)> = Vec::new();
        if let (Some(s), Some(name)) = (secretary, &p.secretary) {
            signers.push((s, SignerRole::Secretary, name.clone()));
        }
        signers.push((
            chair_id,
            SignerRole::Chair,
            p.chair.clone().unwrap_or_default(),
        ));
        for (id, name) in adjusters.iter().zip(&p.adjusters) {
            signers.push((*id, SignerRole::Adjuster, name.clone()));
        }
        // In the order they signed; the last one seals.
        let mut dated: Vec<_> = signers
            .into_iter()
            .map(|(id, role, name)| {
                let (time, method) = signed_at(&name).unwrap_or_else(|| {
                    (
                        at_noon(adjusted_day),
                        "justerat enligt det importerade protokollet".into(),
                    )
                });
                (time, id, role, method)
            })
            .collect();
        dated.sort_by_key(|d| (d.0, d.2 == SignerRole::Chair || d.2 == SignerRole::Adjuster));
        if p.signatures.is_empty() {
            warnings.push(format!(
                "dokumentet har inga underskrifter med tid; justeringen är daterad {adjusted_day}"
            ));
        }
        for (time, id, role, method) in dated {
            let outcome = minutes.approve_published(
                Approval {
                    signer: id,
                    role,
                    time,
                    method,
                    paragraphs: vec![],
                    recorded: None,
                },
                key,
            )?;
            sealed = outcome == paragraf_core::minutes::ApprovalOutcome::Sealed;
        }
    } else {
        warnings.push(
            "ordförande eller justerare saknas i dokumentet: protokollet kan inte förseglas".into(),
        );
    }

    let mut posting = None;
    if let (true, Some(posted)) = (sealed, parse_date(&p.notice.posted)) {
        let seal_time = minutes
            .seal()
            .map(|s| s.sealed_at)
            .ok_or_else(|| anyhow!("sigill saknas"))?;
        let storage = p.notice.storage.clone().unwrap_or_default();
        let mut anslag = cycle::posting_for(date, seal_time, posted, &storage)?;
        if let Some(removed) = parse_date(&p.notice.removed) {
            anslag.removed = Some(removed);
        }
        warnings.extend(
            cycle::late_posting_warning(date, seal_time, posted)?
                .into_iter()
                .map(|w| w.0),
        );
        posting = Some(anslag);
    }
    let mut meeting = Meeting::imported(
        body.id,
        date,
        &format!("import: {source}"),
        agenda,
        &minutes,
        posting,
    )?;
    meeting.start = p
        .start_time
        .as_deref()
        .and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok());
    meeting.end = p
        .end_time
        .as_deref()
        .and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok());
    meeting.place = p.place.clone();
    let rec = store.add_meeting(&meeting)?;
    store.save_minutes(rec.id, &minutes)?;
    let now = chrono::Utc::now();
    for c in &classified {
        store.classify(rec.id, c, now)?;
    }
    Ok(Stored {
        meeting: rec.id,
        state: meeting.state(),
        sealed,
        warnings,
    })
}

/// The beslutande of an imported närvarolista, by the names written there: who may move a
/// yrkande (*yrkanderätt*) and how the behandling names them.
struct Movers {
    /// Name as written (with "Carl- Henrik" mended), party, person, chair of the meeting.
    deciding: Vec<(String, Option<String>, PersonId, bool)>,
}

impl Movers {
    fn of(p: &Protocol, attendees: &[Attendee]) -> Movers {
        let mend = |n: &str| n.replace("- ", "-");
        Movers {
            deciding: p
                .attendees
                .iter()
                .zip(attendees)
                .filter(|(_, x)| {
                    matches!(
                        x.role,
                        AttendanceRole::Member | AttendanceRole::ServingSubstitute { .. }
                    )
                })
                .map(|(a, x)| {
                    let chair = x.position == Some(PresidiumPosition::Chair)
                        || p.chair.as_deref().map(mend) == Some(mend(&a.name));
                    (mend(&a.name), a.party.clone(), x.person, chair)
                })
                .collect(),
        }
    }

    /// The one beslutande the words name, if exactly one.
    fn person(&self, m: &Mover) -> Option<PersonId> {
        let found: Vec<PersonId> = match m {
            Mover::Chair => self.deciding.iter().filter(|d| d.3).map(|d| d.2).collect(),
            Mover::Named { name, party, .. } => self
                .deciding
                .iter()
                .filter(|d| &d.0 == name && (party.is_none() || d.1.is_none() || &d.1 == party))
                .map(|d| d.2)
                .collect(),
        };
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The mover and those who instämmer, when every one of them is known.
    fn resolve(&self, movers: &[Mover]) -> Option<(PersonId, Vec<PersonId>)> {
        let ids = movers
            .iter()
            .map(|m| self.person(m))
            .collect::<Option<Vec<_>>>()?;
        let (first, rest) = ids.split_first()?;
        Some((*first, rest.to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_summer_time() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(swedish_offset(d("2025-09-03")).local_minus_utc(), 7200);
        assert_eq!(swedish_offset(d("2024-01-29")).local_minus_utc(), 3600);
        assert_eq!(swedish_offset(d("2025-03-30")).local_minus_utc(), 7200); // last Sunday of March
        assert_eq!(swedish_offset(d("2025-03-29")).local_minus_utc(), 3600);
        assert_eq!(swedish_offset(d("2025-10-26")).local_minus_utc(), 3600); // last Sunday of October
    }

    #[test]
    fn decisions_keep_their_form() {
        assert!(
            matches!(decision_of("Utskottet beslutar\natt godkänna\natt överlämna"), Decision::Clauses { ref clauses, .. } if clauses.len() == 2)
        );
        assert!(matches!(
            decision_of("Vård- och omsorgsnämnden tar del av informationen."),
            Decision::Text { .. }
        ));
    }
}
