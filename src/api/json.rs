//! `ApiJson<T>`: a JSON body extractor whose errors say what is wrong: malformed JSON (or
//! anything after the document) is 400 with the position, a missing or mistyped field or a
//! string PostgreSQL cannot store is 422 naming the field, a body over the limit is 413, a
//! body that is not JSON is 415. `ApiQuery<T>`: the same for a query string.

use crate::error::AppError;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;

pub struct ApiJson<T>(pub T);

/// A query string read into `T`; an unreadable parameter is a 400 naming it, in the JSON
/// error shape (axum's own `Query` answers such errors as plain text).
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parse_query(parts.uri.query().unwrap_or_default()).map(ApiQuery)
    }
}

/// A query string's parameters as `T`: 400 naming the parameter that is unknown, missing,
/// mistyped or holds a character PostgreSQL cannot store.
pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, AppError> {
    let bad = |field: String, message: String| {
        let mut e = AppError::invalid(field, message);
        e.status = StatusCode::BAD_REQUEST;
        e.code = "bad_query";
        e
    };
    let pairs = url::form_urlencoded::parse(query.as_bytes());
    let decoded: Vec<_> = pairs.collect();
    if let Some(field) =
        crate::input::unstorable_in_pairs(decoded.iter().map(|(k, v)| (k.as_ref(), v.as_ref())))
    {
        return Err(bad(field, crate::input::NUL_REFUSED.into()));
    }
    let de = serde_urlencoded::Deserializer::new(pairs);
    serde_path_to_error::deserialize::<_, T>(de).map_err(|err| {
        let path = err.path().to_string();
        let msg = err.into_inner().to_string();
        let named = ["missing field `", "unknown field `"]
            .iter()
            .find_map(|p| msg.strip_prefix(p))
            .and_then(|r| r.split('`').next());
        let field = match (named, path.as_str()) {
            (Some(f), _) => f.to_string(),
            (None, ".") => "query".to_string(),
            (None, p) => p.to_string(),
        };
        bad(field, msg)
    })
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|m| {
                let m = m.trim().to_ascii_lowercase();
                m == "application/json" || m.ends_with("+json")
            });
        if !is_json {
            return Err(AppError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send the body as JSON with `Content-Type: application/json`",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                AppError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                    rejection.body_text(),
                )
            } else {
                AppError::bad_request(rejection.body_text())
            }
        })?;
        parse(&bytes).map(ApiJson)
    }
}

/// Parses JSON, telling syntax errors (400, also for anything after the document) from
/// shape errors (422, with the field's path); a string PostgreSQL cannot store (a NUL) is a
/// 422 naming its field.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| AppError::bad_request(format!("malformed JSON: {e}")))?;
    if let Some(field) = crate::input::unstorable_in_json(&value) {
        return Err(AppError::invalid(field, crate::input::NUL_REFUSED));
    }
    serde_path_to_error::deserialize::<_, T>(value).map_err(|err| {
        let path = err.path().to_string();
        let msg = err.into_inner().to_string();
        // "missing field `x`" is reported at the enclosing object: name the field itself.
        let field = match (
            msg.strip_prefix("missing field `")
                .and_then(|r| r.split('`').next()),
            path.as_str(),
        ) {
            (Some(f), ".") => f.to_string(),
            (Some(f), p) => format!("{p}.{f}"),
            (None, p) => p.to_string(),
        };
        AppError::invalid(field, msg)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[expect(dead_code, reason = "fields exist to be parsed")]
    struct Outer {
        name: String,
        items: Vec<Inner>,
    }
    #[derive(Debug, Deserialize)]
    #[expect(dead_code, reason = "fields exist to be parsed")]
    struct Inner {
        summary: String,
    }

    #[test]
    fn syntax_errors_are_400_and_shape_errors_name_the_field() {
        let e = parse::<Outer>(b"{\"name\": ").unwrap_err();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        let e = parse::<Outer>(br#"{"items": []}"#).unwrap_err();
        assert_eq!(
            (e.status, e.field.as_deref()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("name"))
        );
        let e = parse::<Outer>(br#"{"name": "x", "items": [{"summary": "a"}, {}]}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("items[1].summary"));
        let e = parse::<Outer>(br#"{"name": 3, "items": []}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("name"));
    }

    #[test]
    fn trailing_garbage_is_400_and_a_nul_names_its_field() {
        let e = parse::<Outer>(br#"{"name": "x", "items": []} xx"#).unwrap_err();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        assert!(parse::<Outer>(b"{\"name\": \"x\", \"items\": []}\n").is_ok());
        let e = parse::<Outer>(br#"{"name": "x", "items": [{"summary": "a\u0000"}]}"#).unwrap_err();
        assert_eq!(
            (e.status, e.field.as_deref()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("items[0].summary"))
        );
        // A backslash before `u0000` is text.
        assert!(parse::<Outer>(br#"{"name": "\\u0000", "items": []}"#).is_ok());
    }
}
