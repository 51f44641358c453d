//! Reports reach a group's moderators on other servers: dfi's group has an organisation of
//! nrw among its moderators; a report made at dfi (as an organisation, or as a Person) is
//! recorded for the group and sent to that moderator as a `Flag`, which nrw verifies and
//! files in its reports. A group without remote moderators sends nothing.

use crate::common::{Net, wait_for};
use passerelle::db::models::group::{self, DbGroup, Moderator};
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_local_report_goes_to_the_groups_remote_moderators() {
    let (dfi, nrw) = tokio::join!(Net::start(), Net::start());
    dfi.org("dfi-redaktion", false).await;
    nrw.org("stadt-dortmund", false).await;
    let (status, g) = dfi
        .call(
            Method::POST,
            "/api/v1/groups",
            Some(json!({"handle": "klima", "name": {"de": "Klima"}, "moderators": ["redaktion"]})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{g}");
    let (status, t) = dfi
        .call(
            Method::POST,
            "/api/v1/organisations/dfi-redaktion/threads",
            Some(json!({"group": "klima", "language": "de", "title": "Werbung"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{t}");
    let thread_id = t["ap_id"].as_str().unwrap().to_string();
    let report = |reason: &str| json!({"object": thread_id, "reason": reason});

    // No remote moderator yet: recorded here, nothing sent.
    let (status, body) = dfi
        .call(
            Method::POST,
            "/api/v1/organisations/dfi-redaktion/reports",
            Some(report("Erster Hinweis")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(
        dfi.count("outbound_activities WHERE kind = 'Flag'").await,
        0
    );

    // nrw's organisation becomes one of the group's moderators.
    let moderator =
        passerelle::federation::resolve::target(dfi.inst.state(), &nrw.handle("stadt-dortmund"))
            .await
            .expect("nrw's organisation resolves");
    let mut conn = dfi.inst.state().pool.get().await.unwrap();
    let klima = DbGroup::local_by_handle(&mut conn, "klima")
        .await
        .unwrap()
        .unwrap();
    group::add_moderator(&mut conn, klima.actor.id, Moderator::Actor(moderator.id))
        .await
        .unwrap();
    drop(conn);

    // A report as an organisation reaches nrw as that organisation's Flag.
    let (status, body) = dfi
        .call(
            Method::POST,
            "/api/v1/organisations/dfi-redaktion/reports",
            Some(report("Werbung für ein Produkt")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let reporter = format!("{}/o/dfi-redaktion", dfi.inst.url("").trim_end_matches('/'));
    wait_for(
        "the Flag reaches the remote moderator's instance",
        20,
        || async {
            let n = nrw
                .count(&format!(
                    "reports WHERE reporter = '{reporter}' AND '{thread_id}' = ANY(objects) \
                 AND content = 'Werbung für ein Produkt'"
                ))
                .await;
            (n == 1).then_some(())
        },
    )
    .await;
    assert_eq!(
        dfi.count(&format!(
            "group_reports WHERE object_ap_id = '{thread_id}' AND resolved_at IS NULL"
        ))
        .await,
        2,
        "recorded for the group's moderators here too"
    );

    // As a Person: the Person's Flag, signed with its key.
    let (status, me) = dfi
        .call(
            Method::PUT,
            "/api/v1/me/person",
            Some(json!({"name": "Redaktion"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    let person = me["id"].as_str().unwrap().to_string();
    let (status, body) = dfi
        .call(
            Method::POST,
            "/api/v1/me/person/reports",
            Some(report("Noch einmal")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    wait_for("the Person's Flag reaches nrw", 20, || async {
        let n = nrw
            .count(&format!(
                "reports WHERE reporter = '{person}' AND content = 'Noch einmal'"
            ))
            .await;
        (n == 1).then_some(())
    })
    .await;
}
