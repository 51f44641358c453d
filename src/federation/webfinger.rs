//! WebFinger (RFC 7033: `acct:handle@domain` or an actor's URL) and host-meta.
//!
//! Every answer, error or not, carries `Access-Control-Allow-Origin: *` (RFC 7033 §5), so
//! that web clients on other origins can read it. A missing or malformed `resource` is 400;
//! 404 is kept for a well-formed resource that names nothing here.

use crate::db::models::actor::{DbActor, INSTANCE_ACTOR_HANDLE};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
pub struct WebfingerQuery {
    resource: Option<String>,
}

/// Where this instance's actors live, as a WebFinger resource is matched against.
pub(crate) struct Here<'a> {
    /// `host[:port]`, as in `acct:handle@host`.
    pub(crate) domain: &'a str,
    /// `https://host`, without a trailing slash.
    pub(crate) base: &'a str,
}

/// Whether `s` is a URI scheme (RFC 3986 §3.1: a letter, then letters, digits, `+-.`).
fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The local handle a WebFinger resource names: `Ok(None)` for a well-formed resource that
/// names nothing here (another host, a URL not of an actor), `Err` (with the reason) for a
/// malformed one.
pub(crate) fn resource_handle<'r>(
    resource: &'r str,
    here: &Here<'_>,
) -> Result<Option<&'r str>, String> {
    let malformed = |why: &str| Err(format!("`resource` {why}"));
    if resource.is_empty() {
        return malformed("is empty");
    }
    if resource
        .chars()
        .any(|c| c.is_whitespace() || c.is_control())
    {
        return malformed("contains spaces or control characters");
    }
    let Some((scheme, rest)) = resource.split_once(':').filter(|(s, _)| is_scheme(s)) else {
        return malformed("is not a URI (expected `acct:name@host` or an actor's URL)");
    };
    match scheme.to_ascii_lowercase().as_str() {
        "acct" => {
            // `acct:@name@host` is seen in the wild; the leading `@` is tolerated.
            let acct = rest.strip_prefix('@').unwrap_or(rest);
            let Some((handle, host)) = acct.rsplit_once('@') else {
                return malformed("is an `acct:` URI without a host (expected `acct:name@host`)");
            };
            // A name is one path segment of an actor's URL: no `/`, `?` or `#` in it.
            if handle.is_empty() || handle.contains(['@', '/', '?', '#']) {
                return malformed("is an `acct:` URI without a valid name");
            }
            if host.is_empty() || host.contains(['/', '?', '#']) {
                return malformed("is an `acct:` URI without a valid host");
            }
            Ok(host.eq_ignore_ascii_case(here.domain).then_some(handle))
        }
        "http" | "https" => {
            let url = url::Url::parse(resource)
                .map_err(|e| format!("`resource` is not a valid URL: {e}"))?;
            if url.host_str().is_none() {
                return malformed("is a URL without a host");
            }
            // Organisations at `/o/`, groups at `/g/`, people at `/u/`.
            for kind in ["o", "g", "u"] {
                let actor_prefix = format!("{}/{kind}/", here.base);
                if let Some(handle) = resource.strip_prefix(&actor_prefix) {
                    return Ok(
                        (!handle.is_empty() && !handle.contains(['/', '?', '#'])).then_some(handle)
                    );
                }
            }
            Ok((resource == format!("{}/actor", here.base)).then_some(INSTANCE_ACTOR_HANDLE))
        }
        // A URI of another kind (`mailto:`, …) is well-formed; it names no actor here.
        _ => Ok(None),
    }
}

pub async fn webfinger(
    State(state): State<AppState>,
    query: Result<Query<WebfingerQuery>, QueryRejection>,
) -> Response {
    let resource = query
        .map_err(|e| AppError::bad_request(format!("malformed query: {e}")))
        .and_then(|Query(q)| {
            q.resource
                .ok_or_else(|| AppError::bad_request("the `resource` query parameter is required"))
        });
    let mut resp = match resource {
        Ok(resource) => answer(&state, &resource)
            .await
            .unwrap_or_else(IntoResponse::into_response),
        Err(e) => e.into_response(),
    };
    resp.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    resp
}

async fn answer(state: &AppState, resource: &str) -> AppResult<Response> {
    let here = Here {
        domain: &state.config.instance.domain,
        base: state.urls.base(),
    };
    let not_here = || AppError::not_found(format!("no actor `{resource}` on this instance"));
    let handle = resource_handle(resource, &here)
        .map_err(AppError::bad_request)?
        .ok_or_else(not_here)?;
    let mut conn = state.conn().await?;
    let actor = DbActor::local_by_handle(&mut conn, handle)
        .await?
        .ok_or_else(not_here)?;
    // An actor's URL names that actor only (not another kind's at `/o/`, `/g/` or `/u/`).
    let by_url = resource.starts_with("http://") || resource.starts_with("https://");
    if by_url && !actor.ap_id.as_str().eq_ignore_ascii_case(resource) {
        return Err(not_here());
    }
    // A person turned off is gone.
    if actor.actor_type == "Person"
        && crate::db::models::person::is_gone(&mut conn, actor.id).await?
    {
        return Err(not_here());
    }
    let html = if actor.is_organisation() {
        state.urls.actor(&actor.handle)
    } else if actor.actor_type == "Group" {
        state.urls.group(&actor.handle)
    } else if actor.actor_type == "Person" {
        state.urls.person(&actor.handle)
    } else {
        state.urls.base().to_string()
    };
    let body = json!({
        "subject": format!("acct:{}@{}", actor.handle, state.config.instance.domain),
        "aliases": if html == actor.ap_id.as_str() { json!([html]) } else { json!([actor.ap_id.as_str(), html]) },
        "links": [
            {"rel": "self", "type": "application/activity+json", "href": actor.ap_id.as_str()},
            {"rel": "http://webfinger.net/rel/profile-page", "type": "text/html", "href": html},
        ]
    });
    Ok((
        [(header::CONTENT_TYPE, "application/jrd+json; charset=utf-8")],
        body.to_string(),
    )
        .into_response())
}

pub async fn host_meta(State(state): State<AppState>) -> Response {
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n  <Link rel=\"lrdd\" template=\"{}/.well-known/webfinger?resource={{uri}}\"/>\n</XRD>\n",
        state.urls.base()
    );
    (
        [(header::CONTENT_TYPE, "application/xrd+xml; charset=utf-8")],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HERE: Here<'static> = Here {
        domain: "nrw.example",
        base: "https://nrw.example",
    };

    #[test]
    fn well_formed_resources_name_a_handle_or_nothing() {
        fn ok(r: &str) -> Option<&str> {
            resource_handle(r, &HERE).unwrap()
        }
        assert_eq!(ok("acct:stadt-bonn@nrw.example"), Some("stadt-bonn"));
        assert_eq!(ok("ACCT:stadt-bonn@NRW.example"), Some("stadt-bonn"));
        assert_eq!(ok("acct:@stadt-bonn@nrw.example"), Some("stadt-bonn"));
        assert_eq!(ok("https://nrw.example/o/stadt-bonn"), Some("stadt-bonn"));
        assert_eq!(ok("https://nrw.example/actor"), Some(INSTANCE_ACTOR_HANDLE));
        assert_eq!(ok("https://nrw.example/u/maria"), Some("maria"));
        assert_eq!(ok("https://nrw.example/g/klima"), Some("klima"));
        assert_eq!(ok("https://nrw.example/u/maria/outbox"), None);
        assert_eq!(ok("acct:stadt-bonn@other.example"), None);
        assert_eq!(ok("https://nrw.example/o/stadt-bonn/outbox"), None);
        assert_eq!(ok("https://other.example/o/stadt-bonn"), None);
        assert_eq!(ok("mailto:redaktion@nrw.example"), None);
    }

    #[test]
    fn malformed_resources_are_refused() {
        for r in [
            "",
            "stadt-bonn@nrw.example",
            "=acct:stadt-bonn@nrw.example",
            "acct:stadt-bonn",
            "acct:stadt-bonn@",
            "acct:@nrw.example",
            "acct:a@b@nrw.example",
            "acct:stadt bonn@nrw.example",
            // Found by the fuzz target `webfinger_resource`: a name that is no path segment.
            "acct:s:/wi/twa@nrw.example",
            "acct:stadt-bonn?x@nrw.example",
            "acct:stadt#bonn@nrw.example",
            "https://",
            ":stadt-bonn",
        ] {
            assert!(resource_handle(r, &HERE).is_err(), "{r:?} is malformed");
        }
    }
}
