//! Flattened pages (*utplattade sidor*): scraped archives and search engines hold a
//! protocol with a whole PDF page on one line ("1 VILHELMINA KOMMUN PROTOKOLL 1(54) Plats
//! och tid Folkets Hus, … Beslutande Annika Wibrell, ordf. … Utses att justera …"). Such a
//! line is cut before each cover label, so that the cover page reads as it was laid out.
//!
//! Only long lines with at least two different labels are cut: a § text that names the
//! "Ordförande" once stays whole, and a laid-out protocol (lines shorter than a page) is
//! not touched.

use crate::lines::Line;

/// A line shorter than this is a line, not a page.
const PAGE_LINE: usize = 160;

/// Cover labels as protocols capitalise them, longest first where one starts another.
const LABELS: [&str; 39] = [
    "Plats och tid för justering",
    "Plats och tid",
    "Tid och plats",
    "Sammanträdesdatum",
    "Sammanträdesdag",
    "Beslutande ledamöter",
    "Beslutande",
    "Ledamöter",
    "Tjänstgörande ersättare",
    "Ej tjänstgörande ersättare",
    "Icke tjänstgörande ersättare",
    "Närvarande ersättare",
    "Ersättare",
    "Övriga deltagande",
    "Övriga närvarande",
    "Övriga deltagare",
    "Övriga",
    "Närvarande ledamöter",
    "Närvarande",
    "Närvarande tjänstemän",
    "Utses att justera",
    "Justerare",
    "Justeringens plats och tid",
    "Justeringens tid och plats",
    "Underskrifter",
    "Underskrift",
    "Sekreterare",
    "Ordförande",
    "Justerande",
    "Paragrafer",
    "ANSLAG/BEVIS",
    "BEVIS OM ANSLAG",
    "Organ",
    "Datum för anslags uppsättande",
    "Datum för anslags nedtagande",
    "Datum då anslaget sätts upp",
    "Datum då anslaget tas ned",
    "Förvaringsplats för protokollet",
    "Anslaget uppsatt",
];

/// Byte offsets in `t` where a label starts a word and ends one. The label's first letter
/// must be a capital as written; the rest may be in any case ("Tid och Plats").
fn label_starts(t: &str) -> Vec<(usize, &'static str)> {
    let mut out: Vec<(usize, &'static str)> = Vec::new();
    // Lower case keeps the byte offsets of Swedish text; where it would not, match exactly.
    let lower = t.to_lowercase();
    let folded = lower.len() == t.len();
    let hay = if folded { lower.as_str() } else { t };
    for label in LABELS {
        let needle = if folded {
            label.to_lowercase()
        } else {
            label.to_string()
        };
        let mut from = 0;
        while let Some(i) = hay.get(from..).and_then(|rest| rest.find(&needle)) {
            let at = from + i;
            let before_ok = t
                .get(..at)
                .and_then(|b| b.chars().next_back())
                .is_none_or(|c| c == ' ');
            let end = at + needle.len();
            from = end;
            let first_ok = t
                .get(at..)
                .and_then(|a| a.chars().next())
                .is_some_and(char::is_uppercase);
            let after_ok = first_ok
                && t.get(end..)
                    .and_then(|a| a.chars().next())
                    .is_none_or(|c| !c.is_alphanumeric());
            // A longer label found at the same place wins ("Plats och tid för justering").
            if before_ok && after_ok && !out.iter().any(|(s, l)| *s <= at && at < s + l.len()) {
                out.push((at, label));
            }
        }
    }
    out.sort_by_key(|(at, _)| *at);
    out
}

/// Cuts each flattened page line before its cover labels.
pub fn unflatten(lines: Vec<Line>) -> Vec<Line> {
    if !lines
        .iter()
        .any(|l| l.text.len() > PAGE_LINE && !l.text.contains('\t'))
    {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len() * 2);
    for line in lines {
        if line.text.len() <= PAGE_LINE || line.text.contains('\t') {
            out.push(line);
            continue;
        }
        let starts = label_starts(&line.text);
        let mut distinct: Vec<&str> = starts.iter().map(|(_, l)| *l).collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < 2 {
            out.push(line);
            continue;
        }
        let mut cut = 0;
        for (at, _) in starts.iter().chain(std::iter::once(&(line.text.len(), ""))) {
            let piece = line.text.get(cut..*at).unwrap_or("").trim();
            if !piece.is_empty() {
                out.push(Line {
                    no: line.no,
                    text: piece.to_string(),
                });
            }
            cut = *at;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn a_flattened_cover_is_cut_before_its_labels() {
        let page = "1 VILHELMINA KOMMUN PROTOKOLL 1(54) Plats och tid Folkets Hus, Vilhelmina, \
                    torsdagen den 9 juni 2016, kl Beslutande Annika Wibrell, ordf. Rickard \
                    Norberg Ulf Hansson Underskrift Sekreterare Marianne Persson Ordförande... \
                    Annika Wibrell Justerande... Rickard Norberg";
        let texts: Vec<String> = unflatten(split_lines(page))
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(
            texts,
            [
                "1 VILHELMINA KOMMUN PROTOKOLL 1(54)",
                "Plats och tid Folkets Hus, Vilhelmina, torsdagen den 9 juni 2016, kl",
                "Beslutande Annika Wibrell, ordf. Rickard Norberg Ulf Hansson",
                "Underskrift",
                "Sekreterare Marianne Persson",
                "Ordförande... Annika Wibrell",
                "Justerande... Rickard Norberg",
            ]
        );
    }

    #[test]
    fn a_page_with_one_label_and_short_lines_stay_whole() {
        let text = "Sn 49 Sammanträdets öppnande, formalia. Sn Ordförande Annika Wibrell öppnade \
                    sammanträdet och hälsade samtliga närvarande välkomna. Rickard Norberg utsågs \
                    att justera.\nPlats och tid Kommunhuset\nBeslutande Anna Berg (S)";
        let lines = split_lines(text);
        assert_eq!(unflatten(lines.clone()), lines);
    }
}
