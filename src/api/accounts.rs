//! Accounts, roles and tokens: log in for a token, see yourself, manage accounts (admin).

use super::auth::Auth;
use super::json::ApiJson;
use super::views::{AccountView, NewTokenView, TokenView};
use crate::auth::{self, ClientIp, LoginRefused};
use crate::db::models::account::{Account, ApiToken};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use diesel_async::AsyncConnection;
use serde::Deserialize;

#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Login {
    username: String,
    password: String,
    /// A name for the token, e.g. the device it is for.
    #[serde(default = "default_token_name")]
    name: String,
}

fn default_token_name() -> String {
    "api".into()
}

/// Exchanges a username and password for a new API token, under the same failure limit as
/// the login form (`auth::log_in`): past it, a 429 with `Retry-After`, before the password
/// is looked at.
#[utoipa::path(
    post,
    path = "/api/v1/auth/token",
    tag = "accounts",
    request_body = Login,
    responses((status = 201, description = "A new token, shown this once", body = NewTokenView), (status = 401, description = "Wrong username or password", body = crate::error::ErrorEnvelope), (status = 429, description = "Too many failed logins (see Retry-After)", body = crate::error::ErrorEnvelope))
)]
pub async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<Login>,
) -> AppResult<Response> {
    let mut conn = state.conn().await?;
    let account = match auth::log_in(&mut conn, body.username.trim(), &body.password, &ip).await? {
        Ok(account) => account,
        Err(LoginRefused::Wrong) => {
            return Err(AppError::unauthorized("wrong username or password"));
        }
        Err(LoginRefused::Locked { minutes }) => {
            let mut resp = AppError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                format!("too many failed logins; try again in {minutes} minutes"),
            )
            .into_response();
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(minutes * 60));
            return Ok(resp);
        }
    };
    let (row, token) = auth::issue_token(&mut conn, &account, &body.name).await?;
    Ok((
        StatusCode::CREATED,
        Json(NewTokenView {
            id: row.id,
            name: row.name,
            token,
        }),
    )
        .into_response())
}

#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "accounts",
    responses((status = 200, description = "The calling account and its roles", body = AccountView)),
    security(("bearer" = []))
)]
pub async fn me(State(state): State<AppState>, auth: Auth) -> AppResult<Json<AccountView>> {
    let mut conn = state.conn().await?;
    let handles = Account::edited_handles(&mut conn, auth.account.id).await?;
    Ok(Json(AccountView::new(&auth.account, handles)))
}

#[utoipa::path(
    get,
    path = "/api/v1/me/tokens",
    tag = "accounts",
    responses((status = 200, description = "Your API tokens, without their secrets", body = Vec<TokenView>)),
    security(("bearer" = []))
)]
pub async fn my_tokens(
    State(state): State<AppState>,
    auth: Auth,
) -> AppResult<Json<Vec<TokenView>>> {
    let mut conn = state.conn().await?;
    let tokens = ApiToken::list_for(&mut conn, auth.account.id).await?;
    Ok(Json(tokens.iter().map(TokenView::from).collect()))
}

#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[schema(as = TokenName)]
pub struct NewToken {
    name: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/me/tokens",
    tag = "accounts",
    request_body = NewToken,
    responses((status = 201, description = "Another token for yourself, shown this once", body = NewTokenView)),
    security(("bearer" = []))
)]
pub async fn new_token(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(body): ApiJson<NewToken>,
) -> AppResult<(StatusCode, Json<NewTokenView>)> {
    let mut conn = state.conn().await?;
    let (row, token) = auth::issue_token(&mut conn, &auth.account, &body.name).await?;
    Ok((
        StatusCode::CREATED,
        Json(NewTokenView {
            id: row.id,
            name: row.name,
            token,
        }),
    ))
}

/// Revokes one of your tokens (admins: anyone's).
#[utoipa::path(
    delete,
    path = "/api/v1/tokens/{id}",
    tag = "accounts",
    params(("id" = i64, Path, description = "The token's id")),
    responses((status = 204, description = "Revoked")),
    security(("bearer" = []))
)]
pub async fn revoke_token(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    let mut conn = state.conn().await?;
    let token = ApiToken::by_id(&mut conn, id)
        .await?
        .filter(|t| t.account_id == auth.account.id || auth.account.is_admin)
        .ok_or_else(|| AppError::not_found(format!("no token {id}")))?;
    ApiToken::revoke(&mut conn, token.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[schema(as = NewAccount)]
pub struct NewAccountBody {
    username: String,
    password: String,
    #[serde(default)]
    admin: bool,
    #[serde(default)]
    moderator: bool,
    /// Organisations (handles) the account edits for.
    #[serde(default)]
    editor_of: Vec<String>,
}

#[utoipa::path(
    post,
    path = "/api/v1/accounts",
    tag = "accounts",
    request_body = NewAccountBody,
    responses((status = 201, description = "The account created", body = AccountView)),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(body): ApiJson<NewAccountBody>,
) -> AppResult<(StatusCode, Json<AccountView>)> {
    auth.require_admin()?;
    let mut conn = state.conn().await?;
    // Account and roles in one transaction: an unknown organisation leaves no account behind.
    let (account, handles) = conn
        .transaction::<_, AppError, _>(async |conn| {
            let account = auth::create_account(
                conn,
                &body.username,
                &body.password,
                body.admin,
                body.moderator,
            )
            .await?;
            for (i, h) in body.editor_of.iter().enumerate() {
                auth::set_role(
                    conn,
                    &account,
                    &auth::parse_role(&format!("editor:{h}"))?,
                    true,
                )
                .await
                .map_err(|e| {
                    if e.status == StatusCode::NOT_FOUND {
                        AppError::invalid(format!("editor_of[{i}]"), e.message)
                    } else {
                        e
                    }
                })?;
            }
            let handles = Account::edited_handles(conn, account.id).await?;
            Ok((account, handles))
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(AccountView::new(&account, handles)),
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/accounts",
    tag = "accounts",
    responses((status = 200, description = "Every account (admins only)", body = Vec<AccountView>)),
    security(("bearer" = []))
)]
pub async fn list(State(state): State<AppState>, auth: Auth) -> AppResult<Json<Vec<AccountView>>> {
    auth.require_admin()?;
    let mut conn = state.conn().await?;
    let mut out = Vec::new();
    for a in Account::list(&mut conn).await? {
        let handles = Account::edited_handles(&mut conn, a.id).await?;
        out.push(AccountView::new(&a, handles));
    }
    Ok(Json(out))
}

#[derive(utoipa::ToSchema, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[schema(as = Role)]
pub struct RoleBody {
    /// `admin`, `moderator` or `editor:<handle>`.
    role: String,
}

async fn change_role(
    state: AppState,
    auth: Auth,
    username: String,
    role: String,
    grant: bool,
) -> AppResult<Json<AccountView>> {
    auth.require_admin()?;
    let role = auth::parse_role(&role)?;
    let mut conn = state.conn().await?;
    let account = Account::by_username(&mut conn, &username)
        .await?
        .ok_or_else(|| AppError::not_found(format!("no account `{username}`")))?;
    auth::set_role(&mut conn, &account, &role, grant).await?;
    let account = Account::by_username(&mut conn, &username)
        .await?
        .ok_or_else(|| AppError::not_found("account vanished"))?;
    let handles = Account::edited_handles(&mut conn, account.id).await?;
    Ok(Json(AccountView::new(&account, handles)))
}

#[utoipa::path(
    post,
    path = "/api/v1/accounts/{username}/roles",
    tag = "accounts",
    params(("username" = String, Path)),
    request_body = RoleBody,
    responses((status = 200, description = "The account with its roles", body = AccountView)),
    security(("bearer" = []))
)]
pub async fn grant(
    State(state): State<AppState>,
    auth: Auth,
    Path(username): Path<String>,
    ApiJson(body): ApiJson<RoleBody>,
) -> AppResult<Json<AccountView>> {
    change_role(state, auth, username, body.role, true).await
}

#[utoipa::path(
    delete,
    path = "/api/v1/accounts/{username}/roles/{role}",
    tag = "accounts",
    params(("username" = String, Path), ("role" = String, Path, description = "`admin`, `moderator` or `editor:<handle>`")),
    responses((status = 200, description = "The account with its roles", body = AccountView)),
    security(("bearer" = []))
)]
pub async fn revoke(
    State(state): State<AppState>,
    auth: Auth,
    Path((username, role)): Path<(String, String)>,
) -> AppResult<Json<AccountView>> {
    change_role(state, auth, username, role, false).await
}
