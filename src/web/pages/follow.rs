//! The "follow from Mastodon" box: the visitor gives their handle (`@anna@mastodon.social`),
//! their server's name (`mastodon.social`) or their profile URL; we look up their server's
//! follow page (the WebFinger `subscribe` template, else Mastodon's
//! `/authorize_interaction?uri=`) and send them there with a 303.

use super::PageLang;
use super::organisation::{FollowForm, profile};
use crate::config::valid_domain;
use crate::db::models::actor::DbActor;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::LangQuery;
use crate::web::i18n::strings;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::time::Duration;

pub const SUBSCRIBE_REL: &str = "http://ostatus.org/schema/1.0/subscribe";

#[derive(Debug, Deserialize)]
pub struct FollowInput {
    #[serde(default)]
    handle: String,
}

/// Where a visitor's account lives: an optional user name and their server (`host[:port]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visitor {
    pub user: Option<String>,
    pub host: String,
}

/// Why a handle was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandleError {
    Empty,
    Invalid,
}

fn valid_user(u: &str) -> bool {
    !u.is_empty()
        && u.len() <= 100
        && u.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// Reads what the visitor typed. Ports and dot-less hosts are accepted only in debug mode
/// (tests and the demo run on `localhost:port`).
pub fn parse_handle(input: &str, debug: bool) -> Result<Visitor, HandleError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(HandleError::Empty);
    }
    let (user, host) = if let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    {
        // A profile URL: https://host/@user (or just https://host/).
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let user = path
            .trim_end_matches('/')
            .strip_prefix('@')
            .map(|u| u.to_string());
        (user, host.to_string())
    } else {
        let s = s.strip_prefix("acct:").unwrap_or(s);
        let s = s.strip_prefix('@').unwrap_or(s);
        match s.split_once('@') {
            Some((user, host)) => (Some(user.to_string()), host.to_string()),
            None => (None, s.to_string()),
        }
    };
    let host = host.to_ascii_lowercase();
    let ok_host = valid_domain(&host)
        && !host.contains("..")
        && (debug
            || (!host.contains(':')
                && host.contains('.')
                && !host.ends_with('.')
                // An address would bypass the resolver that keeps us off private networks.
                && host.parse::<std::net::IpAddr>().is_err()));
    if !ok_host || user.as_deref().is_some_and(|u| !valid_user(u)) {
        return Err(HandleError::Invalid);
    }
    Ok(Visitor { user, host })
}

/// The visitor's follow page for `actor_url`: their server's `subscribe` template where
/// WebFinger gives one, else Mastodon's `authorize_interaction`.
pub async fn follow_page(state: &AppState, visitor: &Visitor, actor_url: &str) -> String {
    let scheme = state.config.scheme();
    let encoded: String = url::form_urlencoded::byte_serialize(actor_url.as_bytes()).collect();
    if let Some(user) = &visitor.user
        && let Some(template) = subscribe_template(state, user, &visitor.host).await
    {
        return template.replace("{uri}", &encoded);
    }
    format!(
        "{scheme}://{}/authorize_interaction?uri={encoded}",
        visitor.host
    )
}

/// The `subscribe` link template of `user@host`, if its server answers WebFinger with one
/// (an http(s) URL with `{uri}`).
async fn subscribe_template(state: &AppState, user: &str, host: &str) -> Option<String> {
    let client = state.http.clone();
    let url = format!(
        "{}://{host}/.well-known/webfinger?resource=acct:{user}@{host}",
        state.config.scheme()
    );
    let answer = tokio::time::timeout(Duration::from_secs(5), async {
        client
            .get(&url)
            .header(header::ACCEPT, "application/jrd+json, application/json")
            .send()
            .await?
            .error_for_status()?
            .json::<serde_json::Value>()
            .await
    })
    .await;
    let jrd = match answer {
        Ok(Ok(jrd)) => jrd,
        Ok(Err(e)) => {
            tracing::info!(%url, error = %e, "follow box: no WebFinger answer");
            return None;
        }
        Err(_) => {
            tracing::info!(%url, "follow box: WebFinger timed out");
            return None;
        }
    };
    jrd.get("links")?
        .as_array()?
        .iter()
        .filter(|l| l.get("rel").and_then(|r| r.as_str()) == Some(SUBSCRIBE_REL))
        .filter_map(|l| l.get("template").and_then(|t| t.as_str()))
        .find(|t| {
            t.contains("{uri}")
                && (t.starts_with("https://")
                    || (state.config.federation.debug && t.starts_with("http://")))
        })
        .map(str::to_string)
}

/// `POST /o/{handle}/follow`: 303 to the visitor's follow page, or the profile again with
/// the error next to the field (422).
pub async fn follow(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    headers: HeaderMap,
    Form(input): Form<FollowInput>,
) -> AppResult<Response> {
    let mut conn = state.conn().await?;
    let actor = DbActor::local_by_handle(&mut conn, &handle)
        .await?
        .filter(DbActor::is_organisation)
        .ok_or_else(|| {
            AppError::not_found(format!("no organisation `{handle}` on this instance"))
        })?;
    drop(conn);
    let pl = PageLang::of(&state, &headers, &LangQuery::default());
    let t = strings(pl.lang);
    let debug = state.config.federation.debug;
    let error = match parse_handle(&input.handle, debug) {
        Ok(v) if v.host == state.config.instance.domain => t.handle_is_here,
        Ok(visitor) => {
            let target = follow_page(&state, &visitor, &state.urls.actor(&actor.handle)).await;
            return Ok((StatusCode::SEE_OTHER, [(header::LOCATION, target)]).into_response());
        }
        Err(HandleError::Empty) => t.handle_empty,
        Err(HandleError::Invalid) => t.handle_invalid,
    };
    let form = FollowForm {
        value: input.handle.chars().take(300).collect(),
        error: Some(error.to_string()),
    };
    profile(&state, actor, pl, form).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(user: Option<&str>, host: &str) -> Visitor {
        Visitor {
            user: user.map(str::to_string),
            host: host.into(),
        }
    }

    #[test]
    fn handles_servers_and_profile_urls_are_read() {
        let ok = |s| parse_handle(s, false);
        assert_eq!(
            ok("@anna@mastodon.social"),
            Ok(v(Some("anna"), "mastodon.social"))
        );
        assert_eq!(
            ok(" anna@Mastodon.Social "),
            Ok(v(Some("anna"), "mastodon.social"))
        );
        assert_eq!(ok("mastodon.social"), Ok(v(None, "mastodon.social")));
        assert_eq!(
            ok("https://mastodon.social/@anna"),
            Ok(v(Some("anna"), "mastodon.social"))
        );
        assert_eq!(ok("   "), Err(HandleError::Empty));
        for bad in [
            "anna",
            "@anna@",
            "@@x.example",
            "a b@x.example",
            "x.example:8080",
            "<script>@x.example",
            "localhost",
            "@anna@evil..example",
            "@anna@127.0.0.1",
            "10.0.0.1",
        ] {
            assert_eq!(ok(bad), Err(HandleError::Invalid), "{bad}");
        }
        assert_eq!(
            parse_handle("@anna@localhost:8101", true),
            Ok(v(Some("anna"), "localhost:8101"))
        );
    }
}
