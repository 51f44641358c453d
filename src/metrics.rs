//! Prometheus metrics of one process: HTTP requests by route and status, received activities,
//! delivery attempts, the delivery queue and failing instances (read from the database when
//! scraped), searches and the peers' answers.
//!
//! Built on `prometheus-client`, the Prometheus project's own Rust client: its registry is
//! a value, not a global, so each instance (several run in one test process) has its own
//! and it travels in the application state like everything else. The text is served apart
//! from the public address (`[metrics] listen`, see `serve`), so that only the operator's
//! network reaches it.

use crate::db::DbPool;
use crate::db::models::delivery::{self, Outcome};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::{Registry, Unit};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::{Duration, Instant};

/// How long a scrape waits for the queue figures before answering without fresh ones.
const QUERY_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    /// The route template as registered (`/users/{handle}`), never the raw path: one series
    /// per route, however many actors there are.
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: &'static str,
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct InboxLabels {
    r#type: &'static str,
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabels {
    kind: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ScopeLabels {
    scope: &'static str,
}

type HistogramFamily<L> = Family<L, Histogram, fn() -> Histogram>;

/// Latencies from half a millisecond to about 16 seconds, doubling.
fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.0005, 2.0, 16))
}

/// The metrics of one process. Cheap to update from any task: counters and histograms are
/// atomics behind a map of label sets.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    request_seconds: HistogramFamily<RouteLabels>,
    inbox: Family<InboxLabels, Counter>,
    deliveries: Family<OutcomeLabels, Counter>,
    queue_depth: Gauge,
    queue_oldest_due: Gauge<f64, AtomicU64>,
    failing_instances: Gauge,
    unreachable_instances: Gauge,
    search_seconds: HistogramFamily<ScopeLabels>,
    peer_seconds: HistogramFamily<OutcomeLabels>,
    forgotten: Family<KindLabels, Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("passerelle");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by method, route template and status",
            requests.clone(),
        );
        let request_seconds: HistogramFamily<RouteLabels> =
            Family::new_with_constructor(latency_histogram);
        registry.register_with_unit(
            "http_request_duration",
            "Time to answer an HTTP request, by method and route template",
            Unit::Seconds,
            request_seconds.clone(),
        );
        let inbox = Family::<InboxLabels, Counter>::default();
        registry.register(
            "inbox_activities",
            "Activities received in inboxes, by type and outcome (accepted, unauthorized, forbidden, bad_request, not_found, error)",
            inbox.clone(),
        );
        let deliveries = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "delivery_attempts",
            "Delivery attempts finished by this process, by outcome (delivered, rejected, gone, retry)",
            deliveries.clone(),
        );
        let queue_depth = Gauge::default();
        registry.register(
            "delivery_queue_pending",
            "Deliveries waiting to be sent (due now or later), all processes together",
            queue_depth.clone(),
        );
        let queue_oldest_due = Gauge::<f64, AtomicU64>::default();
        registry.register_with_unit(
            "delivery_queue_oldest_due_age",
            "How long the longest-waiting due delivery has been due (0 when none is due)",
            Unit::Seconds,
            queue_oldest_due.clone(),
        );
        let failing_instances = Gauge::default();
        registry.register(
            "instances_failing",
            "Remote instances whose deliveries are failing, not yet given up as unreachable",
            failing_instances.clone(),
        );
        let unreachable_instances = Gauge::default();
        registry.register(
            "instances_unreachable",
            "Remote instances given up as unreachable (nothing is sent to them)",
            unreachable_instances.clone(),
        );
        let search_seconds: HistogramFamily<ScopeLabels> =
            Family::new_with_constructor(latency_histogram);
        registry.register_with_unit(
            "search_duration",
            "Time to answer a search, by scope (local: this network; all: with the peers)",
            Unit::Seconds,
            search_seconds.clone(),
        );
        let peer_seconds: HistogramFamily<OutcomeLabels> =
            Family::new_with_constructor(latency_histogram);
        registry.register_with_unit(
            "search_peer_duration",
            "Time a peer network took to answer a search fan-out, by outcome (answered, timeout, failed)",
            Unit::Seconds,
            peer_seconds.clone(),
        );
        let forgotten = Family::<KindLabels, Counter>::default();
        registry.register(
            "maintenance_forgotten",
            "Old records deleted by this process's maintenance passes, by kind (sent_activities, received_activities, signatures, login_failures, sessions)",
            forgotten.clone(),
        );
        Metrics {
            registry,
            requests,
            request_seconds,
            inbox,
            deliveries,
            queue_depth,
            queue_oldest_due,
            failing_instances,
            unreachable_instances,
            search_seconds,
            peer_seconds,
            forgotten,
        }
    }

    fn request(&self, method: &Method, route: String, status: StatusCode, took: Duration) {
        let method = method_label(method);
        self.request_seconds
            .get_or_create(&RouteLabels {
                method,
                route: route.clone(),
            })
            .observe(took.as_secs_f64());
        self.requests
            .get_or_create(&RequestLabels {
                method,
                route,
                status: status.as_u16(),
            })
            .inc();
    }

    /// Counts an activity posted to an inbox: its type (read from the body, so that refused
    /// activities are counted under their type too) and what became of it.
    pub fn inbox<T>(&self, body: &[u8], result: &Result<T, crate::error::AppError>) {
        let outcome = match result {
            Ok(_) => "accepted",
            Err(e) => match e.status {
                StatusCode::UNAUTHORIZED => "unauthorized",
                StatusCode::FORBIDDEN => "forbidden",
                StatusCode::NOT_FOUND => "not_found",
                s if s.is_client_error() => "bad_request",
                _ => "error",
            },
        };
        self.inbox
            .get_or_create(&InboxLabels {
                r#type: activity_type(body),
                outcome,
            })
            .inc();
    }

    /// Counts what a maintenance pass forgot.
    pub fn forgotten(&self, f: &crate::maintenance::Forgotten) {
        for (kind, n) in f.by_kind() {
            self.forgotten.get_or_create(&KindLabels { kind }).inc_by(n);
        }
    }

    /// Counts a finished delivery attempt.
    pub fn delivery(&self, outcome: &Outcome) {
        let outcome = match outcome {
            Outcome::Delivered(_) => "delivered",
            Outcome::Rejected(..) => "rejected",
            Outcome::Gone => "gone",
            Outcome::Retry(..) => "retry",
        };
        self.deliveries
            .get_or_create(&OutcomeLabels { outcome })
            .inc();
    }

    /// Records a search (`all`: with the peers) and each peer's answer (outcome, milliseconds).
    pub fn search<'a>(
        &self,
        with_peers: bool,
        took: Duration,
        peers: impl IntoIterator<Item = (&'a str, u64)>,
    ) {
        let scope = if with_peers { "all" } else { "local" };
        self.search_seconds
            .get_or_create(&ScopeLabels { scope })
            .observe(took.as_secs_f64());
        for (status, ms) in peers {
            let outcome = match status {
                "answered" => "answered",
                "timeout" => "timeout",
                _ => "failed",
            };
            self.peer_seconds
                .get_or_create(&OutcomeLabels { outcome })
                .observe(ms as f64 / 1000.0);
        }
    }

    /// The metrics in Prometheus' text format, with the queue's figures read now. A
    /// database that does not answer within `QUERY_TIMEOUT` leaves them as last read.
    pub async fn render(&self, pool: &DbPool) -> String {
        self.refresh_queue(pool).await;
        let mut out = String::new();
        if let Err(e) = prometheus_client::encoding::text::encode(&mut out, &self.registry) {
            tracing::error!(error = %e, "encoding the metrics failed");
        }
        out
    }

    async fn refresh_queue(&self, pool: &DbPool) {
        let read = async {
            let mut conn = pool.get().await.map_err(anyhow::Error::from)?;
            anyhow::Ok(delivery::queue_gauges(&mut conn).await?)
        };
        match tokio::time::timeout(QUERY_TIMEOUT, read).await {
            Ok(Ok(g)) => {
                self.queue_depth.set(g.pending);
                self.queue_oldest_due.set(g.oldest_due_seconds.max(0.0));
                self.failing_instances.set(g.failing_instances);
                self.unreachable_instances.set(g.unreachable_instances);
            }
            Ok(Err(e)) => tracing::warn!(error = %e, "metrics: reading the delivery queue failed"),
            Err(_) => tracing::warn!("metrics: the delivery queue figures took too long"),
        }
    }
}

fn method_label(m: &Method) -> &'static str {
    match *m {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// The activity types worth a series of their own; anything else counts as `other`, so that
/// a sender cannot grow the number of series.
const ACTIVITY_TYPES: &[&str] = &[
    "Accept", "Add", "Announce", "Block", "Create", "Delete", "Flag", "Follow", "Join", "Leave",
    "Like", "Move", "Offer", "Reject", "Remove", "Undo", "Update",
];

/// The `type` of an activity's JSON, among `ACTIVITY_TYPES`; `other` or `unreadable`.
fn activity_type(body: &[u8]) -> &'static str {
    #[derive(serde::Deserialize)]
    struct Typed {
        #[serde(rename = "type")]
        kind: Option<serde_json::Value>,
    }
    let Ok(typed) = serde_json::from_slice::<Typed>(body) else {
        return "unreadable";
    };
    let name = match &typed.kind {
        Some(serde_json::Value::String(s)) => s.as_str(),
        Some(serde_json::Value::Array(a)) => a.first().and_then(|v| v.as_str()).unwrap_or(""),
        _ => "",
    };
    ACTIVITY_TYPES
        .iter()
        .find(|t| **t == name)
        .copied()
        .unwrap_or("other")
}

/// Middleware counting every answer by route template and status, and timing it. Added
/// with `Router::layer`, so the matched route is known; a request no route matched counts
/// under `unmatched`.
pub async fn track(State(metrics): State<Arc<Metrics>>, req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".to_string());
    let method = req.method().clone();
    let started = Instant::now();
    let resp = next.run(req).await;
    metrics.request(&method, route, resp.status(), started.elapsed());
    resp
}

/// The metrics endpoint's own little application: `GET /metrics`.
pub fn router(state: crate::state::AppState) -> axum::Router {
    axum::Router::new()
        .route("/metrics", axum::routing::get(scrape))
        .with_state(state)
}

async fn scrape(State(state): State<crate::state::AppState>) -> Response {
    let text = state.metrics.render(&state.pool).await;
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        text,
    )
        .into_response()
}

/// Serves `/metrics` on `listener` until `stop` turns true.
pub fn serve(
    state: crate::state::AppState,
    listener: tokio::net::TcpListener,
    mut stop: tokio::sync::watch::Receiver<bool>,
) -> tokio::task::JoinHandle<std::io::Result<()>> {
    let app = router(state);
    tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = stop.wait_for(|s| *s).await;
            })
            .await
    })
}

/// Where the metrics listener is bound, for messages.
pub fn describe(addr: Option<SocketAddr>) -> String {
    addr.map_or_else(|| "off".to_string(), |a| format!("http://{a}/metrics"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_types_are_bounded() {
        assert_eq!(activity_type(br#"{"type":"Follow","id":"x"}"#), "Follow");
        assert_eq!(activity_type(br#"{"type":["Create"]}"#), "Create");
        assert_eq!(activity_type(br#"{"type":"MadeUp123"}"#), "other");
        assert_eq!(activity_type(b"not json"), "unreadable");
    }

    #[test]
    fn series_are_named_and_labelled() {
        let m = Metrics::new();
        m.request(
            &Method::GET,
            "/users/{handle}".into(),
            StatusCode::OK,
            Duration::from_millis(3),
        );
        m.delivery(&Outcome::Delivered(202));
        m.search(true, Duration::from_millis(40), [("timeout", 1500)]);
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &m.registry).unwrap();
        assert!(
            out.contains(
                r#"passerelle_http_requests_total{method="GET",route="/users/{handle}",status="200"} 1"#
            ),
            "{out}"
        );
        assert!(
            out.contains(r#"passerelle_delivery_attempts_total{outcome="delivered"} 1"#),
            "{out}"
        );
        assert!(
            out.contains(r#"passerelle_search_peer_duration_seconds_count{outcome="timeout"} 1"#),
            "{out}"
        );
    }
}
