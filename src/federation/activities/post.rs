//! Create, Update and Delete of posts: publishing ours to followers, storing others' (posts
//! from actors we follow, and replies to our posts).

use super::relay::Subscribers;
use super::{inbox_of, new_id, queue};
use crate::db::models::actor::DbActor;
use crate::db::models::event::DbEvent;
use crate::db::models::follow::DbFollow;
use crate::db::models::inbox::{ArrivalOf, NewPost, receive_new_post};
use crate::db::models::post::{DbPost, PostFull};
use crate::error::AppError;
use crate::federation::objects::actor::authority;
use crate::federation::objects::event::{EventPart, remote_event};
use crate::federation::objects::post::{PostExtras, Thread, create_json, remote_post_data};
use crate::federation::protocol::activity::{Activity, ActivityKind, Received, Tombstone};
use crate::federation::protocol::article::ArticleJson;
use crate::federation::protocol::event::EventTerms;
use crate::federation::{PUBLIC, is_public};
use crate::state::AppState;
use diesel_async::AsyncPgConnection;

/// Object types we store as posts.
pub const POST_TYPES: &[&str] = &["Note", "Article", "Page", "Event", "Question"];

/// Where a post's activities go: remote followers; for a reply, the author of the post it
/// answers and the group of the thread (which redistributes it to its followers).
async fn recipients(
    conn: &mut AsyncPgConnection,
    author: &DbActor,
    post: &PostFull,
    thread: Option<&Thread>,
    subscribers: &Subscribers,
) -> Result<Vec<(String, String)>, AppError> {
    let mut inboxes = DbFollow::follower_inboxes(conn, author.id).await?;
    if let Some(thread) = thread {
        let answered = Some(&thread.parent_author).into_iter();
        for actor in answered.chain(thread.group_actor.as_ref()) {
            if !actor.local {
                inboxes.push(inbox_of(actor));
            }
        }
    } else if let Some(group) = &post.post.audience
        && let Some(group) = DbActor::by_ap_id(conn, group).await?
        && !group.local
    {
        // A new thread in another server's group (FEP-1b12): the group passes it on.
        inboxes.push(inbox_of(&group));
    }
    // An event's participants hear of its changes and cancellation.
    inboxes.extend(super::event::participant_inboxes(conn, &post.post).await?);
    // Other networks' showcases it is submitted to hear of its edits and deletion.
    inboxes.extend(crate::review::showcase_inboxes(conn, post.post.id).await?);
    if author.indexable && post.post.in_reply_to.is_none() {
        // Subscribed networks hold a copy: they get its edits and deletion too.
        inboxes.extend(subscribers.inboxes.iter().cloned());
    }
    inboxes.sort();
    inboxes.dedup();
    Ok(inboxes)
}

/// Queues Create (or Update) of a local post to its recipients.
pub async fn publish(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    author: &DbActor,
    post: &PostFull,
    update: bool,
) -> Result<(), AppError> {
    let extras = if update {
        PostExtras::load(conn, post).await?
    } else {
        // Nothing has reacted to a new post yet.
        PostExtras {
            counts: Default::default(),
            thread: Thread::of(conn, &post.post).await?,
            event: EventPart::load(conn, &post.post).await?,
        }
    };
    if let Some(group) = extras.thread.as_ref().and_then(|t| t.group.as_ref())
        && post.post.audience.as_deref() != Some(group.as_str())
    {
        // Kept with our reply, so that an answer to it stays in the group's thread.
        DbPost::set_audience(conn, post.post.ap_id.as_str(), Some(group.as_str()), &[]).await?;
    }
    let mut activity =
        create_json(post, author, &state.urls, &extras).map_err(AppError::internal)?;
    if update {
        activity.kind = "Update".into();
        activity.id = url::Url::parse(&new_id(state, "update")).map_err(AppError::internal)?;
        activity.published = Some(post.post.updated.unwrap_or(post.post.published));
    }
    let page = (!update && post.post.in_reply_to.is_none() && post.post.audience.is_some())
        .then(|| serde_json::to_value(&activity.object))
        .transpose()
        .map_err(AppError::internal)?;
    let activity = serde_json::to_value(activity).map_err(AppError::internal)?;
    // One of our groups passes its thread's activities on to its followers.
    let group = own_group(conn, state, post, extras.thread.as_ref()).await?;
    if let Some(group) = &group {
        super::group::redistribute(conn, state, &group.actor, activity.clone(), page, &[]).await?;
    }
    // Subscribed networks get a new post twice (this Create, and the instance actor's
    // Announce below); the second finds it stored already.
    let subscribers = super::relay::subscribers(conn).await?;
    let inboxes = recipients(conn, author, post, extras.thread.as_ref(), &subscribers).await?;
    queue(
        conn,
        author,
        activity,
        Some(post.post.ap_id.as_str()),
        &inboxes,
    )
    .await?;
    // A group's thread is the group's to pass on, not the network's.
    if !update && post.post.audience.is_none() {
        super::relay::relay_new_post(conn, state, author, &post.post, &subscribers).await?;
    }
    Ok(())
}

/// The local group a local post was written in: a thread's `audience`, a reply's thread.
async fn own_group(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    post: &PostFull,
    thread: Option<&Thread>,
) -> Result<Option<crate::db::models::group::GroupFull>, AppError> {
    let group = match thread {
        Some(t) => t.group.as_ref().map(url::Url::as_str),
        None => post.post.audience.as_deref(),
    };
    match group.filter(|g| state.urls.is_group_url(g)) {
        Some(g) => Ok(crate::db::models::group::DbGroup::local_by_ap_id(conn, g).await?),
        None => Ok(None),
    }
}

/// Queues Delete{Tombstone} of a local post (call before its content is dropped).
pub async fn publish_delete(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    author: &DbActor,
    post: &PostFull,
) -> Result<(), AppError> {
    let subscribers = super::relay::subscribers(conn).await?;
    let thread = Thread::of(conn, &post.post).await?;
    let inboxes = recipients(conn, author, post, thread.as_ref(), &subscribers).await?;
    let mut to = vec![PUBLIC.to_string()];
    let mut cc = vec![state.urls.followers(&author.handle)];
    let mut audience = None;
    if let Some(thread) = &thread {
        if thread.parent_author.id != author.id {
            cc.push(thread.parent_author.ap_id.to_string());
        }
        if let Some(group) = &thread.group {
            to.push(group.to_string());
            audience = Some(group.to_string());
        }
    } else if let Some(group) = &post.post.audience {
        to.push(group.clone());
        audience = Some(group.clone());
    }
    let activity = Activity::new(
        new_id(state, "delete"),
        ActivityKind::Delete,
        author.ap_id.as_str(),
        Tombstone::of(post.post.ap_id.as_str()),
        to,
    )
    .with_cc(cc)
    .with_audience(audience);
    if let Some(group) = own_group(conn, state, post, thread.as_ref()).await? {
        let value = serde_json::to_value(&activity).map_err(AppError::internal)?;
        super::group::redistribute(conn, state, &group.actor, value, None, &[]).await?;
    }
    queue(
        conn,
        author,
        activity,
        Some(post.post.ap_id.as_str()),
        &inboxes,
    )
    .await?;
    Ok(())
}

/// Notes the group a received post belongs to (`DbPost::set_audience`): its `audience`,
/// else the group that announced it (FEP-1b12), else a known `Group` actor in its `to`/`cc`.
/// No statement when nothing could point at a group (the usual `to` Public, `cc` followers).
pub async fn remember_audience(
    conn: &mut AsyncPgConnection,
    obj: &ArticleJson,
    announcer: Option<&DbActor>,
) -> diesel::QueryResult<()> {
    let explicit = obj.audience.as_ref().map(url::Url::as_str).or_else(|| {
        announcer
            .filter(|a| a.actor_type == "Group")
            .map(|a| a.ap_id.as_str())
    });
    let addressed: Vec<String> = obj
        .to
        .iter()
        .chain(&obj.cc)
        .filter(|u| {
            u.as_str() != PUBLIC && *u != &obj.attributed_to && !u.path().ends_with("/followers")
        })
        .map(url::Url::to_string)
        .collect();
    if explicit.is_none() && addressed.is_empty() {
        return Ok(());
    }
    DbPost::set_audience(conn, obj.id.as_str(), explicit, &addressed).await?;
    Ok(())
}

/// A group announced a post we have (FEP-1b12): the post belongs to it, unless it was
/// noted with another group before.
pub async fn remember_announcing_group(
    conn: &mut AsyncPgConnection,
    post: &DbPost,
    announcer: &DbActor,
) -> diesel::QueryResult<()> {
    if announcer.actor_type == "Group" && !post.local && post.audience.is_none() {
        DbPost::set_audience(
            conn,
            post.ap_id.as_str(),
            Some(announcer.ap_id.as_str()),
            &[],
        )
        .await?;
    }
    Ok(())
}

/// Whether a received post is public: the public collection is among the addresses of the
/// post or of the activity that brings it (in `to` a public post, in `cc` an unlisted one).
/// Every page and collection here is public, and a group passes its threads on to everyone:
/// a followers-only or direct post (a Mastodon reply to one of ours, a mention of a group) is
/// not stored, so that it is never shown to more people than its author chose.
pub fn addressed_publicly(obj: &ArticleJson, activity: &Received) -> bool {
    obj.to.iter().chain(&obj.cc).any(|u| is_public(u.as_str()))
        || activity.to.iter().chain(&activity.cc).any(|a| is_public(a))
}

/// Whether we want a remote post: its author is followed here, it replies to a post we have
/// (`answers_ours`), or it is addressed to one of our actors.
async fn wanted(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &DbActor,
    followed: Option<bool>,
    obj: &ArticleJson,
    activity: &Received,
    answers_ours: bool,
) -> Result<bool, AppError> {
    use crate::db::schema::follows;
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    let followed: bool = match followed {
        Some(known) => known,
        None => {
            diesel::select(diesel::dsl::exists(
                follows::table
                    .filter(follows::followed_id.eq(actor.id))
                    .filter(follows::accepted.eq(true)),
            ))
            .get_result(conn)
            .await?
        }
    };
    if followed {
        return Ok(true);
    }
    if answers_ours {
        return Ok(true);
    }
    let base = format!("{}/", state.urls.base());
    let ours = |a: &str| a.starts_with(&base);
    Ok(activity.addressed().any(ours)
        || obj.to.iter().chain(obj.cc.iter()).any(|u| ours(u.as_str())))
}

/// A `Create` of a new post in one language and without images, from an actor someone here
/// follows, recorded and stored in one statement (`inbox::receive_new_post`). `None` when
/// the activity is anything else (several languages, images, an object we would refuse), or
/// the post is stored already: the caller then takes the general path (which also gives any
/// error its answer).
pub async fn receive_new(
    conn: &mut AsyncPgConnection,
    base: &str,
    actor: &DbActor,
    arrival: &ArrivalOf<'_>,
    activity: &Received,
) -> Result<Option<NewPost>, AppError> {
    let Some(object) = &activity.object else {
        return Ok(None);
    };
    // Events take the general path, which also stores their event part.
    if !object
        .kind()
        .is_some_and(|k| POST_TYPES.contains(&k) && k != "Event")
    {
        return Ok(None);
    }
    let Ok(obj) = object.parse::<ArticleJson>() else {
        return Ok(None);
    };
    if authority(&obj.id) != actor.domain
        || obj.attributed_to != actor.ap_id.0
        || !addressed_publicly(&obj, activity)
    {
        return Ok(None);
    }
    // Replies and posts to groups take the general path, which checks what a group allows
    // (a Mastodon post to one of our groups names it only in `to` or `cc`: anything
    // addressed to one of our actors takes it); a funded project too (the one-statement
    // insert has no column for its programme).
    let ours = |a: &str| {
        a.strip_prefix(base)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    if obj.in_reply_to.is_some()
        || obj.audience.is_some()
        || obj.funded_by.is_some()
        || activity.addressed().any(ours)
        || obj.to.iter().chain(&obj.cc).any(|u| ours(u.as_str()))
    {
        return Ok(None);
    }
    let data = remote_post_data(&obj);
    // Not after now, as on the general path (`NewPostRow`).
    let now = chrono::Utc::now();
    let published = obj.published.map_or(now, |p| p.min(now));
    match receive_new_post(conn, arrival, obj.id.as_str(), actor.id, &data, published).await? {
        NewPost::Exists => Ok(None),
        NewPost::Stored => {
            remember_audience(conn, &obj, None).await?;
            Ok(Some(NewPost::Stored))
        }
        done => Ok(Some(done)),
    }
}

/// Inbound Create or Update of a post. `followed`: whether anyone here follows the actor,
/// when the inbox already knows (its signer lookup tells).
pub async fn receive_create_or_update(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &DbActor,
    followed: Option<bool>,
    activity: &Received,
) -> Result<(), AppError> {
    let object = activity.object().map_err(AppError::bad_request)?;
    let kind = object.kind().unwrap_or_default();
    if !POST_TYPES.contains(&kind) {
        tracing::info!(kind, "object type not stored");
        return Ok(());
    }
    let obj: ArticleJson = object
        .parse()
        .map_err(|e| AppError::bad_request(format!("unreadable {kind}: {e}")))?;
    // An Event has its own terms; without a start it is no event we can show.
    let terms: Option<EventTerms> = if kind == "Event" {
        Some(
            object
                .parse()
                .map_err(|e| AppError::bad_request(format!("unreadable Event: {e}")))?,
        )
    } else {
        None
    };
    // Mobilizon sends a group's event with the group as `attributedTo` and the member who
    // published it as `actor`: both on the event's host.
    let own = obj.attributed_to == actor.ap_id.0
        || (terms.is_some() && authority(&obj.attributed_to) == actor.domain);
    if authority(&obj.id) != actor.domain || !own {
        return Err(AppError::forbidden(
            "an actor may only create or update its own objects, on its own host",
        ));
    }
    if !addressed_publicly(&obj, activity) {
        tracing::info!(object = %obj.id, "post not addressed to the public; not stored");
        return Ok(());
    }
    // An Update names a post we may have; a Create is taken for new (and looked up only if
    // its INSERT finds the post stored before).
    let known = if activity.kind == ActivityKind::Update {
        DbPost::by_ap_id(conn, obj.id.as_str()).await?
    } else {
        None
    };
    // A thread or comment for one of our groups: the group's rules first, nothing stored
    // when they refuse it; the group passes it on once stored.
    // The post it answers, looked up once: it tells the group and whether we want it.
    let parent = match &obj.in_reply_to {
        Some(p) => DbPost::by_ap_id(conn, p.as_str()).await?,
        None => None,
    };
    // An edit of a post we have stays in the group it is in (an Update naming another group
    // does not move it there), and a ban from that group holds whatever the Update names.
    let group = match &known {
        None => {
            super::group::addressed_local_group(conn, state, activity, &obj, parent.as_ref())
                .await?
        }
        Some(post) => super::group::local_group_of_post(conn, state, post).await?,
    };
    if let Some(group) = &group {
        if known.is_none() {
            super::group::check_contribution(conn, group, actor, &obj).await?;
        } else if crate::db::models::group::is_banned(conn, group.actor.id, actor.id).await? {
            return Err(AppError::forbidden("you are banned from this group"));
        }
    }
    // Mobilizon: a group's event published by a member is the group's (its `attributedTo`),
    // when the group is known here: followed for it, stored as its, and edited later by any
    // member of its host. An unknown group leaves it with the member who sent it.
    let author = match &terms {
        Some(_) if obj.attributed_to != actor.ap_id.0 => {
            DbActor::by_ap_id(conn, obj.attributed_to.as_str())
                .await?
                .filter(|g| !g.local && g.domain == actor.domain)
        }
        _ => None,
    };
    let (author, followed) = match &author {
        Some(group) => (group, None),
        None => (actor, followed),
    };
    if group.is_none()
        && known.is_none()
        && !wanted(
            conn,
            state,
            author,
            followed,
            &obj,
            activity,
            parent.is_some(),
        )
        .await?
    {
        tracing::info!(object = %obj.id, "post from an actor nobody here follows; ignored");
        return Ok(());
    }
    let stored = store_received(conn, author, &obj, terms.as_ref(), known).await?;
    // Passed on only what was stored: not the edit of a removed post, nor an older version.
    if stored && let Some(group) = &group {
        super::group::accept_contribution(conn, state, group, activity, &obj).await?;
    }
    Ok(())
}

/// Whether `post` is the event of a remote group on `actor`'s host (Mobilizon: any member
/// with the right there deletes the group's event; its server decides who may).
async fn group_event_of_host(
    conn: &mut AsyncPgConnection,
    post: &DbPost,
    actor: &DbActor,
) -> Result<bool, AppError> {
    if post.object_type != "Event" || post.local {
        return Ok(false);
    }
    let author = DbActor::by_id(conn, post.actor_id).await?;
    Ok(!author.local && author.actor_type == "Group" && author.domain == actor.domain)
}

/// `obj` as the version of a remote post by `author_id` ([`DbPost::store_remote`]: new, or
/// replacing `existing` unless older), in the caller's transaction; another actor's post is
/// refused (403).
pub async fn store_version(
    conn: &mut AsyncPgConnection,
    existing: Option<DbPost>,
    obj: &ArticleJson,
    author_id: i64,
) -> Result<DbPost, AppError> {
    DbPost::store_remote(
        conn,
        existing,
        obj.id.as_str(),
        author_id,
        &remote_post_data(obj),
        obj.published,
        obj.updated,
    )
    .await
    .map_err(|e| match e {
        diesel::result::Error::NotFound => {
            AppError::forbidden("that object belongs to another actor")
        }
        other => other.into(),
    })
}

/// Stores the event part of a remote post (an `Event`) as its document gives it. A repeated
/// delivery changes nothing (and does not raise the sequence).
pub async fn save_event_part(
    conn: &mut AsyncPgConnection,
    post_id: i64,
    terms: &EventTerms,
    obj: &ArticleJson,
) -> Result<(), AppError> {
    let event = remote_event(post_id, terms, &obj.attachment);
    let stored = DbEvent::by_post(conn, post_id).await?;
    if stored.as_ref().is_none_or(|s| {
        let mut s = s.clone();
        s.sequence = 0;
        s != event
    }) {
        DbEvent::save(conn, &event).await?;
    }
    Ok(())
}

/// Stores a received post (new, or a new version of one we have) and its event part.
/// `false` when nothing was stored: the post was deleted here, or this version is older.
async fn store_received(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    obj: &ArticleJson,
    terms: Option<&EventTerms>,
    known: Option<DbPost>,
) -> Result<bool, AppError> {
    let data = remote_post_data(obj);
    let exists = match known {
        Some(post) => Some(post),
        // New here (the usual case): one INSERT that skips a post stored before.
        None => match DbPost::insert_remote(
            conn,
            obj.id.as_str(),
            actor.id,
            &data,
            obj.published,
            obj.updated,
        )
        .await?
        {
            Some(post) => {
                if let Some(terms) = terms {
                    DbEvent::save(conn, &remote_event(post.id, terms, &obj.attachment)).await?;
                }
                remember_audience(conn, obj, None).await?;
                return Ok(true);
            }
            None => DbPost::by_ap_id(conn, obj.id.as_str()).await?,
        },
    };
    if exists.as_ref().is_some_and(|p| p.deleted_at.is_some()) {
        return Ok(false); // deleted stays deleted
    }
    // A retried delivery of an earlier version (an edit, the Create) arriving after a later
    // one: the post and its event part stay as they are.
    if exists
        .as_ref()
        .is_some_and(|p| p.holds_newer_than(obj.published, obj.updated))
    {
        tracing::info!(object = %obj.id, "an older version of a stored post; ignored");
        return Ok(false);
    }
    // A post's group does not change with an edit.
    let had_group = exists.as_ref().is_some_and(|p| p.audience.is_some());
    // In the inbox's transaction: no savepoint, and the lookup above is not repeated.
    let post = store_version(conn, exists, obj, actor.id).await?;
    if let Some(terms) = terms {
        save_event_part(conn, post.id, terms, obj).await?;
    }
    crate::review::after_edit(
        conn,
        post.id,
        crate::db::models::submission::By::Actor(actor.id),
    )
    .await?;
    if !had_group {
        remember_audience(conn, obj, None).await?;
    }
    Ok(true)
}

/// Inbound Delete of a post: the author's own; or, in one of our groups, a removal by one
/// of the group's moderators. A post in one of our groups: the group passes the Delete on.
pub async fn receive_delete_object(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &DbActor,
    object_id: &url::Url,
    activity: &Received,
) -> Result<(), AppError> {
    if let Some(post) = DbPost::by_ap_id(conn, object_id.as_str()).await? {
        if post.actor_id != actor.id && !group_event_of_host(conn, &post, actor).await? {
            if super::group::receive_moderator_delete(conn, state, actor, &post, activity).await? {
                return Ok(());
            }
            return Err(AppError::forbidden(
                "an actor may only delete its own objects",
            ));
        }
        if post.deleted_at.is_none() {
            DbPost::delete(conn, post.id).await?;
            super::group::after_member_delete(conn, state, &post, activity).await?;
        }
    }
    Ok(())
}
