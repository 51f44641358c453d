//! Rendered documents kept in memory: the ActivityPub JSON of local actors, which every
//! server that checks one of our signatures or shows one of our organisations fetches, and
//! which changes only when its row does.
//!
//! Each entry remembers the actor it was rendered from. A change to a local actor's row
//! reaches every process through `crate::notify` (a trigger on `actors` sends it, whoever
//! wrote), and [`DocumentCache::forget_actor`] drops its entries. A request that read the
//! database before a change and stores its rendering after the change was announced would
//! keep a stale document: every forgetting bumps a generation, and a rendering is stored only
//! if no forgetting happened since its reading started ([`DocumentCache::generation`]).

use bytes::Bytes;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// How many actor documents are kept at most, and how many bytes of them (see [`Kept`]).
const DOCUMENTS: Bounds = Bounds {
    entries: 10_000,
    bytes: 64 * 1024 * 1024,
};

/// A rendered document and its entity tag.
#[derive(Clone, Debug)]
pub struct Document {
    pub body: Bytes,
    /// A strong validator, quoted: `"…"`, from the body's SHA-256.
    pub etag: String,
}

impl Document {
    pub fn new(body: Bytes) -> Document {
        let etag = etag_of(&body);
        Document { body, etag }
    }
}

/// The entity tag of a body: the first 128 bits of its SHA-256, quoted.
pub fn etag_of(body: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(body);
    format!("\"{}\"", hex::encode(&digest[..16]))
}

#[derive(Clone)]
struct Entry {
    actor_id: i64,
    document: Document,
}

/// What a kept value costs in memory, roughly: its body's bytes.
trait Weigh {
    fn weight(&self) -> usize;
}

/// The bounds of a [`Kept`] map.
#[derive(Clone, Copy)]
struct Bounds {
    entries: usize,
    bytes: usize,
}

struct Map<V> {
    values: HashMap<String, V>,
    bytes: usize,
}

impl<V> Default for Map<V> {
    fn default() -> Self {
        Map {
            values: HashMap::new(),
            bytes: 0,
        }
    }
}

/// Values kept under string keys within [`Bounds`] (past them the map starts again empty:
/// values are cheap to make again, and a bounded map needs no eviction bookkeeping on the
/// read path). Every forgetting bumps a generation, and a value is stored only if no
/// forgetting happened since the reading it was made from began ([`Self::generation`]).
#[derive(Clone)]
struct Kept<V> {
    map: Arc<Mutex<Map<V>>>,
    generation: Arc<AtomicU64>,
}

impl<V> Default for Kept<V> {
    fn default() -> Self {
        Kept {
            map: Default::default(),
            generation: Default::default(),
        }
    }
}

impl<V: Weigh> Kept<V> {
    fn read<T>(&self, key: &str, f: impl FnOnce(&V) -> Option<T>) -> Option<T> {
        let map = self.map.lock().ok()?;
        map.values.get(key).and_then(f)
    }

    fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    fn put(&self, key: String, value: V, generation: u64, bounds: Bounds) {
        let Ok(mut map) = self.map.lock() else {
            return;
        };
        // Checked under the lock: forgetting also bumps the generation under it.
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        let weight = value.weight();
        if map.values.len() >= bounds.entries || map.bytes + weight > bounds.bytes {
            *map = Map::default();
        }
        map.bytes += weight;
        if let Some(old) = map.values.insert(key, value) {
            map.bytes = map.bytes.saturating_sub(old.weight());
        }
    }

    /// Drops the values `drop` names (every value when `None`).
    fn forget(&self, drop: Option<&dyn Fn(&V) -> bool>) {
        if let Ok(mut map) = self.map.lock() {
            self.generation.fetch_add(1, Ordering::AcqRel);
            match drop {
                Some(drop) => {
                    map.values.retain(|_, v| !drop(v));
                    map.bytes = map.values.values().map(Weigh::weight).sum();
                }
                None => *map = Map::default(),
            }
        }
    }

    fn len(&self) -> usize {
        self.map.lock().map(|m| m.values.len()).unwrap_or(0)
    }
}

impl Weigh for Entry {
    fn weight(&self) -> usize {
        self.document.body.len()
    }
}

#[derive(Clone, Default)]
pub struct DocumentCache {
    kept: Kept<Entry>,
}

impl DocumentCache {
    pub fn get(&self, key: &str) -> Option<Document> {
        self.kept.read(key, |e| Some(e.document.clone()))
    }

    /// Taken before reading what a document is rendered from; handed back to [`Self::put`].
    pub fn generation(&self) -> u64 {
        self.kept.generation()
    }

    /// Keeps `document` (rendered from actor `actor_id`) under `key`, unless something was
    /// forgotten since `generation` was taken.
    pub fn put(&self, key: String, actor_id: i64, document: Document, generation: u64) {
        let entry = Entry { actor_id, document };
        self.kept.put(key, entry, generation, DOCUMENTS);
    }

    /// Drops every document rendered from actor `actor_id`.
    pub fn forget_actor(&self, actor_id: i64) {
        self.kept.forget(Some(&|e: &Entry| e.actor_id == actor_id));
    }

    /// Drops everything.
    pub fn clear(&self) {
        self.kept.forget(None);
    }

    pub fn len(&self) -> usize {
        self.kept.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Document {
        Document::new(Bytes::from(s.to_string()))
    }

    #[test]
    fn forgetting_an_actor_drops_its_documents_only() {
        let c = DocumentCache::default();
        let g = c.generation();
        c.put("a".into(), 1, doc("one"), g);
        c.put("b".into(), 2, doc("two"), g);
        c.forget_actor(1);
        assert!(c.get("a").is_none());
        assert_eq!(c.get("b").unwrap().body, "two");
    }

    #[test]
    fn a_rendering_older_than_a_change_is_not_kept() {
        let c = DocumentCache::default();
        let before = c.generation();
        c.forget_actor(7); // a change announced while the request was reading
        c.put("a".into(), 7, doc("stale"), before);
        assert!(c.get("a").is_none());
        c.put("a".into(), 7, doc("fresh"), c.generation());
        assert_eq!(c.get("a").unwrap().body, "fresh");
    }

    #[test]
    fn the_kept_map_starts_again_past_its_bounds() {
        let k: Kept<Entry> = Kept::default();
        let bounds = Bounds {
            entries: 3,
            bytes: 10,
        };
        let entry = |s: &str| Entry {
            actor_id: 1,
            document: doc(s),
        };
        k.put("a".into(), entry("1234"), k.generation(), bounds);
        k.put("b".into(), entry("1234"), k.generation(), bounds);
        assert_eq!(k.len(), 2);
        k.put("c".into(), entry("1234"), k.generation(), bounds); // 12 bytes > 10
        assert_eq!(k.len(), 1);
        assert!(k.read("c", |_| Some(())).is_some());
        k.put("c".into(), entry("12"), k.generation(), bounds); // replaced, not added
        k.put("d".into(), entry("12"), k.generation(), bounds);
        k.put("e".into(), entry("12"), k.generation(), bounds);
        assert_eq!(k.len(), 3);
        k.put("f".into(), entry("1"), k.generation(), bounds); // a fourth entry
        assert_eq!(k.len(), 1);
    }

    #[test]
    fn etags_follow_the_body() {
        assert_eq!(doc("x").etag, doc("x").etag);
        assert_ne!(doc("x").etag, doc("y").etag);
        assert!(doc("x").etag.starts_with('"') && doc("x").etag.ends_with('"'));
    }
}

/// Bodies up to this size get an entity tag computed from them.
const ETAG_MAX_BYTES: usize = 2 * 1024 * 1024;

/// Conditional GETs: a successful `GET`/`HEAD` answer gets an `ETag` (the handler's, or one
/// computed from its body), and a request whose `If-None-Match` names it is answered
/// `304 Not Modified` without the body. Servers re-fetching an actor or a post, and browsers
/// reloading a page, then receive a few hundred bytes instead of the document.
///
/// Left alone: answers that set a cookie or say `no-store` (they are one visitor's), bodies
/// of unknown or large size, and `/static/` and `/media/` files (cached by `max-age`).
pub async fn conditional_get(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{Method, StatusCode, header};
    use axum::response::IntoResponse;
    let cacheable_request = matches!(*req.method(), Method::GET | Method::HEAD)
        && !req.uri().path().starts_with("/static/")
        && !req.uri().path().starts_with("/media/");
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let resp = next.run(req).await;
    if !cacheable_request || resp.status() != StatusCode::OK {
        return resp;
    }
    let headers = resp.headers();
    let private = headers.contains_key(header::SET_COOKIE)
        || headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("no-store"));
    if private {
        return resp;
    }
    let resp = match headers.get(header::ETAG) {
        Some(_) => resp,
        None => {
            let small = axum::body::HttpBody::size_hint(resp.body())
                .upper()
                .is_some_and(|n| n <= ETAG_MAX_BYTES as u64);
            if !small {
                return resp;
            }
            let (mut parts, body) = resp.into_parts();
            let Ok(bytes) = axum::body::to_bytes(body, ETAG_MAX_BYTES).await else {
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            };
            if let Ok(v) = etag_of(&bytes).parse() {
                parts.headers.insert(header::ETAG, v);
            }
            axum::response::Response::from_parts(parts, axum::body::Body::from(bytes))
        }
    };
    let matches = match (&if_none_match, resp.headers().get(header::ETAG)) {
        (Some(wanted), Some(etag)) => etag_matches(wanted.as_bytes(), etag.as_bytes()),
        _ => false,
    };
    if !matches {
        return resp;
    }
    let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
    for name in [
        header::ETAG,
        header::VARY,
        header::CACHE_CONTROL,
        header::CONTENT_LOCATION,
    ] {
        if let Some(v) = resp.headers().get(&name) {
            not_modified.headers_mut().insert(name, v.clone());
        }
    }
    not_modified
}

/// Whether an `If-None-Match` value names `etag` (weak comparison, as RFC 9110 asks for
/// `If-None-Match`; `*` names any).
fn etag_matches(if_none_match: &[u8], etag: &[u8]) -> bool {
    let strip = |t: &[u8]| -> Vec<u8> {
        let t = t.trim_ascii();
        t.strip_prefix(b"W/").unwrap_or(t).to_vec()
    };
    let etag = strip(etag);
    if_none_match
        .split(|b| *b == b',')
        .any(|candidate| candidate.trim_ascii() == b"*" || strip(candidate) == etag)
}

#[cfg(test)]
mod etag_tests {
    use super::etag_matches;

    #[test]
    fn if_none_match_lists_and_weak_tags() {
        assert!(etag_matches(br#""a1""#, br#""a1""#));
        assert!(etag_matches(br#""zz", W/"a1""#, br#""a1""#));
        assert!(etag_matches(b"*", br#""a1""#));
        assert!(!etag_matches(br#""a2""#, br#""a1""#));
    }
}

/// One value computed from the database and shared by the requests of a process until a
/// change is announced (`crate::notify`) or it is older than the caller allows: for
/// example every local organisation's profile, which each partner suggestion compares.
/// As with [`DocumentCache`], a value read before a change and stored after it is not kept:
/// [`Snapshot::put`] takes the generation from before the reading.
/// The kept value: the generation it was read in, when it was kept, and the value.
type Slot<T> = Arc<Mutex<Option<(u64, std::time::Instant, Arc<T>)>>>;

pub struct Snapshot<T> {
    slot: Slot<T>,
    generation: Arc<AtomicU64>,
}

impl<T> Clone for Snapshot<T> {
    fn clone(&self) -> Self {
        Snapshot {
            slot: self.slot.clone(),
            generation: self.generation.clone(),
        }
    }
}

impl<T> Default for Snapshot<T> {
    fn default() -> Self {
        Snapshot {
            slot: Arc::new(Mutex::new(None)),
            generation: Arc::new(AtomicU64::new(0)),
        }
    }
}

impl<T> Snapshot<T> {
    /// Taken before reading the value from the database; handed back to [`Self::put`].
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// The value, if one is kept that no change has made stale and is at most `max_age` old.
    pub fn get(&self, max_age: std::time::Duration) -> Option<Arc<T>> {
        let slot = self.slot.lock().ok()?;
        let (generation, at, value) = slot.as_ref()?;
        (*generation == self.generation() && at.elapsed() <= max_age).then(|| value.clone())
    }

    /// Keeps `value`, read after [`Self::generation`] answered `generation`, unless
    /// something changed since.
    pub fn put(&self, generation: u64, value: Arc<T>) {
        if let Ok(mut slot) = self.slot.lock()
            && generation == self.generation()
        {
            *slot = Some((generation, std::time::Instant::now(), value));
        }
    }

    /// Something it was read from changed: the value is not used again.
    pub fn clear(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut slot) = self.slot.lock() {
            *slot = None;
        }
    }
}

#[cfg(test)]
mod snapshot_tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_snapshot_read_before_a_change_is_not_kept() {
        let s: Snapshot<u32> = Snapshot::default();
        let g = s.generation();
        s.put(g, Arc::new(1));
        assert_eq!(s.get(Duration::from_secs(60)).as_deref(), Some(&1));
        // Read, then a change is announced, then stored: stale, dropped.
        let g = s.generation();
        s.clear();
        s.put(g, Arc::new(2));
        assert_eq!(s.get(Duration::from_secs(60)), None);
        // Too old for the caller.
        let g = s.generation();
        s.put(g, Arc::new(3));
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(s.get(Duration::ZERO), None);
        assert_eq!(s.get(Duration::from_secs(60)).as_deref(), Some(&3));
    }
}

/// How long a kept page may be shown at most, changes or not: some pages depend on the
/// clock (the home page's and the calendar's upcoming events, funding calls' deadlines).
pub const PAGE_MAX_AGE: std::time::Duration = std::time::Duration::from_secs(60);

/// How many pages are kept at most, and how many bytes of them; past either the cache
/// starts again empty.
const PAGES: Bounds = Bounds {
    entries: 5_000,
    bytes: 128 * 1024 * 1024,
};

/// Largest body kept.
const PAGE_MAX_BYTES: usize = 1024 * 1024;

/// Tables no kept page or document reads, left without the content trigger of migration
/// 000120 (they change with every delivery, fetch, login or indexing step; search answers,
/// the only readers of the search index, are never kept).
/// Every other table of the schema must have it (`it::page_cache::every_table_announces_changes`).
pub const PAGE_CACHE_EXEMPT: &[&str] = &[
    "__diesel_schema_migrations",
    "api_tokens",
    "deliveries",
    "delivered_batches",
    "delivery_reach",
    "delivery_leases",
    "form_submissions",
    "gone_inboxes",
    "instances",
    "kept_forms",
    "login_failures",
    "outbound_activities",
    "received_activities",
    "search_documents",
    "search_languages",
    "search_lexeme_suffixes",
    "search_lexemes",
    "search_pending",
    "seen_signatures",
    "web_sessions",
];

/// Paths never kept: answers that depend on other servers (search and partner suggestions
/// ask the peer networks), on the requester (the API, the editors' and admins' pages, the
/// login), or that must reach the database each time (health checks), and files.
const PAGE_UNCACHED_PREFIXES: &[&str] = &[
    "/api/",
    "/search",
    "/federation/",
    "/partners",
    "/health",
    "/metrics",
    "/static/",
    "/media/",
    "/editor",
    "/admin",
    "/login",
    "/logout",
    "/.well-known/",
];

#[derive(Clone)]
struct Page {
    at: std::time::Instant,
    headers: axum::http::HeaderMap,
    body: Bytes,
}

impl Weigh for Page {
    fn weight(&self) -> usize {
        self.body.len() + 1024
    }
}

/// Public pages and documents (HTML and ActivityPub JSON) as they were answered to a
/// visitor without a session, kept per address, `Accept`, `Accept-Language` and language
/// cookie until any content changes (`crate::notify`, [`Change::Content`]) or
/// [`PAGE_MAX_AGE`] passes. A write through this process by a signed-in account (a web
/// session or an API token, see [`AuthenticatedWrite`]) that succeeded drops them at once,
/// before its answer leaves, so an editor always reads their own writes; every other
/// change, here or in another process, is read from PostgreSQL's `content_version` within
/// about 25 ms of its commit ([`crate::notify::ContentWatch`]). A request that anyone may
/// send (a refused inbox POST, a form posted with a stale cookie) does not drop them, so
/// that it cannot keep every visitor's page being built again.
/// As in [`DocumentCache`], a page read before a change and finished after it is not kept.
///
/// A page is built by one request at a time: those that miss it meanwhile (after a change,
/// every visitor of a busy page at once) wait for that build, at most [`PAGE_WAIT`], and
/// share its answer if nothing changed while it was read; otherwise each builds its own.
///
/// [`Change::Content`]: crate::notify::Change::Content
#[derive(Clone, Default)]
pub struct PageCache {
    kept: Kept<Page>,
    /// Pages being built, by key: the requests that miss while one is built wait for it
    /// instead of building the same page again (see [`PageCache::join`]).
    building: Arc<Mutex<HashMap<String, Flight>>>,
}

/// A page as one build made it, for the requests that waited for it: `None` when the
/// build's answer may not be shared (not kept, or read before a change).
type Built = Option<(axum::http::HeaderMap, Bytes)>;

/// The channel a build announces its page on; `None` until it is done.
type Flight = tokio::sync::watch::Receiver<Option<Built>>;

/// What a request that missed does: build the page (and announce it when done, or that it
/// may not be shared, through its [`Builder`]), or wait for the build under way.
enum Join {
    Build(Builder),
    Wait(Flight),
}

/// The one request building a page. Dropped without [`Builder::done`] (the request was
/// cancelled, the build panicked), it leaves the page to the next request and lets the
/// waiting ones build it themselves.
struct Builder {
    building: Arc<Mutex<HashMap<String, Flight>>>,
    key: String,
    tx: tokio::sync::watch::Sender<Option<Built>>,
}

impl Builder {
    fn done(self, built: Built) {
        let _ = self.tx.send(Some(built));
    }
}

impl Drop for Builder {
    fn drop(&mut self) {
        let mut building = self.building.lock().unwrap_or_else(|e| e.into_inner());
        building.remove(&self.key);
    }
}

/// How long a request waits for another's build of the same page before building it too.
const PAGE_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

impl PageCache {
    fn get(&self, key: &str) -> Option<(axum::http::HeaderMap, Bytes)> {
        self.kept.read(key, |page| {
            (page.at.elapsed() <= PAGE_MAX_AGE).then(|| (page.headers.clone(), page.body.clone()))
        })
    }

    fn generation(&self) -> u64 {
        self.kept.generation()
    }

    fn put(&self, key: String, headers: axum::http::HeaderMap, body: Bytes, generation: u64) {
        let at = std::time::Instant::now();
        let page = Page { at, headers, body };
        self.kept.put(key, page, generation, PAGES);
    }

    /// The build of `key` under way, or this request's turn to build it.
    fn join(&self, key: &str) -> Join {
        let mut building = self.building.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(flight) = building.get(key) {
            return Join::Wait(flight.clone());
        }
        let (tx, rx) = tokio::sync::watch::channel(None);
        building.insert(key.to_string(), rx);
        Join::Build(Builder {
            building: self.building.clone(),
            key: key.to_string(),
            tx,
        })
    }

    /// Something pages are built from changed: none kept so far is shown again.
    pub fn clear(&self) {
        self.kept.forget(None);
    }

    pub fn len(&self) -> usize {
        self.kept.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The key of a request whose answer may be kept, or `None`: only GET, no session or other
/// cookie than the language's, no credentials, and not a path of
/// [`PAGE_UNCACHED_PREFIXES`].
fn page_key(req: &axum::extract::Request) -> Option<String> {
    use axum::http::{Method, header};
    if req.method() != Method::GET {
        return None;
    }
    let path = req.uri().path();
    if PAGE_UNCACHED_PREFIXES.iter().any(|p| path.starts_with(p)) {
        return None;
    }
    let headers = req.headers();
    if headers.contains_key(header::AUTHORIZATION) {
        return None;
    }
    // Only the language's cookie may be there: any other (a session) makes the answer the
    // visitor's own.
    if headers
        .get_all(header::COOKIE)
        .iter()
        .any(|v| v.to_str().is_err())
    {
        return None;
    }
    let mut lang_cookie = "";
    for (name, value) in crate::web::session::cookies(headers) {
        if name != crate::web::LANG_COOKIE {
            return None;
        }
        lang_cookie = value;
    }
    let text = |name: header::HeaderName| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    Some(format!(
        "{}\n{}\n{}\n{lang_cookie}",
        req.uri(),
        text(header::ACCEPT),
        text(header::ACCEPT_LANGUAGE)
    ))
}

/// Whether a request carries an HTTP signature: another server fetching, whose answer may
/// hold what only that server may see (a followers-only post). Such a request is answered
/// from pages kept for anonymous visitors (everyone may see those) but its own answer is
/// never kept.
fn signed(req: &axum::extract::Request) -> bool {
    req.headers().contains_key("signature") || req.headers().contains_key("signature-input")
}

/// Put by the [`pages`] middleware on a write request, and set by the extractors of a
/// signed-in caller (`web::session::Session`, `api::auth::Auth`) once its credentials are
/// found live: a write that succeeded with it drops this process's kept pages at once.
#[derive(Clone, Default)]
pub struct AuthenticatedWrite(Arc<std::sync::atomic::AtomicBool>);

impl AuthenticatedWrite {
    /// Notes on the request, if it is a write, that its caller is signed in.
    pub fn mark(extensions: &axum::http::Extensions) {
        if let Some(m) = extensions.get::<AuthenticatedWrite>() {
            m.0.store(true, Ordering::Relaxed);
        }
    }

    fn is_set(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// The middleware of [`PageCache`] (see there).
pub async fn pages(
    axum::extract::State(state): axum::extract::State<crate::state::AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    serve(&state.pages, req, |req| next.run(req)).await
}

/// Answers `req` from `cache`, or by `run` (the rest of the router), keeping the answer
/// when it may be kept.
async fn serve<F, Fut>(
    cache: &PageCache,
    req: axum::extract::Request,
    run: F,
) -> axum::response::Response
where
    F: FnOnce(axum::extract::Request) -> Fut,
    Fut: std::future::Future<Output = axum::response::Response>,
{
    use axum::http::{Method, StatusCode, header};
    let Some(key) = page_key(&req) else {
        let mut req = req;
        let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
        let mark = AuthenticatedWrite::default();
        if writes {
            req.extensions_mut().insert(mark.clone());
        }
        let resp = run(req).await;
        if writes
            && mark.is_set()
            && !(resp.status().is_client_error() || resp.status().is_server_error())
        {
            cache.clear();
        }
        return resp;
    };
    let kept = |(headers, body): (axum::http::HeaderMap, Bytes)| {
        let mut resp = axum::response::Response::new(axum::body::Body::from(body));
        *resp.headers_mut() = headers;
        resp
    };
    if let Some(page) = cache.get(&key) {
        return kept(page);
    }
    let keep = !signed(&req);
    // One build per page at a time: the requests that miss meanwhile (after a change,
    // every visitor of a busy page at once) wait for it and share its answer.
    let builder = if keep {
        match cache.join(&key) {
            Join::Build(b) => Some(b),
            Join::Wait(mut flight) => {
                let shared = tokio::time::timeout(PAGE_WAIT, flight.wait_for(Option::is_some))
                    .await
                    .ok()
                    .and_then(Result::ok)
                    .and_then(|built| built.clone().flatten());
                if let Some(page) = shared {
                    return kept(page);
                }
                None
            }
        }
    } else {
        None
    };
    let generation = cache.generation();
    let resp = run(req).await;
    let h = resp.headers();
    let storable_type = h
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| {
            t.starts_with("text/html")
                || t.starts_with("application/activity+json")
                || t.starts_with("application/ld+json")
        });
    let private = h.contains_key(header::SET_COOKIE)
        || h.get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("no-store") || v.contains("private"));
    let small = axum::body::HttpBody::size_hint(resp.body())
        .upper()
        .is_some_and(|n| n <= PAGE_MAX_BYTES as u64);
    if !keep || resp.status() != StatusCode::OK || !storable_type || private || !small {
        // Dropped, the builder lets those waiting build their own answers.
        drop(builder);
        return resp;
    }
    let (mut parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, PAGE_MAX_BYTES).await else {
        return axum::response::IntoResponse::into_response(StatusCode::INTERNAL_SERVER_ERROR);
    };
    if !parts.headers.contains_key(header::ETAG)
        && let Ok(v) = etag_of(&bytes).parse()
    {
        parts.headers.insert(header::ETAG, v);
    }
    // Shared with those waiting only if nothing changed since the reading began: the
    // same rule as for keeping it.
    let fresh = cache.generation() == generation;
    cache.put(key, parts.headers.clone(), bytes.clone(), generation);
    if let Some(b) = builder {
        b.done(fresh.then(|| (parts.headers.clone(), bytes.clone())));
    }
    axum::response::Response::from_parts(parts, axum::body::Body::from(bytes))
}

#[cfg(test)]
mod page_tests {
    use super::*;
    use axum::http::{Request, StatusCode, header};
    use axum::response::{IntoResponse, Response};
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    fn get(path: &str) -> axum::extract::Request {
        Request::get(path)
            .body(axum::body::Body::empty())
            .expect("a request")
    }

    /// A page that takes a while to build, counting its builds.
    async fn build(builds: &AtomicUsize, status: StatusCode) -> Response {
        let n = builds.fetch_add(1, Ordering::SeqCst) + 1;
        tokio::time::sleep(Duration::from_millis(50)).await;
        (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            format!("<p>build {n}</p>"),
        )
            .into_response()
    }

    async fn body(resp: Response) -> String {
        let bytes = axum::body::to_bytes(resp.into_body(), 1 << 20)
            .await
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    /// Requests that miss while a page is built wait for that build and share its answer;
    /// one whose build is cancelled leaves the page to the others; an answer that is not
    /// kept, or was read before a change, is not shared.
    #[tokio::test]
    async fn a_page_missed_by_many_at_once_is_built_once() {
        let cache = PageCache::default();
        let builds = AtomicUsize::new(0);
        let many = (0..20).map(|_| serve(&cache, get("/"), |_| build(&builds, StatusCode::OK)));
        let answers = futures::future::join_all(many).await;
        assert_eq!(builds.load(Ordering::SeqCst), 1);
        for a in answers {
            assert_eq!(a.status(), StatusCode::OK);
            assert_eq!(body(a).await, "<p>build 1</p>");
        }
        assert!(cache.building.lock().unwrap().is_empty());

        // A build cancelled midway (the visitor went away): the one waiting builds.
        cache.clear();
        let builds = AtomicUsize::new(0);
        let cancelled = tokio::time::timeout(
            Duration::from_millis(10),
            serve(&cache, get("/"), |_| build(&builds, StatusCode::OK)),
        );
        let waiting = async {
            tokio::time::sleep(Duration::from_millis(2)).await;
            serve(&cache, get("/"), |_| build(&builds, StatusCode::OK)).await
        };
        let (cancelled, waited) = tokio::join!(cancelled, waiting);
        assert!(cancelled.is_err());
        assert_eq!(body(waited).await, "<p>build 2</p>");

        // Not found is not kept, nor shared: each builds its own.
        let builds = AtomicUsize::new(0);
        let many = (0..3).map(|_| {
            serve(&cache, get("/nothing"), |_| {
                build(&builds, StatusCode::NOT_FOUND)
            })
        });
        futures::future::join_all(many).await;
        assert_eq!(builds.load(Ordering::SeqCst), 3);

        // A change while the page is built: those waiting do not get what was read before it.
        let builds = AtomicUsize::new(0);
        let changed = async {
            tokio::time::sleep(Duration::from_millis(10)).await;
            cache.clear();
        };
        let many =
            (0..3).map(|_| serve(&cache, get("/changed"), |_| build(&builds, StatusCode::OK)));
        tokio::join!(changed, futures::future::join_all(many));
        assert_eq!(builds.load(Ordering::SeqCst), 3, "the first, then one each");
    }
}
