//! Every request we send to another server, signed the same way: GETs of actors, posts and
//! collections are signed by the instance actor, deliveries by their author (see
//! `delivery`). Each is signed with the scheme the instance accepted last (draft-cavage
//! first, for an instance not seen yet); an answer of 401 or 400 is taken to refuse the
//! signature, and the request is sent once more with the other scheme (RFC 9421 or
//! draft-cavage). What worked is remembered per instance for this process (`Knocks`).

use crate::db::models::delivery::is_blocked;
use crate::federation::http::{MAX_BODY, read_limited, signed};
use crate::federation::objects::actor::authority;
use crate::federation::signatures::{Knocks, Scheme, refused_signature, sign_request};
use crate::state::AppState;
use axum::http::Method;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::time::SystemTime;
use url::Url;

/// What we ask for when fetching an ActivityPub document.
pub const ACCEPT_ACTIVITY: &str = r#"application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams""#;

/// Why a fetch failed, naming the URL and, where there was one, the answer's status.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("the instance {0} is blocked here")]
    Blocked(String),
    #[error("{url} is not a URL we fetch: {reason}")]
    NotAllowed { url: String, reason: &'static str },
    #[error("{url} could not be reached: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("{url} answered HTTP {status}")]
    Status { url: String, status: u16 },
    #[error("{url} answered more than {MAX_BODY} bytes")]
    TooLarge { url: String },
    #[error("{url} did not answer usable JSON: {reason}")]
    NotJson { url: String, reason: String },
    #[error("our request to {url} could not be signed: {reason}")]
    Signing { url: String, reason: String },
}

impl FetchError {
    /// The HTTP status the other server answered, if it answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            FetchError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The document is gone for good (410) or was never there (404).
    pub fn is_gone(&self) -> bool {
        matches!(self.status(), Some(404 | 410))
    }
}

/// Sends a request signed with the scheme `authority` accepted last; when the answer
/// refuses the signature (401, 400), sends it once more with the other scheme. `attempt`
/// builds, signs and sends the request for a scheme. A scheme is remembered when it got a
/// 2xx answer.
pub async fn knock<F, Fut, E>(
    knocks: &Knocks,
    authority: &str,
    mut attempt: F,
) -> Result<reqwest::Response, E>
where
    F: FnMut(Scheme) -> Fut,
    Fut: Future<Output = Result<reqwest::Response, E>>,
{
    let mut scheme = knocks.first(authority);
    let mut resp = attempt(scheme).await?;
    if refused_signature(resp.status().as_u16()) {
        scheme = scheme.other();
        resp = attempt(scheme).await?;
    }
    if resp.status().is_success() {
        knocks.worked(authority, scheme);
    }
    Ok(resp)
}

/// Whether `url` may be fetched at all: http(s) only, https outside debug mode, not on a
/// blocked instance.
pub async fn check_url(state: &AppState, url: &Url) -> Result<(), FetchError> {
    let not_allowed = |reason| FetchError::NotAllowed {
        url: url.to_string(),
        reason,
    };
    match url.scheme() {
        "https" => {}
        "http" if state.config.federation.debug => {}
        "http" => return Err(not_allowed("only https is fetched")),
        _ => return Err(not_allowed("not an http(s) URL")),
    }
    let host = authority(url);
    if host.is_empty() {
        return Err(not_allowed("no host"));
    }
    let mut conn = state
        .pool
        .get()
        .await
        .map_err(|e| FetchError::Unreachable {
            url: url.to_string(),
            reason: format!("our database: {e}"),
        })?;
    match is_blocked(&mut conn, &host).await {
        Ok(false) => Ok(()),
        Ok(true) => Err(FetchError::Blocked(host)),
        Err(e) => Err(FetchError::Unreachable {
            url: url.to_string(),
            reason: format!("our database: {e}"),
        }),
    }
}

/// A GET signed by our instance actor (authorized-fetch servers require a signature), as
/// JSON of type `T`, at most 1 MiB. Any answer but 2xx is an error naming its status.
pub async fn get_json<T: DeserializeOwned>(
    state: &AppState,
    url: &Url,
    accept: &str,
) -> Result<T, FetchError> {
    check_url(state, url).await?;
    let key = state
        .keys
        .instance(&state.pool)
        .await
        .map_err(|e| FetchError::Signing {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
    let resp = knock(&state.knocks, &authority(url), |scheme| {
        let key = key.clone();
        async move {
            let headers = sign_request(&key, scheme, &Method::GET, url, None, SystemTime::now())
                .map_err(|e| FetchError::Signing {
                    url: url.to_string(),
                    reason: e.to_string(),
                })?;
            signed(
                state.http.get(url.clone()).header("accept", accept),
                headers,
            )
            .send()
            .await
            .map_err(|e| FetchError::Unreachable {
                url: url.to_string(),
                reason: e.to_string(),
            })
        }
    })
    .await?;
    read_json(url, resp).await
}

/// An unsigned GET (WebFinger, NodeInfo), as JSON of type `T`, at most 1 MiB.
pub async fn get_unsigned_json<T: DeserializeOwned>(
    state: &AppState,
    url: &Url,
    accept: &str,
) -> Result<T, FetchError> {
    check_url(state, url).await?;
    let resp = state
        .http
        .get(url.clone())
        .header("accept", accept)
        .send()
        .await
        .map_err(|e| FetchError::Unreachable {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
    read_json(url, resp).await
}

async fn read_json<T: DeserializeOwned>(
    url: &Url,
    resp: reqwest::Response,
) -> Result<T, FetchError> {
    let status = resp.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status {
            url: url.to_string(),
            status,
        });
    }
    let body = read_limited(resp, MAX_BODY)
        .await
        .map_err(|e| FetchError::Unreachable {
            url: url.to_string(),
            reason: e.to_string(),
        })?
        .ok_or_else(|| FetchError::TooLarge {
            url: url.to_string(),
        })?;
    let not_json = |reason: String| FetchError::NotJson {
        url: url.to_string(),
        reason,
    };
    let value: serde_json::Value =
        serde_json::from_slice(&body).map_err(|e| not_json(e.to_string()))?;
    // A document we could not store is as unusable as one we cannot read.
    if let Some(field) = crate::input::unstorable_in_json(&value) {
        return Err(not_json(format!("{field} {}", crate::input::NUL_REFUSED)));
    }
    serde_json::from_value(value).map_err(|e| not_json(e.to_string()))
}
