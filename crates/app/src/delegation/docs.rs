//! The report on delegation decisions as papers: a PDF from the same typesetter as the
//! minutes (per unit each type with its count and sum, bifall/avslag per item, and — in the
//! non-public version — the ANMÄLAN lists per unit and month), and the anmälningsärende it
//! becomes on the next meeting's agenda with its draft § ("… läggs till handlingarna").
//! The § carries counts only; the lists, which name decisions in individual cases, are a
//! handling kept secret (OSL 26 kap. 1 §).

use anyhow::Result;
use chrono::NaiveDate;
use paragraf_core::delegation::{DelegationReport, NoticeList};
use paragraf_core::ids::{CaseId, MeetingId, Record};
use paragraf_core::meeting::{AgendaItem, ItemDraft};
use paragraf_core::minutes::{CellValue, Decision, Table, TableRow};
use paragraf_core::registry::{Case, Direction, DocumentType, NewDocument, Secrecy};
use paragraf_render::format;
use paragraf_render::report::{ReportDoc, ReportSection, ReportTable};
use paragraf_store::NewCase;

use crate::{in_transaction, DataDir};

fn count(n: u64) -> String {
    format::number(n as f64, 0)
}

/// "Anmälan av delegationsbeslut 1 maj 2024 – 31 maj 2024".
pub fn title(r: &DelegationReport) -> String {
    format!(
        "Anmälan av delegationsbeslut {} – {}",
        format::date_text(r.from),
        format::date_text(r.to)
    )
}

/// The per-unit tables (Beslut, Antal beslut, Summa beslut) and the per-item table.
pub fn count_tables(r: &DelegationReport) -> Vec<ReportTable> {
    let mut out: Vec<ReportTable> = r
        .units
        .iter()
        .map(|u| {
            let mut rows: Vec<Vec<String>> = u
                .decisions
                .iter()
                .map(|t| vec![t.decision.clone(), count(t.count)])
                .collect();
            rows.push(vec!["Summa beslut".into(), count(u.total)]);
            ReportTable {
                title: u.unit.clone(),
                header: vec!["Beslut".into(), "Antal beslut".into()],
                rows,
                numeric: vec![false, true],
                total_row: true,
                flex_column: Some(0),
                ..ReportTable::default()
            }
        })
        .collect();
    if !r.by_item.is_empty() {
        out.push(ReportTable {
            title: "Bifall och avslag per punkt i delegationsordningen".into(),
            header: ["Punkt", "Bifall", "Avslag", "Annat"]
                .map(String::from)
                .to_vec(),
            rows: r
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
                .collect(),
            numeric: vec![false, true, true, true],
            ..ReportTable::default()
        });
    }
    out
}

/// The report as a document, followed by the ANMÄLAN `lists` per unit and month ([`super::notices`]),
/// one page each; with lists, it names decisions in individual cases and is not public.
pub fn report_doc(
    r: &DelegationReport,
    lists: &[NoticeList],
    municipality: &str,
    body: &str,
    made: NaiveDate,
) -> ReportDoc {
    let mut sections = vec![ReportSection {
        heading: "Delegationsbeslut per enhet".into(),
        text: format!(
            "Beslut fattade med stöd av delegation {} – {}: {} beslut (6 kap. 40 § KL).",
            format::date_iso(r.from),
            format::date_iso(r.to),
            count(r.total)
        ),
        tables: count_tables(r),
        ..ReportSection::default()
    }];
    for n in lists {
        sections.push(ReportSection {
            heading: format!("ANMÄLAN AV DELEGATIONSBESLUT – {} – {}", n.unit, n.month),
            tables: vec![ReportTable {
                header: ["Punkt", "Datum", "Beslut", "Utfall", "Beslutsfattare"]
                    .map(String::from)
                    .to_vec(),
                rows: n
                    .rows
                    .iter()
                    .map(|x| {
                        vec![
                            x.item.clone(),
                            format::date_iso(x.date),
                            x.decision.clone(),
                            x.outcome.swedish().to_string(),
                            format!("{}, {}", x.decided_by, x.role.to_lowercase()),
                        ]
                    })
                    .collect(),
                numeric: vec![false; 5],
                flex_column: Some(2),
                ..ReportTable::default()
            }],
            new_page: true,
            ..ReportSection::default()
        });
    }
    ReportDoc {
        municipality: municipality.into(),
        body: body.into(),
        kind: "Delegationsbeslut".into(),
        date: made,
        title: title(r),
        subtitle: None,
        facts: vec![
            ("Period".into(), format!("{} – {}", r.from, r.to)),
            ("Till".into(), body.into()),
        ],
        sections,
        landscape: false,
    }
}

/// The draft § for the agenda: "Anmälan av delegationsbeslut … läggs till handlingarna", with
/// the counts per unit (nothing that identifies a person or a case).
pub fn item_draft(r: &DelegationReport, body: &str) -> ItemDraft {
    let n = |x: u64| CellValue::Number(x as f64);
    let tables = r
        .units
        .iter()
        .map(|u| Table {
            title: Some(u.unit.clone()),
            header: vec!["Beslut".into(), "Antal beslut".into()],
            rows: u
                .decisions
                .iter()
                .map(|t| TableRow {
                    label: Some(t.decision.clone()),
                    values: vec![n(t.count)],
                    children: vec![],
                })
                .chain(std::iter::once(TableRow {
                    label: Some("Summa beslut".into()),
                    values: vec![n(u.total)],
                    children: vec![],
                }))
                .collect(),
        })
        .collect();
    ItemDraft {
        text: format!(
            "Beslut som fattas med stöd av delegation ska anmälas till {body} (6 kap. 40 § KL). Under perioden {} – {} fattades {} delegationsbeslut.",
            r.from, r.to, r.total
        ),
        proposal: Some(Decision::Text {
            text: format!(
                "Anmälan av delegationsbeslut för perioden {} – {} läggs till handlingarna.",
                r.from, r.to
            ),
        }),
        documents: vec![format!("Delegationslistor {} – {}", r.from, r.to)],
        dispatch: vec!["Akt".into()],
        tables,
    }
}

/// Puts the report before the nämnd: registers an anmälningsärende with the lists (`pdf`) as
/// a secret handling and places it on the agenda of the planned meeting with the draft §,
/// in one transaction.
pub fn place_on_agenda(
    dir: &DataDir,
    meeting: MeetingId,
    r: &DelegationReport,
    body: &str,
    pdf: &[u8],
    made: NaiveDate,
    handler: &str,
) -> Result<(Record<CaseId, Case>, AgendaItem)> {
    let m = dir.store.meeting(meeting)?;
    m.agenda_open()?;
    let file = dir.store_pdf(pdf)?;
    let mut lists = NewDocument::new(
        DocumentType::DelegationList,
        &format!("Delegationslistor {} – {}", r.from, r.to),
        made,
        Direction::Internal,
        None,
    )?;
    lists.file = Some(file);
    lists.secrecy = Secrecy::IndividualCase;
    let new = NewCase {
        series: dir.default_series(),
        class: None,
        title: title(r),
        body: Some(m.body),
        secrecy: Secrecy::Public,
        registered: made,
        handler: Some(handler.to_string()),
    };
    let draft = item_draft(r, body);
    in_transaction(dir.storage(), |tx| {
        let (case, _) = tx.create_case(&dir.pattern_for(new.series.as_deref()), &new, &[lists])?;
        let item = crate::meeting::cycle::add_agenda_item(
            tx,
            meeting,
            &case.dnr.to_string(),
            None,
            Some(draft),
        )?;
        // The decisions of the period are anmälda at this meeting (KL 6 kap. 40 §).
        tx.report_decisions(r.from, r.to, meeting)?;
        Ok((case, item))
    })
}

/// Typesets the report as PDF.
pub fn pdf(doc: &ReportDoc) -> Result<Vec<u8>> {
    Ok(paragraf_render::report_pdf(doc)?)
}
