//! Kanonisk text: what the seal of adjusted minutes covers, in a format of its own that
//! outlives every refactor of the structs, the store and the API (docs/seal.md).
//!
//! **Format 1** (`paragraf-protokoll/1`) is text in lines: the format name, then the
//! meeting's head as one line of JSON, then one line of JSON per §. Each JSON object is
//! written from an explicit list of fields (keys in alphabetical order, no spaces), so a field
//! added to [`Minutes`] or [`Paragraph`] later changes nothing here. The seal signs the
//! **root**: the SHA-256 (hex) of the format line and the SHA-256 (hex) of each further line,
//! each followed by a newline. The public version of the minutes can therefore give, for a
//! secret §, its line's hash instead of its text, and anyone can recompute the root.
//!
//! **Format 0** is the seal of Paragraf's first versions: the SHA-256 of the minutes'
//! serde JSON. It is only verified, never written.

use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::meeting::{AttendanceRole, Attendee, Presence};
use crate::minutes::{
    Approval, CellValue, Choice, Decision, Minutes, Paragraph, SignerRole, Table, TableRow,
};
use crate::registry::Secrecy;
use crate::seal::to_hex;

/// The name of format 1, its first line.
pub const FORMAT_1: &str = "paragraf-protokoll/1";

/// The formats a sealed text can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The first versions' serde JSON of the whole minutes.
    V0,
    /// Lines: format, head, one per §; the seal signs the root of their hashes.
    V1,
}

/// The format of a sealed text: format 1 by its first line, else format 0.
pub fn format_of(text: &str) -> Format {
    if text.lines().next() == Some(FORMAT_1) {
        Format::V1
    } else {
        Format::V0
    }
}

fn sha256(bytes: &[u8]) -> String {
    to_hex(&Sha256::digest(bytes))
}

/// The hash of one line (a leaf of the tree): SHA-256 of its bytes, hex.
pub fn leaf(line: &str) -> String {
    sha256(line.as_bytes())
}

/// The root that the seal signs, from the format line and the leaves' hashes in order.
pub fn root_of_leaves<'a>(leaves: impl IntoIterator<Item = &'a str>) -> String {
    let mut s = String::from(FORMAT_1);
    s.push('\n');
    for l in leaves {
        s.push_str(l);
        s.push('\n');
    }
    sha256(s.as_bytes())
}

/// What the seal signs for a sealed text of either format: the root (format 1) or the
/// SHA-256 of the whole text (format 0).
pub fn digest(text: &str) -> String {
    match format_of(text) {
        Format::V0 => sha256(text.as_bytes()),
        Format::V1 => {
            let hashes: Vec<String> = text.lines().skip(1).map(leaf).collect();
            root_of_leaves(hashes.iter().map(String::as_str))
        }
    }
}

/// The canonical text of `minutes` in `format` (format 0 only to compare with old seals).
pub fn text(minutes: &Minutes, format: Format) -> String {
    match format {
        Format::V0 => minutes.canonical_v0(),
        Format::V1 => v1(minutes),
    }
}

/// The lines of format 1: format, head, one per §.
pub fn v1_lines(m: &Minutes) -> Vec<String> {
    let mut lines = vec![FORMAT_1.to_string(), compact(&head(m))];
    lines.extend(m.paragraphs().iter().map(|p| compact(&paragraph(p))));
    lines
}

/// The canonical text of format 1.
pub fn v1(m: &Minutes) -> String {
    let mut s = v1_lines(m).join("\n");
    s.push('\n');
    s
}

/// JSON with keys in alphabetical order and no spaces (serde_json's map is ordered by key).
fn compact(v: &Value) -> String {
    serde_json::to_string(v).expect("a JSON value serialises")
}

fn obj(pairs: Vec<(&str, Value)>) -> Value {
    Value::Object(
        pairs
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect::<Map<String, Value>>(),
    )
}

fn presence(p: &Presence) -> Value {
    obj(vec![
        ("except", json!(p.except)),
        ("only", json!(p.only)),
        ("partly", json!(p.partly)),
        ("written", json!(p.written)),
    ])
}

fn attendee(a: &Attendee) -> Value {
    let (role, replaces, title) = match &a.role {
        AttendanceRole::Member => ("ledamot", None, None),
        AttendanceRole::ServingSubstitute { replaces } => {
            ("tjänstgörande ersättare", Some(replaces.0), None)
        }
        AttendanceRole::Substitute => ("ersättare", None, None),
        AttendanceRole::Other { title } => ("övrig", None, title.clone()),
    };
    obj(vec![
        ("party", json!(a.party)),
        ("person", json!(a.person.0)),
        ("position", json!(a.position.map(|p| p.swedish()))),
        ("presence", presence(&a.presence)),
        ("replaces", json!(replaces)),
        ("role", json!(role)),
        ("title", json!(title)),
    ])
}

fn signer_role(r: SignerRole) -> &'static str {
    match r {
        SignerRole::Secretary => "sekreterare",
        SignerRole::Chair => "ordförande",
        SignerRole::Adjuster => "justerare",
    }
}

fn approval(a: &Approval) -> Value {
    let mut pairs = vec![
        ("method", json!(a.method)),
        ("paragraphs", json!(a.paragraphs)),
        ("role", json!(signer_role(a.role))),
        ("signer", json!(a.signer.0)),
        ("time", json!(a.time.to_rfc3339())),
    ];
    // Added to format 1 later: written only when there is one (see `sparse`).
    if let Some(r) = &a.recorded {
        pairs.push((
            "recorded",
            obj(vec![("at", json!(r.at.to_rfc3339())), ("by", json!(r.by))]),
        ));
    }
    obj(pairs)
}

fn head(m: &Minutes) -> Value {
    obj(vec![
        (
            "adjusters",
            json!(m.adjusters().iter().map(|p| p.0).collect::<Vec<_>>()),
        ),
        ("adjustment_place", json!(m.adjustment_place())),
        (
            "approvals",
            Value::Array(m.approvals().iter().map(approval).collect()),
        ),
        (
            "attendance",
            Value::Array(m.attendance().attendees().iter().map(attendee).collect()),
        ),
        ("body", json!(m.body().0)),
        ("chair", json!(m.chair().map(|p| p.0))),
        ("date", json!(m.date().to_string())),
        ("secretary", json!(m.secretary().map(|p| p.0))),
    ])
}

fn decision(d: &Decision) -> Value {
    match d {
        Decision::Text { text } => obj(vec![("text", json!(text))]),
        Decision::Clauses { intro, clauses } => obj(vec![
            (
                "clauses",
                json!(clauses.iter().map(|c| &c.0).collect::<Vec<_>>()),
            ),
            ("intro", json!(intro)),
        ]),
    }
}

fn cell(c: &CellValue) -> Value {
    match c {
        CellValue::Number(x) => json!(x),
        CellValue::Text(t) => json!(t),
        CellValue::Empty => Value::Null,
    }
}

fn row(r: &TableRow) -> Value {
    obj(vec![
        (
            "children",
            Value::Array(r.children.iter().map(row).collect()),
        ),
        ("label", json!(r.label)),
        ("values", Value::Array(r.values.iter().map(cell).collect())),
    ])
}

fn table(t: &Table) -> Value {
    obj(vec![
        ("header", json!(t.header)),
        ("rows", Value::Array(t.rows.iter().map(row).collect())),
        ("title", json!(t.title)),
    ])
}

fn choice(c: Choice) -> &'static str {
    match c {
        Choice::Yes => "ja",
        Choice::No => "nej",
        Choice::Abstain => "avstår",
    }
}

fn paragraph(p: &Paragraph) -> Value {
    let secrecy = match p.secrecy {
        Secrecy::Public => "offentlig",
        Secrecy::IndividualCase => "sekretess",
        Secrecy::Unclassified => "ej klassificerad",
    };
    let value = obj(vec![
        ("case", json!(p.case.map(|c| c.0))),
        ("case_number", json!(p.case_number)),
        ("disposition", json!(p.disposition.map(|d| d.swedish()))),
        ("presiding", json!(p.presiding.map(|x| x.0))),
        (
            "conflicts",
            Value::Array(
                p.conflicts()
                    .iter()
                    .map(|c| {
                        obj(vec![
                            ("ground", json!(c.ground)),
                            ("person", json!(c.person.0)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "decision",
            p.decision.as_ref().map_or(Value::Null, decision),
        ),
        ("dispatch", json!(p.dispatch)),
        ("documents", json!(p.documents)),
        ("immediately_adjusted", json!(p.immediately_adjusted)),
        (
            "motions",
            Value::Array(
                p.motions
                    .iter()
                    .map(|m| {
                        obj(vec![
                            ("by", json!(m.by.0)),
                            ("id", json!(m.id)),
                            (
                                "supported_by",
                                json!(m.supported_by.iter().map(|s| s.0).collect::<Vec<_>>()),
                            ),
                            ("text", json!(m.text)),
                            ("withdrawn", json!(m.withdrawn)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "notes",
            Value::Array(
                p.notes
                    .iter()
                    .map(|n| {
                        obj(vec![
                            ("by", json!(n.by.iter().map(|b| b.0).collect::<Vec<_>>())),
                            ("text", json!(n.text)),
                        ])
                    })
                    .collect(),
            ),
        ),
        ("number", json!(p.number)),
        ("prepared_by", json!(p.prepared_by)),
        (
            "propositions",
            p.propositions.as_ref().map_or(Value::Null, |pr| {
                obj(vec![
                    ("carried", json!(pr.carried)),
                    ("order", json!(pr.order)),
                ])
            }),
        ),
        (
            "proposal",
            p.proposal.as_ref().map_or(Value::Null, decision),
        ),
        (
            "reservations",
            Value::Array(
                p.reservations
                    .iter()
                    .map(|r| obj(vec![("by", json!(r.by.0)), ("reasons", json!(r.reasons))]))
                    .collect(),
            ),
        ),
        ("secrecy", json!(secrecy)),
        ("tables", Value::Array(p.tables.iter().map(table).collect())),
        ("text", json!(p.text)),
        ("title", json!(p.title)),
        (
            "votes",
            Value::Array(
                p.votes()
                    .iter()
                    .map(|v| {
                        obj(vec![
                            (
                                "ballots",
                                Value::Array(
                                    v.ballots()
                                        .iter()
                                        .map(|b| {
                                            obj(vec![
                                                ("choice", json!(choice(b.choice))),
                                                ("person", json!(b.person.0)),
                                            ])
                                        })
                                        .collect(),
                                ),
                            ),
                            ("chair", json!(v.chair().map(|c| c.0))),
                            ("motions", json!(v.motions())),
                            ("no_means", json!(v.no_means())),
                            ("yes_means", json!(v.yes_means())),
                        ])
                    })
                    .map(|v| sparse(v, &["motions"]))
                    .collect(),
            ),
        ),
    ]);
    sparse(value, &["disposition", "presiding"])
}

/// `v` without those of `keys` whose value is null: keys added to format 1 after its first
/// texts were sealed are written only when they have a value, so those texts read the same.
fn sparse(mut v: Value, keys: &[&str]) -> Value {
    if let Value::Object(map) = &mut v {
        map.retain(|k, val| !(keys.contains(&k.as_str()) && val.is_null()));
    }
    v
}

/// One line of a public proof: the line itself, or — for a § the public may not read — only
/// its leaf hash.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum ProofLine {
    /// The line as sealed.
    Text {
        /// The canonical line.
        line: String,
    },
    /// The line's leaf hash only.
    Hash {
        /// SHA-256 of the line, hex.
        leaf: String,
    },
}

impl ProofLine {
    /// The leaf hash this line contributes to the root.
    pub fn leaf(&self) -> String {
        match self {
            ProofLine::Text { line } => leaf(line),
            ProofLine::Hash { leaf } => leaf.to_ascii_lowercase(),
        }
    }
}

/// One § of a public proof.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProofParagraph {
    /// The § number (checked against the line where the line is given).
    pub number: u32,
    /// The line or its hash.
    #[serde(flatten)]
    pub line: ProofLine,
}

/// Sigillbevis: what the public version publishes so that anyone can recompute the sealed
/// root — the head and every public § as their canonical lines, every other § as its leaf
/// hash (docs/seal.md).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PublicProof {
    /// The format's name (`paragraf-protokoll/1`).
    pub format: String,
    /// The meeting's head.
    pub head: ProofLine,
    /// Every §, in order.
    pub paragraphs: Vec<ProofParagraph>,
}

/// Why a proof does not give a root.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    /// Not format 1.
    #[error("okänt format {0:?} (väntade {FORMAT_1})")]
    Format(String),
    /// A leaf that is not 64 hex digits.
    #[error("{0}: hashvärdet är inte 64 hexadecimala tecken")]
    BadLeaf(String),
    /// A line that is not a JSON object, or whose number is not the one given.
    #[error("{0}: raden stämmer inte med sitt paragrafnummer")]
    BadLine(String),
}

/// The proof of the sealed text `sealed` (format 1; `None` for format 0, whose single hash
/// cannot be split), revealing the head when `reveal(None, line)` and § `n` when
/// `reveal(Some(n), line)`.
pub fn proof(sealed: &str, reveal: impl Fn(Option<u32>, &str) -> bool) -> Option<PublicProof> {
    if format_of(sealed) != Format::V1 {
        return None;
    }
    let give = |number: Option<u32>, line: &str| {
        if reveal(number, line) {
            ProofLine::Text {
                line: line.to_string(),
            }
        } else {
            ProofLine::Hash { leaf: leaf(line) }
        }
    };
    let mut lines = sealed.lines().skip(1);
    let head = give(None, lines.next()?);
    let paragraphs = lines
        .map(|line| {
            let number = serde_json::from_str::<Value>(line)
                .ok()
                .and_then(|v| v.get("number").and_then(Value::as_u64))
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0);
            ProofParagraph {
                number,
                line: give(Some(number), line),
            }
        })
        .collect();
    Some(PublicProof {
        format: FORMAT_1.to_string(),
        head,
        paragraphs,
    })
}

/// The root a proof gives, after checking its form: the format, every leaf 64 hex digits,
/// every given § line a JSON object with the number it is listed under.
pub fn proof_root(p: &PublicProof) -> Result<String, ProofError> {
    if p.format != FORMAT_1 {
        return Err(ProofError::Format(p.format.clone()));
    }
    let check = |what: String, l: &ProofLine, number: Option<u32>| -> Result<String, ProofError> {
        match l {
            ProofLine::Hash { leaf } => {
                if leaf.len() == 64 && leaf.bytes().all(|b| b.is_ascii_hexdigit()) {
                    Ok(leaf.to_ascii_lowercase())
                } else {
                    Err(ProofError::BadLeaf(what))
                }
            }
            ProofLine::Text { line } => {
                let v: Value =
                    serde_json::from_str(line).map_err(|_| ProofError::BadLine(what.clone()))?;
                if !v.is_object() || line.contains('\n') {
                    return Err(ProofError::BadLine(what));
                }
                if let Some(n) = number {
                    if v.get("number").and_then(Value::as_u64) != Some(u64::from(n)) {
                        return Err(ProofError::BadLine(what));
                    }
                }
                Ok(leaf(line))
            }
        }
    };
    let mut leaves = vec![check("huvudet".into(), &p.head, None)?];
    for q in &p.paragraphs {
        leaves.push(check(format!("§ {}", q.number), &q.line, Some(q.number))?);
    }
    Ok(root_of_leaves(leaves.iter().map(String::as_str)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seal;

    /// Minutes sealed by format 1, committed as they were stored: they must verify in every
    /// later version of Paragraf.
    const GOLDEN_V1_MINUTES: &str = include_str!("../tests/golden/minutes-v1.json");
    const GOLDEN_V1_TEXT: &str = include_str!("../tests/golden/minutes-v1.txt");
    /// Minutes sealed by Paragraf's first versions (format 0).
    const GOLDEN_V0_MINUTES: &str = include_str!("../tests/golden/minutes-v0.json");
    const GOLDEN_V0_TEXT: &str = include_str!("../tests/golden/minutes-v0.txt");
    /// The public key of both (the fixed test key `[7; 32]`).
    const GOLDEN_KEY: &str = include_str!("../tests/golden/sigill.pub");

    #[test]
    fn golden_minutes_of_format_1_verify() {
        let stored: Minutes = serde_json::from_str(GOLDEN_V1_MINUTES).unwrap();
        let seal = stored.seal().unwrap().clone();
        assert_eq!(format_of(GOLDEN_V1_TEXT), Format::V1);
        let r = seal::verify(&seal, GOLDEN_V1_TEXT, &stored, Some(GOLDEN_KEY.trim()));
        assert!(r.ok(), "{r:?}");
        // The root is what was signed, recomputed from the text alone.
        assert_eq!(digest(GOLDEN_V1_TEXT), seal.sha256);
    }

    /// A public proof of the golden minutes, with one § given only as its hash, gives the
    /// sealed root; a changed line, a forged leaf or a wrong number do not.
    #[test]
    fn a_public_proof_gives_the_sealed_root_without_the_hidden_text() {
        let stored: Minutes = serde_json::from_str(GOLDEN_V1_MINUTES).unwrap();
        let seal = stored.seal().unwrap().clone();
        let hidden = stored.paragraphs()[0].number;
        let p = proof(GOLDEN_V1_TEXT, |n, _| n != Some(hidden)).unwrap();
        let json = serde_json::to_string(&p).unwrap();
        let hidden_line = GOLDEN_V1_TEXT.lines().nth(2).unwrap();
        assert!(
            !json.contains(hidden_line),
            "the hidden § is not in the proof"
        );
        let back: PublicProof = serde_json::from_str(&json).unwrap();
        assert_eq!(proof_root(&back), Ok(seal.sha256.clone()));
        assert!(matches!(back.paragraphs[0].line, ProofLine::Hash { .. }));

        let mut changed = back.clone();
        if let ProofLine::Text { line } = &mut changed.paragraphs[1].line {
            *line = line.replacen("\"title\":\"", "\"title\":\"X", 1);
        }
        assert_ne!(proof_root(&changed).unwrap(), seal.sha256);
        let mut forged = back.clone();
        forged.paragraphs[0].line = ProofLine::Hash {
            leaf: "00".repeat(32),
        };
        assert_ne!(proof_root(&forged).unwrap(), seal.sha256);
        let mut renumbered = back.clone();
        renumbered.paragraphs[1].number += 100;
        assert!(matches!(
            proof_root(&renumbered),
            Err(ProofError::BadLine(_))
        ));
        let mut bad = back;
        bad.paragraphs[0].line = ProofLine::Hash { leaf: "zz".into() };
        assert!(matches!(proof_root(&bad), Err(ProofError::BadLeaf(_))));
        assert!(proof(GOLDEN_V0_TEXT, |_, _| true).is_none());
    }

    #[test]
    fn golden_minutes_of_format_0_verify() {
        let stored: Minutes = serde_json::from_str(GOLDEN_V0_MINUTES).unwrap();
        let seal = stored.seal().unwrap().clone();
        assert_eq!(format_of(GOLDEN_V0_TEXT), Format::V0);
        let r = seal::verify(&seal, GOLDEN_V0_TEXT, &stored, Some(GOLDEN_KEY.trim()));
        assert!(r.ok(), "{r:?}");
    }

    /// A field added to the structs (here only in tests) changes nothing that was sealed:
    /// format 1 does not hold it, whatever its value; a format-0 text, made before the field
    /// existed, lacks the key, and the minutes read back have it empty.
    #[test]
    fn a_new_field_does_not_break_old_seals() {
        let mut stored: Minutes = serde_json::from_str(GOLDEN_V1_MINUTES).unwrap();
        let seal = stored.seal().unwrap().clone();
        stored.test_only_extra = Some("ett fält som inte fanns".into());
        let json = serde_json::to_string(&stored).unwrap();
        assert!(json.contains("ett fält som inte fanns"));
        let back: Minutes = serde_json::from_str(&json).unwrap();
        let r = seal::verify(&seal, GOLDEN_V1_TEXT, &back, Some(GOLDEN_KEY.trim()));
        assert!(r.ok(), "{r:?}");

        let old: Minutes = serde_json::from_str(GOLDEN_V0_MINUTES).unwrap();
        assert!(!GOLDEN_V0_TEXT.contains("test_only_extra"));
        assert!(old.canonical_v0().contains("\"test_only_extra\":null"));
        let seal = old.seal().unwrap().clone();
        let r = seal::verify(&seal, GOLDEN_V0_TEXT, &old, Some(GOLDEN_KEY.trim()));
        assert!(r.ok(), "{r:?}");
        // A real change is still found.
        let mut v = serde_json::to_value(&old).unwrap();
        v["test_only_extra"] = "ändrat".into();
        let changed: Minutes = serde_json::from_value(v).unwrap();
        let r = seal::verify(&seal, GOLDEN_V0_TEXT, &changed, Some(GOLDEN_KEY.trim()));
        assert_eq!(r.differences, vec!["test_only_extra"]);
    }

    #[test]
    fn a_changed_paragraph_changes_its_leaf_and_the_root_only() {
        let stored: Minutes = serde_json::from_str(GOLDEN_V1_MINUTES).unwrap();
        let lines = v1_lines(&stored);
        let mut changed = lines.clone();
        // Line 3 is § 115 (after the format and the head).
        changed[3] = changed[3].replace("godkänna", "avslå");
        assert_ne!(changed[3], lines[3]);
        let root = |ls: &[String]| {
            root_of_leaves(
                ls[1..]
                    .iter()
                    .map(|l| leaf(l))
                    .collect::<Vec<_>>()
                    .iter()
                    .map(String::as_str),
            )
        };
        assert_ne!(root(&lines), root(&changed));
        assert_eq!(root(&lines), digest(GOLDEN_V1_TEXT));
    }
}
