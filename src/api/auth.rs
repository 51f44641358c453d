//! Who is calling: `Authorization: Bearer <token>` resolved to an account, and the checks
//! of what that account may do.

use crate::auth::hash_token;
use crate::db::models::account::{Account, ApiToken};
use crate::db::models::actor::DbActor;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use diesel_async::AsyncPgConnection;

/// An authenticated caller.
pub struct Auth {
    pub account: Account,
    pub token_id: i64,
}

impl FromRequestParts<AppState> for Auth {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let header = parts.headers.get(header::AUTHORIZATION).ok_or_else(|| {
            AppError::unauthorized("send an API token as `Authorization: Bearer <token>`")
        })?;
        let token = header
            .to_str()
            .ok()
            .and_then(|h| {
                h.strip_prefix("Bearer ")
                    .or_else(|| h.strip_prefix("bearer "))
            })
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                AppError::unauthorized("the Authorization header must be `Bearer <token>`")
            })?;
        let mut conn = state.conn().await?;
        let (token, account) = ApiToken::authenticate(&mut conn, &hash_token(token))
            .await?
            .ok_or_else(|| AppError::unauthorized("unknown or revoked token"))?;
        crate::cache::AuthenticatedWrite::mark(&parts.extensions);
        Ok(Auth {
            account,
            token_id: token.id,
        })
    }
}

impl Auth {
    pub fn require_admin(&self) -> Result<(), AppError> {
        if self.account.is_admin {
            Ok(())
        } else {
            Err(AppError::forbidden("only an instance admin may do this"))
        }
    }

    /// Editors act only for their own organisations; admins for all.
    pub async fn require_editor(
        &self,
        conn: &mut AsyncPgConnection,
        actor: &DbActor,
    ) -> Result<(), AppError> {
        if self.account.is_admin || Account::is_editor_of(conn, self.account.id, actor.id).await? {
            Ok(())
        } else {
            Err(AppError::forbidden(format!(
                "you are not an editor of `{}`",
                actor.handle
            )))
        }
    }
}

/// An optional caller: no Authorization header is `None`; a bad one is still refused.
impl axum::extract::OptionalFromRequestParts<AppState> for Auth {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        if parts.headers.get(header::AUTHORIZATION).is_none() {
            return Ok(None);
        }
        <Auth as FromRequestParts<AppState>>::from_request_parts(parts, state)
            .await
            .map(Some)
    }
}
