//! Kommunens inställningar: name, organisationsnummer, logotyp, diarienummer patterns (one
//! for the installation and one per series that numbers its own way), the public address,
//! the förvaringsplats the anslag form proposes and the e-mail sender. An administrator
//! changes them on the web while the server runs; they are kept in `paragraf.toml` (so
//! that a backup carries them and an operator can read them), written whole or not at all,
//! and every change is in the audit log with what it was before.

use paragraf_core::dnr::DnrPattern;
use paragraf_core::org::{Municipality, OrgNr};
use serde::Serialize;

use crate::{DataDir, Error, Result};

/// The logo's file in the data directory.
pub const LOGO_FILE: &str = "logo.png";
/// The largest logo accepted.
pub const LOGO_MAX_BYTES: usize = 512 * 1024;

/// What an administrator sees and changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// Kommunens namn.
    pub name: String,
    /// Organisationsnummer.
    pub org_nr: Option<String>,
    /// Diarienummer pattern of the installation.
    pub dnr_pattern: String,
    /// Series of new cases when none is named.
    pub default_series: Option<String>,
    /// Series with a pattern of their own, `(series, pattern)`.
    pub series_patterns: Vec<(String, String)>,
    /// The public address, such as "https://paragraf.hagfors.se".
    pub public_url: Option<String>,
    /// Förvaringsplats för protokollen.
    pub storage_place: Option<String>,
    /// E-postavsändare.
    pub mail_from: Option<String>,
}

fn filled(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The settings in force.
pub fn settings(dir: &DataDir) -> Settings {
    let c = dir.config();
    Settings {
        name: c.municipality.name.clone(),
        org_nr: c.municipality.org_nr.clone(),
        dnr_pattern: c.registry.dnr_pattern.clone(),
        default_series: c.registry.default_series.clone(),
        series_patterns: c
            .registry
            .series_patterns
            .iter()
            .map(|(s, p)| (s.clone(), p.clone()))
            .collect(),
        public_url: c.server.public_url.clone(),
        storage_place: c.municipality.storage_place.clone(),
        mail_from: c.municipality.mail_from.clone(),
    }
}

/// Reads series patterns written one a line as `SERIE = mönster` (blank lines skipped);
/// a bad line is named by its number.
pub fn parse_series_patterns(text: &str) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some((series, pattern)) = line.split_once('=') else {
            return Err(Error::field(
                "series_patterns",
                format!(
                    "rad {}: skriv serien, ett likhetstecken och mönstret, t.ex. ”SN = {{series}} {{year}}/{{seq}}”",
                    i + 1
                ),
            ));
        };
        let (series, pattern) = (series.trim(), pattern.trim());
        if series.is_empty() || series.contains(char::is_whitespace) {
            return Err(Error::field(
                "series_patterns",
                format!(
                    "rad {}: serien ”{series}” ska vara ett ord, t.ex. SN",
                    i + 1
                ),
            ));
        }
        if out.iter().any(|(s, _)| s == series) {
            return Err(Error::field(
                "series_patterns",
                format!("rad {}: serien {series} står två gånger", i + 1),
            ));
        }
        if let Err(e) = DnrPattern::new(pattern) {
            return Err(Error::field(
                "series_patterns",
                format!("rad {} ({series}): {e}", i + 1),
            ));
        }
        out.push((series.to_string(), pattern.to_string()));
    }
    Ok(out)
}

/// Changes the settings: each value checked (a bad one named by its field), then written
/// and put in force at once, the municipality's name and number also where minutes are
/// made, and the change recorded in the audit log with its before and after.
pub fn update(dir: &DataDir, actor: &str, new: Settings) -> Result<Settings> {
    let name = new.name.trim().to_string();
    let org_nr = filled(new.org_nr);
    let org = org_nr
        .as_deref()
        .map(OrgNr::parse)
        .transpose()
        .map_err(|e| Error::field("org_nr", e.to_string()))?;
    let municipality =
        Municipality::new(&name, org).map_err(|e| Error::field("name", e.to_string()))?;
    let dnr_pattern = new.dnr_pattern.trim().to_string();
    let pattern =
        DnrPattern::new(&dnr_pattern).map_err(|e| Error::field("dnr_pattern", e.to_string()))?;
    let default_series = filled(new.default_series);
    if pattern.has_series() && default_series.is_none() {
        return Err(Error::field(
            "default_series",
            format!("ange en diarieserie: mönstret {pattern} har en serie"),
        ));
    }
    for (series, p) in &new.series_patterns {
        let p = DnrPattern::new(p)
            .map_err(|e| Error::field("series_patterns", format!("{series}: {e}")))?;
        if !p.has_series() {
            return Err(Error::field(
                "series_patterns",
                format!("{series}: mönstret {p} ska innehålla {{series}}"),
            ));
        }
    }
    let public_url = filled(new.public_url);
    if let Some(u) = &public_url {
        if !crate::datadir::is_web_address(u) {
            return Err(Error::field(
                "public_url",
                "adressen ska börja med https:// (eller http://)",
            ));
        }
    } else if dir.config().sso.is_some() {
        return Err(Error::field(
            "public_url",
            "inloggning via identitetsleverantör kräver den publika adressen",
        ));
    }
    let mail_from = filled(new.mail_from);
    if let Some(m) = &mail_from {
        if !crate::datadir::is_mail_address(m) {
            return Err(Error::field(
                "mail_from",
                format!("”{m}” är ingen e-postadress"),
            ));
        }
    }
    let storage_place = filled(new.storage_place);
    let (before, after) = dir
        .change_config(|c| {
            c.municipality.name = name;
            c.municipality.org_nr = org_nr;
            c.municipality.storage_place = storage_place;
            c.municipality.mail_from = mail_from;
            c.registry.dnr_pattern = dnr_pattern;
            c.registry.default_series = default_series;
            c.registry.series_patterns = new.series_patterns.into_iter().collect();
            c.server.public_url = public_url;
        })
        .map_err(|e| Error::Internal(format!("{e:#}")))?;
    dir.store.set_municipality(&municipality)?;
    crate::accounts::record(
        dir,
        actor,
        "ändra",
        "inställningar",
        0,
        serde_json::to_value(before.for_the_log()).ok(),
        serde_json::to_value(after.for_the_log()).ok(),
    );
    Ok(settings(dir))
}

/// The logo, if one has been given (PNG).
pub fn logo(dir: &DataDir) -> Option<Vec<u8>> {
    std::fs::read(dir.path.join(LOGO_FILE)).ok()
}

/// Gives the municipality a logo: a PNG of at most 512 kB (checked by its signature, not
/// its name), shown on the public pages.
pub fn set_logo(dir: &DataDir, actor: &str, bytes: &[u8]) -> Result<()> {
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err(Error::field("logo", "logotypen ska vara en PNG-bild"));
    }
    if bytes.len() > LOGO_MAX_BYTES {
        return Err(Error::field(
            "logo",
            format!(
                "logotypen är {} kB; den får vara högst {} kB",
                bytes.len() / 1024,
                LOGO_MAX_BYTES / 1024
            ),
        ));
    }
    let tmp = dir.path.join(format!("{LOGO_FILE}.tmp"));
    crate::datadir::write_private(&tmp, bytes)?;
    std::fs::rename(&tmp, dir.path.join(LOGO_FILE))
        .map_err(|e| Error::Internal(format!("kunde inte spara logotypen: {e}")))?;
    crate::accounts::record(
        dir,
        actor,
        "ändra",
        "logotyp",
        0,
        None,
        Some(serde_json::json!({ "bytes": bytes.len() })),
    );
    Ok(())
}
