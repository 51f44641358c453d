//! Statistics of partnerships as charts (inline SVG) with the same figures in tables: per
//! country pair, kind, founding decade and region, and the share confirmed by both sides;
//! for this network or across the connected ones (each partnership counted once).

use super::{Layout, PageLang, Section, render};
use crate::error::AppResult;
use crate::partnerships::stats::{self, NetworkAnswer};
use crate::state::AppState;
use crate::vocab::{Lang, PartnershipKind};
use crate::web::LangQuery;
use crate::web::charts::{Bar, bar_chart, share_chart};
use crate::web::i18n::{format_decade, format_number, format_percent};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Default, Deserialize)]
pub struct StatsParams {
    lang: Option<String>,
    scope: Option<String>,
}

/// One chart with its table.
pub struct Chart {
    pub id: &'static str,
    pub title: String,
    pub svg: String,
    /// (label, count)
    pub rows: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "statistics.html")]
struct StatsPage {
    layout: Layout,
    federation: bool,
    total: String,
    confirmed: String,
    share: String,
    share_svg: String,
    charts: Vec<Chart>,
    unreachable: Vec<String>,
    csv: String,
}

fn chart(id: &'static str, title: &str, lang: Lang, counts: Vec<(String, usize)>) -> Chart {
    let t = crate::web::i18n::strings(lang);
    let bars: Vec<Bar> = counts
        .into_iter()
        .map(|(label, value)| Bar {
            label,
            value,
            shown: format_number(value as i64, lang),
        })
        .collect();
    let desc = bars
        .iter()
        .map(|b| format!("{}{} {}", b.label, t.colon, b.shown))
        .collect::<Vec<_>>()
        .join(&format!("{} ", t.semicolon));
    Chart {
        id,
        title: title.to_string(),
        svg: bar_chart(id, title, &desc, t.colon, &bars),
        rows: bars.into_iter().map(|b| (b.label, b.shown)).collect(),
    }
}

/// A region as statistics count it: a NUTS region by its name where the table has one, else
/// as it is (a NUTS code without a known name, or a region named in a profile).
fn region_label(key: &str) -> String {
    crate::nuts::name(key).map_or_else(|| key.to_string(), |n| n.to_string())
}

/// Largest first, then by name.
fn by_count(m: &BTreeMap<String, usize>, label: impl Fn(&str) -> String) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = m.iter().map(|(k, n)| (label(k), *n)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

pub async fn statistics(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(p): Query<StatsParams>,
) -> AppResult<Response> {
    let pl = PageLang::of(
        &state,
        &headers,
        &LangQuery {
            lang: p.lang.clone(),
        },
    );
    let lang = pl.lang;
    let t = crate::web::i18n::strings(lang);
    let federation = p.scope.as_deref() == Some("federation");
    let (records, networks) = stats::gather(&state, federation).await?;
    let s = stats::compute(&stats::merge(records));
    let kind_label = |k: &str| {
        k.parse::<PartnershipKind>()
            .map(|k| k.label(lang).to_string())
            .unwrap_or_else(|_| k.to_string())
    };
    // Decades in time order, the unknown last.
    let mut decades: Vec<(String, usize)> = s
        .by_decade
        .iter()
        .filter(|(d, _)| d.as_str() != "unknown")
        .map(|(d, n)| (format_decade(d, lang), *n))
        .collect();
    if let Some(n) = s.by_decade.get("unknown") {
        decades.push((format_decade("unknown", lang), *n));
    }
    let mut charts = vec![
        chart(
            "pairs",
            t.by_country_pair,
            lang,
            by_count(&s.by_country_pair, |k| k.to_string()),
        ),
        chart("kinds", t.by_kind, lang, by_count(&s.by_kind, kind_label)),
        chart("decades", t.by_decade, lang, decades),
    ];
    if !s.by_region.is_empty() {
        let mut regions = by_count(&s.by_region, region_label);
        regions.truncate(20);
        charts.push(chart("regions", t.by_region, lang, regions));
    }
    if !s.by_region_pair.is_empty() {
        let mut pairs = by_count(&s.by_region_pair, |k| {
            k.split('–')
                .map(region_label)
                .collect::<Vec<_>>()
                .join(" – ")
        });
        pairs.truncate(20);
        let title = crate::locale::text(lang, "stats-by-region-pair").unwrap_or("NUTS");
        charts.push(chart("region-pairs", title, lang, pairs));
    }
    charts.retain(|c| !c.rows.is_empty());
    let share = format_percent(s.share_confirmed, lang);
    let share_desc = format!(
        "{}{} {share} ({} / {})",
        t.share_confirmed,
        t.colon,
        format_number(s.confirmed as i64, lang),
        format_number(s.total as i64, lang)
    );
    let scope = if federation { "federation" } else { "local" };
    let path = if federation {
        "/statistics?scope=federation"
    } else {
        "/statistics"
    };
    let layout = Layout::new(
        &state,
        pl,
        t.statistics.to_string(),
        path,
        Section::Statistics,
    );
    let page = StatsPage {
        federation,
        total: format_number(s.total as i64, lang),
        confirmed: format_number(s.confirmed as i64, lang),
        share_svg: share_chart(
            "share",
            t.share_confirmed,
            &share_desc,
            s.share_confirmed,
            &share,
        ),
        share,
        charts,
        unreachable: networks
            .into_iter()
            .filter(|n: &NetworkAnswer| !n.answered)
            .map(|n| n.network)
            .collect(),
        csv: format!("/api/v1/partnerships/stats?scope={scope}&format=csv"),
        layout,
    };
    render(&state, &page, &page.layout)
}
