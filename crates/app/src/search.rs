//! Sök: what the public may find, and where a diarienummer leads.
//!
//! The public index (`search/public/` in the data directory) is built only from
//! [`published`](crate::meeting::publication::published): posted minutes whose seal holds,
//! each § as the public may read it (secret and unclassified §§ are not there at all),
//! masked. It is kept in step by [`sync`], which every operation that can change what is
//! published calls before it returns (posting, classifying, importing), and rebuilt by
//! [`reindex`]. The index only proposes: every hit is checked again against what is
//! published now before it is shown, so a § made secret, or minutes whose seal no longer
//! holds, are never found even by a stale index.
//!
//! A case is public here through the §§ of posted protocols that name it; the registry
//! itself is not published (a handling's secrecy is not yet decided per document).

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use paragraf_core::dnr::{address_slug, DnrLookup};
use paragraf_core::ids::MeetingId;
use paragraf_core::minutes::Paragraph;
use paragraf_core::publication::Publication;
use paragraf_search::{Entry, GroupChange, Hit, Query, Results};

use crate::meeting::publication::{is_published, published, PublicMinutes};
use crate::DataDir;

/// Where the public index lives in the data directory.
pub const PUBLIC_INDEX: &str = "search/public";

/// The version of what an entry holds: a new one re-indexes every protocol at the next sync.
const ENTRIES: u32 = 2;

/// Kind of a § in a protocol (facet value).
pub const KIND_PARAGRAPH: &str = "paragraf";

/// The group of meeting `id`'s protocol in the index.
fn group(id: MeetingId) -> String {
    format!("m/{id}")
}

fn meeting_of(group: &str) -> Option<MeetingId> {
    group.strip_prefix("m/")?.parse().ok().map(MeetingId)
}

/// What the public entries of a meeting are built from: the seal, the classifications, the
/// body's name and the index format. `None` when nothing of it is published.
fn fingerprint(dir: &DataDir, id: MeetingId) -> Result<Option<String>> {
    let store = dir.storage();
    let meeting = store.meeting(id)?;
    if !is_published(&meeting) {
        return Ok(None);
    }
    let Some(seal) = store.seal_record(id)? else {
        return Ok(None);
    };
    let classifications = serde_json::to_string(&store.classifications(id)?)?;
    let text = format!(
        "{}/{ENTRIES}\n{}\n{}\n{}\n{}",
        paragraf_search::FORMAT,
        seal.seal.sha256,
        classifications,
        dir.body_name(meeting.body),
        meeting.date
    );
    Ok(Some(paragraf_core::seal::sha256_hex(text.as_bytes())))
}

/// The text of a § that is searched: what the public version shows of it.
fn searchable_text(p: &Paragraph) -> String {
    let mut parts = vec![p.text.clone()];
    if let Some(d) = &p.proposal {
        parts.push(d.to_text());
    }
    for m in &p.motions {
        parts.push(m.text.clone());
    }
    if let Some(d) = &p.decision {
        parts.push(d.to_text());
    }
    for n in &p.notes {
        parts.push(n.text.clone());
    }
    parts.extend(p.documents.iter().cloned());
    parts.retain(|s| !s.trim().is_empty());
    parts.join("\n")
}

/// The entries the public may find in published minutes.
fn entries(dir: &DataDir, pm: &PublicMinutes) -> Vec<Entry> {
    let m = &pm.meeting;
    let body = dir.body_name(m.value.body);
    let address = crate::meeting::publication::address(dir, m);
    let public: HashSet<u32> = pm
        .publication
        .iter()
        .filter(|(_, p)| *p == Publication::Public)
        .map(|(n, _)| *n)
        .collect();
    pm.minutes
        .paragraphs()
        .iter()
        .filter(|p| public.contains(&p.number))
        .map(|p| Entry {
            key: format!("p/{}/{}", m.id, p.number),
            group: group(m.id),
            kind: KIND_PARAGRAPH.into(),
            body: body.clone(),
            year: chrono::Datelike::year(&m.value.date),
            date: m.value.date.to_string(),
            title: format!("§ {} {}", p.number, p.title),
            text: searchable_text(p),
            url: format!("{address}#p{}", p.number),
            dnr: p.case_number.clone(),
            case_key: p
                .case_number
                .as_deref()
                .and_then(DnrLookup::parse)
                .map(|l| l.key()),
            access: Vec::new(),
        })
        .collect()
}

/// The change that brings meeting `id`'s group to what is published now.
fn change(dir: &DataDir, id: MeetingId, fingerprint: Option<String>) -> Result<GroupChange> {
    let entries = match &fingerprint {
        Some(_) => published(dir, id)?
            .map(|pm| entries(dir, &pm))
            .unwrap_or_default(),
        None => Vec::new(),
    };
    Ok(GroupChange {
        group: group(id),
        // Minutes withheld (their seal fails) are kept out until they are fixed.
        fingerprint: fingerprint.filter(|_| !entries.is_empty()),
        entries,
    })
}

/// What a sync or a rebuild did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct SyncReport {
    /// Protocols (re)indexed.
    pub indexed: usize,
    /// Protocols taken out.
    pub removed: usize,
    /// Entries in the index afterwards.
    pub entries: u64,
}

/// Brings the public index in step with what is published: protocols posted, classified,
/// withheld or changed since are (re)indexed or taken out, in one commit; then the public
/// handlingar of the cases the published §§ name.
pub fn sync(dir: &DataDir) -> Result<SyncReport> {
    let index = dir.public_index()?;
    let mut report = SyncReport::default();
    let mut groups = GroupSync::new(index, "m/", &mut report)?;
    for m in dir.storage().meetings()? {
        let want = fingerprint(dir, m.id)?;
        groups.consider(group(m.id), want.clone(), || {
            Ok(change(dir, m.id, want)?.entries)
        })?;
    }
    groups.finish(index)?;
    sync_notices(dir, &mut report)?;
    sync_documents(dir, &mut report)?;
    report.entries = index.len();
    Ok(report)
}

/// Brings the groups of an index whose names begin with `prefix` in step: each group
/// [`consider`](GroupSync::consider)ed is rebuilt when what it is built from changed (an empty
/// one is removed), groups of the prefix not considered are removed, all in one commit.
struct GroupSync<'a> {
    have: std::collections::BTreeMap<String, String>,
    prefix: &'static str,
    changes: Vec<GroupChange>,
    seen: HashSet<String>,
    report: &'a mut SyncReport,
}

impl<'a> GroupSync<'a> {
    fn new(
        index: &paragraf_search::SearchIndex,
        prefix: &'static str,
        report: &'a mut SyncReport,
    ) -> Result<Self> {
        Ok(GroupSync {
            have: index.groups()?,
            prefix,
            changes: Vec::new(),
            seen: HashSet::new(),
            report,
        })
    }

    /// Group `group` is now built from what has `want` (`None`: nothing of it is to be
    /// found); `build` makes its entries when they must be made anew.
    fn consider(
        &mut self,
        group: String,
        want: Option<String>,
        build: impl FnOnce() -> Result<Vec<Entry>>,
    ) -> Result<()> {
        if want.as_ref() != self.have.get(&group) {
            let entries = match want {
                Some(_) => build()?,
                None => Vec::new(),
            };
            let had = self.have.contains_key(&group);
            if entries.is_empty() {
                self.report.removed += usize::from(had);
            } else {
                self.report.indexed += 1;
            }
            if had || !entries.is_empty() {
                self.changes.push(GroupChange {
                    group: group.clone(),
                    fingerprint: want.filter(|_| !entries.is_empty()),
                    entries,
                });
            }
        }
        self.seen.insert(group);
        Ok(())
    }

    /// Removes the groups of the prefix that were not considered and commits.
    fn finish(mut self, index: &paragraf_search::SearchIndex) -> Result<()> {
        for g in self.have.keys() {
            if g.starts_with(self.prefix) && !self.seen.contains(g) {
                self.report.removed += 1;
                self.changes.push(GroupChange {
                    group: g.clone(),
                    fingerprint: None,
                    entries: Vec::new(),
                });
            }
        }
        if !self.changes.is_empty() {
            index.apply(&self.changes, false)?;
        }
        Ok(())
    }
}

/// Kind of an item of a public kallelse (facet value).
pub const KIND_NOTICE_ITEM: &str = "punkt i kallelse";

fn notice_group(id: MeetingId) -> String {
    format!("k/{id}")
}

/// Brings the items of public kallelser in the index in step: each item that is not secret,
/// found by its title and diarienummer, leading to the kallelse.
fn sync_notices(dir: &DataDir, report: &mut SyncReport) -> Result<()> {
    let index = dir.public_index()?;
    let mut groups = GroupSync::new(index, "k/", report)?;
    consider_notices(dir, &mut groups, |_| Vec::new())?;
    groups.finish(index)
}

/// Considers the group of each meeting's public kallelse (see [`sync_notices`]); its
/// entries carry the access tokens `access` gives for the meeting's body.
fn consider_notices(
    dir: &DataDir,
    groups: &mut GroupSync<'_>,
    access: impl Fn(paragraf_core::ids::BodyId) -> Vec<String>,
) -> Result<()> {
    use crate::meeting::publication::{notice_address_of, public_agenda};
    for m in dir.storage().meetings()? {
        let g = notice_group(m.id);
        let notice = public_agenda(dir, m.id)?;
        let want = notice.as_ref().map(|n| {
            let text = format!(
                "{}/{ENTRIES}\n{}",
                paragraf_search::FORMAT,
                serde_json::to_string(n).unwrap_or_default()
            );
            paragraf_core::seal::sha256_hex(text.as_bytes())
        });
        groups.consider(g.clone(), want, || {
            let (Some(n), Ok(body)) = (&notice, dir.storage().body(m.body)) else {
                return Ok(Vec::new());
            };
            Ok(n.items
                .iter()
                .filter(|i| !i.secret)
                .map(|i| Entry {
                    key: format!("k/{}/{}", m.id, i.position),
                    group: g.clone(),
                    kind: KIND_NOTICE_ITEM.into(),
                    body: n.body.clone(),
                    year: chrono::Datelike::year(&m.date),
                    date: m.date.to_string(),
                    title: format!("{}. {}", i.position, i.title),
                    text: i.title.clone(),
                    url: notice_address_of(&body.value, m.date),
                    case_key: case_key_of(i.dnr.as_deref()),
                    dnr: i.dnr.clone(),
                    access: access(m.body),
                })
                .collect())
        })?;
    }
    Ok(())
}

/// Brings the public handlingar in the index in step: for each case of the registry, the
/// handlingar that may be published now (see [`public_documents_of`]), with the text of their
/// PDFs (personnummer masked).
fn sync_documents(dir: &DataDir, report: &mut SyncReport) -> Result<()> {
    let index = dir.public_index()?;
    let mut groups = GroupSync::new(index, "h/", report)?;
    consider_documents(dir, &mut groups, &[])?;
    groups.finish(index)
}

/// Considers the group of each case's public handlingar (see [`sync_documents`]), their
/// entries with access tokens `access`.
fn consider_documents(dir: &DataDir, groups: &mut GroupSync<'_>, access: &[String]) -> Result<()> {
    for c in dir.storage().cases()? {
        let documents = public_documents_of(dir, &c)?;
        let want = (!documents.is_empty()).then(|| {
            let text = format!(
                "{}/{ENTRIES}\n{}\n{}",
                paragraf_search::FORMAT,
                serde_json::to_string(&c.value).unwrap_or_default(),
                serde_json::to_string(&documents).unwrap_or_default()
            );
            paragraf_core::seal::sha256_hex(text.as_bytes())
        });
        groups.consider(document_group(c.id), want, || {
            let mut entries = document_entries(dir, &c, &documents);
            for e in &mut entries {
                e.access = access.to_vec();
            }
            Ok(entries)
        })?;
    }
    Ok(())
}

/// Kind of a public handling (facet value).
pub const KIND_DOCUMENT: &str = "handling";

fn document_group(case: paragraf_core::ids::CaseId) -> String {
    format!("h/{case}")
}

/// The handlingar of case `c` that the public may read: the case is named by a published,
/// public § or is an item of a public kallelse (the registry itself is not published) and
/// each handling
/// [may be published](paragraf_core::registry::Document::may_be_published) — a person has
/// found it public.
pub fn public_documents_of(
    dir: &DataDir,
    c: &paragraf_core::ids::Record<paragraf_core::ids::CaseId, paragraf_core::registry::Case>,
) -> Result<
    Vec<
        paragraf_core::ids::Record<
            paragraf_core::ids::DocumentId,
            paragraf_core::registry::Document,
        >,
    >,
> {
    let documents: Vec<_> = dir
        .storage()
        .documents(c.id)?
        .into_iter()
        .filter(|d| d.value.may_be_published(&c.value))
        .collect();
    if documents.is_empty() {
        return Ok(documents);
    }
    let known = named_by_published_paragraph(dir, c)?
        || crate::meeting::publication::on_public_agenda(dir, c.id)?;
    if !known {
        return Ok(Vec::new());
    }
    // Masked once here, so that every public surface (the case page, the kallelse, the
    // search index, OParl's File.name, handlingar.jsonl, the download name) shows the same
    // title without personnummer.
    Ok(documents
        .into_iter()
        .map(|mut d| {
            d.value.title =
                paragraf_core::secrecy::mask_personal_numbers(&d.value.title).into_owned();
            d
        })
        .collect())
}

/// Whether a published, public § names case `c` itself: linked to it, or with its exact
/// diarienummer (series included — a number without series could be any series' case).
fn named_by_published_paragraph(
    dir: &DataDir,
    c: &paragraf_core::ids::Record<paragraf_core::ids::CaseId, paragraf_core::registry::Case>,
) -> Result<bool> {
    let Some(lookup) = DnrLookup::parse(&c.dnr.to_string()) else {
        return Ok(false);
    };
    let Some(public) = public_case_by(dir, &lookup)? else {
        return Ok(false);
    };
    for h in &public.paragraphs {
        let (Some(id), Some(n)) = (
            meeting_of(&h.group),
            h.key.rsplit('/').next().and_then(|n| n.parse::<u32>().ok()),
        ) else {
            continue;
        };
        let Some(pm) = published(dir, id)? else {
            continue;
        };
        if pm.minutes.paragraph(n).is_some_and(|p| {
            p.case == Some(c.id)
                || p.case_number
                    .as_deref()
                    .and_then(|d| paragraf_core::dnr::Dnr::parse(d).ok())
                    .is_some_and(|d| d == c.dnr)
        }) {
            return Ok(true);
        }
    }
    Ok(false)
}

fn document_entries(
    dir: &DataDir,
    c: &paragraf_core::ids::Record<paragraf_core::ids::CaseId, paragraf_core::registry::Case>,
    documents: &[paragraf_core::ids::Record<
        paragraf_core::ids::DocumentId,
        paragraf_core::registry::Document,
    >],
) -> Vec<Entry> {
    let dnr = c.dnr.to_string();
    let body = c.body.map_or(NO_BODY.to_string(), |b| dir.body_name(b));
    documents
        .iter()
        .map(|d| {
            let text = d
                .file
                .as_ref()
                .map(|f| match paragraf_import::pdf_to_text(&dir.path.join(f)) {
                    Ok(t) => paragraf_core::secrecy::mask_personal_numbers(&t).into_owned(),
                    Err(e) => {
                        tracing::warn!("handling {} i {dnr}: {e}", d.number);
                        String::new()
                    }
                })
                .unwrap_or_default();
            Entry {
                key: format!("h/{}/{}", c.id, d.number),
                group: document_group(c.id),
                kind: KIND_DOCUMENT.into(),
                body: body.clone(),
                year: chrono::Datelike::year(&d.date),
                date: d.date.to_string(),
                title: d.title.clone(),
                text,
                url: format!("/arende/{}/handlingar/{}", address_slug(&dnr), d.number),
                dnr: Some(dnr.clone()),
                case_key: case_key_of(Some(&dnr)),
                access: Vec::new(),
            }
        })
        .collect()
}

/// Keeps the public index in step after an operation that may have changed what is
/// published. The operation itself has been stored: a failure here is logged (the index
/// only proposes hits, so nothing is shown that is not published) and `paragraf search
/// reindex` repairs it.
pub fn after_publication(dir: &DataDir) {
    if let Err(e) = sync(dir) {
        tracing::error!("sökindexet kunde inte uppdateras: {e:#}; kör `paragraf search reindex`");
    }
}

/// Rebuilds the public index from what is published.
pub fn reindex(dir: &DataDir) -> Result<SyncReport> {
    let mut changes = Vec::new();
    for m in dir.storage().meetings()? {
        let want = fingerprint(dir, m.id)?;
        if want.is_some() {
            let c = change(dir, m.id, want)?;
            if !c.entries.is_empty() {
                changes.push(c);
            }
        }
    }
    let index = dir.public_index()?;
    index.apply(&changes, true)?;
    let mut report = SyncReport {
        indexed: changes.len(),
        removed: 0,
        entries: 0,
    };
    sync_notices(dir, &mut report)?;
    sync_documents(dir, &mut report)?;
    report.entries = index.len();
    Ok(report)
}

/// The §§ the public may read now, per meeting, for the meetings of `hits`.
fn readable_now(dir: &DataDir, hits: &[Hit]) -> Result<HashMap<String, HashSet<u32>>> {
    let mut out: HashMap<String, HashSet<u32>> = HashMap::new();
    for h in hits {
        if out.contains_key(&h.group) {
            continue;
        }
        if let Some(m) = h
            .group
            .strip_prefix("k/")
            .and_then(|m| m.parse::<i64>().ok())
        {
            let numbers = crate::meeting::publication::public_agenda(dir, MeetingId(m))?
                .map(|n| {
                    n.items
                        .iter()
                        .filter(|i| !i.secret)
                        .map(|i| i.position)
                        .collect()
                })
                .unwrap_or_default();
            out.insert(h.group.clone(), numbers);
            continue;
        }
        if let Some(case) = h
            .group
            .strip_prefix("h/")
            .and_then(|c| c.parse::<i64>().ok())
        {
            let numbers = match dir.storage().case(paragraf_core::ids::CaseId(case)) {
                Ok(c) => public_documents_of(dir, &c)?
                    .iter()
                    .map(|d| d.number)
                    .collect(),
                Err(_) => HashSet::new(),
            };
            out.insert(h.group.clone(), numbers);
            continue;
        }
        let numbers = match meeting_of(&h.group) {
            Some(id) => published(dir, id)?
                .map(|pm| {
                    pm.publication
                        .iter()
                        .filter(|(_, p)| *p == Publication::Public)
                        .map(|(n, _)| *n)
                        .collect()
                })
                .unwrap_or_default(),
            None => HashSet::new(),
        };
        out.insert(h.group.clone(), numbers);
    }
    Ok(out)
}

/// Keeps only the hits the public may read now.
fn still_public(dir: &DataDir, hits: Vec<Hit>) -> Result<(Vec<Hit>, usize)> {
    let readable = readable_now(dir, &hits)?;
    let before = hits.len();
    let kept: Vec<Hit> = hits
        .into_iter()
        .filter(|h| {
            let number = h.key.rsplit('/').next().and_then(|n| n.parse::<u32>().ok());
            match (readable.get(&h.group), number) {
                (Some(ns), Some(n)) => ns.contains(&n),
                _ => false,
            }
        })
        .collect();
    let dropped = before - kept.len();
    Ok((kept, dropped))
}

/// What a public search gives.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub enum PublicSearch {
    /// The text is a diarienummer of a case the public can read about: go there.
    Case {
        /// The case's permanent address.
        url: String,
    },
    /// Hits.
    Found(Results),
}

/// Searches what the public may read. A diarienummer, in any spelling, leads straight to
/// its case when a published § names it.
pub fn search_public(dir: &DataDir, q: &Query) -> Result<PublicSearch> {
    if let Some(lookup) = DnrLookup::parse(&q.text) {
        if let Some(case) = public_case_by(dir, &lookup)? {
            return Ok(PublicSearch::Case {
                url: format!("/arende/{}", address_slug(&case.dnr)),
            });
        }
    }
    let q = Query {
        access: None,
        exclude: Vec::new(),
        ..q.clone()
    };
    let mut results = dir.public_index()?.search(&q)?;
    let (hits, _) = still_public(dir, results.hits.clone())?;
    let kept: HashSet<&str> = hits.iter().map(|h| h.key.as_str()).collect();
    results.retain(|h| kept.contains(h.key.as_str()));
    Ok(PublicSearch::Found(results))
}

/// A case as the public knows it: from the published §§ that name it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PublicCase {
    /// Diarienummer as the protocols write it.
    pub dnr: String,
    /// The title of its latest §.
    pub title: String,
    /// The §§, oldest first.
    pub paragraphs: Vec<Hit>,
    /// Its handlingar that the public may read, in number order.
    pub documents: Vec<PublicDocument>,
}

/// A handling the public may read.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PublicDocument {
    /// Handlingsnummer.
    pub number: u32,
    /// Rubrik.
    pub title: String,
    /// Datum.
    pub date: chrono::NaiveDate,
    /// Typ, in Swedish.
    pub kind: String,
}

fn public_case_by(dir: &DataDir, lookup: &DnrLookup) -> Result<Option<PublicCase>> {
    let hits = dir.public_index()?.in_case(&lookup.key())?;
    let hits: Vec<Hit> = hits
        .into_iter()
        .filter(|h| h.kind == KIND_PARAGRAPH)
        .filter(|h| {
            h.dnr
                .as_deref()
                .and_then(|d| paragraf_core::dnr::Dnr::parse(d).ok())
                .is_some_and(|d| lookup.matches(&d))
        })
        .collect();
    let (hits, _) = still_public(dir, hits)?;
    let Some(last) = hits.last() else {
        return Ok(None);
    };
    Ok(Some(PublicCase {
        documents: Vec::new(),
        dnr: last.dnr.clone().unwrap_or_default(),
        title: last
            .title
            .split_once(' ')
            .and_then(|(_, rest)| rest.split_once(' '))
            .map_or(last.title.clone(), |(_, t)| t.to_string()),
        paragraphs: hits,
    }))
}

/// The case at permanent address `/arende/{slug}`, as the public knows it, with its public
/// handlingar.
pub fn public_case(dir: &DataDir, slug: &str) -> Result<Option<PublicCase>> {
    let Some(lookup) = DnrLookup::parse(slug) else {
        return Ok(None);
    };
    let Some(mut case) = public_case_by(dir, &lookup)? else {
        return Ok(None);
    };
    for c in registry_cases(dir, &lookup)? {
        for d in public_documents_of(dir, &c)? {
            case.documents.push(PublicDocument {
                number: d.number,
                title: d.value.title,
                date: d.value.date,
                kind: d.value.kind.swedish().to_string(),
            });
        }
    }
    case.documents.sort_by_key(|d| d.number);
    Ok(Some(case))
}

/// The cases of the registry that `lookup` names.
fn registry_cases(
    dir: &DataDir,
    lookup: &DnrLookup,
) -> Result<
    Vec<paragraf_core::ids::Record<paragraf_core::ids::CaseId, paragraf_core::registry::Case>>,
> {
    Ok(dir
        .storage()
        .cases()?
        .into_iter()
        .filter(|c| lookup.matches(&c.dnr))
        .collect())
}

/// The PDF of public handling `number` of the case at `/arende/{slug}`: its title and bytes,
/// when the public may read it.
pub fn public_document(
    dir: &DataDir,
    slug: &str,
    number: u32,
) -> Result<Option<(String, Vec<u8>)>> {
    let Some(lookup) = DnrLookup::parse(slug) else {
        return Ok(None);
    };
    for c in registry_cases(dir, &lookup)? {
        if let Some(d) = public_documents_of(dir, &c)?
            .into_iter()
            .find(|d| d.number == number)
        {
            let (_, bytes) = crate::registry::document_file(dir, c.id, d.number)?;
            return Ok(Some((d.value.title, bytes)));
        }
    }
    Ok(None)
}

pub use paragraf_search::{Query as SearchQuery, Results as SearchResults, Segment};
/// One hit of a search.
pub type SearchHit = Hit;

// ---------------------------------------------------------------------------------------
// The workspace's search: what a logged-in person may read.

/// Where the workspace's index lives in the data directory. It holds every § as it stands
/// (drafts and secret §§ included, for those who may read their body), the agenda items of
/// meetings without minutes, every case of the registry, and the public copies of published
/// §§; each entry names who may find it ([`crate::access::search_tokens`]).
pub const WORKSPACE_INDEX: &str = "search/intern";

/// Kind of a case of the registry (facet value).
pub const KIND_CASE: &str = "ärende i diariet";
/// Kind of an item on the agenda of a meeting without minutes (facet value).
pub const KIND_ITEM: &str = "punkt på föredragningslistan";
/// The body facet of a case of no body.
const NO_BODY: &str = "Ingen nämnd";

fn case_group(id: paragraf_core::ids::CaseId) -> String {
    format!("c/{id}")
}

fn case_key_of(dnr: Option<&str>) -> Option<String> {
    dnr.and_then(DnrLookup::parse).map(|l| l.key())
}

/// The workspace's entries of meeting `m` and what they are built from.
fn workspace_meeting(
    dir: &DataDir,
    m: &paragraf_core::ids::Record<MeetingId, paragraf_core::meeting::Meeting>,
    build: bool,
) -> Result<(String, Vec<Entry>)> {
    let store = dir.storage();
    let minutes = store.minutes(m.id)?;
    let public = fingerprint(dir, m.id)?;
    let body = dir.body_name(m.body);
    let text = format!(
        "{ENTRIES}\n{}\n{}\n{}\n{body}\n{}",
        serde_json::to_string(&m.value)?,
        serde_json::to_string(&minutes)?,
        serde_json::to_string(&store.classifications(m.id)?)?,
        public.clone().unwrap_or_default()
    );
    let fp = paragraf_core::seal::sha256_hex(text.as_bytes());
    if !build {
        return Ok((fp, Vec::new()));
    }
    let access = vec![format!("organ/{}", m.body)];
    let url = format!("/sammantraden/{}", m.id);
    let year = chrono::Datelike::year(&m.date);
    let entry = |key: String, kind: &str, title: String, text: String, dnr: Option<String>| Entry {
        key,
        group: group(m.id),
        kind: kind.into(),
        body: body.clone(),
        year,
        date: m.date.to_string(),
        title,
        text,
        url: url.clone(),
        case_key: case_key_of(dnr.as_deref()),
        dnr,
        access: access.clone(),
    };
    let mut out = Vec::new();
    match &minutes {
        Some(minutes) => {
            for p in minutes.paragraphs() {
                out.push(entry(
                    format!("p/{}/{}", m.id, p.number),
                    KIND_PARAGRAPH,
                    format!("§ {} {}", p.number, p.title),
                    searchable_text(p),
                    p.case_number.clone(),
                ));
            }
        }
        None => {
            for item in m.agenda() {
                let dnr = match item.case {
                    Some(c) => Some(store.case(c)?.value.dnr.to_string()),
                    None => item.case_number.clone(),
                };
                let mut text = vec![item.title.clone()];
                if let Some(d) = &item.draft {
                    text.push(d.text.clone());
                    if let Some(p) = &d.proposal {
                        text.push(p.to_text());
                    }
                    text.extend(d.documents.iter().cloned());
                }
                out.push(entry(
                    format!("a/{}/{}", m.id, item.position),
                    KIND_ITEM,
                    format!("{}. {}", item.position, item.title),
                    text.join("\n"),
                    dnr,
                ));
            }
        }
    }
    if public.is_some() {
        if let Some(pm) = published(dir, m.id)? {
            for mut e in entries(dir, &pm) {
                e.key = format!("o/{}", e.key.trim_start_matches("p/"));
                e.access = vec!["offentlig".into(), format!("offentlig/organ/{}", m.body)];
                out.push(e);
            }
        }
    }
    Ok((fp, out))
}

/// The workspace's entry of case `c` and what it is built from.
fn workspace_case(
    dir: &DataDir,
    c: &paragraf_core::ids::Record<paragraf_core::ids::CaseId, paragraf_core::registry::Case>,
    build: bool,
) -> Result<(String, Vec<Entry>)> {
    let documents = dir.storage().documents(c.id)?;
    let body = c.body.map_or(NO_BODY.to_string(), |b| dir.body_name(b));
    let text = format!(
        "{ENTRIES}\n{}\n{}\n{body}",
        serde_json::to_string(&c.value)?,
        serde_json::to_string(&documents)?
    );
    let fp = paragraf_core::seal::sha256_hex(text.as_bytes());
    if !build {
        return Ok((fp, Vec::new()));
    }
    let access = match (c.secrecy.is_secret(), c.body) {
        (false, _) => "diarium".to_string(),
        (true, Some(b)) => format!("diarium/organ/{b}"),
        (true, None) => "diarium/admin".to_string(),
    };
    let dnr = c.dnr.to_string();
    // A secret handling of a case others may find is not found by its title.
    let mut text = vec![c.title.clone()];
    text.extend(
        documents
            .iter()
            .filter(|d| !d.value.is_secret(&c.value) || c.secrecy.is_secret())
            .map(|d| d.value.title.clone()),
    );
    Ok((
        fp,
        vec![Entry {
            key: case_group(c.id),
            group: case_group(c.id),
            kind: KIND_CASE.into(),
            body,
            year: chrono::Datelike::year(&c.registered),
            date: c.registered.to_string(),
            title: format!("{dnr} {}", c.title),
            text: text.join("\n"),
            url: format!("/arenden/{}", c.id),
            case_key: case_key_of(Some(&dnr)),
            dnr: Some(dnr),
            access: vec![access],
        }],
    ))
}

/// Brings the workspace's index in step with the store, when the store has changed since
/// the last time (its generation): groups whose fingerprint changed are rebuilt, groups of
/// what is gone are removed, in one commit.
pub fn sync_workspace(dir: &DataDir) -> Result<SyncReport> {
    let (index, synced) = dir.workspace_index()?;
    let mut last = synced.lock().unwrap_or_else(|e| e.into_inner());
    let now = dir.storage().generation()?;
    let mut report = SyncReport::default();
    if *last != Some(now) {
        let mut groups = GroupSync::new(index, "", &mut report)?;
        for m in dir.storage().meetings()? {
            let (fp, _) = workspace_meeting(dir, &m, false)?;
            groups.consider(group(m.id), Some(fp), || {
                Ok(workspace_meeting(dir, &m, true)?.1)
            })?;
        }
        for c in dir.storage().cases()? {
            let (fp, _) = workspace_case(dir, &c, false)?;
            groups.consider(case_group(c.id), Some(fp), || {
                Ok(workspace_case(dir, &c, true)?.1)
            })?;
        }
        // What the public finds is found by everyone logged in too: the items of public
        // kallelser (not by those who read the body, who find the items themselves) and
        // the public handlingar.
        consider_notices(dir, &mut groups, |body| {
            vec!["offentlig".into(), format!("offentlig/organ/{body}")]
        })?;
        consider_documents(dir, &mut groups, &["offentlig".to_string()])?;
        groups.finish(index)?;
        *last = Some(now);
    }
    report.entries = index.len();
    Ok(report)
}

/// Whether `user` may read what hit `h` shows, as the store stands now (the index only
/// proposes): `None` when not, `Some(true)` when it is secret (sekretess) and the reading
/// is to be logged.
fn may_see_hit(dir: &DataDir, user: &paragraf_store::User, h: &Hit) -> Result<Option<bool>> {
    let store = dir.storage();
    let mut parts = h.key.split('/');
    let (kind, first, second) = (parts.next(), parts.next(), parts.next());
    let id = first.and_then(|x| x.parse::<i64>().ok());
    let number = second.and_then(|x| x.parse::<u32>().ok());
    Ok(match (kind, id, number) {
        (Some("p"), Some(m), Some(n)) => {
            let m = MeetingId(m);
            match store.meeting(m) {
                Ok(meeting) if crate::access::may_read(user, Some(meeting.body)) => store
                    .minutes(m)?
                    .and_then(|x| x.paragraph(n).map(|p| p.secrecy.is_secret())),
                _ => None,
            }
        }
        (Some("a"), Some(m), Some(n)) => match store.meeting(MeetingId(m)) {
            Ok(meeting) if crate::access::may_read(user, Some(meeting.body)) => meeting
                .agenda()
                .iter()
                .find(|i| i.position == n)
                .map(|i| i.secrecy.is_secret()),
            _ => None,
        },
        (Some("o"), Some(m), Some(n)) => published(dir, MeetingId(m))?
            .is_some_and(|pm| {
                pm.publication
                    .iter()
                    .any(|(x, p)| *x == n && *p == Publication::Public)
            })
            .then_some(false),
        (Some("c"), Some(c), None) => match store.case(paragraf_core::ids::CaseId(c)) {
            Ok(case) if crate::access::may_see_case(user, &case.value) => {
                Some(case.secrecy.is_secret())
            }
            _ => None,
        },
        (Some("k"), Some(m), Some(n)) => {
            crate::meeting::publication::public_agenda(dir, MeetingId(m))?
                .is_some_and(|k| k.items.iter().any(|i| i.position == n && !i.secret))
                .then_some(false)
        }
        (Some("h"), Some(c), Some(n)) => match store.case(paragraf_core::ids::CaseId(c)) {
            Ok(case) => public_documents_of(dir, &case)?
                .iter()
                .any(|d| d.number == n)
                .then_some(false),
            Err(_) => None,
        },
        _ => None,
    })
}

/// Searches what `user` may read: the public version of every published §, and, for those
/// who may read a body, its §§ as they stand and its agenda items; for the registry's
/// readers, the cases they may see. Facets count only that. A diarienummer of a case the
/// user may see leads to it.
pub fn search_workspace(
    dir: &DataDir,
    user: &paragraf_store::User,
    q: &Query,
) -> Result<PublicSearch> {
    sync_workspace(dir)?;
    if let Some(lookup) = DnrLookup::parse(&q.text) {
        let store = dir.storage();
        if let Some(c) = store
            .cases()?
            .into_iter()
            .find(|c| lookup.matches(&c.value.dnr) && crate::access::may_see_case(user, &c.value))
        {
            return Ok(PublicSearch::Case {
                url: format!("/arenden/{}", c.id),
            });
        }
        if let Some(case) = public_case_by(dir, &lookup)? {
            return Ok(PublicSearch::Case {
                url: format!("/arende/{}", address_slug(&case.dnr)),
            });
        }
    }
    let (allow, exclude) = crate::access::search_tokens(user);
    let q = Query {
        access: Some(allow),
        exclude,
        ..q.clone()
    };
    let (index, _) = dir.workspace_index()?;
    let mut results = index.search(&q)?;
    let mut seen = HashMap::new();
    for h in &results.hits {
        seen.insert(h.key.clone(), may_see_hit(dir, user, h)?);
    }
    results.retain(|h| seen.get(&h.key).is_some_and(Option::is_some));
    // A secret hit's title and snippet are a reading of secret content: logged, as the
    // case page logs its reading (OSL; "access to them is logged").
    for h in &results.hits {
        if seen.get(&h.key) == Some(&Some(true)) {
            crate::accounts::record(
                dir,
                &user.username,
                "läsa-sekretess",
                "sökträff",
                &h.key,
                None,
                Some(serde_json::json!({ "sökning": q.text, "rubrik": h.title })),
            );
        }
    }
    Ok(PublicSearch::Found(results))
}
