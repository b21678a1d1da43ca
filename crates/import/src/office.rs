//! The text of a protocol written in Word (`.docx`) or OpenDocument (`.odt`), as the
//! protocol reader takes text: each paragraph a line with a blank line after it, each table
//! row one line with its cells parted by tabs (a cell's paragraphs joined by spaces), and a
//! blank line after a table — as Word's own "save as text" gives it (seed 004 came so:
//! "Plats och tid\tSamlingssalen, Marnäsliden kl. 14:00 - 16 .15"). Page headers and footers,
//! comments, deleted text and field codes are left out.

use crate::delegation_grid::{attr_of, local_end, local_of, repeat_of, text_of, zip_part, Format};
use quick_xml::events::Event;

/// The element names of a document's text.
struct Names {
    table: &'static str,
    row: &'static str,
    cell: &'static [&'static str],
    paragraph: &'static [&'static str],
    line_break: &'static [&'static str],
    tab: &'static str,
    /// ODF's run of spaces (`text:s`, with `text:c` spaces).
    spaces: Option<&'static str>,
    /// Elements whose text is not the document's (Word's tab stops `w:tabs` in a
    /// paragraph's properties, deleted text, field codes, comments, a drawing's fallback).
    skip: &'static [&'static str],
    /// The attribute that repeats an empty cell (ODF).
    repeat: Option<&'static str>,
    /// The elements the text stands in (the space between other elements is the file's
    /// layout, not text).
    text_in: &'static [&'static str],
}

const DOCX: Names = Names {
    table: "tbl",
    row: "tr",
    cell: &["tc"],
    paragraph: &["p"],
    line_break: &["br", "cr"],
    tab: "tab",
    spaces: None,
    skip: &["ppr", "rpr", "instrtext", "deltext", "fallback", "comment"],
    repeat: None,
    text_in: &["t"],
};

const ODT: Names = Names {
    table: "table",
    row: "table-row",
    cell: &["table-cell", "covered-table-cell"],
    paragraph: &["p", "h"],
    line_break: &["line-break"],
    tab: "tab",
    spaces: Some("s"),
    skip: &["annotation", "tracked-changes", "note-citation"],
    repeat: Some("number-columns-repeated"),
    text_in: &["p", "h"],
};

/// The text of a Word or OpenDocument document (see the module's text), or why it cannot be
/// read.
pub(crate) fn document_text(format: Format, bytes: &[u8]) -> Result<String, String> {
    match format {
        Format::Docx => Ok(walk(&zip_part(bytes, "word/document.xml")?, &DOCX)),
        Format::Odt => Ok(walk(&zip_part(bytes, "content.xml")?, &ODT)),
        _ => Err("filen är inget Word- eller OpenDocument-dokument".to_string()),
    }
}

/// Where the text being read goes.
#[derive(Default)]
struct Text {
    out: String,
    paragraph: String,
    tables: usize,
    row: Option<Vec<String>>,
    cell: Option<String>,
}

impl Text {
    fn push(&mut self, t: &str) {
        match self.cell.as_mut() {
            Some(c) => c.push_str(t),
            None => self.paragraph.push_str(t),
        }
    }

    fn end_paragraph(&mut self) {
        if let Some(c) = self.cell.as_mut() {
            c.push(' ');
        } else {
            let p = self.paragraph.trim_end();
            if !p.trim().is_empty() {
                self.out.push_str(p);
                self.out.push_str("\n\n");
            }
            self.paragraph.clear();
        }
    }

    fn end_cell(&mut self) {
        if let Some(c) = self.cell.take() {
            let c = c.split_whitespace().collect::<Vec<_>>().join(" ");
            self.row.get_or_insert_with(Vec::new).push(c);
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some(r) = self.row.take() {
            if r.iter().any(|c| !c.is_empty()) {
                self.out.push_str(r.join("\t").trim_end());
                self.out.push('\n');
            }
        }
    }
}

fn walk(xml: &str, n: &Names) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    {
        let c = reader.config_mut();
        c.check_end_names = false;
        c.allow_unmatched_ends = true;
    }
    let mut t = Text::default();
    let mut skipping = 0usize;
    let mut inside = 0usize;
    loop {
        let ev = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(ev) => ev,
        };
        match ev {
            Event::Start(e) => {
                let name = local_of(&e);
                if skipping > 0 || n.skip.contains(&name.as_str()) {
                    skipping += 1;
                    continue;
                }
                if n.text_in.contains(&name.as_str()) {
                    inside += 1;
                }
                if name == n.table {
                    if t.tables == 0 {
                        t.end_paragraph();
                    }
                    t.tables += 1;
                } else if t.tables == 1 && name == n.row {
                    t.end_row();
                    t.row = Some(Vec::new());
                } else if t.tables == 1 && n.cell.contains(&name.as_str()) {
                    t.end_cell();
                    t.cell = Some(String::new());
                    if let (Some(attr), Some(r)) = (n.repeat, t.row.as_mut()) {
                        r.extend((1..repeat_of(&e, attr)).map(|_| String::new()));
                    }
                }
            }
            Event::Empty(e) if skipping == 0 => {
                let name = local_of(&e);
                if n.line_break.contains(&name.as_str()) {
                    // A line break inside a cell is a space; in a paragraph, a new line.
                    t.push(if t.cell.is_some() { " " } else { "\n" });
                } else if name == n.tab {
                    t.push(if t.cell.is_some() { " " } else { "\t" });
                } else if n.spaces == Some(name.as_str()) {
                    let k = attr_of(&e, "c")
                        .and_then(|c| c.parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(64);
                    t.push(&" ".repeat(k));
                } else if t.tables == 1 && n.cell.contains(&name.as_str()) {
                    t.end_cell();
                    let times = n.repeat.map_or(1, |a| repeat_of(&e, a));
                    t.row
                        .get_or_insert_with(Vec::new)
                        .extend((0..times).map(|_| String::new()));
                }
            }
            Event::End(e) => {
                let name = local_end(&e);
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                if n.text_in.contains(&name.as_str()) {
                    inside = inside.saturating_sub(1);
                }
                if name == n.table {
                    t.tables = t.tables.saturating_sub(1);
                    if t.tables == 0 {
                        t.end_row();
                        t.out.push('\n');
                    }
                } else if t.tables == 1 && name == n.row {
                    t.end_row();
                } else if t.tables == 1 && n.cell.contains(&name.as_str()) {
                    t.end_cell();
                } else if n.paragraph.contains(&name.as_str()) {
                    t.end_paragraph();
                }
            }
            other if skipping == 0 && inside > 0 => {
                if let Some(s) = text_of(&other) {
                    t.push(&s);
                }
            }
            _ => {}
        }
    }
    t.end_row();
    t.end_paragraph();
    t.out
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn paragraphs_and_table_rows_become_lines() {
        let xml = format!(
            r#"<w:document {W}><w:body>
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="2000"/></w:tabs></w:pPr><w:r><w:t>Socialnämnden</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Beslutande</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:t>Anna Berg (S)</w:t></w:r></w:p><w:p><w:r><w:t>Per Ek (M)</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t xml:space="preserve">§ 1</w:t><w:tab/><w:t>Val av justerare</w:t><w:delText>bort</w:delText></w:r></w:p>
            </w:body></w:document>"#
        );
        assert_eq!(
            walk(&xml, &DOCX),
            "Socialnämnden\n\nBeslutande\tAnna Berg (S) Per Ek (M)\n\n§ 1\tVal av justerare\n\n"
        );
    }

    #[test]
    fn odf_spaces_and_repeated_cells() {
        let xml = r#"<office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="tb"><office:body><office:text>
            <text:h>Kommunstyrelsen</text:h><text:p>Plats<text:s text:c="3"/>och tid</text:p>
            <table:table><table:table-row><table:table-cell><text:p>Justerare</text:p></table:table-cell>
            <table:table-cell table:number-columns-repeated="2"/><table:table-cell><text:p>Eva<text:line-break/>Lind</text:p></table:table-cell></table:table-row></table:table>
            <text:p>Slut<office:annotation><text:p>kommentar</text:p></office:annotation></text:p>
            </office:text></office:body></office:document-content>"#;
        assert_eq!(
            walk(xml, &ODT),
            "Kommunstyrelsen\n\nPlats   och tid\n\nJusterare\t\t\tEva Lind\n\nSlut\n\n"
        );
    }

    proptest::proptest! {
        /// Any markup, broken or not, gives some text, never a panic.
        #[test]
        fn never_panics(pieces in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("<w:p>".to_string()),
                proptest::strategy::Just("</w:p>".to_string()),
                proptest::strategy::Just("<w:tbl><w:tr><w:tc>".to_string()),
                proptest::strategy::Just("</w:tc></w:tr></w:tbl>".to_string()),
                proptest::strategy::Just("<w:tab/>".to_string()),
                proptest::strategy::Just("<w:pPr>".to_string()),
                proptest::strategy::Just("<table:table-cell table:number-columns-repeated=\"99999\"/>".to_string()),
                proptest::strategy::Just("&amp;".to_string()),
                "\\PC{0,12}",
            ],
            0..60,
        )) {
            let xml = pieces.concat();
            let _ = walk(&xml, &DOCX);
            let _ = walk(&xml, &ODT);
        }
    }
}
