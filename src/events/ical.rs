//! iCalendar (RFC 5545) for events: calendar feeds and single events ("add to calendar").
//!
//! Each event is a `VEVENT` whose `UID` is the event's ActivityPub id (stable across edits),
//! whose `SEQUENCE` is the event row's (rising on every change) and whose `DTSTAMP` and
//! `LAST-MODIFIED` are the post's last change. Start and end are written as UTC instants
//! (`...Z`): they are the stored instants, so a summer and a winter event in the same zone
//! each come out right without a `VTIMEZONE`. Texts are in the asked language where the post
//! has a version in it, else in its main language, marked with `LANGUAGE`. Lines end with
//! CRLF and are folded at 75 octets, never inside a UTF-8 character.

use crate::db::models::event::EventFull;
use crate::vocab::{Lang, theme};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// The longest line, in octets, before the line break (RFC 5545 3.1).
const MAX_LINE: usize = 75;

/// How often calendar apps should fetch a feed again.
const REFRESH: &str = "PT1H";

/// The organiser of an event as a calendar shows it: name and actor id.
#[derive(Debug, Clone)]
pub struct Organiser {
    pub name: String,
    pub ap_id: String,
}

/// A calendar to write.
pub struct Calendar<'a> {
    /// The calendar's name (`NAME`, `X-WR-CALNAME`).
    pub name: String,
    /// The language texts are wanted in (`de`, `fr`, `en`).
    pub lang: &'a str,
    pub events: &'a [EventFull],
    /// Organisers by actor row id (the post's author).
    pub organisers: &'a HashMap<i64, Organiser>,
}

/// TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks; other
/// control characters are not allowed in TEXT and are dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (RFC 5545 3.2): double quotes are not allowed in it, and it is quoted
/// when it holds `:`, `;` or `,`.
fn param_value(s: &str) -> String {
    let clean: String = s.chars().filter(|c| *c != '"' && !c.is_control()).collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// One content line, folded: at most 75 octets a line, continuation lines starting with a
/// space, each ending with CRLF.
pub fn fold_line(out: &mut String, line: &str) {
    let mut room = MAX_LINE;
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > room {
            out.push_str("\r\n ");
            // The leading space counts towards the continuation line's 75 octets.
            room = MAX_LINE - 1;
            used = 0;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

/// An instant as iCalendar's UTC form (`20260612T120000Z`).
pub fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

struct Lines(String);

impl Lines {
    /// `NAME:value` with the value as given (already in its type's form).
    fn raw(&mut self, name: &str, value: &str) {
        let mut line = String::with_capacity(name.len() + value.len() + 1);
        line.push_str(name);
        line.push(':');
        line.push_str(value);
        fold_line(&mut self.0, &line);
    }

    /// A TEXT property, escaped; nothing for an empty value.
    fn text(&mut self, name: &str, value: &str) {
        let value = value.trim();
        if !value.is_empty() {
            self.raw(name, &escape_text(value));
        }
    }
}

/// Where an event's page is: ours at its id, a received one at the page its server gave.
pub fn page_url(full: &EventFull) -> String {
    let post = &full.post.post;
    if post.local {
        post.ap_id.to_string()
    } else {
        post.html_url
            .clone()
            .unwrap_or_else(|| post.ap_id.to_string())
    }
}

/// The place as one line: name, street, postal code and town, region, country.
pub fn location_line(full: &EventFull) -> Option<String> {
    let e = &full.event;
    let town = [e.postal_code.as_deref(), e.locality.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let parts: Vec<String> = [
        e.place_name.clone(),
        e.street_address.clone(),
        Some(town),
        e.region.clone(),
        e.country.clone(),
    ]
    .into_iter()
    .flatten()
    .map(|s| s.trim().to_string())
    .filter(|s| !s.is_empty())
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn write_event(
    out: &mut Lines,
    full: &EventFull,
    lang: &str,
    organisers: &HashMap<i64, Organiser>,
) {
    let post = &full.post.post;
    let e = &full.event;
    let changed = post.updated.unwrap_or(post.published).max(post.published);
    let url = page_url(full);
    out.raw("BEGIN", "VEVENT");
    out.raw("UID", &escape_text(post.ap_id.as_str()));
    out.raw("DTSTAMP", &utc(changed));
    out.raw("CREATED", &utc(post.published));
    out.raw("LAST-MODIFIED", &utc(changed));
    out.raw("SEQUENCE", &e.sequence.max(0).to_string());
    out.raw("DTSTART", &utc(e.starts_at));
    // DTEND must be after DTSTART; an event without duration ends where it starts.
    if e.ends_at > e.starts_at {
        out.raw("DTEND", &utc(e.ends_at));
    }
    out.raw("STATUS", e.status.ical());
    out.raw("CLASS", "PUBLIC");
    if let Some(tr) = full.post.in_language(lang).or_else(|| full.post.main()) {
        let language = format!(";LANGUAGE={}", param_value(&tr.language));
        out.text(&format!("SUMMARY{language}"), &tr.title);
        let body = match tr.body_markdown.as_deref() {
            Some(md) if !md.trim().is_empty() => md.trim().to_string(),
            _ => crate::text::html_to_text(&tr.content_html)
                .trim()
                .to_string(),
        };
        let mut description = tr.summary.trim().to_string();
        for part in [body.as_str(), e.online_url.as_deref().unwrap_or(""), &url] {
            if !part.is_empty() && !description.contains(part) {
                if !description.is_empty() {
                    description.push_str("\n\n");
                }
                description.push_str(part);
            }
        }
        out.text(&format!("DESCRIPTION{language}"), &description);
    }
    match (location_line(full), e.online_url.as_deref()) {
        (Some(place), _) => out.text("LOCATION", &place),
        (None, Some(online)) => out.text("LOCATION", online),
        (None, None) => {}
    }
    if let (Some(lat), Some(lon)) = (e.latitude, e.longitude) {
        out.raw("GEO", &format!("{lat:.6};{lon:.6}"));
    }
    if let Some(online) = e.online_url.as_deref() {
        // RFC 7986's CONFERENCE: calendar apps show a "join" button for it.
        out.raw("CONFERENCE;VALUE=URI;FEATURE=VIDEO", online);
    }
    out.raw("URL;VALUE=URI", &url);
    if let Some(o) = organisers.get(&post.actor_id) {
        out.raw(&format!("ORGANIZER;CN={}", param_value(&o.name)), &o.ap_id);
    }
    let code_lang = lang.parse::<Lang>().unwrap_or(Lang::En);
    let categories: Vec<String> = post
        .themes
        .iter()
        .filter_map(|t| theme(t))
        .map(|t| escape_text(t.label(code_lang)))
        .collect();
    if !categories.is_empty() {
        out.raw(
            &format!("CATEGORIES;LANGUAGE={}", code_lang.code()),
            &categories.join(","),
        );
    }
    out.raw("END", "VEVENT");
}

impl Calendar<'_> {
    /// The whole `VCALENDAR`, CRLF line ends and folded lines.
    pub fn render(&self) -> String {
        let mut out = Lines(String::new());
        out.raw("BEGIN", "VCALENDAR");
        out.raw("VERSION", "2.0");
        out.raw("PRODID", "-//passerelle//events//EN");
        out.raw("CALSCALE", "GREGORIAN");
        out.text("NAME", &self.name);
        out.text("X-WR-CALNAME", &self.name);
        out.raw("REFRESH-INTERVAL;VALUE=DURATION", REFRESH);
        out.raw("X-PUBLISHED-TTL", REFRESH);
        for full in self.events {
            write_event(&mut out, full, self.lang, self.organisers);
        }
        out.raw("END", "VCALENDAR");
        out.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_text("a,b;c\\d\ne\r\nf\u{7}"),
            "a\\,b\\;c\\\\d\\ne\\nf"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let value = "é".repeat(100) + &"x".repeat(100);
        let mut out = String::new();
        fold_line(&mut out, &format!("SUMMARY:{value}"));
        assert!(out.ends_with("\r\n"));
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines.len() > 3);
        for (i, l) in lines.iter().enumerate() {
            assert!(l.len() <= MAX_LINE, "line {i} has {} octets", l.len());
            if i > 0 {
                assert!(l.starts_with(' '));
            }
        }
        let unfolded: String = out.trim_end_matches("\r\n").split("\r\n ").collect();
        assert_eq!(unfolded, format!("SUMMARY:{value}"));
    }

    #[test]
    fn parameter_values_are_quoted_when_needed() {
        assert_eq!(param_value("Stadt Dortmund"), "Stadt Dortmund");
        assert_eq!(param_value("Ville, \"Lyon\""), "\"Ville, Lyon\"");
    }
}
