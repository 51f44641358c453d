//! The public side of events, served for real: the iCalendar feeds read back by an iCalendar
//! parser (the `icalendar` crate's), the event page with its join box, the network's
//! calendar page with its filters, the home page's "upcoming" box and the profile's events.

use crate::common::Ctx;
use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, EventLike};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Backslash, semicolon, comma and a line break: everything TEXT escaping is for.
const TRICKY: &str = "Anmeldung: Rathaus, Saal 2; Eingang \\ Nord\nBitte pünktlich.";

/// An event body: a bilingual summer meeting in Berlin time, with a place and coordinates.
fn summer(title: &str) -> Value {
    json!({
        "translations": [
            {"language": "de", "title": format!("{title} (de)"), "summary": "Jahrestreffen der Partnerstädte.", "body": TRICKY},
            {"language": "fr", "title": format!("{title} (fr)"), "summary": "Rencontre annuelle des villes jumelées, à l’hôtel de ville.", "body": "Inscription : mairie, salle 2 ; entrée nord."}
        ],
        "starts_at": "2027-07-15T12:00",
        "ends_at": "2027-07-15T14:00",
        "timezone": "Europe/Berlin",
        "kind": "partnership_meeting",
        "capacity": 40,
        "languages": ["de", "fr"],
        "themes": ["youth"],
        "place": {"name": "Rathaus Dortmund", "street_address": "Friedensplatz 1", "postal_code": "44135", "locality": "Dortmund", "country": "DE", "latitude": 51.5122, "longitude": 7.4660}
    })
}

/// A German-only winter training in Berlin time, online.
fn winter(title: &str) -> Value {
    json!({
        "translations": [
            {"language": "de", "title": title, "summary": "Fortbildung für Partnerschaftskomitees.", "body": ""}
        ],
        "starts_at": "2027-01-15T12:00",
        "ends_at": "2027-01-15T13:00",
        "timezone": "Europe/Berlin",
        "kind": "training",
        "online_url": "https://video.example/raum-1",
        "themes": ["culture"]
    })
}

async fn create(ctx: &Ctx, handle: &str, token: &str, body: &Value) -> Value {
    let (status, ev) = ctx
        .json(
            ctx.http
                .post(ctx.url(&format!("/api/v1/organisations/{handle}/events")))
                .bearer_auth(token)
                .json(body),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{ev}");
    ev
}

/// The feed at `path`: its raw text (checked for CRLF and folding) parsed into events.
async fn feed(ctx: &Ctx, path: &str) -> Vec<icalendar::Event> {
    let resp = ctx.get(path).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK, "{path}");
    assert_eq!(
        resp.headers()["content-type"].to_str().unwrap(),
        "text/calendar; charset=utf-8"
    );
    let body = resp.text().await.unwrap();
    assert!(
        body.ends_with("\r\n"),
        "{path}: the last line ends with CRLF"
    );
    for (i, line) in body.trim_end_matches("\r\n").split("\r\n").enumerate() {
        assert!(!line.contains('\n'), "{path}: line {i} has a bare LF");
        assert!(
            line.len() <= 75,
            "{path}: line {i} has {} octets",
            line.len()
        );
    }
    let cal: icalendar::Calendar = body.parse().expect("the feed parses");
    cal.components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn by_uid<'a>(events: &'a [icalendar::Event], uid: &str) -> &'a icalendar::Event {
    events
        .iter()
        .find(|e| e.get_uid() == Some(uid))
        .unwrap_or_else(|| panic!("no VEVENT with UID {uid}"))
}

fn utc_start(e: &icalendar::Event) -> chrono::DateTime<chrono::Utc> {
    match e.get_start() {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => t,
        other => panic!("DTSTART is not a UTC instant: {other:?}"),
    }
}

#[tokio::test]
async fn feeds_parse_with_stable_uids_rising_sequences_and_berlin_time_across_dst() {
    let ctx = Ctx::new().await;
    ctx.org("dortmund").await;
    ctx.org("lyon").await;
    let token = ctx.editor("redaktion", &["dortmund", "lyon"]).await;
    let long_title = "Städtepartnerschaftstreffen mit einem sehr langen Titel, der weit über fünfundsiebzig Oktette hinausgeht";
    let s = create(&ctx, "dortmund", &token, &summer(long_title)).await;
    let w = create(&ctx, "dortmund", &token, &winter("Wintertraining")).await;
    // Lyon's event, co-organised by Dortmund, is in Dortmund's feed too.
    let mut co = winter("Gemeinsames Seminar");
    co["organisers"] = json!(["dortmund"]);
    co["themes"] = json!(["youth"]);
    let c = create(&ctx, "lyon", &token, &co).await;
    let (s_uid, w_uid, c_uid) = (
        s["ap_id"].as_str().unwrap(),
        w["ap_id"].as_str().unwrap(),
        c["ap_id"].as_str().unwrap(),
    );

    let fr = feed(&ctx, "/o/dortmund/events.ics?lang=fr").await;
    assert_eq!(fr.len(), 3);
    let summer_fr = by_uid(&fr, s_uid);
    // 12:00 in Berlin is 10:00Z in summer (CEST) and 11:00Z in winter (CET).
    assert_eq!(
        utc_start(summer_fr).to_rfc3339(),
        "2027-07-15T10:00:00+00:00"
    );
    assert_eq!(
        utc_start(by_uid(&fr, w_uid)).to_rfc3339(),
        "2027-01-15T11:00:00+00:00"
    );
    match summer_fr.get_end() {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => {
            assert_eq!(t.to_rfc3339(), "2027-07-15T12:00:00+00:00")
        }
        other => panic!("DTEND: {other:?}"),
    }
    // The French version where the event has one, German where it has only German.
    assert_eq!(
        summer_fr.get_summary(),
        Some(&*format!("{long_title} (fr)"))
    );
    assert!(
        summer_fr
            .get_description()
            .unwrap()
            .starts_with("Rencontre annuelle des villes jumelées, à l’hôtel de ville.")
    );
    assert_eq!(by_uid(&fr, w_uid).get_summary(), Some("Wintertraining"));
    assert_eq!(
        summer_fr.get_location(),
        Some("Rathaus Dortmund, Friedensplatz 1, 44135 Dortmund, DE")
    );
    assert_eq!(summer_fr.property_value("GEO"), Some("51.512200;7.466000"));
    assert_eq!(summer_fr.get_url(), Some(s_uid));
    assert_eq!(
        summer_fr.get_status(),
        Some(icalendar::EventStatus::Confirmed)
    );
    assert_eq!(
        by_uid(&fr, w_uid).get_location(),
        Some("https://video.example/raum-1")
    );
    assert!(by_uid(&fr, c_uid).get_summary().is_some());

    // The German feed: backslash, semicolon, comma and line break come back as written.
    let de = feed(&ctx, "/o/dortmund/events.ics?lang=de").await;
    let summer_de = by_uid(&de, s_uid);
    assert_eq!(
        summer_de.get_summary(),
        Some(&*format!("{long_title} (de)"))
    );
    let description = summer_de.get_description().unwrap();
    assert!(description.contains(TRICKY), "{description:?}");
    let first_sequence = summer_de.get_sequence().unwrap();
    let first_modified = summer_de.get_last_modified().unwrap();
    assert!(summer_de.get_timestamp().is_some());

    // An edit keeps the UID and raises SEQUENCE.
    let id = s["id"].as_str().unwrap();
    let mut edited = summer(long_title);
    edited["translations"][0]["title"] = json!("Neuer Titel");
    let (status, body) = ctx
        .json(
            ctx.http
                .put(ctx.url(&format!("/api/v1/organisations/dortmund/events/{id}")))
                .bearer_auth(&token)
                .json(&edited),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let de = feed(&ctx, "/o/dortmund/events.ics?lang=de").await;
    let after_edit = by_uid(&de, s_uid);
    assert_eq!(after_edit.get_summary(), Some("Neuer Titel"));
    let second_sequence = after_edit.get_sequence().unwrap();
    assert!(second_sequence > first_sequence);
    assert!(after_edit.get_last_modified().unwrap() >= first_modified);

    // Cancelling: STATUS:CANCELLED, SEQUENCE higher again, same UID.
    let (status, body) = ctx
        .json(
            ctx.http
                .post(ctx.url(&format!(
                    "/api/v1/organisations/dortmund/events/{id}/status"
                )))
                .bearer_auth(&token)
                .json(&json!({"status": "cancelled"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let de = feed(&ctx, "/o/dortmund/events.ics?lang=de").await;
    let cancelled = by_uid(&de, s_uid);
    assert_eq!(
        cancelled.get_status(),
        Some(icalendar::EventStatus::Cancelled)
    );
    assert!(cancelled.get_sequence().unwrap() > second_sequence);

    // The network's feed has this instance's events; the theme's only those on the theme.
    let network = feed(&ctx, "/events.ics").await;
    assert_eq!(network.len(), 3);
    let youth = feed(&ctx, "/tags/youth/events.ics?lang=en").await;
    let mut uids: Vec<&str> = youth.iter().filter_map(|e| e.get_uid()).collect();
    uids.sort();
    let mut want = vec![s_uid, c_uid];
    want.sort();
    assert_eq!(uids, want);
    // Lyon's own feed has its event only.
    assert_eq!(feed(&ctx, "/o/lyon/events.ics").await.len(), 1);

    // One event, to add to a calendar.
    let w_id = w["id"].as_str().unwrap();
    let one = feed(&ctx, &format!("/posts/{w_id}/event.ics")).await;
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].get_uid(), Some(w_uid));
    let resp = ctx
        .get(&format!("/posts/{w_id}/event.ics"))
        .send()
        .await
        .unwrap();
    assert!(
        resp.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(
        ctx.get("/o/nobody/events.ics")
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        ctx.get("/tags/no-such-theme/events.ics")
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_post_that_is_no_event_has_no_calendar_entry() {
    let ctx = Ctx::new().await;
    ctx.org("dortmund").await;
    let token = ctx.editor("redaktion", &["dortmund"]).await;
    let post = crate::pages::publish(
        &ctx,
        "dortmund",
        &token,
        &crate::common::bilingual("Garten"),
    )
    .await;
    let id = post["id"].as_str().unwrap();
    let resp = ctx
        .get(&format!("/posts/{id}/event.ics"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_event_page_says_when_where_who_and_sends_joiners_to_their_server() {
    let ctx = Ctx::new().await;
    ctx.org("dortmund").await;
    ctx.org("lyon").await;
    let token = ctx.editor("redaktion", &["dortmund"]).await;
    let mut body = summer("Jahrestreffen");
    body["organisers"] = json!(["lyon"]);
    body["registration_deadline"] = json!("2027-07-01T18:00");
    let ev = create(&ctx, "dortmund", &token, &body).await;
    let id = ev["id"].as_str().unwrap();
    let path = format!("/posts/{id}");

    let fr = ctx.page(&format!("{path}?lang=fr")).await;
    // The French version first, times in Berlin's zone written the French way.
    let first_fr = fr.find("Jahrestreffen (fr)").unwrap();
    assert!(first_fr < fr.find("Jahrestreffen (de)").unwrap());
    assert!(
        fr.contains("15 juillet 2027, 12\u{a0}h\u{a0}00 – 14\u{a0}h\u{a0}00"),
        "{fr}"
    );
    assert!(fr.contains("Europe/Berlin"));
    assert!(fr.contains("Rencontre de jumelage"));
    assert!(fr.contains("Rathaus Dortmund"));
    assert!(fr.contains("Friedensplatz 1, 44135 Dortmund, DE"));
    assert!(fr.contains("51.51220, 7.46600"));
    assert!(fr.contains("href=\"geo:51.5122,7.466\""));
    assert!(fr.contains("Stadt lyon"), "the co-organiser is named");
    assert!(fr.contains("Places restantes"));
    assert!(
        fr.contains("1er juillet 2027, 18\u{a0}h\u{a0}00"),
        "the deadline"
    );
    assert!(fr.contains(&format!("href=\"/posts/{id}/event.ics?lang=fr\"")));
    assert!(fr.contains(&format!("action=\"/posts/{id}/join\"")));
    assert!(fr.contains("<li lang=\"de\">Deutsch</li>"));
    // No third-party map: the page loads nothing from elsewhere.
    assert!(!fr.contains("openstreetmap") && !fr.contains("<iframe"));

    let de = ctx.page(&format!("{path}?lang=de")).await;
    assert!(
        de.contains("15. Juli 2027, 12:00\u{a0}Uhr – 14:00\u{a0}Uhr"),
        "{de}"
    );

    // The join box: an empty handle is named, a server gets the event's address.
    let no_redirect = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let resp = no_redirect
        .post(ctx.url(&format!("{path}/join")))
        .header("Accept-Language", "en")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("handle=++")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = resp.text().await.unwrap();
    assert!(text.contains("Please enter your address."), "{text}");
    assert!(text.contains("aria-invalid=\"true\""));
    let resp = no_redirect
        .post(ctx.url(&format!("{path}/join")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("handle=mobilizon.example")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let location = resp.headers()["location"].to_str().unwrap().to_string();
    let target = url::Url::parse(&location).unwrap();
    assert_eq!(target.host_str(), Some("mobilizon.example"));
    assert_eq!(target.path(), "/authorize_interaction");
    let uri = target
        .query_pairs()
        .find(|(k, _)| k == "uri")
        .map(|(_, v)| v.into_owned());
    assert_eq!(uri.as_deref(), ev["ap_id"].as_str());

    // Cancelled: said at the top, and no more joining.
    let (status, _) = ctx
        .json(
            ctx.http
                .post(ctx.url(&format!(
                    "/api/v1/organisations/dortmund/events/{id}/status"
                )))
                .bearer_auth(&token)
                .json(&json!({"status": "cancelled"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let en = ctx.page(&format!("{path}?lang=en")).await;
    assert!(en.contains("This event is cancelled."));
    assert!(en.contains("status-cancelled"));
    assert!(!en.contains(&format!("action=\"/posts/{id}/join\"")));
    assert!(en.contains("Registration is closed."));
}

#[tokio::test]
async fn the_calendar_lists_running_and_coming_events_by_month_with_filters() {
    let ctx = Ctx::new().await;
    ctx.org("dortmund").await;
    let token = ctx.editor("redaktion", &["dortmund"]).await;
    create(&ctx, "dortmund", &token, &summer("Sommertreffen")).await;
    create(&ctx, "dortmund", &token, &winter("Wintertraining")).await;
    // Running now: started yesterday, ends tomorrow.
    let now = chrono::Utc::now();
    let mut running = winter("Laufende Ausstellung");
    running["starts_at"] = json!((now - chrono::Duration::days(1)).to_rfc3339());
    running["ends_at"] = json!((now + chrono::Duration::days(1)).to_rfc3339());
    running["kind"] = json!("festival");
    create(&ctx, "dortmund", &token, &running).await;
    // Over already: not listed.
    let mut past = winter("Vergangenes Treffen");
    past["starts_at"] = json!((now - chrono::Duration::days(3)).to_rfc3339());
    past["ends_at"] = json!((now - chrono::Duration::days(2)).to_rfc3339());
    create(&ctx, "dortmund", &token, &past).await;

    let page = ctx.page("/events?lang=en").await;
    assert!(page.contains("<h1>Events calendar</h1>"));
    let now_h = page.find("Happening now").expect("a running group");
    let january = page.find(">January 2027</h2>").expect("a January group");
    let july = page.find(">July 2027</h2>").expect("a July group");
    assert!(now_h < january && january < july);
    let running_at = page.find("Laufende Ausstellung").unwrap();
    assert!(now_h < running_at && running_at < january);
    assert!(page.find("Wintertraining").unwrap() > january);
    assert!(page.find("Sommertreffen (de)").unwrap() > july);
    assert!(!page.contains("Vergangenes Treffen"));
    assert!(page.contains("href=\"/events\" aria-current=\"page\""));
    assert!(page.contains("/events.ics?lang=en"));

    // Filters: kind, online, theme, language.
    let training = ctx.page("/events?kind=training&lang=en").await;
    assert!(training.contains("Wintertraining"));
    assert!(!training.contains("Sommertreffen") && !training.contains("Laufende"));
    let on_site = ctx.page("/events?online=no&lang=en").await;
    assert!(on_site.contains("Sommertreffen") && !on_site.contains("Wintertraining"));
    let youth = ctx.page("/events?theme=youth&kind=&lang=en").await;
    assert!(youth.contains("Sommertreffen") && !youth.contains("Wintertraining"));
    assert!(youth.contains("/tags/youth/events.ics?lang=en"));
    let french = ctx.page("/events?language=fr&lang=fr").await;
    assert!(french.contains("Sommertreffen (fr)") && !french.contains("Wintertraining"));
    assert!(french.contains(">juillet 2027</h2>"));
    // An unknown value is named, translated.
    let resp = ctx.get("/events?kind=party&lang=de").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    let text = resp.text().await.unwrap();
    assert!(text.contains("Dieser Filterwert ist unbekannt"));
    assert!(text.contains("aria-invalid=\"true\""));

    // The home page's box: running first, then what comes.
    let home = ctx.page("/?lang=en").await;
    let upcoming = &home[home.find("id=\"events\"").unwrap()..home.find("id=\"latest\"").unwrap()];
    let running_home = upcoming
        .find("Laufende Ausstellung")
        .expect("running on home");
    assert!(running_home < upcoming.find("Wintertraining").unwrap());
    assert!(!upcoming.contains("Vergangenes Treffen"));
    // The organisation's profile lists them with its calendar feed.
    let profile = ctx.page("/o/dortmund?lang=en").await;
    assert!(profile.contains("Wintertraining") && profile.contains("Laufende Ausstellung"));
    assert!(profile.contains("/o/dortmund/events.ics?lang=en"));
    assert!(profile.contains("type=\"text/calendar\""));
}
