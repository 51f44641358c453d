//! WebFinger (`acct:handle@domain` or an actor's URL) and host-meta.

use crate::db::models::actor::DbActor;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
pub struct WebfingerQuery {
    resource: Option<String>,
}

/// The local handle a WebFinger resource names, if it names one of ours.
pub fn handle_from_resource<'a>(resource: &'a str, state: &AppState) -> Option<&'a str> {
    let domain = state.config.instance.domain.as_str();
    if let Some(acct) = resource.strip_prefix("acct:") {
        let acct = acct.trim_start_matches('@');
        let (handle, host) = acct.rsplit_once('@')?;
        return host.eq_ignore_ascii_case(domain).then_some(handle);
    }
    let actor_prefix = format!("{}/o/", state.urls.base());
    if let Some(handle) = resource.strip_prefix(&actor_prefix) {
        return (!handle.contains('/')).then_some(handle);
    }
    (resource == state.urls.instance_actor())
        .then_some(crate::db::models::actor::INSTANCE_ACTOR_HANDLE)
}

pub async fn webfinger(
    State(state): State<AppState>,
    Query(q): Query<WebfingerQuery>,
) -> AppResult<Response> {
    let resource = q
        .resource
        .filter(|r| !r.is_empty())
        .ok_or_else(|| AppError::bad_request("the `resource` query parameter is required"))?;
    let handle = handle_from_resource(&resource, &state)
        .ok_or_else(|| AppError::not_found(format!("no actor `{resource}` on this instance")))?;
    let mut conn = state.conn().await?;
    let actor = DbActor::local_by_handle(&mut conn, handle)
        .await?
        .ok_or_else(|| AppError::not_found(format!("no actor `{resource}` on this instance")))?;
    let html = if actor.is_organisation() {
        state.urls.actor(&actor.handle)
    } else {
        state.urls.base().to_string()
    };
    let body = json!({
        "subject": format!("acct:{}@{}", actor.handle, state.config.instance.domain),
        "aliases": if html == actor.ap_id.as_str() { json!([html]) } else { json!([actor.ap_id.as_str(), html]) },
        "links": [
            {"rel": "self", "type": "application/activity+json", "href": actor.ap_id.as_str()},
            {"rel": "http://webfinger.net/rel/profile-page", "type": "text/html", "href": html},
        ]
    });
    Ok((
        [(header::CONTENT_TYPE, "application/jrd+json; charset=utf-8")],
        body.to_string(),
    )
        .into_response())
}

pub async fn host_meta(State(state): State<AppState>) -> Response {
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n  <Link rel=\"lrdd\" template=\"{}/.well-known/webfinger?resource={{uri}}\"/>\n</XRD>\n",
        state.urls.base()
    );
    (
        [(header::CONTENT_TYPE, "application/xrd+xml; charset=utf-8")],
        body,
    )
        .into_response()
}
