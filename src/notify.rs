//! Changes that every `serve` process on one database must hear of, so that what one
//! process keeps in memory does not outlive a change made through another.
//!
//! Two ways, by how often the change happens:
//!
//! - **Rare changes** (a local actor's row, the partner suggestions' candidates) use
//!   `LISTEN`/`NOTIFY` on one channel. A writer calls [`notify`] inside its transaction;
//!   PostgreSQL delivers the notification to every listening session when (and only if) the
//!   transaction commits. Each process runs one [`listen`] task on a connection of its own
//!   (`database.direct_url`: `LISTEN` needs a session, which a pooler in transaction mode
//!   does not keep). Whenever the listener (re)connects it first reports [`Change::All`]:
//!   notifications sent while it was away are lost, so everything cached is dropped.
//!   `NOTIFY` itself is an ordinary statement, so writers may go through PgBouncer.
//! - **Content** (every table a public page reads, changed by every received post) is not
//!   announced with `NOTIFY`: PostgreSQL queues notifications at commit under one lock for
//!   the whole database, held until the commit is on disk, so announcing writers commit one
//!   after another. Row triggers advance the sequence `content_version` instead (migration
//!   000130) and [`watch_content`] reads it every [`CONTENT_POLL`], through
//!   `database.url` (one statement each time, so a pooler is fine). See [`ContentWatch`] for
//!   how a change whose transaction has not committed yet is still caught.

use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Nullable, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use futures::StreamExt;
use std::time::Duration;
use tokio::sync::watch;
use url::Url;

/// The one channel every process listens on.
pub const CHANNEL: &str = "passerelle_changes";

/// Waits between attempts to reconnect, doubling up to `MAX_RETRY`.
const FIRST_RETRY: Duration = Duration::from_millis(200);
const MAX_RETRY: Duration = Duration::from_secs(10);

/// Something changed that processes may hold in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A local actor's row changed or went (its documents, its signing key).
    Actor(i64),
    /// Deliveries to this instance failed: it is no longer known to be answering.
    InstanceFailing(String),
    /// A local organisation was added or suspended, or what it looks for changed (the
    /// partner suggestions' candidates; migration 000111).
    Candidates,
    /// Something a public page or document is built from changed (migration 000120; read
    /// from `content_version` by [`watch_content`], or sent by a process of an older build).
    Content,
    /// Notifications may have been missed: forget everything.
    All,
}

impl Change {
    /// The notification's payload: `actor:12`, `failing:host`, `all`.
    pub fn payload(&self) -> String {
        match self {
            Change::Actor(id) => format!("actor:{id}"),
            Change::InstanceFailing(domain) => format!("failing:{domain}"),
            Change::Candidates => "candidates".to_string(),
            Change::Content => "content".to_string(),
            Change::All => "all".to_string(),
        }
    }

    /// Reads a payload; one this build does not know (a newer process's) means `All`, the
    /// safe reading.
    pub fn parse(payload: &str) -> Change {
        let parsed = match payload.split_once(':') {
            Some(("actor", id)) => id.parse().ok().map(Change::Actor),
            Some(("failing", domain)) if !domain.is_empty() => {
                Some(Change::InstanceFailing(domain.to_string()))
            }
            _ if payload == "candidates" => Some(Change::Candidates),
            _ if payload == "content" => Some(Change::Content),
            _ => None,
        };
        parsed.unwrap_or(Change::All)
    }
}

/// Tells every process (this one included) of `change` when the caller's transaction
/// commits, or at once outside a transaction.
pub async fn notify(conn: &mut AsyncPgConnection, change: &Change) -> diesel::QueryResult<()> {
    diesel::sql_query("SELECT pg_notify($1, $2)")
        .bind::<Text, _>(CHANNEL)
        .bind::<Text, _>(change.payload())
        .execute(conn)
        .await
        .map(|_| ())
}

/// Listens on [`CHANNEL`] through a connection to `url` until `shutdown` turns true,
/// handing each change to `apply`; reconnects after a lost connection, reporting
/// [`Change::All`] each time it is listening again.
pub async fn listen(
    url: Url,
    apply: impl Fn(Change) + Send + Sync + 'static,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut retry = FIRST_RETRY;
    loop {
        if *shutdown.borrow() {
            return;
        }
        let session = async {
            let mut conn = AsyncPgConnection::establish(url.as_str()).await?;
            diesel::sql_query(format!("LISTEN {CHANNEL}"))
                .execute(&mut conn)
                .await?;
            tracing::debug!("listening for other processes' changes");
            apply(Change::All);
            let mut stream = std::pin::pin!(conn.notifications_stream());
            while let Some(n) = stream.next().await {
                let n = n?;
                apply(Change::parse(&n.payload));
            }
            anyhow::Ok(())
        };
        let ended = unless_shut_down(session, &mut shutdown).await;
        if !reconnect_after(ended, "the change listener", &mut retry, &mut shutdown).await {
            return;
        }
    }
}

/// How often each process reads `content_version`: kept pages outlive a change made
/// through another process by at most about this long after its commit.
pub const CONTENT_POLL: Duration = Duration::from_millis(25);

/// One reading of `content_state(seen)` (migration 000130).
#[derive(Debug, Clone, Copy, QueryableByName)]
pub struct ContentState {
    /// The sequence's value: how many content changes were ever made.
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    /// The oldest transaction still running (as an `xid8`): every lower one has ended.
    #[diesel(sql_type = BigInt)]
    pub oldest: i64,
    /// When `version` differs from what was passed as seen: a transaction id above every
    /// transaction that had advanced the sequence by then.
    #[diesel(sql_type = Nullable<BigInt>)]
    pub bound: Option<i64>,
}

/// What one process knows of `content_version`. A change is read from the sequence as
/// soon as its trigger ran, which may be before its transaction commits: pages built in
/// between still show the old content. So the pages are dropped when the value moves, and
/// once more when every transaction that may have moved it has ended
/// ([`ContentState::bound`] reached by [`ContentState::oldest`]).
#[derive(Debug, Default)]
pub struct ContentWatch {
    seen: Option<i64>,
    settles_at: Option<i64>,
}

impl ContentWatch {
    /// The value to pass to `content_state` as seen (none yet: a first reading is a change).
    pub fn seen(&self) -> Option<i64> {
        self.seen
    }

    /// Takes a reading; true when the kept pages must be dropped.
    pub fn observe(&mut self, state: &ContentState) -> bool {
        let mut drop = false;
        if self.seen != Some(state.version) {
            self.seen = Some(state.version);
            drop = true;
            if let Some(bound) = state.bound {
                self.settles_at = Some(self.settles_at.map_or(bound, |at| at.max(bound)));
            }
        }
        if self.settles_at.is_some_and(|at| state.oldest >= at) {
            self.settles_at = None;
            drop = true;
        }
        drop
    }
}

/// Reads `content_version` through a connection to `url` every [`CONTENT_POLL`] until
/// `shutdown` turns true, reporting [`Change::Content`] to `apply` as [`ContentWatch`]
/// decides; reconnects after a lost connection (a change made meanwhile shows as a moved
/// value at the first reading after).
pub async fn watch_content(
    url: Url,
    apply: impl Fn(Change) + Send + Sync + 'static,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut watch = ContentWatch::default();
    let mut retry = FIRST_RETRY;
    loop {
        if *shutdown.borrow() {
            return;
        }
        let session = read_content(&url, &mut watch, &apply);
        let ended = unless_shut_down(session, &mut shutdown).await;
        if !reconnect_after(ended, "the content watcher", &mut retry, &mut shutdown).await {
            return;
        }
    }
}

/// `work`'s outcome, or `None` when `shutdown` turns true (or its sender is gone) first.
async fn unless_shut_down<T>(
    work: impl std::future::Future<Output = T>,
    shutdown: &mut watch::Receiver<bool>,
) -> Option<T> {
    let mut work = std::pin::pin!(work);
    loop {
        tokio::select! {
            done = &mut work => return Some(done),
            changed = shutdown.changed() => if changed.is_err() || *shutdown.borrow() { return None },
        }
    }
}

/// After a session of `what` ended (`None`: shut down meanwhile): reports how, waits
/// `retry` unless shut down first, and doubles `retry` for the next time. False when
/// shutting down.
async fn reconnect_after(
    ended: Option<anyhow::Result<()>>,
    what: &str,
    retry: &mut std::time::Duration,
    shutdown: &mut watch::Receiver<bool>,
) -> bool {
    match ended {
        None => return false,
        Some(Ok(())) => tracing::warn!("{what}'s connection closed; reconnecting"),
        Some(Err(e)) => tracing::warn!(error = %e, "{what} lost its connection; reconnecting"),
    }
    if unless_shut_down(tokio::time::sleep(*retry), shutdown)
        .await
        .is_none()
    {
        return false;
    }
    *retry = (*retry * 2).min(MAX_RETRY);
    true
}

/// [`watch_content`]'s readings on one connection, until it fails.
async fn read_content(
    url: &Url,
    watch: &mut ContentWatch,
    apply: &(impl Fn(Change) + Send + Sync),
) -> anyhow::Result<()> {
    let mut conn = AsyncPgConnection::establish(url.as_str()).await?;
    let mut tick = tokio::time::interval(CONTENT_POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let state: ContentState =
            diesel::sql_query("SELECT version, oldest, bound FROM content_state($1)")
                .bind::<Nullable<BigInt>, _>(watch.seen())
                .get_result(&mut conn)
                .await?;
        if watch.observe(&state) {
            apply(Change::Content);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_read_back() {
        for c in [
            Change::Actor(12),
            Change::InstanceFailing("peer.example:8443".into()),
            Change::Candidates,
            Change::Content,
            Change::All,
        ] {
            assert_eq!(Change::parse(&c.payload()), c);
        }
        assert_eq!(Change::parse("actor:x"), Change::All);
        assert_eq!(Change::parse("something-new:1"), Change::All);
    }

    fn state(version: i64, oldest: i64, bound: Option<i64>) -> ContentState {
        ContentState {
            version,
            oldest,
            bound,
        }
    }

    #[test]
    fn a_change_drops_the_pages_again_once_its_writers_have_ended() {
        let mut w = ContentWatch::default();
        // The first reading, while transaction 99 runs: nothing known before it.
        assert!(w.observe(&state(5, 99, Some(100))));
        assert_eq!(w.seen(), Some(5));
        assert!(!w.observe(&state(5, 99, None)));
        // 99 ended: settled, dropped once more.
        assert!(w.observe(&state(5, 101, None)));
        assert!(!w.observe(&state(5, 101, None)));
        // Moved with no older transaction running (the reader's own is the oldest): all
        // writers have committed, one drop is enough.
        assert!(w.observe(&state(6, 102, Some(102))));
        assert!(!w.observe(&state(6, 103, None)));
        // Moved while transaction 104 (the writer) runs: dropped now…
        assert!(w.observe(&state(7, 104, Some(110))));
        // …not while 104 is still running, even though nothing else moved…
        assert!(!w.observe(&state(7, 104, None)));
        // …and again once every transaction below 110 has ended.
        assert!(w.observe(&state(7, 110, None)));
        assert!(!w.observe(&state(7, 111, None)));
    }

    #[test]
    fn a_later_change_postpones_the_settling_for_the_latest_bound() {
        let mut w = ContentWatch::default();
        w.observe(&state(1, 10, Some(10)));
        w.observe(&state(1, 11, None));
        assert!(w.observe(&state(2, 20, Some(30))));
        assert!(w.observe(&state(3, 20, Some(40))));
        // 30 reached, but the second change's writers may still run.
        assert!(!w.observe(&state(3, 35, None)));
        assert!(w.observe(&state(3, 40, None)));
        assert!(!w.observe(&state(3, 41, None)));
    }
}
