//! What the inbox records: received activity ids (idempotency), likes and boosts, reports.

use crate::db::schema::{reactions, reports};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// What recording an arriving activity found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// The very same signed request was received before: a replay, nothing recorded.
    Replay,
    /// A new signature, but the activity (id and type) was received before.
    Repeat,
    /// Both new; both recorded.
    New,
}

diesel::define_sql_function! {
    /// Migration 000009: records a signature's hash and an activity's id and type;
    /// answers `replay`, `repeat` or `new`.
    #[sql_name = "record_arrival"]
    fn record_arrival_fn(
        sig_hash: diesel::sql_types::Text,
        activity: diesel::sql_types::Text,
        activity_kind: diesel::sql_types::Text,
        activity_actor: diesel::sql_types::Text,
    ) -> diesel::sql_types::Text;
}

/// The activity a request brings: the request's signature, the activity's id, type and
/// actor.
pub struct ArrivalOf<'a> {
    pub signature: &'a str,
    pub ap_id: &'a str,
    pub kind: &'a str,
    pub actor: &'a str,
}

/// Records a verified request's signature (by hash) and its activity's id and type, in one
/// statement (a prepared one: the function `record_arrival`), in the caller's transaction.
pub async fn record_arrival(
    conn: &mut AsyncPgConnection,
    arrival: &ArrivalOf<'_>,
) -> QueryResult<Arrival> {
    let found: String = diesel::select(record_arrival_fn(
        signature_hash(arrival.signature),
        arrival.ap_id,
        arrival.kind,
        arrival.actor,
    ))
    .get_result(conn)
    .await?;
    match found.as_str() {
        "replay" => Ok(Arrival::Replay),
        "repeat" => Ok(Arrival::Repeat),
        "new" => Ok(Arrival::New),
        other => Err(diesel::result::Error::DeserializationError(
            format!("record_arrival answered `{other}`, not replay, repeat or new").into(),
        )),
    }
}

diesel::define_sql_function! {
    /// Migration 000011: the inbox's new post in one statement (see there).
    #[sql_name = "receive_new_post"]
    #[allow(clippy::too_many_arguments)]
    fn receive_new_post_fn(
        sig_hash: diesel::sql_types::Text,
        activity: diesel::sql_types::Text,
        activity_kind: diesel::sql_types::Text,
        activity_actor: diesel::sql_types::Text,
        p_ap_id: diesel::sql_types::Text,
        p_actor_id: diesel::sql_types::BigInt,
        p_object_type: diesel::sql_types::Text,
        p_main_language: diesel::sql_types::Text,
        p_themes: diesel::sql_types::Array<diesel::sql_types::Text>,
        p_sdgs: diesel::sql_types::Array<diesel::sql_types::SmallInt>,
        p_partners: diesel::sql_types::Array<diesel::sql_types::Text>,
        p_place: diesel::sql_types::Nullable<diesel::sql_types::Text>,
        p_starts_on: diesel::sql_types::Nullable<diesel::sql_types::Date>,
        p_ends_on: diesel::sql_types::Nullable<diesel::sql_types::Date>,
        p_html_url: diesel::sql_types::Nullable<diesel::sql_types::Text>,
        p_in_reply_to: diesel::sql_types::Nullable<diesel::sql_types::Text>,
        p_published: diesel::sql_types::Timestamptz,
        t_language: diesel::sql_types::Text,
        t_title: diesel::sql_types::Text,
        t_summary: diesel::sql_types::Text,
        t_body_markdown: diesel::sql_types::Nullable<diesel::sql_types::Text>,
        t_content_html: diesel::sql_types::Text,
    ) -> diesel::sql_types::Text;
}

/// What `receive_new_post` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewPost {
    /// As `Arrival::Replay`: nothing written.
    Replay,
    /// As `Arrival::Repeat`: nothing written.
    Repeat,
    /// A post with this id is stored (possibly by a concurrent request): nothing written.
    Exists,
    /// The arrival recorded and the post stored with its language version.
    Stored,
}

/// Records an arrival and stores a new remote post in one language, without images, in one
/// statement (autocommit, the function `receive_new_post`). A post in several languages or
/// with images is not written here: `Exists`, like a stored post, sends it to the general
/// path.
pub async fn receive_new_post(
    conn: &mut AsyncPgConnection,
    arrival: &ArrivalOf<'_>,
    post_ap_id: &str,
    actor_id: i64,
    data: &crate::db::models::post::PostData,
    published: chrono::DateTime<chrono::Utc>,
) -> QueryResult<NewPost> {
    let [t] = data.translations.as_slice() else {
        return Ok(NewPost::Exists);
    };
    if !data.images.is_empty() {
        return Ok(NewPost::Exists);
    }
    let found: QueryResult<String> = diesel::select(receive_new_post_fn(
        signature_hash(arrival.signature),
        arrival.ap_id,
        arrival.kind,
        arrival.actor,
        post_ap_id,
        actor_id,
        &data.object_type,
        &data.main_language,
        &data.themes,
        &data.sdgs,
        &data.partners,
        data.place.as_deref(),
        data.starts_on,
        data.ends_on,
        data.html_url.as_deref(),
        data.in_reply_to.as_deref(),
        published,
        &t.language,
        &t.title,
        &t.summary,
        t.body_markdown.as_deref(),
        &t.content_html,
    ))
    .get_result(conn)
    .await;
    Ok(match found {
        Ok(s) => match s.as_str() {
            "replay" => NewPost::Replay,
            "repeat" => NewPost::Repeat,
            "stored" => NewPost::Stored,
            _ => NewPost::Exists,
        },
        // Stored by a concurrent request after the function's check: all undone.
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => NewPost::Exists,
        Err(e) => return Err(e),
    })
}

fn signature_hash(signature: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(signature.as_bytes()))
}

pub async fn add_reaction(
    conn: &mut AsyncPgConnection,
    kind: &str,
    activity_ap_id: &str,
    actor_id: i64,
    post_id: i64,
) -> QueryResult<usize> {
    diesel::insert_into(reactions::table)
        .values((
            reactions::kind.eq(kind),
            reactions::activity_ap_id.eq(activity_ap_id),
            reactions::actor_id.eq(actor_id),
            reactions::post_id.eq(post_id),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await
}

/// Removes a reaction by its activity id (Undo), only if it is the actor's own.
pub async fn remove_reaction(
    conn: &mut AsyncPgConnection,
    activity_ap_id: &str,
    actor_id: i64,
) -> QueryResult<usize> {
    diesel::delete(
        reactions::table
            .filter(reactions::activity_ap_id.eq(activity_ap_id))
            .filter(reactions::actor_id.eq(actor_id)),
    )
    .execute(conn)
    .await
}

/// Removes the actor's reaction of a kind on a post (Undo that names the object, not the id).
pub async fn remove_reaction_on(
    conn: &mut AsyncPgConnection,
    kind: &str,
    actor_id: i64,
    post_id: i64,
) -> QueryResult<usize> {
    diesel::delete(
        reactions::table
            .filter(reactions::kind.eq(kind))
            .filter(reactions::actor_id.eq(actor_id))
            .filter(reactions::post_id.eq(post_id)),
    )
    .execute(conn)
    .await
}

/// (likes, boosts) of a post.
pub async fn reaction_counts(
    conn: &mut AsyncPgConnection,
    post_id: i64,
) -> QueryResult<(i64, i64)> {
    let rows: Vec<(String, i64)> = reactions::table
        .filter(reactions::post_id.eq(post_id))
        .group_by(reactions::kind)
        .select((reactions::kind, diesel::dsl::count_star()))
        .load(conn)
        .await?;
    let get = |k: &str| {
        rows.iter()
            .find(|(kind, _)| kind == k)
            .map_or(0, |(_, n)| *n)
    };
    Ok((get("Like"), get("Announce")))
}

/// How many likes, boosts and replies a post has, as shown with it. Reactions and replies
/// from blocked instances (or from outside the allow-list) are left out, as their replies
/// are hidden.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, diesel::QueryableByName)]
pub struct PostCounts {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub post_id: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub likes: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub shares: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub replies: i64,
}

/// The counts of several posts (by row id) in one statement; a post missing from the
/// answer has none.
pub async fn post_counts(
    conn: &mut AsyncPgConnection,
    post_ids: &[i64],
) -> QueryResult<std::collections::HashMap<i64, PostCounts>> {
    if post_ids.is_empty() {
        return Ok(Default::default());
    }
    // `visible(domain)`: not blocked, and on the allow-list when there is one (as
    // `delivery::blocked_expr`).
    let rows: Vec<PostCounts> = diesel::sql_query(
        "WITH allow AS (SELECT EXISTS (SELECT 1 FROM domain_allows) AS restricted) \
         SELECT p.id AS post_id, \
           count(*) FILTER (WHERE x.kind = 'Like') AS likes, \
           count(*) FILTER (WHERE x.kind = 'Announce') AS shares, \
           count(*) FILTER (WHERE x.kind = 'Reply') AS replies \
         FROM posts p \
         CROSS JOIN allow \
         JOIN LATERAL ( \
             SELECT r.kind, r.actor_id FROM reactions r WHERE r.post_id = p.id \
             UNION ALL \
             SELECT 'Reply', c.actor_id FROM posts c \
             WHERE c.in_reply_to = p.ap_id AND c.deleted_at IS NULL \
         ) x ON true \
         JOIN actors a ON a.id = x.actor_id \
         WHERE p.id = ANY($1) \
           AND NOT EXISTS (SELECT 1 FROM domain_blocks b WHERE b.domain = lower(a.domain)) \
           AND (NOT allow.restricted \
                OR EXISTS (SELECT 1 FROM domain_allows w WHERE w.domain = lower(a.domain))) \
         GROUP BY p.id",
    )
    .bind::<diesel::sql_types::Array<diesel::sql_types::BigInt>, _>(post_ids)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|c| (c.post_id, c)).collect())
}

pub async fn add_report(
    conn: &mut AsyncPgConnection,
    activity_ap_id: &str,
    reporter: &str,
    objects: &[String],
    content: Option<&str>,
) -> QueryResult<usize> {
    diesel::insert_into(reports::table)
        .values((
            reports::activity_ap_id.eq(activity_ap_id),
            reports::reporter.eq(reporter),
            reports::objects.eq(objects),
            reports::content.eq(content),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await
}
