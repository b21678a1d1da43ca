//! Sigillnycklar: the ed25519 keys that seal adjusted minutes.
//!
//! * **Public**, in the data directory: `keys/sigill.json`, the key list with each key's
//!   validity (published at `/api/v1/keys`), and `keys/sigill.pub`, the key in force (hex,
//!   published at `/sigill.pub`).
//! * **Private**, in the key directory *outside* the data directory ([`key_dir`]):
//!   `sigill-<the public key's first 16 hex digits>.key`, mode 0600. A copy of the data
//!   directory (a backup, a test restore) is therefore no copy of the key.
//!
//! `paragraf key rotate` ([`rotate`]) retires the key in force and starts a new one; a seal
//! holds when its key is on the list and was not retired before the seal was made
//! ([`accepted`]). Installations from before the key list kept the private key in
//! `keys/sigill.key` inside the data directory: it is moved to the key directory on first
//! use ([`load_or_create`]).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use chrono::{DateTime, FixedOffset};
use ed25519_dalek::SigningKey;
use paragraf_core::seal::to_hex;
use serde::{Deserialize, Serialize};

use crate::DataDir;

/// The key list, relative to the data directory.
pub const KEY_LIST: &str = "keys/sigill.json";
/// The key in force (hex), relative to the data directory.
pub const PUBLIC_KEY: &str = "keys/sigill.pub";
/// Where installations before the key list kept the private key (inside the data directory).
pub const LEGACY_PRIVATE_KEY: &str = "keys/sigill.key";

/// One published seal key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedKey {
    /// The public key, hex.
    pub public_key: String,
    /// Its fingerprint, as the documents print it.
    pub fingerprint: String,
    /// When it was made (`None`: in force since before the key list).
    pub valid_from: Option<DateTime<FixedOffset>>,
    /// When it was retired (`None`: in force).
    pub valid_until: Option<DateTime<FixedOffset>>,
}

impl PublishedKey {
    fn new(public_key: String, valid_from: Option<DateTime<FixedOffset>>) -> Self {
        PublishedKey {
            fingerprint: paragraf_core::seal::fingerprint(&public_key),
            public_key,
            valid_from,
            valid_until: None,
        }
    }
}

/// Whether a seal made with `public_key` at `sealed_at` holds by `keys`: the key is on the
/// list and had not been retired by then. (A key's start does not bound it: protocols
/// imported after a rotation are sealed by the new key with their historical dates.)
pub fn accepted(keys: &[PublishedKey], public_key: &str, sealed_at: DateTime<FixedOffset>) -> bool {
    keys.iter().any(|k| {
        k.public_key.eq_ignore_ascii_case(public_key) && k.valid_until.is_none_or(|u| sealed_at < u)
    })
}

/// The key directory: `[nycklar] katalog` in `paragraf.toml`, else `<datakatalog>.nycklar`
/// beside the data directory. Refused when it lies inside the data directory.
pub fn key_dir(dir: &DataDir) -> Result<PathBuf> {
    let data = std::path::absolute(&dir.path).unwrap_or_else(|_| dir.path.clone());
    let keys = match &dir.config().nycklar {
        Some(c) => std::path::absolute(&c.katalog).unwrap_or_else(|_| c.katalog.clone()),
        None => {
            let name = data
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "paragraf".into());
            data.with_file_name(format!("{name}.nycklar"))
        }
    };
    if keys.starts_with(&data) {
        bail!(
            "[nycklar] katalog = {} ligger i datakatalogen; nycklarna ska hållas utanför den",
            keys.display()
        );
    }
    Ok(keys)
}

fn private_file(keys: &Path, public_hex: &str) -> PathBuf {
    keys.join(format!(
        "sigill-{}.key",
        &public_hex[..16.min(public_hex.len())]
    ))
}

/// The key list as published; a list made of `keys/sigill.pub` alone for installations
/// from before the list; empty when there is no key yet.
pub fn list(data: &Path) -> Result<Vec<PublishedKey>> {
    let path = data.join(KEY_LIST);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let keys: Vec<PublishedKey> = serde_json::from_str(&text)
                .with_context(|| format!("nyckellistan {} är skadad", path.display()))?;
            for k in &keys {
                check_hex(&k.public_key)
                    .with_context(|| format!("nyckellistan {} är skadad", path.display()))?;
            }
            Ok(keys)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(published(data)?
            .map(|k| vec![PublishedKey::new(k, None)])
            .unwrap_or_default()),
        Err(e) => Err(e).with_context(|| format!("kunde inte läsa {}", path.display())),
    }
}

/// The key in force (hex), read without creating anything: `None` when the installation has
/// no seal key yet.
pub fn published(data: &Path) -> Result<Option<String>> {
    let path = data.join(PUBLIC_KEY);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let hex = text.trim().to_string();
            check_hex(&hex).with_context(|| {
                format!("den publicerade sigillnyckeln {} är skadad", path.display())
            })?;
            Ok(Some(hex))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("kunde inte läsa {}", path.display())),
    }
}

/// The seal key in force, made (from the operating system's randomness) on first use. A
/// private key left inside the data directory by an older version is moved to the key
/// directory first. When the list names a key whose private half is not in the key
/// directory, nothing is sealed: the key directory must be restored (or a new key started
/// with `paragraf key rotate`).
pub fn load_or_create(dir: &DataDir) -> Result<SigningKey> {
    let keys = key_dir(dir)?;
    migrate_legacy(&dir.path, &keys)?;
    match published(&dir.path)? {
        Some(public) => {
            let file = private_file(&keys, &public);
            if !file.exists() {
                bail!(
                    "sigillnyckeln {} saknas i nyckelkatalogen {}: återställ nyckelkatalogen \
                     (den ingår inte i säkerhetskopian av datakatalogen) eller börja en ny nyckel \
                     med `paragraf key rotate`",
                    paragraf_core::seal::fingerprint(&public),
                    keys.display()
                );
            }
            let key = read_private(&file)?;
            if public_hex(&key) != public {
                bail!(
                    "sigillnyckeln {} hör inte till den publicerade nyckeln",
                    file.display()
                );
            }
            if !dir.path.join(KEY_LIST).exists() {
                write_list(&dir.path, &list(&dir.path)?)?;
            }
            Ok(key)
        }
        None => {
            let key = new_key(&keys)?;
            let public = public_hex(&key);
            write_list(
                &dir.path,
                &[PublishedKey::new(public.clone(), Some(crate::clock::now()))],
            )?;
            write_public(&dir.path, &public)?;
            Ok(key)
        }
    }
}

/// Whether the private half of the key in force is in the key directory (or still in the
/// data directory, where an older version left it).
pub fn private_present(dir: &DataDir) -> Result<bool> {
    if dir.path.join(LEGACY_PRIVATE_KEY).exists() {
        return Ok(true);
    }
    Ok(match published(&dir.path)? {
        Some(public) => private_file(&key_dir(dir)?, &public).exists(),
        None => false,
    })
}

/// Retires the key in force (at now) and starts a new one; returns the new list. Seals made
/// before now still verify against the retired key.
pub fn rotate(dir: &DataDir) -> Result<Vec<PublishedKey>> {
    let keys = key_dir(dir)?;
    migrate_legacy(&dir.path, &keys)?;
    // Rounded up to the second: a seal made with the old key before the rotation is before
    // its end.
    let now = whole_second(crate::clock::now()) + chrono::Duration::seconds(1);
    let mut list = list(&dir.path)?;
    for k in list.iter_mut().filter(|k| k.valid_until.is_none()) {
        k.valid_until = Some(now);
    }
    let key = new_key(&keys)?;
    let public = public_hex(&key);
    list.push(PublishedKey::new(public.clone(), Some(now)));
    write_list(&dir.path, &list)?;
    write_public(&dir.path, &public)?;
    Ok(list)
}

fn whole_second(t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    use chrono::Timelike;
    t.with_nanosecond(0).unwrap_or(t)
}

/// The public half, hex.
pub fn public_hex(key: &SigningKey) -> String {
    to_hex(key.verifying_key().as_bytes())
}

fn new_key(keys: &Path) -> Result<SigningKey> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).map_err(|e| {
        anyhow::anyhow!("operativsystemet gav ingen slumpkälla för sigillnyckeln: {e}")
    })?;
    let key = SigningKey::from_bytes(&bytes);
    crate::datadir::create_private_dir(keys)?;
    crate::datadir::write_private(
        &private_file(keys, &public_hex(&key)),
        format!("{}\n", to_hex(&bytes)).as_bytes(),
    )?;
    Ok(key)
}

fn migrate_legacy(data: &Path, keys: &Path) -> Result<()> {
    let legacy = data.join(LEGACY_PRIVATE_KEY);
    if !legacy.exists() {
        return Ok(());
    }
    let key = read_private(&legacy)?;
    let target = private_file(keys, &public_hex(&key));
    crate::datadir::create_private_dir(keys)?;
    if !target.exists() {
        crate::datadir::write_private(
            &target,
            format!("{}\n", to_hex(&key.to_bytes())).as_bytes(),
        )?;
    }
    std::fs::remove_file(&legacy)
        .with_context(|| format!("kunde inte ta bort {}", legacy.display()))?;
    tracing::warn!(
        from = %legacy.display(),
        to = %target.display(),
        "sigillnyckeln flyttades ut ur datakatalogen"
    );
    if published(data)?.is_none() {
        write_public(data, &public_hex(&key))?;
    }
    Ok(())
}

fn read_private(path: &Path) -> Result<SigningKey> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("kunde inte läsa sigillnyckeln {}", path.display()))?;
    let bytes = parse_hex32(text.trim())
        .with_context(|| format!("sigillnyckeln {} är skadad", path.display()))?;
    Ok(SigningKey::from_bytes(&bytes))
}

fn write_list(data: &Path, keys: &[PublishedKey]) -> Result<()> {
    crate::datadir::create_private_dir(&data.join("keys"))?;
    let path = data.join(KEY_LIST);
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, format!("{}\n", serde_json::to_string_pretty(keys)?))
        .with_context(|| format!("kunde inte skriva {}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("kunde inte skriva {}", path.display()))
}

fn write_public(data: &Path, public: &str) -> Result<()> {
    crate::datadir::create_private_dir(&data.join("keys"))?;
    let path = data.join(PUBLIC_KEY);
    std::fs::write(&path, format!("{public}\n"))
        .with_context(|| format!("kunde inte skriva {}", path.display()))
}

fn check_hex(s: &str) -> Result<()> {
    if s.len() != 64 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        bail!("väntade 64 hexadecimala tecken");
    }
    Ok(())
}

fn parse_hex32(s: &str) -> Result<[u8; 32]> {
    check_hex(s)?;
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b =
            u8::from_str_radix(&s[2 * i..2 * i + 2], 16).context("ogiltigt hexadecimalt tecken")?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn the_key_is_made_once_outside_the_data_directory() {
        let root = tempfile::tempdir().unwrap();
        let dir = data(root.path(), None);
        let k1 = load_or_create(&dir).unwrap();
        let k2 = load_or_create(&dir).unwrap();
        assert_eq!(k1.to_bytes(), k2.to_bytes());
        let keys = root.path().join("data.nycklar");
        let file = private_file(&keys, &public_hex(&k1));
        assert!(file.exists());
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&keys), 0o700);
        // Nothing private in the data directory.
        for e in walk(&dir.path) {
            let text = std::fs::read_to_string(&e).unwrap_or_default();
            assert!(!text.contains(&to_hex(&k1.to_bytes())), "{}", e.display());
        }
        assert_eq!(published(&dir.path).unwrap(), Some(public_hex(&k1)));
        let l = list(&dir.path).unwrap();
        assert_eq!(l.len(), 1);
        assert!(l[0].valid_from.is_some() && l[0].valid_until.is_none());
        // A damaged key is said to be damaged; a missing one is not silently replaced.
        std::fs::write(&file, "zz").unwrap();
        assert!(format!("{:#}", load_or_create(&dir).unwrap_err()).contains("skadad"));
        std::fs::remove_file(&file).unwrap();
        let err = format!("{:#}", load_or_create(&dir).unwrap_err());
        assert!(err.contains("saknas i nyckelkatalogen"), "{err}");
        assert_eq!(published(&dir.path).unwrap(), Some(public_hex(&k1)));
    }

    #[test]
    fn a_legacy_key_is_moved_out_and_rotation_keeps_old_seals() {
        let root = tempfile::tempdir().unwrap();
        let dir = data(root.path(), None);
        // As an older version left it.
        let old = SigningKey::from_bytes(&[9u8; 32]);
        std::fs::create_dir_all(dir.path.join("keys")).unwrap();
        std::fs::write(dir.path.join(LEGACY_PRIVATE_KEY), to_hex(&old.to_bytes())).unwrap();
        std::fs::write(dir.path.join(PUBLIC_KEY), public_hex(&old)).unwrap();
        let k = load_or_create(&dir).unwrap();
        assert_eq!(k.to_bytes(), old.to_bytes());
        assert!(!dir.path.join(LEGACY_PRIVATE_KEY).exists());
        let l = list(&dir.path).unwrap();
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].valid_from, None);

        let before: DateTime<FixedOffset> = "2020-01-01T12:00:00+01:00".parse().unwrap();
        let after_rotation: DateTime<FixedOffset> = "2999-01-01T12:00:00+01:00".parse().unwrap();
        let l = rotate(&dir).unwrap();
        assert_eq!(l.len(), 2);
        let new = load_or_create(&dir).unwrap();
        assert_ne!(new.to_bytes(), old.to_bytes());
        assert!(accepted(&l, &public_hex(&old), before));
        assert!(!accepted(&l, &public_hex(&old), after_rotation));
        assert!(accepted(&l, &public_hex(&new), before));
        assert!(accepted(&l, &public_hex(&new), after_rotation));
        assert!(!accepted(&l, &"ab".repeat(32), before));
    }

    #[test]
    fn a_key_directory_inside_the_data_directory_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let inside = root.path().join("data").join("nycklar");
        let dir = data(root.path(), Some(inside));
        let err = format!("{:#}", load_or_create(&dir).unwrap_err());
        assert!(err.contains("ligger i datakatalogen"), "{err}");
    }

    fn data(root: &Path, keys: Option<PathBuf>) -> DataDir {
        let config = crate::Config {
            municipality: crate::MunicipalityConfig {
                name: "Testkommun".into(),
                org_nr: None,
                ..Default::default()
            },
            registry: crate::RegistryConfig {
                dnr_pattern: "{series}/{year}:{seq}".into(),
                default_series: Some("KS".into()),
                ..Default::default()
            },
            server: Default::default(),
            sso: None,
            underskrift: None,
            nycklar: keys.map(|katalog| crate::datadir::KeysConfig { katalog }),
            mail: None,
            database: None,
        };
        DataDir::init(&root.join("data"), &config).unwrap()
    }

    fn walk(p: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(p).unwrap().flatten() {
            let path = e.path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
        out
    }
}
