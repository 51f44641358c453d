//! Reasons in words: each [`Reason`] as a clause in a language (`partners-reason-*` in the
//! languages' files), and a suggestion's reasons as one sentence joined by semicolons:
//! "also works on climate protection; similar size; speaks German and French; partner of
//! your partner Amiens".

use super::Purpose;
use super::score::Reason;
use crate::vocab::{Lang, OrgKind};
use fluent_bundle::FluentArgs;

/// A text of the partner pages (`partners-*`); "?" (and an error logged) if it were missing,
/// which the languages' check at start-up rules out.
pub fn text(lang: Lang, id: &str) -> &'static str {
    crate::locale::text(lang, id).unwrap_or_else(|| {
        tracing::error!(lang = lang.code(), id, "partner search text missing");
        "?"
    })
}

/// A message with variables.
pub fn fmt(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    let mut a = FluentArgs::new();
    for (k, v) in args {
        match v.parse::<i64>() {
            Ok(n) => a.set(*k, n),
            Err(_) => a.set(*k, v.clone()),
        }
    }
    crate::locale::format(lang, id, &a).unwrap_or_else(|| "?".to_string())
}

/// The languages named in reasons; others are shown by their code.
pub const NAMED_LANGUAGES: [&str; 10] =
    ["de", "fr", "en", "it", "pl", "es", "nl", "pt", "cs", "da"];

/// A language's name in `lang`: "German", "allemand".
pub fn language_name(code: &str, lang: Lang) -> String {
    if NAMED_LANGUAGES.contains(&code) {
        text(lang, &format!("partners-lang-{code}")).to_string()
    } else {
        code.to_ascii_uppercase()
    }
}

/// "A, B and C" in `lang`.
pub fn and_list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), text(lang, "partners-and")),
    }
}

/// A theme's label inside a sentence: lower case first, except in German, whose nouns keep
/// their capital.
fn theme_name(slug: &str, lang: Lang) -> String {
    let label = crate::vocab::theme(slug).map_or(slug, |t| t.label(lang));
    if lang == Lang::De {
        return label.to_string();
    }
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn kind_name(code: &str, lang: Lang) -> String {
    code.parse::<OrgKind>()
        .map_or_else(|_| code.to_string(), |k| k.label(lang).to_string())
}

impl Reason {
    /// The reason as a clause in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            Reason::Themes { themes } => {
                let names: Vec<String> = themes.iter().map(|t| theme_name(t, lang)).collect();
                fmt(
                    lang,
                    "partners-reason-themes",
                    &[("themes", and_list(&names, lang))],
                )
            }
            Reason::Sdgs { sdgs } => {
                let names: Vec<String> = sdgs
                    .iter()
                    .filter(|g| (1..=17).contains(*g))
                    .map(|g| format!("{g} ({})", crate::vocab::sdg_name(*g, lang)))
                    .collect();
                fmt(
                    lang,
                    "partners-reason-sdgs",
                    &[("goals", and_list(&names, lang))],
                )
            }
            Reason::SimilarSize => text(lang, "partners-reason-similar-size").to_string(),
            Reason::WishedSize => text(lang, "partners-reason-wished-size").to_string(),
            Reason::Languages { languages } => {
                let names: Vec<String> = languages.iter().map(|l| language_name(l, lang)).collect();
                fmt(
                    lang,
                    "partners-reason-languages",
                    &[("languages", and_list(&names, lang))],
                )
            }
            Reason::WishedRegion { region } => fmt(
                lang,
                "partners-reason-wished-region",
                &[("region", region.clone())],
            ),
            Reason::WishedCountry { country } => fmt(
                lang,
                "partners-reason-wished-country",
                &[("country", country.clone())],
            ),
            Reason::Near { km } => fmt(lang, "partners-reason-near", &[("km", km.to_string())]),
            Reason::Kind { kind, wished } => fmt(
                lang,
                if *wished {
                    "partners-reason-wished-kind"
                } else {
                    "partners-reason-same-kind"
                },
                &[("kind", kind_name(kind, lang))],
            ),
            Reason::AlsoLooking { purposes } => {
                let names: Vec<String> = purposes
                    .iter()
                    .filter_map(|p| Purpose::parse(p))
                    .map(|p| p.label(lang).to_string())
                    .collect();
                if names.is_empty() {
                    text(lang, "partners-reason-looking").to_string()
                } else {
                    fmt(
                        lang,
                        "partners-reason-looking-for",
                        &[("purposes", and_list(&names, lang))],
                    )
                }
            }
            Reason::SimilarProjects { words } => fmt(
                lang,
                "partners-reason-projects",
                &[("words", words.join(", "))],
            ),
            Reason::PartnerOfPartner { partners } => fmt(
                lang,
                "partners-reason-partner-of-partner",
                &[
                    ("count", partners.len().to_string()),
                    ("partners", and_list(partners, lang)),
                ],
            ),
        }
    }
}

/// A suggestion's reasons as one sentence.
pub fn explanation(reasons: &[Reason], lang: Lang) -> String {
    reasons
        .iter()
        .map(|r| r.sentence(lang))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_one_sentence_in_each_language() {
        let reasons = vec![
            Reason::Themes {
                themes: vec!["climate".into()],
            },
            Reason::SimilarSize,
            Reason::Languages {
                languages: vec!["de".into(), "fr".into()],
            },
            Reason::PartnerOfPartner {
                partners: vec!["Amiens".into()],
            },
        ];
        assert_eq!(
            explanation(&reasons, Lang::En),
            "also works on climate protection; similar size; speaks German and French; partner of your partner Amiens"
        );
        for lang in Lang::ALL {
            let s = explanation(&reasons, lang);
            assert!(!s.contains('?') && s.contains("Amiens"), "{lang:?}: {s}");
        }
    }

    #[test]
    fn lists_are_joined_with_the_languages_and() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&l(&["A"]), Lang::De), "A");
        assert_eq!(and_list(&l(&["A", "B", "C"]), Lang::De), "A, B und C");
        assert_eq!(and_list(&l(&["A", "B"]), Lang::Fr), "A et B");
        assert_eq!(language_name("xx", Lang::En), "XX");
    }
}
