//! The maintenance pass on a real database: old sent activities are forgotten only once
//! their deliveries are finished, and where they went stays for a person's later `Delete`;
//! old ids of received activities, signatures, failed logins and sessions go, recent ones
//! stay.

use crate::common::{names, post_data};
use chrono::{Duration, Utc};
use diesel::sql_types::BigInt;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use passerelle::config::RetentionConfig;
use passerelle::db::models::delivery::{self as queue, Finished, Outcome, Payloads};
use passerelle::db::models::person::inboxes_that_saw;
use passerelle::db::models::post::DbPost;
use passerelle::maintenance::{self, Forgotten};
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::state::AppState;
use passerelle::testing::TestDb;
use passerelle::vocab::OrgKind;

const RETENTION: RetentionConfig = RetentionConfig {
    sent_days: 30,
    received_days: 20,
};

/// An unserved instance (no worker, no maintenance task of its own) and one organisation.
async fn instance() -> (TestDb, AppState, i64) {
    let (db, state) = crate::common::unserved().await;
    let org = org(&state, "stadt-alt").await;
    (db, state, org)
}

async fn org(state: &AppState, handle: &str) -> i64 {
    let mut conn = state.pool.get().await.unwrap();
    orgs::create(
        &mut conn,
        &state.urls,
        &NewOrganisation {
            handle: handle.into(),
            name: handle.into(),
            kind: OrgKind::Municipality,
            profile: Profile::default(),
        },
    )
    .await
    .unwrap()
    .id
}

fn inboxes(domains: &[&str]) -> Vec<(String, String)> {
    domains
        .iter()
        .map(|d| (format!("https://{d}/inbox"), d.to_string()))
        .collect()
}

/// Queues an activity of `actor` about `object` to `domains`, created `age` ago.
async fn sent(
    conn: &mut AsyncPgConnection,
    actor: i64,
    name: &str,
    object: Option<&str>,
    domains: &[&str],
    age: Duration,
) -> i64 {
    let id = queue::enqueue(
        conn,
        &format!("https://here.example/activities/{name}"),
        actor,
        "Create",
        object,
        "{}",
        &inboxes(domains),
    )
    .await
    .unwrap();
    diesel::sql_query("UPDATE outbound_activities SET created_at = now() - $2 WHERE id = $1")
        .bind::<BigInt, _>(id)
        .bind::<diesel::sql_types::Interval, _>(age)
        .execute(conn)
        .await
        .unwrap();
    id
}

/// Claims everything due and records `outcome(domain)` for each; `None` leaves it pending
/// (a retry in an hour).
async fn answer(conn: &mut AsyncPgConnection, outcome: impl Fn(&str) -> Option<Outcome>) {
    let claimed = queue::claim(conn, 100, 100, &[], 60, &mut Payloads::default())
        .await
        .unwrap();
    let done: Vec<Finished> = claimed
        .iter()
        .map(|d| Finished {
            delivery: d.clone(),
            outcome: outcome(&d.domain)
                .unwrap_or_else(|| Outcome::Retry(Some(503), "HTTP 503".into())),
            retry_at: Utc::now() + Duration::hours(1),
        })
        .collect();
    let mut leases: Vec<i64> = claimed.iter().map(|d| d.lease).collect();
    leases.dedup();
    queue::finish_many(conn, &done, &leases).await.unwrap();
}

async fn saw(conn: &mut AsyncPgConnection, actor: i64) -> Vec<String> {
    inboxes_that_saw(conn, actor)
        .await
        .unwrap()
        .into_iter()
        .map(|(inbox, _)| inbox)
        .collect()
}

#[tokio::test]
async fn old_finished_activities_are_forgotten_and_where_they_went_stays() {
    let (_db, state, org) = instance().await;
    let mut conn = state.pool.get().await.unwrap();
    let old = Duration::days(40);
    // Old, all finished: delivered to a, refused by b.
    sent(
        &mut conn,
        org,
        "old-done",
        None,
        &["a.example", "b.example"],
        old,
    )
    .await;
    // Old, but c has not answered yet.
    sent(&mut conn, org, "old-pending", None, &["c.example"], old).await;
    // Recent, delivered.
    sent(
        &mut conn,
        org,
        "recent",
        None,
        &["d.example"],
        Duration::days(2),
    )
    .await;
    answer(&mut conn, |d| match d {
        "a.example" | "d.example" => Some(Outcome::Delivered(202)),
        "b.example" => Some(Outcome::Rejected(403, "no".into())),
        _ => None,
    })
    .await;
    let before = saw(&mut conn, org).await;
    assert_eq!(
        before,
        [
            "https://a.example/inbox",
            "https://b.example/inbox",
            "https://c.example/inbox",
            "https://d.example/inbox"
        ]
    );

    let f = maintenance::pass(&mut conn, &RETENTION, Utc::now(), 1000, &|| false)
        .await
        .unwrap();
    assert_eq!(f.sent_activities, 1, "{f:?}");
    let left = names(
        &mut conn,
        "SELECT ap_id AS name FROM outbound_activities ORDER BY id",
    )
    .await;
    assert_eq!(
        left,
        [
            "https://here.example/activities/old-pending",
            "https://here.example/activities/recent"
        ]
    );
    // Its deliveries and delivered batch went with it; the others' stay.
    let inboxes = names(
        &mut conn,
        "SELECT inbox AS name FROM deliveries
         UNION ALL SELECT unnest(inboxes) FROM delivered_batches ORDER BY name",
    )
    .await;
    assert_eq!(
        inboxes,
        ["https://c.example/inbox", "https://d.example/inbox"]
    );
    // A person's Delete still reaches every inbox it reached before.
    assert_eq!(saw(&mut conn, org).await, before);
    // Nothing more to forget until c answers.
    let again = maintenance::pass(&mut conn, &RETENTION, Utc::now(), 1000, &|| false)
        .await
        .unwrap();
    assert_eq!(again, Forgotten::default());
    diesel::sql_query("UPDATE deliveries SET next_attempt_at = now()")
        .execute(&mut conn)
        .await
        .unwrap();
    answer(&mut conn, |_| Some(Outcome::Delivered(202))).await;
    let f = maintenance::pass(&mut conn, &RETENTION, Utc::now(), 1000, &|| false)
        .await
        .unwrap();
    assert_eq!(f.sent_activities, 1, "{f:?}");
    assert_eq!(saw(&mut conn, org).await, before);
    let reach = names(
        &mut conn,
        "SELECT inbox || ' ' || domain AS name FROM delivery_reach ORDER BY inbox",
    )
    .await;
    assert_eq!(
        reach,
        [
            "https://a.example/inbox a.example",
            "https://b.example/inbox b.example",
            "https://c.example/inbox c.example"
        ]
    );
}

#[tokio::test]
async fn what_others_sent_about_a_post_stays_as_reach_of_its_author() {
    let (_db, state, group) = instance().await;
    let author = org(&state, "stadt-autor").await;
    let mut conn = state.pool.get().await.unwrap();
    let post = "https://here.example/posts/thread";
    DbPost::create(&mut conn, post, author, true, &post_data())
        .await
        .unwrap();
    // The group announced the author's thread to e and f, long ago; in batches of one.
    for (i, d) in ["e.example", "f.example"].iter().enumerate() {
        sent(
            &mut conn,
            group,
            &format!("announce-{i}"),
            Some(post),
            &[d],
            Duration::days(31),
        )
        .await;
    }
    answer(&mut conn, |_| Some(Outcome::Delivered(202))).await;
    let before = saw(&mut conn, author).await;
    assert_eq!(
        before,
        ["https://e.example/inbox", "https://f.example/inbox"]
    );
    let f = maintenance::pass(&mut conn, &RETENTION, Utc::now(), 1, &|| false)
        .await
        .unwrap();
    assert_eq!(f.sent_activities, 2, "{f:?}");
    assert_eq!(saw(&mut conn, author).await, before);
    assert_eq!(saw(&mut conn, group).await, before);
}

#[tokio::test]
async fn old_arrivals_signatures_logins_and_sessions_go_and_recent_ones_stay() {
    let (_db, state, _) = instance().await;
    let mut conn = state.pool.get().await.unwrap();
    for (sql, n) in [
        (
            "INSERT INTO received_activities (ap_id, kind, actor, received_at)
             SELECT 'https://r.example/a/' || i, 'Create', 'https://r.example/u',
                    now() - make_interval(days => CASE WHEN i <= 5 THEN 21 ELSE 19 END)
             FROM generate_series(1, 7) i",
            7,
        ),
        (
            // A signature dated up to 12 hours ahead verifies until 24 hours after it came.
            "INSERT INTO seen_signatures (hash, seen_at)
             SELECT 'h' || i, now() - make_interval(hours => CASE WHEN i <= 3 THEN 26 ELSE 24 END)
             FROM generate_series(1, 4) i",
            4,
        ),
        (
            "INSERT INTO login_failures (username, ip, failed_at)
             SELECT 'anna', '192.0.2.1', now() - make_interval(mins => CASE WHEN i <= 2 THEN 16 ELSE 1 END)
             FROM generate_series(1, 3) i",
            3,
        ),
    ] {
        let inserted = diesel::sql_query(sql).execute(&mut conn).await.unwrap();
        assert_eq!(inserted, n);
    }
    diesel::sql_query(
        "WITH a AS (INSERT INTO accounts (username, password_hash) VALUES ('anna', 'x')
                    RETURNING id)
         INSERT INTO web_sessions (token_hash, account_id, csrf_token, expires_at)
         SELECT 't' || i, a.id, 'c',
                now() + CASE WHEN i <= 2 THEN interval '-31 days' WHEN i = 3 THEN interval '-1 hour'
                             ELSE interval '1 hour' END
         FROM a, generate_series(1, 4) i",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    diesel::sql_query(
        "INSERT INTO form_submissions (key, account_id, location, created_at)
         SELECT 'k' || i, a.id, '/editor', now() - make_interval(hours => CASE WHEN i <= 1 THEN 25 ELSE 1 END)
         FROM accounts a, generate_series(1, 2) i WHERE a.username = 'anna'",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    diesel::sql_query(
        "INSERT INTO kept_forms (token_hash, account_id, action, page, multipart, fields, created_at)
         SELECT 'k' || i, a.id, '/editor/x/posts', '/editor/x/posts/new', false, '[]',
                now() - make_interval(hours => CASE WHEN i <= 1 THEN 25 ELSE 1 END)
         FROM accounts a, generate_series(1, 2) i WHERE a.username = 'anna'",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    // In batches of two: every batch is taken until none is left.
    let f = maintenance::pass(&mut conn, &RETENTION, Utc::now(), 2, &|| false)
        .await
        .unwrap();
    assert_eq!(
        f,
        Forgotten {
            sent_activities: 0,
            received_activities: 5,
            signatures: 3,
            login_failures: 2,
            sessions: 2,
            form_keys: 1,
            kept_forms: 1,
        }
    );
    let left = names(
        &mut conn,
        "SELECT 'received ' || count(*) AS name FROM received_activities
         UNION ALL SELECT 'signatures ' || count(*) FROM seen_signatures
         UNION ALL SELECT 'failures ' || count(*) FROM login_failures
         UNION ALL SELECT 'sessions ' || count(*) FROM web_sessions",
    )
    .await;
    assert_eq!(
        left,
        ["received 2", "signatures 1", "failures 1", "sessions 2"]
    );
}

#[tokio::test]
async fn a_pass_asked_to_stop_ends_between_batches_and_the_next_one_goes_on() {
    let (_db, state, _) = instance().await;
    let mut conn = state.pool.get().await.unwrap();
    diesel::sql_query(
        "INSERT INTO received_activities (ap_id, kind, actor, received_at)
         SELECT 'https://r.example/a/' || i, 'Create', 'https://r.example/u', now() - interval '40 days'
         FROM generate_series(1, 5) i",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    // The stop comes while the second batch of two is deleted.
    let asked = std::sync::atomic::AtomicUsize::new(0);
    let stopping = || asked.fetch_add(1, std::sync::atomic::Ordering::SeqCst) >= 2;
    let f = maintenance::pass(&mut conn, &RETENTION, Utc::now(), 2, &stopping)
        .await
        .unwrap();
    assert_eq!(f.received_activities, 4, "{f:?}");
    let f = maintenance::pass(&mut conn, &RETENTION, Utc::now(), 2, &|| false)
        .await
        .unwrap();
    assert_eq!(f.received_activities, 1, "{f:?}");
}

#[tokio::test]
async fn an_old_post_without_delivery_records_tells_its_editor_they_are_not_kept() {
    let ctx = crate::common::Ctx::new().await;
    ctx.org("stadt-essen").await;
    let token = ctx.editor("redaktion", &["stadt-essen"]).await;
    let mut ap_ids = Vec::new();
    for title in ["Alt", "Neu"] {
        let resp = ctx
            .http
            .post(ctx.url("/api/v1/organisations/stadt-essen/posts"))
            .bearer_auth(&token)
            .json(&crate::common::bilingual(title))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), reqwest::StatusCode::CREATED);
        let post: serde_json::Value = resp.json().await.unwrap();
        ap_ids.push(post["ap_id"].as_str().unwrap().to_string());
    }
    // "Alt" was published 40 days ago; neither was sent anywhere (no followers), so no
    // delivery is on record for either.
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    diesel::sql_query("UPDATE posts SET published = now() - interval '40 days' WHERE ap_id = $1")
        .bind::<diesel::sql_types::Text, _>(&ap_ids[0])
        .execute(&mut conn)
        .await
        .unwrap();
    let ed = crate::common::Editor::login(&ctx, "redaktion").await;
    let (_, html) = ed.get("/editor/stadt-essen?lang=en").await;
    let not_kept = "Published more than 30 days ago: deliveries are not kept on record that long.";
    assert_eq!(html.matches(not_kept).count(), 1, "{html}");
    assert_eq!(
        html.matches("Not sent to any other instance yet.").count(),
        1,
        "{html}"
    );
    let key = ap_ids[0].rsplit('/').next().unwrap();
    let (status, report) = ctx
        .json(
            ctx.get(&format!("/api/v1/posts/{key}/deliveries"))
                .bearer_auth(&token),
        )
        .await;
    assert_eq!(status, reqwest::StatusCode::OK);
    assert_eq!(report["records_kept_days"], 30);
    assert_eq!(report["inboxes"], 0);
    let (_, html) = ed
        .get(&format!("/editor/posts/{key}/deliveries?lang=fr"))
        .await;
    assert!(
        html.contains(
            "Publié il y a plus de 30\u{a0}jours\u{202f}: les envois ne sont pas conservés aussi longtemps."
        ),
        "{html}"
    );
}
