//! The seal key: an ed25519 key pair in the data directory (`keys/sigill.key`, private,
//! mode 0600; `keys/sigill.pub`, the public half that the municipality publishes).

use std::path::Path;

use anyhow::{bail, Context, Result};
use ed25519_dalek::SigningKey;
use paragraf_core::seal::to_hex;

/// The private key's file, relative to the data directory.
pub const PRIVATE_KEY: &str = "keys/sigill.key";
/// The public key's file, relative to the data directory.
pub const PUBLIC_KEY: &str = "keys/sigill.pub";

/// Loads the seal key, creating it (from the operating system's randomness) on first use.
pub fn load_or_create(data: &Path) -> Result<SigningKey> {
    let private = data.join(PRIVATE_KEY);
    if private.exists() {
        let text = std::fs::read_to_string(&private)
            .with_context(|| format!("kunde inte läsa sigillnyckeln {}", private.display()))?;
        let bytes = parse_hex32(text.trim())
            .with_context(|| format!("sigillnyckeln {} är skadad", private.display()))?;
        return Ok(SigningKey::from_bytes(&bytes));
    }
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).map_err(|e| {
        anyhow::anyhow!("operativsystemet gav ingen slumpkälla för sigillnyckeln: {e}")
    })?;
    let key = SigningKey::from_bytes(&bytes);
    let dir = data.join("keys");
    crate::datadir::create_private_dir(&dir)?;
    write_private(&private, &to_hex(&bytes))?;
    std::fs::write(data.join(PUBLIC_KEY), format!("{}\n", public_hex(&key)))
        .with_context(|| format!("kunde inte skriva {}", data.join(PUBLIC_KEY).display()))?;
    Ok(key)
}

/// The published public key (hex), read without creating anything: `None` when the
/// installation has no seal key yet.
pub fn published(data: &Path) -> Result<Option<String>> {
    let path = data.join(PUBLIC_KEY);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let hex = text.trim().to_string();
            if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                bail!("den publicerade sigillnyckeln {} är skadad", path.display());
            }
            Ok(Some(hex))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("kunde inte läsa {}", path.display())),
    }
}

/// The public half, hex.
pub fn public_hex(key: &SigningKey) -> String {
    to_hex(key.verifying_key().as_bytes())
}

fn write_private(path: &Path, hex: &str) -> Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(path)
        .with_context(|| format!("kunde inte skapa {}", path.display()))?;
    writeln!(f, "{hex}")?;
    f.sync_all()?;
    Ok(())
}

fn parse_hex32(s: &str) -> Result<[u8; 32]> {
    if s.len() != 64 || !s.is_ascii() {
        bail!("väntade 64 hexadecimala tecken");
    }
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

    #[test]
    fn a_key_is_created_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let k1 = load_or_create(dir.path()).unwrap();
        let k2 = load_or_create(dir.path()).unwrap();
        assert_eq!(k1.to_bytes(), k2.to_bytes());
        let published = std::fs::read_to_string(dir.path().join(PUBLIC_KEY)).unwrap();
        assert_eq!(published.trim(), public_hex(&k1));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(PRIVATE_KEY))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(dir.path().join(PRIVATE_KEY), "zz").unwrap();
        let err = load_or_create(dir.path()).unwrap_err();
        assert!(format!("{err:#}").contains("skadad"));
    }
}
