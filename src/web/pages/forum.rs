//! The forum's pages: `/forum` (the network's groups and latest threads), `/g/{handle}` (a
//! group: its threads by latest activity, rules, moderators, how to follow it from the
//! fediverse; the `Group` actor for ActivityPub clients), `/g/{handle}/t/{id}` (a thread
//! with its comments threaded). Logged-in editors write threads and replies as one of
//! their organisations, or as themselves (their own Person, when it is on, offered first:
//! speaking for an organisation is the choice to make explicitly); moderators remove, lock
//! and pin from the same pages. The forms post to this module too (session and CSRF as in
//! the editors' interface).

use super::{Layout, PageLang, Section, render};
use crate::db::models::account::Account;
use crate::db::models::actor::DbActor;
use crate::db::models::group::{self, DbGroup, GroupFull, ThreadSummary};
use crate::db::models::post::{DbPost, PostFull};
use crate::error::{AppError, AppResult};
use crate::federation::activities::group::ModAction;
use crate::federation::groups::local_group;
use crate::forum::{self, CommentInput, Target, ThreadInput};
use crate::state::AppState;
use crate::vocab::Lang;
use crate::web::LangQuery;
use crate::web::form::FormState;
use crate::web::i18n::{ForumStrings, format_date, forum_strings};
use crate::web::session::Session;
use crate::web::web_error::WebError;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use std::collections::HashMap;

/// A group in a list.
pub struct GroupItem {
    pub name: String,
    pub url: String,
    pub description: String,
    pub address: String,
}

/// A thread in a list.
pub struct ThreadItem {
    pub title: String,
    pub url: String,
    pub language: String,
    pub author: String,
    pub group: String,
    pub comments: i64,
    pub last_activity: String,
    pub locked: bool,
    pub pinned: bool,
}

/// One comment of a thread, at its depth in the tree.
pub struct CommentItem {
    pub anchor: String,
    pub ap_id: String,
    pub author: String,
    pub author_url: String,
    pub date: String,
    pub language: String,
    pub html: String,
    pub removed: bool,
    pub depth: usize,
    /// (URL, alt text, stored here): a picture stored elsewhere is a link, not loaded.
    pub images: Vec<(String, String, bool)>,
}

/// What a logged-in visitor may write as, and the form's state.
pub struct Writer {
    pub csrf: String,
    /// Who the forms write as: (handle, label); the account's own Person first when it is
    /// on, then its organisations.
    pub orgs: Vec<(String, String)>,
    /// The account has no Person on: the page offers to set one up (the link's text).
    pub offer_person: Option<&'static str>,
    pub moderator: bool,
    pub error: Option<String>,
    pub title: String,
    pub body: String,
    pub reply_to: String,
    /// A refused report: why, which post, and the reason typed.
    pub report_error: Option<String>,
    pub report_object: String,
    pub report_reason: String,
    /// For moderators: the group's reports waiting.
    pub open_reports: i64,
    /// A thread's picture stored with a refused attempt, and its description.
    pub image_url: String,
    pub image_alt: String,
    /// A refused attempt's choices, chosen again on the page shown back: who it wrote as
    /// (a handle of `orgs`), and in which language.
    pub written_as: String,
    pub written_in: Option<Lang>,
}

#[derive(Template)]
#[template(path = "forum/index.html")]
struct IndexPage {
    layout: Layout,
    f: &'static ForumStrings,
    groups: Vec<GroupItem>,
    threads: Vec<ThreadItem>,
}

#[derive(Template)]
#[template(path = "forum/group.html")]
struct GroupPage {
    layout: Layout,
    f: &'static ForumStrings,
    group: GroupItem,
    rules: Option<String>,
    mods_only: bool,
    moderators: Vec<String>,
    threads: Vec<ThreadItem>,
    writer: Option<Writer>,
    languages: Vec<(Lang, bool)>,
}

#[derive(Template)]
#[template(path = "forum/thread.html")]
struct ThreadPage {
    layout: Layout,
    f: &'static ForumStrings,
    group: GroupItem,
    thread_id: String,
    thread_ap_id: String,
    title: String,
    language: String,
    html: String,
    /// The thread's pictures: address, description, and whether it is stored here (a
    /// picture elsewhere is linked, not shown: a page never makes its readers ask another
    /// server).
    images: Vec<(String, String, bool)>,
    author: String,
    author_url: String,
    date: String,
    locked: bool,
    pinned: bool,
    comments: Vec<CommentItem>,
    /// The comments not removed, as the group's list counts them.
    live_comments: usize,
    writer: Option<Writer>,
    notice: Option<&'static str>,
    languages: Vec<(Lang, bool)>,
}

pub(super) fn group_item(state: &AppState, g: &GroupFull, lang: Lang) -> GroupItem {
    GroupItem {
        name: g.name_in(lang.code()).to_string(),
        url: format!("/g/{}", g.actor.handle),
        description: g
            .actor
            .summary_in(lang.code())
            .unwrap_or_default()
            .to_string(),
        address: format!("@{}@{}", g.actor.handle, state.config.instance.domain),
    }
}

/// The thread's page here: `/g/{handle}/t/{id}`.
pub(super) fn thread_url(handle: &str, post: &DbPost) -> String {
    format!("/g/{handle}/t/{}", post.id)
}

async fn thread_items(
    conn: &mut diesel_async::AsyncPgConnection,
    threads: &[ThreadSummary],
    groups: &HashMap<String, (String, String)>,
    lang: Lang,
) -> AppResult<Vec<ThreadItem>> {
    let authors = DbActor::by_ids(conn, threads.iter().map(|t| t.post.post.actor_id)).await?;
    // Threads from blocked servers are not listed (their pages answer as any blocked post).
    let blocked = crate::db::models::delivery::blocked_actors(conn, &authors).await?;
    let mut out = Vec::with_capacity(threads.len());
    for t in threads {
        let p = &t.post;
        if blocked.contains(&p.post.actor_id) {
            continue;
        }
        let tr = p.in_language(lang.code()).or_else(|| p.main());
        let (handle, group_name) = p
            .post
            .audience
            .as_ref()
            .and_then(|a| groups.get(a))
            .cloned()
            .unwrap_or_default();
        out.push(ThreadItem {
            title: tr.map(|t| t.title.clone()).unwrap_or_default(),
            url: thread_url(&handle, &p.post),
            language: tr.map(|t| t.language.clone()).unwrap_or_default(),
            author: authors
                .get(&p.post.actor_id)
                .map(|a| a.name.clone())
                .unwrap_or_default(),
            group: group_name,
            comments: t.comments,
            last_activity: format_date(t.last_activity.date_naive(), lang),
            locked: t.locked,
            pinned: t.post.post.pinned_at.is_some(),
        });
    }
    Ok(out)
}

fn group_names(groups: &[GroupFull], lang: Lang) -> HashMap<String, (String, String)> {
    groups
        .iter()
        .map(|g| {
            (
                g.actor.ap_id.to_string(),
                (g.actor.handle.clone(), g.name_in(lang.code()).to_string()),
            )
        })
        .collect()
}

pub(super) fn layout(state: &AppState, pl: PageLang, title: String, path: &str) -> Layout {
    Layout::new(state, pl, title, path, Section::Forum)
}

/// `GET /forum`.
pub async fn index(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    let pl = PageLang::of(&state, &headers, &query);
    let f = forum_strings(pl.lang);
    let mut conn = state.conn().await?;
    let groups = DbGroup::list_local(&mut conn).await?;
    let ids: Vec<String> = groups.iter().map(|g| g.actor.ap_id.to_string()).collect();
    let latest = group::latest_threads(&mut conn, &ids, 20).await?;
    let names = group_names(&groups, pl.lang);
    let threads = thread_items(&mut conn, &latest, &names, pl.lang).await?;
    drop(conn);
    let page = IndexPage {
        layout: layout(&state, pl, f.title.to_string(), "/forum"),
        f,
        groups: groups
            .iter()
            .map(|g| group_item(&state, g, pl.lang))
            .collect(),
        threads,
    };
    render(&state, &page, &page.layout)
}

/// Who may write here: a session's organisations (all of them for admins).
pub(super) async fn writer(
    state: &AppState,
    headers: &HeaderMap,
    group: &GroupFull,
) -> AppResult<Option<Writer>> {
    let Some(session) = Session::from_headers(state, headers).await? else {
        return Ok(None);
    };
    let mut conn = state.conn().await?;
    let person = forum::person::active(&mut conn, session.account.id).await?;
    let lang = PageLang::of(state, headers, &LangQuery { lang: None }).lang;
    let offer_person = person
        .is_none()
        .then(|| crate::web::person::text(lang, "person-set-up"));
    let orgs = person
        .map(|p| {
            let label = format!(
                "{} (@{})",
                crate::web::person::text(lang, "person-myself"),
                p.handle
            );
            (p.handle, label)
        })
        .into_iter()
        .chain(
            writable_orgs(&mut conn, &session.account)
                .await?
                .into_iter()
                .map(|h| (h.clone(), h)),
        )
        .collect();
    let moderator = forum::may_moderate(&mut conn, group, &session.account).await?;
    let open_reports = if moderator {
        crate::db::models::group_report::open_count(&mut conn, group.actor.id).await?
    } else {
        0
    };
    Ok(Some(Writer {
        csrf: session.csrf,
        orgs,
        offer_person,
        moderator,
        error: None,
        title: String::new(),
        body: String::new(),
        reply_to: String::new(),
        report_error: None,
        report_object: String::new(),
        report_reason: String::new(),
        open_reports,
        image_url: String::new(),
        image_alt: String::new(),
        written_as: String::new(),
        written_in: None,
    }))
}

async fn writable_orgs(
    conn: &mut diesel_async::AsyncPgConnection,
    account: &Account,
) -> AppResult<Vec<String>> {
    Ok(if account.is_admin {
        DbActor::list_local_orgs(conn)
            .await?
            .into_iter()
            .map(|a| a.handle)
            .collect()
    } else {
        Account::edited_handles(conn, account.id).await?
    })
}

fn languages(state: &AppState, current: Lang) -> Vec<(Lang, bool)> {
    state
        .config
        .instance
        .languages
        .iter()
        .map(|l| (*l, *l == current))
        .collect()
}

/// `GET /g/{handle}`: the group's page, or its actor document for ActivityPub clients.
pub async fn group_or_actor(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    if crate::federation::routes::wants_activity_json(&headers) {
        return crate::federation::groups::group_document(&state, &handle).await;
    }
    let g = local_group(&state, &handle).await?;
    let w = writer(&state, &headers, &g).await?;
    group_page(&state, g, &headers, &query, w, StatusCode::OK).await
}

async fn group_page(
    state: &AppState,
    g: GroupFull,
    headers: &HeaderMap,
    query: &LangQuery,
    writer: Option<Writer>,
    status: StatusCode,
) -> AppResult<Response> {
    let pl = PageLang::of(state, headers, query);
    let f = forum_strings(pl.lang);
    let mut conn = state.conn().await?;
    let list = group::threads(&mut conn, g.actor.ap_id.as_str(), 100, 0).await?;
    let names = group_names(std::slice::from_ref(&g), pl.lang);
    let threads = thread_items(&mut conn, &list, &names, pl.lang).await?;
    let mut moderators = group::moderator_usernames(&mut conn, g.actor.id).await?;
    moderators.extend(
        group::moderator_actors(&mut conn, g.actor.id)
            .await?
            .into_iter()
            .map(|a| a.name),
    );
    drop(conn);
    let item = group_item(state, &g, pl.lang);
    let path = item.url.clone();
    let layout = layout(state, pl, item.name.clone(), &path).with_feeds(
        &format!("{path}/feed"),
        &format!("{} {}", f.group_feed, item.name),
    );
    let page = GroupPage {
        layout,
        f,
        rules: g.rules_in(pl.lang.code()).map(String::from),
        mods_only: g.group.posting_restricted_to_mods,
        moderators,
        group: item,
        threads,
        languages: languages(
            state,
            writer
                .as_ref()
                .and_then(|w| w.written_in)
                .unwrap_or(pl.lang),
        ),
        writer,
    };
    let mut resp = render(state, &page, &page.layout)?;
    *resp.status_mut() = status;
    Ok(resp)
}

#[derive(Debug, Deserialize)]
pub struct ThreadQuery {
    pub lang: Option<String>,
    pub notice: Option<String>,
}

/// The notices the thread page shows after a form, by key (nothing else is shown).
fn notice(f: &'static ForumStrings, key: Option<&str>) -> Option<&'static str> {
    match key? {
        "thread_started" => Some(f.thread_started),
        "comment_posted" => Some(f.comment_posted),
        "moderation_done" => Some(f.moderation_done),
        "report_sent" => Some(f.report_sent),
        _ => None,
    }
}

/// A thread of this group, by its number here.
pub(super) async fn group_thread(state: &AppState, g: &GroupFull, id: i64) -> AppResult<PostFull> {
    let mut conn = state.conn().await?;
    let post = DbPost::by_id(&mut conn, id)
        .await?
        .filter(|p| {
            p.in_reply_to.is_none() && p.audience.as_deref() == Some(g.actor.ap_id.as_str())
        })
        .ok_or_else(|| AppError::not_found(format!("no thread {id} in this group")))?;
    if post.deleted_at.is_some() {
        return Err(AppError::new(
            StatusCode::GONE,
            "gone",
            "this thread was removed",
        ));
    }
    Ok(DbPost::full(&mut conn, post).await?)
}

/// `GET /g/{handle}/t/{id}`.
pub async fn thread(
    State(state): State<AppState>,
    Path((handle, id)): Path<(String, i64)>,
    headers: HeaderMap,
    Query(q): Query<ThreadQuery>,
) -> AppResult<Response> {
    let g = local_group(&state, &handle).await?;
    let post = group_thread(&state, &g, id).await?;
    let w = writer(&state, &headers, &g).await?;
    let query = LangQuery { lang: q.lang };
    thread_page(
        &state,
        g,
        post,
        &headers,
        &query,
        w,
        q.notice.as_deref(),
        StatusCode::OK,
    )
    .await
}

/// Comments in tree order (each after the one it answers), with their depth; answers to
/// posts we do not have follow at the top level.
fn threaded<'a>(root: &'a str, comments: &'a [PostFull]) -> Vec<(usize, &'a PostFull)> {
    let mut children: HashMap<&str, Vec<&PostFull>> = HashMap::new();
    let known: std::collections::HashSet<&str> =
        comments.iter().map(|c| c.post.ap_id.as_str()).collect();
    for c in comments {
        let parent = c
            .post
            .in_reply_to
            .as_deref()
            .filter(|p| known.contains(p))
            .unwrap_or(root);
        children.entry(parent).or_default().push(c);
    }
    let mut out = Vec::with_capacity(comments.len());
    let mut stack: Vec<(usize, &PostFull)> = children
        .get(root)
        .map(|v| v.iter().rev().map(|c| (0, *c)).collect())
        .unwrap_or_default();
    while let Some((depth, c)) = stack.pop() {
        out.push((depth, c));
        if let Some(kids) = children.get(c.post.ap_id.as_str()) {
            stack.extend(kids.iter().rev().map(|k| (depth + 1, *k)));
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn thread_page(
    state: &AppState,
    g: GroupFull,
    post: PostFull,
    headers: &HeaderMap,
    query: &LangQuery,
    writer: Option<Writer>,
    notice_key: Option<&str>,
    status: StatusCode,
) -> AppResult<Response> {
    let pl = PageLang::of(state, headers, query);
    let lang = pl.lang;
    let f = forum_strings(lang);
    let mut conn = state.conn().await?;
    let forum_state = group::forum_state(&mut conn, post.post.id).await?;
    let comments = group::comments(&mut conn, post.post.ap_id.as_str()).await?;
    let authors = DbActor::by_ids(
        &mut conn,
        comments
            .iter()
            .chain(std::iter::once(&post))
            .map(|p| p.post.actor_id),
    )
    .await?;
    // Comments from blocked servers are hidden, as replies are on posts' pages; they keep
    // their place, as a removed comment does, so that the answers to them stay threaded.
    let blocked = crate::db::models::delivery::blocked_actors(&mut conn, &authors).await?;
    let hidden = |id: i64| blocked.contains(&id);
    drop(conn);
    let who = |id: i64| -> (String, String) {
        authors.get(&id).map_or_else(Default::default, |a| {
            (
                a.name.clone(),
                a.profile_url.clone().unwrap_or_else(|| a.ap_id.to_string()),
            )
        })
    };
    let media = format!("{}/media/", state.urls.base());
    let items: Vec<CommentItem> = threaded(post.post.ap_id.as_str(), &comments)
        .into_iter()
        .map(|(depth, c)| {
            let tr = c.in_language(lang.code()).or_else(|| c.main());
            let (author, author_url) = who(c.post.actor_id);
            CommentItem {
                anchor: format!("c{}", c.post.id),
                ap_id: c.post.ap_id.to_string(),
                author,
                author_url,
                date: format_date(c.post.published.date_naive(), lang),
                language: tr.map(|t| t.language.clone()).unwrap_or_default(),
                html: tr.map(|t| t.content_html.clone()).unwrap_or_default(),
                removed: c.post.deleted_at.is_some() || hidden(c.post.actor_id),
                depth: depth.min(5),
                images: c
                    .images
                    .iter()
                    .map(|i| (i.url.clone(), i.alt_text.clone(), i.url.starts_with(&media)))
                    .collect(),
            }
        })
        .collect();
    let tr = post.in_language(lang.code()).or_else(|| post.main());
    let title = tr.map(|t| t.title.clone()).unwrap_or_default();
    let (author, author_url) = who(post.post.actor_id);
    let item = group_item(state, &g, lang);
    let path = thread_url(&g.actor.handle, &post.post);
    let page = ThreadPage {
        layout: layout(state, pl, title.clone(), &path),
        f,
        group: item,
        thread_id: post.post.id.to_string(),
        thread_ap_id: post.post.ap_id.to_string(),
        title,
        language: tr.map(|t| t.language.clone()).unwrap_or_default(),
        html: tr.map(|t| t.content_html.clone()).unwrap_or_default(),
        images: post
            .images
            .iter()
            .map(|i| {
                let here = i.url.starts_with(&format!("{}/media/", state.urls.base()));
                (i.url.clone(), i.alt_text.clone(), here)
            })
            .collect(),
        author,
        author_url,
        date: format_date(post.post.published.date_naive(), lang),
        locked: forum_state.locked_at.is_some(),
        pinned: post.post.pinned_at.is_some(),
        live_comments: items.iter().filter(|c| !c.removed).count(),
        comments: items,
        languages: languages(
            state,
            writer.as_ref().and_then(|w| w.written_in).unwrap_or(lang),
        ),
        writer,
        notice: notice(f, notice_key),
    };
    let mut resp = render(state, &page, &page.layout)?;
    *resp.status_mut() = status;
    Ok(resp)
}

/// Who a form writes as: the account's own Person while it is on, or an organisation the
/// session may write for.
async fn author_of(
    state: &AppState,
    session: &Session,
    form: &FormState,
) -> Result<Option<DbActor>, WebError> {
    let handle = form.val("as");
    let mut conn = state.conn().await?;
    if let Some(me) = forum::person::active(&mut conn, session.account.id).await?
        && me.handle.eq_ignore_ascii_case(handle)
    {
        return Ok(Some(me));
    }
    if !writable_orgs(&mut conn, &session.account)
        .await?
        .iter()
        .any(|h| h == handle)
    {
        return Ok(None);
    }
    Ok(DbActor::local_by_handle(&mut conn, handle).await?)
}

fn form_lang(state: &AppState, form: &FormState) -> Lang {
    form.val("language")
        .parse()
        .unwrap_or_else(|_| state.config.main_language())
}

/// A form's refusal as the page shows it, in the visitor's language: which of "required"
/// and "too long" applies is told by what was typed (`title`, `body`); an image too large
/// names the limit (`max_mb`).
fn form_error(
    e: &AppError,
    t: &crate::web::i18n::Strings,
    f: &ForumStrings,
    (title, body): (&str, &str),
    max_mb: usize,
) -> String {
    let required_or_long = |typed: &str| {
        if typed.trim().is_empty() {
            t.required
        } else {
            t.too_long
        }
    };
    match (e.status, e.field.as_deref()) {
        (StatusCode::UNPROCESSABLE_ENTITY, Some("title")) => required_or_long(title).into(),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("body")) => required_or_long(body).into(),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("image.alt")) => f.image_alt_required.into(),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("image.file")) if e.message.contains("larger") => {
            t.upload_over_limit(&max_mb.to_string())
        }
        (StatusCode::UNPROCESSABLE_ENTITY, Some("image.file")) => t.not_an_image.into(),
        (StatusCode::FORBIDDEN, _) if e.message.contains("locked") => f.locked_notice.into(),
        (StatusCode::FORBIDDEN, _) if e.message.contains("moderators") => f.mods_only.into(),
        (StatusCode::FORBIDDEN, _) if e.message.contains("banned") => f.banned.into(),
        // The domain's words in the page's language where it has them (a post answered that
        // was removed meanwhile, a removed thread…).
        _ => e.message_in(t.lang()).unwrap_or_else(|| e.message.clone()),
    }
}

/// A thread form's fields and its image file (the form is multipart when it carries one;
/// a plain form is read too). A file over the media limit is reported, not kept.
async fn read_thread_form(
    state: &AppState,
    headers: &HeaderMap,
    req: axum::extract::Request,
) -> Result<(FormState, Option<Vec<u8>>, bool), WebError> {
    use axum::extract::FromRequest;
    let multipart = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("multipart/form-data"));
    if !multipart {
        let Form(pairs) = Form::<Vec<(String, String)>>::from_request(req, state)
            .await
            .map_err(|e| WebError::new(StatusCode::BAD_REQUEST, e.body_text()))?;
        return Ok((FormState::new(pairs), None, false));
    }
    let mut mp = axum::extract::Multipart::from_request(req, state)
        .await
        .map_err(|e| WebError::new(StatusCode::BAD_REQUEST, e.body_text()))?;
    let max = state.config.media.max_bytes;
    let (mut pairs, mut file, mut oversized) = (Vec::new(), None, false);
    loop {
        let mut field = match mp.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                oversized = true;
                break;
            }
            Err(e) => return Err(WebError::new(StatusCode::BAD_REQUEST, e.body_text())),
        };
        let name = field.name().unwrap_or_default().to_string();
        if name == "image_file" {
            let mut bytes = Vec::new();
            while let Some(chunk) = field
                .chunk()
                .await
                .map_err(|e| WebError::new(StatusCode::BAD_REQUEST, e.body_text()))?
            {
                if bytes.len() + chunk.len() > max {
                    oversized = true;
                    bytes.clear();
                    break;
                }
                bytes.extend_from_slice(&chunk);
            }
            if !bytes.is_empty() && !oversized {
                file = Some(bytes);
            }
        } else {
            let text = field
                .text()
                .await
                .map_err(|e| WebError::new(StatusCode::BAD_REQUEST, e.body_text()))?;
            pairs.push((name, text.replace(crate::input::NUL, "\u{fffd}")));
        }
    }
    Ok((FormState::new(pairs), file, oversized))
}

/// The thread's picture: a file sent with the form (stored now, with its description), or
/// one stored with an earlier attempt of the same form (`image_url`).
async fn form_image(
    state: &AppState,
    session: &Session,
    author: &DbActor,
    form: &FormState,
    file: Option<Vec<u8>>,
    oversized: bool,
) -> Result<Option<forum::ThreadImage>, AppError> {
    let alt = form.val("image_alt").trim().to_string();
    if oversized {
        return Err(AppError::invalid(
            "image.file",
            format!(
                "the image is larger than {} MB",
                state.config.media.max_bytes / (1024 * 1024)
            ),
        ));
    }
    let url = match file {
        Some(_) if alt.is_empty() => {
            return Err(AppError::invalid(
                "image.alt",
                "describe the image for people who cannot see it",
            ));
        }
        Some(bytes) => {
            match crate::media::store(state, author.id, session.account.id, bytes, &alt).await? {
                Ok(row) => crate::media::url(state, &row.file_name),
                Err(_) => {
                    return Err(AppError::invalid(
                        "image.file",
                        "not a JPEG, PNG, WebP or GIF image that can be read",
                    ));
                }
            }
        }
        None if !form.val("image_url").is_empty() => form.val("image_url").to_string(),
        None => return Ok(None),
    };
    Ok(Some(forum::ThreadImage { url, alt }))
}

/// `POST /g/{handle}/threads`: a new thread from the group's page, with an optional picture.
pub async fn new_thread(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    session: Session,
    headers: HeaderMap,
    req: axum::extract::Request,
) -> Result<Response, WebError> {
    let (form, file, oversized) = read_thread_form(&state, &headers, req).await?;
    let g = local_group(&state, &handle).await?;
    let lang = PageLang::of(&state, &headers, &LangQuery { lang: None }).lang;
    session.check_csrf(&form, lang)?;
    let f = forum_strings(lang);
    let Some(author) = author_of(&state, &session, &form).await? else {
        return Err(WebError::new(StatusCode::FORBIDDEN, f.no_organisation).lang(lang));
    };
    let mut input = ThreadInput {
        language: form_lang(&state, &form),
        title: form.val("title").to_string(),
        body: form.val("body").to_string(),
        image: None,
    };
    let result = match form_image(&state, &session, &author, &form, file, oversized).await {
        Ok(image) => {
            input.image = image;
            let mut conn = state.conn().await?;
            forum::post_thread(
                &mut conn,
                &state,
                &session.account,
                &author,
                &Target::Local(g.clone()),
                &input,
            )
            .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(post) => Ok(Redirect::to(&format!(
            "{}?notice=thread_started",
            thread_url(&handle, &post.post)
        ))
        .into_response()),
        Err(e) if e.status.is_client_error() => {
            let mut w = writer(&state, &headers, &g)
                .await?
                .ok_or_else(|| WebError::new(StatusCode::FORBIDDEN, f.login_to_write).lang(lang))?;
            w.error = Some(form_error(
                &e,
                crate::web::i18n::strings(lang),
                f,
                (&input.title, &input.body),
                state.config.media.max_bytes / (1024 * 1024),
            ));
            w.title = input.title;
            w.body = input.body;
            w.written_as = form.val("as").to_string();
            w.written_in = Some(input.language);
            if let Some(image) = input.image {
                w.image_url = image.url;
                w.image_alt = image.alt;
            } else {
                w.image_alt = form.val("image_alt").to_string();
            }
            let status = e.status;
            Ok(group_page(
                &state,
                g,
                &headers,
                &LangQuery { lang: None },
                Some(w),
                status,
            )
            .await?)
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /g/{handle}/t/{id}/reply`: a comment on the thread or one of its comments.
pub async fn reply(
    State(state): State<AppState>,
    Path((handle, id)): Path<(String, i64)>,
    session: Session,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormState::new(pairs);
    let g = local_group(&state, &handle).await?;
    let post = group_thread(&state, &g, id).await?;
    let lang = PageLang::of(&state, &headers, &LangQuery { lang: None }).lang;
    session.check_csrf(&form, lang)?;
    let f = forum_strings(lang);
    let Some(author) = author_of(&state, &session, &form).await? else {
        return Err(WebError::new(StatusCode::FORBIDDEN, f.no_organisation).lang(lang));
    };
    let reply_to = match form.val("in_reply_to") {
        "" => post.post.ap_id.to_string(),
        other => other.to_string(),
    };
    let input = CommentInput {
        language: form_lang(&state, &form),
        body: form.val("body").to_string(),
        in_reply_to: reply_to,
    };
    let mut conn = state.conn().await?;
    let result = forum::comment(&mut conn, &state, &author, &input).await;
    drop(conn);
    match result {
        Ok(c) => Ok(Redirect::to(&format!(
            "{}?notice=comment_posted#c{}",
            thread_url(&handle, &post.post),
            c.post.id
        ))
        .into_response()),
        Err(e) if e.status.is_client_error() => {
            let mut w = writer(&state, &headers, &g)
                .await?
                .ok_or_else(|| WebError::new(StatusCode::FORBIDDEN, f.login_to_write).lang(lang))?;
            w.error = Some(form_error(
                &e,
                crate::web::i18n::strings(lang),
                f,
                ("", &input.body),
                state.config.media.max_bytes / (1024 * 1024),
            ));
            w.body = input.body;
            w.reply_to = input.in_reply_to;
            w.written_as = form.val("as").to_string();
            w.written_in = Some(input.language);
            let status = e.status;
            let query = LangQuery { lang: None };
            Ok(thread_page(&state, g, post, &headers, &query, Some(w), None, status).await?)
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /g/{handle}/moderate`: remove, lock, unlock, pin, unpin (`action`) a thread or
/// comment (`object`), back to the thread.
pub async fn moderate(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    session: Session,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormState::new(pairs);
    let g = local_group(&state, &handle).await?;
    let lang = PageLang::of(&state, &headers, &LangQuery { lang: None }).lang;
    session.check_csrf(&form, lang)?;
    let t = crate::web::i18n::strings(lang);
    let action = ModAction::parse(form.val("action"))
        .filter(|a| !matches!(a, ModAction::Ban | ModAction::Unban))
        .ok_or_else(|| WebError::new(StatusCode::UNPROCESSABLE_ENTITY, t.bad_value).lang(lang))?;
    let thread: i64 = form
        .val("thread")
        .parse()
        .map_err(|_| WebError::new(StatusCode::UNPROCESSABLE_ENTITY, t.bad_value).lang(lang))?;
    let root = group_thread(&state, &g, thread).await?;
    let mut conn = state.conn().await?;
    forum::moderate_as(
        &mut conn,
        &state,
        &g,
        &session.account,
        action,
        form.val("object"),
        Some(form.val("reason")),
    )
    .await?;
    let back = if action == ModAction::Remove && form.val("object") == root.post.ap_id.as_str() {
        format!("/g/{handle}")
    } else {
        format!("{}?notice=moderation_done", thread_url(&handle, &root.post))
    };
    Ok(Redirect::to(&back).into_response())
}

/// A local thread's or comment's own URL (`/posts/{uuid}`) asked for by a browser: its
/// place in the forum, when it belongs to one of our groups.
pub async fn forum_place(state: &AppState, post: &DbPost) -> AppResult<Option<String>> {
    let Some(audience) = post
        .audience
        .as_deref()
        .filter(|a| state.urls.is_group_url(a))
    else {
        return Ok(None);
    };
    let handle = audience.rsplit('/').next().unwrap_or_default();
    if post.in_reply_to.is_none() {
        return Ok(Some(thread_url(handle, post)));
    }
    let mut conn = state.conn().await?;
    Ok(group::thread_of(&mut conn, post)
        .await?
        .map(|root| format!("{}#c{}", thread_url(handle, &root), post.id)))
}
