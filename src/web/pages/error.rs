//! Error pages for people. Handlers answer errors as the JSON error body (the API's and
//! federation's shape); when a browser asked for a page (`Accept` puts `text/html` first)
//! outside the API and federation endpoints, this middleware draws the error as a page in the
//! visitor's language, with the way back, keeping the status.

use super::{Layout, PageLang, Section, render};
use crate::state::AppState;
use crate::web::LangQuery;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    detail: &'static str,
    technical: Option<String>,
}

/// Paths whose errors stay JSON whatever the client accepts.
fn machine_path(path: &str) -> bool {
    [
        "/api/",
        "/inbox",
        "/federation/",
        "/.well-known/",
        "/nodeinfo",
        "/actor",
    ]
    .iter()
    .any(|p| path.starts_with(p))
        || path.ends_with("/inbox")
        || path.ends_with("/outbox")
}

/// Whether the client wants a page: `text/html` comes before any JSON type in `Accept`.
fn wants_html(headers: &HeaderMap) -> bool {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    match (accept.find("text/html"), accept.find("json")) {
        (Some(html), Some(json)) => html < json,
        (Some(_), None) => true,
        _ => false,
    }
}

pub async fn html_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let page_wanted = wants_html(req.headers()) && !machine_path(req.uri().path());
    if !page_wanted {
        return next.run(req).await;
    }
    let pl = PageLang::of(
        &state,
        req.headers(),
        &LangQuery::from_query(req.uri().query()),
    );
    let path = req.uri().path().to_string();
    let resp = next.run(req).await;
    let status = resp.status();
    let is_json = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || !is_json {
        return resp;
    }
    // The error body is small (code and message); anything larger is passed on as it is.
    let (parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return parts.status.into_response();
    };
    let message = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|v| v["error"]["message"].as_str().map(String::from))
        .filter(|m| !m.is_empty());
    let t = crate::web::i18n::strings(pl.lang);
    let (detail, technical) = match status {
        StatusCode::NOT_FOUND | StatusCode::GONE => (t.error_not_found_detail, None),
        StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED => (t.error_forbidden_detail, message),
        s if s.is_server_error() => (t.error_server_detail, None),
        _ => (t.error_request_detail, message),
    };
    let page = ErrorPage {
        layout: Layout::new(
            &state,
            pl,
            t.error_heading(status).to_string(),
            &path,
            Section::Other,
        ),
        detail,
        technical,
    };
    match render(&state, &page, &page.layout) {
        Ok(resp) => (status, resp).into_response(),
        Err(_) => status.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_get_pages_and_machines_json() {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT,
            "text/html,application/xhtml+xml,*/*;q=0.8".parse().unwrap(),
        );
        assert!(wants_html(&h));
        h.insert(
            header::ACCEPT,
            "application/activity+json, text/html;q=0.1"
                .parse()
                .unwrap(),
        );
        assert!(!wants_html(&h));
        h.remove(header::ACCEPT);
        assert!(!wants_html(&h));
        assert!(machine_path("/api/v1/search"));
        assert!(machine_path("/o/stadt/inbox"));
        assert!(!machine_path("/o/stadt"));
        assert!(!machine_path("/registry"));
    }
}
