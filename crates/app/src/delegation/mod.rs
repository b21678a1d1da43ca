//! Delegation as operations: import a delegationsordning (text or PDF) as a new version with
//! its diff against the previous one, import the units' lists of delegation decisions from
//! CSV (each row checked against the version in force on its date; a file with any bad row
//! is refused whole), the report to the nämnd, who may decide, and search.

pub mod docs;

use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use paragraf_core::delegation::order::in_force;
use paragraf_core::delegation::{
    diff, search, who, Checker, ConditionalDelegates, DecisionRow, DelegationOrder,
    DelegationReport, FurtherDelegation, Item, LegalRef, Level, LevelNumber, NoticeList, OrderDiff,
    Outcome, RoleHolder, RowError, Section, Staleness, Threshold, WhoAnswer,
};
use paragraf_import::delegation::{DelegationConditional, DelegationDocument};
use paragraf_store::DelegationStore;
pub use paragraf_store::StoredOrder;
use serde::Serialize;

use paragraf_import::table::{
    data_rows, open_csv, problem, rows, BadRows, CsvReader, OpenCsv, RowProblem, Source, Told,
};

/// An order read from a file, with what the reader repaired.
#[derive(Debug, Clone, Serialize)]
pub struct OrderImport {
    /// The order.
    #[serde(flatten)]
    pub order: DelegationOrder,
    /// What was repaired or could not be read.
    pub warnings: Vec<String>,
    /// Whether it needs review (older than a year or past giltig t o m), as of today.
    pub staleness: Option<Staleness>,
    /// The stored version's number, when stored.
    pub version: Option<i64>,
    /// The change against the previous stored version with the same title.
    pub diff: Option<OrderDiff>,
}

fn date(field: &str, s: Option<&str>, warnings: &mut Vec<String>) -> Option<NaiveDate> {
    let s = s?.trim();
    match s.parse() {
        Ok(d) => Some(d),
        Err(_) => {
            warnings.push(format!("{field} ”{s}” är inget datum och har utelämnats"));
            None
        }
    }
}

fn conditional(c: &[DelegationConditional]) -> Vec<ConditionalDelegates> {
    c.iter()
        .map(|c| ConditionalDelegates {
            condition: c.condition.clone(),
            delegates: c.delegates.clone(),
        })
        .collect()
}

/// The core's order from what the importer read: dates checked, lagrum parsed with the
/// order's abbreviations, thresholds read from the matters.
pub fn order_from_document(doc: &DelegationDocument) -> (DelegationOrder, Vec<String>) {
    let mut warnings = doc.warnings.clone();
    let items = doc
        .items
        .iter()
        .map(|i| Item {
            number: i.number.clone(),
            section: i.section.clone(),
            matter: i.matter.clone(),
            legal_refs: i
                .legal_basis
                .iter()
                .map(|l| LegalRef::parse(l, &doc.abbreviations))
                .collect(),
            legal_basis: i.legal_basis.clone(),
            delegates: i.delegates.clone(),
            conditional: conditional(&i.conditional),
            levels: i
                .levels
                .iter()
                .map(|l| Level {
                    number: LevelNumber::new(&l.number),
                    matter: l.matter.clone(),
                    delegates: l.delegates.clone(),
                    thresholds: l
                        .matter
                        .as_deref()
                        .map(Threshold::find_in)
                        .unwrap_or_default(),
                    remark: l.remark.clone(),
                })
                .collect(),
            thresholds: Threshold::find_in(&i.matter),
            // Columns the order has besides the five (Anmäls, Överklagan) are kept in the
            // remark, under their own header.
            remark: std::iter::once(i.remark.clone())
                .flatten()
                .chain(i.extra.iter().map(|(k, v)| format!("{k}: {v}")))
                .reduce(|a, b| format!("{a}. {b}")),
            utskott_only: i.utskott_only,
            moved_to: i.moved_to.clone(),
        })
        .collect();
    let order = DelegationOrder {
        title: doc.title.clone(),
        case_number: doc.case_number.clone(),
        adopted: date("datum", doc.adopted.as_deref(), &mut warnings),
        revised: date("senast reviderad", doc.revised.as_deref(), &mut warnings),
        valid_until: date("giltig t o m", doc.valid_until.as_deref(), &mut warnings),
        valid_from: None,
        adopted_by: doc.adopted_by.clone(),
        body: doc.body.clone(),
        rules: doc.rules.clone(),
        abbreviations: doc.abbreviations.clone(),
        sections: doc
            .sections
            .iter()
            .map(|s| Section {
                number: s.number.clone(),
                title: s.title.clone(),
                utskott_only: s.utskott_only,
            })
            .collect(),
        items,
    };
    (order, warnings)
}

/// Reads an order from a file: a table in Word, OpenDocument, XLSX, CSV, HTML or markdown
/// (its columns recognised by their headers, or named in `columns`, e.g.
/// "nr,ärende,lagrum,delegat,anmärkning"), or text and PDF (PDF through pdftotext, as
/// protocols are). Problems the core finds (duplicate numbers) are errors.
pub fn read_order(path: &Path, columns: Option<&str>, today: NaiveDate) -> Result<OrderImport> {
    let columns = columns
        .map(paragraf_import::delegation_grid::parse_columns)
        .transpose()?;
    let doc = paragraf_import::delegation::read_delegation_file_with(path, columns.as_deref())
        .with_context(|| format!("{} kunde inte läsas som delegationsordning", path.display()))?;
    let (order, warnings) = order_from_document(&doc);
    let errors = order.validate();
    if !errors.is_empty() {
        crate::refuse!(
            "delegationsordningen i {} kan inte sparas: {}",
            path.display(),
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    Ok(OrderImport {
        staleness: order.staleness(today),
        order,
        warnings,
        version: None,
        diff: None,
    })
}

/// Stores `import` as a new version; the diff is against the latest stored version with the
/// same title.
pub fn store_order(
    dir: &crate::DataDir,

    import: OrderImport,
    source: Option<&str>,
) -> Result<OrderImport> {
    store_order_in(&*dir.store, import, source)
}

/// [`store_order`] on `store` (a transaction, for a rehearsal).
pub(crate) fn store_order_in(
    store: &dyn paragraf_store::Storage,
    mut import: OrderImport,
    source: Option<&str>,
) -> Result<OrderImport> {
    let previous = store.latest_order(&import.order.title)?;
    import.diff = previous.as_ref().map(|p| diff(&p.order, &import.order));
    let stored = store.add_order(&import.order, source)?;
    import.version = Some(stored.id);
    Ok(import)
}

/// The CSV columns of a decision list; `nivå` is optional.
pub const DECISION_COLUMNS: [&str; 8] = [
    "punkt",
    "datum",
    "beslutsfattare",
    "roll",
    "enhet",
    "beslut",
    "utfall",
    "nivå",
];

fn column_name(h: &str) -> String {
    let h = h.trim().trim_start_matches('\u{feff}').to_lowercase();
    match h.as_str() {
        "punkt nr" | "punktnr" | "nr" | "delegationspunkt" => "punkt".into(),
        "beslutsdatum" => "datum".into(),
        "delegat" => "beslutsfattare".into(),
        "niva" => "nivå".into(),
        "organisation" => "enhet".into(),
        _ => h,
    }
}

fn from_error(line: u64, e: &RowError) -> RowProblem {
    problem(line, e.field(), e.to_string())
}

/// Reads a decision list: `punkt;datum;beslutsfattare;roll;enhet;beslut;utfall` (and
/// optionally `nivå`), `;` or `,` as the header has it, UTF-8 or Windows-1252. Every bad row
/// is named; with any, `Err` and nothing to store. Rows come with their line numbers.
pub fn parse_decisions_csv(bytes: &[u8]) -> Result<Vec<(u64, DecisionRow)>, BadRows> {
    let (rows, problems) = read_decisions(bytes)?;
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(BadRows { problems })
    }
}

/// Rows with their line numbers, and the problems of the rows that could not be read.
type ReadRows = (Vec<(u64, DecisionRow)>, Vec<RowProblem>);

/// The good rows and the problems of the others; `Err` only when the header is unusable.
fn read_decisions(bytes: &[u8]) -> Result<ReadRows, BadRows> {
    let mut file = open_decisions(Source::from(bytes).tell()?)?;
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    // Collecting cannot fail: only the store's errors stop the reading.
    let _ = each_decision(&mut file, &mut problems, &mut |line, row, _| {
        rows.push((line, row));
        Ok(())
    });
    problems.sort_by_key(|p| p.line);
    Ok((rows, problems))
}

/// A decision list opened, its header read.
struct DecisionFile {
    reader: CsvReader,
    width: usize,
    /// Where each of [`DECISION_COLUMNS`] is.
    cols: [Option<usize>; DECISION_COLUMNS.len()],
}

/// Opens a decision list; `Err` when the header is unusable.
fn open_decisions(file: Told) -> Result<DecisionFile, BadRows> {
    let OpenCsv {
        reader, headers, ..
    } = file.open(b'\t')?;
    let mut problems = Vec::new();
    let mut cols = std::collections::HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let name = column_name(h);
        if name.is_empty() {
            continue;
        }
        if !DECISION_COLUMNS.contains(&name.as_str()) {
            problems.push(problem(
                1,
                h.trim(),
                format!(
                    "okänd kolumn ”{}”; kolumnerna är {}",
                    h.trim(),
                    DECISION_COLUMNS[..7].join(";")
                ),
            ));
        } else if cols.insert(name.clone(), i).is_some() {
            problems.push(problem(1, &name, "kolumnen finns två gånger"));
        }
    }
    for c in &DECISION_COLUMNS[..7] {
        if !cols.contains_key(*c) {
            problems.push(problem(1, c, "kolumnen saknas i rubrikraden"));
        }
    }
    if !problems.is_empty() {
        return Err(BadRows { problems });
    }
    Ok(DecisionFile {
        width: headers.len(),
        cols: DECISION_COLUMNS.map(|c| cols.get(c).copied()),
        reader,
    })
}

/// What [`each_decision`] hands each good row to.
type EachDecision<'a> =
    dyn FnMut(u64, DecisionRow, &mut Vec<RowProblem>) -> paragraf_store::Result<()> + 'a;

/// Reads the rows of `file` one at a time: each good row goes to `each`, every bad one to
/// `problems`. Only an error of `each` stops the reading.
fn each_decision(
    file: &mut DecisionFile,
    problems: &mut Vec<RowProblem>,
    each: &mut EachDecision<'_>,
) -> paragraf_store::Result<()> {
    let cols = file.cols;
    for row in rows(&mut file.reader, file.width) {
        let (line, rec) = match row {
            Ok(r) => r,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let get = |name: &str| {
            DECISION_COLUMNS
                .iter()
                .position(|c| *c == name)
                .and_then(|i| cols[i])
                .and_then(|i| rec.get(i))
                .map(str::trim)
                .unwrap_or("")
        };
        let before = problems.len();
        let mut required = |name: &'static str| {
            let v = get(name);
            if v.is_empty() {
                problems.push(from_error(line, &RowError::Missing(name)));
            }
            v.to_string()
        };
        let item = required("punkt");
        let date_text = required("datum");
        let decided_by = required("beslutsfattare");
        let role = required("roll");
        let unit = required("enhet");
        let decision = required("beslut");
        let outcome_text = required("utfall");
        let date = if date_text.is_empty() {
            None
        } else {
            match date_text.parse::<NaiveDate>() {
                Ok(d) => Some(d),
                Err(_) => {
                    problems.push(from_error(line, &RowError::Date(date_text.clone())));
                    None
                }
            }
        };
        let outcome = if outcome_text.is_empty() {
            None
        } else {
            match Outcome::parse(&outcome_text) {
                Ok(o) => Some(o),
                Err(e) => {
                    problems.push(from_error(line, &e));
                    None
                }
            }
        };
        if problems.len() > before {
            continue;
        }
        let (Some(date), Some(outcome)) = (date, outcome) else {
            continue;
        };
        let level = get("nivå");
        let row = DecisionRow {
            item: item.trim_end_matches('.').to_string(),
            level: (!level.is_empty()).then(|| LevelNumber::new(level)),
            date,
            decided_by,
            role,
            unit,
            decision,
            outcome,
        };
        each(line, row, problems)?;
    }
    Ok(())
}

/// The check over everything stored: every version, the roles register, vidaredelegation.
pub fn checker<S: DelegationStore + ?Sized>(store: &S) -> Result<Checker> {
    let versions: Vec<DelegationOrder> = store.orders()?.into_iter().map(|o| o.order).collect();
    Ok(Checker::new(
        &versions,
        &store.role_holders()?,
        &store.further_delegations()?,
    ))
}

/// Checks `rows` against `checker`; every failing row named with its line and reasons.
pub fn check_rows(checker: &Checker, rows: &[(u64, DecisionRow)]) -> Result<(), BadRows> {
    let mut problems = Vec::new();
    for (line, row) in rows {
        if let Err(errors) = checker.check(row) {
            problems.extend(errors.iter().map(|e| from_error(*line, e)));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(BadRows { problems })
    }
}

/// What a decision import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionsImported {
    /// Rows stored.
    pub rows: usize,
    /// The file's number in the store.
    pub import: i64,
    /// First and last decision date.
    pub from: Option<NaiveDate>,
    /// Last.
    pub to: Option<NaiveDate>,
}

/// Imports a decision list: read (see [`parse_decisions_csv`]), each row checked against the
/// version of the order in force on its date, stored in ONE transaction. Any bad row: an
/// [`BadRows`] naming every one, and nothing stored. A file imported before is refused.
pub fn import_decisions(
    dir: &crate::DataDir,
    file: &str,
    input: impl Into<Source>,
) -> Result<DecisionsImported> {
    import_decisions_in(&*dir.store, file, input.into())
}

/// [`import_decisions`] on `store` (a transaction, for a rehearsal). The file is read and
/// each row checked on a thread of its own while the store writes what it has been handed
/// ([`crate::pipeline`]), all in one transaction: any bad row undoes it all.
pub(crate) fn import_decisions_in(
    store: &dyn paragraf_store::Storage,
    file: &str,
    input: Source,
) -> Result<DecisionsImported> {
    let told = input.tell()?;
    let sha = told.sha256().to_string();
    let mut opened = open_decisions(told)?;
    if store.orders()?.is_empty() {
        crate::refuse!("ingen delegationsordning är inläst; läs in den först");
    }
    let checker = checker(store)?;
    let ((mut problems, from, to), stored) = crate::pipeline::pipelined(
        |give| {
            let mut problems = Vec::new();
            let (mut from, mut to) = (None::<NaiveDate>, None::<NaiveDate>);
            let _ = each_decision(&mut opened, &mut problems, &mut |line, row, problems| {
                if let Err(errors) = checker.check(&row) {
                    problems.extend(errors.iter().map(|e| from_error(line, e)));
                }
                from = Some(from.map_or(row.date, |f| f.min(row.date)));
                to = Some(to.map_or(row.date, |t| t.max(row.date)));
                // After the first bad row nothing more is written: it will all be undone. The
                // rest is still read, so that every bad row is named.
                if problems.is_empty() && !give((line, row)) {
                    // The store has stopped: its error is the answer.
                    return Err(paragraf_store::StoreError::Rule(String::new()));
                }
                Ok(())
            });
            (problems, from, to)
        },
        |feed| {
            store.import_decision_rows(file, &sha, &mut |put| {
                while let Some((line, row)) = feed.next() {
                    put(line, &row)?;
                }
                crate::pipeline::all_or_nothing(feed.finish().0.is_empty())
            })
        },
    );
    let stored = crate::pipeline::stopped_early(stored)?;
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line);
        return Err(BadRows { problems }.into());
    }
    let imported = stored?;
    Ok(DecisionsImported {
        rows: imported.rows,
        import: imported.id,
        from,
        to,
    })
}

/// The report to the nämnd over the stored decisions from `from` to `to`.
pub fn report(dir: &crate::DataDir, from: NaiveDate, to: NaiveDate) -> Result<DelegationReport> {
    let store = &*dir.store;
    if to < from {
        crate::refuse!("--to {to} ligger före --from {from}");
    }
    Ok(DelegationReport::from_counts(
        store.decision_counts(from, to)?,
        from,
        to,
    ))
}

/// The ANMÄLAN lists of the decisions from `from` to `to`, per unit and month: every decision
/// by name, apart from the statistics of [`report`] (they name individuals' matters).
pub fn notices(dir: &crate::DataDir, from: NaiveDate, to: NaiveDate) -> Result<Vec<NoticeList>> {
    if to < from {
        crate::refuse!("--to {to} ligger före --from {from}");
    }
    Ok(paragraf_core::delegation::notice_lists(
        &dir.store.decisions(from, to)?,
        from,
        to,
    ))
}

/// The stored version in force on `date`, or the latest stored version without a date.
pub fn order_at(dir: &crate::DataDir, date: Option<NaiveDate>) -> Result<StoredOrder> {
    let store = &*dir.store;
    let all = store.orders()?;
    if all.is_empty() {
        crate::refuse!("ingen delegationsordning är inläst; läs in den först");
    }
    match date {
        None => Ok(all.into_iter().last().context("ingen version")?),
        Some(d) => {
            let orders: Vec<DelegationOrder> = all.iter().map(|o| o.order.clone()).collect();
            let found = in_force(&orders, d)
                .with_context(|| format!("ingen delegationsordning gällde {d}"))?;
            // The latest stored copy of that version.
            Ok(all
                .into_iter()
                .rev()
                .find(|o| &o.order == found)
                .context("ingen version")?)
        }
    }
}

/// Who may decide `item` (at `level`) in the version in force on `date` (default: latest).
pub fn who_may_decide(
    dir: &crate::DataDir,

    item: &str,
    level: Option<&str>,
    date: Option<NaiveDate>,
) -> Result<WhoAnswer> {
    let _store = &*dir.store;
    let o = order_at(dir, date)?;
    Ok(who(&o.order, item, level)?)
}

/// The items of the latest version whose matter or lagrum matches `text`.
pub fn search_items(dir: &crate::DataDir, text: &str) -> Result<Vec<Item>> {
    let _store = &*dir.store;
    let o = order_at(dir, None)?;
    Ok(search(&o.order, text).into_iter().cloned().collect())
}

/// (first column, role, from, to) of a period list.
type PeriodRow = (String, String, NaiveDate, Option<NaiveDate>);

/// Reads `X;roll;från;till` rows after a header line (`till` may be empty); `first` names
/// the first column in messages.
fn parse_periods(bytes: &[u8], first: &str) -> Result<Vec<PeriodRow>, BadRows> {
    let OpenCsv {
        mut reader,
        headers,
        ..
    } = open_csv(bytes, b';')?;
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (line, rec) in data_rows(&mut reader, headers.len().max(4), &mut problems) {
        let get = |n: usize| rec.get(n).map_or("", str::trim);
        let (key, role) = (get(0), get(1));
        if key.is_empty() || role.is_empty() {
            problems.push(problem(
                line,
                first,
                format!("{first} och roll måste anges"),
            ));
            continue;
        }
        let from = match get(2).parse::<NaiveDate>() {
            Ok(d) => d,
            Err(_) => {
                problems.push(problem(
                    line,
                    "från",
                    format!("”{}” är inget datum", get(2)),
                ));
                continue;
            }
        };
        let to = match get(3) {
            "" => None,
            t => match t.parse::<NaiveDate>() {
                Ok(d) if d >= from => Some(d),
                Ok(d) => {
                    problems.push(problem(line, "till", format!("{d} ligger före {from}")));
                    continue;
                }
                Err(_) => {
                    problems.push(problem(line, "till", format!("”{t}” är inget datum")));
                    continue;
                }
            },
        };
        out.push((key.to_string(), role.to_string(), from, to));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(BadRows { problems })
    }
}

/// Reads a roles register: `person;roll;från;till` (till may be empty).
pub fn parse_roles_csv(bytes: &[u8]) -> Result<Vec<RoleHolder>, BadRows> {
    Ok(parse_periods(bytes, "person")?
        .into_iter()
        .map(|(person, role, from, to)| RoleHolder {
            person,
            role,
            from,
            to,
        })
        .collect())
}

/// Reads the förvaltningschef's vidaredelegation: `punkt;roll;från;till`.
pub fn parse_further_csv(bytes: &[u8]) -> Result<Vec<FurtherDelegation>, BadRows> {
    Ok(parse_periods(bytes, "punkt")?
        .into_iter()
        .map(|(item, role, from, to)| FurtherDelegation {
            item: item.trim_end_matches('.').to_string(),
            role,
            from,
            to,
        })
        .collect())
}

/// The nämnd the lists of delegation decisions belong to: the body named by the latest
/// stored delegationsordning, when a body of that name is stored. `None` (no order, no
/// body, or a name no body has) keeps the lists for administrators.
pub fn lists_body(dir: &crate::DataDir) -> Result<Option<paragraf_core::ids::BodyId>> {
    lists_body_in(&*dir.store)
}

/// [`lists_body`] on `store`.
pub(crate) fn lists_body_in(
    store: &dyn paragraf_store::Storage,
) -> Result<Option<paragraf_core::ids::BodyId>> {
    let Some(name) = store
        .orders()?
        .into_iter()
        .last()
        .and_then(|o| o.order.body)
    else {
        return Ok(None);
    };
    let key = name.trim().to_lowercase();
    Ok(store
        .bodies()?
        .into_iter()
        .find(|b| b.name.to_lowercase() == key)
        .map(|b| b.id))
}

/// Every stored version of every delegationsordning, oldest first.
pub fn orders(dir: &crate::DataDir) -> crate::Result<Vec<StoredOrder>> {
    Ok(dir.storage().orders()?)
}

/// Reads the register of who holds which delegate role (CSV) and stores it.
pub fn import_roles(dir: &crate::DataDir, bytes: &[u8]) -> Result<usize> {
    import_roles_in(dir.storage(), bytes)
}

/// [`import_roles`] on `store` (a transaction, for a rehearsal).
pub(crate) fn import_roles_in(store: &dyn paragraf_store::Storage, bytes: &[u8]) -> Result<usize> {
    let holders = parse_roles_csv(bytes)?;
    store.add_role_holders(&holders)?;
    Ok(holders.len())
}

/// Reads the list of vidaredelegation (CSV) and stores it.
pub fn import_further(dir: &crate::DataDir, bytes: &[u8]) -> Result<usize> {
    import_further_in(dir.storage(), bytes)
}

/// [`import_further`] on `store` (a transaction, for a rehearsal).
pub(crate) fn import_further_in(
    store: &dyn paragraf_store::Storage,
    bytes: &[u8],
) -> Result<usize> {
    let rows = parse_further_csv(bytes)?;
    store.add_further_delegations(&rows)?;
    Ok(rows.len())
}

/// The decisions in brådskande ärenden (by the ordförande or another single förtroendevald,
/// KL 6 kap. 39 §) dated up to `to` that have not been anmälda at a meeting yet: they go to
/// the nämnd's next meeting (6 kap. 40 §).
pub fn unreported_urgent(dir: &crate::DataDir, to: NaiveDate) -> Result<Vec<DecisionRow>> {
    Ok(dir
        .store
        .decisions_reported(NaiveDate::MIN, to)?
        .into_iter()
        .filter(|(row, at)| at.is_none() && row.reported_at_next_meeting())
        .map(|(row, _)| row)
        .collect())
}
