//! Öppna data: what the open data endpoints (OParl) may show, decided once.
//!
//! * The municipality, its bodies and mandatperioder, the meetings on the public calendar
//!   (date, time, body, whether cancelled; the place masked).
//! * Persons only as holders of a public office: the ledamöter and ersättare of the bodies,
//!   with party and post. No e-mail, no tjänstepersoner, nobody else.
//! * Of the minutes, only what [`published`] gives: posted minutes whose seal holds, each §
//!   as the public may read it.
//! * Cases (ärenden) only through the published §§ that name them, as in the search.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use paragraf_core::ids::{BodyId, CaseId, MeetingId, MembershipId, PersonId, Record, TermId};
use paragraf_core::meeting::Meeting;
use paragraf_core::org::{Body, Membership, TermOfOffice};
use paragraf_core::publication::Publication;

use crate::meeting::publication::{is_published, public_meeting, published, PublicMinutes};
use crate::DataDir;

/// What the open data may show.
pub struct OpenData {
    /// The municipality's name.
    pub municipality: String,
    /// Every body.
    pub bodies: Vec<Record<BodyId, Body>>,
    /// Mandatperioder.
    pub terms: Vec<Record<TermId, TermOfOffice>>,
    /// Holders of a public office, by id, with their name.
    pub persons: BTreeMap<PersonId, String>,
    /// Their memberships (uppdrag).
    pub memberships: Vec<Record<MembershipId, Membership>>,
    /// Every meeting, masked.
    pub meetings: Vec<Record<MeetingId, Meeting>>,
    /// The published minutes, by meeting (only when asked for).
    pub minutes: BTreeMap<MeetingId, PublicMinutes>,
}

/// A § the public may read that names a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseParagraph {
    /// The meeting.
    pub meeting: MeetingId,
    /// The § number.
    pub number: u32,
}

impl OpenData {
    /// The cases named by published §§ the public may read, with their diarienummer and
    /// latest title, and those §§ in date order.
    pub fn cases(&self) -> BTreeMap<CaseId, (String, String, Vec<CaseParagraph>)> {
        let mut out: BTreeMap<CaseId, (String, String, Vec<CaseParagraph>)> = BTreeMap::new();
        let mut minutes: Vec<&PublicMinutes> = self.minutes.values().collect();
        minutes.sort_by_key(|pm| (pm.meeting.value.date, pm.meeting.id));
        for pm in minutes {
            for p in pm.minutes.paragraphs() {
                let (Some(case), Some(dnr)) = (p.case, p.case_number.clone()) else {
                    continue;
                };
                if readable(pm, p.number) {
                    let e = out
                        .entry(case)
                        .or_insert_with(|| (dnr, String::new(), Vec::new()));
                    e.1 = p.title.clone();
                    e.2.push(CaseParagraph {
                        meeting: pm.meeting.id,
                        number: p.number,
                    });
                }
            }
        }
        out
    }
}

/// Whether § `number` of published minutes is public (not a notice).
pub fn readable(pm: &PublicMinutes, number: u32) -> bool {
    pm.publication
        .iter()
        .any(|(n, p)| *n == number && *p == Publication::Public)
}

/// What the open data may show; the published minutes too when `with_minutes`.
pub fn load(dir: &DataDir, with_minutes: bool) -> Result<OpenData> {
    let memberships = dir.memberships(None)?;
    let holders: BTreeSet<PersonId> = memberships.iter().map(|m| m.value.person).collect();
    let persons = dir
        .persons()?
        .into_iter()
        .filter(|p| holders.contains(&p.id))
        .map(|p| (p.id, p.value.name))
        .collect();
    let meetings = dir.meetings()?;
    let mut minutes = BTreeMap::new();
    if with_minutes {
        for m in meetings.iter().filter(|m| is_published(m)) {
            if let Some(pm) = published(dir, m.id)? {
                minutes.insert(m.id, pm);
            }
        }
    }
    Ok(OpenData {
        municipality: dir
            .municipality()?
            .map_or_else(|| dir.config().municipality.name.clone(), |m| m.name),
        bodies: dir.bodies()?,
        terms: dir.terms()?,
        persons,
        memberships,
        meetings: meetings.iter().map(public_meeting).collect(),
        minutes,
    })
}
