//! Network subscriptions and relays, for operators: `/api/v1/admin/relays`. A configured
//! peer's host or instance actor subscribes to that network; anything else is relay software
//! (activityrelay and the like), subscribed to LitePub or Mastodon style.

use super::auth::Auth;
use super::json::ApiJson;
use crate::db::models::actor::DbActor;
use crate::db::models::relay::RelayStyle;
use crate::error::{AppError, AppResult};
use crate::federation::activities::inbox_of;
use crate::federation::activities::relay::{self, Kind, Subscription, Target};
use crate::state::{AppState, FedData};
use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use diesel_async::AsyncConnection;
use serde::{Deserialize, Serialize};
use url::Url;

#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[schema(as = NewRelay)]
pub struct RelayBody {
    /// A peer network's host (`nrw.example`) or its instance actor's URL; or a relay's actor
    /// URL (`https://relay.example/actor`), host, or inbox URL (`https://relay.example/inbox`).
    target: String,
    /// Relays only: `litepub` (Follow of the relay's actor; the default for an actor URL or
    /// a host) or `mastodon` (Follow of `as:Public`; the default for an inbox URL).
    #[serde(default)]
    style: Option<String>,
}

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Relay)]
pub struct RelayView {
    /// `peer` (a configured peer network) or `relay`.
    pub kind: &'static str,
    /// The actor followed; null for a Mastodon-style relay that has not answered yet.
    pub actor: Option<String>,
    pub network: String,
    pub inbox: String,
    /// Relays only: `litepub` or `mastodon`.
    pub style: Option<&'static str>,
    /// pending, accepted or rejected.
    pub state: &'static str,
}

impl From<&Subscription> for RelayView {
    fn from(s: &Subscription) -> RelayView {
        RelayView {
            kind: match s.kind {
                Kind::Peer => "peer",
                Kind::Relay => "relay",
            },
            actor: s.actor.clone(),
            network: s.network.clone(),
            inbox: s.inbox.clone(),
            style: s.style.map(RelayStyle::code),
            state: s.state.code(),
        }
    }
}

/// Fetches a network's instance actor or a relay's actor (signed).
async fn fetch_server_actor(data: &FedData, url: Url) -> AppResult<DbActor> {
    let actor = crate::federation::resolve::actor(data, &url)
        .await
        .map_err(|e| e.into_app_error("target"))?;
    if !relay::is_remote_server_actor(&actor) {
        return Err(AppError::invalid(
            "target",
            "that is not another network's instance actor nor a relay's actor",
        ));
    }
    Ok(actor)
}

/// What an operator's `target` (and `style`) name: a peer network, or a relay and how to
/// subscribe to it. An inbox URL is taken as it is (Mastodon style, as Mastodon's operators
/// enter relays); anything else is fetched as an actor.
pub async fn resolve_target(
    data: &FedData,
    target: &str,
    style: Option<&str>,
) -> AppResult<Target> {
    let style = style
        .map(|s| s.parse::<RelayStyle>())
        .transpose()
        .map_err(|_| AppError::invalid("style", "litepub or mastodon"))?;
    let target = target.trim();
    let url = if target.starts_with("http://") || target.starts_with("https://") {
        Url::parse(target)
    } else {
        if !crate::config::valid_domain(target) {
            return Err(AppError::invalid(
                "target",
                "a host (relay.example), an actor's URL or a relay's inbox URL",
            ));
        }
        Url::parse(&format!("{}://{target}/actor", data.config.scheme()))
    }
    .map_err(|e| AppError::invalid("target", format!("not a URL: {e}")))?;
    if url.path().ends_with("/inbox") {
        return match style {
            Some(RelayStyle::LitePub) => Err(AppError::invalid(
                "target",
                "a LitePub subscription needs the relay's actor URL, not its inbox",
            )),
            _ => Ok(Target::Relay {
                actor: None,
                inbox: url,
                style: RelayStyle::Mastodon,
            }),
        };
    }
    let actor = fetch_server_actor(data, url).await?;
    if relay::is_peer_instance_actor(data, &actor) {
        if style.is_some() {
            return Err(AppError::invalid(
                "style",
                "a configured peer network is subscribed to as a peer; style is for relays",
            ));
        }
        return Ok(Target::Peer(actor));
    }
    let inbox = Url::parse(&inbox_of(&actor).0)
        .map_err(|e| AppError::invalid("target", format!("the relay's inbox: {e}")))?;
    Ok(Target::Relay {
        actor: Some(actor),
        inbox,
        style: style.unwrap_or(RelayStyle::LitePub),
    })
}

/// GET /api/v1/admin/relays: the networks and relays we subscribe to, with their states.
#[utoipa::path(
    get,
    path = "/api/v1/admin/relays",
    tag = "admin",
    responses((status = 200, description = "Peer networks and relays subscribed to, with their states (admins)", body = Vec<RelayView>)),
    security(("bearer" = []))
)]
pub async fn list(data: FedData, auth: Auth) -> AppResult<Json<Vec<RelayView>>> {
    auth.require_admin()?;
    let mut conn = data.conn().await?;
    let list = relay::subscriptions(&mut conn).await?;
    Ok(Json(list.iter().map(RelayView::from).collect()))
}

/// POST /api/v1/admin/relays: subscribe to a peer network or a relay.
#[utoipa::path(
    post,
    path = "/api/v1/admin/relays",
    tag = "admin",
    request_body = RelayBody,
    responses((status = 202, description = "Subscribed; the network or relay answers later", body = RelayView)),
    security(("bearer" = []))
)]
pub async fn subscribe(
    data: FedData,
    auth: Auth,
    ApiJson(body): ApiJson<RelayBody>,
) -> AppResult<(StatusCode, Json<RelayView>)> {
    auth.require_admin()?;
    let target = resolve_target(&data, &body.target, body.style.as_deref()).await?;
    let mut conn = data.conn().await?;
    let state: &AppState = &data;
    let s = conn
        .transaction::<_, AppError, _>(async |conn| relay::subscribe(conn, state, &target).await)
        .await?;
    data.wakeup.wake();
    Ok((StatusCode::ACCEPTED, Json(RelayView::from(&s))))
}

/// DELETE /api/v1/admin/relays/{network}: end the subscriptions to a host (Undo{Follow}).
#[utoipa::path(
    delete,
    path = "/api/v1/admin/relays/{network}",
    tag = "admin",
    params(("network" = String, Path, description = "The host of the network or relay")),
    responses((status = 204, description = "Unsubscribed")),
    security(("bearer" = []))
)]
pub async fn unsubscribe(
    data: FedData,
    auth: Auth,
    Path(network): Path<String>,
) -> AppResult<StatusCode> {
    auth.require_admin()?;
    let mut conn = data.conn().await?;
    let state: &AppState = &data;
    conn.transaction::<_, AppError, _>(async |conn| {
        relay::unsubscribe(conn, state, &network).await
    })
    .await?;
    data.wakeup.wake();
    Ok(StatusCode::NO_CONTENT)
}
