//! Discussion groups (FEP-1b12): the settings of our `Group` actors, their moderators, bans
//! and moderation log, and the forum's reading queries (a group's threads by latest
//! activity, a thread's comments). Threads and comments themselves are posts (`posts.rs`):
//! a thread is a `Page`, a comment a `Note`, both with the group as `audience`.

use crate::db::models::actor::{DbActor, NewActor};
use crate::db::models::post::{DbPost, PostFull, load_many};
use crate::db::schema::{actors, group_bans, group_moderators, groups, moderation_log, posts};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::Value;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = groups)]
pub struct DbGroup {
    pub actor_id: i64,
    /// Language code → name.
    pub name_map: Value,
    /// Language code → rules, plain text.
    pub rules_map: Value,
    pub posting_restricted_to_mods: bool,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
}

/// A local group: its actor and its settings.
#[derive(Debug, Clone)]
pub struct GroupFull {
    pub actor: DbActor,
    pub group: DbGroup,
}

impl GroupFull {
    /// The name in `lang`, else the actor's name.
    pub fn name_in(&self, lang: &str) -> &str {
        text_in(&self.group.name_map, lang).unwrap_or(&self.actor.name)
    }

    /// The rules in `lang`, else in the first language they exist in.
    pub fn rules_in(&self, lang: &str) -> Option<&str> {
        text_in(&self.group.rules_map, lang).or_else(|| {
            self.group
                .rules_map
                .as_object()
                .and_then(|m| m.values().find_map(Value::as_str))
        })
    }
}

fn text_in<'a>(map: &'a Value, lang: &str) -> Option<&'a str> {
    map.get(lang)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// A thread as the forum lists it: its post, and what the list shows about it.
#[derive(Debug, Clone)]
pub struct ThreadSummary {
    pub post: PostFull,
    pub locked: bool,
    pub comments: i64,
    pub last_activity: DateTime<Utc>,
}

/// The forum state of one post: locked, the thread it belongs to.
#[derive(Debug, Clone, Queryable)]
pub struct ForumState {
    pub locked_at: Option<DateTime<Utc>>,
    pub thread_root: Option<String>,
}

/// One line of the moderation log.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = moderation_log)]
pub struct LogEntry {
    pub id: i64,
    pub group_ap_id: String,
    pub action: String,
    pub object_ap_id: String,
    pub account_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = moderation_log)]
pub struct NewLogEntry<'a> {
    pub group_ap_id: &'a str,
    pub action: &'a str,
    pub object_ap_id: &'a str,
    pub account_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub reason: Option<&'a str>,
}

/// Who moderates: a local account, or an actor (a remote moderator; a remote group acting
/// on its own thread).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moderator {
    Account(i64),
    Actor(i64),
}

impl DbGroup {
    /// Creates the group's actor and its settings in one transaction.
    pub async fn create(
        conn: &mut AsyncPgConnection,
        actor: &NewActor,
        name_map: Value,
        rules_map: Value,
        posting_restricted_to_mods: bool,
        created_by: Option<i64>,
        moderators: &[i64],
    ) -> QueryResult<GroupFull> {
        conn.transaction(async |conn| {
            let actor = DbActor::insert(conn, actor).await?;
            let group: DbGroup = diesel::insert_into(groups::table)
                .values((
                    groups::actor_id.eq(actor.id),
                    groups::name_map.eq(name_map),
                    groups::rules_map.eq(rules_map),
                    groups::posting_restricted_to_mods.eq(posting_restricted_to_mods),
                    groups::created_by.eq(created_by),
                ))
                .returning(DbGroup::as_returning())
                .get_result(conn)
                .await?;
            for account in moderators {
                add_moderator(conn, actor.id, Moderator::Account(*account)).await?;
            }
            Ok(GroupFull { actor, group })
        })
        .await
    }

    /// A local group by handle.
    pub async fn local_by_handle(
        conn: &mut AsyncPgConnection,
        handle: &str,
    ) -> QueryResult<Option<GroupFull>> {
        find_local(conn, Which::Handle(handle)).await
    }

    /// A local group by its actor's id (`ap_id`); `None` for anything else.
    pub async fn local_by_ap_id(
        conn: &mut AsyncPgConnection,
        ap_id: &str,
    ) -> QueryResult<Option<GroupFull>> {
        find_local(conn, Which::ApId(ap_id)).await
    }

    /// The first local group among `ap_ids` (one query).
    pub async fn first_local_of(
        conn: &mut AsyncPgConnection,
        ap_ids: &[String],
    ) -> QueryResult<Option<GroupFull>> {
        if ap_ids.is_empty() {
            return Ok(None);
        }
        find_local(conn, Which::AnyOf(ap_ids)).await
    }

    /// Every local group, by name.
    pub async fn list_local(conn: &mut AsyncPgConnection) -> QueryResult<Vec<GroupFull>> {
        Ok(groups::table
            .inner_join(actors::table)
            .filter(actors::local.eq(true))
            .filter(actors::deleted_at.is_null())
            .order(actors::name.asc())
            .select((DbActor::as_select(), DbGroup::as_select()))
            .load::<(DbActor, DbGroup)>(conn)
            .await?
            .into_iter()
            .map(|(actor, group)| GroupFull { actor, group })
            .collect())
    }
}

/// How a local group is looked for.
enum Which<'a> {
    Handle(&'a str),
    ApId(&'a str),
    AnyOf(&'a [String]),
}

async fn find_local(
    conn: &mut AsyncPgConnection,
    which: Which<'_>,
) -> QueryResult<Option<GroupFull>> {
    let q = groups::table
        .inner_join(actors::table)
        .filter(actors::local.eq(true))
        .select((DbActor::as_select(), DbGroup::as_select()))
        .into_boxed();
    let q = match which {
        Which::Handle(h) => q.filter(actors::handle.eq(h)),
        Which::ApId(a) => q.filter(actors::ap_id.eq(a)),
        Which::AnyOf(ids) => q.filter(actors::ap_id.eq_any(ids)),
    };
    Ok(q.first::<(DbActor, DbGroup)>(conn)
        .await
        .optional()?
        .map(|(actor, group)| GroupFull { actor, group }))
}

pub async fn add_moderator(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    who: Moderator,
) -> QueryResult<()> {
    let (account, actor) = match who {
        Moderator::Account(a) => (Some(a), None),
        Moderator::Actor(a) => (None, Some(a)),
    };
    if is_moderator(conn, group_id, who).await? {
        return Ok(());
    }
    diesel::insert_into(group_moderators::table)
        .values((
            group_moderators::group_id.eq(group_id),
            group_moderators::account_id.eq(account),
            group_moderators::actor_id.eq(actor),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn is_moderator(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    who: Moderator,
) -> QueryResult<bool> {
    let q = group_moderators::table.filter(group_moderators::group_id.eq(group_id));
    match who {
        Moderator::Account(a) => {
            diesel::select(diesel::dsl::exists(
                q.filter(group_moderators::account_id.eq(a)),
            ))
            .get_result(conn)
            .await
        }
        Moderator::Actor(a) => {
            diesel::select(diesel::dsl::exists(
                q.filter(group_moderators::actor_id.eq(a)),
            ))
            .get_result(conn)
            .await
        }
    }
}

/// Whether an account may post where only moderators may: a moderator of the group, or
/// an editor of an organisation that moderates it.
pub async fn account_moderates(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    account_id: i64,
) -> QueryResult<bool> {
    use crate::db::schema::editors;
    diesel::select(diesel::dsl::exists(
        group_moderators::table
            .filter(group_moderators::group_id.eq(group_id))
            .filter(
                group_moderators::account_id
                    .eq(account_id)
                    .or(group_moderators::actor_id.eq_any(
                        editors::table
                            .filter(editors::account_id.eq(account_id))
                            .select(editors::actor_id.nullable()),
                    )),
            ),
    ))
    .get_result(conn)
    .await
}

/// The actors among a group's moderators (its `attributedTo` collection).
pub async fn moderator_actors(
    conn: &mut AsyncPgConnection,
    group_id: i64,
) -> QueryResult<Vec<DbActor>> {
    actors::table
        .filter(
            actors::id.nullable().eq_any(
                group_moderators::table
                    .filter(group_moderators::group_id.eq(group_id))
                    .select(group_moderators::actor_id),
            ),
        )
        .order(actors::id.asc())
        .select(DbActor::as_select())
        .load(conn)
        .await
}

/// The usernames of the accounts moderating a group.
pub async fn moderator_usernames(
    conn: &mut AsyncPgConnection,
    group_id: i64,
) -> QueryResult<Vec<String>> {
    use crate::db::schema::accounts;
    accounts::table
        .inner_join(
            group_moderators::table.on(group_moderators::account_id.eq(accounts::id.nullable())),
        )
        .filter(group_moderators::group_id.eq(group_id))
        .order(accounts::username.asc())
        .select(accounts::username)
        .load(conn)
        .await
}

pub async fn ban(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    actor_id: i64,
    reason: Option<&str>,
) -> QueryResult<bool> {
    let n = diesel::insert_into(group_bans::table)
        .values((
            group_bans::group_id.eq(group_id),
            group_bans::actor_id.eq(actor_id),
            group_bans::reason.eq(reason),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(n > 0)
}

pub async fn unban(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    actor_id: i64,
) -> QueryResult<bool> {
    let n = diesel::delete(
        group_bans::table
            .filter(group_bans::group_id.eq(group_id))
            .filter(group_bans::actor_id.eq(actor_id)),
    )
    .execute(conn)
    .await?;
    Ok(n > 0)
}

pub async fn is_banned(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    actor_id: i64,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        group_bans::table
            .filter(group_bans::group_id.eq(group_id))
            .filter(group_bans::actor_id.eq(actor_id)),
    ))
    .get_result(conn)
    .await
}

/// The actors banned from a group, with the reason.
pub async fn banned(
    conn: &mut AsyncPgConnection,
    group_id: i64,
) -> QueryResult<Vec<(DbActor, Option<String>)>> {
    group_bans::table
        .inner_join(actors::table.on(actors::id.eq(group_bans::actor_id)))
        .filter(group_bans::group_id.eq(group_id))
        .order(group_bans::created_at.desc())
        .select((DbActor::as_select(), group_bans::reason))
        .load(conn)
        .await
}

pub async fn log(conn: &mut AsyncPgConnection, entry: &NewLogEntry<'_>) -> QueryResult<()> {
    diesel::insert_into(moderation_log::table)
        .values(entry)
        .execute(conn)
        .await?;
    Ok(())
}

/// A group's moderation log, newest first.
pub async fn log_of(
    conn: &mut AsyncPgConnection,
    group_ap_id: &str,
    limit: i64,
) -> QueryResult<Vec<LogEntry>> {
    moderation_log::table
        .filter(moderation_log::group_ap_id.eq(group_ap_id))
        .order(moderation_log::id.desc())
        .limit(limit)
        .select(LogEntry::as_select())
        .load(conn)
        .await
}

pub async fn forum_state(conn: &mut AsyncPgConnection, post_id: i64) -> QueryResult<ForumState> {
    posts::table
        .find(post_id)
        .select((posts::locked_at, posts::thread_root))
        .first(conn)
        .await
}

/// Locks or unlocks a thread; whether anything changed.
pub async fn set_locked(
    conn: &mut AsyncPgConnection,
    post_id: i64,
    locked: bool,
) -> QueryResult<bool> {
    let n = if locked {
        diesel::update(posts::table.find(post_id))
            .filter(posts::locked_at.is_null())
            .set(posts::locked_at.eq(diesel::dsl::now))
            .execute(conn)
            .await?
    } else {
        diesel::update(posts::table.find(post_id))
            .filter(posts::locked_at.is_not_null())
            .set(posts::locked_at.eq(None::<DateTime<Utc>>))
            .execute(conn)
            .await?
    };
    Ok(n > 0)
}

/// The root of the thread a post belongs to (itself for a thread).
pub async fn thread_of(conn: &mut AsyncPgConnection, post: &DbPost) -> QueryResult<Option<DbPost>> {
    if post.in_reply_to.is_none() {
        return Ok(Some(post.clone()));
    }
    let state = forum_state(conn, post.id).await?;
    match state.thread_root {
        Some(root) => DbPost::by_ap_id(conn, &root).await,
        None => Ok(None),
    }
}

/// A group's live threads, latest activity first (pinned ones first).
pub async fn threads(
    conn: &mut AsyncPgConnection,
    group_ap_id: &str,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<ThreadSummary>> {
    let activity = diesel::dsl::sql::<diesel::sql_types::Timestamptz>(
        "COALESCE(posts.last_activity_at, posts.published)",
    );
    let rows: Vec<(DbPost, Option<DateTime<Utc>>, DateTime<Utc>)> = posts::table
        .filter(posts::audience.eq(group_ap_id))
        .filter(posts::in_reply_to.is_null())
        .filter(posts::deleted_at.is_null())
        .order((
            posts::pinned_at.is_null(),
            diesel::dsl::sql::<diesel::sql_types::Timestamptz>(
                "COALESCE(posts.last_activity_at, posts.published) DESC",
            ),
        ))
        .limit(limit)
        .offset(offset)
        .select((DbPost::as_select(), posts::locked_at, activity))
        .load(conn)
        .await?;
    summaries(conn, rows).await
}

/// The latest threads across the given groups (the forum's front page).
pub async fn latest_threads(
    conn: &mut AsyncPgConnection,
    group_ap_ids: &[String],
    limit: i64,
) -> QueryResult<Vec<ThreadSummary>> {
    let activity = diesel::dsl::sql::<diesel::sql_types::Timestamptz>(
        "COALESCE(posts.last_activity_at, posts.published)",
    );
    let rows: Vec<(DbPost, Option<DateTime<Utc>>, DateTime<Utc>)> = posts::table
        .filter(posts::audience.eq_any(group_ap_ids))
        .filter(posts::in_reply_to.is_null())
        .filter(posts::deleted_at.is_null())
        .order(diesel::dsl::sql::<diesel::sql_types::Timestamptz>(
            "COALESCE(posts.last_activity_at, posts.published) DESC",
        ))
        .limit(limit)
        .select((DbPost::as_select(), posts::locked_at, activity))
        .load(conn)
        .await?;
    summaries(conn, rows).await
}

async fn summaries(
    conn: &mut AsyncPgConnection,
    rows: Vec<(DbPost, Option<DateTime<Utc>>, DateTime<Utc>)>,
) -> QueryResult<Vec<ThreadSummary>> {
    let roots: Vec<String> = rows.iter().map(|(p, _, _)| p.ap_id.to_string()).collect();
    let counts: std::collections::HashMap<String, i64> = posts::table
        .filter(posts::thread_root.eq_any(&roots))
        .filter(posts::deleted_at.is_null())
        .group_by(posts::thread_root)
        .select((
            posts::thread_root.assume_not_null(),
            diesel::dsl::count_star(),
        ))
        .load::<(String, i64)>(conn)
        .await?
        .into_iter()
        .collect();
    let meta: Vec<(Option<DateTime<Utc>>, DateTime<Utc>)> =
        rows.iter().map(|(_, l, a)| (*l, *a)).collect();
    let full = load_many(conn, rows.into_iter().map(|(p, _, _)| p).collect()).await?;
    Ok(full
        .into_iter()
        .zip(meta)
        .map(|(post, (locked, last_activity))| ThreadSummary {
            comments: counts.get(post.post.ap_id.as_str()).copied().unwrap_or(0),
            post,
            locked: locked.is_some(),
            last_activity,
        })
        .collect())
}

/// Every comment of a thread, oldest first; removed ones too (without their content), so
/// that the answers to them keep their place.
pub async fn comments(
    conn: &mut AsyncPgConnection,
    root_ap_id: &str,
) -> QueryResult<Vec<PostFull>> {
    let rows: Vec<DbPost> = posts::table
        .filter(posts::thread_root.eq(root_ap_id))
        .order((posts::published.asc(), posts::id.asc()))
        .select(DbPost::as_select())
        .load(conn)
        .await?;
    load_many(conn, rows).await
}
