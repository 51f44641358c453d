//! Passwords (argon2) and API tokens (random, shown once, stored as SHA-256).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const MIN_PASSWORD_LEN: usize = 10;

pub async fn hash_password(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing password: {e}"))
    })
    .await?
}

pub async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .unwrap_or(false)
}

/// A new token and the hash to store. The token starts with `pst_` so it is recognisable
/// in logs and secret scanners.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = format!(
        "pst_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    );
    let hash = hash_token(&token);
    (token, hash)
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A username: 3–64 letters, digits, `.`, `_` or `-`.
pub fn valid_username(name: &str) -> bool {
    (3..=64).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

use crate::db::models::account::{Account, ApiToken, NewAccount, Role};
use crate::db::models::actor::DbActor;
use crate::error::AppError;
use diesel_async::AsyncPgConnection;

/// Creates an account after checking its name and password.
pub async fn create_account(
    conn: &mut AsyncPgConnection,
    username: &str,
    password: &str,
    admin: bool,
    moderator: bool,
) -> Result<Account, AppError> {
    if !valid_username(username) {
        return Err(AppError::invalid(
            "username",
            "3–64 letters, digits, `.`, `_` or `-`",
        ));
    }
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(AppError::invalid(
            "password",
            format!("at least {MIN_PASSWORD_LEN} characters"),
        ));
    }
    if Account::by_username(conn, username).await?.is_some() {
        return Err(AppError::conflict(format!(
            "the username `{username}` is taken"
        )));
    }
    let hash = hash_password(password.to_string()).await?;
    Ok(Account::insert(
        conn,
        &NewAccount {
            username,
            password_hash: &hash,
            is_admin: admin,
            is_moderator: moderator,
        },
    )
    .await?)
}

/// Parses `admin`, `moderator` or `editor:<handle>`.
pub fn parse_role(s: &str) -> Result<Role, AppError> {
    match s {
        "admin" => Ok(Role::Admin),
        "moderator" => Ok(Role::Moderator),
        other => other
            .strip_prefix("editor:")
            .filter(|h| !h.is_empty())
            .map(|h| Role::Editor(h.trim_start_matches('@').to_string()))
            .ok_or_else(|| {
                AppError::invalid(
                    "role",
                    "`admin`, `moderator` or `editor:<organisation handle>`",
                )
            }),
    }
}

/// Grants (or with `grant = false`, revokes) a role.
pub async fn set_role(
    conn: &mut AsyncPgConnection,
    account: &Account,
    role: &Role,
    grant: bool,
) -> Result<(), AppError> {
    match role {
        Role::Admin => {
            Account::set_admin(conn, account.id, grant).await?;
        }
        Role::Moderator => {
            Account::set_moderator(conn, account.id, grant).await?;
        }
        Role::Editor(handle) => {
            let actor = DbActor::local_by_handle(conn, handle)
                .await?
                .filter(DbActor::is_organisation)
                .ok_or_else(|| {
                    AppError::not_found(format!("no organisation `{handle}` on this instance"))
                })?;
            if grant {
                Account::grant_editor(conn, account.id, actor.id).await?;
            } else {
                Account::revoke_editor(conn, account.id, actor.id).await?;
            }
        }
    }
    Ok(())
}

/// Issues a token for an account: returns the stored row and the secret, shown once.
pub async fn issue_token(
    conn: &mut AsyncPgConnection,
    account: &Account,
    name: &str,
) -> Result<(ApiToken, String), AppError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::invalid(
            "name",
            "required, at most 100 characters",
        ));
    }
    let (token, hash) = new_token();
    let row = ApiToken::insert(conn, account.id, name, &hash).await?;
    Ok((row, token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn password_round_trip() {
        let h = hash_password("correct horse battery".into()).await.unwrap();
        assert!(verify_password("correct horse battery".into(), h.clone()).await);
        assert!(!verify_password("wrong horse battery".into(), h).await);
    }

    #[test]
    fn tokens_are_unique_and_hashed() {
        let (a, ha) = new_token();
        let (b, _) = new_token();
        assert_ne!(a, b);
        assert_eq!(hash_token(&a), ha);
        assert!(a.starts_with("pst_") && a.len() > 40);
    }
}
