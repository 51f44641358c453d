//! ActivityPub: wire structs (`protocol`), conversions between rows and wire structs
//! (`objects`), the served endpoints (`routes`), WebFinger, NodeInfo and the JSON-LD context.

pub mod activities;
pub mod context;
pub mod delivery;
pub mod inbox;
pub mod keys;
pub mod nodeinfo;
pub mod objects;
pub mod protocol;
pub mod routes;
pub mod signatures;
pub mod urls;
pub mod webfinger;

use crate::state::AppState;
use activitypub_federation::config::FederationConfig;

pub const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// activitypub_federation's configuration for this instance.
/// Fetches are signed with the instance actor's key, so servers in authorized-fetch mode
/// answer them.
pub async fn federation_config(state: AppState) -> anyhow::Result<FederationConfig<AppState>> {
    let domain = state.config.instance.domain.clone();
    let debug = state.config.federation.debug;
    let pool = state.pool.clone();
    let mut conn = state.pool.get().await?;
    let instance_actor = crate::db::models::actor::DbActor::instance_actor(&mut conn)
        .await?
        .ok_or_else(|| {
            anyhow::anyhow!("the instance actor is missing; run `passerelle migrate` or `serve`")
        })?;
    drop(conn);
    let config = FederationConfig::builder()
        .domain(domain)
        .app_data(state)
        .debug(debug)
        .signed_fetch_actor(&instance_actor)
        .url_verifier(Box::new(DomainGate(pool)))
        .build()
        .await?;
    Ok(config)
}

/// Refuses every fetch from, and activity of, a blocked instance.
#[derive(Clone)]
struct DomainGate(crate::db::DbPool);

#[async_trait::async_trait]
impl activitypub_federation::config::UrlVerifier for DomainGate {
    async fn verify(&self, url: &url::Url) -> Result<(), activitypub_federation::error::Error> {
        use activitypub_federation::error::Error;
        let domain = objects::actor::authority(url);
        let mut conn = self
            .0
            .get()
            .await
            .map_err(|e| Error::Other(e.to_string()))?;
        match crate::db::models::delivery::is_blocked(&mut conn, &domain).await {
            Ok(false) => Ok(()),
            Ok(true) => Err(Error::UrlVerificationError("this instance is blocked")),
            Err(e) => Err(Error::Other(e.to_string())),
        }
    }
}
