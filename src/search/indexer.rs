//! The search indexer. A change to an organisation, partnership or post queues its document
//! in `search_pending`, in the change's own transaction (triggers, see the search-queue
//! migration); this task, running in every `serve` process, builds queued documents in
//! batches a moment later. Several processes share the queue (`FOR UPDATE SKIP LOCKED`).
//! Deleted content leaves the index in the deleting transaction itself.

use crate::state::AppState;
use diesel::QueryableByName;
use diesel::sql_types::Integer;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::time::Duration;
use tokio::sync::watch;

/// Documents built per transaction.
pub const BATCH: i32 = 500;
/// How long the indexer sleeps when the queue is empty: the most a new post waits before it
/// can be found.
pub const POLL: Duration = Duration::from_millis(250);

#[derive(QueryableByName)]
struct Taken {
    #[diesel(sql_type = Integer)]
    taken: i32,
}

/// Builds up to `max` queued documents in one transaction; returns how many were taken.
pub async fn index_pending(conn: &mut AsyncPgConnection, max: i32) -> diesel::QueryResult<i32> {
    let t: Taken = diesel::sql_query("SELECT search_index_pending($1) AS taken")
        .bind::<Integer, _>(max)
        .get_result(conn)
        .await?;
    Ok(t.taken)
}

#[derive(QueryableByName)]
struct Left {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    remaining: i64,
}

/// Builds every queued document, and waits for those another process is building at the
/// moment (the server's own indexer, whose claimed rows `SKIP LOCKED` passes over) until its
/// transaction ends; returns how many it built itself. For the command line, the demo and
/// tests, which want to search what they just wrote.
pub async fn catch_up(conn: &mut AsyncPgConnection) -> diesel::QueryResult<i64> {
    let mut total = 0i64;
    loop {
        let n = index_pending(conn, BATCH).await?;
        total += i64::from(n);
        if n < BATCH {
            // Locking every queued row waits for the transactions that hold one (an indexer
            // building it, a writer that queued it); rows they deleted are then gone.
            let left: Left = diesel::sql_query(
                "SELECT count(*) AS remaining FROM (SELECT 1 FROM search_pending FOR UPDATE) queued",
            )
            .get_result(conn)
            .await?;
            if left.remaining == 0 {
                return Ok(total);
            }
        }
    }
}

/// Runs until `shutdown` turns true.
pub async fn run(state: AppState, mut shutdown: watch::Receiver<bool>) {
    loop {
        if *shutdown.borrow() {
            return;
        }
        let taken = match state.pool.get().await {
            Ok(mut conn) => index_pending(&mut conn, BATCH).await.unwrap_or_else(|e| {
                tracing::warn!(error = %e, "building search documents failed; trying again");
                0
            }),
            Err(e) => {
                tracing::warn!(error = %e, "no database connection for the search indexer");
                0
            }
        };
        if taken > 0 {
            tracing::debug!(documents = taken, "search documents built");
        }
        if taken < BATCH {
            tokio::select! {
                _ = tokio::time::sleep(POLL) => {}
                changed = shutdown.changed() => if changed.is_err() { return },
            }
        }
    }
}
