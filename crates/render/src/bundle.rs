//! Kallelse med handlingar: several PDFs joined into one reading copy with bookmarks (an
//! outline) — the kallelse, then each item's handlingar under the item. lopdf reads the
//! parts and writes the whole; nothing here writes PDF syntax. The copy is for reading: the
//! parts' own signatures do not survive joining (each part is served signed on its own).

use lopdf::{Bookmark, Dictionary, Document, Object, ObjectId};

use crate::RenderError;

/// One PDF to join, with the bookmarks that lead to its first page.
#[derive(Debug, Clone)]
pub struct Part {
    /// Bookmarks, in order, as (level, title): level 0 is the top; 1 goes under the last
    /// top-level bookmark.
    pub marks: Vec<(u8, String)>,
    /// The PDF.
    pub bytes: Vec<u8>,
}

fn bad(what: &str, e: impl std::fmt::Display) -> RenderError {
    RenderError::Pdf(format!("{what}: {e}"))
}

/// The page attribute `key` of `page`, from the page or the nearest parent that has it.
fn inherited(doc: &Document, page: ObjectId, key: &[u8]) -> Option<Object> {
    let mut at = page;
    for _ in 0..64 {
        let node = doc.get_dictionary(at).ok()?;
        if let Ok(v) = node.get(key) {
            if !matches!(doc.dereference(v), Ok((_, Object::Null)) | Err(_)) {
                return Some(v.clone());
            }
        }
        at = node.get(b"Parent").ok()?.as_reference().ok()?;
    }
    None
}

/// Whether `bytes` is a PDF that can be joined (lopdf reads it and it has pages).
pub fn joinable(bytes: &[u8]) -> bool {
    Document::load_mem(bytes).is_ok_and(|d| !d.get_pages().is_empty())
}

/// Joins `parts` in order into one PDF titled `title`, with a bookmark per titled part.
pub fn join(title: &str, parts: &[Part]) -> Result<Vec<u8>, RenderError> {
    let mut out = Document::with_version("1.7");
    let pages_id = out.new_object_id();
    let mut kids: Vec<Object> = Vec::new();
    let mut top: Option<u32> = None;
    for (n, part) in parts.iter().enumerate() {
        let mut doc =
            Document::load_mem(&part.bytes).map_err(|e| bad(&format!("del {}", n + 1), e))?;
        // Each page keeps what it inherited from its old page tree.
        for page in doc.get_pages().into_values() {
            let mut dict = doc
                .get_dictionary(page)
                .map_err(|e| bad("sida", e))?
                .clone();
            for key in ["MediaBox", "CropBox", "Resources", "Rotate"] {
                if let Some(v) = inherited(&doc, page, key.as_bytes()) {
                    dict.set(key, v);
                }
            }
            if !dict.has(b"MediaBox") {
                return Err(bad(&format!("del {}", n + 1), "en sida saknar storlek"));
            }
            doc.objects.insert(page, Object::Dictionary(dict));
        }
        doc.renumber_objects_with(out.max_id + 1);
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        let Some(first) = pages.first().copied() else {
            continue;
        };
        for (id, object) in std::mem::take(&mut doc.objects) {
            let keep = match object.type_name().unwrap_or(b"") {
                b"Catalog" | b"Pages" | b"Outlines" | b"Outline" => false,
                b"Page" => {
                    let mut d = object.as_dict().map_err(|e| bad("sida", e))?.clone();
                    d.set("Parent", pages_id);
                    out.objects.insert(id, Object::Dictionary(d));
                    false
                }
                _ => true,
            };
            if keep {
                out.objects.insert(id, object);
            }
        }
        out.max_id = out.max_id.max(doc.max_id);
        kids.extend(pages.iter().map(|p| Object::Reference(*p)));
        for (level, t) in &part.marks {
            let mark = Bookmark::new(t.clone(), [0.0, 0.0, 0.0], 0, first);
            if *level == 0 || top.is_none() {
                top = Some(out.add_bookmark(mark, None));
            } else {
                out.add_bookmark(mark, top);
            }
        }
    }
    if kids.is_empty() {
        return Err(RenderError::Invalid("inga sidor att foga samman".into()));
    }
    let count = kids.len() as i64;
    let mut pages = Dictionary::new();
    pages.set("Type", "Pages");
    pages.set("Kids", kids);
    pages.set("Count", count);
    out.objects.insert(pages_id, Object::Dictionary(pages));
    let mut catalog = Dictionary::new();
    catalog.set("Type", "Catalog");
    catalog.set("Pages", pages_id);
    catalog.set("PageMode", "UseOutlines");
    let catalog_id = out.add_object(Object::Dictionary(catalog));
    out.trailer.set("Root", catalog_id);
    let mut info = Dictionary::new();
    info.set("Title", Object::string_literal(title));
    let info_id = out.add_object(Object::Dictionary(info));
    out.trailer.set("Info", info_id);
    if let Some(outline) = out.build_outline() {
        out.catalog_mut()
            .map_err(|e| bad("katalog", e))?
            .set("Outlines", Object::Reference(outline));
    }
    let mut bytes = Vec::new();
    out.save_to(&mut bytes).map_err(|e| bad("skriva", e))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(title: &str) -> Vec<u8> {
        crate::report_pdf(&crate::report::ReportDoc {
            municipality: "Demoby kommun".into(),
            body: "Socialnämnden".into(),
            kind: "Rapport".into(),
            title: title.into(),
            subtitle: None,
            facts: vec![],
            date: "2026-11-20".parse().unwrap(),
            sections: vec![],
            landscape: false,
        })
        .unwrap()
    }

    #[test]
    fn parts_are_joined_in_order_with_their_bookmarks() {
        let part = |marks: &[(u8, &str)], title: &str| Part {
            marks: marks.iter().map(|(l, t)| (*l, t.to_string())).collect(),
            bytes: report(title),
        };
        let parts = vec![
            part(&[(0, "Kallelse")], "Kallelsen"),
            part(
                &[(0, "Punkt 1. Budget"), (1, "Handling 6: Tjänsteskrivelse")],
                "Tjänsteskrivelsen",
            ),
            part(&[(1, "Handling 7: Bilaga")], "Bilagan"),
        ];
        let joined = join("Kallelse med handlingar", &parts).unwrap();
        let doc = Document::load_mem(&joined).unwrap();
        assert_eq!(doc.get_pages().len(), 3);
        let toc = doc.get_toc().unwrap();
        let marks: Vec<(String, usize, u32)> = toc
            .toc
            .iter()
            .map(|t| (t.title.clone(), t.level, t.page as u32))
            .collect();
        assert_eq!(
            marks,
            vec![
                ("Kallelse".to_string(), 1, 1),
                ("Punkt 1. Budget".to_string(), 1, 2),
                ("Handling 6: Tjänsteskrivelse".to_string(), 2, 2),
                ("Handling 7: Bilaga".to_string(), 2, 3),
            ]
        );
        assert!(join("x", &[]).is_err());
        let broken = Part {
            marks: vec![],
            bytes: b"%PDF-1.4 trasig".to_vec(),
        };
        assert!(!joinable(&broken.bytes));
        assert!(joinable(&parts[0].bytes));
        assert!(join("x", &[broken]).is_err());
    }
}
