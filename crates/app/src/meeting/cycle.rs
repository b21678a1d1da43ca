//! The meeting cycle as operations on stored meetings: each loads what it needs, applies the
//! core's rule, and stores meeting and minutes together in one transaction.

use anyhow::{anyhow, bail, Result};
use chrono::{DateTime, FixedOffset, NaiveDate};
use paragraf_core::cycle::{self, CycleWarning};
use paragraf_core::ids::{MeetingId, PersonId, Record};
use paragraf_core::meeting::{
    AgendaItem, Attendance, AttendanceRole, Attendee, Meeting, MeetingState, ScheduleSlot,
};
use paragraf_core::minutes::{
    Approval, ApprovalOutcome, AttClause, Ballot, Conflict, Decision, Disposition, Minutes,
    MinutesError, MinutesNote, Paragraph, Reservation, SignerRole, VoteResult,
};
use paragraf_core::seal::{self, VerifyReport};
use paragraf_store::Store;

use crate::{in_transaction, DataDir};

fn meeting(store: &dyn Store, id: MeetingId) -> Result<Record<MeetingId, Meeting>> {
    Ok(store.meeting(id)?)
}

fn minutes(store: &dyn Store, id: MeetingId) -> Result<Minutes> {
    store.minutes(id)?.ok_or_else(|| {
        anyhow!("sammanträde {id} har inget protokoll än: upprätta protokollet först")
    })
}

/// Runs `f` on the meeting in one transaction and stores the meeting it leaves.
fn change_meeting<T>(
    store: &dyn Store,
    id: MeetingId,
    f: impl FnOnce(&mut Meeting) -> Result<T>,
) -> Result<T> {
    in_transaction(store, |tx| {
        let mut m = tx.meeting(id)?.value;
        let out = f(&mut m)?;
        tx.update_meeting(id, &m)?;
        Ok(out)
    })
}

/// Runs `f` on meeting and minutes in one transaction and stores both.
fn change_minutes<T>(
    store: &dyn Store,
    id: MeetingId,
    f: impl FnOnce(&mut Meeting, &mut Minutes) -> Result<T>,
) -> Result<T> {
    in_transaction(store, |tx| {
        let mut m = tx.meeting(id)?.value;
        let mut minutes = self::minutes(tx, id)?;
        let out = f(&mut m, &mut minutes)?;
        tx.save_minutes(id, &minutes)?;
        tx.update_meeting(id, &m)?;
        Ok(out)
    })
}

/// Plans a meeting.
pub fn create_meeting(
    dir: &crate::DataDir,
    meeting: &Meeting,
) -> Result<Record<MeetingId, Meeting>> {
    let store = &*dir.store;
    store.body(meeting.body)?;
    Ok(store.add_meeting(meeting)?)
}

/// Sammanträdesplan: the year's meetings of `body`, one line each ("2025-01-30" or
/// "2025-01-30 13:00"), planned at `place`, all in one transaction. A line that is not a date,
/// a day given twice or a day the body already meets is refused, naming the line; nothing is
/// created then.
pub fn plan_meetings(
    dir: &crate::DataDir,
    body: paragraf_core::ids::BodyId,
    lines: &str,
    place: Option<&str>,
) -> Result<Vec<Record<MeetingId, Meeting>>> {
    let store = dir.storage();
    store.body(body)?;
    let taken: Vec<NaiveDate> = store
        .meetings()?
        .into_iter()
        .filter(|m| m.body == body && m.cancelled().is_none())
        .map(|m| m.date)
        .collect();
    let mut planned: Vec<Meeting> = Vec::new();
    for (i, raw) in lines.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let bad = |msg: String| crate::Error::field("plan", format!("rad {}: {msg}", i + 1));
        let mut parts = line.split_whitespace();
        let date: NaiveDate = parts.next().unwrap_or("").parse().map_err(|_| {
            bad(format!(
                "”{line}” är inget datum (ÅÅÅÅ-MM-DD, gärna med tid TT:MM)"
            ))
        })?;
        let start = parts
            .next()
            .map(|t| {
                chrono::NaiveTime::parse_from_str(t, "%H:%M")
                    .map_err(|_| bad(format!("”{t}” är ingen tid (TT:MM)")))
            })
            .transpose()?;
        if taken.contains(&date) || planned.iter().any(|m| m.date == date) {
            return Err(bad(format!("organet har redan ett sammanträde {date}")).into());
        }
        let mut m = Meeting::planned(body, date);
        m.start = start;
        m.place = place
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(String::from);
        planned.push(m);
    }
    if planned.is_empty() {
        return Err(crate::Error::field("plan", "skriv minst ett datum").into());
    }
    in_transaction(store, |tx| {
        planned
            .iter()
            .map(|m| Ok(tx.add_meeting(m)?))
            .collect::<Result<Vec<_>>>()
    })
}

/// Puts a case on the föredragningslista.
pub fn add_agenda_case(
    dir: &crate::DataDir,

    id: MeetingId,
    case_key: &str,
    presenter: Option<String>,
) -> Result<AgendaItem> {
    let store = &*dir.store;
    add_agenda_item(store, id, case_key, presenter, None)
}

/// Puts an item that is not a case of this registry on the agenda (public, or an individual's
/// matter kept secret under OSL 26 kap. 1 §): "Val av justerare", "Godkännande av
/// dagordningen", "Information", "Anmälningsärenden" … (public; its § is decided or marked
/// information like any other).
pub fn add_agenda_topic(
    dir: &crate::DataDir,
    id: MeetingId,
    title: &str,
    case_number: Option<String>,
    secrecy: paragraf_core::registry::Secrecy,
    presenter: Option<String>,
) -> Result<AgendaItem> {
    let title = title.trim();
    if title.is_empty() {
        return Err(crate::Error::field("title", "punkten måste ha en rubrik").into());
    }
    change_meeting(dir.storage(), id, |m| {
        let item = AgendaItem {
            position: 0,
            title: title.to_string(),
            case: None,
            case_number: case_number
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty()),
            presenter,
            secrecy,
            draft: None,
            documents: None,
        };
        Ok(m.add_agenda_item(item)?.clone())
    })
}

/// Adds a case to the agenda with the administration's beslutsförslag, which becomes the §'s
/// text and proposal when the minutes are drafted.
pub(crate) fn add_agenda_item(
    store: &dyn paragraf_store::Storage,

    id: MeetingId,
    case_key: &str,
    presenter: Option<String>,
    draft: Option<paragraf_core::meeting::ItemDraft>,
) -> Result<AgendaItem> {
    let item = agenda_item_for_case(store, case_key, presenter, draft)?;
    change_meeting(store, id, |m| Ok(m.add_agenda_item(item)?.clone()))
}

/// The agenda item for the case `case_key` (diarienummer or id), with `draft` or else the
/// case's handlingar as beslutsunderlag.
fn agenda_item_for_case(
    store: &dyn paragraf_store::Storage,
    case_key: &str,
    presenter: Option<String>,
    draft: Option<paragraf_core::meeting::ItemDraft>,
) -> Result<AgendaItem> {
    let case = match store.case_by_dnr(case_key)? {
        Some(c) => c,
        None => match case_key.trim().parse::<i64>() {
            Ok(n) => store.case(paragraf_core::ids::CaseId(n))?,
            Err(_) => crate::refuse!("inget ärende har diarienumret ”{case_key}”"),
        },
    };
    // Without a draft, an approved tjänsteskrivelse gives it; else the beslutsunderlag are
    // the case's handlingar (a secret handling by its number only).
    let body = case
        .body
        .and_then(|b| store.body(b).ok())
        .map(|b| b.value.name)
        .unwrap_or_else(|| "Nämnden".into());
    let draft = match draft {
        Some(d) => Some(d),
        None => match crate::memo::approved_draft(store, &case, &body)? {
            Some(d) => Some(d),
            None => {
                let documents: Vec<String> = store
                    .documents(case.id)?
                    .into_iter()
                    .map(|d| d.value)
                    .filter(|d| !d.kind.is_meeting_paper())
                    .map(|d| {
                        if d.is_secret(&case.value) {
                            format!("Handling {} (sekretess)", d.number)
                        } else {
                            format!("{}, {}", d.title, d.date)
                        }
                    })
                    .collect();
                (!documents.is_empty()).then(|| paragraf_core::meeting::ItemDraft {
                    text: String::new(),
                    proposal: None,
                    documents,
                    dispatch: Vec::new(),
                    tables: Vec::new(),
                })
            }
        },
    };
    Ok(AgendaItem {
        position: 0,
        title: case.title.clone(),
        case: Some(case.id),
        case_number: Some(case.dnr.to_string()),
        presenter,
        secrecy: case.secrecy,
        draft,
        documents: None,
    })
}

/// Changes the date, time or place of a meeting not yet notified.
pub fn reschedule(
    dir: &crate::DataDir,
    id: MeetingId,
    date: NaiveDate,
    start: Option<chrono::NaiveTime>,
    end: Option<chrono::NaiveTime>,
    place: Option<String>,
) -> Result<()> {
    change_meeting(dir.storage(), id, |m| {
        Ok(m.reschedule(date, start, end, place)?)
    })
}

/// Moves agenda item `from` to position `to` while the föredragningslista is open.
pub fn move_agenda_item(dir: &crate::DataDir, id: MeetingId, from: u32, to: u32) -> Result<()> {
    change_meeting(dir.storage(), id, |m| Ok(m.move_agenda_item(from, to)?))?;
    // A public kallelse's items are numbered anew: searchable as they now stand.
    crate::search::after_publication(dir);
    Ok(())
}

/// Adds a hålltid.
pub fn add_slot(dir: &crate::DataDir, id: MeetingId, slot: ScheduleSlot) -> Result<()> {
    change_meeting(dir.storage(), id, |m| Ok(m.add_schedule_slot(slot)?))
}

/// Sends the kallelse on `today` to the body's ledamöter and ersättare in force on the
/// meeting day; warns when it goes out later than the reglemente's kallelsetid.
pub fn send_notice(
    dir: &crate::DataDir,
    id: MeetingId,
    today: NaiveDate,
) -> Result<Vec<CycleWarning>> {
    let store = &*dir.store;
    let lead = dir.config().municipality.notice_days();
    let m = meeting(store, id)?;
    let mut recipients: Vec<PersonId> = store
        .memberships(Some(m.body))?
        .into_iter()
        .map(|r| r.value)
        .filter(|ms| ms.body == m.body && ms.active_on(m.date))
        .map(|ms| ms.person)
        .collect();
    recipients.sort_unstable();
    recipients.dedup();
    // The kallelse and the e-mail telling its recipients of it are kept together.
    let warnings = crate::in_transaction(store, |tx| {
        let mut m = tx.meeting(id)?.value;
        let warnings = cycle::send_notice(&mut m, today, recipients, lead)?;
        tx.update_meeting(id, &m)?;
        crate::mail::queue_notice(dir, tx, id, &m, crate::mail::NoticeEvent::Sent)?;
        Ok(warnings)
    })?;
    // The agenda's handlingar found public are public from now on: searchable at once.
    crate::search::after_publication(dir);
    Ok(warnings)
}

/// Ställer in sammanträdet on `today` with `reason` (planned or notified, its day not passed).
pub fn cancel(dir: &crate::DataDir, id: MeetingId, today: NaiveDate, reason: &str) -> Result<()> {
    crate::in_transaction(dir.storage(), |tx| {
        let mut m = tx.meeting(id)?.value;
        let notified = m.notice_sent();
        cycle::cancel(&mut m, today, reason)?;
        tx.update_meeting(id, &m)?;
        if notified {
            crate::mail::queue_notice(dir, tx, id, &m, crate::mail::NoticeEvent::Cancelled)?;
        }
        Ok(())
    })?;
    // Its public kallelse is gone: not found any more.
    crate::search::after_publication(dir);
    Ok(())
}

/// Återkallar kallelsen before the meeting's day: planned again.
pub fn withdraw_notice(dir: &crate::DataDir, id: MeetingId, today: NaiveDate) -> Result<()> {
    change_meeting(dir.storage(), id, |m| Ok(cycle::withdraw_notice(m, today)?))?;
    crate::search::after_publication(dir);
    Ok(())
}

/// Ångrar "genomfört" while no minutes are drafted.
pub fn unmark_held(dir: &crate::DataDir, id: MeetingId) -> Result<()> {
    // Drawn-up minutes move the meeting on from genomfört: the core's state check covers them.
    change_meeting(dir.storage(), id, |m| Ok(cycle::unmark_held(m)?))
}

/// Lägger till ett tilläggsärende (a case, by diarienummer or id) after the kallelse, on
/// `today`; the warnings say when it comes later than the kallelse time.
pub fn add_supplement(
    dir: &crate::DataDir,
    id: MeetingId,
    case_key: &str,
    today: NaiveDate,
) -> Result<(AgendaItem, Vec<CycleWarning>)> {
    let store = dir.storage();
    let lead = dir.config().municipality.notice_days();
    let item = agenda_item_for_case(store, case_key, None, None)?;
    let added = crate::in_transaction(store, |tx| {
        let mut m = tx.meeting(id)?.value;
        let added = cycle::add_supplement(&mut m, item, today, lead)?;
        tx.update_meeting(id, &m)?;
        crate::mail::queue_notice(dir, tx, id, &m, crate::mail::NoticeEvent::Supplement)?;
        Ok(added)
    })?;
    // The tilläggsärende is on the public kallelse: searchable at once.
    crate::search::after_publication(dir);
    Ok(added)
}

/// Begär ändring: the ordförande or a justerare of the drafted minutes (`person`) returns
/// them to the secretary with `comment`.
pub fn request_change(
    dir: &crate::DataDir,
    id: MeetingId,
    person: Option<PersonId>,
    comment: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let store = dir.storage();
    let minutes = minutes(store, id)?;
    let Some(person) =
        person.filter(|p| minutes.chair() == Some(*p) || minutes.adjusters().contains(p))
    else {
        return Err(crate::Error::Forbidden(
            "bara protokollets ordförande och justerare kan begära ändringar".into(),
        )
        .into());
    };
    change_meeting(store, id, |m| {
        Ok(cycle::request_change(m, person, now, comment)?)
    })
}

/// The secretary marks change request `number` (from 1) as done.
pub fn change_done(
    dir: &crate::DataDir,
    id: MeetingId,
    number: usize,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    if number == 0 {
        return Err(crate::Error::field("andring", "ingen sådan ändring").into());
    }
    change_meeting(dir.storage(), id, |m| {
        Ok(cycle::change_done(m, number - 1, now)?)
    })
}

/// The meeting has been held (not before its day).
pub fn mark_held(dir: &crate::DataDir, id: MeetingId, today: NaiveDate) -> Result<()> {
    let store = &*dir.store;
    change_meeting(store, id, |m| Ok(cycle::mark_held(m, today)?))
}

/// Drafts the minutes: one § per agenda item, numbered on in the body's yearly series,
/// with the signers named.
pub fn draft_minutes(
    dir: &crate::DataDir,

    id: MeetingId,
    secretary: Option<PersonId>,
    chair: Option<PersonId>,
    adjusters: Vec<PersonId>,
    place: Option<String>,
) -> Result<Minutes> {
    let store = &*dir.store;
    if store.minutes(id)?.is_some() {
        crate::refuse!("sammanträde {id} har redan ett protokoll");
    }
    let m = meeting(store, id)?;
    let series = store.paragraph_series(m.body, chrono::Datelike::year(&m.date), Some(id))?;
    in_transaction(store, |tx| {
        let mut m = tx.meeting(id)?.value;
        let mut minutes = cycle::draft_minutes(&mut m, Attendance::empty(), &series)?;
        minutes.set_signers(secretary, chair, adjusters, place)?;
        tx.save_minutes(id, &minutes)?;
        tx.update_meeting(id, &m)?;
        Ok(minutes)
    })
}

/// Records who attended, checked against the body's memberships on the meeting day.
pub fn set_attendance(dir: &crate::DataDir, id: MeetingId, attendees: Vec<Attendee>) -> Result<()> {
    let store = &*dir.store;
    let m = meeting(store, id)?;
    let memberships: Vec<_> = store
        .memberships(Some(m.body))?
        .into_iter()
        .map(|r| r.value)
        .collect();
    // The party and the presidium post as the register has them on the day, as the minutes
    // write them: "Åsa Bergkvist (S), ordförande".
    let attendees = attendees
        .into_iter()
        .map(|mut a| {
            let held = memberships
                .iter()
                .find(|x| x.person == a.person && x.body == m.body && x.active_on(m.date));
            if a.party.is_none() {
                a.party = held.and_then(|x| x.party.clone());
            }
            if a.position.is_none() && matches!(a.role, AttendanceRole::Member) {
                a.position = held.and_then(|x| x.position);
            }
            a
        })
        .collect();
    let attendance = Attendance::new(m.body, m.date, &memberships, attendees)?;
    if let Some(order) = crate::org::substitute_order_on(dir, m.body, m.date)? {
        let in_force: Vec<_> = memberships
            .iter()
            .filter(|x| x.active_on(m.date))
            .cloned()
            .collect();
        attendance
            .check_substitute_order(&order, &in_force)
            .map_err(|e| with_names(dir, e.into()))?;
    }
    change_minutes(store, id, |_, minutes| {
        Ok(minutes.set_attendance(attendance)?)
    })
}

/// Changes one § through `f`; the core keeps the change only if the § still passes its
/// checks. A refusal names people by name. The front ends call the named operations above.
pub(crate) fn edit_paragraph(
    dir: &crate::DataDir,
    id: MeetingId,
    number: u32,
    f: impl FnOnce(&mut Paragraph, &Attendance) -> Result<(), MinutesError>,
) -> Result<()> {
    let store = &*dir.store;
    change_minutes(store, id, |_, minutes| {
        Ok(minutes.edit_paragraph(number, f)?)
    })
    .map_err(|e| with_names(dir, e))
}

/// [`edit_paragraph`] for tests that write what no form offers (e.g. numbers in every
/// field) to prove the public surfaces mask it.
#[cfg(feature = "test-support")]
pub fn edit_paragraph_for_tests(
    dir: &crate::DataDir,
    id: MeetingId,
    number: u32,
    f: impl FnOnce(&mut Paragraph, &Attendance) -> Result<(), MinutesError>,
) -> Result<()> {
    edit_paragraph(dir, id, number, f)
}

/// What the secretary writes in a §: each part given replaces what was there.
#[derive(Debug, Clone, Default)]
pub struct ParagraphText {
    /// Beslut.
    pub decision: Option<Decision>,
    /// Beskrivning av ärendet.
    pub text: Option<String>,
    /// Beslutsunderlag, one per line.
    pub documents: Option<Vec<String>>,
    /// Beslutet skickas till, one per line.
    pub dispatch: Option<Vec<String>>,
    /// Bordlagt, återremitterat or information instead of a beslut; `Some(None)` clears it.
    pub disposition: Option<Option<Disposition>>,
    /// Who leads the § when not the ordförande; `Some(None)` gives it back to the ordförande.
    pub presiding: Option<Option<PersonId>>,
    /// The §'s heading (rubrik), when changed.
    pub title: Option<String>,
    /// Its tables, written as [`crate::meeting::tables`] reads them.
    pub tables: Option<String>,
}

/// The beslut as the secretary wrote it: running text as typed ("Nämnden godkänner …", line
/// ends as LF), or att-satser one per line (a leading "att " dropped) after an optional
/// inledning. Nothing written: no beslut.
pub fn decision_as_written(as_text: bool, intro: Option<&str>, written: &str) -> Option<Decision> {
    let written = written.replace("\r\n", "\n");
    if as_text {
        let text = written.trim();
        return (!text.is_empty()).then(|| Decision::Text {
            text: text.to_string(),
        });
    }
    let clauses: Vec<AttClause> = written
        .lines()
        .map(|l| l.trim().trim_start_matches("att ").trim().to_string())
        .filter(|l| !l.is_empty())
        .map(AttClause)
        .collect();
    (!clauses.is_empty()).then(|| Decision::Clauses {
        intro: intro
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .map(String::from),
        clauses,
    })
}

/// Writes the decision, description, documents and dispatch list of § `number`.
pub fn write_paragraph(dir: &DataDir, id: MeetingId, number: u32, w: ParagraphText) -> Result<()> {
    let tables = w
        .tables
        .as_deref()
        .map(crate::meeting::tables::from_text)
        .transpose()?;
    if let Some(t) = &w.title {
        if t.trim().is_empty() {
            return Err(crate::Error::field("title", "paragrafen måste ha en rubrik").into());
        }
    }
    edit_paragraph(dir, id, number, |p, _| {
        if let Some(t) = w.title {
            p.title = t.trim().to_string();
        }
        if let Some(t) = tables {
            p.tables = t;
        }
        if let Some(d) = w.decision {
            p.decision = Some(d);
        }
        if let Some(t) = w.text {
            // As a browser sends a textarea: lines end with CR LF; stored with LF.
            p.text = t.replace("\r\n", "\n");
        }
        if let Some(d) = w.documents {
            p.documents = d;
        }
        if let Some(d) = w.dispatch {
            p.dispatch = d;
        }
        if let Some(d) = w.disposition {
            // Bordlagt, återremitterat or information: no beslut in the matter.
            if d.is_some() {
                p.decision = None;
            }
            p.disposition = d;
        }
        if let Some(who) = w.presiding {
            p.set_presiding(who)?;
        }
        Ok(())
    })
}

/// An open vote (omröstning) in § `number`: what ja and nej mean (and, when given, the
/// yrkanden they stand for) and every deciding member's ballot; the one leading the § has the
/// casting vote. Returns the result.
pub fn record_vote(
    dir: &DataDir,
    id: MeetingId,
    number: u32,
    yes_means: &str,
    no_means: &str,
    ballots: Vec<Ballot>,
    motions: Option<(u32, u32)>,
) -> Result<(VoteResult, String)> {
    let store = dir.storage();
    let presiding = store.minutes(id)?.and_then(|m| m.presiding_in(number));
    edit_paragraph(dir, id, number, |p, att| {
        p.record_vote(att, yes_means, no_means, ballots, presiding, motions)
    })?;
    let minutes = self::minutes(store, id)?;
    let vote = minutes
        .paragraph(number)
        .and_then(|p| p.votes().last().cloned())
        .ok_or_else(|| anyhow!("omröstningen i § {number} sparades inte"))?;
    let r = vote.result();
    let carried = if r.yes_wins {
        vote.yes_means()
    } else {
        vote.no_means()
    };
    Ok((r, carried.to_string()))
}

/// A reservation (with or without written grounds) by a deciding member in § `number`.
pub fn add_reservation(
    dir: &DataDir,
    id: MeetingId,
    number: u32,
    by: PersonId,
    reasons: Option<String>,
) -> Result<()> {
    edit_paragraph(dir, id, number, |p, att| {
        if !p.deciding(att).contains(&by) {
            return Err(MinutesError::ReservationByNonDecider { number, person: by });
        }
        let reasons = reasons.as_ref().map(|r| r.replace("\r\n", "\n"));
        p.reservations.push(Reservation { by, reasons });
        Ok(())
    })
}

/// Jäv: `person` takes no part in § `number`.
pub fn record_conflict(
    dir: &DataDir,
    id: MeetingId,
    number: u32,
    person: PersonId,
    ground: Option<String>,
) -> Result<()> {
    edit_paragraph(dir, id, number, |p, _| {
        p.record_conflict(Conflict { person, ground })
    })
}

/// A yrkande in § `number` by someone present, supported by others; returns its number.
pub fn add_motion(
    dir: &DataDir,
    id: MeetingId,
    number: u32,
    by: PersonId,
    supported_by: Vec<PersonId>,
    text: &str,
) -> Result<u32> {
    let mut made = 0;
    edit_paragraph(dir, id, number, |p, att| {
        made = p.add_motion(att, by, supported_by, &text.replace("\r\n", "\n"))?;
        Ok(())
    })?;
    Ok(made)
}

/// Withdraws yrkande `motion` of § `number`.
pub fn withdraw_motion(dir: &DataDir, id: MeetingId, number: u32, motion: u32) -> Result<()> {
    edit_paragraph(dir, id, number, |p, _| p.withdraw_motion(motion))
}

/// The propositionsordning of § `number`: the motions put, in order, and the one carried.
pub fn set_propositions(
    dir: &DataDir,
    id: MeetingId,
    number: u32,
    order: Vec<u32>,
    carried: Option<u32>,
) -> Result<()> {
    edit_paragraph(dir, id, number, |p, att| {
        p.set_propositions(att, order, carried)
    })
}

/// A protokollsanteckning in § `number`.
pub fn add_note(
    dir: &DataDir,
    id: MeetingId,
    number: u32,
    by: Vec<PersonId>,
    text: &str,
) -> Result<()> {
    let text = text.trim().replace("\r\n", "\n");
    edit_paragraph(dir, id, number, |p, _| {
        p.notes.push(MinutesNote { by, text });
        Ok(())
    })
}

/// `e` with every "person N" of the core's messages replaced by that person's name, for the
/// people who read it. Errors of the store keep their type (and so their answer).
pub fn with_names(dir: &crate::DataDir, e: anyhow::Error) -> anyhow::Error {
    if e.downcast_ref::<paragraf_store::StoreError>().is_some() {
        return e;
    }
    let message = format!("{e:#}");
    let out = with_names_text(dir, &message);
    if out == message {
        return e;
    }
    // The same kind of refusal (a rule stays a rule), in words with names.
    use crate::Error as E;
    anyhow::Error::new(match E::from(e) {
        E::Internal(_) => return anyhow::anyhow!(out),
        E::Rule(_) => E::Rule(out),
        E::Conflict(_) => E::Conflict(out),
        E::Forbidden(_) => E::Forbidden(out),
        E::Invalid { field, .. } => E::Invalid {
            field,
            message: out,
        },
        E::NotFound(what) => E::NotFound(what),
    })
}

/// `message` with every "person N" of the core's messages replaced by that person's name.
pub fn with_names_text(dir: &crate::DataDir, message: &str) -> String {
    let store = &*dir.store;
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    let mut changed = false;
    while let Some(pos) = rest.find("person ") {
        let (before, from) = rest.split_at(pos);
        out.push_str(before);
        let after = from.get("person ".len()..).unwrap_or("");
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let name = after
            .get(..digits)
            .and_then(|d| d.parse::<i64>().ok())
            .and_then(|n| store.person(PersonId(n)).ok());
        match name {
            Some(p) => {
                out.push_str(&p.value.name);
                rest = after.get(digits..).unwrap_or("");
                changed = true;
            }
            None => {
                out.push_str("person ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    if !changed {
        return message.to_string();
    }
    out
}

/// Who records an approval and when: an approval dated before `now`'s day (signed on
/// paper) is stored as recorded later by `by`.
#[derive(Debug, Clone)]
pub struct Recording {
    /// Now.
    pub now: DateTime<FixedOffset>,
    /// The user who records it.
    pub by: String,
    /// Recorded by someone other than the signer (a signature on paper): kept as recorded
    /// later even on the day it was given.
    pub on_behalf: bool,
}

/// What a justering is asked to approve: one person, in one role, the minutes as they stand.
#[derive(Debug, Clone)]
pub struct ApprovalRequest {
    /// The meeting.
    pub meeting: MeetingId,
    /// Who approves.
    pub person: PersonId,
    /// In which role.
    pub role: SignerRole,
    /// The §§ of an omedelbar justering; empty for the whole minutes.
    pub paragraphs: Vec<u32>,
    /// The root of the minutes' canonical text as they stand (format 1): what an external
    /// signing service has the person sign.
    pub digest: String,
}

/// An approval as given: when, how, and who recorded it when it was not the signer.
#[derive(Debug, Clone)]
pub struct GivenApproval {
    /// When it was given.
    pub time: DateTime<FixedOffset>,
    /// How, as the signature page names it.
    pub method: String,
    /// Recorded later, or by someone else.
    pub recorded: Option<paragraf_core::minutes::Recorded>,
    /// When Paragraf records it (an approval is never dated after it).
    pub now: DateTime<FixedOffset>,
}

/// Underskrift: how a justerare approves. The cycle asks the signer for the approval of one
/// person and records what it returns. [`InAppApproval`] is approval by the person logged in
/// to Paragraf; [`RecordedApproval`] a signature given elsewhere (on paper, in another
/// system) and recorded here. An e-legitimation signing service (BankID or Freja through a
/// federated signing service, as Sweden Connect specifies) is one more implementation: it
/// has the person sign [`ApprovalRequest::digest`] and returns the approval once the
/// service's signed response has been checked — without a change to the cycle.
pub trait Signer {
    /// The approval `request` asks for, or why it is not given.
    fn approval(&self, request: &ApprovalRequest) -> Result<GivenApproval>;
}

/// Justering i Paragraf: the person logged in (with a password or the municipality's single
/// sign-on) approves now.
#[derive(Debug, Clone)]
pub struct InAppApproval {
    /// Now.
    pub now: DateTime<FixedOffset>,
}

/// The method's name on the signature page.
pub const IN_APP: &str = "Paragraf-inloggning";

impl Signer for InAppApproval {
    fn approval(&self, _: &ApprovalRequest) -> Result<GivenApproval> {
        Ok(GivenApproval {
            time: self.now,
            method: IN_APP.into(),
            recorded: None,
            now: self.now,
        })
    }
}

/// A signature given elsewhere, as `method` names it, at `signed_at`, recorded here as
/// `recording` says: kept as recorded later when recorded on the signer's behalf or on a
/// later day.
#[derive(Debug, Clone)]
pub struct RecordedApproval {
    /// How it was given ("underskrift på papper", "Svensk e-legitimation", …).
    pub method: String,
    /// When it was given.
    pub signed_at: DateTime<FixedOffset>,
    /// Who records it, and when.
    pub recording: Recording,
}

impl Signer for RecordedApproval {
    fn approval(&self, _: &ApprovalRequest) -> Result<GivenApproval> {
        let r = &self.recording;
        Ok(GivenApproval {
            time: self.signed_at,
            method: self.method.clone(),
            recorded: (r.on_behalf || self.signed_at.date_naive() < r.now.date_naive()).then(
                || paragraf_core::minutes::Recorded {
                    at: r.now,
                    by: r.by.clone(),
                },
            ),
            now: r.now,
        })
    }
}

/// `person` approves (justering) as `role`, the approval given by `signer`. The last
/// approval seals the minutes with the installation's seal key and the meeting becomes
/// justerat.
pub fn approve(
    dir: &DataDir,
    id: MeetingId,
    person: PersonId,
    role: SignerRole,
    paragraphs: Vec<u32>,
    signer: &dyn Signer,
) -> Result<ApprovalOutcome> {
    let key = crate::keys::load_or_create(dir)?;
    change_minutes(dir.storage(), id, |m, minutes| {
        if m.state() != MeetingState::MinutesDrafted {
            crate::refuse!(
                "sammanträdet är {} och protokollet kan inte justeras",
                m.state().swedish()
            );
        }
        let given = signer.approval(&ApprovalRequest {
            meeting: id,
            person,
            role,
            paragraphs: paragraphs.clone(),
            digest: paragraf_core::canonical::digest(&paragraf_core::canonical::v1(minutes)),
        })?;
        let outcome = minutes.approve(
            Approval {
                signer: person,
                role,
                time: given.time,
                method: given.method,
                paragraphs,
                recorded: given.recorded,
            },
            &key,
            given.now,
        )?;
        if outcome == ApprovalOutcome::Sealed {
            cycle::mark_adjusted(m, minutes)?;
        }
        Ok(outcome)
    })
    .map_err(|e| with_names(dir, e))
}

/// Anslår protokollet: posts the anslag on `date`; returns warnings (late posting).
pub fn post_minutes(
    dir: &crate::DataDir,
    id: MeetingId,
    date: NaiveDate,
    storage: &str,
    today: NaiveDate,
) -> Result<Vec<CycleWarning>> {
    let store = &*dir.store;
    let minutes = minutes(store, id)?;
    let warnings = change_meeting(store, id, |m| {
        Ok(cycle::post_minutes(m, &minutes, date, storage, today)?)
    })?;
    crate::search::after_publication(dir);
    Ok(warnings)
}

/// Anslår § `number`, justerad at the meeting, on its own on `date` (which must be `today`);
/// returns warnings (late posting).
pub fn post_paragraph(
    dir: &crate::DataDir,
    id: MeetingId,
    number: u32,
    date: NaiveDate,
    storage: &str,
    today: NaiveDate,
) -> Result<Vec<CycleWarning>> {
    let store = &*dir.store;
    let minutes = minutes(store, id)?;
    let warnings = change_meeting(store, id, |m| {
        Ok(cycle::post_paragraph(
            m, &minutes, number, date, storage, today,
        )?)
    })?;
    crate::search::after_publication(dir);
    Ok(warnings)
}

/// Moves every posted meeting whose appeal period is over on `today` to its last state.
pub fn close_appeal_periods(dir: &crate::DataDir, today: NaiveDate) -> Result<Vec<MeetingId>> {
    let store = &*dir.store;
    let mut closed = Vec::new();
    for m in store.meetings()? {
        if m.state() == MeetingState::Posted {
            let mut meeting = m.value.clone();
            if cycle::close_if_appeal_over(&mut meeting, today) {
                store.update_meeting(m.id, &meeting)?;
                closed.push(m.id);
            }
        }
    }
    Ok(closed)
}

/// Checks the stored minutes of a meeting against their seal and the published key.
pub fn verify(dir: &DataDir, id: MeetingId) -> Result<VerifyReport> {
    meeting(dir.storage(), id)?;
    let sealed = dir.store.sealed_text(id)?.ok_or_else(|| {
        anyhow!("protokollet för sammanträde {id} är inte justerat och har inget sigill")
    })?;
    let keys = crate::keys::list(&dir.path)?;
    if keys.is_empty() {
        bail!(
            "den publicerade nyckellistan {} saknas",
            crate::keys::KEY_LIST
        );
    }
    let current = match dir.store.minutes(id) {
        Ok(Some(m)) => m,
        Ok(None) => bail!("protokollet för sammanträde {id} saknas, men dess sigill finns"),
        Err(e) => {
            // Stored minutes that no longer pass the core's checks have been tampered with.
            return Ok(VerifyReport {
                sealed_text_intact: false,
                content_matches: false,
                signature_valid: false,
                key_matches: false,
                differences: vec![format!("protokollet kan inte läsas: {e}")],
            });
        }
    };
    let seal_rec = current
        .seal()
        .ok_or_else(|| anyhow!("det lagrade protokollet saknar sigill, men ett sigill finns"))?;
    let mut report = seal::verify(seal_rec, &sealed, &current, None);
    report.key_matches = crate::keys::accepted(&keys, &seal_rec.public_key, seal_rec.sealed_at);
    Ok(report)
}
