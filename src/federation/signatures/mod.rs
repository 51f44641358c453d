//! HTTP signatures, on aws-lc-rs: draft-cavage-12 signing of our outgoing requests, and
//! verification of incoming ones signed with draft-cavage (Mastodon, Pleroma, GoToSocial…) or
//! RFC 9421 HTTP Message Signatures (Mastodon 4.5+). RSA PKCS#1 v1.5 with SHA-256 throughout.
//!
//! Keys stay in one format: PKCS#8 PEM private keys and SPKI PEM public keys, as
//! activitypub_federation generates them and Mastodon reads them.

mod cavage;
mod keys;
pub mod rfc9421;

pub use cavage::{sign_get, sign_post};
pub use keys::{PublicKey, SigningKey};

use axum::http::{HeaderMap, Method};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use sha2::{Digest, Sha256};
use std::time::{Duration, SystemTime};

/// How far a signature's date may be from our clock (Mastodon allows 12 hours).
pub const CLOCK_SKEW: Duration = Duration::from_secs(12 * 60 * 60);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SignatureError {
    #[error("the request is not signed (no Signature header)")]
    Missing,
    #[error("malformed signature: {0}")]
    Malformed(String),
    #[error("the signature has expired or its date is too far from now")]
    Expired,
    #[error("the body does not match its digest")]
    DigestMismatch,
    #[error("the signature does not cover {0}")]
    Uncovered(&'static str),
    #[error("the signature does not verify with the key {0}")]
    Invalid(String),
    #[error("unusable public key: {0}")]
    BadKey(String),
}

/// How an outgoing request is signed. Servers differ in what they accept, so a request
/// refused for its signature (401 or 400) is tried once more the other way, and what worked
/// is remembered per instance (see [`Knocks`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// draft-cavage-12: `(request-target) host date` (and `digest content-type` with a
    /// body), `algorithm="rsa-sha256"`: what Mastodon, GoToSocial, Pleroma and Lemmy verify.
    Cavage,
    /// RFC 9421 HTTP Message Signatures (Mastodon 4.5+, Fedify).
    Rfc9421,
}

impl Scheme {
    pub fn other(self) -> Scheme {
        match self {
            Scheme::Cavage => Scheme::Rfc9421,
            Scheme::Rfc9421 => Scheme::Cavage,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Cavage => "draft-cavage",
            Scheme::Rfc9421 => "rfc9421",
        }
    }
}

/// The headers that sign a request of `method` to `url` (a POST carries `body`) with `key`:
/// `Host` and `Date` always, the body's digest and `Content-Type` with a body, and the
/// signature itself in the given scheme.
pub fn sign_request(
    key: &SigningKey,
    scheme: Scheme,
    method: &Method,
    url: &url::Url,
    body: Option<&[u8]>,
    now: SystemTime,
) -> anyhow::Result<Vec<(&'static str, String)>> {
    match (scheme, body) {
        (Scheme::Cavage, Some(body)) => sign_post(key, url, body, now),
        (Scheme::Cavage, None) => sign_get(key, url, now),
        (Scheme::Rfc9421, body) => {
            let mut headers = rfc9421::sign(key, method.as_str(), url, body, now)?;
            if body.is_some() {
                headers.push(("content-type", cavage::CONTENT_TYPE.to_string()));
            }
            Ok(headers)
        }
    }
}

/// Which scheme each instance accepted last, shared by every outgoing request of a process.
/// Instances not seen yet are tried with draft-cavage first, the scheme most servers verify.
#[derive(Debug, Clone, Default)]
pub struct Knocks(std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, Scheme>>>);

impl Knocks {
    /// The scheme to try first for `authority` (`host[:port]`).
    pub fn first(&self, authority: &str) -> Scheme {
        self.0
            .lock()
            .ok()
            .and_then(|m| m.get(authority).copied())
            .unwrap_or(Scheme::Cavage)
    }

    /// Remembers that `authority` accepted `scheme`.
    pub fn worked(&self, authority: &str, scheme: Scheme) {
        if let Ok(mut m) = self.0.lock()
            && m.get(authority) != Some(&scheme)
        {
            m.insert(authority.to_string(), scheme);
        }
    }
}

/// Whether an answer's status means "your signature was not accepted", which is worth one
/// more try with the other scheme.
pub fn refused_signature(status: u16) -> bool {
    matches!(status, 400 | 401)
}

/// What an incoming request's signature claims, before the key is fetched.
#[derive(Debug, Clone)]
pub struct SignedRequest {
    pub key_id: String,
    scheme: ParsedScheme,
}

#[derive(Debug, Clone)]
enum ParsedScheme {
    Cavage(cavage::Parsed),
    Rfc9421(rfc9421::Parsed),
}

/// The request as the server received it, for verification.
pub struct RequestParts<'a> {
    pub method: &'a Method,
    /// Path and query, as in the request line.
    pub path_and_query: &'a str,
    /// The full URL the client addressed (for RFC 9421 `@target-uri`).
    pub target_uri: &'a str,
    pub headers: &'a HeaderMap,
    pub body: &'a [u8],
}

impl SignedRequest {
    /// Reads the signature headers: RFC 9421 when `Signature-Input` is present, else cavage.
    pub fn parse(headers: &HeaderMap) -> Result<SignedRequest, SignatureError> {
        if let Some(input) = headers.get("signature-input") {
            let parsed = rfc9421::parse(input, headers.get("signature"))?;
            return Ok(SignedRequest {
                key_id: parsed.key_id.clone(),
                scheme: ParsedScheme::Rfc9421(parsed),
            });
        }
        let header = headers.get("signature").ok_or(SignatureError::Missing)?;
        let parsed = cavage::parse(
            header
                .to_str()
                .map_err(|_| SignatureError::Malformed("not text".into()))?,
        )?;
        Ok(SignedRequest {
            key_id: parsed.key_id.clone(),
            scheme: ParsedScheme::Cavage(parsed),
        })
    }

    /// The actor a key id points to: the key id without its fragment (`…#main-key`), or
    /// without a trailing `/main-key` path segment (GoToSocial).
    pub fn key_owner_hint(&self) -> String {
        let id = self.key_id.split('#').next().unwrap_or(&self.key_id);
        id.strip_suffix("/main-key").unwrap_or(id).to_string()
    }

    /// Checks dates, the body digest (when there is a body) and the signature itself.
    pub fn verify(
        &self,
        req: &RequestParts<'_>,
        key: &PublicKey,
        now: SystemTime,
    ) -> Result<(), SignatureError> {
        match &self.scheme {
            ParsedScheme::Cavage(p) => cavage::verify(p, req, key, now),
            ParsedScheme::Rfc9421(p) => rfc9421::verify(p, req, key, now),
        }
    }
}

/// `SHA-256=<base64>`, the cavage `Digest` header of a body.
pub fn digest_header(body: &[u8]) -> String {
    format!("SHA-256={}", B64.encode(Sha256::digest(body)))
}

fn within_skew(t: SystemTime, now: SystemTime) -> bool {
    match t.duration_since(now) {
        Ok(ahead) => ahead <= CLOCK_SKEW,
        Err(behind) => behind.duration() <= CLOCK_SKEW,
    }
}

fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<String> {
    let values: Vec<&'a str> = headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    (!values.is_empty()).then(|| {
        values
            .iter()
            .map(|v| v.trim())
            .collect::<Vec<_>>()
            .join(", ")
    })
}

#[cfg(test)]
mod tests;
