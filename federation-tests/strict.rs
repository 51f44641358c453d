//! A strict server of our own, on loopback: it refuses every GET and POST whose signature is
//! not of the one scheme it knows, or (draft-cavage) does not cover `host` and `date` with
//! `rsa-sha256`, as Mastodon in secure mode and GoToSocial do; it fetches its signers' keys
//! with signed GETs of its own. passerelle, in authorized-fetch mode, follows its account,
//! is followed back, and delivers a post to it, with either scheme.

use crate::common::{Net, wait_for};
use axum::body::{Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use passerelle::federation::signatures::{
    PublicKey, RequestParts, Scheme, SignedRequest, SigningKey, sign_request,
};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;
use url::Url;

/// A request the strict server answered.
#[derive(Debug, Clone)]
struct Seen {
    method: Method,
    path: String,
    scheme: Option<Scheme>,
    status: u16,
    user_agent: String,
}

#[derive(Clone)]
struct Strict {
    mode: Scheme,
    base: String,
    key: Arc<SigningKey>,
    public_pem: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    received: Arc<Mutex<Vec<Value>>>,
    keys: Arc<Mutex<HashMap<String, String>>>,
    http: reqwest::Client,
}

impl Strict {
    async fn start(mode: Scheme) -> Strict {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://localhost:{}", listener.local_addr().unwrap().port());
        let pair = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
        let strict = Strict {
            mode,
            key: Arc::new(
                SigningKey::from_pkcs8_pem(
                    format!("{base}/users/anna#main-key"),
                    &pair.private_key,
                )
                .unwrap(),
            ),
            public_pem: pair.public_key,
            base,
            seen: Default::default(),
            received: Default::default(),
            keys: Default::default(),
            http: reqwest::Client::new(),
        };
        let app = axum::Router::new()
            .route("/.well-known/webfinger", get(webfinger))
            .route("/users/anna", get(actor))
            .route(
                "/users/locked",
                get(|| async { (StatusCode::UNAUTHORIZED, "locked away") }),
            )
            .route("/users/anna/inbox", post(inbox))
            .route("/inbox", post(inbox))
            .with_state(strict.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        strict
    }

    fn authority(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    fn actor_id(&self) -> String {
        format!("{}/users/anna", self.base)
    }

    fn log(
        &self,
        method: &Method,
        path: &str,
        scheme: Option<Scheme>,
        status: StatusCode,
        headers: &HeaderMap,
    ) {
        self.seen.lock().unwrap().push(Seen {
            method: method.clone(),
            path: path.to_string(),
            scheme,
            status: status.as_u16(),
            user_agent: headers
                .get("user-agent")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string(),
        });
    }

    /// Checks a request the way a strict server does; the error is the reason for a 401.
    async fn verify(
        &self,
        method: &Method,
        path: &str,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Scheme, String> {
        let scheme = if headers.contains_key("signature-input") {
            Scheme::Rfc9421
        } else if headers.contains_key("signature") {
            Scheme::Cavage
        } else {
            return Err("not signed".into());
        };
        if scheme != self.mode {
            return Err(format!(
                "{} signatures are not accepted here",
                scheme.as_str()
            ));
        }
        if !headers.contains_key("date") {
            return Err("no Date header".into());
        }
        if scheme == Scheme::Cavage {
            let sig = headers["signature"].to_str().unwrap_or("");
            let covered = sig
                .split("headers=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .unwrap_or("");
            for needed in ["(request-target)", "host", "date"] {
                if !covered.split(' ').any(|h| h == needed) {
                    return Err(format!("{needed} is not signed"));
                }
            }
            if !sig.contains("algorithm=\"rsa-sha256\"") {
                return Err("algorithm is not rsa-sha256".into());
            }
        }
        let parsed = SignedRequest::parse(headers).map_err(|e| e.to_string())?;
        let owner = parsed.key_owner_hint();
        let pem = self.key_of(&owner).await?;
        let key = PublicKey::from_pem(&pem).map_err(|e| e.to_string())?;
        let target_uri = format!("{}{path}", self.base);
        let parts = RequestParts {
            method,
            path_and_query: path,
            target_uri: &target_uri,
            headers,
            body,
        };
        parsed
            .verify(&parts, &key, SystemTime::now())
            .map_err(|e| e.to_string())?;
        Ok(scheme)
    }

    /// Verifies a request and logs it with the status it gets: `status` when its signature
    /// is accepted, else the 401 answer to send.
    async fn admit(
        &self,
        parts: &axum::http::request::Parts,
        body: &[u8],
        status: StatusCode,
    ) -> Result<(), Response> {
        let path = parts.uri.path();
        match self.verify(&parts.method, path, &parts.headers, body).await {
            Ok(scheme) => {
                self.log(&parts.method, path, Some(scheme), status, &parts.headers);
                Ok(())
            }
            Err(why) => {
                let refused = StatusCode::UNAUTHORIZED;
                self.log(&parts.method, path, None, refused, &parts.headers);
                Err((refused, why).into_response())
            }
        }
    }

    /// A signer's public key, fetched with a GET signed by our own account.
    async fn key_of(&self, owner: &str) -> Result<String, String> {
        if let Some(k) = self.keys.lock().unwrap().get(owner) {
            return Ok(k.clone());
        }
        let url = Url::parse(owner).map_err(|e| e.to_string())?;
        let headers = sign_request(
            &self.key,
            self.mode,
            &Method::GET,
            &url,
            None,
            SystemTime::now(),
        )
        .map_err(|e| e.to_string())?;
        let req = passerelle::federation::http::signed(
            self.http
                .get(url)
                .header("accept", "application/activity+json"),
            headers,
        );
        let resp = req.send().await.map_err(|e| e.to_string())?;
        if !resp.status().is_success() {
            return Err(format!("the key owner answered {}", resp.status()));
        }
        let doc: Value = resp.json().await.map_err(|e| e.to_string())?;
        let pem = doc["publicKey"]["publicKeyPem"]
            .as_str()
            .ok_or("no key")?
            .to_string();
        self.keys
            .lock()
            .unwrap()
            .insert(owner.to_string(), pem.clone());
        Ok(pem)
    }

    /// Sends an activity to an inbox of passerelle, signed in this server's scheme.
    async fn send(&self, inbox: &str, activity: &Value) -> StatusCode {
        let body = activity.to_string();
        let url = Url::parse(inbox).unwrap();
        let headers = sign_request(
            &self.key,
            self.mode,
            &Method::POST,
            &url,
            Some(body.as_bytes()),
            SystemTime::now(),
        )
        .unwrap();
        let req = passerelle::federation::http::signed(self.http.post(url).body(body), headers);
        req.send().await.unwrap().status()
    }

    fn received_of(&self, kind: &str) -> Option<Value> {
        self.received
            .lock()
            .unwrap()
            .iter()
            .find(|a| a["type"] == kind)
            .cloned()
    }
}

async fn webfinger(State(s): State<Strict>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    s.log(
        &parts.method,
        parts.uri.path(),
        None,
        StatusCode::OK,
        &parts.headers,
    );
    let query = parts.uri.query().unwrap_or("");
    let name = ["anna", "locked"].into_iter().find(|n| {
        query.contains(&format!("acct%3A{n}%40")) || query.contains(&format!("acct:{n}@"))
    });
    let Some(name) = name else {
        return StatusCode::NOT_FOUND.into_response();
    };
    axum::Json(json!({
        "subject": format!("acct:{name}@{}", s.authority()),
        "links": [{"rel": "self", "type": "application/activity+json",
                   "href": format!("{}/users/{name}", s.base)}]
    }))
    .into_response()
}

async fn actor(State(s): State<Strict>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    if let Err(refused) = s.admit(&parts, b"", StatusCode::OK).await {
        return refused;
    }
    let id = s.actor_id();
    (
        [("content-type", "application/activity+json")],
        json!({
            "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": id, "type": "Person", "preferredUsername": "anna", "name": "Anna",
            "inbox": format!("{id}/inbox"), "followers": format!("{id}/followers"),
            "endpoints": {"sharedInbox": format!("{}/inbox", s.base)},
            "publicKey": {"id": format!("{id}#main-key"), "owner": id, "publicKeyPem": s.public_pem}
        })
        .to_string(),
    )
        .into_response()
}

async fn inbox(State(s): State<Strict>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let body: Bytes = to_bytes(body, 1 << 20).await.unwrap_or_default();
    if let Err(refused) = s.admit(&parts, &body, StatusCode::ACCEPTED).await {
        return refused;
    }
    if let Ok(v) = serde_json::from_slice::<Value>(&body) {
        s.received.lock().unwrap().push(v);
    }
    StatusCode::ACCEPTED.into_response()
}

async fn federates_with_a_strict_server(mode: Scheme) {
    let net = Net::start_with(|c| c.federation.authorized_fetch = true).await;
    let bonn = net.org("stadt-bonn", false).await;
    let peer = Strict::start(mode).await;

    // Our editor follows anna by handle: WebFinger, then a signed GET of her actor.
    net.follow("stadt-bonn", &format!("@anna@{}", peer.authority()))
        .await;
    let follow = wait_for("our Follow reaches the strict server", 20, || async {
        peer.received_of("Follow")
    })
    .await;
    let accept = json!({"@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/accepts/1", peer.base), "type": "Accept",
        "actor": peer.actor_id(), "object": follow});
    assert_eq!(
        peer.send(&net.inst.url("/inbox"), &accept).await,
        StatusCode::ACCEPTED
    );
    wait_for("the follow is accepted here", 20, || async {
        net.following_accepted("stadt-bonn", &peer.actor_id())
            .await
            .filter(|a| *a)
    })
    .await;

    // anna follows Bonn back: our Accept reaches her, signed as she requires.
    let back = json!({"@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/follows/1", peer.base), "type": "Follow",
        "actor": peer.actor_id(), "object": bonn.ap_id.as_str()});
    assert_eq!(
        peer.send(&net.inst.url("/o/stadt-bonn/inbox"), &back).await,
        StatusCode::ACCEPTED
    );
    wait_for("our Accept reaches the strict server", 20, || async {
        peer.received_of("Accept")
    })
    .await;

    // A post reaches her.
    net.post("stadt-bonn", "Jugendaustausch").await;
    let create = wait_for("the Create reaches the strict server", 30, || async {
        peer.received_of("Create")
    })
    .await;
    assert_eq!(create["actor"], bonn.ap_id.as_str());

    // Every request of ours was signed in the scheme she knows, and named passerelle.
    let seen = peer.seen.lock().unwrap().clone();
    let ours: Vec<&Seen> = seen
        .iter()
        .filter(|s| s.path != "/.well-known/webfinger")
        .filter(|s| s.user_agent.starts_with("passerelle/"))
        .collect();
    assert!(ours.iter().any(|s| s.method == Method::GET), "{seen:#?}");
    assert!(
        ours.iter().filter(|s| s.method == Method::POST).count() >= 3,
        "{seen:#?}"
    );
    for s in &seen {
        assert!(
            s.user_agent.starts_with("passerelle/") && s.user_agent.contains(&net.inst.base),
            "User-Agent names us and our address: {s:?}"
        );
    }
    let refused: Vec<&&Seen> = ours.iter().filter(|s| s.status == 401).collect();
    match mode {
        // draft-cavage is tried first: never refused.
        Scheme::Cavage => assert!(refused.is_empty(), "{seen:#?}"),
        // Tried with draft-cavage once, refused, then RFC 9421 at once for this instance.
        Scheme::Rfc9421 => {
            assert_eq!(refused.len(), 1, "{seen:#?}");
            assert_eq!(refused[0].method, Method::GET);
        }
    }
    assert!(
        ours.iter()
            .filter(|s| s.status != 401)
            .all(|s| s.scheme == Some(mode)),
        "{seen:#?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_strict_draft_cavage_server_accepts_our_gets_and_posts() {
    federates_with_a_strict_server(Scheme::Cavage).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_strict_rfc9421_server_accepts_our_requests_after_one_knock() {
    federates_with_a_strict_server(Scheme::Rfc9421).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_lookup_says_which_step_failed_and_what_was_answered() {
    let net = Net::start().await;
    net.org("stadt-bonn", false).await;
    let peer = Strict::start(Scheme::Cavage).await;
    let follow = |target: String| {
        let net = &net;
        async move {
            net.call(
                reqwest::Method::POST,
                "/api/v1/organisations/stadt-bonn/following",
                Some(json!({"target": target})),
            )
            .await
        }
    };
    // WebFinger does not know the account.
    let (status, body) = follow(format!("@nobody@{}", peer.authority())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("WebFinger") && message.contains("404"),
        "{message}"
    );
    assert_eq!(body["error"]["field"], "target");
    // WebFinger answers, the actor refuses to be fetched.
    let (status, body) = follow(format!("@locked@{}", peer.authority())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("{}/users/locked", peer.base)) && message.contains("401"),
        "{message}"
    );
    assert!(!message.contains("WebFinger"), "{message}");
    // An instance that does not answer at all.
    let (status, body) = follow("@anna@localhost:9".to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("could not be reached"),
        "{body}"
    );
}
