//! The cover's labels (*rubriker på försättsbladet*) in one table: the field each opens on a
//! laid-out cover ([`crate::cover`]) and whether a flattened page is cut before it
//! ([`crate::unflatten`]). A new label is added here once, for both.

use std::sync::LazyLock;

/// The fields a cover label can open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    PlaceTime,
    /// "Klockan: 09:00-12:10", "Tid: 9:00: - 12:45": the times alone.
    Time,
    AdjustmentPlaceTime,
    Deciding,
    ServingSubstitutes,
    Substitutes,
    Others,
    Adjusters,
    Signatures,
    Secretary,
    Chair,
    Range,
    Body,
    Date,
    NoticePosted,
    NoticeRemoved,
    Storage,
    /// Labels whose values are not used (*Underskrift*, *Ärendelista*).
    Ignore,
}

impl Field {
    /// A label over a signature: sekreterare, ordförande, justerare.
    pub(crate) fn signs(self) -> bool {
        matches!(self, Field::Secretary | Field::Chair | Field::Adjusters)
    }

    pub(crate) fn multi(self) -> bool {
        matches!(
            self,
            Field::Deciding
                | Field::ServingSubstitutes
                | Field::Substitutes
                | Field::Others
                | Field::Adjusters
                | Field::Signatures
                | Field::Ignore
        )
    }
}

/// How a flattened page (a whole PDF page on one line) treats a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// Not cut before: a label of laid-out covers only.
    No,
    /// Cut before.
    Yes,
    /// Cut before only with its colon ("Klockan: 09:00"): a § may begin a sentence with the
    /// word.
    Colon,
    /// Cut before with its colon, or before a first name ("Tjänstemän Anna-Lena Cederström
    /// regiondirektör …"): a § may begin a sentence with the word.
    ColonOrName,
    /// Cut before, and only a cover page or an attendance list has it: one is enough to read
    /// a flattened page as a cover.
    Strong,
    /// Cut before, but a page of § text repeats it in its running header: with no other label
    /// it makes no cover.
    Header,
    /// Cut before only when another label follows at once: a heading stacked over labels
    /// ("Justering Justerare Plats och tid"); a § may be titled with the word.
    OverLabel,
}

use Cut::{Colon, ColonOrName, Header, OverLabel, Strong, Yes};
use Field::*;

/// A label as protocols capitalise it; the field it opens on a laid-out cover (`None`: it only
/// cuts a flattened page); how a flattened page is cut before it. The order does not matter:
/// where one label begins another, the longer is tried first.
const TABLE: [(&str, Option<Field>, Cut); 119] = [
    ("Plats och tid för sammanträdet", Some(PlaceTime), Cut::No),
    ("Tid och plats för sammanträdet", Some(PlaceTime), Cut::No),
    ("Plats och sammanträdestid", Some(PlaceTime), Yes),
    ("Plats och tid", Some(PlaceTime), Strong),
    // "Plats" that lost its first letter, as "ande" lost "Beslut".
    ("lats och tid", Some(PlaceTime), Yes),
    ("Tid och plats", Some(PlaceTime), Yes),
    ("Dag och tid", Some(PlaceTime), Yes),
    ("Plats", Some(PlaceTime), Yes),
    // (Region Halland: "Plats Regionens Hus, … Sammanträdeslokal Borgsalen".)
    ("Sammanträdeslokal", Some(PlaceTime), Yes),
    ("Lokal", Some(PlaceTime), Yes),
    // (Region Västerbotten: "Sammanträdestid kl 09:00-12:30 Ajournering kl 10:45-11:30
    // Sammanträdesplats Tallen, Region Västerbotten, Umeå".)
    ("Sammanträdesplats", Some(PlaceTime), Yes),
    ("Sammanträdestid", Some(Time), Yes),
    // (Landstinget Västmanland: "Tidpunkt Onsdagen den 27 maj 2015".)
    ("Tidpunkt", Some(Time), Yes),
    // "Tid" and "Klockan" begin many a sentence of a §: in a flattened page they are labels
    // only before a time, or "Tid" before a date as the page's first label (unflatten's
    // `TIME_VALUE`, `DATE_VALUE`).
    ("Klockan", Some(Time), Colon),
    ("Tid", Some(Time), Yes),
    ("Sammanträdesdatum", Some(Date), Header),
    ("Sammanträdesdag", None, Header),
    ("Datum för sammanträdet", Some(Date), Cut::No),
    ("Datum", Some(Date), Colon),
    (
        "Plats och tid för justeringen",
        Some(AdjustmentPlaceTime),
        Cut::No,
    ),
    (
        "Plats och tid för justering",
        Some(AdjustmentPlaceTime),
        Yes,
    ),
    (
        "Tid och plats för justering",
        Some(AdjustmentPlaceTime),
        Cut::No,
    ),
    (
        "Justeringens plats och tid",
        Some(AdjustmentPlaceTime),
        Strong,
    ),
    ("Justeringens tid och plats", Some(AdjustmentPlaceTime), Yes),
    // (Osby writes the genitive short: "Justerare Justerings plats och tid".)
    ("Justerings plats och tid", Some(AdjustmentPlaceTime), Yes),
    ("Tid för justering", Some(AdjustmentPlaceTime), Cut::No),
    ("Datum för justering", Some(AdjustmentPlaceTime), Cut::No),
    // "Justeringsdag: Fredagen den 1 mars 2019 kl".
    ("Justeringsdag", Some(AdjustmentPlaceTime), Yes),
    ("Justeringsdatum", Some(AdjustmentPlaceTime), Yes),
    ("Beslutande ledamöter", Some(Deciding), Strong),
    // (Örnsköldsvik: the substitutes who serve, beside "Beslutande ledamöter".)
    ("Beslutande ersättare", Some(ServingSubstitutes), Strong),
    ("Beslutande", Some(Deciding), Strong),
    // (Enköping's fritidsnämnd writes "Beslutare".)
    ("Beslutare", Some(Deciding), Yes),
    // "Beslut" set in a font the extraction lost leaves "ande" before the names (unflatten
    // finds it by `LOST_DECIDING`).
    ("ande ledamöter", Some(Deciding), Cut::No),
    ("ande", Some(Deciding), Cut::No),
    ("Närvarande ledamöter", Some(Deciding), Yes),
    // (Landstinget Dalarna: "Plats och tid Landstingshuset, Falun, kl Ordinarie ledamöter
    // Tjänstgörande ersättare …".)
    ("Ordinarie ledamöter", Some(Deciding), Yes),
    ("Närvarande vid uppropet", Some(Deciding), Strong),
    ("Närvarande", Some(Deciding), Yes),
    ("Ledamöter", Some(Deciding), Yes),
    // A fullmäktige's chair and vice chairs ("Presidium Ledamöter och ersättare Ordförande: …").
    ("Presidium", Some(Deciding), Yes),
    ("Tjänstgörande ersättare", Some(ServingSubstitutes), Strong),
    // (One label over both lists: "Ej tjänstgörande ersättare och övriga närvarande".)
    (
        "Ej tjänstgörande ersättare och övriga närvarande",
        Some(Substitutes),
        Yes,
    ),
    ("Ej tjänstgörande ersättare", Some(Substitutes), Strong),
    // "2 PROTOKOLL 2(50) Närvarade, ej tjänstgörande ersättare: Magnus Larsson (MP), kl …":
    // the list continued on the next page under a label of its own.
    (
        "Närvarade, ej tjänstgörande ersättare",
        Some(Substitutes),
        Strong,
    ),
    ("Ej tjänstgörande", Some(Substitutes), Yes),
    ("Icke tjänstgörande ersättare", Some(Substitutes), Yes),
    ("Ej beslutande ersättare", Some(Substitutes), Cut::No),
    ("Ej beslutande", Some(Substitutes), Yes),
    ("Närvarande ersättare", Some(Substitutes), Yes),
    // ("Plats / Närvarande ledamöter / Närvarande ers / Övriga närvarande / Sekreterare
    // Föreläsningssalen, …": the substitutes' label cut short, stacked with the others.)
    ("Närvarande ers", Some(Substitutes), Cut::No),
    ("Passiva ersättare", Some(Substitutes), Yes),
    ("Ersättare", Some(Substitutes), Yes),
    ("Övriga närvarande tjänstepersoner", Some(Others), Cut::No),
    // "Övriga deltagande Enligt bifogade förteckning" on the cover, the list on page 2.
    ("Förteckning över övriga deltagande", Some(Others), Strong),
    ("Övriga närvarande", Some(Others), Strong),
    ("Övriga förtroendevalda", Some(Others), Cut::No),
    ("Övriga deltagande", Some(Others), Strong),
    ("Övriga deltagare", Some(Others), Yes),
    ("Övriga", Some(Others), Yes),
    ("Närvarande tjänstepersoner", Some(Others), Cut::No),
    ("Närvarande tjänstemän", Some(Others), Yes),
    ("Närvarande tjänsteman", Some(Others), Cut::No),
    // ("Tjänstemän: Stadsdirektör Jan-Inge Ahlfridh …", "Tjänstemän Anna-Lena Cederström
    // regiondirektör …")
    ("Tjänstepersoner", Some(Others), ColonOrName),
    ("Tjänstemän", Some(Others), ColonOrName),
    // Those given the right to be present (*närvarorätt*) are present as others, and so are
    // those *adjungerade* ("Adjungerade Jana Nilsson (S) Varbergs kommun").
    ("Närvarorätt", Some(Others), Yes),
    ("Adjungerade", Some(Others), Yes),
    // Those absent ("Ej närvarande, ordinarie/ersättare Daniel Ådin, ordförande (S) …",
    // "Beslutande Se bifogad närvarolista. Frånvarande är: Peter Egardt (s), …") are no
    // attendees.
    ("Ej närvarande", Some(Ignore), Yes),
    // ("… Ortman Hanna Kultur- och fritidsförvaltningen Anmält förhinder: Gunnlaugsdóttir
    // Helena HSO": those who sent word they could not come.)
    ("Anmält förhinder", Some(Ignore), ColonOrName),
    // (But "Frånvarande ledamöter och tjänstgörande ersättare Latifeh Amiri (M) ersätter
    // Margaretha Svegander (M) …": each absent member after the substitute serving for them.)
    (
        "Frånvarande ledamöter och tjänstgörande ersättare",
        Some(ServingSubstitutes),
        Yes,
    ),
    ("Frånvarande", Some(Ignore), Yes),
    ("Utses att justera", Some(Adjusters), Strong),
    // ("Utses att justera Ersättare för justerare Mikael Peterson Claes Wolinder": the one
    // chosen to justera should the justerare not, no justerare.)
    ("Ersättare för justerare", Some(Ignore), Yes),
    // (With "att" lost: "Utses justera Britt-Marie Nyhlén, ers Lilian Parbring".)
    ("Utses justera", Some(Adjusters), Yes),
    ("Utsedd att justera", Some(Adjusters), Yes),
    ("Utsedda att justera", Some(Adjusters), Yes),
    ("Justerare", Some(Adjusters), Yes),
    ("Justerande", Some(Adjusters), Yes),
    // "Sekreterare Jan Botö Röjås Justeras Marianne Dahlberg ordförande Ola Erlandsson".
    ("Justeras", Some(Adjusters), Yes),
    // ("Övriga närvarande Ersättare Tjänstemän Justering Justerare Plats och tid Malin Lauber
    // (S) …": the heading over the justering's labels, stacked with the lists'.)
    ("Justering", Some(Ignore), OverLabel),
    // ("Sekreterare Ann-Sofie Dejke Justerat Roger Kaliff Sven-Evert Arvidsson ordförande
    // Kerstin Edvinsson": the heading over the justerandes' signatures, which ends the
    // secretary's; its captions lost but one, who signed as what is not read from it.)
    ("Justerat", None, ColonOrName),
    ("Sekreterare", Some(Secretary), Yes),
    // (Sydnärkes IT-nämnd: "Justerare / Bo Rudolfsson / Nämndsekreterare / Magnus Stensson" on
    // lines of their own; not cut in a flattened page, where it is a title after a name.)
    ("Nämndsekreterare", Some(Secretary), Cut::No),
    ("Ordförande", Some(Chair), Yes),
    ("Underskrifter", Some(Signatures), Yes),
    ("Underskrift", Some(Ignore), Yes),
    // A web page's heading over the meeting's data ("Datum / Klockan / Plats /
    // Mötesinformation").
    ("Mötesinformation", Some(Ignore), Cut::No),
    // ("Anmärkning Ärendena behandlades i följande ordning: , , 363, …": a remark on the
    // cover's next page, no list of those present.)
    ("Anmärkning", Some(Ignore), Cut::No),
    // ("Ajournering 09:05-10:05", "Ajournering Under ajourneringen: Henrik Alexandersson från
    // Hälsokällan … informerar": the adjournments and what was said in them, no one present.)
    ("Ajournering", Some(Ignore), Cut::No),
    ("Ärendelista", Some(Ignore), Cut::No),
    ("Avser paragrafer", Some(Range), Yes),
    // ("Plats och tid Omfattning ande Ledamöter …", "Omfattning §§ 4-9": the §§ the protocol
    // holds.)
    ("Omfattning", Some(Range), Yes),
    ("Justerade paragrafer", Some(Range), Cut::No),
    ("Paragrafer", Some(Range), Header),
    ("Paragraf", Some(Range), Cut::No),
    ("Nämnd/styrelse", Some(Body), Cut::No),
    ("Beslutande organ", Some(Body), Cut::No),
    ("Organ", Some(Body), Yes),
    // The organ's label in some notice boxes ("… genom anslag Forum Omsorgsnämnden …",
    // "… Nämnd Kommunfullmäktige Datum då …"), only before a body's name.
    ("Forum", None, Yes),
    ("Nämnd", None, Yes),
    // ("Anslag/Bevis Protokoll är justerat Styrelse/Nämnd Kommunfullmäktige Datum för …".)
    ("Styrelse/Nämnd", None, Yes),
    ("Instans", None, Yes),
    ("ANSLAG/BEVIS", None, Yes),
    ("BEVIS OM ANSLAG", None, Yes),
    ("ANSLAGSBEVIS", None, Yes),
    // The notice's sentence in no box of its own, after the signers' names ("… Saida Hussein
    // Christer Holmgren Justeringen av protokollet har tillkännagivits genom anslag på Göteborgs
    // Stads anslagstavla, …"): the names it holds sign nothing.
    ("Justeringen av protokollet har tillkännagivits", None, Yes),
    ("Anslaget uppsatt", None, Yes),
    // ("Organ Sammanträdesdatum Anslag under tiden Förvaringsplats för protokollet …": the
    // notice's time, a label of its box.)
    ("Anslaget under tiden", None, Yes),
    ("Anslag under tiden", None, Yes),
    ("Datum då anslaget sätts upp", Some(NoticePosted), Yes),
    ("Datum för anslags uppsättande", Some(NoticePosted), Yes),
    ("Anslaget sätts upp", Some(NoticePosted), Cut::No),
    ("Datum då anslaget tas ned", Some(NoticeRemoved), Yes),
    ("Datum då anslaget tas ner", Some(NoticeRemoved), Cut::No),
    ("Datum för anslags nedtagande", Some(NoticeRemoved), Yes),
    ("Anslaget tas ned", Some(NoticeRemoved), Cut::No),
    ("Anslaget tas ner", Some(NoticeRemoved), Cut::No),
    ("Förvaringsplats för protokollet", Some(Storage), Yes),
    ("Förvaringsplats", Some(Storage), Cut::No),
];

/// The table, longest label first.
static BY_LENGTH: LazyLock<Vec<(&'static str, Option<Field>, Cut)>> = LazyLock::new(|| {
    let mut v = TABLE.to_vec();
    v.sort_by_key(|(l, _, _)| std::cmp::Reverse(l.chars().count()));
    v
});

/// The labels of a laid-out cover, in lower case, longest first, with the field each opens.
pub(crate) static COVER: LazyLock<Vec<(String, Field)>> = LazyLock::new(|| {
    BY_LENGTH
        .iter()
        .filter_map(|(l, f, _)| Some((l.to_lowercase(), (*f)?)))
        .collect()
});

/// The labels a flattened page is cut before, as written there ("Klockan:"), longest first.
pub(crate) static CUT: LazyLock<Vec<String>> = LazyLock::new(|| {
    BY_LENGTH
        .iter()
        .filter_map(|&(l, _, cut)| match cut {
            Cut::No => None,
            Colon => Some(format!("{l}:")),
            Yes | Strong | Header | ColonOrName | OverLabel => Some(l.to_string()),
        })
        .collect()
});

fn cut_of(label: &str) -> Option<Cut> {
    TABLE
        .iter()
        .find(|(l, _, _)| *l == label)
        .map(|(_, _, c)| *c)
}

/// The field a label (as the table writes it) opens.
pub(crate) fn field_of(label: &str) -> Option<Field> {
    TABLE
        .iter()
        .find(|(l, _, _)| *l == label)
        .and_then(|(_, f, _)| *f)
}

/// A label that only a cover page or an attendance list has.
pub(crate) fn is_strong(label: &str) -> bool {
    cut_of(label) == Some(Strong)
}

/// A label cut before only with its colon or before a first name.
pub(crate) fn needs_colon_or_name(label: &str) -> bool {
    cut_of(label) == Some(ColonOrName)
}

/// A label cut before only when another label follows at once.
pub(crate) fn needs_label_after(label: &str) -> bool {
    cut_of(label) == Some(OverLabel)
}

/// A heading over labels, in small letters as the cover's table holds it: a label only on a
/// line of its own ("Justering", not "Justering och sekreterare").
pub(crate) fn heads_labels(lower: &str) -> bool {
    TABLE
        .iter()
        .any(|(l, _, c)| *c == OverLabel && l.to_lowercase() == lower)
}

/// A label that a page of § text repeats in its running header.
pub(crate) fn is_running_header(label: &str) -> bool {
    cut_of(label) == Some(Header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_label_once() {
        let mut seen: Vec<String> = TABLE.iter().map(|(l, _, _)| l.to_lowercase()).collect();
        seen.sort();
        let n = seen.len();
        seen.dedup();
        assert_eq!(seen.len(), n, "a label stands twice in the table");
    }

    #[test]
    fn the_longer_label_first() {
        let cut = &*CUT;
        let at = |l: &str| cut.iter().position(|c| *c == l).unwrap();
        assert!(at("Plats och tid för justering") < at("Plats och tid"));
        assert!(at("Närvarande tjänstemän") < at("Närvarande"));
        assert!(cut.iter().any(|c| c == "Klockan:") && !cut.iter().any(|c| c == "Klockan"));
        let cover = &*COVER;
        let at = |l: &str| cover.iter().position(|(c, _)| c == l).unwrap();
        assert!(at("ej tjänstgörande ersättare") < at("ej tjänstgörande"));
        assert!(!cover.iter().any(|(c, _)| c == "forum"));
        assert!(is_strong("Plats och tid") && !is_strong("Plats"));
        assert!(is_running_header("Paragrafer"));
    }
}
