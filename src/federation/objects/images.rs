//! The images of posts on the wire: what we read from others' attachments (an `Image` or
//! `Document`; a `Link` to an image, as Lemmy sends an image post; else a thread's `image`,
//! as Lemmy and Mbin give a thread's picture), and the `image` a thread of ours carries
//! for Lemmy beside its attachment.

use crate::db::models::post::{DbImage, ImageData};
use crate::federation::protocol::actor::ImageJson;
use crate::federation::protocol::article::{ArticleJson, Attachment};
use url::Url;

/// What a post without a description of its image says instead.
const NO_DESCRIPTION: &str = "(no description)";

/// The images of a received post, in order.
pub fn received(obj: &ArticleJson) -> Vec<ImageData> {
    let mut images: Vec<ImageData> = obj
        .attachment
        .iter()
        .filter_map(|a| match a {
            Attachment::Link(l)
                if l.media_type
                    .as_deref()
                    .is_some_and(|m| m.starts_with("image/")) =>
            {
                Some(ImageData {
                    url: l.href.to_string(),
                    alt_text: alt(l.name.as_deref()),
                    media_type: l.media_type.clone(),
                })
            }
            a => a.image().map(|i| ImageData {
                url: i.url.to_string(),
                alt_text: alt(i.name.as_deref()),
                media_type: i.media_type.clone(),
            }),
        })
        .collect();
    if images.is_empty()
        && let Some(i) = &obj.image
    {
        images.push(ImageData {
            url: i.url.to_string(),
            alt_text: alt(i.name.as_deref().or(obj.name.as_deref())),
            media_type: i.media_type.clone(),
        });
    }
    images
}

fn alt(name: Option<&str>) -> String {
    name.map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or(NO_DESCRIPTION)
        .chars()
        .take(1500)
        .collect()
}

/// A thread's `image`: its first picture, as Lemmy reads a thread's picture.
pub fn thread_image(image: &DbImage) -> Option<ImageJson> {
    Some(ImageJson {
        kind: "Image".into(),
        url: Url::parse(&image.url).ok()?,
        media_type: image.media_type.clone(),
        name: Some(image.alt_text.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn page(extra: serde_json::Value) -> ArticleJson {
        let mut doc = json!({"type": "Page", "id": "https://l.example/post/1",
            "attributedTo": "https://l.example/u/a", "name": "Gastfamilien"});
        doc.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        serde_json::from_value(doc).unwrap()
    }

    #[test]
    fn images_come_from_attachments_then_from_image() {
        // Mbin: an Image attachment with its alt text, and the same picture as `image`.
        let mbin = page(
            json!({"attachment": [{"type": "Image", "mediaType": "image/jpeg",
            "url": "https://m.example/media/a.jpg", "name": "Rathaus", "blurhash": "x"}],
            "image": {"type": "Image", "url": "https://m.example/media/a.jpg"}}),
        );
        let got = received(&mbin);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].alt_text, "Rathaus");
        // Lemmy's image post: a Link to the picture.
        let lemmy = page(
            json!({"attachment": [{"type": "Link", "mediaType": "image/png",
            "href": "https://l.example/pictrs/image/b.png"}]}),
        );
        assert_eq!(
            received(&lemmy)[0].url,
            "https://l.example/pictrs/image/b.png"
        );
        // A link post: the link is no image; the thumbnail is, described by the title.
        let link = page(json!({"attachment": [{"type": "Link",
            "href": "https://verein.example/amiens"}],
            "image": {"type": "Image", "url": "https://l.example/pictrs/image/c.jpeg"}}));
        let got = received(&link);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].url, "https://l.example/pictrs/image/c.jpeg");
        assert_eq!(got[0].alt_text, "Gastfamilien");
        assert!(received(&page(json!({}))).is_empty());
    }
}
