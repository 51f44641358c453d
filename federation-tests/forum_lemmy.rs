//! Our groups with Lemmy (FEP-1b12), with the fake Lemmy of `lemmy.rs` sending its fixtures
//! signed: a Lemmy user follows one of our groups and posts a thread; the group stores it and
//! announces the activity unchanged (and the plain `Announce{Page}`) in the shape Lemmy
//! validates; our Group actor has what Lemmy reads; a banned user's next thread is refused.
//! And the other way: a Lemmy community's removal and lock of its own thread, announced by
//! the community, apply here; the same from a moderator on another host are refused; its
//! members' edits (taken from the post's own host) and deletions of their own threads, from
//! any instance, apply too.

use crate::common::{Net, wait_for};
use crate::lemmy::Lemmy;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

fn strings(v: &Value) -> Vec<&str> {
    match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

/// `fixture` with the Lemmy community's URL swapped for our group's.
fn to_our_group(mut doc: Value, lemmy: &Lemmy, group: &str) -> Value {
    let community = format!("{}/c/staedtepartnerschaften", lemmy.base);
    let text = doc.to_string().replace(&community, group);
    doc = serde_json::from_str(&text).unwrap();
    doc
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lemmy_user_takes_part_in_our_group_as_lemmy_expects() {
    let nrw = Net::start().await;
    let (status, g) = nrw
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
    let group = g["id"].as_str().unwrap().to_string();
    let group_inbox = format!("{group}/inbox");
    let mut lemmy = Lemmy::start_as("lemmy").await;
    let jonas = lemmy.serve_actor(&nrw, "person.json", "jonas");

    // Our Group as Lemmy reads a community (fetched signed: secure mode).
    let (status, actor) = lemmy.signed_get(&nrw, &group, "jonas").await;
    assert_eq!(status, StatusCode::OK, "{actor}");
    assert_eq!(actor["type"], "Group");
    assert_eq!(actor["preferredUsername"], "partnerschaften");
    assert_eq!(actor["publicKey"]["owner"], group.as_str());
    for key in ["inbox", "outbox", "followers", "featured", "attributedTo"] {
        assert!(
            actor[key].as_str().is_some_and(|u| u.starts_with(&group)),
            "{key}: {actor}"
        );
    }
    assert_eq!(actor["postingRestrictedToMods"], false);
    assert!(actor["endpoints"]["sharedInbox"].is_string());
    let (status, mods) = lemmy
        .signed_get(&nrw, actor["attributedTo"].as_str().unwrap(), "jonas")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(mods["type"], "OrderedCollection");

    // Jonas follows the group: accepted at once.
    let follow = to_our_group(
        json!({"@context": ["https://join-lemmy.org/context.json", "https://www.w3.org/ns/activitystreams"],
               "actor": jonas, "to": [group], "object": group, "type": "Follow",
               "id": format!("{}/activities/follow/5e1d", lemmy.base)}),
        &lemmy,
        &group,
    );
    assert_eq!(
        lemmy.send(&nrw, &group_inbox, "jonas", &follow).await,
        StatusCode::ACCEPTED
    );
    let (_, accept) = lemmy
        .received("the group's Accept", |a| a["type"] == "Accept")
        .await;
    assert_eq!(accept["actor"], group.as_str());
    assert_eq!(accept["object"]["id"], follow["id"]);

    // Jonas starts a thread in the group (Lemmy's Create{Page}, addressed to the group).
    let create = to_our_group(lemmy.fixture(&nrw, "create_page.json"), &lemmy, &group);
    let page_id = create["object"]["id"].as_str().unwrap().to_string();
    lemmy.serve(&page_id, create["object"].clone());
    assert_eq!(
        lemmy.send(&nrw, &group_inbox, "jonas", &create).await,
        StatusCode::ACCEPTED
    );
    let stored = nrw
        .stored_post(&page_id)
        .await
        .expect("the thread is stored");
    assert_eq!(stored.post.object_type, "Page");
    assert_eq!(stored.post.audience.as_deref(), Some(group.as_str()));

    // The group passes the Create on unchanged, as Lemmy checks an Announce: the group is
    // its actor, the wrapped activity is the author's own (its actor's host is the
    // object's), public, to the group's followers.
    let (_, announce) = lemmy
        .received("the group's Announce of the Create", |a| {
            a["type"] == "Announce" && a["object"]["type"] == "Create"
        })
        .await;
    assert_eq!(announce["actor"], group.as_str());
    assert!(strings(&announce["to"]).contains(&PUBLIC));
    assert!(strings(&announce["cc"]).contains(&format!("{group}/followers").as_str()));
    let inner = &announce["object"];
    assert_eq!(inner["id"], create["id"], "wrapped unchanged");
    assert_eq!(inner, &create, "wrapped unchanged");
    let host = |u: &Value| {
        url::Url::parse(u.as_str().unwrap())
            .unwrap()
            .host_str()
            .map(String::from)
    };
    assert_eq!(host(&inner["actor"]), host(&inner["object"]["id"]));
    // … and the plain Announce{Page}, which is what Mastodon shows.
    let (_, plain) = lemmy
        .received("the group's Announce of the Page", |a| {
            a["type"] == "Announce" && a["object"]["type"] == "Page"
        })
        .await;
    assert_eq!(plain["object"]["id"], page_id.as_str());

    // Banned: Jonas's next thread is refused (403) and not stored.
    let (status, body) = nrw
        .call(
            Method::POST,
            "/api/v1/groups/partnerschaften/moderation",
            Some(json!({"action": "ban", "object": jonas, "reason": "Spam"})),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let mut again = create.clone();
    again["id"] = json!(format!("{}/activities/create/second", lemmy.base));
    again["object"]["id"] = json!(format!("{}/post/48999", lemmy.base));
    assert_eq!(
        lemmy.send(&nrw, &group_inbox, "jonas", &again).await,
        StatusCode::FORBIDDEN
    );
    assert!(
        nrw.stored_post(&format!("{}/post/48999", lemmy.base))
            .await
            .is_none()
    );
    // The ban reached Jonas (Lemmy reads a Block with the group as target).
    let (_, block) = lemmy
        .received("the ban", |a| a["object"]["type"] == "Block")
        .await;
    assert_eq!(block["object"]["object"], jonas.as_str());
    assert_eq!(block["object"]["target"], group.as_str());
}

/// An edit of a thread stays in the thread's group: an `Update` naming another group does not
/// move it there; once the thread is removed its edits are neither stored nor passed on; a
/// ban holds for edits, whatever group the `Update` names (or none).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_members_edit_stays_in_its_group_and_bans_and_removals_hold() {
    let nrw = Net::start().await;
    let mut groups = Vec::new();
    for (handle, mods_only) in [("partnerschaften", false), ("ankuendigungen", true)] {
        let (status, g) = nrw
            .call(
                Method::POST,
                "/api/v1/groups",
                Some(json!({"handle": handle, "name": {"de": handle},
                    "moderators": ["redaktion"], "posting_restricted_to_mods": mods_only})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{g}");
        groups.push(g["id"].as_str().unwrap().to_string());
    }
    let (group, other) = (groups[0].clone(), groups[1].clone());
    let group_inbox = format!("{group}/inbox");
    let mut lemmy = Lemmy::start_as("lemmy").await;
    let jonas = lemmy.serve_actor(&nrw, "person.json", "jonas");
    let create = to_our_group(lemmy.fixture(&nrw, "create_page.json"), &lemmy, &group);
    let page_id = create["object"]["id"].as_str().unwrap().to_string();
    lemmy.serve(&page_id, create["object"].clone());
    assert_eq!(
        lemmy.send(&nrw, &group_inbox, "jonas", &create).await,
        StatusCode::ACCEPTED
    );
    let audience = |p: Option<passerelle::db::models::post::PostFull>| {
        p.and_then(|p| p.post.audience).unwrap_or_default()
    };
    assert_eq!(audience(nrw.stored_post(&page_id).await), group);

    // Edited, naming the moderators-only group: stored, still in its own group.
    let update = to_our_group(lemmy.fixture(&nrw, "update_page.json"), &lemmy, &other);
    assert_eq!(
        lemmy
            .send(&nrw, &format!("{other}/inbox"), "jonas", &update)
            .await,
        StatusCode::ACCEPTED
    );
    assert_eq!(audience(nrw.stored_post(&page_id).await), group);
    let passed_on = |id: &str| {
        format!(
            "outbound_activities o JOIN actors a ON a.id = o.actor_id \
             WHERE a.ap_id = '{other}' AND o.payload LIKE '%{id}%'"
        )
    };
    assert_eq!(
        nrw.count(&passed_on(update["id"].as_str().unwrap())).await,
        0,
        "the other group passes nothing on"
    );

    // Removed by a moderator: a later edit is neither stored nor passed on.
    let (status, body) = nrw
        .call(
            Method::POST,
            "/api/v1/groups/partnerschaften/moderation",
            Some(json!({"action": "remove", "object": page_id, "reason": "Doppelt"})),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let mut later = to_our_group(lemmy.fixture(&nrw, "update_page.json"), &lemmy, &group);
    later["id"] = json!(format!("{}/activities/update/later", lemmy.base));
    later["object"]["updated"] = json!("2025-06-11T07:00:00Z");
    later["object"]["name"] = json!("Nach der Entfernung");
    assert_eq!(
        lemmy.send(&nrw, &group_inbox, "jonas", &later).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(
        nrw.count(&passed_on("update/later").replace(&other, &group))
            .await,
        0
    );
    assert_eq!(
        nrw.count("post_translations WHERE title = 'Nach der Entfernung'")
            .await,
        0
    );

    // Banned: an edit of another thread of his is refused, though it names no group.
    let mut second = create.clone();
    second["id"] = json!(format!("{}/activities/create/second", lemmy.base));
    second["object"]["id"] = json!(format!("{}/post/48999", lemmy.base));
    let second_id = second["object"]["id"].as_str().unwrap().to_string();
    lemmy.serve(&second_id, second["object"].clone());
    assert_eq!(
        lemmy.send(&nrw, &group_inbox, "jonas", &second).await,
        StatusCode::ACCEPTED
    );
    let (status, body) = nrw
        .call(
            Method::POST,
            "/api/v1/groups/partnerschaften/moderation",
            Some(json!({"action": "ban", "object": jonas, "reason": "Spam"})),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let mut edit = lemmy.fixture(&nrw, "update_page.json");
    edit["id"] = json!(format!("{}/activities/update/banned", lemmy.base));
    edit["object"]["id"] = json!(second_id);
    edit["object"]["updated"] = json!("2025-06-12T07:00:00Z");
    edit["cc"] = json!([]);
    edit["object"]["to"] = json!([PUBLIC]);
    edit["object"].as_object_mut().unwrap().remove("audience");
    assert_eq!(
        lemmy
            .send(&nrw, &nrw.inst.url("/inbox"), "jonas", &edit)
            .await,
        StatusCode::FORBIDDEN
    );
}

/// Stadt Dortmund on `nrw` follows the fake Lemmy's community, which accepts and announces
/// a member's thread (`announce_create_page.json`), stored here. The community's id, `nrw`'s
/// shared inbox, the Announce and the thread's id.
async fn community_with_a_thread(nrw: &Net, lemmy: &mut Lemmy) -> (String, String, Value, String) {
    nrw.org("stadt-dortmund", false).await;
    let community = lemmy.serve_actor(nrw, "actor.json", "community");
    lemmy.serve_actor(nrw, "person.json", "jonas");
    let inbox = nrw.inst.url("/inbox");
    nrw.follow("stadt-dortmund", &community).await;
    let (_, follow) = lemmy
        .received("the Follow", |a| a["type"] == "Follow")
        .await;
    let mut accept = lemmy.fixture(nrw, "accept_follow.json");
    accept["object"] = follow;
    assert_eq!(
        lemmy.send(nrw, &inbox, "community", &accept).await,
        StatusCode::ACCEPTED
    );
    let announce_page = lemmy.fixture(nrw, "announce_create_page.json");
    let page = announce_page["object"]["object"].clone();
    let page_id = page["id"].as_str().unwrap().to_string();
    lemmy.serve(&page_id, page);
    assert_eq!(
        lemmy.send(nrw, &inbox, "community", &announce_page).await,
        StatusCode::ACCEPTED
    );
    nrw.stored_post(&page_id)
        .await
        .expect("the thread is stored");
    (community, inbox, announce_page, page_id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lemmy_communitys_moderation_of_its_thread_applies_here_from_its_own_host_only() {
    let nrw = Net::start().await;
    let mut lemmy = Lemmy::start_as("lemmy").await;
    let (_, inbox, _, page_id) = community_with_a_thread(&nrw, &mut lemmy).await;

    // A lock by the community's moderator, announced by the community.
    let lock = lemmy.fixture(&nrw, "announce_lock_page.json");
    assert_eq!(
        lemmy.send(&nrw, &inbox, "community", &lock).await,
        StatusCode::ACCEPTED
    );
    let (_, thread) = nrw
        .call(
            Method::GET,
            &format!(
                "/api/v1/threads?id={}",
                url::form_urlencoded::byte_serialize(page_id.as_bytes()).collect::<String>()
            ),
            None,
        )
        .await;
    assert_eq!(thread["thread"]["locked"], true, "{thread}");
    let (status, body) = nrw
        .call(
            Method::POST,
            "/api/v1/organisations/stadt-dortmund/comments",
            Some(json!({"language": "de", "body": "Noch was", "in_reply_to": page_id})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");

    // A removal whose moderator is on another host is refused, nothing changes.
    let mut forged = lemmy.fixture(&nrw, "announce_remove_page.json");
    forged["id"] = json!(format!("{}/activities/announce/forged", lemmy.base));
    forged["object"]["actor"] = json!("https://elsewhere.example/u/mallory");
    assert_eq!(
        lemmy.send(&nrw, &inbox, "community", &forged).await,
        StatusCode::FORBIDDEN
    );
    assert!(
        nrw.stored_post(&page_id)
            .await
            .unwrap()
            .post
            .deleted_at
            .is_none()
    );

    // The community's own removal applies, and is recorded with its reason.
    let remove = lemmy.fixture(&nrw, "announce_remove_page.json");
    assert_eq!(
        lemmy.send(&nrw, &inbox, "community", &remove).await,
        StatusCode::ACCEPTED
    );
    wait_for("the removal applies", 10, || async {
        nrw.stored_post(&page_id).await?.post.deleted_at.map(|_| ())
    })
    .await;
    assert_eq!(
        nrw.count("moderation_log WHERE action = 'remove' AND reason = 'Werbung'")
            .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lemmy_community_passes_on_its_members_edits_and_deletions_from_any_instance() {
    let nrw = Net::start().await;
    let mut lemmy = Lemmy::start_as("lemmy").await;
    // The community passes on a thread of its own instance's member, and one of a member on
    // another Lemmy instance (another host).
    let (community, inbox, announce_page, page_id) =
        community_with_a_thread(&nrw, &mut lemmy).await;
    let mut other = Lemmy::start_as("lemmy").await;
    let member = other.serve_actor(&nrw, "person.json", "jonas");
    let mut foreign = announce_page.clone();
    let foreign_id = format!("{}/post/777", other.base);
    foreign["id"] = json!(format!("{}/activities/announce/foreign", lemmy.base));
    foreign["object"]["id"] = json!(format!("{}/activities/create/777", other.base));
    foreign["object"]["actor"] = json!(member);
    foreign["object"]["object"]["id"] = json!(foreign_id);
    foreign["object"]["object"]["attributedTo"] = json!(member);
    other.serve(&foreign_id, foreign["object"]["object"].clone());
    assert_eq!(
        lemmy.send(&nrw, &inbox, "community", &foreign).await,
        StatusCode::ACCEPTED
    );
    for id in [&page_id, &foreign_id] {
        nrw.stored_post(id).await.expect("the thread is stored");
    }

    // The member edits the thread; the community announces the Update. The edit is taken
    // from the post's own host.
    let update = lemmy.fixture(&nrw, "update_page.json");
    lemmy.serve(&page_id, update["object"].clone());
    let announce_update = json!({"@context": announce_page["@context"],
        "id": format!("{}/activities/announce/update-1", lemmy.base), "type": "Announce",
        "actor": community, "to": [PUBLIC], "cc": [format!("{community}/followers")],
        "object": update});
    assert_eq!(
        lemmy
            .send(&nrw, &inbox, "community", &announce_update)
            .await,
        StatusCode::ACCEPTED
    );
    let stored = nrw.stored_post(&page_id).await.unwrap();
    assert!(
        stored
            .translations
            .iter()
            .any(|t| t.title.contains("noch 3 Gastfamilien")),
        "{:?}",
        stored.translations
    );
    // The community's own profile edit, announced: accepted, nothing stored as a post.
    let profile = json!({"@context": announce_page["@context"],
        "id": format!("{}/activities/announce/update-2", lemmy.base), "type": "Announce",
        "actor": community, "to": [PUBLIC],
        "object": {"id": format!("{}/activities/update/profile", lemmy.base), "type": "Update",
            "actor": community, "to": [PUBLIC],
            "object": lemmy.fixture(&nrw, "actor.json")}});
    assert_eq!(
        lemmy.send(&nrw, &inbox, "community", &profile).await,
        StatusCode::ACCEPTED
    );
    assert!(nrw.stored_post(&community).await.is_none());

    // The member on the other instance deletes its own thread; the community announces it.
    let mut delete = lemmy.fixture(&nrw, "delete_page.json");
    delete["id"] = json!(format!("{}/activities/delete/777", other.base));
    delete["actor"] = json!(member);
    delete["object"] = json!(foreign_id);
    let announce_delete = json!({"@context": announce_page["@context"],
        "id": format!("{}/activities/announce/delete-777", lemmy.base), "type": "Announce",
        "actor": community, "to": [PUBLIC], "object": delete});
    assert_eq!(
        lemmy
            .send(&nrw, &inbox, "community", &announce_delete)
            .await,
        StatusCode::ACCEPTED
    );
    let gone = nrw.stored_post(&foreign_id).await.unwrap();
    assert!(gone.post.deleted_at.is_some());
    // Another instance's actor deleting a thread that is not its own stays refused.
    let mut forged = announce_delete.clone();
    forged["id"] = json!(format!("{}/activities/announce/delete-forged", lemmy.base));
    forged["object"]["object"] = json!(page_id);
    assert_eq!(
        lemmy.send(&nrw, &inbox, "community", &forged).await,
        StatusCode::FORBIDDEN
    );
    assert!(
        nrw.stored_post(&page_id)
            .await
            .unwrap()
            .post
            .deleted_at
            .is_none()
    );
}
