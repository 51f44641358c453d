//! A post: we send `Article` (Mastodon shows its name, summary and link) and replies as plain
//! `Note`s; we read `Note`, `Article`, `Page`, `Event` and `Question` as other servers send
//! them.

use super::actor::{ImageJson, PlaceJson};
use super::collection::Collection;
use super::event::EventTerms;
use super::helpers::{first_url, one_or_many, skip_error};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use url::Url;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleJson {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: Url,
    #[serde(deserialize_with = "super::helpers::required_url")]
    pub attributed_to: Url,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub name_map: Option<Map<String, Value>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub summary: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub summary_map: Option<Map<String, Value>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub content: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub content_map: Option<Map<String, Value>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub media_type: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub source: Option<Source>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub url: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub tag: Vec<Tag>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub published: Option<DateTime<Utc>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub updated: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub cc: Vec<Url>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub attachment: Vec<Attachment>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub location: Option<PlaceJson>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub start_time: Option<NaiveDateOrTime>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub end_time: Option<NaiveDateOrTime>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub in_reply_to: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub themes: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub sdgs: Vec<i16>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub partners: Vec<Url>,
    /// passerelle: the funding programme that funded the project (its id).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub funded_by: Option<Url>,
    /// The group the post belongs to (FEP-1b12; Lemmy, Mbin).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub audience: Option<Url>,
    /// A thread's picture as Lemmy and Mbin give it beside the attachments (Lemmy: the
    /// thumbnail of a link post); read where a post has no image attachment.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub image: Option<ImageJson>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub replies: Option<Collection>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub likes: Option<Collection>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub shares: Option<Collection>,
    /// An `Event`'s own terms, written flat into our documents (`startTime`, `location`,
    /// ...; the post's own `location`/`startTime` are then left out). Received events are
    /// read into [`EventTerms`] apart from the post.
    #[serde(flatten, skip_deserializing)]
    pub event: Option<EventTerms>,
}

/// `startTime`/`endTime`: a date-time as ActivityStreams has it; we write dates at midnight UTC.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum NaiveDateOrTime {
    DateTime(DateTime<Utc>),
    Date(NaiveDate),
}

impl NaiveDateOrTime {
    pub fn date(&self) -> NaiveDate {
        match self {
            NaiveDateOrTime::DateTime(t) => t.date_naive(),
            NaiveDateOrTime::Date(d) => *d,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub content: String,
    pub media_type: String,
}

/// A `Hashtag` or `Mention` tag.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tag {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub href: Option<Url>,
}

/// The `Create` (or `Update`) wrapping a post, as listed in the outbox and delivered.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateJson {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: Url,
    pub actor: Url,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime<Utc>>,
    pub to: Vec<Url>,
    pub cc: Vec<Url>,
    /// The group of the thread (FEP-1b12), as on the object.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub audience: Option<Url>,
    pub object: ArticleJson,
}

/// An attachment of a post: an image (with its alt text in `name`), or a `Link` (an event's
/// online address, as Mobilizon attaches it).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Attachment {
    Image(ImageJson),
    Link(LinkJson),
}

impl Attachment {
    /// The image, when the attachment is one (by type or media type).
    pub fn image(&self) -> Option<&ImageJson> {
        match self {
            Attachment::Image(i)
                if i.kind == "Image"
                    || i.media_type
                        .as_deref()
                        .is_some_and(|m| m.starts_with("image/")) =>
            {
                Some(i)
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkJson {
    #[serde(rename = "type")]
    pub kind: String,
    pub href: Url,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub media_type: Option<String>,
}
