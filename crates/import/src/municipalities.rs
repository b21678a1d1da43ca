//! Sweden's 290 municipalities (*kommuner*) and 21 regions, by the short names lists of
//! members write after a name ("Jerry Elvin (S) Lindesberg", "(S), Region Dalarna Kjell
//! Midér"): where a member's affiliation ends and the next name begins.

/// The municipalities' short names, as SCB lists them (2024), in its order of codes.
const MUNICIPALITIES: [&str; 290] = [
    "Upplands Väsby",
    "Vallentuna",
    "Österåker",
    "Värmdö",
    "Järfälla",
    "Ekerö",
    "Huddinge",
    "Botkyrka",
    "Salem",
    "Haninge",
    "Tyresö",
    "Upplands-Bro",
    "Nykvarn",
    "Täby",
    "Danderyd",
    "Sollentuna",
    "Stockholm",
    "Södertälje",
    "Nacka",
    "Sundbyberg",
    "Solna",
    "Lidingö",
    "Vaxholm",
    "Norrtälje",
    "Sigtuna",
    "Nynäshamn",
    "Håbo",
    "Älvkarleby",
    "Knivsta",
    "Heby",
    "Tierp",
    "Uppsala",
    "Enköping",
    "Östhammar",
    "Vingåker",
    "Gnesta",
    "Nyköping",
    "Oxelösund",
    "Flen",
    "Katrineholm",
    "Eskilstuna",
    "Strängnäs",
    "Trosa",
    "Ödeshög",
    "Ydre",
    "Kinda",
    "Boxholm",
    "Åtvidaberg",
    "Finspång",
    "Valdemarsvik",
    "Linköping",
    "Norrköping",
    "Söderköping",
    "Motala",
    "Vadstena",
    "Mjölby",
    "Aneby",
    "Gnosjö",
    "Mullsjö",
    "Habo",
    "Gislaved",
    "Vaggeryd",
    "Jönköping",
    "Nässjö",
    "Värnamo",
    "Sävsjö",
    "Vetlanda",
    "Eksjö",
    "Tranås",
    "Uppvidinge",
    "Lessebo",
    "Tingsryd",
    "Alvesta",
    "Älmhult",
    "Markaryd",
    "Växjö",
    "Ljungby",
    "Högsby",
    "Torsås",
    "Mörbylånga",
    "Hultsfred",
    "Mönsterås",
    "Emmaboda",
    "Kalmar",
    "Nybro",
    "Oskarshamn",
    "Västervik",
    "Vimmerby",
    "Borgholm",
    "Gotland",
    "Olofström",
    "Karlskrona",
    "Ronneby",
    "Karlshamn",
    "Sölvesborg",
    "Svalöv",
    "Staffanstorp",
    "Burlöv",
    "Vellinge",
    "Östra Göinge",
    "Örkelljunga",
    "Bjuv",
    "Kävlinge",
    "Lomma",
    "Svedala",
    "Skurup",
    "Sjöbo",
    "Hörby",
    "Höör",
    "Tomelilla",
    "Bromölla",
    "Osby",
    "Perstorp",
    "Klippan",
    "Åstorp",
    "Båstad",
    "Malmö",
    "Lund",
    "Landskrona",
    "Helsingborg",
    "Höganäs",
    "Eslöv",
    "Ystad",
    "Trelleborg",
    "Kristianstad",
    "Simrishamn",
    "Ängelholm",
    "Hässleholm",
    "Hylte",
    "Halmstad",
    "Laholm",
    "Falkenberg",
    "Varberg",
    "Kungsbacka",
    "Härryda",
    "Partille",
    "Öckerö",
    "Stenungsund",
    "Tjörn",
    "Orust",
    "Sotenäs",
    "Munkedal",
    "Tanum",
    "Dals-Ed",
    "Färgelanda",
    "Ale",
    "Lerum",
    "Vårgårda",
    "Bollebygd",
    "Grästorp",
    "Essunga",
    "Karlsborg",
    "Gullspång",
    "Tranemo",
    "Bengtsfors",
    "Mellerud",
    "Lilla Edet",
    "Mark",
    "Svenljunga",
    "Herrljunga",
    "Vara",
    "Götene",
    "Tibro",
    "Töreboda",
    "Göteborg",
    "Mölndal",
    "Kungälv",
    "Lysekil",
    "Uddevalla",
    "Strömstad",
    "Vänersborg",
    "Trollhättan",
    "Alingsås",
    "Borås",
    "Ulricehamn",
    "Åmål",
    "Mariestad",
    "Lidköping",
    "Skara",
    "Skövde",
    "Hjo",
    "Tidaholm",
    "Falköping",
    "Kil",
    "Eda",
    "Torsby",
    "Storfors",
    "Hammarö",
    "Munkfors",
    "Forshaga",
    "Grums",
    "Årjäng",
    "Sunne",
    "Karlstad",
    "Kristinehamn",
    "Filipstad",
    "Hagfors",
    "Arvika",
    "Säffle",
    "Lekeberg",
    "Laxå",
    "Hallsberg",
    "Degerfors",
    "Hällefors",
    "Ljusnarsberg",
    "Örebro",
    "Kumla",
    "Askersund",
    "Karlskoga",
    "Nora",
    "Lindesberg",
    "Skinnskatteberg",
    "Surahammar",
    "Kungsör",
    "Hallstahammar",
    "Norberg",
    "Västerås",
    "Sala",
    "Fagersta",
    "Köping",
    "Arboga",
    "Vansbro",
    "Malung-Sälen",
    "Gagnef",
    "Leksand",
    "Rättvik",
    "Orsa",
    "Älvdalen",
    "Smedjebacken",
    "Mora",
    "Falun",
    "Borlänge",
    "Säter",
    "Hedemora",
    "Avesta",
    "Ludvika",
    "Ockelbo",
    "Hofors",
    "Ovanåker",
    "Nordanstig",
    "Ljusdal",
    "Gävle",
    "Sandviken",
    "Söderhamn",
    "Bollnäs",
    "Hudiksvall",
    "Ånge",
    "Timrå",
    "Härnösand",
    "Sundsvall",
    "Kramfors",
    "Sollefteå",
    "Örnsköldsvik",
    "Ragunda",
    "Bräcke",
    "Krokom",
    "Strömsund",
    "Åre",
    "Berg",
    "Härjedalen",
    "Östersund",
    "Nordmaling",
    "Bjurholm",
    "Vindeln",
    "Robertsfors",
    "Norsjö",
    "Malå",
    "Storuman",
    "Sorsele",
    "Dorotea",
    "Vännäs",
    "Vilhelmina",
    "Åsele",
    "Umeå",
    "Lycksele",
    "Skellefteå",
    "Arvidsjaur",
    "Arjeplog",
    "Jokkmokk",
    "Överkalix",
    "Kalix",
    "Övertorneå",
    "Pajala",
    "Gällivare",
    "Älvsbyn",
    "Luleå",
    "Piteå",
    "Boden",
    "Haparanda",
    "Kiruna",
];

/// The regions' names after "Region" ("Region Dalarna", "Region Jämtland Härjedalen"),
/// and the one that is called a region without the word.
const REGIONS: [&str; 21] = [
    "Stockholm",
    "Uppsala",
    "Sörmland",
    "Östergötland",
    "Jönköpings län",
    "Kronoberg",
    "Kalmar län",
    "Gotland",
    "Blekinge",
    "Skåne",
    "Halland",
    "Västra Götalandsregionen",
    "Värmland",
    "Örebro län",
    "Västmanland",
    "Dalarna",
    "Gävleborg",
    "Västernorrland",
    "Jämtland Härjedalen",
    "Västerbotten",
    "Norrbotten",
];

/// How many of the words from `words[0]` name a municipality or a region: "Lindesberg",
/// "Lilla Edet", "Region Dalarna", "Västra Götalandsregionen", "Jämtland Härjedalen" after
/// "Region"; 0 when they name none. The words may end in a comma.
pub(crate) fn place_words(words: &[&str]) -> usize {
    let bare = |k: usize| words.get(k).map(|w| w.trim_end_matches(','));
    let matches_at = |from: usize, name: &str| {
        let parts: Vec<&str> = name.split(' ').collect();
        parts
            .iter()
            .enumerate()
            .all(|(k, p)| bare(from + k) == Some(*p))
            .then_some(parts.len())
    };
    if bare(0) == Some("Region") {
        if let Some(n) = REGIONS.iter().find_map(|r| matches_at(1, r)) {
            return n + 1;
        }
    }
    if let Some(n) = matches_at(0, "Västra Götalandsregionen") {
        return n;
    }
    // (Looked up by the first word: a list of names is read word by word, and this is asked
    // of most of its words.)
    bare(0)
        .and_then(|w| BY_FIRST_WORD.get(w))
        .and_then(|names| names.iter().filter_map(|m| matches_at(0, m)).max())
        .unwrap_or(0)
}

/// The municipalities by the first word of their names ("Lilla" → "Lilla Edet").
static BY_FIRST_WORD: std::sync::LazyLock<
    std::collections::HashMap<&'static str, Vec<&'static str>>,
> = std::sync::LazyLock::new(|| {
    let mut map: std::collections::HashMap<&'static str, Vec<&'static str>> =
        std::collections::HashMap::new();
    for m in MUNICIPALITIES {
        let first = m.split(' ').next().unwrap_or(m);
        map.entry(first).or_default().push(m);
    }
    map
});

/// How many of the words from `words[0]` name a region without the word "Region"
/// ("Dalarna", "Jämtland Härjedalen", "Kalmar län"); 0 when they name none.
pub(crate) fn region_words(words: &[&str]) -> usize {
    REGIONS
        .iter()
        .filter_map(|r| {
            let parts: Vec<&str> = r.split(' ').collect();
            (words.len() >= parts.len() && words[..parts.len()] == parts[..]).then_some(parts.len())
        })
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::place_words;

    #[test]
    fn municipalities_and_regions() {
        assert_eq!(place_words(&["Lindesberg", "Jerry", "Elvin"]), 1);
        assert_eq!(place_words(&["Lilla", "Edet", "Bo"]), 2);
        assert_eq!(place_words(&["Region", "Dalarna", "Kjell"]), 2);
        assert_eq!(place_words(&["Region", "Jämtland", "Härjedalen"]), 3);
        assert_eq!(place_words(&["Mölndal,"]), 1);
        assert_eq!(place_words(&["Lilla", "Bo"]), 0);
        assert_eq!(place_words(&["Region"]), 0);
        assert_eq!(place_words(&["Kjell", "Midér"]), 0);
        assert_eq!(place_words(&[]), 0);
    }
}
