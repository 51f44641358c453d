//! The JSON API for editors and operators, under `/api/v1`, described at `/api/openapi.json`.
//! One file per endpoint group; handlers are thin and call models and domain modules.

pub mod accounts;
pub mod auth;
pub mod events;
pub mod federation;
pub mod forum;
pub mod funding;
pub mod json;
pub mod media;
pub mod openapi;
pub mod organisations;
pub mod partnerships;
pub mod posts;
pub mod relays;
pub mod search;
pub mod views;

use crate::state::AppState;
use axum::Router;
use axum::routing::{delete, get, post};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi::document))
        .route("/api/v1/auth/token", post(accounts::login))
        .route("/api/v1/me", get(accounts::me))
        .route(
            "/api/v1/me/tokens",
            get(accounts::my_tokens).post(accounts::new_token),
        )
        .route("/api/v1/tokens/{id}", delete(accounts::revoke_token))
        .route(
            "/api/v1/accounts",
            get(accounts::list).post(accounts::create),
        )
        .route("/api/v1/accounts/{username}/roles", post(accounts::grant))
        .route(
            "/api/v1/accounts/{username}/roles/{role}",
            delete(accounts::revoke),
        )
        .route(
            "/api/v1/organisations",
            get(organisations::list).post(organisations::create),
        )
        .route(
            "/api/v1/organisations/{handle}",
            get(organisations::show).patch(organisations::update),
        )
        .route(
            "/api/v1/organisations/{handle}/posts",
            get(posts::list).post(posts::create),
        )
        .route("/api/v1/organisations/{handle}/media", post(media::upload))
        .route(
            "/api/v1/posts/{id}",
            get(posts::show).put(posts::replace).delete(posts::delete),
        )
        .route(
            "/api/v1/posts/{id}/pin",
            post(posts::pin).delete(posts::unpin),
        )
        .route("/api/v1/posts/{id}/deliveries", get(federation::deliveries))
        .route("/api/v1/events", get(events::calendar))
        .route("/api/v1/groups", get(forum::list).post(forum::create))
        .route("/api/v1/groups/{handle}", get(forum::show))
        .route("/api/v1/groups/{handle}/threads", get(forum::threads))
        .route("/api/v1/groups/{handle}/moderation", post(forum::moderate))
        .route(
            "/api/v1/groups/{handle}/moderation-log",
            get(forum::moderation_log),
        )
        .route("/api/v1/threads", get(forum::thread))
        .route(
            "/api/v1/organisations/{handle}/threads",
            post(forum::post_thread),
        )
        .route(
            "/api/v1/organisations/{handle}/comments",
            post(forum::post_comment),
        )
        .route(
            "/api/v1/organisations/{handle}/events",
            get(events::list).post(events::create),
        )
        .route(
            "/api/v1/organisations/{handle}/events/{id}",
            get(events::show).put(events::update),
        )
        .route(
            "/api/v1/organisations/{handle}/events/{id}/status",
            post(events::set_status),
        )
        .route(
            "/api/v1/organisations/{handle}/events/{id}/participants",
            get(events::participants),
        )
        .route(
            "/api/v1/organisations/{handle}/events/{id}/participants/{pid}/{verb}",
            post(events::decide),
        )
        .route(
            "/api/v1/organisations/{handle}/participations",
            get(events::participations)
                .post(events::join)
                .delete(events::leave),
        )
        .route(
            "/api/v1/organisations/{handle}/following",
            get(federation::following)
                .post(federation::follow_create)
                .delete(federation::follow_delete),
        )
        .route(
            "/api/v1/organisations/{handle}/followers",
            get(federation::followers),
        )
        .route(
            "/api/v1/organisations/{handle}/follow-requests",
            get(federation::requests),
        )
        .route(
            "/api/v1/organisations/{handle}/follow-requests/{id}/{verb}",
            post(federation::answer_request),
        )
        .route(
            "/api/v1/organisations/{handle}/boosts",
            post(federation::boost),
        )
        .route("/api/v1/admin/federation", get(federation::queue))
        .route(
            "/api/v1/organisations/{handle}/partnerships",
            get(partnerships::of_organisation).post(partnerships::propose),
        )
        .route("/api/v1/partnerships", get(partnerships::registry))
        .route("/api/v1/open-data/{file}", get(partnerships::open_data))
        .route(
            "/api/v1/admin/partnerships/import",
            post(partnerships::import),
        )
        .route("/api/v1/partnerships/records", get(partnerships::records))
        .route("/api/v1/partnerships/stats", get(partnerships::statistics))
        .route(
            "/api/v1/partnerships/{id}",
            get(partnerships::show).patch(partnerships::change),
        )
        .route(
            "/api/v1/partnerships/{id}/{verb}",
            post(partnerships::answer),
        )
        .route(
            "/api/v1/admin/domain-blocks",
            get(federation::blocks).post(federation::block),
        )
        .route(
            "/api/v1/admin/domain-blocks/{domain}",
            delete(federation::unblock),
        )
        .route("/api/v1/search", get(search::search))
        .route(
            "/api/v1/admin/relays",
            get(relays::list).post(relays::subscribe),
        )
        .route(
            "/api/v1/admin/relays/{network}",
            delete(relays::unsubscribe),
        )
        .merge(funding_routes())
}

fn funding_routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/funding", get(funding::list).post(funding::create))
        .route("/api/v1/funding/eligibility", post(funding::check))
        .route(
            "/api/v1/funding/{id}",
            get(funding::show)
                .put(funding::replace)
                .delete(funding::delete),
        )
}
