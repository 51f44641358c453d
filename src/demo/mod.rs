//! `passerelle demo`: three networks (dfi, nrw, afccre) as three real instances on
//! localhost, each with its own database, filled with sample organisations, editors and
//! bilingual posts. Every run resets the demo databases, so it starts clean each time.

mod codes;
mod data;
mod events;
mod forum;
pub mod funding;
pub mod partners;
mod review;

use crate::app::{self, RunningInstance};
use crate::auth;
use crate::config::{Config, shipped_config_dir};
use crate::db;
use crate::db::models::actor::DbActor;
use crate::db::models::post::DbPost;
use crate::orgs::{self, NewOrganisation, Profile};
use crate::posts::{PostInput, TranslationInput};
use anyhow::Context;
use std::collections::BTreeMap;
use tokio::net::TcpListener;

#[derive(clap::Args, Debug, Clone)]
pub struct DemoArgs {
    /// Ports of dfi, nrw and afccre.
    #[arg(long, value_delimiter = ',', default_values_t = [8101u16, 8102, 8103])]
    pub ports: Vec<u16>,
    /// PostgreSQL server for the demo databases (passerelle_demo_<network>).
    #[arg(
        long,
        env = "PASSERELLE_DEMO_DATABASE",
        default_value = "postgres://postgres@127.0.0.1:5432"
    )]
    pub database: String,
    /// Set everything up, print it, and exit instead of serving (for checks).
    #[arg(long)]
    pub setup_only: bool,
}

/// The password of the demo accounts, printed with them.
pub const DEMO_PASSWORD: &str = "demo-passerelle";

pub struct DemoInstance {
    pub network: &'static str,
    pub instance: RunningInstance,
    pub editor_token: String,
    pub admin_token: String,
    pub handles: Vec<String>,
}

/// The configuration of one demo network: the shipped file with the demo's ports and database.
pub fn demo_config(network: &str, ports: &[u16], database: &str) -> anyhow::Result<Config> {
    let names = ["dfi", "nrw", "afccre"];
    let idx = names
        .iter()
        .position(|n| *n == network)
        .context("unknown network")?;
    let path = shipped_config_dir().join(format!("{network}.toml"));
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let port = ports[idx];
    let peers: Vec<String> = (0..3)
        .filter(|i| *i != idx)
        .map(|i| format!("\"localhost:{}\"", ports[i]))
        .collect();
    let env = [
        (
            "PASSERELLE_INSTANCE_DOMAIN".to_string(),
            format!("localhost:{port}"),
        ),
        (
            "PASSERELLE_HTTP_LISTEN".to_string(),
            format!("127.0.0.1:{port}"),
        ),
        (
            "PASSERELLE_DATABASE_URL".to_string(),
            format!(
                "{}/passerelle_demo_{network}",
                database.trim_end_matches('/')
            ),
        ),
        (
            "PASSERELLE_FEDERATION_DEBUG".to_string(),
            "true".to_string(),
        ),
        (
            "PASSERELLE_FEDERATION_PEERS".to_string(),
            format!("[{}]", peers.join(", ")),
        ),
    ];
    Config::from_layers(&text, &path.display().to_string(), env)
}

/// Starts the three demo instances with fresh data.
pub async fn start(args: &DemoArgs) -> anyhow::Result<Vec<DemoInstance>> {
    anyhow::ensure!(
        args.ports.len() == 3,
        "--ports takes three ports: dfi, nrw, afccre"
    );
    let mut out = Vec::new();
    for (i, network) in data::NETWORKS.iter().enumerate() {
        let config = demo_config(network.name, &args.ports, &args.database)?;
        // Bind first: a port in use stops the demo before any data is touched.
        let listener = TcpListener::bind(config.http.listen)
            .await
            .with_context(|| {
                format!(
                    "port {} for {} is in use; pick others with --ports",
                    args.ports[i], network.name
                )
            })?;
        db::drop_database(&config.database.url).await?;
        let state = app::prepare(config).await?;
        let (editor_token, admin_token, handles) = seed(&state, network).await?;
        let instance = app::start(state, listener).await?;
        out.push(DemoInstance {
            network: network.name,
            instance,
            editor_token,
            admin_token,
            handles,
        });
    }
    // Partners follow each other across networks, through real signed federation...
    follow_partners(&out, &args.ports).await?;
    // Twin towns confirm their partnerships: one side proposes, the other accepts.
    confirm_partnerships(&out, &args.ports).await?;
    // ...so that the posts, published now, reach them.
    for (d, network) in out.iter().zip(data::NETWORKS) {
        publish_posts(&d.instance.state, network, &args.ports).await?;
    }
    settle(&out).await;
    // Events on every network; an organisation of one joins an event of another.
    events::publish(&out, &args.ports).await?;
    settle(&out).await;
    // Discussion groups with threads and comments across networks.
    forum::publish(&out).await?;
    // The dfi's showcase: one project approved, one waiting for its reviewers.
    review::publish(&out).await?;
    // Each network subscribes to the others' posts (the relay), so that every network's
    // content is searchable everywhere, even while its own instance is down.
    subscribe_networks(&out).await?;
    settle(&out).await;
    // The dfi's funding programmes, sent to the networks subscribed to it.
    funding::seed(&out).await?;
    settle(&out).await;
    // Organisations looking for partners on each network.
    partners::seed(&out).await?;
    Ok(out)
}

async fn subscribe_networks(instances: &[DemoInstance]) -> anyhow::Result<()> {
    use diesel_async::AsyncConnection;
    for d in instances {
        let state = &d.instance.state;
        let fed = crate::federation::federation_config(state.clone()).await?;
        let data = fed.to_request_data();
        let mut conn = state.pool.get().await?;
        for peer in &state.config.federation.peers {
            let target = crate::api::relays::resolve_target(&data, peer, None)
                .await
                .map_err(|e| anyhow::anyhow!("{peer}: {}", e.message))?;
            conn.transaction::<_, crate::error::AppError, _>(async |conn| {
                crate::federation::activities::relay::subscribe(conn, state, &target).await
            })
            .await
            .map_err(|e| anyhow::anyhow!(e.message))?;
        }
        state.wakeup.wake();
    }
    Ok(())
}

/// A search from one network for a word of another's post, as the demo shows it.
async fn show_search(instances: &[DemoInstance]) -> anyhow::Result<()> {
    let Some(nrw) = instances.iter().find(|d| d.network == "nrw") else {
        return Ok(());
    };
    // Posts are indexed by each server's indexer within a moment; build what is queued now.
    for d in instances {
        let mut conn = d.instance.state.pool.get().await?;
        crate::search::indexer::catch_up(&mut conn).await?;
    }
    let params = crate::search::SearchParams {
        q: "subventions".into(),
        ..Default::default()
    };
    let search = params.check().map_err(|e| anyhow::anyhow!(e.message))?;
    let answer = crate::search::run(&nrw.instance.state, &search)
        .await
        .map_err(|e| anyhow::anyhow!(e.message))?;
    println!(
        "Search on nrw for \"subventions\" (a word of a post on afccre): {} match(es)",
        answer.total
    );
    for h in answer.hits.iter().take(3) {
        println!("   {} — {} ({})", h.title, h.url, h.network);
    }
    let networks: Vec<String> = answer
        .networks
        .iter()
        .map(|n| format!("{} {}", n.network, n.status))
        .collect();
    println!("   networks: {}\n", networks.join(", "));
    Ok(())
}

fn state_of<'a>(
    instances: &'a [DemoInstance],
    spec: &'a str,
) -> anyhow::Result<(&'a crate::state::AppState, &'a str)> {
    let (net, handle) = spec.split_once(':').context("demo follow spec")?;
    let d = instances
        .iter()
        .find(|d| d.network == net)
        .context("demo network")?;
    Ok((&d.instance.state, handle))
}

async fn follow_partners(instances: &[DemoInstance], ports: &[u16]) -> anyhow::Result<()> {
    use crate::db::models::follow::DbFollow;
    use diesel_async::AsyncConnection;
    let mut pending = Vec::new();
    for (from, to) in data::FOLLOWS {
        let (state, handle) = state_of(instances, from)?;
        let target_url = url::Url::parse(&partner_url(to, ports))?;
        let target = crate::federation::resolve::actor(state, &target_url)
            .await
            .map_err(|e| anyhow::anyhow!("demo: fetching {to}: {e}"))?;
        let mut conn = state.pool.get().await?;
        let follower = DbActor::local_by_handle(&mut conn, handle)
            .await?
            .context("demo follower")?;
        conn.transaction::<_, crate::error::AppError, _>(async |conn| {
            crate::federation::activities::follow::follow(conn, state, &follower, &target).await
        })
        .await
        .map_err(|e| anyhow::anyhow!("demo: following {to}: {}", e.message))?;
        state.wakeup.wake();
        pending.push((state, follower.id, target.id));
    }
    // Wait (bounded) for the Accepts to come back.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    for (state, follower, target) in pending {
        loop {
            let mut conn = state.pool.get().await?;
            if DbFollow::find(&mut conn, follower, target)
                .await?
                .is_some_and(|f| f.accepted)
            {
                break;
            }
            anyhow::ensure!(
                std::time::Instant::now() < deadline,
                "demo: a follow was not accepted within 120 s"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
    Ok(())
}

async fn confirm_partnerships(instances: &[DemoInstance], ports: &[u16]) -> anyhow::Result<()> {
    use crate::db::models::partnership::DbPartnership;
    use diesel_async::AsyncConnection;
    let err = |e: crate::error::AppError| anyhow::anyhow!("demo partnership: {}", e.message);
    let mut proposed = Vec::new();
    for (from, to, kind, year) in data::PARTNERSHIPS {
        let (state, handle) = state_of(instances, from)?;
        let partner_url = url::Url::parse(&partner_url(to, ports))?;
        let partner = crate::federation::resolve::actor(state, &partner_url)
            .await
            .map_err(|e| anyhow::anyhow!("demo: fetching {to}: {e}"))?;
        let mut conn = state.pool.get().await?;
        let subject = DbActor::local_by_handle(&mut conn, handle)
            .await?
            .context("demo proposer")?;
        let proposal = crate::partnerships::Proposal {
            partner: partner.ap_id.to_string(),
            kind: kind.parse().map_err(|e: String| anyhow::anyhow!(e))?,
            founded_year: Some(*year),
            languages: vec!["de".into(), "fr".into()],
            themes: vec![],
            description: BTreeMap::new(),
        };
        let p = conn
            .transaction::<_, crate::error::AppError, _>(async |conn| {
                crate::partnerships::propose(conn, state, &subject, &partner, &proposal).await
            })
            .await
            .map_err(err)?;
        state.wakeup.wake();
        proposed.push(p.partnership.ap_id);
    }
    // The partner side accepts each proposal once its Offer has arrived.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    for ((_, to, _, _), ap_id) in data::PARTNERSHIPS.iter().zip(proposed) {
        let (state, _) = state_of(instances, to)?;
        let row = loop {
            let mut conn = state.pool.get().await?;
            if let Some(row) = DbPartnership::by_ap_id(&mut conn, &ap_id).await? {
                break row;
            }
            anyhow::ensure!(
                std::time::Instant::now() < deadline,
                "demo: a partnership proposal did not arrive within 30 s"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        };
        let mut conn = state.pool.get().await?;
        let full = DbPartnership::with_actors(&mut conn, vec![row])
            .await?
            .pop()
            .context("demo partnership sides")?;
        conn.transaction::<_, crate::error::AppError, _>(async |conn| {
            crate::partnerships::answer(conn, state, &full, full.object.id, true).await
        })
        .await
        .map_err(err)?;
        state.wakeup.wake();
    }
    Ok(())
}

/// Waits (bounded) until every instance has delivered what it queued.
async fn settle(instances: &[DemoInstance]) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    for d in instances {
        while std::time::Instant::now() < deadline {
            let Ok(mut conn) = d.instance.state.pool.get().await else {
                break;
            };
            match crate::db::models::delivery::summary(&mut conn).await {
                Ok(s) if s.pending > 0 => {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await
                }
                _ => break,
            }
        }
    }
}

fn partner_url(spec: &str, ports: &[u16]) -> String {
    let (net, handle) = spec.split_once(':').unwrap_or(("", spec));
    let port = match net {
        "dfi" => ports[0],
        "nrw" => ports[1],
        _ => ports[2],
    };
    format!("http://localhost:{port}/o/{handle}")
}

async fn seed(
    state: &crate::state::AppState,
    network: &data::Network,
) -> anyhow::Result<(String, String, Vec<String>)> {
    let mut conn = state.pool.get().await?;
    let err = |e: crate::error::AppError| anyhow::anyhow!("demo data: {}", e.message);
    let admin = auth::create_account(&mut conn, "admin", DEMO_PASSWORD, true, false)
        .await
        .map_err(err)?;
    let editor = auth::create_account(&mut conn, "redaktion", DEMO_PASSWORD, false, false)
        .await
        .map_err(err)?;
    let mut handles = Vec::new();
    for o in network.orgs {
        let input = NewOrganisation {
            handle: o.handle.into(),
            name: o.name.into(),
            kind: o.kind.parse().map_err(|e: String| anyhow::anyhow!(e))?,
            profile: Profile {
                summary: BTreeMap::from([
                    ("de".into(), o.summary_de.into()),
                    ("fr".into(), o.summary_fr.into()),
                ]),
                country: Some(o.country.into()),
                region: Some(o.region.into()),
                official_code: o.code.map(Into::into),
                nuts: codes::nuts(o.handle).map(Into::into),
                population: o.population,
                languages: o.languages.iter().map(|l| l.to_string()).collect(),
                themes: o.themes.iter().map(|t| t.to_string()).collect(),
                latitude: Some(o.lat),
                longitude: Some(o.lon),
                discoverable: true,
                indexable: true,
                ..Profile::default()
            },
        };
        let actor = orgs::create(&mut conn, &state.urls, &input)
            .await
            .map_err(err)?;
        crate::db::models::account::Account::grant_editor(&mut conn, editor.id, actor.id).await?;
        handles.push(format!(
            "@{}@{}",
            actor.handle, state.config.instance.domain
        ));
    }
    let (_, editor_token) = auth::issue_token(&mut conn, &editor, "demo")
        .await
        .map_err(err)?;
    let (_, admin_token) = auth::issue_token(&mut conn, &admin, "demo")
        .await
        .map_err(err)?;
    Ok((editor_token, admin_token, handles))
}

/// The language versions of a sample post or event: (language, title, summary, body).
fn translations(versions: &[(&str, &str, &str, &str)]) -> anyhow::Result<Vec<TranslationInput>> {
    versions
        .iter()
        .map(|(l, title, summary, body)| {
            Ok(TranslationInput {
                language: l.parse().map_err(|e: String| anyhow::anyhow!(e))?,
                title: title.to_string(),
                summary: summary.to_string(),
                body: body.to_string(),
            })
        })
        .collect()
}

/// Publishes the network's sample posts, delivered to followers like an editor's would be.
async fn publish_posts(
    state: &crate::state::AppState,
    network: &data::Network,
    ports: &[u16],
) -> anyhow::Result<()> {
    use diesel_async::AsyncConnection;
    let mut conn = state.pool.get().await?;
    let err = |e: crate::error::AppError| anyhow::anyhow!("demo data: {}", e.message);
    for p in network.posts {
        let author = DbActor::local_by_handle(&mut conn, p.author)
            .await?
            .context("demo post author")?;
        let input = PostInput {
            main_language: None,
            translations: translations(p.versions)?,
            themes: p.themes.iter().map(|t| t.to_string()).collect(),
            sdgs: p.sdgs.to_vec(),
            partners: p.partners.iter().map(|s| partner_url(s, ports)).collect(),
            place: Some(p.place.into()),
            starts_on: p.starts_on.map(|d| d.parse()).transpose()?,
            ends_on: p.ends_on.map(|d| d.parse()).transpose()?,
            images: vec![],
            in_reply_to: None,
            funded_by: None,
        };
        let data = input
            .validate(&mut conn, state.urls.base())
            .await
            .map_err(err)?;
        let ap_id = state.urls.post(&uuid::Uuid::new_v4());
        let post = conn
            .transaction::<_, crate::error::AppError, _>(async |conn| {
                let post = DbPost::create(conn, &ap_id, author.id, true, &data).await?;
                crate::federation::activities::post::publish(conn, state, &author, &post, false)
                    .await?;
                Ok(post)
            })
            .await
            .map_err(err)?;
        state.wakeup.wake();
        if p.pinned {
            DbPost::set_pinned(&mut conn, post.post.id, true).await?;
        }
    }
    Ok(())
}

pub async fn run(args: DemoArgs) -> anyhow::Result<()> {
    let instances = start(&args).await?;
    println!("passerelle demo: three networks running\n");
    for d in &instances {
        let base = d.instance.state.urls.base();
        println!("== {} — {base}", d.network);
        println!(
            "   log in: admin / {DEMO_PASSWORD} (instance admin), redaktion / {DEMO_PASSWORD} (editor of every organisation)"
        );
        println!("   editors' and operators' interface: {base}/login");
        println!("   editor token: {}", d.editor_token);
        println!("   admin token:  {}", d.admin_token);
        println!("   organisations:");
        for h in &d.handles {
            println!("     {h}");
        }
        println!();
    }
    if let Some(d) = instances.iter().find(|d| d.network == "nrw") {
        let base = d.instance.state.urls.base();
        println!("Try:");
        println!("   curl -H 'Accept: application/activity+json' {base}/o/stadt-dortmund");
        println!(
            "   curl '{base}/.well-known/webfinger?resource=acct:stadt-dortmund@{}'",
            d.instance.state.config.instance.domain
        );
        println!(
            "   curl -H 'Accept: application/activity+json' '{base}/o/stadt-dortmund/outbox?page=true'"
        );
        println!("   open {base}/o/stadt-dortmund in a browser");
        println!("   curl '{base}/api/v1/search?q=jumelage&kind=post'\n");
    }
    show_search(&instances).await?;
    events::show(&instances).await?;
    forum::show(&instances).await?;
    review::show(&instances).await?;
    if args.setup_only {
        println!("set up; exiting (--setup-only)");
    } else {
        println!("Press Ctrl-C to stop.");
        app::shutdown_signal().await;
    }
    for d in instances {
        d.instance.stop().await;
    }
    Ok(())
}
