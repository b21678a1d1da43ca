//! Ej verkställda beslut as operations: import of the register from CSV, entry and editing
//! one by one (audit-logged with the actor's name), and the reports — the monthly statistics
//! report, the quarterly IVO report, the statistics to KF and the auditors, the consistency
//! check of reports typed elsewhere, the chart, and the content of the tjänsteskrivelse and
//! draft § that carry the report to the nämnd.

pub mod docs;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::{BadRows, RowProblem};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use paragraf_core::unenforced::catalogue::Catalogue;
use paragraf_core::unenforced::check::{check, CheckResult};
use paragraf_core::unenforced::decision::{
    parse_date, parse_optional_date, Closure, DecisionError, DecisionId, Gender, GrantedDecision,
    Reason,
};
use paragraf_core::unenforced::ivo::{IvoReport, Quarter};
use paragraf_core::unenforced::public::PublicStatistics;
use paragraf_core::unenforced::report::{swedish_date, MonthlyReport};
use paragraf_core::unenforced::stats::{days_histogram, QuarterStats, WaitingSeries};
use paragraf_import::table::{problem, rows, OpenCsv, Source, Told};
use paragraf_store::UpsertSummary;
pub use paragraf_store::{AuditRecord, IMPORT_ACTION};
use serde::{Deserialize, Serialize};

/// The optional catalogue file in the data directory. Without it the catalogue of seed 004
/// ([`Catalogue::default_catalogue`]) is used.
pub const CATALOGUE_FILE: &str = "insatser.toml";

/// `insatser.toml`: `[[insats]]` tables with `name`, `law` ("SoL" or "LSS") and `aliases`.
#[derive(Debug, Deserialize)]
struct CatalogueFile {
    insats: Vec<paragraf_core::unenforced::catalogue::ServiceType>,
}

/// The catalogue of the data directory at `dir`: its `insatser.toml`, or the default.
pub fn load_catalogue(dir: &Path) -> Result<Catalogue> {
    let path = dir.join(CATALOGUE_FILE);
    if !path.exists() {
        return Ok(Catalogue::default_catalogue());
    }
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("kunde inte läsa {}", path.display()))?;
    let file: CatalogueFile =
        toml::from_str(&text).with_context(|| format!("fel i {}", path.display()))?;
    Catalogue::new(file.insats).with_context(|| format!("fel i {}", path.display()))
}

/// The CSV columns, in the order the issue names them; the last three are optional extras.
pub const CSV_COLUMNS: [&str; 12] = [
    "id",
    "insats",
    "beslutsdatum",
    "kön",
    "orsak",
    "verkställt",
    "avslutat",
    "avbrott_från",
    "avbrott_till",
    "enhet",
    "orsakstext",
    "avslutsorsak",
];
const REQUIRED: [&str; 4] = ["id", "insats", "beslutsdatum", "kön"];

fn column_name(header: &str) -> String {
    let h: String = header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect();
    match h.as_str() {
        "kon" => "kön".into(),
        "verkstallt" | "verkställd" => "verkställt".into(),
        "avbrott_fran" | "avbrott" => "avbrott_från".into(),
        "typ" | "insatstyp" | "beslut_om" => "insats".into(),
        "datum" | "beslutsdag" => "beslutsdatum".into(),
        _ => h,
    }
}

/// One row of the file as read, before it meets the register.
#[derive(Debug, Clone)]
struct CsvRow {
    line: u64,
    decision: GrantedDecision,
}

/// Where each of [`CSV_COLUMNS`] is in the file, looked up once per file.
struct Columns([Option<usize>; CSV_COLUMNS.len()]);

impl Columns {
    fn new(map: &HashMap<String, usize>) -> Self {
        Columns(CSV_COLUMNS.map(|c| map.get(c).copied()))
    }
    fn get<'a>(&self, rec: &'a csv::StringRecord, name: &str) -> &'a str {
        CSV_COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|i| self.0[i])
            .and_then(|i| rec.get(i))
            .map(str::trim)
            .unwrap_or("")
    }
    fn has(&self, name: &str) -> bool {
        CSV_COLUMNS
            .iter()
            .position(|c| *c == name)
            .is_some_and(|i| self.0[i].is_some())
    }
}

/// Reads a register file: columns
/// `id;insats;beslutsdatum;kön;orsak;verkställt;avslutat;avbrott_från;avbrott_till` (and
/// optionally `enhet;orsakstext;avslutsorsak`), `;` or `,` as found in the header, UTF-8 or
/// Windows-1252. Every bad row is named; with any, `Err` and nothing to store.
pub fn parse_csv(bytes: &[u8], catalogue: &Catalogue) -> Result<Vec<GrantedDecision>, BadRows> {
    parse_file(bytes, catalogue).map(|p| p.rows.into_iter().map(|r| r.decision).collect())
}

fn from_error(line: u64, e: &DecisionError) -> RowProblem {
    problem(line, e.field(), e.to_string())
}

struct Parsed {
    rows: Vec<CsvRow>,
}

fn parse_file(bytes: &[u8], catalogue: &Catalogue) -> Result<Parsed, BadRows> {
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    // Collecting cannot fail: only the store's errors stop the reading.
    let _ = read_rows(
        &Source::from(bytes).tell()?,
        catalogue,
        &mut problems,
        &mut |row, _, _| {
            rows.push(row);
            Ok(())
        },
    );
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line);
        return Err(BadRows { problems });
    }
    Ok(Parsed { rows })
}

/// What [`read_rows`] hands each good row to, with the file's columns and the problems.
type EachRow<'a> =
    dyn FnMut(CsvRow, &[String], &mut Vec<RowProblem>) -> paragraf_store::Result<()> + 'a;

/// Reads a register file row by row: each good row goes to `each` with the columns the file
/// has (absent ones keep the stored value on re-import); every bad row, and a bad header, is
/// added to `problems` (and not given to `each`). Only an error of `each` stops the reading.
fn read_rows(
    file: &Told,
    catalogue: &Catalogue,
    problems: &mut Vec<RowProblem>,
    each: &mut EachRow<'_>,
) -> paragraf_store::Result<()> {
    let OpenCsv {
        mut reader,
        headers,
        delimiter,
    } = match file.open(b';') {
        Ok(o) => o,
        Err(bad) => {
            problems.extend(bad.problems);
            return Ok(());
        }
    };
    let before = problems.len();
    let mut map = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let name = column_name(h);
        if name.is_empty() {
            continue;
        }
        if !CSV_COLUMNS.contains(&name.as_str()) {
            problems.push(problem(
                1,
                h,
                format!(
                    "okänd kolumn ”{}”; kolumnerna är {}",
                    h.trim(),
                    CSV_COLUMNS.join(delimiter_str(delimiter))
                ),
            ));
        } else if map.insert(name.clone(), i).is_some() {
            problems.push(problem(1, &name, "kolumnen finns två gånger"));
        }
    }
    for r in REQUIRED {
        if !map.contains_key(r) {
            problems.push(problem(1, r, "kolumnen saknas i rubrikraden"));
        }
    }
    if problems.len() > before {
        return Ok(());
    }
    let cols = Columns::new(&map);
    // Which optional columns the file has, for merging on re-import.
    let present: Vec<String> = CSV_COLUMNS
        .iter()
        .filter(|c| cols.has(c))
        .map(|c| c.to_string())
        .collect();
    let mut seen = SeenIds::for_file(file.len());
    let mut services = Services::default();
    for row in rows(&mut reader, headers.len()) {
        let (line, rec) = match row {
            Ok(r) => r,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let read = read_row(
            line,
            &rec,
            &cols,
            catalogue,
            &mut services,
            &mut seen,
            problems,
        );
        if let Some(decision) = read {
            each(CsvRow { line, decision }, &present, problems)?;
        }
    }
    if !seen.suspects.is_empty() {
        problems.extend(repeated_ids(file, &cols, &seen));
    }
    Ok(())
}

/// The catalogue's names of the ways a file spells its services, remembered (a register
/// spells the same few a million times).
#[derive(Default)]
struct Services(Vec<(String, Option<String>)>);

impl Services {
    fn resolve(&mut self, catalogue: &Catalogue, written: &str) -> Option<&str> {
        let i = match self.0.iter().position(|(w, _)| w == written) {
            Some(i) => i,
            None => {
                let name = catalogue.resolve(written).map(|s| s.name.clone());
                self.0.push((written.to_string(), name));
                self.0.len() - 1
            }
        };
        self.0[i].1.as_deref()
    }
}

/// The ids of a file read so far, in bounded memory whatever the file's size (#20): a
/// blocked Bloom filter (each id seven bits of one 64-byte block) tells the ids that are
/// surely new; the hashes of the others — a repeated id, or now and then a new one whose
/// bits other ids had set — are kept, and [`repeated_ids`] finds the repeated ones by their
/// text, in a second pass over the file, only when there are any.
struct SeenIds {
    blocks: Vec<[u64; 8]>,
    /// FNV-1a hashes of the ids that may have come before.
    suspects: std::collections::HashSet<u64, std::hash::BuildHasherDefault<Fnv>>,
}

/// The filter's blocks (64 bytes each) at most: 32 MiB, which keeps a second pass rare up
/// to some five million ids.
const SEEN_BLOCKS: usize = 1 << 19;

impl SeenIds {
    /// A filter for a file of `len` bytes: a block for every 256 bytes (a few ids), from
    /// 64 KiB to [`SEEN_BLOCKS`].
    fn for_file(len: u64) -> SeenIds {
        SeenIds::with_blocks(
            usize::try_from(len / 256).map_or(SEEN_BLOCKS, |b| b.clamp(1 << 10, SEEN_BLOCKS)),
        )
    }

    /// A filter of `blocks` blocks (a power of two).
    fn with_blocks(blocks: usize) -> SeenIds {
        SeenIds {
            blocks: vec![[0; 8]; blocks.next_power_of_two()],
            suspects: Default::default(),
        }
    }

    fn hash(id: &str) -> u64 {
        let mut h = Fnv::default();
        std::hash::Hasher::write(&mut h, id.as_bytes());
        std::hash::Hasher::finish(&h)
    }

    /// Remembers `id`; a suspect when the filter has all its bits already.
    fn insert(&mut self, id: &str) {
        let hash = Self::hash(id);
        // Two mixes of the hash (MurmurHash3's finaliser): one picks the block, the other
        // the seven bits in it, nine bits each.
        let mix = |mut h: u64| {
            h ^= h >> 33;
            h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
            h ^= h >> 33;
            h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
            h ^ (h >> 33)
        };
        let n = self.blocks.len();
        let block = &mut self.blocks[(mix(hash) as usize) & (n - 1)];
        let mut bits = mix(hash ^ 0x9e37_79b9_7f4a_7c15);
        let mut all = true;
        for _ in 0..7 {
            let bit = (bits & 511) as usize;
            bits >>= 9;
            let (word, mask) = (bit / 64, 1u64 << (bit % 64));
            all &= block[word] & mask != 0;
            block[word] |= mask;
        }
        if all {
            self.suspects.insert(hash);
        }
    }

    /// Whether `id` may have come before another time.
    fn suspect(&self, id: &str) -> bool {
        self.suspects.contains(&Self::hash(id))
    }
}

/// The rows of `file` whose id a row above has, each a problem naming that row — read
/// again, comparing only the ids `seen` suspects.
fn repeated_ids(file: &Told, cols: &Columns, seen: &SeenIds) -> Vec<RowProblem> {
    let mut problems = Vec::new();
    let Ok(OpenCsv {
        mut reader,
        headers,
        ..
    }) = file.open(b';')
    else {
        return problems;
    };
    let mut first: HashMap<String, u64> = HashMap::new();
    for (line, rec) in rows(&mut reader, headers.len()).flatten() {
        let Ok(id) = DecisionId::new(cols.get(&rec, "id")) else {
            continue;
        };
        if !seen.suspect(id.as_str()) {
            continue;
        }
        match first.entry(id.as_str().to_string()) {
            std::collections::hash_map::Entry::Occupied(o) => problems.push(problem(
                line,
                "id",
                format!("id {id} förekommer redan på rad {}", o.get()),
            )),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(line);
            }
        }
    }
    problems
}

/// FNV-1a, 64 bits: a quick hash for ids the municipality's own file holds (no
/// adversary chooses them); the table's hasher passes it on.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        // A key that is already an FNV hash.
        self.0 = n;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// One data row as a decision, or its problems.
fn read_row(
    line: u64,
    rec: &csv::StringRecord,
    cols: &Columns,
    catalogue: &Catalogue,
    services: &mut Services,
    seen: &mut SeenIds,
    problems: &mut Vec<RowProblem>,
) -> Option<GrantedDecision> {
    let before = problems.len();
    let mut bad = |e: DecisionError| problems.push(from_error(line, &e));
    let id = DecisionId::new(cols.get(rec, "id")).map_err(&mut bad).ok();
    let written = cols.get(rec, "insats");
    let service = match services.resolve(catalogue, written) {
        Some(s) => Some(s),
        None if written.is_empty() => {
            bad(DecisionError::Missing("insats"));
            None
        }
        None => {
            bad(DecisionError::UnknownType(written.to_string()));
            None
        }
    };
    let decided = parse_date("beslutsdatum", cols.get(rec, "beslutsdatum"))
        .map_err(&mut bad)
        .ok();
    let gender = match cols.get(rec, "kön") {
        "" => {
            bad(DecisionError::Missing("kön"));
            None
        }
        g => Gender::parse(g).map_err(&mut bad).ok(),
    };
    let reason = match cols.get(rec, "orsak") {
        "" => Ok(None),
        r => Reason::parse(r).map(Some),
    }
    .map_err(&mut bad)
    .ok()
    .flatten();
    let mut date = |f: &'static str| {
        parse_optional_date(f, cols.get(rec, f))
            .map_err(&mut bad)
            .ok()
            .flatten()
    };
    let enforced = date("verkställt");
    let closed = date("avslutat");
    let from = date("avbrott_från");
    let to = date("avbrott_till");
    if to.is_some() && from.is_none() && cols.get(rec, "avbrott_från").is_empty() {
        bad(DecisionError::InterruptionWithoutStart);
    }
    if let Some(id) = &id {
        seen.insert(id.as_str());
    }
    if problems.len() > before {
        return None;
    }
    let (Some(id), Some(service), Some(decided), Some(gender)) = (id, service, decided, gender)
    else {
        return None;
    };
    let opt = |name: &str| {
        let v = cols.get(rec, name);
        (!v.is_empty()).then(|| v.to_string())
    };
    let mut d = GrantedDecision::new(id, service, decided, gender);
    d.reason = reason;
    d.enforced = enforced;
    d.closed = closed.map(|date| Closure {
        date,
        why: opt("avslutsorsak"),
    });
    if let Err(e) = d.set_latest_interruption(from, to) {
        problems.push(from_error(line, &e));
    }
    d.unit = opt("enhet");
    d.reason_text = opt("orsakstext");
    for e in d.validate_with(catalogue) {
        problems.push(from_error(line, &e));
    }
    (problems.len() == before).then_some(d)
}

fn delimiter_str(d: u8) -> &'static str {
    match d {
        b',' => ",",
        b'\t' => "\t",
        _ => ";",
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Rows read.
    pub rows: usize,
    /// New decisions.
    pub inserted: usize,
    /// Changed decisions.
    pub updated: usize,
    /// Decisions given again unchanged.
    pub unchanged: usize,
}

/// Keeps what the file cannot say: offers, and the columns the file does not have.
fn merge(
    stored: &GrantedDecision,
    mut new: GrantedDecision,
    columns: &[String],
) -> GrantedDecision {
    let has = |c: &str| columns.iter().any(|x| x == c);
    new.offers = stored.offers.clone();
    if !has("enhet") {
        new.unit = stored.unit.clone();
    }
    if !has("orsakstext") {
        new.reason_text = stored.reason_text.clone();
    }
    if !has("orsak") {
        new.reason = stored.reason;
    }
    if !has("verkställt") {
        new.enforced = stored.enforced;
    }
    if !has("avslutat") {
        new.closed = stored.closed.clone();
    } else if let (Some(n), Some(s)) = (new.closed.as_mut(), stored.closed.as_ref()) {
        if !has("avslutsorsak") && n.date == s.date {
            n.why = s.why.clone();
        }
    }
    // The file's row gives the latest avbrott; the history is kept by the register's rule.
    let (from, to) = match new.interruptions.first() {
        Some(i) => (Some(i.from), i.to),
        None => (None, None),
    };
    new.interruptions = stored.interruptions.clone();
    if has("avbrott_från") {
        // An end without a start was refused when the file was read.
        new.set_latest_interruption(from, to).ok();
    }
    new
}

/// Imports a register file (see [`parse_csv`]) named `name` into `store` in ONE
/// transaction, reading it row by row. A row whose id is already stored updates that
/// decision; values the file has no column for (offers, and the optional columns when
/// absent) are kept. Any bad row: an [`BadRows`] naming every one, and nothing stored. The
/// audit log gets one entry naming the file, its SHA-256 and the counts; the decisions it
/// changes keep their value before in the register's history.
pub fn import_csv(
    dir: &crate::DataDir,
    actor: &str,
    name: &str,
    input: impl Into<Source>,
    catalogue: &Catalogue,
    body: Option<paragraf_core::ids::BodyId>,
) -> Result<ImportSummary> {
    import_csv_in(
        &*dir.store,
        actor,
        name,
        input.into(),
        catalogue,
        body,
        &|_| true,
    )
}

/// [`import_csv`] on `store` (a transaction, for a rehearsal); a row whose stored decision
/// belongs to a nämnd for which `may_touch` is false is refused, naming its line.
pub(crate) fn import_csv_in(
    store: &dyn paragraf_store::Storage,
    actor: &str,
    name: &str,
    input: Source,
    catalogue: &Catalogue,
    body: Option<paragraf_core::ids::BodyId>,
    may_touch: &dyn Fn(Option<paragraf_core::ids::BodyId>) -> bool,
) -> Result<ImportSummary> {
    let file = input.tell()?;
    let source = paragraf_store::ImportSource {
        file: name.to_string(),
        sha256: file.sha256().to_string(),
    };
    // The file is read and checked on a thread of its own while the store writes
    // ([`crate::pipeline`]).
    let mut problems = Vec::new();
    let (read_problems, stored) = crate::pipeline::pipelined(
        |give| {
            let mut problems = Vec::new();
            let mut columns: Option<std::sync::Arc<[String]>> = None;
            let _ = read_rows(
                &file,
                catalogue,
                &mut problems,
                &mut |row, present, problems| {
                    let columns = columns.get_or_insert_with(|| present.into()).clone();
                    // After the first bad row nothing more is written: it will all be undone.
                    // The rest is still read, so that every bad row is named.
                    if problems.is_empty() && !give((row, columns)) {
                        return Err(paragraf_store::StoreError::Rule(String::new()));
                    }
                    Ok(())
                },
            );
            problems
        },
        |feed| {
            store.import_decisions(actor, &source, &mut |session| {
                while let Some((row, columns)) = feed.next() {
                    let before = session.stored(&row.decision.id)?;
                    let mut d = match &before {
                        Some(s) if !may_touch(s.body) => {
                            problems.push(crate::RowProblem {
                                line: row.line,
                                field: "id".into(),
                                message: format!(
                                    "beslut {} hör till en nämnd du inte arbetar i",
                                    row.decision.id
                                ),
                            });
                            continue;
                        }
                        Some(s) => {
                            let mut m = merge(s, row.decision, &columns);
                            m.body = s.body;
                            m
                        }
                        None => row.decision,
                    };
                    if body.is_some() {
                        d.body = body;
                    }
                    // A new row was checked when it was read; a merged one is checked again.
                    if before.is_some() {
                        let errors = d.validate_with(catalogue);
                        problems.extend(errors.iter().map(|e| from_error(row.line, e)));
                    }
                    if problems.is_empty() {
                        session.put(&d)?;
                    }
                }
                crate::pipeline::all_or_nothing(problems.is_empty() && feed.finish().is_empty())
            })
        },
    );
    let stored = crate::pipeline::stopped_early(stored)?;
    problems.extend(read_problems);
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line);
        return Err(BadRows { problems }.into());
    }
    let UpsertSummary {
        inserted,
        updated,
        unchanged,
    } = stored?;
    Ok(ImportSummary {
        rows: inserted + updated + unchanged,
        inserted,
        updated,
        unchanged,
    })
}

fn check_decision(d: &GrantedDecision, catalogue: &Catalogue) -> Result<()> {
    let errors = d.validate_with(catalogue);
    if errors.is_empty() {
        return Ok(());
    }
    crate::refuse!(
        "beslut {}: {}",
        d.id,
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    )
}

/// The catalogue's name for `written`, or an error listing the types.
pub fn resolve_type(catalogue: &Catalogue, written: &str) -> Result<String> {
    match catalogue.resolve(written) {
        Some(s) => Ok(s.name.clone()),
        None => crate::refuse!(
            "insatsen ”{written}” finns inte i insatskatalogen; kända insatser: {}",
            catalogue
                .entries()
                .iter()
                .map(|e| e.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Enters one decision (its type may be spelled any way the catalogue knows); an id already
/// in the register is refused. Logged with `actor`.
pub fn add_decision(
    dir: &crate::DataDir,

    actor: &str,
    catalogue: &Catalogue,
    mut decision: GrantedDecision,
) -> Result<GrantedDecision> {
    let store = &*dir.store;
    decision.service = resolve_type(catalogue, &decision.service)?;
    check_decision(&decision, catalogue)?;
    store.add_decision(actor, &decision)?;
    Ok(decision)
}

/// Changes one decision with `change`, checks it and stores it; logged with `actor` (the
/// value before and after).
pub fn edit_decision(
    dir: &crate::DataDir,

    actor: &str,
    catalogue: &Catalogue,
    id: &DecisionId,
    change: impl FnOnce(&mut GrantedDecision) -> Result<()>,
) -> Result<GrantedDecision> {
    let store = &*dir.store;
    let Some(mut d) = store.unenforced_decision(actor, id)? else {
        crate::refuse!("beslut {id} finns inte i registret");
    };
    change(&mut d)?;
    d.service = resolve_type(catalogue, &d.service)?;
    check_decision(&d, catalogue)?;
    store.upsert_decisions(actor, std::slice::from_ref(&d))?;
    Ok(d)
}

/// Statistikrapport den `date` over the stored register (the read is logged).
pub fn monthly_report(
    dir: &crate::DataDir,

    actor: &str,
    catalogue: &Catalogue,
    date: NaiveDate,
) -> Result<MonthlyReport> {
    let store = &*dir.store;
    // Only what can count on the date is read (a superset of what does: the rules decide).
    let all = store.unenforced_in_period(actor, date, date)?;
    Ok(MonthlyReport::compute(&all, catalogue, date))
}

/// The IVO report of `quarter` over the stored register (the read is logged).
pub fn ivo_report(
    dir: &crate::DataDir,

    actor: &str,
    catalogue: &Catalogue,
    quarter: Quarter,
) -> Result<IvoReport> {
    let store = &*dir.store;
    let all = store.unenforced_in_period(actor, quarter.start(), quarter.end())?;
    Ok(IvoReport::compute(&all, catalogue, quarter))
}

/// The statistics of `quarter` for KF and the auditors (the read is logged).
pub fn quarter_stats(
    dir: &crate::DataDir,

    actor: &str,
    catalogue: &Catalogue,
    quarter: Quarter,
) -> Result<QuarterStats> {
    let store = &*dir.store;
    let all = store.unenforced_in_period(actor, quarter.start(), quarter.end())?;
    Ok(QuarterStats::compute(&all, catalogue, quarter))
}

/// Checks the reports in a file (text of a protocol or report; UTF-8 or Windows-1252).
pub fn check_file(path: &Path, catalogue: &Catalogue) -> Result<CheckResult> {
    let bytes =
        std::fs::read(path).with_context(|| format!("kunde inte läsa {}", path.display()))?;
    let text = paragraf_import::table::text(&bytes)?;
    Ok(check(&text, catalogue))
}

/// Tjänsteskrivelse and draft § for the next meeting, with the report as their attachment.
/// This is the content; the typesetter renders it like the minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportDraft {
    /// Ärendemening.
    pub title: String,
    /// Förslag till beslut / Beslut.
    pub decision: String,
    /// Beskrivning av ärendet.
    pub description: Vec<String>,
    /// Beslutsunderlag.
    pub basis: Vec<String>,
    /// Beslut skickas till.
    pub send_to: Vec<String>,
    /// Bilaga: the report (tables only, no ids).
    pub attachment: PublicReport,
}

/// The report as published: the seed's tables, nothing that identifies a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicReport {
    /// The report date.
    pub date: NaiveDate,
    /// Antal beslut.
    pub total: u64,
    /// Varav kvinnor.
    pub women: u64,
    /// Varav män.
    pub men: u64,
    /// Antal som tackat nej till erbjudande.
    pub declined: u64,
    /// Per type.
    pub by_type: Vec<paragraf_core::unenforced::report::TypeCount>,
    /// Rows without ids: type, decision date, days, K/M, reason.
    pub rows: Vec<PublicRow>,
    /// The tables as text (tab-separated).
    pub text: String,
}

/// One published row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicRow {
    /// Beslut om.
    #[serde(rename = "type")]
    pub service: String,
    /// Beslutsdatum.
    pub decision_date: NaiveDate,
    /// Antal dagar.
    pub days: i64,
    /// K/M.
    pub gender: Gender,
    /// Orsak.
    pub reason: Option<Reason>,
}

impl From<&MonthlyReport> for PublicReport {
    fn from(r: &MonthlyReport) -> Self {
        PublicReport {
            date: r.date,
            total: r.total,
            women: r.women,
            men: r.men,
            declined: r.declined,
            by_type: r.by_type.clone(),
            rows: r
                .rows
                .iter()
                .map(|x| PublicRow {
                    service: x.service.clone(),
                    decision_date: x.decision_date,
                    days: x.days,
                    gender: x.gender,
                    reason: x.reason,
                })
                .collect(),
            text: r.to_text(),
        }
    }
}

fn genitive(name: &str) -> String {
    if name.ends_with('s') || name.ends_with('x') || name.ends_with('z') {
        name.to_string()
    } else {
        format!("{name}s")
    }
}

/// The tjänsteskrivelse and draft § for `report`, for the nämnd called `body`, worded as
/// seed 004 §§ 14–15.
pub fn draft(report: &MonthlyReport, body: &str, memo_date: NaiveDate) -> ReportDraft {
    let when = swedish_date(report.date);
    ReportDraft {
        title: format!(
            "{} rapport angående antal beslut om bistånd som inte verkställts till och med {when}",
            genitive(body)
        ),
        decision: format!(
            "{body} tar del av och godkänner förvaltningens rapport och översänder rapporten till kommunfullmäktige för kännedom."
        ),
        description: vec![
            "Sedan den 1 juli 2006 gäller bestämmelser i socialtjänstlagen och lagen om stöd och service, LSS, vilket syftar till att stärka rättssäkerheten för den enskilda.".into(),
            "Varje kvartal rapporterar förvaltningen till IVO vilka gynnande beslut som inte verkställts inom skälig tid (SoL 16 kap. 6 f §, LSS 28 f §).".into(),
            "Varje månad lämnas statistikrapport till nämnden och kommunfullmäktige över hur många gynnande beslut som inte har verkställts inom tre månader från dagen för respektive beslut (SoL 16 kap. 6 h §, LSS 28 h §).".into(),
            format!("Denna rapport avser de uppgifter som fanns tillgängliga den {when}: {} beslut, varav {} kvinnor och {} män; {} har tackat nej till erbjudande.", report.total, report.women, report.men, report.declined),
        ],
        basis: vec![format!("Tjänsteskrivelse daterad den {}.", swedish_date(memo_date)), format!("Statistikrapport den {when}.")],
        send_to: vec!["Kommunfullmäktige".into(), "Akt".into()],
        attachment: PublicReport::from(report),
    }
}

/// The chart (SVG): decisions waiting at the end of each of the last 12 months, per type and
/// in all, and the spread of days waited at `at`.
pub fn chart_svg(
    decisions: &[GrantedDecision],
    catalogue: &Catalogue,
    at: NaiveDate,
) -> Result<String> {
    use paragraf_render::chart::{lines_and_histogram_svg, Histogram, Line, LineChart};
    let series = WaitingSeries::compute(decisions, catalogue, at, 12);
    let report = MonthlyReport::compute(decisions, catalogue, at);
    let width = 30;
    let points = |counts: &[u64]| counts.iter().copied().enumerate().collect::<Vec<_>>();
    let mut lines = vec![Line {
        name: Some("Alla insatser".into()),
        points: points(&series.total),
        total: true,
        markers: false,
    }];
    lines.extend(series.by_type.iter().map(|(name, counts)| Line {
        name: Some(name.clone()),
        points: points(counts),
        total: false,
        markers: false,
    }));
    let chart = LineChart {
        title: format!(
            "Beslut som inte verkställts inom tre månader, per månad och insats (t.o.m. {at})"
        ),
        x_labels: series
            .dates
            .iter()
            .map(|d| d.format("%Y-%m").to_string())
            .collect(),
        y_desc: "Antal beslut".into(),
        lines,
    };
    let hist = Histogram {
        title: format!("Antal dagar som besluten väntat den {at} (intervall om {width} dagar)"),
        x_desc: "Antal dagar".into(),
        y_desc: "Antal beslut".into(),
        bins: days_histogram(&report, width),
        width,
    };
    Ok(lines_and_histogram_svg(&chart, &hist)?)
}

/// Rows of the register per state, for a listing: (id, type, decision date, state).
pub fn listing(
    decisions: &[GrantedDecision],
    at: NaiveDate,
) -> Vec<BTreeMap<&'static str, String>> {
    decisions
        .iter()
        .map(|d| {
            let state = if let Some(c) = d.closed.as_ref().filter(|c| c.date <= at) {
                format!("avslutat {}", c.date)
            } else if let Some(i) = d.interruption_at(at) {
                format!("avbrott från {}", i.from)
            } else if let Some(e) = d.enforced.filter(|e| *e <= at) {
                format!("verkställt {e}")
            } else {
                "väntar".to_string()
            };
            BTreeMap::from([
                ("id", d.id.to_string()),
                ("type", d.service.clone()),
                ("decision_date", d.decision_date.to_string()),
                ("gender", d.gender.letter().to_string()),
                (
                    "reason",
                    d.reason.map(|r| r.code().to_string()).unwrap_or_default(),
                ),
                ("state", state),
            ])
        })
        .collect()
}

/// The statistics the public may read: those placed before a nämnd at a meeting whose
/// kallelse has gone out, one per report date (the latest meeting's), by date. Nothing here
/// reads the register's rows.
pub fn public_statistics(dir: &crate::DataDir) -> Result<Vec<PublicStatistics>> {
    let store = &*dir.store;
    let mut by_date: BTreeMap<NaiveDate, PublicStatistics> = BTreeMap::new();
    for (date, meeting, json) in store.presented()? {
        let Ok(m) = store.meeting(meeting) else {
            continue;
        };
        if !m.notice_sent() {
            continue;
        }
        let stats: PublicStatistics = serde_json::from_str(&json)
            .with_context(|| format!("den redovisade statistiken för {date} kan inte läsas"))?;
        by_date.insert(date, stats);
    }
    Ok(by_date.into_values().collect())
}

/// The public chart (SVG): the number of decisions not carried out on each report date that
/// has been before the nämnd; hidden (small) totals are left out of the line.
pub fn public_chart_svg(stats: &[PublicStatistics]) -> Result<String> {
    use paragraf_core::unenforced::public::Cell;
    use paragraf_render::chart::{lines_svg, Line, LineChart};
    let points = stats
        .iter()
        .enumerate()
        .filter_map(|(i, s)| match s.total {
            Cell::Count(n) => Some((i, n)),
            Cell::Hidden => None,
        })
        .collect();
    Ok(lines_svg(&LineChart {
        title: "Beslut som inte verkställts inom tre månader, per rapportdatum".into(),
        x_labels: stats.iter().map(|s| s.date.to_string()).collect(),
        y_desc: "Antal beslut".into(),
        lines: vec![Line {
            name: None,
            points,
            total: true,
            markers: true,
        }],
    })?)
}

/// Every decision of the register (the read is logged with `actor`).
pub fn decisions(dir: &crate::DataDir, actor: &str) -> Result<Vec<GrantedDecision>> {
    Ok(dir.storage().unenforced_decisions(actor)?)
}

/// One decision of the register (the read is logged with `actor`).
pub fn decision(
    dir: &crate::DataDir,
    actor: &str,
    id: &DecisionId,
) -> Result<Option<GrantedDecision>> {
    Ok(dir.storage().unenforced_decision(actor, id)?)
}

/// The register's log, oldest first; of one decision when `id` is given.
pub fn log(dir: &crate::DataDir, id: Option<&DecisionId>) -> Result<Vec<AuditRecord>> {
    Ok(dir.storage().unenforced_audit(id)?)
}

#[cfg(test)]
mod seen_tests {
    use super::*;

    /// A repeated id is named with its first line, whatever the filter suspects: with a
    /// filter of one block every id soon is a suspect, and only the text decides.
    #[test]
    fn repeated_ids_are_told_by_their_text() {
        let mut csv = String::from("id;insats;beslutsdatum;kön\n");
        for i in 0..300 {
            csv.push_str(&format!("B{i};Kontaktperson;2023-01-0{};K\n", 1 + i % 9));
        }
        csv.push_str("B7;Kontaktperson;2023-01-01;K\nB299;Kontaktperson;2023-01-01;K\n");
        let file = Source::from(csv.into_bytes()).tell().unwrap();
        let OpenCsv { headers, .. } = file.open(b';').unwrap();
        let map = headers
            .iter()
            .enumerate()
            .map(|(i, h)| (column_name(h), i))
            .collect();
        let cols = Columns::new(&map);
        for (small, suspects) in [(1, true), (SEEN_BLOCKS, false)] {
            let mut seen = SeenIds::with_blocks(small);
            for (_, rec) in rows(&mut file.open(b';').unwrap().reader, headers.len()).flatten() {
                seen.insert(cols.get(&rec, "id"));
            }
            assert_eq!(seen.suspects.len() > 2, suspects, "{}", seen.suspects.len());
            let found: Vec<_> = repeated_ids(&file, &cols, &seen)
                .into_iter()
                .map(|p| (p.line, p.message))
                .collect();
            assert_eq!(
                found,
                [
                    (302, "id B7 förekommer redan på rad 9".to_string()),
                    (303, "id B299 förekommer redan på rad 301".to_string())
                ]
            );
        }
    }
}
