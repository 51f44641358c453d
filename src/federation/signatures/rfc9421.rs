//! RFC 9421 HTTP Message Signatures (verification), as Mastodon 4.5+ may send them:
//! `@method`, `@target-uri`, `content-digest` and `created`, with `rsa-v1_5-sha256`.

use super::keys::PublicKey;
use super::{RequestParts, SignatureError, header_str, within_skew};
use axum::http::HeaderValue;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use sha2::{Digest, Sha256, Sha512};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

#[derive(Debug, Clone)]
pub struct Parsed {
    pub key_id: String,
    label: String,
    components: Vec<String>,
    /// The serialised inner list with its parameters, as signed in `@signature-params`.
    params_text: String,
    created: Option<u64>,
    expires: Option<u64>,
    signature: Vec<u8>,
}

fn malformed(s: &str) -> SignatureError {
    SignatureError::Malformed(s.to_string())
}

/// Parses the first signature of `Signature-Input` and its value in `Signature`.
pub fn parse(
    input: &HeaderValue,
    signature: Option<&HeaderValue>,
) -> Result<Parsed, SignatureError> {
    let input = input
        .to_str()
        .map_err(|_| malformed("Signature-Input is not text"))?;
    let (label, rest) = input
        .split_once('=')
        .ok_or_else(|| malformed("Signature-Input without a label"))?;
    let label = label.trim().to_string();
    let rest = rest.trim();
    // Only the first signature is checked; a second one would follow a top-level comma.
    let params_text = rest.split(", ").next().unwrap_or(rest).trim().to_string();
    let open = params_text
        .strip_prefix('(')
        .ok_or_else(|| malformed("Signature-Input is not an inner list"))?;
    let close = open
        .find(')')
        .ok_or_else(|| malformed("unclosed component list"))?;
    let components: Vec<String> = open[..close]
        .split_whitespace()
        .map(|c| c.trim_matches('"').to_ascii_lowercase())
        .collect();
    let mut key_id = None;
    let mut created = None;
    let mut expires = None;
    for param in open[close + 1..].split(';').filter(|p| !p.is_empty()) {
        let (k, v) = param.split_once('=').unwrap_or((param, ""));
        let v = v.trim_matches('"');
        match k.trim() {
            "keyid" => key_id = Some(v.to_string()),
            "created" => created = Some(v.parse().map_err(|_| malformed("bad created"))?),
            "expires" => expires = Some(v.parse().map_err(|_| malformed("bad expires"))?),
            "alg" if v != "rsa-v1_5-sha256" => {
                return Err(SignatureError::Malformed(format!("unsupported alg {v}")));
            }
            _ => {}
        }
    }
    let sig_header = signature
        .ok_or(SignatureError::Missing)?
        .to_str()
        .map_err(|_| malformed("Signature is not text"))?;
    let value = sig_header
        .split(',')
        .map(str::trim)
        .find_map(|entry| entry.strip_prefix(&format!("{label}=")))
        .ok_or_else(|| malformed("no signature with the label of Signature-Input"))?;
    let b64 = value.trim().trim_matches(':');
    let signature = B64
        .decode(b64)
        .map_err(|_| malformed("signature is not base64"))?;
    Ok(Parsed {
        key_id: key_id.ok_or_else(|| malformed("no keyid"))?,
        label,
        components,
        params_text,
        created,
        expires,
        signature,
    })
}

fn component(name: &str, req: &RequestParts<'_>) -> Result<String, SignatureError> {
    let uri = url::Url::parse(req.target_uri).map_err(|_| malformed("bad target URI"))?;
    Ok(match name {
        "@method" => req.method.as_str().to_ascii_uppercase(),
        "@target-uri" => req.target_uri.to_string(),
        "@authority" => match uri.port() {
            Some(p) => format!("{}:{p}", uri.host_str().unwrap_or_default()),
            None => uri.host_str().unwrap_or_default().to_string(),
        },
        "@scheme" => uri.scheme().to_string(),
        "@path" => uri.path().to_string(),
        "@query" => format!("?{}", uri.query().unwrap_or("")),
        "@request-target" => req.path_and_query.to_string(),
        n if n.starts_with('@') => {
            return Err(SignatureError::Malformed(format!(
                "unsupported component {n}"
            )));
        }
        n => header_str(req.headers, n)
            .ok_or_else(|| SignatureError::Malformed(format!("signed header {n} is missing")))?,
    })
}

fn content_digest_matches(header: &str, body: &[u8]) -> bool {
    header.split(',').any(|entry| {
        let Some((alg, value)) = entry.trim().split_once('=') else {
            return false;
        };
        let value = value.trim().trim_matches(':');
        match alg.trim() {
            "sha-256" => B64.encode(Sha256::digest(body)) == value,
            "sha-512" => B64.encode(Sha512::digest(body)) == value,
            _ => false,
        }
    })
}

pub fn verify(
    p: &Parsed,
    req: &RequestParts<'_>,
    key: &PublicKey,
    now: SystemTime,
) -> Result<(), SignatureError> {
    let created = p.created.ok_or(SignatureError::Uncovered("created"))?;
    if !within_skew(UNIX_EPOCH + Duration::from_secs(created), now) {
        return Err(SignatureError::Expired);
    }
    if p.expires
        .is_some_and(|e| UNIX_EPOCH + Duration::from_secs(e) < now)
    {
        return Err(SignatureError::Expired);
    }
    let has = |c: &str| p.components.iter().any(|x| x == c);
    if !has("@method") {
        return Err(SignatureError::Uncovered("@method"));
    }
    if !(has("@target-uri") || has("@request-target") || has("@path")) {
        return Err(SignatureError::Uncovered("@target-uri"));
    }
    if !req.body.is_empty() || req.method == axum::http::Method::POST {
        if !has("content-digest") {
            return Err(SignatureError::Uncovered("content-digest"));
        }
        let sent =
            header_str(req.headers, "content-digest").ok_or(SignatureError::DigestMismatch)?;
        if !content_digest_matches(&sent, req.body) {
            return Err(SignatureError::DigestMismatch);
        }
    }
    let mut base = String::new();
    for c in &p.components {
        base.push_str(&format!("\"{c}\": {}\n", component(c, req)?));
    }
    base.push_str(&format!("\"@signature-params\": {}", p.params_text));
    let _ = &p.label;
    if key.verify(base.as_bytes(), &p.signature) {
        Ok(())
    } else {
        Err(SignatureError::Invalid(p.key_id.clone()))
    }
}

/// The headers of a request signed the RFC 9421 way, as Mastodon 4.5 and Fedify sign:
/// `@method`, `@target-uri`, `@authority` and `date`, plus `content-digest` when there is a
/// body; `created`, `keyid` and `alg` as parameters. The `Date` header is sent as well, for
/// servers that check it.
pub fn sign(
    key: &super::SigningKey,
    method: &str,
    url: &url::Url,
    body: Option<&[u8]>,
    now: SystemTime,
) -> anyhow::Result<Vec<(&'static str, String)>> {
    let created = now.duration_since(UNIX_EPOCH)?.as_secs();
    let date = httpdate::fmt_http_date(now);
    let authority = match url.port() {
        Some(p) => format!("{}:{p}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_string(),
    };
    let mut components = vec!["@method", "@target-uri", "@authority", "date"];
    let mut base = format!(
        "\"@method\": {}\n\"@target-uri\": {url}\n\"@authority\": {authority}\n\"date\": {date}\n",
        method.to_ascii_uppercase()
    );
    let mut headers = vec![("date", date)];
    if let Some(body) = body {
        let digest = format!("sha-256=:{}:", B64.encode(Sha256::digest(body)));
        components.push("content-digest");
        base.push_str(&format!("\"content-digest\": {digest}\n"));
        headers.push(("content-digest", digest));
    }
    let list: Vec<String> = components.iter().map(|c| format!("\"{c}\"")).collect();
    let params = format!(
        r#"({});created={created};keyid="{}";alg="rsa-v1_5-sha256""#,
        list.join(" "),
        key.key_id
    );
    base.push_str(&format!("\"@signature-params\": {params}"));
    let sig = B64.encode(key.sign(base.as_bytes())?);
    headers.push(("signature-input", format!("sig1={params}")));
    headers.push(("signature", format!("sig1=:{sig}:")));
    Ok(headers)
}

/// Signs a request the RFC 9421 way (tests and interop checks use it to play Mastodon 4.5).
pub fn sign_for_test(
    key: &super::SigningKey,
    method: &str,
    target_uri: &str,
    body: &[u8],
    created: u64,
) -> anyhow::Result<Vec<(&'static str, String)>> {
    let digest = format!("sha-256=:{}:", B64.encode(Sha256::digest(body)));
    let params = format!(
        r#"("@method" "@target-uri" "content-digest");created={created};keyid="{}";alg="rsa-v1_5-sha256""#,
        key.key_id
    );
    let base = format!(
        "\"@method\": {method}\n\"@target-uri\": {target_uri}\n\"content-digest\": {digest}\n\"@signature-params\": {params}"
    );
    let sig = B64.encode(key.sign(base.as_bytes())?);
    Ok(vec![
        ("content-digest", digest),
        ("signature-input", format!("sig1={params}")),
        ("signature", format!("sig1=:{sig}:")),
    ])
}
