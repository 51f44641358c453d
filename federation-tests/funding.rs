//! Funding programmes across three networks: the dfi's programmes reach nrw and afccre,
//! which subscribe to it, attributed to the dfi and read-only there; one kept from before
//! the subscription comes with the backfill; an update and a deletion follow.

use crate::common::{Net, wait_for};
use passerelle::demo::funding::programmes;
use passerelle::testing::TestInstance;
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};

async fn net_of(inst: TestInstance) -> Net {
    let mut conn = inst.state().pool.get().await.unwrap();
    let admin =
        passerelle::auth::create_account(&mut conn, "redaktion", "admin-password-1", true, false)
            .await
            .unwrap();
    let token = passerelle::auth::issue_token(&mut conn, &admin, "test")
        .await
        .unwrap()
        .1;
    drop(conn);
    Net {
        inst,
        token,
        http: Client::new(),
    }
}

/// The programme with this id as a network's API lists it.
async fn listed(net: &Net, ap_id: &str) -> Option<Value> {
    let (status, list) = net.call(Method::GET, "/api/v1/funding", None).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array()?
        .iter()
        .find(|p| p["ap_id"] == ap_id)
        .cloned()
}

async fn create(net: &Net, body: Value) -> Value {
    let (status, created) = net.call(Method::POST, "/api/v1/funding", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_programme_created_at_dfi_reaches_nrw_and_afccre_and_follows_its_changes() {
    let mut all = TestInstance::start_peers(3, |_| {}).await.unwrap();
    let afccre = net_of(all.pop().unwrap()).await;
    let nrw = net_of(all.pop().unwrap()).await;
    let dfi = net_of(all.pop().unwrap()).await;
    let demo = programmes();

    // Kept before anyone subscribes: it comes with the backfill.
    let before = create(&dfi, serde_json::to_value(&demo[2]).unwrap()).await;
    for net in [&nrw, &afccre] {
        let (status, body) = net
            .call(
                Method::POST,
                "/api/v1/admin/relays",
                Some(json!({"target": dfi.domain()})),
            )
            .await;
        assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    }
    for net in [&nrw, &afccre] {
        wait_for("dfi accepts the subscription", 20, || async {
            let (_, list) = net.call(Method::GET, "/api/v1/admin/relays", None).await;
            (list[0]["state"] == "accepted").then_some(())
        })
        .await;
    }
    let after = create(&dfi, serde_json::to_value(&demo[0]).unwrap()).await;

    for created in [&before, &after] {
        let ap_id = created["ap_id"].as_str().unwrap();
        for net in [&nrw, &afccre] {
            let got = wait_for("the programme arrives", 20, || listed(net, ap_id)).await;
            assert_eq!(got["local"], false);
            assert_eq!(got["network"], dfi.domain(), "attributed to the dfi");
            assert_eq!(got["funder"], created["funder"]);
            assert_eq!(got["translations"], created["translations"]);
            assert_eq!(got["countries"], created["countries"]);
            assert_eq!(got["calls"], created["calls"]);
            assert_eq!(got["min_invited"], created["min_invited"]);
        }
    }
    let twinning = listed(&nrw, after["ap_id"].as_str().unwrap())
        .await
        .unwrap();
    assert_eq!(twinning["grant_min"], 8455);
    assert_eq!(twinning["grant_max"], 50745);
    assert_eq!(twinning["min_eu_countries"], 1);

    // Not editable where it was received.
    let nrw_id = twinning["id"].as_i64().unwrap();
    let (status, body) = nrw
        .call(
            Method::PUT,
            &format!("/api/v1/funding/{nrw_id}"),
            Some(serde_json::to_value(&demo[0]).unwrap()),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");

    // An update at the dfi follows.
    let mut changed = serde_json::to_value(&demo[0]).unwrap();
    changed["min_participants"] = json!(60);
    changed["calls"] =
        json!([{"opens_on": "2031-04-01", "deadline": "2031-09-18", "label": "2031"}]);
    let id = after["id"].as_i64().unwrap();
    let (status, body) = dfi
        .call(Method::PUT, &format!("/api/v1/funding/{id}"), Some(changed))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let ap_id = after["ap_id"].as_str().unwrap().to_string();
    for net in [&nrw, &afccre] {
        let got = wait_for("the update arrives", 20, || async {
            listed(net, &ap_id)
                .await
                .filter(|p| p["min_participants"] == 60)
        })
        .await;
        assert_eq!(got["calls"][0]["label"], "2031");
        assert_eq!(got["calls"][0]["open"], false, "opens in 2031");
    }

    // A deletion too.
    let before_id = before["id"].as_i64().unwrap();
    let (status, _) = dfi
        .call(
            Method::DELETE,
            &format!("/api/v1/funding/{before_id}"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let gone = before["ap_id"].as_str().unwrap().to_string();
    for net in [&nrw, &afccre] {
        wait_for("the deletion arrives", 20, || async {
            listed(net, &gone).await.is_none().then_some(())
        })
        .await;
        assert!(listed(net, &ap_id).await.is_some(), "the other stays");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_at_nrw_funded_by_a_dfi_programme_is_listed_on_the_programme_at_dfi() {
    let mut all = TestInstance::start_peers(2, |_| {}).await.unwrap();
    let nrw = net_of(all.pop().unwrap()).await;
    let dfi = net_of(all.pop().unwrap()).await;
    let (status, body) = nrw
        .call(
            Method::POST,
            "/api/v1/admin/relays",
            Some(json!({"target": dfi.domain()})),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let programme = create(&dfi, serde_json::to_value(&programmes()[0]).unwrap()).await;
    let ap_id = programme["ap_id"].as_str().unwrap().to_string();
    let at_nrw = wait_for("the programme arrives", 20, || listed(&nrw, &ap_id)).await;

    // dfi's town follows nrw's; nrw's town names the programme by its number at nrw.
    nrw.org("stadt-dortmund", false).await;
    dfi.org("ville-amiens", false).await;
    dfi.follow("ville-amiens", &nrw.handle("stadt-dortmund"))
        .await;
    wait_for("the follow is accepted", 20, || async {
        dfi.following_accepted("ville-amiens", &nrw.inst.url("/o/stadt-dortmund"))
            .await
            .filter(|a| *a)
    })
    .await;
    let (status, post) = nrw
        .call(
            Method::POST,
            "/api/v1/organisations/stadt-dortmund/posts",
            Some(json!({
                "translations": [{"language": "de", "title": "Partnerschaftstreffen",
                                  "summary": "Drei Tage in Amiens.", "body": "Text"}],
                "funded_by": at_nrw["id"].to_string()
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
    assert_eq!(post["funded_by"], ap_id.as_str(), "the programme's own id");

    // Received at dfi with its programme; the programme's page there lists it.
    let post_id = post["ap_id"].as_str().unwrap().to_string();
    let stored = wait_for("the post arrives at dfi", 20, || dfi.stored_post(&post_id)).await;
    assert_eq!(stored.post.funded_by.as_deref(), Some(ap_id.as_str()));
    let id = programme["id"].as_i64().unwrap();
    let page = dfi
        .http
        .get(dfi.inst.url(&format!("/funding/programmes/{id}?lang=de")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Partnerschaftstreffen"), "{page}");
}
