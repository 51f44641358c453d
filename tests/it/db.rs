//! The database layer: atomic writes, migrations under a lock, every column readable.

use crate::common::{Ctx, post_data};
use passerelle::db::models::post::{DbPost, ImageData, PostData, TranslationData};
use passerelle::testing::TestDb;

#[tokio::test]
async fn a_failed_post_insert_leaves_no_row() {
    let ctx = Ctx::new().await;
    let actor = ctx.org("stadt-dortmund").await;
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    // Bypass validation to make the last insert of the transaction fail (empty alt text
    // violates a CHECK constraint): the post and its translations must be rolled back too.
    let data = PostData {
        images: vec![ImageData {
            url: "https://i.example/a.jpg".into(),
            alt_text: " ".into(),
            media_type: None,
        }],
        ..post_data()
    };
    let result = DbPost::create(
        &mut conn,
        &format!("{}/posts/x", ctx.inst.base),
        actor.id,
        true,
        &data,
    )
    .await;
    assert!(result.is_err());
    assert_eq!(ctx.count("posts").await, 0);
    assert_eq!(ctx.count("post_translations").await, 0);
}

#[tokio::test]
async fn parallel_migrations_do_not_collide() {
    let db = TestDb::new().await.unwrap();
    // A fresh, empty database migrated by several "processes" at once.
    passerelle::db::drop_database(&db.url).await.unwrap();
    passerelle::db::ensure_database(&db.url).await.unwrap();
    let runs = (0..4).map(|_| passerelle::db::run_migrations(&db.url));
    let results = futures::future::join_all(runs).await;
    let applied: Vec<usize> = results
        .into_iter()
        .map(|r| r.expect("migration succeeds"))
        .collect();
    assert_eq!(
        applied.iter().sum::<usize>(),
        passerelle::db::migrations_count()
    );
}

#[tokio::test]
async fn every_mapped_column_exists() {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    use passerelle::db::models::{account, actor, follow, post};
    use passerelle::db::schema::*;
    let ctx = Ctx::new().await;
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    // Selecting every mapped column fails on a column the migrations lack.
    actors::table
        .select(actor::DbActor::as_select())
        .load(&mut conn)
        .await
        .unwrap();
    accounts::table
        .select(account::Account::as_select())
        .load(&mut conn)
        .await
        .unwrap();
    api_tokens::table
        .select(account::ApiToken::as_select())
        .load(&mut conn)
        .await
        .unwrap();
    editors::table
        .select((editors::account_id, editors::actor_id, editors::created_at))
        .load::<(i64, i64, chrono::DateTime<chrono::Utc>)>(&mut conn)
        .await
        .unwrap();
    posts::table
        .select(post::DbPost::as_select())
        .load(&mut conn)
        .await
        .unwrap();
    post_translations::table
        .select(post::DbTranslation::as_select())
        .load(&mut conn)
        .await
        .unwrap();
    post_images::table
        .select(post::DbImage::as_select())
        .load(&mut conn)
        .await
        .unwrap();
    follows::table
        .select(follow::DbFollow::as_select())
        .load(&mut conn)
        .await
        .unwrap();
}

/// The inbox's one-statement path for a new post (`receive_new_post`): records and stores
/// together, recognises a replay, leaves a stored post to the general path, and writes
/// nothing at all when the post cannot be stored.
#[tokio::test]
async fn the_inbox_new_post_statement_is_atomic() {
    use passerelle::db::models::inbox::{ArrivalOf, NewPost, receive_new_post};
    let ctx = Ctx::new().await;
    let actor = ctx.org("stadt-dortmund").await;
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let one = |title: &str, sdg: i16| PostData {
        object_type: "Note".into(),
        sdgs: vec![sdg],
        translations: vec![TranslationData {
            language: "de".into(),
            title: title.into(),
            summary: "S".into(),
            body_markdown: None,
            content_html: "<p>Text</p>".into(),
        }],
        ..post_data()
    };
    // (signature, activity n, post n, SDG): the outcome.
    let mut receive = async |signature: &str, activity: u32, post: u32, sdg: i16| {
        let arrival = ArrivalOf {
            signature,
            ap_id: &format!("https://remote.example/a/{activity}"),
            kind: "Create",
            actor: "https://remote.example/users/a",
        };
        let data = one(&format!("Beitrag {post}"), sdg);
        let post = format!("https://remote.example/p/{post}");
        receive_new_post(
            &mut conn,
            &arrival,
            &post,
            actor.id,
            &data,
            chrono::Utc::now(),
        )
        .await
    };
    let counts = async || {
        (
            ctx.count("posts").await,
            ctx.count("post_translations").await,
            ctx.count("received_activities").await,
            ctx.count("seen_signatures").await,
        )
    };
    assert_eq!(receive("sig-1", 1, 1, 11).await.unwrap(), NewPost::Stored);
    assert_eq!(counts().await, (1, 1, 1, 1));
    assert_eq!(ctx.count("search_pending WHERE kind = 'post'").await, 1);
    // The same signature again: a replay, nothing written.
    assert_eq!(receive("sig-1", 2, 2, 11).await.unwrap(), NewPost::Replay);
    // A new signature for an activity received before: a repeat; only the signature is
    // recorded (so that this request, too, is a replay if it comes again), as on the
    // general path.
    assert_eq!(receive("sig-2", 1, 3, 11).await.unwrap(), NewPost::Repeat);
    // A post stored before: left to the general path, nothing written.
    assert_eq!(receive("sig-3", 4, 1, 11).await.unwrap(), NewPost::Exists);
    assert_eq!(counts().await, (1, 1, 1, 2));
    // A post that cannot be stored (an SDG that does not exist): an error, and the arrival
    // is not recorded either.
    assert!(receive("sig-5", 5, 5, 18).await.is_err());
    assert_eq!(counts().await, (1, 1, 1, 2));
}
