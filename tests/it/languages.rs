//! Italian and Polish as languages of the interface, of posts (validation, `contentMap`,
//! hashtags) and of search; a language added to `locales/languages.toml` gets its search
//! analysis at start-up.

use crate::common::Ctx;
use diesel::sql_types::{Bool, Text};
use diesel::{Connection, QueryableByName, RunQueryDsl};
use diesel_async::AsyncPgConnection;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use passerelle::db::languages::{add_missing, configured};
use passerelle::testing::TestDb;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn create(ctx: &Ctx, handle: &str, token: &str, body: &Value) -> (StatusCode, Value) {
    ctx.json(
        ctx.http
            .post(ctx.url(&format!("/api/v1/organisations/{handle}/posts")))
            .bearer_auth(token)
            .json(body),
    )
    .await
}

fn italian_and_polish() -> Value {
    json!({
        "main_language": "it",
        "translations": [
            {"language": "it", "title": "Gemellaggi tra le scuole di Cuneo e Opole",
             "summary": "Un’estate di scambi.", "body": "Le *città* gemellate si incontrano."},
            {"language": "pl", "title": "Współpraca szkół z Opola i Cuneo",
             "summary": "Lato wymian.", "body": "Miasta *partnerskie* się spotykają."}
        ],
        "themes": ["youth", "climate"],
        "sdgs": [4]
    })
}

#[tokio::test]
async fn italian_and_polish_posts_and_pages() {
    let ctx = Ctx::new().await;
    ctx.org("comune-cuneo").await;
    let token = ctx.editor("redazione", &["comune-cuneo"]).await;
    let (status, post) = create(&ctx, "comune-cuneo", &token, &italian_and_polish()).await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
    assert_eq!(post["main_language"], "it");
    // Hashtags in the post's main language, from the Italian labels of the themes.
    assert_eq!(
        post["hashtags"],
        json!(["#Giovani", "#TutelaDelClima", "#SDG4"])
    );
    let (_, article) = ctx.json(ctx.ap_get(post["ap_id"].as_str().unwrap())).await;
    let keys: Vec<&String> = article["contentMap"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["it", "pl"]);
    assert_eq!(article["name"], "Gemellaggi tra le scuole di Cuneo e Opole");
    // The Italian hashtag leads to the theme's page.
    let tag = ctx.get("/tags/giovani?lang=it").send().await.unwrap();
    assert_eq!(tag.status(), StatusCode::OK);
    assert!(
        tag.text()
            .await
            .unwrap()
            .contains("Gemellaggi tra le scuole")
    );

    // The page in Polish: the interface, the Polish version, plural forms for zero.
    let path = format!("/posts/{}?lang=pl", post["id"].as_str().unwrap());
    let html = ctx.page(&path).await;
    assert!(html.contains("<html lang=\"pl\">"), "{html}");
    assert!(
        html.contains("<h1>Współpraca szkół z Opola i Cuneo</h1>"),
        "{html}"
    );
    assert!(html.contains("Opublikowano"), "{html}");
    assert!(
        html.contains("0\u{a0}polubień · 0\u{a0}udostępnień · 0\u{a0}odpowiedzi"),
        "{html}"
    );
    assert!(
        html.contains("#Młodzież") || html.contains("Młodzież"),
        "{html}"
    );
    // Every language of the instance is in the switch, by its own name.
    for (code, name) in [("it", "Italiano"), ("pl", "Polski"), ("fr", "Français")] {
        assert!(
            html.contains(&format!("lang=\"{code}\" hreflang=\"{code}\">{name}</a>")),
            "{code} in the switch: {html}"
        );
    }
    // Italian dates and the home page in Italian.
    let html = ctx.page("/?lang=it").await;
    assert!(html.contains("<html lang=\"it\">"), "{html}");
    assert!(html.contains("Progetti recenti"), "{html}");
}

#[tokio::test]
async fn italian_is_stemmed_and_polish_found_without_accents() {
    let ctx = Ctx::new().await;
    ctx.org("comune-cuneo").await;
    let token = ctx.editor("redazione", &["comune-cuneo"]).await;
    let (status, post) = create(&ctx, "comune-cuneo", &token, &italian_and_polish()).await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
    ctx.inst.index_search().await.unwrap();
    for q in [
        "gemellaggio", // singular of Gemellaggi: the Italian stemmer
        "scuola",      // singular of scuole
        "wspolpraca",  // Współpraca without its accents
        "szkół",
        "\"lato wymian\"",
    ] {
        let (status, answer) = ctx
            .json(ctx.get("/api/v1/search").query(&[
                ("scope", "local"),
                ("kind", "post"),
                ("q", q),
            ]))
            .await;
        assert_eq!(status, StatusCode::OK, "{q}: {answer}");
        assert_eq!(answer["total"], 1, "{q} finds the post: {answer}");
    }
}

#[derive(QueryableByName)]
struct Analysis {
    #[diesel(sql_type = Text)]
    config: String,
    #[diesel(sql_type = Text)]
    vector: String,
}

#[derive(QueryableByName)]
struct Matches {
    #[diesel(sql_type = Bool)]
    matches: bool,
}

fn analyse(
    conn: &mut AsyncConnectionWrapper<AsyncPgConnection>,
    lang: &str,
    text: &str,
) -> Analysis {
    diesel::sql_query(
        "SELECT search_config($1)::text AS config, \
         to_tsvector(search_config($1), $2)::text AS vector",
    )
    .bind::<Text, _>(lang)
    .bind::<Text, _>(text)
    .get_result(conn)
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn each_language_has_its_search_analysis_and_a_new_one_is_added_at_start_up() {
    let db = TestDb::new().await.unwrap();
    let url = db.url.to_string();
    tokio::task::spawn_blocking(move || {
        let mut conn: AsyncConnectionWrapper<AsyncPgConnection> =
            Connection::establish(&url).unwrap();
        // The migration's languages: Italian stemmed, Polish as written, accents folded.
        let it = analyse(&mut conn, "it", "gemellaggi gemellaggio città");
        assert_eq!(it.config, "passerelle_it");
        assert_eq!(it.vector, "'citt':3 'gemellagg':1,2");
        let pl = analyse(&mut conn, "pl", "Współpraca szkół");
        assert_eq!(pl.config, "passerelle_pl");
        assert_eq!(pl.vector, "'szkol':2 'wspolpraca':1");
        assert_eq!(
            analyse(&mut conn, "es", "ciudades").config,
            "passerelle_simple"
        );
        // The Italian and Polish words of a partnership kind are indexed.
        let kind: Matches = diesel::sql_query(
            "SELECT search_kind_words('school') @@ plainto_tsquery('passerelle_it', \
             'gemellaggi scolastici') AND search_kind_words('twinning') @@ \
             plainto_tsquery('passerelle_pl', 'partnerstwo miast') AS matches",
        )
        .get_result(&mut conn)
        .unwrap();
        assert!(kind.matches);

        // A query word is analysed once per distinct analysis: Polish, analysed as no
        // language is, adds none.
        let configs: Analysis = diesel::sql_query(
            "SELECT array_to_string(search_configs(), ' ') AS config, '' AS vector",
        )
        .get_result(&mut conn)
        .unwrap();
        assert_eq!(
            configs.config,
            "passerelle_de passerelle_en passerelle_fr passerelle_it passerelle_simple"
        );

        // Every configured language is there already: nothing to do.
        assert!(add_missing(&mut conn, &configured()).unwrap().is_empty());
        // A language added to locales/languages.toml: its configuration and row appear,
        // and its search analysis stems (Danish) or keeps words as written (simple).
        let added = add_missing(&mut conn, &[("da", "danish"), ("xx", "simple")]).unwrap();
        assert_eq!(added, ["da", "xx"]);
        let da = analyse(&mut conn, "da", "kommunernes venskabsbyer");
        assert_eq!(da.config, "passerelle_da");
        assert!(da.vector.contains("'kommun"), "{}", da.vector);
        assert_eq!(analyse(&mut conn, "xx", "Élan").vector, "'elan':1");
        let in_queries: Matches = diesel::sql_query(
            "SELECT 'passerelle_da'::regconfig = ANY (search_configs()) AS matches",
        )
        .get_result(&mut conn)
        .unwrap();
        assert!(in_queries.matches);
        // A stemmer PostgreSQL does not have: refused, nothing half-written.
        let err = add_missing(&mut conn, &[("yy", "klingon")]).unwrap_err();
        assert!(
            format!("{err:#}").contains("no Snowball stemmer `klingon`"),
            "{err:#}"
        );
        assert_eq!(analyse(&mut conn, "yy", "x").config, "passerelle_simple");
        let config: Matches = diesel::sql_query(
            "SELECT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'passerelle_yy') AS matches",
        )
        .get_result(&mut conn)
        .unwrap();
        assert!(!config.matches);
        assert!(add_missing(&mut conn, &[("Y;", "simple")]).is_err());
    })
    .await
    .unwrap();
}
