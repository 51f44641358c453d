//! ActivityPub: wire structs (`protocol`), conversions between rows and wire structs
//! (`objects`), the served endpoints (`routes`), WebFinger, NodeInfo and the JSON-LD context.

pub mod context;
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
pub async fn federation_config(state: AppState) -> anyhow::Result<FederationConfig<AppState>> {
    let domain = state.config.instance.domain.clone();
    let debug = state.config.federation.debug;
    let config = FederationConfig::builder()
        .domain(domain)
        .app_data(state)
        .debug(debug)
        // A signature older than this is refused; Mastodon allows 12 h of clock skew.
        .http_signature_compat(false)
        .build()
        .await?;
    Ok(config)
}
