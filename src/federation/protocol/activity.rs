//! Activities on the wire: what we send (built as [`Activity`], never as loose JSON) and what
//! we receive ([`Received`], whose `kind` the inbox matches on). The object of a received
//! activity stays an [`ObjectRef`] (an id, or the embedded document) until the handler for
//! its kind reads it into its own wire struct.

use super::helpers::{first_url, one_or_many, required_url};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use url::Url;

/// The activity types we act on; anything else is acknowledged and logged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActivityKind {
    Follow,
    Accept,
    Reject,
    Undo,
    Create,
    Update,
    Delete,
    Announce,
    Like,
    Offer,
    Move,
    Flag,
    Join,
    Leave,
    /// Lemmy's lock of a thread (and `Undo{Lock}`), sent by a group's moderator.
    Lock,
    /// A ban from a group (`target`: the group), or from an instance.
    Block,
    /// `Add`/`Remove` of a thread to a group's `featured` collection: pinning.
    Add,
    Remove,
    /// A showcase's answer to a submission: changes asked for, not final (the `summary` says
    /// which).
    TentativeReject,
    #[serde(other)]
    Other,
}

impl ActivityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityKind::Follow => "Follow",
            ActivityKind::Accept => "Accept",
            ActivityKind::Reject => "Reject",
            ActivityKind::Undo => "Undo",
            ActivityKind::Create => "Create",
            ActivityKind::Update => "Update",
            ActivityKind::Delete => "Delete",
            ActivityKind::Announce => "Announce",
            ActivityKind::Like => "Like",
            ActivityKind::Offer => "Offer",
            ActivityKind::Move => "Move",
            ActivityKind::Flag => "Flag",
            ActivityKind::Join => "Join",
            ActivityKind::Leave => "Leave",
            ActivityKind::Lock => "Lock",
            ActivityKind::Block => "Block",
            ActivityKind::Add => "Add",
            ActivityKind::Remove => "Remove",
            ActivityKind::TentativeReject => "TentativeReject",
            ActivityKind::Other => "Other",
        }
    }
}

/// An activity we send. `O` is the object: an id, an embedded activity or a document.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Activity<O: Serialize> {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: ActivityKind,
    pub actor: String,
    pub object: O,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<String>,
    /// FEP-1b12: the group a thread belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<chrono::DateTime<chrono::Utc>>,
    /// A moderator's reason (a removal, a ban), as Lemmy sends it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

impl<O: Serialize> Activity<O> {
    /// `kind` of `object` by `actor`, addressed `to` the given actors.
    pub fn new(id: String, kind: ActivityKind, actor: &str, object: O, to: Vec<String>) -> Self {
        Activity {
            id,
            kind,
            actor: actor.to_string(),
            object,
            target: None,
            to,
            cc: vec![],
            audience: None,
            published: None,
            summary: None,
        }
    }

    pub fn with_summary(mut self, summary: Option<String>) -> Self {
        self.summary = summary;
        self
    }

    pub fn with_audience(mut self, audience: Option<String>) -> Self {
        self.audience = audience;
        self
    }

    pub fn with_cc(mut self, cc: Vec<String>) -> Self {
        self.cc = cc;
        self
    }

    pub fn with_target(mut self, target: &str) -> Self {
        self.target = Some(target.to_string());
        self
    }

    pub fn with_published(mut self, published: chrono::DateTime<chrono::Utc>) -> Self {
        self.published = Some(published);
        self
    }
}

/// An embedded activity named by what an answer needs: its id, type, actor and object
/// (the `Follow` inside an `Accept`, the `Offer` inside a `Reject`).
#[derive(Debug, Clone, Serialize)]
pub struct ActivityStub {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: ActivityKind,
    pub actor: String,
    pub object: String,
}

/// What stands in for a deleted object: `{"id", "type": "Tombstone"}`.
#[derive(Debug, Clone, Serialize)]
pub struct Tombstone {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
}

impl Tombstone {
    pub fn of(id: impl Into<String>) -> Tombstone {
        Tombstone {
            id: id.into(),
            kind: "Tombstone",
        }
    }
}

/// The object of a received activity: an id, or the document itself.
#[derive(Debug, Clone, PartialEq)]
pub enum ObjectRef {
    Id(Url),
    Embedded(Value),
}

impl ObjectRef {
    /// The object's id (given, or the embedded document's `id`).
    pub fn id(&self) -> Option<Url> {
        match self {
            ObjectRef::Id(u) => Some(u.clone()),
            ObjectRef::Embedded(v) => id_of(v),
        }
    }

    /// The embedded document's `type` (the first, when it is a list); `None` for a bare id.
    pub fn kind(&self) -> Option<&str> {
        match self {
            ObjectRef::Id(_) => None,
            ObjectRef::Embedded(v) => type_of(v),
        }
    }

    /// The embedded document, or `Value::Null` for a bare id.
    pub fn embedded(&self) -> &Value {
        static NULL: Value = Value::Null;
        match self {
            ObjectRef::Id(_) => &NULL,
            ObjectRef::Embedded(v) => v,
        }
    }

    /// The document as JSON: the embedded one, or the id as a string.
    pub fn to_value(&self) -> Value {
        match self {
            ObjectRef::Id(u) => Value::String(u.to_string()),
            ObjectRef::Embedded(v) => v.clone(),
        }
    }

    /// The embedded document read as `T`, with the path of what did not fit.
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, String> {
        serde_path_to_error::deserialize(self.embedded())
            .map_err(|e| format!("{}: {}", e.path(), e.inner()))
    }
}

impl<'de> Deserialize<'de> for ObjectRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::String(s) => ObjectRef::Id(Url::parse(&s).map_err(serde::de::Error::custom)?),
            // A list of one object (Flag's list is read by the Flag handler from the document).
            Value::Array(mut items) if items.len() == 1 => match items.remove(0) {
                Value::String(s) => {
                    ObjectRef::Id(Url::parse(&s).map_err(serde::de::Error::custom)?)
                }
                v => ObjectRef::Embedded(v),
            },
            v => ObjectRef::Embedded(v),
        })
    }
}

/// A received activity: the envelope every kind shares, checked before anything is done.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Received {
    #[serde(deserialize_with = "required_url")]
    pub id: Url,
    #[serde(rename = "type", deserialize_with = "first_kind")]
    pub kind: ActivityKind,
    #[serde(deserialize_with = "required_url")]
    pub actor: Url,
    #[serde(default)]
    pub object: Option<ObjectRef>,
    #[serde(default, deserialize_with = "first_url")]
    pub target: Option<Url>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub to: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub cc: Vec<String>,
    /// FEP-1b12: the group a thread belongs to.
    #[serde(default, deserialize_with = "first_url")]
    pub audience: Option<Url>,
    /// The whole document, for handlers that read more of it (Flag's objects, Move's target).
    #[serde(skip)]
    pub raw: Value,
}

impl Received {
    /// Reads an activity, naming what is missing or malformed.
    pub fn parse(raw: Value) -> Result<Received, String> {
        let mut received: Received =
            serde_path_to_error::deserialize(&raw).map_err(|e| {
                match e.path().to_string().as_str() {
                    "." => e.inner().to_string(),
                    path => format!("{path}: {}", e.inner()),
                }
            })?;
        received.raw = raw;
        Ok(received)
    }

    /// The object, required.
    pub fn object(&self) -> Result<&ObjectRef, String> {
        self.object
            .as_ref()
            .ok_or_else(|| format!("{} without an object", self.kind.as_str()))
    }

    /// Every address in `to`, `cc` and `audience`.
    pub fn addressed(&self) -> impl Iterator<Item = &str> {
        self.to
            .iter()
            .chain(self.cc.iter())
            .map(String::as_str)
            .chain(self.audience.as_ref().map(Url::as_str))
    }

    /// The object's id, required.
    pub fn object_id(&self) -> Result<Url, String> {
        self.object()?
            .id()
            .ok_or_else(|| format!("{} of an object without an id", self.kind.as_str()))
    }
}

fn first_kind<'de, D: Deserializer<'de>>(d: D) -> Result<ActivityKind, D::Error> {
    let v = Value::deserialize(d)?;
    let name = match &v {
        Value::String(s) => s.as_str(),
        Value::Array(a) => a.first().and_then(Value::as_str).unwrap_or(""),
        _ => "",
    };
    if name.is_empty() {
        return Err(serde::de::Error::custom("the activity has no type"));
    }
    Ok(serde_json::from_value(Value::String(name.to_string())).unwrap_or(ActivityKind::Other))
}

/// What a `Flag` says beyond the envelope: the objects reported (one or a list, ids or
/// documents) and the reporter's words.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FlagJson {
    #[serde(default, deserialize_with = "ids")]
    pub object: Vec<Url>,
    #[serde(default, deserialize_with = "super::helpers::skip_error")]
    pub content: Option<String>,
    #[serde(default, deserialize_with = "super::helpers::skip_error")]
    pub summary: Option<String>,
}

impl FlagJson {
    /// The reporter's words, trimmed: `content` (Mastodon, Misskey, Mbin), else `summary`
    /// (Lemmy, Mbin); empty when neither says anything (Mastodon sends reports without a
    /// comment as an empty `content`).
    pub fn reason(&self) -> &str {
        [&self.content, &self.summary]
            .into_iter()
            .filter_map(|r| r.as_deref().map(str::trim))
            .find(|r| !r.is_empty())
            .unwrap_or_default()
    }
}

fn ids<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Url>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items.iter().filter_map(id_of).collect(),
        single => id_of(&single).into_iter().collect(),
    })
}

/// An id given as a string or as an object with `id` (the first, in a list).
pub fn id_of(v: &Value) -> Option<Url> {
    match v {
        Value::String(s) => Url::parse(s).ok(),
        Value::Object(o) => o
            .get("id")
            .and_then(Value::as_str)
            .and_then(|s| Url::parse(s).ok()),
        Value::Array(a) => a.first().and_then(id_of),
        _ => None,
    }
}

/// The `type` of an embedded object (or `None` for a bare id).
pub fn type_of(v: &Value) -> Option<&str> {
    match v {
        Value::Object(o) => match o.get("type") {
            Some(Value::String(s)) => Some(s.as_str()),
            Some(Value::Array(a)) => a.first().and_then(Value::as_str),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_received_activity_is_read_tolerantly_and_refused_clearly() {
        let a = Received::parse(json!({
            "id": "https://m.example/a/1", "type": ["Like"], "actor": {"id": "https://m.example/u/x"},
            "object": "https://b.example/posts/1", "to": "https://www.w3.org/ns/activitystreams#Public"
        }))
        .unwrap();
        assert_eq!(a.kind, ActivityKind::Like);
        assert_eq!(a.actor.as_str(), "https://m.example/u/x");
        assert_eq!(
            a.object().unwrap().id().unwrap().as_str(),
            "https://b.example/posts/1"
        );
        assert_eq!(a.to.len(), 1);
        let other = Received::parse(json!({"id": "https://m.example/a/2", "type": "EmojiReact",
            "actor": "https://m.example/u/x"}))
        .unwrap();
        assert_eq!(other.kind, ActivityKind::Other);
        assert!(other.object().is_err());
        let no_actor =
            Received::parse(json!({"id": "https://m.example/a/3", "type": "Like"})).unwrap_err();
        assert!(no_actor.contains("actor"), "{no_actor}");
        let no_id =
            Received::parse(json!({"type": "Like", "actor": "https://m.example/u/x"})).unwrap_err();
        assert!(no_id.contains("id"), "{no_id}");
        let embedded = Received::parse(json!({"id": "https://m.example/a/4", "type": "Undo",
            "actor": "https://m.example/u/x",
            "object": {"id": "https://m.example/a/1", "type": "Like", "object": "https://b.example/posts/1"}}))
        .unwrap();
        assert_eq!(embedded.object().unwrap().kind(), Some("Like"));
    }

    #[test]
    fn a_flag_names_one_object_or_several() {
        let one: FlagJson = serde_json::from_value(json!({"object": "https://b.example/o/x",
            "content": "spam"}))
        .unwrap();
        assert_eq!(one.object.len(), 1);
        assert_eq!(one.content.as_deref(), Some("spam"));
        let many: FlagJson = serde_json::from_value(json!({"object": [
            "https://b.example/o/x", {"id": "https://b.example/posts/1", "type": "Note"}, 7],
            "content": 12}))
        .unwrap();
        assert_eq!(many.object.len(), 2);
        assert_eq!(many.content, None);
        assert_eq!(many.reason(), "");
        assert_eq!(one.reason(), "spam");
        let lemmy: FlagJson = serde_json::from_value(json!({"object": "https://b.example/o/x",
            "content": " ", "summary": " report this post\n"}))
        .unwrap();
        assert_eq!(lemmy.reason(), "report this post");
    }

    #[test]
    fn an_activity_we_send_has_arrays_and_no_empty_fields() {
        let a = Activity::new(
            "https://b.example/activities/follow/1".into(),
            ActivityKind::Follow,
            "https://b.example/o/x",
            "https://m.example/u/y",
            vec!["https://m.example/u/y".into()],
        );
        let v = serde_json::to_value(&a).unwrap();
        assert_eq!(v["type"], "Follow");
        assert_eq!(v["to"], json!(["https://m.example/u/y"]));
        assert!(v.get("cc").is_none() && v.get("target").is_none());
    }
}
