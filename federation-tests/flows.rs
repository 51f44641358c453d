//! Follows, posts, edits, deletions, boosts and replies between real instances.

use crate::common::{Net, wait_for};
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follow_is_accepted_and_posts_edits_and_deletions_arrive() {
    let (nrw, afccre) = tokio::join!(Net::start(), Net::start());
    nrw.org("stadt-dortmund", false).await;
    let amiens = afccre.org("ville-amiens", false).await;

    let f = nrw
        .follow("stadt-dortmund", &afccre.handle("ville-amiens"))
        .await;
    assert_eq!(f["actor"], amiens.ap_id.as_str());
    wait_for("nrw's follow accepted by afccre", 20, || async {
        nrw.following_accepted("stadt-dortmund", amiens.ap_id.as_str())
            .await
            .filter(|a| *a)
    })
    .await;
    // A profile edit reaches the follower's instance.
    let (status, _) = afccre
        .call(
            Method::PATCH,
            "/api/v1/organisations/ville-amiens",
            Some(json!({"name": "Ville d'Amiens"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    wait_for("the new name reaches nrw", 20, || async {
        let mut conn = nrw.inst.state().pool.get().await.unwrap();
        passerelle::db::models::actor::DbActor::by_ap_id(&mut conn, amiens.ap_id.as_str())
            .await
            .unwrap()
            .filter(|a| a.name == "Ville d'Amiens")
    })
    .await;
    // afccre lists the follower.
    let (_, followers) = afccre
        .call(
            Method::GET,
            "/api/v1/organisations/ville-amiens/followers",
            None,
        )
        .await;
    assert_eq!(followers[0]["handle"], nrw.handle("stadt-dortmund"));

    let post = afccre.post("ville-amiens", "Accueil des jeunes").await;
    let ap_id = post["ap_id"].as_str().unwrap().to_string();
    let stored = wait_for("the post reaches nrw", 20, || nrw.stored_post(&ap_id)).await;
    assert!(!stored.post.local);
    assert_eq!(stored.post.object_type, "Article");
    assert_eq!(stored.translations[0].language, "fr", "main language first");
    assert_eq!(stored.translations[0].title, "Accueil des jeunes");
    assert_eq!(stored.translations.len(), 2);

    // The editor sees where it went: delivered to 1 of 1.
    let (_, report) = afccre
        .call(
            Method::GET,
            &format!("/api/v1/posts/{}/deliveries", post["id"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(report["inboxes"], 1);
    wait_for("delivery recorded", 10, || async {
        let (_, r) = afccre
            .call(
                Method::GET,
                &format!("/api/v1/posts/{}/deliveries", post["id"].as_str().unwrap()),
                None,
            )
            .await;
        (r["delivered"] == 1).then_some(())
    })
    .await;

    let edit = json!({"translations": [{"language": "fr", "title": "Accueil des jeunes (modifié)", "summary": "Nouveau résumé", "body": "Nouveau"}]});
    let (status, _) = afccre
        .call(
            Method::PUT,
            &format!("/api/v1/posts/{}", post["id"].as_str().unwrap()),
            Some(edit),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    wait_for("the edit reaches nrw", 20, || async {
        nrw.stored_post(&ap_id)
            .await
            .filter(|p| p.translations[0].title == "Accueil des jeunes (modifié)")
    })
    .await;

    let (status, _) = afccre
        .call(
            Method::DELETE,
            &format!("/api/v1/posts/{}", post["id"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    wait_for("the deletion reaches nrw", 20, || async {
        nrw.stored_post(&ap_id)
            .await
            .filter(|p| p.post.deleted_at.is_some())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_follow_request_waits_for_approval_and_unfollow_stops_delivery() {
    let (nrw, afccre) = tokio::join!(Net::start(), Net::start());
    nrw.org("stadt-muenster", false).await;
    let orleans = afccre.org("ville-orleans", true).await;
    nrw.follow("stadt-muenster", &afccre.handle("ville-orleans"))
        .await;
    let requests = wait_for("the request reaches afccre", 20, || async {
        let (_, r) = afccre
            .call(
                Method::GET,
                "/api/v1/organisations/ville-orleans/follow-requests",
                None,
            )
            .await;
        r.as_array().filter(|a| !a.is_empty()).cloned()
    })
    .await;
    assert_eq!(
        nrw.following_accepted("stadt-muenster", orleans.ap_id.as_str())
            .await,
        Some(false),
        "still pending"
    );
    let id = requests[0]["id"].as_i64().unwrap();
    let (status, _) = afccre
        .call(
            Method::POST,
            &format!("/api/v1/organisations/ville-orleans/follow-requests/{id}/accept"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    wait_for("nrw sees the approval", 20, || async {
        nrw.following_accepted("stadt-muenster", orleans.ap_id.as_str())
            .await
            .filter(|a| *a)
    })
    .await;

    // Unfollow: afccre drops the follower, and the next post goes nowhere.
    let (status, _) = nrw
        .call(
            Method::DELETE,
            &format!(
                "/api/v1/organisations/stadt-muenster/following?target={}",
                orleans.ap_id
            ),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    wait_for("afccre drops the follower", 20, || async {
        let (_, f) = afccre
            .call(
                Method::GET,
                "/api/v1/organisations/ville-orleans/followers",
                None,
            )
            .await;
        f.as_array().filter(|a| a.is_empty()).map(|_| ())
    })
    .await;
    let post = afccre.post("ville-orleans", "Après le départ").await;
    let (_, report) = afccre
        .call(
            Method::GET,
            &format!("/api/v1/posts/{}/deliveries", post["id"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(report["inboxes"], 0);
    assert!(
        nrw.stored_post(post["ap_id"].as_str().unwrap())
            .await
            .is_none()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_boost_travels_through_a_third_instance_and_a_reply_comes_back() {
    let (dfi, nrw, afccre) = tokio::join!(Net::start(), Net::start(), Net::start());
    dfi.org("stadt-stuttgart", false).await;
    let dortmund = nrw.org("stadt-dortmund", false).await;
    let amiens = afccre.org("ville-amiens", false).await;
    // dfi follows nrw's Dortmund; Dortmund follows Amiens on afccre.
    dfi.follow("stadt-stuttgart", &nrw.handle("stadt-dortmund"))
        .await;
    nrw.follow("stadt-dortmund", amiens.ap_id.as_str()).await;
    wait_for("both follows accepted", 20, || async {
        let a = dfi
            .following_accepted("stadt-stuttgart", dortmund.ap_id.as_str())
            .await
            == Some(true);
        let b = nrw
            .following_accepted("stadt-dortmund", amiens.ap_id.as_str())
            .await
            == Some(true);
        (a && b).then_some(())
    })
    .await;

    let post = afccre.post("ville-amiens", "Fête du jumelage").await;
    let ap_id = post["ap_id"].as_str().unwrap().to_string();
    wait_for("the post reaches nrw", 20, || nrw.stored_post(&ap_id)).await;
    assert!(
        dfi.stored_post(&ap_id).await.is_none(),
        "dfi follows nobody on afccre"
    );

    // Dortmund boosts it: dfi fetches the boosted post from afccre and stores it.
    let (status, boost) = nrw
        .call(
            Method::POST,
            "/api/v1/organisations/stadt-dortmund/boosts",
            Some(json!({"object": ap_id})),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{boost}");
    let on_dfi = wait_for("the boosted post reaches dfi", 20, || {
        dfi.stored_post(&ap_id)
    })
    .await;
    assert_eq!(on_dfi.translations[0].title, "Fête du jumelage");
    wait_for("afccre counts the boost", 20, || async {
        (afccre.count("reactions WHERE kind = 'Announce'").await == 1).then_some(())
    })
    .await;

    // Dortmund replies; the reply reaches afccre and is shown with the post.
    let reply = json!({"in_reply_to": ap_id, "translations": [
        {"language": "de", "title": "Antwort", "summary": "Wir kommen gern!", "body": "Wir kommen **gern**!"}]});
    let (status, r) = nrw
        .call(
            Method::POST,
            "/api/v1/organisations/stadt-dortmund/posts",
            Some(reply),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{r}");
    let reply_id = r["ap_id"].as_str().unwrap().to_string();
    let stored = wait_for("the reply reaches afccre", 20, || {
        afccre.stored_post(&reply_id)
    })
    .await;
    assert_eq!(stored.post.in_reply_to.as_deref(), Some(ap_id.as_str()));
    assert_eq!(stored.post.object_type, "Note");
    let html = afccre
        .http
        .get(&ap_id)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Wir kommen <strong>gern</strong>!"),
        "the reply is shown with the post"
    );
}
