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

use super::{Found, Hit, MAX_DEPTH, NetworkAnswer, Scope, Search, SearchParams};
use crate::error::{AppError, AppResult};
use crate::federation::peers::{self, Call, bounded_names};
use crate::state::{AppState, FedData};
use axum::Json;
use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use axum::http::{HeaderMap, Method, Uri};

/// GET /federation/search: a peer's search of our own content.
pub async fn answer(
    data: FedData,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> AppResult<Json<Found>> {
    peers::check_peer(&data, &method, &uri, &headers).await?;
    let Query(mut params) = params.map_err(|e| AppError::bad_request(e.body_text()))?;
    // A peer asks from the top for as many hits as its visitor's page reaches (offset and
    // limit together), up to the deepest page: more than one answer's limit.
    let depth = params.limit.take().unwrap_or(20);
    if !(1..=MAX_DEPTH).contains(&depth) {
        return Err(AppError::invalid(
            "limit",
            format!("is between 1 and {MAX_DEPTH}"),
        ));
    }
    params.offset = None;
    let mut search = params.check()?;
    search.scope = Scope::Local;
    search.offset = 0;
    search.limit = depth;
    let mut conn = data.conn().await?;
    let mut found = super::local::search(&mut conn, &search, super::local::Holdings::Own).await?;
    found.network_names = super::network_names(&data);
    Ok(Json(found))
}

/// Asks every peer at once; each answer or failure comes back within the budget.
pub async fn fan_out(state: &AppState, search: &Search) -> Vec<(NetworkAnswer, Option<Found>)> {
    peers::fan_out::<Found>(state, "/federation/search", &search.peer_params())
        .await
        .into_iter()
        .map(|(call, found)| {
            let found = found.map(|f| checked(&call.peer, f));
            (network_answer(call, found.as_ref()), found)
        })
        .collect()
}

fn network_answer(call: Call, found: Option<&Found>) -> NetworkAnswer {
    NetworkAnswer {
        network: call.peer,
        status: call.status.into(),
        total: found.map_or(0, |f| f.total),
        hits: found.map_or(0, |f| f.hits.len()),
        milliseconds: call.milliseconds,
        capped: found.is_some_and(|f| f.capped),
        error: call.error,
        names: found.map(|f| f.network_names.clone()).unwrap_or_default(),
    }
}

/// One peer's answer, checked: only its own content, snippets reduced to text and marks,
/// language codes only, bounded text.
fn checked(peer: &str, mut found: Found) -> Found {
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
        values.truncate(super::local::FACET_VALUES_EXCHANGED);
    }
    found
}

/// A peer's hit is its own (see [`peers::vouches_for`]) and of a kind a page shows.
fn vouches_for(peer: &str, hit: &Hit) -> bool {
    peers::vouches_for(peer, &hit.ap_id, &hit.url)
        && ["organisation", "partnership", "post"].contains(&hit.kind.as_str())
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
