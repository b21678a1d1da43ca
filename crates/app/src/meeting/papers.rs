//! Handlingar till sammanträdet: which handlingar go out with each item (chosen by the
//! secretary, in order), the members' reading room (a ledamot reads every handling of the
//! meeting; an ersättare reads the secret ones only when called in to serve), and each
//! member's private annotations, which nobody else reads and which go when the member no
//! longer sits in the body.

use anyhow::Result;
use chrono::NaiveDate;
use paragraf_core::ids::{BodyId, CaseId, DocumentId, MeetingId, PersonId, Record};
use paragraf_core::meeting::{AgendaItem, Meeting};
use paragraf_core::org::MembershipRole;
use paragraf_core::registry::{Case, Document};
use paragraf_store::{Annotation, NewAnnotation, Role, Store, User};

use crate::{DataDir, Error};

/// The handlingar of `item`: those chosen for it, in their order, or — until chosen — every
/// handling of its case but the meeting's own papers (kallelser, protokoll, utdrag).
pub fn item_documents(
    store: &dyn Store,
    item: &AgendaItem,
) -> Result<Vec<Record<DocumentId, Document>>> {
    let Some(case) = item.case else {
        return Ok(Vec::new());
    };
    let all = store.documents(case)?;
    Ok(match &item.documents {
        Some(chosen) => chosen
            .iter()
            .filter_map(|n| all.iter().find(|d| d.number == *n).cloned())
            .collect(),
        None => all
            .into_iter()
            .filter(|d| !d.kind.is_meeting_paper())
            .collect(),
    })
}

/// The handlingsnummer of `item`'s handlingar, in order (see [`item_documents`]).
pub fn chosen(dir: &DataDir, item: &AgendaItem) -> Result<Vec<u32>> {
    Ok(item_documents(dir.storage(), item)?
        .iter()
        .map(|d| d.number)
        .collect())
}

/// The meeting `id`, for a secretary of its body.
fn for_secretary(dir: &DataDir, user: &User, id: MeetingId) -> Result<Record<MeetingId, Meeting>> {
    let m = dir.storage().meeting(id)?;
    if !crate::access::may(user, crate::access::SECRETARY, Some(m.body)) {
        return Err(Error::Forbidden("bara nämndsekreteraren ändrar sammanträdet".into()).into());
    }
    Ok(m)
}

/// Chooses the handlingar of the case that go out with item `position` of `meeting`, in
/// order (before the kallelse); a number that is not a handling of the case is refused.
pub fn choose(
    dir: &DataDir,
    user: &User,
    meeting: MeetingId,
    position: u32,
    numbers: Vec<u32>,
) -> Result<()> {
    let store = dir.storage();
    let m = for_secretary(dir, user, meeting)?;
    let item = m
        .agenda()
        .iter()
        .find(|i| i.position == position)
        .ok_or_else(|| Error::NotFound(format!("punkt {position}")))?;
    if let Some(case) = item.case {
        let have: Vec<u32> = store.documents(case)?.iter().map(|d| d.number).collect();
        if let Some(n) = numbers.iter().find(|n| !have.contains(n)) {
            return Err(
                Error::field("documents", format!("ärendet har ingen handling {n}")).into(),
            );
        }
    }
    crate::in_transaction(store, |tx| {
        let mut m = tx.meeting(meeting)?.value;
        m.choose_item_documents(position, numbers.clone())?;
        tx.update_meeting(meeting, &m)?;
        Ok(())
    })
}

/// Kallar in (or, with `serve` false, takes back the call of) an ersättare of the kallelse.
pub fn call_in(
    dir: &DataDir,
    user: &User,
    meeting: MeetingId,
    person: PersonId,
    serve: bool,
) -> Result<()> {
    for_secretary(dir, user, meeting)?;
    crate::in_transaction(dir.storage(), |tx| {
        let mut m = tx.meeting(meeting)?.value;
        m.call_in(person, serve)?;
        tx.update_meeting(meeting, &m)?;
        Ok(())
    })
}

/// Whose copy of the handlingar a user reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copy {
    /// The ledamöter's: every handling (staff of the body, a ledamot, an ersättare called
    /// in to serve).
    Full,
    /// The ersättare's: the handlingar that are not secret; the secret ones by a notice.
    Substitute,
}

/// Which copy `user` reads of meeting `m`'s handlingar; refused to a user outside the body,
/// and to a member before the kallelse has gone out or without a seat in the body on the
/// meeting day.
pub fn copy_of(dir: &DataDir, user: &User, m: &Meeting) -> Result<Copy> {
    if !crate::access::may_read(user, Some(m.body)) {
        return Err(Error::Forbidden(
            "du har inte tillgång till det här organets handlingar".into(),
        )
        .into());
    }
    if user.role != Role::Member {
        return Ok(Copy::Full);
    }
    if !m.notice_sent() {
        return Err(Error::Forbidden("kallelsen har inte gått ut än".into()).into());
    }
    let seat = user
        .person
        .map(|p| seat(dir.storage(), p, m.body, m.date))
        .transpose()?
        .flatten();
    match seat {
        Some(MembershipRole::Member) => Ok(Copy::Full),
        Some(MembershipRole::Substitute) => {
            Ok(if user.person.is_some_and(|p| m.called_in().contains(&p)) {
                Copy::Full
            } else {
                Copy::Substitute
            })
        }
        None => {
            Err(Error::Forbidden("du har ingen plats i organet det här sammanträdet".into()).into())
        }
    }
}

/// The seat of `person` in `body` on `date`: ledamot before ersättare.
fn seat(
    store: &dyn Store,
    person: PersonId,
    body: BodyId,
    date: NaiveDate,
) -> Result<Option<MembershipRole>> {
    let roles: Vec<_> = store
        .memberships(Some(body))?
        .into_iter()
        .filter(|x| x.person == person && x.active_on(date))
        .map(|x| x.role)
        .collect();
    Ok(if roles.contains(&MembershipRole::Member) {
        Some(MembershipRole::Member)
    } else {
        roles.first().copied()
    })
}

/// A handling as the reading room lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Paper {
    /// The case.
    pub case: CaseId,
    /// Handlingsnummer.
    pub number: u32,
    /// Its title (the secrecy notice when this copy does not hold it).
    pub title: String,
    /// Its type, in Swedish.
    pub kind: &'static str,
    /// Its date.
    pub date: NaiveDate,
    /// Whether this copy holds it (and there is a file to read).
    pub readable: bool,
    /// Whether it is secret.
    pub secret: bool,
    /// How many annotations the reader has on it.
    pub annotations: usize,
}

/// An item of the reading room with its handlingar.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ItemPapers {
    /// Position on the list.
    pub position: u32,
    /// Its title.
    pub title: String,
    /// Diarienummer.
    pub dnr: Option<String>,
    /// Its handlingar, in order.
    pub papers: Vec<Paper>,
}

fn paper(d: &Record<DocumentId, Document>, case: &Case, copy: Copy, notes: usize) -> Paper {
    let secret = d.value.is_secret(case);
    let holds = d.value.member_may_read(case, copy == Copy::Full);
    Paper {
        case: d.case,
        number: d.number,
        title: if holds {
            d.title.clone()
        } else {
            paragraf_core::registry::SECRET_DOCUMENT.into()
        },
        kind: d.kind.swedish(),
        date: d.date,
        readable: holds && d.file.is_some(),
        secret,
        annotations: notes,
    }
}

/// The reading room of meeting `id` for `user`: each item with its handlingar, in the copy
/// the user reads.
pub fn reading_room(dir: &DataDir, user: &User, id: MeetingId) -> Result<(Copy, Vec<ItemPapers>)> {
    let store = dir.storage();
    let m = store.meeting(id)?;
    let copy = copy_of(dir, user, &m)?;
    let notes = dir.storage().annotations(user.id)?;
    let mut items = Vec::new();
    for item in m.agenda() {
        let mut papers = Vec::new();
        if let Some(c) = item.case {
            let case = store.case(c)?;
            for d in item_documents(store, item)? {
                let n = notes
                    .iter()
                    .filter(|a| a.case == c && a.document == d.number)
                    .count();
                papers.push(paper(&d, &case, copy, n));
            }
        }
        let hide = item.secrecy.is_secret() && copy != Copy::Full;
        items.push(ItemPapers {
            position: item.position,
            title: if hide {
                paragraf_core::publication::SECRET_TITLE.into()
            } else {
                item.title.clone()
            },
            dnr: if hide { None } else { item.case_number.clone() },
            papers,
        });
    }
    Ok((copy, items))
}

/// One handling of item `position` of meeting `id` as `user` reads it, with its file; a
/// secret handling's read is logged. Refused when the user's copy does not hold it.
pub fn open(
    dir: &DataDir,
    user: &User,
    id: MeetingId,
    position: u32,
    number: u32,
) -> Result<(Paper, Vec<u8>)> {
    let paper = find(dir, user, id, position, number)?;
    let bytes = read(dir, user, id, &paper)?;
    Ok((paper, bytes))
}

/// The file of `paper`, which the reader's copy holds; a secret one's read is logged.
fn read(dir: &DataDir, user: &User, id: MeetingId, paper: &Paper) -> Result<Vec<u8>> {
    let (doc, bytes) = crate::registry::document_file(dir, paper.case, paper.number)?;
    if paper.secret {
        let dnr = dir.storage().case(paper.case)?.dnr.to_string();
        crate::accounts::record(
            dir,
            &user.username,
            "läsa-sekretess",
            "handling",
            doc.id.0,
            None,
            Some(
                serde_json::json!({ "ärende": dnr, "handling": paper.number, "sammanträde": id.0 }),
            ),
        );
    }
    Ok(bytes)
}

/// The handling of item `position` of meeting `id` that `user`'s copy holds; refused when
/// the copy does not hold it.
fn find(dir: &DataDir, user: &User, id: MeetingId, position: u32, number: u32) -> Result<Paper> {
    let store = dir.storage();
    let m = store.meeting(id)?;
    let copy = copy_of(dir, user, &m)?;
    let item = m
        .agenda()
        .iter()
        .find(|i| i.position == position)
        .ok_or_else(|| Error::NotFound(format!("punkt {position}")))?;
    let d = item_documents(store, item)?
        .into_iter()
        .find(|d| d.number == number)
        .ok_or_else(|| Error::NotFound(format!("handling {number} till punkt {position}")))?;
    let case = store.case(d.case)?.value;
    if !d.value.member_may_read(&case, copy == Copy::Full) {
        return Err(Error::Forbidden(
            "handlingen omfattas av sekretess och ingår inte i ersättarnas utskick".into(),
        )
        .into());
    }
    let n = dir
        .storage()
        .annotations(user.id)?
        .iter()
        .filter(|a| a.case == d.case && a.document == number)
        .count();
    Ok(paper(&d, &case, copy, n))
}

/// Writes a private annotation of `user` on handling `number` of item `position` (which the
/// user must be able to read): a note, on a page, with the words highlighted.
#[allow(clippy::too_many_arguments)]
pub fn annotate(
    dir: &DataDir,
    user: &User,
    id: MeetingId,
    position: u32,
    number: u32,
    page: Option<u32>,
    quote: Option<String>,
    note: &str,
) -> Result<Annotation> {
    let p = find(dir, user, id, position, number)?;
    if page == Some(0) {
        return Err(Error::field("page", "sidnumret börjar på 1").into());
    }
    Ok(dir.storage().add_annotation(&NewAnnotation {
        user: user.id,
        case: p.case,
        document: number,
        page,
        quote,
        note: note.to_string(),
    })?)
}

/// Removes one of `user`'s annotations on handling `number` of item `position` of meeting
/// `id` (which the user must still read); another user's is not found.
pub fn remove_annotation(
    dir: &DataDir,
    user: &User,
    (id, position, number): (MeetingId, u32, u32),
    annotation: i64,
) -> Result<()> {
    // One's own note may be removed whenever one still works in the body, even when one's
    // copy no longer holds the handling (a call taken back).
    let _ = (position, number);
    let m = dir.storage().meeting(id)?;
    if !crate::access::may_read(user, Some(m.body)) {
        return Err(Error::Forbidden(
            "du har inte tillgång till det här organets handlingar".into(),
        )
        .into());
    }
    if !dir.storage().remove_annotation(user.id, annotation)? {
        return Err(Error::NotFound(format!("anteckning {annotation}")).into());
    }
    Ok(())
}

/// `user`'s annotations on handling `number` of `case`.
pub fn annotations_on(
    dir: &DataDir,
    user: &User,
    case: CaseId,
    number: u32,
) -> Result<Vec<Annotation>> {
    Ok(my_annotations(dir, user)?
        .into_iter()
        .filter(|a| a.case == case && a.document == number)
        .collect())
}

/// Every annotation of `user`, after those on cases of bodies the user no longer sits in
/// have been removed.
pub fn my_annotations(dir: &DataDir, user: &User) -> Result<Vec<Annotation>> {
    prune(dir, user)?;
    Ok(dir.storage().annotations(user.id)?)
}

/// An annotation as the member exports it: with the case and the handling named.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportedAnnotation {
    /// Diarienummer.
    pub diarienummer: String,
    /// Handlingsnummer.
    pub handling: u32,
    /// The handling's title.
    pub rubrik: String,
    /// Page.
    pub sida: Option<u32>,
    /// Markering.
    pub markering: Option<String>,
    /// The note.
    pub anteckning: String,
    /// Written at.
    pub skriven: String,
}

/// `user`'s annotations for export.
pub fn export(dir: &DataDir, user: &User) -> Result<Vec<ExportedAnnotation>> {
    let store = dir.storage();
    let mut out = Vec::new();
    for a in my_annotations(dir, user)? {
        let case = store.case(a.case)?;
        // A secret handling is named by its number only: the export may travel further
        // than the reading room.
        let title = store
            .documents(a.case)?
            .into_iter()
            .find(|d| d.number == a.document)
            .map(|d| {
                if d.value.is_secret(&case.value) {
                    paragraf_core::registry::SECRET_DOCUMENT.to_string()
                } else {
                    d.value.title
                }
            })
            .unwrap_or_default();
        out.push(ExportedAnnotation {
            diarienummer: case.dnr.to_string(),
            handling: a.document,
            rubrik: title,
            sida: a.page,
            markering: a.quote,
            anteckning: a.note,
            skriven: a.created,
        });
    }
    Ok(out)
}

/// Removes `user`'s annotations on the handlingar of cases the user may no longer read: of
/// a body the account no longer holds, or — for a member — where the person's seat has
/// ended. Returns how many.
pub fn prune(dir: &DataDir, user: &User) -> Result<usize> {
    let store = dir.storage();
    let today = crate::clock::today();
    // Whether the user sits in `body` on `date` (staff: holds the body).
    let memberships = match (user.role, user.person) {
        (Role::Member, Some(p)) => store
            .memberships(None)?
            .into_iter()
            .filter(|x| x.person == p)
            .collect(),
        _ => Vec::new(),
    };
    let sits = |body: BodyId, date: NaiveDate| -> bool {
        crate::access::may_read(user, Some(body))
            && match user.role {
                Role::Member => memberships
                    .iter()
                    .any(|x| x.body == body && x.active_on(date)),
                _ => true,
            }
    };
    // A case is kept while it is of a body the user sits in today, or on the agenda of a
    // meeting the user sat in on its day (a seat that begins after the kallelse counts).
    let mut kept = std::collections::HashSet::new();
    for m in store.meetings()? {
        if sits(m.body, m.date) || sits(m.body, today) {
            kept.extend(m.agenda().iter().filter_map(|i| i.case));
        }
    }
    // Decided before the write (the store's check runs inside its write transaction, where
    // no other read may wait on it): the cases whose notes go. A note written meanwhile on
    // another case stays.
    let remove: std::collections::HashSet<CaseId> = store
        .annotations(user.id)?
        .into_iter()
        .map(|a| a.case)
        .filter(|c| {
            !(kept.contains(c)
                || store
                    .case(*c)
                    .is_ok_and(|c| c.body.is_some_and(|b| sits(b, today))))
        })
        .collect();
    Ok(store.prune_annotations(user.id, &|c| !remove.contains(&c))?)
}

/// Removes the annotations every account may no longer keep (see [`prune`]): the server
/// runs this every hour, so that notes go when a seat ends or a body is taken from an
/// account, whether or not their owner logs in again. Returns how many.
pub fn prune_all(dir: &DataDir) -> Result<usize> {
    let store = dir.storage();
    let mut removed = 0;
    for user in store.users()? {
        if !store.annotations(user.id)?.is_empty() {
            removed += prune(dir, &user)?;
        }
    }
    Ok(removed)
}

/// Kallelse med handlingar: the kallelse and, under each item, the handlingar of `user`'s
/// copy, joined into one PDF with a bookmark per item and per handling (a secret handling
/// read this way is logged like one opened on its own).
pub fn bundle(dir: &DataDir, user: &User, id: MeetingId, today: NaiveDate) -> Result<Vec<u8>> {
    use paragraf_render::bundle::{join, Part};
    let store = dir.storage();
    let m = store.meeting(id)?;
    copy_of(dir, user, &m)?;
    let docs = crate::meeting::documents::MeetingDocs::load(dir, id)?;
    let notice = docs
        .pdf(dir, "kallelse.pdf", today)?
        .ok_or_else(|| Error::NotFound("kallelsen har inte gått ut".into()))?;
    let mut parts = vec![Part {
        marks: vec![(0, "Kallelse och föredragningslista".into())],
        bytes: notice,
    }];
    let (_, items) = reading_room(dir, user, id)?;
    for item in items {
        let readable: Vec<_> = item.papers.iter().filter(|p| p.readable).collect();
        for (i, p) in readable.iter().enumerate() {
            let mut bytes = match read(dir, user, id, p) {
                Ok(b) => b,
                // A file gone from the disk is named like one that cannot be joined.
                Err(e) if matches!(e.downcast_ref::<Error>(), Some(Error::NotFound(_))) => {
                    Vec::new()
                }
                Err(e) => return Err(e),
            };
            if !paragraf_render::bundle::joinable(&bytes) {
                // A file that cannot be joined is named, not left out in silence.
                bytes = stand_in(dir, &m, p)?;
            }
            let mut marks = Vec::new();
            if i == 0 {
                marks.push((0, format!("Punkt {}. {}", item.position, item.title)));
            }
            marks.push((1, format!("Handling {}: {}", p.number, p.title)));
            parts.push(Part { marks, bytes });
        }
    }
    Ok(join(
        &format!(
            "Kallelse med handlingar – {} {}",
            dir.body_name(m.body),
            m.date
        ),
        &parts,
    )?)
}

/// The page that stands in a bundle for a handling whose file cannot be joined.
fn stand_in(dir: &DataDir, m: &Meeting, p: &Paper) -> Result<Vec<u8>> {
    use paragraf_render::report::ReportDoc;
    Ok(paragraf_render::report_pdf(&ReportDoc {
        municipality: dir.config().municipality.name.clone(),
        body: dir.body_name(m.body),
        kind: "Handling".into(),
        date: p.date,
        title: format!("Handling {}: {}", p.number, p.title),
        subtitle: Some(
            "Filen kunde inte fogas in i den samlade PDF:en. Öppna handlingen för sig från sammanträdets sida.".into(),
        ),
        facts: Vec::new(),
        sections: Vec::new(),
        landscape: false,
    })?)
}
