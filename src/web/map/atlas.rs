//! The base map: Natural Earth's country borders and coastlines (1:50m, public domain, as
//! TopoJSON from the `world-atlas` package; see `static/map/README.md`), compiled into the
//! binary, decoded on first use, and drawn as SVG path strings for a frame, clipped to it and
//! thinned to the screen's resolution. The strings are cached per frame, since the registry
//! asks for the same few frames again and again.

use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex, OnceLock};

/// Natural Earth 1:50m countries as TopoJSON (world-atlas 2.0.2, `countries-50m.json`).
const COUNTRIES_50M: &str = include_str!("../../../static/map/countries-50m.json");

/// A TopoJSON topology: shared arcs, delta-encoded and quantised when `transform` is given.
#[derive(Deserialize)]
struct Topology {
    #[serde(default)]
    transform: Option<Transform>,
    arcs: Vec<Vec<Vec<f64>>>,
    objects: HashMap<String, Geometry>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize, Default)]
struct Properties {
    #[serde(default)]
    name: Option<String>,
}

/// The geometry types a map of areas uses; points and lines are skipped.
#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        arcs: Vec<Vec<i64>>,
        #[serde(default)]
        properties: Option<Properties>,
    },
    MultiPolygon {
        arcs: Vec<Vec<Vec<i64>>>,
        #[serde(default)]
        properties: Option<Properties>,
    },
    #[serde(rename = "GeometryCollection")]
    Collection { geometries: Vec<Geometry> },
    #[serde(other)]
    Other,
}

/// A ring of (longitude, latitude) points, closed (first point = last point).
pub type Ring = Vec<(f64, f64)>;

/// A named area: its polygons, each an outer ring followed by its holes.
pub struct Area {
    /// The name in the file (Natural Earth's English short name); tests find countries by it.
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "the map draws no country names")
    )]
    pub name: String,
    pub polygons: Vec<Vec<Ring>>,
}

#[cfg(test)]
impl Area {
    /// (west, south, east, north) in degrees.
    pub fn bbox(&self) -> (f64, f64, f64, f64) {
        let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (lon, lat) in self.polygons.iter().flatten().flatten() {
            b = (b.0.min(*lon), b.1.min(*lat), b.2.max(*lon), b.3.max(*lat));
        }
        b
    }
}

/// A decoded topology: its areas (one collection of the file), and the arcs shared by two or
/// more of them (the borders), as lines of (longitude, latitude).
pub struct Atlas {
    pub areas: Vec<Area>,
    pub borders: Vec<Vec<(f64, f64)>>,
}

/// Why a TopoJSON text could not be read.
#[derive(Debug)]
pub struct AtlasError(String);

impl std::fmt::Display for AtlasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TopoJSON: {}", self.0)
    }
}

/// Decodes the collection `object` of a TopoJSON text.
pub fn decode(json: &str, object: &str) -> Result<Atlas, AtlasError> {
    let topo: Topology = serde_json::from_str(json).map_err(|e| AtlasError(e.to_string()))?;
    let arcs = decode_arcs(&topo.arcs, topo.transform.as_ref())?;
    let root = topo
        .objects
        .get(object)
        .ok_or_else(|| AtlasError(format!("no object `{object}`")))?;
    let mut areas = Vec::new();
    let mut uses = vec![0u32; arcs.len()];
    collect(root, &arcs, &mut uses, &mut areas)?;
    let borders = arcs
        .iter()
        .zip(&uses)
        .filter(|(_, n)| **n >= 2)
        .map(|(a, _)| a.clone())
        .collect();
    Ok(Atlas { areas, borders })
}

/// Absolute coordinates of every arc: quantised arcs are running sums of their deltas.
fn decode_arcs(
    raw: &[Vec<Vec<f64>>],
    transform: Option<&Transform>,
) -> Result<Vec<Vec<(f64, f64)>>, AtlasError> {
    raw.iter()
        .enumerate()
        .map(|(i, arc)| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.iter()
                .map(|p| {
                    let (&px, &py) = p
                        .first()
                        .zip(p.get(1))
                        .ok_or_else(|| AtlasError(format!("arc {i} has a point without x, y")))?;
                    Ok(match transform {
                        Some(t) => {
                            x += px;
                            y += py;
                            (
                                x * t.scale[0] + t.translate[0],
                                y * t.scale[1] + t.translate[1],
                            )
                        }
                        None => (px, py),
                    })
                })
                .collect()
        })
        .collect()
}

fn collect(
    g: &Geometry,
    arcs: &[Vec<(f64, f64)>],
    uses: &mut [u32],
    out: &mut Vec<Area>,
) -> Result<(), AtlasError> {
    let name = |p: &Option<Properties>| p.as_ref().and_then(|p| p.name.clone()).unwrap_or_default();
    match g {
        Geometry::Polygon {
            arcs: rings,
            properties,
        } => out.push(Area {
            name: name(properties),
            polygons: vec![polygon(rings, arcs, uses)?],
        }),
        Geometry::MultiPolygon {
            arcs: polys,
            properties,
        } => out.push(Area {
            name: name(properties),
            polygons: polys
                .iter()
                .map(|rings| polygon(rings, arcs, uses))
                .collect::<Result<_, _>>()?,
        }),
        Geometry::Collection { geometries } => {
            for g in geometries {
                collect(g, arcs, uses, out)?;
            }
        }
        Geometry::Other => {}
    }
    Ok(())
}

fn polygon(
    rings: &[Vec<i64>],
    arcs: &[Vec<(f64, f64)>],
    uses: &mut [u32],
) -> Result<Vec<Ring>, AtlasError> {
    rings.iter().map(|r| ring(r, arcs, uses)).collect()
}

/// A ring from its arcs: index `i` is arc `i` forwards, `!i` (that is `-i - 1`) arc `i`
/// backwards; each arc after the first repeats the previous one's last point.
fn ring(indices: &[i64], arcs: &[Vec<(f64, f64)>], uses: &mut [u32]) -> Result<Ring, AtlasError> {
    let mut out: Ring = Vec::new();
    for &i in indices {
        let (k, reversed) = if i < 0 { (!i, true) } else { (i, false) };
        let arc = usize::try_from(k)
            .ok()
            .and_then(|k| arcs.get(k).map(|a| (k, a)))
            .ok_or_else(|| AtlasError(format!("arc index {i} out of range")))?;
        uses[arc.0] += 1;
        let skip = usize::from(!out.is_empty());
        if reversed {
            out.extend(arc.1.iter().rev().skip(skip));
        } else {
            out.extend(arc.1.iter().skip(skip));
        }
    }
    Ok(out)
}

/// The world's countries, decoded once.
pub fn world() -> &'static Atlas {
    static WORLD: OnceLock<Atlas> = OnceLock::new();
    WORLD.get_or_init(|| {
        decode(COUNTRIES_50M, "countries")
            .expect("the bundled Natural Earth file is valid TopoJSON")
    })
}

/// The world's land (the countries merged), decoded once: its outline is the coastline.
fn land() -> &'static Atlas {
    static LAND: OnceLock<Atlas> = OnceLock::new();
    LAND.get_or_init(|| {
        decode(COUNTRIES_50M, "land").expect("the bundled Natural Earth file is valid TopoJSON")
    })
}

/// A frame of the map in view units, with the size of one screen pixel in those units.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// View units per screen pixel: points closer than this are merged.
    pub unit: f64,
    /// View units per unit of the projection's square (the world's width).
    pub world: f64,
}

/// The land (fill and coastline) and the borders of a frame, as SVG path data.
pub struct BaseMap {
    pub land: String,
    pub borders: String,
}

/// The base map of `frame`, projected with `project` (longitude, latitude → unit square);
/// drawn once per frame and then served from a small cache.
pub fn base_map(frame: &Frame, project: fn(f64, f64) -> (f64, f64)) -> Arc<BaseMap> {
    static CACHE: OnceLock<Mutex<HashMap<[i64; 4], Arc<BaseMap>>>> = OnceLock::new();
    let key = [frame.x, frame.y, frame.w, frame.world].map(|v| (v * 10.0).round() as i64);
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return hit;
    }
    let drawn = Arc::new(draw(frame, project));
    if let Ok(mut c) = cache.lock() {
        // The filters make few distinct frames; forget them all if a crawler makes many.
        if c.len() >= 64 {
            c.clear();
        }
        c.insert(key, drawn.clone());
    }
    drawn
}

fn draw(frame: &Frame, project: fn(f64, f64) -> (f64, f64)) -> BaseMap {
    // Clip a little outside the frame, so that clipped edges lie outside the picture.
    let margin = 4.0 * frame.unit;
    let clip = (
        frame.x - margin,
        frame.y - margin,
        frame.x + frame.w + margin,
        frame.y + frame.h + margin,
    );
    let to_view = |(lon, lat): &(f64, f64)| {
        let (x, y) = project(*lat, *lon);
        (x * frame.world, y * frame.world)
    };
    let mut land_d = String::new();
    for ring in land()
        .areas
        .iter()
        .flat_map(|a| a.polygons.iter().flatten())
    {
        let pts = thin(ring.iter().map(to_view), frame.unit * 0.75);
        if !overlaps(&pts, clip) {
            continue;
        }
        let clipped = clip_polygon(pts, clip);
        if clipped.len() >= 3 {
            path_of(&mut land_d, &clipped, true);
        }
    }
    let mut borders_d = String::new();
    for line in &world().borders {
        let pts = thin(line.iter().map(to_view), frame.unit * 0.75);
        for run in runs_inside(&pts, clip) {
            path_of(&mut borders_d, run, false);
        }
    }
    BaseMap {
        land: land_d,
        borders: borders_d,
    }
}

/// Drops points closer than `tolerance` to the last kept one (keeping the last point).
fn thin(points: impl Iterator<Item = (f64, f64)>, tolerance: f64) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    let mut last = None;
    for p in points {
        match out.last() {
            Some(q) if (p.0 - q.0).hypot(p.1 - q.1) < tolerance => last = Some(p),
            _ => {
                out.push(p);
                last = None;
            }
        }
    }
    out.extend(last);
    out
}

type Clip = (f64, f64, f64, f64);

fn overlaps(points: &[(f64, f64)], (x0, y0, x1, y1): Clip) -> bool {
    let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in points {
        b = (b.0.min(*x), b.1.min(*y), b.2.max(*x), b.3.max(*y));
    }
    b.0 <= x1 && b.2 >= x0 && b.1 <= y1 && b.3 >= y0
}

/// Sutherland–Hodgman: the polygon cut by each edge of the rectangle in turn.
fn clip_polygon(mut poly: Vec<(f64, f64)>, (x0, y0, x1, y1): Clip) -> Vec<(f64, f64)> {
    type Inside = fn((f64, f64), f64) -> bool;
    type Cross = fn((f64, f64), (f64, f64), f64) -> (f64, f64);
    let at_x: Cross = |a, b, x| (x, a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0));
    let at_y: Cross = |a, b, y| (a.0 + (b.0 - a.0) * (y - a.1) / (b.1 - a.1), y);
    let edges: [(Inside, Cross, f64); 4] = [
        (|p, v| p.0 >= v, at_x, x0),
        (|p, v| p.0 <= v, at_x, x1),
        (|p, v| p.1 >= v, at_y, y0),
        (|p, v| p.1 <= v, at_y, y1),
    ];
    for (inside, cross, v) in edges {
        let Some(&last) = poly.last() else {
            break;
        };
        let mut out = Vec::with_capacity(poly.len());
        let mut prev = last;
        for &p in &poly {
            match (inside(prev, v), inside(p, v)) {
                (true, true) => out.push(p),
                (true, false) => out.push(cross(prev, p, v)),
                (false, true) => {
                    out.push(cross(prev, p, v));
                    out.push(p);
                }
                (false, false) => {}
            }
            prev = p;
        }
        poly = out;
    }
    poly
}

/// The parts of a line whose segments touch the rectangle (the SVG viewport clips the rest).
fn runs_inside(points: &[(f64, f64)], (x0, y0, x1, y1): Clip) -> Vec<&[(f64, f64)]> {
    let touches = |a: (f64, f64), b: (f64, f64)| {
        a.0.min(b.0) <= x1 && a.0.max(b.0) >= x0 && a.1.min(b.1) <= y1 && a.1.max(b.1) >= y0
    };
    let mut runs = Vec::new();
    let mut start = None;
    for i in 1..points.len() {
        match (start, touches(points[i - 1], points[i])) {
            (None, true) => start = Some(i - 1),
            (Some(s), false) => {
                runs.push(&points[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push(&points[s..]);
    }
    runs
}

fn path_of(d: &mut String, points: &[(f64, f64)], closed: bool) {
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { 'M' } else { 'L' });
    }
    if closed {
        d.push('Z');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantised_arcs_are_delta_decoded_and_reversed_by_their_complement() {
        // Arc 0 runs (0,0) → (2,0) → (2,2); arc 1 runs (2,2) → (0,2) → (0,0).
        let json = r#"{"type":"Topology","transform":{"scale":[0.5,1],"translate":[10,20]},
            "arcs":[[[0,0],[2,0],[0,2]],[[2,2],[-2,0],[0,-2]]],
            "objects":{"a":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0,1]],"properties":{"name":"Square"}},
              {"type":"Polygon","arcs":[[-2,-1]],"properties":{"name":"Backwards"}},
              {"type":"Point","coordinates":[0,0]}]}}}"#;
        let atlas = decode(json, "a").unwrap();
        assert_eq!(atlas.areas.len(), 2);
        let square = &atlas.areas[0].polygons[0][0];
        assert_eq!(
            square,
            &vec![
                (10.0, 20.0),
                (11.0, 20.0),
                (11.0, 22.0),
                (10.0, 22.0),
                (10.0, 20.0)
            ]
        );
        assert_eq!(atlas.areas[0].name, "Square");
        let backwards = &atlas.areas[1].polygons[0][0];
        assert_eq!(backwards.first(), Some(&(10.0, 20.0)));
        assert_eq!(backwards[1], (10.0, 22.0));
        // Both arcs are shared by the two areas: both are borders.
        assert_eq!(atlas.borders.len(), 2);
        assert!(decode(json, "b").is_err());
        assert!(
            decode(
                r#"{"arcs":[[[0,0]]],"objects":{"a":{"type":"Polygon","arcs":[[5]]}}}"#,
                "a"
            )
            .is_err()
        );
    }

    #[test]
    fn the_bundled_atlas_knows_germany_where_it_is() {
        let de = world()
            .areas
            .iter()
            .find(|a| a.name == "Germany")
            .expect("Germany in Natural Earth");
        let (w, s, e, n) = de.bbox();
        for (got, want) in [(w, 5.87), (s, 47.27), (e, 15.04), (n, 55.06)] {
            assert!((got - want).abs() < 0.15, "{:?} vs {want}", (w, s, e, n));
        }
        assert!(world().areas.len() > 200);
        assert!(world().borders.len() > 100);
        assert!(!land().areas.is_empty());
    }

    #[test]
    fn clipping_keeps_the_part_inside_the_frame() {
        let square = vec![(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)];
        let clipped = clip_polygon(square, (0.0, 0.0, 10.0, 10.0));
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in &clipped {
            (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
        }
        assert_eq!((x0, y0, x1, y1), (0.0, 0.0, 5.0, 5.0));
        let line = [
            (-10.0, 1.0),
            (-5.0, 1.0),
            (1.0, 1.0),
            (2.0, 1.0),
            (20.0, 30.0),
            (30.0, 30.0),
        ];
        let runs = runs_inside(&line, (0.0, 0.0, 10.0, 10.0));
        assert_eq!(runs, vec![&line[1..5]]);
        assert_eq!(
            thin(
                [(0.0, 0.0), (0.1, 0.0), (0.2, 0.0), (3.0, 0.0)].into_iter(),
                1.0
            )
            .len(),
            2
        );
    }
}
