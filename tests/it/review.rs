//! Editorial review on one instance: an editor submits a post to the network's showcase; a
//! reviewer asks for changes, the editor submits again, the reviewer approves (the post is on
//! the showcase page, its feed and the home page); a second post is declined with a reason;
//! the history is kept; refusals (someone else's post, no comment, not a reviewer, twice) come
//! with the right status and change nothing; the pages work through their forms.

use crate::common::{Ctx, Editor, bilingual};
use passerelle::forum::GroupInput;
use passerelle::review;
use passerelle::vocab::Lang;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::BTreeMap;

async fn showcase(ctx: &Ctx, review_edits: bool) {
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let input = GroupInput {
        handle: "schaufenster".into(),
        name: BTreeMap::from([
            (Lang::De, "Schaufenster".to_string()),
            (Lang::Fr, "Vitrine".to_string()),
        ]),
        description: BTreeMap::new(),
        rules: BTreeMap::new(),
        posting_restricted_to_mods: false,
        moderators: vec![],
    };
    review::create_showcase(&mut conn, ctx.inst.state(), &input, review_edits, None)
        .await
        .expect("showcase set up");
}

/// A reviewer account (role `reviewer`) and its token.
async fn reviewer(ctx: &Ctx, username: &str) -> String {
    let token = ctx.editor(username, &[]).await;
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let account = passerelle::db::models::account::Account::by_username(&mut conn, username)
        .await
        .unwrap()
        .unwrap();
    passerelle::auth::set_role(
        &mut conn,
        &account,
        &passerelle::auth::parse_role("reviewer").unwrap(),
        true,
    )
    .await
    .unwrap();
    token
}

async fn publish(ctx: &Ctx, handle: &str, token: &str, title: &str) -> String {
    let (status, body) = ctx
        .json(
            ctx.http
                .post(ctx.url(&format!("/api/v1/organisations/{handle}/posts")))
                .bearer_auth(token)
                .json(&bilingual(title)),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

async fn submit(ctx: &Ctx, token: &str, post: &str) -> (StatusCode, Value) {
    ctx.json(
        ctx.http
            .post(ctx.url(&format!("/api/v1/posts/{post}/submissions")))
            .bearer_auth(token)
            .json(&json!({})),
    )
    .await
}

async fn decide(ctx: &Ctx, token: &str, id: i64, body: Value) -> (StatusCode, Value) {
    ctx.json(
        ctx.http
            .post(ctx.url(&format!("/api/v1/review/{id}")))
            .bearer_auth(token)
            .json(&body),
    )
    .await
}

/// The post edited by its editor, through the API.
async fn edit(ctx: &Ctx, token: &str, post: &str, title: &str) {
    let (status, body) = ctx
        .json(
            ctx.http
                .put(ctx.url(&format!("/api/v1/posts/{post}")))
                .bearer_auth(token)
                .json(&bilingual(title)),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn queue(ctx: &Ctx, token: &str, state: &str) -> Vec<Value> {
    let (status, body) = ctx
        .json(
            ctx.http
                .get(ctx.url(&format!("/api/v1/review?state={state}")))
                .bearer_auth(token),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.as_array().unwrap().clone()
}

#[tokio::test]
async fn a_submission_is_asked_to_change_resubmitted_and_approved_another_declined() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-dortmund").await;
    ctx.org("ville-amiens").await;
    let editor = ctx.editor("editorin", &["stadt-dortmund"]).await;
    let other = ctx.editor("autre", &["ville-amiens"]).await;
    let rev = reviewer(&ctx, "redaktion").await;
    showcase(&ctx, false).await;
    let post = publish(&ctx, "stadt-dortmund", &editor, "Jugendcamp").await;

    // Someone else's post: 403, nothing stored.
    let (status, body) = submit(&ctx, &other, &post).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(ctx.count("submissions").await, 0);

    let (status, sub) = submit(&ctx, &editor, &post).await;
    assert_eq!(status, StatusCode::CREATED, "{sub}");
    assert_eq!(sub["state"], "pending");
    assert_eq!(sub["local_showcase"], true);
    let id = sub["id"].as_i64().unwrap();
    // Twice while waiting: 409.
    let (status, _) = submit(&ctx, &editor, &post).await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Only reviewers see the queue and decide.
    let (status, _) = ctx
        .json(ctx.http.get(ctx.url("/api/v1/review")).bearer_auth(&editor))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = decide(&ctx, &editor, id, json!({"action": "approve"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(queue(&ctx, &rev, "pending").await.len(), 1);

    // Changes need a comment: 422 naming it, the submission still waiting.
    let (status, body) = decide(&ctx, &rev, id, json!({"action": "request_changes"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "comment", "{body}");
    let (status, body) = decide(&ctx, &rev, id, json!({"action": "publish"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(queue(&ctx, &rev, "pending").await.len(), 1);

    let (status, body) = decide(
        &ctx,
        &rev,
        id,
        json!({"action": "request_changes", "comment": "Bitte ein Foto ergänzen."}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["state"], "changes_requested");
    // Decided: a second decision is 409.
    let (status, _) = decide(&ctx, &rev, id, json!({"action": "approve"})).await;
    assert_eq!(status, StatusCode::CONFLICT);

    // The editor sees the comment, and submits again.
    let (status, mine) = ctx
        .json(
            ctx.http
                .get(ctx.url("/api/v1/organisations/stadt-dortmund/submissions"))
                .bearer_auth(&editor),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(mine[0]["comment"], "Bitte ein Foto ergänzen.");
    let (status, again) = submit(&ctx, &editor, &post).await;
    assert_eq!(status, StatusCode::CREATED, "{again}");
    assert_eq!(again["id"], id, "the same submission, submitted again");
    let (status, body) = decide(&ctx, &rev, id, json!({"action": "approve"})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let actions: Vec<&str> = body["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["submitted", "changes_requested", "resubmitted", "approved"]
    );
    assert_eq!(body["history"][1]["by"], "redaktion");
    // Approved: once more is 409.
    let (status, _) = submit(&ctx, &editor, &post).await;
    assert_eq!(status, StatusCode::CONFLICT);

    // In the showcase: its page, its feed, the home page.
    let page = ctx.page("/showcase?lang=de").await;
    assert!(page.contains("Jugendcamp (de)"), "{page}");
    // The page's feed links are in its language (feed readers send no cookie).
    let page = ctx.page("/showcase?lang=fr").await;
    assert!(
        page.contains("href=\"/showcase/feed.rss?lang=fr\""),
        "{page}"
    );
    let feed = ctx.page("/showcase/feed.rss").await;
    assert!(
        feed.contains("Jugendcamp (de)") && feed.starts_with("<?xml"),
        "{feed}"
    );
    let atom = ctx.page("/showcase/feed.atom?lang=fr").await;
    assert!(atom.contains("Jugendcamp (fr)"), "{atom}");
    let home = ctx.page("/?lang=fr").await;
    assert!(home.contains("Dans la vitrine") && home.contains("Jugendcamp (fr)"));

    // A second post is declined with its reason; that is final.
    let second = publish(&ctx, "stadt-dortmund", &editor, "Werbung").await;
    let (_, sub) = submit(&ctx, &editor, &second).await;
    let id2 = sub["id"].as_i64().unwrap();
    let (status, body) = decide(&ctx, &rev, id2, json!({"action": "decline"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "reason");
    let (status, body) = decide(
        &ctx,
        &rev,
        id2,
        json!({"action": "decline", "comment": "Kein Partnerschaftsprojekt."}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["state"], "declined");
    let (status, body) = submit(&ctx, &editor, &second).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Kein Partnerschaftsprojekt."),
        "{body}"
    );
    let page = ctx.page("/showcase").await;
    assert!(!page.contains("Werbung"));
    assert_eq!(queue(&ctx, &rev, "declined").await.len(), 1);
    assert_eq!(queue(&ctx, &rev, "pending").await.len(), 0);
}

#[tokio::test]
async fn an_edit_after_approval_goes_back_to_the_queue_when_the_network_asks() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-dortmund").await;
    let editor = ctx.editor("editorin", &["stadt-dortmund"]).await;
    let rev = reviewer(&ctx, "redaktion").await;
    showcase(&ctx, true).await;
    let post = publish(&ctx, "stadt-dortmund", &editor, "Chorfahrt").await;
    let (_, sub) = submit(&ctx, &editor, &post).await;
    let id = sub["id"].as_i64().unwrap();
    decide(&ctx, &rev, id, json!({"action": "approve"})).await;
    edit(&ctx, &editor, &post, "Chorfahrt, neu").await;
    let waiting = queue(&ctx, &rev, "pending").await;
    assert_eq!(waiting.len(), 1);
    let last = waiting[0]["history"].as_array().unwrap().last().unwrap();
    assert_eq!(last["action"], "edited");
    assert!(!ctx.page("/showcase").await.contains("Chorfahrt"));
}

/// A post approved, then edited and declined, is no longer boosted by the showcase: its
/// followers get the `Undo` of the showcase's `Announce`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_declined_after_an_edit_is_unannounced() {
    use crate::remote_actors::{Remote, deliver};
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    ctx.org("stadt-dortmund").await;
    let editor = ctx.editor("editorin", &["stadt-dortmund"]).await;
    let rev = reviewer(&ctx, "redaktion").await;
    showcase(&ctx, true).await;
    let follower = remote.actor(
        "/users/leser",
        "Person",
        json!({"preferredUsername": "leser"}),
    );
    let showcase_id = ctx.url("/g/schaufenster");
    let follow = json!({"id": format!("{}/activities/follow/1", remote.base), "type": "Follow",
        "actor": follower.id, "object": showcase_id});
    let (status, body) = deliver(
        &ctx.http,
        &ctx.url("/g/schaufenster/inbox"),
        &follower,
        &follow,
        std::time::SystemTime::now(),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let post = publish(&ctx, "stadt-dortmund", &editor, "Chorfahrt").await;
    let (_, sub) = submit(&ctx, &editor, &post).await;
    let id = sub["id"].as_i64().unwrap();
    decide(&ctx, &rev, id, json!({"action": "approve"})).await;
    let of_showcase = |kind: &str| {
        format!(
            "outbound_activities o JOIN actors a ON a.id = o.actor_id \
             WHERE a.ap_id = '{showcase_id}' AND o.kind = '{kind}'"
        )
    };
    assert_eq!(ctx.count(&of_showcase("Announce")).await, 1);
    edit(&ctx, &editor, &post, "Chorfahrt, neu").await;
    decide(
        &ctx,
        &rev,
        id,
        json!({"action": "decline", "comment": "Passt nicht mehr"}),
    )
    .await;
    assert_eq!(ctx.count(&of_showcase("Undo")).await, 1);
    assert_eq!(
        ctx.count(&format!(
            "{} AND o.payload LIKE '%\"type\":\"Announce\"%'",
            of_showcase("Undo")
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn the_review_pages_submit_decide_and_show_the_count() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-dortmund").await;
    let token = ctx.editor("editorin", &["stadt-dortmund"]).await;
    reviewer(&ctx, "redaktion").await;
    let post = publish(&ctx, "stadt-dortmund", &token, "Stadtfest").await;
    let ed = Editor::login(&ctx, "editorin").await;

    // No showcase yet: the form says so, next to the field.
    let resp = ed
        .post(
            &format!("/editor/posts/{post}/submissions?lang=de"),
            &[("showcase", "")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(
        html.contains("Dieses Netzwerk hat noch kein Schaufenster."),
        "{html}"
    );
    showcase(&ctx, false).await;

    let resp = ed
        .post(
            &format!("/editor/posts/{post}/submissions?lang=de"),
            &[("showcase", "")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let (status, html) = ed
        .get(&format!(
            "/editor/posts/{post}/submissions?lang=de&done=submitted"
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Der Beitrag wurde eingereicht.") && html.contains("wartet auf Prüfung"));
    // Refusals in the editor's language: sent again while it waits, a name that is no
    // showcase here, a remote address that cannot be looked up.
    for (named, status, said) in [
        (
            "",
            StatusCode::CONFLICT,
            "Dieser Beitrag wartet dort bereits auf die Prüfung.",
        ),
        (
            "stadt-dortmund",
            StatusCode::UNPROCESSABLE_ENTITY,
            "„stadt-dortmund“ ist kein Schaufenster dieses Netzwerks.",
        ),
        (
            "@schaufenster@nirgendwo.invalid",
            StatusCode::UNPROCESSABLE_ENTITY,
            "Die Suche nach schaufenster@nirgendwo.invalid (WebFinger) ist gescheitert",
        ),
    ] {
        let resp = ed
            .post(
                &format!("/editor/posts/{post}/submissions?lang=de"),
                &[("showcase", named)],
            )
            .await;
        assert_eq!(resp.status(), status, "{named}");
        let html = resp.text().await.unwrap();
        assert!(html.contains(said), "{named}: {html}");
        assert!(
            !html.contains("this post") && !html.contains("showcase:"),
            "{html}"
        );
    }
    assert!(
        html.contains("<h1>Einreichungen: „Stadtfest (de)“</h1>"),
        "{html}"
    );
    // Quoted as each language quotes (French: narrow no-break spaces inside and before the
    // colon).
    let (_, fr) = ed
        .get(&format!("/editor/posts/{post}/submissions?lang=fr"))
        .await;
    assert!(
        fr.contains("<h1>Propositions\u{202f}: «\u{202f}Stadtfest (fr)\u{202f}»</h1>"),
        "{fr}"
    );
    let (_, org) = ed.get("/editor/stadt-dortmund?lang=de").await;
    assert!(
        org.contains("wartet auf Prüfung"),
        "the post's row shows the state"
    );

    // The editor is no reviewer.
    let (status, _) = ed.get("/editor/_review").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, dash) = ed.get("/editor?lang=de").await;
    assert!(!dash.contains("Warten auf Prüfung"));

    let rv = Editor::login(&ctx, "redaktion").await;
    let (_, dash) = rv.get("/editor?lang=de").await;
    assert!(
        dash.contains("Warten auf Prüfung: <strong>1</strong>"),
        "{dash}"
    );
    let (status, html) = rv.get("/editor/_review?lang=de").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Stadtfest (de)") && html.contains("Stadt stadt-dortmund"));
    let id = html
        .split("id=\"submission-")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    // Declining without a reason: shown next to the field, nothing decided.
    let resp = rv
        .post(
            &format!("/editor/_review/{id}?lang=de"),
            &[("action", "decline"), ("comment", " ")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(
        html.contains(&format!("id=\"comment-error-{id}\"")),
        "{html}"
    );
    // Too long: said in German, what was typed kept, and the field points at the message.
    let long = "Zu viel. ".repeat(250);
    let resp = rv
        .post(
            &format!("/editor/_review/{id}?lang=de"),
            &[("action", "decline"), ("comment", &long)],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(html.contains("Höchstens 2000 Zeichen."), "{html}");
    assert!(html.contains(long.trim_end()), "the comment typed is kept");
    assert!(
        html.contains(&format!(
            "aria-describedby=\"comment-error-{id} comment-hint-{id}\""
        )),
        "{html}"
    );
    let resp = rv
        .post(
            &format!("/editor/_review/{id}?lang=de"),
            &[("action", "approve")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let (_, html) = rv.get("/editor/_review?lang=de&done=decided").await;
    assert!(
        html.contains("Die Entscheidung wurde gespeichert.")
            && html.contains("Keine Einreichungen")
    );
    let (_, dash) = rv.get("/editor?lang=de").await;
    assert!(dash.contains("Warten auf Prüfung: <strong>0</strong>"));
    assert!(
        ctx.page("/showcase?lang=de")
            .await
            .contains("Stadtfest (de)")
    );
}

/// The showcase lists its approved posts latest approval first (not by publication), and a
/// deleted one no more.
#[tokio::test]
async fn the_showcase_lists_the_latest_approval_first_and_no_deleted_post() {
    let ctx = Ctx::new().await;
    showcase(&ctx, false).await;
    ctx.org("stadt-dortmund").await;
    let editor = ctx.editor("redaktion", &["stadt-dortmund"]).await;
    let rev = reviewer(&ctx, "pruefer").await;
    let older = publish(&ctx, "stadt-dortmund", &editor, "Apfelernte").await;
    let newer = publish(&ctx, "stadt-dortmund", &editor, "Chorreise").await;
    let third = publish(&ctx, "stadt-dortmund", &editor, "Radtour").await;
    // Approved newest post first, so that approval and publication orders differ.
    for post in [&newer, &older, &third] {
        let (status, sub) = submit(&ctx, &editor, post).await;
        assert_eq!(status, StatusCode::CREATED, "{sub}");
        let (status, body) = decide(
            &ctx,
            &rev,
            sub["id"].as_i64().unwrap(),
            json!({"action": "approve"}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let page = ctx.page("/showcase?lang=de").await;
    let at = |title: &str| {
        page.find(&format!("{title} (de)"))
            .unwrap_or_else(|| panic!("{title} not in {page}"))
    };
    assert!(at("Radtour") < at("Apfelernte") && at("Apfelernte") < at("Chorreise"));
    let resp = ctx
        .http
        .delete(ctx.url(&format!("/api/v1/posts/{third}")))
        .bearer_auth(&editor)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let page = ctx.page("/showcase?lang=de").await;
    assert!(!page.contains("Radtour (de)"), "{page}");
    let (a, c) = (page.find("Apfelernte (de)"), page.find("Chorreise (de)"));
    assert!(a.is_some() && c.is_some() && a < c, "{page}");
}
