//! Seed 003 (Hudiksvall's Verksamhetsrapport delår 2023) against its gold JSON,
//! `tests/fixtures/gold/followup-003.json`, checked by hand against the seed text: every
//! field of every table row, goal, indicator and uppdrag, and the checks' findings. A
//! difference names its path in the JSON.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read() -> (Value, Value) {
    let seed = root().join("tests/fixtures/003_b47173c4bab9fc86.txt");
    let got = paragraf_app::followup::read_report(&seed).expect("seed 003 reads");
    let got = serde_json::to_value(got).expect("json");
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/gold/followup-003.json"))
            .expect("gold"),
    )
    .expect("gold is JSON");
    (got, gold)
}

/// Compares field by field; returns the paths that differ and how many leaves were compared.
fn diff(path: &str, got: &Value, want: &Value, out: &mut Vec<String>, n: &mut usize) {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => {
            for (k, wv) in w {
                match g.get(k) {
                    Some(gv) => diff(&format!("{path}.{k}"), gv, wv, out, n),
                    None => out.push(format!("{path}.{k}: missing")),
                }
            }
            for k in g.keys().filter(|k| !w.contains_key(*k)) {
                out.push(format!("{path}.{k}: not in the gold"));
            }
        }
        (Value::Array(g), Value::Array(w)) => {
            if g.len() != w.len() {
                out.push(format!(
                    "{path}: {} items, the gold has {}",
                    g.len(),
                    w.len()
                ));
            }
            for (i, (gv, wv)) in g.iter().zip(w).enumerate() {
                diff(&format!("{path}[{i}]"), gv, wv, out, n);
            }
        }
        (Value::Number(g), Value::Number(w)) => {
            *n += 1;
            let (g, w) = (
                g.as_f64().unwrap_or(f64::NAN),
                w.as_f64().unwrap_or(f64::NAN),
            );
            if (g - w).abs() > 1e-9 {
                out.push(format!("{path}: {g}, the gold says {w}"));
            }
        }
        _ => {
            *n += 1;
            if got != want {
                let short = |v: &Value| v.to_string().chars().take(120).collect::<String>();
                out.push(format!(
                    "{path}: {}, the gold says {}",
                    short(got),
                    short(want)
                ));
            }
        }
    }
}

#[test]
fn seed_003_matches_its_gold_field_by_field() {
    let (got, gold) = read();
    let mut out = Vec::new();
    let mut n = 0;
    diff("$", &got, &gold, &mut out, &mut n);
    assert!(n > 1000, "only {n} fields compared");
    assert!(
        out.is_empty(),
        "{} of {n} fields differ:\n{}",
        out.len(),
        out.join("\n")
    );
}

/// The facts the gold was checked against, stated here so that a regenerated gold cannot
/// silently change them.
#[test]
fn seed_003_facts() {
    let (got, _) = read();
    assert_eq!(got["document_type"], "verksamhetsrapport");
    assert_eq!(got["body"], "Social- och omsorgsnämnden");
    assert_eq!(got["period"], "2023-01-01/2023-08-31");
    let tables = got["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 8);
    let rr = &tables[0];
    assert_eq!(rr["title"], "Resultaträkning januari-augusti 2023");
    assert_eq!(rr["unit"], "tkr");
    assert_eq!(
        rr["header"],
        serde_json::json!([
            "Konto",
            "Utfall",
            "Budget",
            "Avvikelse",
            "Prognos 8, 2023",
            "Budget 2023",
            "Avvikelse mot Budget 2023"
        ])
    );
    assert_eq!(rr["rows"][0]["label"], "Intäkter");
    assert_eq!(
        rr["rows"][0]["values"],
        serde_json::json!([146441.0, 114227.0, 32214.0, 199010.0, 171323.0, 27687.0])
    );
    assert_eq!(rr["total"]["label"], "Summa Resultat");
    assert_eq!(rr["total"]["values"][3], -1178264.0);
    // Investments continue after a page break under a repeated header: one table.
    let inv = &tables[5];
    assert_eq!(inv["title"], "Investeringar");
    assert_eq!(inv["rows"].as_array().unwrap().len(), 5);
    assert_eq!(
        inv["rows"][1]["values"],
        serde_json::json!([null, -125.0, -125.0, 0.0])
    );
    assert_eq!(
        inv["total"]["values"],
        serde_json::json!([-3504.0, -29625.0, -15125.0, -14500.0])
    );
    // Percentages with one decimal.
    assert_eq!(tables[7]["unit"], "%");
    assert_eq!(tables[7]["decimals"], 1);
    // The checks name the real rounding differences.
    let checks: Vec<&str> = got["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(checks.contains(
        &"Avrundning: Resultaträkning januari-augusti 2023 – Kostnadsställe: Förvaltningsövergripande, Avvikelse: −34 879 − (−59 529) = 24 650, angivet 24 651 (avrundningsdifferens)"
    ), "{checks:#?}");
    assert!(
        checks.iter().all(|c| !c.starts_with("Varning")),
        "{checks:#?}"
    );
    // Goals: three övergripande mål, KF's goals and the nämnd's under them.
    let goals = got["goals"].as_array().unwrap();
    assert_eq!(goals.len(), 3);
    let kf = &goals[0]["children"][0];
    assert_eq!(kf["level"], "kf_verksamhetsmål");
    assert_eq!(kf["title"], "Minska sjukskrivningarna");
    assert_eq!(kf["assessment"], "Delvis uppfyllt");
    let sys = &goals[0]["children"][2]["children"][1];
    assert_eq!(
        (sys["level"].as_str(), sys["title"].as_str()),
        (Some("nämndmål"), Some("Systematiskt kvalitetsarbete"))
    );
    // Split header words ("Bedömnin g") and "1 183.1", "4 230.00", "39.0 %".
    let all = got.to_string();
    assert!(all.contains("\"Ej accepterat värde\""));
    let ind = &goals[2]["indicators"];
    let find = |name: &str| {
        ind.as_array()
            .unwrap()
            .iter()
            .find(|i| i["name"].as_str().is_some_and(|n| n.starts_with(name)))
            .cloned()
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(find("Narkotikaförekomst")["values"]["2022"], 1183.1);
    assert_eq!(
        find("Kostnad funktionsnedsättning LSS boende")["values"]["2020"],
        4230.0
    );
    let h = find("Hushåll med ekonomiskt bistånd");
    assert_eq!(h["values"]["2020"], 39.0);
    assert_eq!(h["target"], 20.0);
    assert_eq!(h["trend"], "Minskad");
    // Uppdrag, with the comment that follows a repeated header.
    let a = got["assignments"].as_array().unwrap();
    assert_eq!(a.len(), 18);
    assert_eq!(a[11]["title"], "Revidering av värdighetsgarantierna");
    assert_eq!(a[11]["group"], "Uppdrag från nämnd");
    assert_eq!(
        (a[11]["start"].as_str(), a[11]["end"].as_str()),
        (Some("2020-02-17"), Some("2023-06-30"))
    );
    assert_eq!(a[11]["status"], "Ej påbörjad");
    assert_eq!(a[16]["title"], "Strategi för ökad brukartid inom hemtjänst");
    assert!(a[16]["comment"]
        .as_str()
        .unwrap()
        .starts_with("Arbete är slutfört under maj"));
    assert!(got["warnings"].as_array().unwrap().is_empty());
}
