//! The delivery queue's own operations on a real database: batched claims under the
//! per-instance limit and leases, batched recording of outcomes, and instance health.

use crate::common::numbers;
use diesel::OptionalExtension;
use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Bool, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use passerelle::db::models::delivery::{self as queue, Claimed, Finished, Outcome, Payloads};
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::state::AppState;
use passerelle::testing::TestDb;
use passerelle::vocab::OrgKind;

/// An unserved instance (no worker runs) with `per_domain` deliveries queued for each of
/// `domains` instances.
async fn queued(domains: usize, per_domain: usize) -> (TestDb, AppState) {
    let inboxes: Vec<(String, String)> = (0..domains * per_domain)
        .map(|i| {
            let d = format!("d{}.example", i % domains);
            (format!("https://{d}/inbox/{i}"), d)
        })
        .collect();
    queued_to(&inboxes).await
}

/// An unserved instance (no worker runs) with one activity queued for `inboxes` (URL and
/// instance).
async fn queued_to(inboxes: &[(String, String)]) -> (TestDb, AppState) {
    let (db, state) = crate::common::unserved().await;
    let mut conn = state.pool.get().await.unwrap();
    let org = orgs::create(
        &mut conn,
        &state.urls,
        &NewOrganisation {
            handle: "stadt-queue".into(),
            name: "Stadt Queue".into(),
            kind: OrgKind::Municipality,
            profile: Profile::default(),
        },
    )
    .await
    .unwrap();
    queue::enqueue(
        &mut conn,
        "https://here.example/activities/1",
        org.id,
        "Create",
        None,
        "{}",
        inboxes,
    )
    .await
    .unwrap();
    drop(conn);
    (db, state)
}

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Text)]
    state: String,
    #[diesel(sql_type = Bool)]
    due: bool,
}

/// A delivery still in the queue: its state, and whether a claim could take it (due, and
/// held by no live lease). None once it is delivered.
async fn row(conn: &mut AsyncPgConnection, id: i64) -> Option<Row> {
    diesel::sql_query(
        "SELECT state, (next_attempt_at <= now() AND NOT EXISTS (
                    SELECT 1 FROM delivery_leases l WHERE l.until > now() AND d.id = ANY (l.ids)
                )) AS due
         FROM deliveries d WHERE id = $1",
    )
    .bind::<BigInt, _>(id)
    .get_result(conn)
    .await
    .optional()
    .unwrap()
}

#[derive(QueryableByName)]
struct Delivered {
    #[diesel(sql_type = Text)]
    inbox: String,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    attempts: i32,
}

/// The deliveries recorded as delivered, by inbox.
async fn delivered(conn: &mut AsyncPgConnection) -> Vec<Delivered> {
    diesel::sql_query(
        "SELECT t.inbox, t.attempts FROM delivered_batches b,
                unnest(b.inboxes, b.attempts) AS t(inbox, attempts)
         ORDER BY t.inbox",
    )
    .load(conn)
    .await
    .unwrap()
}

/// Claims up to `limit` for a worker with nothing in flight, leasing for `lease` seconds.
async fn claim(
    conn: &mut AsyncPgConnection,
    limit: i64,
    per_domain: i64,
    lease: i64,
) -> Vec<Claimed> {
    queue::claim(
        conn,
        limit,
        per_domain,
        &[],
        lease,
        &mut Payloads::default(),
    )
    .await
    .unwrap()
}

fn per_domain(claimed: &[Claimed]) -> std::collections::BTreeMap<String, usize> {
    let mut m = std::collections::BTreeMap::new();
    for d in claimed {
        *m.entry(d.domain.clone()).or_default() += 1;
    }
    m
}

#[tokio::test]
async fn claims_respect_the_room_left_per_instance_and_leases() {
    let (_db, state) = queued(3, 10).await;
    let mut conn = state.pool.get().await.unwrap();
    // d0 already has 3 of its 4 in flight here, d1 is full, d2 has none.
    let busy = vec![("d0.example".to_string(), 3), ("d1.example".to_string(), 4)];
    let first = queue::claim(&mut conn, 50, 4, &busy, 60, &mut Payloads::default())
        .await
        .unwrap();
    let counts = per_domain(&first);
    assert_eq!(counts.get("d0.example"), Some(&1), "{counts:?}");
    assert_eq!(counts.get("d1.example"), None, "{counts:?}");
    assert_eq!(counts.get("d2.example"), Some(&4), "{counts:?}");
    // Leased rows are no longer due and are not claimed again.
    assert!(!row(&mut conn, first[0].id).await.unwrap().due);
    let second = claim(&mut conn, 50, 4, 60).await;
    assert_eq!(second.len(), 12, "4 per instance");
    assert!(second.iter().all(|d| first.iter().all(|f| f.id != d.id)));
    // The limit caps the batch.
    let third = claim(&mut conn, 2, 10, 60).await;
    assert_eq!(third.len(), 2);
}

#[tokio::test]
async fn a_lease_that_ran_out_makes_the_delivery_due_again() {
    let (_db, state) = queued(1, 1).await;
    let mut conn = state.pool.get().await.unwrap();
    let first = claim(&mut conn, 10, 10, 1).await;
    assert_eq!(first.len(), 1);
    assert!(claim(&mut conn, 10, 10, 1).await.is_empty());
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let again = claim(&mut conn, 10, 10, 1).await;
    assert_eq!(again.len(), 1, "a crashed worker's claim is taken over");
    assert_eq!(again[0].id, first[0].id);
}

#[derive(QueryableByName)]
struct Health {
    #[diesel(sql_type = Bool)]
    failing: bool,
    #[diesel(sql_type = Bool)]
    unreachable: bool,
}

async fn health(conn: &mut AsyncPgConnection, domain: &str) -> Health {
    diesel::sql_query(
        "SELECT failing_since IS NOT NULL AS failing, unreachable FROM instances WHERE domain = $1",
    )
    .bind::<Text, _>(domain)
    .get_result(conn)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_batch_of_outcomes_is_recorded_in_one_go() {
    let (_db, state) = queued(4, 2).await;
    let mut conn = state.pool.get().await.unwrap();
    let claimed = claim(&mut conn, 4, 1, 60).await;
    assert_eq!(claimed.len(), 4);
    let outcome = |d: &Claimed| match d.domain.as_str() {
        "d0.example" => Outcome::Delivered(202),
        "d1.example" => Outcome::Gone,
        "d2.example" => Outcome::Rejected(403, "no".into()),
        _ => Outcome::Retry(Some(503), "HTTP 503".into()),
    };
    let retry_at = chrono::Utc::now() + chrono::Duration::hours(1);
    let done: Vec<Finished> = claimed
        .iter()
        .map(|d| Finished {
            delivery: d.clone(),
            outcome: outcome(d),
            retry_at,
        })
        .collect();
    queue::finish_many(&mut conn, &done, &[claimed[0].lease])
        .await
        .unwrap();
    for d in &claimed {
        let expected = match d.domain.as_str() {
            "d0.example" => None,
            "d1.example" => Some("gone"),
            "d2.example" => Some("rejected"),
            _ => Some("pending"),
        };
        let r = row(&mut conn, d.id).await;
        assert_eq!(
            r.as_ref().map(|r| r.state.as_str()),
            expected,
            "{}",
            d.domain
        );
        if let Some(r) = r
            && expected == Some("pending")
        {
            assert!(!r.due, "a retry waits for its backoff");
        }
    }
    // The delivered one left the queue and is kept with its inbox and attempts.
    let kept = delivered(&mut conn).await;
    assert_eq!(kept.len(), 1);
    let d0 = claimed.iter().find(|d| d.domain == "d0.example").unwrap();
    assert_eq!(
        (kept[0].inbox.as_str(), kept[0].attempts),
        (d0.inbox.as_str(), 1)
    );
    let s = queue::summary(&mut conn).await.unwrap();
    assert_eq!((s.delivered, s.gave_up), (1, 2), "{s:?}");
    let h = health(&mut conn, "d3.example").await;
    assert!(h.failing && !h.unreachable);
    let h = health(&mut conn, "d0.example").await;
    assert!(!h.failing && !h.unreachable);
    // A success revives a failing instance.
    queue::instances_alive(&mut conn, &["d3.example"])
        .await
        .unwrap();
    assert!(!health(&mut conn, "d3.example").await.failing);
    // A healthy instance seen again is not rewritten.
    #[derive(QueryableByName)]
    struct Xmin {
        #[diesel(sql_type = Text)]
        xmin: String,
    }
    let xmin = async |conn: &mut AsyncPgConnection| {
        diesel::sql_query("SELECT xmin::text AS xmin FROM instances WHERE domain = 'd0.example'")
            .get_result::<Xmin>(conn)
            .await
            .unwrap()
            .xmin
    };
    let before = xmin(&mut conn).await;
    queue::instances_alive(&mut conn, &["d0.example"])
        .await
        .unwrap();
    assert_eq!(xmin(&mut conn).await, before);
}

#[tokio::test]
async fn each_claimed_delivery_carries_its_activity_s_payload_read_once() {
    let (_db, state) = queued(2, 2).await;
    let mut conn = state.pool.get().await.unwrap();
    let org = sender(&mut conn).await;
    let inboxes = vec![(
        "https://d0.example/inbox/x".to_string(),
        "d0.example".to_string(),
    )];
    let second = queue::enqueue(
        &mut conn,
        "https://here.example/activities/2",
        org,
        "Update",
        None,
        r#"{"type":"Update"}"#,
        &inboxes,
    )
    .await
    .unwrap();
    let mut payloads = Payloads::default();
    let claimed = queue::claim(&mut conn, 10, 10, &[], 60, &mut payloads)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 5);
    for d in &claimed {
        let expected: &[u8] = if d.activity_id == second {
            br#"{"type":"Update"}"#
        } else {
            b"{}"
        };
        assert_eq!(&d.payload[..], expected);
        assert_eq!(d.actor_id, org);
    }
    // The four deliveries of the first activity share one buffer.
    let first: Vec<_> = claimed.iter().filter(|d| d.activity_id != second).collect();
    assert_eq!(first.len(), 4);
    assert!(
        first
            .iter()
            .all(|d| d.payload.as_ptr() == first[0].payload.as_ptr())
    );
}

#[derive(QueryableByName)]
struct N {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The actor that sent the activities `queued` made.
async fn sender(conn: &mut AsyncPgConnection) -> i64 {
    diesel::sql_query("SELECT actor_id AS n FROM outbound_activities LIMIT 1")
        .get_result::<N>(conn)
        .await
        .unwrap()
        .n
}

#[tokio::test]
async fn a_claim_whose_payloads_outgrow_the_store_still_carries_each() {
    let (_db, state) = queued(1, 1).await;
    let mut conn = state.pool.get().await.unwrap();
    let org = sender(&mut conn).await;
    // Three activities of 3 MB each: more than the store keeps (8 MB).
    let big = format!("\"{}\"", "x".repeat(3 << 20));
    for i in 0..3 {
        let inboxes = vec![(
            format!("https://e{i}.example/inbox"),
            format!("e{i}.example"),
        )];
        queue::enqueue(
            &mut conn,
            &format!("https://here.example/activities/big{i}"),
            org,
            "Create",
            None,
            &big,
            &inboxes,
        )
        .await
        .unwrap();
    }
    let claimed = claim(&mut conn, 10, 10, 60).await;
    assert_eq!(claimed.len(), 4, "every claimed delivery is handed out");
    assert_eq!(
        claimed
            .iter()
            .filter(|d| d.payload.len() == big.len())
            .count(),
        3
    );
}

#[tokio::test]
async fn a_claim_writes_one_lease_and_leaves_the_deliveries_as_they_were() {
    let (_db, state) = queued(2, 3).await;
    let mut conn = state.pool.get().await.unwrap();
    #[derive(QueryableByName)]
    struct Version {
        #[diesel(sql_type = Text)]
        v: String,
    }
    let versions = async |conn: &mut AsyncPgConnection| -> Vec<String> {
        diesel::sql_query(
            "SELECT ctid::text || xmin::text || xmax::text AS v FROM deliveries ORDER BY id",
        )
        .load::<Version>(conn)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.v)
        .collect()
    };
    let before = versions(&mut conn).await;
    let claimed = claim(&mut conn, 4, 10, 60).await;
    assert_eq!(claimed.len(), 4);
    assert_eq!(
        versions(&mut conn).await,
        before,
        "no delivery row was written"
    );
    assert!(
        claimed.iter().all(|d| d.lease == claimed[0].lease),
        "one lease"
    );
    let leases = diesel::sql_query("SELECT count(*) AS n FROM delivery_leases")
        .get_result::<N>(&mut conn)
        .await
        .unwrap()
        .n;
    assert_eq!(leases, 1);
}

#[tokio::test]
async fn a_released_lease_frees_its_retries_once_due_and_only_then() {
    let (_db, state) = queued(1, 2).await;
    let mut conn = state.pool.get().await.unwrap();
    let claimed = claim(&mut conn, 2, 10, 60).await;
    assert_eq!(claimed.len(), 2);
    // The first fails and is due again at once; the second is still in flight.
    let failed = Finished {
        delivery: claimed[0].clone(),
        outcome: Outcome::Retry(Some(503), "HTTP 503".into()),
        retry_at: chrono::Utc::now() - chrono::Duration::seconds(1),
    };
    queue::finish_many(&mut conn, std::slice::from_ref(&failed), &[])
        .await
        .unwrap();
    assert!(
        claim(&mut conn, 2, 10, 60).await.is_empty(),
        "the lease holds while its claim has a delivery in flight"
    );
    let ok = Finished {
        delivery: claimed[1].clone(),
        outcome: Outcome::Delivered(202),
        retry_at: chrono::Utc::now(),
    };
    queue::finish_many(&mut conn, &[ok], &[claimed[1].lease])
        .await
        .unwrap();
    let again = claim(&mut conn, 2, 10, 60).await;
    assert_eq!(
        again.iter().map(|d| (d.id, d.attempts)).collect::<Vec<_>>(),
        vec![(claimed[0].id, 1)],
        "the retry, and not the delivered one"
    );
}

#[tokio::test]
async fn reports_and_a_person_s_inboxes_read_the_delivered_batches_too() {
    let (_db, state) = queued(1, 1).await;
    let mut conn = state.pool.get().await.unwrap();
    let org = sender(&mut conn).await;
    let object = "https://here.example/posts/1";
    let inboxes: Vec<(String, String)> = ["a", "b", "c"]
        .iter()
        .map(|d| (format!("https://{d}.example/inbox"), format!("{d}.example")))
        .collect();
    queue::enqueue(
        &mut conn,
        "https://here.example/activities/report",
        org,
        "Create",
        Some(object),
        "{}",
        &inboxes,
    )
    .await
    .unwrap();
    let claimed = claim(&mut conn, 10, 10, 60).await;
    assert_eq!(claimed.len(), 4);
    // c.example's delivery is still in flight; the others have answered.
    let done: Vec<Finished> = claimed
        .iter()
        .filter(|d| d.domain != "c.example")
        .map(|d| Finished {
            delivery: d.clone(),
            outcome: if d.domain == "b.example" {
                Outcome::Rejected(403, "no".into())
            } else {
                Outcome::Delivered(202)
            },
            retry_at: chrono::Utc::now(),
        })
        .collect();
    assert_eq!(done.len(), 3);
    queue::finish_many(&mut conn, &done, &[]).await.unwrap();

    let report: Vec<(String, String, i32)> = queue::report_for_object(&mut conn, object)
        .await
        .unwrap()
        .into_iter()
        .map(|(d, s, a, _)| (d, s.to_string(), a))
        .collect();
    assert_eq!(
        report,
        vec![
            ("a.example".to_string(), "delivered".to_string(), 1),
            ("b.example".to_string(), "rejected".to_string(), 1),
            ("c.example".to_string(), "pending".to_string(), 0),
        ]
    );
    // Whoever was sent something of the actor, delivered or not, hears of its deletion.
    let saw = passerelle::db::models::person::inboxes_that_saw(&mut conn, org)
        .await
        .unwrap();
    let saw: Vec<&str> = saw.iter().map(|(i, _)| i.as_str()).collect();
    assert_eq!(
        saw,
        vec![
            "https://a.example/inbox",
            "https://b.example/inbox",
            "https://c.example/inbox",
            "https://d0.example/inbox/0",
        ]
    );
}

#[tokio::test]
async fn a_success_writes_an_instance_s_health_only_where_the_worker_asks() {
    let (_db, state) = queued(2, 2).await;
    let mut conn = state.pool.get().await.unwrap();
    let claimed = claim(&mut conn, 4, 2, 60).await;
    assert_eq!(claimed.len(), 4);
    let retry_at = chrono::Utc::now() + chrono::Duration::hours(1);
    let finished = |d: &Claimed, outcome: Outcome| Finished {
        delivery: d.clone(),
        outcome,
        retry_at,
    };
    let on = |dom: &str| -> Vec<&Claimed> { claimed.iter().filter(|d| d.domain == dom).collect() };
    let (d0, d1) = (on("d0.example"), on("d1.example"));
    let [a0, a1, b0, b1] = [d0[0], d0[1], d1[0], d1[1]];
    // Both instances fail once.
    queue::finish_many(
        &mut conn,
        &[
            finished(a0, Outcome::Retry(Some(503), "HTTP 503".into())),
            finished(b0, Outcome::Retry(None, "timeout".into())),
        ],
        &[],
    )
    .await
    .unwrap();
    assert!(health(&mut conn, "d0.example").await.failing);
    assert!(health(&mut conn, "d1.example").await.failing);
    // Then both answer; the worker asks for d1 to be written only (it wrote d0 moments ago,
    // as far as it knows). The deliveries are recorded either way.
    let asked = std::sync::Mutex::new(Vec::new());
    queue::finish_and_claim(
        &mut conn,
        &[
            finished(a1, Outcome::Delivered(202)),
            finished(b1, Outcome::Delivered(202)),
        ],
        &[claimed[0].lease],
        &|d| {
            asked.lock().unwrap().push(d.to_string());
            d == "d1.example"
        },
        &queue::ClaimRequest::NONE,
        &mut Payloads::default(),
    )
    .await
    .unwrap();
    let mut asked = asked.into_inner().unwrap();
    asked.sort();
    assert_eq!(
        asked,
        ["d0.example", "d1.example"],
        "asked once per instance"
    );
    assert!(
        health(&mut conn, "d0.example").await.failing,
        "left as it was"
    );
    assert!(!health(&mut conn, "d1.example").await.failing, "revived");
    let kept = delivered(&mut conn).await;
    assert_eq!(kept.len(), 2, "both successes recorded");
    let leases = numbers(&mut conn, "SELECT id AS n FROM delivery_leases").await;
    assert!(leases.is_empty(), "the lease is released");
    // A failure among the successes is written whatever the worker says of the others.
    let more = {
        drop(conn);
        let mut conn = state.pool.get().await.unwrap();
        diesel::sql_query("UPDATE deliveries SET next_attempt_at = now() WHERE state = 'pending'")
            .execute(&mut conn)
            .await
            .unwrap();
        claim(&mut conn, 4, 2, 60).await
    };
    assert_eq!(more.len(), 2, "the two retries");
    let mut conn = state.pool.get().await.unwrap();
    let done: Vec<Finished> = more
        .iter()
        .map(|d| match d.domain.as_str() {
            "d0.example" => finished(d, Outcome::Delivered(202)),
            _ => finished(d, Outcome::Retry(Some(502), "HTTP 502".into())),
        })
        .collect();
    queue::finish_and_claim(
        &mut conn,
        &done,
        &[],
        &|_| false,
        &queue::ClaimRequest::NONE,
        &mut Payloads::default(),
    )
    .await
    .unwrap();
    assert!(
        health(&mut conn, "d0.example").await.failing,
        "not asked for"
    );
    assert!(
        health(&mut conn, "d1.example").await.failing,
        "failed again"
    );
}

#[tokio::test]
async fn one_call_records_outcomes_then_claims_with_what_they_freed() {
    let (_db, state) = queued(1, 4).await;
    let mut conn = state.pool.get().await.unwrap();
    let first = claim(&mut conn, 2, 10, 60).await;
    assert_eq!(first.len(), 2);
    let lease = first[0].lease;
    // One delivered, one to retry at once; the claim's lease is released in the same call,
    // which then claims for a worker that has nothing in flight.
    let past = chrono::Utc::now() - chrono::Duration::seconds(5);
    let done = [
        Finished {
            delivery: first[0].clone(),
            outcome: Outcome::Delivered(202),
            retry_at: past,
        },
        Finished {
            delivery: first[1].clone(),
            outcome: Outcome::Retry(Some(503), "HTTP 503".into()),
            retry_at: past,
        },
    ];
    let request = queue::ClaimRequest {
        limit: 10,
        per_domain: 10,
        busy: &[],
        lease_seconds: 60,
    };
    let mut payloads = Payloads::default();
    let next = queue::finish_and_claim(
        &mut conn,
        &done,
        &[lease],
        &|_| true,
        &request,
        &mut payloads,
    )
    .await
    .unwrap();
    let mut ids: Vec<i64> = next.iter().map(|d| d.id).collect();
    ids.sort();
    let all = numbers(&mut conn, "SELECT id AS n FROM deliveries ORDER BY id").await;
    assert_eq!(all.len(), 3, "the delivered one left the queue");
    assert!(
        !ids.contains(&first[0].id),
        "the delivered one is not claimed again"
    );
    assert_eq!(
        ids, all,
        "the retry, freed in the same call, and the two never claimed"
    );
    assert!(
        next.iter().all(|d| d.payload.as_ref() == b"{}"),
        "with their payloads"
    );
    let retried = next.iter().find(|d| d.id == first[1].id).unwrap();
    assert_eq!(retried.attempts, 1, "the retry carries its attempt");
    let leases = numbers(&mut conn, "SELECT id AS n FROM delivery_leases").await;
    assert_eq!(
        leases,
        [next[0].lease],
        "the old lease is gone, the new one holds the claim"
    );
    // All delivered, nothing left to claim: one statement, and an empty claim.
    let done: Vec<Finished> = next
        .iter()
        .map(|d| Finished {
            delivery: d.clone(),
            outcome: Outcome::Delivered(202),
            retry_at: past,
        })
        .collect();
    let none = queue::finish_and_claim(
        &mut conn,
        &done,
        &[next[0].lease],
        &|_| true,
        &request,
        &mut payloads,
    )
    .await
    .unwrap();
    assert!(none.is_empty());
    assert_eq!(delivered(&mut conn).await.len(), 4);
    let s = queue::summary(&mut conn).await.unwrap();
    assert_eq!((s.delivered, s.gave_up), (4, 0), "{s:?}");
}

#[tokio::test]
async fn a_stopped_worker_records_what_it_has_in_flight_before_it_returns() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    // An instance that takes 300 ms to answer.
    let arrived = Arc::new(AtomicUsize::new(0));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = arrived.clone();
    let app = axum::Router::new().route(
        "/inbox/{n}",
        axum::routing::post(move || {
            let seen = seen.clone();
            async move {
                seen.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                axum::http::StatusCode::ACCEPTED
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await });
    let domain = format!("127.0.0.1:{port}");
    let inboxes: Vec<(String, String)> = (0..6)
        .map(|i| (format!("http://{domain}/inbox/{i}"), domain.clone()))
        .collect();
    let (_db, state) = queued_to(&inboxes).await;
    // (diesel's `RunQueryDsl::load` would shadow the atomic's.)
    let sent = || AtomicUsize::load(&arrived, Ordering::SeqCst);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let wakeup = passerelle::state::Wakeup::default();
    let worker = tokio::spawn(passerelle::federation::delivery::run(
        state.clone(),
        wakeup.clone(),
        stopped,
    ));
    wakeup.wake();
    // Stop once all six are on their way, before any has been answered.
    for _ in 0..500 {
        if sent() == 6 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(sent(), 6, "all six sent");
    stop.send(true).unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(20), worker)
        .await
        .expect("the worker returns after a stop")
        .unwrap();
    // Their answers came in after the stop and were recorded before it returned.
    let mut conn = state.pool.get().await.unwrap();
    let s = queue::summary(&mut conn).await.unwrap();
    assert_eq!((s.delivered, s.pending), (6, 0), "{s:?}");
    let leases = numbers(&mut conn, "SELECT id AS n FROM delivery_leases").await;
    assert!(leases.is_empty(), "their lease is released");
    assert_eq!(sent(), 6, "none sent twice");
}

#[tokio::test]
async fn a_first_wave_of_deliveries_loads_the_sender_s_key_once() {
    let (_db, state) = queued(1, 1).await;
    let org = {
        let mut conn = state.pool.get().await.unwrap();
        sender(&mut conn).await
    };
    // As many tasks as the worker starts at once, all asking before any key is loaded.
    let keys: Vec<_> = futures::future::join_all((0..32).map(|_| {
        let state = state.clone();
        tokio::spawn(async move { state.keys.get(&state.pool, org).await.unwrap() })
    }))
    .await
    .into_iter()
    .map(|k| k.unwrap())
    .collect();
    assert!(
        keys.iter().all(|k| std::sync::Arc::ptr_eq(k, &keys[0])),
        "every task got the one key loaded"
    );
    let again = state.keys.get(&state.pool, org).await.unwrap();
    assert!(std::sync::Arc::ptr_eq(&again, &keys[0]));
}
