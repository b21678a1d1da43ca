//! Writes the documents to /tmp/render-look/ (PDF, and PNG pages at 60 dpi when
//! `pdftoppm` is installed) for a person to look at. Ignored by default:
//! `cargo test -p paragraf-render --test look -- --ignored`.

mod support;

use std::path::Path;
use std::process::Command;

use paragraf_render::{extract_pdf, notice_pdf, posting_pdf, protocol_pdf};

fn write(dir: &Path, name: &str, pdf: &[u8]) {
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).expect("write pdf");
    match Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(&path)
        .arg(dir.join(name))
        .status()
    {
        Ok(s) if s.success() => {}
        Ok(s) => eprintln!("pdftoppm failed for {name}: {s}"),
        Err(e) => eprintln!("SKIPPED PNGs for {name}: pdftoppm not runnable ({e})"),
    }
}

#[test]
#[ignore = "writes files to /tmp/render-look for manual inspection"]
fn write_documents_for_inspection() {
    let dir = Path::new("/tmp/render-look");
    std::fs::create_dir_all(dir).expect("create /tmp/render-look");
    write(
        dir,
        "protocol30",
        &protocol_pdf(&support::protocol_many(30)).expect("render"),
    );
    write(
        dir,
        "protocol000",
        &protocol_pdf(&support::protocol_000()).expect("render"),
    );
    write(
        dir,
        "protocol000-public",
        &protocol_pdf(&support::protocol_000_public()).expect("render"),
    );
    write(
        dir,
        "notice",
        &notice_pdf(&support::notice_002()).expect("render"),
    );
    write(
        dir,
        "extract",
        &extract_pdf(&support::extract_115()).expect("render"),
    );
    write(
        dir,
        "posting",
        &posting_pdf(&support::posting_000()).expect("render"),
    );
}
