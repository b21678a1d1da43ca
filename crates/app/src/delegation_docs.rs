//! Anmälan av delegationsbeslut as the nämnd receives it (seed 002 lines 1253–1472): the
//! statistics per unit and per item for the § (counts only, public), and the ANMÄLAN lists
//! per unit and month as a secret handling (they name the decisions one by one); placed on
//! a meeting's agenda as an anmälningsärende whose § reads "… läggs till handlingarna".

use anyhow::Result;
use chrono::NaiveDate;
use paragraf_core::delegation::report::DelegationReport;
use paragraf_core::ids::{CaseId, MeetingId, Record};
use paragraf_core::meeting::{AgendaItem, ItemDraft};
use paragraf_core::minutes::{CellValue, Decision, Table, TableRow};
use paragraf_core::registry::{Case, DocumentType, Secrecy};
use paragraf_render::format;
pub use paragraf_render::report::ReportDoc;
use paragraf_render::report::{ReportSection, ReportTable};

use crate::agenda::{place_matter, Attachment};
use crate::DataDir;

fn count(n: u64) -> String {
    format::number(n as f64, 0)
}

fn period(r: &DelegationReport) -> String {
    format!(
        "{} – {}",
        format::date_text(r.from),
        format::date_text(r.to)
    )
}

/// The title of the anmälningsärende.
pub fn title(r: &DelegationReport) -> String {
    format!("Anmälan av delegationsbeslut {}", period(r))
}

/// The statistics: one table per unit (each type of decision with its count and the unit's
/// sum), bifall/avslag/annat per item, and the total.
pub fn statistics_tables(r: &DelegationReport) -> Vec<ReportTable> {
    let mut tables: Vec<ReportTable> = r
        .units
        .iter()
        .map(|u| {
            let mut rows: Vec<Vec<String>> = u
                .decisions
                .iter()
                .map(|t| vec![t.decision.clone(), count(t.count)])
                .collect();
            rows.push(vec!["Summa".into(), count(u.total)]);
            ReportTable {
                title: u.unit.clone(),
                header: vec!["Typ av beslut".into(), "Antal".into()],
                rows,
                numeric: vec![false, true],
                total_row: true,
                flex_column: Some(0),
                ..ReportTable::default()
            }
        })
        .collect();
    let mut by_item: Vec<Vec<String>> = r
        .by_item
        .iter()
        .map(|i| {
            vec![
                i.item.clone(),
                count(i.bifall),
                count(i.avslag),
                count(i.annat),
            ]
        })
        .collect();
    by_item.push(vec![
        "Totalt".into(),
        count(r.by_item.iter().map(|i| i.bifall).sum()),
        count(r.by_item.iter().map(|i| i.avslag).sum()),
        count(r.by_item.iter().map(|i| i.annat).sum()),
    ]);
    tables.push(ReportTable {
        title: "Utfall per punkt i delegationsordningen".into(),
        header: ["Punkt", "Bifall", "Avslag", "Annat"]
            .map(String::from)
            .to_vec(),
        rows: by_item,
        numeric: vec![false, true, true, true],
        total_row: true,
        ..ReportTable::default()
    });
    tables
}

/// The statistics as a PDF-ready document (public: counts only).
pub fn statistics_doc(
    r: &DelegationReport,
    municipality: &str,
    body: &str,
    made: NaiveDate,
) -> ReportDoc {
    ReportDoc {
        municipality: municipality.into(),
        body: body.into(),
        kind: "Delegationsbeslut".into(),
        date: made,
        title: format!("Statistik över delegationsbeslut {}", period(r)),
        subtitle: None,
        facts: vec![("Antal beslut".into(), count(r.total))],
        sections: vec![ReportSection {
            heading: "Beslut per enhet och typ".into(),
            text: format!(
                "Delegationsbeslut fattade {} enligt nämndens delegationsordning, {} beslut i alla.",
                period(r),
                count(r.total)
            ),
            tables: statistics_tables(r),
            ..ReportSection::default()
        }],
        landscape: false,
    }
}

/// The ANMÄLAN AV DELEGATIONSBESLUT lists, one per unit and month (secret: they list the
/// decisions one by one).
pub fn lists_doc(
    r: &DelegationReport,
    municipality: &str,
    body: &str,
    made: NaiveDate,
) -> ReportDoc {
    let sections = r
        .notices
        .iter()
        .enumerate()
        .map(|(i, n)| ReportSection {
            heading: format!(
                "ANMÄLAN AV DELEGATIONSBESLUT – {}, avseende {}",
                n.unit, n.month
            ),
            text: String::new(),
            tables: vec![ReportTable {
                title: String::new(),
                header: [
                    "Punkt nr i deleg. fört.",
                    "Ärende",
                    "Datum",
                    "Beslut",
                    "Beslutsfattare",
                ]
                .map(String::from)
                .to_vec(),
                rows: n
                    .rows
                    .iter()
                    .map(|x| {
                        vec![
                            x.item.clone(),
                            x.decision.clone(),
                            format::date_iso(x.date),
                            x.outcome.swedish().to_string(),
                            format!("{}, {}", x.decided_by, x.role),
                        ]
                    })
                    .collect(),
                numeric: vec![false; 5],
                flex_column: Some(1),
                ..ReportTable::default()
            }],
            charts: vec![],
            new_page: i > 0,
        })
        .collect();
    ReportDoc {
        municipality: municipality.into(),
        body: body.into(),
        kind: "Anmälan av delegationsbeslut".into(),
        date: made,
        title: format!("Anmälan av delegationsbeslut {}", period(r)),
        subtitle: Some("Sekretess enligt OSL 26 kap. 1 § kan gälla för uppgifterna.".into()),
        facts: vec![("Antal beslut".into(), count(r.total))],
        sections,
        landscape: true,
    }
}

/// The draft § of the anmälningsärende: the statistics as tables, no single decision.
pub fn item_draft(r: &DelegationReport, body: &str) -> ItemDraft {
    let n = |x: u64| CellValue::Number(x as f64);
    let row = |label: &str, values: Vec<CellValue>| TableRow {
        label: Some(label.to_string()),
        values,
        children: vec![],
    };
    let mut tables: Vec<Table> = r
        .units
        .iter()
        .map(|u| Table {
            title: Some(u.unit.clone()),
            header: vec!["Typ av beslut".into(), "Antal".into()],
            rows: u
                .decisions
                .iter()
                .map(|t| row(&t.decision, vec![n(t.count)]))
                .chain([row("Summa", vec![n(u.total)])])
                .collect(),
        })
        .collect();
    tables.push(Table {
        title: Some("Utfall per punkt i delegationsordningen".into()),
        header: ["Punkt", "Bifall", "Avslag", "Annat"]
            .map(String::from)
            .to_vec(),
        rows: r
            .by_item
            .iter()
            .map(|i| row(&i.item, vec![n(i.bifall), n(i.avslag), n(i.annat)]))
            .chain([row(
                "Totalt",
                vec![
                    n(r.by_item.iter().map(|i| i.bifall).sum()),
                    n(r.by_item.iter().map(|i| i.avslag).sum()),
                    n(r.by_item.iter().map(|i| i.annat).sum()),
                ],
            )])
            .collect(),
    });
    ItemDraft {
        text: format!(
            "Beslut som fattats med stöd av delegation ska anmälas till {body} (KL 6 kap. 40 §). \
             Under perioden {} har {} delegationsbeslut fattats; de redovisas per enhet och per punkt i delegationsordningen. \
             Förteckningarna över de enskilda besluten finns i ärendet.",
            period(r),
            count(r.total)
        ),
        proposal: Some(Decision::Text {
            text: format!(
                "Anmälan av delegationsbeslut {} läggs till handlingarna.",
                period(r)
            ),
        }),
        documents: vec![
            format!("Statistik över delegationsbeslut {}", period(r)),
            format!("Förteckningar över delegationsbeslut {}", period(r)),
        ],
        dispatch: vec!["Akt".into()],
        tables,
    }
}

/// Places the report on the agenda of `meeting` as an anmälningsärende: a case with the
/// statistics (public) and the lists (secret) as handlingar, and the draft §.
pub fn place_on_agenda(
    dir: &DataDir,
    meeting: MeetingId,
    r: &DelegationReport,
    body: &str,
    made: NaiveDate,
    handler: &str,
) -> Result<(Record<CaseId, Case>, AgendaItem)> {
    let municipality = dir.config.municipality.name.clone();
    let stats = paragraf_render::report_pdf(&statistics_doc(r, &municipality, body, made))?;
    let lists = paragraf_render::report_pdf(&lists_doc(r, &municipality, body, made))?;
    place_matter(
        dir,
        meeting,
        &title(r),
        item_draft(r, body),
        vec![
            Attachment {
                kind: DocumentType::Report,
                title: format!("Statistik över delegationsbeslut {}", period(r)),
                pdf: stats,
                secrecy: Secrecy::Public,
            },
            Attachment {
                kind: DocumentType::DelegationList,
                title: format!("Förteckningar över delegationsbeslut {}", period(r)),
                pdf: lists,
                secrecy: Secrecy::IndividualCase,
            },
        ],
        made,
        handler,
    )
}
