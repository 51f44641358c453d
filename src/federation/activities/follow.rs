//! Follow, Accept, Reject and Undo{Follow}: both directions.

use super::{id_of, new_id, queue};
use crate::db::models::actor::DbActor;
use crate::db::models::follow::DbFollow;
use crate::error::AppError;
use crate::federation::protocol::activity::{
    Activity, ActivityKind, ActivityStub, ObjectRef, Received,
};
use crate::state::AppState;
use diesel_async::AsyncPgConnection;

fn follow_activity(id: &str, follower: &DbActor, target: &DbActor) -> Activity<String> {
    Activity::new(
        id.to_string(),
        ActivityKind::Follow,
        follower.ap_id.as_str(),
        target.ap_id.to_string(),
        vec![target.ap_id.to_string()],
    )
}

/// A local organisation follows another actor. Local targets are followed directly
/// (pending where they approve by hand); remote ones get a Follow.
pub async fn follow(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    follower: &DbActor,
    target: &DbActor,
) -> Result<DbFollow, AppError> {
    if follower.id == target.id {
        return Err(AppError::invalid(
            "target",
            "an organisation cannot follow itself",
        ));
    }
    if target.local {
        return Ok(DbFollow::upsert(
            conn,
            follower.id,
            target.id,
            !target.manually_approves_followers,
            None,
        )
        .await?);
    }
    let id = new_id(state, "follow");
    let f = DbFollow::upsert(conn, follower.id, target.id, false, Some(&id)).await?;
    queue(
        conn,
        follower,
        follow_activity(&id, follower, target),
        Some(target.ap_id.as_str()),
        &[(target.inbox_url.clone(), target.domain.clone())],
    )
    .await?;
    Ok(f)
}

/// Stops following; a remote target gets Undo{Follow}.
pub async fn unfollow(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    follower: &DbActor,
    target: &DbActor,
) -> Result<(), AppError> {
    let existing = DbFollow::find(conn, follower.id, target.id)
        .await?
        .ok_or_else(|| AppError::not_found("not following"))?;
    DbFollow::remove(conn, follower.id, target.id).await?;
    if !target.local {
        let follow_id = existing
            .follow_activity_id
            .unwrap_or_else(|| new_id(state, "follow"));
        let undo = Activity::new(
            new_id(state, "undo"),
            ActivityKind::Undo,
            follower.ap_id.as_str(),
            follow_activity(&follow_id, follower, target),
            vec![target.ap_id.to_string()],
        );
        queue(
            conn,
            follower,
            undo,
            Some(target.ap_id.as_str()),
            &[(target.inbox_url.clone(), target.domain.clone())],
        )
        .await?;
    }
    Ok(())
}

/// Answers a follow request: Accept (the follow becomes active) or Reject (it is dropped).
pub async fn answer(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    followed: &DbActor,
    follower: &DbActor,
    follow: &DbFollow,
    accept: bool,
) -> Result<(), AppError> {
    if accept {
        DbFollow::accept(conn, follow.id).await?;
    } else {
        DbFollow::remove(conn, follower.id, followed.id).await?;
    }
    if !follower.local {
        let follow_id = follow
            .follow_activity_id
            .clone()
            .unwrap_or_else(|| new_id(state, "follow"));
        let kind = if accept {
            ActivityKind::Accept
        } else {
            ActivityKind::Reject
        };
        let answer = Activity::new(
            new_id(state, kind.as_str()),
            kind,
            followed.ap_id.as_str(),
            ActivityStub {
                id: follow_id,
                kind: ActivityKind::Follow,
                actor: follower.ap_id.to_string(),
                object: followed.ap_id.to_string(),
            },
            vec![follower.ap_id.to_string()],
        );
        // Answers go to the follower's own inbox, as Mastodon expects.
        queue(
            conn,
            followed,
            answer,
            Some(follower.ap_id.as_str()),
            &[(follower.inbox_url.clone(), follower.domain.clone())],
        )
        .await?;
    }
    Ok(())
}

/// Inbound Follow of one of our actors.
pub async fn receive_follow(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &DbActor,
    activity: &Received,
) -> Result<(), AppError> {
    let target_id = activity.object_id().map_err(AppError::bad_request)?;
    let target = DbActor::by_ap_id(conn, target_id.as_str())
        .await?
        .filter(|a| a.local)
        .ok_or_else(|| AppError::not_found(format!("no organisation {target_id} here")))?;
    let activity_id = activity.id.as_str();
    if super::relay::is_instance_actor(state, &target) {
        return super::relay::receive_subscription(conn, state, actor, &target, activity_id).await;
    }
    // A person writing as itself is not followed on this network: the Follow is answered
    // with a Reject, so that the follower's server does not keep it pending for ever.
    if target.actor_type == "Person" {
        let follow = DbFollow::upsert(conn, actor.id, target.id, false, Some(activity_id)).await?;
        return answer(conn, state, &target, actor, &follow, false).await;
    }
    // Organisations, and groups (which accept every follower, FEP-1b12).
    if !target.is_organisation() && target.actor_type != "Group" {
        return Err(AppError::not_found(format!(
            "no organisation {target_id} here"
        )));
    }
    let follow = DbFollow::upsert(conn, actor.id, target.id, false, Some(activity_id)).await?;
    if !target.manually_approves_followers || follow.accepted {
        answer(conn, state, &target, actor, &follow, true).await?;
    }
    Ok(())
}

/// Inbound Accept or Reject of a Follow we sent.
pub async fn receive_answer(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    activity: &Received,
    accept: bool,
) -> Result<(), AppError> {
    if super::relay::receive_answer(conn, actor, activity, accept).await? {
        return Ok(());
    }
    let object = activity.object.as_ref();
    let by_id = match object.and_then(ObjectRef::id) {
        Some(id) => DbFollow::by_activity(conn, id.as_str()).await?,
        None => None,
    };
    // Some servers answer with a fresh object; fall back to who follows whom.
    let follow = match by_id {
        Some(f) => Some(f),
        None => match object.and_then(|o| id_of(&o.embedded()["actor"])) {
            Some(follower) => match DbActor::by_ap_id(conn, follower.as_str()).await? {
                Some(f) => DbFollow::find(conn, f.id, actor.id).await?,
                None => None,
            },
            None => None,
        },
    };
    let Some(follow) = follow else {
        tracing::info!(actor = %actor.ap_id, "answer to a follow we do not know; ignored");
        return Ok(());
    };
    if follow.followed_id != actor.id {
        return Err(AppError::forbidden(
            "only the followed actor may answer a follow",
        ));
    }
    if accept {
        DbFollow::accept(conn, follow.id).await?;
    } else {
        DbFollow::remove(conn, follow.follower_id, follow.followed_id).await?;
    }
    Ok(())
}

/// Inbound Undo{Follow}.
/// Inbound Undo whose object is a bare id: when it names a Follow of the sender's, the
/// follow is removed and the answer is true (else the id may name a reaction).
pub async fn receive_undo_by_id(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    id: &str,
) -> Result<bool, AppError> {
    match DbFollow::by_activity(conn, id).await? {
        Some(f) if f.follower_id == actor.id => {
            DbFollow::remove(conn, actor.id, f.followed_id).await?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

pub async fn receive_undo_follow(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    follow: &ObjectRef,
) -> Result<(), AppError> {
    let target = match id_of(&follow.embedded()["object"]) {
        Some(t) => DbActor::by_ap_id(conn, t.as_str()).await?,
        None => match follow.id() {
            Some(fid) => match DbFollow::by_activity(conn, fid.as_str()).await? {
                Some(f) => Some(DbActor::by_id(conn, f.followed_id).await?),
                None => None,
            },
            None => None,
        },
    };
    if let Some(target) = target {
        DbFollow::remove(conn, actor.id, target.id).await?;
    }
    Ok(())
}
