//! Benchmark: the search over generated Swedish protocol text, side by side with SQLite
//! FTS5 on the same corpus in the same run. Prints index build time, index size and query
//! p50/p99 for ten typical queries, and the ratio of the two engines' p99.
//!
//! `cargo bench -p paragraf-search --bench search` (1 000 000 §§; set
//! `PARAGRAF_BENCH_PARAGRAPHS` for another size). Both answer the same question: the 20
//! best §§ holding every word of the query or a word it begins (FTS5: `ord*`), with a
//! snippet; Paragraf's answer also counts the facets.

use std::path::Path;
use std::time::{Duration, Instant};

use paragraf_search::{Entry, GroupChange, Query, SearchIndex};

/// xorshift64*: deterministic, no dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[(self.next() % words.len() as u64) as usize]
    }
}

const BODIES: &[&str] = &[
    "Socialnämnden",
    "Kommunstyrelsen",
    "Barn- och utbildningsnämnden",
    "Miljö- och byggnadsnämnden",
    "Kultur- och fritidsnämnden",
    "Tekniska nämnden",
];

/// The words every § is made of (a protocol's common language).
const COMMON: &[&str] = &[
    "nämnden",
    "beslutar",
    "att",
    "godkänna",
    "förvaltningens",
    "redovisning",
    "ärendet",
    "beskrivning",
    "och",
    "för",
    "till",
    "med",
    "som",
    "har",
    "inom",
    "enligt",
    "under",
    "informationen",
    "läggs",
    "handlingarna",
    "yttrande",
    "förslag",
    "beslut",
    "kommunen",
    "verksamhet",
    "ansvar",
    "uppdrag",
    "arbete",
    "inför",
    "samt",
    "ska",
    "kan",
    "året",
    "föreslår",
    "bedömning",
    "underlag",
    "tjänsteskrivelse",
    "ordföranden",
    "ledamöter",
];

/// Topics: a § is about one or two of them, so a topical word is in a few per cent of the
/// §§, as in real protocols.
const TOPICS: &[&str] = &[
    "budget",
    "uppföljning",
    "hemtjänst",
    "hemtjänstinsatser",
    "äldreomsorg",
    "särskilt",
    "boende",
    "sjukfrånvaro",
    "sjukfrånvaron",
    "personal",
    "ekonomi",
    "underskott",
    "överskott",
    "prognos",
    "helår",
    "delårsrapport",
    "bokslut",
    "investering",
    "detaljplan",
    "bygglov",
    "strandskydd",
    "förskola",
    "grundskola",
    "gymnasieskola",
    "elevhälsa",
    "skolskjuts",
    "bibliotek",
    "idrottshall",
    "föreningsbidrag",
    "avfall",
    "vatten",
    "avlopp",
    "gatubelysning",
    "vinterväghållning",
    "upphandling",
    "avtal",
    "remiss",
    "motion",
    "medborgarförslag",
    "interpellation",
    "delegationsbeslut",
    "delegationsordning",
    "anmälan",
    "socialtjänst",
    "individ",
    "familjeomsorg",
    "försörjningsstöd",
    "missbruksvård",
    "placeringar",
    "familjehem",
    "barnavård",
    "orosanmälningar",
    "tillsyn",
    "inspektionen",
    "vård",
    "omsorg",
    "kvalitet",
    "patientsäkerhet",
    "riktlinjer",
    "revidering",
    "taxa",
    "avgifter",
    "internkontroll",
    "kontrollplan",
    "indikatorer",
    "nyckeltal",
    "region",
    "samverkan",
    "välfärd",
    "arbetsmiljö",
    "rekrytering",
    "kompetensförsörjning",
    "digitalisering",
    "välfärdsteknik",
    "trygghetslarm",
    "nattillsyn",
    "korttidsboende",
    "demensboende",
    "hemsjukvård",
    "rehabilitering",
    "bostadsanpassning",
    "färdtjänst",
];

const QUERIES: &[&str] = &[
    "hemtjänst",
    "sjukfrånvaro",
    "budget uppföljning",
    "detaljplan strandskydd",
    "delegationsbeslut",
    "familjehem placeringar",
    "äldreomsorg kvalitet",
    "upphandling avtal",
    "motion",
    "välfärdsteknik trygghetslarm",
];

fn paragraph(rng: &mut Rng, i: usize) -> Entry {
    let year = 2006 + (i % 20) as i32;
    let body = rng.pick(BODIES);
    let topics: Vec<&str> = (0..5).map(|_| rng.pick(TOPICS)).collect();
    let title: Vec<&str> = topics[..2].to_vec();
    let text: Vec<&str> = (0..60)
        .map(|k| {
            if k % 12 == 0 {
                topics[k / 12]
            } else {
                rng.pick(COMMON)
            }
        })
        .collect();
    Entry {
        key: format!("p/{}/{i}", i / 20),
        group: format!("m/{}", i / 20),
        kind: "paragraf".into(),
        body: body.into(),
        year,
        date: format!("{year}-03-14"),
        title: format!("§ {} {}", i % 20 + 1, title.join(" ")),
        text: text.join(" "),
        url: format!("/protokoll/{}#p{}", i / 20, i % 20 + 1),
        dnr: None,
        case_key: None,
        access: Vec::new(),
    }
}

fn size_of(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    let p = e.path();
                    if p.is_dir() {
                        size_of(&p)
                    } else {
                        e.metadata().map_or(0, |m| m.len())
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let n: usize = std::env::var("PARAGRAF_BENCH_PARAGRAPHS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let rounds = 20;
    let tmp = tempfile::tempdir().expect("tempdir");
    println!(
        "{n} genererade paragrafer, {} frågor × {rounds} varv\n",
        QUERIES.len()
    );

    // Paragraf (tantivy).
    let index = SearchIndex::open(&tmp.path().join("tantivy")).expect("index");
    let started = Instant::now();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let batch = 100_000;
    let mut i = 0;
    while i < n {
        let entries: Vec<Entry> = (i..(i + batch).min(n))
            .map(|j| paragraph(&mut rng, j))
            .collect();
        let change = GroupChange {
            group: format!("batch/{i}"),
            fingerprint: Some(i.to_string()),
            entries,
        };
        index.apply(&[change], false).expect("apply");
        i += batch;
    }
    let tantivy_build = started.elapsed();
    let tantivy_size = size_of(&tmp.path().join("tantivy"));

    // SQLite FTS5 on the same corpus.
    let db = tmp.path().join("fts5.db");
    let conn = rusqlite::Connection::open(&db).expect("sqlite");
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
         CREATE VIRTUAL TABLE p USING fts5(title, text, body UNINDEXED, url UNINDEXED, tokenize='unicode61');",
    )
    .expect("fts5");
    let started = Instant::now();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut i = 0;
    while i < n {
        let tx = conn.unchecked_transaction().expect("tx");
        {
            let mut insert = tx
                .prepare("INSERT INTO p(title, text, body, url) VALUES (?1, ?2, ?3, ?4)")
                .expect("prepare");
            for j in i..(i + batch).min(n) {
                let e = paragraph(&mut rng, j);
                insert
                    .execute((&e.title, &e.text, &e.body, &e.url))
                    .expect("insert");
            }
        }
        tx.commit().expect("commit");
        i += batch;
    }
    conn.execute_batch("INSERT INTO p(p) VALUES('optimize');")
        .expect("optimize");
    let fts_build = started.elapsed();
    let fts_size = std::fs::metadata(&db).map_or(0, |m| m.len());

    println!(
        "{:<28} {:>12} {:>12} {:>10} {:>10} {:>8}",
        "fråga", "Paragraf p50", "Paragraf p99", "FTS5 p50", "FTS5 p99", "träffar"
    );
    let mut all_t = Vec::new();
    let mut all_f = Vec::new();
    let mut stmt = conn
        .prepare(
            "SELECT url, snippet(p, 1, '[', ']', ' … ', 24) FROM p WHERE p MATCH ?1 ORDER BY rank LIMIT 20",
        )
        .expect("prepare");
    for q in QUERIES {
        let mut t_times = Vec::new();
        let mut f_times = Vec::new();
        let mut total = 0;
        let fts_q = q
            .split_whitespace()
            .map(|w| format!("\"{w}\"*"))
            .collect::<Vec<_>>()
            .join(" AND ");
        for _ in 0..rounds {
            let s = Instant::now();
            let r = index
                .search(&Query {
                    text: (*q).into(),
                    limit: 20,
                    ..Query::default()
                })
                .expect("search");
            t_times.push(s.elapsed());
            total = r.total;
            let s = Instant::now();
            let rows: Vec<(String, String)> = stmt
                .query_map([&fts_q], |r| Ok((r.get(0)?, r.get(1)?)))
                .expect("query")
                .collect::<Result<_, _>>()
                .expect("rows");
            f_times.push(s.elapsed());
            assert!(!rows.is_empty() || total == 0);
        }
        all_t.extend(t_times.iter().copied());
        all_f.extend(f_times.iter().copied());
        let (t50, t99) = percentiles(t_times);
        let (f50, f99) = percentiles(f_times);
        println!(
            "{q:<28} {:>10.2} ms {:>10.2} ms {:>7.2} ms {:>7.2} ms {total:>8}",
            ms(t50),
            ms(t99),
            ms(f50),
            ms(f99)
        );
    }
    let (t50, t99) = percentiles(all_t);
    let (f50, f99) = percentiles(all_f);
    println!(
        "\n{:<28} {:>10.2} ms {:>10.2} ms {:>7.2} ms {:>7.2} ms",
        "alla frågor",
        ms(t50),
        ms(t99),
        ms(f50),
        ms(f99)
    );
    println!(
        "\nIndex: Paragraf {:.1} s, {:.0} MB; FTS5 {:.1} s, {:.0} MB",
        tantivy_build.as_secs_f64(),
        tantivy_size as f64 / 1e6,
        fts_build.as_secs_f64(),
        fts_size as f64 / 1e6
    );
    println!(
        "Kvot FTS5/Paragraf: p50 {:.1}×, p99 {:.1}× (mål: p99 under 50 ms och minst 3× snabbare)",
        ms(f50) / ms(t50),
        ms(f99) / ms(t99)
    );
}
