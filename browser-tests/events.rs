//! Events as a visitor meets them: the network's calendar with its filters, and an event's
//! page with its times, status, "add to calendar" and the "join from your fediverse account"
//! box, which sends the visitor to their own server with the event's address.

use crate::common::{Browser, Site, WAIT};
use crate::public::visitor_server;
use passerelle::db::models::actor::DbActor;
use passerelle::db::models::event::EventFull;
use passerelle::events::EventInput;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// Publishes an event of `org` as the editors' API would.
async fn publish(site: &Site, org: &DbActor, body: Value) -> EventFull {
    let input: EventInput = serde_json::from_value(body).expect("an event input");
    let state = site.inst.state();
    let mut conn = state.pool.get().await.unwrap();
    let (data, event) = input
        .validate(&mut conn, state.urls.base(), 0)
        .await
        .expect("a valid event");
    passerelle::events::publish_new(&mut conn, state, org, &data, &event)
        .await
        .expect("event published")
}

fn event(title_de: &str, title_fr: &str, start: &str, end: &str, kind: &str) -> Value {
    json!({
        "translations": [
            {"language": "de", "title": title_de, "summary": "Eine Zusammenfassung.", "body": "Text."},
            {"language": "fr", "title": title_fr, "summary": "Un résumé.", "body": "Texte."}
        ],
        "starts_at": start,
        "ends_at": end,
        "timezone": "Europe/Berlin",
        "kind": kind,
        "capacity": 25,
        "languages": ["de", "fr"],
        "place": {"name": "Rathaus", "locality": "Dortmund", "country": "DE", "latitude": 51.5122, "longitude": 7.466}
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_calendar_groups_events_by_month_and_filters_them() {
    let site = Site::start().await;
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    publish(
        &site,
        &org,
        event(
            "Fortbildung Förderanträge",
            "Formation aux demandes de subvention",
            "2027-01-15T12:00",
            "2027-01-15T15:00",
            "training",
        ),
    )
    .await;
    publish(
        &site,
        &org,
        event(
            "Partnerschaftsfest",
            "Fête du jumelage",
            "2027-07-15T12:00",
            "2027-07-16T18:00",
            "festival",
        ),
    )
    .await;

    let b = Browser::start().await;
    b.goto(&site.url("/events?lang=fr")).await;
    assert_eq!(b.text("h1").await, "Agenda des rendez-vous");
    assert_eq!(
        b.attr("nav.main a[aria-current=page]", "href")
            .await
            .as_deref(),
        Some("/events")
    );
    assert_eq!(b.text("section.month h2").await, "janvier 2027");
    let headings =
        b.c.find_all(fantoccini::Locator::Css("section.month h2"))
            .await
            .unwrap();
    let mut months = Vec::new();
    for h in headings {
        months.push(h.text().await.unwrap());
    }
    assert_eq!(months, vec!["janvier 2027", "juillet 2027"]);
    assert!(
        b.text("section.month .when")
            .await
            .contains("15 janvier 2027, 12"),
        "times in the event's zone"
    );
    // Every filter has its label.
    for id in ["kind", "theme", "region", "online", "language", "local"] {
        assert!(b.has(&format!("label[for={id}]")).await, "label for {id}");
    }
    b.screenshot("events-calendar").await;

    // Filter by kind with the form.
    let select = b.find("select#kind").await;
    select
        .select_by_value("training")
        .await
        .expect("kind chosen");
    b.submit("form.filters button[type=submit]").await;
    assert!(b.url().await.contains("kind=training"), "{}", b.url().await);
    assert_eq!(b.value("select#kind").await, "training");
    let titles =
        b.c.find_all(fantoccini::Locator::Css("article.event-card h3"))
            .await
            .unwrap();
    assert_eq!(titles.len(), 1);
    assert_eq!(
        titles[0].text().await.unwrap(),
        "Formation aux demandes de subvention"
    );
    // The calendar feed is offered.
    let feed = b
        .attr("section.subscribe a[type='text/calendar']", "href")
        .await
        .unwrap();
    assert!(feed.ends_with("/events.ics?lang=fr"), "{feed}");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_event_page_offers_the_calendar_and_joining_from_the_fediverse() {
    let site = Site::start().await;
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    let ev = publish(
        &site,
        &org,
        event(
            "Jahrestreffen",
            "Rencontre annuelle",
            "2027-07-15T12:00",
            "2027-07-15T14:00",
            "partnership_meeting",
        ),
    )
    .await;
    let page = format!("{}?lang=de", ev.post.post.ap_id);
    let (host, server) = visitor_server().await;

    let b = Browser::start().await;
    b.goto(&page).await;
    assert_eq!(b.text("h1").await, "Jahrestreffen");
    // WebDriver reads no-break spaces as spaces.
    let when = b.text(".event-box time").await.replace('\u{a0}', " ");
    assert_eq!(when, "15. Juli 2027, 12:00 Uhr – 14:00 Uhr");
    assert_eq!(b.text(".event-box .event-status").await, "Findet statt");
    assert_eq!(b.text(".event-box .places-left").await, "25");
    let ics = b.attr("a.ics", "href").await.unwrap();
    assert!(ics.ends_with("/event.ics?lang=de"), "{ics}");
    assert!(b.has("label[for=handle]").await);
    b.screenshot("event-page").await;

    // An empty address is named next to the field.
    b.submit(".join-box button[type=submit]").await;
    assert!(b.has("#handle[aria-invalid=true]").await);
    assert!(
        b.text("#handle-error")
            .await
            .contains("Bitte geben Sie Ihre Adresse ein.")
    );

    // A real one goes to the visitor's server with the event's address.
    b.fill(".join-box input[name=handle]", &format!("@alice@{host}"))
        .await;
    b.click(".join-box button[type=submit]").await;
    let started = Instant::now();
    let url = loop {
        let url = b.url().await;
        if url.contains("/authorize_interaction") {
            break url;
        }
        assert!(started.elapsed() < WAIT, "no redirect: {url}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let parsed = url::Url::parse(&url).unwrap();
    let uri: String = parsed
        .query_pairs()
        .find(|(k, _)| k == "uri")
        .map(|(_, v)| v.into_owned())
        .expect("a uri parameter");
    assert_eq!(uri, ev.post.post.ap_id.to_string());
    server.abort();
    b.close().await;
}
