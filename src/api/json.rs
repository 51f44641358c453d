//! `ApiJson<T>`: a JSON body extractor whose errors say what is wrong: malformed JSON is
//! 400 with the position, a missing or mistyped field is 422 naming the field, a body over
//! the limit is 413, a body that is not JSON is 415.

use crate::error::AppError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;

pub struct ApiJson<T>(pub T);

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

/// Parses JSON, telling syntax errors (400) from shape errors (422, with the field's path).
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(v) => Ok(v),
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            match inner.classify() {
                serde_json::error::Category::Data => {
                    let msg = inner.to_string();
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
                    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                    Err(AppError::invalid(field, msg))
                }
                _ => Err(AppError::bad_request(format!("malformed JSON: {inner}"))),
            }
        }
    }
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
}
