//! The operators' web interface (admins, and moderators where it says so): federation
//! health, accounts with their roles and tokens, organisations, and the moderation queue.

pub mod accounts;
pub mod moderation;

use super::backoffice::{Ctx, EditorLayout, WebError, render};
use crate::db::models::delivery::{self, InstanceHealth, QueueSummary};
use crate::db::models::relay::{RelayState, RelayStyle};
use crate::federation::activities::relay;
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
    subscriptions: Vec<SubscriptionRow>,
    tab: &'static str,
}

/// A network subscription or relay as the health page lists it.
struct SubscriptionRow {
    network: String,
    kind: &'static str,
    style: &'static str,
    state: &'static str,
    accepted: bool,
}

impl SubscriptionRow {
    fn of(s: &relay::Subscription, t: &crate::web::i18n::Strings) -> SubscriptionRow {
        SubscriptionRow {
            network: s.network.clone(),
            kind: match s.kind {
                relay::Kind::Peer => t.subscription_peer,
                relay::Kind::Relay => t.subscription_relay,
            },
            style: s.style.map(RelayStyle::code).unwrap_or(""),
            state: match s.state {
                RelayState::Pending => t.subscription_pending,
                RelayState::Accepted => t.subscription_accepted,
                RelayState::Rejected => t.subscription_rejected,
            },
            accepted: s.state == RelayState::Accepted,
        }
    }
}

pub async fn health(ctx: Ctx) -> Result<Response, WebError> {
    require_operator(&ctx)?;
    let mut conn = ctx.state.conn().await?;
    render(HealthPage {
        layout: ctx.layout(ctx.t.federation_health, "/admin"),
        summary: delivery::summary(&mut conn).await?,
        instances: delivery::instance_health(&mut conn).await?,
        subscriptions: relay::subscriptions(&mut conn)
            .await?
            .iter()
            .map(|s| SubscriptionRow::of(s, ctx.t))
            .collect(),
        tab: "health",
    })
}
