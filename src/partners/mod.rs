//! Partner search: an organisation says it is looking for partners ([`LookingInput`], stored
//! as `db::models::partner_search`), and gets suggestions of organisations that would fit,
//! here and at every peer network, each with the reasons why.
//!
//! - [`Profile`]: what is compared of the organisation (its own profile, what it looks
//!   for, the words and goals of its latest posts, its partners); sent to peers as is;
//! - [`Candidate`]: an organisation that may be suggested (one of ours: discoverable, not
//!   suspended, not opted out);
//! - `score`: the facts in common, the factors, the weighted score, the reasons;
//! - `text`: the words of published projects and their cosine similarity;
//! - `explain`: reasons as sentences in a language;
//! - `local`: ranking our own organisations for a profile;
//! - `peers`: the signed fan-out to peer networks within the search's time budget, and
//!   answering theirs (`/federation/partners/…`).

pub mod explain;
pub mod local;
pub mod peers;
pub mod score;
pub mod text;

use crate::db::models::actor::DbActor;
use crate::db::models::partner_search::{
    CandidateRow, DbPartnerSearch, LookingFilter, PartnerSearchData, PostTexts,
};
use crate::db::models::partnership::DbPartnership;
use crate::error::{AppError, AppResult, Refusal};
use crate::funding::countries;
use crate::state::AppState;
use crate::vocab::{Lang, OrgKind};
use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use score::{Evidence, Factors, Reason};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest description of a partner search, in characters.
pub const DESCRIPTION_MAX: usize = 2000;
/// Most values in one list of a partner search (countries, regions, themes, …).
pub const LIST_MAX: usize = 30;
/// Most suggestions one answer holds.
pub const MAX_LIMIT: usize = 50;
/// Most organisations one "looking for partners" answer holds per network.
pub const LOOKING_MAX: i64 = 200;

/// What an organisation looks for partners for.
#[derive(utoipa::ToSchema, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Purpose {
    /// A new town twinning.
    Twinning,
    /// A project together.
    Project,
    /// A school exchange.
    SchoolExchange,
    /// Learning from each other on a theme.
    Learning,
}

impl Purpose {
    pub const ALL: [Purpose; 4] = [
        Purpose::Twinning,
        Purpose::Project,
        Purpose::SchoolExchange,
        Purpose::Learning,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Purpose::Twinning => "twinning",
            Purpose::Project => "project",
            Purpose::SchoolExchange => "school-exchange",
            Purpose::Learning => "learning",
        }
    }

    pub fn parse(s: &str) -> Option<Purpose> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|p| p.code().eq_ignore_ascii_case(s))
    }

    /// The purpose in words, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        explain::text(lang, &format!("partners-purpose-{}", self.code()))
    }
}

fn yes() -> bool {
    true
}

/// A partner search as an editor sends it (API body; the editors' form fills the same).
/// Numbers are read signed so that a negative one is refused with its field named.
#[derive(utoipa::ToSchema, Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookingInput {
    /// `false` keeps what was written but stops looking.
    #[serde(default = "yes")]
    pub active: bool,
    /// twinning, project, school-exchange, learning.
    #[serde(default)]
    pub purposes: Vec<String>,
    /// ISO 3166-1 alpha-2 codes of the countries wished; empty: anywhere.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Regions wished, as profiles name them.
    #[serde(default)]
    pub regions: Vec<String>,
    /// Theme slugs.
    #[serde(default)]
    pub themes: Vec<String>,
    /// Language codes (ISO 639-1).
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub population_min: Option<i64>,
    #[serde(default)]
    pub population_max: Option<i64>,
    /// Kinds of organisation wished (vocab::OrgKind codes); empty: any.
    #[serde(default)]
    pub partner_kinds: Vec<String>,
    #[serde(default)]
    pub description: String,
    /// Shown on the "looking for partners" pages, here and at the peer networks.
    #[serde(default = "yes")]
    pub listed: bool,
    /// Offered as a candidate in other organisations' suggestions.
    #[serde(default = "yes")]
    pub suggested: bool,
}

impl Default for LookingInput {
    fn default() -> Self {
        LookingInput {
            active: true,
            purposes: vec![],
            countries: vec![],
            regions: vec![],
            themes: vec![],
            languages: vec![],
            population_min: None,
            population_max: None,
            partner_kinds: vec![],
            description: String::new(),
            listed: true,
            suggested: true,
        }
    }
}

fn invalid(field: impl Into<String>, message: impl Into<String>) -> AppError {
    AppError::invalid(field, message)
}

/// Each value checked (and normalised) by `check`, duplicates dropped, a bad one refused
/// with its position.
fn list(
    values: &[String],
    field: &str,
    check: impl Fn(&str) -> Result<String, Refusal>,
) -> Result<Vec<String>, AppError> {
    if values.len() > LIST_MAX {
        return Err(invalid(field, format!("at most {LIST_MAX} values"))
            .localized("check-list-max", &[("max", LIST_MAX.to_string())]));
    }
    let mut out: Vec<String> = Vec::new();
    for (i, v) in values.iter().enumerate() {
        let v = check(v).map_err(|r| r.into_app_error(&format!("{field}[{i}]")))?;
        if !out.contains(&v) {
            out.push(v);
        }
    }
    Ok(out)
}

pub fn check_country(c: &str) -> Result<String, Refusal> {
    countries::normalise(c).ok_or_else(|| {
        Refusal::new(
            format!("unknown country `{c}`: use a two-letter ISO code such as DE or FR"),
            "check-country",
            &[("code", c.trim())],
        )
    })
}

pub fn check_theme(t: &str) -> Result<String, Refusal> {
    crate::vocab::theme(t.trim())
        .map(|t| t.slug.to_string())
        .ok_or_else(|| {
            Refusal::new(
                format!("unknown theme `{t}`"),
                "check-theme",
                &[("theme", t)],
            )
        })
}

pub fn check_language(l: &str) -> Result<String, Refusal> {
    let l = l.trim().to_ascii_lowercase();
    if crate::orgs::is_language_code(&l) {
        Ok(l)
    } else {
        Err(Refusal::new(
            format!("unknown language `{l}`: use a two-letter code such as de or fr"),
            "check-language",
            &[("code", l.as_str())],
        ))
    }
}

pub fn check_kind(k: &str) -> Result<String, Refusal> {
    k.trim()
        .parse::<OrgKind>()
        .map(|k| k.code().to_string())
        .map_err(|english| Refusal::new(english, "check-kind", &[("kind", k.trim())]))
}

pub fn check_purpose(p: &str) -> Result<String, Refusal> {
    Purpose::parse(p)
        .map(|p| p.code().to_string())
        .ok_or_else(|| {
            Refusal::new(
                format!(
                    "unknown purpose `{p}`: one of twinning, project, school-exchange, learning"
                ),
                "check-purpose",
                &[("purpose", p.trim())],
            )
        })
}

/// A region as typed: some text, at most 100 characters, no control characters.
fn check_region(r: &str) -> Result<String, Refusal> {
    let r = r.trim();
    if r.is_empty() {
        Err(Refusal::new("name a region", "check-region-empty", &[]))
    } else if r.chars().count() > 100 || r.chars().any(char::is_control) {
        Err(Refusal::new(
            "at most 100 characters of text",
            "check-too-long",
            &[("max", "100")],
        ))
    } else {
        Ok(r.to_string())
    }
}

impl LookingInput {
    /// Checks everything; a 422 names the first field at fault.
    pub fn validate(&self) -> Result<PartnerSearchData, AppError> {
        let purposes = list(&self.purposes, "purposes", check_purpose)?;
        let countries = list(&self.countries, "countries", check_country)?;
        let regions = list(&self.regions, "regions", check_region)?;
        let themes = list(&self.themes, "themes", check_theme)?;
        let languages = list(&self.languages, "languages", check_language)?;
        let partner_kinds = list(&self.partner_kinds, "partner_kinds", check_kind)?;
        for (field, v) in [
            ("population_min", self.population_min),
            ("population_max", self.population_max),
        ] {
            if v.is_some_and(|n| n < 0) {
                return Err(
                    invalid(field, "must not be negative").localized("fund-check-negative", &[])
                );
            }
        }
        if let (Some(lo), Some(hi)) = (self.population_min, self.population_max)
            && hi < lo
        {
            return Err(invalid(
                "population_max",
                format!("must not be below population_min ({lo})"),
            )
            .localized("check-not-below", &[("min", lo.to_string())]));
        }
        let description = self.description.trim();
        if description.chars().count() > DESCRIPTION_MAX {
            return Err(invalid(
                "description",
                format!("at most {DESCRIPTION_MAX} characters"),
            )
            .localized("check-too-long", &[("max", DESCRIPTION_MAX.to_string())]));
        }
        Ok(PartnerSearchData {
            active: self.active,
            purposes,
            countries,
            regions,
            themes,
            languages,
            population_min: self.population_min,
            population_max: self.population_max,
            partner_kinds,
            description: description.to_string(),
            listed: self.listed,
            suggested: self.suggested,
        })
    }

    /// The stored search as the form and the API show it back.
    pub fn of(s: &DbPartnerSearch) -> LookingInput {
        LookingInput {
            active: s.active,
            purposes: s.purposes.clone(),
            countries: s.countries.clone(),
            regions: s.regions.clone(),
            themes: s.themes.clone(),
            languages: s.languages.clone(),
            population_min: s.population_min,
            population_max: s.population_max,
            partner_kinds: s.partner_kinds.clone(),
            description: s.description.clone(),
            listed: s.listed,
            suggested: s.suggested,
        }
    }
}

/// What is compared of the organisation that asks: sent as is to the peers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub ap_id: String,
    pub name: String,
    pub kind: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub population: Option<i64>,
    /// Latitude and longitude.
    pub coordinates: Option<(f64, f64)>,
    /// Its own themes and those it looks for.
    pub themes: Vec<String>,
    /// Goals its latest posts name.
    pub sdgs: Vec<i16>,
    /// Its working languages and those it wishes.
    pub languages: Vec<String>,
    pub looking: bool,
    pub purposes: Vec<String>,
    pub wished_countries: Vec<String>,
    pub wished_regions: Vec<String>,
    pub wished_kinds: Vec<String>,
    pub population_min: Option<i64>,
    pub population_max: Option<i64>,
    /// The most frequent words of its latest posts, with their counts.
    pub words: Vec<(String, f64)>,
    /// The ids of its partners (live partnerships): never suggested; their partners are
    /// partners of partners.
    pub partners: Vec<String>,
}

fn union(a: &[String], b: &[String]) -> Vec<String> {
    let mut out = a.to_vec();
    for x in b {
        if !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

impl Profile {
    /// The profile of one of our organisations.
    pub fn of(
        org: &DbActor,
        search: Option<&DbPartnerSearch>,
        posts: &PostTexts,
        partners: Vec<String>,
    ) -> Profile {
        let search = search.filter(|s| s.active);
        let words = text::TermVector::of_texts(posts.texts.iter().map(String::as_str));
        let mut p = Profile {
            ap_id: org.ap_id.to_string(),
            name: org.name.clone(),
            kind: org.org_kind.clone(),
            country: org.country.clone(),
            region: org.region.clone(),
            population: org.population,
            coordinates: org.latitude.zip(org.longitude),
            themes: org.themes.clone(),
            sdgs: posts.sdgs.clone(),
            languages: org.languages.clone(),
            words: words.top(text::PROFILE_WORDS),
            partners,
            ..Profile::default()
        };
        if let Some(s) = search {
            p.looking = true;
            p.themes = union(&p.themes, &s.themes);
            p.languages = union(&p.languages, &s.languages);
            p.purposes = s.purposes.clone();
            p.wished_countries = s.countries.clone();
            p.wished_regions = s.regions.clone();
            p.wished_kinds = s.partner_kinds.clone();
            p.population_min = s.population_min;
            p.population_max = s.population_max;
        }
        p
    }

    /// A peer's profile, bounded: long lists cut, words and partners limited.
    pub fn bounded(mut self) -> Profile {
        let cut = |v: &mut Vec<String>, n: usize| {
            v.truncate(n);
            v.iter_mut().for_each(|s| {
                if s.chars().count() > 200 {
                    *s = s.chars().take(200).collect();
                }
            });
        };
        cut(&mut self.themes, 50);
        cut(&mut self.languages, 50);
        cut(&mut self.purposes, 10);
        cut(&mut self.wished_countries, 50);
        cut(&mut self.wished_regions, 50);
        cut(&mut self.wished_kinds, 10);
        cut(&mut self.partners, 500);
        self.sdgs.retain(|g| (1..=17).contains(g));
        self.sdgs.truncate(17);
        self.words.truncate(100);
        self.coordinates = self
            .coordinates
            .filter(|(la, lo)| (-90.0..=90.0).contains(la) && (-180.0..=180.0).contains(lo));
        self
    }
}

/// An organisation that may be suggested.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Candidate {
    pub id: i64,
    pub ap_id: String,
    pub url: String,
    pub handle: String,
    pub domain: String,
    pub name: String,
    pub kind: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub population: Option<i64>,
    pub coordinates: Option<(f64, f64)>,
    pub themes: Vec<String>,
    pub languages: Vec<String>,
    pub looking: bool,
    pub purposes: Vec<String>,
}

impl From<&CandidateRow> for Candidate {
    fn from(r: &CandidateRow) -> Candidate {
        Candidate::from(r.clone())
    }
}

impl From<CandidateRow> for Candidate {
    fn from(r: CandidateRow) -> Candidate {
        Candidate {
            id: r.id,
            url: r.profile_url.unwrap_or_else(|| r.ap_id.clone()),
            ap_id: r.ap_id,
            handle: format!("@{}@{}", r.handle, r.domain),
            domain: r.domain,
            name: r.name,
            kind: r.org_kind,
            country: r.country,
            region: r.region,
            population: r.population,
            coordinates: r.latitude.zip(r.longitude),
            themes: r.themes,
            languages: r.languages,
            looking: r.looking.unwrap_or(false),
            purposes: r.purposes.unwrap_or_default(),
        }
    }
}

/// One suggested organisation, with the facts in common, their weighing and the reasons.
#[derive(utoipa::ToSchema, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[schema(as = PartnerSuggestion)]
pub struct Suggestion {
    pub ap_id: String,
    /// Its public page.
    pub url: String,
    /// `@handle@host`, for the partnership proposal and the follow.
    pub handle: String,
    pub name: String,
    /// The network (host) it is on.
    pub network: String,
    pub kind: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub population: Option<i64>,
    pub looking: bool,
    pub evidence: Evidence,
    /// Computed here from `evidence` (a peer's figures are not taken over).
    #[serde(default)]
    pub factors: Factors,
    /// The weighted score in [0, 1].
    #[serde(default)]
    pub score: f64,
    #[serde(default)]
    pub reasons: Vec<Reason>,
    /// The reasons as one sentence in the asked language.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub explanation: String,
}

impl Suggestion {
    pub fn new(c: &Candidate, evidence: Evidence, w: &crate::config::PartnersConfig) -> Suggestion {
        let mut s = Suggestion {
            ap_id: c.ap_id.clone(),
            url: c.url.clone(),
            handle: c.handle.clone(),
            name: c.name.clone(),
            network: c.domain.clone(),
            kind: c.kind.clone(),
            country: c.country.clone(),
            region: c.region.clone(),
            population: c.population,
            looking: c.looking,
            evidence,
            factors: Factors::default(),
            score: 0.0,
            reasons: vec![],
            explanation: String::new(),
        };
        s.weigh(w);
        s
    }

    /// Factors, score and reasons from the evidence, with our weights.
    pub fn weigh(&mut self, w: &crate::config::PartnersConfig) {
        self.factors = Factors::of(&self.evidence);
        self.score = Self::rounded(score::score(&self.factors, w));
        self.reasons = score::reasons(&self.evidence);
    }

    /// The score [`Self::weigh`] gives this evidence, without the rest of a suggestion.
    pub fn score_of(e: &Evidence, w: &crate::config::PartnersConfig) -> f64 {
        Self::rounded(score::score(&Factors::of(e), w))
    }

    fn rounded(score: f64) -> f64 {
        (score * 10_000.0).round() / 10_000.0
    }
}

/// Best first; equal scores by name, then id, so that the order is stable.
pub fn order(list: &mut [Suggestion]) {
    list.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.ap_id.cmp(&b.ap_id))
    });
}

/// How one network answered.
#[derive(utoipa::ToSchema, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[schema(as = PartnerNetwork)]
pub struct NetworkStatus {
    pub network: String,
    /// local, answered, timeout or failed.
    pub status: String,
    /// Organisations it gave.
    pub count: usize,
    pub milliseconds: u64,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<String>,
    /// The network's names by language code, when it gave them.
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub names: BTreeMap<String, String>,
}

impl NetworkStatus {
    /// The network's name in `lang`, or in another language, or its host.
    pub fn name_in(&self, lang: Lang) -> &str {
        self.names
            .get(lang.code())
            .or_else(|| self.names.values().next())
            .unwrap_or(&self.network)
    }
}

/// This network's names by language code.
pub fn network_names(state: &AppState) -> BTreeMap<String, String> {
    state
        .config
        .instance
        .name
        .iter()
        .map(|(l, n)| (l.code().to_string(), n.clone()))
        .collect()
}

/// Suggestions for one organisation.
#[derive(utoipa::ToSchema, Debug, Clone, Serialize)]
#[schema(as = PartnerSuggestions)]
pub struct Suggestions {
    pub organisation: String,
    /// Whether the organisation says it is looking; when not, the suggestions compare its
    /// profile only, and `note` says so.
    pub looking: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub suggestions: Vec<Suggestion>,
    pub networks: Vec<NetworkStatus>,
}

/// Our organisation's profile for suggestions: its partner search, latest posts, partners.
pub async fn profile_of(conn: &mut AsyncPgConnection, org: &DbActor) -> AppResult<Profile> {
    let search = DbPartnerSearch::of_actor(conn, org.id).await?;
    let posts = DbPartnerSearch::post_texts(conn, &[org.id])
        .await?
        .remove(&org.id)
        .unwrap_or_default();
    let partners: Vec<String> = DbPartnership::of_actor(conn, org.id)
        .await?
        .iter()
        .filter(|p| !p.partnership.status.is_closed())
        .map(|p| p.partner_of(org.id).ap_id.to_string())
        .collect();
    Ok(Profile::of(org, search.as_ref(), &posts, partners))
}

/// Whether peers are asked too.
#[derive(utoipa::ToSchema, Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// This network and every peer.
    #[default]
    All,
    /// This network only.
    Local,
}

/// Suggestions for one of our organisations, from this network and (for `Scope::All`)
/// every peer at once, merged, weighed here, best first; `lang` for the explanations.
pub async fn suggest(
    state: &AppState,
    org: &DbActor,
    scope: Scope,
    limit: usize,
    lang: Lang,
) -> AppResult<Suggestions> {
    let started = std::time::Instant::now();
    let weights = &state.config.partners;
    let limit = limit.clamp(1, MAX_LIMIT);
    let profile = {
        let mut conn = state.conn().await?;
        profile_of(&mut conn, org).await?
    };
    let ours = async {
        let mut conn = state.conn().await?;
        let found = local::suggestions(
            &mut conn,
            &state.candidates,
            &profile,
            weights,
            limit,
            weights.shortlist,
        )
        .await?;
        Ok::<_, AppError>((found, started.elapsed().as_millis() as u64))
    };
    let theirs = async {
        match scope {
            Scope::All => peers::suggest(state, &profile, limit).await,
            Scope::Local => vec![],
        }
    };
    let (ours, theirs) = tokio::join!(ours, theirs);
    let (ours, local_ms) = ours?;
    let mut networks = vec![NetworkStatus {
        network: state.config.instance.domain.clone(),
        status: "local".into(),
        count: ours.len(),
        milliseconds: local_ms,
        error: None,
        names: network_names(state),
    }];
    let mut all = ours;
    for (status, found) in theirs {
        networks.push(status);
        all.extend(found.unwrap_or_default());
    }
    let mut merged = merge(all, &profile, weights);
    merged.truncate(limit);
    for s in &mut merged {
        s.explanation = explain::explanation(&s.reasons, lang);
    }
    let looking = profile.looking;
    Ok(Suggestions {
        organisation: profile.ap_id,
        looking,
        note: (!looking).then(|| explain::text(lang, "partners-note-not-looking").to_string()),
        suggestions: merged,
        networks,
    })
}

/// Our and peers' suggestions together: weighed with our weights, the organisation itself
/// and its partners left out, one per organisation (its best), best first.
pub fn merge(
    all: Vec<Suggestion>,
    profile: &Profile,
    w: &crate::config::PartnersConfig,
) -> Vec<Suggestion> {
    let mut by_id: BTreeMap<String, Suggestion> = BTreeMap::new();
    for mut s in all {
        if s.ap_id == profile.ap_id || profile.partners.contains(&s.ap_id) {
            continue;
        }
        s.weigh(w);
        match by_id.get(&s.ap_id) {
            Some(b) if b.score >= s.score => {}
            _ => {
                by_id.insert(s.ap_id.clone(), s);
            }
        }
    }
    let mut out: Vec<Suggestion> = by_id.into_values().collect();
    order(&mut out);
    out
}

/// An organisation on a "looking for partners" list.
#[derive(utoipa::ToSchema, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[schema(as = LookingOrganisation)]
pub struct LookingOrg {
    pub ap_id: String,
    pub url: String,
    pub handle: String,
    pub name: String,
    pub network: String,
    pub kind: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub population: Option<i64>,
    pub purposes: Vec<String>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub themes: Vec<String>,
    pub languages: Vec<String>,
    pub population_min: Option<i64>,
    pub population_max: Option<i64>,
    pub partner_kinds: Vec<String>,
    pub description: String,
    pub updated: DateTime<Utc>,
}

impl From<crate::db::models::partner_search::Looking> for LookingOrg {
    fn from(l: crate::db::models::partner_search::Looking) -> LookingOrg {
        let c = Candidate::from(l.org);
        let s = l.search;
        LookingOrg {
            ap_id: c.ap_id,
            url: c.url,
            handle: c.handle,
            name: c.name,
            network: c.domain,
            kind: c.kind,
            country: c.country,
            region: c.region,
            population: c.population,
            purposes: s.purposes,
            countries: s.countries,
            regions: s.regions,
            themes: union(&s.themes, &c.themes),
            languages: union(&s.languages, &c.languages),
            population_min: s.population_min,
            population_max: s.population_max,
            partner_kinds: s.partner_kinds,
            description: s.description,
            updated: s.updated_at,
        }
    }
}

/// The filters of the "looking for partners" list as a query string gives them.
#[derive(utoipa::IntoParams, Debug, Clone, Default, Serialize, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct LookingQuery {
    /// twinning, project, school-exchange or learning.
    pub purpose: Option<String>,
    /// The organisations' own country (ISO code).
    pub country: Option<String>,
    pub theme: Option<String>,
    /// Kind of organisation.
    pub kind: Option<String>,
    /// A working or wished language.
    pub language: Option<String>,
    #[param(inline)]
    pub scope: Option<Scope>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl LookingQuery {
    /// The filter, or a 422 naming the parameter whose value is unknown.
    pub fn filter(&self) -> Result<LookingFilter, AppError> {
        let one = |field: &str,
                   v: &Option<String>,
                   check: fn(&str) -> Result<String, Refusal>|
         -> Result<Option<String>, AppError> {
            given(v)
                .map(|s| check(s).map_err(|r| r.into_app_error(field)))
                .transpose()
        };
        Ok(LookingFilter {
            purpose: one("purpose", &self.purpose, check_purpose)?,
            country: one("country", &self.country, check_country)?,
            theme: one("theme", &self.theme, check_theme)?,
            kind: one("kind", &self.kind, check_kind)?,
            language: one("language", &self.language, check_language)?,
        })
    }

    /// The same filters as query-string pairs, for a peer.
    pub fn peer_params(f: &LookingFilter) -> Vec<(&'static str, String)> {
        [
            ("purpose", &f.purpose),
            ("country", &f.country),
            ("theme", &f.theme),
            ("kind", &f.kind),
            ("language", &f.language),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.clone().map(|v| (k, v)))
        .collect()
    }
}

/// The organisations that are looking, here and (for `Scope::All`) at every peer.
#[derive(utoipa::ToSchema, Debug, Clone, Serialize)]
#[schema(as = LookingList)]
pub struct LookingList {
    pub organisations: Vec<LookingOrg>,
    pub networks: Vec<NetworkStatus>,
}

pub async fn looking(
    state: &AppState,
    filter: &LookingFilter,
    scope: Scope,
) -> AppResult<LookingList> {
    let started = std::time::Instant::now();
    let ours = async {
        let mut conn = state.conn().await?;
        let rows = DbPartnerSearch::looking(&mut conn, filter, LOOKING_MAX).await?;
        Ok::<_, AppError>(rows.into_iter().map(LookingOrg::from).collect::<Vec<_>>())
    };
    let theirs = async {
        match scope {
            Scope::All => peers::looking(state, filter).await,
            Scope::Local => vec![],
        }
    };
    let (ours, theirs) = tokio::join!(ours, theirs);
    let ours = ours?;
    let mut networks = vec![NetworkStatus {
        network: state.config.instance.domain.clone(),
        status: "local".into(),
        count: ours.len(),
        milliseconds: started.elapsed().as_millis() as u64,
        error: None,
        names: network_names(state),
    }];
    let mut all = ours;
    for (status, found) in theirs {
        networks.push(status);
        all.extend(found.unwrap_or_default());
    }
    // Newest first; one entry per organisation (a relayed copy is the same one).
    all.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.name.cmp(&b.name)));
    let mut seen = std::collections::HashSet::new();
    all.retain(|o| seen.insert(o.ap_id.clone()));
    Ok(LookingList {
        organisations: all,
        networks,
    })
}
