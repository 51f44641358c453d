use super::*;
use axum::http::{HeaderName, HeaderValue};
use std::sync::LazyLock;
use std::time::UNIX_EPOCH;
use url::Url;

static KEYS: LazyLock<(String, String)> = LazyLock::new(|| {
    let k = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
    (k.private_key, k.public_key)
});

fn key() -> (SigningKey, PublicKey) {
    let signing = SigningKey::from_pkcs8_pem("https://a.example/o/x#main-key", &KEYS.0).unwrap();
    (signing, PublicKey::from_pem(&KEYS.1).unwrap())
}

fn headers(pairs: &[(&'static str, String)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (k, v) in pairs {
        h.append(
            HeaderName::from_static(k),
            HeaderValue::from_str(v).unwrap(),
        );
    }
    h
}

fn check(
    h: &HeaderMap,
    body: &[u8],
    path: &str,
    now: SystemTime,
    public: &PublicKey,
) -> Result<(), SignatureError> {
    let req = RequestParts {
        method: &Method::POST,
        path_and_query: path,
        target_uri: &format!("https://b.example{path}"),
        headers: h,
        body,
    };
    SignedRequest::parse(h)?.verify(&req, public, now)
}

#[test]
fn cavage_round_trip_and_every_way_to_fail() {
    let (signing, public) = key();
    let url = Url::parse("https://b.example/inbox").unwrap();
    let body = br#"{"type":"Follow"}"#;
    let now = SystemTime::now();
    let h = headers(&sign_post(&signing, &url, body, now).unwrap());
    assert_eq!(check(&h, body, "/inbox", now, &public), Ok(()));
    assert_eq!(
        SignedRequest::parse(&h).unwrap().key_owner_hint(),
        "https://a.example/o/x"
    );
    // Another body: the digest no longer matches.
    assert_eq!(
        check(&h, b"{}", "/inbox", now, &public),
        Err(SignatureError::DigestMismatch)
    );
    // Another path: the signature no longer verifies.
    assert!(matches!(
        check(&h, body, "/o/y/inbox", now, &public),
        Err(SignatureError::Invalid(_))
    ));
    // Too old, or from the future.
    assert_eq!(
        check(
            &h,
            body,
            "/inbox",
            now + Duration::from_secs(13 * 3600),
            &public
        ),
        Err(SignatureError::Expired)
    );
    assert_eq!(
        check(
            &h,
            body,
            "/inbox",
            now - Duration::from_secs(13 * 3600),
            &public
        ),
        Err(SignatureError::Expired)
    );
    // Another key.
    let other = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
    let other = PublicKey::from_pem(&other.public_key).unwrap();
    assert!(matches!(
        check(&h, body, "/inbox", now, &other),
        Err(SignatureError::Invalid(_))
    ));
    // No signature at all; a signature without a digest.
    assert_eq!(
        check(&HeaderMap::new(), body, "/inbox", now, &public),
        Err(SignatureError::Missing)
    );
    let mut no_digest = h.clone();
    no_digest.remove("digest");
    assert_eq!(
        check(&no_digest, body, "/inbox", now, &public),
        Err(SignatureError::DigestMismatch)
    );
    let mut garbled = h.clone();
    garbled.insert(
        "signature",
        HeaderValue::from_static("keyId=\"x\",signature=\"%%%\""),
    );
    assert!(matches!(
        check(&garbled, body, "/inbox", now, &public),
        Err(SignatureError::Malformed(_))
    ));
}

#[test]
fn rfc9421_round_trip() {
    let (signing, public) = key();
    let body = br#"{"type":"Create"}"#;
    let now = SystemTime::now();
    let created = now.duration_since(UNIX_EPOCH).unwrap().as_secs();
    let h = headers(
        &rfc9421::sign_for_test(&signing, "POST", "https://b.example/inbox", body, created)
            .unwrap(),
    );
    assert_eq!(check(&h, body, "/inbox", now, &public), Ok(()));
    assert_eq!(
        check(&h, b"{}", "/inbox", now, &public),
        Err(SignatureError::DigestMismatch)
    );
    assert!(matches!(
        check(&h, body, "/other", now, &public),
        Err(SignatureError::Invalid(_))
    ));
    assert_eq!(
        check(
            &h,
            body,
            "/inbox",
            now + Duration::from_secs(13 * 3600),
            &public
        ),
        Err(SignatureError::Expired)
    );
}

#[test]
fn pkcs1_public_keys_are_read_too() {
    // Mobilizon publishes `BEGIN RSA PUBLIC KEY`: the same key, PKCS#1 inside.
    let (signing, _) = key();
    let pkcs1 = signing.public_key_der();
    let pem = format!(
        "-----BEGIN RSA PUBLIC KEY-----\n{}\n-----END RSA PUBLIC KEY-----\n",
        B64.encode(&pkcs1)
    );
    let public = PublicKey::from_pem(&pem).unwrap();
    assert!(public.verify(b"x", &signing.sign(b"x").unwrap()));
}
