//! The network's showcase: the posts its reviewers approved (from this network or another),
//! latest approval first, on a page of their own, as RSS and Atom, and in a box on the home
//! page.

use super::{Layout, PageLang, PostCard, Section, card, render};
use crate::db::models::actor::DbActor;
use crate::db::models::post::{DbPost, PostFull};
use crate::db::models::submission as db;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::vocab::Lang;
use crate::web::LangQuery;
use crate::web::i18n::{ReviewStrings, review_strings};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use diesel_async::AsyncPgConnection;

/// The approved posts of the network's showcase, with their authors, latest approval first.
pub async fn approved(
    conn: &mut AsyncPgConnection,
    limit: i64,
    offset: i64,
) -> AppResult<
    Option<(
        crate::db::models::group::GroupFull,
        Vec<(PostFull, DbActor)>,
    )>,
> {
    let Some(showcase) = crate::review::default_showcase(conn).await? else {
        return Ok(None);
    };
    let ids: Vec<i64> = db::approved_posts(conn, showcase.actor.id, limit, offset)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let posts = DbPost::live_by_ids(conn, &ids).await?;
    let authors = DbActor::by_ids(conn, posts.iter().map(|p| p.post.actor_id)).await?;
    let posts = posts
        .into_iter()
        .filter_map(|p| authors.get(&p.post.actor_id).cloned().map(|a| (p, a)))
        .collect();
    Ok(Some((showcase, posts)))
}

/// Cards of the showcase's latest approved posts (the home page's box).
pub async fn latest_cards(
    conn: &mut AsyncPgConnection,
    lang: Lang,
    n: i64,
) -> AppResult<Vec<PostCard>> {
    Ok(approved(conn, n, 0)
        .await?
        .map(|(_, posts)| posts.iter().map(|(p, a)| card(p, &a.name, lang)).collect())
        .unwrap_or_default())
}

#[derive(Template)]
#[template(path = "showcase.html")]
struct ShowcasePage {
    layout: Layout,
    r: &'static ReviewStrings,
    posts: Vec<PostCard>,
    /// The showcase group's address, to follow it from the fediverse.
    address: Option<String>,
}

pub async fn page(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Query<LangQuery>,
) -> AppResult<Response> {
    let pl = PageLang::of(&state, &headers, &query);
    let lang = pl.lang;
    let r = review_strings(lang);
    let mut conn = state.conn().await?;
    let found = approved(&mut conn, 60, 0).await?;
    drop(conn);
    let (address, posts) = match found {
        Some((group, posts)) => (
            Some(format!("@{}@{}", group.actor.handle, group.actor.domain)),
            posts.iter().map(|(p, a)| card(p, &a.name, lang)).collect(),
        ),
        None => (None, vec![]),
    };
    let page = ShowcasePage {
        layout: Layout::new(
            &state,
            pl,
            r.showcase.to_string(),
            "/showcase",
            Section::Home,
        ),
        r,
        posts,
        address,
    };
    render(&state, &page, &page.layout)
}

/// `/showcase/feed.rss` and `/showcase/feed.atom`.
pub async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> AppResult<Response> {
    let mut conn = state.conn().await?;
    let found = approved(&mut conn, 30, 0).await?;
    drop(conn);
    let lang = crate::web::negotiate_lang(&state, &headers, &q);
    let r = review_strings(lang);
    let network = state
        .config
        .instance
        .name
        .get(&lang)
        .cloned()
        .unwrap_or_default();
    let posts = found.map(|(_, p)| p).unwrap_or_default();
    let page = format!("{}/showcase", state.urls.base());
    let items: Vec<(&PostFull, &str)> = posts.iter().map(|(p, a)| (p, a.name.as_str())).collect();
    let title = format!("{} – {network}", r.showcase);
    use crate::web::feeds::{Format, list_feed};
    let format = match file.as_str() {
        "feed.rss" => Format::Rss,
        "feed.atom" => Format::Atom,
        _ => return Err(AppError::not_found("no such feed")),
    };
    Ok(list_feed(&title, &network, &page, lang, &items, format))
}
