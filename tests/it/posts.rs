//! Project posts through the API, as served over ActivityPub and HTML; permissions and bad
//! input.

use crate::common::{Ctx, bilingual};
use crate::remote_actors::Remote;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn create(ctx: &Ctx, handle: &str, token: &str, body: &Value) -> (StatusCode, Value) {
    ctx.json(
        ctx.http
            .post(ctx.url(&format!("/api/v1/organisations/{handle}/posts")))
            .bearer_auth(token)
            .json(body),
    )
    .await
}

#[tokio::test]
async fn bilingual_post_is_an_article_with_main_language_first() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let amiens = remote.actor(
        "/o/ville-amiens",
        "Organization",
        json!({"preferredUsername": "ville-amiens", "name": "Ville d’Amiens"}),
    );
    ctx.org("stadt-dortmund").await;
    ctx.org("freundeskreis").await;
    let token = ctx.editor("redaktion", &["stadt-dortmund"]).await;
    let mut body = bilingual("Jugendaustausch");
    body["main_language"] = json!("fr");
    body["partners"] = json!(["@freundeskreis", amiens.id]);
    body["images"] = json!([{
        "url": ctx.image("stadt-dortmund", &token).await,
        "alt": "Jugendliche pflanzen einen Apfelbaum"
    }]);
    let (status, post) = create(&ctx, "stadt-dortmund", &token, &body).await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
    assert_eq!(post["main_language"], "fr");
    assert_eq!(post["translations"][0]["language"], "fr");
    assert_eq!(
        post["hashtags"],
        json!(["#Jeunesse", "#Climat", "#SDG4", "#SDG13"])
    );
    assert_eq!(
        post["partners"],
        json!([ctx.url("/o/freundeskreis"), amiens.id])
    );

    let (status, article) = ctx.json(ctx.ap_get(post["ap_id"].as_str().unwrap())).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(article["type"], "Article");
    assert_eq!(article["attributedTo"], ctx.url("/o/stadt-dortmund"));
    assert_eq!(article["name"], "Jugendaustausch (fr)");
    assert_eq!(article["summary"], "Un résumé.");
    assert_eq!(article["content"], "<p>Texte en <em>français</em>.</p>\n");
    for map in ["nameMap", "summaryMap", "contentMap"] {
        let keys: Vec<&String> = article[map].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["fr", "de"], "{map}");
    }
    assert_eq!(
        article["contentMap"]["de"],
        "<p><strong>Text</strong> auf Deutsch.</p>\n"
    );
    assert_eq!(
        article["to"],
        json!(["https://www.w3.org/ns/activitystreams#Public"])
    );
    assert_eq!(
        article["cc"],
        json!([ctx.url("/o/stadt-dortmund/followers")])
    );
    assert_eq!(article["url"], post["ap_id"]);
    assert_eq!(
        article["tag"][0],
        json!({"type": "Hashtag", "name": "#Jeunesse", "href": ctx.url("/tags/jeunesse")})
    );
    assert_eq!(
        article["attachment"][0]["name"],
        "Jugendliche pflanzen einen Apfelbaum"
    );
    assert_eq!(article["startTime"], "2026-07-20T00:00:00Z");
    assert_eq!(article["location"]["name"], "Dortmund");
    // Hashtag links lead somewhere.
    let tag_page = ctx.get("/tags/jeunesse?lang=fr").send().await.unwrap();
    assert_eq!(tag_page.status(), StatusCode::OK);
    assert!(
        tag_page
            .text()
            .await
            .unwrap()
            .contains("Jugendaustausch (fr)")
    );

    // A browser gets the page, with a language switch.
    let html = ctx
        .get(&format!("/posts/{}", post["id"].as_str().unwrap()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<h1>Jugendaustausch (fr)</h1>"), "{html}");
    assert!(html.contains("?lang=de"));
    assert!(html.contains(r#"alt="Jugendliche pflanzen einen Apfelbaum""#));
    let html = ctx
        .get(&format!("/posts/{}?lang=de", post["id"].as_str().unwrap()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<h1>Jugendaustausch (de)</h1>"));
    assert!(
        html.contains("Stadt freundeskreis"),
        "partner shown by name"
    );
}

#[tokio::test]
async fn edit_pin_and_delete_follow_through_to_activitypub() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    let token = ctx.editor("redaktion", &["stadt-koeln"]).await;
    let (_, post) = create(&ctx, "stadt-koeln", &token, &bilingual("Klima")).await;
    let id = post["id"].as_str().unwrap().to_string();
    let ap_id = post["ap_id"].as_str().unwrap().to_string();

    let mut changed = bilingual("Klimapartnerschaft");
    changed["translations"].as_array_mut().unwrap().pop();
    let (status, edited) = ctx
        .json(
            ctx.http
                .put(ctx.url(&format!("/api/v1/posts/{id}")))
                .bearer_auth(&token)
                .json(&changed),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{edited}");
    assert_eq!(edited["translations"].as_array().unwrap().len(), 1);
    let (_, article) = ctx.json(ctx.ap_get(&ap_id)).await;
    assert_eq!(article["name"], "Klimapartnerschaft (de)");
    assert!(article["updated"].is_string());
    assert!(article["contentMap"].get("fr").is_none());

    let (status, pinned) = ctx
        .json(
            ctx.http
                .post(ctx.url(&format!("/api/v1/posts/{id}/pin")))
                .bearer_auth(&token),
        )
        .await;
    assert_eq!((status, &pinned["pinned"]), (StatusCode::OK, &json!(true)));
    let (_, featured) = ctx.json(ctx.ap_get("/o/stadt-koeln/featured")).await;
    assert_eq!(featured["totalItems"], 1);
    assert_eq!(featured["orderedItems"][0]["id"], ap_id);
    ctx.http
        .delete(ctx.url(&format!("/api/v1/posts/{id}/pin")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let (_, featured) = ctx.json(ctx.ap_get("/o/stadt-koeln/featured")).await;
    assert_eq!(featured["totalItems"], 0);

    let resp = ctx
        .http
        .delete(ctx.url(&format!("/api/v1/posts/{id}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let (status, tomb) = ctx.json(ctx.ap_get(&ap_id)).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(tomb["type"], "Tombstone");
    assert_eq!(tomb["id"], ap_id);
    let (_, outbox) = ctx.json(ctx.ap_get("/o/stadt-koeln/outbox")).await;
    assert_eq!(outbox["totalItems"], 0);
    assert_eq!(
        ctx.count("post_translations").await,
        0,
        "a deleted post keeps no content"
    );
}

#[tokio::test]
async fn outbox_is_paginated_newest_first_without_gaps() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-essen").await;
    let token = ctx.editor("redaktion", &["stadt-essen"]).await;
    for i in 0..23 {
        let (status, _) = create(
            &ctx,
            "stadt-essen",
            &token,
            &bilingual(&format!("Projekt {i}")),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (_, outbox) = ctx.json(ctx.ap_get("/o/stadt-essen/outbox")).await;
    assert_eq!(outbox["type"], "OrderedCollection");
    assert_eq!(outbox["totalItems"], 23);
    let mut next = outbox["first"].as_str().map(String::from);
    let mut titles = Vec::new();
    while let Some(url) = next {
        let (status, page) = ctx.json(ctx.ap_get(&url)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["type"], "OrderedCollectionPage");
        assert_eq!(page["partOf"], ctx.url("/o/stadt-essen/outbox"));
        for item in page["orderedItems"].as_array().unwrap() {
            assert_eq!(item["type"], "Create");
            assert_eq!(item["actor"], ctx.url("/o/stadt-essen"));
            titles.push(item["object"]["name"].as_str().unwrap().to_string());
        }
        next = page["next"].as_str().map(String::from);
    }
    let expected: Vec<String> = (0..23).rev().map(|i| format!("Projekt {i} (de)")).collect();
    assert_eq!(titles, expected);
    // The API lists the same, with its own cursor.
    let (_, page) = ctx
        .json(ctx.get("/api/v1/organisations/stadt-essen/posts?limit=5"))
        .await;
    assert_eq!(page["items"].as_array().unwrap().len(), 5);
    let (_, page2) = ctx.json(ctx.get(page["next"].as_str().unwrap())).await;
    assert_eq!(
        page2["items"][0]["translations"][0]["title"],
        "Projekt 17 (de)"
    );
}

#[tokio::test]
async fn permissions_401_403_404() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-dortmund").await;
    ctx.org("ville-amiens").await;
    let dortmund = ctx.editor("dortmund", &["stadt-dortmund"]).await;
    let body = bilingual("Hallo");
    let url = ctx.url("/api/v1/organisations/ville-amiens/posts");
    let (status, err) = ctx.json(ctx.http.post(&url).json(&body)).await;
    assert_eq!(
        (status, err["error"]["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("unauthorized"))
    );
    let (status, _) = ctx
        .json(
            ctx.http
                .post(&url)
                .bearer_auth("pst_not-a-token")
                .json(&body),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, err) = ctx
        .json(ctx.http.post(&url).bearer_auth(&dortmund).json(&body))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{err}");
    let (status, _) = create(&ctx, "nowhere", &dortmund, &body).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // An admin may post for anyone; an editor may not edit another organisation's post.
    let (status, post) = create(&ctx, "ville-amiens", &ctx.admin, &body).await;
    assert_eq!(status, StatusCode::CREATED);
    let id = post["id"].as_str().unwrap();
    let (status, _) = ctx
        .json(
            ctx.http
                .put(ctx.url(&format!("/api/v1/posts/{id}")))
                .bearer_auth(&dortmund)
                .json(&body),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = ctx
        .json(
            ctx.http
                .delete(ctx.url(&format!("/api/v1/posts/{id}")))
                .bearer_auth(&dortmund),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = ctx
        .json(
            ctx.http
                .post(ctx.url(&format!("/api/v1/posts/{id}/pin")))
                .bearer_auth(&dortmund),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Creating organisations is for admins.
    let org = json!({"handle": "stadt-x", "name": "X", "kind": "municipality"});
    let (status, _) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/organisations"))
                .bearer_auth(&dortmund)
                .json(&org),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, created) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/organisations"))
                .bearer_auth(&ctx.admin)
                .json(&org),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let (status, _) = ctx.json(ctx.ap_get("/o/stadt-x")).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn bad_input_gets_a_clear_error_and_leaves_nothing_behind() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-muenster").await;
    let token = ctx.editor("redaktion", &["stadt-muenster"]).await;
    let url = ctx.url("/api/v1/organisations/stadt-muenster/posts");
    let send_raw = |body: String| {
        ctx.http
            .post(&url)
            .bearer_auth(&token)
            .header("Content-Type", "application/json")
            .body(body)
    };

    let (status, err) = ctx.json(send_raw("{\"translations\": [".into())).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("malformed JSON"),
        "{err}"
    );

    let cases: Vec<(Value, &str)> = vec![
        (
            json!({"translations": [{"language": "de", "title": "T"}]}),
            "translations[0].summary",
        ),
        (json!({}), "translations"),
        (json!({"translations": []}), "translations"),
        (
            json!({"translations": [{"language": "es", "title": "T", "summary": "S"}]}),
            "translations[0].language",
        ),
        (
            json!({"translations": [{"language": "de", "title": "T", "summary": "  "}]}),
            "translations[0].summary",
        ),
        (
            json!({"translations": [{"language": "de", "title": "T", "summary": "S"}], "main_language": "fr"}),
            "main_language",
        ),
        (
            json!({"translations": [{"language": "de", "title": "T", "summary": "S"}], "sdgs": [18]}),
            "sdgs[0]",
        ),
        (
            json!({"translations": [{"language": "de", "title": "T", "summary": "S"}], "themes": ["golf"]}),
            "themes[0]",
        ),
        (
            json!({"translations": [{"language": "de", "title": "T", "summary": "S"}], "images": [{"url": "https://i.example/a.jpg", "alt": " "}]}),
            "images[0].alt",
        ),
        (
            json!({"translations": [{"language": "de", "title": "T", "summary": "S"}], "images": [{"url": "https://i.example/a.jpg"}]}),
            "images[0].alt",
        ),
        (
            json!({"translations": [{"language": "de", "title": "T", "summary": "S"}], "starts_on": "2026-05-02", "ends_on": "2026-05-01"}),
            "ends_on",
        ),
        (
            json!({"translations": [{"language": "de", "title": "T", "summary": "S"}], "partners": ["@nobody"]}),
            "partners[0]",
        ),
        (
            json!({"translations": [{"language": "de", "title": "T", "summary": "S"}], "colour": "red"}),
            "colour",
        ),
    ];
    for (body, field) in cases {
        let (status, err) = ctx.json(send_raw(body.to_string())).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {err}");
        let named = err["error"]["field"].as_str().unwrap_or_default();
        assert!(
            named == field || err["error"]["message"].as_str().unwrap().contains(field),
            "{body}: expected {field}, got {err}"
        );
    }

    let (status, err) = ctx
        .json(
            ctx.http
                .post(&url)
                .bearer_auth(&token)
                .header("Content-Type", "text/plain")
                .body("x"),
        )
        .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{err}");

    let huge = format!(
        "{{\"translations\": [{{\"language\": \"de\", \"title\": \"T\", \"summary\": \"S\", \"body\": \"{}\"}}]}}",
        "a".repeat(2 * 1024 * 1024)
    );
    let (status, err) = ctx.json(send_raw(huge)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{err}");

    assert_eq!(ctx.count("posts").await, 0);
    assert_eq!(ctx.count("post_translations").await, 0);
    assert_eq!(ctx.count("post_images").await, 0);
}
