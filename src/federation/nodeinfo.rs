//! NodeInfo 2.0 and 2.1 (with real usage counts) and the FEP-2677 link to the instance actor.

use crate::db::models::actor::DbActor;
use crate::db::models::post::DbPost;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

pub async fn well_known(State(state): State<AppState>) -> Json<Value> {
    let base = state.urls.base();
    Json(json!({
        "links": [
            {"rel": "http://nodeinfo.diaspora.software/ns/schema/2.1", "href": format!("{base}/nodeinfo/2.1")},
            {"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": format!("{base}/nodeinfo/2.0")},
            {"rel": "https://www.w3.org/ns/activitystreams#Application", "href": state.urls.instance_actor()},
        ]
    }))
}

pub async fn document(
    State(state): State<AppState>,
    Path(version): Path<String>,
) -> AppResult<Response> {
    if version != "2.0" && version != "2.1" {
        return Err(AppError::not_found(format!(
            "NodeInfo {version} is not offered; try 2.0 or 2.1"
        )));
    }
    let mut conn = state.conn().await?;
    let orgs = DbActor::count_local_orgs(&mut conn).await?;
    let posts = DbPost::count_local(&mut conn).await?;
    let month = DbPost::count_active_local_authors(&mut conn, 30).await?;
    let halfyear = DbPost::count_active_local_authors(&mut conn, 180).await?;
    let lang = state.config.main_language();
    let software = json!({"name": "passerelle", "version": env!("CARGO_PKG_VERSION")});
    let body = json!({
        "version": version,
        "software": software,
        "protocols": ["activitypub"],
        "services": {"inbound": [], "outbound": []},
        // Accounts are created by the network's operators, not by sign-up.
        "openRegistrations": false,
        "usage": {
            "users": {"total": orgs, "activeMonth": month, "activeHalfyear": halfyear},
            "localPosts": posts
        },
        "metadata": {
            "nodeName": state.config.instance.name.get(&lang).or_else(|| state.config.instance.name.values().next()),
            "nodeDescription": state.config.instance.description.get(&lang),
            "languages": state.config.instance.languages.iter().map(|l| l.code()).collect::<Vec<_>>(),
            "federation": {"peers": state.config.federation.peers},
        }
    });
    let profile = format!(
        "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/{version}#\""
    );
    Ok(([(header::CONTENT_TYPE, profile)], body.to_string()).into_response())
}
