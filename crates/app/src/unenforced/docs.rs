//! The papers of the ej-verkställda-beslut register as documents for the typesetter: the
//! *tjänsteskrivelse* with its draft § and the monthly report as *bilaga* (seed 004
//! §§ 14–15), the quarterly report to IVO, and the beslutsförslag that puts the draft on a
//! meeting's agenda.

use anyhow::Result;
use chrono::NaiveDate;
use paragraf_core::ids::MeetingId;
use paragraf_core::ids::{CaseId, Record};
use paragraf_core::meeting::{AgendaItem, ItemDraft};
use paragraf_core::registry::Case;
use paragraf_core::registry::{DocumentType, Secrecy};

use crate::DataDir;
use paragraf_core::minutes::{CellValue, Decision, Table, TableRow};
use paragraf_core::unenforced::ivo::IvoReport;
use paragraf_core::unenforced::public::PublicStatistics;
use paragraf_render::format;
use paragraf_render::report::{ReportDoc, ReportSection, ReportTable};

use crate::unenforced::{PublicReport, ReportDraft};

fn count(n: u64) -> String {
    format::number(n as f64, 0)
}

fn date(d: NaiveDate) -> String {
    format::date_iso(d)
}

/// The reasons, as the seed prints them under the table.
const REASON_NOTE: &str = "Orsak: 1 = tackat nej till erbjuden plats, 2 = resursbrist, 3 = annat.";

/// The report's three tables as the seed prints them: the summary, the count per type and
/// one row per decision (nothing that identifies a person).
pub fn report_tables(r: &PublicReport) -> Vec<ReportTable> {
    vec![
        ReportTable {
            title: format!("Sammanställning per den {}", format::date_text(r.date)),
            header: vec!["".into(), "Antal".into()],
            rows: vec![
                vec!["Antal beslut".into(), count(r.total)],
                vec!["Varav kvinnor".into(), count(r.women)],
                vec!["Varav män".into(), count(r.men)],
                vec![
                    "Antal som tackat nej till erbjudande".into(),
                    count(r.declined),
                ],
            ],
            numeric: vec![false, true],
            ..ReportTable::default()
        },
        ReportTable {
            title: "Beslut per insats".into(),
            header: vec!["Beslut om".into(), "Antal".into()],
            rows: r
                .by_type
                .iter()
                .map(|t| vec![t.service.clone(), count(t.count)])
                .chain(std::iter::once(vec!["Summa".into(), count(r.total)]))
                .collect(),
            numeric: vec![false, true],
            total_row: true,
            ..ReportTable::default()
        },
        ReportTable {
            title: "Beslut som inte verkställts inom tre månader".into(),
            header: vec![
                "Beslut om".into(),
                "Beslutsdatum".into(),
                "Antal dagar".into(),
                "K/M".into(),
                "Orsak".into(),
            ],
            rows: r
                .rows
                .iter()
                .map(|x| {
                    vec![
                        x.service.clone(),
                        date(x.decision_date),
                        count(x.days.max(0) as u64),
                        x.gender.letter().into(),
                        x.reason.map(|c| c.code().to_string()).unwrap_or_default(),
                    ]
                })
                .collect(),
            numeric: vec![false, false, true, false, true],
            note: REASON_NOTE.into(),
            ..ReportTable::default()
        },
    ]
}

/// The tjänsteskrivelse with the draft § and the report (and its chart) as bilaga.
pub fn memo_doc(
    draft: &ReportDraft,
    municipality: &str,
    body: &str,
    memo_date: NaiveDate,
    case_number: Option<&str>,
    chart_svg: Option<String>,
) -> ReportDoc {
    let mut facts = vec![
        ("Datum".to_string(), date(memo_date)),
        ("Till".to_string(), body.to_string()),
    ];
    if let Some(dnr) = case_number {
        facts.insert(0, ("Dnr".into(), dnr.into()));
    }
    let r = &draft.attachment;
    ReportDoc {
        municipality: municipality.into(),
        body: body.into(),
        kind: "Tjänsteskrivelse".into(),
        date: memo_date,
        title: draft.title.clone(),
        subtitle: None,
        facts,
        sections: vec![
            ReportSection {
                heading: "Förslag till beslut".into(),
                text: draft.decision.clone(),
                ..ReportSection::default()
            },
            ReportSection {
                heading: "Beskrivning av ärendet".into(),
                text: draft.description.join("\n\n"),
                ..ReportSection::default()
            },
            ReportSection {
                heading: "Beslutsunderlag".into(),
                text: draft
                    .basis
                    .iter()
                    .map(|b| format!("- {b}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                ..ReportSection::default()
            },
            ReportSection {
                heading: "Beslutet skickas till".into(),
                text: draft.send_to.join("\n"),
                ..ReportSection::default()
            },
            ReportSection {
                heading: format!("Bilaga: Statistikrapport den {}", format::date_text(r.date)),
                text: "Gynnande beslut enligt SoL 4 kap. 1 § och LSS 9 § som inte verkställts inom tre månader från beslutsdagen (SoL 16 kap. 6 h §, LSS 28 h §).".into(),
                tables: report_tables(r),
                charts: chart_svg.into_iter().collect(),
                new_page: true,
            },
        ],
        landscape: false,
    }
}

/// The beslutsförslag for the agenda: the draft § with the report's tables.
pub fn item_draft(draft: &ReportDraft) -> ItemDraft {
    let r = &draft.attachment;
    let row = |label: &str, values: Vec<CellValue>| TableRow {
        label: Some(label.to_string()),
        values,
        children: vec![],
    };
    let n = |x: u64| CellValue::Number(x as f64);
    let tables = vec![
        Table {
            title: Some(format!(
                "Sammanställning per den {}",
                format::date_text(r.date)
            )),
            header: vec!["".into(), "Antal".into()],
            rows: vec![
                row("Antal beslut", vec![n(r.total)]),
                row("Varav kvinnor", vec![n(r.women)]),
                row("Varav män", vec![n(r.men)]),
                row("Antal som tackat nej till erbjudande", vec![n(r.declined)]),
            ],
        },
        Table {
            title: Some("Beslut per insats".into()),
            header: vec!["Beslut om".into(), "Antal".into()],
            rows: r
                .by_type
                .iter()
                .map(|t| row(&t.service, vec![n(t.count)]))
                .collect(),
        },
        Table {
            title: Some("Beslut som inte verkställts inom tre månader".into()),
            header: ["Beslut om", "Beslutsdatum", "Antal dagar", "K/M", "Orsak"]
                .map(String::from)
                .to_vec(),
            rows: r
                .rows
                .iter()
                .map(|x| {
                    row(
                        &x.service,
                        vec![
                            CellValue::Text(date(x.decision_date)),
                            CellValue::Number(x.days as f64),
                            CellValue::Text(x.gender.letter().into()),
                            x.reason.map_or(CellValue::Empty, |c| {
                                CellValue::Number(f64::from(c.code()))
                            }),
                        ],
                    )
                })
                .collect(),
        },
    ];
    ItemDraft {
        text: draft.description.join("\n\n"),
        proposal: Some(Decision::Text {
            text: draft.decision.clone(),
        }),
        documents: draft.basis.clone(),
        dispatch: draft.send_to.clone(),
        tables,
    }
}

/// The quarterly report to IVO (SoL 16 kap. 6 f §, LSS 28 f §). It names decisions by the
/// register's id only and is not public.
pub fn ivo_doc(report: &IvoReport, municipality: &str, body: &str, made: NaiveDate) -> ReportDoc {
    let waiting = report.rows.iter().filter(|r| r.state == "väntar").count() as u64;
    let enforced = report
        .rows
        .iter()
        .filter(|r| r.state == "verkställt")
        .count() as u64;
    let closed = report.rows.iter().filter(|r| r.state == "avslutat").count() as u64;
    let opt = |d: Option<NaiveDate>| d.map(date).unwrap_or_default();
    ReportDoc {
        municipality: municipality.into(),
        body: body.into(),
        kind: "Rapport till IVO".into(),
        date: made,
        title: format!("Ej verkställda gynnande beslut, kvartal {}", report.quarter),
        subtitle: Some(format!(
            "Rapport till Inspektionen för vård och omsorg enligt SoL 16 kap. 6 f § och LSS 28 f §, {} – {}",
            date(report.from),
            date(report.to)
        )),
        facts: vec![
            ("Kommun".into(), municipality.into()),
            ("Nämnd".into(), body.into()),
            ("Antal beslut".into(), count(report.rows.len() as u64)),
            ("Väntar vid kvartalets slut".into(), count(waiting)),
            ("Verkställda under kvartalet".into(), count(enforced)),
            ("Avslutade utan verkställighet".into(), count(closed)),
        ],
        sections: vec![ReportSection {
            heading: "Beslut".into(),
            text: "Uppgifterna omfattas av sekretess enligt OSL 26 kap. 1 §. Besluten anges med registrets id, aldrig med namn eller personnummer.".into(),
            tables: vec![ReportTable {
                title: String::new(),
                header: [
                    "Id", "Insats", "Lagrum", "Beslut", "K/M", "Typ", "Avbrott från", "Verkställt", "Avslutat", "Orsak", "Dagar", "Läge",
                ]
                .map(String::from)
                .to_vec(),
                rows: report
                    .rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.clone(),
                            r.service.clone(),
                            r.provision.clone().unwrap_or_default(),
                            date(r.decision_date),
                            r.gender.letter().into(),
                            r.kind.swedish().into(),
                            opt(r.interrupted_from),
                            opt(r.enforced),
                            opt(r.closed),
                            r.reason.map(|c| c.code().to_string()).unwrap_or_default(),
                            count(r.days.max(0) as u64),
                            r.state.clone(),
                        ]
                    })
                    .collect(),
                numeric: vec![
                    false, false, false, false, false, false, false, false, false, true, true, false,
                ],
                note: REASON_NOTE.into(),
                flex_column: Some(1),
                ..ReportTable::default()
            }],
            ..ReportSection::default()
        }],
        landscape: true,
    }
}

/// Puts the report before the nämnd: registers a case with the tjänsteskrivelse (`memo_pdf`)
/// as its handling, in one transaction, and places it on the agenda of the planned meeting
/// with the draft § as beslutsförslag, so that the § is written when the minutes are
/// drafted.
pub fn place_on_agenda(
    dir: &DataDir,
    meeting: MeetingId,
    draft: &ReportDraft,
    memo_pdf: &[u8],
    memo_date: NaiveDate,
    handler: &str,
) -> Result<(Record<CaseId, Case>, AgendaItem)> {
    let memo = crate::meeting::agenda::Attachment {
        kind: DocumentType::Memo,
        title: format!("Tjänsteskrivelse: {}", draft.title),
        pdf: memo_pdf.to_vec(),
        secrecy: Secrecy::Public,
    };
    let placed = crate::meeting::agenda::place_matter(
        dir,
        meeting,
        &draft.title,
        item_draft(draft),
        vec![memo],
        memo_date,
        handler,
    )?;
    // What the public may later read: the aggregates as the nämnd gets them.
    let r = &draft.attachment;
    let stats =
        PublicStatistics::from_counts(r.date, r.total, r.women, r.men, r.declined, &r.by_type);
    dir.store
        .record_presented(r.date, meeting, &serde_json::to_string(&stats)?)?;
    Ok(placed)
}

/// The tjänsteskrivelse on the register as of `date` for `body`, dated `memo_date`, with its
/// chart: the draft and its PDF. The register is read as `actor`; with `only`, the decisions
/// of that nämnd alone.
pub fn memo(
    dir: &DataDir,
    actor: &str,
    catalogue: &paragraf_core::unenforced::catalogue::Catalogue,
    date: NaiveDate,
    body: &str,
    only: Option<paragraf_core::ids::BodyId>,
    memo_date: NaiveDate,
) -> Result<(ReportDraft, Vec<u8>)> {
    let mut all = super::decisions(dir, actor)?;
    if let Some(b) = only {
        all.retain(|d| d.body == Some(b));
    }
    let r = paragraf_core::unenforced::report::MonthlyReport::compute(&all, catalogue, date);
    let d = super::draft(&r, body, memo_date);
    let chart = super::chart_svg(&all, catalogue, date)?;
    let doc = memo_doc(
        &d,
        &dir.config().municipality.name,
        body,
        memo_date,
        None,
        Some(chart),
    );
    let bytes = pdf(&doc)?;
    Ok((d, bytes))
}

/// Typesets a report document as PDF.
pub fn pdf(doc: &ReportDoc) -> Result<Vec<u8>> {
    Ok(paragraf_render::report_pdf(doc)?)
}
