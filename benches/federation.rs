//! Federation benchmarks. Run with
//!
//! ```text
//! CARGO_TARGET_DIR=/work/target-bench cargo bench --bench federation [name …]
//! ```
//!
//! Names (any substring selects): `signing`, `database`, `send`, `deliveries`, `inbox`,
//! `latency`, `fanout`; none runs them all. Every figure is printed with the ratio to the
//! bound it is compared with, measured in the same run; nothing asserts a time. All traffic
//! stays on 127.0.0.1 (sinks and instances listen there; `localhost` resolves to it); every
//! loop is bounded in count and in time, and the program exits by itself (about 3–5
//! minutes). The machine may be shared: before each benchmark the program waits (up to
//! 20 s) for other processes to go quiet, and every timed section reports the CPU used by
//! this process, by PostgreSQL and by everything else meanwhile.
//!
//! Needs PostgreSQL on 127.0.0.1:5432 (or `PASSERELLE_TEST_DATABASE`): every benchmark
//! works in a database of its own, cloned from the migrated template and dropped afterwards.
//! `PASSERELLE_BENCH_LOG` sets the log filter (default `warn`); `PASSERELLE_BENCH_POOL` the
//! inbox instance's connection pool (default 16, as configured by default);
//! `PASSERELLE_BENCH_DELIVERY_CONFIGS` the deliveries benchmark's configurations, as
//! `concurrency/per_domain/pool` separated by commas; `PASSERELLE_BENCH_DELIVERY_ROUNDS` its
//! rounds per configuration (default 3: each held to the 2a runs just before and after it,
//! the configuration's figure the median of the rounds).

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use diesel::QueryableByName;
use diesel_async::{AsyncConnection, AsyncPgConnection};
// diesel_async::RunQueryDsl is imported only where queries run: its blanket `load` would
// shadow the atomics' `load` elsewhere.
use passerelle::app;
use passerelle::config::Config;
use passerelle::db::models::actor::{DbActor, NewActor};
use passerelle::db::models::delivery::{self as queue, Outcome};
use passerelle::db::models::follow::DbFollow;
use passerelle::db::models::post::DbPost;
use passerelle::error::AppError;
use passerelle::federation::activities::post::publish;
use passerelle::federation::delivery;
use passerelle::federation::signatures::Knocks;
use passerelle::federation::signatures::{PublicKey, SigningKey, sign_post};
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::posts::PostInput;
use passerelle::state::AppState;
use passerelle::state::Wakeup;
use passerelle::testing::{TestDb, TestInstance, test_config};
use passerelle::vocab::OrgKind;
use serde_json::json;
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};
use tokio::sync::watch;
use url::Url;

/// The whole run stops starting new benchmarks after this long.
const RUN_BUDGET: Duration = Duration::from_secs(540);
/// How long to wait, before each benchmark, for other processes to leave the CPUs alone.
const QUIET_WAIT_SECONDS: u64 = 20;
/// How long each signing loop runs.
const SIGN_SECONDS: f64 = 1.0;

const DELIVERY_SINKS: usize = 20;
const DELIVERIES: usize = 20_000;
const SEND_ONLY: usize = 10_000;
const INBOX_ACTORS: usize = 32;
const INBOX_ACTOR_PORTS: usize = 4;
const INBOX_ACTIVITIES: usize = 5_000;
const LATENCY: Duration = Duration::from_millis(150);
const LATENCY_ROUNDS: usize = 40;
const FANOUT_FOLLOWERS: usize = 10_000;
const FANOUT_DOMAINS: usize = 500;

const AP: &str = "application/activity+json";
const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

// ---------------------------------------------------------------------------------------
// Results

struct Row {
    bench: String,
    figure: String,
    value: String,
}

static ROWS: Mutex<Vec<Row>> = Mutex::new(Vec::new());

/// Prints a figure now and keeps it for the summary table at the end.
fn record(bench: &str, figure: &str, value: impl Into<String>) {
    let value = value.into();
    println!("  {figure:<58} {value}");
    if let Ok(mut rows) = ROWS.lock() {
        rows.push(Row {
            bench: bench.into(),
            figure: figure.into(),
            value,
        });
    }
}

fn rate(n: f64, d: Duration) -> f64 {
    n / d.as_secs_f64().max(1e-9)
}

fn fmt_rate(r: f64) -> String {
    format!("{r:.0}/s")
}

fn fmt_ratio(r: f64) -> String {
    format!("{r:.2}")
}

fn fmt_dur(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{:.1} ms", d.as_secs_f64() * 1000.0)
    } else {
        format!("{:.2} s", d.as_secs_f64())
    }
}

fn met(ratio: f64, target: f64) -> &'static str {
    if ratio >= target { "met" } else { "NOT met" }
}

// ---------------------------------------------------------------------------------------
// CPU accounting: the machine is shared, so every timed section also reports how much CPU
// this process, PostgreSQL and everything else used while it ran.

#[derive(Clone, Copy, Default)]
struct Cpu {
    busy: u64,
    ours: u64,
    pg: u64,
    /// Kernel threads (journal, block I/O workers…) and interrupt handling.
    kernel: u64,
    at: Option<Instant>,
}

/// Cores used: (this process, PostgreSQL, kernel, other processes).
type Cores = (f64, f64, f64, f64);

fn stat_ticks(stat: &str) -> Option<u64> {
    // Fields after the command name: state is the first, utime the 12th, stime the 13th.
    let rest = stat.rsplit_once(") ")?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

/// Whether a /proc/<pid>/stat line is a kernel thread's (kthreadd or one of its children).
fn is_kernel_thread(pid: &str, stat: &str) -> bool {
    let ppid = stat
        .rsplit_once(") ")
        .and_then(|(_, rest)| rest.split_whitespace().nth(1));
    pid == "2" || ppid == Some("2")
}

fn cpu_snap() -> Cpu {
    let mut kernel = 0;
    let busy = std::fs::read_to_string("/proc/stat")
        .ok()
        .and_then(|s| {
            let line = s.lines().next()?.to_string();
            let v: Vec<u64> = line
                .split_whitespace()
                .skip(1)
                .filter_map(|x| x.parse().ok())
                .collect();
            // user nice system idle iowait irq softirq steal
            kernel = v.get(5)? + v.get(6)?;
            Some(
                v.first()?
                    + v.get(1)?
                    + v.get(2)?
                    + v.get(5)?
                    + v.get(6)?
                    + v.get(7).copied().unwrap_or(0),
            )
        })
        .unwrap_or(0);
    let ours = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| stat_ticks(&s))
        .unwrap_or(0);
    let mut pg = 0;
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for e in dir.flatten() {
            let name = e.file_name();
            let Some(pid) = name
                .to_str()
                .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
            else {
                continue;
            };
            let path = e.path();
            let Ok(stat) = std::fs::read_to_string(path.join("stat")) else {
                continue;
            };
            let ticks = stat_ticks(&stat).unwrap_or(0);
            if is_kernel_thread(pid, &stat) {
                kernel += ticks;
            } else if std::fs::read_to_string(path.join("comm"))
                .is_ok_and(|c| c.trim() == "postgres")
            {
                pg += ticks;
            }
        }
    }
    Cpu {
        busy,
        ours,
        pg,
        kernel,
        at: Some(Instant::now()),
    }
}

/// Cores used since `c0`. Ticks are 1/100 s. The CPU of processes that exited in between
/// (a closed PostgreSQL backend, a finished compiler) shows as "other".
fn cores_since(c0: Cpu) -> Cores {
    let c1 = cpu_snap();
    let secs = c0
        .at
        .map(|t| t.elapsed().as_secs_f64())
        .unwrap_or(1.0)
        .max(1e-3)
        * 100.0;
    let ours = c1.ours.saturating_sub(c0.ours) as f64 / secs;
    let pg = c1.pg.saturating_sub(c0.pg) as f64 / secs;
    let kernel = c1.kernel.saturating_sub(c0.kernel) as f64 / secs;
    let busy = c1.busy.saturating_sub(c0.busy) as f64 / secs;
    (ours, pg, kernel, (busy - ours - pg - kernel).max(0.0))
}

fn record_cpu(bench: &str, c0: Cpu) {
    record_cores(bench, cores_since(c0));
}

fn record_cores(bench: &str, (ours, pg, kernel, other): Cores) {
    record(
        bench,
        "CPU (cores): bench process / PostgreSQL / kernel / other",
        format!("{ours:.2} / {pg:.2} / {kernel:.2} / {other:.2}"),
    );
}

/// Waits (at most `max`) until other processes use less than a quarter of a core, so that
/// a compilation next door does not land in the figures; says so when it gives up.
fn wait_quiet(max: Duration) {
    let t0 = Instant::now();
    loop {
        let c0 = cpu_snap();
        std::thread::sleep(Duration::from_millis(500));
        let (ours, pg, _, other) = cores_since(c0);
        if other + pg < 0.25 && ours < 0.25 {
            return;
        }
        if t0.elapsed() > max {
            println!(
                "  (machine busy: {other:.2} cores used by other processes, {pg:.2} by PostgreSQL; going on)"
            );
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Sinks: small inboxes on 127.0.0.1 that count what they get and answer 202.

#[derive(Default)]
struct SinkStats {
    posts: AtomicU64,
    other: AtomicU64,
    inflight: AtomicI64,
    peak: AtomicI64,
}

struct InFlight<'a>(&'a SinkStats);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.inflight.fetch_sub(1, Ordering::SeqCst);
    }
}

#[derive(Clone)]
struct SinkState {
    stats: Arc<SinkStats>,
    delay: Duration,
}

async fn sink_inbox(State(s): State<SinkState>, _body: Bytes) -> StatusCode {
    let now = s.stats.inflight.fetch_add(1, Ordering::SeqCst) + 1;
    let _guard = InFlight(&s.stats);
    s.stats.peak.fetch_max(now, Ordering::SeqCst);
    if !s.delay.is_zero() {
        tokio::time::sleep(s.delay).await;
    }
    s.stats.posts.fetch_add(1, Ordering::SeqCst);
    StatusCode::ACCEPTED
}

async fn sink_other(State(s): State<SinkState>) -> StatusCode {
    s.stats.other.fetch_add(1, Ordering::SeqCst);
    StatusCode::NOT_FOUND
}

struct Sink {
    port: u16,
    stats: Arc<SinkStats>,
    task: tokio::task::JoinHandle<()>,
}

impl Sink {
    fn domain(&self) -> String {
        format!("localhost:{}", self.port)
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Starts `n` sinks on the sink runtime (one thread of its own, like a separate process).
fn start_sinks(
    rt: &tokio::runtime::Handle,
    n: usize,
    delay: Duration,
) -> anyhow::Result<Vec<Sink>> {
    let mut sinks = Vec::with_capacity(n);
    for _ in 0..n {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let port = listener.local_addr()?.port();
        let stats = Arc::new(SinkStats::default());
        let app = Router::new()
            .route("/inbox", post(sink_inbox))
            .route("/inbox/{n}", post(sink_inbox))
            .fallback(sink_other)
            .with_state(SinkState {
                stats: stats.clone(),
                delay,
            });
        let task = rt.spawn(async move {
            if let Ok(l) = tokio::net::TcpListener::from_std(listener) {
                let _ = axum::serve(l, app).await;
            }
        });
        sinks.push(Sink { port, stats, task });
    }
    Ok(sinks)
}

fn posts_received(sinks: &[Sink]) -> u64 {
    sinks
        .iter()
        .map(|s| s.stats.posts.load(Ordering::SeqCst))
        .sum()
}

// ---------------------------------------------------------------------------------------
// Set-up helpers

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

async fn count(conn: &mut AsyncPgConnection, sql: &str) -> anyhow::Result<i64> {
    use diesel_async::RunQueryDsl;
    let c: Count = diesel::sql_query(sql).get_result(conn).await?;
    Ok(c.n)
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// A prepared (not served) instance with its own database and a local organisation, for
/// running the delivery worker by hand.
async fn worker_instance(
    concurrency: usize,
    per_domain: usize,
    pool: usize,
) -> anyhow::Result<(TestDb, AppState, DbActor)> {
    let db = TestDb::new().await?;
    let mut config: Config = test_config(free_port()?, &db, &[])?;
    config.delivery.concurrency = concurrency;
    config.delivery.per_domain = per_domain;
    config.delivery.lease_seconds = 60;
    config.database.pool_size = pool;
    let state = app::prepare(config).await?;
    let org = {
        let mut conn = state.pool.get().await?;
        new_org(&mut conn, &state, "stadt-bench").await?
    };
    Ok((db, state, org))
}

async fn new_org(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    handle: &str,
) -> anyhow::Result<DbActor> {
    orgs::create(
        conn,
        &state.urls,
        &NewOrganisation {
            handle: handle.into(),
            name: "Stadt Benchmark".into(),
            kind: OrgKind::Municipality,
            profile: Profile::default(),
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("creating the organisation: {e}"))
}

fn remote_actor(
    id: &str,
    domain: &str,
    inbox: String,
    shared: Option<String>,
    pem: &str,
) -> NewActor {
    let handle = id.rsplit('/').next().unwrap_or("x");
    NewActor {
        inbox_url: inbox,
        shared_inbox_url: shared,
        followers_url: Some(format!("{id}/followers")),
        public_key_pem: pem.to_string(),
        ..NewActor::remote(id, "Organization", handle, domain, &format!("Remote {id}"))
    }
}

/// A typical outgoing Create{Article} of about 2 KB, as `publish` writes them.
fn typical_payload(base: &str, n: usize) -> String {
    let body = "Die Partnerstädte laden zum Jugendaustausch ein: eine Woche Gartenbau, \
                Sprachkurse und Begegnungen. Les villes jumelées invitent les jeunes à une \
                semaine d'échanges, de jardinage et de cours de langue. "
        .repeat(4);
    let object = format!("{base}/posts/bench{n}");
    json!({
        "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
        "id": format!("{object}/activity"), "type": "Create",
        "actor": format!("{base}/o/stadt-bench"),
        "published": "2026-11-24T10:00:00Z",
        "to": [PUBLIC], "cc": [format!("{base}/o/stadt-bench/followers")],
        "object": {
            "id": object, "type": "Article", "attributedTo": format!("{base}/o/stadt-bench"),
            "name": "Jugendaustausch 2027", "nameMap": {"de": "Jugendaustausch 2027", "fr": "Échange de jeunes 2027"},
            "summary": "Eine Woche Begegnung.", "content": format!("<p>{body}</p>"),
            "contentMap": {"de": format!("<p>{body}</p>")},
            "published": "2026-11-24T10:00:00Z", "url": object,
            "to": [PUBLIC], "cc": [format!("{base}/o/stadt-bench/followers")]
        }
    })
    .to_string()
}

fn read_status(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|l| {
        l.strip_prefix(field)?
            .trim_start_matches(':')
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()
    })
}

/// Resets VmHWM to the current RSS (Linux ≥ 4.0); false where that is not possible.
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn mib(kb: Option<u64>) -> String {
    kb.map(|k| format!("{:.1} MiB", k as f64 / 1024.0))
        .unwrap_or_else(|| "n/a".into())
}

/// Runs `f(i)` for `i in 0..total` on `tasks` spawned tasks (so that work spreads over the
/// runtime's threads), stopping early at `limit`. Returns the elapsed time and how many ran.
async fn run_spread<F, Fut>(tasks: usize, total: usize, limit: Duration, f: F) -> (Duration, usize)
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send,
{
    let f = Arc::new(f);
    let next = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicUsize::new(0));
    let t0 = Instant::now();
    let deadline = t0 + limit;
    let mut handles = Vec::new();
    for _ in 0..tasks {
        let (f, next, done) = (f.clone(), next.clone(), done.clone());
        handles.push(tokio::spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= total || Instant::now() > deadline {
                    break;
                }
                f(i).await;
                done.fetch_add(1, Ordering::SeqCst);
            }
        }));
    }
    for h in handles {
        let _ = tokio::time::timeout_at(deadline.into(), h).await;
    }
    (t0.elapsed(), done.load(Ordering::SeqCst))
}

struct Drained {
    elapsed: Duration,
    summary: queue::QueueSummary,
    posted: u64,
    timed_out: bool,
    cpu: Cores,
    /// Claimed, unfinished deliveries sampled every 250 ms: (mean, max).
    in_flight: (f64, i64),
    /// Transaction ids assigned in the cluster meanwhile (writing transactions and
    /// subtransactions).
    xids: i64,
}

/// Runs the delivery worker until `expect` deliveries are finished (or `limit` passes),
/// watching the sinks' counters and confirming with the queue summary.
async fn drain(
    db: &TestDb,
    state: &AppState,
    sinks: &[Sink],
    expect: i64,
    limit: Duration,
) -> anyhow::Result<Drained> {
    let mut monitor = AsyncPgConnection::establish(db.url.as_str()).await?;
    let posted_before = posts_received(sinks);
    let xid0 = xid(&mut monitor).await?;
    let (stop_tx, stop_rx) = watch::channel(false);
    let wakeup = Wakeup::default();
    let c0 = cpu_snap();
    let t0 = Instant::now();
    let worker = tokio::spawn(delivery::run(state.clone(), wakeup.clone(), stop_rx));
    wakeup.wake();
    let mut last_check = Instant::now();
    let mut last_sample = Instant::now();
    let mut samples: Vec<i64> = Vec::new();
    let (elapsed, summary, timed_out) = loop {
        tokio::time::sleep(Duration::from_millis(5)).await;
        let posted = posts_received(sinks) - posted_before;
        if last_sample.elapsed() > Duration::from_millis(250) {
            // Claimed and not yet recorded: the worker's deliveries in flight.
            last_sample = Instant::now();
            samples.push(
                count(
                    &mut monitor,
                    "SELECT count(*) AS n FROM delivery_leases l, unnest(l.ids) AS t(id)
                     WHERE l.until > now()
                       AND EXISTS (SELECT 1 FROM deliveries d WHERE d.id = t.id AND d.state = 'pending')",
                )
                .await?,
            );
        }
        if posted as i64 >= expect || last_check.elapsed() > Duration::from_secs(1) {
            last_check = Instant::now();
            let s = queue::summary(&mut monitor).await?;
            if s.delivered + s.gave_up >= expect {
                break (t0.elapsed(), s, false);
            }
            if t0.elapsed() > limit {
                break (t0.elapsed(), s, true);
            }
        }
    };
    let cpu = cores_since(c0);
    let xids = xid(&mut monitor).await? - xid0;
    let in_flight = if samples.is_empty() {
        (0.0, 0)
    } else {
        (
            samples.iter().sum::<i64>() as f64 / samples.len() as f64,
            samples.iter().copied().max().unwrap_or(0),
        )
    };
    let _ = stop_tx.send(true);
    let _ = tokio::time::timeout(Duration::from_secs(15), worker).await;
    Ok(Drained {
        elapsed,
        summary,
        posted: posts_received(sinks) - posted_before,
        timed_out,
        cpu,
        in_flight,
        xids,
    })
}

// ---------------------------------------------------------------------------------------
// 1. Signing

fn signing_string() -> String {
    let body = typical_payload("https://jumelage.example", 1);
    format!(
        "(request-target): post /inbox\nhost: mastodon.example\ndate: Tue, 24 Nov 2026 10:00:00 GMT\ndigest: {}\ncontent-type: {AP}",
        passerelle::federation::signatures::digest_header(body.as_bytes())
    )
}

/// Operations per second of `op` on `threads` threads for `secs` seconds.
fn per_second(threads: usize, secs: f64, op: &(dyn Fn() + Sync)) -> f64 {
    let total = AtomicU64::new(0);
    let stop = AtomicBool::new(false);
    let t0 = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut n = 0u64;
                // Bounded: stops at `secs`, and at 10 million operations at most.
                while n < 10_000_000 {
                    op();
                    n += 1;
                    if n.is_multiple_of(16)
                        && (stop.load(Ordering::Relaxed) || t0.elapsed().as_secs_f64() >= secs)
                    {
                        stop.store(true, Ordering::Relaxed);
                        break;
                    }
                }
                total.fetch_add(n, Ordering::Relaxed);
            });
        }
    });
    total.load(Ordering::Relaxed) as f64 / t0.elapsed().as_secs_f64()
}

struct Signing {
    two_threads: f64,
}

fn bench_signing() -> anyhow::Result<Signing> {
    println!("\n== 1. Signing (RSA-2048 PKCS#1 v1.5 SHA-256, aws-lc-rs) ==");
    let pair = activitypub_federation::http_signatures::generate_actor_keypair()?;
    let key =
        SigningKey::from_pkcs8_pem("https://jumelage.example/o/a#main-key", &pair.private_key)?;
    let public = PublicKey::from_pem(&pair.public_key).map_err(|e| anyhow::anyhow!("{e}"))?;
    let msg = signing_string();
    println!("  signing string: {} bytes", msg.len());
    let sig = key.sign(msg.as_bytes())?;
    anyhow::ensure!(
        public.verify(msg.as_bytes(), &sig),
        "the signature does not verify"
    );
    let sign = || {
        let _ = std::hint::black_box(key.sign(std::hint::black_box(msg.as_bytes())));
    };
    // Warm-up, then three runs per thread count, alternating; the best counts. Single-thread
    // runs vary by up to 40 % from one run to the next on this VM (the vCPU a thread lands
    // on?), so all three are printed.
    per_second(2, 1.0, &sign);
    let (mut ones, mut twos) = (Vec::new(), Vec::new());
    let (mut cpu_one, mut cpu_two) = ((0.0, 0.0, 0.0, 0.0), (0.0, 0.0, 0.0, 0.0));
    for _ in 0..3 {
        let c0 = cpu_snap();
        ones.push(per_second(1, SIGN_SECONDS, &sign));
        cpu_one = cores_since(c0);
        let c0 = cpu_snap();
        twos.push(per_second(2, SIGN_SECONDS, &sign));
        cpu_two = cores_since(c0);
    }
    let best = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    let list = |v: &[f64]| {
        v.iter()
            .map(|r| format!("{r:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (one, two) = (best(&ones), best(&twos));
    record(
        "1 signing",
        "signatures/s, 1 thread (best of 3)",
        format!("{} ({})", fmt_rate(one), list(&ones)),
    );
    record_cores("1 signing (1 thread, last run)", cpu_one);
    record(
        "1 signing",
        "signatures/s, 2 threads (best of 3; the signing bound)",
        format!("{} ({})", fmt_rate(two), list(&twos)),
    );
    record_cores("1 signing (2 threads, last run)", cpu_two);
    record("1 signing", "2-thread / 1-thread", fmt_ratio(two / one));
    let url = Url::parse("https://mastodon.example/inbox")?;
    let body = typical_payload("https://jumelage.example", 2);
    let full = per_second(1, 1.0, &|| {
        let _ = std::hint::black_box(sign_post(&key, &url, body.as_bytes(), SystemTime::now()));
    });
    record(
        "1 signing",
        "sign_post (digest+headers+signature)/s, 1 thread",
        fmt_rate(full),
    );
    let verify = per_second(1, 1.0, &|| {
        std::hint::black_box(public.verify(msg.as_bytes(), &sig));
    });
    record("1 signing", "verifications/s, 1 thread", fmt_rate(verify));
    Ok(Signing { two_threads: two })
}

// ---------------------------------------------------------------------------------------
// 0. PostgreSQL and the queue's own operations (what bounds the worker and the inbox)

/// Single-row autocommit INSERTs per second on `conns` connections of their own, and the
/// CPU used meanwhile (measured before the connections close, so that their backends count).
async fn commit_rate(db: &TestDb, conns: usize, secs: Duration) -> anyhow::Result<(f64, Cores)> {
    let done = Arc::new(AtomicU64::new(0));
    let c0 = cpu_snap();
    let t0 = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..conns {
        let (url, done) = (db.url.to_string(), done.clone());
        handles.push(tokio::spawn(async move {
            use diesel_async::RunQueryDsl;
            let Ok(mut c) = AsyncPgConnection::establish(&url).await else {
                return None;
            };
            let mut n = 0u64;
            while t0.elapsed() < secs && n < 1_000_000 {
                if diesel::sql_query("INSERT INTO bench_commits (x) VALUES (1)")
                    .execute(&mut c)
                    .await
                    .is_err()
                {
                    break;
                }
                n += 1;
            }
            done.fetch_add(n, Ordering::SeqCst);
            Some(c)
        }));
    }
    let mut open = Vec::new();
    for h in handles {
        if let Ok(Ok(Some(c))) = tokio::time::timeout(secs + Duration::from_secs(10), h).await {
            open.push(c);
        }
    }
    let r = rate(done.load(Ordering::SeqCst) as f64, t0.elapsed());
    let cpu = cores_since(c0);
    drop(open);
    Ok((r, cpu))
}

/// The cluster's next transaction id: its growth counts writing transactions (and
/// savepoints that write), cluster-wide.
async fn xid(conn: &mut AsyncPgConnection) -> anyhow::Result<i64> {
    count(conn, "SELECT pg_current_xact_id()::text::bigint AS n").await
}

async fn bench_database() -> anyhow::Result<()> {
    use diesel_async::RunQueryDsl;
    let label = "0 postgres";
    println!("\n== 0. PostgreSQL: fsync'd commits, and the queue's claim and finish ==");
    let (db, state, org) = worker_instance(64, 8, 40).await?;
    {
        let mut conn = state.pool.get().await?;
        diesel::sql_query(
            "CREATE TABLE bench_commits (id BIGSERIAL PRIMARY KEY, x BIGINT NOT NULL)",
        )
        .execute(&mut conn)
        .await?;
    }
    for conns in [1usize, 32] {
        let (r, cpu) = commit_rate(&db, conns, Duration::from_secs(3)).await?;
        record(
            label,
            &format!("autocommit INSERTs/s, {conns} connection(s)"),
            fmt_rate(r),
        );
        record_cores(&format!("0 postgres ({conns} conn.)"), cpu);
    }
    // 20,000 pending deliveries, as in benchmark 2 (never sent here).
    {
        let mut conn = state.pool.get().await?;
        let payload = typical_payload(state.urls.base(), 0);
        for a in 0..100 {
            let inboxes: Vec<(String, String)> = (0..200)
                .map(|j| {
                    let d = j % DELIVERY_SINKS;
                    (
                        format!("http://localhost:{}/inbox/{}", 20000 + d, a * 200 + j),
                        format!("localhost:{}", 20000 + d),
                    )
                })
                .collect();
            queue::enqueue(
                &mut conn,
                &format!("{}/posts/db{a}/activity", state.urls.base()),
                org.id,
                "Create",
                None,
                &payload,
                &inboxes,
            )
            .await?;
        }
        diesel::sql_query("ANALYZE deliveries")
            .execute(&mut conn)
            .await?;
        // A claim with a zero lease leaves the rows due, so every claim sees 20,000 pending.
        let mut times = Vec::new();
        for _ in 0..10 {
            let t = Instant::now();
            let got =
                queue::claim(&mut conn, 64, 8, &[], 0, &mut queue::Payloads::default()).await?;
            times.push(t.elapsed());
            anyhow::ensure!(!got.is_empty(), "nothing claimed");
        }
        times.sort();
        record(
            label,
            "claim(limit 64) with 20,000 pending, median",
            fmt_dur(times[times.len() / 2]),
        );
        let mut times = Vec::new();
        for _ in 0..10 {
            let t = Instant::now();
            queue::claim(&mut conn, 1, 8, &[], 0, &mut queue::Payloads::default()).await?;
            times.push(t.elapsed());
        }
        times.sort();
        record(
            label,
            "claim(limit 1) with 20,000 pending, median",
            fmt_dur(times[times.len() / 2]),
        );
    }
    // finish(Delivered): one connection in sequence, then 32 at once.
    let claimed = {
        let mut conn = state.pool.get().await?;
        queue::claim(
            &mut conn,
            4760,
            4760,
            &[],
            600,
            &mut queue::Payloads::default(),
        )
        .await?
    };
    anyhow::ensure!(claimed.len() == 4760, "claimed {} of 4760", claimed.len());
    let (claimed, batched) = claimed.split_at(2200);
    let (seq, par) = claimed.split_at(200);
    // finish_many: 40 batches of 64, as the worker's recorder stores them under load.
    {
        let mut conn = state.pool.get().await?;
        let t = Instant::now();
        for chunk in batched.chunks(64) {
            let done: Vec<queue::Finished> = chunk
                .iter()
                .map(|d| queue::Finished {
                    delivery: d.clone(),
                    outcome: Outcome::Delivered(202),
                    retry_at: chrono::Utc::now(),
                })
                .collect();
            queue::finish_many(&mut conn, &done, &[]).await?;
        }
        let e = t.elapsed();
        record(
            label,
            "finish_many(64 Delivered), 1 connection: deliveries/s",
            fmt_rate(rate(batched.len() as f64, e)),
        );
    }
    {
        let mut conn = state.pool.get().await?;
        let t = Instant::now();
        for d in seq {
            queue::finish(&mut conn, d, &Outcome::Delivered(202), chrono::Utc::now()).await?;
        }
        let e = t.elapsed();
        record(
            label,
            "finish(Delivered), 1 connection: per call",
            format!(
                "{:.2} ms ({})",
                e.as_secs_f64() * 1000.0 / seq.len() as f64,
                fmt_rate(rate(seq.len() as f64, e))
            ),
        );
    }
    let par = Arc::new(par.to_vec());
    let (st, p) = (state.clone(), par.clone());
    let c0 = cpu_snap();
    let (e, n) = run_spread(32, par.len(), Duration::from_secs(60), move |i| {
        let (st, p) = (st.clone(), p.clone());
        async move {
            if let Ok(mut conn) = st.pool.get().await {
                let _ = queue::finish(
                    &mut conn,
                    &p[i],
                    &Outcome::Delivered(202),
                    chrono::Utc::now(),
                )
                .await;
            }
        }
    })
    .await;
    record(
        label,
        "finish(Delivered), 32 at once (20 domains)",
        fmt_rate(rate(n as f64, e)),
    );
    record_cpu("0 postgres (finish ×32)", c0);
    drop(state);
    drop(db);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 2a. Sign + POST without the queue (the ceiling of the worker's per-delivery work)

/// Runs 2a under `label` and returns its rate.
async fn bench_send_only(
    sink_rt: &tokio::runtime::Handle,
    bound: f64,
    label: &str,
) -> anyhow::Result<f64> {
    println!(
        "\n== {label}: signed POSTs to {DELIVERY_SINKS} sinks, no database (delivery::send, 64 in flight) =="
    );
    let sinks = start_sinks(sink_rt, DELIVERY_SINKS, Duration::ZERO)?;
    let pair = activitypub_federation::http_signatures::generate_actor_keypair()?;
    let key = Arc::new(SigningKey::from_pkcs8_pem(
        "http://localhost:1/o/stadt-bench#main-key",
        &pair.private_key,
    )?);
    let client = passerelle::federation::http::client(true, "passerelle-bench");
    let knocks = Knocks::default();
    let signers = delivery::Signers::default();
    let payload = Bytes::from(typical_payload("http://localhost:1", 0));
    let ports: Arc<Vec<u16>> = Arc::new(sinks.iter().map(|s| s.port).collect());
    let ok = Arc::new(AtomicUsize::new(0));
    let ok2 = ok.clone();
    let c0 = cpu_snap();
    let (elapsed, ran) = run_spread(64, SEND_ONLY, Duration::from_secs(60), move |i| {
        let (client, knocks, signers, key, payload, ports, ok) = (
            client.clone(),
            knocks.clone(),
            signers.clone(),
            key.clone(),
            payload.clone(),
            ports.clone(),
            ok2.clone(),
        );
        async move {
            let inbox = format!("http://localhost:{}/inbox/{i}", ports[i % ports.len()]);
            if let Outcome::Delivered(_) =
                delivery::send(&client, &knocks, &signers, key, &inbox, payload).await
            {
                ok.fetch_add(1, Ordering::SeqCst);
            }
        }
    })
    .await;
    let delivered = ok.load(Ordering::SeqCst);
    record_cpu(label, c0);
    let r = rate(delivered as f64, elapsed);
    record(
        label,
        "signed POSTs sent",
        format!("{delivered} of {ran} in {}", fmt_dur(elapsed)),
    );
    record(label, "signed POSTs/s (no database)", fmt_rate(r));
    record(
        label,
        "ratio to 2-thread signing bound",
        fmt_ratio(r / bound),
    );
    drop(sinks);
    Ok(r)
}

// ---------------------------------------------------------------------------------------
// 2. Deliveries/s through the persistent queue

/// The summary table's name for one configuration of the deliveries benchmark.
fn deliveries_label(concurrency: usize, per_domain: usize, pool: usize) -> String {
    format!("2 deliveries c={concurrency} pd={per_domain} pool={pool}")
}

async fn bench_deliveries(
    sink_rt: &tokio::runtime::Handle,
    bound: f64,
    (concurrency, per_domain, pool): (usize, usize, usize),
    label: &str,
) -> anyhow::Result<f64> {
    println!(
        "\n== 2. {DELIVERIES} deliveries to {DELIVERY_SINKS} sinks through the queue \
         (concurrency {concurrency}, per_domain {per_domain}, pool {pool}) =="
    );
    let sinks = start_sinks(sink_rt, DELIVERY_SINKS, Duration::ZERO)?;
    let (db, state, org) = worker_instance(concurrency, per_domain, pool).await?;
    let per_activity = 200;
    let activities = DELIVERIES / per_activity;
    let t0 = Instant::now();
    {
        let mut conn = state.pool.get().await?;
        for a in 0..activities {
            let inboxes: Vec<(String, String)> = (0..per_activity)
                .map(|j| {
                    let s = &sinks[j % sinks.len()];
                    (
                        format!("http://localhost:{}/inbox/{}", s.port, a * per_activity + j),
                        s.domain(),
                    )
                })
                .collect();
            let payload = typical_payload(state.urls.base(), a);
            queue::enqueue(
                &mut conn,
                &format!("{}/posts/bench{a}/activity", state.urls.base()),
                org.id,
                "Create",
                None,
                &payload,
                &inboxes,
            )
            .await?;
        }
    }
    let enqueue = t0.elapsed();
    record(
        label,
        "enqueue (100 activities × 200 inboxes)",
        format!(
            "{} ({})",
            fmt_dur(enqueue),
            fmt_rate(rate(DELIVERIES as f64, enqueue))
        ),
    );
    let d = drain(
        &db,
        &state,
        &sinks,
        DELIVERIES as i64,
        Duration::from_secs(150),
    )
    .await?;
    let r = rate(d.summary.delivered as f64, d.elapsed);
    record(
        label,
        "delivered / POSTs received / gave up",
        format!(
            "{} / {} / {}{}",
            d.summary.delivered,
            d.posted,
            d.summary.gave_up,
            if d.timed_out { " (TIMED OUT)" } else { "" }
        ),
    );
    record(label, "time until all delivered", fmt_dur(d.elapsed));
    record(label, "deliveries/s", fmt_rate(r));
    record(
        label,
        "ratio to 2-thread signing bound",
        fmt_ratio(r / bound),
    );
    record(
        label,
        "claimed, unrecorded deliveries (leased), mean / max (limit)",
        format!("{:.1} / {} ({concurrency})", d.in_flight.0, d.in_flight.1),
    );
    record(
        label,
        "transaction ids per delivery (commits + savepoints)",
        format!("{:.2}", d.xids as f64 / d.summary.delivered.max(1) as f64),
    );
    record_cores(label, d.cpu);
    drop(state);
    drop(db);
    Ok(r)
}

// ---------------------------------------------------------------------------------------
// 3. The inbox: verified and stored activities/s

fn create_note(actor: &str, n: usize) -> String {
    let object = format!("{actor}/statuses/{n}");
    json!({
        "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
        "id": format!("{object}/activity"), "type": "Create", "actor": actor,
        "published": "2026-11-24T10:00:00Z",
        "to": [PUBLIC], "cc": [format!("{actor}/followers")],
        "object": {
            "id": object, "type": "Note", "attributedTo": actor,
            "content": format!("<p>Rencontre des villes jumelées n° {n} : inscriptions ouvertes jusqu'au 15 janvier. <a href=\"https://example.org/\">Programme</a></p>"),
            "contentMap": {"fr": format!("<p>Rencontre des villes jumelées n° {n} : inscriptions ouvertes jusqu'au 15 janvier.</p>")},
            "published": "2026-11-24T10:00:00Z", "url": object,
            "to": [PUBLIC], "cc": [format!("{actor}/followers")]
        }
    })
    .to_string()
}

type Signed = (String, Vec<(&'static str, String)>);

async fn bench_inbox(sink_rt: &tokio::runtime::Handle, in_flight: &[usize]) -> anyhow::Result<()> {
    println!(
        "\n== 3. Inbox: {INBOX_ACTIVITIES} signed Create{{Note}} per run from {INBOX_ACTORS} followed remote actors =="
    );
    let inst = TestInstance::start_with(|c| {
        c.database.pool_size = std::env::var("PASSERELLE_BENCH_POOL")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(16);
    })
    .await?;
    let state = inst.state().clone();
    // The remote actors' hosts: listeners answering 404 to everything, counting requests,
    // so that any fetch of an actor document would show.
    let hosts = start_sinks(sink_rt, INBOX_ACTOR_PORTS, Duration::ZERO)?;
    let t0 = Instant::now();
    let keypairs: Vec<_> = {
        let mut handles = Vec::new();
        for _ in 0..INBOX_ACTORS {
            handles.push(tokio::task::spawn_blocking(
                activitypub_federation::http_signatures::generate_actor_keypair,
            ));
        }
        let mut out = Vec::new();
        for h in handles {
            out.push(h.await??);
        }
        out
    };
    let mut actor_ids = Vec::new();
    let mut keys = Vec::new();
    {
        let mut conn = state.pool.get().await?;
        let org = new_org(&mut conn, &state, "stadt-inbox").await?;
        for (i, pair) in keypairs.iter().enumerate() {
            let host = &hosts[i % hosts.len()];
            let id = format!("http://localhost:{}/users/u{i}", host.port);
            let actor = DbActor::insert(
                &mut conn,
                &remote_actor(
                    &id,
                    &host.domain(),
                    format!("{id}/inbox"),
                    Some(format!("http://localhost:{}/inbox", host.port)),
                    &pair.public_key,
                ),
            )
            .await?;
            DbFollow::upsert(&mut conn, org.id, actor.id, true, None).await?;
            keys.push(SigningKey::from_pkcs8_pem(
                format!("{id}#main-key"),
                &pair.private_key,
            )?);
            actor_ids.push(id);
        }
    }
    println!(
        "  set-up (keys, actors, follows): {}",
        fmt_dur(t0.elapsed())
    );
    let inbox = Url::parse(&inst.url("/inbox"))?;
    let total = INBOX_ACTIVITIES * in_flight.len();
    // Pre-sign every request on two threads (distinct ids, so distinct signatures).
    let t0 = Instant::now();
    let signed: Vec<Signed> = {
        let (keys, ids, inbox) = (&keys, &actor_ids, &inbox);
        let parts: Vec<Vec<(usize, Signed)>> = std::thread::scope(|s| {
            let hs: Vec<_> = (0..2)
                .map(|t| {
                    s.spawn(move || {
                        (t..total)
                            .step_by(2)
                            .filter_map(|i| {
                                let a = i % ids.len();
                                let body = create_note(&ids[a], i);
                                let h =
                                    sign_post(&keys[a], inbox, body.as_bytes(), SystemTime::now())
                                        .ok()?;
                                Some((i, (body, h)))
                            })
                            .collect()
                    })
                })
                .collect();
            hs.into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let mut all: Vec<(usize, Signed)> = parts.into_iter().flatten().collect();
        all.sort_by_key(|(i, _)| *i);
        all.into_iter().map(|(_, s)| s).collect()
    };
    let presign = t0.elapsed();
    anyhow::ensure!(signed.len() == total, "pre-signing failed");
    println!(
        "  pre-signed {total} requests in {} ({})",
        fmt_dur(presign),
        fmt_rate(rate(total as f64, presign))
    );
    let client = reqwest::Client::builder()
        .resolve("localhost", "127.0.0.1:0".parse()?)
        .pool_max_idle_per_host(128)
        .timeout(Duration::from_secs(30))
        .build()?;
    let signed = Arc::new(signed);
    let mut monitor = AsyncPgConnection::establish(inst.db.url.as_str()).await?;
    for (run, &k) in in_flight.iter().enumerate() {
        let label = format!("3 inbox {k} in flight");
        let stored_before = count(
            &mut monitor,
            "SELECT count(*) AS n FROM posts WHERE NOT local",
        )
        .await?;
        let statuses: Arc<Mutex<std::collections::BTreeMap<u16, usize>>> = Arc::default();
        let errors: Arc<Mutex<Vec<String>>> = Arc::default();
        let (c, s, st, er, url) = (
            client.clone(),
            signed.clone(),
            statuses.clone(),
            errors.clone(),
            inbox.to_string(),
        );
        let offset = run * INBOX_ACTIVITIES;
        let xid0 = xid(&mut monitor).await?;
        let c0 = cpu_snap();
        let (elapsed, _) = run_spread(k, INBOX_ACTIVITIES, Duration::from_secs(90), move |i| {
            let (c, s, st, er, url) = (c.clone(), s.clone(), st.clone(), er.clone(), url.clone());
            async move {
                let (body, headers) = &s[offset + i];
                let mut req = c.post(&url).body(body.clone());
                for (name, value) in headers {
                    if *name != "host" {
                        req = req.header(*name, value);
                    }
                }
                let code = match req.send().await {
                    Ok(resp) => {
                        let code = resp.status().as_u16();
                        if code != 202 {
                            let text = resp.text().await.unwrap_or_default();
                            if let Ok(mut e) = er.lock()
                                && e.len() < 3
                            {
                                e.push(format!(
                                    "{code}: {}",
                                    text.chars().take(200).collect::<String>()
                                ));
                            }
                        }
                        code
                    }
                    Err(e) => {
                        if let Ok(mut v) = er.lock()
                            && v.len() < 3
                        {
                            v.push(format!("{e}"));
                        }
                        0
                    }
                };
                if let Ok(mut m) = st.lock() {
                    *m.entry(code).or_default() += 1;
                }
            }
        })
        .await;
        let statuses = statuses.lock().map(|m| m.clone()).unwrap_or_default();
        let accepted = statuses.get(&202).copied().unwrap_or(0);
        let cpu = cores_since(c0);
        // The instance's indexer builds the search documents after the answers: how long
        // until the last one is built (polled every 20 ms, at most 60 s).
        let t_index = Instant::now();
        let left = loop {
            let left = count(&mut monitor, "SELECT count(*) AS n FROM search_pending").await?;
            if left == 0 || t_index.elapsed() >= Duration::from_secs(60) {
                break left;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        let index_lag = t_index.elapsed();
        let xids = xid(&mut monitor).await? - xid0;
        let stored = count(
            &mut monitor,
            "SELECT count(*) AS n FROM posts WHERE NOT local",
        )
        .await?
            - stored_before;
        let r = rate(accepted as f64, elapsed);
        record(
            &label,
            "answers by status",
            format!("{statuses:?} in {}", fmt_dur(elapsed)),
        );
        record(
            &label,
            "accepted (202) activities/s (target >= 1500)",
            format!("{} ({})", fmt_rate(r), met(r, 1500.0)),
        );
        record(&label, "ratio to the 1,500/s target", fmt_ratio(r / 1500.0));
        record(
            &label,
            "search documents still queued after the last answer: built within",
            if left == 0 {
                format!(
                    "{} (stored and indexed: {})",
                    fmt_dur(index_lag),
                    fmt_rate(rate(accepted as f64, elapsed + index_lag))
                )
            } else {
                format!("{left} still queued after {}", fmt_dur(index_lag))
            },
        );
        record(
            &label,
            "posts stored",
            format!("{stored} of {INBOX_ACTIVITIES}"),
        );
        record(
            &label,
            "transaction ids per accepted activity (commits + savepoints)",
            format!("{:.2}", xids as f64 / accepted.max(1) as f64),
        );
        record_cores(&label, cpu);
        for e in errors.lock().map(|e| e.clone()).unwrap_or_default() {
            println!("  example error: {e}");
        }
    }
    let fetches: u64 = hosts
        .iter()
        .map(|h| h.stats.other.load(Ordering::SeqCst))
        .sum();
    record(
        "3 inbox",
        "requests to the remote actors' hosts (fetches)",
        fetches.to_string(),
    );
    drop(monitor);
    inst.stop().await;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 4. One destination behind 150 ms of latency

async fn bench_latency(sink_rt: &tokio::runtime::Handle, k: usize) -> anyhow::Result<()> {
    let n = k * LATENCY_ROUNDS;
    let label = format!("4 latency per_domain={k}");
    println!(
        "\n== 4. {n} deliveries to one sink answering after {} ms, per_domain {k} ==",
        LATENCY.as_millis()
    );
    let sinks = start_sinks(sink_rt, 1, LATENCY)?;
    let (db, state, org) = worker_instance(k.max(64), k, 16).await?;
    {
        let mut conn = state.pool.get().await?;
        let s = &sinks[0];
        let inboxes: Vec<(String, String)> = (0..n)
            .map(|j| (format!("http://localhost:{}/inbox/{j}", s.port), s.domain()))
            .collect();
        let payload = typical_payload(state.urls.base(), 0);
        queue::enqueue(
            &mut conn,
            &format!("{}/posts/lat/activity", state.urls.base()),
            org.id,
            "Create",
            None,
            &payload,
            &inboxes,
        )
        .await?;
    }
    let d = drain(&db, &state, &sinks, n as i64, Duration::from_secs(60)).await?;
    let r = rate(d.summary.delivered as f64, d.elapsed);
    let ideal = k as f64 / LATENCY.as_secs_f64();
    let peak = sinks[0].stats.peak.load(Ordering::SeqCst);
    record(
        &label,
        "delivered / time",
        format!(
            "{} in {}{}",
            d.summary.delivered,
            fmt_dur(d.elapsed),
            if d.timed_out { " (TIMED OUT)" } else { "" }
        ),
    );
    record(
        &label,
        "deliveries/s vs ideal k/RTT",
        format!("{} vs {}", fmt_rate(r), fmt_rate(ideal)),
    );
    record(
        &label,
        "ratio to ideal (target >= 0.8)",
        format!("{} ({})", fmt_ratio(r / ideal), met(r / ideal, 0.8)),
    );
    record(
        &label,
        "peak requests in flight at the sink",
        format!("{peak} (limit {k})"),
    );
    record(
        &label,
        "ratio to peak-in-flight/RTT",
        fmt_ratio(r / (peak.max(1) as f64 / LATENCY.as_secs_f64())),
    );
    record_cores(&label, d.cpu);
    drop(state);
    drop(db);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 5. Fan-out of one post to 10,000 followers on 500 instances

async fn bench_fanout(sink_rt: &tokio::runtime::Handle) -> anyhow::Result<()> {
    let label = "5 fan-out";
    println!(
        "\n== 5. Fan-out: one post to {FANOUT_FOLLOWERS} followers on {FANOUT_DOMAINS} instances (shared inboxes) =="
    );
    let sinks = start_sinks(sink_rt, FANOUT_DOMAINS, Duration::ZERO)?;
    record(
        label,
        "sink listeners (one per instance)",
        sinks.len().to_string(),
    );
    let (db, state, org) = worker_instance(64, 8, 16).await?;
    let t0 = Instant::now();
    let pair = activitypub_federation::http_signatures::generate_actor_keypair()?;
    {
        use diesel::prelude::*;
        use diesel_async::RunQueryDsl;
        use passerelle::db::schema::{actors, follows};
        let mut conn = state.pool.get().await?;
        let per = FANOUT_FOLLOWERS / FANOUT_DOMAINS;
        let rows: Vec<NewActor> = (0..FANOUT_FOLLOWERS)
            .map(|i| {
                let s = &sinks[i / per];
                let id = format!("http://localhost:{}/users/u{}", s.port, i % per);
                remote_actor(
                    &id,
                    &s.domain(),
                    format!("{id}/inbox"),
                    Some(format!("http://localhost:{}/inbox", s.port)),
                    &pair.public_key,
                )
            })
            .collect();
        let mut ids: Vec<i64> = Vec::with_capacity(rows.len());
        for chunk in rows.chunks(1000) {
            let got: Vec<i64> = diesel::insert_into(actors::table)
                .values(chunk)
                .returning(actors::id)
                .get_results(&mut conn)
                .await?;
            ids.extend(got);
        }
        let follows: Vec<_> = ids
            .iter()
            .map(|id| {
                (
                    follows::follower_id.eq(*id),
                    follows::followed_id.eq(org.id),
                    follows::accepted.eq(true),
                )
            })
            .collect();
        diesel::insert_into(follows::table)
            .values(&follows)
            .execute(&mut conn)
            .await?;
        diesel::sql_query("ANALYZE").execute(&mut conn).await?;
    }
    println!(
        "  set-up ({FANOUT_FOLLOWERS} actors and follows): {}",
        fmt_dur(t0.elapsed())
    );
    let reset = reset_peak_rss();
    let rss_before = read_status("VmRSS");
    let hwm_before = read_status("VmHWM");
    record(
        label,
        "VmRSS / VmHWM before (HWM reset first)",
        format!(
            "{} / {}{}",
            mib(rss_before),
            mib(hwm_before),
            if reset { "" } else { " (reset not possible)" }
        ),
    );
    let mut conn = state.pool.get().await?;
    let input: PostInput = serde_json::from_value(json!({
        "translations": [
            {"language": "de", "title": "Jugendaustausch 2027", "summary": "Eine Woche Begegnung.", "body": "**Anmeldung** bis 15. Januar."},
            {"language": "fr", "title": "Échange de jeunes 2027", "summary": "Une semaine de rencontres.", "body": "Inscription avant le *15 janvier*."}
        ],
        "themes": ["youth"], "sdgs": [4]
    }))?;
    let data = input
        .validate(&mut conn, state.urls.base())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let ap_id = state.urls.post(&uuid::Uuid::new_v4());
    let t0 = Instant::now();
    let (st, author) = (state.clone(), org.clone());
    let followers = conn
        .transaction::<_, AppError, _>(async |conn| {
            let post = DbPost::create(conn, &ap_id, author.id, true, &data).await?;
            publish(conn, &st, &author, &post, false).await?;
            Ok(DbFollow::count_followers(conn, author.id).await?)
        })
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let enqueue = t0.elapsed();
    // Queued, whether still pending, already delivered by the worker or given up.
    let s = queue::summary(&mut conn).await?;
    let queued = s.pending + s.delivered + s.gave_up;
    drop(conn);
    record(label, "followers", followers.to_string());
    record(
        label,
        "time to create the post and enqueue (commit included)",
        fmt_dur(enqueue),
    );
    record(
        label,
        "deliveries queued (one per shared inbox; expect 500)",
        queued.to_string(),
    );
    let d = drain(&db, &state, &sinks, queued, Duration::from_secs(120)).await?;
    let hwm_after = read_status("VmHWM");
    let got_one = sinks
        .iter()
        .filter(|s| s.stats.posts.load(Ordering::SeqCst) == 1)
        .count();
    record(
        label,
        "delivered / POSTs received / gave up",
        format!(
            "{} / {} / {}{}",
            d.summary.delivered,
            d.posted,
            d.summary.gave_up,
            if d.timed_out { " (TIMED OUT)" } else { "" }
        ),
    );
    record(
        label,
        "instances that received exactly one POST",
        format!("{got_one} of {}", sinks.len()),
    );
    record(
        label,
        "time until all delivered (worker start → last recorded)",
        fmt_dur(d.elapsed),
    );
    record(
        label,
        "deliveries/s during the fan-out",
        fmt_rate(rate(d.summary.delivered as f64, d.elapsed)),
    );
    record(
        label,
        "publish → all delivered",
        fmt_dur(enqueue + d.elapsed),
    );
    record(
        label,
        "VmHWM after (peak during enqueue + delivery)",
        format!(
            "{} (+{})",
            mib(hwm_after),
            mib(hwm_after.zip(rss_before).map(|(a, b)| a.saturating_sub(b)))
        ),
    );
    record(
        label,
        "transaction ids per delivery (commits + savepoints)",
        format!("{:.2}", d.xids as f64 / d.summary.delivered.max(1) as f64),
    );
    record_cores(label, d.cpu);
    drop(state);
    drop(db);
    drop(sinks);
    Ok(())
}

// ---------------------------------------------------------------------------------------

fn machine() {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines().next().map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse::<u64>()
                    .unwrap_or(0)
            })
        })
        .unwrap_or(0);
    println!(
        "machine: {cpu}, {cores} cores, {:.1} GiB; PostgreSQL at {}",
        mem as f64 / 1024.0 / 1024.0,
        passerelle::testing::server_url()
    );
}

async fn pg_settings() -> anyhow::Result<()> {
    use diesel_async::RunQueryDsl;
    #[derive(QueryableByName)]
    struct S {
        #[diesel(sql_type = diesel::sql_types::Text)]
        v: String,
    }
    let mut c =
        AsyncPgConnection::establish(&format!("{}/postgres", passerelle::testing::server_url()))
            .await?;
    let s: S = diesel::sql_query(
        "SELECT version() || ' | shared_buffers=' || current_setting('shared_buffers') || ' synchronous_commit=' || current_setting('synchronous_commit') || ' fsync=' || current_setting('fsync') AS v",
    )
    .get_result(&mut c)
    .await?;
    println!("postgres: {}", s.v);
    Ok(())
}

/// The (concurrency, per_domain, pool) configurations the deliveries benchmark runs:
/// `PASSERELLE_BENCH_DELIVERY_CONFIGS` ("128/8/16,256/16/32") or the three below: the
/// defaults first (`delivery.concurrency` 128, `per_domain` 8, a pool of 16).
/// Rounds per configuration of the deliveries benchmark (`PASSERELLE_BENCH_DELIVERY_ROUNDS`,
/// default 3).
fn delivery_rounds() -> usize {
    std::env::var("PASSERELLE_BENCH_DELIVERY_ROUNDS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(3)
}

/// The median (the mean of the middle two of an even count).
fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

fn delivery_configs() -> Vec<(usize, usize, usize)> {
    let parse = |c: &str| -> Option<(usize, usize, usize)> {
        let mut it = c.trim().split('/').map(|n| n.parse::<usize>().ok());
        Some((it.next()??, it.next()??, it.next()??))
    };
    std::env::var("PASSERELLE_BENCH_DELIVERY_CONFIGS")
        .ok()
        .map(|v| v.split(',').filter_map(parse).collect::<Vec<_>>())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| vec![(128, 8, 16), (64, 8, 16), (256, 16, 32)])
}

fn main() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("PASSERELLE_BENCH_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .try_init();
    // `cargo bench` passes `--bench`; other arguments select benchmarks by name.
    let names: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let want = |n: &str| names.is_empty() || names.iter().any(|a| n.contains(a.as_str()));
    let start = Instant::now();
    machine();

    let mut bound = None;
    if want("signing") || want("send") || want("deliveries") {
        wait_quiet(Duration::from_secs(QUIET_WAIT_SECONDS));
        match bench_signing() {
            Ok(s) => bound = Some(s.two_threads),
            Err(e) => println!("  signing benchmark failed: {e:#}"),
        }
    }
    let bound = bound.unwrap_or(f64::NAN);

    let sink_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("sinks")
        .enable_all()
        .build()
        .expect("sink runtime");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let sinks = sink_rt.handle().clone();
    rt.block_on(async {
        if let Err(e) = pg_settings().await {
            println!("postgres: unreachable ({e:#}); the other benchmarks need it");
        }
        // Each benchmark is bounded in time; the run skips what would exceed its budget.
        async fn bounded(
            name: &str,
            start: Instant,
            limit: u64,
            f: impl Future<Output = anyhow::Result<()>>,
        ) {
            if start.elapsed() + Duration::from_secs(limit) > RUN_BUDGET + Duration::from_secs(60) {
                println!("\n== {name}: skipped (run budget) ==");
                return;
            }
            // Blocks the main thread only (block_on), not the runtime's workers.
            wait_quiet(Duration::from_secs(QUIET_WAIT_SECONDS));
            match tokio::time::timeout(Duration::from_secs(limit), f).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => println!("  {name} failed: {e:#}"),
                Err(_) => println!("  {name} stopped after {limit} s"),
            }
        }
        if want("database") {
            bounded("database", start, 90, bench_database()).await;
        }
        if want("send") && !want("deliveries") {
            bounded("send only", start, 90, async {
                bench_send_only(&sinks, bound, "2a send only").await.map(|_| ())
            })
            .await;
        }
        // Each configuration of the queue runs in rounds, each held to 2a's rate measured
        // just before and just after it (the mean of the two), so that a machine whose speed
        // drifts during the run (a shared host) moves the bound with the figure it bounds;
        // the configuration's figure is the median of its rounds' ratios.
        if want("deliveries") {
            let rounds = delivery_rounds();
            for config in delivery_configs() {
                bounded("deliveries", start, 60 + 60 * rounds as u64, async {
                    let (c, pd, pool) = config;
                    let label = deliveries_label(c, pd, pool);
                    let mut send = vec![bench_send_only(&sinks, bound, "2a send only").await?];
                    let mut ratios = Vec::new();
                    for round in 1..=rounds {
                        let round_label = format!("{label}, round {round}");
                        let r = bench_deliveries(&sinks, bound, config, &round_label).await?;
                        send.push(bench_send_only(&sinks, bound, "2a send only").await?);
                        let ratio = r / ((send[round - 1] + send[round]) / 2.0);
                        record(
                            &round_label,
                            "ratio to 2a (mean of the runs just before and after)",
                            fmt_ratio(ratio),
                        );
                        ratios.push(ratio);
                    }
                    let median = median(&ratios);
                    let list = |v: &[f64], f: fn(f64) -> String| {
                        v.iter().map(|&x| f(x)).collect::<Vec<_>>().join(", ")
                    };
                    record(
                        &label,
                        "ratio to sign + POST without the queue, 2a (median of the rounds; target >= 0.9)",
                        format!(
                            "{} ({}; rounds {}; 2a {})",
                            fmt_ratio(median),
                            met(median, 0.9),
                            list(&ratios, fmt_ratio),
                            list(&send, fmt_rate)
                        ),
                    );
                    Ok(())
                })
                .await;
            }
        }
        if want("inbox") {
            bounded("inbox", start, 200, bench_inbox(&sinks, &[32, 64])).await;
        }
        if want("latency") {
            for k in [8, 32] {
                bounded("latency", start, 90, bench_latency(&sinks, k)).await;
            }
        }
        if want("fanout") {
            bounded("fan-out", start, 180, bench_fanout(&sinks)).await;
        }
    });
    rt.shutdown_timeout(Duration::from_secs(5));
    sink_rt.shutdown_timeout(Duration::from_secs(2));

    println!("\n== Summary ({} total) ==", fmt_dur(start.elapsed()));
    println!("| benchmark | figure | value |\n|---|---|---|");
    if let Ok(rows) = ROWS.lock() {
        for r in rows.iter() {
            println!("| {} | {} | {} |", r.bench, r.figure, r.value);
        }
    }
}
