//! Delegationsordningar as tables, in the formats municipalities keep them: Word (.docx) and
//! OpenDocument (.odt) tables, XLSX, CSV with `;` `,` or tab, HTML and markdown tables. Each
//! file becomes rows of cells ([`grid`]); the header row's columns are recognised by meaning
//! ([`role_of`]: Nr/Punkt/Avsnitt/Ref, Ärende/Ärendetyp/Beslut, Lagrum/Författning/Lag,
//! Delegat/Beslutsfattare/Lägsta beslutsnivå, Ersättare, Anmärkning/Kommentar/Villkor; other
//! columns are kept under their own header), or named by the user when no header can be
//! recognised ([`parse_columns`]); every row is then made an item by the text reader's rules.
//!
//! Never panics; a file that holds no such table is refused with what was looked for.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::sync::LazyLock;

use quick_xml::events::Event;
use regex::Regex;

use crate::delegation::{
    build_item, DelegationDocument, DelegationSection, Notes, RankMarks, RowCells,
};
use crate::error::ImportError;

/// The formats read as tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV with `;`, `,` or tab (`.csv`, `.tsv`).
    Csv,
    /// Excel (`.xlsx`): the first sheet.
    Xlsx,
    /// Word (`.docx`): every table of the document.
    Docx,
    /// OpenDocument text (`.odt`): every table.
    Odt,
    /// HTML: every `<table>`.
    Html,
    /// Markdown pipe tables.
    Markdown,
}

/// The format of a file, by its first bytes and then its name; `None` for plain text and PDF
/// (read by the text reader).
pub fn format_of(name: &str, bytes: &[u8]) -> Option<Format> {
    let lower = name.to_lowercase();
    if bytes.starts_with(b"PK") {
        if let Ok(zip) = zip::ZipArchive::new(Cursor::new(bytes)) {
            let has = |n: &str| zip.index_for_name(n).is_some();
            if has("word/document.xml") {
                return Some(Format::Docx);
            }
            if has("content.xml") {
                return Some(Format::Odt);
            }
            if has("xl/workbook.xml") {
                return Some(Format::Xlsx);
            }
        }
    }
    let ext = lower.rsplit('.').next().unwrap_or("");
    match ext {
        "csv" | "tsv" => Some(Format::Csv),
        "xlsx" => Some(Format::Xlsx),
        "docx" => Some(Format::Docx),
        "odt" => Some(Format::Odt),
        "html" | "htm" => Some(Format::Html),
        "md" | "markdown" => Some(Format::Markdown),
        _ => None,
    }
}

/// The text of a Word, OpenDocument or HTML document without tables, one paragraph a line,
/// with the numbers and bullets its lists show but do not hold as text: Word's numbering
/// (`w:numPr`, read through `word/numbering.xml`), OpenDocument's `text:list` (read through
/// its list styles) and HTML's `<ol>`/`<ul>`. Read by
/// [`crate::delegation_lists`] when the document has no table. `None` for other formats, a
/// document with a table, or one that cannot be read.
pub(crate) fn list_text(format: Format, bytes: &[u8]) -> Option<String> {
    match format {
        Format::Docx => {
            let document = zip_part(bytes, "word/document.xml").ok()?;
            let numbering = zip_part(bytes, "word/numbering.xml").unwrap_or_default();
            docx_list_text(&document, &numbering)
        }
        Format::Odt => {
            let content = zip_part(bytes, "content.xml").ok()?;
            let styles = zip_part(bytes, "styles.xml").unwrap_or_default();
            odt_list_text(&content, &styles)
        }
        Format::Html => html_list_text(&crate::table::text(bytes).ok()?),
        _ => None,
    }
}

/// The attribute `name` (by its local name) of an element.
pub(crate) fn attr_of(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key: &str = a.key.as_ref();
        (key.rsplit(':').next() == Some(name)).then(|| a.value.to_string())
    })
}

/// An element's local name in small letters ("w:numPr" → "numpr").
pub(crate) fn local_of(e: &quick_xml::events::BytesStart<'_>) -> String {
    let name = e.name();
    let n: &str = name.as_ref();
    n.rsplit(':').next().unwrap_or("").to_lowercase()
}

/// An end tag's local name in small letters.
pub(crate) fn local_end(e: &quick_xml::events::BytesEnd<'_>) -> String {
    let name = e.name();
    let n: &str = name.as_ref();
    n.rsplit(':').next().unwrap_or("").to_lowercase()
}

/// The text an event adds: its characters, or the character an entity stands for.
pub(crate) fn text_of(ev: &Event<'_>) -> Option<String> {
    match ev {
        Event::Text(t) => Some(t.xml10_content().to_string()),
        Event::CData(t) => Some(t.xml10_content().to_string()),
        Event::GeneralRef(r) => match r.resolve_char_ref() {
            Ok(Some(c)) => Some(c.to_string()),
            _ => entity(r).map(|c| c.to_string()),
        },
        _ => None,
    }
}

/// Word's list levels that are bullets: (numId, ilvl) → whether the level is a bullet, read
/// from `word/numbering.xml` (`w:num` → `w:abstractNum` → `w:lvl` → `w:numFmt`).
fn docx_bullets(numbering: &str) -> BTreeMap<(String, String), bool> {
    let mut reader = quick_xml::Reader::from_str(numbering);
    let mut abstract_fmt: BTreeMap<(String, String), bool> = BTreeMap::new();
    let mut num_to_abstract: BTreeMap<String, String> = BTreeMap::new();
    let (mut abs, mut lvl, mut num): (Option<String>, Option<String>, Option<String>) =
        (None, None, None);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match local_of(&e).as_str() {
                "abstractnum" => abs = attr_of(&e, "abstractNumId"),
                "lvl" => lvl = attr_of(&e, "ilvl"),
                "numfmt" => {
                    if let (Some(a), Some(l), Some(v)) = (&abs, &lvl, attr_of(&e, "val")) {
                        abstract_fmt.insert((a.clone(), l.clone()), v == "bullet");
                    }
                }
                "num" => num = attr_of(&e, "numId"),
                "abstractnumid" => {
                    if let (Some(n), Some(v)) = (&num, attr_of(&e, "val")) {
                        num_to_abstract.insert(n.clone(), v);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    for (n, a) in num_to_abstract {
        for ((abs_id, l), bullet) in &abstract_fmt {
            if *abs_id == a {
                out.insert((n.clone(), l.clone()), *bullet);
            }
        }
    }
    out
}

/// See [`list_text`]: Word's paragraphs, a numbered list's number ("1. ") or a bullet ("• ")
/// before its items. The numbers go on per list and level as Word shows them.
fn docx_list_text(document: &str, numbering: &str) -> Option<String> {
    let bullets = docx_bullets(numbering);
    let mut reader = quick_xml::Reader::from_str(document);
    let mut out = String::new();
    let mut line = String::new();
    let (mut num, mut ilvl): (Option<String>, String) = (None, "0".into());
    let mut counters: BTreeMap<(String, String), u32> = BTreeMap::new();
    let mut in_text = false;
    loop {
        let ev = match reader.read_event() {
            Ok(Event::Eof) => break,
            Err(_) => return None,
            Ok(ev) => ev,
        };
        match &ev {
            Event::Start(e) => match local_of(e).as_str() {
                "tbl" => return None,
                "p" => {
                    line.clear();
                    (num, ilvl) = (None, "0".into());
                }
                "t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => match local_of(e).as_str() {
                "numid" => num = attr_of(e, "val").filter(|v| v != "0"),
                "ilvl" => ilvl = attr_of(e, "val").unwrap_or_else(|| "0".into()),
                "tab" => line.push(' '),
                _ => {}
            },
            Event::End(e) => match local_end(e).as_str() {
                "t" => in_text = false,
                "p" => {
                    let text = line.trim();
                    let mark = match &num {
                        Some(n) if bullets.get(&(n.clone(), ilvl.clone())) == Some(&true) => {
                            "• ".to_string()
                        }
                        Some(n) => {
                            let c = counters.entry((n.clone(), ilvl.clone())).or_insert(0);
                            *c = c.saturating_add(1);
                            format!("{c}. ")
                        }
                        None => String::new(),
                    };
                    if !text.is_empty() {
                        out.push_str(&mark);
                        out.push_str(text);
                        out.push('\n');
                    }
                }
                _ => {}
            },
            other if in_text => {
                if let Some(t) = text_of(other) {
                    line.push_str(&t);
                }
            }
            _ => {}
        }
    }
    Some(out)
}

/// See [`list_text`]: an HTML page's headings, paragraphs and list items one a line, the
/// items of an `<ol>` numbered from its `start` and those of a `<ul>` bulleted.
fn html_list_text(html: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(html);
    {
        let c = reader.config_mut();
        c.check_end_names = false;
        c.allow_unmatched_ends = true;
    }
    let mut out = String::new();
    let mut line = String::new();
    // The open lists: the next number of an <ol>, None for a <ul>.
    let mut lists: Vec<Option<u32>> = Vec::new();
    let mut skipping = 0usize;
    let flush = |out: &mut String, line: &mut String| {
        let text = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push_str(&text);
            out.push('\n');
        }
        line.clear();
    };
    const BLOCKS: [&str; 9] = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "br"];
    loop {
        let ev = match reader.read_event() {
            Ok(Event::Eof) => break,
            Err(_) => return None,
            Ok(ev) => ev,
        };
        match &ev {
            Event::Start(e) => match local_of(e).as_str() {
                "table" => return None,
                "script" | "style" => skipping += 1,
                "ol" => {
                    flush(&mut out, &mut line);
                    let start = attr_of(e, "start").and_then(|s| s.parse().ok());
                    lists.push(Some(start.unwrap_or(1)));
                }
                "ul" => {
                    flush(&mut out, &mut line);
                    lists.push(None);
                }
                "li" => {
                    flush(&mut out, &mut line);
                    match lists.last_mut() {
                        Some(Some(n)) => {
                            line.push_str(&format!("{n}. "));
                            *n = n.saturating_add(1);
                        }
                        _ => line.push_str("• "),
                    }
                }
                n if BLOCKS.contains(&n) => flush(&mut out, &mut line),
                _ => {}
            },
            Event::Empty(e) if local_of(e) == "br" => flush(&mut out, &mut line),
            Event::End(e) => match local_end(e).as_str() {
                "script" | "style" => skipping = skipping.saturating_sub(1),
                "ol" | "ul" => {
                    flush(&mut out, &mut line);
                    lists.pop();
                }
                n if n == "li" || BLOCKS.contains(&n) => flush(&mut out, &mut line),
                _ => {}
            },
            other if skipping == 0 => {
                if let Some(t) = text_of(other) {
                    line.push_str(&t);
                }
            }
            _ => {}
        }
    }
    flush(&mut out, &mut line);
    Some(out)
}

/// How one level of an OpenDocument list style marks its items.
#[derive(Debug, Clone, Default)]
struct OdtLevel {
    /// `text:list-level-style-bullet`.
    bullet: bool,
    /// `style:num-format`: "1", "a", "A", "i", "I"; empty for no number.
    format: String,
    prefix: String,
    suffix: String,
    start: u32,
    /// `text:display-levels`: how many levels' numbers the mark shows ("1.2." for two).
    display: usize,
}

/// An OpenDocument list style's levels (`text:list-style` → `text:list-level-style-*`), by
/// style name and level, from the styles of `content.xml` and `styles.xml`; and the list style
/// each paragraph style names (`style:list-style-name`).
type OdtStyles = (
    BTreeMap<(String, usize), OdtLevel>,
    BTreeMap<String, String>,
);

fn odt_styles(parts: &[&str]) -> OdtStyles {
    let (mut levels, mut paragraph_lists) = (BTreeMap::new(), BTreeMap::new());
    for part in parts {
        let mut reader = quick_xml::Reader::from_str(part);
        let mut list_style: Option<String> = None;
        loop {
            match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match local_of(&e).as_str() {
                    "list-style" => list_style = attr_of(&e, "name"),
                    "style" => {
                        if let (Some(n), Some(l)) =
                            (attr_of(&e, "name"), attr_of(&e, "list-style-name"))
                        {
                            paragraph_lists.insert(n, l);
                        }
                    }
                    l @ ("list-level-style-number" | "list-level-style-bullet") => {
                        let level = attr_of(&e, "level").and_then(|v| v.parse().ok());
                        if let (Some(style), Some(level)) = (&list_style, level) {
                            levels.insert(
                                (style.clone(), level),
                                OdtLevel {
                                    bullet: l.ends_with("bullet"),
                                    format: attr_of(&e, "num-format").unwrap_or_default(),
                                    prefix: attr_of(&e, "num-prefix").unwrap_or_default(),
                                    suffix: attr_of(&e, "num-suffix").unwrap_or_default(),
                                    start: attr_of(&e, "start-value")
                                        .and_then(|v| v.parse().ok())
                                        .unwrap_or(1),
                                    display: attr_of(&e, "display-levels")
                                        .and_then(|v| v.parse().ok())
                                        .unwrap_or(1),
                                },
                            );
                        }
                    }
                    _ => {}
                },
                Ok(Event::End(e)) if local_end(&e) == "list-style" => list_style = None,
                _ => {}
            }
        }
    }
    (levels, paragraph_lists)
}

/// A list number as a level's format shows it: 1, a, A, i, I (Roman below 4000, then in
/// digits).
fn odt_number(n: u32, format: &str) -> String {
    let letters = |upper: bool| {
        let (mut n, mut s) = (n, Vec::new());
        while n > 0 {
            n -= 1;
            let c = b'a' + (n % 26) as u8;
            s.push(if upper { c.to_ascii_uppercase() } else { c } as char);
            n /= 26;
        }
        s.iter().rev().collect::<String>()
    };
    let roman = |upper: bool| {
        const R: [(u32, &str); 13] = [
            (1000, "m"),
            (900, "cm"),
            (500, "d"),
            (400, "cd"),
            (100, "c"),
            (90, "xc"),
            (50, "l"),
            (40, "xl"),
            (10, "x"),
            (9, "ix"),
            (5, "v"),
            (4, "iv"),
            (1, "i"),
        ];
        let (mut n, mut s) = (n, String::new());
        for (v, r) in R {
            while n >= v {
                s.push_str(r);
                n -= v;
            }
        }
        if upper {
            s.to_uppercase()
        } else {
            s
        }
    };
    match format {
        "a" => letters(false),
        "A" => letters(true),
        "i" if n < 4000 => roman(false),
        "I" if n < 4000 => roman(true),
        _ => n.to_string(),
    }
}

/// See [`list_text`]: OpenDocument's headings and paragraphs, the first paragraph of a list
/// item after its mark — the number its list style's level shows ("1.") or a bullet ("• ").
/// A list goes on with the numbers of the list it names (`text:continue-list`) or of the list
/// before it (`text:continue-numbering`); a nested list is the next level; an item's
/// `text:start-value` sets its number.
fn odt_list_text(content: &str, styles: &str) -> Option<String> {
    let (levels, paragraph_lists) = odt_styles(&[styles, content]);
    // The counters of each list (one a level), shared by the lists that go on from it.
    let mut chains: Vec<Vec<u32>> = Vec::new();
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    let mut last_top: Option<usize> = None;
    // The open lists: (chain, style name if known); the open items: whether the item's first
    // paragraph has been written.
    let mut open: Vec<(usize, Option<String>)> = Vec::new();
    let mut item_marked: Vec<bool> = Vec::new();
    let mut item_start: Option<u32> = None;
    let mut reader = quick_xml::Reader::from_str(content);
    let (mut out, mut line) = (String::new(), String::new());
    let (mut in_body, mut in_par, mut skipping) = (false, 0usize, 0usize);
    let mut mark = String::new();
    loop {
        let ev = match reader.read_event() {
            Ok(Event::Eof) => break,
            Err(_) => return None,
            Ok(ev) => ev,
        };
        match &ev {
            Event::Start(e) => match local_of(e).as_str() {
                "table" => return None,
                "body" => in_body = true,
                "note" | "annotation" | "tracked-changes" => skipping += 1,
                "list" if in_body => {
                    let style = attr_of(e, "style-name")
                        .or_else(|| open.last().and_then(|(_, s)| s.clone()));
                    let chain = if let Some((c, _)) = open.last() {
                        *c
                    } else if let Some(c) =
                        attr_of(e, "continue-list").and_then(|id| by_id.get(&id).copied())
                    {
                        c
                    } else if attr_of(e, "continue-numbering").as_deref() == Some("true") {
                        last_top.unwrap_or_else(|| {
                            chains.push(Vec::new());
                            chains.len() - 1
                        })
                    } else {
                        chains.push(Vec::new());
                        chains.len() - 1
                    };
                    if open.is_empty() {
                        last_top = Some(chain);
                    }
                    if let Some(id) = attr_of(e, "id") {
                        by_id.insert(id, chain);
                    }
                    open.push((chain, style));
                }
                "list-item" if in_body => {
                    item_marked.push(false);
                    item_start = attr_of(e, "start-value").and_then(|v| v.parse().ok());
                }
                "list-header" if in_body => item_marked.push(true),
                "p" | "h" if in_body && skipping == 0 => {
                    in_par += 1;
                    if in_par == 1 {
                        line.clear();
                        mark.clear();
                        if let (Some(false), Some((chain, style))) =
                            (item_marked.last(), open.last())
                        {
                            let depth = open.len();
                            let style = style.clone().or_else(|| {
                                attr_of(e, "style-name")
                                    .and_then(|p| paragraph_lists.get(&p).cloned())
                            });
                            let level = style
                                .as_ref()
                                .and_then(|s| levels.get(&(s.clone(), depth)).cloned())
                                .unwrap_or_default();
                            let counters = &mut chains[*chain];
                            counters.resize(counters.len().max(depth), 0);
                            counters.truncate(depth);
                            let n = match item_start.take() {
                                Some(v) => v,
                                None if counters[depth - 1] == 0 => level.start,
                                None => counters[depth - 1].saturating_add(1),
                            };
                            counters[depth - 1] = n;
                            // "1.2.": the numbers of the levels the mark shows, each in its
                            // own level's format.
                            let shown = level.display.clamp(1, depth);
                            let numbers = (depth - shown + 1..=depth)
                                .map(|l| {
                                    let format = if l == depth {
                                        level.format.clone()
                                    } else {
                                        style
                                            .as_ref()
                                            .and_then(|s| levels.get(&(s.clone(), l)))
                                            .map_or_else(|| "1".to_string(), |v| v.format.clone())
                                    };
                                    odt_number(counters[l - 1].max(1), &format)
                                })
                                .collect::<Vec<_>>()
                                .join(".");
                            mark = if level.bullet {
                                "• ".to_string()
                            } else if level.format.is_empty() {
                                String::new()
                            } else {
                                format!("{}{numbers}{} ", level.prefix, level.suffix)
                            };
                            if let Some(m) = item_marked.last_mut() {
                                *m = true;
                            }
                        }
                    }
                }
                _ => {}
            },
            Event::Empty(e) if in_par > 0 && skipping == 0 => match local_of(e).as_str() {
                "s" => {
                    let n = attr_of(e, "c")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1usize);
                    line.push_str(&" ".repeat(n.min(64)));
                }
                "tab" | "line-break" => line.push(' '),
                _ => {}
            },
            Event::End(e) => match local_end(e).as_str() {
                "body" => in_body = false,
                "note" | "annotation" | "tracked-changes" => skipping = skipping.saturating_sub(1),
                "list" if in_body => {
                    open.pop();
                }
                "list-item" | "list-header" if in_body => {
                    item_marked.pop();
                }
                "p" | "h" if in_par > 0 && skipping == 0 => {
                    in_par -= 1;
                    if in_par == 0 {
                        let text = line.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !text.is_empty() {
                            out.push_str(&mark);
                            out.push_str(&text);
                            out.push('\n');
                        }
                        mark.clear();
                    }
                }
                _ => {}
            },
            other if in_par > 0 && skipping == 0 => {
                if let Some(t) = text_of(other) {
                    line.push_str(&t);
                }
            }
            _ => {}
        }
    }
    Some(out)
}

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// Nr, Punkt, Avsnitt, Ref.
    Number,
    /// Ärende, Ärendetyp, Beslut, Delegationens art.
    Matter,
    /// Lagrum, Författning, Lag.
    Law,
    /// Delegat, Beslutsfattare, Lägsta beslutsnivå.
    Delegate,
    /// Ersättare: the ranks after the delegate.
    Substitute,
    /// "Delegat (ersättare)": the delegate, then the substitutes in parentheses.
    DelegateWithSubstitutes,
    /// Anmärkning, Kommentar, Villkor.
    Remark,
    /// Any other column, kept under its header.
    Extra(String),
    /// A column to leave out (`-` in `--columns`).
    Ignore,
}

impl Role {
    fn swedish(&self) -> String {
        match self {
            Role::Number => "nummer".into(),
            Role::Matter => "ärende".into(),
            Role::Law => "lagrum".into(),
            Role::Delegate => "delegat".into(),
            Role::Substitute => "ersättare".into(),
            Role::DelegateWithSubstitutes => "delegat (ersättare)".into(),
            Role::Remark => "anmärkning".into(),
            Role::Extra(h) => format!("övrig kolumn ”{h}”"),
            Role::Ignore => "utelämnas".into(),
        }
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches([':', '.', '*', ' '])
        .to_lowercase()
}

/// The role of a column by its header's meaning; `None` for an empty header.
pub fn role_of(header: &str) -> Option<Role> {
    let h = fold(header);
    if h.is_empty() {
        return None;
    }
    let word = |w: &str| h.split([' ', '/', '(', ')', ',']).any(|x| x == w);
    let role = if h.contains("delegat") && h.contains("ersätt") {
        Role::DelegateWithSubstitutes
    } else if h.contains("deleg") && (h.contains(" art") || h.contains("ärende")) {
        Role::Matter
    } else if h.starts_with("anmäls till") && h.contains("anm") {
        Role::Remark
    } else if matches!(
        h.as_str(),
        "nr" | "nr."
            | "nummer"
            | "punkt"
            | "avsnitt"
            | "ref"
            | "referens"
            | "kap nr"
            | "löpnr"
            | "id"
            | "pkt"
            | "#"
    ) {
        Role::Number
    } else if h.contains("delegat")
        || h.contains("beslutsfattare")
        || h.contains("beslutsnivå")
        || h == "beslutande"
        || h == "delegering till"
    {
        Role::Delegate
    } else if h.contains("ersättare") {
        Role::Substitute
    } else if h.starts_with("ärende")
        || word("beslut")
        || h == "beslutstyp"
        || h == "beslutsärende"
        || h == "ärendeslag"
        || h == "uppgift"
    {
        Role::Matter
    } else if h.contains("lagrum")
        || h.contains("författning")
        || word("lag")
        || h == "lagstöd"
        || h == "lagrum/författning"
    {
        Role::Law
    } else if h.contains("anmärkning")
        || h.contains("kommentar")
        || word("villkor")
        || h == "notering"
        || h == "anm"
        || h == "övrigt"
    {
        Role::Remark
    } else {
        Role::Extra(header.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    Some(role)
}

/// The columns named by the user (`--columns nr,ärende,lagrum,delegat,anmärkning`): one role
/// per column, in order, `-` for a column to leave out, any other word a column kept under
/// that name.
pub fn parse_columns(spec: &str) -> Result<Vec<Role>, ImportError> {
    let roles: Vec<Role> = spec
        .split(',')
        .map(|c| {
            let c = c.trim();
            if c == "-" || c.is_empty() {
                Role::Ignore
            } else {
                role_of(c).unwrap_or(Role::Ignore)
            }
        })
        .collect();
    if !roles.contains(&Role::Matter)
        || !roles
            .iter()
            .any(|r| matches!(r, Role::Delegate | Role::DelegateWithSubstitutes))
    {
        return Err(ImportError::Table {
            where_: "--columns".into(),
            message: format!(
                "”{spec}” anger ingen kolumn för ärende och delegat (t.ex. nr,ärende,lagrum,delegat,anmärkning)"
            ),
        });
    }
    Ok(roles)
}

/// Largest part of a zip file read (64 MiB): a file that unpacks to more is refused.
const MAX_PART: u64 = 64 << 20;

pub(crate) fn zip_part(bytes: &[u8], name: &str) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("filen kunde inte öppnas som zip-arkiv: {e}"))?;
    let part = zip
        .by_name(name)
        .map_err(|_| format!("delen {name} saknas i filen"))?;
    let mut text = String::new();
    part.take(MAX_PART + 1)
        .read_to_string(&mut text)
        .map_err(|e| format!("delen {name} kunde inte läsas: {e}"))?;
    if text.len() as u64 > MAX_PART {
        return Err(format!("delen {name} är större än 64 MiB"));
    }
    Ok(text)
}

/// The rows of every table in `bytes`, each a list of cells (lines inside a cell separated
/// by `\n`), and the document's title when it has one before its first table.
pub fn grid(format: Format, bytes: &[u8]) -> Result<(Vec<Vec<String>>, Option<String>), String> {
    match format {
        Format::Csv => crate::table::csv_records(bytes)
            .map(|rows| (rows, None))
            .map_err(|e| e.to_string()),
        Format::Xlsx => crate::table::xlsx_records(bytes)
            .map(|rows| (rows, None))
            .map_err(|e| e.to_string()),
        Format::Docx => Ok(xml_tables(&zip_part(bytes, "word/document.xml")?, &DOCX)),
        Format::Odt => Ok(xml_tables(&zip_part(bytes, "content.xml")?, &ODT)),
        Format::Html => {
            let text = crate::table::text(bytes).map_err(|e| e.to_string())?;
            Ok(xml_tables(&text, &HTML))
        }
        Format::Markdown => {
            let text = crate::table::text(bytes).map_err(|e| e.to_string())?;
            Ok(markdown_tables(&text))
        }
    }
}

/// The element names of a markup's tables.
struct Markup {
    row: &'static [&'static str],
    cell: &'static [&'static str],
    /// Elements that end a line inside a cell (paragraphs).
    paragraph: &'static [&'static str],
    /// Empty elements that are a line break.
    line_break: &'static [&'static str],
    /// Elements that are a space (tabs, `text:s`).
    space: &'static [&'static str],
    /// Elements whose text is the title, when before the first table.
    title: &'static [&'static str],
    /// Elements whose text is never content (`<script>`, `<style>`).
    skip: &'static [&'static str],
    /// The attribute that repeats an empty cell (ODF), capped.
    repeat: Option<&'static str>,
}

const DOCX: Markup = Markup {
    row: &["tr"],
    cell: &["tc"],
    paragraph: &["p"],
    line_break: &["br", "cr"],
    space: &["tab"],
    title: &["p"],
    skip: &["instrText", "delText"],
    repeat: None,
};
const ODT: Markup = Markup {
    row: &["table-row"],
    cell: &["table-cell", "covered-table-cell"],
    paragraph: &["p", "h"],
    line_break: &["line-break"],
    space: &["s", "tab"],
    title: &["h", "p"],
    skip: &[],
    repeat: Some("number-columns-repeated"),
};
const HTML: Markup = Markup {
    row: &["tr"],
    cell: &["td", "th"],
    paragraph: &["p", "div", "li"],
    line_break: &["br"],
    space: &[],
    title: &["h1", "title"],
    skip: &["script", "style"],
    repeat: None,
};

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "sect" => '§',
        "aring" => 'å',
        "auml" => 'ä',
        "ouml" => 'ö',
        "Aring" => 'Å',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "eacute" => 'é',
        _ => return None,
    })
}

/// Every table row of an XML or HTML document (read leniently: HTML's unclosed elements are
/// borne), and the text of the first title element before the first table.
fn xml_tables(text: &str, m: &Markup) -> (Vec<Vec<String>>, Option<String>) {
    let mut reader = quick_xml::Reader::from_str(text);
    {
        let c = reader.config_mut();
        c.check_end_names = false;
        c.allow_unmatched_ends = true;
        c.expand_empty_elements = false;
    }
    let is = |list: &[&str], n: &str| list.iter().any(|x| x.eq_ignore_ascii_case(n));
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<String> = None;
    let mut depth_tables = 0usize;
    let mut seen_table = false;
    let mut title: Option<String> = None;
    let mut title_text: Option<String> = None;
    let mut skipping = 0usize;
    let push_text = |cell: &mut Option<String>, title_text: &mut Option<String>, t: &str| {
        if let Some(c) = cell.as_mut() {
            c.push_str(t);
        } else if let Some(tt) = title_text.as_mut() {
            tt.push_str(t);
        }
    };
    loop {
        let ev = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(ev) => ev,
        };
        match ev {
            Event::Start(e) | Event::Empty(e) if skipping > 0 => {
                let _ = e;
            }
            Event::Start(e) => {
                let n = local_of(&e);
                if is(m.skip, &n) {
                    skipping += 1;
                } else if n == "table" {
                    depth_tables += 1;
                    seen_table = true;
                } else if is(m.row, &n) && depth_tables <= 1 {
                    if let Some(r) = row.take() {
                        rows.push(r);
                    }
                    row = Some(Vec::new());
                } else if is(m.cell, &n) && depth_tables <= 1 {
                    if let (Some(c), Some(r)) = (cell.take(), row.as_mut()) {
                        r.push(c);
                    }
                    cell = Some(String::new());
                    if let Some(attr) = m.repeat {
                        let times = repeat_of(&e, attr);
                        if let Some(r) = row.as_mut() {
                            for _ in 1..times {
                                r.push(String::new());
                            }
                        }
                    }
                } else if is(m.line_break, &n) {
                    push_text(&mut cell, &mut title_text, "\n");
                } else if is(m.space, &n) {
                    push_text(&mut cell, &mut title_text, " ");
                } else if !seen_table && title.is_none() && is(m.title, &n) {
                    title_text = Some(String::new());
                }
            }
            Event::Empty(e) => {
                let n = local_of(&e);
                if is(m.line_break, &n) {
                    push_text(&mut cell, &mut title_text, "\n");
                } else if is(m.space, &n) {
                    push_text(&mut cell, &mut title_text, " ");
                } else if is(m.cell, &n) && depth_tables <= 1 {
                    if let Some(r) = row.as_mut() {
                        if let Some(c) = cell.take() {
                            r.push(c);
                        }
                        let times = m.repeat.map_or(1, |a| repeat_of(&e, a));
                        for _ in 0..times {
                            r.push(String::new());
                        }
                    }
                }
            }
            Event::End(e) => {
                let n = local_end(&e);
                if is(m.skip, &n) {
                    skipping = skipping.saturating_sub(1);
                } else if skipping > 0 {
                } else if n == "table" {
                    depth_tables = depth_tables.saturating_sub(1);
                    if depth_tables == 0 {
                        if let (Some(c), Some(r)) = (cell.take(), row.as_mut()) {
                            r.push(c);
                        }
                        if let Some(r) = row.take() {
                            rows.push(r);
                        }
                    }
                } else if is(m.cell, &n) && depth_tables <= 1 {
                    if let (Some(c), Some(r)) = (cell.take(), row.as_mut()) {
                        r.push(c);
                    }
                } else if is(m.row, &n) && depth_tables <= 1 {
                    if let (Some(c), Some(r)) = (cell.take(), row.as_mut()) {
                        r.push(c);
                    }
                    if let Some(r) = row.take() {
                        rows.push(r);
                    }
                } else if is(m.paragraph, &n) {
                    if let Some(c) = cell.as_mut() {
                        c.push('\n');
                    }
                }
                if title_text.is_some() && is(m.title, &n) {
                    let t = squash(title_text.take().as_deref().unwrap_or(""));
                    if !t.is_empty() && title.is_none() {
                        title = Some(t);
                    }
                }
            }
            other if skipping == 0 => {
                if let Some(t) = text_of(&other) {
                    push_text(&mut cell, &mut title_text, &t);
                }
            }
            _ => {}
        }
    }
    if let (Some(c), Some(r)) = (cell.take(), row.as_mut()) {
        r.push(c);
    }
    if let Some(r) = row.take() {
        rows.push(r);
    }
    let rows = rows
        .into_iter()
        .map(|r| r.into_iter().map(|c| cell_lines(&c)).collect())
        .collect();
    (rows, title)
}

/// How many times an ODF cell stands (`table:number-columns-repeated`), at most 64.
pub(crate) fn repeat_of(e: &quick_xml::events::BytesStart<'_>, attr: &str) -> usize {
    attr_of(e, attr)
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 64)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A cell's text with each line's white space squashed and empty lines dropped.
fn cell_lines(c: &str) -> String {
    c.lines()
        .map(squash)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

static MD_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<br\s*/?>").expect("static regex"));

/// Markdown pipe tables: `| a | b |` rows, the `|---|` rule skipped, `\|` a pipe inside a
/// cell and `<br>` a line break; the first `#` heading before the table is the title.
fn markdown_tables(text: &str) -> (Vec<Vec<String>>, Option<String>) {
    let mut rows = Vec::new();
    let mut title = None;
    for line in text.lines() {
        let t = line.trim();
        if rows.is_empty() && title.is_none() {
            if let Some(h) = t.strip_prefix('#') {
                title = Some(squash(h.trim_start_matches('#')));
                continue;
            }
        }
        let Some(inner) = t.strip_prefix('|') else {
            continue;
        };
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        let mut cells = Vec::new();
        let mut cur = String::new();
        let mut chars = inner.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek() == Some(&'|') => {
                    cur.push('|');
                    chars.next();
                }
                '|' => cells.push(std::mem::take(&mut cur)),
                _ => cur.push(c),
            }
        }
        cells.push(cur);
        let rule = cells.iter().all(|c| {
            let c = c.trim();
            !c.is_empty() && c.chars().all(|x| matches!(x, '-' | ':' | ' '))
        });
        if rule {
            continue;
        }
        rows.push(
            cells
                .iter()
                .map(|c| cell_lines(&MD_BREAK.replace_all(c.trim(), "\n")))
                .collect(),
        );
    }
    (rows, title)
}

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}(?:\.\d{1,3}){0,3}\.?$").expect("static regex"));
static NUMBERED_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2}(?:\.\d{1,3}){1,3})\.?\s+(\S[\s\S]*)$").expect("static regex")
});
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$").expect("static regex")
});
/// "Delegat (Ersättare eller Ersättare)": the substitutes in parentheses at the end.
static TRAILING_PARENS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.*?)\s*\(([^()]+)\)\s*$").expect("static regex"));

/// The header row: the first row with a matter and a delegate column.
pub(crate) fn header_roles(row: &[String]) -> Option<Vec<Option<Role>>> {
    let roles: Vec<Option<Role>> = row.iter().map(|c| role_of(c)).collect();
    let has = |f: &dyn Fn(&Role) -> bool| roles.iter().flatten().any(f);
    let data_like = row
        .iter()
        .any(|c| NUMBER.is_match(c.trim()) && !c.trim().is_empty());
    (has(&|r| *r == Role::Matter)
        && has(&|r| matches!(r, Role::Delegate | Role::DelegateWithSubstitutes))
        && !data_like)
        .then_some(roles)
}

/// Reads a delegationsordning from a table file. `columns` names the columns when the
/// header row cannot be recognised (its first row is then the header if it holds no item
/// number). `name` is the file's name, for messages.
pub fn read_order_table(
    name: &str,
    format: Format,
    bytes: &[u8],
    columns: Option<&[Role]>,
) -> Result<DelegationDocument, ImportError> {
    let (rows, title) = grid(format, bytes).map_err(|message| ImportError::Table {
        where_: name.to_string(),
        message,
    })?;
    order_from_rows(name, &rows, title, columns)
}

/// The order in `rows` (see [`read_order_table`]).
pub fn order_from_rows(
    name: &str,
    rows: &[Vec<String>],
    title: Option<String>,
    columns: Option<&[Role]>,
) -> Result<DelegationDocument, ImportError> {
    let (header_at, roles): (Option<usize>, Vec<Option<Role>>) = match columns {
        Some(c) => {
            let first_is_header = rows.first().is_some_and(|r| {
                !r.iter()
                    .zip(c)
                    .any(|(cell, role)| *role == Role::Number && NUMBER.is_match(cell.trim()))
            });
            (
                first_is_header.then_some(0),
                c.iter().cloned().map(Some).collect(),
            )
        }
        None => {
            let found = rows
                .iter()
                .enumerate()
                .find_map(|(i, r)| header_roles(r).map(|roles| (i, roles)));
            match found {
                Some((i, roles)) => (Some(i), roles),
                None => {
                    let first = rows.iter().find(|r| r.iter().any(|c| !c.trim().is_empty()));
                    return Err(ImportError::Table {
                        where_: name.to_string(),
                        message: match first {
                            Some(r) => format!(
                                "ingen rubrikrad med kolumner för ärende och delegat hittades (första raden: ”{}”); ange kolumnerna med --columns, t.ex. --columns nr,ärende,lagrum,delegat,anmärkning",
                                r.iter().map(|c| squash(c)).collect::<Vec<_>>().join(" | ")
                            ),
                            None => "ingen tabell hittades i filen".to_string(),
                        },
                    });
                }
            }
        }
    };
    let header_row = header_at.and_then(|i| rows.get(i));
    let mut warnings = vec![format!(
        "kolumnerna lästes som: {}",
        roles
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let head = header_row
                    .and_then(|h| h.get(i))
                    .map_or_else(|| format!("kolumn {}", i + 1), |h| squash(h));
                format!(
                    "{head} → {}",
                    r.as_ref()
                        .map_or_else(|| "utelämnas".to_string(), Role::swedish)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    )];
    let abbreviations = BTreeMap::new();
    let mut notes = Notes::default();
    let mut sections: Vec<DelegationSection> = Vec::new();
    let mut section: Option<(String, bool)> = None;
    let mut items = Vec::new();
    let mut without_delegate_or_matter = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(header_at.map_or(0, |h| h + 1)) {
        let line = i + 1;
        let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
        if filled.is_empty() {
            continue;
        }
        if columns.is_none() && header_roles(row).is_some() {
            continue; // the header repeated (a new page or table)
        }
        let get = |want: &dyn Fn(&Role) -> bool| -> Vec<(usize, &str)> {
            roles
                .iter()
                .enumerate()
                .filter(|(_, r)| r.as_ref().is_some_and(want))
                .filter_map(|(k, _)| row.get(k).map(|c| (k, c.trim())))
                .collect()
        };
        let first_of = |want: &dyn Fn(&Role) -> bool| -> String {
            get(want)
                .into_iter()
                .map(|(_, c)| c.to_string())
                .find(|c| !c.is_empty())
                .unwrap_or_default()
        };
        // A heading: one filled cell (a spanning cell may be repeated in each column).
        let distinct: std::collections::BTreeSet<&str> = filled.iter().map(|c| c.trim()).collect();
        let number_cell = first_of(&|r| *r == Role::Number);
        let delegate_cells = first_of(&|r| {
            matches!(
                r,
                Role::Delegate | Role::DelegateWithSubstitutes | Role::Substitute
            )
        });
        // (Also words without a digit alone in the number's column: "EKONOMISK FÖRVALTNING"
        // where a PDF's section row did not reach across the columns.)
        let words_only = !number_cell.is_empty()
            && !number_cell.contains(|c: char| c.is_ascii_digit())
            && number_cell.chars().filter(|c| c.is_alphabetic()).count() >= 4;
        if distinct.len() == 1
            && delegate_cells.is_empty()
            && (number_cell.is_empty() || words_only)
            || distinct.len() == 1
                && HEADING.is_match(filled[0].trim())
                && delegate_cells.is_empty()
        {
            let text = squash(filled[0]);
            let (number, title) = match HEADING.captures(&text) {
                Some(c) => (
                    c.get(1).map_or("", |m| m.as_str()).to_string(),
                    squash(c.get(2).map_or("", |m| m.as_str())),
                ),
                None => (String::new(), text.clone()),
            };
            let utskott_only = title.contains("inte till tjänstem");
            let key = if number.is_empty() {
                title.clone()
            } else {
                number.clone()
            };
            section = Some((key, utskott_only));
            sections.push(DelegationSection {
                number,
                title,
                utskott_only,
            });
            continue;
        }
        let mut matter = first_of(&|r| *r == Role::Matter);
        let mut number = number_cell.trim_end_matches('.').to_string();
        if number.is_empty() {
            if let Some(c) = NUMBERED_TEXT.captures(&matter) {
                number = c.get(1).map_or("", |m| m.as_str()).to_string();
                matter = c.get(2).map_or("", |m| m.as_str()).to_string();
            }
        }
        // Ranks: the delegate column's, then the substitutes'.
        let mut rank_lines: Vec<String> = Vec::new();
        for (_, c) in get(&|r| *r == Role::Delegate) {
            rank_lines.extend(c.lines().map(str::to_string));
        }
        for (_, c) in get(&|r| *r == Role::DelegateWithSubstitutes) {
            for l in c.lines() {
                match TRAILING_PARENS.captures(l) {
                    Some(m) => {
                        rank_lines.push(m.get(1).map_or("", |x| x.as_str()).to_string());
                        rank_lines.push(m.get(2).map_or("", |x| x.as_str()).to_string());
                    }
                    None => rank_lines.push(l.to_string()),
                }
            }
        }
        for (_, c) in get(&|r| *r == Role::Substitute) {
            rank_lines.extend(c.lines().map(str::to_string));
        }
        rank_lines.retain(|l| !l.trim().is_empty());
        let mut extra = BTreeMap::new();
        for (k, r) in roles.iter().enumerate() {
            if let Some(Role::Extra(h)) = r {
                if let Some(c) = row.get(k).map(|c| squash(c)).filter(|c| !c.is_empty()) {
                    extra.insert(h.clone(), c);
                }
            }
        }
        if matter.trim().is_empty() && rank_lines.is_empty() {
            without_delegate_or_matter.push(format!("rad {line}"));
            continue;
        }
        let legal: Vec<String> = get(&|r| *r == Role::Law)
            .into_iter()
            .flat_map(|(_, c)| {
                c.split(['\n', ';'])
                    .map(squash)
                    .filter(|x| !x.is_empty())
                    .collect::<Vec<_>>()
            })
            .collect();
        let remark = get(&|r| *r == Role::Remark)
            .into_iter()
            .map(|(_, c)| squash(c))
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(". ");
        items.push(build_item(
            RowCells {
                number,
                section: section.clone(),
                matter: matter.lines().map(squash).collect::<Vec<_>>().join("\n"),
                legal: legal.join("\n"),
                delegate: rank_lines.join("\n"),
                remark,
                extra,
                marks: RankMarks::Lines,
            },
            &abbreviations,
            &mut notes,
        ));
    }
    if items.is_empty() {
        return Err(ImportError::Table {
            where_: name.to_string(),
            message: "tabellen har en rubrikrad men inga punkter".to_string(),
        });
    }
    if !without_delegate_or_matter.is_empty() {
        warnings.push(format!(
            "rader utan ärende och delegat har hoppats över: {}",
            without_delegate_or_matter.join(", ")
        ));
    }
    let (first, late) = notes.warnings();
    warnings.extend(first);
    warnings.extend(late);
    let title = title
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Delegationsordning".to_string());
    Ok(DelegationDocument {
        body: crate::delegation::body_of_title(&title),
        title,
        case_number: None,
        adopted: None,
        revised: None,
        valid_until: None,
        adopted_by: None,
        rules: Vec::new(),
        abbreviations,
        sections,
        items,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Word's own numbering and bullets, and HTML's lists, become the text the lists reader
    /// reads; a document with a table has none.
    #[test]
    fn lists_that_the_document_numbers() {
        let numbering = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#;
        let p = |num: Option<u8>, t: &str| match num {
            Some(n) => format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{n}"/></w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
            ),
            None => format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"),
        };
        let document = format!(
            r#"<w:document xmlns:w="w"><w:body>{}{}{}{}</w:body></w:document>"#,
            p(None, "Delegat: Socialchef"),
            p(Some(3), "Yttranden &amp; anmälningar"),
            p(Some(4), "till tingsrätten"),
            p(Some(3), "Avgifter"),
        );
        assert_eq!(
            docx_list_text(&document, numbering).as_deref(),
            Some("Delegat: Socialchef\n1. Yttranden & anmälningar\n• till tingsrätten\n2. Avgifter\n")
        );
        let with_table = document.replace("<w:body>", "<w:body><w:tbl></w:tbl>");
        assert_eq!(docx_list_text(&with_table, numbering), None);
        let html = "<h2>Delegat: Socialchef</h2><ol start=\"3\"><li>Yttranden<ul><li>till tingsrätten</li></ul></li><li>Avgifter</li></ol><p>Anmäls till nämnden.</p>";
        assert_eq!(
            html_list_text(html).as_deref(),
            Some("Delegat: Socialchef\n3. Yttranden\n• till tingsrätten\n4. Avgifter\nAnmäls till nämnden.\n")
        );
        assert_eq!(html_list_text("<table><tr><td>x</td></tr></table>"), None);
    }

    /// OpenDocument's lists: numbers by the list style's level, nested lists a level down,
    /// a list going on from the one it names or the one before, an item's own start value;
    /// a paragraph style's list style when the list names none; a document with a table has
    /// none.
    #[test]
    fn lists_that_an_opendocument_numbers() {
        let styles = r#"<office:document-styles xmlns:office="o" xmlns:style="s" xmlns:text="t"><office:styles><style:style style:name="Numrerad" style:list-style-name="L9"/><text:list-style style:name="L9"><text:list-level-style-number text:level="1" style:num-format="a" style:num-suffix=")"/></text:list-style></office:styles></office:document-styles>"#;
        let content = r#"<office:document-content xmlns:office="o" xmlns:style="s" xmlns:text="t" xmlns:xml="x"><office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/><text:list-level-style-bullet text:level="2" text:bullet-char="-"/></text:list-style></office:automatic-styles><office:body><office:text>
<text:h>Delegat: Socialchef</text:h>
<text:list xml:id="a" text:style-name="L1"><text:list-item><text:p>Yttranden &amp; <text:span>anmälningar</text:span></text:p><text:list><text:list-item><text:p>till<text:s/>tingsrätten</text:p></text:list-item></text:list><text:p>Anmäls.</text:p></text:list-item></text:list>
<text:p>Delegat: Enhetschef</text:p>
<text:list text:continue-list="a" text:style-name="L1"><text:list-item><text:p>Avgifter<text:note><text:note-body><text:p>fotnot</text:p></text:note-body></text:note></text:p></text:list-item></text:list>
<text:list text:continue-numbering="true" text:style-name="L1"><text:list-item><text:p>Anstånd</text:p></text:list-item><text:list-item text:start-value="9"><text:p>Nio</text:p></text:list-item></text:list>
<text:list text:style-name="L1"><text:list-item><text:p>Ny lista</text:p></text:list-item></text:list>
<text:list><text:list-item><text:p text:style-name="Numrerad">Första</text:p></text:list-item><text:list-item><text:p text:style-name="Numrerad">Andra</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>"#;
        assert_eq!(
            odt_list_text(content, styles).as_deref(),
            Some("Delegat: Socialchef\n1. Yttranden & anmälningar\n• till tingsrätten\nAnmäls.\nDelegat: Enhetschef\n2. Avgifter\n3. Anstånd\n9. Nio\n1. Ny lista\na) Första\nb) Andra\n")
        );
        let with_table = content.replace(
            "<office:text>",
            "<office:text><table:table xmlns:table=\"tb\"></table:table>",
        );
        assert_eq!(odt_list_text(&with_table, styles), None);
        // Numbers of two levels in one mark (text:display-levels), as Word's "1.1" lists are
        // saved.
        let two = r#"<text:list-style style:name="L"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/><text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="." text:display-levels="2"/></text:list-style><office:body><text:list text:style-name="L"><text:list-item><text:p>Personal</text:p><text:list><text:list-item><text:p>Anställning</text:p></text:list-item><text:list-item><text:p>Ledighet</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>Ekonomi</text:p><text:list><text:list-item><text:p>Attest</text:p></text:list-item></text:list></text:list-item></text:list></office:body>"#;
        assert_eq!(
            odt_list_text(two, "").as_deref(),
            Some("1. Personal\n1.1. Anställning\n1.2. Ledighet\n2. Ekonomi\n2.1. Attest\n")
        );
        assert_eq!(odt_number(28, "a"), "ab");
        assert_eq!(odt_number(14, "I"), "XIV");
        // Numbers at the end of their range stay there.
        let last = r#"<text:list-style style:name="L"><text:list-level-style-number text:level="1" style:num-format="i"/></text:list-style><office:body><text:list text:style-name="L"><text:list-item text:start-value="4294967295"><text:p>a</text:p></text:list-item><text:list-item><text:p>b</text:p></text:list-item></text:list></office:body>"#;
        assert_eq!(
            odt_list_text(last, "").as_deref(),
            Some("4294967295 a\n4294967295 b\n")
        );
        assert_eq!(
            html_list_text(r#"<ol start="4294967295"><li>a</li><li>b</li></ol>"#).as_deref(),
            Some("4294967295. a\n4294967295. b\n")
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, ..Default::default() })]

        /// No markup makes a list reader panic: lists nested, closed out of order, going on
        /// from lists that are not there, numbered from any value, in any style.
        #[test]
        fn no_markup_makes_a_list_reader_panic(pieces in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("<office:body>".to_string()),
                proptest::strategy::Just("</office:body>".to_string()),
                "<text:list( xml:id=\"[ab]\")?( text:style-name=\"L[0-2]\")?( text:continue-list=\"[abc]\")?( text:continue-numbering=\"true\")?>",
                proptest::strategy::Just("</text:list>".to_string()),
                "<text:list-item( text:start-value=\"[0-9]{1,10}\")?>",
                proptest::strategy::Just("</text:list-item>".to_string()),
                proptest::strategy::Just("<text:list-header>".to_string()),
                "<text:(p|h)( text:style-name=\"P[0-2]\")?>",
                "</text:(p|h)>",
                "<text:s( text:c=\"[0-9]{1,12}\")?/>",
                "<text:list-style style:name=\"L[0-2]\">",
                "<text:list-level-style-(number|bullet) text:level=\"[0-9]{1,3}\"( style:num-format=\"[1aAiIx]?\")?( text:start-value=\"[0-9]{1,10}\")?( text:display-levels=\"[0-9]{1,3}\")?/>",
                "<style:style style:name=\"P[0-2]\" style:list-style-name=\"L[0-2]\"/>",
                "<(/?)(text:note|w:p|w:t|w:tbl|ol|ul|li|p|table)>",
                "<w:(numId|ilvl) w:val=\"[0-9]{1,3}\"/>",
                "<ol start=\"[0-9-]{1,10}\">",
                "[A-Za-zåäö0-9 .&;#]{0,8}",
            ],
            0..60,
        )) {
            let markup = pieces.concat();
            let _ = odt_list_text(&markup, &markup);
            let _ = docx_list_text(&markup, &markup);
            let _ = html_list_text(&markup);
        }
    }
}
