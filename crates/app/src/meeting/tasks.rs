//! Att göra: what is due in the meetings a user works with, and by which day the law says it
//! must be done — for the secretary every step of their bodies' meetings, for a chair or a
//! justerare the minutes they have still to approve.

use chrono::NaiveDate;
use paragraf_core::cycle::{self, Due};
use paragraf_core::ids::MeetingId;
use paragraf_core::meeting::MeetingState;
use serde::Serialize;

use crate::access::{may_read, SECRETARY};
use crate::accounts::User;
use crate::{DataDir, Result};

/// One thing due, in one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Task {
    /// The meeting.
    pub meeting: MeetingId,
    /// Its body's name.
    pub body: String,
    /// Its date.
    pub date: NaiveDate,
    /// What is due and by when.
    pub due: Due,
}

/// What is due for `user` at `today`, the earliest last day first.
pub fn tasks(dir: &DataDir, user: &User, today: NaiveDate) -> Result<Vec<Task>> {
    let secretary = SECRETARY.contains(&user.role);
    let mut out = Vec::new();
    for m in dir.store.meetings()? {
        if !may_read(user, Some(m.body)) || m.source.is_some() {
            continue;
        }
        let minutes = match m.state() {
            MeetingState::MinutesDrafted | MeetingState::Adjusted => dir.store.minutes(m.id)?,
            _ => None,
        };
        // A chair or justerare: only the minutes they have still to approve.
        let theirs = secretary
            || (m.state() == MeetingState::MinutesDrafted
                && minutes
                    .as_ref()
                    .zip(user.person)
                    .is_some_and(|(minutes, p)| minutes.awaits_approval_from(p)));
        if !theirs {
            continue;
        }
        let lead = dir.config().municipality.notice_days();
        if let Some(due) =
            cycle::due(&m, minutes.as_ref(), today, lead).map_err(crate::Error::rule)?
        {
            // The ordförande or a justerare asked for a change: the secretary's, by the same day.
            if secretary && m.change_requests().iter().any(|r| r.done.is_none()) {
                out.push(Task {
                    meeting: m.id,
                    body: dir.body_name(m.body),
                    date: m.date,
                    due: Due {
                        what: "Gör de ändringar som begärts i protokollet",
                        ..due.clone()
                    },
                });
            }
            out.push(Task {
                meeting: m.id,
                body: dir.body_name(m.body),
                date: m.date,
                due,
            });
        }
    }
    if secretary {
        out.extend(urgent_to_report(dir, user, today)?);
        out.extend(carried_over(dir, user, today)?);
    }
    out.sort_by_key(|t| (t.due.by, t.date));
    Ok(out)
}

/// Brådskande ordförandebeslut not yet anmälda: due at the next meeting of the body the
/// delegation lists go to (KL 6 kap. 39–40 §§).
fn urgent_to_report(dir: &DataDir, user: &User, today: NaiveDate) -> Result<Option<Task>> {
    let Some(body) = crate::delegation::lists_body(dir).map_err(crate::Error::from)? else {
        return Ok(None);
    };
    if !may_read(user, Some(body)) {
        return Ok(None);
    }
    let open = crate::delegation::unreported_urgent(dir, today).map_err(crate::Error::from)?;
    if open.is_empty() {
        return Ok(None);
    }
    let next = dir
        .store
        .meetings()?
        .into_iter()
        .filter(|m| m.body == body && m.source.is_none() && m.date >= today)
        .filter(|m| m.state() == MeetingState::Planned && m.cancelled().is_none())
        .min_by_key(|m| m.date);
    Ok(next.map(|m| Task {
        meeting: m.id,
        body: dir.body_name(m.body),
        date: m.date,
        due: Due {
            what: "Anmäl brådskande ordförandebeslut (delegationsrapporten)",
            by: m.date,
            rule: "KL 6 kap. 39–40 §§",
            late: false,
        },
    }))
}

/// Cases bordlagda or återremitterade at a meeting and not yet on a later meeting's agenda:
/// due at the body's next planned meeting.
fn carried_over(dir: &DataDir, user: &User, today: NaiveDate) -> Result<Vec<Task>> {
    let meetings = dir.store.meetings()?;
    let mut out = Vec::new();
    for m in meetings
        .iter()
        .filter(|m| m.source.is_none() && may_read(user, Some(m.body)))
    {
        if !matches!(
            m.state(),
            MeetingState::MinutesDrafted
                | MeetingState::Adjusted
                | MeetingState::Posted
                | MeetingState::AppealPeriodOver
        ) {
            continue;
        }
        let Some(minutes) = dir.store.minutes(m.id)? else {
            continue;
        };
        let waiting = minutes.carried_over().into_iter().any(|p| {
            !meetings.iter().any(|later| {
                later.body == m.body
                    && later.date > m.date
                    && later.agenda().iter().any(|i| i.case == p.case)
            })
        });
        if !waiting {
            continue;
        }
        let next = meetings
            .iter()
            .filter(|n| n.body == m.body && n.source.is_none() && n.date >= today)
            .filter(|n| n.state() == MeetingState::Planned && n.cancelled().is_none())
            .min_by_key(|n| n.date);
        if let Some(n) = next {
            out.push(Task {
                meeting: n.id,
                body: dir.body_name(n.body),
                date: n.date,
                due: Due {
                    what: "Ta upp bordlagda eller återremitterade ärenden",
                    by: n.date,
                    rule: "bordläggning och återremiss",
                    late: false,
                },
            });
        }
    }
    out.dedup_by_key(|t| t.meeting);
    Ok(out)
}
