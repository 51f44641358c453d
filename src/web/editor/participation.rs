//! Who takes part: an event's participants for its organiser's editors (approve, reject,
//! CSV), and the organisation's own participations in events anywhere (take part by URL,
//! leave). The same functions as the API's (`federation::activities::event`), each decision
//! in one transaction, the delivery worker woken after.

use super::event_form::{self, state_label};
use super::events::{our_event, show, title_of, when};
use super::lookup;
use crate::db::models::event::{DbParticipation, ParticipationState};
use crate::db::models::post::DbPost;
use crate::error::AppError;
use crate::federation::activities::event as participation;
use crate::web::backoffice::{Ctx, EditorLayout, Notice, NoticeQuery, WebError, render};
use crate::web::form::FormState;
use crate::web::i18n::format_date;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use diesel_async::AsyncConnection;

pub struct ParticipantRow {
    pub id: i64,
    pub address: String,
    pub name: String,
    pub url: String,
    pub state: &'static str,
    pub code: &'static str,
    pub message: String,
    pub since: String,
    pub can_approve: bool,
    pub can_reject: bool,
}

#[derive(Template)]
#[template(path = "editor/event_participants.html")]
struct ParticipantsPage {
    layout: EditorLayout,
    handle: String,
    id: String,
    title: String,
    when: String,
    accepted: i64,
    capacity: Option<i32>,
    rows: Vec<ParticipantRow>,
    notice: Option<String>,
}

pub async fn participants(
    ctx: Ctx,
    Path((handle, id)): Path<(String, String)>,
    Query(n): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let full = our_event(&ctx, &org, &id).await?;
    let mut conn = ctx.state.conn().await?;
    let rows = DbParticipation::of_event(&mut conn, full.post.post.id).await?;
    let rows = rows
        .into_iter()
        .map(|(p, a)| ParticipantRow {
            id: p.id,
            address: format!("@{}@{}", a.handle, a.domain),
            name: a.name.clone(),
            url: a.profile_url.clone().unwrap_or_else(|| a.ap_id.to_string()),
            state: state_label(p.state, ctx.t),
            code: p.state.code(),
            message: p.message.clone().unwrap_or_default(),
            since: {
                let at = p.created_at.with_timezone(&full.event.tz());
                format!(
                    "{} {}",
                    format_date(at.date_naive(), ctx.lang),
                    at.format("%H:%M")
                )
            },
            can_approve: p.state != ParticipationState::Accepted,
            can_reject: p.state != ParticipationState::Rejected,
        })
        .collect();
    render(ParticipantsPage {
        layout: ctx.layout(
            ctx.t.ed_participants,
            &format!("/editor/{handle}/events/{id}/participants"),
        ),
        handle: org.handle,
        title: title_of(&full.post, ctx.lang),
        when: when(&full.event, ctx.lang),
        accepted: full.accepted,
        capacity: full.event.capacity,
        rows,
        notice: n.text(ctx.t),
        id,
    })
}

/// The participants as a spreadsheet (the API's CSV).
pub async fn participants_csv(
    ctx: Ctx,
    Path((handle, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let full = our_event(&ctx, &org, &id).await?;
    let rows = DbParticipation::of_event(&mut *ctx.state.conn().await?, full.post.post.id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"participants-{id}.csv\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        crate::events::csv::participants(&rows),
    )
        .into_response())
}

/// Approves or rejects one participation (`verb`: approve, reject).
pub async fn decide(
    ctx: Ctx,
    Path((handle, id, pid)): Path<(String, String, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormState::new(pairs);
    ctx.csrf(&form)?;
    let org = ctx.editable_org(&handle).await?;
    let full = our_event(&ctx, &org, &id).await?;
    let approve = match form.val("verb") {
        "approve" => true,
        "reject" => false,
        _ => return Err(WebError::new(StatusCode::BAD_REQUEST, ctx.t.bad_value).lang(ctx.lang)),
    };
    let back = format!("/editor/{handle}/events/{id}/participants");
    let mut conn = ctx.state.conn().await?;
    let state = ctx.state.clone();
    let post = full.post.post.clone();
    let decided = conn
        .transaction::<_, AppError, _>(async |conn| {
            participation::decide(conn, &state, &post, pid, approve).await
        })
        .await;
    match decided {
        Ok(_) => {
            state.wakeup.wake();
            let notice = if approve {
                Notice::ParticipationAccepted
            } else {
                Notice::ParticipationRejected
            };
            Ok(ctx.redirect_with_notice(&back, notice))
        }
        Err(e) if e.field.as_deref() == Some("capacity") => {
            Ok(ctx.redirect_with_notice(&back, Notice::EventFull))
        }
        Err(e) => Err(e.into()),
    }
}

/// Our organisation asks to take part in an event, given by its URL (on any instance).
pub async fn join(
    ctx: Ctx,
    Path(handle): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = FormState::new(pairs);
    ctx.csrf(&form)?;
    let org = ctx.editable_org(&handle).await?;
    let url = form.val("event").trim().to_string();
    let message = form.opt("message");
    if url.is_empty() {
        form.fail("event", ctx.t.required);
    }
    if message.as_deref().is_some_and(|m| m.chars().count() > 2000) {
        form.fail("message", ctx.t.too_long);
    }
    if !form.ok() {
        return show(&ctx, &org, form, None).await;
    }
    let post = match crate::federation::resolve::post(&ctx.state, &url).await {
        Ok(p) => p,
        Err(e @ crate::federation::resolve::ResolveError::Database(_)) => {
            return Err(e.into_app_error("event").into());
        }
        Err(e) => {
            tracing::info!(event = %url, error = %e, "event lookup failed");
            form.fail("event", lookup::message(ctx.t, &e));
            return show(&ctx, &org, form, None).await;
        }
    };
    if post.object_type != "Event" {
        form.fail("event", ctx.t.ed_not_an_event);
        return show(&ctx, &org, form, None).await;
    }
    let mut conn = ctx.state.conn().await?;
    let state = ctx.state.clone();
    let joined = conn
        .transaction::<_, AppError, _>(async |conn| {
            participation::join(conn, &state, &org, &post, message.as_deref()).await
        })
        .await;
    match joined {
        Ok(p) => {
            state.wakeup.wake();
            tracing::info!(event = %post.ap_id, state = p.state.code(), "join sent");
            Ok(ctx.redirect_with_notice(&format!("/editor/{handle}/events"), Notice::JoinSent))
        }
        Err(e) if e.field.is_some() => {
            form.fail("event", event_form::translate(&e, ctx.lang));
            show(&ctx, &org, form, None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Our organisation leaves an event it asked to take part in.
pub async fn leave(
    ctx: Ctx,
    Path(handle): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let sent = FormState::new(pairs);
    ctx.csrf(&sent)?;
    let org = ctx.editable_org(&handle).await?;
    // A refusal is shown above the join form, which starts empty.
    let mut form = FormState::default();
    let mut conn = ctx.state.conn().await?;
    let Some(post) = DbPost::by_ap_id(&mut conn, sent.val("event")).await? else {
        form.fail("form", ctx.t.ed_not_taking_part);
        return show(&ctx, &org, form, None).await;
    };
    let state = ctx.state.clone();
    let left = conn
        .transaction::<_, AppError, _>(async |conn| {
            participation::leave(conn, &state, &org, &post).await
        })
        .await;
    match left {
        Ok(()) => {
            state.wakeup.wake();
            Ok(ctx.redirect_with_notice(&format!("/editor/{handle}/events"), Notice::EventLeft))
        }
        Err(e) if e.field.is_some() => {
            form.fail("form", event_form::translate(&e, ctx.lang));
            show(&ctx, &org, form, None).await
        }
        Err(e) => Err(e.into()),
    }
}
