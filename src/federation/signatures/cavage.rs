//! draft-cavage-http-signatures-12, as Mastodon signs and verifies it.

use super::keys::{PublicKey, SigningKey};
use super::{RequestParts, SignatureError, digest_header, header_str, within_skew};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use url::Url;

pub(super) const CONTENT_TYPE: &str = "application/activity+json";

#[derive(Debug, Clone)]
pub struct Parsed {
    pub key_id: String,
    pub headers: Vec<String>,
    pub signature: Vec<u8>,
    pub created: Option<u64>,
    pub expires: Option<u64>,
}

/// Splits `k1="v1",k2=v2` respecting quotes.
fn params(header: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut rest = header.trim();
    while !rest.is_empty() {
        let Some(eq) = rest.find('=') else { break };
        let key = rest[..eq]
            .trim()
            .trim_start_matches(',')
            .trim()
            .to_ascii_lowercase();
        rest = &rest[eq + 1..];
        let value;
        if let Some(stripped) = rest.strip_prefix('"') {
            let end = stripped.find('"').unwrap_or(stripped.len());
            value = stripped[..end].to_string();
            rest = stripped.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            value = rest[..end].trim().to_string();
            rest = &rest[end..];
        }
        rest = rest.trim_start_matches([',', ' ']);
        out.insert(key, value);
    }
    out
}

pub fn parse(header: &str) -> Result<Parsed, SignatureError> {
    let p = params(header);
    let key_id = p
        .get("keyid")
        .cloned()
        .ok_or_else(|| SignatureError::Malformed("no keyId".into()))?;
    if let Some(alg) = p.get("algorithm")
        && !matches!(alg.to_ascii_lowercase().as_str(), "rsa-sha256" | "hs2019")
    {
        return Err(SignatureError::Malformed(format!(
            "unsupported algorithm {alg}"
        )));
    }
    let headers = p
        .get("headers")
        .map(|h| {
            h.split_whitespace()
                .map(|s| s.to_ascii_lowercase())
                .collect()
        })
        .unwrap_or_else(|| vec!["date".to_string()]);
    let signature = B64
        .decode(
            p.get("signature")
                .ok_or_else(|| SignatureError::Malformed("no signature".into()))?,
        )
        .map_err(|_| SignatureError::Malformed("signature is not base64".into()))?;
    let num = |k: &str| {
        p.get(k).map(|v| {
            v.parse::<u64>()
                .map_err(|_| SignatureError::Malformed(format!("bad ({k})")))
        })
    };
    Ok(Parsed {
        key_id,
        headers,
        signature,
        created: num("created").transpose()?,
        expires: num("expires").transpose()?,
    })
}

fn signing_string(p: &Parsed, req: &RequestParts<'_>) -> Result<String, SignatureError> {
    let mut lines = Vec::with_capacity(p.headers.len());
    for h in &p.headers {
        let value = match h.as_str() {
            "(request-target)" => format!(
                "{} {}",
                req.method.as_str().to_ascii_lowercase(),
                req.path_and_query
            ),
            "(created)" => p
                .created
                .ok_or(SignatureError::Malformed(
                    "(created) without created".into(),
                ))?
                .to_string(),
            "(expires)" => p
                .expires
                .ok_or(SignatureError::Malformed(
                    "(expires) without expires".into(),
                ))?
                .to_string(),
            name => header_str(req.headers, name).ok_or_else(|| {
                SignatureError::Malformed(format!("signed header {name} is missing"))
            })?,
        };
        lines.push(format!("{h}: {value}"));
    }
    Ok(lines.join("\n"))
}

pub fn verify(
    p: &Parsed,
    req: &RequestParts<'_>,
    key: &PublicKey,
    now: SystemTime,
) -> Result<(), SignatureError> {
    // The signature must be dated, and must cover the body of a POST.
    let date = if p.headers.iter().any(|h| h == "date") {
        let d = header_str(req.headers, "date").ok_or(SignatureError::Uncovered("date"))?;
        Some(
            httpdate::parse_http_date(&d)
                .map_err(|_| SignatureError::Malformed("bad Date header".into()))?,
        )
    } else {
        None
    };
    let created = p.created.map(|c| UNIX_EPOCH + Duration::from_secs(c));
    match (date, created) {
        (None, None) => return Err(SignatureError::Uncovered("date")),
        (d, c) => {
            if d.or(c).is_some_and(|t| !within_skew(t, now)) {
                return Err(SignatureError::Expired);
            }
        }
    }
    if p.expires
        .is_some_and(|e| UNIX_EPOCH + Duration::from_secs(e) < now)
    {
        return Err(SignatureError::Expired);
    }
    if !p.headers.iter().any(|h| h == "(request-target)") {
        return Err(SignatureError::Uncovered("(request-target)"));
    }
    if !req.body.is_empty() || req.method == axum::http::Method::POST {
        if !p.headers.iter().any(|h| h == "digest") {
            return Err(SignatureError::Uncovered("digest"));
        }
        let sent = header_str(req.headers, "digest").ok_or(SignatureError::DigestMismatch)?;
        let ours = digest_header(req.body);
        let ours_b64 = &ours["SHA-256=".len()..];
        let matches = sent.split(',').any(|part| {
            part.trim()
                .split_once('=')
                .is_some_and(|(alg, v)| alg.eq_ignore_ascii_case("sha-256") && v == ours_b64)
        });
        if !matches {
            return Err(SignatureError::DigestMismatch);
        }
    }
    let message = signing_string(p, req)?;
    if key.verify(message.as_bytes(), &p.signature) {
        Ok(())
    } else {
        Err(SignatureError::Invalid(p.key_id.clone()))
    }
}

fn host_of(url: &Url) -> String {
    match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_string(),
    }
}

fn path_and_query(url: &Url) -> String {
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    }
}

/// The headers of a signed POST of an activity: Host, Date, Digest, Content-Type, Signature.
pub fn sign_post(
    key: &SigningKey,
    url: &Url,
    body: &[u8],
    now: SystemTime,
) -> anyhow::Result<Vec<(&'static str, String)>> {
    let host = host_of(url);
    let date = httpdate::fmt_http_date(now);
    let digest = digest_header(body);
    let message = format!(
        "(request-target): post {}\nhost: {host}\ndate: {date}\ndigest: {digest}\ncontent-type: {CONTENT_TYPE}",
        path_and_query(url)
    );
    let signature = B64.encode(key.sign(message.as_bytes())?);
    Ok(vec![
        ("host", host),
        ("date", date),
        ("digest", digest),
        ("content-type", CONTENT_TYPE.to_string()),
        (
            "signature",
            format!(
                r#"keyId="{}",algorithm="rsa-sha256",headers="(request-target) host date digest content-type",signature="{signature}""#,
                key.key_id
            ),
        ),
    ])
}

/// The headers of a signed GET (for servers in authorized-fetch mode).
pub fn sign_get(
    key: &SigningKey,
    url: &Url,
    now: SystemTime,
) -> anyhow::Result<Vec<(&'static str, String)>> {
    let host = host_of(url);
    let date = httpdate::fmt_http_date(now);
    let message = format!(
        "(request-target): get {}\nhost: {host}\ndate: {date}",
        path_and_query(url)
    );
    let signature = B64.encode(key.sign(message.as_bytes())?);
    Ok(vec![
        ("host", host),
        ("date", date),
        (
            "signature",
            format!(
                r#"keyId="{}",algorithm="rsa-sha256",headers="(request-target) host date",signature="{signature}""#,
                key.key_id
            ),
        ),
    ])
}
