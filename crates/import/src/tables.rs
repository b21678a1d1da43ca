//! Tables (*tabeller*) flattened into tab-separated lines: header, rows,
//! numbers in Swedish formatting, and "-varav" rows as children of the row
//! they are included in.

use crate::labels::label;
use crate::model::{Table, TableRow};
use crate::numbers::parse_number;
use crate::stream::Item;
use crate::text::TrimWhite;

/// A tab line: a line with at least one tab and one non-empty cell.
pub fn is_tab_line(text: &str) -> bool {
    crate::text::has_byte(text, b'\t') && text.split('\t').any(|c| !c.trim_white().is_empty())
}

/// Finds table blocks in `items[from..to]`: runs of ≥ 2 tab lines, a single
/// blank line allowed between rows. Returns `(first, last)` item indices.
pub fn find_blocks(items: &[Item<'_>], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut i = from;
    while i < to {
        let Some(it) = items.get(i) else { break };
        if !is_tab_line(it.text) {
            i += 1;
            continue;
        }
        let start = i;
        let mut last = i;
        let mut rows = 1;
        let mut j = i + 1;
        while j < to {
            let Some(x) = items.get(j) else { break };
            if is_tab_line(x.text) {
                last = j;
                rows += 1;
                j += 1;
            } else if x.is_blank()
                && items.get(j + 1).is_some_and(|y| is_tab_line(y.text))
                && j + 1 < to
            {
                j += 1;
            } else {
                break;
            }
        }
        if rows >= 2 {
            blocks.push((start, last));
        }
        i = last + 1;
    }
    blocks
}

fn is_varav(label: &str) -> bool {
    let l = label
        .trim_start_matches(['-', '–', '−', ' '])
        .to_lowercase();
    (l.starts_with("varav") || l.starts_with("därav")) && label.len() > 5
}

/// Builds a table from the tab lines in `items[first..=last]`.
pub fn build(items: &[Item<'_>], first: usize, last: usize, caption: Option<String>) -> Table {
    let rows_raw: Vec<Vec<String>> = items
        .get(first..=last)
        .unwrap_or(&[])
        .iter()
        .filter(|it| is_tab_line(it.text))
        .map(|it| {
            it.text
                .split('\t')
                .map(|c| c.trim_white().to_string())
                .collect()
        })
        .collect();
    let mut iter = rows_raw.into_iter().peekable();
    let header = match iter.peek() {
        Some(first_row) if first_row.len() >= 2 => {
            let numeric = first_row.iter().skip(1).any(|c| parse_number(c).is_some());
            let has_text = first_row.iter().skip(1).any(|c| !c.is_empty());
            if !numeric && has_text {
                iter.next().unwrap_or_default()
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    };
    let mut rows: Vec<TableRow> = Vec::new();
    for cells in iter {
        let label = cells.first().cloned().unwrap_or_default();
        let rest: Vec<String> = cells.into_iter().skip(1).collect();
        let values = rest.iter().map(|c| parse_number(c)).collect();
        let varav = is_varav(&label);
        let row = TableRow {
            label: if varav {
                label.trim_start_matches(['-', '–', '−', ' ']).to_string()
            } else {
                label
            },
            values,
            cells: rest,
            children: Vec::new(),
        };
        match rows.last_mut() {
            Some(parent) if varav => parent.children.push(row),
            _ => rows.push(row),
        }
    }
    Table {
        title: caption,
        header,
        rows,
    }
}

/// The caption right above a table: a short line without digits.
pub fn caption(items: &[Item<'_>], first: usize, from: usize) -> Option<String> {
    let j = (from..first)
        .rev()
        .find(|&j| items.get(j).is_some_and(|it| !it.is_blank()))?;
    let t = items.get(j)?.text.trim_white();
    if t.contains('\t')
        || t.chars().count() > 200
        || t.chars().any(|c| c.is_ascii_digit())
        || label(t).is_some()
    {
        return None;
    }
    Some(t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;
    use crate::stream;

    #[test]
    fn budget_table_with_varav() {
        let text = "Ekonomiskt resultat\n\n\tBudget\tUtfall\nUtskott\t291\t324\nLSS\t45 263\t50 121\n-varav personlig assistans\t17 500\t22 111\nIntegration\t665\t–\n\nSlut.";
        let lines = split_lines(text);
        let items = stream::build(&lines, &vec![false; lines.len()]);
        let blocks = find_blocks(&items, 0, items.len());
        assert_eq!(blocks, [(2, 6)]);
        let t = build(&items, 2, 6, caption(&items, 2, 0));
        assert_eq!(t.title.as_deref(), Some("Ekonomiskt resultat"));
        assert_eq!(t.header, ["", "Budget", "Utfall"]);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[1].children[0].label, "varav personlig assistans");
        assert_eq!(t.rows[1].children[0].values, [Some(17500.0), Some(22111.0)]);
        assert_eq!(t.rows[2].values, [Some(665.0), None]);
    }
}
