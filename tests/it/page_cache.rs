//! Public pages kept in memory (`cache::PageCache`): kept for visitors without a session,
//! dropped at once by a signed-in account's write through this process (not by writes
//! anyone may send), dropped within moments by a change
//! made anywhere else (another process, the command line, plain SQL) through the triggers
//! of migrations 000120 and 000130, never kept for a signed-in editor.

use crate::common::{AP, Ctx, bilingual};
use crate::pages::publish;
use diesel::QueryableByName;
use diesel_async::RunQueryDsl;
use reqwest::StatusCode;
use std::time::Duration;

async fn sql(ctx: &Ctx, statement: &str) {
    use diesel_async::SimpleAsyncConnection;
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    conn.batch_execute(statement).await.unwrap();
}

/// The body of a GET of `path` with `headers`, which must answer 200.
async fn fetch(ctx: &Ctx, path: &str, headers: &[(&str, &str)]) -> String {
    let mut req = ctx.get(path);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let resp = req.send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK, "{path}");
    resp.text().await.unwrap()
}

async fn text(ctx: &Ctx, path: &str, accept: &str) -> String {
    fetch(ctx, path, &[("Accept", accept), ("Accept-Language", "de")]).await
}

/// Asks for `path` until its answer contains `wanted` (changes from elsewhere are read from
/// PostgreSQL every few milliseconds), for at most five seconds.
async fn eventually(ctx: &Ctx, path: &str, accept: &str, wanted: &str) -> String {
    let mut last = String::new();
    for _ in 0..100 {
        last = text(ctx, path, accept).await;
        if last.contains(wanted) {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    last
}

#[tokio::test]
async fn pages_are_kept_until_what_they_show_changes() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-a").await;
    let post = publish(&ctx, "stadt-a", &ctx.admin, &bilingual("Erster Titel")).await;
    let id = post["id"].as_str().unwrap().to_string();
    let path = format!("/posts/{id}");
    let html = "text/html";

    // Publishing is followed by work in the background (indexing, deliveries) whose
    // changes drop kept pages too: ask until both stay kept for a moment.
    let mut kept = false;
    for _ in 0..50 {
        for accept in [html, AP] {
            assert!(
                text(&ctx, &path, accept)
                    .await
                    .contains("Erster Titel (de)")
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        if ctx.inst.state().pages.len() >= 2 {
            kept = true;
            break;
        }
    }
    assert!(kept, "the page and the document are kept");

    // A change that announces nothing (triggers off for this session) is not seen: what is
    // shown comes from memory.
    sql(
        &ctx,
        &format!(
            "BEGIN; SET LOCAL session_replication_role = replica; \
             UPDATE post_translations SET title = 'Unangekündigt' \
             WHERE post_id = (SELECT id FROM posts WHERE ap_id LIKE '%/posts/{id}'); COMMIT"
        ),
    )
    .await;
    for accept in [html, AP] {
        let body = text(&ctx, &path, accept).await;
        assert!(body.contains("Erster Titel (de)"), "kept: {accept}");
    }

    // Writes anyone may send, which change nothing, leave the kept pages kept: an unsigned
    // POST to the inbox, an editor's form posted with a cookie of no live session, an API
    // write with an unknown token.
    let refused = [
        ctx.http
            .post(ctx.url("/inbox"))
            .header("Content-Type", AP)
            .body("{}"),
        ctx.http
            .post(ctx.url(&format!("/editor/posts/{id}/delete")))
            .header("Cookie", "passerelle_session=pss_not-a-session")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("csrf=x"),
        ctx.http
            .put(ctx.url(&format!("/api/v1/posts/{id}")))
            .bearer_auth("not-a-token")
            .json(&bilingual("Fremder Titel")),
    ];
    for req in refused {
        let resp = req.send().await.unwrap();
        // Refused, or sent to the login page (the client follows the redirect).
        assert!(
            resp.status().is_client_error() || resp.url().path() == "/login",
            "{} {}",
            resp.status(),
            resp.url()
        );
    }
    for accept in [html, AP] {
        let body = text(&ctx, &path, accept).await;
        assert!(body.contains("Erster Titel (de)"), "still kept: {accept}");
    }

    // Plain SQL, as another process or the command line would change it: the trigger
    // announces it, and every kept page is dropped.
    sql(
        &ctx,
        &format!(
            "UPDATE post_translations SET title = 'Zweiter Titel' \
             WHERE post_id = (SELECT id FROM posts WHERE ap_id LIKE '%/posts/{id}') \
             AND language = 'de'"
        ),
    )
    .await;
    for accept in [html, AP] {
        let body = eventually(&ctx, &path, accept, "Zweiter Titel").await;
        assert!(body.contains("Zweiter Titel"), "refreshed: {accept}");
    }

    // A write through this process is seen by the very next request.
    let mut changed = bilingual("Dritter Titel");
    changed["translations"][0]["title"] = "Dritter Titel".into();
    let (status, _) = ctx
        .json(
            ctx.http
                .put(ctx.url(&format!("/api/v1/posts/{id}")))
                .bearer_auth(&ctx.admin)
                .json(&changed),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    for accept in [html, AP] {
        assert!(text(&ctx, &path, accept).await.contains("Dritter Titel"));
    }

    // The organisation's page lists the post: kept, then refreshed when it is deleted.
    assert!(
        text(&ctx, "/o/stadt-a", html)
            .await
            .contains("Dritter Titel")
    );
    let resp = ctx
        .http
        .delete(ctx.url(&format!("/api/v1/posts/{id}")))
        .bearer_auth(&ctx.admin)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let after = text(&ctx, "/o/stadt-a", html).await;
    assert!(!after.contains("Dritter Titel"), "{after}");
}

/// A change seen before its transaction commits (the trigger has run, the commit has not)
/// does not leave a page built meanwhile, from the old content, kept after the commit.
#[tokio::test]
async fn a_page_built_before_a_slow_commit_is_dropped_once_it_commits() {
    use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};
    let ctx = Ctx::new().await;
    ctx.org("stadt-c").await;
    let post = publish(&ctx, "stadt-c", &ctx.admin, &bilingual("Alter Titel")).await;
    let id = post["id"].as_str().unwrap().to_string();
    let path = format!("/posts/{id}");
    assert!(text(&ctx, &path, "text/html").await.contains("Alter Titel"));

    let url = ctx.inst.state().config.database.url.clone();
    let mut writer = AsyncPgConnection::establish(url.as_str()).await.unwrap();
    writer
        .batch_execute(&format!(
            "BEGIN; UPDATE post_translations SET title = 'Neuer Titel' \
             WHERE post_id = (SELECT id FROM posts WHERE ap_id LIKE '%/posts/{id}') \
             AND language = 'de'"
        ))
        .await
        .unwrap();
    // The processes read the moved sequence and drop their pages; the page is built again
    // from what is committed, and kept.
    tokio::time::sleep(Duration::from_millis(300)).await;
    for _ in 0..3 {
        assert!(text(&ctx, &path, "text/html").await.contains("Alter Titel"));
    }
    writer.batch_execute("COMMIT").await.unwrap();
    let body = eventually(&ctx, &path, "text/html", "Neuer Titel").await;
    assert!(
        body.contains("Neuer Titel"),
        "the page kept before the commit outlived it"
    );
}

#[tokio::test]
async fn answers_for_a_session_or_a_language_are_kept_apart() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-b").await;
    let post = publish(&ctx, "stadt-b", &ctx.admin, &bilingual("Sprachen")).await;
    let path = format!("/posts/{}", post["id"].as_str().unwrap());
    let de = text(&ctx, &path, "text/html").await;
    assert!(de.contains("Sprachen (de)"));
    let fr = fetch(&ctx, &path, &[("Accept-Language", "fr")]).await;
    assert!(
        fr.contains("Sprachen (fr)"),
        "the French visitor is not given the German page"
    );
    let cookie = format!("{}=fr", passerelle::web::LANG_COOKIE);
    let by_cookie = fetch(
        &ctx,
        &path,
        &[("Accept-Language", "de"), ("Cookie", &cookie)],
    )
    .await;
    assert!(
        by_cookie.contains("Sprachen (fr)"),
        "the language cookie counts"
    );
    // A request with any other cookie (a session, even an unknown one) is not answered
    // from memory: after a change that announces nothing, it sees the change.
    sql(
        &ctx,
        "BEGIN; SET LOCAL session_replication_role = replica; \
         UPDATE post_translations SET title = 'Unangekündigt' WHERE language = 'de'; COMMIT",
    )
    .await;
    let session = [
        ("Accept-Language", "de"),
        ("Cookie", "passerelle_session=nothing"),
    ];
    assert!(fetch(&ctx, &path, &session).await.contains("Unangekündigt"));
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
}

/// Every table of the schema either announces its changes to the kept pages or is named as
/// read by no public page: a table added without either fails here.
#[tokio::test]
async fn every_table_announces_changes() {
    let ctx = Ctx::new().await;
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let tables: Vec<Name> = diesel::sql_query(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    )
    .load(&mut conn)
    .await
    .unwrap();
    let triggered: Vec<Name> = diesel::sql_query(
        "SELECT c.relname::text AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid \
         JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'note_content_change'",
    )
    .load(&mut conn)
    .await
    .unwrap();
    let triggered: Vec<&str> = triggered.iter().map(|t| t.name.as_str()).collect();
    let missing: Vec<&str> = tables
        .iter()
        .map(|t| t.name.as_str())
        .filter(|t| !triggered.contains(t) && !passerelle::cache::PAGE_CACHE_EXEMPT.contains(t))
        .collect();
    assert!(
        missing.is_empty(),
        "tables without the content trigger of migration 000120 and not exempt: {missing:?}"
    );
    assert!(triggered.contains(&"posts") && triggered.len() > 20);
    drop(conn);
}
