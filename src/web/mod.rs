//! HTML pages for people: the instance home, organisation profiles and project pages, the
//! partnership registry and its map, statistics, and RSS/Atom feeds, in the visitor's
//! language (`?lang=`, else the language cookie a switch set, else Accept-Language, else the
//! instance's main language).

pub mod admin;
pub mod backoffice;
pub mod charts;
pub mod editor;
pub mod feeds;
pub mod form;
pub mod headers;
pub mod i18n;
pub mod kept;
pub mod login;
pub mod map;
pub mod once;
pub mod pages;
pub mod person;
pub mod search;
pub mod session;
pub mod web_error;

use crate::state::AppState;
use crate::vocab::Lang;
use axum::Router;
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use serde::Deserialize;

/// The cookie that keeps the language a visitor picked with the switch.
pub const LANG_COOKIE: &str = "passerelle_lang";

#[derive(Debug, Default, Deserialize)]
pub struct LangQuery {
    pub lang: Option<String>,
}

impl LangQuery {
    /// The `lang` parameter of a raw query string (for middleware, which has no extractor).
    pub fn from_query(query: Option<&str>) -> LangQuery {
        LangQuery {
            lang: query.and_then(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .find(|(k, _)| k == "lang")
                    .map(|(_, v)| v.into_owned())
            }),
        }
    }
}

/// Every page of the editors' and operators' interface, the login, and uploaded media.
pub fn backoffice_router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/login", get(login::login_form).post(login::login))
        .route("/logout", post(login::logout))
        .route("/media/{file}", get(crate::media::serve))
        .route("/static/editor.css", get(backoffice::stylesheet))
        .route(
            "/g/{handle}/threads",
            post(pages::forum::new_thread).layer(crate::media::upload_limit(&state)),
        )
        .route("/g/{handle}/t/{id}/reply", post(pages::forum::reply))
        .route("/g/{handle}/moderate", post(pages::forum::moderate))
        .route(
            "/g/{handle}/t/{id}/report",
            post(pages::forum_moderation::report),
        )
        .route("/g/{handle}/moderation", get(pages::forum_moderation::view))
        .route(
            "/g/{handle}/reports/{id}/resolve",
            post(pages::forum_moderation::resolve),
        )
        .route("/editor/_me", get(person::settings_page).post(person::save))
        .route("/editor/_me/off", post(person::turn_off))
        .merge(editor::routes(&state))
        .merge(admin::router())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            kept::keep,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state,
            backoffice::render_errors,
        ))
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(pages::home::home))
        .route(
            "/o/{handle}",
            get(pages::organisation::organisation_or_actor),
        )
        .route("/posts/{id}", get(pages::post::post_or_document))
        .route("/posts/{id}/event.ics", get(pages::ics::event))
        .route(
            "/partnerships/{id}",
            get(crate::federation::routes::partnership_or_page),
        )
        .route("/posts/{id}/join", post(pages::event::join))
        .route("/events", get(pages::events::calendar))
        .route("/forum", get(pages::forum::index))
        .route("/showcase", get(pages::showcase::page))
        .route("/showcase/{file}", get(pages::showcase::feed))
        .route("/g/{handle}", get(pages::forum::group_or_actor))
        .route("/g/{handle}/t/{id}", get(pages::forum::thread))
        .route(
            "/g/{handle}/feed.rss",
            get(feeds::serve::<{ feeds::GROUP }, false>),
        )
        .route(
            "/g/{handle}/feed.atom",
            get(feeds::serve::<{ feeds::GROUP }, true>),
        )
        .route("/events.ics", get(pages::ics::network))
        .route("/tags/{tag}/events.ics", get(pages::ics::theme))
        .route("/o/{handle}/events.ics", get(pages::ics::organisation))
        .route("/static/style.css", get(stylesheet))
        .route("/tags/{tag}", get(pages::tag::tag))
        .route(
            "/tags/{tag}/feed.rss",
            get(feeds::serve::<{ feeds::THEME }, false>),
        )
        .route(
            "/tags/{tag}/feed.atom",
            get(feeds::serve::<{ feeds::THEME }, true>),
        )
        .route(
            "/o/{handle}/feed.rss",
            get(feeds::serve::<{ feeds::ORGANISATION }, false>),
        )
        .route(
            "/o/{handle}/feed.atom",
            get(feeds::serve::<{ feeds::ORGANISATION }, true>),
        )
        .route("/o/{handle}/follow", post(pages::follow::follow))
        .route("/registry", get(pages::registry::registry))
        .route("/statistics", get(pages::stats::statistics))
        .route("/search", get(search::page))
        .route("/funding", get(pages::funding::directory))
        .route("/funding.ics", get(pages::funding_ics::feed))
        .route("/funding/programmes/{id}", get(pages::funding::programme))
        .route(
            "/funding/{uuid}",
            get(pages::funding::programme_or_document),
        )
        .route("/partners", get(pages::partners::looking))
        .merge(crate::partners::peers::router())
        .route("/u/{handle}", get(person::profile_or_actor))
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

/// The interface language: `?lang=`, the language cookie, Accept-Language (by quality), then
/// the instance's.
pub fn negotiate_lang(state: &AppState, headers: &HeaderMap, query: &LangQuery) -> Lang {
    preferred_lang(state, headers, query).unwrap_or_else(|| state.config.main_language())
}

/// The language a visitor picked with `?lang=` (one this instance offers): the page answering
/// it sets the language cookie.
pub fn picked_lang(state: &AppState, query: &LangQuery) -> Option<Lang> {
    query
        .lang
        .as_deref()
        .and_then(|l| l.parse::<Lang>().ok())
        .filter(|l| state.config.instance.languages.contains(l))
}

/// The language of the language cookie, if it names one we offer.
pub fn cookie_lang(state: &AppState, headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANG_COOKIE)
        .and_then(|(_, value)| value.trim().parse::<Lang>().ok())
        .filter(|l| state.config.instance.languages.contains(l))
}

/// The `Set-Cookie` value that remembers `lang` for a year.
pub fn lang_cookie(state: &AppState, lang: Lang) -> String {
    let secure = if state.config.federation.debug {
        ""
    } else {
        "; Secure"
    };
    format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
        lang.code()
    )
}

/// The language the visitor asked for (`?lang=`, the cookie or Accept-Language), if any we
/// offer.
pub fn preferred_lang(state: &AppState, headers: &HeaderMap, query: &LangQuery) -> Option<Lang> {
    let offered = &state.config.instance.languages;
    if let Some(l) = query.lang.as_deref().and_then(|l| l.parse::<Lang>().ok()) {
        return Some(l);
    }
    if let Some(l) = cookie_lang(state, headers) {
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
