//! Inläsning från webben: a file is uploaded and kept under the data directory's `staging/`
//! for the one who sent it, read and stored as a **rehearsal** — the very operation that
//! stores it, run in a transaction that is rolled back — so that the preview shows what will
//! be stored with every warning, and stored only when the person confirms. The command line
//! reads the same files with the same operations (`paragraf import`, `delegation import`, …).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use paragraf_core::ids::{BodyId, MeetingId};
use paragraf_store::{Role, Storage, StoreError, User};
use serde::Serialize;

use crate::access::{HANDLERS, SECRETARY};

/// What kind of file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    /// Protokoll: a published protocol (PDF or text) becomes a meeting with its minutes.
    Protocol,
    /// Delegationsordning (text or PDF, also inside a kallelse with bilagor).
    DelegationOrder,
    /// Delegationsbeslut: a unit's list of decisions (CSV).
    DelegationDecisions,
    /// Befattningsregistret: who held which role when (CSV person;roll;från;till).
    DelegationRoles,
    /// Vidaredelegation: which role a förvaltningschef passed an item on to (CSV
    /// punkt;roll;från;till).
    FurtherDelegation,
    /// Ej verkställda beslut: the register (CSV).
    Unenforced,
    /// Uppföljning: a published report, a finance export (CSV, XLSX) or Kolada values (JSON).
    FollowUp,
}

impl ImportKind {
    /// Every kind, in the order the form offers them.
    pub const ALL: [ImportKind; 7] = [
        ImportKind::Protocol,
        ImportKind::DelegationOrder,
        ImportKind::DelegationDecisions,
        ImportKind::DelegationRoles,
        ImportKind::FurtherDelegation,
        ImportKind::Unenforced,
        ImportKind::FollowUp,
    ];

    /// The name in addresses and forms.
    pub fn slug(self) -> &'static str {
        match self {
            ImportKind::Protocol => "protokoll",
            ImportKind::DelegationOrder => "delegationsordning",
            ImportKind::DelegationDecisions => "delegationsbeslut",
            ImportKind::DelegationRoles => "befattningar",
            ImportKind::FurtherDelegation => "vidaredelegation",
            ImportKind::Unenforced => "ej-verkstallda",
            ImportKind::FollowUp => "uppfoljning",
        }
    }

    /// The kind named `slug`.
    pub fn from_slug(slug: &str) -> Option<ImportKind> {
        ImportKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// What it is, in Swedish.
    pub fn swedish(self) -> &'static str {
        match self {
            ImportKind::Protocol => "Protokoll (PDF, Word, OpenDocument eller text)",
            ImportKind::DelegationOrder => "Delegationsordning (PDF eller text)",
            ImportKind::DelegationDecisions => "Delegationsbeslut (CSV)",
            ImportKind::DelegationRoles => {
                "Befattningar: vem som haft vilken roll när (CSV person;roll;från;till)"
            }
            ImportKind::FurtherDelegation => "Vidaredelegation (CSV punkt;roll;från;till)",
            ImportKind::Unenforced => "Ej verkställda beslut (CSV)",
            ImportKind::FollowUp => {
                "Uppföljning: rapport (PDF, text), ekonomiexport (CSV, XLSX) eller Kolada (JSON)"
            }
        }
    }

    /// The file endings read.
    pub fn endings(self) -> &'static [&'static str] {
        match self {
            ImportKind::Protocol => &["pdf", "txt"],
            ImportKind::DelegationOrder => &[
                "pdf", "txt", "docx", "odt", "xlsx", "csv", "tsv", "html", "htm", "md",
            ],
            ImportKind::DelegationDecisions
            | ImportKind::DelegationRoles
            | ImportKind::FurtherDelegation
            | ImportKind::Unenforced => &["csv", "txt"],
            ImportKind::FollowUp => &["pdf", "txt", "csv", "xlsx", "json"],
        }
    }

    /// Who may read it in: the meeting cycle's roles for protocols, the delegationsordning and
    /// follow-up; those who handle individuals' matters for the lists of decisions.
    pub fn roles(self) -> &'static [Role] {
        match self {
            ImportKind::DelegationDecisions | ImportKind::Unenforced => HANDLERS,
            _ => SECRETARY,
        }
    }
}

/// What the person chose besides the file.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The nämnd, where the file does not say (ej verkställda, uppföljning).
    pub body: Option<BodyId>,
    /// The period (ÅÅÅÅ-MM, ÅÅÅÅ or ÅÅÅÅ-MM-DD/ÅÅÅÅ-MM-DD) of a follow-up file.
    pub period: Option<String>,
    /// The meeting date of a protocol whose text does not give it (ÅÅÅÅ-MM-DD).
    pub date: Option<String>,
    /// The first § number of a protocol whose text lost the numbers of its §§.
    pub first_paragraph: Option<u32>,
}

/// Where the result is seen.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// The meeting made from a protocol.
    Meeting(MeetingId),
    /// The delegationsordning's stored version.
    DelegationOrder(i64),
    /// The list of delegation decisions.
    DelegationDecisions,
    /// The delegationsordning's pages.
    Delegation,
    /// The register of ej verkställda beslut.
    Unenforced,
    /// The follow-up reports.
    FollowUp,
}

/// What reading a file did (a rehearsal: what storing it would do).
#[derive(Debug, Clone, Serialize)]
pub struct ImportResult {
    /// The kind.
    pub kind: ImportKind,
    /// The file's name as sent.
    pub file: String,
    /// Whether it was stored (false for the preview).
    pub stored: bool,
    /// What is (or would be) stored, one line each.
    pub summary: Vec<String>,
    /// What was assumed, repaired or could not be placed.
    pub warnings: Vec<String>,
    /// Where to see it, once stored.
    pub target: Option<Target>,
}

/// A file staged for `user`.
#[derive(Debug, Clone)]
pub struct Staged {
    /// The key the form carries.
    pub token: String,
    /// The kind.
    pub kind: ImportKind,
    /// The file's name as sent.
    pub name: String,
    path: PathBuf,
}

/// Staged files older than this are removed.
const STAGING_HOURS: u64 = 24;

fn staging(dir: &crate::DataDir) -> PathBuf {
    dir.path.join("staging")
}

fn allowed(user: &User, kind: ImportKind) -> Result<()> {
    if user.disabled || !kind.roles().contains(&user.role) {
        return Err(crate::Error::Forbidden(format!(
            "din roll får inte läsa in {}",
            kind.swedish().to_lowercase()
        ))
        .into());
    }
    Ok(())
}

/// The name kept: the last part of what the browser sent, letters, digits and `.-_ ` only.
fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let kept: String = last
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' '))
        .collect();
    let kept = kept.trim().trim_start_matches('.').to_string();
    if kept.is_empty() {
        "fil".into()
    } else {
        kept
    }
}

/// Keeps `bytes` (the file `name`) for `user` to preview and store as `kind`; old staged
/// files are removed on the way. A file of the wrong kind or an empty one is refused.
pub fn stage(
    dir: &crate::DataDir,
    user: &User,
    kind: ImportKind,
    name: &str,
    bytes: &[u8],
) -> Result<Staged> {
    let mut r = receive(dir)?;
    r.write(bytes)?;
    r.stage(user, kind, name)
}

/// A file arriving for an import, written to the staging area as it comes, so that a
/// register of a million rows is never held in the server's memory (#20);
/// [`Receiving::stage`] keeps it. Dropped unstaged, it is removed.
pub struct Receiving {
    token: String,
    folder: PathBuf,
    file: std::io::BufWriter<std::fs::File>,
    len: u64,
    staged: bool,
}

/// Where an arriving file is written, inside its folder, until it is staged.
const INCOMING: &str = "inkommande";

/// Starts receiving a file in `dir`'s staging area (old staged files removed on the way).
pub fn receive(dir: &crate::DataDir) -> Result<Receiving> {
    let root = staging(dir);
    remove_old(&root);
    let mut raw = [0u8; 16];
    getrandom::getrandom(&mut raw).map_err(|e| anyhow::anyhow!("slumptal: {e}"))?;
    let token: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    let folder = root.join(&token);
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("kunde inte skapa {}", folder.display()))?;
    let file = std::fs::File::create(folder.join(INCOMING))
        .with_context(|| format!("kunde inte skapa en fil i {}", folder.display()))?;
    Ok(Receiving {
        token,
        folder,
        file: std::io::BufWriter::with_capacity(256 * 1024, file),
        len: 0,
        staged: false,
    })
}

impl Receiving {
    /// The next bytes of the file.
    pub fn write(&mut self, bytes: &[u8]) -> Result<()> {
        std::io::Write::write_all(&mut self.file, bytes).context("kunde inte spara filen")?;
        self.len += bytes.len() as u64;
        Ok(())
    }

    /// Keeps the file received (named `name`) for `user` to preview and store as `kind`.
    /// A file of the wrong kind or an empty one is refused (and removed).
    pub fn stage(mut self, user: &User, kind: ImportKind, name: &str) -> Result<Staged> {
        allowed(user, kind)?;
        if self.len == 0 {
            return Err(crate::Error::field("fil", "välj en fil att läsa in").into());
        }
        let name = clean_name(name);
        let ending = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_lowercase())
            .unwrap_or_default();
        if !kind.endings().contains(&ending.as_str()) {
            return Err(crate::Error::field(
                "fil",
                format!(
                    "{name}: {} läses från filer som slutar på {}",
                    kind.swedish(),
                    kind.endings()
                        .iter()
                        .map(|e| format!(".{e}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .into());
        }
        std::io::Write::flush(&mut self.file).context("kunde inte spara filen")?;
        let path = self.folder.join(&name);
        std::fs::rename(self.folder.join(INCOMING), &path)
            .with_context(|| format!("kunde inte spara {name}"))?;
        std::fs::write(
            self.folder.join("owner"),
            format!("{}\n{}\n{}\n", user.username, kind.slug(), name),
        )?;
        self.staged = true;
        Ok(Staged {
            token: self.token.clone(),
            kind,
            name,
            path,
        })
    }
}

impl Drop for Receiving {
    fn drop(&mut self) {
        if !self.staged {
            let _ = std::fs::remove_dir_all(&self.folder);
        }
    }
}

fn remove_old(root: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    let limit = std::time::Duration::from_secs(STAGING_HOURS * 3600);
    for e in entries.flatten() {
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > limit);
        if old {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// The file `token` staged by `user` (nobody else's).
pub fn staged(dir: &crate::DataDir, user: &User, token: &str) -> Result<Staged> {
    let gone = || crate::Error::NotFound("den uppladdade filen (ladda upp den igen)".into());
    if token.len() != 32 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(gone().into());
    }
    let folder = staging(dir).join(token);
    let owner = std::fs::read_to_string(folder.join("owner")).map_err(|_| gone())?;
    let mut lines = owner.lines();
    let (who, kind, name) = (lines.next(), lines.next(), lines.next());
    if who != Some(user.username.as_str()) {
        return Err(gone().into());
    }
    let kind = kind.and_then(ImportKind::from_slug).ok_or_else(gone)?;
    let name = name.ok_or_else(gone)?.to_string();
    allowed(user, kind)?;
    Ok(Staged {
        token: token.into(),
        kind,
        path: folder.join(&name),
        name,
    })
}

/// Removes a staged file (after storing, or when the person cancels).
pub fn discard(dir: &crate::DataDir, user: &User, token: &str) -> Result<()> {
    let s = staged(dir, user, token)?;
    let _ = std::fs::remove_dir_all(staging(dir).join(&s.token));
    Ok(())
}

/// Runs `f` in one transaction of the store, kept when `keep` (else rolled back, whatever `f`
/// did): the store and its rehearsal are the same code.
fn in_store<T>(
    dir: &crate::DataDir,
    keep: bool,
    f: impl FnOnce(&dyn Storage) -> Result<T>,
) -> Result<T> {
    let mut f = Some(f);
    let mut kept = None;
    let mut failure = None;
    let res = dir.store.atomically(&mut |tx| {
        match f.take().map(|f| f(tx)) {
            Some(Ok(r)) => kept = Some(r),
            Some(Err(e)) => failure = Some(e),
            None => {}
        }
        if keep && failure.is_none() {
            Ok(())
        } else {
            Err(StoreError::Rule(
                "provkörning eller fel: inget sparas".into(),
            ))
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    if keep {
        res?;
    }
    kept.context("transaktionen gav inget resultat")
}

/// Reads the staged file and shows what storing it would do, storing nothing: the store
/// operation runs in a transaction that is then rolled back.
pub fn preview(
    dir: &crate::DataDir,
    user: &User,
    token: &str,
    options: &ImportOptions,
) -> Result<ImportResult> {
    let mut r = read_staged(dir, user, token, options, false)?;
    r.stored = false;
    r.target = None;
    Ok(r)
}

/// Stores the staged file in one transaction and removes it from the staging area.
pub fn store(
    dir: &crate::DataDir,
    user: &User,
    token: &str,
    options: &ImportOptions,
) -> Result<ImportResult> {
    let r = read_staged(dir, user, token, options, true)?;
    let _ = std::fs::remove_dir_all(staging(dir).join(token));
    crate::search::after_publication(dir);
    Ok(r)
}

/// The staged file `token` of `user` read (a document before the transaction) and stored in
/// one transaction, kept when `keep`.
fn read_staged(
    dir: &crate::DataDir,
    user: &User,
    token: &str,
    options: &ImportOptions,
    keep: bool,
) -> Result<ImportResult> {
    let s = staged(dir, user, token)?;
    let read = read_file(&s)?;
    in_store(dir, keep, |tx| read_in(dir, tx, user, &s, &read, options))
}

/// The body `options` names, if `user` works in it.
fn chosen_body(
    store: &dyn Storage,
    user: &User,
    options: &ImportOptions,
) -> Result<Option<paragraf_core::ids::Record<BodyId, paragraf_core::org::Body>>> {
    let Some(id) = options.body else {
        return Ok(None);
    };
    let body = store
        .bodies()?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or_else(|| crate::Error::field("organ", "organet finns inte"))?;
    if !crate::access::may_read(user, Some(id)) {
        return Err(crate::Error::Forbidden(format!("du arbetar inte i {}", body.name)).into());
    }
    Ok(Some(body))
}

/// A document read before the transaction begins: reading a PDF (pdftotext) takes seconds,
/// and no writer should wait for it.
enum Read {
    /// A protocol.
    Protocol(Box<paragraf_import::Protocol>),
    /// A delegationsordning.
    Order(Box<crate::delegation::OrderImport>),
    /// A list, read inside the transaction (it is quick).
    Later,
}

fn read_file(s: &Staged) -> Result<Read> {
    Ok(match s.kind {
        ImportKind::Protocol => {
            Read::Protocol(Box::new(crate::meeting::import::read_protocol(&s.path)?))
        }
        ImportKind::DelegationOrder => Read::Order(Box::new(crate::delegation::read_order(
            &s.path,
            None,
            crate::clock::today(),
        )?)),
        _ => Read::Later,
    })
}

fn read_in(
    dir: &crate::DataDir,
    tx: &dyn Storage,
    user: &User,
    s: &Staged,
    read: &Read,
    options: &ImportOptions,
) -> Result<ImportResult> {
    let body = chosen_body(tx, user, options)?;
    // The delegationsordning and its lists belong to the nämnd the stored order names: only
    // those who work in it (anyone of the role before the first order is read in).
    if matches!(
        s.kind,
        ImportKind::DelegationOrder
            | ImportKind::DelegationDecisions
            | ImportKind::DelegationRoles
            | ImportKind::FurtherDelegation
    ) {
        if let Some(owner) = crate::delegation::lists_body_in(tx)? {
            if !crate::access::may_read(user, Some(owner)) {
                return Err(crate::Error::Forbidden(
                    "delegationsordningen hör till en nämnd du inte arbetar i".into(),
                )
                .into());
            }
        }
    }
    if s.kind == ImportKind::FollowUp && body.is_none() && user.role != Role::Admin {
        return Err(
            crate::Error::field("organ", "välj vilken nämnds uppföljning filen gäller").into(),
        );
    }
    let mut r = ImportResult {
        kind: s.kind,
        file: s.name.clone(),
        stored: true,
        summary: Vec::new(),
        warnings: Vec::new(),
        target: None,
    };
    match s.kind {
        ImportKind::Protocol => {
            let Read::Protocol(read) = read else {
                anyhow::bail!("protokollet lästes inte");
            };
            // What the person gave where the text is silent (the nämnd, the date).
            let mut completed = (**read).clone();
            crate::meeting::import::complete(
                &mut completed,
                &crate::meeting::import::Completion {
                    date: options.date.clone(),
                    body: body.as_ref().map(|b| b.name.clone()),
                    first_paragraph: options.first_paragraph,
                },
            )?;
            let p = &completed;
            // Only into a body the person works in (an administrator may bring a new one).
            let known = match p.body.as_deref() {
                Some(name) => crate::meeting::import::known_body(tx, name)?,
                None => None,
            };
            match &known {
                Some(b) if !crate::access::may_read(user, Some(b.id)) => {
                    return Err(crate::Error::Forbidden(format!(
                        "protokollet är {}s och du arbetar inte där",
                        b.name
                    ))
                    .into())
                }
                None if user.role != Role::Admin && p.body.is_some() => {
                    return Err(crate::Error::Rule(format!(
                        "organet ”{}” finns inte i Paragraf; en administratör lägger upp det (eller läser in protokollet)",
                        p.body.as_deref().unwrap_or_default()
                    ))
                    .into())
                }
                _ => {}
            }
            let key = crate::keys::load_or_create(dir)?;
            let stored = crate::meeting::import::store_in(tx, p, &s.name, &key)?;
            r.summary.push(format!(
                "{} {}: {} paragrafer{}, {} i närvarolistan.",
                p.body.as_deref().unwrap_or_default(),
                p.date.as_deref().unwrap_or_default(),
                p.paragraphs.len(),
                p.paragraph_range
                    .as_deref()
                    .map(|x| format!(" (§§ {x})"))
                    .unwrap_or_default(),
                p.attendees.len()
            ));
            for par in &p.paragraphs {
                // Every § has a number here: one without was refused when stored.
                if let Some(n) = par.number {
                    r.summary.push(format!("§ {n} {}", par.title));
                }
            }
            r.summary.push(if stored.sealed {
                format!(
                    "Sparas som justerat protokoll (läge: {}).",
                    stored.state.swedish()
                )
            } else {
                format!(
                    "Sparas som sammanträde i läget {}; ordförande eller justerare saknas, så protokollet förseglas inte.",
                    stored.state.swedish()
                )
            });
            if !p.missing.is_empty() {
                r.summary.push(format!(
                    "Ofullständigt importerat – hittades inte i texten: {}.",
                    p.missing.join(", ")
                ));
            }
            r.warnings.extend(p.warnings.iter().cloned());
            r.warnings.extend(stored.warnings);
            r.target = Some(Target::Meeting(stored.meeting));
        }
        ImportKind::DelegationOrder => {
            let Read::Order(order) = read else {
                anyhow::bail!("delegationsordningen lästes inte");
            };
            let o = crate::delegation::store_order_in(tx, (**order).clone(), Some(&s.name))?;
            r.summary.push(format!(
                "{}{}: {} punkter i {} avsnitt.",
                o.order.title,
                o.order
                    .case_number
                    .as_deref()
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default(),
                o.order.items.len(),
                o.order.sections.len()
            ));
            if let Some(d) = o.order.adopted {
                r.summary.push(format!("Fastställd {d}."));
            }
            match &o.diff {
                Some(d) => r
                    .summary
                    .push(format!("Ändringar mot förra versionen:\n{}", d.to_text())),
                None => r
                    .summary
                    .push("Första versionen med den titeln.".to_string()),
            }
            if let Some(st) = &o.staleness {
                r.warnings.push(st.to_string());
            }
            r.warnings.extend(o.warnings.iter().cloned());
            r.target = o.version.map(Target::DelegationOrder);
        }
        ImportKind::DelegationDecisions => {
            let d = crate::delegation::import_decisions_in(tx, &s.name, s.path.as_path().into())?;
            r.summary.push(format!(
                "{} delegationsbeslut{}, var och en kontrollerad mot delegationsordningen som gällde beslutsdagen.",
                d.rows,
                match (d.from, d.to) {
                    (Some(a), Some(b)) => format!(" ({a} – {b})"),
                    _ => String::new(),
                }
            ));
            r.target = Some(Target::DelegationDecisions);
        }
        ImportKind::DelegationRoles => {
            let n = crate::delegation::import_roles_in(tx, &std::fs::read(&s.path)?)?;
            r.summary.push(format!(
                "{n} perioder i befattningsregistret (vem som haft vilken roll när)."
            ));
            r.target = Some(Target::Delegation);
        }
        ImportKind::FurtherDelegation => {
            let n = crate::delegation::import_further_in(tx, &std::fs::read(&s.path)?)?;
            r.summary.push(format!("{n} rader vidaredelegation."));
            r.target = Some(Target::Delegation);
        }
        ImportKind::Unenforced => {
            let catalogue = crate::unenforced::load_catalogue(&dir.path)?;
            if body.is_none() && user.role != Role::Admin {
                return Err(
                    crate::Error::field("organ", "välj vilken nämnds beslut filen gäller").into(),
                );
            }
            let u = crate::unenforced::import_csv_in(
                tx,
                &user.username,
                &s.name,
                s.path.as_path().into(),
                &catalogue,
                body.as_ref().map(|b| b.id),
                &|b| crate::access::may_read(user, b),
            )?;
            r.summary.push(format!(
                "{} rader: {} nya beslut, {} ändrade, {} oförändrade{}.",
                u.rows,
                u.inserted,
                u.updated,
                u.unchanged,
                body.as_ref()
                    .map(|b| format!(", hos {}", b.name))
                    .unwrap_or_default()
            ));
            if body.is_none() && u.inserted > 0 {
                r.warnings.push(
                    "Ingen nämnd vald: nya rader hör inte till någon nämnd och kan bara läsas av administratörer."
                        .into(),
                );
            }
            r.target = Some(Target::Unenforced);
        }
        ImportKind::FollowUp => {
            let period = options
                .period
                .as_deref()
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| {
                    p.parse::<paragraf_core::followup::Period>()
                        .map_err(|e| crate::Error::field("period", e.to_string()))
                })
                .transpose()?;
            let o = crate::followup::import_file_in(
                Some(tx),
                &s.path,
                body.as_ref().map(|b| b.name.as_str()),
                period.as_ref(),
            )?;
            r.summary = o.summary();
            r.warnings = o.unplaced();
            r.target = Some(Target::FollowUp);
        }
    }
    Ok(r)
}

/// The lines to show for an import that failed: each bad row of a list ("Rad 4, datum: …"),
/// or the one reason.
pub fn problems(e: &anyhow::Error) -> Vec<String> {
    match e.downcast_ref::<crate::BadRows>() {
        Some(bad) => bad
            .problems
            .iter()
            .map(|p| format!("Rad {}, {}: {}", p.line, p.field, p.message))
            .collect(),
        None => vec![format!("{e:#}")],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_kept_plain() {
        assert_eq!(
            clean_name("C:\\Users\\x\\protokoll 2024.pdf"),
            "protokoll 2024.pdf"
        );
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("..."), "fil");
        assert_eq!(clean_name("a;b<c>.csv"), "abc.csv");
    }

    #[test]
    fn every_kind_has_a_slug_of_its_own() {
        for k in ImportKind::ALL {
            assert_eq!(ImportKind::from_slug(k.slug()), Some(k));
        }
        assert_eq!(ImportKind::from_slug("okänd"), None);
    }
}
