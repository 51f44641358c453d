//! Logging in to the web interface: a server-side session (a random token in an HttpOnly,
//! SameSite=Lax cookie, Secure on https instances, stored as SHA-256), logout, a CSRF token
//! per session that every state-changing form carries. The login's failure limit is
//! `auth::log_in`, shared with the API.

use super::form::FormState;
use super::i18n::strings;
use super::web_error::WebError;
use crate::auth::hash_token;
use crate::db::models::account::Account;
use crate::db::models::web_session::WebSession;
use crate::error::AppError;
use crate::state::AppState;
use crate::vocab::Lang;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use rand::RngCore;

pub const SESSION_COOKIE: &str = "passerelle_session";
/// Before login there is no session: the login form's CSRF token is a cookie of its own that
/// the form must repeat (double submit).
pub const LOGIN_CSRF_COOKIE: &str = "passerelle_login_csrf";
/// A session ends after this many days without use (each use moves the end on)…
pub const SESSION_DAYS: i64 = 14;
/// …and at the latest this many days after the login (the cookie lasts as long).
pub const SESSION_MAX_DAYS: i64 = 90;

pub(super) fn random_token(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!(
        "{prefix}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// Every `name=value` pair of the request's `Cookie` headers (a pair without `=` as a name
/// with an empty value).
pub fn cookies(headers: &HeaderMap) -> impl Iterator<Item = (&str, &str)> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| c.split_once('=').unwrap_or((c, "")))
}

/// A cookie's value from the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    cookies(headers)
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

pub(super) fn set_cookie(state: &AppState, name: &str, value: &str, max_age: i64) -> HeaderValue {
    let secure = if state.config.scheme() == "https" {
        "; Secure"
    } else {
        ""
    };
    let text = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}");
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A logged-in person.
#[derive(Debug, Clone)]
pub struct Session {
    pub id: i64,
    pub account: Account,
    pub csrf: String,
}

impl Session {
    pub fn is_operator(&self) -> bool {
        self.account.is_admin || self.account.is_moderator
    }

    /// The form's `csrf` field must be this session's token.
    pub fn check_csrf(&self, form: &FormState, lang: Lang) -> Result<(), WebError> {
        let given = form.val("csrf");
        if !given.is_empty() && constant_time_eq(given.as_bytes(), self.csrf.as_bytes()) {
            Ok(())
        } else {
            Err(WebError::new(StatusCode::FORBIDDEN, strings(lang).csrf_failed).lang(lang))
        }
    }

    /// The session behind the request's cookie, if it is live.
    pub async fn from_headers(
        state: &AppState,
        headers: &HeaderMap,
    ) -> Result<Option<Session>, AppError> {
        let Some(token) = cookie(headers, SESSION_COOKIE) else {
            return Ok(None);
        };
        let mut conn = state.conn().await?;
        Ok(WebSession::authenticate(
            &mut conn,
            &hash_token(&token),
            SESSION_DAYS,
            SESSION_MAX_DAYS,
        )
        .await?
        .map(|(s, account)| Session {
            id: s.id,
            account,
            csrf: s.csrf_token,
        }))
    }
}

pub(super) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Pages behind login send a visitor without a session to the login page, and back after.
impl FromRequestParts<AppState> for Session {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        // Read already by `kept::keep` for a form sent to the pages behind login.
        let read = match parts.extensions.get::<Session>() {
            Some(s) => Ok(Some(s.clone())),
            None => Session::from_headers(state, &parts.headers).await,
        };
        match read {
            Ok(Some(s)) => {
                crate::cache::AuthenticatedWrite::mark(&parts.extensions);
                Ok(s)
            }
            Ok(None) => {
                // After the login, back to the page asked for; a form sent without a session
                // (it ended meanwhile) leads back to the page the form was on, since the
                // address it was sent to answers only forms (a GET of it would be a 405).
                let next = if parts.method == axum::http::Method::GET {
                    parts
                        .uri
                        .path_and_query()
                        .map_or("/editor".to_string(), |p| p.as_str().to_string())
                } else {
                    form_page(state, &parts.headers)
                };
                let next = next.as_str();
                let lang = parts
                    .uri
                    .query()
                    .and_then(|q| {
                        url::form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "lang")
                    })
                    .map(|(_, l)| format!("&lang={}", urlencode(&l)))
                    .unwrap_or_default();
                let kept = parts
                    .extensions
                    .get::<super::kept::KeptToken>()
                    .map(|k| format!("&{}={}", super::kept::FIELD, urlencode(&k.0)))
                    .unwrap_or_default();
                Err(
                    Redirect::to(&format!("/login?next={}{lang}{kept}", urlencode(next)))
                        .into_response(),
                )
            }
            Err(e) => Err(WebError::from(e).into_response()),
        }
    }
}

/// The page on this site a form was sent from (its `Referer`), else `/editor`.
pub fn form_page(state: &AppState, headers: &HeaderMap) -> String {
    headers
        .get(header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| r.strip_prefix(state.urls.base()))
        .filter(|r| r.starts_with('/') && !r.starts_with("//"))
        .unwrap_or("/editor")
        .to_string()
}

pub fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

pub use crate::auth::ClientIp;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cookies_and_compares_in_constant_time() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; passerelle_session=pss_x; b=2"),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE).as_deref(), Some("pss_x"));
        assert_eq!(cookie(&h, "c"), None);
        assert!(constant_time_eq(b"abc", b"abc") && !constant_time_eq(b"abc", b"abd"));
    }
}
