//! Editorial review in the editors' interface: an organisation's editors submit a post to a
//! showcase and follow what became of it; the network's reviewers work through the queue
//! (approve, ask for changes with a comment, decline with a reason). The same functions as
//! the API's (`crate::review`).

use crate::db::models::submission::{self as db, State};
use crate::review::{self, Decision, Details};
use crate::web::backoffice::{Ctx, EditorLayout, WebError, render};
use crate::web::form::FormState;
use crate::web::i18n::{ReviewStrings, format_date, review_strings};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

/// A submission as the pages show it.
pub struct Row {
    pub d: Details,
    pub state_label: &'static str,
    pub state_code: &'static str,
    pub updated: String,
    /// (what, comment, who, when)
    pub history: Vec<(&'static str, String, String, String)>,
}

pub fn state_label(state: State, r: &ReviewStrings) -> &'static str {
    match state {
        State::Pending => r.state_pending,
        State::ChangesRequested => r.state_changes_requested,
        State::Approved => r.state_approved,
        State::Declined => r.state_declined,
    }
}

fn action_label(action: &str, r: &ReviewStrings) -> &'static str {
    match action {
        "submitted" => r.act_submitted,
        "resubmitted" => r.act_resubmitted,
        "approved" => r.act_approved,
        "changes_requested" => r.act_changes_requested,
        "declined" => r.act_declined,
        _ => r.act_edited,
    }
}

fn rows(ctx: &Ctx, details: Vec<Details>) -> Vec<Row> {
    let r = review_strings(ctx.lang);
    let when = |at: chrono::DateTime<chrono::Utc>| {
        format!(
            "{} {}",
            format_date(at.date_naive(), ctx.lang),
            at.format("%H:%M")
        )
    };
    details
        .into_iter()
        .map(|d| Row {
            state_label: state_label(d.state, r),
            state_code: d.state.as_str(),
            updated: when(d.updated_at),
            history: d
                .history
                .iter()
                .map(|h| {
                    (
                        action_label(&h.action, r),
                        h.comment.clone().unwrap_or_default(),
                        h.by.clone(),
                        when(h.at),
                    )
                })
                .collect(),
            d,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "editor/submissions.html")]
struct SubmissionsPage {
    layout: EditorLayout,
    r: &'static ReviewStrings,
    id: String,
    handle: String,
    /// "Submissions: „title“", quoted as the language quotes.
    heading: String,
    rows: Vec<Row>,
    /// What the form was sent with, and what was wrong with it.
    showcase: String,
    error: Option<String>,
    notice: Option<&'static str>,
    /// Whether the post may be submitted (no reply, no forum thread).
    submittable: bool,
}

#[derive(Debug, Deserialize)]
pub struct DoneQuery {
    pub done: Option<String>,
    pub state: Option<String>,
}

async fn submissions_page(
    ctx: &Ctx,
    id: &str,
    showcase: String,
    error: Option<String>,
    notice: Option<&'static str>,
) -> Result<Response, WebError> {
    let (post, author) = crate::federation::routes::load_local_post(&ctx.state, id).await?;
    ctx.require_editor(&author).await?;
    let r = review_strings(ctx.lang);
    let mut conn = ctx.state.conn().await?;
    let subs = db::of_post(&mut conn, post.post.id).await?;
    let details = review::details(&mut conn, subs, ctx.lang.code()).await?;
    let title = post
        .in_language(ctx.lang.code())
        .or_else(|| post.main())
        .map(|t| t.title.clone())
        .unwrap_or_default();
    render(SubmissionsPage {
        layout: ctx.layout(r.submissions, &format!("/editor/posts/{id}/submissions")),
        r,
        id: id.to_string(),
        handle: author.handle.clone(),
        heading: crate::web::i18n::strings(ctx.lang).review_submissions_of(&title),
        rows: rows(ctx, details),
        showcase,
        error,
        notice,
        submittable: post.post.in_reply_to.is_none() && post.post.audience.is_none(),
    })
}

pub async fn submissions(
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, WebError> {
    let notice =
        (q.done.as_deref() == Some("submitted")).then(|| review_strings(ctx.lang).notice_submitted);
    submissions_page(&ctx, &id, String::new(), None, notice).await
}

/// Submits the post to the showcase named in the form; a refusal shows next to the field.
pub async fn submit(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormState::new(pairs);
    ctx.csrf(&form)?;
    let (post, author) = crate::federation::routes::load_local_post(&ctx.state, &id).await?;
    ctx.require_editor(&author).await?;
    let named = form.val("showcase").trim().to_string();
    let result = async {
        let showcase = review::resolve_showcase(&ctx.state, &named).await?;
        review::submit(
            &ctx.state,
            &ctx.session.account,
            &author,
            &post.post,
            &showcase,
        )
        .await
    }
    .await;
    match result {
        Ok(_) => Ok(ctx.redirect(&format!("/editor/posts/{id}/submissions?done=submitted"))),
        Err(e) if e.cause.is_none() && e.status != StatusCode::FORBIDDEN => {
            let message = e.message_in(ctx.lang).unwrap_or(e.message);
            let mut page = submissions_page(&ctx, &id, named, Some(message), None).await?;
            *page.status_mut() = e.status;
            Ok(page)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "editor/review.html")]
struct ReviewPage {
    layout: EditorLayout,
    r: &'static ReviewStrings,
    /// (state code, label, current)
    tabs: Vec<(&'static str, &'static str, bool)>,
    pending: bool,
    rows: Vec<Row>,
    notice: Option<&'static str>,
    /// A decision refused: (submission, field, message).
    /// A refused decision: the submission, the field, the message and the text typed.
    error: Option<(i64, String, String, String)>,
}

async fn review_page(
    ctx: &Ctx,
    state: State,
    notice: Option<&'static str>,
    error: Option<(i64, String, String, String)>,
) -> Result<Response, WebError> {
    let r = review_strings(ctx.lang);
    let mut conn = ctx.state.conn().await?;
    if !review::reviews_anything(&mut conn, &ctx.session.account).await? {
        return Err(WebError::new(StatusCode::FORBIDDEN, r.queue).lang(ctx.lang));
    }
    let subs = review::queue_for(&mut conn, &ctx.session.account, state).await?;
    let details = review::details(&mut conn, subs, ctx.lang.code()).await?;
    let tabs = [
        State::Pending,
        State::ChangesRequested,
        State::Approved,
        State::Declined,
    ]
    .into_iter()
    .map(|s| (s.as_str(), state_label(s, r), s == state))
    .collect();
    render(ReviewPage {
        layout: ctx.layout(r.queue, "/editor/_review"),
        r,
        tabs,
        pending: state == State::Pending,
        rows: rows(ctx, details),
        notice,
        error,
    })
}

pub async fn queue(ctx: Ctx, Query(q): Query<DoneQuery>) -> Result<Response, WebError> {
    let state = q
        .state
        .as_deref()
        .and_then(State::parse)
        .unwrap_or(State::Pending);
    let notice =
        (q.done.as_deref() == Some("decided")).then(|| review_strings(ctx.lang).notice_decided);
    review_page(&ctx, state, notice, None).await
}

/// A reviewer's decision; a missing comment or reason shows next to its field.
pub async fn decide(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormState::new(pairs);
    ctx.csrf(&form)?;
    let action = form.val("action");
    let comment = form.val("comment");
    let decided = match Decision::parse(action, Some(comment)) {
        Ok(d) => review::decide(&ctx.state, &ctx.session.account, id, &d).await,
        Err(e) => Err(e),
    };
    match decided {
        Ok(_) => Ok(ctx.redirect("/editor/_review?done=decided")),
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let field = e.field.clone().unwrap_or_default();
            let message = if comment.trim().is_empty() {
                ctx.t.required.to_string()
            } else {
                e.message_in(ctx.lang).unwrap_or_else(|| e.message.clone())
            };
            let typed = comment.to_string();
            let mut page = review_page(
                &ctx,
                State::Pending,
                None,
                Some((id, field, message, typed)),
            )
            .await?;
            *page.status_mut() = e.status;
            Ok(page)
        }
        Err(e) => Err(e.into()),
    }
}
