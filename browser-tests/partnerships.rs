//! A partnership proposed in one network's interface and accepted in the other's: two
//! instances, two editors, one browser.

use crate::common::{Browser, PASSWORD, Site, WAIT};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partnership_is_proposed_on_one_instance_and_accepted_on_the_other() {
    let nrw = Site::start().await;
    let afccre = Site::start().await;
    let dortmund = nrw.org("stadt-dortmund", "Stadt Dortmund").await;
    let amiens = afccre.org("ville-amiens", "Ville d'Amiens").await;
    nrw.editor("redaktion", &dortmund).await;
    afccre.editor("redaction", &amiens).await;
    let b = Browser::start().await;

    b.login(&nrw.inst.base, "redaktion", PASSWORD).await;
    b.goto(&nrw.url("/editor/stadt-dortmund/partnerships?lang=de"))
        .await;
    b.fill("#partner", &afccre.handle("ville-amiens")).await;
    b.fill("#founded_year", "1960").await;
    b.fill("#description_de", "Seit 1960 verschwistert.").await;
    b.fill("#description_fr", "Jumelées depuis 1960.").await;
    b.submit("form[action^='/editor/stadt-dortmund/partnerships'] button.primary")
        .await;
    assert!(
        b.text(".notice")
            .await
            .starts_with("Der Vorschlag ist verschickt")
    );
    assert_eq!(
        b.text(".partnership h3").await,
        format!("Ville d'Amiens {}", afccre.handle("ville-amiens"))
    );
    assert!(
        b.text(".partnership p.meta")
            .await
            .contains("wartet auf die Antwort des Partners")
    );
    assert!(
        !b.has(".partnership button[value=accept]").await,
        "the proposer cannot accept"
    );
    b.screenshot("partnership-proposed").await;

    // The other side, on its own instance (the same browser: logging in there replaces the
    // session cookie, which is per host name).
    b.login(&afccre.inst.base, "redaction", PASSWORD).await;
    let page = afccre.url("/editor/ville-amiens/partnerships?lang=fr");
    b.reload_until(
        &page,
        ".partnership button[value=accept]",
        "the proposal reaches afccre",
    )
    .await;
    assert_eq!(
        b.text(".partnership h3").await,
        format!("Stadt Dortmund {}", nrw.handle("stadt-dortmund"))
    );
    b.screenshot("partnership-to-answer").await;
    b.submit(".partnership button[value=accept]").await;
    assert_eq!(b.text(".notice").await, "Le partenariat est confirmé.");
    assert_eq!(b.text(".partnership .status").await, "confirmé");

    // The proposer's side learns of the answer.
    b.login(&nrw.inst.base, "redaktion", PASSWORD).await;
    let page = nrw.url("/editor/stadt-dortmund/partnerships?lang=de");
    let started = Instant::now();
    loop {
        b.goto(&page).await;
        if b.text(".partnership .status").await == "bestätigt" {
            break;
        }
        assert!(started.elapsed() < WAIT, "the acceptance reaches nrw");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(b.has(".partnership button[value=end]").await);
    b.screenshot("partnership-confirmed").await;

    // Ending it is the same domain call as the API's, and reaches the partner.
    b.submit(".partnership button[value=end]").await;
    assert_eq!(b.text(".partnership .status").await, "beendet");
    b.close().await;
}
