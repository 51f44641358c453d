//! A server killed (SIGKILL) in the middle of a fan-out delivers everything after restart.
//! The real binary runs as a child process; a sink answers the first deliveries and holds
//! the rest, so the kill lands mid-fan-out every time.

use crate::common::wait_for;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use passerelle::auth;
use passerelle::db::models::actor::{DbActor, NewActor};
use passerelle::db::models::follow::DbFollow;
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::testing::TestDb;
use passerelle::vocab::OrgKind;
use serde_json::json;
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::watch;

const FOLLOWERS: usize = 120;
const ANSWERED_BEFORE_HOLD: usize = 30;

#[derive(Clone)]
struct Sink {
    seen: Arc<AtomicUsize>,
    delivered: Arc<Mutex<HashMap<String, usize>>>,
    open: watch::Receiver<bool>,
}

async fn inbox(State(sink): State<Sink>, Path(n): Path<String>) -> StatusCode {
    let i = sink.seen.fetch_add(1, Ordering::SeqCst);
    if i >= ANSWERED_BEFORE_HOLD {
        let mut open = sink.open.clone();
        let _ = open.wait_for(|o| *o).await;
    }
    *sink.delivered.lock().unwrap().entry(n).or_default() += 1;
    StatusCode::ACCEPTED
}

fn spawn_server(config: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args(["serve", "--config"])
        .arg(config)
        .env("PASSERELLE_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the passerelle binary starts")
}

async fn wait_listening(base: &str) {
    let http = reqwest::Client::new();
    wait_for("the server listens", 60, || async {
        http.get(format!("{base}/nodeinfo/2.1"))
            .send()
            .await
            .ok()
            .filter(|r| r.status().is_success())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_fan_out_delivers_everything_after_restart() {
    // The sink: answers the first deliveries, then holds every further one until opened.
    let (open_tx, open_rx) = watch::channel(false);
    let sink = Sink {
        seen: Arc::default(),
        delivered: Arc::default(),
        open: open_rx,
    };
    let sink_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sink_port = sink_listener.local_addr().unwrap().port();
    let app = axum::Router::new()
        .route("/inbox/{n}", axum::routing::post(inbox))
        .with_state(sink.clone());
    tokio::spawn(async move { axum::serve(sink_listener, app).await });

    // The sender's database, prepared here; the server itself runs as a child process.
    let db = TestDb::new().await.unwrap();
    let port = {
        tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    };
    let base = format!("http://localhost:{port}");
    let dir =
        std::env::temp_dir().join(format!("passerelle-kill-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let config_path = dir.join("sender.toml");
    std::fs::write(
        &config_path,
        format!(
            "[instance]\ndomain = \"localhost:{port}\"\nname = {{ de = \"Sender\" }}\n[http]\nlisten = \"127.0.0.1:{port}\"\n\
             [database]\nurl = \"{}\"\n[federation]\ndebug = true\n[delivery]\nper_domain = 4\nretry_base_ms = 200\nlease_seconds = 2\n",
            db.url
        ),
    )
    .unwrap();
    let config = passerelle::config::Config::load(&config_path).unwrap();
    let state = passerelle::app::prepare(config).await.unwrap();
    let token = {
        let mut conn = state.pool.get().await.unwrap();
        let org = orgs::create(
            &mut conn,
            &state.urls,
            &NewOrganisation {
                handle: "stadt-bonn".into(),
                name: "Stadt Bonn".into(),
                kind: OrgKind::Municipality,
                profile: Profile::default(),
            },
        )
        .await
        .unwrap();
        let key = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
        for i in 0..FOLLOWERS {
            let id = format!("http://localhost:{sink_port}/users/{i}");
            let actor = DbActor::insert(
                &mut conn,
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
            DbFollow::upsert(&mut conn, actor.id, org.id, true, None)
                .await
                .unwrap();
        }
        let admin = auth::create_account(&mut conn, "admin", "admin-password-1", true, false)
            .await
            .unwrap();
        auth::issue_token(&mut conn, &admin, "t").await.unwrap().1
    };

    let mut child = spawn_server(&config_path);
    wait_listening(&base).await;
    let body = json!({"translations": [{"language": "de", "title": "Ausfallsicher", "summary": "Kommt überall an."}]});
    let resp = reqwest::Client::new()
        .post(format!("{base}/api/v1/organisations/stadt-bonn/posts"))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);

    // Kill the server while deliveries are held mid-flight.
    wait_for("the fan-out is under way", 30, || async {
        (sink.seen.load(Ordering::SeqCst) > ANSWERED_BEFORE_HOLD).then_some(())
    })
    .await;
    child.kill().expect("SIGKILL");
    child.wait().unwrap();
    let before = sink.delivered.lock().unwrap().len();
    assert!(
        before < FOLLOWERS,
        "the kill landed mid-fan-out ({before} of {FOLLOWERS} delivered)"
    );

    // Restart; the sink answers everything now.
    open_tx.send(true).unwrap();
    let mut child = spawn_server(&config_path);
    wait_listening(&base).await;
    wait_for("every follower receives the post", 60, || async {
        (sink.delivered.lock().unwrap().len() == FOLLOWERS).then_some(())
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
    child.kill().ok();
    child.wait().ok();
    // At least once, and duplicates only for what was in flight at the kill.
    let delivered = sink.delivered.lock().unwrap();
    let total: usize = delivered.values().sum();
    assert!(
        total - FOLLOWERS <= 2 * 4,
        "{} duplicates",
        total - FOLLOWERS
    );
    drop(delivered);
    let _ = std::fs::remove_dir_all(&dir);
}
