//! The delegation corpus (`tests/corpus/delegation`: ten real delegationsordningar with gold
//! labels made by hand, and their items re-laid out as Word, OpenDocument, XLSX, CSV, TSV,
//! HTML and markdown tables and lists, each with its own header words, and as PDFs that
//! LibreOffice made of the Word and OpenDocument ones) read by the importer. Printed
//! per file (`cargo test -p paragraf-import --test delegation_corpus -- --nocapture`): the
//! items found (by number, or by matter for an unnumbered row), the items whose delegates are
//! the gold's (every role of the item and its levels, as a set), and those whose ranks are
//! the gold's exactly.
//!
//! Every table layout must give every item with its delegates; among them are two source
//! texts extracted cell by cell and then flattened onto one line (`02.flat.txt`,
//! `05.flat.txt`). The source texts as they were extracted from the web (`NN.txt`) are
//! printed beside them: those whose table came out cell by cell (a blank line between the
//! cells; gold layout "PDF-tabell utdragen cell för cell") must give every item with its
//! delegates too, and so must the flattened table with item numbers (01). The others
//! (flattened without item numbers or with numbers that begin again in each section,
//! column by column, prose) are refused today, and the test says so rather than hiding
//! it.

use std::collections::BTreeSet;
use std::path::Path;

use paragraf_import::delegation::DelegationItem;
use serde_json::Value;

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', ':'])
        .to_lowercase()
}

fn gold_roles(ranks: &Value) -> Vec<Vec<String>> {
    ranks
        .as_array()
        .map(|rs| {
            rs.iter()
                .map(|r| {
                    r.as_array()
                        .map(|xs| xs.iter().filter_map(|x| x.as_str()).map(fold).collect())
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default()
}

fn found_roles(ranks: &[Vec<String>]) -> Vec<Vec<String>> {
    ranks
        .iter()
        .map(|r| r.iter().map(|x| fold(x)).collect())
        .collect()
}

/// Every role of an item and its levels, gold and found, and whether the ranks are equal.
fn compare(gold: &Value, item: &DelegationItem) -> (bool, bool) {
    let mut g_ranks = vec![gold_roles(&gold["delegates"])];
    let empty = Vec::new();
    for l in gold["levels"].as_array().unwrap_or(&empty) {
        g_ranks.push(gold_roles(&l["delegates"]));
    }
    let mut f_ranks = vec![found_roles(&item.delegates)];
    for l in &item.levels {
        f_ranks.push(found_roles(&l.delegates));
    }
    let set = |rs: &[Vec<Vec<String>>]| -> BTreeSet<String> {
        rs.iter().flatten().flatten().cloned().collect()
    };
    let strip = |rs: Vec<Vec<Vec<String>>>| -> Vec<Vec<Vec<String>>> {
        rs.into_iter().filter(|r| !r.is_empty()).collect()
    };
    (
        set(&g_ranks) == set(&f_ranks),
        strip(g_ranks) == strip(f_ranks),
    )
}

#[test]
fn every_table_layout_gives_every_item_with_its_delegates() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/delegation");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus/delegation")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            n.chars().next().is_some_and(|c| c.is_ascii_digit()) && !n.ends_with(".gold.json")
        })
        .collect();
    files.sort();
    assert!(files.len() >= 19, "{} files", files.len());
    println!(
        "\n{:<20} {:>5} {:>7} {:>9} {:>6}  anm.",
        "fil", "guld", "funna", "delegater", "ranger"
    );
    let mut short = Vec::new();
    let (mut total, mut total_found, mut total_delegates) = (0, 0, 0);
    let (mut sources, mut sources_found, mut sources_delegates) = (0, 0, 0);
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let number = name.split('.').next().unwrap();
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{number}.gold.json"))).expect("gold"),
        )
        .expect("gold JSON");
        let items = gold["items"].as_array().expect("items");
        let source_text = name == format!("{number}.txt");
        let cell_by_cell = source_text
            && gold["layout"]
                .as_str()
                .is_some_and(|l| l.starts_with("PDF-tabell utdragen cell för cell"));
        let read = paragraf_import::read_delegation_file(path);
        // (The PDFs are read through poppler's pdftotext, which the test command installs.)
        if matches!(read, Err(paragraf_import::ImportError::PdftotextMissing)) {
            println!("{name:<20} pdftotext saknas (poppler-utils): hoppas över");
            continue;
        }
        let (mut found, mut delegates, mut ranks) = (0, 0, 0);
        let note = match &read {
            Ok(doc) => {
                for g in items {
                    let hit = match g["number"].as_str() {
                        // (06's "l." is OCR for "1."; a document that numbers its list
                        // itself shows "1.".)
                        Some(n) => doc
                            .items
                            .iter()
                            .find(|i| i.number == n || n == "l" && !source_text && i.number == "1"),
                        None => {
                            let m = fold(g["matter"].as_str().unwrap_or(""));
                            doc.items
                                .iter()
                                .find(|i| i.number.is_empty() && fold(&i.matter).starts_with(&m))
                        }
                    };
                    if let Some(item) = hit {
                        found += 1;
                        let (d, r) = compare(g, item);
                        if !d && (!source_text || cell_by_cell) {
                            println!(
                                "  {name} {}: guld {} / funnet {:?} {:?}",
                                item.number, g["delegates"], item.delegates, item.levels
                            );
                        }
                        delegates += usize::from(d);
                        ranks += usize::from(r);
                    }
                }
                String::new()
            }
            Err(e) => format!("refuserad: {e}"),
        };
        println!(
            "{name:<20} {:>5} {found:>7} {delegates:>9} {ranks:>6}  {}{note}",
            items.len(),
            if source_text { "(källtext) " } else { "" }
        );
        if source_text {
            sources += items.len();
            sources_found += found;
            sources_delegates += delegates;
        }
        if cell_by_cell && (found < items.len() || delegates < items.len()) {
            short.push(format!(
                "{name} (cell för cell): {found}/{} punkter, {delegates} med rätt delegater {note}",
                items.len()
            ));
        }
        if !source_text {
            total += items.len();
            total_found += found;
            total_delegates += delegates;
            if found < items.len() || delegates < items.len() {
                short.push(format!(
                    "{name}: {found}/{} punkter, {delegates} med rätt delegater {note}",
                    items.len()
                ));
            }
        }
    }
    println!("tabellfilerna: {total_found}/{total} punkter funna, {total_delegates}/{total} med rätt delegater");
    println!("källtexterna: {sources_found}/{sources} punkter funna, {sources_delegates}/{sources} med rätt delegater");
    // Two source texts came out cell by cell (02, 05), one is a list under a heading naming
    // the delegate (06), one a flattened table with item numbers (01): at least their 41
    // items are read with their delegates.
    assert!(
        sources_delegates >= 41,
        "källtexterna: {sources_delegates} med rätt delegater"
    );
    assert!(short.is_empty(), "layouts read short: {short:#?}");
}
