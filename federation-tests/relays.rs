//! Relays both ways, against a relay of our own written here that behaves as activityrelay
//! (LitePub relay software) does: it verifies every POST's signature with the sender's key,
//! answers a Follow with Accept and a Follow back, relays what subscribers send, announces
//! others' posts, and answers an Undo{Follow} with an Undo of it.

use crate::common::{Net, SENT, wait_for};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::routing::get;
use passerelle::federation::signatures::{
    PublicKey, RequestParts, SignedRequest, SigningKey, sign_post,
};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;
use tokio::net::TcpListener;
use url::Url;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// An activity the relay received, and whether its signature verified with its actor's key.
#[derive(Debug, Clone)]
struct Received {
    activity: Value,
    signed_by: String,
}

struct RelayInner {
    base: String,
    key: SigningKey,
    public_pem: String,
    /// Answer subscriptions with Reject instead of Accept.
    rejects: bool,
    received: Mutex<Vec<Received>>,
    /// Ids of the Follows it sent back.
    follows_sent: Mutex<Vec<String>>,
    /// The shared inboxes of its subscribers: only they may post to it.
    subscribers: Mutex<Vec<String>>,
    http: reqwest::Client,
}

#[derive(Clone)]
struct FakeRelay(Arc<RelayInner>);

impl FakeRelay {
    async fn start(rejects: bool) -> FakeRelay {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://localhost:{}", listener.local_addr().unwrap().port());
        let pair = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
        let key = SigningKey::from_pkcs8_pem(format!("{base}/actor#main-key"), &pair.private_key)
            .unwrap();
        let relay = FakeRelay(Arc::new(RelayInner {
            base,
            key,
            public_pem: pair.public_key,
            rejects,
            received: Mutex::new(vec![]),
            follows_sent: Mutex::new(vec![]),
            subscribers: Mutex::new(vec![]),
            http: reqwest::Client::new(),
        }));
        let app = Router::new()
            .route("/actor", get(actor))
            .route("/inbox", get(actor).post(inbox))
            .with_state(relay.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        relay
    }

    fn actor_id(&self) -> String {
        format!("{}/actor", self.0.base)
    }

    fn inbox(&self) -> String {
        format!("{}/inbox", self.0.base)
    }

    fn domain(&self) -> String {
        self.0.base.trim_start_matches("http://").to_string()
    }

    fn received(&self) -> Vec<Received> {
        self.0.received.lock().unwrap().clone()
    }

    /// The first activity received that `pred` picks.
    fn find(&self, pred: impl Fn(&Value) -> bool) -> Option<Received> {
        self.received().into_iter().find(|r| pred(&r.activity))
    }

    fn new_id(&self) -> String {
        format!("{}/activities/{}", self.0.base, uuid::Uuid::new_v4())
    }

    /// POSTs an activity signed with the relay's key, as activityrelay does.
    async fn send(&self, inbox: &str, activity: Value) -> StatusCode {
        let body = activity.to_string();
        let headers = sign_post(
            &self.0.key,
            &Url::parse(inbox).unwrap(),
            body.as_bytes(),
            SystemTime::now(),
        )
        .unwrap();
        let req = passerelle::federation::http::signed(self.0.http.post(inbox).body(body), headers);
        req.send().await.unwrap().status()
    }

    /// Announces a post to a subscriber, as activityrelay relays a Create it received.
    async fn announce(&self, inbox: &str, object: &str) -> StatusCode {
        let announce = json!({"@context": "https://www.w3.org/ns/activitystreams",
            "id": self.new_id(), "type": "Announce", "actor": self.actor_id(),
            "to": [format!("{}/followers", self.0.base)], "object": object});
        self.send(inbox, announce).await
    }
}

/// The operators' health page (`/admin`, in English) as the editor-admin of `net` sees it.
async fn admin_page(net: &Net) -> String {
    use passerelle::db::models::account::Account;
    use passerelle::db::models::web_session::WebSession;
    let mut conn = net.inst.state().pool.get().await.unwrap();
    let admin = Account::by_username(&mut conn, "redaktion")
        .await
        .unwrap()
        .unwrap();
    let token = "pss_relay_test";
    WebSession::insert(
        &mut conn,
        admin.id,
        &passerelle::auth::hash_token(token),
        "csrf",
        chrono::Utc::now() + chrono::Duration::hours(1),
    )
    .await
    .unwrap();
    let resp = net
        .http
        .get(net.inst.url("/admin?lang=en"))
        .header("cookie", format!("passerelle_session={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    resp.text().await.unwrap()
}

async fn actor(State(relay): State<FakeRelay>) -> impl axum::response::IntoResponse {
    let id = relay.actor_id();
    let doc = json!({
        "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
        "id": id, "type": "Application", "preferredUsername": "relay", "name": "ActivityRelay",
        "inbox": relay.inbox(), "endpoints": {"sharedInbox": relay.inbox()},
        "followers": format!("{}/followers", relay.0.base),
        "following": format!("{}/following", relay.0.base),
        "publicKey": {"id": format!("{id}#main-key"), "owner": id, "publicKeyPem": relay.0.public_pem}
    });
    (
        [("content-type", "application/activity+json")],
        doc.to_string(),
    )
}

/// The sender's actor document, fetched (signed by the relay, as activityrelay signs its
/// fetches) before it verifies.
async fn fetch_actor(relay: &FakeRelay, id: &str) -> Option<Value> {
    let url = url::Url::parse(id).ok()?;
    let signed =
        passerelle::federation::signatures::sign_get(&relay.0.key, &url, SystemTime::now()).ok()?;
    let req = passerelle::federation::http::signed(
        relay
            .0
            .http
            .get(url)
            .header("accept", "application/activity+json"),
        signed,
    );
    let resp = req.send().await.ok()?;
    resp.json().await.ok()
}

async fn inbox(
    State(relay): State<FakeRelay>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, &'static str) {
    let Ok(activity) = serde_json::from_slice::<Value>(&body) else {
        return (StatusCode::BAD_REQUEST, "failed to parse message");
    };
    let Some(actor_id) = activity["actor"].as_str().map(String::from) else {
        return (StatusCode::BAD_REQUEST, "no actor in message");
    };
    // Verified with the key of the actor the activity names, or refused.
    let Ok(signed) = SignedRequest::parse(&headers) else {
        return (StatusCode::BAD_REQUEST, "missing signature header");
    };
    let Some(actor) = fetch_actor(&relay, &actor_id).await else {
        return (StatusCode::BAD_REQUEST, "failed to fetch actor");
    };
    let Some(key) = actor["publicKey"]["publicKeyPem"]
        .as_str()
        .and_then(|pem| PublicKey::from_pem(pem).ok())
    else {
        return (StatusCode::BAD_REQUEST, "actor missing public key");
    };
    let parts = RequestParts {
        method: &Method::POST,
        path_and_query: "/inbox",
        target_uri: &relay.inbox(),
        headers: &headers,
        body: &body,
    };
    if signed.verify(&parts, &key, SystemTime::now()).is_err()
        || actor["publicKey"]["owner"].as_str() != Some(actor_id.as_str())
    {
        return (StatusCode::UNAUTHORIZED, "signature validation failed");
    }
    let answer_to = actor["endpoints"]["sharedInbox"]
        .as_str()
        .or(actor["inbox"].as_str())
        .unwrap_or_default()
        .to_string();
    // As activityrelay: anything but a Follow only from a subscribed instance, known by the
    // sender's shared inbox. Unlike activityrelay, an answer to the relay's own Follow is
    // recorded from anyone, for the tests to see it.
    let subscribed = relay.0.subscribers.lock().unwrap().contains(&answer_to);
    let answer = matches!(activity["type"].as_str(), Some("Accept" | "Reject"))
        && activity["object"]["actor"] == relay.actor_id().as_str();
    if activity["type"] != "Follow" && !subscribed && !answer {
        return (StatusCode::UNAUTHORIZED, "access denied");
    }
    relay.0.received.lock().unwrap().push(Received {
        activity: activity.clone(),
        signed_by: signed.key_id.clone(),
    });
    match activity["type"].as_str() {
        Some("Follow") => {
            // Only instance actors may subscribe, as activityrelay requires.
            let accept = !relay.0.rejects && actor["type"] == "Application";
            if accept {
                relay.0.subscribers.lock().unwrap().push(answer_to.clone());
            }
            let relay = relay.clone();
            // Answered after the 202, as activityrelay's queue does.
            tokio::spawn(async move {
                let kind = if accept { "Accept" } else { "Reject" };
                let answer = json!({"@context": "https://www.w3.org/ns/activitystreams",
                    "id": relay.new_id(), "type": kind, "to": [actor_id], "actor": relay.actor_id(),
                    "object": {"id": activity["id"], "type": "Follow", "object": relay.actor_id(), "actor": actor_id}});
                relay.send(&answer_to, answer).await;
                if accept {
                    let id = relay.new_id();
                    relay.0.follows_sent.lock().unwrap().push(id.clone());
                    let follow = json!({"@context": "https://www.w3.org/ns/activitystreams",
                        "id": id, "type": "Follow", "to": [actor_id], "object": actor_id,
                        "actor": relay.actor_id()});
                    relay.send(&answer_to, follow).await;
                }
            });
        }
        Some("Undo") if activity["object"]["type"] == "Follow" => {
            relay
                .0
                .subscribers
                .lock()
                .unwrap()
                .retain(|i| *i != answer_to);
            let relay = relay.clone();
            tokio::spawn(async move {
                let undo = json!({"@context": "https://www.w3.org/ns/activitystreams",
                    "id": relay.new_id(), "type": "Undo", "to": [actor_id],
                    "actor": relay.actor_id(), "object": activity});
                relay.send(&answer_to, undo).await;
            });
        }
        _ => {}
    }
    (StatusCode::ACCEPTED, "")
}

async fn relays(net: &Net) -> Vec<Value> {
    let (status, list) = net.call(Method::GET, "/api/v1/admin/relays", None).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array().unwrap().clone()
}

async fn wait_state(net: &Net, relay: &FakeRelay, state: &'static str) -> Value {
    let network = relay.domain();
    wait_for(
        &format!("the relay subscription is {state}"),
        20,
        || async {
            relays(net)
                .await
                .into_iter()
                .find(|r| r["network"] == network.as_str() && r["state"] == state)
        },
    )
    .await
}

async fn subscribe(net: &Net, target: &str) -> Value {
    let (status, body) = net
        .call(
            Method::POST,
            "/api/v1/admin/relays",
            Some(json!({"target": target})),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_litepub_relay_gets_our_public_posts_and_relays_others_to_us() {
    let (nrw, afccre, relay) = tokio::join!(Net::start(), Net::start(), FakeRelay::start(false));
    nrw.org("stadt-dortmund", false).await;
    let instance = nrw.inst.url("/actor");

    // Subscribed by the relay's actor: LitePub style, a Follow of the relay's actor.
    let sub = subscribe(&nrw, &relay.actor_id()).await;
    assert_eq!(sub["kind"], "relay");
    assert_eq!(sub["style"], "litepub");
    assert_eq!(sub["state"], "pending");
    assert_eq!(sub["actor"], relay.actor_id());
    let follow = wait_for("our Follow reaches the relay", 20, || async {
        relay.find(|a| a["type"] == "Follow")
    })
    .await;
    assert_eq!(follow.activity["actor"], instance.as_str());
    assert_eq!(follow.activity["object"], relay.actor_id());
    assert_eq!(follow.signed_by, format!("{instance}#main-key"));
    wait_state(&nrw, &relay, "accepted").await;
    // The operators' page lists it with its state.
    let page = admin_page(&nrw).await;
    let host = relay.0.base.trim_start_matches("http://");
    assert!(page.contains(host) && page.contains("Relay"), "{page}");
    assert!(
        page.contains("litepub") && page.contains("accepted"),
        "{page}"
    );

    // The relay's follow-back is accepted.
    let accept = wait_for(
        "our Accept of the follow-back reaches the relay",
        20,
        || async { relay.find(|a| a["type"] == "Accept") },
    )
    .await;
    let follow_back = relay.0.follows_sent.lock().unwrap()[0].clone();
    assert_eq!(accept.activity["object"]["id"], follow_back.as_str());
    assert_eq!(accept.activity["actor"], instance.as_str());
    assert!(
        relay.find(|a| a["type"] == "Reject").is_none(),
        "nothing was rejected"
    );

    // Our public post reaches the relay's inbox, signed by its author; the instance actor's
    // Announce too, since the relay follows it.
    let post = nrw.post("stadt-dortmund", "Relais public").await;
    let post_id = post["ap_id"].as_str().unwrap().to_string();
    let create = wait_for("our post's Create reaches the relay", 20, || async {
        relay.find(|a| a["type"] == "Create" && a["object"]["id"] == post_id.as_str())
    })
    .await;
    let author = nrw.inst.url("/o/stadt-dortmund");
    assert_eq!(create.activity["actor"], author.as_str());
    assert_eq!(create.signed_by, format!("{author}#main-key"));
    assert!(
        create.activity["to"]
            .as_array()
            .unwrap()
            .contains(&json!(PUBLIC))
    );
    let announce = wait_for(
        "the instance actor's Announce reaches the relay",
        20,
        || async { relay.find(|a| a["type"] == "Announce" && a["object"] == post_id.as_str()) },
    )
    .await;
    assert_eq!(announce.signed_by, format!("{instance}#main-key"));
    // One Create per post.
    assert_eq!(
        nrw.count(&format!(
            "{SENT} d JOIN outbound_activities o ON o.id = d.activity_id \
             WHERE d.inbox = '{}' AND o.kind = 'Create'",
            relay.inbox()
        ))
        .await,
        1
    );

    // A post from elsewhere that the relay announces is fetched and stored here, as a copy
    // and not a boost.
    afccre.org("ville-amiens", false).await;
    let theirs = afccre.post("ville-amiens", "Fête relayée").await;
    let their_id = theirs["ap_id"].as_str().unwrap().to_string();
    assert_eq!(
        relay.announce(&nrw.inst.url("/inbox"), &their_id).await,
        StatusCode::ACCEPTED
    );
    assert!(nrw.stored_post(&their_id).await.is_some());
    assert_eq!(nrw.count("reactions").await, 0);

    // An edit of our post goes to the relay as the author's Update.
    let (status, body) = nrw
        .call(
            Method::PUT,
            &format!("/api/v1/posts/{}", post["id"].as_str().unwrap()),
            Some(json!({"translations": [
                {"language": "fr", "title": "Relais public, modifié", "summary": "Résumé", "body": "Texte"}
            ]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    wait_for("the Update reaches the relay", 20, || async {
        relay.find(|a| a["type"] == "Update" && a["object"]["id"] == post_id.as_str())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mastodon_style_subscription_follows_public_and_unsubscribing_undoes_it() {
    let (nrw, relay) = tokio::join!(Net::start(), FakeRelay::start(false));
    nrw.org("stadt-bochum", false).await;
    let instance = nrw.inst.url("/actor");

    // Subscribed by the relay's inbox, as Mastodon's operators do: a Follow of as:Public.
    let sub = subscribe(&nrw, &relay.inbox()).await;
    assert_eq!(sub["style"], "mastodon");
    assert_eq!(sub["actor"], Value::Null);
    let follow = wait_for("our Follow reaches the relay", 20, || async {
        relay.find(|a| a["type"] == "Follow")
    })
    .await;
    assert_eq!(follow.activity["object"], PUBLIC);
    let accepted = wait_state(&nrw, &relay, "accepted").await;
    assert_eq!(accepted["actor"], relay.actor_id(), "known from its answer");
    wait_for(
        "our Accept of the follow-back reaches the relay",
        20,
        || async { relay.find(|a| a["type"] == "Accept") },
    )
    .await;
    let relay_follows_us = format!(
        "follows f JOIN actors a ON a.id = f.follower_id WHERE a.ap_id = '{}' AND f.accepted",
        relay.actor_id()
    );
    assert_eq!(nrw.count(&relay_follows_us).await, 1);

    // Unsubscribing sends an Undo of the very Follow, and ends the relay's follow of us.
    let (status, body) = nrw
        .call(
            Method::DELETE,
            &format!("/api/v1/admin/relays/{}", relay.domain()),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let undo = wait_for("our Undo reaches the relay", 20, || async {
        relay.find(|a| a["type"] == "Undo")
    })
    .await;
    assert_eq!(undo.activity["actor"], instance.as_str());
    assert_eq!(undo.activity["object"]["id"], follow.activity["id"]);
    assert_eq!(undo.activity["object"]["object"], PUBLIC);
    assert!(relays(&nrw).await.is_empty());
    assert_eq!(nrw.count(&relay_follows_us).await, 0);

    // The relay's Undo of our Undo (as activityrelay answers) is acknowledged.
    wait_for("the relay's Undo is handled", 20, || async {
        (nrw.count("received_activities WHERE kind = 'Undo'").await == 1).then_some(())
    })
    .await;
    // A post made afterwards is not sent to the relay.
    let post = nrw.post("stadt-bochum", "Plus de relais").await;
    assert_eq!(
        nrw.count(&format!(
            "{SENT} d JOIN outbound_activities o ON o.id = d.activity_id \
             WHERE d.inbox = '{}' AND o.object_ap_id = '{}'",
            relay.inbox(),
            post["ap_id"].as_str().unwrap()
        ))
        .await,
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejecting_relay_is_shown_rejected_and_a_follow_from_a_stranger_is_rejected() {
    let (nrw, refusing, stranger) = tokio::join!(
        Net::start(),
        FakeRelay::start(true),
        FakeRelay::start(false)
    );
    nrw.org("stadt-essen", false).await;
    let instance = nrw.inst.url("/actor");

    subscribe(&nrw, &refusing.actor_id()).await;
    wait_state(&nrw, &refusing, "rejected").await;
    // Nothing is delivered to a relay that refused.
    let post = nrw.post("stadt-essen", "Pas pour ce relais").await;
    assert_eq!(
        nrw.count(&format!(
            "{SENT} d JOIN outbound_activities o ON o.id = d.activity_id \
             WHERE d.inbox = '{}' AND o.object_ap_id = '{}'",
            refusing.inbox(),
            post["ap_id"].as_str().unwrap()
        ))
        .await,
        0
    );

    // A Follow of our instance actor from a relay we never subscribed to (not a peer): Reject.
    for (relay, n) in [(&stranger, 1), (&refusing, 2)] {
        let follow = json!({"@context": "https://www.w3.org/ns/activitystreams",
            "id": relay.new_id(), "type": "Follow", "to": [instance], "object": instance,
            "actor": relay.actor_id()});
        assert_eq!(
            relay.send(&nrw.inst.url("/inbox"), follow.clone()).await,
            StatusCode::ACCEPTED
        );
        let reject = wait_for("our Reject reaches the relay", 20, || async {
            relay.find(|a| a["type"] == "Reject")
        })
        .await;
        assert_eq!(reject.activity["object"]["id"], follow["id"], "Follow {n}");
        assert!(relay.find(|a| a["type"] == "Accept").is_none());
    }
    assert_eq!(
        nrw.count(&format!(
            "follows f JOIN actors a ON a.id = f.followed_id WHERE a.ap_id = '{instance}'"
        ))
        .await,
        0
    );
}
