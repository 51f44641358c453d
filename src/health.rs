//! Health endpoints for load balancers and orchestrators.
//!
//! - `GET /health/live`: the process is up and answering; touches nothing else, so a slow
//!   or lost database never gets a live process restarted.
//! - `GET /health/ready`: the process can do its work: one `SELECT 1` through the pool
//!   within `READY_TIMEOUT`, else 503, so that a balancer sends requests elsewhere.

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use diesel_async::RunQueryDsl;
use std::time::Duration;

/// How long readiness waits for a connection and its answer.
pub const READY_TIMEOUT: Duration = Duration::from_secs(2);

pub fn router() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/health/live", get(live))
        .route("/health/ready", get(ready))
}

async fn live() -> &'static str {
    "live\n"
}

async fn ready(State(state): State<AppState>) -> Result<&'static str, AppError> {
    let check = async {
        let mut conn = state.pool.get().await.map_err(|e| e.to_string())?;
        diesel::sql_query("SELECT 1")
            .execute(&mut conn)
            .await
            .map_err(|e| e.to_string())
    };
    match tokio::time::timeout(READY_TIMEOUT, check).await {
        Ok(Ok(_)) => Ok("ready\n"),
        Ok(Err(e)) => {
            tracing::warn!(error = e, "not ready: the database does not answer");
            Err(not_ready("the database cannot be reached"))
        }
        Err(_) => {
            tracing::warn!("not ready: the database did not answer in time");
            Err(not_ready(format!(
                "the database did not answer within {} ms",
                READY_TIMEOUT.as_millis()
            )))
        }
    }
}

fn not_ready(message: impl Into<String>) -> AppError {
    AppError::new(StatusCode::SERVICE_UNAVAILABLE, "not_ready", message)
}
