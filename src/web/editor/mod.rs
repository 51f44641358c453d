//! The editors' web interface behind login: an account's organisations, their posts (write,
//! preview, publish, edit, pin, delete, delivery status), images, followers and follows,
//! partnerships, and events (publish, edit, duplicate, cancel, participants; taking part in
//! others' events). Every change goes through the same domain functions as the JSON API, so
//! federation happens exactly as it does there.

pub mod event_form;
pub mod events;
pub mod funding;
pub mod looking;
pub mod lookup;
pub mod participation;
pub mod partnerships;
pub mod post_form;
pub mod posts;
pub mod review;
pub mod social;
pub mod suggestions;

use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};

/// The editors' pages (mounted by `web::backoffice::router`, which draws their errors).
pub fn routes(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/editor", get(posts::dashboard))
        .route("/editor/{handle}", get(posts::organisation))
        .route("/editor/{handle}/posts/new", get(posts::new_form))
        .route(
            "/editor/{handle}/posts",
            post(posts::create).layer(crate::media::upload_limit(state)),
        )
        .route("/editor/posts/{id}/edit", get(posts::edit_form))
        .route(
            "/editor/posts/{id}",
            post(posts::update).layer(crate::media::upload_limit(state)),
        )
        .route(
            "/editor/posts/{id}/delete",
            get(posts::delete_form).post(posts::delete),
        )
        .route("/editor/posts/{id}/pin", post(posts::pin))
        .route("/editor/posts/{id}/deliveries", get(posts::deliveries))
        .route(
            "/editor/posts/{id}/submissions",
            get(review::submissions).post(review::submit),
        )
        // Handles start with a letter or digit: `_review` is no organisation's.
        .route("/editor/_kept/{token}", get(crate::web::kept::page))
        .route("/editor/_review", get(review::queue))
        .route("/editor/_review/{id}", post(review::decide))
        .route("/editor/_funding", get(funding::list).post(funding::create))
        .route("/editor/_funding/new", get(funding::new_form))
        .route("/editor/_funding/{id}", post(funding::update))
        .route("/editor/_funding/{id}/edit", get(funding::edit_form))
        .route("/editor/_funding/{id}/delete", post(funding::delete))
        .route("/editor/{handle}/followers", get(social::page))
        .route("/editor/{handle}/follows", post(social::follow))
        .route("/editor/{handle}/unfollow", post(social::unfollow))
        .route("/editor/{handle}/requests/{id}", post(social::answer))
        .route(
            "/editor/{handle}/partnerships",
            get(partnerships::page).post(partnerships::propose),
        )
        .route(
            "/editor/{handle}/partnerships/{id}",
            post(partnerships::act),
        )
        .route(
            "/editor/{handle}/looking",
            get(looking::page).post(looking::save),
        )
        .route("/editor/{handle}/suggestions", get(suggestions::page))
        .route(
            "/editor/{handle}/events",
            get(events::list)
                .post(events::create)
                .layer(crate::media::upload_limit(state)),
        )
        .route("/editor/{handle}/events/new", get(events::new_form))
        .route(
            "/editor/{handle}/events/{id}",
            post(events::update).layer(crate::media::upload_limit(state)),
        )
        .route("/editor/{handle}/events/{id}/edit", get(events::edit_form))
        .route(
            "/editor/{handle}/events/{id}/duplicate",
            get(events::duplicate),
        )
        .route(
            "/editor/{handle}/events/{id}/cancel",
            get(events::cancel_form).post(events::cancel),
        )
        .route(
            "/editor/{handle}/events/{id}/participants",
            get(participation::participants),
        )
        .route(
            "/editor/{handle}/events/{id}/participants.csv",
            get(participation::participants_csv),
        )
        .route(
            "/editor/{handle}/events/{id}/participants/{pid}",
            post(participation::decide),
        )
        .route("/editor/{handle}/participations", post(participation::join))
        .route(
            "/editor/{handle}/participations/leave",
            post(participation::leave),
        )
}
