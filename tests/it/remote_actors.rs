//! Remote actors as other servers serve them, and duplicate deliveries arriving at once. A
//! fake remote server on loopback serves actor documents and a note (it reads no signature);
//! its actors sign real activities with their keys and post them to our served instance.

use crate::common::{Ctx, bilingual};
use activitypub_federation::http_signatures::generate_actor_keypair;
use axum::extract::State;
use axum::http::{StatusCode as AxumStatus, Uri, header};
use axum::response::IntoResponse;
use passerelle::db::models::actor::DbActor;
use passerelle::federation::signatures::{SigningKey, sign_post};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use url::Url;

/// The remote server's documents by path, and its gates.
#[derive(Clone, Default)]
struct Docs {
    docs: Arc<Mutex<HashMap<String, Value>>>,
    gates: Arc<Mutex<HashMap<String, Gate>>>,
}

/// Holds the GETs of a path until `threshold` of them wait, then lets them all through at
/// once (and any later ones): many fetches of one document come back together.
struct Gate {
    threshold: usize,
    arrived: usize,
    open: tokio::sync::watch::Sender<bool>,
}

/// Another server: serves the documents put in it, by path, as ActivityPub JSON.
pub struct Remote {
    pub base: String,
    docs: Docs,
}

/// One of the remote server's actors, with its private key.
pub struct RemoteActor {
    pub id: String,
    key: SigningKey,
}

async fn serve_doc(State(docs): State<Docs>, uri: Uri) -> axum::response::Response {
    let gate = docs.gates.lock().unwrap().get_mut(uri.path()).map(|g| {
        g.arrived += 1;
        if g.arrived >= g.threshold {
            g.open.send_replace(true);
        }
        g.open.subscribe()
    });
    if let Some(mut open) = gate {
        let opened = tokio::time::timeout(Duration::from_secs(20), open.wait_for(|o| *o)).await;
        if opened.is_err() {
            return (AxumStatus::INTERNAL_SERVER_ERROR, "the gate never opened").into_response();
        }
    }
    let doc = docs.docs.lock().unwrap().get(uri.path()).cloned();
    match doc {
        Some(doc) => (
            [(header::CONTENT_TYPE, "application/activity+json")],
            doc.to_string(),
        )
            .into_response(),
        None => AxumStatus::NOT_FOUND.into_response(),
    }
}

impl Remote {
    pub async fn start() -> Remote {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let docs = Docs::default();
        let app = axum::Router::new()
            .fallback(axum::routing::get(serve_doc))
            .with_state(docs.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Remote {
            base: format!("http://localhost:{port}"),
            docs,
        }
    }

    fn domain(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    pub fn put(&self, path: &str, doc: Value) {
        self.docs.docs.lock().unwrap().insert(path.to_string(), doc);
    }

    /// Holds the fetches of `path` until `threshold` of them wait (see [`Gate`]).
    pub fn gate(&self, path: &str, threshold: usize) {
        let gate = Gate {
            threshold,
            arrived: 0,
            open: tokio::sync::watch::channel(false).0,
        };
        self.docs
            .gates
            .lock()
            .unwrap()
            .insert(path.to_string(), gate);
    }

    /// An actor at `path` with only what ActivityStreams requires and a key, plus `extra`.
    pub fn actor(&self, path: &str, kind: &str, extra: Value) -> RemoteActor {
        let id = format!("{}{path}", self.base);
        let pair = generate_actor_keypair().unwrap();
        let mut doc = json!({
            "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": id, "type": kind,
            "inbox": format!("{}/inbox", self.base),
            "publicKey": {"id": format!("{id}#main-key"), "owner": id, "publicKeyPem": pair.public_key}
        });
        for (k, v) in extra.as_object().into_iter().flatten() {
            doc[k] = v.clone();
        }
        self.put(path, doc);
        RemoteActor {
            key: SigningKey::from_pkcs8_pem(format!("{id}#main-key"), &pair.private_key).unwrap(),
            id,
        }
    }
}

/// Posts `activity` to `inbox`, signed by `actor` at `when` (another date makes another
/// signature: a fresh delivery, not a replay).
pub async fn deliver(
    http: &reqwest::Client,
    inbox: &str,
    actor: &RemoteActor,
    activity: &Value,
    when: SystemTime,
) -> (StatusCode, String) {
    let body = activity.to_string();
    let headers = sign_post(
        &actor.key,
        &Url::parse(inbox).unwrap(),
        body.as_bytes(),
        when,
    )
    .unwrap();
    let req = passerelle::federation::http::signed(http.post(inbox).body(body), headers);
    let resp = req.send().await.unwrap();
    (resp.status(), resp.text().await.unwrap())
}

/// A local organisation with one post; its ActivityPub id.
pub async fn org_with_post(ctx: &Ctx, handle: &str) -> (DbActor, String) {
    let org = ctx.org(handle).await;
    let token = ctx.editor(&format!("redaktion-{handle}"), &[handle]).await;
    let (status, post) = ctx
        .json(
            ctx.http
                .post(ctx.url(&format!("/api/v1/organisations/{handle}/posts")))
                .bearer_auth(token)
                .json(&bilingual("Jumelage")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
    (org, post["ap_id"].as_str().unwrap().to_string())
}

async fn stored_actor(ctx: &Ctx, ap_id: &str) -> DbActor {
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    DbActor::by_ap_id(&mut conn, ap_id)
        .await
        .unwrap()
        .expect("the remote actor is stored")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn actors_without_preferred_username_are_accepted_with_a_fallback_handle() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (amiens, post) = org_with_post(&ctx, "ville-amiens").await;
    let inbox = ctx.url("/inbox");
    // A person with neither preferredUsername nor name, under an opaque id.
    let person = remote.actor("/endpoints/Xk3mQ", "Person", json!({}));
    let like = json!({"@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/like/1", remote.base), "type": "Like",
        "actor": person.id, "object": post});
    let (status, body) = deliver(&ctx.http, &inbox, &person, &like, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let row = stored_actor(&ctx, &person.id).await;
    assert_eq!((row.handle.as_str(), row.name.as_str()), ("Xk3mQ", "Xk3mQ"));
    assert_eq!(row.domain, remote.domain());
    assert_eq!(
        ctx.count(&format!(
            "reactions WHERE kind = 'Like' AND actor_id = {}",
            row.id
        ))
        .await,
        1
    );

    // A named one without preferredUsername, at its personal inbox: its name is shown.
    let named = remote.actor(
        "/users/comite/",
        "Group",
        json!({"name": "Comité de jumelage"}),
    );
    let follow = json!({"id": format!("{}/activities/follow/2", remote.base), "type": "Follow",
        "actor": named.id, "object": amiens.ap_id.as_str()});
    let personal = ctx.url("/o/ville-amiens/inbox");
    let (status, body) = deliver(&ctx.http, &personal, &named, &follow, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let row = stored_actor(&ctx, &named.id).await;
    assert_eq!(
        (row.handle.as_str(), row.name.as_str()),
        ("comite", "Comité de jumelage")
    );
    assert_eq!(
        ctx.count(&format!(
            "follows WHERE follower_id = {} AND followed_id = {}",
            row.id, amiens.id
        ))
        .await,
        1
    );

    // An instance actor at `/`: its host.
    let server = remote.actor("/", "Application", json!({}));
    let follow = json!({"id": format!("{}/activities/follow/3", remote.base), "type": "Follow",
        "actor": server.id, "object": amiens.ap_id.as_str()});
    let (status, body) = deliver(&ctx.http, &inbox, &server, &follow, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(stored_actor(&ctx, &server.id).await.handle, "localhost");
}
