//! An editor fills the event form in German: a mistake is shown next to its field with
//! everything typed kept, then the event is published, listed on the events page, and
//! cancelled after a confirmation.

use crate::common::{Browser, PASSWORD, Site};
use chrono::{Duration, Utc};

/// Sets a date-time field as the browser's own picker would (typing into one depends on the
/// browser's locale).
async fn set_value(b: &Browser, css: &str, value: &str) {
    b.find(css).await;
    b.c.execute(
        "const e = document.querySelector(arguments[0]); e.value = arguments[1]; \
         e.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![css.into(), value.into()],
    )
    .await
    .expect("value set");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editor_fills_the_event_form_and_sees_the_event_listed() {
    let site = Site::start().await;
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    site.editor("redaktion", &org).await;
    let b = Browser::start().await;
    b.login(&site.inst.base, "redaktion", PASSWORD).await;

    // From the organisation's tabs to its events, then to the form.
    b.goto(&site.url("/editor/stadt-dortmund?lang=de")).await;
    b.submit(".tabs a[href^='/editor/stadt-dortmund/events']")
        .await;
    assert_eq!(
        b.text("#upcoming-heading").await,
        "Kommende und laufende Termine"
    );
    b.submit("a.button.primary[href^='/editor/stadt-dortmund/events/new']")
        .await;
    assert_eq!(b.value("#timezone").await, "Europe/Berlin");

    let day = (Utc::now() + Duration::days(45)).date_naive();
    b.fill("#title_de", "Partnerschaftsjubiläum Dortmund–Amiens")
        .await;
    b.fill(
        "#summary_de",
        "60 Jahre Partnerschaft, mit Empfang im Rathaus.",
    )
    .await;
    b.fill("#title_fr", "Anniversaire du jumelage Dortmund–Amiens")
        .await;
    b.fill(
        "#summary_fr",
        "60 ans de jumelage, réception à l'hôtel de ville.",
    )
    .await;
    set_value(&b, "#starts_at", &format!("{day}T18:00")).await;
    set_value(&b, "#ends_at", &format!("{day}T16:00")).await;
    b.click("#timezone option[value='Europe/Paris']").await;
    b.click("#kind option[value='partnership_meeting']").await;
    b.fill("#place_name", "Rathaus Dortmund").await;
    b.fill("#locality", "Dortmund").await;
    b.fill("#capacity", "80").await;
    b.click("input[name=themes][value=culture]").await;

    // The end before the start: told next to the end, nothing typed lost.
    b.submit("button[value=publish]").await;
    assert_eq!(
        b.text("#ends_at-error").await,
        "Das Ende liegt vor dem Beginn."
    );
    assert_eq!(
        b.attr("#ends_at", "aria-invalid").await.as_deref(),
        Some("true")
    );
    assert_eq!(
        b.value("#title_fr").await,
        "Anniversaire du jumelage Dortmund–Amiens"
    );
    assert_eq!(b.value("#timezone").await, "Europe/Paris");
    assert_eq!(b.value("#capacity").await, "80");
    b.screenshot("event-form-error").await;

    set_value(&b, "#ends_at", &format!("{day}T22:00")).await;
    b.submit("button[value=publish]").await;
    assert_eq!(b.text(".notice").await, "Der Termin ist veröffentlicht.");
    assert_eq!(
        b.text(".event-row h3 a").await,
        "Partnerschaftsjubiläum Dortmund–Amiens"
    );
    let when = b.text(".event-row .when").await;
    assert!(when.contains("18:00 – 22:00 (Europe/Paris)"), "{when}");
    assert!(
        b.text(".event-row .participants-count")
            .await
            .contains("0 / 80")
    );
    b.screenshot("editor-events").await;

    // Its participants (none yet), then cancelled after the confirmation.
    b.submit(".event-row a.button[href$='/participants?lang=de']")
        .await;
    assert_eq!(
        b.text("main > p:last-child").await,
        "Noch hat sich niemand angemeldet."
    );
    b.submit("main p.meta a").await;
    b.submit(".event-row a.button.danger").await;
    assert!(
        b.text(".alert")
            .await
            .starts_with("Wollen Sie „Partnerschaftsjubiläum Dortmund–Amiens“ wirklich absagen?")
    );
    b.screenshot("event-cancel-confirm").await;
    b.submit("form button.danger").await;
    assert_eq!(b.text(".notice").await, "Der Termin ist abgesagt.");
    assert_eq!(b.text(".event-row .status").await, "abgesagt");
    b.close().await;
}
