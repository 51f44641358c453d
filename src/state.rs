//! The application state every handler receives: the database pool, the configuration, and
//! what this process shares between requests (the HTTP client, keys, wake-ups).

use crate::cache::DocumentCache;
use crate::config::Config;
use crate::db::{DbConn, DbPool};
use crate::error::AppError;
use crate::federation::keys::KeyCache;
use crate::federation::signatures::Knocks;
use crate::federation::urls::Urls;
use crate::notify::Change;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Notify;

/// Shared by every request and task of the process, behind one `Arc`: handlers, each
/// middleware and the federation library take their own copy of the state for every
/// request, and a copy is then one reference count, not one for each of the fields below.
/// The fields are read through `Deref` (`state.pool`).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What [`AppState`] holds.
#[derive(Clone)]
pub struct Shared {
    pub pool: DbPool,
    pub config: Arc<Config>,
    pub urls: Urls,
    /// Wakes this process's delivery worker after something was queued.
    pub wakeup: Wakeup,
    /// Instances recently recorded as answering (see `RecentlyAlive`).
    pub alive: RecentlyAlive,
    /// The HTTP client of every request we send (`federation::http::client`).
    pub http: reqwest::Client,
    /// Which signature scheme each instance accepted (`federation::fetch`).
    pub knocks: Knocks,
    /// Local actors' signing keys, loaded once.
    pub keys: KeyCache,
    /// This process's Prometheus metrics (`crate::metrics`).
    pub metrics: Arc<crate::metrics::Metrics>,
    /// Rendered documents of local actors (`crate::cache`), kept fresh across processes
    /// through `crate::notify`.
    pub documents: DocumentCache,
    /// Every local organisation's profile as partner suggestions compare them
    /// (`partners::local`), read once and dropped on any change to them.
    pub candidates: crate::cache::Snapshot<Vec<crate::db::models::partner_search::CandidateRow>>,
    /// Public pages and documents as answered to visitors without a session
    /// (`cache::PageCache`), dropped on any change to what they are built from.
    pub pages: crate::cache::PageCache,
}

impl AppState {
    pub fn new(pool: DbPool, config: Config) -> Self {
        let urls = Urls::new(&config.base_url());
        let http = crate::federation::http::client(
            config.federation.debug,
            &crate::federation::http::user_agent(urls.base()),
        );
        AppState(Arc::new(Shared {
            pool,
            config: Arc::new(config),
            urls,
            wakeup: Default::default(),
            alive: Default::default(),
            http,
            knocks: Default::default(),
            keys: Default::default(),
            metrics: Default::default(),
            documents: Default::default(),
            candidates: Default::default(),
            pages: Default::default(),
        }))
    }

    /// The same state with another database pool (for tests of an unreachable database).
    pub fn with_pool(&self, pool: DbPool) -> AppState {
        AppState(Arc::new(Shared {
            pool,
            ..Shared::clone(&self.0)
        }))
    }

    /// Drops what this process holds about `change`, made here or in another process
    /// (`crate::notify`). Local signing keys (`keys`) are not among them: a key, once
    /// stored, never changes, and a deleted actor's key is never asked for again.
    pub fn forget(&self, change: &Change) {
        match change {
            Change::Actor(id) => {
                self.documents.forget_actor(*id);
                self.candidates.clear();
                self.pages.clear();
            }
            Change::Candidates => self.candidates.clear(),
            Change::Content => self.pages.clear(),
            Change::InstanceFailing(domain) => self.alive.forget(domain),
            Change::All => {
                self.documents.clear();
                self.alive.clear();
                self.candidates.clear();
                self.pages.clear();
            }
        }
    }

    /// A pooled connection; an unreachable database is a 503.
    pub async fn conn(&self) -> Result<DbConn, AppError> {
        Ok(self.pool.get().await?)
    }
}

/// The request data activitypub_federation hands to objects and activities.
pub type FedData = activitypub_federation::config::Data<AppState>;

/// Wakes the worker when something was queued (in this process; others poll).
#[derive(Clone, Default)]
pub struct Wakeup(Arc<Notify>);

impl Wakeup {
    pub fn wake(&self) {
        self.0.notify_one();
    }

    /// Waits for the next wake-up.
    pub async fn notified(&self) {
        self.0.notified().await
    }
}

/// Instances this process recorded as answering in the last `RecentlyAlive::FOR`: another
/// signed request from one of them need not touch `instances` (whose row is written only
/// when its state changes anyway). A failed delivery in this process forgets the instance;
/// one failing in another process is revived at most `FOR` later.
#[derive(Clone, Default)]
pub struct RecentlyAlive(Arc<Mutex<HashMap<String, std::time::Instant>>>);

impl RecentlyAlive {
    const FOR: Duration = Duration::from_secs(30);

    /// Whether `domain` is to be recorded as alive now; remembers that it was.
    pub fn claim(&self, domain: &str) -> bool {
        let Ok(mut m) = self.0.lock() else {
            return true;
        };
        let now = std::time::Instant::now();
        match m.get(domain) {
            Some(t) if now.duration_since(*t) < Self::FOR => false,
            _ => {
                if m.len() > 10_000 {
                    m.retain(|_, t| now.duration_since(*t) < Self::FOR);
                }
                m.insert(domain.to_string(), now);
                true
            }
        }
    }

    pub fn forget(&self, domain: &str) {
        if let Ok(mut m) = self.0.lock() {
            m.remove(domain);
        }
    }

    pub fn clear(&self) {
        if let Ok(mut m) = self.0.lock() {
            m.clear();
        }
    }
}
