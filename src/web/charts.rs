//! Charts as inline SVG, readable without JavaScript: horizontal bars with their values
//! written out, a `<title>` and `<desc>` for screen readers (the pages add a table too).
//!
//! Each chart is drawn twice: a wide layout with the labels beside the bars, and a narrow one
//! for phones with each label on its own line above its bar, so that the text stays at a
//! readable size when the chart is scaled to a small screen. The stylesheet shows one of them
//! (`svg.chart-wide`, `svg.chart-narrow`); the hidden one is hidden from assistive technology
//! too, as `display: none` does.

use super::feeds::xml_escape;
use std::fmt::Write;

pub struct Bar {
    pub label: String,
    pub value: usize,
    /// The value as the language writes it.
    pub shown: String,
}

const WIDTH: f64 = 640.0;
const LABEL_W: f64 = 210.0;
const ROW: f64 = 28.0;
const BAR_H: f64 = 18.0;

/// The narrow layout: as wide as a phone's screen, so that its 16-unit text is shown at
/// about 14 px; a row is a label line and a bar.
const NARROW: f64 = 340.0;
const NARROW_ROW: f64 = 48.0;

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// The opening tag, title and description of one layout.
fn open(out: &mut String, class: &str, id: &str, size: (f64, f64), font: u32, text: (&str, &str)) {
    let (w, h) = size;
    let _ = write!(
        out,
        r#"<svg class="chart {class}" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-labelledby="{id}-t {id}-d" font-family="system-ui, sans-serif" font-size="{font}"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        xml_escape(text.0),
        xml_escape(text.1)
    );
}

/// A horizontal bar chart; `id` makes the title and description ids unique on the page;
/// `colon` is the language's colon (French puts a narrow no-break space before it).
pub fn bar_chart(id: &str, title: &str, desc: &str, colon: &str, bars: &[Bar]) -> String {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1) as f64;
    let width_of = |value: usize, room: f64| {
        (value as f64 / max * room).max(if value > 0 { 2.0 } else { 0.0 })
    };
    let mut out = String::new();
    let height = ROW * bars.len().max(1) as f64 + 8.0;
    let room = WIDTH - LABEL_W - 70.0;
    open(
        &mut out,
        "chart-wide",
        id,
        (WIDTH, height),
        14,
        (title, desc),
    );
    for (i, b) in bars.iter().enumerate() {
        let y = 4.0 + ROW * i as f64;
        let w = width_of(b.value, room);
        let _ = write!(
            out,
            r##"<g><title>{label}{colon} {shown}</title><text x="{lx}" y="{ty:.1}" text-anchor="end" fill="#1a1a1a">{short}</text><rect x="{LABEL_W}" y="{y:.1}" width="{w:.1}" height="{BAR_H}" fill="#0b4f8a"/><text x="{vx:.1}" y="{ty:.1}" fill="#1a1a1a">{shown}</text></g>"##,
            label = xml_escape(&b.label),
            colon = xml_escape(colon),
            shown = xml_escape(&b.shown),
            short = xml_escape(&shorten(&b.label, 28)),
            lx = LABEL_W - 8.0,
            ty = y + BAR_H - 4.0,
            vx = LABEL_W + w + 6.0,
        );
    }
    out.push_str("</svg>");
    let height = NARROW_ROW * bars.len().max(1) as f64 + 4.0;
    let room = NARROW - 60.0;
    open(
        &mut out,
        "chart-narrow",
        &format!("{id}-n"),
        (NARROW, height),
        16,
        (title, desc),
    );
    for (i, b) in bars.iter().enumerate() {
        let y = NARROW_ROW * i as f64;
        let w = width_of(b.value, room);
        let _ = write!(
            out,
            r##"<g><title>{label}{colon} {shown}</title><text x="0" y="{ly:.1}" fill="#1a1a1a">{short}</text><rect x="0" y="{by:.1}" width="{w:.1}" height="{BAR_H}" fill="#0b4f8a"/><text x="{vx:.1}" y="{vy:.1}" fill="#1a1a1a">{shown}</text></g>"##,
            label = xml_escape(&b.label),
            colon = xml_escape(colon),
            shown = xml_escape(&b.shown),
            short = xml_escape(&shorten(&b.label, 36)),
            ly = y + 17.0,
            by = y + 23.0,
            vx = w + 6.0,
            vy = y + 23.0 + BAR_H - 3.0,
        );
    }
    out.push_str("</svg>");
    out
}

/// One bar split in two: the confirmed share in colour, the rest in grey, with the
/// percentage written beside it.
pub fn share_chart(id: &str, title: &str, desc: &str, share: f64, shown: &str) -> String {
    let mut out = String::new();
    for (class, id, width) in [
        ("chart-wide", id.to_string(), WIDTH),
        ("chart-narrow", format!("{id}-n"), NARROW),
    ] {
        let room = width - 120.0;
        let w = share.clamp(0.0, 1.0) * room;
        open(&mut out, class, &id, (width, 40.0), 16, (title, desc));
        let _ = write!(
            out,
            r##"<rect x="0" y="8" width="{room}" height="24" fill="#d9d9d9"/><rect x="0" y="8" width="{w:.1}" height="24" fill="#1d6b34"/><text x="{tx}" y="26" fill="#1a1a1a" font-weight="700">{shown}</text></svg>"##,
            shown = xml_escape(shown),
            tx = room + 10.0,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_and_labelled() {
        let bars = [
            Bar {
                label: "DE–FR".into(),
                value: 4,
                shown: "4".into(),
            },
            Bar {
                label: "<b>".into(),
                value: 2,
                shown: "2".into(),
            },
        ];
        let svg = bar_chart("c", "Pairs", "Two pairs", "\u{202f}:", &bars);
        assert!(svg.contains(r#"aria-labelledby="c-t c-d""#));
        assert!(svg.contains(r#"<title id="c-t">Pairs</title>"#));
        assert!(svg.contains(r#"width="360.0""#), "{svg}");
        assert!(svg.contains(r#"width="180.0""#), "{svg}");
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"));
        assert!(svg.contains("<title>DE–FR\u{202f}: 4</title>"), "{svg}");
        let share = share_chart("s", "Confirmed", "3 of 4", 0.75, "75%");
        assert!(share.contains(r#"width="390.0""#), "{share}");
        assert!(share.contains(r#"width="165.0""#), "{share}");
    }

    #[test]
    fn the_narrow_layout_puts_each_label_above_its_bar() {
        let bars = [Bar {
            label: "Deutschland–Frankreich".into(),
            value: 7,
            shown: "7".into(),
        }];
        let svg = bar_chart("c", "Pairs", "One pair", ":", &bars);
        let (wide, narrow) = svg.split_once("</svg>").unwrap();
        assert!(wide.contains(r#"class="chart chart-wide""#));
        assert!(narrow.contains(r#"class="chart chart-narrow""#));
        assert!(narrow.contains(r#"aria-labelledby="c-n-t c-n-d""#));
        // Label at the left edge, bar below it over the width less room for the value.
        assert!(
            narrow
                .contains(r##"<text x="0" y="17.0" fill="#1a1a1a">Deutschland–Frankreich</text>"##),
            "{narrow}"
        );
        assert!(
            narrow.contains(r#"<rect x="0" y="23.0" width="280.0""#),
            "{narrow}"
        );
    }
}
