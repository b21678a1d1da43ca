//! Gold test: the parser's output for the three seed protocols against the
//! hand-checked expected JSON in `tests/fixtures/gold/` (written by
//! `make_gold.py` from values typed from the seed text).
//!
//! Compared field by field: every top-level field, every attendee field,
//! every paragraph field; lists (adjusters, documents, send_to, table rows,
//! signatures) item by item. Prints precision and recall per field and fails
//! below 100 % on any of them.
//!
//! The long free `text` of a paragraph is compared by bag-of-words F1
//! similarity (threshold [`TEXT_THRESHOLD`]) between the gold text (all seed
//! lines of the § minus page furniture) and everything the parser kept from
//! the § (text, proposal, decision, proceedings, documents, recipients,
//! table cells), because the exact paragraph joining is a presentation choice.

use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

const TEXT_THRESHOLD: f64 = 0.95;

#[derive(Default, Clone, Copy)]
struct Stat {
    tp: usize,
    fp: usize,
    fn_: usize,
}

#[derive(Default)]
struct Stats {
    fields: BTreeMap<String, Stat>,
    failures: Vec<String>,
}

fn is_null(v: &Value) -> bool {
    v.is_null() || v.as_array().is_some_and(Vec::is_empty)
}

impl Stats {
    fn scalar(&mut self, field: &str, ctx: &str, gold: &Value, pred: &Value) {
        let s = self.fields.entry(field.to_string()).or_default();
        match (is_null(gold), is_null(pred)) {
            (true, true) => {}
            (false, true) => s.fn_ += 1,
            (true, false) => s.fp += 1,
            (false, false) if gold == pred => s.tp += 1,
            (false, false) => {
                s.fp += 1;
                s.fn_ += 1;
            }
        }
        if gold != pred && !(is_null(gold) && is_null(pred)) {
            self.failures
                .push(format!("{ctx} {field}: expected {gold}, got {pred}"));
        }
    }

    fn list(&mut self, field: &str, ctx: &str, gold: &[Value], pred: &[Value]) {
        let mut remaining: Vec<&Value> = pred.iter().collect();
        let s = self.fields.entry(field.to_string()).or_default();
        for g in gold {
            match remaining.iter().position(|p| *p == g) {
                Some(i) => {
                    remaining.remove(i);
                    s.tp += 1;
                }
                None => {
                    s.fn_ += 1;
                    self.failures.push(format!("{ctx} {field}: missing {g}"));
                }
            }
        }
        for p in remaining {
            s.fp += 1;
            self.failures.push(format!("{ctx} {field}: unexpected {p}"));
        }
    }
}

fn words(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// Bag-of-words F1 between two texts.
fn similarity(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    let na: usize = wa.values().sum();
    let nb: usize = wb.values().sum();
    if na == 0 && nb == 0 {
        return 1.0;
    }
    let common: usize = wa
        .iter()
        .map(|(w, n)| (*n).min(wb.get(w).copied().unwrap_or(0)))
        .sum();
    2.0 * common as f64 / (na + nb) as f64
}

fn get<'a>(v: &'a Value, path: &str) -> &'a Value {
    path.split('.')
        .fold(v, |v, k| v.get(k).unwrap_or(&Value::Null))
}

fn arr(v: &Value) -> Vec<Value> {
    v.as_array().cloned().unwrap_or_default()
}

fn everything_kept(p: &Value) -> String {
    let mut s = String::new();
    for k in ["text", "proposal", "decision", "proceedings"] {
        if let Some(t) = p.get(k).and_then(Value::as_str) {
            s.push_str(t);
            s.push('\n');
        }
    }
    for k in ["documents", "send_to"] {
        for d in arr(&p[k]) {
            s.push_str(d.as_str().unwrap_or(""));
            s.push('\n');
        }
    }
    fn rows(s: &mut String, rs: &[Value]) {
        for r in rs {
            s.push_str(r["label"].as_str().unwrap_or(""));
            for c in arr(&r["cells"]) {
                s.push(' ');
                s.push_str(c.as_str().unwrap_or(""));
            }
            s.push('\n');
            rows(s, &arr(&r["children"]));
        }
    }
    for t in arr(&p["tables"]) {
        for h in arr(&t["header"]) {
            s.push_str(h.as_str().unwrap_or(""));
            s.push(' ');
        }
        rows(&mut s, &arr(&t["rows"]));
    }
    s
}

fn compare(name: &str, stats: &mut Stats, min_text: &mut f64) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let seed = std::fs::read_dir(dir)
        .expect("fixtures dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{name}_")) && n.ends_with(".txt"))
        })
        .expect("seed file");
    let text = std::fs::read_to_string(&seed).expect("seed text");
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{dir}/gold/{name}.json")).expect("gold file"),
    )
    .expect("gold json");
    let parsed = paragraf_import::parse_protocol(&text).expect("seed parses");
    let pred = serde_json::to_value(&parsed).expect("serialize");

    for f in [
        "document_type",
        "municipality",
        "body",
        "date",
        "start_time",
        "end_time",
        "place",
        "chair",
        "secretary",
        "paragraph_range",
        "adjustment.date",
        "adjustment.place",
        "notice.posted",
        "notice.removed",
        "notice.storage",
        "signature_service",
    ] {
        stats.scalar(f, name, get(&gold, f), get(&pred, f));
    }
    stats.list(
        "adjusters",
        name,
        &arr(&gold["adjusters"]),
        &arr(&pred["adjusters"]),
    );
    stats.list(
        "signatures",
        name,
        &arr(&gold["signatures"]),
        &arr(&pred["signatures"]),
    );

    // Attendees: matched by name and attendance, then compared field by field.
    let mut pred_att = arr(&pred["attendees"]);
    for g in arr(&gold["attendees"]) {
        let pos = pred_att
            .iter()
            .position(|p| p["name"] == g["name"] && p["attendance"] == g["attendance"]);
        let p = pos.map(|i| pred_att.remove(i)).unwrap_or(Value::Null);
        let ctx = format!("{name} attendee {}", g["name"]);
        for f in [
            "name",
            "party",
            "attendance",
            "position",
            "substitute_for",
            "title",
            "paragraphs",
        ] {
            stats.scalar(&format!("attendee.{f}"), &ctx, &g[f], get(&p, f));
        }
    }
    for p in pred_att {
        for f in [
            "name",
            "party",
            "attendance",
            "position",
            "substitute_for",
            "title",
            "paragraphs",
        ] {
            stats.scalar(
                &format!("attendee.{f}"),
                &format!("{name} extra attendee"),
                &Value::Null,
                &p[f],
            );
        }
    }

    // Paragraphs: the § numbers in order, then each field.
    let gnums: Vec<Value> = arr(&gold["paragraphs"])
        .iter()
        .map(|p| p["number"].clone())
        .collect();
    let pnums: Vec<Value> = arr(&pred["paragraphs"])
        .iter()
        .map(|p| p["number"].clone())
        .collect();
    assert_eq!(
        gnums, pnums,
        "{name}: § numbers must match exactly and in order"
    );
    stats.list("paragraph.number", name, &gnums, &pnums);
    let pred_pars = arr(&pred["paragraphs"]);
    for g in arr(&gold["paragraphs"]) {
        let p = pred_pars
            .iter()
            .find(|p| p["number"] == g["number"])
            .cloned()
            .unwrap_or(Value::Null);
        let ctx = format!("{name} § {}", g["number"]);
        for f in [
            "title",
            "agenda_title",
            "case_number",
            "decision",
            "proposal",
            "closed",
        ] {
            stats.scalar(&format!("paragraph.{f}"), &ctx, &g[f], get(&p, f));
        }
        stats.list(
            "paragraph.documents",
            &ctx,
            &arr(&g["documents"]),
            &arr(&p["documents"]),
        );
        stats.list(
            "paragraph.send_to",
            &ctx,
            &arr(&g["send_to"]),
            &arr(&p["send_to"]),
        );
        let (gt, pt) = (arr(&g["tables"]), arr(&p["tables"]));
        stats.scalar(
            "table.count",
            &ctx,
            &Value::from(gt.len()),
            &Value::from(pt.len()),
        );
        for (k, gtab) in gt.iter().enumerate() {
            let ptab = pt.get(k).cloned().unwrap_or(Value::Null);
            let tctx = format!("{ctx} table {k}");
            stats.scalar("table.title", &tctx, &gtab["title"], get(&ptab, "title"));
            stats.scalar("table.header", &tctx, &gtab["header"], get(&ptab, "header"));
            stats.list("table.row", &tctx, &arr(&gtab["rows"]), &arr(&ptab["rows"]));
        }
        let sim = similarity(g["text"].as_str().unwrap_or(""), &everything_kept(&p));
        *min_text = min_text.min(sim);
        let s = stats
            .fields
            .entry("paragraph.text (similarity)".to_string())
            .or_default();
        if sim >= TEXT_THRESHOLD {
            s.tp += 1;
        } else {
            s.fp += 1;
            s.fn_ += 1;
            stats
                .failures
                .push(format!("{ctx} text similarity {sim:.3} < {TEXT_THRESHOLD}"));
        }
    }
}

#[test]
fn gold_precision_recall() {
    let mut stats = Stats::default();
    let mut min_text = 1.0f64;
    for name in ["000", "001", "004"] {
        compare(name, &mut stats, &mut min_text);
    }
    println!(
        "{:<32} {:>5} {:>4} {:>4} {:>10} {:>8}",
        "field", "tp", "fp", "fn", "precision", "recall"
    );
    let mut all_perfect = true;
    for (field, s) in &stats.fields {
        let p = if s.tp + s.fp == 0 {
            1.0
        } else {
            s.tp as f64 / (s.tp + s.fp) as f64
        };
        let r = if s.tp + s.fn_ == 0 {
            1.0
        } else {
            s.tp as f64 / (s.tp + s.fn_) as f64
        };
        all_perfect &= p >= 1.0 && r >= 1.0;
        println!(
            "{field:<32} {:>5} {:>4} {:>4} {:>9.1}% {:>7.1}%",
            s.tp,
            s.fp,
            s.fn_,
            p * 100.0,
            r * 100.0
        );
    }
    println!("lowest paragraph text similarity: {min_text:.3}");
    for f in &stats.failures {
        println!("  MISMATCH {f}");
    }
    assert!(
        all_perfect,
        "{} mismatches, see output",
        stats.failures.len()
    );
}
