//! Browser sessions of the web interface (token stored as SHA-256, with the session's CSRF
//! token) and failed logins, counted per username and client address for the rate limit.

use crate::db::models::account::Account;
use crate::db::schema::{accounts, login_failures, web_sessions};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = web_sessions)]
pub struct WebSession {
    pub id: i64,
    pub token_hash: String,
    pub account_id: i64,
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// How long an ended session is remembered (it no longer opens anything): a form sent from
/// one of its pages meanwhile is kept for its account over the login (`web::kept`).
pub const ENDED_KEPT_DAYS: i64 = 30;

impl WebSession {
    /// The CSRF token of the account's newest live session, if it has one. A new session of
    /// the account takes it over, so that the forms open in another tab (or browser window)
    /// of the same person still go through after they logged in again there.
    pub async fn live_csrf_of(
        conn: &mut AsyncPgConnection,
        account_id: i64,
    ) -> QueryResult<Option<String>> {
        web_sessions::table
            .filter(web_sessions::account_id.eq(account_id))
            .filter(web_sessions::expires_at.gt(diesel::dsl::now))
            .order(web_sessions::created_at.desc())
            .select(web_sessions::csrf_token)
            .first(conn)
            .await
            .optional()
    }

    pub async fn insert(
        conn: &mut AsyncPgConnection,
        account_id: i64,
        token_hash: &str,
        csrf_token: &str,
        expires_at: DateTime<Utc>,
    ) -> QueryResult<WebSession> {
        diesel::insert_into(web_sessions::table)
            .values((
                web_sessions::account_id.eq(account_id),
                web_sessions::token_hash.eq(token_hash),
                web_sessions::csrf_token.eq(csrf_token),
                web_sessions::expires_at.eq(expires_at),
            ))
            .returning(WebSession::as_returning())
            .get_result(conn)
            .await
    }

    /// The live session with this token hash and its account, marking it seen (at most once a
    /// minute, so reading pages rarely writes) and moving its end to `idle_days` from now,
    /// but no later than `max_days` after it began: a session in use does not end in the
    /// middle of someone's writing, an unused one ends.
    pub async fn authenticate(
        conn: &mut AsyncPgConnection,
        token_hash: &str,
        idle_days: i64,
        max_days: i64,
    ) -> QueryResult<Option<(WebSession, Account)>> {
        let found: Option<(WebSession, Account)> = web_sessions::table
            .inner_join(accounts::table)
            .filter(web_sessions::token_hash.eq(token_hash))
            .filter(web_sessions::expires_at.gt(diesel::dsl::now))
            .select((WebSession::as_select(), Account::as_select()))
            .first(conn)
            .await
            .optional()?;
        if let Some((s, _)) = &found {
            diesel::update(web_sessions::table.find(s.id))
                .filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
                    "last_seen_at < now() - interval '1 minute'",
                ))
                .set((
                    web_sessions::last_seen_at.eq(diesel::dsl::now),
                    web_sessions::expires_at.eq(
                        diesel::dsl::sql::<diesel::sql_types::Timestamptz>(&format!(
                            "LEAST(now() + interval '{idle_days} days', \
                             created_at + interval '{max_days} days')"
                        )),
                    ),
                ))
                .execute(conn)
                .await?;
        }
        Ok(found)
    }

    pub async fn delete(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<usize> {
        diesel::delete(web_sessions::table.find(id))
            .execute(conn)
            .await
    }

    /// Ends every session of an account (its password changed, or an admin said so).
    pub async fn delete_for_account(
        conn: &mut AsyncPgConnection,
        account_id: i64,
    ) -> QueryResult<usize> {
        diesel::delete(web_sessions::table.filter(web_sessions::account_id.eq(account_id)))
            .execute(conn)
            .await
    }

    pub async fn delete_expired(conn: &mut AsyncPgConnection) -> QueryResult<usize> {
        let cutoff = Utc::now() - chrono::Duration::days(ENDED_KEPT_DAYS);
        diesel::delete(web_sessions::table.filter(web_sessions::expires_at.le(cutoff)))
            .execute(conn)
            .await
    }

    /// The session of `token_hash` if it has ended (and is not forgotten yet): a form sent
    /// with its cookie and its CSRF token is kept for its account (`web::kept`).
    pub async fn ended(
        conn: &mut AsyncPgConnection,
        token_hash: &str,
    ) -> QueryResult<Option<WebSession>> {
        web_sessions::table
            .filter(web_sessions::token_hash.eq(token_hash))
            .filter(web_sessions::expires_at.le(diesel::dsl::now))
            .select(WebSession::as_select())
            .first(conn)
            .await
            .optional()
    }
}

/// Failed logins for a username from an address within the last `window_minutes`: how many,
/// and when the oldest of them happened.
pub async fn recent_failures(
    conn: &mut AsyncPgConnection,
    username: &str,
    ip: &str,
    window_minutes: i64,
) -> QueryResult<(i64, Option<DateTime<Utc>>)> {
    let since = Utc::now() - chrono::Duration::minutes(window_minutes);
    login_failures::table
        .filter(login_failures::username.eq(username.to_lowercase()))
        .filter(login_failures::ip.eq(ip))
        .filter(login_failures::failed_at.gt(since))
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::min(login_failures::failed_at),
        ))
        .first(conn)
        .await
}

/// Failed logins from an address within the last `window_minutes`, whatever the username:
/// how many, and when the oldest of them happened.
pub async fn recent_failures_from(
    conn: &mut AsyncPgConnection,
    ip: &str,
    window_minutes: i64,
) -> QueryResult<(i64, Option<DateTime<Utc>>)> {
    let since = Utc::now() - chrono::Duration::minutes(window_minutes);
    login_failures::table
        .filter(login_failures::ip.eq(ip))
        .filter(login_failures::failed_at.gt(since))
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::min(login_failures::failed_at),
        ))
        .first(conn)
        .await
}

pub async fn record_failure(
    conn: &mut AsyncPgConnection,
    username: &str,
    ip: &str,
) -> QueryResult<usize> {
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::username.eq(username.to_lowercase()),
            login_failures::ip.eq(ip),
        ))
        .execute(conn)
        .await
}

/// Forgets a username's failures from an address (after a successful login) and every
/// failure older than a day.
pub async fn clear_failures(
    conn: &mut AsyncPgConnection,
    username: &str,
    ip: &str,
) -> QueryResult<usize> {
    let day_ago = Utc::now() - chrono::Duration::days(1);
    diesel::delete(
        login_failures::table.filter(
            login_failures::username
                .eq(username.to_lowercase())
                .and(login_failures::ip.eq(ip))
                .or(login_failures::failed_at.lt(day_ago)),
        ),
    )
    .execute(conn)
    .await
}
