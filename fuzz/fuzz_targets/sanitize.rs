//! The sanitiser on arbitrary HTML and Markdown. Its output is tokenised as a browser would
//! (html5ever): only the allowed tags, no event handler or style attribute, and no link
//! outside http, https and mailto.
#![no_main]

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// Collects every start and end tag with its attributes.
#[derive(Default)]
struct Tags(RefCell<Vec<(TagKind, String, Vec<(String, String)>)>>);

impl TokenSink for Tags {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(tag) = token {
            let attrs = tag
                .attrs
                .iter()
                .map(|a| (a.name.local.to_string(), a.value.to_string()))
                .collect();
            self.0
                .borrow_mut()
                .push((tag.kind, tag.name.to_string(), attrs));
        }
        TokenSinkResult::Continue
    }
}

fn check(html: &str) {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Tags::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    for (kind, name, attrs) in tokenizer.sink.0.borrow().iter() {
        assert!(
            passerelle::fuzzing::ALLOWED_TAGS.contains(&name.as_str()),
            "tag <{name}> ({kind:?}) survived in {html:?}"
        );
        for (attr, value) in attrs {
            assert!(
                matches!(attr.as_str(), "href" | "hreflang" | "rel" | "class"),
                "attribute {attr}={value:?} survived in {html:?}"
            );
            if attr == "href" {
                // As a browser reads a URL: without surrounding controls and spaces, and
                // without tabs and line breaks anywhere.
                let url: String = value
                    .trim_matches(|c: char| c <= ' ')
                    .chars()
                    .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                    .collect();
                let scheme = url
                    .split_once(':')
                    .map(|(s, _)| s.to_ascii_lowercase())
                    .filter(|s| {
                        s.starts_with(|c: char| c.is_ascii_alphabetic())
                            && s.chars()
                                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                    });
                assert!(
                    matches!(scheme.as_deref(), None | Some("http" | "https" | "mailto")),
                    "link {value:?} survived in {html:?}"
                );
            }
        }
    }
}

libfuzzer_sys::fuzz_target!(|text: &str| {
    for html in passerelle::fuzzing::sanitize(text) {
        check(&html);
    }
});
