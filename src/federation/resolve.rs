//! Finding remote actors and posts: by URL (stored, or fetched signed and checked), and by
//! `name@host` through WebFinger. Every failure says which step failed and what the other
//! server answered, so that an editor sees "WebFinger answered 404" rather than a guess.

use crate::db::models::actor::DbActor;
use crate::db::models::event::DbEvent;
use crate::db::models::post::DbPost;
use crate::error::{AppError, Localized};
use crate::federation::activities::post::{POST_TYPES, remember_audience};
use crate::federation::fetch::{self, ACCEPT_ACTIVITY, FetchError};
use crate::federation::objects::actor::{authority, remote_actor_row};
use crate::federation::objects::event::remote_event;
use crate::federation::objects::post::remote_post_data;
use crate::federation::protocol::actor::ActorJson;
use crate::federation::protocol::article::ArticleJson;
use crate::federation::protocol::event::EventTerms;
use crate::state::AppState;
use diesel_async::AsyncConnection;
use serde::Deserialize;
use url::Url;

/// Why an actor or a post could not be found.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum ResolveError {
    #[error("`{0}` is neither @name@host nor a URL")]
    Malformed(String),
    #[error("there is no organisation `{0}` here")]
    UnknownHere(String),
    #[error("the WebFinger lookup of {acct} failed: {cause}")]
    WebFinger { acct: String, cause: FetchError },
    #[error("WebFinger knows {acct} but names no ActivityPub actor for it")]
    NoActorLink { acct: String },
    #[error("the actor {url} could not be fetched: {cause}")]
    Actor { url: String, cause: FetchError },
    #[error("the object {url} could not be fetched: {cause}")]
    Object { url: String, cause: FetchError },
    #[error("{url} is not a usable {what}: {reason}")]
    Invalid {
        url: String,
        what: &'static str,
        reason: String,
    },
    #[error("the post {0} is not on its author's host")]
    NotOnAuthorsHost(String),
    #[error("our database: {0}")]
    Database(String),
}

impl ResolveError {
    /// The fetch that failed, if one did.
    pub fn fetch(&self) -> Option<&FetchError> {
        match self {
            ResolveError::WebFinger { cause, .. }
            | ResolveError::Actor { cause, .. }
            | ResolveError::Object { cause, .. } => Some(cause),
            _ => None,
        }
    }

    /// As an API error on `field`: 403 for a blocked instance, 503 when our database is
    /// down, else 422 on `field` with the message.
    pub fn into_app_error(self, field: &str) -> AppError {
        let Localized { id, args } = self.words();
        match &self {
            ResolveError::Database(_) => AppError::unavailable(anyhow::anyhow!(self.to_string())),
            _ if matches!(self.fetch(), Some(FetchError::Blocked(_))) => {
                AppError::forbidden(self.to_string()).localized(id, &args)
            }
            _ => AppError::invalid(field, self.to_string()).localized(id, &args),
        }
    }

    /// The failure in the interface's words: a message of the locale files and its
    /// arguments. Which step failed (WebFinger or the profile) and what the other server
    /// answered.
    pub fn words(&self) -> Localized {
        let (id, args) = self.message();
        Localized { id, args }
    }

    fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        let target = |t: &str| vec![("target", t.to_string())];
        let with = |t: &str, k: &'static str, v: String| vec![("target", t.to_string()), (k, v)];
        if let Some(FetchError::Blocked(host)) = self.fetch() {
            return ("lookup-blocked", target(host));
        }
        match self {
            ResolveError::Malformed(t) => ("lookup-malformed", target(t)),
            ResolveError::UnknownHere(name) => ("lookup-unknown-here", target(name)),
            ResolveError::WebFinger { acct, cause } => match cause.status() {
                Some(status) => (
                    "lookup-webfinger-status",
                    with(acct, "status", status.to_string()),
                ),
                None => (
                    "lookup-webfinger-failed",
                    with(acct, "reason", cause.to_string()),
                ),
            },
            ResolveError::NoActorLink { acct } => ("lookup-no-actor", target(acct)),
            ResolveError::Actor { url, cause } | ResolveError::Object { url, cause } => {
                match cause.status() {
                    Some(status) => (
                        "lookup-actor-status",
                        with(url, "status", status.to_string()),
                    ),
                    None => (
                        "lookup-actor-failed",
                        with(url, "reason", cause.to_string()),
                    ),
                }
            }
            ResolveError::Invalid { url, reason, .. } => {
                ("lookup-invalid", with(url, "reason", reason.clone()))
            }
            ResolveError::NotOnAuthorsHost(url) => {
                ("lookup-invalid", with(url, "reason", self.to_string()))
            }
            ResolveError::Database(reason) => {
                ("lookup-actor-failed", with("", "reason", reason.clone()))
            }
        }
    }
}

impl From<diesel::result::Error> for ResolveError {
    fn from(e: diesel::result::Error) -> Self {
        ResolveError::Database(e.to_string())
    }
}

impl From<AppError> for ResolveError {
    fn from(e: AppError) -> Self {
        ResolveError::Database(e.message)
    }
}

/// How long a remote actor's stored profile and key are used before being fetched again (a
/// day; 20 s in debug builds, so that tests see refreshes).
pub fn max_age() -> chrono::Duration {
    if cfg!(debug_assertions) {
        chrono::Duration::seconds(20)
    } else {
        chrono::Duration::days(1)
    }
}

/// Whether a stored remote actor is due to be fetched again.
pub fn needs_refresh(actor: &DbActor) -> bool {
    !actor.local && chrono::Utc::now() - actor.last_refreshed_at > max_age()
}

/// The actor at `url`: stored and fresh, else fetched and stored. When a refresh fails for
/// any reason but the actor being gone, the stored profile is used as it is.
pub async fn actor(state: &AppState, url: &Url) -> Result<DbActor, ResolveError> {
    let mut conn = state.conn().await?;
    let stored = DbActor::by_ap_id(&mut conn, url.as_str()).await?;
    drop(conn);
    match stored {
        Some(a) if !needs_refresh(&a) => Ok(a),
        Some(a) => match fetch_actor(state, url).await {
            Ok(fresh) => Ok(fresh),
            Err(e) if e.fetch().is_some_and(|f| !f.is_gone()) => {
                tracing::info!(actor = %url, error = %e, "refresh failed; using the stored profile");
                Ok(a)
            }
            Err(e) => Err(e),
        },
        None => fetch_actor(state, url).await,
    }
}

/// The actor at `url`, fetched now whatever is stored (a key may have been rotated).
pub async fn fetch_actor(state: &AppState, url: &Url) -> Result<DbActor, ResolveError> {
    let json: ActorJson = fetch::get_json(state, url, ACCEPT_ACTIVITY)
        .await
        .map_err(|cause| ResolveError::Actor {
            url: url.to_string(),
            cause,
        })?;
    let invalid = |reason: &str| ResolveError::Invalid {
        url: url.to_string(),
        what: "actor",
        reason: reason.to_string(),
    };
    let host = authority(url);
    if authority(&json.id) != host {
        return Err(invalid(
            "its id is on another host than the URL it was fetched from",
        ));
    }
    if authority(&json.inbox) != host {
        return Err(invalid("its inbox is on another host"));
    }
    if json.public_key.owner != json.id {
        return Err(invalid("its key belongs to another actor"));
    }
    let mut conn = state.conn().await?;
    Ok(DbActor::upsert_remote(&mut conn, &remote_actor_row(&json)).await?)
}

/// `name@host` (with or without a leading `@`, or as `acct:`) split in two.
pub fn parse_acct(target: &str) -> Option<(String, String)> {
    let acct = target
        .trim()
        .trim_start_matches("acct:")
        .trim_start_matches('@');
    let (name, host) = acct.split_once('@')?;
    let valid = |s: &str| !s.is_empty() && !s.contains(['@', '/', ' ', '?', '#']);
    (valid(name) && valid(host)).then(|| (name.to_string(), host.to_ascii_lowercase()))
}

#[derive(Deserialize)]
struct Jrd {
    #[serde(default)]
    links: Vec<JrdLink>,
}

#[derive(Deserialize)]
struct JrdLink {
    rel: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    href: Option<String>,
}

/// The actor URL WebFinger gives for `name@host`.
pub async fn webfinger(state: &AppState, name: &str, host: &str) -> Result<Url, ResolveError> {
    let acct = format!("{name}@{host}");
    let mut url = Url::parse(&format!(
        "{}://{host}/.well-known/webfinger",
        state.config.scheme()
    ))
    .map_err(|_| ResolveError::Malformed(acct.clone()))?;
    url.query_pairs_mut()
        .append_pair("resource", &format!("acct:{acct}"));
    let jrd: Jrd = fetch::get_unsigned_json(state, &url, "application/jrd+json, application/json")
        .await
        .map_err(|cause| ResolveError::WebFinger {
            acct: acct.clone(),
            cause,
        })?;
    jrd.links
        .iter()
        .filter(|l| l.rel.as_deref() == Some("self"))
        .find(|l| {
            l.kind.as_deref().is_some_and(|t| {
                t.starts_with("application/activity+json") || t.starts_with("application/ld+json")
            })
        })
        .and_then(|l| l.href.as_deref())
        .and_then(|h| Url::parse(h).ok())
        .ok_or(ResolveError::NoActorLink { acct })
}

/// A remote actor by `name@host`, found with WebFinger (handles can move between actors,
/// so WebFinger is asked each time), then stored or fetched.
pub async fn actor_by_acct(
    state: &AppState,
    name: &str,
    host: &str,
) -> Result<DbActor, ResolveError> {
    let url = webfinger(state, name, host).await?;
    actor(state, &url).await
}

/// A remote post fetched at `url` with its author, and an Event's own terms (start, end,
/// place, participation) read from the same document: checked to be at its own id, of a post
/// type, and on its author's host.
pub async fn fetch_post(
    state: &AppState,
    url: &Url,
    post_types: &[&str],
) -> Result<(ArticleJson, DbActor, Option<EventTerms>), ResolveError> {
    let raw: serde_json::Value =
        fetch::get_json(state, url, ACCEPT_ACTIVITY)
            .await
            .map_err(|cause| ResolveError::Object {
                url: url.to_string(),
                cause,
            })?;
    let invalid = |reason: &str| ResolveError::Invalid {
        url: url.to_string(),
        what: "post",
        reason: reason.to_string(),
    };
    let object: ArticleJson =
        serde_json::from_value(raw.clone()).map_err(|e| invalid(&format!("unreadable: {e}")))?;
    if &object.id != url {
        return Err(invalid("it is not at its own id"));
    }
    if !post_types.contains(&object.kind.as_str()) {
        return Err(invalid("it is not a post"));
    }
    let terms = if object.kind == "Event" {
        Some(
            serde_json::from_value::<EventTerms>(raw).map_err(|e| ResolveError::Invalid {
                url: url.to_string(),
                what: "event",
                reason: format!("unreadable: {e}"),
            })?,
        )
    } else {
        None
    };
    let author = actor(state, &object.attributed_to).await?;
    if authority(&object.id) != author.domain {
        return Err(ResolveError::NotOnAuthorsHost(url.to_string()));
    }
    Ok((object, author, terms))
}

/// An actor by `@name@host`, `name@host`, a local organisation's handle, or its URL
/// (as Mastodon's search takes them).
pub async fn target(state: &AppState, target: &str) -> Result<DbActor, ResolveError> {
    let target = target.trim();
    if target.starts_with("http://") || target.starts_with("https://") {
        let url = Url::parse(target).map_err(|_| ResolveError::Malformed(target.to_string()))?;
        if url.as_str().starts_with(state.urls.base()) {
            let mut conn = state.conn().await?;
            return DbActor::by_ap_id(&mut conn, url.as_str())
                .await?
                .ok_or(ResolveError::UnknownHere(target.to_string()));
        }
        refuse_blocked(state, &url).await?;
        return actor(state, &url).await;
    }
    let local_name = match parse_acct(target) {
        Some((name, host)) if !host.eq_ignore_ascii_case(&state.config.instance.domain) => {
            let url = Url::parse(&format!("{}://{host}/", state.config.scheme()))
                .map_err(|_| ResolveError::Malformed(target.to_string()))?;
            refuse_blocked(state, &url).await?;
            return actor_by_acct(state, &name, &host).await;
        }
        Some((name, _)) => name,
        None => {
            let name = target.trim_start_matches('@');
            if name.is_empty() || name.contains(['@', '/', ' ']) {
                return Err(ResolveError::Malformed(target.to_string()));
            }
            name.to_string()
        }
    };
    let mut conn = state.conn().await?;
    DbActor::local_by_handle(&mut conn, &local_name)
        .await?
        .filter(DbActor::is_organisation)
        .ok_or(ResolveError::UnknownHere(local_name))
}

/// A post by URL: ours or stored already, else fetched, checked and stored.
pub async fn post(state: &AppState, url: &str) -> Result<DbPost, ResolveError> {
    let mut conn = state.conn().await?;
    if let Some(p) = DbPost::by_ap_id(&mut conn, url).await? {
        return Ok(p);
    }
    drop(conn);
    let id = Url::parse(url).map_err(|_| ResolveError::Malformed(url.to_string()))?;
    let (object, author, terms) = fetch_post(state, &id, POST_TYPES).await?;
    let mut conn = state.conn().await?;
    let post = conn
        .transaction::<_, diesel::result::Error, _>(async |conn| {
            let post = DbPost::store_remote(
                conn,
                None,
                object.id.as_str(),
                author.id,
                &remote_post_data(&object),
                object.published,
                object.updated,
            )
            .await?;
            if let Some(terms) = &terms {
                DbEvent::save(conn, &remote_event(post.id, terms, &object.attachment)).await?;
            }
            remember_audience(conn, &object, None).await?;
            Ok(post)
        })
        .await?;
    Ok(post)
}

/// A stored actor of a blocked instance is not handed out either.
async fn refuse_blocked(state: &AppState, url: &Url) -> Result<(), ResolveError> {
    match fetch::check_url(state, url).await {
        Err(cause @ FetchError::Blocked(_)) => Err(ResolveError::Actor {
            url: url.to_string(),
            cause,
        }),
        _ => Ok(()),
    }
}
