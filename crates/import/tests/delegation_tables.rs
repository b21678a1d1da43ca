//! The delegation order's table readers on their own: columns recognised by meaning or named
//! with `--columns`, and bad files refused with the file and what was looked for — never a
//! panic, whatever the bytes (property tests here, `fuzz/fuzz_targets/delegation_tables.rs`
//! for longer runs).

use paragraf_import::delegation_grid::{
    order_from_rows, parse_columns, read_order_table, role_of, Format, Role,
};
use paragraf_import::ImportError;
use proptest::prelude::*;

/// Rows of `|`-separated cells, one per line; `¶` is a line break inside a cell.
fn rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|l| l.split('|').map(|c| c.replace('¶', "\n")).collect())
        .collect()
}

#[test]
fn columns_are_recognised_by_meaning() {
    let r = |h: &str| role_of(h).expect("a role");
    for h in ["Nr", "Punkt", "Avsnitt", "Ref", "Nr."] {
        assert_eq!(r(h), Role::Number, "{h}");
    }
    for h in [
        "Ärende",
        "Ärendetyp",
        "Beslut",
        "Delegationens art",
        "Ärendegrupp",
    ] {
        assert_eq!(r(h), Role::Matter, "{h}");
    }
    for h in ["Lagrum", "Författning", "Lag", "Lagrum/författning"] {
        assert_eq!(r(h), Role::Law, "{h}");
    }
    for h in [
        "Delegat",
        "Beslutsfattare",
        "Lägsta beslutsnivå",
        "Delegat:",
    ] {
        assert_eq!(r(h), Role::Delegate, "{h}");
    }
    assert_eq!(r("Delegat (ersättare)"), Role::DelegateWithSubstitutes);
    assert_eq!(r("Ersättare"), Role::Substitute);
    for h in [
        "Anmärkning",
        "Kommentar",
        "Villkor",
        "Anmäls till/anmärkning",
    ] {
        assert_eq!(r(h), Role::Remark, "{h}");
    }
    assert_eq!(r("Anmäls"), Role::Extra("Anmäls".into()));
    assert_eq!(role_of("  "), None);
}

#[test]
fn a_layout_that_cannot_be_recognised_is_refused_with_its_first_row_and_the_way_out() {
    let table = rows("Kol A|Kol B|Kol C\n1.1|Beslut om bistånd|Socialsekreterare");
    let e = order_from_rows("ordning.csv", &table, None, None).unwrap_err();
    let message = e.to_string();
    assert!(message.starts_with("ordning.csv: "), "{message}");
    assert!(message.contains("Kol A | Kol B | Kol C"), "{message}");
    assert!(message.contains("--columns"), "{message}");
    // Named by the user, the same rows are read; the header row is kept out of the items.
    let columns = parse_columns("nr,ärende,delegat").expect("columns");
    let doc = order_from_rows("ordning.csv", &table, None, Some(&columns)).expect("order");
    assert_eq!(doc.items.len(), 1);
    assert_eq!(doc.items[0].number, "1.1");
    assert_eq!(
        doc.items[0].delegates,
        vec![vec!["Socialsekreterare".to_string()]]
    );
    // Without a header row, the first row is an item.
    let doc = order_from_rows("o.csv", &table[1..], None, Some(&columns)).expect("order");
    assert_eq!(doc.items.len(), 1);
    // Columns that name no matter and no delegate are refused before anything is read.
    let e = parse_columns("nr,lagrum").unwrap_err();
    assert!(e.to_string().contains("ärende och delegat"), "{e}");
}

#[test]
fn ranks_alternatives_sections_and_extra_columns_in_a_table() {
    let table = rows(
        "Punkt|Ärendetyp|Lag|Beslutsfattare|Ersättare|Anmäls\n\
         3 Bistånd||||\n\
         3.1|Beslut om försörjningsstöd|4 kap. 1 § SoL|Socialsekreterare / Biståndshandläggare|Enhetschef|Ja\n\
         Punkt|Ärendetyp|Lag|Beslutsfattare|Ersättare|Anmäls\n\
         3.2|Beslut om kontaktperson|4 kap. 1 § SoL¶7 kap. 1 § SoL|Enhetschef||Nej",
    );
    let doc = order_from_rows(
        "t.csv",
        &table,
        Some("Delegationsordning för Socialnämnden".into()),
        None,
    )
    .expect("order");
    assert_eq!(doc.body.as_deref(), Some("Socialnämnden"));
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(doc.sections[0].number, "3");
    assert_eq!(doc.items.len(), 2, "the repeated header is not an item");
    let i = &doc.items[0];
    assert_eq!(i.section.as_deref(), Some("3"));
    assert_eq!(
        i.delegates,
        vec![
            vec![
                "Socialsekreterare".to_string(),
                "Biståndshandläggare".to_string()
            ],
            vec!["Enhetschef".to_string()]
        ]
    );
    assert_eq!(i.extra.get("Anmäls").map(String::as_str), Some("Ja"));
    assert!(
        doc.warnings[0].contains("Beslutsfattare → delegat"),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn broken_office_files_are_refused_naming_the_file() {
    for format in [Format::Docx, Format::Odt, Format::Xlsx] {
        let e =
            read_order_table("ordning.docx", format, b"PK\x03\x04 not really", None).unwrap_err();
        assert!(matches!(e, ImportError::Table { .. }), "{e:?}");
        assert!(e.to_string().starts_with("ordning.docx: "), "{e}");
    }
    let e = read_order_table(
        "sida.html",
        Format::Html,
        b"<html><p>Ingen tabell</p></html>",
        None,
    )
    .unwrap_err();
    assert!(e.to_string().contains("ingen tabell"), "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn no_bytes_make_a_table_reader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        for format in [Format::Csv, Format::Xlsx, Format::Docx, Format::Odt, Format::Html, Format::Markdown] {
            let _ = read_order_table("x", format, &bytes, None);
        }
    }

    #[test]
    fn no_markup_makes_the_html_reader_panic(text in "(<(/?)(table|tr|td|th|br|p|h1|script)( colspan=\"[0-9]\")?>|[A-Za-zåäö0-9 .|&;#-]{0,8}){0,40}") {
        let _ = read_order_table("x.html", Format::Html, text.as_bytes(), None);
        let _ = read_order_table("x.md", Format::Markdown, text.as_bytes(), None);
    }

    #[test]
    fn no_rows_make_the_order_reader_panic(cells in proptest::collection::vec(proptest::collection::vec("[A-Za-zåäö0-9 .()/,\\n-]{0,12}", 0..6), 0..12)) {
        let _ = order_from_rows("x", &cells, None, None);
        if let Ok(c) = parse_columns("nr,ärende,lagrum,delegat,anmärkning") {
            let _ = order_from_rows("x", &cells, None, Some(&c));
        }
    }
}
