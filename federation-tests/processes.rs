//! Several `passerelle serve` processes on one database: two share one port
//! (`http.reuse_port`) and the delivery queue; one of them is killed (SIGKILL) in the middle
//! of a fan-out, and the other delivers what it had claimed once its lease runs out. A third
//! process on a port of its own then checks that a change made through one process is seen
//! through another within moments, although each keeps rendered actor documents and public
//! pages in memory.

use crate::common::wait_for;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use passerelle::auth;
use passerelle::db::models::actor::{DbActor, NewActor};
use passerelle::db::models::follow::DbFollow;
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::testing::TestDb;
use passerelle::vocab::OrgKind;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::watch;

const FOLLOWERS: usize = 120;
/// Deliveries answered at once before the sink starts holding them.
const ANSWERED_BEFORE_HOLD: usize = 20;
/// Deliveries in flight to one instance, per process (`delivery.per_domain`).
const PER_DOMAIN: usize = 4;

/// The followers' inboxes: records every arrival (and whether the sender was killed yet),
/// answers the first ones, holds the rest until opened.
#[derive(Clone)]
struct Sink {
    arrivals: Arc<Mutex<HashMap<String, Vec<bool>>>>,
    seen: Arc<AtomicUsize>,
    held: Arc<AtomicUsize>,
    killed: Arc<AtomicBool>,
    answered: Arc<Mutex<HashMap<String, usize>>>,
    open: watch::Receiver<bool>,
}

async fn inbox(State(sink): State<Sink>, Path(n): Path<String>) -> StatusCode {
    let after_kill = sink.killed.load(Ordering::SeqCst);
    sink.arrivals
        .lock()
        .unwrap()
        .entry(n.clone())
        .or_default()
        .push(after_kill);
    if sink.seen.fetch_add(1, Ordering::SeqCst) >= ANSWERED_BEFORE_HOLD {
        sink.held.fetch_add(1, Ordering::SeqCst);
        let mut open = sink.open.clone();
        let _ = open.wait_for(|o| *o).await;
    }
    *sink.answered.lock().unwrap().entry(n).or_default() += 1;
    StatusCode::ACCEPTED
}

/// A `serve` process with the configuration at `config`, its metrics on `metrics_port`,
/// and `listen` over its public address when given.
fn spawn_server(config: &std::path::Path, metrics_port: u16, listen: Option<&str>) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_passerelle"));
    cmd.args(["serve", "--config"])
        .arg(config)
        .env("PASSERELLE_LOG", "warn")
        .env(
            "PASSERELLE_METRICS_LISTEN",
            format!("127.0.0.1:{metrics_port}"),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(listen) = listen {
        cmd.env("PASSERELLE_HTTP_LISTEN", listen);
    }
    cmd.spawn().expect("the passerelle binary starts")
}

/// Waits until the process whose metrics are on `metrics_port` serves: it binds its public
/// address before its metrics one.
async fn wait_serving(metrics_port: u16) {
    let http = reqwest::Client::new();
    wait_for("the process serves", 60, || async {
        http.get(format!("http://127.0.0.1:{metrics_port}/metrics"))
            .send()
            .await
            .ok()
            .filter(|r| r.status().is_success())
    })
    .await;
}

async fn wait_ready(base: &str) {
    let http = reqwest::Client::new();
    wait_for("the server is ready", 60, || async {
        http.get(format!("{base}/health/ready"))
            .send()
            .await
            .ok()
            .filter(|r| r.status().is_success())
    })
    .await;
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Stores `n` remote followers of `org`, whose inboxes are on the sink.
async fn followers(conn: &mut diesel_async::AsyncPgConnection, org: &DbActor, sink_port: u16) {
    let key = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
    for i in 0..FOLLOWERS {
        let id = format!("http://localhost:{sink_port}/users/{i}");
        let actor = DbActor::insert(
            conn,
            &NewActor {
                inbox_url: format!("http://localhost:{sink_port}/inbox/{i}"),
                shared_inbox_url: None,
                public_key_pem: key.public_key.clone(),
                discoverable: false,
                indexable: false,
                ..NewActor::remote(
                    &id,
                    "Person",
                    &format!("u{i}"),
                    &format!("localhost:{sink_port}"),
                    &format!("Follower {i}"),
                )
            },
        )
        .await
        .unwrap();
        DbFollow::upsert(conn, actor.id, org.id, true, None)
            .await
            .unwrap();
    }
}

async fn actor_name(http: &reqwest::Client, base: &str, handle: &str) -> String {
    let doc: Value = http
        .get(format!("{base}/o/{handle}"))
        .header("accept", "application/activity+json")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    doc["name"].as_str().unwrap_or_default().to_string()
}

/// Whether the organisation's HTML page, as a visitor without a session gets it (kept by
/// the process that answers), names it `name`.
async fn page_names(http: &reqwest::Client, base: &str, handle: &str, name: &str) -> bool {
    http.get(format!("{base}/o/{handle}"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .contains(&format!("{name}</h1>"))
}

async fn rename(http: &reqwest::Client, base: &str, token: &str, handle: &str, name: &str) {
    let resp = http
        .patch(format!("{base}/api/v1/organisations/{handle}"))
        .bearer_auth(token)
        .json(&json!({ "name": name }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.status(),
        StatusCode::OK,
        "{}",
        resp.text().await.unwrap()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_share_a_port_and_the_queue_and_survive_a_kill() {
    let (open_tx, open_rx) = watch::channel(false);
    let sink = Sink {
        arrivals: Arc::default(),
        seen: Arc::default(),
        held: Arc::default(),
        killed: Arc::default(),
        answered: Arc::default(),
        open: open_rx,
    };
    let sink_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sink_port = sink_listener.local_addr().unwrap().port();
    let app = axum::Router::new()
        .route("/inbox/{n}", axum::routing::post(inbox))
        .with_state(sink.clone());
    tokio::spawn(async move { axum::serve(sink_listener, app).await });

    let db = TestDb::new().await.unwrap();
    let port = free_port();
    let base = format!("http://localhost:{port}");
    let dir = std::env::temp_dir().join(format!(
        "passerelle-processes-{}",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let config_path = dir.join("network.toml");
    std::fs::write(
        &config_path,
        format!(
            "[instance]\ndomain = \"localhost:{port}\"\nname = {{ de = \"Netz\" }}\n\
             [http]\nlisten = \"127.0.0.1:{port}\"\nreuse_port = true\n\
             [database]\nurl = \"{}\"\npool_size = 4\n[federation]\ndebug = true\n\
             [delivery]\nper_domain = {PER_DOMAIN}\nretry_base_ms = 200\nlease_seconds = 5\n",
            db.url
        ),
    )
    .unwrap();
    let config = passerelle::config::Config::load(&config_path).unwrap();
    let state = passerelle::app::prepare(config).await.unwrap();
    let token = {
        let mut conn = state.pool.get().await.unwrap();
        let new_org = |handle: &str| NewOrganisation {
            handle: handle.into(),
            name: format!("Stadt {handle}"),
            kind: OrgKind::Municipality,
            profile: Profile::default(),
        };
        let bonn = orgs::create(&mut conn, &state.urls, &new_org("bonn"))
            .await
            .unwrap();
        orgs::create(&mut conn, &state.urls, &new_org("koeln"))
            .await
            .unwrap();
        followers(&mut conn, &bonn, sink_port).await;
        let admin = auth::create_account(&mut conn, "admin", "admin-password-1", true, false)
            .await
            .unwrap();
        auth::issue_token(&mut conn, &admin, "t").await.unwrap().1
    };

    // Two processes on one port (the second could not bind it without SO_REUSEPORT).
    let metrics = [free_port(), free_port(), free_port()];
    let mut first = spawn_server(&config_path, metrics[0], None);
    let mut second = spawn_server(&config_path, metrics[1], None);
    wait_serving(metrics[0]).await;
    wait_serving(metrics[1]).await;
    wait_ready(&base).await;
    let http = reqwest::Client::new();

    let body = json!({"translations": [{"language": "de", "title": "Zwei Prozesse", "summary": "Kommt überall an."}]});
    let resp = http
        .post(format!("{base}/api/v1/organisations/bonn/posts"))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);

    // Both processes have their full share in flight (a process holds at most PER_DOMAIN
    // deliveries to the sink's instance): the first is killed while it holds some.
    wait_for("both processes are delivering", 60, || async {
        (sink.held.load(Ordering::SeqCst) >= 2 * PER_DOMAIN).then_some(())
    })
    .await;
    sink.killed.store(true, Ordering::SeqCst);
    first.kill().expect("SIGKILL");
    first.wait().unwrap();
    open_tx.send(true).unwrap();

    wait_for("every follower receives the post", 60, || async {
        (sink.answered.lock().unwrap().len() == FOLLOWERS).then_some(())
    })
    .await;
    wait_for("every delivery recorded as delivered", 30, || async {
        let mut conn = state.pool.get().await.unwrap();
        let s = passerelle::db::models::delivery::summary(&mut conn)
            .await
            .unwrap();
        (s.delivered as usize == FOLLOWERS && s.pending == 0).then_some(())
    })
    .await;

    {
        let arrivals = sink.arrivals.lock().unwrap();
        assert_eq!(arrivals.len(), FOLLOWERS, "every inbox got the post");
        let twice_before_kill: Vec<_> = arrivals
            .iter()
            .filter(|(_, a)| a.iter().filter(|after| !**after).count() > 1)
            .map(|(n, _)| n.clone())
            .collect();
        assert!(
            twice_before_kill.is_empty(),
            "while both processes ran, no delivery was claimed twice: {twice_before_kill:?}"
        );
        let again: Vec<_> = arrivals.iter().filter(|(_, a)| a.len() > 1).collect();
        assert!(
            again.len() <= PER_DOMAIN,
            "only what the killed process had in flight is sent again ({} inboxes)",
            again.len()
        );
        for (n, a) in &again {
            assert_eq!(
                a.as_slice(),
                [false, true],
                "inbox {n}: sent once before the kill, once by the survivor after its lease"
            );
        }
    }

    // A third process on a port of its own, for reads that must reach a given process.
    let other_port = free_port();
    let other = format!("http://127.0.0.1:{other_port}");
    let mut third = spawn_server(
        &config_path,
        metrics[2],
        Some(&format!("127.0.0.1:{other_port}")),
    );
    wait_ready(&other).await;
    // Both render and keep the document and the page first (the shared port's requests
    // reach either of its two processes).
    for _ in 0..4 {
        assert_eq!(actor_name(&http, &base, "koeln").await, "Stadt koeln");
        assert!(page_names(&http, &base, "koeln", "Stadt koeln").await);
    }
    assert_eq!(actor_name(&http, &other, "koeln").await, "Stadt koeln");
    assert!(page_names(&http, &other, "koeln", "Stadt koeln").await);
    // A change through one process is seen through the other, in both directions, in the
    // ActivityPub document and in the HTML page.
    rename(&http, &other, &token, "koeln", "Stadt Köln").await;
    wait_for("the shared port's process sees the new name", 5, || async {
        (actor_name(&http, &base, "koeln").await == "Stadt Köln"
            && page_names(&http, &base, "koeln", "Stadt Köln").await)
            .then_some(())
    })
    .await;
    rename(&http, &base, &token, "koeln", "Stadt Köln am Rhein").await;
    wait_for("the other process sees the new name", 5, || async {
        (actor_name(&http, &other, "koeln").await == "Stadt Köln am Rhein"
            && page_names(&http, &other, "koeln", "Stadt Köln am Rhein").await)
            .then_some(())
    })
    .await;

    for child in [&mut second, &mut third] {
        child.kill().ok();
        child.wait().ok();
    }
    let _ = std::fs::remove_dir_all(&dir);
}
