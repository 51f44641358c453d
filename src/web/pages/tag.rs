//! `/tags/{tag}`: a theme's (or an SDG's) local projects, with the theme's feeds.

use super::{Layout, PageLang, PostCard, Section, card, render};
use crate::db::models::actor::DbActor;
use crate::db::models::post::DbPost;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::LangQuery;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "tag.html")]
struct TagPage {
    layout: Layout,
    posts: Vec<PostCard>,
}

/// The title of a theme or SDG page, from its hashtag in any language; 404 if unknown.
pub fn tag_title(
    tag: &str,
    lang: crate::vocab::Lang,
) -> AppResult<(String, Option<&'static str>, Option<i16>)> {
    let (theme, sdg) = crate::vocab::from_hashtag(tag)
        .ok_or_else(|| AppError::not_found(format!("no theme `#{tag}`")))?;
    let title = match (theme, sdg) {
        (Some(t), _) => t.hashtag(lang),
        (None, Some(n)) => crate::vocab::sdg_hashtag(n),
        _ => format!("#{tag}"),
    };
    Ok((title, theme.map(|t| t.slug), sdg))
}

pub async fn tag(
    State(state): State<AppState>,
    Path(tag): Path<String>,
    headers: HeaderMap,
    query: Query<LangQuery>,
) -> AppResult<Response> {
    let pl = PageLang::of(&state, &headers, &query);
    let (title, theme, sdg) = tag_title(&tag, pl.lang)?;
    let mut conn = state.conn().await?;
    let posts = DbPost::latest_local_tagged(&mut conn, theme, sdg, 50).await?;
    let orgs = DbActor::list_local_orgs(&mut conn).await?;
    drop(conn);
    let names: HashMap<i64, String> = orgs.into_iter().map(|o| (o.id, o.name)).collect();
    let path = format!("/tags/{}", tag.to_lowercase());
    let feed_title = format!("{} {title}", crate::web::i18n::strings(pl.lang).projects_on);
    let layout = Layout::new(&state, pl, title, &path, Section::Other)
        .with_feeds(&format!("{path}/feed"), &feed_title);
    let page = TagPage {
        posts: posts
            .iter()
            .map(|p| card(p, names.get(&p.post.actor_id).map_or("", |s| s), pl.lang))
            .collect(),
        layout,
    };
    render(&state, &page, &page.layout)
}
