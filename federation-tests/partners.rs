//! Partner search across three networks: suggestions at nrw include a candidate on afccre
//! with its reasons (and the "looking for partners" list holds it), a proposal made from
//! that suggestion completes the partnership handshake, and a peer that never answers does
//! not hold the suggestions past the time budget.

use crate::common::{Net, wait_for};
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::testing::TestInstance;
use passerelle::vocab::OrgKind;
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tokio::io::AsyncReadExt;
use tokio::net::TcpListener;

async fn net_of(inst: TestInstance) -> Net {
    let mut conn = inst.state().pool.get().await.unwrap();
    let admin =
        passerelle::auth::create_account(&mut conn, "redaktion", "editor-password-1", true, false)
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

/// dfi, nrw and afccre, each the others' peer.
async fn three_networks() -> (Net, Net, Net) {
    let mut all = TestInstance::start_peers(3, |_| {}).await.unwrap();
    let afccre = net_of(all.pop().unwrap()).await;
    let nrw = net_of(all.pop().unwrap()).await;
    let dfi = net_of(all.pop().unwrap()).await;
    (dfi, nrw, afccre)
}

async fn town(
    net: &Net,
    handle: &str,
    name: &str,
    country: &str,
    population: i64,
    themes: &[&str],
    languages: &[&str],
) {
    let mut conn = net.inst.state().pool.get().await.unwrap();
    let input = NewOrganisation {
        handle: handle.into(),
        name: name.into(),
        kind: OrgKind::Municipality,
        profile: Profile {
            country: Some(country.into()),
            population: Some(population),
            themes: themes.iter().map(|t| t.to_string()).collect(),
            languages: languages.iter().map(|l| l.to_string()).collect(),
            discoverable: true,
            indexable: true,
            ..Profile::default()
        },
    };
    orgs::create(&mut conn, &net.inst.state().urls, &input)
        .await
        .unwrap();
}

async fn looking(net: &Net, handle: &str, body: Value) {
    let (status, answer) = net
        .call(
            Method::PUT,
            &format!("/api/v1/organisations/{handle}/looking"),
            Some(body),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
}

async fn suggestions(net: &Net, handle: &str) -> Value {
    let (status, answer) = net
        .call(
            Method::GET,
            &format!("/api/v1/organisations/{handle}/suggestions?lang=en"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer
}

fn network<'a>(answer: &'a Value, domain: &str) -> &'a Value {
    answer["networks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["network"] == domain)
        .unwrap_or_else(|| panic!("{domain} not in {answer}"))
}

fn suggested<'a>(answer: &'a Value, name: &str) -> Option<&'a Value> {
    answer["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
}

async fn partnership_of(net: &Net, org: &str, partner_handle: &str) -> Option<Value> {
    let (_, list) = net
        .call(
            Method::GET,
            &format!("/api/v1/organisations/{org}/partnerships"),
            None,
        )
        .await;
    list.as_array()?
        .iter()
        .find(|p| {
            p["subject"]["handle"] == partner_handle || p["object"]["handle"] == partner_handle
        })
        .cloned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn suggestions_at_nrw_include_afccre_with_reasons_and_a_proposal_completes_the_handshake() {
    let (dfi, nrw, afccre) = three_networks().await;
    town(
        &nrw,
        "stadt-dortmund",
        "Dortmund",
        "DE",
        600_000,
        &["climate", "youth"],
        &["de", "fr"],
    )
    .await;
    town(
        &nrw,
        "stadt-bochum",
        "Bochum",
        "DE",
        360_000,
        &["sport"],
        &["de"],
    )
    .await;
    town(
        &afccre,
        "ville-lille",
        "Lille",
        "FR",
        230_000,
        &["climate", "youth"],
        &["fr", "de"],
    )
    .await;
    town(
        &afccre,
        "ville-brest",
        "Brest",
        "FR",
        140_000,
        &["culture"],
        &["fr"],
    )
    .await;
    town(
        &dfi,
        "dfi-gemeinde",
        "Ludwigsburg",
        "DE",
        94_000,
        &["climate"],
        &["de"],
    )
    .await;
    looking(
        &nrw,
        "stadt-dortmund",
        json!({"purposes": ["learning"], "countries": ["FR"], "themes": ["climate"]}),
    )
    .await;
    looking(
        &afccre,
        "ville-lille",
        json!({"purposes": ["learning", "twinning"]}),
    )
    .await;

    let answer = suggestions(&nrw, "stadt-dortmund").await;
    assert_eq!(answer["looking"], true);
    assert_eq!(
        network(&answer, &afccre.domain())["status"],
        "answered",
        "{answer}"
    );
    assert_eq!(
        network(&answer, &dfi.domain())["status"],
        "answered",
        "{answer}"
    );
    assert_eq!(network(&answer, &nrw.domain())["status"], "local");
    let lille = suggested(&answer, "Lille").unwrap_or_else(|| panic!("Lille in {answer}"));
    assert_eq!(
        answer["suggestions"][0]["name"], "Lille",
        "the best fit: {answer}"
    );
    assert_eq!(lille["network"], afccre.domain());
    assert_eq!(lille["handle"], afccre.handle("ville-lille"));
    let why = lille["explanation"].as_str().unwrap();
    for part in [
        "also works on climate protection and youth",
        "in FR, where you look for partners",
        "speaks German and French",
        "is looking for learning on a theme too",
    ] {
        assert!(why.contains(part), "{part} in {why}");
    }
    assert!(suggested(&answer, "Brest").is_some(), "{answer}");
    assert!(
        suggested(&answer, "Ludwigsburg").is_some(),
        "dfi's too: {answer}"
    );
    assert!(suggested(&answer, "Bochum").is_some(), "nrw's own");
    assert!(suggested(&answer, "Dortmund").is_none());

    // The list of those looking, at nrw, holds Lille from afccre.
    let (status, list) = nrw
        .call(Method::GET, "/api/v1/partners/looking", None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<&str> = list["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Lille") && names.contains(&"Dortmund"),
        "{list}"
    );
    let page = nrw
        .http
        .get(nrw.inst.url("/partners?lang=en&purpose=twinning"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Lille") && !page.contains(">Dortmund<"),
        "{page}"
    );
    // Another network's organisation says which network it is in by that network's name.
    assert!(
        page.contains(" · Test network</p>") && !page.contains(" · localhost:"),
        "{page}"
    );

    // Dortmund proposes to Lille from the suggestion; Lille accepts at afccre.
    let (status, proposed) = nrw
        .call(
            Method::POST,
            "/api/v1/organisations/stadt-dortmund/partnerships",
            Some(json!({"partner": lille["ap_id"], "kind": "twinning"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{proposed}");
    let dortmund = nrw.handle("stadt-dortmund");
    let incoming = wait_for("the proposal reaches afccre", 20, || {
        partnership_of(&afccre, "ville-lille", &dortmund)
    })
    .await;
    assert_eq!(incoming["ap_id"], proposed["ap_id"]);
    let (status, accepted) = afccre
        .call(
            Method::POST,
            &format!("/api/v1/partnerships/{}/accept", incoming["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{accepted}");
    let lille_handle = afccre.handle("ville-lille");
    wait_for("nrw sees the partnership confirmed", 20, || async {
        partnership_of(&nrw, "stadt-dortmund", &lille_handle)
            .await
            .filter(|p| p["status"] == "active" && p["confirmed"] == true)
    })
    .await;
    // A partner now: no longer suggested.
    let answer = suggestions(&nrw, "stadt-dortmund").await;
    assert!(suggested(&answer, "Lille").is_none(), "{answer}");
}

/// A peer that accepts the connection and never answers.
async fn silent_peer() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = sock.read(&mut buf).await;
                tokio::time::sleep(Duration::from_secs(30)).await;
            });
        }
    });
    format!("localhost:{port}")
}

#[tokio::test]
async fn a_silent_peer_does_not_hold_suggestions_past_the_budget() {
    let silent = silent_peer().await;
    let nrw = Net::start_with(move |c| {
        c.federation.peers = vec![silent];
        c.federation.search_timeout_ms = 700;
    })
    .await;
    town(
        &nrw,
        "stadt-dortmund",
        "Dortmund",
        "DE",
        600_000,
        &["climate"],
        &["de"],
    )
    .await;
    town(
        &nrw,
        "stadt-essen",
        "Essen",
        "DE",
        580_000,
        &["climate"],
        &["de"],
    )
    .await;
    let started = Instant::now();
    let answer = suggestions(&nrw, "stadt-dortmund").await;
    assert!(
        started.elapsed() < Duration::from_millis(3000),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(answer["looking"], false);
    assert!(answer["note"].is_string());
    assert_eq!(answer["suggestions"][0]["name"], "Essen");
    let statuses: Vec<&str> = answer["networks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["local", "timeout"], "{answer}");
    let page = nrw
        .http
        .get(nrw.inst.url("/partners?lang=en"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("no answer in time"));
}
