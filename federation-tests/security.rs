//! Forged, unsigned, replayed and spoofed requests are refused and change nothing.

use crate::common::Net;
use passerelle::db::models::actor::DbActor;
use passerelle::federation::signatures::{SigningKey, rfc9421, sign_post};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use url::Url;

async fn post_signed(
    net: &Net,
    inbox: &str,
    key: &SigningKey,
    body: &Value,
    when: SystemTime,
) -> (StatusCode, Vec<(&'static str, String)>, String) {
    let body = body.to_string();
    let headers = sign_post(key, &Url::parse(inbox).unwrap(), body.as_bytes(), when).unwrap();
    let status = send(net, inbox, &headers, &body).await;
    (status, headers, body)
}

async fn send(
    net: &Net,
    inbox: &str,
    headers: &[(&'static str, String)],
    body: &str,
) -> StatusCode {
    let req = passerelle::federation::http::signed(
        net.http.post(inbox).body(body.to_string()),
        headers.iter().cloned(),
    );
    req.send().await.unwrap().status()
}

fn key_of(actor: &DbActor) -> SigningKey {
    SigningKey::from_pkcs8_pem(
        format!("{}#main-key", actor.ap_id),
        actor.private_key_pem.as_deref().unwrap(),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_unsigned_replayed_and_spoofed_requests_are_refused() {
    let (nrw, afccre) = tokio::join!(Net::start(), Net::start());
    let dortmund = nrw.org("stadt-dortmund", false).await;
    let koeln = nrw.org("stadt-koeln", false).await;
    let amiens = afccre.org("ville-amiens", false).await;
    let inbox = afccre.inst.url("/inbox");
    let follow = |n: u32| {
        json!({"@context": "https://www.w3.org/ns/activitystreams", "id": format!("{}/activities/follow/t{n}", nrw.inst.base),
               "type": "Follow", "actor": dortmund.ap_id.as_str(), "object": amiens.ap_id.as_str()})
    };
    let key = key_of(&dortmund);
    let now = SystemTime::now();

    // Unsigned.
    let resp = afccre
        .http
        .post(&inbox)
        .header("content-type", "application/activity+json")
        .body(follow(1).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    // Signed with another key under Dortmund's key id.
    let forged_pem = activitypub_federation::http_signatures::generate_actor_keypair()
        .unwrap()
        .private_key;
    let forged = SigningKey::from_pkcs8_pem(key.key_id.clone(), &forged_pem).unwrap();
    assert_eq!(
        post_signed(&afccre, &inbox, &forged, &follow(2), now)
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
    // Too old.
    assert_eq!(
        post_signed(
            &afccre,
            &inbox,
            &key,
            &follow(3),
            now - Duration::from_secs(13 * 3600)
        )
        .await
        .0,
        StatusCode::UNAUTHORIZED
    );
    // The body changed after signing.
    let headers = sign_post(
        &key,
        &Url::parse(&inbox).unwrap(),
        follow(4).to_string().as_bytes(),
        now,
    )
    .unwrap();
    assert_eq!(
        send(&afccre, &inbox, &headers, &follow(5).to_string()).await,
        StatusCode::UNAUTHORIZED
    );
    // Signed by Dortmund, claiming to be Köln.
    let mut as_koeln = follow(6);
    as_koeln["actor"] = json!(koeln.ap_id.as_str());
    as_koeln["id"] = json!(format!("{}/activities/follow/t6", nrw.inst.base));
    assert_eq!(
        post_signed(&afccre, &inbox, &key, &as_koeln, now).await.0,
        StatusCode::FORBIDDEN
    );
    // A Create of an object on another host than its author.
    let spoof = json!({"id": format!("{}/activities/create/t7", nrw.inst.base), "type": "Create", "actor": dortmund.ap_id.as_str(),
        "to": ["https://www.w3.org/ns/activitystreams#Public", amiens.ap_id.as_str()],
        "object": {"id": format!("{}/posts/spoofed", afccre.inst.base), "type": "Note", "attributedTo": dortmund.ap_id.as_str(), "content": "spoof"}});
    assert_eq!(
        post_signed(&afccre, &inbox, &key, &spoof, now).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        afccre.count("follows").await,
        0,
        "nothing refused changed anything"
    );
    assert_eq!(afccre.count("posts WHERE NOT local").await, 0);

    // The genuine request is accepted; the very same request again is a replay.
    let (status, headers, body) = post_signed(&afccre, &inbox, &key, &follow(8), now).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_eq!(afccre.count("follows").await, 1);
    assert_eq!(
        send(&afccre, &inbox, &headers, &body).await,
        StatusCode::UNAUTHORIZED
    );
    // Delivered again, freshly signed (as a retry is, later): accepted, and nothing changes.
    let later = now + Duration::from_secs(60);
    assert_eq!(
        post_signed(&afccre, &inbox, &key, &follow(8), later)
            .await
            .0,
        StatusCode::ACCEPTED
    );
    assert_eq!(afccre.count("follows").await, 1);
    assert_eq!(afccre.count("received_activities").await, 1);

    // RFC 9421, as Mastodon 4.5 may sign.
    let body = follow(9).to_string();
    let created = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let mut h = rfc9421::sign_for_test(&key, "POST", &inbox, body.as_bytes(), created).unwrap();
    h.push(("content-type", "application/activity+json".into()));
    assert_eq!(send(&afccre, &inbox, &h, &body).await, StatusCode::ACCEPTED);
    assert_eq!(afccre.count("received_activities").await, 2);

    // A blocked domain is refused.
    afccre
        .exec(&format!(
            "INSERT INTO domain_blocks (domain) VALUES ('{}')",
            nrw.domain()
        ))
        .await;
    assert_eq!(
        post_signed(&afccre, &inbox, &key, &follow(10), SystemTime::now())
            .await
            .0,
        StatusCode::FORBIDDEN
    );
}

/// A Create of an object stored before: its author's updates it (a repeated delivery under
/// a new activity id), anyone else's is refused, and a deleted post stays deleted. Through
/// the general path (the authors are not followed) and through the one-statement path for a
/// new post from a followed actor, where a replay and a repeat are checked too.
async fn a_create_of_a_stored_post(followed: bool) {
    let (nrw, afccre) = tokio::join!(Net::start(), Net::start());
    let dortmund = nrw.org("stadt-dortmund", false).await;
    let koeln = nrw.org("stadt-koeln", false).await;
    let amiens = afccre.org("ville-amiens", false).await;
    let inbox = afccre.inst.url("/inbox");
    let now = SystemTime::now();
    // Both senders become known to afccre (each follows Amiens); then, for the fast path,
    // Amiens follows both.
    for (n, actor) in [(1, &dortmund), (2, &koeln)] {
        let follow = json!({"@context": "https://www.w3.org/ns/activitystreams",
            "id": format!("{}/activities/follow/f{n}", nrw.inst.base), "type": "Follow",
            "actor": actor.ap_id.as_str(), "object": amiens.ap_id.as_str()});
        let sent = post_signed(&afccre, &inbox, &key_of(actor), &follow, now).await;
        assert_eq!(sent.0, StatusCode::ACCEPTED);
    }
    if followed {
        afccre
            .exec(&format!(
                "INSERT INTO follows (follower_id, followed_id, accepted) \
                 SELECT {}, id, true FROM actors WHERE NOT local AND actor_type <> 'Application'",
                amiens.id
            ))
            .await;
        let by_amiens = format!("follows WHERE follower_id = {} AND accepted", amiens.id);
        assert_eq!(afccre.count(&by_amiens).await, 2);
    }
    let object = format!("{}/posts/jumelage-2027", nrw.inst.base);
    let create = |n: u32, actor: &DbActor, text: &str| {
        json!({"@context": "https://www.w3.org/ns/activitystreams",
               "id": format!("{}/activities/create/c{n}", nrw.inst.base), "type": "Create",
               "actor": actor.ap_id.as_str(),
               "to": ["https://www.w3.org/ns/activitystreams#Public", amiens.ap_id.as_str()],
               "object": {"id": object, "type": "Note", "attributedTo": actor.ap_id.as_str(),
                          "content": text}})
    };
    // Sends the n-th Create, signed by its actor at `when`.
    let send_create = async |n: u32, actor: &DbActor, text: &str, when: SystemTime| {
        post_signed(
            &afccre,
            &inbox,
            &key_of(actor),
            &create(n, actor, text),
            when,
        )
        .await
    };
    let ok = send_create(1, &dortmund, "erste Fassung", now).await;
    assert_eq!(ok.0, StatusCode::ACCEPTED);
    assert_eq!(afccre.count("posts WHERE NOT local").await, 1);
    assert_eq!(afccre.count("received_activities").await, 3);
    // The very same request again: a replay. Signed afresh (a retry): nothing changes.
    assert_eq!(
        send(&afccre, &inbox, &ok.1, &ok.2).await,
        StatusCode::UNAUTHORIZED
    );
    let retry = send_create(1, &dortmund, "erste Fassung", now + Duration::from_secs(60)).await;
    assert_eq!(retry.0, StatusCode::ACCEPTED);
    assert_eq!(afccre.count("posts WHERE NOT local").await, 1);
    assert_eq!(afccre.count("received_activities").await, 3);
    // The same object again, from its author, under a new activity id: an update.
    let again = send_create(2, &dortmund, "zweite Fassung", now).await;
    assert_eq!(again.0, StatusCode::ACCEPTED);
    assert_eq!(afccre.count("posts WHERE NOT local").await, 1);
    assert_eq!(
        afccre
            .count("post_translations WHERE content_html LIKE '%zweite Fassung%'")
            .await,
        1
    );
    assert_eq!(afccre.count("post_translations").await, 1);
    // Another actor of the same host claiming the object: refused, nothing changed.
    let taken = send_create(3, &koeln, "gekapert", now).await;
    assert_eq!(taken.0, StatusCode::FORBIDDEN);
    assert_eq!(
        afccre
            .count("post_translations WHERE content_html LIKE '%gekapert%'")
            .await,
        0
    );
    assert_eq!(afccre.count("received_activities").await, 4);
    // Deleted, then created again: it stays deleted.
    afccre
        .exec("UPDATE posts SET deleted_at = now() WHERE NOT local")
        .await;
    let revived = send_create(4, &dortmund, "dritte Fassung", now).await;
    assert_eq!(revived.0, StatusCode::ACCEPTED);
    assert_eq!(
        afccre
            .count("post_translations WHERE content_html LIKE '%dritte Fassung%'")
            .await,
        0
    );
    // A new post in two languages (the general path in both cases): both versions stored.
    let bilingual = json!({"@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/create/c5", nrw.inst.base), "type": "Create",
        "actor": dortmund.ap_id.as_str(),
        "to": ["https://www.w3.org/ns/activitystreams#Public", amiens.ap_id.as_str()],
        "object": {"id": format!("{}/posts/fete-2027", nrw.inst.base), "type": "Note",
                   "attributedTo": dortmund.ap_id.as_str(),
                   "contentMap": {"de": "Stadtfest", "fr": "Fête de la ville"}}});
    let sent = post_signed(&afccre, &inbox, &key_of(&dortmund), &bilingual, now).await;
    assert_eq!(sent.0, StatusCode::ACCEPTED);
    assert_eq!(afccre.count("posts WHERE NOT local").await, 2);
    assert_eq!(afccre.count("post_translations").await, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_create_of_a_stored_post_updates_it_only_for_its_author() {
    a_create_of_a_stored_post(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_post_from_a_followed_actor_is_stored_in_one_statement_and_checked_alike() {
    a_create_of_a_stored_post(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorized_fetch_refuses_unsigned_gets_and_still_federates() {
    let (nrw, afccre) = tokio::join!(
        Net::start(),
        Net::start_with(|c| c.federation.authorized_fetch = true)
    );
    nrw.org("stadt-koeln", false).await;
    let lille = afccre.org("ville-lille", false).await;
    let ap = "application/activity+json";
    let get =
        |url: String, accept: &'static str| afccre.http.get(url).header("accept", accept).send();
    assert_eq!(
        get(lille.ap_id.to_string(), ap).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        get(afccre.inst.url("/o/ville-lille/outbox"), ap)
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        get(lille.ap_id.to_string(), "text/html")
            .await
            .unwrap()
            .status(),
        StatusCode::OK,
        "pages stay open"
    );
    assert_eq!(
        get(afccre.inst.url("/actor"), ap).await.unwrap().status(),
        StatusCode::OK,
        "the instance actor stays open"
    );
    // A signed GET is answered.
    let koeln = {
        let mut conn = nrw.inst.state().pool.get().await.unwrap();
        DbActor::local_by_handle(&mut conn, "stadt-koeln")
            .await
            .unwrap()
            .unwrap()
    };
    let signed = passerelle::federation::signatures::sign_get(
        &key_of(&koeln),
        &lille.ap_id,
        SystemTime::now(),
    )
    .unwrap();
    let req = passerelle::federation::http::signed(
        afccre.http.get(lille.ap_id.as_str()).header("accept", ap),
        signed,
    );
    assert_eq!(req.send().await.unwrap().status(), StatusCode::OK);
    // Federation works: nrw's fetches are signed with its instance actor.
    nrw.follow("stadt-koeln", &afccre.handle("ville-lille"))
        .await;
    crate::common::wait_for("follow accepted", 20, || async {
        nrw.following_accepted("stadt-koeln", lille.ap_id.as_str())
            .await
            .filter(|a| *a)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_blocked_instance_gets_nothing_and_is_refused() {
    let (nrw, afccre) = tokio::join!(Net::start(), Net::start());
    nrw.org("stadt-aachen", false).await;
    let reims = afccre.org("ville-reims", false).await;
    nrw.follow("stadt-aachen", reims.ap_id.as_str()).await;
    crate::common::wait_for("follow accepted", 20, || async {
        nrw.following_accepted("stadt-aachen", reims.ap_id.as_str())
            .await
            .filter(|a| *a)
    })
    .await;
    // afccre's moderators block nrw.
    let (status, _) = afccre
        .call(
            reqwest::Method::POST,
            "/api/v1/admin/domain-blocks",
            Some(json!({"domain": nrw.domain(), "reason": "test"})),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, blocks) = afccre
        .call(reqwest::Method::GET, "/api/v1/admin/domain-blocks", None)
        .await;
    assert_eq!(blocks[0]["domain"], nrw.domain());
    // Nothing is delivered there...
    let post = afccre.post("ville-reims", "Pas pour eux").await;
    let (_, report) = afccre
        .call(
            reqwest::Method::GET,
            &format!("/api/v1/posts/{}/deliveries", post["id"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(report["inboxes"], 0);
    // ...its requests are refused, and it cannot be followed from here.
    let (status, _) = afccre
        .call(
            reqwest::Method::POST,
            "/api/v1/organisations/ville-reims/following",
            Some(json!({"target": nrw.handle("stadt-aachen")})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let aachen = {
        let mut conn = nrw.inst.state().pool.get().await.unwrap();
        DbActor::local_by_handle(&mut conn, "stadt-aachen")
            .await
            .unwrap()
            .unwrap()
    };
    let like = json!({"id": format!("{}/activities/like/x1", nrw.inst.base), "type": "Like", "actor": aachen.ap_id.as_str(), "object": post["ap_id"]});
    assert_eq!(
        post_signed(
            &afccre,
            &afccre.inst.url("/inbox"),
            &key_of(&aachen),
            &like,
            SystemTime::now()
        )
        .await
        .0,
        StatusCode::FORBIDDEN
    );
    // Unblocked, it federates again.
    let (status, _) = afccre
        .call(
            reqwest::Method::DELETE,
            &format!("/api/v1/admin/domain-blocks/{}", nrw.domain()),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        post_signed(
            &afccre,
            &afccre.inst.url("/inbox"),
            &key_of(&aachen),
            &like,
            SystemTime::now()
        )
        .await
        .0,
        StatusCode::ACCEPTED
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn allow_list_mode_refuses_everyone_else() {
    let (nrw, dfi) = tokio::join!(
        Net::start(),
        Net::start_with(|c| c.federation.allowed_domains = vec!["only.example".into()])
    );
    let bonn = nrw.org("stadt-bonn", false).await;
    let stuttgart = dfi.org("stadt-stuttgart", false).await;
    let follow = json!({"id": format!("{}/activities/follow/a1", nrw.inst.base), "type": "Follow", "actor": bonn.ap_id.as_str(), "object": stuttgart.ap_id.as_str()});
    assert_eq!(
        post_signed(
            &dfi,
            &dfi.inst.url("/inbox"),
            &key_of(&bonn),
            &follow,
            SystemTime::now()
        )
        .await
        .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(dfi.count("follows").await, 0);
}
