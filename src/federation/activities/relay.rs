//! Network subscriptions and relays: our instance actor (FEP-2677) exchanging public posts
//! with other servers.
//!
//! **Peer networks** (`federation.peers`): network A's instance actor follows network B's.
//! B accepts when A is one of its configured peers, then announces to A its recent public
//! posts (a backfill) and, from then on, every new one. A stores what is announced through
//! the ordinary Announce path (the object is fetched from its origin and checked), so B's
//! posts are in A's index, and stay searchable there while B is down. Updates and deletions
//! of those posts go to subscribers with the author's own Update and Delete.
//!
//! **Relays** (LitePub or Mastodon-style relay software, such as activityrelay): our instance
//! actor subscribes (`Follow` of the relay's actor, LitePub style, or of `as:Public`, Mastodon
//! style; see [`RelayStyle`]), the subscription is recorded in `relays` as pending, then
//! accepted or rejected by the relay's answer. A relay's own Follow of our instance actor
//! (LitePub relays follow back) is accepted while we subscribe to it; no backfill is sent to
//! it. Our public, non-reply posts reach every accepted relay as the author's `Create` (and
//! later `Update`/`Delete`), which every relay software takes; a relay that follows our
//! instance actor also gets the instance actor's `Announce`, which LitePub relays relay.
//! What relays announce to us is stored like a peer's announcements.

use super::{follow, inbox_of, new_id, queue};
use crate::db::models::actor::DbActor;
use crate::db::models::follow::DbFollow;
use crate::db::models::post::DbPost;
use crate::db::models::relay::{DbRelay, RelayState, RelayStyle};
use crate::error::AppError;
use crate::federation::PUBLIC;
use crate::federation::objects::actor::authority;
use crate::federation::protocol::activity::{Activity, ActivityKind, ObjectRef, Received};
use crate::state::AppState;
use diesel_async::AsyncPgConnection;
use url::Url;

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

/// How a transaction takes the lock on our instance actor's subscribers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubscribersLock {
    /// Shared: reading the subscribers to send them a post or a programme. Publications do
    /// not wait for each other.
    Read,
    /// Exclusive: storing a subscription and sending it what it missed (backfill).
    Change,
}

/// Taken until the transaction ends, before the subscribers are read or a subscription is
/// stored. A post or programme published while a subscription arrives then reaches the new
/// subscriber one way or the other: the subscription waits for publications in progress to
/// commit and its backfill sees them, and a publication that starts later waits for the
/// subscription and reads it. (Without it, each transaction could miss the other's
/// uncommitted row: the fan-out the new subscriber, the backfill the new post.)
pub async fn lock_subscribers(
    conn: &mut AsyncPgConnection,
    how: SubscribersLock,
) -> Result<(), AppError> {
    use diesel_async::RunQueryDsl;
    let sql = match how {
        SubscribersLock::Read => {
            "SELECT pg_advisory_xact_lock_shared(hashtext('passerelle.network_subscribers'))"
        }
        SubscribersLock::Change => {
            "SELECT pg_advisory_xact_lock(hashtext('passerelle.network_subscribers'))"
        }
    };
    diesel::sql_query(sql)
        .execute(conn)
        .await
        .map(drop)
        .map_err(AppError::from)
}

/// Inbound Follow of our instance actor: a peer network subscribing.
pub async fn receive_subscription(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    subscriber: &DbActor,
    instance: &DbActor,
    activity_id: &str,
) -> Result<(), AppError> {
    lock_subscribers(conn, SubscribersLock::Change).await?;
    let follow =
        DbFollow::upsert(conn, subscriber.id, instance.id, false, Some(activity_id)).await?;
    if is_peer_instance_actor(state, subscriber) {
        follow::answer(conn, state, instance, subscriber, &follow, true).await?;
        super::funding::backfill(conn, state, instance, subscriber).await?;
        return backfill(conn, state, instance, subscriber).await;
    }
    // A relay following back: its Follow may overtake its Accept of ours.
    let relay = match is_remote_server_actor(subscriber) {
        true => DbRelay::of_actor(conn, subscriber)
            .await?
            .filter(|r| r.state != RelayState::Rejected),
        false => None,
    };
    if let Some(relay) = &relay
        && relay.actor_id.is_none()
    {
        DbRelay::set_state(conn, relay.id, relay.state, subscriber.id).await?;
    }
    let accept = relay.is_some();
    follow::answer(conn, state, instance, subscriber, &follow, accept).await?;
    if accept {
        tracing::info!(relay = %subscriber.ap_id, "a relay we subscribe to follows us back");
    } else {
        tracing::info!(subscriber = %subscriber.ap_id, "network subscription from neither a peer nor a relay rejected");
    }
    Ok(())
}

fn announce_json(state: &AppState, instance: &DbActor, post_ap_id: &str) -> Activity<String> {
    Activity::new(
        new_id(state, "announce"),
        ActivityKind::Announce,
        instance.ap_id.as_str(),
        post_ap_id.to_string(),
        vec![PUBLIC.to_string()],
    )
    .with_published(chrono::Utc::now())
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

/// Whether we asked to subscribe to this network or relay (accepted, or not yet answered:
/// its first announcements may overtake its Accept).
pub async fn subscribed_to(
    conn: &mut AsyncPgConnection,
    network: &DbActor,
) -> Result<bool, AppError> {
    if !is_remote_server_actor(network) {
        return Ok(false);
    }
    if let Some(me) = DbActor::instance_actor(conn).await?
        && DbFollow::find(conn, me.id, network.id).await?.is_some()
    {
        return Ok(true);
    }
    Ok(DbRelay::of_actor(conn, network)
        .await?
        .is_some_and(|r| r.state != RelayState::Rejected))
}

/// Where our public posts go besides their authors' followers. Looked up once per
/// published post.
pub struct Subscribers {
    /// Our instance actor, which announces new posts.
    pub instance: Option<DbActor>,
    /// Inboxes that get a public post's Create, Update and Delete: the networks subscribed
    /// to ours and the relays that accepted our subscription.
    pub inboxes: Vec<(String, String)>,
    /// Inboxes that get the instance actor's Announce of a new post: whoever follows our
    /// instance actor (peer networks, and relays that followed back).
    pub announce_to: Vec<(String, String)>,
}

pub async fn subscribers(conn: &mut AsyncPgConnection) -> Result<Subscribers, AppError> {
    lock_subscribers(conn, SubscribersLock::Read).await?;
    let instance = DbActor::instance_actor(conn).await?;
    let announce_to = match &instance {
        Some(me) => DbFollow::follower_inboxes(conn, me.id).await?,
        None => vec![],
    };
    let mut inboxes = announce_to.clone();
    inboxes.extend(relay_inboxes(conn).await?);
    inboxes.sort();
    inboxes.dedup();
    Ok(Subscribers {
        instance,
        inboxes,
        announce_to,
    })
}

/// The inboxes of the relays that accepted our subscription, with their hosts.
pub async fn relay_inboxes(
    conn: &mut AsyncPgConnection,
) -> Result<Vec<(String, String)>, AppError> {
    Ok(DbRelay::accepted_inboxes(conn).await?)
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
    if !author.indexable || post.in_reply_to.is_some() || subscribers.announce_to.is_empty() {
        return Ok(());
    }
    let ap_id = post.ap_id.as_str();
    queue(
        conn,
        instance,
        announce_json(state, instance, ap_id),
        Some(ap_id),
        &subscribers.announce_to,
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

/// What an operator subscribes to, once resolved.
#[derive(Debug, Clone)]
pub enum Target {
    /// A configured peer's instance actor: a network subscription.
    Peer(DbActor),
    /// Relay software, named by its actor (fetched) or, Mastodon style, by its inbox alone.
    Relay {
        actor: Option<DbActor>,
        inbox: Url,
        style: RelayStyle,
    },
}

/// Whether a subscription is to a peer network or to a relay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Peer,
    Relay,
}

/// One subscription as operators see it.
#[derive(Debug, Clone)]
pub struct Subscription {
    pub kind: Kind,
    /// The actor followed, where known (a Mastodon-style relay's is known once it answers).
    pub actor: Option<String>,
    /// Where our Follow went.
    pub inbox: String,
    /// The host, which also names the subscription when ending it.
    pub network: String,
    /// Relays only.
    pub style: Option<RelayStyle>,
    /// Peers are pending or accepted (a peer's Reject ends the subscription).
    pub state: RelayState,
}

impl Subscription {
    fn of_peer(actor: &DbActor, accepted: bool) -> Subscription {
        Subscription {
            kind: Kind::Peer,
            actor: Some(actor.ap_id.to_string()),
            inbox: inbox_of(actor).0,
            network: actor.domain.clone(),
            style: None,
            state: if accepted {
                RelayState::Accepted
            } else {
                RelayState::Pending
            },
        }
    }

    fn of_relay(relay: &DbRelay, actor: Option<&DbActor>) -> Subscription {
        Subscription {
            kind: Kind::Relay,
            actor: actor.map(|a| a.ap_id.to_string()),
            inbox: relay.inbox_url.clone(),
            network: relay.domain.clone(),
            style: Some(relay.style),
            state: relay.state,
        }
    }
}

/// The networks and relays we subscribe to, each with its state: peers first, then relays,
/// newest first.
pub async fn subscriptions(conn: &mut AsyncPgConnection) -> Result<Vec<Subscription>, AppError> {
    let me = instance_actor(conn).await?;
    let mut out: Vec<Subscription> = DbFollow::following_of(conn, me.id)
        .await?
        .iter()
        .map(|(a, accepted)| Subscription::of_peer(a, *accepted))
        .collect();
    out.extend(
        DbRelay::all(conn)
            .await?
            .iter()
            .map(|(r, a)| Subscription::of_relay(r, a.as_ref())),
    );
    Ok(out)
}

/// The Follow that subscribes to a relay: of its actor (LitePub) or of `as:Public`
/// (Mastodon).
fn relay_follow_json(
    id: &str,
    me: &DbActor,
    style: RelayStyle,
    relay_actor: &str,
) -> Activity<String> {
    let (object, to) = match style {
        RelayStyle::LitePub => (relay_actor.to_string(), vec![relay_actor.to_string()]),
        RelayStyle::Mastodon => (PUBLIC.to_string(), vec![]),
    };
    Activity::new(
        id.to_string(),
        ActivityKind::Follow,
        me.ap_id.as_str(),
        object,
        to,
    )
}

/// Subscribes to a peer network or a relay (call in a transaction).
pub async fn subscribe(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    target: &Target,
) -> Result<Subscription, AppError> {
    let me = instance_actor(conn).await?;
    match target {
        Target::Peer(network) => {
            if !is_remote_server_actor(network) {
                return Err(AppError::invalid(
                    "target",
                    "that is not another network's instance actor",
                ));
            }
            let f = follow::follow(conn, state, &me, network).await?;
            Ok(Subscription::of_peer(network, f.accepted))
        }
        Target::Relay {
            actor,
            inbox,
            style,
        } => {
            let relay_actor = match (actor, style) {
                (Some(a), _) => a.ap_id.to_string(),
                (None, RelayStyle::Mastodon) => String::new(),
                (None, RelayStyle::LitePub) => {
                    return Err(AppError::invalid(
                        "target",
                        "a LitePub subscription needs the relay's actor URL",
                    ));
                }
            };
            let id = new_id(state, "follow");
            let domain = authority(inbox);
            let relay = DbRelay::upsert(
                conn,
                inbox.as_str(),
                &domain,
                actor.as_ref().map(|a| a.id),
                *style,
                &id,
            )
            .await?;
            queue(
                conn,
                &me,
                relay_follow_json(&id, &me, *style, &relay_actor),
                actor.as_ref().map(|a| a.ap_id.as_str()),
                &[(inbox.to_string(), domain)],
            )
            .await?;
            tracing::info!(relay.inbox = %inbox, relay.style = %style, "relay subscription requested");
            Ok(Subscription::of_relay(&relay, actor.as_ref()))
        }
    }
}

/// Ends the subscriptions to a network or relay, named by its host (call in a transaction):
/// an `Undo` of our Follow, and a relay's follow of us goes too.
pub async fn unsubscribe(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    network: &str,
) -> Result<(), AppError> {
    let me = instance_actor(conn).await?;
    let peer = DbFollow::following_of(conn, me.id)
        .await?
        .into_iter()
        .find(|(a, _)| a.domain.eq_ignore_ascii_case(network));
    let relays = DbRelay::on_domain(conn, network).await?;
    if peer.is_none() && relays.is_empty() {
        return Err(AppError::not_found(format!("no subscription to {network}")));
    }
    if let Some((target, _)) = peer {
        follow::unfollow(conn, state, &me, &target).await?;
    }
    for relay in relays {
        let actor = match relay.actor_id {
            Some(id) => Some(DbActor::by_id(conn, id).await?),
            None => None,
        };
        let relay_actor = actor.as_ref().map(|a| a.ap_id.to_string());
        let follow = relay_follow_json(
            &relay.follow_activity_id,
            &me,
            relay.style,
            relay_actor.as_deref().unwrap_or_default(),
        );
        let undo = Activity::new(
            new_id(state, "undo"),
            ActivityKind::Undo,
            me.ap_id.as_str(),
            follow,
            vec![],
        );
        queue(
            conn,
            &me,
            undo,
            relay_actor.as_deref(),
            &[(relay.inbox_url.clone(), relay.domain.clone())],
        )
        .await?;
        DbRelay::remove(conn, relay.id).await?;
        if let Some(actor) = actor {
            // The relay's follow of us served this subscription only.
            DbFollow::remove(conn, actor.id, me.id).await?;
        }
        tracing::info!(relay.inbox = %relay.inbox_url, "relay subscription ended");
    }
    Ok(())
}

/// An Accept or Reject that answers our subscription to a relay: recorded, and `true`.
/// `false` when it answers something else.
pub async fn receive_answer(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    activity: &Received,
    accept: bool,
) -> Result<bool, AppError> {
    if !is_remote_server_actor(actor) {
        return Ok(false);
    }
    let relay = match activity.object.as_ref().and_then(ObjectRef::id) {
        Some(id) => DbRelay::by_follow_activity(conn, id.as_str()).await?,
        None => None,
    };
    // Some software answers with a fresh Follow object: then the relay is known by its actor.
    let relay = match relay {
        Some(r) => r,
        None => match DbRelay::of_actor(conn, actor).await? {
            Some(r) => r,
            None => return Ok(false),
        },
    };
    let answered_by_relay = match relay.actor_id {
        Some(id) => id == actor.id,
        None => actor.domain.eq_ignore_ascii_case(&relay.domain),
    };
    if !answered_by_relay {
        return Err(AppError::forbidden(
            "only the relay may answer its subscription",
        ));
    }
    let new_state = if accept {
        RelayState::Accepted
    } else {
        RelayState::Rejected
    };
    DbRelay::set_state(conn, relay.id, new_state, actor.id).await?;
    if !accept && let Some(me) = DbActor::instance_actor(conn).await? {
        DbFollow::remove(conn, actor.id, me.id).await?;
    }
    tracing::info!(relay = %actor.ap_id, state = %new_state, "relay answered our subscription");
    Ok(true)
}
