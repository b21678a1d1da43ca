//! `paragraf import`: published protocols (PDF or text) → structured minutes, parsed on all
//! cores and stored one transaction per file.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use paragraf_app::meeting::import;
use paragraf_app::meeting::import::Protocol;
use paragraf_app::{keys, DataDir};

use crate::args::ImportArgs;

/// Reads and parses every file, using every core; results in the order given.
fn parse_all(files: &[PathBuf], bar: &ProgressBar) -> Vec<Result<Protocol, String>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    let mut results: Vec<Option<Result<Protocol, String>>> =
        (0..files.len()).map(|_| None).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done = std::sync::Mutex::new(&mut results);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(path) = files.get(i) else { break };
                let r = import::read_protocol(path).map_err(|e| format!("{e:#}"));
                bar.inc(1);
                if let Ok(mut d) = done.lock() {
                    d[i] = Some(r);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("läses inte".into())))
        .collect()
}

pub fn run(a: &ImportArgs) -> Result<ExitCode> {
    let dir = if a.dry_run {
        None
    } else {
        Some(DataDir::open(&a.data.dir)?)
    };
    let key = dir.as_ref().map(keys::load_or_create).transpose()?;
    let bar = if a.files.len() > 1 && std::io::stderr().is_terminal() {
        let b = ProgressBar::new(a.files.len() as u64);
        b.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} filer {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let parsed = parse_all(&a.files, &bar);
    bar.finish_and_clear();
    let (mut paragraphs, mut warnings, mut failures) = (0usize, 0usize, 0usize);
    for (path, result) in a.files.iter().zip(parsed) {
        let file = path.display().to_string();
        let completion = import::Completion {
            date: a.datum.clone(),
            body: a.organ.clone(),
            first_paragraph: a.forsta_paragraf,
        };
        let protocol = match result.and_then(|mut p| {
            import::complete(&mut p, &completion)
                .map(|()| p)
                .map_err(|e| format!("{e:#}"))
        }) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("fel: {file}: {e}");
                failures += 1;
                continue;
            }
        };
        let stored = match (&dir, &key) {
            (Some(d), Some(k)) => match import::store_protocol(d, &protocol, &file, k) {
                Ok(s) => Some(s),
                Err(e) => {
                    eprintln!("fel: {file}: sparades inte: {e:#}");
                    failures += 1;
                    continue;
                }
            },
            _ => None,
        };
        paragraphs += protocol.paragraphs.len();
        warnings += protocol.warnings.len() + stored.as_ref().map_or(0, |s| s.warnings.len());
        if a.json.json {
            let mut v = serde_json::to_value(&protocol)?;
            if let Some(obj) = v.as_object_mut() {
                obj.insert("file".into(), file.clone().into());
                if let Some(s) = &stored {
                    obj.insert("stored".into(), serde_json::to_value(s)?);
                }
            }
            out!("{}", serde_json::to_string(&v)?);
        } else {
            out!(
                "{file}: {} {}, §§ {}, {} varningar{}{}",
                protocol.body.as_deref().unwrap_or("(nämnd saknas)"),
                protocol.date.as_deref().unwrap_or("(datum saknas)"),
                protocol
                    .paragraph_range
                    .as_deref()
                    .map(|r| r.trim_start_matches('§').trim().to_string())
                    .unwrap_or_else(|| protocol.paragraphs.len().to_string()),
                protocol.warnings.len(),
                stored
                    .as_ref()
                    .map(|s| format!(", sparat som sammanträde {}", s.meeting))
                    .unwrap_or_default(),
                if protocol.missing.is_empty() {
                    String::new()
                } else {
                    format!("; ofullständigt, saknas: {}", protocol.missing.join(", "))
                }
            );
        }
        for w in protocol
            .warnings
            .iter()
            .chain(stored.iter().flat_map(|s| s.warnings.iter()))
        {
            eprintln!("varning: {file}: {w}");
        }
    }
    eprintln!(
        "{} filer, {paragraphs} paragrafer, {warnings} varningar, {failures} misslyckade{}",
        a.files.len(),
        if a.dry_run {
            " (provkörning, inget sparat)"
        } else {
            ""
        }
    );
    Ok(if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
