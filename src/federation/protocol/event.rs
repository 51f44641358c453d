//! The terms an `Event` carries besides a post's, in the shapes Mobilizon and Gancio send and
//! accept: `startTime`/`endTime` with their offset, the IANA `timezone`, a `Place` with a
//! schema.org `PostalAddress` and coordinates (or Gancio's address string, or a
//! `VirtualLocation`), Mobilizon's participation terms (`mz:`), `ical:status`, and
//! passerelle's own (`eventKind`, `eventStatus`, `registrationDeadline`, ...).
//!
//! Written on our `Event` documents (flattened into the post's), read from received ones.

use super::helpers::{first_url, one_or_many, skip_error};
use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use url::Url;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventTerms {
    pub start_time: DateTime<FixedOffset>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub end_time: Option<DateTime<FixedOffset>>,
    /// The IANA time zone.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub timezone: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_place"
    )]
    pub location: Option<EventPlace>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub in_language: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub join_mode: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub maximum_attendee_capacity: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub remaining_attendee_capacity: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub participant_count: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub is_online: Option<bool>,
    /// One of Mobilizon's upper-case category ids.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub category: Option<String>,
    #[serde(
        rename = "ical:status",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub ical_status: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub replies_moderation_option: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub comments_enabled: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub anonymous_participation_enabled: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub external_participation_url: Option<Url>,
    /// passerelle: the kind (training, partnership_meeting, ...), finer than `category`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub event_kind: Option<String>,
    /// passerelle: scheduled, tentative, cancelled, postponed (`ical:status` has no
    /// postponed).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub event_status: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub registration_deadline: Option<DateTime<Utc>>,
    /// passerelle: the languages spoken at the event.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub event_languages: Vec<String>,
    /// The co-organisers besides `attributedTo` (Mobilizon's term for an event's contacts).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub contacts: Vec<Url>,
    /// passerelle: the partnership the event belongs to.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub partnership: Option<Url>,
    /// passerelle: project posts the event belongs to.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub related_posts: Vec<Url>,
}

/// Where an event happens: a `Place` (Mobilizon, Gancio, us) or a `VirtualLocation`
/// (Gancio's online events).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventPlace {
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
    pub address: Option<Address>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "number_or_text"
    )]
    pub latitude: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "number_or_text"
    )]
    pub longitude: Option<f64>,
    /// A `VirtualLocation`'s address.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_url"
    )]
    pub url: Option<Url>,
}

fn place_type() -> String {
    "Place".into()
}

/// Mobilizon's schema.org `PostalAddress`, or Gancio's one line of text.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Address {
    Postal(PostalAddress),
    Text(String),
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PostalAddress {
    #[serde(rename = "type", default = "postal_type")]
    pub kind: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub street_address: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub postal_code: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub address_locality: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub address_region: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub address_country: Option<String>,
}

fn postal_type() -> String {
    "PostalAddress".into()
}

/// The first place of a `location` given as one object or a list.
fn first_place<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<EventPlace>, D::Error> {
    let places: Vec<EventPlace> = one_or_many(d)?;
    Ok(places.into_iter().next())
}

/// Coordinates as numbers, or as the decimal strings some servers write.
fn number_or_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(match v {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|f: &f64| f.is_finite()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_gancio_place_with_text_address_and_string_coordinates() {
        let terms: EventTerms = serde_json::from_value(json!({
            "startTime": "2026-12-05T18:00:00+01:00",
            "location": {"type": "Place", "name": "Salle des fêtes",
                         "address": "1 rue de la Paix, Nancy", "latitude": "48.69", "longitude": 6.18}
        }))
        .unwrap();
        let place = terms.location.unwrap();
        assert!(matches!(place.address, Some(Address::Text(ref a)) if a.contains("Nancy")));
        assert_eq!(place.latitude, Some(48.69));
        assert_eq!(place.longitude, Some(6.18));
        assert!(terms.end_time.is_none());
    }

    #[test]
    fn reads_virtual_location_in_a_list() {
        let terms: EventTerms = serde_json::from_value(json!({
            "startTime": "2026-12-05T18:00:00Z",
            "location": [{"type": "VirtualLocation", "url": "https://meet.example/abc"}]
        }))
        .unwrap();
        let place = terms.location.unwrap();
        assert_eq!(place.kind, "VirtualLocation");
        assert_eq!(place.url.unwrap().as_str(), "https://meet.example/abc");
    }

    #[test]
    fn an_event_without_start_is_refused() {
        assert!(serde_json::from_value::<EventTerms>(json!({"name": "x"})).is_err());
    }
}
