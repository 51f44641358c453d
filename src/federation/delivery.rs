//! The delivery worker: claims due deliveries from PostgreSQL in batches, signs each POST
//! with the sending actor's key (aws-lc-rs), sends it, and records the outcomes in batches.
//! Any number of processes on one database share the work; a per-instance limit keeps one
//! slow or dead instance from holding back the others; a crashed process's claims expire
//! after the lease.
//!
//! Two loops run side by side: the dispatcher claims as many deliveries as it has free
//! permits (`delivery.concurrency`), refilling when half of them are free again, and
//! spawns one task per delivery; the recorder collects finished attempts and stores
//! whatever has accumulated in one transaction (`delivery::finish_many_with`). A permit is given
//! back only once its outcome is stored, so one process never holds more than
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
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, mpsc, watch};
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
/// How long the recorder waits for more outcomes when it has only a few to store.
const RECORD_LINGER: Duration = Duration::from_millis(5);
/// After a stop, how long the recorder waits for deliveries still in flight.
const STOP_GRACE: Duration = Duration::from_secs(3);
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Signs deliveries on threads of their own, one per core, fed from one queue.
///
/// An RSA signature takes about a millisecond of CPU. Run on the async runtime's worker
/// threads, dozens of queued signatures would stand between the worker's database round
/// trips (claiming, recording outcomes) and the CPU: permits would wait to be given back
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
                408 | 429 => Outcome::Retry(Some(status), format!("HTTP {status}")),
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

/// Deliveries in flight in this process, per instance.
type InFlight = Arc<Mutex<HashMap<String, i64>>>;

/// This process's claims whose outcomes are not all recorded: lease id → deliveries still
/// to record. The recorder releases a lease with the last of them.
type Unrecorded = Arc<Mutex<HashMap<i64, usize>>>;

/// A finished attempt on its way to the recorder, with the permit it holds until stored.
struct Done {
    finished: Finished,
    permit: OwnedSemaphorePermit,
}

/// Runs the worker until `shutdown` turns true, then records what is still in flight (for
/// at most a few seconds; anything later is re-sent after its lease).
pub async fn run(state: AppState, wakeup: Wakeup, shutdown: watch::Receiver<bool>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let recorded = Arc::new(Notify::new());
    let unrecorded = Unrecorded::default();
    tokio::join!(
        dispatch(
            &state,
            &wakeup,
            shutdown.clone(),
            tx,
            recorded.clone(),
            unrecorded.clone()
        ),
        record(&state, rx, shutdown, &recorded, &unrecorded),
    );
}

/// Claims due deliveries and starts them, as permits allow.
async fn dispatch(
    state: &AppState,
    wakeup: &Wakeup,
    mut shutdown: watch::Receiver<bool>,
    tx: mpsc::UnboundedSender<Done>,
    recorded: Arc<Notify>,
    unrecorded: Unrecorded,
) {
    let cfg = state.config.delivery.clone();
    let signers = Signers::default();
    let global = Arc::new(Semaphore::new(cfg.concurrency));
    let inflight: InFlight = Arc::default();
    // Refill once half of the permits are free, so that claims come in batches (a claim
    // costs PostgreSQL about 0.3 ms whatever its size, and 5 µs a delivery); but
    // claim for any free permit when the last claim found fewer due deliveries than asked
    // (the queue is short, or its instances are at their limit).
    let low_water = (cfg.concurrency / 2).max(1);
    let mut queue_short = true;
    let mut payloads = Payloads::default();
    loop {
        if *shutdown.borrow() {
            break;
        }
        let free = global.available_permits().min(MAX_BATCH);
        let batch = if free > 0 && (free >= low_water || queue_short) {
            let busy: Vec<(String, i64)> = inflight
                .lock()
                .map(|m| m.iter().map(|(d, n)| (d.clone(), *n)).collect())
                .unwrap_or_default();
            let got = claim(state, free, &busy, &mut payloads).await;
            queue_short = got.len() < free;
            got
        } else {
            Vec::new()
        };
        if batch.is_empty() {
            tokio::select! {
                _ = wakeup.notified() => queue_short = true,
                _ = recorded.notified() => {}
                _ = tokio::time::sleep(POLL) => queue_short = true,
                changed = shutdown.changed() => if changed.is_err() { break },
            }
            continue;
        }
        if let Ok(mut m) = unrecorded.lock() {
            for d in &batch {
                *m.entry(d.lease).or_default() += 1;
            }
        }
        for d in batch {
            let permit = match global.clone().try_acquire_owned() {
                Ok(p) => p,
                Err(_) => match global.clone().acquire_owned().await {
                    Ok(p) => p,
                    Err(_) => return,
                },
            };
            if let Ok(mut m) = inflight.lock() {
                *m.entry(d.domain.clone()).or_default() += 1;
            }
            let (state, signers, inflight, tx) =
                (state.clone(), signers.clone(), inflight.clone(), tx.clone());
            let base = cfg.retry_base_ms;
            tokio::spawn(async move {
                let finished = deliver_one(&state, &signers, d, base).await;
                // The instance's slot is free once its answer is in; the global permit
                // only once the outcome is stored.
                if let Ok(mut m) = inflight.lock()
                    && let Some(n) = m.get_mut(&finished.delivery.domain)
                {
                    *n -= 1;
                    if *n <= 0 {
                        m.remove(&finished.delivery.domain);
                    }
                }
                let id = finished.delivery.id;
                if tx.send(Done { finished, permit }).is_err() {
                    tracing::warn!(
                        delivery.id = id,
                        "worker stopped before recording a delivery; its lease will expire"
                    );
                }
            });
        }
    }
}

async fn claim(
    state: &AppState,
    free: usize,
    busy: &[(String, i64)],
    payloads: &mut Payloads,
) -> Vec<Claimed> {
    let cfg = &state.config.delivery;
    match state.pool.get().await {
        Ok(mut conn) => delivery::claim(
            &mut conn,
            free as i64,
            cfg.per_domain as i64,
            busy,
            cfg.lease_seconds as i64,
            payloads,
        )
        .await
        .unwrap_or_else(|e| {
            tracing::warn!(error = %e, "claiming deliveries failed");
            Vec::new()
        }),
        Err(e) => {
            tracing::warn!(error = %e, "no database connection for deliveries");
            Vec::new()
        }
    }
}

/// Stores finished attempts: whatever has arrived since the last transaction, in one.
async fn record(
    state: &AppState,
    mut rx: mpsc::UnboundedReceiver<Done>,
    mut shutdown: watch::Receiver<bool>,
    recorded: &Notify,
    unrecorded: &Unrecorded,
) {
    let mut deadline: Option<tokio::time::Instant> = None;
    let linger_until = (state.config.delivery.concurrency / 2).clamp(1, 128);
    loop {
        let first = tokio::select! {
            got = rx.recv() => got,
            _ = shutdown.changed(), if deadline.is_none() => {
                deadline = Some(tokio::time::Instant::now() + STOP_GRACE);
                continue;
            }
            _ = tokio::time::sleep_until(deadline.unwrap_or_else(tokio::time::Instant::now)), if deadline.is_some() => None,
        };
        let Some(first) = first else { break };
        let mut batch = vec![first];
        // Outcomes that arrive within `RECORD_LINGER` join the batch, up to `linger_until`
        // of them: a statement per handful of deliveries would cost PostgreSQL more than
        // the deliveries themselves.
        let linger = tokio::time::Instant::now() + RECORD_LINGER;
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(d) => batch.push(d),
                Err(_) if batch.len() >= linger_until || deadline.is_some() => break,
                Err(_) => match tokio::time::timeout_at(linger, rx.recv()).await {
                    Ok(Some(d)) => batch.push(d),
                    _ => break,
                },
            }
        }
        let (finished, permits): (Vec<Finished>, Vec<OwnedSemaphorePermit>) =
            batch.into_iter().map(|d| (d.finished, d.permit)).unzip();
        for f in &finished {
            if !matches!(f.outcome, Outcome::Delivered(_)) {
                state.alive.forget(&f.delivery.domain);
            }
        }
        let mut released = Vec::new();
        if let Ok(mut m) = unrecorded.lock() {
            for f in &finished {
                let lease = f.delivery.lease;
                if let Some(n) = m.get_mut(&lease) {
                    *n -= 1;
                    if *n == 0 {
                        m.remove(&lease);
                        released.push(lease);
                    }
                }
            }
        }
        store(state, &finished, &released).await;
        // Only now are the permits given back.
        drop(permits);
        recorded.notify_one();
    }
}

async fn store(state: &AppState, finished: &[Finished], released: &[i64]) {
    // One retry: two processes reviving the same instances may deadlock, and PostgreSQL
    // then aborts one of them.
    for attempt in 1..=2 {
        // An instance that answered is written only when this process has not written it
        // lately; those it is written for now are forgotten again if the write fails.
        let claimed = Mutex::new(Vec::new());
        let write_alive = |domain: &str| {
            let claim = state.alive.claim(domain);
            if claim && let Ok(mut c) = claimed.lock() {
                c.push(domain.to_string());
            }
            claim
        };
        let result = match state.pool.get().await {
            Ok(mut conn) => delivery::finish_many_with(&mut conn, finished, released, &write_alive)
                .await
                .map_err(anyhow::Error::from),
            Err(e) => Err(e.into()),
        };
        if result.is_err()
            && let Ok(c) = claimed.lock()
        {
            for domain in c.iter() {
                state.alive.forget(domain);
            }
        }
        match result {
            Ok(()) => return,
            Err(e) if attempt == 2 => tracing::error!(
                error = %e,
                deliveries = finished.len(),
                "recording deliveries failed; their leases will expire and they will be sent again"
            ),
            Err(e) => tracing::warn!(error = %e, "recording deliveries failed; trying again"),
        }
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
