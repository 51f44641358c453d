//! The registry's map, drawn on the server as SVG: organisations as points, partnerships as
//! lines, in Web Mercator. With no tile source configured the background is plain (with a
//! graticule) and the page makes no third-party request; with one (`web.map_tiles`) the
//! tiles covering the view are placed under the points, at the zoom that fits.

use super::feeds::xml_escape;
use std::fmt::Write;

pub struct MapPoint {
    pub key: String,
    pub name: String,
    pub href: String,
    pub lat: f64,
    pub lon: f64,
}

pub struct MapLine {
    pub a: String,
    pub b: String,
    pub label: String,
    pub confirmed: bool,
}

pub struct MapText<'a> {
    pub title: &'a str,
    pub desc: &'a str,
    /// A tile URL template with `{z}`, `{x}`, `{y}`, or empty.
    pub tiles: &'a str,
    pub attribution: &'a str,
}

const WIDTH: f64 = 800.0;
const HEIGHT: f64 = 500.0;
const TILE: f64 = 256.0;
const MAX_LAT: f64 = 85.0511;

/// Web Mercator: longitude and latitude to the unit square (x east, y south).
fn project(lat: f64, lon: f64) -> (f64, f64) {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (lon.clamp(-180.0, 180.0) + 180.0) / 360.0;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0;
    (x, y)
}

/// The view: the points' bounds with a margin, widened to the map's aspect ratio.
struct View {
    zoom: u32,
    /// World size in pixels at `zoom`.
    world: f64,
    min_x: f64,
    min_y: f64,
    span_x: f64,
    span_y: f64,
}

impl View {
    fn fit(coords: &[(f64, f64)]) -> View {
        let (mut x0, mut y0, mut x1, mut y1) = (1.0f64, 1.0f64, 0.0f64, 0.0f64);
        for (x, y) in coords {
            x0 = x0.min(*x);
            y0 = y0.min(*y);
            x1 = x1.max(*x);
            y1 = y1.max(*y);
        }
        // At least about 1.5 degrees across, and a margin of a sixth on each side.
        let mut sx = (x1 - x0).max(0.004);
        let mut sy = (y1 - y0).max(0.004 * HEIGHT / WIDTH);
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        sx *= 4.0 / 3.0;
        sy *= 4.0 / 3.0;
        if sx / sy < WIDTH / HEIGHT {
            sx = sy * WIDTH / HEIGHT;
        } else {
            sy = sx * HEIGHT / WIDTH;
        }
        sx = sx.min(1.0);
        sy = sy.min(1.0);
        // The largest zoom at which the view is no wider than the map.
        let zoom = ((WIDTH / (sx * TILE)).log2().floor()).clamp(0.0, 16.0) as u32;
        View {
            zoom,
            world: TILE * f64::from(1u32 << zoom),
            min_x: (cx - sx / 2.0).clamp(0.0, 1.0 - sx),
            min_y: (cy - sy / 2.0).clamp(0.0, 1.0 - sy),
            span_x: sx,
            span_y: sy,
        }
    }

    fn px(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (x * self.world, y * self.world)
    }
}

/// The map as an SVG element; `None` when no point has coordinates.
pub fn svg(points: &[MapPoint], lines: &[MapLine], text: &MapText) -> Option<String> {
    let projected: Vec<(f64, f64)> = points.iter().map(|p| project(p.lat, p.lon)).collect();
    if projected.is_empty() {
        return None;
    }
    let view = View::fit(&projected);
    let (vx, vy) = view.px((view.min_x, view.min_y));
    let (vw, vh) = (view.span_x * view.world, view.span_y * view.world);
    let unit = vw / WIDTH; // one screen pixel in view units
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="map" viewBox="{vx:.1} {vy:.1} {vw:.1} {vh:.1}" width="{WIDTH}" height="{HEIGHT}" aria-labelledby="map-title map-desc" font-family="system-ui, sans-serif">"#
    );
    let _ = write!(
        out,
        r#"<title id="map-title">{}</title><desc id="map-desc">{}</desc>"#,
        xml_escape(text.title),
        xml_escape(text.desc)
    );
    let _ = write!(
        out,
        r##"<rect x="{vx:.1}" y="{vy:.1}" width="{vw:.1}" height="{vh:.1}" fill="#eef3f7"/>"##
    );
    if text.tiles.is_empty() {
        graticule(&mut out, &view, unit);
    } else {
        tiles(&mut out, &view, text.tiles);
    }
    let at = |key: &str| {
        points
            .iter()
            .position(|p| p.key == key)
            .map(|i| view.px(projected[i]))
    };
    for l in lines {
        if let (Some((ax, ay)), Some((bx, by))) = (at(&l.a), at(&l.b)) {
            let dash = if l.confirmed {
                String::new()
            } else {
                format!(r#" stroke-dasharray="{:.2} {:.2}""#, 6.0 * unit, 4.0 * unit)
            };
            let _ = write!(
                out,
                r##"<line x1="{ax:.2}" y1="{ay:.2}" x2="{bx:.2}" y2="{by:.2}" stroke="#b3261e" stroke-width="{:.2}"{dash}><title>{}</title></line>"##,
                2.0 * unit,
                xml_escape(&l.label)
            );
        }
    }
    let labels = points.len() <= 40;
    for (p, xy) in points.iter().zip(&projected) {
        let (x, y) = view.px(*xy);
        let _ = write!(
            out,
            r##"<a href="{}"><circle cx="{x:.2}" cy="{y:.2}" r="{:.2}" fill="#0b4f8a" stroke="#fff" stroke-width="{:.2}"><title>{}</title></circle>"##,
            xml_escape(&p.href),
            6.0 * unit,
            1.5 * unit,
            xml_escape(&p.name)
        );
        if labels {
            // Names of points on the right-hand side go to their left, to stay on the map.
            let (dx, anchor) = if x > vx + vw * 0.6 {
                (-9.0, "end")
            } else {
                (9.0, "start")
            };
            let _ = write!(
                out,
                r##"<text x="{:.2}" y="{:.2}" text-anchor="{anchor}" font-size="{:.2}" fill="#1a1a1a" stroke="#fff" stroke-width="{:.2}" paint-order="stroke">{}</text>"##,
                x + dx * unit,
                y + 4.0 * unit,
                13.0 * unit,
                3.0 * unit,
                xml_escape(&p.name)
            );
        }
        out.push_str("</a>");
    }
    if !text.tiles.is_empty() && !text.attribution.is_empty() {
        let _ = write!(
            out,
            r##"<text x="{:.2}" y="{:.2}" font-size="{:.2}" text-anchor="end" fill="#1a1a1a" stroke="#fff" stroke-width="{:.2}" paint-order="stroke">{}</text>"##,
            vx + vw - 4.0 * unit,
            vy + vh - 4.0 * unit,
            11.0 * unit,
            3.0 * unit,
            xml_escape(text.attribution)
        );
    }
    out.push_str("</svg>");
    Some(out)
}

/// Meridians and parallels every few degrees, to give a plain map a sense of place.
fn graticule(out: &mut String, view: &View, unit: f64) {
    let degrees_across = view.span_x * 360.0;
    let step = [1.0, 2.0, 5.0, 10.0, 20.0, 30.0]
        .into_iter()
        .find(|s| degrees_across / s <= 12.0)
        .unwrap_or(30.0);
    let (vx, vy) = view.px((view.min_x, view.min_y));
    let (vw, vh) = (view.span_x * view.world, view.span_y * view.world);
    let mut lon = (view.min_x * 360.0 - 180.0).div_euclid(step) * step;
    while lon <= (view.min_x + view.span_x) * 360.0 - 180.0 {
        let (x, _) = view.px(project(0.0, lon));
        let _ = write!(
            out,
            r##"<line x1="{x:.2}" y1="{vy:.2}" x2="{x:.2}" y2="{:.2}" stroke="#c9d6e0" stroke-width="{unit:.2}"/>"##,
            vy + vh
        );
        lon += step;
    }
    let mut lat = -80.0;
    while lat <= 80.0 {
        let (_, y) = view.px(project(lat, 0.0));
        if y >= vy && y <= vy + vh {
            let _ = write!(
                out,
                r##"<line x1="{vx:.2}" y1="{y:.2}" x2="{:.2}" y2="{y:.2}" stroke="#c9d6e0" stroke-width="{unit:.2}"/>"##,
                vx + vw
            );
        }
        lat += step;
    }
}

/// The operator's tiles covering the view.
fn tiles(out: &mut String, view: &View, template: &str) {
    let n = 1i64 << view.zoom;
    let first_x = (view.min_x * n as f64).floor() as i64;
    let last_x = ((view.min_x + view.span_x) * n as f64).ceil() as i64;
    let first_y = (view.min_y * n as f64).floor() as i64;
    let last_y = ((view.min_y + view.span_y) * n as f64).ceil() as i64;
    for ty in first_y.max(0)..last_y.min(n) {
        for tx in first_x..last_x {
            let href = template
                .replace("{z}", &view.zoom.to_string())
                .replace("{x}", &tx.rem_euclid(n).to_string())
                .replace("{y}", &ty.to_string());
            let _ = write!(
                out,
                r#"<image href="{}" x="{}" y="{}" width="{TILE}" height="{TILE}"/>"#,
                xml_escape(&href),
                tx as f64 * TILE,
                ty as f64 * TILE
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(key: &str, name: &str, lat: f64, lon: f64) -> MapPoint {
        MapPoint {
            key: key.into(),
            name: name.into(),
            href: format!("/o/{key}"),
            lat,
            lon,
        }
    }

    #[test]
    fn projection_is_web_mercator() {
        let (x, y) = project(0.0, 0.0);
        assert!((x - 0.5).abs() < 1e-9 && (y - 0.5).abs() < 1e-9);
        let (x, y) = project(MAX_LAT, -180.0);
        assert!(x.abs() < 1e-9 && y.abs() < 1e-4);
        // Dortmund lies north-east of Amiens.
        let (dx, dy) = project(51.51, 7.47);
        let (ax, ay) = project(49.89, 2.30);
        assert!(dx > ax && dy < ay);
    }

    #[test]
    fn plain_map_has_points_lines_and_no_remote_requests() {
        let points = [
            point("a", "Dortmund", 51.51, 7.47),
            point("b", "Amiens <&>", 49.89, 2.30),
        ];
        let lines = [MapLine {
            a: "a".into(),
            b: "b".into(),
            label: "Dortmund – Amiens".into(),
            confirmed: false,
        }];
        let text = MapText {
            title: "Karte",
            desc: "Punkte",
            tiles: "",
            attribution: "",
        };
        let svg = svg(&points, &lines, &text).unwrap();
        assert_eq!(svg.matches("<circle").count(), 2);
        assert_eq!(
            svg.matches("<line x1").count() - svg.matches("#c9d6e0").count(),
            1
        );
        assert!(svg.contains("stroke-dasharray"));
        assert!(svg.contains("Amiens &lt;&amp;&gt;"));
        assert!(!svg.contains("<image") && !svg.contains("http"));
        let tiled = super::svg(
            &points,
            &lines,
            &MapText {
                tiles: "https://tiles.example/{z}/{x}/{y}.png",
                attribution: "© Tiles",
                ..text
            },
        )
        .unwrap();
        assert!(tiled.contains(r#"<image href="https://tiles.example/"#));
        assert!(tiled.contains("© Tiles"));
        assert!(super::svg(&[], &[], &text).is_none());
    }
}
