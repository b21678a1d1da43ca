//! Verksamhetsuppföljning through the application: the finance export (CSV and XLSX) and
//! Kolada read and stored in one transaction each, bad files refused whole, the checks on
//! seed 000's budget table, and the Verksamhetsrapport written from seed 003, the export and
//! Kolada — its text read back with pdftotext (poppler-utils), its figures as CSV and JSON,
//! the charts as SVG and the draft § with its att-clause.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use paragraf_app::followup::docs;
use paragraf_app::followup::{self as ops, IndicatorChange};
use paragraf_core::followup::{Direction, Gender, Period, RowKind, Status, Unit};

const BODY: &str = "Social- och omsorgsnämnden";
const HUSHALL: &str =
    "Hushåll med ekonomiskt bistånd som erhållit bistånd i 10-12 månader under året, andel (%)";

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(rel)
}

fn seed(prefix: &str) -> PathBuf {
    std::fs::read_dir(fixture(""))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .unwrap()
}

fn period() -> Period {
    "2023-08".parse().unwrap()
}

fn pdf_text(path: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn finance_export_csv_and_xlsx_give_the_same_lines() {
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    let csv = ops::import_file(
        Some(&store),
        &fixture("followup/ekonomi-2023-08.csv"),
        None,
        None,
    )
    .unwrap();
    assert!(csv.stored);
    assert!(csv.checks.is_empty(), "{:?}", csv.checks);
    let (unit, lines) = store
        .storage_for_tests()
        .budget_lines(BODY, &period())
        .unwrap()
        .unwrap();
    assert_eq!(unit, Unit::Tkr);
    assert_eq!(lines.len(), 10);
    assert_eq!(lines[0].label, "Förvaltningsövergripande");
    assert_eq!(lines[0].outcome, Some(-34879.0));
    assert_eq!(
        lines[0].deviation(paragraf_core::followup::SignConvention::CostsNegative),
        Some(24650.0)
    );
    let familjehem = lines.iter().find(|l| l.label == "Familjehem").unwrap();
    assert_eq!(
        (familjehem.kind, familjehem.parent.as_deref()),
        (RowKind::Varav, Some("Barn och unga"))
    );
    let xlsx_bytes = std::fs::read(fixture("followup/ekonomi-2023-08.xlsx")).unwrap();
    let from_xlsx =
        ops::read_finance_records(&ops::xlsx_records(&xlsx_bytes).unwrap(), None).unwrap();
    assert_eq!(from_xlsx.batches.len(), 1);
    assert_eq!(from_xlsx.batches[0].lines, lines);
}

#[test]
fn a_bad_finance_file_is_refused_whole() {
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fel.csv");
    std::fs::write(
        &path,
        "nämnd;period;kostnadsställe;ingår_i;radtyp;budget;utfall\n\
         Socialnämnden;2024-03;Hemtjänst;;;-100;-120\n\
         Socialnämnden;2024-13;Ledning;;;-5;-6\n\
         Socialnämnden;2024-03;Natt;Saknas;del;-1;x1\n",
    )
    .unwrap();
    let e = ops::import_file(Some(&store), &path, None, None).unwrap_err();
    let fe = e
        .downcast_ref::<paragraf_app::BadRows>()
        .expect("a file error");
    let fields: Vec<&str> = fe.problems.iter().map(|p| p.field.as_str()).collect();
    assert!(fields.contains(&"period"), "{fe}");
    assert!(fields.contains(&"utfall"), "{fe}");
    assert!(fields.contains(&"ingår_i"), "{fe}");
    assert!(store
        .storage_for_tests()
        .budget_lines("Socialnämnden", &"2024-03".parse().unwrap())
        .unwrap()
        .is_none());
    // A missing column is named.
    std::fs::write(&path, "period;kostnadsställe\n2024-03;Hemtjänst\n").unwrap();
    let e = ops::import_file(Some(&store), &path, Some("Socialnämnden"), None).unwrap_err();
    assert!(e.to_string().contains("utfall"), "{e}");
}

#[test]
fn a_parent_that_is_not_the_sum_of_its_parts_is_a_warning() {
    let records: Vec<Vec<String>> = [
        "nämnd;period;kostnadsställe;ingår_i;radtyp;budget;utfall;årsbudget;prognos",
        "Socialnämnden;2024-03;Hemtjänst;;;-100;-130;-400;-500",
        "Socialnämnden;2024-03;Kommunal;Hemtjänst;del;-60;-80;-240;-300",
        "Socialnämnden;2024-03;Natt;Hemtjänst;del;-40;-45;-160;-200",
    ]
    .iter()
    .map(|l| l.split(';').map(str::to_string).collect())
    .collect();
    let f = ops::read_finance_records(&records, None).unwrap();
    assert!(
        f.checks.iter().any(|c| c.starts_with("Varning")
            && c.contains("Hemtjänst, Utfall: summan av delraderna är −125, angivet −130")),
        "{:#?}",
        f.checks
    );
}

#[test]
fn kolada_values_are_read_and_stored() {
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    let o = ops::import_file(
        Some(&store),
        &fixture("followup/kolada-2184.json"),
        None,
        None,
    )
    .unwrap();
    assert_eq!(o.kpi_values, 22);
    let v = store.storage_for_tests().kpi_values(Some("2184")).unwrap();
    let t2022 = v
        .iter()
        .find(|x| x.kpi == "N31816" && x.period == "2022" && x.gender == Gender::Alla)
        .unwrap();
    assert_eq!(t2022.value, Some(40.5));
    assert!(v
        .iter()
        .any(|x| x.kpi == "U33400" && x.period == "2023" && x.value.is_none()));
    assert!(ops::read_kolada(br#"{"values": [{"kpi": "N1", "municipality": "1", "period": 2020, "values": [{"gender": "X", "value": 1}]}]}"#).is_err());
    assert!(ops::read_kolada(b"[1, 2]").is_err());
}

#[test]
fn dry_run_stores_nothing_and_seed_000s_varav_is_checked() {
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    let o = ops::import_file(None, &seed("000_"), None, None).unwrap();
    assert!(!o.stored);
    assert!(store
        .storage_for_tests()
        .followup_periods()
        .unwrap()
        .is_empty());
    let r = o.report.unwrap();
    assert_eq!(r.tables.len(), 1);
    // Integration's outcome is 396 tkr but its varav flyktingmottagande 602 tkr.
    assert!(
        r.checks.iter().any(|c| c
            == "Varning: Ekonomiskt resultat: varav flyktingmottagande, Redovisn jan- juli: 602 är större än Integration (396) som raden ingår i"),
        "{:#?}",
        r.checks
    );
}

fn load_all(store: &paragraf_app::DataDir) {
    ops::import_file(Some(store), &seed("003_"), None, None).unwrap();
    ops::import_file(
        Some(store),
        &fixture("followup/ekonomi-2023-08.csv"),
        None,
        None,
    )
    .unwrap();
    ops::import_file(
        Some(store),
        &fixture("followup/kolada-2184.json"),
        None,
        None,
    )
    .unwrap();
}

#[test]
fn indicators_link_to_kolada_and_overrides_need_a_reason() {
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    load_all(&store);
    let change = IndicatorChange {
        kpi: Some("N31816".into()),
        direction: Some(Direction::LowerIsBetter),
        tolerance: Some(2.0),
        ..IndicatorChange::default()
    };
    let i = ops::update_indicator(&store, BODY, &period(), HUSHALL, &change).unwrap();
    assert_eq!(i.direction, Some(Direction::LowerIsBetter));
    let d = docs::gather(&store, BODY, &period()).unwrap();
    let merged = d
        .followup
        .as_ref()
        .unwrap()
        .indicators()
        .into_iter()
        .find(|(_, i)| i.name == HUSHALL)
        .unwrap()
        .1
        .clone();
    assert_eq!(
        merged.values.get("2023"),
        Some(&38.2),
        "Kolada's 2023 value"
    );
    assert_eq!(merged.effective_status(), Status::NotAccepted);
    let bad = IndicatorChange {
        status: Some(Status::Accepted),
        ..IndicatorChange::default()
    };
    let e = ops::update_indicator(&store, BODY, &period(), HUSHALL, &bad).unwrap_err();
    assert!(e.to_string().contains("motivering"), "{e}");
    assert!(ops::update_indicator(&store, BODY, &period(), "Finns inte", &change).is_err());
}

#[test]
fn the_verksamhetsrapport_from_seed_003_the_export_and_kolada() {
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    load_all(&store);
    let link = IndicatorChange {
        kpi: Some("N31816".into()),
        direction: Some(Direction::LowerIsBetter),
        tolerance: Some(2.0),
        ..IndicatorChange::default()
    };
    ops::update_indicator(&store, BODY, &period(), HUSHALL, &link).unwrap();
    let out = tempfile::tempdir().unwrap();
    let made = NaiveDate::from_ymd_opt(2023, 9, 15).unwrap();
    let w = docs::write_report(
        &store,
        BODY,
        &period(),
        "Hudiksvalls kommun",
        made,
        out.path(),
    )
    .unwrap();
    let pdf = std::fs::read(&w.pdf).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(w.charts.len(), 3);
    for c in &w.charts {
        let svg = std::fs::read_to_string(c).unwrap();
        assert!(
            svg.contains("<svg") && svg.contains("</svg>"),
            "{}",
            c.display()
        );
    }
    let budget_svg = std::fs::read_to_string(&w.charts[0]).unwrap();
    assert!(
        budget_svg.contains("Förvaltningsövergripande") && budget_svg.contains("Budget och utfall")
    );
    // Figures as CSV and JSON.
    let csv = std::fs::read_to_string(&w.csv).unwrap();
    assert!(csv.starts_with("avsnitt;tabell;rad;kolumn;värde;enhet"));
    assert!(csv.contains("ekonomi;Budgetuppföljning per kostnadsställe januari–augusti 2023;Förvaltningsövergripande;Utfall;-34879;tkr"), "{}", &csv[..600]);
    assert!(csv.contains("kolada;N31816 2184;Alla;2022;40,5;"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&w.json).unwrap()).unwrap();
    assert_eq!(json["period"], "2023-01-01/2023-08-31");
    assert!(json["indicators"].as_array().unwrap().len() > 50);
    assert!(json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c.as_str().unwrap().contains("24 651")));
    // The draft §.
    let (draft_json, draft_pdf) = w.draft.clone().unwrap();
    let item: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(draft_json).unwrap()).unwrap();
    assert_eq!(item["proposal"]["form"], "clauses");
    assert_eq!(
        item["proposal"]["intro"],
        "Social- och omsorgsnämnden beslutar"
    );
    assert_eq!(
        item["proposal"]["clauses"][0],
        "godkänna budgetuppföljningen för januari–augusti 2023 och överlämna den till kommunstyrelsen"
    );
    assert_eq!(item["dispatch"][0], "Kommunstyrelsen");
    // The text of the PDFs, where pdftotext is installed.
    let Some(text) = pdf_text(&w.pdf) else {
        eprintln!("pdftotext saknas; PDF-texten kontrolleras inte");
        return;
    };
    let order = [
        "Sammanfattning",
        "Ekonomi",
        "Kvantiteter",
        "Medarbetare",
        "Måluppfyllelse",
        "Uppdrag",
        "Indikatorer",
    ];
    let mut at = 0;
    for h in order {
        let pos = text[at..]
            .lines()
            .scan(at, |p, l| {
                let here = *p;
                *p += l.len() + 1;
                Some((here, l))
            })
            .find(|(_, l)| l.trim() == h)
            .map(|(p, _)| p)
            .unwrap_or_else(|| panic!("the heading {h} is missing or out of order"));
        at = pos + h.len();
    }
    for s in [
        "−34 879",
        "−1 178 264",
        "Budgetuppföljning per kostnadsställe januari–augusti 2023",
        "varav Familjehem",
        "Minska sjukskrivningarna",
        "Revidering av värdighetsgarantierna",
        "Nyckeltal från Kolada",
        "Kontroll av tabellerna",
        "(Kolada N31816)",
    ] {
        assert!(text.contains(s), "the report lacks {s:?}");
    }
    let draft_text = pdf_text(&draft_pdf).unwrap();
    let flat = draft_text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(
        "att godkänna budgetuppföljningen för januari–augusti 2023 och överlämna den till kommunstyrelsen"
    ), "{flat}");
}

#[test]
fn a_report_from_the_export_and_kolada_alone() {
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    ops::import_file(
        Some(&store),
        &fixture("followup/ekonomi-2023-08.csv"),
        None,
        None,
    )
    .unwrap();
    ops::import_file(
        Some(&store),
        &fixture("followup/kolada-2184.json"),
        None,
        None,
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let made = NaiveDate::from_ymd_opt(2023, 9, 15).unwrap();
    let w = docs::write_report(
        &store,
        BODY,
        &period(),
        "Hudiksvalls kommun",
        made,
        out.path(),
    )
    .unwrap();
    assert_eq!(
        w.charts.len(),
        2,
        "budget and forecast; no indicators with targets"
    );
    if let Some(text) = pdf_text(&w.pdf) {
        assert!(text.contains("Inga mål har lämnats för perioden."));
        assert!(
            text.contains("Utfallet för januari–augusti 2023 är −780 514 tkr"),
            "{}",
            &text[..800]
        );
        assert!(text.contains("N31816"));
    }
    // Nothing for another nämnd.
    let e = docs::write_report(
        &store,
        "Kultur- och fritidsnämnden",
        &period(),
        "K",
        made,
        out.path(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("ingen uppföljning"), "{e}");
}

#[test]
fn the_budget_paragraph_of_seed_000() {
    // Seed 000 § 115: "ett resultat om - 4,4 mkr" for January–July, forecast "- 7,1 mkr";
    // the table signs costs positive, so a deviation is budget − outcome.
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    ops::import_file(Some(&store), &seed("000_"), None, None).unwrap();
    let body = "Individ- och omsorgsutskottet";
    let p: Period = "2025-07".parse().unwrap();
    let d = docs::gather(&store, body, &p).unwrap();
    let draft = docs::budget_draft(&d).unwrap();
    // Thousands are separated by a no-break space.
    let text = draft.text.join("\n").replace('\u{a0}', " ");
    assert!(text.contains("Utfallet för januari–juli 2025 är 256 127 tkr mot en budget om 251 726 tkr, en avvikelse om −4 401 tkr."), "{text}");
    assert!(text.contains("Prognosen för helåret är 444 659 tkr mot årsbudgeten 437 569 tkr, en avvikelse om −7 090 tkr."), "{text}");
    assert_eq!(draft.table.rows.len(), 14, "13 rows and the total");
    assert_eq!(
        draft.table.rows[8].children[0].label.as_deref(),
        Some("-varav personlig assistans")
    );
    let item = docs::item_draft(&draft);
    assert_eq!(item.dispatch, vec!["Kommunstyrelsen".to_string()]);
    assert!(matches!(
        item.proposal,
        Some(paragraf_core::minutes::Decision::Clauses { .. })
    ));
}

#[test]
fn seed_001_is_assessed_on_its_own_scale() {
    let r = ops::read_report(&seed("001_")).unwrap();
    assert_eq!(
        ops::scale_for(&r),
        paragraf_core::followup::AssessmentScale::achievement()
    );
    let (f, _) = ops::to_followup(&r, None, None).unwrap();
    assert!(f.validate().is_empty(), "{:?}", f.validate());
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    store.storage_for_tests().save_followup(&f, "001").unwrap();
    // A scale of the report's own words when it matches no known one.
    let mut odd = r.clone();
    odd.goals[0].assessment = Some("Nästan".into());
    let s = ops::scale_for(&odd);
    assert_eq!(s.levels.first().map(String::as_str), Some("Nästan"));
}
