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
    /// The public handlingar of the cases the published §§ name (only with the minutes).
    pub files: BTreeMap<CaseId, Vec<PublicFile>>,
}

/// A handling the public may read, as a file (OParl's `File` of a `Paper`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PublicFile {
    /// The case.
    pub case: CaseId,
    /// Handlingsnummer.
    pub number: u32,
    /// Rubrik.
    pub title: String,
    /// Datum.
    pub date: chrono::NaiveDate,
    /// Bytes.
    pub size: u64,
    /// Where the public reads it: `/arende/{dnr}/handlingar/{number}`.
    pub path: String,
}

/// The handlingar of `case` that the public may read (see
/// [`crate::search::public_documents_of`]).
pub fn public_files(dir: &DataDir, case: CaseId) -> Result<Vec<PublicFile>> {
    let Ok(c) = dir.storage().case(case) else {
        return Ok(Vec::new());
    };
    let slug = paragraf_core::dnr::address_slug(&c.dnr.to_string());
    Ok(crate::search::public_documents_of(dir, &c)?
        .into_iter()
        .map(|d| PublicFile {
            case,
            number: d.number,
            size: d
                .file
                .as_ref()
                .and_then(|f| std::fs::metadata(dir.path.join(f)).ok())
                .map_or(0, |m| m.len()),
            path: format!("/arende/{slug}/handlingar/{}", d.number),
            title: d.value.title,
            date: d.value.date,
        })
        .collect())
}

/// Size and SHA-512 of public handling `number` of `case`; `None` when the public may not
/// read it.
pub fn public_file_facts(dir: &DataDir, case: CaseId, number: u32) -> Result<Option<FileFacts>> {
    if !public_files(dir, case)?.iter().any(|f| f.number == number) {
        return Ok(None);
    }
    let (_, bytes) = crate::registry::document_file(dir, case, number)?;
    use sha2::Digest;
    Ok(Some(FileFacts {
        size: bytes.len() as u64,
        sha512: paragraf_core::seal::to_hex(&sha2::Sha512::digest(&bytes)),
    }))
}

/// The public version of a meeting's protocol as a file: its size and SHA-512 (OParl's
/// `size` and `sha512Checksum`). The PDF is the signed one that is served (made once and
/// kept, see [`crate::meeting::documents`]). With `sign_now` false only a PDF already kept
/// is described (a list of every protocol does not sign them all in one request). `None`
/// when the minutes are not published, or when the facts cannot be had now (logged: the
/// object is served without them, as OParl allows).
pub fn protocol_file(dir: &DataDir, id: MeetingId, sign_now: bool) -> Result<Option<FileFacts>> {
    let Some(docs) = crate::meeting::documents::MeetingDocs::published(dir, id)? else {
        return Ok(None);
    };
    let bytes = if sign_now {
        docs.public_protocol_pdf(dir).map(Some)
    } else {
        docs.kept_public_protocol_pdf(dir)
    };
    let bytes = match bytes {
        Ok(Some(b)) => b,
        Ok(None) => return Ok(None),
        Err(e) => {
            tracing::warn!("protokollets fil för sammanträde {id} kunde inte beskrivas: {e:#}");
            return Ok(None);
        }
    };
    use sha2::Digest;
    Ok(Some(FileFacts {
        size: bytes.len() as u64,
        sha512: paragraf_core::seal::to_hex(&sha2::Sha512::digest(&bytes)),
    }))
}

/// What [`protocol_file`] tells of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    /// Bytes.
    pub size: u64,
    /// SHA-512, hex.
    pub sha512: String,
}

/// A place where public meetings are held (OParl's `Location`): its description as the
/// meetings give it, and a stable id made from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// A stable id: the first 16 hex digits of the SHA-256 of the description.
    pub id: String,
    /// "Kommunhuset, sammanträdesrum Ljusnan".
    pub description: String,
    /// The public meetings held there.
    pub meetings: Vec<MeetingId>,
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
    /// The places of the public meetings, by id.
    pub fn places(&self) -> BTreeMap<String, Place> {
        let mut out: BTreeMap<String, Place> = BTreeMap::new();
        for m in &self.meetings {
            let Some(description) = m
                .value
                .place
                .as_deref()
                .map(str::trim)
                .filter(|p| !p.is_empty())
            else {
                continue;
            };
            let id = place_id(description);
            out.entry(id.clone())
                .or_insert_with(|| Place {
                    id,
                    description: description.to_string(),
                    meetings: Vec::new(),
                })
                .meetings
                .push(m.id);
        }
        out
    }

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
    let mut data = OpenData {
        municipality: dir
            .municipality()?
            .map_or_else(|| dir.config().municipality.name.clone(), |m| m.name),
        bodies: dir.bodies()?,
        terms: dir.terms()?,
        persons,
        memberships,
        meetings: meetings.iter().map(public_meeting).collect(),
        minutes,
        files: BTreeMap::new(),
    };
    if with_minutes {
        for case in data.cases().into_keys() {
            let files = public_files(dir, case)?;
            if !files.is_empty() {
                data.files.insert(case, files);
            }
        }
    }
    Ok(data)
}

/// Where the bulk downloads are kept in the data directory.
pub const DUMPS: &str = "oppna-data";

/// One file of the bulk downloads.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DumpFile {
    /// File name.
    pub name: String,
    /// What it holds.
    pub description: String,
    /// Rows (lines of JSON, or CSV rows after the heading).
    pub rows: usize,
    /// Size in bytes.
    pub bytes: usize,
    /// SHA-256 of the file.
    pub sha256: String,
}

/// The manifest of the bulk downloads (`manifest.json`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Manifest {
    /// When they were made (RFC 3339).
    pub generated: String,
    /// What the published data was when they were made (the search index's fingerprints).
    pub source: String,
    /// The files.
    pub files: Vec<DumpFile>,
}

/// The bulk downloads as they are now: made again first when what is published has changed
/// since. What is published is read off the search index's fingerprints, which every
/// operation that publishes (posting, classifying, importing, in any process) and the
/// server's start keep in step — no scan of the store per download.
pub fn dumps(dir: &DataDir) -> Result<Manifest> {
    let source = paragraf_core::seal::sha256_hex(
        serde_json::to_string(&dir.public_index()?.groups()?)?.as_bytes(),
    );
    let path = dir.path.join(DUMPS);
    if let Ok(text) = std::fs::read_to_string(path.join("manifest.json")) {
        if let Ok(m) = serde_json::from_str::<Manifest>(&text) {
            if m.source == source {
                return Ok(m);
            }
        }
    }
    write_dumps(dir, &source)
}

/// A file of the bulk downloads, by name (`None` for any other name).
pub fn dump_file(dir: &DataDir, name: &str) -> Result<Option<Vec<u8>>> {
    let manifest = dumps(dir)?;
    if name != "manifest.json" && !manifest.files.iter().any(|f| f.name == name) {
        return Ok(None);
    }
    Ok(Some(std::fs::read(dir.path.join(DUMPS).join(name))?))
}

fn write_dumps(dir: &DataDir, source: &str) -> Result<Manifest> {
    let d = load(dir, true)?;
    let body_of = |id: BodyId| {
        d.bodies
            .iter()
            .find(|b| b.id == id)
            .map(|b| b.value.clone())
    };
    let address = |m: &Record<MeetingId, Meeting>, n: Option<u32>| {
        body_of(m.value.body).map(|b| crate::meeting::publication::address_of(&b, m.value.date, n))
    };
    let mut meetings = String::new();
    let mut sorted: Vec<&Record<MeetingId, Meeting>> = d.meetings.iter().collect();
    sorted.sort_by_key(|m| (m.value.date, m.id));
    for m in &sorted {
        let published = d.minutes.contains_key(&m.id);
        meetings += &serde_json::json!({
            "id": m.id,
            "organ": body_of(m.value.body).map(|b| b.name),
            "datum": m.value.date,
            "start": m.value.start.map(|t| t.format("%H:%M").to_string()),
            "slut": m.value.end.map(|t| t.format("%H:%M").to_string()),
            "installt": m.value.cancelled().is_some(),
            "tillstand": m.value.state().swedish(),
            "protokoll": published.then(|| address(m, None)).flatten(),
        })
        .to_string();
        meetings.push('\n');
    }
    let mut paragraphs = String::new();
    let mut csv = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    csv.write_record([
        "organ",
        "datum",
        "paragraf",
        "diarienummer",
        "rubrik",
        "beslut",
        "adress",
    ])?;
    let (mut n_paragraphs, mut n_decisions) = (0, 0);
    for m in &sorted {
        let Some(pm) = d.minutes.get(&m.id) else {
            continue;
        };
        let organ = body_of(m.value.body).map(|b| b.name).unwrap_or_default();
        for p in pm
            .minutes
            .paragraphs()
            .iter()
            .filter(|p| readable(pm, p.number))
        {
            let decision = p.decision.as_ref().map(|x| x.to_text());
            let url = address(m, Some(p.number));
            paragraphs += &serde_json::json!({
                "organ": organ,
                "datum": m.value.date,
                "paragraf": p.number,
                "rubrik": p.title,
                "diarienummer": p.case_number,
                "text": p.text,
                "beslut": decision,
                "omrostningar": p.votes().len(),
                "adress": url,
            })
            .to_string();
            paragraphs.push('\n');
            n_paragraphs += 1;
            if let Some(dec) = &decision {
                csv.write_record([
                    organ.as_str(),
                    &m.value.date.to_string(),
                    &p.number.to_string(),
                    p.case_number.as_deref().unwrap_or(""),
                    &p.title,
                    dec,
                    url.as_deref().unwrap_or(""),
                ])?;
                n_decisions += 1;
            }
        }
    }
    let mut cases = String::new();
    let all_cases = d.cases();
    for (dnr, title, ps) in all_cases.values() {
        let addresses: Vec<Option<String>> = ps
            .iter()
            .map(|p| {
                d.meetings
                    .iter()
                    .find(|m| m.id == p.meeting)
                    .and_then(|m| address(m, Some(p.number)))
            })
            .collect();
        cases += &serde_json::json!({
            "diarienummer": dnr,
            "rubrik": title,
            "adress": format!("/arende/{}", paragraf_core::dnr::address_slug(dnr)),
            "paragrafer": addresses,
        })
        .to_string();
        cases.push('\n');
    }
    let mut documents = String::new();
    let mut n_documents = 0;
    for (case, files) in &d.files {
        let dnr = all_cases.get(case).map(|(dnr, _, _)| dnr.clone());
        for f in files {
            documents += &serde_json::json!({
                "diarienummer": dnr,
                "handling": f.number,
                "rubrik": f.title,
                "datum": f.date,
                "byte": f.size,
                "adress": f.path,
            })
            .to_string();
            documents.push('\n');
            n_documents += 1;
        }
    }
    let decisions = csv.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    let files: Vec<(&str, &str, usize, Vec<u8>)> = vec![
        (
            "sammantraden.jsonl",
            "Alla sammanträden i den offentliga kalendern, en JSON-rad var.",
            sorted.len(),
            meetings.into_bytes(),
        ),
        (
            "paragrafer.jsonl",
            "Varje offentlig paragraf i justerade och anslagna protokoll, en JSON-rad var.",
            n_paragraphs,
            paragraphs.into_bytes(),
        ),
        (
            "arenden.jsonl",
            "Ärenden som offentliga paragrafer behandlar, med adresser till paragraferna.",
            all_cases.len(),
            cases.into_bytes(),
        ),
        (
            "handlingar.jsonl",
            "Handlingar som prövats offentliga i ärenden som offentliga paragrafer behandlar.",
            n_documents,
            documents.into_bytes(),
        ),
        (
            "beslut.csv",
            "Besluten i offentliga paragrafer (semikolonseparerad, UTF-8).",
            n_decisions,
            decisions,
        ),
    ];
    // Written beside, then put in place whole: a reader never sees half a set.
    let target = dir.path.join(DUMPS);
    let fresh = dir.path.join(format!("{DUMPS}.ny"));
    let _ = std::fs::remove_dir_all(&fresh);
    crate::datadir::create_private_dir(&fresh)?;
    let mut manifest = Manifest {
        generated: chrono::Utc::now().to_rfc3339(),
        source: source.to_string(),
        files: Vec::new(),
    };
    for (name, description, rows, bytes) in files {
        crate::datadir::write_private(&fresh.join(name), &bytes)?;
        manifest.files.push(DumpFile {
            name: name.into(),
            description: description.into(),
            rows,
            bytes: bytes.len(),
            sha256: paragraf_core::seal::sha256_hex(&bytes),
        });
    }
    crate::datadir::write_private(
        &fresh.join("manifest.json"),
        serde_json::to_string_pretty(&manifest)?.as_bytes(),
    )?;
    let old = dir.path.join(format!("{DUMPS}.gammal"));
    let _ = std::fs::remove_dir_all(&old);
    if target.exists() {
        std::fs::rename(&target, &old)?;
    }
    std::fs::rename(&fresh, &target)?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(manifest)
}

/// One meeting in the completeness overview.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CompletenessRow {
    /// The day.
    pub date: chrono::NaiveDate,
    /// Its state, in Swedish.
    pub state: &'static str,
    /// Whether it was cancelled.
    pub cancelled: bool,
    /// The permanent address of its published protocol.
    pub address: Option<String>,
    /// The first and last § of the protocol.
    pub range: Option<(u32, u32)>,
    /// §§ in the protocol.
    pub paragraphs: usize,
    /// Of those, public.
    pub public: usize,
    /// Held (its day has passed, not cancelled) but no protocol is published.
    pub missing: bool,
}

/// Fullständighet: what a body's year holds, so a reader can see the data is whole.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Completeness {
    /// The body's name.
    pub body: String,
    /// The year shown.
    pub year: i32,
    /// The years with meetings, newest first.
    pub years: Vec<i32>,
    /// The year's meetings, in date order.
    pub rows: Vec<CompletenessRow>,
    /// Paragraph numbers that no published protocol of the year holds, between the first
    /// and the last (a protocol missing, or withheld because its seal does not hold).
    pub gaps: Vec<(u32, u32)>,
}

impl Completeness {
    /// Meetings whose day has passed and were not cancelled.
    pub fn held(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.missing || r.address.is_some())
            .count()
    }
    /// Protocols published.
    pub fn published(&self) -> usize {
        self.rows.iter().filter(|r| r.address.is_some()).count()
    }
}

/// The completeness of `body`'s `year` as of `today`.
pub fn completeness(
    dir: &DataDir,
    body: BodyId,
    year: i32,
    today: chrono::NaiveDate,
) -> Result<Completeness> {
    use chrono::Datelike;
    let b = dir.body(body)?;
    let mut meetings: Vec<Record<MeetingId, Meeting>> = dir
        .meetings()?
        .into_iter()
        .filter(|m| m.body == body)
        .collect();
    let mut years: Vec<i32> = meetings.iter().map(|m| m.date.year()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    meetings.retain(|m| m.date.year() == year);
    meetings.sort_by_key(|m| (m.date, m.id));
    let mut rows = Vec::new();
    let mut numbers = BTreeSet::new();
    for m in &meetings {
        let pm = if is_published(m) {
            published(dir, m.id)?
        } else {
            None
        };
        let cancelled = m.cancelled().is_some();
        let row = match &pm {
            Some(pm) => {
                numbers.extend(pm.minutes.paragraphs().iter().map(|p| p.number));
                CompletenessRow {
                    date: m.date,
                    state: m.state().swedish(),
                    cancelled,
                    address: Some(crate::meeting::publication::address(dir, m)),
                    range: pm.minutes.number_range(),
                    paragraphs: pm.minutes.paragraphs().len(),
                    public: pm
                        .minutes
                        .paragraphs()
                        .iter()
                        .filter(|p| readable(pm, p.number))
                        .count(),
                    missing: false,
                }
            }
            None => CompletenessRow {
                date: m.date,
                state: m.state().swedish(),
                cancelled,
                address: None,
                range: None,
                paragraphs: 0,
                public: 0,
                missing: !cancelled && m.date < today,
            },
        };
        rows.push(row);
    }
    let mut gaps = Vec::new();
    let mut previous: Option<u32> = None;
    for n in &numbers {
        if let Some(p) = previous {
            if *n > p + 1 {
                gaps.push((p + 1, n - 1));
            }
        }
        previous = Some(*n);
    }
    Ok(Completeness {
        body: b.value.name,
        year,
        years,
        rows,
        gaps,
    })
}

/// The id of a place: the first 16 hex digits of the SHA-256 of its description.
pub fn place_id(description: &str) -> String {
    let h = paragraf_core::seal::sha256_hex(description.trim().as_bytes());
    h.get(..16).unwrap_or(&h).to_string()
}
