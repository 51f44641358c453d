//! A funding programme on the wire: passerelle's own type `FundingProgramme`, with its calls
//! (`FundingCall`) embedded; the terms are in our `@context` (`federation::context`) and
//! documented in FEDERATION.md. Read tolerantly, as every wire struct: an unreadable
//! optional field is skipped, a single value is taken where a list is usual.

use super::helpers::{first_url, one_or_many, required_url, skip_error};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use url::Url;

/// The object type.
pub const FUNDING_PROGRAMME: &str = "FundingProgramme";
/// The type of a call inside a programme.
pub const FUNDING_CALL: &str = "FundingCall";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FundingProgrammeJson {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: Url,
    /// The instance actor of the network that keeps the programme.
    #[serde(deserialize_with = "required_url")]
    pub attributed_to: Url,
    /// The name in the programme's main language.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "string_map"
    )]
    pub name_map: BTreeMap<String, String>,
    /// The description (plain text) in the main language.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub content: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "string_map"
    )]
    pub content_map: BTreeMap<String, String>,
    /// The funder's page about the programme.
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
    pub funder: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub applicant_kinds: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub eligible_countries: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub required_countries: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub min_partners: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub min_countries: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub min_eu_countries: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub min_participants: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub min_invited: Option<i64>,
    /// Amounts are whole units of `currency` (always `EUR` from us).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub grant_min: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub grant_max: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub lump_sums: Vec<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub currency: Option<String>,
    /// The largest share of the costs funded, in percent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub cofunding_rate: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub duration_min: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub duration_max: Option<i64>,
    /// `days` or `months`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub duration_unit: Option<String>,
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
    pub calls: Vec<CallJson>,
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
}

/// A call for proposals; no `deadline` is a rolling call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallJson {
    #[serde(rename = "type", default = "call_type")]
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
    pub opens_on: Option<NaiveDate>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_error"
    )]
    pub deadline: Option<DateTime<Utc>>,
}

fn call_type() -> String {
    FUNDING_CALL.to_string()
}

/// A language map, keeping the entries whose value is a string.
fn string_map<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(match v {
        serde_json::Value::Object(m) => m
            .into_iter()
            .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_string())))
            .collect(),
        _ => BTreeMap::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn read_tolerantly() {
        let p: FundingProgrammeJson = serde_json::from_value(json!({
            "type": "FundingProgramme",
            "id": "https://dfi.example/funding/1",
            "attributedTo": {"id": "https://dfi.example/actor"},
            "nameMap": {"de": "Bürgerfonds", "fr": 7},
            "minPartners": "two",
            "eligibleCountries": "DE",
            "lumpSums": [30000, "x", 60000],
            "calls": {"deadline": "2026-09-16T15:00:00Z", "opensOn": "not a date"},
            "somethingNew": true
        }))
        .unwrap();
        assert_eq!(p.attributed_to.as_str(), "https://dfi.example/actor");
        assert_eq!(p.name_map.len(), 1);
        assert_eq!(p.min_partners, None);
        assert_eq!(p.eligible_countries, vec!["DE"]);
        assert_eq!(p.lump_sums, vec![30000, 60000]);
        assert_eq!(p.calls.len(), 1);
        assert_eq!(p.calls[0].kind, FUNDING_CALL);
        assert_eq!(p.calls[0].opens_on, None);
        assert!(p.calls[0].deadline.is_some());
        let no_owner = serde_json::from_value::<FundingProgrammeJson>(json!({
            "type": "FundingProgramme", "id": "https://dfi.example/funding/1"}));
        assert!(no_owner.is_err());
    }
}
