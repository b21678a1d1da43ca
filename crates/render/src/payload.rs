//! Turns the view models into the JSON payloads the templates read. Everything that is
//! shown is formatted here (dates, numbers, lists), so the templates only lay out strings.

use serde::Serialize;

use crate::doc::{
    self, Attendee, Cell, Choice, Decision, ExtractDoc, NoticeDoc, OtherAttendee, PostingDoc,
    ProtocolDoc, TableRow,
};
use crate::format::{self, EN_DASH, THOUSANDS_SEP};
use crate::RenderError;

/// Deepest nesting of "-varav" rows rendered.
const MAX_TABLE_DEPTH: usize = 4;

/// Running header and document metadata shared by all templates.
#[derive(Serialize)]
pub(crate) struct Header {
    municipality: String,
    body: String,
    /// Document kind shown in the header, e.g. "Protokoll".
    kind: String,
    /// The date shown in the header (ISO).
    date: String,
    /// PDF title.
    title: String,
}

impl Header {
    pub(crate) fn new(
        municipality: &str,
        body: &str,
        kind: &str,
        date: String,
        title: &str,
    ) -> Header {
        Header {
            municipality: municipality.into(),
            body: body.into(),
            kind: kind.into(),
            date,
            title: title.into(),
        }
    }
}

// ---------------------------------------------------------------- text blocks

/// A block of running text: a paragraph (lines separated by `\n`) or a list item.
#[derive(Serialize, Debug, PartialEq)]
pub(crate) struct Block {
    kind: &'static str,
    text: String,
}

/// Splits text into blocks: blank lines separate paragraphs, single newlines are kept as
/// line breaks, lines starting with "- ", "– ", "• " or "* " become list items.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let flush = |para: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !para.is_empty() {
            out.push(Block {
                kind: "p",
                text: para.join("\n"),
            });
            para.clear();
        }
    };
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut para, &mut out);
            continue;
        }
        let item = ["- ", "– ", "• ", "* "]
            .iter()
            .find_map(|p| line.strip_prefix(p));
        match item {
            Some(rest) => {
                flush(&mut para, &mut out);
                out.push(Block {
                    kind: "li",
                    text: rest.trim().to_owned(),
                });
            }
            None => para.push(line),
        }
    }
    flush(&mut para, &mut out);
    out
}

fn opt_blocks(text: &Option<String>) -> Vec<Block> {
    text.as_deref().map(blocks).unwrap_or_default()
}

/// Swedish enumeration: "A", "A och B", "A, B och C".
pub(crate) fn join_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} och {}", init.join(", "), last),
    }
}

fn with_party(name: &str, party: &Option<String>) -> String {
    match party.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => format!("{name} ({p})"),
        None => name.to_owned(),
    }
}

fn join_nonempty(parts: &[Option<&str>]) -> String {
    parts
        .iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn attendee_line(a: &Attendee) -> String {
    let name = with_party(&a.name, &a.party);
    join_nonempty(&[Some(&name), a.role.as_deref(), a.paragraphs.as_deref()])
}

fn other_line(o: &OtherAttendee) -> String {
    join_nonempty(&[Some(&o.name), o.title.as_deref(), o.paragraphs.as_deref()])
}

fn opt_date(d: Option<chrono::NaiveDate>) -> String {
    d.map(format::date_iso).unwrap_or_default()
}

// ---------------------------------------------------------------- notice

#[derive(Serialize)]
struct NoticePayload {
    header: Header,
    intro: String,
    when: String,
    place: String,
    time_slots: Vec<SlotPayload>,
    agenda: Vec<AgendaPayload>,
    signatures: Vec<SignaturePayload>,
    notes: Vec<Block>,
}

#[derive(Serialize)]
struct SlotPayload {
    time: String,
    topic: String,
    presenters: String,
}

#[derive(Serialize)]
struct AgendaPayload {
    number: String,
    title: String,
    case_number: String,
    presenter: String,
    secret: bool,
}

#[derive(Serialize)]
struct SignaturePayload {
    name: String,
    role: String,
}

pub(crate) fn notice(d: &NoticeDoc) -> Result<impl Serialize, RenderError> {
    let time_slots = d
        .time_slots
        .iter()
        .map(|s| SlotPayload {
            time: match s.end {
                Some(e) => format!("{}{EN_DASH}{}", format::time(s.start), format::time(e)),
                None => format::time(s.start),
            },
            topic: s.topic.clone(),
            presenters: join_list(&s.presenters),
        })
        .collect();
    let agenda = d
        .agenda
        .iter()
        .map(|a| AgendaPayload {
            number: format!("{}.", a.number),
            title: a.title.clone(),
            case_number: a.case_number.clone().unwrap_or_default(),
            presenter: a.presenter.clone().unwrap_or_default(),
            secret: a.secret,
        })
        .collect();
    let mut signatures = Vec::new();
    if let Some(c) = &d.sender.chair {
        signatures.push(SignaturePayload {
            name: c.clone(),
            role: "ordförande".into(),
        });
    }
    if let Some(s) = &d.sender.secretary {
        signatures.push(SignaturePayload {
            name: s.clone(),
            role: "sekreterare".into(),
        });
    }
    Ok(NoticePayload {
        header: Header {
            municipality: d.municipality.clone(),
            body: d.body.clone(),
            kind: "Kallelse".into(),
            date: format::date_iso(d.date),
            title: format!("Kallelse – {} {}", d.body, format::date_iso(d.date)),
        },
        intro: format!("{} kallas härmed till {}", d.body, d.meeting_kind.trim()),
        when: format!(
            "{} {}",
            format::date_long(d.date),
            format::time_span(d.start, d.end)
        ),
        place: d.place.clone(),
        time_slots,
        agenda,
        signatures,
        notes: d.notes.iter().flat_map(|n| blocks(n)).collect(),
    })
}

// ---------------------------------------------------------------- paragraphs (§)

#[derive(Serialize)]
struct ParagraphPayload {
    number: u32,
    /// "§ 115" (no-break space).
    heading: String,
    title: String,
    /// Label used for the page reference in the list of items.
    label: String,
    /// "Dnr KS/2025:26" or "".
    case_number: String,
    secret_notice: Option<Vec<Block>>,
    text: Vec<Block>,
    tables: Vec<TablePayload>,
    proposal: Vec<Block>,
    motions: Vec<MotionPayload>,
    propositions: Vec<Block>,
    votes: Vec<VotePayload>,
    decision: Option<DecisionPayload>,
    reservations: Vec<MotionPayload>,
    conflicts: Vec<String>,
    notes: Vec<MotionPayload>,
    documents: Vec<String>,
    dispatch: Vec<String>,
    immediately_adjusted: bool,
}

#[derive(Serialize)]
struct MotionPayload {
    by: String,
    text: Vec<Block>,
}

#[derive(Serialize)]
struct VotePayload {
    yes_means: String,
    no_means: String,
    ballots: Vec<BallotPayload>,
    yes: String,
    no: String,
    abstain: String,
    result: Vec<Block>,
}

#[derive(Serialize)]
struct BallotPayload {
    name: String,
    yes: &'static str,
    no: &'static str,
    abstain: &'static str,
}

#[derive(Serialize)]
struct DecisionPayload {
    intro: String,
    clauses: Vec<String>,
    text: Vec<Block>,
}

#[derive(Serialize)]
struct TablePayload {
    title: String,
    header: Vec<String>,
    columns: usize,
    rows: Vec<RowPayload>,
    note: String,
}

#[derive(Serialize)]
struct RowPayload {
    label: String,
    depth: usize,
    total: bool,
    values: Vec<String>,
}

fn flatten_rows(
    rows: &[TableRow],
    depth: usize,
    columns: usize,
    decimals: u8,
    table_title: &str,
    out: &mut Vec<RowPayload>,
) -> Result<(), RenderError> {
    for r in rows {
        if r.values.len() > columns {
            return Err(RenderError::Invalid(format!(
                "raden \"{}\" i tabellen \"{}\" har {} värden men tabellen har {} värdekolumner",
                r.label,
                table_title,
                r.values.len(),
                columns
            )));
        }
        let mut values: Vec<String> = r
            .values
            .iter()
            .map(|c| match c {
                Cell::Number(v) => format::number(*v, decimals),
                Cell::Text(s) => s.clone(),
                Cell::Empty => String::new(),
            })
            .collect();
        values.resize(columns, String::new());
        let label = if depth == 0 {
            r.label.trim().to_owned()
        } else {
            // Children are "-varav" rows; tolerate a caller that already wrote "varav".
            let bare = r.label.trim().trim_start_matches(['-', '–', '−', ' ']);
            let bare = bare.strip_prefix("varav").map(str::trim).unwrap_or(bare);
            format!("-varav {bare}")
        };
        out.push(RowPayload {
            label,
            depth,
            total: r.total,
            values,
        });
        if !r.children.is_empty() {
            if depth + 1 > MAX_TABLE_DEPTH {
                return Err(RenderError::Invalid(format!(
                    "tabellen \"{table_title}\" har fler än {MAX_TABLE_DEPTH} nivåer av varav-rader"
                )));
            }
            flatten_rows(&r.children, depth + 1, columns, decimals, table_title, out)?;
        }
    }
    Ok(())
}

fn table(t: &doc::Table) -> Result<TablePayload, RenderError> {
    let title = t.title.clone().unwrap_or_default();
    if t.header.is_empty() {
        return Err(RenderError::Invalid(format!(
            "tabellen \"{title}\" saknar kolumnrubriker"
        )));
    }
    let columns = t.header.len() - 1;
    let mut rows = Vec::new();
    flatten_rows(&t.rows, 0, columns, t.decimals, &title, &mut rows)?;
    Ok(TablePayload {
        title,
        header: t.header.clone(),
        columns,
        rows,
        note: t.note.clone().unwrap_or_default(),
    })
}

fn paragraph(p: &doc::Paragraph) -> Result<ParagraphPayload, RenderError> {
    let decision = p.decision.as_ref().map(|d| match d {
        Decision::Clauses { intro, clauses } => DecisionPayload {
            intro: intro.clone().unwrap_or_default(),
            clauses: clauses
                .iter()
                .map(|c| {
                    let c = c.trim();
                    let rest = c.strip_prefix("att ").unwrap_or(c);
                    format!("att {rest}")
                })
                .collect(),
            text: Vec::new(),
        },
        Decision::Text(t) => DecisionPayload {
            intro: String::new(),
            clauses: Vec::new(),
            text: blocks(t),
        },
    });
    let votes = p
        .votes
        .iter()
        .map(|v| {
            let mark = |c: Choice, want: Choice| if c == want { "X" } else { "" };
            VotePayload {
                yes_means: v.yes_means.clone(),
                no_means: v.no_means.clone(),
                ballots: v
                    .ballots
                    .iter()
                    .map(|b| BallotPayload {
                        name: with_party(&b.name, &b.party),
                        yes: mark(b.choice, Choice::Yes),
                        no: mark(b.choice, Choice::No),
                        abstain: mark(b.choice, Choice::Abstain),
                    })
                    .collect(),
                yes: v.yes.to_string(),
                no: v.no.to_string(),
                abstain: v.abstain.to_string(),
                result: blocks(&v.result),
            }
        })
        .collect();
    let tables = p.tables.iter().map(table).collect::<Result<Vec<_>, _>>()?;
    Ok(ParagraphPayload {
        number: p.number,
        heading: format!("§{THOUSANDS_SEP}{}", p.number),
        title: p.title.clone(),
        label: format!("paragraf-{}", p.number),
        case_number: p
            .case_number
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| format!("Dnr {c}"))
            .unwrap_or_default(),
        secret_notice: p.secret_notice.as_deref().map(blocks),
        text: blocks(&p.text),
        tables,
        proposal: opt_blocks(&p.proposal),
        motions: p
            .motions
            .iter()
            .map(|m| MotionPayload {
                by: m.by.clone(),
                text: blocks(&m.text),
            })
            .collect(),
        propositions: opt_blocks(&p.propositions),
        votes,
        decision,
        reservations: p
            .reservations
            .iter()
            .map(|r| MotionPayload {
                by: r.by.clone(),
                text: opt_blocks(&r.reasons),
            })
            .collect(),
        conflicts: p
            .conflicts
            .iter()
            .map(
                |c| match c.ground.as_deref().filter(|g| !g.trim().is_empty()) {
                    Some(g) => format!(
                        "{} anmäler jäv ({}) och deltar inte i handläggningen av ärendet.",
                        c.name, g
                    ),
                    None => format!(
                        "{} anmäler jäv och deltar inte i handläggningen av ärendet.",
                        c.name
                    ),
                },
            )
            .collect(),
        notes: p
            .notes
            .iter()
            .map(|n| MotionPayload {
                by: n.by.clone(),
                text: blocks(&n.text),
            })
            .collect(),
        documents: p.documents.clone(),
        dispatch: p.dispatch.clone(),
        immediately_adjusted: p.immediately_adjusted,
    })
}

// ---------------------------------------------------------------- protocol

#[derive(Serialize)]
struct ProtocolPayload {
    header: Header,
    title: String,
    public_note: String,
    place_time: String,
    members: Vec<String>,
    substitutes: Vec<String>,
    others: Vec<String>,
    adjusters: Vec<String>,
    adjustment_place_time: String,
    secretary: String,
    chair: String,
    paragraph_range: String,
    posting: PostingBoxPayload,
    paragraphs: Vec<ParagraphPayload>,
    approvals: Vec<ApprovalPayload>,
    seal: Option<SealPayload>,
}

#[derive(Serialize)]
struct PostingBoxPayload {
    body: String,
    meeting_date: String,
    posted: String,
    removed: String,
    storage: String,
    signed_by: String,
}

#[derive(Serialize)]
struct ApprovalPayload {
    name: String,
    role: String,
    time: String,
    method: String,
}

#[derive(Serialize)]
struct SealPayload {
    sha256: String,
    fingerprint: String,
}

/// "§§ 114–120" from the first and last paragraph, or "" when there are none.
fn computed_range(paragraphs: &[doc::Paragraph]) -> String {
    let first = paragraphs.iter().map(|p| p.number).min();
    let last = paragraphs.iter().map(|p| p.number).max();
    match (first, last) {
        (Some(a), Some(b)) => format::paragraph_range(a, b),
        _ => String::new(),
    }
}

pub(crate) fn protocol(d: &ProtocolDoc) -> Result<impl Serialize, RenderError> {
    let title = if d.public {
        "Protokoll – offentlig version"
    } else {
        "Protokoll"
    };
    let paragraphs = d
        .paragraphs
        .iter()
        .map(paragraph)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ProtocolPayload {
        header: Header {
            municipality: d.municipality.clone(),
            body: d.body.clone(),
            kind: title.into(),
            date: format::date_iso(d.date),
            title: format!("{title} – {} {}", d.body, format::date_iso(d.date)),
        },
        title: title.into(),
        public_note: if d.public {
            "Vissa uppgifter har tagits bort enligt OSL 26 kap. 1 §".into()
        } else {
            String::new()
        },
        place_time: format!(
            "{}, {} {}",
            d.place.trim(),
            format::date_long(d.date),
            format::time_span(d.start, d.end)
        ),
        members: d.members.iter().map(attendee_line).collect(),
        substitutes: d.substitutes.iter().map(attendee_line).collect(),
        others: d.others.iter().map(other_line).collect(),
        adjusters: d.adjusters.clone(),
        adjustment_place_time: d.adjustment_place_time.clone(),
        secretary: d.secretary.clone(),
        chair: d.chair.clone(),
        paragraph_range: d
            .paragraph_range
            .clone()
            .unwrap_or_else(|| computed_range(&d.paragraphs)),
        posting: PostingBoxPayload {
            body: d.posting.body.clone(),
            meeting_date: format::date_iso(d.posting.meeting_date),
            posted: opt_date(d.posting.posted),
            removed: opt_date(d.posting.removed),
            storage: d.posting.storage.clone().unwrap_or_default(),
            signed_by: d.posting.signed_by.clone().unwrap_or_default(),
        },
        paragraphs,
        approvals: d
            .approvals
            .iter()
            .map(|a| ApprovalPayload {
                name: a.name.clone(),
                role: a.role.clone(),
                time: format::timestamp(&a.time),
                method: a.method.clone(),
            })
            .collect(),
        seal: d.seal.as_ref().map(|s| SealPayload {
            sha256: s.sha256.clone(),
            fingerprint: s.fingerprint.clone(),
        }),
    })
}

// ---------------------------------------------------------------- extract

#[derive(Serialize)]
struct ExtractPayload {
    header: Header,
    facts: Vec<(String, String)>,
    paragraph: ParagraphPayload,
    certification: CertificationPayload,
}

#[derive(Serialize)]
struct CertificationPayload {
    text: String,
    name: String,
    title: String,
    date: String,
}

pub(crate) fn extract(d: &ExtractDoc) -> Result<impl Serialize, RenderError> {
    let mut facts = vec![("Organ".to_owned(), d.body.clone())];
    facts.push(("Sammanträdesdatum".into(), format::date_iso(d.date)));
    if let Some(p) = d.place.as_deref().filter(|p| !p.trim().is_empty()) {
        facts.push(("Plats".into(), p.to_owned()));
    }
    if let Some(c) = d.chair.as_deref().filter(|c| !c.trim().is_empty()) {
        facts.push(("Ordförande".into(), c.to_owned()));
    }
    if !d.adjusters.is_empty() {
        facts.push(("Justerare".into(), join_list(&d.adjusters)));
    }
    let adjusted = match (d.adjusted, d.paragraph.immediately_adjusted) {
        (Some(a), _) => format::date_iso(a),
        (None, true) => "Omedelbart justerad".into(),
        (None, false) => String::new(),
    };
    if !adjusted.is_empty() {
        facts.push(("Justerat".into(), adjusted));
    }
    if let Some(p) = d.posted {
        facts.push(("Anslaget".into(), format::date_iso(p)));
    }
    let heading = format!("§{THOUSANDS_SEP}{}", d.paragraph.number);
    Ok(ExtractPayload {
        header: Header {
            municipality: d.municipality.clone(),
            body: d.body.clone(),
            kind: "Protokollsutdrag".into(),
            date: format::date_iso(d.date),
            title: format!(
                "Protokollsutdrag – {} {} {}",
                d.body,
                format::date_iso(d.date),
                heading
            ),
        },
        facts,
        paragraph: paragraph(&d.paragraph)?,
        certification: CertificationPayload {
            text: format!(
                "Utdraget överensstämmer med originalprotokollet, {heading}, från sammanträdet {}.",
                format::date_iso(d.date)
            ),
            name: d.certification.name.clone(),
            title: d.certification.title.clone().unwrap_or_default(),
            date: format::date_iso(d.certification.date),
        },
    })
}

// ---------------------------------------------------------------- posting

#[derive(Serialize)]
struct PostingPayload {
    header: Header,
    lead: String,
    facts: Vec<(String, String)>,
    appeal_heading: String,
    appeal: Vec<String>,
    signed_by: String,
}

/// The appeal information for laglighetsprövning (KL 13 kap.).
pub(crate) fn appeal_paragraphs(d: &PostingDoc) -> Vec<String> {
    let court = d
        .court
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .unwrap_or("förvaltningsrätten");
    vec![
        format!(
            "Den som vill överklaga ett beslut i protokollet genom laglighetsprövning enligt \
             13 kap. kommunallagen (2017:725) ska göra det skriftligt. Varje medlem av kommunen \
             har rätt att överklaga. Överklagandet ska ha kommit in till {court} inom tre veckor \
             från den dag då anslaget sattes upp på kommunens anslagstavla, det vill säga \
             senast {} (13 kap. 5 § kommunallagen).",
            format::date_long(d.appeal_ends)
        ),
        "I överklagandet ska anges vilket beslut som överklagas och de omständigheter som \
         överklagandet grundar sig på. Omständigheter som anförs efter att tiden för \
         överklagande har gått ut prövas inte. Domstolen prövar endast om beslutet är \
         lagligt och kan upphäva det, men inte ersätta det med ett annat beslut."
            .to_owned(),
        "Laglighetsprövning gäller inte beslut som får överklagas enligt särskilda \
         bestämmelser i lag eller annan författning, till exempel förvaltningslagen \
         (2017:900) eller socialtjänstlagen. Den som ett sådant beslut gäller får \
         information om hur det överklagas tillsammans med beslutet."
            .to_owned(),
    ]
}

pub(crate) fn posting(d: &PostingDoc) -> Result<impl Serialize, RenderError> {
    let facts = vec![
        ("Organ".to_owned(), d.body.clone()),
        ("Sammanträdesdatum".into(), format::date_iso(d.meeting_date)),
        ("Paragrafer".into(), d.paragraphs.clone()),
        (
            "Datum för justering".into(),
            format::date_iso(d.adjusted_date),
        ),
        (
            "Datum då anslaget sätts upp".into(),
            format::date_iso(d.posted_date),
        ),
        (
            "Datum då anslaget tas ned".into(),
            format::date_iso(d.removal_date),
        ),
        (
            "Sista dag för överklagande".into(),
            format::date_iso(d.appeal_ends),
        ),
        ("Förvaringsplats för protokollet".into(), d.storage.clone()),
    ];
    Ok(PostingPayload {
        header: Header {
            municipality: d.municipality.clone(),
            body: d.body.clone(),
            kind: "Anslag".into(),
            date: format::date_iso(d.posted_date),
            title: format!(
                "Anslag – justerat protokoll {} {}",
                d.body,
                format::date_iso(d.meeting_date)
            ),
        },
        lead: format!(
            "Protokollet från sammanträdet {}, {}, är justerat. Justeringen har \
             tillkännagivits genom detta anslag (8 kap. 12 § kommunallagen).",
            format::date_text(d.meeting_date),
            d.paragraphs.trim()
        ),
        facts,
        appeal_heading: "Hur man överklagar – laglighetsprövning".into(),
        appeal: appeal_paragraphs(d),
        signed_by: d.signed_by.clone().unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_split() {
        let b = blocks("Första stycket\nrad två\n\nAndra\n- punkt ett\n- punkt två\nEfter");
        assert_eq!(
            b,
            vec![
                Block {
                    kind: "p",
                    text: "Första stycket\nrad två".into()
                },
                Block {
                    kind: "p",
                    text: "Andra".into()
                },
                Block {
                    kind: "li",
                    text: "punkt ett".into()
                },
                Block {
                    kind: "li",
                    text: "punkt två".into()
                },
                Block {
                    kind: "p",
                    text: "Efter".into()
                },
            ]
        );
        assert!(blocks("").is_empty());
        assert!(blocks("\n \n").is_empty());
    }

    #[test]
    fn lists_join() {
        assert_eq!(join_list(&[]), "");
        assert_eq!(join_list(&["A".into()]), "A");
        assert_eq!(join_list(&["A".into(), "B".into()]), "A och B");
        assert_eq!(
            join_list(&["A".into(), "B".into(), "C".into()]),
            "A, B och C"
        );
    }

    #[test]
    fn varav_labels() {
        let t = doc::Table {
            title: None,
            header: vec!["Verksamhet".into(), "Budget".into()],
            rows: vec![TableRow {
                label: "LSS".into(),
                values: vec![Cell::Number(45263.0)],
                children: vec![
                    TableRow {
                        label: "personlig assistans".into(),
                        values: vec![Cell::Number(-17500.0)],
                        ..Default::default()
                    },
                    TableRow {
                        label: "-varav boende".into(),
                        values: vec![],
                        ..Default::default()
                    },
                ],
                total: false,
            }],
            decimals: 0,
            note: None,
        };
        let p = table(&t).expect("valid table");
        assert_eq!(p.rows[1].label, "-varav personlig assistans");
        assert_eq!(p.rows[1].values, vec!["\u{2212}17\u{a0}500".to_owned()]);
        assert_eq!(p.rows[2].label, "-varav boende");
        assert_eq!(p.rows[2].values, vec![String::new()]);
    }

    #[test]
    fn too_many_values_is_an_error() {
        let t = doc::Table {
            header: vec!["A".into(), "B".into()],
            rows: vec![TableRow {
                label: "x".into(),
                values: vec![Cell::Number(1.0), Cell::Number(2.0)],
                ..Default::default()
            }],
            ..Default::default()
        };
        assert!(matches!(table(&t), Err(RenderError::Invalid(_))));
    }
}

// ---------------------------------------------------------------- tjänsteskrivelse

#[derive(Serialize)]
struct MemoPayload {
    header: Header,
    draft: Option<String>,
    facts: Vec<(String, String)>,
    title: String,
    summary: Vec<Block>,
    background: Vec<Block>,
    assessment: Vec<Block>,
    finances: Vec<Block>,
    proposal_intro: String,
    proposal: Vec<String>,
    documents: Vec<String>,
    dispatch: Vec<String>,
    officer: String,
    director: Option<String>,
}

pub(crate) fn memo(d: &crate::doc::MemoDoc) -> Result<impl Serialize, RenderError> {
    Ok(MemoPayload {
        header: Header::new(
            &d.municipality,
            &d.body,
            "Tjänsteskrivelse",
            format::date_iso(d.date),
            &format!("Tjänsteskrivelse – {}", d.title),
        ),
        draft: d.draft.clone(),
        facts: vec![
            ("Diarienummer".into(), d.dnr.clone()),
            ("Datum".into(), format::date_iso(d.date)),
            ("Till".into(), d.body.clone()),
        ],
        title: d.title.clone(),
        summary: blocks(&d.summary),
        background: blocks(&d.background),
        assessment: blocks(&d.assessment),
        finances: blocks(&d.finances),
        proposal_intro: format!("Förvaltningen föreslår att {} beslutar", d.body),
        proposal: d.proposal.clone(),
        documents: d.documents.clone(),
        dispatch: d.dispatch.clone(),
        officer: d.officer.clone(),
        director: d.director.clone(),
    })
}
