//! The delegationsordning of seed 002 against its gold JSON, item by item (checked by hand
//! against the seed text, lines 757–1251), the seed's quirks named in warnings, and inputs
//! that are no order at all — never a panic.

use paragraf_import::delegation::DelegationItem;
use paragraf_import::{parse_delegation, DelegationDocument, ImportError};

fn fixtures() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn seed() -> String {
    std::fs::read_to_string(fixtures().join("002_e41df9be8d1d79a6.txt")).expect("seed 002")
}

fn gold() -> DelegationDocument {
    let text = std::fs::read_to_string(fixtures().join("gold/delegation-002.json")).expect("gold");
    serde_json::from_str(&text).expect("gold json")
}

fn differences(want: &DelegationItem, got: &DelegationItem) -> Vec<String> {
    let mut d = Vec::new();
    macro_rules! field {
        ($f:ident) => {
            if want.$f != got.$f {
                d.push(format!(
                    "{} {}: väntat {:?}, fick {:?}",
                    want.number,
                    stringify!($f),
                    want.$f,
                    got.$f
                ));
            }
        };
    }
    field!(section);
    field!(matter);
    field!(legal_basis);
    field!(delegates);
    field!(conditional);
    field!(levels);
    field!(remark);
    field!(utskott_only);
    field!(moved_to);
    d
}

#[test]
fn seed_002_matches_its_gold_item_by_item() {
    let got = parse_delegation(&seed()).expect("seed 002 has an order");
    let want = gold();
    assert_eq!(got.title, "Delegationsordning för Socialnämnden");
    assert_eq!(got.case_number.as_deref(), Some("SOC 2023-000189"));
    assert_eq!(got.adopted.as_deref(), Some("2019-06-19"));
    assert_eq!(got.revised.as_deref(), Some("2024-04-16"));
    assert_eq!(got.valid_until.as_deref(), Some("2025-04-16"));
    assert_eq!(
        got.adopted_by.as_deref(),
        Some("Socialnämnden 2019-06-19 § 132")
    );
    assert_eq!(got.abbreviations.len(), 31);
    assert_eq!(
        got.abbreviations.get("LVU").map(String::as_str),
        Some("Lag (1990:52) med särskilda bestämmelser om vård av unga")
    );
    assert_eq!(got.sections, want.sections);
    assert_eq!(got.rules, want.rules);
    let mut problems = Vec::new();
    for w in &want.items {
        match got.items.iter().find(|g| g.number == w.number) {
            Some(g) => problems.extend(differences(w, g)),
            None => problems.push(format!("{} saknas", w.number)),
        }
    }
    for g in &got.items {
        if !want.items.iter().any(|w| w.number == g.number) {
            problems.push(format!("{} finns inte i gold", g.number));
        }
    }
    let order: Vec<&str> = got.items.iter().map(|i| i.number.as_str()).collect();
    let gold_order: Vec<&str> = want.items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(order, gold_order, "the items' order");
    assert!(
        problems.is_empty(),
        "{} skillnader:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert_eq!(got.items.len(), 200);
}

#[test]
fn the_seeds_quirks_are_named() {
    let d = parse_delegation(&seed()).expect("order");
    let has = |needle: &str| {
        assert!(
            d.warnings.iter().any(|w| w.contains(needle)),
            "no warning with {needle:?}: {:#?}",
            d.warnings
        )
    };
    has("HTML-markering (<p>, <ol>");
    has("tabellen börjar om på varje sida");
    has("10.2.1 → 10.2.10, 10.2.1 → 10.2.11");
    has("nummer saknas i ordningen: 2.1–2.2");
    has("11.12 (vid brådskande ärende: Verksamhetschef)");
    has("7.1.23 → 7.2.10");
    // The repaired numbers, the merged headings and the conditional delegates themselves.
    let item = |n: &str| d.items.iter().find(|i| i.number == n).expect(n);
    assert_eq!(item("10.2.10").legal_basis, vec!["7 kap. 7 § 2 st. FB"]);
    assert_eq!(item("10.2.11").legal_basis, vec!["11 kap. 16 § 2 st. FB"]);
    assert!(item("7.1.1").utskott_only && item("9.1.3").utskott_only && item("5.1.7").utskott_only);
    assert!(!item("7.2.1").utskott_only);
    let c = &item("11.12").conditional[0];
    assert_eq!(
        (c.condition.as_str(), c.delegates.clone()),
        (
            "vid brådskande ärende",
            vec![vec!["Verksamhetschef".to_string()]]
        )
    );
    let l = &item("3.3").levels;
    assert_eq!(l.len(), 5);
    assert_eq!(
        l[0].delegates,
        vec![vec![
            "Socialsekreterare".to_string(),
            "Biståndshandläggare".to_string()
        ]]
    );
    assert_eq!(l[4].delegates, vec![vec!["Utskott".to_string()]]);
    assert!(!item("3.3").matter.contains('<'));
}

#[test]
fn the_order_alone_reads_the_same() {
    // Lines 757–1251 by themselves give the same items as the whole kallelse.
    let text = seed();
    let lines: Vec<&str> = text.lines().collect();
    let alone = lines[756..1251].join("\n");
    let a = parse_delegation(&alone).expect("order alone");
    let b = parse_delegation(&text).expect("whole");
    assert_eq!(a.items, b.items);
}

#[test]
fn no_order_is_a_clear_error() {
    assert!(matches!(parse_delegation(""), Err(ImportError::Empty)));
    let e = parse_delegation("Protokoll\n§ 1 Val av justerare\n").unwrap_err();
    assert!(matches!(e, ImportError::NoDelegationOrder));
    assert!(e.to_string().contains("delegationsordning"));
    // A header with no rows is no order either.
    assert!(matches!(
        parse_delegation("Nr.\tÄrende\tLagrum\tDelegat\tAnmärkning\n"),
        Err(ImportError::NoDelegationOrder)
    ));
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
fn random_bytes_never_panic() {
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    for _ in 0..2000 {
        let len = rng.below(2000);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let _ = parse_delegation(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn shuffled_and_cut_seed_lines_never_panic() {
    const TOKENS: [&str; 24] = [
        "Nr.\tÄrende\tLagrum\tDelegat\tAnmärkning",
        "1.2.1.\tX\t2 kap. 17 § TF\tEnhetschef\t",
        "10.2.1\tY\t\tSocialsekreterare\t",
        "\tÖvrigt\t\t\tSe ovan",
        "7. LVU**7.1. Ärenden som inte till tjänsteman**",
        "3.3.\t<p>A</p> <ol> 1. B 2. C a) D b) E",
        "\t1. X eller 2. a) Y 2. b)",
        "Utskott Eller vid brådskande ärende –",
        "med veckoberedskap",
        "Enhetschef* Samordnare*",
        "*Gäller",
        "Hela delegationen flyttas till",
        "Förkortningar",
        "Inledning",
        "Delegationsordning",
        "Delegationsordning för X",
        "Dokumentnamn\tDiarienummer\tDatum 2019-06-19",
        "i samråd med",
        "2. a) 2. b) 2. c)",
        "<ol",
        "§",
        "\t\t\t\t\t\t",
        "99.99.99.99.",
        "ÅÄÖ – €",
    ];
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    let seed = seed();
    let lines: Vec<&str> = seed.lines().skip(750).take(510).collect();
    for _ in 0..1500 {
        let mut doc = String::new();
        for _ in 0..rng.below(60) {
            if rng.below(3) == 0 {
                doc.push_str(TOKENS[rng.below(TOKENS.len())]);
            } else {
                let l = lines[rng.below(lines.len())];
                let cut = rng.below(l.len() + 1);
                // Cut on a character boundary.
                let cut = (0..=cut)
                    .rev()
                    .find(|&i| l.is_char_boundary(i))
                    .unwrap_or(0);
                doc.push_str(&l[..cut]);
            }
            doc.push(if rng.below(5) == 0 { '\t' } else { '\n' });
        }
        let _ = parse_delegation(&doc);
    }
}
