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
        funded_by: None,
    };
    let data = input.validate(&mut conn, state.urls.base()).await.unwrap();
    let post = passerelle::posts::publish_new(&mut conn, state, &org, &data)
        .await
        .unwrap();
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
    let gone = DbPost::by_ap_id(&mut conn, post.post.ap_id.as_str())
        .await
        .unwrap()
        .unwrap();
    assert!(
        gone.deleted_at.is_some(),
        "the reported post is deleted (and a Delete sent)"
    );
    b.submit(".cards button[value=resolve]").await;
    assert!(b.text(".cards .meta").await.contains("resolved"));

    b.fill("#domain", "not a domain!").await;
    b.submit("button[value=add]").await;
    assert_eq!(
        b.attr("#domain", "aria-invalid").await.as_deref(),
        Some("true")
    );
    assert!(b.has(".field:has(#domain) > #domain-error").await);
    b.fill("#domain", "spam.example").await;
    b.fill("#block-reason", "Spam").await;
    b.submit("button[value=add]").await;
    assert_eq!(b.text(".notice").await, "The instance is blocked.");
    assert!(
        passerelle::db::models::delivery::is_blocked(&mut conn, "spam.example")
            .await
            .unwrap()
    );
    b.screenshot("admin-moderation").await;

    b.goto(&site.url("/admin/accounts?lang=en")).await;
    b.fill("#username", "neue-redaktion").await;
    b.fill("#password", "kurz").await;
    b.submit("form[action^='/admin/accounts'] button.primary")
        .await;
    assert!(b.has("#password-error").await);
    assert_eq!(b.value("#username").await, "neue-redaktion");
    b.fill("#password", "ein-langes-passwort").await;
    b.submit("form[action^='/admin/accounts'] button.primary")
        .await;
    assert_eq!(b.text("h1").await, "neue-redaktion");
    b.fill("#role", "editor:stadt-dortmund").await;
    b.submit("button[value=grant]").await;
    assert_eq!(b.text(".people code").await, "editor:stadt-dortmund");
    b.fill("#name", "Newsletter").await;
    b.submit("form[action$='/tokens?lang=en'] button.primary")
        .await;
    let token = b.text("#new-token").await;
    assert!(token.starts_with("pst_"));
    b.screenshot("admin-account").await;

    b.goto(&site.url("/admin/organisations?lang=en")).await;
    b.fill("#handle", "Not A Handle").await;
    b.fill("#name", "Ville de Lille").await;
    b.submit("form[action^='/admin/organisations'] button.primary")
        .await;
    assert!(b.has(".field:has(#handle) > #handle-error").await);
    assert_eq!(b.value("#name").await, "Ville de Lille");
    b.fill("#handle", "ville-lille").await;
    b.fill("#country", "FR").await;
    b.fill("#languages", "fr, de").await;
    b.submit("form[action^='/admin/organisations'] button.primary")
        .await;
    assert_eq!(
        b.text(".notice").await,
        "The organisation is created: @ville-lille"
    );
    assert!(b.text("table").await.contains("Ville de Lille"));
    let me = reqwest::Client::new()
        .get(site.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200, "the issued token works on the API");
    b.close().await;
}

/// A moderator suspends an account of another instance: its posts here are removed and its
/// activities refused from then on (its instance sees its deliveries rejected).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suspended_remote_account_is_refused() {
    use passerelle::db::models::delivery;
    use std::time::{Duration, Instant};
    let nrw = Site::start().await;
    let afccre = Site::start().await;
    nrw.org("stadt-dortmund", "Stadt Dortmund").await;
    let amiens = afccre.org("ville-amiens", "Ville d'Amiens").await;
    let verwaltung = nrw.admin("verwaltung").await;
    let mut n_conn = nrw.inst.state().pool.get().await.unwrap();
    let mut a_conn = afccre.inst.state().pool.get().await.unwrap();
    let (_, token) = passerelle::auth::issue_token(&mut n_conn, &verwaltung, "t")
        .await
        .unwrap();
    // Dortmund follows Amiens (through the API), so Amiens' posts are delivered to nrw.
    let resp = reqwest::Client::new()
        .post(nrw.url("/api/v1/organisations/stadt-dortmund/following"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body(serde_json::json!({"target": afccre.handle("ville-amiens")}).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    let started = Instant::now();
    while passerelle::db::models::follow::DbFollow::followers_list(&mut a_conn, amiens.id)
        .await
        .unwrap()
        .is_empty()
    {
        assert!(
            started.elapsed() < crate::common::WAIT,
            "the follow reaches afccre"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let b = Browser::start().await;
    b.login(&nrw.inst.base, "verwaltung", PASSWORD).await;
    b.goto(&nrw.url("/admin/moderation?lang=de")).await;
    b.fill("#actor", &afccre.handle("ville-amiens")).await;
    b.fill("#suspend-reason", "Test").await;
    b.submit("form[action^='/admin/moderation/suspensions'] button[value=suspend]")
        .await;
    assert!(
        b.text(".notice")
            .await
            .starts_with("Das Konto ist gesperrt")
    );
    assert!(
        b.text(".people li")
            .await
            .contains(&afccre.handle("ville-amiens"))
    );
    b.close().await;

    // Amiens publishes: nrw refuses the delivery.
    let input = PostInput {
        main_language: Some(Lang::Fr),
        translations: vec![TranslationInput {
            language: Lang::Fr,
            title: "Bonjour".into(),
            summary: "Un message.".into(),
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
        funded_by: None,
    };
    let state = afccre.inst.state();
    let data = input
        .validate(&mut a_conn, state.urls.base())
        .await
        .unwrap();
    let post = passerelle::posts::publish_new(&mut a_conn, state, &amiens, &data)
        .await
        .unwrap();
    let started = Instant::now();
    let rows = loop {
        let rows = delivery::report_for_object(&mut a_conn, post.post.ap_id.as_str())
            .await
            .unwrap();
        if !rows.is_empty() && rows.iter().all(|r| r.1 != delivery::DeliveryState::Pending) {
            break rows;
        }
        assert!(
            started.elapsed() < crate::common::WAIT,
            "the delivery is answered: {rows:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(rows[0].1, delivery::DeliveryState::Rejected, "{rows:?}");
    assert!(
        rows[0].3.as_deref().unwrap_or("").contains("403"),
        "{rows:?}"
    );
    assert!(
        DbPost::by_ap_id(&mut n_conn, post.post.ap_id.as_str())
            .await
            .unwrap()
            .is_none()
    );
}
