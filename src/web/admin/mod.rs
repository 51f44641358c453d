//! The operators' web interface (admins, and moderators where it says so): federation
//! health, accounts with their roles and tokens, organisations, and the moderation queue.

pub mod accounts;
pub mod moderation;

use super::backoffice::{Ctx, EditorLayout, WebError, render};
use crate::db::models::delivery::{self, InstanceHealth, QueueSummary};
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin", get(health))
        .route(
            "/admin/accounts",
            get(accounts::list).post(accounts::create),
        )
        .route("/admin/accounts/{username}", get(accounts::show))
        .route("/admin/accounts/{username}/roles", post(accounts::roles))
        .route("/admin/accounts/{username}/tokens", post(accounts::tokens))
        .route(
            "/admin/organisations",
            get(accounts::organisations).post(accounts::create_organisation),
        )
        .route("/admin/moderation", get(moderation::page))
        .route("/admin/moderation/reports/{id}", post(moderation::report))
        .route("/admin/moderation/blocks", post(moderation::blocks))
        .route(
            "/admin/moderation/suspensions",
            post(moderation::suspensions),
        )
}

/// Admins and moderators.
pub fn require_operator(ctx: &Ctx) -> Result<(), WebError> {
    if ctx.session.is_operator() {
        Ok(())
    } else {
        Err(WebError::new(StatusCode::FORBIDDEN, ctx.t.operators_only).lang(ctx.lang))
    }
}

pub fn require_admin(ctx: &Ctx) -> Result<(), WebError> {
    if ctx.session.account.is_admin {
        Ok(())
    } else {
        Err(WebError::new(StatusCode::FORBIDDEN, ctx.t.admins_only).lang(ctx.lang))
    }
}

#[derive(Template)]
#[template(path = "admin/health.html")]
struct HealthPage {
    layout: EditorLayout,
    summary: QueueSummary,
    instances: Vec<InstanceHealth>,
    tab: &'static str,
}

pub async fn health(ctx: Ctx) -> Result<Response, WebError> {
    require_operator(&ctx)?;
    let mut conn = ctx.state.conn().await?;
    render(HealthPage {
        layout: ctx.layout(ctx.t.federation_health, "/admin"),
        summary: delivery::summary(&mut conn).await?,
        instances: delivery::instance_health(&mut conn).await?,
        tab: "health",
    })
}
