//! Robustness: any input gives a clear `ImportError` or a `Protocol` with
//! warnings — never a panic — and the parser stays linear on huge inputs.

use paragraf_import::{parse_protocol, read_file, ImportError};
use std::time::{Duration, Instant};

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

/// xorshift64*: a fixed, dependency-free PRNG.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn empty_and_blank() {
    assert!(matches!(parse_protocol(""), Err(ImportError::Empty)));
    assert!(matches!(
        parse_protocol("\n\n  \t \n"),
        Err(ImportError::Empty)
    ));
    let e = parse_protocol("").unwrap_err().to_string();
    assert!(e.contains("tom"), "{e}");
}

#[test]
fn binary_text_is_rejected_clearly() {
    let bytes: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 256) as u8).collect();
    let text = String::from_utf8_lossy(&bytes);
    match parse_protocol(&text) {
        Err(e @ ImportError::Binary { .. }) => assert!(e.to_string().contains("binärt"), "{e}"),
        other => panic!("expected Binary, got {other:?}"),
    }
}

#[test]
fn not_a_protocol() {
    let e = parse_protocol("Hej!\nDet här är en inköpslista: mjölk, bröd.\n").unwrap_err();
    assert!(matches!(e, ImportError::NotAProtocol));
    assert!(e.to_string().contains("sammanträdesdatum"));
    // A report with a date and a proposed decision is no protocol: the body a protocol's
    // decisions name (read only when no body is named) does not make it one.
    let e = parse_protocol(
        "Tjänsteskrivelse 2024-05-02\nFörslag till beslut\nVärdet av vägen har utretts.\nArbetsutskottets beslut\nArbetsutskottet föreslås anta planen.\n",
    )
    .unwrap_err();
    assert!(matches!(e, ImportError::NotAProtocol), "{e:?}");
}

/// Every real protocol of the corpus and its held-out sets, cut, shuffled and sprinkled with
/// the characters the reader's rules turn on (§, dots, brackets, colons, digits, Å): the reader
/// never panics.
#[test]
fn mutated_real_protocols_never_panic() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus/protocols");
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(root)];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("the corpus") {
            let p = e.expect("an entry").path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 150, "{} texts", files.len());
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    const SPRINKLE: [char; 11] = [' ', '\n', '§', '.', ',', '(', ')', ':', 'Å', '1', '-'];
    for f in &files {
        let chars: Vec<char> = std::fs::read_to_string(f)
            .expect("a text")
            .chars()
            .collect();
        for _ in 0..20 {
            let mut c = chars.clone();
            for _ in 0..1 + rng.below(20) {
                if c.is_empty() {
                    break;
                }
                let i = rng.below(c.len());
                match rng.below(4) {
                    0 => {
                        c.remove(i);
                    }
                    1 => c.insert(i, SPRINKLE[rng.below(SPRINKLE.len())]),
                    2 => {
                        let j = (i + rng.below(40)).min(c.len());
                        c.drain(i..j);
                    }
                    _ => {
                        let j = rng.below(c.len());
                        c.swap(i, j);
                    }
                }
            }
            let _ = parse_protocol(&c.into_iter().collect::<String>());
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let len = rng.below(3000);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_protocol(&text);
    }
}

#[test]
fn random_protocol_soup_never_panics() {
    const TOKENS: [&str; 40] = [
        "§ 1",
        "§ 12 - Titel",
        "§",
        "§§ 1-3",
        "SN § 4",
        "Beslut",
        "Beslutet skickas till",
        "Beslutsunderlag",
        "Förslag till beslut",
        "Yrkande",
        "Dnr 2024/1",
        "Diarienummer SN.2023.1 700",
        "Protokoll",
        "2024-01-29",
        "den 29 januari 2024",
        "Socialnämnden",
        "Justerare",
        "Justerandes sign",
        "Plats och tid",
        "Beslutande",
        "Anna Berg (S)",
        ", tjänstgörande ersättare för",
        "Övriga närvarande",
        "Per Ek, ekonom",
        "\t",
        "\t\t",
        "\n",
        "\n\n\n",
        "-varav",
        "437 569",
        "–",
        "−1 009",
        "**",
        "<p>",
        "NAMN:",
        "TID:",
        "2025-09-03 09:10:47 +02:00",
        "Ärendelista",
        "att godkänna",
        "ä",
    ];
    let mut rng = Rng(42);
    for _ in 0..3000 {
        let n = rng.below(200);
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(TOKENS[rng.below(TOKENS.len())]);
            if rng.below(3) == 0 {
                s.push(' ');
            }
        }
        if let Ok(p) = parse_protocol(&s) {
            assert!(p.date.as_deref().is_none_or(|d| d.len() == 10));
            assert_eq!(p.missing.is_empty(), p.is_complete());
            let _ = serde_json::to_string(&p).expect("serializes");
        }
    }
}

/// Pages flattened onto one line each, of the words a scraped protocol is made of: the
/// passes that cut pages at labels and at headings that lost their "§" never panic, and
/// what they read is consistent.
#[test]
fn flattened_pages_of_protocol_words_never_panic() {
    const WORDS: [&str; 44] = [
        "1",
        "2",
        "2 2",
        "Sn",
        "49",
        "50",
        "51.",
        "Dnr",
        "2016/",
        "(27)",
        "2(17)",
        "[36]",
        "Sida 3 (9)",
        "Plats och tid",
        "Beslutande",
        "ande",
        "Bes1utande",
        "Ovriga deltagande",
        "Ordförande",
        "(S),",
        "Sekreterare...",
        "Justerande",
        "Utses att justera",
        "Paragrafer",
        "Rickard Norberg",
        "Ulf Hansson",
        "Bo Lennart Danielsson",
        "m x Tjg",
        "ersättare för",
        "Val av justerare",
        "Kommunstyrelsen",
        "Socialnämndens protokoll",
        "genom anslag",
        "ÄRENDELISTA",
        "Innehållsförteckning",
        "9 juni 20l6",
        "2016-06-09",
        "kl 13.00-15.00",
        ".",
        ",",
        "?",
        "1)",
        "har tagit del",
        "Se närvarolista på sida 2",
    ];
    let mut rng = Rng(0x5EED);
    for _ in 0..1500 {
        let pages = 2 + rng.below(3);
        let mut s = String::new();
        for page in 1..=pages {
            s.push_str(&format!("{page} "));
            for _ in 0..(30 + rng.below(120)) {
                s.push_str(WORDS[rng.below(WORDS.len())]);
                s.push(' ');
            }
            s.push_str("\n\n");
        }
        if let Ok(p) = parse_protocol(&s) {
            let mut again = p.clone();
            again.recount_missing();
            assert_eq!(again.missing, p.missing);
            assert!(p.adjusters.iter().all(|a| Some(a) != p.chair.as_ref()));
            let _ = serde_json::to_string(&p).expect("serializes");
        }
    }
}

#[test]
fn truncated_seeds_never_panic() {
    let text = fixture("004_");
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for k in (0..chars.len()).step_by(997) {
        let cut = chars.get(k).map_or(text.len(), |c| c.0);
        let _ = parse_protocol(text.get(..cut).unwrap_or(""));
        let _ = parse_protocol(text.get(cut..).unwrap_or(""));
    }
}

fn budget() -> Duration {
    // Debug builds are ~10× slower than release; both must stay linear.
    if cfg!(debug_assertions) {
        Duration::from_secs(120)
    } else {
        Duration::from_secs(10)
    }
}

#[test]
fn fifty_megabytes_of_protocols_is_linear() {
    let seed = fixture("000_");
    let mut big = String::with_capacity(52 * 1024 * 1024);
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(&seed);
        big.push('\n');
    }
    let t = Instant::now();
    let p = parse_protocol(&big).expect("parses");
    let took = t.elapsed();
    println!(
        "50 MB of repeated protocols: {took:?}, {} paragraphs",
        p.paragraphs.len()
    );
    assert!(took < budget(), "took {took:?}");
    assert!(p.warnings.len() <= 201);
}

#[test]
fn fifty_megabytes_without_newlines_and_of_headings() {
    let one_line = "Protokoll 2024-01-29 Socialnämnden § 1 Beslut ".repeat(50 * 1024 * 1024 / 46);
    let t = Instant::now();
    let _ = parse_protocol(&one_line);
    println!("one 50 MB line: {:?}", t.elapsed());
    assert!(t.elapsed() < budget());

    let mut headings = String::from("Socialnämnden\nden 29 januari 2024\n");
    let mut n = 0u32;
    while headings.len() < 20 * 1024 * 1024 {
        n += 1;
        headings.push_str(&format!("§ {}\tTitel\t2024/{}\t3\n", n % 5000, n));
    }
    let t = Instant::now();
    let _ = parse_protocol(&headings);
    println!("20 MB of agenda-like lines: {:?}", t.elapsed());
    assert!(t.elapsed() < budget());
}

fn tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("paragraf-import-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write tmp");
    p
}

/// A valid one-page PDF whose page has no text (like a scan without OCR).
fn pdf_without_text() -> Vec<u8> {
    let objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        "<< /Length 20 >>\nstream\n0 0 1 rg 10 10 50 50 re f\nendstream",
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{}\nendobj\n", i + 1, o).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn bad_files() {
    // Missing file.
    let e = read_file(std::path::Path::new("/nonexistent/protokoll.txt")).unwrap_err();
    assert!(
        matches!(e, ImportError::Io { .. }) && e.to_string().contains("kunde inte läsa"),
        "{e}"
    );
    // Binary garbage with a .txt name.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..2000u32).map(|i| (i * 31 % 251) as u8));
    let e = read_file(&tmp("bild.txt", &png)).unwrap_err();
    assert!(matches!(e, ImportError::Binary { .. }), "{e}");
    // A Word document that is no zip archive is refused, naming the file; a spreadsheet, an
    // old Word document and any other archive are no protocol's text.
    let e = read_file(&tmp("protokoll.docx", b"PK\x03\x04")).unwrap_err();
    assert!(
        matches!(e, ImportError::Document { .. })
            && e.to_string().contains("protokoll.docx")
            && e.to_string().contains("zip"),
        "{e}"
    );
    let e = read_file(&tmp("protokoll.doc", b"\xd0\xcf\x11\xe0")).unwrap_err();
    assert!(matches!(e, ImportError::UnsupportedType { .. }), "{e}");
    let e = read_file(&tmp("protokoll.zip", b"PK\x03\x04\x14\0\0\0")).unwrap_err();
    assert!(matches!(e, ImportError::UnsupportedType { .. }), "{e}");
    // Windows-1252 text is decoded.
    let latin = b"Protokoll\n2024-01-29\nSocialn\xe4mnden\n\n\xa7 1 - \xd6ppnande\n\nBeslut\n\nSocialn\xe4mnden f\xf6rklarar m\xf6tet \xf6ppnat.\n";
    let t = read_file(&tmp("latin1.txt", latin)).expect("cp1252 decodes");
    let p = parse_protocol(&t).expect("parses");
    assert_eq!(
        p.paragraphs.first().map(|p| p.title.as_str()),
        Some("Öppnande")
    );
    // Invalid UTF-8 that is not safe Windows-1252 either.
    let e = read_file(&tmp(
        "trasig.txt",
        b"rad ett\nrad tv\x81\x81\x81\x81 \x8d\x8d",
    ))
    .unwrap_err();
    assert!(matches!(e, ImportError::Encoding { line: 2, .. }), "{e}");
    // A PDF without a text layer.
    let e = read_file(&tmp("skannad.pdf", &pdf_without_text())).unwrap_err();
    match e {
        ImportError::PdfNoText { .. } => {
            assert!(e.to_string().contains("PDF-filen saknar textlager"))
        }
        ImportError::PdftotextMissing => eprintln!("pdftotext saknas – hoppar över PDF-kontrollen"),
        other => panic!("unexpected {other:?}"),
    }
    // A broken PDF.
    let e = read_file(&tmp("trasig.pdf", b"%PDF-1.4\nskrap")).unwrap_err();
    assert!(
        matches!(
            e,
            ImportError::PdfFailed { .. }
                | ImportError::PdfNoText { .. }
                | ImportError::PdftotextMissing
        ),
        "{e}"
    );
}
