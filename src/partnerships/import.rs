//! Import of an existing partnership list (CSV), used by the CLI and the API.
//!
//! Columns (header row, any case, in any order, extra columns ignored): `name_a, country_a,
//! code_a, region_a, name_b, country_b, code_b, region_b, kind, founded_year`, and the
//! EU-wide codes `lau_a, nuts_a, lau_b, nuts_b` (see `crate::nuts`); the codes, regions and
//! year may be empty or absent. Commas, semicolons (German and French Excel) and
//! tabs are recognised as separators, and a UTF-8 byte-order mark is skipped.
//!
//! Every row is checked before anything is written. Unless invalid rows may be skipped, one
//! bad row means nothing is imported, and the report names every bad row by its line in the
//! file. Otherwise the import runs in one transaction: each side is matched to a known
//! organisation (by LAU code, given or derived from a national code that is one, then by
//! country and official code, then by name and country, case-insensitively)
//! or created as a local municipality, and a partnership is created unless a live one of
//! that kind exists between the two. Importing the same file again changes nothing.

use crate::db::models::partnership::NewPartnership;
use crate::db::schema::{actors, partnerships};
use crate::error::AppError;
use crate::federation::urls::Urls;
use crate::nuts::Refusal;
use crate::orgs::{self, Profile};
use crate::vocab::{OrgKind, PartnershipKind, PartnershipStatus};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::str::FromStr;

#[derive(Debug, Clone, Copy, Default, Deserialize)]
pub struct ImportOptions {
    /// Import the valid rows and report the others, instead of importing nothing.
    #[serde(default)]
    pub skip_invalid: bool,
}

/// A row that was not imported.
#[derive(utoipa::ToSchema, Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RejectedRow {
    /// 1-based line in the file where the row starts; the header is line 1.
    pub line: usize,
    pub reason: String,
}

/// What an import did (or, with `imported: false`, would not do).
#[derive(utoipa::ToSchema, Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    /// Data rows read (blank rows not counted).
    pub rows: usize,
    /// Distinct organisations that existed before and were matched.
    pub organisations_matched: usize,
    /// Distinct local organisations created.
    pub organisations_created: usize,
    pub partnerships_created: usize,
    /// Rows whose live partnership existed already (before, or earlier in the file).
    pub partnerships_existing: usize,
    /// Rows not imported, by line.
    pub rejected: Vec<RejectedRow>,
    /// Whether anything was written: false when invalid rows stopped the import.
    pub imported: bool,
}

/// Column names the importer reads.
const REQUIRED: [&str; 5] = ["name_a", "country_a", "name_b", "country_b", "kind"];
const OPTIONAL: [&str; 9] = [
    "code_a",
    "region_a",
    "code_b",
    "region_b",
    "founded_year",
    "lau_a",
    "nuts_a",
    "lau_b",
    "nuts_b",
];

/// Rows per INSERT: far below PostgreSQL's 65,535 bind parameters.
const INSERT_CHUNK: usize = 1000;

/// One side of a row, checked and normalised.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Side {
    pub(crate) name: String,
    /// ISO 3166-1 alpha-2, uppercase.
    pub(crate) country: String,
    pub(crate) code: Option<String>,
    pub(crate) region: Option<String>,
    /// Eurostat LAU code: given, or derived from `code` where that is one.
    pub(crate) lau: Option<String>,
    pub(crate) nuts: Option<String>,
}

/// How a municipality's name is compared: lowercase, without accents (whether the file
/// wrote them as one character or as a letter and a combining mark, as Mac exports do),
/// without the words for "town" or "municipality" in front ("Stadt Dortmund" is
/// "Dortmund", "Ville d'Orléans" is "Orleans"), spaces collapsed. A code, when both sides
/// have one, still tells two places of the same name apart.
pub fn name_key(name: &str) -> String {
    let lower = name.trim().to_lowercase().replace('’', "'");
    let folded: String = lower
        .chars()
        // Combining marks (a decomposed "ö" is "o" and U+0308).
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' => "a".to_string(),
            'ç' | 'ć' | 'č' => "c".to_string(),
            'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => "e".to_string(),
            'ì' | 'í' | 'î' | 'ï' => "i".to_string(),
            'ł' => "l".to_string(),
            'ñ' | 'ń' | 'ň' => "n".to_string(),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o".to_string(),
            'ś' | 'š' => "s".to_string(),
            'ù' | 'ú' | 'û' | 'ü' | 'ů' => "u".to_string(),
            'ý' | 'ÿ' => "y".to_string(),
            'ź' | 'ż' | 'ž' => "z".to_string(),
            'ß' => "ss".to_string(),
            'œ' => "oe".to_string(),
            'æ' => "ae".to_string(),
            other => other.to_string(),
        })
        .collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let mut name = words.join(" ");
    for prefix in [
        "landeshauptstadt ",
        "hansestadt ",
        "stadt ",
        "gemeinde ",
        "ville de ",
        "ville d'",
        "commune de ",
        "commune d'",
        "citta di ",
        "comune di ",
        "miasto ",
        "gmina ",
    ] {
        if let Some(rest) = name.strip_prefix(prefix)
            && !rest.is_empty()
        {
            name = rest.to_string();
            break;
        }
    }
    name
}

/// The "country" of keys by LAU code, which is unique across Europe.
const LAU_KEY: &str = "LAU";

impl Side {
    fn name_key(&self) -> Key {
        (self.country.clone(), name_key(&self.name))
    }

    /// The LAU code when known, else the country and national code.
    fn code_key(&self) -> Option<Key> {
        match &self.lau {
            Some(l) => Some((LAU_KEY.into(), l.clone())),
            None => self.code.clone().map(|c| (self.country.clone(), c)),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ValidRow {
    pub(crate) line: usize,
    pub(crate) a: Side,
    pub(crate) b: Side,
    kind: PartnershipKind,
    founded_year: Option<i32>,
}

/// The rows of a file, checked: the valid ones and the reasons for the others.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub(crate) rows: usize,
    pub(crate) valid: Vec<ValidRow>,
    pub(crate) rejected: Vec<RejectedRow>,
}

/// The separator the header line uses most: `,` unless `;` or a tab is more frequent.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| (first.bytes().filter(|b| b == d).count(), *d == b','))
        .unwrap_or(b',')
}

/// Trims and collapses every run of whitespace (line breaks included) into one space.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An official code as lists hold it, restored where a spreadsheet dropped the leading zero
/// of a German AGS (8 digits) or a French INSEE code (5 characters).
fn normalise_code(country: &str, code: &str) -> String {
    let width = match country {
        "DE" => 8,
        "FR" => 5,
        _ => return code.to_string(),
    };
    // Corsica's codes have a letter: 2A004.
    let code = code.to_ascii_uppercase();
    if code.len() == width - 1 && code.chars().all(|c| c.is_ascii_digit()) {
        format!("0{code}")
    } else {
        code
    }
}

struct Header {
    columns: HashMap<String, usize>,
}

impl Header {
    fn field<'r>(&self, record: &'r csv::StringRecord, name: &str) -> &'r str {
        self.columns
            .get(name)
            .and_then(|&i| record.get(i))
            .map(str::trim)
            .unwrap_or_default()
    }
}

fn parse_side(
    header: &Header,
    record: &csv::StringRecord,
    s: &str,
    problems: &mut Vec<String>,
) -> Side {
    let name = clean(header.field(record, &format!("name_{s}")));
    if name.is_empty() {
        problems.push(format!("name_{s} is missing"));
    } else if name.chars().count() > 200 {
        problems.push(format!("name_{s} is longer than 200 characters"));
    }
    let raw_country = header.field(record, &format!("country_{s}"));
    let country = raw_country.to_ascii_uppercase();
    let country_ok = country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase());
    if raw_country.is_empty() {
        problems.push(format!("country_{s} is missing"));
    } else if !country_ok {
        problems.push(format!(
            "country_{s} `{raw_country}` is not an ISO 3166-1 alpha-2 code (like DE or FR)"
        ));
    }
    let raw_code = header.field(record, &format!("code_{s}"));
    let code = (!raw_code.is_empty()).then(|| normalise_code(&country, raw_code));
    // A code is judged by its country's rules, so only once the country is known.
    if let Some(code) = code.as_ref().filter(|_| country_ok) {
        // The same rule as a profile edit, so an imported organisation stays editable.
        let profile = Profile {
            country: Some(country.clone()),
            official_code: Some(code.clone()),
            ..Profile::default()
        };
        if let Err(e) = profile.validate(Some(OrgKind::Municipality)) {
            let why = e
                .message
                .strip_prefix("official_code: ")
                .unwrap_or(&e.message);
            problems.push(format!("code_{s} `{raw_code}`: {why}"));
        }
    }
    let region =
        Some(clean(header.field(record, &format!("region_{s}")))).filter(|r| !r.is_empty());
    let mut eu_code = |column: String, check: fn(&str, Option<&str>) -> Result<(), Refusal>| {
        let raw = header.field(record, &column);
        let v = raw.to_ascii_uppercase();
        if v.is_empty() {
            return None;
        }
        match check(&v, country_ok.then_some(country.as_str())) {
            Ok(()) => Some(v),
            Err(why) => {
                problems.push(format!("{column} `{raw}`: {why}"));
                None
            }
        }
    };
    let lau = eu_code(format!("lau_{s}"), crate::nuts::check_lau);
    let nuts = eu_code(format!("nuts_{s}"), crate::nuts::check_nuts);
    let lau = crate::nuts::lau_of(lau.as_deref(), Some(&country), code.as_deref());
    Side {
        name,
        country,
        code,
        region,
        lau,
        nuts,
    }
}

fn parse_row(header: &Header, record: &csv::StringRecord) -> Result<ValidRow, String> {
    let mut problems = Vec::new();
    let a = parse_side(header, record, "a", &mut problems);
    let b = parse_side(header, record, "b", &mut problems);
    let raw_kind = header.field(record, "kind");
    let kind = if raw_kind.is_empty() {
        problems.push("kind is missing".into());
        None
    } else {
        PartnershipKind::from_str(raw_kind)
            .map_err(|e| problems.push(e))
            .ok()
    };
    let raw_year = header.field(record, "founded_year");
    let founded_year = if raw_year.is_empty() {
        None
    } else {
        match raw_year.parse::<i32>() {
            Ok(y) if (1800..=2200).contains(&y) => Some(y),
            _ => {
                problems.push(format!(
                    "founded_year `{raw_year}` is not a year between 1800 and 2200"
                ));
                None
            }
        }
    };
    if problems.is_empty()
        && (a.name_key() == b.name_key()
            || (a.code_key().is_some() && a.code_key() == b.code_key()))
    {
        problems.push(format!(
            "a municipality cannot be partnered with itself ({}, {})",
            a.name, a.country
        ));
    }
    match kind {
        Some(kind) if problems.is_empty() => Ok(ValidRow {
            line: line_of(record),
            a,
            b,
            kind,
            founded_year,
        }),
        _ => Err(problems.join("; ")),
    }
}

fn line_of(record: &csv::StringRecord) -> usize {
    record
        .position()
        .and_then(|p| usize::try_from(p.line()).ok())
        .unwrap_or_default()
}

/// A list file's text: UTF-8 when it is (with or without a byte order mark), else read as
/// Windows-1252, what German and French Excel write by "CSV (separated by semicolons)"
/// (`Köln` is the byte 0xF6 there). Every byte is a character in Windows-1252, so nothing
/// is refused; a file in yet another encoding shows its wrong letters in the report.
pub fn decode_text(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    // 0x80–0x9F: the characters Windows-1252 puts where Latin-1 has control codes (the five
    // unassigned ones are kept as those codes).
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Reads and checks every row; only a file without a usable header row is an error.
pub(crate) fn parse(text: &str) -> Result<Parsed, AppError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Lines as the file's author saw them: a lone CR (old Mac spreadsheets) ends a line too.
    // The CSV reader ends a record there but counts lines by LF only, so the line numbers of
    // the report would be wrong; a line break inside a cell is whitespace either way.
    let normalised;
    let text = if text.contains('\r') {
        normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        normalised.as_str()
    } else {
        text
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            return Err(AppError::invalid(
                "file",
                format!("the header row is unreadable: {e}"),
            ));
        }
        None => return Err(AppError::invalid("file", "the file is empty")),
    };
    if header.iter().any(|h| !crate::input::storable(h)) {
        return Err(AppError::invalid(
            "file",
            format!("the header row {}", crate::input::NUL_REFUSED),
        ));
    }
    let names: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let mut columns = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        columns.entry(name.trim().to_lowercase()).or_insert(i);
    }
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|c| !columns.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        return Err(AppError::invalid(
            "file",
            format!(
                "the header row lacks {}; required columns: {}; optional: {}",
                missing.join(", "),
                REQUIRED.join(", "),
                OPTIONAL.join(", ")
            ),
        ));
    }
    let header = Header { columns };
    let mut parsed = Parsed::default();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                parsed.rows += 1;
                let line = e
                    .position()
                    .and_then(|p| usize::try_from(p.line()).ok())
                    .unwrap_or_default();
                parsed.rejected.push(RejectedRow {
                    line,
                    reason: format!("unreadable: {e}"),
                });
                continue;
            }
        };
        // Spreadsheets save empty rows as a line of separators.
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        parsed.rows += 1;
        if let Some(i) = record.iter().position(|f| !crate::input::storable(f)) {
            let column = names
                .get(i)
                .map_or_else(|| format!("{}", i + 1), Clone::clone);
            parsed.rejected.push(RejectedRow {
                line: line_of(&record),
                reason: format!("column `{column}` {}", crate::input::NUL_REFUSED),
            });
            continue;
        }
        match parse_row(&header, &record) {
            Ok(row) => parsed.valid.push(row),
            Err(reason) => parsed.rejected.push(RejectedRow {
                line: line_of(&record),
                reason,
            }),
        }
    }
    Ok(parsed)
}

/// An organisation a side resolves to: one that exists, or the n-th one to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum OrgRef {
    Existing(i64),
    New(usize),
}

/// (country, official code) or (country, lowercase name).
type Key = (String, String);

/// The organisations known to the import, looked up by code and by name.
#[derive(Default)]
struct OrgIndex {
    by_code: HashMap<Key, OrgRef>,
    /// Per (country, lowercase name), the organisations and their codes, preferred first.
    by_name: HashMap<Key, Vec<(OrgRef, Option<String>)>>,
}

impl OrgIndex {
    fn add(&mut self, r: OrgRef, country: &str, name: &str, code: Option<&str>, lau: Option<&str>) {
        if let Some(lau) = lau {
            self.by_code
                .entry((LAU_KEY.to_string(), lau.to_string()))
                .or_insert(r);
        }
        if let Some(code) = code {
            self.by_code
                .entry((country.to_string(), code.to_string()))
                .or_insert(r);
        }
        self.by_name
            .entry((country.to_string(), name_key(name)))
            .or_default()
            .push((r, code.map(String::from)));
    }

    /// By country and code first; then by name and country, passing over an organisation
    /// whose code says it is another municipality of the same name.
    fn find(&self, side: &Side) -> Option<OrgRef> {
        if let Some(r) = side.code_key().and_then(|k| self.by_code.get(&k)) {
            return Some(*r);
        }
        let national = side.code.clone().map(|c| (side.country.clone(), c));
        if let Some(r) = national.and_then(|k| self.by_code.get(&k)) {
            return Some(*r);
        }
        self.by_name
            .get(&side.name_key())?
            .iter()
            .find(|(_, code)| side.code.is_none() || code.is_none() || *code == side.code)
            .map(|(r, _)| *r)
    }
}

// The queries below are the import's own bulk versions of model queries; they move to
// `db/models` once something else needs them.

/// Loads the organisations the rows could match: every live actor of the rows' countries.
/// Names are compared in Rust, so matching does not depend on the database's locale.
async fn known_organisations(
    conn: &mut AsyncPgConnection,
    countries: Vec<String>,
) -> QueryResult<OrgIndex> {
    type Known = (i64, String, Option<String>, Option<String>, Option<String>);
    let rows: Vec<Known> = actors::table
        .filter(actors::country.eq_any(countries))
        .filter(actors::deleted_at.is_null())
        .filter(actors::actor_type.ne("Application"))
        // Local organisations before remote ones, then the oldest.
        .order((actors::local.desc(), actors::id.asc()))
        .select((
            actors::id,
            actors::name,
            actors::country,
            actors::official_code,
            actors::lau,
        ))
        .load(conn)
        .await?;
    let mut index = OrgIndex::default();
    for (id, name, country, code, lau) in rows {
        if let Some(country) = country {
            index.add(
                OrgRef::Existing(id),
                &country,
                &clean(&name),
                code.as_deref(),
                lau.as_deref(),
            );
        }
    }
    Ok(index)
}

/// The live partnerships among `ids`, as (lower id, higher id, kind) — the same pairs
/// [`DbPartnership::live_between`](crate::db::models::partnership::DbPartnership::live_between) finds.
async fn live_pairs(
    conn: &mut AsyncPgConnection,
    ids: &[i64],
) -> QueryResult<HashSet<(i64, i64, PartnershipKind)>> {
    if ids.len() < 2 {
        return Ok(HashSet::new());
    }
    let rows: Vec<(i64, i64, PartnershipKind)> = partnerships::table
        .filter(partnerships::subject_id.eq_any(ids))
        .filter(partnerships::object_id.eq_any(ids))
        .filter(partnerships::status.eq_any(PartnershipStatus::LIVE))
        .select((
            partnerships::subject_id,
            partnerships::object_id,
            partnerships::kind,
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(s, o, k)| (s.min(o), s.max(o), k))
        .collect())
}

/// Creates the new organisations exactly as [`orgs::create_imported`] makes one: local
/// municipalities without a key pair yet (made on first use), with a handle derived from the
/// name and made unique. A list can name thousands, so this takes one query for the handles
/// taken and one INSERT per thousand organisations, where `create_imported` takes two round
/// trips each (half a minute for 15,000).
// Keep in step with `orgs::create_imported`; a test compares what the two make.
async fn create_organisations(
    conn: &mut AsyncPgConnection,
    urls: &Urls,
    sides: &[Side],
) -> Result<Vec<i64>, AppError> {
    if sides.is_empty() {
        return Ok(Vec::new());
    }
    let mut taken: HashSet<String> = actors::table
        .filter(actors::local.eq(true))
        .select(actors::handle)
        .load::<String>(conn)
        .await?
        .into_iter()
        .map(|h| h.to_lowercase())
        .collect();
    let mut handles = Vec::with_capacity(sides.len());
    let mut new = Vec::with_capacity(sides.len());
    for side in sides {
        let base = orgs::handle_from_name(&side.name);
        let mut handle = base.clone();
        let mut n = 1;
        while taken.contains(&handle) {
            n += 1;
            handle = format!("{base}-{n}");
        }
        taken.insert(handle.clone());
        new.push(orgs::imported_row(
            urls,
            &handle,
            &side.name,
            OrgKind::Municipality,
            Some(&side.country),
            side.region.as_deref(),
            side.code.as_deref(),
        ));
        handles.push(handle);
    }
    let mut ids: HashMap<String, i64> = HashMap::with_capacity(new.len());
    for chunk in new.chunks(INSERT_CHUNK) {
        let rows: Vec<(i64, String)> = diesel::insert_into(actors::table)
            .values(chunk)
            .returning((actors::id, actors::handle))
            .get_results(conn)
            .await?;
        ids.extend(rows.into_iter().map(|(id, h)| (h, id)));
    }
    let ids: Vec<i64> = handles
        .iter()
        .map(|h| {
            ids.get(h).copied().ok_or_else(|| {
                AppError::internal(anyhow::anyhow!("the organisation `{h}` was not inserted"))
            })
        })
        .collect::<Result<_, _>>()?;
    // The EU-wide codes, which the shared row type does not carry.
    let coded: Vec<(i64, &Side)> = ids
        .iter()
        .copied()
        .zip(sides)
        .filter(|(_, s)| s.lau.is_some() || s.nuts.is_some())
        .collect();
    for chunk in coded.chunks(INSERT_CHUNK) {
        orgs::set_eu_codes(
            conn,
            &chunk.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
            &chunk.iter().map(|(_, s)| s.lau.clone()).collect::<Vec<_>>(),
            &chunk
                .iter()
                .map(|(_, s)| s.nuts.clone())
                .collect::<Vec<_>>(),
        )
        .await?;
    }
    Ok(ids)
}

struct Resolved {
    a: OrgRef,
    b: OrgRef,
    kind: PartnershipKind,
    founded_year: Option<i32>,
}

/// Imports a partnership list. Invalid rows stop the import (nothing is written, the report
/// says `imported: false`) unless `opts.skip_invalid`; a file without the required columns
/// is a 422 naming them.
pub async fn import_csv(
    conn: &mut AsyncPgConnection,
    urls: &Urls,
    text: &str,
    opts: &ImportOptions,
) -> Result<ImportReport, AppError> {
    let parsed = parse(text)?;
    let report = conn
        .transaction::<_, AppError, _>(async |conn| {
            import_rows(conn, urls, parsed, opts.skip_invalid).await
        })
        .await?;
    tracing::info!(
        rows = report.rows,
        rejected = report.rejected.len(),
        organisations.created = report.organisations_created,
        organisations.matched = report.organisations_matched,
        partnerships.created = report.partnerships_created,
        partnerships.existing = report.partnerships_existing,
        imported = report.imported,
        "partnership list imported"
    );
    Ok(report)
}

async fn import_rows(
    conn: &mut AsyncPgConnection,
    urls: &Urls,
    parsed: Parsed,
    skip_invalid: bool,
) -> Result<ImportReport, AppError> {
    let Parsed {
        rows,
        valid,
        mut rejected,
    } = parsed;
    let mut report = ImportReport {
        rows,
        ..ImportReport::default()
    };

    // Resolve every side before writing, so a row whose two sides turn out to be one
    // organisation is reported with the others.
    let countries: HashSet<String> = valid
        .iter()
        .flat_map(|r| [r.a.country.clone(), r.b.country.clone()])
        .collect();
    let mut index = known_organisations(conn, countries.into_iter().collect()).await?;
    let mut to_create: Vec<Side> = Vec::new();
    let mut resolved = Vec::with_capacity(valid.len());
    for row in valid {
        let (found_a, found_b) = (index.find(&row.a), index.find(&row.b));
        if found_a.is_some() && found_a == found_b {
            rejected.push(RejectedRow {
                line: row.line,
                reason: format!(
                    "both sides are the same organisation ({}, {})",
                    row.a.name, row.a.country
                ),
            });
            continue;
        }
        let mut side = |found: Option<OrgRef>, side: Side| {
            found.unwrap_or_else(|| {
                let r = OrgRef::New(to_create.len());
                index.add(
                    r,
                    &side.country,
                    &side.name,
                    side.code.as_deref(),
                    side.lau.as_deref(),
                );
                to_create.push(side);
                r
            })
        };
        let a = side(found_a, row.a);
        let b = side(found_b, row.b);
        resolved.push(Resolved {
            a,
            b,
            kind: row.kind,
            founded_year: row.founded_year,
        });
    }
    rejected.sort_by_key(|r| r.line);
    report.rejected = rejected;
    if !report.rejected.is_empty() && !skip_invalid {
        return Ok(report);
    }

    let created = create_organisations(conn, urls, &to_create).await?;
    let id_of = |r: OrgRef| match r {
        OrgRef::Existing(id) => Some(id),
        OrgRef::New(n) => created.get(n).copied(),
    };
    let matched: Vec<i64> = resolved
        .iter()
        .flat_map(|r| [r.a, r.b])
        .filter_map(|r| match r {
            OrgRef::Existing(id) => Some(id),
            OrgRef::New(_) => None,
        })
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    report.organisations_matched = matched.len();
    report.organisations_created = created.len();

    let mut live = live_pairs(conn, &matched).await?;
    let mut new = Vec::new();
    for r in &resolved {
        let (Some(a), Some(b)) = (id_of(r.a), id_of(r.b)) else {
            return Err(AppError::internal(anyhow::anyhow!(
                "an organisation to create was not created"
            )));
        };
        if !live.insert((a.min(b), a.max(b), r.kind)) {
            report.partnerships_existing += 1;
            continue;
        }
        new.push(NewPartnership {
            ap_id: format!(
                "{}/partnerships/{}",
                urls.base(),
                uuid::Uuid::new_v4().simple()
            ),
            subject_id: a,
            object_id: b,
            kind: r.kind,
            founded_year: r.founded_year,
            status: PartnershipStatus::Active,
            ended_on: None,
            confirmed: false,
            imported: true,
            languages: vec![],
            themes: vec![],
            description: Value::Object(Map::new()),
            offer_activity_id: None,
        });
    }
    for chunk in new.chunks(INSERT_CHUNK) {
        diesel::insert_into(partnerships::table)
            .values(chunk)
            .execute(conn)
            .await?;
    }
    report.partnerships_created = new.len();
    report.imported = true;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "name_a,country_a,code_a,region_a,name_b,country_b,code_b,region_b,kind,founded_year";

    fn reasons(text: &str) -> Vec<(usize, String)> {
        let parsed = parse(text).expect("header is fine");
        parsed
            .rejected
            .into_iter()
            .map(|r| (r.line, r.reason))
            .collect()
    }

    #[test]
    fn a_nul_in_a_cell_rejects_its_row_naming_the_column() {
        let text = format!(
            "{HEADER}\n\
             Dortmund,DE,05913000,,Ami\u{0}ens,FR,80021,,jumelage,1960\n\
             Essen,DE,05113000,,Grenoble,FR,38185,,Freundschaft,1976\n"
        );
        assert_eq!(
            reasons(&text),
            [(2, format!("column `name_b` {}", crate::input::NUL_REFUSED))]
        );
        let e = parse(&format!("{HEADER},x\u{0}\n")).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("file"));
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_for_the_report_too() {
        // Found by the fuzz target `import_csv`: a header ended by CR alone put the first
        // row on "line 1".
        let p = parse(
            "Name_A;Country_A;Name_B;Country_B;Kind\rRennes;FR;Erlangen;DE;twinning\r\nAmiens;FR;Dortmund;DE;twinning\n",
        )
        .unwrap();
        let lines: Vec<usize> = p.valid.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3]);
    }

    #[test]
    fn rows_are_checked_with_their_lines() {
        let text = format!(
            "{HEADER}\n\
             Dortmund,DE,05913000,,Amiens,FR,80021,,jumelage,1960\n\
             \"Frankfurt\n(Oder)\",de,,,Słubice,pl,,,Partnerschaft,1975\n\
             Köln,DE,,,Lille,FR,,,Bündnis,1958\n\
             Münster,,,,Orléans,FR,,,Partnerschaft,1960\n\
             ,DE,,,Reims,France,,,twinning,19600\n\
             Aachen,DE,05334002,,AACHEN,de,,,twinning,\n\
             Essen,DE,5113000,,Grenoble,FR,3818,,Freundschaft,1976\n\
             Essen,DE,12345,,Grenoble,FR,38185,,Freundschaft,1976\n\
             ,,,,,,,,,\n"
        );
        let parsed = parse(&text).expect("header is fine");
        assert_eq!(parsed.rows, 8, "the blank row is not a row");
        let valid: Vec<(usize, &str, &str)> = parsed
            .valid
            .iter()
            .map(|r| (r.line, r.a.name.as_str(), r.b.country.as_str()))
            .collect();
        assert_eq!(
            valid,
            [
                (2, "Dortmund", "FR"),
                (3, "Frankfurt (Oder)", "PL"),
                (9, "Essen", "FR")
            ]
        );
        // A spreadsheet dropped the leading zeros.
        assert_eq!(parsed.valid[2].a.code.as_deref(), Some("05113000"));
        assert_eq!(parsed.valid[2].b.code.as_deref(), Some("03818"));
        let rejected = reasons(&text);
        let lines: Vec<usize> = rejected.iter().map(|r| r.0).collect();
        assert_eq!(lines, [5, 6, 7, 8, 10]);
        assert!(rejected[0].1.contains("unknown partnership kind `Bündnis`"));
        assert_eq!(rejected[1].1, "country_a is missing");
        assert!(
            rejected[2].1.contains("name_a is missing"),
            "{:?}",
            rejected[2]
        );
        assert!(rejected[2].1.contains("country_b `France`"));
        assert!(rejected[2].1.contains("founded_year `19600`"));
        assert!(rejected[3].1.contains("partnered with itself"));
        assert!(rejected[4].1.starts_with("code_a `12345`: a German AGS"));
    }

    #[test]
    fn excel_files_with_semicolons_and_a_bom_are_read() {
        let text = "\u{feff}Name_A;Country_A;Name_B;Country_B;Kind;Bemerkung\r\n\
                    Stuttgart;DE;Strasbourg;FR;Partnerschaft;seit 1962\r\n";
        let parsed = parse(text).expect("header is fine");
        assert_eq!(parsed.rows, 1);
        assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
        assert_eq!(parsed.valid[0].b.name, "Strasbourg");
        assert_eq!(parsed.valid[0].kind, PartnershipKind::Twinning);
    }

    #[test]
    fn lists_saved_by_excel_in_windows_1252_are_read() {
        // "Köln;DE;Liège;BE;Städtepartnerschaft – seit 1958" as German Excel saves it.
        let mut bytes = b"Name_A;Country_A;Name_B;Country_B;Kind;Bemerkung\r\nK".to_vec();
        bytes.extend([0xf6]);
        bytes.extend(b"ln;DE;Li");
        bytes.extend([0xe8]);
        bytes.extend(b"ge;BE;St");
        bytes.extend([0xe4]);
        bytes.extend(b"dtepartnerschaft;");
        bytes.extend([0x96]);
        bytes.extend(b" seit 1958\r\n");
        let text = decode_text(&bytes);
        assert!(
            text.contains("Köln;DE;Liège;BE;Städtepartnerschaft;– seit 1958"),
            "{text}"
        );
        let parsed = parse(&text).expect("header is fine");
        assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
        assert_eq!(parsed.valid[0].a.name, "Köln");
        // UTF-8 stays UTF-8.
        assert_eq!(decode_text("Köln".as_bytes()), "Köln");
    }

    #[test]
    fn names_are_compared_without_accents_and_town_words() {
        let same = [
            ("Orléans", "Orleans"),
            ("Köln", "Ko\u{308}ln"),
            ("Stadt Dortmund", "Dortmund"),
            ("Ville d’Orléans", "orleans"),
            ("Commune de Liège", "Liege"),
            ("Città di Torino", "Torino"),
            ("Gmina Łódź", "Lodz"),
            ("  Bad   Homburg ", "Bad Homburg"),
        ];
        for (a, b) in same {
            assert_eq!(name_key(a), name_key(b), "{a} / {b}");
        }
        assert_ne!(name_key("Stadt"), "", "a name that is only the word stays");
        assert_ne!(name_key("Homburg"), name_key("Bad Homburg"));
    }

    #[test]
    fn a_header_without_required_columns_is_refused() {
        let err = parse("name_a,country_a,name_b,kind\nA,DE,B,twinning\n").err();
        let message = err.map(|e| e.message).unwrap_or_default();
        assert!(message.contains("lacks country_b"), "{message}");
        assert!(parse("").is_err());
    }

    #[test]
    fn matching_passes_over_a_namesake_with_another_code() {
        let mut index = OrgIndex::default();
        index.add(
            OrgRef::Existing(1),
            "FR",
            "Saint-Martin",
            Some("01234"),
            None,
        );
        index.add(OrgRef::Existing(2), "FR", "saint-martin", None, None);
        let side = |code: Option<&str>| Side {
            name: "SAINT-MARTIN".into(),
            country: "FR".into(),
            code: code.map(String::from),
            region: None,
            lau: None,
            nuts: None,
        };
        assert_eq!(index.find(&side(Some("01234"))), Some(OrgRef::Existing(1)));
        assert_eq!(index.find(&side(Some("09999"))), Some(OrgRef::Existing(2)));
        assert_eq!(index.find(&side(None)), Some(OrgRef::Existing(1)));
    }

    #[test]
    fn matching_keys_on_the_lau_code_across_spellings_and_national_codes() {
        let mut index = OrgIndex::default();
        index.add(OrgRef::Existing(7), "IT", "Roma", None, Some("IT_058091"));
        index.add(
            OrgRef::Existing(8),
            "DE",
            "Dortmund",
            Some("05913000"),
            Some("DE_05913000"),
        );
        let text = "name_a,country_a,lau_a,nuts_a,name_b,country_b,code_b,kind\n\
                    Comune di Roma,it,it_058091,iti43,Stadt Dortmund,DE,5913000,twinning\n\
                    Rome,IT,FR_058091,,Dortmund,DE,,twinning\n";
        let parsed = parse(text).unwrap();
        assert_eq!(parsed.valid.len(), 1, "{:?}", parsed.rejected);
        let row = &parsed.valid[0];
        assert_eq!(row.a.lau.as_deref(), Some("IT_058091"));
        assert_eq!(row.a.nuts.as_deref(), Some("ITI43"));
        assert_eq!(
            row.b.lau.as_deref(),
            Some("DE_05913000"),
            "derived from the AGS"
        );
        assert_eq!(
            index.find(&row.a),
            Some(OrgRef::Existing(7)),
            "another name"
        );
        assert_eq!(index.find(&row.b), Some(OrgRef::Existing(8)));
        assert!(
            parsed.rejected[0].reason.contains("lau_a `FR_058091`"),
            "{:?}",
            parsed.rejected
        );
    }
}
