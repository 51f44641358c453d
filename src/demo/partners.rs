//! The demo's partner searches: a few organisations on each network say they are looking
//! for partners, so that `/partners` lists them across the three networks and the editors'
//! suggestions (`/editor/stadt-dortmund/suggestions`) have candidates that look back.

use super::DemoInstance;
use crate::db::models::actor::DbActor;
use crate::db::models::partner_search::DbPartnerSearch;
use crate::partners::LookingInput;
use anyhow::Context;

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// (network, handle, what it looks for).
fn searches() -> Vec<(&'static str, &'static str, LookingInput)> {
    vec![
        (
            "nrw",
            "stadt-dortmund",
            LookingInput {
                purposes: strings(&["learning", "project"]),
                countries: strings(&["FR", "PL"]),
                themes: strings(&["climate", "structural-change"]),
                languages: strings(&["fr", "de"]),
                population_min: Some(100_000),
                partner_kinds: strings(&["municipality"]),
                description: "Wir suchen Städte, die wie wir an der kommunalen Wärmeplanung \
                              arbeiten, um voneinander zu lernen."
                    .into(),
                ..LookingInput::default()
            },
        ),
        (
            "nrw",
            "stadt-essen",
            LookingInput {
                purposes: strings(&["school-exchange"]),
                countries: strings(&["FR"]),
                themes: strings(&["youth", "education"]),
                languages: strings(&["fr"]),
                description: "Schulen in Essen suchen Partnerschulen in Frankreich.".into(),
                ..LookingInput::default()
            },
        ),
        (
            "afccre",
            "ville-lille",
            LookingInput {
                purposes: strings(&["learning"]),
                countries: strings(&["DE"]),
                themes: strings(&["climate", "mobility"]),
                languages: strings(&["de", "fr"]),
                population_min: Some(50_000),
                description: "Lille cherche des villes allemandes pour échanger sur les plans \
                              chaleur et la mobilité."
                    .into(),
                ..LookingInput::default()
            },
        ),
        (
            "afccre",
            "ville-grenoble",
            LookingInput {
                purposes: strings(&["twinning", "project"]),
                themes: strings(&["environment", "climate"]),
                languages: strings(&["fr", "it"]),
                description: "Grenoble cherche un nouveau jumelage autour de la transition.".into(),
                ..LookingInput::default()
            },
        ),
        (
            "dfi",
            "stadt-ludwigsburg",
            LookingInput {
                purposes: strings(&["twinning"]),
                countries: strings(&["PL", "IT"]),
                themes: strings(&["european-integration", "youth"]),
                languages: strings(&["de", "fr"]),
                ..LookingInput::default()
            },
        ),
    ]
}

/// Stores the searches on their networks; how many were stored.
pub async fn seed(instances: &[DemoInstance]) -> anyhow::Result<usize> {
    let mut count = 0;
    for (network, handle, input) in searches() {
        let Some(d) = instances.iter().find(|d| d.network == network) else {
            continue;
        };
        let mut conn = d.instance.state.pool.get().await?;
        let org = DbActor::local_by_handle(&mut conn, handle)
            .await?
            .with_context(|| format!("the demo has no {handle} on {network}"))?;
        let data = input
            .validate()
            .map_err(|e| anyhow::anyhow!("demo partner search of {handle}: {e}"))?;
        DbPartnerSearch::put(&mut conn, org.id, &data).await?;
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_searches_are_valid() {
        for (_, handle, input) in searches() {
            assert!(input.validate().is_ok(), "{handle}");
        }
    }
}
