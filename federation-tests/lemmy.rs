//! A Lemmy community, played by a fake server on loopback that serves the hand-written
//! fixtures of `fixtures/lemmy/` (hosts and keys swapped for its own) and signs what it
//! sends: an organisation follows the community, receives its `Announce` of a `Create{Page}`
//! and of a `Create{Note}` comment and stores both with their group, and its replies reach
//! the community addressed as Lemmy 0.19 requires of a comment.

use crate::common::{Net, wait_for};
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use passerelle::federation::signatures::{SigningKey, sign_get, sign_post};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;
use url::Url;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

#[derive(Clone, Default)]
pub(crate) struct Served {
    /// Documents by path.
    docs: Arc<Mutex<HashMap<String, Value>>>,
    /// What was POSTed, by path.
    pub(crate) received: Arc<Mutex<Vec<(String, Value)>>>,
}

async fn serve_get(State(s): State<Served>, uri: Uri) -> Response {
    match s.docs.lock().unwrap().get(uri.path()) {
        Some(doc) => (
            [(header::CONTENT_TYPE, "application/activity+json")],
            doc.to_string(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn serve_post(State(s): State<Served>, uri: Uri, body: String) -> StatusCode {
    let Ok(activity) = serde_json::from_str(&body) else {
        return StatusCode::BAD_REQUEST;
    };
    s.received
        .lock()
        .unwrap()
        .push((uri.path().to_string(), activity));
    StatusCode::OK
}

/// The fake Lemmy instance (or another software's, with its fixtures): its base URL, what
/// it serves and receives, and its keys.
pub(crate) struct Lemmy {
    pub(crate) base: String,
    pub(crate) served: Served,
    keys: HashMap<&'static str, SigningKey>,
    /// The fixtures' folder, and their host `{software}.example`.
    software: &'static str,
}

impl Lemmy {
    async fn start() -> Lemmy {
        Self::start_as("lemmy").await
    }

    /// A fake server of `software`, serving and sending the fixtures of its folder.
    pub(crate) async fn start_as(software: &'static str) -> Lemmy {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://localhost:{}", listener.local_addr().unwrap().port());
        let served = Served::default();
        let app = Router::new()
            .fallback(axum::routing::get(serve_get).post(serve_post))
            .with_state(served.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Lemmy {
            base,
            served,
            keys: HashMap::new(),
            software,
        }
    }

    /// A fixture with this instance's host for `lemmy.example` and `net`'s for `nrw.example`.
    pub(crate) fn fixture(&self, net: &Net, name: &str) -> Value {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("federation-tests/fixtures")
            .join(self.software)
            .join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let host = format!("{}.example", self.software);
        let text = text
            .replace(&format!("https://{host}"), &self.base)
            .replace(&format!("@{host}"), &format!("@{}", host_of(&self.base)))
            .replace("https://nrw.example", &net.inst.base);
        serde_json::from_str(&text).unwrap()
    }

    /// Serves an actor fixture under a fresh key pair of ours (the fixtures' private halves
    /// were thrown away).
    pub(crate) fn serve_actor(&mut self, net: &Net, file: &str, name: &'static str) -> String {
        let mut actor = self.fixture(net, file);
        let pair = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
        actor["publicKey"]["publicKeyPem"] = json!(pair.public_key);
        let id = actor["id"].as_str().unwrap().to_string();
        let key_id = actor["publicKey"]["id"].as_str().unwrap().to_string();
        self.keys.insert(
            name,
            SigningKey::from_pkcs8_pem(key_id, &pair.private_key).unwrap(),
        );
        self.serve(&id, actor);
        id
    }

    /// Serves a variant of an actor fixture at `path` on the same host, as `kind` (another
    /// member of a group's host, say), under a fresh key pair of ours.
    pub(crate) fn serve_actor_at(
        &mut self,
        net: &Net,
        file: &str,
        name: &'static str,
        path: &str,
        kind: &str,
    ) -> String {
        let mut actor = self.fixture(net, file);
        let id = format!("{}{path}", self.base);
        let pair = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
        actor["id"] = json!(id);
        actor["type"] = json!(kind);
        actor["preferredUsername"] = json!(name);
        actor["inbox"] = json!(format!("{id}/inbox"));
        actor["publicKey"] =
            json!({"id": format!("{id}#main-key"), "owner": id, "publicKeyPem": pair.public_key});
        self.keys.insert(
            name,
            SigningKey::from_pkcs8_pem(format!("{id}#main-key"), &pair.private_key).unwrap(),
        );
        self.serve(&id, actor);
        id
    }

    pub(crate) fn serve(&self, id: &str, doc: Value) {
        let path = Url::parse(id).unwrap().path().to_string();
        self.served.docs.lock().unwrap().insert(path, doc);
    }

    /// POSTs `activity` to `inbox`, signed by `signer` as Lemmy signs (draft-cavage).
    pub(crate) async fn send(
        &self,
        net: &Net,
        inbox: &str,
        signer: &str,
        activity: &Value,
    ) -> StatusCode {
        self.send_at(net, inbox, signer, activity, SystemTime::now())
            .await
    }

    /// `send`, signed at `when` (a retry is signed anew, later).
    pub(crate) async fn send_at(
        &self,
        net: &Net,
        inbox: &str,
        signer: &str,
        activity: &Value,
        when: SystemTime,
    ) -> StatusCode {
        let body = activity.to_string();
        let headers = sign_post(
            &self.keys[signer],
            &Url::parse(inbox).unwrap(),
            body.as_bytes(),
            when,
        )
        .unwrap();
        let req = passerelle::federation::http::signed(net.http.post(inbox).body(body), headers);
        req.send().await.unwrap().status()
    }

    /// A GET signed by `signer`, as an instance in secure mode requires.
    pub(crate) async fn signed_get(
        &self,
        net: &Net,
        url: &str,
        signer: &str,
    ) -> (StatusCode, Value) {
        let headers = sign_get(
            &self.keys[signer],
            &Url::parse(url).unwrap(),
            SystemTime::now(),
        )
        .unwrap();
        let req = passerelle::federation::http::signed(
            net.http
                .get(url)
                .header("accept", "application/activity+json"),
            headers,
        );
        let resp = req.send().await.unwrap();
        let status = resp.status();
        (status, resp.json().await.unwrap_or(Value::Null))
    }

    /// Waits for an activity of `kind` whose object matches `pick`.
    pub(crate) async fn received(
        &self,
        what: &str,
        pick: impl Fn(&Value) -> bool,
    ) -> (String, Value) {
        wait_for(what, 30, || async {
            self.served
                .received
                .lock()
                .unwrap()
                .iter()
                .find(|(_, a)| pick(a))
                .cloned()
        })
        .await
    }
}

fn host_of(base: &str) -> String {
    let u = Url::parse(base).unwrap();
    format!("{}:{}", u.host_str().unwrap(), u.port().unwrap())
}

fn strings(v: &Value) -> Vec<&str> {
    match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

/// What Lemmy 0.19 requires of an incoming comment (`Create{Note}` answering a post or a
/// comment of one of its communities), as its apub code checks it.
fn assert_lemmy_accepts_comment(
    create: &Value,
    our_actor: &str,
    in_reply_to: &str,
    community: &str,
    answered_author: (&str, &str),
) {
    let note = &create["object"];
    assert_eq!(create["type"], "Create", "{create}");
    assert_eq!(create["actor"], our_actor);
    // The object is the actor's own, on the actor's host.
    assert_eq!(note["attributedTo"], our_actor);
    assert_eq!(
        Url::parse(note["id"].as_str().unwrap()).unwrap().host_str(),
        Url::parse(our_actor).unwrap().host_str()
    );
    // A comment: a Note with text, no title, answering the post or comment.
    assert_eq!(note["type"], "Note");
    assert!(note.get("name").is_none(), "a comment has no title: {note}");
    assert!(note.get("summary").is_none(), "no content warning: {note}");
    assert!(!note["content"].as_str().unwrap().trim().is_empty());
    assert_eq!(note["mediaType"], "text/html");
    assert_eq!(note["inReplyTo"], in_reply_to);
    // Public, and the community found from `to`/`cc` (of both), `audience` matching it.
    for doc in [create, note] {
        let mut addressed = strings(&doc["to"]);
        addressed.extend(strings(&doc["cc"]));
        assert!(addressed.contains(&PUBLIC), "public: {doc}");
        assert!(addressed.contains(&community), "the community: {doc}");
        assert_eq!(doc["audience"], community, "audience: {doc}");
        assert!(doc["to"].is_array() && doc["cc"].is_array());
    }
    assert!(
        strings(&note["to"]).contains(&community),
        "Lemmy puts the community in `to`"
    );
    // The answered author in `cc`, with a Mention.
    let (author, mention) = answered_author;
    assert!(strings(&note["cc"]).contains(&author), "{note}");
    let tags = note["tag"].as_array().unwrap();
    assert!(
        tags.contains(&json!({"type": "Mention", "href": author, "name": mention})),
        "{tags:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lemmy_community_thread_is_stored_and_answered_as_lemmy_requires() {
    let nrw = Net::start_with(|c| c.federation.authorized_fetch = true).await;
    let dortmund = nrw.org("stadt-dortmund", false).await;
    let mut lemmy = Lemmy::start().await;
    let community = lemmy.serve_actor(&nrw, "actor.json", "community");
    let jonas = lemmy.serve_actor(&nrw, "person.json", "jonas");
    let claire = lemmy.serve_actor(&nrw, "person_commenter.json", "claire");
    let lemmy_host = host_of(&lemmy.base);

    // The organisation follows the community; the community accepts.
    nrw.follow("stadt-dortmund", &community).await;
    let (path, follow) = lemmy
        .received("the Follow", |a| a["type"] == "Follow")
        .await;
    assert!(
        ["/c/staedtepartnerschaften/inbox", "/inbox"].contains(&path.as_str()),
        "{path}"
    );
    let mut accept = lemmy.fixture(&nrw, "accept_follow.json");
    accept["object"] = follow.clone();
    let inbox = nrw.inst.url("/inbox");
    assert_eq!(
        lemmy.send(&nrw, &inbox, "community", &accept).await,
        StatusCode::ACCEPTED
    );
    wait_for("the follow accepted", 20, || async {
        nrw.following_accepted("stadt-dortmund", &community)
            .await
            .filter(|a| *a)
    })
    .await;

    // The community announces a new thread (the Page is fetched, signed, from its host).
    let announce_page = lemmy.fixture(&nrw, "announce_create_page.json");
    let page = announce_page["object"]["object"].clone();
    let page_id = page["id"].as_str().unwrap().to_string();
    lemmy.serve(&page_id, page.clone());
    assert_eq!(
        lemmy.send(&nrw, &inbox, "community", &announce_page).await,
        StatusCode::ACCEPTED
    );
    let stored = nrw.stored_post(&page_id).await.expect("the Page is stored");
    assert_eq!(stored.post.object_type, "Page");
    assert_eq!(stored.post.audience.as_deref(), Some(community.as_str()));
    assert_eq!(
        stored.main().unwrap().title,
        page["name"].as_str().unwrap(),
        "the Page's name is its title"
    );

    // … and a comment on it.
    let announce_comment = lemmy.fixture(&nrw, "announce_create_comment.json");
    let comment = announce_comment["object"]["object"].clone();
    let comment_id = comment["id"].as_str().unwrap().to_string();
    lemmy.serve(&comment_id, comment);
    assert_eq!(
        lemmy
            .send(&nrw, &inbox, "community", &announce_comment)
            .await,
        StatusCode::ACCEPTED
    );
    let stored = nrw
        .stored_post(&comment_id)
        .await
        .expect("the comment is stored");
    assert_eq!(stored.post.object_type, "Note");
    assert_eq!(stored.post.in_reply_to.as_deref(), Some(page_id.as_str()));
    assert_eq!(stored.post.audience.as_deref(), Some(community.as_str()));
    // Delivered again (signed anew, as a retry is), the same Announce changes nothing.
    let later = SystemTime::now() + std::time::Duration::from_secs(60);
    assert_eq!(
        lemmy
            .send_at(&nrw, &inbox, "community", &announce_comment, later)
            .await,
        StatusCode::ACCEPTED
    );
    assert_eq!(nrw.count("posts WHERE NOT local").await, 2);

    // The organisation answers the thread, and then the comment.
    for (answered, author, name) in [
        (&page_id, &jonas, "jonas_k"),
        (&comment_id, &claire, "claire_b"),
    ] {
        let (status, reply) = nrw
            .call(
                reqwest::Method::POST,
                "/api/v1/organisations/stadt-dortmund/posts",
                Some(
                    json!({"in_reply_to": answered, "translations": [{"language": "de",
                    "title": "Antwort", "summary": "Kurz",
                    "body": "Wir haben noch drei Plätze im Bus nach Amiens."}]}),
                ),
            )
            .await;
        assert_eq!(status, reqwest::StatusCode::CREATED, "{reply}");
        let (inbox_path, create) = lemmy
            .received("our reply", |a| {
                a["type"] == "Create" && a["object"]["inReplyTo"] == answered.as_str()
            })
            .await;
        // The author's and the community's shared inbox, once.
        assert_eq!(inbox_path, "/inbox");
        assert_lemmy_accepts_comment(
            &create,
            dortmund.ap_id.as_str(),
            answered,
            &community,
            (author, &format!("@{name}@{lemmy_host}")),
        );
        assert_eq!(create["object"]["id"], reply["ap_id"]);

        // The community fetches the reply and its collections, signed (secure mode).
        let reply_id = reply["ap_id"].as_str().unwrap();
        let (status, fetched) = lemmy.signed_get(&nrw, reply_id, "community").await;
        assert_eq!(status, reqwest::StatusCode::OK);
        assert_eq!(fetched["to"], create["object"]["to"]);
        assert_eq!(fetched["audience"], community);
        let (status, likes) = lemmy
            .signed_get(&nrw, &format!("{reply_id}/likes"), "community")
            .await;
        assert_eq!(status, reqwest::StatusCode::OK);
        assert_eq!(likes["totalItems"], 0);
        let unsigned = nrw
            .http
            .get(format!("{reply_id}/likes"))
            .header("accept", "application/activity+json")
            .send()
            .await
            .unwrap();
        assert_eq!(unsigned.status(), reqwest::StatusCode::UNAUTHORIZED);
    }
    let deliveries = lemmy.served.received.lock().unwrap().len();
    assert_eq!(deliveries, 3, "a Follow and one Create per reply");
}
