//! Writing as oneself: an account's own `Person` is off by default (no actor, no WebFinger);
//! turned on it is an actor with its own key, found by WebFinger, with a page; its handle
//! shares the namespace of organisations and groups; a thread written as it is attributed
//! to it and shown in the group; group bans apply to it; turned off it is gone (410, no
//! WebFinger, what it wrote removed) and only its account may bring it back.

use crate::common::{AP, Ctx, Editor};
use passerelle::forum::{self, GroupInput};
use passerelle::vocab::Lang;
use reqwest::header::LOCATION;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::collections::BTreeMap;

async fn group(ctx: &Ctx, handle: &str) {
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let input = GroupInput {
        handle: handle.into(),
        name: BTreeMap::from([(Lang::De, "Jugend gewinnen".to_string())]),
        description: BTreeMap::new(),
        rules: BTreeMap::new(),
        posting_restricted_to_mods: false,
        moderators: vec![],
    };
    forum::create_group(&mut conn, ctx.inst.state(), &input, None)
        .await
        .expect("group created");
}

async fn api(
    ctx: &Ctx,
    token: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = ctx.http.request(method, ctx.url(path)).bearer_auth(token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    ctx.json(req).await
}

async fn webfinger(ctx: &Ctx, resource: &str) -> (StatusCode, Value) {
    ctx.json(
        ctx.get("/.well-known/webfinger")
            .query(&[("resource", resource)]),
    )
    .await
}

#[tokio::test]
async fn a_person_is_off_by_default_and_turned_on_is_an_actor_with_its_own_key() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-bonn").await;
    let maria = ctx.editor("maria", &["stadt-bonn"]).await;
    let domain = ctx.inst.domain().to_string();

    // Off by default: no actor, no WebFinger, no page.
    let (status, _) = ctx.json(ctx.ap_get("/u/maria")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        ctx.get("/u/maria").send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    let (status, _) = webfinger(&ctx, &format!("acct:maria@{domain}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = api(&ctx, &maria, Method::GET, "/api/v1/me/person", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Malformed and taken handles are refused naming the field, nothing stored.
    for (handle, why) in [
        ("Maria Muster", "malformed"),
        ("stadt-bonn", "an organisation's"),
        ("STADT-BONN", "case-insensitively"),
    ] {
        let (status, body) = api(
            &ctx,
            &maria,
            Method::PUT,
            "/api/v1/me/person",
            Some(json!({"handle": handle})),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{why}: {body}");
        assert_eq!(body["error"]["field"], "handle", "{why}: {body}");
    }
    let (status, body) = api(
        &ctx,
        &maria,
        Method::PUT,
        "/api/v1/me/person",
        Some(json!({"name": "x".repeat(101)})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["field"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("name")),
        "{body}"
    );
    assert_eq!(ctx.count("account_persons").await, 0);

    // On: the username is the handle by default.
    let (status, me) = api(
        &ctx,
        &maria,
        Method::PUT,
        "/api/v1/me/person",
        Some(json!({"name": "Maria Muster"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["handle"], "maria");
    assert_eq!(me["enabled"], true);
    assert_eq!(me["address"], format!("@maria@{domain}"));
    let id = me["id"].as_str().unwrap().to_string();
    assert_eq!(id, ctx.url("/u/maria"));

    let resp = ctx.ap_get("/u/maria").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with(AP)
    );
    let doc: Value = resp.json().await.unwrap();
    assert_eq!(doc["type"], "Person");
    assert_eq!(doc["id"], id.as_str());
    assert_eq!(doc["preferredUsername"], "maria");
    assert_eq!(doc["name"], "Maria Muster");
    assert_eq!(doc["inbox"], format!("{id}/inbox"));
    assert_eq!(doc["outbox"], format!("{id}/outbox"));
    assert_eq!(doc["followers"], format!("{id}/followers"));
    assert_eq!(doc["publicKey"]["owner"], id.as_str());
    assert_eq!(doc["publicKey"]["id"], format!("{id}#main-key"));
    let pem = doc["publicKey"]["publicKeyPem"].as_str().unwrap();
    assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----"), "{pem}");
    // Its own key, not the organisation's.
    let (_, org) = ctx.json(ctx.ap_get("/o/stadt-bonn")).await;
    assert_ne!(org["publicKey"]["publicKeyPem"].as_str().unwrap(), pem);
    let (status, outbox) = ctx.json(ctx.ap_get("/u/maria/outbox")).await;
    assert_eq!(
        (status, outbox["totalItems"].clone()),
        (StatusCode::OK, json!(0))
    );

    for resource in [
        format!("acct:maria@{domain}"),
        format!("acct:Maria@{domain}"),
        id.clone(),
    ] {
        let (status, wf) = webfinger(&ctx, &resource).await;
        assert_eq!(status, StatusCode::OK, "{resource}: {wf}");
        assert_eq!(wf["subject"], format!("acct:maria@{domain}"));
        let link = wf["links"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["rel"] == "self")
            .unwrap();
        assert_eq!(link["href"], id.as_str());
    }
    // An organisation's URL at `/u/` names nothing.
    let (status, _) = webfinger(&ctx, &ctx.url("/u/stadt-bonn")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let page = ctx.page("/u/maria").await;
    assert!(
        page.contains("Maria Muster") && page.contains(&format!("@maria@{domain}")),
        "{page}"
    );

    // The handle is now taken for others, organisations included, and fixed for maria.
    let klaus = ctx.editor("klaus", &[]).await;
    let (status, body) = api(
        &ctx,
        &klaus,
        Method::PUT,
        "/api/v1/me/person",
        Some(json!({"handle": "maria"})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["field"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("handle")),
        "{body}"
    );
    let (status, body) = api(
        &ctx,
        &ctx.admin,
        Method::POST,
        "/api/v1/groups",
        Some(json!({"handle": "maria", "name": {"de": "Maria"}})),
    )
    .await;
    assert!(status.is_client_error(), "{status} {body}");
    let (status, body) = api(
        &ctx,
        &maria,
        Method::PUT,
        "/api/v1/me/person",
        Some(json!({"handle": "maria2"})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["field"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("handle")),
        "{body}"
    );
    // A new name is kept.
    let (status, me) = api(
        &ctx,
        &maria,
        Method::PUT,
        "/api/v1/me/person",
        Some(json!({"name": "Maria M."})),
    )
    .await;
    assert_eq!(
        (status, me["name"].clone()),
        (StatusCode::OK, json!("Maria M."))
    );
    let (_, doc) = ctx.json(ctx.ap_get("/u/maria")).await;
    assert_eq!(doc["name"], "Maria M.");
}

#[tokio::test]
async fn a_thread_written_as_the_person_is_theirs_and_bans_apply() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-bonn").await;
    let maria = ctx.editor("maria", &["stadt-bonn"]).await;
    group(&ctx, "jugend").await;
    let thread = json!({"group": "jugend", "language": "de", "title": "Ferienlager 2027", "body": "Wer macht mit?"});

    // Not before it is on.
    let (status, _) = api(
        &ctx,
        &maria,
        Method::POST,
        "/api/v1/me/person/threads",
        Some(thread.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, me) = api(
        &ctx,
        &maria,
        Method::PUT,
        "/api/v1/me/person",
        Some(json!({"name": "Maria Muster"})),
    )
    .await;
    let id = me["id"].as_str().unwrap().to_string();

    let (status, t) = api(
        &ctx,
        &maria,
        Method::POST,
        "/api/v1/me/person/threads",
        Some(thread.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{t}");
    assert_eq!(t["author"], id.as_str());
    assert_eq!(t["author_name"], "Maria Muster");
    let post_id = t["ap_id"].as_str().unwrap().to_string();
    let (_, page) = ctx.json(ctx.ap_get(&post_id)).await;
    assert_eq!(page["type"], "Page");
    assert_eq!(page["attributedTo"], id.as_str());
    assert_eq!(page["audience"], ctx.url("/g/jugend"));
    let (_, create) = ctx.json(ctx.ap_get(&format!("{post_id}/activity"))).await;
    assert_eq!(
        (create["type"].clone(), create["actor"].clone()),
        (json!("Create"), json!(id))
    );
    // Queued as the person (signed with its key by the worker).
    assert_eq!(
        ctx.count(&format!(
            "outbound_activities o JOIN actors a ON a.id = o.actor_id \
             WHERE a.ap_id = '{id}' AND o.kind = 'Create' AND o.object_ap_id = '{post_id}'"
        ))
        .await,
        1
    );
    let (_, outbox) = ctx.json(ctx.ap_get("/u/maria/outbox")).await;
    assert_eq!(outbox["totalItems"], 1);

    // The group's page lists it under the person's name; the person's page links it.
    let group_page = ctx.page("/g/jugend").await;
    assert!(
        group_page.contains("Ferienlager 2027") && group_page.contains("Maria Muster"),
        "{group_page}"
    );
    let profile = ctx.page("/u/maria").await;
    assert!(
        profile.contains("Ferienlager 2027") && profile.contains("/g/jugend/t/"),
        "{profile}"
    );

    // A comment as the person, through the API.
    let (status, c) = api(
        &ctx,
        &maria,
        Method::POST,
        "/api/v1/me/person/comments",
        Some(json!({"language": "de", "body": "Ich!", "in_reply_to": post_id})),
    )
    .await;
    assert_eq!(
        (status, c["author"].clone()),
        (StatusCode::CREATED, json!(id)),
        "{c}"
    );
    let profile = ctx.page("/u/maria").await;
    assert!(
        profile.contains("Ich!"),
        "its comments are listed too: {profile}"
    );
    let (_, outbox) = ctx.json(ctx.ap_get("/u/maria/outbox")).await;
    assert_eq!(outbox["totalItems"], 2);
    assert_eq!(outbox["orderedItems"][0]["object"]["type"], "Note");

    // The web forms offer "myself" beside the organisation, and write as it.
    let ed = Editor::login(&ctx, "maria").await;
    let (_, html) = ed.get("/g/jugend").await;
    assert!(
        html.contains("<option value=\"maria\">") && html.contains("<option value=\"stadt-bonn\">"),
        "{html}"
    );
    let resp = ed
        .post_multipart(
            "/g/jugend/threads",
            &[
                ("as", "maria".into()),
                ("language", "de".into()),
                ("title", "Zweites Thema".into()),
                ("body", "Text".into()),
                ("image_alt", String::new()),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let thread_page = resp.headers()[LOCATION]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let (_, html) = ed.get(&thread_page).await;
    assert!(
        html.contains("Zweites Thema") && html.contains("/u/maria\"><bdi>Maria Muster"),
        "{html}"
    );
    // Another account's person is not one's own to write as.
    ctx.editor("klaus", &[]).await;
    let klaus = Editor::login(&ctx, "klaus").await;
    let (_, html) = klaus.get("/g/jugend").await;
    assert!(
        html.contains("/editor/_me"),
        "an account without a person is offered one"
    );
    let resp = klaus
        .post_multipart(
            "/g/jugend/threads",
            &[
                ("as", "maria".into()),
                ("language", "de".into()),
                ("title", "Fremd".into()),
                ("body", "x".into()),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);

    // Banned from the group, the person's next thread and comment are refused.
    let (status, body) = api(
        &ctx,
        &ctx.admin,
        Method::POST,
        "/api/v1/groups/jugend/moderation",
        Some(json!({"action": "ban", "object": id, "reason": "Test"})),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (status, _) = api(
        &ctx,
        &maria,
        Method::POST,
        "/api/v1/me/person/threads",
        Some(thread),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = api(
        &ctx,
        &maria,
        Method::POST,
        "/api/v1/me/person/comments",
        Some(json!({"language": "de", "body": "Noch was", "in_reply_to": post_id})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Still free to write as the organisation.
    let (status, _) = api(
        &ctx,
        &maria,
        Method::POST,
        "/api/v1/organisations/stadt-bonn/threads",
        Some(json!({"group": "jugend", "language": "de", "title": "Als Stadt"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn turned_off_the_person_is_gone_and_only_its_account_brings_it_back() {
    let ctx = Ctx::new().await;
    let maria = ctx.editor("maria", &[]).await;
    group(&ctx, "jugend").await;
    let domain = ctx.inst.domain().to_string();
    let (_, me) = api(
        &ctx,
        &maria,
        Method::PUT,
        "/api/v1/me/person",
        Some(json!({"handle": "maria-m", "name": "Maria"})),
    )
    .await;
    let id = me["id"].as_str().unwrap().to_string();
    let (_, t) = api(
        &ctx,
        &maria,
        Method::POST,
        "/api/v1/me/person/threads",
        Some(json!({"group": "jugend", "language": "de", "title": "Bald weg"})),
    )
    .await;
    let post_id = t["ap_id"].as_str().unwrap().to_string();

    // Turned off through the settings page (CSRF like every form).
    let ed = Editor::login(&ctx, "maria").await;
    let (status, html) = ed.get("/editor/_me").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("@maria-m@"), "{html}");
    let resp = ed
        .http
        .post(ed.url("/editor/_me/off"))
        .header("cookie", &ed.cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("csrf=wrong")
        .send()
        .await
        .unwrap();
    assert!(
        resp.status().is_client_error(),
        "a wrong CSRF token is refused"
    );
    let (_, doc) = ctx.json(ctx.ap_get("/u/maria-m")).await;
    assert_eq!(doc["type"], "Person", "still on");
    let resp = ed.post("/editor/_me/off", &[]).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);

    let resp = ctx.ap_get("/u/maria-m").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::GONE);
    let doc: Value = resp.json().await.unwrap();
    assert_eq!(
        (doc["type"].clone(), doc["id"].clone()),
        (json!("Tombstone"), json!(id))
    );
    assert_eq!(
        ctx.get("/u/maria-m").send().await.unwrap().status(),
        StatusCode::GONE
    );
    let (status, _) = webfinger(&ctx, &format!("acct:maria-m@{domain}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = ctx.json(ctx.ap_get("/u/maria-m/outbox")).await;
    assert_eq!(status, StatusCode::GONE);
    // What it wrote is removed (as its Delete makes other servers do).
    let resp = ctx.ap_get(&post_id).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::GONE);
    let (_, me) = api(&ctx, &maria, Method::GET, "/api/v1/me/person", None).await;
    assert_eq!(me["enabled"], false);
    let (status, _) = api(&ctx, &maria, Method::DELETE, "/api/v1/me/person", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "already off");
    let (status, _) = api(
        &ctx,
        &maria,
        Method::POST,
        "/api/v1/me/person/threads",
        Some(json!({"group": "jugend", "language": "de", "title": "Nein"})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, html) = ed.get("/g/jugend").await;
    assert!(
        !html.contains("<option value=\"maria-m\">"),
        "no longer offered"
    );

    // The handle stays reserved: not for another account; the same actor comes back for maria.
    let klaus = ctx.editor("klaus", &[]).await;
    let (status, body) = api(
        &ctx,
        &klaus,
        Method::PUT,
        "/api/v1/me/person",
        Some(json!({"handle": "maria-m"})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["field"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("handle"))
    );
    let (status, me) = api(
        &ctx,
        &maria,
        Method::PUT,
        "/api/v1/me/person",
        Some(json!({})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(
        (me["id"].clone(), me["enabled"].clone()),
        (json!(id), json!(true))
    );
    let (status, _) = ctx.json(ctx.ap_get("/u/maria-m")).await;
    assert_eq!(status, StatusCode::OK);
    // Turned off through the API too.
    let (status, _) = api(&ctx, &maria, Method::DELETE, "/api/v1/me/person", None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = ctx.json(ctx.ap_get("/u/maria-m")).await;
    assert_eq!(status, StatusCode::GONE);
}

#[tokio::test]
async fn the_settings_page_turns_it_on_and_names_a_refused_field() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-bonn").await;
    ctx.editor("maria", &[]).await;
    let ed = Editor::login(&ctx, "maria").await;
    let (status, html) = ed.get("/editor/_me").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("value=\"maria\""),
        "the username is offered as the handle: {html}"
    );
    let resp = ed
        .post(
            "/editor/_me",
            &[("handle", "stadt-bonn"), ("name", "Maria")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(html.contains("id=\"handle-error\""), "{html}");
    let resp = ed
        .post(
            "/editor/_me",
            &[("handle", "maria"), ("name", "Maria Muster")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let (_, doc) = ctx.json(ctx.ap_get("/u/maria")).await;
    assert_eq!(
        (doc["type"].clone(), doc["name"].clone()),
        (json!("Person"), json!("Maria Muster"))
    );
}
