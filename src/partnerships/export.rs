//! Open-data exports of organisations and partnerships (CSV, JSON, GeoJSON).
//!
//! Each export is built from one column list, so CSV and JSON carry the same fields under the
//! same names, and the GeoJSON properties are the JSON rows. The partnership columns use the
//! import's names (`name_a`, `country_a`, `code_a`, …), so an exported list can be imported
//! on another instance as it is.
//!
//! These functions export what they are given: the caller decides which organisations are
//! public (discoverable) and which partnerships are shown.

use crate::db::models::actor::DbActor;
use crate::db::models::partnership::PartnershipFull;
use serde_json::{Map, Value, json};

/// One exported value, rendered as a CSV cell or a JSON value.
pub(crate) enum Cell {
    Text(Option<String>),
    Int(Option<i64>),
    Float(Option<f64>),
    Bool(bool),
    List(Vec<String>),
}

impl Cell {
    pub(crate) fn text(s: &str) -> Cell {
        Cell::Text(Some(s.to_string()))
    }

    fn opt(s: &Option<String>) -> Cell {
        Cell::Text(s.clone())
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => s.as_deref().map(neutralise).unwrap_or_default(),
            Cell::Int(n) => n.map(|n| n.to_string()).unwrap_or_default(),
            Cell::Float(f) => f
                .filter(|f| f.is_finite())
                .map(|f| f.to_string())
                .unwrap_or_default(),
            Cell::Bool(b) => b.to_string(),
            Cell::List(items) => items.join(";"),
        }
    }

    fn json(self) -> Value {
        match self {
            Cell::Text(s) => s.map_or(Value::Null, Value::String),
            Cell::Int(n) => n.map_or(Value::Null, Value::from),
            // A non-finite float becomes null.
            Cell::Float(f) => f.map_or(Value::Null, Value::from),
            Cell::Bool(b) => Value::Bool(b),
            Cell::List(items) => Value::from(items),
        }
    }
}

/// A text cell that a spreadsheet would run as a formula gets a leading `'`: names come from
/// other servers, and these files are opened in Excel by people who trust them.
fn neutralise(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

const ORGANISATION_COLUMNS: [&str; 11] = [
    "id",
    "handle",
    "name",
    "kind",
    "country",
    "region",
    "official_code",
    "population",
    "website",
    "latitude",
    "longitude",
];

/// A local organisation's handle, or `handle@domain` for one on another server.
fn handle(a: &DbActor) -> String {
    if a.local {
        a.handle.clone()
    } else {
        format!("{}@{}", a.handle, a.domain)
    }
}

fn organisation_cells(a: &DbActor) -> [Cell; 11] {
    [
        Cell::text(a.ap_id.as_str()),
        Cell::Text(Some(handle(a))),
        Cell::text(&a.name),
        Cell::opt(&a.org_kind),
        Cell::opt(&a.country),
        Cell::opt(&a.region),
        Cell::opt(&a.official_code),
        Cell::Int(a.population),
        Cell::opt(&a.website),
        Cell::Float(a.latitude),
        Cell::Float(a.longitude),
    ]
}

const PARTNERSHIP_COLUMNS: [&str; 19] = [
    "id",
    "name_a",
    "id_a",
    "country_a",
    "region_a",
    "code_a",
    "name_b",
    "id_b",
    "country_b",
    "region_b",
    "code_b",
    "kind",
    "founded_year",
    "status",
    "ended_on",
    "confirmed",
    "imported",
    "languages",
    "themes",
];

fn partnership_cells(r: &PartnershipFull) -> [Cell; 19] {
    let p = &r.partnership;
    let (a, b) = (&r.subject, &r.object);
    [
        Cell::text(&p.ap_id),
        Cell::text(&a.name),
        Cell::text(a.ap_id.as_str()),
        Cell::opt(&a.country),
        Cell::opt(&a.region),
        Cell::opt(&a.official_code),
        Cell::text(&b.name),
        Cell::text(b.ap_id.as_str()),
        Cell::opt(&b.country),
        Cell::opt(&b.region),
        Cell::opt(&b.official_code),
        Cell::text(p.kind.code()),
        Cell::Int(p.founded_year.map(i64::from)),
        Cell::text(p.status.code()),
        Cell::Text(p.ended_on.map(|d| d.format("%Y-%m-%d").to_string())),
        Cell::Bool(p.confirmed),
        Cell::Bool(p.imported),
        Cell::List(p.languages.clone()),
        Cell::List(p.themes.clone()),
    ]
}

fn object<const N: usize>(columns: &[&str; N], cells: [Cell; N]) -> Map<String, Value> {
    columns
        .iter()
        .zip(cells)
        .map(|(c, v)| (c.to_string(), v.json()))
        .collect()
}

/// A CSV file with a header row: every CSV the server writes (open data, statistics) goes
/// through here, so that no text cell can be run as a formula.
pub(crate) fn to_csv<const N: usize>(
    columns: &[&str; N],
    rows: impl Iterator<Item = [Cell; N]>,
) -> String {
    match try_csv(columns, rows) {
        Ok(s) => s,
        // Writing into memory does not fail; should it ever, say so rather than panic.
        Err(e) => {
            tracing::error!(error = %e, "writing a CSV export failed");
            String::new()
        }
    }
}

fn try_csv<const N: usize>(
    columns: &[&str; N],
    rows: impl Iterator<Item = [Cell; N]>,
) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(columns)?;
    for cells in rows {
        w.write_record(cells.iter().map(Cell::csv))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Organisations as CSV, with a header row.
pub fn organisations_csv(orgs: &[DbActor]) -> String {
    to_csv(&ORGANISATION_COLUMNS, orgs.iter().map(organisation_cells))
}

/// Organisations as a JSON array of objects (the CSV's columns as keys).
pub fn organisations_json(orgs: &[DbActor]) -> Value {
    Value::Array(
        orgs.iter()
            .map(|a| Value::Object(object(&ORGANISATION_COLUMNS, organisation_cells(a))))
            .collect(),
    )
}

/// Partnerships as CSV, with a header row; languages and themes joined by `;`.
pub fn partnerships_csv(rows: &[PartnershipFull]) -> String {
    to_csv(&PARTNERSHIP_COLUMNS, rows.iter().map(partnership_cells))
}

/// Partnerships as a JSON array of objects (the CSV's columns as keys).
pub fn partnerships_json(rows: &[PartnershipFull]) -> Value {
    Value::Array(
        rows.iter()
            .map(|r| Value::Object(object(&PARTNERSHIP_COLUMNS, partnership_cells(r))))
            .collect(),
    )
}

/// A GeoJSON position (`[longitude, latitude]`), if the organisation has coordinates.
fn position(a: &DbActor) -> Option<[f64; 2]> {
    match (a.longitude, a.latitude) {
        (Some(lon), Some(lat)) if lon.is_finite() && lat.is_finite() => Some([lon, lat]),
        _ => None,
    }
}

fn feature(kind: &str, id: &str, geometry: Value, properties: Map<String, Value>) -> Value {
    let mut props = Map::new();
    props.insert("feature".into(), Value::from(kind));
    props.extend(properties);
    json!({"type": "Feature", "id": id, "geometry": geometry, "properties": props})
}

/// A FeatureCollection: a Point per organisation with coordinates and a LineString per
/// partnership whose both sides have coordinates. Properties are the JSON exports' rows plus
/// `"feature": "organisation"` or `"partnership"`.
pub fn geojson(orgs: &[DbActor], rows: &[PartnershipFull]) -> Value {
    let points = orgs.iter().filter_map(|a| {
        let at = position(a)?;
        Some(feature(
            "organisation",
            a.ap_id.as_str(),
            json!({"type": "Point", "coordinates": at}),
            object(&ORGANISATION_COLUMNS, organisation_cells(a)),
        ))
    });
    let lines = rows.iter().filter_map(|r| {
        let from = position(&r.subject)?;
        let to = position(&r.object)?;
        Some(feature(
            "partnership",
            &r.partnership.ap_id,
            json!({"type": "LineString", "coordinates": [from, to]}),
            object(&PARTNERSHIP_COLUMNS, partnership_cells(r)),
        ))
    });
    json!({"type": "FeatureCollection", "features": points.chain(lines).collect::<Vec<_>>()})
}

/// One open-data file by name (`organisations.csv|json`, `partnerships.csv|json|geojson`):
/// its content type and body, or `None` for an unknown name. The GeoJSON places both sides
/// of every partnership, local or not. Organisations that are not discoverable are left out.
pub fn file(
    name: &str,
    orgs: &[DbActor],
    rows: &[PartnershipFull],
) -> Option<(&'static str, String)> {
    let orgs: Vec<DbActor> = orgs.iter().filter(|o| o.discoverable).cloned().collect();
    let csv = "text/csv; charset=utf-8";
    let json = "application/json";
    Some(match name {
        "organisations.csv" => (csv, organisations_csv(&orgs)),
        "organisations.json" => (json, organisations_json(&orgs).to_string()),
        "partnerships.csv" => (csv, partnerships_csv(rows)),
        "partnerships.json" => (json, partnerships_json(rows).to_string()),
        "partnerships.geojson" => {
            let mut places = orgs;
            for p in rows {
                for side in [&p.subject, &p.object] {
                    if !places.iter().any(|o| o.id == side.id) {
                        places.push(side.clone());
                    }
                }
            }
            ("application/geo+json", geojson(&places, rows).to_string())
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("Köln"), "Köln");
        assert_eq!(Cell::Float(Some(-1.5)).csv(), "-1.5");
        assert_eq!(Cell::Float(Some(f64::NAN)).csv(), "");
        assert_eq!(Cell::Float(Some(f64::NAN)).json(), Value::Null);
        assert_eq!(Cell::List(vec!["de".into(), "fr".into()]).csv(), "de;fr");
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let csv = to_csv(
            &["name", "n"],
            [[Cell::text("Frankfurt, \"am\" Main"), Cell::Int(None)]].into_iter(),
        );
        assert_eq!(csv, "name,n\n\"Frankfurt, \"\"am\"\" Main\",\n");
    }
}
