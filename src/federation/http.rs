//! The HTTP client of every request passerelle sends to another server (deliveries, fetches,
//! WebFinger, the search fan-out), and reading answers within a size limit.

use std::sync::Arc;
use std::time::Duration;

/// How long a request to another server may take, connecting included.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The most we read of an answer (as Mastodon and activitypub_federation limit it).
pub const MAX_BODY: usize = 1024 * 1024;

/// `passerelle/<version> (+<base URL>)`: who is asking, and where to find out more, as
/// Mastodon and GoToSocial send it (some servers refuse requests without a User-Agent).
pub fn user_agent(base_url: &str) -> String {
    let base = base_url.trim_end_matches('/');
    format!("passerelle/{} (+{base}/)", env!("CARGO_PKG_VERSION"))
}

/// No redirects, a timeout, `user_agent` on every request, and (outside debug mode) no
/// connections to private or loopback addresses.
pub fn client(debug: bool, user_agent: &str) -> reqwest::Client {
    let mut b = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(TIMEOUT)
        .connect_timeout(TIMEOUT)
        // Keep every connection a full per-instance batch of deliveries can use.
        .pool_max_idle_per_host(256)
        .user_agent(user_agent);
    if !debug {
        b = b.dns_resolver(Arc::new(
            activitypub_federation::resolver::ValidatingDnsResolver::new(vec![], true),
        ));
    }
    b.build().unwrap_or_default()
}

/// `req` with the headers that sign it. `Host` is left out: the client writes it from the
/// URL, exactly as it was signed.
pub fn signed(
    mut req: reqwest::RequestBuilder,
    headers: impl IntoIterator<Item = (&'static str, String)>,
) -> reqwest::RequestBuilder {
    for (name, value) in headers {
        if name != "host" {
            req = req.header(name, value);
        }
    }
    req
}

/// The answer's body, or `None` when it is longer than `limit`.
pub async fn read_limited(
    mut resp: reqwest::Response,
    limit: usize,
) -> Result<Option<Vec<u8>>, reqwest::Error> {
    if resp.content_length().is_some_and(|n| n > limit as u64) {
        return Ok(None);
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await? {
        if body.len() + chunk.len() > limit {
            return Ok(None);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Some(body))
}
