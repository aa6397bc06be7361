//! Configuration in layers: built-in defaults, then `torchlight.toml`, then
//! `TORCHLIGHT_*` environment variables, then command-line flags.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};
use torchlight_app::{AppConfig, HashingCost, SessionLimits};

use crate::BadInput;

/// Read from the working directory when present.
const DEFAULT_FILE: &str = "torchlight.toml";

/// Keys a configuration file or `TORCHLIGHT_*` variable may set.
const KEYS: [&str; 13] = [
    "listen",
    "data_dir",
    "database_url",
    "max_body_bytes",
    "page_size",
    "log",
    "session_idle_minutes",
    "session_lifetime_hours",
    "secure_cookies",
    "webauthn_origin",
    "trusted_proxies",
    "client_address_header",
    "insecure_test_hashing",
];

/// The forwarding headers a trusted proxy may name the client in.
const CLIENT_ADDRESS_HEADERS: [&str; 3] = ["x-forwarded-for", "x-real-ip", "forwarded"];

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Address and port to listen on.
    pub listen: SocketAddr,
    /// Holds the SQLite database and a coalition's taxonomy extensions.
    pub data_dir: PathBuf,
    /// A `postgres://` URL to use PostgreSQL instead of the embedded SQLite file.
    pub database_url: Option<SecretString>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Results on one page of `/find`.
    pub page_size: usize,
    /// Log filter, e.g. `info` or `torchlight=debug`.
    pub log: String,
    /// A staff session ends after this many minutes without a request.
    pub session_idle_minutes: u64,
    /// A staff session ends this many hours after sign-in.
    pub session_lifetime_hours: u64,
    /// Mark cookies `Secure`: set it when the server is reached over HTTPS.
    pub secure_cookies: bool,
    /// The address staff open the server at, e.g. `https://torchlight.example.org`;
    /// security keys are bound to it. On a loopback `listen` address it defaults to
    /// `http://localhost:PORT`.
    pub webauthn_origin: Option<String>,
    /// Reverse proxies (their addresses as the server sees them, e.g.
    /// `["127.0.0.1"]` for nginx on the same machine) that may name the client in
    /// `client_address_header`. Only the throttles use the client's address.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// `x-forwarded-for` (default), `x-real-ip` or `forwarded`.
    pub client_address_header: String,
    /// Tests only: Argon2id at a trivial cost, so suites that create many accounts
    /// and keyrings run fast. A release build refuses to start with it.
    pub insecure_test_hashing: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("torchlight-data"),
            database_url: None,
            max_body_bytes: torchlight_web::body_limit::DEFAULT_MAX_BODY_BYTES,
            page_size: 20,
            log: "info".to_owned(),
            session_idle_minutes: 30,
            session_lifetime_hours: 12,
            secure_cookies: false,
            webauthn_origin: None,
            trusted_proxies: Vec::new(),
            client_address_header: "x-forwarded-for".to_owned(),
            insecure_test_hashing: false,
        }
    }
}

/// A value that must never reach a log or a terminal: a database URL can carry a
/// password.
#[derive(Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SecretString(String);

impl SecretString {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Overrides given on the command line.
#[derive(Debug, Default, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<SocketAddr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
}

impl Config {
    /// Reads the layers. An explicit `--config` file must exist; the default
    /// `torchlight.toml` is read only when present.
    pub fn load(file: Option<&Path>, overrides: &Overrides) -> anyhow::Result<Config> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        match file {
            Some(path) => {
                if !path.is_file() {
                    return Err(BadInput(format!(
                        "configuration file {} does not exist",
                        path.display()
                    ))
                    .into());
                }
                figment = figment.merge(Toml::file_exact(path));
            }
            None => {
                if Path::new(DEFAULT_FILE).is_file() {
                    figment = figment.merge(Toml::file_exact(DEFAULT_FILE));
                }
            }
        }
        // Only Torchlight's own keys: other TORCHLIGHT_* variables (such as the test
        // suite's) belong to other tools. The filter sees the name as written
        // (`DATABASE_URL`); figment lowercases it only afterwards.
        let env = Env::prefixed("TORCHLIGHT_").filter(|key| {
            KEYS.iter()
                .any(|known| key.as_str().eq_ignore_ascii_case(known))
        });
        figment = figment.merge(env).merge(Serialized::defaults(overrides));
        let mut config: Config = figment
            .extract()
            .map_err(|e| BadInput(format!("configuration: {e}")))?;
        // `TORCHLIGHT_DATABASE_URL=` on a command line means "not set".
        if config
            .database_url
            .as_ref()
            .is_some_and(|url| url.expose().trim().is_empty())
        {
            config.database_url = None;
        }
        if let Some(url) = &config.database_url {
            let url = url.expose();
            if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
                // The URL itself is not shown: it may carry a password.
                return Err(BadInput(
                    "configuration: database_url must be a postgres:// or postgresql:// URL \
                     (leave it unset to use SQLite in the data directory)"
                        .into(),
                )
                .into());
            }
        }
        if config.page_size == 0
            || config.max_body_bytes == 0
            || config.session_idle_minutes == 0
            || config.session_lifetime_hours == 0
        {
            return Err(BadInput(
                "configuration: page_size, max_body_bytes, session_idle_minutes and \
                 session_lifetime_hours must be above 0"
                    .into(),
            )
            .into());
        }
        if config.max_body_bytes < torchlight_web::body_limit::LONGEST_VALID_BODY {
            return Err(BadInput(format!(
                "configuration: max_body_bytes must be at least {} (the longest valid request \
                 for help, in the worst encoding), not {}",
                torchlight_web::body_limit::LONGEST_VALID_BODY,
                config.max_body_bytes
            ))
            .into());
        }
        config.client_address_header = config.client_address_header.trim().to_ascii_lowercase();
        if !CLIENT_ADDRESS_HEADERS.contains(&config.client_address_header.as_str()) {
            return Err(BadInput(format!(
                "configuration: client_address_header must be one of {}, not '{}'",
                CLIENT_ADDRESS_HEADERS.join(", "),
                config.client_address_header
            ))
            .into());
        }
        Ok(config)
    }

    /// A server others can reach must be reached over HTTPS (through a proxy: the
    /// server speaks plain HTTP), and then its cookies must be `Secure`: serving on
    /// an address other than loopback without `secure_cookies` would send session
    /// tokens in clear the first time anyone typed `http://`. Loopback stays open
    /// for one's own machine and for a proxy or tor daemon on it.
    pub fn check_transport(&self) -> Result<(), BadInput> {
        if self.listen.ip().is_loopback() || self.secure_cookies {
            return Ok(());
        }
        Err(BadInput(format!(
            "configuration: listen is {}, which other machines can reach, but secure_cookies \
             is off. Put the server behind an HTTPS proxy and set secure_cookies = true in \
             torchlight.toml (or TORCHLIGHT_SECURE_COOKIES=true), or listen on 127.0.0.1",
            self.listen
        )))
    }

    /// Where the store lives: the PostgreSQL URL, or the SQLite file in the data
    /// directory.
    pub fn database_location(&self) -> String {
        match &self.database_url {
            Some(url) => url.expose().to_owned(),
            None => self.sqlite_path().display().to_string(),
        }
    }

    pub fn sqlite_path(&self) -> PathBuf {
        self.data_dir.join("torchlight.sqlite3")
    }

    pub fn uses_postgres(&self) -> bool {
        self.database_url.is_some()
    }

    /// The application layer's part. Refuses the test-only hashing costs in a
    /// release build.
    pub fn app(&self) -> anyhow::Result<AppConfig> {
        let hashing = if self.insecure_test_hashing {
            let cost = HashingCost::insecure_for_tests()
                .map_err(|e| BadInput(format!("configuration: {e}")))?;
            tracing::warn!(
                "insecure_test_hashing is set: passwords and the keyring are hashed at a \
                 trivial cost; never use this server for real data"
            );
            cost
        } else {
            HashingCost::Standard
        };
        let minutes = |m: u64| i64::try_from(m.saturating_mul(60_000)).unwrap_or(i64::MAX);
        self.ensure_data_dir()?;
        let codename_key = crate::keyfile::load_or_create(&self.data_dir)?;
        let defaults = AppConfig::default();
        Ok(AppConfig {
            concurrent_password_hashes: defaults.concurrent_password_hashes,
            hashing,
            sessions: SessionLimits {
                idle_ms: minutes(self.session_idle_minutes),
                lifetime_ms: minutes(self.session_lifetime_hours.saturating_mul(60)),
            },
            codename_key: std::sync::Arc::new(codename_key),
            intake_admission: defaults.intake_admission,
            status_admission: defaults.status_admission,
        })
    }

    /// The web layer's part, for a server bound to `bound` (the real port when
    /// `listen` asked for port 0).
    pub fn web(&self, bound: SocketAddr) -> torchlight_web::WebConfig {
        torchlight_web::WebConfig {
            max_body_bytes: self.max_body_bytes,
            page_size: self.page_size,
            secure_cookies: self.secure_cookies,
            webauthn_origin: self.webauthn_origin.clone().or_else(|| {
                bound
                    .ip()
                    .is_loopback()
                    .then(|| format!("http://localhost:{}", bound.port()))
            }),
            trusted_proxies: self.trusted_proxies.clone(),
            client_address_header: self.client_address_header.clone(),
        }
    }

    pub fn ensure_data_dir(&self) -> anyhow::Result<()> {
        if self.data_dir.exists() && !self.data_dir.is_dir() {
            return Err(BadInput(format!(
                "the data directory {} is a file, not a directory",
                self.data_dir.display()
            ))
            .into());
        }
        if self.data_dir.is_dir() {
            return Ok(());
        }
        // Owner-only from the start: it holds the database, the control socket and
        // the keyring's sealed material.
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&self.data_dir).with_context(|| {
            format!(
                "cannot create the data directory {}",
                self.data_dir.display()
            )
        })
    }
}
