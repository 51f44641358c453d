//! The public side as a visitor meets it: the "follow from Mastodon" box on an
//! organisation's page, and the search page. Each is its own test, so the others pass
//! while these pages are being built.

use crate::common::{Browser, Site, WAIT};
use axum::Json;
use axum::routing::get;
use passerelle::posts::{PostInput, TranslationInput};
use passerelle::vocab::Lang;
use std::time::{Duration, Instant};

/// A stand-in for the visitor's own Mastodon server: WebFinger with the subscribe template,
/// and the page it sends people to.
pub async fn visitor_server() -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let host = format!("localhost:{}", listener.local_addr().unwrap().port());
    let h = host.clone();
    let app = axum::Router::new()
        .route(
            "/.well-known/webfinger",
            get(move || {
                let h = h.clone();
                async move {
                    Json(serde_json::json!({
                        "subject": format!("acct:alice@{h}"),
                        "links": [
                            {"rel": "self", "type": "application/activity+json", "href": format!("http://{h}/users/alice")},
                            {"rel": "http://ostatus.org/schema/1.0/subscribe", "template": format!("http://{h}/authorize_interaction?uri={{uri}}")}
                        ]
                    }))
                }
            }),
        )
        .route(
            "/authorize_interaction",
            get(|| async { axum::response::Html("<h1>Follow?</h1>") }),
        );
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (host, task)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_follow_from_mastodon_box_sends_the_visitor_to_their_server() {
    let site = Site::start().await;
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    let (host, server) = visitor_server().await;
    let b = Browser::start().await;
    b.goto(&site.url("/o/stadt-dortmund?lang=de")).await;
    b.fill("input[name=handle]", &format!("@alice@{host}"))
        .await;
    b.screenshot("organisation-follow-box").await;
    b.click("form:has(input[name=handle]) [type=submit]").await;
    let started = Instant::now();
    let url = loop {
        let url = b.url().await;
        if url.contains("/authorize_interaction") {
            break url;
        }
        assert!(
            started.elapsed() < WAIT,
            "no redirect to the visitor's server: {url}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let parsed = url::Url::parse(&url).unwrap();
    assert_eq!(
        format!(
            "{}:{}",
            parsed.host_str().unwrap(),
            parsed.port().unwrap_or(443)
        ),
        host
    );
    let uri: String = parsed
        .query_pairs()
        .find(|(k, _)| k == "uri")
        .map(|(_, v)| v.into_owned())
        .expect("a uri parameter");
    assert_eq!(uri, org.ap_id.to_string());
    server.abort();
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_published_post_is_found_through_search() {
    let site = Site::start().await;
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    let input = PostInput {
        main_language: Some(Lang::De),
        translations: vec![
            TranslationInput {
                language: Lang::De,
                title: "Streuobstwiese der Partnerstädte".into(),
                summary: "Zwanzig Jugendliche pflanzen Apfelbäume.".into(),
                body: "Eine **Streuobstwiese** für beide Städte.".into(),
            },
            TranslationInput {
                language: Lang::Fr,
                title: "Verger des villes jumelles".into(),
                summary: "Vingt jeunes plantent des pommiers.".into(),
                body: "Un verger pour les deux villes.".into(),
            },
        ],
        themes: vec!["youth".into()],
        sdgs: vec![],
        partners: vec![],
        place: None,
        starts_on: None,
        ends_on: None,
        images: vec![],
        in_reply_to: None,
        funded_by: None,
    };
    let state = site.inst.state();
    let mut conn = state.pool.get().await.unwrap();
    let data = input.validate(&mut conn, state.urls.base()).await.unwrap();
    let post = passerelle::posts::publish_new(&mut conn, state, &org, &data)
        .await
        .unwrap();

    let b = Browser::start().await;
    let started = Instant::now();
    loop {
        b.goto(&site.url("/search?q=Streuobstwiese&lang=de")).await;
        if b.has("article.search-hit a").await {
            break;
        }
        assert!(started.elapsed() < WAIT, "no search hit for the post");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(
        b.text("article.search-hit a").await,
        "Streuobstwiese der Partnerstädte"
    );
    b.screenshot("search").await;
    b.submit("article.search-hit a").await;
    assert!(
        b.url().await.starts_with(post.post.ap_id.as_str()),
        "{}",
        b.url().await
    );
    b.close().await;
}
