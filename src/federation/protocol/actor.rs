//! The actor document: `Organization` for our organisations, `Application` for the instance
//! actor, and whatever Mastodon, Lemmy & co. send for theirs.

use super::helpers::{first_url, one_or_many, skip_error};
use activitypub_federation::protocol::public_key::PublicKey;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActorJson {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: Url,
    /// Optional in ActivityStreams; ours always carry it. See [`ActorJson::handle`].
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub preferred_username: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub name: Option<String>,
    /// HTML, as ActivityPub has it.
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
    pub summary_map: Option<serde_json::Map<String, Value>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub url: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub icon: Option<ImageJson>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub image: Option<ImageJson>,
    pub inbox: Url,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub outbox: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub followers: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub following: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub featured: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub endpoints: Option<Endpoints>,
    /// One key, or the first usable one of a list (servers with several keys send one).
    #[serde(deserialize_with = "one_key")]
    pub public_key: PublicKey,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub manually_approves_followers: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub discoverable: Option<bool>,
    /// FEP-5feb: a missing flag means "do not index".
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub indexable: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub published: Option<DateTime<Utc>>,
    /// Profile fields (`PropertyValue`), shown by Mastodon.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub attachment: Vec<PropertyValue>,
    // passerelle's structured profile.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub org_kind: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub country: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub region: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub official_code: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub official_code_scheme: Option<String>,
    /// Eurostat LAU code, `CC_code` (`DE_05913000`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub lau: Option<String>,
    /// NUTS region, usually NUTS 3 (`DEA52`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub nuts: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub population: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub website: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub working_languages: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub themes: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub location: Option<PlaceJson>,
    /// The collection of the organisation's partnerships (our term).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub partnerships: Option<Url>,
    /// A group's moderators (FEP-1b12, Lemmy): the collection of them.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub attributed_to: Option<Url>,
    /// A group where only moderators start threads (Lemmy's term).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub posting_restricted_to_mods: Option<bool>,
    /// A group's name per language (ActivityStreams `nameMap`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub name_map: Option<serde_json::Map<String, Value>>,
}

/// Reads `publicKey` as one key object or a list of them (the first that parses).
fn one_key<'de, D: serde::Deserializer<'de>>(d: D) -> Result<PublicKey, D::Error> {
    match Value::deserialize(d)? {
        Value::Array(keys) => keys
            .into_iter()
            .find_map(|k| serde_json::from_value(k).ok())
            .ok_or_else(|| serde::de::Error::custom("no usable key in `publicKey`")),
        key => serde_json::from_value(key).map_err(serde::de::Error::custom),
    }
}

impl ActorJson {
    /// The actor's handle: its `preferredUsername`, or, where that is missing or blank, the
    /// last non-empty segment of its id's path (`https://host/users/alice` → `alice`, a
    /// leading `@` dropped), or its host for an actor at `/` (an instance actor, say).
    pub fn handle(&self) -> String {
        if let Some(name) = self
            .preferred_username
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            return name.to_string();
        }
        self.id
            .path_segments()
            .and_then(|segments| {
                segments
                    .map(|s| s.trim_start_matches('@'))
                    .rfind(|s| !s.is_empty())
            })
            .map(String::from)
            .or_else(|| self.id.host_str().map(String::from))
            .unwrap_or_else(|| self.id.to_string())
    }

    /// The name to show: `name`, else `preferredUsername`, else [`ActorJson::handle`].
    pub fn display_name(&self) -> String {
        [self.name.as_deref(), self.preferred_username.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|n| !n.is_empty())
            .map_or_else(|| self.handle(), String::from)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoints {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub shared_inbox: Option<Url>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageJson {
    #[serde(rename = "type", default = "image_type")]
    pub kind: String,
    #[serde(deserialize_with = "super::helpers::required_url")]
    pub url: Url,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub media_type: Option<String>,
    /// Alt text.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub name: Option<String>,
}

fn image_type() -> String {
    "Image".to_string()
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PropertyValue {
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    /// HTML.
    pub value: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlaceJson {
    #[serde(rename = "type", default = "place_type")]
    pub kind: String,
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
    pub latitude: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub longitude: Option<f64>,
}

fn place_type() -> String {
    "Place".to_string()
}
