//! Offentliggörande: the minutes as the public may read them. Every public surface (the
//! pages, the API, the public PDF) gets them from [`published`], which
//!
//! * serves only posted, sealed minutes;
//! * checks the seal before serving: the canonical text kept at sealing must have the
//!   sealed hash, the signature must hold for the published key, and the stored minutes
//!   must still be exactly the sealed ones — on any mismatch the protocol is withheld and an
//!   alarm goes to the audit log and the server log;
//! * builds the public version from the sealed text, not from the editable copy;
//! * decides each § by [`publication`](paragraf_core::publication::publication) (secret
//!   and unclassified §§ become a notice) and masks personnummer in every text.

use std::collections::HashSet;
use std::sync::{LazyLock, Mutex};

use anyhow::Result;
use paragraf_core::ids::{MeetingId, Record};
use paragraf_core::meeting::{Meeting, MeetingState};
use paragraf_core::minutes::Minutes;
use paragraf_core::publication::{public_paragraph, publication, Classification, Publication};
use paragraf_core::seal;
use paragraf_core::secrecy::{mask_all, mask_personal_numbers};
use paragraf_store::AuditEntry;

use crate::DataDir;

/// Whether a meeting's minutes are out on the board (or were): posted, or the appeal
/// period is over.
pub fn is_published(m: &Meeting) -> bool {
    is_published_state(m.state())
}

/// Whether minutes in `state` are published (posted, or past the appeal period).
pub fn is_published_state(state: MeetingState) -> bool {
    matches!(state, MeetingState::Posted | MeetingState::AppealPeriodOver)
}

/// The permanent address of a meeting's published minutes, which never changes:
/// `/organ/{body}/{date}/protokoll` (`/organ/socialnamnden/2024-01-29/protokoll`); a § is
/// `/organ/{body}/{date}/§14`; `/protokoll/{id}` should the body be unknown.
pub fn address(dir: &DataDir, m: &Record<MeetingId, Meeting>) -> String {
    match dir.storage().body(m.body) {
        Ok(body) => address_of(&body.value, m.date, None),
        Err(_) => format!("/protokoll/{}", m.id),
    }
}

/// The permanent address of meeting `id`'s minutes when they are published there: the
/// address leads back to this meeting (not to another of the body's that day). `/protokoll/N`
/// redirects to it.
pub fn permanent_address(dir: &DataDir, id: MeetingId) -> Result<Option<String>> {
    let store = dir.storage();
    let m = store.meeting(id)?;
    if !is_published(&m) {
        return Ok(None);
    }
    let body = store.body(m.body)?;
    Ok((at_address(dir, &body.value.slug(), m.date)? == Some(id))
        .then(|| address_of(&body.value, m.date, None)))
}

/// The permanent address of the minutes of `body`'s meeting on `date`, or of its § `number`.
pub fn address_of(
    body: &paragraf_core::org::Body,
    date: chrono::NaiveDate,
    number: Option<u32>,
) -> String {
    match number {
        Some(n) => format!("/organ/{}/{date}/§{n}", body.slug()),
        None => format!("/organ/{}/{date}/protokoll", body.slug()),
    }
}

/// The published meeting at permanent address `/organ/{body}/{date}/…` (the first, should a
/// body have posted two protocols of one day).
pub fn at_address(dir: &DataDir, body: &str, date: chrono::NaiveDate) -> Result<Option<MeetingId>> {
    first_at(dir, body, date, is_published)
}

/// The first meeting (by id) of the body with `slug` on `date` that `keep` keeps.
fn first_at(
    dir: &DataDir,
    slug: &str,
    date: chrono::NaiveDate,
    keep: fn(&Meeting) -> bool,
) -> Result<Option<MeetingId>> {
    let store = dir.storage();
    let Some(body) = store.bodies()?.into_iter().find(|b| b.value.slug() == slug) else {
        return Ok(None);
    };
    Ok(store
        .meetings()?
        .into_iter()
        .filter(|m| m.body == body.id && m.date == date && keep(m))
        .map(|m| m.id)
        .min())
}

/// Published minutes in their public version.
#[derive(Debug, Clone)]
pub struct PublicMinutes {
    /// The meeting, its place and notice masked.
    pub meeting: Record<MeetingId, Meeting>,
    /// The minutes as sealed, every § in its public version, every text masked.
    pub minutes: Minutes,
    /// What the public gets of each §, by number.
    pub publication: Vec<(u32, Publication)>,
    /// Sigillbevis: the sealed lines of the head and of every published §, the leaf hash of
    /// every other § — from which anyone recomputes the sealed root (docs/seal.md). `None`
    /// for minutes sealed in format 0.
    pub proof: Option<paragraf_core::canonical::PublicProof>,
}

/// The proof of sealed text `canonical`: a line is given when the public may read it —
/// the head, and a § that `decided` publishes — and masking personnummer would not change
/// it; otherwise only its hash.
pub fn public_proof(
    canonical: &str,
    decided: &[(u32, Publication)],
) -> Option<paragraf_core::canonical::PublicProof> {
    use std::borrow::Cow;
    paragraf_core::canonical::proof(canonical, |number, line| {
        let public = match number {
            None => true,
            Some(n) => decided
                .iter()
                .any(|(m, w)| *m == n && *w == Publication::Public),
        };
        public
            && matches!(
                paragraf_core::secrecy::mask_personal_numbers(line),
                Cow::Borrowed(_)
            )
    })
}

/// What each § of `minutes` gives the public.
pub fn decide(
    minutes: &Minutes,
    imported: bool,
    classifications: &[Classification],
) -> Vec<(u32, Publication)> {
    minutes
        .paragraphs()
        .iter()
        .map(|p| {
            let c = classifications.iter().find(|c| c.paragraph == p.number);
            (p.number, publication(p, imported, c))
        })
        .collect()
}

/// `minutes` with every § replaced by its public version and every text masked.
pub fn public_version(minutes: &Minutes, decided: &[(u32, Publication)]) -> Result<Minutes> {
    let mut json = serde_json::to_value(minutes)?;
    if let Some(ps) = json.get_mut("paragraphs").and_then(|v| v.as_array_mut()) {
        for (p, v) in minutes.paragraphs().iter().zip(ps.iter_mut()) {
            let what = decided
                .iter()
                .find(|(n, _)| *n == p.number)
                .map_or(Publication::Pending, |(_, w)| *w);
            *v = serde_json::to_value(public_paragraph(p, what))?;
        }
    }
    let minutes: Minutes = serde_json::from_value(json)?;
    Ok(mask_all(&minutes)?)
}

/// The meeting as the public sees it: place and the notice's storage masked.
pub fn public_meeting(m: &Record<MeetingId, Meeting>) -> Record<MeetingId, Meeting> {
    Record {
        id: m.id,
        value: m.value.masked(),
    }
}

/// The published minutes of meeting `id`, checked against their seal, or `None` when there
/// are none to show the public (not published, not sealed, or failing the check — which
/// raises an alarm).
pub fn published(dir: &DataDir, id: MeetingId) -> Result<Option<PublicMinutes>> {
    let store = dir.storage();
    let Ok(meeting) = store.meeting(id) else {
        return Ok(None);
    };
    if !is_published(&meeting) {
        return Ok(None);
    }
    let Some(sealed) = sealed_minutes(dir, id)? else {
        return Ok(None);
    };
    let decided = decide(
        &sealed,
        meeting.source.is_some(),
        &store.classifications(id)?,
    );
    let proof = store
        .seal_record(id)?
        .and_then(|r| public_proof(&r.canonical, &decided));
    Ok(Some(PublicMinutes {
        meeting: public_meeting(&meeting),
        minutes: public_version(&sealed, &decided)?,
        publication: decided,
        proof,
    }))
}

/// The minutes of meeting `id` as sealed, when the seal holds: the canonical text kept at
/// sealing has the signed digest, the signature holds for the published key, and the stored
/// minutes are exactly what that text covers. `None` when they are not sealed, or, after an
/// alarm, when the seal does not hold.
pub fn sealed_minutes(dir: &DataDir, id: MeetingId) -> Result<Option<Minutes>> {
    let store = dir.storage();
    let Some(record) = store.seal_record(id)? else {
        return Ok(None);
    };
    let fail = |why: String| -> Result<Option<Minutes>> {
        alarm(dir, id, &why);
        Ok(None)
    };
    let keys = crate::keys::list(&dir.path)?;
    if keys.is_empty() {
        return fail("installationen har ingen publicerad sigillnyckel".into());
    }
    let stored = match store.minutes(id) {
        Ok(Some(m)) => m,
        Ok(None) => return fail("protokollet saknas men sigillet finns".into()),
        Err(e) => return fail(format!("det lagrade protokollet kan inte läsas: {e}")),
    };
    if stored.seal() != Some(&record.seal) {
        return fail("det lagrade protokollets sigill skiljer sig från sigilltabellens".into());
    }
    let mut report = seal::verify(&record.seal, &record.canonical, &stored, None);
    report.key_matches =
        crate::keys::accepted(&keys, &record.seal.public_key, record.seal.sealed_at);
    if !report.sealed_text_intact {
        return fail("den sparade kanoniska texten har inte sigillets kontrollsumma".into());
    }
    if !report.signature_valid {
        return fail("sigillets signatur stämmer inte".into());
    }
    if !report.key_matches {
        return fail(
            "sigillet är inte gjort med en publicerad nyckel som gällde när det gjordes".into(),
        );
    }
    if !report.content_matches {
        return fail(format!(
            "det lagrade protokollet har ändrats efter justeringen: {}",
            report.differences.join(", ")
        ));
    }
    Ok(Some(stored))
}

/// Meetings already alarmed about by this process (one alarm each, not one per request).
static ALARMED: LazyLock<Mutex<HashSet<(String, MeetingId)>>> =
    LazyLock::new(|| Mutex::new(HashSet::new()));

/// Records that the minutes of `id` failed their seal check: in the server log every time,
/// in the audit log once per process and data directory.
pub fn alarm(dir: &DataDir, id: MeetingId, why: &str) {
    tracing::error!("LARM: protokollet för sammanträde {id} visas inte: {why}");
    let key = (dir.path.display().to_string(), id);
    let first = ALARMED.lock().map(|mut s| s.insert(key)).unwrap_or(true);
    if !first {
        return;
    }
    let entry = AuditEntry {
        at: chrono::Utc::now().to_rfc3339(),
        actor: "paragraf".into(),
        action: "larm".into(),
        entity: "protokoll".into(),
        entity_id: Some(id.to_string()),
        before: None,
        after: Some(serde_json::json!({ "orsak": why }).to_string()),
    };
    if let Err(e) = dir.store.audit(&entry) {
        tracing::error!("larmet kunde inte skrivas i revisionsloggen: {e}");
    }
}

/// A person decides whether § `number` of meeting `id` may be published, on `ground`. A §
/// that the minutes hold secret (OSL 26 kap. 1 §) is never published. Returns the
/// classification before (if any) and the new one.
pub fn classify(
    dir: &DataDir,
    id: MeetingId,
    number: u32,
    public: bool,
    ground: &str,
    by: &str,
) -> crate::Result<(Option<Classification>, Classification)> {
    use paragraf_core::publication::ClassifiedBy;
    use paragraf_core::registry::Secrecy;
    let ground = ground.trim();
    if ground.is_empty() {
        return Err(crate::Error::field("ground", "grunden för beslutet saknas"));
    }
    let minutes = dir
        .storage()
        .minutes(id)?
        .ok_or_else(|| crate::Error::NotFound("protokoll".into()))?;
    let p = minutes.paragraph(number).ok_or_else(|| {
        crate::Error::field("paragraph", format!("§ {number} finns inte i protokollet"))
    })?;
    if p.secrecy == Secrecy::IndividualCase && public {
        return Err(crate::Error::Rule(format!(
            "§ {number} är enligt protokollet ett enskilt ärende med sekretess (OSL 26 kap. 1 §) och kan inte publiceras"
        )));
    }
    let before = dir
        .storage()
        .classifications(id)?
        .into_iter()
        .find(|c| c.paragraph == number);
    let c = Classification {
        paragraph: number,
        public,
        ground: ground.to_string(),
        by: ClassifiedBy::Person(by.to_string()),
    };
    dir.storage().classify(id, &c, chrono::Utc::now())?;
    crate::search::after_publication(dir);
    crate::accounts::record(
        dir,
        by,
        "klassificera",
        "paragraf",
        format!("{id}/§{number}"),
        before.as_ref().map(|b| serde_json::json!(b)),
        Some(serde_json::json!(c)),
    );
    Ok((before, c))
}

/// The public kallelse of a meeting: what anyone may read from the day the kallelse goes
/// out — the föredragningslista (a secret item as its notice, without title or
/// diarienummer) and each item's handlingar that a person has found public. The hålltider
/// are not in it: a slot is free text that can name a secret item, and carries no secrecy.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PublicNotice {
    /// The meeting.
    pub id: MeetingId,
    /// Sammanträdesdag.
    pub date: chrono::NaiveDate,
    /// Start, when set.
    pub start: Option<chrono::NaiveTime>,
    /// Plats, masked.
    pub place: Option<String>,
    /// Inställt: the day and the reason, masked.
    pub cancelled: Option<(chrono::NaiveDate, String)>,
    /// Its protocol is published.
    pub published: bool,
    /// The body's name.
    pub body: String,
    /// Hålltider: start, end and topic (with the föredragande), masked.
    pub schedule: Vec<(chrono::NaiveTime, Option<chrono::NaiveTime>, String)>,
    /// The items, in order.
    pub items: Vec<PublicItem>,
}

/// An item of a public kallelse.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PublicItem {
    /// Position on the list.
    pub position: u32,
    /// Its title (the secrecy notice for a secret item).
    pub title: String,
    /// Diarienummer (none for a secret item).
    pub dnr: Option<String>,
    /// Föredragande.
    pub presenter: Option<String>,
    /// A secret item: the notice only.
    pub secret: bool,
    /// The item's handlingar, in order: each found public as the public reads it, or the
    /// notice that stands in its place.
    pub documents: Vec<PublicHandling>,
}

/// A handling of an item of a public kallelse.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PublicHandling {
    /// The file, when a person found it public.
    pub file: Option<crate::open_data::PublicFile>,
    /// Otherwise the notice in its place (no title: a title can tell what is secret).
    pub notice: Option<&'static str>,
}

/// The handlingar of item `a` of case `c` as the public reads them.
fn public_handlings(
    dir: &DataDir,
    c: &Record<paragraf_core::ids::CaseId, paragraf_core::registry::Case>,
    a: &paragraf_core::meeting::AgendaItem,
) -> Result<Vec<PublicHandling>> {
    use paragraf_core::registry::{PublicListing, SECRET_DOCUMENT, UNREVIEWED_DOCUMENT};
    let files = crate::open_data::public_files(dir, c.id)?;
    Ok(crate::meeting::papers::item_documents(dir.storage(), a)?
        .into_iter()
        .map(|d| {
            let file = files.iter().find(|f| f.number == d.number);
            match (d.value.public_listing(&c.value), file) {
                (PublicListing::Published, Some(f)) => PublicHandling {
                    file: Some(f.clone()),
                    notice: None,
                },
                (PublicListing::Secret, _) => PublicHandling {
                    file: None,
                    notice: Some(SECRET_DOCUMENT),
                },
                _ => PublicHandling {
                    file: None,
                    notice: Some(UNREVIEWED_DOCUMENT),
                },
            }
        })
        .collect())
}

/// The notice under a secret item of a public kallelse.
pub const SECRET_ITEM: &str = "Handlingarna omfattas av sekretess (OSL 26 kap. 1 §)";

/// Whether the kallelse of `m` is public: it has gone out (an imported meeting has none).
pub fn notice_is_public(m: &Meeting) -> bool {
    m.notice_sent() && m.source.is_none()
}

/// The permanent address of a meeting's public kallelse: `/organ/{body}/{date}/kallelse`.
pub fn notice_address_of(body: &paragraf_core::org::Body, date: chrono::NaiveDate) -> String {
    format!("/organ/{}/{date}/kallelse", body.slug())
}

/// The public kallelse of meeting `id`, or `None` before it has gone out.
pub fn public_notice(dir: &DataDir, id: MeetingId) -> Result<Option<PublicNotice>> {
    notice_of(dir, id, true)
}

/// [`public_notice`] without the handlingar (what the search indexes of it).
pub fn public_agenda(dir: &DataDir, id: MeetingId) -> Result<Option<PublicNotice>> {
    notice_of(dir, id, false)
}

fn notice_of(dir: &DataDir, id: MeetingId, with_documents: bool) -> Result<Option<PublicNotice>> {
    let store = dir.storage();
    let Ok(m) = store.meeting(id) else {
        return Ok(None);
    };
    if !notice_is_public(&m) {
        return Ok(None);
    }
    let mut items = Vec::new();
    for a in m.agenda() {
        // An item of a secret case is secret whatever the item says; a case that cannot be
        // read is treated as secret.
        let case = a
            .case
            .map(|c| store.case(c).ok().filter(|c| !c.secrecy.is_secret()));
        let secret = a.secrecy.is_secret() || matches!(case, Some(None));
        let case = case.flatten().filter(|_| !secret);
        let documents = match &case {
            Some(c) if with_documents => public_handlings(dir, c, a)?,
            _ => Vec::new(),
        };
        items.push(PublicItem {
            position: a.position,
            title: if secret {
                paragraf_core::publication::SECRET_TITLE.into()
            } else {
                mask_personal_numbers(&a.title).into_owned()
            },
            dnr: if secret {
                None
            } else {
                case.as_ref()
                    .map(|c| c.dnr.to_string())
                    .or_else(|| a.case_number.clone())
            },
            presenter: if secret {
                None
            } else {
                a.presenter
                    .as_deref()
                    .map(|x| mask_personal_numbers(x).into_owned())
            },
            secret,
            documents,
        });
    }
    let masked = public_meeting(&m);
    Ok(Some(PublicNotice {
        id: m.id,
        date: m.date,
        start: m.start,
        place: masked.value.place.clone(),
        cancelled: m
            .cancelled()
            .map(|c| (c.on, mask_personal_numbers(&c.reason).into_owned())),
        published: is_published(&m),
        body: dir.body_name(m.body),
        schedule: m
            .schedule()
            .iter()
            .map(|s| {
                // A topic can name a secret matter: it stands only when a person said so.
                let topic = if s.public {
                    let who = if s.presenters.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", s.presenters.join(", "))
                    };
                    mask_personal_numbers(&format!("{}{who}", s.topic)).into_owned()
                } else {
                    "Ämnet publiceras inte".to_string()
                };
                (s.start, s.end, topic)
            })
            .collect(),
        items,
    }))
}

/// The meeting whose public kallelse is at `/organ/{body}/{date}/kallelse` (the first, should
/// a body meet twice that day).
pub fn notice_at(dir: &DataDir, body: &str, date: chrono::NaiveDate) -> Result<Option<MeetingId>> {
    first_at(dir, body, date, notice_is_public)
}

/// Whether `case` is on the public kallelse of a meeting as an item that is not secret.
pub fn on_public_agenda(dir: &DataDir, case: paragraf_core::ids::CaseId) -> Result<bool> {
    let store = dir.storage();
    if store.case(case).map_or(true, |c| c.secrecy.is_secret()) {
        return Ok(false);
    }
    Ok(store.meetings()?.iter().any(|m| {
        notice_is_public(m)
            && m.agenda()
                .iter()
                .any(|a| a.case == Some(case) && !a.secrecy.is_secret())
    }))
}
