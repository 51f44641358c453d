//! The rest of what we receive: Update and Delete of actors, Move, Flag.

use crate::db::models::actor::DbActor;
use crate::db::models::inbox;
use crate::db::models::post::DbPost;
use crate::db::schema::{actors, follows};
use crate::error::AppError;
use crate::federation::objects::actor::{authority, remote_actor_row};
use crate::federation::protocol::activity::{
    Activity, ActivityKind, FlagJson, ObjectRef, Received,
};
use crate::federation::protocol::actor::ActorJson;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Deserialize;
use serde_json::Value;
use url::Url;

/// Update{Actor}: a profile change or key rotation, of the sender itself only.
pub async fn receive_update_actor(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    object: &Value,
) -> Result<(), AppError> {
    let json: ActorJson = serde_json::from_value(object.clone())
        .map_err(|e| AppError::bad_request(format!("unreadable actor: {e}")))?;
    if json.id != actor.ap_id.0 || json.public_key.owner != json.id {
        return Err(AppError::forbidden("an actor may only update itself"));
    }
    // As when an actor is fetched (`resolve::fetch_actor`): our deliveries to it must go to
    // its own host.
    if authority(&json.inbox) != actor.domain {
        return Err(AppError::forbidden(
            "an actor's inbox must be on its own host",
        ));
    }
    DbActor::upsert_remote(conn, &remote_actor_row(&json)).await?;
    Ok(())
}

/// Delete{Actor}: the account is gone; its posts and follows go with it.
pub async fn receive_delete_actor(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
) -> Result<(), AppError> {
    DbPost::delete_by_actor(conn, actor.id).await?;
    diesel::delete(
        follows::table.filter(
            follows::follower_id
                .eq(actor.id)
                .or(follows::followed_id.eq(actor.id)),
        ),
    )
    .execute(conn)
    .await?;
    diesel::update(actors::table.find(actor.id))
        .set(actors::deleted_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
    Ok(())
}

/// Move: acknowledged by recording where the actor went.
pub async fn receive_move(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    activity: &Received,
) -> Result<(), AppError> {
    if activity
        .object
        .as_ref()
        .and_then(ObjectRef::id)
        .is_some_and(|o| o != actor.ap_id.0)
    {
        return Err(AppError::forbidden("an actor may only move itself"));
    }
    let target = activity
        .target
        .clone()
        .ok_or_else(|| AppError::bad_request("Move without a target"))?;
    diesel::update(actors::table.find(actor.id))
        .set(actors::moved_to.eq(target.as_str()))
        .execute(conn)
        .await?;
    tracing::info!(actor = %actor.ap_id, target = %target, "actor moved");
    Ok(())
}

/// Flag: a report for the moderators (the instance's; and a group's, when it is about one
/// of our groups' threads or comments: `flag::receive`).
pub async fn receive_flag(
    conn: &mut AsyncPgConnection,
    state: &crate::state::AppState,
    actor: &DbActor,
    activity: &Received,
) -> Result<(), AppError> {
    let flag = FlagJson::deserialize(&activity.raw).unwrap_or_default();
    let objects: Vec<String> = flag.object.iter().map(Url::to_string).collect();
    let reason: String = flag.reason().chars().take(5000).collect();
    inbox::add_report(
        conn,
        activity.id.as_str(),
        actor.ap_id.as_str(),
        &objects,
        (!reason.is_empty()).then_some(reason.as_str()),
    )
    .await?;
    super::flag::receive(conn, state, actor, activity).await?;
    Ok(())
}

/// Queues Update{Actor} of a local organisation to its remote followers.
pub async fn publish_profile(
    conn: &mut AsyncPgConnection,
    state: &crate::state::AppState,
    actor: &DbActor,
) -> Result<(), AppError> {
    let json = actor
        .to_json(&state.urls, state.config.main_language())
        .map_err(AppError::internal)?;
    let inboxes = crate::db::models::follow::DbFollow::follower_inboxes(conn, actor.id).await?;
    let activity = Activity::new(
        super::new_id(state, "update"),
        ActivityKind::Update,
        actor.ap_id.as_str(),
        json,
        vec![crate::federation::PUBLIC.to_string()],
    )
    .with_cc(vec![state.urls.followers(&actor.handle)]);
    super::queue(conn, actor, activity, Some(actor.ap_id.as_str()), &inboxes).await?;
    Ok(())
}
