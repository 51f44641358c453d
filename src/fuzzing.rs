//! Entry points for the fuzz targets in `fuzz/` (see `docs/FUZZING.md`): the parsers that
//! read what strangers send, each called exactly as the server calls it, and each checking
//! what must hold of its result. A failed check panics, which the fuzzer reports as a crash.
//!
//! Not an API: the module is hidden from the documentation and may change with the parsers.

use crate::federation::signatures::SignedRequest;
use crate::federation::webfinger::{Here, resource_handle};
use axum::http::{HeaderMap, HeaderValue};

/// The inbox's reading of a received body ([`crate::federation::inbox::parse_activity`]).
/// An accepted activity holds no NUL and keeps the whole document in `raw`.
pub fn inbox_activity(body: &[u8]) {
    let Ok(received) = crate::federation::inbox::parse_activity(body) else {
        return;
    };
    assert!(
        crate::input::unstorable_in_json(&received.raw).is_none(),
        "an accepted activity holds text PostgreSQL cannot store"
    );
    assert!(
        received.raw.is_object(),
        "an activity that is not a JSON object"
    );
    // What handlers call on any received activity must not panic either.
    let _ = received.object();
    let _ = received.object.as_ref().and_then(|o| o.id());
}

/// Both signature header parsers, behind [`SignedRequest::parse`] as the inbox calls it. The
/// first line of `data` is `Signature-Input` (RFC 9421; absent when the line is empty), the
/// rest `Signature` (draft-cavage when there is no `Signature-Input`).
pub fn signature_headers(data: &[u8]) {
    let (input, signature) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&data[..0], data),
    };
    let mut headers = HeaderMap::new();
    for (name, value) in [("signature-input", input), ("signature", signature)] {
        if value.is_empty() {
            continue;
        }
        let Ok(value) = HeaderValue::from_bytes(value) else {
            return;
        };
        headers.insert(name, value);
    }
    if let Ok(parsed) = SignedRequest::parse(&headers) {
        let hint = parsed.key_owner_hint();
        assert!(
            parsed.key_id.starts_with(&hint),
            "the key owner {hint:?} is not a prefix of the key id {:?}",
            parsed.key_id
        );
    }
}

/// A draft-cavage `Signature` header written from its parts parses back to those parts.
/// `key_id` and the header names must be free of `"`, `,` and whitespace, as real ones are.
pub fn cavage_round_trip(key_id: &str, header_names: &[String], signature: &[u8]) {
    use base64::Engine;
    let header = format!(
        "keyId=\"{key_id}\",algorithm=\"rsa-sha256\",headers=\"{}\",signature=\"{}\"",
        header_names.join(" "),
        base64::engine::general_purpose::STANDARD.encode(signature)
    );
    let mut headers = HeaderMap::new();
    let Ok(value) = HeaderValue::from_str(&header) else {
        return;
    };
    headers.insert("signature", value);
    let parsed = SignedRequest::parse(&headers)
        .unwrap_or_else(|e| panic!("{header:?} does not parse back: {e}"));
    assert_eq!(parsed.key_id, key_id, "key id of {header:?}");
}

/// The partnership import's reading of a CSV file: every row is counted once, as valid or
/// rejected, and a valid row holds only what can be stored and matched.
pub fn partnership_csv(text: &str) {
    let Ok(parsed) = crate::partnerships::import::parse(text) else {
        return;
    };
    assert_eq!(
        parsed.rows,
        parsed.valid.len() + parsed.rejected.len(),
        "rows counted neither valid nor rejected"
    );
    for row in &parsed.valid {
        assert!(
            row.line >= 2,
            "a data row on line {} (header is 1)",
            row.line
        );
        for side in [&row.a, &row.b] {
            assert!(
                !side.name.is_empty() && side.name == side.name.trim(),
                "name {:?} is empty or untrimmed",
                side.name
            );
            assert!(crate::input::storable(&side.name));
            assert!(
                side.country.len() == 2 && side.country.bytes().all(|b| b.is_ascii_uppercase()),
                "country {:?}",
                side.country
            );
            for extra in [&side.code, &side.region].into_iter().flatten() {
                assert!(crate::input::storable(extra));
            }
        }
    }
}

/// A cell of the events' participants CSV reads back, in any CSV reader, as the text given
/// (made plain with a leading `'` when it would start a formula), and never as a formula.
pub fn csv_cell(text: &str) {
    let cell = crate::events::csv::cell(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(cell.as_bytes());
    let record = reader
        .records()
        .next()
        .expect("a cell is one record")
        .expect("a cell is valid CSV");
    assert_eq!(record.len(), 1, "{cell:?} is more than one cell");
    let read = &record[0];
    assert!(
        !read.starts_with(['=', '+', '-', '@', '\t', '\r']),
        "{cell:?} reads as a formula"
    );
    assert!(
        read == text || read.strip_prefix('\'') == Some(text),
        "{cell:?} reads back as {read:?}, not {text:?}"
    );
}

/// The sanitiser on remote HTML and on rendered Markdown: both outputs, each checked to be
/// a fixed point (sanitising it again changes nothing). The fuzz target checks the tags and
/// attributes a browser would see in them.
pub fn sanitize(text: &str) -> [String; 2] {
    let outputs = [
        crate::text::sanitize_html(text),
        crate::text::render_markdown(text),
    ];
    for html in &outputs {
        assert_eq!(
            &crate::text::sanitize_html(html),
            html,
            "sanitising {text:?} is not idempotent"
        );
    }
    let _ = crate::text::html_to_text(text);
    outputs
}

/// The tags the sanitiser lets through (`text.rs`), for the fuzz target's check.
pub const ALLOWED_TAGS: &[&str] = &[
    "p",
    "br",
    "a",
    "span",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "del",
    "s",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
];

/// WebFinger resource parsing: a handle found is part of the resource and is what an
/// `acct:` URI of that handle here resolves to again.
pub fn webfinger_resource(resource: &str) {
    let here = Here {
        domain: "twin.example",
        base: "https://twin.example",
    };
    let Ok(Some(handle)) = resource_handle(resource, &here) else {
        return;
    };
    assert!(!handle.is_empty(), "an empty handle from {resource:?}");
    // The instance actor's URL (`…/actor`) names it by its reserved handle.
    assert!(
        resource.contains(handle) || handle == crate::db::models::actor::INSTANCE_ACTOR_HANDLE,
        "{handle:?} is not in {resource:?}"
    );
    assert!(
        !handle
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '/' | '?' | '#')),
        "{handle:?} from {resource:?}"
    );
    // An actor URL's last segment may hold an `@`, which no `acct:` name can.
    if handle.contains('@') {
        return;
    }
    let again = format!("acct:{handle}@{}", here.domain);
    assert_eq!(
        resource_handle(&again, &here),
        Ok(Some(handle)),
        "{again:?} does not name {handle:?} again"
    );
}
