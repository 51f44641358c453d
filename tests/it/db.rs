//! The database layer: atomic writes, migrations under a lock, every column readable.

use crate::common::Ctx;
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
        object_type: "Article".into(),
        main_language: "de".into(),
        themes: vec![],
        sdgs: vec![],
        partners: vec![],
        place: None,
        starts_on: None,
        ends_on: None,
        html_url: None,
        in_reply_to: None,
        translations: vec![TranslationData {
            language: "de".into(),
            title: "T".into(),
            summary: "S".into(),
            body_markdown: None,
            content_html: String::new(),
        }],
        images: vec![ImageData {
            url: "https://i.example/a.jpg".into(),
            alt_text: " ".into(),
            media_type: None,
        }],
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
        passerelle::db::MIGRATIONS_COUNT
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
