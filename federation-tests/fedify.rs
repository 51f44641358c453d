//! Interoperability with a real Fedify server (interop/fedify, Fedify 1.5 on Node), run on
//! loopback as a child process. Fedify verifies every signature it gets (draft-cavage with
//! `(request-target)` and `date`, and `digest` on POSTs) and fetches keys with signed GETs of
//! its own; passerelle runs in authorized-fetch mode, so each side accepts the other only if
//! its signatures verify. An organisation follows Fedify's actor and is accepted, Fedify's
//! actor follows the organisation and is accepted, and a post reaches Fedify's inbox.

use crate::common::{Net, wait_for};
use reqwest::StatusCode;
use serde_json::Value;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};

/// The Fedify server, killed when dropped; its output goes to a log file, shown on failure.
struct Fedify {
    child: Child,
    base: String,
    log: PathBuf,
    http: reqwest::Client,
}

impl Fedify {
    async fn start() -> Fedify {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("interop/fedify");
        if !dir.join("node_modules/@fedify/fedify").exists() {
            let status = Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--silent", "--prefix"])
                .arg(&dir)
                .status()
                .expect("npm runs (Node 20 or newer is needed for the Fedify test)");
            assert!(status.success(), "npm ci in interop/fedify failed");
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let log = std::env::temp_dir().join(format!("passerelle-fedify-{port}.log"));
        let out = File::create(&log).expect("log file");
        let child = Command::new("node")
            .arg(dir.join("server.mjs"))
            .args(["--port", &port.to_string()])
            .env("FEDIFY_LOG", "debug")
            .stdout(out.try_clone().expect("log file"))
            .stderr(out)
            .spawn()
            .expect("node runs (Node 20 or newer is needed for the Fedify test)");
        let mut fedify = Fedify {
            child,
            base: format!("http://localhost:{port}"),
            log,
            http: reqwest::Client::new(),
        };
        wait_for("the Fedify server answers", 30, || {
            let exited = fedify.child.try_wait().ok().flatten();
            assert!(exited.is_none(), "the Fedify server exited: {exited:?}");
            let http = fedify.http.clone();
            let url = format!("{}/_test/received", fedify.base);
            async move {
                let resp = http.get(url).send().await.ok()?;
                resp.status().is_success().then_some(())
            }
        })
        .await;
        fedify
    }

    fn authority(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    fn actor_id(&self) -> String {
        format!("{}/users/alice", self.base)
    }

    async fn get(&self, path: &str) -> Vec<Value> {
        let resp = self
            .http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("the Fedify server answers");
        resp.json().await.expect("a JSON list")
    }

    /// The activities Fedify's inbox took after verifying their signatures.
    async fn received(&self, kind: &str, actor: &str) -> Option<Value> {
        self.get("/_test/received")
            .await
            .into_iter()
            .find(|a| a["type"] == kind && a["actor"] == actor)
    }

    /// Every request Fedify served (`in`) or sent (`out`), with the status it got or gave.
    async fn requests(&self) -> Vec<Value> {
        self.get("/_test/requests").await
    }
}

impl Drop for Fedify {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            let log = std::fs::read_to_string(&self.log).unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(80).collect();
            eprintln!("--- Fedify's log ({}), last lines:", self.log.display());
            for line in tail.into_iter().rev() {
                eprintln!("{line}");
            }
        } else {
            let _ = std::fs::remove_file(&self.log);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_fedify_server_accepts_our_follow_follows_us_and_gets_our_post() {
    let net = Net::start_with(|c| c.federation.authorized_fetch = true).await;
    let bonn = net.org("stadt-bonn", false).await;
    let fedify = Fedify::start().await;
    let alice = fedify.actor_id();
    let ours = net.inst.base.clone();

    // alice is served only to signed GETs, as on a Fedify server in authorized-fetch mode.
    let unsigned = fedify
        .http
        .get(&alice)
        .header("accept", "application/activity+json")
        .send()
        .await
        .unwrap();
    assert_eq!(unsigned.status(), StatusCode::UNAUTHORIZED);

    // 1. Our editor follows alice by handle: Fedify verifies our signed GET of alice (fetching
    // our instance actor's key) and our signed Follow (fetching Bonn's key with a signed GET
    // of its own, which we verify), and answers with an Accept.
    net.follow("stadt-bonn", &format!("@alice@{}", fedify.authority()))
        .await;
    wait_for(
        "Fedify's Accept of our follow is taken here",
        30,
        || async {
            net.following_accepted("stadt-bonn", &alice)
                .await
                .filter(|a| *a)
        },
    )
    .await;
    let follow = fedify
        .received("Follow", bonn.ap_id.as_str())
        .await
        .expect("Fedify's inbox verified and took our Follow");
    assert_eq!(follow["object"], alice.as_str());

    // 2. alice follows Bonn: we verify Fedify's signed Follow and accept it; Fedify verifies
    // our signed Accept.
    let resp = fedify
        .http
        .post(format!("{}/_test/follow", fedify.base))
        .query(&[("actor", bonn.ap_id.as_str())])
        .send()
        .await
        .unwrap();
    let status = resp.status();
    let body = resp.text().await.unwrap();
    assert_eq!(status, StatusCode::ACCEPTED, "alice follows Bonn: {body}");
    let accepted_follower = format!(
        "follows f JOIN actors a ON a.id = f.follower_id \
         WHERE a.ap_id = '{alice}' AND f.accepted"
    );
    wait_for("alice is an accepted follower of Bonn", 30, || async {
        (net.count(&accepted_follower).await == 1).then_some(())
    })
    .await;
    let accept = wait_for("our Accept reaches Fedify", 30, || async {
        fedify.received("Accept", bonn.ap_id.as_str()).await
    })
    .await;
    let follow_id: Value = serde_json::from_str(&body).unwrap();
    let object = &accept["object"];
    assert!(
        object == &follow_id["follow"] || object["id"] == follow_id["follow"],
        "our Accept names alice's Follow: {accept}"
    );

    // 3. A post of Bonn's reaches alice, through Fedify's verifying shared inbox.
    let post = net.post("stadt-bonn", "Städtepartnerschaft").await;
    let create = wait_for("our Create reaches Fedify", 30, || async {
        fedify.received("Create", bonn.ap_id.as_str()).await
    })
    .await;
    let object_id = create["object"]["id"]
        .as_str()
        .or(create["object"].as_str())
        .unwrap_or_default();
    assert_eq!(object_id, post["ap_id"].as_str().unwrap(), "{create}");

    // What crossed the wire: Fedify signed with draft-cavage (the only scheme of Fedify 1.5)
    // and we took every signed request of it; its GETs of our documents were signed (an
    // unsigned one gets 401 in authorized-fetch mode) and answered.
    let requests = fedify.requests().await;
    let to_us: Vec<&Value> = requests
        .iter()
        .filter(|r| r["direction"] == "out")
        .filter(|r| r["url"].as_str().is_some_and(|u| u.starts_with(&ours)))
        .collect();
    let signed_gets: Vec<&&Value> = to_us
        .iter()
        .filter(|r| r["method"] == "GET" && r["scheme"] == "draft-cavage")
        .collect();
    assert!(
        signed_gets.iter().any(|r| r["status"] == 200),
        "Fedify fetched our documents signed: {requests:#?}"
    );
    let posts: Vec<&&Value> = to_us.iter().filter(|r| r["method"] == "POST").collect();
    assert!(
        !posts.is_empty()
            && posts
                .iter()
                .all(|r| r["scheme"] == "draft-cavage" && r["status"] == 202),
        "we took Fedify's signed POSTs: {requests:#?}"
    );
    let from_us: Vec<&Value> = requests
        .iter()
        .filter(|r| r["direction"] == "in")
        .filter(|r| {
            r["userAgent"]
                .as_str()
                .is_some_and(|u| u.starts_with("passerelle/"))
        })
        .collect();
    assert!(
        from_us.iter().any(|r| r["method"] == "GET"
            && r["url"] == alice.as_str()
            && r["scheme"] == "draft-cavage"
            && r["status"] == 200),
        "Fedify verified our signed GET of alice: {requests:#?}"
    );
    let our_posts: Vec<&&Value> = from_us.iter().filter(|r| r["method"] == "POST").collect();
    assert!(
        our_posts.len() >= 3
            && our_posts
                .iter()
                .all(|r| r["scheme"] == "draft-cavage" && r["status"] == 202),
        "Fedify took our Follow, Accept and Create: {requests:#?}"
    );
}
