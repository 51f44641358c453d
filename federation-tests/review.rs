//! Editorial review across instances: nrw submits a post to dfi's showcase (`Offer`); dfi's
//! reviewer asks for changes (`TentativeReject`), nrw edits and submits again, dfi approves
//! (`Accept`, and the showcase announces the post to its followers at afccre); a second post
//! is declined with its reason (`Reject`). Each step is visible on both sides with its
//! history. A forged submission of another organisation's post is refused with nothing stored.

use crate::common::{Net, wait_for};
use passerelle::db::models::actor::DbActor;
use passerelle::federation::signatures::{SigningKey, sign_post};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::time::SystemTime;
use url::Url;

async fn submissions(net: &Net, org: &str) -> Vec<Value> {
    let (status, list) = net
        .call(
            Method::GET,
            &format!("/api/v1/organisations/{org}/submissions"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array().unwrap().clone()
}

async fn queue(net: &Net, state: &str) -> Vec<Value> {
    let (status, list) = net
        .call(Method::GET, &format!("/api/v1/review?state={state}"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array().unwrap().clone()
}

/// The submitter's view of the submission of `post`, once it is in `state`.
async fn at_submitter(net: &Net, org: &str, post: &str, state: &str) -> Value {
    wait_for(&format!("the submitter sees `{state}`"), 20, || async {
        submissions(net, org)
            .await
            .into_iter()
            .find(|s| s["post"] == post && s["state"] == state)
    })
    .await
}

/// The showcase's queue entry for `post`, once it is in `state`.
async fn at_showcase(net: &Net, post: &str, state: &str) -> Value {
    wait_for(&format!("the showcase sees `{state}`"), 20, || async {
        queue(net, state)
            .await
            .into_iter()
            .find(|s| s["post"] == post)
    })
    .await
}

fn key_of(actor: &DbActor) -> SigningKey {
    SigningKey::from_pkcs8_pem(
        format!("{}#main-key", actor.ap_id),
        actor.private_key_pem.as_deref().unwrap(),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_submission_from_nrw_is_reviewed_at_dfi_and_seen_on_both_sides() {
    let (dfi, nrw, afccre) = tokio::join!(Net::start(), Net::start(), Net::start());
    let dortmund = nrw.org("stadt-dortmund", false).await;
    afccre.org("ville-amiens", false).await;
    let (status, showcase) = dfi
        .call(
            Method::POST,
            "/api/v1/showcases",
            Some(json!({"group": {
                "handle": "schaufenster",
                "name": {"de": "Schaufenster", "fr": "Vitrine"},
                "moderators": ["redaktion"]
            }})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{showcase}");
    let showcase_id = showcase["id"].as_str().unwrap().to_string();
    let showcase_acct = format!("@schaufenster@{}", dfi.domain());

    // afccre follows the showcase: approved posts reach it.
    afccre.follow("ville-amiens", &showcase_acct).await;
    wait_for("the showcase accepts afccre's follow", 20, || async {
        afccre
            .following_accepted("ville-amiens", &showcase_id)
            .await
            .filter(|a| *a)
    })
    .await;

    // nrw submits a post; both sides see it waiting.
    let post = nrw.post("stadt-dortmund", "Jugendcamp").await;
    let post_id = post["ap_id"].as_str().unwrap().to_string();
    let key = post["id"].as_str().unwrap().to_string();
    let (status, sub) = nrw
        .call(
            Method::POST,
            &format!("/api/v1/posts/{key}/submissions"),
            Some(json!({"showcase": showcase_acct})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{sub}");
    assert_eq!(sub["state"], "pending");
    assert_eq!(sub["local_showcase"], false);
    let waiting = at_showcase(&dfi, &post_id, "pending").await;
    assert_eq!(waiting["submitter"], dortmund.ap_id.as_str());
    assert_eq!(waiting["post_title"], "Jugendcamp (de)");
    let id = waiting["id"].as_i64().unwrap();

    // dfi asks for changes: nrw sees the comment.
    let (status, body) = dfi
        .call(
            Method::POST,
            &format!("/api/v1/review/{id}"),
            Some(json!({"action": "request_changes", "comment": "Bitte ein Foto ergänzen."})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let seen = at_submitter(&nrw, "stadt-dortmund", &post_id, "changes_requested").await;
    assert_eq!(seen["comment"], "Bitte ein Foto ergänzen.");

    // nrw edits the post and submits again: dfi has the new version, waiting again.
    let (status, body) = nrw
        .call(
            Method::PUT,
            &format!("/api/v1/posts/{key}"),
            Some(json!({"translations": [
                {"language": "de", "title": "Jugendcamp mit Foto", "summary": "Neu", "body": "Text"}
            ], "themes": ["youth"]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, again) = nrw
        .call(
            Method::POST,
            &format!("/api/v1/posts/{key}/submissions"),
            Some(json!({"showcase": showcase_acct})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{again}");
    let waiting = wait_for("dfi has the edited post, waiting again", 20, || async {
        queue(&dfi, "pending")
            .await
            .into_iter()
            .find(|s| s["post"] == post_id.as_str() && s["post_title"] == "Jugendcamp mit Foto")
    })
    .await;
    assert_eq!(waiting["id"], id, "the same submission");

    // dfi approves: nrw sees it, afccre gets the showcase's Announce, dfi shows it.
    let (status, body) = dfi
        .call(
            Method::POST,
            &format!("/api/v1/review/{id}"),
            Some(json!({"action": "approve"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let seen = at_submitter(&nrw, "stadt-dortmund", &post_id, "approved").await;
    let actions: Vec<&str> = seen["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["submitted", "changes_requested", "resubmitted", "approved"]
    );
    assert!(
        !seen["history"][3]["by"].as_str().unwrap().is_empty(),
        "{seen}"
    );
    wait_for("afccre receives the approved post", 20, || async {
        afccre.stored_post(&post_id).await
    })
    .await;
    let page = dfi
        .http
        .get(dfi.inst.url("/showcase?lang=de"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Jugendcamp mit Foto"), "{page}");
    let at_dfi = &queue(&dfi, "approved").await[0];
    assert_eq!(at_dfi["history"].as_array().unwrap().len(), 4);

    // A second post is declined with its reason.
    let second = nrw.post("stadt-dortmund", "Werbung").await;
    let second_id = second["ap_id"].as_str().unwrap().to_string();
    let second_key = second["id"].as_str().unwrap();
    nrw.call(
        Method::POST,
        &format!("/api/v1/posts/{second_key}/submissions"),
        Some(json!({"showcase": showcase_acct})),
    )
    .await;
    let waiting = at_showcase(&dfi, &second_id, "pending").await;
    let (status, _) = dfi
        .call(
            Method::POST,
            &format!("/api/v1/review/{}", waiting["id"]),
            Some(json!({"action": "decline", "comment": "Kein Partnerschaftsprojekt."})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let seen = at_submitter(&nrw, "stadt-dortmund", &second_id, "declined").await;
    assert_eq!(seen["comment"], "Kein Partnerschaftsprojekt.");
    // Final: nrw may not send it again.
    let (status, _) = nrw
        .call(
            Method::POST,
            &format!("/api/v1/posts/{second_key}/submissions"),
            Some(json!({"showcase": showcase_acct})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_submission_of_someone_elses_post_is_refused_with_nothing_stored() {
    let (dfi, nrw) = tokio::join!(Net::start(), Net::start());
    let dortmund = nrw.org("stadt-dortmund", false).await;
    nrw.org("stadt-essen", false).await;
    let (status, showcase) = dfi
        .call(
            Method::POST,
            "/api/v1/showcases",
            Some(json!({"group": {"handle": "schaufenster", "name": {"de": "Schaufenster"}}})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{showcase}");
    let essen_post = nrw.post("stadt-essen", "Essens Projekt").await;
    let inbox = format!("{}/inbox", dfi.inst.url("").trim_end_matches('/'));
    // Dortmund signs an Offer of Essen's post.
    let offer = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/offer/forged", nrw.inst.url("").trim_end_matches('/')),
        "type": "Offer",
        "actor": dortmund.ap_id.as_str(),
        "object": essen_post["ap_id"],
        "target": showcase["id"],
        "to": [showcase["id"]]
    });
    let body = offer.to_string();
    let headers = sign_post(
        &key_of(&dortmund),
        &Url::parse(&inbox).unwrap(),
        body.as_bytes(),
        SystemTime::now(),
    )
    .unwrap();
    let resp =
        passerelle::federation::http::signed(dfi.http.post(&inbox).body(body), headers.into_iter())
            .send()
            .await
            .unwrap();
    let status = resp.status();
    let text = resp.text().await.unwrap();
    assert_eq!(status, StatusCode::FORBIDDEN, "{text}");
    assert_eq!(dfi.count("submissions").await, 0);
    assert!(queue(&dfi, "pending").await.is_empty());
}
