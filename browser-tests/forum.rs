//! The forum as an editor uses it: from the forum page to a group, a new thread written as
//! the editor's organisation, a reply, and a moderator locking the thread, which takes the
//! reply form away; the same in French.

use crate::common::{Browser, PASSWORD, Site};
use passerelle::forum::{self, GroupInput};
use passerelle::vocab::Lang;
use std::collections::BTreeMap;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_editor_starts_a_thread_replies_and_a_moderator_locks_it() {
    let site = Site::start().await;
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    site.editor("erika", &org).await;
    {
        let mut conn = site.inst.state().pool.get().await.unwrap();
        forum::create_group(
            &mut conn,
            site.inst.state(),
            &GroupInput {
                handle: "jugend".into(),
                name: BTreeMap::from([
                    (Lang::De, "Jugend gewinnen".to_string()),
                    (Lang::Fr, "Attirer les jeunes".to_string()),
                ]),
                description: BTreeMap::new(),
                rules: BTreeMap::from([(Lang::De, "Freundlich bleiben.".to_string())]),
                posting_restricted_to_mods: false,
                moderators: vec!["erika".into()],
            },
            None,
        )
        .await
        .expect("group");
    }

    let b = Browser::start().await;
    b.login(&site.url(""), "erika", PASSWORD).await;
    b.goto(&site.url("/forum?lang=de")).await;
    assert_eq!(
        b.attr("nav.main a[aria-current=page]", "href")
            .await
            .as_deref(),
        Some("/forum")
    );
    b.submit("ul.groups a").await;
    assert_eq!(b.text("h1").await, "Jugend gewinnen");
    b.fill("#title", "Jugendaustausch 2027: wer macht mit?")
        .await;
    b.fill("#body", "Wir suchen **Gastfamilien**.").await;
    b.submit("form.forum-form button[type=submit]").await;
    assert!(b.url().await.contains("/g/jugend/t/"), "{}", b.url().await);
    assert_eq!(b.text("p.notice").await, "Die Diskussion ist eröffnet.");
    assert_eq!(b.text("article.thread strong").await, "Gastfamilien");

    b.fill("form.forum-form #body", "Dortmund ist dabei.").await;
    b.submit("form.forum-form button[type=submit]").await;
    assert_eq!(b.text("li.comment .body").await, "Dortmund ist dabei.");
    b.screenshot("forum-thread").await;

    // The moderator locks the thread: no reply form any more, a note instead.
    b.submit("form.moderation button[value=lock]").await;
    assert!(b.has("p.note").await);
    assert!(!b.has("form.forum-form").await);

    // The same in French.
    let thread = b.url().await;
    let thread = thread.split('?').next().unwrap().to_string();
    b.goto(&format!("{thread}?lang=fr")).await;
    assert_eq!(
        b.text("p.note").await,
        "Cette discussion est verrouillée\u{202f}: il n’est plus possible d’y répondre."
    );
    b.close().await;
}
