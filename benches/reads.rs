//! Public reads under load. Run with
//!
//! ```text
//! CARGO_TARGET_DIR=/work/target-bench cargo bench --bench reads [name …]
//! ```
//!
//! One instance is served on loopback with a database of its own (cloned from the migrated
//! template, dropped afterwards), holding 30 organisations with 10 posts each. Each read
//! path is then asked for by `PASSERELLE_BENCH_CONNECTIONS` connections at once (default
//! 64, each a keep-alive HTTP/1.1 connection asking again as soon as it has its answer) for
//! `PASSERELLE_BENCH_SECONDS` seconds (default 5) after a one-second warm-up; requests go
//! round the organisations and posts. Printed per path: answers per second, median and
//! 99th-percentile latency, non-200 answers, and the ratio of the rate to a static file's
//! (`/static/style.css`) measured in the same run, on the same server, as the bound of what
//! the HTTP stack and this client reach on this machine. The client runs in this process
//! (one runtime, shared with the server), so both compete for the same cores; nothing
//! asserts a time.
//!
//! With `--wrk` the load comes from `wrk` (Debian's package `wrk`), a separate process
//! written in C with 2 threads, as an outside load generator would: the client then costs
//! far less than this program's own, and the absolute rates mean more. The server still
//! shares the 2 cores with it.
//!
//! Names (any substring selects): `static`, `actor-json`, `post-json`, `organisation-page`,
//! `post-page`, `home-page`, `actor-json-304`, `post-page-built`, `home-page-built` (the
//! same pages with a session cookie, so built for every request), `replied-post-page-built`
//! (a post with 50 replies from 10 other servers, built for every request), `post-page-changing`,
//! `home-page-changing` (kept pages while content changes 100 times a second); none runs them all (the
//! static file always runs, as the ratios' base). Needs PostgreSQL on 127.0.0.1:5432 (or
//! `PASSERELLE_TEST_DATABASE`).

use passerelle::auth;
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::testing::TestInstance;
use passerelle::vocab::OrgKind;
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const ORGANISATIONS: usize = 30;
const POSTS_PER_ORGANISATION: usize = 10;
const AP: &str = "application/activity+json";
/// A session cookie naming no session: the page is built as for an anonymous visitor, but
/// not served from or kept among the kept pages.
const BUILT: &str = "passerelle_session=none";

/// What one path measured.
struct Figures {
    rate: f64,
    p50: Duration,
    p99: Duration,
    errors: usize,
}

/// One read path: the URLs asked for in turn and the headers sent.
struct Path {
    name: &'static str,
    urls: Vec<String>,
    accept: &'static str,
    /// Sent as `If-None-Match` when set: the 304 path.
    if_none_match: Option<String>,
    /// Sent as `Cookie` when set: a session cookie (even one naming no session) keeps the
    /// answer out of the kept pages, so the page is built for every request.
    cookie: Option<&'static str>,
    /// The target from issue 19, for the printout.
    target: &'static str,
    /// The target as figures, for PASS/MISS: the least rate, and the most p99 (ms).
    min_rate: Option<f64>,
    max_p99_ms: Option<f64>,
    /// Whether content changes while the path is read: every [`CHANGE_EVERY`] the content
    /// version advances, as an activity arriving in the inbox makes it, and every kept
    /// page is dropped within about 25 ms.
    changing: bool,
}

/// How often content changes on the `*-changing` paths: 100 times a second, as under a
/// stream of boosts and replies.
const CHANGE_EVERY: Duration = Duration::from_millis(10);

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// A duration as wrk prints it: `812.00us`, `1.23ms`, `2.00s`.
fn wrk_duration(text: &str) -> Option<Duration> {
    let (number, unit) = text
        .find(|c: char| c.is_ascii_alphabetic())
        .map(|i| text.split_at(i))?;
    let n: f64 = number.parse().ok()?;
    let secs = match unit {
        "us" => n / 1e6,
        "ms" => n / 1e3,
        "s" => n,
        "m" => n * 60.0,
        _ => return None,
    };
    Some(Duration::from_secs_f64(secs))
}

/// Asks for `path` with wrk (`--wrk`): `connections` connections, 2 threads, going round
/// the path's URLs with its headers (a Lua script written for the run).
fn measure_wrk(path: &Path, connections: usize, seconds: f64) -> anyhow::Result<Figures> {
    let base = url::Url::parse(&path.urls[0])?;
    let origin = format!(
        "{}://{}:{}",
        base.scheme(),
        base.host_str().unwrap_or("127.0.0.1"),
        base.port_or_known_default().unwrap_or(80)
    );
    let mut script = format!("wrk.headers[\"Accept\"] = \"{}\"\n", path.accept);
    if let Some(tag) = &path.if_none_match {
        script.push_str(&format!(
            "wrk.headers[\"If-None-Match\"] = '{}'\n",
            tag.replace('\'', "")
        ));
    }
    if let Some(c) = path.cookie {
        script.push_str(&format!("wrk.headers[\"Cookie\"] = \"{c}\"\n"));
    }
    script.push_str("local paths = {\n");
    for u in &path.urls {
        let u = url::Url::parse(u)?;
        script.push_str(&format!("  \"{}\",\n", u.path()));
    }
    script.push_str(
        "}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  \
         return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n",
    );
    let file = std::env::temp_dir().join(format!("passerelle-reads-{}.lua", std::process::id()));
    std::fs::write(&file, script)?;
    let run = |secs: f64| {
        std::process::Command::new("wrk")
            .args(["-t2", &format!("-c{connections}")])
            .arg(format!("-d{}s", secs.ceil() as u64))
            .args(["--latency", "-s"])
            .arg(&file)
            .arg(&origin)
            .output()
    };
    run(1.0)?; // warm-up: connections opened, caches filled
    let out = run(seconds)?;
    let _ = std::fs::remove_file(&file);
    let text = String::from_utf8_lossy(&out.stdout);
    anyhow::ensure!(out.status.success(), "wrk failed: {text}");
    let mut figures = Figures {
        rate: 0.0,
        p50: Duration::ZERO,
        p99: Duration::ZERO,
        errors: 0,
    };
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["50%", d] => figures.p50 = wrk_duration(d).unwrap_or_default(),
            ["99%", d] => figures.p99 = wrk_duration(d).unwrap_or_default(),
            ["Requests/sec:", r] => figures.rate = r.parse().unwrap_or(0.0),
            ["Non-2xx", "or", "3xx", "responses:", n] => figures.errors += n.parse().unwrap_or(0),
            ["Socket", "errors:", rest @ ..] => {
                figures.errors += rest
                    .iter()
                    .filter_map(|w| w.trim_end_matches(',').parse::<usize>().ok())
                    .sum::<usize>()
            }
            _ => {}
        }
    }
    Ok(figures)
}

/// Asks for `path` from `connections` connections at once for `seconds`.
async fn measure(path: &Path, connections: usize, seconds: f64) -> Figures {
    let run = |secs: f64, keep: bool| {
        let urls = Arc::new(path.urls.clone());
        let next = Arc::new(AtomicUsize::new(0));
        let errors = Arc::new(AtomicUsize::new(0));
        let deadline = Instant::now() + Duration::from_secs_f64(secs);
        let tasks: Vec<_> = (0..connections)
            .map(|_| {
                let (urls, next, errors) = (urls.clone(), next.clone(), errors.clone());
                let accept = path.accept;
                let inm = path.if_none_match.clone();
                let cookie = path.cookie;
                tokio::spawn(async move {
                    // One client per task: one connection each, as separate visitors have.
                    let client = reqwest::Client::builder()
                        .pool_max_idle_per_host(1)
                        .build()
                        .expect("an HTTP client");
                    let mut latencies = Vec::new();
                    while Instant::now() < deadline {
                        let i = next.fetch_add(1, Ordering::Relaxed) % urls.len();
                        let mut req = client.get(&urls[i]).header("accept", accept);
                        if let Some(tag) = &inm {
                            req = req.header("if-none-match", tag);
                        }
                        if let Some(c) = cookie {
                            req = req.header("cookie", c);
                        }
                        let started = Instant::now();
                        let ok = match req.send().await {
                            Ok(resp) => {
                                let status = resp.status();
                                let body = resp.bytes().await;
                                body.is_ok() && (status == 200 || status == 304)
                            }
                            Err(_) => false,
                        };
                        if keep {
                            latencies.push(started.elapsed());
                        }
                        if !ok {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    latencies
                })
            })
            .collect();
        async move {
            let started = Instant::now();
            let mut all = Vec::new();
            for t in tasks {
                all.extend(t.await.unwrap_or_default());
            }
            (all, started.elapsed(), errors.load(Ordering::Relaxed))
        }
    };
    // Warm-up: connections opened, caches filled, nothing kept.
    let _ = run(1.0, false).await;
    let (mut latencies, took, errors) = run(seconds, true).await;
    latencies.sort_unstable();
    Figures {
        rate: latencies.len() as f64 / took.as_secs_f64(),
        p50: percentile(&latencies, 0.50),
        p99: percentile(&latencies, 0.99),
        errors,
    }
}

/// The instance and its content: organisations, posts through the API (as editors write
/// them), the search index built.
async fn prepare() -> anyhow::Result<(TestInstance, Vec<String>, Vec<String>)> {
    let inst = TestInstance::start_with(|c| {
        c.database.pool_size = 16;
    })
    .await?;
    let state = inst.state().clone();
    let mut conn = state.pool.get().await?;
    let failed = |e: passerelle::error::AppError| anyhow::anyhow!("{}", e.message);
    let admin = auth::create_account(&mut conn, "admin", "admin-password-1", true, false)
        .await
        .map_err(failed)?;
    let (_, token) = auth::issue_token(&mut conn, &admin, "bench")
        .await
        .map_err(failed)?;
    let mut handles = Vec::new();
    for i in 0..ORGANISATIONS {
        let handle = format!("stadt-{i:02}");
        orgs::create(
            &mut conn,
            &state.urls,
            &NewOrganisation {
                handle: handle.clone(),
                name: format!("Stadt Nummer {i}"),
                kind: OrgKind::Municipality,
                profile: Profile {
                    discoverable: true,
                    indexable: true,
                    ..Profile::default()
                },
            },
        )
        .await
        .map_err(failed)?;
        handles.push(handle);
    }
    drop(conn);
    let http = reqwest::Client::new();
    let mut posts = Vec::new();
    for handle in &handles {
        for n in 0..POSTS_PER_ORGANISATION {
            let body = json!({"translations": [
                {"language": "de", "title": format!("Begegnung {n} in {handle}"),
                 "summary": "Jugendaustausch mit der Partnerstadt.",
                 "body": "Eine Woche lang **gemeinsam** unterwegs: Sport, Sprache und Kultur."},
                {"language": "fr", "title": format!("Rencontre {n} à {handle}"),
                 "summary": "Échange de jeunes avec la ville jumelle.",
                 "body": "Une semaine **ensemble** : sport, langue et culture."}
            ]});
            let resp = http
                .post(inst.url(&format!("/api/v1/organisations/{handle}/posts")))
                .bearer_auth(&token)
                .json(&body)
                .send()
                .await?;
            anyhow::ensure!(
                resp.status() == 201,
                "creating a post: {} {}",
                resp.status(),
                resp.text().await.unwrap_or_default()
            );
            let created: serde_json::Value = resp.json().await?;
            let ap_id = created["ap_id"]
                .as_str()
                .ok_or_else(|| anyhow::anyhow!("a created post has an ap_id"))?;
            posts.push(ap_id.to_string());
        }
    }
    replies(&inst, &posts[0]).await?;
    inst.index_search().await?;
    Ok((inst, handles, posts))
}

/// How many replies from other servers the first post gets, and from how many instances:
/// a post answered from Mastodon after being boosted.
const REPLIES: usize = 50;
const REPLY_INSTANCES: usize = 10;

/// Replies to `post` by people on other servers, stored as the inbox stores them.
async fn replies(inst: &TestInstance, post: &str) -> anyhow::Result<()> {
    use passerelle::db::models::actor::{DbActor, NewActor};
    use passerelle::db::models::post::{DbPost, PostData, TranslationData};
    let mut conn = inst.state().pool.get().await?;
    for i in 0..REPLIES {
        let domain = format!("instance-{}.example", i % REPLY_INSTANCES);
        let id = format!("https://{domain}/users/person{i}");
        let (handle, name) = (format!("person{i}"), format!("Person {i}"));
        let person = NewActor::remote(&id, "Person", &handle, &domain, &name);
        let who = DbActor::upsert_remote(&mut conn, &person).await?;
        let data = PostData {
            object_type: "Note".into(),
            main_language: "de".into(),
            themes: vec![],
            sdgs: vec![],
            partners: vec![],
            place: None,
            starts_on: None,
            ends_on: None,
            html_url: None,
            in_reply_to: Some(post.to_string()),
            funded_by: None,
            translations: vec![TranslationData {
                language: "de".into(),
                title: String::new(),
                summary: String::new(),
                body_markdown: None,
                content_html: format!("<p>Wir sind dabei! Antwort {i}.</p>"),
            }],
            images: vec![],
        };
        DbPost::create(
            &mut conn,
            &format!("https://{domain}/notes/{i}"),
            who.id,
            false,
            &data,
        )
        .await?;
    }
    Ok(())
}

fn paths(inst: &TestInstance, handles: &[String], posts: &[String]) -> Vec<Path> {
    let actors: Vec<String> = handles
        .iter()
        .map(|h| inst.url(&format!("/o/{h}")))
        .collect();
    vec![
        Path {
            name: "static",
            urls: vec![inst.url("/static/style.css")],
            accept: "text/css",
            if_none_match: None,
            cookie: None,
            target: "(the ratios' base)",
            min_rate: None,
            max_p99_ms: None,
            changing: false,
        },
        Path {
            name: "actor-json",
            urls: actors.clone(),
            accept: AP,
            if_none_match: None,
            cookie: None,
            target: "≥ 10,000/s, p99 < 10 ms",
            min_rate: Some(10_000.0),
            max_p99_ms: Some(10.0),
            changing: false,
        },
        Path {
            name: "actor-json-304",
            urls: vec![actors[0].clone()],
            accept: AP,
            // Filled in by `main` from a first answer.
            if_none_match: Some(String::new()),
            cookie: None,
            target: "(conditional GET)",
            min_rate: None,
            max_p99_ms: None,
            changing: false,
        },
        Path {
            name: "post-json",
            urls: posts.to_vec(),
            accept: AP,
            if_none_match: None,
            cookie: None,
            target: "≥ 10,000/s, p99 < 10 ms",
            min_rate: Some(10_000.0),
            max_p99_ms: Some(10.0),
            changing: false,
        },
        Path {
            name: "organisation-page",
            urls: actors,
            accept: "text/html",
            if_none_match: None,
            cookie: None,
            target: "≥ 3,000/s",
            min_rate: Some(3_000.0),
            max_p99_ms: None,
            changing: false,
        },
        Path {
            name: "post-page",
            urls: posts.to_vec(),
            accept: "text/html",
            if_none_match: None,
            cookie: None,
            target: "≥ 3,000/s",
            min_rate: Some(3_000.0),
            max_p99_ms: None,
            changing: false,
        },
        Path {
            name: "home-page",
            urls: vec![inst.url("/")],
            accept: "text/html",
            if_none_match: None,
            cookie: None,
            target: "≥ 2,000/s",
            min_rate: Some(2_000.0),
            max_p99_ms: None,
            changing: false,
        },
        // The same pages built for every request, as after each change or for a visitor
        // with a session: what the kept pages save.
        Path {
            name: "post-page-built",
            urls: posts.to_vec(),
            accept: "text/html",
            if_none_match: None,
            cookie: Some(BUILT),
            target: "(not kept)",
            min_rate: None,
            max_p99_ms: None,
            changing: false,
        },
        Path {
            name: "home-page-built",
            urls: vec![inst.url("/")],
            accept: "text/html",
            if_none_match: None,
            cookie: Some(BUILT),
            target: "(not kept)",
            min_rate: None,
            max_p99_ms: None,
            changing: false,
        },
        // The first post, answered 50 times from 10 other servers, built for every request.
        Path {
            name: "replied-post-page-built",
            urls: vec![posts[0].clone()],
            accept: "text/html",
            if_none_match: None,
            cookie: Some(BUILT),
            target: "(not kept; 50 replies)",
            min_rate: None,
            max_p99_ms: None,
            changing: false,
        },
        // Kept pages while content changes 100 times a second: each change drops them, and
        // the requests that miss at once wait for one build of each page.
        Path {
            name: "post-page-changing",
            urls: posts.to_vec(),
            accept: "text/html",
            if_none_match: None,
            cookie: None,
            target: "(content changing)",
            min_rate: None,
            max_p99_ms: None,
            changing: true,
        },
        Path {
            name: "home-page-changing",
            urls: vec![inst.url("/")],
            accept: "text/html",
            if_none_match: None,
            cookie: None,
            target: "(content changing)",
            min_rate: None,
            max_p99_ms: None,
            changing: true,
        },
    ]
}

fn machine() {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "machine: {cpu}, {cores} cores; load average at start: {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
}

fn main() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("PASSERELLE_BENCH_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
    let names: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let use_wrk = std::env::args().any(|a| a == "--wrk");
    let want = |n: &str| n == "static" || names.is_empty() || names.iter().any(|a| n.contains(a));
    let connections: usize = env_or("PASSERELLE_BENCH_CONNECTIONS", 64);
    let seconds: f64 = env_or("PASSERELLE_BENCH_SECONDS", 5.0);
    machine();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    rt.block_on(async {
        let (inst, handles, posts) = match prepare().await {
            Ok(p) => p,
            Err(e) => {
                println!("setting up failed: {e:#}");
                return;
            }
        };
        println!(
            "{} organisations, {} posts; {connections} connections, {seconds} s per path; client: {}",
            handles.len(),
            posts.len(),
            if use_wrk { "wrk (2 threads, a separate process)" } else { "in this process" }
        );
        let mut base = None;
        for mut path in paths(&inst, &handles, &posts) {
            if !want(path.name) {
                continue;
            }
            if path.if_none_match.is_some() {
                let first = reqwest::Client::new()
                    .get(&path.urls[0])
                    .header("accept", path.accept)
                    .send()
                    .await;
                path.if_none_match = first
                    .ok()
                    .and_then(|r| r.headers().get("etag")?.to_str().ok().map(String::from));
            }
            let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
            let changes = Arc::new(AtomicUsize::new(0));
            if path.changing {
                let (pool, stop, changes) =
                    (inst.state().pool.clone(), stop.clone(), changes.clone());
                tokio::spawn(async move {
                    use diesel_async::RunQueryDsl;
                    let Ok(mut conn) = pool.get().await else {
                        return;
                    };
                    while !std::sync::atomic::AtomicBool::load(&stop, Ordering::Relaxed) {
                        let _ = diesel::sql_query("SELECT nextval('content_version')")
                            .execute(&mut conn)
                            .await;
                        changes.fetch_add(1, Ordering::Relaxed);
                        tokio::time::sleep(CHANGE_EVERY).await;
                    }
                });
            }
            let f = if use_wrk {
                let (p, c, s) = (&path, connections, seconds);
                match tokio::task::block_in_place(|| measure_wrk(p, c, s)) {
                    Ok(f) => f,
                    Err(e) => {
                        println!("{}: {e:#}", path.name);
                        continue;
                    }
                }
            } else {
                measure(&path, connections, seconds).await
            };
            stop.store(true, Ordering::Relaxed);
            let target = if path.changing {
                format!(
                    "(content changed {} times meanwhile)",
                    changes.load(Ordering::Relaxed)
                )
            } else {
                path.target.to_string()
            };
            let base_rate = *base.get_or_insert(f.rate);
            let p99_ms = f.p99.as_secs_f64() * 1000.0;
            let verdict = if path.min_rate.is_none() && path.max_p99_ms.is_none() {
                ""
            } else if path.min_rate.is_none_or(|r| f.rate >= r)
                && path.max_p99_ms.is_none_or(|m| p99_ms < m)
                && f.errors == 0
            {
                " PASS"
            } else {
                " MISS"
            };
            println!(
                "{:<18} {:>9.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  errors {:>4}  ratio to static {:.3}  target {}{verdict}",
                path.name,
                f.rate,
                f.p50.as_secs_f64() * 1000.0,
                p99_ms,
                f.errors,
                f.rate / base_rate,
                target,
            );
        }
        inst.stop().await;
    });
}
