//! OrderedCollection and OrderedCollectionPage, as served for outbox, followers, following
//! and featured; Collection for a post's likes, shares and replies.

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderedCollection {
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    pub context: Option<Value>,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub total_items: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// Inline items for small collections (featured).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ordered_items: Option<Vec<Value>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderedCollectionPage {
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    pub context: Option<Value>,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub part_of: String,
    pub total_items: i64,
    pub ordered_items: Vec<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// An unordered `Collection`: a post's `likes`, `shares` and `replies`, inline (only
/// `totalItems`, as Mastodon serves them) or at their own URL.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Collection {
    #[serde(rename = "@context", default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Value>,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub total_items: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<Value>>,
}

impl Collection {
    /// A collection known by its count only.
    pub fn counted(id: String, total_items: i64) -> Collection {
        Collection {
            context: None,
            id,
            kind: "Collection".into(),
            total_items,
            items: None,
        }
    }
}
