//! Post rows ⇄ `Article` documents, and the `Create` that published each.

use crate::db::models::actor::DbActor;
use crate::db::models::post::PostFull;
use crate::federation::PUBLIC;
use crate::federation::protocol::actor::{ImageJson, PlaceJson};
use crate::federation::protocol::article::{ArticleJson, CreateJson, NaiveDateOrTime, Source, Tag};
use crate::federation::urls::Urls;
use crate::vocab::{Lang, sdg_hashtag, theme};
use serde_json::{Map, Value};
use url::Url;

/// The hashtags of a post: its themes in its main language, then its SDGs.
pub fn hashtags(post: &PostFull) -> Vec<String> {
    let lang: Lang = post.post.main_language.parse().unwrap_or(Lang::De);
    post.post
        .themes
        .iter()
        .filter_map(|t| theme(t))
        .map(|t| t.hashtag(lang))
        .chain(post.post.sdgs.iter().map(|g| sdg_hashtag(*g)))
        .collect()
}

/// The `Article` of a local post.
pub fn article_json(
    post: &PostFull,
    author: &DbActor,
    urls: &Urls,
) -> Result<ArticleJson, url::ParseError> {
    let map = |f: fn(&crate::db::models::post::DbTranslation) -> &str| -> Map<String, Value> {
        post.translations
            .iter()
            .map(|t| (t.language.clone(), Value::String(f(t).to_string())))
            .collect()
    };
    let main = post.main();
    let followers = Url::parse(&urls.followers(&author.handle))?;
    let tag = hashtags(post)
        .into_iter()
        .map(|name| {
            Ok(Tag {
                kind: "Hashtag".into(),
                href: Some(Url::parse(&urls.tag(&name))?),
                name: Some(name),
            })
        })
        .collect::<Result<Vec<_>, url::ParseError>>()?;
    let midnight = |d: chrono::NaiveDate| {
        NaiveDateOrTime::DateTime(d.and_time(chrono::NaiveTime::MIN).and_utc())
    };
    Ok(ArticleJson {
        kind: "Article".into(),
        id: post.post.ap_id.0.clone(),
        attributed_to: author.ap_id.0.clone(),
        name: main.map(|t| t.title.clone()),
        name_map: Some(map(|t| &t.title)),
        summary: main.map(|t| t.summary.clone()),
        summary_map: Some(map(|t| &t.summary)),
        content: main.map(|t| t.content_html.clone()),
        content_map: Some(map(|t| &t.content_html)),
        media_type: Some("text/html".into()),
        source: main
            .and_then(|t| t.body_markdown.clone())
            .map(|content| Source {
                content,
                media_type: "text/markdown".into(),
            }),
        url: Some(post.post.ap_id.0.clone()),
        tag,
        published: Some(post.post.published),
        updated: post.post.updated,
        to: vec![Url::parse(PUBLIC)?],
        cc: vec![followers],
        attachment: post
            .images
            .iter()
            .filter_map(|i| {
                Some(ImageJson {
                    kind: "Image".into(),
                    url: Url::parse(&i.url).ok()?,
                    media_type: i.media_type.clone(),
                    name: Some(i.alt_text.clone()),
                })
            })
            .collect(),
        location: post.post.place.clone().map(|name| PlaceJson {
            kind: "Place".into(),
            name: Some(name),
            latitude: None,
            longitude: None,
        }),
        start_time: post.post.starts_on.map(midnight),
        end_time: post.post.ends_on.map(midnight),
        in_reply_to: post
            .post
            .in_reply_to
            .as_deref()
            .and_then(|u| Url::parse(u).ok()),
        themes: post.post.themes.clone(),
        sdgs: post.post.sdgs.clone(),
        partners: post
            .post
            .partners
            .iter()
            .filter_map(|p| Url::parse(p).ok())
            .collect(),
    })
}

/// The `Create` of a local post, as the outbox lists it.
pub fn create_json(
    post: &PostFull,
    author: &DbActor,
    urls: &Urls,
) -> Result<CreateJson, url::ParseError> {
    let object = article_json(post, author, urls)?;
    Ok(CreateJson {
        kind: "Create".into(),
        id: Url::parse(&Urls::create_activity(post.post.ap_id.as_str()))?,
        actor: author.ap_id.0.clone(),
        published: Some(post.post.published),
        to: object.to.clone(),
        cc: object.cc.clone(),
        object,
    })
}
