//! The headers with which browsers protect every answer: a strict `Content-Security-Policy`
//! (nothing but this site's own style sheets and images, no script at all, no framing by
//! any page), `X-Frame-Options` for browsers that predate `frame-ancestors`,
//! `X-Content-Type-Options: nosniff` and a `Referrer-Policy`.
//!
//! The pages need no script and no inline style. The only other host a page may load from
//! is the one of the operator's map tiles (`web.map_tiles`), when configured. There is no
//! `form-action`: the follow box's form is answered with a redirect to the visitor's own
//! server, which a `form-action 'self'` would block.

use crate::config::Config;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The policy, computed once from the configuration.
#[derive(Clone)]
pub struct SecurityHeaders {
    csp: HeaderValue,
}

impl SecurityHeaders {
    pub fn new(config: &Config) -> Self {
        let csp = content_security_policy(&config.web.map_tiles);
        SecurityHeaders {
            csp: HeaderValue::from_str(&csp).unwrap_or_else(|_| HeaderValue::from_static(STRICT)),
        }
    }
}

const STRICT: &str = "default-src 'none'; img-src 'self'; style-src 'self'; \
                      frame-ancestors 'none'; base-uri 'none'";

/// The origin (`https://tiles.example`) a tile URL template loads from, if it has one.
fn tile_origin(template: &str) -> Option<String> {
    let url = url::Url::parse(
        &template
            .replace("{z}", "0")
            .replace("{x}", "0")
            .replace("{y}", "0"),
    )
    .ok()?;
    let host = url.host_str()?;
    // Only a plain host name or address: nothing that could end the directive.
    if !host
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
    {
        return None;
    }
    Some(match url.port() {
        Some(port) => format!("{}://{host}:{port}", url.scheme()),
        None => format!("{}://{host}", url.scheme()),
    })
}

pub fn content_security_policy(map_tiles: &str) -> String {
    match tile_origin(map_tiles) {
        Some(origin) => STRICT.replace("img-src 'self'", &format!("img-src 'self' {origin}")),
        None => STRICT.to_string(),
    }
}

pub async fn security_headers(
    State(headers): State<SecurityHeaders>,
    req: Request,
    next: Next,
) -> Response {
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.entry(header::CONTENT_SECURITY_POLICY)
        .or_insert_with(|| headers.csp.clone());
    h.entry(header::X_FRAME_OPTIONS)
        .or_insert(HeaderValue::from_static("DENY"));
    h.entry(header::X_CONTENT_TYPE_OPTIONS)
        .or_insert(HeaderValue::from_static("nosniff"));
    h.entry(header::REFERRER_POLICY)
        .or_insert(HeaderValue::from_static("strict-origin-when-cross-origin"));
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tiles_host_is_the_only_other_image_source() {
        assert_eq!(content_security_policy(""), STRICT);
        let p = content_security_policy("https://tile.example.org/{z}/{x}/{y}.png");
        assert!(
            p.contains("img-src 'self' https://tile.example.org;"),
            "{p}"
        );
        let p = content_security_policy("http://localhost:8080/tiles/{z}/{x}/{y}.png");
        assert!(p.contains("img-src 'self' http://localhost:8080;"), "{p}");
        assert!(p.contains("frame-ancestors 'none'") && !p.contains("script-src"));
    }
}
