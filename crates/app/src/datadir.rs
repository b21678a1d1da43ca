//! The data directory: its config file `paragraf.toml`, the database `paragraf.db` and the
//! seal key under `keys/`.

use std::path::{Path, PathBuf};
use std::sync::Arc as Shared;

use anyhow::{bail, Context, Result};
use paragraf_core::dnr::DnrPattern;
use paragraf_core::org::{Municipality, OrgNr};
use paragraf_store::{SqlStore, Storage};
use serde::{Deserialize, Serialize};

/// The config file's name inside the data directory.
pub const CONFIG_FILE: &str = "paragraf.toml";
/// The database file's name inside the data directory.
pub const DATABASE_FILE: &str = "paragraf.db";

/// What `paragraf.toml` holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// The municipality.
    pub municipality: MunicipalityConfig,
    /// The registry.
    pub registry: RegistryConfig,
    /// The web server.
    #[serde(default)]
    pub server: ServerConfig,
    /// Single sign-on through the municipality's identity provider, if configured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sso: Option<SsoConfig>,
    /// `[underskrift]`: the organisation key that signs the PDFs, if not the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub underskrift: Option<SigningConfig>,
    /// `[nycklar]`: where the private keys are kept, if not beside the data directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nycklar: Option<KeysConfig>,
    /// `[mail]`: the SMTP server for the members' notices and the expediering.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail: Option<crate::mail::MailConfig>,
    /// `[database]`: PostgreSQL instead of the SQLite file in the data directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database: Option<DatabaseConfig>,
}

/// `[database]`: the PostgreSQL database the installation keeps its data in (default: the
/// SQLite file `paragraf.db` in the data directory, with nothing to configure). The
/// environment variables `PARAGRAF_DATABASE_URL`, `PARAGRAF_DATABASE_SCHEMA` and
/// `PARAGRAF_DATABASE_READ_URL`, when set, take the place of `url`, `schema` and `read_url`
/// (so that a password need not stand in the file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseConfig {
    /// `postgres://user[:password]@host[:port]/database`.
    #[serde(default)]
    pub url: String,
    /// A schema of its own in that database (several installations can share one
    /// database); default the user's search path (`public`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// A read replica (a hot standby following `url`) that the public site reads from: its
    /// pages, feeds, open data and search. Everything else, and every write, uses `url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_url: Option<String>,
    /// How far behind the primary, in seconds, the replica may fall before the public site
    /// reads the primary instead (default 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_max_lag: Option<u64>,
}

impl DatabaseConfig {
    /// The database to use: the environment's, else the config's, else none (SQLite).
    pub fn resolve(configured: Option<&DatabaseConfig>) -> Option<DatabaseConfig> {
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let url = env("PARAGRAF_DATABASE_URL").or_else(|| {
            configured
                .map(|c| c.url.clone())
                .filter(|u| !u.trim().is_empty())
        })?;
        Some(DatabaseConfig {
            url,
            schema: env("PARAGRAF_DATABASE_SCHEMA")
                .or_else(|| configured.and_then(|c| c.schema.clone())),
            read_url: env("PARAGRAF_DATABASE_READ_URL").or_else(|| {
                configured
                    .and_then(|c| c.read_url.clone())
                    .filter(|u| !u.trim().is_empty())
            }),
            read_max_lag: configured.and_then(|c| c.read_max_lag),
        })
    }
}

impl DatabaseConfig {
    /// For tests that can run on either database: when `PARAGRAF_TEST_POSTGRES` names a
    /// PostgreSQL server, a schema of its own there (unique per call), else `None` (SQLite).
    #[cfg(feature = "test-support")]
    pub fn for_tests() -> Option<DatabaseConfig> {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let url = std::env::var("PARAGRAF_TEST_POSTGRES")
            .ok()
            .filter(|u| !u.is_empty())?;
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        Some(DatabaseConfig {
            url,
            schema: Some(format!("test_{}_{n}_{nanos}", std::process::id())),
            read_url: None,
            read_max_lag: None,
        })
    }
}

/// `url` without its password (`postgres://user:secret@host/db` → `postgres://user@host/db`);
/// `None` when it is not a URL whose password can be told apart.
pub fn without_password(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    Some(match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}@{host}{tail}")
        }
        None => url.to_string(),
    })
}

impl Config {
    /// The settings as the audit log keeps them: no password, no secret.
    pub fn for_the_log(&self) -> Config {
        let mut c = self.clone();
        if let Some(db) = &mut c.database {
            db.url = without_password(&db.url).unwrap_or_else(|| "(dold)".into());
            if let Some(r) = &mut db.read_url {
                *r = without_password(r).unwrap_or_else(|| "(dold)".into());
            }
        }
        if let Some(sso) = &mut c.sso {
            if !sso.client_secret.is_empty() {
                sso.client_secret = "(dold)".into();
            }
        }
        c
    }
}

/// Opens the installation's store: PostgreSQL when `[database]` (or the environment) names
/// one, else the SQLite file in `path` — which must be there unless `create` (a new
/// installation): a missing file is never silently replaced by an empty one.
fn open_store(path: &Path, config: &Config, create: bool) -> Result<SqlStore> {
    let resolved = DatabaseConfig::resolve(config.database.as_ref());
    if resolved.is_none() && config.database.is_some() {
        bail!(
            "[database] i paragraf.toml saknar url: ange url, eller sätt PARAGRAF_DATABASE_URL \
             (lösenordet står inte i filen)"
        );
    }
    let file = path.join(DATABASE_FILE);
    if resolved.is_none() && !create && !file.exists() {
        bail!(
            "databasen {} saknas: återställ en säkerhetskopia (paragraf restore), eller ange \
             [database] om installationen ligger i PostgreSQL",
            file.display()
        );
    }
    Ok(match resolved {
        Some(db) => SqlStore::connect(&db.url, db.schema.as_deref())
            .with_context(|| "kunde inte öppna databasen i PostgreSQL ([database] i paragraf.toml eller PARAGRAF_DATABASE_URL)".to_string())?,
        None => SqlStore::open(&path.join(DATABASE_FILE))
            .with_context(|| format!("kunde inte öppna databasen i {}", path.display()))?,
    })
}

/// `[nycklar]`: the key directory — the private seal keys and the default organisation key
/// — which must lie outside the data directory (so that a copy of the data is no copy of
/// the keys). Default: the folder `<datakatalog>.nycklar` beside the data directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeysConfig {
    /// The folder.
    pub katalog: std::path::PathBuf,
}

/// `[underskrift]`: where the organisation key (e-sigill) is kept — never in the data
/// directory. One of: `pkcs12` (a `.p12`/`.pfx` file, its password from the environment
/// variable `PARAGRAF_PKCS12_PASSWORD`); `pkcs11_modul`, `pkcs11_token` and `pkcs11_nyckel`
/// with `certifikat` (an HSM or smart card, the PIN from `PARAGRAF_PKCS11_PIN`); `nyckel`
/// with `certifikat` (PEM files). Without this section a self-signed key is made on first
/// use in the key directory ([`KeysConfig`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SigningConfig {
    /// A PKCS#12 file with the key and its certificate chain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pkcs12: Option<std::path::PathBuf>,
    /// The certificate chain, PEM (the organisation's first), for a PEM key or a token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certifikat: Option<std::path::PathBuf>,
    /// The private key, PKCS#8 PEM (when not on a token).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nyckel: Option<std::path::PathBuf>,
    /// The PKCS#11 module, such as "/usr/lib/softhsm/libsofthsm2.so".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pkcs11_modul: Option<String>,
    /// The token's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pkcs11_token: Option<String>,
    /// The private key's label on the token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pkcs11_nyckel: Option<String>,
    /// A time-stamp authority (RFC 3161, HTTP), such as "http://timestamp.example.se/tsa":
    /// every signature gets its time stamp (PAdES-B-T). Alone in the section, the default
    /// self-signed key signs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tidsstampel: Option<String>,
}

/// `[sso]`: OpenID Connect (authorization code with PKCE) against the municipality's
/// identity provider (Entra ID, ADFS, Sweden Connect, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SsoConfig {
    /// The provider's issuer, such as "https://login.microsoftonline.com/<tenant>/v2.0";
    /// its discovery document is read from `<issuer>/.well-known/openid-configuration`.
    pub issuer: String,
    /// The client id Paragraf is registered with.
    pub client_id: String,
    /// The client secret.
    pub client_secret: String,
    /// The claim of the ID token that names the Paragraf user (its `username`):
    /// "preferred_username" (default), "email" or "sub".
    #[serde(default = "SsoConfig::default_claim")]
    pub claim: String,
    /// What the login button says, such as "Logga in med kommunens konto".
    #[serde(default)]
    pub label: Option<String>,
    /// Whether local passwords may still be used to log in on the web (default yes). API
    /// tokens are not passwords and keep working.
    #[serde(default = "SsoConfig::default_local")]
    pub local_passwords: bool,
}

impl SsoConfig {
    /// The claims a user can be named by.
    pub const CLAIMS: &'static [&'static str] = &["preferred_username", "email", "sub"];

    fn default_claim() -> String {
        "preferred_username".into()
    }

    fn default_local() -> bool {
        true
    }

    /// What the login button says.
    pub fn label(&self) -> &str {
        self.label
            .as_deref()
            .filter(|l| !l.trim().is_empty())
            .unwrap_or("Logga in med kommunens konto")
    }
}

/// `[server]`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerConfig {
    /// The address the public reaches the server at, such as "https://paragraf.kommun.se".
    /// Session cookies are marked `Secure` when it is https (never from the Host header).
    #[serde(default)]
    pub public_url: Option<String>,
    /// The largest upload accepted, in MB (default 50).
    #[serde(default)]
    pub upload_limit_mb: Option<u64>,
    /// The largest file accepted for an import in the browser, in MB (default 1 024): it is
    /// written to disk as it arrives, never held in memory.
    #[serde(default)]
    pub import_limit_mb: Option<u64>,
    /// Seconds a client may take to send a request's head (default 10).
    #[serde(default)]
    pub header_timeout_secs: Option<u64>,
    /// Seconds a client may pause while sending a request's body (default 20).
    #[serde(default)]
    pub body_timeout_secs: Option<u64>,
    /// The addresses of reverse proxies in front of the server: only from these is
    /// `X-Forwarded-For` believed (for the login throttle and the logs). Empty: never.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

impl ServerConfig {
    /// The client behind a connection from `peer`: when `peer` is a trusted proxy, the
    /// right-most address of `X-Forwarded-For` that is not itself a trusted proxy (the
    /// left part can be written by anyone); otherwise `peer`.
    pub fn client_address(
        &self,
        peer: std::net::IpAddr,
        forwarded_for: Option<&str>,
    ) -> std::net::IpAddr {
        if !self.trusted_proxies.contains(&peer) {
            return peer;
        }
        let Some(chain) = forwarded_for else {
            return peer;
        };
        for hop in chain.rsplit(',') {
            match hop.trim().parse::<std::net::IpAddr>() {
                Ok(ip) if self.trusted_proxies.contains(&ip) => continue,
                Ok(ip) => return ip,
                // A hop that is not an address: believe nothing further left.
                Err(_) => return peer,
            }
        }
        peer
    }

    /// The default upload limit, in MB.
    pub const DEFAULT_UPLOAD_MB: u64 = 50;

    /// Whether cookies must be `Secure`: the public address is https.
    pub fn secure_cookies(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.trim().to_ascii_lowercase().starts_with("https://"))
    }

    /// How long a client may take to send a request's head.
    pub fn header_timeout(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.header_timeout_secs.unwrap_or(10).max(1))
    }

    /// How long a client may pause while sending a request's body.
    pub fn body_timeout(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.body_timeout_secs.unwrap_or(20).max(1))
    }

    /// The upload limit in bytes.
    pub fn upload_limit(&self) -> usize {
        let mb = self.upload_limit_mb.unwrap_or(Self::DEFAULT_UPLOAD_MB);
        usize::try_from(mb.saturating_mul(1 << 20)).unwrap_or(usize::MAX)
    }

    /// The limit of a file for an import, in bytes.
    pub fn import_limit(&self) -> usize {
        let mb = self.import_limit_mb.unwrap_or(1024);
        usize::try_from(mb.saturating_mul(1 << 20)).unwrap_or(usize::MAX)
    }
}

/// `[municipality]`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MunicipalityConfig {
    /// Name, such as "Hagfors kommun".
    pub name: String,
    /// Organisationsnummer.
    pub org_nr: Option<String>,
    /// Förvaringsplats för protokollen, such as "Kommunkansliet": what the anslag form
    /// proposes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_place: Option<String>,
    /// E-postavsändare: the address mail from Paragraf is sent from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail_from: Option<String>,
    /// Kallelsetid: how many days before a meeting the reglemente wants the kallelse out
    /// (7 when not given); a later kallelse goes out with a warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_days: Option<u32>,
}

impl MunicipalityConfig {
    /// The kallelsetid when the reglemente's is not given.
    pub const DEFAULT_NOTICE_DAYS: u32 = 7;

    /// The kallelsetid in days.
    pub fn notice_days(&self) -> u32 {
        self.notice_days.unwrap_or(Self::DEFAULT_NOTICE_DAYS)
    }
}

/// `[registry]`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryConfig {
    /// The diarienummer pattern, such as "{series}/{year}:{seq}".
    pub dnr_pattern: String,
    /// The series new cases get when none is named, such as "KS" or "SOC".
    pub default_series: Option<String>,
    /// Diarieserier that number their own way, such as `SN = "SN {year}/{seq:4}"`: a case
    /// of the series is numbered by its pattern, every other case by `dnr_pattern`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub series_patterns: std::collections::BTreeMap<String, String>,
}

impl Config {
    /// Checks the values and returns the parsed municipality and pattern.
    pub fn validate(&self) -> Result<(Municipality, DnrPattern)> {
        let org_nr = self
            .municipality
            .org_nr
            .as_deref()
            .map(OrgNr::parse)
            .transpose()
            .context("[municipality] org_nr")?;
        let m =
            Municipality::new(&self.municipality.name, org_nr).context("[municipality] name")?;
        let pattern =
            DnrPattern::new(&self.registry.dnr_pattern).context("[registry] dnr_pattern")?;
        if let Some(u) = &self.server.public_url {
            if !is_web_address(u) {
                bail!("[server] public_url {u:?} ska börja med https:// eller http://");
            }
        }
        if let Some(mail) = &self.mail {
            mail.validate()?;
            if self.server.public_url.is_none() {
                bail!("[mail] kräver [server] public_url: e-posten länkar dit");
            }
        }
        if let Some(sso) = &self.sso {
            if self.server.public_url.is_none() {
                bail!("[sso] kräver [server] public_url: dit skickar identitetsleverantören tillbaka användaren");
            }
            let l = sso.issuer.trim().to_ascii_lowercase();
            if !(l.starts_with("https://") || l.starts_with("http://")) {
                bail!(
                    "[sso] issuer {:?} ska börja med https:// eller http://",
                    sso.issuer
                );
            }
            if sso.client_id.trim().is_empty() {
                bail!("[sso] client_id saknas");
            }
            if !SsoConfig::CLAIMS.contains(&sso.claim.as_str()) {
                bail!(
                    "[sso] claim {:?}: välj en av {}",
                    sso.claim,
                    SsoConfig::CLAIMS.join(", ")
                );
            }
        }
        for (series, p) in &self.registry.series_patterns {
            let p = DnrPattern::new(p)
                .with_context(|| format!("[registry.series_patterns] {series}"))?;
            if !p.has_series() {
                bail!("[registry.series_patterns] {series}: mönstret {p} ska innehålla {{series}}");
            }
        }
        if let Some(m) = &self.municipality.mail_from {
            if !is_mail_address(m) {
                bail!("[municipality] mail_from {m:?} är ingen e-postadress");
            }
        }
        if pattern.has_series() && self.registry.default_series.is_none() {
            bail!("[registry] default_series saknas: mönstret {pattern} har en serie");
        }
        Ok((m, pattern))
    }
}

/// Whether `u` is an http(s) address.
pub(crate) fn is_web_address(u: &str) -> bool {
    let l = u.trim().to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://"))
        && !u.trim().contains(char::is_whitespace)
}

/// Whether `m` looks like an e-mail address (one `@`, a dotted domain, no spaces); the mail
/// server has the last word.
pub(crate) fn is_mail_address(m: &str) -> bool {
    let m = m.trim();
    let (local, domain) = m.split_once('@').unwrap_or(("", ""));
    !local.is_empty()
        && domain.contains('.')
        && !domain.contains('@')
        && !m.contains(char::is_whitespace)
}

/// The text of `paragraf.toml` for `config`, with a comment on the patterns.
fn config_text(config: &Config) -> Result<String> {
    Ok(format!(
        "# Paragraf: inställningar för kommunen och diariet.\n\
         # dnr_pattern: {{series}}, {{year}}, {{yy}}, {{seq}} eller {{seq:6}}, {{class}} (valfri: [ {{class}}]).\n\
         # Exempel: \"{{series}}/{{year}}:{{seq}}\" (KS/2025:26), \"{{series}} {{year}}-{{seq:6}}\" (SOC 2023-000189).\n\n{}",
        toml::to_string(config)?
    ))
}

/// Creates `dir` (and its parents) readable by its owner only (0700): the data directory
/// holds secret cases and the seal key.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    let fresh = !dir.exists();
    std::fs::create_dir_all(dir)
        .with_context(|| format!("kunde inte skapa katalogen {}", dir.display()))?;
    #[cfg(unix)]
    if fresh {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .with_context(|| format!("kunde inte begränsa behörigheten på {}", dir.display()))?;
    }
    Ok(())
}

/// Writes `bytes` to a new file readable by its owner only (0600).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(path)
        .with_context(|| format!("kunde inte skriva {}", path.display()))?;
    f.write_all(bytes)
        .with_context(|| format!("kunde inte skriva {}", path.display()))?;
    Ok(())
}

/// The workspace's search index and the store's generation it was last synced at.
pub(crate) type WorkspaceIndex = (
    paragraf_search::SearchIndex,
    std::sync::Mutex<Option<(i64, u64)>>,
);

/// An opened data directory: its config and its store.
pub struct DataDir {
    /// Where it is.
    pub path: PathBuf,
    /// The config as it is now (an administrator can change the municipality's part while
    /// the server runs).
    config: Shared<std::sync::RwLock<Shared<Config>>>,
    /// Everything stored, behind the one storage interface. Only the application's
    /// operations reach it; the front ends call those.
    pub(crate) store: Shared<dyn Storage + Send + Sync>,
    /// The same store reading from the read replica (`[database] read_url`), if there is
    /// one: what [`DataDir::for_public_site`] reads.
    pub(crate) replica: Option<Shared<SqlStore>>,
    /// The public search index, opened at its first use.
    search: Shared<std::sync::OnceLock<paragraf_search::SearchIndex>>,
    /// The workspace's search index, opened at its first use, and the store's generation it
    /// was last brought in step with.
    workspace: Shared<std::sync::OnceLock<WorkspaceIndex>>,
    /// A temporary directory this data directory lives in (tests), removed with it.
    #[cfg(feature = "test-support")]
    _scratch: Option<Shared<tempfile::TempDir>>,
}

impl DataDir {
    /// Opens an initialised data directory.
    pub fn open(path: &Path) -> Result<DataDir> {
        let config = read_config(path)?;
        let store = open_store(path, &config, false)?;
        let replica = match DatabaseConfig::resolve(config.database.as_ref()) {
            Some(DatabaseConfig {
                read_url: Some(read_url),
                schema,
                read_max_lag,
                ..
            }) => Some(Shared::new(
                store
                    .reading_from(
                        &read_url,
                        schema.as_deref(),
                        std::time::Duration::from_secs(read_max_lag.unwrap_or(10)),
                    )
                    .context("fel i läsrepliken ([database] read_url)")?,
            )),
            _ => None,
        };
        Ok(DataDir {
            path: path.to_path_buf(),
            config: Shared::new(std::sync::RwLock::new(Shared::new(config))),
            store: Shared::new(store),
            replica,
            search: Default::default(),
            workspace: Default::default(),
            #[cfg(feature = "test-support")]
            _scratch: None,
        })
    }

    /// Whether `[database] read_url` names a read replica.
    pub fn has_read_replica(&self) -> bool {
        self.replica.is_some()
    }

    /// Checks the read replica against the primary (see `paragraf_store::ReplicaState`);
    /// `None` without one. The server runs this every second.
    pub fn check_replica(&self) -> Result<Option<paragraf_store::ReplicaState>> {
        match &self.replica {
            Some(r) => Ok(r.check_replica()?),
            None => Ok(None),
        }
    }

    /// This data directory as the public site reads it: from the read replica when
    /// `[database] read_url` names one and the last check found it in step (a moment
    /// behind, at most `read_max_lag`), else the same. Its
    /// writes (an alarm, the search index) go where this one's go; its settings and search
    /// indexes are this one's.
    pub fn for_public_site(&self) -> DataDir {
        DataDir {
            path: self.path.clone(),
            config: self.config.clone(),
            store: match &self.replica {
                Some(r) => r.clone(),
                None => self.store.clone(),
            },
            replica: None,
            search: self.search.clone(),
            workspace: self.workspace.clone(),
            #[cfg(feature = "test-support")]
            _scratch: self._scratch.clone(),
        }
    }
}

/// The checked settings of the data directory at `path`.
pub(crate) fn read_config(path: &Path) -> Result<Config> {
    {
        let config_path = path.join(CONFIG_FILE);
        if !config_path.exists() {
            bail!(
                "{} är ingen Paragraf-datakatalog (filen {CONFIG_FILE} saknas): kör `paragraf init --data {}` först",
                path.display(),
                path.display()
            );
        }
        let text = std::fs::read_to_string(&config_path)
            .with_context(|| format!("kunde inte läsa {}", config_path.display()))?;
        let config: Config =
            toml::from_str(&text).with_context(|| format!("fel i {}", config_path.display()))?;
        config
            .validate()
            .with_context(|| format!("fel i {}", config_path.display()))?;
        Ok(config)
    }
}

/// Writes `config` to `paragraf.toml` in `path` (a temporary file renamed into place).
pub(crate) fn write_config(path: &Path, config: &Config) -> Result<()> {
    let tmp = path.join(format!("{CONFIG_FILE}.tmp"));
    write_private(&tmp, config_text(config)?.as_bytes())?;
    std::fs::rename(&tmp, path.join(CONFIG_FILE))
        .with_context(|| format!("kunde inte skriva {CONFIG_FILE}"))?;
    Ok(())
}

impl DataDir {
    /// Creates a data directory with its config and database. Refuses a directory that
    /// already holds a config.
    pub fn init(path: &Path, config: &Config) -> Result<DataDir> {
        let (municipality, _) = config.validate()?;
        let config_path = path.join(CONFIG_FILE);
        if config_path.exists() {
            bail!(
                "{} finns redan: datakatalogen är redan initierad",
                config_path.display()
            );
        }
        create_private_dir(path)?;
        // On PostgreSQL from the environment, the settings remember it (without the
        // password), so that a start without the variable fails instead of opening an empty
        // SQLite file.
        let mut config = config.clone();
        if config.database.is_none() {
            if let Some(db) = DatabaseConfig::resolve(None) {
                config.database = Some(DatabaseConfig {
                    url: without_password(&db.url).unwrap_or_default(),
                    schema: db.schema,
                    read_url: db.read_url.as_deref().and_then(without_password),
                    read_max_lag: db.read_max_lag,
                });
            }
        }
        // Write the config last-step-atomically: a temp file renamed into place.
        let tmp = path.join(format!("{CONFIG_FILE}.tmp"));
        write_private(&tmp, config_text(&config)?.as_bytes())?;
        let store = open_store(path, &config, true)?;
        paragraf_store::Store::set_municipality(&store, &municipality)?;
        std::fs::rename(&tmp, &config_path)?;
        drop(store);
        DataDir::open(path)
    }

    /// Keeps a PDF under `files/`, named by its SHA-256 (the same file is kept once), and
    /// returns its path relative to the data directory, for a handling's file reference.
    pub fn store_pdf(&self, bytes: &[u8]) -> Result<String> {
        if !bytes.starts_with(b"%PDF-") {
            crate::refuse!("filen är ingen PDF");
        }
        let digest = paragraf_core::seal::sha256_hex(bytes);
        let rel = format!("files/{}.pdf", digest.get(..32).unwrap_or(&digest));
        let dir = self.path.join("files");
        create_private_dir(&dir)?;
        write_private(&self.path.join(&rel), bytes)?;
        Ok(rel)
    }

    /// The public search index (`search/public/`), opened at its first use.
    pub(crate) fn public_index(&self) -> Result<&paragraf_search::SearchIndex> {
        if let Some(i) = self.search.get() {
            return Ok(i);
        }
        let opened =
            paragraf_search::SearchIndex::open(&self.path.join(crate::search::PUBLIC_INDEX))
                .with_context(|| {
                    format!("kunde inte öppna sökindexet i {}", self.path.display())
                })?;
        Ok(self.search.get_or_init(|| opened))
    }

    /// The workspace's search index (`search/intern/`) and the generation it was synced at,
    /// opened at its first use.
    pub(crate) fn workspace_index(&self) -> Result<&WorkspaceIndex> {
        if let Some(i) = self.workspace.get() {
            return Ok(i);
        }
        let opened =
            paragraf_search::SearchIndex::open(&self.path.join(crate::search::WORKSPACE_INDEX))
                .with_context(|| {
                    format!(
                        "kunde inte öppna arbetsytans sökindex i {}",
                        self.path.display()
                    )
                })?
                .restricted();
        Ok(self
            .workspace
            .get_or_init(|| (opened, std::sync::Mutex::new(None))))
    }

    /// A data directory with an in-memory database in a temporary directory of its own,
    /// removed when it is dropped (tests of the application).
    #[cfg(feature = "test-support")]
    pub fn in_memory(config: &Config) -> Result<DataDir> {
        let (municipality, _) = config.validate()?;
        let scratch = tempfile::tempdir()?;
        let store = match DatabaseConfig::for_tests() {
            Some(db) => SqlStore::connect(&db.url, db.schema.as_deref())?,
            None => SqlStore::in_memory()?,
        };
        paragraf_store::Store::set_municipality(&store, &municipality)?;
        Ok(DataDir {
            path: scratch.path().to_path_buf(),
            config: Shared::new(std::sync::RwLock::new(Shared::new(config.clone()))),
            store: Shared::new(store),
            replica: None,
            search: Default::default(),
            workspace: Default::default(),
            _scratch: Some(Shared::new(scratch)),
        })
    }

    /// The storage itself, for tests of the application that look behind its operations.
    #[cfg(feature = "test-support")]
    pub fn storage_for_tests(&self) -> &dyn Storage {
        &*self.store
    }

    /// The config as it is now.
    pub fn config(&self) -> std::sync::Arc<Config> {
        self.config
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Validates `change` applied to the config in force, writes it to `paragraf.toml` (a
    /// temporary file renamed into place) and puts it in force; `(before, after)`. Two
    /// changes at once are made one after the other.
    pub(crate) fn change_config(
        &self,
        change: impl FnOnce(&mut Config),
    ) -> Result<(std::sync::Arc<Config>, std::sync::Arc<Config>)> {
        let mut guard = self
            .config
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let before = guard.clone();
        let mut config = (*before).clone();
        change(&mut config);
        config.validate()?;
        let tmp = self.path.join(format!("{CONFIG_FILE}.tmp"));
        write_private(&tmp, config_text(&config)?.as_bytes())?;
        std::fs::rename(&tmp, self.path.join(CONFIG_FILE))
            .with_context(|| format!("kunde inte skriva {CONFIG_FILE}"))?;
        let after = std::sync::Arc::new(config);
        *guard = after.clone();
        Ok((before, after))
    }

    /// Puts `config` in force (it has been validated and written).
    #[cfg(feature = "test-support")]
    fn set_config(&self, config: Config) {
        *self
            .config
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = std::sync::Arc::new(config);
    }

    /// Changes the config in memory only, for tests of the front ends (timeouts, single
    /// sign-on, the public address).
    #[cfg(feature = "test-support")]
    pub fn change_config_for_tests(&self, change: impl FnOnce(&mut Config)) {
        let mut config = (*self.config()).clone();
        change(&mut config);
        self.set_config(config);
    }

    /// The diarienummer pattern of the installation (`[registry] dnr_pattern`).
    pub fn pattern(&self) -> DnrPattern {
        DnrPattern::new(&self.config().registry.dnr_pattern)
            .expect("validated when the config was read")
    }

    /// The pattern a case of `series` is numbered by: the series' own, else the
    /// installation's.
    pub fn pattern_for(&self, series: Option<&str>) -> DnrPattern {
        let config = self.config();
        series
            .and_then(|s| config.registry.series_patterns.get(s))
            .and_then(|p| DnrPattern::new(p).ok())
            .unwrap_or_else(|| self.pattern())
    }

    /// The series for new cases: the configured default when the pattern has a series.
    pub fn default_series(&self) -> Option<String> {
        if self.pattern().has_series() {
            self.config().registry.default_series.clone()
        } else {
            None
        }
    }
}

#[cfg(test)]
mod database_url_tests {
    /// `[database] read_url` is read from paragraf.toml, and the settings as the audit log
    /// keeps them carry neither address's password.
    #[test]
    fn the_read_replica_is_configured_and_logged_without_its_password() {
        let text = r#"
            [municipality]
            name = "Hagfors kommun"
            [registry]
            dnr_pattern = "{series} {year}-{seq:6}"
            [database]
            url = "postgres://app:hemligt@primar/paragraf"
            read_url = "postgres://app:hemligt@replik/paragraf"
        "#;
        let c: super::Config = toml::from_str(text).unwrap();
        let db = c.database.as_ref().unwrap();
        assert_eq!(
            db.read_url.as_deref(),
            Some("postgres://app:hemligt@replik/paragraf")
        );
        let logged = c.for_the_log().database.unwrap();
        assert_eq!(logged.url, "postgres://app@primar/paragraf");
        assert_eq!(
            logged.read_url.as_deref(),
            Some("postgres://app@replik/paragraf")
        );
    }

    #[test]
    fn the_password_is_left_out_of_what_is_kept() {
        use super::without_password as w;
        assert_eq!(
            w("postgres://app:hemligt@db.kommun.se:5432/paragraf?sslmode=require").as_deref(),
            Some("postgres://app@db.kommun.se:5432/paragraf?sslmode=require")
        );
        assert_eq!(
            w("postgres://app@db/p").as_deref(),
            Some("postgres://app@db/p")
        );
        assert_eq!(w("postgres://db/p").as_deref(), Some("postgres://db/p"));
        assert_eq!(w("host=db password=hemligt"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_addresses_are_believed_only_from_trusted_proxies() {
        let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap();
        let none = ServerConfig::default();
        assert_eq!(
            none.client_address(ip("10.0.0.1"), Some("203.0.113.9")),
            ip("10.0.0.1"),
            "no proxy configured: the header is ignored"
        );
        let cfg = ServerConfig {
            trusted_proxies: vec![ip("10.0.0.1"), ip("10.0.0.2")],
            ..Default::default()
        };
        assert_eq!(
            cfg.client_address(ip("10.0.0.1"), Some("203.0.113.9")),
            ip("203.0.113.9")
        );
        // The client wrote a false address first; the proxies appended the real one.
        assert_eq!(
            cfg.client_address(ip("10.0.0.1"), Some("1.2.3.4, 203.0.113.9, 10.0.0.2")),
            ip("203.0.113.9")
        );
        assert_eq!(
            cfg.client_address(ip("198.51.100.7"), Some("1.2.3.4")),
            ip("198.51.100.7"),
            "not from a proxy: the header is the client's own word"
        );
        assert_eq!(
            cfg.client_address(ip("10.0.0.1"), Some("nonsense")),
            ip("10.0.0.1")
        );
        assert_eq!(cfg.client_address(ip("10.0.0.1"), None), ip("10.0.0.1"));
    }
}
