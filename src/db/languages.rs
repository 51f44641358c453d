//! The search analysis of every language of `locales/languages.toml`. A language missing from
//! `search_languages` gets its text-search configuration `passerelle_<code>` (its Snowball
//! stemmer after `unaccent`, as the first languages' have, or no stemmer) and its row, and
//! what is already written in it is queued for indexing again. Run at start-up, after the
//! migrations and under their lock, so that a new language needs no migration.

use crate::locale::Lang;
use anyhow::{Context, bail};
use diesel::connection::LoadConnection;
use diesel::pg::Pg;
use diesel::sql_types::{Bool, Text};
use diesel::{Connection, QueryableByName, RunQueryDsl};

#[derive(QueryableByName)]
struct Found {
    #[diesel(sql_type = Bool)]
    found: bool,
}

/// Every configured language with its stemmer.
pub fn configured() -> Vec<(&'static str, &'static str)> {
    Lang::ALL.iter().map(|l| (l.code(), l.stemmer())).collect()
}

fn exists<C: Connection<Backend = Pg> + LoadConnection>(
    conn: &mut C,
    query: &str,
    value: &str,
) -> anyhow::Result<bool> {
    let found: Found = diesel::sql_query(format!("SELECT EXISTS ({query}) AS found"))
        .bind::<Text, _>(value)
        .get_result(conn)?;
    Ok(found.found)
}

/// A code or stemmer name, safe to write into a configuration's name (`build.rs` refuses
/// others already).
fn is_word(s: &str) -> bool {
    !s.is_empty() && s.len() <= 30 && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// Adds the languages (code, stemmer) that `search_languages` lacks; returns their codes.
pub fn add_missing<C: Connection<Backend = Pg> + LoadConnection>(
    conn: &mut C,
    languages: &[(&str, &str)],
) -> anyhow::Result<Vec<String>> {
    let mut added = Vec::new();
    for (code, stemmer) in languages {
        if !is_word(code) || !is_word(stemmer) {
            bail!("language `{code}` with stemmer `{stemmer}`: not a code and a stemmer's name");
        }
        if exists(conn, "SELECT 1 FROM search_languages WHERE lang = $1", code)? {
            continue;
        }
        conn.transaction(|conn| add(conn, code, stemmer))
            .with_context(|| format!("adding the search analysis of `{code}`"))?;
        tracing::info!(lang = code, stemmer, "search analysis added");
        added.push(code.to_string());
    }
    Ok(added)
}

fn add<C: Connection<Backend = Pg> + LoadConnection>(
    conn: &mut C,
    code: &str,
    stemmer: &str,
) -> anyhow::Result<()> {
    let config = format!("passerelle_{code}");
    if !exists(
        conn,
        "SELECT 1 FROM pg_ts_config WHERE cfgname = $1",
        &config,
    )? {
        let dictionary = if stemmer == "simple" {
            "simple".to_string()
        } else {
            let dictionary = format!("{stemmer}_stem");
            if !exists(
                conn,
                "SELECT 1 FROM pg_ts_dict WHERE dictname = $1",
                &dictionary,
            )? || !exists(
                conn,
                "SELECT 1 FROM pg_ts_config WHERE cfgname = $1",
                stemmer,
            )? {
                bail!(
                    "PostgreSQL has no Snowball stemmer `{stemmer}` (no dictionary {dictionary}): \
                     name one that `\\dFd` lists, or \"simple\", in locales/languages.toml"
                );
            }
            dictionary
        };
        diesel::sql_query(format!(
            "CREATE TEXT SEARCH CONFIGURATION {config} (COPY = {stemmer})"
        ))
        .execute(conn)?;
        diesel::sql_query(format!(
            "ALTER TEXT SEARCH CONFIGURATION {config} \
             ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary}"
        ))
        .execute(conn)?;
    }
    diesel::sql_query("INSERT INTO search_languages (lang, config) VALUES ($1, $2::regconfig)")
        .bind::<Text, _>(code)
        .bind::<Text, _>(&config)
        .execute(conn)?;
    // Text in the language was analysed without a stemmer until now.
    for queue in [
        "SELECT search_queue('post', ARRAY(
             SELECT DISTINCT post_id FROM post_translations WHERE language = $1))",
        "SELECT search_queue('organisation', ARRAY(
             SELECT id FROM actors WHERE $1 = ANY (languages) OR summary_map ? $1))",
        "SELECT search_queue('partnership', ARRAY(
             SELECT id FROM partnerships WHERE description ? $1))",
    ] {
        diesel::sql_query(queue)
            .bind::<Text, _>(code)
            .execute(conn)?;
    }
    Ok(())
}
