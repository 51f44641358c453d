//! Network subscription: an Announce-based relay between instance actors (FEP-2677).
//!
//! Network A's instance actor follows network B's instance actor. B accepts when A is one of
//! its configured peers (anyone else is rejected), then announces to A its recent public posts
//! (a backfill) and, from then on, every new one. A stores what is announced through the
//! ordinary Announce path (the object is fetched from its origin and checked), so B's posts
//! are in A's index, and stay searchable there while B is down. Updates and deletions of
//! those posts go to subscribers with the author's own Update and Delete.

use super::{follow, inbox_of, new_id, queue};
use crate::db::models::actor::DbActor;
use crate::db::models::follow::DbFollow;
use crate::db::models::post::DbPost;
use crate::error::AppError;
use crate::federation::PUBLIC;
use crate::state::AppState;
use diesel_async::AsyncPgConnection;
use serde_json::json;

/// How many recent posts a new subscriber is sent.
pub const BACKFILL_POSTS: i64 = 500;

/// Whether an actor is this instance's own instance actor.
pub fn is_instance_actor(state: &AppState, actor: &DbActor) -> bool {
    actor.local && actor.ap_id.as_str() == state.urls.instance_actor()
}

/// Whether a remote actor stands for a whole server (an instance actor, a relay), not for
/// an organisation or a person.
pub fn is_remote_server_actor(actor: &DbActor) -> bool {
    !actor.local && matches!(actor.actor_type.as_str(), "Application" | "Service")
}

/// Whether a remote actor is the instance actor of one of our configured peers.
pub fn is_peer_instance_actor(state: &AppState, actor: &DbActor) -> bool {
    is_remote_server_actor(actor)
        && state
            .config
            .federation
            .peers
            .iter()
            .any(|p| p.eq_ignore_ascii_case(&actor.domain))
}

/// Inbound Follow of our instance actor: a peer network subscribing.
pub async fn receive_subscription(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    subscriber: &DbActor,
    instance: &DbActor,
    activity_id: &str,
) -> Result<(), AppError> {
    let follow =
        DbFollow::upsert(conn, subscriber.id, instance.id, false, Some(activity_id)).await?;
    let accept = is_peer_instance_actor(state, subscriber);
    follow::answer(conn, state, instance, subscriber, &follow, accept).await?;
    if accept {
        backfill(conn, state, instance, subscriber).await?;
    } else {
        tracing::info!(subscriber = %subscriber.ap_id, "network subscription from a non-peer rejected");
    }
    Ok(())
}

fn announce_json(state: &AppState, instance: &DbActor, post_ap_id: &str) -> serde_json::Value {
    json!({
        "id": new_id(state, "announce"), "type": "Announce",
        "actor": instance.ap_id.as_str(), "object": post_ap_id,
        "to": [PUBLIC], "published": chrono::Utc::now(),
    })
}

/// Announces our recent public posts to a new subscriber, oldest first.
async fn backfill(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    instance: &DbActor,
    subscriber: &DbActor,
) -> Result<(), AppError> {
    let mut posts = DbPost::relayable_recent(conn, BACKFILL_POSTS).await?;
    posts.reverse();
    let inbox = [inbox_of(subscriber)];
    for ap_id in posts {
        queue(
            conn,
            instance,
            announce_json(state, instance, &ap_id),
            Some(&ap_id),
            &inbox,
        )
        .await?;
    }
    Ok(())
}

/// Whether we asked to subscribe to this network (accepted, or not yet answered: its first
/// announcements may overtake its Accept).
pub async fn subscribed_to(
    conn: &mut AsyncPgConnection,
    network: &DbActor,
) -> Result<bool, AppError> {
    if !is_remote_server_actor(network) {
        return Ok(false);
    }
    Ok(match DbActor::instance_actor(conn).await? {
        Some(me) => DbFollow::find(conn, me.id, network.id).await?.is_some(),
        None => false,
    })
}

/// The networks subscribed to ours: our instance actor, which announces to them, and their
/// inboxes. Looked up once per published post.
pub struct Subscribers {
    pub instance: Option<DbActor>,
    pub inboxes: Vec<(String, String)>,
}

pub async fn subscribers(conn: &mut AsyncPgConnection) -> Result<Subscribers, AppError> {
    let instance = DbActor::instance_actor(conn).await?;
    let inboxes = match &instance {
        Some(me) => DbFollow::follower_inboxes(conn, me.id).await?,
        None => vec![],
    };
    Ok(Subscribers { instance, inboxes })
}

/// A new local post: announced to the subscribed networks when its author may be indexed.
pub async fn relay_new_post(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    author: &DbActor,
    post: &DbPost,
    subscribers: &Subscribers,
) -> Result<(), AppError> {
    let Some(instance) = &subscribers.instance else {
        return Ok(());
    };
    if !author.indexable || post.in_reply_to.is_some() || subscribers.inboxes.is_empty() {
        return Ok(());
    }
    let ap_id = post.ap_id.as_str();
    queue(
        conn,
        instance,
        announce_json(state, instance, ap_id),
        Some(ap_id),
        &subscribers.inboxes,
    )
    .await?;
    Ok(())
}

/// Our instance actor (created at start-up).
pub async fn instance_actor(conn: &mut AsyncPgConnection) -> Result<DbActor, AppError> {
    DbActor::instance_actor(conn)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("this instance has no instance actor")))
}

/// The networks we subscribe to, each with whether it accepted.
pub async fn subscriptions(conn: &mut AsyncPgConnection) -> Result<Vec<(DbActor, bool)>, AppError> {
    let me = instance_actor(conn).await?;
    Ok(DbFollow::following_of(conn, me.id).await?)
}

/// Subscribes to a network whose instance actor was fetched (call in a transaction).
pub async fn subscribe(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    network: &DbActor,
) -> Result<DbFollow, AppError> {
    if !is_remote_server_actor(network) {
        return Err(AppError::invalid(
            "target",
            "that is not another network's instance actor",
        ));
    }
    let me = instance_actor(conn).await?;
    follow::follow(conn, state, &me, network).await
}

/// Ends the subscription to a network, named by its host (call in a transaction).
pub async fn unsubscribe(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    network: &str,
) -> Result<(), AppError> {
    let me = instance_actor(conn).await?;
    let (target, _) = DbFollow::following_of(conn, me.id)
        .await?
        .into_iter()
        .find(|(a, _)| a.domain.eq_ignore_ascii_case(network))
        .ok_or_else(|| AppError::not_found(format!("no subscription to {network}")))?;
    follow::unfollow(conn, state, &me, &target).await
}
