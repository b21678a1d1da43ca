//! Insatskatalogen: the configurable catalogue of types of service (insatser), each tied to
//! the law it is granted under. Reports typed by hand spell the same type in many ways
//! ("SoL- psykiatriboende", "Äldreboende– servicelägenhet", "LSS daglig verksamhet"); every
//! spelling maps to one entry through [`normalise`].

use serde::{Deserialize, Serialize};

/// The law a favourable decision is made under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Law {
    /// Socialtjänstlagen, 4 kap. 1 § (reported under 16 kap. 6 f §).
    #[serde(rename = "SoL")]
    SoL,
    /// Lagen om stöd och service till vissa funktionshindrade, 9 § (reported under 28 f §).
    #[serde(rename = "LSS")]
    Lss,
}

impl Law {
    /// The abbreviation as written in Swedish ("SoL", "LSS").
    pub fn short(self) -> &'static str {
        match self {
            Law::SoL => "SoL",
            Law::Lss => "LSS",
        }
    }

    /// The provision a favourable decision is made under.
    pub fn provision(self) -> &'static str {
        match self {
            Law::SoL => "4 kap. 1 § SoL",
            Law::Lss => "9 § LSS",
        }
    }
}

/// Insats: one type of service in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceType {
    /// The name reports use, such as "LSS – kontaktperson".
    pub name: String,
    /// The law it is granted under.
    pub law: Law,
    /// Other spellings that mean this type.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Errors of a catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    /// A name or alias is empty.
    #[error("insatskatalogen har ett tomt namn")]
    Empty,
    /// Two entries claim the same spelling.
    #[error("stavningen ”{0}” hör till mer än en insats i katalogen")]
    Ambiguous(String),
}

/// Insatskatalogen: the types of service, in the order reports list them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<ServiceType>", into = "Vec<ServiceType>")]
pub struct Catalogue {
    entries: Vec<ServiceType>,
    /// (normalised spelling, index into `entries`), sorted for binary search.
    keys: Vec<(String, usize)>,
}

/// The key a spelling is looked up by: lower case, every run of characters that are not
/// letters or digits (spaces, hyphens, en and em dashes, minus signs, tabs) made one space.
/// "SoL- psykiatriboende", "SoL – psykiatriboende" and "sol psykiatriboende" are one key.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

impl Catalogue {
    /// A catalogue of `entries`, in report order; every name and alias must be non-empty
    /// and belong to one entry only.
    pub fn new(entries: Vec<ServiceType>) -> Result<Catalogue, CatalogueError> {
        let mut keys = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for spelling in std::iter::once(&e.name).chain(&e.aliases) {
                let key = normalise(spelling);
                if key.is_empty() {
                    return Err(CatalogueError::Empty);
                }
                keys.push((key, i));
            }
        }
        keys.sort();
        keys.dedup();
        for w in keys.windows(2) {
            if w[0].0 == w[1].0 {
                return Err(CatalogueError::Ambiguous(w[0].0.clone()));
            }
        }
        Ok(Catalogue { entries, keys })
    }

    /// The catalogue built from every type of service in seed 004 (Vård- och
    /// omsorgsnämnden, §§ 14–15), in the order its reports list them.
    pub fn default_catalogue() -> Catalogue {
        let e = |name: &str, law, aliases: &[&str]| ServiceType {
            name: name.to_string(),
            law,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        let entries = vec![
            e("SoL – kontaktperson", Law::SoL, &[]),
            e("LSS – kontaktperson", Law::Lss, &[]),
            e(
                "SoL – servicelägenhet psykiatri",
                Law::SoL,
                &["Servicelägenhet psykiatri"],
            ),
            e("Äldreboende – demens", Law::SoL, &["Demensboende"]),
            e("LSS – avlösarservice", Law::Lss, &["Avlösarservice"]),
            e("Äldreboende – servicelägenhet", Law::SoL, &[]),
            e("SoL – psykiatriboende", Law::SoL, &["Psykiatriboende"]),
            e("Äldreboende", Law::SoL, &["SoL – äldreboende"]),
            e("LSS – daglig verksamhet", Law::Lss, &["Daglig verksamhet"]),
        ];
        // The names and aliases above are distinct, so this cannot fail.
        Catalogue::new(entries).unwrap_or_else(|_| Catalogue {
            entries: Vec::new(),
            keys: Vec::new(),
        })
    }

    /// The entries, in report order.
    pub fn entries(&self) -> &[ServiceType] {
        &self.entries
    }

    /// The position of the entry `text` spells, if any.
    pub fn index_of(&self, text: &str) -> Option<usize> {
        let key = normalise(text);
        self.keys
            .binary_search_by(|(k, _)| k.as_str().cmp(key.as_str()))
            .ok()
            .map(|i| self.keys[i].1)
    }

    /// The entry `text` spells, if any.
    pub fn resolve(&self, text: &str) -> Option<&ServiceType> {
        self.index_of(text).map(|i| &self.entries[i])
    }

    /// The entry named exactly `name` (a canonical name, as stored in a decision).
    pub fn by_name(&self, name: &str) -> Option<&ServiceType> {
        self.entries.iter().find(|e| e.name == name)
    }
}

impl Default for Catalogue {
    fn default() -> Self {
        Catalogue::default_catalogue()
    }
}

impl TryFrom<Vec<ServiceType>> for Catalogue {
    type Error = CatalogueError;
    fn try_from(v: Vec<ServiceType>) -> Result<Self, Self::Error> {
        Catalogue::new(v)
    }
}

impl From<Catalogue> for Vec<ServiceType> {
    fn from(c: Catalogue) -> Self {
        c.entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_seed_004_maps_to_one_entry() {
        let c = Catalogue::default_catalogue();
        assert_eq!(c.entries().len(), 9);
        for (spelling, name) in [
            ("SoL- psykiatriboende", "SoL – psykiatriboende"),
            ("SoL - psykiatriboende", "SoL – psykiatriboende"),
            (
                "Äldreboende– servicelägenhet",
                "Äldreboende – servicelägenhet",
            ),
            (
                "Äldreboende- servicelägenhet",
                "Äldreboende – servicelägenhet",
            ),
            (
                "Äldreboende - servicelägenhet",
                "Äldreboende – servicelägenhet",
            ),
            ("Äldreboende- demens", "Äldreboende – demens"),
            ("LSS daglig verksamhet", "LSS – daglig verksamhet"),
            ("LSS – avlösarservice", "LSS – avlösarservice"),
            ("SoL - kontaktperson", "SoL – kontaktperson"),
            ("  lss\t–\tkontaktperson ", "LSS – kontaktperson"),
            ("Äldreboende", "Äldreboende"),
        ] {
            assert_eq!(
                c.resolve(spelling).map(|e| e.name.as_str()),
                Some(name),
                "{spelling}"
            );
        }
        assert_eq!(
            c.resolve("LSS – kontaktperson").map(|e| e.law),
            Some(Law::Lss)
        );
        assert!(c.resolve("Hemtjänst").is_none());
        assert!(c.resolve("").is_none());
        // A prefix is not a match: "Äldreboende" is its own type.
        assert_ne!(
            c.index_of("Äldreboende"),
            c.index_of("Äldreboende – demens")
        );
    }

    #[test]
    fn a_spelling_may_belong_to_one_entry_only() {
        let e = |n: &str| ServiceType {
            name: n.into(),
            law: Law::SoL,
            aliases: vec![],
        };
        assert_eq!(
            Catalogue::new(vec![e("SoL – boende"), e("SoL-boende")]),
            Err(CatalogueError::Ambiguous("sol boende".into()))
        );
        assert_eq!(Catalogue::new(vec![e(" – ")]), Err(CatalogueError::Empty));
    }

    #[test]
    fn a_catalogue_round_trips_through_serde() {
        let c = Catalogue::default_catalogue();
        let json = serde_json::to_string(&c).expect("json");
        let back: Catalogue = serde_json::from_str(&json).expect("back");
        assert_eq!(back, c);
    }
}
