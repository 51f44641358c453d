//! What PostgreSQL cannot store, found before it gets there. A `text` value, a `jsonb` value
//! and a text search all refuse the character U+0000 (NUL); every other Unicode scalar value
//! is stored as it is (the database is UTF-8, and Rust strings are valid UTF-8). So input
//! from anywhere — JSON bodies, forms, CSV imports, received activities, fetched documents —
//! is checked here, and refused with the field that holds the character named.

use serde_json::Value;

/// The character PostgreSQL refuses in text.
pub const NUL: char = '\0';

/// What the error says of a refused value.
pub const NUL_REFUSED: &str = "contains a NUL character (U+0000), which cannot be stored";

/// Whether PostgreSQL can store `s` as text.
pub fn storable(s: &str) -> bool {
    !s.contains(NUL)
}

/// The path (`translations[0].title`, `partners[3]`, `object.name`) of the first string in
/// `v`, or the first object key, that PostgreSQL cannot store; `None` when all can be.
pub fn unstorable_in_json(v: &Value) -> Option<String> {
    fn walk(v: &Value, path: &mut String) -> bool {
        match v {
            Value::String(s) => !storable(s),
            Value::Array(items) => items.iter().enumerate().any(|(i, item)| {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                let found = walk(item, path);
                if !found {
                    path.truncate(len);
                }
                found
            }),
            Value::Object(map) => map.iter().any(|(k, item)| {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                // A key that cannot be stored is named with the character made visible.
                path.push_str(&k.replace(NUL, "\\u0000"));
                let found = !storable(k) || walk(item, path);
                if !found {
                    path.truncate(len);
                }
                found
            }),
            _ => false,
        }
    }
    let mut path = String::new();
    walk(v, &mut path).then(|| if path.is_empty() { ".".into() } else { path })
}

/// The name of the first (name, value) pair of a form that PostgreSQL cannot store.
pub fn unstorable_in_pairs<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<String> {
    pairs
        .into_iter()
        .find(|(k, v)| !storable(k) || !storable(v))
        .map(|(k, _)| k.replace(NUL, "\\u0000"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_the_path_of_a_nul_in_json() {
        assert_eq!(unstorable_in_json(&json!({"a": ["x", 1, null]})), None);
        assert_eq!(
            unstorable_in_json(&json!({"translations": [{"title": "ok"}, {"title": "a\u{0}b"}]})),
            Some("translations[1].title".into())
        );
        assert_eq!(
            unstorable_in_json(&json!({"object": {"k\u{0}": 1}})),
            Some("object.k\\u0000".into())
        );
        assert_eq!(unstorable_in_json(&json!("\u{0}")), Some(".".into()));
        assert_eq!(
            unstorable_in_json(&json!(["ok", "\u{0}"])),
            Some("[1]".into())
        );
        // The six characters `\u0000` written out are text, not a NUL.
        assert_eq!(unstorable_in_json(&json!("\\u0000")), None);
    }

    #[test]
    fn names_the_field_of_a_nul_in_a_form() {
        assert_eq!(unstorable_in_pairs([("a", "b"), ("c", "d")]), None);
        assert_eq!(
            unstorable_in_pairs([("a", "b"), ("title", "x\u{0}")]),
            Some("title".into())
        );
    }
}
