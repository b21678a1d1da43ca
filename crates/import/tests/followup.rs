//! Follow-up reports: the budget tables of seeds 000 and 002 with their row hierarchy, and
//! robustness — any input gives an error or a report with warnings, never a panic.

use paragraf_import::{parse_followup, ImportError};
use proptest::prelude::*;

fn fixture(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let path = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .expect("seed");
    std::fs::read_to_string(path).expect("read seed")
}

#[test]
fn seed_000_budget_table_with_varav_rows() {
    let r = parse_followup(&fixture("000_")).unwrap();
    assert_eq!(r.document_type, "budgetuppföljning");
    assert_eq!(r.body, "Individ- och omsorgsutskottet");
    assert_eq!(r.period.as_deref(), Some("2025-01-01/2025-07-31"));
    assert_eq!(r.tables.len(), 1, "{:?}", r.warnings);
    let t = &r.tables[0];
    assert_eq!(t.title.as_deref(), Some("Ekonomiskt resultat"));
    assert_eq!(t.unit.as_deref(), Some("tkr"));
    assert_eq!(
        t.header,
        [
            "Verksamheter, tusental kronor",
            "Budget jan- juli",
            "Redovisn jan- juli",
            "Årsbudget",
            "Prognos helår"
        ]
    );
    assert_eq!(t.rows.len(), 13);
    let lss = &t.rows[8];
    assert_eq!(lss.label, "LSS och socialpsykiatri");
    assert_eq!(lss.children.len(), 2);
    assert_eq!(lss.children[0].label, "personlig assistans");
    assert_eq!(lss.children[0].kind, "varav");
    assert_eq!(
        lss.children[0].values,
        vec![Some(17500.0), Some(22111.0), Some(29237.0), Some(28272.0)]
    );
    let integration = &t.rows[11];
    assert_eq!(integration.children[0].values[1], Some(-206.0));
    let total = t.total.as_ref().unwrap();
    assert_eq!(total.label, "Totalt individ och omsorgsutskott");
    assert_eq!(
        total.values,
        vec![
            Some(251726.0),
            Some(256127.0),
            Some(437569.0),
            Some(444659.0)
        ]
    );
}

#[test]
fn seed_002_parts_and_a_varav_under_a_part() {
    let r = parse_followup(&fixture("002_")).unwrap();
    assert_eq!(r.body, "Socialnämnden");
    assert_eq!(r.period.as_deref(), Some("2024-01-01/2024-03-31"));
    assert_eq!(
        r.tables.len(),
        1,
        "{:?}",
        r.tables.iter().map(|t| &t.title).collect::<Vec<_>>()
    );
    let t = &r.tables[0];
    assert_eq!(t.unit.as_deref(), Some("tkr"));
    assert_eq!(t.rows.len(), 11);
    let hemtjanst = t.rows.iter().find(|r| r.label == "Hemtjänst").unwrap();
    assert_eq!(hemtjanst.children.len(), 3);
    assert!(hemtjanst.children.iter().all(|c| c.kind == "part"));
    let extern_ = &hemtjanst.children[2].children[0];
    assert_eq!(
        (extern_.kind.as_str(), extern_.label.as_str()),
        ("varav", "Extern hemtjänst")
    );
    assert_eq!(
        extern_.values,
        vec![Some(-56.0), Some(10.0), Some(90.0), Some(81.0)]
    );
    assert_eq!(t.total.as_ref().unwrap().values[3], Some(-468.0));
}

#[test]
fn protocols_without_budget_tables_give_none() {
    // Seed 004's ärendelista mentions "Budgetuppföljning" but is no budget table.
    let r = parse_followup(&fixture("004_")).unwrap();
    assert!(r.tables.is_empty(), "{:?}", r.tables);
    assert!(r.warnings.iter().any(|w| w.contains("inga tabeller")));
}

#[test]
fn empty_and_binary() {
    assert!(matches!(parse_followup(" \n\t\n"), Err(ImportError::Empty)));
    let bytes: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 256) as u8).collect();
    assert!(matches!(
        parse_followup(&String::from_utf8_lossy(&bytes)),
        Err(ImportError::Binary { .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Arbitrary text never panics.
    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        let _ = parse_followup(&s);
    }

    /// Table-like lines of tabs, numbers, markup and headings never panic.
    #[test]
    fn table_like_text_never_panics(lines in prop::collection::vec(
        prop::collection::vec(prop_oneof![
            Just(String::new()), Just("-".to_string()), Just("<b>Summa</b>".to_string()),
            Just("-varav x".to_string()), Just("- del".to_string()), Just("Utfall".to_string()),
            Just("Budget 2023".to_string()), Just("Avvikelse".to_string()), Just("Indikator".to_string()),
            Just("Startdatum".to_string()), Just("2020-02-17".to_string()), Just("Delvis uppfyllt".to_string()),
            Just("## Måluppfyllelse".to_string()), Just("## Uppdrag".to_string()), Just("## Indikatorer".to_string()),
            Just("# Verksamhetsrapport".to_string()), Just("**Kommentar:**".to_string()), Just("---".to_string()),
            "-?[0-9 ]{1,9}([.,][0-9]{1,3})? ?%?", "\\PC{0,12}",
        ], 1..9),
        0..40,
    )) {
        let text = lines.iter().map(|cells| cells.join("\t")).collect::<Vec<_>>().join("\n");
        let _ = parse_followup(&text);
    }

    /// Any slice of seed 003 parses without a panic.
    #[test]
    fn slices_of_seed_003_never_panic(a in 0usize..60_000, len in 0usize..20_000) {
        let text = fixture("003_");
        let start = text.char_indices().map(|(i, _)| i).find(|&i| i >= a.min(text.len())).unwrap_or(0);
        let end = text.char_indices().map(|(i, _)| i).find(|&i| i >= (start + len).min(text.len())).unwrap_or(text.len());
        let _ = parse_followup(&text[start..end]);
    }
}

/// Seed 003 as `pdftotext` would give it: no `#` headings, no `**`, no tags, no rules.
fn without_markup(text: &str) -> String {
    let tag = regex::Regex::new(r"</?(b|p|i)>").unwrap();
    text.lines()
        .map(|l| {
            let l = l
                .trim_start_matches('#')
                .trim_start_matches(' ')
                .replace("**", "");
            let l = tag.replace_all(&l, "").into_owned();
            if !l.is_empty() && l.chars().all(|c| c == '-' || c == '\t' || c == ' ') {
                String::new()
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn seed_003_without_markup_reads_the_same() {
    let text = fixture("003_");
    let md = parse_followup(&text).unwrap();
    let plain = parse_followup(&without_markup(&text)).unwrap();
    assert_eq!(plain.document_type, "verksamhetsrapport");
    assert_eq!(plain.period, md.period);
    let titles = |r: &paragraf_import::FollowUpReport| {
        r.tables.iter().map(|t| t.title.clone()).collect::<Vec<_>>()
    };
    assert_eq!(titles(&plain), titles(&md));
    let rows = |r: &paragraf_import::FollowUpReport| {
        r.tables.iter().map(|t| t.rows.clone()).collect::<Vec<_>>()
    };
    assert_eq!(rows(&plain), rows(&md));
    fn flat(
        g: &[paragraf_import::followup::FollowUpGoal],
        out: &mut Vec<(String, String, Option<String>, usize)>,
    ) {
        for x in g {
            out.push((
                x.level.clone(),
                x.title.clone(),
                x.assessment.clone(),
                x.indicators.len(),
            ));
            flat(&x.children, out);
        }
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    flat(&plain.goals, &mut a);
    flat(&md.goals, &mut b);
    assert_eq!(a, b);
    assert_eq!(a.len(), 16);
    assert_eq!(plain.assignments.len(), 18);
    assert_eq!(plain.assignments[11], md.assignments[11]);
}

#[test]
fn seed_001_goal_follow_up() {
    // § 17: "Sammantaget har åtta mål uppnåtts, två delvis uppnåtts, tre ej uppnåtts och ett
    // mål kan redovisas i mars."
    let r = parse_followup(&fixture("001_")).unwrap();
    assert_eq!(r.document_type, "måluppföljning");
    assert_eq!(r.body, "Socialnämnden");
    assert_eq!(r.period.as_deref(), Some("2023-01-01/2023-12-31"));
    assert_eq!(r.goals.len(), 14, "{:?}", r.warnings);
    let count = |a: &str| {
        r.goals
            .iter()
            .filter(|g| g.assessment.as_deref() == Some(a))
            .count()
    };
    assert_eq!(
        (
            count("Uppnått"),
            count("Delvis uppnått"),
            count("Ej uppnått"),
            count("Ej sammanställt")
        ),
        (8, 2, 3, 1)
    );
    assert_eq!(
        r.goals[0].title,
        "Mål 1, 75 % av kvinnor och män (med socialtjänst- och hemsjukvårdsinsatser samt deras anhöriga) som får stöd genom digital teknik upplever att det skapar nytta och värde."
    );
    assert_eq!(r.goals[2].assessment.as_deref(), Some("Ej sammanställt"));
    assert!(r.goals[13]
        .analysis
        .as_deref()
        .unwrap()
        .ends_with("Testning av nattillsyn via kamera pågår hos ett antal vårdtagare."));
    assert!(r.goals.iter().all(|g| g.level == "nämndmål"));
}

#[test]
fn large_and_pathological_inputs_stay_linear() {
    use std::time::{Duration, Instant};
    let limit = if cfg!(debug_assertions) {
        Duration::from_secs(60)
    } else {
        Duration::from_secs(6)
    };
    // Seed 003 forty times (3 MB), and an indicator section of 100 000 distinct goal names
    // each followed by a row.
    let seed = fixture("003_");
    let big = format!("{seed}\n").repeat(40);
    let mut groups = String::from(
        "# Verksamhetsrapport\n## Måluppfyllelse\n## Indikatorer\nIndikator\tKön\t2022\t2023\n",
    );
    for i in 0..100_000 {
        groups.push_str(&format!(
            "Målgrupp nummer {i}\nIndikator {i}\tAlla\t{i}\t1\n"
        ));
    }
    for text in [big, groups] {
        let t = Instant::now();
        let r = parse_followup(&text).expect("parses");
        assert!(
            t.elapsed() < limit,
            "{} bytes took {:?}",
            text.len(),
            t.elapsed()
        );
        assert!(!r.goals.is_empty());
    }
}
