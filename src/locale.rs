//! The languages passerelle speaks and their texts. `locales/languages.toml` lists them (the
//! `Lang` enum is generated from it by `build.rs`); `locales/<code>.ftl` holds each one's
//! interface strings, vocabulary labels, plural forms and number and date formats, in
//! Project Fluent syntax, embedded in the binary and parsed once per process.
//!
//! Messages without variables are formatted once and kept for the process (`text`); those
//! with variables are formatted when asked (`format`), numbers grouped as the language
//! writes them and plural forms chosen by the language's CLDR rules.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// A line of `locales/languages.toml`, with its Fluent file's text.
struct LanguageEntry {
    code: &'static str,
    endonym: &'static str,
    stemmer: &'static str,
    ftl: &'static str,
}

impl Lang {
    fn entry(self) -> &'static LanguageEntry {
        &Self::TABLE[self as usize]
    }

    /// The ISO 639-1 code (`de`), as in `lang` attributes, `?lang=` and `contentMap`.
    pub fn code(self) -> &'static str {
        self.entry().code
    }

    /// The language's name in itself, for language switches.
    pub fn endonym(self) -> &'static str {
        self.entry().endonym
    }

    /// The PostgreSQL Snowball stemmer its text is searched with, or `simple`.
    pub fn stemmer(self) -> &'static str {
        self.entry().stemmer
    }

    /// The text of `locales/<code>.ftl`.
    pub fn ftl_source(self) -> &'static str {
        self.entry().ftl
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
                format!(
                    "unknown language `{}` (expected one of {})",
                    s.to_ascii_lowercase(),
                    codes.join(", ")
                )
            })
    }
}

/// One language's parsed Fluent file.
struct Locale {
    bundle: FluentBundle<FluentResource>,
    /// Every message without variables, formatted once.
    texts: HashMap<String, &'static str>,
    /// The variables each message uses.
    variables: BTreeMap<String, BTreeSet<String>>,
}

/// How a language groups the digits of whole numbers (`number-group-separator`,
/// `number-group-minimum`: the fewest digits before the first group for grouping to apply,
/// 2 in Polish, which writes 1500 but 15 000).
#[derive(Clone, Copy)]
struct Grouping {
    separator: &'static str,
    minimum: usize,
}

impl Grouping {
    fn format(self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let sign = if n < 0 { "-" } else { "" };
        if digits.len() < 4 + self.minimum - 1 {
            return format!("{sign}{digits}");
        }
        let mut out = String::from(sign);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(self.separator);
            }
            out.push(c);
        }
        out
    }
}

/// Each language's grouping, found by Fluent's formatter through the bundle's memoizer
/// (which knows the bundle's language and nothing else of ours).
static GROUPINGS: OnceLock<Vec<(String, Grouping)>> = OnceLock::new();

impl intl_memoizer::Memoizable for Grouping {
    type Args = ();
    type Error = ();
    fn construct(lang: unic_langid::LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let code = lang.language.as_str();
        GROUPINGS
            .get()
            .and_then(|g| g.iter().find(|(c, _)| c == code))
            .map(|(_, g)| *g)
            .ok_or(())
    }
}

/// Fluent's formatter: whole numbers grouped as the language writes them (a number given
/// to a message is a count; years and days are given as text).
fn format_value(
    value: &FluentValue,
    intls: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    match value {
        FluentValue::Number(n)
            if n.options.use_grouping
                && n.value.fract() == 0.0
                && n.value.abs() < 1e15
                && n.options.minimum_fraction_digits.is_none() =>
        {
            intls
                .with_try_get::<Grouping, _, _>((), |g| g.format(n.value as i64))
                .ok()
        }
        _ => None,
    }
}

fn load() -> Result<Vec<Locale>, String> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for lang in Lang::ALL {
        let resource = match FluentResource::try_new(lang.ftl_source().to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    problems.push(format!("locales/{lang}.ftl: {e:?}"));
                }
                r
            }
        };
        let variables = message_variables(&resource);
        let id: unic_langid::LanguageIdentifier = lang
            .code()
            .parse()
            .map_err(|e| format!("locales/languages.toml: {lang}: {e}"))?;
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Pages are HTML: Unicode isolation marks around placeables would only be noise.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format_value));
        if let Err(errors) = bundle.add_resource(resource) {
            for e in errors {
                problems.push(format!("locales/{lang}.ftl: {e}"));
            }
        }
        parsed.push((lang, bundle, variables));
    }
    let files: Vec<(&str, &BTreeMap<String, BTreeSet<String>>)> =
        parsed.iter().map(|(l, _, v)| (l.code(), v)).collect();
    problems.extend(consistency(&files));
    let mut groupings = Vec::new();
    for (lang, bundle, _) in &parsed {
        let plain = |id: &str| -> Option<String> {
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            let s = bundle.format_pattern(pattern, None, &mut errors);
            errors.is_empty().then(|| s.into_owned())
        };
        let separator = plain("number-group-separator");
        let minimum = plain("number-group-minimum").and_then(|m| m.parse::<usize>().ok());
        match (separator, minimum) {
            (Some(s), Some(m)) if (1..=3).contains(&m) => groupings.push((
                lang.code().to_string(),
                Grouping {
                    separator: leak(s),
                    minimum: m,
                },
            )),
            _ => problems.push(format!(
                "locales/{lang}.ftl: number-group-separator and number-group-minimum (1 to 3) \
                 are needed"
            )),
        }
    }
    let _ = GROUPINGS.set(groupings);
    let mut locales = Vec::new();
    for (lang, bundle, variables) in parsed {
        let mut texts = HashMap::new();
        for (id, vars) in &variables {
            if !vars.is_empty() {
                continue;
            }
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let s = bundle.format_pattern(pattern, None, &mut errors);
            if errors.is_empty() {
                texts.insert(id.clone(), leak(s.into_owned()));
            } else {
                problems.push(format!("locales/{lang}.ftl: {id}: {}", describe(&errors)));
            }
        }
        locales.push(Locale {
            bundle,
            texts,
            variables,
        });
    }
    if problems.is_empty() {
        Ok(locales)
    } else {
        Err(problems.join("\n"))
    }
}

/// The texts live as long as the process, so `&'static str` can be handed out.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn describe(errors: &[FluentError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

fn loaded() -> &'static Result<Vec<Locale>, String> {
    static LOCALES: OnceLock<Result<Vec<Locale>, String>> = OnceLock::new();
    LOCALES.get_or_init(load)
}

fn locales() -> &'static [Locale] {
    match loaded() {
        Ok(l) => l,
        // The files are part of the binary: a broken one is a build that must not run
        // (`check` at start-up says so before anything is served).
        Err(problems) => panic!("the interface strings cannot be loaded:\n{problems}"),
    }
}

fn locale(lang: Lang) -> &'static Locale {
    &locales()[lang as usize]
}

/// A message without variables, or `None` if the language has no such message.
pub fn text(lang: Lang, id: &str) -> Option<&'static str> {
    locale(lang).texts.get(id).copied()
}

/// A message formatted with its variables; `None` if the language has no such message or
/// it could not be formatted (a variable missing), which is logged.
pub fn format(lang: Lang, id: &str, args: &FluentArgs) -> Option<String> {
    let bundle = &locale(lang).bundle;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let s = bundle.format_pattern(pattern, Some(args), &mut errors);
    if errors.is_empty() {
        Some(s.into_owned())
    } else {
        tracing::error!(lang = lang.code(), id, errors = %describe(&errors), "message not formatted");
        None
    }
}

/// A whole number with the language's digit grouping.
pub fn format_number(n: i64, lang: Lang) -> String {
    locales();
    GROUPINGS
        .get()
        .and_then(|g| g.iter().find(|(c, _)| c == lang.code()))
        .map_or_else(|| n.to_string(), |(_, g)| g.format(n))
}

/// The variables a message uses (`$name` anywhere in it, selectors included), per message.
pub fn variables(lang: Lang) -> &'static BTreeMap<String, BTreeSet<String>> {
    &locale(lang).variables
}

/// Loads every language, or says what is wrong with the files.
pub fn check() -> Result<(), String> {
    loaded().as_ref().map(|_| ()).map_err(Clone::clone)
}

/// What differs between the languages' files: every file must have the messages of the first
/// one, no other, each with the same variables.
fn consistency(files: &[(&str, &BTreeMap<String, BTreeSet<String>>)]) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(((first, reference), rest)) = files.split_first() else {
        return problems;
    };
    for (code, messages) in rest {
        let missing: Vec<&str> = reference
            .keys()
            .filter(|id| !messages.contains_key(*id))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            problems.push(format!(
                "locales/{code}.ftl lacks what {first}.ftl has: {}",
                missing.join(", ")
            ));
        }
        let extra: Vec<&str> = messages
            .keys()
            .filter(|id| !reference.contains_key(*id))
            .map(String::as_str)
            .collect();
        if !extra.is_empty() {
            problems.push(format!(
                "locales/{code}.ftl has what {first}.ftl lacks: {}",
                extra.join(", ")
            ));
        }
        for (id, vars) in *messages {
            if let Some(expected) = reference.get(id)
                && expected != vars
            {
                problems.push(format!(
                    "locales/{code}.ftl: {id} uses the variables {vars:?}, {first}.ftl {expected:?}"
                ));
            }
        }
    }
    problems
}

fn message_variables(resource: &FluentResource) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_variables(p, &mut vars);
            }
            for a in &m.attributes {
                pattern_variables(&a.value, &mut vars);
            }
            out.insert(m.id.name.to_string(), vars);
        }
    }
    out
}

fn pattern_variables(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, vars);
        }
    }
}

fn expression_variables(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, vars);
            for v in variants {
                pattern_variables(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_variables(i, vars),
    }
}

fn inline_variables(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. }
        | ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                inline_variables(a, vars);
            }
            for a in &arguments.named {
                inline_variables(&a.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, vars),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variables_of(source: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = FluentResource::try_new(source.to_string()).expect("test resource parses");
        message_variables(&resource)
    }

    #[test]
    fn every_file_parses_with_the_same_messages_and_variables() {
        check().unwrap();
        let reference = variables(Lang::ALL[0]);
        assert!(reference.len() > 300, "{}", reference.len());
        for lang in Lang::ALL {
            let resource = FluentResource::try_new(lang.ftl_source().to_string());
            assert!(
                resource.is_ok(),
                "locales/{lang}.ftl: {:?}",
                resource.err().map(|e| e.1)
            );
            let ids: Vec<&String> = variables(lang).keys().collect();
            assert_eq!(ids, reference.keys().collect::<Vec<_>>(), "{lang}");
        }
    }

    #[test]
    fn differences_between_files_are_named() {
        let de = variables_of("a = A\nb = { $n } B\nc = { $x ->\n   *[one] { $y }\n}\n");
        let fr = variables_of("a = A\nb = B\nc = { $x ->\n   *[one] { $y }\n}\nd = D\n");
        assert_eq!(de["c"], BTreeSet::from(["x".to_string(), "y".to_string()]));
        let problems = consistency(&[("de", &de), ("fr", &fr)]).join("\n");
        assert!(
            problems.contains("fr.ftl has what de.ftl lacks: d"),
            "{problems}"
        );
        assert!(
            problems.contains("fr.ftl: b uses the variables {}"),
            "{problems}"
        );
        assert!(!problems.contains(": c "), "{problems}");
        let it = variables_of("b = { $n } B\nc = { $x ->\n   *[one] { $y }\n}\n");
        let problems = consistency(&[("de", &de), ("it", &it)]).join("\n");
        assert!(
            problems.contains("it.ftl lacks what de.ftl has: a"),
            "{problems}"
        );
    }

    #[test]
    fn numbers_are_grouped_as_each_language_writes_them() {
        assert_eq!(format_number(601_150, Lang::De), "601.150");
        assert_eq!(format_number(1_234_567, Lang::En), "1,234,567");
        assert_eq!(format_number(-1_500, Lang::Fr), "-1\u{202f}500");
        assert_eq!(format_number(999, Lang::Fr), "999");
        assert_eq!(format_number(12_000, Lang::It), "12.000");
        assert_eq!(format_number(1_500, Lang::Pl), "1500");
        assert_eq!(format_number(15_000, Lang::Pl), "15\u{a0}000");
        let mut args = FluentArgs::new();
        args.set("n", FluentValue::from(1_500));
        assert_eq!(
            format(Lang::Fr, "count-shares", &args).as_deref(),
            Some("1\u{202f}500\u{a0}partages")
        );
    }

    #[test]
    fn languages_come_from_the_table() {
        assert_eq!(Lang::ALL.len(), 5);
        assert_eq!("IT".parse::<Lang>(), Ok(Lang::It));
        assert_eq!(Lang::Pl.endonym(), "Polski");
        assert_eq!(Lang::It.stemmer(), "italian");
        let err = "es".parse::<Lang>().unwrap_err();
        assert!(
            err.contains("unknown language `es` (expected one of de, fr, en, it, pl)"),
            "{err}"
        );
        assert_eq!(serde_json::to_value(Lang::Pl).ok(), Some("pl".into()));
        assert_eq!(serde_json::from_str::<Lang>("\"it\"").ok(), Some(Lang::It));
    }
}
