//! Ranking this network's own organisations for a profile, in two passes so that 20,000
//! organisations cost one query and a little arithmetic:
//!
//! 1. every candidate (one query) is scored on its structured profile and partners of
//!    partners (one query), the posts' factors counting zero;
//! 2. the best `shortlist` of them get their latest posts read (one query) for goals in
//!    common and the similarity of words, are scored again, and the best `limit` kept.
//!
//! A candidate outside the shortlist cannot climb in on its posts alone: the price of not
//! reading every organisation's posts for every request.

use super::score::{self, Evidence};
use super::text::TermVector;
use super::{Candidate, Profile, Suggestion, order};
use crate::cache::Snapshot;
use crate::config::PartnersConfig;
use crate::db::models::partner_search::{CandidateRow, DbPartnerSearch, PostTexts};
use diesel::QueryResult;
use diesel_async::AsyncPgConnection;
use std::collections::HashMap;

/// Pass 1 on candidates already loaded: the organisation itself and its partners left
/// out, each scored on what needs no posts, best first, at most `keep`. Only the kept ones
/// become [`Suggestion`]s (names, reasons): for 20,000 candidates the score alone is cheap,
/// the rest is not.
pub fn first_pass(
    profile: &Profile,
    candidates: Vec<Candidate>,
    partners_of_partners: &HashMap<i64, Vec<String>>,
    w: &PartnersConfig,
    keep: usize,
) -> Vec<Suggestion> {
    let mut scored: Vec<(f64, &Candidate, Evidence)> = candidates
        .iter()
        .filter(|c| c.ap_id != profile.ap_id && !profile.partners.contains(&c.ap_id))
        .map(|c| {
            let pop = partners_of_partners.get(&c.id).cloned().unwrap_or_default();
            let e = score::evidence(profile, c, pop);
            (Suggestion::score_of(&e, w), c, e)
        })
        .collect();
    // Best first; equal scores by name, then id, as `order` has it.
    let best_first = |a: &(f64, &Candidate, Evidence), b: &(f64, &Candidate, Evidence)| {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.name.cmp(&b.1.name))
            .then_with(|| a.1.ap_id.cmp(&b.1.ap_id))
    };
    // A partial selection first, so that sorting 20,000 is avoided.
    if scored.len() > keep && keep > 0 {
        scored.select_nth_unstable_by(keep - 1, best_first);
    }
    scored.truncate(keep);
    scored.sort_by(best_first);
    scored
        .into_iter()
        .map(|(_, c, e)| Suggestion::new(c, e, w))
        .collect()
}

/// Pass 2: the posts' factors added, weighed again, best `limit` kept.
pub fn second_pass(
    profile: &Profile,
    shortlist: Vec<Suggestion>,
    posts: &HashMap<String, PostTexts>,
    w: &PartnersConfig,
    limit: usize,
) -> Vec<Suggestion> {
    let empty = PostTexts::default();
    let mut out: Vec<Suggestion> = shortlist
        .into_iter()
        .map(|mut s| {
            let p = posts.get(&s.ap_id).unwrap_or(&empty);
            let words = TermVector::of_texts(p.texts.iter().map(String::as_str));
            let e: Evidence = std::mem::take(&mut s.evidence);
            s.evidence = score::with_posts(e, profile, &words, &p.sdgs);
            s.weigh(w);
            s
        })
        .collect();
    order(&mut out);
    out.truncate(limit);
    out
}

/// The longest a process uses the candidates it read without hearing of a change: a
/// safety net only, as every change to them is announced (`crate::notify`).
const CANDIDATES_MAX_AGE: std::time::Duration = std::time::Duration::from_secs(600);

/// Every candidate, from the process's snapshot or read (and kept) anew.
pub async fn candidates(
    conn: &mut AsyncPgConnection,
    kept: &Snapshot<Vec<CandidateRow>>,
) -> QueryResult<Vec<Candidate>> {
    let rows = match kept.get(CANDIDATES_MAX_AGE) {
        Some(rows) => rows,
        None => {
            let generation = kept.generation();
            let rows = std::sync::Arc::new(DbPartnerSearch::candidates(conn).await?);
            kept.put(generation, rows.clone());
            rows
        }
    };
    Ok(rows.iter().map(Candidate::from).collect())
}

/// Our organisations best suited to `profile`.
pub async fn suggestions(
    conn: &mut AsyncPgConnection,
    kept: &Snapshot<Vec<CandidateRow>>,
    profile: &Profile,
    w: &PartnersConfig,
    limit: usize,
    shortlist: usize,
) -> QueryResult<Vec<Suggestion>> {
    let candidates = candidates(conn, kept).await?;
    let pop = DbPartnerSearch::partners_of_partners(conn, &profile.partners).await?;
    let ids: HashMap<String, i64> = candidates.iter().map(|c| (c.ap_id.clone(), c.id)).collect();
    let first = first_pass(profile, candidates, &pop, w, shortlist.max(limit));
    let wanted: Vec<(i64, String)> = first
        .iter()
        .filter_map(|s| ids.get(&s.ap_id).map(|id| (*id, s.ap_id.clone())))
        .collect();
    let wanted_ids: Vec<i64> = wanted.iter().map(|(id, _)| *id).collect();
    let mut by_id = DbPartnerSearch::post_texts(conn, &wanted_ids).await?;
    let by_ap_id: HashMap<String, PostTexts> = wanted
        .into_iter()
        .filter_map(|(id, ap)| by_id.remove(&id).map(|p| (ap, p)))
        .collect();
    Ok(second_pass(profile, first, &by_ap_id, w, limit))
}
