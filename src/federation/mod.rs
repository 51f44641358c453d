//! ActivityPub: wire structs (`protocol`), conversions between rows and wire structs
//! (`objects`), the served endpoints (`routes`), the inbox, outgoing requests (`http`,
//! `fetch`, `resolve`, `delivery`), WebFinger, NodeInfo and the JSON-LD context.

pub mod activities;
pub mod context;
pub mod delivery;
pub mod fetch;
pub mod groups;
pub mod http;
pub mod inbox;
pub mod keys;
pub mod nodeinfo;
pub mod objects;
pub mod peers;
pub mod persons;
pub mod protocol;
pub mod resolve;
pub mod routes;
pub mod signatures;
pub mod urls;
pub mod webfinger;

use crate::state::AppState;
use activitypub_federation::config::FederationConfig;

pub const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// Whether an address is the public collection, in any of the forms JSON-LD compaction
/// gives it (`as:Public` and `Public` come from servers that compact against the
/// ActivityStreams context).
pub fn is_public(address: &str) -> bool {
    matches!(address, PUBLIC | "as:Public" | "Public")
}

/// activitypub_federation's configuration for this instance: it hands `Data<AppState>` to
/// handlers. Every request to other servers goes through `fetch` and `delivery`, signed by
/// our own signer, not through activitypub_federation's client.
pub async fn federation_config(state: AppState) -> anyhow::Result<FederationConfig<AppState>> {
    let domain = state.config.instance.domain.clone();
    let debug = state.config.federation.debug;
    let config = FederationConfig::builder()
        .domain(domain)
        .app_data(state)
        .debug(debug)
        .build()
        .await?;
    Ok(config)
}
