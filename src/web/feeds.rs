//! RSS 2.0 and Atom feeds of an organisation's projects, a theme's, a group's threads and the
//! showcase, in the visitor's language (`?lang=`, else as for pages), each item linking to
//! its HTML page.

use super::pages::tag::tag_title;
use super::{LangQuery, negotiate_lang};
use crate::db::models::actor::DbActor;
use crate::db::models::post::{DbPost, PostFull};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::vocab::{Lang, theme};
use crate::web::i18n::strings;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::fmt::Write;

const ITEMS: i64 = 30;

/// Text for XML content and attributes: the five entities escaped, and characters XML 1.0
/// forbids dropped.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

struct Feed {
    title: String,
    description: String,
    /// The HTML page the feed belongs to.
    page: String,
    /// The feed's own URL.
    self_url: String,
    lang: Lang,
    items: Vec<Item>,
}

struct Item {
    title: String,
    link: String,
    author: String,
    published: DateTime<Utc>,
    updated: DateTime<Utc>,
    summary: String,
    content_html: String,
    categories: Vec<String>,
}

fn item(post: &PostFull, author: &str, lang: Lang) -> Item {
    let tr = post.in_language(lang.code()).or_else(|| post.main());
    Item {
        title: tr.map(|t| t.title.clone()).unwrap_or_default(),
        link: post.post.ap_id.to_string(),
        author: author.to_string(),
        published: post.post.published,
        updated: post.post.updated.unwrap_or(post.post.published),
        summary: tr.map(|t| t.summary.clone()).unwrap_or_default(),
        content_html: tr.map(|t| t.content_html.clone()).unwrap_or_default(),
        categories: post
            .post
            .themes
            .iter()
            .filter_map(|t| theme(t))
            .map(|t| t.label(lang).to_string())
            .collect(),
    }
}

fn rss(feed: &Feed) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = write!(
        out,
        "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>{}</title><link>{}</link><description>{}</description><language>{}</language><atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>",
        xml_escape(&feed.title),
        xml_escape(&feed.page),
        xml_escape(&feed.description),
        feed.lang.code(),
        xml_escape(&feed.self_url),
    );
    if let Some(latest) = feed.items.iter().map(|i| i.updated).max() {
        let _ = write!(
            out,
            "<lastBuildDate>{}</lastBuildDate>",
            latest.to_rfc2822()
        );
    }
    for i in &feed.items {
        let _ = write!(
            out,
            "<item><title>{}</title><link>{}</link><guid isPermaLink=\"true\">{}</guid><pubDate>{}</pubDate><description>{}</description>",
            xml_escape(&i.title),
            xml_escape(&i.link),
            xml_escape(&i.link),
            i.published.to_rfc2822(),
            xml_escape(&format!(
                "<p>{}</p>{}",
                crate::text::escape(&i.summary),
                i.content_html
            )),
        );
        for c in &i.categories {
            let _ = write!(out, "<category>{}</category>", xml_escape(c));
        }
        out.push_str("</item>");
    }
    out.push_str("</channel></rss>\n");
    out
}

fn atom(feed: &Feed) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let updated = feed
        .items
        .iter()
        .map(|i| i.updated)
        .max()
        .unwrap_or(DateTime::UNIX_EPOCH);
    let _ = write!(
        out,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\"><id>{}</id><title>{}</title><subtitle>{}</subtitle><updated>{}</updated><link rel=\"alternate\" type=\"text/html\" href=\"{}\"/><link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        feed.lang.code(),
        xml_escape(&feed.self_url),
        xml_escape(&feed.title),
        xml_escape(&feed.description),
        updated.to_rfc3339(),
        xml_escape(&feed.page),
        xml_escape(&feed.self_url),
    );
    for i in &feed.items {
        let _ = write!(
            out,
            "<entry><id>{}</id><title>{}</title><published>{}</published><updated>{}</updated><link rel=\"alternate\" type=\"text/html\" href=\"{}\"/><author><name>{}</name></author><summary>{}</summary><content type=\"html\">{}</content>",
            xml_escape(&i.link),
            xml_escape(&i.title),
            i.published.to_rfc3339(),
            i.updated.to_rfc3339(),
            xml_escape(&i.link),
            xml_escape(&i.author),
            xml_escape(&i.summary),
            xml_escape(&i.content_html),
        );
        for c in &i.categories {
            let _ = write!(out, "<category term=\"{}\"/>", xml_escape(c));
        }
        out.push_str("</entry>");
    }
    out.push_str("</feed>\n");
    out
}

fn respond(body: String, mime: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, mime),
            (header::VARY, "Accept-Language, Cookie"),
        ],
        body,
    )
        .into_response()
}

/// The two formats every feed is served in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Rss,
    Atom,
}

impl Format {
    /// The ending of the feed's file name (`feed.rss`, `feed.atom`).
    pub fn ext(self) -> &'static str {
        match self {
            Format::Rss => "rss",
            Format::Atom => "atom",
        }
    }

    fn respond(self, feed: &Feed) -> Response {
        match self {
            Format::Rss => respond(rss(feed), "application/rss+xml; charset=utf-8"),
            Format::Atom => respond(atom(feed), "application/atom+xml; charset=utf-8"),
        }
    }
}

/// A feed of posts for a page of its own (`{page}/feed.rss` or `.atom`): the showcase's,
/// say.
pub fn list_feed(
    title: &str,
    description: &str,
    page: &str,
    lang: Lang,
    posts: &[(&PostFull, &str)],
    format: Format,
) -> Response {
    let feed = Feed {
        title: title.to_string(),
        description: description.to_string(),
        self_url: format!("{page}/feed.{}?lang={}", format.ext(), lang.code()),
        page: page.to_string(),
        lang,
        items: posts.iter().map(|(p, a)| item(p, a, lang)).collect(),
    };
    format.respond(&feed)
}

async fn organisation_feed(
    state: &AppState,
    handle: &str,
    headers: &HeaderMap,
    query: &LangQuery,
    ext: &str,
) -> AppResult<Feed> {
    let lang = negotiate_lang(state, headers, query);
    let mut conn = state.conn().await?;
    let actor = DbActor::local_by_handle(&mut conn, handle)
        .await?
        .filter(DbActor::is_organisation)
        .ok_or_else(|| {
            AppError::not_found(format!("no organisation `{handle}` on this instance"))
        })?;
    let posts = DbPost::page_by_actor(&mut conn, actor.id, None, ITEMS).await?;
    let page = state.urls.actor(&actor.handle);
    Ok(Feed {
        title: format!("{} {}", strings(lang).projects_of, actor.name),
        description: actor
            .summary_in(lang.code())
            .unwrap_or_default()
            .to_string(),
        self_url: format!("{page}/feed.{ext}?lang={}", lang.code()),
        page,
        lang,
        items: posts.iter().map(|p| item(p, &actor.name, lang)).collect(),
    })
}

async fn theme_feed(
    state: &AppState,
    tag: &str,
    headers: &HeaderMap,
    query: &LangQuery,
    ext: &str,
) -> AppResult<Feed> {
    let lang = negotiate_lang(state, headers, query);
    let (title, theme, sdg) = tag_title(tag, lang)?;
    let mut conn = state.conn().await?;
    let posts = DbPost::latest_local_tagged(&mut conn, theme, sdg, ITEMS).await?;
    let names: HashMap<i64, String> = DbActor::list_local_orgs(&mut conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let page = format!("{}/tags/{}", state.urls.base(), tag.to_lowercase());
    let network = state
        .config
        .instance
        .name
        .get(&lang)
        .cloned()
        .unwrap_or_default();
    Ok(Feed {
        title: format!("{} {title}", strings(lang).projects_on),
        description: network,
        self_url: format!("{page}/feed.{ext}?lang={}", lang.code()),
        page,
        lang,
        items: posts
            .iter()
            .map(|p| item(p, names.get(&p.post.actor_id).map_or("", |s| s), lang))
            .collect(),
    })
}

/// A group's latest threads, linked to their pages here.
async fn group_feed(
    state: &AppState,
    handle: &str,
    headers: &HeaderMap,
    query: &LangQuery,
    ext: &str,
) -> AppResult<Feed> {
    let lang = negotiate_lang(state, headers, query);
    let group = crate::federation::groups::local_group(state, handle).await?;
    let mut conn = state.conn().await?;
    let threads =
        crate::db::models::group::threads(&mut conn, group.actor.ap_id.as_str(), ITEMS, 0).await?;
    let authors = DbActor::by_ids(&mut conn, threads.iter().map(|t| t.post.post.actor_id)).await?;
    let mut items = Vec::with_capacity(threads.len());
    for t in &threads {
        let author = authors
            .get(&t.post.post.actor_id)
            .map_or("", |a| a.name.as_str());
        let mut i = item(&t.post, author, lang);
        i.link = format!("{}/g/{handle}/t/{}", state.urls.base(), t.post.post.id);
        i.updated = t.last_activity;
        items.push(i);
    }
    let page = state.urls.group(handle);
    let f = crate::web::i18n::forum_strings(lang);
    Ok(Feed {
        title: format!("{} {}", f.group_feed, group.name_in(lang.code())),
        description: group
            .actor
            .summary_in(lang.code())
            .unwrap_or_default()
            .to_string(),
        self_url: format!("{page}/feed.{ext}?lang={}", lang.code()),
        page,
        lang,
        items,
    })
}

/// Which page's feed a route serves (a const parameter of [`serve`]).
pub const ORGANISATION: u8 = 0;
pub const GROUP: u8 = 1;
pub const THEME: u8 = 2;

/// `/o/{handle}`, `/g/{handle}` or `/tags/{tag}` + `/feed.rss` or `/feed.atom`: one handler
/// for the six routes, told by its const parameters which page and which format.
pub async fn serve<const SOURCE: u8, const ATOM: bool>(
    State(state): State<AppState>,
    Path(key): Path<String>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> AppResult<Response> {
    let format = if ATOM { Format::Atom } else { Format::Rss };
    let ext = format.ext();
    let feed = match SOURCE {
        GROUP => group_feed(&state, &key, &headers, &q, ext).await?,
        THEME => theme_feed(&state, &key, &headers, &q, ext).await?,
        _ => organisation_feed(&state, &key, &headers, &q, ext).await?,
    };
    Ok(format.respond(&feed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_xml_well_formed() {
        assert_eq!(
            xml_escape("a<b>&\"c' \u{0}\u{7}d\n"),
            "a&lt;b&gt;&amp;&quot;c&apos; d\n"
        );
    }
}
