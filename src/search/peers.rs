//! Searching the federation's peers, and answering them.
//!
//! Asking: every configured peer gets the search at once, as a GET of
//! `/federation/search?…` signed by our instance actor; whatever has not answered when the
//! budget (`federation.search_timeout_ms`, 1.5 s by default) runs out is reported as timed
//! out, and a peer that answers garbage is reported as failed. A peer may only vouch for its
//! own content: hits whose id is on another host are dropped.
//!
//! Answering: only a configured peer's instance actor, with a valid signature, is answered
//! (401 unsigned or badly signed, 403 anyone else), and only with our own content, which
//! holds nothing of organisations that are not indexable (see the search migration).

use super::{Found, Hit, NetworkAnswer, Scope, Search, SearchParams};
use crate::error::{AppError, AppResult};
use crate::federation::activities::relay::is_peer_instance_actor;
use crate::federation::fetch::knock;
use crate::federation::http::signed;
use crate::federation::objects::actor::authority;
use crate::federation::signatures::{SigningKey, sign_request};
use crate::state::{AppState, FedData};
use axum::Json;
use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use axum::http::{HeaderMap, Method, Uri};
use futures::StreamExt;
use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime};
use url::Url;

/// The largest answer read from a peer.
const MAX_ANSWER_BYTES: usize = 2 * 1024 * 1024;

/// GET /federation/search: a peer's search of our own content.
pub async fn answer(
    data: FedData,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> AppResult<Json<Found>> {
    let actor =
        crate::federation::inbox::verify_request(&data, &method, &uri, &headers, b"").await?;
    if !is_peer_instance_actor(&data, &actor) {
        return Err(AppError::forbidden(format!(
            "{} is not the instance actor of one of this network's peers",
            actor.ap_id
        )));
    }
    let Query(params) = params.map_err(|e| AppError::bad_request(e.body_text()))?;
    let mut search = params.check()?;
    search.scope = Scope::Local;
    search.offset = 0;
    let mut conn = data.conn().await?;
    let mut found = super::local::search(&mut conn, &search, super::local::Holdings::Own).await?;
    found.network_names = super::network_names(&data);
    Ok(Json(found))
}

/// Asks every peer at once; each answer or failure comes back within the budget.
pub async fn fan_out(state: &AppState, search: &Search) -> Vec<(NetworkAnswer, Option<Found>)> {
    let peers = state.config.federation.peers.clone();
    if peers.is_empty() {
        return vec![];
    }
    let budget = Duration::from_millis(state.config.federation.search_timeout_ms);
    let key = match state.keys.instance(&state.pool).await {
        Ok(k) => k,
        Err(e) => {
            return peers
                .into_iter()
                .map(|p| (failed(&p, 0, format!("cannot sign: {e}")), None))
                .collect();
        }
    };
    let key = &key;
    futures::stream::iter(peers)
        .map(|peer| async move {
            let started = Instant::now();
            let outcome = tokio::time::timeout(budget, ask(state, key, &peer, search)).await;
            let ms = started.elapsed().as_millis() as u64;
            match outcome {
                Err(_) => (
                    NetworkAnswer {
                        network: peer.clone(),
                        status: "timeout".into(),
                        total: 0,
                        hits: 0,
                        milliseconds: ms,
                        capped: false,
                        error: Some(format!("no answer within {} ms", budget.as_millis())),
                        names: BTreeMap::new(),
                    },
                    None,
                ),
                Ok(Err(e)) => (failed(&peer, ms, e), None),
                Ok(Ok(found)) => (
                    NetworkAnswer {
                        network: peer.clone(),
                        status: "answered".into(),
                        total: found.total,
                        hits: found.hits.len(),
                        milliseconds: ms,
                        capped: found.capped,
                        error: None,
                        names: found.network_names.clone(),
                    },
                    Some(found),
                ),
            }
        })
        .buffer_unordered(16)
        .collect()
        .await
}

fn failed(peer: &str, ms: u64, error: String) -> NetworkAnswer {
    NetworkAnswer {
        network: peer.to_string(),
        status: "failed".into(),
        total: 0,
        hits: 0,
        milliseconds: ms,
        capped: false,
        error: Some(error),
        names: BTreeMap::new(),
    }
}

/// One peer's answer, read, bounded and checked.
async fn ask(
    state: &AppState,
    key: &SigningKey,
    peer: &str,
    search: &Search,
) -> Result<Found, String> {
    let mut url = Url::parse(&format!(
        "{}://{peer}/federation/search",
        state.config.scheme()
    ))
    .map_err(|e| format!("bad peer address: {e}"))?;
    url.query_pairs_mut().extend_pairs(search.peer_params());
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
    let mut found: Found =
        serde_json::from_slice(&body).map_err(|e| format!("unreadable answer: {e}"))?;
    let before = found.hits.len();
    found.hits.retain(|h| vouches_for(peer, h));
    if found.hits.len() < before {
        tracing::warn!(
            peer,
            dropped = before - found.hits.len(),
            "peer answered with content of other hosts"
        );
    }
    for hit in &mut found.hits {
        hit.snippet = clean_snippet(&hit.snippet);
        hit.network = peer.to_string();
        // Shown as `lang` attributes and text: language codes only, bounded text.
        let code = |l: &mut Option<String>| {
            if l.as_deref()
                .is_some_and(|l| !crate::orgs::is_language_code(l))
            {
                *l = None;
            }
        };
        code(&mut hit.language);
        code(&mut hit.snippet_language);
        hit.summary = hit
            .summary
            .take()
            .map(|s| s.chars().filter(|c| !c.is_control()).take(1000).collect());
        hit.hashtags.truncate(40);
        hit.hashtags.retain(|t| {
            t.len() <= 100 && t.starts_with('#') && t[1..].chars().all(char::is_alphanumeric)
        });
    }
    found.total = found.total.max(found.hits.len() as i64);
    found.network_names = bounded_names(std::mem::take(&mut found.network_names));
    for values in found.facets.values_mut() {
        values.retain(|v| v.count > 0);
    }
    Ok(found)
}

/// A peer's names, as far as a page shows them: a few languages, short plain text.
fn bounded_names(names: BTreeMap<String, String>) -> BTreeMap<String, String> {
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

/// A peer's hit is its own: its id on the peer's host, a readable http(s) link.
fn vouches_for(peer: &str, hit: &Hit) -> bool {
    let own = Url::parse(&hit.ap_id).is_ok_and(|u| authority(&u).eq_ignore_ascii_case(peer));
    let link = Url::parse(&hit.url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
    own && link && ["organisation", "partnership", "post"].contains(&hit.kind.as_str())
}

/// A peer's snippet, reduced to text and `<mark>`.
fn clean_snippet(html: &str) -> String {
    ammonia::Builder::empty()
        .add_tags(["mark"])
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(ap_id: &str, url: &str) -> Hit {
        Hit {
            kind: "post".into(),
            ap_id: ap_id.into(),
            url: url.into(),
            title: "t".into(),
            language: None,
            summary: None,
            snippet: String::new(),
            snippet_language: None,
            network: String::new(),
            author_name: None,
            author_ap_id: None,
            languages: vec![],
            themes: vec![],
            sdgs: vec![],
            hashtags: vec![],
            countries: vec![],
            published: chrono::Utc::now(),
            score: 0.1,
        }
    }

    #[test]
    fn a_peer_vouches_only_for_its_own_content() {
        assert!(vouches_for(
            "b.example:8443",
            &hit(
                "https://b.example:8443/posts/1",
                "https://b.example:8443/posts/1"
            )
        ));
        assert!(!vouches_for(
            "b.example",
            &hit("https://c.example/posts/1", "https://c.example/posts/1")
        ));
        assert!(!vouches_for(
            "b.example",
            &hit("https://b.example/posts/1", "javascript:alert(1)")
        ));
    }

    #[test]
    fn snippets_keep_only_marks() {
        assert_eq!(
            clean_snippet(r#"<mark>Klima</mark> <script>x()</script><a href="y">z</a>"#),
            "<mark>Klima</mark> z"
        );
    }
}
