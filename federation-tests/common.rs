//! A network of test instances and helpers to act on them and wait for outcomes.

use passerelle::auth;
use passerelle::db::models::actor::DbActor;
use passerelle::db::models::post::DbPost;
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::testing::TestInstance;
use passerelle::vocab::OrgKind;
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use std::future::Future;
use std::time::{Duration, Instant};

/// One network's instance with an editor token for all its organisations.
pub struct Net {
    pub inst: TestInstance,
    pub token: String,
    pub http: Client,
}

impl Net {
    pub async fn start() -> Net {
        Self::start_with(|_| {}).await
    }

    /// An instance in authorized-fetch mode (every GET of an actor, post or collection
    /// must be signed, as Mastodon in secure mode has it), adjusted by `adjust`.
    pub async fn start_with(adjust: impl FnOnce(&mut passerelle::config::Config)) -> Net {
        let inst = TestInstance::start_with(|c| {
            c.federation.authorized_fetch = true;
            adjust(c)
        })
        .await
        .expect("instance starts");
        let mut conn = inst.state().pool.get().await.unwrap();
        let admin = auth::create_account(&mut conn, "redaktion", "editor-password-1", true, false)
            .await
            .unwrap();
        let token = auth::issue_token(&mut conn, &admin, "test")
            .await
            .unwrap()
            .1;
        Net {
            inst,
            token,
            http: Client::new(),
        }
    }

    pub fn domain(&self) -> String {
        self.inst.domain().to_string()
    }

    pub async fn org(&self, handle: &str, manual: bool) -> DbActor {
        let mut conn = self.inst.state().pool.get().await.unwrap();
        let input = NewOrganisation {
            handle: handle.into(),
            name: format!("Org {handle}"),
            kind: OrgKind::Municipality,
            profile: Profile {
                manually_approves_followers: manual,
                discoverable: true,
                indexable: true,
                ..Profile::default()
            },
        };
        orgs::create(&mut conn, &self.inst.state().urls, &input)
            .await
            .unwrap()
    }

    pub fn handle(&self, org: &str) -> String {
        format!("@{org}@{}", self.domain())
    }

    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self
            .http
            .request(method, self.inst.url(path))
            .bearer_auth(&self.token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status();
        let text = resp.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    pub async fn follow(&self, follower: &str, target: &str) -> Value {
        let (status, body) = self
            .call(
                reqwest::Method::POST,
                &format!("/api/v1/organisations/{follower}/following"),
                Some(json!({"target": target})),
            )
            .await;
        assert_eq!(status, StatusCode::ACCEPTED, "follow: {body}");
        body
    }

    pub async fn post(&self, org: &str, title: &str) -> Value {
        let body = json!({"translations": [
            {"language": "fr", "title": title, "summary": format!("Résumé de {title}"), "body": format!("Texte de *{title}*")},
            {"language": "de", "title": format!("{title} (de)"), "summary": "Zusammenfassung", "body": "Text"}
        ], "themes": ["youth"]});
        let (status, post) = self
            .call(
                reqwest::Method::POST,
                &format!("/api/v1/organisations/{org}/posts"),
                Some(body),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "post: {post}");
        self.inst.index_search().await.unwrap();
        post
    }

    pub async fn stored_post(&self, ap_id: &str) -> Option<passerelle::db::models::post::PostFull> {
        let mut conn = self.inst.state().pool.get().await.unwrap();
        let p = DbPost::by_ap_id(&mut conn, ap_id).await.unwrap()?;
        Some(DbPost::full(&mut conn, p).await.unwrap())
    }

    pub async fn following_accepted(&self, org: &str, target_url: &str) -> Option<bool> {
        let (_, list) = self
            .call(
                reqwest::Method::GET,
                &format!("/api/v1/organisations/{org}/following"),
                None,
            )
            .await;
        list.as_array()?
            .iter()
            .find(|f| f["actor"] == target_url)
            .map(|f| f["accepted"] == true)
    }

    pub async fn count(&self, sql_from_where: &str) -> i64 {
        use diesel::QueryableByName;
        use diesel_async::RunQueryDsl;
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let mut conn = self.inst.state().pool.get().await.unwrap();
        let r: N = diesel::sql_query(format!("SELECT count(*) AS n FROM {sql_from_where}"))
            .get_result(&mut conn)
            .await
            .unwrap();
        r.n
    }
}

impl Net {
    /// Runs a statement on this instance's database.
    pub async fn exec(&self, sql: &str) {
        use diesel_async::RunQueryDsl;
        let mut conn = self.inst.state().pool.get().await.unwrap();
        diesel::sql_query(sql).execute(&mut conn).await.unwrap();
    }
}

/// Every delivery queued, pending, given up or delivered (delivered ones leave `deliveries`
/// for `delivered_batches`), as a table `(activity_id, inbox, domain)` to put after `FROM`
/// with an alias.
pub const SENT: &str = "(SELECT activity_id, inbox, domain FROM deliveries \
     UNION ALL SELECT b.activity_id, t.inbox, t.domain FROM delivered_batches b, \
     unnest(b.inboxes, b.domains) AS t(inbox, domain))";

/// Waits until `check` returns `Some`, polling; panics with `what` after `secs` seconds.
pub async fn wait_for<T, F, Fut>(what: &str, secs: u64, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(v) = check().await {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
