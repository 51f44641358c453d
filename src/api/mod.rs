//! The JSON API for editors and operators, under `/api/v1`, described at `/api/openapi.json`.
//! One file per endpoint group; handlers are thin and call models and domain modules.

pub mod accounts;
pub mod auth;
pub mod events;
pub mod federation;
pub mod forum;
pub mod forum_reports;
pub mod funding;
pub mod json;
pub mod media;
pub mod openapi;
pub mod organisations;
pub mod partners;
pub mod partnerships;
pub mod person;
pub mod posts;
pub mod relays;
pub mod review;
pub mod search;
pub mod views;

use crate::state::AppState;
use axum::routing::get;
use axum::{Json, Router};
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every API route with its description: one `routes!` per path, listing that path's
/// handlers (each annotated with `#[utoipa::path]`; see [`openapi`] for the pattern).
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(accounts::login))
        .routes(routes!(accounts::me))
        .routes(routes!(accounts::my_tokens, accounts::new_token))
        .routes(routes!(accounts::revoke_token))
        .routes(routes!(accounts::list, accounts::create))
        .routes(routes!(accounts::grant))
        .routes(routes!(accounts::revoke))
        .routes(routes!(organisations::list, organisations::create))
        .routes(routes!(organisations::show, organisations::update))
        .routes(routes!(posts::list, posts::create))
        .routes(routes!(media::upload))
        .routes(routes!(posts::show, posts::replace, posts::delete))
        .routes(routes!(posts::pin, posts::unpin))
        .routes(routes!(federation::deliveries))
        .routes(routes!(events::calendar))
        .routes(routes!(events::list, events::create))
        .routes(routes!(events::show, events::update))
        .routes(routes!(events::set_status))
        .routes(routes!(events::participants))
        .routes(routes!(events::decide))
        .routes(routes!(events::participations, events::join, events::leave))
        .routes(routes!(
            federation::following,
            federation::follow_create,
            federation::follow_delete
        ))
        .routes(routes!(federation::followers))
        .routes(routes!(federation::requests))
        .routes(routes!(federation::answer_request))
        .routes(routes!(federation::boost))
        .routes(routes!(federation::queue))
        .routes(routes!(
            partnerships::of_organisation,
            partnerships::propose
        ))
        .routes(routes!(partnerships::registry))
        .routes(routes!(partnerships::open_data))
        .routes(routes!(partnerships::import))
        .routes(routes!(partnerships::records))
        .routes(routes!(partnerships::statistics))
        .routes(routes!(partnerships::show, partnerships::change))
        .routes(routes!(partnerships::answer))
        .routes(routes!(federation::blocks, federation::block))
        .routes(routes!(federation::unblock))
        .routes(routes!(search::search))
        .routes(routes!(relays::list, relays::subscribe))
        .routes(routes!(relays::unsubscribe))
        .routes(routes!(forum::list, forum::create))
        .routes(routes!(forum::show))
        .routes(routes!(forum::threads))
        .routes(routes!(forum::moderate))
        .routes(routes!(forum::moderation_log))
        .routes(routes!(forum::thread))
        .routes(routes!(forum::post_thread))
        .routes(routes!(forum::post_comment))
        .routes(routes!(forum_reports::report))
        .routes(routes!(forum_reports::list))
        .routes(routes!(forum_reports::resolve))
        .routes(routes!(funding::list, funding::create))
        .routes(routes!(funding::check))
        .routes(routes!(funding::show, funding::replace, funding::delete))
        .routes(routes!(review::showcases, review::create_showcase))
        .routes(routes!(review::submit, review::post_submissions))
        .routes(routes!(review::organisation_submissions))
        .routes(routes!(review::queue))
        .routes(routes!(review::decide))
        .routes(routes!(partners::show, partners::put, partners::remove))
        .routes(routes!(partners::suggestions))
        .routes(routes!(partners::looking))
        .routes(routes!(person::show, person::put, person::delete))
        .routes(routes!(person::post_thread))
        .routes(routes!(person::post_comment))
        .routes(routes!(person::report))
}

/// The API's routes, and `/api/openapi.json` describing them.
pub fn router() -> Router<AppState> {
    let (router, api) = routes().split_for_parts();
    let document = Arc::new(openapi::document(api));
    router.route(
        "/api/openapi.json",
        get(async move || Json(document.as_ref().clone())),
    )
}
