//! Benchmark (no criterion): renders a 30-§ protocol with tables N times after a warm-up
//! and prints milliseconds per render. When LibreOffice (`libreoffice` or `soffice`) is on
//! PATH, the same content is written as HTML and converted with
//! `soffice --headless --convert-to pdf` for comparison.
//!
//! Run: `cargo bench -p paragraf-render` (release). `RENDER_BENCH_N` sets N (default 20),
//! `RENDER_BENCH_LO_N` the number of LibreOffice conversions (default 3).

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use paragraf_render::doc::{Cell, Decision, ProtocolDoc, TableRow};
use paragraf_render::{format, protocol_pdf};

fn env_n(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let doc = support::protocol_many(30);
    let n = env_n("RENDER_BENCH_N", 20);

    // What `paragraf serve` does while it starts: the fonts, the library and one small
    // protocol, once per process.
    let fonts = Instant::now();
    paragraf_render::warm_up().expect("warm-up");
    let fonts = fonts.elapsed();
    let cold = Instant::now();
    let first = match protocol_pdf(&doc) {
        Ok(pdf) => pdf,
        Err(e) => {
            eprintln!("rendering failed: {e}");
            std::process::exit(1);
        }
    };
    let cold = cold.elapsed();
    for _ in 0..3 {
        let _ = protocol_pdf(&doc);
    }
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let pdf = protocol_pdf(&doc);
        times.push(t.elapsed());
        assert!(pdf.is_ok());
    }
    times.sort();
    // The same input again hits typst's memo cache for large parts of the layout; also
    // time documents that differ in every iteration (as different meetings would).
    let mut varied = Vec::with_capacity(n);
    for i in 0..n {
        let mut d = doc.clone();
        for p in &mut d.paragraphs {
            p.title = format!("{} (version {i})", p.title);
        }
        let t = Instant::now();
        let pdf = protocol_pdf(&d);
        varied.push(t.elapsed());
        assert!(pdf.is_ok());
    }
    varied.sort();
    let varied_mean = varied.iter().sum::<Duration>() / n as u32;
    let mean = times.iter().sum::<Duration>() / n as u32;
    let median = times[n / 2];
    let pages = count_pages(&first);
    println!(
        "typst: 30-§ protocol, {pages} pages, {} kB: warm-up once per process {:.1} ms (fonts and a two-§ protocol, while the server starts), then first render {:.1} ms (target < 150 ms), warm mean {:.1} ms, median {:.1} ms, min {:.1} ms (n = {n})",
        first.len() / 1024,
        ms(fonts),
        ms(cold),
        ms(mean),
        ms(median),
        ms(times[0]),
    );
    println!(
        "typst: changed document each time: mean {:.1} ms, median {:.1} ms (n = {n})",
        ms(varied_mean),
        ms(varied[n / 2]),
    );

    let Some(lo) = find_libreoffice() else {
        println!(
            "libreoffice: SKIPPED (neither `libreoffice` nor `soffice` on PATH); \
             install with `apt-get install -y libreoffice-writer-nogui` (or libreoffice-writer)"
        );
        return;
    };
    let dir = std::env::temp_dir().join(format!("paragraf-render-bench-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        println!(
            "libreoffice: SKIPPED (cannot create {}: {e})",
            dir.display()
        );
        return;
    }
    let html = dir.join("protokoll.html");
    if let Err(e) = std::fs::write(&html, protocol_html(&doc)) {
        println!("libreoffice: SKIPPED (cannot write HTML: {e})");
        return;
    }
    let profile = dir.join("lo-profile");
    // The first conversion creates the LibreOffice user profile; not counted.
    if let Err(e) = convert(&lo, &html, &dir, &profile) {
        println!("libreoffice: FAILED ({e})");
        return;
    }
    let lo_n = env_n("RENDER_BENCH_LO_N", 3);
    let mut lo_times = Vec::with_capacity(lo_n);
    for _ in 0..lo_n {
        let t = Instant::now();
        if let Err(e) = convert(&lo, &html, &dir, &profile) {
            println!("libreoffice: FAILED ({e})");
            return;
        }
        lo_times.push(t.elapsed());
    }
    let lo_mean = lo_times.iter().sum::<Duration>() / lo_n as u32;
    let lo_pdf = std::fs::read(dir.join("protokoll.pdf")).unwrap_or_default();
    println!(
        "libreoffice ({}): HTML → PDF, {} pages, {} kB: mean {:.1} ms per conversion incl. process start (n = {lo_n})",
        lo.display(),
        count_pages(&lo_pdf),
        lo_pdf.len() / 1024,
        ms(lo_mean),
    );
    println!(
        "ratio: LibreOffice / typst = {:.1}× (same document), {:.1}× (changed document)",
        ms(lo_mean) / ms(mean).max(0.001),
        ms(lo_mean) / ms(varied_mean).max(0.001)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The page count from `pdfinfo` (poppler-utils), or "?" when it is not available.
fn count_pages(pdf: &[u8]) -> String {
    let path =
        std::env::temp_dir().join(format!("paragraf-bench-count-{}.pdf", std::process::id()));
    if std::fs::write(&path, pdf).is_err() {
        return "?".into();
    }
    let out = Command::new("pdfinfo").arg(&path).output();
    let _ = std::fs::remove_file(&path);
    out.ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().to_owned()))
        })
        .unwrap_or_else(|| "?".into())
}

fn find_libreoffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["libreoffice", "soffice"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

fn convert(lo: &Path, html: &Path, out: &Path, profile: &Path) -> Result<(), String> {
    let status = Command::new(lo)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--infilter=HTML (StarWriter)"])
        .args(["--convert-to", "pdf:writer_pdf_Export", "--outdir"])
        .arg(out)
        .arg(html)
        .output()
        .map_err(|e| e.to_string())?;
    if status.status.success() && out.join("protokoll.pdf").exists() {
        Ok(())
    } else {
        Err(format!(
            "exit {:?}: {}",
            status.status.code(),
            String::from_utf8_lossy(&status.stderr)
        ))
    }
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\n' => o.push_str("<br>"),
            c => o.push(c),
        }
    }
    o
}

fn cell(c: &Cell, decimals: u8) -> String {
    match c {
        Cell::Number(v) => format::number(*v, decimals),
        Cell::Text(t) => t.clone(),
        Cell::Empty => String::new(),
    }
}

fn rows_html(rows: &[TableRow], depth: usize, decimals: u8, out: &mut String) {
    for r in rows {
        let label = if depth == 0 {
            r.label.clone()
        } else {
            format!("-varav {}", r.label)
        };
        out.push_str(&format!(
            "<tr><td style=\"padding-left:{}em\">{}</td>",
            depth,
            esc(&label)
        ));
        for v in &r.values {
            out.push_str(&format!(
                "<td align=\"right\">{}</td>",
                esc(&cell(v, decimals))
            ));
        }
        out.push_str("</tr>\n");
        rows_html(&r.children, depth + 1, decimals, out);
    }
}

/// The same content as the typst protocol, as a plain HTML document for LibreOffice.
fn protocol_html(d: &ProtocolDoc) -> String {
    let mut h = String::from(
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Protokoll</title>\
         <style>body{font-family:serif;font-size:11pt} td{vertical-align:top} \
         table{border-collapse:collapse}</style></head><body>\n",
    );
    h.push_str(&format!("<h1>Protokoll</h1><p>{}</p><table>", esc(&d.body)));
    let line = |items: Vec<String>| {
        items
            .iter()
            .map(|s| esc(s))
            .collect::<Vec<_>>()
            .join("<br>")
    };
    let facts = [
        (
            "Plats och tid",
            format!(
                "{}, {} {}",
                d.place,
                format::date_long(d.date),
                format::time_span(d.start, d.end)
            ),
        ),
        (
            "Beslutande",
            line(d.members.iter().map(|m| m.name.clone()).collect()),
        ),
        (
            "Ej tjänstgörande ersättare",
            line(d.substitutes.iter().map(|m| m.name.clone()).collect()),
        ),
        (
            "Övriga närvarande",
            line(d.others.iter().map(|m| m.name.clone()).collect()),
        ),
        ("Utses att justera", line(d.adjusters.clone())),
        ("Justeringens plats och tid", esc(&d.adjustment_place_time)),
        ("Sekreterare", esc(&d.secretary)),
        ("Ordförande", esc(&d.chair)),
    ];
    for (k, v) in facts {
        h.push_str(&format!("<tr><td><b>{k}</b></td><td>{v}</td></tr>\n"));
    }
    h.push_str("</table><table border=\"1\"><tr><th colspan=\"2\">ANSLAG/BEVIS</th></tr>");
    h.push_str(&format!(
        "<tr><td>Organ</td><td>{}</td></tr><tr><td>Sammanträdesdatum</td><td>{}</td></tr>\
         <tr><td>Datum då anslaget sätts upp</td><td></td></tr>\
         <tr><td>Datum då anslaget tas ned</td><td></td></tr>\
         <tr><td>Förvaringsplats för protokollet</td><td></td></tr></table>\n",
        esc(&d.posting.body),
        format::date_iso(d.posting.meeting_date)
    ));
    for p in &d.paragraphs {
        h.push_str(&format!(
            "<h2>§ {} {}</h2><p align=\"right\">{}</p>\n",
            p.number,
            esc(&p.title),
            esc(p.case_number.as_deref().unwrap_or(""))
        ));
        for para in p.text.split("\n\n") {
            h.push_str(&format!("<p>{}</p>\n", esc(para)));
        }
        for t in &p.tables {
            h.push_str("<table border=\"1\" width=\"100%\"><tr>");
            for c in &t.header {
                h.push_str(&format!("<th>{}</th>", esc(c)));
            }
            h.push_str("</tr>\n");
            rows_html(&t.rows, 0, t.decimals, &mut h);
            h.push_str("</table>\n");
        }
        for v in &p.votes {
            h.push_str("<h3>Omröstning</h3><table border=\"1\">");
            for b in &v.ballots {
                h.push_str(&format!(
                    "<tr><td>{}</td><td>{:?}</td></tr>",
                    esc(&b.name),
                    b.choice
                ));
            }
            h.push_str(&format!("</table><p>{}</p>", esc(&v.result)));
        }
        match &p.decision {
            Some(Decision::Clauses { intro, clauses }) => {
                h.push_str(&format!(
                    "<h3>Beslut</h3><p>{}</p>",
                    esc(intro.as_deref().unwrap_or(""))
                ));
                for c in clauses {
                    h.push_str(&format!("<p>att {}</p>", esc(c)));
                }
            }
            Some(Decision::Text(t)) => h.push_str(&format!("<h3>Beslut</h3><p>{}</p>", esc(t))),
            None => {}
        }
        if !p.dispatch.is_empty() {
            h.push_str(&format!(
                "<h3>Beslutet skickas till</h3><p>{}</p>",
                line(p.dispatch.clone())
            ));
        }
    }
    h.push_str("</body></html>\n");
    h
}
