//! What a submitted form held, and its errors, so that a form with errors re-renders with
//! each error next to its field and everything typed kept.

use crate::error::AppError;
use std::collections::BTreeMap;

/// The fields of a submitted (or to be shown) form, by name; names may repeat (checkboxes).
#[derive(Debug, Default, Clone)]
pub struct FormState {
    pub pairs: Vec<(String, String)>,
    pub errors: BTreeMap<String, String>,
}

impl FormState {
    pub fn new(pairs: Vec<(String, String)>) -> Self {
        FormState {
            pairs,
            errors: BTreeMap::new(),
        }
    }

    /// The first value given for `name`, or "".
    pub fn val(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The value trimmed, `None` when blank.
    pub fn opt(&self, name: &str) -> Option<String> {
        let v = self.val(name).trim();
        (!v.is_empty()).then(|| v.to_string())
    }

    /// Every value given for `name`.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Whether a checkbox `name` was sent with `value`.
    pub fn has(&self, name: &str, value: impl std::fmt::Display) -> bool {
        let value = value.to_string();
        self.pairs.iter().any(|(k, v)| k == name && *v == value)
    }

    /// Whether `<prefix>_<suffix>` was sent with `value`.
    pub fn has_in(
        &self,
        prefix: &str,
        suffix: impl std::fmt::Display,
        value: impl std::fmt::Display,
    ) -> bool {
        self.has(&format!("{prefix}_{suffix}"), value)
    }

    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.pairs.retain(|(k, _)| k != name);
        self.pairs.push((name.to_string(), value.into()));
    }

    pub fn push(&mut self, name: &str, value: impl Into<String>) {
        self.pairs.push((name.to_string(), value.into()));
    }

    pub fn err(&self, name: &str) -> Option<&str> {
        self.errors.get(name).map(String::as_str)
    }

    /// `aria-invalid` and `aria-describedby` for a field with an error, else nothing.
    pub fn aria(&self, name: &str) -> String {
        if self.errors.contains_key(name) {
            format!(r#" aria-invalid="true" aria-describedby="{name}-error""#)
        } else {
            String::new()
        }
    }

    /// The value of `<prefix>_<suffix>` (language versions, numbered images).
    pub fn val_in(&self, prefix: &str, suffix: impl std::fmt::Display) -> &str {
        self.val(&format!("{prefix}_{suffix}"))
    }

    pub fn err_in(&self, prefix: &str, suffix: impl std::fmt::Display) -> Option<&str> {
        self.err(&format!("{prefix}_{suffix}"))
    }

    pub fn aria_in(&self, prefix: &str, suffix: impl std::fmt::Display) -> String {
        self.aria(&format!("{prefix}_{suffix}"))
    }

    /// Records an error on a field (the first one per field is kept).
    pub fn fail(&mut self, name: &str, message: impl Into<String>) {
        self.errors
            .entry(name.to_string())
            .or_insert_with(|| message.into());
    }

    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// An error from a domain function: next to its field if it names one we show (after
    /// `map` translates the field's name), else on the form as a whole; in `lang` where the
    /// error has a localized message.
    pub fn fail_app(
        &mut self,
        lang: crate::locale::Lang,
        e: &AppError,
        map: impl Fn(&str) -> Option<String>,
    ) {
        let field = e.field.as_deref().and_then(&map);
        // In the reader's language where the error has it, else the API's message without
        // the field's name in front.
        let message = e.message_in(lang).unwrap_or_else(|| match &e.field {
            Some(f) => e
                .message
                .strip_prefix(&format!("{f}: "))
                .unwrap_or(&e.message)
                .to_string(),
            None => e.message.clone(),
        });
        self.fail(field.as_deref().unwrap_or("form"), message);
    }
}

/// A whole number as people write it, with thousands separated by spaces, dots, commas or
/// apostrophes (`1 200`, `1.200`, `1'200`); `None` when it is none.
pub fn whole_number(typed: &str) -> Option<i64> {
    let digits: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | ',' | '\''))
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_values_and_errors_per_field() {
        let mut f = FormState::new(vec![
            ("themes".into(), "youth".into()),
            ("themes".into(), "climate".into()),
            ("title".into(), "Hallo".into()),
        ]);
        assert_eq!(f.val("title"), "Hallo");
        assert_eq!(f.all("themes"), ["youth", "climate"]);
        assert!(f.has("themes", "climate") && !f.has("themes", "culture"));
        assert_eq!(f.aria("title"), "");
        f.fail("title", "too short");
        f.fail("title", "second message is not kept");
        assert_eq!(f.err("title"), Some("too short"));
        assert!(
            f.aria("title")
                .contains(r#"aria-describedby="title-error""#)
        );
        let e = AppError::invalid("translations[0].title", "required");
        f.fail_app(crate::locale::Lang::En, &e, |name| {
            name.ends_with(".title").then(|| "t".into())
        });
        assert_eq!(f.err("t"), Some("required"));
        f.fail_app(
            crate::locale::Lang::En,
            &AppError::conflict("taken"),
            |_| None,
        );
        assert_eq!(f.err("form"), Some("taken"));
    }
}
