//! The protocol corpus (`tests/corpus/protocols`: 48 real protocols from 38 municipalities
//! with gold labels made by hand, and 5 variants: OCR'd and flattened) read by the importer:
//! precision,
//! recall and F1 per field over the whole corpus, printed as a table (`cargo test -p
//! paragraf-import --test corpus -- --nocapture`). The floors below are the figures of the
//! day they were set: a change that makes the importer read the corpus worse fails here;
//! one that reads it better raises them.
//!
//! A value counts as found when it equals the gold value after folding case and white
//! space; a refused document finds nothing (every gold value is missed). Sets (justerare,
//! närvarande, §§ as number and title) are compared element by element.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

/// Tally of one field.
#[derive(Default, Clone, Copy)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Tally {
    fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn scalar(&mut self, gold: Option<String>, found: Option<String>) {
        match (gold, found) {
            (Some(g), Some(f)) if g == f => self.tp += 1,
            (Some(_), Some(_)) => {
                self.fp += 1;
                self.fn_ += 1;
            }
            (Some(_), None) => self.fn_ += 1,
            (None, Some(_)) => self.fp += 1,
            (None, None) => {}
        }
    }
    fn set(&mut self, gold: &BTreeSet<String>, found: &BTreeSet<String>) {
        self.tp += gold.intersection(found).count();
        self.fn_ += gold.difference(found).count();
        self.fp += found.difference(gold).count();
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_lowercase()
}

fn text(v: &Value) -> Option<String> {
    v.as_str().map(fold).filter(|s| !s.is_empty())
}

const FIELDS: [&str; 10] = [
    "body",
    "date",
    "place",
    "start_time",
    "end_time",
    "chair",
    "secretary",
    "adjusters",
    "attendees",
    "paragraphs",
];

/// The F1 each field had when the floor was set (2026-12-05: a nämnd named in the text when
/// the headers were lost, a municipality's genitive dropped from the body, no meeting date
/// from the justering's line; names and titles run together, particles, the party in a column
/// before the name, a list's label at the end of a line, a vote table's marks, a later page's
/// bare "Övriga", a title or department before an official's name, middle initials, "Ersättare
/// för" and "tjg för" naming whom a substitute replaces, justerare from the § that chose them
/// when the cover names none, officials' titles between their names, a column of
/// the presidium's roles after the names, a later page's list of items outside the cover,
/// everyone's roles in a column after a list, an interleaved signature block matched by the
/// list's ordförande and sekreterare, the time under "Klockan"/"Tid:", an official's §§ after
/// the name, "Närvarorätt" and "Ej tjänstgörande" as labels, commas inside a title in
/// parentheses, a name between titles, a list after the time without its label, a
/// närvarolista's marks (F absent), a place and time or date opening the next stacked
/// label's value, "Ej beslutande" as a label, the justerare at the end of a run under stacked
/// labels, "(oberoende, …)" in a party's place, two names joined by "och" under one signature
/// label, members given by exception with the substitutes called in, a justerare's
/// substitutes; titles beginning with digits, ending
/// before a profession and a name, headings followed by their Dnr; the first § page's heading
/// that lost its number, a government report or "med flera" in a title), a hundredth below.
const FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.97),
    ("attendees", 0.98),
    ("paragraphs", 0.95),
];

#[test]
fn the_corpus_is_read_and_its_figures_printed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/protocols");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus/protocols")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let variants = dir.join("variants");
    let mut texts: Vec<(std::path::PathBuf, std::path::PathBuf)> = names
        .iter()
        .map(|p| (p.clone(), p.with_extension("gold.json")))
        .collect();
    if let Ok(rd) = std::fs::read_dir(&variants) {
        let mut vs: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        vs.sort();
        for v in vs {
            let stem = v.file_name().unwrap().to_string_lossy().to_string();
            let number = stem.split('.').next().unwrap().to_string();
            texts.push((v.clone(), dir.join(format!("{number}.gold.json"))));
        }
    }
    assert!(texts.len() >= 48, "{} texts", texts.len());
    let (tallies, refused) = read_all(&texts);
    let low = print_table("Korpus", texts.len(), &tallies, &refused, &FLOORS);
    assert!(
        low.is_empty(),
        "the corpus is read worse than before: {low:?}"
    );
    // Every text is a real protocol: none may be refused whole (partial import, 2026-12-04).
    assert!(
        refused.is_empty(),
        "{} real protocols refused whole: {refused:?}",
        refused.len()
    );
}

/// Protocols gathered after the reader's rules were written (`tests/corpus/protocols/heldout`:
/// 12 from 12 municipalities not in the corpus, labelled by hand by people who did not run the
/// reader): how well the rules carry to texts they were not made from. Their first figures
/// (2026-12-05, the reader of 6915044, before anything was changed for them) are in the
/// README; the floors are a hundredth below the figures of the day they were set.
#[test]
fn the_held_out_protocols() {
    held_out("heldout", "Utanför korpusen (held out)", &HELD_OUT_FLOORS);
}

/// A second held-out set (`tests/corpus/protocols/heldout2`: 12 more municipalities), gathered
/// while the first was being used to improve the reader and kept unseen until its first
/// reading (2026-12-05, the reader of 5e07273), whose figures the README gives.
#[test]
fn the_second_held_out_protocols() {
    held_out(
        "heldout2",
        "Utanför korpusen, andra omgången (held out)",
        &SECOND_HELD_OUT_FLOORS,
    );
}

/// A third held-out set (`tests/corpus/protocols/heldout3`: 12 more municipalities), gathered
/// while the second was being used and kept unseen until its first reading (2026-12-05, the
/// reader of 5431388), whose figures the README gives.
#[test]
fn the_third_held_out_protocols() {
    held_out(
        "heldout3",
        "Utanför korpusen, tredje omgången (held out)",
        &THIRD_HELD_OUT_FLOORS,
    );
}

/// A fourth held-out set (`tests/corpus/protocols/heldout4`: 12 more municipalities, each text
/// with § headings), gathered while the third was being used and kept unseen until its first
/// reading (2026-12-05, the reader of 1881b3c), whose figures the README gives.
#[test]
fn the_fourth_held_out_protocols() {
    held_out(
        "heldout4",
        "Utanför korpusen, fjärde omgången (held out)",
        &FOURTH_HELD_OUT_FLOORS,
    );
}

/// A fifth held-out set (`tests/corpus/protocols/heldout5`: 12 more municipalities, each text
/// with § headings), gathered while the fourth was being used and kept unseen until its first
/// reading (2026-12-05, the reader of 2a37526), whose figures the README gives.
#[test]
fn the_fifth_held_out_protocols() {
    held_out(
        "heldout5",
        "Utanför korpusen, femte omgången (held out)",
        &FIFTH_HELD_OUT_FLOORS,
    );
}

/// A sixth held-out set (`tests/corpus/protocols/heldout6`: 12 more municipalities, each text
/// with § headings), gathered while the fifth was being used and kept unseen until its first
/// reading (2026-12-05, the reader of 32ca02e), whose figures the README gives.
#[test]
fn the_sixth_held_out_protocols() {
    held_out(
        "heldout6",
        "Utanför korpusen, sjätte omgången (held out)",
        &SIXTH_HELD_OUT_FLOORS,
    );
}

/// A forty-ninth held-out set (`tests/corpus/protocols/heldout49`: 3 documents never used
/// before, all a municipal archive's HTML pages still gave in half an hour: Norrtälje's
/// fullmäktige of 1999 (two meetings) and barn- och skolnämnd of 1997, each with its §§; 6 §
/// headings), kept unseen until the reader of 720f66c, in the session of 2026-12-07, read it.
#[test]
fn the_forty_ninth_held_out_protocols() {
    held_out(
        "heldout49",
        "Utanför korpusen, fyrtionionde omgången (held out)",
        &FORTY_NINTH_HELD_OUT_FLOORS,
    );
}

/// The forty-ninth held-out set's floors, a hundredth below the figures of the day they
/// were set (2026-12-07: its first reading by the reader of 720f66c).
const FORTY_NINTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.77),
    ("paragraphs", 0.82),
];

/// A forty-eighth held-out set (`tests/corpus/protocols/heldout48`: 5 documents never used
/// before, all the search store still gave in half an hour: two of Norrtälje's fullmäktige
/// from a municipal archive's HTML pages (2000, 2002) with their §§, covers of Trollhättan's,
/// Varberg's and Vara's fullmäktige; 4 § headings), kept unseen until the reader of 7cb2740, in
/// the session of 2026-12-07, read it.
#[test]
fn the_forty_eighth_held_out_protocols() {
    held_out(
        "heldout48",
        "Utanför korpusen, fyrtioåttonde omgången (held out)",
        &FORTY_EIGHTH_HELD_OUT_FLOORS,
    );
}

/// The forty-eighth held-out set's floors, a hundredth below the figures of the day they
/// were set (2026-12-07: its first reading by the reader of 7cb2740).
const FORTY_EIGHTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.92),
    ("paragraphs", 0.99),
];

/// A forty-seventh held-out set (`tests/corpus/protocols/heldout47`: 12 documents never used
/// before, most of them earlier sets' reserves: Gävle's barn- och ungdomsnämnd, Medelpad's
/// räddningstjänstförbund, Varberg's and Falkenberg's kommunstyrelse with their §§, covers
/// of Skellefteå's and Eksjö's fullmäktige and of Eksjö's and Krokom's kommunstyrelse; 11 §
/// headings), kept unseen until the reader of c7cdf60, in the session of 2026-12-07, read it.
#[test]
fn the_forty_seventh_held_out_protocols() {
    held_out(
        "heldout47",
        "Utanför korpusen, fyrtiosjunde omgången (held out)",
        &FORTY_SEVENTH_HELD_OUT_FLOORS,
    );
}

/// The forty-seventh held-out set's floors, a hundredth below the figures of the day they
/// were set (2026-12-07: its first reading by the reader of c7cdf60).
const FORTY_SEVENTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.93),
    ("attendees", 0.95),
    ("paragraphs", 0.89),
];

/// A forty-sixth held-out set (`tests/corpus/protocols/heldout46`: 12 documents never used
/// before, each from a different body, nine of them new to the corpus: socialnämnd,
/// kommunstyrelser and their arbetsutskott, a räddningstjänstförbund's direktion, kultur- och
/// fritidsnämnder, a humanistisk nämnd; 14 § headings), kept unseen until the reader of
/// 2fbdbd0, in the session of 2026-12-07, read it.
#[test]
fn the_forty_sixth_held_out_protocols() {
    held_out(
        "heldout46",
        "Utanför korpusen, fyrtiosjätte omgången (held out)",
        &FORTY_SIXTH_HELD_OUT_FLOORS,
    );
}

/// The forty-sixth held-out set's floors, a hundredth below the figures of the day they
/// were set (2026-12-07: its first reading by the reader of 2fbdbd0).
const FORTY_SIXTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.95),
    ("attendees", 0.99),
    ("paragraphs", 0.87),
];

/// A forty-fifth held-out set (`tests/corpus/protocols/heldout45`: 12 documents never used
/// before: five meetings of Jämtland's landstingsstyrelse 2000–2007 with their first §§, two of
/// Gotland's barn- och utbildningsnämnd's § pages, covers of bygg- och miljönämnder and
/// utskott (Norrtälje, Arvidsjaur, Eksjö); 13 § headings), kept unseen until the reader of
/// afdad27, in the session of 2026-12-07, read it.
#[test]
fn the_forty_fifth_held_out_protocols() {
    held_out(
        "heldout45",
        "Utanför korpusen, fyrtiofemte omgången (held out)",
        &FORTY_FIFTH_HELD_OUT_FLOORS,
    );
}

/// The forty-fifth held-out set's floors, a hundredth below the figures of the day they
/// were set (2026-12-07: its first reading by the reader of afdad27).
const FORTY_FIFTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    // (Lowered on 2026-12-07 from 0.93: 4508's two secretaries on one line, "Ewa
    // Johansson/Annki Skullman", are labelled as both; set 48's 4805, "Katrin Siverby/Anela
    // Pranjic", as the first. The reader takes the first, as of two chairs, where it found
    // neither before: 4805 is now read, 4508 read wrong instead of not at all.)
    ("secretary", 0.88),
    ("adjusters", 0.99),
    ("attendees", 0.99),
    ("paragraphs", 0.87),
];

/// A forty-fourth held-out set (`tests/corpus/protocols/heldout44`: 12 documents never used
/// before: three of Gotland's barn- och utbildningsnämnd's § pages, Skellefteå's miljönämnd,
/// a nämnd's § without a cover, covers of kommunstyrelser (Trollhättan, Krokom, Arvidsjaur)
/// and of bodies new to the corpus (Ånge's valnämnd, a kultur- och fritidsnämnd, Alingsås's
/// tekniska nämnd); 6 § headings), kept unseen until the reader of 504a47d, in the session
/// of 2026-12-07, read it.
#[test]
fn the_forty_fourth_held_out_protocols() {
    held_out(
        "heldout44",
        "Utanför korpusen, fyrtiofjärde omgången (held out)",
        &FORTY_FOURTH_HELD_OUT_FLOORS,
    );
}

/// The forty-fourth held-out set's floors, a hundredth below the figures of the day they
/// were set (2026-12-07: its first reading by the reader of 504a47d).
const FORTY_FOURTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.98),
    ("paragraphs", 0.99),
];

/// A forty-third held-out set (`tests/corpus/protocols/heldout43`: 12 documents never used
/// before: Svalöv's and Orust's § pages, Gotland's barn- och utbildningsnämnd, covers of
/// kommunstyrelser (three new to the corpus: Trollhättan, Växjö, Arjeplog) and others; 9 §
/// headings), kept unseen until the reader of d63815e, in the session of 2026-12-07, read it.
#[test]
fn the_forty_third_held_out_protocols() {
    held_out(
        "heldout43",
        "Utanför korpusen, fyrtiotredje omgången (held out)",
        &FORTY_THIRD_HELD_OUT_FLOORS,
    );
}

/// The forty-third held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-07: its first reading by the reader of d63815e).
const FORTY_THIRD_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.87),
    ("adjusters", 0.89),
    ("attendees", 0.98),
    ("paragraphs", 0.76),
];

/// A forty-second held-out set (`tests/corpus/protocols/heldout42`: 12 documents never used
/// before: single § pages from Gotland, set 41's reserves and covers, Krokom's, Åtvidaberg's and
/// Orust's fullmäktige and kommunstyrelse; 7 § headings), kept unseen until the reader of
/// 38893e9, in the session of 2026-12-07, read it.
#[test]
fn the_forty_second_held_out_protocols() {
    held_out(
        "heldout42",
        "Utanför korpusen, fyrtioandra omgången (held out)",
        &FORTY_SECOND_HELD_OUT_FLOORS,
    );
}

/// The forty-second held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-07: its first reading by the reader of 38893e9).
const FORTY_SECOND_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.91),
    ("paragraphs", 0.99),
];

/// A forty-first held-out set (`tests/corpus/protocols/heldout41`: 12 documents never used
/// before: five single § pages from Gotland, set 40's reserves, a nämnd new to the corpus
/// (Örebro's nämnd för funktionshindrade) and four covers of 2016–2018; 9 § headings), kept
/// unseen until the reader of f2dd760, in the session of 2026-12-07, read it.
#[test]
fn the_forty_first_held_out_protocols() {
    held_out(
        "heldout41",
        "Utanför korpusen, fyrtioförsta omgången (held out)",
        &FORTY_FIRST_HELD_OUT_FLOORS,
    );
}

/// The forty-first held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-07: its first reading by the reader of f2dd760).
const FORTY_FIRST_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.91),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.96),
    ("paragraphs", 0.99),
];

/// A fortieth held-out set (`tests/corpus/protocols/heldout40`: 12 documents never used
/// before: set 39's reserves with § headings, a samhällsbyggnadsutskott new to the corpus, §
/// pages without a cover from a host new to it (Gotland's fullmäktige, kommunstyrelse and
/// barn- och utbildningsnämnd) and two Norrtälje protocols of 2007; 14 § headings), kept unseen
/// until the reader of c2506d4, in the session of 2026-12-07, read it.
#[test]
fn the_fortieth_held_out_protocols() {
    held_out(
        "heldout40",
        "Utanför korpusen, fyrtionde omgången (held out)",
        &FORTIETH_HELD_OUT_FLOORS,
    );
}

/// The fortieth held-out set's floors, a hundredth below the figures of the day they were set
/// (2026-12-07: its first reading by the reader of c2506d4).
const FORTIETH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.97),
    ("paragraphs", 0.92),
];

/// A thirty-ninth held-out set (`tests/corpus/protocols/heldout39`: 12 documents never used
/// before: a municipality new to the corpus (Borlänge), five bodies new to it, reserves of set
/// 38 and later meetings; seven reaching § headings, 12 in all), kept unseen until the reader
/// of ec1c889, in the session of 2026-12-07, read it.
#[test]
fn the_thirty_ninth_held_out_protocols() {
    held_out(
        "heldout39",
        "Utanför korpusen, trettionionde omgången (held out)",
        &THIRTY_NINTH_HELD_OUT_FLOORS,
    );
}

/// The thirty-ninth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-07: its first reading by the reader of ec1c889).
const THIRTY_NINTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.93),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.94),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.94),
    ("paragraphs", 0.75),
];

/// A thirty-eighth held-out set (`tests/corpus/protocols/heldout38`: 12 documents never used
/// before, eleven reaching § headings: set 37's reserves — a municipal company's board, later
/// meetings of Eskilstuna's and Vingåker's kommunstyrelse, Solna's tekniska nämnd, Hultsfred's
/// arbetsutskott, a regionförbund's board — three bodies new to the corpus (Falkenberg's miljö-
/// och hälsoskyddsnämnd, Svalöv's valnämnd, Vänersborg's gymnasienämnd) and a landsting's
/// fullmäktige; 26 § headings), kept unseen until the reader of 05ce6a5, in the session of
/// 2026-12-07, read it.
#[test]
fn the_thirty_eighth_held_out_protocols() {
    held_out(
        "heldout38",
        "Utanför korpusen, trettioåttonde omgången (held out)",
        &THIRTY_EIGHTH_HELD_OUT_FLOORS,
    );
}

/// The thirty-eighth held-out set's floors, a hundredth below the figures of the day they
/// were set (2026-12-07: its first reading by the reader of 05ce6a5).
const THIRTY_EIGHTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.75),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.93),
    ("attendees", 0.98),
    ("paragraphs", 0.81),
];

/// A thirty-seventh held-out set (`tests/corpus/protocols/heldout37`: 12 documents never used
/// before, all reaching § headings: the pages with good headings that set 36 had set aside
/// (Vänersborg's handikappråd, three meetings of Eskilstuna's kommunstyrelse), two kinds of
/// bodies new to the corpus — an ungdomsråd and the boards of three municipal companies — two
/// later meetings of a räddningstjänstförbund's direktion and two reserves; 32 § headings), kept
/// unseen until the reader of 5b91c73, in the session of 2026-12-07, read it.
#[test]
fn the_thirty_seventh_held_out_protocols() {
    held_out(
        "heldout37",
        "Utanför korpusen, trettiosjunde omgången (held out)",
        &THIRTY_SEVENTH_HELD_OUT_FLOORS,
    );
}

/// The thirty-seventh held-out set's floors, a hundredth below the figures of the day they
/// were set (2026-12-07: its first reading by the reader of 5b91c73).
const THIRTY_SEVENTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.93),
    ("start_time", 0.91),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.96),
    ("paragraphs", 0.94),
];

/// A thirty-sixth held-out set (`tests/corpus/protocols/heldout36`: 12 documents never used
/// before: a municipality, a region and a kommunalförbund new to the corpus, six new bodies of
/// used municipalities — advisory councils, nämnder, a fullmäktige — and three later meetings;
/// 13 § headings), kept unseen until the reader of 32ff421, in the session of 2026-12-06,
/// read it.
#[test]
fn the_thirty_sixth_held_out_protocols() {
    held_out(
        "heldout36",
        "Utanför korpusen, trettiosjätte omgången (held out)",
        &THIRTY_SIXTH_HELD_OUT_FLOORS,
    );
}

/// The thirty-sixth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of 32ff421).
const THIRTY_SIXTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.94),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.94),
    ("adjusters", 0.95),
    ("attendees", 0.98),
    ("paragraphs", 0.99),
];

/// A thirty-fifth held-out set (`tests/corpus/protocols/heldout35`: 12 documents never used
/// before, gathered from the reserves of the sets before it: eight bodies new to the corpus —
/// a region's styrelse, a regionförbund's utskott, fullmäktige, kommunstyrelser, nämnder — and
/// four later meetings of used bodies; 13 § headings), kept unseen until the reader of
/// 8c37cb0, in the session of 2026-12-06, read it.
#[test]
fn the_thirty_fifth_held_out_protocols() {
    held_out(
        "heldout35",
        "Utanför korpusen, trettiofemte omgången (held out)",
        &THIRTY_FIFTH_HELD_OUT_FLOORS,
    );
}

/// The thirty-fifth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of 8c37cb0).
const THIRTY_FIFTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.91),
    ("chair", 0.94),
    ("secretary", 0.90),
    ("adjusters", 0.91),
    ("attendees", 0.95),
    ("paragraphs", 0.87),
];

/// A thirty-fourth held-out set (`tests/corpus/protocols/heldout34`: 12 documents never used
/// before, gathered from the reserves of the sets before it: later meetings of used bodies,
/// county councils and three nämnder new to the corpus; 18 § headings), kept unseen until the
/// reader of 7d13773, in the session of 2026-12-06, read it.
#[test]
fn the_thirty_fourth_held_out_protocols() {
    held_out(
        "heldout34",
        "Utanför korpusen, trettiofjärde omgången (held out)",
        &THIRTY_FOURTH_HELD_OUT_FLOORS,
    );
}

/// The thirty-fourth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of 7d13773).
const THIRTY_FOURTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.89),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.98),
    ("paragraphs", 0.99),
];

/// A thirty-third held-out set (`tests/corpus/protocols/heldout33`: 12 documents never used
/// before, gathered from the reserves of the sets before it: three county councils' bodies,
/// later meetings of used bodies and four bodies new to the corpus; 21 § headings), kept
/// unseen until the reader of e13a3f7, at the end of the session of 2026-12-06, read it.
#[test]
fn the_thirty_third_held_out_protocols() {
    held_out(
        "heldout33",
        "Utanför korpusen, trettiotredje omgången (held out)",
        &THIRTY_THIRD_HELD_OUT_FLOORS,
    );
}

/// The thirty-third held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of e13a3f7, then the twelve mends it taught),
/// the secretary's lowered on purpose (see beside it).
const THIRTY_THIRD_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    // (Lowered on purpose from 0.99: 3311's gold leaves the secretary null, as no
    // signature is in the text; the reader names the nämndsekreterare among those present,
    // Camilla Lippe, with a warning to check it.)
    ("secretary", 0.94),
    ("adjusters", 0.99),
    ("attendees", 0.96),
    ("paragraphs", 0.89),
];

/// A thirty-second held-out set (`tests/corpus/protocols/heldout32`: 12 documents never used
/// before, gathered from the reserves of the sets before it: two more meetings of a joint
/// committee of set 31, bodies of used municipalities and county councils; 16 § headings),
/// kept unseen until the reader of d65d518, at the end of the session of 2026-12-06, read it.
#[test]
fn the_thirty_second_held_out_protocols() {
    held_out(
        "heldout32",
        "Utanför korpusen, trettioandra omgången (held out)",
        &THIRTY_SECOND_HELD_OUT_FLOORS,
    );
}

/// The thirty-second held-out set's floors, a hundredth below the figures of the day they
/// were set (2026-12-06: its first reading by the reader of d65d518, then one mend for the
/// text it refused whole, 3204).
const THIRTY_SECOND_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.89),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.89),
    ("adjusters", 0.99),
    ("attendees", 0.93),
    ("paragraphs", 0.68),
];

/// A thirty-first held-out set (`tests/corpus/protocols/heldout31`: 12 documents never used
/// before, eight of them from joint committees (gemensamma nämnder) with no protocol in the
/// corpus before; 11 § headings), kept unseen until the reader of a97db98 read it.
#[test]
fn the_thirty_first_held_out_protocols() {
    held_out(
        "heldout31",
        "Utanför korpusen, trettioförsta omgången (held out)",
        &THIRTY_FIRST_HELD_OUT_FLOORS,
    );
}

/// The thirty-first held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of a97db98).
const THIRTY_FIRST_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.76),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.82),
    ("secretary", 0.86),
    ("adjusters", 0.80),
    ("attendees", 0.92),
    ("paragraphs", 0.84),
];

/// A thirtieth held-out set (`tests/corpus/protocols/heldout30`: 12 documents never used
/// before, seven of them from kommunalförbund and joint bodies with no protocol in the corpus
/// before; 13 § headings), kept unseen until the reader of 58affc4 read it.
#[test]
fn the_thirtieth_held_out_protocols() {
    held_out(
        "heldout30",
        "Utanför korpusen, trettionde omgången (held out)",
        &THIRTIETH_HELD_OUT_FLOORS,
    );
}

/// The thirtieth held-out set's floors, a hundredth below the figures of the day they were set
/// (2026-12-06: its first reading by the reader of 58affc4).
const THIRTIETH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.93),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.95),
    ("attendees", 0.94),
    ("paragraphs", 0.82),
];

/// A twenty-ninth held-out set (`tests/corpus/protocols/heldout29`: 12 documents never used
/// before, six of them from kommunalförbund with no protocol in the corpus before; 16 §
/// headings), kept unseen until the reader of ecd2b39 read it.
#[test]
fn the_twenty_ninth_held_out_protocols() {
    held_out(
        "heldout29",
        "Utanför korpusen, tjugonionde omgången (held out)",
        &TWENTY_NINTH_HELD_OUT_FLOORS,
    );
}

/// The twenty-ninth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of ecd2b39).
const TWENTY_NINTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.95),
    ("start_time", 0.99),
    ("end_time", 0.88),
    ("chair", 0.99),
    ("secretary", 0.94),
    ("adjusters", 0.99),
    ("attendees", 0.97),
    ("paragraphs", 0.92),
];

/// A twenty-eighth held-out set (`tests/corpus/protocols/heldout28`: 12 documents never used
/// before, seven of them from a municipality, regions, county councils and a kommunalförbund with
/// no protocol in the corpus before; 10 § headings), kept unseen until the reader of 1124543
/// read it.
#[test]
fn the_twenty_eighth_held_out_protocols() {
    held_out(
        "heldout28",
        "Utanför korpusen, tjugoåttonde omgången (held out)",
        &TWENTY_EIGHTH_HELD_OUT_FLOORS,
    );
}

/// The twenty-eighth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of 1124543).
const TWENTY_EIGHTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.89),
    ("place", 0.89),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.86),
    ("secretary", 0.85),
    ("adjusters", 0.89),
    ("attendees", 0.98),
    ("paragraphs", 0.62),
];

/// A twenty-seventh held-out set (`tests/corpus/protocols/heldout27`: 12 documents never
/// used before, seven of them from municipalities, a region and a kommunalförbund with no
/// protocol in the corpus before; 15 § headings), kept unseen until the reader of 6782617 read it.
#[test]
fn the_twenty_seventh_held_out_protocols() {
    held_out(
        "heldout27",
        "Utanför korpusen, tjugosjunde omgången (held out)",
        &TWENTY_SEVENTH_HELD_OUT_FLOORS,
    );
}

/// The twenty-seventh held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of 6782617).
const TWENTY_SEVENTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.93),
    ("date", 0.99),
    ("place", 0.95),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.86),
    ("secretary", 0.99),
    ("adjusters", 0.95),
    ("attendees", 0.91),
    ("paragraphs", 0.85),
];

/// A twenty-sixth held-out set (`tests/corpus/protocols/heldout26`: 12 documents never used
/// before, six of them from municipalities with no protocol in the corpus before; 11 § headings),
/// kept unseen until the reader of 41b7675 read it.
#[test]
fn the_twenty_sixth_held_out_protocols() {
    held_out(
        "heldout26",
        "Utanför korpusen, tjugosjätte omgången (held out)",
        &TWENTY_SIXTH_HELD_OUT_FLOORS,
    );
}

/// The twenty-sixth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of 41b7675).
const TWENTY_SIXTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.97),
    ("paragraphs", 0.99),
];

/// A twenty-fifth held-out set (`tests/corpus/protocols/heldout25`: 12 documents never used
/// before, six of them from municipalities not used before; 7 § headings), kept unseen until
/// the reader of 16419b2 read it.
#[test]
fn the_twenty_fifth_held_out_protocols() {
    held_out(
        "heldout25",
        "Utanför korpusen, tjugofemte omgången (held out)",
        &TWENTY_FIFTH_HELD_OUT_FLOORS,
    );
}

/// The twenty-fifth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of 16419b2).
const TWENTY_FIFTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.94),
    ("adjusters", 0.90),
    ("attendees", 0.95),
    ("paragraphs", 0.84),
];

/// A twenty-fourth held-out set (`tests/corpus/protocols/heldout24`: 12 documents never used
/// before, five of them from municipalities not used before; 14 § headings), kept unseen until
/// the reader of 8fd1874 read it.
#[test]
fn the_twenty_fourth_held_out_protocols() {
    held_out(
        "heldout24",
        "Utanför korpusen, tjugofjärde omgången (held out)",
        &TWENTY_FOURTH_HELD_OUT_FLOORS,
    );
}

/// The twenty-fourth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of 8fd1874).
const TWENTY_FOURTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.90),
    ("secretary", 0.99),
    ("adjusters", 0.96),
    ("attendees", 0.99),
    ("paragraphs", 0.91),
];

/// A twenty-third held-out set (`tests/corpus/protocols/heldout23`: 12 documents never used
/// before, nine of them from municipalities not used before; 8 § headings), kept unseen until
/// the reader of 3558832 read it.
#[test]
fn the_twenty_third_held_out_protocols() {
    held_out(
        "heldout23",
        "Utanför korpusen, tjugotredje omgången (held out)",
        &TWENTY_THIRD_HELD_OUT_FLOORS,
    );
}

/// The twenty-third held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of 3558832).
const TWENTY_THIRD_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.91),
    ("secretary", 0.89),
    ("adjusters", 0.99),
    ("attendees", 0.97),
    ("paragraphs", 0.74),
];

/// A twenty-second held-out set (`tests/corpus/protocols/heldout22`: 12 documents never used
/// before, ten of them from municipalities not used before, mostly covers; 5 § headings),
/// kept unseen until the reader of cb3652e read it.
#[test]
fn the_twenty_second_held_out_protocols() {
    held_out(
        "heldout22",
        "Utanför korpusen, tjugoandra omgången (held out)",
        &TWENTY_SECOND_HELD_OUT_FLOORS,
    );
}

/// The twenty-second held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of cb3652e).
const TWENTY_SECOND_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.92),
    ("attendees", 0.88),
    ("paragraphs", 0.79),
];

/// A twenty-first held-out set (`tests/corpus/protocols/heldout21`: 12 documents never used
/// before, ten of them from municipalities not used before, mostly covers; 4 § headings),
/// kept unseen until the reader of 7767a1a read it.
#[test]
fn the_twenty_first_held_out_protocols() {
    held_out(
        "heldout21",
        "Utanför korpusen, tjugoförsta omgången (held out)",
        &TWENTY_FIRST_HELD_OUT_FLOORS,
    );
}

/// The twenty-first held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of 7767a1a).
const TWENTY_FIRST_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.95),
    ("paragraphs", 0.74),
];

/// A twentieth held-out set (`tests/corpus/protocols/heldout20`: 12 documents never used
/// before, of twelve bodies new to the corpus — a kommunalförbund's direktion and the organs of
/// eight regions and landsting — and a byggnadsnämnd of a municipality used before, 37 §
/// headings), kept unseen until the reader of 7f726f0 read it.
#[test]
fn the_twentieth_held_out_protocols() {
    held_out(
        "heldout20",
        "Utanför korpusen, tjugonde omgången (held out)",
        &TWENTIETH_HELD_OUT_FLOORS,
    );
}

/// The twentieth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of 7f726f0).
const TWENTIETH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.84),
    ("date", 0.99),
    ("place", 0.94),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.87),
    ("paragraphs", 0.89),
];

/// A nineteenth held-out set (`tests/corpus/protocols/heldout19`: 12 documents never used
/// before, eight of them covers from eight municipalities not used before), kept unseen until
/// the reader of 18e44d6 read it.
#[test]
fn the_nineteenth_held_out_protocols() {
    held_out(
        "heldout19",
        "Utanför korpusen, nittonde omgången (held out)",
        &NINETEENTH_HELD_OUT_FLOORS,
    );
}

/// The nineteenth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of 18e44d6).
const NINETEENTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.98),
    ("paragraphs", 0.91),
];

/// An eighteenth held-out set (`tests/corpus/protocols/heldout18`: 12 documents never used
/// before, nine of them from five municipalities not used before, 34 § headings), kept unseen
/// until the reader of fb610b4 read it.
#[test]
fn the_eighteenth_held_out_protocols() {
    held_out(
        "heldout18",
        "Utanför korpusen, artonde omgången (held out)",
        &EIGHTEENTH_HELD_OUT_FLOORS,
    );
}

/// The eighteenth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of fb610b4).
const EIGHTEENTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.95),
    ("paragraphs", 0.96),
];

/// A seventeenth held-out set (`tests/corpus/protocols/heldout17`: 12 documents never used
/// before, all of ten municipalities, a region and two kommunalförbund not used before), kept
/// unseen until the reader of 1cade6b read it.
#[test]
fn the_seventeenth_held_out_protocols() {
    held_out(
        "heldout17",
        "Utanför korpusen, sjuttonde omgången (held out)",
        &SEVENTEENTH_HELD_OUT_FLOORS,
    );
}

/// The seventeenth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-06: its first reading by the reader of 1cade6b).
const SEVENTEENTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.86),
    ("attendees", 0.93),
    ("paragraphs", 0.99),
];

/// A sixteenth held-out set (`tests/corpus/protocols/heldout16`: 12 documents never used
/// before, seven of them from six municipalities not used before and two of landsting), kept
/// unseen until the reader of 1dbd135 read it.
#[test]
fn the_sixteenth_held_out_protocols() {
    held_out(
        "heldout16",
        "Utanför korpusen, sextonde omgången (held out)",
        &SIXTEENTH_HELD_OUT_FLOORS,
    );
}

/// The sixteenth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-05: its first reading by the reader of 1dbd135).
const SIXTEENTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.91),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.96),
    ("paragraphs", 0.84),
];

/// A fifteenth held-out set (`tests/corpus/protocols/heldout15`: 11 documents never used
/// before, all of municipalities already used), kept unseen until the reader of c4983a1 read
/// it.
#[test]
fn the_fifteenth_held_out_protocols() {
    held_out(
        "heldout15",
        "Utanför korpusen, femtonde omgången (held out)",
        &FIFTEENTH_HELD_OUT_FLOORS,
    );
}

/// The fifteenth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-05: its first reading by the reader of c4983a1).
const FIFTEENTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.89),
    ("secretary", 0.99),
    ("adjusters", 0.95),
    ("attendees", 0.98),
    ("paragraphs", 0.93),
];

/// A fourteenth held-out set (`tests/corpus/protocols/heldout14`: 12 documents never used
/// before, all of municipalities already used — the store held no new one), kept unseen
/// until the reader of cdb07ad read it.
#[test]
fn the_fourteenth_held_out_protocols() {
    held_out(
        "heldout14",
        "Utanför korpusen, fjortonde omgången (held out)",
        &FOURTEENTH_HELD_OUT_FLOORS,
    );
}

/// The fourteenth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-05: its first reading by the reader of cdb07ad).
const FOURTEENTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.94),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.94),
    ("secretary", 0.86),
    ("adjusters", 0.88),
    ("attendees", 0.97),
    ("paragraphs", 0.81),
];

/// A thirteenth held-out set (`tests/corpus/protocols/heldout13`: 12 documents never used
/// before — one from a municipality not used before, one whose municipality the text does
/// not tell, ten from municipalities already used), kept unseen until the reader of a7a6998
/// read it.
#[test]
fn the_thirteenth_held_out_protocols() {
    held_out(
        "heldout13",
        "Utanför korpusen, trettonde omgången (held out)",
        &THIRTEENTH_HELD_OUT_FLOORS,
    );
}

/// The thirteenth held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-05: its first reading by the reader of a7a6998).
const THIRTEENTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.79),
    // (Lowered on 2026-12-06 from 0.99: 1303 writes "torsdagen den 20 september" without the
    // year, and its labeller left the date null; the reader now reads 2012-09-20, 2012 being
    // the one year the text names in which 20 September was a Thursday, with a warning.)
    ("date", 0.79),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.96),
    ("attendees", 0.98),
    ("paragraphs", 0.91),
];

/// A twelfth held-out set (`tests/corpus/protocols/heldout12`: 12 documents never used
/// before — one from a municipality not used before, one a kommunalförbund's, ten from
/// municipalities already used), kept unseen until the reader of 6cedafd read it.
#[test]
fn the_twelfth_held_out_protocols() {
    held_out(
        "heldout12",
        "Utanför korpusen, tolfte omgången (held out)",
        &TWELFTH_HELD_OUT_FLOORS,
    );
}

/// The twelfth held-out set's floors, a hundredth below the figures of the day they were set
/// (2026-12-05: its first reading by the reader of 6cedafd, then what it taught: a code and
/// number again after the title, a lost "Au" number, a body's decision as a label, an
/// agenda's word inside a §'s text, a case number without "Dnr" as a heading's line, "kl18:00",
/// "Utses justera", "Avser sammanträde med").
const TWELFTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.94),
    ("secretary", 0.90),
    ("adjusters", 0.93),
    ("attendees", 0.93),
    ("paragraphs", 0.90),
];

/// An eleventh held-out set (`tests/corpus/protocols/heldout11`: 12 documents never used
/// before, one from a municipality not used before and eleven from municipalities already
/// used — the store held no more new ones), kept unseen until the reader of 6c6e1f6 read it.
#[test]
fn the_eleventh_held_out_protocols() {
    held_out(
        "heldout11",
        "Utanför korpusen, elfte omgången (held out)",
        &ELEVENTH_HELD_OUT_FLOORS,
    );
}

/// The eleventh held-out set's floors, a hundredth below the figures of the day they were
/// set (2026-12-05: its first reading by the reader of 6c6e1f6, then what it taught: those
/// absent, a meeting's chair, a side note's times, a styrelse's genitive, the municipality's
/// header before the body, "Kl", a label of the §'s parts).
const ELEVENTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.89),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.97),
    ("paragraphs", 0.84),
];

/// A tenth held-out set (`tests/corpus/protocols/heldout10`: 2 more municipalities, all the
/// store held), kept unseen until the reader of 3e7f6c1 read it.
#[test]
fn the_tenth_held_out_protocols() {
    held_out(
        "heldout10",
        "Utanför korpusen, tionde omgången (held out)",
        &TENTH_HELD_OUT_FLOORS,
    );
}

/// The tenth held-out set's floors, a hundredth below the figures of the day they were set
/// (2026-12-05: its first reading by the reader of 3e7f6c1, then "ande ledamöter:" and the
/// justerare chosen before the verb beside the chair).
const TENTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.66),
    ("adjusters", 0.49),
    ("attendees", 0.97),
    ("paragraphs", 0.99),
];

/// A ninth held-out set (`tests/corpus/protocols/heldout9`: 8 more municipalities, each text
/// with a § heading), kept unseen until the reader of 2cc1a80 read it.
#[test]
fn the_ninth_held_out_protocols() {
    held_out(
        "heldout9",
        "Utanför korpusen, nionde omgången (held out)",
        &NINTH_HELD_OUT_FLOORS,
    );
}

/// The ninth held-out set's floors, a hundredth below the figures of the day they were set
/// (2026-12-05: its first reading by the reader of 2cc1a80, then what it taught: places that
/// run on, times with commas, a year glued to its month, "Ks § 118", "ska" after a title).
const NINTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.98),
    ("paragraphs", 0.74),
];

/// An eighth held-out set (`tests/corpus/protocols/heldout8`: 12 more municipalities, each text
/// with a § heading), kept unseen until the reader of a6fd3e5 read it.
#[test]
fn the_eighth_held_out_protocols() {
    held_out(
        "heldout8",
        "Utanför korpusen, åttonde omgången (held out)",
        &EIGHTH_HELD_OUT_FLOORS,
    );
}

/// The eighth held-out set's floors, a hundredth below the figures of the day they were set
/// (2026-12-05: its first reading by the reader of a6fd3e5, then what it taught: the place after
/// the time, "Uppehåll", "ande" opening a list, "Op De", "Protokoll från sammanträde med X",
/// "Till att …", "längs").
const EIGHTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.94),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.95),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.96),
    ("paragraphs", 0.90),
];

/// A seventh held-out set (`tests/corpus/protocols/heldout7`: 12 more municipalities, each text
/// with a § heading), kept unseen until the reader of dda1cec read it; its first reading is in
/// its README.
#[test]
fn the_seventh_held_out_protocols() {
    held_out(
        "heldout7",
        "Utanför korpusen, sjunde omgången (held out)",
        &SEVENTH_HELD_OUT_FLOORS,
    );
}

/// The seventh held-out set's floors, a hundredth below the figures of the day they were set
/// (2026-12-05: its first reading by the reader of dda1cec, then what it taught: abbreviations
/// and decisions in scraped titles, a page's number before a register's, "Al" in a name,
/// definite professions, the list a cover sends to its next page).
const SEVENTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.94),
    ("date", 0.99),
    ("place", 0.90),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.95),
    ("secretary", 0.95),
    ("adjusters", 0.93),
    ("attendees", 0.97),
    ("paragraphs", 0.99),
];

/// The sixth held-out set's floors, a hundredth below the figures of the day they were set
/// (2026-12-05: its first reading, then "Sekreterare" as a title in a list of titled officials
/// and a table of contents ending the cover).
const SIXTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.90),
    ("secretary", 0.99),
    ("adjusters", 0.96),
    ("attendees", 0.94),
    ("paragraphs", 0.87),
];

/// The fifth held-out set's floors, a hundredth below the figures of the day they were set
/// (2026-12-05: its first reading, then "Sidan N" as a page, a name closed by a comma ending a
/// title, "Nämnd" as the organ's label).
const FIFTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.89),
    ("adjusters", 0.96),
    ("attendees", 0.95),
    ("paragraphs", 0.96),
];

/// The fourth held-out set's floors, a hundredth below the figures of the day they were set
/// (2026-12-05: its first reading, then what it taught: commas between §§, "för" alone, the
/// body after the municipality's header, titles closed by their Dnr, a short last page).
const FOURTH_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.90),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.90),
    ("secretary", 0.86),
    ("adjusters", 0.89),
    ("attendees", 0.96),
    ("paragraphs", 0.91),
];

/// The third held-out set's floors, a hundredth below the figures of the day they were set
/// (2026-12-05: its first reading, then the times under "Datum:" and "i" before a place).
const THIRD_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.89),
    ("start_time", 0.79),
    ("end_time", 0.88),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.95),
    ("attendees", 0.97),
    ("paragraphs", 0.99),
];

/// The second held-out set's floors, a hundredth below the figures of the day they were set
/// (2026-12-05: its first reading, then a title line running on into the § text, the party
/// after a comma, a list after a lost time, "ej tjg ersättare", the place after stacked
/// labels, an adjournment's times, "Starttid"/"Sluttid", "Protokoll från X:s sammanträde").
const SECOND_HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.99),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.97),
    ("paragraphs", 0.99),
];

/// Reads one held-out directory, prints its table and holds it to its floors.
fn held_out(name: &str, title: &str, floors: &[(&str, f64)]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/corpus/protocols")
        .join(name);
    let mut texts: Vec<(std::path::PathBuf, std::path::PathBuf)> = std::fs::read_dir(&dir)
        .expect("a held-out directory")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.clone(), p.with_extension("gold.json")))
        .collect();
    texts.sort();
    // Twelve a set; the ninth has eight and the tenth two (no more stored excerpts with a §
    // heading from municipalities not used before were found); the eleventh to fifteenth
    // have eleven or twelve documents each, most or all from municipalities used before.
    assert!(texts.len() >= 2, "{} texts", texts.len());
    let (tallies, refused) = read_all(&texts);
    let low = print_table(title, texts.len(), &tallies, &refused, floors);
    assert!(
        low.is_empty(),
        "the held-out protocols are read worse than before: {low:?}"
    );
    assert!(
        refused.is_empty(),
        "{} real protocols refused whole: {refused:?}",
        refused.len()
    );
}

/// The held-out protocols' floors, a hundredth below the figures of the day they were set
/// (2026-12-05, after an agenda page, officials before the first member with a party, the
/// place after a lost time, stacked "Övriga närvarande"/"Justerare", "UN 19/2014" headings, a
/// name ending a title before an article, "Tid" before a date, "Justeras", a row of list
/// labels before their values, a title's adjective after a name, "/Name/" signatures and two
/// times without their dash were read).
const HELD_OUT_FLOORS: [(&str, f64); 10] = [
    ("body", 0.90),
    ("date", 0.99),
    ("place", 0.99),
    ("start_time", 0.99),
    ("end_time", 0.99),
    ("chair", 0.99),
    ("secretary", 0.99),
    ("adjusters", 0.99),
    ("attendees", 0.98),
    ("paragraphs", 0.95),
];

/// Reads every text with the importer and tallies each field against its gold file; the
/// texts refused whole.
fn read_all(texts: &[(std::path::PathBuf, std::path::PathBuf)]) -> ([Tally; 10], Vec<String>) {
    let mut tallies = [Tally::default(); 10];
    let mut refused = Vec::new();
    for (path, gold_path) in texts {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path).expect("gold"))
            .expect("gold JSON");
        let raw = std::fs::read(path).expect("text");
        let input = String::from_utf8_lossy(&raw);
        let parsed = paragraf_import::parse_protocol(&input);
        if let Err(e) = &parsed {
            refused.push(format!(
                "{} ({e})",
                path.file_name().unwrap().to_string_lossy()
            ));
        }
        let found = parsed.ok();
        let f = found.as_ref();
        let scalar = |g: &str, v: Option<String>| {
            (
                text(&gold[g]),
                v.as_deref().map(fold).filter(|s| !s.is_empty()),
            )
        };
        let pairs = [
            scalar("body", f.and_then(|p| p.body.clone())),
            scalar("date", f.and_then(|p| p.date.clone())),
            scalar("place", f.and_then(|p| p.place.clone())),
            scalar("start_time", f.and_then(|p| p.start_time.clone())),
            scalar("end_time", f.and_then(|p| p.end_time.clone())),
            scalar("chair", f.and_then(|p| p.chair.clone())),
            scalar("secretary", f.and_then(|p| p.secretary.clone())),
        ];
        let mut pairs_shown = pairs.to_vec();
        for (i, (g, v)) in pairs.into_iter().enumerate() {
            tallies[i].scalar(g, v);
        }

        let names_of = |v: &Value, key: Option<&str>| -> BTreeSet<String> {
            v.as_array()
                .map(|xs| {
                    xs.iter()
                        .filter_map(|x| text(key.map_or(x, |k| &x[k])))
                        .collect()
                })
                .unwrap_or_default()
        };
        tallies[7].set(
            &names_of(&gold["adjusters"], None),
            &f.map(|p| p.adjusters.iter().map(|a| fold(a)).collect())
                .unwrap_or_default(),
        );
        tallies[8].set(
            &names_of(&gold["attendees"], Some("name")),
            &f.map(|p| p.attendees.iter().map(|a| fold(&a.name)).collect())
                .unwrap_or_default(),
        );
        let gold_paragraphs: BTreeSet<String> = gold["paragraphs"]
            .as_array()
            .map(|xs| {
                xs.iter()
                    .map(|x| format!("{} {}", x["number"], text(&x["title"]).unwrap_or_default()))
                    .collect()
            })
            .unwrap_or_default();
        let found_paragraphs: BTreeSet<String> = f
            .map(|p| {
                p.paragraphs
                    .iter()
                    .map(|x| {
                        // A § whose number the text lost is "null" in the gold too.
                        let number = x.number.map_or("null".to_string(), |n| n.to_string());
                        format!("{number} {}", fold(&x.title))
                    })
                    .collect()
            })
            .unwrap_or_default();
        tallies[9].set(&gold_paragraphs, &found_paragraphs);
        // CORPUS_DETAIL=1 prints each text's mistakes (a tool for whoever improves the reader).
        if std::env::var_os("CORPUS_DETAIL").is_some() {
            let name = path.file_name().unwrap().to_string_lossy();
            pairs_shown.push((
                Some(format!("{:?}", names_of(&gold["adjusters"], None))),
                Some(format!(
                    "{:?}",
                    f.map(|p| p.adjusters.iter().map(|a| fold(a)).collect::<BTreeSet<_>>())
                        .unwrap_or_default()
                )),
            ));
            for (field, (g, v)) in FIELDS.iter().zip(pairs_shown.iter()) {
                if g != v {
                    println!("{name} {field}: gold {g:?} found {v:?}");
                }
            }
            let gold_names = names_of(&gold["attendees"], Some("name"));
            let found_names: BTreeSet<String> = f
                .map(|p| p.attendees.iter().map(|a| fold(&a.name)).collect())
                .unwrap_or_default();
            let lost: Vec<_> = gold_names.difference(&found_names).collect();
            let wrong: Vec<_> = found_names.difference(&gold_names).collect();
            if !lost.is_empty() || !wrong.is_empty() {
                println!("{name} attendees: lost {lost:?} wrong {wrong:?}");
            }
            let lost: Vec<_> = gold_paragraphs.difference(&found_paragraphs).collect();
            let wrong: Vec<_> = found_paragraphs.difference(&gold_paragraphs).collect();
            if !lost.is_empty() || !wrong.is_empty() {
                println!("{name} paragraphs: lost {lost:?} wrong {wrong:?}");
            }
        }
    }
    (tallies, refused)
}

/// Prints the table of one set of texts; the fields read worse than their floors.
fn print_table(
    title: &str,
    count: usize,
    tallies: &[Tally; 10],
    refused: &[String],
    floors: &[(&str, f64)],
) -> Vec<String> {
    println!(
        "\n{title}: {count} texter, {} refuserade hela:\n  {}",
        refused.len(),
        refused.join("\n  ")
    );
    println!(
        "{:<12} {:>9} {:>7} {:>6}  (tp/fp/fn)",
        "fält", "precision", "recall", "F1"
    );
    let mut low = Vec::new();
    for (i, field) in FIELDS.iter().enumerate() {
        let t = tallies[i];
        println!(
            "{field:<12} {:>9.3} {:>7.3} {:>6.3}  ({}/{}/{})",
            t.precision(),
            t.recall(),
            t.f1(),
            t.tp,
            t.fp,
            t.fn_
        );
        let floor = floors.iter().find(|(f, _)| f == field).map_or(0.0, |x| x.1);
        if t.f1() + 1e-9 < floor {
            low.push(format!("{field}: F1 {:.3} < {floor}", t.f1()));
        }
    }
    low
}
