//! HTML pages for people: the instance home, organisation profiles and project pages, in the
//! visitor's language (`?lang=`, else Accept-Language, else the instance's main language).

pub mod admin;
pub mod editor;
pub mod i18n;
pub mod pages;
pub mod search;
pub mod session;

use crate::state::AppState;
use crate::vocab::Lang;
use axum::Router;
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use axum::routing::get;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct LangQuery {
    pub lang: Option<String>,
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(pages::home))
        .route("/static/style.css", get(stylesheet))
        .route("/tags/{tag}", get(pages::tag))
        .route("/search", get(search::page))
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/style.css"),
    )
}

/// The interface language: `?lang=`, then Accept-Language (by quality), then the instance's.
pub fn negotiate_lang(state: &AppState, headers: &HeaderMap, query: &LangQuery) -> Lang {
    preferred_lang(state, headers, query).unwrap_or_else(|| state.config.main_language())
}

/// The language the visitor asked for (`?lang=` or Accept-Language), if any we offer.
pub fn preferred_lang(state: &AppState, headers: &HeaderMap, query: &LangQuery) -> Option<Lang> {
    let offered = &state.config.instance.languages;
    if let Some(l) = query.lang.as_deref().and_then(|l| l.parse::<Lang>().ok()) {
        return Some(l);
    }
    let mut wanted: Vec<(f32, Lang)> = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(',')
        .filter_map(|part| {
            let mut it = part.trim().split(';');
            let tag = it.next()?.trim();
            let primary = tag.split('-').next()?;
            let lang = primary.parse::<Lang>().ok()?;
            let q = it
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            Some((q, lang))
        })
        .filter(|(_, l)| offered.contains(l))
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
    wanted.first().map(|(_, l)| *l)
}
