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
        .merge(crate::health::router())
        .fallback(async || AppError::not_found("no such page"))
        .layer(axum::middleware::from_fn(json_errors))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            refuse_unstorable_forms,
        ))
        .layer(axum::middleware::from_fn(refuse_nul))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            web::pages::error::html_errors,
        ))
        .layer(axum::middleware::from_fn_with_state(
            web::headers::SecurityHeaders::new(&state.config),
            web::headers::security_headers,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::cache::pages,
        ))
        .layer(axum::middleware::from_fn(
            federation::routes::authorized_fetch,
        ))
        .layer(FederationMiddleware::new(fed))
        .layer(DefaultBodyLimit::max(limit))
        .layer(TraceLayer::new_for_http())
        .layer(axum::middleware::from_fn(crate::cache::conditional_get))
        .layer(axum::middleware::from_fn_with_state(
            state.metrics.clone(),
            crate::metrics::track,
        ))
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

/// A form body (`application/x-www-form-urlencoded`) with a NUL character in a field is
/// refused with a 400 naming the field, before any handler reads it: PostgreSQL cannot
/// store the character. JSON bodies are checked by `api::json::ApiJson`, uploads' text fields
/// by the post form, CSV imports and received activities where they are read.
async fn refuse_unstorable_forms(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let is_form = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| {
            m.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if !is_form {
        return next.run(req).await;
    }
    let limit = state.config.http.max_body_bytes;
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return AppError::payload_too_large(limit).into_response();
    };
    let pairs: Vec<_> = url::form_urlencoded::parse(&bytes).collect();
    if let Some(field) =
        crate::input::unstorable_in_pairs(pairs.iter().map(|(k, v)| (k.as_ref(), v.as_ref())))
    {
        let mut e = AppError::invalid(field, crate::input::NUL_REFUSED);
        e.status = axum::http::StatusCode::BAD_REQUEST;
        e.code = "bad_request";
        return e.into_response();
    }
    next.run(axum::extract::Request::from_parts(
        parts,
        axum::body::Body::from(bytes),
    ))
    .await
}

/// The error answers axum's own extractors write as plain text (a path segment that is not
/// a number, an unreadable body, a method the path does not take) in the JSON error shape
/// every other error has; the page for browsers is drawn from it like any other.
async fn json_errors(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{StatusCode, header};
    use axum::response::IntoResponse;
    let resp = next.run(req).await;
    let status = resp.status();
    let plain = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|c| c.starts_with("text/plain"));
    if !(status.is_client_error() || status.is_server_error()) || !plain {
        return resp;
    }
    let (parts, body) = resp.into_parts();
    let text = axum::body::to_bytes(body, 16 * 1024)
        .await
        .ok()
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("error").to_string());
    let code = match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY => "invalid_field",
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    };
    let message = if status.is_server_error() {
        tracing::error!(status = status.as_u16(), error = text, "request failed");
        "internal error".to_string()
    } else {
        text
    };
    let mut json = AppError::new(status, code, message).into_response();
    for (name, value) in &parts.headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            json.headers_mut().append(name.clone(), value.clone());
        }
    }
    json
}

/// Prepares the database (creating and migrating it as needed) and the instance actor.
pub async fn prepare(config: Config) -> anyhow::Result<AppState> {
    let database = &config.database;
    let pool = db::prepare(&database.direct_url, &database.url, database.pool_size).await?;
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
    /// Where `/metrics` is served, when `[metrics] listen` is set.
    pub metrics_addr: Option<SocketAddr>,
    worker_stop: watch::Sender<bool>,
    worker: tokio::task::JoinHandle<()>,
    indexer: tokio::task::JoinHandle<()>,
    maintenance: tokio::task::JoinHandle<()>,
    listener: tokio::task::JoinHandle<()>,
    content_watcher: tokio::task::JoinHandle<()>,
    metrics: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
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
        let _ = self.maintenance.await;
        let _ = self.listener.await;
        let _ = self.content_watcher.await;
        if let Some(m) = self.metrics {
            let _ = m.await;
        }
    }

    /// Stops at once, like a killed process: open connections and in-flight deliveries are
    /// dropped where they are.
    pub fn abort(self) {
        self.task.abort();
        self.worker.abort();
        self.indexer.abort();
        self.maintenance.abort();
        self.listener.abort();
        self.content_watcher.abort();
        if let Some(m) = self.metrics {
            m.abort();
        }
    }
}

/// Starts serving an already prepared instance on a bound listener (and, when configured,
/// the metrics on their own).
pub async fn start(state: AppState, listener: TcpListener) -> anyhow::Result<RunningInstance> {
    let addr = listener.local_addr()?;
    let app = router(state.clone()).await?;
    // Bound before anything starts: a metrics address in use stops the start.
    let metrics_listener = match state.config.metrics.listen {
        Some(listen) => Some(
            TcpListener::bind(listen)
                .await
                .with_context(|| format!("listening for metrics on {listen}"))?,
        ),
        None => None,
    };
    let metrics_addr = match &metrics_listener {
        Some(l) => Some(l.local_addr()?),
        None => None,
    };
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
    let metrics =
        metrics_listener.map(|l| crate::metrics::serve(state.clone(), l, stop_rx.clone()));
    let listener = {
        let forgetting = state.clone();
        tokio::spawn(crate::notify::listen(
            state.config.database.direct_url.clone(),
            move |change| forgetting.forget(&change),
            stop_rx.clone(),
        ))
    };
    let content_watcher = {
        let forgetting = state.clone();
        tokio::spawn(crate::notify::watch_content(
            state.config.database.url.clone(),
            move |change| forgetting.forget(&change),
            stop_rx.clone(),
        ))
    };
    let maintenance = tokio::spawn(crate::maintenance::run(state.clone(), stop_rx.clone()));
    let indexer = tokio::spawn(crate::search::indexer::run(state.clone(), stop_rx));
    tokio::spawn(crate::auth::prepare_dummy_hash());
    tracing::info!(
        %addr,
        domain = state.config.instance.domain,
        metrics = crate::metrics::describe(metrics_addr),
        "serving"
    );
    Ok(RunningInstance {
        addr,
        state,
        shutdown: Some(tx),
        task,
        metrics_addr,
        worker_stop,
        worker,
        indexer,
        maintenance,
        listener,
        content_watcher,
        metrics,
    })
}

/// `passerelle serve`: runs until Ctrl-C or SIGTERM.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let (listen, reuse_port) = (config.http.listen, config.http.reuse_port);
    let state = prepare(config).await?;
    let listener = bind(listen, reuse_port).with_context(|| format!("listening on {listen}"))?;
    let instance = start(state, listener).await?;
    shutdown_signal().await;
    tracing::info!("shutting down");
    instance.stop().await;
    Ok(())
}

/// A listening socket on `addr`; with `reuse_port`, `SO_REUSEPORT` is set so that several
/// processes can listen on the same address and the kernel spreads new connections
/// between them (Linux, the BSDs and macOS).
pub fn bind(addr: SocketAddr, reuse_port: bool) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    if reuse_port {
        #[cfg(unix)]
        socket.set_reuseport(true)?;
        #[cfg(not(unix))]
        return Err(std::io::Error::new(
            std::io::ErrorKind::Unsupported,
            "http.reuse_port needs SO_REUSEPORT (Linux, the BSDs, macOS)",
        ));
    }
    socket.bind(addr)?;
    socket.listen(1024)
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
