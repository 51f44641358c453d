//! Words stored in text columns (partnership status and kind, delivery state) and answered
//! by SQL functions (`record_arrival`): the enums name exactly what the database allows, and
//! anything else read back is an error, never a default.

use crate::common::Ctx;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::result::Error;
use diesel::sql_types::Text;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use passerelle::db::models::delivery::DeliveryState;
use passerelle::db::models::partnership::DbPartnership;
use passerelle::vocab::{PartnershipKind, PartnershipStatus};

/// The quoted words of a CHECK constraint (`CHECK (status IN ('a', 'b'))`), sorted.
async fn check_words(conn: &mut AsyncPgConnection, constraint: &str) -> Vec<String> {
    let def: String = diesel::select(sql::<Text>(&format!(
        "(SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = '{constraint}')"
    )))
    .get_result(conn)
    .await
    .unwrap();
    let mut words: Vec<String> = def
        .split('\'')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect();
    words.sort();
    words
}

fn sorted(codes: impl IntoIterator<Item = &'static str>) -> Vec<String> {
    let mut v: Vec<String> = codes.into_iter().map(String::from).collect();
    v.sort();
    v
}

/// Reads `word` as a text value decoded into `T`.
async fn read_as<T>(conn: &mut AsyncPgConnection, word: &str) -> QueryResult<T>
where
    T: diesel::deserialize::FromSqlRow<Text, diesel::pg::Pg> + Send + 'static,
{
    diesel::select(word.into_sql::<Text>())
        .get_result::<T>(conn)
        .await
}

#[tokio::test]
async fn partnership_and_delivery_words_are_those_the_check_constraints_allow() {
    let ctx = Ctx::new().await;
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    assert_eq!(
        check_words(&mut conn, "partnerships_status_check").await,
        sorted(PartnershipStatus::ALL.map(PartnershipStatus::code))
    );
    assert_eq!(
        check_words(&mut conn, "partnerships_kind_check").await,
        sorted(PartnershipKind::ALL.map(PartnershipKind::code))
    );
    assert_eq!(
        check_words(&mut conn, "deliveries_state_check").await,
        sorted(DeliveryState::ALL.map(DeliveryState::code))
    );
}

#[tokio::test]
async fn a_partnership_status_or_delivery_state_the_enums_do_not_know_is_an_error() {
    let ctx = Ctx::new().await;
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    assert_eq!(
        read_as::<PartnershipStatus>(&mut conn, "dormant")
            .await
            .unwrap(),
        PartnershipStatus::Dormant
    );
    assert!(matches!(
        read_as::<PartnershipStatus>(&mut conn, "paused").await,
        Err(Error::DeserializationError(_))
    ));
    // A word an import accepts for a kind is not a stored code.
    assert!(matches!(
        read_as::<PartnershipKind>(&mut conn, "jumelage").await,
        Err(Error::DeserializationError(_))
    ));
    assert_eq!(
        read_as::<DeliveryState>(&mut conn, "gone").await.unwrap(),
        DeliveryState::Gone
    );
    assert!(matches!(
        read_as::<DeliveryState>(&mut conn, "Delivered").await,
        Err(Error::DeserializationError(_))
    ));

    // A row whose status is no longer one of ours fails to load rather than turning into
    // some default status.
    let a = ctx.org("stadt-dortmund").await;
    let b = ctx.org("ville-amiens").await;
    let row = ctx.twinning(&a, &b, "1").await;
    assert_eq!(
        (row.kind, row.status),
        (PartnershipKind::Twinning, PartnershipStatus::Active)
    );
    let stored: String = diesel::select(sql::<Text>(&format!(
        "(SELECT status FROM partnerships WHERE id = {})",
        row.id
    )))
    .get_result(&mut conn)
    .await
    .unwrap();
    assert_eq!(stored, "active", "stored as the word it always was");
    diesel::sql_query("ALTER TABLE partnerships DROP CONSTRAINT partnerships_status_check")
        .execute(&mut conn)
        .await
        .unwrap();
    diesel::sql_query("UPDATE partnerships SET status = 'paused'")
        .execute(&mut conn)
        .await
        .unwrap();
    assert!(matches!(
        DbPartnership::by_id(&mut conn, row.id).await,
        Err(Error::DeserializationError(_))
    ));
}

#[tokio::test]
async fn an_unknown_record_arrival_answer_is_an_error() {
    use passerelle::db::models::inbox::{Arrival, ArrivalOf, record_arrival};
    let ctx = Ctx::new().await;
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let arrival = |signature| ArrivalOf {
        signature,
        ap_id: "https://remote.example/a/1",
        kind: "Like",
        actor: "https://remote.example/users/a",
    };
    assert_eq!(
        record_arrival(&mut conn, &arrival("sig-1")).await.unwrap(),
        Arrival::New
    );
    assert_eq!(
        record_arrival(&mut conn, &arrival("sig-2")).await.unwrap(),
        Arrival::Repeat
    );
    // The function as a later migration might change it, answering a word we do not know.
    diesel::sql_query(
        "CREATE OR REPLACE FUNCTION record_arrival(sig_hash TEXT, activity TEXT, activity_kind TEXT, activity_actor TEXT)
         RETURNS TEXT LANGUAGE sql AS $$ SELECT 'deferred' $$",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    // A connection of its own: the pooled one keeps its prepared statement.
    let mut fresh = AsyncPgConnection::establish(ctx.inst.db.url.as_str())
        .await
        .unwrap();
    assert!(matches!(
        record_arrival(&mut fresh, &arrival("sig-3")).await,
        Err(Error::DeserializationError(_))
    ));
}
