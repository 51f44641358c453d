//! Changes that every `serve` process on one database must hear of, so that what one
//! process keeps in memory does not outlive a change made through another: PostgreSQL's
//! `LISTEN`/`NOTIFY` on one channel.
//!
//! A writer calls [`notify`] inside its transaction; PostgreSQL delivers the notification
//! to every listening session when (and only if) the transaction commits. Each process runs
//! one [`listen`] task on a connection of its own (`database.direct_url`: `LISTEN` needs a
//! session, which a pooler in transaction mode does not keep) and hands what arrives to the
//! process's caches. Whenever the listener (re)connects it first reports [`Change::All`]:
//! notifications sent while it was away are lost, so everything cached is dropped.
//!
//! `NOTIFY` itself is an ordinary statement, so writers may go through PgBouncer.

use diesel::sql_types::Text;
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
    /// Something a public page or document is built from changed (migration 000120).
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
        tokio::select! {
            ended = session => match ended {
                Ok(()) => tracing::warn!("the change listener's connection closed; reconnecting"),
                Err(e) => tracing::warn!(error = %e, "the change listener lost its connection; reconnecting"),
            },
            changed = shutdown.changed() => if changed.is_err() || *shutdown.borrow() { return },
        }
        tokio::select! {
            _ = tokio::time::sleep(retry) => {}
            changed = shutdown.changed() => if changed.is_err() || *shutdown.borrow() { return },
        }
        retry = (retry * 2).min(MAX_RETRY);
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
}
