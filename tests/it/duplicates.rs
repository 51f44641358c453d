//! Duplicate deliveries arriving at the same moment: a post's Create, its repeats and the
//! Announces of it, and many copies of a Like, all fired at once at a served instance. Every
//! answer is 202 and each thing is stored once.

use crate::common::Ctx;
use crate::remote_actors::{Remote, RemoteActor, deliver, org_with_post};
use futures::future::join_all;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::{Duration, SystemTime};

/// Fires every `(actor, activity, seconds back)` delivery at once, each signed that many
/// seconds before now; returns the answers that were not 202.
async fn fire_at_once(
    ctx: &Ctx,
    inbox: &str,
    sends: &[(&RemoteActor, Value, u64)],
) -> Vec<(StatusCode, String)> {
    let now = SystemTime::now();
    let answers = join_all(sends.iter().map(|(actor, activity, ago)| {
        deliver(
            &ctx.http,
            inbox,
            actor,
            activity,
            now - Duration::from_secs(*ago),
        )
    }))
    .await;
    answers
        .into_iter()
        .filter(|(status, _)| *status != StatusCode::ACCEPTED)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_duplicates_are_all_accepted_and_stored_once() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    let (amiens, our_post) = org_with_post(&ctx, "ville-amiens").await;
    let inbox = ctx.url("/inbox");
    let author = remote.actor(
        "/users/jumelage",
        "Person",
        json!({"preferredUsername": "jumelage"}),
    );
    let server = remote.actor("/actor", "Application", json!({}));
    let note_of = |n: u32| {
        json!({"id": format!("{}/notes/{n}", remote.base), "type": "Note",
               "attributedTo": author.id, "to": ["https://www.w3.org/ns/activitystreams#Public"],
               "published": "2026-11-30T10:00:00Z",
               "content": format!("<p>Rencontre des jumelages n° {n}</p>")})
    };
    let (note, note_id) = (note_of(1), format!("{}/notes/1", remote.base));
    remote.put("/notes/1", note.clone());
    remote.put("/notes/2", note_of(2));

    // 1. Twenty copies of one Like (each signed afresh) and five Likes under other ids, from
    // an actor not known yet: fetched concurrently, stored once, one like.
    let like = |n: u32| {
        json!({"id": format!("{}/activities/like/{n}", remote.base), "type": "Like",
               "actor": author.id, "object": our_post})
    };
    let mut sends: Vec<_> = (0..20).map(|i| (&author, like(1), i)).collect();
    sends.extend((2..7).map(|n| (&author, like(n), 0)));
    let refused = fire_at_once(&ctx, &inbox, &sends).await;
    assert!(refused.is_empty(), "{refused:?}");
    assert_eq!(
        ctx.count(&format!("actors WHERE ap_id = '{}'", author.id))
            .await,
        1
    );
    assert_eq!(ctx.count("reactions WHERE kind = 'Like'").await, 1);
    assert_eq!(
        ctx.count(&format!(
            "received_activities WHERE ap_id LIKE '{}/activities/like/%'",
            remote.base
        ))
        .await,
        6
    );

    // Amiens follows both remote actors, so that their posts and Announces are stored.
    let follow = |n: u32, actor: &str| {
        json!({"id": format!("{}/activities/follow/{n}", remote.base), "type": "Follow",
               "actor": actor, "object": amiens.ap_id.as_str()})
    };
    let (status, body) = deliver(
        &ctx.http,
        &inbox,
        &server,
        &follow(1, &server.id),
        SystemTime::now(),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    {
        use diesel_async::RunQueryDsl;
        let mut conn = ctx.inst.state().pool.get().await.unwrap();
        diesel::sql_query(format!(
            "INSERT INTO follows (follower_id, followed_id, accepted) \
             SELECT {}, id, true FROM actors WHERE NOT local",
            amiens.id
        ))
        .execute(&mut conn)
        .await
        .unwrap();
    }

    // 2. The note's Create twenty times, five Creates of it under other ids, the server
    // actor's Announce of it twenty times and under five other ids, and five boosts by its
    // author: all at once.
    let create = |n: u32| {
        json!({"id": format!("{}/activities/create/{n}", remote.base), "type": "Create",
               "actor": author.id, "to": note["to"], "object": note})
    };
    let announce_of = |object: &str, n: u32, actor: &str| {
        json!({"id": format!("{}/activities/announce/{n}", remote.base), "type": "Announce",
               "actor": actor, "to": note["to"], "object": object})
    };
    let announce = |n: u32, actor: &str| announce_of(&note_id, n, actor);
    let mut sends: Vec<_> = Vec::new();
    for i in 0..20 {
        sends.push((&author, create(1), i));
        sends.push((&server, announce(1, &server.id), i));
    }
    for n in 2..7 {
        sends.push((&author, create(n), 0));
        sends.push((&server, announce(n, &server.id), 0));
        sends.push((&author, announce(n + 10, &author.id), 0));
    }
    let refused = fire_at_once(&ctx, &inbox, &sends).await;
    assert!(refused.is_empty(), "{refused:?}");
    let post = format!("posts WHERE ap_id = '{note_id}'");
    assert_eq!(ctx.count(&post).await, 1);
    assert_eq!(
        ctx.count(&format!("{post} AND updated IS NULL")).await,
        1,
        "the duplicates changed nothing"
    );
    assert_eq!(
        ctx.count(&format!(
            "post_translations WHERE post_id IN (SELECT id FROM {post})"
        ))
        .await,
        1
    );
    // The author's boosts count once; the server actor's Announces are copies, not boosts.
    assert_eq!(ctx.count("reactions WHERE kind = 'Announce'").await, 1);
    assert_eq!(
        ctx.count(&format!(
            "received_activities WHERE ap_id LIKE '{}/activities/%'",
            remote.base
        ))
        .await,
        6 + 1 + 6 + 6 + 5,
        "likes, the follow, creates, the server's announces, the author's boosts"
    );

    // 3. Announces alone of a note not stored yet, each fetching it; the remote server
    // answers ten fetches together, so that they all try to store it at once.
    remote.gate("/notes/2", 10);
    let note_id = format!("{}/notes/2", remote.base);
    let mut sends: Vec<_> = (0..10)
        .map(|i| (&server, announce_of(&note_id, 100, &server.id), i))
        .collect();
    for n in 101..111 {
        sends.push((&server, announce_of(&note_id, n, &server.id), 0));
        sends.push((&author, announce_of(&note_id, n + 100, &author.id), 0));
    }
    let refused = fire_at_once(&ctx, &inbox, &sends).await;
    assert!(refused.is_empty(), "{refused:?}");
    let post = format!("posts WHERE ap_id = '{note_id}' AND updated IS NULL");
    assert_eq!(ctx.count(&post).await, 1);
    assert_eq!(ctx.count("reactions WHERE kind = 'Announce'").await, 2);

    // 4. One partnership offered under ten activity ids at once: one partnership.
    let offer = |n: u32| {
        json!({"id": format!("{}/activities/offer/{n}", remote.base), "type": "Offer",
               "actor": author.id, "to": [amiens.ap_id.as_str()], "target": amiens.ap_id.as_str(),
               "object": {"id": format!("{}/partnerships/1", remote.base), "type": "Relationship",
                          "subject": author.id, "object": amiens.ap_id.as_str(),
                          "relationship": "https://w3id.org/passerelle/ns#twinning",
                          "partnershipKind": "twinning"}})
    };
    let sends: Vec<_> = (1..11).map(|n| (&author, offer(n), 0)).collect();
    let refused = fire_at_once(&ctx, &inbox, &sends).await;
    assert!(refused.is_empty(), "{refused:?}");
    assert_eq!(ctx.count("partnerships").await, 1);
}
