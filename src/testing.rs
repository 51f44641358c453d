//! Test support, used by `tests/` and `federation-tests/`: every test gets its own database,
//! cloned from a migrated template and dropped afterwards, so tests run in parallel and leave
//! nothing behind; and real instances served on loopback ports.

use crate::app::{self, RunningInstance};
use crate::config::Config;
use crate::db;
use anyhow::Context;
use diesel::QueryableByName;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use sha2::{Digest, Sha256};
use tokio::net::TcpListener;
use tokio::sync::OnceCell;
use url::Url;

/// The PostgreSQL server tests use (`PASSERELLE_TEST_DATABASE`, default the local one).
pub fn server_url() -> String {
    std::env::var("PASSERELLE_TEST_DATABASE")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_string())
}

/// The template's name follows the migrations, so a changed migration makes a new template.
fn template_name() -> String {
    let mut h = Sha256::new();
    for m in MIGRATION_TEXTS {
        h.update(m.as_bytes());
    }
    format!("passerelle_tpl_{}", &hex::encode(h.finalize())[..16])
}

/// Every migration's text: a changed or added migration makes a new template.
const MIGRATION_TEXTS: &[&str] = &[
    include_str!("../migrations/2026-11-22-000001_foundation/up.sql"),
    include_str!("../migrations/2026-11-22-000002_federation/up.sql"),
    include_str!("../migrations/2026-11-22-000003_partnerships/up.sql"),
    include_str!("../migrations/2026-11-22-000004_search/up.sql"),
    include_str!("../migrations/2026-11-22-000006_web_sessions/up.sql"),
    include_str!("../migrations/2026-11-22-000007_search_queue/up.sql"),
    include_str!("../migrations/2026-11-22-000008_delivery_claim/up.sql"),
    include_str!("../migrations/2026-11-30-000009_inbox_statements/up.sql"),
    include_str!("../migrations/2026-11-30-000010_search_gin_direct/up.sql"),
    include_str!("../migrations/2026-11-30-000011_inbox_new_post/up.sql"),
    include_str!("../migrations/2026-12-01-000012_relays/up.sql"),
    include_str!("../migrations/2026-12-01-000013_post_audience/up.sql"),
    include_str!("../migrations/2026-12-02-000014_search_languages/up.sql"),
    include_str!("../migrations/2026-12-03-000020_events/up.sql"),
    include_str!("../migrations/2026-12-03-000021_forum/up.sql"),
    include_str!("../migrations/2026-12-03-000030_change_notifications/up.sql"),
    include_str!("../migrations/2026-12-03-000050_funding/up.sql"),
    include_str!("../migrations/2026-12-03-000060_review/up.sql"),
    include_str!("../migrations/2026-12-03-000090_search_versions/up.sql"),
    include_str!("../migrations/2026-12-03-000091_eu_codes/up.sql"),
    include_str!("../migrations/2026-12-03-000080_group_reports/up.sql"),
    include_str!("../migrations/2026-12-03-000070_partner_search/up.sql"),
    include_str!("../migrations/2026-12-03-000110_funded_by/up.sql"),
    include_str!("../migrations/2026-12-03-000100_person/up.sql"),
    include_str!("../migrations/2026-12-03-000111_candidate_changes/up.sql"),
    include_str!("../migrations/2026-12-04-000120_content_changes/up.sql"),
    include_str!("../migrations/2026-12-04-000130_content_version/up.sql"),
    include_str!("../migrations/2026-12-04-000140_search_window/up.sql"),
    include_str!("../migrations/2026-12-04-000150_delivery_claim_ids/up.sql"),
    include_str!("../migrations/2026-12-04-000160_search_phrases/up.sql"),
    include_str!("../migrations/2026-12-04-000170_excluded_phrases/up.sql"),
    include_str!("../migrations/2026-12-05-000180_delivery_leases/up.sql"),
    include_str!("../migrations/2026-12-06-000190_record_delivered_generic/up.sql"),
    include_str!("../migrations/2026-12-06-000200_record_and_claim/up.sql"),
    include_str!("../migrations/2026-12-07-000210_retention/up.sql"),
    include_str!("../migrations/2026-12-08-000220_search_kept_plans/up.sql"),
    include_str!("../migrations/2026-12-09-000230_search_documents_narrow/up.sql"),
    include_str!("../migrations/2026-12-10-000240_form_submissions/up.sql"),
    include_str!("../migrations/2026-12-11-000250_kept_forms/up.sql"),
];

static TEMPLATE: OnceCell<String> = OnceCell::const_new();

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    exists: bool,
}

async fn admin_conn() -> anyhow::Result<AsyncPgConnection> {
    AsyncPgConnection::establish(&format!("{}/postgres", server_url()))
        .await
        .context("connecting to the test PostgreSQL server")
}

/// Creates the migrated template once per machine (an advisory lock guards parallel test
/// processes).
async fn template() -> anyhow::Result<String> {
    TEMPLATE
        .get_or_try_init(|| async {
            let name = template_name();
            let mut admin = admin_conn().await?;
            diesel::sql_query("SELECT pg_advisory_lock(7355608)").execute(&mut admin).await?;
            let result = async {
                let found: Exists =
                    diesel::sql_query("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate) AS exists")
                        .bind::<diesel::sql_types::Text, _>(&name)
                        .get_result(&mut admin)
                        .await?;
                if !found.exists {
                    diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).execute(&mut admin).await?;
                    diesel::sql_query(format!("CREATE DATABASE \"{name}\"")).execute(&mut admin).await?;
                    let url = Url::parse(&format!("{}/{name}", server_url()))?;
                    db::run_migrations(&url).await?;
                    diesel::sql_query(format!("ALTER DATABASE \"{name}\" WITH IS_TEMPLATE true")).execute(&mut admin).await?;
                }
                anyhow::Ok(())
            }
            .await;
            diesel::sql_query("SELECT pg_advisory_unlock(7355608)").execute(&mut admin).await?;
            result.map(|_| name)
        })
        .await
        .cloned()
}

/// A database of its own for one test; dropped when this value is.
pub struct TestDb {
    pub url: Url,
    name: String,
}

impl TestDb {
    pub async fn new() -> anyhow::Result<TestDb> {
        let template = template().await?;
        let name = format!("passerelle_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = admin_conn().await?;
        // Copies from one template serialise inside PostgreSQL; a copy that starts while
        // another holds the template is refused, so try again a few times.
        let mut attempt = 0;
        loop {
            match diesel::sql_query(format!(
                "CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""
            ))
            .execute(&mut admin)
            .await
            {
                Ok(_) => break,
                Err(e)
                    if attempt < 50 && e.to_string().contains("being accessed by other users") =>
                {
                    attempt += 1;
                    tokio::time::sleep(std::time::Duration::from_millis(20 * attempt)).await;
                }
                Err(e) => return Err(e).context("creating a test database"),
            }
        }
        Ok(TestDb {
            url: Url::parse(&format!("{}/{name}", server_url()))?,
            name,
        })
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Dropping needs async I/O; do it on a thread of its own so this works inside and
        // outside a runtime.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async {
                if let Ok(mut admin) = admin_conn().await {
                    let _ = diesel::sql_query(format!(
                        "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                    ))
                    .execute(&mut admin)
                    .await;
                }
            });
        })
        .join();
    }
}

/// A configuration for a test instance on `port`, with its own database.
pub fn test_config(port: u16, db: &TestDb, peers: &[String]) -> anyhow::Result<Config> {
    let text = format!(
        r#"
[instance]
domain = "localhost:{port}"
name = {{ de = "Testnetz", fr = "Réseau de test", en = "Test network" }}
description = {{ de = "Ein Netz für Tests.", fr = "Un réseau pour les tests." }}
[http]
listen = "127.0.0.1:{port}"
[database]
url = "{}"
pool_size = 8
[federation]
debug = true
[delivery]
retry_base_ms = 200
lease_seconds = 3
[media]
dir = "{}"
"#,
        db.url,
        std::env::temp_dir()
            .join("passerelle-test-media")
            .display()
            .to_string()
            .replace('\\', "/")
    );
    let mut cfg = Config::from_layers(&text, "test configuration", std::iter::empty())?;
    cfg.federation.peers = peers.to_vec();
    Ok(cfg)
}

/// A real instance serving on a loopback port, with its own database.
pub struct TestInstance {
    pub running: Option<RunningInstance>,
    pub base: String,
    pub db: TestDb,
}

impl TestInstance {
    pub async fn start() -> anyhow::Result<TestInstance> {
        Self::start_with(|_| {}).await
    }

    /// Starts an instance after `adjust` has changed its configuration.
    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> anyhow::Result<TestInstance> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        Self::start_bound(listener, adjust).await
    }

    /// Starts `n` instances, each configured with all the others as its peers.
    pub async fn start_peers(
        n: usize,
        adjust: impl Fn(&mut Config),
    ) -> anyhow::Result<Vec<TestInstance>> {
        let mut listeners = Vec::with_capacity(n);
        for _ in 0..n {
            listeners.push(TcpListener::bind("127.0.0.1:0").await?);
        }
        let domains: Vec<String> = listeners
            .iter()
            .map(|l| Ok(format!("localhost:{}", l.local_addr()?.port())))
            .collect::<anyhow::Result<_>>()?;
        let mut out = Vec::with_capacity(n);
        for (i, listener) in listeners.into_iter().enumerate() {
            let peers: Vec<String> = domains
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, d)| d.clone())
                .collect();
            out.push(
                Self::start_bound(listener, |c| {
                    c.federation.peers = peers;
                    adjust(c);
                })
                .await?,
            );
        }
        Ok(out)
    }

    async fn start_bound(
        listener: TcpListener,
        adjust: impl FnOnce(&mut Config),
    ) -> anyhow::Result<TestInstance> {
        let db = TestDb::new().await?;
        let port = listener.local_addr()?.port();
        let mut config = test_config(port, &db, &[])?;
        adjust(&mut config);
        let base = config.base_url();
        let state = app::prepare(config).await?;
        let running = app::start(state, listener).await?;
        Ok(TestInstance {
            running: Some(running),
            base,
            db,
        })
    }

    pub fn state(&self) -> &crate::state::AppState {
        &self.running.as_ref().expect("instance is running").state
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Builds the search documents queued so far, as the instance's indexer would within
    /// `search::indexer::POLL`: for tests that search what they just wrote.
    pub async fn index_search(&self) -> anyhow::Result<i64> {
        let mut conn = self.state().pool.get().await?;
        Ok(crate::search::indexer::catch_up(&mut conn).await?)
    }

    pub fn domain(&self) -> &str {
        &self.state().config.instance.domain
    }

    /// Starts a second instance with a database of its own, configured as a peer network.
    pub async fn start_on(port: Option<u16>) -> anyhow::Result<TestInstance> {
        let db = TestDb::new().await?;
        let listener = TcpListener::bind(("127.0.0.1", port.unwrap_or(0))).await?;
        let port = listener.local_addr()?.port();
        let config = test_config(port, &db, &[])?;
        let base = config.base_url();
        let state = app::prepare(config).await?;
        let running = app::start(state, listener).await?;
        Ok(TestInstance {
            running: Some(running),
            base,
            db,
        })
    }

    pub fn port(&self) -> u16 {
        self.running
            .as_ref()
            .map(|r| r.addr.port())
            .unwrap_or_default()
    }

    /// Stops serving (gracefully), keeping the database: the instance is "down".
    pub async fn go_down(&mut self) {
        if let Some(r) = self.running.take() {
            r.stop().await;
        }
    }

    /// Serves again on the same port with the same database.
    pub async fn come_back(&mut self, port: u16) -> anyhow::Result<()> {
        let config = test_config(port, &self.db, &[])?;
        let state = app::prepare(config).await?;
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        self.running = Some(app::start(state, listener).await?);
        Ok(())
    }

    pub async fn stop(mut self) {
        if let Some(r) = self.running.take() {
            r.stop().await;
        }
    }
}
