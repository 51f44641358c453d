//! Project posts as editors write them: the input, its checks, and rendering of the
//! Markdown body. The API, the CLI and the demo all go through [`PostInput::validate`].

use crate::db::models::actor::DbActor;
use crate::db::models::media::DbMedia;
use crate::db::models::post::{ImageData, PostData, TranslationData};
use crate::error::AppError;
use crate::text::render_markdown;
use crate::vocab::{Lang, theme};
use chrono::NaiveDate;
use diesel_async::AsyncPgConnection;
use serde::Deserialize;

pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 500;
pub const MAX_BODY: usize = 100_000;
pub const MAX_IMAGES: usize = 10;
/// Partner organisations one post may name.
pub const MAX_PARTNERS: usize = 50;

#[derive(utoipa::ToSchema, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostInput {
    /// The main language; defaults to the first language version.
    pub main_language: Option<Lang>,
    /// One entry per language (any of `locales/languages.toml`).
    pub translations: Vec<TranslationInput>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub sdgs: Vec<i16>,
    /// Partner organisations (at most [`MAX_PARTNERS`]): a local handle (`stadt-dortmund`,
    /// `@stadt-dortmund`), `@name@host` on another server, or an actor's URL. The API and the
    /// editors' form resolve them with [`resolve_partners`] first.
    #[serde(default)]
    pub partners: Vec<String>,
    pub place: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    #[serde(default)]
    pub images: Vec<ImageInput>,
    /// A reply: the URL of the post answered (local or remote). Replies are sent as `Note`s.
    #[serde(default)]
    pub in_reply_to: Option<String>,
    /// The funding programme that funded the project: its number in this instance's
    /// directory (`/api/v1/funding`) or its id (a URL), ours or a peer network's.
    #[serde(default)]
    pub funded_by: Option<String>,
}

#[derive(utoipa::ToSchema, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationInput {
    pub language: Lang,
    pub title: String,
    /// Plain text; what Mastodon shows of an Article. Required.
    pub summary: String,
    /// Markdown.
    #[serde(default)]
    pub body: String,
}

#[derive(utoipa::ToSchema, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageInput {
    /// The address of an image uploaded to this instance (`…/media/<file>`).
    pub url: String,
    /// Required: a description for people who cannot see the image.
    pub alt: String,
    pub media_type: Option<String>,
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

impl PostInput {
    /// Checks the input and renders it into what is stored, resolving local partners.
    pub async fn validate(
        &self,
        conn: &mut AsyncPgConnection,
        base_url: &str,
    ) -> Result<PostData, AppError> {
        if self.translations.is_empty() {
            return Err(AppError::invalid(
                "translations",
                "give at least one language version",
            ));
        }
        let mut seen = Vec::new();
        let mut translations = Vec::new();
        for (i, t) in self.translations.iter().enumerate() {
            let f = |name: &str| format!("translations[{i}].{name}");
            if seen.contains(&t.language) {
                return Err(AppError::invalid(
                    f("language"),
                    format!("`{}` is given twice", t.language),
                ));
            }
            seen.push(t.language);
            let title = t.title.trim();
            if title.is_empty() || chars(title) > MAX_TITLE {
                return Err(AppError::invalid(
                    f("title"),
                    format!("required, at most {MAX_TITLE} characters"),
                ));
            }
            let summary = t.summary.trim();
            if summary.is_empty() || chars(summary) > MAX_SUMMARY {
                return Err(AppError::invalid(
                    f("summary"),
                    format!(
                        "required (Mastodon shows only title and summary), at most {MAX_SUMMARY} characters"
                    ),
                ));
            }
            if chars(&t.body) > MAX_BODY {
                return Err(
                    AppError::invalid(f("body"), format!("at most {MAX_BODY} characters"))
                        .localized("check-too-long", &[("max", MAX_BODY.to_string())]),
                );
            }
            translations.push(TranslationData {
                language: t.language.code().to_string(),
                title: title.to_string(),
                summary: summary.to_string(),
                body_markdown: Some(t.body.clone()),
                content_html: render_markdown(&t.body),
            });
        }
        let main = self.main_language.unwrap_or(self.translations[0].language);
        if !seen.contains(&main) {
            return Err(AppError::invalid(
                "main_language",
                format!("no language version in `{main}`"),
            ));
        }
        for (i, t) in self.themes.iter().enumerate() {
            if theme(t).is_none() {
                return Err(AppError::invalid(
                    format!("themes[{i}]"),
                    format!("unknown theme `{t}`"),
                )
                .localized("check-theme", &[("theme", t.clone())]));
            }
        }
        for (i, g) in self.sdgs.iter().enumerate() {
            if !(1..=17).contains(g) {
                return Err(AppError::invalid(
                    format!("sdgs[{i}]"),
                    "a Sustainable Development Goal from 1 to 17",
                ));
            }
        }
        if let (Some(s), Some(e)) = (self.starts_on, self.ends_on)
            && e < s
        {
            return Err(AppError::invalid("ends_on", "before starts_on"));
        }
        if self.place.as_deref().is_some_and(|p| chars(p) > 200) {
            return Err(AppError::invalid("place", "at most 200 characters")
                .localized("check-too-long", &[("max", "200".into())]));
        }
        if self.images.len() > MAX_IMAGES {
            return Err(
                AppError::invalid("images", format!("at most {MAX_IMAGES} images"))
                    .localized("post-check-images", &[("max", MAX_IMAGES.to_string())]),
            );
        }
        let mut images = Vec::new();
        let media = format!("{base_url}/media/");
        for (i, img) in self.images.iter().enumerate() {
            let alt = img.alt.trim();
            if alt.is_empty() || chars(alt) > 1500 {
                return Err(AppError::invalid(
                    format!("images[{i}].alt"),
                    "describe the image for people who cannot see it (required, at most 1500 characters)",
                )
                .localized("post-check-alt", &[("max", "1500".into())]));
            }
            // Only images stored here: a page never makes its readers ask another server.
            let field = format!("images[{i}].url");
            let file = img
                .url
                .strip_prefix(&media)
                .filter(|f| !f.is_empty() && !f.contains(['/', '?', '#']))
                .ok_or_else(|| {
                    AppError::invalid(
                        &field,
                        format!("an image uploaded to this instance ({media}…); images on other sites are not linked"),
                    )
                })?;
            DbMedia::by_file_name(conn, file).await?.ok_or_else(|| {
                AppError::invalid(&field, "no image with this address was uploaded here")
            })?;
            let url = &img.url;
            images.push(ImageData {
                url: url.to_string(),
                alt_text: alt.to_string(),
                media_type: img.media_type.clone(),
            });
        }
        if self.partners.len() > MAX_PARTNERS {
            return Err(AppError::invalid(
                "partners",
                format!("at most {MAX_PARTNERS} partners"),
            ));
        }
        let ours = our_authority(base_url);
        let mut partners = Vec::new();
        for (i, p) in self.partners.iter().enumerate() {
            let field = format!("partners[{i}]");
            let id = if p.starts_with("http://") || p.starts_with("https://") {
                let u = url::Url::parse(p)
                    .map_err(|e| AppError::invalid(&field, format!("not a URL: {e}")))?;
                if u.as_str().starts_with(base_url) {
                    // One of ours given by URL: it must exist.
                    DbActor::by_ap_id(conn, u.as_str()).await?.ok_or_else(|| {
                        AppError::invalid(&field, "no such organisation on this instance")
                    })?;
                }
                u.to_string()
            } else {
                let given = p.trim().trim_start_matches('@');
                let (handle, host) = given.split_once('@').unwrap_or((given, ""));
                if !host.is_empty() && !host.eq_ignore_ascii_case(&ours) {
                    return Err(AppError::invalid(
                        &field,
                        format!(
                            "`{p}` is on another server: resolve it first (see posts::resolve_partners) or give its URL"
                        ),
                    ));
                }
                DbActor::local_by_handle(conn, handle)
                    .await?
                    .filter(DbActor::is_organisation)
                    .map(|a| a.ap_id.to_string())
                    .ok_or_else(|| {
                        AppError::invalid(
                            &field,
                            format!("no organisation `{handle}` on this instance"),
                        )
                    })?
            };
            if !partners.contains(&id) {
                partners.push(id);
            }
        }
        let in_reply_to = match &self.in_reply_to {
            Some(u) => Some(
                url::Url::parse(u)
                    .ok()
                    .filter(|u| matches!(u.scheme(), "http" | "https"))
                    .ok_or_else(|| {
                        AppError::invalid("in_reply_to", "the URL of the post answered")
                    })?
                    .to_string(),
            ),
            None => None,
        };
        let funded_by = match self.funded_by.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(given) => Some(funded_by(conn, given).await?),
        };
        let mut themes = self.themes.clone();
        themes.dedup();
        let mut sdgs = self.sdgs.clone();
        sdgs.sort_unstable();
        sdgs.dedup();
        Ok(PostData {
            object_type: if in_reply_to.is_some() {
                "Note"
            } else {
                "Article"
            }
            .into(),
            main_language: main.code().to_string(),
            themes,
            sdgs,
            partners,
            place: self
                .place
                .as_ref()
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            html_url: None,
            in_reply_to,
            funded_by,
            translations,
            images,
        })
    }
}

/// The id of the funding programme a post names: one in this instance's directory, given
/// by its number here or by its id.
async fn funded_by(conn: &mut AsyncPgConnection, given: &str) -> Result<String, AppError> {
    use crate::db::models::funding::DbProgramme;
    let found = match given.parse::<i64>() {
        Ok(id) => DbProgramme::by_id(conn, id).await?,
        Err(_) => DbProgramme::by_ap_id(conn, given).await?,
    };
    found.map(|p| p.ap_id.to_string()).ok_or_else(|| {
        AppError::invalid(
            "funded_by",
            format!("no funding programme `{given}` in this network's directory (/funding)"),
        )
        .localized("post-check-funded-by", &[("given", given.to_string())])
    })
}

/// This instance's host as handles name it (`example.org`, `localhost:8101`).
fn our_authority(base_url: &str) -> String {
    url::Url::parse(base_url)
        .ok()
        .and_then(|u| {
            let host = u.host_str()?.to_ascii_lowercase();
            Some(match u.port() {
                Some(port) => format!("{host}:{port}"),
                None => host,
            })
        })
        .unwrap_or_default()
}

/// Why a post's partners could not be resolved.
#[derive(Debug)]
pub enum PartnerError {
    TooMany,
    /// The partner at this index, and why.
    Unresolved(usize, crate::federation::resolve::ResolveError),
}

impl PartnerError {
    /// As an API error: 422 on `partners` or `partners[i]` (503 when our database is down,
    /// 403 for a blocked instance).
    pub fn into_app_error(self) -> AppError {
        match self {
            PartnerError::TooMany => {
                AppError::invalid("partners", format!("at most {MAX_PARTNERS} partners"))
            }
            PartnerError::Unresolved(i, e) => e.into_app_error(&format!("partners[{i}]")),
        }
    }
}

/// Each partner (a local handle, `@name@host`, an actor's URL) as its actor's id: a local
/// one read from the database (a handle on our own host too), a remote one found through
/// WebFinger and fetched (and stored) as any actor we look up. At most [`MAX_PARTNERS`],
/// looked up a few at a time; the first that cannot be found is the error. An actor named
/// twice is in the answer once.
pub async fn resolve_partners(
    state: &crate::state::AppState,
    partners: &[String],
) -> Result<Vec<String>, PartnerError> {
    use futures::{StreamExt, TryStreamExt};
    if partners.len() > MAX_PARTNERS {
        return Err(PartnerError::TooMany);
    }
    // Owned values: a future borrowing its item trips the compiler in `Send` handlers.
    let mut ids: Vec<String> = futures::stream::iter(partners.iter().cloned().enumerate())
        .map(|(i, p)| async move {
            crate::federation::resolve::target(state, &p)
                .await
                .map(|actor| actor.ap_id.to_string())
                .map_err(|e| PartnerError::Unresolved(i, e))
        })
        .buffered(4)
        .try_collect()
        .await?;
    // A partner named twice (by its handle and by its address, say) counts once.
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    Ok(ids)
}

/// Publishes a new post of a local organisation: the post and its deliveries (`Create` to
/// the followers) are written in one transaction; the delivery worker is woken after. The
/// API and the editors' web interface both publish through here.
pub async fn publish_new(
    conn: &mut AsyncPgConnection,
    state: &crate::state::AppState,
    author: &DbActor,
    data: &crate::db::models::post::PostData,
) -> Result<crate::db::models::post::PostFull, AppError> {
    use diesel_async::AsyncConnection;
    let ap_id = state.urls.post(&uuid::Uuid::new_v4());
    let post = conn
        .transaction::<_, AppError, _>(async |conn| {
            // An answer in a group's thread keeps the group's rules (bans, locks), whichever
            // way it is written.
            if let Some(parent) = &data.in_reply_to
                && let Some(parent) = DbPost::by_ap_id(conn, parent).await?
            {
                crate::forum::check_answer(conn, author, &parent).await?;
            }
            let post = DbPost::create(conn, &ap_id, author.id, true, data).await?;
            activities::post::publish(conn, state, author, &post, false).await?;
            Ok(post)
        })
        .await?;
    state.wakeup.wake();
    tracing::info!(post.id = %post.post.ap_id, actor.id = %author.ap_id, "post created");
    Ok(post)
}

/// Replaces a post's content and sends the `Update`, in one transaction.
pub async fn publish_update(
    conn: &mut AsyncPgConnection,
    state: &crate::state::AppState,
    author: &DbActor,
    post_id: i64,
    data: &crate::db::models::post::PostData,
) -> Result<crate::db::models::post::PostFull, AppError> {
    use diesel_async::AsyncConnection;
    let updated = conn
        .transaction::<_, AppError, _>(async |conn| {
            if let Some(post) = DbPost::by_id(conn, post_id).await? {
                crate::forum::check_edit(conn, author, &post).await?;
            }
            let updated = DbPost::replace(conn, post_id, data).await?;
            activities::post::publish(conn, state, author, &updated, true).await?;
            let by = crate::db::models::submission::By::Actor(author.id);
            crate::review::after_edit(conn, post_id, by).await?;
            Ok(updated)
        })
        .await?;
    state.wakeup.wake();
    Ok(updated)
}

/// Deletes a post (it stays a Tombstone) and sends the `Delete`, in one transaction.
pub async fn publish_delete(
    conn: &mut AsyncPgConnection,
    state: &crate::state::AppState,
    author: &DbActor,
    post: &crate::db::models::post::PostFull,
) -> Result<(), AppError> {
    use diesel_async::AsyncConnection;
    conn.transaction::<_, AppError, _>(async |conn| {
        activities::post::publish_delete(conn, state, author, post).await?;
        DbPost::delete(conn, post.post.id).await?;
        Ok(())
    })
    .await?;
    state.wakeup.wake();
    Ok(())
}

use crate::db::models::post::DbPost;
use crate::federation::activities;
