//! Reports in the forum's pages: `POST /g/{handle}/t/{id}/report` (a logged-in visitor
//! reports the thread or one of its comments, with a reason), and the group's moderation
//! view `/g/{handle}/moderation` (its reports, open ones first, with a button to mark one
//! resolved at `POST /g/{handle}/reports/{id}/resolve`, and its moderation log), for the
//! group's moderators and the instance's.

use super::forum::{group_item, group_thread, layout, thread_page, thread_url, writer};
use super::{PageLang, render};
use crate::db::models::account::Account;
use crate::db::models::actor::DbActor;
use crate::db::models::group::{self, GroupFull};
use crate::db::models::group_report;
use crate::db::models::post::DbPost;
use crate::error::AppResult;
use crate::federation::groups::local_group;
use crate::forum;
use crate::state::AppState;
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

/// `POST /g/{handle}/t/{id}/report`: a report about the thread or one of its comments
/// (`object`), with a reason; back to the thread, or the thread again with the refusal.
pub async fn report(
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
    let object = form.val("object").to_string();
    let mut conn = state.conn().await?;
    // Only this thread's posts are reported from its page.
    let in_thread = object == post.post.ap_id.as_str()
        || match DbPost::by_ap_id(&mut conn, &object).await? {
            Some(p) => group::thread_of(&mut conn, &p)
                .await?
                .is_some_and(|root| root.id == post.post.id),
            None => false,
        };
    if !in_thread {
        let t = crate::web::i18n::strings(lang);
        return Err(WebError::new(StatusCode::UNPROCESSABLE_ENTITY, t.bad_value).lang(lang));
    }
    let result = forum::reports::report(
        &mut conn,
        &state,
        &session.account,
        None,
        &object,
        form.val("reason"),
    )
    .await;
    drop(conn);
    match result {
        Ok(_) => Ok(Redirect::to(&format!(
            "{}?notice=report_sent",
            thread_url(&handle, &post.post)
        ))
        .into_response()),
        Err(e) if e.status.is_client_error() => {
            let mut w = writer(&state, &headers, &g)
                .await?
                .ok_or_else(|| WebError::new(StatusCode::FORBIDDEN, f.login_to_write).lang(lang))?;
            let t = crate::web::i18n::strings(lang);
            w.report_error = Some(if e.field.as_deref() == Some("reason") {
                format!("{} {}", t.required, t.too_long)
            } else {
                e.message.clone()
            });
            w.report_object = object;
            w.report_reason = form.val("reason").to_string();
            let status = e.status;
            let query = LangQuery { lang: None };
            Ok(thread_page(&state, g, post, &headers, &query, Some(w), None, status).await?)
        }
        Err(e) => Err(e.into()),
    }
}

/// One report as the moderation view lists it.
pub struct ReportItem {
    pub id: i64,
    pub object: String,
    pub place: Option<String>,
    pub by: String,
    pub reason: String,
    pub date: String,
    pub resolved: bool,
}

/// One line of the moderation log.
pub struct LogItem {
    pub action: String,
    pub object: String,
    pub by: String,
    pub reason: String,
    pub date: String,
}

#[derive(Template)]
#[template(path = "forum/moderation.html")]
struct ModerationPage {
    layout: super::Layout,
    f: &'static ForumStrings,
    group: super::forum::GroupItem,
    csrf: String,
    reports: Vec<ReportItem>,
    log: Vec<LogItem>,
}

/// Who an entry names: an account's username, or an actor's name and address.
async fn who(
    conn: &mut diesel_async::AsyncPgConnection,
    account: Option<i64>,
    actor: Option<i64>,
) -> AppResult<String> {
    let actor = match actor {
        Some(a) => Some(DbActor::by_id(conn, a).await?),
        None => None,
    };
    let account = match account {
        Some(a) => Account::by_account_id(conn, a).await?,
        None => None,
    };
    Ok(match (account, actor) {
        (Some(acc), Some(org)) => format!("{} ({})", acc.username, org.name),
        (Some(acc), None) => acc.username,
        (None, Some(a)) => format!("{} <{}>", a.name, a.ap_id),
        (None, None) => String::new(),
    })
}

async fn moderator_group(
    state: &AppState,
    session: &Session,
    handle: &str,
    lang: crate::vocab::Lang,
) -> Result<GroupFull, WebError> {
    let g = local_group(state, handle).await?;
    let mut conn = state.conn().await?;
    if !forum::may_moderate(&mut conn, &g, &session.account).await? {
        let f = forum_strings(lang);
        return Err(WebError::new(StatusCode::FORBIDDEN, f.moderate).lang(lang));
    }
    Ok(g)
}

/// `GET /g/{handle}/moderation`: the group's reports and moderation log.
pub async fn view(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    session: Session,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
) -> Result<Response, WebError> {
    let pl = PageLang::of(&state, &headers, &query);
    let lang = pl.lang;
    let g = moderator_group(&state, &session, &handle, lang).await?;
    let f = forum_strings(lang);
    let mut conn = state.conn().await?;
    let mut reports = Vec::new();
    for r in group_report::of_group(&mut conn, g.actor.id, 200).await? {
        let place = match DbPost::by_ap_id(&mut conn, &r.object_ap_id).await? {
            Some(p) => super::forum::forum_place(&state, &p).await?,
            None => None,
        };
        reports.push(ReportItem {
            id: r.id,
            place,
            by: who(&mut conn, r.account_id, r.actor_id).await?,
            object: r.object_ap_id,
            reason: r.reason,
            date: format_date(r.created_at.date_naive(), lang),
            resolved: r.resolved_at.is_some(),
        });
    }
    let mut log = Vec::new();
    for e in group::log_of(&mut conn, g.actor.ap_id.as_str(), 200).await? {
        log.push(LogItem {
            by: who(&mut conn, e.account_id, e.actor_id).await?,
            // In the page's language ("forum-act-remove", …); an action this build does not
            // name is shown as recorded.
            action: crate::locale::text(lang, &format!("forum-act-{}", e.action))
                .map_or_else(|| e.action.clone(), str::to_string),
            object: e.object_ap_id,
            reason: e.reason.unwrap_or_default(),
            date: format!(
                "{} {}",
                format_date(e.created_at.date_naive(), lang),
                e.created_at.format("%H:%M UTC")
            ),
        });
    }
    drop(conn);
    let group = group_item(&state, &g, lang);
    let path = format!("{}/moderation", group.url);
    let page = ModerationPage {
        layout: layout(&state, pl, f.moderation_view.to_string(), &path),
        f,
        group,
        csrf: session.csrf.clone(),
        reports,
        log,
    };
    Ok(render(&state, &page, &page.layout)?)
}

/// `POST /g/{handle}/reports/{id}/resolve`.
pub async fn resolve(
    State(state): State<AppState>,
    Path((handle, id)): Path<(String, i64)>,
    session: Session,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormState::new(pairs);
    let lang = PageLang::of(&state, &headers, &LangQuery { lang: None }).lang;
    session.check_csrf(&form, lang)?;
    let g = moderator_group(&state, &session, &handle, lang).await?;
    let mut conn = state.conn().await?;
    forum::reports::resolve(&mut conn, &g, &session.account, id).await?;
    Ok(Redirect::to(&format!("/g/{handle}/moderation")).into_response())
}
