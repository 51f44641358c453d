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
        .build()
        .await?;
    Ok(config)
}
