//! Announce (boost) and Like, and their Undo: boosting a partner's post; recording others'
//! boosts and likes of our posts, and storing posts boosted by actors we follow.

use super::post::POST_TYPES;
use super::{id_of, inbox_of, new_id, queue};
use crate::db::models::actor::DbActor;
use crate::db::models::follow::DbFollow;
use crate::db::models::inbox;
use crate::db::models::post::DbPost;
use crate::error::AppError;
use crate::federation::PUBLIC;
use crate::federation::objects::post::remote_post_data;
use crate::federation::protocol::activity::{Activity, ActivityKind, ObjectRef, Received};
use crate::federation::protocol::article::ArticleJson;
use crate::federation::protocol::event::EventTerms;
use crate::federation::resolve::{self, ResolveError};
use crate::state::{AppState, FedData};
use diesel_async::AsyncPgConnection;
use url::Url;

/// The post an Announce points at: its object, or (FEP-1b12 groups) its object's object.
pub fn announced_id(activity: &Received) -> Option<Url> {
    let object = activity.object.as_ref()?;
    match object.kind() {
        Some(t) if !POST_TYPES.contains(&t) => id_of(&object.embedded()["object"]),
        _ => object.id(),
    }
}

/// Whether an Announce is a group passing on its members' posts and activities (FEP-1b12:
/// a Lemmy community, an Mbin magazine) rather than a boost: such an Announce is not
/// counted as a share, and an activity it wraps (a Lemmy upvote is a wrapped Like) is not
/// counted either, since its author's signature is not there to check.
fn distributed_by_group(actor: &DbActor, activity: &Received) -> bool {
    activity.kind == ActivityKind::Announce && actor.actor_type == "Group"
}

/// A boosted remote post, fetched and checked before the transaction that stores it.
pub struct Fetched {
    pub object: ArticleJson,
    pub author: DbActor,
    /// An `Event`'s own terms (start, end, place, status, participation), read from the
    /// same document.
    pub terms: Option<EventTerms>,
}

/// Fetches the boosted object when it is new to us and the booster is followed here; and,
/// when a group passes on an edit of a post we have (FEP-1b12: a Lemmy community announces
/// its members' `Update`s), the post's current version from its author's host, so that the
/// edit is taken from there rather than on the group's word.
pub async fn prefetch(
    data: &FedData,
    actor: &DbActor,
    activity: &Received,
) -> Result<Option<Fetched>, AppError> {
    let Some(id) = announced_id(activity) else {
        return Err(AppError::bad_request("Announce without an object"));
    };
    // A group passing on a removal, a lock, a vote: nothing to fetch (a removed post is gone).
    let wrapped = activity.object.as_ref().and_then(ObjectRef::kind);
    if wrapped.is_some_and(|k| !POST_TYPES.contains(&k) && !matches!(k, "Create" | "Update")) {
        return Ok(None);
    }
    // A wrapped Create or Update of something else than a post (a community's own profile).
    let inner = activity
        .object
        .as_ref()
        .filter(|_| wrapped.is_some_and(|k| !POST_TYPES.contains(&k)))
        .and_then(|o| o.embedded()["object"]["type"].as_str());
    if inner.is_some_and(|k| !POST_TYPES.contains(&k)) {
        return Ok(None);
    }
    let mut conn = data.conn().await?;
    let wanted = match DbPost::by_ap_id(&mut conn, id.as_str()).await? {
        Some(post) => {
            wrapped == Some("Update") && distributed_by_group(actor, activity) && !post.local
        }
        None => {
            DbFollow::count_followers(&mut conn, actor.id).await? > 0
                || super::relay::subscribed_to(&mut conn, actor).await?
        }
    };
    if !wanted {
        return Ok(None);
    }
    drop(conn);
    // A boost of something we do not store (a video, a question) or of a post its server
    // does not give us (gone, unreachable, not public) is no fault of the booster's: it is
    // accepted and nothing is stored, as for the activities we do not handle.
    let (object, author, terms) = match resolve::fetch_post(data, &id, POST_TYPES).await {
        Ok(found) => found,
        Err(e @ ResolveError::Database(_)) => return Err(e.into_app_error("object")),
        Err(e @ ResolveError::NotOnAuthorsHost(_)) => {
            return Err(AppError::forbidden(e.to_string()));
        }
        Err(e) => {
            tracing::info!(object = %id, error = %e, "boosted object not stored");
            return Ok(None);
        }
    };
    let public = object
        .to
        .iter()
        .chain(&object.cc)
        .any(|u| crate::federation::is_public(u.as_str()));
    if !public {
        tracing::info!(object = %id, "boosted object not addressed to the public; not stored");
        return Ok(None);
    }
    Ok(Some(Fetched {
        object,
        author,
        terms,
    }))
}

/// Inbound Announce or Like.
pub async fn receive(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    activity: &Received,
    fetched: Option<Fetched>,
) -> Result<(), AppError> {
    let kind = activity.kind.as_str();
    let id = if activity.kind == ActivityKind::Announce {
        announced_id(activity)
    } else {
        activity.object.as_ref().and_then(ObjectRef::id)
    }
    .ok_or_else(|| AppError::bad_request(format!("{kind} without an object")))?;
    let post = match DbPost::by_ap_id(conn, id.as_str()).await? {
        Some(p) => {
            super::post::remember_announcing_group(conn, &p, actor).await?;
            // A group's edit of a member's post: its version fetched from the author's host
            // (see `prefetch`), stored unless it is older than the one we have.
            if let Some(f) = fetched {
                let post =
                    super::post::store_version(conn, Some(p.clone()), &f.object, f.author.id)
                        .await?;
                if let Some(terms) = &f.terms {
                    super::post::save_event_part(conn, post.id, terms, &f.object).await?;
                }
            }
            Some(p)
        }
        None => match fetched {
            Some(f) => {
                // A boost or a relay does not bring into one of our groups what the group
                // would refuse from its author (a ban, a locked or removed thread).
                if let Some(group) = super::group::local_group_for(conn, &f.object).await? {
                    match super::group::check_contribution(conn, &group, &f.author, &f.object).await
                    {
                        Ok(()) => {}
                        Err(e) if e.status.is_client_error() => {
                            tracing::info!(object = %id, error = %e.message, "boosted contribution refused by its group; not stored");
                            return Ok(());
                        }
                        Err(e) => return Err(e),
                    }
                }
                let stored = DbPost::upsert_remote(
                    conn,
                    f.object.id.as_str(),
                    f.author.id,
                    &remote_post_data(&f.object),
                    f.object.published,
                    f.object.updated,
                )
                .await?;
                if let Some(terms) = &f.terms {
                    super::post::save_event_part(conn, stored.id, terms, &f.object).await?;
                }
                super::post::remember_audience(conn, &f.object, Some(actor)).await?;
                Some(stored)
            }
            None => None,
        },
    };
    let Some(post) = post else {
        tracing::info!(object = %id, kind, "reaction to a post we do not have; ignored");
        return Ok(());
    };
    if super::relay::is_remote_server_actor(actor) || distributed_by_group(actor, activity) {
        // A network relaying its posts (see relay.rs), or a group passing on its thread: a
        // copy for us, not a boost.
        return Ok(());
    }
    inbox::add_reaction(conn, kind, activity.id.as_str(), actor.id, post.id).await?;
    Ok(())
}

/// Inbound Undo{Like} or Undo{Announce}.
pub async fn receive_undo(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    inner: &ObjectRef,
    kind: &str,
) -> Result<(), AppError> {
    let Some(inner_id) = inner.id() else {
        return Ok(());
    };
    let removed = inbox::remove_reaction(conn, inner_id.as_str(), actor.id).await?;
    if removed == 0
        && let Some(post_id) = id_of(&inner.embedded()["object"])
        && let Some(post) = DbPost::by_ap_id(conn, post_id.as_str()).await?
    {
        inbox::remove_reaction_on(conn, kind, actor.id, post.id).await?;
    }
    Ok(())
}

/// A local organisation boosts a post (local or remote), to its followers and the post's author.
pub async fn boost(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &DbActor,
    post: &DbPost,
) -> Result<String, AppError> {
    let id = new_id(state, "announce");
    let author = DbActor::by_id(conn, post.actor_id).await?;
    let mut inboxes = DbFollow::follower_inboxes(conn, actor.id).await?;
    if !author.local {
        inboxes.push(inbox_of(&author));
        inboxes.sort();
        inboxes.dedup();
    }
    let activity = Activity::new(
        id.clone(),
        ActivityKind::Announce,
        actor.ap_id.as_str(),
        post.ap_id.to_string(),
        vec![PUBLIC.to_string()],
    )
    .with_cc(vec![
        state.urls.followers(&actor.handle),
        author.ap_id.to_string(),
    ])
    .with_published(chrono::Utc::now());
    inbox::add_reaction(conn, "Announce", &id, actor.id, post.id).await?;
    queue(conn, actor, activity, Some(post.ap_id.as_str()), &inboxes).await?;
    Ok(id)
}
