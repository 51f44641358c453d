//! Likes, boosts and replies made visible: a post's `likes`, `shares` and `replies`
//! collections (inline and at their own URLs), the counts in the API and on the post's page,
//! and a reply served as a plain `Note` addressed to the post it answers.

use crate::common::{AP, Ctx, bilingual};
use crate::pages::publish;
use passerelle::db::models::actor::DbActor;
use passerelle::db::models::inbox::add_reaction;
use passerelle::db::models::post::DbPost;
use passerelle::testing::TestInstance;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Reactions recorded as the inbox records them: `likes` likes and `shares` boosts, each
/// by another of `by`.
async fn react(ctx: &Ctx, post_ap_id: &str, by: &[&DbActor], likes: usize, shares: usize) {
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let post = DbPost::by_ap_id(&mut conn, post_ap_id)
        .await
        .unwrap()
        .unwrap();
    for (i, actor) in by.iter().enumerate().take(likes) {
        add_reaction(
            &mut conn,
            "Like",
            &format!("{post_ap_id}#like-{i}"),
            actor.id,
            post.id,
        )
        .await
        .unwrap();
    }
    for (i, actor) in by.iter().enumerate().take(shares) {
        add_reaction(
            &mut conn,
            "Announce",
            &format!("{post_ap_id}#boost-{i}"),
            actor.id,
            post.id,
        )
        .await
        .unwrap();
    }
}

fn total(v: &Value, key: &str) -> i64 {
    v[key]["totalItems"]
        .as_i64()
        .unwrap_or_else(|| panic!("{key} has no totalItems: {v}"))
}

#[tokio::test]
async fn likes_shares_and_replies_are_counted_everywhere_a_post_is_shown() {
    let ctx = Ctx::new().await;
    let dortmund = ctx.org("stadt-dortmund").await;
    let koeln = ctx.org("stadt-koeln").await;
    let bonn = ctx.org("stadt-bonn").await;
    let token = ctx
        .editor("redaktion", &["stadt-dortmund", "stadt-koeln"])
        .await;
    let post = publish(
        &ctx,
        "stadt-dortmund",
        &token,
        &bilingual("Jugendaustausch"),
    )
    .await;
    let ap_id = post["ap_id"].as_str().unwrap().to_string();
    assert_eq!(
        (
            &post["likes_count"],
            &post["shares_count"],
            &post["replies_count"]
        ),
        (&json!(0), &json!(0), &json!(0))
    );

    // Untouched, the collections say nothing happened.
    let (status, article) = ctx.json(ctx.ap_get(&ap_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        article["likes"],
        json!({"id": format!("{ap_id}/likes"), "type": "Collection", "totalItems": 0})
    );
    assert_eq!(total(&article, "shares"), 0);
    assert_eq!(total(&article, "replies"), 0);

    react(&ctx, &ap_id, &[&koeln, &bonn, &dortmund], 3, 1).await;
    let reply = json!({"in_reply_to": ap_id, "translations": [
        {"language": "de", "title": "Antwort", "summary": "Kurz", "body": "Wir sind dabei!"}]});
    let reply = publish(&ctx, "stadt-koeln", &token, &reply).await;

    // The post's document, inline.
    let (_, article) = ctx.json(ctx.ap_get(&ap_id)).await;
    assert_eq!(total(&article, "likes"), 3);
    assert_eq!(total(&article, "shares"), 1);
    assert_eq!(total(&article, "replies"), 1);
    assert_eq!(article["shares"]["id"], format!("{ap_id}/shares"));
    assert_eq!(article["replies"]["type"], "Collection");

    // Each collection at its own URL.
    for (which, n) in [("likes", 3), ("shares", 1), ("replies", 1)] {
        let url = format!("{ap_id}/{which}");
        let (status, c) = ctx.json(ctx.ap_get(&url)).await;
        assert_eq!(status, StatusCode::OK, "{which}: {c}");
        assert_eq!(c["id"], url);
        assert_eq!(c["type"], "Collection");
        assert_eq!(c["totalItems"], n, "{which}");
        assert!(c["@context"].is_array(), "{which}: a document of its own");
    }
    let (_, replies) = ctx.json(ctx.ap_get(&format!("{ap_id}/replies"))).await;
    assert_eq!(replies["items"], json!([reply["ap_id"]]));
    // A browser asking for a collection is sent to the post's page.
    let page = ctx
        .get(&format!("{}/likes", post_path(&ap_id)))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.url().as_str(), ap_id);
    // An unknown post has no collections.
    let (status, _) = ctx
        .json(ctx.ap_get("/posts/00000000000000000000000000000000/likes"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The API: one post, and the organisation's list.
    let id = post["id"].as_str().unwrap();
    let (_, view) = ctx.json(ctx.get(&format!("/api/v1/posts/{id}"))).await;
    assert_eq!(view["likes_count"], 3);
    assert_eq!(view["shares_count"], 1);
    assert_eq!(view["replies_count"], 1);
    let (_, list) = ctx
        .json(ctx.get("/api/v1/organisations/stadt-dortmund/posts"))
        .await;
    assert_eq!(list["items"][0]["likes_count"], 3);
    assert_eq!(list["items"][0]["replies_count"], 1);

    // The page, in each language, with the plural its language gives each count.
    for (lang, expected) in [
        ("fr", ["3\u{a0}favoris", "1\u{a0}partage", "1\u{a0}réponse"]),
        (
            "de",
            ["3\u{a0}Favoriten", "1\u{a0}Mal geteilt", "1\u{a0}Antwort"],
        ),
        ("en", ["3\u{a0}likes", "1\u{a0}share", "1\u{a0}reply"]),
    ] {
        let html = ctx
            .page(&format!("{}?lang={lang}", post_path(&ap_id)))
            .await;
        let line = expected.join(" · ");
        assert!(html.contains(&line), "{lang}: «{line}» not in the page");
    }

    // A deleted reply is no longer counted.
    let reply_id = reply["id"].as_str().unwrap();
    let resp = ctx
        .http
        .delete(ctx.url(&format!("/api/v1/posts/{reply_id}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let (_, article) = ctx.json(ctx.ap_get(&ap_id)).await;
    assert_eq!(total(&article, "replies"), 0);
    let html = ctx.page(&format!("{}?lang=fr", post_path(&ap_id))).await;
    assert!(
        html.contains("0\u{a0}réponse<"),
        "French: 0 takes the singular"
    );
}

fn post_path(ap_id: &str) -> String {
    let url = url::Url::parse(ap_id).unwrap();
    url.path().to_string()
}

#[tokio::test]
async fn a_reply_is_a_plain_note_that_names_the_post_it_answers() {
    let ctx = Ctx::new().await;
    let dortmund = ctx.org("stadt-dortmund").await;
    ctx.org("stadt-koeln").await;
    let token = ctx
        .editor("redaktion", &["stadt-dortmund", "stadt-koeln"])
        .await;
    let post = publish(&ctx, "stadt-dortmund", &token, &bilingual("Stadtfest")).await;
    let reply = json!({"in_reply_to": post["ap_id"], "translations": [
        {"language": "de", "title": "Antwort", "summary": "Kurz", "body": "Wir kommen gern."}]});
    let reply = publish(&ctx, "stadt-koeln", &token, &reply).await;
    let (status, note) = ctx.json(ctx.ap_get(reply["ap_id"].as_str().unwrap())).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(note["type"], "Note");
    for absent in ["name", "nameMap", "summary", "summaryMap", "audience"] {
        assert!(
            note.get(absent).is_none(),
            "a reply has no {absent}: {note}"
        );
    }
    assert_eq!(note["content"], "<p>Wir kommen gern.</p>\n");
    assert_eq!(note["contentMap"]["de"], note["content"]);
    assert_eq!(note["inReplyTo"], post["ap_id"]);
    assert_eq!(
        note["to"],
        json!(["https://www.w3.org/ns/activitystreams#Public"])
    );
    assert_eq!(
        note["cc"],
        json!([ctx.url("/o/stadt-koeln/followers"), dortmund.ap_id.as_str()])
    );
    let mention = json!({"type": "Mention", "href": dortmund.ap_id.as_str(),
        "name": format!("@stadt-dortmund@{}", ctx.inst.domain())});
    assert!(
        note["tag"].as_array().unwrap().contains(&mention),
        "{}",
        note["tag"]
    );
    assert_eq!(total(&note, "likes"), 0);
    // The Create served for it is addressed as its object.
    let (_, create) = ctx
        .json(ctx.ap_get(&format!("{}/activity", reply["ap_id"].as_str().unwrap())))
        .await;
    assert_eq!(create["type"], "Create");
    assert_eq!(create["cc"], note["cc"]);
    assert_eq!(create["object"]["type"], "Note");
}

#[tokio::test]
async fn under_authorized_fetch_a_collection_needs_a_signature_like_its_post() {
    let inst = TestInstance::start_with(|c| c.federation.authorized_fetch = true)
        .await
        .unwrap();
    let ctx = Ctx::with(inst).await;
    ctx.org("stadt-dortmund").await;
    let token = ctx.editor("redaktion", &["stadt-dortmund"]).await;
    let post = publish(&ctx, "stadt-dortmund", &token, &bilingual("Stadtfest")).await;
    let ap_id = post["ap_id"].as_str().unwrap();
    for url in [
        ap_id.to_string(),
        format!("{ap_id}/likes"),
        format!("{ap_id}/shares"),
        format!("{ap_id}/replies"),
    ] {
        let resp = ctx
            .http
            .get(&url)
            .header("Accept", AP)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED, "{url}");
    }
    // Collections that are JSON whatever is asked for need it too without `Accept`; the
    // pages for browsers stay open.
    for path in [
        "/o/stadt-dortmund/outbox?page=true",
        "/o/stadt-dortmund/outbox",
        "/o/stadt-dortmund/followers",
        "/o/stadt-dortmund/following",
        "/o/stadt-dortmund/featured",
        "/o/stadt-dortmund/partnerships",
    ] {
        let resp = ctx.http.get(ctx.url(path)).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED, "{path}");
    }
    let path = url::Url::parse(ap_id).unwrap().path().to_string();
    for page in ["/o/stadt-dortmund", path.as_str(), "/"] {
        let resp = ctx.http.get(ctx.url(page)).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK, "{page}");
    }
}

/// A person on another server, stored as the inbox stores one.
async fn remote_person(
    conn: &mut diesel_async::AsyncPgConnection,
    domain: &str,
    handle: &str,
) -> DbActor {
    let id = format!("https://{domain}/users/{handle}");
    let name = format!("Person {handle}");
    let new = passerelle::db::models::actor::NewActor::remote(&id, "Person", handle, domain, &name);
    DbActor::upsert_remote(conn, &new).await.unwrap()
}

/// Replies from other servers are shown on the post's page and listed in its `replies`,
/// in the order they came, except those of a blocked instance.
#[tokio::test]
async fn replies_of_a_blocked_instance_are_hidden_on_the_page_and_in_the_collection() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-dortmund").await;
    let token = ctx.editor("redaktion", &["stadt-dortmund"]).await;
    let post = publish(&ctx, "stadt-dortmund", &token, &bilingual("Apfelernte")).await;
    let ap_id = post["ap_id"].as_str().unwrap().to_string();
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let mut ids = Vec::new();
    for (i, domain) in [
        "gut.example",
        "Boese.example",
        "gut.example",
        "anders.example",
    ]
    .into_iter()
    .enumerate()
    {
        let who = remote_person(&mut conn, &domain.to_ascii_lowercase(), &format!("p{i}")).await;
        let mut data = crate::common::post_data();
        data.object_type = "Note".into();
        data.in_reply_to = Some(ap_id.clone());
        data.translations[0].content_html = format!("<p>Antwort {i} aus {domain}</p>");
        let id = format!("https://{}/notes/{i}", domain.to_ascii_lowercase());
        DbPost::create(&mut conn, &id, who.id, false, &data)
            .await
            .unwrap();
        ids.push(id);
    }
    passerelle::db::models::delivery::block(&mut conn, "boese.example", None)
        .await
        .unwrap();
    drop(conn);
    let html = ctx.page(&format!("{}?lang=de", post_path(&ap_id))).await;
    let shown: Vec<usize> = (0..4)
        .filter(|i| html.contains(&format!("Antwort {i} aus")))
        .collect();
    assert_eq!(shown, [0, 2, 3], "{html}");
    assert!(html.find("Antwort 0").unwrap() < html.find("Antwort 3").unwrap());
    let (_, replies) = ctx.json(ctx.ap_get(&format!("{ap_id}/replies"))).await;
    assert_eq!(
        replies["items"],
        json!([ids[0], ids[2], ids[3]]),
        "{replies}"
    );
}
