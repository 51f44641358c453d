//! Search on one instance: language analysis (German compounds, French accents, stemming),
//! phrases, prefixes, exclusions, facets, filters, order, what is never indexed, bad input,
//! and the peer endpoint's refusal of unsigned requests.

use crate::common::Ctx;
use passerelle::orgs::Profile;
use passerelle::vocab::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn post(ctx: &Ctx, handle: &str, token: &str, body: Value) -> Value {
    let (status, post) = ctx
        .json(
            ctx.http
                .post(ctx.url(&format!("/api/v1/organisations/{handle}/posts")))
                .bearer_auth(token)
                .json(&body),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
    post
}

async fn search(ctx: &Ctx, query: &str) -> (StatusCode, Value) {
    ctx.inst.index_search().await.unwrap();
    ctx.json(
        ctx.get("/api/v1/search")
            .query(&[("scope", "local")])
            .query(
                &query
                    .split('&')
                    .filter_map(|kv| kv.split_once('='))
                    .collect::<Vec<_>>(),
            ),
    )
    .await
}

fn titles(answer: &Value) -> Vec<String> {
    answer["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap().to_string())
        .collect()
}

async fn ludwigsburg(ctx: &Ctx) -> String {
    ctx.org_with(
        "ludwigsburg",
        OrgKind::Municipality,
        Profile {
            country: Some("DE".into()),
            region: Some("Baden-Württemberg".into()),
            languages: vec!["de".into(), "fr".into()],
            discoverable: true,
            indexable: true,
            ..Profile::default()
        },
    )
    .await;
    let token = ctx.editor("redaktion", &["ludwigsburg"]).await;
    post(
        ctx,
        "ludwigsburg",
        &token,
        json!({
            "translations": [
                {"language": "de", "title": "Klimaschutzpartnerschaft mit Montbéliard",
                 "summary": "Unsere Städtepartnerschaften wachsen.",
                 "body": "Beim **Jugendaustausch** pflanzen Schülerinnen Bäume."},
                {"language": "fr", "title": "Partenariat climatique avec Ludwigsburg",
                 "summary": "Nos jumelages grandissent.",
                 "body": "La coopération décentralisée entre les écoles continue."}
            ],
            "themes": ["climate", "youth"], "sdgs": [13]
        }),
    )
    .await;
    token
}

#[tokio::test]
async fn german_compounds_french_accents_and_stems_match() {
    let ctx = Ctx::new().await;
    ludwigsburg(&ctx).await;
    for q in [
        "partnerschaft",       // a part of Städtepartnerschaften and Klimaschutzpartnerschaft
        "klima",               // the first part of Klimaschutzpartnerschaft
        "Städtepartnerschaft", // singular finds the plural
        "stadtepartnerschaften", // without the umlaut
        "cooperation",         // without the accent
        "écoles",              // with the accent, plural
        "ecole",               // singular, no accent
        "jumelage",
        "Schülerinnen",
        "jugend*",              // a prefix
        "\"entre les écoles\"", // a phrase
        // An excluded phrase leaves out its words in that order only.
        "partnerschaft -\"écoles entre\"",
    ] {
        let (status, answer) = search(&ctx, &format!("q={q}")).await;
        assert_eq!(status, StatusCode::OK, "{q}: {answer}");
        assert!(
            titles(&answer).contains(&"Klimaschutzpartnerschaft mit Montbéliard".to_string()),
            "{q} should find the post: {answer}"
        );
    }
    for q in [
        "feuerwehr",
        "\"les écoles entre\"",
        "partnerschaft -jumelage",
        "partnerschaft -\"entre les écoles\"",
    ] {
        let (_, answer) = search(&ctx, &format!("q={q}&kind=post")).await;
        assert_eq!(answer["total"], 0, "{q} should not find the post: {answer}");
    }
    // With statistics, a phrase's words found in most documents are left out of the index
    // lookup; the exact check still decides.
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    diesel_async::RunQueryDsl::execute(diesel::sql_query("ANALYZE search_documents"), &mut conn)
        .await
        .unwrap();
    let (_, answer) = search(&ctx, "q=\"entre les écoles\"").await;
    assert!(
        titles(&answer).contains(&"Klimaschutzpartnerschaft mit Montbéliard".to_string()),
        "{answer}"
    );
    let (_, answer) = search(&ctx, "q=\"les écoles entre\"&kind=post").await;
    assert_eq!(answer["total"], 0, "{answer}");
}

#[tokio::test]
async fn hits_have_snippets_facets_and_filters() {
    let ctx = Ctx::new().await;
    ludwigsburg(&ctx).await;
    let (status, answer) = search(&ctx, "q=partnerschaft").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    // The post holds several of the word's alternatives (Städtepartnerschaften,
    // Klimaschutzpartnerschaft), each a key of its own for the index: found and counted once.
    let posts = answer["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["kind"] == "post")
        .count();
    assert_eq!(posts, 1, "{answer}");
    assert_eq!(
        answer["total"].as_u64(),
        Some(answer["hits"].as_array().unwrap().len() as u64),
        "{answer}"
    );
    let hit = answer["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["kind"] == "post")
        .expect("the post is found");
    assert!(hit["snippet"].as_str().unwrap().contains("<mark>"), "{hit}");
    assert_eq!(hit["languages"], json!(["de", "fr"]));
    assert_eq!(hit["network"], ctx.inst.domain());
    let facets = &answer["facets"];
    let has = |facet: &str, value: &str| {
        facets[facet].as_array().is_some_and(|vs| {
            vs.iter()
                .any(|v| v["value"] == value && v["count"].as_i64() >= Some(1))
        })
    };
    for (f, v) in [
        ("kind", "post"),
        ("theme", "climate"),
        ("sdg", "13"),
        ("country", "DE"),
        ("region", "Baden-Württemberg"),
        ("org_kind", "municipality"),
        ("language", "fr"),
        ("network", ctx.inst.domain()),
    ] {
        assert!(has(f, v), "facet {f}={v} missing: {facets}");
    }
    assert!(facets["year"].as_array().is_some_and(|y| !y.is_empty()));
    assert_eq!(answer["networks"][0]["status"], "local");

    let (_, only) = search(
        &ctx,
        "q=partnerschaft&theme=youth&sdg=13&country=de&lang=fr",
    )
    .await;
    assert_eq!(only["total"], 1, "{only}");
    for filter in [
        "theme=sport",
        "sdg=1",
        "country=FR",
        "from=2999-01-01",
        "lang=en",
    ] {
        let (_, none) = search(&ctx, &format!("q=partnerschaft&{filter}&kind=post")).await;
        assert_eq!(none["total"], 0, "{filter}: {none}");
    }
}

#[tokio::test]
async fn organisations_are_found_and_newest_first_orders_by_date() {
    let ctx = Ctx::new().await;
    let token = ludwigsburg(&ctx).await;
    let (_, orgs) = search(&ctx, "q=ludwigsburg&kind=organisation").await;
    assert_eq!(titles(&orgs), vec!["Stadt ludwigsburg"], "{orgs}");
    for title in ["Erster Austausch", "Zweiter Austausch", "Dritter Austausch"] {
        post(
            &ctx,
            "ludwigsburg",
            &token,
            json!({"translations": [{"language": "de", "title": title, "summary": "Austausch.", "body": "Ein Austausch."}]}),
        )
        .await;
    }
    let (_, newest) = search(&ctx, "q=austausch&sort=newest").await;
    assert_eq!(
        titles(&newest)[..3],
        ["Dritter Austausch", "Zweiter Austausch", "Erster Austausch"],
        "{newest}"
    );
    let (_, page) = search(&ctx, "q=austausch&sort=newest&limit=1&offset=1").await;
    assert_eq!(titles(&page), vec!["Zweiter Austausch"]);
}

#[tokio::test]
async fn relevance_ranks_a_word_in_the_title_above_one_in_the_text() {
    let ctx = Ctx::new().await;
    let token = ludwigsburg(&ctx).await;
    // The older post has the word in its title; the newer ones only in their text.
    for (title, body) in [
        ("Baumpflanzung im Stadtpark", "Wir pflanzen Bäume."),
        (
            "Bericht aus dem Rathaus",
            "Auch eine Baumpflanzung war dabei.",
        ),
        ("Neues vom Markt", "Nach der Baumpflanzung gab es Kuchen."),
    ] {
        post(
            &ctx,
            "ludwigsburg",
            &token,
            json!({"translations": [{"language": "de", "title": title, "summary": "Aus Ludwigsburg.", "body": body}]}),
        )
        .await;
    }
    let (status, ranked) = search(&ctx, "q=baumpflanzung").await;
    assert_eq!(status, StatusCode::OK, "{ranked}");
    assert_eq!(titles(&ranked)[0], "Baumpflanzung im Stadtpark", "{ranked}");
    let scores: Vec<f64> = ranked["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["score"].as_f64().expect("every hit has a score"))
        .collect();
    assert_eq!(scores.len(), 3, "{ranked}");
    assert!(scores[0] > scores[1] && scores[1] > 0.0, "{ranked}");
    // Newest first, the same three in the other order, scored too.
    let (_, newest) = search(&ctx, "q=baumpflanzung&sort=newest").await;
    assert_eq!(titles(&newest)[2], "Baumpflanzung im Stadtpark", "{newest}");
    assert!(
        newest["hits"][0]["score"].as_f64().unwrap() > 0.0,
        "{newest}"
    );
}

#[tokio::test]
async fn not_indexable_and_deleted_content_is_never_found() {
    let ctx = Ctx::new().await;
    ctx.org_with(
        "verschlossen",
        OrgKind::Association,
        Profile {
            discoverable: true,
            indexable: false,
            ..Profile::default()
        },
    )
    .await;
    let token = ctx.editor("redaktion", &["verschlossen"]).await;
    let hidden = post(
        &ctx,
        "verschlossen",
        &token,
        json!({"translations": [{"language": "de", "title": "Geheimes Gartenprojekt", "summary": "Nur für uns.", "body": "Gartenprojekt."}]}),
    )
    .await;
    let (_, answer) = search(&ctx, "q=gartenprojekt").await;
    assert_eq!(answer["total"], 0, "{answer}");

    // Becoming indexable makes its posts findable (once the indexer has built them).
    let (status, _) = ctx
        .json(
            ctx.http
                .patch(ctx.url("/api/v1/organisations/verschlossen"))
                .bearer_auth(&token)
                .json(&json!({"indexable": true})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, answer) = search(&ctx, "q=gartenprojekt").await;
    assert_eq!(answer["total"], 1, "{answer}");

    let (status, _) = ctx
        .json(
            ctx.http
                .delete(ctx.url(&format!("/api/v1/posts/{}", hidden["id"].as_str().unwrap())))
                .bearer_auth(&token),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    // Gone at once: the deleting transaction removes the document (no indexer run here).
    let (_, answer) = ctx
        .json(ctx.get("/api/v1/search?q=gartenprojekt&scope=local"))
        .await;
    assert_eq!(answer["total"], 0, "{answer}");
}

/// Searches (without building anything itself) until `done` holds, for at most 10 s.
async fn search_until(ctx: &Ctx, query: &str, done: impl Fn(&Value) -> bool) -> Value {
    let started = std::time::Instant::now();
    loop {
        let (_, answer) = ctx
            .json(ctx.get(&format!("/api/v1/search?scope=local&{query}")))
            .await;
        if done(&answer) {
            return answer;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "the indexer did not get there: {answer}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn the_servers_indexer_builds_new_and_edited_posts_by_itself() {
    let ctx = Ctx::new().await;
    let token = ludwigsburg(&ctx).await;
    // Nothing here builds the index: the instance's own indexer task does.
    search_until(&ctx, "q=klimaschutzpartnerschaft", |a| a["total"] == 1).await;
    let created = post(
        &ctx,
        "ludwigsburg",
        &token,
        json!({"translations": [{"language": "de", "title": "Weinfest in Montbéliard", "summary": "Im Herbst.", "body": "Busfahrt."}]}),
    )
    .await;
    search_until(&ctx, "q=weinfest", |a| a["total"] == 1).await;
    let (status, body) = ctx
        .json(
            ctx.http
                .put(ctx.url(&format!("/api/v1/posts/{}", created["id"].as_str().unwrap())))
                .bearer_auth(&token)
                .json(&json!({"translations": [{"language": "de", "title": "Apfelfest in Montbéliard", "summary": "Im Herbst.", "body": "Busfahrt."}]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    search_until(&ctx, "q=apfelfest", |a| a["total"] == 1).await;
    let (_, answer) = ctx
        .json(ctx.get("/api/v1/search?scope=local&q=weinfest"))
        .await;
    assert_eq!(answer["total"], 0, "the old title is gone: {answer}");
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    assert_eq!(
        passerelle::search::indexer::catch_up(&mut conn)
            .await
            .unwrap(),
        0,
        "nothing was left queued"
    );
}

#[tokio::test]
async fn bad_queries_get_a_clear_400() {
    let ctx = Ctx::new().await;
    let long = "wort ".repeat(61);
    for (query, field) in [
        ("q=".to_string(), "q"),
        ("q=%20%20".to_string(), "q"),
        (format!("q={long}"), "q"),
        ("q=%22offen".to_string(), "q"),
        ("q=-nur".to_string(), "q"),
        ("q=a&limit=0".to_string(), "limit"),
        ("q=a&limit=500".to_string(), "limit"),
        ("q=a&sdg=18".to_string(), "sdg"),
        ("q=a&from=gestern".to_string(), "from"),
        ("q=a&kind=person".to_string(), "kind"),
    ] {
        let (status, body) = ctx
            .json(
                ctx.http
                    .get(format!("{}?{query}", ctx.url("/api/v1/search"))),
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}: {body}");
        assert_eq!(body["error"]["field"], field, "{query}: {body}");
    }
    let (status, body) = ctx
        .json(ctx.http.get(ctx.url("/api/v1/search?q=a&sort=sideways")))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

#[tokio::test]
async fn peers_endpoint_refuses_unsigned_requests() {
    let ctx = Ctx::new().await;
    let (status, body) = ctx.json(ctx.get("/federation/search?q=klima")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
}

#[tokio::test]
async fn resolving_remote_handles_needs_a_token() {
    let ctx = Ctx::new().await;
    let (status, _) = ctx
        .json(ctx.get("/api/v1/search?q=@someone@elsewhere.example&resolve=true"))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_search_page_shows_hits_facets_and_errors_next_to_the_field() {
    let ctx = Ctx::new().await;
    ludwigsburg(&ctx).await;
    ctx.inst.index_search().await.unwrap();
    let resp = ctx
        .get("/search?q=partnerschaft&lang=fr&scope=local")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = resp.text().await.unwrap();
    assert!(html.contains(r#"<html lang="fr">"#), "{html}");
    assert!(html.contains(r#"<article class="search-hit">"#));
    // The post's French version is shown on the French page; the snippet comes from the
    // version the German word matched, marked as German.
    assert!(
        html.contains(">Partenariat climatique avec Ludwigsburg</a>"),
        "{html}"
    );
    assert!(!html.contains(">Klimaschutzpartnerschaft mit Montbéliard</a>"));
    assert!(html.contains(r#"<p class="snippet" lang="de">"#), "{html}");
    assert!(html.contains("<mark>"));
    assert!(html.contains("Affiner"), "facets in French");
    // The SDGs by number and name, in the page's language.
    assert!(
        html.contains("13. Mesures relatives à la lutte contre les changements climatiques"),
        "{html}"
    );
    assert!(!html.contains("SDG 13"), "{html}");
    assert!(html.contains("theme=climate"), "a facet narrows the search");
    // With a theme chosen, its facet offers only that theme (to remove it): the other
    // themes' counts would be of hits having both, and choosing one replaces the first.
    let html = ctx
        .page("/search?q=partnerschaft&lang=fr&scope=local&theme=climate")
        .await;
    let themes: Vec<&str> = html
        .split("theme=")
        .skip(1)
        .map(|rest| rest.split(['&', '"']).next().unwrap_or_default())
        .collect();
    assert!(!themes.is_empty(), "{html}");
    assert!(themes.iter().all(|t| *t == "climate"), "{themes:?}");

    // A query that cannot be read: 400, the message next to the field, the text kept.
    let resp = ctx
        .get("/search")
        .query(&[("q", "\"<b>offen"), ("ui", "de")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    let html = resp.text().await.unwrap();
    assert!(html.contains(r#"aria-invalid="true""#), "{html}");
    assert!(html.contains(r#"id="q-error""#));
    // In the page's language.
    assert!(
        html.contains("Ein Anführungszeichen ist nicht geschlossen"),
        "{html}"
    );
    assert!(
        html.contains("value=\"&#34;&#60;b&#62;offen\"")
            || html.contains("value=\"&quot;&lt;b&gt;offen\""),
        "{html}"
    );
    assert!(!html.contains("<b>offen"));
    // A parameter the address got wrong: in the page's language, not the parser's English.
    let resp = ctx
        .get("/search?q=austausch&sort=oldest&lang=de")
        .send()
        .await
        .unwrap();
    let html = resp.text().await.unwrap();
    assert!(
        html.contains("enthält einen Wert, der nicht gelesen werden kann"),
        "{html}"
    );
    assert!(!html.contains("deserialize"), "{html}");
}

/// A search of every network (nothing built first: each side's index is built by the test).
async fn everywhere(ctx: &Ctx, query: &[(&str, &str)]) -> Value {
    let (status, answer) = ctx.json(ctx.get("/api/v1/search").query(query)).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer
}

fn facet_sum(answer: &Value, facet: &str) -> i64 {
    answer["facets"][facet].as_array().map_or(0, |vs| {
        vs.iter().map(|v| v["count"].as_i64().unwrap()).sum()
    })
}

fn facet_count(answer: &Value, facet: &str, value: &str) -> i64 {
    answer["facets"][facet]
        .as_array()
        .and_then(|vs| vs.iter().find(|v| v["value"] == value))
        .map_or(0, |v| v["count"].as_i64().unwrap())
}

/// A post of a peer network that this network also holds a copy of (fetched, as a relay
/// would bring it) is one match: the type facets add up to the matches, and a facet's count
/// is what choosing it finds. While the peer is down, the copy stands in for it.
#[tokio::test]
async fn facets_count_a_peers_post_once_though_a_copy_is_held_here() {
    let mut both = passerelle::testing::TestInstance::start_peers(2, |_| {})
        .await
        .unwrap();
    let mut afccre = Ctx::with(both.pop().unwrap()).await;
    let nrw = Ctx::with(both.pop().unwrap()).await;
    afccre
        .org_with(
            "ville-amiens",
            OrgKind::Municipality,
            Profile {
                country: Some("FR".into()),
                languages: vec!["fr".into()],
                discoverable: true,
                indexable: true,
                ..Profile::default()
            },
        )
        .await;
    let token = afccre.editor("redaction", &["ville-amiens"]).await;
    let theirs = post(
        &afccre,
        "ville-amiens",
        &token,
        json!({"translations": [{"language": "fr", "title": "Fête du jumelage à Amiens",
            "summary": "Le comité de jumelage invite.", "body": "Musique et danse."}],
            "themes": ["culture"]}),
    )
    .await;
    nrw.org("stadt-dortmund").await;
    let token = nrw.editor("redaktion", &["stadt-dortmund"]).await;
    post(
        &nrw,
        "stadt-dortmund",
        &token,
        json!({"translations": [{"language": "de", "title": "Jumelage mit Amiens",
            "summary": "Besuch.", "body": "Ein Besuch."}], "themes": ["youth"]}),
    )
    .await;
    afccre.inst.index_search().await.unwrap();

    // nrw fetches afccre's post (as a subscription would bring it) and indexes its copy.
    let ap_id = theirs["ap_id"].as_str().unwrap();
    let (status, body) = nrw
        .json(
            nrw.get("/api/v1/search")
                .query(&[("q", ap_id), ("resolve", "true"), ("scope", "local")])
                .bearer_auth(&nrw.admin),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["resolved"]["type"], "post", "{body}");
    let (_, local) = search(&nrw, "q=jumelage&kind=post").await;
    assert_eq!(local["total"], 2, "the copy is in nrw's index: {local}");

    // While afccre is blocked here, its copy is neither found nor counted; lifting the block
    // brings it back.
    let blocks = nrw.url("/api/v1/admin/domain-blocks");
    let (status, _) = nrw
        .json(
            nrw.http
                .post(&blocks)
                .bearer_auth(&nrw.admin)
                .json(&json!({"domain": afccre.inst.domain()})),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, blocked) = search(&nrw, "q=jumelage&kind=post").await;
    assert_eq!(blocked["total"], 1, "{blocked}");
    assert_eq!(titles(&blocked), ["Jumelage mit Amiens"], "{blocked}");
    assert_eq!(facet_sum(&blocked, "kind"), 1, "{blocked}");
    let (status, _) = nrw
        .json(
            nrw.http
                .delete(format!("{blocks}/{}", afccre.inst.domain()))
                .bearer_auth(&nrw.admin),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, local) = search(&nrw, "q=jumelage&kind=post").await;
    assert_eq!(local["total"], 2, "{local}");

    let answer = everywhere(&nrw, &[("q", "jumelage")]).await;
    assert_eq!(answer["total"], 2, "{answer}");
    assert_eq!(answer["hits"].as_array().unwrap().len(), 2, "{answer}");
    assert_eq!(facet_sum(&answer, "kind"), 2, "{answer}");
    assert_eq!(facet_count(&answer, "kind", "post"), 2, "{answer}");
    assert_eq!(facet_count(&answer, "theme", "culture"), 1, "{answer}");
    assert_eq!(facet_count(&answer, "network", afccre.inst.domain()), 1);
    // Choosing a facet finds as many as it said.
    let chosen = everywhere(&nrw, &[("q", "jumelage"), ("theme", "culture")]).await;
    assert_eq!(chosen["total"], 1, "{chosen}");
    assert_eq!(chosen["hits"].as_array().unwrap().len(), 1, "{chosen}");

    // afccre down: the copy answers for it, still once.
    let afccre_domain = afccre.inst.domain().to_string();
    afccre.inst.go_down().await;
    let answer = everywhere(&nrw, &[("q", "jumelage")]).await;
    assert_eq!(answer["total"], 2, "{answer}");
    assert_eq!(facet_count(&answer, "kind", "post"), 2, "{answer}");
    assert_eq!(
        facet_count(&answer, "network", &afccre_domain),
        1,
        "{answer}"
    );
    assert!(
        answer["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["ap_id"] == ap_id),
        "{answer}"
    );
}

/// A post with a German and a French version: the reader's version gives the title, summary
/// and hashtags; the snippet is cut from one version only, the reader's when the query
/// matches it, else the one it matches.
#[tokio::test]
async fn hits_are_shown_in_the_readers_language_and_snippets_in_one_language() {
    let ctx = Ctx::new().await;
    ludwigsburg(&ctx).await;
    let hit = |answer: &Value| {
        answer["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["kind"] == "post")
            .cloned()
            .unwrap_or_else(|| panic!("no post in {answer}"))
    };
    let (status, fr) = search(&ctx, "q=jumelage&display_lang=fr&kind=post").await;
    assert_eq!(status, StatusCode::OK, "{fr}");
    let h = hit(&fr);
    assert_eq!(h["title"], "Partenariat climatique avec Ludwigsburg", "{h}");
    assert_eq!(h["language"], "fr");
    assert_eq!(h["summary"], "Nos jumelages grandissent.");
    assert_eq!(h["snippet_language"], "fr");
    let snippet = h["snippet"].as_str().unwrap();
    assert!(snippet.contains("<mark>jumelages</mark>"), "{snippet}");
    for german in [
        "Jugendaustausch",
        "Städtepartnerschaften",
        "Bäume",
        "Montbéliard",
    ] {
        assert!(
            !snippet.contains(german),
            "German in a French snippet: {snippet}"
        );
    }
    let climat = passerelle::vocab::theme("climate").unwrap();
    assert_eq!(
        h["hashtags"],
        json!([
            climat.hashtag(passerelle::vocab::Lang::Fr),
            passerelle::vocab::theme("youth")
                .unwrap()
                .hashtag(passerelle::vocab::Lang::Fr),
            "#SDG13"
        ])
    );

    // A German reader gets the German title; the only match is French, so is the snippet.
    let (_, de) = search(&ctx, "q=jumelage&display_lang=de&kind=post").await;
    let h = hit(&de);
    assert_eq!(h["title"], "Klimaschutzpartnerschaft mit Montbéliard");
    assert_eq!(h["summary"], "Unsere Städtepartnerschaften wachsen.");
    assert_eq!(
        h["hashtags"][0],
        climat.hashtag(passerelle::vocab::Lang::De)
    );
    assert_eq!(h["snippet_language"], "fr", "{h}");
    assert!(!h["snippet"].as_str().unwrap().contains("Jugend"), "{h}");

    // And the other way round: a French reader, a German word.
    let (_, fr) = search(&ctx, "q=jugendaustausch&display_lang=fr&kind=post").await;
    let h = hit(&fr);
    assert_eq!(h["title"], "Partenariat climatique avec Ludwigsburg");
    assert_eq!(h["snippet_language"], "de", "{h}");
    let snippet = h["snippet"].as_str().unwrap();
    assert!(
        snippet.contains("<mark>Jugendaustausch</mark>"),
        "{snippet}"
    );
    assert!(
        !snippet.contains("jumelages") && !snippet.contains("coopération"),
        "{snippet}"
    );

    // An Italian reader: the post has no Italian version, so its main language.
    let (_, it) = search(&ctx, "q=jumelage&display_lang=it&kind=post").await;
    assert_eq!(
        hit(&it)["title"],
        "Klimaschutzpartnerschaft mit Montbéliard"
    );
    assert_eq!(hit(&it)["language"], "de");

    // The page in French: the French title and hashtags, with no `lang` of their own.
    let html = ctx
        .get("/search?q=jumelage&lang=fr&scope=local&kind=post")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<h3><a href=")
            && html.contains(">Partenariat climatique avec Ludwigsburg</a>"),
        "{html}"
    );
    assert!(
        html.contains(&climat.hashtag(passerelle::vocab::Lang::Fr)),
        "{html}"
    );
    // In German: the German title, and the French snippet marked as French.
    let html = ctx
        .get("/search?q=jumelage&lang=de&scope=local&kind=post")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(">Klimaschutzpartnerschaft mit Montbéliard</a>"),
        "{html}"
    );
    assert!(html.contains(r#"<p class="snippet" lang="fr">"#), "{html}");
}

/// Ranks at most `candidates` matches: beyond, the newest, with a lower-bound total, the
/// facets counted over them; a window of recent documents that holds too few matches (here:
/// the word's posts are older than the rest) is widened until none newer is left out.
#[tokio::test]
async fn more_matches_than_ranked_are_capped_to_the_newest_and_said_so() {
    use diesel_async::SimpleAsyncConnection;
    use passerelle::search::{Found, Sort, local};
    let ctx = Ctx::new().await;
    ctx.org_with(
        "annecy",
        OrgKind::Municipality,
        Profile {
            country: Some("FR".into()),
            discoverable: true,
            indexable: true,
            ..Profile::default()
        },
    )
    .await;
    let token = ctx.editor("redaction", &["annecy"]).await;
    // Twelve meetings, every other one about youth, then thirty newer concerts.
    for (i, title) in (0..12)
        .map(|i| format!("Rencontre numéro {i}"))
        .chain((0..30).map(|i| format!("Concert numéro {i}")))
        .enumerate()
    {
        let themes = if i % 2 == 0 {
            json!(["youth"])
        } else {
            json!(["culture"])
        };
        post(
            &ctx,
            "annecy",
            &token,
            json!({
                "translations": [{"language": "fr", "title": title,
                                  "summary": "Jeunesse et culture.",
                                  "body": "Les comités de jumelage invitent."}],
                "themes": themes
            }),
        )
        .await;
    }
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    // A day apart, in the order of creation.
    conn.batch_execute(
        "UPDATE posts SET published = now() - make_interval(days => 100 - id::int) WHERE local",
    )
    .await
    .unwrap();
    ctx.inst.index_search().await.unwrap();
    conn.batch_execute("ANALYZE search_documents")
        .await
        .unwrap();
    // The statistics exist: the windowed reading is what is tested below.
    #[derive(diesel::QueryableByName)]
    struct Since {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>)]
        since: Option<chrono::DateTime<chrono::Utc>>,
    }
    let since: Since = diesel_async::RunQueryDsl::get_result(
        diesel::sql_query("SELECT search_newest_since(0.5) AS since"),
        &mut conn,
    )
    .await
    .unwrap();
    assert!(since.since.is_some());

    let mut search = async |sort: Sort, theme: Option<&str>, candidates: i64| -> Found {
        let mut s = passerelle::search::SearchParams {
            q: "rencontre".into(),
            theme: theme.map(str::to_string),
            sort: Some(sort),
            kind: Some("post".into()),
            ..Default::default()
        }
        .check()
        .unwrap();
        s.candidates = candidates;
        local::search(&mut conn, &s, local::Holdings::All)
            .await
            .unwrap()
    };
    let titles = |f: &Found| f.hits.iter().map(|h| h.title.clone()).collect::<Vec<_>>();
    let numbered = |n: &[u32]| {
        n.iter()
            .map(|i| format!("Rencontre numéro {i}"))
            .collect::<Vec<_>>()
    };

    let exact = search(Sort::Newest, None, 20).await;
    assert_eq!((exact.total, exact.capped), (12, false));

    let newest = search(Sort::Newest, None, 5).await;
    assert_eq!(
        (newest.total, newest.capped),
        (5, true),
        "more than five: capped"
    );
    assert_eq!(titles(&newest), numbered(&[11, 10, 9, 8, 7]));
    let kinds: i64 = newest.facets["kind"].iter().map(|v| v.count).sum();
    assert_eq!(
        kinds, 5,
        "facets count the five ranked: {:?}",
        newest.facets
    );

    let best = search(Sort::Relevance, None, 5).await;
    let mut ranked = titles(&best);
    ranked.sort();
    let mut expected = numbered(&[11, 10, 9, 8, 7]);
    expected.sort();
    assert_eq!(ranked, expected, "relevance ranks the newest five");

    // Two: the estimate calls for a window of the newest quarter of the documents, which
    // holds only concerts; it is widened.
    let two = search(Sort::Newest, None, 2).await;
    assert_eq!((two.total, two.capped), (2, true));
    assert_eq!(titles(&two), numbered(&[11, 10]));

    let youth = search(Sort::Newest, Some("youth"), 2).await;
    assert_eq!((youth.total, youth.capped), (2, true));
    assert_eq!(titles(&youth), numbered(&[10, 8]));
    let all_youth = search(Sort::Newest, Some("youth"), 6).await;
    assert_eq!(
        (all_youth.total, all_youth.capped),
        (6, false),
        "exactly six: not capped"
    );
    assert_eq!(titles(&all_youth), numbered(&[10, 8, 6, 4, 2, 0]));
}
