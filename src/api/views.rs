//! The API's response types, built from rows. Rows never leave the server as they are (a
//! private key is a column of the row and appears in no view).

use crate::db::models::account::{Account, ApiToken};
use crate::db::models::actor::DbActor;
use crate::db::models::inbox::PostCounts;
use crate::db::models::post::PostFull;
use crate::federation::objects::post::hashtags;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde_json::Value;

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Organisation)]
pub struct OrganisationView {
    pub handle: String,
    pub id: String,
    pub name: String,
    pub kind: Option<String>,
    pub summary: Value,
    pub country: Option<String>,
    pub region: Option<String>,
    pub official_code: Option<String>,
    /// Eurostat LAU code, `CC_code` (`DE_05913000`).
    pub lau: Option<String>,
    /// NUTS region, usually NUTS 3 (`DEA52`).
    pub nuts: Option<String>,
    pub population: Option<i64>,
    pub website: Option<String>,
    pub languages: Vec<String>,
    pub themes: Vec<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub icon_url: Option<String>,
    pub image_url: Option<String>,
    pub manually_approves_followers: bool,
    pub discoverable: bool,
    pub indexable: bool,
    pub published: DateTime<Utc>,
}

impl From<&DbActor> for OrganisationView {
    fn from(a: &DbActor) -> Self {
        OrganisationView {
            handle: a.handle.clone(),
            id: a.ap_id.to_string(),
            name: a.name.clone(),
            kind: a.org_kind.clone(),
            summary: a.summary_map.clone(),
            country: a.country.clone(),
            region: a.region.clone(),
            official_code: a.official_code.clone(),
            lau: a.lau.clone(),
            nuts: a.nuts.clone(),
            population: a.population,
            website: a.website.clone(),
            languages: a.languages.clone(),
            themes: a.themes.clone(),
            latitude: a.latitude,
            longitude: a.longitude,
            icon_url: a.icon_url.clone(),
            image_url: a.image_url.clone(),
            manually_approves_followers: a.manually_approves_followers,
            discoverable: a.discoverable,
            indexable: a.indexable,
            published: a.published,
        }
    }
}

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Translation)]
pub struct TranslationView {
    pub language: String,
    pub title: String,
    pub summary: String,
    pub body: Option<String>,
    pub content_html: String,
}

impl TranslationView {
    pub fn of(t: &crate::db::models::post::DbTranslation) -> TranslationView {
        TranslationView {
            language: t.language.clone(),
            title: t.title.clone(),
            summary: t.summary.clone(),
            body: t.body_markdown.clone(),
            content_html: t.content_html.clone(),
        }
    }
}

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Image)]
pub struct ImageView {
    pub url: String,
    pub alt: String,
    pub media_type: Option<String>,
}

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Post)]
pub struct PostView {
    /// The id used in API paths.
    pub id: String,
    /// The ActivityPub id, which is also the post's page.
    pub ap_id: String,
    pub organisation: String,
    pub main_language: String,
    /// Main language first.
    pub translations: Vec<TranslationView>,
    pub themes: Vec<String>,
    pub sdgs: Vec<i16>,
    pub hashtags: Vec<String>,
    pub partners: Vec<String>,
    pub place: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub images: Vec<ImageView>,
    /// The id of the funding programme that funded the project.
    pub funded_by: Option<String>,
    pub published: DateTime<Utc>,
    pub updated: Option<DateTime<Utc>>,
    pub pinned: bool,
    /// Likes received (Lemmy's upvotes too).
    pub likes_count: i64,
    /// Boosts (Announce) received.
    pub shares_count: i64,
    /// Replies stored here, from instances that are not blocked.
    pub replies_count: i64,
}

/// The id in a local post's URL (`…/posts/{id}`).
pub fn post_public_id(ap_id: &url::Url) -> String {
    ap_id
        .path_segments()
        .and_then(|mut s| s.next_back())
        .unwrap_or_default()
        .to_string()
}

impl PostView {
    pub fn new(p: &PostFull, author_handle: &str, counts: &PostCounts) -> Self {
        PostView {
            id: post_public_id(&p.post.ap_id),
            ap_id: p.post.ap_id.to_string(),
            organisation: author_handle.to_string(),
            main_language: p.post.main_language.clone(),
            translations: p.translations.iter().map(TranslationView::of).collect(),
            themes: p.post.themes.clone(),
            sdgs: p.post.sdgs.clone(),
            hashtags: hashtags(p),
            partners: p.post.partners.clone(),
            place: p.post.place.clone(),
            starts_on: p.post.starts_on,
            ends_on: p.post.ends_on,
            images: p
                .images
                .iter()
                .map(|i| ImageView {
                    url: i.url.clone(),
                    alt: i.alt_text.clone(),
                    media_type: i.media_type.clone(),
                })
                .collect(),
            funded_by: p.post.funded_by.clone(),
            published: p.post.published,
            updated: p.post.updated,
            pinned: p.post.pinned_at.is_some(),
            likes_count: counts.likes,
            shares_count: counts.shares,
            replies_count: counts.replies,
        }
    }
}

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Account)]
pub struct AccountView {
    pub username: String,
    pub admin: bool,
    pub moderator: bool,
    pub editor_of: Vec<String>,
    pub created_at: DateTime<Utc>,
}

impl AccountView {
    pub fn new(a: &Account, editor_of: Vec<String>) -> Self {
        AccountView {
            username: a.username.clone(),
            admin: a.is_admin,
            moderator: a.is_moderator,
            editor_of,
            created_at: a.created_at,
        }
    }
}

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Token)]
pub struct TokenView {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked: bool,
}

impl From<&ApiToken> for TokenView {
    fn from(t: &ApiToken) -> Self {
        TokenView {
            id: t.id,
            name: t.name.clone(),
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked: t.revoked_at.is_some(),
        }
    }
}

/// A freshly issued token: the only time the secret is shown.
#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = NewToken)]
pub struct NewTokenView {
    pub id: i64,
    pub name: String,
    pub token: String,
}

/// A page of items with the cursor for the next one.
#[derive(utoipa::ToSchema, Debug, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}
