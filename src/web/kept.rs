//! A form sent after its session ended is kept, not lost: a text written for half an hour in
//! a tab left open past the session's end (or whose session ended in another tab) is sent
//! again after the login, by the same account, with one click.
//!
//! [`keep`] looks at every `POST` to the pages behind login. When it carries no live
//! session, but the cookie of an ended one and that session's CSRF token in its `csrf`
//! field, its text fields are stored in `kept_forms` (migration 000250) under a random token
//! and the request goes on to be refused as before: the visitor is sent to the login page,
//! which now carries the token (`kept`). Whoever logs in as the session's account is then
//! led to [`page`], a form holding the same fields (with the new session's CSRF token) and
//! one button to send it where it was going. Files chosen in the form (images) cannot be
//! kept: the page says how many must be chosen again.
//!
//! Only the account whose session sent the form gets it back; a form without the ended
//! session's token (sent from another site) is not kept. Kept a day.

use crate::auth::hash_token;
use crate::db::models::web_session::WebSession;
use crate::state::AppState;
use crate::web::backoffice::{Ctx, EditorLayout, WebError, render};
use crate::web::session::{
    SESSION_COOKIE, Session, constant_time_eq, cookie, form_page, random_token,
};
use askama::Template;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use diesel::sql_types::{BigInt, Bool, Integer, Jsonb, Text};
use diesel::{OptionalExtension, QueryableByName};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// The login page's and the login form's field (and query parameter) with the token.
pub const FIELD: &str = "kept";

/// A form kept for the request that carried it, for the login page's address.
#[derive(Clone, Debug)]
pub struct KeptToken(pub String);

/// A kept form as stored.
#[derive(QueryableByName, Debug)]
pub struct KeptForm {
    #[diesel(sql_type = BigInt)]
    pub account_id: i64,
    /// Where the form was sent: a path on this site, with its query.
    #[diesel(sql_type = Text)]
    pub action: String,
    /// The page the form was on (`/editor` when the browser did not say).
    #[diesel(sql_type = Text)]
    pub page: String,
    #[diesel(sql_type = Bool)]
    pub multipart: bool,
    #[diesel(sql_type = Jsonb)]
    pub fields: serde_json::Value,
    #[diesel(sql_type = Integer)]
    pub files_left_out: i32,
}

impl KeptForm {
    /// The text fields as sent, in their order.
    pub fn pairs(&self) -> Vec<(String, String)> {
        serde_json::from_value(self.fields.clone()).unwrap_or_default()
    }
}

/// The kept form under `token`, if it belongs to `account_id` and is less than a day old.
pub async fn find(
    conn: &mut AsyncPgConnection,
    token: &str,
    account_id: i64,
) -> diesel::QueryResult<Option<KeptForm>> {
    diesel::sql_query(
        "SELECT account_id, action, page, multipart, fields, files_left_out FROM kept_forms
         WHERE token_hash = $1 AND account_id = $2 AND created_at > now() - interval '1 day'",
    )
    .bind::<Text, _>(hash_token(token))
    .bind::<BigInt, _>(account_id)
    .get_result(conn)
    .await
    .optional()
}

/// Text fields and how many files were chosen, from a form body.
async fn fields_of(
    state: &AppState,
    parts: &axum::http::request::Parts,
    body: &Bytes,
) -> Option<(bool, Vec<(String, String)>, i32)> {
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let pairs = url::form_urlencoded::parse(body).into_owned().collect();
        return Some((false, pairs, 0));
    }
    if !content_type.starts_with("multipart/form-data") {
        return None;
    }
    let mut req = Request::new(Body::from(body.clone()));
    *req.headers_mut() = parts.headers.clone();
    let mut multipart = axum::extract::Multipart::from_request(req, state)
        .await
        .ok()?;
    let (mut pairs, mut files) = (Vec::new(), 0);
    while let Ok(Some(field)) = multipart.next_field().await {
        let name = field.name().unwrap_or_default().to_string();
        if let Some(file) = field.file_name().map(str::to_string) {
            // An empty file input is sent with an empty name and no bytes: nothing chosen.
            if !file.is_empty() && field.bytes().await.is_ok_and(|b| !b.is_empty()) {
                files += 1;
            }
            continue;
        }
        pairs.push((name, field.text().await.ok()?));
    }
    Some((true, pairs, files))
}

/// Keeps a form sent to a page behind login after its session ended (see the module).
pub async fn keep(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST || req.uri().path() == "/login" {
        return next.run(req).await;
    }
    let Some(token) = cookie(req.headers(), SESSION_COOKIE) else {
        return next.run(req).await;
    };
    // The session is read here once: a live one is handed on to the handler's extractor
    // (`Session` reads it from the request), so that a form sent in a live session costs no
    // query more than before; only without one is an ended session looked for.
    let mut req = req;
    match Session::from_headers(&state, req.headers()).await {
        Ok(Some(live)) => {
            req.extensions_mut().insert(live);
            return next.run(req).await;
        }
        Ok(None) => {}
        Err(_) => return next.run(req).await,
    }
    let ended = match state.conn().await {
        Ok(mut conn) => WebSession::ended(&mut conn, &hash_token(&token))
            .await
            .ok()
            .flatten(),
        Err(_) => None,
    };
    let Some(ended) = ended else {
        return next.run(req).await;
    };
    let (mut parts, body) = req.into_parts();
    let limit = state.config.media.max_bytes.saturating_mul(4) + 512 * 1024;
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        // Too large to keep (or cut off): refused as before, with nothing kept.
        return next.run(Request::from_parts(parts, Body::empty())).await;
    };
    match keep_fields(&state, &parts, &bytes, &ended).await {
        Ok(Some(kept)) => {
            parts.extensions.insert(KeptToken(kept));
        }
        Ok(None) => {}
        Err(e) => tracing::warn!(error = %e, "a form sent after its session ended was not kept"),
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// Stores the form's fields when it carries the ended session's CSRF token; the new token
/// to find them by.
async fn keep_fields(
    state: &AppState,
    parts: &axum::http::request::Parts,
    body: &Bytes,
    ended: &WebSession,
) -> anyhow::Result<Option<String>> {
    let Some((multipart, pairs, files)) = fields_of(state, parts, body).await else {
        return Ok(None);
    };
    let csrf = pairs
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    if csrf.is_empty() || !constant_time_eq(csrf.as_bytes(), ended.csrf_token.as_bytes()) {
        return Ok(None);
    }
    let action = parts
        .uri
        .path_and_query()
        .map_or("/editor", |p| p.as_str())
        .to_string();
    let page = form_page(state, &parts.headers);
    let token = random_token("");
    let mut conn = state.pool.get().await?;
    diesel::sql_query(
        "INSERT INTO kept_forms
             (token_hash, account_id, action, page, multipart, fields, files_left_out)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind::<Text, _>(hash_token(&token))
    .bind::<BigInt, _>(ended.account_id)
    .bind::<Text, _>(&action)
    .bind::<Text, _>(&page)
    .bind::<Bool, _>(multipart)
    .bind::<Jsonb, _>(serde_json::to_value(&pairs)?)
    .bind::<Integer, _>(files)
    .execute(&mut conn)
    .await?;
    tracing::info!(
        account = ended.account_id,
        action,
        "a form sent after its session ended was kept"
    );
    Ok(Some(token))
}

#[derive(Template)]
#[template(path = "editor/kept.html")]
struct KeptPage {
    layout: EditorLayout,
    action: String,
    multipart: bool,
    /// The fields to send again, the CSRF token replaced by the new session's.
    fields: Vec<(String, String)>,
    files_left_out: String,
    /// The page the form was on, to start again from.
    back: String,
}

/// GET /editor/_kept/{token}: the kept form, ready to be sent.
pub async fn page(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    let mut conn = ctx.state.conn().await?;
    let Some(kept) = find(&mut conn, &token, ctx.session.account.id).await? else {
        return Err(WebError::new(StatusCode::NOT_FOUND, ctx.t.kept_gone).lang(ctx.lang));
    };
    let fields = kept
        .pairs()
        .into_iter()
        .filter(|(k, _)| k != "csrf")
        .chain([("csrf".to_string(), ctx.session.csrf.clone())])
        .collect();
    let back = kept.page.clone();
    render(KeptPage {
        layout: ctx.layout(ctx.t.kept_title, "/editor"),
        action: kept.action,
        multipart: kept.multipart,
        fields,
        files_left_out: if kept.files_left_out > 0 {
            ctx.t.kept_files_left_out(i64::from(kept.files_left_out))
        } else {
            String::new()
        },
        back,
    })
}
