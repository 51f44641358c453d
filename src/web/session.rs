//! Logging in to the web interface: a server-side session (a random token in an HttpOnly,
//! SameSite=Lax cookie, Secure on https instances, stored as SHA-256), logout, a CSRF token
//! per session that every state-changing form carries, and a login rate limit per username
//! and client address.

use super::backoffice::{Ctx, EditorLayout, WebError, render};
use super::form::FormState;
use super::i18n::strings;
use super::{LangQuery, negotiate_lang};
use crate::auth::{hash_token, verify_password};
use crate::db::models::account::Account;
use crate::db::models::web_session::{self as model, WebSession};
use crate::error::AppError;
use crate::state::AppState;
use crate::vocab::Lang;
use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use rand::RngCore;
use std::net::{IpAddr, SocketAddr};

pub const SESSION_COOKIE: &str = "passerelle_session";
/// Before login there is no session: the login form's CSRF token is a cookie of its own that
/// the form must repeat (double submit).
pub const LOGIN_CSRF_COOKIE: &str = "passerelle_login_csrf";
pub const SESSION_DAYS: i64 = 14;
/// Failed logins allowed per username and address within [`FAILURE_WINDOW_MINUTES`].
pub const MAX_FAILURES: i64 = 5;
pub const FAILURE_WINDOW_MINUTES: i64 = 15;

fn random_token(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!(
        "{prefix}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// A cookie's value from the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

fn set_cookie(state: &AppState, name: &str, value: &str, max_age: i64) -> HeaderValue {
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
        Ok(WebSession::authenticate(&mut conn, &hash_token(&token))
            .await?
            .map(|(s, account)| Session {
                id: s.id,
                account,
                csrf: s.csrf_token,
            }))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Pages behind login send a visitor without a session to the login page, and back after.
impl FromRequestParts<AppState> for Session {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        match Session::from_headers(state, &parts.headers).await {
            Ok(Some(s)) => Ok(s),
            Ok(None) => {
                let next = parts.uri.path_and_query().map_or("/editor", |p| p.as_str());
                let next = if parts.method == axum::http::Method::GET {
                    next
                } else {
                    parts.uri.path()
                };
                let lang = parts
                    .uri
                    .query()
                    .and_then(|q| {
                        url::form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "lang")
                    })
                    .map(|(_, l)| format!("&lang={}", urlencode(&l)))
                    .unwrap_or_default();
                Err(Redirect::to(&format!("/login?next={}{lang}", urlencode(next))).into_response())
            }
            Err(e) => Err(WebError::from(e).into_response()),
        }
    }
}

pub fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The client's address: the peer, or the last `X-Forwarded-For` hop when the peer is a
/// reverse proxy on this machine.
pub struct ClientIp(pub String);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        let forwarded = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse::<IpAddr>().ok());
        let ip = match (peer, forwarded) {
            (Some(p), Some(f)) if p.is_loopback() => f.to_string(),
            (Some(p), _) => p.to_string(),
            (None, _) => "unknown".to_string(),
        };
        Ok(ClientIp(ip))
    }
}

#[derive(Template)]
#[template(path = "editor/login.html")]
struct LoginPage {
    layout: EditorLayout,
    form: FormState,
    next: String,
}

#[derive(serde::Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
    lang: Option<String>,
}

/// Only a path on this site, so the login page cannot send people elsewhere.
fn safe_next(next: &str) -> String {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next.to_string()
    } else {
        "/editor".to_string()
    }
}

fn login_page(
    state: &AppState,
    lang: Lang,
    form: FormState,
    next: &str,
    csrf: &str,
) -> Result<Response, WebError> {
    let t = strings(lang);
    let mut form = form;
    form.set("csrf", csrf);
    let layout = EditorLayout::anonymous(state, lang, t.log_in, "/login");
    let status = if form.ok() {
        StatusCode::OK
    } else if form
        .err("form")
        .is_some_and(|e| e.starts_with(t.too_many_logins_prefix))
    {
        StatusCode::TOO_MANY_REQUESTS
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut resp = render(LoginPage {
        layout,
        form,
        next: safe_next(next),
    })?;
    *resp.status_mut() = status;
    resp.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(state, LOGIN_CSRF_COOKIE, csrf, 3600),
    );
    Ok(resp)
}

pub async fn login_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Result<Response, WebError> {
    let lang = negotiate_lang(
        &state,
        &headers,
        &LangQuery {
            lang: q.lang.clone(),
        },
    );
    if Session::from_headers(&state, &headers).await?.is_some() {
        return Ok(
            Redirect::to(&safe_next(q.next.as_deref().unwrap_or("/editor"))).into_response(),
        );
    }
    let csrf = cookie(&headers, LOGIN_CSRF_COOKIE)
        .filter(|c| c.len() > 20)
        .unwrap_or_else(|| random_token(""));
    login_page(
        &state,
        lang,
        FormState::default(),
        q.next.as_deref().unwrap_or("/editor"),
        &csrf,
    )
}

pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = FormState::new(pairs);
    let lang = negotiate_lang(
        &state,
        &headers,
        &LangQuery {
            lang: form.opt("lang"),
        },
    );
    let t = strings(lang);
    let next = form.val("next").to_string();
    let expected = cookie(&headers, LOGIN_CSRF_COOKIE).unwrap_or_default();
    if expected.is_empty() || !constant_time_eq(form.val("csrf").as_bytes(), expected.as_bytes()) {
        return Err(WebError::new(StatusCode::FORBIDDEN, t.csrf_failed).lang(lang));
    }
    let username = form.val("username").trim().to_string();
    let password = form.val("password").to_string();
    form.set("password", "");
    if username.is_empty() {
        form.fail("username", t.required);
    }
    if password.is_empty() {
        form.fail("password", t.required);
    }
    if !form.ok() {
        return login_page(&state, lang, form, &next, &expected);
    }
    let mut conn = state.conn().await?;
    let (failures, oldest) =
        model::recent_failures(&mut conn, &username, &ip, FAILURE_WINDOW_MINUTES).await?;
    if failures >= MAX_FAILURES {
        let until = oldest.unwrap_or_else(chrono::Utc::now)
            + chrono::Duration::minutes(FAILURE_WINDOW_MINUTES);
        let minutes = ((until - chrono::Utc::now()).num_seconds() + 59)
            .div_euclid(60)
            .max(1);
        form.fail(
            "form",
            format!("{} {minutes} {}", t.too_many_logins_prefix, t.minutes),
        );
        tracing::warn!(username, ip, "login refused: too many failures");
        return login_page(&state, lang, form, &next, &expected);
    }
    let account = Account::by_username(&mut conn, &username).await?;
    let ok = match &account {
        Some(a) => verify_password(password, a.password_hash.clone()).await,
        None => false,
    };
    let Some(account) = account.filter(|_| ok) else {
        model::record_failure(&mut conn, &username, &ip).await?;
        form.fail("password", t.login_failed);
        return login_page(&state, lang, form, &next, &expected);
    };
    model::clear_failures(&mut conn, &username, &ip).await?;
    let token = random_token("pss_");
    let expires = chrono::Utc::now() + chrono::Duration::days(SESSION_DAYS);
    WebSession::insert(
        &mut conn,
        account.id,
        &hash_token(&token),
        &random_token(""),
        expires,
    )
    .await?;
    let _ = WebSession::delete_expired(&mut conn).await;
    tracing::info!(username = account.username, "logged in");
    let mut target = safe_next(&next);
    if !target.contains("lang=") {
        // Stay in the language the login page was shown in.
        let sep = if target.contains('?') { '&' } else { '?' };
        target = format!("{target}{sep}lang={}", lang.code());
    }
    let mut resp = Redirect::to(&target).into_response();
    let h = resp.headers_mut();
    h.append(
        header::SET_COOKIE,
        set_cookie(&state, SESSION_COOKIE, &token, SESSION_DAYS * 86_400),
    );
    h.append(
        header::SET_COOKIE,
        set_cookie(&state, LOGIN_CSRF_COOKIE, "", 0),
    );
    Ok(resp)
}

pub async fn logout(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    ctx.session.check_csrf(&FormState::new(pairs), ctx.lang)?;
    let mut conn = ctx.state.conn().await?;
    WebSession::delete(&mut conn, ctx.session.id).await?;
    let mut resp = Redirect::to(&format!("/?lang={}", ctx.lang.code())).into_response();
    resp.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(&ctx.state, SESSION_COOKIE, "", 0),
    );
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cookies_and_refuses_foreign_redirects() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; passerelle_session=pss_x; b=2"),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE).as_deref(), Some("pss_x"));
        assert_eq!(cookie(&h, "c"), None);
        assert_eq!(safe_next("/editor/x?y=1"), "/editor/x?y=1");
        assert_eq!(safe_next("//evil.example/"), "/editor");
        assert_eq!(safe_next("https://evil.example/"), "/editor");
        assert!(constant_time_eq(b"abc", b"abc") && !constant_time_eq(b"abc", b"abd"));
    }
}
