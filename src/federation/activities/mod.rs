//! Activities, one file per verb group: building what we send (queued for delivery in the
//! caller's transaction) and handling what we receive (dispatched from `inbox`).

pub mod announce;
pub mod event;
pub mod flag;
pub mod follow;
pub mod group;
pub mod other;
pub mod partnership;
pub mod post;
pub mod relay;

use crate::db::models::actor::DbActor;
use crate::db::models::delivery;
use crate::federation::context::context;
pub use crate::federation::protocol::activity::{id_of, type_of};
use crate::state::AppState;
use diesel_async::AsyncPgConnection;
use serde_json::Value;

/// A fresh activity id: `{base}/activities/{kind}/{uuid}`.
pub fn new_id(state: &AppState, kind: &str) -> String {
    format!(
        "{}{}",
        state.urls.activity_prefix(kind),
        uuid::Uuid::new_v4().simple()
    )
}

/// Adds the context, records the activity and queues its deliveries, in the caller's
/// transaction. The worker is woken by the caller after commit.
pub async fn queue(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    activity: impl serde::Serialize,
    object_ap_id: Option<&str>,
    inboxes: &[(String, String)],
) -> Result<i64, crate::error::AppError> {
    let activity = serde_json::to_value(activity).map_err(crate::error::AppError::internal)?;
    let Value::Object(map) = activity else {
        return Err(crate::error::AppError::internal(anyhow::anyhow!(
            "an activity is a JSON object"
        )));
    };
    let mut with_ctx = serde_json::Map::new();
    with_ctx.insert("@context".into(), context());
    with_ctx.extend(map);
    let activity = Value::Object(with_ctx);
    let id = activity["id"].as_str().unwrap_or_default();
    let kind = activity["type"].as_str().unwrap_or_default();
    Ok(delivery::enqueue(
        conn,
        id,
        actor.id,
        kind,
        object_ap_id,
        &activity.to_string(),
        inboxes,
    )
    .await?)
}

/// The inbox to deliver to for one remote actor: its shared inbox where offered.
pub fn inbox_of(actor: &DbActor) -> (String, String) {
    (
        actor
            .shared_inbox_url
            .clone()
            .unwrap_or_else(|| actor.inbox_url.clone()),
        actor.domain.clone(),
    )
}
pub mod funding;
