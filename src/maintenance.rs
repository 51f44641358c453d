//! Keeps what the server stores of its traffic bounded. Every [`INTERVAL`] each process
//! runs a pass that forgets, a batch at a time, what no longer serves a purpose:
//!
//! * sent activities older than `retention.sent_days` whose deliveries are all finished,
//!   with their deliveries and delivered batches; the inboxes they went to stay in
//!   `delivery_reach`, so that a person's later `Update` or `Delete` reaches them
//!   (migration 000210, `forget_sent`);
//! * ids of received activities older than `retention.received_days`;
//! * signatures that could no longer verify (replay protection);
//! * failed logins older than the lock-out window, sessions ended 30 days ago, and the
//!   one-time keys of sent forms and the forms kept over a login after a day.
//!
//! Each batch is one statement in its own transaction, so a pass never holds many locks
//! for long and a pass interrupted anywhere leaves nothing half done. Several processes may
//! run passes at once: the sent activities a pass is forgetting are locked and skipped by
//! the others, and the other deletions are harmless to repeat.

use crate::config::RetentionConfig;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Integer, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use rand::Rng;
use std::time::Duration;
use tokio::sync::watch;

/// Time between two passes of one process.
pub const INTERVAL: Duration = Duration::from_secs(600);
/// Rows deleted per statement.
pub const BATCH: i64 = 1000;

/// What one pass forgot, by kind.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Forgotten {
    pub sent_activities: u64,
    pub received_activities: u64,
    pub signatures: u64,
    pub login_failures: u64,
    pub sessions: u64,
    /// One-time keys of sent forms (see `web::once`), kept a day.
    pub form_keys: u64,
    /// Forms sent after their session ended (see `web::kept`), kept a day.
    pub kept_forms: u64,
}

impl Forgotten {
    pub fn total(&self) -> u64 {
        self.by_kind().iter().map(|(_, n)| n).sum()
    }

    /// Each kind with its count, as the metrics and the log name them.
    pub fn by_kind(&self) -> [(&'static str, u64); 7] {
        [
            ("sent_activities", self.sent_activities),
            ("received_activities", self.received_activities),
            ("signatures", self.signatures),
            ("login_failures", self.login_failures),
            ("sessions", self.sessions),
            ("form_keys", self.form_keys),
            ("kept_forms", self.kept_forms),
        ]
    }
}

/// A signature is kept until no verifier could accept it any more: its date may be up to
/// the allowed clock skew ahead of its arrival, and it verifies until the skew has passed
/// after that date. An hour more for the clocks of this server's processes.
pub fn signature_lifetime() -> chrono::Duration {
    let skew = chrono::Duration::from_std(crate::federation::signatures::CLOCK_SKEW)
        .unwrap_or_else(|_| chrono::Duration::hours(12));
    skew * 2 + chrono::Duration::hours(1)
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = Integer)]
    n: i32,
}

/// Forgets the sent activities created before `$1`, `$2` at most (migration 000210).
const FORGET_SENT: &str = "SELECT forget_sent($1, $2::int4) AS n";

/// The statement that deletes the rows of `table` whose `column` is before `$1`, `$2` at
/// most, oldest first.
fn delete_oldest(table: &str, column: &str) -> String {
    // Both names come from this module, never from input.
    format!(
        "WITH gone AS (
             DELETE FROM {table} WHERE ctid = ANY (ARRAY(
                 SELECT ctid FROM {table} WHERE {column} < $1 ORDER BY {column} LIMIT $2))
             RETURNING 1)
         SELECT count(*)::int4 AS n FROM gone"
    )
}

/// Runs `sql` (forgetting at most `batch` rows older than `cutoff`, and saying how many as
/// `n`) until a batch comes short or `stopping()`; returns how many in all.
async fn in_batches(
    conn: &mut AsyncPgConnection,
    sql: &str,
    cutoff: DateTime<Utc>,
    batch: i64,
    stopping: &(dyn Fn() -> bool + Sync),
) -> diesel::QueryResult<u64> {
    let mut total = 0;
    loop {
        let c: Count = diesel::sql_query(sql)
            .bind::<Timestamptz, _>(cutoff)
            .bind::<BigInt, _>(batch)
            .get_result(conn)
            .await?;
        total += c.n as u64;
        if i64::from(c.n) < batch || stopping() {
            return Ok(total);
        }
    }
}

/// One pass at `now`, deleting at most `batch` rows per statement. A pass that finds much
/// to forget (the first after an upgrade, say) takes many batches: `stopping()` is asked
/// between them, and a pass cut short leaves the rest to the next one.
pub async fn pass(
    conn: &mut AsyncPgConnection,
    retention: &RetentionConfig,
    now: DateTime<Utc>,
    batch: i64,
    stopping: &(dyn Fn() -> bool + Sync),
) -> diesel::QueryResult<Forgotten> {
    let days = |d: u64| chrono::Duration::days(d.min(100_000) as i64);
    let sent_activities = in_batches(
        conn,
        FORGET_SENT,
        now - days(retention.sent_days),
        batch,
        stopping,
    )
    .await?;
    let mut forgotten = Forgotten {
        sent_activities,
        ..Forgotten::default()
    };
    let steps: [(&str, &str, DateTime<Utc>, &mut u64); 6] = [
        (
            "received_activities",
            "received_at",
            now - days(retention.received_days),
            &mut forgotten.received_activities,
        ),
        (
            "seen_signatures",
            "seen_at",
            now - signature_lifetime(),
            &mut forgotten.signatures,
        ),
        (
            "login_failures",
            "failed_at",
            now - chrono::Duration::minutes(crate::auth::FAILURE_WINDOW_MINUTES),
            &mut forgotten.login_failures,
        ),
        (
            "web_sessions",
            "expires_at",
            now - chrono::Duration::days(crate::db::models::web_session::ENDED_KEPT_DAYS),
            &mut forgotten.sessions,
        ),
        (
            "form_submissions",
            "created_at",
            now - chrono::Duration::days(1),
            &mut forgotten.form_keys,
        ),
        (
            "kept_forms",
            "created_at",
            now - chrono::Duration::days(1),
            &mut forgotten.kept_forms,
        ),
    ];
    for (table, column, cutoff, count) in steps {
        if stopping() {
            break;
        }
        *count = in_batches(conn, &delete_oldest(table, column), cutoff, batch, stopping).await?;
    }
    Ok(forgotten)
}

/// Runs a pass every [`INTERVAL`] (the first within a minute of the start, at a random
/// moment so that processes started together spread out) until `stop` turns true.
pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    let first = Duration::from_millis(rand::thread_rng().gen_range(1_000..60_000));
    let mut wait = first;
    loop {
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            changed = stop.changed() => {
                if changed.is_err() || *stop.borrow() {
                    return;
                }
                continue;
            }
        }
        wait = INTERVAL;
        let stopping = || *stop.borrow();
        let result = match state.pool.get().await {
            Ok(mut conn) => pass(
                &mut conn,
                &state.config.retention,
                Utc::now(),
                BATCH,
                &stopping,
            )
            .await
            .map_err(anyhow::Error::from),
            Err(e) => Err(e.into()),
        };
        match result {
            Ok(f) => {
                state.metrics.forgotten(&f);
                if f.total() > 0 {
                    tracing::info!(
                        sent_activities = f.sent_activities,
                        received_activities = f.received_activities,
                        signatures = f.signatures,
                        login_failures = f.login_failures,
                        sessions = f.sessions,
                        form_keys = f.form_keys,
                        kept_forms = f.kept_forms,
                        "maintenance pass forgot old records"
                    );
                }
            }
            Err(e) => tracing::warn!(error = %e, "maintenance pass failed; trying again later"),
        }
    }
}
