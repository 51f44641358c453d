//! The operators' interface: federation health, the moderation queue (a report, removing
//! the reported post, blocking an instance), accounts with roles and tokens.

use crate::common::{Browser, PASSWORD, Site};
use passerelle::db::models::post::DbPost;
use passerelle::posts::{PostInput, TranslationInput};
use passerelle::vocab::Lang;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_moderates_blocks_and_manages_accounts() {
    let site = Site::start().await;
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    site.admin("verwaltung").await;
    let state = site.inst.state();
    let mut conn = state.pool.get().await.unwrap();
    let input = PostInput {
        main_language: Some(Lang::De),
        translations: vec![TranslationInput {
            language: Lang::De,
            title: "Ein gemeldeter Beitrag".into(),
            summary: "Jemand hat ihn gemeldet.".into(),
            body: String::new(),
        }],
        themes: vec![],
        sdgs: vec![],
        partners: vec![],
        place: None,
        starts_on: None,
        ends_on: None,
        images: vec![],
        in_reply_to: None,
    };
    let data = input.validate(&mut conn, state.urls.base()).await.unwrap();
    let post = passerelle::posts::publish_new(&mut conn, state, &org, &data).await.unwrap();
    passerelle::db::models::inbox::add_report(
        &mut conn,
        "https://mastodon.example/flags/1",
        "https://mastodon.example/users/mod",
        &[post.post.ap_id.to_string()],
        Some("Spam"),
    )
    .await
    .unwrap();

    let b = Browser::start().await;
    b.login(&site.inst.base, "verwaltung", PASSWORD).await;
    b.goto(&site.url("/admin?lang=en")).await;
    assert_eq!(b.text("main h2").await, "Federation health");
    assert!(b.has("#queue").await);
    b.screenshot("admin-health").await;

    b.goto(&site.url("/admin/moderation?lang=en")).await;
    assert_eq!(b.text(".cards blockquote").await, "Spam");
    b.submit(".cards button[value=remove]").await;
    assert_eq!(b.text(".notice").await, "The content is removed.");
    let gone = DbPost::by_ap_id(&mut conn, post.post.ap_id.as_str()).await.unwrap().unwrap();
    assert!(gone.deleted_at.is_some(), "the reported post is deleted (and a Delete sent)");
    b.submit(".cards button[value=resolve]").await;
    assert!(b.text(".cards .meta").await.contains("resolved"));

    b.fill("#domain", "not a domain!").await;
    b.submit("button[value=add]").await;
    assert_eq!(b.attr("#domain", "aria-invalid").await.as_deref(), Some("true"));
    assert!(b.has(".field:has(#domain) > #domain-error").await);
    b.fill("#domain", "spam.example").await;
    b.fill("#block-reason", "Spam").await;
    b.submit("button[value=add]").await;
    assert_eq!(b.text(".notice").await, "The instance is blocked.");
    assert!(passerelle::db::models::delivery::is_blocked(&mut conn, "spam.example").await.unwrap());
    b.screenshot("admin-moderation").await;

    b.goto(&site.url("/admin/accounts?lang=en")).await;
    b.fill("#username", "neue-redaktion").await;
    b.fill("#password", "kurz").await;
    b.submit("form[action^='/admin/accounts'] button.primary").await;
    assert!(b.has("#password-error").await);
    assert_eq!(b.value("#username").await, "neue-redaktion");
    b.fill("#password", "ein-langes-passwort").await;
    b.submit("form[action^='/admin/accounts'] button.primary").await;
    assert_eq!(b.text("h1").await, "neue-redaktion");
    b.fill("#role", "editor:stadt-dortmund").await;
    b.submit("button[value=grant]").await;
    assert_eq!(b.text(".people code").await, "editor:stadt-dortmund");
    b.fill("#name", "Newsletter").await;
    b.submit("form[action$='/tokens?lang=en'] button.primary").await;
    let token = b.text("#new-token").await;
    assert!(token.starts_with("pst_"));
    b.screenshot("admin-account").await;
    let me = reqwest::Client::new()
        .get(site.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200, "the issued token works on the API");
    b.close().await;
}
