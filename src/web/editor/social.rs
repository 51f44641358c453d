//! Followers, follow requests and follows of an organisation, in the editors' interface:
//! accept or reject requests, follow `@name@host` (or a URL), unfollow. The same federation
//! functions as the API's.

use super::lookup;
use crate::db::models::actor::DbActor;
use crate::db::models::follow::DbFollow;
use crate::error::AppError;
use crate::federation::activities::follow;
use crate::state::FedData;
use crate::web::backoffice::{Ctx, EditorLayout, Notice, NoticeQuery, WebError, render};
use crate::web::form::FormState;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use diesel_async::AsyncConnection;

pub struct Person {
    pub id: String,
    pub handle: String,
    pub name: String,
    pub url: String,
    pub accepted: bool,
}

fn person(a: &DbActor, accepted: bool) -> Person {
    Person {
        id: a.ap_id.to_string(),
        handle: format!("@{}@{}", a.handle, a.domain),
        name: a.name.clone(),
        url: a.profile_url.clone().unwrap_or_else(|| a.ap_id.to_string()),
        accepted,
    }
}

#[derive(Template)]
#[template(path = "editor/followers.html")]
struct FollowersPage {
    layout: EditorLayout,
    handle: String,
    name: String,
    followers: Vec<Person>,
    requests: Vec<(i64, Person)>,
    following: Vec<Person>,
    form: FormState,
    notice: Option<String>,
    tab: &'static str,
}

async fn show(
    ctx: &Ctx,
    org: &DbActor,
    form: FormState,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let mut conn = ctx.state.conn().await?;
    let followers = DbFollow::followers_list(&mut conn, org.id).await?;
    let following = DbFollow::following_of(&mut conn, org.id).await?;
    let requests = DbFollow::pending_for(&mut conn, org.id).await?;
    let status = if form.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut resp = render(FollowersPage {
        layout: ctx.layout(
            ctx.t.followers_and_follows,
            &format!("/editor/{}/followers", org.handle),
        ),
        handle: org.handle.clone(),
        name: org.name.clone(),
        followers: followers
            .iter()
            .filter(|(_, accepted)| *accepted)
            .map(|(a, acc)| person(a, *acc))
            .collect(),
        requests: requests
            .iter()
            .map(|(f, a)| (f.id, person(a, false)))
            .collect(),
        following: following.iter().map(|(a, acc)| person(a, *acc)).collect(),
        form,
        notice,
        tab: "followers",
    })?;
    *resp.status_mut() = status;
    Ok(resp)
}

pub async fn page(
    ctx: Ctx,
    Path(handle): Path<String>,
    Query(n): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    show(&ctx, &org, FormState::default(), n.text(ctx.t)).await
}

/// A resolution error shown next to the field that named the actor.
pub async fn follow(
    ctx: Ctx,
    data: FedData,
    Path(handle): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = FormState::new(pairs);
    ctx.csrf(&form)?;
    let org = ctx.editable_org(&handle).await?;
    let target = form.val("target").trim().to_string();
    if target.is_empty() {
        form.fail("target", ctx.t.required);
        return show(&ctx, &org, form, None).await;
    }
    let Some(actor) = lookup::actor(&data, ctx.t, &target, &mut form, "target").await? else {
        return show(&ctx, &org, form, None).await;
    };
    if actor.id == org.id {
        form.fail("target", ctx.t.cannot_follow_self);
        return show(&ctx, &org, form, None).await;
    }
    let mut conn = ctx.state.conn().await?;
    let state = ctx.state.clone();
    conn.transaction::<_, AppError, _>(async |conn| {
        follow::follow(conn, &state, &org, &actor).await
    })
    .await?;
    state.wakeup.wake();
    Ok(ctx.redirect_with_notice_about(
        &format!("/editor/{handle}/followers"),
        Notice::FollowSent,
        &format!("@{}@{}", actor.handle, actor.domain),
    ))
}

pub async fn unfollow(
    ctx: Ctx,
    data: FedData,
    Path(handle): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormState::new(pairs);
    ctx.csrf(&form)?;
    let org = ctx.editable_org(&handle).await?;
    let actor = crate::federation::resolve::target(&data, form.val("target"))
        .await
        .map_err(|e| e.into_app_error("target"))?;
    let mut conn = ctx.state.conn().await?;
    let state = ctx.state.clone();
    conn.transaction::<_, AppError, _>(async |conn| {
        follow::unfollow(conn, &state, &org, &actor).await
    })
    .await?;
    state.wakeup.wake();
    Ok(ctx.redirect_with_notice(&format!("/editor/{handle}/followers"), Notice::Unfollowed))
}

pub async fn answer(
    ctx: Ctx,
    Path((handle, id)): Path<(String, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormState::new(pairs);
    ctx.csrf(&form)?;
    let org = ctx.editable_org(&handle).await?;
    let accept = form.val("answer") == "accept";
    let mut conn = ctx.state.conn().await?;
    let (f, follower) = DbFollow::pending_for(&mut conn, org.id)
        .await?
        .into_iter()
        .find(|(f, _)| f.id == id)
        .ok_or_else(|| {
            WebError::new(StatusCode::NOT_FOUND, ctx.t.no_such_request).lang(ctx.lang)
        })?;
    let state = ctx.state.clone();
    conn.transaction::<_, AppError, _>(async |conn| {
        follow::answer(conn, &state, &org, &follower, &f, accept).await
    })
    .await?;
    state.wakeup.wake();
    let notice = if accept {
        Notice::RequestAccepted
    } else {
        Notice::RequestRejected
    };
    Ok(ctx.redirect_with_notice(&format!("/editor/{handle}/followers"), notice))
}
