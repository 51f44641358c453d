//! Images uploaded by editors: size-limited, decoded, turned upright, stripped of metadata
//! (only pixels are re-encoded: JPEG, or PNG where there is transparency), scaled down to a
//! sensible size, given a thumbnail, stored under `[media] dir`, and served by passerelle
//! itself at `/media/<file>`.

use crate::db::models::media::{DbMedia, NewMedia};
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use std::io::Cursor;

/// The longest side an image is stored with; larger ones are scaled down.
pub const MAX_SIDE: u32 = 2560;
pub const THUMB_SIDE: u32 = 400;
/// Images with more pixels than this on either side are refused before decoding.
pub const MAX_DECODE_SIDE: u32 = 12_000;
/// Images with more pixels than this in all (40 megapixels: 8000 × 5000) are refused before
/// decoding, from the dimensions their header gives.
pub const MAX_PIXELS: u64 = 40_000_000;
/// The most memory decoding one image may take (a 40-megapixel image in 8-bit RGBA takes
/// 160 MiB); an image that would need more is refused.
pub const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

/// Why an upload was refused, in words for the person who sent it.
#[derive(Debug, PartialEq, Eq)]
pub enum MediaError {
    TooLarge { max_bytes: usize },
    NotAnImage,
    TooManyPixels,
}

/// The body limit of a form that carries an upload: room for a file several times over the
/// configured maximum and for the form's other fields, so that the form can say the file is
/// too large and keep what was typed after the file field (the file itself is never held
/// past the maximum: see the editor's `read_multipart`).
pub fn upload_limit(state: &AppState) -> DefaultBodyLimit {
    DefaultBodyLimit::max(state.config.media.max_bytes.saturating_mul(4) + 512 * 1024)
}

pub struct Processed {
    pub main: Vec<u8>,
    pub thumb: Vec<u8>,
    pub extension: &'static str,
    pub media_type: &'static str,
    pub width: u32,
    pub height: u32,
}

/// Decodes, orients, scales and re-encodes an upload (CPU-bound: call off the runtime).
pub fn process(bytes: &[u8], max_bytes: usize) -> Result<Processed, MediaError> {
    if bytes.len() > max_bytes {
        return Err(MediaError::TooLarge { max_bytes });
    }
    let format = image::guess_format(bytes).map_err(|_| MediaError::NotAnImage)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP | ImageFormat::Gif
    ) {
        return Err(MediaError::NotAnImage);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DECODE_SIDE);
    limits.max_image_height = Some(MAX_DECODE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    // Only the header is read here: the size is checked before any pixel is decoded.
    let mut decoder = reader.into_decoder().map_err(|e| match e {
        image::ImageError::Limits(_) => MediaError::TooManyPixels,
        _ => MediaError::NotAnImage,
    })?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS || decoder.total_bytes() > MAX_DECODE_BYTES
    {
        return Err(MediaError::TooManyPixels);
    }
    let orientation = decoder.orientation().ok();
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => MediaError::TooManyPixels,
        _ => MediaError::NotAnImage,
    })?;
    if let Some(o) = orientation {
        img.apply_orientation(o);
    }
    if img.width().max(img.height()) > 2 * MAX_SIDE {
        // A reduction by averaging first: the fine filter's float buffers for a 40-megapixel
        // image would take 140 MB more (measured peak 196 MB instead of 337 MB, in about the
        // same time).
        img = img.thumbnail(2 * MAX_SIDE, 2 * MAX_SIDE);
    }
    if img.width().max(img.height()) > MAX_SIDE {
        img = img.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Lanczos3);
    }
    let thumb = img.thumbnail(THUMB_SIDE, THUMB_SIDE);
    let (format, extension, media_type) = if img.color().has_alpha() {
        (ImageFormat::Png, "png", "image/png")
    } else {
        (ImageFormat::Jpeg, "jpg", "image/jpeg")
    };
    let encode = |img: &DynamicImage| -> Result<Vec<u8>, MediaError> {
        let mut out = Cursor::new(Vec::new());
        let img = if format == ImageFormat::Jpeg {
            DynamicImage::ImageRgb8(img.to_rgb8())
        } else {
            DynamicImage::ImageRgba8(img.to_rgba8())
        };
        img.write_to(&mut out, format)
            .map_err(|_| MediaError::NotAnImage)?;
        Ok(out.into_inner())
    };
    Ok(Processed {
        main: encode(&img)?,
        thumb: encode(&thumb)?,
        extension,
        media_type,
        width: img.width(),
        height: img.height(),
    })
}

/// Processes and stores an upload for an organisation; returns its row (the URL is
/// [`url`] of its file name).
pub async fn store(
    state: &AppState,
    actor_id: i64,
    account_id: i64,
    bytes: Vec<u8>,
    alt_text: &str,
) -> Result<Result<DbMedia, MediaError>, AppError> {
    let max = state.config.media.max_bytes;
    let processed = match tokio::task::spawn_blocking(move || process(&bytes, max))
        .await
        .map_err(AppError::internal)?
    {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let stem = uuid::Uuid::new_v4().simple().to_string();
    let file_name = format!("{stem}.{}", processed.extension);
    let thumb_name = format!("{stem}.thumb.{}", processed.extension);
    let dir = &state.config.media.dir;
    tokio::fs::create_dir_all(dir)
        .await
        .map_err(|e| AppError::internal(anyhow::anyhow!("creating {}: {e}", dir.display())))?;
    for (name, data) in [
        (&file_name, &processed.main),
        (&thumb_name, &processed.thumb),
    ] {
        tokio::fs::write(dir.join(name), data)
            .await
            .map_err(|e| AppError::internal(anyhow::anyhow!("writing {name}: {e}")))?;
    }
    let mut conn = state.conn().await?;
    let row = DbMedia::insert(
        &mut conn,
        &NewMedia {
            file_name: &file_name,
            actor_id,
            account_id: Some(account_id),
            media_type: processed.media_type,
            width: processed.width as i32,
            height: processed.height as i32,
            bytes: processed.main.len() as i64,
            alt_text,
        },
    )
    .await?;
    tracing::info!(file = file_name, bytes = row.bytes, "image stored");
    Ok(Ok(row))
}

/// The public URL of a stored file.
pub fn url(state: &AppState, file_name: &str) -> String {
    format!("{}/media/{file_name}", state.urls.base())
}

/// `<32 hex>.jpg|png` or `<32 hex>.thumb.jpg|png`: nothing else is ever read from disk.
fn valid_file_name(name: &str) -> Option<&'static str> {
    let (stem, ext) = name.rsplit_once('.')?;
    let stem = stem.strip_suffix(".thumb").unwrap_or(stem);
    let media_type = match ext {
        "jpg" => "image/jpeg",
        "png" => "image/png",
        _ => return None,
    };
    (stem.len() == 32 && stem.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')))
        .then_some(media_type)
}

pub async fn serve(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(media_type) = valid_file_name(&file) else {
        return AppError::not_found("no such file").into_response();
    };
    match tokio::fs::read(state.config.media.dir.join(&file)).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, media_type),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            bytes,
        )
            .into_response(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            AppError::not_found("no such file").into_response()
        }
        Err(e) => AppError::internal(anyhow::anyhow!("reading {file}: {e}")).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_with_alpha(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_fn(w, h, |x, y| {
            image::Rgba([
                (x % 256) as u8,
                (y % 256) as u8,
                90,
                if x < w / 2 { 255 } else { 100 },
            ])
        });
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgba8(img)
            .write_to(&mut out, ImageFormat::Png)
            .unwrap();
        out.into_inner()
    }

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 30])
        });
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(img)
            .write_to(&mut out, ImageFormat::Jpeg)
            .unwrap();
        out.into_inner()
    }

    #[test]
    fn re_encodes_scales_and_makes_a_thumbnail() {
        let p = process(&jpeg(3000, 1500), 10_000_000).unwrap();
        assert_eq!((p.width, p.height), (2560, 1280));
        assert_eq!(p.media_type, "image/jpeg");
        let thumb = image::load_from_memory(&p.thumb).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (400, 200));
        let p = process(&png_with_alpha(300, 200), 10_000_000).unwrap();
        assert_eq!((p.extension, p.width, p.height), ("png", 300, 200));
    }

    #[test]
    fn metadata_does_not_survive() {
        // A JPEG with an EXIF segment (APP1) carrying a "GPS" marker string.
        let plain = jpeg(64, 64);
        let mut exif = vec![0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x12];
        exif.extend_from_slice(b"Exif\0\0GPS-SECRET!");
        exif.extend_from_slice(&plain[2..]);
        assert!(image::load_from_memory(&exif).is_ok());
        let p = process(&exif, 10_000_000).unwrap();
        assert!(!p.main.windows(10).any(|w| w == b"GPS-SECRET"));
    }

    #[test]
    fn refuses_what_is_not_an_image_or_too_big() {
        assert_eq!(
            process(b"<svg></svg>", 1000).err(),
            Some(MediaError::NotAnImage)
        );
        assert_eq!(
            process(&jpeg(10, 10), 10).err(),
            Some(MediaError::TooLarge { max_bytes: 10 })
        );
        let mut truncated = jpeg(100, 100);
        truncated.truncate(200);
        assert!(process(&truncated, 1_000_000).is_err());
    }

    /// A PNG whose header says `w` × `h` pixels, followed by a few bytes of image data: what
    /// an image bomb looks like before it is decoded.
    fn png_header(w: u32, h: u32) -> Vec<u8> {
        fn crc32(bytes: &[u8]) -> u32 {
            let mut crc = 0xFFFF_FFFFu32;
            for b in bytes {
                crc ^= u32::from(*b);
                for _ in 0..8 {
                    crc = if crc & 1 == 1 {
                        (crc >> 1) ^ 0xEDB8_8320
                    } else {
                        crc >> 1
                    };
                }
            }
            !crc
        }
        fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let start = out.len();
            out.extend_from_slice(kind);
            out.extend_from_slice(data);
            let crc = crc32(&out[start..]);
            out.extend_from_slice(&crc.to_be_bytes());
        }
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&w.to_be_bytes());
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        // A zlib stream's start: deflate, then nothing decodable.
        chunk(&mut out, b"IDAT", &[0x78, 0x9c, 0x63, 0x60]);
        chunk(&mut out, b"IEND", &[]);
        out
    }

    #[test]
    fn too_many_pixels_are_refused_from_the_header() {
        // 11,000 × 11,000 is within the side limit but 121 megapixels.
        let bomb = png_header(11_000, 11_000);
        assert!(bomb.len() < 100);
        assert_eq!(
            process(&bomb, 1_000_000).err(),
            Some(MediaError::TooManyPixels)
        );
        assert_eq!(
            process(&png_header(9_000, 5_000), 1_000_000).err(),
            Some(MediaError::TooManyPixels)
        );
        // Within the limits, the header passes and the missing data is what fails.
        assert_eq!(
            process(&png_header(8_000, 5_000), 1_000_000).err(),
            Some(MediaError::NotAnImage)
        );
    }

    #[test]
    fn serves_only_its_own_file_names() {
        assert_eq!(
            valid_file_name("0123456789abcdef0123456789abcdef.jpg"),
            Some("image/jpeg")
        );
        assert!(valid_file_name("0123456789abcdef0123456789abcdef.thumb.png").is_some());
        assert!(valid_file_name("../etc/passwd").is_none());
        assert!(valid_file_name("0123456789abcdef0123456789abcdef.svg").is_none());
    }
}
