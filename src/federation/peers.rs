//! Questions between peer networks (search, partner suggestions, organisations looking for
//! partners): the asking side signs a GET with its instance actor's key, sends it to every
//! peer at once within a time budget and reads each answer bounded; the answering side
//! accepts only the instance actors of its configured peers.

use crate::error::{AppError, AppResult};
use crate::federation::activities::relay::is_peer_instance_actor;
use crate::federation::fetch::knock;
use crate::federation::http::signed;
use crate::federation::objects::actor::authority;
use crate::federation::signatures::{SigningKey, sign_request};
use crate::state::{AppState, FedData};
use axum::http::{HeaderMap, Method, Uri};
use futures::StreamExt;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime};
use url::Url;

/// The largest answer read from a peer.
const MAX_ANSWER_BYTES: usize = 2 * 1024 * 1024;

/// The answering side: the request is signed by the instance actor of one of this network's
/// peers, or refused (401 unsigned or badly signed, 403 someone else).
pub async fn check_peer(
    data: &FedData,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
) -> AppResult<()> {
    let actor = crate::federation::inbox::verify_request(data, method, uri, headers, b"").await?;
    if !is_peer_instance_actor(data, &actor) {
        return Err(AppError::forbidden(format!(
            "{} is not the instance actor of one of this network's peers",
            actor.ap_id
        )));
    }
    Ok(())
}

/// How one peer's call went: `answered`, `timeout` or `failed`, and when not answered, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub peer: String,
    pub status: &'static str,
    pub milliseconds: u64,
    pub error: Option<String>,
}

/// Asks every configured peer `path` with `params` at once; each answer (parsed as `T`) or
/// failure comes back within `federation.search_timeout_ms`.
pub async fn fan_out<T: DeserializeOwned>(
    state: &AppState,
    path: &str,
    params: &[(&'static str, String)],
) -> Vec<(Call, Option<T>)> {
    let peers = state.config.federation.peers.clone();
    if peers.is_empty() {
        return vec![];
    }
    let call = |peer: &str, status, milliseconds, error| Call {
        peer: peer.to_string(),
        status,
        milliseconds,
        error,
    };
    let budget = Duration::from_millis(state.config.federation.search_timeout_ms);
    let key = match state.keys.instance(&state.pool).await {
        Ok(k) => k,
        Err(e) => {
            return peers
                .iter()
                .map(|p| {
                    (
                        call(p, "failed", 0, Some(format!("cannot sign: {e}"))),
                        None,
                    )
                })
                .collect();
        }
    };
    let key = &key;
    futures::stream::iter(peers)
        .map(|peer| async move {
            let started = Instant::now();
            let outcome =
                tokio::time::timeout(budget, ask::<T>(state, key, &peer, path, params)).await;
            let ms = started.elapsed().as_millis() as u64;
            match outcome {
                Err(_) => (
                    call(
                        &peer,
                        "timeout",
                        ms,
                        Some(format!("no answer within {} ms", budget.as_millis())),
                    ),
                    None,
                ),
                Ok(Err(e)) => (call(&peer, "failed", ms, Some(e)), None),
                Ok(Ok(answer)) => (call(&peer, "answered", ms, None), Some(answer)),
            }
        })
        .buffer_unordered(16)
        .collect()
        .await
}

/// One peer's answer, read (at most [`MAX_ANSWER_BYTES`]) and parsed.
async fn ask<T: DeserializeOwned>(
    state: &AppState,
    key: &SigningKey,
    peer: &str,
    path: &str,
    params: &[(&'static str, String)],
) -> Result<T, String> {
    let mut url = Url::parse(&format!("{}://{peer}{path}", state.config.scheme()))
        .map_err(|e| format!("bad peer address: {e}"))?;
    url.query_pairs_mut()
        .extend_pairs(params.iter().map(|(k, v)| (*k, v.as_str())));
    let mut resp = knock(&state.knocks, &authority(&url), |scheme| {
        let url = url.clone();
        async move {
            let headers = sign_request(key, scheme, &Method::GET, &url, None, SystemTime::now())
                .map_err(|e| format!("signing: {e}"))?;
            signed(
                state.http.get(url).header("accept", "application/json"),
                headers,
            )
            .send()
            .await
            .map_err(|e| format!("unreachable: {e}"))
        }
    })
    .await?;
    let status = resp.status();
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|e| format!("reading: {e}"))? {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_ANSWER_BYTES {
            return Err(format!("answer larger than {MAX_ANSWER_BYTES} bytes"));
        }
    }
    if !status.is_success() {
        let text: String = String::from_utf8_lossy(&body).chars().take(200).collect();
        return Err(format!("HTTP {}: {text}", status.as_u16()));
    }
    serde_json::from_slice(&body).map_err(|e| format!("unreadable answer: {e}"))
}

/// A peer's names, as far as a page shows them: a few languages, short plain text.
pub fn bounded_names(names: BTreeMap<String, String>) -> BTreeMap<String, String> {
    names
        .into_iter()
        .filter(|(l, _)| l.len() <= 8 && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(|(l, n)| {
            let n: String = n.chars().filter(|c| !c.is_control()).take(100).collect();
            (l, n.trim().to_string())
        })
        .filter(|(_, n)| !n.is_empty())
        .take(16)
        .collect()
}

/// An object a peer gave is its own: its id on the peer's host, and a readable http(s) link.
pub fn vouches_for(peer: &str, ap_id: &str, url: &str) -> bool {
    let own = Url::parse(ap_id).is_ok_and(|u| authority(&u).eq_ignore_ascii_case(peer));
    let link = Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
    own && link
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_peer_vouches_only_for_its_own_readable_objects() {
        let p = "nrw.example";
        assert!(vouches_for(
            p,
            "https://nrw.example/o/a",
            "https://nrw.example/o/a"
        ));
        assert!(vouches_for(
            "b.example:8443",
            "https://b.example:8443/o/amiens",
            "https://b.example:8443/o/amiens"
        ));
        assert!(!vouches_for(
            p,
            "https://other.example/o/a",
            "https://nrw.example/o/a"
        ));
        assert!(!vouches_for(
            p,
            "https://nrw.example/o/a",
            "javascript:alert(1)"
        ));
    }

    #[test]
    fn names_are_short_plain_and_few() {
        let mut given = BTreeMap::new();
        given.insert(
            "de".to_string(),
            format!("  Netz\u{7}werk {}", "x".repeat(200)),
        );
        given.insert("<script>".to_string(), "bad".to_string());
        given.insert("fr".to_string(), "   ".to_string());
        let kept = bounded_names(given);
        assert_eq!(kept.len(), 1);
        assert!(kept["de"].starts_with("Netzwerk x"));
        assert!(kept["de"].chars().count() <= 100);
    }
}
