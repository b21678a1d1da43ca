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

/// Lines of text joined, or a note that the list is empty.
pub fn lines(items: impl IntoIterator<Item = String>, empty: &str) -> String {
    let v: Vec<String> = items.into_iter().collect();
    if v.is_empty() {
        empty.to_string()
    } else {
        v.join("\n")
    }
}
