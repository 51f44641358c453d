//! Every public page, the editors' main forms and the administrators' pages at the narrowest
//! phones' width (320 px), a common phone's (390 px) and a desktop's (1280 px): no sideways
//! scrolling, a screenshot of each kept under `target/browser-screenshots/`, and axe-core
//! (installed from npm into `browser-tests/axe/` by `.ci/test`) injected into the page and
//! reporting no violation.

use crate::common::{Browser, PASSWORD, Site, screenshot_dir};
use diesel::{ExpressionMethods, QueryDsl};
use passerelle::db::schema::actors;
use passerelle::posts::{PostInput, TranslationInput};
use passerelle::vocab::Lang;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The narrowest phones still in use (320 CSS pixels: an iPhone SE of the first
/// generation, small Android phones), a common one (an iPhone 12 to 15 is 390) and a
/// desktop.
const WIDTHS: [u32; 3] = [320, 390, 1280];

/// Municipalities of the registry, with coordinates: a dense set, as in the Ruhr and on the
/// Upper Rhine, and partners further away.
const TOWNS: &[(&str, &str, &str, f64, f64)] = &[
    ("Dortmund", "DE", "05913000", 51.514, 7.466),
    ("Essen", "DE", "05113000", 51.456, 7.012),
    ("Bochum", "DE", "05911000", 51.482, 7.216),
    ("Stuttgart", "DE", "08111000", 48.776, 9.183),
    ("Karlsruhe", "DE", "08212000", 49.007, 8.404),
    ("Amiens", "FR", "80021", 49.894, 2.296),
    ("Grenoble", "FR", "38185", 45.188, 5.724),
    ("Strasbourg", "FR", "67482", 48.573, 7.752),
    ("Nancy", "FR", "54395", 48.692, 6.184),
    ("Straßburger Partnerschaftsverein", "FR", "", 48.58, 7.75),
];

/// The partnership list, in the import's format.
const PAIRS: &str =
    "name_a,country_a,code_a,region_a,name_b,country_b,code_b,region_b,kind,founded_year
Dortmund,DE,05913000,,Amiens,FR,80021,,jumelage,1960
Essen,DE,05113000,,Grenoble,FR,38185,,jumelage,1976
Bochum,DE,05911000,,Nancy,FR,54395,,Freundschaft,1990
Stuttgart,DE,08111000,,Strasbourg,FR,67482,,jumelage,1962
Karlsruhe,DE,08212000,,Nancy,FR,54395,,jumelage,1955
Karlsruhe,DE,08212000,,Straßburger Partnerschaftsverein,FR,,,Freundschaft,2001
";

/// axe-core's script, as `npm ci --prefix browser-tests/axe` installs it.
fn axe_script() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("browser-tests/axe/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; install it with `npm ci --prefix browser-tests/axe` (.ci/test does)",
            path.display()
        )
    })
}

/// The registry's partnerships, with coordinates for the map.
async fn registry(site: &Site) {
    use diesel_async::RunQueryDsl;
    let state = site.inst.state();
    let mut conn = state.pool.get().await.unwrap();
    let report = passerelle::partnerships::import::import_csv(
        &mut conn,
        &state.urls,
        PAIRS,
        &Default::default(),
    )
    .await
    .expect("the list imports");
    assert!(report.imported, "{report:?}");
    for (name, _, _, lat, lon) in TOWNS {
        diesel::update(actors::table.filter(actors::name.eq(name)))
            .set((actors::latitude.eq(lat), actors::longitude.eq(lon)))
            .execute(&mut conn)
            .await
            .unwrap();
    }
}

/// A post with a long German title (the words that made pages scroll sideways), a theme and
/// an SDG; returns its address.
async fn post(site: &Site, org: &passerelle::db::models::actor::DbActor) -> String {
    let input = PostInput {
        main_language: Some(Lang::De),
        translations: vec![
            TranslationInput {
                language: Lang::De,
                title: "Partnerschaftsregister der Städtepartnerschaftsvereinigungen".into(),
                summary: "Zwanzig Jugendliche pflanzen Apfelbäume auf der Streuobstwiese.".into(),
                body: "Eine **Streuobstwiese** für beide Städte: Städtepartnerschaftsjubiläumsveranstaltung.".into(),
            },
            TranslationInput {
                language: Lang::Fr,
                title: "Verger des villes jumelles".into(),
                summary: "Vingt jeunes plantent des pommiers.".into(),
                body: "Un verger pour les deux villes.".into(),
            },
        ],
        themes: vec!["youth".into()],
        sdgs: vec![13],
        partners: vec![],
        place: None,
        starts_on: None,
        ends_on: None,
        images: vec![],
        in_reply_to: None,
        funded_by: None,
    };
    let state = site.inst.state();
    let mut conn = state.pool.get().await.unwrap();
    let data = input.validate(&mut conn, state.urls.base()).await.unwrap();
    let post = passerelle::posts::publish_new(&mut conn, state, org, &data)
        .await
        .unwrap();
    post.post.ap_id.to_string()
}

/// An event of `org`; returns its address.
async fn event(site: &Site, org: &passerelle::db::models::actor::DbActor) -> String {
    let body: Value = json!({
        "translations": [
            {"language": "de", "title": "Jahrestreffen der Partnerschaftskomitees", "summary": "Eine Zusammenfassung.", "body": "Text."},
            {"language": "fr", "title": "Rencontre annuelle des comités de jumelage", "summary": "Un résumé.", "body": "Texte."}
        ],
        "starts_at": "2027-07-15T12:00",
        "ends_at": "2027-07-15T14:00",
        "timezone": "Europe/Berlin",
        "kind": "partnership_meeting",
        "capacity": 25,
        "languages": ["de", "fr"],
        "place": {"name": "Rathaus", "locality": "Dortmund", "country": "DE", "latitude": 51.5122, "longitude": 7.466}
    });
    let input: passerelle::events::EventInput = serde_json::from_value(body).unwrap();
    let state = site.inst.state();
    let mut conn = state.pool.get().await.unwrap();
    let (data, ev) = input
        .validate(&mut conn, state.urls.base(), 0)
        .await
        .expect("a valid event");
    let ev = passerelle::events::publish_new(&mut conn, state, org, &data, &ev)
        .await
        .expect("event published");
    ev.post.post.ap_id.to_string()
}

/// The innermost elements that stick out of the window (not counting those inside a box
/// that scrolls or clips), and those whose text sticks out of their own box.
const WIDE_ELEMENTS: &str = "
    const w = window.innerWidth;
    const out = e => e.getBoundingClientRect().right > w + 0.5;
    const contained = e => {
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
            if (getComputedStyle(p).overflowX !== 'visible') return true;
        }
        return false;
    };
    return [...document.querySelectorAll('body *')]
        .filter(e => !contained(e))
        .filter(e => (out(e) && ![...e.children].some(out))
            || (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 && getComputedStyle(e).overflowX === 'visible' && e.children.length === 0))
        .slice(0, 6)
        .map(e => e.outerHTML.slice(0, 140));";

/// What is wrong with the page as shown: sideways scrolling and axe-core's violations.
async fn check(b: &Browser, axe: &str, name: &str, width: u32) -> Vec<String> {
    let mut problems = Vec::new();
    let (scroll, inner): (i64, i64) = {
        let v =
            b.c.execute(
                "return [document.documentElement.scrollWidth, window.innerWidth];",
                vec![],
            )
            .await
            .expect("widths");
        (v[0].as_i64().unwrap_or(0), v[1].as_i64().unwrap_or(0))
    };
    assert_eq!(inner, i64::from(width), "the window is {width} px wide");
    if scroll > inner {
        let culprits =
            b.c.execute(WIDE_ELEMENTS, vec![])
                .await
                .unwrap_or(Value::Null);
        problems.push(format!(
            "{name} at {width} px scrolls sideways: {scroll} > {inner}: {culprits}"
        ));
    }
    b.screenshot(&format!("w{width}-{name}")).await;
    b.c.execute(axe, vec![]).await.expect("axe-core loads");
    let result = b
        .c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {resultTypes: ['violations']})
               .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | '))))
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("axe-core runs");
    for v in result.as_array().into_iter().flatten() {
        problems.push(format!(
            "{name} at {width} px: {}",
            v.as_str().unwrap_or("?")
        ));
    }
    problems
}

/// A forum group with long German names and a thread in it, written by `org` with a comment.
async fn forum(
    site: &Site,
    account: &passerelle::db::models::account::Account,
    org: &passerelle::db::models::actor::DbActor,
) {
    use passerelle::forum::{self, GroupInput, Target, ThreadInput};
    use std::collections::BTreeMap;
    let state = site.inst.state();
    let mut conn = state.pool.get().await.unwrap();
    let group = forum::create_group(
        &mut conn,
        state,
        &GroupInput {
            handle: "jugendarbeit".into(),
            name: BTreeMap::from([
                (
                    Lang::De,
                    "Jugendbegegnungen der Städtepartnerschaften".to_string(),
                ),
                (Lang::Fr, "Rencontres de jeunes des jumelages".to_string()),
            ]),
            description: BTreeMap::from([(
                Lang::De,
                "Erfahrungsaustausch über Partnerschaftsbegegnungsprogramme.".to_string(),
            )]),
            rules: BTreeMap::from([(Lang::De, "Freundlich bleiben.".to_string())]),
            posting_restricted_to_mods: false,
            moderators: vec!["redaktion".into()],
        },
        None,
    )
    .await
    .expect("group");
    let thread = forum::post_thread(
        &mut conn,
        state,
        account,
        org,
        &Target::Local(group),
        &ThreadInput {
            language: Lang::De,
            title: "Städtepartnerschaftsjubiläumsveranstaltungen: wer organisiert mit?".into(),
            body: "Wir suchen **Gastfamilien** für die Jugendbegegnung.".into(),
            image: None,
        },
    )
    .await
    .expect("thread");
    forum::comment(
        &mut conn,
        state,
        org,
        &forum::CommentInput {
            language: Lang::De,
            body: "Dortmund ist dabei.".into(),
            in_reply_to: thread.post.ap_id.to_string(),
        },
    )
    .await
    .expect("comment");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_fits_a_phone_and_passes_axe() {
    let axe = axe_script();
    let site = Site::start().await;
    registry(&site).await;
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    // A long handle (the address people copy into Mastodon) must wrap, not widen the page.
    site.org(
        "staedtepartnerschaftsverein-ludwigsburg-montbeliard",
        "Städtepartnerschaftsverein Ludwigsburg–Montbéliard",
    )
    .await;
    // The editor administers the instance too, so that one login reaches every page.
    let account = site.admin("redaktion").await;
    {
        let mut conn = site.inst.state().pool.get().await.unwrap();
        passerelle::db::models::account::Account::grant_editor(&mut conn, account.id, org.id)
            .await
            .unwrap();
        passerelle::forum::person::enable(
            &mut conn,
            site.inst.state(),
            &account,
            &passerelle::forum::person::PersonInput {
                handle: Some("erika".into()),
                name: Some("Erika Mustermann-Schönefeld".into()),
            },
        )
        .await
        .expect("the editor's person");
    }
    crate::funding::seed(&site).await;
    forum(&site, &account, &org).await;
    let post = post(&site, &org).await;
    let event = event(&site, &org).await;
    // The search index is filled in the background: wait for the post to be found.
    let b = Browser::start().await;
    let started = Instant::now();
    loop {
        b.goto(&site.url("/search?q=Streuobstwiese&lang=de")).await;
        if b.has("article.search-hit a").await {
            break;
        }
        assert!(started.elapsed() < crate::common::WAIT, "no search hit");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Pages found by their links: the forum thread and a funding programme.
    b.goto(&site.url("/g/jugendarbeit?lang=de")).await;
    let thread = b
        .attr("a[href*='/g/jugendarbeit/t/']", "href")
        .await
        .expect("the thread's link");
    b.goto(&site.url("/funding?lang=de")).await;
    let programme = b
        .attr("a[href^='/funding/programmes/']", "href")
        .await
        .expect("a programme's link");
    let public = [
        ("home", "/?lang=de".to_string()),
        (
            "registry-closer",
            "/registry?lang=de&view=7/51.0/7.5".into(),
        ),
        ("forum-group", "/g/jugendarbeit?lang=de".into()),
        ("forum-thread", format!("{thread}?lang=de")),
        ("funding-programme", format!("{programme}?lang=fr")),
        ("person", "/u/erika?lang=de".into()),
        ("registry", "/registry?lang=de".into()),
        ("organisation", "/o/stadt-dortmund?lang=de".into()),
        (
            "organisation-long-handle",
            "/o/staedtepartnerschaftsverein-ludwigsburg-montbeliard?lang=fr".into(),
        ),
        ("post", format!("{post}?lang=de")),
        ("search", "/search?q=Streuobstwiese&lang=de".into()),
        ("statistics", "/statistics?lang=de".into()),
        ("tag", "/tags/youth?lang=de".into()),
        ("events", "/events?lang=fr".into()),
        ("event", format!("{event}?lang=fr")),
        ("login", "/login?lang=de".into()),
        ("forum", "/forum?lang=de".into()),
        ("showcase", "/showcase?lang=fr".into()),
        ("funding", "/funding?lang=de".into()),
        ("partners", "/partners?lang=pl".into()),
    ];
    let post_id = post.rsplit('/').next().expect("the post's id");
    let post_edit = format!("/editor/posts/{post_id}/edit?lang=de");
    let post_delete = format!("/editor/posts/{post_id}/delete?lang=de");
    let editor = [
        ("dashboard", "/editor?lang=de"),
        ("editor-post-edit", post_edit.as_str()),
        ("editor-post-delete", post_delete.as_str()),
        ("editor", "/editor/stadt-dortmund?lang=de"),
        ("editor-post", "/editor/stadt-dortmund/posts/new?lang=de"),
        ("editor-event", "/editor/stadt-dortmund/events/new?lang=fr"),
        (
            "editor-partnerships",
            "/editor/stadt-dortmund/partnerships?lang=de",
        ),
        (
            "editor-followers",
            "/editor/stadt-dortmund/followers?lang=de",
        ),
        ("editor-looking", "/editor/stadt-dortmund/looking?lang=it"),
        ("editor-person", "/editor/_me?lang=de"),
        ("admin", "/admin?lang=de"),
        ("admin-moderation", "/admin/moderation?lang=fr"),
        ("admin-accounts", "/admin/accounts?lang=de"),
        ("admin-account", "/admin/accounts/redaktion?lang=pl"),
        ("admin-organisations", "/admin/organisations?lang=it"),
        ("forum-moderation", "/g/jugendarbeit/moderation?lang=de"),
    ];
    let mut problems = Vec::new();
    for width in WIDTHS {
        b.c.set_window_size(width, 1800).await.expect("window size");
        for (name, path) in &public {
            let url = if path.starts_with('/') {
                site.url(path)
            } else {
                path.clone()
            };
            b.goto(&url).await;
            problems.extend(check(&b, &axe, name, width).await);
            if *name == "registry" {
                let map = b.find("svg.map").await;
                let png = map.screenshot().await.expect("a picture of the map");
                std::fs::write(screenshot_dir().join(format!("w{width}-map.png")), png)
                    .expect("screenshot written");
            }
        }
    }
    b.c.set_window_size(1280, 1800).await.expect("window size");
    b.login(&site.inst.base, "redaktion", PASSWORD).await;
    for width in WIDTHS {
        b.c.set_window_size(width, 1800).await.expect("window size");
        for (name, path) in editor {
            b.goto(&site.url(path)).await;
            problems.extend(check(&b, &axe, name, width).await);
        }
    }
    b.close().await;
    assert!(
        problems.is_empty(),
        "{} problems (screenshots in {}):\n{}",
        problems.len(),
        screenshot_dir().display(),
        problems.join("\n")
    );
}
