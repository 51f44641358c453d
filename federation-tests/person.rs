//! Writing as oneself across instances: a person of nrw (an account's own `Person` actor,
//! with its own key) comments in a group of dfi and starts a thread there; dfi verifies the
//! person's signatures itself (fetching the actor under authorized fetch), stores both
//! attributed to the Person and announces them to the group's followers. Turned off at nrw,
//! the person's `Delete` reaches dfi, which removes what it wrote.

use crate::common::{Net, wait_for};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// An account of `net` without any role, and its API token.
async fn account(net: &Net, username: &str) -> String {
    let mut conn = net.inst.state().pool.get().await.unwrap();
    let a =
        passerelle::auth::create_account(&mut conn, username, "person-password-1", false, false)
            .await
            .unwrap();
    passerelle::auth::issue_token(&mut conn, &a, "t")
        .await
        .unwrap()
        .1
}

async fn as_account(
    net: &Net,
    token: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = net
        .http
        .request(method, net.inst.url(path))
        .bearer_auth(token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status();
    let text = resp.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn thread_at(net: &Net, id: &str) -> Option<Value> {
    let id: String = url::form_urlencoded::byte_serialize(id.as_bytes()).collect();
    let (status, t) = net
        .call(Method::GET, &format!("/api/v1/threads?id={id}"), None)
        .await;
    (status == StatusCode::OK).then_some(t)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_writes_in_a_group_elsewhere_under_its_own_key() {
    let (dfi, nrw) = tokio::join!(Net::start(), Net::start());
    dfi.org("dfi-redaktion", false).await;
    nrw.org("stadt-dortmund", false).await;
    let (status, g) = dfi
        .call(
            Method::POST,
            "/api/v1/groups",
            Some(json!({"handle": "klima", "name": {"de": "Klima"}, "moderators": ["redaktion"]})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{g}");
    let group_id = g["id"].as_str().unwrap().to_string();
    let group_acct = format!("@klima@{}", dfi.domain());

    // nrw follows the group, so that dfi's thread reaches nrw.
    nrw.follow("stadt-dortmund", &group_acct).await;
    wait_for("the group accepts nrw's follow", 20, || async {
        nrw.following_accepted("stadt-dortmund", &group_id)
            .await
            .filter(|a| *a)
    })
    .await;
    let (status, t) = dfi
        .call(
            Method::POST,
            "/api/v1/organisations/dfi-redaktion/threads",
            Some(json!({"group": "klima", "language": "de", "title": "Wärmeplanung"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{t}");
    let thread_id = t["ap_id"].as_str().unwrap().to_string();
    wait_for("the thread reaches nrw", 20, || async {
        thread_at(&nrw, &thread_id).await
    })
    .await;

    // Maria at nrw turns on writing as herself and comments.
    let maria = account(&nrw, "maria").await;
    let (status, me) = as_account(
        &nrw,
        &maria,
        Method::PUT,
        "/api/v1/me/person",
        Some(json!({"name": "Maria Muster"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    let person_id = me["id"].as_str().unwrap().to_string();

    // A Follow of the Person is rejected, not left pending: dfi's follow goes away, and nrw
    // stores none.
    dfi.follow("dfi-redaktion", &format!("@maria@{}", nrw.domain()))
        .await;
    let follows_of_maria =
        format!("follows f JOIN actors a ON a.id = f.followed_id WHERE a.ap_id = '{person_id}'");
    wait_for("nrw rejects the follow of the Person", 20, || async {
        (dfi.count(&follows_of_maria).await == 0).then_some(())
    })
    .await;
    assert_eq!(nrw.count(&follows_of_maria).await, 0);
    let (status, c) = as_account(
        &nrw,
        &maria,
        Method::POST,
        "/api/v1/me/person/comments",
        Some(json!({"language": "de", "body": "Wir haben einen Workshop gemacht.", "in_reply_to": thread_id})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{c}");
    let comment_id = c["ap_id"].as_str().unwrap().to_string();

    // dfi checked the person's signature and stored the comment as the Person's.
    let at_dfi = wait_for("the comment reaches the group", 20, || async {
        let t = thread_at(&dfi, &thread_id).await?;
        (t["comments"].as_array()?.len() == 1).then_some(t)
    })
    .await;
    let stored = &at_dfi["comments"][0];
    assert_eq!(stored["ap_id"], comment_id.as_str());
    assert_eq!(stored["author"], person_id.as_str());
    assert_eq!(stored["author_name"], "Maria Muster");
    assert_eq!(
        dfi.count(&format!(
            "actors WHERE ap_id = '{person_id}' AND actor_type = 'Person' AND NOT local \
             AND handle = 'maria' AND public_key_pem LIKE '-----BEGIN PUBLIC KEY-----%'"
        ))
        .await,
        1,
        "dfi stored the Person with its own key"
    );
    // The group announced it to its followers (nrw's organisation).
    wait_for("the group announces the comment", 20, || async {
        let n = dfi
            .count(&format!(
                "delivered_batches b JOIN outbound_activities a ON a.id = b.activity_id \
                 JOIN actors g ON g.id = a.actor_id \
                 WHERE g.ap_id = '{group_id}' AND a.kind = 'Announce' \
                 AND a.object_ap_id = '{comment_id}'"
            ))
            .await;
        (n > 0).then_some(())
    })
    .await;

    // A thread of her own in dfi's group, named as people name it.
    let (status, t2) = as_account(
        &nrw,
        &maria,
        Method::POST,
        "/api/v1/me/person/threads",
        Some(json!({"group": group_acct, "language": "de", "title": "Meine Frage"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{t2}");
    let t2_id = t2["ap_id"].as_str().unwrap().to_string();
    let at_dfi = wait_for("the person's thread reaches the group", 20, || async {
        thread_at(&dfi, &t2_id).await
    })
    .await;
    assert_eq!(at_dfi["thread"]["author"], person_id.as_str());
    assert_eq!(at_dfi["thread"]["group"], group_id.as_str());

    // Turned off at nrw: its Delete reaches dfi, which removes what it wrote.
    let (status, _) = as_account(&nrw, &maria, Method::DELETE, "/api/v1/me/person", None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    wait_for("the person's Delete reaches dfi", 20, || async {
        let n = dfi
            .count(&format!(
                "posts WHERE ap_id IN ('{comment_id}', '{t2_id}') AND deleted_at IS NOT NULL"
            ))
            .await;
        (n == 2).then_some(())
    })
    .await;
    assert_eq!(
        dfi.count(&format!(
            "actors WHERE ap_id = '{person_id}' AND deleted_at IS NOT NULL"
        ))
        .await,
        1
    );
}
