//! Accounts of people, their roles (admin, moderator, editor of organisations) and their
//! API tokens. Tokens are random and stored only as SHA-256; passwords with argon2.

use crate::db::schema::{accounts, actors, api_tokens, editors};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = accounts)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub is_admin: bool,
    pub is_moderator: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = accounts)]
pub struct NewAccount<'a> {
    pub username: &'a str,
    pub password_hash: &'a str,
    pub is_admin: bool,
    pub is_moderator: bool,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
pub struct ApiToken {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub token_hash: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A role an account can be granted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Admin,
    Moderator,
    /// Reviewer of submissions to the network's showcases.
    Reviewer,
    /// Editor of the local organisation with this handle.
    Editor(String),
}

impl Account {
    pub async fn insert(
        conn: &mut AsyncPgConnection,
        new: &NewAccount<'_>,
    ) -> QueryResult<Account> {
        diesel::insert_into(accounts::table)
            .values(new)
            .returning(Account::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn by_username(
        conn: &mut AsyncPgConnection,
        username: &str,
    ) -> QueryResult<Option<Account>> {
        accounts::table
            .filter(
                diesel::dsl::sql::<diesel::sql_types::Bool>("lower(username) = lower(")
                    .bind::<diesel::sql_types::Text, _>(username.to_string())
                    .sql(")"),
            )
            .select(Account::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn by_account_id(
        conn: &mut AsyncPgConnection,
        id: i64,
    ) -> QueryResult<Option<Account>> {
        accounts::table
            .find(id)
            .select(Account::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn list(conn: &mut AsyncPgConnection) -> QueryResult<Vec<Account>> {
        accounts::table
            .order(accounts::username.asc())
            .select(Account::as_select())
            .load(conn)
            .await
    }

    pub async fn set_admin(
        conn: &mut AsyncPgConnection,
        id: i64,
        admin: bool,
    ) -> QueryResult<usize> {
        diesel::update(accounts::table.find(id))
            .set(accounts::is_admin.eq(admin))
            .execute(conn)
            .await
    }

    pub async fn set_moderator(
        conn: &mut AsyncPgConnection,
        id: i64,
        moderator: bool,
    ) -> QueryResult<usize> {
        diesel::update(accounts::table.find(id))
            .set(accounts::is_moderator.eq(moderator))
            .execute(conn)
            .await
    }

    /// Makes the account an editor of the actor; granting twice is harmless.
    pub async fn grant_editor(
        conn: &mut AsyncPgConnection,
        account_id: i64,
        actor_id: i64,
    ) -> QueryResult<usize> {
        diesel::insert_into(editors::table)
            .values((
                editors::account_id.eq(account_id),
                editors::actor_id.eq(actor_id),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await
    }

    pub async fn revoke_editor(
        conn: &mut AsyncPgConnection,
        account_id: i64,
        actor_id: i64,
    ) -> QueryResult<usize> {
        diesel::delete(editors::table.find((account_id, actor_id)))
            .execute(conn)
            .await
    }

    pub async fn is_editor_of(
        conn: &mut AsyncPgConnection,
        account_id: i64,
        actor_id: i64,
    ) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            editors::table.find((account_id, actor_id)),
        ))
        .get_result(conn)
        .await
    }

    /// Handles of the organisations this account edits for.
    pub async fn edited_handles(
        conn: &mut AsyncPgConnection,
        account_id: i64,
    ) -> QueryResult<Vec<String>> {
        editors::table
            .inner_join(actors::table)
            .filter(editors::account_id.eq(account_id))
            .order(actors::handle.asc())
            .select(actors::handle)
            .load(conn)
            .await
    }
}

impl ApiToken {
    pub async fn insert(
        conn: &mut AsyncPgConnection,
        account_id: i64,
        name: &str,
        token_hash: &str,
    ) -> QueryResult<ApiToken> {
        diesel::insert_into(api_tokens::table)
            .values((
                api_tokens::account_id.eq(account_id),
                api_tokens::name.eq(name),
                api_tokens::token_hash.eq(token_hash),
            ))
            .returning(ApiToken::as_returning())
            .get_result(conn)
            .await
    }

    /// The account behind a live (not revoked) token, marking the token used.
    pub async fn authenticate(
        conn: &mut AsyncPgConnection,
        token_hash: &str,
    ) -> QueryResult<Option<(ApiToken, Account)>> {
        let found: Option<(ApiToken, Account)> = api_tokens::table
            .inner_join(accounts::table)
            .filter(api_tokens::token_hash.eq(token_hash))
            .filter(api_tokens::revoked_at.is_null())
            .select((ApiToken::as_select(), Account::as_select()))
            .first(conn)
            .await
            .optional()?;
        if let Some((token, _)) = &found {
            // Recorded at most once a minute, to keep reads from writing on every request.
            diesel::update(api_tokens::table.find(token.id))
                .filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
                    "last_used_at IS NULL OR last_used_at < now() - interval '1 minute'",
                ))
                .set(api_tokens::last_used_at.eq(diesel::dsl::now))
                .execute(conn)
                .await?;
        }
        Ok(found)
    }

    pub async fn list_for(
        conn: &mut AsyncPgConnection,
        account_id: i64,
    ) -> QueryResult<Vec<ApiToken>> {
        api_tokens::table
            .filter(api_tokens::account_id.eq(account_id))
            .order(api_tokens::id.asc())
            .select(ApiToken::as_select())
            .load(conn)
            .await
    }

    pub async fn by_id(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Option<ApiToken>> {
        api_tokens::table
            .find(id)
            .select(ApiToken::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Revokes a token; returns whether it was live.
    pub async fn revoke(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<bool> {
        let n = diesel::update(api_tokens::table.find(id))
            .filter(api_tokens::revoked_at.is_null())
            .set(api_tokens::revoked_at.eq(diesel::dsl::now))
            .execute(conn)
            .await?;
        Ok(n == 1)
    }
}
