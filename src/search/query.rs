//! What a person types, read into words, prefixes (`klima*`), phrases (`"neues Projekt"`),
//! excluded words (`-schule`) and excluded phrases (`-"neues Projekt"`). Words are runs of
//! letters and digits; a hyphenated or apostrophed word (`Klima-Schutz`, `l'école`) is a
//! phrase of its parts, also when excluded (`-Klima-Schutz` leaves out the phrase, not each
//! word). The analysis (stemming, accents, compounds) happens in PostgreSQL: see the search
//! migration.

use crate::error::AppError;

/// The longest query we read, in characters.
pub const MAX_QUERY_CHARS: usize = 300;
/// The most words, phrases and exclusions together.
pub const MAX_CLAUSES: usize = 12;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Single words, each with whether it is a prefix.
    pub terms: Vec<(String, bool)>,
    /// Words that must appear in this order.
    pub phrases: Vec<String>,
    /// Words, and phrases (words joined by a space), that must not appear.
    pub excluded: Vec<String>,
}

fn invalid(message: impl Into<String>) -> AppError {
    super::bad("q", message)
}

/// The letter-and-digit runs of a token.
fn words_of(token: &str) -> Vec<String> {
    token
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

impl ParsedQuery {
    pub fn parse(q: &str) -> Result<ParsedQuery, AppError> {
        let q = q.trim();
        if q.is_empty() {
            return Err(invalid("the search query is empty").localized("search-q-empty", &[]));
        }
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(invalid(format!(
                "the search query is longer than {MAX_QUERY_CHARS} characters"
            ))
            .localized("search-q-too-long", &[("max", MAX_QUERY_CHARS.to_string())]));
        }
        if q.chars().any(|c| c.is_control()) {
            return Err(invalid("the search query holds control characters")
                .localized("search-q-control", &[]));
        }
        let mut parsed = ParsedQuery::default();
        let mut rest = q;
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            // `-` before a word or a quotation mark leaves it out; alone, it is no word.
            let negated = rest.len() > 1 && rest.starts_with('-');
            if negated {
                rest = &rest[1..];
            }
            if let Some(after) = rest.strip_prefix(['"', '“', '„', '«']) {
                let end = after.find(['"', '“', '”', '»']).ok_or_else(|| {
                    invalid("a quotation mark is not closed: write \"two words\" for a phrase")
                        .localized("search-q-unclosed", &[])
                })?;
                let words = words_of(&after[..end]);
                if !words.is_empty() {
                    let phrase = words.join(" ");
                    if negated {
                        parsed.excluded.push(phrase);
                    } else {
                        parsed.phrases.push(phrase);
                    }
                }
                rest = &after[end..];
                rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
                continue;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let token = &rest[..end];
            rest = &rest[end..];
            let prefix = token.ends_with('*');
            let words = words_of(token);
            match (negated, words.len()) {
                (_, 0) => {}
                (true, _) => parsed.excluded.push(words.join(" ")),
                (false, 1) => parsed
                    .terms
                    .push((words.into_iter().next().unwrap_or_default(), prefix)),
                (false, _) => parsed.phrases.push(words.join(" ")),
            }
        }
        if parsed.terms.is_empty() && parsed.phrases.is_empty() {
            return Err(if parsed.excluded.is_empty() {
                invalid("the search query holds no words").localized("search-q-no-words", &[])
            } else {
                invalid("say what to find, not only what to leave out")
                    .localized("search-q-only-excluded", &[])
            });
        }
        if parsed.terms.len() + parsed.phrases.len() + parsed.excluded.len() > MAX_CLAUSES {
            return Err(invalid(format!(
                "the search query has more than {MAX_CLAUSES} words and phrases"
            ))
            .localized("search-q-too-many", &[("max", MAX_CLAUSES.to_string())]));
        }
        Ok(parsed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_prefixes_phrases_and_exclusions() {
        let p = ParsedQuery::parse(r#"  Klima* "neues  Projekt" -Schule Jugend "#).unwrap();
        assert_eq!(
            p.terms,
            vec![("Klima".to_string(), true), ("Jugend".to_string(), false)]
        );
        assert_eq!(p.phrases, vec!["neues Projekt"]);
        assert_eq!(p.excluded, vec!["Schule"]);
    }

    #[test]
    fn excluded_phrases_stay_phrases() {
        let p = ParsedQuery::parse(
            r#"partnerschaft -"entre les écoles" -Klima-Schutz -„Städte partner“"#,
        )
        .unwrap();
        assert_eq!(p.terms, vec![("partnerschaft".to_string(), false)]);
        assert!(p.phrases.is_empty());
        assert_eq!(
            p.excluded,
            vec!["entre les écoles", "Klima Schutz", "Städte partner"]
        );
        // A dash alone leaves out nothing.
        let p = ParsedQuery::parse("jugend - schule").unwrap();
        assert_eq!(p.terms.len(), 2);
        assert!(p.excluded.is_empty());
        assert!(ParsedQuery::parse(r#"-"nur ausgeschlossen""#).is_err());
    }

    #[test]
    fn hyphens_and_apostrophes_make_phrases() {
        let p = ParsedQuery::parse("Klima-Schutz l'école").unwrap();
        assert!(p.terms.is_empty());
        assert_eq!(p.phrases, vec!["Klima Schutz", "l école"]);
    }

    #[test]
    fn german_and_french_quotes() {
        let p = ParsedQuery::parse("„Städte partner“ «jumelage franco»").unwrap();
        assert_eq!(p.phrases, vec!["Städte partner", "jumelage franco"]);
    }

    #[test]
    fn bad_queries_are_refused_with_a_reason() {
        for (q, why) in [
            ("", "empty"),
            ("   ", "empty"),
            ("!!! ???", "no words"),
            ("-schule", "not only"),
            ("\"open phrase", "not closed"),
            ("a\u{0}b", "control"),
        ] {
            let e = ParsedQuery::parse(q).unwrap_err();
            assert!(e.message.contains(why), "{q:?}: {}", e.message);
            assert_eq!(e.field.as_deref(), Some("q"));
        }
        let long = "wort ".repeat(70);
        assert!(
            ParsedQuery::parse(&long)
                .unwrap_err()
                .message
                .contains("longer")
        );
        let many = (0..13)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            ParsedQuery::parse(&many)
                .unwrap_err()
                .message
                .contains("more than")
        );
    }
}

/// Properties over arbitrary input: the parser never panics, reads only words, and what it
/// reads, written back as a query, reads the same again.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A parsed query written back in the syntax it was read from.
    fn render(p: &ParsedQuery) -> String {
        let terms = p
            .terms
            .iter()
            .map(|(w, prefix)| format!("{w}{}", if *prefix { "*" } else { "" }));
        let phrases = p.phrases.iter().map(|ph| format!("\"{ph}\""));
        let excluded = p.excluded.iter().map(|w| {
            if w.contains(' ') {
                format!("-\"{w}\"")
            } else {
                format!("-{w}")
            }
        });
        terms
            .chain(phrases)
            .chain(excluded)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Text of the kinds people type: words, quotes of three languages, `-`, `*`, spaces.
    fn query_text() -> impl Strategy<Value = String> {
        proptest::string::string_regex(r#"[ a-zA-ZäöüéèßÉ0-9\-*'"“”„«»!?.,\t]{0,80}"#).unwrap()
    }

    proptest! {
        #[test]
        fn reading_any_text_never_panics(q in any::<String>()) {
            if let Err(e) = ParsedQuery::parse(&q) {
                prop_assert_eq!(e.field.as_deref(), Some("q"));
            }
        }

        #[test]
        fn a_parsed_query_reads_the_same_when_written_back(q in query_text()) {
            if let Ok(p) = ParsedQuery::parse(&q) {
                let words = p.terms.iter().map(|(w, _)| w.as_str())
                    .chain(p.excluded.iter().flat_map(|e| e.split(' ')));
                for w in words {
                    prop_assert!(!w.is_empty() && w.chars().all(char::is_alphanumeric), "{w:?}");
                }
                let again = ParsedQuery::parse(&render(&p));
                prop_assert_eq!(again.ok(), Some(p));
            }
        }
    }
}
