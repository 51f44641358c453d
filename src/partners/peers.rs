//! Partner search across networks, through the same calls as the search
//! (`federation::peers`): every configured peer is asked at once with a GET signed by our
//! instance actor; whatever has not answered within `federation.search_timeout_ms` is
//! reported as timed out, an answer that cannot be read as failed, and a peer vouches only
//! for its own organisations.
//!
//! - `GET /federation/partners/suggestions?profile=<JSON>&limit=<n>`: the peer ranks its own
//!   organisations for our organisation's [`Profile`] and answers their [`Evidence`]
//!   (what they have in common); we weigh it with our own weights.
//! - `GET /federation/partners/looking?purpose=&country=&theme=&kind=&language=`: the
//!   peer's organisations that are looking and listed.
//!
//! Answering: only a configured peer's instance actor, with a valid signature, is answered
//! (401 unsigned or badly signed, 403 anyone else).
//!
//! [`Evidence`]: super::score::Evidence

use super::{
    LookingOrg, LookingQuery, MAX_LIMIT, NetworkStatus, Profile, Suggestion, local, network_names,
};
use crate::db::models::partner_search::{DbPartnerSearch, LookingFilter};
use crate::error::{AppError, AppResult};
use crate::federation::peers::{self, bounded_names, vouches_for};
use crate::state::{AppState, FedData};
use axum::Json;
use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use axum::http::{HeaderMap, Method, Uri};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The largest profile a peer may send, in bytes of JSON.
const MAX_PROFILE_BYTES: usize = 32 * 1024;

/// A peer's suggestions.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SuggestAnswer {
    pub suggestions: Vec<Suggestion>,
    #[serde(default)]
    pub network_names: BTreeMap<String, String>,
}

/// A peer's organisations that are looking.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LookingAnswer {
    pub organisations: Vec<LookingOrg>,
    #[serde(default)]
    pub network_names: BTreeMap<String, String>,
}

/// What a peer asks for suggestions with.
#[derive(Debug, Deserialize)]
pub struct SuggestParams {
    pub profile: String,
    pub limit: Option<usize>,
}

/// The peers' partner endpoints.
pub fn router() -> axum::Router<AppState> {
    axum::Router::new()
        .route(
            "/federation/partners/suggestions",
            axum::routing::get(answer_suggestions),
        )
        .route(
            "/federation/partners/looking",
            axum::routing::get(answer_looking),
        )
}

/// GET /federation/partners/suggestions: our organisations for a peer's profile.
pub async fn answer_suggestions(
    data: FedData,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    params: Result<Query<SuggestParams>, QueryRejection>,
) -> AppResult<Json<SuggestAnswer>> {
    peers::check_peer(&data, &method, &uri, &headers).await?;
    let Query(params) = params.map_err(|e| AppError::bad_request(e.body_text()))?;
    if params.profile.len() > MAX_PROFILE_BYTES {
        return Err(AppError::invalid(
            "profile",
            format!("at most {MAX_PROFILE_BYTES} bytes"),
        ));
    }
    let profile: Profile = serde_json::from_str(&params.profile)
        .map_err(|e| AppError::invalid("profile", format!("not a profile: {e}")))?;
    let profile = profile.bounded();
    let limit = params.limit.unwrap_or(20).clamp(1, MAX_LIMIT);
    let w = &data.config.partners;
    let mut conn = data.conn().await?;
    let suggestions =
        local::suggestions(&mut conn, &data.candidates, &profile, w, limit, w.shortlist).await?;
    Ok(Json(SuggestAnswer {
        suggestions,
        network_names: network_names(&data),
    }))
}

/// GET /federation/partners/looking: our organisations that are looking and listed.
pub async fn answer_looking(
    data: FedData,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    params: Result<Query<LookingQuery>, QueryRejection>,
) -> AppResult<Json<LookingAnswer>> {
    peers::check_peer(&data, &method, &uri, &headers).await?;
    let Query(params) = params.map_err(|e| AppError::bad_request(e.body_text()))?;
    let filter = params.filter()?;
    let mut conn = data.conn().await?;
    let rows = DbPartnerSearch::looking(&mut conn, &filter, super::LOOKING_MAX).await?;
    Ok(Json(LookingAnswer {
        organisations: rows.into_iter().map(LookingOrg::from).collect(),
        network_names: network_names(&data),
    }))
}

/// Our organisation's profile to every peer; their suggestions checked (not yet weighed).
pub async fn suggest(
    state: &AppState,
    profile: &Profile,
    limit: usize,
) -> Vec<(NetworkStatus, Option<Vec<Suggestion>>)> {
    let json = match serde_json::to_string(profile) {
        Ok(j) => j,
        Err(e) => {
            tracing::error!(error = %e, "a profile that cannot be written");
            return vec![];
        }
    };
    let params = vec![("profile", json), ("limit", limit.to_string())];
    fan_out::<SuggestAnswer>(state, "/federation/partners/suggestions", &params)
        .await
        .into_iter()
        .map(|(mut status, answer)| match answer {
            None => (status, None),
            Some(a) => {
                let peer = status.network.clone();
                let before = a.suggestions.len();
                let kept: Vec<Suggestion> = a
                    .suggestions
                    .into_iter()
                    .filter(|s| vouches_for(&peer, &s.ap_id, &s.url))
                    .take(MAX_LIMIT)
                    .map(|s| bounded_suggestion(s, &peer))
                    .collect();
                if kept.len() < before {
                    tracing::warn!(
                        peer,
                        dropped = before - kept.len(),
                        "peer suggested others' organisations or too many"
                    );
                }
                status.count = kept.len();
                status.names = bounded_names(a.network_names);
                (status, Some(kept))
            }
        })
        .collect()
}

/// Every peer's organisations that are looking, checked.
pub async fn looking(
    state: &AppState,
    filter: &LookingFilter,
) -> Vec<(NetworkStatus, Option<Vec<LookingOrg>>)> {
    let params = LookingQuery::peer_params(filter);
    fan_out::<LookingAnswer>(state, "/federation/partners/looking", &params)
        .await
        .into_iter()
        .map(|(mut status, answer)| match answer {
            None => (status, None),
            Some(a) => {
                let peer = status.network.clone();
                let kept: Vec<LookingOrg> = a
                    .organisations
                    .into_iter()
                    .filter(|o| vouches_for(&peer, &o.ap_id, &o.url))
                    .take(super::LOOKING_MAX as usize)
                    .map(|o| bounded_looking(o, &peer))
                    .collect();
                status.count = kept.len();
                status.names = bounded_names(a.network_names);
                (status, Some(kept))
            }
        })
        .collect()
}

/// Every peer's answer to `path`, with how its call went.
async fn fan_out<T: DeserializeOwned>(
    state: &AppState,
    path: &str,
    params: &[(&'static str, String)],
) -> Vec<(NetworkStatus, Option<T>)> {
    peers::fan_out::<T>(state, path, params)
        .await
        .into_iter()
        .map(|(call, answer)| {
            let status = NetworkStatus {
                network: call.peer,
                status: call.status.to_string(),
                count: 0,
                milliseconds: call.milliseconds,
                error: call.error,
                names: BTreeMap::new(),
            };
            (status, answer)
        })
        .collect()
}

fn short(s: &str, max: usize) -> String {
    s.chars().filter(|c| !c.is_control()).take(max).collect()
}

fn short_list(v: Vec<String>, n: usize, max: usize) -> Vec<String> {
    v.into_iter().take(n).map(|s| short(&s, max)).collect()
}

fn short_opt(v: Option<String>, max: usize) -> Option<String> {
    v.map(|s| short(&s, max))
}

/// A peer's suggestion, as far as a page shows it: short texts, short lists, its network
/// named by the peer we asked.
fn bounded_suggestion(mut s: Suggestion, peer: &str) -> Suggestion {
    s.network = peer.to_string();
    s.name = short(&s.name, 200);
    s.handle = short(&s.handle, 200);
    s.kind = short_opt(s.kind, 40);
    s.country = short_opt(s.country, 8);
    s.region = short_opt(s.region, 100);
    s.explanation = String::new();
    let e = &mut s.evidence;
    e.shared_themes = short_list(std::mem::take(&mut e.shared_themes), 30, 60);
    e.shared_languages = short_list(std::mem::take(&mut e.shared_languages), 30, 8);
    e.shared_purposes = short_list(std::mem::take(&mut e.shared_purposes), 4, 20);
    e.shared_words = short_list(std::mem::take(&mut e.shared_words), 5, 40);
    e.partners_of_partners = short_list(std::mem::take(&mut e.partners_of_partners), 10, 100);
    e.shared_sdgs.retain(|g| (1..=17).contains(g));
    e.shared_sdgs.truncate(17);
    e.wished_country = short_opt(e.wished_country.take(), 8);
    e.wished_region = short_opt(e.wished_region.take(), 100);
    e.kind = short_opt(e.kind.take(), 40);
    e.text_similarity = if e.text_similarity.is_finite() {
        e.text_similarity.clamp(0.0, 1.0)
    } else {
        0.0
    };
    e.population_ratio = e.population_ratio.filter(|r| r.is_finite() && *r > 0.0);
    e.distance_km = e.distance_km.filter(|d| d.is_finite() && *d >= 0.0);
    s
}

fn bounded_looking(mut o: LookingOrg, peer: &str) -> LookingOrg {
    o.network = peer.to_string();
    o.name = short(&o.name, 200);
    o.handle = short(&o.handle, 200);
    o.kind = short_opt(o.kind, 40);
    o.country = short_opt(o.country, 8);
    o.region = short_opt(o.region, 100);
    o.purposes = short_list(o.purposes, 4, 20);
    o.countries = short_list(o.countries, 50, 8);
    o.regions = short_list(o.regions, 30, 100);
    o.themes = short_list(o.themes, 30, 60);
    o.languages = short_list(o.languages, 30, 8);
    o.partner_kinds = short_list(o.partner_kinds, 10, 40);
    o.description = short(&o.description, super::DESCRIPTION_MAX);
    o
}
