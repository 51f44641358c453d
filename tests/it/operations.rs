//! What an operator's tools see: the health endpoints for load balancers and the Prometheus
//! metrics on their own address.

use crate::common::Ctx;
use crate::remote_actors::{Remote, deliver};
use passerelle::testing::{TestDb, TestInstance, test_config};
use reqwest::StatusCode;
use serde_json::json;
use std::time::SystemTime;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_answers_live_and_ready() {
    let ctx = Ctx::new().await;
    let live = ctx.get("/health/live").send().await.unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    let ready = ctx.get("/health/ready").send().await.unwrap();
    assert_eq!(ready.status(), StatusCode::OK);
    assert_eq!(ready.text().await.unwrap().trim(), "ready");
}

/// An instance whose pool points at a port where no PostgreSQL listens: it is live, and
/// not ready, within the readiness timeout.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_is_503_when_the_database_cannot_be_reached() {
    let db = TestDb::new().await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let config = test_config(port, &db, &[]).unwrap();
    let state = passerelle::app::prepare(config).await.unwrap();
    // A port nothing listens on: a closed port just taken and given back.
    let dead_port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let dead = url::Url::parse(&format!(
        "postgres://postgres@127.0.0.1:{dead_port}/nowhere"
    ))
    .unwrap();
    let state = state.with_pool(passerelle::db::pool(&dead, 2).unwrap());
    let running = passerelle::app::start(state, listener).await.unwrap();
    let http = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}");

    let live = http
        .get(format!("{base}/health/live"))
        .send()
        .await
        .unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    let started = std::time::Instant::now();
    let ready = http
        .get(format!("{base}/health/ready"))
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        started.elapsed() < passerelle::health::READY_TIMEOUT + std::time::Duration::from_secs(1),
        "readiness answered within its timeout ({:?})",
        started.elapsed()
    );
    let body: serde_json::Value = ready.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_ready", "{body}");
    running.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_are_served_apart_and_count_requests_and_inbox_activities() {
    let inst = TestInstance::start_with(|c| {
        c.metrics.listen = Some("127.0.0.1:0".parse().unwrap());
    })
    .await
    .unwrap();
    let metrics_addr = inst
        .running
        .as_ref()
        .and_then(|r| r.metrics_addr)
        .expect("the metrics listener is bound");
    let (ctx, remote) = tokio::join!(Ctx::with(inst), Remote::start());
    let org = ctx.org("stadt-jena").await;

    // The public address has no /metrics.
    let public = ctx.get("/metrics").send().await.unwrap();
    assert_eq!(public.status(), StatusCode::NOT_FOUND);

    // A page read and a signed Follow in the inbox; and an unsigned one, refused.
    let page = ctx.ap_get("/o/stadt-jena").send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let actor = remote.actor(
        "/users/anna",
        "Person",
        json!({"preferredUsername": "anna"}),
    );
    let follow = json!({"id": format!("{}/activities/follow/1", remote.base), "type": "Follow",
        "actor": actor.id, "object": org.ap_id.as_str()});
    let (status, body) = deliver(
        &ctx.http,
        &ctx.url("/inbox"),
        &actor,
        &follow,
        SystemTime::now(),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let unsigned = ctx
        .http
        .post(ctx.url("/inbox"))
        .header("content-type", "application/activity+json")
        .body(follow.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(unsigned.status(), StatusCode::UNAUTHORIZED);

    let resp = ctx
        .http
        .get(format!("http://{metrics_addr}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = resp.text().await.unwrap();
    for series in [
        // The route template, not the path.
        r#"passerelle_http_requests_total{method="GET",route="/o/{handle}",status="200"} 1"#,
        r#"passerelle_http_request_duration_seconds_count{method="GET",route="/o/{handle}"} 1"#,
        r#"passerelle_http_requests_total{method="POST",route="/inbox",status="202"} 1"#,
        r#"passerelle_inbox_activities_total{type="Follow",outcome="accepted"} 1"#,
        r#"passerelle_inbox_activities_total{type="Follow",outcome="unauthorized"} 1"#,
        "passerelle_delivery_queue_pending ",
        "passerelle_delivery_queue_oldest_due_age_seconds ",
        "passerelle_instances_failing 0",
    ] {
        assert!(text.contains(series), "`{series}` missing in:\n{text}");
    }
    assert!(
        !text.contains("stadt-jena"),
        "no raw path in the labels:\n{text}"
    );

    // The Follow queued an Accept to the remote actor's inbox, which takes no POST (405):
    // the attempt is counted as rejected.
    let scrape = || async {
        ctx.http
            .get(format!("http://{metrics_addr}/metrics"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let text = scrape().await;
        if text.contains(r#"passerelle_delivery_attempts_total{outcome="rejected"} 1"#) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the Accept's attempt is not counted:\n{text}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Runs `passerelle migrate` on a database of its own with standard error piped (as to a
/// log file), in `format`; returns what it logged.
fn migrate_logs(format: &str) -> String {
    let name = format!("passerelle_logs_{}", uuid::Uuid::new_v4().simple());
    let url = format!("{}/{name}", passerelle::testing::server_url());
    let dir = std::env::temp_dir().join(&name);
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("net.toml");
    std::fs::write(
        &config,
        format!(
            "[instance]\ndomain = \"logs.example\"\nname = {{ de = \"Netz\" }}\n\
             [http]\nlisten = \"127.0.0.1:9\"\n[database]\nurl = \"{url}\"\n[log]\nformat = \"{format}\"\n"
        ),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args(["migrate", "--config"])
        .arg(&config)
        .env("PASSERELLE_LOG", "info")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(passerelle::db::drop_database(
        &url::Url::parse(&url).unwrap(),
    ))
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn logs_to_a_pipe_are_plain_text_or_json_lines() {
    let text = migrate_logs("text");
    assert!(text.contains("created database"), "{text}");
    assert!(!text.contains('\u{1b}'), "no escape sequences: {text:?}");

    let json = migrate_logs("json");
    let lines: Vec<&str> = json.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(!lines.is_empty());
    for line in lines {
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"));
        assert!(v["level"].is_string() && v["timestamp"].is_string(), "{v}");
    }
    assert!(json.contains(r#""message":"created database""#), "{json}");
}

/// An actor's JSON is answered with an ETag; the same tag in `If-None-Match` gets 304
/// without a body; a change to the organisation gives a new document and a new tag (the
/// in-memory copy is dropped when the change is announced).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn actor_json_has_an_etag_and_answers_304_until_it_changes() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-gera").await;
    let first = ctx.ap_get("/o/stadt-gera").send().await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    let doc: serde_json::Value = first.json().await.unwrap();
    assert_eq!(doc["name"], "Stadt stadt-gera");

    let again = ctx
        .ap_get("/o/stadt-gera")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
    assert!(again.bytes().await.unwrap().is_empty());

    let token = ctx.editor("redaktion-gera", &["stadt-gera"]).await;
    let resp = ctx
        .http
        .patch(ctx.url("/api/v1/organisations/stadt-gera"))
        .bearer_auth(token)
        .json(&json!({"name": "Stadt Gera"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    // The change reaches the cache as a notification, a moment after its commit.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    let changed = loop {
        let resp = ctx
            .ap_get("/o/stadt-gera")
            .header("if-none-match", &etag)
            .send()
            .await
            .unwrap();
        if resp.status() == StatusCode::OK {
            break resp;
        }
        assert_eq!(resp.status(), StatusCode::NOT_MODIFIED);
        assert!(
            std::time::Instant::now() < deadline,
            "the change never reached the cache"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    };
    assert_ne!(changed.headers()["etag"].to_str().unwrap(), etag);
    let doc: serde_json::Value = changed.json().await.unwrap();
    assert_eq!(doc["name"], "Stadt Gera");

    // HTML pages get a tag computed from their body.
    let page = ctx.get("/o/stadt-gera").send().await.unwrap();
    let tag = page.headers()["etag"].to_str().unwrap().to_string();
    let page_again = ctx
        .get("/o/stadt-gera")
        .header("if-none-match", tag)
        .send()
        .await
        .unwrap();
    assert_eq!(page_again.status(), StatusCode::NOT_MODIFIED);
}
