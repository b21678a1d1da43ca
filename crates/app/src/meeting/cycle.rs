//! The meeting cycle as operations on stored meetings: each loads what it needs, applies the
//! core's rule, and stores meeting and minutes together in one transaction.

use anyhow::{anyhow, bail, Context, Result};
use chrono::{DateTime, FixedOffset, NaiveDate};
use paragraf_core::cycle::{self, CycleWarning};
use paragraf_core::ids::{MeetingId, PersonId, Record};
use paragraf_core::meeting::{
    AgendaItem, Attendance, Attendee, Meeting, MeetingState, ScheduleSlot,
};
use paragraf_core::minutes::{
    Approval, ApprovalOutcome, Minutes, MinutesError, Paragraph, SignerRole,
};
use paragraf_core::seal::{self, VerifyReport};
use paragraf_store::Store;

use crate::{in_transaction, DataDir};

fn meeting(store: &dyn Store, id: MeetingId) -> Result<Record<MeetingId, Meeting>> {
    Ok(store.meeting(id)?)
}

fn minutes(store: &dyn Store, id: MeetingId) -> Result<Minutes> {
    store.minutes(id)?.ok_or_else(|| {
        anyhow!("sammanträde {id} har inget protokoll än: kör `paragraf minutes draft` först")
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
pub fn create_meeting(store: &dyn Store, meeting: &Meeting) -> Result<Record<MeetingId, Meeting>> {
    store.body(meeting.body)?;
    Ok(store.add_meeting(meeting)?)
}

/// Puts a case on the föredragningslista.
pub fn add_agenda_case(
    store: &dyn Store,
    id: MeetingId,
    case_key: &str,
    presenter: Option<String>,
) -> Result<AgendaItem> {
    add_agenda_item(store, id, case_key, presenter, None)
}

/// Adds a case to the agenda with the administration's beslutsförslag, which becomes the §'s
/// text and proposal when the minutes are drafted.
pub fn add_agenda_item(
    store: &dyn Store,
    id: MeetingId,
    case_key: &str,
    presenter: Option<String>,
    draft: Option<paragraf_core::meeting::ItemDraft>,
) -> Result<AgendaItem> {
    let case = match store.case_by_dnr(case_key)? {
        Some(c) => c,
        None => match case_key.trim().parse::<i64>() {
            Ok(n) => store.case(paragraf_core::ids::CaseId(n))?,
            Err(_) => bail!("inget ärende har diarienumret ”{case_key}”"),
        },
    };
    change_meeting(store, id, |m| {
        if m.state != MeetingState::Planned {
            bail!("föredragningslistan kan bara ändras innan kallelsen har gått ut (sammanträdet är {})", m.state.swedish());
        }
        let item = AgendaItem {
            position: m.agenda.len() as u32 + 1,
            title: case.title.clone(),
            case: Some(case.id),
            case_number: Some(case.dnr.to_string()),
            presenter,
            secrecy: case.secrecy,
            draft,
        };
        m.agenda.push(item.clone());
        Ok(item)
    })
}

/// Adds a hålltid.
pub fn add_slot(store: &dyn Store, id: MeetingId, slot: ScheduleSlot) -> Result<()> {
    if slot.topic.trim().is_empty() {
        bail!("hålltiden saknar ämne");
    }
    if slot.end.is_some_and(|e| e <= slot.start) {
        bail!("hålltiden slutar innan den börjar");
    }
    change_meeting(store, id, |m| {
        if m.state != MeetingState::Planned {
            bail!("hålltider kan bara ändras innan kallelsen har gått ut");
        }
        m.schedule.push(slot);
        m.schedule.sort_by_key(|s| s.start);
        Ok(())
    })
}

/// Sends the notice (kallelse).
pub fn send_notice(store: &dyn Store, id: MeetingId) -> Result<()> {
    change_meeting(store, id, |m| Ok(cycle::send_notice(m)?))
}

/// The meeting has been held.
pub fn mark_held(store: &dyn Store, id: MeetingId) -> Result<()> {
    change_meeting(store, id, |m| Ok(cycle::mark_held(m)?))
}

/// Drafts the minutes: one § per agenda item, numbered on in the body's yearly series,
/// with the signers named.
pub fn draft_minutes(
    store: &dyn Store,
    id: MeetingId,
    secretary: Option<PersonId>,
    chair: Option<PersonId>,
    adjusters: Vec<PersonId>,
    place: Option<String>,
) -> Result<Minutes> {
    if store.minutes(id)?.is_some() {
        bail!("sammanträde {id} har redan ett protokoll");
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
pub fn set_attendance(store: &dyn Store, id: MeetingId, attendees: Vec<Attendee>) -> Result<()> {
    let m = meeting(store, id)?;
    let memberships: Vec<_> = store
        .memberships(Some(m.body))?
        .into_iter()
        .map(|r| r.value)
        .collect();
    let attendance = Attendance::new(m.body, m.date, &memberships, attendees)?;
    change_minutes(store, id, |_, minutes| {
        Ok(minutes.set_attendance(attendance)?)
    })
}

/// Changes one § (decision, votes, reservations, jäv, notes, dispatch …) through `f`; the
/// core keeps the change only if the § still passes its checks. A refusal names people by
/// name.
pub fn edit_paragraph(
    store: &dyn Store,
    id: MeetingId,
    number: u32,
    f: impl FnOnce(&mut Paragraph, &Attendance) -> Result<(), MinutesError>,
) -> Result<()> {
    change_minutes(store, id, |_, minutes| {
        Ok(minutes.edit_paragraph(number, f)?)
    })
    .map_err(|e| with_names(store, e))
}

/// `e` with every "person N" of the core's messages replaced by that person's name, for the
/// people who read it. Errors of the store keep their type (and so their answer).
pub fn with_names(store: &dyn Store, e: anyhow::Error) -> anyhow::Error {
    if e.downcast_ref::<paragraf_store::StoreError>().is_some() {
        return e;
    }
    let message = format!("{e:#}");
    let mut out = String::with_capacity(message.len());
    let mut rest = message.as_str();
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
    if changed {
        anyhow::anyhow!(out)
    } else {
        e
    }
}

/// One signer approves (justering). The last approval seals the minutes with the data
/// directory's key and the meeting becomes justerat.
pub fn approve(
    dir: &DataDir,
    id: MeetingId,
    signer: PersonId,
    role: SignerRole,
    method: &str,
    paragraphs: Vec<u32>,
    time: DateTime<FixedOffset>,
) -> Result<ApprovalOutcome> {
    let key = crate::keys::load_or_create(&dir.path)?;
    change_minutes(&dir.store, id, |m, minutes| {
        if m.state != MeetingState::MinutesDrafted {
            bail!(
                "sammanträdet är {} och protokollet kan inte justeras",
                m.state.swedish()
            );
        }
        let outcome = minutes.approve(
            Approval {
                signer,
                role,
                time,
                method: method.to_string(),
                paragraphs,
            },
            &key,
        )?;
        if outcome == ApprovalOutcome::Sealed {
            cycle::mark_adjusted(m, minutes)?;
        }
        Ok(outcome)
    })
    .map_err(|e| with_names(&dir.store, e))
}

/// Posts the anslag on `date`; returns warnings (late posting).
pub fn post_notice(
    store: &dyn Store,
    id: MeetingId,
    date: NaiveDate,
    storage: &str,
) -> Result<Vec<CycleWarning>> {
    let minutes = minutes(store, id)?;
    change_meeting(store, id, |m| {
        Ok(cycle::post_notice(m, &minutes, date, storage)?)
    })
}

/// Moves every posted meeting whose appeal period is over on `today` to its last state.
pub fn close_appeal_periods(store: &dyn Store, today: NaiveDate) -> Result<Vec<MeetingId>> {
    let mut closed = Vec::new();
    for m in store.meetings()? {
        if m.state == MeetingState::Posted {
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
    meeting(&dir.store, id)?;
    let sealed = dir.store.sealed_text(id)?.ok_or_else(|| {
        anyhow!("protokollet för sammanträde {id} är inte justerat och har inget sigill")
    })?;
    let published =
        std::fs::read_to_string(dir.path.join(crate::keys::PUBLIC_KEY)).with_context(|| {
            format!(
                "den publicerade sigillnyckeln {} saknas",
                crate::keys::PUBLIC_KEY
            )
        })?;
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
    Ok(seal::verify(
        seal_rec,
        &sealed,
        &current,
        Some(published.trim()),
    ))
}
