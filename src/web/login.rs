//! Logging in and out of the back office: the login form (with its own CSRF cookie), the
//! failure limit (`auth::log_in`, shared with the API's token endpoint), and the session
//! cookie.

use super::backoffice::{Ctx, EditorLayout, WebError, render};
use super::form::FormState;
use super::i18n::strings;
use super::session::{
    ClientIp, LOGIN_CSRF_COOKIE, SESSION_COOKIE, SESSION_DAYS, SESSION_MAX_DAYS, Session,
    constant_time_eq, cookie, random_token, set_cookie,
};
use super::{LangQuery, negotiate_lang};
use crate::auth::{LoginRefused, hash_token, log_in};
use crate::db::models::web_session::WebSession;
use crate::state::AppState;
use crate::vocab::Lang;
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

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
    /// A form kept when it was sent after its session ended (`web::kept`).
    kept: Option<String>,
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
        .is_some_and(|e| e.starts_with(t.too_many_logins))
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
    let mut form = FormState::default();
    if let Some(kept) = q.kept.as_deref().filter(|k| !k.is_empty()) {
        form.set(super::kept::FIELD, kept);
    }
    login_page(
        &state,
        lang,
        form,
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
        // The login page was open longer than its token lives (an hour), or its cookie is
        // gone: the form comes back with a fresh token and the name kept, not an error page.
        form.set("password", "");
        form.fail("form", t.login_form_expired);
        let fresh = random_token("");
        return login_page(&state, lang, form, &next, &fresh);
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
    let account = match log_in(&mut conn, &username, &password, &ip).await? {
        Ok(account) => account,
        Err(LoginRefused::Locked { minutes }) => {
            form.fail(
                "form",
                format!("{} {}", t.too_many_logins, t.try_again_in_minutes(minutes)),
            );
            return login_page(&state, lang, form, &next, &expected);
        }
        Err(LoginRefused::Wrong) => {
            form.fail("password", t.login_failed);
            return login_page(&state, lang, form, &next, &expected);
        }
    };
    let token = random_token("pss_");
    let expires = chrono::Utc::now() + chrono::Duration::days(SESSION_DAYS);
    let csrf = match WebSession::live_csrf_of(&mut conn, account.id).await? {
        Some(shared) => shared,
        None => random_token(""),
    };
    WebSession::insert(&mut conn, account.id, &hash_token(&token), &csrf, expires).await?;
    let _ = WebSession::delete_expired(&mut conn).await;
    tracing::info!(username = account.username, "logged in");
    let kept = form.val(super::kept::FIELD).trim().to_string();
    let mut target = if !kept.is_empty()
        && super::kept::find(&mut conn, &kept, account.id)
            .await?
            .is_some()
    {
        // The form sent after the session ended, ready to be sent again.
        format!("/editor/_kept/{}", super::session::urlencode(&kept))
    } else {
        safe_next(&next)
    };
    if !target.contains("lang=") {
        // Stay in the language the login page was shown in.
        let sep = if target.contains('?') { '&' } else { '?' };
        target = format!("{target}{sep}lang={}", lang.code());
    }
    let mut resp = Redirect::to(&target).into_response();
    let h = resp.headers_mut();
    h.append(
        header::SET_COOKIE,
        set_cookie(&state, SESSION_COOKIE, &token, SESSION_MAX_DAYS * 86_400),
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
    fn refuses_foreign_redirects() {
        assert_eq!(safe_next("/editor/x?y=1"), "/editor/x?y=1");
        assert_eq!(safe_next("//evil.example/"), "/editor");
        assert_eq!(safe_next("https://evil.example/"), "/editor");
    }
}
