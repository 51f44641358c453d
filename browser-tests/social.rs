//! Follows through the editors' interface, across two instances: one organisation follows
//! another that approves followers by hand; the other's editor accepts the request.

use crate::common::{Browser, PASSWORD, Site, WAIT};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_editor_follows_by_handle_and_the_other_side_accepts_the_request() {
    let nrw = Site::start().await;
    let afccre = Site::start().await;
    let dortmund = nrw.org("stadt-dortmund", "Stadt Dortmund").await;
    let amiens = afccre
        .org_with("ville-amiens", "Ville d'Amiens", true)
        .await;
    nrw.editor("redaktion", &dortmund).await;
    afccre.editor("redaction", &amiens).await;
    let b = Browser::start().await;

    b.login(&nrw.inst.base, "redaktion", PASSWORD).await;
    b.goto(&nrw.url("/editor/stadt-dortmund/followers?lang=de"))
        .await;
    // An address that resolves to nothing: the error is shown at the field, the text kept.
    b.fill("#target", "@niemand@localhost:1").await;
    b.submit("form[action^='/editor/stadt-dortmund/follows'] button.primary")
        .await;
    assert!(b.has("#target-error").await);
    assert_eq!(
        b.attr("#target", "aria-invalid").await.as_deref(),
        Some("true")
    );
    assert_eq!(b.value("#target").await, "@niemand@localhost:1");

    b.fill("#target", &afccre.handle("ville-amiens")).await;
    b.submit("form[action^='/editor/stadt-dortmund/follows'] button.primary")
        .await;
    assert!(
        b.text(".notice")
            .await
            .starts_with("Folgeanfrage gesendet an")
    );
    assert!(
        b.text("section[aria-labelledby=following-heading] li")
            .await
            .contains("wartet auf Bestätigung")
    );

    b.login(&afccre.inst.base, "redaction", PASSWORD).await;
    let page = afccre.url("/editor/ville-amiens/followers?lang=fr");
    b.reload_until(
        &page,
        "button[value=accept]",
        "the follow request reaches afccre",
    )
    .await;
    b.screenshot("followers-request").await;
    b.submit("button[value=accept]").await;
    assert_eq!(b.text(".notice").await, "La demande est acceptée.");
    assert!(
        b.text("section[aria-labelledby=followers-heading] li")
            .await
            .contains("Stadt Dortmund")
    );

    // The follower's side learns the request was accepted.
    b.login(&nrw.inst.base, "redaktion", PASSWORD).await;
    let page = nrw.url("/editor/stadt-dortmund/followers?lang=de");
    let started = Instant::now();
    loop {
        b.goto(&page).await;
        let li = b
            .text("section[aria-labelledby=following-heading] li")
            .await;
        if !li.contains("wartet auf Bestätigung") {
            assert!(li.contains("Ville d'Amiens"), "{li}");
            break;
        }
        assert!(started.elapsed() < WAIT, "the Accept reaches nrw");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    b.screenshot("followers-following").await;

    // Amiens publishes: its editor sees the post delivered to nrw, 1 of 1 instances.
    let state = afccre.inst.state();
    let mut conn = state.pool.get().await.unwrap();
    let input = passerelle::posts::PostInput {
        main_language: Some(passerelle::vocab::Lang::Fr),
        translations: vec![passerelle::posts::TranslationInput {
            language: passerelle::vocab::Lang::Fr,
            title: "Fête du jumelage".into(),
            summary: "Rendez-vous à Amiens.".into(),
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
    passerelle::posts::publish_new(&mut conn, state, &amiens, &data)
        .await
        .unwrap();
    b.login(&afccre.inst.base, "redaction", PASSWORD).await;
    let page = afccre.url("/editor/ville-amiens?lang=fr");
    let started = Instant::now();
    loop {
        b.goto(&page).await;
        if b.text(".post-row .delivery").await == "Distribué à 1 sur 1 instance" {
            break;
        }
        assert!(started.elapsed() < WAIT, "the post is delivered to nrw");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    b.click(".post-row .delivery a").await;
    assert_eq!(
        b.text("#delivery-summary").await,
        "Distribué à 1 sur 1 instance"
    );
    b.screenshot("deliveries-delivered").await;

    b.login(&nrw.inst.base, "redaktion", PASSWORD).await;
    b.goto(&nrw.url("/editor/stadt-dortmund/followers?lang=de"))
        .await;
    b.submit("section[aria-labelledby=following-heading] button")
        .await;
    assert_eq!(
        b.text(".notice").await,
        "Sie folgen diesem Konto nicht mehr."
    );
    b.close().await;
}
