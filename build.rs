//! Generates the `Lang` enum from `locales/languages.toml`, with each language's code,
//! endonym, search stemmer and Fluent file (embedded with `include_str!`), so that adding a
//! language is a line there and a `.ftl` file, and no Rust.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=locales");
    // The embedded migrations (diesel's embed_migrations!) see a new migration only when
    // the crate is compiled again.
    println!("cargo::rerun-if-changed=migrations");
    // Read when the script runs (not when it is compiled), so that a build script compiled
    // for a checkout elsewhere, sharing the target directory, reads this one.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("locales");
    let text = std::fs::read_to_string(dir.join("languages.toml"))
        .unwrap_or_else(|e| panic!("reading locales/languages.toml: {e}"));
    let table: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("locales/languages.toml: {e}"));
    let list = table
        .get("languages")
        .and_then(|l| l.as_array())
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| panic!("locales/languages.toml: `languages` must list a language"));

    let mut langs: Vec<(String, String, String, String)> = Vec::new();
    for (i, entry) in list.iter().enumerate() {
        let field = |name: &str| -> String {
            entry
                .get(name)
                .and_then(|v| v.as_str())
                .map(str::to_string)
                .unwrap_or_else(|| {
                    panic!("locales/languages.toml: language {} has no `{name}`", i + 1)
                })
        };
        let (code, endonym, stemmer) = (field("code"), field("endonym"), field("stemmer"));
        assert!(
            (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase()),
            "locales/languages.toml: code `{code}` is not an ISO 639 code (two or three \
             lowercase letters)"
        );
        assert!(
            !stemmer.is_empty() && stemmer.bytes().all(|b| b.is_ascii_lowercase()),
            "locales/languages.toml: stemmer `{stemmer}` of {code} is not a stemmer's name"
        );
        assert!(
            !endonym.trim().is_empty(),
            "locales/languages.toml: {code} has an empty endonym"
        );
        assert!(
            langs.iter().all(|l| l.0 != code),
            "locales/languages.toml: {code} is listed twice"
        );
        assert!(
            dir.join(format!("{code}.ftl")).is_file(),
            "locales/{code}.ftl is missing: every language of locales/languages.toml needs \
             its interface strings"
        );
        let variant = code[..1].to_uppercase() + &code[1..];
        langs.push((code, variant, endonym, stemmer));
    }

    let n = langs.len();
    let mut out = String::new();
    out.push_str(
        "/// A language passerelle offers for content and interface \
         (`locales/languages.toml`).\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, \
         serde::Serialize, serde::Deserialize)]\npub enum Lang {\n",
    );
    for (code, variant, _, _) in &langs {
        let _ = writeln!(out, "    #[serde(rename = {code:?})]\n    {variant},");
    }
    out.push_str("}\n\nimpl Lang {\n");
    let _ = writeln!(
        out,
        "    /// Every language, in the order of `locales/languages.toml`.\n    \
         pub const ALL: [Lang; {n}] = [{}];",
        langs
            .iter()
            .map(|l| format!("Lang::{}", l.1))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(out, "    const TABLE: [LanguageEntry; {n}] = [");
    for (code, _, endonym, stemmer) in &langs {
        let _ = writeln!(
            out,
            "        LanguageEntry {{ code: {code:?}, endonym: {endonym:?}, stemmer: {stemmer:?}, \
             ftl: include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/locales/{code}.ftl\")) }},"
        );
    }
    out.push_str("    ];\n}\n");

    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("languages.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("writing {}: {e}", dest.display()));
}
