//! The back office's error: a status and a message, drawn as a page in the visitor's
//! language by `backoffice::render_errors`.

use crate::error::AppError;
use crate::vocab::Lang;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// An error shown as a page. The page is drawn by `backoffice::render_errors`, which knows the
/// visitor's language.
#[derive(Debug)]
pub struct WebError {
    pub status: StatusCode,
    pub message: String,
    pub lang: Option<Lang>,
    /// Whether `message` is the domain's own (English, for developers): the page then says
    /// what happened in the visitor's language and shows it apart, as a technical detail.
    pub technical: bool,
    /// The domain's words in the interface's languages, when it has them: the page says
    /// them in the visitor's language instead of the general sentence.
    pub localized: Option<Box<crate::error::Localized>>,
}

#[derive(Debug, Clone)]
pub(super) struct ErrorPageInfo {
    pub message: String,
    pub lang: Option<Lang>,
    pub technical: bool,
    pub localized: Option<Box<crate::error::Localized>>,
}

impl WebError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        WebError {
            status,
            message: message.into(),
            lang: None,
            technical: false,
            localized: None,
        }
    }

    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = Some(lang);
        self
    }
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        if let Some(cause) = &e.cause {
            // Logged with its cause; the page says only what went wrong in general.
            tracing::error!(
                status = e.status.as_u16(),
                error = format!("{cause:#}"),
                "request failed"
            );
            return WebError::new(e.status, "");
        }
        WebError {
            technical: true,
            localized: e.localized,
            ..WebError::new(e.status, e.message)
        }
    }
}

impl From<diesel::result::Error> for WebError {
    fn from(e: diesel::result::Error) -> Self {
        AppError::from(e).into()
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        AppError::internal(e).into()
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let mut resp = self.status.into_response();
        resp.extensions_mut().insert(ErrorPageInfo {
            message: self.message,
            lang: self.lang,
            technical: self.technical,
            localized: self.localized,
        });
        resp
    }
}
