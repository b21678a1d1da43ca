//! Renders each document from seed-like fixtures and checks the text of the PDF with
//! `pdftotext -layout` (Debian package poppler-utils). When pdftotext is not installed the
//! text checks are skipped with a message on stderr; the PDFs are still rendered.

mod support;

use std::path::PathBuf;
use std::process::Command;

use paragraf_render::doc::{Cell, Table, TableRow};
use paragraf_render::{extract_pdf, notice_pdf, posting_pdf, protocol_pdf, RenderError};
use support::*;

fn assert_pdf(pdf: &[u8]) {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    assert!(pdf.len() > 1000, "suspiciously small PDF");
}

/// A folder of this call's own (tests run in parallel), removed by the caller.
fn scratch_dir() -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("paragraf-render-test-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// The text of `pdf` from `pdftotext -layout`, with whitespace (incl. no-break spaces)
/// collapsed to single spaces; `None` (and a message) when pdftotext is missing.
fn pdf_text(pdf: &[u8], name: &str) -> Option<String> {
    let dir = scratch_dir();
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).expect("write pdf");
    let out = match Command::new("pdftotext")
        .arg("-layout")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
    {
        Ok(o) => {
            // Leave nothing behind.
            let _ = std::fs::remove_dir_all(&dir);
            o
        }
        Err(e) => {
            eprintln!(
                "SKIPPED text checks for {name}: pdftotext not runnable ({e}); \
                 install it with `apt-get install -y poppler-utils`"
            );
            return None;
        }
    };
    assert!(out.status.success(), "pdftotext failed: {:?}", out);
    let raw = String::from_utf8(out.stdout).expect("pdftotext gives UTF-8");
    Some(raw.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Asserts that every needle occurs in `text`, in this order.
#[track_caller]
fn assert_in_order(text: &str, needles: &[&str]) {
    let mut pos = 0;
    for n in needles {
        let n_norm = n.replace('\u{a0}', " ");
        match text[pos..].find(&n_norm) {
            Some(i) => pos += i + n_norm.len(),
            None => {
                let ctx_end = (pos + 400).min(text.len());
                let mut end = ctx_end;
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                panic!(
                    "expected {n_norm:?} after byte {pos}; text from there: {:?}",
                    &text[pos..end]
                );
            }
        }
    }
}

/// Finds Swedish personnummer-shaped strings: 6 or 8 digits, '-' or '+', 4 digits.
fn find_personnummer(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for i in 0..chars.len() {
        if i > 0 && chars[i - 1].is_ascii_digit() {
            continue;
        }
        let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits != 6 && digits != 8 {
            continue;
        }
        let j = i + digits;
        if j + 5 > chars.len() || !matches!(chars[j], '-' | '+') {
            continue;
        }
        let tail = &chars[j + 1..j + 5];
        let after_ok = chars.get(j + 5).is_none_or(|c| !c.is_ascii_digit());
        if tail.iter().all(|c| c.is_ascii_digit()) && after_ok {
            found.push(chars[i..j + 5].iter().collect());
        }
    }
    found
}

#[test]
fn personnummer_finder_works() {
    assert_eq!(
        find_personnummer("pnr 19791231-2389 x"),
        vec!["19791231-2389"]
    );
    assert_eq!(find_personnummer("791231+2389"), vec!["791231+2389"]);
    assert!(find_personnummer("KS/2025:26 2025-09-01 437 569").is_empty());
}

#[test]
fn protocol_full_version() {
    let pdf = protocol_pdf(&protocol_000()).expect("render protocol");
    assert_pdf(&pdf);
    let Some(text) = pdf_text(&pdf, "protocol-full") else {
        return;
    };
    assert_in_order(
        &text,
        &[
            "Hagfors kommun",
            "Sida 1 (",
            "Protokoll",
            "Individ- och omsorgsutskottet",
            "Plats och tid",
            "Sammanträdesrummet, stadshuset, måndagen den 1 september 2025 kl. 13:15–17:00",
            "Beslutande",
            "Thony Liljemark (OR), ordförande",
            "Pernilla Boström (S)",
            "Eva Liljemark (OR), tjänstgörande ersättare för Annika Hagberg (OR)",
            "Ej tjänstgörande ersättare",
            "Niklas Dahlin (S)",
            "Övriga närvarande",
            "Carina Stålhandske, gruppledare, §§ 100–113",
            "Utses att justera",
            "Pernilla Boström",
            "Justeringens plats och tid",
            "Digital signering 2025-09-03",
            "Underskrifter",
            "Sekreterare",
            "Eva Pettersson",
            "Paragrafer",
            "§§ 114–120",
            "Ordförande",
            "Thony Liljemark",
            "Justerande",
            "Pernilla Boström",
            "ANSLAG/BEVIS",
            "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
            "Organ",
            "Individ- och omsorgsutskottet",
            "Sammanträdesdatum",
            "2025-09-01",
            "Datum då anslaget sätts upp",
            "2025-09-08",
            "Datum då anslaget tas ned",
            "2025-09-30",
            "Förvaringsplats för protokollet",
            "Administrativa enheten",
            "Ärendelista",
            "§ 114",
            "Information från verksamheten",
            "§ 115",
            "§ 118",
            "Ansökan om kontaktfamilj",
            "Sida 3 (",
            "§ 114",
            "Information från verksamheten",
            "Sommaren 2025 – bemanning mm",
            "§ 115",
            "Verksamhets- och budgetuppföljning januari–juli 2025",
            "Dnr KS/2025:26",
            "Ekonomiskt resultat",
            "Verksamheter, tusental kronor",
            "Utskott 291 324 497 497",
            "Vård och omsorg i ordinärt boende 62 786 59 267 111 506 111 506",
            "LSS och socialpsykiatri 45 263 50 121 78 678 79 251",
            "-varav personlig assistans 17 500 22 111 29 237 28 272",
            "-varav boende egen regi",
            "-varav ensamkommande 212 −206 0 0",
            "Totalt individ och omsorgsutskott 251 726 256 127 437 569 444 659",
            "Förslag till beslut",
            "Beslut",
            "att godkänna verksamhets- och budgetuppföljningen",
            "att uppdra till förvaltningen",
            "Beslutsunderlag",
            "Socialchef Maria Perssons skrivelse",
            "Beslutet skickas till",
            "Maria Persson, socialchef",
            "§ 118",
            SECRET_TEXT,
            SECRET_PNR,
            "§ 119",
            "Yrkanden",
            "Propositionsordning",
            "Omröstning",
            "Ja-röst för att avgöra ärendet i dag, nej-röst för att återremittera ärendet.",
            "Ledamot",
            "Ja",
            "Nej",
            "Avstår",
            "Thony Liljemark (OR) X",
            "Pernilla Boström (S) X",
            "Summa 2 2 1",
            "Jäv",
            "Tommy Jansson (OR) anmäler jäv (delikatessjäv) och deltar inte i handläggningen av ärendet.",
            "Beslut",
            "Reservationer",
            "Protokollsanteckningar",
            "Paragrafen förklaras omedelbart justerad.",
            "§ 120",
            "Individ- och omsorgsutskottet godkänner redovisade anmälningsärenden.",
            "Justering och försegling",
            "Thony Liljemark ordförande 2025-09-03 09:10:47 +02:00 Svensk e-legitimation",
            "Protokollet är justerat och förseglat.",
            "SHA256:4kq9X2mZ7vB1nR8tYw3pL6cH0dF5gJ2sA9eK7uQ1xVo",
        ],
    );
    assert!(text.contains("Justerandes sign"));
    assert!(text.contains("Utdragsbestyrkande"));
    assert!(!text.contains("offentlig version"));
}

#[test]
fn protocol_public_version_hides_secret_paragraph() {
    let pdf = protocol_pdf(&protocol_000_public()).expect("render public protocol");
    assert_pdf(&pdf);
    let Some(text) = pdf_text(&pdf, "protocol-public") else {
        return;
    };
    assert_in_order(
        &text,
        &[
            "Protokoll – offentlig version",
            "Vissa uppgifter har tagits bort enligt OSL 26 kap. 1 §",
            "ANSLAG/BEVIS",
            "§ 115",
            "437 569",
            "§ 118",
            "Ansökan om kontaktfamilj",
            "Dnr IFO/2025:412",
            "Ärendet omfattas av sekretess enligt 26 kap. 1 §",
            "§ 119",
        ],
    );
    assert!(!text.contains(SECRET_TEXT), "secret text leaked");
    assert!(!text.contains(SECRET_PNR), "personnummer leaked");
    assert!(
        find_personnummer(&text).is_empty(),
        "personnummer-like strings: {:?}",
        find_personnummer(&text)
    );
    assert!(
        !text.contains("bevilja kontaktfamilj"),
        "secret decision leaked"
    );
}

#[test]
fn protocol_without_posting_dates_leaves_blanks() {
    let mut d = protocol_000();
    d.posting.posted = None;
    d.posting.removed = None;
    d.approvals.clear();
    d.seal = None;
    let pdf = protocol_pdf(&d).expect("render");
    let Some(text) = pdf_text(&pdf, "protocol-unposted") else {
        return;
    };
    assert_in_order(
        &text,
        &[
            "Datum då anslaget sätts upp",
            "Datum då anslaget tas ned",
            "Förvaringsplats",
        ],
    );
    assert!(!text.contains("2025-09-08"));
    assert!(!text.contains("Justering och försegling"));
}

#[test]
fn notice_renders_time_slots_and_agenda() {
    let pdf = notice_pdf(&notice_002()).expect("render notice");
    assert_pdf(&pdf);
    let Some(text) = pdf_text(&pdf, "notice") else {
        return;
    };
    assert_in_order(
        &text,
        &[
            "Mönsterås kommun",
            "Kallelse",
            "2024-04-26",
            "Sida 1 (1)",
            "Socialnämnden kallas härmed till sammanträde",
            "fredagen den 26 april 2024 kl. 08:15–11:00 i Sessionssalen, Nämndhuset",
            "Hålltider för sammanträdet",
            "08:15–08:35 Budgetuppföljning 2024 – Marion Wiberg och Anneli Lidén Halvarsson",
            "09:45–10:00 Fika",
            "Föredragningslista",
            "1. Val av justerare",
            "4. Budgetuppföljning 2024 SN 2024/12",
            "6. Överklagande av beslut om bistånd (sekretess)",
            "Förhinder anmäls",
            "Krister Mc Carthy",
            "ordförande",
        ],
    );
}

#[test]
fn extract_has_certification() {
    let pdf = extract_pdf(&extract_115()).expect("render extract");
    assert_pdf(&pdf);
    let Some(text) = pdf_text(&pdf, "extract") else {
        return;
    };
    assert_in_order(
        &text,
        &[
            "Protokollsutdrag",
            "Sida 1 (",
            "Organ",
            "Individ- och omsorgsutskottet",
            "Sammanträdesdatum",
            "2025-09-01",
            "Justerat",
            "2025-09-03",
            "§ 115",
            "Verksamhets- och budgetuppföljning januari–juli 2025",
            "Dnr KS/2025:26",
            "437 569",
            "Beslutet skickas till",
            "Utdragsbestyrkande",
            "Utdraget överensstämmer med originalprotokollet, § 115",
            "Datum: 2025-09-04",
            "Eva Pettersson, sekreterare",
        ],
    );
    assert!(!text.contains("§ 114"));
}

#[test]
fn posting_has_appeal_information() {
    let pdf = posting_pdf(&posting_000()).expect("render posting");
    assert_pdf(&pdf);
    let Some(text) = pdf_text(&pdf, "posting") else {
        return;
    };
    assert_in_order(
        &text,
        &[
            "Anslag/bevis",
            "Protokollet från sammanträdet 1 september 2025, §§ 114–120, är justerat.",
            "Organ",
            "Individ- och omsorgsutskottet",
            "Sammanträdesdatum",
            "2025-09-01",
            "Datum för justering",
            "2025-09-03",
            "Datum då anslaget sätts upp",
            "2025-09-08",
            "Datum då anslaget tas ned",
            "2025-09-30",
            "Sista dag för överklagande",
            "2025-09-29",
            "Förvaringsplats för protokollet",
            "Administrativa enheten",
            "Hur man överklagar – laglighetsprövning",
            "Den som vill överklaga",
            "laglighetsprövning enligt 13 kap. kommunallagen (2017:725)",
            "Förvaltningsrätten i Karlstad inom tre veckor från den dag då anslaget sattes upp",
            "måndagen den 29 september 2025 (13 kap. 5 § kommunallagen)",
        ],
    );
}

#[test]
fn rendering_is_deterministic() {
    let a = protocol_pdf(&protocol_000()).expect("render");
    let b = protocol_pdf(&protocol_000()).expect("render");
    assert!(a == b, "two renderings of the same protocol differ");
}

#[test]
fn invalid_table_is_an_error_not_a_panic() {
    let mut d = protocol_000();
    d.paragraphs[1].tables.push(Table {
        title: Some("Trasig".into()),
        header: vec!["Rad".into(), "Värde".into()],
        rows: vec![TableRow {
            label: "x".into(),
            values: vec![Cell::Number(1.0), Cell::Number(2.0)],
            ..Default::default()
        }],
        ..Default::default()
    });
    match protocol_pdf(&d) {
        Err(RenderError::Invalid(msg)) => assert!(msg.contains("Trasig"), "{msg}"),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn markup_in_user_text_is_not_interpreted() {
    let mut d = protocol_000();
    d.paragraphs[0].title = "#panic(\"x\") *fet* $x^2$ <etikett> @ref [länk] // kommentar".into();
    d.paragraphs[0].text = "= Rubrik?\n\n#let a = 1\n\\ backslash _under_ `kod`".into();
    let pdf = protocol_pdf(&d).expect("markup characters are plain text");
    let Some(text) = pdf_text(&pdf, "markup") else {
        return;
    };
    assert_in_order(
        &text,
        &[
            "#panic(\"x\") *fet* $x^2$ <etikett> @ref [länk] // kommentar",
            "= Rubrik?",
            "#let a = 1",
            "\\ backslash _under_ `kod`",
        ],
    );
}

#[test]
fn view_models_round_trip_through_json() {
    let d = protocol_000_public();
    let json = serde_json::to_string(&d).expect("serialize");
    let back: paragraf_render::doc::ProtocolDoc = serde_json::from_str(&json).expect("parse");
    assert_eq!(d, back);
    assert!(json.contains("\"choice\":\"avstår\""));
    assert!(json.contains("\"time\":\"2025-09-03T09:10:47+02:00\""));
    let n = notice_002();
    let back: paragraf_render::doc::NoticeDoc =
        serde_json::from_str(&serde_json::to_string(&n).expect("serialize")).expect("parse");
    assert_eq!(n, back);
}

#[test]
fn a_report_with_a_table_and_a_chart() {
    use paragraf_render::report::{ReportDoc, ReportSection, ReportTable};
    let table = ReportTable {
        title: "Beslut per insats".into(),
        header: vec!["Beslut om".into(), "Antal".into()],
        rows: vec![vec!["LSS – kontaktperson".into(), "12".into()]],
        numeric: vec![false, true],
        ..ReportTable::default()
    };
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect x="10" y="10" width="80" height="50" fill="blue"/></svg>"#;
    let mut doc = ReportDoc {
        municipality: "Ludvika kommun".into(),
        body: "Vård- och omsorgsnämnden".into(),
        kind: "Rapport".into(),
        date: "2024-01-08".parse().unwrap(),
        title: "Statistikrapport".into(),
        subtitle: Some("Ej verkställda beslut".into()),
        facts: vec![("Dnr".into(), "2023/2".into())],
        sections: vec![ReportSection {
            heading: "Bilaga".into(),
            text: "Första stycket.\n\n- en punkt".into(),
            tables: vec![table.clone()],
            charts: vec![svg.into()],
            new_page: false,
        }],
        landscape: false,
    };
    let pdf = paragraf_render::report_pdf(&doc).expect("render");
    assert_pdf(&pdf);
    if let Some(text) = pdf_text(&pdf, "report") {
        assert_in_order(
            &text,
            &[
                "Statistikrapport",
                "Dnr 2023/2",
                "Bilaga",
                "Första stycket.",
                "LSS – kontaktperson 12",
            ],
        );
    }
    // A row as long as the header, an SVG chart, and a flex column that exists.
    let mut bad = table.clone();
    bad.rows.push(vec!["bara en cell".into()]);
    doc.sections[0].tables = vec![bad];
    let e = paragraf_render::report_pdf(&doc).unwrap_err().to_string();
    assert!(e.contains("rad 2") && e.contains("1 celler"), "{e}");
    doc.sections[0].tables = vec![ReportTable {
        flex_column: Some(5),
        ..table
    }];
    assert!(paragraf_render::report_pdf(&doc).is_err());
    doc.sections[0].tables = vec![];
    doc.sections[0].charts = vec!["<html>".into()];
    let e = paragraf_render::report_pdf(&doc).unwrap_err().to_string();
    assert!(e.contains("inte SVG"), "{e}");
}

/// The XMP metadata packet of `pdf` (typst writes it uncompressed, as PDF/A asks).
fn xmp(pdf: &[u8]) -> String {
    let text = String::from_utf8_lossy(pdf);
    let start = text.find("<x:xmpmeta").expect("an XMP packet");
    let end = text[start..]
        .find("</x:xmpmeta>")
        .expect("the XMP packet ends")
        + start;
    text[start..end].to_string()
}

#[test]
fn every_document_is_pdf_a_2b_with_title_and_language() {
    let docs = [
        ("protokoll", protocol_pdf(&protocol_000()).expect("render")),
        ("kallelse", notice_pdf(&notice_002()).expect("render")),
        ("utdrag", extract_pdf(&extract_115()).expect("render")),
        ("anslag", posting_pdf(&posting_000()).expect("render")),
    ];
    for (name, pdf) in &docs {
        let meta = xmp(pdf);
        for needle in [
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>B</pdfaid:conformance>",
            "<dc:title>",
            "sv",
        ] {
            assert!(meta.contains(needle), "{name}: XMP lacks {needle}: {meta}");
        }
        let raw = String::from_utf8_lossy(pdf);
        // Tagged (logical structure) and an output intent, as PDF/A-2 needs for colour.
        assert!(raw.contains("/StructTreeRoot"), "{name} is not tagged");
        assert!(
            raw.contains("/OutputIntents"),
            "{name} has no output intent"
        );
        // Every font embedded: poppler's pdffonts lists "emb" yes for each.
        let dir = scratch_dir();
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, pdf).expect("write");
        match Command::new("pdffonts").arg(&path).output() {
            Ok(out) => {
                let listing = String::from_utf8_lossy(&out.stdout);
                let fonts: Vec<&str> = listing.lines().skip(2).collect();
                assert!(!fonts.is_empty(), "{name}: no fonts listed");
                for line in fonts {
                    let cols: Vec<&str> = line.split_whitespace().collect();
                    let n = cols.len();
                    // name type [encoding…] emb sub uni object ID
                    assert_eq!(cols[n - 5], "yes", "{name}: a font is not embedded: {line}");
                }
            }
            Err(e) => eprintln!("SKIPPED font check for {name}: pdffonts not runnable ({e})"),
        }
        // poppler reads it without a complaint (it once reported every file's MarkInfo).
        if let Ok(out) = Command::new("pdfinfo").arg(&path).output() {
            let said = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() && said.trim().is_empty(),
                "{name}: pdfinfo: {said}"
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
