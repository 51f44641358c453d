//! Assembles the HTTP application and runs an instance: database, instance actor,
//! federation configuration, router, listener, graceful shutdown.

use crate::config::Config;
use crate::error::AppError;
use crate::federation::federation_config;
use crate::state::AppState;
use crate::{api, db, federation, orgs, web};
use activitypub_federation::config::FederationMiddleware;
use anyhow::Context;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch};
use tower_http::trace::TraceLayer;

/// The whole HTTP application of one instance.
pub async fn router(state: AppState) -> anyhow::Result<Router> {
    // Every page speaks from the languages' files: one that is incomplete stops the start.
    crate::web::i18n::check().map_err(|problems| anyhow::anyhow!("{problems}"))?;
    let fed = federation_config(state.clone()).await?;
    let limit = state.config.http.max_body_bytes;
    Ok(Router::new()
        .merge(federation::routes::router())
        .merge(crate::search::router())
        .merge(api::router())
        .merge(web::router())
        .merge(web::backoffice_router(state.clone()))
        .fallback(async || AppError::not_found("no such page"))
        .layer(axum::middleware::from_fn(refuse_nul))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            web::pages::error::html_errors,
        ))
        .layer(axum::middleware::from_fn(
            federation::routes::authorized_fetch,
        ))
        .layer(FederationMiddleware::new(fed))
        .layer(DefaultBodyLimit::max(limit))
        .layer(TraceLayer::new_for_http())
        .with_state(state))
}

/// A NUL character (`%00`) in a request's path or query is refused with a 400 before any
/// handler sees it: PostgreSQL cannot store it in text, so no lookup could succeed, and it
/// would otherwise surface as a database error.
async fn refuse_nul(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let has_nul = |s: &str| {
        s.as_bytes()
            .windows(3)
            .any(|w| w.eq_ignore_ascii_case(b"%00"))
    };
    let uri = req.uri();
    if has_nul(uri.path()) || uri.query().is_some_and(has_nul) {
        return AppError::bad_request("a NUL character (U+0000) is not accepted in an address")
            .into_response();
    }
    next.run(req).await
}

/// Prepares the database (creating and migrating it as needed) and the instance actor.
pub async fn prepare(config: Config) -> anyhow::Result<AppState> {
    let pool = db::prepare(&config.database.url, config.database.pool_size).await?;
    let state = AppState::new(pool, config);
    let mut conn = state
        .pool
        .get()
        .await
        .context("connecting to the database")?;
    orgs::ensure_instance_actor(&mut conn, &state.urls, &state.config.instance.domain).await?;
    let fed = &state.config.federation;
    crate::db::models::delivery::sync_config_blocks(
        &mut conn,
        &fed.blocked_domains,
        &fed.allowed_domains,
    )
    .await?;
    Ok(state)
}

/// A running instance; dropping `shutdown` (or sending on it) stops it gracefully.
pub struct RunningInstance {
    pub addr: SocketAddr,
    pub state: AppState,
    pub shutdown: Option<oneshot::Sender<()>>,
    pub task: tokio::task::JoinHandle<std::io::Result<()>>,
    worker_stop: watch::Sender<bool>,
    worker: tokio::task::JoinHandle<()>,
    indexer: tokio::task::JoinHandle<()>,
}

impl RunningInstance {
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = self.worker_stop.send(true);
        let _ = self.task.await;
        let _ = self.worker.await;
        let _ = self.indexer.await;
    }

    /// Stops at once, like a killed process: open connections and in-flight deliveries are
    /// dropped where they are.
    pub fn abort(self) {
        self.task.abort();
        self.worker.abort();
        self.indexer.abort();
    }
}

/// Starts serving an already prepared instance on a bound listener.
pub async fn start(state: AppState, listener: TcpListener) -> anyhow::Result<RunningInstance> {
    let addr = listener.local_addr()?;
    let app = router(state.clone()).await?;
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            let _ = rx.await;
        })
        .await
    });
    let (worker_stop, stop_rx) = watch::channel(false);
    let worker = tokio::spawn(crate::federation::delivery::run(
        state.clone(),
        state.wakeup.clone(),
        stop_rx.clone(),
    ));
    let indexer = tokio::spawn(crate::search::indexer::run(state.clone(), stop_rx));
    tracing::info!(%addr, domain = state.config.instance.domain, "serving");
    Ok(RunningInstance {
        addr,
        state,
        shutdown: Some(tx),
        task,
        worker_stop,
        worker,
        indexer,
    })
}

/// `passerelle serve`: runs until Ctrl-C or SIGTERM.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let listen = config.http.listen;
    let state = prepare(config).await?;
    let listener = TcpListener::bind(listen)
        .await
        .with_context(|| format!("listening on {listen}"))?;
    let instance = start(state, listener).await?;
    shutdown_signal().await;
    tracing::info!("shutting down");
    instance.stop().await;
    Ok(())
}

pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
