//! The network's forum: discussion groups (FEP-1b12 `Group` actors), their threads (`Page`)
//! and comments (`Note`), and moderation. The API, the web interface and the demo all go
//! through here; `federation::activities::group` puts it on the wire.

pub mod person;
pub mod reports;

use crate::db::models::account::Account;
use crate::db::models::actor::{DbActor, NewActor};
use crate::db::models::group::{self, DbGroup, GroupFull, Moderator};
use crate::db::models::post::{DbPost, PostData, PostFull, TranslationData};
use crate::error::AppError;
use crate::federation::activities::group::{ModAction, check_reply_to, moderate};
use crate::federation::keys;
use crate::federation::urls::Urls;
use crate::state::AppState;
use crate::text::render_markdown;
use crate::vocab::Lang;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Deserialize;
use std::collections::BTreeMap;

pub const MAX_NAME: usize = 100;
pub const MAX_DESCRIPTION: usize = 2_000;
pub const MAX_RULES: usize = 5_000;
pub const MAX_TITLE: usize = 200;
pub const MAX_THREAD_BODY: usize = 50_000;
pub const MAX_COMMENT: usize = 10_000;

/// A new group, as an admin sets it up.
#[derive(utoipa::ToSchema, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupInput {
    pub handle: String,
    /// Name per language; at least one.
    pub name: BTreeMap<Lang, String>,
    /// Description per language.
    #[serde(default)]
    pub description: BTreeMap<Lang, String>,
    /// Rules per language, plain text.
    #[serde(default)]
    pub rules: BTreeMap<Lang, String>,
    /// Only moderators start threads (everyone may still comment).
    #[serde(default)]
    pub posting_restricted_to_mods: bool,
    /// Usernames of this instance's accounts that moderate the group.
    #[serde(default)]
    pub moderators: Vec<String>,
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Each text of a per-language map trimmed and checked; empty ones dropped.
fn texts(
    field: &str,
    map: &BTreeMap<Lang, String>,
    max: usize,
) -> Result<serde_json::Map<String, serde_json::Value>, AppError> {
    let mut out = serde_json::Map::new();
    for (lang, text) in map {
        let text = text.trim();
        if chars(text) > max {
            return Err(AppError::invalid(
                format!("{field}.{lang}"),
                format!("at most {max} characters"),
            ));
        }
        if !text.is_empty() {
            out.insert(lang.code().to_string(), text.into());
        }
    }
    Ok(out)
}

/// Creates a group with its actor (keys made now), settings and moderators.
pub async fn create_group(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    input: &GroupInput,
    created_by: Option<i64>,
) -> Result<GroupFull, AppError> {
    if !crate::orgs::valid_handle(&input.handle) {
        return Err(AppError::invalid(
            "handle",
            "1–64 lowercase letters, digits, `-`, `_` or `.`, starting with a letter or digit",
        ));
    }
    let names = texts("name", &input.name, MAX_NAME)?;
    let main = state.config.main_language();
    let Some(name) = names
        .get(main.code())
        .or_else(|| names.values().next())
        .and_then(|v| v.as_str())
        .map(String::from)
    else {
        return Err(AppError::invalid("name", "give the group a name"));
    };
    let description = texts("description", &input.description, MAX_DESCRIPTION)?;
    let rules = texts("rules", &input.rules, MAX_RULES)?;
    let mut moderators = Vec::new();
    for (i, username) in input.moderators.iter().enumerate() {
        let account = Account::by_username(conn, username).await?.ok_or_else(|| {
            AppError::invalid(
                format!("moderators[{i}]"),
                format!("no account `{username}`"),
            )
        })?;
        moderators.push(account.id);
    }
    if DbActor::local_by_handle(conn, &input.handle)
        .await?
        .is_some()
    {
        return Err(AppError::conflict(format!(
            "the handle `{}` is taken",
            input.handle
        )));
    }
    let keys = keys::generate().await?;
    let actor = group_actor_row(&state.urls, &input.handle, name, description, keys);
    let group = DbGroup::create(
        conn,
        &actor,
        names.into(),
        rules.into(),
        input.posting_restricted_to_mods,
        created_by,
        &moderators,
    )
    .await
    .map_err(|e| match e {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => AppError::conflict(format!("the handle `{}` is taken", input.handle)),
        e => e.into(),
    })?;
    tracing::info!(group = %group.actor.ap_id, "group created");
    Ok(group)
}

fn group_actor_row(
    urls: &Urls,
    handle: &str,
    name: String,
    description: serde_json::Map<String, serde_json::Value>,
    keys: keys::KeyPair,
) -> NewActor {
    NewActor {
        ap_id: urls.group(handle),
        local: true,
        actor_type: "Group".into(),
        handle: handle.to_string(),
        domain: urls
            .base()
            .split("://")
            .nth(1)
            .unwrap_or_default()
            .to_string(),
        name,
        summary_map: description.into(),
        summary_html: None,
        inbox_url: urls.group_part(handle, "inbox"),
        shared_inbox_url: Some(urls.shared_inbox()),
        outbox_url: Some(urls.group_part(handle, "outbox")),
        followers_url: Some(urls.group_part(handle, "followers")),
        profile_url: Some(urls.group(handle)),
        icon_url: None,
        image_url: None,
        public_key_pem: keys.public_pem,
        private_key_pem: Some(keys.private_pem),
        manually_approves_followers: false,
        discoverable: true,
        indexable: true,
        ..Default::default()
    }
}

/// A new thread: a title and a Markdown body, in one language.
#[derive(utoipa::ToSchema, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThreadInput {
    pub language: Lang,
    pub title: String,
    #[serde(default)]
    pub body: String,
    /// A picture for the thread: uploaded here first (`/api/v1/organisations/{handle}/media`).
    #[serde(default)]
    pub image: Option<ThreadImage>,
}

/// A thread's picture: the address of an image uploaded to this instance, and its
/// description for people who cannot see it.
#[derive(utoipa::ToSchema, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThreadImage {
    pub url: String,
    pub alt: String,
}

impl ThreadImage {
    /// An image uploaded here, described: the image of the post, or a 422 naming the field.
    pub async fn check(
        &self,
        conn: &mut AsyncPgConnection,
        state: &AppState,
    ) -> Result<crate::db::models::post::ImageData, AppError> {
        let alt = self.alt.trim();
        if alt.is_empty() || chars(alt) > 1500 {
            return Err(AppError::invalid(
                "image.alt",
                "describe the image for people who cannot see it (required, at most 1500 characters)",
            ));
        }
        let media = format!("{}/media/", state.urls.base());
        let file = self
            .url
            .strip_prefix(&media)
            .filter(|f| !f.is_empty() && !f.contains(['/', '?', '#']))
            .ok_or_else(|| {
                AppError::invalid(
                    "image.url",
                    format!("an image uploaded to this instance ({media}…)"),
                )
            })?;
        let row = crate::db::models::media::DbMedia::by_file_name(conn, file)
            .await?
            .ok_or_else(|| {
                AppError::invalid("image.url", "no image with this address was uploaded here")
            })?;
        Ok(crate::db::models::post::ImageData {
            url: self.url.clone(),
            alt_text: alt.to_string(),
            media_type: Some(row.media_type),
        })
    }
}

/// A comment: Markdown, answering a thread or another comment (its id).
#[derive(utoipa::ToSchema, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommentInput {
    pub language: Lang,
    pub body: String,
    pub in_reply_to: String,
}

fn one_language(
    object_type: &str,
    language: Lang,
    title: &str,
    body: &str,
    in_reply_to: Option<String>,
) -> PostData {
    PostData {
        object_type: object_type.into(),
        main_language: language.code().to_string(),
        themes: vec![],
        sdgs: vec![],
        partners: vec![],
        place: None,
        starts_on: None,
        ends_on: None,
        html_url: None,
        in_reply_to,
        funded_by: None,
        translations: vec![TranslationData {
            language: language.code().to_string(),
            title: title.to_string(),
            summary: String::new(),
            body_markdown: Some(body.to_string()),
            content_html: render_markdown(body),
        }],
        images: vec![],
    }
}

impl ThreadInput {
    pub fn validate(&self) -> Result<PostData, AppError> {
        let title = self.title.trim();
        if title.is_empty() || chars(title) > MAX_TITLE {
            return Err(AppError::invalid(
                "title",
                format!("required, at most {MAX_TITLE} characters"),
            ));
        }
        if chars(&self.body) > MAX_THREAD_BODY {
            return Err(AppError::invalid(
                "body",
                format!("at most {MAX_THREAD_BODY} characters"),
            ));
        }
        Ok(one_language(
            "Page",
            self.language,
            title,
            self.body.trim(),
            None,
        ))
    }
}

impl CommentInput {
    pub fn validate(&self) -> Result<PostData, AppError> {
        let body = self.body.trim();
        if body.is_empty() || chars(body) > MAX_COMMENT {
            return Err(AppError::invalid(
                "body",
                format!("required, at most {MAX_COMMENT} characters"),
            ));
        }
        Ok(one_language(
            "Note",
            self.language,
            "",
            body,
            Some(self.in_reply_to.clone()),
        ))
    }
}

/// The group a thread goes to: one of ours, or a group elsewhere we know (by its actor).
pub enum Target {
    Local(GroupFull),
    Remote(DbActor),
}

impl Target {
    pub fn actor(&self) -> &DbActor {
        match self {
            Target::Local(g) => &g.actor,
            Target::Remote(a) => a,
        }
    }
}

/// Whether an account may moderate a local group: its moderators (directly or through an
/// organisation they edit), and the instance's moderators and admins.
pub async fn may_moderate(
    conn: &mut AsyncPgConnection,
    group: &GroupFull,
    account: &Account,
) -> Result<bool, AppError> {
    Ok(account.is_admin
        || account.is_moderator
        || group::account_moderates(conn, group.actor.id, account.id).await?)
}

/// A local organisation starts a thread in a group (ours or elsewhere): the post and its
/// deliveries in one transaction.
pub async fn post_thread(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    account: &Account,
    author: &DbActor,
    target: &Target,
    input: &ThreadInput,
) -> Result<PostFull, AppError> {
    let mut data = input.validate()?;
    if let Some(image) = &input.image {
        data.images.push(image.check(conn, state).await?);
    }
    if let Target::Local(group) = target {
        if group::is_banned(conn, group.actor.id, author.id).await? {
            return Err(AppError::forbidden(format!(
                "`{}` is banned from this group",
                author.handle
            )));
        }
        if group.group.posting_restricted_to_mods && !may_moderate(conn, group, account).await? {
            return Err(AppError::forbidden(
                "only the moderators of this group start threads",
            ));
        }
    }
    let group_id = target.actor().ap_id.to_string();
    let post = publish_in_group(conn, state, author, &data, &group_id).await?;
    tracing::info!(post.id = %post.post.ap_id, group = %group_id, "thread started");
    Ok(post)
}

/// Writes a thread or comment of a local organisation with its group as `audience`, and
/// queues its `Create`, in one transaction; wakes the delivery worker after.
async fn publish_in_group(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    author: &DbActor,
    data: &PostData,
    group_id: &str,
) -> Result<PostFull, AppError> {
    let ap_id = state.urls.post(&uuid::Uuid::new_v4());
    let post = conn
        .transaction::<_, AppError, _>(async |conn| {
            let mut post = DbPost::create(conn, &ap_id, author.id, true, data).await?;
            DbPost::set_audience(conn, &ap_id, Some(group_id), &[]).await?;
            post.post.audience = Some(group_id.to_string());
            crate::federation::activities::post::publish(conn, state, author, &post, false).await?;
            Ok(post)
        })
        .await?;
    state.wakeup.wake();
    Ok(post)
}

/// A local organisation comments in a thread (ours or elsewhere).
pub async fn comment(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    author: &DbActor,
    input: &CommentInput,
) -> Result<PostFull, AppError> {
    let data = input.validate()?;
    let parent = DbPost::by_ap_id(conn, &input.in_reply_to)
        .await?
        .ok_or_else(|| AppError::invalid("in_reply_to", "no thread or comment with that id"))?;
    let Some(group_id) = check_answer(conn, author, &parent).await? else {
        return Err(AppError::invalid(
            "in_reply_to",
            "that post is not in a group's thread",
        ));
    };
    publish_in_group(conn, state, author, &data, &group_id).await
}

/// Whether a local author may answer `parent`, whatever the way (the forum's pages, the
/// posts API, the editors' post form): in a thread of one of our groups, not when banned
/// from it, and only a live post of an open thread; in a group's thread elsewhere, not when
/// it is removed or locked. The thread's group, or `None` when `parent` is in none.
pub async fn check_answer(
    conn: &mut AsyncPgConnection,
    author: &DbActor,
    parent: &DbPost,
) -> Result<Option<String>, AppError> {
    let root = group::thread_of(conn, parent).await?;
    let Some(group_id) = root.as_ref().and_then(|r| r.audience.clone()) else {
        return Ok(None);
    };
    if let Some(group) = DbGroup::local_by_ap_id(conn, &group_id).await? {
        check_not_banned(conn, &group, author).await?;
        check_reply_to(conn, &group, parent.ap_id.as_str()).await?;
    } else if let Some(root) = &root
        && (root.deleted_at.is_some()
            || group::forum_state(conn, root.id).await?.locked_at.is_some())
    {
        return Err(AppError::forbidden("this thread is locked or removed"));
    }
    Ok(Some(group_id))
}

/// Whether a local author may edit `post`: not when it is in a thread of one of our groups
/// and the author is banned from it.
pub async fn check_edit(
    conn: &mut AsyncPgConnection,
    author: &DbActor,
    post: &DbPost,
) -> Result<(), AppError> {
    let group_id = crate::federation::activities::flag::group_of_post(conn, post).await?;
    if let Some(group_id) = group_id
        && let Some(group) = DbGroup::local_by_ap_id(conn, &group_id).await?
    {
        check_not_banned(conn, &group, author).await?;
    }
    Ok(())
}

async fn check_not_banned(
    conn: &mut AsyncPgConnection,
    group: &GroupFull,
    author: &DbActor,
) -> Result<(), AppError> {
    if group::is_banned(conn, group.actor.id, author.id).await? {
        return Err(
            AppError::forbidden(format!("`{}` is banned from this group", author.handle))
                .localized("forum-banned", &[]),
        );
    }
    Ok(())
}

/// A moderator acts on one of our groups: checked, applied, recorded and announced in one
/// transaction.
pub async fn moderate_as(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    group: &GroupFull,
    account: &Account,
    action: ModAction,
    object: &str,
    reason: Option<&str>,
) -> Result<(), AppError> {
    if !may_moderate(conn, group, account).await? {
        return Err(AppError::forbidden(
            "only the group's moderators and the instance's moderators may moderate",
        ));
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if reason.is_some_and(|r| chars(r) > 1000) {
        return Err(AppError::invalid("reason", "at most 1000 characters"));
    }
    conn.transaction::<_, AppError, _>(async |conn| {
        moderate(
            conn,
            state,
            group,
            action,
            object,
            reason,
            Moderator::Account(account.id),
        )
        .await
    })
    .await?;
    state.wakeup.wake();
    tracing::info!(group = %group.actor.ap_id, action = action.as_str(), object, "moderation");
    Ok(())
}

/// A group named as people name it: one of ours by handle (`klima`, `@klima`,
/// `klima@our.host`) or URL, or a group elsewhere by `@name@host` or URL (found through
/// WebFinger and fetched). Anything that is not a group is a 422 on `field`.
pub async fn resolve_group(state: &AppState, field: &str, name: &str) -> Result<Target, AppError> {
    let name = name.trim();
    let mut conn = state.conn().await?;
    let local = if state.urls.is_group_url(name) {
        DbGroup::local_by_ap_id(&mut conn, name).await?
    } else {
        match crate::federation::resolve::parse_acct(name) {
            Some((handle, host)) if host.eq_ignore_ascii_case(&state.config.instance.domain) => {
                DbGroup::local_by_handle(&mut conn, &handle).await?
            }
            Some(_) => None,
            None if name.starts_with("http://") || name.starts_with("https://") => None,
            None => DbGroup::local_by_handle(&mut conn, name.trim_start_matches('@')).await?,
        }
    };
    drop(conn);
    if let Some(group) = local {
        return Ok(Target::Local(group));
    }
    let remote = name.contains('@') || name.starts_with("http");
    if !remote || name.starts_with(state.urls.base()) {
        return Err(AppError::invalid(field, format!("no group `{name}` here")));
    }
    let actor = crate::federation::resolve::target(state, name)
        .await
        .map_err(|e| AppError::invalid(field, e.to_string()))?;
    if actor.actor_type != "Group" {
        return Err(AppError::invalid(
            field,
            format!("`{name}` is not a group (it is a {})", actor.actor_type),
        ));
    }
    Ok(Target::Remote(actor))
}
