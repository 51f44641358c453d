//! A peer network's subscription and our publications, when they happen at the same time.

use crate::common::{Ctx, post_data};
use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use passerelle::db::models::actor::{DbActor, NewActor};
use passerelle::db::models::post::DbPost;
use passerelle::error::AppError;
use passerelle::federation::activities::{post, relay};
use passerelle::testing::TestInstance;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

const PEER: &str = "peer.example";

fn peer_actor() -> NewActor {
    NewActor::remote(
        &format!("https://{PEER}/actor"),
        "Application",
        PEER,
        PEER,
        "Peer network",
    )
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

async fn count(conn: &mut AsyncPgConnection, sql: &str, bind: &str) -> i64 {
    diesel::sql_query(sql)
        .bind::<Text, _>(bind)
        .get_result::<Count>(conn)
        .await
        .unwrap()
        .n
}

/// A post is published in a transaction that is still open when a peer network's
/// subscription arrives. Each side could miss the other's uncommitted row: the post's
/// fan-out the new subscriber, the subscription's backfill the new post. The subscription
/// must wait for the publication to commit, and then its backfill sends the post.
#[tokio::test]
async fn a_post_published_while_a_peer_subscribes_reaches_the_peer() {
    let inst = TestInstance::start_with(|c| c.federation.peers = vec![PEER.to_string()])
        .await
        .unwrap();
    let ctx = Ctx::with(inst).await;
    let state = ctx.inst.state().clone();
    let author = ctx.org("stadt-lock").await;
    let mut setup = state.pool.get().await.unwrap();
    let peer = DbActor::upsert_remote(&mut setup, &peer_actor())
        .await
        .unwrap();
    let instance = relay::instance_actor(&mut setup).await.unwrap();

    let mut publishing = state.pool.get().await.unwrap();
    let mut subscribing = state.pool.get().await.unwrap();
    let (published_tx, published_rx) = tokio::sync::oneshot::channel::<()>();
    let (commit_tx, commit_rx) = tokio::sync::oneshot::channel::<()>();
    let subscribed = AtomicBool::new(false);
    let ap_id = state.urls.post(&uuid::Uuid::new_v4());

    // The post is written and its deliveries queued; the transaction stays open.
    let publication = publishing.transaction::<_, AppError, _>(async |conn| {
        let full = DbPost::create(conn, &ap_id, author.id, true, &post_data()).await?;
        post::publish(conn, &state, &author, &full, false).await?;
        published_tx.send(()).unwrap();
        commit_rx.await.expect("the test commits");
        Ok(())
    });
    // The peer's Follow of our instance actor arrives meanwhile.
    let subscription = async {
        published_rx.await.unwrap();
        subscribing
            .transaction::<_, AppError, _>(async |conn| {
                relay::receive_subscription(
                    conn,
                    &state,
                    &peer,
                    &instance,
                    "https://peer.example/f/1",
                )
                .await?;
                Ok(())
            })
            .await
            .unwrap();
        AtomicBool::store(&subscribed, true, Ordering::SeqCst);
    };
    // The publication commits once the subscription has either finished (nothing held it
    // back) or is seen waiting for a lock.
    let control = async {
        let mut watch = state.pool.get().await.unwrap();
        loop {
            let waiting = count(
                &mut watch,
                "SELECT count(*) AS n FROM pg_locks WHERE locktype = $1 AND NOT granted",
                "advisory",
            )
            .await;
            if waiting > 0 || AtomicBool::load(&subscribed, Ordering::SeqCst) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        commit_tx.send(()).unwrap();
    };
    let (published, (), ()) = tokio::join!(publication, subscription, control);
    published.unwrap();

    // The peer gets the post: its Create, or the backfill's Announce of it.
    let to_peer = count(
        &mut setup,
        "SELECT count(*) AS n FROM (
             SELECT activity_id, domain FROM deliveries
             UNION ALL
             SELECT b.activity_id, t.domain FROM delivered_batches b, unnest(b.domains) AS t(domain)
         ) d JOIN outbound_activities a ON a.id = d.activity_id
         WHERE d.domain = 'peer.example' AND a.object_ap_id = $1",
        &ap_id,
    )
    .await;
    assert!(to_peer >= 1, "the post was sent to the new subscriber");
}
