//! Serde helpers for tolerant reading of other servers' JSON.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use url::Url;

/// Reads a value, or `None` when it is missing or malformed.
pub fn skip_error<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let v = Value::deserialize(d)?;
    Ok(serde_json::from_value(v).ok())
}

/// Reads one value or a list of values, keeping the entries that parse.
pub fn one_or_many<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let v = Value::deserialize(d)?;
    Ok(match v {
        Value::Null => vec![],
        Value::Array(items) => items
            .into_iter()
            .filter_map(|i| serde_json::from_value(i).ok())
            .collect(),
        single => serde_json::from_value(single).ok().into_iter().collect(),
    })
}

/// Reads a URL given as a string, an object with `id`/`href`, or a list of either (first wins).
pub fn first_url<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Url>, D::Error> {
    fn pick(v: &Value) -> Option<Url> {
        match v {
            Value::String(s) => Url::parse(s).ok(),
            Value::Object(o) => o
                .get("href")
                .or_else(|| o.get("id"))
                .and_then(Value::as_str)
                .and_then(|s| Url::parse(s).ok()),
            Value::Array(items) => items.iter().find_map(pick),
            _ => None,
        }
    }
    Ok(pick(&Value::deserialize(d)?))
}

/// Like [`first_url`], but the URL is required.
pub fn required_url<'de, D: Deserializer<'de>>(d: D) -> Result<Url, D::Error> {
    first_url(d)?.ok_or_else(|| serde::de::Error::custom("expected a URL"))
}
