//! A writer process killed mid-write loses nothing it committed and leaves nothing
//! half-written.
//!
//! The test runs itself as a child process (`PARAGRAF_CRASH_CHILD` set) that opens cases
//! with three documents each, one transaction per case, and prints each diarienummer once
//! it is committed. The parent kills it with SIGKILL in the middle of the stream and checks
//! the database.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use chrono::NaiveDate;
use paragraf_core::dnr::DnrPattern;
use paragraf_core::registry::{Direction, DocumentType, NewDocument, Secrecy};
use paragraf_store::{NewCase, SqlStore, Store};

const CHILD_ENV: &str = "PARAGRAF_CRASH_CHILD";

fn date() -> NaiveDate {
    "2025-09-01".parse().unwrap()
}

/// The child: writes until it is killed (or a safety limit).
#[test]
fn crash_child_writer() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return; // Only meaningful as the child of `killed_writer_loses_nothing_committed`.
    };
    let store = SqlStore::open(std::path::Path::new(&path)).unwrap();
    let pattern = DnrPattern::new("{series}/{year}:{seq}").unwrap();
    let docs: Vec<NewDocument> = (0..3)
        .map(|i| {
            NewDocument::new(
                DocumentType::Letter,
                &format!("Skrivelse {i}"),
                date(),
                Direction::Incoming,
                Some("Länsstyrelsen"),
            )
            .unwrap()
        })
        .collect();
    let mut out = std::io::stdout().lock();
    for i in 0..100_000 {
        let case = NewCase {
            series: Some("KS".into()),
            class: None,
            title: format!("Ärende {i} {}", "x".repeat(2_000)),
            body: None,
            secrecy: Secrecy::Public,
            registered: date(),
            handler: None,
        };
        let (c, _) = store.create_case(&pattern, &case, &docs).unwrap();
        writeln!(out, "committed {}", c.dnr).unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn killed_writer_loses_nothing_committed() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paragraf.db");
    SqlStore::open(&path).unwrap(); // Migrations done before the child starts.
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash_child_writer",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut committed = Vec::new();
    let stdout = child.stdout.take().unwrap();
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(dnr) = line.strip_prefix("committed ") {
            committed.push(dnr.to_string());
            if committed.len() == 150 {
                child.kill().unwrap(); // SIGKILL: no destructors, no rollback by the child.
                break;
            }
        }
    }
    child.wait().unwrap();
    assert_eq!(
        committed.len(),
        150,
        "the child stopped before it was killed"
    );

    let store = SqlStore::open(&path).unwrap();
    store.integrity_check().unwrap();
    let cases = store.cases().unwrap();
    // Everything reported as committed is there …
    for dnr in &committed {
        assert!(
            store.case_by_dnr(dnr).unwrap().is_some(),
            "{dnr} was committed but is gone"
        );
    }
    // … the numbers have no gaps (a case in flight at the kill is either whole or absent) …
    let mut seqs: Vec<u32> = cases.iter().map(|c| c.dnr.sequence()).collect();
    seqs.sort_unstable();
    assert_eq!(seqs, (1..=cases.len() as u32).collect::<Vec<_>>());
    assert!(cases.len() >= committed.len());
    // … and no case lacks any of its documents.
    for c in &cases {
        assert_eq!(
            store.documents(c.id).unwrap().len(),
            3,
            "case {} is half-written",
            c.dnr
        );
    }
}
