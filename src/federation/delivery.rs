//! The delivery worker: claims due deliveries from PostgreSQL in batches, signs each POST
//! with the sending actor's key (aws-lc-rs), sends it, and records the outcome. Any number
//! of processes on one database share the work; a per-instance limit keeps one slow or dead
//! instance from holding back the others; a crashed process's claims expire after the lease.

use crate::db::models::actor::DbActor;
use crate::db::models::delivery::{self, Claimed, Outcome};
use crate::federation::signatures::{SigningKey, sign_post};
use crate::federation::urls::Urls;
use crate::state::AppState;
use chrono::Utc;
use rand::Rng;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use tokio::sync::{Notify, Semaphore, watch};
use url::Url;

/// Wakes the worker when something was queued (in this process; others poll).
#[derive(Clone, Default)]
pub struct Wakeup(Arc<Notify>);

impl Wakeup {
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

const POLL: Duration = Duration::from_millis(500);
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The HTTP client for deliveries: no redirects, a timeout, and (outside debug mode) no
/// connections to private addresses.
pub fn client(debug: bool) -> reqwest::Client {
    let mut b = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(TIMEOUT)
        .connect_timeout(TIMEOUT)
        .pool_max_idle_per_host(16)
        .user_agent(concat!("passerelle/", env!("CARGO_PKG_VERSION")));
    if !debug {
        b = b.dns_resolver(Arc::new(
            activitypub_federation::resolver::ValidatingDnsResolver::new(vec![], true),
        ));
    }
    b.build().unwrap_or_default()
}

/// Signing keys of local actors, loaded once.
#[derive(Default, Clone)]
pub struct KeyCache(Arc<Mutex<HashMap<i64, Arc<SigningKey>>>>);

impl KeyCache {
    pub async fn get(&self, state: &AppState, actor_id: i64) -> anyhow::Result<Arc<SigningKey>> {
        if let Some(k) = self
            .0
            .lock()
            .map_err(|_| anyhow::anyhow!("key cache poisoned"))?
            .get(&actor_id)
        {
            return Ok(k.clone());
        }
        let mut conn = state.pool.get().await?;
        let actor = DbActor::by_id(&mut conn, actor_id).await?;
        let actor = crate::orgs::ensure_keys(&mut conn, actor)
            .await
            .map_err(|e| anyhow::anyhow!(e.message))?;
        let pem = actor
            .private_key_pem
            .as_deref()
            .ok_or_else(|| anyhow::anyhow!("actor {actor_id} has no private key"))?;
        let key = Arc::new(SigningKey::from_pkcs8_pem(
            Urls::key_id(actor.ap_id.as_str()),
            pem,
        )?);
        self.0
            .lock()
            .map_err(|_| anyhow::anyhow!("key cache poisoned"))?
            .insert(actor_id, key.clone());
        Ok(key)
    }
}

/// Sends one activity to one inbox, signed, and classifies the answer.
pub async fn send(
    client: &reqwest::Client,
    key: &SigningKey,
    inbox: &str,
    payload: &str,
) -> Outcome {
    let url = match Url::parse(inbox) {
        Ok(u) => u,
        Err(e) => return Outcome::Rejected(0, format!("bad inbox URL: {e}")),
    };
    let headers = match sign_post(key, &url, payload.as_bytes(), SystemTime::now()) {
        Ok(h) => h,
        Err(e) => return Outcome::Retry(None, format!("signing failed: {e}")),
    };
    let mut req = client.post(url).body(payload.to_string());
    for (name, value) in headers {
        if name != "host" {
            req = req.header(name, value);
        }
    }
    match req.send().await {
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
        Err(e) => Outcome::Retry(None, format!("{e}")),
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

/// Runs the worker until `shutdown` turns true.
pub async fn run(state: AppState, wakeup: Wakeup, mut shutdown: watch::Receiver<bool>) {
    let cfg = state.config.delivery.clone();
    let client = client(state.config.federation.debug);
    let keys = KeyCache::default();
    let global = Arc::new(Semaphore::new(cfg.concurrency));
    let inflight: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let done = Arc::new(Notify::new());
    loop {
        if *shutdown.borrow() {
            break;
        }
        let free = global.available_permits();
        let busy: Vec<String> = inflight
            .lock()
            .map(|m| {
                m.iter()
                    .filter(|(_, n)| **n >= cfg.per_domain)
                    .map(|(d, _)| d.clone())
                    .collect()
            })
            .unwrap_or_default();
        let batch = if free == 0 {
            Vec::new()
        } else {
            match state.pool.get().await {
                Ok(mut conn) => delivery::claim(
                    &mut conn,
                    free.min(256) as i64,
                    cfg.per_domain as i64,
                    &busy,
                    cfg.lease_seconds as i64,
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
        };
        if batch.is_empty() {
            tokio::select! {
                _ = wakeup.0.notified() => {}
                _ = done.notified() => {}
                _ = tokio::time::sleep(POLL) => {}
                _ = shutdown.changed() => {}
            }
            continue;
        }
        for d in batch {
            let Ok(permit) = global.clone().acquire_owned().await else {
                return;
            };
            if let Ok(mut m) = inflight.lock() {
                *m.entry(d.domain.clone()).or_default() += 1;
            }
            let (state, client, keys, inflight, done) = (
                state.clone(),
                client.clone(),
                keys.clone(),
                inflight.clone(),
                done.clone(),
            );
            let base = cfg.retry_base_ms;
            tokio::spawn(async move {
                deliver_one(&state, &client, &keys, &d, base).await;
                if let Ok(mut m) = inflight.lock()
                    && let Some(n) = m.get_mut(&d.domain)
                {
                    *n -= 1;
                    if *n == 0 {
                        m.remove(&d.domain);
                    }
                }
                drop(permit);
                done.notify_one();
            });
        }
    }
}

async fn deliver_one(
    state: &AppState,
    client: &reqwest::Client,
    keys: &KeyCache,
    d: &Claimed,
    base_ms: u64,
) {
    let outcome = match keys.get(state, d.actor_id).await {
        Ok(key) => send(client, &key, &d.inbox, &d.payload).await,
        Err(e) => Outcome::Retry(None, format!("no signing key: {e}")),
    };
    match &outcome {
        Outcome::Delivered(_) => tracing::debug!(inbox = d.inbox, delivery.id = d.id, "delivered"),
        other => {
            tracing::info!(inbox = d.inbox, delivery.id = d.id, outcome = ?other, "delivery not done")
        }
    }
    let retry_at = Utc::now()
        + chrono::Duration::from_std(backoff(base_ms, d.attempts + 1)).unwrap_or_default();
    match state.pool.get().await {
        Ok(mut conn) => {
            if let Err(e) = delivery::finish(&mut conn, d, &outcome, retry_at).await {
                tracing::error!(error = %e, delivery.id = d.id, "recording a delivery failed; its lease will expire");
            }
        }
        Err(e) => {
            tracing::error!(error = %e, delivery.id = d.id, "no database to record a delivery; its lease will expire")
        }
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
