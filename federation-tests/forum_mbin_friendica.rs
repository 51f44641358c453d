//! Our groups with Mbin and Friendica, their fixtures (`fixtures/mbin/`, `fixtures/friendica/`)
//! served and sent, signed, by the fake server of `lemmy.rs` through the real inbox.
//!
//! What the Mbin fixtures are based on (MbinOrg/mbin): `EntryPageFactory` (a thread is a
//! `Page` `to` the magazine and Public, `cc` the author's followers, with `audience`, a
//! `summary` of title and hashtags, `url` the image itself for an image thread, and the
//! image as an `Image` attachment with `blurhash`/`focalPoint` plus `image`, from
//! `ImageWrapper`), `EntryCommentNoteFactory` (a comment is a `Note` with the magazine in
//! `cc`, no `audience`, and the parent's author in `to`), `ActivityJsonBuilder` (`Create`
//! ids `/f/object/<uuid>` with the object's addressing and `audience` only when the object
//! has one; the magazine's `Announce` of the whole activity, `to` Public, `cc` copied from
//! the wrapped activity, with `audience`; a report is a `Flag` `to` the magazine with the
//! post's id alone as `object`, the reason in both `summary` and `content`, and
//! `audience`), `GroupFactory` and `PersonFactory` (actors at `/m/<name>`, `/u/<name>`,
//! shared inbox `/f/inbox`, moderators at `attributedTo`), and the "Fediverse developers"
//! page of its documentation. A thread in a remote magazine has a local id on Mbin
//! (`/m/partnerschaften@nrw.example/t/731`).
//!
//! What the Friendica fixtures are based on (friendica/friendica): `Transmitter`
//! (`createNote`: a post with a title is an `Article`, `source` in `text/bbcode`, images as
//! `Document` attachments with `mediaType`, `context`/`conversation`, `diaspora:guid`;
//! `createPermissionBlockForItem`: a post to a group by exclusive mention (`!group`) is
//! `to` Public and the group, `cc` the group's followers, with the group as `audience`;
//! `createActivityFromArray`: activity ids `<object>/Create`, `instrument` naming the
//! software, LD `signature`; an `Announce` of a post has the post's id as a string
//! `object`) and `Item::tagDeliver` (a Friendica forum passes a post that mentions it on to
//! its members by announcing it).

use crate::common::{Net, wait_for};
use crate::lemmy::Lemmy;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

fn encoded(id: &str) -> String {
    url::form_urlencoded::byte_serialize(id.as_bytes()).collect()
}

async fn our_group(net: &Net) -> String {
    let (status, g) = net
        .call(
            Method::POST,
            "/api/v1/groups",
            Some(
                json!({"handle": "partnerschaften", "name": {"de": "Städtepartnerschaften"},
                        "moderators": ["redaktion"]}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{g}");
    g["id"].as_str().unwrap().to_string()
}

async fn thread(net: &Net, id: &str) -> Value {
    let (status, t) = net
        .call(
            Method::GET,
            &format!("/api/v1/threads?id={}", encoded(id)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{t}");
    t
}

/// Our org follows a remote group, which accepts as `accept` builds it from our Follow.
async fn follow_group(
    net: &Net,
    fake: &Lemmy,
    group: &str,
    signer: &str,
    accept: impl Fn(Value) -> Value,
) {
    net.follow("stadt-dortmund", group).await;
    let (_, follow) = fake
        .received("the Follow", |a| {
            a["type"] == "Follow" && a["object"] == group
        })
        .await;
    let status = fake
        .send(net, &net.inst.url("/inbox"), signer, &accept(follow))
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    wait_for("the follow is accepted", 10, || async {
        net.following_accepted("stadt-dortmund", group)
            .await
            .filter(|a| *a)
    })
    .await;
}

/// The forum page of our group's thread `id`, as a browser gets it.
async fn thread_page(net: &Net, id: i64) -> String {
    net.http
        .get(net.inst.url(&format!("/g/partnerschaften/t/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mbin_users_post_comment_and_report_in_our_group() {
    let nrw = Net::start().await;
    let group = our_group(&nrw).await;
    let inbox = format!("{group}/inbox");
    let mut mbin = Lemmy::start_as("mbin").await;
    let anke = mbin.serve_actor(&nrw, "user.json", "anke");
    let jan = mbin.serve_actor(&nrw, "user_commenter.json", "jan");

    // Jan follows the group (Mbin's Follow: `to` the object).
    let follow = json!({"@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/f/object/6b1f0c2e-follow", mbin.base), "type": "Follow",
        "actor": jan, "object": group, "to": [group]});
    assert_eq!(
        mbin.send(&nrw, &inbox, "jan", &follow).await,
        StatusCode::ACCEPTED
    );

    // Anke's image thread, addressed to our group: stored as the group's, with its image.
    let create = mbin.fixture(&nrw, "create_entry.json");
    let page_id = create["object"]["id"].as_str().unwrap().to_string();
    mbin.serve(&page_id, create["object"].clone());
    assert_eq!(
        mbin.send(&nrw, &inbox, "anke", &create).await,
        StatusCode::ACCEPTED
    );
    let stored = nrw
        .stored_post(&page_id)
        .await
        .expect("the thread is stored");
    assert_eq!(stored.post.object_type, "Page");
    assert_eq!(stored.post.audience.as_deref(), Some(group.as_str()));
    assert_eq!(
        stored.images.len(),
        1,
        "the attachment and `image` are one picture"
    );
    let t = thread(&nrw, &page_id).await;
    assert_eq!(
        t["thread"]["images"][0]["alt"],
        "Menschen feiern auf dem Rathausplatz von Amiens, im Hintergrund der Belfried"
    );
    // The thread page names the picture and links it (it is not ours to show).
    let page = thread_page(&nrw, stored.post.id).await;
    assert!(page.contains("im Hintergrund der Belfried"), "{page}");
    assert!(page.contains("/media/7a/c1/7ac1e0f4b2d9.jpg"));
    // Passed on to Jan's instance, unchanged.
    let (_, announce) = mbin
        .received("the group's Announce", |a| {
            a["type"] == "Announce" && a["object"]["id"] == create["id"]
        })
        .await;
    assert_eq!(announce["actor"], group.as_str());

    // Jan's comment names the group only in `cc`: it joins the thread.
    // With a picture, as Mbin attaches one to a comment.
    let mut comment = mbin.fixture(&nrw, "create_entry_comment.json");
    comment["object"]["attachment"] = json!([{"type": "Image", "mediaType": "image/jpeg",
        "url": format!("{}/media/cc/01/kommentarbild.jpg", mbin.base),
        "name": "Plakat des Jugendfestes in Amiens"}]);
    let comment_id = comment["object"]["id"].as_str().unwrap().to_string();
    mbin.serve(&comment_id, comment["object"].clone());
    assert_eq!(
        mbin.send(&nrw, &inbox, "jan", &comment).await,
        StatusCode::ACCEPTED
    );
    let t = thread(&nrw, &page_id).await;
    assert_eq!(t["thread"]["comments"], 1, "{t}");
    assert_eq!(t["comments"][0]["ap_id"], comment_id.as_str());
    // The comment's picture is named and linked on the thread page (not loaded from Mbin).
    let page = thread_page(&nrw, stored.post.id).await;
    assert!(page.contains("Plakat des Jugendfestes in Amiens"), "{page}");
    assert!(page.contains("/media/cc/01/kommentarbild.jpg\" rel=\"nofollow noopener\""));
    assert!(
        !page.contains("<img src=\"http"),
        "no picture of another server is loaded"
    );

    // Jan is banned, and reports all the same: a report is no contribution.
    let (status, body) = nrw
        .call(
            Method::POST,
            "/api/v1/groups/partnerschaften/moderation",
            Some(json!({"action": "ban", "object": jan, "reason": "Streit"})),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let mut too_long = mbin.fixture(&nrw, "flag.json");
    too_long["id"] = json!(format!("{}/f/object/flag-long", mbin.base));
    too_long["content"] = json!("x".repeat(1001));
    assert_eq!(
        mbin.send(&nrw, &inbox, "jan", &too_long).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let mut unknown = mbin.fixture(&nrw, "flag.json");
    unknown["id"] = json!(format!("{}/f/object/flag-unknown", mbin.base));
    unknown["object"] = json!(format!("{}/m/x/t/1", mbin.base));
    assert_eq!(
        mbin.send(&nrw, &inbox, "jan", &unknown).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(nrw.count("group_reports").await, 0);
    let flag = mbin.fixture(&nrw, "flag.json");
    assert_eq!(
        mbin.send(&nrw, &inbox, "jan", &flag).await,
        StatusCode::ACCEPTED
    );
    let (status, reports) = nrw
        .call(Method::GET, "/api/v1/groups/partnerschaften/reports", None)
        .await;
    assert_eq!(status, StatusCode::OK, "{reports}");
    assert_eq!(reports.as_array().unwrap().len(), 1, "{reports}");
    assert_eq!(reports[0]["object"], page_id.as_str());
    assert_eq!(reports[0]["by"], jan.as_str());
    assert_eq!(
        reports[0]["reason"],
        "Das Foto zeigt Kinder ohne Einverständnis der Eltern."
    );
    assert_eq!(
        nrw.count("moderation_log WHERE action = 'report' AND actor_id IS NOT NULL")
            .await,
        1
    );
    // The same Flag again (signed anew, a second later: the same signature would be a
    // replay) changes nothing.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(1);
    assert_eq!(
        mbin.send_at(&nrw, &inbox, "jan", &flag, later).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(nrw.count("group_reports").await, 1);
    // The instance's moderators have it too.
    assert_eq!(nrw.count("reports").await, 1);
    let _ = anke;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_mbin_magazines_image_thread_arrives_and_our_report_goes_back_as_mbin_reads_it() {
    let nrw = Net::start().await;
    nrw.org("stadt-dortmund", false).await;
    let mut mbin = Lemmy::start_as("mbin").await;
    let magazine = mbin.serve_actor(&nrw, "magazine.json", "magazine");
    mbin.serve_actor(&nrw, "user.json", "anke");
    follow_group(&nrw, &mbin, &magazine, "magazine", |follow| {
        json!({"@context": "https://www.w3.org/ns/activitystreams",
            "id": format!("{}/f/object/accept-1", mbin.base), "type": "Accept",
            "actor": magazine, "object": follow.clone(), "to": [follow["actor"]]})
    })
    .await;

    let announce = mbin.fixture(&nrw, "announce_create_entry.json");
    let page = announce["object"]["object"].clone();
    let page_id = page["id"].as_str().unwrap().to_string();
    mbin.serve(&page_id, page);
    assert_eq!(
        mbin.send(&nrw, &nrw.inst.url("/inbox"), "magazine", &announce)
            .await,
        StatusCode::ACCEPTED
    );
    let stored = nrw
        .stored_post(&page_id)
        .await
        .expect("the thread is stored");
    assert_eq!(stored.post.audience.as_deref(), Some(magazine.as_str()));
    let t = thread(&nrw, &page_id).await;
    assert_eq!(
        t["thread"]["images"][0]["alt"],
        "Karte: Route von Dortmund über Lüttich nach Amiens"
    );

    // An editor reports the thread: it goes to the magazine, as Mbin and Lemmy read it.
    let (status, report) = nrw
        .call(
            Method::POST,
            "/api/v1/organisations/stadt-dortmund/reports",
            Some(json!({"object": page_id, "reason": "Falsche Route"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{report}");
    let (_, flag) = mbin.received("the Flag", |a| a["type"] == "Flag").await;
    assert_eq!(
        flag["object"],
        page_id.as_str(),
        "one id, as Lemmy requires"
    );
    assert_eq!(flag["to"], json!([magazine]));
    assert_eq!(flag["audience"], magazine.as_str());
    assert_eq!(flag["summary"], "Falsche Route");
    assert_eq!(flag["content"], "Falsche Route");
    assert!(
        flag["actor"]
            .as_str()
            .unwrap()
            .ends_with("/o/stadt-dortmund")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn friendica_posts_to_our_group_and_a_friendica_forum_passes_its_posts_on() {
    let nrw = Net::start().await;
    let group = our_group(&nrw).await;
    nrw.org("stadt-dortmund", false).await;
    let mut friendica = Lemmy::start_as("friendica").await;
    friendica.serve_actor(&nrw, "person.json", "heike");

    // Heike writes to our group by mentioning it (`!partnerschaften@…`): a thread.
    let create = friendica.fixture(&nrw, "create_article_to_group.json");
    let article_id = create["object"]["id"].as_str().unwrap().to_string();
    friendica.serve(&article_id, create["object"].clone());
    assert_eq!(
        friendica
            .send(&nrw, &format!("{group}/inbox"), "heike", &create)
            .await,
        StatusCode::ACCEPTED
    );
    let stored = nrw.stored_post(&article_id).await.expect("stored");
    assert_eq!(stored.post.object_type, "Article");
    assert_eq!(stored.post.audience.as_deref(), Some(group.as_str()));
    assert_eq!(stored.images[0].alt_text, "Schulhof der Gesamtschule");
    let (_, threads) = nrw
        .call(Method::GET, "/api/v1/groups/partnerschaften/threads", None)
        .await;
    assert_eq!(threads[0]["ap_id"], article_id.as_str(), "{threads}");
    assert_eq!(
        threads[0]["translations"][0]["title"],
        "Schulpartnerschaften: Wer hat Erfahrung mit eTwinning?"
    );

    // A Friendica forum we follow announces a member's post by its id.
    let forum = friendica.serve_actor(&nrw, "group.json", "forum");
    follow_group(&nrw, &friendica, &forum, "forum", |follow| {
        json!({"@context": "https://www.w3.org/ns/activitystreams",
            "id": format!("{}/objects/accept-1/Accept", friendica.base), "type": "Accept",
            "actor": forum, "to": [follow["actor"]],
            "object": {"id": follow["id"], "type": "Follow", "actor": follow["actor"],
                       "object": follow["object"]}})
    })
    .await;
    let post = friendica.fixture(&nrw, "forum_post.json");
    let post_id = post["id"].as_str().unwrap().to_string();
    friendica.serve(&post_id, post);
    let announce = friendica.fixture(&nrw, "announce_forum_post.json");
    assert_eq!(
        friendica
            .send(&nrw, &nrw.inst.url("/inbox"), "forum", &announce)
            .await,
        StatusCode::ACCEPTED
    );
    let stored = nrw.stored_post(&post_id).await.expect("the forum's post");
    assert_eq!(stored.post.audience.as_deref(), Some(forum.as_str()));
    assert_eq!(
        stored.images[0].alt_text,
        "Gruppenfoto vor der Kathedrale von Amiens"
    );
    assert_eq!(
        nrw.count("reactions").await,
        0,
        "a forum passing a post on is no boost"
    );
}
