//! Reports in the forum on one instance: a logged-in visitor reports a thread from its page
//! (an empty or oversized reason is refused with what was typed kept); the group's
//! moderator finds it in the moderation view and the API, with who and when in the
//! moderation log, and marks it resolved; others see neither. An editor reports a comment
//! through the API as an organisation; what is not a group's post is refused.

use crate::common::{Ctx, Editor};
use passerelle::forum::{self, GroupInput};
use passerelle::vocab::Lang;
use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::json;
use std::collections::BTreeMap;

async fn group(ctx: &Ctx, handle: &str, moderators: &[&str]) {
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let input = GroupInput {
        handle: handle.into(),
        name: BTreeMap::from([(Lang::De, "Fördermittel".to_string())]),
        description: BTreeMap::new(),
        rules: BTreeMap::new(),
        posting_restricted_to_mods: false,
        moderators: moderators.iter().map(|m| m.to_string()).collect(),
    };
    forum::create_group(&mut conn, ctx.inst.state(), &input, None)
        .await
        .expect("group created");
}

/// A thread started through the form; its page's path and its id (URL).
async fn thread(ed: &Editor, org: &str) -> (String, String) {
    let resp = ed
        .post(
            "/g/foerder/threads",
            &[
                ("as", org),
                ("language", "de"),
                ("title", "Wer kennt Erasmus+?"),
                ("body", "Fragen zum Antrag"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let path = resp.headers()[LOCATION]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let (_, html) = ed.get(&path).await;
    let id = html
        .split("name=\"object\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the thread's report form names it")
        .to_string();
    (path, id)
}

#[tokio::test]
async fn a_report_from_the_thread_page_reaches_the_groups_moderators_only() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-bonn").await;
    ctx.editor("autorin", &["stadt-bonn"]).await;
    let lena = ctx.editor("lena", &[]).await;
    let modi = ctx.editor("modi", &[]).await;
    group(&ctx, "foerder", &["modi"]).await;
    let autorin = Editor::login(&ctx, "autorin").await;
    let (path, thread_id) = thread(&autorin, "stadt-bonn").await;

    // Lena, logged in without any organisation, reports it.
    let reader = Editor::login(&ctx, "lena").await;
    let report = format!("{path}/report");
    let resp = reader
        .post(&report, &[("object", &thread_id), ("reason", "   ")])
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let long = "x".repeat(1001);
    let resp = reader
        .post(&report, &[("object", &thread_id), ("reason", &long)])
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        resp.text().await.unwrap().contains(&long),
        "the text is kept"
    );
    assert_eq!(ctx.count("group_reports").await, 0, "nothing stored");
    // Only the thread's own posts are reported from its page.
    let resp = reader
        .post(
            &report,
            &[
                ("object", "https://elsewhere.example/x"),
                ("reason", "Spam"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let resp = reader
        .post(
            &report,
            &[("object", &thread_id), ("reason", "Werbung für eine Firma")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(
        resp.headers()[LOCATION]
            .to_str()
            .unwrap()
            .ends_with("?notice=report_sent")
    );

    // Not for Lena or the author: the moderation view and the reports are the moderators'.
    let (status, _) = reader.get("/g/foerder/moderation").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = ctx
        .json(ctx.get("/api/v1/groups/foerder/reports").bearer_auth(&lena))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The moderator sees it on the thread page, in the moderation view and the API.
    let moderator = Editor::login(&ctx, "modi").await;
    let (_, html) = moderator.get(&path).await;
    assert!(html.contains("/g/foerder/moderation"), "{html}");
    let (status, html) = moderator.get("/g/foerder/moderation?lang=de").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Werbung für eine Firma") && html.contains("lena"));
    assert!(html.contains(&path), "the report links to the thread");
    let (status, reports) = ctx
        .json(ctx.get("/api/v1/groups/foerder/reports").bearer_auth(&modi))
        .await;
    assert_eq!(status, StatusCode::OK, "{reports}");
    assert_eq!(reports.as_array().unwrap().len(), 1);
    assert_eq!(reports[0]["object"], thread_id.as_str());
    assert_eq!(reports[0]["by"], "lena");
    assert_eq!(reports[0]["resolved"], false);
    assert_eq!(
        ctx.count("moderation_log WHERE action = 'report' AND account_id IS NOT NULL AND reason = 'Werbung für eine Firma'")
            .await,
        1
    );

    // Resolved from the view: logged with who; a second time there is nothing open.
    let id = reports[0]["id"].as_i64().unwrap();
    let resp = moderator
        .post(&format!("/g/foerder/reports/{id}/resolve"), &[])
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let (status, _) = ctx
        .json(
            ctx.http
                .post(ctx.url(&format!("/api/v1/groups/foerder/reports/{id}/resolve")))
                .bearer_auth(&modi),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, reports) = ctx
        .json(ctx.get("/api/v1/groups/foerder/reports").bearer_auth(&modi))
        .await;
    assert_eq!(reports[0]["resolved"], true);
    let (_, log) = ctx
        .json(
            ctx.get("/api/v1/groups/foerder/moderation-log")
                .bearer_auth(&modi),
        )
        .await;
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["resolve_report", "report"], "{log}");
    assert_eq!(log[0]["by"], "modi");
    assert_eq!(log[1]["by"], "lena");
}

#[tokio::test]
async fn an_editor_reports_a_comment_through_the_api_and_bad_reports_are_refused() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    let token = ctx.editor("redakteur", &["stadt-koeln"]).await;
    group(&ctx, "foerder", &[]).await;
    let ed = Editor::login(&ctx, "redakteur").await;
    let (_, thread_id) = thread(&ed, "stadt-koeln").await;
    let (status, comment) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/organisations/stadt-koeln/comments"))
                .bearer_auth(&token)
                .json(&json!({"language": "de", "body": "Siehe www.example", "in_reply_to": thread_id})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{comment}");
    let comment_id = comment["ap_id"].as_str().unwrap();
    let send = |body: serde_json::Value| {
        ctx.http
            .post(ctx.url("/api/v1/organisations/stadt-koeln/reports"))
            .bearer_auth(&token)
            .json(&body)
    };
    for (body, field) in [
        (json!({"object": comment_id, "reason": ""}), "reason"),
        (
            json!({"object": comment_id, "reason": "y".repeat(1001)}),
            "reason",
        ),
        (
            json!({"object": "https://nowhere.example/p/1", "reason": "Spam"}),
            "object",
        ),
    ] {
        let (status, err) = ctx.json(send(body)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
        assert_eq!(err["error"]["field"], field, "{err}");
    }
    // A post outside any group is no group's business.
    let (status, post) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/organisations/stadt-koeln/posts"))
                .bearer_auth(&token)
                .json(&crate::common::bilingual("Sommerfest")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
    let (status, err) = ctx
        .json(send(json!({"object": post["ap_id"], "reason": "Spam"})))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
    assert_eq!(ctx.count("group_reports").await, 0);

    let (status, report) = ctx
        .json(send(json!({"object": comment_id, "reason": "Werbung"})))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{report}");
    assert_eq!(report["object"], comment_id);
    assert_eq!(report["by"], "redakteur");
    assert!(
        report["actor"]
            .as_str()
            .unwrap()
            .ends_with("/o/stadt-koeln")
    );
    // The instance's admin moderates every group: the report is listed for them.
    let (status, reports) = ctx
        .json(
            ctx.get("/api/v1/groups/foerder/reports")
                .bearer_auth(&ctx.admin),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(reports.as_array().unwrap().len(), 1);
}
