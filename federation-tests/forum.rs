//! The forum across three instances (FEP-1b12): a group at dfi is followed from nrw; a
//! thread from afccre reaches the group and every follower through the group's Announce; a
//! comment from nrw is passed on; a moderator's removal and lock at dfi reach nrw; a banned
//! organisation's thread, a comment in a locked thread and a thread in a mods-only group
//! are refused with nothing stored.

use crate::common::{Net, wait_for};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn create_group(net: &Net, handle: &str, mods_only: bool) -> Value {
    let (status, g) = net
        .call(
            Method::POST,
            "/api/v1/groups",
            Some(json!({
                "handle": handle,
                "name": {"de": "Klimapartnerschaften", "fr": "Partenariats pour le climat"},
                "description": {"de": "Fragen und Antworten zu Klimapartnerschaften"},
                "rules": {"de": "Freundlich bleiben."},
                "posting_restricted_to_mods": mods_only,
                "moderators": ["redaktion"]
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "create group: {g}");
    g
}

async fn thread(net: &Net, org: &str, group: &str, title: &str) -> (StatusCode, Value) {
    net.call(
        Method::POST,
        &format!("/api/v1/organisations/{org}/threads"),
        Some(json!({"group": group, "language": "de", "title": title,
                    "body": "Wie habt ihr den **Wärmeplan** abgestimmt?"})),
    )
    .await
}

async fn comment(net: &Net, org: &str, parent: &str, body: &str) -> (StatusCode, Value) {
    net.call(
        Method::POST,
        &format!("/api/v1/organisations/{org}/comments"),
        Some(json!({"language": "de", "body": body, "in_reply_to": parent})),
    )
    .await
}

async fn moderate(net: &Net, group: &str, action: &str, object: &str) -> (StatusCode, Value) {
    net.call(
        Method::POST,
        &format!("/api/v1/groups/{group}/moderation"),
        Some(json!({"action": action, "object": object, "reason": "Testfall"})),
    )
    .await
}

/// The thread as an instance's API shows it, once it has it.
async fn thread_at(net: &Net, id: &str) -> Option<Value> {
    let (status, t) = net
        .call(
            Method::GET,
            &format!("/api/v1/threads?id={}", urlencode(id)),
            None,
        )
        .await;
    (status == StatusCode::OK).then_some(t)
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thread_and_its_comments_travel_through_the_group() {
    let (dfi, nrw, afccre) = tokio::join!(Net::start(), Net::start(), Net::start());
    dfi.org("dfi-redaktion", false).await;
    nrw.org("stadt-dortmund", false).await;
    afccre.org("ville-amiens", false).await;
    let group = create_group(&dfi, "klima", false).await;
    let group_id = group["id"].as_str().unwrap().to_string();
    let group_acct = format!("@klima@{}", dfi.domain());

    // nrw follows the group; the group accepts at once.
    nrw.follow("stadt-dortmund", &group_acct).await;
    wait_for("the group accepts nrw's follow", 20, || async {
        nrw.following_accepted("stadt-dortmund", &group_id)
            .await
            .filter(|a| *a)
    })
    .await;

    // A thread from afccre goes to the group, which passes it on to nrw.
    let (status, t) = thread(
        &afccre,
        "ville-amiens",
        &group_acct,
        "Wärmeplanung gemeinsam",
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{t}");
    let thread_id = t["ap_id"].as_str().unwrap().to_string();
    let at_dfi = wait_for("the thread reaches the group", 20, || async {
        thread_at(&dfi, &thread_id).await
    })
    .await;
    assert_eq!(at_dfi["thread"]["group"], group_id.as_str());
    assert_eq!(
        at_dfi["thread"]["translations"][0]["title"],
        "Wärmeplanung gemeinsam"
    );
    let at_nrw = wait_for("the group announces the thread to nrw", 20, || async {
        thread_at(&nrw, &thread_id).await
    })
    .await;
    assert_eq!(at_nrw["thread"]["group"], group_id.as_str());
    let (_, listed) = dfi
        .call(Method::GET, "/api/v1/groups/klima/threads", None)
        .await;
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");

    // nrw comments; the group gets it, and afccre (the thread's author) too.
    let (status, c) = comment(
        &nrw,
        "stadt-dortmund",
        &thread_id,
        "Mit einem gemeinsamen Workshop.",
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{c}");
    let comment_id = c["ap_id"].as_str().unwrap().to_string();
    wait_for("the comment reaches the group", 20, || async {
        let t = thread_at(&dfi, &thread_id).await?;
        (t["comments"].as_array()?.len() == 1).then_some(())
    })
    .await;
    wait_for("the comment reaches the thread's author", 20, || async {
        afccre.stored_post(&comment_id).await
    })
    .await;
    let (_, listed) = dfi
        .call(Method::GET, "/api/v1/groups/klima/threads", None)
        .await;
    assert_eq!(listed[0]["comments"], 1, "{listed}");

    // The moderator removes the comment: nrw deletes its copy (the group's own instance
    // acted, on the group's thread).
    let (status, body) = moderate(&dfi, "klima", "remove", &comment_id).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    wait_for("the removal reaches nrw", 20, || async {
        let p = nrw.stored_post(&comment_id).await?;
        p.post.deleted_at.map(|_| ())
    })
    .await;
    // The thread keeps the removed comment's place, not its words; the heading counts the
    // comments that are left, as the group's list does.
    let t = thread_at(&dfi, &thread_id).await.expect("the thread");
    let removed = t["comments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["ap_id"] == comment_id.as_str())
        .expect("the removed comment keeps its place");
    assert_eq!(removed["removed"], true);
    assert_eq!(removed["translations"], json!([]), "{removed}");
    assert_eq!(t["thread"]["comments"], 0);
    let local_id = dfi.stored_post(&thread_id).await.unwrap().post.id;
    let page = dfi
        .http
        .get(dfi.inst.url(&format!("/g/klima/t/{local_id}?lang=de")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Kommentare (0)"), "{page}");
    let (_, log) = dfi
        .call(Method::GET, "/api/v1/groups/klima/moderation-log", None)
        .await;
    assert_eq!(log[0]["action"], "remove", "{log}");
    assert_eq!(log[0]["by"], "redaktion");
    assert_eq!(log[0]["reason"], "Testfall");

    // Locked: nrw hears of it and refuses a comment itself; a comment sent anyway is refused.
    let (status, body) = moderate(&dfi, "klima", "lock", &thread_id).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    wait_for("the lock reaches nrw", 20, || async {
        let t = thread_at(&nrw, &thread_id).await?;
        (t["thread"]["locked"] == true).then_some(())
    })
    .await;
    let (status, body) = comment(&nrw, "stadt-dortmund", &thread_id, "Noch etwas").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = comment(&dfi, "dfi-redaktion", &thread_id, "Noch etwas").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");

    // Banned: afccre's next thread is refused by the group, nothing stored there.
    let (status, body) = moderate(&dfi, "klima", "ban", &afccre.handle("ville-amiens")).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (status, t2) = thread(&afccre, "ville-amiens", &group_acct, "Noch ein Thema").await;
    assert_eq!(status, StatusCode::CREATED, "{t2}");
    let t2_id = t2["ap_id"].as_str().unwrap().to_string();
    wait_for("afccre's delivery to the group is answered", 20, || async {
        let n = afccre
            .count(&format!(
                "deliveries d JOIN outbound_activities a ON a.id = d.activity_id \
                 WHERE a.object_ap_id = '{t2_id}' AND d.state <> 'pending'"
            ))
            .await;
        (n > 0).then_some(())
    })
    .await;
    assert_eq!(
        dfi.count(&format!("posts WHERE ap_id = '{t2_id}'")).await,
        0,
        "a banned actor's thread is not stored"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mods_only_group_refuses_threads_from_others_and_outsiders_cannot_moderate() {
    let (dfi, nrw) = tokio::join!(Net::start(), Net::start());
    dfi.org("dfi-redaktion", false).await;
    nrw.org("stadt-dortmund", false).await;
    create_group(&dfi, "ankuendigungen", true).await;
    let acct = format!("@ankuendigungen@{}", dfi.domain());

    // Our own editor is a moderator: may start a thread.
    let (status, body) = thread(&dfi, "dfi-redaktion", "ankuendigungen", "Neue Förderrunde").await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let local_thread = body["ap_id"].as_str().unwrap().to_string();

    // Another instance's organisation is no moderator: its Create{Page} is refused (403).
    let (status, body) = thread(&nrw, "stadt-dortmund", &acct, "Frage").await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let remote_id = body["ap_id"].as_str().unwrap().to_string();
    wait_for("nrw's delivery is answered", 20, || async {
        let n = nrw
            .count(&format!(
                "deliveries d JOIN outbound_activities a ON a.id = d.activity_id \
                 WHERE a.object_ap_id = '{remote_id}' AND d.state <> 'pending'"
            ))
            .await;
        (n > 0).then_some(())
    })
    .await;
    assert_eq!(
        dfi.count(&format!("posts WHERE ap_id = '{remote_id}'"))
            .await,
        0
    );

    // A local account that moderates nothing cannot moderate.
    let mut conn = dfi.inst.state().pool.get().await.unwrap();
    let plain =
        passerelle::auth::create_account(&mut conn, "gast", "gast-password-1", false, false)
            .await
            .unwrap();
    let token = passerelle::auth::issue_token(&mut conn, &plain, "t")
        .await
        .unwrap()
        .1;
    drop(conn);
    let resp = dfi
        .http
        .post(dfi.inst.url("/api/v1/groups/ankuendigungen/moderation"))
        .bearer_auth(token)
        .json(&json!({"action": "remove", "object": local_thread}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        dfi.count(&format!(
            "posts WHERE ap_id = '{local_thread}' AND deleted_at IS NULL"
        ))
        .await,
        1
    );

    // Bad input: an empty title, an unknown action, a group that is not one.
    let (status, body) = thread(&dfi, "dfi-redaktion", "ankuendigungen", "  ").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["field"], "title");
    let (status, body) = moderate(&dfi, "ankuendigungen", "explode", &local_thread).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = thread(&dfi, "dfi-redaktion", &nrw.handle("stadt-dortmund"), "x").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["field"], "group");
}
