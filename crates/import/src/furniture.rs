//! Page furniture (*sidhuvud*, *sidfot*): repeated headers ("Protokoll /
//! 2025-09-01 / Individ- och omsorgsutskottet", "Sammanträdesprotokoll /
//! Socialnämnden / Justerare"), "Justerandes sign", "Utdragsbestyrkande",
//! page numbers and address footers (Telefon, Besöksadress, Org.nr …).
//!
//! Also finds the two facts needed to recognise headers: the meeting date
//! (*sammanträdesdatum*) and the body (*nämnd*).

use crate::dates::{find_dates, first_date, standalone_date};
use crate::lines::Line;
use crate::text::TrimWhite;
use regex::Regex;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

static STRONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:sammanträdesprotokoll|protokollsutdrag|utdrag ur protokollet|protokoll|(?:justerandes?|justerares|justerarnas|ordförandes|sekreterarens)\s+sign(?:atur(?:er)?)?\.?|signatur(?:er)?|sign|utdragsbestyrkande|justerare|sammanträdesdatum|sida\s+\d+(?:\s*(?:av|\(|/)\s*\d+\s*\)?)?|sid\.?\s*\d+(?:\s*(?:av|\(|/)\s*\d+\s*\)?)?)(?:(?-u:\b)|$)",
    )
    .expect("static regex")
});
static WEAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:den|(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?)(?-u:\b)")
        .expect("static regex")
});
static PAGE_NO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|/\s*\d{1,3}|av\s+\d{1,3})|-\s*\d{1,3}\s*-|(?:utskrivet|utskriftsdatum)(?-u:\b).{0,60}(?-u:\b)sida\s+\d+\s*(?:av|\()\s*\d+\)?)$")
        .expect("static regex")
});
/// The labels of an address footer ("Telefon", "Besöksadress", "Org.nr" …), as a pattern.
const FOOTER_LABELS: &str = r"telefon|tel\.?|telefonnummer|tfn|besöksadress|postadress|gatuadress|leveransadress|e-?post|e-mail|mejl|org\.?\s?nr\.?|organisationsnummer|fax|telefax|hemsida|webbplats|webbadress|webb|internet|bankgiro|plusgiro|postgiro|växel|sms";
static FOOTER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^(?:{FOOTER_LABELS})\s*:?(?:\s+(.*))?$")).expect("static regex")
});
/// Whether a line (without a line break) is one [`FOOTER_LABEL`] matches, told from its
/// start: the label, then its end or white space, not read on to the line's end.
static FOOTER_LABEL_OPENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^(?:{FOOTER_LABELS})\s*:?(?:\s|$)")).expect("static regex")
});
/// A line that is a body's name and nothing else: letters, hyphens and spaces, starting with
/// a letter, ending in nämnd, utskott, styrelse, fullmäktige, kommitté or beredning (with
/// -en, -et or -n), with one to 71 characters before that word. (Written out rather than
/// as a regex: the bounded Unicode repetition kept the regex engine off its fast path.)
/// The words a body's name ends in ("socialnämnd", "arbetsutskott", …).
const BODY_STEMS: [&str; 7] = [
    "nämnd",
    "direktion",
    "utskott",
    "styrelse",
    "fullmäktige",
    "kommitté",
    "beredning",
];

/// The municipality's advisory councils (*kommunala råd*), named alone or after "Kommunala"
/// ("Kommunala pensionärsrådet", "Ronneby Kommunala Handikappråd", "Tillgänglighetsrådet").
const COUNCILS: [&str; 9] = [
    "pensionärsråd",
    "handikappråd",
    "tillgänglighetsråd",
    "funktionshinderråd",
    "funktionshindersråd",
    "folkhälsoråd",
    "ungdomsråd",
    "integrationsråd",
    "äldreråd",
];

fn is_body_line(t: &str) -> bool {
    if !t.chars().next().is_some_and(char::is_alphabetic)
        || !t.chars().all(|c| c.is_alphabetic() || c == '-' || c == ' ')
    {
        return false;
    }
    let lower = t.to_lowercase();
    // "Direktionen": a kommunalförbund's board, by its bare name.
    if lower == "direktionen" {
        return true;
    }
    // "Nämnden för funktionshindrade", "Nämnden för arbetsmarknad och vuxenutbildning": a
    // nämnd named by what it is for, in small letters (Örebro's way).
    if let Some(what) = t.strip_prefix("Nämnden för ") {
        let words: Vec<&str> = what.split_whitespace().collect();
        return (1..=5).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
    }
    // ("… Försäkring AB BESLUTAS AV KOMMUNFULLMÄKTIGE": a page of contents' group of the
    // items another body decides, a company before it; no body's name has these words.)
    let not_a_name = || {
        lower
            .split_whitespace()
            .any(|w| matches!(w, "av" | "beslutas" | "beslutar" | "ab"))
    };
    (["", "en", "et", "n"].iter().any(|suffix| {
        lower.strip_suffix(suffix).is_some_and(|rest| {
            BODY_STEMS.iter().any(|stem| {
                rest.strip_suffix(stem)
                    .is_some_and(|head| (1..=71).contains(&head.chars().count()))
            })
        })
    }) || council_head(&lower)
        // A council, alone or after its words ("Ronneby Kommunala Handikappråd").
        .is_some_and(|head| head.chars().count() <= 40 && (head.is_empty() || head.ends_with(' '))))
        && !not_a_name()
}

/// What stands before the name of a council that `lower` (in small letters) ends with
/// ("ronneby kommunala handikappråd" → "ronneby kommunala ").
fn council_head(lower: &str) -> Option<&str> {
    let rest = lower.strip_suffix("et").unwrap_or(lower);
    COUNCILS
        .iter()
        .find_map(|council| rest.strip_suffix(council))
}
static BODY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:nämnd\s*/\s*styrelse|organ|beslutande organ|nämnd|styrelse|utskott)\s*[:\t]\s*(.+)$")
        .expect("static regex")
});
static BODY_LABEL_SPACED: LazyLock<Regex> = LazyLock::new(|| {
    // "Forum Omsorgsnämnden": the organ's label in some municipalities' notice box.
    // ("Organ och sammanträdesdatu m Kommunstyrelsen": the label's last letter parted from it
    // by the extraction.)
    Regex::new(
        r"^(?:Organ och sammanträdesdatu ?m|Organ|ORGAN|Instans|INSTANS|Forum|Beslutande organ|Nämnd/[Ss]tyrelse|Styrelse/[Nn]ämnd|Nämnd)[;:]?\s+(.+)$",
    )
    .expect("static regex")
});
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:sammanträdesdatum|sammanträdesdag|mötesdatum|sammanträdets datum|datum för sammanträdet)\s*[:\t ]\s*(.+)$")
        .expect("static regex")
});
static PLACE_TIME_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:plats och tid|tid och plats|datum och tid|datum, tid och plats|plats, datum och tid)\s*[:\t ]\s*(.+)$")
        .expect("static regex")
});

/// Boilerplate of the *anslag/bevis* box, removed from values.
pub const NOTICE_BOILERPLATE: [&str; 5] = [
    "ANSLAG/BEVIS",
    "Protokollet är justerat.",
    "Justeringen har tillkännagivits genom anslag.",
    "Justeringen har tillkännagetts genom anslag.",
    "BEVIS",
];

/// `v` after the notice's sentences it opens with ("Protokollet är justerat. Justeringen har
/// tillkännagivits genom anslag. Kommunstyrelsen (KS) …" → "Kommunstyrelsen (KS) …").
fn after_notice_sentences(mut v: &str) -> &str {
    while let Some(rest) = NOTICE_BOILERPLATE
        .iter()
        .filter(|b| b.ends_with('.'))
        .find_map(|b| v.strip_prefix(b))
        // ("Justeringen har tillkännagivits genom anslag på kommunens officiella anslagstavla
        // i Förvaltningshuset. Kommunstyrelsen …": the sentence in a municipality's words.)
        .or_else(|| {
            v.starts_with("Justeringen har tillkänna")
                .then(|| v.split_once(". ").map(|(_, r)| r))
                .flatten()
        })
    {
        v = rest.trim_start();
    }
    v
}

/// "Plats och tid / Beslutande / Övriga deltagande / Utses att justera Sammanträdesrum Moberg,
/// Rådhusgatan 2, Emmaboda, måndagen den 15 mars 2010, kl Per Adolfsson, ordförande …": the
/// place and time stacked over the lists' labels without a value of their own; the first line
/// after them that has one opens with it, the date among its first words.
fn stacked_place_time_date(lines: &[Line]) -> Option<String> {
    let bare_label = |t: &str| {
        let t = t.trim_white().trim_end_matches(':').to_lowercase();
        crate::cover_labels::COVER.iter().any(|(l, _)| *l == t)
    };
    let at = lines.iter().take(60).position(|l| {
        matches!(
            l.text
                .trim_white()
                .trim_end_matches(':')
                .to_lowercase()
                .as_str(),
            "plats och tid" | "tid och plats"
        )
    })?;
    let value = lines[at + 1..]
        .iter()
        .filter(|l| !l.is_blank())
        .take(6)
        .find(|l| !bare_label(&l.text))?;
    let t = value.text.trim_white();
    let lower = t.to_lowercase();
    // (Under a list's label stacked last, not the justering's or the notice's own.)
    use crate::cover_labels::Field;
    let label = match crate::cover_labels::COVER
        .iter()
        .find(|(l, _)| lower.starts_with(l.as_str()))
    {
        None => 0,
        Some((l, Field::Deciding | Field::Substitutes | Field::Others | Field::Adjusters)) => {
            l.len()
        }
        Some(_) => return None,
    };
    let rest = t.get(label..)?;
    let d = find_dates(rest).into_iter().next()?;
    let before = rest.get(..d.start)?;
    (before.chars().count() <= 120 && !before.to_lowercase().contains("juster")).then_some(d.iso)
}

/// Removes *anslag/bevis* boilerplate from a value.
pub fn strip_boilerplate(s: &str) -> String {
    let mut out = s.to_string();
    for b in NOTICE_BOILERPLATE {
        if out.contains(b) {
            out = out.replace(b, " ");
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds the meeting date: an explicit label first, then the most frequent
/// date standing alone on a line (the page header), then any standalone date
/// near the top.
pub fn detect_meeting_date(lines: &[Line]) -> Option<String> {
    // The first labelled date of each kind, and where it stands.
    let mut found: [Option<(usize, String)>; 2] = [None, None];
    // Whether the cover writes its date with the weekday that date falls on.
    let mut cover_weekday = false;
    let in_notice = |at: usize| {
        lines.iter().take(at).any(|l| {
            let t = l.text.trim_white();
            t.starts_with("ANSLAG") || t.starts_with("Anslag/") || t.starts_with("BEVIS")
        })
    };
    for (k, re) in [&*DATE_LABEL, &*PLACE_TIME_LABEL].into_iter().enumerate() {
        // (The cover's place and time are looked for only against a date in the notice box.)
        if k == 1 && found[0].as_ref().is_some_and(|(at, _)| !in_notice(*at)) {
            break;
        }
        for (i, l) in lines.iter().take(400).enumerate() {
            let text: Cow<'_, str> = if crate::text::has_byte(&l.text, b'\t') {
                l.text.replace('\t', " ").into()
            } else {
                l.text.as_str().into()
            };
            if let Some(v) = crate::text::matched(re, text.trim_white()).and_then(|c| c.get(1)) {
                // ("Plats och tid Kommunkontoret tisdagen den 29 november 2011, klockan för
                // justering": the label of the justering's place and time around its value.)
                let lower = v.as_str().to_lowercase();
                if lower.starts_with("för just") || lower.trim_end().ends_with("för justering") {
                    continue;
                }
                // ("Sammanträdesdatum då anslaget sätts upp 2018-11-14": the meeting's date
                // left empty, the notice's label and date after it.)
                if lower
                    .split(|c: char| c.is_ascii_digit())
                    .next()
                    .is_some_and(|before| before.contains("anslag"))
                {
                    continue;
                }
                if let Some(d) = first_date(v.as_str()) {
                    if k == 1 {
                        cover_weekday = crate::dates::weekday_fits(v.as_str());
                    }
                    found[k] = Some((i, d));
                    break;
                }
            }
        }
    }
    // "Plats och tid Kommunhuset, Mora, tisdagen den 13 mars 2012 … ANSLAG/BEVIS … Organ
    // Kommunstyrelsen Sammanträdesdatum 2012-03-26": the notice box's date, its values out
    // of order, does not overrule the cover's place and time.
    // (When the pages' headers bear the cover's date more often than the notice's, or the
    // cover's date has its weekday: "Torsdagen den 4 mars 2010" against the notice's
    // "Sammanträdesdatum: 3 mars 2010".)
    let lines_with = |d: &str| lines.iter().filter(|l| l.text.contains(d)).count();
    match found {
        [Some((at, labelled)), Some((before, cover))]
            if labelled != cover
                && before < at
                && in_notice(at)
                && (lines_with(&cover) > lines_with(&labelled) || cover_weekday) =>
        {
            return Some(cover)
        }
        [Some((_, d)), _] | [None, Some((_, d))] => return Some(d),
        [None, None] => {}
    }
    if let Some(d) = stacked_place_time_date(lines) {
        return Some(d);
    }
    if let Some(d) = lines.iter().take(400).find_map(|l| notice_date(&l.text)) {
        return Some(d);
    }
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if let Some(d) = standalone_date(&l.text) {
            let e = counts.entry(d).or_insert((0, i));
            e.0 += 1;
        }
    }
    let best = counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)));
    if let Some((d, (n, first))) = best {
        if n >= 2 || first < 80 {
            return Some(d);
        }
    }
    // Last resort: a date in the first lines ("Protokoll fört vid … den 4 mars 2024"), but
    // not the date of the justering or of the notice, and not one in a §'s text (the first §
    // of "Protokoll fört vid … den 15 januari" names the protocols of December before).
    // (A heading with text after it: not an agenda's entry, which stands among others or in
    // a table's cells.)
    // (A heading's "§" stands among its first bytes: "§ 1 …", "KS § 12 …".)
    let heading = |l: &Line| {
        let t = l.text.trim_white();
        let head = t.get(..t.floor_char_boundary(12)).unwrap_or(t);
        t.starts_with(crate::unflatten::LOST_NUMBER)
            || head.contains('§')
                && !crate::text::has_byte(t, b'\t')
                && crate::segment::parse_heading(t).is_some_and(|(_, title)| !title.is_empty())
    };
    let filled: Vec<(usize, bool)> = (0..lines.len().min(15))
        .filter(|&i| !lines[i].is_blank())
        .map(|i| (i, heading(&lines[i])))
        .collect();
    let is_heading = |k: usize| filled.get(k).is_some_and(|&(_, h)| h);
    let before_first_heading = (0..filled.len())
        .find(|&k| is_heading(k) && !(k > 0 && is_heading(k - 1)) && !is_heading(k + 1))
        .and_then(|k| filled.get(k))
        .map_or(lines.len(), |&(i, _)| i);
    lines
        .iter()
        .enumerate()
        .take(15.min(before_first_heading))
        .find_map(|(i, l)| {
            // A flattened page cut at its labels: "Justerare: … / Ersättare: … Tid: <date>".
            let cut_from = i
                .checked_sub(1)
                .and_then(|k| lines.get(k))
                .filter(|p| p.no == l.no && p.text.to_lowercase().starts_with("juster"))
                .map_or("", |p| p.text.as_str());
            // "Justeringens plats och tid / Underskrifter / Organ Jan Ekström (MP) …
            // Kommunstyrelsekontoret den 31 maj 2011": the justering's label stacked earlier on
            // the same page, its value here.
            let stacked_justering = lines[..i]
                .iter()
                .rev()
                .take_while(|p| p.no == l.no)
                .any(|p| {
                    let t = p.text.trim_white().to_lowercase();
                    matches!(
                        t.as_str(),
                        "justeringens plats och tid"
                            | "justeringens tid och plats"
                            | "tid för justering"
                    )
                });
            // (Nor a flattened page of contents: "förteckning … Delegationsbeslut 1-29 februari
            // 2012" dates an item. A line that names the contents after the date — "Protokoll från
            // Socialutskottets sammanträde 2011-10-12 Innehållsförteckning" — is no page.)
            let contents_page = l.text.len() > crate::unflatten::PAGE_LINE
                && crate::unflatten::names_contents(&l.text);
            if stacked_justering || contents_page {
                return None;
            }
            find_dates(&l.text).into_iter().find_map(|d| {
                let before = format!("{cut_from} {}", l.text.get(..d.start).unwrap_or(""));
                let before = before.as_str();
                // A label at the start of the line says whose date it is, however far before.
                let line_start: String = l.text.chars().take(12).collect::<String>().to_lowercase();
                let near = before
                    .char_indices()
                    .rev()
                    .nth(100)
                    .map_or(before, |(k, _)| before.get(k..).unwrap_or(before))
                    .to_lowercase();
                // ("Kommunhuset 16 december 2011 kl Justering av Kommunfullmäktiges protokoll har
                // tillkännagivits …": the notice's sentence after the justering's date.)
                let after: String = l.text.get(d.end..).unwrap_or("").chars().take(40).collect();
                let after = after.to_lowercase();
                // ("… dagens tema information om Landskrona kommuns delårsrapport per den 31
                // augusti 2008": a report's date "per" a day.)
                let as_of = near.ends_with("per den ") || near.ends_with("per ");
                let other = [
                    "juster",
                    "anslag",
                    "uppsätt",
                    "nedtag",
                    "underskrift",
                    "överklag",
                ]
                .iter()
                .any(|w| near.contains(w) || line_start.starts_with(w))
                    || as_of
                    || after.contains("justering av")
                    || after.contains("för justering")
                    || after.contains("tillkännag");
                (!other).then_some(d.iso)
            })
        })
}

/// The meeting's date as the notice box tells it without the date's label: "Valnämnden har
/// haft sammanträde den 5 mars 2014" (the notice's sentence), or the organ with the date right
/// after it, its label lost ("Organ: Kommunstyrelsen : 2017-12-04 Datum för anslags …").
fn notice_date(text: &str) -> Option<String> {
    static HAD_MEETING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:har|hade) haft sammanträde(?:t)? (?:den |på )?").expect("static regex")
    });
    static ORGAN_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\s)(?:Organ|ORGAN):?\s+\p{Lu}[\p{L}-]*(?:\s+(?:och|för|\p{L}[\p{L}-]*)){0,4}?(?:nämnden|styrelsen|utskottet|fullmäktige|nämnd)\s*:?\s+(\d{4}-\d{2}-\d{2})(?:\s|$)")
            .expect("static regex")
    });
    // (The notice's sentence, under its heading: not a § telling of another body's meeting.)
    if let Some(m) = HAD_MEETING.find(text).filter(|m| {
        let before = &text[text.floor_char_boundary(m.start().saturating_sub(120))..m.start()];
        let before = before.to_lowercase();
        before.contains("anslag") || before.contains("bevis")
    }) {
        let after = text.get(m.end()..)?;
        let d = crate::dates::find_dates(after).into_iter().next()?;
        // (The date right after the words, not one further on.)
        return (d.start == 0).then_some(d.iso);
    }
    let c = ORGAN_DATE.captures(text)?;
    crate::dates::first_date(c.get(1)?.as_str())
}

/// A body's verbs of deciding, in the present tense ("Kommunstyrelsen godkänner …",
/// "Arbetsutskottets beslut överlämnar …").
const DECIDING_VERBS: [&str; 9] = [
    "beslutar",
    "godkänner",
    "antar",
    "fastställer",
    "noterar",
    "lägger",
    "överlämnar",
    "tillstyrker",
    "avslår",
];

/// The body as its decisions name it, when nothing else does ("Arbetsutskottets beslut
/// Arbetsutskottet beslutar …", "Kultur- och fritidsutskottets beslut", "Kommunstyrelsen
/// godkänner dagordningen"): the body whose decisions the §§ record, or that decides in them
/// in the present tense, most often (twice or more, or once with the body deciding after its
/// decision's label), in the definite form; not a state authority's or a region's
/// ("Länsstyrelsens beslut har överklagats").
pub fn body_from_decisions(lines: &[Line]) -> Option<String> {
    static DECISION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|\s)(\p{Lu}[\p{L}-]*(?: (?:och|för) [\p{L}-]+)*(?:nämndens|styrelsens|utskottets|fullmäktiges|beredningens)) beslut(?:\s|$)",
        )
        .expect("static regex")
    });
    // "Kommunstyrelsen godkänner dagordningen", "Kommunfullmäktige lägger meddelandet till
    // handlingarna": the body deciding, in the present tense (what it decided before is told
    // in the past tense; a proposal to it is skipped below).
    static DECIDES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:^|\s)(\p{{Lu}}[\p{{L}}-]*(?: (?:och|för) [\p{{L}}-]+)*(?:nämnden|styrelsen|utskottet|fullmäktige|rådet)) (?:{})(?:\s|$)",
            DECIDING_VERBS.join("|")
        ))
        .expect("static regex")
    });
    let mut counts: Vec<(String, usize)> = Vec::new();
    // The bodies read deciding in the present tense ("Kommunstyrelsen godkänner …").
    let mut deciding: Vec<String> = Vec::new();
    let mut count = |name: &str| match counts.iter_mut().find(|(n, _)| n == name) {
        Some((_, k)) => *k += 1,
        None => counts.push((name.to_string(), 1)),
    };
    for l in lines {
        if l.text.contains(" beslut") || l.text.starts_with("beslut") {
            for c in DECISION.captures_iter(&l.text) {
                let Some(g) = c.get(1) else { continue };
                count(g.as_str().strip_suffix('s').unwrap_or(g.as_str()));
            }
        }
        for c in DECIDES.captures_iter(&l.text) {
            let Some(g) = c.get(1) else { continue };
            // ("Arbetsutskottets förslag till kommunstyrelsen: Kommunstyrelsen beslutar att …":
            // a proposal, in the present tense too, names the body it goes to.)
            let before =
                &l.text[l.text.floor_char_boundary(g.start().saturating_sub(100))..g.start()];
            if before.contains("förslag") || before.contains("föreslå") {
                continue;
            }
            count(g.as_str());
            deciding.push(g.as_str().to_string());
        }
    }
    counts.retain(|(n, _)| !n.starts_with("Läns") && !n.starts_with("Region"));
    // Twice or more; or once, as the only body, deciding in the present tense
    // ("Kommunstyrelsen godkänner dagordningen") or with the body itself deciding after it
    // ("Arbetsutskottets beslut Arbetsutskottet godkänner …").
    // ("Arbetsutskottets beslut överlämnar ärendet till …": the decision's verb after its
    // label, the body deciding lost between.)
    let deciding_after = |name: &str| {
        let label = format!("{name}s beslut ");
        lines.iter().any(|l| {
            l.text.match_indices(&label).any(|(at, _)| {
                let after = &l.text[at + label.len()..];
                after.strip_prefix(name).is_some_and(|r| r.starts_with(' '))
                    || after
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| DECIDING_VERBS.contains(&w))
            })
        })
    };
    let most = counts.iter().map(|(_, k)| *k).max().filter(|m| {
        *m >= 2
            || counts.len() == 1
                && (deciding_after(&counts[0].0) || deciding.contains(&counts[0].0))
    })?;
    let mut top = counts.iter().filter(|(_, k)| *k == most);
    let (name, _) = top.next()?;
    // A tie names no one body.
    (top.next().is_none() && is_body_line(name)).then(|| normal_case(name))
}

/// Finds the body (*nämnd*): the *Nämnd/Styrelse*/*Organ* label of the notice
/// box, else "Protokoll från X:s sammanträde" at the start, else the most frequent body-like
/// line near page headers; where no line names it, a nämnd the running text mentions.
#[cfg(test)]
fn detect_body(lines: &[Line], date: &str) -> Option<String> {
    detect_body_or(lines, date, || None)
}

/// The body (*nämnd*), as a label or a header names it; where no line names it, `coded` (the
/// body the §§' code names in the text as extracted, before the headings lost their code)
/// before a nämnd the running text only mentions.
pub(crate) fn detect_body_or(
    lines: &[Line],
    date: &str,
    coded: impl FnOnce() -> Option<String>,
) -> Option<String> {
    // (A body found but cut, "Organ s arbetsutskott", leaves the code's guess only.)
    match find_body(lines, date) {
        Some(found) => finished_body(lines, Some(found)).or_else(coded),
        None => coded().or_else(|| finished_body(lines, mentioned_nämnd(lines))),
    }
}

/// The body found, as the text names it best: its own name, not a description, a region's or
/// a federation's name before it, or a contact person's.
fn finished_body(lines: &[Line], found: Option<String>) -> Option<String> {
    // "Avser sammanträde med Kommunfullmäktige": the notice box's words before the body.
    const NOTICE: &str = "avser sammanträde med ";
    // ("Organ s arbetsutskott": the "s" of a genitive whose body was lost names no body; but
    // "B ildningsnämnden" is a body whose letters OCR set apart.)
    let cut = |b: &String| {
        b.split_whitespace()
            .next()
            .is_some_and(|w| w == "s" || w == "S")
    };
    // ("Sammanträdestid Kommunstyrelsens arbetsutskott", "Sida Bygg- och miljönämndens
    // arbetsutskott": the header's label of the meeting's time or the page's number, its value
    // lost, before the body.)
    let after_label = |b: String| match ["Sammanträdestid ", "Sida "]
        .iter()
        .find_map(|l| b.strip_prefix(l))
    {
        Some(rest) if ends_like_body(rest) => rest.to_string(),
        _ => b,
    };
    found
        .filter(|b| !cut(b))
        .map(after_label)
        .map(|b| in_region(lines, b))
        .map(|b| own_name(lines, b))
        .map(|b| {
            // "Kommunalförbundet Räddningstjänsten Östra Götaland Direktionen": the federation's
            // name before its board's.
            // ("Västra Mälardalens Myndighetsförbund Förbundsdirektion": its board's kind.)
            if let Some((_, board)) = b.rsplit_once(' ').filter(|(_, w)| {
                matches!(
                    w.to_lowercase().as_str(),
                    "direktionen" | "förbundsdirektion" | "förbundsdirektionen"
                )
            }) {
                return normal_case(board);
            }
            // "Marianne Hammarström Landstingsstyrelsen": the header's contact person before it.
            let words: Vec<&str> = b.split_whitespace().collect();
            if let [first, last, rest @ ..] = words.as_slice() {
                let rest = rest.join(" ");
                if crate::persons::is_first_name(first)
                    && last.starts_with(char::is_uppercase)
                    && ends_like_body(&rest)
                    && is_body_line(&rest)
                {
                    return rest;
                }
            }
            // ("Kansliavdelningen/Marianne Hammarström Landstingsfullmäktige": the first name
            // after the unit's slash, the surname taken for the body's.)
            if let [last, rest @ ..] = words.as_slice() {
                let rest = rest.join(" ");
                let finder = memchr::memmem::Finder::new(b.as_bytes());
                let after_first_name = lines.iter().take(40).any(|l| {
                    finder.find(l.text.as_bytes()).is_some_and(|at| {
                        l.text[..at]
                            .split_whitespace()
                            .last()
                            .and_then(|w| w.rsplit('/').next())
                            .is_some_and(crate::persons::is_first_name)
                    })
                });
                if after_first_name
                    && last.starts_with(char::is_uppercase)
                    && ends_like_body(&rest)
                    && is_body_line(&rest)
                {
                    return rest;
                }
            }
            b.get(..NOTICE.len())
                .filter(|p| p.to_lowercase() == NOTICE)
                .and_then(|_| b.get(NOTICE.len()..))
                .map_or(b.clone(), normal_case)
        })
        .map(letter_restored)
}

/// "Regionförbundets styrelse" → "Förbundsstyrelsen" when an organ's label elsewhere gives
/// the board's own name ("Organ: Förbundsstyrelsen för Regionförbundet i Kalmar län"): a
/// body described (whose, then its kind in small letters) gives way to its name.
fn own_name(lines: &[Line], body: String) -> String {
    let Some((_, kind)) = body.split_once(' ').filter(|(whose, kind)| {
        whose.ends_with('s')
            && whose.starts_with(char::is_uppercase)
            && matches!(*kind, "styrelse" | "nämnd" | "direktion")
    }) else {
        return body;
    };
    let named = |w: &str| {
        let lower = w.to_lowercase();
        lower.ends_with(&format!("{kind}n")) || lower.ends_with(&format!("{kind}en"))
    };
    lines
        .iter()
        .take(400)
        .find_map(|l| {
            let t = l.text.trim_white();
            let c = crate::text::matched(&BODY_LABEL, t)
                .or_else(|| crate::text::matched(&BODY_LABEL_SPACED, t))?;
            let first = c.get(1)?.as_str().split_whitespace().next()?;
            (first.starts_with(char::is_uppercase) && named(first)).then(|| first.to_string())
        })
        .unwrap_or(body)
}

/// "KOMMUFULLMÄKTIGE" (a text whose extraction lost every "n": "TAUMS KOMMU PROTOKOLL") →
/// "Kommunfullmäktige": a body of one word that is a municipality's assembly or board with one
/// letter lost is named as it is spelt. Other names are kept as the text has them.
fn letter_restored(body: String) -> String {
    let lower = body.to_lowercase();
    ["kommunfullmäktige", "kommunstyrelsen"]
        .into_iter()
        .find(|name| one_letter_lost(&lower, name))
        .map_or(body, normal_case)
}

/// "Språktolknämnden" → "Språktolknämnden i Dalarna" when the text names it so: a joint
/// committee's name with its region or county, wherever the body was found.
fn in_region(lines: &[Line], body: String) -> String {
    let with_i = format!("{body} i ");
    // (One searcher for all the lines, not one set up for each.)
    let finder = memchr::memmem::Finder::new(with_i.as_bytes());
    lines
        .iter()
        .take(400)
        .find_map(|l| {
            let at = finder.find(l.text.as_bytes())?;
            let rest: Vec<&str> = l.text[at + with_i.len()..].split_whitespace().collect();
            region_at(&rest).map(|region| format!("{body} i {region}"))
        })
        .unwrap_or(body)
}

/// The region or county that `words` open with ("Dalarna", "Kalmar län"), as written.
fn region_at(words: &[&str]) -> Option<String> {
    let rest: Vec<&str> = words
        .iter()
        .take(3)
        .map(|w| w.trim_end_matches([',', '.']))
        .collect();
    let county = rest.len() >= 2 && rest[0].starts_with(char::is_uppercase) && rest[1] == "län";
    let take = if county {
        2
    } else {
        crate::municipalities::region_words(&rest)
    };
    (take > 0).then(|| rest[..take].join(" "))
}

fn find_body(lines: &[Line], date: &str) -> Option<String> {
    // "Din position: Hem > Stockholms stad > Socialnämnden > Sammanträde 2011-11-24": a web
    // page's breadcrumb names the body before the meeting.
    if let Some(body) = lines.iter().take(5).find_map(|l| {
        let trail = l.text.trim_white().strip_prefix("Din position:")?;
        let steps: Vec<&str> = trail.split('>').map(str::trim).collect();
        let meeting = steps.iter().position(|s| s.starts_with("Sammanträde"))?;
        let body = steps.get(meeting.checked_sub(1)?)?;
        (ends_like_body(body) && is_body_line(body)).then(|| body.to_string())
    }) {
        return Some(body);
    }
    for l in lines.iter().take(400) {
        let text = l.text.trim_white();
        if let Some(c) = crate::text::matched(&BODY_LABEL, text) {
            if let Some(v) = c.get(1) {
                let v = strip_boilerplate(&v.as_str().replace('\t', " "));
                let v = v.trim_end_matches([' ', ':', ',', '.']);
                if ends_like_body(v) && is_body_line(v) {
                    return Some(v.to_string());
                }
                if let Some(b) = body_prefix(v) {
                    return Some(b);
                }
            }
        }
        // "Organ Socialnämnden Datum för …" on a flattened page: the label, a space, and a
        // body's name at the start of what follows.
        // ("Organ Protokollet är justerat. Justeringen har tillkännagivits genom anslag.
        // Kommunstyrelsen (KS) Sammanträdesdatum": the notice's sentences between.)
        // "… på kommunens anslagstavla. SAMMANTRÄDE Kommunfullmäktige SÄTTS UPP …": the notice
        // box's label in capitals inside a flattened line.
        // (Not "PROTOKOLL FRÅN SAMMANTRÄDE MED KULTURNÄMNDEN", all in capitals.)
        // (At a line's start too: the label is one, however the page was cut.)
        if let Some(b) = text
            .strip_prefix("SAMMANTRÄDE ")
            .or_else(|| {
                // (One searcher set up once, not one for each line.)
                static LABEL: LazyLock<memchr::memmem::Finder<'static>> =
                    LazyLock::new(|| memchr::memmem::Finder::new(" SAMMANTRÄDE "));
                LABEL
                    .find(text.as_bytes())
                    .map(|i| &text[i + " SAMMANTRÄDE ".len()..])
            })
            .filter(|r| {
                r.split_whitespace()
                    .next()
                    .is_some_and(|w| w.chars().any(char::is_lowercase))
            })
            .and_then(body_prefix)
        {
            return Some(b);
        }
        // "… digitala anslagstavla. Myndighet Arbetsutskottet Anslagsdatum …": "Myndighet", the
        // notice box's label of the organ, after the notice's sentence (only there: a title's
        // "Verksamhetsområdeschef Myndighet" is a department).
        if let Some(b) = {
            static LABEL: LazyLock<memchr::memmem::Finder<'static>> =
                LazyLock::new(|| memchr::memmem::Finder::new(". Myndighet "));
            LABEL
                .find(text.as_bytes())
                .and_then(|i| text.get(i + ". Myndighet ".len()..))
                .and_then(body_prefix)
        } {
            return Some(b);
        }
        if let Some(c) = crate::text::matched(&BODY_LABEL_SPACED, text) {
            if let Some(b) = c
                .get(1)
                .and_then(|v| body_prefix(after_notice_sentences(v.as_str())))
            {
                return Some(b);
            }
        }
    }
    // "1 SAMMANTRÄDESPROTOKOLL … Protokoll från Barn- och ungdomsutskottets sammanträde": with
    // no label naming it, the body in the genitive near the start of the first lines (also in
    // small letters: "Protokoll från landstingsfullmäktiges sammanträde den 2 maj 2005").
    // ("PROTOKOLL FRÅN SAMMANTRÄDE MED KULTURNÄMNDEN": the body after "med", not in the
    // genitive.)
    static PROTOCOL_FROM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i:protokoll från) (?:(\p{L}[\p{L}-]*(?: (?:och|för) [\p{L}-]+)*?s) (?i:sammanträde)|(?i:sammanträde med) (\p{L}[\p{L}-]*(?: (?:och|för) [\p{L}-]+)*)|(\p{L}[\p{L}-]*(?: [\p{L}-]+){0,8}?) den \d)",
        )
        .expect("static regex")
    });
    for l in lines.iter().take(3) {
        let Some(c) = crate::text::matched(&PROTOCOL_FROM, &l.text) else {
            continue;
        };
        if c.get(0).is_some_and(|m| m.start() < 120) {
            // ("Protokoll från samråd för pensionärsorganisationer för norra hälso- och
            // sjukvårdsnämnden den 19 september 2018": the body named before the date.)
            let name = match (c.get(1), c.get(2), c.get(3)) {
                (Some(genitive), _, _) => {
                    let g = genitive.as_str();
                    g.strip_suffix('s').unwrap_or(g)
                }
                (None, Some(after_med), _) => after_med.as_str(),
                (None, None, Some(before_date)) => before_date.as_str(),
                (None, None, None) => "",
            };
            if ends_like_body(name) && is_body_line(name) {
                return Some(normal_case(name));
            }
        }
    }
    let header_like = |l: &Line| {
        let t = l.text.trim_white();
        t.len() <= 40
            && (standalone_date(t).as_deref() == Some(date)
                || t.eq_ignore_ascii_case("protokoll")
                || t.eq_ignore_ascii_case("sammanträdesprotokoll")
                || t == "SAMMANTRÄDESPROTOKOLL")
    };
    // (Told only for the lines near a body's name, each once.)
    let mut header_like_at: Vec<Option<bool>> = vec![None; lines.len()];
    let mut scores: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.trim_white();
        if t.is_empty()
            || t.len() > 80
            || crate::text::has_byte(t, b'\t')
            || !ends_like_body(t)
            || !is_body_line(t)
        {
            continue;
        }
        if t.split_whitespace().count() > 7 {
            continue;
        }
        let lo = i.saturating_sub(4);
        let hi = (i + 5).min(lines.len());
        let near = (lo..hi).any(|j| match (header_like_at.get_mut(j), lines.get(j)) {
            (Some(known), Some(l)) => *known.get_or_insert_with(|| header_like(l)),
            _ => false,
        });
        let e = scores.entry(t).or_insert((0, i));
        e.0 += if near { 3 } else { 1 };
    }
    scores
        .into_iter()
        .filter(|(_, (s, _))| *s >= 2)
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(t, _)| t.to_string())
        .or_else(|| page_start_body(lines))
        .or_else(|| named_protocol_body(lines))
        .or_else(|| code_body(lines))
        .or_else(|| {
            lines
                .iter()
                .take(40)
                .map(|l| l.text.trim_white())
                .find(|t| t.len() <= 80 && is_body_line(t) && !starts_with_label(t))
                .map(str::to_string)
        })
        .or_else(|| listed_body(lines))
        .or_else(|| board_body(lines))
        .or_else(|| secretarys_body(lines))
}

/// "Förteckning över kommunfullmäktiges ärenden": the body whose items a page lists, in its
/// nominative; also a page of contents under the body's name ("INNEHÅLLSFÖRTECKNING
/// KOMMUNSTYRELSEN 131 …") and the list of its members present ("Närvarolista för
/// kommunfullmäktige i Örkelljunga kommun", its "N" lost to the OCR).
/// "Protokoll fört vid styrelsesammanträde för Nora Fastigheter AB", "protokoll från
/// styrelsens möte den 12 februari 2013": a board (a municipal company's) that no other word
/// names is "Styrelsen". Not "kommunstyrelsens", "förbundsstyrelsens".
fn board_body(lines: &[Line]) -> Option<String> {
    static BOARD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\p{L}-])(?i:styrelsesammanträde|styrelsens (?:sammanträde|möte))\b")
            .expect("static regex")
    });
    lines
        .iter()
        .take(200)
        .any(|l| BOARD.is_match(&l.text))
        .then(|| "Styrelsen".to_string())
}

fn listed_body(lines: &[Line]) -> Option<String> {
    static LISTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i:förteckning över) (\p{L}[\p{L}-]*s) (?i:ärenden)|(?:INNEHÅLLSFÖRTECKNING|Innehållsförteckning) (\p{Lu}[\p{Lu}-]+)\b|(?:^|\s)N?ärvarolista för (\p{Ll}[\p{L}-]*)\b")
            .expect("static regex")
    });
    lines.iter().take(40).find_map(|l| {
        let c = crate::text::matched(&LISTED, &l.text)?;
        let name = match (c.get(1), c.get(2), c.get(3)) {
            (Some(g), _, _) => {
                let g = g.as_str();
                g.strip_suffix('s').unwrap_or(g)
            }
            (None, Some(n), _) | (None, None, Some(n)) => n.as_str(),
            _ => return None,
        };
        let name = normal_case(name);
        (ends_like_body(&name) && is_body_line(&name)).then_some(name)
    })
}

/// "Protokollet föres av undertecknad, kommunfullmäktiges sekreterare": the body whose
/// secretary keeps the minutes, in its nominative.
fn secretarys_body(lines: &[Line]) -> Option<String> {
    static SECRETARY_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?:föres|förs) av (?:undertecknad|undertecknade),? (\p{L}[\p{L}-]*(?:nämndens|styrelsens|fullmäktiges|utskottets)) sekreterare",
        )
        .expect("static regex")
    });
    lines.iter().take(400).find_map(|l| {
        let g = SECRETARY_OF
            .captures(&l.text)?
            .get(1)?
            .as_str()
            .to_lowercase();
        let name = if let Some(stem) = g.strip_suffix("fullmäktiges") {
            format!("{stem}fullmäktige")
        } else if let Some(stem) = g.strip_suffix("ets") {
            format!("{stem}et")
        } else {
            g.strip_suffix('s').unwrap_or(&g).to_string()
        };
        Some(normal_case(&name))
    })
}

/// A nämnd the running text names ("Sammanträdestider för vård- och omsorgsnämnden",
/// "valnämnden beslutade", "Tekniska nämndens sessionssal"), when the headers that name the
/// body were lost: the one named most often, in its nominative. Only nämnder: a styrelse or
/// fullmäktige in another body's text is most often where a matter goes next.
fn mentioned_nämnd(lines: &[Line]) -> Option<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    let mut at = 0;
    for l in lines {
        for c in MENTIONED_NÄMND.captures_iter(&l.text) {
            let Some(g) = c.get(1) else { continue };
            // ("… följsamhet till lagstiftning inom barn- och ungdomsnämnden": a matter within
            // another body's field.)
            if l.text[..g.start()].trim_end().ends_with(" inom") {
                continue;
            }
            // ("Andersson Jan-Eric Byggnadsnämnden Andersson Kenth Barn- och skolnämnd Öster …":
            // the body a member of a council comes from, after the member's name.)
            let mut two_before = l.text[..g.start()].split_whitespace().rev().take(2);
            if let (Some(a), Some(b)) = (two_before.next(), two_before.next()) {
                let capitalised = |w: &str| w.starts_with(char::is_uppercase);
                if capitalised(a)
                    && capitalised(b)
                    && (crate::persons::is_first_name(a) || crate::persons::is_first_name(b))
                {
                    continue;
                }
            }
            // ("Från barn- och utbildningsnämnden har inkommit …": the body a matter came from.)
            let before = l.text[..g.start()].trim_end().to_lowercase();
            if before.ends_with("från") && !before.ends_with("protokoll från") {
                continue;
            }
            // ("… överlämnar ärendet till Barn- och utbildningsnämnden": the body a matter goes
            // to; "Olof Röstin (M), ordförande bygg-, trafik- och räddningsnämnden": the one a
            // guest chairs.)
            // (Not "Ansökan till miljö- bygg- och räddningsnämnden" in its own protocol.)
            let sent_to = before.strip_suffix(" till").is_some_and(|b| {
                [
                    "ärendet",
                    "överlämnar",
                    "överlämnas",
                    "översänds",
                    "remitteras",
                    "hänskjuts",
                    "skickas",
                    "vidare",
                ]
                .iter()
                .any(|v| b.ends_with(v))
            });
            if sent_to
                || [" ordförande", " ordförande i", " ordf.", " ordf"]
                    .iter()
                    .any(|w| before.ends_with(w))
            {
                continue;
            }
            // ("Vård och omsorgsnämndens ordförande Gunnel Andersson" among those present:
            // another body's chair, a guest.)
            let after = l.text.get(g.end()..).unwrap_or("");
            if ["ens ordförande", "ens ordf", "ens vice ordförande"]
                .iter()
                .any(|p| after.starts_with(p))
            {
                continue;
            }
            let name = g.as_str().to_lowercase();
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            let e = counts.entry(name).or_insert((0, at));
            e.0 += 1;
            at += 1;
        }
    }
    // ("Fastställa reglementen för …, Parlamentarisk nämnd samt Patientnämnd": several named
    // once each, a list of bodies, names none.)
    let most = counts.values().map(|(k, _)| *k).max()?;
    if most == 1 && counts.len() > 1 {
        return None;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        // ("KF 65 Val av ny vice ordförande i valnämnden", "KFN 96 … Folkhälsonämnden": the
        // code before the §§' numbers names a body of another first letter.)
        .filter(|(name, _)| {
            paragraph_code(lines).is_none_or(|code| {
                code.chars().next().map(|c| c.to_lowercase().next())
                    == name.chars().next().map(|c| c.to_lowercase().next())
            })
        })
        .map(|(name, _)| normal_case(&format!("{name}en")))
}

/// The bodies whose code names them without doubt, with the code in capitals: a förbund's
/// fullmäktige too ("Ff 1 Anteckning om ordförande …").
const CODED_BODIES: [(&str, &str); 3] = [
    ("KF", "kommunfullmäktige"),
    ("KS", "kommunstyrelsen"),
    ("FF", "förbundsfullmäktige"),
];

/// The body a code of [`CODED_BODIES`] names, in either case ("KF", "Kf").
fn coded_body(code: &str) -> Option<&'static str> {
    CODED_BODIES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, name)| *name)
}

/// The body its code names without doubt ([`CODED_BODIES`], kommunfullmäktige's "KF",
/// kommunstyrelsen's "KS"): before the §§' numbers ("Ks 58 …"), or deciding ("KF:s beslut",
/// "KF s beslut" with the colon lost, where the reader made the heading "KF 35 Dnr 0183/
/// DELGIVNINGAR" a § of its own), when the text names that body too.
pub(crate) fn code_body(lines: &[Line]) -> Option<String> {
    let code = paragraph_code(lines).or_else(|| {
        lines.iter().find_map(|l| {
            CODED_BODIES.iter().map(|(c, _)| *c).find_map(|c| {
                [":s beslut ", " s beslut "]
                    .iter()
                    .any(|d| l.text.starts_with(&format!("{c}{d}")))
                    .then(|| c.to_string())
            })
        })
    });
    // "2(54) KS 220 Redovisning av delegationsbeslut": one § heading with the code, at a
    // line's or a page's start (after the page's count), where only one § was kept.
    let code = code.or_else(|| {
        lines.iter().find_map(|l| {
            let t = l.text.trim_white();
            // (Or after the page's number alone: "2 Ff 1 Anteckning om ordförande …".)
            let t = t
                .split_once(' ')
                .filter(|(p, _)| {
                    p.split_once('(')
                        .is_some_and(|(a, b)| crate::unflatten::page_of_pages(a, b))
                        || (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
                })
                .map_or(t, |(_, rest)| rest);
            let mut words = t.split_whitespace();
            let (code, number, title) = (words.next()?, words.next()?, words.next()?);
            (coded_body(code).is_some()
                && (1..=3).contains(&number.len())
                && number.bytes().all(|b| b.is_ascii_digit())
                && title.starts_with(char::is_uppercase))
            .then(|| code.to_string())
        })
    })?;
    let name = coded_body(&code)?;
    // (Only a body the text also names: "Ordföranden föreslår att kommunfullmäktige …"; also
    // with one letter lost by the extraction, "Komunfullmäktige".)
    lines
        .iter()
        .any(|l| {
            let lower = l.text.to_lowercase();
            lower.contains(name) || lower.split_whitespace().any(|w| one_letter_lost(w, name))
        })
        .then(|| normal_case(name))
}

/// The body the §§' headings name by their code ("KS § 297") and whose decision or proposal
/// the text records ("Kommunstyrelsens beslut"), where the body read from the header is
/// another that the text names nowhere else: Gotland's archive prints the organ's later name,
/// "Regionstyrelsen", over the kommunstyrelse's protocols of 2007–2009.
pub(crate) fn coded_over_header(lines: &[Line], header: &str) -> Option<String> {
    // (Only short lines are looked into: "KS § 297".)
    let mut names = lines.iter().filter(|l| l.text.len() <= 24).filter_map(|l| {
        let mut words = l.text.split_whitespace();
        let (code, sign, number) = (words.next()?, words.next()?, words.next()?);
        (sign == "§" && words.next().is_none() && number.bytes().all(|b| b.is_ascii_digit()))
            .then(|| coded_body(code))
            .flatten()
    });
    let name = names.next()?;
    if names.any(|other| other != name) {
        return None;
    }
    let header_lower = header.to_lowercase();
    // (Not a committee of the coded body: "Kommunstyrelsens arbetsutskott" over "KS § 12".)
    if header_lower.contains(name.trim_end_matches('n')) {
        return None;
    }
    let named_once = lines
        .iter()
        .filter(|l| l.text.to_lowercase().contains(&header_lower))
        .count()
        == 1;
    let body = normal_case(name);
    let decides = lines.iter().any(|l| {
        l.text
            .trim_white()
            .strip_prefix(body.as_str())
            .and_then(|r| r.strip_prefix("s "))
            .is_some_and(|r| r.starts_with("beslut") || r.starts_with("förslag"))
    });
    (named_once && decides).then_some(body)
}

/// Whether `word` is `name` with one letter left out ("komunfullmäktige").
pub(crate) fn one_letter_lost(word: &str, name: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
    if word.chars().count() + 1 != name.chars().count() {
        return false;
    }
    // The first letter that differs is the one lost; the rest must agree.
    let shared = word
        .chars()
        .zip(name.chars())
        .take_while(|(a, b)| a == b)
        .count();
    word.chars().skip(shared).eq(name.chars().skip(shared + 1))
}

/// The register's code before the §§' numbers ("KF 59 Godkännande av dagordning", "KFN 89
/// KFN Kulturskolan i framkant"): one to four letters, the first a capital, then a number
/// and a capitalised word, twice or more; the most frequent.
fn paragraph_code(lines: &[Line]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in lines {
        let words: Vec<&str> = l.text.split_whitespace().collect();
        for w in words.windows(3) {
            // (Not a page's or a case's word: "Sida 3 Sammanträdesdatum", "Dnr 12 …".)
            let code = crate::unflatten::is_code(w[0])
                && !matches!(
                    w[0].to_lowercase().as_str(),
                    "sid" | "sida" | "sidan" | "dnr" | "nr" | "kl" | "bil"
                );
            let number = (1..=3).contains(&w[1].len()) && w[1].bytes().all(|b| b.is_ascii_digit());
            if code && number && w[2].starts_with(char::is_uppercase) {
                *counts.entry(w[0]).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(code, _)| code.to_string())
}

/// "vård- och omsorgsnämnden", "miljönämndens", "Tekniska nämnden": group 1 is the name
/// up to "nämnd". Not "nämnden" alone ("hela nämnden"), nor a word going on
/// ("nämndsekreterare").
static MENTIONED_NÄMND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^\p{L}-])((?:(?:\p{L}+-,?\s+)+och\s+)?\p{L}+nämnd|(?:tekniska|sociala|gemensamma)\s+nämnd)(?:en|ens)(?:[^\p{L}]|$)",
    )
    .expect("regex")
});

/// Label words that stand before a body's name on a cover or notice ("Organ
/// Socialnämnden", "Underskrift Vård- och omsorgsnämnden"): never part of the name.
fn starts_with_label(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(
        first.as_str(),
        "organ" | "instans" | "underskrift" | "bevis" | "anslag" | "nämnd" | "beslutande"
    )
}

/// The body's name at the start of `v` ("Kommunstyrelsen Datum för …", "Hässleholms kommun,
/// omsorgsnämnden …"): the longest run of up to eight words that is a body's name, in its
/// normal capitalised form.
pub(crate) fn body_prefix(v: &str) -> Option<String> {
    let v = v.trim_white().trim_start_matches([':', ';', ' ']);
    let v = v.strip_prefix("och ").unwrap_or(v);
    // "NÄRVAROLISTA KOMMUNFULLMÄKTIGE Beslutande …": the list's name before the body.
    let v = ["NÄRVAROLISTA ", "Närvarolista "]
        .iter()
        .find_map(|p| v.strip_prefix(p))
        .unwrap_or(v);
    // "Hässleholms kommun, omsorgsnämnden": the municipality before the body (also the
    // förbund's name: "Västra Mälardalens Kommunalförbund, förbundsdirektionen").
    // ("Finspångs kommun: Kommunfullmäktige": with a colon.)
    let v = match v
        .find("kommun,")
        .or_else(|| v.find("kommun:"))
        .or_else(|| v.find("ommunalförbund,"))
    {
        Some(i) if i < 60 => v
            .get(i..)
            .and_then(|r| r.split_once([',', ':']))
            .map_or(v, |(_, r)| r.trim_white()),
        _ => v,
    };
    // "DALS-EDS KOMMUN Kommunstyrelsen": the municipality's header before the body (also
    // with the kind of document between: "SVENLJUNGA KOMMUN SAMMANTRÄDESPROTOKOLL
    // Kommunstyrelsen").
    let v = match v.find("KOMMUN ").or_else(|| v.find("kommun ")) {
        Some(i) if i < 40 => {
            let rest = v.get(i + "kommun ".len()..).unwrap_or(v).trim_white();
            let rest = [
                "SAMMANTRÄDESPROTOKOLL ",
                "Sammanträdesprotokoll ",
                "PROTOKOLL ",
                "Protokoll ",
            ]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .unwrap_or(rest);
            // (The body may take more than a word: "TJÖRNS KOMMUN SAMMANTRÄDESPROTOKOLL
            // Kommunstyrelsens arbetsutskott".)
            // (A capital first: not "Essunga kommun tillsammans med kommunstyrelsen".)
            if let Some(body) = rest
                .starts_with(char::is_uppercase)
                .then(|| leading_body(rest))
                .flatten()
            {
                return Some(body);
            }
            v
        }
        _ => v,
    };
    leading_body(v)
}

/// The longest run of up to eight words at the start of `v` that is a body's name, in its
/// normal capitalised form.
fn leading_body(v: &str) -> Option<String> {
    let words: Vec<&str> = v.split_whitespace().take(12).collect();
    // ("Bevis Justeringen har tillkännagivits genom anslag Språktolknämnden": the notice's
    // sentence before the body is no part of it.)
    let notice = |w: &&str| {
        matches!(
            w.to_lowercase().as_str(),
            "justeringen"
                | "tillkännagivits"
                | "tillkännagetts"
                | "anslag"
                | "bevis"
                | "har"
                | "organ"
                | "sammanträdesdatum"
                // ("Landstinget II DALARNA PROTOKOLL Landstingsstyrelsens arbetsutskott": the
                // header's kind of document between the landsting and the body.)
                | "protokoll"
                | "sammanträdesprotokoll"
        )
    };
    let (n, name) = (1..=words.len().min(8))
        .rev()
        .filter(|&n| !words[..n].iter().any(notice))
        .map(|n| (n, words[..n].join(" ")))
        .map(|(n, w)| (n, w.trim_end_matches([',', '.', ':', ';']).to_string()))
        // ("Nämnden för support och lokaler": a bare "Nämnden" with its field after it.)
        .find(|(n, w)| {
            ends_like_body(w)
                && (is_body_line(w)
                    || *n == 1
                        && words.get(1) == Some(&"för")
                        && matches!(
                            w.as_str(),
                            "Nämnden" | "Nämnd" | "Beredningen" | "Beredning"
                        ))
        })?;
    // (A joint committee's region or county after its name, "Språktolknämnden i Dalarna", is
    // added by [`in_region`] wherever the body was found.)
    let mut name = definite(&name);
    // "Gemensam nämnd för upphandling", "Nämnden för support och lokaler": a body called by
    // a bare "nämnd" or "beredning" takes its field after "för", in small letters.
    let bare = matches!(
        name.to_lowercase().as_str(),
        "nämnd" | "nämnden" | "gemensam nämnd" | "gemensamma nämnden" | "beredning" | "beredningen"
    );
    if bare && words.get(n) == Some(&"för") {
        let field: Vec<&str> = words[n + 1..]
            .iter()
            .take(4)
            .take_while(|w| w.starts_with(char::is_lowercase))
            .copied()
            .collect();
        let field = field
            .iter()
            .rposition(|w| !matches!(*w, "och" | "samt"))
            .map_or(&field[..0], |k| &field[..=k]);
        if !field.is_empty() {
            name = format!("{name} för {}", field.join(" "));
        }
    }
    // (A bare "Nämnden" without its field names no body.)
    if !name.contains(' ') && !is_body_line(&name) {
        return None;
    }
    Some(normal_case(name.trim_end_matches([',', '.', ':', ';'])))
}

/// "Åtvidabergs kommunstyrelse" → "kommunstyrelsen", "Ånge socialnämnd" → "socialnämnden":
/// the body as it calls itself, without its municipality, in the definite form.
fn definite(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    // ("Jämtlands läns landstingsstyrelse" → "landstingsstyrelsen": a county's board, without
    // its county.)
    if let &[county, of_county, board] = words.as_slice() {
        let board = board.to_lowercase();
        if of_county.eq_ignore_ascii_case("läns")
            && county.ends_with('s')
            && county.starts_with(char::is_uppercase)
            && board.ends_with("styrelse")
        {
            return format!("{board}n");
        }
    }
    let &[first, second] = words.as_slice() else {
        return name.to_string();
    };
    let lower_first = first.to_lowercase();
    // (Not "Gemensam nämnd", a joint committee, nor "Sydnärkes IT-nämnd", whose region's
    // name is its own: only a municipality's name, in the genitive or not.)
    let municipality = first.chars().next().is_some_and(char::is_uppercase)
        && !first.contains('-')
        && !matches!(lower_first.as_str(), "gemensam" | "gemensamma")
        && !BODY_STEMS.iter().any(|stem| lower_first.contains(stem))
        && [first, first.strip_suffix('s').unwrap_or(first)]
            .iter()
            .any(|w| crate::municipalities::place_words(&[w]) == 1);
    let lower = second.to_lowercase();
    // ("Sydnärkes IT-nämnd" → "IT-nämnden", not "IT-nämndn".)
    if municipality && lower.ends_with("nämnd") {
        format!("{lower}en")
    } else if municipality && lower.ends_with("styrelse") {
        format!("{lower}n")
    } else if municipality && lower.ends_with("utskott") {
        format!("{lower}et")
    } else if municipality && lower.ends_with("fullmäktige") {
        // ("Åtvidabergs kommunfullmäktige" → "kommunfullmäktige": the same in both forms.)
        lower
    } else {
        name.to_string()
    }
}

/// "KOMMUNSTYRELSENS SOCIALA UTSKOTT" → "Kommunstyrelsens sociala utskott";
/// "omsorgsnämnden" → "Omsorgsnämnden".
fn normal_case(name: &str) -> String {
    let name = if name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
    {
        name.to_lowercase()
    } else {
        name.to_string()
    };
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name,
    }
}

static NAMED_PROTOCOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(\p{Lu}[\p{L}\- ]{0,50}?|\p{Ll}[\p{L}\-]{0,30}?)(nämnd|styrelse|utskott|fullmäktige)(ens|ets|es|ns|s) protokoll|(?:^|\s)([Dd]irektion)ens protokoll|(?:[Pp]rotokollet från|genom anslag\.?) (\p{L}[\p{L}\- ]{0,50}?(?:nämnden|styrelsen|utskottet|fullmäktige|nämnd|styrelse|utskott))(?:s sammanträde)?(?: den|\s+\p{Lu}|$))")
        .expect("static regex")
});

/// The body a sentence names as the protocol's own ("Socialnämndens protokoll har
/// justerats", "Justering av kommunstyrelsens protokoll", "Protokollet från
/// samhällsbyggnadsnämnden den 10 oktober 2012").
fn named_protocol_body(lines: &[Line]) -> Option<String> {
    lines.iter().take(400).enumerate().find_map(|(i, l)| {
        if !l.text.contains("rotokoll") && !l.text.contains("anslag") {
            return None;
        }
        let c = NAMED_PROTOCOL.captures(&l.text)?;
        // "Direktionens protokoll 31 maj 2024": a kommunalförbund's board, a name of one word —
        // as the document's title among its first lines, not "Meddelanden: Direktionens
        // protokoll …" in another body's.
        if c.get(4).is_some() {
            return (i < 3).then(|| "Direktionen".to_string());
        }
        let name = match (c.get(1), c.get(2), c.get(3), c.get(5)) {
            (Some(head), Some(stem), Some(ending), _) => {
                let nominative = match (stem.as_str(), ending.as_str()) {
                    ("fullmäktige", _) => "",
                    (_, "ens") => "en",
                    (_, "ets") => "et",
                    // "Kommunstyrelsens protokoll" → "Kommunstyrelsen".
                    (_, "ns") => "n",
                    // "valnämnds protokoll" → "valnämnden": the definite form.
                    ("nämnd", "s") => "en",
                    ("utskott", "s") => "et",
                    _ => "",
                };
                // Only the words of the name: "Justering av kommunstyrelsens" → "kommunstyrelsen",
                // "Bevis om anslag av protokoll kultur- och fritidsnämndens" → "kultur- och
                // fritidsnämnden".
                let head = head.as_str();
                let head = match head.find("- och ") {
                    Some(i) => head
                        .get(..i)
                        .and_then(|h| h.rfind(' '))
                        .map_or(head, |p| &head[p + 1..]),
                    None => head
                        .rsplit(' ')
                        .next()
                        .filter(|_| !head.contains("a "))
                        .unwrap_or(head),
                };
                format!("{head}{}{nominative}", stem.as_str())
            }
            // "… genom anslag Jämtlands läns landstingsstyrelse Sammanträdesdatum": the body
            // without its county or municipality, in the definite form.
            (_, _, _, Some(name)) => {
                let name = name.as_str();
                let name = name
                    .split_once(" läns ")
                    .filter(|(county, _)| !county.contains(' '))
                    .map_or(name, |(_, body)| body);
                let name = definite(name);
                let lower = name.to_lowercase();
                // ("Protokollet från kommunstyrelsens arbetsutskott den 20 mars 2012": a body's
                // own committee in its genitive keeps its indefinite form.)
                let owned = lower
                    .rsplit_once(' ')
                    .is_some_and(|(owner, _)| owner.ends_with('s'));
                if owned {
                    name
                } else if lower.ends_with("nämnd") || lower.ends_with("styrelse") {
                    format!("{name}n")
                } else if lower.ends_with("utskott") {
                    format!("{name}et")
                } else {
                    name
                }
            }
            _ => return None,
        };
        let name = name.trim_white();
        (ends_like_body(name) && is_body_line(name)).then(|| normal_case(name))
    })
}

/// The body named at the start of the pages of a flattened text ("1 Socialnämnden (27) Plats
/// och tid …", "2 Socialnämnden (27) SN 13 …"): after the page number, the longest run of words
/// that is a body's name; on the first page, or on two pages alike.
fn page_start_body(lines: &[Line]) -> Option<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.trim_white();
        // Page numbers ("1 ", "1 1 ") and the words a page header puts first.
        let mut rest = t;
        loop {
            let trimmed = rest
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start();
            let trimmed = [
                "SAMMANTRÄDESPROTOKOLL",
                "PROTOKOLL",
                "Sammanträdesprotokoll",
                "Protokoll",
                // ("1 SAMMANTRÄDE Kultur och fritidsnämnden PLATS OCH TID …".)
                "SAMMANTRÄDE ",
                // ("Protokoll Sammanträdesdatum 2014-04-30 Regionstyrelsen 65 87 Tid …": the
                // header's label and date before the body.)
                "Sammanträdesdatum ",
            ]
            .iter()
            .find_map(|w| trimmed.strip_prefix(w))
            .unwrap_or(trimmed)
            .trim_start();
            if trimmed.len() == rest.len() {
                break;
            }
            rest = trimmed;
        }
        // ("KOMMUNFULLMÄKTIGE SAMMANTRÄDESPROTOKOLL sid 2 (22) …": the body before the kind
        // of document in a page's running header.)
        let header = t
            .get(..t.floor_char_boundary(60))
            .is_some_and(|h| h.contains("SAMMANTRÄDESPROTOKOLL"));
        if rest.len() == t.len() && !t.starts_with(|c: char| c.is_ascii_digit()) && i > 0 && !header
        {
            continue;
        }
        // The header may put the municipality, "Protokoll", a page count or a register
        // number before the body ("FALKENBERGS KOMMUN PROTOKOLL Nr 6 Socialnämnden").
        let starts: Vec<usize> = std::iter::once(0)
            .chain(rest.match_indices([' ', '\t']).map(|(k, _)| k + 1))
            .take(10)
            .collect();
        if let Some(b) = starts
            .into_iter()
            .filter_map(|k| rest.get(k..))
            .filter(|r| r.starts_with(char::is_uppercase))
            .find_map(body_prefix)
        {
            let e = counts.entry(b).or_insert((0, i));
            e.0 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, (n, first))| *n >= 2 || *first < 3)
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(b, _)| b)
}

/// Cheap test before the body regex: the line ends like a body name.
pub(crate) fn ends_like_body(t: &str) -> bool {
    const ENDS: [&str; 13] = [
        "nämnden",
        "nämnd",
        "direktionen",
        "direktion",
        "utskottet",
        "utskott",
        "styrelsen",
        "styrelse",
        "fullmäktige",
        "kommittén",
        "kommitté",
        "beredningen",
        "beredning",
    ];
    // Every ending ends in n, d, t or e (é ends in the byte A9, É in 89): most lines are out
    // at their last byte, before anything is lower-cased.
    if !matches!(
        t.as_bytes().last(),
        Some(b'n' | b'N' | b'd' | b'D' | b't' | b'T' | b'e' | b'E' | 0xA9 | 0x89)
    ) {
        return false;
    }
    let start = t.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
    let tail = t.get(start..).unwrap_or(t).to_lowercase();
    ENDS.iter().any(|e| tail.ends_with(e))
        || (tail.ends_with("råd") || tail.ends_with("rådet")) && {
            let start = t.char_indices().rev().nth(21).map_or(0, |(i, _)| i);
            council_head(&t.get(start..).unwrap_or(t).to_lowercase()).is_some()
        }
}

/// Every word that the STRONG and WEAK patterns remove from a header line.
fn is_header_word(w: &str) -> bool {
    matches!(
        w,
        "sammanträdesprotokoll"
            | "protokollsutdrag"
            | "utdrag"
            | "ur"
            | "protokollet"
            | "protokoll"
            | "justerande"
            | "justerandes"
            | "justerares"
            | "justerarnas"
            | "ordförandes"
            | "sekreterarens"
            | "sign"
            | "signatur"
            | "signaturer"
            | "utdragsbestyrkande"
            | "justerare"
            | "sammanträdesdatum"
            | "sida"
            | "sid"
            | "av"
            | "den"
            | "måndag"
            | "måndagen"
            | "tisdag"
            | "tisdagen"
            | "onsdag"
            | "onsdagen"
            | "torsdag"
            | "torsdagen"
            | "fredag"
            | "fredagen"
            | "lördag"
            | "lördagen"
            | "söndag"
            | "söndagen"
    )
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// What the header test needs to know.
pub struct HeaderContext {
    body_stem: String,
    /// The bytes that stand in [`Self::body_stem`]: a word whose first byte is none of them
    /// is in no piece of the body's name.
    stem_bytes: [bool; 256],
    date_forms: Vec<String>,
    date: String,
}

impl HeaderContext {
    pub fn new(body: &str, date: &str) -> Self {
        let lower = body.to_lowercase();
        let stem = if lower.chars().count() > 6 && (lower.ends_with("et") || lower.ends_with("en"))
        {
            lower.get(..lower.len() - 2).unwrap_or(&lower).to_string()
        } else {
            lower
        };
        let mut date_forms = vec![date.to_string()];
        if let (Some(y), Some(m), Some(d)) = (date.get(0..4), date.get(5..7), date.get(8..10)) {
            const NAMES: [&str; 12] = MONTHS;
            if let (Ok(mi), Ok(di)) = (m.parse::<usize>(), d.parse::<u32>()) {
                if let Some(name) = NAMES.get(mi.wrapping_sub(1)) {
                    date_forms.push(format!("{di} {name} {y}"));
                    date_forms.push(format!("{d} {name} {y}"));
                }
            }
        }
        let mut stem_bytes = [false; 256];
        for b in stem.bytes() {
            stem_bytes[usize::from(b)] = true;
        }
        HeaderContext {
            body_stem: stem,
            stem_bytes,
            date_forms,
            date: date.to_string(),
        }
    }

    /// A necessary condition for [`Self::is_header_line`], cheap enough for every line of
    /// text: each word is a number, a piece of the body's name (with an inflection), a
    /// month or one of the words the header test removes. Most lines of running text fail
    /// on their first or second word.
    fn could_be_header(&self, t: &str) -> bool {
        t.split(|c: char| !c.is_alphanumeric()).all(|w| {
            if !w.chars().any(char::is_alphabetic) {
                return true;
            }
            // Lower case without allocating for the common short ASCII word.
            let mut buf = [0u8; 24];
            let owned;
            let lw: &str = match buf.get_mut(..w.len()) {
                Some(b) if w.is_ascii() => {
                    b.copy_from_slice(w.as_bytes());
                    b.make_ascii_lowercase();
                    std::str::from_utf8(b).unwrap_or(w)
                }
                _ => {
                    owned = w.to_lowercase();
                    &owned
                }
            };
            // The word, or the word less an inflection of up to three letters, is in the
            // body's name (heads from the whole word down, never empty).
            let in_stem = lw
                .bytes()
                .next()
                .is_some_and(|b| self.stem_bytes[usize::from(b)])
                && std::iter::once(lw.len())
                    .chain(lw.char_indices().rev().map(|(i, _)| i))
                    .take(4)
                    .filter(|&e| e > 0)
                    .any(|e| {
                        lw.get(..e)
                            .is_some_and(|head| contains_short(&self.body_stem, head))
                    });
            in_stem
                || is_header_word(lw)
                || lw.chars().count() >= 3 && MONTHS.iter().any(|m| m.starts_with(lw))
        })
    }

    /// True when the whole line is made of header pieces: the body, the
    /// meeting date, "Protokoll", "Justerandes sign", "Sida 3 av 12" …
    pub fn is_header_line(&self, text: &str) -> bool {
        let t = text.trim_white();
        if t.is_empty() || t.len() > 160 {
            return false;
        }
        if t.len() <= 90
            // PAGE_NO begins with a digit, a dash or "utskriv…".
            && t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | 'u' | 'U'))
            && t.bytes().any(|b| b.is_ascii_digit())
            && PAGE_NO.is_match(t)
            && t.split_whitespace().nth(14).is_none()
        {
            return true;
        }
        // Headers start with a capital or a digit; "socialnämnden." ending a
        // wrapped sentence is text. Only a date may start with "den".
        if t.chars().next().is_some_and(char::is_lowercase) && standalone_date(t).is_none() {
            return false;
        }
        if !self.could_be_header(t) || t.split_whitespace().nth(14).is_some() {
            return false;
        }
        // Lower case with tabs as spaces; a line with neither a capital nor a tab (a row of
        // figures) is read as it is, without a copy.
        let mut s: Cow<'_, str> = if crate::text::has_byte(t, b'\t') {
            t.replace('\t', " ").to_lowercase().into()
        } else if t.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
            t.to_lowercase().into()
        } else {
            t.into()
        };
        let mut strong = false;
        if !self.body_stem.is_empty() && s.contains(&self.body_stem) {
            s = remove_with_suffix(&s, &self.body_stem).into();
            strong = true;
        }
        if s.bytes().any(|b| b.is_ascii_digit()) {
            for f in &self.date_forms {
                if s.contains(f.as_str()) {
                    s = s.replace(f.as_str(), " ").into();
                    strong = true;
                }
            }
            // Dates in other spellings ("2025-9-1").
            let dates = find_dates(&s);
            if dates.iter().any(|d| d.iso == self.date) {
                for d in dates.into_iter().rev() {
                    if d.iso == self.date {
                        if let (Some(a), Some(b)) = (s.get(..d.start), s.get(d.end..)) {
                            s = format!("{a} {b}").into();
                        }
                        strong = true;
                    }
                }
            }
        }
        if STRONG.is_match(&s) {
            s = STRONG.replace_all(&s, " ").into_owned().into();
            strong = true;
        }
        if !strong {
            return false;
        }
        let s = WEAK.replace_all(&s, " ");
        !s.chars().any(char::is_alphanumeric)
    }
}

/// `hay.contains(needle)` for the short strings of the header test, without setting up a
/// general substring searcher for each word.
fn contains_short(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    match n.first() {
        None => true,
        Some(first) => hay
            .as_bytes()
            .windows(n.len())
            .any(|w| w.first() == Some(first) && w == n),
    }
}

/// Whether `t` is spaced with single plain spaces only (then it is its own key).
fn plainly_spaced(t: &str) -> bool {
    // Bytes that are or may start white space other than ' ' (tabs, line breaks, the
    // Unicode spaces): without them, only a double space can make `t` unplain.
    const MAYBE_SPACE: [bool; 256] = {
        let mut m = [false; 256];
        m[0x09] = true;
        m[0x0A] = true;
        m[0x0B] = true;
        m[0x0C] = true;
        m[0x0D] = true;
        m[0xC2] = true;
        m[0xE1] = true;
        m[0xE2] = true;
        m[0xE3] = true;
        m
    };
    // One pass without a branch per byte: a double space, and any byte of MAYBE_SPACE.
    let (mut space_before, mut double, mut maybe) = (false, false, false);
    for &b in t.as_bytes() {
        let space = b == b' ';
        double |= space_before & space;
        space_before = space;
        maybe |= MAYBE_SPACE[b as usize];
    }
    !double && (!maybe || t.chars().all(|c| c == ' ' || !c.is_whitespace()))
}

/// Removes `stem` plus up to three following letters (inflection) everywhere.
fn remove_with_suffix(s: &str, stem: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find(stem) {
        out.push_str(rest.get(..pos).unwrap_or(""));
        out.push(' ');
        let after = rest.get(pos + stem.len()..).unwrap_or("");
        let mut skip = 0;
        for (n, c) in after.char_indices() {
            if n >= 6 || !c.is_alphabetic() {
                break;
            }
            skip = n + c.len_utf8();
        }
        // Only an inflection (≤ 3 letters) is part of the body name.
        if after.get(..skip).is_some_and(|x| x.chars().count() <= 3) {
            rest = after.get(skip..).unwrap_or("");
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Marks every furniture line. `flags[i]` is true when `lines[i]` is page furniture.
pub fn classify(lines: &[Line], ctx: &HeaderContext) -> Vec<bool> {
    let n = lines.len();
    let mut flags = vec![false; n];
    for (i, l) in lines.iter().enumerate() {
        if !l.is_blank() && ctx.is_header_line(&l.text) {
            flags[i] = true;
        }
    }
    mark_footers(lines, &mut flags);
    mark_repeated(lines, &mut flags);
    flags
}

fn next_non_blank(lines: &[Line], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&j| lines.get(j).is_some_and(|l| !l.is_blank()))
}

/// Whether `t` begins with the first two letters of some [`FOOTER_LABEL`] (in either case;
/// "v" and the first byte of "ä" for "växel"): a test of two bytes that spares most lines the
/// pattern.
fn could_be_footer_label(t: &str) -> bool {
    const HEADS: [[u8; 2]; 19] = [
        *b"te",
        *b"tf",
        *b"be",
        *b"po",
        *b"ga",
        *b"le",
        *b"e-",
        *b"ep",
        *b"me",
        *b"or",
        *b"fa",
        *b"he",
        *b"we",
        *b"in",
        *b"ba",
        *b"pl",
        [b'v', 0xC3],
        *b"sm",
        *b"em",
    ];
    match t.as_bytes() {
        [a, b, ..] => HEADS.contains(&[a.to_ascii_lowercase(), b.to_ascii_lowercase()]),
        _ => false,
    }
}

/// Address footers: at least two footer labels close together.
fn mark_footers(lines: &[Line], flags: &mut [bool]) {
    let labels: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            l.text.len() <= 90
                && could_be_footer_label(l.text.trim_white())
                && !crate::text::has_byte(&l.text, b'\t')
                && FOOTER_LABEL_OPENS.is_match(l.text.trim_white())
        })
        .map(|(i, _)| i)
        .collect();
    for (k, &i) in labels.iter().enumerate() {
        let near = labels.get(k.wrapping_sub(1)).is_some_and(|&p| i - p <= 12)
            || labels.get(k + 1).is_some_and(|&q| q - i <= 12);
        if !near {
            continue;
        }
        let Some(l) = lines.get(i) else { continue };
        let inline = FOOTER_LABEL
            .captures(l.text.trim_white())
            .and_then(|c| c.get(1))
            .is_some_and(|m| !m.as_str().trim_white().is_empty());
        if let Some(f) = flags.get_mut(i) {
            *f = true;
        }
        if !inline {
            if let Some(j) = next_non_blank(lines, i + 1) {
                let value = lines.get(j).map(|l| l.text.trim_white()).unwrap_or("");
                if value.chars().count() <= 60
                    && !FOOTER_LABEL_OPENS.is_match(value)
                    && !value.starts_with('§')
                {
                    if let Some(f) = flags.get_mut(j) {
                        *f = true;
                    }
                }
            }
        }
    }
}

/// Whether `t` holds more than 60 bytes that are not ASCII white space (too long for a
/// header). Counted 64 bytes at a time without a branch per byte, which is cheaper than
/// stopping at the 61st, and no further than the chunk that passes 60: a line of running
/// text is known by its first 128 bytes.
fn over_60_visible(t: &str) -> bool {
    // ASCII white space is ' ' and '\t' '\n' '\x0C' '\r' (not '\x0B'), written as
    // arithmetic the compiler turns into vector instructions.
    // (Counted in a byte per lane: a chunk holds at most 64.)
    let white = |b: u8| u8::from((b == b' ') | ((b.wrapping_sub(b'\t') < 5) & (b != 0x0B)));
    if t.len() <= 60 {
        return false;
    }
    let mut visible = 0;
    for chunk in t.as_bytes().chunks(64) {
        visible += chunk.len() - usize::from(chunk.iter().fold(0u8, |n, &b| n + white(b)));
        if visible > 60 {
            return true;
        }
    }
    false
}

/// Short lines repeated on many pages right next to other furniture
/// (a municipality name in the header, a logo text) are furniture too: a line
/// seen at least three times, at least three quarters of them next to furniture.
fn mark_repeated(lines: &[Line], flags: &mut [bool]) {
    let n = lines.len();
    let blank: Vec<bool> = lines.iter().map(Line::is_blank).collect();
    // Whether the nearest non-blank line before or after is furniture.
    let mut adjacent = vec![false; n];
    let mut before = false;
    for i in 0..n {
        if !blank[i] {
            adjacent[i] = before;
            before = flags.get(i).copied().unwrap_or(false);
        }
    }
    let mut after = false;
    for i in (0..n).rev() {
        if !blank[i] {
            adjacent[i] |= after;
            after = flags.get(i).copied().unwrap_or(false);
        }
    }
    // Keyed with runs of white space collapsed: a layout extraction spaces the
    // same header differently on every page.
    let key_of = |i: usize| -> Option<Cow<'_, str>> {
        let t = lines.get(i)?.text.trim_white();
        if t.is_empty() || over_60_visible(t) || flags.get(i).copied().unwrap_or(true) {
            return None;
        }
        let key: Cow<'_, str> = if plainly_spaced(t) {
            t.into()
        } else {
            // (The words joined by single spaces, written into one string.)
            let mut key = String::with_capacity(t.len());
            for (k, w) in t.split_whitespace().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(w);
            }
            key.into()
        };
        (!key.is_empty() && key.len() <= 60 && !key.contains('§')).then_some(key)
    };
    // Only a line next to furniture can be marked: its text is a candidate, and the
    // other lines are counted only when they could have that text.
    struct Group {
        seen: usize,
        next_to_furniture: Vec<usize>,
    }
    let mut groups: HashMap<Cow<'_, str>, Group> = HashMap::new();
    // The keys' lengths (a key is at most 60 bytes long).
    let mut lengths = [false; 61];
    for i in (0..n).filter(|&i| adjacent[i]) {
        if let Some(k) = key_of(i) {
            if let Some(l) = lengths.get_mut(k.len()) {
                *l = true;
            }
            let g = groups.entry(k).or_insert(Group {
                seen: 0,
                next_to_furniture: Vec::new(),
            });
            g.seen += 1;
            g.next_to_furniture.push(i);
        }
    }
    if groups.is_empty() {
        return;
    }
    let shortest = lengths.iter().position(|&l| l).unwrap_or(0);
    for i in (0..n).filter(|&i| !adjacent[i] && !blank[i]) {
        let t = lines.get(i).map_or("", |l| l.text.trim_white());
        if t.is_empty() || t.len() < shortest {
            continue; // a key is never longer than its line
        }
        if over_60_visible(t) {
            continue; // text, not a header (as in `key_of`)
        }
        if !lengths.get(t.len()).copied().unwrap_or(false) && plainly_spaced(t) {
            continue;
        }
        if let Some(k) = key_of(i) {
            if let Some(g) = groups.get_mut(&k) {
                g.seen += 1;
            }
        }
    }
    for g in groups.into_values() {
        if g.seen >= 3 && g.next_to_furniture.len() * 4 >= g.seen * 3 {
            for i in g.next_to_furniture {
                if let Some(f) = flags.get_mut(i) {
                    *f = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fourth held-out 403: the body after the municipality's header without a comma.
    #[test]
    fn the_body_after_the_municipalitys_header() {
        assert_eq!(
            body_prefix("DALS-EDS KOMMUN Kommunstyrelsen Plats och tid").as_deref(),
            Some("Kommunstyrelsen")
        );
        // Ninth held-out 910: the kind of document between.
        assert_eq!(
            body_prefix("SVENLJUNGA KOMMUN SAMMANTRÄDESPROTOKOLL Kommunstyrelsen Plats och tid")
                .as_deref(),
            Some("Kommunstyrelsen")
        );
    }

    /// Held-out 710 (Tanum's fullmäktige): a text whose extraction lost every "n" ("TAUMS KOMMU
    /// PROTOKOLL 1(26) KOMMUFULLMÄKTIGE"); the assembly is named as it is spelt.
    #[test]
    fn a_body_with_one_letter_lost() {
        let body = |text: &str| detect_body(&crate::lines::split_lines(text), "");
        assert_eq!(
            body("TAUMS KOMMU PROTOKOLL 1(26) KOMMUFULLMÄKTIGE\nLaga ordning\n").as_deref(),
            Some("Kommunfullmäktige")
        );
        assert_eq!(letter_restored("Komunstyrelsen".into()), "Kommunstyrelsen");
        // (A name spelt in full, or another body's, is kept as written.)
        assert_eq!(letter_restored("Kommunstyrelsen".into()), "Kommunstyrelsen");
        assert_eq!(letter_restored("Kulturnämnden".into()), "Kulturnämnden");
        assert_eq!(
            letter_restored("Kommunstyrelsens arbetsutskott".into()),
            "Kommunstyrelsens arbetsutskott"
        );
    }

    /// Nineteenth held-out 1901, 1904, 1910, 1911: the body after a contact person's name,
    /// after the notice's sentences, named by its code and in the text; not another body's
    /// chair among those present.
    #[test]
    fn bodies_of_the_nineteenth_set() {
        let body = |text: &str| detect_body(&crate::lines::split_lines(text), "");
        assert_eq!(
            body("Planeringsavd,\nMarianne Hammarström Landstingsstyrelsen\n").as_deref(),
            Some("Landstingsstyrelsen")
        );
        // (Thirty-fifth held-out 3506: a page of contents' groups of items another body
        // decides name no body of the meeting's.)
        assert!(!is_body_line(
            "VD Stockholmsregionens Försäkring AB BESLUTAS AV KOMMUNFULLMÄKTIGE"
        ));
        assert!(!is_body_line("BESLUTAS AV KOMMUNSTYRELSEN"));
        assert!(is_body_line("Miljö- och byggnadsnämnden"));
        // (Thirty-fourth held-out 3401: the first name after the unit's slash.)
        assert_eq!(
            body("PROTOKOLL 1 (36) Landstingets kansli Kansliavdelningen/Marianne Hammarström Landstingsfullmäktige Tid: Måndagen den 21 april, kl , Plats: Konserthuset i Växjö\n").as_deref(),
            Some("Landstingsfullmäktige")
        );
        assert_eq!(
            body("ANSLAG/BEVIS\nOrgan Protokollet är justerat. Justeringen har tillkännagivits genom anslag. Kommunstyrelsen (KS) Sammanträdesdatum\n").as_deref(),
            Some("Kommunstyrelsen")
        );
        // Thirty-first held-out 3107, 3105: a body's definite form after its municipality's
        // name ("nämnden", not "nämndn"); a joint committee's "Gemensam" is no municipality,
        // nor is a region's name ("Sydnärkes").
        assert_eq!(definite("Ånge socialnämnd"), "socialnämnden");
        assert_eq!(definite("Sydnärkes IT-nämnd"), "Sydnärkes IT-nämnd");
        assert_eq!(definite("Åtvidabergs kommunstyrelse"), "kommunstyrelsen");
        // Held-out 4501–4505 (Jämtland's landstingsstyrelse): a county's body without its county.
        assert_eq!(
            definite("Jämtlands läns landstingsstyrelse"),
            "landstingsstyrelsen"
        );
        assert_eq!(
            definite("Jämtlands läns landsting"),
            "Jämtlands läns landsting"
        );
        // Held-out 4211.
        assert_eq!(
            definite("Åtvidabergs kommunfullmäktige"),
            "kommunfullmäktige"
        );
        assert_eq!(definite("Gemensam nämnd"), "Gemensam nämnd");
        // Thirtieth held-out 3003: the förbund's name before its organ's, after a comma.
        assert_eq!(
            body("ANSLAGSBEVIS Justeringen har tillkännagivits genom anslag\nOrgan Västra Mälardalens Kommunalförbund, förbundsdirektionen Datum för anslags uppsättande\n").as_deref(),
            Some("Förbundsdirektionen")
        );
        let kf = "§ 35 DELGIVNINGAR\nKF s beslut Godkänna redovisade delgivningar.\nHandlingar i ärendet:\n";
        assert_eq!(body(kf), None, "a code alone names no body");
        assert_eq!(
            body(&format!(
                "{kf}Ordföranden föreslår att kommunfullmäktige godkänner delgivningarna.\n"
            ))
            .as_deref(),
            Some("Kommunfullmäktige")
        );
        assert_eq!(
            body("Tjänstemän/övriga Stefan Larsson, kommunchef\nVård och omsorgsnämndens ordförande Gunnel Andersson\n"),
            None
        );
    }

    /// Second held-out 201, 203: "Protokoll från X:s sammanträde", and "Nämnd/Styrelse X".
    #[test]
    fn the_body_of_a_protocol_from_its_meeting() {
        let lines = crate::lines::split_lines(
            "1 SAMMANTRÄDESPROTOKOLL Sida Sammanträdesdatum 1 (18) Protokoll från Barn- och ungdomsutskottets sammanträde P g a personuppgiftslagen",
        );
        assert_eq!(
            detect_body(&lines, "").as_deref(),
            Some("Barn- och ungdomsutskottet")
        );
        let lines = crate::lines::split_lines("ANSLAG/BEVIS\nNämnd/Styrelse Kommunfullmäktige\n");
        assert_eq!(
            detect_body(&lines, "").as_deref(),
            Some("Kommunfullmäktige")
        );
        // Fifth held-out 505: "Nämnd" alone as the label.
        let lines = crate::lines::split_lines("ANSLAG/BEVIS\nNämnd Kommunfullmäktige\n");
        assert_eq!(
            detect_body(&lines, "").as_deref(),
            Some("Kommunfullmäktige")
        );
        // Second held-out 211: the body in the genitive after the notice's own words.
        let lines = split_lines(
            "3 Bevis om anslag av protokoll kultur- och fritidsnämndens protokoll från sammanträdet är justerat.",
        );
        assert_eq!(
            named_protocol_body(&lines).as_deref(),
            Some("Kultur- och fritidsnämnden")
        );
        // Held-out 1608: a county council's body, indefinite, after the notice's words.
        let lines = split_lines(
            "Organ BEVIS Justeringen har tillkännagivits genom anslag Jämtlands läns landstingsstyrelse Sammanträdesdatum Datum för anslags uppsättande",
        );
        assert_eq!(
            named_protocol_body(&lines).as_deref(),
            Some("Landstingsstyrelsen")
        );
        // Fourth held-out 401, 407: no body named but in the decisions the §§ record.
        let lines = split_lines(
            "1 Plats och tid Kommunstyrelsesalen 13:15-15:25\n\n2 31 Godkännande av praoelevs närvaro Arbetsutskottets beslut Arbetsutskottet godkänner att …\n\n3 32 Taxor Arbetsutskottets beslut Arbetsutskottet beslutar att … Förslag till Kommunstyrelsens beslut",
        );
        assert_eq!(
            body_from_decisions(&lines).as_deref(),
            Some("Arbetsutskottet")
        );
        let lines = split_lines(
            "Kultur- och fritidsutskottets beslut Kultur- och fritidsutskottet noterar … Kultur- och fritidsutskottets beslut",
        );
        assert_eq!(
            body_from_decisions(&lines).as_deref(),
            Some("Kultur- och fritidsutskottet")
        );
        // Held-out 1809, 1808 (Borgholm): the body deciding, in the present tense; a body
        // that decided before, or proposes, is not counted.
        let lines = split_lines(
            "149 Förändring av dagordningen. Kommunstyrelsen godkänner dagordningen med ovanstående förändringar. 150 Information. Kommunfullmäktige beslutade 2012 att … Kommunstyrelsen noterar informationen. 151 Budget. Barn- och utbildningsnämnden föreslår att …",
        );
        assert_eq!(
            body_from_decisions(&lines).as_deref(),
            Some("Kommunstyrelsen")
        );
        // A proposal to another body, in the present tense, names that body no decider.
        let lines = split_lines(
            "12 Budget. Arbetsutskottets förslag till kommunstyrelsen: Kommunstyrelsen beslutar att anta budgeten. 13 Taxa. Arbetsutskottets förslag till kommunstyrelsen: Kommunstyrelsen beslutar att anta taxan.",
        );
        assert_eq!(body_from_decisions(&lines), None);
        // Eighteenth held-out 1809 (Borgholm), thirty-sixth 3604 (Lund): once is enough for the
        // only body deciding in the present tense, a council (råd) too.
        let lines = split_lines("149 Förändring av dagordningen. Kommunstyrelsen godkänner dagordningen med föreslagna ändringar.");
        assert_eq!(
            body_from_decisions(&lines).as_deref(),
            Some("Kommunstyrelsen")
        );
        let lines = split_lines("59 Val av ordförande Handikapprådet beslutar att utse Nilla Bolding, HSO, till ordförande för sammanträdet.");
        assert_eq!(
            body_from_decisions(&lines).as_deref(),
            Some("Handikapprådet")
        );
        // Once is enough only with the body deciding after it; never a state authority's.
        let lines = split_lines("2 Arbetsutskottets beslut Arbetsutskottet beslutar");
        assert_eq!(
            body_from_decisions(&lines).as_deref(),
            Some("Arbetsutskottet")
        );
        // Thirtieth held-out 3009 (Mariestad): the decision's label, then its verb, the body
        // deciding lost between.
        let lines = split_lines("26 Dnr BUN 2012/234 Förstudie - Skolor f-6 Västra Mariestad Arbetsutskottets beslut överlämnar ärendet till Barn- och utbildningsnämnden utan eget förslag till beslut.");
        assert_eq!(
            body_from_decisions(&lines).as_deref(),
            Some("Arbetsutskottet")
        );
        // (Not a decision told once: "Kommunstyrelsens beslut 2019-03-04", "… beslut om …".)
        for told in [
            "Kommunstyrelsens beslut 2019-03-04 § 45 gäller.",
            "Enligt kommunstyrelsens beslut om taxor",
        ] {
            assert_eq!(body_from_decisions(&split_lines(told)), None);
        }
        let lines = split_lines("2 Förslag till Kommunstyrelsens beslut att anta planen");
        assert_eq!(body_from_decisions(&lines), None);
        let lines = split_lines("Länsstyrelsens beslut … Länsstyrelsens beslut har överklagats");
        assert_eq!(body_from_decisions(&lines), None);
        // A tie names none.
        let lines = split_lines("Arbetsutskottets beslut … Kommunstyrelsens beslut …");
        assert_eq!(body_from_decisions(&lines), None);
        // Eighth held-out 806: "Protokoll från sammanträde med X".
        let lines = crate::lines::split_lines(
            "1 KARLSHAMNS KOMMUN PROTOKOLL KN 2 l PROTOKOLL FRÅN SAMMANTRÄDE MED KULTURNÄMNDEN Plats och tid: Hällarydssalen",
        );
        assert_eq!(detect_body(&lines, "").as_deref(), Some("Kulturnämnden"));
        // Twentieth held-out 2008: the body's genitive in small letters.
        let lines = crate::lines::split_lines(
            "1 1 (12) Ledningsenheten Kansliavdelningen/Kristina Brundin Protokoll från landstingsfullmäktiges sammanträde den 2 maj 2005 Tid: Måndagen den 2 maj kl Plats: Konserthuset i Växjö.",
        );
        assert_eq!(
            detect_body(&lines, "").as_deref(),
            Some("Landstingsfullmäktige")
        );
    }
    use crate::lines::split_lines;

    #[test]
    fn a_repeated_header_is_furniture_however_it_is_spaced() {
        let mut text = String::new();
        for page in 1..=4 {
            let pad = " ".repeat(30 + page * 9);
            text.push_str(&format!(
                "Hagfors kommun{pad}Protokoll\nSocialnämnden   2024-01-29   Sida {page} (4)\n\nText på sidan {page}.\n\n"
            ));
        }
        let lines = split_lines(&text);
        let ctx = HeaderContext::new("Socialnämnden", "2024-01-29");
        let flags = classify(&lines, &ctx);
        for (l, f) in lines.iter().zip(&flags) {
            if l.text.starts_with("Hagfors") {
                assert!(*f, "{:?} is furniture", l.text);
            }
            if l.text.starts_with("Text") {
                assert!(!*f, "{:?} is text", l.text);
            }
        }
    }

    /// The body and date of corpus covers whose headers were lost (tests/corpus/protocols
    /// 006, 010, 024, 040, 005): the notice box's "Åtvidabergs kommunstyrelse", a nämnd the
    /// text names, and no meeting date taken from the justering's line.
    #[test]
    fn body_and_date_when_the_headers_were_lost() {
        let body = |text: &str| detect_body(&split_lines(text), "");
        assert_eq!(
            body("Organ Åtvidabergs kommunstyrelse Datum för anslags uppsättande").as_deref(),
            Some("Kommunstyrelsen")
        );
        assert_eq!(
            body("Organ Kommunstyrelsens arbetsutskott Sammanträdesdatum").as_deref(),
            Some("Kommunstyrelsens arbetsutskott")
        );
        // Held-out 4509 (Norrtälje): the page's label, its number lost, before the body.
        assert_eq!(
            body("1 SAMMANTRADESPROTOKOLL Sammanträdesdatum Sida Bygg- och miljönämndens arbetsutskott Plats och tid Kommunhuset, Rådmansö-rummet kl. 09:00-09:30").as_deref(),
            Some("Bygg- och miljönämndens arbetsutskott")
        );
        // Held-out 3802: the label's last letter parted from it by the extraction.
        assert_eq!(
            body(
                "Organ och sammanträdesdatu m Kommunstyrelsen Anslaget sätts upp Anslaget tas ner"
            )
            .as_deref(),
            Some("Kommunstyrelsen")
        );
        assert_eq!(
            body(
                "Carolina Day (verksamhetsutvecklare) 108 Riktlinjer för vård och omsorg 111 \
                 Sammanträdestider för vård- och omsorgsnämnden Förvaltningschefens punkt 113"
            )
            .as_deref(),
            Some("Vård- och omsorgsnämnden")
        );
        assert_eq!(
            body("Tid och Plats Kl Tekniska nämndens Sessionssal Omfattning").as_deref(),
            Some("Tekniska nämnden")
        );
        assert_eq!(
            body("Malin Thorson (nämndsekreterare) och hela nämnden närvarade").as_deref(),
            None
        );
        // Several nämnder named once each, a list of bodies, name none.
        assert_eq!(
            mentioned_nämnd(&split_lines(
                "Fastställa reglementen för socialnämnden, valnämnden samt tekniska nämnden."
            )),
            None
        );
        assert_eq!(
            mentioned_nämnd(&split_lines(
                "Valnämnden beslutade. Valnämnden noterar, tekniska nämnden"
            ))
            .as_deref(),
            Some("Valnämnden")
        );
        // Held-out 1607: the body whose secretary keeps the minutes.
        assert_eq!(
            body("1 Den 30 augusti 2007 Närvarande vid uppropet: ordföranden. Protokollet föres av undertecknad, kommunfullmäktiges sekreterare. 125 Protokollsjustering").as_deref(),
            Some("Kommunfullmäktige")
        );
        // Held-out 1701: a kommunalförbund's direktion — as the document's title, not among
        // another body's notices.
        assert_eq!(
            named_protocol_body(&split_lines(
                "Protokoll\n\nPlats och tid Kommunhuset\n\nBeslutande Anna Berg\n\nMeddelanden: Direktionens protokoll 2024-05-31"
            )),
            None
        );
        assert_eq!(
            body("Direktionens protokoll 31 maj 2024\n\nNärvarande\n").as_deref(),
            Some("Direktionen")
        );
        // Twenty-sixth held-out 2611 (Ludvika): a body's own committee, in the notice's
        // sentence, keeps its indefinite form.
        assert_eq!(
            named_protocol_body(&split_lines(
                "ANSLAG/BEVIS Protokollet från kommunstyrelsens arbetsutskott den 20 mars 2012, 28 45 är justerat"
            ))
            .as_deref(),
            Some("Kommunstyrelsens arbetsutskott")
        );
        // Held-out 1810: the body's genitive without its article.
        assert_eq!(
            body(
                "2 Bevis om anslag av protokoll valnämnds protokoll från sammanträdet är justerat"
            )
            .as_deref(),
            Some("Valnämnden")
        );
        // Held-out 1807 (Borgholm): the body before the kind of document in the running
        // header of each page.
        assert_eq!(
            body("1\n\n2 KOMMUNFULLMÄKTIGE SAMMANTRÄDESPROTOKOLL sid 2 (22) Sammanträdesdatum Paragrafer Godkännande av kungörelsen.\n\n3 KOMMUNFULLMÄKTIGE SAMMANTRÄDESPROTOKOLL sid 3 (22) Sammanträdesdatum Paragrafer Dnr 2014/ KS").as_deref(),
            Some("Kommunfullmäktige")
        );
        // Held-out 1805: a matter within another body's field names no body.
        assert_eq!(
            body("3 3(40) Dagordning Ordföranden föreslår att ärende 239 Remiss Granskning av följsamhet till lagstiftning inom barn- och ungdomsnämnden utgår").as_deref(),
            None
        );
        // Thirty-fifth held-out 3508 (Arboga): the body a matter came from names no body.
        assert_eq!(
            body("3 Blad 2 Ks 24 Au 17 Dnr 168/ Arboga kommuns regler och avgifter för förskoleverksamhet och skolbarnsomsorg Från barn- och utbildningsnämnden har inkommit pro").as_deref(),
            None
        );
        // Fortieth held-out 4005 (Klippan's samhällsbyggnadsutskott): the nämnd a guest chairs
        // ("Olof Röstin (M), ordförande bygg-, trafik- och räddningsnämnden 26"), and thirtieth
        // 3009 (Mariestad's arbetsutskott): the nämnd a matter goes to ("överlämnar ärendet
        // till Barn- och utbildningsnämnden"), name no body.
        assert_eq!(
            body("1 1/30 Plats och tid Kommunhuset, kl Övriga deltagare Mats Dahlberg, samhällsbyggnadschef Olof Röstin (M), ordförande bygg-, trafik- och räddningsnämnden 26").as_deref(),
            None
        );
        assert_eq!(
            mentioned_nämnd(&split_lines("Skolor f-6 Västra Mariestad Arbetsutskottets beslut överlämnar ärendet till Barn- och utbildningsnämnden utan eget förslag till beslut. beslutade , Bun 111, att en förstudie angående ny f-6 skola i Västra Mariestad skulle utföras.")).as_deref(),
            None
        );
        // Thirty-sixth held-out 3604 (Lund): the nämnder a council's members come from, each
        // after a member's name, name no body.
        assert_eq!(
            mentioned_nämnd(&split_lines(
                "Närvarande: Almén Mai HSO Andersson Jan-Eric Byggnadsnämnden Andersson Kenth Barn- och skolnämnd Öster Boije Kjell Byggnadsnämnden Lager John Vård- och omsorgsnämnden Olsson Eva Vård- och omsorgsnämnden"
            )),
            None
        );
        assert_eq!(
            mentioned_nämnd(&split_lines(
                "Protokoll från miljönämnden 2010-03-04. Miljönämnden beslutar"
            ))
            .as_deref(),
            Some("Miljönämnden")
        );
        // Held-out 1806: the attendance list's name before the body.
        assert_eq!(
            body("1 SVEDALA KOMMUN SAMMANTRÄDESPROTOKOLL 2 NÄRVAROLISTA KOMMUNFULLMÄKTIGE Beslutande Parti Namn Parti Namn s Björn Jönsson").as_deref(),
            Some("Kommunfullmäktige")
        );
        // Held-out 1803: a web page's breadcrumb names the body before the meeting.
        assert_eq!(
            body("Din position: Hem > Stockholms stad > Socialnämnden > Sammanträde 2011-11-24\n\nSammanträde 2011-11-24\n\nDatum\nKlockan\nSvar på remiss från kommunstyrelsen\nSvar på remiss från kommunstyrelsen\n").as_deref(),
            Some("Socialnämnden")
        );
        // Held-out 1705: the header's "SAMMANTRÄDE" before the body.
        assert_eq!(
            body("1 SAMMANTRÄDE Kultur och fritidsnämnden PLATS OCH TID Sammanträdesrum Romanen\n\n2 bibliotekschef 60-66\n\n3 50 Ändring av föredragningslistan").as_deref(),
            Some("Kultur och fritidsnämnden")
        );
        // Twelfth held-out 1202: the federation's name before its board's.
        assert_eq!(
            body("Protokoll\nKommunalförbundet Räddningstjänsten Östra Götaland Direktionen\n\nProtokoll\n").as_deref(),
            Some("Direktionen")
        );
        // Thirty-sixth held-out 3603 (Västra Götalandsregionen): the body named before the date
        // after "Protokoll från".
        assert_eq!(
            body("1 1 (8) Protokoll Protokoll från samråd för pensionärsorganisationer för norra hälso- och sjukvårdsnämnden den 19 september 2018 Tid: Plats: Aulan, Vintergatan 8, Uddevalla").as_deref(),
            Some("Samråd för pensionärsorganisationer för norra hälso- och sjukvårdsnämnden")
        );
        assert_eq!(
            body("Protokoll från Kommunstyrelsen den 3 maj 2011\n").as_deref(),
            Some("Kommunstyrelsen")
        );
        // Thirty-sixth held-out 3609: the board's kind after its förbund's name, in the notice.
        assert_eq!(
            body("Bevis / Anslag\nJusteringen har tillkännagivits genom anslag\nOrgan Västra Mälardalens Myndighetsförbund Förbundsdirektion\nSammanträdesdatum").as_deref(),
            Some("Förbundsdirektion")
        );
        // Held-out 1711, 1708: a nämnd that a § names is not the body whose code stands before
        // the §§' numbers; 1704: a name of three parts.
        assert_eq!(
            body("Innehållsförteckning KF 59 Godkännande av dagordning KF 60 Information KF 61 Allmänhetens frågestund KF 65 Val av ny vice ordförande i valnämnden").as_deref(),
            None
        );
        assert_eq!(
            body("KFN 89 KFN Kulturskolan i framkant KFN 90 KFN Personalinformation KFN 91 KFN Ekonomisk månadsuppföljning Folkhälsonämnden").as_deref(),
            None
        );
        assert_eq!(
            body("MBR 12 Val av justerare MBR 13 Bygglov MBR 14 Detaljplan för Åre MBR 15 Ansökan till miljö- bygg- och räddningsnämnden").as_deref(),
            Some("Miljö- bygg- och räddningsnämnden")
        );
        // Twelfth held-out 1201: the notice box's "Avser sammanträde med".
        assert_eq!(
            body("Bevis/anslag Protokollet är justerat.\nAvser sammanträde med Kommunfullmäktige\nJusteringsdatum").as_deref(),
            Some("Kommunfullmäktige")
        );
        // Eleventh held-out 1110: a styrelse's genitive names its protocol.
        assert_eq!(
            body("Underskrift BEVIS OM ANSLAG Kommunstyrelsens protokoll har justerats och anslagits").as_deref(),
            Some("Kommunstyrelsen")
        );
        // Eleventh held-out 1109: the municipality's header before the body on one line.
        assert_eq!(
            body("TJÖRNS KOMMUN SAMMANTRÄDESPROTOKOLL Kommunstyrelsens arbetsutskott\nPlats och tid Stora Vetteberget").as_deref(),
            Some("Kommunstyrelsens arbetsutskott")
        );
        let lines = split_lines(
            "Plats och tid Kommunhuset, Henån s-rum :15\nJusteringens plats och tid Ingrid \
             Cassel och Hans Pernervik Kommunstyrelseförvaltningen, Henån måndag 7 mars 2011",
        );
        assert_eq!(detect_meeting_date(&lines), None);
        // Sixteenth held-out 1606 (Malmö): the meeting's date without its year, and the first
        // §'s text naming the protocols of the month before — no date rather than a wrong one.
        let lines = split_lines(
            "Protokoll fört vid sammanträde med Malmö kommunstyrelse den 15 januari
             § 1 PROTOKOLLSJUSTERING DAGENS SAMMANTRÄDE M.M.
             Protokoll: den 25 november, 2 och 9 december 2013 med kommunstyrelsens arbetsutskott
",
        );
        assert_eq!(detect_meeting_date(&lines), None);
        let lines = split_lines(
            "Protokoll fört vid sammanträde med Malmö kommunstyrelse den 15 januari 2014
             § 1 PROTOKOLLSJUSTERING
",
        );
        assert_eq!(detect_meeting_date(&lines).as_deref(), Some("2014-01-15"));
        // Twenty-eighth held-out 2809 (Mora's kommunstyrelse): the notice box's date, its values
        // out of order, against the cover's place and time and the pages' headers.
        let lines = split_lines(
            "2012-03-13 Sida 1-19 Kommunstyrelsen\nPlats och tid Kommunhuset, Mora, tisdagen den 13 mars 2012, kl. 8.15-10.50\nJusteringens plats och tid Kanslienheten, 2012-03-26, kl. 13.00\nANSLAG/BEVIS Protokollet är justerat.\nSammanträdesdatum 2012-03-26 Datum för anslags uppsättande\nKommunstyrelsen 2012-03-13 Sammanträdesdatum Sida 2 Innehållsförteckning\nKommunstyrelsen 30/2012 2012-03-13 Sammanträdesdatum Sida 3 Dnr: KS 2012/92\n",
        );
        assert_eq!(detect_meeting_date(&lines).as_deref(), Some("2012-03-13"));
        // (But the notice's date when no header bears the cover's more often and the cover's
        // weekday is not the one its date falls on: 13 March 2012 was a Tuesday.)
        let lines = split_lines(
            "Plats och tid Kommunhuset, Mora, onsdagen den 13 mars 2012, kl. 8.15-10.50\nANSLAG/BEVIS Protokollet är justerat.\nSammanträdesdatum 2012-03-14 Datum för anslags uppsättande\n",
        );
        assert_eq!(detect_meeting_date(&lines).as_deref(), Some("2012-03-14"));
        // Thirty-sixth held-out 3606 (Regionförbundet i Kalmar län): the cover's date with the
        // weekday it falls on, against the notice's.
        let lines = split_lines(
            "Organ Plats och tid Regionförbundets styrelse Regionförbundet i Kalmar län Torsdagen den 4 mars 2010, kl\nAnslag/bevis: Protokollet är justerat.\nOrgan: Förbundsstyrelsen för Regionförbundet i Kalmar län Sammanträdesdatum: 3 mars 2010 Datum för anslags uppsättande: 18 mars 2010\n",
        );
        assert_eq!(detect_meeting_date(&lines).as_deref(), Some("2010-03-04"));
        // Held-out 1501, 1207, 1002, 204: the justering's date, the notice's and the last day to
        // appeal are not the meeting's — no date rather than a wrong one; "23 november, 2011".
        let lines = split_lines(
            "Plats och tid Utvecklingscenter, Ed onsdagen den 23 november, 2011 klockan\nPlats och tid Kommunkontoret tisdagen den 29 november 2011, klockan för justering",
        );
        assert_eq!(detect_meeting_date(&lines).as_deref(), Some("2011-11-23"));
        let lines = split_lines(
            "Plats och tid Kommunkontoret tisdagen den 29 november 2011, klockan för justering",
        );
        assert_eq!(detect_meeting_date(&lines), None);
        // Twenty-fourth held-out 2401: a genitive's end whose body was lost names none.
        assert_eq!(
            detect_body(
                &split_lines(
                    "Sammanträdesdatum s arbetsutskott 12-05-02 1(27) Plats och tid Kommunhuset"
                ),
                ""
            ),
            None
        );
        // Twenty-first held-out 2105, 2104, 2112: the notice box's sentence, the organ with
        // the date whose label was lost, and "Sammanträdesdag" before the notice's dates.
        let lines = split_lines(
            "2 Laholms kommun Anslagsbevis Valnämnden har haft sammanträde den 5 mars 2014 Protokollet, som justerats den 7 mars 2014 finns tillgängligt",
        );
        assert_eq!(detect_meeting_date(&lines).as_deref(), Some("2014-03-05"));
        let lines = split_lines(
            "Justerande... Karin Vannar (Sv) ANSLAG / BEVIS, Organ: Kommunstyrelsen : 2017-12-04 Datum för anslags Datum för anslags uppsättande: 2017-12-08",
        );
        assert_eq!(detect_meeting_date(&lines).as_deref(), Some("2017-12-04"));
        let lines = split_lines(
            "Justeringens plats, tid Miljökontoret, torsdagen den 27 september 2012 kl. 17.00\nOrgan Hässleholms kommun, Miljönämnden\nSammanträdesdag 2012-09-26\nDatum då anslaget sätts upp\n2012-09-27\n",
        );
        assert_eq!(detect_meeting_date(&lines).as_deref(), Some("2012-09-26"));
        // Nor a § telling of another body's meeting.
        assert_eq!(
            notice_date("Regionstyrelsen har haft sammanträde den 3 mars 2014 och beslutat att …"),
            None
        );
        // Not a date after another label: "Organ Kommunstyrelsen Datum då anslaget sätts upp
        // 2017-12-08".
        assert_eq!(
            notice_date("Organ Kommunstyrelsen Datum då anslaget sätts upp 2017-12-08"),
            None
        );
        let mut lines = split_lines(
            "Justeringens plats och tid\nUnderskrifter\nOrgan Jan Ekström (MP) Kommunstyrelsekontoret den 31 maj 2011, kl",
        );
        for l in &mut lines {
            l.no = 1;
        }
        assert_eq!(detect_meeting_date(&lines), None);
        let lines = split_lines(
            "1 Kommunhuset A-salen, Tierps köping kl Se blad 176 Kommunhuset 16 december 2011 kl Justering av Kommunfullmäktiges protokoll har tillkännagivits genom anslag",
        );
        assert_eq!(detect_meeting_date(&lines), None);
        let lines = split_lines(
            "Protokollet anslås Förvaringsplats för protokollet Kommunledningsförvaltningen Sista datum för överklagande 2018-04-24 Underskrift Maria Hedman",
        );
        assert_eq!(detect_meeting_date(&lines), None);
        // Held-out 1804: a report's date "per" a day.
        let lines = split_lines(
            "Övriga Stefan Johansson, kanslichef Thore Johansson, controller, dagens tema information om Landskrona kommuns delårsrapport per den 31 augusti 2008 med helårsprognos",
        );
        assert_eq!(detect_meeting_date(&lines), None);
        // Held-out 3905: the place and time stacked over the lists' labels; their value opens
        // the first line with one.
        let lines = split_lines(
            "Bygg- och miljönämnden\nPlats och tid\nBeslutande\nÖvriga deltagande\nUtses att justera Sammanträdesrum Moberg, Rådhusgatan 2, Emmaboda, måndagen den 15 mars 2010, kl Per Adolfsson, ordförande\nJusteringens plats och tid Kommunförvaltningen, , kl",
        );
        assert_eq!(detect_meeting_date(&lines).as_deref(), Some("2010-03-15"));
        // (Not the justering's date after its own label.)
        let lines = split_lines(
            "Plats och tid\nBeslutande\nJusteringens plats och tid Kommunhuset den 17 mars 2010",
        );
        assert_eq!(stacked_place_time_date(&lines), None);
        // Held-out 3711: the meeting's date left empty, the notice's label and date after it.
        let lines = split_lines(
            "Organ\nSammanträdesdatum då anslaget sätts upp 2018-11-14 då anslaget tas ned 2018-12-05",
        );
        assert_eq!(detect_meeting_date(&lines), None);
    }

    #[test]
    fn a_namnd_named_by_what_it_is_for() {
        // Held-out 4108 (Örebro).
        let body = |text: &str| detect_body(&split_lines(text), "");
        assert_eq!(
            body("Nf 220/2015\nProtokoll\nNämnden för funktionshindrade\n2015-04-16\nDatum:")
                .as_deref(),
            Some("Nämnden för funktionshindrade")
        );
        assert!(!is_body_line(
            "Nämnden för Kultur och Fritid i Örebro kommun"
        ));
    }

    #[test]
    fn a_companys_board() {
        let body = |text: &str| detect_body(&split_lines(text), "");
        // Held-out 3706 (OCR'd) and 3707: a municipal company's board.
        assert_eq!(
            body("1 Protokoll nr tört vid styrelsesammanträde tör Nora Fastigheter AB Tid: Plats: 30 maj 2013 kl").as_deref(),
            Some("Styrelsen")
        );
        assert_eq!(
            body("§1 Anmälan om protokolljustering\n\nAnmäldes justerat protokoll från styrelsens möte den 12 februari 2013.").as_deref(),
            Some("Styrelsen")
        );
        // Not a kommunstyrelse's.
        assert_eq!(
            body("Protokollet från kommunstyrelsens sammanträde den 3 maj").as_deref(),
            Some("Kommunstyrelsen")
        );
        assert_eq!(board_body(&split_lines("från kommunstyrelsens möte")), None);
    }

    #[test]
    fn the_body_of_one_heading_with_its_code() {
        // Held-out 3711: the organ's name blanked, one § kept, "kommunstyrelsen" in its text.
        let lines = split_lines(
            "Organ\n2(54) KS 220 Redovisning av delegationsbeslut s utskotts protokoll Attestregister för kommunstyrelsen, sociala området",
        );
        assert_eq!(code_body(&lines).as_deref(), Some("Kommunstyrelsen"));
        // Not without the body named, nor a code that is no heading's.
        let lines = split_lines("2(54) KS 220 Redovisning av delegationsbeslut");
        assert_eq!(code_body(&lines), None);
        let lines = split_lines("enligt KS 220 Redovisning för kommunstyrelsen");
        assert_eq!(code_body(&lines), None);
        // Held-out 4210 (Krokom's fullmäktige): the §§' code "Kf", the body named once with a
        // letter lost ("Komunfullmäktige").
        let lines = split_lines(
            "Kf 1 Dnr Öppnande Ordförande hälsar alla välkomna. Kungörelse och kallelse Komunfullmäktige kungjordes på kommunens digitala anslagstavla\nKf 2 Dnr Allmänhetens frågestund\nKf 3 Dnr Anmälan av motioner",
        );
        assert_eq!(code_body(&lines).as_deref(), Some("Kommunfullmäktige"));
        // Thirtieth held-out 3004 (Räddningstjänstförbundet Storgöteborg): a förbund's
        // fullmäktige, its code "Ff", named in a § ("förbundsfullmäktiges arbetsordning").
        // (One heading kept, after the page's number: the text was cut after it.)
        let lines = split_lines(
            "2 Ff 1 Anteckning om ordförande Det antecknas att enligt förbundsfullmäktiges arbetsordning ska ålderspresidenten vara ordförande.",
        );
        assert_eq!(code_body(&lines).as_deref(), Some("Förbundsfullmäktige"));
        // (Not a word two letters off: "Kommunfullmakt".)
        let lines = split_lines(
            "Kf 1 Dnr Öppnande enligt kommunfullmakt\nKf 2 Dnr Allmänhetens frågestund",
        );
        assert_eq!(code_body(&lines), None);
    }

    #[test]
    fn header_lines() {
        let ctx = HeaderContext::new("Individ- och omsorgsutskottet", "2025-09-01");
        assert!(ctx.is_header_line("Protokoll"));
        assert!(ctx.is_header_line("2025-09-01"));
        assert!(ctx.is_header_line("Individ- och omsorgsutskott"));
        assert!(ctx.is_header_line("Individ- och omsorgsutskottet"));
        assert!(ctx.is_header_line("Justerandes sign"));
        assert!(ctx.is_header_line("Utdragsbestyrkande"));
        assert!(ctx.is_header_line("Sida 3 av 12"));
        assert!(ctx.is_header_line("Protokoll 2025-09-01 Individ- och omsorgsutskottet"));
        assert!(!ctx.is_header_line(
            "Individ- och omsorgsutskottet godkänner redovisade anmälningsärenden"
        ));
        assert!(!ctx.is_header_line("Pensionärsrådets protokoll, 2025-06-17"));
        assert!(!ctx.is_header_line("Au-protokoll"));
        assert!(!ctx.is_header_line("Individ- och omsorgsutskottets beslut"));
        let ctx = HeaderContext::new("Socialnämnden", "2024-02-21");
        assert!(ctx.is_header_line("den 21 februari 2024"));
        assert!(ctx.is_header_line("Sammanträdesprotokoll"));
        assert!(ctx.is_header_line("Justerare"));
        assert!(!ctx.is_header_line("Socialnämndens beslut"));
        assert!(!ctx.is_header_line("Socialnämndens arbetsutskott"));
    }

    proptest::proptest! {
        /// The footer label told from a line's start is the whole line's pattern.
        #[test]
        fn footer_label_opens_as_the_whole_pattern_reads(
            label in "(?i)(telefon|tel\\.|tfn|e-post|org\\. ?nr|webb|sms|fax|växel)",
            rest in "[ \t\r:a-zåö0-9.\u{a0}\u{2003}-]{0,12}",
        ) {
            let t = format!("{label}{rest}");
            proptest::prop_assert_eq!(FOOTER_LABEL_OPENS.is_match(&t), FOOTER_LABEL.is_match(&t));
        }
    }

    proptest::proptest! {
        /// Every line the footer pattern takes, in any case, passes the two-letter test.
        #[test]
        fn every_footer_label_passes_the_two_letter_test(
            label in proptest::string::string_regex(FOOTER_LABELS).expect("pattern"),
            upper in proptest::collection::vec(proptest::bool::ANY, 24),
            rest in "[ :a-z0-9]{0,6}",
        ) {
            let cased: String = label
                .chars()
                .zip(upper.iter().cycle())
                .map(|(c, &u)| if u { c.to_uppercase().next().unwrap_or(c) } else { c })
                .collect();
            let t = format!("{cased}{rest}");
            if FOOTER_LABEL_OPENS.is_match(&t) {
                proptest::prop_assert!(could_be_footer_label(&t), "{}", t);
            }
        }
    }

    #[test]
    fn visible_bytes_are_counted_as_ascii_white_space_says() {
        for b in 0..=u8::MAX {
            let line = format!("{}{}", "x".repeat(60), char::from(b));
            if b.is_ascii() {
                assert_eq!(over_60_visible(&line), !b.is_ascii_whitespace(), "{b:#x}");
            }
        }
    }

    proptest::proptest! {
        /// Counted a chunk at a time, the visible bytes are those of the whole line.
        #[test]
        fn visible_bytes_counted_in_chunks_as_over_the_whole_line(t in "[ \tx\u{b}\r]{0,300}") {
            let visible = t.bytes().filter(|b| !b.is_ascii_whitespace()).count();
            proptest::prop_assert_eq!(over_60_visible(&t), visible > 60);
        }
    }

    #[test]
    fn footer_block() {
        let lines = split_lines("Text.\nTelefon\n0563-185 00\n\nBesöksadress\nDalavägen 10\nOrg.nr\n212000-1884\nMer text.");
        let ctx = HeaderContext::new("Socialnämnden", "2024-02-21");
        let f = classify(&lines, &ctx);
        assert_eq!(f, [false, true, true, false, true, true, true, true, false]);
    }

    #[test]
    fn plain_spacing_is_told_by_bytes() {
        for (t, want) in [
            ("Socialnämnden", true),
            ("Sida 3 – 4 ”citat”", true),
            ("Sida  3", false),
            ("Sida\t3", false),
            ("Sida\u{a0}3", false),
            ("Sida\u{2009}3", false),
            ("Sida\u{3000}3", false),
            ("Sida\u{202f}3", false),
            ("Sida\u{205f}3", false),
        ] {
            assert_eq!(plainly_spaced(t), want, "{t:?}");
            let by_chars = !t.contains("  ") && t.chars().all(|c| c == ' ' || !c.is_whitespace());
            assert_eq!(by_chars, want, "{t:?} by chars");
        }
    }

    #[test]
    fn body_lines() {
        for yes in [
            "Socialnämnden",
            "Individ- och omsorgsutskottet",
            "Kommunfullmäktige",
            "Vård- och omsorgsnämnden",
            "SOCIALNÄMNDEN",
            "Kommunstyrelsen",
            // Twenty-seventh held-out 2710–2712: the advisory councils.
            "Kommunala handikapprådet",
            "Ronneby Kommunala Handikappråd",
            "Kommunala pensionärsrådet",
            "Tillgänglighetsrådet",
        ] {
            assert!(is_body_line(yes), "{yes}");
            assert!(ends_like_body(yes), "{yes}");
        }
        // (Not a word that ends like one: "Området", "Samråd".)
        for no in ["Området", "Samråd", "Rådet"] {
            assert!(!(is_body_line(no) && ends_like_body(no)), "{no}");
        }
        for no in [
            "Nämnden",
            "Socialnämnden 2024",
            "Barn- och utbildningsnämndens",
            "Beslut: socialnämnden",
            "",
        ] {
            assert!(!is_body_line(no), "{no}");
        }
    }

    /// Held-out 3107, 3108, 3105 (joint committees), 2910 (Klippan): a region's name before
    /// a joint committee's is its own (only a municipality's is left out), so is "i Dalarna"
    /// after it, and "för upphandling" after a bare "nämnd"; the label's "och
    /// sammanträdesdatum" is no part of the body.
    #[test]
    fn joint_committees_named_in_full() {
        for (text, body) in [
            ("Justeringen har tillkännagivits genom anslag. Styrelse/Nämnd Sydnärkes IT-nämnd Sammanträdesdatum Datum för anslags uppsättande", "Sydnärkes IT-nämnd"),
            ("Organ\nSammanträdesdatum 2016-09-29 Bevis Justeringen har tillkännagivits genom anslag Språktolknämnden i Dalarna\nDatum för anslags uppsättande", "Språktolknämnden i Dalarna"),
            ("Organ Gemensam nämnd för upphandling Sammanträdesdatum 2020-11-17", "Gemensam nämnd för upphandling"),
            ("Justeringen har tillkännagivits genom anslag Organ och sammanträdesdatum Kommunstyrelsen Anslaget sätts upp Anslaget tas ner", "Kommunstyrelsen"),
            ("Organ Åtvidabergs kommunstyrelse Sammanträdesdatum 2012-03-01", "Kommunstyrelsen"),
        ] {
            assert_eq!(detect_body(&split_lines(text), "").as_deref(), Some(body), "{text}");
        }
        // Held-out 3206 (Landstinget Dalarna): the landsting's name and "PROTOKOLL" before the
        // body's in the page's header.
        assert_eq!(
            detect_body(&split_lines("1 I ~ Landstinget II DALARNA PROTOKOLL Landstingsstyrelsens arbetsutskott Central förvaltning Sammanträde Sida 1 (17) Protokoll från Landstingsstyrelsens arbetsutskotts sammanträde Tid: kl , Plats: Falun\n"), "").as_deref(),
            Some("Landstingsstyrelsens arbetsutskott")
        );
        // Held-out 3209 (Skellefteå): "Nämnden för support och lokaler" after the page's header.
        assert_eq!(
            detect_body(&split_lines("1 PROTOKOLL 1 (19) Nämnden för support och lokaler Plats och tid Oden, Odenrummet. Klockan ande Tomas Teglund (S), ordförande\n"), "").as_deref(),
            Some("Nämnden för support och lokaler")
        );
        // Held-out 3005 (Nerikes Brandkår), 1811 and 2911 (Kil's notice box, "SAMMANTRÄDE"
        // its label), 405 (Finspång: the municipality and a colon), 2305 (Nybro: a notice
        // sentence of its own before the body), as their lines reach the body's reader.
        for (text, body) in [
            ("Protokoll Nerikes Brandkår 2015-05\n\nSAMMANTRÄDESPROTOKOLL\nDatum\n2015-05-28\nProtokoll 3-2015\nDirektionen\nSidantal\n1 (10)\n", "Direktionen"),
            ("ica Hildén Kent Wallin ANSLAGSBEVIS Protokollet är justerat. Justeringen har tillkännagivits på kommunens anslagstavla. SAMMANTRÄDE Kommunfullmäktige SÄTTS UPP TAS NER FÖRVARINGSPLATS Kommunkontoret UNDERSKRIFT Cecilia", "Kommunfullmäktige"),
            ("Yvonne Carlsson ANSLAG/BEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag. Organ Finspångs kommun: Kommunfullmäktige Datum för Datum för anslags uppsättande anslags nedtagande", "Kommunfullmäktige"),
            ("Paragrafer Bevis\nOrgan Justeringen har tillkännagivits genom anslag på kommunens officiella anslagstavla i Förvaltningshuset. Kommunstyrelsen\n", "Kommunstyrelsen"),
            // Held-out 4609 (Region Västerbotten): "Myndighet", the notice box's label of the
            // organ, after its sentence.
            ("BEVIS OM ANSLAG Justering har tillkännagivits genom anslag på Region Västerbottens digitala anslagstavla. Myndighet Arbetsutskottet Anslagsdatum Datum då anslaget tas ner", "Arbetsutskottet"),
        ] {
            assert_eq!(detect_body(&crate::unflatten::unflatten(split_lines(text)), "").as_deref(), Some(body), "{text}");
        }
    }

    #[test]
    fn meeting_date_and_body() {
        let lines = split_lines("Sammanträdesprotokoll\nSocialnämnden\n\nden 21 februari 2024\n\nText\nSammanträdesprotokoll\nSocialnämnden\nden 21 februari 2024\nKommunfullmäktige");
        let d = detect_meeting_date(&lines);
        assert_eq!(d.as_deref(), Some("2024-02-21"));
        assert_eq!(
            detect_body(&lines, "2024-02-21").as_deref(),
            Some("Socialnämnden")
        );
    }

    /// Thirtieth held-out 3010 (Åtvidaberg) and twenty-ninth 2902 (Regionförbundet södra
    /// Småland): no label names the body, but the list of its items does; twenty-ninth 2910
    /// (Haparanda): "Organ och sammanträdesdatum Kommunstyrelsen".
    #[test]
    fn body_from_the_list_of_its_items_and_the_notice_label() {
        for (file, body) in [
            ("heldout30/3010", "Kommunfullmäktige"),
            ("heldout29/2902", "Förbundsstyrelsen"),
            ("heldout29/2910", "Kommunstyrelsen"),
            // Thirty-third held-out 3307 (Kumla): "Styrelse/Nämnd Kommunfullmäktige" in the
            // notice box.
            ("heldout33/3307", "Kommunfullmäktige"),
            // … 3303 (Landstinget Kronoberg): "Protokoll från sammanträde med
            // landstingsstyrelsen", in small letters.
            ("heldout33/3303", "Landstingsstyrelsen"),
            // Twenty-first held-out 2102 (Ockelbo), eighth 812 (Örkelljunga).
            ("heldout21/2102", "Kommunstyrelsen"),
            ("heldout8/812", "Kommunfullmäktige"),
        ] {
            let text = crate::corpus_protocol(file);
            let p = crate::parse_protocol(&text).expect("a protocol");
            assert_eq!(p.body.as_deref(), Some(body), "{file}");
        }
    }

    /// Thirty-first held-out 3106 (Bergslagens miljö- och byggnämnd): the meeting's date is
    /// lost from the cover, and the page of contents after it dates an item ("Delegationsbeslut
    /// 1-29 februari 2012"), not the meeting; no date is better than that one.
    #[test]
    fn no_date_from_a_page_of_contents() {
        let text = "1 1 Plats och tid Bergslagens Miljö- och Byggförvaltning i Lindesberg kl ande Margaretha Östlund (S), ordf. Lindesberg Johan Andersson (C) Lindesberg Utses att justera Sofie Semstrand (C) Underskrifter Sekreterare.. Ordförande... Justerare... ANSLAG BEVIS Organ Bergslagens Miljö- och Byggnämnd Sammanträdesdatum Datum för Datum för anslags uppsättande anslags nedtagande Förvaringsplats för protokollet Bergslagens Miljö- och Byggförvaltning, Lindesbergs kommun Underskrift...\n\n2 förteckning Kommun 2 43 BMB Anmälningsärenden Delegationsbeslut 1-29 februari 2012 samt information om 44 BMB Tysta områden 45 BMB Ekonomi månadsuppföljning, februari Dnr: 2011-M Lindesberg Yttrande om strandpromenaden, Frövi 47 BMB Kort information om enskilda avlopp\n";
        let lines = crate::unflatten::unflatten(split_lines(text));
        assert_eq!(detect_meeting_date(&lines), None);
        // (Nor are its entries § headings.)
        let p = crate::parse_protocol(text).expect("a protocol");
        assert!(p.paragraphs.is_empty(), "{:?}", p.paragraphs);
    }
}
