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

/// What an incoming request's signature claims, before the key is fetched.
#[derive(Debug, Clone)]
pub struct SignedRequest {
    pub key_id: String,
    scheme: Scheme,
}

#[derive(Debug, Clone)]
enum Scheme {
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
                scheme: Scheme::Rfc9421(parsed),
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
            scheme: Scheme::Cavage(parsed),
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
            Scheme::Cavage(p) => cavage::verify(p, req, key, now),
            Scheme::Rfc9421(p) => rfc9421::verify(p, req, key, now),
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
