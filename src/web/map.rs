//! The registry's map, drawn on the server as SVG: Natural Earth's land, coastlines and
//! borders (see `atlas`), organisations as points, partnerships as arcs between them, names
//! placed where they do not collide (see `labels`), all in Web Mercator so that the optional
//! tiles of `web.map_tiles` fit underneath. Europe is framed unless the data lies elsewhere or
//! in a narrower area. Without tiles the page makes no third-party request, and no script runs.
//!
//! Names come in two layers, one sized for wide screens and one for phones (where the map is
//! scaled down to the screen's width); the stylesheet shows one of them. The table under the
//! map stays the accessible equivalent: the label layers are hidden from assistive technology,
//! and each point is a link named after its organisation.

mod atlas;
mod labels;

use super::feeds::xml_escape;
use labels::{Bbox, Placed, Site};
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

/// Europe as framed by default: west, south, east, north in degrees (from the Azores' side of
/// Portugal to the eastern Baltic and the Black Sea, from Crete to central Scandinavia).
const EUROPE: (f64, f64, f64, f64) = (-10.5, 35.0, 30.0, 60.0);

/// The narrowest frame, as a share of the world's width (about seven degrees): enough for a
/// few neighbouring countries around a cluster of towns.
const MIN_SPAN: f64 = 0.02;

/// Sizes in screen pixels of the map at its full width: points, arcs and the two label
/// layers. The phone layer's names are larger because a phone shows the map at less than
/// half its width.
const POINT_R: f64 = 6.0;
const FONT_WIDE: f64 = 13.0;
const FONT_NARROW: f64 = 27.0;

/// Web Mercator: longitude and latitude to the unit square (x east, y south).
fn project(lat: f64, lon: f64) -> (f64, f64) {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (lon.clamp(-180.0, 180.0) + 180.0) / 360.0;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0;
    (x, y)
}

/// A box in the unit square: (x0, y0, x1, y1).
type Bounds = (f64, f64, f64, f64);

fn bounds_of(coords: &[(f64, f64)]) -> Bounds {
    coords.iter().fold(
        (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
        |(x0, y0, x1, y1), (x, y)| (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y)),
    )
}

fn europe() -> Bounds {
    let (w, s, e, n) = EUROPE;
    let (x0, y0) = project(n, w);
    let (x1, y1) = project(s, e);
    (x0, y0, x1, y1)
}

/// The view: a box of the unit square with the map's aspect ratio, and the tile zoom that
/// fits it.
#[derive(Debug)]
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
    /// Europe, unless the points lie outside it or in an area narrower than half of it: then
    /// the points with a margin.
    fn frame(coords: &[(f64, f64)]) -> View {
        let eu = europe();
        if coords.is_empty() {
            return View::fit(eu, 1.0);
        }
        let data = bounds_of(coords);
        let inside = data.0 >= eu.0 && data.1 >= eu.1 && data.2 <= eu.2 && data.3 <= eu.3;
        let wide =
            (data.2 - data.0) >= (eu.2 - eu.0) / 2.0 || (data.3 - data.1) >= (eu.3 - eu.1) / 2.0;
        if inside && wide {
            View::fit(eu, 1.0)
        } else {
            View::fit(data, 4.0 / 3.0)
        }
    }

    /// `b` grown by `margin` (a factor), to at least `MIN_SPAN`, and to the map's aspect ratio.
    fn fit(b: Bounds, margin: f64) -> View {
        let mut sx = ((b.2 - b.0) * margin).max(MIN_SPAN);
        let mut sy = ((b.3 - b.1) * margin).max(MIN_SPAN * HEIGHT / WIDTH);
        let (cx, cy) = ((b.0 + b.2) / 2.0, (b.1 + b.3) / 2.0);
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

    /// The visible area in view units.
    fn frame_box(&self) -> atlas::Frame {
        let (x, y) = self.px((self.min_x, self.min_y));
        let (w, h) = (self.span_x * self.world, self.span_y * self.world);
        atlas::Frame {
            x,
            y,
            w,
            h,
            unit: w / WIDTH,
            world: self.world,
        }
    }
}

/// The map as an SVG element; `None` when no point has coordinates.
pub fn svg(points: &[MapPoint], lines: &[MapLine], text: &MapText) -> Option<String> {
    if points.is_empty() {
        return None;
    }
    let projected: Vec<(f64, f64)> = points.iter().map(|p| project(p.lat, p.lon)).collect();
    let view = View::frame(&projected);
    let f = view.frame_box();
    let unit = f.unit;
    let xy: Vec<(f64, f64)> = projected.iter().map(|p| view.px(*p)).collect();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="map" viewBox="{:.1} {:.1} {:.1} {:.1}" width="{WIDTH}" height="{HEIGHT}" aria-labelledby="map-title map-desc" font-family="system-ui, sans-serif">"#,
        f.x, f.y, f.w, f.h
    );
    let _ = write!(
        out,
        r#"<title id="map-title">{}</title><desc id="map-desc">{}</desc>"#,
        xml_escape(text.title),
        xml_escape(text.desc)
    );
    let _ = write!(
        out,
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#dce9f2"/>"##,
        f.x, f.y, f.w, f.h
    );
    if text.tiles.is_empty() {
        let base = atlas::base_map(&f, project);
        let _ = write!(
            out,
            r##"<path class="land" d="{}" fill="#f7f5ef" fill-rule="evenodd" stroke="#7f98ab" stroke-width="{:.2}" stroke-linejoin="round"/><path class="borders" d="{}" fill="none" stroke="#a39d92" stroke-width="{:.2}" stroke-linejoin="round"/>"##,
            base.land,
            unit,
            base.borders,
            0.8 * unit
        );
    } else {
        tiles(&mut out, &view, text.tiles);
    }
    arcs(&mut out, points, lines, &xy, unit);
    for (p, (x, y)) in points.iter().zip(&xy) {
        let _ = write!(
            out,
            r##"<a href="{href}" aria-label="{name}"><circle cx="{x:.2}" cy="{y:.2}" r="{:.2}" fill="#0b4f8a" stroke="#fff" stroke-width="{:.2}"><title>{name}</title></circle></a>"##,
            POINT_R * unit,
            1.5 * unit,
            href = xml_escape(&p.href),
            name = xml_escape(&p.name),
        );
    }
    let order = label_order(points, lines);
    for (class, font) in [
        ("map-labels-wide", FONT_WIDE),
        ("map-labels-narrow", FONT_NARROW),
    ] {
        let placed = label_layer(&f, &xy, points, &order, font);
        let _ = write!(
            out,
            r##"<g class="map-labels {class}" aria-hidden="true" font-size="{:.2}" fill="#1a1a1a" stroke="#fff" stroke-width="{:.2}" paint-order="stroke">"##,
            font * unit,
            font * unit / 4.0
        );
        for l in placed {
            let _ = write!(
                out,
                r#"<text x="{:.2}" y="{:.2}" text-anchor="{}">{}</text>"#,
                l.x,
                l.y,
                l.anchor,
                xml_escape(&points[order[l.site]].name)
            );
        }
        out.push_str("</g>");
    }
    if !text.tiles.is_empty() && !text.attribution.is_empty() {
        let _ = write!(
            out,
            r##"<text x="{:.2}" y="{:.2}" font-size="{:.2}" text-anchor="end" fill="#1a1a1a" stroke="#fff" stroke-width="{:.2}" paint-order="stroke">{}</text>"##,
            f.x + f.w - 4.0 * unit,
            f.y + f.h - 4.0 * unit,
            11.0 * unit,
            3.0 * unit,
            xml_escape(text.attribution)
        );
    }
    out.push_str("</svg>");
    Some(out)
}

/// Partnerships as arcs bending to one side, so that lines between neighbours and lines
/// through a point stay apart; proposals dashed.
fn arcs(out: &mut String, points: &[MapPoint], lines: &[MapLine], xy: &[(f64, f64)], unit: f64) {
    let at = |key: &str| points.iter().position(|p| p.key == key).map(|i| xy[i]);
    for l in lines {
        let (Some(a), Some(b)) = (at(&l.a), at(&l.b)) else {
            continue;
        };
        // The same curve whichever way round the pair is given.
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (cx, cy) = ((a.0 + b.0) / 2.0 + dy * 0.2, (a.1 + b.1) / 2.0 - dx * 0.2);
        let dash = if l.confirmed {
            String::new()
        } else {
            format!(r#" stroke-dasharray="{:.2} {:.2}""#, 6.0 * unit, 4.0 * unit)
        };
        let _ = write!(
            out,
            r##"<path class="arc" d="M{:.2} {:.2}Q{cx:.2} {cy:.2} {:.2} {:.2}" fill="none" stroke="#b3261e" stroke-width="{:.2}" stroke-linecap="round"{dash}><title>{}</title></path>"##,
            a.0,
            a.1,
            b.0,
            b.1,
            2.0 * unit,
            xml_escape(&l.label)
        );
    }
}

/// The points in the order their names are placed: those with the most partnerships first,
/// then by name, so that hubs keep their labels.
fn label_order(points: &[MapPoint], lines: &[MapLine]) -> Vec<usize> {
    let degree = |p: &MapPoint| {
        lines
            .iter()
            .filter(|l| l.a == p.key || l.b == p.key)
            .count()
    };
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&i, &j| {
        degree(&points[j])
            .cmp(&degree(&points[i]))
            .then_with(|| points[i].name.cmp(&points[j].name))
    });
    order
}

/// One layer of names at `font` screen pixels; `Placed::site` indexes `order`.
fn label_layer(
    f: &atlas::Frame,
    xy: &[(f64, f64)],
    points: &[MapPoint],
    order: &[usize],
    font: f64,
) -> Vec<Placed> {
    let sites: Vec<Site> = order
        .iter()
        .map(|&i| Site {
            x: xy[i].0,
            y: xy[i].1,
            name: &points[i].name,
        })
        .collect();
    let inset = 2.0 * f.unit;
    let frame = Bbox {
        x0: f.x + inset,
        y0: f.y + inset,
        x1: f.x + f.w - inset,
        y1: f.y + f.h - inset,
    };
    labels::place(&sites, (POINT_R + 1.5) * f.unit, font * f.unit, frame)
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

    /// The Rhine–Ruhr and Upper Rhine towns whose names the old map drew over each other.
    fn dense() -> Vec<MapPoint> {
        [
            ("do", "Dortmund", 51.514, 7.466),
            ("e", "Essen", 51.456, 7.012),
            ("bo", "Bochum", 51.482, 7.216),
            ("s", "Stuttgart", 48.776, 9.183),
            ("ka", "Karlsruhe", 49.007, 8.404),
            ("sxb", "Strasbourg", 48.573, 7.752),
            ("n", "Nancy", 48.692, 6.184),
        ]
        .into_iter()
        .map(|(k, n, lat, lon)| point(k, n, lat, lon))
        .collect()
    }

    #[test]
    fn labels_of_a_dense_set_do_not_overlap_points_or_each_other() {
        let points = dense();
        let xy: Vec<_> = points.iter().map(|p| project(p.lat, p.lon)).collect();
        let view = View::frame(&xy);
        let f = view.frame_box();
        let xy: Vec<_> = xy.iter().map(|p| view.px(*p)).collect();
        let order = label_order(&points, &[]);
        let r = (POINT_R + 1.5) * f.unit;
        for font in [FONT_WIDE, FONT_NARROW] {
            let placed = label_layer(&f, &xy, &points, &order, font);
            if font == FONT_WIDE {
                assert_eq!(placed.len(), points.len(), "every name fits: {placed:?}");
            } else {
                assert!(placed.len() >= 3, "{placed:?}");
            }
            for (i, a) in placed.iter().enumerate() {
                assert!(a.bbox.x0 >= f.x && a.bbox.x1 <= f.x + f.w);
                assert!(a.bbox.y0 >= f.y && a.bbox.y1 <= f.y + f.h);
                for b in &placed[i + 1..] {
                    assert!(!a.bbox.overlaps(&b.bbox), "{a:?} overlaps {b:?}");
                }
                for (x, y) in &xy {
                    let dot = Bbox {
                        x0: x - r,
                        y0: y - r,
                        x1: x + r,
                        y1: y + r,
                    };
                    assert!(!a.bbox.overlaps(&dot), "{a:?} covers a point at {x},{y}");
                }
            }
        }
    }

    #[test]
    fn europe_is_framed_unless_the_data_lies_elsewhere_or_narrower() {
        let eu = europe();
        let spread = [
            project(38.72, -9.14), // Lisbon
            project(52.23, 21.01), // Warsaw
            project(41.90, 12.50), // Rome
            project(51.51, 7.47),  // Dortmund
        ];
        let v = View::frame(&spread);
        assert!(v.min_x <= eu.0 && v.min_x + v.span_x >= eu.2, "{v:?}");
        assert!(v.span_x < 0.2, "{v:?}");
        // The Ruhr and Alsace only: a narrower frame around them.
        let narrow: Vec<_> = dense().iter().map(|p| project(p.lat, p.lon)).collect();
        let v = View::frame(&narrow);
        assert!(v.span_x < (eu.2 - eu.0) / 2.0, "{v:?}");
        // Quebec and Brittany: a frame over the Atlantic holding both.
        let far = [project(46.81, -71.21), project(48.11, -1.68)];
        let v = View::frame(&far);
        for (x, y) in far {
            assert!(x > v.min_x && x < v.min_x + v.span_x && y > v.min_y && y < v.min_y + v.span_y);
        }
    }

    #[test]
    fn plain_map_has_borders_arcs_and_no_remote_requests() {
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
        assert_eq!(svg.matches(r#"<path class="arc""#).count(), 1);
        assert!(svg.contains("stroke-dasharray"));
        assert!(svg.contains("Amiens &lt;&amp;&gt;"));
        assert!(!svg.contains("<image") && !svg.contains("http"));
        // The land and the borders, with the coordinates of the frame only.
        let land = svg.split(r#"<path class="land" d=""#).nth(1).unwrap();
        assert!(land.len() > 2000, "{}", &land[..200.min(land.len())]);
        assert!(svg.contains(r#"<path class="borders" d="M"#));
        // Both label layers name both towns.
        assert_eq!(svg.matches(">Dortmund</text>").count(), 2, "{svg}");
        // The same frame draws the same base map, from the cache.
        assert_eq!(super::svg(&points, &lines, &text).unwrap(), svg);
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
        assert!(!tiled.contains(r#"class="land""#));
        assert!(super::svg(&[], &[], &text).is_none());
    }
}
