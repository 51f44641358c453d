//! Remote actors as other servers serve them, and duplicate deliveries arriving at once. A
//! fake remote server on loopback serves actor documents and a note (it reads no signature);
//! its actors sign real activities with their keys and post them to our served instance.

use crate::common::{Ctx, bilingual};
use activitypub_federation::http_signatures::generate_actor_keypair;
use axum::extract::State;
use axum::http::{StatusCode as AxumStatus, Uri, header};
use axum::response::IntoResponse;
use passerelle::db::models::actor::DbActor;
use passerelle::db::models::post::DbPost;
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

    /// The document served at `url` (one of this server's).
    pub fn doc(&self, url: &str) -> Value {
        let path = url.strip_prefix(&self.base).unwrap_or(url);
        self.docs.docs.lock().unwrap()[path].clone()
    }

    /// Serves nothing at `path` any more (404), as for a deleted account.
    pub fn remove(&self, path: &str) {
        self.docs.docs.lock().unwrap().remove(path);
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

/// Our organisation `follower` follows every remote actor stored so far.
/// `/users/marc` on `remote`, known here (by a like of `our_post`) and followed by `org`:
/// its boosts are fetched and stored.
async fn followed_booster(
    ctx: &Ctx,
    remote: &Remote,
    org: &DbActor,
    our_post: &str,
) -> RemoteActor {
    let booster = remote.actor(
        "/users/marc",
        "Person",
        json!({"preferredUsername": "marc"}),
    );
    let like = json!({"id": format!("{}/activities/like/1", remote.base), "type": "Like",
        "actor": booster.id, "object": our_post});
    let (status, body) = deliver(
        &ctx.http,
        &ctx.url("/inbox"),
        &booster,
        &like,
        SystemTime::now(),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    follow_every_remote(ctx, org).await;
    booster
}

async fn follow_every_remote(ctx: &Ctx, follower: &DbActor) {
    use diesel_async::RunQueryDsl;
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    diesel::sql_query(format!(
        "INSERT INTO follows (follower_id, followed_id, accepted) \
         SELECT {}, id, true FROM actors WHERE NOT local ON CONFLICT DO NOTHING",
        follower.id
    ))
    .execute(&mut conn)
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_posts_addressed_to_the_public_are_stored() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (amiens, our_post) = org_with_post(&ctx, "ville-amiens").await;
    let inbox = ctx.url("/inbox");
    let author = remote.actor(
        "/users/claire",
        "Person",
        json!({"preferredUsername": "claire"}),
    );
    let followers = format!("{}/followers", author.id);
    let create = |n: u32, to: Value, cc: Value, activity_to: Value| {
        let note = json!({"id": format!("{}/notes/{n}", remote.base), "type": "Note",
            "attributedTo": author.id, "to": to, "cc": cc, "inReplyTo": our_post,
            "published": "2026-11-30T10:00:00Z",
            "content": format!("<p>Réponse {n}</p>")});
        json!({"id": format!("{}/activities/create/{n}", remote.base), "type": "Create",
            "actor": author.id, "to": activity_to, "object": note})
    };
    let public = "https://www.w3.org/ns/activitystreams#Public";
    let sends = [
        // A direct reply (Mastodon's "mentioned people only") and a followers-only one.
        create(
            1,
            json!([amiens.ap_id.as_str()]),
            json!([]),
            json!([amiens.ap_id.as_str()]),
        ),
        create(
            2,
            json!([followers]),
            json!([amiens.ap_id.as_str()]),
            json!([followers]),
        ),
        // Public, unlisted, and public in the compacted form on the activity only.
        create(3, json!([public]), json!([followers]), json!([public])),
        create(4, json!([followers]), json!([public]), json!([followers])),
        create(
            5,
            json!([amiens.ap_id.as_str()]),
            json!([]),
            json!(["as:Public"]),
        ),
    ];
    for activity in &sends {
        let (status, body) = deliver(&ctx.http, &inbox, &author, activity, SystemTime::now()).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    }
    let stored: Vec<bool> = {
        let mut out = Vec::new();
        for n in 1..=5 {
            let id = format!("{}/notes/{n}", remote.base);
            out.push(ctx.count(&format!("posts WHERE ap_id = '{id}'")).await == 1);
        }
        out
    };
    assert_eq!(stored, [false, false, true, true, true]);
    let html = ctx.page(Url::parse(&our_post).unwrap().path()).await;
    assert!(!html.contains("Réponse 1") && !html.contains("Réponse 2"));
    assert!(html.contains("Réponse 3"), "{html}");

    // Followed, the author's own followers-only post is not stored either (the quick path
    // for a followed actor's new post checks it too), while a public one is.
    follow_every_remote(&ctx, &amiens).await;
    let top = |n: u32, to: &str| {
        let note = json!({"id": format!("{}/notes/{n}", remote.base), "type": "Note",
            "attributedTo": author.id, "to": [to], "published": "2026-11-30T11:00:00Z",
            "content": format!("<p>Beitrag {n}</p>")});
        json!({"id": format!("{}/activities/create/{n}", remote.base), "type": "Create",
            "actor": author.id, "to": [to], "object": note})
    };
    for (n, to) in [(6, followers.as_str()), (7, public)] {
        let (status, body) =
            deliver(&ctx.http, &inbox, &author, &top(n, to), SystemTime::now()).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    }
    let id = |n: u32| format!("{}/notes/{n}", remote.base);
    assert_eq!(
        ctx.count(&format!("posts WHERE ap_id = '{}'", id(6))).await,
        0
    );
    assert_eq!(
        ctx.count(&format!("posts WHERE ap_id = '{}'", id(7))).await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn boosts_of_what_we_cannot_store_are_accepted_and_store_nothing() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (amiens, our_post) = org_with_post(&ctx, "ville-amiens").await;
    let inbox = ctx.url("/inbox");
    let booster = followed_booster(&ctx, &remote, &amiens, &our_post).await;
    let public = "https://www.w3.org/ns/activitystreams#Public";
    remote.put(
        "/videos/1",
        json!({"id": format!("{}/videos/1", remote.base), "type": "Video",
            "attributedTo": booster.id, "to": [public], "name": "Fête du jumelage"}),
    );
    remote.put(
        "/notes/private",
        json!({"id": format!("{}/notes/private", remote.base), "type": "Note",
            "attributedTo": booster.id, "to": [format!("{}/followers", booster.id)],
            "content": "<p>Nur für Folgende</p>"}),
    );
    for (n, object) in ["/videos/1", "/notes/gone", "/notes/private"]
        .iter()
        .enumerate()
    {
        let announce = json!({"id": format!("{}/activities/announce/{n}", remote.base),
            "type": "Announce", "actor": booster.id, "to": [public],
            "object": format!("{}{object}", remote.base)});
        let (status, body) =
            deliver(&ctx.http, &inbox, &booster, &announce, SystemTime::now()).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{object}: {body}");
    }
    assert_eq!(
        ctx.count(&format!("posts WHERE ap_id LIKE '{}/%'", remote.base))
            .await,
        0
    );
}

/// A boosted event (how a peer network's and a Mobilizon group's events arrive) is stored
/// with its event part: its time, zone and place, so that it shows in the calendar; one that
/// gave no end stays there while it runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_boosted_event_is_stored_with_its_time_and_place() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (amiens, our_post) = org_with_post(&ctx, "ville-amiens").await;
    let inbox = ctx.url("/inbox");
    let booster = followed_booster(&ctx, &remote, &amiens, &our_post).await;
    let public = "https://www.w3.org/ns/activitystreams#Public";
    let event_id = format!("{}/events/42", remote.base);
    remote.put(
        "/events/42",
        json!({"id": event_id, "type": "Event", "attributedTo": booster.id, "to": [public],
            "name": "Rencontre des comités de jumelage", "content": "<p>Programme</p>",
            "startTime": "2027-06-12T14:00:00+02:00", "endTime": "2027-06-12T18:00:00+02:00",
            "timezone": "Europe/Paris",
            "location": {"type": "Place", "name": "Hôtel de Ville",
                "address": {"type": "PostalAddress", "addressLocality": "Amiens",
                    "addressCountry": "FR"}}}),
    );
    let announce = json!({"id": format!("{}/activities/announce/1", remote.base),
        "type": "Announce", "actor": booster.id, "to": [public], "object": event_id});
    let (status, body) = deliver(&ctx.http, &inbox, &booster, &announce, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let stored = format!(
        "events e JOIN posts p ON p.id = e.post_id WHERE p.ap_id = '{event_id}' \
         AND e.starts_at = '2027-06-12T12:00:00Z' AND e.ends_at = '2027-06-12T16:00:00Z' \
         AND e.timezone = 'Europe/Paris' AND e.locality = 'Amiens' AND e.country = 'FR'"
    );
    assert_eq!(ctx.count(&stored).await, 1);
    // An evening event that gave no end, begun an hour ago: still on the calendar.
    let started = (chrono::Utc::now() - chrono::Duration::hours(1)).to_rfc3339();
    let evening = format!("{}/events/43", remote.base);
    remote.put(
        "/events/43",
        json!({"id": evening, "type": "Event", "attributedTo": booster.id, "to": [public],
            "name": "Soirée franco-allemande", "content": "<p>Musique</p>",
            "startTime": started}),
    );
    let announce = json!({"id": format!("{}/activities/announce/2", remote.base),
        "type": "Announce", "actor": booster.id, "to": [public], "object": evening});
    let (status, body) = deliver(&ctx.http, &inbox, &booster, &announce, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let calendar = ctx.page("/events?lang=fr").await;
    assert!(
        calendar.contains("Rencontre des comités de jumelage"),
        "{calendar}"
    );
    assert!(calendar.contains("Soirée franco-allemande"), "{calendar}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_actor_cannot_move_its_inboxes_to_another_host() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (_, our_post) = org_with_post(&ctx, "ville-amiens").await;
    let inbox = ctx.url("/inbox");
    let own_inbox = format!("{}/users/paul/inbox", remote.base);
    let person = remote.actor(
        "/users/paul",
        "Person",
        json!({"preferredUsername": "paul", "inbox": own_inbox,
            "endpoints": {"sharedInbox": "https://elsewhere.example/inbox"}}),
    );
    let like = json!({"id": format!("{}/activities/like/1", remote.base), "type": "Like",
        "actor": person.id, "object": our_post});
    let (status, body) = deliver(&ctx.http, &inbox, &person, &like, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let row = stored_actor(&ctx, &person.id).await;
    // The shared inbox elsewhere is not used; the personal one is.
    assert_eq!(
        (row.inbox_url.as_str(), row.shared_inbox_url.as_deref()),
        (own_inbox.as_str(), None)
    );

    // Its Update naming an inbox on another host is refused, and nothing changes.
    let mut doc = remote.doc(&person.id);
    doc["inbox"] = json!("https://victim.example/inbox");
    doc["name"] = json!("Paul");
    let update = json!({"id": format!("{}/activities/update/1", remote.base), "type": "Update",
        "actor": person.id, "object": doc});
    let (status, body) = deliver(&ctx.http, &inbox, &person, &update, SystemTime::now()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(stored_actor(&ctx, &person.id).await.inbox_url, own_inbox);

    // On its own host, the Update is taken.
    doc["inbox"] = json!(format!("{}/inbox", remote.base));
    let update = json!({"id": format!("{}/activities/update/2", remote.base), "type": "Update",
        "actor": person.id, "object": doc});
    let (status, body) = deliver(&ctx.http, &inbox, &person, &update, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let row = stored_actor(&ctx, &person.id).await;
    assert_eq!(
        (row.inbox_url, row.name),
        (format!("{}/inbox", remote.base), "Paul".to_string())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_account_is_removed_even_when_its_stored_profile_is_old() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (_, our_post) = org_with_post(&ctx, "ville-amiens").await;
    let inbox = ctx.url("/inbox");
    let person = remote.actor("/users/lea", "Person", json!({"preferredUsername": "lea"}));
    let note = json!({"id": format!("{}/notes/1", remote.base), "type": "Note",
        "attributedTo": person.id, "inReplyTo": our_post,
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "content": "<p>Bonjour Amiens</p>"});
    let create = json!({"id": format!("{}/activities/create/1", remote.base), "type": "Create",
        "actor": person.id, "object": note});
    let (status, body) = deliver(&ctx.http, &inbox, &person, &create, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let reply = format!(
        "posts WHERE ap_id = '{}/notes/1' AND deleted_at IS NULL",
        remote.base
    );
    assert_eq!(ctx.count(&reply).await, 1);

    // Two days later the account is deleted: its server answers 404 for it from then on.
    {
        use diesel_async::RunQueryDsl;
        let mut conn = ctx.inst.state().pool.get().await.unwrap();
        diesel::sql_query(format!(
            "UPDATE actors SET last_refreshed_at = now() - interval '2 days' \
             WHERE ap_id = '{}'",
            person.id
        ))
        .execute(&mut conn)
        .await
        .unwrap();
    }
    remote.remove("/users/lea");
    let delete = json!({"id": format!("{}/users/lea#delete", remote.base), "type": "Delete",
        "actor": person.id, "object": person.id,
        "to": ["https://www.w3.org/ns/activitystreams#Public"]});
    let (status, body) = deliver(&ctx.http, &inbox, &person, &delete, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(ctx.count(&reply).await, 0);
    assert_eq!(
        ctx.count(&format!(
            "actors WHERE ap_id = '{}' AND deleted_at IS NOT NULL",
            person.id
        ))
        .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_undo_naming_a_follow_by_its_id_ends_the_follow() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (amiens, _) = org_with_post(&ctx, "ville-amiens").await;
    let inbox = ctx.url("/inbox");
    let person = remote.actor(
        "/users/hugo",
        "Person",
        json!({"preferredUsername": "hugo"}),
    );
    let other = remote.actor(
        "/users/ines",
        "Person",
        json!({"preferredUsername": "ines"}),
    );
    let follow_id = format!("{}/activities/follow/1", remote.base);
    let follow = json!({"id": follow_id, "type": "Follow", "actor": person.id,
        "object": amiens.ap_id.as_str()});
    let (status, body) = deliver(&ctx.http, &inbox, &person, &follow, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let follows = format!("follows WHERE followed_id = {}", amiens.id);
    assert_eq!(ctx.count(&follows).await, 1);
    // Someone else's Undo naming it changes nothing; the follower's own ends it.
    let undo = |n: u32, actor: &str| {
        json!({"id": format!("{}/activities/undo/{n}", remote.base), "type": "Undo",
            "actor": actor, "object": follow_id})
    };
    let (status, body) = deliver(
        &ctx.http,
        &inbox,
        &other,
        &undo(1, &other.id),
        SystemTime::now(),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(ctx.count(&follows).await, 1);
    let (status, body) = deliver(
        &ctx.http,
        &inbox,
        &person,
        &undo(2, &person.id),
        SystemTime::now(),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(ctx.count(&follows).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_late_delivery_of_an_older_version_does_not_undo_a_later_edit() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (_, our_post) = org_with_post(&ctx, "ville-amiens").await;
    let inbox = ctx.url("/inbox");
    let person = remote.actor("/users/zoe", "Person", json!({"preferredUsername": "zoe"}));
    let note_id = format!("{}/notes/1", remote.base);
    let version = |kind: &str, n: u32, updated: Option<&str>| {
        let mut note = json!({"id": note_id, "type": "Note", "attributedTo": person.id,
            "inReplyTo": our_post, "to": ["https://www.w3.org/ns/activitystreams#Public"],
            "published": "2026-11-30T10:00:00Z", "content": format!("<p>Fassung {n}</p>")});
        if let Some(u) = updated {
            note["updated"] = json!(u);
        }
        json!({"id": format!("{}/activities/{kind}/{n}", remote.base), "type": kind,
            "actor": person.id, "object": note})
    };
    let stored = || async {
        ctx.count(&format!(
            "post_translations t JOIN posts p ON p.id = t.post_id \
             WHERE p.ap_id = '{note_id}' AND t.content_html LIKE '%Fassung 2%'"
        ))
        .await
    };
    // The Create, the second edit, then the first edit and the Create again, late.
    for activity in [
        version("Create", 0, None),
        version("Update", 2, Some("2026-11-30T12:00:00Z")),
        version("Update", 1, Some("2026-11-30T11:00:00Z")),
        version("Create", 3, None),
    ] {
        let (status, body) =
            deliver(&ctx.http, &inbox, &person, &activity, SystemTime::now()).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    }
    assert_eq!(stored().await, 1, "the second edit stays");
    // A later edit is taken.
    let later = version("Update", 4, Some("2026-11-30T13:00:00Z"));
    let (status, body) = deliver(&ctx.http, &inbox, &person, &later, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(stored().await, 0);
    assert_eq!(
        ctx.count(&format!(
            "post_translations t JOIN posts p ON p.id = t.post_id \
             WHERE p.ap_id = '{note_id}' AND t.content_html LIKE '%Fassung 4%'"
        ))
        .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_followed_actors_post_naming_our_group_only_in_cc_goes_through_the_groups_rules() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (amiens, our_post) = org_with_post(&ctx, "ville-amiens").await;
    ctx.editor("moderatorin", &["ville-amiens"]).await;
    let group = {
        let mut conn = ctx.inst.state().pool.get().await.unwrap();
        let input = passerelle::forum::GroupInput {
            handle: "foerder".into(),
            name: std::collections::BTreeMap::from([(
                passerelle::vocab::Lang::De,
                "Fördermittel".to_string(),
            )]),
            description: Default::default(),
            rules: Default::default(),
            posting_restricted_to_mods: false,
            moderators: vec!["moderatorin".into()],
        };
        passerelle::forum::create_group(&mut conn, ctx.inst.state(), &input, None)
            .await
            .unwrap()
    };
    let inbox = ctx.url("/inbox");
    let public = "https://www.w3.org/ns/activitystreams#Public";
    let banned = remote.actor(
        "/users/troll",
        "Person",
        json!({"preferredUsername": "troll"}),
    );
    let member = remote.actor(
        "/users/nina",
        "Person",
        json!({"preferredUsername": "nina"}),
    );
    // Both known here (each liked our post) and followed by Amiens: their new posts would
    // take the one-statement path.
    for (n, who) in [(1, &banned), (2, &member)] {
        let like = json!({"id": format!("{}/activities/like/{n}", remote.base), "type": "Like",
            "actor": who.id, "object": our_post});
        let (status, body) = deliver(&ctx.http, &inbox, who, &like, SystemTime::now()).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    }
    follow_every_remote(&ctx, &amiens).await;
    {
        use diesel_async::RunQueryDsl;
        let mut conn = ctx.inst.state().pool.get().await.unwrap();
        diesel::sql_query(format!(
            "INSERT INTO group_bans (group_id, actor_id) \
             SELECT {}, id FROM actors WHERE ap_id = '{}'",
            group.actor.id, banned.id
        ))
        .execute(&mut conn)
        .await
        .unwrap();
        // The member follows the group, which then has someone to pass posts on to.
        diesel::sql_query(format!(
            "INSERT INTO follows (follower_id, followed_id, accepted) \
             SELECT id, {}, true FROM actors WHERE ap_id = '{}'",
            group.actor.id, member.id
        ))
        .execute(&mut conn)
        .await
        .unwrap();
    }
    // A Mastodon post to the group: a mention, the group in `cc`, no `audience`.
    let post_to_group = |n: u32, who: &RemoteActor| {
        let note = json!({"id": format!("{}/notes/{n}", remote.base), "type": "Note",
            "attributedTo": who.id, "to": [public], "cc": [group.actor.ap_id.as_str()],
            "published": "2026-11-30T10:00:00Z",
            "content": format!("<p>@foerder Frage {n}</p>")});
        json!({"id": format!("{}/activities/create/{n}", remote.base), "type": "Create",
            "actor": who.id, "to": [public], "cc": [group.actor.ap_id.as_str()], "object": note})
    };
    let (status, body) = deliver(
        &ctx.http,
        &inbox,
        &banned,
        &post_to_group(1, &banned),
        SystemTime::now(),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(
        ctx.count(&format!("posts WHERE ap_id = '{}/notes/1'", remote.base))
            .await,
        0
    );
    let (status, body) = deliver(
        &ctx.http,
        &inbox,
        &member,
        &post_to_group(2, &member),
        SystemTime::now(),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    // Stored as the group's, and passed on by the group: its Create wrapped in an Announce,
    // and the bare thread announced for Mastodon.
    assert_eq!(
        ctx.count(&format!(
            "posts WHERE ap_id = '{}/notes/2' AND audience = '{}'",
            remote.base,
            group.actor.ap_id.as_str()
        ))
        .await,
        1
    );
    assert_eq!(
        ctx.count(&format!(
            "outbound_activities WHERE kind = 'Announce' AND actor_id = {} \
             AND object_ap_id = '{}/notes/2'",
            group.actor.id, remote.base
        ))
        .await,
        2
    );
}

/// A report's reason reaches the instance's moderation queue however the other server writes
/// it: Mastodon in `content`, Lemmy in `summary` only, Mbin in both; a report without words
/// is kept without a reason.
#[tokio::test]
async fn a_reports_reason_is_read_from_content_or_summary() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (_, post) = org_with_post(&ctx, "ville-amiens").await;
    let inbox = ctx.url("/inbox");
    let person = remote.actor("/u/jonas", "Person", json!({"preferredUsername": "jonas"}));
    let flag = |n: u32, words: Value| {
        let mut f = json!({"id": format!("{}/activities/flag/{n}", remote.base),
            "type": "Flag", "actor": person.id, "object": post});
        for (k, v) in words.as_object().into_iter().flatten() {
            f[k] = v.clone();
        }
        f
    };
    for (n, words, kept) in [
        (
            1,
            json!({"content": "Falsches Datum"}),
            Some("Falsches Datum"),
        ),
        (2, json!({"summary": " Werbung "}), Some("Werbung")),
        (
            3,
            json!({"content": "", "summary": "Doppelt"}),
            Some("Doppelt"),
        ),
        (4, json!({"content": ""}), None),
    ] {
        let activity = flag(n, words);
        let (status, body) =
            deliver(&ctx.http, &inbox, &person, &activity, SystemTime::now()).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{body}");
        let row = format!(
            "reports WHERE activity_ap_id = '{}' AND {}",
            activity["id"].as_str().unwrap(),
            match kept {
                Some(k) => format!("content = '{k}'"),
                None => "content IS NULL".to_string(),
            }
        );
        assert_eq!(ctx.count(&row).await, 1, "{activity}");
    }
}

/// An ended or declined partnership stays so: the other side's `Update` saying it is active
/// again (or dormant) changes nothing; a new partnership is proposed anew.
#[tokio::test]
async fn an_update_does_not_reopen_a_closed_partnership() {
    use diesel_async::RunQueryDsl;
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (amiens, our_post) = org_with_post(&ctx, "ville-amiens").await;
    let inbox = ctx.url("/inbox");
    let partner = remote.actor(
        "/o/stadt-dortmund",
        "Organization",
        json!({"preferredUsername": "stadt-dortmund"}),
    );
    // Known here through a like.
    let like = json!({"id": format!("{}/activities/like/1", remote.base), "type": "Like",
        "actor": partner.id, "object": our_post});
    let (status, body) = deliver(&ctx.http, &inbox, &partner, &like, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let rel_id = format!("{}/partnerships/1", remote.base);
    for (n, closed) in ["ended", "declined"].iter().enumerate() {
        let rel = format!("{rel_id}{n}");
        {
            let mut conn = ctx.inst.state().pool.get().await.unwrap();
            diesel::sql_query(format!(
                "INSERT INTO partnerships (ap_id, subject_id, object_id, kind, status, confirmed,
                     languages, themes, description, founded_year, ended_on)
                 SELECT '{rel}', s.id, {}, 'twinning', '{closed}', {}, '{{}}', '{{}}', '{{}}',
                        1960, {}
                 FROM actors s WHERE s.ap_id = '{}'",
                amiens.id,
                *closed == "ended",
                if *closed == "ended" {
                    "'2020-01-01'"
                } else {
                    "NULL"
                },
                partner.id
            ))
            .execute(&mut conn)
            .await
            .unwrap();
        }
        for (m, to) in ["active", "dormant"].iter().enumerate() {
            let update = json!({"id": format!("{}/activities/update/{n}{m}", remote.base),
                "type": "Update", "actor": partner.id,
                "object": {"id": rel, "type": "Relationship", "subject": partner.id,
                    "object": amiens.ap_id.as_str(), "partnershipStatus": to,
                    "relationship": "https://w3id.org/passerelle#twinning"}});
            let (status, body) =
                deliver(&ctx.http, &inbox, &partner, &update, SystemTime::now()).await;
            assert_eq!(status, StatusCode::ACCEPTED, "{body}");
            assert_eq!(
                ctx.count(&format!(
                    "partnerships WHERE ap_id = '{rel}' AND status = '{closed}'"
                ))
                .await,
                1,
                "{closed} → {to}"
            );
        }
    }
}

/// A blocked server's contributions are hidden on the forum's pages, as its replies are on
/// posts' pages: its comment keeps its place without its words, its thread is not listed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_blocked_servers_comments_and_threads_are_hidden_in_the_forum() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (group_id, thread_ap, thread_id) = group_with_thread(&ctx).await;
    let inbox = format!("{group_id}/inbox");
    let person = remote.actor(
        "/users/spam",
        "Person",
        json!({"preferredUsername": "spam"}),
    );
    let public = "https://www.w3.org/ns/activitystreams#Public";
    for (n, object) in [
        json!({"id": format!("{}/notes/1", remote.base), "type": "Note",
            "attributedTo": person.id, "inReplyTo": thread_ap, "audience": group_id,
            "to": [group_id, public], "content": "<p>Billige Uhren hier</p>"}),
        json!({"id": format!("{}/pages/1", remote.base), "type": "Page",
            "attributedTo": person.id, "audience": group_id, "name": "Werbung für Uhren",
            "to": [group_id, public], "content": "<p>Billige Uhren</p>"}),
    ]
    .into_iter()
    .enumerate()
    {
        let create = json!({"id": format!("{}/activities/create/{n}", remote.base),
            "type": "Create", "actor": person.id, "to": [group_id, public],
            "audience": group_id, "object": object});
        let (status, body) = deliver(&ctx.http, &inbox, &person, &create, SystemTime::now()).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    }
    let thread_page = format!("/g/jugend/t/{thread_id}?lang=de");
    assert!(ctx.page(&thread_page).await.contains("Billige Uhren hier"));
    assert!(
        ctx.page("/g/jugend?lang=de")
            .await
            .contains("Werbung für Uhren")
    );
    let domain = url::Url::parse(&remote.base).unwrap();
    let domain = format!("{}:{}", domain.host_str().unwrap(), domain.port().unwrap());
    let (status, body) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/admin/domain-blocks"))
                .bearer_auth(&ctx.admin)
                .json(&json!({"domain": domain, "reason": "Spam"})),
        )
        .await;
    assert!(status.is_success(), "{body}");
    let page = ctx.page(&thread_page).await;
    assert!(!page.contains("Billige Uhren hier"), "{page}");
    assert!(page.contains("Wer macht mit?"));
    let list = ctx.page("/g/jugend?lang=de").await;
    assert!(!list.contains("Werbung für Uhren"), "{list}");
    assert!(list.contains("Jugendaustausch 2027"));
}

/// Stadt Dortmund's group `jugend` and its thread: the group's id, the thread's id and its
/// number in the forum's addresses.
async fn group_with_thread(ctx: &Ctx) -> (String, String, i64) {
    ctx.org("stadt-dortmund").await;
    let group = {
        let mut conn = ctx.inst.state().pool.get().await.unwrap();
        let input = passerelle::forum::GroupInput {
            handle: "jugend".into(),
            name: std::collections::BTreeMap::from([(
                passerelle::vocab::Lang::De,
                "Jugend".to_string(),
            )]),
            description: Default::default(),
            rules: Default::default(),
            posting_restricted_to_mods: false,
            moderators: vec![],
        };
        passerelle::forum::create_group(&mut conn, ctx.inst.state(), &input, None)
            .await
            .expect("group created")
    };
    let group_id = group.actor.ap_id.to_string();
    let token = ctx.editor("redaktion-forum", &["stadt-dortmund"]).await;
    let (status, thread) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/organisations/stadt-dortmund/threads"))
                .bearer_auth(&token)
                .json(&json!({"group": "jugend", "language": "de",
                    "title": "Jugendaustausch 2027", "body": "Wer macht mit?"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{thread}");
    let thread_ap = thread["ap_id"].as_str().unwrap().to_string();
    let thread_id = {
        let mut conn = ctx.inst.state().pool.get().await.unwrap();
        DbPost::by_ap_id(&mut conn, &thread_ap)
            .await
            .unwrap()
            .unwrap()
            .id
    };
    (group_id, thread_ap, thread_id)
}

/// A boost (or a relay) does not bring into one of our groups what the group refuses from
/// its author: a banned member's reply, boosted by someone followed here, is not stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_boost_does_not_bring_a_banned_members_reply_into_our_group() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (group_id, thread_ap, _) = group_with_thread(&ctx).await;
    let (amiens, our_post) = org_with_post(&ctx, "ville-amiens").await;
    let inbox = ctx.url("/inbox");
    let banned = remote.actor(
        "/users/spam",
        "Person",
        json!({"preferredUsername": "spam"}),
    );
    let like = json!({"id": format!("{}/activities/like/spam", remote.base), "type": "Like",
        "actor": banned.id, "object": our_post});
    let (status, body) = deliver(&ctx.http, &inbox, &banned, &like, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let booster = followed_booster(&ctx, &remote, &amiens, &our_post).await;
    let (status, body) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/groups/jugend/moderation"))
                .bearer_auth(&ctx.admin)
                .json(&json!({"action": "ban", "object": banned.id, "reason": "Spam"})),
        )
        .await;
    assert!(status.is_success(), "{body}");
    let public = "https://www.w3.org/ns/activitystreams#Public";
    let reply = format!("{}/notes/1", remote.base);
    remote.put(
        "/notes/1",
        json!({"id": reply, "type": "Note", "attributedTo": banned.id,
            "inReplyTo": thread_ap, "audience": group_id, "to": [group_id, public],
            "content": "<p>Billige Uhren hier</p>"}),
    );
    let announce = json!({"id": format!("{}/activities/announce/1", remote.base),
        "type": "Announce", "actor": booster.id, "to": [public], "object": reply});
    let (status, body) = deliver(&ctx.http, &inbox, &booster, &announce, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(
        ctx.count(&format!("posts WHERE ap_id = '{reply}'")).await,
        0
    );
}

/// A remote post dated in the future is dated when it arrived: it does not head every list
/// newest first (or its group's threads) for good.
#[tokio::test]
async fn a_post_dated_in_the_future_is_dated_now() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (amiens, _) = org_with_post(&ctx, "ville-amiens").await;
    let author = remote.actor(
        "/users/zeit",
        "Person",
        json!({"preferredUsername": "zeit"}),
    );
    // Known, then followed.
    let inbox = ctx.url("/inbox");
    let follow = json!({"id": format!("{}/activities/follow/1", remote.base),
        "type": "Follow", "actor": author.id, "object": amiens.ap_id.as_str()});
    let (status, body) = deliver(&ctx.http, &inbox, &author, &follow, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    follow_every_remote(&ctx, &amiens).await;
    let public = "https://www.w3.org/ns/activitystreams#Public";
    let note = format!("{}/notes/future", remote.base);
    let create = json!({"id": format!("{}/activities/create/1", remote.base), "type": "Create",
        "actor": author.id, "to": [public],
        "object": {"id": note, "type": "Note", "attributedTo": author.id, "to": [public],
            "published": "2099-01-01T00:00:00Z", "content": "<p>Aus der Zukunft</p>"}});
    let (status, body) = deliver(&ctx.http, &inbox, &author, &create, SystemTime::now()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(
        ctx.count(&format!(
            "posts WHERE ap_id = '{note}' AND published <= now()"
        ))
        .await,
        1
    );
}
