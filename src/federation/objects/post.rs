//! Post rows ⇄ `Article` documents (replies: plain `Note`s addressed to the thread), and
//! the `Create` that published each.

use crate::db::models::actor::DbActor;
use crate::db::models::event::{DbEvent, DbParticipation};
use crate::db::models::inbox::{PostCounts, post_counts};
use crate::db::models::post::{DbPost, PostData, PostFull, TranslationData};
use crate::federation::PUBLIC;
use crate::federation::objects::event::{EventPart, make_event};
use crate::federation::protocol::actor::{ImageJson, PlaceJson};
use crate::federation::protocol::article::{
    ArticleJson, Attachment, CreateJson, NaiveDateOrTime, Source, Tag,
};
use crate::federation::protocol::collection::Collection;
use crate::federation::urls::Urls;
use crate::text;
use crate::vocab::{Lang, sdg_hashtag, theme};
use diesel::QueryResult;
use diesel_async::AsyncPgConnection;
use serde_json::{Map, Value};
use url::Url;

/// Whom a reply answers: the author of the post it replies to, and the group (FEP-1b12: a
/// Lemmy community, an Mbin magazine) that post belongs to.
#[derive(Debug, Clone)]
pub struct Thread {
    pub parent_author: DbActor,
    /// The group by id, from the answered post's stored `audience`.
    pub group: Option<Url>,
    /// The group's row, when we know the actor (its inbox gets the reply).
    pub group_actor: Option<DbActor>,
}

impl Thread {
    /// The thread of a reply, from the post it answers; `None` for a post that is not a
    /// reply, or answers a post we do not have.
    pub async fn of(conn: &mut AsyncPgConnection, post: &DbPost) -> QueryResult<Option<Thread>> {
        let Some(parent) = &post.in_reply_to else {
            return Ok(None);
        };
        let Some(parent) = DbPost::by_ap_id(conn, parent).await? else {
            return Ok(None);
        };
        let parent_author = DbActor::by_id(conn, parent.actor_id).await?;
        // A reply to a reply in a group's thread stays in the group: our own replies keep
        // the group they were sent to.
        let group = parent
            .audience
            .as_deref()
            .or(post.audience.as_deref())
            .and_then(|g| Url::parse(g).ok());
        let group_actor = match &group {
            Some(g) => DbActor::by_ap_id(conn, g.as_str()).await?,
            None => None,
        };
        Ok(Some(Thread {
            parent_author,
            group,
            group_actor,
        }))
    }
}

/// What a post's document says besides its own rows: its counts, and a reply's thread.
#[derive(Debug, Clone, Default)]
pub struct PostExtras {
    pub counts: PostCounts,
    pub thread: Option<Thread>,
    /// An `Event` post's event part.
    pub event: Option<EventPart>,
}

impl PostExtras {
    pub async fn load(conn: &mut AsyncPgConnection, post: &PostFull) -> QueryResult<PostExtras> {
        let mut many = Self::load_many(conn, std::slice::from_ref(post)).await?;
        Ok(many.pop().unwrap_or_default())
    }

    /// The extras of several posts, in their order: the counts in one query, a thread per
    /// reply.
    pub async fn load_many(
        conn: &mut AsyncPgConnection,
        posts: &[PostFull],
    ) -> QueryResult<Vec<PostExtras>> {
        let ids: Vec<i64> = posts.iter().map(|p| p.post.id).collect();
        let counts = post_counts(conn, &ids).await?;
        let event_ids: Vec<i64> = posts
            .iter()
            .filter(|p| p.post.object_type == "Event")
            .map(|p| p.post.id)
            .collect();
        let (mut events, accepted) = if event_ids.is_empty() {
            Default::default()
        } else {
            (
                DbEvent::by_posts(conn, &event_ids).await?,
                DbParticipation::accepted_counts(conn, &event_ids).await?,
            )
        };
        let mut out = Vec::with_capacity(posts.len());
        for p in posts {
            out.push(PostExtras {
                counts: counts.get(&p.post.id).copied().unwrap_or_default(),
                thread: Thread::of(conn, &p.post).await?,
                event: events.remove(&p.post.id).map(|event| EventPart {
                    event,
                    accepted: accepted.get(&p.post.id).copied().unwrap_or(0),
                }),
            });
        }
        Ok(out)
    }
}

/// The URL of one of a post's collections: `{post}/likes`, `/shares`, `/replies`.
pub fn post_collection_id(post_ap_id: &str, which: &str) -> String {
    format!("{}/{which}", post_ap_id.trim_end_matches('/'))
}

/// `@name@host`, as a `Mention` names an actor.
pub fn mention_name(actor: &DbActor) -> String {
    format!("@{}@{}", actor.handle, actor.domain)
}

/// The hashtags of a post: its themes in its main language, then its SDGs.
pub fn hashtags(post: &PostFull) -> Vec<String> {
    hashtags_in(post, post.post.main_language.parse().unwrap_or(Lang::De))
}

/// The hashtags of a post with its themes in `lang` (the language of the version shown).
pub fn hashtags_in(post: &PostFull, lang: Lang) -> Vec<String> {
    post.post
        .themes
        .iter()
        .filter_map(|t| theme(t))
        .map(|t| t.hashtag(lang))
        .chain(post.post.sdgs.iter().map(|g| sdg_hashtag(*g)))
        .collect()
}

/// The document of a local post: an `Article`, or for a reply a plain `Note` without
/// `name` or `summary`, addressed to the thread (the answered post's author in `cc` with a
/// `Mention`; its group in `to` and `audience`), as Lemmy, Mastodon and Mbin thread it.
pub fn article_json(
    post: &PostFull,
    author: &DbActor,
    urls: &Urls,
    extras: &PostExtras,
) -> Result<ArticleJson, url::ParseError> {
    let map = |f: fn(&crate::db::models::post::DbTranslation) -> &str| -> Map<String, Value> {
        post.translations
            .iter()
            .map(|t| (t.language.clone(), Value::String(f(t).to_string())))
            .collect()
    };
    let main = post.main();
    // The author's own collection (a Person's is under `/u/`), else the organisation's.
    let followers = match author.followers_url.as_deref() {
        Some(f) => Url::parse(f)?,
        None => Url::parse(&urls.followers(&author.handle))?,
    };
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
    let reply = post.post.in_reply_to.is_some();
    let mut to = vec![Url::parse(PUBLIC)?];
    let mut cc = vec![followers];
    let mut tag = tag;
    let mut audience = None;
    if let Some(thread) = extras.thread.as_ref().filter(|_| reply) {
        if thread.parent_author.id != author.id {
            cc.push(thread.parent_author.ap_id.0.clone());
            tag.push(Tag {
                kind: "Mention".into(),
                name: Some(mention_name(&thread.parent_author)),
                href: Some(thread.parent_author.ap_id.0.clone()),
            });
        }
        if let Some(group) = &thread.group {
            // Lemmy finds the community in `to`/`cc`; it puts it in `to` itself.
            to.push(group.clone());
            audience = Some(group.clone());
        }
    } else if let Some(group) = post.post.audience.as_deref().filter(|_| !reply) {
        // A thread in a group (FEP-1b12): the group in `to` and `audience`.
        let group = Url::parse(group)?;
        to.push(group.clone());
        audience = Some(group);
    }
    // A group's thread is a `Page` (title and body, no summary), as Lemmy has it.
    let thread = !reply && post.post.object_type == "Page";
    let id = post.post.ap_id.as_str();
    let collection =
        |which: &str, n: i64| Some(Collection::counted(post_collection_id(id, which), n));
    let midnight = |d: chrono::NaiveDate| {
        NaiveDateOrTime::DateTime(d.and_time(chrono::NaiveTime::MIN).and_utc())
    };
    let mut doc = ArticleJson {
        // Replies are Notes, so that Mastodon shows their text in the thread; no title and
        // no summary (a summary would be a content warning).
        kind: if reply {
            "Note"
        } else if thread {
            "Page"
        } else {
            "Article"
        }
        .into(),
        id: post.post.ap_id.0.clone(),
        attributed_to: author.ap_id.0.clone(),
        name: main.filter(|_| !reply).map(|t| t.title.clone()),
        name_map: (!reply).then(|| map(|t| &t.title)),
        summary: main
            .filter(|_| !reply && !thread)
            .map(|t| t.summary.clone()),
        summary_map: (!reply && !thread).then(|| map(|t| &t.summary)),
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
        to,
        cc,
        attachment: post
            .images
            .iter()
            .filter_map(|i| {
                Some(Attachment::Image(ImageJson {
                    kind: "Image".into(),
                    url: Url::parse(&i.url).ok()?,
                    media_type: i.media_type.clone(),
                    name: Some(i.alt_text.clone()),
                }))
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
        funded_by: post
            .post
            .funded_by
            .as_deref()
            .and_then(|u| Url::parse(u).ok()),
        audience,
        // Lemmy shows a thread's picture from `image` (and its link from the attachment).
        image: thread
            .then(|| post.images.first())
            .flatten()
            .and_then(super::images::thread_image),
        replies: collection("replies", extras.counts.replies),
        likes: collection("likes", extras.counts.likes),
        shares: collection("shares", extras.counts.shares),
        event: None,
    };
    if let Some(part) = &extras.event {
        make_event(&mut doc, part, post.post.local, &post.post.main_language);
    }
    Ok(doc)
}

/// The `Create` of a local post, as the outbox lists it and as it is delivered: addressed
/// as its object.
pub fn create_json(
    post: &PostFull,
    author: &DbActor,
    urls: &Urls,
    extras: &PostExtras,
) -> Result<CreateJson, url::ParseError> {
    let object = article_json(post, author, urls, extras)?;
    Ok(CreateJson {
        kind: "Create".into(),
        id: Url::parse(&Urls::create_activity(post.post.ap_id.as_str()))?,
        actor: author.ap_id.0.clone(),
        published: Some(post.post.published),
        to: object.to.clone(),
        cc: object.cc.clone(),
        audience: object.audience.clone(),
        object,
    })
}

/// A remote object as what we store: its language versions (from the maps, or the plain
/// properties), sanitised HTML, a title and a plain summary.
pub fn remote_post_data(obj: &ArticleJson) -> PostData {
    let text_of = |m: &Option<serde_json::Map<String, Value>>, lang: &str| -> Option<String> {
        m.as_ref()
            .and_then(|m| m.get(lang))
            .and_then(Value::as_str)
            .map(String::from)
    };
    let mut languages: Vec<String> = obj
        .content_map
        .iter()
        .chain(obj.name_map.iter())
        .flat_map(|m| m.keys().cloned())
        .collect();
    languages.dedup();
    let mut seen = std::collections::HashSet::new();
    languages.retain(|l| seen.insert(l.clone()));
    if languages.is_empty() {
        languages.push("und".into());
    }
    let translations: Vec<TranslationData> = languages
        .iter()
        .map(|lang| {
            let content = text_of(&obj.content_map, lang)
                .or_else(|| obj.content.clone())
                .unwrap_or_default();
            let content_html = text::sanitize_html(&content);
            let plain = text::html_to_text(&content_html);
            let title = text_of(&obj.name_map, lang)
                .or_else(|| obj.name.clone())
                .map(|t| text::html_to_text(&t))
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| plain.chars().take(80).collect());
            let summary = text_of(&obj.summary_map, lang)
                .or_else(|| obj.summary.clone())
                .map(|s| text::html_to_text(&s))
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| plain.chars().take(300).collect());
            TranslationData {
                language: lang.chars().take(16).collect(),
                title,
                summary,
                body_markdown: None,
                content_html,
            }
        })
        .collect();
    PostData {
        object_type: obj.kind.clone(),
        main_language: translations[0].language.clone(),
        themes: obj
            .themes
            .iter()
            .filter(|t| crate::vocab::theme(t).is_some())
            .cloned()
            .collect(),
        sdgs: obj
            .sdgs
            .iter()
            .copied()
            .filter(|g| (1..=17).contains(g))
            .collect(),
        partners: obj.partners.iter().map(|u| u.to_string()).collect(),
        place: obj.location.as_ref().and_then(|l| l.name.clone()),
        starts_on: obj.start_time.as_ref().map(|t| t.date()),
        ends_on: obj
            .end_time
            .as_ref()
            .map(|t| t.date())
            .filter(|e| obj.start_time.as_ref().is_none_or(|s| *e >= s.date())),
        html_url: obj.url.as_ref().map(|u| u.to_string()),
        in_reply_to: obj.in_reply_to.as_ref().map(|u| u.to_string()),
        funded_by: obj
            .funded_by
            .as_ref()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .map(|u| u.to_string()),
        translations,
        images: super::images::received(obj),
    }
}
