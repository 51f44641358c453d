//! The editors' event pages driven over HTTP as a browser would send them (login, session
//! cookie, CSRF token, multipart form): create, edit (the sequence rises), refusals shown
//! next to their field in the editor's language with everything typed kept, cancel,
//! duplicate; approval-mode requests from other local organisations approved and rejected.

use crate::common::{Ctx, Editor};
use chrono::{Duration, Utc};
use passerelle::db::models::actor::DbActor;
use passerelle::db::models::event::{
    DbEvent, DbParticipation, EventFilter, EventFull, EventStatus, ParticipationState,
};
use reqwest::header::{CONTENT_TYPE, COOKIE, LOCATION};
use reqwest::{Response, StatusCode};

/// A complete event form, starting `days` from now at 14:00 Berlin time for four hours.
fn event_fields(title: &str, days: i64) -> Vec<(&'static str, String)> {
    let day = (Utc::now() + Duration::days(days)).date_naive();
    vec![
        ("main_language", "de".into()),
        ("title_de", title.into()),
        ("summary_de", "Die Partnerschaften treffen sich.".into()),
        ("body_de", "Mit **Workshops**.".into()),
        ("title_fr", format!("{title} (fr)")),
        ("summary_fr", "Les jumelages se rencontrent.".into()),
        ("body_fr", "".into()),
        ("title_en", "".into()),
        ("summary_en", "".into()),
        ("body_en", "".into()),
        ("starts_at", format!("{day}T14:00")),
        ("ends_at", format!("{day}T18:00")),
        ("timezone", "Europe/Berlin".into()),
        ("kind", "conference".into()),
        ("status", "scheduled".into()),
        ("join_mode", "free".into()),
        ("external_url", "".into()),
        ("capacity", "30".into()),
        ("registration_deadline", "".into()),
        ("languages", "de, fr".into()),
        ("place_name", "Rathaus Dortmund".into()),
        ("street_address", "Friedensplatz 1".into()),
        ("postal_code", "44135".into()),
        ("locality", "Dortmund".into()),
        ("region", "Nordrhein-Westfalen".into()),
        ("country", "DE".into()),
        ("latitude", "51.5136".into()),
        ("longitude", "7.4653".into()),
        ("online_url", "".into()),
        ("themes", "youth".into()),
        ("sdgs", "11".into()),
        ("organisers", "".into()),
        ("partnership", "".into()),
        ("related_posts", "".into()),
        ("image_alt", "".into()),
    ]
}

fn with(
    mut fields: Vec<(&'static str, String)>,
    changes: &[(&'static str, &str)],
) -> Vec<(&'static str, String)> {
    for (name, value) in changes {
        fields.retain(|(k, _)| k != name);
        fields.push((name, value.to_string()));
    }
    fields
}

async fn events_of(ctx: &Ctx, org: &DbActor) -> Vec<EventFull> {
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let filter = EventFilter {
        actor_id: Some(org.id),
        actor_ap_id: Some(org.ap_id.to_string()),
        ..Default::default()
    };
    DbEvent::of_feed(&mut conn, &filter, 50).await.unwrap()
}

fn key(f: &EventFull) -> String {
    f.post
        .post
        .ap_id
        .as_str()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

fn location(resp: &Response) -> String {
    resp.headers()[LOCATION].to_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editors_create_edit_cancel_and_duplicate_events_and_see_refusals_translated() {
    let ctx = Ctx::new().await;
    let org = ctx.org("stadt-dortmund").await;
    ctx.org("ville-amiens").await;
    ctx.editor("redaktion", &["stadt-dortmund"]).await;
    ctx.editor("redaction", &["ville-amiens"]).await;
    let ed = Editor::login(&ctx, "redaktion").await;
    let base = event_fields("Zukunftsdialog", 60);

    // The form, linked from the events page, offers the zones and starts in Berlin's.
    let (status, list) = ed.get("/editor/stadt-dortmund/events?lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains(r#"href="/editor/stadt-dortmund/events/new?lang=en""#));
    let (status, form) = ed.get("/editor/stadt-dortmund/events/new?lang=en").await;
    // The online address is said to be public, next to its field.
    assert!(
        form.contains("aria-describedby=\"online_url-hint\"")
            && form.contains("Public: everyone who sees the event sees this address"),
        "{form}"
    );
    assert_eq!(status, StatusCode::OK);
    assert!(
        form.contains(r#"<option value="Europe/Berlin" selected>"#),
        "{form}"
    );
    assert!(form.contains(r#"<option value="Europe/Paris">"#));

    // End before start: next to the end, in English, with everything typed kept.
    let day = (Utc::now() + Duration::days(60)).date_naive();
    let early = format!("{day}T09:00");
    let resp = ed
        .post_multipart(
            "/editor/stadt-dortmund/events?lang=en",
            &with(base.clone(), &[("ends_at", &early)]),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = resp.text().await.unwrap();
    assert!(
        page.contains(
            r#"<p class="field-error" id="ends_at-error">The end is before the start.</p>"#
        ),
        "{page}"
    );
    assert!(page.contains(r#"value="Zukunftsdialog""#));
    assert!(page.contains(&format!(
        r#"id="ends_at" name="ends_at" type="datetime-local" value="{early}""#
    )));
    assert!(page.contains(r#"value="Rathaus Dortmund""#));
    assert!(page.contains(r#"name="themes" value="youth" checked"#));

    // An unknown time zone, in German: the zone stays selected, the message is German.
    let resp = ed
        .post_multipart(
            "/editor/stadt-dortmund/events?lang=de",
            &with(base.clone(), &[("timezone", "Europe/Atlantis")]),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = resp.text().await.unwrap();
    assert!(
        page.contains("id=\"timezone-error\">Unbekannte Zeitzone „Europe/Atlantis“: wählen Sie eine aus der Liste.</p>"),
        "{page}"
    );
    assert!(page.contains(r#"<option value="Europe/Atlantis" selected>"#));
    // Coordinates out of range, in French.
    let resp = ed
        .post_multipart(
            "/editor/stadt-dortmund/events?lang=fr",
            &with(base.clone(), &[("latitude", "151.5")]),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = resp.text().await.unwrap();
    assert!(
        page.contains(r#"id="latitude-error">Une latitude de −90 à 90.</p>"#),
        "{page}"
    );
    assert!(events_of(&ctx, &org).await.is_empty(), "nothing written");

    // Published: stored at 14:00 Berlin time, listed with its places.
    let resp = ed
        .post_multipart("/editor/stadt-dortmund/events?lang=en", &base)
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(location(&resp).starts_with("/editor/stadt-dortmund/events?notice="));
    let events = events_of(&ctx, &org).await;
    assert_eq!(events.len(), 1);
    let ev = &events[0];
    assert_eq!(ev.event.sequence, 0);
    assert_eq!(ev.event.timezone, "Europe/Berlin");
    assert_eq!(
        ev.event
            .starts_at
            .with_timezone(&chrono_tz::Europe::Berlin)
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
        format!("{day}T14:00")
    );
    assert_eq!(ev.event.capacity, Some(30));
    assert_eq!(ev.event.latitude, Some(51.5136));
    assert_eq!(ev.post.translations.len(), 2);
    let id = key(ev);
    let (_, list) = ed.get("/editor/stadt-dortmund/events?lang=en").await;
    assert!(list.contains("Zukunftsdialog</a>"), "{list}");
    assert!(list.contains("Participants: 0 / 30 seats"), "{list}");

    // Edited: the form shows what is stored; the sequence rises.
    let (status, page) = ed
        .get(&format!("/editor/stadt-dortmund/events/{id}/edit?lang=en"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!(r#"value="{day}T14:00""#)));
    assert!(page.contains(r#"value="51.5136""#));
    let edited = with(
        base.clone(),
        &[("title_de", "Zukunftsdialog 2026"), ("capacity", "40")],
    );
    let resp = ed
        .post_multipart(
            &format!("/editor/stadt-dortmund/events/{id}?lang=en"),
            &edited,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let ev = events_of(&ctx, &org).await.remove(0);
    assert_eq!(ev.event.sequence, 1);
    assert_eq!(ev.event.capacity, Some(40));
    assert_eq!(ev.post.main().unwrap().title, "Zukunftsdialog 2026");

    // Another organisation of this instance takes part, from its own events page.
    let amiens = Editor::login(&ctx, "redaction").await;
    let resp = amiens
        .post(
            "/editor/ville-amiens/participations?lang=fr",
            &[("event", ev.post.post.ap_id.as_str()), ("message", "")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let (_, theirs) = amiens.get("/editor/ville-amiens/events?lang=fr").await;
    // Titled in the page's language.
    assert!(theirs.contains("Zukunftsdialog (fr)</a>"), "{theirs}");
    assert!(
        theirs.contains(r#"<span class="state">acceptée</span>"#),
        "{theirs}"
    );

    // A capacity below those accepted is refused, and nothing changes.
    let resp = ed
        .post_multipart(
            &format!("/editor/stadt-dortmund/events/{id}?lang=en"),
            &with(edited.clone(), &[("capacity", "0")]),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = resp.text().await.unwrap();
    assert!(
        page.contains(r#"id="capacity-error">1 participants are already accepted: there must be at least as many places.</p>"#),
        "{page}"
    );
    assert!(page.contains(r#"id="capacity" name="capacity" type="number" value="0""#));
    assert_eq!(events_of(&ctx, &org).await[0].event.sequence, 1);

    // Cancelled after a confirmation.
    let (status, page) = ed
        .get(&format!(
            "/editor/stadt-dortmund/events/{id}/cancel?lang=en"
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Do you really want to cancel “Zukunftsdialog 2026”?"),
        "{page}"
    );
    let resp = ed
        .post(
            &format!("/editor/stadt-dortmund/events/{id}/cancel?lang=en"),
            &[],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let ev = events_of(&ctx, &org).await.remove(0);
    assert_eq!(ev.event.status, EventStatus::Cancelled);
    assert_eq!(ev.event.sequence, 2);
    let (_, list) = ed.get("/editor/stadt-dortmund/events?lang=de").await;
    assert!(
        list.contains(r#"<span class="status">abgesagt</span>"#),
        "{list}"
    );
    // Without the form's token nothing is cancelled.
    let resp = ed
        .http
        .post(ed.url(&format!("/editor/stadt-dortmund/events/{id}/cancel")))
        .header(COOKIE, &ed.cookie)
        .send()
        .await
        .unwrap();
    assert_ne!(resp.status(), StatusCode::SEE_OTHER);

    // Duplicated: the create form with everything but the dates, scheduled again.
    let (status, page) = ed
        .get(&format!(
            "/editor/stadt-dortmund/events/{id}/duplicate?lang=en"
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("A copy of “Zukunftsdialog 2026”"), "{page}");
    assert!(page.contains(r#"value="Zukunftsdialog 2026""#));
    assert!(page.contains(r#"id="starts_at" name="starts_at" type="datetime-local" value="""#));
    assert!(page.contains(r#"<option value="scheduled" selected>"#));
    assert!(page.contains(r#"action="/editor/stadt-dortmund/events?lang=en""#));
    let later = with(
        event_fields("Zukunftsdialog 2026", 90),
        &[("title_de", "Zukunftsdialog 2026"), ("capacity", "40")],
    );
    let resp = ed
        .post_multipart("/editor/stadt-dortmund/events?lang=en", &later)
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let events = events_of(&ctx, &org).await;
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].event.status, EventStatus::Scheduled);
    assert!(events[0].event.starts_at > events[1].event.starts_at);
    assert_eq!(events[1].event.status, EventStatus::Cancelled);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organisers_approve_and_reject_requests_and_export_them() {
    let ctx = Ctx::new().await;
    let org = ctx.org("stadt-dortmund").await;
    ctx.org("ville-amiens").await;
    ctx.org("comune-firenze").await;
    ctx.editor("redaktion", &["stadt-dortmund"]).await;
    ctx.editor("redaction", &["ville-amiens"]).await;
    ctx.editor("redazione", &["comune-firenze"]).await;
    let ed = Editor::login(&ctx, "redaktion").await;
    let fields = with(
        event_fields("Jugendbegegnung", 30),
        &[("join_mode", "approval"), ("capacity", "1")],
    );
    let resp = ed
        .post_multipart("/editor/stadt-dortmund/events?lang=en", &fields)
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let ev = events_of(&ctx, &org).await.remove(0);
    let id = key(&ev);
    let url = ev.post.post.ap_id.to_string();

    // Two organisations ask to take part; each waits for the organiser.
    for (username, handle, message) in [
        ("redaction", "ville-amiens", "Nous venons à quatre."),
        ("redazione", "comune-firenze", "=SUM(A1)"),
    ] {
        let them = Editor::login(&ctx, username).await;
        let resp = them
            .post(
                &format!("/editor/{handle}/participations?lang=en"),
                &[("event", url.as_str()), ("message", message)],
            )
            .await;
        assert_eq!(resp.status(), StatusCode::SEE_OTHER);
        assert!(
            location(&resp).contains("notice=ed_join_sent"),
            "{}",
            location(&resp)
        );
    }
    let (status, page) = ed
        .get(&format!(
            "/editor/stadt-dortmund/events/{id}/participants?lang=en"
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let amiens_at = page.find("@ville-amiens@").expect("Amiens listed");
    let firenze_at = page.find("@comune-firenze@").expect("Firenze listed");
    assert!(amiens_at < firenze_at, "in order of arrival");
    assert!(page.contains("Nous venons à quatre."));
    assert_eq!(
        page.matches(r#"<td class="state">requested</td>"#).count(),
        2
    );
    let (_, list) = ed.get("/editor/stadt-dortmund/events?lang=en").await;
    assert!(list.contains("<strong>2 requested</strong>"), "{list}");

    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let rows = DbParticipation::of_event(&mut conn, ev.post.post.id)
        .await
        .unwrap();
    let (amiens, firenze) = (rows[0].0.id, rows[1].0.id);
    let decide =
        |pid: i64| format!("/editor/stadt-dortmund/events/{id}/participants/{pid}?lang=en");

    let resp = ed.post(&decide(amiens), &[("verb", "approve")]).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    // The one place is taken: approving the second is refused, in words.
    let resp = ed.post(&decide(firenze), &[("verb", "approve")]).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let (_, page) = ed.get(&location(&resp)).await;
    assert!(
        page.contains("The event is full: raise its number of places first."),
        "{page}"
    );
    let resp = ed.post(&decide(firenze), &[("verb", "reject")]).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let states: Vec<ParticipationState> = DbParticipation::of_event(&mut conn, ev.post.post.id)
        .await
        .unwrap()
        .iter()
        .map(|(p, _)| p.state)
        .collect();
    assert_eq!(
        states,
        [ParticipationState::Accepted, ParticipationState::Rejected]
    );
    // A decision needs the form's token.
    let resp = ed
        .http
        .post(ed.url(&decide(firenze)))
        .header(COOKIE, &ed.cookie)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("verb=approve")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);

    // The list as CSV, a formula made plain text.
    let resp = ed
        .http
        .get(ed.url(&format!(
            "/editor/stadt-dortmund/events/{id}/participants.csv"
        )))
        .header(COOKIE, &ed.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(
        resp.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = resp.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "address,name,state,since,message,actor");
    assert!(lines[1].starts_with("\"ville-amiens@") && lines[1].contains("\"accepted\""));
    assert!(lines[2].contains("\"rejected\"") && lines[2].contains("\"'=SUM(A1)\""));
    // Another organisation's editor sees none of it.
    let amiens_ed = Editor::login(&ctx, "redaction").await;
    let (status, _) = amiens_ed
        .get(&format!("/editor/stadt-dortmund/events/{id}/participants"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Amiens leaves from its events page.
    let resp = amiens_ed
        .post(
            "/editor/ville-amiens/participations/leave?lang=en",
            &[("event", url.as_str())],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let rows = DbParticipation::of_event(&mut conn, ev.post.post.id)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    // Leaving again: told so, in words.
    let resp = amiens_ed
        .post(
            "/editor/ville-amiens/participations/leave?lang=en",
            &[("event", url.as_str())],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        resp.text()
            .await
            .unwrap()
            .contains("You are not taking part in this event.")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editors_take_part_in_a_mobilizon_event_by_its_address_and_leave_it() {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    use passerelle::db::schema::{deliveries, outbound_activities};

    let ctx = Ctx::new().await;
    let org = ctx.org("stadt-dortmund").await;
    ctx.editor("redaktion", &["stadt-dortmund"]).await;
    let ed = Editor::login(&ctx, "redaktion").await;

    // A Mobilizon instance serving its group and the event in Mobilizon's shape: once as
    // written (in 2025, over), once moved to the coming weeks.
    let mobilizon = crate::remote_actors::Remote::start().await;
    let fixture = include_str!("../../federation-tests/fixtures/mobilizon/create_event.json")
        .replace("https://mobilizon.example", &mobilizon.base);
    let create: serde_json::Value = serde_json::from_str(&fixture).unwrap();
    mobilizon.actor(
        "/@comite_jumelage_amiens",
        "Group",
        serde_json::json!({"preferredUsername": "comite_jumelage_amiens", "name": "Comité de jumelage d'Amiens"}),
    );
    let mut past = create["object"].clone();
    past["@context"] = create["@context"].clone();
    let past_url = past["id"].as_str().unwrap().to_string();
    mobilizon.put(past_url.trim_start_matches(&mobilizon.base), past.clone());
    let mut coming = past.clone();
    let coming_url = format!(
        "{}/events/3f1c9a52-0d7e-4b8a-a1c2-5e6f7a8b9c0d",
        mobilizon.base
    );
    let day = (Utc::now() + Duration::days(20)).date_naive();
    coming["id"] = coming_url.clone().into();
    coming["url"] = coming_url.clone().into();
    coming["startTime"] = format!("{day}T14:00:00+02:00").into();
    coming["endTime"] = format!("{day}T22:00:00+02:00").into();
    mobilizon.put(coming_url.trim_start_matches(&mobilizon.base), coming);

    // The event that is over: refused, in words, with the address kept.
    let resp = ed
        .post(
            "/editor/stadt-dortmund/participations?lang=en",
            &[("event", past_url.as_str()), ("message", "")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = resp.text().await.unwrap();
    assert!(
        page.contains(r#"<p class="field-error" id="event-error">This event is over.</p>"#),
        "{page}"
    );
    assert!(page.contains(&format!(r#"value="{past_url}""#)));
    // Something that is not an event at all.
    let resp = ed
        .post(
            "/editor/stadt-dortmund/participations?lang=de",
            &[("event", "nicht eine Adresse"), ("message", "")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        resp.text()
            .await
            .unwrap()
            .contains("„nicht eine Adresse“ ist weder @name@server noch eine Adresse")
    );

    // The coming one: asked, waiting for the organiser (Mobilizon's restricted mode).
    let resp = ed
        .post(
            "/editor/stadt-dortmund/participations?lang=en",
            &[
                ("event", coming_url.as_str()),
                ("message", "Wir kommen mit vier Personen."),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let (_, page) = ed.get(&location(&resp)).await;
    assert!(
        page.contains("The request to take part is sent; its state is shown below."),
        "{page}"
    );
    assert!(
        page.contains("Fête du jumelage Amiens–Dortmund / Partnerschaftsfest</a>"),
        "{page}"
    );
    assert!(page.contains(r#"<span class="state">requested</span>"#));
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let mine = DbParticipation::of_actor(&mut conn, org.id).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].0.state, ParticipationState::Pending);

    // Left again: the Join and then the Leave go to the group's inbox.
    let resp = ed
        .post(
            "/editor/stadt-dortmund/participations/leave?lang=en",
            &[("event", coming_url.as_str())],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(
        DbParticipation::of_actor(&mut conn, org.id)
            .await
            .unwrap()
            .is_empty()
    );
    let sent: Vec<(String, String)> = deliveries::table
        .inner_join(outbound_activities::table)
        .filter(deliveries::inbox.eq(format!("{}/inbox", mobilizon.base)))
        .order(deliveries::id)
        .select((outbound_activities::kind, outbound_activities::payload))
        .load(&mut conn)
        .await
        .unwrap();
    let kinds: Vec<&str> = sent.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(kinds, ["Join", "Leave"]);
    let join: serde_json::Value = serde_json::from_str(&sent[0].1).unwrap();
    assert_eq!(join["object"], coming_url.as_str());
    assert_eq!(
        join["participationMessage"],
        "Wir kommen mit vier Personen."
    );
}

/// A new event's form (or a copy's) sent twice publishes one event.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_event_form_sent_twice_publishes_once() {
    let ctx = Ctx::new().await;
    let org = ctx.org("stadt-dortmund").await;
    ctx.editor("redaktion", &["stadt-dortmund"]).await;
    let ed = Editor::login(&ctx, "redaktion").await;
    let (_, form) = ed.get("/editor/stadt-dortmund/events/new?lang=de").await;
    let key = form
        .split("name=\"once\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the form carries a one-time key")
        .to_string();
    let fields = with(event_fields("Zukunftsdialog", 60), &[("once", &key)]);
    for _ in 0..2 {
        let resp = ed
            .post_multipart("/editor/stadt-dortmund/events?lang=de", &fields)
            .await;
        assert_eq!(resp.status(), StatusCode::SEE_OTHER);
        assert!(location(&resp).starts_with("/editor/stadt-dortmund/events"));
    }
    assert_eq!(events_of(&ctx, &org).await.len(), 1);
}

/// The place's refusals point at what is meant: a country typed out asks for its code, and
/// the place's group of fields names its error for screen readers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_country_typed_out_asks_for_its_code() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-dortmund").await;
    ctx.editor("redaktion", &["stadt-dortmund"]).await;
    let ed = Editor::login(&ctx, "redaktion").await;
    let fields = with(
        event_fields("Zukunftsdialog", 60),
        &[("country", "Deutschland")],
    );
    let resp = ed
        .post_multipart("/editor/stadt-dortmund/events?lang=de", &fields)
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = resp.text().await.unwrap();
    let code_wanted = passerelle::locale::text(passerelle::vocab::Lang::De, "ed-err-country")
        .expect("the message exists");
    assert!(page.contains(code_wanted), "{page}");
    assert!(!page.contains(">Zu lang.<"), "{page}");
    // Without place or online address: the place's fields say why.
    let fields = with(
        event_fields("Zukunftsdialog", 60),
        &[
            ("place_name", ""),
            ("street_address", ""),
            ("postal_code", ""),
            ("locality", ""),
            ("region", ""),
            ("country", ""),
            ("latitude", ""),
            ("longitude", ""),
            ("online_url", ""),
        ],
    );
    let resp = ed
        .post_multipart("/editor/stadt-dortmund/events?lang=de", &fields)
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = resp.text().await.unwrap();
    assert!(
        page.contains(r#"<fieldset aria-describedby="place-hint place-error">"#),
        "{page}"
    );
}
