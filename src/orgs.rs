//! Creating and editing organisation actors, and the instance actor. Used by the API, the
//! CLI and the demo alike, so the same checks apply everywhere.

use crate::db::models::actor::{DbActor, INSTANCE_ACTOR_HANDLE, NewActor, ProfileChange};
use crate::error::AppError;
use crate::federation::keys;
use crate::federation::urls::Urls;
use crate::vocab::{OrgKind, theme};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A new organisation, as the API and CLI take it.
#[derive(utoipa::ToSchema, Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewOrganisation {
    pub handle: String,
    pub name: String,
    pub kind: OrgKind,
    #[serde(flatten)]
    pub profile: Profile,
}

/// The structured profile; every field optional.
#[derive(utoipa::ToSchema, Debug, Clone, Default, Deserialize)]
pub struct Profile {
    /// Plain-text description per language code.
    #[serde(default)]
    pub summary: BTreeMap<String, String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub official_code: Option<String>,
    /// Eurostat LAU code, `CC_code` (`DE_05913000`); taken from `official_code` where that
    /// is the LAU code (DE, FR, IT, PL) and none is given.
    pub lau: Option<String>,
    /// NUTS region, usually NUTS 3 (`DEA52`).
    pub nuts: Option<String>,
    pub population: Option<i64>,
    pub website: Option<String>,
    /// Working languages, ISO 639-1 codes, the first being the main one.
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub icon_url: Option<String>,
    pub image_url: Option<String>,
    #[serde(default)]
    pub manually_approves_followers: bool,
    #[serde(default = "yes")]
    pub discoverable: bool,
    #[serde(default = "yes")]
    pub indexable: bool,
}

fn yes() -> bool {
    true
}

/// A handle: 1–64 lowercase letters, digits, `-`, `_` or `.`, starting with a letter or digit.
pub fn valid_handle(h: &str) -> bool {
    (1..=64).contains(&h.len())
        && h.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
        && h.starts_with(|c: char| c.is_ascii_alphanumeric())
        && h != INSTANCE_ACTOR_HANDLE
}

fn check_url(field: &str, v: &Option<String>) -> Result<(), AppError> {
    if let Some(u) = v {
        let parsed =
            url::Url::parse(u).map_err(|e| AppError::invalid(field, format!("not a URL: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(AppError::invalid(field, "must be an http or https URL"));
        }
    }
    Ok(())
}

impl Profile {
    /// Checks every field, naming the first one at fault.
    pub fn validate(&self, kind: Option<OrgKind>) -> Result<(), AppError> {
        for (lang, text) in &self.summary {
            if !is_language_code(lang) {
                return Err(AppError::invalid(
                    format!("summary.{lang}"),
                    "not a two-letter language code",
                ));
            }
            if text.chars().count() > 5000 {
                return Err(AppError::invalid(
                    format!("summary.{lang}"),
                    "at most 5000 characters",
                ));
            }
        }
        if let Some(c) = &self.country
            && !(c.len() == 2 && c.chars().all(|c| c.is_ascii_uppercase()))
        {
            return Err(AppError::invalid(
                "country",
                "an ISO 3166-1 alpha-2 code in capitals, like DE or FR",
            )
            .localized("check-country", &[("code", c.clone())]));
        }
        if let Some(code) = &self.official_code {
            let ok = match (self.country.as_deref(), kind) {
                (Some("DE"), Some(OrgKind::Municipality)) => {
                    code.len() == 8 && code.chars().all(|c| c.is_ascii_digit())
                }
                (Some("FR"), Some(OrgKind::Municipality)) => {
                    code.len() == 5
                        && code
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == 'A' || c == 'B')
                }
                _ => !code.trim().is_empty() && code.len() <= 32,
            };
            if !ok {
                return Err(AppError::invalid(
                    "official_code",
                    "a German AGS has 8 digits (e.g. 05913000), a French INSEE code 5 characters (e.g. 67482)",
                ));
            }
        }
        if let Some(lau) = &self.lau {
            crate::nuts::check_lau(lau, self.country.as_deref())
                .map_err(|why| why.into_app_error("lau"))?;
        }
        if let Some(nuts) = &self.nuts {
            crate::nuts::check_nuts(nuts, self.country.as_deref())
                .map_err(|why| why.into_app_error("nuts"))?;
        }
        if self.population.is_some_and(|p| p < 0) {
            return Err(AppError::invalid("population", "cannot be negative"));
        }
        check_url("website", &self.website)?;
        check_url("icon_url", &self.icon_url)?;
        check_url("image_url", &self.image_url)?;
        for (i, l) in self.languages.iter().enumerate() {
            if !is_language_code(l) {
                return Err(AppError::invalid(
                    format!("languages[{i}]"),
                    "not a two-letter language code",
                ));
            }
        }
        for (i, t) in self.themes.iter().enumerate() {
            if theme(t).is_none() {
                return Err(AppError::invalid(
                    format!("themes[{i}]"),
                    format!("unknown theme `{t}`"),
                ));
            }
        }
        if self.latitude.is_some_and(|v| !(-90.0..=90.0).contains(&v)) {
            return Err(AppError::invalid("latitude", "between -90 and 90"));
        }
        if self
            .longitude
            .is_some_and(|v| !(-180.0..=180.0).contains(&v))
        {
            return Err(AppError::invalid("longitude", "between -180 and 180"));
        }
        Ok(())
    }

    fn summary_json(&self) -> Value {
        Value::Object(
            self.summary
                .iter()
                .filter(|(_, t)| !t.trim().is_empty())
                .map(|(l, t)| (l.clone(), Value::String(t.trim().to_string())))
                .collect::<Map<_, _>>(),
        )
    }
}

pub fn is_language_code(l: &str) -> bool {
    l.len() == 2 && l.chars().all(|c| c.is_ascii_lowercase())
}

/// Creates a local organisation actor with a fresh key pair.
pub async fn create(
    conn: &mut AsyncPgConnection,
    urls: &Urls,
    input: &NewOrganisation,
) -> Result<DbActor, AppError> {
    if !valid_handle(&input.handle) {
        return Err(AppError::invalid(
            "handle",
            "1–64 lowercase letters, digits, `-`, `_` or `.`, starting with a letter or digit",
        )
        .localized("org-check-handle", &[]));
    }
    if input.name.trim().is_empty() || input.name.chars().count() > 200 {
        return Err(
            AppError::invalid("name", "required, at most 200 characters")
                .localized("check-required-max", &[("max", "200".into())]),
        );
    }
    input.profile.validate(Some(input.kind))?;
    if DbActor::local_by_handle(conn, &input.handle)
        .await?
        .is_some()
    {
        return Err(
            AppError::conflict(format!("the handle `{}` is taken", input.handle)).localized(
                "org-check-handle-taken",
                &[("handle", input.handle.clone())],
            ),
        );
    }
    let keys = keys::generate().await?;
    let p = &input.profile;
    let codes = ProfileChange {
        lau: Some(crate::nuts::lau_of(
            p.lau.as_deref(),
            p.country.as_deref(),
            p.official_code.as_deref(),
        )),
        nuts: Some(p.nuts.clone()),
        ..ProfileChange::default()
    };
    let new = NewActor {
        ap_id: urls.actor(&input.handle),
        local: true,
        actor_type: "Organization".into(),
        handle: input.handle.clone(),
        domain: urls
            .base()
            .split("://")
            .nth(1)
            .unwrap_or_default()
            .to_string(),
        name: input.name.trim().to_string(),
        summary_map: p.summary_json(),
        summary_html: None,
        inbox_url: urls.inbox(&input.handle),
        shared_inbox_url: Some(urls.shared_inbox()),
        outbox_url: Some(urls.outbox(&input.handle)),
        followers_url: Some(urls.followers(&input.handle)),
        profile_url: Some(urls.actor(&input.handle)),
        icon_url: p.icon_url.clone(),
        image_url: p.image_url.clone(),
        public_key_pem: keys.public_pem,
        private_key_pem: Some(keys.private_pem),
        manually_approves_followers: p.manually_approves_followers,
        discoverable: p.discoverable,
        indexable: p.indexable,
        org_kind: Some(input.kind.code().to_string()),
        country: p.country.clone(),
        region: p.region.clone(),
        official_code: p.official_code.clone(),
        population: p.population,
        website: p.website.clone(),
        languages: p.languages.clone(),
        themes: p.themes.clone(),
        latitude: p.latitude,
        longitude: p.longitude,
        lau: None,
        nuts: None,
    };
    // The EU-wide codes are columns the shared row type does not carry: set in the same
    // transaction.
    Ok(conn
        .transaction(async |conn| {
            let actor = DbActor::insert(conn, &new).await?;
            DbActor::update_profile(conn, actor.id, &codes).await
        })
        .await?)
}

/// A change to an organisation's profile, as the API takes it: absent fields stay as they are.
#[derive(utoipa::ToSchema, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileUpdate {
    pub name: Option<String>,
    pub kind: Option<OrgKind>,
    pub summary: Option<BTreeMap<String, String>>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub official_code: Option<String>,
    /// Eurostat LAU code (`DE_05913000`); an empty string removes it.
    pub lau: Option<String>,
    /// NUTS region (`DEA52`); an empty string removes it.
    pub nuts: Option<String>,
    pub population: Option<i64>,
    pub website: Option<String>,
    pub languages: Option<Vec<String>>,
    pub themes: Option<Vec<String>>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub icon_url: Option<String>,
    pub image_url: Option<String>,
    pub manually_approves_followers: Option<bool>,
    pub discoverable: Option<bool>,
    pub indexable: Option<bool>,
}

pub async fn update(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    u: ProfileUpdate,
) -> Result<DbActor, AppError> {
    if let Some(name) = &u.name
        && (name.trim().is_empty() || name.chars().count() > 200)
    {
        return Err(
            AppError::invalid("name", "required, at most 200 characters")
                .localized("check-required-max", &[("max", "200".into())]),
        );
    }
    let blank = |v: &Option<String>| v.as_ref().map(|s| s.trim().to_string());
    let (lau, nuts) = (blank(&u.lau), blank(&u.nuts));
    let kind = u
        .kind
        .or_else(|| actor.org_kind.as_deref().and_then(|k| k.parse().ok()));
    // Validate the profile as it will be after the change.
    let merged = Profile {
        summary: u.summary.clone().unwrap_or_default(),
        country: u.country.clone().or_else(|| actor.country.clone()),
        region: u.region.clone(),
        official_code: u
            .official_code
            .clone()
            .or_else(|| actor.official_code.clone()),
        lau: match &lau {
            Some(l) => Some(l.clone()).filter(|l| !l.is_empty()),
            None => actor.lau.clone(),
        },
        nuts: match &nuts {
            Some(n) => Some(n.clone()).filter(|n| !n.is_empty()),
            None => actor.nuts.clone(),
        },
        population: u.population,
        website: u.website.clone(),
        languages: u.languages.clone().unwrap_or_default(),
        themes: u.themes.clone().unwrap_or_default(),
        latitude: u.latitude,
        longitude: u.longitude,
        icon_url: u.icon_url.clone(),
        image_url: u.image_url.clone(),
        ..Profile::default()
    };
    merged.validate(kind)?;
    let change = ProfileChange {
        name: u.name.map(|n| n.trim().to_string()),
        summary_map: u.summary.is_some().then(|| merged.summary_json()),
        icon_url: u.icon_url.map(Some),
        image_url: u.image_url.map(Some),
        manually_approves_followers: u.manually_approves_followers,
        discoverable: u.discoverable,
        indexable: u.indexable,
        org_kind: u.kind.map(|k| Some(k.code().to_string())),
        country: u.country.map(Some),
        region: u.region.map(Some),
        official_code: u.official_code.map(Some),
        population: u.population.map(Some),
        website: u.website.map(Some),
        languages: u.languages,
        themes: u.themes,
        latitude: u.latitude.map(Some),
        longitude: u.longitude.map(Some),
        updated: Some(chrono::Utc::now()),
        lau: lau.map(|l| Some(l).filter(|l| !l.is_empty())),
        nuts: nuts.map(|n| Some(n).filter(|n| !n.is_empty())),
    };
    Ok(DbActor::update_profile(conn, actor.id, &change).await?)
}

/// The instance actor (FEP-2677), created on first start.
pub async fn ensure_instance_actor(
    conn: &mut AsyncPgConnection,
    urls: &Urls,
    domain: &str,
) -> anyhow::Result<DbActor> {
    if let Some(actor) = DbActor::instance_actor(conn).await? {
        return Ok(actor);
    }
    let keys = keys::generate().await?;
    let new = NewActor {
        ap_id: urls.instance_actor(),
        local: true,
        actor_type: "Application".into(),
        handle: INSTANCE_ACTOR_HANDLE.into(),
        domain: domain.to_string(),
        name: domain.to_string(),
        summary_map: Value::Object(Map::new()),
        summary_html: None,
        inbox_url: urls.shared_inbox(),
        shared_inbox_url: Some(urls.shared_inbox()),
        outbox_url: None,
        followers_url: None,
        profile_url: Some(urls.base().to_string()),
        icon_url: None,
        image_url: None,
        public_key_pem: keys.public_pem,
        private_key_pem: Some(keys.private_pem),
        manually_approves_followers: true,
        discoverable: false,
        indexable: false,
        ..Default::default()
    };
    match DbActor::insert(conn, &new).await {
        Ok(a) => Ok(a),
        // Another process created it at the same moment.
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => DbActor::instance_actor(conn)
            .await?
            .ok_or_else(|| anyhow::anyhow!("instance actor vanished")),
        Err(e) => Err(e.into()),
    }
}

/// A handle made from a name: lowercase ASCII letters and digits joined by `-`
/// ("Châlons-en-Champagne" → "chalons-en-champagne").
pub fn handle_from_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ß' => 's',
            'ÿ' => 'y',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out
        .trim_end_matches('-')
        .chars()
        .take(56)
        .collect::<String>();
    if out.is_empty() { "org".into() } else { out }
}

/// Creates a local organisation from an imported list, without a key pair yet: keys are
/// made on first use ([`keys::ensure_keys`]), so that importing thousands stays fast. The handle
/// is derived from the name and made unique.
pub async fn create_imported(
    conn: &mut AsyncPgConnection,
    urls: &Urls,
    name: &str,
    kind: OrgKind,
    country: Option<&str>,
    region: Option<&str>,
    official_code: Option<&str>,
) -> Result<DbActor, AppError> {
    let base = handle_from_name(name);
    let mut handle = base.clone();
    let mut n = 1;
    while DbActor::local_by_handle(conn, &handle).await?.is_some() {
        n += 1;
        handle = format!("{base}-{n}");
    }
    let new = imported_row(urls, &handle, name, kind, country, region, official_code);
    let lau = crate::nuts::lau_of(None, country, official_code);
    Ok(conn
        .transaction(async |conn| {
            let actor = DbActor::insert(conn, &new).await?;
            if lau.is_none() {
                return Ok(actor);
            }
            let codes = ProfileChange {
                lau: Some(lau),
                ..ProfileChange::default()
            };
            DbActor::update_profile(conn, actor.id, &codes).await
        })
        .await?)
}

/// Sets the EU-wide codes of many organisations at once (`ids[i]` gets `lau[i]` and
/// `nuts[i]`): the bulk import's companion of [`imported_row`], whose row type lacks them.
pub async fn set_eu_codes(
    conn: &mut AsyncPgConnection,
    ids: &[i64],
    lau: &[Option<String>],
    nuts: &[Option<String>],
) -> diesel::QueryResult<usize> {
    use diesel::sql_types::{Array, BigInt, Nullable, Text};
    use diesel_async::RunQueryDsl;
    diesel::sql_query(
        "UPDATE actors a SET lau = v.lau, nuts = v.nuts \
         FROM unnest($1::bigint[], $2::text[], $3::text[]) AS v(id, lau, nuts) \
         WHERE a.id = v.id",
    )
    .bind::<Array<BigInt>, _>(ids)
    .bind::<Array<Nullable<Text>>, _>(lau)
    .bind::<Array<Nullable<Text>>, _>(nuts)
    .execute(conn)
    .await
}

/// The row of an organisation created from an imported list: no key pair yet (made on first
/// use by [`keys::ensure_keys`]), discoverable, with what the list says of it. The one definition
/// used by [`create_imported`] and by bulk imports.
pub fn imported_row(
    urls: &Urls,
    handle: &str,
    name: &str,
    kind: OrgKind,
    country: Option<&str>,
    region: Option<&str>,
    official_code: Option<&str>,
) -> NewActor {
    NewActor {
        ap_id: urls.actor(handle),
        local: true,
        actor_type: "Organization".into(),
        handle: handle.to_string(),
        domain: urls
            .base()
            .split("://")
            .nth(1)
            .unwrap_or_default()
            .to_string(),
        name: name.trim().to_string(),
        summary_map: Value::Object(Map::new()),
        summary_html: None,
        inbox_url: urls.inbox(handle),
        shared_inbox_url: Some(urls.shared_inbox()),
        outbox_url: Some(urls.outbox(handle)),
        followers_url: Some(urls.followers(handle)),
        profile_url: Some(urls.actor(handle)),
        icon_url: None,
        image_url: None,
        public_key_pem: String::new(),
        private_key_pem: None,
        manually_approves_followers: false,
        discoverable: true,
        indexable: true,
        org_kind: Some(kind.code().to_string()),
        country: country.map(String::from),
        region: region.map(String::from),
        official_code: official_code.map(String::from),
        ..Default::default()
    }
}
