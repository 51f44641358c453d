//! Funding programmes: the row with its parts ⇄ `FundingProgrammeJson`. What a peer sends is
//! read into the same data an editor's input becomes, kept within the same bounds: unknown
//! countries, themes and kinds of organisation are left out, impossible ranges dropped,
//! texts cut to length, so that a peer's mistake costs a field, not the programme.

use crate::db::models::funding::{CallData, DurationUnit, ProgrammeData, ProgrammeFull, TextData};
use crate::federation::protocol::funding::{
    CallJson, FUNDING_CALL, FUNDING_PROGRAMME, FundingProgrammeJson,
};
use crate::funding::{DESCRIPTION_MAX, NAME_MAX, countries, web_link};
use crate::vocab::{Lang, OrgKind};
use std::collections::BTreeMap;
use url::Url;

/// The document of a programme, attributed to its network's instance actor.
pub fn to_json(full: &ProgrammeFull, network: &Url) -> FundingProgrammeJson {
    let p = &full.programme;
    let main = full.texts.first();
    let name_map: BTreeMap<String, String> = full
        .texts
        .iter()
        .map(|t| (t.language.clone(), t.name.clone()))
        .collect();
    let content_map: BTreeMap<String, String> = full
        .texts
        .iter()
        .filter(|t| !t.description.is_empty())
        .map(|t| (t.language.clone(), t.description.clone()))
        .collect();
    FundingProgrammeJson {
        kind: FUNDING_PROGRAMME.to_string(),
        id: p.ap_id.0.clone(),
        attributed_to: network.clone(),
        name: main.map(|t| t.name.clone()),
        name_map,
        content: main
            .map(|t| t.description.clone())
            .filter(|d| !d.is_empty()),
        content_map,
        url: p.link.as_deref().and_then(|l| Url::parse(l).ok()),
        funder: Some(p.funder.clone()),
        applicant_kinds: p.applicant_kinds.clone(),
        eligible_countries: p.countries.clone(),
        required_countries: p.required_countries.clone(),
        min_partners: p.min_partners.map(i64::from),
        min_countries: p.min_countries.map(i64::from),
        min_eu_countries: p.min_eu_countries.map(i64::from),
        min_participants: p.min_participants.map(i64::from),
        min_invited: p.min_invited.map(i64::from),
        grant_min: p.grant_min,
        grant_max: p.grant_max,
        lump_sums: p.lump_sums.clone(),
        currency: Some("EUR".to_string()),
        cofunding_rate: p.cofunding_rate.map(i64::from),
        duration_min: p.duration_min.map(i64::from),
        duration_max: p.duration_max.map(i64::from),
        duration_unit: Some(p.duration_unit.code().to_string()),
        themes: p.themes.clone(),
        calls: full
            .calls
            .iter()
            .map(|c| CallJson {
                kind: FUNDING_CALL.to_string(),
                name: Some(c.label.clone()).filter(|l| !l.is_empty()),
                opens_on: c.opens_on,
                deadline: c.deadline,
            })
            .collect(),
        published: Some(p.published),
        updated: Some(p.updated),
    }
}

fn cut(s: &str, max: usize) -> String {
    s.trim().chars().take(max).collect()
}

fn count<T: TryFrom<i64>>(v: Option<i64>) -> Option<T> {
    v.filter(|n| *n >= 0).and_then(|n| T::try_from(n).ok())
}

/// A received programme as stored data, or why it cannot be kept (it has no name in any of
/// our languages). `fallback` is the language of a `name` given without a `nameMap`.
pub fn from_json(json: &FundingProgrammeJson, fallback: Lang) -> Result<ProgrammeData, String> {
    let mut names = json.name_map.clone();
    if names.is_empty()
        && let Some(n) = &json.name
    {
        names.insert(fallback.code().to_string(), n.clone());
    }
    let mut texts: Vec<TextData> = Vec::new();
    // The main language (the one `name` is in) first, then the others as our list orders them.
    let main = names
        .iter()
        .find(|(_, n)| Some(*n) == json.name.as_ref())
        .map(|(l, _)| l.clone());
    let mut langs: Vec<Lang> = Lang::ALL.to_vec();
    langs.sort_by_key(|l| Some(l.code()) != main.as_deref());
    for lang in langs {
        let Some(name) = names.get(lang.code()).map(|n| cut(n, NAME_MAX)) else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        let description = json
            .content_map
            .get(lang.code())
            .or(json
                .content
                .as_ref()
                .filter(|_| json.content_map.is_empty()))
            .map(|d| cut(d, DESCRIPTION_MAX))
            .unwrap_or_default();
        texts.push(TextData {
            language: lang.code().to_string(),
            name,
            description,
        });
    }
    if texts.is_empty() {
        return Err("a FundingProgramme needs a name in one of our languages".into());
    }
    let known_countries = |list: &[String]| -> Vec<String> {
        let mut out: Vec<String> = list
            .iter()
            .filter_map(|c| countries::normalise(c))
            .collect();
        out.dedup();
        out
    };
    let mut applicant_kinds: Vec<String> = json
        .applicant_kinds
        .iter()
        .filter_map(|k| k.parse::<OrgKind>().ok())
        .map(|k| k.code().to_string())
        .collect();
    applicant_kinds.dedup();
    let grant_min = count::<i64>(json.grant_min);
    let grant_max = count::<i64>(json.grant_max).filter(|hi| grant_min.is_none_or(|lo| *hi >= lo));
    let duration_min = count::<i32>(json.duration_min);
    let duration_max =
        count::<i32>(json.duration_max).filter(|hi| duration_min.is_none_or(|lo| *hi >= lo));
    let mut lump_sums: Vec<i64> = json.lump_sums.iter().copied().filter(|s| *s > 0).collect();
    lump_sums.sort_unstable();
    lump_sums.dedup();
    Ok(ProgrammeData {
        funder: cut(json.funder.as_deref().unwrap_or_default(), 300),
        link: json.url.as_ref().and_then(|u| web_link(u.as_str())),
        applicant_kinds,
        countries: known_countries(&json.eligible_countries),
        required_countries: known_countries(&json.required_countries),
        min_partners: count(json.min_partners),
        min_countries: count(json.min_countries),
        min_eu_countries: count(json.min_eu_countries),
        min_participants: count(json.min_participants),
        min_invited: count(json.min_invited),
        grant_min,
        grant_max,
        lump_sums,
        cofunding_rate: count::<i16>(json.cofunding_rate).filter(|r| (1..=100).contains(r)),
        duration_min,
        duration_max,
        duration_unit: json
            .duration_unit
            .as_deref()
            .and_then(DurationUnit::parse)
            .unwrap_or_default(),
        themes: json
            .themes
            .iter()
            .filter_map(|t| crate::vocab::theme(t))
            .map(|t| t.slug.to_string())
            .collect(),
        texts,
        calls: json
            .calls
            .iter()
            .filter(|c| match (c.opens_on, c.deadline) {
                (Some(open), Some(end)) => end.date_naive() >= open,
                _ => true,
            })
            .take(crate::funding::CALLS_MAX)
            .map(|c| CallData {
                opens_on: c.opens_on,
                deadline: c.deadline,
                label: cut(c.name.as_deref().unwrap_or_default(), 200),
            })
            .collect(),
    })
}
