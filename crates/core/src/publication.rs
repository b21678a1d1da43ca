//! Offentlig version: what the public may read of the minutes. A § is published only when
//! it is public by the record of the person who made it, by a rule that names its ground, or
//! by a person's classification; §§ about individual cases (OSL 26 kap. 1 §) and §§ nobody
//! has classified yet are replaced by a notice, and personnummer are masked in all text.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};
use serde::{Deserialize, Serialize};

use crate::minutes::{Paragraph, TableRow};
use crate::registry::Secrecy;
use crate::secrecy::{looks_like_personal_number, mask_all};

/// The notice that stands in for a secret § in every public version.
pub const SECRET_NOTICE: &str = "Paragrafen avser ett enskilt ärende och omfattas av sekretess enligt \
OSL 26 kap. 1 §. Den finns i det fullständiga protokollet, som kan begäras ut efter sekretessprövning.";

/// The heading a secret § gets in public versions (its own title may identify a person).
pub const SECRET_TITLE: &str = "Enskilt ärende";

/// The notice for a § that nobody has classified yet.
pub const PENDING_NOTICE: &str =
    "Paragrafen har ännu inte prövats för publicering och visas därför inte. \
Den finns i det fullständiga protokollet, som kan begäras ut efter sekretessprövning.";

/// The heading of a § not yet classified.
pub const PENDING_TITLE: &str = "Ej publicerad paragraf";

/// Who classified a §: a rule of this module (named by its ground) or a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum ClassifiedBy {
    /// A rule of [`classify`].
    Rule,
    /// A person (their username).
    Person(String),
}

/// Klassificering: whether a § may be published, on what ground and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classification {
    /// The § number.
    pub paragraph: u32,
    /// Whether it may be published.
    pub public: bool,
    /// The ground, in words ("Sammanträdets formalia", "OSL 26 kap. 1 §: LVU", …).
    pub ground: String,
    /// Who decided.
    pub by: ClassifiedBy,
}

/// What the rules make of a §.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Secret, on this ground: the § is about an individual (a personnummer, a title that
    /// names an individual's matter, OSL 26 kap. 1 § cited, "enskilt ärende"). Stored secret;
    /// nobody can publish it.
    Secret(String),
    /// Withheld on this ground until a person has looked: the text mentions what is often
    /// secret (LVU, LVM, "sekretess") in a matter that may still be the nämnd's own, such as
    /// a budget follow-up that counts LVU placements.
    Withheld(String),
    /// Public, on this ground.
    Public(String),
    /// The rules cannot tell: a person must classify it ("att klassificera").
    Undecided,
}

/// Signs of an individual case anywhere in a §'s text (OSL 26 kap. 1 §): the § is secret.
/// Each pattern's ground is at the same index in [`SECRET_GROUNDS`].
static SECRET_TEXT: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        // OSL 26 kap. 1 § in its spellings: "26 kap. 1 §", "26 kap 1§", "26:1", "26 kap. 1 och 2 §§".
        r"(?i)(?:\bOSL\b|offentlighets- och sekretesslag)[^\n]{0,40}?\b26\s*(?:kap\.?\s*|:)\s*1\b|\b26\s*kap\.?\s*1\s*(?:§|och)|\b26:1\s*(?:§|\bOSL\b)",
        r"(?i)\benskild[ae]?\s+ärende|\benskilt\s+ärende|\bindividärende|\bpersonärende",
        r"(?i)protokollförs\s+i\s+(?:särskilt|separat)",
    ])
    .expect("static regexes")
});

const SECRET_GROUNDS: [&str; 3] = [
    "OSL 26 kap. 1 § anges",
    "enskilt ärende",
    "protokollförs separat",
];

/// Words that are often about individuals but also appear in the nämnd's own matters: the
/// § waits for a person. Grounds at the same index in [`WITHHELD_GROUNDS`].
static WITHHELD_TEXT: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)\bLVU\b|vård av unga",
        r"(?i)\bLVM\b|vård av missbrukare",
        r"(?i)sekretess",
    ])
    .expect("static regexes")
});

const WITHHELD_GROUNDS: [&str; 3] = [
    "LVU (vård av unga) nämns",
    "LVM (vård av missbrukare) nämns",
    "sekretess nämns",
];

/// A title that names an individual's matter: an application, an appeal or a statement to
/// a court, or a matter under SoL, LSS or föräldrabalken.
static INDIVIDUAL_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bansökan\s+om\b|\böverklagande\b|\byttrande\s+till\s+(?:förvaltningsrätten|kammarrätten|tingsrätten|hovrätten|domstol)|\bärenden?\s+enligt\s+(?:SoL|LSS|FB|föräldrabalken|socialtjänstlagen)|\b(?:bistånd|insats(?:er)?)\s+enligt\s+(?:SoL|LSS|4\s+kap)|\b(?:vårdnad|umgänge|boende)\s+(?:för|om)\s+barn|\bfamiljehemsplacering\b|\bplacering\s+av\b|\bomedelbart\s+omhändertagande\b|\bfaderskap|\bföräldraskap",
    )
    .expect("static regex")
});

/// A name written with a personnummer ("Kalle Andersson, 811218-9876").
fn has_personal_number(text: &str) -> bool {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:1[89]|20)?[0-9]{6}[\s\u{A0}]{0,2}[-+/.:\u{2010}-\u{2015}\u{2212}]?[\s\u{A0}]{0,2}[0-9]{4}")
            .expect("static regex")
    });
    NUMBER
        .find_iter(text)
        .any(|m| looks_like_personal_number(m.as_str()))
}

/// Matters that concern the nämnd's own work and never an individual, by the words of the
/// title, with the ground each names.
const PUBLIC_TITLES: &[(&str, &str)] = &[
    (
        r"(?i)\bval av justerar|\bjustering\b|godkännande av (?:dagordning|föredragningslist)|ändring(?:ar)? i (?:dagordning|föredragningslist|fördragningslist)|\b(?:dagordning|föredragningslista)\b|sammanträdets (?:öppnande|avslutande)|\bupprop\b|\bnärvarorätt\b|\bbesökares närvaro\b|\bsammanträdesplan|\bsammanträdesdagar|\bsammanträdestider",
        "sammanträdets formalia",
    ),
    (
        r"(?i)\bbudget|\bbokslut|\bdelår|\bårsredovisning|\bekonomisk|\bekonomi\b|\bprognos|\binvestering|\bverksamhetsplan|\bverksamhetsberättelse|\bverksamhetsredovisning|\bårsberättelse|\buppföljning av mål|\bmålaktiviteter|\bmål och budget|\bbudget och mål|\binternkontroll|\bintern kontroll|\bstatsbidrag",
        "nämndens ekonomi, planering och uppföljning",
    ),
    (
        r"(?i)\breglemente|\bdelegationsordning|\bdelegationsbeslut|\bdelgivning|\bmeddelanden\b|\banmälningsärenden|\banmälningssärenden|\battestordning|\bdokumenthanteringsplan",
        "nämndens styrning och anmälningar",
    ),
    (
        r"(?i)^(?:aktuell |allmän )?information\b|\binformerar\b|\binformation (?:från|om)\b|^övriga frågor$",
        "information till nämnden",
    ),
    (
        r"(?i)\briktlinje|\bpolicy|\bhandlingsplan|\bstrategi|\bprogram\b|\binriktningsdokument|\btaxa|\bavgift|\bremiss|\bmotion\b|\bmedborgarförslag|\byttrande (?:gällande|över|angående|om|rörande)|\byttrande\s+[-–]\s+rörande|\bsamverkansavtal|\bgranskning av\b|\binspektion vid\b|\btillsyn av\b|\bbeslut efter tillsyn\b|\brapport (?:om|angående)\b|\brapport\b.*\binte verkställts",
        "nämndens verksamhet i allmänhet (riktlinjer, yttranden, rapporter, tillsyn)",
    ),
];

static PUBLIC_TITLE_SET: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    PUBLIC_TITLES
        .iter()
        .map(|(re, ground)| (Regex::new(re).expect("static regex"), *ground))
        .collect()
});

/// Every text of a § that a reader could see, joined.
fn all_text(p: &Paragraph) -> String {
    fn rows(out: &mut String, rs: &[TableRow]) {
        for r in rs {
            if let Some(l) = &r.label {
                out.push_str(l);
                out.push('\n');
            }
            for v in &r.values {
                if let crate::minutes::CellValue::Text(t) = v {
                    out.push_str(t);
                    out.push('\n');
                }
            }
            rows(out, &r.children);
        }
    }
    let mut s = String::new();
    for part in [
        Some(&p.title),
        Some(&p.text),
        p.case_number.as_ref(),
        p.prepared_by.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        s.push_str(part);
        s.push('\n');
    }
    for d in [&p.proposal, &p.decision].into_iter().flatten() {
        s.push_str(&d.to_text());
        s.push('\n');
    }
    for m in &p.motions {
        s.push_str(&m.text);
        s.push('\n');
    }
    for v in p.votes() {
        s.push_str(v.yes_means());
        s.push('\n');
        s.push_str(v.no_means());
        s.push('\n');
    }
    for r in &p.reservations {
        if let Some(x) = &r.reasons {
            s.push_str(x);
            s.push('\n');
        }
    }
    for c in p.conflicts() {
        if let Some(g) = &c.ground {
            s.push_str(g);
            s.push('\n');
        }
    }
    for n in &p.notes {
        s.push_str(&n.text);
        s.push('\n');
    }
    for l in p.documents.iter().chain(&p.dispatch) {
        s.push_str(l);
        s.push('\n');
    }
    for t in &p.tables {
        if let Some(x) = &t.title {
            s.push_str(x);
            s.push('\n');
        }
        for h in &t.header {
            s.push_str(h);
            s.push('\n');
        }
        rows(&mut s, &t.rows);
    }
    s
}

/// The rules for a § whose secrecy nobody has decided (an imported §): secret when it shows
/// an individual case (OSL 26 kap. 1 § in any spelling, "enskilt ärende", a personnummer,
/// a title naming an individual's application, a court matter, LVU or LVM); withheld for a
/// person to look at when its text mentions LVU, LVM or "sekretess"; public when its title
/// is one of the nämnd's own matters (formalia, economy and follow-up, governance,
/// information, policies and statements); undecided otherwise. Secret wins over withheld,
/// withheld over public.
pub fn classify(p: &Paragraph) -> Verdict {
    let text = all_text(p);
    if let Some(i) = SECRET_TEXT.matches(&text).iter().next() {
        return Verdict::Secret(format!("OSL 26 kap. 1 §: {}", SECRET_GROUNDS[i]));
    }
    if has_personal_number(&text) {
        return Verdict::Secret("OSL 26 kap. 1 §: personnummer i texten".into());
    }
    if INDIVIDUAL_TITLE.is_match(&p.title) || WITHHELD_TEXT.is_match(&p.title) {
        return Verdict::Secret("OSL 26 kap. 1 §: rubriken avser en enskilds ärende".into());
    }
    if let Some(i) = WITHHELD_TEXT.matches(&text).iter().next() {
        return Verdict::Withheld(format!("väntar på prövning: {}", WITHHELD_GROUNDS[i]));
    }
    for (re, ground) in PUBLIC_TITLE_SET.iter() {
        if re.is_match(&p.title) {
            return Verdict::Public(format!("regel: {ground}"));
        }
    }
    Verdict::Undecided
}

/// The secrecy an imported § is stored with: secret or undecided as the rules say; public
/// only when a rule names its ground.
pub fn imported_secrecy(v: &Verdict) -> Secrecy {
    match v {
        Verdict::Secret(_) => Secrecy::IndividualCase,
        Verdict::Public(_) => Secrecy::Public,
        Verdict::Withheld(_) | Verdict::Undecided => Secrecy::Unclassified,
    }
}

/// What the public gets of a §.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    /// The § itself, masked.
    Public,
    /// A notice: the § is secret.
    Secret,
    /// A notice: nobody has classified the § yet.
    Pending,
}

/// Whether § `p` may be published. A § stored secret is never published. A § not yet
/// classified is published only when a person has classified it public. A § stored public
/// is published when it was written in Paragraf (its secrecy set by the person who
/// registered the case), or, when imported, when a rule or a person classified it public;
/// a person's later "secret" hides any §.
pub fn publication(
    p: &Paragraph,
    imported: bool,
    classification: Option<&Classification>,
) -> Publication {
    let says = classification.map(|c| c.public);
    match p.secrecy {
        Secrecy::IndividualCase => Publication::Secret,
        Secrecy::Unclassified => match classification {
            Some(c) if matches!(c.by, ClassifiedBy::Person(_)) => {
                if c.public {
                    Publication::Public
                } else {
                    Publication::Secret
                }
            }
            _ => Publication::Pending,
        },
        Secrecy::Public => match says {
            Some(false) => Publication::Secret,
            Some(true) => Publication::Public,
            None if imported => Publication::Pending,
            None => Publication::Public,
        },
    }
}

/// The public version of one §: a notice in place of a § that may not be published, the
/// § with every text masked otherwise (see [`mask_all`]). Votes, reservations and jäv keep
/// their person ids; names are the caller's business, and are masked with its view.
pub fn public_paragraph(p: &Paragraph, publication: Publication) -> Paragraph {
    let notice = |title: &str, text: &str, secrecy: Secrecy| {
        let mut q = Paragraph::new(p.number, title).expect("number and title are valid");
        q.secrecy = secrecy;
        q.text = text.to_string();
        q.immediately_adjusted = p.immediately_adjusted;
        q
    };
    match publication {
        Publication::Secret => notice(SECRET_TITLE, SECRET_NOTICE, Secrecy::IndividualCase),
        Publication::Pending => notice(PENDING_TITLE, PENDING_NOTICE, Secrecy::Unclassified),
        // Masking keeps every value valid (a title stays non-empty, a vote its ballots);
        // should it ever not, the § is withheld rather than shown unmasked.
        Publication::Public => mask_all(p)
            .unwrap_or_else(|_| notice(PENDING_TITLE, PENDING_NOTICE, Secrecy::Unclassified)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minutes::{AttClause, CellValue, Decision, Table};
    use crate::secrecy::MASK;

    fn para(title: &str, text: &str) -> Paragraph {
        let mut p = Paragraph::new(7, title).unwrap();
        p.text = text.into();
        p
    }

    fn secret(v: Verdict) -> bool {
        matches!(v, Verdict::Secret(_))
    }

    #[test]
    fn secret_paragraphs_become_a_notice() {
        let mut p = Paragraph::new(7, "Ansökan om vård enligt LVU för Kalle, 811218-9876").unwrap();
        p.secrecy = Secrecy::IndividualCase;
        p.text = "Utredningen visar …".into();
        p.dispatch.push("Vårdnadshavare".into());
        let q = public_paragraph(&p, publication(&p, false, None));
        assert_eq!(q.number, 7);
        assert_eq!(q.title, SECRET_TITLE);
        assert_eq!(q.text, SECRET_NOTICE);
        assert!(q.dispatch.is_empty() && q.decision.is_none());
        let json = serde_json::to_string(&q).unwrap();
        assert!(!json.contains("Kalle") && !json.contains("9876") && !json.contains("Utredningen"));
    }

    #[test]
    fn public_paragraphs_are_masked_everywhere() {
        let mut p = Paragraph::new(8, "Synpunkt").unwrap();
        p.text = "Klaganden 811218-9876 har inkommit".into();
        p.decision = Some(Decision::Clauses {
            intro: None,
            clauses: vec![AttClause("besvara 19811218-9876".into())],
        });
        p.documents.push("Skrivelse från 8112189876".into());
        p.tables.push(Table {
            title: None,
            header: vec!["Namn".into()],
            rows: vec![TableRow {
                label: Some("811218–9876".into()),
                values: vec![CellValue::Number(437_569.0)],
                children: vec![],
            }],
        });
        let q = public_paragraph(&p, Publication::Public);
        let json = serde_json::to_string(&q).unwrap();
        assert!(!json.contains("9876"), "{json}");
        assert!(json.contains(MASK) && json.contains("437569"));
    }

    #[test]
    fn the_imports_that_leaked_are_secret() {
        // The attacker's §: LVU, a name and a personnummer with an en dash.
        assert!(secret(classify(&para(
            "Ansökan om vård enligt LVU för Kalle Andersson, 811218–9876",
            ""
        ))));
        for text in [
            "Beslutet fattas enligt OSL 26:1.",
            "Sekretess enligt 26 kap 1 § OSL.",
            "Uppgifterna omfattas av 26 kap. 1 § offentlighets- och sekretesslagen.",
            "enligt offentlighets- och sekretesslagen 26 kap. 1 och 2 §§",
            "Ärendet är ett enskilt ärende.",
            "Enskilda ärenden behandlas i separat protokoll.",
            "Uppgifter om Kalle Andersson, 811218-9875.",
        ] {
            assert!(secret(classify(&para("Beslut", text))), "{text}");
        }
        // LVU, LVM and "sekretess" in the text of the nämnd's own matter (a budget that
        // counts placements) wait for a person; in the title they are secret.
        for text in [
            "Kostnaderna för placeringar enligt LVU ökar.",
            "Beslut om vård enligt lagen (1990:52) med särskilda bestämmelser om vård av unga.",
            "Ansökan enligt LVM.",
            "Informationen omfattas av sekretess.",
        ] {
            assert!(
                matches!(
                    classify(&para("Budgetuppföljning", text)),
                    Verdict::Withheld(_)
                ),
                "{text}"
            );
        }
        assert!(secret(classify(&para("Ärende enligt LVU", ""))));
        for title in [
            "Ansökan om bistånd",
            "Överklagande av beslut om försörjningsstöd",
            "Yttrande till förvaltningsrätten",
            "Ärende enligt LSS",
            "Sekretess",
            "Placering av barn",
        ] {
            assert!(secret(classify(&para(title, ""))), "{title}");
        }
        // A personnummer in a vote's meaning or a jäv ground counts as well.
        let mut p = para("Budget 2024", "");
        p.notes.push(crate::minutes::MinutesNote {
            by: vec![],
            text: "Gäller 811218-9876".into(),
        });
        assert!(secret(classify(&p)));
    }

    #[test]
    fn the_seeds_own_matters_are_public_by_a_named_rule() {
        for title in [
            "Godkännande av föredragningslista",
            "Ändring i fördragningslistan",
            "Verksamhets- och budgetuppföljning januari - juli 2025",
            "Bokslut 2023",
            "Uppföljning av mål 2023",
            "Revidering av reglemente för socialnämnden",
            "Delegationsbeslut 2024",
            "Meddelanden 2024",
            "Information från ordförande",
            "Förvaltningen informerar",
            "Höjning av avgift för hemsjukvård 2024",
            "Yttrande gällande koncernövergripande fordonsstrategi",
            "Vård- och omsorgsnämndens rapport angående antal beslut om bistånd som inte verkställts till och med 30 november 2023",
            "Internkontroll skyndsamhet i barnutredningar",
        ] {
            match classify(&para(title, "Förvaltningen redovisar.")) {
                Verdict::Public(ground) => assert!(ground.starts_with("regel: "), "{title}"),
                other => panic!("{title}: {other:?}"),
            }
        }
        // What no rule knows waits for a person.
        assert_eq!(classify(&para("Fokus SÄBO", "")), Verdict::Undecided);
    }

    #[test]
    fn only_a_rule_or_a_person_publishes_an_imported_paragraph() {
        let rule = |public| Classification {
            paragraph: 7,
            public,
            ground: "regel: budget".into(),
            by: ClassifiedBy::Rule,
        };
        let person = |public| Classification {
            paragraph: 7,
            public,
            ground: "prövad".into(),
            by: ClassifiedBy::Person("sekreterare".into()),
        };
        let mut p = para("Budget", "");
        // Stored public, imported: needs a record.
        assert_eq!(publication(&p, true, None), Publication::Pending);
        assert_eq!(
            publication(&p, true, Some(&rule(true))),
            Publication::Public
        );
        assert_eq!(
            publication(&p, true, Some(&person(false))),
            Publication::Secret
        );
        // Written in Paragraf: public unless a person hid it.
        assert_eq!(publication(&p, false, None), Publication::Public);
        assert_eq!(
            publication(&p, false, Some(&person(false))),
            Publication::Secret
        );
        // Undecided: only a person publishes it, never a rule.
        p.secrecy = Secrecy::Unclassified;
        assert_eq!(publication(&p, true, None), Publication::Pending);
        assert_eq!(
            publication(&p, true, Some(&rule(true))),
            Publication::Pending
        );
        assert_eq!(
            publication(&p, true, Some(&person(true))),
            Publication::Public
        );
        // Stored secret: nothing publishes it.
        p.secrecy = Secrecy::IndividualCase;
        assert_eq!(
            publication(&p, true, Some(&person(true))),
            Publication::Secret
        );
        let q = public_paragraph(&para("Fokus SÄBO", "x"), Publication::Pending);
        assert_eq!(
            (q.title.as_str(), q.text.as_str()),
            (PENDING_TITLE, PENDING_NOTICE)
        );
    }
}
