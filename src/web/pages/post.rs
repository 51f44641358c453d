//! A project page: every language version (the visitor's first, switched by anchors, no
//! script needed), images with their alt text, partners, its likes, shares and replies
//! counted, and the replies from the fediverse.

use super::event::event_box;
use super::organisation::FollowForm;
use super::{Layout, PageLang, Section, date_range, render};
use crate::db::models::actor::DbActor;
use crate::db::models::event::EventFull;
use crate::db::models::post::{DbPost, PostFull};
use crate::error::{AppError, AppResult};
use crate::federation::objects::post::hashtags_in;
use crate::state::AppState;
use crate::vocab::{Lang, theme};
use crate::web::i18n::{format_date, strings};
use crate::web::{LangQuery, preferred_lang};
use askama::Template;
use axum::http::HeaderMap;
use axum::response::Response;
use std::collections::HashMap;

/// One language version of the post.
pub struct Version {
    pub code: String,
    pub name: String,
    pub title: String,
    pub summary: String,
    pub content: String,
}

pub struct Reply {
    pub who: String,
    pub url: String,
    pub html: String,
    pub date: String,
    pub lang: String,
}

#[derive(Template)]
#[template(path = "post.html")]
struct PostPage {
    layout: Layout,
    /// The visitor's version first.
    versions: Vec<Version>,
    author_name: String,
    author_url: String,
    published: String,
    updated: Option<String>,
    place: Option<String>,
    dates: Option<String>,
    /// (label, theme page)
    themes: Vec<(String, String)>,
    tags: Vec<String>,
    partners: Vec<(String, String)>,
    /// (URL, alt text)
    images: Vec<(String, String)>,
    replies: Vec<Reply>,
    /// "3 likes", "1 share", "2 replies", in the visitor's language.
    counts: Vec<String>,
    /// For an `Event` post: when, where, who, how to join.
    event: Option<super::event::EventBox>,
    /// The funding programme that funded the project: ("Funded by", its page, its name).
    funded_by: Option<(&'static str, String, String)>,
}

/// `GET /posts/{id}`: the post's document for ActivityPub clients, its page for everyone
/// else.
pub async fn post_or_document(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Path(id): axum::extract::Path<String>,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<LangQuery>,
) -> AppResult<Response> {
    use crate::federation::routes::{load_local_post, post_json, wants_activity_json};
    if wants_activity_json(&headers) {
        return post_json(&state, &id).await;
    }
    let (full, author) = load_local_post(&state, &id).await?;
    // A thread or comment of one of our groups lives on the forum's pages.
    if let Some(place) = super::forum::forum_place(&state, &full.post).await? {
        return Ok(axum::response::IntoResponse::into_response(
            axum::response::Redirect::to(&place),
        ));
    }
    post(&state, full, author, &headers, &query).await
}

/// The page of a local post (from `GET /posts/{id}` when a browser asks).
pub async fn post(
    state: &AppState,
    post: PostFull,
    author: DbActor,
    headers: &HeaderMap,
    query: &LangQuery,
) -> AppResult<Response> {
    page(state, post, author, headers, query, FollowForm::default()).await
}

/// The page of a local post, an event's with its join box as given.
pub async fn page(
    state: &AppState,
    post: PostFull,
    author: DbActor,
    headers: &HeaderMap,
    query: &LangQuery,
    join_form: FollowForm,
) -> AppResult<Response> {
    let pl = PageLang::of(state, headers, query);
    let lang = pl.lang;
    let mut conn = state.conn().await?;
    let known: HashMap<String, String> = DbActor::names_by_ap_ids(&mut conn, &post.post.partners)
        .await?
        .into_iter()
        .collect();
    let funded_by = match post.post.funded_by.as_deref() {
        Some(id) => Some(funded_by(&mut conn, id, lang).await?),
        None => None,
    };
    let counts = crate::db::models::inbox::post_counts(&mut conn, &[post.post.id])
        .await?
        .remove(&post.post.id)
        .unwrap_or_default();
    let t = strings(lang);
    let counts = vec![
        t.count_likes(counts.likes),
        t.count_shares(counts.shares),
        t.count_replies(counts.replies),
    ];
    let mut replies = Vec::new();
    // A blocked instance's replies are hidden.
    for (r, who) in DbPost::visible_replies_to(&mut conn, post.post.ap_id.as_str()).await? {
        let main = r.main();
        replies.push(Reply {
            who: format!("{} (@{}@{})", who.name, who.handle, who.domain),
            url: who
                .profile_url
                .clone()
                .unwrap_or_else(|| who.ap_id.to_string()),
            html: main.map(|t| t.content_html.clone()).unwrap_or_default(),
            lang: main.map(|t| t.language.clone()).unwrap_or_default(),
            date: format_date(r.post.published.date_naive(), lang),
        });
    }
    let event = if post.post.object_type == "Event" {
        EventFull::load(&mut conn, post.clone()).await?
    } else {
        None
    };
    drop(conn);
    let event = match &event {
        Some(full) => Some(event_box(state, full, &author, lang, join_form).await?),
        None => None,
    };
    // The visitor's language first if the post has it, else the post's main language first.
    let first = preferred_lang(state, headers, query)
        .and_then(|l| post.in_language(l.code()))
        .or_else(|| post.main())
        .ok_or_else(|| AppError::not_found("this post has no content"))?;
    let mut versions: Vec<Version> = vec![first]
        .into_iter()
        .chain(
            post.translations
                .iter()
                .filter(|t| t.language != first.language),
        )
        .map(|t| Version {
            code: t.language.clone(),
            name: t
                .language
                .parse::<Lang>()
                .map(Lang::endonym)
                .unwrap_or(&t.language)
                .to_string(),
            title: t.title.clone(),
            summary: t.summary.clone(),
            content: t.content_html.clone(),
        })
        .collect();
    versions.dedup_by(|a, b| a.code == b.code);
    let path = format!(
        "/posts/{}",
        post.post
            .ap_id
            .path_segments()
            .and_then(|mut s| s.nth(1))
            .unwrap_or("")
    );
    let author_path = format!("/o/{}", author.handle);
    let layout = Layout::new(state, pl, first.title.clone(), &path, Section::Other).with_feeds(
        &format!("{author_path}/feed"),
        &format!(
            "{} {}",
            crate::web::i18n::strings(lang).projects_of,
            author.name
        ),
    );
    let page = PostPage {
        versions,
        author_name: author.name.clone(),
        author_url: state.urls.actor(&author.handle),
        published: format_date(post.post.published.date_naive(), lang),
        updated: post.post.updated.map(|u| format_date(u.date_naive(), lang)),
        // An event says when and where in its own box.
        place: post.post.place.clone().filter(|_| event.is_none()),
        dates: date_range(post.post.starts_on, post.post.ends_on, lang).filter(|_| event.is_none()),
        themes: post
            .post
            .themes
            .iter()
            .filter_map(|t| theme(t))
            .map(|t| (t.label(lang).to_string(), format!("/tags/{}", t.slug)))
            .collect(),
        // In the language of the version shown first, as its title.
        tags: hashtags_in(
            &post,
            first
                .language
                .parse()
                .or_else(|_| post.post.main_language.parse())
                .unwrap_or(Lang::De),
        ),
        partners: post
            .post
            .partners
            .iter()
            .map(|p| {
                (
                    p.clone(),
                    known.get(p).cloned().unwrap_or_else(|| p.clone()),
                )
            })
            .collect(),
        images: post
            .images
            .iter()
            .map(|i| (i.url.clone(), i.alt_text.clone()))
            .collect(),
        replies,
        counts,
        event,
        funded_by,
        layout,
    };
    render(state, &page, &page.layout)
}

/// A post's funding programme as its page names it: the programme's page here and its name
/// in `lang` when the directory has it, else its id.
async fn funded_by(
    conn: &mut diesel_async::AsyncPgConnection,
    id: &str,
    lang: Lang,
) -> AppResult<(&'static str, String, String)> {
    use crate::db::models::funding::DbProgramme;
    let label = crate::locale::text(lang, "fund-funded-by").unwrap_or("");
    Ok(match DbProgramme::by_ap_id(conn, id).await? {
        Some(row) => {
            let href = format!("/funding/programmes/{}", row.id);
            let full = DbProgramme::full(conn, row).await?;
            let name = full.text(lang.code()).map(|t| t.name.clone());
            (label, href, name.unwrap_or_else(|| id.to_string()))
        }
        None => (label, id.to_string(), id.to_string()),
    })
}
