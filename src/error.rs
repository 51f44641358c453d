//! One error type for every HTTP handler, answered as `{"error": {"code", "message"}}`
//! (plus `field` where one input field is at fault).
//!
//! Not found is 404, bad input 400/422 naming the field, a missing or bad credential or
//! signature 401, forbidden 403, a database that is down 503. Anything else is logged with
//! its cause and answered 500 without internals.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub field: Option<String>,
    /// The cause of a 500 or 503, logged and never shown.
    pub cause: Option<anyhow::Error>,
    /// The message in the interface's languages, for the web forms (the API answers with
    /// `message`, in English).
    pub localized: Option<Box<Localized>>,
}

/// A message of the locale files (`locales/*.ftl`) with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Localized {
    /// The message in `lang`, with its arguments.
    pub fn format(&self, lang: crate::locale::Lang) -> Option<String> {
        let mut args = fluent_bundle::FluentArgs::new();
        for (k, v) in &self.args {
            args.set(*k, v.clone());
        }
        crate::locale::format(lang, self.id, &args)
    }
}

/// Why a value was refused: the API's English words, and the interface's message for them,
/// so that a form says it in its reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub english: String,
    pub message: Localized,
}

impl Refusal {
    pub fn new(
        english: impl Into<String>,
        id: &'static str,
        args: &[(&'static str, &str)],
    ) -> Self {
        Refusal {
            english: english.into(),
            message: Localized {
                id,
                args: args.iter().map(|(k, v)| (*k, v.to_string())).collect(),
            },
        }
    }

    /// As the 422 of `field`, with its localized message.
    pub fn into_app_error(self, field: &str) -> AppError {
        AppError::invalid(field, self.english).localized(self.message.id, &self.message.args)
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english)
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// Every error answer of the API, `{"error": {...}}`: the type the response is written from
/// and the schema `/api/openapi.json` gives for every error, so the two cannot differ.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[schema(as = Error)]
pub struct ErrorEnvelope {
    pub error: ErrorDetail,
}

/// What went wrong, for programs (`code`) and for people (`message`).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable, machine-readable: `not_found`, `bad_request`, `invalid_field`,
    /// `unauthorized`, `forbidden`, `conflict`, `too_many_requests`, `payload_too_large`,
    /// `unsupported_media_type`, `unavailable`, `internal`…
    #[schema(example = "invalid_field")]
    pub code: String,
    pub message: String,
    /// The input field at fault (`translations[0].title`), when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl AppError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        AppError {
            status,
            code,
            message: message.into(),
            field: None,
            cause: None,
            localized: None,
        }
    }

    /// The same error, with its message also in the interface's languages: `id` in the
    /// locale files, with `args`.
    pub fn localized(mut self, id: &'static str, args: &[(&'static str, String)]) -> Self {
        self.localized = Some(Box::new(Localized {
            id,
            args: args.to_vec(),
        }));
        self
    }

    /// The message for someone reading `lang`, when the error has one in the interface's
    /// languages.
    pub fn message_in(&self, lang: crate::locale::Lang) -> Option<String> {
        self.localized.as_ref()?.format(lang)
    }

    pub fn not_found(what: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", what)
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// Input that parsed but is not acceptable; names the field at fault.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        let field = field.into();
        let message = message.into();
        AppError {
            message: format!("{field}: {message}"),
            field: Some(field),
            ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_field", "")
        }
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", message)
    }

    pub fn payload_too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the request body is larger than the {limit} bytes accepted"),
        )
    }

    pub fn unavailable(cause: impl Into<anyhow::Error>) -> Self {
        AppError {
            cause: Some(cause.into()),
            ..Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the database is unavailable; try again shortly",
            )
        }
    }

    pub fn internal(cause: impl Into<anyhow::Error>) -> Self {
        AppError {
            cause: Some(cause.into()),
            ..Self::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "internal error",
            )
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.code,
            self.message
        )
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let Some(cause) = &self.cause {
            tracing::error!(
                status = self.status.as_u16(),
                error = format!("{cause:#}"),
                "request failed"
            );
        }
        let body = ErrorEnvelope {
            error: ErrorDetail {
                code: self.code.to_string(),
                message: self.message,
                field: self.field,
            },
        };
        (self.status, Json(body)).into_response()
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => AppError::not_found("not found"),
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                AppError::conflict(format!(
                    "already exists ({})",
                    info.constraint_name().unwrap_or("unique")
                ))
            }
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => {
                AppError::unavailable(e)
            }
            other => AppError::internal(other),
        }
    }
}

impl From<diesel_async::pooled_connection::deadpool::PoolError> for AppError {
    fn from(e: diesel_async::pooled_connection::deadpool::PoolError) -> Self {
        AppError::unavailable(e)
    }
}

impl From<anyhow::Error> for AppError {
    fn from(e: anyhow::Error) -> Self {
        AppError::internal(e)
    }
}

impl From<activitypub_federation::error::Error> for AppError {
    fn from(e: activitypub_federation::error::Error) -> Self {
        use activitypub_federation::error::Error as F;
        match e {
            F::ActivitySignatureInvalid | F::ActivityBodyDigestInvalid => {
                AppError::unauthorized(e.to_string())
            }
            F::NotFound | F::ObjectDeleted(_) => AppError::not_found(e.to_string()),
            // Another server's document we cannot read: say which and why (not its content).
            F::ParseFetchedObject(err, url, _) => {
                tracing::warn!(url = %url, error = %err, "a fetched document could not be read");
                AppError::bad_request(format!("the document at {url} could not be read: {err}"))
            }
            F::UrlVerificationError(_)
            | F::WebfingerResolveFailed(_)
            | F::ParseReceivedActivity { .. } => AppError::bad_request(e.to_string()),
            other => AppError::internal(anyhow::anyhow!(other.to_string())),
        }
    }
}
