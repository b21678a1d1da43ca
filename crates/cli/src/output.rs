//! Printing results: JSON for machines, short Swedish text for people.

use anyhow::Result;
use serde::Serialize;

/// Prints `value` as pretty JSON when `json`, else the text `human` makes.
pub fn print<T: Serialize + ?Sized>(
    json: bool,
    value: &T,
    human: impl FnOnce() -> String,
) -> Result<()> {
    if json {
        out!("{}", serde_json::to_string_pretty(value)?);
    } else {
        let text = human();
        if !text.is_empty() {
            out!("{}", text.trim_end());
        }
    }
    Ok(())
}

/// Prints each of `items` as one line of JSON (JSON Lines) as it comes, or its text when not
/// `json`: a long product is written as it goes, never gathered whole first.
pub fn stream<T: Serialize>(
    json: bool,
    items: impl IntoIterator<Item = T>,
    human: impl Fn(&T) -> String,
) -> Result<()> {
    use std::io::Write as _;
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let written = items.into_iter().try_for_each(|item| {
        if json {
            serde_json::to_writer(&mut w, &item)?;
            writeln!(w)?;
        } else {
            write!(w, "{}", human(&item))?;
        }
        Ok::<(), anyhow::Error>(())
    });
    let written = written.and_then(|()| w.flush().map_err(Into::into));
    match written {
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
                || e.downcast_ref::<serde_json::Error>()
                    .and_then(|e| e.io_error_kind())
                    .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe) =>
        {
            std::process::exit(0)
        }
        other => other,
    }
}

/// Lines of text joined, or a note that the list is empty.
pub fn lines(items: impl IntoIterator<Item = String>, empty: &str) -> String {
    let v: Vec<String> = items.into_iter().collect();
    if v.is_empty() {
        empty.to_string()
    } else {
        v.join("\n")
    }
}
