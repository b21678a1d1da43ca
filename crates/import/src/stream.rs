//! The item stream: logical lines with page furniture removed. Blank lines
//! around removed furniture are absorbed, so a page break inside a sentence,
//! list or table leaves no trace.

use crate::lines::Line;
use crate::text::TrimWhite;

/// One line of the cleaned stream.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// 1-based input line number.
    pub no: usize,
    /// Index into the logical line list.
    pub idx: usize,
    pub text: &'a str,
}

impl Item<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.trim_white().is_empty()
    }
}

/// Builds the stream from `lines`, dropping lines where `furniture` is true.
pub fn build<'a>(lines: &'a [Line], furniture: &[bool]) -> Vec<Item<'a>> {
    let mut out: Vec<Item<'a>> = Vec::with_capacity(lines.len());
    let mut after_furniture = false;
    for (i, l) in lines.iter().enumerate() {
        if furniture.get(i).copied().unwrap_or(false) {
            while out.last().is_some_and(|it| it.is_blank()) {
                out.pop();
            }
            after_furniture = true;
            continue;
        }
        if l.is_blank() {
            if after_furniture {
                continue;
            }
        } else {
            after_furniture = false;
        }
        out.push(Item {
            no: l.no,
            idx: i,
            text: l.text.as_str(),
        });
    }
    out
}

/// Number of blank items directly before `idx`.
pub fn blanks_before(items: &[Item<'_>], idx: usize) -> usize {
    items
        .get(..idx)
        .map_or(0, |s| s.iter().rev().take_while(|it| it.is_blank()).count())
}
