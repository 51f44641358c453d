//! The instance home: what this network is, figures at a glance, featured projects, upcoming
//! events, the latest projects and the organisations.

use super::events::{EventCard, event_cards};
use super::{Layout, PageLang, PostCard, Section, card, render};
use crate::db::models::actor::DbActor;
use crate::db::models::event::{DbEvent, EventFilter};
use crate::db::models::partnership::DbPartnership;
use crate::db::models::post::{DbPost, PostFull};
use crate::error::AppResult;
use crate::partnerships::stats;
use crate::state::AppState;
use crate::vocab::{Lang, OrgKind};
use crate::web::LangQuery;
use crate::web::i18n::format_number;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    description: String,
    /// (URL, name, kind)
    organisations: Vec<(String, String, String)>,
    featured: Vec<PostCard>,
    /// The latest posts of the network's showcase.
    showcase: Vec<PostCard>,
    r: &'static crate::web::i18n::ReviewStrings,
    /// Events running or to come, soonest first.
    upcoming: Vec<EventCard>,
    posts: Vec<PostCard>,
    /// (label, figure, link)
    figures: Vec<(String, String, String)>,
}

pub async fn home(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Query<LangQuery>,
) -> AppResult<Response> {
    let pl = PageLang::of(&state, &headers, &query);
    let lang = pl.lang;
    let mut conn = state.conn().await?;
    let orgs = DbActor::list_local_orgs(&mut conn).await?;
    let latest = DbPost::latest_local(&mut conn, 10).await?;
    let featured = DbPost::pinned_local(&mut conn, 6).await?;
    let filter = EventFilter {
        local_only: true,
        ..EventFilter::default()
    };
    let upcoming = DbEvent::upcoming(&mut conn, &filter, chrono::Utc::now(), 6).await?;
    let upcoming = event_cards(&mut conn, &upcoming, lang).await?;
    let post_count = DbPost::count_local(&mut conn).await?;
    let showcase = super::showcase::latest_cards(&mut conn, lang, 3).await?;
    let records: Vec<stats::Record> = DbPartnership::all(&mut conn)
        .await?
        .iter()
        .map(stats::record)
        .collect();
    let confirmed = stats::compute(&stats::merge(records)).confirmed;
    drop(conn);
    let names: HashMap<i64, String> = orgs.iter().map(|o| (o.id, o.name.clone())).collect();
    let cards = |posts: &[PostFull]| -> Vec<PostCard> {
        posts
            .iter()
            .map(|p| card(p, names.get(&p.post.actor_id).map_or("", |s| s), lang))
            .collect()
    };
    let layout = Layout::new(&state, pl, String::new(), "/", Section::Home);
    let t = layout.t;
    let page = HomePage {
        description: state
            .config
            .instance
            .description
            .get(&lang)
            .or_else(|| state.config.instance.description.values().next())
            .cloned()
            .unwrap_or_default(),
        organisations: orgs
            .iter()
            .map(|o| {
                (
                    state.urls.actor(&o.handle),
                    o.name.clone(),
                    kind_label(o, lang).to_string(),
                )
            })
            .collect(),
        featured: cards(&featured),
        showcase,
        r: crate::web::i18n::review_strings(lang),
        upcoming,
        posts: cards(&latest),
        figures: vec![
            (
                t.organisations.to_string(),
                format_number(orgs.len() as i64, lang),
                "#orgs".to_string(),
            ),
            (
                t.confirmed_partnerships.to_string(),
                format_number(confirmed as i64, lang),
                "/registry?confirmed=true".to_string(),
            ),
            (
                t.projects.to_string(),
                format_number(post_count, lang),
                "#latest".to_string(),
            ),
        ],
        layout,
    };
    render(&state, &page, &page.layout)
}

/// An organisation's kind in words, or nothing.
pub fn kind_label(o: &DbActor, lang: Lang) -> &'static str {
    o.org_kind
        .as_deref()
        .and_then(|k| k.parse::<OrgKind>().ok())
        .map(|k| k.label(lang))
        .unwrap_or_default()
}
