//! The shapes of `/api/v1`: what the API promises, written out field by field and value by
//! value, so that a change to the core's types or to how they are stored never changes the
//! API silently (a new variant in the core fails to compile here until it has a name).
//! A change of shape is a new version (`/api/v2`), not an edit here.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use paragraf_core::ids::{BodyId, CaseId, MeetingId, PersonId, Record};
use paragraf_core::meeting::{AgendaItem, AttendanceRole, Meeting, MeetingState, Posting};
use paragraf_core::minutes::{
    ApprovalOutcome, CellValue, Choice, Decision, Minutes, Paragraph, TableRow, VoteResult,
};
use paragraf_core::org::{Body, BodyKind};
use paragraf_core::registry::{Case, CaseStatus, Secrecy};
use paragraf_core::seal::Seal;
use serde::Serialize;

/// `state` of a meeting.
pub fn state(s: MeetingState) -> &'static str {
    match s {
        MeetingState::Planned => "planned",
        MeetingState::Notified => "notified",
        MeetingState::Held => "held",
        MeetingState::MinutesDrafted => "minutes_drafted",
        MeetingState::Adjusted => "adjusted",
        MeetingState::Posted => "posted",
        MeetingState::AppealPeriodOver => "appeal_period_over",
    }
}

fn secrecy(s: Secrecy) -> &'static str {
    match s {
        Secrecy::Public => "public",
        Secrecy::IndividualCase => "individual_case",
        Secrecy::Unclassified => "unclassified",
    }
}

/// An organ.
#[derive(Serialize)]
pub struct BodyV1 {
    id: BodyId,
    name: String,
    short_name: Option<String>,
    kind: &'static str,
    parent: Option<BodyId>,
}

impl From<&Record<BodyId, Body>> for BodyV1 {
    fn from(b: &Record<BodyId, Body>) -> Self {
        BodyV1 {
            id: b.id,
            name: b.name.clone(),
            short_name: b.short_name.clone(),
            kind: match b.kind {
                BodyKind::Assembly => "assembly",
                BodyKind::ExecutiveBoard => "executive_board",
                BodyKind::Committee => "committee",
                BodyKind::Subcommittee => "subcommittee",
                BodyKind::WorkingCommittee => "working_committee",
                BodyKind::AdvisoryCouncil => "advisory_council",
            },
            parent: b.parent,
        }
    }
}

/// An anslag.
#[derive(Serialize)]
pub struct PostingV1 {
    posted: NaiveDate,
    removed: Option<NaiveDate>,
    storage: String,
    appeal_ends: Option<NaiveDate>,
    adjusted: Option<NaiveDate>,
}

impl From<&Posting> for PostingV1 {
    fn from(p: &Posting) -> Self {
        PostingV1 {
            posted: p.posted,
            removed: p.removed,
            storage: p.storage.clone(),
            appeal_ends: p.appeal_ends,
            adjusted: p.adjusted,
        }
    }
}

/// A point of the föredragningslista.
#[derive(Serialize)]
pub struct AgendaItemV1 {
    position: u32,
    title: String,
    case: Option<CaseId>,
    case_number: Option<String>,
    presenter: Option<String>,
    secrecy: &'static str,
}

impl From<&AgendaItem> for AgendaItemV1 {
    fn from(i: &AgendaItem) -> Self {
        AgendaItemV1 {
            position: i.position,
            title: i.title.clone(),
            case: i.case,
            case_number: i.case_number.clone(),
            presenter: i.presenter.clone(),
            secrecy: secrecy(i.secrecy),
        }
    }
}

/// A meeting as staff see it.
#[derive(Serialize)]
pub struct MeetingV1 {
    id: MeetingId,
    body: BodyId,
    date: NaiveDate,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
    place: Option<String>,
    state: &'static str,
    source: Option<String>,
    agenda_items: Vec<AgendaItemV1>,
    notice: Option<PostingV1>,
}

impl From<&Record<MeetingId, Meeting>> for MeetingV1 {
    fn from(m: &Record<MeetingId, Meeting>) -> Self {
        MeetingV1 {
            id: m.id,
            body: m.body,
            date: m.date,
            start: m.start,
            end: m.end,
            place: m.place.clone(),
            state: state(m.state()),
            source: m.source.clone(),
            agenda_items: m.agenda().iter().map(AgendaItemV1::from).collect(),
            notice: m.posting().map(PostingV1::from),
        }
    }
}

/// A registered case.
#[derive(Serialize)]
pub struct CaseV1 {
    id: CaseId,
    dnr: String,
    title: String,
    class: Option<String>,
    body: Option<BodyId>,
    secrecy: &'static str,
    status: &'static str,
    registered: NaiveDate,
    handler: Option<String>,
}

impl From<&Record<CaseId, Case>> for CaseV1 {
    fn from(c: &Record<CaseId, Case>) -> Self {
        CaseV1 {
            id: c.id,
            dnr: c.dnr.to_string(),
            title: c.title.clone(),
            class: c.class.clone(),
            body: c.body,
            secrecy: secrecy(c.secrecy),
            status: match c.status {
                CaseStatus::Open => "open",
                CaseStatus::Decided => "decided",
                CaseStatus::Closed => "closed",
            },
            registered: c.registered,
            handler: c.handler.clone(),
        }
    }
}

/// One person of the närvarolista.
#[derive(Serialize)]
pub struct AttendeeV1 {
    pub(crate) id: PersonId,
    pub(crate) name: Option<String>,
    pub(crate) party: Option<String>,
    pub(crate) role: &'static str,
    pub(crate) replaces: Option<PersonId>,
    pub(crate) title: Option<String>,
    pub(crate) presence: Option<String>,
}

/// The role of an attendee, and whom a serving substitute replaces / an official's title.
pub fn role(r: &AttendanceRole) -> (&'static str, Option<PersonId>, Option<String>) {
    match r {
        AttendanceRole::Member => ("member", None, None),
        AttendanceRole::ServingSubstitute { replaces } => {
            ("serving_substitute", Some(*replaces), None)
        }
        AttendanceRole::Substitute => ("substitute", None, None),
        AttendanceRole::Other { title } => ("other", None, title.clone()),
    }
}

/// A decision or proposal.
#[derive(Serialize)]
pub struct DecisionV1 {
    form: &'static str,
    intro: Option<String>,
    clauses: Vec<String>,
    text: Option<String>,
}

impl From<&Decision> for DecisionV1 {
    fn from(d: &Decision) -> Self {
        match d {
            Decision::Clauses { intro, clauses } => DecisionV1 {
                form: "clauses",
                intro: intro.clone(),
                clauses: clauses.iter().map(|c| c.0.clone()).collect(),
                text: None,
            },
            Decision::Text { text } => DecisionV1 {
                form: "text",
                intro: None,
                clauses: Vec::new(),
                text: Some(text.clone()),
            },
        }
    }
}

#[derive(Serialize)]
struct MotionV1 {
    id: u32,
    by: PersonId,
    supported_by: Vec<PersonId>,
    text: String,
    withdrawn: bool,
}

#[derive(Serialize)]
struct BallotV1 {
    person: PersonId,
    choice: &'static str,
}

#[derive(Serialize)]
struct VoteV1 {
    yes_means: String,
    no_means: String,
    ballots: Vec<BallotV1>,
    chair: Option<PersonId>,
    yes: usize,
    no: usize,
    abstain: usize,
    yes_wins: bool,
}

#[derive(Serialize)]
struct ByV1 {
    by: Vec<PersonId>,
    text: Option<String>,
}

#[derive(Serialize)]
struct ConflictV1 {
    person: PersonId,
    ground: Option<String>,
}

#[derive(Serialize)]
struct RowV1 {
    label: Option<String>,
    values: Vec<Option<serde_json::Value>>,
    children: Vec<RowV1>,
}

impl From<&TableRow> for RowV1 {
    fn from(r: &TableRow) -> Self {
        RowV1 {
            label: r.label.clone(),
            values: r
                .values
                .iter()
                .map(|v| match v {
                    CellValue::Number(n) => Some(serde_json::json!(n)),
                    CellValue::Text(t) => Some(serde_json::json!(t)),
                    CellValue::Empty => None,
                })
                .collect(),
            children: r.children.iter().map(RowV1::from).collect(),
        }
    }
}

#[derive(Serialize)]
struct TableV1 {
    title: Option<String>,
    header: Vec<String>,
    rows: Vec<RowV1>,
}

/// A paragraf.
#[derive(Serialize)]
pub struct ParagraphV1 {
    number: u32,
    title: String,
    case: Option<CaseId>,
    case_number: Option<String>,
    secrecy: &'static str,
    text: String,
    proposal: Option<DecisionV1>,
    motions: Vec<MotionV1>,
    propositions: Option<Vec<u32>>,
    carried: Option<u32>,
    votes: Vec<VoteV1>,
    decision: Option<DecisionV1>,
    reservations: Vec<ByV1>,
    conflicts: Vec<ConflictV1>,
    notes: Vec<ByV1>,
    documents: Vec<String>,
    dispatch: Vec<String>,
    tables: Vec<TableV1>,
    immediately_adjusted: bool,
    prepared_by: Option<String>,
}

impl From<&Paragraph> for ParagraphV1 {
    fn from(p: &Paragraph) -> Self {
        ParagraphV1 {
            number: p.number,
            title: p.title.clone(),
            case: p.case,
            case_number: p.case_number.clone(),
            secrecy: secrecy(p.secrecy),
            text: p.text.clone(),
            proposal: p.proposal.as_ref().map(DecisionV1::from),
            motions: p
                .motions
                .iter()
                .map(|m| MotionV1 {
                    id: m.id,
                    by: m.by,
                    supported_by: m.supported_by.clone(),
                    text: m.text.clone(),
                    withdrawn: m.withdrawn,
                })
                .collect(),
            propositions: p.propositions.as_ref().map(|x| x.order.clone()),
            carried: p.propositions.as_ref().and_then(|x| x.carried),
            votes: p
                .votes()
                .iter()
                .map(|v| {
                    let r = v.result();
                    VoteV1 {
                        yes_means: v.yes_means().to_string(),
                        no_means: v.no_means().to_string(),
                        ballots: v
                            .ballots()
                            .iter()
                            .map(|b| BallotV1 {
                                person: b.person,
                                choice: match b.choice {
                                    Choice::Yes => "yes",
                                    Choice::No => "no",
                                    Choice::Abstain => "abstain",
                                },
                            })
                            .collect(),
                        chair: v.chair(),
                        yes: r.yes,
                        no: r.no,
                        abstain: r.abstain,
                        yes_wins: r.yes_wins,
                    }
                })
                .collect(),
            decision: p.decision.as_ref().map(DecisionV1::from),
            reservations: p
                .reservations
                .iter()
                .map(|r| ByV1 {
                    by: vec![r.by],
                    text: r.reasons.clone(),
                })
                .collect(),
            conflicts: p
                .conflicts()
                .iter()
                .map(|c| ConflictV1 {
                    person: c.person,
                    ground: c.ground.clone(),
                })
                .collect(),
            notes: p
                .notes
                .iter()
                .map(|n| ByV1 {
                    by: n.by.clone(),
                    text: Some(n.text.clone()),
                })
                .collect(),
            documents: p.documents.clone(),
            dispatch: p.dispatch.clone(),
            tables: p
                .tables
                .iter()
                .map(|t| TableV1 {
                    title: t.title.clone(),
                    header: t.header.clone(),
                    rows: t.rows.iter().map(RowV1::from).collect(),
                })
                .collect(),
            immediately_adjusted: p.immediately_adjusted,
            prepared_by: p.prepared_by.clone(),
        }
    }
}

/// The seal of justerade minutes.
#[derive(Serialize)]
pub struct SealV1 {
    sha256: String,
    signature: String,
    public_key: String,
    sealed_at: DateTime<FixedOffset>,
}

impl From<&Seal> for SealV1 {
    fn from(s: &Seal) -> Self {
        SealV1 {
            sha256: s.sha256.clone(),
            signature: s.signature.clone(),
            public_key: s.public_key.clone(),
            sealed_at: s.sealed_at,
        }
    }
}

/// Minutes as staff see them (secret §§ included).
#[derive(Serialize)]
pub struct MinutesV1 {
    chair: Option<PersonId>,
    adjusters: Vec<PersonId>,
    secretary: Option<PersonId>,
    attendance: Vec<AttendeeV1>,
    paragraphs: Vec<ParagraphV1>,
    seal: Option<SealV1>,
}

/// The närvarolista with names.
pub fn attendance(
    minutes: &Minutes,
    names: &std::collections::HashMap<PersonId, String>,
) -> Vec<AttendeeV1> {
    minutes
        .attendance()
        .attendees()
        .iter()
        .map(|a| {
            let (role, replaces, title) = role(&a.role);
            AttendeeV1 {
                id: a.person,
                name: names.get(&a.person).cloned(),
                party: a.party.clone(),
                role,
                replaces,
                title,
                presence: a.presence.written.clone(),
            }
        })
        .collect()
}

impl MinutesV1 {
    /// The minutes with the names of those present.
    pub fn new(minutes: &Minutes, names: &std::collections::HashMap<PersonId, String>) -> Self {
        MinutesV1 {
            chair: minutes.chair(),
            adjusters: minutes.adjusters().to_vec(),
            secretary: minutes.secretary(),
            attendance: attendance(minutes, names),
            paragraphs: minutes.paragraphs().iter().map(ParagraphV1::from).collect(),
            seal: minutes.seal().map(SealV1::from),
        }
    }
}

/// What a justering did.
#[derive(Serialize)]
pub struct ApprovalV1 {
    outcome: &'static str,
    remaining: Vec<PersonId>,
    paragraphs: Vec<u32>,
}

impl From<&ApprovalOutcome> for ApprovalV1 {
    fn from(o: &ApprovalOutcome) -> Self {
        match o {
            ApprovalOutcome::Recorded { remaining } => ApprovalV1 {
                outcome: "recorded",
                remaining: remaining.clone(),
                paragraphs: Vec::new(),
            },
            ApprovalOutcome::ParagraphsAdjusted { paragraphs } => ApprovalV1 {
                outcome: "paragraphs_adjusted",
                remaining: Vec::new(),
                paragraphs: paragraphs.clone(),
            },
            ApprovalOutcome::Sealed => ApprovalV1 {
                outcome: "sealed",
                remaining: Vec::new(),
                paragraphs: Vec::new(),
            },
        }
    }
}

/// The count of a vote.
#[derive(Serialize)]
pub struct VoteResultV1 {
    yes: usize,
    no: usize,
    abstain: usize,
    yes_wins: bool,
}

impl From<&VoteResult> for VoteResultV1 {
    fn from(r: &VoteResult) -> Self {
        VoteResultV1 {
            yes: r.yes,
            no: r.no,
            abstain: r.abstain,
            yes_wins: r.yes_wins,
        }
    }
}

/// An API token (never its secret).
#[derive(Serialize)]
pub struct TokenV1 {
    pub(crate) id: i64,
    pub(crate) label: String,
    pub(crate) created: String,
    pub(crate) expires: Option<String>,
    pub(crate) revoked: Option<String>,
}
