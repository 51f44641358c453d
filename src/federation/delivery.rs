//! The delivery worker: claims due deliveries from PostgreSQL in batches, signs each POST
//! with the sending actor's key (aws-lc-rs), sends it, and records the outcomes in batches.
//! Any number of processes on one database share the work; a per-instance limit keeps one
//! slow or dead instance from holding back the others; a crashed process's claims expire
//! after the lease.
//!
//! One loop does the worker's database work, one call at a time: it records the outcomes
//! that came back and, in the same call, claims deliveries for the room they leave
//! (`delivery::finish_and_claim`), once half of the room (`delivery.concurrency`) is free or
//! whenever the queue was found short. Each delivery is sent by a task of its own, which
//! hands its outcome back to the loop; outcomes are recorded in batches. A delivery's room
//! is given back only once its outcome is stored, so one process never holds more than
//! `concurrency` claimed, unrecorded deliveries.

use crate::db::models::delivery::{self, Claimed, Finished, Outcome, Payloads};
use crate::federation::fetch::knock;
use crate::federation::objects::actor::authority;
use crate::federation::signatures::{Knocks, Scheme, SigningKey, sign_request};
use crate::state::{AppState, Wakeup};
use axum::http::Method;
use bytes::Bytes;
use chrono::Utc;
use rand::Rng;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use tokio::sync::{mpsc, watch};
use url::Url;

/// Notes that an instance answered or sent a signed request (it is alive): writes to
/// `instances` at most once per `RecentlyAlive::FOR` per process.
pub async fn note_alive(state: &AppState, domain: &str) -> Result<(), crate::error::AppError> {
    if state.alive.claim(domain) {
        let mut conn = state.conn().await?;
        delivery::instance_success(&mut conn, domain).await?;
    }
    Ok(())
}

const POLL: Duration = Duration::from_millis(500);
/// At most this many deliveries are claimed, or recorded, at once.
const MAX_BATCH: usize = 512;
/// How long the worker waits for more outcomes to record when the queue is short (there is
/// nothing to claim with the room they free).
const RECORD_LINGER: Duration = Duration::from_millis(5);
/// How long it waits, at most, for the outcomes that free enough room for a claim when
/// there are deliveries to claim: recording without claiming would be a call for nothing
/// but the record.
const RECORD_LINGER_BUSY: Duration = Duration::from_millis(50);
/// After a stop, how long the worker waits for the outcomes of deliveries still in flight.
const STOP_GRACE: Duration = Duration::from_secs(3);
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Signs deliveries on threads of their own, one per core, fed from one queue.
///
/// An RSA signature takes about a millisecond of CPU. Run on the async runtime's worker
/// threads, dozens of queued signatures would stand between the worker's database round
/// trips (claiming, recording outcomes) and the CPU: room would wait to be given back
/// while the cores, once the signatures were done, sat idle. On threads of their own the
/// operating system shares the cores between signing and everything else, and a signing
/// thread takes the next signature from the queue without a round through the runtime.
/// The threads end when the last clone of this handle is dropped.
#[derive(Clone)]
pub struct Signers(std::sync::mpsc::Sender<SignJob>);

type SignJob = Box<dyn FnOnce() + Send>;

impl Default for Signers {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let (tx, rx) = std::sync::mpsc::channel::<SignJob>();
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..cores {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("signer-{i}"))
                .spawn(move || {
                    loop {
                        let job = match rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => return, // every sender is gone
                        }
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "could not start a signing thread");
            }
        }
        Self(tx)
    }
}

impl Signers {
    /// The headers of a signed POST of `body` to `url` in `scheme` (see [`sign_request`]),
    /// dated now.
    pub async fn sign_post(
        &self,
        key: Arc<SigningKey>,
        scheme: Scheme,
        url: Url,
        body: Bytes,
    ) -> anyhow::Result<(Url, Vec<(&'static str, String)>)> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.0
            .send(Box::new(move || {
                let signed = sign_request(
                    &key,
                    scheme,
                    &Method::POST,
                    &url,
                    Some(&body),
                    SystemTime::now(),
                )
                .map(|h| (url, h));
                let _ = tx.send(signed);
            }))
            .map_err(|_| anyhow::anyhow!("no signing thread is running"))?;
        rx.await
            .map_err(|_| anyhow::anyhow!("the signing thread stopped"))?
    }
}

/// Sends one activity to one inbox, signed with the scheme the instance accepted last (and,
/// when the signature is refused, once more with the other: [`knock`]), and classifies the
/// answer. The payload is `Bytes` so that the request body shares it instead of copying it.
pub async fn send(
    client: &reqwest::Client,
    knocks: &Knocks,
    signers: &Signers,
    key: Arc<SigningKey>,
    inbox: &str,
    payload: Bytes,
) -> Outcome {
    let url = match Url::parse(inbox) {
        Ok(u) => u,
        Err(e) => return Outcome::Rejected(0, format!("bad inbox URL: {e}")),
    };
    let sent = knock(knocks, &authority(&url), |scheme| {
        let (key, url, payload) = (key.clone(), url.clone(), payload.clone());
        async move {
            let (url, headers) = signers
                .sign_post(key, scheme, url, payload.clone())
                .await
                .map_err(|e| Outcome::Retry(None, format!("signing failed: {e}")))?;
            crate::federation::http::signed(client.post(url).body(payload), headers)
                .send()
                .await
                .map_err(|e| Outcome::Retry(None, format!("{e}")))
        }
    })
    .await;
    match sent {
        Ok(resp) => {
            let status = resp.status().as_u16();
            match status {
                200..=299 => Outcome::Delivered(status),
                410 => Outcome::Gone,
                // 401 after both schemes is most often passing: the receiver could not fetch
                // our key just then (our server busy, theirs behind a cache). Mastodon too
                // retries 401, 408 and 429 and gives up on the other 4xx.
                401 | 408 | 429 => Outcome::Retry(Some(status), format!("HTTP {status}")),
                400..=499 => {
                    let text: String = resp
                        .text()
                        .await
                        .unwrap_or_default()
                        .chars()
                        .take(300)
                        .collect();
                    Outcome::Rejected(status, format!("HTTP {status}: {text}"))
                }
                _ => Outcome::Retry(Some(status), format!("HTTP {status}")),
            }
        }
        Err(outcome) => outcome,
    }
}

/// When to try again after `attempts` failures: base × 2^(attempts−1), at most 12 hours,
/// with ±20 % jitter so that retries to one instance spread out.
pub fn backoff(base_ms: u64, attempts: i32) -> Duration {
    let exp = attempts.clamp(1, 30) as u32 - 1;
    let ms = base_ms
        .saturating_mul(1u64 << exp.min(20))
        .min(12 * 3600 * 1000);
    let jitter = rand::thread_rng().gen_range(0.8..1.2);
    Duration::from_millis((ms as f64 * jitter) as u64)
}

/// What one worker holds between its calls to the database.
struct Pump<'a> {
    state: &'a AppState,
    signers: Signers,
    /// Where finished attempts come back.
    tx: mpsc::UnboundedSender<Finished>,
    /// Deliveries per instance whose answer is not in yet.
    per_domain: HashMap<String, i64>,
    /// Claims whose outcomes are not all recorded: lease id → deliveries still to record.
    /// A lease is released with the last of them.
    unrecorded: HashMap<i64, usize>,
    payloads: Payloads,
    queue: Queue,
}

/// What the worker knows of the queue from its last claim, and so when to claim next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Queue {
    /// The last claim got all it asked for: claim again once half of the room is free.
    Filled,
    /// Deliveries were queued since, or the last claim found fewer than asked and news came
    /// since (outcomes, the poll): claim for any free room.
    Short,
    /// The last claim found fewer than asked and nothing has happened since: claiming again
    /// at once would find nothing more (a claim held back by one slow instance's limit, say).
    Drained,
}

/// Runs the worker until `shutdown` turns true, then records what is still in flight (for
/// at most a few seconds; anything later is re-sent after its lease).
///
/// One loop does all of the worker's database work, in one call at a time: it records the
/// outcomes that came back and, in the same call, claims deliveries for the room they left
/// (`delivery::finish_and_claim`). Each claimed delivery is sent by a task of its own, which
/// hands its outcome back to the loop. At most `delivery.concurrency` deliveries are claimed
/// and unrecorded at once.
pub async fn run(state: AppState, wakeup: Wakeup, mut shutdown: watch::Receiver<bool>) {
    let cfg = state.config.delivery.clone();
    let (tx, mut rx) = mpsc::unbounded_channel();
    let mut pump = Pump {
        state: &state,
        signers: Signers::default(),
        tx,
        per_domain: HashMap::new(),
        unrecorded: HashMap::new(),
        payloads: Payloads::default(),
        queue: Queue::Short,
    };
    let mut deadline: Option<tokio::time::Instant> = None;
    loop {
        if deadline.is_none() && *shutdown.borrow() {
            deadline = Some(tokio::time::Instant::now() + STOP_GRACE);
        }
        let stopping = deadline.is_some();
        if stopping && pump.in_flight() == 0 {
            break;
        }
        let room = pump.room();
        let mut batch: Vec<Finished> = Vec::new();
        if pump.wants(stopping) == 0 || !rx.is_empty() {
            tokio::select! {
                got = rx.recv() => match got {
                    Some(f) => batch.push(f),
                    None => break,
                },
                _ = wakeup.notified(), if !stopping => pump.queue = Queue::Short,
                _ = tokio::time::sleep(POLL), if !stopping => pump.queue = Queue::Short,
                changed = shutdown.changed(), if !stopping => {
                    if changed.is_err() || *shutdown.borrow() {
                        deadline = Some(tokio::time::Instant::now() + STOP_GRACE);
                    }
                    continue;
                }
                _ = tokio::time::sleep_until(deadline.unwrap_or_else(tokio::time::Instant::now)), if stopping => break,
            }
            if !batch.is_empty() {
                // Outcomes that arrive meanwhile join the batch, until they free enough room
                // for a claim: a call per handful of deliveries would cost PostgreSQL more
                // than the deliveries.
                let linger_until = pump.low_water().saturating_sub(room).clamp(1, MAX_BATCH);
                let wait = if pump.queue != Queue::Filled || stopping {
                    RECORD_LINGER
                } else {
                    RECORD_LINGER_BUSY
                };
                let linger = tokio::time::Instant::now() + wait;
                while batch.len() < MAX_BATCH {
                    match rx.try_recv() {
                        Ok(f) => batch.push(f),
                        Err(_) if batch.len() >= linger_until || stopping => break,
                        Err(_) => match tokio::time::timeout_at(linger, rx.recv()).await {
                            Ok(Some(f)) => batch.push(f),
                            _ => break,
                        },
                    }
                }
                // News after a short claim: claim again if there is room.
                if pump.queue == Queue::Drained {
                    pump.queue = Queue::Short;
                }
            }
        }
        let released = pump.answered(&batch);
        let want = pump.wants(stopping);
        if batch.is_empty() && released.is_empty() && want == 0 {
            continue;
        }
        let claimed = pump.call(&batch, &released, want).await;
        if want > 0 {
            pump.queue = if claimed.len() < want {
                Queue::Drained
            } else {
                Queue::Filled
            };
        }
        for d in claimed {
            pump.start(d, cfg.retry_base_ms);
        }
    }
    if pump.in_flight() > 0 {
        tracing::warn!(
            deliveries = pump.in_flight(),
            "worker stopped before recording every delivery; their leases will expire"
        );
    }
}

impl Pump<'_> {
    /// Claimed deliveries whose outcomes are not recorded yet.
    fn in_flight(&self) -> usize {
        self.unrecorded.values().sum()
    }

    /// Room for claims: at most `delivery.concurrency` deliveries are claimed and
    /// unrecorded at once.
    fn room(&self) -> usize {
        self.state
            .config
            .delivery
            .concurrency
            .saturating_sub(self.in_flight())
    }

    /// Claims wait for this much room, so that they come in batches (a call costs
    /// PostgreSQL about 0.3 ms whatever its size, and a few µs a delivery), unless the queue
    /// was found short.
    fn low_water(&self) -> usize {
        (self.state.config.delivery.concurrency / 2).max(1)
    }

    /// How many deliveries to claim now: none while stopping.
    fn wants(&self, stopping: bool) -> usize {
        let room = self.room();
        let claim = !stopping
            && match self.queue {
                Queue::Filled => room >= self.low_water(),
                Queue::Short => room > 0,
                Queue::Drained => false,
            };
        if claim { room.min(MAX_BATCH) } else { 0 }
    }

    /// Takes note of outcomes that came back: their instances' slots are free, and so is
    /// their room once they are recorded. Returns the leases whose claims are now all
    /// answered, to release with the record.
    fn answered(&mut self, batch: &[Finished]) -> Vec<i64> {
        let mut released = Vec::new();
        for f in batch {
            let domain = &f.delivery.domain;
            if let Some(n) = self.per_domain.get_mut(domain) {
                *n -= 1;
                if *n <= 0 {
                    self.per_domain.remove(domain);
                }
            }
            if !matches!(f.outcome, Outcome::Delivered(_)) {
                self.state.alive.forget(domain);
            }
            let lease = f.delivery.lease;
            if let Some(n) = self.unrecorded.get_mut(&lease) {
                *n -= 1;
                if *n == 0 {
                    self.unrecorded.remove(&lease);
                    released.push(lease);
                }
            }
        }
        released
    }

    /// Records `batch` and releases `released`, and claims up to `want` deliveries, in one
    /// call. One retry: two processes reviving the same instances may deadlock, and
    /// PostgreSQL then aborts one of them. If both fail, the outcomes are lost to the
    /// record: their leases run out and the deliveries are sent again.
    async fn call(&mut self, batch: &[Finished], released: &[i64], want: usize) -> Vec<Claimed> {
        let cfg = &self.state.config.delivery;
        let busy: Vec<(String, i64)> = self
            .per_domain
            .iter()
            .map(|(d, n)| (d.clone(), *n))
            .collect();
        let request = delivery::ClaimRequest {
            limit: want as i64,
            per_domain: cfg.per_domain as i64,
            busy: &busy,
            lease_seconds: cfg.lease_seconds as i64,
        };
        for attempt in 1..=2 {
            // An instance that answered is written only when this process has not written
            // it lately; those it is written for now are forgotten again if the call fails.
            let claimed = Mutex::new(Vec::new());
            let write_alive = |domain: &str| {
                let claim = self.state.alive.claim(domain);
                if claim && let Ok(mut c) = claimed.lock() {
                    c.push(domain.to_string());
                }
                claim
            };
            let result = match self.state.pool.get().await {
                Ok(mut conn) => delivery::finish_and_claim(
                    &mut conn,
                    batch,
                    released,
                    &write_alive,
                    &request,
                    &mut self.payloads,
                )
                .await
                .map_err(anyhow::Error::from),
                Err(e) => Err(e.into()),
            };
            if result.is_err()
                && let Ok(c) = claimed.lock()
            {
                for domain in c.iter() {
                    self.state.alive.forget(domain);
                }
            }
            match result {
                Ok(got) => return got,
                Err(e) if attempt == 2 => tracing::error!(
                    error = %e,
                    deliveries = batch.len(),
                    "recording deliveries failed; their leases will expire and they will be sent again"
                ),
                Err(e) => {
                    tracing::warn!(error = %e, "recording or claiming deliveries failed; trying again")
                }
            }
        }
        Vec::new()
    }

    /// Sends `d` in a task of its own, which hands its outcome back to the loop.
    fn start(&mut self, d: Claimed, retry_base_ms: u64) {
        *self.per_domain.entry(d.domain.clone()).or_default() += 1;
        *self.unrecorded.entry(d.lease).or_default() += 1;
        let (state, signers, tx) = (self.state.clone(), self.signers.clone(), self.tx.clone());
        tokio::spawn(async move {
            let finished = deliver_one(&state, &signers, d, retry_base_ms).await;
            // The loop is gone only once the worker has stopped; the lease then runs out.
            let _ = tx.send(finished);
        });
    }
}

async fn deliver_one(
    state: &AppState,
    signers: &Signers,
    mut d: Claimed,
    base_ms: u64,
) -> Finished {
    let payload = std::mem::take(&mut d.payload);
    let outcome = match state.keys.get(&state.pool, d.actor_id).await {
        Ok(key) => send(&state.http, &state.knocks, signers, key, &d.inbox, payload).await,
        Err(e) => Outcome::Retry(None, format!("no signing key: {e}")),
    };
    state.metrics.delivery(&outcome);
    match &outcome {
        Outcome::Delivered(_) => tracing::debug!(inbox = d.inbox, delivery.id = d.id, "delivered"),
        other => {
            tracing::info!(inbox = d.inbox, delivery.id = d.id, outcome = ?other, "delivery not done")
        }
    }
    let retry_at = Utc::now()
        + chrono::Duration::from_std(backoff(base_ms, d.attempts + 1)).unwrap_or_default();
    Finished {
        delivery: d,
        outcome,
        retry_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A receiver on loopback that answers every POST with `status`.
    async fn answering(status: u16) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let code = axum::http::StatusCode::from_u16(status).unwrap();
        let app = axum::Router::new().fallback(move || async move { (code, "nein") });
        tokio::spawn(async move { axum::serve(listener, app).await });
        format!("http://127.0.0.1:{port}/inbox")
    }

    #[tokio::test]
    async fn a_refused_signature_is_tried_again_later_and_other_refusals_are_final() {
        let pair = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
        let key = Arc::new(
            SigningKey::from_pkcs8_pem("http://localhost:1/o/x#main-key", &pair.private_key)
                .unwrap(),
        );
        let client = crate::federation::http::client(true, "passerelle-test");
        let (knocks, signers) = (Knocks::default(), Signers::default());
        let mut outcomes = Vec::new();
        for status in [202, 401, 403, 404, 410, 429, 500] {
            let inbox = answering(status).await;
            let outcome = send(&client, &knocks, &signers, key.clone(), &inbox, "{}".into()).await;
            outcomes.push(match outcome {
                Outcome::Delivered(s) => format!("delivered {s}"),
                Outcome::Gone => "gone".to_string(),
                Outcome::Retry(s, _) => format!("retry {}", s.unwrap_or(0)),
                Outcome::Rejected(s, m) => format!("rejected {s} {m}"),
            });
        }
        assert_eq!(
            outcomes,
            [
                "delivered 202",
                "retry 401",
                "rejected 403 HTTP 403: nein",
                "rejected 404 HTTP 404: nein",
                "gone",
                "retry 429",
                "retry 500"
            ]
        );
    }

    #[test]
    fn backoff_doubles_with_jitter_and_caps() {
        for _ in 0..50 {
            let d1 = backoff(1000, 1).as_millis();
            assert!((800..=1200).contains(&d1), "{d1}");
            let d4 = backoff(1000, 4).as_millis();
            assert!((6400..=9600).contains(&d4), "{d4}");
            assert!(backoff(30_000, 40) <= Duration::from_secs(12 * 3600 * 6 / 5));
        }
    }
}
