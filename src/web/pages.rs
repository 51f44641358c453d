//! Server-rendered pages. Views are built from rows here; templates only display them.

use super::i18n::{Strings, format_date, format_number, strings};
use super::{LangQuery, negotiate_lang};

use crate::db::models::actor::DbActor;
use crate::db::models::follow::DbFollow;
use crate::db::models::post::{DbPost, PostFull};
use crate::error::{AppError, AppResult};
use crate::federation::objects::post::hashtags;
use crate::state::AppState;
use crate::vocab::{Lang, OrgKind, theme};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse, Response};

/// What every page shows around its content.
pub struct Layout {
    pub lang: Lang,
    pub t: &'static Strings,
    pub instance_name: String,
    pub title: String,
    /// Links to this page in each offered language.
    pub switch: Vec<(Lang, String, bool)>,
}

impl Layout {
    pub fn new(state: &AppState, lang: Lang, title: String, path: &str) -> Self {
        let name = state
            .config
            .instance
            .name
            .get(&lang)
            .or_else(|| state.config.instance.name.values().next());
        Layout {
            lang,
            t: strings(lang),
            instance_name: name.cloned().unwrap_or_default(),
            title,
            switch: state
                .config
                .instance
                .languages
                .iter()
                .map(|l| (*l, format!("{path}?lang={}", l.code()), *l == lang))
                .collect(),
        }
    }
}

pub struct PostCard {
    pub url: String,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub author: String,
    pub date: String,
}

fn card(post: &PostFull, author_name: &str, lang: Lang) -> PostCard {
    let tr = post.in_language(lang.code()).or_else(|| post.main());
    PostCard {
        url: post.post.ap_id.to_string(),
        title: tr.map(|t| t.title.clone()).unwrap_or_default(),
        summary: tr.map(|t| t.summary.clone()).unwrap_or_default(),
        language: tr.map(|t| t.language.clone()).unwrap_or_default(),
        author: author_name.to_string(),
        date: format_date(post.post.published.date_naive(), lang),
    }
}

fn render(t: impl Template, lang: Lang) -> AppResult<Response> {
    let html = t.render().map_err(AppError::internal)?;
    Ok((
        [
            (header::CONTENT_LANGUAGE, lang.code()),
            (header::VARY, "Accept, Accept-Language"),
        ],
        Html(html),
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    description: String,
    organisations: Vec<(String, String, String)>,
    posts: Vec<PostCard>,
    figures: Vec<(String, String)>,
}

pub async fn home(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Query<LangQuery>,
) -> AppResult<Response> {
    let lang = negotiate_lang(&state, &headers, &query);
    let mut conn = state.conn().await?;
    let orgs = DbActor::list_local_orgs(&mut conn).await?;
    let latest = DbPost::latest_local(&mut conn, 10).await?;
    let post_count = DbPost::count_local(&mut conn).await?;
    let names: std::collections::HashMap<i64, String> =
        orgs.iter().map(|o| (o.id, o.name.clone())).collect();
    let layout = Layout::new(&state, lang, String::new(), "/");
    let t = layout.t;
    render(
        HomePage {
            description: state
                .config
                .instance
                .description
                .get(&lang)
                .cloned()
                .unwrap_or_default(),
            organisations: orgs
                .iter()
                .map(|o| {
                    let kind = o
                        .org_kind
                        .as_deref()
                        .and_then(|k| k.parse::<OrgKind>().ok())
                        .map(|k| k.label(lang));
                    (
                        state.urls.actor(&o.handle),
                        o.name.clone(),
                        kind.unwrap_or_default().to_string(),
                    )
                })
                .collect(),
            posts: latest
                .iter()
                .map(|p| card(p, names.get(&p.post.actor_id).map_or("", |s| s), lang))
                .collect(),
            figures: vec![
                (
                    t.organisations.to_string(),
                    format_number(orgs.len() as i64, lang),
                ),
                (t.projects.to_string(), format_number(post_count, lang)),
            ],
            layout,
        },
        lang,
    )
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct OrganisationPage {
    layout: Layout,
    name: String,
    handle: String,
    kind: String,
    summary: String,
    fields: Vec<(String, String)>,
    followers: String,
    /// (partner name, partner URL, network, kind, year, status)
    partnerships: Vec<(String, String, String, String, String, String)>,
    pinned: Vec<PostCard>,
    posts: Vec<PostCard>,
    icon: Option<String>,
}

pub async fn organisation(
    state: &AppState,
    actor: DbActor,
    headers: &HeaderMap,
    query: &LangQuery,
) -> AppResult<Response> {
    let lang = negotiate_lang(state, headers, query);
    let mut conn = state.conn().await?;
    let posts = DbPost::page_by_actor(&mut conn, actor.id, None, 20).await?;
    let pinned = DbPost::pinned_by_actor(&mut conn, actor.id).await?;
    let followers = DbFollow::count_followers(&mut conn, actor.id).await?;
    let partnerships = crate::db::models::partnership::DbPartnership::of_actor(&mut conn, actor.id)
        .await?
        .iter()
        .map(|p| {
            let other = p.partner_of(actor.id);
            let kind = p
                .partnership
                .kind
                .parse::<crate::vocab::PartnershipKind>()
                .map(|k| k.label(lang))
                .unwrap_or_default();
            let status = super::i18n::partnership_status(
                &p.partnership.status,
                p.partnership.confirmed,
                lang,
            );
            (
                other.name.clone(),
                other
                    .profile_url
                    .clone()
                    .unwrap_or_else(|| other.ap_id.to_string()),
                other.domain.clone(),
                kind.to_string(),
                p.partnership
                    .founded_year
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
                status.to_string(),
            )
        })
        .collect();
    let summaries = actor.ordered_summaries(lang);
    let summary = summaries
        .iter()
        .find(|(l, _)| l == lang.code())
        .or(summaries.first())
        .map(|(_, s)| s.clone())
        .unwrap_or_default();
    let layout = Layout::new(
        state,
        lang,
        actor.name.clone(),
        &format!("/o/{}", actor.handle),
    );
    render(
        OrganisationPage {
            name: actor.name.clone(),
            handle: format!("@{}@{}", actor.handle, state.config.instance.domain),
            kind: actor
                .org_kind
                .as_deref()
                .and_then(|k| k.parse::<OrgKind>().ok())
                .map(|k| k.label(lang))
                .unwrap_or_default()
                .to_string(),
            summary,
            fields: actor
                .profile_fields(lang)
                .into_iter()
                .map(|f| (f.name, f.value))
                .collect(),
            followers: format_number(followers, lang),
            partnerships,
            pinned: pinned.iter().map(|p| card(p, &actor.name, lang)).collect(),
            posts: posts.iter().map(|p| card(p, &actor.name, lang)).collect(),
            icon: actor.icon_url.clone(),
            layout,
        },
        lang,
    )
}

#[derive(Template)]
#[template(path = "post.html")]
struct PostPage {
    layout: Layout,
    title: String,
    summary: String,
    content: String,
    content_lang: String,
    versions: Vec<(String, String, String, bool)>,
    author_name: String,
    author_url: String,
    published: String,
    updated: Option<String>,
    place: Option<String>,
    dates: Option<String>,
    themes: Vec<String>,
    tags: Vec<String>,
    partners: Vec<(String, String)>,
    images: Vec<(String, String)>,
    /// (author name, author URL, sanitised HTML, date)
    replies: Vec<(String, String, String, String)>,
}

pub async fn post(
    state: &AppState,
    post: PostFull,
    author: DbActor,
    headers: &HeaderMap,
    query: &LangQuery,
) -> AppResult<Response> {
    let lang = negotiate_lang(state, headers, query);
    let mut conn = state.conn().await?;
    let known: std::collections::HashMap<String, String> =
        DbActor::names_by_ap_ids(&mut conn, &post.post.partners)
            .await?
            .into_iter()
            .collect();
    let mut replies = Vec::new();
    for r in DbPost::replies_to(&mut conn, post.post.ap_id.as_str()).await? {
        let who = DbActor::by_id(&mut conn, r.post.actor_id).await?;
        if crate::db::models::delivery::is_blocked(&mut conn, &who.domain).await? {
            continue; // a blocked instance's content is hidden
        }
        let html = r.main().map(|t| t.content_html.clone()).unwrap_or_default();
        let url = who
            .profile_url
            .clone()
            .unwrap_or_else(|| who.ap_id.to_string());
        replies.push((
            format!("{} (@{}@{})", who.name, who.handle, who.domain),
            url,
            html,
            format_date(r.post.published.date_naive(), lang),
        ));
    }
    let partners = post
        .post
        .partners
        .iter()
        .map(|p| {
            (
                p.clone(),
                known.get(p).cloned().unwrap_or_else(|| p.clone()),
            )
        })
        .collect();
    // The content version: the language the visitor asked for, else the post's main one.
    let tr = super::preferred_lang(state, headers, query)
        .and_then(|l| post.in_language(l.code()))
        .or_else(|| post.main())
        .ok_or_else(|| AppError::not_found("this post has no content"))?;
    let path = format!(
        "/posts/{}",
        post.post
            .ap_id
            .path_segments()
            .and_then(|mut s| s.nth(1))
            .unwrap_or("")
    );
    let layout = Layout::new(state, lang, tr.title.clone(), &path);
    let dates = match (post.post.starts_on, post.post.ends_on) {
        (Some(s), Some(e)) if s != e => Some(format!(
            "{} – {}",
            format_date(s, lang),
            format_date(e, lang)
        )),
        (Some(s), _) => Some(format_date(s, lang)),
        (None, Some(e)) => Some(format_date(e, lang)),
        (None, None) => None,
    };
    render(
        PostPage {
            title: tr.title.clone(),
            summary: tr.summary.clone(),
            content: tr.content_html.clone(),
            content_lang: tr.language.clone(),
            versions: post
                .translations
                .iter()
                .map(|t| {
                    let name = t
                        .language
                        .parse::<Lang>()
                        .map(Lang::endonym)
                        .unwrap_or(&t.language)
                        .to_string();
                    (
                        t.language.clone(),
                        name,
                        format!("{path}?lang={}", t.language),
                        t.language == tr.language,
                    )
                })
                .collect(),
            author_name: author.name.clone(),
            author_url: state.urls.actor(&author.handle),
            published: format_date(post.post.published.date_naive(), lang),
            updated: post.post.updated.map(|u| format_date(u.date_naive(), lang)),
            place: post.post.place.clone(),
            dates,
            themes: post
                .post
                .themes
                .iter()
                .filter_map(|t| theme(t))
                .map(|t| t.label(lang).to_string())
                .collect(),
            tags: hashtags(&post),
            partners,
            images: post
                .images
                .iter()
                .map(|i| (i.url.clone(), i.alt_text.clone()))
                .collect(),
            replies,
            layout,
        },
        lang,
    )
}

#[derive(Template)]
#[template(path = "tag.html")]
struct TagPage {
    layout: Layout,
    posts: Vec<PostCard>,
}

/// `/tags/{tag}`: local posts with the theme or SDG a hashtag stands for.
pub async fn tag(
    State(state): State<AppState>,
    axum::extract::Path(tag): axum::extract::Path<String>,
    headers: HeaderMap,
    query: Query<LangQuery>,
) -> AppResult<Response> {
    let lang = negotiate_lang(&state, &headers, &query);
    let (theme, sdg) = crate::vocab::from_hashtag(&tag)
        .ok_or_else(|| AppError::not_found(format!("no theme `#{tag}`")))?;
    let title = match (theme, sdg) {
        (Some(t), _) => t.hashtag(lang),
        (None, Some(n)) => crate::vocab::sdg_hashtag(n),
        _ => format!("#{tag}"),
    };
    let mut conn = state.conn().await?;
    let posts = DbPost::latest_local_tagged(&mut conn, theme.map(|t| t.slug), sdg, 50).await?;
    let orgs = DbActor::list_local_orgs(&mut conn).await?;
    let names: std::collections::HashMap<i64, String> =
        orgs.into_iter().map(|o| (o.id, o.name)).collect();
    let layout = Layout::new(&state, lang, title, &format!("/tags/{tag}"));
    render(
        TagPage {
            posts: posts
                .iter()
                .map(|p| card(p, names.get(&p.post.actor_id).map_or("", |s| s), lang))
                .collect(),
            layout,
        },
        lang,
    )
}
