//! Search benchmark (issues #5 and #18): 1,000,000 mixed German and French posts, the index build,
//! its size, query latency per class (terms matching ~100 / ~1,000 / ~10,000 posts by
//! relevance and newest first, a German compound part, a French accented word, a phrase, a
//! rare term newest first, a facet filter) and the latency while posts are being ingested.
//!
//! ```text
//! cargo bench --bench search                          # 1,000,000 posts (~15 min)
//! cargo bench --bench search -- --posts 100000        # smaller, while developing
//! cargo bench --bench search -- --reuse               # keep and reuse the loaded database
//! ```
//!
//! Options (or environment): `--posts N` (`SEARCH_BENCH_POSTS`), `--reps N` query
//! repetitions per class (`SEARCH_BENCH_REPS`, default 100), `--ingest-seconds S` (default
//! 30), `--reuse` (keep the database `passerelle_bench_search` afterwards, and reuse it when
//! it already holds the asked-for posts: generation and the index build are skipped).
//!
//! Queries go through the real code path: `SearchParams::check()` then
//! `passerelle::search::local::search`. Nothing asserts a time: figures are printed with the
//! targets of issue #18 and PASS/MISS. Needs PostgreSQL on 127.0.0.1:5432 (or
//! `PASSERELLE_TEST_DATABASE`).

use diesel::QueryableByName;
use diesel::sql_types::{Array, BigInt, Bool, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use passerelle::search::{SearchParams, Sort, local};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};
use url::Url;

const DB_NAME: &str = "passerelle_bench_search";
const ORGS: usize = 300;
const BATCH: usize = 5_000;
const SEED: u64 = 0x5EA2C4;
/// The most time one class's repetitions take (at least 5 runs are made).
const CLASS_BUDGET: Duration = Duration::from_secs(8);
/// Publication dates spread from 2017-01-01 to 2026-11-01 (seconds since the epoch).
const FIRST_DAY: i64 = 1_483_228_800;
const LAST_DAY: i64 = 1_793_491_200;

// ---------------------------------------------------------------------------------------
// Vocabularies: hand-written heads (the most frequent words, function words included), then
// generated tails (German compounds, French place-like names), Zipf-distributed.

const DE_HEAD: &str = "der die das und mit für im in von zu den dem ein eine auf bei nach aus \
über unsere unser wir sie auch wieder zum zur vom am als sich wird wurde haben sind ist \
Stadt Gemeinde Partnerstadt Besuch Delegation Bürgermeister Bürgermeisterin Jugend Schüler \
Schülerinnen Austausch Schule Klasse Lehrer Projekt Verein Freundschaft Begegnung Europa \
Frankreich Deutschland Sommer Herbst Winter Frühling Woche Fest Jubiläum Feier Konzert \
Ausstellung Theater Musik Chor Orchester Sport Fußball Turnier Radtour Wanderung Klima \
Klimaschutz Energie Umwelt Nachhaltigkeit Wald Bäume Wasser Fahrrad Mobilität Bahn Kultur \
Kunst Geschichte Erinnerung Sprache Sprachkurs Französisch Zukunft Zusammenarbeit Rathaus \
Gemeinderat Stadtrat Bürger Bürgerinnen Familien Kinder Senioren Gäste Gastfamilien Programm \
Einladung Anmeldung Treffen Tagung Konferenz Workshop Seminar Markt Weihnachtsmarkt Weinfest \
Küche Spezialitäten Wein Brot Käse Freunde Partner Partnerschaft Städtepartnerschaft \
Jugendaustausch Schüleraustausch Schulpartnerschaft Klimaschutzpartnerschaft \
Partnerschaftsverein Partnerschaftskomitee Freundschaftsbesuch Bürgerreise Jugendbegegnung \
Sprachreise Kulturaustausch Energiewende Solarpark Stadtwerke Feuerwehr Musikschule \
Volkshochschule Gymnasium Grundschule Realschule Ehrenamt Ehrenamtliche Vorstand \
Mitgliederversammlung Spenden Förderung Fördermittel Zuschuss Antrag Bericht Fotos Eindrücke \
Abschluss Rückblick Ausblick Höhepunkt Empfang Festakt Gottesdienst Glocken Kirche Museum \
Bibliothek Hafen Brücke Fluss Rhein Mosel Grenze Elsass Lothringen Burgund Normandie besuchen \
feiern gemeinsam neue neuen erste ersten lange jährlich herzlich willkommen großen große kleine \
kleinen europäische europäischen französische französischen junge jungen erfolgreich \
erfolgreiche wichtig wichtige offen offene organisiert geplant eingeladen unterstützt \
gefördert entdecken lernen kennenlernen pflanzen sammeln diskutieren präsentieren gestalten \
erleben verbinden stärken danken freuen berichten zeigen bringen öffnen planen begrüßen \
Jahr Jahre Jahren Tag Tage Tagen Abend Morgen Samstag Sonntag Freitag Mai Juni Juli September \
Oktober Menschen Leute Gruppe Teilnehmer Teilnehmerinnen Team Idee Ideen Zeit Ort Platz Weg";

const FR_HEAD: &str = "le la les et avec pour dans de du des un une sur chez après nos notre \
nous ils elles en au aux aussi encore est sont a ont été sera par entre \
ville commune jumelage comité partenaire partenariat visite délégation maire jeunesse jeunes \
élèves échange école collège lycée classe professeur projet association amitié rencontre \
Europe France Allemagne été automne hiver printemps semaine fête anniversaire célébration \
concert exposition théâtre musique chorale orchestre sport football tournoi randonnée vélo \
climat énergie environnement développement durable forêt arbres eau mobilité train culture \
art histoire mémoire langue allemand français avenir coopération mairie conseil municipal \
citoyens citoyennes familles enfants aînés invités accueil programme invitation inscription \
réunion colloque conférence atelier séminaire marché vin pain fromage gastronomie \
spécialités amis partenaires découverte décentralisée transition écologique solidarité \
échanges européen européenne bénévoles bénévolat bureau assemblée générale subvention \
financement dossier bilan photos souvenirs clôture temps fort réception cérémonie église \
cloches musée médiathèque port pont fleuve Rhin Moselle frontière Alsace Lorraine Bavière \
Souabe Rhénanie Saxe Hesse visiter célébrer ensemble nouveau nouvelle nouveaux première \
premier longue chaque année chaleureusement bienvenue grand grande petite petit jeune réussi \
réussie important importante ouvert ouverte organisé organisée prévu invité soutenu financé \
découvrir apprendre planter collecter débattre présenter créer vivre relier renforcer \
remercier réjouir raconter montrer apporter accueillir préparer saluer année années jour \
jours soirée matin samedi dimanche vendredi mai juin juillet septembre octobre personnes \
groupe participants participantes équipe idée idées lieu place chemin région département \
étudiants apprentis stage lycéens collégiens écoliers énergies rénovation thermique \
biodiversité déchets recyclage compostage éducation numérique santé sécurité patrimoine";

const DE_PARTS: &str = "Stadt Städte Klima Jugend Schul Kultur Sport Musik Wasser Energie Rad \
Wald Bürger Kinder Senioren Freundschafts Partnerschafts Umwelt Grenz Sprach Theater Kunst \
Wein Markt Fest Hafen Bahn Garten Feuerwehr Chor Orchester Museum Bibliothek Kirchen Dorf \
Berg Fluss Brücken Solar Wind Wärme Heimat Vereins Frauen Familien Schüler Lehrer Studenten \
Handwerks Wirtschafts Tourismus Rathaus Europa Friedens Gedenk Erinnerungs Medien Wander \
Tanz Film Foto Koch Brot";
const DE_MIDDLE: &str = "schutz sport kultur musik wasser energie bildung jugend kunst \
umwelt freizeit sprach garten markt wander tanz film foto begegnungs austausch";
const DE_ENDS: &str = "partnerschaft austausch schutz projekt fest reise besuch verein rat \
woche tag programm preis konzert forum konferenz zentrum netzwerk initiative gruppe \
wettbewerb ausstellung seminar werkstatt kurs lager fahrt abend nacht messe markt haus \
garten platz weg schule kreis bund stiftung fonds plan konzept bericht beirat büro";
const FR_STARTS: &str = "Mont Ville Beau Roche Bois Val Font Neuf Châtel Pré Saint Sainte \
Clair Haut Bel Roque Cour Fère Mais Noir Blanc Verd Chêne Orme Frêne Saule Pierre Lac Ri \
Sault Bourg Brié Vé Mé Thé Lé Ré Gué Pé";
const FR_MIDDLE: &str = "ri re la lo mé vé bé ge ta ro chè lè pè zé na ni mo du fa si \
tè ça ou ai";
const FR_ENDS: &str = "ville court mont lès bourg ac ieu ères ignac ency ay ange euil on ans \
ot ier ière ette elle eau eaux ois oise and ard ault az ède èves ine ise y é ée èche";

/// Fixed expressions, inserted now and then (the phrase query looks for one of them).
const DE_PHRASES: &[&str] = &[
    "Tag der offenen Tür",
    "deutsch-französische Freundschaft",
    "Europäische Union",
];
const FR_PHRASES: &[&str] = &[
    "comité de jumelage",
    "transition écologique",
    "conseil municipal des jeunes",
];
/// Rare words and how many posts hold them, all among the oldest posts (the newest-first
/// order then has to find them far back in time).
const RARE: &[(&str, usize)] = &[
    ("Zwetschgendatschi", 3),
    ("Hutzelbrot", 5),
    ("Kirchweihumzug", 8),
    ("mirabellier", 2),
    ("cassoulet", 6),
    ("Flammkuchenofen", 1),
];
const THEMES: &[&str] = &[
    "climate",
    "youth",
    "education",
    "culture",
    "sport",
    "environment",
    "mobility",
    "economy",
    "remembrance",
    "social",
];

struct Vocab {
    /// Every word, German first then French; `de` and `fr` are ranges in it.
    words: Vec<String>,
    de: std::ops::Range<usize>,
    fr: std::ops::Range<usize>,
    /// Cumulative Zipf weights per language (rank 1 first).
    de_cum: Vec<f64>,
    fr_cum: Vec<f64>,
}

fn split(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn shuffled(mut v: Vec<String>, rng: &mut StdRng) -> Vec<String> {
    for i in (1..v.len()).rev() {
        let j = rng.gen_range(0..=i);
        v.swap(i, j);
    }
    v
}

fn zipf_cumulative(n: usize, s: f64) -> Vec<f64> {
    let mut acc = 0.0;
    (1..=n)
        .map(|r| {
            acc += 1.0 / (r as f64).powf(s);
            acc
        })
        .collect()
}

impl Vocab {
    fn new() -> Vocab {
        let mut rng = StdRng::seed_from_u64(SEED);
        let de_head: Vec<String> = split(DE_HEAD).into_iter().map(String::from).collect();
        let fr_head: Vec<String> = split(FR_HEAD).into_iter().map(String::from).collect();
        let (parts, middle, ends) = (split(DE_PARTS), split(DE_MIDDLE), split(DE_ENDS));
        let mut de_tail = Vec::new();
        for p in &parts {
            for e in &ends {
                de_tail.push(format!("{p}{e}"));
                for m in &middle {
                    de_tail.push(format!("{p}{m}{e}"));
                }
            }
        }
        let (starts, fmid, fends) = (split(FR_STARTS), split(FR_MIDDLE), split(FR_ENDS));
        let mut fr_tail = Vec::new();
        for s in &starts {
            for e in &fends {
                fr_tail.push(format!("{s}{e}"));
                for m in &fmid {
                    fr_tail.push(format!("{s}{m}{e}"));
                }
            }
        }
        let known: std::collections::HashSet<String> = de_head
            .iter()
            .chain(&fr_head)
            .map(|w| w.to_lowercase())
            .collect();
        de_tail.retain(|w| !known.contains(&w.to_lowercase()));
        fr_tail.retain(|w| !known.contains(&w.to_lowercase()));
        de_tail.sort();
        de_tail.dedup();
        fr_tail.sort();
        fr_tail.dedup();
        let de_tail = shuffled(de_tail, &mut rng);
        let fr_tail = shuffled(fr_tail, &mut rng);
        let mut words = de_head;
        words.extend(de_tail);
        let de = 0..words.len();
        words.extend(fr_head);
        words.extend(fr_tail);
        let fr = de.end..words.len();
        Vocab {
            de_cum: zipf_cumulative(de.len(), 1.0),
            fr_cum: zipf_cumulative(fr.len(), 1.0),
            words,
            de,
            fr,
        }
    }

    /// A word of `lang` drawn by its Zipf weight: its index in `words`.
    fn draw(&self, lang: &str, rng: &mut StdRng) -> usize {
        let (cum, base) = if lang == "de" {
            (&self.de_cum, self.de.start)
        } else {
            (&self.fr_cum, self.fr.start)
        };
        let x = rng.r#gen::<f64>() * cum[cum.len() - 1];
        base + cum.partition_point(|&c| c < x).min(cum.len() - 1)
    }
}

// ---------------------------------------------------------------------------------------
// Generated posts

struct Translation {
    language: &'static str,
    title: String,
    summary: String,
    html: String,
}

struct GenPost {
    actor: i64,
    main_language: &'static str,
    themes: String,
    sdgs: String,
    published: i64,
    translations: Vec<Translation>,
}

fn sentence(v: &Vocab, lang: &str, n: usize, rng: &mut StdRng, seen: &mut Vec<u32>) -> String {
    let mut out = String::new();
    for i in 0..n {
        let w = v.draw(lang, rng);
        seen.push(w as u32);
        if i > 0 {
            out.push(' ');
            out.push_str(&v.words[w]);
        } else {
            out.push_str(&capitalised(&v.words[w]));
        }
    }
    out
}

/// Post `i` (0-based) of `total`; the words drawn are pushed to `seen`.
fn gen_post(
    v: &Vocab,
    i: usize,
    total: usize,
    rare: &HashMap<usize, Vec<&'static str>>,
    orgs: &[(i64, &'static str)],
    seen: &mut Vec<u32>,
) -> GenPost {
    let mut rng = StdRng::seed_from_u64(SEED ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let (actor, main) = orgs[rng.gen_range(0..orgs.len())];
    let other = if main == "de" { "fr" } else { "de" };
    let langs: &[&'static str] = if rng.gen_bool(0.5) {
        &[main]
    } else if main == "de" {
        &["de", "fr"]
    } else {
        &["fr", "de"]
    };
    let _ = other;
    let mut translations = Vec::new();
    for &lang in langs {
        let title_len = rng.gen_range(4..=8);
        let title = sentence(v, lang, title_len, &mut rng, seen);
        let summary_len = rng.gen_range(8..=14);
        let summary = format!("{}.", sentence(v, lang, summary_len, &mut rng, seen));
        let mut html = String::new();
        for _ in 0..2 {
            let n = rng.gen_range(10..=18);
            let mut p = sentence(v, lang, n, &mut rng, seen);
            if rng.gen_bool(0.03) {
                let phrases = if lang == "de" { DE_PHRASES } else { FR_PHRASES };
                p.push(' ');
                p.push_str(phrases[rng.gen_range(0..phrases.len())]);
            }
            html.push_str("<p>");
            html.push_str(&p.replace('&', "&amp;"));
            html.push_str(".</p>");
        }
        if translations.is_empty()
            && let Some(words) = rare.get(&i)
        {
            html.push_str("<p>");
            html.push_str(&words.join(" "));
            html.push_str("</p>");
        }
        translations.push(Translation {
            language: lang,
            title,
            summary,
            html,
        });
    }
    let n_themes = rng.gen_range(0..=2);
    let themes: Vec<&str> = (0..n_themes)
        .map(|_| THEMES[rng.gen_range(0..THEMES.len())])
        .collect();
    let mut themes = themes;
    themes.dedup();
    let n_sdgs = rng.gen_range(0..=2);
    let mut sdgs: Vec<u8> = (0..n_sdgs).map(|_| rng.gen_range(1..=17)).collect();
    sdgs.sort();
    sdgs.dedup();
    let span = (LAST_DAY - FIRST_DAY) as f64;
    let jitter = rng.gen_range(-20 * 86_400..20 * 86_400);
    let published = (FIRST_DAY + (span * i as f64 / total.max(1) as f64) as i64 + jitter)
        .clamp(FIRST_DAY, LAST_DAY);
    GenPost {
        actor,
        main_language: main,
        themes: themes.join(","),
        sdgs: sdgs
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(","),
        published,
        translations,
    }
}

/// Which posts hold which rare word: spread over the oldest tenth.
fn rare_placement(total: usize) -> HashMap<usize, Vec<&'static str>> {
    let mut rng = StdRng::seed_from_u64(SEED + 1);
    let mut m: HashMap<usize, Vec<&'static str>> = HashMap::new();
    let oldest = (total / 10).max(1);
    for &(w, n) in RARE {
        for _ in 0..n {
            m.entry(rng.gen_range(0..oldest)).or_default().push(w);
        }
    }
    m
}

// ---------------------------------------------------------------------------------------
// Database

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    line: String,
}

#[derive(QueryableByName)]
struct WordCount {
    #[diesel(sql_type = Text)]
    word: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

async fn count(conn: &mut AsyncPgConnection, sql: &str) -> anyhow::Result<i64> {
    Ok(diesel::sql_query(sql).get_result::<Count>(conn).await?.n)
}

fn load_avg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

async fn create_orgs(conn: &mut AsyncPgConnection) -> anyhow::Result<Vec<(i64, &'static str)>> {
    let sql = format!(
        r#"
INSERT INTO actors (ap_id, local, actor_type, handle, domain, name, summary_map, inbox_url,
    public_key_pem, discoverable, indexable, org_kind, country, region, languages, themes)
SELECT 'https://bench.example/actors/org' || g, true, 'Organization', 'org' || g,
    'bench.example',
    CASE WHEN g % 2 = 0
        THEN (ARRAY['Stadt','Gemeinde','Landkreis','Partnerschaftsverein','Gymnasium'])[g % 5 + 1]
            || ' ' || (ARRAY['Ludwigsburg','Freiburg','Esslingen','Erlangen','Würzburg',
                'Tübingen','Göttingen','Lüneburg','Bamberg','Speyer','Worms','Konstanz'])[g % 12 + 1]
            || ' ' || g
        ELSE (ARRAY['Ville de','Commune de','Département de','Comité de jumelage de','Lycée de'])[g % 5 + 1]
            || ' ' || (ARRAY['Montbéliard','Besançon','Châlons','Évreux','Nîmes','Sète',
                'Orléans','Fécamp','Hyères','Angoulême','Caen','Béziers'])[g % 12 + 1]
            || ' ' || g
    END,
    CASE WHEN g % 2 = 0
        THEN jsonb_build_object('de', 'Partnerschaften und Austausch in Europa.')
        ELSE jsonb_build_object('fr', 'Jumelages et échanges en Europe.') END,
    'https://bench.example/actors/org' || g || '/inbox', 'bench-key', true, true,
    (ARRAY['municipality','district','region','association','school'])[g % 5 + 1],
    CASE WHEN g % 2 = 0 THEN 'DE' ELSE 'FR' END,
    CASE WHEN g % 2 = 0
        THEN (ARRAY['Baden-Württemberg','Bayern','Hessen','Niedersachsen','Rheinland-Pfalz',
            'Sachsen'])[g % 6 + 1]
        ELSE (ARRAY['Bourgogne-Franche-Comté','Grand Est','Normandie','Occitanie',
            'Nouvelle-Aquitaine','Centre-Val de Loire'])[g % 6 + 1] END,
    CASE WHEN g % 2 = 0 THEN ARRAY['de','fr'] ELSE ARRAY['fr','de'] END,
    ARRAY['youth']
FROM generate_series(1, {ORGS}) g
RETURNING (id::text || ' ' || country) AS line"#
    );
    let rows: Vec<Line> = diesel::sql_query(sql).load(conn).await?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let (id, c) = r.line.split_once(' ')?;
            Some((id.parse().ok()?, if c == "DE" { "de" } else { "fr" }))
        })
        .collect())
}

const INSERT_POSTS: &str = "INSERT INTO posts (id, ap_id, actor_id, local, main_language, \
    themes, sdgs, published) \
    SELECT i, 'https://bench.example/posts/' || i, a, true, l, \
        string_to_array(t, ','), string_to_array(s, ',')::smallint[], to_timestamp(p) \
    FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::bigint[]) \
        AS x(i, a, l, t, s, p)";
const INSERT_TRANSLATIONS: &str = "INSERT INTO post_translations (post_id, language, title, \
    summary, content_html) \
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])";

#[derive(Default)]
struct Batch {
    ids: Vec<i64>,
    actors: Vec<i64>,
    langs: Vec<String>,
    themes: Vec<String>,
    sdgs: Vec<String>,
    published: Vec<i64>,
    t_ids: Vec<i64>,
    t_langs: Vec<String>,
    t_titles: Vec<String>,
    t_summaries: Vec<String>,
    t_html: Vec<String>,
}

impl Batch {
    fn push(&mut self, id: i64, p: GenPost) {
        self.ids.push(id);
        self.actors.push(p.actor);
        self.langs.push(p.main_language.into());
        self.themes.push(p.themes);
        self.sdgs.push(p.sdgs);
        self.published.push(p.published);
        for t in p.translations {
            self.t_ids.push(id);
            self.t_langs.push(t.language.into());
            self.t_titles.push(t.title);
            self.t_summaries.push(t.summary);
            self.t_html.push(t.html);
        }
    }
}

async fn insert_batch(conn: &mut AsyncPgConnection, b: Batch) -> anyhow::Result<()> {
    diesel::sql_query(INSERT_POSTS)
        .bind::<Array<BigInt>, _>(b.ids)
        .bind::<Array<BigInt>, _>(b.actors)
        .bind::<Array<Text>, _>(b.langs)
        .bind::<Array<Text>, _>(b.themes)
        .bind::<Array<Text>, _>(b.sdgs)
        .bind::<Array<BigInt>, _>(b.published)
        .execute(conn)
        .await?;
    diesel::sql_query(INSERT_TRANSLATIONS)
        .bind::<Array<BigInt>, _>(b.t_ids)
        .bind::<Array<Text>, _>(b.t_langs)
        .bind::<Array<Text>, _>(b.t_titles)
        .bind::<Array<Text>, _>(b.t_summaries)
        .bind::<Array<Text>, _>(b.t_html)
        .execute(conn)
        .await?;
    Ok(())
}

/// Generates and inserts `total` posts on two connections; returns per-word post counts.
async fn load_posts(
    url: &Url,
    vocab: Arc<Vocab>,
    orgs: Arc<Vec<(i64, &'static str)>>,
    total: usize,
) -> anyhow::Result<Vec<u64>> {
    let rare = Arc::new(rare_placement(total));
    let workers = 2;
    let mut tasks = Vec::new();
    for w in 0..workers {
        let (url, vocab, orgs, rare) = (url.clone(), vocab.clone(), orgs.clone(), rare.clone());
        tasks.push(tokio::spawn(async move {
            let mut conn = AsyncPgConnection::establish(url.as_str()).await?;
            conn.batch_execute("SET synchronous_commit = off").await?;
            let mut counts = vec![0u64; vocab.words.len()];
            let mut seen = Vec::new();
            let mut start = w * BATCH;
            while start < total {
                let end = (start + BATCH).min(total);
                let mut b = Batch::default();
                for i in start..end {
                    seen.clear();
                    let p = gen_post(&vocab, i, total, &rare, &orgs, &mut seen);
                    seen.sort_unstable();
                    seen.dedup();
                    for &s in &seen {
                        counts[s as usize] += 1;
                    }
                    b.push(i as i64 + 1, p);
                }
                insert_batch(&mut conn, b).await?;
                if w == 0 && (start / BATCH).is_multiple_of(40) {
                    println!("  … {end} posts");
                }
                start += workers * BATCH;
            }
            anyhow::Ok(counts)
        }));
    }
    let mut counts = vec![0u64; vocab.words.len()];
    for t in tasks {
        for (c, n) in counts.iter_mut().zip(t.await??) {
            *c += n;
        }
    }
    Ok(counts)
}

// ---------------------------------------------------------------------------------------
// Queries

#[derive(Clone)]
struct Class {
    name: String,
    /// The queries run in turn (several for the rare class).
    queries: Vec<SearchParams>,
    /// Target p95 in ms, when the issue sets one for this class.
    target_ms: Option<f64>,
}

struct Stats {
    p50: f64,
    p95: f64,
    max: f64,
}

fn stats(mut ms: Vec<f64>) -> Stats {
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() as f64 * q).ceil() as usize).clamp(1, ms.len()) - 1];
    Stats {
        p50: at(0.50),
        p95: at(0.95),
        max: ms[ms.len() - 1],
    }
}

fn params(q: &str, sort: Sort) -> SearchParams {
    SearchParams {
        q: q.into(),
        sort: Some(sort),
        ..SearchParams::default()
    }
}

/// One run of one query: (milliseconds, matches as the answer gives them: "2000+" when it
/// ranked only the newest).
async fn run_query(
    conn: &mut AsyncPgConnection,
    p: &SearchParams,
) -> anyhow::Result<(f64, String)> {
    let search = p.check().map_err(|e| anyhow::anyhow!(e.message))?;
    let t = Instant::now();
    let found = local::search(conn, &search, local::Holdings::All)
        .await
        .map_err(|e| anyhow::anyhow!("{}: {}", p.q, e.message))?;
    let total = if found.capped {
        format!("{}+", found.total)
    } else {
        found.total.to_string()
    };
    Ok((t.elapsed().as_secs_f64() * 1000.0, total))
}

/// The matches of a query word in the index (as the search counts them).
async fn matches(conn: &mut AsyncPgConnection, word: &str) -> anyhow::Result<i64> {
    Ok(diesel::sql_query(
        "SELECT count(*) AS n FROM search_documents d \
         WHERE d.kind = 'post' AND d.tsv @@ search_query($1, $2, '{}', '{}')",
    )
    .bind::<Array<Text>, _>(vec![word.to_string()])
    .bind::<Array<Bool>, _>(vec![false])
    .get_result::<Count>(conn)
    .await?
    .n)
}

/// The word (of those given, with their generated post counts) whose real number of
/// matches is nearest `target` (on a log scale).
async fn pick_word(
    conn: &mut AsyncPgConnection,
    words: &[(String, i64)],
    target: f64,
    filter: impl Fn(&str) -> bool,
) -> anyhow::Result<(String, i64)> {
    let mut cands: Vec<&(String, i64)> =
        words.iter().filter(|(w, n)| *n > 0 && filter(w)).collect();
    let dist = |n: f64| (n.max(1.0) / target).ln().abs();
    cands.sort_by(|a, b| dist(a.1 as f64).total_cmp(&dist(b.1 as f64)));
    let mut best: Option<(String, i64)> = None;
    for (w, _) in cands.into_iter().take(8) {
        let n = matches(conn, w).await?;
        if best
            .as_ref()
            .is_none_or(|(_, b)| dist(n as f64) < dist(*b as f64))
        {
            best = Some((w.clone(), n));
        }
    }
    best.ok_or_else(|| anyhow::anyhow!("no word near {target}"))
}

async fn classes(conn: &mut AsyncPgConnection) -> anyhow::Result<Vec<Class>> {
    let words: Vec<WordCount> = diesel::sql_query("SELECT word, n FROM bench_word_counts")
        .load(conn)
        .await?;
    let words: Vec<(String, i64)> = words.into_iter().map(|w| (w.word, w.n)).collect();
    let plain = |w: &str| w.chars().count() >= 5;
    let mut out = Vec::new();
    for target in [100.0, 1_000.0, 10_000.0] {
        let (w, n) = pick_word(conn, &words, target, plain).await?;
        println!("  class ~{target:.0}: {w:?} matches {n}");
        for (sort, label) in [(Sort::Relevance, "relevance"), (Sort::Newest, "newest")] {
            out.push(Class {
                name: format!("~{target:.0} matches, {label}"),
                queries: vec![params(&w, sort)],
                target_ms: Some(50.0),
            });
        }
        if target == 10_000.0 {
            out.push(Class {
                name: "~10000 matches + facet filter country=FR".into(),
                queries: vec![SearchParams {
                    country: Some("FR".into()),
                    ..params(&w, Sort::Relevance)
                }],
                target_ms: Some(50.0),
            });
            out.push(Class {
                name: "~10000 matches + theme=climate, newest".into(),
                queries: vec![SearchParams {
                    theme: Some("climate".into()),
                    ..params(&w, Sort::Newest)
                }],
                target_ms: Some(50.0),
            });
        }
    }
    // A real French word with accents (of the hand-written head), by its generated count:
    // counting a head word's real matches first would be slow (its stem is widened to
    // every compound that holds it).
    let (fw, fnum) = words
        .iter()
        .filter(|(w, _)| {
            FR_HEAD.split_whitespace().any(|h| h == w) && w.chars().count() >= 5 && !w.is_ascii()
        })
        .min_by(|a, b| {
            let d = |n: i64| (n.max(1) as f64 / 3_000.0).ln().abs();
            d(a.1).total_cmp(&d(b.1))
        })
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no French accented word"))?;
    println!("  French accented word: {fw:?} (in {fnum} generated posts)");
    out.push(Class {
        name: "French accented word, relevance".into(),
        queries: vec![params(&fw, Sort::Relevance)],
        target_ms: Some(50.0),
    });
    // The commonest words and phrases of the domain (50,000-120,000 matches): < 100 ms.
    for part in ["partnerschaft", "austausch"] {
        for (sort, label) in [(Sort::Relevance, "relevance"), (Sort::Newest, "newest")] {
            out.push(Class {
                name: format!("compound part {part:?}, {label}"),
                queries: vec![params(part, sort)],
                target_ms: Some(100.0),
            });
        }
    }
    for (sort, label) in [(Sort::Relevance, "relevance"), (Sort::Newest, "newest")] {
        out.push(Class {
            name: format!("phrase \"comité de jumelage\", {label}"),
            queries: vec![params("\"comité de jumelage\"", sort)],
            target_ms: Some(100.0),
        });
    }
    out.push(Class {
        name: "rare term (<10 matches), newest".into(),
        queries: RARE.iter().map(|(w, _)| params(w, Sort::Newest)).collect(),
        target_ms: Some(5.0),
    });
    out.push(Class {
        name: "rare term (<10 matches), relevance".into(),
        queries: RARE
            .iter()
            .map(|(w, _)| params(w, Sort::Relevance))
            .collect(),
        target_ms: None,
    });
    Ok(out)
}

struct Measured {
    name: String,
    matches: String,
    stats: Stats,
    samples: Vec<f64>,
    target_ms: Option<f64>,
}

fn verdict(m: &Measured) -> String {
    match m.target_ms {
        None => "-".into(),
        Some(t) if m.stats.p95 < t => format!("PASS (<{t} ms)"),
        Some(t) => format!("MISS (<{t} ms)"),
    }
}

fn print_table(title: &str, rows: &[Measured]) {
    println!("\n{title}");
    println!(
        "| {:<44} | {:>11} | {:>8} | {:>8} | {:>8} | target",
        "class", "matches", "p50 ms", "p95 ms", "max ms"
    );
    for m in rows {
        println!(
            "| {:<44} | {:>11} | {:>8.2} | {:>8.2} | {:>8.2} | {}",
            m.name,
            m.matches,
            m.stats.p50,
            m.stats.p95,
            m.stats.max,
            verdict(m)
        );
    }
}

async fn measure(
    conn: &mut AsyncPgConnection,
    classes: &[Class],
    reps: usize,
    verbose: bool,
) -> anyhow::Result<Vec<Measured>> {
    let mut out = Vec::new();
    for c in classes {
        // Warm-up (and the match counts).
        let mut totals = Vec::new();
        for q in &c.queries {
            totals.push(run_query(conn, q).await?.1);
        }
        let mut ms = Vec::with_capacity(reps);
        let started = Instant::now();
        for r in 0..reps {
            ms.push(run_query(conn, &c.queries[r % c.queries.len()]).await?.0);
            // A bounded run: a slow class stops repeating after its time budget.
            if started.elapsed() > CLASS_BUDGET && ms.len() >= 5 {
                break;
            }
        }
        totals.sort_by_key(|t| t.trim_end_matches('+').parse::<i64>().unwrap_or(0));
        let (lo, hi) = (
            <[String]>::first(&totals).cloned().unwrap_or_default(),
            <[String]>::last(&totals).cloned().unwrap_or_default(),
        );
        if verbose {
            println!(
                "  {:<46} {} runs, p95 {:.1} ms",
                c.name,
                ms.len(),
                stats(ms.clone()).p95
            );
        }
        out.push(Measured {
            name: c.name.clone(),
            matches: if lo == hi { lo } else { format!("{lo}–{hi}") },
            stats: stats(ms.clone()),
            samples: ms,
            target_ms: c.target_ms,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Ingestion: posts inserted as the inbox would, with the search triggers on.

async fn ingest(
    url: Url,
    vocab: Arc<Vocab>,
    orgs: Arc<Vec<(i64, &'static str)>>,
    stop: Arc<AtomicBool>,
    done: Arc<AtomicU64>,
    first: usize,
) -> anyhow::Result<()> {
    let mut conn = AsyncPgConnection::establish(url.as_str()).await?;
    let none = HashMap::new();
    let mut seen = Vec::new();
    let mut i = first;
    while !AtomicBool::load(&stop, Ordering::Relaxed) {
        // The generator places it among the newest posts.
        let p = gen_post(&vocab, i, i + 1, &none, &orgs, &mut seen);
        seen.clear();
        conn.batch_execute("BEGIN").await?;
        let id: Count = diesel::sql_query(
            "INSERT INTO posts (ap_id, actor_id, local, main_language, themes, sdgs, published) \
             VALUES ($1, $2, false, $3, string_to_array($4, ','), \
                 string_to_array($5, ',')::smallint[], now()) RETURNING id AS n",
        )
        .bind::<Text, _>(format!("https://remote.example/posts/ingest-{i}"))
        .bind::<BigInt, _>(p.actor)
        .bind::<Text, _>(p.main_language)
        .bind::<Text, _>(&p.themes)
        .bind::<Text, _>(&p.sdgs)
        .get_result(&mut conn)
        .await?;
        let n = p.translations.len();
        diesel::sql_query(INSERT_TRANSLATIONS)
            .bind::<Array<BigInt>, _>(vec![id.n; n])
            .bind::<Array<Text>, _>(
                p.translations
                    .iter()
                    .map(|t| t.language.to_string())
                    .collect::<Vec<_>>(),
            )
            .bind::<Array<Text>, _>(
                p.translations
                    .iter()
                    .map(|t| t.title.clone())
                    .collect::<Vec<_>>(),
            )
            .bind::<Array<Text>, _>(
                p.translations
                    .iter()
                    .map(|t| t.summary.clone())
                    .collect::<Vec<_>>(),
            )
            .bind::<Array<Text>, _>(
                p.translations
                    .iter()
                    .map(|t| t.html.clone())
                    .collect::<Vec<_>>(),
            )
            .execute(&mut conn)
            .await?;
        conn.batch_execute("COMMIT").await?;
        done.fetch_add(1, Ordering::Relaxed);
        i += 1;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------

struct Args {
    posts: usize,
    reps: usize,
    ingest_seconds: u64,
    reuse: bool,
}

fn args() -> Args {
    let env = |k: &str| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.replace('_', "").parse::<u64>().ok())
    };
    let mut a = Args {
        posts: env("SEARCH_BENCH_POSTS").unwrap_or(1_000_000) as usize,
        reps: env("SEARCH_BENCH_REPS").unwrap_or(100) as usize,
        ingest_seconds: env("SEARCH_BENCH_INGEST_SECONDS").unwrap_or(30),
        reuse: std::env::var("SEARCH_BENCH_REUSE").is_ok_and(|v| v == "1"),
    };
    let argv: Vec<String> = std::env::args().collect();
    let mut i = 1;
    while i < argv.len() {
        let next = argv
            .get(i + 1)
            .and_then(|v| v.replace('_', "").parse::<u64>().ok());
        match argv[i].as_str() {
            "--posts" => a.posts = next.unwrap_or(a.posts as u64) as usize,
            "--reps" => a.reps = next.unwrap_or(a.reps as u64) as usize,
            "--ingest-seconds" => a.ingest_seconds = next.unwrap_or(a.ingest_seconds),
            "--reuse" => a.reuse = true,
            _ => {}
        }
        i += 1;
    }
    a.reps = a.reps.max(1);
    a
}

fn main() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(run(args()))
}

async fn run(args: Args) -> anyhow::Result<()> {
    let started = Instant::now();
    let url = Url::parse(&format!("{}/{DB_NAME}", passerelle::testing::server_url()))?;
    println!(
        "search benchmark: {} posts, {} repetitions per class; {}",
        args.posts,
        args.reps,
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC")
    );
    println!("  load average at start: {}", load_avg());
    let vocab = Arc::new(Vocab::new());
    println!(
        "  vocabulary: {} German words, {} French words (Zipf, s = 1)",
        vocab.de.len(),
        vocab.fr.len()
    );

    passerelle::db::ensure_database(&url).await?;
    let mut conn = AsyncPgConnection::establish(url.as_str()).await?;
    let loaded = if args.reuse {
        passerelle::db::run_migrations(&url).await?;
        count(
            &mut conn,
            "SELECT CASE WHEN to_regclass('bench_word_counts') IS NULL THEN -1 \
             ELSE (SELECT count(*) FROM posts WHERE ap_id LIKE 'https://bench.example/%') END AS n",
        )
        .await?
            == args.posts as i64
    } else {
        false
    };
    let orgs: Vec<(i64, &'static str)>;
    if loaded {
        println!("  reusing database {DB_NAME} (generation and index build skipped)");
        let rows: Vec<Line> = diesel::sql_query(
            "SELECT id::text || ' ' || country AS line FROM actors WHERE domain = 'bench.example'",
        )
        .load(&mut conn)
        .await?;
        orgs = rows
            .iter()
            .filter_map(|r| {
                let (id, c) = r.line.split_once(' ')?;
                Some((id.parse().ok()?, if c == "DE" { "de" } else { "fr" }))
            })
            .collect();
        // Posts ingested by an earlier run would shift the classes: remove them.
        conn.batch_execute("DELETE FROM posts WHERE ap_id LIKE 'https://remote.example/%'")
            .await?;
        conn.batch_execute("VACUUM ANALYZE search_documents")
            .await?;
    } else {
        drop(conn);
        passerelle::db::drop_database(&url).await?;
        passerelle::db::ensure_database(&url).await?;
        passerelle::db::run_migrations(&url).await?;
        conn = AsyncPgConnection::establish(url.as_str()).await?;
        orgs = create_orgs(&mut conn).await?;
        println!("  {} organisations", orgs.len());

        // 1. Generation, with the search triggers off.
        conn.batch_execute(
            "ALTER TABLE posts DISABLE TRIGGER USER; \
             ALTER TABLE post_translations DISABLE TRIGGER USER",
        )
        .await?;
        let t = Instant::now();
        let counts = load_posts(&url, vocab.clone(), Arc::new(orgs.clone()), args.posts).await?;
        let gen_time = t.elapsed();
        conn.batch_execute(&format!(
            "ALTER TABLE posts ENABLE TRIGGER USER; \
             ALTER TABLE post_translations ENABLE TRIGGER USER; \
             SELECT setval('posts_id_seq', {}); \
             CREATE TABLE bench_word_counts (word TEXT NOT NULL, n BIGINT NOT NULL); \
             ANALYZE posts; ANALYZE post_translations",
            args.posts
        ))
        .await?;
        let (w, n): (Vec<String>, Vec<i64>) = vocab
            .words
            .iter()
            .zip(&counts)
            .filter(|(_, n)| **n > 0)
            .map(|(w, n)| (w.clone(), *n as i64))
            .unzip();
        diesel::sql_query(
            "INSERT INTO bench_word_counts SELECT * FROM unnest($1::text[], $2::bigint[])",
        )
        .bind::<Array<Text>, _>(w)
        .bind::<Array<BigInt>, _>(n)
        .execute(&mut conn)
        .await?;
        let translations = count(&mut conn, "SELECT count(*) AS n FROM post_translations").await?;
        println!(
            "generation: {} posts, {} translations in {:.1} s ({:.0} posts/s), load {}",
            args.posts,
            translations,
            gen_time.as_secs_f64(),
            args.posts as f64 / gen_time.as_secs_f64(),
            load_avg()
        );

        // The index build.
        let t = Instant::now();
        let docs = count(&mut conn, "SELECT search_rebuild() AS n").await?;
        let build = t.elapsed();
        let t = Instant::now();
        for sql in [
            "VACUUM ANALYZE search_documents",
            "VACUUM ANALYZE search_lexemes",
        ] {
            conn.batch_execute(sql).await?;
        }
        println!(
            "index build (SELECT search_rebuild()): {docs} documents in {:.1} s; \
             VACUUM ANALYZE afterwards {:.1} s; load {}",
            build.as_secs_f64(),
            t.elapsed().as_secs_f64(),
            load_avg()
        );
    }

    // Index size.
    let sizes: Vec<Line> = diesel::sql_query(
        "SELECT format('%-44s %10s', what, pg_size_pretty(bytes)) AS line FROM (VALUES \
            ('search_documents (table, TOAST and indexes)', pg_total_relation_size('search_documents')), \
            ('  of which GIN index search_documents_tsv', pg_relation_size('search_documents_tsv')), \
            ('  of which index search_documents_published', pg_relation_size('search_documents_published')), \
            ('search_lexemes (table and indexes)', pg_total_relation_size('search_lexemes')), \
            ('search_lexeme_suffixes (table and index)', pg_total_relation_size('search_lexeme_suffixes')), \
            ('for comparison: posts + post_translations', \
                pg_total_relation_size('posts') + pg_total_relation_size('post_translations')) \
         ) s(what, bytes)",
    )
    .load(&mut conn)
    .await?;
    println!("index size:");
    for s in sizes {
        println!("  {}", s.line);
    }
    let lexemes = count(&mut conn, "SELECT count(*) AS n FROM search_lexemes").await?;
    println!("  search_lexemes rows: {lexemes}");

    // What the load and the index build wrote is still being written back (PostgreSQL's
    // checkpoints and the kernel's writeback of about 2 GB): queries timed meanwhile share
    // the cores and the disk with it, and measure the build's aftermath, not the search.
    let t = Instant::now();
    conn.batch_execute("CHECKPOINT").await?;
    println!(
        "checkpoint before the queries: {:.1} s; load {}",
        t.elapsed().as_secs_f64(),
        load_avg()
    );

    // 2. Queries.
    println!("\nchoosing the query words (real match counts):");
    let classes = classes(&mut conn).await?;
    println!("load before queries: {}", load_avg());
    let t = Instant::now();
    let quiet = measure(&mut conn, &classes, args.reps, true).await?;
    print_table(
        &format!(
            "queries, no ingestion (up to {} runs each, {:.0} s, load {})",
            args.reps,
            t.elapsed().as_secs_f64(),
            load_avg()
        ),
        &quiet,
    );

    // 3. While ingesting.
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicU64::new(0));
    let ingester = tokio::spawn(ingest(
        url.clone(),
        vocab.clone(),
        Arc::new(orgs.clone()),
        stop.clone(),
        done.clone(),
        args.posts * 2,
    ));
    let busy: Vec<Class> = classes
        .iter()
        .filter(|c| {
            c.name.starts_with("~10000 matches, ")
                || c.name.starts_with("~1000 matches, relevance")
                || c.name.starts_with("rare term (<10 matches), newest")
        })
        .cloned()
        .collect();
    let t = Instant::now();
    let mut under = Vec::new();
    let per_round = (args.reps / 4).max(5);
    while t.elapsed() < Duration::from_secs(args.ingest_seconds) {
        let round = measure(&mut conn, &busy, per_round, false).await?;
        under.push(round);
    }
    stop.store(true, Ordering::Relaxed);
    let ingest_time = t.elapsed();
    ingester.await??;
    let ingested = AtomicU64::load(&done, Ordering::Relaxed);
    println!(
        "\ningestion: {ingested} posts in {:.1} s = {:.0} posts/s (one transaction per post, \
         posts + 1-2 translations, search triggers on), load {}",
        ingest_time.as_secs_f64(),
        ingested as f64 / ingest_time.as_secs_f64(),
        load_avg()
    );
    let under_rows: Vec<Measured> = busy
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let all: Vec<f64> = under.iter().flat_map(|r| r[k].samples.clone()).collect();
            Measured {
                name: c.name.clone(),
                matches: under
                    .last()
                    .map(|r| r[k].matches.clone())
                    .unwrap_or_default(),
                stats: stats(all.clone()),
                samples: all,
                target_ms: c.target_ms,
            }
        })
        .collect();
    print_table("queries while ingesting", &under_rows);
    let t0 = Instant::now();
    let caught_up = passerelle::search::indexer::catch_up(&mut conn).await?;
    println!(
        "  indexer catch-up after ingesting: {caught_up} queued documents built in {:.1} s",
        t0.elapsed().as_secs_f64()
    );
    let posts_indexed = count(
        &mut conn,
        "SELECT (SELECT count(*) FROM search_documents WHERE kind = 'post') \
            - (SELECT count(*) FROM posts) AS n",
    )
    .await?;
    println!("  consistency: documents of posts minus posts = {posts_indexed} (0 expected)");

    drop(conn);
    if args.reuse {
        println!("\nkept database {DB_NAME} (--reuse)");
    } else {
        passerelle::db::drop_database(&url).await?;
    }
    println!(
        "done in {:.0} s; load {}",
        started.elapsed().as_secs_f64(),
        load_avg()
    );
    Ok(())
}
