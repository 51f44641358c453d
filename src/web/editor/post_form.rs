//! The post form: its fields (a fieldset per language with title, summary and Markdown body;
//! themes, SDGs, place, dates, partners; images with alt text), read into the API's
//! [`PostInput`], and filled from a stored post for editing. Errors land next to their field.

use crate::db::models::post::PostFull;
use crate::posts::{ImageInput, PostInput, TranslationInput};
use crate::text::render_markdown;
use crate::vocab::Lang;
use crate::web::form::FormState;
use crate::web::i18n::Strings;

/// The images already attached (uploaded before, or stored with the post): `image_url_<i>`,
/// `image_alt_<i>`, `image_type_<i>`, dropped when `image_remove_<i>` is ticked.
pub struct FormImage {
    pub index: usize,
    pub url: String,
    pub alt: String,
    pub media_type: String,
}

pub fn images(form: &FormState) -> Vec<FormImage> {
    let mut out = Vec::new();
    for i in 0..crate::posts::MAX_IMAGES * 2 {
        let url = form.val(&format!("image_url_{i}"));
        if url.is_empty() {
            continue;
        }
        out.push(FormImage {
            index: i,
            url: url.to_string(),
            alt: form.val(&format!("image_alt_{i}")).to_string(),
            media_type: form.val(&format!("image_type_{i}")).to_string(),
        });
    }
    out
}

/// Attaches a freshly stored image to the form, as the next `image_*_<i>`.
pub fn attach_image(form: &mut FormState, url: &str, alt: &str, media_type: &str) {
    let next = images(form).last().map_or(0, |i| i.index + 1);
    form.set(&format!("image_url_{next}"), url);
    form.set(&format!("image_alt_{next}"), alt);
    form.set(&format!("image_type_{next}"), media_type);
}

/// The languages with something written in them, in the form's order.
pub fn written_languages(form: &FormState) -> Vec<Lang> {
    Lang::ALL
        .into_iter()
        .filter(|l| {
            ["title", "summary", "body"]
                .iter()
                .any(|f| !form.val(&format!("{f}_{}", l.code())).trim().is_empty())
        })
        .collect()
}

/// Reads the form into the API's input, recording every error it can see on its own.
pub fn read(form: &mut FormState, t: &Strings) -> PostInput {
    let langs = written_languages(form);
    if langs.is_empty() {
        form.fail("translations", t.write_one_language);
    }
    let mut translations = Vec::new();
    for l in &langs {
        let c = l.code();
        let title = form.val(&format!("title_{c}")).trim().to_string();
        let summary = form.val(&format!("summary_{c}")).trim().to_string();
        if title.is_empty() {
            form.fail(&format!("title_{c}"), t.required);
        } else if title.chars().count() > crate::posts::MAX_TITLE {
            form.fail(&format!("title_{c}"), t.too_long);
        }
        if summary.is_empty() {
            form.fail(&format!("summary_{c}"), t.summary_required);
        } else if summary.chars().count() > crate::posts::MAX_SUMMARY {
            form.fail(&format!("summary_{c}"), t.too_long);
        }
        translations.push(TranslationInput {
            language: *l,
            title,
            summary,
            body: form.val(&format!("body_{c}")).to_string(),
        });
    }
    let main_language = match form.val("main_language").parse::<Lang>() {
        Ok(l) if langs.contains(&l) => Some(l),
        Ok(_) if !langs.is_empty() => {
            form.fail("main_language", t.main_language_unwritten);
            None
        }
        _ => None,
    };
    let mut date = |name: &str| -> Option<chrono::NaiveDate> {
        let v = form.val(name).trim().to_string();
        if v.is_empty() {
            return None;
        }
        match chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                form.fail(name, t.bad_date);
                None
            }
        }
    };
    let starts_on = date("starts_on");
    let ends_on = date("ends_on");
    if let (Some(s), Some(e)) = (starts_on, ends_on)
        && e < s
    {
        form.fail("ends_on", t.ends_before_start);
    }
    let mut sdgs = Vec::new();
    let given: Vec<String> = form.all("sdgs").into_iter().map(String::from).collect();
    for v in given {
        match v.parse::<i16>() {
            Ok(g) => sdgs.push(g),
            Err(_) => form.fail("sdgs", t.bad_value),
        }
    }
    let mut image_inputs = Vec::new();
    for img in images(form) {
        if form.has(&format!("image_remove_{}", img.index), "1") {
            continue;
        }
        if img.alt.trim().is_empty() {
            form.fail(&format!("image_alt_{}", img.index), t.alt_required);
        }
        image_inputs.push(ImageInput {
            url: img.url,
            alt: img.alt,
            media_type: (!img.media_type.is_empty()).then_some(img.media_type),
        });
    }
    PostInput {
        main_language,
        translations,
        themes: form.all("themes").into_iter().map(String::from).collect(),
        sdgs,
        partners: partners_of(form),
        place: form.opt("place"),
        starts_on,
        ends_on,
        images: image_inputs,
        in_reply_to: None,
        funded_by: form.opt("funded_by"),
    }
}

/// The partners chosen: the ticked ones (`partner`, their ids) first, then those typed in
/// `partners` (one per line or separated by commas), each once.
pub fn partners_of(form: &FormState) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let typed = form.val("partners");
    let all = form
        .all("partner")
        .into_iter()
        .chain(typed.split([',', '\n']))
        .map(str::trim)
        .filter(|p| !p.is_empty());
    for p in all {
        if !out.iter().any(|o| o == p) {
            out.push(p.to_string());
        }
    }
    out
}

/// Where an error of [`PostInput::validate`] belongs in this form.
pub fn field_of(form: &FormState, api_field: &str) -> Option<String> {
    let langs = written_languages(form);
    let kept: Vec<usize> = images(form)
        .iter()
        .filter(|i| !form.has(&format!("image_remove_{}", i.index), "1"))
        .map(|i| i.index)
        .collect();
    let index = |s: &str| -> Option<usize> { s.split_once('[')?.1.split_once(']')?.0.parse().ok() };
    let head = api_field.split(['[', '.']).next().unwrap_or("");
    match head {
        "translations" => {
            let lang = langs.get(index(api_field)?)?;
            let part = api_field.rsplit('.').next()?;
            Some(format!("{part}_{}", lang.code()))
        }
        "images" => match index(api_field) {
            Some(i) => Some(format!("image_alt_{}", kept.get(i)?)),
            None => Some("image_file".into()),
        },
        "themes" | "sdgs" | "partners" | "place" | "starts_on" | "ends_on" | "main_language"
        | "funded_by" => Some(head.to_string()),
        _ => None,
    }
}

/// A stored post as form fields, for editing.
pub fn from_post(post: &PostFull) -> FormState {
    let mut f = FormState::default();
    f.set("main_language", &post.post.main_language);
    for tr in &post.translations {
        f.set(&format!("title_{}", tr.language), &tr.title);
        f.set(&format!("summary_{}", tr.language), &tr.summary);
        f.set(
            &format!("body_{}", tr.language),
            tr.body_markdown.clone().unwrap_or_default(),
        );
    }
    for th in &post.post.themes {
        f.push("themes", th);
    }
    for g in &post.post.sdgs {
        f.push("sdgs", g.to_string());
    }
    // Every stored partner is a known organisation's id: ticked in the partners' list.
    for p in &post.post.partners {
        f.push("partner", p);
    }
    if let Some(p) = &post.post.place {
        f.set("place", p);
    }
    if let Some(d) = post.post.starts_on {
        f.set("starts_on", d.to_string());
    }
    if let Some(d) = post.post.ends_on {
        f.set("ends_on", d.to_string());
    }
    if let Some(p) = &post.post.funded_by {
        f.set("funded_by", p);
    }
    for img in &post.images {
        attach_image(
            &mut f,
            &img.url,
            &img.alt_text,
            img.media_type.as_deref().unwrap_or(""),
        );
    }
    f
}

/// The rendered Markdown of each written language, for the preview.
pub fn previews(form: &FormState) -> Vec<(Lang, String, String, String)> {
    written_languages(form)
        .into_iter()
        .map(|l| {
            let c = l.code();
            (
                l,
                form.val(&format!("title_{c}")).to_string(),
                form.val(&format!("summary_{c}")).to_string(),
                render_markdown(form.val(&format!("body_{c}"))),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Lang;
    use crate::web::i18n::strings;

    fn form(pairs: &[(&str, &str)]) -> FormState {
        FormState::new(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn reads_languages_and_reports_each_missing_field() {
        let mut f = form(&[
            ("title_de", "Jugendaustausch"),
            ("summary_de", ""),
            ("body_fr", "Un *échange*"),
            ("starts_on", "2026-07-20"),
            ("ends_on", "2026-07-01"),
            ("image_url_0", "http://x.example/a.jpg"),
            ("image_alt_0", " "),
        ]);
        let en = strings(Lang::En);
        let input = read(&mut f, en);
        assert_eq!(input.translations.len(), 2);
        assert_eq!(f.err("summary_de"), Some(en.summary_required));
        assert_eq!(f.err("title_fr"), Some(en.required));
        assert_eq!(f.err("summary_fr"), Some(en.summary_required));
        assert_eq!(f.err("ends_on"), Some(en.ends_before_start));
        assert_eq!(f.err("image_alt_0"), Some(en.alt_required));
        assert_eq!(f.err("title_de"), None);
    }

    #[test]
    fn maps_api_fields_to_form_fields() {
        let f = form(&[
            ("title_fr", "Titre"),
            ("image_url_0", "a"),
            ("image_remove_0", "1"),
            ("image_url_1", "b"),
        ]);
        assert_eq!(
            field_of(&f, "translations[0].summary").as_deref(),
            Some("summary_fr")
        );
        assert_eq!(
            field_of(&f, "images[0].alt").as_deref(),
            Some("image_alt_1")
        );
        assert_eq!(field_of(&f, "partners[2]").as_deref(), Some("partners"));
        assert_eq!(field_of(&f, "in_reply_to"), None);
    }
}
