//! Partner search as an editor uses it: say what the organisation looks for, read the
//! suggested partners with their reasons, and propose a partnership from one of them
//! through the existing handshake; the public "looking for partners" page lists it.

use crate::common::{Browser, PASSWORD, Site};
use passerelle::orgs::{NewOrganisation, Profile};
use passerelle::vocab::OrgKind;

async fn town(
    site: &Site,
    handle: &str,
    name: &str,
    country: &str,
    population: i64,
    themes: &[&str],
) {
    let mut conn = site.inst.state().pool.get().await.unwrap();
    let input = NewOrganisation {
        handle: handle.into(),
        name: name.into(),
        kind: OrgKind::Municipality,
        profile: Profile {
            country: Some(country.into()),
            population: Some(population),
            themes: themes.iter().map(|t| t.to_string()).collect(),
            languages: vec!["de".into(), "fr".into()],
            discoverable: true,
            indexable: true,
            ..Profile::default()
        },
    };
    passerelle::orgs::create(&mut conn, &site.inst.state().urls, &input)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_editor_says_what_it_looks_for_and_proposes_to_a_suggestion() {
    let site = Site::start().await;
    town(
        &site,
        "stadt-dortmund",
        "Stadt Dortmund",
        "DE",
        600_000,
        &["climate"],
    )
    .await;
    town(
        &site,
        "ville-lille",
        "Ville de Lille",
        "FR",
        230_000,
        &["climate"],
    )
    .await;
    town(
        &site,
        "miasto-gdansk",
        "Miasto Gdańsk",
        "PL",
        480_000,
        &["culture"],
    )
    .await;
    let mut conn = site.inst.state().pool.get().await.unwrap();
    let dortmund =
        passerelle::db::models::actor::DbActor::local_by_handle(&mut conn, "stadt-dortmund")
            .await
            .unwrap()
            .unwrap();
    drop(conn);
    site.editor("redaktion", &dortmund).await;
    let b = Browser::start().await;
    b.login(&site.inst.base, "redaktion", PASSWORD).await;

    // The tab, the form; a wrong country is refused next to its field.
    b.goto(&site.url("/editor/stadt-dortmund?lang=de")).await;
    b.click("a[href^='/editor/stadt-dortmund/looking']").await;
    assert_eq!(
        b.attr(".tabs a[aria-current=page]", "href")
            .await
            .as_deref(),
        Some("/editor/stadt-dortmund/looking?lang=de")
    );
    b.click("input[name=purposes][value=learning]").await;
    b.fill("#countries", "FR, Atlantis").await;
    b.submit("form[action^='/editor/stadt-dortmund/looking'] button.primary")
        .await;
    assert!(
        b.text("#countries-error").await.contains("Atlantis"),
        "the refusal is next to the field"
    );
    assert_eq!(
        b.attr("#countries", "aria-invalid").await.as_deref(),
        Some("true")
    );
    b.fill("#countries", "FR").await;
    b.click("input[name=themes][value=climate]").await;
    b.submit("form[action^='/editor/stadt-dortmund/looking'] button.primary")
        .await;
    assert_eq!(b.text(".notice").await, "Gespeichert.");
    b.screenshot("partners-looking-form").await;

    // The suggestions: Lille first, with the reasons, and the handshake's form.
    b.click("a[href^='/editor/stadt-dortmund/suggestions']")
        .await;
    assert_eq!(b.text("h2").await, "Vorgeschlagene Partner");
    let first = b.text("ol.suggestions li:first-child").await;
    assert!(first.contains("Ville de Lille"), "{first}");
    let why = b.text("ol.suggestions li:first-child .why").await;
    assert!(why.contains("arbeitet auch zu Klimaschutz"), "{why}");
    assert!(why.contains("in FR, wo Sie Partner suchen"), "{why}");
    assert!(why.contains("spricht Deutsch und Französisch"), "{why}");
    assert!(b.text("ol.suggestions").await.contains("Miasto Gdańsk"));
    b.screenshot("partners-suggestions").await;
    b.submit("ol.suggestions li:first-child form.propose button")
        .await;
    assert!(
        b.text(".notice")
            .await
            .starts_with("Der Vorschlag ist verschickt"),
        "the existing handshake took the proposal"
    );
    assert!(b.text(".partnership h3").await.contains("Ville de Lille"));

    // The public list shows Dortmund looking.
    b.goto(&site.url("/partners?lang=de")).await;
    assert_eq!(b.text("h1").await, "Partnersuche");
    assert!(b.text("ul.looking").await.contains("Stadt Dortmund"));
    b.close().await;
}
