//! Actor rows ⇄ actor documents.

use crate::db::models::actor::{DbActor, NewActor};
use crate::federation::protocol::actor::{
    ActorJson, Endpoints, ImageJson, PlaceJson, PropertyValue,
};
use crate::federation::urls::Urls;
use crate::text;
use crate::vocab::{Lang, OrgKind, theme};
use activitypub_federation::protocol::public_key::PublicKey;
use serde_json::{Map, Value};
use url::Url;

impl DbActor {
    /// The language this actor's profile is written in first.
    pub fn main_language(&self, fallback: Lang) -> Lang {
        self.languages
            .first()
            .and_then(|l| l.parse().ok())
            .unwrap_or(fallback)
    }

    /// The summary per language, main language first (JSONB does not keep key order).
    pub fn ordered_summaries(&self, fallback: Lang) -> Vec<(String, String)> {
        let Some(map) = self.summary_map.as_object() else {
            return vec![];
        };
        let mut out: Vec<(String, String)> = map
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
            .collect();
        let order: Vec<String> = std::iter::once(self.main_language(fallback).code().to_string())
            .chain(self.languages.iter().cloned())
            .collect();
        out.sort_by_key(|(lang, _)| {
            (
                order.iter().position(|o| o == lang).unwrap_or(usize::MAX),
                lang.clone(),
            )
        });
        out
    }

    /// Which official code scheme a country uses for municipalities.
    pub fn official_code_scheme(&self) -> Option<&'static str> {
        match self.country.as_deref()? {
            "DE" => Some("AGS"),
            "FR" => Some("INSEE"),
            _ => Some("LAU"),
        }
    }

    /// Mastodon profile fields for the structured profile, labelled in `lang`.
    pub fn profile_fields(&self, lang: Lang) -> Vec<PropertyValue> {
        // The field names are `profile-*` in the languages' files.
        let label = |field: &str| -> String {
            crate::locale::text(lang, &format!("profile-{field}"))
                .unwrap_or(field)
                .to_string()
        };
        let mut fields = Vec::new();
        let mut push = |name: String, value: String| {
            fields.push(PropertyValue {
                kind: "PropertyValue".into(),
                name,
                value,
            });
        };
        if let Some(kind) = self
            .org_kind
            .as_deref()
            .and_then(|k| k.parse::<OrgKind>().ok())
        {
            push(label("kind"), text::escape(kind.label(lang)));
        }
        let place: Vec<&str> = [self.region.as_deref(), self.country.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !place.is_empty() {
            push(label("region"), text::escape(&place.join(", ")));
        }
        if let (Some(code), Some(scheme)) =
            (self.official_code.as_deref(), self.official_code_scheme())
        {
            let name = match scheme {
                "AGS" => label("code-ags"),
                "INSEE" => label("code-insee"),
                _ => label("code-lau"),
            };
            push(name, text::escape(code));
        }
        if let Some(lau) = self
            .lau
            .as_deref()
            .filter(|l| Some(*l) != self.official_code.as_deref())
        {
            push(label("code-lau"), text::escape(lau));
        }
        if let Some(nuts) = &self.nuts {
            push(label("nuts"), text::escape(nuts));
        }
        if let Some(pop) = self.population {
            push(label("population"), crate::text::format_number(pop, lang));
        }
        if let Some(site) = &self.website {
            let shown = site
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .trim_end_matches('/');
            push(
                label("website"),
                format!(
                    r#"<a href="{}" rel="nofollow noopener noreferrer me" target="_blank">{}</a>"#,
                    text::escape(site),
                    text::escape(shown)
                ),
            );
        }
        if !self.languages.is_empty() {
            push(label("languages"), text::escape(&self.languages.join(", ")));
        }
        let themes: Vec<&str> = self
            .themes
            .iter()
            .filter_map(|t| theme(t))
            .map(|t| t.label(lang))
            .collect();
        if !themes.is_empty() {
            push(label("themes"), text::escape(&themes.join(", ")));
        }
        fields
    }

    /// The actor document of a local actor.
    pub fn to_json(&self, urls: &Urls, fallback_lang: Lang) -> Result<ActorJson, url::ParseError> {
        let lang = self.main_language(fallback_lang);
        let summaries = self.ordered_summaries(fallback_lang);
        let summary = summaries.first().map(|(_, s)| text::plain_to_html(s));
        let summary_map = (!summaries.is_empty()).then(|| {
            summaries
                .iter()
                .map(|(l, s)| (l.clone(), Value::String(text::plain_to_html(s))))
                .collect::<Map<String, Value>>()
        });
        let is_org = self.is_organisation();
        let image = |u: &Option<String>| -> Option<ImageJson> {
            u.as_deref()
                .and_then(|u| Url::parse(u).ok())
                .map(|url| ImageJson {
                    kind: "Image".into(),
                    url,
                    media_type: None,
                    name: None,
                })
        };
        let handle = &self.handle;
        let (inbox, outbox, followers, following, featured, html) = if is_org {
            (
                urls.inbox(handle),
                Some(urls.outbox(handle)),
                Some(urls.followers(handle)),
                Some(urls.following(handle)),
                Some(urls.featured(handle)),
                urls.actor(handle),
            )
        } else if self.actor_type == "Person" {
            // An account's own actor: it writes in groups; nobody follows it here.
            (
                urls.person_part(handle, "inbox"),
                Some(urls.person_part(handle, "outbox")),
                Some(urls.person_part(handle, "followers")),
                None,
                None,
                urls.person(handle),
            )
        } else {
            // The instance actor has no collections of its own.
            (
                urls.shared_inbox(),
                None,
                None,
                None,
                None,
                urls.base().to_string(),
            )
        };
        let parse = |s: Option<String>| s.map(|s| Url::parse(&s)).transpose();
        Ok(ActorJson {
            kind: self.actor_type.clone(),
            id: self.ap_id.0.clone(),
            preferred_username: Some(self.handle.clone()),
            name: Some(self.name.clone()),
            summary,
            summary_map,
            url: Some(Url::parse(&html)?),
            icon: image(&self.icon_url),
            image: image(&self.image_url),
            inbox: Url::parse(&inbox)?,
            outbox: parse(outbox)?,
            followers: parse(followers)?,
            following: parse(following)?,
            featured: parse(featured)?,
            endpoints: Some(Endpoints {
                shared_inbox: Some(Url::parse(&urls.shared_inbox())?),
            }),
            public_key: PublicKey {
                id: Urls::key_id(self.ap_id.as_str()),
                owner: self.ap_id.0.clone(),
                public_key_pem: self.public_key_pem.clone(),
            },
            manually_approves_followers: Some(self.manually_approves_followers),
            discoverable: Some(self.discoverable),
            indexable: Some(self.indexable),
            published: Some(self.published),
            attachment: if is_org {
                self.profile_fields(lang)
            } else {
                vec![]
            },
            org_kind: self.org_kind.clone(),
            country: self.country.clone(),
            region: self.region.clone(),
            official_code: self.official_code.clone(),
            official_code_scheme: self
                .official_code
                .as_ref()
                .and(self.official_code_scheme().map(String::from)),
            lau: self.lau.clone(),
            nuts: self.nuts.clone(),
            population: self.population,
            website: self.website.as_deref().and_then(|w| Url::parse(w).ok()),
            working_languages: self.languages.clone(),
            themes: self.themes.clone(),
            partnerships: if is_org {
                Url::parse(&urls.partnerships(handle)).ok()
            } else {
                None
            },
            location: match (self.latitude, self.longitude) {
                (Some(lat), Some(lon)) => Some(PlaceJson {
                    kind: "Place".into(),
                    name: self.region.clone(),
                    latitude: Some(lat),
                    longitude: Some(lon),
                }),
                _ => None,
            },
            attributed_to: None,
            posting_restricted_to_mods: None,
            name_map: None,
        })
    }
}

/// `host[:port]` of a URL, as we store an actor's domain.
pub fn authority(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        _ => String::new(),
    }
}

/// A remote actor document as a row to store.
pub fn remote_actor_row(json: &ActorJson) -> NewActor {
    let summary_html = json.summary.as_deref().map(text::sanitize_html);
    let summary_text = summary_html
        .as_deref()
        .map(text::html_to_text)
        .unwrap_or_default();
    let mut summary_map = Map::new();
    if !summary_text.is_empty() {
        summary_map.insert("und".into(), Value::String(summary_text));
    }
    let clip = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    NewActor {
        ap_id: json.id.to_string(),
        local: false,
        actor_type: clip(&json.kind, 32),
        handle: clip(&json.handle(), 255),
        domain: authority(&json.id),
        name: clip(&json.display_name(), 500),
        summary_map: Value::Object(summary_map),
        summary_html,
        inbox_url: json.inbox.to_string(),
        // A shared inbox on another host would send our deliveries for this host's
        // followers to a third party: such a one is not used (its personal inbox is).
        shared_inbox_url: json
            .endpoints
            .as_ref()
            .and_then(|e| e.shared_inbox.as_ref())
            .filter(|u| authority(u) == authority(&json.id))
            .map(Url::to_string),
        outbox_url: json.outbox.as_ref().map(Url::to_string),
        followers_url: json.followers.as_ref().map(Url::to_string),
        profile_url: json.url.as_ref().map(Url::to_string),
        icon_url: json.icon.as_ref().map(|i| i.url.to_string()),
        image_url: json.image.as_ref().map(|i| i.url.to_string()),
        public_key_pem: json.public_key.public_key_pem.clone(),
        private_key_pem: None,
        manually_approves_followers: json.manually_approves_followers.unwrap_or(false),
        discoverable: json.discoverable.unwrap_or(false),
        // FEP-5feb: a missing flag means "do not index".
        indexable: json.indexable.unwrap_or(false),
        org_kind: json
            .org_kind
            .clone()
            .filter(|k| k.parse::<OrgKind>().is_ok()),
        country: json.country.clone(),
        region: json.region.clone(),
        official_code: json.official_code.clone(),
        // Kept only when well formed and agreeing with the country it names.
        lau: json
            .lau
            .clone()
            .filter(|l| crate::nuts::check_lau(l, json.country.as_deref()).is_ok()),
        nuts: json
            .nuts
            .clone()
            .filter(|n| crate::nuts::check_nuts(n, json.country.as_deref()).is_ok()),
        population: json.population,
        website: json.website.as_ref().map(Url::to_string),
        languages: json.working_languages.clone(),
        themes: json.themes.clone(),
        latitude: json
            .location
            .as_ref()
            .and_then(|l| l.latitude)
            .filter(|v| (-90.0..=90.0).contains(v)),
        longitude: json
            .location
            .as_ref()
            .and_then(|l| l.longitude)
            .filter(|v| (-180.0..=180.0).contains(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal(id: &str) -> Value {
        json!({
            "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": id,
            "type": "Person",
            "inbox": format!("{}/inbox", id.trim_end_matches('/')),
            "publicKey": {"id": format!("{id}#main-key"), "owner": id,
                          "publicKeyPem": "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n"}
        })
    }

    fn row_of(v: Value) -> NewActor {
        let json: ActorJson = serde_json::from_value(v).expect("the actor parses");
        remote_actor_row(&json)
    }

    #[test]
    fn eu_codes_are_read_when_well_formed_for_the_country() {
        let mut v = minimal("https://jumelage.example/o/comune-roma");
        v["country"] = json!("IT");
        v["lau"] = json!("IT_058091");
        v["nuts"] = json!("ITI43");
        let row = row_of(v.clone());
        assert_eq!(
            (row.lau.as_deref(), row.nuts.as_deref()),
            (Some("IT_058091"), Some("ITI43"))
        );
        v["lau"] = json!("DE_05913000");
        v["nuts"] = json!("<b>");
        let row = row_of(v);
        assert_eq!((row.lau, row.nuts), (None, None));
    }

    #[test]
    fn an_actor_without_preferred_username_gets_a_handle_from_its_id() {
        let row = row_of(minimal("https://bovine.example/endpoints/Xk3mQ"));
        assert_eq!(row.handle, "Xk3mQ");
        assert_eq!(row.name, "Xk3mQ");
        assert_eq!(row.domain, "bovine.example");
        assert_eq!(
            row.inbox_url,
            "https://bovine.example/endpoints/Xk3mQ/inbox"
        );
        // A trailing slash and a leading `@` are not part of the handle.
        assert_eq!(row_of(minimal("https://f.example/@alice/")).handle, "alice");
        // An instance actor at `/`: its host.
        let root = row_of(minimal("https://relay.example:8443/"));
        assert_eq!(root.handle, "relay.example");
        assert_eq!(root.domain, "relay.example:8443");
    }

    #[test]
    fn the_display_name_falls_back_from_name_to_username_to_handle() {
        let mut v = minimal("https://fedify.example/users/0b4f");
        v["preferredUsername"] = json!("  ");
        v["name"] = json!("");
        assert_eq!(row_of(v.clone()).name, "0b4f", "blank ones are skipped");
        v["preferredUsername"] = json!("jumelage");
        let row = row_of(v.clone());
        assert_eq!(
            (row.handle.as_str(), row.name.as_str()),
            ("jumelage", "jumelage")
        );
        v["name"] = json!("Comité de jumelage");
        assert_eq!(row_of(v.clone()).name, "Comité de jumelage");
        // A malformed preferredUsername is skipped, not fatal.
        v["preferredUsername"] = json!(["not", "a", "string"]);
        assert_eq!(row_of(v).handle, "0b4f");
    }

    #[test]
    fn only_id_type_inbox_and_a_key_are_required() {
        let full = minimal("https://bovine.example/endpoints/Xk3mQ");
        for field in ["id", "type", "inbox", "publicKey"] {
            let mut v = full.clone();
            v.as_object_mut().unwrap().remove(field);
            assert!(
                serde_json::from_value::<ActorJson>(v).is_err(),
                "{field} is required"
            );
        }
        // Several keys: the first usable one.
        let mut v = full.clone();
        let key = v["publicKey"].clone();
        v["publicKey"] = json!([{"id": "broken"}, key]);
        let json: ActorJson = serde_json::from_value(v).unwrap();
        assert_eq!(
            json.public_key.owner.as_str(),
            "https://bovine.example/endpoints/Xk3mQ"
        );
    }
}
