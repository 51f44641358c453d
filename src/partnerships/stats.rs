//! Statistics of partnerships: per region, per country pair, per kind, per founding decade,
//! and the share confirmed. Across the federation a partnership is counted once: each one has
//! a key made of its kind and its two sides (by LAU code where known, given or derived from a
//! national code that is one, else by official code, else by actor id), whichever side
//! proposed it; instances exchange their records and merge them by key. Regions are NUTS
//! regions (at the level of each country's own regions, see `crate::nuts`) where the sides
//! have a NUTS code, so that regions and region pairs compare across every EU country.

use crate::db::models::partnership::{DbPartnership, PartnershipFull};
use crate::error::AppError;
use crate::partnerships::export::{Cell, to_csv as to_csv_file};
use crate::state::AppState;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

/// What an instance shares of a partnership for federation statistics.
#[derive(utoipa::ToSchema, Debug, Clone, Serialize, Deserialize, PartialEq)]
#[schema(as = PartnershipRecord)]
pub struct Record {
    pub key: String,
    pub kind: String,
    pub countries: [Option<String>; 2],
    pub regions: [Option<String>; 2],
    /// The sides' NUTS codes, where known.
    #[serde(default)]
    pub nuts: [Option<String>; 2],
    pub founded_year: Option<i32>,
    pub status: String,
    pub confirmed: bool,
}

fn side_key(a: &crate::db::models::actor::DbActor) -> String {
    let lau = crate::nuts::lau_of(
        a.lau.as_deref(),
        a.country.as_deref(),
        a.official_code.as_deref(),
    );
    match (lau, &a.country, &a.official_code) {
        (Some(lau), _, _) => format!("LAU:{lau}"),
        (None, Some(c), Some(code)) => format!("{c}:{code}"),
        _ => a.ap_id.to_string(),
    }
}

pub fn record(p: &PartnershipFull) -> Record {
    let (mut x, mut y) = (&p.subject, &p.object);
    if side_key(x) > side_key(y) {
        std::mem::swap(&mut x, &mut y);
    }
    Record {
        key: format!("{}|{}|{}", p.partnership.kind, side_key(x), side_key(y)),
        kind: p.partnership.kind.code().into(),
        countries: [x.country.clone(), y.country.clone()],
        regions: [x.region.clone(), y.region.clone()],
        nuts: [x.nuts.clone(), y.nuts.clone()],
        founded_year: p.partnership.founded_year,
        status: p.partnership.status.code().into(),
        confirmed: p.partnership.confirmed,
    }
}

/// Merges records from several instances: one per key; confirmed if any side says so.
pub fn merge(sources: impl IntoIterator<Item = Record>) -> Vec<Record> {
    let mut by_key: HashMap<String, Record> = HashMap::new();
    for r in sources {
        by_key
            .entry(r.key.clone())
            .and_modify(|e| {
                e.confirmed |= r.confirmed;
                e.founded_year = e.founded_year.or(r.founded_year);
            })
            .or_insert(r);
    }
    let mut out: Vec<Record> = by_key.into_values().collect();
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

/// Whether a network's records went into the statistics.
#[derive(utoipa::ToSchema, Debug, Clone, Serialize)]
#[schema(as = StatsNetwork)]
pub struct NetworkAnswer {
    pub network: String,
    pub answered: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// This instance's records and, for the federation scope, every peer's (each asked for at
/// most 3 s; a peer that does not answer is named, not fatal). Not yet merged.
pub async fn gather(
    state: &AppState,
    federation: bool,
) -> Result<(Vec<Record>, Vec<NetworkAnswer>), AppError> {
    let mut conn = state.conn().await?;
    let mut all: Vec<Record> = DbPartnership::all(&mut conn)
        .await?
        .iter()
        .map(record)
        .collect();
    drop(conn);
    let mut networks = vec![NetworkAnswer {
        network: state.config.instance.domain.clone(),
        answered: true,
        error: None,
    }];
    if !federation {
        return Ok((all, networks));
    }
    let client = state.http.clone();
    let calls = state.config.federation.peers.iter().map(|peer| {
        let url = format!(
            "{}://{peer}/api/v1/partnerships/records",
            state.config.scheme()
        );
        let client = client.clone();
        async move {
            let res = tokio::time::timeout(Duration::from_secs(3), async {
                client
                    .get(&url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Vec<Record>>()
                    .await
            })
            .await;
            (peer.clone(), res)
        }
    });
    for (peer, res) in futures::future::join_all(calls).await {
        let (answered, error) = match res {
            Ok(Ok(records)) => {
                all.extend(records);
                (true, None)
            }
            Ok(Err(e)) => (false, Some(e.to_string())),
            Err(_) => (false, Some("timed out".to_string())),
        };
        networks.push(NetworkAnswer {
            network: peer,
            answered,
            error,
        });
    }
    Ok((all, networks))
}

#[derive(utoipa::ToSchema, Debug, Clone, Serialize, Default)]
#[schema(as = PartnershipStatistics)]
pub struct Stats {
    pub total: usize,
    pub confirmed: usize,
    pub share_confirmed: f64,
    pub by_kind: BTreeMap<String, usize>,
    /// `DE–FR` (countries in alphabetical order).
    pub by_country_pair: BTreeMap<String, usize>,
    /// Each partnership counts for the region of each side: its NUTS region code (`DEA`,
    /// `ITI4`) where the side has a NUTS code, else the region its profile names.
    pub by_region: BTreeMap<String, usize>,
    /// `DEA–FRE`: the NUTS regions of the two sides (in code order), where both are known.
    pub by_region_pair: BTreeMap<String, usize>,
    /// `1950s`, …; `unknown` without a founding year.
    pub by_decade: BTreeMap<String, usize>,
}

pub fn compute(records: &[Record]) -> Stats {
    let mut s = Stats {
        total: records.len(),
        ..Stats::default()
    };
    for r in records {
        if r.confirmed {
            s.confirmed += 1;
        }
        *s.by_kind.entry(r.kind.clone()).or_default() += 1;
        let mut cs: Vec<String> = r
            .countries
            .iter()
            .map(|c| c.clone().unwrap_or_else(|| "?".into()))
            .collect();
        cs.sort();
        *s.by_country_pair.entry(cs.join("–")).or_default() += 1;
        let nuts = r.nuts.clone().map(|n| {
            n.as_deref()
                .and_then(crate::nuts::statistics_region)
                .map(String::from)
        });
        let mut regions: Vec<&String> = nuts
            .iter()
            .zip(&r.regions)
            .filter_map(|(n, named)| n.as_ref().or(named.as_ref()))
            .collect();
        regions.dedup();
        for region in regions {
            *s.by_region.entry(region.clone()).or_default() += 1;
        }
        if let [Some(a), Some(b)] = &nuts {
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            *s.by_region_pair.entry(format!("{a}–{b}")).or_default() += 1;
        }
        let decade = r
            .founded_year
            .map(|y| format!("{}s", y - y.rem_euclid(10)))
            .unwrap_or_else(|| "unknown".into());
        *s.by_decade.entry(decade).or_default() += 1;
    }
    s.share_confirmed = if s.total == 0 {
        0.0
    } else {
        s.confirmed as f64 / s.total as f64
    };
    s
}

/// The statistics as CSV: `dimension,value,count`, written like the open-data files (values
/// come from other servers too, so a formula in one is neutralised).
pub fn to_csv(s: &Stats) -> String {
    let dimensions = [
        ("kind", &s.by_kind),
        ("country_pair", &s.by_country_pair),
        ("region", &s.by_region),
        ("region_pair", &s.by_region_pair),
        ("decade", &s.by_decade),
    ];
    let count = |n: usize| Cell::Int(i64::try_from(n).ok());
    let rows = dimensions
        .into_iter()
        .flat_map(|(dim, m)| {
            m.iter()
                .map(move |(k, v)| [Cell::text(dim), Cell::text(k), count(*v)])
        })
        .chain([
            [Cell::text("total"), Cell::text("all"), count(s.total)],
            [
                Cell::text("confirmed"),
                Cell::text("all"),
                count(s.confirmed),
            ],
        ]);
    to_csv_file(&["dimension", "value", "count"], rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(key: &str, confirmed: bool) -> Record {
        Record {
            key: key.into(),
            kind: "twinning".into(),
            countries: [Some("FR".into()), Some("DE".into())],
            regions: [
                Some("Hauts-de-France".into()),
                Some("Nordrhein-Westfalen".into()),
            ],
            nuts: [None, None],
            founded_year: Some(1960),
            status: "active".into(),
            confirmed,
        }
    }

    #[test]
    fn the_same_partnership_from_two_instances_counts_once() {
        let merged = merge([
            rec("twinning|DE:05913000|FR:80021", true),
            rec("twinning|DE:05913000|FR:80021", false),
            rec("friendship|x|y", false),
        ]);
        assert_eq!(merged.len(), 2);
        let s = compute(&merged);
        assert_eq!((s.total, s.confirmed), (2, 1));
        assert_eq!(s.by_country_pair.get("DE–FR"), Some(&2));
        assert_eq!(s.by_decade.get("1960s"), Some(&2));
        assert_eq!(s.by_region.get("Nordrhein-Westfalen"), Some(&2));
        assert!(to_csv(&s).contains("\ncountry_pair,DE–FR,2\n"));
    }

    #[test]
    fn regions_and_region_pairs_come_from_nuts_in_every_country() {
        let mut rome_warsaw = rec("twinning|LAU:IT_058091|LAU:PL_1465011", true);
        rome_warsaw.countries = [Some("IT".into()), Some("PL".into())];
        rome_warsaw.regions = [None, Some("Mazowsze".into())];
        rome_warsaw.nuts = [Some("ITI43".into()), Some("PL911".into())];
        let mut dortmund_amiens = rec("twinning|LAU:DE_05913000|LAU:FR_80021", true);
        dortmund_amiens.nuts = [Some("FRE22".into()), Some("DEA52".into())];
        let mut half = rec("twinning|LAU:DE_05913000|x", false);
        half.nuts = [None, Some("DEA52".into())];
        let s = compute(&[rome_warsaw, dortmund_amiens, half]);
        assert_eq!(s.by_region_pair.get("ITI4–PL91"), Some(&1), "{s:?}");
        assert_eq!(s.by_region_pair.get("DEA–FRE"), Some(&1), "{s:?}");
        assert_eq!(s.by_region_pair.len(), 2, "only where both sides are known");
        assert_eq!(s.by_region.get("DEA"), Some(&2));
        assert_eq!(s.by_region.get("ITI4"), Some(&1));
        assert_eq!(s.by_region.get("PL91"), Some(&1));
        assert_eq!(
            s.by_region.get("Hauts-de-France"),
            Some(&1),
            "a side without NUTS"
        );
        assert_eq!(s.by_region.get("Mazowsze"), None, "NUTS comes first");
        assert!(to_csv(&s).contains("\nregion_pair,ITI4–PL91,1\n"));
    }

    #[test]
    fn a_formula_in_a_value_is_neutralised() {
        let mut r = rec("twinning|x|y", true);
        r.regions = [Some("=HYPERLINK(\"https://evil.example\")".into()), None];
        r.kind = "+cmd".into();
        let csv = to_csv(&compute(&[r]));
        assert!(csv.starts_with("dimension,value,count\n"), "{csv}");
        assert!(
            csv.contains("region,\"'=HYPERLINK(\"\"https://evil.example\"\")\",1"),
            "{csv}"
        );
        assert!(csv.contains("kind,'+cmd,1"), "{csv}");
        assert!(csv.contains("total,all,1"), "{csv}");
    }
}
