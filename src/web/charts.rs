//! Charts as inline SVG, readable without JavaScript: horizontal bars with their values
//! written out, a `<title>` and `<desc>` for screen readers (the pages add a table too).

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

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// A horizontal bar chart; `id` makes the title and description ids unique on the page.
pub fn bar_chart(id: &str, title: &str, desc: &str, bars: &[Bar]) -> String {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1) as f64;
    let height = ROW * bars.len().max(1) as f64 + 8.0;
    let room = WIDTH - LABEL_W - 70.0;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" aria-labelledby="{id}-t {id}-d" font-family="system-ui, sans-serif" font-size="14">"#
    );
    let _ = write!(
        out,
        r#"<title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        xml_escape(title),
        xml_escape(desc)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = 4.0 + ROW * i as f64;
        let w = (b.value as f64 / max * room).max(if b.value > 0 { 2.0 } else { 0.0 });
        let _ = write!(
            out,
            r##"<g><title>{label}: {shown}</title><text x="{lx}" y="{ty:.1}" text-anchor="end" fill="#1a1a1a">{short}</text><rect x="{LABEL_W}" y="{y:.1}" width="{w:.1}" height="{BAR_H}" fill="#0b4f8a"/><text x="{vx:.1}" y="{ty:.1}" fill="#1a1a1a">{shown}</text></g>"##,
            label = xml_escape(&b.label),
            shown = xml_escape(&b.shown),
            short = xml_escape(&shorten(&b.label, 28)),
            lx = LABEL_W - 8.0,
            ty = y + BAR_H - 4.0,
            vx = LABEL_W + w + 6.0,
        );
    }
    out.push_str("</svg>");
    out
}

/// One bar split in two: the confirmed share in colour, the rest in grey, with the
/// percentage written beside it.
pub fn share_chart(id: &str, title: &str, desc: &str, share: f64, shown: &str) -> String {
    let room = WIDTH - 120.0;
    let w = share.clamp(0.0, 1.0) * room;
    format!(
        r##"<svg class="chart" role="img" viewBox="0 0 {WIDTH} 40" width="{WIDTH}" height="40" aria-labelledby="{id}-t {id}-d" font-family="system-ui, sans-serif" font-size="16"><title id="{id}-t">{title}</title><desc id="{id}-d">{desc}</desc><rect x="0" y="8" width="{room}" height="24" fill="#d9d9d9"/><rect x="0" y="8" width="{w:.1}" height="24" fill="#1d6b34"/><text x="{tx}" y="26" fill="#1a1a1a" font-weight="700">{shown}</text></svg>"##,
        title = xml_escape(title),
        desc = xml_escape(desc),
        shown = xml_escape(shown),
        tx = room + 10.0,
    )
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
        let svg = bar_chart("c", "Pairs", "Two pairs", &bars);
        assert!(svg.contains(r#"aria-labelledby="c-t c-d""#));
        assert!(svg.contains(r#"<title id="c-t">Pairs</title>"#));
        assert!(svg.contains(r#"width="360.0""#), "{svg}");
        assert!(svg.contains(r#"width="180.0""#), "{svg}");
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"));
        let share = share_chart("s", "Confirmed", "3 of 4", 0.75, "75%");
        assert!(share.contains(r#"width="390.0""#), "{share}");
    }
}
