//! The forum's pages on one instance: the forum and group pages list groups and threads in
//! the visitor's language; a logged-in editor starts a thread and replies (threaded) through
//! the forms; a refused form keeps what was typed; a moderator locks and removes; the group
//! answers ActivityPub clients as a `Group` with FEP-1b12's properties, and its feed lists
//! the threads; a thread's own URL leads browsers to its forum page.

use crate::common::{Ctx, Editor};
use passerelle::db::models::group::DbGroup;
use passerelle::forum::{self, GroupInput};
use passerelle::vocab::Lang;
use reqwest::StatusCode;
use reqwest::header::LOCATION;
use std::collections::BTreeMap;

async fn group(ctx: &Ctx, handle: &str, moderators: &[&str]) {
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let input = GroupInput {
        handle: handle.into(),
        name: BTreeMap::from([
            (Lang::De, "Jugend gewinnen".to_string()),
            (Lang::Fr, "Attirer les jeunes".to_string()),
        ]),
        description: BTreeMap::from([(Lang::De, "Austausch über Jugendarbeit".to_string())]),
        rules: BTreeMap::from([(Lang::De, "Bitte freundlich bleiben.".to_string())]),
        posting_restricted_to_mods: false,
        moderators: moderators.iter().map(|m| m.to_string()).collect(),
    };
    forum::create_group(&mut conn, ctx.inst.state(), &input, None)
        .await
        .expect("group created");
}

fn location(resp: &reqwest::Response) -> String {
    resp.headers()[LOCATION].to_str().unwrap().to_string()
}

#[tokio::test]
async fn editors_write_and_moderators_moderate_on_the_forum_pages() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-dortmund").await;
    let token = ctx.editor("editorin", &["stadt-dortmund"]).await;
    group(&ctx, "jugend", &["editorin"]).await;

    let forum = ctx.page("/forum?lang=fr").await;
    assert!(forum.contains("Attirer les jeunes"), "{forum}");
    let page = ctx.page("/g/jugend?lang=de").await;
    assert!(page.contains("Jugend gewinnen") && page.contains("Bitte freundlich bleiben."));
    assert!(page.contains("@jugend@"), "the fediverse address to follow");

    let ed = Editor::login(&ctx, "editorin").await;
    // An empty title is refused with what was typed kept.
    let resp = ed
        .post(
            "/g/jugend/threads",
            &[
                ("as", "stadt-dortmund"),
                ("language", "de"),
                ("title", " "),
                ("body", "Mein Text bleibt"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(html.contains("Mein Text bleibt"));
    // Said in German, and only what applies.
    assert!(
        html.contains("Bitte ausfüllen.") && !html.contains("Zu lang."),
        "{html}"
    );
    let long = "Lang ".repeat(100);
    let resp = ed
        .post(
            "/g/jugend/threads?lang=de",
            &[
                ("as", "stadt-dortmund"),
                ("language", "de"),
                ("title", &long),
                ("body", "Mein Text bleibt"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(
        html.contains("Zu lang.") && !html.contains("Bitte ausfüllen."),
        "{html}"
    );
    // An image that cannot be read: said in the page's language, without the field's
    // internal name.
    let boundary = "----forum-test";
    let mut body = String::new();
    for (name, value) in [
        ("csrf", ed.csrf.as_str()),
        ("as", "stadt-dortmund"),
        ("language", "fr"),
        ("title", "Échange"),
        ("body", "Texte"),
        ("image_alt", "Une photo"),
    ] {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"image_file\"; filename=\"a.jpg\"\r\n\
         Content-Type: image/jpeg\r\n\r\npas une image\r\n--{boundary}--\r\n"
    ));
    let resp = ed
        .http
        .post(ed.url("/g/jugend/threads"))
        .header(reqwest::header::COOKIE, &ed.cookie)
        .header(
            reqwest::header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(
        !html.contains("image.file") && html.contains("kein Bild in einem unterstützten Format"),
        "{html}"
    );
    // Writing as an organisation one does not edit is refused.
    ctx.org("ville-lille").await;
    let resp = ed
        .post(
            "/g/jugend/threads",
            &[
                ("as", "ville-lille"),
                ("language", "de"),
                ("title", "x"),
                ("body", "y"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);

    let resp = ed
        .post(
            "/g/jugend/threads",
            &[
                ("as", "stadt-dortmund"),
                ("language", "de"),
                ("title", "Jugendaustausch 2027"),
                ("body", "Wer macht *mit*?"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let thread_url = location(&resp);
    let thread_path = thread_url.split('?').next().unwrap().to_string();
    let (status, html) = ed.get(&thread_path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Jugendaustausch 2027") && html.contains("<em>mit</em>"));

    // A reply, and a reply to the reply: threaded.
    let resp = ed
        .post(
            &format!("{thread_path}/reply"),
            &[
                ("as", "stadt-dortmund"),
                ("language", "de"),
                ("body", "Wir sind dabei."),
                ("in_reply_to", ""),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let (_, html) = ed.get(&thread_path).await;
    let first_id = html
        .split("name=\"in_reply_to\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let resp = ed
        .post(
            &format!("{thread_path}/reply"),
            &[
                ("as", "stadt-dortmund"),
                ("language", "de"),
                ("body", "Schön!"),
                ("in_reply_to", &first_id),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let html = ctx.page(&thread_path).await;
    assert!(
        html.contains("comment depth-0") && html.contains("comment depth-1"),
        "{html}"
    );
    let group_page = ctx.page("/g/jugend").await;
    assert!(group_page.contains("Jugendaustausch 2027"));

    // Lock: the reply form goes, and a reply sent anyway is refused.
    let thread_id = thread_path.rsplit('/').next().unwrap();
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let g = DbGroup::local_by_handle(&mut conn, "jugend")
        .await
        .unwrap()
        .unwrap();
    let thread = passerelle::db::models::group::threads(&mut conn, g.actor.ap_id.as_str(), 5, 0)
        .await
        .unwrap()
        .remove(0);
    drop(conn);
    let thread_ap = thread.post.post.ap_id.to_string();
    let resp = ed
        .post(
            "/g/jugend/moderate",
            &[
                ("thread", thread_id),
                ("object", &thread_ap),
                ("action", "lock"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let resp = ed
        .post(
            &format!("{thread_path}/reply"),
            &[
                ("as", "stadt-dortmund"),
                ("language", "de"),
                ("body", "Noch was"),
                ("in_reply_to", ""),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    // The moderation log names the action in the page's language.
    let (status, log) = ed.get("/g/jugend/moderation?lang=de").await;
    assert_eq!(status, StatusCode::OK);
    assert!(log.contains("<td>gesperrt</td>"), "{log}");
    // Nor through the posts API (a reply naming the thread): the group's rules hold there too.
    let mut reply = crate::common::bilingual("Noch was");
    reply["in_reply_to"] = serde_json::json!(thread_ap);
    let (status, body) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/organisations/stadt-dortmund/posts"))
                .bearer_auth(&token)
                .json(&reply),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");

    // The thread's own URL leads to the forum; the group answers as a Group.
    let resp = ctx.http.get(&thread_ap).send().await.unwrap();
    assert!(
        resp.url().path().starts_with("/g/jugend/t/"),
        "{}",
        resp.url()
    );
    let (status, doc) = ctx.json(ctx.ap_get("/g/jugend")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["type"], "Group");
    assert_eq!(doc["postingRestrictedToMods"], false);
    assert!(
        doc["attributedTo"]
            .as_str()
            .unwrap()
            .ends_with("/g/jugend/moderators")
    );
    assert!(doc["inbox"].as_str().unwrap().ends_with("/g/jugend/inbox"));
    let (status, thread_doc) = ctx.json(ctx.ap_get(&thread_ap)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(thread_doc["type"], "Page");
    assert_eq!(thread_doc["audience"], doc["id"]);
    assert!(thread_doc["to"].as_array().unwrap().contains(&doc["id"]));
    assert!(
        thread_doc.get("summary").is_none(),
        "a Page has no content warning"
    );
    let feed = ctx.page("/g/jugend/feed.rss").await;
    assert!(feed.contains("Jugendaustausch 2027") && feed.contains("/g/jugend/t/"));

    // Remove: gone from the group page.
    let resp = ed
        .post(
            "/g/jugend/moderate",
            &[
                ("thread", thread_id),
                ("object", &thread_ap),
                ("action", "remove"),
                ("reason", "Test"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(!ctx.page("/g/jugend").await.contains("Jugendaustausch 2027"));
}

#[tokio::test]
async fn a_visitor_without_a_role_cannot_moderate_and_must_log_in_to_write() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-essen").await;
    ctx.editor("editor2", &["stadt-essen"]).await;
    group(&ctx, "klima", &[]).await;
    let page = ctx.page("/g/klima").await;
    assert!(page.contains("/login?next=/g/klima"));
    let ed = Editor::login(&ctx, "editor2").await;
    let resp = ed
        .post(
            "/g/klima/threads",
            &[
                ("as", "stadt-essen"),
                ("language", "de"),
                ("title", "Frage"),
                ("body", "Text"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let path = location(&resp);
    let path = path.split('?').next().unwrap();
    let id = path.rsplit('/').next().unwrap();
    let html = ctx.page(path).await;
    assert!(
        !html.contains("name=\"action\" value=\"lock\""),
        "no moderation for visitors"
    );
    let resp = ed
        .post(
            "/g/klima/moderate",
            &[("thread", id), ("object", "x"), ("action", "lock")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    // Without the CSRF token nothing happens.
    let resp = ed
        .http
        .post(ed.url("/g/klima/threads"))
        .header(reqwest::header::COOKIE, &ed.cookie)
        .header(
            reqwest::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body("as=stadt-essen&language=de&title=X&body=Y")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
}

/// A refused thread comes back with who it was written as and its language still chosen, so
/// that sending it again does not publish it under the first organisation of the list.
#[tokio::test]
async fn a_refused_thread_keeps_who_writes_and_in_which_language() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-dortmund").await;
    ctx.org("stadt-essen").await;
    ctx.editor("editorin", &["stadt-dortmund", "stadt-essen"])
        .await;
    group(&ctx, "jugend", &["editorin"]).await;
    let ed = Editor::login(&ctx, "editorin").await;
    let resp = ed
        .post(
            "/g/jugend/threads?lang=de",
            &[
                ("as", "stadt-essen"),
                ("language", "fr"),
                ("title", " "),
                ("body", "Texte"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(
        html.contains(r#"<option value="stadt-essen" selected>"#),
        "{html}"
    );
    assert!(!html.contains(r#"<option value="stadt-dortmund" selected>"#));
    assert!(html.contains(r#"<option value="fr" selected>"#), "{html}");
}
