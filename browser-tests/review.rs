//! Editorial review as people use it: an editor submits a post from the organisation's page;
//! the reviewer sees the count on the dashboard, asks for changes in the queue (refused
//! without a comment, the error next to the field); the editor reads the comment and submits
//! again; the reviewer approves and the post is in the showcase, also in French.

use crate::common::{Browser, PASSWORD, Site};
use passerelle::forum::GroupInput;
use passerelle::posts::{PostInput, TranslationInput};
use passerelle::vocab::Lang;
use std::collections::BTreeMap;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_editor_submits_and_a_reviewer_asks_for_changes_then_approves() {
    let site = Site::start().await;
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    site.editor("erika", &org).await;
    let state = site.inst.state();
    let reviewer = site.editor("redaktion", &org).await;
    {
        let mut conn = state.pool.get().await.unwrap();
        passerelle::db::models::submission::set_reviewer(&mut conn, reviewer.id, true)
            .await
            .unwrap();
        passerelle::review::create_showcase(
            &mut conn,
            state,
            &GroupInput {
                handle: "schaufenster".into(),
                name: BTreeMap::from([
                    (Lang::De, "Schaufenster".to_string()),
                    (Lang::Fr, "Vitrine".to_string()),
                ]),
                description: BTreeMap::new(),
                rules: BTreeMap::new(),
                posting_restricted_to_mods: true,
                moderators: vec![],
            },
            false,
            None,
        )
        .await
        .expect("showcase");
        let input = PostInput {
            main_language: Some(Lang::De),
            translations: vec![
                TranslationInput {
                    language: Lang::De,
                    title: "Chorreise nach Amiens".into(),
                    summary: "Vierzig Sängerinnen und Sänger reisen in die Partnerstadt.".into(),
                    body: "Mit Konzert in der **Kathedrale**.".into(),
                },
                TranslationInput {
                    language: Lang::Fr,
                    title: "Voyage de la chorale à Amiens".into(),
                    summary: "Quarante choristes dans la ville jumelle.".into(),
                    body: "Avec un concert.".into(),
                },
            ],
            themes: vec!["culture".into()],
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
        passerelle::posts::publish_new(&mut conn, state, &org, &data)
            .await
            .unwrap();
    }

    // The editor submits from the organisation's page.
    let b = Browser::start().await;
    b.login(&site.url(""), "erika", PASSWORD).await;
    b.goto(&site.url("/editor/stadt-dortmund?lang=de")).await;
    b.submit("li.post-row a[href$='/submissions?lang=de']")
        .await;
    assert_eq!(
        b.text("form.stacked h2").await,
        "Beitrag für ein Schaufenster einreichen"
    );
    b.submit("form.stacked button[type=submit]").await;
    assert_eq!(b.text("p.notice").await, "Der Beitrag wurde eingereicht.");
    assert_eq!(b.text("li.submission dd.state").await, "wartet auf Prüfung");
    b.close().await;

    // The reviewer: the count on the dashboard, the queue, a refusal, then changes.
    let b = Browser::start().await;
    b.login(&site.url(""), "redaktion", PASSWORD).await;
    b.goto(&site.url("/editor?lang=de")).await;
    assert!(
        b.text("p.review-waiting")
            .await
            .ends_with("Warten auf Prüfung: 1")
    );
    b.submit("p.review-waiting a").await;
    assert_eq!(b.text("h1").await, "Redaktionelle Prüfung");
    assert_eq!(b.text("li.submission h2").await, "Chorreise nach Amiens");
    b.submit("form.decision button[value=request_changes]")
        .await;
    assert_eq!(b.text("form.decision p.error").await, "Bitte ausfüllen.");
    b.fill(
        "form.decision textarea",
        "Bitte das Datum der Reise nennen.",
    )
    .await;
    b.submit("form.decision button[value=request_changes]")
        .await;
    assert_eq!(
        b.text("p.notice").await,
        "Die Entscheidung wurde gespeichert."
    );
    b.screenshot("review-queue").await;
    b.close().await;

    // The editor reads the comment and submits again.
    let b = Browser::start().await;
    b.login(&site.url(""), "erika", PASSWORD).await;
    b.goto(&site.url("/editor/stadt-dortmund?lang=de")).await;
    assert!(b.text("p.submissions").await.contains("Änderungen erbeten"));
    b.submit("p.submissions a").await;
    assert_eq!(
        b.text("blockquote.review-comment").await,
        "Bitte das Datum der Reise nennen."
    );
    b.submit("form.stacked button[type=submit]").await;
    assert_eq!(b.text("li.submission dd.state").await, "wartet auf Prüfung");
    b.close().await;

    // The reviewer approves; the post is in the showcase, in French too.
    let b = Browser::start().await;
    b.login(&site.url(""), "redaktion", PASSWORD).await;
    b.goto(&site.url("/editor/_review?lang=de")).await;
    b.submit("form.decision button[value=approve]").await;
    assert_eq!(
        b.text("p.notice").await,
        "Die Entscheidung wurde gespeichert."
    );
    b.goto(&site.url("/showcase?lang=fr")).await;
    assert_eq!(b.text("h1").await, "Vitrine");
    assert!(
        b.text("main")
            .await
            .contains("Voyage de la chorale à Amiens")
    );
    b.goto(&site.url("/?lang=fr")).await;
    assert!(
        b.text("section[aria-labelledby=showcase]")
            .await
            .contains("Voyage de la chorale")
    );
    b.close().await;
}
