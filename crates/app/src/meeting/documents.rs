//! The documents of a meeting: the domain turned into the renderer's view models and written
//! as PDFs — kallelse, protokoll, its public version, one protokollsutdrag per adjusted §,
//! and the anslag. Names are resolved here; what the public may read of each § is decided
//! by [`crate::meeting::publication`], and every public document is masked whole.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use chrono::NaiveDate;
use paragraf_core::calendar::appeal_ends;
use paragraf_core::ids::{MeetingId, PersonId, Record};
use paragraf_core::meeting::{AttendanceRole, Meeting, MeetingState};
use paragraf_core::minutes::{
    CellValue, Choice, Decision, Minutes, Paragraph, SignerRole, TableRow,
};
use paragraf_core::publication::{Classification, PENDING_TITLE, SECRET_TITLE};
use paragraf_core::seal::fingerprint;
use paragraf_core::secrecy::mask_all;
use paragraf_render::doc;
use paragraf_store::Store;

use crate::DataDir;

struct Names(HashMap<PersonId, String>);

impl Names {
    fn load(store: &dyn Store) -> Result<Names> {
        Ok(Names(
            store
                .persons()?
                .into_iter()
                .map(|p| (p.id, p.value.name))
                .collect(),
        ))
    }
    fn of(&self, id: &PersonId) -> String {
        self.0
            .get(id)
            .cloned()
            .unwrap_or_else(|| format!("person {id}"))
    }
}

fn decision(d: &Decision) -> doc::Decision {
    match d {
        Decision::Text { text } => doc::Decision::Text(text.clone()),
        Decision::Clauses { intro, clauses } => doc::Decision::Clauses {
            intro: intro.clone(),
            clauses: clauses.iter().map(|c| c.0.clone()).collect(),
        },
    }
}

fn row(r: &TableRow) -> doc::TableRow {
    doc::TableRow {
        label: r.label.clone().unwrap_or_default(),
        values: r
            .values
            .iter()
            .map(|v| match v {
                CellValue::Number(x) => doc::Cell::Number(*x),
                CellValue::Text(t) => doc::Cell::Text(t.clone()),
                CellValue::Empty => doc::Cell::Empty,
            })
            .collect(),
        children: r.children.iter().map(row).collect(),
        total: r.label.as_deref().is_some_and(|l| {
            l.to_lowercase().starts_with("summa") || l.to_lowercase().starts_with("totalt")
        }),
    }
}

/// The column headings, with blank ones where the source table had fewer (tables read from
/// published PDFs often lose their heading row).
fn header_of(t: &paragraf_core::minutes::Table) -> Vec<String> {
    fn width(r: &TableRow) -> usize {
        r.values
            .len()
            .max(r.children.iter().map(width).max().unwrap_or(0))
    }
    let cols = 1 + t.rows.iter().map(width).max().unwrap_or(0);
    let mut h = t.header.clone();
    if h.len() < cols {
        h.resize(cols, String::new());
    }
    h
}

fn decimals_of(rows: &[TableRow]) -> u8 {
    let frac = |r: &TableRow| {
        r.values
            .iter()
            .any(|v| matches!(v, CellValue::Number(x) if x.fract().abs() > 1e-9))
    };
    if rows.iter().any(|r| frac(r) || r.children.iter().any(frac)) {
        1
    } else {
        0
    }
}

/// The propositionsordning as the protocol writes it.
pub fn propositions_text(pr: &paragraf_core::minutes::Propositions) -> String {
    let order: Vec<String> = pr.order.iter().map(|id| format!("yrkande {id}")).collect();
    format!(
        "Ordföranden ställer proposition på {} och finner att nämnden beslutar enligt yrkande {}.",
        order.join(" och "),
        pr.carried
            .map(|c| c.to_string())
            .unwrap_or_else(|| "–".into())
    )
}

fn paragraph(
    p: &Paragraph,
    names: &Names,
    party: &HashMap<PersonId, Option<String>>,
) -> doc::Paragraph {
    let secret_notice = p
        .secrecy
        .is_secret()
        .then(|| p.text.clone())
        .filter(|_| p.title == SECRET_TITLE || p.title == PENDING_TITLE);
    doc::Paragraph {
        number: p.number,
        title: p.title.clone(),
        case_number: p.case_number.clone(),
        text: if secret_notice.is_some() {
            String::new()
        } else {
            p.text.clone()
        },
        proposal: p.proposal.as_ref().map(|d| d.to_text()),
        motions: p
            .motions
            .iter()
            .map(|m| {
                let who = |id: &PersonId| match party.get(id).cloned().flatten() {
                    Some(p) => format!("{} ({p})", names.of(id)),
                    None => names.of(id),
                };
                let support: Vec<String> = m.supported_by.iter().map(who).collect();
                let by = match support.split_last() {
                    None => who(&m.by),
                    Some((last, [])) => format!("{} med instämmande av {last}", who(&m.by)),
                    Some((last, init)) => format!(
                        "{} med instämmande av {} och {last}",
                        who(&m.by),
                        init.join(", ")
                    ),
                };
                let text = if m.withdrawn {
                    format!("{} (återtaget)", m.text)
                } else {
                    m.text.clone()
                };
                doc::Motion { by, text }
            })
            .collect(),
        propositions: p.propositions.as_ref().map(propositions_text),
        votes: p
            .votes()
            .iter()
            .map(|v| {
                let r = v.result();
                doc::Vote {
                    yes_means: v.yes_means().to_string(),
                    no_means: v.no_means().to_string(),
                    ballots: v
                        .ballots()
                        .iter()
                        .map(|b| doc::Ballot {
                            name: names.of(&b.person),
                            party: party.get(&b.person).cloned().flatten(),
                            choice: match b.choice {
                                Choice::Yes => doc::Choice::Yes,
                                Choice::No => doc::Choice::No,
                                Choice::Abstain => doc::Choice::Abstain,
                            },
                        })
                        .collect(),
                    yes: r.yes as u32,
                    no: r.no as u32,
                    abstain: r.abstain as u32,
                    result: format!(
                        "Med {} ja-röster mot {} nej-röster{} beslutar nämnden enligt {}.",
                        r.yes,
                        r.no,
                        if r.abstain > 0 {
                            format!(" ({} avstår)", r.abstain)
                        } else {
                            String::new()
                        },
                        if r.yes_wins {
                            v.yes_means()
                        } else {
                            v.no_means()
                        }
                    ),
                }
            })
            .collect(),
        decision: p.decision.as_ref().map(decision),
        reservations: p
            .reservations
            .iter()
            .map(|r| doc::Reservation {
                by: names.of(&r.by),
                reasons: r.reasons.clone(),
            })
            .collect(),
        conflicts: p
            .conflicts()
            .iter()
            .map(|c| doc::Conflict {
                name: names.of(&c.person),
                ground: c.ground.clone(),
            })
            .collect(),
        notes: p
            .notes
            .iter()
            .map(|n| doc::Note {
                by: n
                    .by
                    .iter()
                    .map(|b| names.of(b))
                    .collect::<Vec<_>>()
                    .join(", "),
                text: n.text.clone(),
            })
            .collect(),
        documents: p.documents.clone(),
        dispatch: p.dispatch.clone(),
        tables: p
            .tables
            .iter()
            .map(|t| doc::Table {
                title: t.title.clone(),
                header: header_of(t),
                rows: t.rows.iter().map(row).collect(),
                decimals: decimals_of(&t.rows),
                note: None,
            })
            .collect(),
        secret_notice,
        immediately_adjusted: p.immediately_adjusted,
    }
}

/// Where the signed PDFs of adjusted minutes are kept, in the data directory.
pub const SIGNED_DIR: &str = "signerade";

/// Everything a document of one meeting needs.
pub struct MeetingDocs {
    municipality: String,
    body: String,
    meeting: Record<MeetingId, Meeting>,
    minutes: Option<Minutes>,
    classifications: Vec<Classification>,
    names: Names,
}

impl MeetingDocs {
    /// Loads the meeting, its body, its minutes and the names.
    pub fn load(dir: &DataDir, id: MeetingId) -> Result<MeetingDocs> {
        let store = dir.storage();
        let meeting = store.meeting(id)?;
        Ok(MeetingDocs {
            municipality: dir.config().municipality.name.clone(),
            body: store.body(meeting.body)?.value.name,
            minutes: store.minutes(id)?,
            classifications: store.classifications(id)?,
            names: Names::load(store)?,
            meeting,
        })
    }

    /// The documents of published minutes as the public may have them: from the sealed
    /// text, checked against the seal (see [`crate::meeting::publication::published`]); `None` when
    /// there is nothing to show the public.
    pub fn published(dir: &DataDir, id: MeetingId) -> Result<Option<MeetingDocs>> {
        let store = dir.storage();
        let Some(p) = crate::meeting::publication::published(dir, id)? else {
            return Ok(None);
        };
        Ok(Some(MeetingDocs {
            municipality: dir.config().municipality.name.clone(),
            body: store.body(p.meeting.body)?.value.name,
            minutes: Some(p.minutes),
            classifications: store.classifications(id)?,
            names: Names::load(store)?,
            meeting: p.meeting,
        }))
    }

    /// Kallelse, once the notice has gone out.
    pub fn notice(&self) -> Option<doc::NoticeDoc> {
        let m = &self.meeting;
        if m.state() < MeetingState::Notified || m.source.is_some() {
            return None;
        }
        Some(doc::NoticeDoc {
            municipality: self.municipality.clone(),
            body: self.body.clone(),
            date: m.date,
            start: m.start?,
            end: m.end,
            place: m.place.clone().unwrap_or_default(),
            meeting_kind: "Sammanträde".into(),
            time_slots: m
                .schedule()
                .iter()
                .map(|s| doc::TimeSlot {
                    start: s.start,
                    end: s.end,
                    topic: s.topic.clone(),
                    presenters: s.presenters.clone(),
                })
                .collect(),
            agenda: m
                .agenda()
                .iter()
                .map(|a| doc::AgendaItem {
                    number: a.position,
                    title: if a.secrecy.is_secret() {
                        paragraf_core::publication::SECRET_TITLE.into()
                    } else {
                        a.title.clone()
                    },
                    case_number: a.case_number.clone(),
                    presenter: a.presenter.clone(),
                    secret: a.secrecy.is_secret(),
                })
                .collect(),
            sender: doc::Sender {
                chair: None,
                secretary: None,
            },
            notes: vec!["Förhinder anmäls till nämndsekreteraren.".into()],
        })
    }

    fn minutes(&self) -> Result<&Minutes> {
        self.minutes
            .as_ref()
            .ok_or_else(|| anyhow!("sammanträdet har inget protokoll"))
    }

    /// The protocol, full or public.
    pub fn protocol(&self, public: bool) -> Result<doc::ProtocolDoc> {
        let m = &self.meeting;
        let minutes = self.minutes()?;
        let n = &self.names;
        let att = minutes.attendance().attendees();
        let party: HashMap<PersonId, Option<String>> =
            att.iter().map(|a| (a.person, a.party.clone())).collect();
        let members = att
            .iter()
            .filter(|a| a.role.decides())
            .map(|a| doc::Attendee {
                name: n.of(&a.person),
                party: a.party.clone(),
                role: match &a.role {
                    AttendanceRole::ServingSubstitute { replaces } => {
                        Some(format!("tjänstgörande ersättare för {}", n.of(replaces)))
                    }
                    _ if Some(a.person) == minutes.chair() => Some("ordförande".into()),
                    _ => a.position.map(|p| p.swedish().to_string()),
                },
                paragraphs: a.presence.written.clone(),
            })
            .collect();
        let substitutes = att
            .iter()
            .filter(|a| a.role == AttendanceRole::Substitute)
            .map(|a| doc::Attendee {
                name: n.of(&a.person),
                party: a.party.clone(),
                role: None,
                paragraphs: a.presence.written.clone(),
            })
            .collect();
        let others = att
            .iter()
            .filter_map(|a| match &a.role {
                AttendanceRole::Other { title } => Some(doc::OtherAttendee {
                    name: n.of(&a.person),
                    title: title.clone(),
                    paragraphs: a.presence.written.clone(),
                }),
                _ => None,
            })
            .collect();
        let public_minutes;
        let minutes = if public {
            let decided = crate::meeting::publication::decide(
                minutes,
                m.source.is_some(),
                &self.classifications,
            );
            public_minutes = crate::meeting::publication::public_version(minutes, &decided)?;
            &public_minutes
        } else {
            minutes
        };
        let paragraphs = minutes
            .paragraphs()
            .iter()
            .map(|p| paragraph(p, n, &party))
            .collect();
        let role = |r: SignerRole| match r {
            SignerRole::Chair => "ordförande",
            SignerRole::Adjuster => "justerare",
            SignerRole::Secretary => "sekreterare",
        };
        let late = paragraf_core::cycle::late_approvals(minutes);
        let protocol = doc::ProtocolDoc {
            municipality: self.municipality.clone(),
            body: self.body.clone(),
            date: m.date,
            start: m.start.unwrap_or_default(),
            end: m.end,
            place: m.place.clone().unwrap_or_default(),
            public,
            members,
            substitutes,
            others,
            adjusters: minutes.adjusters().iter().map(|a| n.of(a)).collect(),
            adjustment_place_time: minutes.adjustment_place().unwrap_or("").to_string(),
            secretary: minutes.secretary().map(|s| n.of(&s)).unwrap_or_default(),
            chair: minutes.chair().map(|s| n.of(&s)).unwrap_or_default(),
            paragraph_range: minutes
                .number_range()
                .map(|(a, b)| paragraf_render::format::paragraph_range(a, b)),
            posting: doc::PostingBox {
                body: self.body.clone(),
                meeting_date: m.date,
                posted: m.posting().as_ref().map(|x| x.posted),
                removed: m.posting().as_ref().and_then(|x| x.removed),
                storage: m.posting().as_ref().map(|x| x.storage.clone()),
                signed_by: minutes.secretary().map(|s| n.of(&s)),
            },
            paragraphs,
            approvals: minutes
                .approvals()
                .iter()
                .map(|a| {
                    // What the law asks to be seen: an approval recorded after the fact, and
                    // one given after the 14 days of KL 5 kap. 69 §.
                    let mut method = a.method.clone();
                    if let Some(r) = &a.recorded {
                        method.push_str(&format!(
                            "; registrerat i efterhand {} av {}",
                            r.at.format("%Y-%m-%d"),
                            r.by
                        ));
                    }
                    if late.iter().any(|l| std::ptr::eq(*l, a)) {
                        method.push_str("; efter lagens fjorton dagar (KL 5 kap. 69 §)");
                    }
                    doc::Approval {
                        name: n.of(&a.signer),
                        role: role(a.role).into(),
                        time: a.time,
                        method,
                    }
                })
                .collect(),
            seal: minutes.seal().map(|s| doc::Seal {
                sha256: s.sha256.clone(),
                fingerprint: fingerprint(&s.public_key),
            }),
        };
        Ok(if public {
            mask_all(&protocol)?
        } else {
            protocol
        })
    }

    /// Protokollsutdrag of § `number` (public version when `public`), certified by the
    /// secretary on `date`.
    pub fn extract(&self, number: u32, date: NaiveDate) -> Result<doc::ExtractDoc> {
        let minutes = self.minutes()?;
        let p = paragraf_core::cycle::extract(minutes, number)?;
        let party: HashMap<PersonId, Option<String>> = minutes
            .attendance()
            .attendees()
            .iter()
            .map(|a| (a.person, a.party.clone()))
            .collect();
        Ok(doc::ExtractDoc {
            municipality: self.municipality.clone(),
            body: self.body.clone(),
            date: self.meeting.date,
            place: self.meeting.place.clone(),
            chair: minutes.chair().map(|c| self.names.of(&c)),
            adjusters: minutes
                .adjusters()
                .iter()
                .map(|a| self.names.of(a))
                .collect(),
            adjusted: minutes.seal().map(|s| s.sealed_at.date_naive()),
            posted: self.meeting.posting().as_ref().map(|n| n.posted),
            paragraph: paragraph(p, &self.names, &party),
            certification: doc::Certification {
                name: minutes
                    .secretary()
                    .map(|s| self.names.of(&s))
                    .unwrap_or_else(|| "Nämndsekreteraren".into()),
                title: Some("sekreterare".into()),
                date,
            },
        })
    }

    /// The anslag: as posted, or — for adjusted minutes not yet posted — prepared for posting
    /// on the last day the law allows (the second day after justering, KL 8 kap. 12 §).
    pub fn posting(&self) -> Option<doc::PostingDoc> {
        let sealed = self.minutes.as_ref()?.seal()?.sealed_at.date_naive();
        let (posted, adjusted, storage, removed) = match &self.meeting.posting() {
            Some(n) => (
                n.posted,
                n.adjusted.unwrap_or(sealed),
                n.storage.clone(),
                n.removed,
            ),
            None => {
                let c =
                    paragraf_core::calendar::cycle_deadlines(self.meeting.date, Some(sealed), None)
                        .ok()?;
                (c.posting_deadline?, sealed, String::new(), None)
            }
        };
        let appeal = appeal_ends(posted).ok()?;
        let posting = doc::PostingDoc {
            municipality: self.municipality.clone(),
            body: self.body.clone(),
            meeting_date: self.meeting.date,
            adjusted_date: adjusted,
            posted_date: posted,
            removal_date: removed.unwrap_or(appeal + chrono::Days::new(1)),
            appeal_ends: appeal,
            storage,
            paragraphs: self
                .minutes
                .as_ref()
                .and_then(|m| m.number_range())
                .map(|(a, b)| paragraf_render::format::paragraph_range(a, b))
                .unwrap_or_default(),
            court: None,
            signed_by: self
                .minutes
                .as_ref()
                .and_then(|m| m.secretary())
                .map(|s| self.names.of(&s)),
        };
        // The anslag is posted publicly: masked whole.
        mask_all(&posting).ok()
    }

    /// The day of the meeting.
    pub fn date(&self) -> NaiveDate {
        self.meeting.date
    }

    /// Whether the minutes are adjusted (sealed).
    pub fn adjusted(&self) -> bool {
        self.minutes.as_ref().is_some_and(|m| m.is_sealed())
    }

    /// The § numbers of the minutes.
    pub fn paragraph_numbers(&self) -> Vec<u32> {
        self.minutes
            .as_ref()
            .map(|m| m.paragraphs().iter().map(|p| p.number).collect())
            .unwrap_or_default()
    }

    /// The document `name` of the meeting as PDF: kallelse.pdf, protokoll.pdf,
    /// protokoll-offentlig.pdf, anslag.pdf or utdrag-N.pdf (certified on `today`); `None` when
    /// the meeting has no such document. The documents of adjusted minutes carry the
    /// organisation's signature (PAdES) with the seal.
    pub fn pdf(&self, dir: &DataDir, name: &str, today: NaiveDate) -> Result<Option<Vec<u8>>> {
        match name {
            "kallelse.pdf" => self
                .notice()
                .map(|d| paragraf_render::notice_pdf(&d))
                .transpose()
                .map_err(Into::into),
            "protokoll.pdf" | "protokoll-offentlig.pdf" if self.minutes.is_none() => Ok(None),
            "protokoll.pdf" => {
                let doc = self.protocol(false)?;
                self.signed(dir, name, &doc, || paragraf_render::protocol_pdf(&doc))
                    .map(Some)
            }
            "protokoll-offentlig.pdf" => self.public_protocol_pdf(dir).map(Some),
            "anslag.pdf" => match self.posting() {
                Some(doc) => self
                    .signed(dir, name, &doc, || paragraf_render::posting_pdf(&doc))
                    .map(Some),
                None => Ok(None),
            },
            other => match other
                .strip_prefix("utdrag-")
                .and_then(|x| x.strip_suffix(".pdf"))
                .and_then(|n| n.parse().ok())
            {
                Some(n) => {
                    let doc = self.extract(n, today)?;
                    self.signed(dir, name, &doc, || paragraf_render::extract_pdf(&doc))
                        .map(Some)
                }
                None => Ok(None),
            },
        }
    }

    /// The public PDF of the minutes (signed when adjusted).
    pub fn public_protocol_pdf(&self, dir: &DataDir) -> Result<Vec<u8>> {
        let doc = self.protocol(true)?;
        self.signed(dir, "protokoll-offentlig.pdf", &doc, || {
            paragraf_render::protocol_pdf(&doc)
        })
    }

    /// The public PDF of the adjusted minutes as already made and kept, without signing
    /// anything now: `None` when none is kept (or the kept one does not hold).
    pub fn kept_public_protocol_pdf(&self, dir: &DataDir) -> Result<Option<Vec<u8>>> {
        let doc = self.protocol(true)?;
        match self.kept_place(dir, "protokoll-offentlig.pdf", &doc)? {
            Some((path, statement)) => crate::signing::kept(dir, &path, &statement),
            None => Ok(None),
        }
    }

    /// The signed public document `document` ("protokoll-offentlig" or "anslag") as already
    /// made and kept, when it may be served now: signed with today's organisation
    /// certificate (and time stamp, when configured), its seal holding, and made for the
    /// document as it stands (a § classified anew makes it anew). Signs nothing.
    fn kept_public(&self, dir: &DataDir, document: &str) -> Result<Option<Vec<u8>>> {
        let name = format!("{document}.pdf");
        let place = match document {
            "protokoll-offentlig" => self.kept_place(dir, &name, &self.protocol(true)?)?,
            "anslag" => match self.posting() {
                Some(doc) => self.kept_place(dir, &name, &doc)?,
                None => None,
            },
            _ => None,
        };
        match place {
            Some((path, statement)) => crate::signing::kept(dir, &path, &statement),
            None => Ok(None),
        }
    }

    /// The PDF `render` makes of `doc`: as it is while the minutes are a draft; once they
    /// are adjusted, with the organisation's signature and the seal — made once and kept
    /// under `signerade/` (a time stamp, when configured, is the authority's word on when it
    /// was signed, not on when it was downloaded), served again while it is for the same
    /// document (`doc`), seal and version of Paragraf and its signature and seal hold; a kept
    /// file that does not is made anew.
    fn signed<D: serde::Serialize>(
        &self,
        dir: &DataDir,
        name: &str,
        doc: &D,
        render: impl FnOnce() -> std::result::Result<Vec<u8>, paragraf_render::RenderError>,
    ) -> Result<Vec<u8>> {
        match self.kept_place(dir, name, doc)? {
            Some((path, statement)) => {
                crate::signing::kept_or_signed(dir, self.meeting.id, &path, &statement, render)
            }
            None => Ok(render()?),
        }
    }

    /// Where the signed PDF `name` of `doc` is kept and what its signature states; `None`
    /// while the minutes are not adjusted (sealed).
    fn kept_place<D: serde::Serialize>(
        &self,
        dir: &DataDir,
        name: &str,
        doc: &D,
    ) -> Result<Option<(PathBuf, crate::signing::Statement)>> {
        let Some(seal) = self.minutes.as_ref().and_then(|m| m.seal()) else {
            return Ok(None);
        };
        let statement = crate::signing::Statement {
            municipality: self.municipality.clone(),
            body: self.body.clone(),
            date: self.meeting.date.to_string(),
            document: name.trim_end_matches(".pdf").to_string(),
            paragraphs: match name
                .strip_prefix("utdrag-")
                .and_then(|n| n.trim_end_matches(".pdf").parse::<u32>().ok())
            {
                Some(n) => vec![n],
                None => self.paragraph_numbers(),
            },
            seal: seal.clone(),
        };
        let key = paragraf_core::seal::sha256_hex(
            serde_json::to_string(&(env!("CARGO_PKG_VERSION"), &statement, doc))?.as_bytes(),
        );
        let path = dir.path.join(format!(
            "{SIGNED_DIR}/{}/{}-{}.pdf",
            self.meeting.id,
            statement.document,
            key.get(..24).unwrap_or(&key)
        ));
        Ok(Some((path, statement)))
    }
}

/// The signed public document at content address `hex` (`/filer/{hex}.pdf`): only while
/// it is the current public version of the minutes, or the anslag, of a meeting whose
/// minutes are published, and its signatures and seal hold as [`MeetingDocs`] requires of a
/// kept file. A document made before a § was classified anew, of minutes not (or no longer)
/// published, or signed with a certificate no longer in force is `None`: never served.
pub fn public_by_content(dir: &DataDir, hex: &str) -> Result<Option<Vec<u8>>> {
    let Some(note) = crate::signing::content_note(dir, hex) else {
        return Ok(None);
    };
    if !crate::signing::PUBLIC_DOCUMENTS.contains(&note.document.as_str()) {
        return Ok(None);
    }
    let Some(docs) = MeetingDocs::published(dir, note.meeting)? else {
        return Ok(None);
    };
    Ok(docs
        .kept_public(dir, &note.document)?
        .filter(|bytes| paragraf_core::seal::sha256_hex(bytes) == hex))
}

/// Writes every document the meeting has: kallelse.pdf (when notified), protokoll.pdf,
/// protokoll-offentlig.pdf, anslag.pdf (when posted) and utdrag-<§>.pdf for each § of
/// adjusted minutes (or each § adjusted at the meeting).
pub fn render_all(
    dir: &DataDir,
    id: MeetingId,
    out: &Path,
    today: NaiveDate,
) -> Result<Vec<PathBuf>> {
    let docs = MeetingDocs::load(dir, id)?;
    std::fs::create_dir_all(out).with_context(|| format!("kunde inte skapa {}", out.display()))?;
    let mut written = Vec::new();
    let mut write = |name: String, bytes: Vec<u8>| -> Result<()> {
        let path = out.join(name);
        std::fs::write(&path, bytes)
            .with_context(|| format!("kunde inte skriva {}", path.display()))?;
        written.push(path);
        Ok(())
    };
    let mut names = Vec::new();
    if docs.notice().is_some() {
        names.push("kallelse.pdf".to_string());
    }
    if docs.minutes.is_some() {
        names.push("protokoll.pdf".into());
        names.push("protokoll-offentlig.pdf".into());
        for n in docs.paragraph_numbers() {
            if docs.extract(n, today).is_ok() {
                names.push(format!("utdrag-{n}.pdf"));
            }
        }
    }
    if docs.posting().is_some() {
        names.push("anslag.pdf".into());
    }
    for name in names {
        if let Some(bytes) = docs.pdf(dir, &name, today)? {
            write(name, bytes)?;
        }
    }
    Ok(written)
}
