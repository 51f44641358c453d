//! The persistent delivery queue: activities we send, one delivery row per destination
//! inbox, claimed by workers in batches, each batch under one lease (`delivery_leases`),
//! and kept per activity once delivered (`delivered_batches`); and the health of remote
//! instances.

use crate::db::schema::{
    deliveries, domain_allows, domain_blocks, gone_inboxes, outbound_activities,
};
use crate::vocab::text_column;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use diesel::deserialize::FromSqlRow;
use diesel::dsl;
use diesel::expression::AsExpression;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Int4, Text, Timestamptz};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

/// Where a delivery stands. Stored as the code in `deliveries.state`, whose CHECK constraint
/// lists the same words; the statements written in SQL (here and in the migrations) name them
/// as literals, so that the partial indexes `WHERE state = 'pending'` serve them.
#[derive(
    utoipa::ToSchema,
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    AsExpression,
    FromSqlRow,
)]
#[diesel(sql_type = Text)]
#[serde(rename_all = "lowercase")]
pub enum DeliveryState {
    /// Due now or later (after a failed attempt, retried).
    Pending,
    Delivered,
    /// Refused with a 4xx: retrying will not help.
    Rejected,
    /// The inbox answered 410 Gone.
    Gone,
    /// Given up: retries ran out, or the instance is unreachable or blocked.
    Failed,
}

impl DeliveryState {
    pub const ALL: [DeliveryState; 5] = [
        DeliveryState::Pending,
        DeliveryState::Delivered,
        DeliveryState::Rejected,
        DeliveryState::Gone,
        DeliveryState::Failed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Rejected => "rejected",
            DeliveryState::Gone => "gone",
            DeliveryState::Failed => "failed",
        }
    }

    /// Whether a delivery in this state after `attempts` attempts is one to report as
    /// failing: given up, or pending after a failed attempt.
    pub fn is_failing(self, attempts: i32) -> bool {
        match self {
            DeliveryState::Delivered => false,
            DeliveryState::Pending => attempts > 0,
            DeliveryState::Rejected | DeliveryState::Gone | DeliveryState::Failed => true,
        }
    }
}

impl fmt::Display for DeliveryState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

text_column!(DeliveryState, "delivery state");

/// Deliveries older than this are given up (retries run for three days).
pub const GIVE_UP_AFTER_HOURS: i64 = 72;
/// An instance failing this long is marked unreachable and skipped.
pub const UNREACHABLE_AFTER_DAYS: i64 = 7;

/// How many times this process has queued deliveries (see [`enqueued_count`]).
static ENQUEUED: AtomicU64 = AtomicU64::new(0);

/// A counter that grows whenever this process queues deliveries (committed or not). A caller
/// compares it before and after its transaction to know whether the delivery worker has
/// anything new to claim; other writers at the same time only cause a spurious wake-up.
pub fn enqueued_count() -> u64 {
    AtomicU64::load(&ENQUEUED, Ordering::Relaxed)
}

/// Records an activity and queues one delivery per inbox, in the caller's transaction.
/// Inboxes that answered 410 Gone and blocked domains get none; unreachable instances get a
/// delivery already marked failed, so reports show them.
pub async fn enqueue(
    conn: &mut AsyncPgConnection,
    ap_id: &str,
    actor_id: i64,
    kind: &str,
    object_ap_id: Option<&str>,
    payload: &str,
    inboxes: &[(String, String)],
) -> QueryResult<i64> {
    let activity_id: i64 = diesel::insert_into(outbound_activities::table)
        .values((
            outbound_activities::ap_id.eq(ap_id),
            outbound_activities::actor_id.eq(actor_id),
            outbound_activities::kind.eq(kind),
            outbound_activities::object_ap_id.eq(object_ap_id),
            outbound_activities::payload.eq(payload),
        ))
        .returning(outbound_activities::id)
        .get_result(conn)
        .await?;
    if inboxes.is_empty() {
        return Ok(activity_id);
    }
    ENQUEUED.fetch_add(1, Ordering::Relaxed);
    let urls: Vec<&str> = inboxes.iter().map(|(u, _)| u.as_str()).collect();
    let domains: Vec<&str> = inboxes.iter().map(|(_, d)| d.as_str()).collect();
    diesel::sql_query(
        "INSERT INTO deliveries (activity_id, inbox, domain, state, last_error, finished_at)
         SELECT $1, t.inbox, t.domain,
                CASE WHEN i.unreachable THEN 'failed' ELSE 'pending' END,
                CASE WHEN i.unreachable THEN 'instance unreachable' END,
                CASE WHEN i.unreachable THEN now() END
         FROM unnest($2::text[], $3::text[]) AS t(inbox, domain)
         LEFT JOIN instances i ON i.domain = t.domain
         WHERE NOT EXISTS (SELECT 1 FROM gone_inboxes g WHERE g.inbox = t.inbox)
           AND NOT EXISTS (SELECT 1 FROM domain_blocks b WHERE b.domain = t.domain)
           AND (NOT EXISTS (SELECT 1 FROM domain_allows) OR EXISTS (SELECT 1 FROM domain_allows a WHERE a.domain = t.domain))
         ON CONFLICT (activity_id, inbox) DO NOTHING",
    )
    .bind::<BigInt, _>(activity_id)
    .bind::<Array<Text>, _>(urls)
    .bind::<Array<Text>, _>(domains)
    .execute(conn)
    .await?;
    Ok(activity_id)
}

/// A delivery a worker has claimed, with its activity's payload.
#[derive(Debug, Clone)]
pub struct Claimed {
    /// The claim's lease (a row of `delivery_leases`), shared by the deliveries claimed
    /// together: see [`finish_many`].
    pub lease: i64,
    pub id: i64,
    pub inbox: String,
    pub domain: String,
    pub attempts: i32,
    pub created_at: DateTime<Utc>,
    pub activity_id: i64,
    /// The activity as sent: shared by every delivery of the activity (`Bytes` clones
    /// share one buffer).
    pub payload: Bytes,
    /// The sending actor, whose key signs the request.
    pub actor_id: i64,
}

/// A row of `claim_deliveries`.
#[derive(QueryableByName)]
struct ClaimedRow {
    #[diesel(sql_type = BigInt)]
    lease_id: i64,
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    inbox: String,
    #[diesel(sql_type = Text)]
    domain: String,
    #[diesel(sql_type = Int4)]
    attempts: i32,
    #[diesel(sql_type = Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = BigInt)]
    activity_id: i64,
}

/// The payloads and senders of activities whose deliveries this worker claimed lately, so
/// that each activity is read once while its deliveries go out, not once per delivery (a
/// fan-out to 500 instances shares one payload). Activities are never changed once queued,
/// so nothing here goes stale; the oldest are dropped past [`Payloads::KEEP_BYTES`].
#[derive(Debug, Default)]
pub struct Payloads {
    by_activity: HashMap<i64, (Bytes, i64)>,
    order: VecDeque<i64>,
    bytes: usize,
}

impl Payloads {
    /// At most this many payload bytes are kept (the newest activity is always kept).
    pub const KEEP_BYTES: usize = 8 << 20;

    fn get(&self, activity_id: i64) -> Option<&(Bytes, i64)> {
        self.by_activity.get(&activity_id)
    }

    fn insert(&mut self, activity_id: i64, payload: Bytes, actor_id: i64) {
        self.bytes += payload.len();
        if let Some((old, _)) = self.by_activity.insert(activity_id, (payload, actor_id)) {
            self.bytes -= old.len();
        } else {
            self.order.push_back(activity_id);
        }
        while self.bytes > Self::KEEP_BYTES && self.order.len() > 1 {
            if let Some(oldest) = self.order.pop_front()
                && let Some((p, _)) = self.by_activity.remove(&oldest)
            {
                self.bytes -= p.len();
            }
        }
    }

    /// The payloads and senders of the activities `ids`: those kept, and the others read in
    /// one query (and kept). The answer holds every one found even when keeping them
    /// dropped some of this very claim's from the store.
    async fn fetch(
        &mut self,
        conn: &mut AsyncPgConnection,
        ids: &[i64],
    ) -> QueryResult<HashMap<i64, (Bytes, i64)>> {
        let mut found = HashMap::new();
        let mut missing = Vec::new();
        for &id in ids {
            match self.get(id) {
                Some(kept) => {
                    found.insert(id, kept.clone());
                }
                None if !missing.contains(&id) => missing.push(id),
                None => {}
            }
        }
        if missing.is_empty() {
            return Ok(found);
        }
        let rows: Vec<(i64, String, i64)> = outbound_activities::table
            .filter(outbound_activities::id.eq_any(&missing))
            .select((
                outbound_activities::id,
                outbound_activities::payload,
                outbound_activities::actor_id,
            ))
            .load(conn)
            .await?;
        for (id, payload, actor_id) in rows {
            let payload = Bytes::from(payload);
            self.insert(id, payload.clone(), actor_id);
            found.insert(id, (payload, actor_id));
        }
        Ok(found)
    }
}

/// Claims up to `limit` due deliveries, leasing them for `lease_seconds`. `busy` gives the
/// deliveries this worker already has in flight per instance: an instance gets at most
/// `per_domain` minus those, and none once it is full. The payloads come from `payloads`,
/// which reads those it does not hold in one more query.
///
/// The claim is one row of `delivery_leases` holding the ids taken; the deliveries
/// themselves are not written. Claims take turns (an advisory lock), each leaving out the
/// deliveries of the live leases; only the first `4 × limit` due rows past those (in
/// `deliveries_due` order) are ranked per instance, so a claim costs the same with 20 or
/// 200,000 pending. A crashed worker's deliveries become due again when its lease runs out;
/// [`finish_many`] removes a lease once its claim's outcomes are all recorded.
pub async fn claim(
    conn: &mut AsyncPgConnection,
    limit: i64,
    per_domain: i64,
    busy: &[(String, i64)],
    lease_seconds: i64,
    payloads: &mut Payloads,
) -> QueryResult<Vec<Claimed>> {
    let (full, busy_domains, busy_counts) = busy_arrays(busy, per_domain);
    // The query is the function `claim_deliveries` (migration 000180), which
    // keeps the plan that walks `deliveries_due` in order whatever the table's statistics
    // say.
    let rows: Vec<ClaimedRow> =
        diesel::sql_query("SELECT * FROM claim_deliveries($1, $2, $3, $4, $5, $6)")
            .bind::<BigInt, _>(limit)
            .bind::<BigInt, _>(per_domain)
            .bind::<Array<Text>, _>(full)
            .bind::<Array<Text>, _>(busy_domains)
            .bind::<Array<BigInt>, _>(busy_counts)
            .bind::<diesel::sql_types::Double, _>(lease_seconds as f64)
            .load(conn)
            .await?;
    with_payloads(conn, rows, payloads).await
}

/// The instances that are full (`per_domain` in flight), and the in-flight counts, as the
/// claim's arrays.
fn busy_arrays(busy: &[(String, i64)], per_domain: i64) -> (Vec<&str>, Vec<&str>, Vec<i64>) {
    let full = busy
        .iter()
        .filter(|(_, n)| *n >= per_domain)
        .map(|(d, _)| d.as_str())
        .collect();
    let domains = busy.iter().map(|(d, _)| d.as_str()).collect();
    let counts = busy.iter().map(|(_, n)| *n).collect();
    (full, domains, counts)
}

/// Claimed rows with their activities' payloads and senders, from `payloads` or read in
/// one more query.
async fn with_payloads(
    conn: &mut AsyncPgConnection,
    rows: Vec<ClaimedRow>,
    payloads: &mut Payloads,
) -> QueryResult<Vec<Claimed>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = rows.iter().map(|r| r.activity_id).collect();
    let found = payloads.fetch(conn, &ids).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            // An activity is deleted only with its deliveries, so each row finds its own.
            let (payload, actor_id) = found.get(&r.activity_id)?.clone();
            Some(Claimed {
                lease: r.lease_id,
                id: r.id,
                inbox: r.inbox,
                domain: r.domain,
                attempts: r.attempts,
                created_at: r.created_at,
                activity_id: r.activity_id,
                payload,
                actor_id,
            })
        })
        .collect())
}

/// How a delivery attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Delivered(u16),
    /// A 4xx other than 408/429: the other side refuses it; retrying will not help.
    Rejected(u16, String),
    /// 410 Gone: the inbox is gone for good.
    Gone,
    /// Network error, timeout, 5xx, 408, 429: try again later.
    Retry(Option<u16>, String),
}

/// A finished attempt, to be recorded: `retry_at` is when to try again after a `Retry`.
#[derive(Debug, Clone)]
pub struct Finished {
    pub delivery: Claimed,
    pub outcome: Outcome,
    pub retry_at: DateTime<Utc>,
}

/// Stores one attempt's outcome and the instance's health. The claim's lease stays (see
/// [`finish_many`]).
pub async fn finish(
    conn: &mut AsyncPgConnection,
    d: &Claimed,
    outcome: &Outcome,
    retry_at: DateTime<Utc>,
) -> QueryResult<()> {
    finish_many(
        conn,
        &[Finished {
            delivery: d.clone(),
            outcome: outcome.clone(),
            retry_at,
        }],
        &[],
    )
    .await
}

/// Stores many attempts' outcomes and their instances' health, the instances touched only
/// where their state changes, and removes the leases `released` (claims whose outcomes are
/// now all recorded; their deliveries that are to be tried again become claimable when due).
///
/// A delivered delivery leaves `deliveries`: `record_delivered` (migration 000180) deletes
/// it and keeps its inbox, instance and attempts in `delivered_batches`, one row per
/// activity. A batch that all succeeded (the usual case) is that one statement; otherwise one
/// transaction holds it and the other outcomes one by one.
///
/// Either commits with `synchronous_commit = off`: it does not wait for its WAL flush. If
/// PostgreSQL itself crashed within the next few hundred milliseconds, these outcomes would
/// be lost and the deliveries, still pending, sent again once their lease runs out — which
/// at-least-once delivery allows (receivers deduplicate by activity id). A crash of this
/// process loses nothing that was committed. Never used for received activities, whose loss
/// would be lost data.
pub async fn finish_many(
    conn: &mut AsyncPgConnection,
    done: &[Finished],
    released: &[i64],
) -> QueryResult<()> {
    finish_and_claim(
        conn,
        done,
        released,
        &|_| true,
        &ClaimRequest::NONE,
        &mut Payloads::default(),
    )
    .await
    .map(|_| ())
}

/// What the worker asks a claim for: see [`claim`].
#[derive(Debug, Clone, Copy)]
pub struct ClaimRequest<'a> {
    /// At most this many deliveries; none (and no claim) when 0.
    pub limit: i64,
    pub per_domain: i64,
    /// This process's deliveries in flight per instance.
    pub busy: &'a [(String, i64)],
    pub lease_seconds: i64,
}

impl ClaimRequest<'static> {
    /// No claim: [`finish_and_claim`] only records.
    pub const NONE: Self = Self {
        limit: 0,
        per_domain: 0,
        busy: &[],
        lease_seconds: 0,
    };
}

/// [`finish_many`] and then [`claim`], in one transaction and, when every outcome is a
/// success (the usual case), in one statement (`record_and_claim`, migration 000200): the
/// worker records what came back and takes the next deliveries in a single round trip.
/// An instance that answered is written only where `write_alive` says so: the worker leaves
/// out those it recorded as answering moments ago (`crate::state::RecentlyAlive`), so that a
/// busy queue does not look up the same instances for every batch; instances that failed
/// are always written.
/// The claim comes after the record, so that it sees the deliveries just recorded as done
/// and the leases just released as free. The whole commits without waiting for its WAL
/// flush, the claim's lease included (see [`finish_many`]: a lease lost with PostgreSQL
/// means its deliveries may be sent twice, never lost).
pub async fn finish_and_claim(
    conn: &mut AsyncPgConnection,
    done: &[Finished],
    released: &[i64],
    write_alive: &(dyn Fn(&str) -> bool + Sync),
    claim: &ClaimRequest<'_>,
    payloads: &mut Payloads,
) -> QueryResult<Vec<Claimed>> {
    if done.is_empty() && released.is_empty() && claim.limit <= 0 {
        return Ok(Vec::new());
    }
    let mut delivered: Vec<i64> = Vec::new();
    // Instances that answered, and those that did not.
    let mut alive: Vec<&str> = Vec::new();
    let mut failing: Vec<&str> = Vec::new();
    for f in done {
        let d = &f.delivery;
        match &f.outcome {
            Outcome::Delivered(_) => {
                delivered.push(d.id);
                alive.push(&d.domain);
            }
            Outcome::Rejected(..) | Outcome::Gone => alive.push(&d.domain),
            Outcome::Retry(..) => failing.push(&d.domain),
        }
    }
    // A domain that both failed and answered in this batch counts as answering.
    failing.retain(|d| !alive.contains(d));
    alive.sort_unstable();
    alive.dedup();
    failing.sort_unstable();
    failing.dedup();
    alive.retain(|d| write_alive(d));
    let rows = if delivered.len() == done.len() {
        record_and_claim(conn, &delivered, &alive, released, claim).await?
    } else {
        // `record_and_claim` turns the synchronous commit off for the whole transaction.
        conn.transaction(async |conn| {
            for f in done {
                record_one(conn, f).await?;
            }
            let rows = record_and_claim(conn, &delivered, &alive, released, claim).await?;
            for domain in failing {
                instance_failure(conn, domain).await?;
            }
            Ok::<_, diesel::result::Error>(rows)
        })
        .await?
    };
    with_payloads(conn, rows, payloads).await
}

/// `record_and_claim` (migration 000200): `record_delivered` for the deliveries `ids`, the
/// instances `alive` and the leases `released`, then `claim_deliveries` as `claim` asks.
async fn record_and_claim(
    conn: &mut AsyncPgConnection,
    ids: &[i64],
    alive: &[&str],
    released: &[i64],
    claim: &ClaimRequest<'_>,
) -> QueryResult<Vec<ClaimedRow>> {
    let (full, busy_domains, busy_counts) = busy_arrays(claim.busy, claim.per_domain);
    diesel::sql_query("SELECT * FROM record_and_claim($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
        .bind::<Array<BigInt>, _>(ids)
        .bind::<Array<Text>, _>(alive)
        .bind::<diesel::sql_types::Double, _>(SUCCESS_REFRESH_SECONDS as f64)
        .bind::<Array<BigInt>, _>(released)
        .bind::<BigInt, _>(claim.limit.max(0))
        .bind::<BigInt, _>(claim.per_domain)
        .bind::<Array<Text>, _>(full)
        .bind::<Array<Text>, _>(busy_domains)
        .bind::<Array<BigInt>, _>(busy_counts)
        .bind::<diesel::sql_types::Double, _>(claim.lease_seconds as f64)
        .load(conn)
        .await
}

/// Records one outcome other than `Delivered`.
async fn record_one(conn: &mut AsyncPgConnection, f: &Finished) -> QueryResult<()> {
    let d = &f.delivery;
    let status = |s: &u16| Some(i32::from(*s));
    let clip = |e: &str| e.chars().take(500).collect::<String>();
    match &f.outcome {
        Outcome::Delivered(_) => {}
        Outcome::Rejected(s, e) => {
            diesel::update(deliveries::table.find(d.id))
                .set((
                    deliveries::state.eq(DeliveryState::Rejected),
                    deliveries::attempts.eq(d.attempts + 1),
                    deliveries::last_status.eq(status(s)),
                    deliveries::last_error.eq(Some(clip(e))),
                    deliveries::finished_at.eq(diesel::dsl::now),
                ))
                .execute(conn)
                .await?;
        }
        Outcome::Gone => {
            diesel::insert_into(gone_inboxes::table)
                .values(gone_inboxes::inbox.eq(&d.inbox))
                .on_conflict_do_nothing()
                .execute(conn)
                .await?;
            diesel::update(
                deliveries::table
                    .filter(deliveries::inbox.eq(&d.inbox))
                    .filter(deliveries::state.eq(DeliveryState::Pending)),
            )
            .set((
                deliveries::state.eq(DeliveryState::Gone),
                deliveries::last_status.eq(Some(410)),
                deliveries::finished_at.eq(diesel::dsl::now),
            ))
            .execute(conn)
            .await?;
        }
        Outcome::Retry(s, e) => {
            let give_up = Utc::now() - d.created_at > chrono::Duration::hours(GIVE_UP_AFTER_HOURS);
            diesel::update(deliveries::table.find(d.id))
                .set((
                    deliveries::state.eq(if give_up {
                        DeliveryState::Failed
                    } else {
                        DeliveryState::Pending
                    }),
                    deliveries::attempts.eq(d.attempts + 1),
                    deliveries::last_status.eq(s.as_ref().and_then(status)),
                    deliveries::last_error.eq(Some(clip(e))),
                    deliveries::next_attempt_at.eq(f.retry_at),
                    deliveries::finished_at.eq(give_up.then(Utc::now)),
                ))
                .execute(conn)
                .await?;
        }
    }
    Ok(())
}

/// Any success (or any signed request from it) revives an instance.
pub async fn instance_success(conn: &mut AsyncPgConnection, domain: &str) -> QueryResult<()> {
    instances_alive(conn, &[domain]).await
}

/// How stale `instances.last_success_at` of a healthy instance may get: refreshing it on
/// every delivery or received activity would rewrite the same hot row thousands of times a
/// second.
const SUCCESS_REFRESH_SECONDS: i64 = 60;

/// The end of a statement that marks the instances in the text array `domains` (a
/// parameter such as `$1`) as answering: see [`instances_alive`]. It follows `WITH` or
/// other common table expressions.
fn alive_ctes(domains: &str) -> String {
    format!(
        "revived AS (
             UPDATE instances SET failing_since = NULL, unreachable = false, last_success_at = now()
             WHERE domain = ANY({domains})
               AND (failing_since IS NOT NULL OR unreachable OR last_success_at IS NULL
                    OR last_success_at < now() - interval '{SUCCESS_REFRESH_SECONDS} seconds')
         )
         INSERT INTO instances (domain, last_success_at)
         SELECT t.domain, now() FROM unnest({domains}::text[]) AS t(domain)
         WHERE NOT EXISTS (SELECT 1 FROM instances i WHERE i.domain = t.domain)
         ON CONFLICT (domain) DO NOTHING"
    )
}

/// Marks instances as answering. Writes only where that changes something: an instance
/// failing or unreachable is revived, an unknown one is recorded, and a healthy one's
/// `last_success_at` is refreshed at most once a minute. Otherwise nothing is written (no
/// row lock, no transaction id).
pub async fn instances_alive(conn: &mut AsyncPgConnection, domains: &[&str]) -> QueryResult<()> {
    if domains.is_empty() {
        return Ok(());
    }
    diesel::sql_query(format!("WITH {}", alive_ctes("$1")))
        .bind::<Array<Text>, _>(domains)
        .execute(conn)
        .await?;
    Ok(())
}

async fn instance_failure(conn: &mut AsyncPgConnection, domain: &str) -> QueryResult<()> {
    diesel::sql_query(format!(
        "INSERT INTO instances (domain, failing_since, last_failure_at) VALUES ($1, now(), now())
         ON CONFLICT (domain) DO UPDATE SET
             failing_since = COALESCE(instances.failing_since, now()),
             last_failure_at = now(),
             unreachable = COALESCE(instances.failing_since, now()) < now() - interval '{UNREACHABLE_AFTER_DAYS} days'"
    ))
    .bind::<Text, _>(domain)
    .execute(conn)
    .await?;
    // Pending deliveries to an instance now unreachable are given up.
    diesel::sql_query(
        "UPDATE deliveries SET state = 'failed', last_error = 'instance unreachable', finished_at = now()
         WHERE state = 'pending' AND domain = $1 AND EXISTS (SELECT 1 FROM instances WHERE domain = $1 AND unreachable)",
    )
    .bind::<Text, _>(domain)
    .execute(conn)
    .await?;
    // Every process forgets that it saw the instance answer (`RecentlyAlive`).
    crate::notify::notify(conn, &crate::notify::Change::InstanceFailing(domain.into())).await?;
    Ok(())
}

/// Whether an instance is blocked, or left out of the allow-list when there is one: as an
/// expression, so that a query can check it along with what it reads (`DbActor::signer`).
/// `domain` is lowercase.
#[diesel::dsl::auto_type]
pub fn blocked_expr(domain: String) -> _ {
    let listed: dsl::exists<
        dsl::Filter<domain_blocks::table, dsl::Eq<domain_blocks::domain, String>>,
    > = dsl::exists(domain_blocks::table.filter(domain_blocks::domain.eq(domain.clone())));
    let allow_list: dsl::exists<dsl::Select<domain_allows::table, domain_allows::domain>> =
        dsl::exists(domain_allows::table.select(domain_allows::domain));
    let allowed: dsl::exists<
        dsl::Filter<domain_allows::table, dsl::Eq<domain_allows::domain, String>>,
    > = dsl::exists(domain_allows::table.filter(domain_allows::domain.eq(domain)));
    listed.or(allow_list.and(dsl::not(allowed)))
}

/// Whether an instance is blocked, or left out of the allow-list when there is one.
pub async fn is_blocked(conn: &mut AsyncPgConnection, domain: &str) -> QueryResult<bool> {
    diesel::select(blocked_expr(domain.to_ascii_lowercase()))
        .get_result(conn)
        .await
}

/// The latest activity of `kind` that `actor_id` sent about `object_ap_id`, as sent (its
/// JSON), if it sent one.
pub async fn latest_sent(
    conn: &mut AsyncPgConnection,
    actor_id: i64,
    kind: &str,
    object_ap_id: &str,
) -> QueryResult<Option<String>> {
    outbound_activities::table
        .filter(outbound_activities::actor_id.eq(actor_id))
        .filter(outbound_activities::kind.eq(kind))
        .filter(outbound_activities::object_ap_id.eq(object_ap_id))
        .order(outbound_activities::id.desc())
        .select(outbound_activities::payload)
        .first(conn)
        .await
        .optional()
}

/// The ids of those of `actors` whose instance is blocked (see [`blocked_among`]): their
/// contributions are hidden where others' are shown. One query.
pub async fn blocked_actors(
    conn: &mut AsyncPgConnection,
    actors: &std::collections::HashMap<i64, crate::db::models::actor::DbActor>,
) -> QueryResult<std::collections::HashSet<i64>> {
    let domains: Vec<String> = actors.values().map(|a| a.domain.clone()).collect();
    let blocked = blocked_among(conn, &domains).await?;
    Ok(actors
        .iter()
        .filter(|(_, a)| blocked.contains(&a.domain.to_ascii_lowercase()))
        .map(|(id, _)| *id)
        .collect())
}

/// Those of `domains` that are blocked, or left out of the allow-list when there is one
/// (as [`is_blocked`]), in lowercase, in one query.
pub async fn blocked_among(
    conn: &mut AsyncPgConnection,
    domains: &[String],
) -> QueryResult<std::collections::HashSet<String>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        domain: String,
    }
    let mut lower: Vec<String> = domains.iter().map(|d| d.to_ascii_lowercase()).collect();
    lower.sort_unstable();
    lower.dedup();
    if lower.is_empty() {
        return Ok(Default::default());
    }
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT d AS domain FROM unnest($1::text[]) AS d \
         WHERE EXISTS (SELECT 1 FROM domain_blocks b WHERE b.domain = d) \
            OR (EXISTS (SELECT 1 FROM domain_allows) \
                AND NOT EXISTS (SELECT 1 FROM domain_allows a WHERE a.domain = d))",
    )
    .bind::<Array<Text>, _>(&lower)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| r.domain).collect())
}

/// Replaces the configuration's blocks and allow-list with the current configuration.
pub async fn sync_config_blocks(
    conn: &mut AsyncPgConnection,
    blocked: &[String],
    allowed: &[String],
) -> QueryResult<()> {
    use crate::db::schema::domain_allows;
    diesel::delete(domain_blocks::table.filter(domain_blocks::source.eq("config")))
        .execute(conn)
        .await?;
    for d in blocked {
        diesel::insert_into(domain_blocks::table)
            .values((
                domain_blocks::domain.eq(d),
                domain_blocks::source.eq("config"),
                domain_blocks::reason.eq("configuration"),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    diesel::delete(domain_allows::table).execute(conn).await?;
    for d in allowed {
        diesel::insert_into(domain_allows::table)
            .values(domain_allows::domain.eq(d))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Blocks an instance: nothing more is delivered there, its requests are refused.
pub async fn block(
    conn: &mut AsyncPgConnection,
    domain: &str,
    reason: Option<&str>,
) -> QueryResult<()> {
    diesel::insert_into(domain_blocks::table)
        .values((
            domain_blocks::domain.eq(domain),
            domain_blocks::reason.eq(reason),
        ))
        .on_conflict(domain_blocks::domain)
        .do_update()
        .set(domain_blocks::reason.eq(reason))
        .execute(conn)
        .await?;
    diesel::update(
        deliveries::table
            .filter(deliveries::domain.eq(domain))
            .filter(deliveries::state.eq(DeliveryState::Pending)),
    )
    .set((
        deliveries::state.eq(DeliveryState::Failed),
        deliveries::last_error.eq("instance blocked"),
        deliveries::finished_at.eq(diesel::dsl::now),
    ))
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn unblock(conn: &mut AsyncPgConnection, domain: &str) -> QueryResult<usize> {
    diesel::delete(domain_blocks::table.find(domain))
        .execute(conn)
        .await
}

#[derive(utoipa::ToSchema, Debug, Queryable, serde::Serialize)]
pub struct DomainBlock {
    pub domain: String,
    pub reason: Option<String>,
    pub source: String,
    pub created_at: DateTime<Utc>,
}

pub async fn blocks(conn: &mut AsyncPgConnection) -> QueryResult<Vec<DomainBlock>> {
    domain_blocks::table
        .order(domain_blocks::domain.asc())
        .select((
            domain_blocks::domain,
            domain_blocks::reason,
            domain_blocks::source,
            domain_blocks::created_at,
        ))
        .load(conn)
        .await
}

#[derive(QueryableByName)]
struct ReportRow {
    #[diesel(sql_type = Text)]
    domain: String,
    #[diesel(sql_type = Text)]
    state: DeliveryState,
    #[diesel(sql_type = Int4)]
    attempts: i32,
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    last_error: Option<String>,
}

/// The deliveries of one object's activities, oldest activity first, an activity's
/// delivered ones (from `delivered_batches`) before its others: (instance, state, attempts,
/// last error).
pub async fn report_for_object(
    conn: &mut AsyncPgConnection,
    object_ap_id: &str,
) -> QueryResult<Vec<(String, DeliveryState, i32, Option<String>)>> {
    let rows: Vec<ReportRow> = diesel::sql_query(
        "SELECT r.domain, r.state, r.attempts, r.last_error FROM (
             SELECT a.id AS activity, 0 AS part, b.id AS n, t.i, t.domain, 'delivered' AS state,
                    t.attempts, NULL::text AS last_error
             FROM outbound_activities a
             JOIN delivered_batches b ON b.activity_id = a.id
             CROSS JOIN unnest(b.domains, b.attempts) WITH ORDINALITY AS t(domain, attempts, i)
             WHERE a.object_ap_id = $1
             UNION ALL
             SELECT a.id, 1, d.id, 0, d.domain, d.state, d.attempts, d.last_error
             FROM outbound_activities a JOIN deliveries d ON d.activity_id = a.id
             WHERE a.object_ap_id = $1
         ) r ORDER BY r.activity, r.part, r.n, r.i",
    )
    .bind::<Text, _>(object_ap_id)
    .load(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.domain, r.state, r.attempts, r.last_error))
        .collect())
}

#[derive(utoipa::ToSchema, Debug, QueryableByName, serde::Serialize)]
pub struct QueueSummary {
    /// Deliveries waiting to be sent.
    #[diesel(sql_type = BigInt)]
    pub pending: i64,
    /// Of those, deliveries that failed at least once.
    #[diesel(sql_type = BigInt)]
    pub failing: i64,
    /// Deliveries done, of the activities still kept (see `retention.sent_days`).
    #[diesel(sql_type = BigInt)]
    pub delivered: i64,
    /// Deliveries given up (failed, gone, rejected), of the activities still kept.
    #[diesel(sql_type = BigInt)]
    pub gave_up: i64,
}

pub async fn summary(conn: &mut AsyncPgConnection) -> QueryResult<QueueSummary> {
    diesel::sql_query(
        "SELECT count(*) FILTER (WHERE state = 'pending') AS pending,
                count(*) FILTER (WHERE state = 'pending' AND attempts > 0) AS failing,
                (SELECT COALESCE(sum(cardinality(inboxes)), 0) FROM delivered_batches)::int8
                    AS delivered,
                count(*) FILTER (WHERE state IN ('failed', 'gone', 'rejected')) AS gave_up
         FROM deliveries",
    )
    .get_result(conn)
    .await
}

#[derive(utoipa::ToSchema, Debug, QueryableByName, serde::Serialize)]
pub struct InstanceHealth {
    #[diesel(sql_type = Text)]
    pub domain: String,
    #[diesel(sql_type = BigInt)]
    pub pending: i64,
    #[diesel(sql_type = diesel::sql_types::Nullable<Timestamptz>)]
    pub failing_since: Option<DateTime<Utc>>,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    pub unreachable: bool,
}

/// Instances with pending deliveries or failures.
pub async fn instance_health(conn: &mut AsyncPgConnection) -> QueryResult<Vec<InstanceHealth>> {
    diesel::sql_query(
        "SELECT i.domain, (SELECT count(*) FROM deliveries d WHERE d.domain = i.domain AND d.state = 'pending') AS pending,
                i.failing_since, i.unreachable
         FROM instances i
         WHERE i.failing_since IS NOT NULL OR i.unreachable
            OR EXISTS (SELECT 1 FROM deliveries d WHERE d.domain = i.domain AND d.state = 'pending')
         ORDER BY i.unreachable DESC, i.failing_since NULLS LAST, i.domain",
    )
    .load(conn)
    .await
}

/// The delivery queue's figures for the metrics endpoint (see `crate::metrics`).
#[derive(Debug, QueryableByName)]
pub struct QueueGauges {
    #[diesel(sql_type = BigInt)]
    pub pending: i64,
    /// How long the first pending delivery has been due, in seconds (negative or 0 when
    /// nothing is due yet).
    #[diesel(sql_type = diesel::sql_types::Double)]
    pub oldest_due_seconds: f64,
    #[diesel(sql_type = BigInt)]
    pub failing_instances: i64,
    #[diesel(sql_type = BigInt)]
    pub unreachable_instances: i64,
}

/// Reads [`QueueGauges`]: pending deliveries and the oldest due one through the partial
/// index `deliveries_due`; instances from their small table.
pub async fn queue_gauges(conn: &mut AsyncPgConnection) -> QueryResult<QueueGauges> {
    diesel::sql_query(
        "SELECT (SELECT count(*) FROM deliveries WHERE state = 'pending') AS pending,
                COALESCE((SELECT EXTRACT(EPOCH FROM now() - min(next_attempt_at))::float8
                          FROM deliveries WHERE state = 'pending'), 0) AS oldest_due_seconds,
                (SELECT count(*) FROM instances WHERE failing_since IS NOT NULL AND NOT unreachable)
                    AS failing_instances,
                (SELECT count(*) FROM instances WHERE unreachable) AS unreachable_instances",
    )
    .get_result(conn)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_keep_the_newest_within_their_budget() {
        let mut p = Payloads::default();
        let big = Payloads::KEEP_BYTES / 3 + 1;
        for id in 1..=4 {
            p.insert(id, Bytes::from(vec![b'x'; big]), 7);
        }
        assert!(
            p.get(1).is_none() && p.get(2).is_none(),
            "the oldest are dropped"
        );
        assert!(p.get(3).is_some() && p.get(4).is_some());
        assert!(p.bytes <= Payloads::KEEP_BYTES);
        // One payload larger than the budget is still kept while it is the newest.
        p.insert(5, Bytes::from(vec![b'x'; Payloads::KEEP_BYTES + 1]), 7);
        assert_eq!(
            p.get(5).map(|(b, a)| (b.len(), *a)),
            Some((Payloads::KEEP_BYTES + 1, 7))
        );
        assert_eq!(p.order.len(), 1);
    }
}
