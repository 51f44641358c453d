//! Passwords (argon2) and API tokens (random, shown once, stored as SHA-256).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

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

/// A hash of a password nobody has, made with the same parameters as every new hash: a login
/// for an unknown username is checked against it, so that it costs what a known one costs
/// and its timing does not tell whether the username exists.
fn dummy_hash() -> &'static str {
    static DUMMY: LazyLock<String> = LazyLock::new(|| {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        Argon2::default()
            .hash_password(b"no account has this password", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    });
    &DUMMY
}

/// Makes the dummy hash now (on a blocking thread), so that the first login for an unknown
/// username does not take longer than later ones.
pub async fn prepare_dummy_hash() {
    let _ = tokio::task::spawn_blocking(dummy_hash).await;
}

/// Checks a password against an account's hash, or, without an account, against a dummy
/// hash (and fails): the same work either way.
pub async fn verify_password_or_dummy(password: String, hash: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| dummy_hash().to_string());
        let ok = PasswordHash::new(&hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        });
        known && ok
    })
    .await
    .unwrap_or(false)
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
        return Err(
            AppError::invalid("username", "3–64 letters, digits, `.`, `_` or `-`")
                .localized("account-check-username", &[]),
        );
    }
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(AppError::invalid(
            "password",
            format!("at least {MIN_PASSWORD_LEN} characters"),
        )
        .localized(
            "account-check-password",
            &[("min", MIN_PASSWORD_LEN.to_string())],
        ));
    }
    if Account::by_username(conn, username).await?.is_some() {
        return Err(
            AppError::conflict(format!("the username `{username}` is taken"))
                .localized("account-check-taken", &[("name", username.to_string())]),
        );
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

/// Failed logins allowed per username and client address within [`FAILURE_WINDOW_MINUTES`].
pub const MAX_FAILURES: i64 = 5;
/// Failed logins allowed per client address, whatever the usernames, within the window: a
/// ceiling on trying one password against many accounts.
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;
pub const FAILURE_WINDOW_MINUTES: i64 = 15;

/// Why a login was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginRefused {
    /// Too many failures from this address (for this username, or at all); try again in
    /// this many minutes. The password was not looked at.
    Locked { minutes: i64 },
    /// No such username, or the wrong password (which of the two is not said).
    Wrong,
}

/// Checks a username and password under the failure limit the login form and the API's
/// token endpoint share: at most [`MAX_FAILURES`] failures per username and address and
/// [`MAX_FAILURES_PER_ADDRESS`] per address within [`FAILURE_WINDOW_MINUTES`]; past either,
/// the login is refused before the password is looked at. An unknown username costs the
/// same password check as a known one. A success forgets that username's failures from
/// the address.
pub async fn log_in(
    conn: &mut AsyncPgConnection,
    username: &str,
    password: &str,
    ip: &str,
) -> Result<Result<Account, LoginRefused>, AppError> {
    use crate::db::models::web_session as failures;
    let window = FAILURE_WINDOW_MINUTES;
    let (for_name, oldest_for_name) = failures::recent_failures(conn, username, ip, window).await?;
    let (from_ip, oldest_from_ip) = failures::recent_failures_from(conn, ip, window).await?;
    let oldest = match (
        for_name >= MAX_FAILURES,
        from_ip >= MAX_FAILURES_PER_ADDRESS,
    ) {
        (true, _) => Some(oldest_for_name),
        (false, true) => Some(oldest_from_ip),
        (false, false) => None,
    };
    if let Some(oldest) = oldest {
        let now = chrono::Utc::now();
        let until = oldest.unwrap_or(now) + chrono::Duration::minutes(window);
        let minutes = ((until - now).num_seconds() + 59).div_euclid(60).max(1);
        tracing::warn!(username, ip, "login refused: too many failures");
        return Ok(Err(LoginRefused::Locked { minutes }));
    }
    let account = Account::by_username(conn, username).await?;
    let hash = account.as_ref().map(|a| a.password_hash.clone());
    let ok = verify_password_or_dummy(password.to_string(), hash).await;
    match account.filter(|_| ok) {
        Some(account) => {
            failures::clear_failures(conn, username, ip).await?;
            Ok(Ok(account))
        }
        None => {
            failures::record_failure(conn, username, ip).await?;
            Ok(Err(LoginRefused::Wrong))
        }
    }
}

/// The client's address: the peer, or the last `X-Forwarded-For` hop when the peer is a
/// reverse proxy on this machine.
pub struct ClientIp(pub String);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        use std::net::{IpAddr, SocketAddr};
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<SocketAddr>>()
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

/// Parses `admin`, `moderator`, `reviewer` or `editor:<handle>`.
pub fn parse_role(s: &str) -> Result<Role, AppError> {
    match s {
        "admin" => Ok(Role::Admin),
        "moderator" => Ok(Role::Moderator),
        "reviewer" => Ok(Role::Reviewer),
        other => other
            .strip_prefix("editor:")
            .filter(|h| !h.is_empty())
            .map(|h| Role::Editor(h.trim_start_matches('@').to_string()))
            .ok_or_else(|| {
                AppError::invalid(
                    "role",
                    "`admin`, `moderator`, `reviewer` or `editor:<organisation handle>`",
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
        Role::Reviewer => {
            crate::db::models::submission::set_reviewer(conn, account.id, grant).await?;
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
        return Err(
            AppError::invalid("name", "required, at most 100 characters")
                .localized("check-required-max", &[("max", "100".into())]),
        );
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

    #[tokio::test]
    async fn an_unknown_account_costs_a_real_password_check() {
        // The dummy hash is made like every new hash, so checking it is the same work.
        let real = hash_password("some password 1".into()).await.unwrap();
        let (real, dummy) = (
            PasswordHash::new(&real).unwrap(),
            PasswordHash::new(dummy_hash()).unwrap(),
        );
        assert_eq!(
            (real.algorithm, real.version, real.params.to_string()),
            (dummy.algorithm, dummy.version, dummy.params.to_string())
        );
        assert_eq!(real.hash.map(|h| h.len()), dummy.hash.map(|h| h.len()));
        assert!(!verify_password_or_dummy("no account has this password".into(), None).await);
        let known = hash_password("some password 1".into()).await.unwrap();
        assert!(verify_password_or_dummy("some password 1".into(), Some(known)).await);
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
