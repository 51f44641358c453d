//! Labels that do not collide: each name tries a few positions around its point, in order of
//! preference, and takes the first whose box stays inside the frame and overlaps neither a
//! point nor a label placed before it. Names that find no place are left out; the point keeps
//! its tooltip and link, and the table under the map lists every partnership.

/// An axis-aligned box in view units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bbox {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Bbox {
    pub fn overlaps(&self, o: &Bbox) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn inside(&self, o: &Bbox) -> bool {
        self.x0 >= o.x0 && self.x1 <= o.x1 && self.y0 >= o.y0 && self.y1 <= o.y1
    }
}

/// A label to place: a name at a point.
pub struct Site<'a> {
    pub x: f64,
    pub y: f64,
    pub name: &'a str,
}

/// Where a label went: the text's anchor point (on its baseline) and its alignment.
#[derive(Debug)]
pub struct Placed {
    /// Index of the site.
    pub site: usize,
    pub x: f64,
    pub y: f64,
    pub anchor: &'static str,
    pub bbox: Bbox,
}

/// The width of a name in a sans-serif font of size `font`: a slightly generous average
/// advance, so that the estimated box covers the drawn text.
fn text_width(name: &str, font: f64) -> f64 {
    name.chars()
        .map(|c| {
            if c.is_uppercase() || c == 'm' || c == 'w' {
                0.78
            } else if c == ' ' || c == 'i' || c == 'l' || c == '.' || c == '-' {
                0.32
            } else {
                0.58
            }
        })
        .sum::<f64>()
        * font
}

/// Places labels for `sites` in the order given (most important first); `r` is the points'
/// radius, `font` the font size, both in view units, `frame` the visible area.
pub fn place(sites: &[Site], r: f64, font: f64, frame: Bbox) -> Vec<Placed> {
    let points: Vec<Bbox> = sites
        .iter()
        .map(|s| Bbox {
            x0: s.x - r,
            y0: s.y - r,
            x1: s.x + r,
            y1: s.y + r,
        })
        .collect();
    let mut placed: Vec<Placed> = Vec::new();
    for (i, s) in sites.iter().enumerate() {
        let found = candidates(s, r, font).into_iter().find(|c| {
            c.bbox.inside(&frame)
                && !points.iter().any(|p| p.overlaps(&c.bbox))
                && !placed.iter().any(|p| p.bbox.overlaps(&c.bbox))
        });
        if let Some(c) = found {
            placed.push(Placed { site: i, ..c });
        }
    }
    placed
}

/// Positions around a point, best first: right, left, above, below, then the diagonals.
fn candidates(s: &Site, r: f64, font: f64) -> Vec<Placed> {
    let w = text_width(s.name, font);
    let gap = r + font * 0.25;
    // A line box: the ascent above the baseline, the descent below.
    let (up, down) = (font * 0.8, font * 0.25);
    let mid = s.y + font * 0.3;
    let spots = [
        (s.x + gap, mid, "start"),
        (s.x - gap, mid, "end"),
        (s.x, s.y - gap - down, "middle"),
        (s.x, s.y + gap + up, "middle"),
        (s.x + gap * 0.7, s.y - gap * 0.7 - down, "start"),
        (s.x + gap * 0.7, s.y + gap * 0.7 + up, "start"),
        (s.x - gap * 0.7, s.y - gap * 0.7 - down, "end"),
        (s.x - gap * 0.7, s.y + gap * 0.7 + up, "end"),
    ];
    spots
        .into_iter()
        .map(|(x, y, anchor)| {
            let x0 = match anchor {
                "start" => x,
                "end" => x - w,
                _ => x - w / 2.0,
            };
            Placed {
                site: 0,
                x,
                y,
                anchor,
                bbox: Bbox {
                    x0,
                    y0: y - up,
                    x1: x0 + w,
                    y1: y + down,
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_labels_take_other_sides_or_are_left_out() {
        // Three points in a row, 30 units apart: the middle one's name cannot go right or left.
        let sites = [
            Site {
                x: 100.0,
                y: 100.0,
                name: "Essen",
            },
            Site {
                x: 130.0,
                y: 100.0,
                name: "Bochum",
            },
            Site {
                x: 160.0,
                y: 100.0,
                name: "Dortmund",
            },
        ];
        let frame = Bbox {
            x0: 0.0,
            y0: 0.0,
            x1: 400.0,
            y1: 200.0,
        };
        let placed = place(&sites, 5.0, 13.0, frame);
        assert_eq!(placed.len(), 3, "{placed:?}");
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.bbox.overlaps(&b.bbox), "{a:?} {b:?}");
            }
        }
        // Essen's name would cover Bochum's point, Bochum's both neighbours' points.
        let anchors: Vec<_> = placed.iter().map(|p| p.anchor).collect();
        assert_eq!(anchors, ["end", "middle", "start"]);
        // A frame too small for any name: nothing is placed.
        let tiny = Bbox {
            x0: 95.0,
            y0: 95.0,
            x1: 165.0,
            y1: 105.0,
        };
        assert!(place(&sites, 5.0, 13.0, tiny).is_empty());
    }
}
