//! Discussion groups on the wire (FEP-1b12).
//!
//! Our groups: what a member sends to a group (a thread `Create{Page}`, a comment
//! `Create{Note}`, their `Update` and `Delete`) is checked (ban, mods-only posting, locked
//! thread), stored, and passed on unchanged inside an `Announce` by the group to its
//! followers; a new thread is also announced as a plain `Announce{Page}`, which is what
//! Mastodon shows. Moderation by our moderators goes out as the group's own activities,
//! announced the same way: `Delete` (removal, with the reason in `summary`), `Lock` and
//! `Undo{Lock}`, `Add`/`Remove` to `featured` (pinning), `Block` and `Undo{Block}` (bans).
//!
//! Others' groups: what a remote group announces about its own threads (a removal, a lock,
//! a pin) is applied when the wrapped activity comes from the group's own instance, and only
//! to threads of that group.

use super::{inbox_of, new_id, queue};
use crate::db::models::actor::DbActor;
use crate::db::models::follow::DbFollow;
use crate::db::models::group::{self, DbGroup, GroupFull, Moderator, NewLogEntry};
use crate::db::models::post::DbPost;
use crate::error::AppError;
use crate::federation::PUBLIC;
use crate::federation::objects::actor::authority;
use crate::federation::protocol::activity::{
    Activity, ActivityKind, ObjectRef, Received, Tombstone, id_of, type_of,
};
use crate::federation::protocol::article::ArticleJson;
use crate::state::AppState;
use diesel_async::AsyncPgConnection;
use serde_json::Value;

/// The local group a received post is meant for: named in its `audience`, `to` or `cc` (or
/// the activity's), or the group of the thread it answers (`parent`, the post it answers,
/// looked up once by the caller). No query when nothing points at one of our groups.
pub async fn addressed_local_group(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    activity: &Received,
    obj: &ArticleJson,
    parent: Option<&DbPost>,
) -> Result<Option<GroupFull>, AppError> {
    let named: Vec<String> = activity
        .addressed()
        .chain(obj.audience.iter().map(url::Url::as_str))
        .chain(obj.to.iter().chain(&obj.cc).map(url::Url::as_str))
        .filter(|a| state.urls.is_group_url(a))
        .map(String::from)
        .collect();
    if let Some(g) = DbGroup::first_local_of(conn, &named).await? {
        return Ok(Some(g));
    }
    // A Mastodon reply names the author it answers, not the group: the thread tells.
    if let Some(audience) = parent.and_then(|p| p.audience.as_deref())
        && state.urls.is_group_url(audience)
    {
        return Ok(DbGroup::local_by_ap_id(conn, audience).await?);
    }
    Ok(None)
}

/// The local group a stored post belongs to (its own `audience`, or its thread's), if any.
pub async fn local_group_of_post(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    post: &DbPost,
) -> Result<Option<GroupFull>, AppError> {
    match super::flag::group_of_post(conn, post).await? {
        Some(audience) if state.urls.is_group_url(&audience) => {
            Ok(DbGroup::local_by_ap_id(conn, &audience).await?)
        }
        _ => Ok(None),
    }
}

/// The local group a post not stored yet would belong to: the one its `audience` names, or
/// the one of the thread it answers.
pub async fn local_group_for(
    conn: &mut AsyncPgConnection,
    obj: &ArticleJson,
) -> Result<Option<GroupFull>, AppError> {
    if let Some(audience) = &obj.audience
        && let Some(group) = DbGroup::local_by_ap_id(conn, audience.as_str()).await?
    {
        return Ok(Some(group));
    }
    let Some(parent) = &obj.in_reply_to else {
        return Ok(None);
    };
    let Some(parent) = DbPost::by_ap_id(conn, parent.as_str()).await? else {
        return Ok(None);
    };
    match super::flag::group_of_post(conn, &parent).await? {
        Some(audience) => Ok(DbGroup::local_by_ap_id(conn, &audience).await?),
        None => Ok(None),
    }
}

/// Whether `author` may add `obj` (a new thread or comment) to `group`: not banned; a
/// moderator where only moderators post threads; not into a locked or removed thread.
pub async fn check_contribution(
    conn: &mut AsyncPgConnection,
    group: &GroupFull,
    author: &DbActor,
    obj: &ArticleJson,
) -> Result<(), AppError> {
    let group_id = group.actor.id;
    if group::is_banned(conn, group_id, author.id).await? {
        return Err(AppError::forbidden("you are banned from this group"));
    }
    match &obj.in_reply_to {
        None => {
            if group.group.posting_restricted_to_mods
                && !group::is_moderator(conn, group_id, Moderator::Actor(author.id)).await?
            {
                return Err(AppError::forbidden(
                    "only the moderators of this group start threads",
                ));
            }
        }
        Some(parent) => check_reply_to(conn, group, parent.as_str()).await?,
    }
    Ok(())
}

/// A comment may answer a live post of the group's thread, when the thread is not locked.
pub async fn check_reply_to(
    conn: &mut AsyncPgConnection,
    group: &GroupFull,
    parent: &str,
) -> Result<(), AppError> {
    let Some(parent) = DbPost::by_ap_id(conn, parent).await? else {
        return Err(
            AppError::invalid("inReplyTo", "the post answered is not known here")
                .localized("forum-answer-unknown", &[]),
        );
    };
    if parent.deleted_at.is_some() {
        return Err(AppError::forbidden("the post answered was removed")
            .localized("forum-answer-removed", &[]));
    }
    let root = group::thread_of(conn, &parent).await?;
    let Some(root) = root.filter(|r| r.audience.as_deref() == Some(group.actor.ap_id.as_str()))
    else {
        return Err(
            AppError::forbidden("the post answered is not a thread of this group")
                .localized("forum-answer-elsewhere", &[]),
        );
    };
    if root.deleted_at.is_some() {
        return Err(
            AppError::forbidden("this thread was removed").localized("forum-thread-gone", &[])
        );
    }
    if group::forum_state(conn, root.id).await?.locked_at.is_some() {
        return Err(
            AppError::forbidden("this thread is locked").localized("forum-locked-notice", &[])
        );
    }
    Ok(())
}

/// The group passes `activity` on, unchanged, inside an `Announce` to its followers (and
/// to `also`, say the author of a removed post). A thread's `Create` is also announced as a
/// plain `Announce{Page}` (`page`), as Lemmy does for Mastodon.
pub async fn redistribute(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    group: &DbActor,
    activity: Value,
    page: Option<Value>,
    also: &[(String, String)],
) -> Result<(), AppError> {
    let mut inboxes = DbFollow::follower_inboxes(conn, group.id).await?;
    inboxes.extend(also.iter().cloned());
    inboxes.sort();
    inboxes.dedup();
    let followers = state.urls.group_part(&group.handle, "followers");
    // The post concerned: the wrapped activity's object, or the post itself (a showcase
    // announces a post by its id).
    let object_id = activity
        .get("object")
        .and_then(id_of)
        .or_else(|| activity.as_str().and_then(|s| url::Url::parse(s).ok()))
        .map(|u| u.to_string());
    let announce = |object: Value| {
        Activity::new(
            new_id(state, "announce"),
            ActivityKind::Announce,
            group.ap_id.as_str(),
            object,
            vec![PUBLIC.to_string()],
        )
        .with_cc(vec![followers.clone()])
        .with_audience(Some(group.ap_id.to_string()))
        .with_published(chrono::Utc::now())
    };
    if inboxes.is_empty() {
        return Ok(());
    }
    queue(
        conn,
        group,
        announce(activity),
        object_id.as_deref(),
        &inboxes,
    )
    .await?;
    if let Some(page) = page {
        queue(conn, group, announce(page), object_id.as_deref(), &inboxes).await?;
    }
    Ok(())
}

/// After a received post was stored for one of our groups: it belongs to the group, and the
/// group passes the activity on.
pub async fn accept_contribution(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    group: &GroupFull,
    activity: &Received,
    obj: &ArticleJson,
) -> Result<(), AppError> {
    DbPost::set_audience(conn, obj.id.as_str(), Some(group.actor.ap_id.as_str()), &[]).await?;
    let page = (activity.kind == ActivityKind::Create && obj.in_reply_to.is_none())
        .then(|| activity.object.as_ref().map(ObjectRef::to_value))
        .flatten();
    redistribute(conn, state, &group.actor, activity.raw.clone(), page, &[]).await
}

/// After a member deleted its own post in one of our groups: the group passes the `Delete` on.
pub async fn after_member_delete(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    post: &DbPost,
    activity: &Received,
) -> Result<(), AppError> {
    let Some(audience) = post
        .audience
        .as_deref()
        .filter(|a| state.urls.is_group_url(a))
    else {
        return Ok(());
    };
    if let Some(group) = DbGroup::local_by_ap_id(conn, audience).await? {
        redistribute(conn, state, &group.actor, activity.raw.clone(), None, &[]).await?;
    }
    Ok(())
}

/// What a moderator does to a thread, a comment or an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModAction {
    Remove,
    Lock,
    Unlock,
    Pin,
    Unpin,
    Ban,
    Unban,
}

impl ModAction {
    pub fn as_str(self) -> &'static str {
        match self {
            ModAction::Remove => "remove",
            ModAction::Lock => "lock",
            ModAction::Unlock => "unlock",
            ModAction::Pin => "pin",
            ModAction::Unpin => "unpin",
            ModAction::Ban => "ban",
            ModAction::Unban => "unban",
        }
    }

    pub fn parse(s: &str) -> Option<ModAction> {
        [
            ModAction::Remove,
            ModAction::Lock,
            ModAction::Unlock,
            ModAction::Pin,
            ModAction::Unpin,
            ModAction::Ban,
            ModAction::Unban,
        ]
        .into_iter()
        .find(|a| a.as_str() == s)
    }
}

/// The activity by which our group makes a moderator's action known, wrapped in the
/// group's `Announce` by the caller. `object` is the post or the actor acted on.
pub fn moderation_activity(
    state: &AppState,
    group: &DbActor,
    action: ModAction,
    object: &str,
    reason: Option<&str>,
) -> Value {
    let followers = state.urls.group_part(&group.handle, "followers");
    let build = |kind: ActivityKind, object: Value| {
        let mut a = Activity::new(
            new_id(state, kind.as_str()),
            kind,
            group.ap_id.as_str(),
            object,
            vec![PUBLIC.to_string()],
        )
        .with_cc(vec![followers.clone()])
        .with_audience(Some(group.ap_id.to_string()))
        .with_summary(reason.map(String::from));
        if matches!(kind, ActivityKind::Add | ActivityKind::Remove) {
            a = a.with_target(&state.urls.group_part(&group.handle, "featured"));
        }
        if kind == ActivityKind::Block {
            a = a.with_target(group.ap_id.as_str());
        }
        // An activity of strings and ids always serialises.
        serde_json::to_value(a).unwrap_or(Value::Null)
    };
    let id = Value::String(object.to_string());
    let undo = |inner: Value| build(ActivityKind::Undo, inner);
    match action {
        ModAction::Remove => build(
            ActivityKind::Delete,
            serde_json::json!(Tombstone::of(object)),
        ),
        ModAction::Lock => build(ActivityKind::Lock, id),
        ModAction::Unlock => undo(build(ActivityKind::Lock, id)),
        ModAction::Pin => build(ActivityKind::Add, id),
        ModAction::Unpin => build(ActivityKind::Remove, id),
        ModAction::Ban => build(ActivityKind::Block, id),
        ModAction::Unban => undo(build(ActivityKind::Block, id)),
    }
}

/// Applies a moderation action on one of our groups' threads, comments or members, records
/// it, and has the group announce it; in the caller's transaction. Whoever calls has
/// checked that `by` may moderate the group. A post acted on must belong to the group.
pub async fn moderate(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    group: &GroupFull,
    action: ModAction,
    object: &str,
    reason: Option<&str>,
    by: Moderator,
) -> Result<(), AppError> {
    let group_ap_id = group.actor.ap_id.as_str();
    let mut also = vec![];
    match action {
        ModAction::Ban | ModAction::Unban => {
            let Some(target) = DbActor::by_ap_id(conn, object).await? else {
                return Err(AppError::invalid("object", "no such actor is known here"));
            };
            if target.id == group.actor.id {
                return Err(AppError::invalid("object", "a group cannot ban itself"));
            }
            let changed = if action == ModAction::Ban {
                group::ban(conn, group.actor.id, target.id, reason).await?
            } else {
                group::unban(conn, group.actor.id, target.id).await?
            };
            if !changed {
                return Ok(());
            }
            if !target.local {
                also.push(inbox_of(&target));
            }
        }
        _ => {
            let post = DbPost::by_ap_id(conn, object)
                .await?
                .filter(|p| p.audience.as_deref() == Some(group_ap_id))
                .ok_or_else(|| {
                    AppError::invalid("object", "no thread or comment of this group has that id")
                })?;
            let top = post.in_reply_to.is_none();
            if matches!(
                action,
                ModAction::Lock | ModAction::Unlock | ModAction::Pin | ModAction::Unpin
            ) && !top
            {
                return Err(AppError::invalid(
                    "object",
                    "only a thread can be locked or pinned, not a comment",
                ));
            }
            if post.deleted_at.is_some() {
                return Err(AppError::conflict("that post was removed already"));
            }
            let changed = match action {
                ModAction::Remove => {
                    DbPost::delete(conn, post.id).await?;
                    true
                }
                ModAction::Lock | ModAction::Unlock => {
                    group::set_locked(conn, post.id, action == ModAction::Lock).await?
                }
                // Ban and Unban took the branch above: what is left is pinning.
                _ => {
                    let pin = action == ModAction::Pin;
                    let was = post.pinned_at.is_some();
                    DbPost::set_pinned(conn, post.id, pin).await?;
                    was != pin
                }
            };
            if !changed {
                return Ok(());
            }
            let author = DbActor::by_id(conn, post.actor_id).await?;
            if !author.local && action == ModAction::Remove {
                also.push(inbox_of(&author));
            }
        }
    }
    let (account_id, actor_id) = match by {
        Moderator::Account(a) => (Some(a), None),
        Moderator::Actor(a) => (None, Some(a)),
    };
    group::log(
        conn,
        &NewLogEntry {
            group_ap_id,
            action: action.as_str(),
            object_ap_id: object,
            account_id,
            actor_id,
            reason,
        },
    )
    .await?;
    let activity = moderation_activity(state, &group.actor, action, object, reason);
    redistribute(conn, state, &group.actor, activity, None, &also).await
}

/// A `Delete` of a post in one of our groups by one of the group's remote moderators (not
/// the author): a removal. `Ok(false)` when the sender is no moderator of the post's group.
pub async fn receive_moderator_delete(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    moderator: &DbActor,
    post: &DbPost,
    activity: &Received,
) -> Result<bool, AppError> {
    let Some(audience) = post
        .audience
        .as_deref()
        .filter(|a| state.urls.is_group_url(a))
    else {
        return Ok(false);
    };
    let Some(group) = DbGroup::local_by_ap_id(conn, audience).await? else {
        return Ok(false);
    };
    if !group::is_moderator(conn, group.actor.id, Moderator::Actor(moderator.id)).await? {
        return Ok(false);
    }
    let reason = activity.raw.get("summary").and_then(Value::as_str);
    moderate(
        conn,
        state,
        &group,
        ModAction::Remove,
        post.ap_id.as_str(),
        reason,
        Moderator::Actor(moderator.id),
    )
    .await?;
    Ok(true)
}

/// An `Announce` by a remote group of one of its moderators' actions (or its own), or of a
/// member's deletion of its own post: a `Delete`, `Lock`, `Undo{Lock}`, `Add`/`Remove` to its
/// featured collection. Applied only when it acts on a thread or comment of that group, and
/// the wrapped activity comes from the group's own instance or, for a `Delete`, from the
/// post's author (a Lemmy community announces its members' deletions of their own posts,
/// whatever their instance). `Ok(false)` when the wrapped activity is none of these.
pub async fn receive_group_action(
    conn: &mut AsyncPgConnection,
    group_actor: &DbActor,
    inner: &ObjectRef,
) -> Result<bool, AppError> {
    let doc = inner.embedded();
    let kind = type_of(doc).unwrap_or_default();
    let undo_lock = kind == "Undo" && type_of(&doc["object"]) == Some("Lock");
    if !matches!(kind, "Delete" | "Lock" | "Add" | "Remove") && !undo_lock {
        return Ok(false);
    }
    let inner_actor = id_of(&doc["actor"])
        .ok_or_else(|| AppError::bad_request(format!("the announced {kind} names no actor")))?;
    let target = if undo_lock {
        id_of(&doc["object"]["object"])
    } else {
        id_of(&doc["object"])
    }
    .ok_or_else(|| AppError::bad_request(format!("the announced {kind} names no object")))?;
    let Some(post) = DbPost::by_ap_id(conn, target.as_str()).await? else {
        return Ok(true); // nothing of ours to change
    };
    if post.audience.as_deref() != Some(group_actor.ap_id.as_str()) {
        return Err(AppError::forbidden(
            "a group moderates only its own threads",
        ));
    }
    if authority(&inner_actor) != group_actor.domain {
        let authors_own =
            kind == "Delete" && DbActor::by_id(conn, post.actor_id).await?.ap_id.0 == inner_actor;
        if !authors_own {
            return Err(AppError::forbidden(
                "a group's moderation is accepted from the group's own instance only",
            ));
        }
    }
    let featured = group_actor
        .followers_url
        .as_deref()
        .map(|f| f.trim_end_matches("followers").to_string() + "featured");
    let action = match kind {
        "Delete" => {
            if post.deleted_at.is_none() {
                DbPost::delete(conn, post.id).await?;
            }
            ModAction::Remove
        }
        "Lock" => {
            group::set_locked(conn, post.id, true).await?;
            ModAction::Lock
        }
        "Undo" => {
            group::set_locked(conn, post.id, false).await?;
            ModAction::Unlock
        }
        // Pinning: only when the target is the group's featured collection (Lemmy also
        // sends Add/Remove of moderators, to its moderators collection).
        "Add" | "Remove" => {
            let to_featured = id_of(&doc["target"]).is_some_and(|t| {
                t.path().ends_with("/featured") || featured.as_deref() == Some(t.as_str())
            });
            if !to_featured {
                return Ok(true);
            }
            let pin = kind == "Add";
            DbPost::set_pinned(conn, post.id, pin).await?;
            if pin {
                ModAction::Pin
            } else {
                ModAction::Unpin
            }
        }
        _ => return Ok(false),
    };
    let actor_row = DbActor::by_ap_id(conn, inner_actor.as_str()).await?;
    group::log(
        conn,
        &NewLogEntry {
            group_ap_id: group_actor.ap_id.as_str(),
            action: action.as_str(),
            object_ap_id: post.ap_id.as_str(),
            account_id: None,
            actor_id: Some(actor_row.map_or(group_actor.id, |a| a.id)),
            reason: doc.get("summary").and_then(Value::as_str),
        },
    )
    .await?;
    Ok(true)
}
