//! The moderation queue (admins and moderators): reports received from other instances,
//! with what they point at; removing reported content; suspending remote actors (their
//! activities are refused from then on and their stored posts removed); domain blocks.

use super::require_operator;
use crate::db::models::actor::DbActor;
use crate::db::models::delivery;
use crate::db::models::moderation::{self as model};
use crate::db::models::post::DbPost;
use crate::state::FedData;
use crate::web::backoffice::{Ctx, EditorLayout, Notice, NoticeQuery, WebError, render};
use crate::web::editor::lookup;
use crate::web::form::FormState;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;

pub struct Reported {
    pub url: String,
    /// A post we hold (live), which can be removed.
    pub post: bool,
    /// A remote actor we know, which can be suspended.
    pub remote_actor: bool,
}

pub struct ReportRow {
    pub id: i64,
    pub reporter: String,
    pub content: String,
    pub date: String,
    pub resolved: bool,
    pub objects: Vec<Reported>,
}

#[derive(Template)]
#[template(path = "admin/moderation.html")]
struct Page {
    layout: EditorLayout,
    reports: Vec<ReportRow>,
    blocks: Vec<delivery::DomainBlock>,
    suspended: Vec<(String, String, String, String)>,
    form: FormState,
    notice: Option<String>,
    tab: &'static str,
}

async fn show(ctx: &Ctx, form: FormState, notice: Option<String>) -> Result<Response, WebError> {
    let mut conn = ctx.state.conn().await?;
    let fmt =
        |d: chrono::DateTime<chrono::Utc>| crate::web::i18n::format_date(d.date_naive(), ctx.lang);
    let mut reports = Vec::new();
    for r in model::reports(&mut conn).await? {
        let mut objects = Vec::new();
        for o in &r.objects {
            let post = DbPost::by_ap_id(&mut conn, o)
                .await?
                .is_some_and(|p| p.deleted_at.is_none());
            let remote_actor = DbActor::by_ap_id(&mut conn, o)
                .await?
                .is_some_and(|a| !a.local);
            objects.push(Reported {
                url: o.clone(),
                post,
                remote_actor,
            });
        }
        reports.push(ReportRow {
            id: r.id,
            reporter: r.reporter,
            content: r.content.unwrap_or_default(),
            date: fmt(r.created_at),
            resolved: r.resolved_at.is_some(),
            objects,
        });
    }
    let suspended = model::suspended(&mut conn)
        .await?
        .into_iter()
        .map(|(a, reason, at)| {
            (
                a.ap_id.to_string(),
                format!("@{}@{}", a.handle, a.domain),
                reason.unwrap_or_default(),
                fmt(at),
            )
        })
        .collect();
    let status = if form.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut resp = render(Page {
        layout: ctx.layout(ctx.t.moderation, "/admin/moderation"),
        reports,
        blocks: delivery::blocks(&mut conn).await?,
        suspended,
        form,
        notice,
        tab: "moderation",
    })?;
    *resp.status_mut() = status;
    Ok(resp)
}

pub async fn page(ctx: Ctx, Query(n): Query<NoticeQuery>) -> Result<Response, WebError> {
    require_operator(&ctx)?;
    show(&ctx, FormState::default(), n.text(ctx.t)).await
}

/// `verb`: `resolve`, or `remove` with `object` (a reported post's URL).
pub async fn report(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormState::new(pairs);
    ctx.csrf(&form)?;
    require_operator(&ctx)?;
    let mut conn = ctx.state.conn().await?;
    let report = model::report(&mut conn, id)
        .await?
        .ok_or_else(|| WebError::new(StatusCode::NOT_FOUND, ctx.t.bad_value).lang(ctx.lang))?;
    match form.val("verb") {
        "resolve" => {
            model::resolve_report(&mut conn, id).await?;
            Ok(ctx.redirect_with_notice("/admin/moderation", Notice::ReportResolved))
        }
        "remove" => {
            let object = form.val("object");
            if !report.objects.iter().any(|o| o == object) {
                return Err(WebError::new(StatusCode::BAD_REQUEST, ctx.t.bad_value).lang(ctx.lang));
            }
            let post = DbPost::by_ap_id(&mut conn, object)
                .await?
                .filter(|p| p.deleted_at.is_none())
                .ok_or_else(|| {
                    WebError::new(StatusCode::NOT_FOUND, ctx.t.bad_value).lang(ctx.lang)
                })?;
            let author = DbActor::by_id(&mut conn, post.actor_id).await?;
            if post.local {
                // Our own organisation's post: removed everywhere, as its editors would.
                let full = DbPost::full(&mut conn, post).await?;
                crate::posts::publish_delete(&mut conn, &ctx.state, &author, &full).await?;
            } else {
                DbPost::delete(&mut conn, post.id).await?;
            }
            tracing::info!(
                object,
                by = ctx.session.account.username,
                "reported content removed"
            );
            Ok(ctx.redirect_with_notice("/admin/moderation", Notice::ContentRemoved))
        }
        _ => Err(WebError::new(StatusCode::BAD_REQUEST, ctx.t.bad_value).lang(ctx.lang)),
    }
}

/// `verb`: `add` with `domain` and `reason`, or `remove` with `domain`.
pub async fn blocks(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = FormState::new(pairs);
    ctx.csrf(&form)?;
    require_operator(&ctx)?;
    let domain = form.val("domain").trim().to_ascii_lowercase();
    let mut conn = ctx.state.conn().await?;
    if form.val("verb") == "remove" {
        delivery::unblock(&mut conn, &domain).await?;
        return Ok(ctx.redirect_with_notice("/admin/moderation", Notice::BlockRemoved));
    }
    if !crate::config::valid_domain(&domain) || domain == ctx.state.config.instance.domain {
        form.fail("domain", ctx.t.bad_domain);
        return show(&ctx, form, None).await;
    }
    delivery::block(&mut conn, &domain, form.opt("reason").as_deref()).await?;
    tracing::info!(
        domain,
        by = ctx.session.account.username,
        "instance blocked"
    );
    Ok(ctx.redirect_with_notice("/admin/moderation", Notice::BlockAdded))
}

/// `verb`: `suspend` with `actor` (`@name@host` or URL) and `reason`, or `unsuspend`.
pub async fn suspensions(
    ctx: Ctx,
    data: FedData,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = FormState::new(pairs);
    ctx.csrf(&form)?;
    require_operator(&ctx)?;
    let target = form.val("actor").trim().to_string();
    let mut conn = ctx.state.conn().await?;
    if form.val("verb") == "unsuspend" {
        let actor = DbActor::by_ap_id(&mut conn, &target)
            .await?
            .ok_or_else(|| WebError::new(StatusCode::NOT_FOUND, ctx.t.bad_value).lang(ctx.lang))?;
        model::unsuspend(&mut conn, actor.id).await?;
        return Ok(ctx.redirect_with_notice("/admin/moderation", Notice::Unsuspended));
    }
    if target.is_empty() {
        form.fail("actor", ctx.t.required);
        return show(&ctx, form, None).await;
    }
    drop(conn);
    let Some(actor) = lookup::actor(&data, ctx.t, &target, &mut form, "actor").await? else {
        return show(&ctx, form, None).await;
    };
    if actor.local {
        form.fail("actor", ctx.t.cannot_suspend_local);
        return show(&ctx, form, None).await;
    }
    let mut conn = ctx.state.conn().await?;
    let by = ctx.session.account.id;
    let reason = form.opt("reason");
    let removed = {
        use diesel_async::AsyncConnection;
        conn.transaction::<_, crate::error::AppError, _>(async |conn| {
            model::suspend(conn, actor.id, reason.as_deref(), by).await?;
            Ok(DbPost::delete_by_actor(conn, actor.id).await?)
        })
        .await?
    };
    tracing::info!(actor.id = %actor.ap_id, posts_removed = removed, by = ctx.session.account.username, "actor suspended");
    Ok(ctx.redirect_with_notice("/admin/moderation", Notice::Suspended))
}
