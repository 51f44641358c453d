//! The URLs of local objects. Every id we mint is built here, so the scheme is in one place:
//! `/o/{handle}` organisations, `/g/{handle}` groups, `/u/{handle}` people (an account's own
//! actor), `/posts/{uuid}` posts, `/actor` the instance actor,
//! `/inbox` the shared inbox.

use url::Url;

#[derive(Debug, Clone)]
pub struct Urls {
    base: String,
}

impl Urls {
    pub fn new(base: &str) -> Self {
        Urls {
            base: base.trim_end_matches('/').to_string(),
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn actor(&self, handle: &str) -> String {
        format!("{}/o/{handle}", self.base)
    }

    pub fn inbox(&self, handle: &str) -> String {
        format!("{}/o/{handle}/inbox", self.base)
    }

    pub fn outbox(&self, handle: &str) -> String {
        format!("{}/o/{handle}/outbox", self.base)
    }

    pub fn followers(&self, handle: &str) -> String {
        format!("{}/o/{handle}/followers", self.base)
    }

    pub fn following(&self, handle: &str) -> String {
        format!("{}/o/{handle}/following", self.base)
    }

    pub fn featured(&self, handle: &str) -> String {
        format!("{}/o/{handle}/featured", self.base)
    }

    pub fn partnerships(&self, handle: &str) -> String {
        format!("{}/o/{handle}/partnerships", self.base)
    }

    /// A discussion group (FEP-1b12) and its collections: `/g/{handle}`.
    pub fn group(&self, handle: &str) -> String {
        format!("{}/g/{handle}", self.base)
    }

    /// One of a group's endpoints: `inbox`, `outbox`, `followers`, `moderators`, `featured`.
    pub fn group_part(&self, handle: &str, part: &str) -> String {
        format!("{}/g/{handle}/{part}", self.base)
    }

    /// Whether `url` could be one of our groups (`{base}/g/…`): cheap, before any lookup.
    pub fn is_group_url(&self, url: &str) -> bool {
        url.strip_prefix(self.base.as_str())
            .is_some_and(|rest| rest.starts_with("/g/"))
    }

    /// An account's own actor (a `Person`): `/u/{handle}`.
    pub fn person(&self, handle: &str) -> String {
        format!("{}/u/{handle}", self.base)
    }

    /// One of a Person's endpoints: `inbox`, `outbox`, `followers`.
    pub fn person_part(&self, handle: &str, part: &str) -> String {
        format!("{}/u/{handle}/{part}", self.base)
    }

    /// The start of our ids of one kind of activity: `{base}/activities/{kind}/`.
    pub fn activity_prefix(&self, kind: &str) -> String {
        format!("{}/activities/{}/", self.base, kind.to_ascii_lowercase())
    }

    pub fn shared_inbox(&self) -> String {
        format!("{}/inbox", self.base)
    }

    pub fn instance_actor(&self) -> String {
        format!("{}/actor", self.base)
    }

    pub fn key_id(actor_id: &str) -> String {
        format!("{actor_id}#main-key")
    }

    pub fn post(&self, uuid: &uuid::Uuid) -> String {
        format!("{}/posts/{}", self.base, uuid.simple())
    }

    /// The Create activity that published a post.
    pub fn create_activity(post_id: &str) -> String {
        format!("{post_id}/activity")
    }

    pub fn tag(&self, name: &str) -> String {
        format!(
            "{}/tags/{}",
            self.base,
            name.trim_start_matches('#').to_lowercase()
        )
    }

    pub fn context(&self) -> String {
        format!("{}/ns", self.base)
    }

    pub fn parse(s: &str) -> Result<Url, url::ParseError> {
        Url::parse(s)
    }
}
