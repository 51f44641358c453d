//! Events across three instances: published, updated and cancelled events arrive; an
//! organisation on another instance joins and is accepted; a full event rejects and keeps a
//! waiting list that moves up when someone leaves; approval mode round trip; bad input.

use crate::common::{Net, wait_for};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

fn event_body(title: &str, capacity: Option<i32>, join_mode: &str) -> Value {
    json!({
        "translations": [
            {"language": "de", "title": title, "summary": "Jahrestreffen der Partnerschaften",
             "body": "Mit *Workshops*."},
            {"language": "fr", "title": format!("{title} (fr)"), "summary": "Rencontre annuelle des jumelages",
             "body": "Avec des *ateliers*."}
        ],
        "starts_at": "2031-06-12T10:00",
        "ends_at": "2031-06-12T16:00",
        "timezone": "Europe/Berlin",
        "kind": "conference",
        "join_mode": join_mode,
        "capacity": capacity,
        "languages": ["de", "fr"],
        "themes": ["youth"],
        "place": {"name": "Neues Schloss", "street_address": "Schlossplatz 4", "postal_code": "70173",
                  "locality": "Stuttgart", "country": "DE", "latitude": 48.778, "longitude": 9.181}
    })
}

async fn create_event(net: &Net, org: &str, body: Value) -> Value {
    let (status, ev) = net
        .call(
            Method::POST,
            &format!("/api/v1/organisations/{org}/events"),
            Some(body),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "create event: {ev}");
    ev
}

/// The event as an instance's calendar lists it (remote ones included).
async fn listed(net: &Net, ap_id: &str) -> Option<Value> {
    let (status, list) = net.call(Method::GET, "/api/v1/events", None).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array()?
        .iter()
        .find(|e| e["ap_id"] == ap_id)
        .cloned()
}

async fn participation(net: &Net, org: &str, event: &str) -> Option<String> {
    let (_, list) = net
        .call(
            Method::GET,
            &format!("/api/v1/organisations/{org}/participations"),
            None,
        )
        .await;
    list.as_array()?
        .iter()
        .find(|p| p["event"] == event)
        .and_then(|p| p["state"].as_str().map(String::from))
}

async fn participants(net: &Net, org: &str, id: &str) -> Vec<Value> {
    let (status, list) = net
        .call(
            Method::GET,
            &format!("/api/v1/organisations/{org}/events/{id}/participants"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array().cloned().unwrap_or_default()
}

fn state_of(list: &[Value], address_start: &str) -> Option<String> {
    list.iter()
        .find(|p| {
            p["address"]
                .as_str()
                .is_some_and(|a| a.starts_with(address_start))
        })
        .and_then(|p| p["state"].as_str().map(String::from))
}

async fn join(net: &Net, org: &str, event: &str) -> (StatusCode, Value) {
    net.call(
        Method::POST,
        &format!("/api/v1/organisations/{org}/participations"),
        Some(json!({"event": event, "message": "Wir kommen zu zweit."})),
    )
    .await
}

/// The DFI's organisation `dfi`, followed by Stadt Dortmund on `nrw` and Ville d'Amiens on
/// `afccre` (the follows accepted).
async fn three_networks_following_dfi() -> (Net, Net, Net) {
    let dfi = Net::start().await;
    let nrw = Net::start().await;
    let afccre = Net::start().await;
    dfi.org("dfi", false).await;
    nrw.org("stadt-dortmund", false).await;
    afccre.org("ville-amiens", false).await;
    nrw.follow("stadt-dortmund", &dfi.handle("dfi")).await;
    afccre.follow("ville-amiens", &dfi.handle("dfi")).await;
    let dfi_url = dfi.inst.url("/o/dfi");
    for (net, org) in [(&nrw, "stadt-dortmund"), (&afccre, "ville-amiens")] {
        wait_for("the follow is accepted", 20, || {
            let dfi_url = dfi_url.clone();
            async move { net.following_accepted(org, &dfi_url).await.filter(|a| *a) }
        })
        .await;
    }
    (dfi, nrw, afccre)
}

/// Raising a full event's capacity moves the waiting list up: the first waiting gets the
/// place and its instance hears the `Accept`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn raising_the_capacity_accepts_those_waiting() {
    let (dfi, nrw, afccre) = three_networks_following_dfi().await;
    let ev = create_event(&dfi, "dfi", event_body("Zukunftsdialog", Some(1), "free")).await;
    let ap_id = ev["ap_id"].as_str().unwrap().to_string();
    let id = ev["id"].as_str().unwrap().to_string();
    for (net, org, state) in [
        (&nrw, "stadt-dortmund", "accepted"),
        (&afccre, "ville-amiens", "rejected"),
    ] {
        wait_for("the event arrives", 20, || listed(net, &ap_id)).await;
        let (status, _) = join(net, org, &ap_id).await;
        assert_eq!(status, StatusCode::ACCEPTED);
        wait_for("the join is answered", 20, || async {
            participation(net, org, &ap_id).await.filter(|s| s == state)
        })
        .await;
    }
    let list = participants(&dfi, "dfi", &id).await;
    assert_eq!(state_of(&list, "ville-amiens@").as_deref(), Some("waiting"));
    let (status, updated) = dfi
        .call(
            Method::PUT,
            &format!("/api/v1/organisations/dfi/events/{id}"),
            Some(event_body("Zukunftsdialog", Some(2), "free")),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    let list = participants(&dfi, "dfi", &id).await;
    assert_eq!(
        state_of(&list, "ville-amiens@").as_deref(),
        Some("accepted")
    );
    wait_for("amiens hears it has the place", 20, || async {
        participation(&afccre, "ville-amiens", &ap_id)
            .await
            .filter(|s| s == "accepted")
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publish_update_join_capacity_waiting_list_and_cancel() {
    let (dfi, nrw, afccre) = three_networks_following_dfi().await;

    // Published with one place: it arrives at both followers' instances as an event.
    let ev = create_event(&dfi, "dfi", event_body("Zukunftsdialog", Some(1), "free")).await;
    let ap_id = ev["ap_id"].as_str().unwrap().to_string();
    let id = ev["id"].as_str().unwrap().to_string();
    assert_eq!(ev["sequence"], 0);
    assert_eq!(
        ev["starts_at"], "2031-06-12T08:00:00Z",
        "10:00 in Berlin in summer"
    );
    for net in [&nrw, &afccre] {
        let got = wait_for("the event arrives", 20, || listed(net, &ap_id)).await;
        assert_eq!(got["local"], false);
        assert_eq!(got["starts_at"], "2031-06-12T08:00:00Z");
        assert_eq!(got["ends_at"], "2031-06-12T14:00:00Z");
        assert_eq!(got["timezone"], "Europe/Berlin");
        assert_eq!(got["kind"], "conference");
        assert_eq!(got["capacity"], 1);
        assert_eq!(got["place"]["locality"], "Stuttgart");
        assert_eq!(got["place"]["latitude"], 48.778);
        assert_eq!(got["translations"][0]["language"], "de");
    }

    // Updated: the new title arrives.
    let mut body = event_body("Zukunftsdialog 2031", Some(1), "free");
    body["translations"][0]["summary"] = json!("Neues Programm");
    let (status, updated) = dfi
        .call(
            Method::PUT,
            &format!("/api/v1/organisations/dfi/events/{id}"),
            Some(body),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["sequence"], 1);
    wait_for("the update arrives", 20, || async {
        listed(&nrw, &ap_id)
            .await
            .filter(|e| e["translations"][0]["title"] == "Zukunftsdialog 2031")
    })
    .await;

    // Dortmund joins from another instance: accepted at once (a free event with a place).
    let (status, joined) = join(&nrw, "stadt-dortmund", &ap_id).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{joined}");
    assert_eq!(joined["state"], "pending", "until the organiser answers");
    wait_for("dortmund's join is accepted", 20, || async {
        participation(&nrw, "stadt-dortmund", &ap_id)
            .await
            .filter(|s| s == "accepted")
    })
    .await;
    let list = participants(&dfi, "dfi", &id).await;
    assert_eq!(
        state_of(&list, "stadt-dortmund@").as_deref(),
        Some("accepted")
    );
    assert_eq!(list[0]["message"], "Wir kommen zu zweit.");

    // The capacity cannot drop below those accepted.
    let (status, err) = dfi
        .call(
            Method::PUT,
            &format!("/api/v1/organisations/dfi/events/{id}"),
            Some(event_body("Zukunftsdialog 2031", Some(0), "free")),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
    assert_eq!(err["error"]["field"], "capacity");

    // Amiens joins the full event: rejected, and on the waiting list.
    let (status, _) = join(&afccre, "ville-amiens", &ap_id).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    wait_for("amiens's join is rejected for capacity", 20, || async {
        participation(&afccre, "ville-amiens", &ap_id)
            .await
            .filter(|s| s == "rejected")
    })
    .await;
    let list = participants(&dfi, "dfi", &id).await;
    assert_eq!(state_of(&list, "ville-amiens@").as_deref(), Some("waiting"));

    // Dortmund leaves: the waiting list moves, Amiens gets the place.
    let (status, _) = nrw
        .call(
            Method::DELETE,
            &format!(
                "/api/v1/organisations/stadt-dortmund/participations?event={}",
                urlencode(&ap_id)
            ),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    wait_for("amiens moves up from the waiting list", 20, || async {
        participation(&afccre, "ville-amiens", &ap_id)
            .await
            .filter(|s| s == "accepted")
    })
    .await;
    let list = participants(&dfi, "dfi", &id).await;
    assert_eq!(state_of(&list, "stadt-dortmund@"), None, "dortmund left");
    assert_eq!(
        state_of(&list, "ville-amiens@").as_deref(),
        Some("accepted")
    );
    // Leaving again is refused: not taking part.
    let (status, err) = nrw
        .call(
            Method::DELETE,
            &format!(
                "/api/v1/organisations/stadt-dortmund/participations?event={}",
                urlencode(&ap_id)
            ),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");

    // Cancelled: the status arrives at followers and participants.
    let (status, cancelled) = dfi
        .call(
            Method::POST,
            &format!("/api/v1/organisations/dfi/events/{id}/status"),
            Some(json!({"status": "cancelled"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    assert_eq!(cancelled["status"], "cancelled");
    for net in [&nrw, &afccre] {
        wait_for("the cancellation arrives", 20, || async {
            listed(net, &ap_id)
                .await
                .filter(|e| e["status"] == "cancelled")
        })
        .await;
    }
    // Joining a cancelled event is refused with the reason.
    let (status, err) = join(&nrw, "stadt-dortmund", &ap_id).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("cancelled"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn approval_mode_round_trip() {
    let dfi = Net::start().await;
    let nrw = Net::start().await;
    dfi.org("dfi", false).await;
    nrw.org("stadt-dortmund", false).await;
    nrw.org("stadt-essen", false).await;
    let ev = create_event(
        &dfi,
        "dfi",
        event_body("Schulung Fördermittel", None, "approval"),
    )
    .await;
    let ap_id = ev["ap_id"].as_str().unwrap().to_string();
    let id = ev["id"].as_str().unwrap().to_string();

    // Joining fetches the event (nobody follows the organiser) and waits for the organiser.
    for org in ["stadt-dortmund", "stadt-essen"] {
        let (status, joined) = join(&nrw, org, &ap_id).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{joined}");
    }
    let list = wait_for("both requests reach the organiser", 20, || async {
        let list = participants(&dfi, "dfi", &id).await;
        (list.len() == 2).then_some(list)
    })
    .await;
    assert!(list.iter().all(|p| p["state"] == "pending"), "{list:?}");
    let pid = |address: &str| {
        list.iter()
            .find(|p| p["address"].as_str().unwrap().starts_with(address))
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let (status, _) = dfi
        .call(
            Method::POST,
            &format!(
                "/api/v1/organisations/dfi/events/{id}/participants/{}/approve",
                pid("stadt-dortmund@")
            ),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = dfi
        .call(
            Method::POST,
            &format!(
                "/api/v1/organisations/dfi/events/{id}/participants/{}/reject",
                pid("stadt-essen@")
            ),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    wait_for("dortmund is approved", 20, || async {
        participation(&nrw, "stadt-dortmund", &ap_id)
            .await
            .filter(|s| s == "accepted")
    })
    .await;
    wait_for("essen is rejected", 20, || async {
        participation(&nrw, "stadt-essen", &ap_id)
            .await
            .filter(|s| s == "rejected")
    })
    .await;
    // The participants' CSV has both, formulas neutralised.
    let resp = dfi
        .http
        .get(dfi.inst.url(&format!(
            "/api/v1/organisations/dfi/events/{id}/participants?format=csv"
        )))
        .bearer_auth(&dfi.token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let csv = resp.text().await.unwrap();
    assert!(csv.starts_with("address,name,state"), "{csv}");
    assert!(
        csv.contains("\"accepted\"") && csv.contains("\"rejected\""),
        "{csv}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_event_input_is_refused_by_field() {
    let dfi = Net::start().await;
    dfi.org("dfi", false).await;
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Change)> = vec![
        (
            "ends_at",
            Box::new(|b| b["ends_at"] = json!("2031-06-12T09:00")),
        ),
        (
            "timezone",
            Box::new(|b| b["timezone"] = json!("Europe/Atlantis")),
        ),
        (
            "registration_deadline",
            Box::new(|b| b["registration_deadline"] = json!("2031-06-13T09:00")),
        ),
        (
            "place.latitude",
            Box::new(|b| b["place"]["latitude"] = json!(95.0)),
        ),
        ("capacity", Box::new(|b| b["capacity"] = json!(-1))),
        (
            "starts_at",
            Box::new(|b| {
                // 02:30 on the night clocks go forward does not exist in Berlin.
                b["starts_at"] = json!("2031-03-30T02:30");
            }),
        ),
        ("place", Box::new(|b| b["place"] = Value::Null)),
        (
            "external_url",
            Box::new(|b| b["join_mode"] = json!("external")),
        ),
    ];
    for (field, change) in cases {
        let mut body = event_body("Schulung", None, "free");
        change(&mut body);
        let (status, err) = dfi
            .call(Method::POST, "/api/v1/organisations/dfi/events", Some(body))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {err}");
        assert_eq!(err["error"]["field"], field, "{err}");
    }
    assert_eq!(
        dfi.count("posts WHERE object_type = 'Event'").await,
        0,
        "nothing half-written"
    );
    assert_eq!(dfi.count("events").await, 0);
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A Mobilizon group, played by a fake server with the hand-written fixtures of
/// `fixtures/mobilizon/` and real signatures: its Event reaches us through the inbox and is
/// stored with its terms; its Join of our event is accepted (Accept whose object is the
/// Join's id); its Leave frees the place; a second Leave is answered with a Reject.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mobilizon_group_sends_an_event_joins_and_leaves() {
    let nrw = Net::start().await;
    nrw.org("stadt-dortmund", false).await;
    let mut mz = crate::lemmy::Lemmy::start_as("mobilizon").await;
    let group = mz.serve_actor(&nrw, "actor.json", "group");
    let inbox = nrw.inst.url("/o/stadt-dortmund/inbox");
    let dortmund = nrw.inst.url("/o/stadt-dortmund");

    // Its Event, addressed to us, sent by the group (Mobilizon's member account in `actor`
    // is the group here), moved to a future date.
    let mut create = mz.fixture(&nrw, "create_event.json");
    create["actor"] = json!(group);
    create["object"]["actor"] = json!(group);
    create["object"]["startTime"] = json!("2031-06-14T14:00:00+02:00");
    create["object"]["endTime"] = json!("2031-06-14T22:00:00+02:00");
    create["cc"] = json!([dortmund]);
    create["object"]["cc"] = json!([dortmund]);
    let event_id = create["object"]["id"].as_str().unwrap().to_string();
    let status = mz.send(&nrw, &inbox, "group", &create).await;
    assert!(status.is_success(), "{status}");
    let got = wait_for("mobilizon's event is stored", 20, || {
        listed(&nrw, &event_id)
    })
    .await;
    assert_eq!(got["starts_at"], "2031-06-14T12:00:00Z");
    assert_eq!(got["ends_at"], "2031-06-14T20:00:00Z");
    assert_eq!(got["timezone"], "Europe/Paris");
    assert_eq!(got["join_mode"], "approval", "Mobilizon's restricted");
    assert_eq!(got["capacity"], 120);
    assert_eq!(got["participant_count"], 33);
    assert_eq!(got["kind"], "exchange", "LANGUAGE_CULTURE");
    assert_eq!(got["place"]["locality"], "Amiens");
    assert_eq!(got["place"]["street_address"], "Place Gambetta");
    assert_eq!(got["place"]["latitude"], 49.8936);
    assert_eq!(got["status"], "scheduled");

    // An Update that cancels it (ical:status) applies.
    let mut update = create.clone();
    update["type"] = json!("Update");
    update["id"] = json!(format!("{event_id}/update/1"));
    update["object"]["ical:status"] = json!("CANCELLED");
    let status = mz.send(&nrw, &inbox, "group", &update).await;
    assert!(status.is_success(), "{status}");
    wait_for("the cancellation applies", 20, || async {
        listed(&nrw, &event_id)
            .await
            .filter(|e| e["status"] == "cancelled")
    })
    .await;

    // The group joins our free event with one place: accepted, the Join named by id.
    let ev = create_event(
        &nrw,
        "stadt-dortmund",
        event_body("Partnerschaftsfest", Some(1), "free"),
    )
    .await;
    let ours = ev["ap_id"].as_str().unwrap().to_string();
    let id = ev["id"].as_str().unwrap().to_string();
    let mut join = mz.fixture(&nrw, "join.json");
    join["actor"] = json!(group);
    join["object"] = json!(ours);
    join["to"] = json!([dortmund]);
    let join_id = join["id"].as_str().unwrap().to_string();
    let status = mz.send(&nrw, &inbox, "group", &join).await;
    assert!(status.is_success(), "{status}");
    let (_, accept) = mz
        .received("the Accept of the Join", |a| {
            a["type"] == "Accept" && a["object"] == join_id.as_str()
        })
        .await;
    assert_eq!(accept["actor"], dortmund);
    let list = participants(&nrw, "stadt-dortmund", &id).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["state"], "accepted");
    assert!(list[0]["message"].as_str().unwrap().contains("deux coll"));

    // Its Leave frees the place; a second Leave is rejected.
    let mut leave = mz.fixture(&nrw, "leave.json");
    leave["actor"] = json!(group);
    leave["object"] = json!(ours);
    let status = mz.send(&nrw, &inbox, "group", &leave).await;
    assert!(status.is_success(), "{status}");
    wait_for("the participation is gone", 20, || async {
        participants(&nrw, "stadt-dortmund", &id)
            .await
            .is_empty()
            .then_some(())
    })
    .await;
    let mut again = leave.clone();
    again["id"] = json!(format!("{}-again", leave["id"].as_str().unwrap()));
    let again_id = again["id"].as_str().unwrap().to_string();
    let status = mz.send(&nrw, &inbox, "group", &again).await;
    assert!(status.is_success(), "{status}");
    mz.received("the Reject of a Leave from someone not taking part", |a| {
        a["type"] == "Reject" && a["object"] == again_id.as_str()
    })
    .await;
}

/// A Mobilizon group's event as Mobilizon sends it: published by a member (`actor`), the
/// group's by `attributedTo`. Followed for the group, it is stored as the group's; another
/// member of the group's host edits it, and a member deletes it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mobilizon_groups_event_sent_by_members_is_the_groups() {
    let nrw = Net::start().await;
    nrw.org("stadt-dortmund", false).await;
    let mut mz = crate::lemmy::Lemmy::start_as("mobilizon").await;
    let group = mz.serve_actor(&nrw, "actor.json", "group");
    let marie = mz.serve_actor_at(&nrw, "actor.json", "marie", "/@marie_lefevre", "Person");
    let paul = mz.serve_actor_at(&nrw, "actor.json", "paul", "/@paul", "Person");
    let inbox = nrw.inst.url("/inbox");
    nrw.follow("stadt-dortmund", &group).await;
    let (_, follow) = mz.received("the Follow", |a| a["type"] == "Follow").await;
    let mut accept = mz.fixture(&nrw, "accept_follow.json");
    accept["object"] = follow;
    assert!(mz.send(&nrw, &inbox, "group", &accept).await.is_success());

    let mut create = mz.fixture(&nrw, "create_event.json");
    assert_eq!(create["actor"], marie.as_str());
    assert_eq!(create["object"]["attributedTo"], group.as_str());
    create["object"]["startTime"] = json!("2031-06-14T14:00:00+02:00");
    create["object"]["endTime"] = json!("2031-06-14T22:00:00+02:00");
    let event_id = create["object"]["id"].as_str().unwrap().to_string();
    let status = mz.send(&nrw, &inbox, "marie", &create).await;
    assert!(status.is_success(), "{status}");
    wait_for("the group's event is stored", 20, || {
        listed(&nrw, &event_id)
    })
    .await;
    let of_group = format!(
        "posts p JOIN actors a ON a.id = p.actor_id \
         WHERE p.ap_id = '{event_id}' AND a.ap_id = '{group}'"
    );
    assert_eq!(nrw.count(&of_group).await, 1, "stored as the group's");

    // Another member cancels it.
    let mut update = create.clone();
    update["type"] = json!("Update");
    update["id"] = json!(format!("{event_id}/update/1"));
    update["actor"] = json!(paul);
    update["object"]["actor"] = json!(paul);
    update["object"]["ical:status"] = json!("CANCELLED");
    update["object"]["updated"] = json!("2030-01-01T00:00:00Z");
    let status = mz.send(&nrw, &inbox, "paul", &update).await;
    assert!(status.is_success(), "{status}");
    wait_for("the cancellation applies", 20, || async {
        listed(&nrw, &event_id)
            .await
            .filter(|e| e["status"] == "cancelled")
    })
    .await;

    // A member deletes it.
    let delete = mz.fixture(&nrw, "delete_event.json");
    assert_eq!(delete["actor"], marie.as_str());
    let status = mz.send(&nrw, &inbox, "marie", &delete).await;
    assert!(status.is_success(), "{status}");
    assert_eq!(
        nrw.count(&format!(
            "posts WHERE ap_id = '{event_id}' AND deleted_at IS NOT NULL"
        ))
        .await,
        1
    );
}

/// Mobilizon's categories (its built-in list).
const MOBILIZON_CATEGORIES: &[&str] = &[
    "ARTS",
    "BOOK_CLUBS",
    "BUSINESS",
    "CAUSES",
    "COMEDY",
    "CRAFTS",
    "FOOD_DRINK",
    "HEALTH",
    "MUSIC",
    "AUTO_BOAT_AIR",
    "COMMUNITY",
    "FAMILY_EDUCATION",
    "FASHION_BEAUTY",
    "FILM_MEDIA",
    "GAMES",
    "LANGUAGE_CULTURE",
    "LEARNING",
    "LGBTQ",
    "MOVEMENTS_POLITICS",
    "NETWORKING",
    "PARTY",
    "PERFORMING_VISUAL_ARTS",
    "PETS",
    "PHOTOGRAPHY",
    "OUTDOORS_ADVENTURE",
    "SPIRITUALITY_RELIGION_BELIEFS",
    "SCIENCE_TECH",
    "SPORTS",
    "THEATRE",
    "MEETING",
];

/// Our Event document has what Mobilizon requires of a remote event (a name of 3 to 200
/// characters, a start, an end not before it, coordinates with the time zone, Public in
/// `to`, one of its categories) and what Mastodon shows (date, time and place in the
/// summary, in each language).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn our_event_document_is_what_mobilizon_and_mastodon_need() {
    use passerelle::federation::objects::post::{PostExtras, article_json};
    let nrw = Net::start().await;
    nrw.org("stadt-dortmund", false).await;
    let mut body = event_body("Partnerschaftsfest", Some(40), "approval");
    body["online_url"] = json!("https://visio.example/b/fest");
    let ev = create_event(&nrw, "stadt-dortmund", body).await;
    let state = nrw.inst.state();
    let (post, author) =
        passerelle::federation::routes::load_local_post(state, ev["id"].as_str().unwrap())
            .await
            .unwrap();
    let mut conn = state.pool.get().await.unwrap();
    let extras = PostExtras::load(&mut conn, &post).await.unwrap();
    let doc =
        serde_json::to_value(article_json(&post, &author, &state.urls, &extras).unwrap()).unwrap();
    assert_eq!(doc["type"], "Event");
    let name = doc["name"].as_str().unwrap();
    assert!((3..=200).contains(&name.chars().count()), "{name}");
    let start = chrono::DateTime::parse_from_rfc3339(doc["startTime"].as_str().unwrap()).unwrap();
    let end = chrono::DateTime::parse_from_rfc3339(doc["endTime"].as_str().unwrap()).unwrap();
    assert!(end >= start);
    assert_eq!(
        doc["startTime"], "2031-06-12T10:00:00+02:00",
        "local time with offset"
    );
    assert_eq!(doc["timezone"], "Europe/Berlin");
    assert!(doc["location"]["latitude"].is_f64() && doc["location"]["longitude"].is_f64());
    assert_eq!(doc["location"]["type"], "Place");
    assert_eq!(doc["location"]["address"]["type"], "PostalAddress");
    assert_eq!(doc["location"]["address"]["addressLocality"], "Stuttgart");
    assert_eq!(
        doc["to"],
        json!(["https://www.w3.org/ns/activitystreams#Public"])
    );
    assert!(
        doc["cc"].as_array().unwrap()[0]
            .as_str()
            .unwrap()
            .ends_with("/followers")
    );
    assert_eq!(doc["attributedTo"], author.ap_id.to_string());
    assert!(MOBILIZON_CATEGORIES.contains(&doc["category"].as_str().unwrap()));
    assert_eq!(doc["joinMode"], "restricted");
    assert_eq!(doc["maximumAttendeeCapacity"], 40);
    assert_eq!(doc["remainingAttendeeCapacity"], 40);
    assert_eq!(doc["participantCount"], 0);
    assert_eq!(doc["ical:status"], "CONFIRMED");
    assert_eq!(doc["isOnline"], true);
    assert_eq!(doc["inLanguage"], "de");
    assert!(doc.get("startTime").is_some() && doc.get("location").is_some());
    let summary = doc["summary"].as_str().unwrap();
    assert!(
        summary.starts_with("12.06.2031 10:00–16:00 (Europe/Berlin) · Neues Schloss"),
        "{summary}"
    );
    let fr = doc["summaryMap"]["fr"].as_str().unwrap();
    assert!(fr.starts_with("12/06/2031 10 h 00–16 h 00"), "{fr}");
    let link = doc["attachment"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["type"] == "Link")
        .expect("the online address as a Link");
    assert_eq!(link["href"], "https://visio.example/b/fest");
    // Our own reader takes our document back.
    let terms: passerelle::federation::protocol::event::EventTerms =
        serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(terms.event_kind.as_deref(), Some("conference"));
}
