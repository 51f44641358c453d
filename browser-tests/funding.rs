//! The funding page as a visitor uses it: the directory with open calls first, a filter, and
//! the eligibility check filled in and answered without script, with the rule each
//! programme that does not fit fails; a programme's page from there.

use crate::common::{Browser, Site};
use passerelle::demo::funding::programmes;
use passerelle::federation::activities::funding::create_local;

pub async fn seed(site: &Site) {
    let state = site.inst.state();
    let mut conn = state.pool.get().await.unwrap();
    for p in programmes() {
        let data = p.validate().expect("the demo's programmes are valid");
        create_local(&mut conn, state, &data)
            .await
            .expect("programme created");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_eligibility_check_says_which_programmes_fit_and_why_not() {
    let site = Site::start().await;
    seed(&site).await;
    let b = Browser::start().await;
    b.goto(&site.url("/funding?lang=de")).await;
    assert_eq!(b.text("h1").await, "Förderprogramme");
    assert_eq!(
        b.attr("nav.main a[aria-current=page]", "href")
            .await
            .as_deref(),
        Some("/funding")
    );
    // Open calls first: the two rolling Franco-German programmes.
    let open = b.text(".funding-open").await;
    assert!(open.contains("Deutsch-Französischer Bürgerfonds"), "{open}");
    assert!(open.contains("DFJW Jugendbegegnungen"), "{open}");
    assert!(
        !open.contains("CERV"),
        "past CERV calls are not open: {open}"
    );
    assert!(b.text(".funding-others").await.contains("CERV Netzwerke"));

    // A filter: schools may apply to Erasmus+, not to CERV Town-Twinning.
    b.find("#kind")
        .await
        .select_by_value("school")
        .await
        .unwrap();
    b.submit(".filters button[type=submit]").await;
    let listed = b.text("main").await;
    assert!(listed.contains("Erasmus+"), "{listed}");
    assert!(!listed.contains("CERV Städtepartnerschaften"), "{listed}");

    // The check: Dortmund applies with a Norwegian town, 60 people of whom 30 invited, 8 months.
    b.goto(&site.url("/funding?lang=de")).await;
    b.find("#kind0")
        .await
        .select_by_value("municipality")
        .await
        .unwrap();
    b.fill("#country0", "DE").await;
    b.find("#kind1")
        .await
        .select_by_value("municipality")
        .await
        .unwrap();
    b.fill("#country1", "no").await;
    b.fill("#participants", "60").await;
    b.fill("#invited", "30").await;
    b.fill("#duration", "8").await;
    b.submit(".funding-check button[name=check]").await;
    let result = b.text("#check-result").await;
    // Erasmus+ small-scale partnerships take any organisation from Norway as from Germany.
    assert!(result.contains("1 von 5 Programmen passt."), "{result}");
    assert!(b.text("ul.fits").await.contains("Erasmus+"));
    assert!(
        result.contains("Organisationen aus NO sind nicht förderfähig"),
        "{result}"
    );
    assert!(result.contains("braucht einen Partner aus FR"), "{result}");
    assert!(result.contains("darf höchstens 21 Tage dauern"), "{result}");
    // The form keeps what was typed.
    assert_eq!(b.value("#country1").await, "no");
    b.screenshot("funding-check").await;

    // With France instead of Norway, the Bürgerfonds fits.
    b.fill("#country1", "FR").await;
    b.submit(".funding-check button[name=check]").await;
    let fits = b.text("ul.fits").await;
    assert!(fits.contains("Deutsch-Französischer Bürgerfonds"), "{fits}");
    assert!(fits.contains("CERV Städtepartnerschaften"), "{fits}");

    // A programme's page from the answer.
    b.submit("ul.fits a").await;
    assert!(b.url().await.contains("/funding/programmes/"));
    assert!(b.has("dl.facts").await);
    b.screenshot("funding-programme").await;
    b.close().await;
}
