//! Sammanträdescykeln: planned → kallat → genomfört → protokoll upprättat → justerat →
//! anslaget → överklagandetiden ute. Each step is a function that checks its rules and
//! moves the meeting (and its minutes) on; callers store the result.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::calendar::{cycle_deadlines, CalendarError};
use crate::ids::PersonId;
use crate::meeting::{Attendance, Meeting, MeetingState, Posting, Summons};
use crate::minutes::{Minutes, MinutesError, Paragraph, ParagraphSeries};

/// Errors of the cycle.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CycleError {
    /// A step taken in the wrong state.
    #[error("sammanträdet är {state} och kan inte {action}")]
    WrongState {
        /// The current state, in Swedish.
        state: &'static str,
        /// What was tried, in Swedish.
        action: &'static str,
    },
    /// The notice lacks something it must state.
    #[error("kallelsen kan inte skickas: {0} saknas")]
    NoticeIncomplete(&'static str),
    /// The föredragningslista or the hålltider changed after the kallelse went out.
    #[error(
        "föredragningslistan och hålltiderna kan bara ändras innan kallelsen har gått ut (sammanträdet är {state})"
    )]
    AgendaClosed {
        /// The current state, in Swedish.
        state: &'static str,
    },
    /// A hålltid without a subject.
    #[error("hålltiden saknar ämne")]
    SlotWithoutTopic,
    /// A hålltid that ends before it begins.
    #[error("hålltiden slutar innan den börjar")]
    SlotEndsBeforeStart,
    /// A kallelse on or after the meeting's day.
    #[error("kallelsen kan inte skickas i dag ({today}): sammanträdet är {meeting}, och kallelsen ska gå ut före sammanträdesdagen")]
    NoticeTooLate {
        /// Today.
        today: NaiveDate,
        /// The meeting's day.
        meeting: NaiveDate,
    },
    /// Held before its day.
    #[error("sammanträdet är {meeting} och kan inte markeras som genomfört i dag ({today})")]
    HeldTooEarly {
        /// Today.
        today: NaiveDate,
        /// The meeting's day.
        meeting: NaiveDate,
    },
    /// An anslag dated another day than the one it goes up.
    #[error("anslaget dateras den dag det sätts upp på anslagstavlan, i dag ({today}), inte {posted}: överklagandetiden räknas från den dagen")]
    PostingNotToday {
        /// The date given.
        posted: NaiveDate,
        /// Today.
        today: NaiveDate,
    },
    /// A case put on the föredragningslista twice.
    #[error("ärendet {0} står redan på föredragningslistan")]
    CaseOnAgendaTwice(String),
    /// No item at that position.
    #[error("föredragningslistan har ingen punkt {0}")]
    NoSuchItem(u32),
    /// Handlingar chosen for an item that has no case of this registry.
    #[error("punkt {0} har inget ärende i diariet; den har inga handlingar att välja")]
    NoCaseOnItem(u32),
    /// A § whose anslag is already up.
    #[error("§ {0} är redan anslagen")]
    ParagraphPostedAlready(u32),
    /// The anslag for minutes not adjusted.
    #[error("protokollet är inte justerat; anslaget kan inte sättas upp")]
    NotAdjusted,
    /// A protokollsutdrag of a § that is not adjusted.
    #[error("§ {0} är inte justerad; utdrag kan bara göras ur justerat protokoll")]
    ExtractNotAdjusted(u32),
    /// A step on a meeting that has been called off.
    #[error("sammanträdet är inställt (sedan {0})")]
    Cancelled(NaiveDate),
    /// Called off without saying why.
    #[error("skriv varför sammanträdet ställs in; det står i meddelandet till de kallade")]
    CancelWithoutReason,
    /// Called off, or a step undone, after the meeting's day.
    #[error(
        "sammanträdesdagen {meeting} har passerat (i dag {today}); det kan inte längre {action}"
    )]
    DayPassed {
        /// The meeting's day.
        meeting: NaiveDate,
        /// Today.
        today: NaiveDate,
        /// What was tried.
        action: &'static str,
    },
    /// A change asked for without saying what.
    #[error("skriv vad som ska ändras i protokollet")]
    ChangeWithoutComment,
    /// No such change request.
    #[error("det finns ingen begärd ändring nummer {0}")]
    NoSuchChangeRequest(usize),
    /// An ersättare called in before the kallelse, or after the meeting.
    #[error("ersättare kallas in när kallelsen har gått ut och före sammanträdet")]
    NotCalled,
    /// Someone called in whom the kallelse did not go to.
    #[error("kallelsen gick inte till den personen; bara en kallad ersättare kan kallas in")]
    NotSummoned,
    /// From the minutes.
    #[error(transparent)]
    Minutes(#[from] MinutesError),
    /// From the calendar.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

fn wrong(meeting: &Meeting, action: &'static str) -> CycleError {
    CycleError::WrongState {
        state: meeting.state.swedish(),
        action,
    }
}

/// Whether the kallelse may go out on `today`: the meeting is planned and its day still
/// ahead (what the notice must contain is checked when it is sent).
pub fn notice_allowed(meeting: &Meeting, today: NaiveDate) -> Result<(), CycleError> {
    if let Some(c) = &meeting.cancelled {
        return Err(CycleError::Cancelled(c.on));
    }
    if meeting.state != MeetingState::Planned {
        return Err(wrong(meeting, "kallas"));
    }
    if today >= meeting.date {
        return Err(CycleError::NoticeTooLate {
            today,
            meeting: meeting.date,
        });
    }
    Ok(())
}

/// Whether the meeting may be marked as held on `today`: notified, and its day has come.
pub fn held_allowed(meeting: &Meeting, today: NaiveDate) -> Result<(), CycleError> {
    if let Some(c) = &meeting.cancelled {
        return Err(CycleError::Cancelled(c.on));
    }
    if meeting.state != MeetingState::Notified {
        return Err(wrong(meeting, "markeras som genomfört"));
    }
    if today < meeting.date {
        return Err(CycleError::HeldTooEarly {
            today,
            meeting: meeting.date,
        });
    }
    Ok(())
}

/// Kallelse: a planned meeting with date, time, place and at least one agenda item is
/// notified on `today`, before the meeting's day, to `recipients` (the ledamöter and
/// ersättare in force). Sent fewer than `lead_days` days before the meeting (the
/// reglemente's time), it goes out with a warning.
pub fn send_notice(
    meeting: &mut Meeting,
    today: NaiveDate,
    recipients: Vec<PersonId>,
    lead_days: u32,
) -> Result<Vec<CycleWarning>, CycleError> {
    notice_allowed(meeting, today)?;
    if meeting.start.is_none() {
        return Err(CycleError::NoticeIncomplete("tid"));
    }
    if meeting.place.as_deref().is_none_or(|p| p.trim().is_empty()) {
        return Err(CycleError::NoticeIncomplete("plats"));
    }
    if meeting.agenda.is_empty() {
        return Err(CycleError::NoticeIncomplete(
            "ärenden på föredragningslistan",
        ));
    }
    if recipients.is_empty() {
        return Err(CycleError::NoticeIncomplete(
            "mottagare (organets ledamöter och ersättare den dagen)",
        ));
    }
    meeting.summons = Some(Summons {
        sent: today,
        recipients,
    });
    meeting.state = MeetingState::Notified;
    Ok(late_notice(meeting, lead_days).into_iter().collect())
}

/// A warning when the kallelse went out fewer than `lead_days` days before the meeting (the
/// reglemente's time), shown with the meeting.
pub fn late_notice(meeting: &Meeting, lead_days: u32) -> Option<CycleWarning> {
    let sent = meeting.summons.as_ref()?.sent;
    let days = (meeting.date - sent).num_days();
    (days < i64::from(lead_days)).then(|| {
        CycleWarning(format!(
            "kallelsen gick ut {days} dagar före sammanträdet; reglementet kräver minst {lead_days} dagar"
        ))
    })
}

/// Whether the meeting may be called off on `today`: planned or notified, not already
/// called off, and its day not passed.
pub fn cancel_allowed(meeting: &Meeting, today: NaiveDate) -> Result<(), CycleError> {
    if let Some(c) = &meeting.cancelled {
        return Err(CycleError::Cancelled(c.on));
    }
    if !matches!(
        meeting.state,
        MeetingState::Planned | MeetingState::Notified
    ) {
        return Err(wrong(meeting, "ställas in"));
    }
    if today > meeting.date {
        return Err(CycleError::DayPassed {
            meeting: meeting.date,
            today,
            action: "ställas in",
        });
    }
    Ok(())
}

/// Ställer in sammanträdet: nothing more happens to it; if the kallelse had gone out, the
/// public is told on the anslagstavla (see [`Meeting::cancelled`]).
pub fn cancel(meeting: &mut Meeting, today: NaiveDate, reason: &str) -> Result<(), CycleError> {
    cancel_allowed(meeting, today)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(CycleError::CancelWithoutReason);
    }
    meeting.cancelled = Some(crate::meeting::Cancellation {
        on: today,
        reason: reason.to_string(),
        after_notice: meeting.state == MeetingState::Notified,
    });
    Ok(())
}

/// Whether the kallelse may be withdrawn on `today` (back to planned, the föredragningslista
/// open again): notified, not called off, before the meeting's day.
pub fn withdraw_notice_allowed(meeting: &Meeting, today: NaiveDate) -> Result<(), CycleError> {
    if let Some(c) = &meeting.cancelled {
        return Err(CycleError::Cancelled(c.on));
    }
    if meeting.state != MeetingState::Notified {
        return Err(wrong(meeting, "få kallelsen återkallad"));
    }
    if today >= meeting.date {
        return Err(CycleError::DayPassed {
            meeting: meeting.date,
            today,
            action: "få kallelsen återkallad",
        });
    }
    Ok(())
}

/// Återkallar kallelsen: the meeting is planned again (to be changed and notified anew); the
/// tilläggsärenden become ordinary items of the next kallelse.
pub fn withdraw_notice(meeting: &mut Meeting, today: NaiveDate) -> Result<(), CycleError> {
    withdraw_notice_allowed(meeting, today)?;
    meeting.state = MeetingState::Planned;
    meeting.summons = None;
    meeting.supplements.clear();
    // A new kallelse calls in anew.
    meeting.called_in.clear();
    Ok(())
}

/// Ångrar "genomfört": back to notified while no minutes are drafted.
pub fn unmark_held(meeting: &mut Meeting) -> Result<(), CycleError> {
    if meeting.state != MeetingState::Held {
        return Err(wrong(meeting, "återgå till kallat"));
    }
    meeting.state = MeetingState::Notified;
    Ok(())
}

/// Whether a tilläggsärende may be added on `today`: the kallelse is out, the meeting not
/// called off and its day not passed.
pub fn supplement_allowed(meeting: &Meeting, today: NaiveDate) -> Result<(), CycleError> {
    if let Some(c) = &meeting.cancelled {
        return Err(CycleError::Cancelled(c.on));
    }
    if meeting.state != MeetingState::Notified {
        return Err(wrong(
            meeting,
            "få tilläggsärenden (de läggs till efter kallelsen)",
        ));
    }
    if today > meeting.date {
        return Err(CycleError::DayPassed {
            meeting: meeting.date,
            today,
            action: "få tilläggsärenden",
        });
    }
    Ok(())
}

/// Lägger till ett tilläggsärende after the kallelse: last on the föredragningslista, marked
/// with the day it was added. Added fewer than `lead_days` days before the meeting (the
/// reglemente's time for the kallelse), a warning says that the nämnd decides at the meeting
/// whether to take it up.
pub fn add_supplement(
    meeting: &mut Meeting,
    item: crate::meeting::AgendaItem,
    today: NaiveDate,
    lead_days: u32,
) -> Result<(crate::meeting::AgendaItem, Vec<CycleWarning>), CycleError> {
    supplement_allowed(meeting, today)?;
    if item.case.is_some() && meeting.agenda.iter().any(|i| i.case == item.case) {
        return Err(CycleError::CaseOnAgendaTwice(
            item.case_number
                .clone()
                .unwrap_or_else(|| item.title.clone()),
        ));
    }
    let position = meeting.agenda.len() as u32 + 1;
    let item = crate::meeting::AgendaItem { position, ..item };
    meeting.agenda.push(item.clone());
    meeting.supplements.push(crate::meeting::Supplement {
        position,
        added: today,
    });
    let warnings = late_supplement(meeting, position, lead_days)
        .into_iter()
        .collect();
    Ok((item, warnings))
}

/// The warning for tilläggsärende `position` when it came later than the kallelse time
/// (`lead_days` before the meeting): the nämnd decides at the meeting whether to take it up.
pub fn late_supplement(meeting: &Meeting, position: u32, lead_days: u32) -> Option<CycleWarning> {
    let added = meeting.supplement_of(position)?;
    let days = (meeting.date - added).num_days();
    let item = meeting.agenda.iter().find(|i| i.position == position)?;
    (days < i64::from(lead_days)).then(|| {
        CycleWarning(format!(
            "tilläggsärendet ”{}” lades till {days} dagar före sammanträdet, senare än kallelsetiden ({lead_days} dagar); nämnden avgör vid sammanträdet om ärendet tas upp",
            item.title
        ))
    })
}

/// Begär ändring: `by` (the ordförande or a justerare, checked by the caller against the
/// minutes) returns the drafted minutes to the secretary with `comment`.
pub fn request_change(
    meeting: &mut Meeting,
    by: PersonId,
    at: DateTime<FixedOffset>,
    comment: &str,
) -> Result<(), CycleError> {
    if meeting.state != MeetingState::MinutesDrafted {
        return Err(wrong(meeting, "få ändringar begärda i protokollet"));
    }
    let comment = comment.trim();
    if comment.is_empty() {
        return Err(CycleError::ChangeWithoutComment);
    }
    meeting.change_requests.push(crate::meeting::ChangeRequest {
        by,
        at,
        comment: comment.to_string(),
        done: None,
    });
    Ok(())
}

/// The secretary marks change request `index` (from 0) as done.
pub fn change_done(
    meeting: &mut Meeting,
    index: usize,
    at: DateTime<FixedOffset>,
) -> Result<(), CycleError> {
    if meeting.state != MeetingState::MinutesDrafted {
        return Err(wrong(
            meeting,
            "få begärda ändringar markerade som åtgärdade",
        ));
    }
    let r = meeting
        .change_requests
        .get_mut(index)
        .filter(|r| r.done.is_none())
        .ok_or(CycleError::NoSuchChangeRequest(index + 1))?;
    r.done = Some(at);
    Ok(())
}

/// The meeting has been held: not before its day.
pub fn mark_held(meeting: &mut Meeting, today: NaiveDate) -> Result<(), CycleError> {
    held_allowed(meeting, today)?;
    meeting.state = MeetingState::Held;
    Ok(())
}

/// Upprättar protokollet: one § per agenda item, numbered on from the body's series for the
/// calendar year, with the title, case and secrecy of its item.
pub fn draft_minutes(
    meeting: &mut Meeting,
    attendance: Attendance,
    series: &ParagraphSeries,
) -> Result<Minutes, CycleError> {
    if meeting.state != MeetingState::Held {
        return Err(wrong(meeting, "få ett protokoll upprättat"));
    }
    let mut paragraphs = Vec::with_capacity(meeting.agenda.len());
    for (number, item) in (series.next()..).zip(&meeting.agenda) {
        let mut p = Paragraph::new(number, &item.title)?;
        p.case = item.case;
        p.case_number = item.case_number.clone();
        p.secrecy = item.secrecy;
        if let Some(d) = &item.draft {
            p.text = d.text.clone();
            p.proposal = d.proposal.clone();
            p.documents = d.documents.clone();
            p.dispatch = d.dispatch.clone();
            p.tables = d.tables.clone();
        }
        paragraphs.push(p);
    }
    let minutes = Minutes::new(
        meeting.body,
        meeting.date,
        attendance,
        paragraphs,
        Some(series),
    )?;
    meeting.state = MeetingState::MinutesDrafted;
    Ok(minutes)
}

/// After the last approval: the meeting's minutes are justerat.
pub fn mark_adjusted(meeting: &mut Meeting, minutes: &Minutes) -> Result<(), CycleError> {
    if !minutes.is_sealed() {
        return Err(CycleError::NotAdjusted);
    }
    if meeting.state != MeetingState::MinutesDrafted {
        return Err(wrong(meeting, "bli justerat"));
    }
    meeting.state = MeetingState::Adjusted;
    Ok(())
}

/// A warning that does not stop the step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CycleWarning(pub String);

/// Anslag: posts the adjusted minutes on the anslagstavla with the dates of the legal
/// calendar. The anslag is dated the day it goes up, `today` — never earlier, since the
/// appeal period runs from it. Warns when posted later than the second day after justering
/// (KL 8 kap. 12 §).
pub fn post_minutes(
    meeting: &mut Meeting,
    minutes: &Minutes,
    posted: NaiveDate,
    storage: &str,
    today: NaiveDate,
) -> Result<Vec<CycleWarning>, CycleError> {
    let seal = minutes.seal().ok_or(CycleError::NotAdjusted)?;
    if meeting.state != MeetingState::Adjusted {
        return Err(wrong(meeting, "anslås"));
    }
    if posted != today {
        return Err(CycleError::PostingNotToday { posted, today });
    }
    let posting = posting_for(meeting.date, seal.sealed_at, posted, storage)?;
    let warnings = late_posting_warning(meeting.date, seal.sealed_at, posted)?;
    meeting.posting = Some(posting);
    meeting.state = MeetingState::Posted;
    Ok(warnings)
}

/// Anslag of § `number`, justerad at the meeting (omedelbar justering), on `today`, before
/// the whole minutes: its own appeal period runs from it (KL 8 kap. 12 §, 13 kap. 5 §). A §
/// is posted once; once the whole minutes are posted, they carry it.
pub fn post_paragraph(
    meeting: &mut Meeting,
    minutes: &Minutes,
    number: u32,
    posted: NaiveDate,
    storage: &str,
    today: NaiveDate,
) -> Result<Vec<CycleWarning>, CycleError> {
    let p = minutes
        .paragraph(number)
        .ok_or(MinutesError::NoSuchParagraph(number))?;
    if !p.immediately_adjusted {
        return Err(CycleError::ExtractNotAdjusted(number));
    }
    if meeting.posting.is_some() {
        return Err(wrong(meeting, "anslå en enskild paragraf"));
    }
    if meeting
        .paragraph_postings
        .iter()
        .any(|x| x.number == number)
    {
        return Err(CycleError::ParagraphPostedAlready(number));
    }
    if posted != today {
        return Err(CycleError::PostingNotToday { posted, today });
    }
    let adjusted = minutes
        .approvals()
        .iter()
        .filter(|a| a.paragraphs.contains(&number))
        .map(|a| a.time)
        .max()
        .ok_or(CycleError::ExtractNotAdjusted(number))?;
    let posting = posting_for(meeting.date, adjusted, posted, storage)?;
    let warnings = late_posting_warning(meeting.date, adjusted, posted)?;
    meeting
        .paragraph_postings
        .push(crate::meeting::ParagraphPosting { number, posting });
    Ok(warnings)
}

/// The anslag for minutes adjusted at `adjusted` and posted on `posted`.
pub fn posting_for(
    meeting_date: NaiveDate,
    adjusted: DateTime<FixedOffset>,
    posted: NaiveDate,
    storage: &str,
) -> Result<Posting, CycleError> {
    let c = cycle_deadlines(meeting_date, Some(adjusted.date_naive()), Some(posted))?;
    Ok(Posting {
        posted,
        removed: c.notice_removable_from,
        storage: storage.trim().to_string(),
        appeal_ends: c.appeal_ends,
        adjusted: Some(adjusted.date_naive()),
    })
}

/// A warning when `posted` is later than the second day after justering.
pub fn late_posting_warning(
    meeting_date: NaiveDate,
    adjusted: DateTime<FixedOffset>,
    posted: NaiveDate,
) -> Result<Vec<CycleWarning>, CycleError> {
    let c = cycle_deadlines(meeting_date, Some(adjusted.date_naive()), Some(posted))?;
    let mut w = Vec::new();
    if let Some(deadline) = c.posting_deadline {
        if posted > deadline {
            w.push(CycleWarning(format!(
                "anslaget sattes upp {posted}, senare än andra dagen efter justeringen ({deadline}, KL 8 kap. 12 §)"
            )));
        }
    }
    if adjusted.date_naive() > c.adjustment_deadline {
        w.push(CycleWarning(format!(
            "protokollet justerades {}, senare än 14 dagar efter sammanträdet ({}, KL 5 kap. 69 §)",
            adjusted.date_naive(),
            c.adjustment_deadline
        )));
    }
    Ok(w)
}

/// The approvals given after the last day of justering, 14 days after the meeting (KL 5 kap.
/// 69 § via 6 kap. 35 §): allowed, and marked on the meeting and in the protocol.
pub fn late_approvals(minutes: &Minutes) -> Vec<&crate::minutes::Approval> {
    let Ok(c) = cycle_deadlines(minutes.date(), None, None) else {
        return Vec::new();
    };
    minutes
        .approvals()
        .iter()
        .filter(|a| a.role != crate::minutes::SignerRole::Secretary)
        .filter(|a| a.time.date_naive() > c.adjustment_deadline)
        .collect()
}

/// The appeal period is over once `today` is past its last day; the anslag may come down.
pub fn close_if_appeal_over(meeting: &mut Meeting, today: NaiveDate) -> bool {
    let over = meeting.state == MeetingState::Posted
        && meeting
            .posting
            .as_ref()
            .and_then(|n| n.appeal_ends)
            .is_some_and(|end| today > end);
    if over {
        meeting.state = MeetingState::AppealPeriodOver;
    }
    over
}

/// Att göra: a step of the cycle that the law gives a last day, and that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    /// What is to be done, in Swedish ("Justera protokollet").
    pub what: &'static str,
    /// The last day.
    pub by: NaiveDate,
    /// The rule that sets it.
    pub rule: &'static str,
    /// Whether the last day has passed (`today` is after it).
    pub late: bool,
}

/// What is due next in `meeting`'s cycle at `today`: the minutes to be drawn up and
/// justerade within 14 days of the meeting (KL 5 kap. 69 § via 6 kap. 35 §), the anslag to
/// go up by the second day after justering (KL 8 kap. 12 §). Nothing before the meeting is
/// held, the kallelse is due `lead_days` before the meeting (the reglemente's time); nothing
/// once the anslag is up.
pub fn due(
    meeting: &Meeting,
    minutes: Option<&Minutes>,
    today: NaiveDate,
    lead_days: u32,
) -> Result<Option<Due>, CycleError> {
    if meeting.cancelled.is_some() {
        return Ok(None);
    }
    let adjusted = minutes
        .and_then(Minutes::seal)
        .map(|s| s.sealed_at.date_naive());
    let c = cycle_deadlines(meeting.date, adjusted, None)?;
    let (what, by, rule) = match meeting.state {
        MeetingState::Planned => (
            "Skicka kallelsen",
            meeting.date - chrono::Days::new(u64::from(lead_days)),
            "reglementet",
        ),
        MeetingState::Held => (
            "Upprätta och justera protokollet",
            c.adjustment_deadline,
            "KL 5 kap. 69 §",
        ),
        MeetingState::MinutesDrafted => (
            "Justera protokollet",
            c.adjustment_deadline,
            "KL 5 kap. 69 §",
        ),
        MeetingState::Adjusted => match c.posting_deadline {
            Some(by) => ("Sätt upp anslaget", by, "KL 8 kap. 12 §"),
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    Ok(Some(Due {
        what,
        by,
        rule,
        late: today > by,
    }))
}

/// Protokollsutdrag: § `number` of adjusted minutes (or a § adjusted at the meeting).
pub fn extract(minutes: &Minutes, number: u32) -> Result<&Paragraph, CycleError> {
    let p = minutes
        .paragraph(number)
        .ok_or(MinutesError::NoSuchParagraph(number))?;
    if minutes.is_sealed() || p.immediately_adjusted {
        Ok(p)
    } else {
        Err(CycleError::ExtractNotAdjusted(number))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{BodyId, PersonId};
    use crate::meeting::{AgendaItem, AttendanceRole, Attendee, Presence};
    use crate::minutes::{Approval, SignerRole};
    use crate::org::{Membership, MembershipRole};
    use crate::registry::Secrecy;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn attendance() -> Attendance {
        let seats: Vec<Membership> = (1..=3)
            .map(|p| {
                Membership::new(
                    PersonId(p),
                    BodyId(1),
                    MembershipRole::Member,
                    None,
                    None,
                    None,
                    d("2023-01-01"),
                    None,
                )
                .unwrap()
            })
            .collect();
        let list = (1..=3)
            .map(|p| Attendee {
                person: PersonId(p),
                role: AttendanceRole::Member,
                position: None,
                party: None,
                presence: Presence::whole_meeting(),
            })
            .collect();
        Attendance::new(BodyId(1), d("2025-09-01"), &seats, list).unwrap()
    }

    fn item(n: u32, title: &str) -> AgendaItem {
        AgendaItem {
            position: n,
            title: title.into(),
            case: None,
            case_number: None,
            presenter: None,
            secrecy: Secrecy::Public,
            draft: None,
            documents: None,
        }
    }

    /// A beslutsförslag on the agenda becomes the §'s description, proposal, beslutsunderlag,
    /// dispatch and tables when the minutes are drafted.
    #[test]
    fn an_item_draft_fills_its_paragraph() {
        let mut m = Meeting::planned(BodyId(1), d("2024-01-29"));
        m.start = Some("14:00".parse().unwrap());
        m.place = Some("Samlingssalen".into());
        let mut with = item(1, "Rapport om ej verkställda beslut");
        with.draft = Some(crate::meeting::ItemDraft {
            text: "Denna rapport avser den 30 november 2023.".into(),
            proposal: Some(crate::minutes::Decision::Text {
                text: "Nämnden tar del av rapporten.".into(),
            }),
            documents: vec!["Tjänsteskrivelse daterad den 8 januari 2024.".into()],
            dispatch: vec!["Kommunfullmäktige".into(), "Akt".into()],
            tables: vec![],
        });
        m.agenda = vec![item(1, "Information"), with];
        send_notice(&mut m, d("2024-01-19"), members(), 7).unwrap();
        mark_held(&mut m, d("2024-01-29")).unwrap();
        let series = ParagraphSeries {
            body: Some(BodyId(1)),
            year: 2024,
            used: Default::default(),
        };
        let minutes = draft_minutes(&mut m, attendance(), &series).unwrap();
        let plain = minutes.paragraph(1).unwrap();
        assert!(plain.text.is_empty() && plain.proposal.is_none());
        let p = minutes.paragraph(2).unwrap();
        assert_eq!(p.text, "Denna rapport avser den 30 november 2023.");
        assert!(p.proposal.is_some());
        assert!(
            p.decision.is_none(),
            "the body decides; the proposal is not the decision"
        );
        assert_eq!(p.dispatch, ["Kommunfullmäktige", "Akt"]);
        assert_eq!(p.documents.len(), 1);
    }

    /// Steps that may be undone are undone, a meeting is called off, tilläggsärenden come
    /// after the kallelse and a change is asked for — each only when the rules allow it.
    #[test]
    fn steps_are_undone_called_off_and_added_to_only_when_allowed() {
        let mut m = Meeting::planned(BodyId(1), d("2025-09-01"));
        m.start = Some("13:15".parse().unwrap());
        m.place = Some("Stadshuset".into());
        m.agenda = vec![item(1, "Information")];
        // Before the kallelse no tilläggsärende (the list is still open) and nothing to withdraw.
        assert!(supplement_allowed(&m, d("2025-08-20")).is_err());
        assert!(withdraw_notice(&mut m, d("2025-08-20")).is_err());
        send_notice(&mut m, d("2025-08-22"), members(), 7).unwrap();
        // After it: the list is closed, a tilläggsärende goes last with its day, and one added
        // within the notice time warns that the nämnd decides whether to take it up.
        assert!(m.add_agenda_item(item(0, "Sent")).is_err());
        let (added, warnings) =
            add_supplement(&mut m, item(0, "Brådskande yttrande"), d("2025-08-23"), 7).unwrap();
        assert_eq!(added.position, 2);
        assert!(warnings.is_empty());
        let (_, warnings) =
            add_supplement(&mut m, item(0, "Ännu ett"), d("2025-08-29"), 7).unwrap();
        assert!(
            warnings[0].0.contains("avgör vid sammanträdet"),
            "{warnings:?}"
        );
        assert_eq!(m.supplement_of(2), Some(d("2025-08-23")));
        assert_eq!(m.supplement_of(1), None);
        assert!(add_supplement(&mut m, item(0, "För sent"), d("2025-09-02"), 7).is_err());
        // The kallelse withdrawn before the day: planned again, the list open, tillägg plain.
        assert!(
            withdraw_notice(&mut m, d("2025-09-01")).is_err(),
            "not on the day"
        );
        withdraw_notice(&mut m, d("2025-08-30")).unwrap();
        assert_eq!(m.state, MeetingState::Planned);
        assert!(m.summons().is_none() && m.supplements().is_empty());
        assert!(m.agenda_open().is_ok());
        // Held in error is undone while no minutes exist.
        send_notice(&mut m, d("2025-08-31"), members(), 7).unwrap();
        mark_held(&mut m, d("2025-09-01")).unwrap();
        unmark_held(&mut m).unwrap();
        assert_eq!(m.state, MeetingState::Notified);
        assert!(unmark_held(&mut m).is_err());
        // Called off: a reason is needed; afterwards nothing moves, and no task is due.
        assert_eq!(
            cancel(&mut m, d("2025-09-01"), " ").unwrap_err(),
            CycleError::CancelWithoutReason
        );
        assert!(
            cancel(&mut m, d("2025-09-02"), "Inga ärenden").is_err(),
            "day passed"
        );
        cancel(&mut m, d("2025-09-01"), "Inga ärenden").unwrap();
        let c = m.cancelled().unwrap();
        assert!(c.after_notice);
        assert_eq!(
            held_allowed(&m, d("2025-09-01")).unwrap_err(),
            CycleError::Cancelled(d("2025-09-01"))
        );
        assert!(cancel(&mut m, d("2025-09-01"), "igen").is_err());
        assert!(withdraw_notice(&mut m, d("2025-08-31")).is_err());
        assert!(due(&m, None, d("2025-09-01"), 7).unwrap().is_none());
        let mut planned = Meeting::planned(BodyId(1), d("2025-10-01"));
        cancel(&mut planned, d("2025-09-01"), "Flyttas").unwrap();
        assert!(!planned.cancelled().unwrap().after_notice);
        assert!(notice_allowed(&planned, d("2025-09-02")).is_err());
        assert!(planned
            .reschedule(d("2025-10-02"), None, None, None)
            .is_err());
    }

    #[test]
    fn a_change_is_asked_for_on_drafted_minutes_only() {
        let at: DateTime<FixedOffset> = "2025-09-02T10:00:00+02:00".parse().unwrap();
        let mut m = Meeting::planned(BodyId(1), d("2025-09-01"));
        assert!(request_change(&mut m, PersonId(1), at, "Rätta § 3").is_err());
        m.state = MeetingState::MinutesDrafted;
        assert_eq!(
            request_change(&mut m, PersonId(1), at, "").unwrap_err(),
            CycleError::ChangeWithoutComment
        );
        request_change(&mut m, PersonId(1), at, "Rätta stavningen i § 3").unwrap();
        assert_eq!(m.change_requests().len(), 1);
        change_done(&mut m, 0, at).unwrap();
        assert!(m.change_requests()[0].done.is_some());
        assert!(change_done(&mut m, 0, at).is_err(), "done once");
        assert!(change_done(&mut m, 5, at).is_err());
    }

    /// The whole cycle of seed 000: meeting 1 September, justering 3 September, anslag
    /// 8 September (five days after: a warning), appeal over after 29 September.
    #[test]
    fn a_meeting_goes_through_every_state() {
        let mut m = Meeting::planned(BodyId(1), d("2025-09-01"));
        let sent = d("2025-08-22");
        // Planned: the kallelse is due by the reglemente's time before the meeting.
        let notice = due(&m, None, sent, 7).unwrap().unwrap();
        assert_eq!(
            (notice.what, notice.by),
            ("Skicka kallelsen", d("2025-08-25"))
        );
        assert_eq!(
            send_notice(&mut m, sent, members(), 7).unwrap_err(),
            CycleError::NoticeIncomplete("tid")
        );
        m.start = Some("13:15".parse().unwrap());
        assert_eq!(
            send_notice(&mut m, sent, members(), 7).unwrap_err(),
            CycleError::NoticeIncomplete("plats")
        );
        m.place = Some("Sammanträdesrummet, stadshuset".into());
        assert!(matches!(
            send_notice(&mut m, sent, members(), 7),
            Err(CycleError::NoticeIncomplete(_))
        ));
        m.agenda = vec![
            item(1, "Information från verksamheten"),
            item(2, "Verksamhets- och budgetuppföljning"),
        ];
        assert!(
            mark_held(&mut m, d("2025-09-01")).is_err(),
            "not before the notice"
        );
        assert!(matches!(
            send_notice(&mut m, sent, vec![], 7),
            Err(CycleError::NoticeIncomplete(_))
        ));
        let warnings = send_notice(&mut m, sent, members(), 7).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(m.state, MeetingState::Notified);
        assert_eq!(m.summons().unwrap().sent, sent);
        assert_eq!(m.summons().unwrap().recipients, members());
        assert!(
            send_notice(&mut m, sent, members(), 7).is_err(),
            "only once"
        );
        assert_eq!(due(&m, None, d("2025-08-25"), 7).unwrap(), None);
        assert_eq!(
            mark_held(&mut m, d("2025-08-31")).unwrap_err(),
            CycleError::HeldTooEarly {
                today: d("2025-08-31"),
                meeting: d("2025-09-01")
            }
        );
        mark_held(&mut m, d("2025-09-01")).unwrap();
        // Held: the minutes are due 14 days after the meeting (2025-09-15, a Monday).
        let held = due(&m, None, d("2025-09-15"), 7).unwrap().unwrap();
        assert_eq!(
            (held.what, held.by, held.late),
            ("Upprätta och justera protokollet", d("2025-09-15"), false)
        );
        assert!(due(&m, None, d("2025-09-16"), 7).unwrap().unwrap().late);

        let series = ParagraphSeries {
            body: Some(BodyId(1)),
            year: 2025,
            used: (1..=113).collect(),
        };
        let mut minutes = draft_minutes(&mut m, attendance(), &series).unwrap();
        assert_eq!(m.state, MeetingState::MinutesDrafted);
        let drafted = due(&m, Some(&minutes), d("2025-09-02"), 7)
            .unwrap()
            .unwrap();
        assert_eq!(
            (drafted.what, drafted.by, drafted.rule),
            ("Justera protokollet", d("2025-09-15"), "KL 5 kap. 69 §")
        );
        assert_eq!(minutes.number_range(), Some((114, 115)));
        assert_eq!(
            extract(&minutes, 114).unwrap_err(),
            CycleError::ExtractNotAdjusted(114)
        );

        let key = ed25519_dalek::SigningKey::from_bytes(&[1u8; 32]);
        let posted = d("2025-09-08");
        assert_eq!(
            post_minutes(&mut m, &minutes, posted, "Administrativa enheten", posted).unwrap_err(),
            CycleError::NotAdjusted
        );
        minutes
            .set_signers(
                None,
                Some(PersonId(1)),
                vec![PersonId(2)],
                Some("Digital signering".into()),
            )
            .unwrap();
        for n in [114, 115] {
            minutes
                .edit_paragraph(n, |p, _| {
                    p.decision = Some(crate::minutes::Decision::Text {
                        text: "Nämnden tar del av informationen.".into(),
                    });
                    Ok(())
                })
                .unwrap();
        }
        let time: DateTime<FixedOffset> = "2025-09-03T09:10:47+02:00".parse().unwrap();
        for (who, role) in [(1, SignerRole::Chair), (2, SignerRole::Adjuster)] {
            minutes
                .approve(
                    Approval {
                        signer: PersonId(who),
                        role,
                        time,
                        method: "Svensk e-legitimation".into(),
                        paragraphs: vec![],
                        recorded: None,
                    },
                    &key,
                    time,
                )
                .unwrap();
        }
        mark_adjusted(&mut m, &minutes).unwrap();
        assert_eq!(extract(&minutes, 115).unwrap().number, 115);
        // Justerat on Wednesday 2025-09-03: the anslag is due on Friday.
        let post = due(&m, Some(&minutes), posted, 7).unwrap().unwrap();
        assert_eq!(
            (post.what, post.by, post.late),
            ("Sätt upp anslaget", d("2025-09-05"), true)
        );

        // The anslag is dated the day it goes up: not backdated, not ahead.
        for (date, today) in [(d("2025-09-04"), posted), (d("2025-09-09"), posted)] {
            assert_eq!(
                post_minutes(&mut m, &minutes, date, "Administrativa enheten", today).unwrap_err(),
                CycleError::PostingNotToday {
                    posted: date,
                    today
                }
            );
        }
        let warnings =
            post_minutes(&mut m, &minutes, posted, "Administrativa enheten", posted).unwrap();
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].0.contains("2025-09-05"), "{warnings:?}");
        let n = m.posting.clone().unwrap();
        assert_eq!(n.appeal_ends, Some(d("2025-09-29")));
        assert_eq!(n.removed, Some(d("2025-09-30")));
        assert_eq!(m.state, MeetingState::Posted);
        assert_eq!(due(&m, Some(&minutes), posted, 7).unwrap(), None);

        assert!(!close_if_appeal_over(&mut m, d("2025-09-29")));
        assert!(close_if_appeal_over(&mut m, d("2025-09-30")));
        assert_eq!(m.state, MeetingState::AppealPeriodOver);
    }

    fn members() -> Vec<PersonId> {
        (1..=3).map(PersonId).collect()
    }

    /// A kallelse goes out before the meeting's day — not on it, not after (seen: `notify`
    /// accepted 15 months late) — and one sent later than the reglemente's time is warned of.
    #[test]
    fn the_kallelse_goes_out_before_the_meeting() {
        let planned = || {
            let mut m = Meeting::planned(BodyId(1), d("2025-09-01"));
            m.start = Some("13:15".parse().unwrap());
            m.place = Some("Stadshuset".into());
            m.agenda = vec![item(1, "Information")];
            m
        };
        for today in [d("2025-09-01"), d("2026-12-02")] {
            let mut m = planned();
            assert_eq!(
                send_notice(&mut m, today, members(), 7).unwrap_err(),
                CycleError::NoticeTooLate {
                    today,
                    meeting: d("2025-09-01")
                }
            );
            assert_eq!(m.state, MeetingState::Planned);
        }
        let mut m = planned();
        let w = send_notice(&mut m, d("2025-08-29"), members(), 7).unwrap();
        assert_eq!(w.len(), 1);
        assert!(
            w[0].0.contains("3 dagar") && w[0].0.contains("7 dagar"),
            "{w:?}"
        );
        assert_eq!(m.state, MeetingState::Notified);
    }

    /// Justering later than 14 days after the meeting is allowed, and marked.
    #[test]
    fn late_approvals_are_marked() {
        let mut m = Meeting::planned(BodyId(1), d("2025-09-01"));
        m.start = Some("13:15".parse().unwrap());
        m.place = Some("Stadshuset".into());
        m.agenda = vec![item(1, "Information")];
        send_notice(&mut m, d("2025-08-20"), members(), 7).unwrap();
        mark_held(&mut m, d("2025-09-01")).unwrap();
        let series = ParagraphSeries::default();
        let mut minutes = draft_minutes(&mut m, attendance(), &series).unwrap();
        minutes
            .set_signers(
                None,
                Some(PersonId(1)),
                vec![PersonId(2)],
                Some("Kansliet".into()),
            )
            .unwrap();
        minutes
            .edit_paragraph(1, |p, _| {
                p.disposition = Some(crate::minutes::Disposition::Information);
                Ok(())
            })
            .unwrap();
        let key = ed25519_dalek::SigningKey::from_bytes(&[1u8; 32]);
        for (who, role, when) in [
            (1, SignerRole::Chair, "2025-09-15T16:00:00+02:00"),
            (2, SignerRole::Adjuster, "2025-09-16T09:00:00+02:00"),
        ] {
            let time: DateTime<FixedOffset> = when.parse().unwrap();
            minutes
                .approve(
                    Approval {
                        signer: PersonId(who),
                        role,
                        time,
                        method: "Svensk e-legitimation".into(),
                        paragraphs: vec![],
                        recorded: None,
                    },
                    &key,
                    time,
                )
                .unwrap();
        }
        let late = late_approvals(&minutes);
        assert_eq!(late.len(), 1);
        assert_eq!(late[0].signer, PersonId(2));
    }

    /// Omedelbar justering: the § is posted on its own, on the day it goes up, once, with
    /// its own appeal period.
    #[test]
    fn a_paragraph_adjusted_at_the_meeting_is_posted_on_its_own() {
        let mut m = Meeting::planned(BodyId(1), d("2025-09-01"));
        m.start = Some("13:15".parse().unwrap());
        m.place = Some("Stadshuset".into());
        m.agenda = vec![item(1, "Yttrande"), item(2, "Information")];
        send_notice(&mut m, d("2025-08-20"), members(), 7).unwrap();
        mark_held(&mut m, d("2025-09-01")).unwrap();
        let mut minutes = draft_minutes(&mut m, attendance(), &ParagraphSeries::default()).unwrap();
        minutes
            .set_signers(
                None,
                Some(PersonId(1)),
                vec![PersonId(2)],
                Some("Kansliet".into()),
            )
            .unwrap();
        minutes
            .edit_paragraph(1, |p, _| {
                p.decision = Some(crate::minutes::Decision::Text {
                    text: "Nämnden antar yttrandet.".into(),
                });
                Ok(())
            })
            .unwrap();
        let today = d("2025-09-02");
        assert_eq!(
            post_paragraph(&mut m, &minutes, 1, today, "Kansliet", today).unwrap_err(),
            CycleError::ExtractNotAdjusted(1)
        );
        let key = ed25519_dalek::SigningKey::from_bytes(&[1u8; 32]);
        let time: DateTime<FixedOffset> = "2025-09-01T16:30:00+02:00".parse().unwrap();
        for (who, role) in [(1, SignerRole::Chair), (2, SignerRole::Adjuster)] {
            minutes
                .approve(
                    Approval {
                        signer: PersonId(who),
                        role,
                        time,
                        method: "Svensk e-legitimation".into(),
                        paragraphs: vec![1],
                        recorded: None,
                    },
                    &key,
                    time,
                )
                .unwrap();
        }
        assert!(matches!(
            post_paragraph(&mut m, &minutes, 1, d("2025-09-01"), "Kansliet", today),
            Err(CycleError::PostingNotToday { .. })
        ));
        post_paragraph(&mut m, &minutes, 1, today, "Kansliet", today).unwrap();
        let p = &m.paragraph_postings()[0];
        assert_eq!((p.number, p.posting.posted), (1, today));
        assert_eq!(p.posting.adjusted, Some(d("2025-09-01")));
        assert_eq!(p.posting.appeal_ends, Some(d("2025-09-23")));
        assert_eq!(
            post_paragraph(&mut m, &minutes, 1, today, "Kansliet", today).unwrap_err(),
            CycleError::ParagraphPostedAlready(1)
        );
        assert_eq!(
            post_paragraph(&mut m, &minutes, 2, today, "Kansliet", today).unwrap_err(),
            CycleError::ExtractNotAdjusted(2)
        );
    }

    #[test]
    fn posting_in_time_gives_no_warning() {
        let w = late_posting_warning(
            d("2025-09-01"),
            "2025-09-03T09:10:47+02:00".parse().unwrap(),
            d("2025-09-05"),
        )
        .unwrap();
        assert!(w.is_empty());
        // Justering later than 14 days after the meeting is named too.
        let w = late_posting_warning(
            d("2025-09-01"),
            "2025-09-20T09:00:00+02:00".parse().unwrap(),
            d("2025-09-22"),
        )
        .unwrap();
        assert_eq!(w.len(), 1);
        assert!(w[0].0.contains("KL 5 kap. 69 §"));
    }
}
