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
    /// The link to the map seen as a view written `zoom/lat/lon` (or "data"), for the nine
    /// areas of the map a click zooms into; none without.
    pub zoom_link: Option<&'a dyn Fn(&str) -> String>,
}

/// Where the map looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Look {
    /// Europe, unless the points lie elsewhere or in a narrower area (see `View::frame`).
    Default,
    /// Fitted to the points.
    Data,
    /// A zoom level (as the tiles count them, in tenths) around a point.
    At { zoom: f64, lat: f64, lon: f64 },
}

/// The zoom levels a view may ask for: from a continent to a few towns.
const ZOOM_MIN: f64 = 2.0;
const ZOOM_MAX: f64 = 10.0;

impl Look {
    /// A view as written in a link: "data", or `zoom/lat/lon` as in OpenStreetMap's links.
    /// Anything else is the default view.
    pub fn parse(v: Option<&str>) -> Look {
        let Some(v) = v.map(str::trim).filter(|v| !v.is_empty()) else {
            return Look::Default;
        };
        if v == "data" {
            return Look::Data;
        }
        let parts: Vec<f64> = v.split('/').filter_map(|p| p.parse().ok()).collect();
        match parts[..] {
            [zoom, lat, lon] if [zoom, lat, lon].iter().all(|f| f.is_finite()) => Look::At {
                zoom: zoom.clamp(ZOOM_MIN, ZOOM_MAX),
                lat: lat.clamp(-MAX_LAT, MAX_LAT),
                lon: lon.clamp(-180.0, 180.0),
            },
            _ => Look::Default,
        }
    }

    fn written(zoom: f64, (x, y): (f64, f64)) -> String {
        let (lat, lon) = unproject(x, y);
        format!("{:.1}/{lat:.3}/{lon:.3}", zoom.clamp(ZOOM_MIN, ZOOM_MAX))
    }
}

/// The map's navigation: views as written in links (see [`Look::parse`]).
#[derive(Debug)]
pub struct Nav {
    /// Closer, around the same centre; none at the closest zoom.
    pub zoom_in: Option<String>,
    /// Farther; none at the farthest.
    pub zoom_out: Option<String>,
    /// Whether the view is not the default one (a link back to it is worth showing).
    pub moved: bool,
    /// Fitted to the points, when that differs from the default view.
    pub fit: Option<String>,
}

/// The map and its navigation.
pub struct Drawn {
    pub svg: String,
    pub nav: Nav,
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

/// The unit square back to latitude and longitude.
fn unproject(x: f64, y: f64) -> (f64, f64) {
    let lon = x * 360.0 - 180.0;
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * y))
        .sinh()
        .atan()
        .to_degrees();
    (lat, lon)
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

    /// The view a [`Look`] asks for.
    fn look(look: Look, coords: &[(f64, f64)]) -> View {
        match look {
            Look::Default => View::frame(coords),
            Look::Data if !coords.is_empty() => View::fit(bounds_of(coords), 4.0 / 3.0),
            Look::Data => View::frame(coords),
            Look::At { zoom, lat, lon } => View::at(zoom, project(lat, lon)),
        }
    }

    /// The map's width at `zoom` (fractional: tiles are drawn at the level below) around a
    /// centre, within the world.
    fn at(zoom: f64, (cx, cy): (f64, f64)) -> View {
        let sx = (WIDTH / (TILE * zoom.exp2())).min(1.0);
        let sy = (sx * HEIGHT / WIDTH).min(1.0);
        let tiles = zoom.floor().clamp(0.0, 16.0) as u32;
        View {
            zoom: tiles,
            world: TILE * f64::from(1u32 << tiles),
            min_x: (cx - sx / 2.0).clamp(0.0, 1.0 - sx),
            min_y: (cy - sy / 2.0).clamp(0.0, 1.0 - sy),
            span_x: sx,
            span_y: sy,
        }
    }

    /// The zoom level this view shows, fractional.
    fn level(&self) -> f64 {
        (WIDTH / (self.span_x * TILE)).log2()
    }

    /// The centre, in the unit square.
    fn centre(&self) -> (f64, f64) {
        (
            self.min_x + self.span_x / 2.0,
            self.min_y + self.span_y / 2.0,
        )
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

/// The navigation from `view`: closer and farther around its centre, back to the default
/// view, and fitted to the points.
fn nav(view: &View, look: Look, projected: &[(f64, f64)]) -> Nav {
    let level = view.level();
    let fit = View::look(Look::Data, projected);
    let default = View::frame(projected);
    let same = |a: &View, b: &View| {
        (a.level() - b.level()).abs() < 0.05
            && (a.centre().0 - b.centre().0).abs() < 1e-4
            && (a.centre().1 - b.centre().1).abs() < 1e-4
    };
    Nav {
        zoom_in: (level < ZOOM_MAX - 0.05).then(|| Look::written(level + 1.0, view.centre())),
        zoom_out: (level > ZOOM_MIN + 0.05).then(|| Look::written(level - 1.0, view.centre())),
        moved: look != Look::Default && !same(view, &default),
        fit: (!same(&fit, &default) && !same(&fit, view)).then(|| "data".to_string()),
    }
}

/// Nine areas over the map, each a link to a view twice as close around its centre, drawn
/// under the points and arcs so that a click beside them zooms in there. Hidden from
/// assistive technology and out of the tab order: the links beside the map do the same.
fn zoom_areas(out: &mut String, view: &View, f: &atlas::Frame, link: &dyn Fn(&str) -> String) {
    let level = view.level();
    if level >= ZOOM_MAX - 0.05 {
        return;
    }
    out.push_str(r#"<g class="map-zoom" aria-hidden="true">"#);
    let (w, h) = (f.w / 3.0, f.h / 3.0);
    for row in 0..3 {
        for col in 0..3 {
            let (x, y) = (f.x + w * f64::from(col), f.y + h * f64::from(row));
            let centre = ((x + w / 2.0) / view.world, (y + h / 2.0) / view.world);
            let _ = write!(
                out,
                r##"<a href="{}" tabindex="-1"><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="#fff" fill-opacity="0"/></a>"##,
                xml_escape(&link(&Look::written(level + 1.0, centre)))
            );
        }
    }
    out.push_str("</g>");
}

/// The map as an SVG element, seen as `look`; `None` when no point has coordinates.
pub fn svg(points: &[MapPoint], lines: &[MapLine], text: &MapText, look: Look) -> Option<Drawn> {
    if points.is_empty() {
        return None;
    }
    let projected: Vec<(f64, f64)> = points.iter().map(|p| project(p.lat, p.lon)).collect();
    let view = View::look(look, &projected);
    let nav = nav(&view, look, &projected);
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
    if let Some(link) = text.zoom_link {
        zoom_areas(&mut out, &view, &f, link);
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
    Some(Drawn { svg: out, nav })
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
            zoom_link: None,
        };
        let svg = svg(&points, &lines, &text, Look::Default).unwrap().svg;
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
        assert_eq!(
            super::svg(&points, &lines, &text, Look::Default)
                .unwrap()
                .svg,
            svg
        );
        let tiled = super::svg(
            &points,
            &lines,
            &MapText {
                tiles: "https://tiles.example/{z}/{x}/{y}.png",
                attribution: "© Tiles",
                ..text
            },
            Look::Default,
        )
        .unwrap()
        .svg;
        assert!(tiled.contains(r#"<image href="https://tiles.example/"#));
        assert!(tiled.contains("© Tiles"));
        assert!(!tiled.contains(r#"class="land""#));
        assert!(super::svg(&[], &[], &text, Look::Default).is_none());
    }

    #[test]
    fn views_are_read_from_links_and_anything_else_is_the_default() {
        assert_eq!(Look::parse(None), Look::Default);
        assert_eq!(Look::parse(Some(" ")), Look::Default);
        assert_eq!(Look::parse(Some("data")), Look::Data);
        assert_eq!(
            Look::parse(Some("6.5/50.940/6.960")),
            Look::At {
                zoom: 6.5,
                lat: 50.94,
                lon: 6.96
            }
        );
        // Out of range is brought back in; nonsense is the default.
        assert_eq!(
            Look::parse(Some("40/95/-200")),
            Look::At {
                zoom: ZOOM_MAX,
                lat: MAX_LAT,
                lon: -180.0
            }
        );
        for bad in ["6/50", "a/b/c", "NaN/1/2", "6/50/7/8", "inf/1/2"] {
            assert_eq!(Look::parse(Some(bad)), Look::Default, "{bad}");
        }
        let (lat, lon) = unproject(project(50.94, 6.96).0, project(50.94, 6.96).1);
        assert!((lat - 50.94).abs() < 1e-9 && (lon - 6.96).abs() < 1e-9);
    }

    /// Europe by default; a click zooms into one of nine areas; the links go closer,
    /// farther, to the partnerships and back.
    #[test]
    fn the_map_zooms_by_links_without_a_script() {
        let points = [
            point("a", "Dortmund", 51.51, 7.47),
            point("b", "Amiens", 49.89, 2.30),
            point("c", "Lublin", 51.25, 22.57),
            point("d", "Torino", 45.07, 7.69),
        ];
        let link = |v: &str| format!("/registry?view={v}");
        let text = MapText {
            title: "Karte",
            desc: "Punkte",
            tiles: "",
            attribution: "",
            zoom_link: Some(&link),
        };
        let europe = svg(&points, &[], &text, Look::Default).unwrap();
        assert!(!europe.nav.moved);
        // Europe is framed, and the partnerships lie in a narrower part of it.
        assert_eq!(europe.nav.fit.as_deref(), Some("data"));
        let zoom_in = europe.nav.zoom_in.clone().unwrap();
        let zoom_out = europe.nav.zoom_out.clone().unwrap();
        let Look::At { zoom, .. } = Look::parse(Some(&zoom_in)) else {
            panic!("{zoom_in}")
        };
        let Look::At { zoom: out, .. } = Look::parse(Some(&zoom_out)) else {
            panic!("{zoom_out}")
        };
        assert!((zoom - out - 2.0).abs() < 0.11, "{zoom_in} {zoom_out}");
        // Closer: half as wide, around the same centre.
        let xy: Vec<_> = points.iter().map(|p| project(p.lat, p.lon)).collect();
        let (a, b) = (
            View::frame(&xy),
            View::look(Look::parse(Some(&zoom_in)), &xy),
        );
        assert!(
            (b.span_x * 2.0 / a.span_x - 1.0).abs() < 0.05,
            "{a:?} {b:?}"
        );
        assert!((a.centre().0 - b.centre().0).abs() < 1e-4, "{a:?} {b:?}");
        assert!((a.centre().1 - b.centre().1).abs() < 1e-4, "{a:?} {b:?}");
        let closer = svg(&points, &[], &text, Look::parse(Some(&zoom_in))).unwrap();
        assert!(closer.nav.moved);
        // Nine areas to click, each a link to a closer view.
        assert_eq!(europe.svg.matches(r#"<a href="/registry?view="#).count(), 9);
        assert!(
            europe
                .svg
                .contains(r#"<g class="map-zoom" aria-hidden="true">"#)
        );
        assert!(europe.svg.contains(r#"tabindex="-1""#));
        // Fitted to the partnerships: no fit link, a way back.
        let fitted = svg(&points, &[], &text, Look::Data).unwrap();
        assert!(fitted.nav.moved && fitted.nav.fit.is_none());
        // At the closest zoom: no closer, and no areas.
        let close = svg(
            &points,
            &[],
            &text,
            Look::At {
                zoom: ZOOM_MAX,
                lat: 51.51,
                lon: 7.47,
            },
        )
        .unwrap();
        assert!(close.nav.zoom_in.is_none() && close.nav.zoom_out.is_some());
        assert!(!close.svg.contains("map-zoom"));
        // Dortmund is in view and named; Lublin, far off, is not named.
        assert!(close.svg.contains(">Dortmund</text>"));
        assert!(!close.svg.contains(">Lublin</text>"));
    }
}
