//! Images for posts: `POST /api/v1/organisations/{handle}/media` with the image as the body
//! (`Content-Type: image/jpeg|png|webp|gif`). The image is processed like an upload in the
//! editors' form (size and pixel limits, metadata stripped, re-encoded) and stored; a post
//! then names it by the URL answered. Posts link no image stored elsewhere.

use super::auth::Auth;
use super::json::ApiQuery;
use super::organisations::find;
use crate::error::{AppError, AppResult};
use crate::media::{self, MAX_PIXELS, MediaError};
use crate::state::AppState;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use serde::{Deserialize, Serialize};

#[derive(utoipa::IntoParams, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The image's description (it is also given with each post that shows it).
    #[serde(default)]
    alt: String,
}

#[derive(utoipa::ToSchema, Debug, Serialize)]
#[schema(as = Media)]
pub struct MediaView {
    /// The address to give as `images[].url` in a post.
    pub url: String,
    pub media_type: String,
    pub width: i32,
    pub height: i32,
}

/// The image sent as the body, for the API description.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct ImageBody(#[allow(dead_code)] Vec<u8>);

#[utoipa::path(
    post,
    path = "/api/v1/organisations/{handle}/media",
    tag = "posts",
    params(("handle" = String, Path, description = "An organisation's handle on this instance"), UploadQuery),
    request_body(content = inline(ImageBody), content_type = "image/*", description = "The image itself: JPEG, PNG, WebP or GIF, at most 40 megapixels"),
    responses((status = 201, description = "The image stored; give its URL in a post's `images`", body = MediaView), (status = 415, description = "The body is not an image", body = crate::error::ErrorEnvelope)),
    security(("bearer" = []))
)]
pub async fn upload(
    State(state): State<AppState>,
    auth: Auth,
    Path(handle): Path<String>,
    ApiQuery(q): ApiQuery<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> AppResult<(StatusCode, Json<MediaView>)> {
    let org = find(&state, &handle).await?;
    let mut conn = state.conn().await?;
    auth.require_editor(&mut conn, &org).await?;
    drop(conn);
    let is_image = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|m| m.trim().to_ascii_lowercase().starts_with("image/"));
    if !is_image {
        return Err(AppError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the image itself as the body, with `Content-Type: image/jpeg` (png, webp, gif)",
        ));
    }
    if !crate::input::storable(&q.alt) || q.alt.chars().count() > 1500 {
        return Err(AppError::invalid("alt", "at most 1500 characters, no NUL"));
    }
    let max = state.config.media.max_bytes;
    let bytes = axum::body::to_bytes(body, max)
        .await
        .map_err(|_| AppError::payload_too_large(max))?;
    let row = match media::store(
        &state,
        org.id,
        auth.account.id,
        bytes.to_vec(),
        q.alt.trim(),
    )
    .await?
    {
        Ok(row) => row,
        Err(MediaError::TooLarge { max_bytes }) => {
            return Err(AppError::payload_too_large(max_bytes));
        }
        Err(MediaError::NotAnImage) => {
            return Err(AppError::invalid(
                "body",
                "not a JPEG, PNG, WebP or GIF image that can be read",
            ));
        }
        Err(MediaError::TooManyPixels) => {
            return Err(AppError::invalid(
                "body",
                format!("too many pixels: at most {MAX_PIXELS} in all and 12000 per side"),
            ));
        }
    };
    Ok((
        StatusCode::CREATED,
        Json(MediaView {
            url: media::url(&state, &row.file_name),
            media_type: row.media_type,
            width: row.width,
            height: row.height,
        }),
    ))
}
