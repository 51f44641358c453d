//! Server-rendered pages. Views are built from rows here; templates only display them.
//! One file per page: home, organisation (with the follow box in `follow`), post (with an
//! event's box and join box in `event`), events (the calendar and event cards), ics (the
//! iCalendar feeds), registry (with its map), stats, tag; and `error`, the error page
//! browsers get.

pub mod error;
pub mod event;
pub mod events;
pub mod follow;
pub mod forum;
pub mod forum_moderation;
pub mod funding;
pub mod funding_ics;
pub mod home;
pub mod ics;
pub mod organisation;
pub mod partners;
pub mod post;
pub mod registry;
pub mod showcase;
pub mod stats;
pub mod tag;

pub use organisation::organisation;
pub use post::post;

use super::i18n::{Strings, format_date, strings};
use super::{LangQuery, lang_cookie, negotiate_lang, picked_lang};
use crate::db::models::post::PostFull;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::vocab::Lang;
use askama::Template;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};

/// Which entry of the main navigation a page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    Events,
    Forum,
    Registry,
    Statistics,
    Search,
    Other,
}

/// A feed offered in a page's head (`<link rel="alternate">`) and on the page.
pub struct FeedLink {
    pub mime: &'static str,
    pub title: String,
    pub href: String,
}

/// What every page shows around its content.
pub struct Layout {
    pub lang: Lang,
    pub t: &'static Strings,
    pub instance_name: String,
    pub title: String,
    /// Links to this page in each offered language (they set the language cookie).
    pub switch: Vec<(Lang, String, bool)>,
    /// Main navigation: (label, href, current).
    pub nav: Vec<(&'static str, &'static str, bool)>,
    pub feeds: Vec<FeedLink>,
    /// The visitor picked this language just now: remember it.
    remember: bool,
}

/// The language of a request, and whether the visitor picked it with the switch.
#[derive(Debug, Clone, Copy)]
pub struct PageLang {
    pub lang: Lang,
    pub picked: bool,
}

impl PageLang {
    pub fn of(state: &AppState, headers: &HeaderMap, query: &LangQuery) -> PageLang {
        PageLang {
            lang: negotiate_lang(state, headers, query),
            picked: picked_lang(state, query).is_some(),
        }
    }
}

/// `path` with `lang=code` added to its query.
pub fn with_lang(path: &str, code: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}lang={code}")
}

impl Layout {
    pub fn new(
        state: &AppState,
        pl: PageLang,
        title: String,
        path: &str,
        section: Section,
    ) -> Self {
        let lang = pl.lang;
        let name = state
            .config
            .instance
            .name
            .get(&lang)
            .or_else(|| state.config.instance.name.values().next());
        let t = strings(lang);
        Layout {
            lang,
            t,
            instance_name: name.cloned().unwrap_or_default(),
            title,
            switch: state
                .config
                .instance
                .languages
                .iter()
                .map(|l| (*l, with_lang(path, l.code()), *l == lang))
                .collect(),
            nav: vec![
                (t.home, "/", section == Section::Home),
                (t.ev_nav, "/events", section == Section::Events),
                (
                    super::i18n::forum_strings(lang).nav,
                    "/forum",
                    section == Section::Forum,
                ),
                (t.registry, "/registry", section == Section::Registry),
                (t.statistics, "/statistics", section == Section::Statistics),
                (t.search, "/search", section == Section::Search),
                (
                    crate::locale::text(lang, "fund-nav").unwrap_or("?"),
                    "/funding",
                    path.starts_with("/funding"),
                ),
                (
                    crate::locale::text(lang, "partners-nav").unwrap_or("?"),
                    "/partners",
                    path.starts_with("/partners"),
                ),
            ],
            feeds: Vec::new(),
            remember: pl.picked,
        }
    }

    /// The RSS and Atom feeds at `base` (`/o/{handle}/feed`, `/tags/{tag}/feed`), in the
    /// page's language (feed readers send no cookie and seldom a language).
    pub fn with_feeds(mut self, base: &str, title: &str) -> Self {
        self.feeds = vec![
            FeedLink {
                mime: "application/rss+xml",
                title: format!("{} ({})", title, self.t.rss_feed),
                href: format!("{base}.rss?lang={}", self.lang.code()),
            },
            FeedLink {
                mime: "application/atom+xml",
                title: format!("{} ({})", title, self.t.atom_feed),
                href: format!("{base}.atom?lang={}", self.lang.code()),
            },
        ];
        self
    }
}

/// A post as a card in a list.
pub struct PostCard {
    pub url: String,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub author: String,
    pub date: String,
    /// When and where, for events.
    pub when: Option<String>,
    pub place: Option<String>,
}

pub fn card(post: &PostFull, author_name: &str, lang: Lang) -> PostCard {
    let tr = post.in_language(lang.code()).or_else(|| post.main());
    PostCard {
        url: post.post.ap_id.to_string(),
        title: tr.map(|t| t.title.clone()).unwrap_or_default(),
        summary: tr.map(|t| t.summary.clone()).unwrap_or_default(),
        language: tr.map(|t| t.language.clone()).unwrap_or_default(),
        author: author_name.to_string(),
        date: format_date(post.post.published.date_naive(), lang),
        when: date_range(post.post.starts_on, post.post.ends_on, lang),
        place: post.post.place.clone(),
    }
}

/// "5 March 2026 – 7 March 2026", or one date.
pub fn date_range(
    starts: Option<chrono::NaiveDate>,
    ends: Option<chrono::NaiveDate>,
    lang: Lang,
) -> Option<String> {
    match (starts, ends) {
        (Some(s), Some(e)) if s != e => Some(format!(
            "{} – {}",
            format_date(s, lang),
            format_date(e, lang)
        )),
        (Some(s), _) => Some(format_date(s, lang)),
        (None, Some(e)) => Some(format_date(e, lang)),
        (None, None) => None,
    }
}

/// Renders a page (`layout` being its own) in the layout's language, remembering a language
/// the visitor just picked.
pub fn render(state: &AppState, page: &impl Template, layout: &Layout) -> AppResult<Response> {
    let html = page.render().map_err(AppError::internal)?;
    let mut resp = (
        [
            (header::CONTENT_LANGUAGE, layout.lang.code()),
            (header::VARY, "Accept, Accept-Language, Cookie"),
        ],
        Html(html),
    )
        .into_response();
    if layout.remember
        && let Ok(cookie) = HeaderValue::from_str(&lang_cookie(state, layout.lang))
    {
        resp.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    Ok(resp)
}
