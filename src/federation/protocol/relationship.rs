//! The `Relationship` of a partnership between two organisations (our vocabulary: see
//! FEDERATION.md), as sent and as read: tolerant of missing or malformed optional fields.

use super::helpers::{first_url, one_or_many, required_url, skip_error};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use url::Url;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RelationshipJson {
    #[serde(deserialize_with = "required_url")]
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(deserialize_with = "required_url")]
    pub subject: Url,
    #[serde(deserialize_with = "required_url")]
    pub object: Url,
    /// `passerelle:<kind>` as an IRI.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub relationship: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub partnership_kind: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub partnership_status: Option<String>,
    #[serde(default, deserialize_with = "false_on_error")]
    pub confirmed: bool,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub attributed_to: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub updated: Option<DateTime<Utc>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub founded_year: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub end_time: Option<DateTime<Utc>>,
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
    pub summary: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub summary_map: Option<Map<String, Value>>,
}

fn false_on_error<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(skip_error(d)?.unwrap_or(false))
}
