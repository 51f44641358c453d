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

fn get_parts<'a>(h: &'a HeaderMap, path: &'a str, target: &'a str) -> RequestParts<'a> {
    RequestParts {
        method: &Method::GET,
        path_and_query: path,
        target_uri: target,
        headers: h,
        body: b"",
    }
}

/// A draft-cavage signature over `covered` as another server writes it: its own header
/// order, algorithm name and key id form.
fn cavage_as(
    signing: &SigningKey,
    key_id: &str,
    algorithm: &str,
    covered: &[(&str, &str)],
    path: &str,
) -> HeaderMap {
    let lines: Vec<String> = covered
        .iter()
        .map(|(name, value)| match *name {
            "(request-target)" => format!("(request-target): get {path}"),
            n => format!("{n}: {value}"),
        })
        .collect();
    let sig = B64.encode(signing.sign(lines.join("\n").as_bytes()).unwrap());
    let names: Vec<&str> = covered.iter().map(|(n, _)| *n).collect();
    let mut pairs: Vec<(&'static str, String)> = covered
        .iter()
        .filter(|(n, _)| !n.starts_with('('))
        .map(|(n, v)| {
            let name: &'static str = match *n {
                "host" => "host",
                "date" => "date",
                "accept" => "accept",
                other => panic!("unexpected header {other}"),
            };
            (name, v.to_string())
        })
        .collect();
    pairs.push((
        "signature",
        format!(
            r#"keyId="{key_id}",algorithm="{algorithm}",headers="{}",signature="{sig}""#,
            names.join(" ")
        ),
    ));
    headers(&pairs)
}

#[test]
fn signed_gets_in_the_shapes_of_mastodon_gotosocial_and_fedify_verify() {
    let (signing, public) = key();
    let now = SystemTime::now();
    let date = httpdate::fmt_http_date(now);
    let path = "/o/stadt-dortmund";
    let target = "https://b.example/o/stadt-dortmund";
    let accept = "application/activity+json, application/ld+json";

    // Mastodon in secure mode (draft-cavage): rsa-sha256 over request-target, host, date, accept.
    let mastodon = cavage_as(
        &signing,
        "https://mastodon.example/actor#main-key",
        "rsa-sha256",
        &[
            ("(request-target)", ""),
            ("host", "b.example"),
            ("date", &date),
            ("accept", accept),
        ],
        path,
    );
    // GoToSocial: hs2019, key id ending in /main-key, request-target host date.
    let gotosocial = cavage_as(
        &signing,
        "https://gts.example/users/anna/main-key",
        "hs2019",
        &[
            ("(request-target)", ""),
            ("host", "b.example"),
            ("date", &date),
        ],
        path,
    );
    // Fedify (draft-cavage side of its double knock): its own header order.
    let fedify = cavage_as(
        &signing,
        "https://fedify.example/users/anna#main-key",
        "rsa-sha256",
        &[
            ("(request-target)", ""),
            ("accept", accept),
            ("date", &date),
            ("host", "b.example"),
        ],
        path,
    );
    for (who, h) in [
        ("mastodon", &mastodon),
        ("gotosocial", &gotosocial),
        ("fedify", &fedify),
    ] {
        let parsed = SignedRequest::parse(h).unwrap();
        assert_eq!(
            parsed.verify(&get_parts(h, path, target), &public, now),
            Ok(()),
            "{who}"
        );
        // Another path does not verify.
        assert!(
            parsed
                .verify(&get_parts(h, "/o/other", target), &public, now)
                .is_err(),
            "{who}"
        );
    }
    assert_eq!(
        SignedRequest::parse(&gotosocial).unwrap().key_owner_hint(),
        "https://gts.example/users/anna"
    );

    // RFC 9421 as Fedify signs a GET: method, target URI, authority, host and date.
    let created = now.duration_since(UNIX_EPOCH).unwrap().as_secs();
    let params = format!(
        r#"("@method" "@target-uri" "@authority" "host" "date");alg="rsa-v1_5-sha256";keyid="https://fedify.example/users/anna#main-key";created={created}"#
    );
    let base = format!(
        "\"@method\": GET\n\"@target-uri\": {target}\n\"@authority\": b.example\n\"host\": b.example\n\"date\": {date}\n\"@signature-params\": {params}"
    );
    let sig = B64.encode(signing.sign(base.as_bytes()).unwrap());
    let fedify9421 = headers(&[
        ("host", "b.example".into()),
        ("date", date.clone()),
        ("signature-input", format!("sig1={params}")),
        ("signature", format!("sig1=:{sig}:")),
    ]);
    // RFC 9421 as Mastodon 4.5 signs a GET: method and target URI, created and keyid.
    let params = format!(
        r#"("@method" "@target-uri");created={created};keyid="https://mastodon.example/actor#main-key""#
    );
    let base =
        format!("\"@method\": GET\n\"@target-uri\": {target}\n\"@signature-params\": {params}");
    let sig = B64.encode(signing.sign(base.as_bytes()).unwrap());
    let mastodon9421 = headers(&[
        ("signature-input", format!("sig1={params}")),
        ("signature", format!("sig1=:{sig}:")),
    ]);
    for (who, h) in [("fedify", &fedify9421), ("mastodon", &mastodon9421)] {
        let parsed = SignedRequest::parse(h).unwrap();
        assert_eq!(
            parsed.verify(&get_parts(h, path, target), &public, now),
            Ok(()),
            "{who}"
        );
        assert!(
            parsed
                .verify(
                    &get_parts(h, path, "https://b.example/o/other"),
                    &public,
                    now
                )
                .is_err(),
            "{who}"
        );
    }
}

#[test]
fn our_own_signatures_cover_what_strict_servers_require() {
    let (signing, public) = key();
    let now = SystemTime::now();
    let url = Url::parse("https://b.example:8443/o/x?page=true").unwrap();
    for scheme in [Scheme::Cavage, Scheme::Rfc9421] {
        let h = headers(&sign_request(&signing, scheme, &Method::GET, &url, None, now).unwrap());
        assert!(h.contains_key("date"), "{scheme:?}: a Date header");
        if scheme == Scheme::Cavage {
            let sig = h["signature"].to_str().unwrap();
            assert!(sig.contains(r#"algorithm="rsa-sha256""#), "{sig}");
            assert!(
                sig.contains(r#"headers="(request-target) host date""#),
                "{sig}"
            );
            assert_eq!(h["host"], "b.example:8443");
        } else {
            let input = h["signature-input"].to_str().unwrap();
            assert!(
                input.contains(r#""@authority""#) && input.contains(r#""date""#),
                "{input}"
            );
        }
        let parsed = SignedRequest::parse(&h).unwrap();
        let parts = get_parts(&h, "/o/x?page=true", url.as_str());
        assert_eq!(parsed.verify(&parts, &public, now), Ok(()), "{scheme:?}");
    }
    // A POST carries its digest in either scheme.
    let body = br#"{"type":"Like"}"#;
    for scheme in [Scheme::Cavage, Scheme::Rfc9421] {
        let h =
            headers(&sign_request(&signing, scheme, &Method::POST, &url, Some(body), now).unwrap());
        let parts = RequestParts {
            method: &Method::POST,
            path_and_query: "/o/x?page=true",
            target_uri: url.as_str(),
            headers: &h,
            body,
        };
        assert_eq!(
            SignedRequest::parse(&h)
                .unwrap()
                .verify(&parts, &public, now),
            Ok(()),
            "{scheme:?}"
        );
    }
}
