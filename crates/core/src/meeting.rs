//! Sammanträde: a meeting of a body, its hålltider, its föredragningslista and who attended.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime};
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::cycle::CycleError;

use crate::ids::{BodyId, CaseId, PersonId};
use crate::org::{Membership, MembershipRole, PresidiumPosition};
use crate::registry::Secrecy;

/// The state of a meeting in its cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingState {
    /// Planerat: on the calendar.
    Planned,
    /// Kallat: the notice has gone out.
    Notified,
    /// Genomfört: the meeting has been held.
    Held,
    /// Protokoll upprättat: the minutes are drafted.
    MinutesDrafted,
    /// Justerat: the minutes are approved and sealed.
    Adjusted,
    /// Anslaget: the justering is announced on the anslagstavla.
    Posted,
    /// Överklagandetiden har gått ut.
    AppealPeriodOver,
}

impl MeetingState {
    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            MeetingState::Planned => "planerat",
            MeetingState::Notified => "kallat",
            MeetingState::Held => "genomfört",
            MeetingState::MinutesDrafted => "protokoll upprättat",
            MeetingState::Adjusted => "justerat",
            MeetingState::Posted => "anslaget",
            MeetingState::AppealPeriodOver => "överklagandetiden ute",
        }
    }
}

/// Hålltid: a time slot of the meeting with a topic and who presents it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleSlot {
    /// Start.
    pub start: NaiveTime,
    /// End, when given.
    pub end: Option<NaiveTime>,
    /// What is presented.
    pub topic: String,
    /// Föredragande.
    pub presenters: Vec<String>,
    /// Offentlig: a person has said the slot may stand in the public kallelse (a topic can
    /// name a secret matter; until then only the time is shown).
    #[serde(default)]
    pub public: bool,
}

/// Punkt på föredragningslistan: an item of the agenda, usually linked to a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// Position on the list, from 1.
    pub position: u32,
    /// Title.
    pub title: String,
    /// The case, when registered.
    pub case: Option<CaseId>,
    /// The diarienummer as written, when the case is not in this registry.
    pub case_number: Option<String>,
    /// Föredragande.
    pub presenter: Option<String>,
    /// Sekretess: an individual case is handled behind closed doors.
    pub secrecy: Secrecy,
    /// Beslutsförslag: the administration's text and proposed decision, copied into the §
    /// when the minutes are drafted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<ItemDraft>,
    /// Handlingar: the handlingsnummer of the case's handlingar that go out with the item,
    /// in the order they are read; `None` until chosen (then every handling of the case, in
    /// the registry's order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<Vec<u32>>,
}

/// Förslag till paragraf: what a tjänsteskrivelse puts before the body for one item —
/// the description, the proposed decision, the beslutsunderlag, who the decision goes to
/// and any tables (the statistics of a report).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ItemDraft {
    /// Beskrivning av ärendet.
    pub text: String,
    /// Förslag till beslut.
    pub proposal: Option<crate::minutes::Decision>,
    /// Beslutsunderlag.
    pub documents: Vec<String>,
    /// Beslutet skickas till.
    pub dispatch: Vec<String>,
    /// Tables of figures (without anything that identifies a person).
    pub tables: Vec<crate::minutes::Table>,
}

/// Sammanträde: a meeting of a body. Date, time, place and source are plain data; the
/// state, the föredragningslista, the hålltider and the anslag change only through methods
/// (and the steps of [`crate::cycle`]) that check the state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// The body that meets.
    pub body: BodyId,
    /// Date.
    pub date: NaiveDate,
    /// Start time.
    pub start: Option<NaiveTime>,
    /// End time.
    pub end: Option<NaiveTime>,
    /// Place, such as "Sammanträdesrummet, stadshuset".
    pub place: Option<String>,
    /// Where the meeting came from: planned here or imported from a published protocol.
    pub source: Option<String>,
    /// State in the cycle.
    pub(crate) state: MeetingState,
    /// Hålltider.
    pub(crate) schedule: Vec<ScheduleSlot>,
    /// Föredragningslista.
    pub(crate) agenda: Vec<AgendaItem>,
    /// Anslag: the posting of the adjusted minutes on the anslagstavla (stored under its
    /// old name "notice").
    #[serde(rename = "notice")]
    pub(crate) posting: Option<Posting>,
    /// Kallelse: when it went out and to whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) summons: Option<Summons>,
    /// Anslag of §§ justerade at the meeting (omedelbar justering), each with its own dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) paragraph_postings: Vec<ParagraphPosting>,
    /// Inställt: the meeting was called off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) cancelled: Option<Cancellation>,
    /// Tilläggsärenden: the items put on the föredragningslista after the kallelse.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) supplements: Vec<Supplement>,
    /// Begärda ändringar: what the ordförande or a justerare asked the secretary to change in
    /// the minutes before approving them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) change_requests: Vec<ChangeRequest>,
    /// Inkallade ersättare: the ersättare the secretary has called in to serve, who read
    /// the ledamöter's copy of the handlingar (secret ones too).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) called_in: Vec<PersonId>,
}

/// Inställt sammanträde: when and why; a meeting called off after its kallelse went out is
/// announced on the anslagstavla until its day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cancellation {
    /// The day it was called off.
    pub on: NaiveDate,
    /// Why, as those called are told.
    pub reason: String,
    /// Whether the kallelse had gone out (then the public is told as well).
    pub after_notice: bool,
}

/// Tilläggsärende: an item put on the föredragningslista after the kallelse went out, sent
/// to those called as a tilläggskallelse; the nämnd decides at the meeting whether to take
/// it up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supplement {
    /// Its position on the föredragningslista.
    pub position: u32,
    /// The day it was added.
    pub added: NaiveDate,
}

/// Begäran om ändring: the ordförande or a justerare returns the minutes to the secretary
/// with a comment instead of approving them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRequest {
    /// Who asked.
    pub by: PersonId,
    /// When.
    pub at: chrono::DateTime<chrono::FixedOffset>,
    /// What should change.
    pub comment: String,
    /// When the secretary marked it as done.
    pub done: Option<chrono::DateTime<chrono::FixedOffset>>,
}

/// The anslag of one omedelbart justerad §: its appeal period runs from its own anslag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphPosting {
    /// The §.
    pub number: u32,
    /// Its anslag.
    pub posting: Posting,
}

/// Kallelse: the day it was sent and its recipients (the ledamöter and ersättare in force on
/// the meeting day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summons {
    /// Sent on.
    pub sent: NaiveDate,
    /// To whom.
    pub recipients: Vec<PersonId>,
}

/// Anslag: the posting on the anslagstavla that the minutes are adjusted (KL 8 kap. 12 §).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    /// Datum då anslaget sätts upp.
    pub posted: NaiveDate,
    /// Datum då anslaget tas ned (the first day it may come down, or the day it did).
    pub removed: Option<NaiveDate>,
    /// Förvaringsplats för protokollet.
    pub storage: String,
    /// Sista dag för överklagande (KL 13 kap. 5 §).
    pub appeal_ends: Option<NaiveDate>,
    /// Dag för justering, as the anslag states it.
    pub adjusted: Option<NaiveDate>,
}

impl Posting {
    /// Whether the anslag is up on the board on `today`: posted, not taken down, and the
    /// appeal period not over (KL 8 kap. 12 §, 13 kap. 5 §).
    pub fn is_up(&self, today: NaiveDate) -> bool {
        self.posted <= today
            && self.removed.is_none_or(|r| today < r)
            && self.appeal_ends.is_none_or(|e| today <= e)
    }
}

impl Meeting {
    /// A planned meeting.
    pub fn planned(body: BodyId, date: NaiveDate) -> Meeting {
        Meeting {
            body,
            date,
            start: None,
            end: None,
            place: None,
            state: MeetingState::Planned,
            schedule: Vec::new(),
            agenda: Vec::new(),
            source: None,
            posting: None,
            summons: None,
            paragraph_postings: Vec::new(),
            cancelled: None,
            supplements: Vec::new(),
            change_requests: Vec::new(),
            called_in: Vec::new(),
        }
    }

    /// A meeting read from a published protocol (`source`) with its `minutes`: drafted,
    /// justerat when the minutes are sealed, and posted when the anslag is known too (an
    /// anslag of minutes that are not sealed is refused).
    pub fn imported(
        body: BodyId,
        date: NaiveDate,
        source: &str,
        agenda: Vec<AgendaItem>,
        minutes: &crate::minutes::Minutes,
        posting: Option<Posting>,
    ) -> Result<Meeting, CycleError> {
        let mut m = Meeting::planned(body, date);
        m.source = Some(source.to_string());
        m.agenda = agenda
            .into_iter()
            .enumerate()
            .map(|(i, item)| AgendaItem {
                position: i as u32 + 1,
                ..item
            })
            .collect();
        m.state = match (minutes.is_sealed(), &posting) {
            (false, None) => MeetingState::MinutesDrafted,
            (false, Some(_)) => return Err(CycleError::NotAdjusted),
            (true, None) => MeetingState::Adjusted,
            (true, Some(_)) => MeetingState::Posted,
        };
        m.posting = posting;
        Ok(m)
    }

    /// State in the cycle.
    pub fn state(&self) -> MeetingState {
        self.state
    }

    /// Hålltider, by start time.
    pub fn schedule(&self) -> &[ScheduleSlot] {
        &self.schedule
    }

    /// Föredragningslista.
    pub fn agenda(&self) -> &[AgendaItem] {
        &self.agenda
    }

    /// The anslag of §§ justerade at the meeting.
    pub fn paragraph_postings(&self) -> &[ParagraphPosting] {
        &self.paragraph_postings
    }

    /// Inställt: when and why, once called off.
    pub fn cancelled(&self) -> Option<&Cancellation> {
        self.cancelled.as_ref()
    }

    /// The notice of the cancellation that stands on the anslagstavla on `today`: a meeting
    /// called off after its kallelse went out, until its day.
    pub fn cancellation_on_board(&self, today: NaiveDate) -> Option<&Cancellation> {
        self.cancelled
            .as_ref()
            .filter(|c| c.after_notice && c.on <= today && today <= self.date)
    }

    /// The tilläggsärenden.
    pub fn supplements(&self) -> &[Supplement] {
        &self.supplements
    }

    /// The day item `position` was added after the kallelse, for a tilläggsärende.
    pub fn supplement_of(&self, position: u32) -> Option<NaiveDate> {
        self.supplements
            .iter()
            .find(|s| s.position == position)
            .map(|s| s.added)
    }

    /// The changes asked for in the minutes, oldest first.
    pub fn change_requests(&self) -> &[ChangeRequest] {
        &self.change_requests
    }

    /// Kallelse, once sent.
    pub fn summons(&self) -> Option<&Summons> {
        self.summons.as_ref()
    }

    /// Anslag, once the minutes are posted.
    pub fn posting(&self) -> Option<&Posting> {
        self.posting.as_ref()
    }

    /// The meeting as the public sees it: personnummer in the place and the förvaringsplats
    /// masked.
    pub fn masked(&self) -> Meeting {
        use crate::secrecy::mask_personal_numbers;
        let mut m = self.clone();
        m.place = m.place.map(|p| mask_personal_numbers(&p).into_owned());
        if let Some(p) = &mut m.posting {
            p.storage = mask_personal_numbers(&p.storage).into_owned();
        }
        m
    }

    /// The kallelse has gone out: from then on the handlingar of the meeting are public
    /// (what is not secret) and its agenda is fixed.
    pub fn notice_sent(&self) -> bool {
        self.state != MeetingState::Planned
    }

    /// The föredragningslista and the hålltider change only until the kallelse has gone out.
    pub fn agenda_open(&self) -> Result<(), CycleError> {
        if let Some(c) = &self.cancelled {
            return Err(CycleError::Cancelled(c.on));
        }
        if self.state == MeetingState::Planned {
            Ok(())
        } else {
            Err(CycleError::AgendaClosed {
                state: self.state.swedish(),
            })
        }
    }

    /// Puts `item` last on the föredragningslista (its position is set here); a case already
    /// on the list is not added twice.
    pub fn add_agenda_item(&mut self, item: AgendaItem) -> Result<&AgendaItem, CycleError> {
        self.agenda_open()?;
        if item.case.is_some() && self.agenda.iter().any(|i| i.case == item.case) {
            return Err(CycleError::CaseOnAgendaTwice(
                item.case_number
                    .clone()
                    .unwrap_or_else(|| item.title.clone()),
            ));
        }
        let position = self.agenda.len() as u32 + 1;
        self.agenda.push(AgendaItem { position, ..item });
        Ok(self.agenda.last().expect("just pushed"))
    }

    /// Moves the item at `from` to `to` (positions from 1) while the föredragningslista is
    /// open; the others close up.
    pub fn move_agenda_item(&mut self, from: u32, to: u32) -> Result<(), CycleError> {
        self.agenda_open()?;
        let n = self.agenda.len() as u32;
        if from == 0 || from > n || to == 0 || to > n {
            return Err(CycleError::NoSuchItem(from.max(to)));
        }
        let item = self.agenda.remove(from as usize - 1);
        self.agenda.insert(to as usize - 1, item);
        for (i, item) in self.agenda.iter_mut().enumerate() {
            item.position = i as u32 + 1;
        }
        Ok(())
    }

    /// Gives the item of `case` the draft § `draft` (an approved tjänsteskrivelse's) while
    /// the föredragningslista is open.
    pub fn set_item_draft(&mut self, case: CaseId, draft: ItemDraft) -> Result<(), CycleError> {
        self.agenda_open()?;
        for item in self.agenda.iter_mut().filter(|i| i.case == Some(case)) {
            item.draft = Some(draft.clone());
        }
        Ok(())
    }

    /// The ersättare called in to serve: only those the kallelse in force went to.
    pub fn called_in(&self) -> Vec<PersonId> {
        let Some(s) = &self.summons else {
            return Vec::new();
        };
        self.called_in
            .iter()
            .copied()
            .filter(|p| s.recipients.contains(p))
            .collect()
    }

    /// Kallar in an ersättare to serve (or, with `serve` false, takes the call back): one
    /// of those the kallelse went to, after it went out and before the meeting is held.
    pub fn call_in(&mut self, person: PersonId, serve: bool) -> Result<(), CycleError> {
        if let Some(c) = &self.cancelled {
            return Err(CycleError::Cancelled(c.on));
        }
        // Taking a call back is always allowed; a call only while the meeting is kallat,
        // of one the kallelse went to.
        self.called_in.retain(|p| *p != person);
        if !serve {
            return Ok(());
        }
        if self.state != MeetingState::Notified {
            return Err(CycleError::NotCalled);
        }
        if !self
            .summons
            .as_ref()
            .is_some_and(|s| s.recipients.contains(&person))
        {
            return Err(CycleError::NotSummoned);
        }
        self.called_in.push(person);
        Ok(())
    }

    /// Chooses the handlingar that go out with the item at `position` (a case's item), in
    /// order, while the föredragningslista is open; a number given twice counts once.
    pub fn choose_item_documents(
        &mut self,
        position: u32,
        documents: Vec<u32>,
    ) -> Result<(), CycleError> {
        self.agenda_open()?;
        let item = self
            .agenda
            .iter_mut()
            .find(|i| i.position == position)
            .ok_or(CycleError::NoSuchItem(position))?;
        if item.case.is_none() {
            return Err(CycleError::NoCaseOnItem(position));
        }
        let mut chosen = Vec::with_capacity(documents.len());
        for d in documents {
            if !chosen.contains(&d) {
                chosen.push(d);
            }
        }
        item.documents = Some(chosen);
        Ok(())
    }

    /// Changes the date, time or place of a meeting not yet notified (after the kallelse,
    /// a new kallelse would be needed; that is not modelled).
    pub fn reschedule(
        &mut self,
        date: NaiveDate,
        start: Option<NaiveTime>,
        end: Option<NaiveTime>,
        place: Option<String>,
    ) -> Result<(), CycleError> {
        if let Some(c) = &self.cancelled {
            return Err(CycleError::Cancelled(c.on));
        }
        if self.state != MeetingState::Planned {
            return Err(CycleError::WrongState {
                state: self.state.swedish(),
                action: "ändras (det är redan kallat; återkalla kallelsen först)",
            });
        }
        if let (Some(s), Some(e)) = (start, end) {
            if e <= s {
                return Err(CycleError::SlotEndsBeforeStart);
            }
        }
        self.date = date;
        self.start = start;
        self.end = end;
        self.place = place
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty());
        Ok(())
    }

    /// Adds a hålltid: it has a subject and does not end before it begins.
    pub fn add_schedule_slot(&mut self, slot: ScheduleSlot) -> Result<(), CycleError> {
        if slot.topic.trim().is_empty() {
            return Err(CycleError::SlotWithoutTopic);
        }
        if slot.end.is_some_and(|e| e <= slot.start) {
            return Err(CycleError::SlotEndsBeforeStart);
        }
        self.agenda_open()?;
        self.schedule.push(slot);
        self.schedule.sort_by_key(|s| s.start);
        Ok(())
    }
}

/// Errors in attendance.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttendanceError {
    /// A paragraph reference that cannot be read.
    #[error(
        "”{0}” går inte att läsa som paragrafer (t.ex. ”§§ 100-113”, ”ej § 13”, ”del av § 159”)"
    )]
    BadParagraphs(String),
    /// Someone listed twice.
    #[error("person {0} står två gånger i närvarolistan")]
    Duplicate(PersonId),
    /// Listed as beslutande ledamot without being a ledamot of the body.
    #[error("person {0} är inte ledamot i organet den dagen och kan inte vara beslutande ledamot")]
    NotAMember(PersonId),
    /// Listed as ersättare without being an ersättare of the body.
    #[error("person {0} är inte ersättare i organet den dagen")]
    NotASubstitute(PersonId),
    /// A serving substitute for someone who is not a ledamot of the same body.
    #[error("person {substitute} tjänstgör för person {replaced}, som inte är ledamot i samma organ den dagen")]
    ReplacedNotAMember {
        /// The ersättare.
        substitute: PersonId,
        /// Whom they serve for.
        replaced: PersonId,
    },
    /// A serving substitute for a ledamot who is present and deciding for the same §.
    #[error("person {substitute} tjänstgör för person {replaced}, men {replaced} är själv beslutande för samma paragrafer")]
    ReplacedIsPresent {
        /// The ersättare.
        substitute: PersonId,
        /// Whom they serve for.
        replaced: PersonId,
    },
    /// Two substitutes serving for the same ledamot for the same §.
    #[error("två ersättare tjänstgör för person {0} vid samma paragrafer")]
    ReplacedTwice(PersonId),
    /// An ersättare serving while one before them in the ersättarordning sat by.
    #[error("person {substitute} tjänstgör för person {replaced}, men person {before} står före i ersättarordningen och var närvarande utan att tjänstgöra (KL 6 kap. 16–17 §§)")]
    OutOfOrder {
        /// The ersättare who served.
        substitute: PersonId,
        /// Whom they served for.
        replaced: PersonId,
        /// Who should have entered first.
        before: PersonId,
    },
}

/// Närvaro per paragraf: for which §§ someone was present, as the minutes write it
/// ("§§ 100-113", "§ 116", "ej § 13", "del av § 159"). No restriction means the whole meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    /// Present only for these ranges; empty means every §.
    pub only: Vec<(u32, u32)>,
    /// Not present for these ranges ("ej § 13").
    pub except: Vec<(u32, u32)>,
    /// Present for part of these §§ ("del av § 159").
    pub partly: Vec<u32>,
    /// The text as written, when read from a document.
    pub written: Option<String>,
}

static PRESENCE_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(ej|ej närvarande|inte|del av)?\s*§{1,2}\s*(\d+)(?:\s*[-–]\s*§?\s*(\d+))?$")
        .expect("regex")
});

impl Presence {
    /// The whole meeting.
    pub fn whole_meeting() -> Presence {
        Presence::default()
    }

    /// Reads a presence text such as "§§ 100-113", "§ 2-6, § 9", "ej § 13", "del av § 159".
    pub fn parse(text: &str) -> Result<Presence, AttendanceError> {
        let bad = || AttendanceError::BadParagraphs(text.to_string());
        let mut p = Presence {
            written: Some(text.trim().to_string()),
            ..Presence::default()
        };
        let parts: Vec<&str> = text
            .split([',', ';'])
            .flat_map(|s| s.split(" och "))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if parts.is_empty() {
            return Err(bad());
        }
        for part in parts {
            let c = PRESENCE_PART.captures(part).ok_or_else(bad)?;
            let from: u32 = c[2].parse().map_err(|_| bad())?;
            let to: u32 = match c.get(3) {
                Some(m) => m.as_str().parse().map_err(|_| bad())?,
                None => from,
            };
            if to < from {
                return Err(bad());
            }
            match c.get(1).map(|m| m.as_str().to_lowercase()) {
                Some(k) if k == "del av" => {
                    if to != from {
                        return Err(bad());
                    }
                    p.partly.push(from);
                    p.only.push((from, from));
                }
                Some(_) => p.except.push((from, to)),
                None => p.only.push((from, to)),
            }
        }
        Ok(p)
    }

    /// Whether the person was present (at least partly) for § `n`.
    pub fn covers(&self, n: u32) -> bool {
        let inside = |r: &(u32, u32)| r.0 <= n && n <= r.1;
        (self.only.is_empty() || self.only.iter().any(inside)) && !self.except.iter().any(inside)
    }

    /// Whether two presences share a §.
    pub fn overlaps(&self, other: &Presence) -> bool {
        // § numbers are below 10 000 a year; walking them is exact and cheap.
        let bounds = |p: &Presence| {
            if p.only.is_empty() {
                (1, 9_999)
            } else {
                let lo = p.only.iter().map(|r| r.0).min().unwrap_or(1);
                let hi = p.only.iter().map(|r| r.1).max().unwrap_or(9_999);
                (lo, hi)
            }
        };
        let (a_lo, a_hi) = bounds(self);
        let (b_lo, b_hi) = bounds(other);
        (a_lo.max(b_lo)..=a_hi.min(b_hi)).any(|n| self.covers(n) && other.covers(n))
    }
}

/// How someone attended a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AttendanceRole {
    /// Beslutande ledamot.
    Member,
    /// Tjänstgörande ersättare: serves, and decides, for an absent ledamot.
    ServingSubstitute {
        /// The absent ledamot.
        replaces: PersonId,
    },
    /// Ej tjänstgörande ersättare: present, without the right to decide.
    Substitute,
    /// Övrig närvarande: officials, guests.
    Other {
        /// Title, such as "socialchef".
        title: Option<String>,
    },
}

impl AttendanceRole {
    /// Whether this attendee decides (is beslutande).
    pub fn decides(&self) -> bool {
        matches!(
            self,
            AttendanceRole::Member | AttendanceRole::ServingSubstitute { .. }
        )
    }
}

/// One line of the närvarolista.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    /// Who.
    pub person: PersonId,
    /// How they attended.
    pub role: AttendanceRole,
    /// Position at the meeting (ordförande, vice ordförande).
    pub position: Option<PresidiumPosition>,
    /// Party as written in the minutes.
    pub party: Option<String>,
    /// For which §§.
    pub presence: Presence,
}

impl Attendee {
    /// Present for the whole meeting, without position or party.
    pub fn whole_meeting(person: PersonId, role: AttendanceRole) -> Attendee {
        Attendee {
            person,
            role,
            position: None,
            party: None,
            presence: Presence::whole_meeting(),
        }
    }
}

/// Närvarolista: who attended and how, checked against the body's memberships.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Attendance {
    attendees: Vec<Attendee>,
    /// Antal ledamöter: the body's seats on the meeting day, from the register, for the
    /// quorum (KL 6 kap. 27 §). Unknown for lists stored before it was counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    seats: Option<u32>,
}

impl Attendance {
    /// Checks the list against the memberships of `body` on `date`:
    /// a beslutande ledamot is a ledamot of the body; a tjänstgörande ersättare is an
    /// ersättare of the body and replaces a ledamot of the same body who is not deciding
    /// for the same §§; nobody is listed twice.
    pub fn new(
        body: BodyId,
        date: NaiveDate,
        memberships: &[Membership],
        attendees: Vec<Attendee>,
    ) -> Result<Attendance, AttendanceError> {
        let holds = |person: PersonId, role: MembershipRole| {
            memberships.iter().any(|m| {
                m.person == person && m.body == body && m.role == role && m.active_on(date)
            })
        };
        let mut seen = HashSet::new();
        for a in &attendees {
            if !seen.insert(a.person) {
                return Err(AttendanceError::Duplicate(a.person));
            }
            match &a.role {
                AttendanceRole::Member if !holds(a.person, MembershipRole::Member) => {
                    return Err(AttendanceError::NotAMember(a.person));
                }
                AttendanceRole::Substitute if !holds(a.person, MembershipRole::Substitute) => {
                    return Err(AttendanceError::NotASubstitute(a.person));
                }
                AttendanceRole::ServingSubstitute { replaces } => {
                    if !holds(a.person, MembershipRole::Substitute) {
                        return Err(AttendanceError::NotASubstitute(a.person));
                    }
                    if !holds(*replaces, MembershipRole::Member) {
                        return Err(AttendanceError::ReplacedNotAMember {
                            substitute: a.person,
                            replaced: *replaces,
                        });
                    }
                    let replaced_present = attendees.iter().any(|b| {
                        b.person == *replaces
                            && b.role.decides()
                            && b.presence.overlaps(&a.presence)
                    });
                    if replaced_present {
                        return Err(AttendanceError::ReplacedIsPresent {
                            substitute: a.person,
                            replaced: *replaces,
                        });
                    }
                    let twice = attendees.iter().any(|b| {
                        b.person != a.person && b.role == a.role && b.presence.overlaps(&a.presence)
                    });
                    if twice {
                        return Err(AttendanceError::ReplacedTwice(*replaces));
                    }
                }
                _ => {}
            }
        }
        let mut members: Vec<PersonId> = memberships
            .iter()
            .filter(|m| m.body == body && m.role == MembershipRole::Member && m.active_on(date))
            .map(|m| m.person)
            .collect();
        members.sort_unstable();
        members.dedup();
        Ok(Attendance {
            attendees,
            seats: Some(members.len() as u32),
        })
    }

    /// Checks the tjänstgörande ersättare against the ersättarordning in force: nobody
    /// serves while an ersättare before them for that ledamot (their own party first, when
    /// the order says so) was present without serving for the same §§. `memberships` give
    /// the parties.
    pub fn check_substitute_order(
        &self,
        order: &crate::org::SubstituteOrder,
        memberships: &[Membership],
    ) -> Result<(), AttendanceError> {
        let party_of = |p: PersonId| {
            memberships
                .iter()
                .find(|m| m.person == p && m.body == order.body)
                .and_then(|m| m.party.clone())
        };
        for a in &self.attendees {
            let AttendanceRole::ServingSubstitute { replaces } = a.role else {
                continue;
            };
            let party = party_of(replaces);
            let mine = order.rank(a.person, party.as_deref(), party_of);
            let idle_before = self.attendees.iter().find(|b| {
                b.role == AttendanceRole::Substitute
                    && b.presence.overlaps(&a.presence)
                    && order.rank(b.person, party.as_deref(), party_of) < mine
            });
            if let Some(b) = idle_before {
                return Err(AttendanceError::OutOfOrder {
                    substitute: a.person,
                    replaced: replaces,
                    before: b.person,
                });
            }
        }
        Ok(())
    }

    /// Antal ledamöter on the meeting day (KL 6 kap. 27 §), when counted.
    pub fn seats(&self) -> Option<u32> {
        self.seats
    }

    /// An empty list (a meeting not yet held).
    pub fn empty() -> Attendance {
        Attendance::default()
    }

    /// Every attendee.
    pub fn attendees(&self) -> &[Attendee] {
        &self.attendees
    }

    /// The beslutande for § `n`: ledamöter and tjänstgörande ersättare present for it.
    pub fn deciding_for(&self, n: u32) -> Vec<PersonId> {
        self.attendees
            .iter()
            .filter(|a| a.role.decides() && a.presence.covers(n))
            .map(|a| a.person)
            .collect()
    }

    /// The attendee entry of `person`.
    pub fn get(&self, person: PersonId) -> Option<&Attendee> {
        self.attendees.iter().find(|a| a.person == person)
    }
}

/// Stored attendance is read back without its memberships; the store checks it on write.
impl<'de> Deserialize<'de> for Attendance {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            attendees: Vec<Attendee>,
            #[serde(default)]
            seats: Option<u32>,
        }
        let raw = Raw::deserialize(d)?;
        let mut seen = HashSet::new();
        if let Some(dup) = raw.attendees.iter().find(|a| !seen.insert(a.person)) {
            return Err(serde::de::Error::custom(AttendanceError::Duplicate(
                dup.person,
            )));
        }
        Ok(Attendance {
            attendees: raw.attendees,
            seats: raw.seats,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::MembershipRole::{Member, Substitute};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn item(title: &str) -> AgendaItem {
        AgendaItem {
            position: 99,
            title: title.into(),
            case: None,
            case_number: None,
            presenter: None,
            secrecy: Secrecy::Public,
            draft: None,
            documents: None,
        }
    }

    #[test]
    fn the_agenda_and_the_schedule_change_only_until_the_notice_goes_out() {
        let mut m = Meeting::planned(BodyId(1), d("2025-09-01"));
        assert!(!m.notice_sent());
        assert_eq!(m.add_agenda_item(item("Första")).unwrap().position, 1);
        assert_eq!(m.add_agenda_item(item("Andra")).unwrap().position, 2);
        let slot = |start: &str, end: Option<&str>, topic: &str| ScheduleSlot {
            start: start.parse().unwrap(),
            end: end.map(|e| e.parse().unwrap()),
            topic: topic.into(),
            presenters: vec![],
            public: false,
        };
        assert_eq!(
            m.add_schedule_slot(slot("14:00", Some("13:00"), "Bakåt")),
            Err(CycleError::SlotEndsBeforeStart)
        );
        assert_eq!(
            m.add_schedule_slot(slot("14:00", None, " ")),
            Err(CycleError::SlotWithoutTopic)
        );
        m.add_schedule_slot(slot("15:00", None, "Senare")).unwrap();
        m.add_schedule_slot(slot("13:15", None, "Tidigare"))
            .unwrap();
        assert_eq!(m.schedule()[0].topic, "Tidigare", "kept by start time");

        m.start = Some("13:15".parse().unwrap());
        m.place = Some("Stadshuset".into());
        crate::cycle::send_notice(&mut m, d("2025-08-20"), vec![PersonId(1)], 7).unwrap();
        assert!(m.notice_sent());
        assert_eq!(m.state(), MeetingState::Notified);
        let closed = m.add_agenda_item(item("För sent")).unwrap_err();
        assert!(closed.to_string().contains("kallat"), "{closed}");
        assert!(m
            .add_schedule_slot(slot("16:00", None, "För sent"))
            .is_err());
        assert_eq!(m.agenda().len(), 2);
        assert_eq!(m.schedule().len(), 2);
    }

    #[test]
    fn an_imported_meeting_is_posted_only_with_sealed_minutes() {
        let minutes = crate::minutes::Minutes::new(
            BodyId(1),
            d("2025-09-01"),
            Attendance::empty(),
            vec![crate::minutes::Paragraph::new(114, "Ärende").unwrap()],
            None,
        )
        .unwrap();
        let posting = Posting {
            posted: d("2025-09-08"),
            removed: None,
            storage: "Arkivet".into(),
            appeal_ends: None,
            adjusted: None,
        };
        let m = Meeting::imported(
            BodyId(1),
            d("2025-09-01"),
            "import: seed",
            vec![item("Ärende")],
            &minutes,
            None,
        )
        .unwrap();
        assert_eq!(m.state(), MeetingState::MinutesDrafted);
        assert_eq!(m.agenda()[0].position, 1);
        assert_eq!(
            Meeting::imported(
                BodyId(1),
                d("2025-09-01"),
                "import: seed",
                vec![],
                &minutes,
                Some(posting),
            ),
            Err(CycleError::NotAdjusted)
        );
    }

    fn seat(person: i64, role: MembershipRole) -> Membership {
        Membership::new(
            PersonId(person),
            BodyId(1),
            role,
            None,
            Some("S"),
            None,
            d("2023-01-01"),
            None,
        )
        .unwrap()
    }

    fn attendee(person: i64, role: AttendanceRole, presence: &str) -> Attendee {
        Attendee {
            person: PersonId(person),
            role,
            position: None,
            party: Some("S".into()),
            presence: if presence.is_empty() {
                Presence::whole_meeting()
            } else {
                Presence::parse(presence).unwrap()
            },
        }
    }

    #[test]
    fn presence_reads_what_the_seeds_write() {
        let p = Presence::parse("§§ 100-113").unwrap();
        assert!(p.covers(100) && p.covers(113) && !p.covers(114));
        let p = Presence::parse("§ 2-6").unwrap();
        assert!(p.covers(4) && !p.covers(7));
        let p = Presence::parse("ej § 13").unwrap();
        assert!(p.covers(12) && !p.covers(13) && p.covers(14));
        let p = Presence::parse("del av § 159").unwrap();
        assert!(p.covers(159) && !p.covers(160) && p.partly == vec![159]);
        let p = Presence::parse("§ 116, §§ 118–119").unwrap();
        assert!(p.covers(116) && !p.covers(117) && p.covers(119));
        assert!(Presence::parse("paragraf tretton").is_err());
        assert!(Presence::parse("§§ 9-3").is_err());
        assert!(Presence::parse("").is_err());
    }

    /// Seed 004: "Sven-Erik Källman (S), tjänstgörande ersättare för Rafal Abdelqader (S)".
    #[test]
    fn a_serving_substitute_replaces_an_absent_member_of_the_same_body() {
        let seats = vec![
            seat(1, Member),
            seat(2, Member),
            seat(3, Substitute),
            seat(4, Substitute),
        ];
        let ok = Attendance::new(
            BodyId(1),
            d("2024-01-29"),
            &seats,
            vec![
                attendee(1, AttendanceRole::Member, ""),
                attendee(
                    3,
                    AttendanceRole::ServingSubstitute {
                        replaces: PersonId(2),
                    },
                    "",
                ),
                attendee(4, AttendanceRole::Substitute, ""),
            ],
        )
        .unwrap();
        assert_eq!(ok.deciding_for(5), vec![PersonId(1), PersonId(3)]);

        // The replaced ledamot is present himself.
        let err = Attendance::new(
            BodyId(1),
            d("2024-01-29"),
            &seats,
            vec![
                attendee(2, AttendanceRole::Member, ""),
                attendee(
                    3,
                    AttendanceRole::ServingSubstitute {
                        replaces: PersonId(2),
                    },
                    "",
                ),
            ],
        )
        .unwrap_err();
        assert!(
            matches!(err, AttendanceError::ReplacedIsPresent { .. }),
            "{err}"
        );

        // … but he may leave after § 5 and be replaced from § 6.
        Attendance::new(
            BodyId(1),
            d("2024-01-29"),
            &seats,
            vec![
                attendee(2, AttendanceRole::Member, "§§ 1-5"),
                attendee(
                    3,
                    AttendanceRole::ServingSubstitute {
                        replaces: PersonId(2),
                    },
                    "§§ 6-19",
                ),
            ],
        )
        .unwrap();

        // Replacing someone who is an ersättare, or in another body.
        let other_body = Membership::new(
            PersonId(9),
            BodyId(2),
            Member,
            None,
            None,
            None,
            d("2023-01-01"),
            None,
        )
        .unwrap();
        let mut seats2 = seats.clone();
        seats2.push(other_body);
        for replaced in [4, 9] {
            let err = Attendance::new(
                BodyId(1),
                d("2024-01-29"),
                &seats2,
                vec![attendee(
                    3,
                    AttendanceRole::ServingSubstitute {
                        replaces: PersonId(replaced),
                    },
                    "",
                )],
            )
            .unwrap_err();
            assert!(
                matches!(err, AttendanceError::ReplacedNotAMember { .. }),
                "{err}"
            );
        }

        // A ledamot cannot serve as ersättare, an ersättare cannot decide as ledamot.
        let err = Attendance::new(
            BodyId(1),
            d("2024-01-29"),
            &seats,
            vec![attendee(3, AttendanceRole::Member, "")],
        )
        .unwrap_err();
        assert_eq!(err, AttendanceError::NotAMember(PersonId(3)));
        let err = Attendance::new(
            BodyId(1),
            d("2024-01-29"),
            &seats,
            vec![attendee(
                1,
                AttendanceRole::ServingSubstitute {
                    replaces: PersonId(2),
                },
                "",
            )],
        )
        .unwrap_err();
        assert_eq!(err, AttendanceError::NotASubstitute(PersonId(1)));

        // Two ersättare for one ledamot.
        let err = Attendance::new(
            BodyId(1),
            d("2024-01-29"),
            &seats,
            vec![
                attendee(
                    3,
                    AttendanceRole::ServingSubstitute {
                        replaces: PersonId(2),
                    },
                    "",
                ),
                attendee(
                    4,
                    AttendanceRole::ServingSubstitute {
                        replaces: PersonId(2),
                    },
                    "",
                ),
            ],
        )
        .unwrap_err();
        assert_eq!(err, AttendanceError::ReplacedTwice(PersonId(2)));

        // Listed twice.
        let err = Attendance::new(
            BodyId(1),
            d("2024-01-29"),
            &seats,
            vec![
                attendee(1, AttendanceRole::Member, ""),
                attendee(1, AttendanceRole::Member, ""),
            ],
        )
        .unwrap_err();
        assert_eq!(err, AttendanceError::Duplicate(PersonId(1)));
    }

    #[test]
    fn memberships_are_checked_on_the_meeting_date() {
        let mut seats = vec![seat(1, Member)];
        seats[0].to = Some(d("2023-12-31"));
        let err = Attendance::new(
            BodyId(1),
            d("2024-01-29"),
            &seats,
            vec![attendee(1, AttendanceRole::Member, "")],
        )
        .unwrap_err();
        assert_eq!(err, AttendanceError::NotAMember(PersonId(1)));
    }

    /// KL 6 kap. 16–17 §§: the ersättare enter in the order fullmäktige decided, the
    /// ledamot's own party first; ersättare 2 (S) may not serve for a ledamot (M) while
    /// ersättare 1 (M) sits idle.
    #[test]
    fn ersattare_enter_in_the_order_decided() {
        let seat = |p: i64, role, party: &str| {
            Membership::new(
                PersonId(p),
                BodyId(1),
                role,
                None,
                Some(party),
                None,
                d("2023-01-01"),
                None,
            )
            .unwrap()
        };
        let seats = vec![
            seat(1, MembershipRole::Member, "M"),
            seat(2, MembershipRole::Member, "S"),
            seat(11, MembershipRole::Substitute, "M"),
            seat(12, MembershipRole::Substitute, "S"),
        ];
        let order = crate::org::SubstituteOrder::new(
            BodyId(1),
            d("2023-01-01"),
            None,
            true,
            vec![PersonId(12), PersonId(11)],
        )
        .unwrap();
        let list = |serving: i64, idle: i64| {
            Attendance::new(
                BodyId(1),
                d("2025-09-01"),
                &seats,
                vec![
                    attendee(2, AttendanceRole::Member, ""),
                    attendee(
                        serving,
                        AttendanceRole::ServingSubstitute {
                            replaces: PersonId(1),
                        },
                        "",
                    ),
                    attendee(idle, AttendanceRole::Substitute, ""),
                ],
            )
            .unwrap()
        };
        // The ledamot is (M): ersättare 11 (M) enters first though listed second.
        assert_eq!(
            list(12, 11).check_substitute_order(&order, &seats),
            Err(AttendanceError::OutOfOrder {
                substitute: PersonId(12),
                replaced: PersonId(1),
                before: PersonId(11)
            })
        );
        list(11, 12).check_substitute_order(&order, &seats).unwrap();
        // Strictly as listed: 12 first.
        let strict = crate::org::SubstituteOrder {
            party_first: false,
            ..order.clone()
        };
        list(12, 11)
            .check_substitute_order(&strict, &seats)
            .unwrap();
        assert!(list(11, 12)
            .check_substitute_order(&strict, &seats)
            .is_err());
        assert!(crate::org::SubstituteOrder::new(
            BodyId(1),
            d("2023-01-01"),
            None,
            true,
            vec![PersonId(12), PersonId(12)]
        )
        .is_err());
    }

    /// The föredragningslista: a case once, items reordered while it is open, the meeting
    /// rescheduled until the kallelse.
    #[test]
    fn the_agenda_holds_a_case_once_and_can_be_reordered_until_the_notice() {
        let mut m = Meeting::planned(BodyId(1), d("2025-09-01"));
        let case = |n: i64, dnr: &str| AgendaItem {
            case: Some(crate::ids::CaseId(n)),
            case_number: Some(dnr.into()),
            ..item(dnr)
        };
        m.add_agenda_item(case(1, "KS/2025:1")).unwrap();
        m.add_agenda_item(case(2, "KS/2025:2")).unwrap();
        m.add_agenda_item(item("Information")).unwrap();
        assert_eq!(
            m.add_agenda_item(case(1, "KS/2025:1")).unwrap_err(),
            CycleError::CaseOnAgendaTwice("KS/2025:1".into())
        );
        m.move_agenda_item(3, 1).unwrap();
        let titles: Vec<_> = m
            .agenda()
            .iter()
            .map(|i| (i.position, i.title.clone()))
            .collect();
        assert_eq!(
            titles,
            vec![
                (1, "Information".to_string()),
                (2, "KS/2025:1".to_string()),
                (3, "KS/2025:2".to_string())
            ]
        );
        assert!(m.move_agenda_item(4, 1).is_err());
        m.reschedule(
            d("2025-09-08"),
            Some("13:00".parse().unwrap()),
            None,
            Some(" Stadshuset ".into()),
        )
        .unwrap();
        assert_eq!(
            (m.date, m.place.as_deref()),
            (d("2025-09-08"), Some("Stadshuset"))
        );
        assert!(m
            .reschedule(
                d("2025-09-08"),
                Some("13:00".parse().unwrap()),
                Some("12:00".parse().unwrap()),
                None
            )
            .is_err());
        // The handlingar of a case's item are chosen in order, each once; an item without
        // a case has none to choose.
        m.choose_item_documents(2, vec![7, 3, 7]).unwrap();
        assert_eq!(m.agenda()[1].documents, Some(vec![7, 3]));
        assert_eq!(
            m.choose_item_documents(1, vec![1]).unwrap_err(),
            CycleError::NoCaseOnItem(1)
        );
        assert_eq!(
            m.choose_item_documents(9, vec![1]).unwrap_err(),
            CycleError::NoSuchItem(9)
        );
        assert_eq!(m.call_in(PersonId(1), true), Err(CycleError::NotCalled));
        crate::cycle::send_notice(&mut m, d("2025-08-28"), vec![PersonId(1)], 7).unwrap();
        assert!(m.move_agenda_item(1, 2).is_err());
        assert!(m.choose_item_documents(2, vec![3]).is_err());
        // An ersättare the kallelse went to is called in once, and the call taken back.
        assert_eq!(m.call_in(PersonId(2), true), Err(CycleError::NotSummoned));
        m.call_in(PersonId(1), true).unwrap();
        m.call_in(PersonId(1), true).unwrap();
        assert_eq!(m.called_in(), vec![PersonId(1)]);
        m.call_in(PersonId(1), false).unwrap();
        assert!(m.called_in().is_empty());
        assert!(m.reschedule(d("2025-09-09"), None, None, None).is_err());
        // A withdrawn kallelse takes its calls with it.
        m.call_in(PersonId(1), true).unwrap();
        crate::cycle::withdraw_notice(&mut m, d("2025-08-29")).unwrap();
        assert!(m.called_in().is_empty());
        assert!(
            m.call_in(PersonId(1), false).is_ok(),
            "taking back is always allowed"
        );
    }
}
