//! Further layouts, written by hand in `tests/inputs/`: members one per line
//! with "ers. för" / "tgj ers för", "SN § 13" headings, "Dnr" on the heading
//! line, att-clauses without a *Beslut* label, "Expedieras till:" inline, an
//! ärendelista before the cover page, a tab-table cover with "ersätter", and
//! a § without a heading of its own; and held-out texts of the corpus whose layout needs a
//! test of its own.

use paragraf_import::{parse_protocol, Attendance, Protocol};

fn input(name: &str) -> Protocol {
    let path = format!("{}/tests/inputs/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("input");
    parse_protocol(&text).expect("parses")
}

#[test]
fn members_one_per_line_and_sn_headings() {
    let p = input("beslutande_per_rad.txt");
    assert_eq!(p.body.as_deref(), Some("Socialnämnden"));
    assert_eq!(p.date.as_deref(), Some("2024-03-04"));
    assert_eq!(p.place.as_deref(), Some("Kommunhuset, sal Älven"));
    assert_eq!(
        (p.start_time.as_deref(), p.end_time.as_deref()),
        (Some("13:00"), Some("15:30"))
    );
    let find = |n: &str| {
        p.attendees
            .iter()
            .find(|a| a.name == n)
            .unwrap_or_else(|| panic!("{n} saknas: {:?}", p.attendees))
    };
    assert_eq!(find("Anna Berg").position.as_deref(), Some("ordförande"));
    assert_eq!(find("Per Ek").position.as_deref(), Some("vice ordförande"));
    assert_eq!(find("Lisa Ny").substitute_for.as_deref(), Some("Olle Gran"));
    assert_eq!(find("Karin Lund").substitute_for.as_deref(), Some("Bo Ek"));
    assert_eq!(find("Karin Lund").attendance, Attendance::Deciding);
    assert_eq!(find("Mats Holm").party.as_deref(), Some("SD"));
    assert_eq!(find("Sara Falk").attendance, Attendance::Substitute);
    assert_eq!(find("Eva Sten").paragraphs.as_deref(), Some("ej § 13"));
    assert_eq!(find("Eva Sten").title.as_deref(), Some("socialchef"));
    assert!(p
        .attendees
        .iter()
        .all(|a| a.name != "Olle Gran" && a.name != "Bo Ek"));
    assert_eq!(p.chair.as_deref(), Some("Anna Berg"));
    assert_eq!(p.secretary.as_deref(), Some("Jon Ås"));
    assert_eq!(p.adjusters, ["Per Ek"]);
    assert_eq!(p.adjustment.date.as_deref(), Some("2024-03-07"));
    assert_eq!(p.adjustment.place.as_deref(), Some("Kommunhuset"));
    assert_eq!(p.paragraph_range.as_deref(), Some("12-14"));

    let nums: Vec<u32> = p.paragraphs.iter().map(|q| q.number.unwrap_or(0)).collect();
    assert_eq!(nums, [12, 13, 14]);
    let p12 = &p.paragraphs[0];
    assert_eq!(p12.title, "Val av justerare");
    assert_eq!(
        p12.decision.as_deref(),
        Some("Socialnämnden beslutar\natt utse Per Ek att justera dagens protokoll.")
    );
    let p13 = &p.paragraphs[1];
    assert_eq!(p13.case_number.as_deref(), Some("SN 2024/17"));
    assert_eq!(p13.title, "Rapport om ej verkställda beslut");
    assert_eq!(
        p13.decision.as_deref(),
        Some("Socialnämnden godkänner rapporten och lägger den till handlingarna.")
    );
    assert_eq!(p13.send_to, ["Kommunfullmäktige"]);
    assert_eq!(p13.tables.len(), 1);
    assert_eq!(p13.tables[0].rows[0].values, [Some(12.0), Some(9.0)]);
    assert!(
        !p13.text.contains("Utdragsbestyrkande") && !p13.text.contains("Sida 2"),
        "{}",
        p13.text
    );
    assert!(p.paragraphs[2].closed);
}

#[test]
fn agenda_before_cover_and_missing_heading() {
    let p = input("agenda_forst.txt");
    assert_eq!(p.body.as_deref(), Some("Kommunstyrelsens arbetsutskott"));
    assert_eq!(p.date.as_deref(), Some("2024-04-08"));
    assert_eq!(p.place.as_deref(), Some("Stadshuset"));
    let nums: Vec<u32> = p.paragraphs.iter().map(|q| q.number.unwrap_or(0)).collect();
    assert_eq!(nums, [40, 41, 42]);
    let p41 = &p.paragraphs[1];
    assert_eq!(p41.title, "Motion om cykelvägar");
    assert_eq!(p41.case_number.as_deref(), Some("KS 2024/30"));
    assert_eq!(
        p41.proposal.as_deref(),
        Some("Kommunfullmäktige avslår motionen.")
    );
    assert!(p41
        .decision
        .as_deref()
        .is_some_and(|d| d.starts_with("Arbetsutskottet föreslår")));
    assert_eq!(p.paragraphs[0].send_to, ["Ekonomiavdelningen"]);
    assert_eq!(p.paragraphs[2].title, "Meddelanden");
    let mona = p
        .attendees
        .iter()
        .find(|a| a.name == "Mona Lind")
        .expect("Mona Lind");
    assert_eq!(mona.substitute_for.as_deref(), Some("Lars Lind"));
    let ulla = p
        .attendees
        .iter()
        .find(|a| a.name == "Ulla Strand")
        .expect("Ulla Strand");
    assert_eq!(ulla.position.as_deref(), Some("ordförande"));
    assert_eq!(p.chair.as_deref(), Some("Ulla Strand"));
    assert_eq!(p.adjusters, ["Kent Åberg"]);
    assert_eq!(p.adjustment.date.as_deref(), Some("2024-04-10"));
}

/// A real PDF through poppler: seed 004 as rendered by Paragraf (22 pages) reads back with
/// all 19 §§, its times and signers. Skipped with a note where pdftotext is missing; the
/// test command installs poppler-utils, so CI always runs it.
#[test]
fn a_pdf_reads_through_pdftotext() {
    let path = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/pdf/protokoll-004-rendered.pdf"
    ));
    let text = match paragraf_import::read_file(path) {
        Ok(t) => t,
        Err(paragraf_import::ImportError::PdftotextMissing) => {
            eprintln!("pdftotext saknas (poppler-utils): PDF-läsningen kontrolleras inte");
            return;
        }
        Err(e) => panic!("{e}"),
    };
    let p = parse_protocol(&text).expect("parses");
    assert_eq!(p.body.as_deref(), Some("Vård- och omsorgsnämnden"));
    assert_eq!(p.date.as_deref(), Some("2024-01-29"));
    assert_eq!(
        (p.start_time.as_deref(), p.end_time.as_deref()),
        (Some("14:00"), Some("16:15"))
    );
    let numbers: Vec<u32> = p.paragraphs.iter().map(|x| x.number.unwrap_or(0)).collect();
    assert_eq!(numbers, (1..=19).collect::<Vec<_>>());
    assert_eq!(p.chair.as_deref(), Some("Åsa Bergkvist"));
    assert_eq!(p.adjusters, ["Bert Broman"]);
    let p10 = p
        .paragraphs
        .iter()
        .find(|x| x.number == Some(10))
        .expect("§ 10");
    assert_eq!(p10.case_number.as_deref(), Some("2023/227"));
}

/// Seed 004 saved as a Word and an OpenDocument document (LibreOffice made them of the seed's
/// text, its tab-parted rows as tables: `tests/fixtures/office/make_office.sh`) reads as the
/// text does, every field.
#[test]
fn a_word_or_opendocument_protocol_reads_as_its_text() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let seed = std::fs::read_to_string(format!("{root}/004_781e15fbb2993ffb.txt")).expect("seed");
    let from_text = parse_protocol(&seed).expect("parses");
    for name in ["protokoll-004.docx", "protokoll-004.odt"] {
        let path = std::path::PathBuf::from(format!("{root}/office/{name}"));
        let text = paragraf_import::read_file(&path).expect(name);
        let p = parse_protocol(&text).expect(name);
        assert_eq!(p.paragraphs.len(), 19, "{name}");
        // (Every field but the line each § begins on: the document has no blank lines
        // of the text's pages.)
        let fields = |p: &Protocol| {
            let mut v = serde_json::to_value(p).expect("json");
            for x in v["paragraphs"].as_array_mut().expect("§§") {
                x["line"] = serde_json::Value::Null;
            }
            v
        };
        let (a, b) = (fields(&p), fields(&from_text));
        for (k, v) in a.as_object().expect("object") {
            assert_eq!(Some(v), b.get(k), "{name}: {k}");
        }
        assert_eq!(a, b, "{name}");
    }
}

/// A protocol whose text gives no date is read, not refused: the date is missing, and
/// `missing` says so.
#[test]
fn a_protocol_without_a_date_is_read_with_the_date_missing() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/undated_protocol.txt"),
    )
    .unwrap();
    let p = paragraf_import::parse_protocol(&text).unwrap();
    assert_eq!(p.date, None);
    assert_eq!(p.body.as_deref(), Some("Socialnämnden"));
    assert_eq!(p.missing, ["sammanträdesdatum"]);
    assert!(!p.is_complete());
    assert_eq!(p.chair.as_deref(), Some("Anna Berg"));
    assert_eq!(p.secretary.as_deref(), Some("Karin Ek"));
    assert_eq!(p.adjusters, ["Per Olsson"]);
    assert_eq!(p.paragraphs.len(), 2);
}

/// Sixteenth held-out 1610 (Borås, laid out one cell a line): the heading "§ 36" alone, the
/// case number without "Dnr" on the next line ("2015/FF0073"), then the title, its year
/// wrapped onto a line of its own.
#[test]
fn a_case_number_line_between_the_heading_and_its_title() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/corpus/protocols/heldout16/1610.txt"
    );
    let p = parse_protocol(&std::fs::read_to_string(path).expect("1610")).expect("parses");
    let q = p
        .paragraphs
        .iter()
        .find(|q| q.number == Some(36))
        .expect("§ 36");
    assert_eq!(
        q.title,
        "Budgetuppföljning och budgetprognos för Fritids- och folkhälsonämnden, januari-februari 2015"
    );
    assert_eq!(q.case_number.as_deref(), Some("2015/FF0073"));
}

/// Sixteenth held-out 1602 (Enköping): "Beslutare" for "Beslutande", and "i st f" (i stället
/// för) naming whom a substitute serves for.
#[test]
fn beslutare_and_i_st_f() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/corpus/protocols/heldout16/1602.txt"
    );
    let p = parse_protocol(&std::fs::read_to_string(path).expect("1602")).expect("parses");
    assert_eq!(p.place.as_deref(), Some("Fjärdhundrarummet, Kommunhuset"));
    let carl = p
        .attendees
        .iter()
        .find(|a| a.name == "Carl-Henrik Nordberg")
        .expect("Carl-Henrik Nordberg");
    assert_eq!(carl.substitute_for.as_deref(), Some("Nils Vaernholt"));
    assert_eq!(carl.attendance, Attendance::Deciding);
    assert!(!p.attendees.iter().any(|a| a.name == "Nils Vaernholt"));
}

/// Sixteenth held-out 1607 (Malmö): a cover written as prose, the justerare chosen in the §
/// on the justering ("Kommunfullmäktige utser Hans Berg och Amar Sabri att jämte ordföranden
/// justera protokollet"), read with a warning to check them.
#[test]
fn justerare_chosen_in_the_justering_paragraph() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/corpus/protocols/heldout16/1607.txt"
    );
    let p = parse_protocol(&std::fs::read_to_string(path).expect("1607")).expect("parses");
    assert_eq!(p.adjusters, ["Hans Berg", "Amar Sabri"]);
    assert!(
        p.warnings.iter().any(|w| w.contains("ur § 125")),
        "{:?}",
        p.warnings
    );
}

/// Sixteenth held-out 1612: the first § lists those present ("KF 153 Upprop Närvarande
/// ledamöter: …"); it is read as a §, and the cover still reads its list.
#[test]
fn a_first_paragraph_that_lists_those_present() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/corpus/protocols/heldout16/1612.txt"
    );
    let p = parse_protocol(&std::fs::read_to_string(path).expect("1612")).expect("parses");
    assert!(p
        .paragraphs
        .iter()
        .any(|q| q.number == Some(153) && q.title == "Upprop"));
    assert!(p
        .attendees
        .iter()
        .any(|a| a.name == "Urban Granström" && a.attendance == Attendance::Deciding));
}

/// The justerare are read from a § on the justering only in a sentence about the justering:
/// "Nämnden väljer Anna Berg (S) till kontaktperson" in a § titled "Justering av taxa" names
/// none, and the cover's missing justerare stay missing.
#[test]
fn justerare_only_from_a_sentence_about_the_justering() {
    let text = "Socialnämnden\nProtokoll\nSammanträdesdatum 2024-03-04\n\
                Plats och tid\tStadshuset kl. 13:00–15:00\n\
                Beslutande\tEva Lund (S), ordförande\n\
                \n§ 5 Justering av taxa för färdtjänst\n\
                Nämnden väljer Anna Berg (S) till kontaktperson för arbetet med taxan.\n";
    let p = parse_protocol(text).expect("parses");
    assert!(p.paragraphs.iter().any(|q| q.number == Some(5)));
    assert!(p.adjusters.is_empty(), "{:?}", p.adjusters);
    let chosen = text.replace(
        "Nämnden väljer Anna Berg (S) till kontaktperson för arbetet med taxan.",
        "Nämnden väljer Anna Berg (S) att jämte ordföranden justera protokollet.",
    );
    let p = parse_protocol(&chosen).expect("parses");
    assert_eq!(p.adjusters, ["Anna Berg"]);
}
