//! One-time keys for the forms that create something and publish it (a post, an event): a
//! form sent twice, by a double click or by the browser sending it again after a slow
//! answer, must not publish twice to every follower.
//!
//! The form page carries a fresh key (`once`); the transaction that publishes records it in
//! `form_submissions` (migration 000240) with where the editor was sent afterwards. A second
//! sending with the same key finds it, publishes nothing, and is sent to the same place. A
//! form shown again for a correction keeps its key (nothing was recorded), and a failed
//! publication records nothing either, as the key is written in its transaction.

use crate::error::AppError;
use diesel::sql_types::{BigInt, Text};
use diesel::{OptionalExtension, QueryableByName};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// The form field that carries the key.
pub const FIELD: &str = "once";

/// A fresh key for a form.
pub fn new_key() -> String {
    super::session::random_token("")
}

#[derive(QueryableByName)]
struct Location {
    #[diesel(sql_type = Text)]
    location: String,
}

/// Records `key` as sent by `account_id`, leading to `location`, in the caller's
/// transaction (the one that publishes). `Some(location)` when it was sent before: the
/// caller then publishes nothing and sends the editor where the first sending did. An empty
/// key (a form from before keys, or from a client that sends none) is never a repeat.
pub async fn repeated(
    conn: &mut AsyncPgConnection,
    key: &str,
    account_id: i64,
    location: &str,
) -> Result<Option<String>, AppError> {
    let key = key.trim();
    if key.is_empty() {
        return Ok(None);
    }
    let inserted = diesel::sql_query(
        "INSERT INTO form_submissions (key, account_id, location) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO NOTHING",
    )
    .bind::<Text, _>(key)
    .bind::<BigInt, _>(account_id)
    .bind::<Text, _>(location)
    .execute(conn)
    .await?;
    if inserted == 1 {
        return Ok(None);
    }
    // Sent before (the INSERT waited for that transaction's commit); another account's key is
    // no business of this one: it gets the start page.
    let earlier: Option<Location> = diesel::sql_query(
        "SELECT location FROM form_submissions WHERE key = $1 AND account_id = $2",
    )
    .bind::<Text, _>(key)
    .bind::<BigInt, _>(account_id)
    .get_result(conn)
    .await
    .optional()?;
    Ok(Some(
        earlier.map_or_else(|| "/editor".to_string(), |l| l.location),
    ))
}
