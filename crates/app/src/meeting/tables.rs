//! Tabeller i en paragraf, as a secretary types them in the browser: one table per block
//! (blocks apart by an empty line), cells apart by `|`; `# ` starts the title, `Rubrik:` the
//! column headings, `> ` a "varav" row under the row above it. Numbers are read as the importer
//! reads them (Swedish formatting), so a table shown in this form and saved again is the same.
//!
//! ```text
//! # Antal ej verkställda beslut
//! Rubrik: Insats | Kvinnor | Män
//! Hemtjänst | 12 | 3
//! > varav dubbelbemanning | 1 | 0
//! ```

use paragraf_core::minutes::{CellValue, Table, TableRow};
use paragraf_import::numbers::parse_number;

fn cell_text(v: &CellValue) -> String {
    match v {
        CellValue::Number(x) => format!("{x}").replace('.', ","),
        CellValue::Text(t) => t.replace('|', "/"),
        CellValue::Empty => String::new(),
    }
}

/// Lines that would read as something else start with `\`; a row with nothing in it is `\`.
fn row_text(r: &TableRow, child: bool) -> String {
    let prefix = if child { "> " } else { "" };
    if r.label.is_none() && r.values.is_empty() {
        return format!("{prefix}\\");
    }
    let mut label = r.label.clone().unwrap_or_default().replace('|', "/");
    if ['>', '#', '\\'].iter().any(|c| label.starts_with(*c)) || label.starts_with("Rubrik:") {
        label.insert(0, '\\');
    }
    let mut cells = vec![label];
    cells.extend(r.values.iter().map(cell_text));
    format!("{prefix}{}", cells.join(" | "))
}

/// The tables as text to edit.
pub fn to_text(tables: &[Table]) -> String {
    tables
        .iter()
        .map(|t| {
            let mut lines = Vec::new();
            if let Some(title) = &t.title {
                lines.push(format!("# {title}"));
            }
            if !t.header.is_empty() {
                let header: Vec<String> = t.header.iter().map(|h| h.replace('|', "/")).collect();
                lines.push(format!("Rubrik: {}", header.join(" | ")));
            }
            for r in &t.rows {
                lines.push(row_text(r, false));
                lines.extend(r.children.iter().map(|c| row_text(c, true)));
            }
            lines.join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn cells(line: &str) -> Vec<String> {
    line.split('|').map(|c| c.trim().to_string()).collect()
}

fn value(cell: &str) -> CellValue {
    match parse_number(cell) {
        Some(x) => CellValue::Number(x),
        None if cell.is_empty() => CellValue::Empty,
        None => CellValue::Text(cell.to_string()),
    }
}

/// Reads tables written as [`to_text`] writes them. A "varav" row with no row above it is
/// refused, naming its line.
pub fn from_text(text: &str) -> Result<Vec<Table>, crate::Error> {
    let mut tables = Vec::new();
    let mut current: Option<Table> = None;
    for (i, raw) in text.replace("\r\n", "\n").lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            tables.extend(current.take());
            continue;
        }
        let t = current.get_or_insert_with(|| Table {
            title: None,
            header: Vec::new(),
            rows: Vec::new(),
        });
        if let Some(title) = line.strip_prefix("# ") {
            t.title = Some(title.trim().to_string());
        } else if let Some(h) = line.strip_prefix("Rubrik:") {
            t.header = cells(h);
        } else {
            let (child, body) = match line.strip_prefix('>') {
                Some(rest) => (true, rest.trim_start()),
                None => (false, line),
            };
            let row = if body == "\\" {
                TableRow {
                    label: None,
                    values: Vec::new(),
                    children: Vec::new(),
                }
            } else {
                let body = body.strip_prefix('\\').unwrap_or(body);
                let mut cs = cells(body).into_iter();
                let label = cs.next().filter(|l| !l.is_empty());
                TableRow {
                    label,
                    values: cs.map(|c| value(&c)).collect(),
                    children: Vec::new(),
                }
            };
            if child {
                t.rows
                    .last_mut()
                    .ok_or_else(|| {
                        crate::Error::field(
                            "tables",
                            format!("rad {}: en varav-rad (”> ”) måste stå under en rad", i + 1),
                        )
                    })?
                    .children
                    .push(row);
            } else {
                t.rows.push(row);
            }
        }
    }
    tables.extend(current);
    Ok(tables)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_come_back_as_they_were_written() {
        let text = "# Antal beslut\nRubrik: Insats | Kvinnor | Män\nHemtjänst | 12 | 3\n> varav natt | 1,5 | \nSumma | -4,4 | uppgift saknas\n\nAndra | 437569";
        let tables = from_text(text).unwrap();
        assert_eq!(tables.len(), 2);
        assert_eq!(tables[0].title.as_deref(), Some("Antal beslut"));
        assert_eq!(tables[0].header, ["Insats", "Kvinnor", "Män"]);
        assert_eq!(
            tables[0].rows[0].children[0].values[0],
            CellValue::Number(1.5)
        );
        assert_eq!(tables[0].rows[0].children[0].values[1], CellValue::Empty);
        assert_eq!(tables[0].rows[1].values[0], CellValue::Number(-4.4));
        assert_eq!(
            tables[0].rows[1].values[1],
            CellValue::Text("uppgift saknas".into())
        );
        assert_eq!(from_text(&to_text(&tables)).unwrap(), tables);
        // Labels that look like syntax, an empty row and a | in a heading come back too.
        let odd = vec![Table {
            title: None,
            header: vec!["a|b".into(), "c".into()],
            rows: vec![
                TableRow {
                    label: Some("> 3 månader".into()),
                    values: vec![CellValue::Number(2.0)],
                    children: vec![],
                },
                TableRow {
                    label: None,
                    values: vec![],
                    children: vec![],
                },
                TableRow {
                    label: Some("# 1".into()),
                    values: vec![CellValue::Empty],
                    children: vec![],
                },
                TableRow {
                    label: Some("Rubrik: x".into()),
                    values: vec![],
                    children: vec![],
                },
            ],
        }];
        let back = from_text(&to_text(&odd)).unwrap();
        assert_eq!(back[0].rows, odd[0].rows);
        assert_eq!(back[0].header, ["a/b", "c"]);
        assert!(from_text("> ingen rad ovanför | 1").is_err());
        assert!(from_text("").unwrap().is_empty());
    }
}
