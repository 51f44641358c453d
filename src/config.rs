//! Typed configuration: built-in defaults (`config/defaults.toml`), a network's own file
//! over them, and `PASSERELLE_<SECTION>_<KEY>` environment variables over both. Loaded once
//! in `main` and passed down; there is no global configuration.
//!
//! Every layer is checked on its own, so an unknown key or a bad value is reported with the
//! key and the file (or variable) it came from.

use crate::vocab::Lang;
use anyhow::{Context, bail};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use url::Url;

pub const DEFAULTS_TOML: &str = include_str!("../config/defaults.toml");
pub const ENV_PREFIX: &str = "PASSERELLE_";

/// The configuration a running instance uses.
#[derive(Debug, Clone)]
pub struct Config {
    pub instance: InstanceConfig,
    pub http: HttpConfig,
    pub database: DatabaseConfig,
    pub federation: FederationSettings,
    pub delivery: DeliveryConfig,
    pub web: WebConfig,
    pub media: MediaConfig,
    pub metrics: MetricsConfig,
    pub log: LogConfig,
    pub partners: PartnersConfig,
    pub retention: RetentionConfig,
}

/// How long the server keeps records of its traffic (see `maintenance`).
#[derive(Debug, Clone)]
pub struct RetentionConfig {
    /// Sent activities, their deliveries and their delivery reports are forgotten this many
    /// days after they were created, once every delivery is finished; where they went is
    /// kept (a person's `Delete` goes there).
    pub sent_days: u64,
    /// Received activities' ids, against which a repeated delivery is recognised, are kept
    /// this many days.
    pub received_days: u64,
}

/// Partner search: the weight of each factor of a suggestion's score (see
/// `partners::score`; a score is the weighted mean, so only the ratios matter, and 0 turns a
/// factor off), and how many candidates get their posts read.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnersConfig {
    pub population: f64,
    pub themes: f64,
    pub sdgs: f64,
    pub languages: f64,
    pub place: f64,
    pub distance: f64,
    pub kind: f64,
    pub looking: f64,
    pub projects: f64,
    pub partners_of_partners: f64,
    /// The best this many by the other factors are compared on their posts' words.
    pub shortlist: usize,
}

impl Default for PartnersConfig {
    /// The shipped defaults (`config/defaults.toml`).
    fn default() -> Self {
        PartnersConfig {
            population: 1.0,
            themes: 2.0,
            sdgs: 1.0,
            languages: 1.5,
            place: 2.0,
            distance: 0.5,
            kind: 1.0,
            looking: 1.0,
            projects: 1.5,
            partners_of_partners: 1.0,
            shortlist: 200,
        }
    }
}

/// The weights' keys in `[partners]`.
const PARTNER_WEIGHTS: [&str; 10] = [
    "population",
    "themes",
    "sdgs",
    "languages",
    "place",
    "distance",
    "kind",
    "looking",
    "projects",
    "partners_of_partners",
];

/// Prometheus metrics, served apart from the public address.
#[derive(Debug, Clone, Default)]
pub struct MetricsConfig {
    /// Where `/metrics` is served; `None` (an empty `listen`) turns the endpoint off.
    pub listen: Option<SocketAddr>,
}

/// How log lines are written (to standard error).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// One human-readable line per event; coloured only when standard error is a terminal.
    #[default]
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Logging.
#[derive(Debug, Clone, Default)]
pub struct LogConfig {
    pub format: LogFormat,
}

/// The public pages.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// A map tile URL template with `{z}`, `{x}` and `{y}`; when set, the registry's map
    /// shows these tiles (the visitor's browser fetches them from that server). Empty: the
    /// map has a plain background and the page makes no third-party request.
    pub map_tiles: String,
    /// Credit line shown under the map when tiles are used (e.g. "© OpenStreetMap").
    pub map_attribution: String,
}

/// Images uploaded through the editors' interface.
#[derive(Debug, Clone)]
pub struct MediaConfig {
    /// Where uploaded (re-encoded) images and their thumbnails are stored.
    pub dir: PathBuf,
    /// Largest upload accepted, in bytes.
    pub max_bytes: usize,
}

/// The persistent delivery queue.
#[derive(Debug, Clone)]
pub struct DeliveryConfig {
    /// Deliveries in flight at once, per process.
    pub concurrency: usize,
    /// Deliveries in flight to one instance at once, per process.
    pub per_domain: usize,
    /// First retry after this long; each further one waits twice as long (with jitter).
    pub retry_base_ms: u64,
    /// How long a claimed delivery stays claimed; a crashed worker's claims expire after it.
    pub lease_seconds: u64,
}

#[derive(Debug, Clone)]
pub struct InstanceConfig {
    /// Public host name, with a port where one is needed (`localhost:8101`, `jumelage.example`).
    pub domain: String,
    pub name: BTreeMap<Lang, String>,
    pub description: BTreeMap<Lang, String>,
    /// Languages offered, the first being the instance's main language.
    pub languages: Vec<Lang>,
}

#[derive(Debug, Clone)]
pub struct HttpConfig {
    pub listen: SocketAddr,
    pub max_body_bytes: usize,
    /// Listen with `SO_REUSEPORT`, so that several `passerelle serve` processes can share
    /// one address (the kernel spreads new connections between them).
    pub reuse_port: bool,
}

#[derive(Debug, Clone)]
pub struct DatabaseConfig {
    pub url: Url,
    pub pool_size: usize,
    /// A connection straight to PostgreSQL, for what needs a session of its own: migrations
    /// (under a session advisory lock) and `LISTEN` for other processes' changes. Only needed
    /// when `url` points at a pooler in transaction mode (PgBouncer); defaults to `url`.
    pub direct_url: Url,
}

#[derive(Debug, Clone)]
pub struct FederationSettings {
    /// Plain http, explicit ports and loopback peers: for tests and the demo only.
    pub debug: bool,
    /// The other networks' instances (host[:port]).
    pub peers: Vec<String>,
    /// Answer unsigned GETs of federated objects with 401, like Mastodon's secure mode.
    pub authorized_fetch: bool,
    /// Instances refused in both directions.
    pub blocked_domains: Vec<String>,
    /// When not empty, only these instances federate (allow-list mode).
    pub allowed_domains: Vec<String>,
    /// How long a search waits for the peers' answers, in milliseconds.
    pub search_timeout_ms: u64,
}

impl Config {
    /// Loads defaults, then `file`, then the environment.
    pub fn load(file: &Path) -> anyhow::Result<Config> {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read configuration file {}", file.display()))?;
        Self::from_layers(&text, &file.display().to_string(), std::env::vars())
    }

    /// Builds a configuration from a network file's text and a set of environment variables.
    pub fn from_layers(
        file_text: &str,
        file_name: &str,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> anyhow::Result<Config> {
        let defaults = Layer::parse(DEFAULTS_TOML, "built-in defaults (config/defaults.toml)")?;
        let file = Layer::parse(file_text, file_name)?;
        let env = Layer::from_env(env)?;
        let mut merged = defaults;
        merged.merge(file);
        merged.merge(env);
        merged.finish()
    }

    pub fn main_language(&self) -> Lang {
        self.instance.languages.first().copied().unwrap_or(Lang::De)
    }

    /// `http` in debug mode (loopback demo and tests), `https` otherwise.
    pub fn scheme(&self) -> &'static str {
        if self.federation.debug {
            "http"
        } else {
            "https"
        }
    }

    pub fn base_url(&self) -> String {
        format!("{}://{}", self.scheme(), self.instance.domain)
    }
}

/// Where a value came from, for error messages.
#[derive(Debug, Clone)]
struct Sourced<T> {
    value: T,
    source: String,
}

/// One layer as written, every key optional. Parsed only to check a layer on its own, so
/// that errors name the file, line and key.
#[derive(Debug, Default, Deserialize)]
#[expect(
    dead_code,
    reason = "deserialised to validate a layer; values are read from the merged layers"
)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    instance: Option<RawInstance>,
    http: Option<RawHttp>,
    database: Option<RawDatabase>,
    federation: Option<RawFederation>,
    delivery: Option<RawDelivery>,
    web: Option<RawWeb>,
    media: Option<RawMedia>,
    metrics: Option<RawMetrics>,
    log: Option<RawLog>,
    partners: Option<RawPartners>,
    retention: Option<RawRetention>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "validation only")]
struct RawRetention {
    sent_days: Option<u64>,
    received_days: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "validation only")]
struct RawPartners {
    population: Option<f64>,
    themes: Option<f64>,
    sdgs: Option<f64>,
    languages: Option<f64>,
    place: Option<f64>,
    distance: Option<f64>,
    kind: Option<f64>,
    looking: Option<f64>,
    projects: Option<f64>,
    partners_of_partners: Option<f64>,
    shortlist: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "validation only")]
struct RawMetrics {
    #[serde(default, deserialize_with = "listen_opt")]
    listen: Option<Option<SocketAddr>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "validation only")]
struct RawLog {
    format: Option<LogFormat>,
}

/// An address to listen on, or the empty string for none.
fn listen_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<SocketAddr>>, D::Error> {
    let s = String::deserialize(d)?;
    if s.trim().is_empty() {
        return Ok(Some(None));
    }
    s.trim().parse().map(|a| Some(Some(a))).map_err(|_| {
        serde::de::Error::custom(format!(
            "`{s}` is not an address to listen on (like `127.0.0.1:9464`), nor empty for off"
        ))
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "validation only")]
struct RawWeb {
    map_tiles: Option<String>,
    map_attribution: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "validation only")]
struct RawMedia {
    dir: Option<PathBuf>,
    max_bytes: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "validation only")]
struct RawDelivery {
    concurrency: Option<usize>,
    per_domain: Option<usize>,
    retry_base_ms: Option<u64>,
    lease_seconds: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "validation only")]
struct RawInstance {
    #[serde(default, deserialize_with = "domain_opt")]
    domain: Option<String>,
    name: Option<BTreeMap<Lang, String>>,
    description: Option<BTreeMap<Lang, String>>,
    languages: Option<Vec<Lang>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "validation only")]
struct RawHttp {
    listen: Option<SocketAddr>,
    max_body_bytes: Option<usize>,
    reuse_port: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "validation only")]
struct RawDatabase {
    url: Option<Url>,
    pool_size: Option<usize>,
    direct_url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "validation only")]
struct RawFederation {
    debug: Option<bool>,
    #[serde(default, deserialize_with = "domains_opt")]
    peers: Option<Vec<String>>,
    authorized_fetch: Option<bool>,
    #[serde(default, deserialize_with = "domains_opt")]
    blocked_domains: Option<Vec<String>>,
    #[serde(default, deserialize_with = "domains_opt")]
    allowed_domains: Option<Vec<String>>,
    search_timeout_ms: Option<u64>,
}

/// A host name with an optional port: letters, digits, dots, hyphens.
pub fn valid_domain(s: &str) -> bool {
    let (host, port) = match s.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (s, None),
    };
    !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && !host.starts_with(['.', '-'])
        && port.is_none_or(|p| p.parse::<u16>().is_ok_and(|p| p > 0))
}

fn domain_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s = String::deserialize(d)?;
    if !valid_domain(&s) {
        return Err(serde::de::Error::custom(format!(
            "`{s}` is not a host name with an optional port (like `jumelage.example` or `localhost:8101`)"
        )));
    }
    Ok(Some(s.to_ascii_lowercase()))
}

fn domains_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    let list = Vec::<String>::deserialize(d)?;
    for s in &list {
        if !valid_domain(s) {
            return Err(serde::de::Error::custom(format!(
                "peer `{s}` is not a host name with an optional port"
            )));
        }
    }
    Ok(Some(
        list.into_iter().map(|s| s.to_ascii_lowercase()).collect(),
    ))
}

/// A checked layer, each present value tagged with its source.
#[derive(Default)]
struct Layer {
    values: BTreeMap<&'static str, Sourced<toml::Value>>,
}

/// Every settable key, `section.key`.
const KEYS: &[&str] = &[
    "instance.domain",
    "instance.name",
    "instance.description",
    "instance.languages",
    "http.listen",
    "http.max_body_bytes",
    "database.url",
    "database.pool_size",
    "federation.debug",
    "federation.peers",
    "federation.authorized_fetch",
    "federation.search_timeout_ms",
    "federation.blocked_domains",
    "federation.allowed_domains",
    "delivery.concurrency",
    "delivery.per_domain",
    "delivery.retry_base_ms",
    "delivery.lease_seconds",
    "web.map_tiles",
    "web.map_attribution",
    "media.dir",
    "media.max_bytes",
    "http.reuse_port",
    "database.direct_url",
    "metrics.listen",
    "log.format",
    "partners.population",
    "partners.themes",
    "partners.sdgs",
    "partners.languages",
    "partners.place",
    "partners.distance",
    "partners.kind",
    "partners.looking",
    "partners.projects",
    "partners.partners_of_partners",
    "partners.shortlist",
    "retention.sent_days",
    "retention.received_days",
];

impl Layer {
    fn parse(text: &str, source: &str) -> anyhow::Result<Layer> {
        // Typed check first: unknown keys and bad values, with toml's line and column.
        toml::from_str::<RawConfig>(text)
            .map_err(|e| anyhow::anyhow!("configuration error in {source}: {e}"))?;
        let table: toml::Table = toml::from_str(text)?;
        let mut layer = Layer::default();
        for key in KEYS {
            let (section, name) = key.split_once('.').unwrap_or((key, ""));
            if let Some(v) = table.get(section).and_then(|s| s.get(name)) {
                layer.values.insert(
                    key,
                    Sourced {
                        value: v.clone(),
                        source: source.to_string(),
                    },
                );
            }
        }
        Ok(layer)
    }

    fn from_env(env: impl IntoIterator<Item = (String, String)>) -> anyhow::Result<Layer> {
        let mut layer = Layer::default();
        for (var, raw) in env {
            let Some(rest) = var.strip_prefix(ENV_PREFIX) else {
                continue;
            };
            if rest == "CONFIG" || rest == "LOG" {
                continue; // read by the CLI, not configuration keys
            }
            let wanted = rest.to_ascii_lowercase();
            let Some(key) = KEYS.iter().find(|k| k.replacen('.', "_", 1) == wanted) else {
                bail!(
                    "unknown environment variable {var}: configuration keys are {}",
                    KEYS.iter()
                        .map(|k| format!(
                            "{ENV_PREFIX}{}",
                            k.replacen('.', "_", 1).to_ascii_uppercase()
                        ))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            };
            // A value is read as TOML (numbers, booleans, arrays, tables), or else as a string.
            let value = toml::from_str::<toml::Table>(&format!("v = {raw}"))
                .ok()
                .and_then(|mut t| t.remove("v"))
                .unwrap_or(toml::Value::String(raw.clone()));
            let (section, name) = key.split_once('.').unwrap_or((key, ""));
            let mut doc = toml::Table::new();
            let mut inner = toml::Table::new();
            inner.insert(name.to_string(), value.clone());
            doc.insert(section.to_string(), toml::Value::Table(inner));
            toml::Value::Table(doc)
                .try_into::<RawConfig>()
                .map_err(|e| {
                    anyhow::anyhow!("configuration error in environment variable {var}: {e}")
                })?;
            layer.values.insert(
                key,
                Sourced {
                    value,
                    source: format!("environment variable {var}"),
                },
            );
        }
        Ok(layer)
    }

    fn merge(&mut self, over: Layer) {
        self.values.extend(over.values);
    }

    fn get<T: for<'de> Deserialize<'de>>(&self, key: &str) -> anyhow::Result<Option<Sourced<T>>> {
        let Some(v) = self.values.get(key) else {
            return Ok(None);
        };
        let (section, name) = key.split_once('.').unwrap_or((key, ""));
        let mut inner = toml::Table::new();
        inner.insert(name.to_string(), v.value.clone());
        let mut doc = toml::Table::new();
        doc.insert(section.to_string(), toml::Value::Table(inner));
        // Reuse the typed layer so the same validation applies, then pick the value out.
        let typed: toml::Value = toml::Value::Table(doc);
        let value: T = typed
            .get(section)
            .and_then(|s| s.get(name))
            .cloned()
            .ok_or_else(|| anyhow::anyhow!("{key} missing"))?
            .try_into()
            .map_err(|e| anyhow::anyhow!("configuration error in {}: key {key}: {e}", v.source))?;
        Ok(Some(Sourced {
            value,
            source: v.source.clone(),
        }))
    }

    fn require<T: for<'de> Deserialize<'de>>(&self, key: &str) -> anyhow::Result<Sourced<T>> {
        self.get(key)?.ok_or_else(|| {
            anyhow::anyhow!(
                "configuration key {key} is missing: set it in the network's file or in {ENV_PREFIX}{}",
                key.replacen('.', "_", 1).to_ascii_uppercase()
            )
        })
    }

    fn finish(self) -> anyhow::Result<Config> {
        let domain: Sourced<String> = self.require("instance.domain")?;
        let languages: Sourced<Vec<Lang>> = self.require("instance.languages")?;
        if languages.value.is_empty() {
            bail!(
                "configuration error in {}: key instance.languages: name at least one language",
                languages.source
            );
        }
        let name: Sourced<BTreeMap<Lang, String>> = self.require("instance.name")?;
        if name.value.is_empty() || name.value.values().any(|n| n.trim().is_empty()) {
            bail!(
                "configuration error in {}: key instance.name: give a non-empty name per language",
                name.source
            );
        }
        let description: BTreeMap<Lang, String> = self
            .get("instance.description")?
            .map(|s: Sourced<_>| s.value)
            .unwrap_or_default();
        let listen: Sourced<SocketAddr> = self.require("http.listen")?;
        let max_body: Sourced<usize> = self.require("http.max_body_bytes")?;
        if max_body.value < 1024 {
            bail!(
                "configuration error in {}: key http.max_body_bytes: at least 1024",
                max_body.source
            );
        }
        let url: Sourced<Url> = self.require("database.url")?;
        if !matches!(url.value.scheme(), "postgres" | "postgresql") {
            bail!(
                "configuration error in {}: key database.url: expected a postgres:// URL",
                url.source
            );
        }
        let pool_size: Sourced<usize> = self.require("database.pool_size")?;
        if pool_size.value == 0 {
            bail!(
                "configuration error in {}: key database.pool_size: at least 1",
                pool_size.source
            );
        }
        let debug: Sourced<bool> = self.require("federation.debug")?;
        let peers: Sourced<Vec<String>> = self.require("federation.peers")?;
        let authorized_fetch: Sourced<bool> = self.require("federation.authorized_fetch")?;
        let blocked: Sourced<Vec<String>> = self.require("federation.blocked_domains")?;
        let allowed: Sourced<Vec<String>> = self.require("federation.allowed_domains")?;
        let positive = |key: &str| -> anyhow::Result<u64> {
            let v: Sourced<u64> = self.require(key)?;
            if v.value == 0 {
                bail!("configuration error in {}: key {key}: at least 1", v.source);
            }
            Ok(v.value)
        };
        let search_timeout_ms = positive("federation.search_timeout_ms")?;
        let delivery = DeliveryConfig {
            concurrency: positive("delivery.concurrency")? as usize,
            per_domain: positive("delivery.per_domain")? as usize,
            retry_base_ms: positive("delivery.retry_base_ms")?,
            lease_seconds: positive("delivery.lease_seconds")?,
        };
        let map_tiles: Sourced<String> = self.require("web.map_tiles")?;
        let tiles = map_tiles.value.trim();
        if !tiles.is_empty()
            && (!(tiles.starts_with("https://") || tiles.starts_with("http://"))
                || !["{z}", "{x}", "{y}"].iter().all(|p| tiles.contains(p)))
        {
            bail!(
                "configuration error in {}: key web.map_tiles: an http(s) URL template with {{z}}, {{x}} and {{y}}, or empty",
                map_tiles.source
            );
        }
        let web = WebConfig {
            map_tiles: tiles.to_string(),
            map_attribution: self
                .require::<String>("web.map_attribution")?
                .value
                .trim()
                .to_string(),
        };
        let media_dir: Sourced<PathBuf> = self.require("media.dir")?;
        if media_dir.value.as_os_str().is_empty() {
            bail!(
                "configuration error in {}: key media.dir: name a directory",
                media_dir.source
            );
        }
        let media_max: Sourced<usize> = self.require("media.max_bytes")?;
        if media_max.value < 1024 {
            bail!(
                "configuration error in {}: key media.max_bytes: at least 1024",
                media_max.source
            );
        }
        let reuse_port: Sourced<bool> = self.require("http.reuse_port")?;
        let direct: Sourced<String> = self.require("database.direct_url")?;
        let direct_url = match direct.value.trim() {
            "" => url.value.clone(),
            d => match Url::parse(d) {
                Ok(u) if matches!(u.scheme(), "postgres" | "postgresql") => u,
                _ => bail!(
                    "configuration error in {}: key database.direct_url: expected a postgres:// URL, or empty for database.url",
                    direct.source
                ),
            },
        };
        let metrics_listen: Sourced<String> = self.require("metrics.listen")?;
        let metrics = MetricsConfig {
            listen: match metrics_listen.value.trim() {
                "" => None,
                a => Some(a.parse().map_err(|_| {
                    anyhow::anyhow!(
                        "configuration error in {}: key metrics.listen: `{a}` is not an address like 127.0.0.1:9464 (empty: off)",
                        metrics_listen.source
                    )
                })?),
            },
        };
        let log = LogConfig {
            format: self.require::<LogFormat>("log.format")?.value,
        };
        let mut weights = [0.0; PARTNER_WEIGHTS.len()];
        for (slot, name) in weights.iter_mut().zip(PARTNER_WEIGHTS) {
            let key = format!("partners.{name}");
            let w: Sourced<f64> = self.require(&key)?;
            if !(w.value.is_finite() && w.value >= 0.0) {
                bail!(
                    "configuration error in {}: key {key}: a weight of 0 or more",
                    w.source
                );
            }
            *slot = w.value;
        }
        let [
            w_population,
            w_themes,
            w_sdgs,
            w_languages,
            w_place,
            w_distance,
            w_kind,
            w_looking,
            w_projects,
            w_partners_of_partners,
        ] = weights;
        let partners = PartnersConfig {
            population: w_population,
            themes: w_themes,
            sdgs: w_sdgs,
            languages: w_languages,
            place: w_place,
            distance: w_distance,
            kind: w_kind,
            looking: w_looking,
            projects: w_projects,
            partners_of_partners: w_partners_of_partners,
            shortlist: positive("partners.shortlist")? as usize,
        };
        let retention = RetentionConfig {
            sent_days: positive("retention.sent_days")?,
            received_days: positive("retention.received_days")?,
        };
        // Re-validate domains that came in as plain strings through the environment.
        for d in std::iter::once(&domain.value)
            .chain(peers.value.iter())
            .chain(blocked.value.iter())
            .chain(allowed.value.iter())
        {
            if !valid_domain(d) {
                bail!(
                    "configuration error in {}: `{d}` is not a host name with an optional port",
                    domain.source
                );
            }
        }
        Ok(Config {
            instance: InstanceConfig {
                domain: domain.value.to_ascii_lowercase(),
                name: name.value,
                description,
                languages: dedup(languages.value),
            },
            http: HttpConfig {
                listen: listen.value,
                max_body_bytes: max_body.value,
                reuse_port: reuse_port.value,
            },
            database: DatabaseConfig {
                url: url.value,
                pool_size: pool_size.value,
                direct_url,
            },
            federation: FederationSettings {
                debug: debug.value,
                peers: peers.value,
                authorized_fetch: authorized_fetch.value,
                blocked_domains: blocked
                    .value
                    .iter()
                    .map(|d| d.to_ascii_lowercase())
                    .collect(),
                allowed_domains: allowed
                    .value
                    .iter()
                    .map(|d| d.to_ascii_lowercase())
                    .collect(),
                search_timeout_ms,
            },
            delivery,
            web,
            media: MediaConfig {
                dir: media_dir.value,
                max_bytes: media_max.value,
            },
            metrics,
            log,
            partners,
            retention,
        })
    }
}

fn dedup(langs: Vec<Lang>) -> Vec<Lang> {
    let mut out = Vec::new();
    for l in langs {
        if !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

/// The directory holding the shipped network files (`dfi.toml`, `nrw.toml`, `afccre.toml`).
pub fn shipped_config_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("config")
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[instance]
domain = "jumelage.example"
name = { de = "Netz", fr = "Réseau" }
[http]
listen = "127.0.0.1:9000"
[database]
url = "postgres://postgres@127.0.0.1/x"
"#;

    fn load(text: &str, env: &[(&str, &str)]) -> anyhow::Result<Config> {
        Config::from_layers(
            text,
            "net.toml",
            env.iter().map(|(k, v)| (k.to_string(), v.to_string())),
        )
    }

    #[test]
    fn defaults_fill_what_the_file_leaves_out() {
        let c = load(MINIMAL, &[]).unwrap();
        assert_eq!(c.instance.domain, "jumelage.example");
        assert_eq!(c.instance.languages, Lang::ALL.to_vec());
        assert_eq!(c.http.max_body_bytes, 1_048_576);
        assert!(!c.federation.debug);
        assert_eq!(c.base_url(), "https://jumelage.example");
    }

    #[test]
    fn environment_overrides_the_file() {
        let c = load(
            MINIMAL,
            &[
                ("PASSERELLE_DATABASE_URL", "postgres://u@db/other"),
                ("PASSERELLE_FEDERATION_DEBUG", "true"),
                (
                    "PASSERELLE_FEDERATION_PEERS",
                    r#"["a.example", "b.example:8443"]"#,
                ),
                ("PASSERELLE_HTTP_MAX_BODY_BYTES", "2048"),
            ],
        )
        .unwrap();
        assert_eq!(c.database.url.as_str(), "postgres://u@db/other");
        assert!(c.federation.debug);
        assert_eq!(c.federation.peers, vec!["a.example", "b.example:8443"]);
        assert_eq!(c.http.max_body_bytes, 2048);
    }

    #[test]
    fn unknown_key_names_key_and_file() {
        let err = load(&format!("{MINIMAL}\n[federation]\nfoo = 1\n"), &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("net.toml") && err.contains("foo"), "{err}");
    }

    #[test]
    fn bad_value_names_key_and_file() {
        let err = load(&MINIMAL.replace("127.0.0.1:9000", "not an address"), &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("net.toml") && err.contains("listen"), "{err}");
        let err = load(&MINIMAL.replace("jumelage.example", "bad host/"), &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("net.toml") && err.contains("domain"), "{err}");
        let err = load(MINIMAL, &[("PASSERELLE_HTTP_LISTEN", "nowhere")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("PASSERELLE_HTTP_LISTEN"), "{err}");
        let err = load(MINIMAL, &[("PASSERELLE_HTTP_LISTN", "x")])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("unknown environment variable PASSERELLE_HTTP_LISTN"),
            "{err}"
        );
    }

    #[test]
    fn map_tiles_are_off_by_default_and_checked() {
        let c = load(MINIMAL, &[]).unwrap();
        assert_eq!(c.web.map_tiles, "");
        let c = load(
            MINIMAL,
            &[(
                "PASSERELLE_WEB_MAP_TILES",
                "https://tiles.example/{z}/{x}/{y}.png",
            )],
        )
        .unwrap();
        assert_eq!(c.web.map_tiles, "https://tiles.example/{z}/{x}/{y}.png");
        let err = load(MINIMAL, &[("PASSERELLE_WEB_MAP_TILES", "tiles.example")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("web.map_tiles"), "{err}");
    }

    #[test]
    fn operations_keys_default_off_and_are_checked() {
        let c = load(MINIMAL, &[]).unwrap();
        assert_eq!(c.metrics.listen, None);
        assert_eq!(c.log.format, LogFormat::Text);
        assert!(!c.http.reuse_port);
        assert_eq!(c.database.direct_url, c.database.url);
        let c = load(
            MINIMAL,
            &[
                ("PASSERELLE_METRICS_LISTEN", "127.0.0.1:9464"),
                ("PASSERELLE_LOG_FORMAT", "json"),
                ("PASSERELLE_HTTP_REUSE_PORT", "true"),
                ("PASSERELLE_DATABASE_DIRECT_URL", "postgres://u@db:5432/x"),
            ],
        )
        .unwrap();
        assert_eq!(c.metrics.listen, Some("127.0.0.1:9464".parse().unwrap()));
        assert_eq!(c.log.format, LogFormat::Json);
        assert!(c.http.reuse_port);
        assert_eq!(c.database.direct_url.as_str(), "postgres://u@db:5432/x");
        for (var, value, key) in [
            ("PASSERELLE_METRICS_LISTEN", "port 9464", "metrics.listen"),
            ("PASSERELLE_LOG_FORMAT", "xml", "PASSERELLE_LOG_FORMAT"),
            (
                "PASSERELLE_DATABASE_DIRECT_URL",
                "mysql://x/y",
                "direct_url",
            ),
        ] {
            let err = load(MINIMAL, &[(var, value)]).unwrap_err().to_string();
            assert!(err.contains(key), "{var}={value}: {err}");
        }
    }

    #[test]
    fn retention_defaults_to_thirty_days_and_is_checked() {
        let c = load(MINIMAL, &[]).unwrap();
        assert_eq!((c.retention.sent_days, c.retention.received_days), (30, 30));
        let c = load(
            &format!("{MINIMAL}\n[retention]\nsent_days = 90\n"),
            &[("PASSERELLE_RETENTION_RECEIVED_DAYS", "7")],
        )
        .unwrap();
        assert_eq!((c.retention.sent_days, c.retention.received_days), (90, 7));
        let err = load(&format!("{MINIMAL}\n[retention]\nsent_days = 0\n"), &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("retention.sent_days"), "{err}");
    }

    #[test]
    fn missing_required_key_is_named() {
        let err = load(&MINIMAL.replace("domain = \"jumelage.example\"", ""), &[])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("instance.domain") && err.contains("PASSERELLE_INSTANCE_DOMAIN"),
            "{err}"
        );
    }

    #[test]
    fn shipped_network_files_load() {
        for net in ["dfi", "nrw", "afccre"] {
            let path = shipped_config_dir().join(format!("{net}.toml"));
            let text = std::fs::read_to_string(&path).unwrap();
            let c = Config::from_layers(&text, net, std::iter::empty()).unwrap();
            assert!(c.federation.debug);
            assert_eq!(c.federation.peers.len(), 2);
        }
    }
}
