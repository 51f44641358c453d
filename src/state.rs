//! The application state every handler receives: the database pool and the configuration.

use crate::config::Config;
use crate::db::{DbConn, DbPool};
use crate::error::AppError;
use crate::federation::urls::Urls;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub config: Arc<Config>,
    pub urls: Urls,
    /// Wakes this process's delivery worker after something was queued.
    pub wakeup: crate::federation::delivery::Wakeup,
    /// Instances recently recorded as answering (see `RecentlyAlive`).
    pub alive: crate::federation::delivery::RecentlyAlive,
}

impl AppState {
    pub fn new(pool: DbPool, config: Config) -> Self {
        let urls = Urls::new(&config.base_url());
        AppState {
            pool,
            config: Arc::new(config),
            urls,
            wakeup: Default::default(),
            alive: Default::default(),
        }
    }

    /// A pooled connection; an unreachable database is a 503.
    pub async fn conn(&self) -> Result<DbConn, AppError> {
        Ok(self.pool.get().await?)
    }
}

/// The request data activitypub_federation hands to objects and activities.
pub type FedData = activitypub_federation::config::Data<AppState>;
