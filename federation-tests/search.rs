//! Search across networks: fan-out to peers with signed requests, a network subscription
//! (relay) that keeps another network's posts searchable while it is down, organisations
//! that are not indexable, and peers that answer garbage or nothing.

use crate::common::{Net, wait_for};
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::testing::TestInstance;
use passerelle::vocab::OrgKind;
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

async fn net_of(inst: TestInstance) -> Net {
    let mut conn = inst.state().pool.get().await.unwrap();
    let admin =
        passerelle::auth::create_account(&mut conn, "betrieb", "admin-password-1", true, false)
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

/// Two networks, each the other's peer.
async fn two_networks() -> (Net, Net) {
    let mut both = TestInstance::start_peers(2, |_| {}).await.unwrap();
    let afccre = net_of(both.pop().unwrap()).await;
    let nrw = net_of(both.pop().unwrap()).await;
    (nrw, afccre)
}

async fn search(net: &Net, q: &str, scope: &str) -> Value {
    net.inst.index_search().await.unwrap();
    let (status, answer) = net
        .call(
            Method::GET,
            &format!(
                "/api/v1/search?q={}&scope={scope}",
                url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
            ),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer
}

fn ap_ids(answer: &Value) -> Vec<String> {
    answer["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["ap_id"].as_str().unwrap().to_string())
        .collect()
}

fn network<'a>(answer: &'a Value, domain: &str) -> &'a Value {
    answer["networks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["network"] == domain)
        .unwrap_or_else(|| panic!("{domain} not in {answer}"))
}

#[tokio::test]
async fn a_post_on_afccre_is_found_from_nrw_through_fan_out() {
    let (nrw, afccre) = two_networks().await;
    afccre.org("ville-amiens", false).await;
    let post = afccre
        .post("ville-amiens", "Échange de jeunes à Amiens")
        .await;
    let ap_id = post["ap_id"].as_str().unwrap().to_string();

    let answer = search(&nrw, "echange jeunes", "all").await;
    assert!(ap_ids(&answer).contains(&ap_id), "{answer}");
    assert_eq!(network(&answer, &afccre.domain())["status"], "answered");
    assert_eq!(network(&answer, &nrw.domain())["status"], "local");
    // Each network's name comes with it, for pages to show instead of the host.
    for net in [&afccre, &nrw] {
        let names = &net.inst.state().config.instance.name;
        assert!(!names.is_empty());
        for (lang, name) in names {
            assert_eq!(
                network(&answer, &net.domain())["names"][lang.code()],
                name.as_str(),
                "{answer}"
            );
        }
    }
    let hit = &answer["hits"][0];
    assert_eq!(hit["network"], afccre.domain());
    assert!(hit["snippet"].as_str().unwrap().contains("<mark>"), "{hit}");
    assert!(
        answer["facets"]["network"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["value"] == afccre.domain()),
        "{answer}"
    );
    // A page deep down (the peers are asked for offset + limit hits from the top, more than
    // one answer's limit): the peer still answers.
    let (status, deep) = nrw
        .call(
            Method::GET,
            "/api/v1/search?q=echange+jeunes&scope=all&offset=40&limit=20",
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{deep}");
    assert_eq!(
        network(&deep, &afccre.domain())["status"],
        "answered",
        "{deep}"
    );
    assert_eq!(deep["total"], answer["total"], "{deep}");
    // Only nrw's own index: afccre's post is not there.
    let local = search(&nrw, "echange jeunes", "local").await;
    assert_eq!(local["total"], 0, "{local}");
}

#[tokio::test]
async fn a_non_indexable_organisations_post_is_never_given_to_another_network() {
    let (nrw, afccre) = two_networks().await;
    {
        let mut conn = afccre.inst.state().pool.get().await.unwrap();
        let input = NewOrganisation {
            handle: "comite-discret".into(),
            name: "Comité discret".into(),
            kind: OrgKind::Association,
            profile: Profile {
                discoverable: true,
                indexable: false,
                ..Profile::default()
            },
        };
        orgs::create(&mut conn, &afccre.inst.state().urls, &input)
            .await
            .unwrap();
    }
    afccre.org("ville-amiens", false).await;
    afccre
        .post("comite-discret", "Projet confidentiel de jardinage")
        .await;
    let open = afccre
        .post("ville-amiens", "Projet ouvert de jardinage")
        .await;

    let answer = search(&nrw, "jardinage", "all").await;
    assert_eq!(
        ap_ids(&answer),
        vec![open["ap_id"].as_str().unwrap().to_string()],
        "{answer}"
    );
}

#[tokio::test]
async fn after_subscribing_afccre_posts_are_found_on_nrw_while_afccre_is_down() {
    let (nrw, mut afccre) = two_networks().await;
    afccre.org("ville-amiens", false).await;
    let before = afccre.post("ville-amiens", "Fête du jumelage avant").await;

    let (status, body) = nrw
        .call(
            Method::POST,
            "/api/v1/admin/relays",
            Some(json!({"target": afccre.domain()})),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    wait_for("afccre accepts the subscription", 20, || async {
        let (_, list) = nrw.call(Method::GET, "/api/v1/admin/relays", None).await;
        (list[0]["state"] == "accepted").then_some(())
    })
    .await;
    let after = afccre.post("ville-amiens", "Fête du jumelage après").await;

    // The backfill brings the earlier post, the relay the new one.
    for post in [&before, &after] {
        let id = post["ap_id"].as_str().unwrap().to_string();
        wait_for("the post reaches nrw through the relay", 20, || {
            let id = id.clone();
            let nrw = &nrw;
            async move { nrw.stored_post(&id).await.map(|_| ()) }
        })
        .await;
    }
    // Relayed copies are not counted as boosts.
    assert_eq!(nrw.count("reactions").await, 0);

    // An edit made while subscribed reaches the copy too.
    let (status, body) = afccre
        .call(
            Method::PUT,
            &format!("/api/v1/posts/{}", after["id"].as_str().unwrap()),
            Some(json!({"translations": [
                {"language": "fr", "title": "Fête du jumelage après, modifiée", "summary": "Résumé", "body": "Texte"}
            ]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let after_id = after["ap_id"].as_str().unwrap().to_string();
    wait_for("the edit reaches nrw", 20, || {
        let id = after_id.clone();
        let nrw = &nrw;
        async move {
            let p = nrw.stored_post(&id).await?;
            (p.translations[0].title == "Fête du jumelage après, modifiée").then_some(())
        }
    })
    .await;

    let port = afccre.inst.port();
    afccre.inst.go_down().await;
    let started = Instant::now();
    let answer = search(&nrw, "fête jumelage", "all").await;
    // Not a speed test: the peer budget is 1.5 s, and only a search that waited for the
    // dead peer's connection or the HTTP timeout (10 s and more) would take this long, even
    // on a loaded machine running every test at once.
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "the search waited for the network that is down"
    );
    let found = ap_ids(&answer);
    for post in [&before, &after] {
        assert!(
            found.contains(&post["ap_id"].as_str().unwrap().to_string()),
            "{answer}"
        );
    }
    assert_eq!(
        network(&answer, &format!("localhost:{port}"))["status"],
        "failed"
    );
}

#[tokio::test]
async fn a_subscription_from_a_network_that_is_not_a_peer_is_rejected() {
    let nrw = Net::start().await;
    let afccre = Net::start().await; // neither lists the other as a peer
    let (status, body) = nrw
        .call(
            Method::POST,
            "/api/v1/admin/relays",
            Some(json!({"target": afccre.domain()})),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    // Not a peer, so subscribed to as a relay, whose answer is kept.
    wait_for("afccre rejects the subscription", 20, || async {
        let (_, list) = nrw.call(Method::GET, "/api/v1/admin/relays", None).await;
        (list[0]["state"] == "rejected" && list[0]["kind"] == "relay").then_some(())
    })
    .await;
}

/// A fake peer: answers every request with `reply`, or never answers when `None`.
async fn fake_peer(reply: Option<&'static str>) -> String {
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
                match reply {
                    Some(r) => {
                        let _ = sock.write_all(r.as_bytes()).await;
                    }
                    None => tokio::time::sleep(Duration::from_secs(30)).await,
                }
            });
        }
    });
    format!("localhost:{port}")
}

#[tokio::test]
async fn peers_that_answer_garbage_or_nothing_never_break_or_stall_the_search() {
    let garbage = fake_peer(Some(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 9\r\nconnection: close\r\n\r\n{\"hits\":7",
    ))
    .await;
    let liar = fake_peer(Some(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 323\r\nconnection: close\r\n\r\n{\"total\":1,\"facets\":{},\"hits\":[{\"kind\":\"post\",\"ap_id\":\"https://elsewhere.example/posts/1\",\"url\":\"https://elsewhere.example/posts/1\",\"title\":\"Planted\",\"snippet\":\"<script>x()</script>\",\"network\":\"x\",\"published\":\"2026-01-01T00:00:00Z\",\"score\":0.99,\"languages\":[],\"themes\":[],\"countries\":[]}]}                                                 ",
    ))
    .await;
    let silent = fake_peer(None).await;
    let peers = vec![garbage.clone(), liar.clone(), silent.clone()];
    let nrw = Net::start_with(move |c| {
        c.federation.peers = peers;
        c.federation.search_timeout_ms = 1000;
    })
    .await;
    nrw.org("stadt-dortmund", false).await;
    let post = nrw.post("stadt-dortmund", "Jumelage avec Amiens").await;

    let started = Instant::now();
    let answer = search(&nrw, "jumelage", "all").await;
    let took = started.elapsed();
    assert!(took < Duration::from_millis(2500), "took {took:?}");
    assert_eq!(
        ap_ids(&answer),
        vec![post["ap_id"].as_str().unwrap().to_string()],
        "{answer}"
    );
    assert_eq!(network(&answer, &garbage)["status"], "failed");
    assert!(
        network(&answer, &garbage)["error"]
            .as_str()
            .unwrap()
            .contains("unreadable"),
        "{answer}"
    );
    assert_eq!(network(&answer, &liar)["status"], "answered");
    assert_eq!(network(&answer, &liar)["hits"], 0, "{answer}");
    assert_eq!(network(&answer, &silent)["status"], "timeout");
}

#[tokio::test]
async fn peers_answer_only_their_peers_instance_actors() {
    let (nrw, afccre) = two_networks().await;
    afccre.org("ville-amiens", false).await;
    afccre.post("ville-amiens", "Jumelage et musique").await;
    let (status, _) = afccre
        .call(Method::GET, "/federation/search?q=jumelage", None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "unsigned is refused");

    // An instance that lists afccre as its peer, though afccre does not list it: its signed
    // request is refused, and its search says so.
    let afccre_domain = afccre.domain();
    let outsider = Net::start_with(move |c| c.federation.peers = vec![afccre_domain]).await;
    let answer = search(&outsider, "jumelage", "all").await;
    let theirs = network(&answer, &afccre.domain());
    assert_eq!(theirs["status"], "failed", "{answer}");
    assert!(
        theirs["error"].as_str().unwrap().contains("403"),
        "{answer}"
    );
    assert_eq!(answer["total"], 0);

    let answer = search(&nrw, "jumelage", "all").await;
    assert_eq!(network(&answer, &afccre.domain())["status"], "answered");
    assert_eq!(answer["total"], 1, "{answer}");
}
