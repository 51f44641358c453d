//! Project posts: one row per post, one per language version, one per image. A deleted post
//! keeps its row (so its id answers as a Tombstone) but loses its content.

use crate::db::schema::{post_images, post_translations, posts};
use crate::db::url::DbUrl;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = posts)]
pub struct DbPost {
    pub id: i64,
    pub ap_id: DbUrl,
    pub actor_id: i64,
    pub local: bool,
    pub object_type: String,
    pub main_language: String,
    pub themes: Vec<String>,
    pub sdgs: Vec<i16>,
    pub partners: Vec<String>,
    pub place: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub html_url: Option<String>,
    pub in_reply_to: Option<String>,
    pub published: DateTime<Utc>,
    pub updated: Option<DateTime<Utc>>,
    pub pinned_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
    /// The group (by actor id) the post belongs to: a Lemmy community, an Mbin magazine.
    pub audience: Option<String>,
    /// The funding programme (its id) that funded the project.
    pub funded_by: Option<String>,
}

// A missing Markdown body is bound as NULL rather than written as DEFAULT: the statement's
// text then does not depend on the values, and diesel keeps a one-row INSERT prepared.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = post_translations, treat_none_as_default_value = false)]
pub struct DbTranslation {
    pub post_id: i64,
    pub language: String,
    pub title: String,
    pub summary: String,
    pub body_markdown: Option<String>,
    pub content_html: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = post_images)]
pub struct DbImage {
    pub post_id: i64,
    pub position: i32,
    pub url: String,
    pub alt_text: String,
    pub media_type: Option<String>,
}

/// A post with its language versions (main language first) and images (in order).
#[derive(Debug, Clone)]
pub struct PostFull {
    pub post: DbPost,
    pub translations: Vec<DbTranslation>,
    pub images: Vec<DbImage>,
}

impl PostFull {
    pub fn main(&self) -> Option<&DbTranslation> {
        self.translations.as_slice().first()
    }

    pub fn in_language(&self, lang: &str) -> Option<&DbTranslation> {
        self.translations.iter().find(|t| t.language == lang)
    }
}

/// Everything about a post an editor sets; checked before it gets here.
#[derive(Debug, Clone)]
pub struct PostData {
    pub object_type: String,
    pub main_language: String,
    pub themes: Vec<String>,
    pub sdgs: Vec<i16>,
    pub partners: Vec<String>,
    pub place: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub html_url: Option<String>,
    pub in_reply_to: Option<String>,
    /// The funding programme (its id, ours or a peer network's) that funded the project.
    pub funded_by: Option<String>,
    /// (language, title, summary, markdown, html)
    pub translations: Vec<TranslationData>,
    pub images: Vec<ImageData>,
}

#[derive(Debug, Clone)]
pub struct TranslationData {
    pub language: String,
    pub title: String,
    pub summary: String,
    pub body_markdown: Option<String>,
    pub content_html: String,
}

#[derive(Debug, Clone)]
pub struct ImageData {
    pub url: String,
    pub alt_text: String,
    pub media_type: Option<String>,
}

impl DbPost {
    /// Inserts a post with its parts in one transaction.
    pub async fn create(
        conn: &mut AsyncPgConnection,
        ap_id: &str,
        actor_id: i64,
        local: bool,
        data: &PostData,
    ) -> QueryResult<PostFull> {
        conn.transaction(async |conn| {
            let post = insert_row(conn, ap_id, actor_id, local, data, None).await?;
            load_full(conn, post).await
        })
        .await
    }

    /// Replaces a post's fields, language versions and images in one transaction.
    pub async fn replace(
        conn: &mut AsyncPgConnection,
        id: i64,
        data: &PostData,
    ) -> QueryResult<PostFull> {
        conn.transaction(async |conn| {
            let post = replace_row(conn, id, data, None).await?;
            load_full(conn, post).await
        })
        .await
    }

    /// Marks a post deleted and drops its content; its id stays, as a Tombstone.
    pub async fn delete(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<DbPost> {
        conn.transaction(async |conn| {
            diesel::delete(post_translations::table.filter(post_translations::post_id.eq(id)))
                .execute(conn)
                .await?;
            diesel::delete(post_images::table.filter(post_images::post_id.eq(id)))
                .execute(conn)
                .await?;
            diesel::update(posts::table.find(id))
                .set((
                    posts::deleted_at.eq(diesel::dsl::now),
                    posts::pinned_at.eq(None::<DateTime<Utc>>),
                ))
                .returning(DbPost::as_returning())
                .get_result(conn)
                .await
        })
        .await
    }

    pub async fn set_pinned(
        conn: &mut AsyncPgConnection,
        id: i64,
        pinned: bool,
    ) -> QueryResult<DbPost> {
        // Pinning an already pinned post keeps its original pin time.
        let value = if pinned {
            "COALESCE(pinned_at, now())"
        } else {
            "NULL"
        };
        diesel::update(posts::table.find(id))
            .filter(posts::deleted_at.is_null())
            .set(posts::pinned_at.eq(diesel::dsl::sql::<
                diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>,
            >(value)))
            .returning(DbPost::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn by_ap_id(
        conn: &mut AsyncPgConnection,
        ap_id: &str,
    ) -> QueryResult<Option<DbPost>> {
        posts::table
            .filter(posts::ap_id.eq(ap_id))
            .select(DbPost::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Marks a post changed now (its `updated`), as a change of its event part does.
    pub async fn touch(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<DbPost> {
        diesel::update(posts::table.find(id))
            .set(posts::updated.eq(diesel::dsl::now))
            .returning(DbPost::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn by_id(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Option<DbPost>> {
        posts::table
            .find(id)
            .select(DbPost::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn full(conn: &mut AsyncPgConnection, post: DbPost) -> QueryResult<PostFull> {
        load_full(conn, post).await
    }

    /// Live posts of an actor, newest first, keyset-paginated by id.
    pub async fn page_by_actor(
        conn: &mut AsyncPgConnection,
        actor_id: i64,
        before: Option<i64>,
        limit: i64,
    ) -> QueryResult<Vec<PostFull>> {
        let mut q = posts::table
            .filter(posts::actor_id.eq(actor_id))
            .filter(posts::deleted_at.is_null())
            .filter(posts::in_reply_to.is_null())
            .into_boxed();
        if let Some(before) = before {
            q = q.filter(posts::id.lt(before));
        }
        let rows: Vec<DbPost> = q
            .order(posts::id.desc())
            .limit(limit)
            .select(DbPost::as_select())
            .load(conn)
            .await?;
        load_many(conn, rows).await
    }

    pub async fn count_by_actor(conn: &mut AsyncPgConnection, actor_id: i64) -> QueryResult<i64> {
        posts::table
            .filter(posts::actor_id.eq(actor_id))
            .filter(posts::deleted_at.is_null())
            .filter(posts::in_reply_to.is_null())
            .count()
            .get_result(conn)
            .await
    }

    /// Pinned posts of an actor, most recently pinned first.
    pub async fn pinned_by_actor(
        conn: &mut AsyncPgConnection,
        actor_id: i64,
    ) -> QueryResult<Vec<PostFull>> {
        let rows: Vec<DbPost> = posts::table
            .filter(posts::actor_id.eq(actor_id))
            .filter(posts::deleted_at.is_null())
            .filter(posts::pinned_at.is_not_null())
            .order(posts::pinned_at.desc())
            .select(DbPost::as_select())
            .load(conn)
            .await?;
        load_many(conn, rows).await
    }

    /// Latest live local posts, across organisations.
    pub async fn latest_local(
        conn: &mut AsyncPgConnection,
        limit: i64,
    ) -> QueryResult<Vec<PostFull>> {
        let rows: Vec<DbPost> = posts::table
            .filter(posts::local.eq(true))
            .filter(posts::deleted_at.is_null())
            .filter(posts::in_reply_to.is_null())
            .order(posts::id.desc())
            .limit(limit)
            .select(DbPost::as_select())
            .load(conn)
            .await?;
        load_many(conn, rows).await
    }

    /// Latest live local posts with a theme or an SDG.
    pub async fn latest_local_tagged(
        conn: &mut AsyncPgConnection,
        theme: Option<&str>,
        sdg: Option<i16>,
        limit: i64,
    ) -> QueryResult<Vec<PostFull>> {
        let mut q = posts::table
            .filter(posts::local.eq(true))
            .filter(posts::deleted_at.is_null())
            .into_boxed();
        if let Some(t) = theme {
            q = q.filter(posts::themes.contains(vec![t.to_string()]));
        }
        if let Some(g) = sdg {
            q = q.filter(posts::sdgs.contains(vec![g]));
        }
        let rows: Vec<DbPost> = q
            .order(posts::id.desc())
            .limit(limit)
            .select(DbPost::as_select())
            .load(conn)
            .await?;
        load_many(conn, rows).await
    }

    /// Ids of the latest live local posts (not replies) whose authors may be indexed: what a
    /// subscribing network is sent.
    pub async fn relayable_recent(
        conn: &mut AsyncPgConnection,
        limit: i64,
    ) -> QueryResult<Vec<String>> {
        use crate::db::schema::actors;
        posts::table
            .inner_join(actors::table.on(actors::id.eq(posts::actor_id)))
            .filter(posts::local.eq(true))
            .filter(posts::deleted_at.is_null())
            .filter(posts::in_reply_to.is_null())
            .filter(actors::indexable.eq(true))
            .filter(actors::deleted_at.is_null())
            .order(posts::id.desc())
            .limit(limit)
            .select(posts::ap_id)
            .load::<DbUrl>(conn)
            .await
            .map(|v| v.into_iter().map(|u| u.0.to_string()).collect())
    }

    pub async fn count_local(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        posts::table
            .filter(posts::local.eq(true))
            .filter(posts::deleted_at.is_null())
            .count()
            .get_result(conn)
            .await
    }
}

/// A new post's row, for both INSERTs below (NULLs bound, so that each stays prepared).
#[derive(Insertable)]
#[diesel(table_name = posts, treat_none_as_default_value = false)]
struct NewPostRow<'a> {
    ap_id: &'a str,
    actor_id: i64,
    local: bool,
    object_type: &'a str,
    main_language: &'a str,
    themes: &'a [String],
    sdgs: &'a [i16],
    partners: &'a [String],
    place: Option<&'a str>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    html_url: Option<&'a str>,
    in_reply_to: Option<&'a str>,
    funded_by: Option<&'a str>,
    published: DateTime<Utc>,
    updated: Option<DateTime<Utc>>,
}

impl<'a> NewPostRow<'a> {
    fn new(
        ap_id: &'a str,
        actor_id: i64,
        local: bool,
        data: &'a PostData,
        published: Option<DateTime<Utc>>,
        updated: Option<DateTime<Utc>>,
    ) -> Self {
        NewPostRow {
            ap_id,
            actor_id,
            local,
            object_type: &data.object_type,
            main_language: &data.main_language,
            themes: &data.themes,
            sdgs: &data.sdgs,
            partners: &data.partners,
            place: data.place.as_deref(),
            starts_on: data.starts_on,
            ends_on: data.ends_on,
            html_url: data.html_url.as_deref(),
            in_reply_to: data.in_reply_to.as_deref(),
            funded_by: data.funded_by.as_deref(),
            // A post dated in the future (a wrong clock, or on purpose) is dated now: it would
            // otherwise head every list newest first, its thread in its group, for good.
            published: published.map_or_else(Utc::now, |p| p.min(Utc::now())),
            updated,
        }
    }
}

/// Whether a stored post holds `data` already: the fields a replacement writes, its
/// language versions (in any order) and its images (in order).
fn holds(full: &PostFull, data: &PostData) -> bool {
    let p = &full.post;
    let fields = p.main_language == data.main_language
        && p.themes == data.themes
        && p.sdgs == data.sdgs
        && p.partners == data.partners
        && p.place == data.place
        && p.starts_on == data.starts_on
        && p.ends_on == data.ends_on
        && p.html_url == data.html_url
        && p.funded_by == data.funded_by;
    let translations = full.translations.len() == data.translations.len()
        && data.translations.iter().all(|t| {
            full.in_language(&t.language).is_some_and(|s| {
                s.title == t.title
                    && s.summary == t.summary
                    && s.body_markdown == t.body_markdown
                    && s.content_html == t.content_html
            })
        });
    let images = full.images.len() == data.images.len()
        && full.images.iter().zip(&data.images).all(|(s, i)| {
            s.url == i.url && s.alt_text == i.alt_text && s.media_type == i.media_type
        });
    fields && translations && images
}

/// Inserts a post's row and parts, in the caller's transaction.
async fn insert_row(
    conn: &mut AsyncPgConnection,
    ap_id: &str,
    actor_id: i64,
    local: bool,
    data: &PostData,
    published: Option<DateTime<Utc>>,
) -> QueryResult<DbPost> {
    let post: DbPost = diesel::insert_into(posts::table)
        .values(NewPostRow::new(
            ap_id, actor_id, local, data, published, None,
        ))
        .returning(DbPost::as_returning())
        .get_result(conn)
        .await?;
    insert_parts(conn, post.id, data).await?;
    Ok(post)
}

/// Replaces a live post's fields and parts, in the caller's transaction.
/// `updated`: when the version was made, as its author's server says (a remote post's
/// `updated`); now when `None`.
async fn replace_row(
    conn: &mut AsyncPgConnection,
    id: i64,
    data: &PostData,
    updated: Option<DateTime<Utc>>,
) -> QueryResult<DbPost> {
    let post: DbPost = diesel::update(posts::table.find(id))
        .filter(posts::deleted_at.is_null())
        .set((
            posts::main_language.eq(&data.main_language),
            posts::themes.eq(&data.themes),
            posts::sdgs.eq(&data.sdgs),
            posts::partners.eq(&data.partners),
            posts::place.eq(&data.place),
            posts::starts_on.eq(data.starts_on),
            posts::ends_on.eq(data.ends_on),
            posts::html_url.eq(&data.html_url),
            posts::funded_by.eq(&data.funded_by),
            posts::updated.eq(updated.unwrap_or_else(Utc::now)),
        ))
        .returning(DbPost::as_returning())
        .get_result(conn)
        .await?;
    diesel::delete(post_translations::table.filter(post_translations::post_id.eq(id)))
        .execute(conn)
        .await?;
    diesel::delete(post_images::table.filter(post_images::post_id.eq(id)))
        .execute(conn)
        .await?;
    insert_parts(conn, id, data).await?;
    Ok(post)
}

async fn insert_parts(
    conn: &mut AsyncPgConnection,
    post_id: i64,
    data: &PostData,
) -> QueryResult<()> {
    let translations: Vec<DbTranslation> = data
        .translations
        .iter()
        .map(|t| DbTranslation {
            post_id,
            language: t.language.clone(),
            title: t.title.clone(),
            summary: t.summary.clone(),
            body_markdown: t.body_markdown.clone(),
            content_html: t.content_html.clone(),
        })
        .collect();
    // One language version (what remote posts mostly have) as a one-row INSERT: diesel keeps
    // that statement prepared, while a batch INSERT is parsed and planned on every call.
    match translations.as_slice() {
        [one] => {
            diesel::insert_into(post_translations::table)
                .values(one)
                .execute(conn)
                .await?
        }
        many => {
            diesel::insert_into(post_translations::table)
                .values(many)
                .execute(conn)
                .await?
        }
    };
    if !data.images.is_empty() {
        let images: Vec<DbImage> = data
            .images
            .iter()
            .enumerate()
            .map(|(i, img)| DbImage {
                post_id,
                position: i32::try_from(i).unwrap_or(i32::MAX),
                url: img.url.clone(),
                alt_text: img.alt_text.clone(),
                media_type: img.media_type.clone(),
            })
            .collect();
        diesel::insert_into(post_images::table)
            .values(&images)
            .execute(conn)
            .await?;
    }
    Ok(())
}

async fn load_full(conn: &mut AsyncPgConnection, post: DbPost) -> QueryResult<PostFull> {
    let mut many = load_many(conn, vec![post]).await?;
    many.pop().ok_or(diesel::result::Error::NotFound)
}

/// Loads the parts of several posts with one query per table.
pub(crate) async fn load_many(
    conn: &mut AsyncPgConnection,
    rows: Vec<DbPost>,
) -> QueryResult<Vec<PostFull>> {
    let ids: Vec<i64> = rows.iter().map(|p| p.id).collect();
    let translations: Vec<DbTranslation> = post_translations::table
        .filter(post_translations::post_id.eq_any(&ids))
        .select(DbTranslation::as_select())
        .load(conn)
        .await?;
    let images: Vec<DbImage> = post_images::table
        .filter(post_images::post_id.eq_any(&ids))
        .order((post_images::post_id, post_images::position))
        .select(DbImage::as_select())
        .load(conn)
        .await?;
    let mut by_post: HashMap<i64, Vec<DbTranslation>> = HashMap::new();
    for t in translations {
        by_post.entry(t.post_id).or_default().push(t);
    }
    let mut images_by_post: HashMap<i64, Vec<DbImage>> = HashMap::new();
    for i in images {
        images_by_post.entry(i.post_id).or_default().push(i);
    }
    Ok(rows
        .into_iter()
        .map(|post| {
            let mut translations = by_post.remove(&post.id).unwrap_or_default();
            // Main language first, then a stable order.
            translations.sort_by_key(|t| (t.language != post.main_language, t.language.clone()));
            let images = images_by_post.remove(&post.id).unwrap_or_default();
            PostFull {
                post,
                translations,
                images,
            }
        })
        .collect())
}

impl DbPost {
    /// Local organisations that posted within the last `days` days.
    pub async fn count_active_local_authors(
        conn: &mut AsyncPgConnection,
        days: i32,
    ) -> QueryResult<i64> {
        posts::table
            .filter(posts::local.eq(true))
            .filter(diesel::dsl::sql::<diesel::sql_types::Bool>(&format!(
                "published > now() - interval '{days} days'"
            )))
            .select(diesel::dsl::count(posts::actor_id).aggregate_distinct())
            .get_result(conn)
            .await
    }
}

impl DbPost {
    /// Whether this stored post is a later version than one dated `published` and
    /// `updated` (see [`DbPost::store_remote`]).
    pub fn holds_newer_than(
        &self,
        published: Option<DateTime<Utc>>,
        updated: Option<DateTime<Utc>>,
    ) -> bool {
        let stored = self.updated.unwrap_or(self.published);
        updated.or(published).is_some_and(|v| v < stored)
    }

    /// Stores a remote post, or replaces it when it exists (same author only; another
    /// author's is `NotFound`), in one transaction. Safe against a concurrent request storing
    /// the same post: whichever comes second finds it stored and treats it as existing.
    pub async fn upsert_remote(
        conn: &mut AsyncPgConnection,
        ap_id: &str,
        actor_id: i64,
        data: &PostData,
        published: Option<DateTime<Utc>>,
        updated: Option<DateTime<Utc>>,
    ) -> QueryResult<DbPost> {
        conn.transaction(async |conn| {
            DbPost::store_remote(conn, None, ap_id, actor_id, data, published, updated).await
        })
        .await
    }

    /// `upsert_remote` in the caller's transaction, given what `by_ap_id` found (`None`: not
    /// looked up, or not found). A new post is inserted with `ON CONFLICT DO NOTHING`, so a
    /// concurrent request storing it first is no error: its post is then the existing one.
    /// An existing post is left as it is when it is deleted (deleted stays deleted), when
    /// `data` is an older version than the stored one (a retried delivery of an earlier
    /// edit, or of the Create, arriving after a later edit), or when `data` is what it holds
    /// already (a duplicate delivery changes nothing); otherwise it is replaced.
    ///
    /// A version is dated by its `updated`, else its `published` (both from its author's
    /// server, so compared on one clock); one without either is taken as the newest.
    pub async fn store_remote(
        conn: &mut AsyncPgConnection,
        existing: Option<DbPost>,
        ap_id: &str,
        actor_id: i64,
        data: &PostData,
        published: Option<DateTime<Utc>>,
        updated: Option<DateTime<Utc>>,
    ) -> QueryResult<DbPost> {
        let existing = match existing {
            Some(post) => post,
            None => match DbPost::insert_remote(conn, ap_id, actor_id, data, published, updated)
                .await?
            {
                Some(post) => return Ok(post),
                // Stored meanwhile by a concurrent request (committed: the INSERT waited).
                None => DbPost::by_ap_id(conn, ap_id)
                    .await?
                    .ok_or(diesel::result::Error::NotFound)?,
            },
        };
        if existing.actor_id != actor_id {
            return Err(diesel::result::Error::NotFound);
        }
        if existing.deleted_at.is_some() {
            return Ok(existing);
        }
        if existing.holds_newer_than(published, updated) {
            return Ok(existing);
        }
        let id = existing.id;
        let full = load_full(conn, existing).await?;
        if holds(&full, data) {
            return Ok(full.post);
        }
        replace_row(conn, id, data, updated).await
    }

    /// Stores a new remote post with its parts, in the caller's transaction, unless a post
    /// with that id exists: `None` then, and nothing written (the caller decides whether
    /// that is an update). One statement instead of a lookup and an INSERT.
    pub async fn insert_remote(
        conn: &mut AsyncPgConnection,
        ap_id: &str,
        actor_id: i64,
        data: &PostData,
        published: Option<DateTime<Utc>>,
        updated: Option<DateTime<Utc>>,
    ) -> QueryResult<Option<DbPost>> {
        let post: Option<DbPost> = diesel::insert_into(posts::table)
            .values(NewPostRow::new(
                ap_id, actor_id, false, data, published, updated,
            ))
            .on_conflict(posts::ap_id)
            .do_nothing()
            .returning(DbPost::as_returning())
            .get_result(conn)
            .await
            .optional()?;
        if let Some(post) = &post {
            insert_parts(conn, post.id, data).await?;
        }
        Ok(post)
    }

    /// Notes the group a post belongs to: `explicit` (its `audience`, or the group that
    /// announced it), else the first of `addressed` that is a known `Group` actor, else what
    /// was noted before. One statement.
    pub async fn set_audience(
        conn: &mut AsyncPgConnection,
        ap_id: &str,
        explicit: Option<&str>,
        addressed: &[String],
    ) -> QueryResult<usize> {
        diesel::sql_query(
            "UPDATE posts SET audience = COALESCE($2, \
                 (SELECT a.ap_id FROM actors a \
                  WHERE a.ap_id = ANY($3) AND a.actor_type = 'Group' \
                  ORDER BY array_position($3, a.ap_id) LIMIT 1), \
                 audience) \
             WHERE ap_id = $1",
        )
        .bind::<diesel::sql_types::Text, _>(ap_id)
        .bind::<diesel::sql_types::Nullable<diesel::sql_types::Text>, _>(explicit)
        .bind::<diesel::sql_types::Array<diesel::sql_types::Text>, _>(addressed)
        .execute(conn)
        .await
    }

    /// Replies to a post, oldest first.
    pub async fn replies_to(
        conn: &mut AsyncPgConnection,
        ap_id: &str,
    ) -> QueryResult<Vec<PostFull>> {
        let rows: Vec<DbPost> = posts::table
            .filter(posts::in_reply_to.eq(ap_id))
            .filter(posts::deleted_at.is_null())
            .order(posts::id.asc())
            .select(DbPost::as_select())
            .load(conn)
            .await?;
        load_many(conn, rows).await
    }

    /// The live (not deleted) posts of `ids`, in the order of `ids`, with their parts, in a
    /// fixed number of queries.
    pub async fn live_by_ids(
        conn: &mut AsyncPgConnection,
        ids: &[i64],
    ) -> QueryResult<Vec<PostFull>> {
        let rows: Vec<DbPost> = posts::table
            .filter(posts::id.eq_any(ids))
            .filter(posts::deleted_at.is_null())
            .select(DbPost::as_select())
            .load(conn)
            .await?;
        let mut full = load_many(conn, rows).await?;
        let place = |id: i64| ids.iter().position(|i| *i == id).unwrap_or(usize::MAX);
        full.sort_by_key(|p| place(p.post.id));
        Ok(full)
    }

    /// The replies to `ap_id` that may be shown, oldest first, each with its author: those
    /// from blocked instances (or left out of the allow-list) are left out. A fixed number of
    /// queries however many replies there are.
    pub async fn visible_replies_to(
        conn: &mut AsyncPgConnection,
        ap_id: &str,
    ) -> QueryResult<Vec<(PostFull, crate::db::models::actor::DbActor)>> {
        use crate::db::models::actor::DbActor;
        let replies = Self::replies_to(conn, ap_id).await?;
        if replies.is_empty() {
            return Ok(vec![]);
        }
        let authors = DbActor::by_ids(conn, replies.iter().map(|r| r.post.actor_id)).await?;
        let blocked = crate::db::models::delivery::blocked_actors(conn, &authors).await?;
        Ok(replies
            .into_iter()
            .filter_map(|r| {
                let who = authors.get(&r.post.actor_id)?;
                (!blocked.contains(&who.id)).then(|| (r, who.clone()))
            })
            .collect())
    }

    /// Deletes every post of an actor (its account was deleted).
    pub async fn delete_by_actor(
        conn: &mut AsyncPgConnection,
        actor_id: i64,
    ) -> QueryResult<usize> {
        let ids: Vec<i64> = posts::table
            .filter(posts::actor_id.eq(actor_id))
            .filter(posts::deleted_at.is_null())
            .select(posts::id)
            .load(conn)
            .await?;
        for id in &ids {
            DbPost::delete(conn, *id).await?;
        }
        Ok(ids.len())
    }
}
