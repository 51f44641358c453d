//! Other servers' JSON, hand-written in their documented shapes (see fixtures/README.md),
//! read by our tolerant wire structs.

use passerelle::federation::objects::actor::remote_actor_row;
use passerelle::federation::objects::post::remote_post_data;
use passerelle::federation::protocol::actor::ActorJson;
use passerelle::federation::protocol::article::ArticleJson;
use passerelle::federation::signatures::PublicKey;
use serde_json::Value;
use std::path::PathBuf;

fn fixture(software: &str, name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("federation-tests/fixtures")
        .join(software)
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_actor_fixture_parses_with_a_usable_key() {
    for software in [
        "mastodon",
        "lemmy",
        "mobilizon",
        "gotosocial",
        "pleroma",
        "misskey",
        "gancio",
    ] {
        let v = fixture(software, "actor.json");
        let actor: ActorJson =
            serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{software}: {e}"));
        assert_eq!(actor.id.as_str(), v["id"].as_str().unwrap(), "{software}");
        assert_eq!(
            Some(actor.handle().as_str()),
            v["preferredUsername"].as_str(),
            "{software}"
        );
        PublicKey::from_pem(&actor.public_key.public_key_pem)
            .unwrap_or_else(|e| panic!("{software} key: {e}"));
        let row = remote_actor_row(&actor);
        assert!(!row.local);
        assert_eq!(row.inbox_url, v["inbox"].as_str().unwrap(), "{software}");
        // FEP-5feb: a missing flag means "do not index".
        assert_eq!(
            row.indexable,
            v["indexable"].as_bool().unwrap_or(false),
            "{software}"
        );
        if let Some(summary) = &row.summary_html {
            assert!(!summary.contains("<script"), "{software}");
        }
    }
}

#[test]
fn mastodon_profile_fields_and_shared_inbox_are_read() {
    let actor: ActorJson = serde_json::from_value(fixture("mastodon", "actor.json")).unwrap();
    assert!(!actor.attachment.is_empty());
    assert!(actor.attachment.iter().all(|f| f.kind == "PropertyValue"));
    assert!(actor.endpoints.and_then(|e| e.shared_inbox).is_some());
    let gts: ActorJson = serde_json::from_value(fixture("gotosocial", "actor.json")).unwrap();
    assert!(
        gts.endpoints.and_then(|e| e.shared_inbox).is_none(),
        "GoToSocial has no shared inbox"
    );
}

fn created_object(software: &str, file: &str) -> ArticleJson {
    let v = fixture(software, file);
    serde_json::from_value(v["object"].clone()).unwrap_or_else(|e| panic!("{software}/{file}: {e}"))
}

#[test]
fn posts_of_every_kind_become_stored_posts() {
    for (software, file, kind) in [
        ("mastodon", "create_note.json", "Note"),
        ("lemmy", "create_page.json", "Page"),
        ("mobilizon", "create_event.json", "Event"),
        ("gotosocial", "create_note.json", "Note"),
        ("pleroma", "create_note.json", "Note"),
        ("misskey", "create_note.json", "Note"),
        ("misskey", "create_question.json", "Question"),
    ] {
        let obj = created_object(software, file);
        assert_eq!(obj.kind, kind, "{software}/{file}");
        let data = remote_post_data(&obj);
        assert!(!data.translations.is_empty(), "{software}/{file}");
        let t = &data.translations[0];
        assert!(
            !t.title.trim().is_empty(),
            "{software}/{file}: a title is derived"
        );
        assert!(
            !t.summary.trim().is_empty(),
            "{software}/{file}: a summary is derived"
        );
    }
}

#[test]
fn replies_keep_their_parent_and_html_is_sanitised() {
    for software in [
        "mastodon",
        "lemmy",
        "mobilizon",
        "gotosocial",
        "pleroma",
        "misskey",
    ] {
        let obj = created_object(software, "create_reply.json");
        assert_eq!(
            obj.in_reply_to.as_ref().map(|u| u.as_str()),
            Some("https://nrw.example/posts/0f1e2d3c-4b5a-6978-8091-a2b3c4d5e6f7"),
            "{software}"
        );
    }
    let data = remote_post_data(&created_object("pleroma", "create_note_unsanitised.json"));
    for t in &data.translations {
        let html = t.content_html.to_lowercase();
        assert!(
            !html.contains("<script") && !html.contains("onclick") && !html.contains("javascript:"),
            "{html}"
        );
    }
}

#[test]
fn several_languages_keep_their_versions() {
    let obj = created_object("pleroma", "create_note.json");
    let data = remote_post_data(&obj);
    let langs: Vec<&str> = data
        .translations
        .iter()
        .map(|t| t.language.as_str())
        .collect();
    if let Some(map) = &obj.content_map {
        assert_eq!(langs.len(), map.len());
    }
}

#[test]
fn single_values_where_lists_are_usual_are_read() {
    // GoToSocial sends `to`/`cc` as single strings.
    let obj = created_object("gotosocial", "create_note.json");
    assert!(!obj.to.is_empty());
}

#[test]
fn lemmy_threads_carry_their_community() {
    // FEP-1b12: the community announces its members' activities; each object names the
    // community in `audience` (and the thread's Page in `to`).
    let page: ArticleJson = serde_json::from_value(
        fixture("lemmy", "announce_create_page.json")["object"]["object"].clone(),
    )
    .unwrap();
    let announce = fixture("lemmy", "announce_create_comment.json");
    assert_eq!(announce["type"], "Announce");
    assert_eq!(announce["object"]["type"], "Create");
    let comment: ArticleJson =
        serde_json::from_value(announce["object"]["object"].clone()).unwrap();
    for obj in [&page, &comment] {
        assert_eq!(
            obj.audience.as_ref().map(|u| u.as_str()),
            announce["actor"].as_str(),
            "{}",
            obj.id
        );
    }
    assert!(
        page.to
            .iter()
            .any(|u| Some(u.as_str()) == announce["actor"].as_str())
    );
    assert_eq!(comment.kind, "Note");
    assert_eq!(comment.in_reply_to.as_ref(), Some(&page.id));
    assert!(comment.name.is_none(), "a comment has no title");
    let data = remote_post_data(&comment);
    assert_eq!(data.in_reply_to.as_deref(), Some(page.id.as_str()));
    // Its authors are Persons with keys.
    for file in ["person.json", "person_commenter.json"] {
        let actor: ActorJson = serde_json::from_value(fixture("lemmy", file)).unwrap();
        assert_eq!(actor.kind, "Person", "{file}");
        PublicKey::from_pem(&actor.public_key.public_key_pem).unwrap();
    }
}

/// Mobilizon's and Gancio's Events, read into our event row by their documented shapes.
#[test]
fn mobilizon_and_gancio_events_become_event_rows() {
    use passerelle::db::models::event::{EventKind, EventStatus, JoinMode};
    use passerelle::federation::objects::event::remote_event;
    use passerelle::federation::protocol::event::EventTerms;
    let read = |software: &str, file: &str| {
        let v = fixture(software, file);
        let obj: ArticleJson = serde_json::from_value(v["object"].clone()).unwrap();
        let terms: EventTerms = serde_json::from_value(v["object"].clone())
            .unwrap_or_else(|e| panic!("{software}/{file}: {e}"));
        remote_event(1, &terms, &obj.attachment)
    };
    let mz = read("mobilizon", "create_event.json");
    assert_eq!(mz.starts_at.to_rfc3339(), "2025-06-14T12:00:00+00:00");
    assert_eq!(mz.ends_at.to_rfc3339(), "2025-06-14T20:00:00+00:00");
    assert_eq!(mz.timezone, "Europe/Paris");
    assert_eq!(mz.join_mode, JoinMode::Approval);
    assert_eq!(mz.capacity, Some(120));
    assert_eq!(mz.remote_participant_count, Some(33));
    assert_eq!(mz.kind, EventKind::Exchange);
    assert_eq!(mz.status, EventStatus::Scheduled);
    assert_eq!(mz.locality.as_deref(), Some("Amiens"));
    assert_eq!(mz.postal_code.as_deref(), Some("80000"));
    assert_eq!((mz.latitude, mz.longitude), (Some(49.8936), Some(2.2979)));
    assert_eq!(mz.online_url, None, "isOnline is false");
    assert_eq!(
        mz.organisers,
        vec!["https://mobilizon.example/@marie_lefevre"]
    );

    let g = read("gancio", "create_event.json");
    assert_eq!(g.starts_at.to_rfc3339(), "2031-10-17T17:00:00+00:00");
    assert_eq!(
        g.timezone, "Etc/GMT-2",
        "Gancio sends no time zone: the start's offset (19:00 in Nancy) is kept"
    );
    assert_eq!(g.place_name.as_deref(), Some("Salle Poirel"));
    assert_eq!(
        g.street_address.as_deref(),
        Some("3 rue Victor Poirel, 54000 Nancy"),
        "the address string is kept"
    );
    assert_eq!((g.latitude, g.longitude), (Some(48.6921), Some(6.1844)));
    assert_eq!(g.join_mode, JoinMode::Free);

    let online = read("gancio", "create_event_online.json");
    assert_eq!(
        online.online_url.as_deref(),
        Some("https://visio.gancio.example/b/apero-jumelage")
    );
    assert_eq!(online.place_name, None);
    assert_eq!(online.latitude, None);
    assert_eq!(online.ends_at.to_rfc3339(), "2031-11-05T19:00:00+00:00");
}
