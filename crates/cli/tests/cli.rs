//! The `paragraf` binary driven as a user would: commands, JSON, errors and exit codes.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn paragraf(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paragraf"))
        .args(args)
        .env_remove("PARAGRAF_DATA")
        .output()
        .expect("paragraf runs")
}

fn ok(args: &[&str]) -> String {
    let out = paragraf(args);
    assert!(
        out.status.success(),
        "paragraf {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(args)).unwrap()
}

fn fails(args: &[&str]) -> String {
    let out = paragraf(args);
    assert!(!out.status.success(), "paragraf {args:?} should fail");
    assert_ne!(out.status.code(), Some(101), "paragraf {args:?} panicked");
    String::from_utf8(out.stderr).unwrap()
}

fn data(dir: &Path) -> String {
    dir.join("data").to_string_lossy().into_owned()
}

#[test]
fn deadlines_for_seed_000() {
    let d = json(&[
        "deadlines",
        "--meeting",
        "2025-09-01",
        "--adjusted",
        "2025-09-03",
        "--posted",
        "2025-09-08",
        "--json",
    ]);
    assert_eq!(d["adjustment_deadline"], "2025-09-15");
    assert_eq!(d["posting_deadline"], "2025-09-05");
    assert_eq!(d["appeal_ends"], "2025-09-29");
    assert_eq!(d["notice_removable_from"], "2025-09-30");
    let d = json(&["deadlines", "--meeting", "2025-09-01", "--json"]);
    assert_eq!(
        d.as_object().unwrap().keys().collect::<Vec<_>>(),
        vec!["adjustment_deadline"]
    );
    let err = fails(&["deadlines", "--meeting", "2025-02-30"]);
    assert!(err.contains("2025-02-30"), "{err}");
    let err = fails(&[
        "deadlines",
        "--meeting",
        "2025-09-01",
        "--adjusted",
        "2025-08-01",
    ]);
    assert!(err.contains("justeringen"), "{err}");
}

#[test]
fn dnr_parse_shows_the_parts() {
    let d = json(&["dnr", "parse", "SN.2023.373 700", "--json"]);
    assert_eq!(d["series"], "SN");
    assert_eq!(d["year"], 2023);
    assert_eq!(d["sequence"], 373);
    assert_eq!(d["class"], "700");
    let d = json(&["dnr", "parse", "31/16", "--json"]);
    assert_eq!(d["year"], 2016);
    let err = fails(&["dnr", "parse", "inget nummer"]);
    assert!(err.contains("inget nummer"), "{err}");
    let err = fails(&[
        "dnr",
        "parse",
        "KS/2025:26",
        "--pattern",
        "{series} {year}-{seq:6}",
    ]);
    assert!(err.contains("mönstret"), "{err}");
}

#[test]
fn organisation_and_registry_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = data(tmp.path());
    ok(&[
        "init",
        "--data",
        &dir,
        "--municipality",
        "Hagfors kommun",
        "--org-nr",
        "212000-1884",
        "--dnr-pattern",
        "{series}/{year}:{seq}",
        "--series",
        "KS",
    ]);
    assert!(tmp.path().join("data/paragraf.toml").exists());
    assert!(tmp.path().join("data/paragraf.db").exists());
    let err = fails(&["init", "--data", &dir]);
    assert!(err.contains("redan"), "{err}");

    let ks = json(&[
        "body",
        "add",
        "--data",
        &dir,
        "Kommunstyrelsen",
        "--kind",
        "ks",
        "--short",
        "KS",
        "--json",
    ]);
    let iou = json(&[
        "body",
        "add",
        "--data",
        &dir,
        "Individ- och omsorgsutskottet",
        "--kind",
        "utskott",
        "--parent",
        "KS",
        "--json",
    ]);
    assert_eq!(iou["parent"], ks["id"]);
    let err = fails(&[
        "body",
        "add",
        "--data",
        &dir,
        "Arbetsutskottet",
        "--kind",
        "au",
    ]);
    assert!(err.contains("överordnad"), "{err}");
    let err = fails(&["body", "add", "--data", &dir, "X", "--kind", "styrgrupp"]);
    assert!(err.contains("organtyp"), "{err}");
    assert_eq!(
        json(&["body", "list", "--data", &dir, "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );

    ok(&["person", "add", "--data", &dir, "Thony Liljemark"]);
    ok(&[
        "term",
        "add",
        "--data",
        &dir,
        "--from",
        "2023-01-01",
        "--to",
        "2026-12-31",
    ]);
    let m = json(&[
        "membership",
        "add",
        "--data",
        &dir,
        "--person",
        "Thony Liljemark",
        "--body",
        "Individ- och omsorgsutskottet",
        "--role",
        "ledamot",
        "--position",
        "ordförande",
        "--party",
        "OR",
        "--term",
        "1",
        "--from",
        "2023-01-01",
        "--json",
    ]);
    assert_eq!(m["position"], "chair");
    assert_eq!(m["party"], "OR");
    let err = fails(&[
        "membership",
        "add",
        "--data",
        &dir,
        "--person",
        "Thony Liljemark",
        "--body",
        "KS",
        "--role",
        "ersättare",
        "--position",
        "ordförande",
        "--from",
        "2023-01-01",
    ]);
    assert!(err.contains("ersättare"), "{err}");
    let err = fails(&[
        "membership",
        "add",
        "--data",
        &dir,
        "--person",
        "Ingen Alls",
        "--body",
        "KS",
        "--role",
        "ledamot",
        "--from",
        "2023-01-01",
    ]);
    assert!(err.contains("Ingen Alls"), "{err}");
    let list = json(&[
        "membership",
        "list",
        "--data",
        &dir,
        "--body",
        "Individ- och omsorgsutskottet",
        "--json",
    ]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    ok(&["person", "add", "--data", &dir, "Maria Persson"]);
    ok(&[
        "official",
        "add",
        "--data",
        &dir,
        "--person",
        "Maria Persson",
        "--title",
        "socialchef",
    ]);
    assert_eq!(
        json(&["official", "list", "--data", &dir, "--json"])[0]["title"],
        "socialchef"
    );

    let c1 = json(&[
        "case",
        "add",
        "--data",
        &dir,
        "Verksamhetsuppföljning",
        "--date",
        "2025-01-15",
        "--json",
    ]);
    assert_eq!(c1["dnr"]["text"], "KS/2025:1");
    let c2 = json(&[
        "case",
        "add",
        "--data",
        &dir,
        "Orosanmälan",
        "--secret",
        "--date",
        "2025-02-01",
        "--json",
    ]);
    assert_eq!(c2["dnr"]["text"], "KS/2025:2");
    assert_eq!(c2["secrecy"], "individual_case");
    ok(&[
        "document",
        "add",
        "--data",
        &dir,
        "--case",
        "KS/2025:1",
        "--kind",
        "dom",
        "--from",
        "Förvaltningsrätten",
        "--date",
        "2025-01-20",
        "Dom",
    ]);
    let shown = json(&["case", "show", "--data", &dir, "KS/2025:1", "--json"]);
    assert_eq!(shown["documents"][0]["number"], 1);
    let cases = json(&["case", "list", "--data", &dir, "--json"]);
    assert_eq!(cases.as_array().unwrap().len(), 2);
    let text = ok(&["case", "list", "--data", &dir]);
    assert!(
        text.contains("KS/2025:2") && text.contains("sekretess"),
        "{text}"
    );
    let err = fails(&["case", "show", "--data", &dir, "KS/2025:9"]);
    assert!(err.contains("KS/2025:9"), "{err}");
}

#[test]
fn a_missing_data_directory_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = data(tmp.path());
    let err = fails(&["case", "list", "--data", &dir]);
    assert!(err.contains("paragraf init"), "{err}");
    // A broken config is reported with its file.
    std::fs::create_dir_all(tmp.path().join("data")).unwrap();
    std::fs::write(
        tmp.path().join("data/paragraf.toml"),
        "[municipality]\nname = \"X\"\n[registry]\ndnr_pattern = \"{seq}\"\n",
    )
    .unwrap();
    let err = fails(&["case", "list", "--data", &dir]);
    assert!(
        err.contains("paragraf.toml") && err.contains("dnr_pattern"),
        "{err}"
    );
}

#[test]
fn demo_creates_and_shows_a_municipality() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = data(tmp.path());
    let d = json(&["demo", "--no-serve", "--data", &dir, "--json"]);
    assert!(d["bodies"].as_array().unwrap().len() >= 4);
    assert!(d["cases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["secrecy"] == "individual_case"));
    // Running it again shows the same data instead of duplicating it.
    let again = json(&["demo", "--no-serve", "--data", &dir, "--json"]);
    assert_eq!(again["cases"], d["cases"]);
    let text = ok(&["demo", "--no-serve", "--data", &dir]);
    assert!(text.contains("Socialnämnden"), "{text}");
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn delegation_order_import_who_and_search() {
    let seed = fixture("002_e41df9be8d1d79a6.txt");
    // A dry run needs no data directory and prints the order in the shape.
    let d = json(&["delegation", "import", "--dry-run", "--json", &seed]);
    assert_eq!(d["title"], "Delegationsordning för Socialnämnden");
    assert_eq!(d["case_number"], "SOC 2023-000189");
    assert_eq!(d["valid_until"], "2025-04-16");
    assert_eq!(d["items"].as_array().unwrap().len(), 200);
    let item = &d["items"][1];
    assert_eq!(item["number"], "1.2.1");
    assert_eq!(
        item["legal_basis"],
        serde_json::json!(["2 kap. 17 § TF", "6 kap. 2-3 § OSL"])
    );
    assert_eq!(
        item["delegates"],
        serde_json::json!([["Enhetschef"], ["Verksamhetschef"]])
    );
    let i33 = d["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["number"] == "3.3")
        .unwrap();
    assert_eq!(i33["levels"][0]["number"], 1);
    assert_eq!(
        i33["levels"][0]["delegates"],
        serde_json::json!([["Socialsekreterare", "Biståndshandläggare"]])
    );
    assert!(d["warnings"].as_array().unwrap().len() >= 5);

    let tmp = tempfile::tempdir().unwrap();
    let dir = data(tmp.path());
    ok(&["init", "--data", &dir]);
    let text = ok(&["delegation", "import", "--data", &dir, &seed]);
    assert!(
        text.contains("200 punkter") && text.contains("Sparad som version 1"),
        "{text}"
    );
    // The same order again: a new version with no changes.
    let text = ok(&["delegation", "import", "--data", &dir, &seed]);
    assert!(text.contains("Inga ändringar"), "{text}");
    let w = json(&[
        "delegation",
        "who",
        "--data",
        &dir,
        "--item",
        "3.3",
        "--level",
        "2",
        "--json",
    ]);
    assert_eq!(
        w["delegates"],
        serde_json::json!([["Samordnare", "Enhetschef"]])
    );
    let text = ok(&["delegation", "who", "--data", &dir, "--item", "1.2.1"]);
    assert!(
        text.contains("1. Enhetschef\n  2. Verksamhetschef"),
        "{text}"
    );
    let err = fails(&[
        "delegation",
        "who",
        "--data",
        &dir,
        "--item",
        "3.3",
        "--level",
        "9",
    ]);
    assert!(err.contains("ingen nivå 9"), "{err}");
    let text = ok(&["delegation", "search", "--data", &dir, "faderskap"]);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.starts_with("10.2.1\t"), "{text}");
}

#[test]
fn delegation_decisions_checked_refused_whole_and_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = data(tmp.path());
    ok(&["init", "--data", &dir]);
    // Decisions before any order are refused.
    let err = fails(&[
        "delegation",
        "decisions",
        "import",
        "--data",
        &dir,
        &fixture("delegation/decisions_002.csv"),
    ]);
    assert!(err.contains("ingen delegationsordning"), "{err}");
    ok(&[
        "delegation",
        "import",
        "--data",
        &dir,
        &fixture("002_e41df9be8d1d79a6.txt"),
    ]);
    // A file with bad rows: every one named with its line, nothing stored, exit non-zero.
    let err = fails(&[
        "delegation",
        "decisions",
        "import",
        "--data",
        &dir,
        &fixture("delegation/bad_rows.csv"),
    ]);
    for line in 3..=10 {
        assert!(
            err.contains(&format!("rad {line},")),
            "line {line} not named: {err}"
        );
    }
    assert!(!err.contains("rad 2,") && !err.contains("rad 11,"), "{err}");
    assert!(err.contains("inget har sparats"), "{err}");
    let r = json(&[
        "delegation",
        "report",
        "--data",
        &dir,
        "--from",
        "2024-05-01",
        "--to",
        "2024-05-31",
        "--json",
    ]);
    assert_eq!(r["total"], 0);
    // Seed 002's statistics as decisions: the report has its shape and sums.
    let text = ok(&[
        "delegation",
        "decisions",
        "import",
        "--data",
        &dir,
        &fixture("delegation/decisions_002.csv"),
    ]);
    assert!(text.contains("1775 delegationsbeslut"), "{text}");
    let r = json(&[
        "delegation",
        "report",
        "--data",
        &dir,
        "--from",
        "2024-05-01",
        "--to",
        "2024-05-31",
        "--json",
    ]);
    assert_eq!(r["total"], 1775);
    assert!(
        r.get("notices").is_none(),
        "the statistics carry no lists (#20)"
    );
    let units = r["units"].as_array().unwrap();
    assert_eq!(units.len(), 11);
    let sol = units
        .iter()
        .find(|u| u["unit"] == "SoL Biståndsenheten")
        .unwrap();
    assert_eq!(sol["total"], 1043);
    assert!(sol["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["type"] == "Bifall hemtjänst enligt 4 kap 1 § SoL" && t["count"] == 740));
    assert!(r["by_item"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["item"] == "6.6" && i["bifall"] == 3));
    let text = ok(&[
        "delegation",
        "report",
        "--data",
        &dir,
        "--from",
        "2024-05-01",
        "--to",
        "2024-05-31",
    ]);
    assert!(
        text.contains("Organisation\tBeslut\tAntal beslut\nSoL Biståndsenheten"),
        "{text}"
    );
    assert!(text.contains("\tSumma beslut\t1043"), "{text}");
    assert!(!text.contains("ANMÄLAN AV DELEGATIONSBESLUT"), "{text}");
    // The lists are their own product: as text, or one line of JSON per list, of one unit.
    let month = ["--from", "2024-05-01", "--to", "2024-05-31"];
    let lists = ok(&[&["delegation", "notices", "--data", &dir][..], &month].concat());
    assert!(
        lists.contains("ANMÄLAN AV DELEGATIONSBESLUT – Familjerätten – 2024-05"),
        "{lists}"
    );
    let one = ok(&[
        &["delegation", "notices", "--data", &dir][..],
        &month,
        &["--unit", "familjerätten", "--json"],
    ]
    .concat());
    let lines: Vec<serde_json::Value> = one
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{one}");
    assert_eq!(lines[0]["unit"], "Familjerätten");
    assert_eq!(lines[0]["month"], "2024-05");
    assert!(!lines[0]["rows"].as_array().unwrap().is_empty());
    let pdf = tmp.path().join("anmalan.pdf");
    ok(&[
        "delegation",
        "report",
        "--data",
        &dir,
        "--from",
        "2024-05-01",
        "--to",
        "2024-05-31",
        "--pdf",
        &pdf.to_string_lossy(),
    ]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn followup_import_dry_run_of_seed_003() {
    let d = json(&[
        "followup",
        "import",
        "--dry-run",
        "--json",
        &fixture("003_b47173c4bab9fc86.txt"),
    ]);
    assert_eq!(d["document_type"], "verksamhetsrapport");
    assert_eq!(d["body"], "Social- och omsorgsnämnden");
    assert_eq!(d["period"], "2023-01-01/2023-08-31");
    assert_eq!(
        d["tables"][1]["rows"][0]["label"],
        "Förvaltningsövergripande"
    );
    assert!(d["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c.as_str().unwrap().contains(
            "Förvaltningsövergripande, Avvikelse: −34 879 − (−59 529) = 24 650, angivet 24 651"
        )));
    assert_eq!(d["assignments"].as_array().unwrap().len(), 18);
    let e = fails(&["followup", "import", "--dry-run", "rapport.docx"]);
    assert!(e.contains("okänd filtyp"), "{e}");
}

#[test]
fn followup_from_import_to_report() {
    let tmp = tempfile::tempdir().unwrap();
    let data = data(tmp.path());
    ok(&["init", "--data", &data]);
    let out = ok(&[
        "followup",
        "import",
        "--data",
        &data,
        &fixture("003_b47173c4bab9fc86.txt"),
    ]);
    assert!(
        out.contains("Inläst: verksamhetsrapport för Social- och omsorgsnämnden"),
        "{out}"
    );
    let f = json(&[
        "followup",
        "import",
        "--data",
        &data,
        "--json",
        &fixture("followup/ekonomi-2023-08.xlsx"),
    ]);
    assert_eq!(f["stored"], true);
    assert_eq!(f["finance"]["rows"], 10);
    let k = json(&[
        "followup",
        "import",
        "--data",
        &data,
        "--json",
        &fixture("followup/kolada-2184.json"),
    ]);
    assert_eq!(k["kpi_values"], 22);
    let body = "Social- och omsorgsnämnden";
    let name = "Sjukfrånvaro ack (%)";
    let e = fails(&[
        "followup",
        "indicator",
        "--data",
        &data,
        "--body",
        body,
        "--period",
        "2023-08",
        "--name",
        name,
        "--status",
        "Nära värde",
    ]);
    assert!(e.contains("motivering"), "{e}");
    let i = json(&[
        "followup",
        "indicator",
        "--data",
        &data,
        "--body",
        body,
        "--period",
        "2023-08",
        "--name",
        name,
        "--direction",
        "lagre",
        "--target",
        "8",
        "--json",
    ]);
    assert_eq!(i["target"], 8.0);
    let dir = tmp.path().join("ut");
    let w = json(&[
        "followup",
        "report",
        "--data",
        &data,
        "--body",
        body,
        "--period",
        "2023-08",
        "--out",
        &dir.to_string_lossy(),
        "--json",
    ]);
    for key in ["pdf", "csv", "json"] {
        let p = w[key].as_str().unwrap();
        assert!(Path::new(p).is_file(), "{key}: {p}");
    }
    assert_eq!(w["charts"].as_array().unwrap().len(), 3);
    assert!(w["draft"].is_array());
    let e = fails(&[
        "followup",
        "report",
        "--data",
        &data,
        "--body",
        "Okänd nämnd",
        "--period",
        "2023-08",
        "--out",
        &dir.to_string_lossy(),
    ]);
    assert!(e.contains("ingen uppföljning"), "{e}");
}

/// `paragraf … | head`: when the reader goes away the command ends quietly, no panic.
#[test]
fn a_closed_pipe_ends_output_quietly() {
    use std::io::Read;
    let tmp = tempfile::tempdir().unwrap();
    let dir = data(tmp.path());
    ok(&["init", "--data", &dir]);
    ok(&[
        "delegation",
        "import",
        "--data",
        &dir,
        &fixture("002_e41df9be8d1d79a6.txt"),
    ]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_paragraf"))
        .args([
            "delegation",
            "report",
            "--data",
            &dir,
            "--from",
            "2024-05-01",
            "--to",
            "2024-05-31",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe closes
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(out.status.code(), Some(101));
}

/// A kallelse is no protocol: `import` refuses it, names the file, and stores nothing.
#[test]
fn a_document_without_paragraphs_is_refused_and_nothing_is_stored() {
    let tmp = tempfile::tempdir().unwrap();
    let d = data(tmp.path());
    ok(&["init", "--data", &d]);
    let kallelse = tmp.path().join("kallelse.txt");
    std::fs::write(
        &kallelse,
        "Kallelse\n\nSocialnämnden\n\nSammanträdesdatum 2026-12-10\n\nPlats och tid Kommunhuset kl. 13:00\n\n\
         Föredragningslista\n\n1. Val av justerare\n2. Budgetuppföljning januari–oktober\n3. Delegationsbeslut\n",
    )
    .unwrap();
    let err = fails(&["import", "--data", &d, &kallelse.to_string_lossy()]);
    assert!(err.contains("kallelse.txt"), "{err}");
    assert!(err.contains("ingen paragraf"), "{err}");
    let meetings = json(&["meetings", "--data", &d, "--json"]);
    assert_eq!(meetings.as_array().map(Vec::len), Some(0), "{meetings}");
}

/// Scripts tell failures apart by the exit code: 2 invalid input, 3 a rule refused, 4 not
/// found, 1 anything else.
#[test]
fn exit_codes_tell_what_went_wrong() {
    let code = |args: &[&str]| {
        let out = paragraf(args);
        assert_ne!(out.status.code(), Some(101), "paragraf {args:?} panicked");
        out.status.code()
    };
    let tmp = tempfile::tempdir().unwrap();
    let d = data(tmp.path());
    json(&["demo", "--no-serve", "--data", &d, "--json"]);
    let meetings = json(&["meetings", "--data", &d, "--json"]);
    let posted = meetings
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["state"] == "posted")
        .expect("the demo has a posted meeting")["id"]
        .to_string();
    // A kallelse for minutes already posted: the cycle refuses.
    assert_eq!(
        code(&["meeting", "notify", "--data", &d, "--meeting", &posted]),
        Some(3)
    );
    assert_eq!(
        code(&["verify", "--data", &d, "--meeting", "999999"]),
        Some(4)
    );
    let bad = tmp.path().join("register.csv");
    std::fs::write(
        &bad,
        "id;insats;beslutsdatum;kön\nN1;Boendestöd;2023-13-45;K\n",
    )
    .unwrap();
    assert_eq!(
        code(&["unenforced", "import", "--data", &d, &bad.to_string_lossy()]),
        Some(2)
    );
    assert_eq!(
        code(&[
            "meetings",
            "--data",
            &tmp.path().join("nowhere").to_string_lossy()
        ]),
        Some(1)
    );
}

fn with_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_paragraf"))
        .args(args)
        .env_remove("PARAGRAF_DATA")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("paragraf runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// An IT department installs Paragraf: the first administrator at init (the password from
/// standard in, never an argument), accounts from the command line, every change in the
/// audit log; a backup restored elsewhere passes the check.
#[test]
fn an_installation_is_administered_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let d = data(tmp.path());
    // Passwords that differ: nothing is created.
    let out = with_stdin(
        &["init", "--data", &d, "--admin-user", "admin"],
        "Första-lösenordet\nAndra-lösenordet\n",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("inte lika"));
    assert!(!tmp.path().join("data").exists(), "nothing half-written");
    let out = with_stdin(
        &["init", "--data", &d, "--admin-user", "admin"],
        "Adm1n-lösen-2026\nAdm1n-lösen-2026\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    ok(&[
        "body",
        "add",
        "--data",
        &d,
        "Socialnämnden",
        "--kind",
        "nämnd",
        "--short",
        "SN",
    ]);

    // A password as an argument is not offered; without --password-stdin it is refused.
    let e = fails(&[
        "user",
        "add",
        "--data",
        &d,
        "--username",
        "sekr",
        "--name",
        "Cia Sekr",
        "--role",
        "nämndsekreterare",
        "--body",
        "SN",
    ]);
    assert!(e.contains("--password-stdin"), "{e}");
    let add = |user: &str, role: &str, pw: &str| {
        with_stdin(
            &[
                "user",
                "add",
                "--data",
                &d,
                "--username",
                user,
                "--name",
                "Cia Sekr",
                "--role",
                role,
                "--body",
                "SN",
                "--password-stdin",
            ],
            &format!("{pw}\n"),
        )
    };
    assert!(add("sekr", "nämndsekreterare", "Sekr-lösen-2026")
        .status
        .success());
    // A role that does not exist, a short password, a taken name: refused, exit 2/5.
    assert!(add("reg", "registrator", "Reg-lösen-2026").status.success());
    assert_eq!(
        add("kung", "borgmästare", "Kung-lösen-2026").status.code(),
        Some(2)
    );
    assert_eq!(add("kort", "handläggare", "kort").status.code(), Some(2));
    assert_eq!(
        add("sekr", "handläggare", "Sekr-lösen-2026").status.code(),
        Some(5)
    );

    let users = json(&["user", "list", "--data", &d, "--json"]);
    let names: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["admin", "reg", "sekr"], "sorted by name");
    assert_eq!(users[1]["roles"][0]["role"], "registrator");
    let sekr = &users[2];
    assert_eq!(sekr["roles"][0]["role"], "nämndsekreterare");
    assert_eq!(sekr["roles"][0]["bodies"][0], "Socialnämnden");
    assert_eq!(sekr["disabled"], false);

    let closed = json(&[
        "user",
        "disable",
        "--data",
        &d,
        "--username",
        "sekr",
        "--json",
    ]);
    assert_eq!(closed["disabled"], true);
    json(&[
        "user",
        "enable",
        "--data",
        &d,
        "--username",
        "sekr",
        "--json",
    ]);
    let changed = json(&[
        "user",
        "set-role",
        "--data",
        &d,
        "--username",
        "sekr",
        "--role",
        "handläggare",
        "--body",
        "SN",
        "--json",
    ]);
    assert_eq!(changed["roles"][0]["role"], "handläggare");
    let out = with_stdin(
        &[
            "user",
            "reset-password",
            "--data",
            &d,
            "--username",
            "sekr",
            "--password-stdin",
        ],
        "Nytt-lösen-2026\n",
    );
    assert!(out.status.success());
    assert_eq!(
        paragraf(&["user", "show", "--data", &d, "--username", "ingen"])
            .status
            .code(),
        Some(4)
    );

    // Backup, restore elsewhere, check; the logins survive.
    let backup = tmp
        .path()
        .join("hagfors.backup")
        .to_string_lossy()
        .into_owned();
    let users_now = json(&["user", "list", "--data", &d, "--json"]);
    ok(&["backup", "--data", &d, "--out", &backup]);
    let r = tmp.path().join("restored").to_string_lossy().into_owned();
    ok(&["restore", &backup, "--data", &r]);
    let c = json(&["check", "--data", &r, "--json"]);
    assert_eq!(c["integrity"], true);
    let again = json(&["user", "list", "--data", &r, "--json"]);
    assert_eq!(again, users_now, "every account restored");
    let e = fails(&["restore", &backup, "--data", &r]);
    assert!(e.contains("inte tom"), "{e}");
}

/// The year's sammanträdesplan from a file; a meeting called off (with its reason); its day
/// planned again; a reason of blanks refused.
#[test]
fn meetings_are_planned_for_the_year_and_called_off_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = data(tmp.path());
    ok(&["init", "--data", &dir, "--municipality", "Hagfors kommun"]);
    ok(&[
        "body",
        "add",
        "--data",
        &dir,
        "Socialnämnden",
        "--kind",
        "nämnd",
        "--short",
        "SN",
    ]);
    let dates = tmp.path().join("dagar.txt");
    std::fs::write(&dates, "2099-01-29 13:00\n2099-02-26 13:00\n").unwrap();
    let d = dates.to_string_lossy().into_owned();
    let made = json(&[
        "meeting",
        "plan",
        "--data",
        &dir,
        "--body",
        "SN",
        "--dates",
        &d,
        "--place",
        "Stadshuset",
        "--json",
    ]);
    assert_eq!(made.as_array().unwrap().len(), 2, "{made}");
    let first = made[0]["id"].to_string();
    let err = fails(&[
        "meeting", "plan", "--data", &dir, "--body", "SN", "--dates", &d,
    ]);
    assert!(err.contains("rad 1") && err.contains("redan"), "{err}");
    let err = fails(&[
        "meeting",
        "cancel",
        "--data",
        &dir,
        "--meeting",
        &first,
        "--reason",
        " ",
    ]);
    assert!(err.contains("varför"), "{err}");
    let shown = json(&[
        "meeting",
        "cancel",
        "--data",
        &dir,
        "--meeting",
        &first,
        "--reason",
        "Inga ärenden",
        "--json",
    ]);
    assert_eq!(
        shown["meeting"]["cancelled"]["reason"], "Inga ärenden",
        "{shown}"
    );
    let err = fails(&["meeting", "notify", "--data", &dir, "--meeting", &first]);
    assert!(err.contains("inställt"), "{err}");
    // A hålltid's topic is public only when said so.
    let second = made[1]["id"].to_string();
    for (topic, public) in [("Budget", true), ("Ett enskilt ärende", false)] {
        let mut args = vec![
            "meeting",
            "slot",
            "--data",
            &dir,
            "--meeting",
            &second,
            "--start",
            "13:00",
            "--topic",
            topic,
            "--json",
        ];
        if public {
            args.push("--offentlig");
        }
        let out = json(&args);
        let slots = out["meeting"]["schedule"].as_array().unwrap();
        assert_eq!(slots.last().unwrap()["public"], public, "{out}");
    }
    std::fs::write(&dates, "2099-01-29 14:00\n").unwrap();
    ok(&[
        "meeting", "plan", "--data", &dir, "--body", "SN", "--dates", &d,
    ]);
}

/// The summary of a protocol import names the §§ once ("§§ 1-19", not "§§ § 1-19").
#[test]
fn a_protocol_import_names_its_paragraphs_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = data(tmp.path());
    ok(&["init", "--data", &dir]);
    let text = ok(&[
        "import",
        "--data",
        &dir,
        &fixture("004_781e15fbb2993ffb.txt"),
    ]);
    assert!(text.contains("§§ 1"), "{text}");
    assert!(!text.contains("§§ §"), "{text}");
}

/// A protocol kept in Word or OpenDocument is read and stored as its text is; an old Word
/// document is refused with what to do, and nothing is stored.
#[test]
fn a_word_protocol_is_stored_and_an_old_word_document_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = data(tmp.path());
    ok(&["init", "--data", &dir]);
    let v = json(&[
        "import",
        "--dry-run",
        "--json",
        &fixture("office/protokoll-004.odt"),
    ]);
    assert_eq!(v["body"], "Vård- och omsorgsnämnden");
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 19);
    let text = ok(&[
        "import",
        "--data",
        &dir,
        &fixture("office/protokoll-004.docx"),
    ]);
    assert!(
        text.contains("Vård- och omsorgsnämnden 2024-01-29"),
        "{text}"
    );
    let old = tmp.path().join("protokoll.doc");
    std::fs::write(&old, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1").unwrap();
    let e = fails(&["import", "--data", &dir, old.to_str().unwrap()]);
    assert!(
        e.contains("protokoll.doc") && e.contains("sparas först som .docx"),
        "{e}"
    );
}

/// A protocol without a meeting date: the dry run lists what is missing, storing is refused
/// with what to give, and `--datum` completes it.
#[test]
fn an_incomplete_protocol_names_what_is_missing_and_is_completed_with_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = data(tmp.path());
    ok(&["init", "--data", &dir]);
    let file = fixture("undated_protocol.txt");
    let v = json(&["import", "--dry-run", "--json", &file]);
    assert_eq!(v["date"], Value::Null);
    assert_eq!(v["body"], "Socialnämnden");
    assert_eq!(v["missing"], serde_json::json!(["sammanträdesdatum"]));
    let e = fails(&["import", "--data", &dir, &file]);
    assert!(
        e.contains("ofullständigt importerat") && e.contains("--datum"),
        "{e}"
    );
    let e = fails(&["import", "--data", &dir, "--datum", "16 februari", &file]);
    assert!(e.contains("ÅÅÅÅ-MM-DD"), "{e}");
    let text = ok(&["import", "--data", &dir, "--datum", "2026-02-16", &file]);
    assert!(text.contains("Socialnämnden 2026-02-16"), "{text}");
    assert!(!text.contains("ofullständigt"), "{text}");

    // A scraped text whose first § lost its number: the dry run shows the § with a null
    // number, storing is refused until --forsta-paragraf numbers it.
    let file = fixture("flattened_lost_number.txt");
    let v = json(&["import", "--dry-run", "--json", &file]);
    assert_eq!(v["paragraphs"][0]["number"], Value::Null);
    assert_eq!(v["paragraphs"][0]["title"], "Val av justerare");
    assert_eq!(v["paragraphs"][1]["number"], 2);
    assert_eq!(v["missing"], serde_json::json!(["paragrafnummer"]));
    let e = fails(&["import", "--data", &dir, &file]);
    assert!(e.contains("--forsta-paragraf"), "{e}");
    let text = ok(&["import", "--data", &dir, "--forsta-paragraf", "1", &file]);
    assert!(text.contains("Socialnämnden 2015-09-16"), "{text}");
    assert!(!text.contains("ofullständigt"), "{text}");
}
